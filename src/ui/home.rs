//! The incident list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::THEME;
use crate::app::state::AppState;
use crate::model::Choice;
use crate::model::summary::Entry;

/// Draws the list of incidents with its header and filter line.
pub fn render(state: &AppState, frame: &mut Frame, area: Rect) {
    let home = &state.home;
    let show_filter = home.filtering || !home.filter.is_empty();
    let [head, list, filter] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(u16::from(show_filter)),
    ])
    .areas(area);
    let noun = if home.entries.len() == 1 {
        "incident"
    } else {
        "incidents"
    };
    let count = if home.filter.is_empty() {
        format!("{} {noun}", home.entries.len())
    } else {
        format!("{} of {} {noun}", home.visible.len(), home.entries.len())
    };
    let mut left = vec![Span::styled(" retro · retrospectives", THEME.heading)];
    if let Some(elsewhere) = &home.meeting {
        left.push(Span::raw("   "));
        left.extend(super::meeting::clock_spans(
            &elsewhere.meeting,
            state.now,
            area.width < 100,
        ));
        let used: usize = left.iter().map(|s| s.width()).sum();
        let room = usize::from(area.width).saturating_sub(used + count.chars().count() + 3);
        if room > 8 {
            left.push(Span::styled(
                super::ellipsize(&format!("on {}", elsewhere.title), room),
                THEME.dim,
            ));
        }
    }
    super::header(frame, Rect { height: 1, ..head }, left, format!("{count} "));
    let width = usize::from(list.width);
    let columns = Line::from(Span::styled(
        super::ellipsize(
            "   Date        Sev   Status     Sections  Open  Late  Title",
            width,
        ),
        THEME.dim,
    ));
    frame.render_widget(
        Paragraph::new(columns),
        Rect {
            y: head.y + 1,
            height: 1,
            ..head
        },
    );
    if home.entries.is_empty() || home.visible.is_empty() {
        let text = if home.entries.is_empty() {
            vec![
                Line::from(""),
                Line::from("  No incidents here yet."),
                Line::from(""),
                Line::from(vec![
                    Span::raw("  Press "),
                    Span::styled("n", THEME.key),
                    Span::raw(" to write up an incident, or run "),
                    Span::styled("retro demo", THEME.key),
                    Span::raw(" to explore examples."),
                ]),
            ]
        } else {
            vec![Line::from(""), Line::from("  Nothing matches the filter.")]
        };
        frame.render_widget(Paragraph::new(text), list);
    } else {
        let height = usize::from(list.height);
        let offset = (home.selected + 1).saturating_sub(height);
        let rows: Vec<Line> = home
            .visible
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .filter_map(|(pos, index)| {
                let entry = home.entries.get(*index)?;
                Some(row(entry, pos == home.selected, width))
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), list);
    }
    if show_filter {
        let cursor = if home.filtering { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled(" filter: ", THEME.key),
            Span::raw(format!("{}{cursor}", home.filter)),
        ]);
        frame.render_widget(Paragraph::new(line).block(Block::new()), filter);
    }
}

fn row(entry: &Entry, selected: bool, width: usize) -> Line<'static> {
    let marker = if selected { " ▶ " } else { "   " };
    let style = if selected { THEME.focus } else { THEME.text };
    match entry {
        Entry::Incident { summary, read_only } => {
            let date = summary
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into());
            let sev = summary.severity.map(|s| s.as_str()).unwrap_or("—");
            let open = summary.open_actions;
            let lock = if *read_only { " (read-only)" } else { "" };
            let head = format!(
                "{marker}{date:<10}  {sev:<4}  {:<9}  {}/7       {open:<4}  ",
                summary.status.label(),
                summary.sections_filled,
            );
            // Overdue actions stand out: marked and in the error colour.
            let late = match summary.overdue_actions {
                0 => "      ".to_string(),
                n => format!("{:<6}", format!("⚠ {n}")),
            };
            let title = format!("{}{lock}", summary.title);
            let head_width = head.chars().count() + late.chars().count();
            let late_style = if selected || summary.overdue_actions == 0 {
                style
            } else {
                THEME.error
            };
            if head_width >= width {
                return Line::from(Span::styled(
                    super::ellipsize(&format!("{head}{late}{title}"), width),
                    style,
                ));
            }
            Line::from(vec![
                Span::styled(head, style),
                Span::styled(late, late_style),
                Span::styled(super::ellipsize(&title, width - head_width), style),
            ])
        }
        Entry::Broken { name, error, .. } => {
            let text = format!("{marker}⚠ {name}.toml — cannot be read: {error}");
            let style = if selected { THEME.focus } else { THEME.error };
            Line::from(Span::styled(super::ellipsize(&text, width), style))
        }
    }
}
