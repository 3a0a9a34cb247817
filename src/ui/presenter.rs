//! The presenter view: what the room needs on the shared screen during a meeting and nothing
//! else. The section's name in large letters (as large as the screen allows: 8×8, 8×4 or 4×4
//! cells a letter, from `tui-big-text`'s 8×8 font), its full title, the meeting clock, one
//! question for the room, and the section's last few entries. Usable from 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use tui_big_text::{BigText, PixelSize};

use super::theme::THEME;
use crate::app::presenter::{Presenter, question_count};
use crate::app::state::IncidentView;
use crate::guidance::GUIDANCE;
use crate::model::fields::{Kind, section_fields};
use crate::model::timeinput::zone;
use crate::model::{FieldPath, Section};

/// The largest letters `text` fits in at `area`: cells per letter across and rows.
fn letter_size(text: &str, area: Rect) -> Option<(PixelSize, u16)> {
    let letters = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let fits = |per: u16| letters.saturating_mul(per) + 4 <= area.width;
    if fits(8) && area.height >= 40 {
        Some((PixelSize::Full, 8))
    } else if fits(8) {
        Some((PixelSize::HalfHeight, 4))
    } else if fits(4) {
        Some((PixelSize::Quadrant, 4))
    } else {
        None
    }
}

/// The last entries of `section`: its records (one line each, as in its list) or the lines of
/// its texts, `label: value` for short fields; at most `max`, the newest last.
pub fn entries(view: &IncidentView, section: Section, max: usize) -> Vec<String> {
    let inc = &view.incident;
    let tz = zone(&inc.timezone);
    let today = jiff::civil::Date::default();
    let mut lines: Vec<String> = Vec::new();
    for field in section_fields(section) {
        let def = field.def();
        match def.kind {
            Kind::Records(kind) => {
                let len = kind.len(inc);
                let from = len.saturating_sub(max);
                for i in from..len {
                    let row = super::records::row_text(inc, kind, i, today, &tz, i == from);
                    lines.push(row.trim_end().to_string());
                }
            }
            Kind::Toggle => {}
            kind => {
                let value = crate::app::form::display_value(inc, FieldPath::top(field));
                let value = value.trim();
                if value.is_empty() || value == "—" {
                    continue;
                }
                if !kind.is_text() || kind.is_single_line() {
                    lines.push(format!("{}: {value}", def.label));
                } else {
                    lines.extend(
                        value
                            .lines()
                            .filter(|l| !l.trim().is_empty())
                            .map(|l| l.trim_end().to_string()),
                    );
                }
            }
        }
    }
    let skip = lines.len().saturating_sub(max);
    lines.split_off(skip)
}

/// Draws the presenter view over the whole of `area`.
pub fn render(
    view: &IncidentView,
    presenter: &Presenter,
    now: jiff::Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    frame.render_widget(Clear, area);
    let inner = Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(4),
        ..area
    };
    let width = usize::from(inner.width);
    let section = view.cursor.section;
    let big = letter_size(section.short(), inner);
    let big_rows = big.map_or(1, |(_, rows)| rows);
    let question = GUIDANCE
        .get(section.number())
        .and_then(|g| g.questions.get(presenter.question))
        .copied()
        .unwrap_or("");
    let question_lines = super::wrap::wrap(question, width.saturating_sub(2), 3);
    let q_rows = question_lines.len().max(1) as u16;
    // Title, subtitle, blank, "Ask the room", the question, blank, "Latest in": the rest of
    // the screen, less the clock and key rows and a blank below and above, is for the entries.
    let fixed = big_rows + 1 + 1 + 1 + q_rows + 1 + 1;
    let room_for_entries = inner.height.saturating_sub(fixed + 4);
    let shown = entries(view, section, usize::from(room_for_entries));
    let middle = fixed + shown.len() as u16;
    // The block sits a third of the way down what is left, as a slide's text does.
    let [top, _, block, _, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(middle),
        Constraint::Fill(2),
        Constraint::Length(1),
    ])
    .areas(inner);
    let [title, subtitle, _, ask, asked, _, latest, list] = Layout::vertical([
        Constraint::Length(big_rows),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(q_rows),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(block);

    // The clock, on the left where the eye starts; the incident's title on the right.
    let meeting = &view.incident.meeting;
    let mut clock = super::meeting::clock_spans(meeting, now, false);
    if clock.is_empty() {
        clock.push(Span::styled("no meeting clock · m starts one", THEME.dim));
    }
    let clock_width = Line::from(clock.clone()).width();
    let room = width.saturating_sub(clock_width + 2);
    let [left, right] = Layout::horizontal([
        Constraint::Length(u16::try_from(clock_width).unwrap_or(u16::MAX)),
        Constraint::Min(0),
    ])
    .areas(top);
    frame.render_widget(Paragraph::new(Line::from(clock)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(
            super::ellipsize(&view.incident.title, room),
            THEME.dim,
        ))
        .right_aligned(),
        right,
    );

    match big {
        Some((size, _)) => frame.render_widget(
            BigText::builder()
                .pixel_size(size)
                .style(THEME.heading)
                .lines(vec![Line::from(section.short())])
                .build(),
            title,
        ),
        None => frame.render_widget(
            Paragraph::new(Span::styled(section.short().to_uppercase(), THEME.heading)),
            title,
        ),
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            super::ellipsize(
                &format!("{} · {}", section.number(), section.title()),
                width,
            ),
            THEME.heading,
        )),
        subtitle,
    );

    let count = question_count(section);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("Ask the room ({} of {count})", presenter.question + 1),
            THEME.dim,
        )),
        ask,
    );
    let asked_lines: Vec<Line> = question_lines
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("  {l}"), THEME.focus)))
        .collect();
    frame.render_widget(Paragraph::new(asked_lines), asked);

    let heading = if shown.is_empty() {
        "Nothing written here yet".to_string()
    } else {
        format!("Latest in {}", section.title())
    };
    frame.render_widget(Paragraph::new(Span::styled(heading, THEME.dim)), latest);
    let rows: Vec<Line> = shown
        .iter()
        .map(|l| Line::from(super::ellipsize(&format!("  {l}"), width)))
        .collect();
    frame.render_widget(Paragraph::new(rows), list);

    frame.render_widget(
        Paragraph::new(Span::styled(
            "↓ next question · ] next section · P back",
            THEME.dim,
        )),
        keys,
    );
}
