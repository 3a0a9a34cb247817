//! Meeting mode on screen: the clock in the header, the agenda, and the opening question.
//! An item past its timebox is marked with the word `over` as well as a warm colour, so it
//! shows without colours too.

use crate::editor::TextBox;
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::THEME;
use crate::app::meeting::format_clock;
use crate::app::state::{AppState, IncidentView, Screen};
use crate::model::timeinput::zone;
use crate::model::{Effect, Meeting, Moment, Section};

/// The clock for a header, every time as `m:ss`: `◷ Meeting 23:41 · Factors 7:12/15:00`
/// (with ` over` past the timebox), `◷ 23:41 · Factors 7:12/15:00` when `compact`; `Meeting
/// ended · 58:12` once ended; nothing when no meeting was started.
pub fn clock_spans(meeting: &Meeting, now: Timestamp, compact: bool) -> Vec<Span<'static>> {
    if meeting.started_at.is_none() {
        return Vec::new();
    }
    let total = format_clock(meeting.elapsed_secs(now));
    if !meeting.is_running() {
        return vec![Span::styled(format!("Meeting ended · {total} "), THEME.dim)];
    }
    let mut spans = vec![Span::styled(
        if compact {
            format!("◷ {total}")
        } else {
            format!("◷ Meeting {total}")
        },
        THEME.clock,
    )];
    if let Some(item) = meeting.current {
        let over = meeting.is_over(item, now);
        let style = if over { THEME.overtime } else { THEME.clock };
        spans.push(Span::styled(" · ", THEME.dim));
        spans.push(Span::styled(
            format!(
                "{} {}/{}",
                item.short(),
                format_clock(meeting.item_secs(item, now)),
                format_clock(u64::from(meeting.timebox(item)) * 60)
            ),
            style,
        ));
        if over {
            spans.push(Span::styled(" over", THEME.overtime));
        }
    }
    spans.push(Span::raw(" "));
    spans
}

/// The text of every clock shown now, to tell when the screen must be redrawn.
pub fn shown_clock(state: &AppState) -> String {
    let meeting = match &state.screen {
        Screen::Incident(view) => &view.incident.meeting,
        Screen::Home => match &state.home.meeting {
            Some(m) => &m.meeting,
            None => return String::new(),
        },
        Screen::Viewer(_) => return String::new(),
    };
    clock_spans(meeting, state.now, false)
        .iter()
        .map(|s| s.content.as_ref())
        .collect()
}

/// Draws the clock at the right end of a header row and returns the rest of the row.
pub fn render_header_clock(
    meeting: &Meeting,
    now: Timestamp,
    frame: &mut Frame,
    area: Rect,
) -> Rect {
    let spans = clock_spans(meeting, now, area.width < 100);
    if spans.is_empty() {
        return area;
    }
    let line = Line::from(spans);
    let width = u16::try_from(line.width()).unwrap_or(u16::MAX);
    let [rest, clock] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(width)]).areas(area);
    frame.render_widget(Paragraph::new(line), clock);
    rest
}

/// Draws the agenda: each item with its time spent and timebox, the current item and the
/// highlighted one marked, the total, and how the clock works.
pub fn render_agenda(
    view: &IncidentView,
    selected: usize,
    typed: &str,
    now: Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    let meeting = &view.incident.meeting;
    let running = meeting.is_running();
    let width = area.width.saturating_sub(4).min(64);
    let inner = usize::from(width.saturating_sub(2));
    let name_width = inner.saturating_sub(2 + 8 + 9 + 9).clamp(8, 28);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:<name_width$}{:>8}{:>9}",
            "Agenda item", "Spent", "Timebox"
        ),
        THEME.dim,
    ))];
    for (i, item) in Section::ALL.into_iter().enumerate() {
        let secs = meeting.item_secs(item, now);
        let now_mark = running && meeting.current == Some(item);
        let spent = if secs == 0 && !now_mark {
            "–".to_string()
        } else {
            format_clock(secs)
        };
        let timebox = if i == selected && !typed.is_empty() {
            format!("{typed}▏min")
        } else {
            format!("{} min", meeting.timebox(item))
        };
        let name = super::ellipsize(&format!("{} {}", item.number(), item.title()), name_width);
        let marker = if i == selected { "▶ " } else { "  " };
        let row = format!("{marker}{name:<name_width$}{spent:>8}{timebox:>9}");
        let over = meeting.is_over(item, now);
        let mut spans = vec![Span::styled(
            row,
            if i == selected {
                THEME.focus
            } else {
                THEME.text
            },
        )];
        if now_mark {
            spans.push(Span::styled(" ◷ now", THEME.clock));
        }
        if over {
            spans.push(Span::styled(" over", THEME.overtime));
        }
        lines.push(Line::from(spans));
    }
    let total = meeting.elapsed_secs(now);
    let planned = meeting.planned_minutes();
    lines.push(Line::from(Span::styled(
        format!(
            "  {:<name_width$}{:>8}{:>9}",
            "Total",
            format_clock(total),
            format!("{planned} min")
        ),
        THEME.heading,
    )));
    lines.push(Line::from(""));
    let tz = zone(&view.incident.timezone);
    let note = match (running, meeting.started_at, meeting.ended_at) {
        (true, Some(start), _) => format!(
            "Started {}. The clock follows the section on screen.",
            hh_mm(start, &tz)
        ),
        (false, _, Some(end)) => format!(
            "Ended {}. r resumes it; n starts a new meeting.",
            hh_mm(end, &tz)
        ),
        _ => String::new(),
    };
    for l in super::wrap::wrap(&note, inner.saturating_sub(1), 2) {
        lines.push(Line::from(Span::styled(format!(" {l}"), THEME.dim)));
    }
    let title = if running {
        format!(" Meeting · {} of {planned} min ", format_clock(total))
    } else {
        format!(" Meeting ended · {} of {planned} min ", format_clock(total))
    };
    let keys = if running {
        " +/- or type minutes · Enter go · e end · Esc close "
    } else {
        " r resume · n new meeting · Esc close "
    };
    let rect = super::layout::centered(area, width, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(title, THEME.heading))
                .title_bottom(Span::styled(keys, THEME.dim))
                .border_style(THEME.border_focus),
        ),
        rect,
    );
}

fn hh_mm(at: Moment, tz: &jiff::tz::TimeZone) -> String {
    at.in_zone(tz).strftime("%H:%M").to_string()
}

/// Draws the opening question: what went well, with what is already named as helping.
pub fn render_opening(
    view: &IncidentView,
    textarea: &TextBox,
    now: Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(4).min(70);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = super::wrap::wrap(
        "Open on what went well. What helped the response, what worked as it should? \
         Name one and press Enter: it is kept as a factor that helped (section 4).",
        inner.saturating_sub(1),
        4,
    )
    .into_iter()
    .map(|l| Line::from(format!(" {l}")))
    .collect();
    let helped: Vec<String> = view
        .incident
        .factors
        .iter()
        .filter(|f| f.effect == Some(Effect::Mitigator))
        .map(|f| format!("{} {}", f.id, f.description.lines().next().unwrap_or("")))
        .collect();
    let room = usize::from(area.height.saturating_sub(lines.len() as u16 + 9)).min(6);
    if !helped.is_empty() && room > 0 {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(" Named as helping:", THEME.dim)));
        let skip = helped.len().saturating_sub(room);
        if skip > 0 {
            lines.push(Line::from(Span::styled(
                format!("   … {skip} more in section 4"),
                THEME.dim,
            )));
        }
        for h in helped.iter().skip(skip + usize::from(skip > 0)) {
            lines.push(Line::from(format!(
                "   {}",
                super::ellipsize(h, inner.saturating_sub(3))
            )));
        }
    }
    lines.push(Line::from(""));
    let text_rows = lines.len() as u16;
    let clock = format_clock(view.incident.meeting.elapsed_secs(now));
    let rect = super::layout::centered(area, width, text_rows + 3);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" Meeting started · {clock} · what went well? "),
            THEME.heading,
        ))
        .title_bottom(Span::styled(
            " Enter adds · empty Enter or Esc goes on ",
            THEME.dim,
        ))
        .border_style(THEME.border_focus);
    let inside = block.inner(rect);
    frame.render_widget(block, rect);
    let [text, field] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inside);
    frame.render_widget(Paragraph::new(lines), text);
    let [prompt, input] =
        Layout::horizontal([Constraint::Length(3), Constraint::Min(1)]).areas(field);
    frame.render_widget(Paragraph::new(Span::styled(" ✎ ", THEME.key)), prompt);
    if input.width > 0 {
        frame.render_widget(textarea, input);
    }
}
