//! Lists of records (timeline, factors, metrics, actions): one line each, only the visible
//! ones built, so a timeline of thousands of entries costs no more than a short one.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use crate::app::form::RecordKind;
use crate::app::state::IncidentView;
use crate::model::timeinput::zone;
use crate::model::{Choice, Incident};

/// Draws a record list under its label; the selected row is marked `▶` when the list has
/// focus and `›` otherwise. `people` (name → role) gives timeline rows their actors' roles.
pub fn render_list(
    view: &IncidentView,
    kind: RecordKind,
    focused: bool,
    today: jiff::civil::Date,
    people: &BTreeMap<String, String>,
    frame: &mut Frame,
    area: Rect,
) {
    let inc = &view.incident;
    let len = kind.len(inc);
    let width = usize::from(area.width);
    let (label, hint) = kind
        .list_field()
        .map(|f| (f.def().label, f.def().hint))
        .unwrap_or(("", ""));
    let marker = if focused { "▶ " } else { "  " };
    let head_style = if focused { THEME.focus } else { THEME.heading };
    let unaddressed = if kind == RecordKind::Action {
        crate::analysis::unaddressed_factors(inc)
    } else {
        Vec::new()
    };
    let (hint, hint_style) = if unaddressed.is_empty() {
        (format!("  {hint}"), THEME.dim)
    } else {
        let ids: Vec<&str> = unaddressed.iter().map(|f| f.id.as_str()).collect();
        (
            format!("  ⚠ no action yet for {}", ids.join(", ")),
            THEME.warn,
        )
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{marker}{label} ({len})"), head_style),
        Span::styled(
            super::ellipsize(&hint, width.saturating_sub(label.len() + 8)),
            hint_style,
        ),
    ])];
    let rows = usize::from(area.height.saturating_sub(1));
    let tz = zone(&inc.timezone);
    if len == 0 {
        lines.push(Line::from(Span::styled(
            format!("    (none yet: press a to add a {})", kind.noun()),
            THEME.dim,
        )));
    } else {
        let selected = view.selected(kind);
        // Actions with warnings get a second line when every row still fits.
        let warned = (0..len)
            .filter(|i| {
                kind == RecordKind::Action && !row_suffix(inc, kind, *i, today).0.is_empty()
            })
            .count();
        let two_lines = warned > 0 && len + warned <= rows;
        let offset = if two_lines {
            0
        } else {
            (view.layout).list_offset(kind, rows, |last| {
                super::list_offset::offset(last, selected, rows, len)
            })
        };
        for index in offset..len.min(offset + rows) {
            let is_sel = index == selected;
            let mut mark = match (is_sel, focused) {
                (true, true) => " ▶ ",
                (true, false) => " › ",
                _ => "   ",
            }
            .to_string();
            if view.lint.in_record(kind, index) > 0 {
                mark.replace_range(0..1, "⚑");
            }
            let text = if kind == RecordKind::Timeline {
                let row = super::timeline_row::row(inc, index, &tz, index == offset, people, width);
                format!("{mark}{row}")
            } else {
                format!(
                    "{mark}{}",
                    row_text(inc, kind, index, today, &tz, index == offset)
                )
            };
            let style = if is_sel && focused {
                THEME.focus
            } else {
                THEME.text
            };
            let (suffix, suffix_style) = row_suffix(inc, kind, index, today);
            if two_lines && !suffix.is_empty() {
                // Room to spare: the warnings go on a line of their own under the row.
                lines.push(Line::from(Span::styled(
                    super::ellipsize(&text, width),
                    style,
                )));
                lines.push(Line::from(Span::styled(
                    super::ellipsize(&format!("      {}", suffix.trim_start()), width),
                    suffix_style,
                )));
                continue;
            }
            let suffix = compact_suffix(suffix, width);
            let room = width.saturating_sub(suffix.width());
            lines.push(Line::from(vec![
                Span::styled(super::ellipsize(&text, room), style),
                Span::styled(suffix, suffix_style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Shortens a row's warnings when they would leave the row's own text less than half the
/// width: `  ⚠ no owner · no due date` becomes `  ⚠ no owner +1`, then `  ⚠ 2`.
fn compact_suffix(suffix: String, width: usize) -> String {
    if suffix.width() * 2 <= width {
        return suffix;
    }
    let words: Vec<&str> = suffix
        .trim_start()
        .trim_start_matches('⚠')
        .split(" · ")
        .map(str::trim)
        .collect();
    let first = format!("  ⚠ {} +{}", words[0], words.len() - 1);
    if words.len() > 1 && first.width() * 2 <= width {
        first
    } else {
        format!("  ⚠ {}", words.len())
    }
}

/// What a row says at its end, always shown: `⚠ no action` after a factor that made things
/// worse and has no action; `⚠ overdue · no owner · vague title` after an action (in the
/// error colour when overdue, else the warning colour).
pub fn row_suffix(
    inc: &Incident,
    kind: RecordKind,
    index: usize,
    today: jiff::civil::Date,
) -> (String, Style) {
    match kind {
        RecordKind::Factor => match inc.factors.get(index) {
            Some(f) if !crate::analysis::is_addressed(inc, f) => {
                ("  ⚠ no action".into(), THEME.warn)
            }
            _ => (String::new(), THEME.text),
        },
        RecordKind::Action => {
            let Some(a) = inc.actions.get(index) else {
                return (String::new(), THEME.text);
            };
            let overdue = a.is_overdue(today);
            let mut words: Vec<&str> = Vec::new();
            if overdue {
                words.push("overdue");
            }
            words.extend(
                crate::analysis::action_problems(a)
                    .iter()
                    .map(|p| p.label()),
            );
            if words.is_empty() {
                (String::new(), THEME.text)
            } else {
                let style = if overdue { THEME.error } else { THEME.warn };
                (format!("  ⚠ {}", words.join(" · ")), style)
            }
        }
        _ => (String::new(), THEME.text),
    }
}

/// One record as a line of text.
///
/// Timeline rows show the date only on the first row drawn (`first`) and where the day
/// changes, so the times stand out (see [`super::timeline_row::row`], here 120 columns wide
/// and without configured roles).
pub fn row_text(
    inc: &Incident,
    kind: RecordKind,
    index: usize,
    _today: jiff::civil::Date,
    tz: &jiff::tz::TimeZone,
    first: bool,
) -> String {
    match kind {
        RecordKind::Timeline => {
            super::timeline_row::row(inc, index, tz, first, &BTreeMap::new(), 120)
        }
        RecordKind::Factor => {
            let Some(f) = inc.factors.get(index) else {
                return String::new();
            };
            let category = f.category.map(|c| c.label()).unwrap_or("—");
            let effect = f.effect.map(|e| e.label()).unwrap_or("—");
            let whys = if f.whys.is_empty() {
                String::new()
            } else {
                format!(" ({} whys)", f.whys.len())
            };
            format!(
                "{:<4} {category:<14} {effect:<13} {}{whys}",
                f.id,
                f.description.lines().next().unwrap_or("")
            )
        }
        RecordKind::Metric => {
            let Some(m) = inc.monitoring.metrics.get(index) else {
                return String::new();
            };
            let figures = crate::metrics::figures::describe(m, inc)
                .unwrap_or_else(|| "baseline ? → peak ?".into());
            format!("{:<28} {figures}", m.name)
        }
        RecordKind::Action => {
            let Some(a) = inc.actions.get(index) else {
                return String::new();
            };
            let due = a.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
            let owner = if a.owner.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", a.owner)
            };
            let links = if a.factors.is_empty() {
                String::new()
            } else {
                format!(" → {}", a.factors.join(","))
            };
            format!(
                "{:<3} {:<11} {due:<10} {}{owner}{links}",
                a.id,
                a.status_or_open().label(),
                a.title
            )
        }
    }
}

#[cfg(test)]
mod compact_tests {
    use super::compact_suffix;

    #[test]
    fn warnings_give_way_to_the_row_text() {
        let full = "  ⚠ no owner · no due date".to_string();
        assert_eq!(compact_suffix(full.clone(), 80), full);
        assert_eq!(compact_suffix(full.clone(), 50), "  ⚠ no owner +1");
        assert_eq!(compact_suffix(full, 20), "  ⚠ 2");
        assert_eq!(compact_suffix("  ⚠ no action".into(), 56), "  ⚠ no action");
    }
}
