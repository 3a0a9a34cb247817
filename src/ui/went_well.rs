//! The step after the meeting's opening: the factor that helped, and the seven categories to
//! pick its one from (`1`–`7`, or `↑` `↓` and `Enter`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::THEME;
use crate::app::state::IncidentView;
use crate::app::went_well::Categorise;
use crate::model::{Category, Choice};

/// Draws the question centred over `area`.
pub fn render(view: &IncidentView, step: &Categorise, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(70);
    let inner = usize::from(width.saturating_sub(2));
    let factor = step
        .ids
        .get(step.current)
        .and_then(|id| view.incident.factors.iter().find(|f| &f.id == id));
    let description = factor.map_or("", |f| f.description.as_str());
    let id = factor.map_or("", |f| f.id.as_str());
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::from(Span::styled(
        " What kind of factor is this?",
        THEME.dim,
    )));
    for l in super::wrap::wrap(&format!("{id} {description}"), inner.saturating_sub(3), 3) {
        lines.push(Line::from(Span::styled(format!("   {l}"), THEME.heading)));
    }
    lines.push(Line::from(""));
    for (i, category) in Category::ALL.iter().enumerate() {
        let mark = if i == step.selected { "▶" } else { " " };
        let text = format!(" {mark} {} {}", i + 1, category.label());
        let style = if i == step.selected {
            THEME.focus
        } else {
            THEME.text
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let rect = centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(
                    format!(
                        " What helped · category {} of {} ",
                        step.current + 1,
                        step.ids.len()
                    ),
                    THEME.heading,
                ))
                .title_bottom(Span::styled(
                    " 1–7 or Enter set · s skip · Esc later ",
                    THEME.dim,
                ))
                .border_style(THEME.border_focus),
        ),
        rect,
    );
}
