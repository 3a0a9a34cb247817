//! The import overlay of the timeline section, driven by keys through the real runtime
//! (`retro::tui::dispatch`) on a temporary folder, and checked on screen and on disk.

mod common;

use common::Harness;
use retro::model::Milestone;

const ID: &str = "2024-03-12-checkout-api-5xx";

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// The fixture incident, open on its timeline section.
fn on_timeline() -> Harness {
    let mut h = Harness::empty();
    let name = format!("{ID}.toml");
    std::fs::copy(
        std::path::Path::new(&fixture("incidents")).join(&name),
        h.dir.path().join(&name),
    )
    .unwrap();
    h.refresh();
    h.keys("<enter>").keys("3");
    assert_eq!(h.incident().id, ID);
    h
}

fn preview_of_slack(h: &mut Harness) {
    h.keys("f");
    h.keys(&format!("{} #inc-2417-checkout", fixture("slack")));
    h.keys("<enter>");
    let screen = h.screen(140, 40);
    assert!(screen.contains("12 of 12 ticked"), "{screen}");
}

#[test]
fn untick_one_set_a_key_moment_and_add() {
    let mut h = on_timeline();
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("f import"),
        "the footer shows the key: {screen}"
    );
    preview_of_slack(&mut h);
    // Times in the incident's zone (Europe/Berlin, UTC+1).
    assert!(h.screen(140, 40).contains("2024-03-12 15:03:11"));
    // Untick the first (the PagerDuty trigger), make the second "detected" (m twice:
    // impact started, then detected), mark the third internal-only.
    h.keys("<space>")
        .keys("<down>")
        .keys("mm")
        .keys("<down>")
        .keys("n");
    let screen = h.screen(140, 40);
    assert!(screen.contains("11 of 12 ticked"), "{screen}");
    assert!(screen.contains("◆ detected"), "{screen}");
    h.keys("<enter>");
    let saved = h.on_disk(ID);
    let imported: Vec<_> = saved
        .timeline
        .iter()
        .filter(|e| !e.source.is_empty())
        .collect();
    assert_eq!(imported.len(), 11);
    assert!(
        !saved
            .timeline
            .iter()
            .any(|e| e.source == "slack:C06INC2417:1710252191.000200")
    );
    let declared = imported
        .iter()
        .find(|e| e.source == "slack:C06INC2417:1710252330.000400")
        .unwrap();
    assert_eq!(declared.milestone, Some(Milestone::Detected));
    assert_eq!(declared.role, "Incident commander");
    let reply = imported
        .iter()
        .find(|e| e.source == "slack:C06INC2417:1710252372.000500")
        .unwrap();
    assert!(reply.internal_only);
    assert_eq!(imported.iter().filter(|e| e.internal_only).count(), 1);
    // The hand-typed entry keeps its key moment; the timeline stays sorted.
    assert_eq!(saved.timeline[0].milestone, Some(Milestone::ImpactStarted));
    assert!(saved.timeline.windows(2).all(|w| w[0].at <= w[1].at));
    // A second import offers only what is not there yet.
    preview_of_slack_again(&mut h);
}

fn preview_of_slack_again(h: &mut Harness) {
    h.keys("f");
    h.keys(&format!("{} #inc-2417-checkout", fixture("slack")));
    h.keys("<enter>");
    let screen = h.screen(140, 40);
    assert!(
        screen.contains("1 of 1 ticked · 11 already in the timeline"),
        "{screen}"
    );
    h.keys("<esc>");
    assert!(h.state.overlay.is_none());
}

#[test]
fn select_none_a_range_bots_and_the_filter() {
    let mut h = on_timeline();
    preview_of_slack(&mut h);
    h.keys("u");
    assert!(h.screen(140, 40).contains("0 of 12 ticked"));
    // A range: r on the second, two down, r again: three ticked.
    h.keys("<down>r<down><down>r");
    assert!(h.screen(140, 40).contains("3 of 12 ticked"));
    // Bots hidden: the three bot alerts leave the list.
    h.keys("b");
    let screen = h.screen(140, 40);
    assert!(screen.contains("bots hidden"), "{screen}");
    assert!(!screen.contains("Datadog"), "{screen}");
    // The filter keeps what matches.
    h.keys("/midnight<enter>");
    let screen = h.screen(140, 40);
    assert!(screen.contains("Midnight UTC and still quiet"), "{screen}");
    assert!(!screen.contains("Paging payments"), "{screen}");
    h.keys("a<enter>");
    let saved = h.on_disk(ID);
    let texts: Vec<&str> = saved
        .timeline
        .iter()
        .filter(|e| !e.source.is_empty())
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(texts.contains(&"Midnight UTC and still quiet"));
}

#[test]
fn esc_adds_nothing_and_errors_stay_in_the_prompt() {
    let mut h = on_timeline();
    let before = std::fs::read(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    h.keys("f").keys(&fixture("slack")).keys("<enter>");
    let screen = h.screen(140, 40);
    // The message wraps where the fixture path ends: match a part that does not.
    assert!(screen.contains("one with --channel"), "{screen}");
    h.keys("<esc>");
    h.keys("f").keys(&fixture("invalid.json")).keys("<enter>");
    assert!(h.screen(140, 40).contains("invalid JSON"));
    h.keys("<esc>");
    h.keys("f")
        .keys(&fixture("teams.json"))
        .keys("<enter>")
        .keys("<esc>");
    assert!(h.state.overlay.is_none());
    assert_eq!(
        std::fs::read(h.dir.path().join(format!("{ID}.toml"))).unwrap(),
        before
    );
}

#[test]
fn tab_completes_the_path() {
    let mut h = on_timeline();
    let dir = fixture("");
    h.keys("f").keys(&format!("{dir}stat")).keys("<tab>");
    let screen = h.screen(140, 40);
    assert!(screen.contains("statuspage.json"), "{screen}");
    h.keys("<esc>");
    h.keys("f").keys(&format!("{dir}irc")).keys("<tab>");
    let screen = h.screen(140, 40);
    assert!(
        screen.contains("irc.libera.#inc-2417.weechatlog  irc.log"),
        "{screen}"
    );
}

#[test]
fn pasted_chat_in_the_timeline_offers_to_import_it() {
    let mut h = on_timeline();
    h.paste("14:05 Priya N.: Declaring SEV2\n14:06 Marco R.: on it\n");
    let screen = h.screen(140, 40);
    assert!(
        screen.contains("Import from pasted text: 2 of 2 ticked"),
        "{screen}"
    );
    // Shown in the incident's zone as pasted.
    assert!(screen.contains("2024-03-12 14:05"), "{screen}");
    h.keys("<enter>");
    let saved = h.on_disk(ID);
    let pasted: Vec<_> = saved
        .timeline
        .iter()
        .filter(|e| e.source.starts_with("paste:"))
        .collect();
    assert_eq!(pasted.len(), 2);
    // 14:05 in Berlin is 13:05 UTC.
    assert_eq!(pasted[0].at.unwrap().to_string(), "2024-03-12T13:05:00Z");
}

#[test]
fn the_preview_draws_only_visible_rows() {
    // 100,000 pasted lines: building the frame takes the rows on screen only.
    let mut text = String::new();
    for i in 0..100_000u32 {
        text.push_str(&format!(
            "{:02}:{:02} p{}: message {i}\n",
            (i / 60) % 24,
            i % 60,
            i % 7
        ));
    }
    let mut h = on_timeline();
    h.paste(&text);
    h.keys("<end>");
    let screen = h.screen(140, 40);
    assert!(screen.contains("message 99999"), "{screen}");
    assert!(!screen.contains("message 0\n"));
}

#[test]
fn esc_or_ctrl_c_while_reading_stops_the_read() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use retro::app::import_io::Request;
    use retro::app::import_overlay::ImportOverlay;
    use retro::app::state::Overlay;
    use retro::app::{Job, Msg, update};
    for key in [
        KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
    ] {
        let mut h = on_timeline();
        h.state.overlay = Some(Overlay::Import(Box::new(ImportOverlay::Reading {
            source: "big.zip".into(),
            progress: Some((50, 200)),
            what: retro::app::import_overlay::ImportWhat::Chat,
        })));
        let screen = h.screen(140, 40);
        assert!(
            screen.contains("reading big.zip… 25%  (Esc or Ctrl-C stops)"),
            "{screen}"
        );
        let effects = update(&mut h.state, Msg::Key(key));
        assert_eq!(effects, vec![Job::Import(Request::Cancel)]);
        assert!(h.state.overlay.is_none());
        assert!(!h.state.quit, "Ctrl-C stops the read, not the program");
    }
}
