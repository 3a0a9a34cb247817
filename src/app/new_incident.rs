//! The new-incident prompt (`n` on the list): the title, and when the incident started
//! (`14:02`, `yesterday 23:10`, `2026-11-30 09:15`; empty is now), so that an incident
//! written up the next day gets the day it happened in its id.
//!
//! A typed start time also becomes the incident's first timeline entry, marked as the key
//! moment "impact started", as `retro new --started` does.

use crossterm::event::{KeyEvent, KeyModifiers};
use jiff::tz::TimeZone;

use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Overlay};
use crate::editor::TextBox;
use crate::model::start::{Start, parse_start};
use crate::model::{Incident, Milestone, TimelineEntry};

/// The text of the impact-started entry a typed start adds to the timeline.
pub const IMPACT_STARTED: &str = "Impact started.";

/// The zone a start is typed in: the new incident's own zone, which is UTC until one is set
/// on its overview (times of the incident are typed and shown in it).
pub fn prompt_zone(_state: &AppState) -> TimeZone {
    TimeZone::UTC
}

/// Opens the prompt on the title.
pub fn open(state: &mut AppState) {
    let mut title = TextBox::new("", true);
    title.set_placeholder_text("e.g. Checkout errors after config push");
    let mut started = TextBox::new("", true);
    started.set_placeholder_text("now · or 14:02, yesterday 23:10, 2026-11-30 09:15, ~14:00");
    state.overlay = Some(Overlay::NewIncident {
        textarea: Box::new(title),
        started: Box::new(started),
        on_start: false,
        error: None,
    });
}

/// Keys in the prompt (`overlay` is the prompt, taken from the state): Enter creates the
/// incident from either field, Tab and Shift-Tab switch between the title and the start, Esc
/// cancels; other keys are typed.
pub fn on_key(state: &mut AppState, overlay: Overlay, key: KeyEvent) -> Next {
    let Overlay::NewIncident {
        textarea: mut title,
        mut started,
        mut on_start,
        mut error,
    } = overlay
    else {
        return Next::stay(overlay);
    };
    match lookup(Context::NewIncident, &key) {
        Some(Command::Back | Command::Quit) => return Next::close(),
        Some(Command::Finish) => {
            let text = title.lines().join(" ").trim().to_string();
            if text.is_empty() {
                on_start = false;
                error = Some("Type a title first (Esc cancels)".into());
            } else {
                let typed = started.lines().join(" ");
                match parse_start(&typed, &prompt_zone(state), state.now) {
                    Ok(start) => return Next::close_with(vec![Job::Create { title: text, start }]),
                    Err(e) => {
                        on_start = true;
                        error = Some(e);
                    }
                }
            }
        }
        Some(Command::NextField | Command::PrevField) => on_start = !on_start,
        _ => {
            if !super::focus::is_newline_key(&key) && !key.modifiers.contains(KeyModifiers::ALT) {
                let field = if on_start { &mut started } else { &mut title };
                field.input(key);
                error = None;
            }
        }
    }
    Next::stay(Overlay::NewIncident {
        textarea: title,
        started,
        on_start,
        error,
    })
}

/// Pasted text goes into the field being typed, on one line.
pub fn paste(overlay: &mut Overlay, text: &str) {
    if let Overlay::NewIncident {
        textarea,
        started,
        on_start,
        ..
    } = overlay
    {
        let field = if *on_start { started } else { textarea };
        field.insert_str(text.replace('\n', " "));
    }
}

/// The day a new incident's id carries: the day it started, else `today`.
pub fn id_date(start: Option<&Start>, today: jiff::civil::Date) -> jiff::civil::Date {
    start.map_or(today, |s| s.date)
}

/// Adds the typed start to a new incident: an "impact started" entry at that time (a date
/// alone adds nothing but the id's date).
pub fn add_start(incident: &mut Incident, start: Option<&Start>) {
    if let Some(Start {
        at: Some(at),
        approximate,
        ..
    }) = start
    {
        incident.timeline.push(TimelineEntry {
            at: Some(*at),
            approximate: *approximate,
            text: IMPACT_STARTED.into(),
            milestone: Some(Milestone::ImpactStarted),
            ..TimelineEntry::default()
        });
    }
}
