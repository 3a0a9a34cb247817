//! Approximate timeline times (`~13:45`, `13:45?`): stored as the time plus
//! `approximate = true`, read back unchanged, and shown with `~` by `retro show` and the
//! Markdown, HTML and JSON exports.

use assert_cmd::Command;
use jiff::civil::Date;
use retro::app::form::{self, Target};
use retro::model::{FieldId, Incident, Milestone, TimelineEntry, codec};

const ID: &str = "2026-03-12-queue-backed-up";

fn incident() -> Incident {
    let mut inc = Incident {
        schema_version: 1,
        id: ID.into(),
        title: "Queue backed up".into(),
        ..Incident::default()
    };
    inc.timeline.push(TimelineEntry {
        actor: "on-call".into(),
        text: "Noticed the queue growing".into(),
        milestone: Some(Milestone::ImpactStarted),
        ..TimelineEntry::default()
    });
    let at = Target::record(FieldId::named("timeline[].at"), 0);
    form::set_text(&mut inc, at, "13:45?", Date::constant(2026, 3, 12)).unwrap();
    inc
}

#[test]
fn the_flag_is_written_after_the_time_and_read_back() {
    let inc = incident();
    assert!(inc.timeline[0].approximate);
    let text = codec::to_toml_string(&inc).unwrap();
    assert!(
        text.contains("at = 2026-03-12T13:45:00Z\napproximate = true\n"),
        "{text}"
    );
    let back = match codec::parse(&text).unwrap() {
        retro::model::Parsed::Current(back) => *back,
        other => panic!("{other:?}"),
    };
    assert_eq!(back, inc);
    // Exact times write no flag.
    let mut exact = inc.clone();
    exact.timeline[0].approximate = false;
    assert!(
        !codec::to_toml_string(&exact)
            .unwrap()
            .contains("approximate")
    );
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("retro")
        .unwrap()
        .env_remove("RETRO_DIR")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn show_and_every_export_say_approximate() {
    let dir = tempfile::tempdir().unwrap();
    let store = retro::storage::Store::open(dir.path()).unwrap();
    store.save(&incident()).unwrap();
    let shown = run(dir.path(), &["show", ID]);
    assert!(shown.contains("~2026-03-12 13:45"), "{shown}");
    let markdown = run(dir.path(), &["export", ID]);
    // In the timeline table and among the key moments.
    assert!(
        markdown.matches("~2026-03-12 13:45").count() >= 2,
        "{markdown}"
    );
    let customer = run(dir.path(), &["export", ID, "--audience", "customer"]);
    // The impact window starts at an approximate time.
    assert!(customer.contains("~2026-03-12 13:45"), "{customer}");
    let html = run(dir.path(), &["export", ID, "--format", "html"]);
    assert!(html.matches("~2026-03-12 13:45").count() >= 2, "{html}");
    let json = run(dir.path(), &["export", ID, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["timeline"][0]["approximate"],
        serde_json::Value::Bool(true)
    );
}
