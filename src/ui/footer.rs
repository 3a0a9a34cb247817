//! The status line (messages, save state) and the key hints generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use crate::app::context;
use crate::app::keymap::{Context, hints};
use crate::app::state::{AppState, Overlay, Screen};

/// The status line: the last message, else where the open incident stands on disk.
pub fn render_status(state: &AppState, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let line = if let Some(message) = &state.message {
        if message.error {
            Line::from(Span::styled(
                super::ellipsize(&format!("! {}", message.text), width),
                THEME.error,
            ))
        } else {
            Line::from(Span::styled(
                super::ellipsize(&message.text, width),
                THEME.ok,
            ))
        }
    } else {
        match &state.screen {
            Screen::Incident(view) => {
                let (text, style) = save_state(view, state.now);
                Line::from(Span::styled(text, style))
            }
            _ => Line::from(Span::styled(
                super::ellipsize(&format!("folder: {}", state.dir.display()), width),
                THEME.dim,
            )),
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// What the status bar says about saving: `read-only`, `unsaved changes`, `saved 3 s ago`.
pub fn save_state(
    view: &crate::app::state::IncidentView,
    now: jiff::Timestamp,
) -> (String, ratatui::style::Style) {
    if let Some(reason) = &view.disk.read_only {
        return (format!("read-only: {reason}"), THEME.warn);
    }
    if let Some(e) = &view.save.save_error {
        return (format!("! not saved: {e} (retrying)"), THEME.error);
    }
    if view.dirty() || view.save.unsaved_since.is_some() {
        return ("● saving in a moment (Ctrl-S saves now)".into(), THEME.warn);
    }
    match view.save.saved_at {
        Some(at) => {
            let secs = now.duration_since(at).as_secs().max(0);
            let ago = if secs < 60 {
                format!("{secs} s")
            } else if secs < 3600 {
                format!("{} min", secs / 60)
            } else {
                format!("{} h", secs / 3600)
            };
            (format!("✓ saved {ago} ago"), THEME.ok)
        }
        None => ("✓ no changes".into(), THEME.dim),
    }
}

/// The keys of a question: yes, no (only where the question offers it), cancel.
pub fn confirm_hints(offers_no: bool) -> Vec<(String, &'static str)> {
    hints(Context::Confirm)
        .into_iter()
        .filter(|(_, word)| offers_no || *word != "no")
        .collect()
}

/// The key hints for what the user can do now.
pub fn render_hints(state: &AppState, frame: &mut Frame, area: Rect) {
    let pairs: Vec<(String, &str)> = match &state.overlay {
        Some(Overlay::Confirm { on_no, .. }) => confirm_hints(on_no.is_some()),
        Some(Overlay::Help { .. }) => hints(Context::Help),
        Some(Overlay::NewIncident { .. }) => hints(Context::NewIncident),
        Some(Overlay::Opening { .. }) => hints(Context::Opening),
        _ if matches!(state.screen, Screen::Home) && state.home.filtering => hints(Context::Filter),
        _ => {
            let mut pairs = hints(context(state));
            super::import_preview::timeline_hint(state, &mut pairs);
            pairs
        }
    };
    let mut pairs = pairs;
    // "? help" goes last and is always shown: it leads to everything that did not fit.
    if let Some(pos) = pairs.iter().position(|(k, _)| k == "?") {
        let help = pairs.remove(pos);
        let max = usize::from(area.width).saturating_sub(help.0.len() + help.1.len() + 3);
        let mut used = 0;
        pairs.retain(|(k, w)| {
            used += k.chars().count() + w.chars().count() + 3;
            used <= max
        });
        pairs.push(help);
    }
    let mut spans = Vec::new();
    let mut used = 0usize;
    let max = usize::from(area.width);
    for (key, word) in pairs {
        let piece = key.chars().count() + 1 + word.chars().count() + 2;
        if used + piece > max {
            break;
        }
        spans.push(Span::styled(key, THEME.key));
        spans.push(Span::styled(format!(" {word}  "), THEME.dim));
        used += piece;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
