//! Terminal injection: text from incident files never reaches a terminal as control
//! characters or bidirectional overrides; JSON output stays exact.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use retro::model::{Action, Moment, TimelineEntry};
use retro::sanitize::is_unsafe;
use retro::storage::Store;

const TITLE: &str = "\u{1b}]0;PWNED\u{7}Title\u{1b}[2J";
const STORY: &str = "Line one\n\u{1b}]52;c;ZXZpbA==\u{7}\u{202e}reversed\u{9b}31m\r\u{7f}";

fn hostile_folder() -> (tempfile::TempDir, Store, String) {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let mut incident =
        store.new_incident("hostile", common::now_date(), Moment::utc(common::now()));
    incident.title = TITLE.into();
    incident.narrative.text = STORY.into();
    incident.timeline.push(TimelineEntry {
        at: Some(Moment::utc(common::now())),
        actor: "bot\u{1b}[31m".into(),
        text: "careless \u{1b}[5m deploy".into(),
        ..TimelineEntry::default()
    });
    incident.actions.push(Action {
        id: "A1".into(),
        title: "Add \u{1b}[8m a check".into(),
        owner: "team\u{7}".into(),
        ..Action::default()
    });
    let id = incident.id.clone();
    store.save(&incident).unwrap();
    // A file that does not parse, with raw control bytes on the bad line.
    std::fs::write(
        store.dir().join("2026-11-21-broken.toml"),
        "schema_version = 1\nid = \"2026-11-21-broken\"\ntitle = \"x\"\ntitel = \"\u{1b}]0;PWNED\u{7}\"\n",
    )
    .unwrap();
    (tmp, store, id)
}

fn run(tmp: &tempfile::TempDir, store: &Store, args: &[&str]) -> (String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_retro"))
        .arg("--dir")
        .arg(store.dir())
        .args(args)
        .env_remove("RETRO_DIR")
        .env("RETRO_CACHE_DIR", tmp.path().join("cache"))
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| is_unsafe(*c)) {
        panic!("{what} printed U+{:04X} raw:\n{text:?}", c as u32);
    }
}

#[test]
fn every_text_command_prints_control_characters_as_visible_escapes() {
    let (tmp, store, id) = hostile_folder();
    let broken = store.dir().join("2026-11-21-broken.toml");
    let broken = broken.to_str().unwrap();
    for args in [
        vec!["list"],
        vec!["show", &id],
        vec!["export", &id],
        vec!["export", &id, "--audience", "customer"],
        vec!["actions"],
        vec!["lint"],
        vec!["check"],
        vec!["check", "--ready"],
        vec!["show", broken],
        vec!["lint", broken],
    ] {
        let (out, err) = run(&tmp, &store, &args);
        assert_clean(&format!("retro {} (stdout)", args.join(" ")), &out);
        assert_clean(&format!("retro {} (stderr)", args.join(" ")), &err);
    }
    let (out, _) = run(&tmp, &store, &["list"]);
    assert!(out.contains("\\u{1b}]0;PWNED\\u{7}Title"), "{out}");
    let (out, _) = run(&tmp, &store, &["show", &id]);
    assert!(out.contains("\\u{202e}reversed"), "{out}");
}

#[test]
fn json_output_stays_exact() {
    let (tmp, store, id) = hostile_folder();
    let (out, _) = run(&tmp, &store, &["list", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["title"], TITLE);
    let (out, _) = run(&tmp, &store, &["export", &id, "--format", "json"]);
    let incident: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(incident["narrative"]["text"], STORY);
}

#[test]
fn retro_new_refuses_a_title_with_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_retro"))
        .arg("--dir")
        .arg(store.dir())
        .args(["new", "--title", "Evil \u{1b}]0;x\u{7} title"])
        .env("RETRO_CACHE_DIR", tmp.path().join("cache"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("control character"), "{err}");
    assert_clean("retro new (stderr)", &err);
    assert_eq!(std::fs::read_dir(store.dir()).unwrap().count(), 0);
}

#[test]
fn the_terminal_ui_never_draws_control_characters() {
    let (_tmp, store, _) = hostile_folder();
    let today = common::now_date();
    let entries = store.list(today).unwrap();
    let mut state = retro::app::AppState::new(store.dir().into(), entries, common::now());
    let check = |state: &retro::app::AppState, what: &str| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| retro::ui::render(state, f)).unwrap();
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_clean(what, cell.symbol());
        }
    };
    check(&state, "the list");
    let keys = |state: &mut retro::app::AppState, k: &str| {
        for key in common::parse_keys(k) {
            retro::tui::dispatch(state, &store, retro::app::Msg::Key(key));
        }
    };
    // The hostile incident is the newest entry.
    let index = state
        .home
        .visible
        .iter()
        .position(|i| state.home.entries[*i].name() != "2026-11-21-broken")
        .unwrap();
    state.home.selected = index;
    keys(&mut state, "<enter>");
    check(&state, "the overview");
    keys(&mut state, "7");
    check(&state, "the narrative");
    keys(&mut state, "<enter>");
    check(&state, "the narrative being edited");
    keys(&mut state, "<esc>3");
    check(&state, "the timeline");
    keys(&mut state, "6");
    check(&state, "the actions");
}
