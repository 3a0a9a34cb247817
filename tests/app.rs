//! `update` logic driven by key sequences through the real effects on a temporary folder.

mod common;

use common::Harness;
use retro::app::form::RecordKind;
use retro::app::state::{FactorView, Overlay, Screen};
use retro::model::timeinput::{format_clock, zone};
use retro::model::{ActionStatus, Effect, IncidentStatus, Milestone, Section};

fn new_incident(h: &mut Harness, title: &str) -> String {
    h.keys("n").keys(title).keys("<enter>");
    h.incident().id.clone()
}

#[test]
fn creating_an_incident_writes_its_file_and_opens_the_overview() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Checkout errors after config push");
    assert_eq!(id, "2026-11-21-checkout-errors-after-config-push");
    let view = h.state.incident().unwrap();
    assert_eq!(view.cursor.section, Section::Overview);
    assert!(!view.dirty());
    assert_eq!(h.on_disk(&id).title, "Checkout errors after config push");
    // The same title again gets a numbered id.
    h.keys("<esc>");
    assert!(matches!(h.state.screen, Screen::Home));
    let second = new_incident(&mut h, "Checkout errors after config push");
    assert_eq!(second, "2026-11-21-checkout-errors-after-config-push-2");
}

#[test]
fn an_empty_title_is_refused_and_escape_cancels() {
    let mut h = Harness::empty();
    h.keys("n<enter>");
    match &h.state.overlay {
        Some(Overlay::NewIncident { error, .. }) => assert!(error.is_some()),
        _ => panic!("the prompt should stay open"),
    }
    h.keys("<esc>");
    assert!(h.state.overlay.is_none());
    assert!(h.state.home.entries.is_empty());
}

#[test]
fn the_solo_path_title_timeline_factor_action_save() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Disk full on build agent");
    // Three timeline entries, typed out of order: the timeline sorts itself.
    h.keys("3a14:20<tab>on-call<tab><tab><tab>Cleared old caches<esc><esc>");
    h.keys("a14:02<tab>disk monitor<tab><tab><tab>Disk at 100%<esc><esc>");
    h.keys("a14:05<tab>on-call<tab><tab><tab>Paged, investigating<esc><esc>");
    // On a timeline row 1–5 set key moments: `]` goes on to the factors.
    h.keys("]aCache cleanup job was disabled in March<esc><esc>");
    h.keys("6aRe-enable the cache cleanup job<tab><tab><enter>build team<esc><esc>");
    h.keys("<c-s>");
    let view = h.state.incident().unwrap();
    assert!(!view.dirty(), "{:?}", h.state.message);
    let saved = h.on_disk(&id);
    let tz = zone(&saved.timezone);
    let times: Vec<String> = saved
        .timeline
        .iter()
        .map(|e| format_clock(&e.at.unwrap(), &tz))
        .collect();
    assert_eq!(times, ["14:02", "14:05", "14:20"]);
    assert_eq!(saved.timeline[0].actor, "disk monitor");
    assert_eq!(saved.timeline[0].text, "Disk at 100%");
    assert_eq!(saved.factors[0].id, "F1");
    assert_eq!(
        saved.factors[0].description,
        "Cache cleanup job was disabled in March"
    );
    assert_eq!(saved.actions[0].id, "A1");
    assert_eq!(saved.actions[0].title, "Re-enable the cache cleanup job");
    assert_eq!(saved.actions[0].owner, "build team");
    assert_eq!(saved.actions[0].status, Some(ActionStatus::Open));
    // Times were read on the incident's date.
    assert_eq!(
        saved.timeline[0].at.unwrap().to_string(),
        "2026-11-21T14:02:00Z"
    );
}

#[test]
fn a_bad_time_keeps_the_text_and_shows_an_error() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Bad time");
    h.keys("3a14h02<esc>");
    let view = h.state.incident().unwrap();
    assert_eq!(view.invalid_count(), 1);
    let target = retro::model::FieldPath::parse("timeline[0].at").unwrap();
    let invalid = view.invalid_for(target).unwrap();
    assert_eq!(invalid.text, "14h02");
    assert!(invalid.error.contains("14:02"));
    assert!(h.incident().timeline[0].at.is_none());
    // The typed text is part of the incident, so it is saved with it.
    assert_eq!(h.incident().timeline[0].unparsed["at"], "14h02");
    assert!(h.state.message.as_ref().is_some_and(|m| m.error));
    // Editing again starts from what was typed; fixing it clears the error.
    h.keys("<enter><bs><bs><bs><bs><bs>14:02<enter>");
    let view = h.state.incident().unwrap();
    assert_eq!(view.invalid_count(), 0);
    assert!(h.incident().timeline[0].at.is_some());
    assert!(h.incident().timeline[0].unparsed.is_empty());
}

#[test]
fn navigation_between_sections_and_fields() {
    let mut h = Harness::demo();
    h.keys("<enter>");
    let view = h.state.incident().unwrap();
    assert_eq!(
        (view.cursor.section, view.cursor.focus),
        (Section::Overview, 0)
    );
    h.keys("<tab><tab>");
    assert_eq!(h.state.incident().unwrap().cursor.focus, 2);
    h.keys("<s-tab>");
    assert_eq!(h.state.incident().unwrap().cursor.focus, 1);
    h.keys("]");
    assert_eq!(
        h.state.incident().unwrap().cursor.section,
        Section::Stakeholders
    );
    h.keys("[[[");
    assert_eq!(
        h.state.incident().unwrap().cursor.section,
        Section::Overview
    );
    h.keys("7");
    assert_eq!(
        h.state.incident().unwrap().cursor.section,
        Section::Narrative
    );
    h.keys("]]");
    assert_eq!(
        h.state.incident().unwrap().cursor.section,
        Section::Narrative
    );
    // Down moves through list items before the next field.
    h.keys("3<down><down>");
    let view = h.state.incident().unwrap();
    assert_eq!(view.selected(retro::app::form::RecordKind::Timeline), 2);
    h.keys("<end>");
    let last = h.incident().timeline.len() - 1;
    assert_eq!(
        h.state
            .incident()
            .unwrap()
            .selected(retro::app::form::RecordKind::Timeline),
        last
    );
    // Escape leaves the incident without asking when nothing changed.
    h.keys("<esc>");
    assert!(matches!(h.state.screen, Screen::Home));
    assert!(h.state.overlay.is_none());
}

#[test]
fn choices_are_picked_from_a_list() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Pick");
    // A new incident opens on its severity (the title is typed); it starts at SEV3.
    h.keys("<enter>");
    assert!(matches!(h.state.overlay, Some(Overlay::Picker(_))));
    h.keys("<up><up><enter>");
    assert_eq!(
        h.incident().severity.map(|s| s.to_string()).as_deref(),
        Some("SEV1")
    );
    // Escape cancels without a change.
    h.keys("<enter><down><esc>");
    assert_eq!(
        h.incident().severity.map(|s| s.to_string()).as_deref(),
        Some("SEV1")
    );
}

#[test]
fn a_milestone_is_on_one_entry_at_most() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Milestones");
    h.keys("3a10:00<esc><tab><tab><tab><tab><tab><enter><down><enter><esc>");
    h.keys("a10:05<esc><tab><tab><tab><tab><tab><enter><down><enter><esc>");
    let inc = h.incident();
    assert_eq!(inc.timeline[0].milestone, None);
    assert_eq!(inc.timeline[1].milestone, Some(Milestone::ImpactStarted));
    assert_eq!(
        inc.milestone(Milestone::ImpactStarted).unwrap().to_string(),
        "2026-11-21T10:05:00Z"
    );
}

#[test]
fn records_are_deleted_after_confirmation_and_moved() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Records");
    h.keys("4aFirst<esc><esc>aSecond<esc><esc>aThird<esc><esc>");
    assert_eq!(h.incident().factors.len(), 3);
    // Link action A1 to F2, then delete F2: the link goes too.
    h.keys("6aFix<esc><tab><tab><tab><tab><tab><tab><enter><down><space><enter>");
    assert_eq!(h.incident().actions[0].factors, ["F2"]);
    h.keys("<esc>4<up>x");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.keys("n");
    assert_eq!(
        h.incident().factors.len(),
        3,
        "n on a delete question cancels"
    );
    h.keys("xy");
    let ids: Vec<_> = h.incident().factors.iter().map(|f| f.id.clone()).collect();
    assert_eq!(ids, ["F1", "F3"]);
    assert!(h.incident().actions[0].factors.is_empty());
    // Move F3 above F1.
    h.keys("K");
    let ids: Vec<_> = h.incident().factors.iter().map(|f| f.id.clone()).collect();
    assert_eq!(ids, ["F3", "F1"]);
    // A new factor takes the next free number and defaults to "made it worse".
    h.keys("aFourth<esc><esc>");
    let last = h.incident().factors.last().unwrap();
    assert_eq!(last.id, "F4");
    assert_eq!(last.effect, Some(Effect::Contributor));
}

#[test]
fn leaving_a_field_saves_and_leaving_the_incident_never_loses_text() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Unsaved");
    h.keys("1<enter>Customers could not pay.<esc>");
    assert_eq!(
        h.on_disk(&id).stakeholders.customer_message,
        "Customers could not pay.",
        "leaving the field saved it"
    );
    h.keys("<enter> More.");
    h.keys("<esc><esc>");
    assert!(matches!(h.state.screen, Screen::Home));
    assert!(h.state.overlay.is_none());
    assert_eq!(
        h.on_disk(&id).stakeholders.customer_message,
        "Customers could not pay. More."
    );
}

#[test]
fn typing_is_saved_after_a_pause_without_leaving_the_field() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Autosave");
    h.keys("7<enter>Half a sentence");
    h.tick_after(0.5);
    assert_eq!(h.on_disk(&id).narrative.text, "", "not while typing");
    h.tick_after(1.0);
    assert_eq!(h.on_disk(&id).narrative.text, "Half a sentence");
    assert!(
        h.state.incident().unwrap().cursor.editor.is_some(),
        "still editing"
    );
    // Typing without pause is still saved within a few seconds.
    for _ in 0..12 {
        h.keys("x");
        h.tick_after(0.5);
    }
    assert!(
        h.on_disk(&id)
            .narrative
            .text
            .starts_with("Half a sentencexxxx")
    );
}

#[test]
fn a_failed_save_keeps_the_text_retries_and_asks_before_leaving() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Failing");
    h.keys("7<enter>Important");
    let dir = h.dir.path().to_path_buf();
    std::fs::remove_dir_all(&dir).unwrap();
    h.tick_after(2.0);
    let view = h.state.incident().unwrap();
    assert!(view.save.save_error.is_some());
    assert!(view.dirty());
    assert!(h.screen(80, 24).contains("not saved"));
    // Leaving asks, because the save fails; Esc stays with the text.
    h.keys("<esc><esc>");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.keys("<esc>");
    assert_eq!(h.incident().narrative.text, "Important");
    // The folder comes back: the retry saves.
    std::fs::create_dir_all(&dir).unwrap();
    h.tick_after(2.5);
    assert!(h.state.incident().unwrap().save.save_error.is_none());
    assert_eq!(h.on_disk(&id).narrative.text, "Important");
}

#[test]
fn quitting_saves_first() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Quit");
    h.keys("7<enter>The story.");
    h.keys("<c-c>");
    assert!(h.state.quit);
    assert_eq!(h.on_disk(&id).narrative.text, "The story.");
}

#[test]
fn paste_arrives_as_text_with_newlines_cleaned() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Paste");
    h.keys("1<enter>");
    h.paste("one\r\ntwo\rthree\tfour\u{7}");
    h.keys("<esc>");
    assert_eq!(
        h.incident().stakeholders.customer_message,
        "one\ntwo\nthree    four"
    );
    // Into a one-line field, newlines become spaces.
    h.keys("0<enter><c-u>");
    h.keys("<esc>");
    h.keys("<tab><tab><tab><tab>");
    h.paste("api,\nweb");
    h.keys("<esc>");
    assert_eq!(h.incident().services, ["api", "web"]);
}

#[test]
fn app_keys_are_not_typed_into_fields() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Keys");
    h.keys("7<enter>abc<c-s>");
    assert_eq!(h.on_disk(&id).narrative.text, "abc");
    assert!(
        h.state.incident().unwrap().cursor.editor.is_some(),
        "still editing after save"
    );
    h.keys("q?3<esc>");
    assert_eq!(h.incident().narrative.text, "abcq?3");
}

#[test]
fn deleting_an_incident_moves_it_to_the_trash() {
    let mut h = Harness::demo();
    let first = h.state.home.selected_entry().unwrap().name().to_string();
    h.keys("d");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.keys("y");
    assert_eq!(h.state.home.entries.len(), 2);
    assert!(
        h.dir
            .path()
            .join(".trash")
            .join(format!("{first}.toml"))
            .exists()
    );
}

#[test]
fn filtering_the_list() {
    let mut h = Harness::demo();
    h.keys("/webhook");
    assert_eq!(h.state.home.visible.len(), 1);
    h.keys("<enter>");
    assert!(!h.state.home.filtering);
    assert_eq!(h.state.home.visible.len(), 1);
    h.keys("/<esc>");
    assert_eq!(h.state.home.visible.len(), 3);
}

#[test]
fn a_broken_file_is_listed_and_viewed_read_only() {
    let mut h = Harness::empty();
    std::fs::write(
        h.dir.path().join("2026-01-01-broken.toml"),
        "schema_version = 1\nid = \"2026-01-01-broken\"\ntitel = \"typo\"\n",
    )
    .unwrap();
    h.refresh();
    h.keys("<enter>");
    match &h.state.screen {
        Screen::Viewer(v) => assert!(v.error.starts_with("3:1:"), "{}", v.error),
        _ => panic!("expected the viewer"),
    }
    h.keys("q");
    assert!(matches!(h.state.screen, Screen::Home));
}

#[test]
fn a_newer_schema_opens_read_only_and_is_never_saved() {
    let mut h = Harness::empty();
    let path = h.dir.path().join("2026-01-01-future.toml");
    let text = "schema_version = 2\nid = \"2026-01-01-future\"\ntitle = \"Future\"\n";
    std::fs::write(&path, text).unwrap();
    h.refresh();
    h.keys("<enter>");
    assert!(h.state.incident().unwrap().disk.read_only.is_some());
    h.keys("<enter>");
    assert!(h.state.incident().unwrap().cursor.editor.is_none());
    h.keys("<c-s>");
    assert!(h.state.message.as_ref().is_some_and(|m| m.error));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn w_adds_deeper_whys_each_edited_on_its_own() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Whys");
    h.keys("4aCache TTL was a day<esc>");
    // In the open factor, w adds a why and edits it; Enter finishes it.
    h.keys("wWhy A<enter>wWhy B<enter>");
    // From the factors list, w opens the selected factor and adds a deeper one.
    h.keys("<esc>");
    assert!(h.state.incident().unwrap().cursor.record.is_none());
    h.keys("wWhy C<enter>");
    assert_eq!(h.incident().factors[0].whys, ["Why A", "Why B", "Why C"]);
    let view = h.state.incident().unwrap();
    assert!(view.cursor.record.is_some(), "w opens the factor");
    // An answer left empty is dropped when its editor closes.
    h.keys("w<esc>");
    assert_eq!(h.incident().factors[0].whys.len(), 3);
    // ↑ selects a shallower answer, Enter edits just that one.
    h.keys("<up><enter> more<enter>");
    assert_eq!(h.incident().factors[0].whys[1], "Why B more");
    // x deletes the selected answer after asking.
    h.keys("x");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.keys("y");
    assert_eq!(h.incident().factors[0].whys, ["Why A", "Why C"]);
    assert_eq!(h.incident().factors.len(), 1, "only the why is deleted");
    h.keys("<c-s>");
    assert_eq!(h.on_disk(&id).factors[0].whys, ["Why A", "Why C"]);
    // Outside the factors, w says where it works.
    h.keys("<esc>1w");
    assert!(h.state.incident().unwrap().cursor.editor.is_none());
    assert!(h.state.message.as_ref().unwrap().text.contains("section 4"));
}

#[test]
fn v_cycles_the_factor_views_and_moves_in_their_order() {
    let mut h = Harness::demo();
    h.keys("<enter>4");
    let view = |h: &Harness| h.state.incident().unwrap().cursor.factor_view;
    assert_eq!(view(&h), FactorView::List);
    h.keys("v");
    assert_eq!(view(&h), FactorView::Fishbone);
    // Category by category: F1, F2 (technical), F3 (tooling), F5 (process), F4 (communication).
    h.keys("jjjj");
    let selected = h.state.incident().unwrap().selected(RecordKind::Factor);
    assert_eq!(h.incident().factors[selected].id, "F4");
    // Enter opens the selected factor.
    h.keys("<enter>");
    assert_eq!(
        h.state.incident().unwrap().cursor.record.unwrap().index,
        selected
    );
    h.keys("<esc>v");
    assert_eq!(view(&h), FactorView::ByEffect);
    h.keys("v");
    assert_eq!(view(&h), FactorView::List);
    // From another section, v shows the factors.
    h.keys("0v");
    assert_eq!(h.state.incident().unwrap().cursor.section, Section::Factors);
}

#[test]
fn publishing_what_is_not_ready_asks_first_and_lists_what_is_missing() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Publish me");
    h.keys("<tab><enter><down><down><enter>");
    match &h.state.overlay {
        Some(Overlay::Confirm { question, .. }) => {
            assert!(question.starts_with("Not ready to publish:"), "{question}");
            assert!(question.contains("✗ Key moments — missing: detected and resolved"));
            assert!(question.contains("✗ Sections complete"));
            assert!(!question.contains("Factors addressed"), "{question}");
        }
        _ => panic!("publishing should ask first"),
    }
    h.keys("<esc>");
    assert_eq!(h.incident().status, Some(IncidentStatus::Draft));
    h.keys("<enter><down><down><enter>y");
    assert_eq!(h.incident().status, Some(IncidentStatus::Published));
    assert_eq!(h.on_disk(&id).status, Some(IncidentStatus::Published));
    // Other statuses are set at once.
    h.keys("<enter><up><enter>");
    assert!(h.state.overlay.is_none());
    assert_eq!(h.incident().status, Some(IncidentStatus::InReview));
}

#[test]
fn p_shows_the_checklist_and_a_ready_incident_publishes_at_once() {
    let mut h = Harness::demo();
    h.keys("<enter>3p");
    let view = h.state.incident().unwrap();
    assert_eq!(view.cursor.section, Section::Overview);
    let field = retro::app::form::section_fields(Section::Overview)
        .nth(view.cursor.focus)
        .unwrap();
    assert_eq!(field.def().kind, retro::model::Kind::Checklist);
    // Enter on the checklist offers the status, published highlighted.
    h.keys("<enter>");
    match &h.state.overlay {
        Some(Overlay::Picker(p)) => assert_eq!(p.options[p.selected], "published"),
        _ => panic!("a status picker"),
    }
    h.keys("<enter>");
    assert!(
        h.state.overlay.is_none(),
        "a ready incident needs no confirmation"
    );
    assert_eq!(h.incident().status, Some(IncidentStatus::Published));
}

#[test]
fn a_factor_is_addressed_by_linking_an_action_or_giving_a_reason() {
    let mut h = Harness::empty();
    let _ = new_incident(&mut h, "Links");
    h.keys("4aResolver cache kept stale records<esc><esc>");
    h.keys("aOn-call runbook was easy to find<esc><esc>");
    let unaddressed = |h: &Harness| -> Vec<String> {
        retro::analysis::unaddressed_factors(h.incident())
            .iter()
            .map(|f| f.id.clone())
            .collect()
    };
    assert_eq!(unaddressed(&h), ["F1", "F2"]);
    h.keys("6aCap the resolver cache TTL at five minutes<esc><esc>");
    // From the factor's side: "Addressed by" ticks actions.
    h.keys("4<home><enter><tab><tab><tab><tab><enter><space><enter>");
    assert_eq!(h.incident().actions[0].factors, ["F1"]);
    assert_eq!(unaddressed(&h), ["F2"]);
    // A reason for no action addresses a factor too.
    h.keys("]<tab><tab><tab><tab><tab><enter>It helped; nothing to change<esc>");
    assert_eq!(
        h.incident().factors[1].no_action,
        "It helped; nothing to change"
    );
    assert!(unaddressed(&h).is_empty());
}

#[test]
fn a_value_that_cannot_be_stored_survives_leaving_and_reopening() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Bad values kept");
    // The steps: a bad time, a name, leave the entry, the section and the incident.
    h.keys("3ayesterday<tab>on-call<esc><esc><esc>");
    assert!(matches!(h.state.screen, Screen::Home));
    let saved = h.on_disk(&id);
    assert_eq!(saved.timeline.len(), 1);
    assert_eq!(saved.timeline[0].unparsed["at"], "yesterday");
    assert_eq!(saved.timeline[0].actor, "on-call");
    // A bad due date and a bad number too.
    h.keys("<enter>6anext friday-ish<tab><tab><tab><enter>soon<esc><esc>");
    h.keys("2a<tab><tab><tab>lots<esc><esc><esc>");
    let saved = h.on_disk(&id);
    assert_eq!(saved.actions[0].unparsed["due"], "soon");
    assert_eq!(saved.monitoring.metrics[0].unparsed["baseline"], "lots");
    // Reopened, the typed text is shown with its error, not "(no time)".
    h.keys("<enter>3");
    let screen = h.screen(100, 30);
    assert!(screen.contains("yesterday"), "{screen}");
    assert!(!screen.contains("(no time)"), "{screen}");
}

#[test]
fn records_left_empty_are_not_kept_and_deleted_ones_come_back() {
    let mut h = Harness::empty();
    let id = new_incident(&mut h, "Empty records");
    // Esc on a record just added with nothing typed closes it at once.
    h.keys("4a<esc>");
    assert!(
        h.incident().factors.is_empty(),
        "an empty factor is dropped"
    );
    assert!(
        h.state
            .incident()
            .is_some_and(|v| v.cursor.record.is_none())
    );
    h.keys("3a14:02<esc><esc>");
    assert!(h.incident().timeline.is_empty(), "a time alone is dropped");
    h.keys("6a<esc>2a<esc>");
    assert!(h.incident().actions.is_empty());
    assert!(h.incident().monitoring.metrics.is_empty());
    // A factor with text is kept; deleted, u brings it back with its links.
    h.keys("4aQueue had no back-pressure<esc><esc>");
    h.keys("6aAdd back-pressure to the queue<esc><tab><tab><tab><tab><tab><tab><enter><space><enter><esc>");
    assert_eq!(h.incident().actions[0].factors, vec!["F1".to_string()]);
    h.keys("4xy");
    assert!(h.incident().factors.is_empty());
    assert!(h.incident().actions[0].factors.is_empty());
    h.keys("u");
    assert_eq!(
        h.incident().factors[0].description,
        "Queue had no back-pressure"
    );
    assert_eq!(h.incident().actions[0].factors, vec!["F1".to_string()]);
    h.keys("<c-s>");
    assert_eq!(h.on_disk(&id).factors.len(), 1);
}
