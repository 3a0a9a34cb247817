//! The new-incident prompt: the title, when it started, and the id the file will get.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::THEME;
use crate::app::keymap::{Context, hints};
use crate::editor::TextBox;
use crate::model::start::parse_start;

/// Draws the prompt over `area`; `on_start` says which field is being typed.
pub fn render(
    title: &TextBox,
    started: &TextBox,
    on_start: bool,
    error: Option<&str>,
    now: jiff::Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(4).min(76);
    let rect = centered(area, width, 7);
    frame.render_widget(Clear, rect);
    let keys: String = hints(Context::NewIncident)
        .into_iter()
        .map(|(k, w)| format!("{k} {w}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let block = Block::bordered()
        .title(" New incident ")
        .title_bottom(Span::styled(format!(" {keys} "), THEME.dim))
        .border_style(THEME.border_focus);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [title_row, start_row, _, id_row, note_row] =
        Layout::vertical([Constraint::Length(1); 5]).areas(inner);
    field(frame, title_row, "Title", title, !on_start);
    field(frame, start_row, "Started", started, on_start);

    let typed_title = title.lines().join(" ");
    let start = parse_start(
        &started.lines().join(" "),
        &crate::model::timeinput::zone(""),
        now,
    );
    let date = match &start {
        Ok(Some(s)) => s.date,
        _ => crate::model::timeinput::local_date(now),
    };
    let id = format!("{date}-{}", crate::model::id::slugify(&typed_title));
    let id_line = if typed_title.trim().is_empty() {
        Line::from("")
    } else {
        Line::from(vec![
            Span::styled("  File    ", THEME.dim),
            Span::styled(
                super::ellipsize(
                    &format!("{id}.toml"),
                    usize::from(inner.width).saturating_sub(10),
                ),
                THEME.text,
            ),
        ])
    };
    frame.render_widget(Paragraph::new(id_line), id_row);
    let note = match (error, &start) {
        (Some(e), _) => Span::styled(e.to_string(), THEME.error),
        (None, Err(e)) if !started.is_empty() => Span::styled(e.clone(), THEME.warn),
        (None, Ok(Some(s))) if s.at.is_some() => Span::styled(
            "The start becomes the timeline's first entry (impact started).",
            THEME.dim,
        ),
        _ if on_start => Span::styled(
            "14:02, yesterday 23:10, 2026-11-30 09:15; ~ if approximate; empty is now.",
            THEME.dim,
        ),
        _ => Span::styled(
            "A short description of what happened; it names the file.",
            THEME.dim,
        ),
    };
    frame.render_widget(Paragraph::new(note), note_row);
}

/// One labelled field: the editor when it has focus (marked `✎`), else its text.
fn field(frame: &mut Frame, area: Rect, label: &str, text: &TextBox, focused: bool) {
    let [head, body] = Layout::horizontal([Constraint::Length(10), Constraint::Min(1)]).areas(area);
    let (mark, style) = if focused {
        ("✎ ", THEME.focus)
    } else {
        ("  ", THEME.dim)
    };
    frame.render_widget(
        Paragraph::new(Span::styled(format!("{mark}{label}"), style)),
        head,
    );
    if focused {
        frame.render_widget(text, body);
    } else if text.is_empty() {
        let shown = if label == "Started" { "now" } else { "" };
        frame.render_widget(Paragraph::new(Span::styled(shown, THEME.dim)), body);
    } else {
        frame.render_widget(
            Paragraph::new(super::ellipsize(
                &text.lines().join(" "),
                usize::from(body.width),
            )),
            body,
        );
    }
}
