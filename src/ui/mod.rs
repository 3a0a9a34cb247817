//! Rendering: pure functions of [`AppState`] onto a ratatui frame, one module per screen.

mod annotations;
mod by_effect;
mod cells;
mod chart;
mod checklist;
mod export;
mod fishbone;
mod footer;
mod heights;
mod home;
mod import_preview;
mod incident;
mod layout;
mod list_offset;
mod meeting;
mod new_incident;
mod overlay;
pub mod palette;
mod presenter;
mod records;
mod section;
pub mod theme;
mod timeline_row;
mod viewer;
mod went_well;
mod whys;
mod wording;
pub(crate) mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::AppState;
use crate::app::state::Screen;
use theme::THEME;

/// Smallest terminal the screens are drawn in; below it a notice is shown instead, and no
/// text field is drawn (a text area drawn with no room looks empty after a resize).
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;

/// Draws the whole screen.
pub fn render(state: &AppState, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = vec![
            Line::from("Terminal too small"),
            Line::from(format!("need {MIN_WIDTH}×{MIN_HEIGHT}")),
        ];
        frame.render_widget(Paragraph::new(text).style(THEME.warn), area);
        palette::apply(frame.buffer_mut(), state.colours);
        return;
    }
    let [body, status, hints] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    match &state.screen {
        Screen::Home => home::render(state, frame, body),
        Screen::Incident(view) => incident::render(view, state, frame, body),
        Screen::Viewer(viewer) => viewer::render(viewer, frame, body),
    }
    footer::render_status(state, frame, status);
    footer::render_hints(state, frame, hints);
    if let Some(overlay) = &state.overlay {
        overlay::render(overlay, state, frame, area);
    }
    palette::apply(frame.buffer_mut(), state.colours);
}

/// The save-state text of the status line, to tell when it changes.
pub fn status_text(view: &crate::app::state::IncidentView, now: jiff::Timestamp) -> String {
    footer::save_state(view, now).0
}

/// Everything on screen that changes with time alone (the save state and the meeting
/// clock), so the runtime redraws only when it changes.
pub fn live_text(state: &AppState) -> String {
    let save = state
        .incident()
        .map(|v| status_text(v, state.now))
        .unwrap_or_default();
    save + &meeting::shown_clock(state)
}

/// A one-line header: a bold title on the left, dim text on the right.
pub(crate) fn header(frame: &mut Frame, area: Rect, left: Vec<Span<'static>>, right: String) {
    let right_width = right.chars().count() as u16;
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(Span::styled(right, THEME.dim)), r);
}

/// Cuts text to `width` columns, ending in `…` when cut.
pub(crate) fn ellipsize(text: &str, width: usize) -> String {
    wrap::truncate(text, width)
}
