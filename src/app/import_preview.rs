//! The import overlay of the timeline section: a path prompt (Tab completes), then a preview
//! of every candidate message with checkboxes, a text filter, bots shown or hidden, a key
//! moment and an internal-only mark per message, and `Enter` to add the chosen ones.
//!
//! It owns its state and its keys: [`on_key`] takes the overlay and puts back what comes
//! next (the same overlay, another stage, or nothing). Reading the file and completing a
//! path are I/O: they are a [`Job::Import`], which the runtime hands to
//! [`super::import_io::perform`], and whose reply comes back as [`Msg::Import`].
//!
//! [`Msg::Import`]: super::messages::Msg::Import

use std::collections::HashSet;
use std::path::PathBuf;

use crate::editor::TextBox;
use crossterm::event::{KeyCode, KeyEvent};

use super::import_io::{Reply, Request};
use super::import_overlay::{ImportOverlay, ImportWhat, Preview};
use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Overlay, Screen};
use crate::import::Imported;
use crate::model::{Milestone, Moment, Section, TimelineEntry};

/// Applies the runtime's reply; a metric series put into the incident is saved at once.
pub fn on_reply(state: &mut AppState, reply: Reply) -> Vec<Job> {
    match reply {
        Reply::Read { source, result } => read_done(state, source, result),
        Reply::Metric { source, result } => {
            if super::metric_import::read_done(state, source, result) {
                return super::save::save_now(state);
            }
        }
        Reply::Progress(done, total) => {
            if let Some(Overlay::Import(overlay)) = &mut state.overlay
                && let ImportOverlay::Reading { progress, .. } = overlay.as_mut()
            {
                *progress = Some((done, total));
            }
        }
        Reply::Completed(text, names) => {
            if let Some(Overlay::Import(overlay)) = &mut state.overlay
                && let ImportOverlay::Path { textarea, note, .. } = overlay.as_mut()
            {
                **textarea = TextBox::new(&text, true);
                *note = (!names.is_empty()).then(|| names.join("  "));
            }
        }
    }
    Vec::new()
}

/// Opens the path prompt: chat messages in the timeline section, a metric series in the
/// monitoring section (into the open metric record, if one is open); an editable incident.
pub fn open(state: &mut AppState) -> Vec<Job> {
    let Some(view) = state.incident() else {
        return Vec::new();
    };
    let what = match view.cursor.section {
        Section::Timeline => ImportWhat::Chat,
        Section::Monitoring => ImportWhat::Metric {
            record: view
                .cursor
                .record
                .as_ref()
                .filter(|r| r.kind == crate::model::RecordKind::Metric)
                .map(|r| r.index),
        },
        _ => {
            state.info(
                "import works in the timeline (3: chat messages) and monitoring (2: a metric \
                 series) sections",
            );
            return Vec::new();
        }
    };
    if view.disk.read_only.is_some() {
        state.error("this incident is read-only");
        return Vec::new();
    }
    state.overlay = Some(Overlay::Import(Box::new(ImportOverlay::Path {
        textarea: Box::new(TextBox::new("", true)),
        note: None,
        what,
    })));
    Vec::new()
}

/// `PATH #channel` → the path and the channel.
fn split_channel(text: &str) -> (String, Option<String>) {
    let text = text.trim();
    match text.rsplit_once(" #") {
        Some((path, channel)) if !channel.contains(' ') && !channel.is_empty() => {
            (path.trim().to_string(), Some(channel.to_string()))
        }
        _ => (text.to_string(), None),
    }
}

/// Keys of the import overlay.
pub fn on_key(state: &mut AppState, overlay: ImportOverlay, key: KeyEvent) -> Next {
    match overlay {
        ImportOverlay::Path {
            textarea,
            note,
            what,
        } => on_path_key(state, textarea, note, what, key),
        ImportOverlay::Reading {
            source,
            progress,
            what,
        } => {
            // Esc or Ctrl-C stops the read; nothing is added.
            if matches!(
                lookup(Context::ImportPath, &key),
                Some(Command::Back | Command::Quit)
            ) {
                state.info("import stopped; nothing was added");
                return Next::close_with(vec![Job::Import(Request::Cancel)]);
            }
            stay(ImportOverlay::Reading {
                source,
                progress,
                what,
            })
        }
        ImportOverlay::Preview(preview) => on_preview_key(state, preview, key),
    }
}

fn on_path_key(
    state: &mut AppState,
    mut textarea: Box<TextBox>,
    mut note: Option<String>,
    what: ImportWhat,
    key: KeyEvent,
) -> Next {
    let text = textarea.lines().join("");
    match lookup(Context::ImportPath, &key) {
        Some(Command::Back) => return Next::close(),
        Some(Command::Complete) => {
            return stay(ImportOverlay::Path {
                textarea,
                note,
                what,
            })
            .with(vec![Job::Import(Request::Complete(text))]);
        }
        Some(Command::Choose) if what != ImportWhat::Chat => {
            if let Some(next) = super::metric_import::start(state, &text, what) {
                return next;
            }
            note = Some("type the path of a CSV or Prometheus JSON file (Esc cancels)".into());
        }
        Some(Command::Choose) => {
            let (path, channel) = split_channel(&text);
            if path.is_empty() {
                note = Some("type the path of an export (Esc cancels)".into());
            } else if let Some(view) = state.incident() {
                let path = PathBuf::from(path);
                let incident = &view.incident;
                let tz = crate::model::timeinput::zone(&incident.timezone);
                let date = incident
                    .milestone(Milestone::ImpactStarted)
                    .or_else(|| incident.timeline.iter().filter_map(|e| e.at).min())
                    .map(|m| m.in_zone(&tz).date())
                    .or_else(|| incident.id.get(..10).and_then(|d| d.parse().ok()))
                    .unwrap_or_else(|| state.today());
                let shown = path.display().to_string();
                let timezone = incident.timezone.clone();
                return stay(ImportOverlay::Reading {
                    source: shown,
                    progress: None,
                    what,
                })
                .with(vec![Job::Import(Request::Read {
                    path,
                    channel,
                    date,
                    timezone,
                })]);
            }
        }
        _ => {
            if !super::focus::is_newline_key(&key) {
                textarea.input(key);
                note = None;
            }
        }
    }
    stay(ImportOverlay::Path {
        textarea,
        note,
        what,
    })
}

/// The import overlay stays, at `step`.
fn stay(step: ImportOverlay) -> Next {
    Next::stay(Overlay::Import(Box::new(step)))
}

/// Text pasted into the path prompt goes into it; text pasted in the timeline section (no
/// field being edited) that reads as chat messages opens the preview on them. True when the
/// paste was taken.
pub fn offer_paste(state: &mut AppState, text: &str) -> bool {
    if let Some(Overlay::Import(overlay)) = &mut state.overlay {
        if let ImportOverlay::Path { textarea, note, .. } = overlay.as_mut() {
            textarea.insert_str(text.replace(['\r', '\n'], ""));
            *note = None;
        }
        return true;
    }
    let Some(view) = state.incident() else {
        return false;
    };
    if state.overlay.is_some()
        || view.cursor.section != Section::Timeline
        || view.cursor.editor.is_some()
        || view.cursor.record.is_some()
        || view.disk.read_only.is_some()
    {
        return false;
    }
    let incident = &view.incident;
    let tz = crate::model::timeinput::zone(&incident.timezone);
    let date = incident
        .milestone(Milestone::ImpactStarted)
        .map(|m| m.in_zone(&tz).date())
        .or_else(|| incident.id.get(..10).and_then(|d| d.parse().ok()))
        .unwrap_or_else(|| state.today());
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let options = crate::import::Options {
        channel: None,
        date,
        tz,
        progress: &crate::import::NoProgress,
        cancel: &cancel,
    };
    let imported = crate::import::parse_paste(text, &options);
    if imported.entries.is_empty() {
        return false;
    }
    read_done(state, "pasted text".into(), Ok(imported));
    true
}

/// The file was read: show the preview, or say why not (back at the path prompt).
pub fn read_done(state: &mut AppState, source: String, result: Result<Imported, String>) {
    let waiting = match &state.overlay {
        Some(Overlay::Import(o)) => match o.as_ref() {
            ImportOverlay::Reading { what, .. } => Some(*what),
            _ => None,
        },
        _ => None,
    };
    if waiting.is_none() && source != "pasted text" {
        return;
    }
    let what = waiting.unwrap_or(ImportWhat::Chat);
    let Some(view) = state.incident() else {
        return;
    };
    match result {
        Ok(imported) => {
            let known: HashSet<&str> = view
                .incident
                .timeline
                .iter()
                .map(|e| e.source.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            let preview = Preview::new(source, imported, &known);
            state.overlay = Some(Overlay::Import(Box::new(ImportOverlay::Preview(Box::new(
                preview,
            )))));
        }
        Err(message) => {
            state.overlay = Some(Overlay::Import(Box::new(ImportOverlay::Path {
                textarea: Box::new(TextBox::new(&source, true)),
                note: Some(message),
                what,
            })));
        }
    }
}

fn on_preview_key(state: &mut AppState, mut p: Box<Preview>, key: KeyEvent) -> Next {
    if p.filtering {
        match lookup(Context::Filter, &key) {
            Some(Command::Back | Command::Finish) => p.filtering = false,
            // Typed keys: the filter's text.
            _ if key.code == KeyCode::Backspace => {
                p.filter.pop();
                p.refilter();
            }
            _ => {
                if let KeyCode::Char(c) = key.code
                    && !key
                        .modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL)
                {
                    p.filter.push(c);
                    p.refilter();
                }
            }
        }
        return stay(ImportOverlay::Preview(p));
    }
    let page = 10;
    match lookup(Context::ImportPreview, &key) {
        Some(Command::Back) => return Next::close(),
        Some(Command::Choose) => return Next::close_with(add_chosen(state, &p)),
        Some(Command::Up) => p.move_by(-1),
        Some(Command::Down) => p.move_by(1),
        Some(Command::PageUp) => p.move_by(-page),
        Some(Command::PageDown) => p.move_by(page),
        Some(Command::Home) => p.cursor = 0,
        Some(Command::End) => p.cursor = p.visible.len().saturating_sub(1),
        Some(Command::Tick) => {
            if let Some(i) = p.current() {
                p.ticked[i] = !p.ticked[i];
            }
        }
        Some(Command::SelectAll) => p
            .visible
            .clone()
            .into_iter()
            .for_each(|i| p.ticked[i] = true),
        Some(Command::SelectNone) => p
            .visible
            .clone()
            .into_iter()
            .for_each(|i| p.ticked[i] = false),
        Some(Command::MarkRange) => match (p.anchor.take(), p.current()) {
            (None, Some(i)) => p.anchor = Some(i),
            (Some(a), Some(b)) => {
                let (lo, hi) = (a.min(b), a.max(b));
                for i in p.visible.clone() {
                    if (lo..=hi).contains(&i) {
                        p.ticked[i] = true;
                    }
                }
            }
            _ => {}
        },
        Some(Command::Filter) => p.filtering = true,
        Some(Command::ToggleBots) => {
            p.show_bots = !p.show_bots;
            p.refilter();
        }
        Some(Command::SetMoment) => {
            if let Some(i) = p.current() {
                p.milestone[i] = next_milestone(p.milestone[i]);
                // At most one entry per key moment.
                if let Some(m) = p.milestone[i] {
                    for j in 0..p.milestone.len() {
                        if j != i && p.milestone[j] == Some(m) {
                            p.milestone[j] = None;
                        }
                    }
                }
            }
        }
        Some(Command::MarkInternal) => {
            if let Some(i) = p.current() {
                p.internal[i] = !p.internal[i];
            }
        }
        _ => {}
    }
    stay(ImportOverlay::Preview(p))
}

/// No moment, then each of them in order, then none again.
fn next_milestone(current: Option<Milestone>) -> Option<Milestone> {
    use crate::model::Choice;
    let all = Milestone::ALL;
    match current {
        None => all.first().copied(),
        Some(m) => all
            .iter()
            .position(|x| *x == m)
            .and_then(|p| all.get(p + 1).copied()),
    }
}

/// Adds the ticked candidates to the timeline (kept sorted) and saves.
fn add_chosen(state: &mut AppState, p: &Preview) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let chosen: Vec<usize> = (0..p.candidates.len()).filter(|&i| p.ticked[i]).collect();
    let moments: HashSet<Milestone> = chosen.iter().filter_map(|&i| p.milestone[i]).collect();
    // A key moment set here moves from the entry that had it.
    for entry in &mut view.incident.timeline {
        if entry.milestone.is_some_and(|m| moments.contains(&m)) {
            entry.milestone = None;
        }
    }
    for &i in &chosen {
        let c = &p.candidates[i];
        let at = jiff::Timestamp::from_second(c.at.as_second()).unwrap_or(c.at);
        view.incident.timeline.push(TimelineEntry {
            at: Some(Moment::utc(at)),
            actor: c.actor.clone(),
            role: c.role.clone(),
            channel: c.channel.clone().unwrap_or_default(),
            text: c.text.clone(),
            milestone: p.milestone[i],
            internal_only: p.internal[i],
            source: c.source.clone(),
            ..TimelineEntry::default()
        });
    }
    if chosen.is_empty() {
        state.info("nothing ticked; nothing added");
        return Vec::new();
    }
    view.incident.sort_timeline();
    view.save.revision += 1;
    let n = chosen.len();
    state.info(format!(
        "added {n} entr{} to the timeline",
        if n == 1 { "y" } else { "ies" }
    ));
    super::save::save_now(state)
}
