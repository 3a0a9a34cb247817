//! The short path of a solo on-call engineer, through the real `update` and effects: a new
//! incident that started yesterday, its severity, four timeline lines, two factors, one
//! action and a customer message, counting the keys pressed besides the typed text. Also the
//! new timeline row (key moment column, roles, `~`) at 80×24 and 160×48.

mod common;

use common::Harness;
use retro::model::timeinput::{format_clock, zone};
use retro::model::{Milestone, Severity};

/// Keys of the export the incident screen offers (one key and Enter), counted on the path.
const EXPORT_KEYS: usize = 2;

/// A walk through the program that counts the keys that are not typed text.
struct Walk {
    h: Harness,
    keys: usize,
}

impl Walk {
    /// Command keys (`<enter>`, `a`, `3`, …): counted one each.
    fn key(&mut self, keys: &str) -> &mut Self {
        self.keys += common::parse_keys(keys).len();
        self.h.keys(keys);
        self
    }

    /// Typed text: not counted.
    fn text(&mut self, text: &str) -> &mut Self {
        self.h.keys(text);
        self
    }
}

fn walk_the_short_path() -> Walk {
    let mut w = Walk {
        h: Harness::empty(),
        keys: 0,
    };
    // Title and start (the tests' now is 2026-11-21 10:00 UTC).
    w.key("n").text("Disk full on build agent").key("<tab>");
    w.text("yesterday 23:10").key("<enter>");
    // The overview opens on the severity: type 4 to pick SEV4.
    w.key("<enter>").text("").key("4").key("<enter>");
    // Four timeline lines: Enter goes time → who → what → the next entry.
    w.key("3").key("a");
    for (at, who, what) in [
        ("23:12", "disk monitor", "Disk at 100% on build-agent-3"),
        ("~23:20", "on-call", "Paged, investigating"),
        ("23:41", "on-call", "Cleared old caches"),
        ("23:45", "build bot", "Builds green again"),
    ] {
        w.text(at).key("<enter>");
        w.text(who).key("<enter>");
        w.text(what).key("<enter>");
    }
    // Esc on the fresh, untouched entry closes it; 5 marks the last line resolved.
    w.key("<esc>").key("5");
    // Two factors: `]` goes on to section 4 (on a timeline row 1–5 set key moments).
    w.key("]").key("a");
    w.text("The cache cleanup job was disabled in March")
        .key("<enter>");
    w.text("No alert on the build agents' disk usage")
        .key("<enter>");
    w.key("<esc>");
    // One action: title → owner → due date.
    w.key("6").key("a");
    w.text("Re-enable the cache cleanup job").key("<enter>");
    w.text("build team").key("<enter>");
    w.text("2026-12-04").key("<enter>");
    w.key("<esc>");
    // The customer message.
    w.key("1").key("<enter>");
    w.text("If you started a build between 23:10 and 23:45 UTC, it may have failed. No code or artefacts were lost.");
    w.key("<esc>");
    w
}

#[test]
fn a_minor_incident_is_written_up_in_at_most_40_keys() {
    let mut w = walk_the_short_path();
    // Quit (saves first).
    w.key("<c-c>");
    assert!(w.h.state.quit, "{:?}", w.h.state.message);
    let keys = w.keys + EXPORT_KEYS;
    assert!(keys <= 40, "{keys} keys besides the typed text");
    assert_eq!(
        w.keys, 37,
        "the documented path changed: update README's quick start"
    );

    let inc = w.h.on_disk("2026-11-20-disk-full-on-build-agent");
    assert_eq!(inc.severity, Some(Severity::Sev4));
    let tz = zone(&inc.timezone);
    let lines: Vec<(String, bool, &str, &str)> = inc
        .timeline
        .iter()
        .map(|e| {
            (
                format_clock(&e.at.unwrap(), &tz),
                e.approximate,
                e.actor.as_str(),
                e.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("23:10".to_string(), false, "", "Impact started."),
            (
                "23:12".to_string(),
                false,
                "disk monitor",
                "Disk at 100% on build-agent-3"
            ),
            ("23:20".to_string(), true, "on-call", "Paged, investigating"),
            ("23:41".to_string(), false, "on-call", "Cleared old caches"),
            (
                "23:45".to_string(),
                false,
                "build bot",
                "Builds green again"
            ),
        ]
    );
    assert!(
        inc.timeline
            .iter()
            .all(|e| e.at.unwrap().in_zone(&tz).date().to_string() == "2026-11-20")
    );
    assert_eq!(inc.timeline[0].milestone, Some(Milestone::ImpactStarted));
    assert_eq!(inc.timeline[4].milestone, Some(Milestone::Resolved));
    let factors: Vec<&str> = inc.factors.iter().map(|f| f.description.as_str()).collect();
    assert_eq!(
        factors,
        [
            "The cache cleanup job was disabled in March",
            "No alert on the build agents' disk usage"
        ]
    );
    assert_eq!(inc.actions.len(), 1);
    assert_eq!(inc.actions[0].title, "Re-enable the cache cleanup job");
    assert_eq!(inc.actions[0].owner, "build team");
    assert_eq!(
        inc.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert!(
        inc.stakeholders
            .customer_message
            .starts_with("If you started a build")
    );
}

#[test]
fn moment_keys_on_a_row_set_move_and_clear() {
    let mut w = walk_the_short_path();
    // Back on the timeline, the last row is resolved; 5 again clears it.
    w.key("3<end>5");
    assert_eq!(w.h.incident().timeline[4].milestone, None);
    // 2 on the second row marks it detected; 2 on the third moves it there.
    w.key("<home><down>2");
    assert_eq!(
        w.h.incident().timeline[1].milestone,
        Some(Milestone::Detected)
    );
    w.key("<down>2");
    assert_eq!(w.h.incident().timeline[1].milestone, None);
    assert_eq!(
        w.h.incident().timeline[2].milestone,
        Some(Milestone::Detected)
    );
    let message =
        w.h.state
            .message
            .clone()
            .map(|m| m.text)
            .unwrap_or_default();
    assert!(message.contains("moved"), "{message}");
}

#[test]
fn the_timeline_row_shows_moment_role_and_approximate_times() {
    let mut w = walk_the_short_path();
    w.h.state.people = [
        ("on-call".to_string(), "incident commander".to_string()),
        ("build bot".to_string(), "automation".to_string()),
    ]
    .into();
    w.key("3");
    w.h.state.message = None;
    for (cols, rows) in [(80, 24), (160, 48)] {
        let screen = w.h.screen(cols, rows);
        assert!(screen.contains("~23:20"), "{screen}");
        assert!(screen.contains("resolved"), "{screen}");
        insta::assert_snapshot!(format!("timeline_rows_{cols}x{rows}"), screen);
    }
}

#[test]
fn the_prompt_refuses_a_start_it_cannot_read_and_creates_nothing() {
    let mut h = Harness::empty();
    h.keys("nQueue stuck<tab>noon<enter>");
    match &h.state.overlay {
        Some(retro::app::state::Overlay::NewIncident {
            error: Some(error),
            on_start: true,
            ..
        }) => assert!(error.contains("yesterday 23:10"), "{error}"),
        _ => panic!("the prompt should stay open with the error"),
    }
    assert!(h.state.home.entries.is_empty());
    assert!(std::fs::read_dir(h.dir.path()).unwrap().next().is_none());
    // Fixed, it creates the incident dated that day, with the impact start on its timeline.
    h.keys("<bs><bs><bs><bs>2026-11-19 ~08:00<enter>");
    assert!(h.state.overlay.is_some(), "`~` goes first");
    h.keys("<c-u>");
    let typed = "~2026-11-19 08:00";
    h.keys(typed).keys("<enter>");
    let inc = h.incident().clone();
    assert_eq!(inc.id, "2026-11-19-queue-stuck");
    assert_eq!(inc.timeline.len(), 1);
    assert!(inc.timeline[0].approximate);
    assert_eq!(inc.timeline[0].milestone, Some(Milestone::ImpactStarted));
    // Empty is now: today's date and no timeline entry.
    let mut h = Harness::empty();
    h.keys("nQueue stuck<enter>");
    assert_eq!(h.incident().id, "2026-11-21-queue-stuck");
    assert!(h.incident().timeline.is_empty());
}

#[test]
fn alt_enter_adds_a_line_where_enter_goes_on() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut h = Harness::empty();
    h.keys("nLines<enter>3a14:02<enter>on-call<enter>first");
    let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
    retro::tui::dispatch(&mut h.state, &h.store, retro::app::Msg::Key(alt_enter));
    h.keys("second<enter>");
    assert_eq!(h.incident().timeline[0].text, "first\nsecond");
    // Enter went on to a new entry; an existing entry opened again keeps Enter for lines.
    assert_eq!(h.incident().timeline.len(), 2);
    h.keys("<esc><home><enter><tab><tab><tab><tab><enter><end>third<enter>");
    assert_eq!(
        h.state.incident().unwrap().cursor.record.map(|r| r.adding),
        Some(false)
    );
    assert!(
        h.state.incident().unwrap().cursor.editor.is_some(),
        "still editing"
    );
}
