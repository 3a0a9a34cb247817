//! Shared measures and placements of the screens: the label column of a form, a centred
//! dialog, and the box of a text field being edited.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::Block;

use super::theme::THEME;
use crate::app::form::Target;
use crate::app::state::IncidentView;

/// Width of the label column of a form, in columns.
pub(super) const LABEL: usize = 18;

/// A rectangle of `width` × `height` centred in `area` (clipped to it).
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

/// The box of the text field being edited, with its keys in the bottom border.
pub(super) fn draw_editor(view: &IncidentView, target: Target, frame: &mut Frame, area: Rect) {
    let Some(editor) = &view.cursor.editor else {
        return;
    };
    let (label, _) = target.label();
    let keys = if target.kind().is_single_line() {
        "Enter/Esc done · Tab next"
    } else {
        "Esc done · Tab next · Enter new line · Ctrl-E editor"
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" ✎ {label} "), THEME.focus))
        .title_bottom(Span::styled(format!(" {keys} "), THEME.dim))
        .border_style(THEME.border_focus);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width > 0 && inner.height > 0 {
        frame.render_widget(&editor.textarea, inner);
    }
}
