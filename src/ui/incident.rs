//! The incident screen: header, section sidebar, the current section, guiding questions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::THEME;
use crate::app::state::{AppState, FactorView, IncidentView};
use crate::guidance::GUIDANCE;
use crate::model::{Choice, Fill, IncidentStatus, Section, format_duration};

/// Width at which the guiding questions move from below the section to its right.
const WIDE: u16 = 110;

/// Draws the open incident.
pub fn render(view: &IncidentView, state: &AppState, frame: &mut Frame, area: Rect) {
    let [head, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    render_header(view, state, frame, head);
    let sidebar_width = if area.width >= 100 { 26 } else { 22 };
    let [side, rest] =
        Layout::horizontal([Constraint::Length(sidebar_width), Constraint::Min(1)]).areas(main);
    render_sidebar(view, state, frame, side);
    let questions = state.config.questions(view.cursor.section);
    let guide_rows = guide_height(&questions, rest);
    // The fishbone and by-effect views want the width: the guide goes below them.
    let grouped = view.cursor.section == Section::Factors
        && view.cursor.record.is_none()
        && view.cursor.factor_view != FactorView::List;
    // Below the section, the guide gives way to the wording notes.
    let notes = super::wording::wanted(view);
    let (body, guide) = if !view.cursor.show_guide {
        (rest, None)
    } else if rest.width >= WIDE - sidebar_width && !grouped {
        let [b, g] = Layout::horizontal([Constraint::Min(40), Constraint::Length(36)]).areas(rest);
        (b, Some(g))
    } else if guide_rows > 0 && notes == 0 {
        let [b, g] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(guide_rows)]).areas(rest);
        (b, Some(g))
    } else {
        (rest, None)
    };
    let (body, notes) = super::wording::split(view, body);
    super::section::render(view, state, frame, body);
    if let Some(area) = notes {
        super::wording::render(view, frame, area);
    }
    if let Some(g) = guide {
        let beside = g.y == body.y;
        let key = super::cells::key(&(
            view.cursor.section,
            beside,
            std::sync::Arc::as_ptr(&state.config) as usize,
        ));
        super::cells::kept(
            frame,
            &view.layout.renderer,
            super::cells::key(&"guide"),
            g,
            key,
            |frame| {
                render_guide(view, &questions, frame, g, beside);
            },
        );
    }
}

/// Rows of the guide when it sits below the section: the purpose and up to four questions,
/// one line each; none when the section would get fewer than 12 rows.
fn guide_height(questions: &[&str], area: Rect) -> u16 {
    let questions = u16::try_from(questions.len()).unwrap_or(u16::MAX);
    let wanted = questions.min(4) + 2 + u16::from(area.height >= 30);
    if area.height >= wanted + 12 {
        wanted
    } else {
        0
    }
}

/// The header, kept from the last frame while the incident, its saved state and the
/// meeting clock shown are the same.
fn render_header(view: &IncidentView, state: &AppState, frame: &mut Frame, area: Rect) {
    let key = super::cells::key(&(
        &view.incident.id,
        view.save.revision,
        view.dirty(),
        super::meeting::shown_clock(state),
    ));
    super::cells::kept(
        frame,
        &view.layout.renderer,
        super::cells::key(&"header"),
        area,
        key,
        |frame| {
            draw_header(view, state.now, frame, area);
        },
    );
}

fn draw_header(view: &IncidentView, now: jiff::Timestamp, frame: &mut Frame, area: Rect) {
    let inc = &view.incident;
    let area = super::meeting::render_header_clock(&inc.meeting, now, frame, area);
    let sev = inc.severity.map(|s| s.as_str()).unwrap_or("no severity");
    let status = inc.status.unwrap_or(IncidentStatus::Draft).label();
    let width = usize::from(area.width);
    let mut right = format!("{sev} · {status} · {} ", inc.id);
    if inc.title.chars().count() + right.chars().count() + 4 > width {
        right = format!("{sev} · {status} ");
    }
    let room = width.saturating_sub(right.chars().count() + 4);
    let title = super::ellipsize(&format!(" {}", inc.title), room);
    let mut left = vec![Span::styled(title, THEME.heading)];
    if view.dirty() {
        left.push(Span::styled(" ●", THEME.warn));
    }
    left.push(Span::raw(" "));
    super::header(frame, area, left, right);
}

/// The sidebar, kept from the last frame while the incident, its lint, the section and the
/// day are the same (see [`super::cells`]).
fn render_sidebar(view: &IncidentView, state: &AppState, frame: &mut Frame, area: Rect) {
    let key = super::cells::key(&(
        &view.incident.id,
        view.save.revision,
        view.lint.shown(),
        view.cursor.section,
        state.today(),
        std::sync::Arc::as_ptr(&state.config) as usize,
    ));
    super::cells::kept(
        frame,
        &view.layout.renderer,
        super::cells::key(&"sidebar"),
        area,
        key,
        |frame| {
            draw_sidebar(view, state, frame, area);
        },
    );
}

fn draw_sidebar(view: &IncidentView, state: &AppState, frame: &mut Frame, area: Rect) {
    let inc = &view.incident;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let says = missing_lines(view, state, area);
    for section in Section::ALL {
        let fill = inc.fill(section);
        let current = section == view.cursor.section;
        let marker = if current { "▶" } else { " " };
        let name = format!("{marker}{} {}", section.number(), section.short());
        let pad = inner_width.saturating_sub(name.chars().count() + 2);
        let flag = if view.lint.in_section(section).next().is_some() {
            "⚑"
        } else {
            " "
        };
        let text = format!("{name}{}{flag}{}", " ".repeat(pad), fill.mark());
        let style = if current {
            THEME.focus
        } else {
            match fill {
                Fill::Complete => THEME.ok,
                Fill::Partial => THEME.warn,
                Fill::Empty => THEME.text,
            }
        };
        lines.push(Line::from(Span::styled(text, style)));
        if says.contains(&section) {
            let gaps: Vec<String> = inc.missing(section).iter().map(|g| g.words()).collect();
            let text = format!("  ◐ {}", gaps.join(", "));
            lines.push(Line::from(Span::styled(
                super::ellipsize(&text, inner_width),
                THEME.dim,
            )));
        }
    }
    lines.push(Line::from(""));
    let d = inc.durations();
    for (label, value) in [
        ("detect", d.detect),
        ("mitigate", d.mitigate),
        ("resolve", d.resolve),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!(" to {label:<9}"), THEME.dim),
            Span::raw(format_duration(value)),
        ]));
    }
    lines.push(Line::from(""));
    let (ready, style) =
        super::checklist::summary(&crate::app::publish::checklist(view, &state.config.ready));
    lines.push(Line::from(Span::styled(
        super::ellipsize(&ready, inner_width),
        style,
    )));
    let overdue = crate::analysis::overdue_actions(inc, state.today()).len();
    if overdue > 0 {
        let text = format!(
            " ⚠ {overdue} action{} overdue",
            if overdue == 1 { "" } else { "s" }
        );
        lines.push(Line::from(Span::styled(
            super::ellipsize(&text, inner_width),
            THEME.error,
        )));
    }
    if area.height as usize >= lines.len() + 4 {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(" ●done ◐part ○empty", THEME.dim)));
    }
    let block = Block::bordered()
        .title(" Sections ")
        .border_style(THEME.border);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The guide: the section's purpose and `questions` (the configuration's, or the built-in).
/// The partly filled sections whose sidebar row gets a line saying what is missing
/// (`◐ customer message`): all of them when the sidebar has the rows, else the current one.
fn missing_lines(view: &IncidentView, state: &AppState, area: Rect) -> Vec<Section> {
    let inc = &view.incident;
    let partial: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| inc.fill(*s) == Fill::Partial)
        .collect();
    let overdue = usize::from(!crate::analysis::overdue_actions(inc, state.today()).is_empty());
    // Sections, a blank, three durations, a blank, the readiness line, the overdue line.
    let base = Section::ALL.len() + 6 + overdue;
    let rows = usize::from(area.height.saturating_sub(2));
    if rows >= base + partial.len() {
        partial
    } else if rows > base && partial.contains(&view.cursor.section) {
        vec![view.cursor.section]
    } else {
        Vec::new()
    }
}

fn render_guide(
    view: &IncidentView,
    questions: &[&str],
    frame: &mut Frame,
    area: Rect,
    beside: bool,
) {
    let Some(guide) = GUIDANCE.get(view.cursor.section.number()) else {
        return;
    };
    let width = usize::from(area.width.saturating_sub(4)).max(10);
    let mut lines: Vec<Line> = Vec::new();
    if !beside {
        if area.height >= 9 {
            lines.push(Line::from(Span::styled(
                super::ellipsize(guide.purpose, width + 2),
                THEME.dim,
            )));
        }
        for q in questions {
            lines.push(Line::from(super::ellipsize(&format!("• {q}"), width + 2)));
        }
        let block = Block::bordered()
            .title(" Ask the room · g hides ")
            .border_style(THEME.border);
        frame.render_widget(Paragraph::new(lines).block(block), area);
        return;
    }
    for l in super::wrap::wrap_with(&view.layout, guide.purpose, width + 2, 3) {
        lines.push(Line::from(Span::styled(l, THEME.dim)));
    }
    for q in questions {
        let wrapped = super::wrap::wrap_with(&view.layout, q, width, 3);
        for (i, l) in wrapped.into_iter().enumerate() {
            let bullet = if i == 0 { "• " } else { "  " };
            lines.push(Line::from(format!("{bullet}{l}")));
        }
    }
    let block = Block::bordered()
        .title(" Ask the room · g hides ")
        .border_style(THEME.border);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
