//! Dialogs drawn over the screen: the key list, questions, the new-incident prompt, pickers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::THEME;
use crate::app::keymap::{HelpRow, help_rows, keys_label};
use crate::app::state::{AppState, Overlay, Picker};

/// Draws the dialog centred over `area`.
pub fn render(overlay: &Overlay, state: &AppState, frame: &mut Frame, area: Rect) {
    match overlay {
        Overlay::Agenda { selected, typed } => {
            if let Some(view) = state.incident() {
                super::meeting::render_agenda(view, *selected, typed, state.now, frame, area);
            }
        }
        Overlay::Opening { textarea, .. } => {
            if let Some(view) = state.incident() {
                super::meeting::render_opening(view, textarea, state.now, frame, area);
            }
        }
        Overlay::Help { scroll } => render_help(*scroll, frame, area),
        Overlay::Import(import) => super::import_preview::render(import, state, frame, area),
        Overlay::Confirm {
            question, on_no, ..
        } => {
            let width = area.width.saturating_sub(4).min(64);
            let inner_width = usize::from(width.saturating_sub(4));
            // Room for a list (e.g. what a publish still misses), inside the screen.
            let max_lines = usize::from(area.height.saturating_sub(6)).max(4);
            let mut lines: Vec<Line> = super::wrap::wrap(question, inner_width, max_lines)
                .into_iter()
                .map(Line::from)
                .collect();
            lines.push(Line::from(""));
            let keys: Vec<Span> = super::footer::confirm_hints(on_no.is_some())
                .into_iter()
                .flat_map(|(key, word)| {
                    [
                        Span::styled(key, THEME.key),
                        Span::raw(format!(" {word}   ")),
                    ]
                })
                .collect();
            lines.push(Line::from(keys));
            let rect = centered(area, width, lines.len() as u16 + 2);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(lines).block(
                    Block::bordered()
                        .title(" Confirm ")
                        .border_style(THEME.border_focus),
                ),
                rect,
            );
        }
        Overlay::NewIncident {
            textarea,
            started,
            on_start,
            error,
        } => super::new_incident::render(
            textarea,
            started,
            *on_start,
            error.as_deref(),
            state.now,
            frame,
            area,
        ),
        Overlay::Picker(picker) => render_picker(picker, frame, area),
        Overlay::Export(export) => {
            let title = state.incident().map_or("", |v| v.incident.title.as_str());
            super::export::render(export, title, frame, area);
        }
        Overlay::Categorise(step) => {
            if let Some(view) = state.incident() {
                super::went_well::render(view, step, frame, area);
            }
        }
        Overlay::Presenter(presenter) => {
            if let Some(view) = state.incident() {
                super::presenter::render(view, presenter, state.now, frame, area);
            }
        }
    }
}

/// The key list, generated from the keymap: each context's keys under its heading, every
/// description wrapped to `width` columns so that nothing is cut. Each line comes with the
/// index of the [`help_rows`] row it shows.
pub fn help_lines(width: usize) -> Vec<(usize, Line<'static>)> {
    const KEYS: usize = 22;
    let room = width.saturating_sub(KEYS).max(12);
    let row = |keys: String, help: &str| -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for (i, piece) in super::wrap::wrap(help, room, 8).into_iter().enumerate() {
            let head = if i == 0 {
                format!("  {keys:<20}")
            } else {
                " ".repeat(KEYS)
            };
            out.push(Line::from(vec![
                Span::styled(head, THEME.key),
                Span::raw(piece),
            ]));
        }
        out
    };
    let mut lines = Vec::new();
    for (n, help_row) in help_rows().into_iter().enumerate() {
        let shown = match help_row {
            HelpRow::Blank => vec![Line::from("")],
            HelpRow::Heading(context) => {
                vec![Line::from(Span::styled(context.title(), THEME.heading))]
            }
            HelpRow::Binding(binding) => row(keys_label(binding), binding.help),
            HelpRow::Typed(keys, help) => row(keys.to_string(), help),
        };
        lines.extend(shown.into_iter().map(|l| (n, l)));
    }
    lines
}

fn render_help(scroll: usize, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(80);
    let lines = help_lines(usize::from(width.saturating_sub(2)));
    // `scroll` counts rows of the key list; a wrapped row takes several lines.
    let scroll = lines
        .iter()
        .position(|(row, _)| *row >= scroll)
        .unwrap_or(0);
    let lines: Vec<Line> = lines.into_iter().map(|(_, l)| l).collect();
    let height = area.height.saturating_sub(2);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let visible = usize::from(height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = scroll.min(max_scroll);
    let more = match (scroll > 0, scroll < max_scroll) {
        (true, true) => " ↑↓ more ",
        (true, false) => " ↑ more ",
        (false, true) => " ↓ more ",
        (false, false) => "",
    };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::bordered()
                .title(" Keys · any key closes ")
                .title_bottom(Span::styled(more, THEME.dim))
                .border_style(THEME.border_focus),
        ),
        rect,
    );
}

fn render_picker(picker: &Picker, frame: &mut Frame, area: Rect) {
    let (label, _) = picker.target.label();
    let longest = picker
        .options
        .iter()
        .map(|o| o.chars().count())
        .max()
        .unwrap_or(10);
    let width = ((longest + 10) as u16)
        .max(46)
        .min(area.width.saturating_sub(4));
    let rows = (picker.options.len() as u16).min(area.height.saturating_sub(6));
    let rect = centered(area, width, rows + 2);
    frame.render_widget(Clear, rect);
    let offset = (picker.selected + 1).saturating_sub(usize::from(rows));
    let inner_width = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = picker
        .options
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(rows))
        .map(|(i, option)| {
            let mark = if i == picker.selected { "▶ " } else { "  " };
            let tick = match &picker.ticked {
                Some(t) if t.get(i).copied().unwrap_or(false) => "[x] ",
                Some(_) => "[ ] ",
                None => "",
            };
            let text = super::ellipsize(&format!("{mark}{tick}{option}"), inner_width);
            if i == picker.selected {
                Line::from(Span::styled(text, THEME.focus))
            } else {
                Line::from(text)
            }
        })
        .collect();
    let keys = if picker.ticked.is_some() {
        " Space tick · Enter done · Esc cancel "
    } else {
        " type to select · Enter choose · Esc cancel "
    };
    let title = if picker.typed.is_empty() {
        format!(" {label} ")
    } else {
        format!(" {label} · {}▏ ", picker.typed)
    };
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(title)
                .title_bottom(Span::styled(keys, THEME.dim))
                .border_style(THEME.border_focus),
        ),
        rect,
    );
}
