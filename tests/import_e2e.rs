//! The import preview end to end: the real `retro` binary in a pseudo-terminal, read back
//! through a terminal emulator (`vt100`), then checked on disk. Each step waits for the screen
//! to show that the previous key was handled (no fixed sleeps decide anything).

use retro::model::codec::parse;
use retro::model::{Incident, Milestone, Parsed};
use std::path::Path;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(20);
const ID: &str = "2024-03-12-checkout-api-5xx";

#[path = "common/pty.rs"]
mod pty;

/// The program in a 140×40 pseudo-terminal; every wait fails after [`TIMEOUT`] with the screen
/// printed.
struct Tui(pty::Pty);

impl Tui {
    fn start(dir: &Path) -> Tui {
        Tui(pty::Pty::start_with(dir, 140, 40, &dir.join(".cache"), &[]))
    }

    fn send(&mut self, keys: &str) {
        self.0.send(keys);
    }

    fn wait_for(&mut self, text: &str) {
        self.0
            .wait_until(&format!("{text:?}"), TIMEOUT, |s| s.contains(text));
    }

    fn wait_exit(&mut self) {
        self.0.wait_exit_success(TIMEOUT);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn import_through_the_preview_untick_one_and_set_a_key_moment() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::copy(
        fixtures.join(format!("incidents/{ID}.toml")),
        dir.join(format!("{ID}.toml")),
    )
    .unwrap();
    // The export sits in the working folder: a relative path is typed.
    copy_dir(&fixtures.join("slack"), &dir.join("export"));

    let mut tui = Tui::start(dir);
    tui.wait_for("Checkout API 5xx after config push");
    tui.send("\r");
    tui.wait_for("0 · Overview");
    tui.send("3");
    tui.wait_for("f import");
    tui.send("f");
    tui.wait_for("Import into the timeline");
    tui.send("exp");
    tui.wait_for("exp");
    tui.send("\t");
    tui.wait_for("export/");
    tui.send(" #inc-2417-checkout");
    tui.wait_for("#inc-2417-checkout");
    tui.send("\r");
    tui.wait_for("12 of 12 ticked");
    // Untick the first message (the PagerDuty trigger).
    tui.send(" ");
    tui.wait_for("11 of 12 ticked");
    // The second becomes "detected": m once is impact started, twice detected.
    tui.send("j");
    tui.send("m");
    tui.wait_for("◆ impact_started");
    tui.send("m");
    tui.wait_for("◆ detected");
    tui.send("\r");
    tui.wait_for("added 11 entries to the timeline");
    tui.send("q");
    tui.wait_for("SEV2  draft");
    tui.send("q");
    tui.wait_exit();

    let text = std::fs::read_to_string(dir.join(format!("{ID}.toml"))).unwrap();
    let Ok(Parsed::Current(incident)) = parse(&text) else {
        panic!("does not parse:\n{text}")
    };
    let incident: Incident = *incident;
    let imported: Vec<_> = incident
        .timeline
        .iter()
        .filter(|e| !e.source.is_empty())
        .collect();
    assert_eq!(imported.len(), 11, "{text}");
    assert!(
        !text.contains("slack:C06INC2417:1710252191.000200"),
        "the unticked one"
    );
    let detected: Vec<_> = incident
        .timeline
        .iter()
        .filter(|e| e.milestone == Some(Milestone::Detected))
        .collect();
    assert_eq!(detected.len(), 1);
    assert_eq!(detected[0].source, "slack:C06INC2417:1710252330.000400");
    assert_eq!(
        incident.timeline[0].milestone,
        Some(Milestone::ImpactStarted),
        "the typed entry keeps its moment"
    );
}
