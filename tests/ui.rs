//! Every screen rendered with `TestBackend` at 80×24 and 120×40 (insta snapshots). Focus is
//! visible in text (`▶`, `✎`), so the snapshots show it without colours.

mod common;

use common::Harness;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn snap(name: &str, h: &Harness) {
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

fn demo_open(keys: &str) -> Harness {
    let mut h = Harness::demo();
    h.keys("<enter>").keys(keys);
    h.state.message = None;
    h
}

#[test]
fn home_lists_incidents() {
    let h = Harness::demo();
    snap("home", &h);
}

#[test]
fn home_empty() {
    snap("home_empty", &Harness::empty());
}

#[test]
fn home_filtering() {
    let mut h = Harness::demo();
    h.keys("/card");
    snap("home_filter", &h);
}

#[test]
fn home_with_a_broken_file() {
    let mut h = Harness::demo();
    std::fs::write(
        h.dir.path().join("2026-10-01-broken.toml"),
        "schema_version = 1\nid = \"2026-10-01-broken\"\ntitel = \"Typo\"\n",
    )
    .unwrap();
    h.refresh();
    snap("home_broken", &h);
    h.keys("<down><enter>");
    snap("viewer", &h);
}

#[test]
fn new_incident_prompt() {
    let mut h = Harness::empty();
    h.keys("nDNS outage");
    snap("new_incident", &h);
}

#[test]
fn every_section() {
    for n in 0..=7 {
        let h = demo_open(&n.to_string());
        snap(&format!("section_{n}"), &h);
    }
}

#[test]
fn guide_hidden() {
    snap("guide_hidden", &demo_open("4g"));
}

#[test]
fn record_forms() {
    snap("record_timeline", &demo_open("3<down><down><enter>"));
    snap("record_factor", &demo_open("4<enter>"));
    snap("record_metric", &demo_open("2<tab><enter>"));
    snap("record_action", &demo_open("6<enter>"));
}

#[test]
fn editing_fields() {
    snap("editing_multi", &demo_open("1<enter>"));
    snap("editing_line", &demo_open("<enter>"));
    let mut h = Harness::empty();
    h.keys("nBad time<enter>3a14h02<esc>");
    snap("invalid_time", &h);
}

#[test]
fn dialogs() {
    snap("picker_choice", &demo_open("<tab><enter>"));
    snap(
        "picker_links",
        &demo_open("6<enter><tab><tab><tab><tab><tab><tab><enter>"),
    );
    snap("confirm_delete", &demo_open("6x"));
    let mut h = demo_open("7<enter>x");
    std::fs::remove_dir_all(h.dir.path()).unwrap();
    h.tick_after(2.0);
    snap("save_failed", &h);
    h.keys("<esc><esc>");
    snap("confirm_leave_unsaved", &h);
    snap("help", &demo_open("?"));
}

#[test]
fn too_small() {
    let h = Harness::demo();
    insta::assert_snapshot!("too_small", h.screen(30, 8));
    // Nothing panics at any tiny size.
    let h = demo_open("1<enter>");
    for (w, ht) in [(1, 1), (2, 1), (39, 9), (40, 10), (41, 11)] {
        let _ = h.screen(w, ht);
    }
    // Nor do the factor views, the whys chain being edited, or the checklist.
    for keys in ["4v", "4vv", "4w", "p", "6"] {
        let h = analysis_open(keys);
        for (w, ht) in [(40, 10), (41, 11), (50, 14), (200, 60)] {
            let _ = h.screen(w, ht);
        }
    }
}

#[test]
fn focus_and_errors_are_coloured() {
    let h = demo_open("3");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    // The selected timeline row is drawn in the focus colour.
    let row = (0..40)
        .find(|y| {
            (0..120)
                .map(|x| buffer[(x, *y)].symbol())
                .collect::<String>()
                .contains("▶ 09-03 00:15")
        })
        .expect("selected row");
    let x = (0..120)
        .find(|x| buffer[(*x, row)].symbol() == "▶")
        .unwrap();
    assert_eq!(buffer[(x + 1, row)].bg, Color::Cyan);
    // An error message is red.
    let mut h = Harness::empty();
    h.keys("nBad<enter>3a99:99<enter>");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer[(0, 22)].symbol(), "!");
    assert_eq!(buffer[(0, 22)].fg, Color::Red);
}

/// An incident with gaps to analyse: missing sections and key moments, a factor with no
/// action (F6), one with a reason for none (F3), an overdue action (A1), an action with no
/// owner, no due date and a vague title (A2). Opened on its overview.
fn analysis_open(keys: &str) -> Harness {
    let mut h = Harness::empty();
    let name = "2026-11-10-dns-lookups-failed-after-resolver-upgrade.toml";
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/analysis")
        .join(name);
    std::fs::copy(src, h.dir.path().join(name)).unwrap();
    h.refresh();
    h.keys("<enter>").keys(keys);
    h.state.message = None;
    h
}

#[test]
fn factor_views() {
    snap("factors_fishbone", &demo_open("4v"));
    snap("factors_by_effect", &demo_open("4vv"));
    snap("factors_fishbone_gaps", &analysis_open("4vjj"));
    snap("factors_by_effect_gaps", &analysis_open("4vv"));
    snap("factors_list_gaps", &analysis_open("4"));
}

#[test]
fn whys_chain() {
    snap(
        "whys_chain",
        &analysis_open("4<enter><tab><tab><tab><down>"),
    );
    snap("whys_adding", &analysis_open("4w"));
}

#[test]
fn readiness_and_publishing() {
    snap("readiness_checklist", &analysis_open("p"));
    snap(
        "publish_confirm",
        &analysis_open("<tab><tab><enter><down><down><enter>"),
    );
}

#[test]
fn actions_with_problems() {
    snap("actions_problems", &analysis_open("6"));
    snap("action_problems_record", &analysis_open("6<down><enter>"));
}

#[test]
fn warnings_are_coloured() {
    let h = analysis_open("6");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let find = |needle: &str| {
        (0..40)
            .find_map(|y| {
                let line: String = (0..120).map(|x| buffer[(x, y)].symbol()).collect();
                let col = line.find(needle)?;
                let x = line[..col].chars().count() as u16;
                Some((x, y))
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    // Overdue in the error colour, other problems in the warning colour.
    let (x, y) = find("⚠ overdue");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Red);
    let (x, y) = find("⚠ no owner");
    assert_eq!(buffer[(x + 2, y)].fg, Color::Yellow);
    // The sidebar counts overdue actions in red.
    let (x, y) = find("1 action overdue");
    assert_eq!(buffer[(x, y)].fg, Color::Red);
}

#[test]
fn long_text_uses_the_room_there_is_and_a_cut_one_says_how_much_more() {
    let h = demo_open("7");
    // At 160×48 the whole story and its impact fit: nothing is cut.
    let big = h.screen(160, 48);
    insta::assert_snapshot!("story_160x48", big);
    assert!(big.contains("nowhere urgent to go."), "{big}");
    assert!(!big.contains("more line"), "{big}");
    // At 80×24 the story is cut and says by how much.
    let small = h.screen(80, 24);
    assert!(small.contains("… 18 more lines"), "{small}");
}
