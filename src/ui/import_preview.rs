//! The import overlay: the path prompt, and the preview of candidate messages in the
//! incident's time zone. Only the rows on screen are drawn, so a channel of 100,000 messages
//! scrolls as fast as one of 100.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::THEME;
use crate::app::import_overlay::{ImportOverlay, ImportWhat, Preview};
use crate::app::state::AppState;
use crate::import::Kind;
use crate::model::timeinput::{format_time, zone};
use crate::model::{Choice, Moment};

/// In the timeline and monitoring sections, the import key joins the footer's hints (before
/// `Esc`), its key taken from the keymap table.
pub fn timeline_hint(state: &AppState, pairs: &mut Vec<(String, &'static str)>) {
    let in_timeline = state.overlay.is_none()
        && matches!(
            crate::app::context(state),
            crate::app::keymap::Context::Incident | crate::app::keymap::Context::TimelineRow
        )
        && state.incident().is_some_and(|v| {
            matches!(
                v.cursor.section,
                crate::model::Section::Timeline | crate::model::Section::Monitoring
            )
        });
    let key = crate::app::keymap::KEYMAP
        .iter()
        .find(|b| b.command == crate::app::keymap::Command::Import)
        .and_then(|b| b.keys.first());
    if let (true, Some(key)) = (in_timeline, key) {
        let at = pairs
            .iter()
            .position(|(k, _)| k == "Esc")
            .unwrap_or(pairs.len());
        pairs.insert(at, (key.label(), "import"));
    }
}

/// Draws the overlay over `area`.
pub fn render(overlay: &ImportOverlay, state: &AppState, frame: &mut Frame, area: Rect) {
    match overlay {
        ImportOverlay::Path {
            textarea,
            note,
            what,
        } => {
            let width = area.width.saturating_sub(4).min(90);
            let rect = centered(area, width, 6);
            frame.render_widget(Clear, rect);
            let title = match what {
                ImportWhat::Chat => " Import into the timeline: file (PATH, or PATH #channel) ",
                ImportWhat::Metric { .. } => " Import a metric series: file (PATH) ",
            };
            let block = Block::bordered()
                .title(title)
                .border_style(THEME.border_focus);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [field, info] = ratatui::layout::Layout::vertical([
                ratatui::layout::Constraint::Length(1),
                ratatui::layout::Constraint::Min(1),
            ])
            .areas(inner);
            frame.render_widget(&**textarea, field);
            let text = note.clone().unwrap_or_else(|| match what {
                ImportWhat::Chat => "Slack export (ZIP or folder), pasted chat, IRC log, \
                                     PagerDuty, Teams, Mattermost or Statuspage JSON"
                    .into(),
                ImportWhat::Metric { .. } => "CSV with a time column and value columns \
                                              (Grafana, InfluxDB, Numenta) or Prometheus \
                                              query_range JSON; Tab completes"
                    .into(),
            });
            let style = if note.is_some() {
                THEME.warn
            } else {
                THEME.dim
            };
            frame.render_widget(
                Paragraph::new(text)
                    .style(style)
                    .wrap(ratatui::widgets::Wrap { trim: true }),
                info,
            );
        }
        ImportOverlay::Reading {
            source, progress, ..
        } => {
            let width = area.width.saturating_sub(4).min(90);
            let rect = centered(area, width, 3);
            frame.render_widget(Clear, rect);
            let share = match progress {
                Some((done, total)) if *total > 0 => {
                    format!(" {}%", done.saturating_mul(100) / total)
                }
                _ => String::new(),
            };
            frame.render_widget(
                Paragraph::new(format!("reading {source}…{share}  (Esc or Ctrl-C stops)")).block(
                    Block::bordered()
                        .title(" Import ")
                        .border_style(THEME.border_focus),
                ),
                rect,
            );
        }
        ImportOverlay::Preview(preview) => render_preview(preview, state, frame, area),
    }
}

fn render_preview(p: &Preview, state: &AppState, frame: &mut Frame, area: Rect) {
    let tz = zone(
        state
            .incident()
            .map_or("", |v| v.incident.timezone.as_str()),
    );
    let width = area.width.saturating_sub(2);
    let height = area.height.saturating_sub(2);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let mut title = format!(
        " Import from {}: {} of {} ticked ",
        p.source,
        p.chosen(),
        p.candidates.len()
    );
    if p.already > 0 {
        title.push_str(&format!("· {} already in the timeline ", p.already));
    }
    let mut bottom = Vec::new();
    if !p.filter.is_empty() || p.filtering {
        bottom.push(Span::styled(
            format!(
                " filter: {}{} ",
                p.filter,
                if p.filtering { "▏" } else { "" }
            ),
            THEME.key,
        ));
    }
    if !p.show_bots {
        bottom.push(Span::styled(" bots hidden ", THEME.dim));
    }
    if p.anchor.is_some() {
        bottom.push(Span::styled(" range: r on the last message ", THEME.warn));
    }
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::from(bottom))
        .border_style(THEME.border_focus);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = usize::from(inner.height);
    if p.visible.is_empty() {
        frame.render_widget(Paragraph::new("no messages match").style(THEME.dim), inner);
        return;
    }
    // Keep the highlighted row on screen; draw only the rows that fit.
    let top = p
        .cursor
        .saturating_sub(rows.saturating_sub(1).min(rows / 2 + rows / 4));
    let top = top.min(p.visible.len().saturating_sub(rows));
    let lines: Vec<Line> = p.visible[top..(top + rows).min(p.visible.len())]
        .iter()
        .enumerate()
        .map(|(offset, &i)| {
            let c = &p.candidates[i];
            let at = format_time(
                &Moment::utc(jiff::Timestamp::from_second(c.at.as_second()).unwrap_or(c.at)),
                &tz,
            );
            let current = top + offset == p.cursor;
            let marker = if current { "▶" } else { " " };
            let check = if p.ticked[i] { "[x]" } else { "[ ]" };
            let mut spans = vec![
                Span::styled(format!("{marker}{check} "), THEME.key),
                Span::styled(format!("{at:<19} "), THEME.dim),
                Span::styled(
                    format!(
                        "{}{} ",
                        c.actor,
                        if c.kind == Kind::Bot { " (bot)" } else { "" }
                    ),
                    THEME.heading,
                ),
            ];
            if let Some(m) = p.milestone[i] {
                spans.push(Span::styled(format!("◆ {} ", m.as_str()), THEME.warn));
            }
            if p.internal[i] {
                spans.push(Span::styled("internal ", THEME.flag));
            }
            if Some(i) == p.anchor {
                spans.push(Span::styled("range from here ", THEME.warn));
            }
            spans.push(Span::raw(c.text.replace('\n', " ⏎ ")));
            let line = Line::from(spans);
            if current {
                line.style(THEME.focus)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
