//! The export overlay: the choices (format and destination, internal or customer-facing),
//! the path prompt, and the question before replacing a file.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::THEME;
use crate::app::export::{Audience, ExportOverlay, MENU, Step};
use crate::app::keymap::{Context, lookup_keys};

/// Draws the overlay centred over `area`.
pub fn render(overlay: &ExportOverlay, title: &str, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2));
    match &overlay.step {
        Step::Menu => {
            let mut lines: Vec<Line> = Vec::new();
            for (i, (_, _, command, label)) in MENU.iter().enumerate() {
                let key = lookup_keys(Context::ExportMenu, *command);
                let mark = if i == overlay.selected { "▶ " } else { "  " };
                let text = super::ellipsize(&format!("{mark}{key:<3}{label}"), inner);
                let style = if i == overlay.selected {
                    THEME.focus
                } else {
                    THEME.text
                };
                lines.push(Line::from(Span::styled(text, style)));
            }
            lines.push(Line::from(""));
            let other = match overlay.audience {
                Audience::Internal => Audience::Customer,
                Audience::Customer => Audience::Internal,
            };
            lines.push(Line::from(vec![
                Span::raw(" Version: "),
                Span::styled(overlay.audience.label(), THEME.heading),
                Span::styled(format!("  (a: {})", other.label()), THEME.dim),
            ]));
            for l in super::wrap::wrap(
                "A file goes to the current directory unless you type a path. The clipboard \
                 copy is sent through the terminal (OSC 52, also over ssh); a terminal \
                 without it ignores it.",
                inner.saturating_sub(2),
                4,
            ) {
                lines.push(Line::from(Span::styled(format!(" {l}"), THEME.dim)));
            }
            let rect = centered(area, width, lines.len() as u16 + 2);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(lines).block(
                    Block::bordered()
                        .title(Span::styled(
                            super::ellipsize(&format!(" Export “{title}” "), inner),
                            THEME.heading,
                        ))
                        .title_bottom(Span::styled(
                            " Enter export · a version · Esc cancel ",
                            THEME.dim,
                        ))
                        .border_style(THEME.border_focus),
                ),
                rect,
            );
        }
        Step::Path {
            format,
            textarea,
            note,
        } => {
            let rect = centered(area, width, 7);
            frame.render_widget(Clear, rect);
            let block = Block::bordered()
                .title(Span::styled(
                    format!(
                        " Export {} ({}) to the file ",
                        format.label(),
                        overlay.audience.label()
                    ),
                    THEME.heading,
                ))
                .title_bottom(Span::styled(" Enter write · Esc back ", THEME.dim))
                .border_style(THEME.border_focus);
            let inside = block.inner(rect);
            frame.render_widget(block, rect);
            let [field, _, text] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(inside);
            let [prompt, input] =
                Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(field);
            frame.render_widget(Paragraph::new(Span::styled(" ✎ ", THEME.key)), prompt);
            if input.width > 0 {
                frame.render_widget(&**textarea, input);
            }
            let (words, style) = match note {
                Some(note) => (note.as_str(), THEME.error),
                None => (
                    "Relative to the current directory (~/ is your home). An existing file \
                     is replaced only after asking.",
                    THEME.dim,
                ),
            };
            let lines: Vec<Line> = super::wrap::wrap(words, inner.saturating_sub(2), 3)
                .into_iter()
                .map(|l| Line::from(Span::styled(format!(" {l}"), style)))
                .collect();
            frame.render_widget(Paragraph::new(lines), text);
        }
        Step::Overwrite { format, path } => {
            let question = format!(
                "{} exists. Replace it with the {} export?",
                path.display(),
                format.label()
            );
            let mut lines: Vec<Line> = super::wrap::wrap(&question, inner.saturating_sub(2), 4)
                .into_iter()
                .map(|l| Line::from(format!(" {l}")))
                .collect();
            lines.push(Line::from(""));
            lines.push(Line::from(vec![
                Span::styled(" y", THEME.key),
                Span::raw(" replace   "),
                Span::styled("n", THEME.key),
                Span::raw(" / "),
                Span::styled("Esc", THEME.key),
                Span::raw(" another name"),
            ]));
            let rect = centered(area, width, lines.len() as u16 + 2);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(lines).block(
                    Block::bordered()
                        .title(" Replace the file? ")
                        .border_style(THEME.border_focus),
                ),
                rect,
            );
        }
    }
}
