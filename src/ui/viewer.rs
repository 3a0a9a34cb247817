//! A read-only view of a file that does not parse, with its error on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::THEME;
use crate::app::state::Viewer;

/// Draws the file's text with line numbers, from the scroll position.
pub fn render(viewer: &Viewer, frame: &mut Frame, area: Rect) {
    let [head, body] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let width = usize::from(area.width);
    let heading = vec![
        Line::from(Span::styled(
            super::ellipsize(&format!(" {} (read-only)", viewer.path.display()), width),
            THEME.heading,
        )),
        Line::from(Span::styled(
            super::ellipsize(&format!(" ! {}", viewer.error), width),
            THEME.error,
        )),
        match &viewer.fixable_id {
            Some(id) => Line::from(Span::styled(
                super::ellipsize(
                    &format!(
                        " {} sets its id to {id}, its file name; nothing else in it changes.",
                        fix_key()
                    ),
                    width,
                ),
                THEME.warn,
            )),
            None => Line::from(Span::styled(
                " This file is never rewritten by retro: fix it in an editor, then reopen.",
                THEME.dim,
            )),
        },
    ];
    frame.render_widget(Paragraph::new(heading), head);
    let height = usize::from(body.height.saturating_sub(2));
    let lines: Vec<Line> = viewer
        .text
        .lines()
        .enumerate()
        .skip(viewer.scroll)
        .take(height)
        .map(|(n, text)| {
            Line::from(vec![
                Span::styled(format!("{:>4} ", n + 1), THEME.dim),
                Span::raw(super::ellipsize(text, width.saturating_sub(7))),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().border_style(THEME.border)),
        body,
    );
}

/// The key that sets a copied file's id, from the keymap table.
fn fix_key() -> String {
    crate::app::keymap::KEYMAP
        .iter()
        .find(|b| b.command == crate::app::keymap::Command::FixId)
        .and_then(|b| b.keys.first())
        .map_or_else(String::new, |k| k.label())
}
