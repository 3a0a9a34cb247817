//! Every subcommand that takes an incident takes any start of its id that only it has, or
//! words of its title that only its title has; several matches are an error that lists them
//! (id and title), and no match says how to find the ids.

use std::path::Path;

use assert_cmd::Command;
use retro::model::Moment;
use retro::storage::Store;

const API: &str = "2026-03-12-checkout-api-errors-after-config-push";
const LATENCY: &str = "2026-03-12-checkout-latency-in-eu-west";
const DNS: &str = "2026-04-01-dns-resolution-failures";

struct Folder {
    tmp: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        let tmp = tempfile::tempdir().unwrap();
        let store = Store::open(tmp.path().join("incidents")).unwrap();
        for (title, date) in [
            ("Checkout API errors after config push", "2026-03-12"),
            ("Checkout latency in eu-west", "2026-03-12"),
            ("DNS resolution failures", "2026-04-01"),
        ] {
            let now = Moment::utc("2026-04-02T10:00:00Z".parse().unwrap());
            let incident = store.new_incident(title, date.parse().unwrap(), now);
            store.create(incident).unwrap();
        }
        Folder { tmp }
    }

    fn dir(&self) -> std::path::PathBuf {
        self.tmp.path().join("incidents")
    }

    /// (exit code, stdout, stderr)
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_retro"))
            .env_remove("RETRO_DIR")
            .env("RETRO_CACHE_DIR", self.tmp.path().join("cache"))
            .current_dir(self.tmp.path())
            .arg("--dir")
            .arg(self.dir())
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

#[test]
fn a_unique_prefix_of_an_id_names_the_incident() {
    let f = Folder::new();
    assert!(Path::new(&f.dir().join(format!("{DNS}.toml"))).is_file());
    let (code, out, err) = f.run(&["show", "2026-04"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("DNS resolution failures"), "{out}");
    let (code, out, err) = f.run(&["export", "2026-03-12-checkout-a"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Checkout API errors after config push"),
        "{out}"
    );
    assert!(!out.contains("latency"), "{out}");
}

#[test]
fn a_unique_word_of_the_title_names_the_incident_wherever_an_id_is_taken() {
    let f = Folder::new();
    let (code, out, err) = f.run(&["show", "dns"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("id {DNS}")), "{out}");
    let (code, out, err) = f.run(&["export", "Latency", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(LATENCY), "{out}");
    // Several words: all of them in one title.
    let (code, out, err) = f.run(&["show", "config push"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&format!("id {API}")), "{out}");
    let (code, _, err) = f.run(&["check", "latency"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = f.run(&["lint", "resolution", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    // `import` writes into the incident it resolves.
    let chat = f.tmp.path().join("chat.txt");
    std::fs::write(&chat, "[14:02] alice: the resolver is failing\n").unwrap();
    let chat = chat.to_string_lossy().into_owned();
    let (code, out, err) = f.run(&["import", "dns", &chat, "--from", "paste"]);
    assert_eq!(code, 0, "{out}{err}");
    let dns = std::fs::read_to_string(f.dir().join(format!("{DNS}.toml"))).unwrap();
    assert!(dns.contains("the resolver is failing"), "{dns}");
    // `metric` too (a file that is not a series is its own error, after the incident is found).
    let series = f.tmp.path().join("empty.csv");
    std::fs::write(&series, "").unwrap();
    let (code, _, err) = f.run(&["metric", "dns", &series.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(!err.contains("could be any of"), "{err}");
    assert!(!err.contains("no incident matches"), "{err}");
}

#[test]
fn an_ambiguous_prefix_or_word_lists_the_candidates_with_their_titles() {
    let f = Folder::new();
    let (code, out, err) = f.run(&["show", "2026-03-12-checkout"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(out, "");
    assert!(
        err.contains("could be any of 2 incidents (by id prefix)"),
        "{err}"
    );
    for expected in [
        API,
        LATENCY,
        "Checkout API errors after config push",
        "Checkout latency in eu-west",
    ] {
        assert!(err.contains(expected), "{expected} missing from: {err}");
    }
    assert!(!err.contains(DNS), "{err}");
    let (code, _, err) = f.run(&["export", "checkout"]);
    assert_eq!(code, 2);
    assert!(err.contains("(by title word)"), "{err}");
    assert!(err.contains(API) && err.contains(LATENCY), "{err}");
    // Nothing was changed by a command that could not tell which incident was meant.
    let before = std::fs::read_to_string(f.dir().join(format!("{API}.toml"))).unwrap();
    let chat = f.tmp.path().join("chat.txt");
    std::fs::write(&chat, "[14:02] alice: hello\n").unwrap();
    let (code, _, err) = f.run(&[
        "import",
        "checkout",
        &chat.to_string_lossy(),
        "--from",
        "paste",
    ]);
    assert_eq!(code, 2, "{err}");
    let after = std::fs::read_to_string(f.dir().join(format!("{API}.toml"))).unwrap();
    assert_eq!(before, after);
}

#[test]
fn no_match_is_an_error_that_says_where_the_ids_are() {
    let f = Folder::new();
    let (code, out, err) = f.run(&["show", "zebra"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("no incident matches `zebra`"), "{err}");
    assert!(err.contains("retro list"), "{err}");
    let (code, _, err) = f.run(&["check", "zebra"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = f.run(&["lint", "zebra"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("zebra"), "{err}");
    // A path that does not exist is still reported as a missing file.
    let (code, _, err) = f.run(&["show", "nowhere/incident.toml"]);
    assert_eq!(code, 2);
    assert!(!err.contains("could be any of"), "{err}");
}
