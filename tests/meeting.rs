//! Meeting mode: the clock's update logic with injected time, and snapshots of the clock, the
//! agenda, an exceeded timebox and the opening question at 80x24 and 120x40.

mod common;

use common::Harness;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use retro::app::state::{Overlay, Screen};
use retro::model::{Effect, Meeting, Section};

const ID: &str = "2026-09-03-order-placement-outage-after-database-disk-filled";

/// The demo folder with its newest incident open on the overview.
fn open_demo() -> Harness {
    let mut h = Harness::demo();
    h.keys("<enter>");
    assert_eq!(h.incident().id, ID);
    h
}

fn meeting(h: &Harness) -> &Meeting {
    &h.incident().meeting
}

fn message(h: &Harness) -> String {
    h.state
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn secs(h: &Harness, item: Section) -> u64 {
    meeting(h).item_secs(item, h.state.now)
}

#[test]
fn m_starts_the_clock_asks_what_went_well_and_saves() {
    let mut h = open_demo();
    let factors = h.incident().factors.len();
    h.keys("m");
    assert!(matches!(h.state.overlay, Some(Overlay::Opening { .. })));
    let m = meeting(&h);
    assert!(m.is_running());
    assert_eq!(m.started_at.map(|s| s.timestamp), Some(common::now()));
    assert_eq!(m.current, Some(Section::Overview));
    // Starting is saved at once.
    let on_disk = h.on_disk(ID).meeting;
    assert_eq!(on_disk.started_at.map(|s| s.timestamp), Some(common::now()));

    h.keys("Alerts paged the database team within minutes<enter>");
    h.paste("Read replicas kept browsing up\nThe runbook had the failover steps\nhalf");
    h.keys(" a line<esc>");
    // Their categories are asked next; Esc leaves them for section 4.
    assert!(matches!(h.state.overlay, Some(Overlay::Categorise(_))));
    h.keys("<esc>");
    assert!(h.state.overlay.is_none());
    let added: Vec<_> = h.incident().factors[factors..]
        .iter()
        .map(|f| (f.id.as_str(), f.effect, f.description.as_str()))
        .collect();
    assert_eq!(
        added,
        [
            (
                "F7",
                Some(Effect::Mitigator),
                "Alerts paged the database team within minutes"
            ),
            (
                "F8",
                Some(Effect::Mitigator),
                "Read replicas kept browsing up"
            ),
            (
                "F9",
                Some(Effect::Mitigator),
                "The runbook had the failover steps"
            ),
            ("F10", Some(Effect::Mitigator), "half a line"),
        ]
    );
    assert!(
        message(&h).contains("4 factors that helped"),
        "{}",
        message(&h)
    );
    h.tick_after(2.0);
    assert_eq!(h.on_disk(ID).factors.len(), factors + 4);
}

#[test]
fn the_opening_question_can_be_skipped() {
    let mut h = open_demo();
    h.keys("m<enter>");
    assert!(h.state.overlay.is_none());
    assert!(meeting(&h).is_running());
    assert_eq!(h.incident().factors.len(), 6);
    // A second m shows the agenda instead of starting again.
    h.keys("m");
    assert!(matches!(
        h.state.overlay,
        Some(Overlay::Agenda { selected: 0, .. })
    ));
}

#[test]
fn the_agenda_item_follows_the_section_and_time_accumulates() {
    let mut h = open_demo();
    h.keys("m<esc>");
    h.tick_after(90.0);
    h.keys("4");
    assert_eq!(meeting(&h).current, Some(Section::Factors));
    assert_eq!(meeting(&h).spent.get(&Section::Overview), Some(&90));
    h.tick_after(30.0);
    h.keys("3");
    h.tick_after(10.0);
    // On a timeline row 1–5 set key moments: `]` goes on to the factors.
    h.keys("]");
    h.tick_after(5.0);
    assert_eq!(secs(&h, Section::Overview), 90);
    assert_eq!(secs(&h, Section::Timeline), 10);
    assert_eq!(secs(&h, Section::Factors), 35);
    assert_eq!(meeting(&h).elapsed_secs(h.state.now), 135);
    // Opening a record or moving between fields does not switch the item.
    h.keys("<enter><tab>");
    assert_eq!(meeting(&h).current, Some(Section::Factors));
    // Each switch was saved.
    let on_disk = h.on_disk(ID).meeting;
    assert_eq!(on_disk.spent.get(&Section::Timeline), Some(&10));
    assert_eq!(on_disk.current, Some(Section::Factors));
}

#[test]
fn an_exceeded_timebox_is_marked_and_told_once() {
    let mut h = open_demo();
    h.keys("m<esc>");
    h.tick_after(299.0);
    assert!(!h.screen(80, 24).contains("/5:00 over"));
    h.tick_after(2.0);
    assert!(
        message(&h).contains("Overview has had its 5 min"),
        "{}",
        message(&h)
    );
    assert!(
        h.screen(80, 24)
            .lines()
            .next()
            .unwrap_or("")
            .contains("Overview 5:01/5:00 over")
    );
    h.keys("<tab>");
    h.tick_after(1.0);
    assert_eq!(message(&h), "", "told only once");
    // More time in the agenda ends the overrun; running past it again tells again.
    h.keys("m++<esc>");
    assert_eq!(meeting(&h).timebox(Section::Overview), 7);
    h.tick_after(1.0);
    assert!(
        !h.screen(80, 24)
            .lines()
            .next()
            .unwrap_or("")
            .contains("over")
    );
    h.tick_after(120.0);
    assert!(message(&h).contains("has had its 7 min"), "{}", message(&h));
}

#[test]
fn timeboxes_are_edited_in_the_agenda_and_saved() {
    let mut h = open_demo();
    h.keys("m<esc>m");
    h.keys("<down><down><down><down>++");
    assert_eq!(meeting(&h).timebox(Section::Factors), 17);
    h.keys("<down>-");
    assert_eq!(meeting(&h).timebox(Section::Technical), 4);
    h.keys("<up>25<enter>");
    assert_eq!(meeting(&h).timebox(Section::Factors), 25);
    h.keys("<up>1<bs>10<enter>");
    assert_eq!(meeting(&h).timebox(Section::Timeline), 10);
    assert!(!meeting(&h).timeboxes.contains_key(&Section::Timeline));
    assert_eq!(meeting(&h).planned_minutes(), 69);
    h.keys("<esc><c-s>");
    let text = std::fs::read_to_string(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    assert!(
        text.contains("[meeting.timeboxes]\nfactors = 25\ntechnical = 4\n"),
        "{text}"
    );
}

#[test]
fn enter_in_the_agenda_goes_to_the_item() {
    let mut h = open_demo();
    h.keys("m<esc>4<enter>");
    assert!(h.state.incident().unwrap().cursor.record.is_some());
    h.keys("m<down><down><enter>");
    let view = h.state.incident().unwrap();
    assert!(h.state.overlay.is_none());
    assert!(view.cursor.record.is_none());
    assert_eq!(view.cursor.section, Section::Actions);
    assert_eq!(meeting(&h).current, Some(Section::Actions));
}

#[test]
fn ending_keeps_the_summary_and_resuming_skips_the_time_between() {
    let mut h = open_demo();
    h.keys("m<esc>");
    h.tick_after(600.0);
    h.keys("me");
    assert!(matches!(h.state.overlay, Some(Overlay::Agenda { .. })));
    assert!(
        message(&h).contains("Meeting ended after 10:00"),
        "{}",
        message(&h)
    );
    let m = meeting(&h);
    assert!(!m.is_running());
    assert_eq!(m.ended_at.map(|e| e.timestamp), Some(h.state.now));
    assert!(h.screen(80, 24).contains("Meeting ended · 10:00"));
    h.keys("<esc>");
    h.tick_after(3600.0);
    assert_eq!(meeting(&h).elapsed_secs(h.state.now), 600);
    assert!(h.on_disk(ID).meeting.ended_at.is_some());
    // Resume: the hour between does not count.
    h.keys("5mr");
    assert!(h.state.overlay.is_none());
    assert_eq!(meeting(&h).current, Some(Section::Technical));
    h.tick_after(60.0);
    assert_eq!(meeting(&h).elapsed_secs(h.state.now), 660);
    // A new meeting starts from zero and keeps the timeboxes.
    h.keys("m+e");
    h.keys("n");
    assert!(matches!(h.state.overlay, Some(Overlay::Opening { .. })));
    h.keys("<esc>");
    assert_eq!(meeting(&h).elapsed_secs(h.state.now), 0);
    assert_eq!(meeting(&h).timebox(Section::Technical), 6);
}

#[test]
fn the_clock_survives_leaving_and_reopening() {
    let mut h = open_demo();
    h.keys("m<esc>4");
    h.tick_after(100.0);
    h.keys("q");
    assert!(matches!(h.state.screen, Screen::Home));
    h.tick_after(5.0);
    let home = h.screen(120, 40);
    assert!(
        home.lines()
            .next()
            .unwrap_or("")
            .contains("◷ Meeting 1:45 · Factors 1:45/15:00 on Order placement"),
        "{home}"
    );
    // A fresh program (nothing in memory) on the same folder, later.
    let later = h
        .state
        .now
        .checked_add(jiff::SignedDuration::from_secs(20))
        .unwrap();
    h.refresh();
    h.state.now = later;
    h.keys("<enter>");
    let view = h.state.incident().unwrap();
    assert_eq!(
        view.cursor.section,
        Section::Factors,
        "back on the current item"
    );
    assert_eq!(secs(&h, Section::Factors), 125);
    assert!(
        message(&h).contains("Meeting running (2:05)"),
        "{}",
        message(&h)
    );
    // Deleting the incident from the list drops its clock there.
    h.keys("qd");
    assert!(h.state.home.meeting.is_some());
    h.keys("y");
    assert!(h.state.home.meeting.is_none());
}

#[test]
fn a_meeting_left_running_for_hours_is_ended_at_the_last_change() {
    let mut h = open_demo();
    h.keys("m<esc>");
    h.tick_after(120.0);
    h.keys("7");
    h.tick_after(30.0);
    // A last change 30 s into the narrative (leaving the field saves it).
    h.keys("<enter>.<esc>");
    h.tick_after(600.0);
    h.keys("q");
    let next_day = h
        .state
        .now
        .checked_add(jiff::SignedDuration::from_hours(20))
        .unwrap();
    h.refresh();
    h.state.now = next_day;
    h.keys("<enter>");
    let m = meeting(&h);
    assert!(!m.is_running());
    // The clock stopped at the last change, 30 s into the narrative.
    assert_eq!(m.elapsed_secs(h.state.now), 150);
    assert!(message(&h).contains("left running"), "{}", message(&h));
    h.tick_after(2.0);
    assert!(h.on_disk(ID).meeting.ended_at.is_some());
}

#[test]
fn a_read_only_incident_shows_the_clock_but_never_changes_it() {
    let mut h = open_demo();
    h.keys("m<esc>3");
    h.tick_after(10.0);
    let store = h.store.clone();
    let _lock = store.lock(ID).unwrap();
    h.keys("q");
    h.refresh();
    h.keys("<enter>");
    assert!(h.state.incident().unwrap().disk.read_only.is_some());
    assert_eq!(
        h.state.incident().unwrap().cursor.section,
        Section::Timeline
    );
    assert!(message(&h).starts_with("read-only"), "{}", message(&h));
    assert!(
        h.screen(120, 40)
            .contains("◷ Meeting 0:10 · Timeline 0:10/10:00")
    );
    h.keys("4m+e");
    assert!(message(&h).starts_with("read-only"), "{}", message(&h));
    assert_eq!(meeting(&h).current, Some(Section::Timeline));
    assert_eq!(meeting(&h).timebox(Section::Factors), 15);
    assert!(meeting(&h).is_running());
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

fn snap(name: &str, h: &Harness) {
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

/// A meeting 23:41 in: 5 min on the overview, 8 on the timeline, now 10:41 on factors.
fn mid_meeting() -> Harness {
    let mut h = open_demo();
    h.keys("m<esc>");
    h.tick_after(300.0);
    h.keys("3");
    h.tick_after(480.0);
    // On a timeline row 1–5 set key moments: `]` goes on to the factors.
    h.keys("]");
    h.tick_after(641.0);
    h.state.message = None;
    h
}

#[test]
fn snapshot_opening_question() {
    let mut h = open_demo();
    h.keys("m");
    h.keys("Alerts paged the database team within minutes<enter>The runbook had the fail");
    h.tick_after(3.0);
    snap("meeting_opening", &h);
}

#[test]
fn snapshot_clock_in_the_header() {
    snap("meeting_clock", &mid_meeting());
}

#[test]
fn snapshot_agenda() {
    let mut h = mid_meeting();
    h.keys("m<down>");
    snap("meeting_agenda", &h);
}

#[test]
fn snapshot_exceeded_timebox() {
    let mut h = mid_meeting();
    h.tick_after(300.0);
    snap("meeting_over", &h);
    h.state.message = None;
    h.keys("m");
    snap("meeting_over_agenda", &h);
}

#[test]
fn snapshot_ended_meeting_and_the_list() {
    let mut h = mid_meeting();
    h.keys("me");
    snap("meeting_ended", &h);
    let mut h = mid_meeting();
    h.keys("q");
    h.state.message = None;
    snap("meeting_on_the_list", &h);
}

#[test]
fn an_exceeded_timebox_is_warm_not_an_alarm() {
    let mut h = mid_meeting();
    h.tick_after(300.0);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let header: String = (0..120).map(|x| buffer[(x, 0)].symbol()).collect();
    let at = header.find(" over").expect("the over marker");
    let x = header[..at].chars().count() as u16 + 1;
    assert_eq!(buffer[(x, 0)].fg, Color::Yellow);
    assert!(
        !buffer[(x, 0)]
            .modifier
            .contains(ratatui::style::Modifier::SLOW_BLINK)
    );
    let clock = header.find("◷").expect("the clock");
    let x = header[..clock].chars().count() as u16;
    assert_eq!(buffer[(x, 0)].fg, Color::Cyan);
}

// ---------------------------------------------------------------------------------------------
// The event loop: a clock second wakes it while a meeting runs; nothing does once it ended.
// ---------------------------------------------------------------------------------------------

/// Scripted input for the real event loop: `None` is a poll that times out (the clock moves on
/// by the timeout asked for); every call records the timeout and what the screen would show.
struct Script {
    events: std::collections::VecDeque<Option<crossterm::event::Event>>,
    timeouts: Vec<Option<std::time::Duration>>,
    clock: std::rc::Rc<std::cell::Cell<jiff::Timestamp>>,
}

impl retro::tui::EventSource for Script {
    fn next(
        &mut self,
        timeout: Option<std::time::Duration>,
    ) -> std::io::Result<Option<crossterm::event::Event>> {
        self.timeouts.push(timeout);
        let event = self
            .events
            .pop_front()
            .unwrap_or_else(|| Some(crossterm::event::Event::Key(common::parse_keys("<c-c>")[0])));
        let step = match (&event, timeout) {
            (None, Some(t)) => t,
            (None, None) => panic!("the loop would block for ever on a timed-out poll"),
            (Some(_), _) => std::time::Duration::from_millis(50),
        };
        let now = self.clock.get();
        self.clock.set(
            now.checked_add(jiff::SignedDuration::try_from(step).unwrap_or_default())
                .unwrap_or(now),
        );
        Ok(event)
    }
}

#[test]
fn the_loop_wakes_each_clock_second_while_a_meeting_runs_and_blocks_after() {
    use crossterm::event::Event;
    let h = Harness::empty();
    let keys = |k: &str| -> Vec<Option<Event>> {
        common::parse_keys(k)
            .into_iter()
            .map(|k| Some(Event::Key(k)))
            .collect()
    };
    let mut events = Vec::new();
    events.extend(keys("nStandup<enter>m<esc>"));
    let ticks_from = events.len();
    events.extend([None, None, None]);
    events.extend(keys("q"));
    let on_list = events.len();
    events.extend([None]);
    events.extend(keys("<enter>me<esc>q"));
    let quiet_from = events.len();
    events.extend(keys("q"));
    let clock = std::rc::Rc::new(std::cell::Cell::new(common::now()));
    let mut script = Script {
        events: events.into(),
        timeouts: Vec::new(),
        clock: clock.clone(),
    };
    let mut shown = Vec::new();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut runtime = retro::tui::Runtime::new(h.store.clone());
    runtime
        .run_loop(&mut terminal, &mut script, &|| clock.get(), &mut |state| {
            shown.push(retro::ui::live_text(state));
        })
        .unwrap();
    // Three timed-out polls in the incident: each wakes within a second and shows a new second.
    let ticks: Vec<&String> = shown.iter().filter(|s| s.contains("◷")).collect();
    assert!(ticks.len() >= 4, "{shown:#?}");
    let waits = &script.timeouts[ticks_from..ticks_from + 3];
    assert!(
        waits
            .iter()
            .all(|t| t.is_some_and(|t| t <= std::time::Duration::from_millis(1005))),
        "{waits:?}"
    );
    let mut distinct: Vec<&String> = shown.iter().filter(|s| s.contains("◷")).collect();
    distinct.dedup();
    assert!(distinct.len() >= 4, "{distinct:#?}");
    // On the list the running clock still wakes the loop; once ended, the list blocks.
    assert!(script.timeouts[on_list].is_some(), "{:?}", script.timeouts);
    assert_eq!(script.timeouts[quiet_from], None, "{:?}", script.timeouts);
}

#[test]
fn a_meeting_started_by_mistake_can_be_discarded() {
    let mut h = open_demo();
    h.keys("m<esc>m++");
    h.tick_after(30.0);
    // `x` asks first; `n` keeps the clock.
    h.keys("x");
    assert!(h.screen(80, 24).contains("Discard this meeting's clock?"));
    h.keys("n");
    assert!(meeting(&h).started_at.is_some());
    h.keys("m");
    h.keys("x");
    h.keys("y");
    let m = meeting(&h);
    assert_eq!(m.started_at, None);
    assert!(m.spent.is_empty() && m.current.is_none());
    // The timeboxes stay, and the file holds no clock.
    assert_eq!(m.timebox(Section::Overview), 7);
    let on_disk = h.on_disk(ID).meeting;
    assert_eq!(on_disk.started_at, None);
    assert_eq!(on_disk.timebox(Section::Overview), 7);
    assert!(!h.screen(80, 24).lines().next().unwrap_or("").contains('◷'));
}
