//! The meeting in the room: the categories asked after the opening question, and the
//! presenter view (`P`) with snapshots at 80×24 and 160×48.

mod common;

use common::Harness;
use retro::app::state::Overlay;
use retro::model::{Category, Effect, Section};

const ID: &str = "2026-09-03-order-placement-outage-after-database-disk-filled";

fn open_demo() -> Harness {
    let mut h = Harness::demo();
    h.keys("<enter>");
    assert_eq!(h.incident().id, ID);
    h
}

#[test]
fn what_helped_asks_for_its_category_after_the_opening() {
    let mut h = open_demo();
    let before = h.incident().factors.len();
    h.keys("m");
    h.keys("The runbook had the failover steps<enter>");
    h.keys("A second on-call joined within minutes<enter>");
    h.keys("Read replicas kept browsing up<enter><enter>");
    assert!(matches!(h.state.overlay, Some(Overlay::Categorise(_))));
    let screen = h.screen(80, 24);
    assert!(screen.contains("What helped · category 1 of 3"), "{screen}");
    assert!(screen.contains("The runbook had the failover steps"));
    // A digit sets it; ↓ and Enter set the highlighted one; s skips.
    h.keys("3");
    h.keys("<down><down><down><enter>");
    assert!(h.screen(80, 24).contains("category 3 of 3"));
    h.keys("s");
    assert!(h.state.overlay.is_none());
    let added: Vec<_> = h.incident().factors[before..]
        .iter()
        .map(|f| (f.effect, f.category))
        .collect();
    assert_eq!(
        added,
        [
            (Some(Effect::Mitigator), Some(Category::Process)),
            (Some(Effect::Mitigator), Some(Category::Communication)),
            (Some(Effect::Mitigator), None),
        ]
    );
    let message = h.state.message.as_ref().unwrap().text.clone();
    assert!(message.contains("1 factor that helped still without a category"));
    // Saved.
    let on_disk = h.on_disk(ID);
    assert_eq!(on_disk.factors[before].category, Some(Category::Process));
}

#[test]
fn esc_leaves_the_rest_without_a_category_and_no_factor_asks_nothing() {
    let mut h = open_demo();
    h.keys("m<enter>");
    assert!(h.state.overlay.is_none());
    h.keys("me<esc>");
    h.keys("mn");
    h.keys("Alerts fired early<enter><esc>");
    assert!(matches!(h.state.overlay, Some(Overlay::Categorise(_))));
    h.keys("<esc>");
    assert!(h.state.overlay.is_none());
    assert_eq!(h.incident().factors.last().unwrap().category, None);
}

/// A meeting on the timeline, 2 min 5 s in, the presenter view on.
fn presenting() -> Harness {
    let mut h = open_demo();
    h.keys("m<enter>3");
    h.tick_after(125.0);
    h.keys("P");
    assert!(matches!(h.state.overlay, Some(Overlay::Presenter(_))));
    h
}

#[test]
fn presenter_view_snapshots() {
    let h = presenting();
    for (w, ht) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(format!("presenter_{w}x{ht}"), h.screen(w, ht));
    }
}

#[test]
fn presenter_view_steps_through_questions_and_sections_then_returns() {
    let mut h = presenting();
    let screen = h.screen(80, 24);
    assert!(screen.contains("Ask the room (1 of"), "{screen}");
    assert!(
        screen.contains("◷ Meeting 2:05 · Timeline 2:05/10:00"),
        "{screen}"
    );
    // Only the presenter view: no sidebar, no form.
    assert!(!screen.contains("Sections"));
    h.keys("<down>");
    assert!(h.screen(80, 24).contains("Ask the room (2 of"));
    h.keys("<up><up>");
    assert!(!h.screen(80, 24).contains("Ask the room (1 of"));
    h.keys("]");
    let view = h.state.incident().unwrap();
    assert_eq!(view.cursor.section, Section::Factors);
    assert_eq!(view.incident.meeting.current, Some(Section::Factors));
    let screen = h.screen(80, 24);
    assert!(screen.contains("4 · Contributing factors"), "{screen}");
    assert!(screen.contains("Latest in Contributing factors"));
    h.keys("P");
    assert!(h.state.overlay.is_none());
    h.keys("P<esc>");
    assert!(h.state.overlay.is_none());
    assert_eq!(h.state.incident().unwrap().cursor.section, Section::Factors);
}
