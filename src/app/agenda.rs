//! Meeting mode on the open incident: `m` starts the clock with the opening question (what
//! went well?) or shows the agenda; the clock follows the section on screen; an item that runs
//! past its timebox is told once, gently. The clock's rules are in [`super::meeting`].

use std::time::Duration;

use crate::editor::TextBox;
use crossterm::event::{KeyCode, KeyEvent};

use super::focus::is_newline_key;
use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::meeting::{self, format_clock};
use super::messages::Job;
use super::save;
use super::state::{AppState, Confirmed, IncidentView, MeetingElsewhere, Overlay, Screen};
use crate::model::summary::Entry;
use crate::model::timeinput::zone;
use crate::model::{Effect as FactorEffect, Factor, Moment, Section};

/// Longest number of minutes that can be typed in the agenda (three digits).
const TYPED_DIGITS: usize = 3;

/// `m`: starts a meeting (with the opening question) when none was ever started, else shows
/// the agenda.
pub fn open(state: &mut AppState) -> Vec<Job> {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let meeting = &view.incident.meeting;
    if meeting.started_at.is_some() {
        let item = meeting.current.unwrap_or(view.cursor.section);
        state.overlay = Some(Overlay::Agenda {
            selected: item.number(),
            typed: String::new(),
        });
        return Vec::new();
    }
    if let Some(reason) = &view.disk.read_only {
        let text = format!("read-only: {reason}");
        state.error(text);
        return Vec::new();
    }
    start(state, now)
}

/// Starts the clock on the section on screen and asks what went well.
fn start(state: &mut AppState, now: jiff::Timestamp) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let config = &state.config;
    crate::config::agenda::take_timeboxes(&mut view.incident.meeting, |s| config.timebox(s));
    meeting::start(&mut view.incident.meeting, view.cursor.section, now);
    view.save.revision += 1;
    view.overrun_told = None;
    state.overlay = Some(Overlay::Opening {
        textarea: Box::new(opening_textarea()),
        added: 0,
    });
    save::save_now(state)
}

fn opening_textarea() -> TextBox {
    let mut textarea = TextBox::new("", true);
    textarea.set_placeholder_text("e.g. The failover runbook was up to date");
    textarea
}

/// Keys in the opening question: Enter adds the line as a factor that helped; Enter on an
/// empty line, or Esc, goes on (keeping a line still typed).
pub fn on_opening_key(
    state: &mut AppState,
    mut textarea: Box<TextBox>,
    mut added: usize,
    key: KeyEvent,
) -> Next {
    let line = textarea.lines().join(" ").trim().to_string();
    let command = lookup(Context::Opening, &key);
    let newline =
        matches!(command, Some(Command::Finish | Command::NextAnswer)) || is_newline_key(&key);
    let done =
        matches!(command, Some(Command::Back | Command::Quit)) || (newline && line.is_empty());
    if newline || done {
        if !line.is_empty() {
            add_went_well(state, &line);
            added += 1;
        }
        if done {
            opening_done(state, added);
            super::went_well::begin(state, added);
            return Next::close_with(save::save_now(state));
        }
        textarea = Box::new(opening_textarea());
    } else if command == Some(Command::Save) {
        let jobs = save::save(state);
        return Next::stay(Overlay::Opening { textarea, added }).with(jobs);
    } else {
        textarea.input(key);
    }
    Next::stay(Overlay::Opening { textarea, added })
}

/// Pasted text in the opening question: each full line becomes a factor that helped; the
/// last (unfinished) line stays in the field.
pub fn paste_opening(state: &mut AppState, text: &str) {
    let Some(Overlay::Opening { textarea, added }) = state.overlay.take() else {
        return;
    };
    let next = paste_lines(state, textarea, added, text);
    next.apply(state);
}

fn paste_lines(state: &mut AppState, textarea: Box<TextBox>, added: usize, text: &str) -> Next {
    let mut textarea = textarea;
    let mut added = added;
    let mut lines: Vec<&str> = text.split('\n').collect();
    let last = lines.pop().unwrap_or("");
    for (i, line) in lines.into_iter().enumerate() {
        let line = if i == 0 {
            format!("{} {line}", textarea.lines().join(" "))
        } else {
            line.to_string()
        };
        if i == 0 {
            textarea = Box::new(opening_textarea());
        }
        let line = line.trim();
        if !line.is_empty() {
            add_went_well(state, line);
            added += 1;
        }
    }
    textarea.insert_str(last);
    Next::stay(Overlay::Opening { textarea, added })
}

fn add_went_well(state: &mut AppState, line: &str) {
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    let id = view.incident.next_record_id('F');
    view.incident.factors.push(Factor {
        id,
        effect: Some(FactorEffect::Mitigator),
        description: line.to_string(),
        ..Factor::default()
    });
    view.save.revision += 1;
}

fn opening_done(state: &mut AppState, added: usize) {
    let text = match added {
        0 => "Meeting started · m shows the agenda and timeboxes".to_string(),
        1 => "Meeting started · 1 factor that helped added (section 4) · m agenda".to_string(),
        n => format!("Meeting started · {n} factors that helped added (section 4) · m agenda"),
    };
    state.info(text);
}

/// Keys in the agenda: move, change a timebox (+/-, or type minutes and Enter), go to an
/// item, end, resume, start anew, close.
pub fn on_agenda_key(
    state: &mut AppState,
    mut selected: usize,
    mut typed: String,
    key: KeyEvent,
) -> Next {
    let now = state.now;
    let last = Section::ALL.len() - 1;
    let command = lookup(Context::Agenda, &key);
    match (command, key.code) {
        (Some(Command::TypeMinutes), KeyCode::Char(c)) => {
            if typed.len() < TYPED_DIGITS {
                typed.push(c);
            }
            return Next::stay(Overlay::Agenda { selected, typed });
        }
        (Some(Command::EraseMinute), _) => {
            typed.pop();
            return Next::stay(Overlay::Agenda { selected, typed });
        }
        _ => {}
    }
    let item = Section::from_number(selected).unwrap_or(Section::Overview);
    let writes = matches!(
        command,
        Some(
            Command::Longer
                | Command::Shorter
                | Command::EndMeeting
                | Command::Resume
                | Command::New
                | Command::Delete
        )
    ) || (command == Some(Command::Choose) && !typed.is_empty());
    let mut effects = Vec::new();
    if writes && let Some(reason) = state.incident().and_then(|v| v.disk.read_only.clone()) {
        state.error(format!("read-only: {reason}"));
        return Next::stay(Overlay::Agenda { selected, typed });
    }
    let Screen::Incident(view) = &mut state.screen else {
        return Next::close();
    };
    let meeting = &mut view.incident.meeting;
    match command {
        Some(Command::Up) => {
            selected = selected.saturating_sub(1);
            typed.clear();
        }
        Some(Command::Down) => {
            selected = (selected + 1).min(last);
            typed.clear();
        }
        Some(Command::Longer | Command::Shorter) => {
            let delta = if command == Some(Command::Longer) {
                1
            } else {
                -1
            };
            if meeting::adjust_timebox(meeting, item, delta) {
                view.save.revision += 1;
            }
            typed.clear();
        }
        Some(Command::Choose) if !typed.is_empty() => {
            let minutes = typed.parse::<u32>().unwrap_or(0);
            if meeting::set_timebox(meeting, item, minutes) {
                view.save.revision += 1;
            }
            typed.clear();
        }
        Some(Command::Choose) => {
            // Close the agenda and go there: the clock follows.
            let section = Section::from_number(selected).unwrap_or(Section::Overview);
            go_to(view, section, now);
            return Next::close_with(save::save_now(state));
        }
        Some(Command::EndMeeting) => {
            if meeting::end(meeting, now) {
                view.save.revision += 1;
                let text = format!(
                    "Meeting ended after {} ({} min planned) · r in the agenda resumes",
                    format_clock(meeting.elapsed_secs(now)),
                    meeting.planned_minutes()
                );
                state.info(text);
                effects = save::save_now(state);
            } else {
                state.info("The meeting has already ended: r resumes it");
            }
        }
        Some(Command::Resume) => {
            if meeting::resume(meeting, view.cursor.section, now) {
                view.save.revision += 1;
                view.overrun_told = None;
                state.info("Meeting resumed: the clock follows the section on screen");
                return Next::close_with(save::save_now(state));
            }
            state.info("The meeting is running: e ends it");
        }
        Some(Command::New) => {
            if meeting.is_running() {
                state.info("End this meeting first (e); then n starts a new one");
            } else {
                return Next::close_with(start(state, now));
            }
        }
        Some(Command::Delete) if meeting.started_at.is_some() => {
            return Next::stay(Overlay::Confirm {
                question: "Discard this meeting's clock? The time spent on each item is \
                           forgotten; the timeboxes and everything written stay."
                    .into(),
                on_yes: Confirmed::DiscardMeeting,
                on_no: None,
            });
        }
        Some(Command::Back) => return Next::close(),
        Some(Command::Save) => effects = save::save(state),
        Some(Command::Quit) => return Next::close_with(save::quit(state)),
        _ => {}
    }
    Next::stay(Overlay::Agenda { selected, typed }).with(effects)
}

/// Shows `section` from its first field, and moves a running meeting's clock there.
pub fn go_to(view: &mut IncidentView, section: Section, now: jiff::Timestamp) {
    view.cursor.section = section;
    view.cursor.focus = 0;
    view.cursor.record = None;
    follow(view, now);
}

/// While a meeting runs, makes the section on screen the current agenda item (called whenever
/// the section changes). Read-only incidents are never changed.
pub fn follow(view: &mut IncidentView, now: jiff::Timestamp) {
    if view.disk.read_only.is_none()
        && meeting::switch(&mut view.incident.meeting, view.cursor.section, now)
    {
        view.save.revision += 1;
    }
}

/// On a timer tick: tells once, in the status line, that the current item ran past its
/// timebox (the header marks it `over` as long as it is).
pub fn on_tick(state: &mut AppState) {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    let m = &view.incident.meeting;
    let Some(item) = m.current.filter(|_| m.is_running()) else {
        return;
    };
    let over = m.is_over(item, now);
    if over && view.overrun_told != Some(item) {
        view.overrun_told = Some(item);
        let text = format!(
            "{} has had its {} min: wrap up, or give it more time in the agenda (m)",
            item.short(),
            m.timebox(item)
        );
        if !state.message.as_ref().is_some_and(|m| m.error) {
            state.info(text);
        }
    } else if !over && view.overrun_told == Some(item) {
        view.overrun_told = None;
    }
}

/// After an incident opened: a running meeting resumes on its current item; one left running
/// for hours is ended at the incident's last change (and saved).
pub fn on_opened(state: &mut AppState) -> Vec<Job> {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if view.disk.read_only.is_none() {
        let last_change = view.incident.updated_at.map(|m| m.timestamp);
        if let Some(at) = meeting::settle_stale(&mut view.incident.meeting, now, last_change) {
            view.save.revision += 1;
            save::touched(view, now);
            let tz = zone(&view.incident.timezone);
            let text = format!(
                "The meeting clock was left running; stopped at {} (last change) · m agenda",
                Moment::utc(at).in_zone(&tz).strftime("%H:%M")
            );
            state.info(text);
            return save::save_now(state);
        }
    }
    let m = &view.incident.meeting;
    if m.is_running()
        && let Some(item) = m.current
    {
        view.cursor.section = item;
        if view.disk.read_only.is_some() {
            // The status line keeps saying why it is read-only.
            return Vec::new();
        }
        let text = format!(
            "Meeting running ({}): back on {} · m agenda",
            format_clock(m.elapsed_secs(now)),
            item.title()
        );
        state.info(text);
    }
    Vec::new()
}

/// Keeps the list's note of a meeting running on the open incident, so the list can show its
/// clock after leaving; drops it once that meeting is no longer running.
pub fn remember(state: &mut AppState) {
    let Screen::Incident(view) = &state.screen else {
        // A meeting on an incident no longer listed (deleted) is not shown.
        if let Some(known) = &state.home.meeting
            && !state.home.entries.iter().any(|e| match e {
                Entry::Incident { summary, .. } => summary.id == known.id,
                Entry::Broken { .. } => false,
            })
        {
            state.home.meeting = None;
        }
        return;
    };
    let inc = &view.incident;
    if inc.meeting.is_running() {
        let known = state.home.meeting.as_ref();
        if known.is_none_or(|k| k.id != inc.id || k.meeting != inc.meeting || k.title != inc.title)
        {
            state.home.meeting = Some(MeetingElsewhere {
                id: inc.id.clone(),
                title: inc.title.clone(),
                meeting: inc.meeting.clone(),
            });
        }
    } else if state.home.meeting.as_ref().is_some_and(|k| k.id == inc.id) {
        state.home.meeting = None;
    }
}

/// How long the runtime may wait before a shown meeting clock changes, if one is shown.
pub fn clock_wait(state: &AppState) -> Option<Duration> {
    let meeting = match &state.screen {
        Screen::Incident(view) => &view.incident.meeting,
        Screen::Home => &state.home.meeting.as_ref()?.meeting,
        Screen::Viewer(_) => return None,
    };
    meeting::until_next_second(meeting, state.now)
}

/// After the confirmation: forgets the meeting's clock and saves.
pub fn discard(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if !meeting::discard(&mut view.incident.meeting) {
        return Vec::new();
    }
    view.save.revision += 1;
    view.overrun_told = None;
    state.info("Meeting discarded: m starts a new one");
    save::save_now(state)
}
