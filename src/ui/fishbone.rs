//! The contributing factors as a fishbone (Ishikawa) diagram: a spine pointing at the
//! incident, with the seven categories as bones, four above and three below, each listing its
//! factors by id and a short description.
//!
//! ```text
//! Technical (2)  Tooling (1)    Process (1)    Communication…
//! ▶F1 An inacti… F3⚠ The only…  F5+ Quarterl…  F4 'Database…
//!  F2 The orde…
//!       ╲              ╲              ╲              ╲
//! ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━▶
//!       ╱              ╱              ╱
//! People (0)     Organizational External (1)   Effect
//!  —              —             F6~ The disk…  Order placement
//! ```
//!
//! Marks after an id: `+` helped, `~` luck, `?` effect not set, `⚠` made it worse and has no
//! follow-up action yet. Wider screens get wider columns and up to three lines per factor.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use super::wrap::{truncate, wrap};
use crate::analysis::{by_category, is_addressed, short};
use crate::app::form::RecordKind;
use crate::app::state::IncidentView;
use crate::model::{Category, Choice, Effect, Incident};

const TOP: [Category; 4] = crate::analysis::factors::FISHBONE_TOP;
const BOTTOM: [Category; 3] = crate::analysis::factors::FISHBONE_BOTTOM;

/// One cell line of a column: text and style.
type Cell = (String, Style);

/// The mark after a factor's id (see the module documentation).
pub fn mark(incident: &Incident, index: usize) -> &'static str {
    let Some(f) = incident.factors.get(index) else {
        return "";
    };
    match f.effect {
        Some(Effect::Contributor) if !is_addressed(incident, f) => "⚠",
        Some(Effect::Contributor) => "",
        Some(Effect::Mitigator) => "+",
        Some(Effect::Luck) => "~",
        None => "?",
    }
}

/// The style of a factor's entry: the focus colour when selected, the warning colour when it
/// still needs an action, green when it helped.
fn entry_style(incident: &Incident, index: usize, selected: bool) -> Style {
    if selected {
        return THEME.focus;
    }
    match mark(incident, index) {
        "⚠" => THEME.warn,
        "+" => THEME.ok,
        _ => THEME.text,
    }
}

/// A factor wrapped into a column: `▶F1⚠ text…`, continuation lines under the text.
fn entry(view: &IncidentView, index: usize, selected: bool, width: usize, max: usize) -> Vec<Cell> {
    let inc = &view.incident;
    let Some(f) = inc.factors.get(index) else {
        return Vec::new();
    };
    let sel = if selected { "▶" } else { " " };
    let id = if f.id.is_empty() { "F?" } else { &f.id };
    let head = format!("{sel}{id}{} ", mark(inc, index));
    let indent = head.width();
    let style = entry_style(inc, index, selected);
    let description = short(&f.description);
    let description = if description.is_empty() {
        "(no description)"
    } else {
        description
    };
    let room = width.saturating_sub(indent).max(1);
    let lines = if max == 1 {
        vec![truncate(description, room)]
    } else {
        wrap(description, room, max)
    };
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                head.clone()
            } else {
                " ".repeat(indent)
            };
            (format!("{lead}{l}"), style)
        })
        .collect()
}

/// The cells of one bone: its factors, at most `cap` lines, keeping the selected factor in
/// view and saying how many more there are.
fn column(
    view: &IncidentView,
    members: &[usize],
    selected: Option<usize>,
    width: usize,
    per_factor: usize,
    cap: usize,
) -> Vec<Cell> {
    if members.is_empty() {
        return vec![(" —".into(), THEME.dim)];
    }
    let entries: Vec<Vec<Cell>> = members
        .iter()
        .map(|i| entry(view, *i, Some(*i) == selected, width, per_factor))
        .collect();
    let total: usize = entries.iter().map(Vec::len).sum();
    if total <= cap {
        return entries.into_iter().flatten().collect();
    }
    // Too many: one line each, a window around the selection, and a count of the rest.
    let shown = cap.saturating_sub(1).max(1);
    let pos = members
        .iter()
        .position(|i| Some(*i) == selected)
        .unwrap_or(0);
    let start = (pos + 1).saturating_sub(shown);
    let mut out: Vec<Cell> = members
        .iter()
        .skip(start)
        .take(shown)
        .filter_map(|i| {
            entry(view, *i, Some(*i) == selected, width, 1)
                .into_iter()
                .next()
        })
        .collect();
    let more = members.len() - out.len();
    if more > 0 && cap > 1 {
        out.push((format!(" +{more} more"), THEME.dim));
    }
    out
}

/// Pads or cuts `text` to exactly `width` columns.
pub(super) fn fit(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// Joins one row of cells, column by column, a blank column after each.
fn row(cells: &[Option<&Cell>], widths: &[usize]) -> Line<'static> {
    let spans: Vec<Span<'static>> = cells
        .iter()
        .zip(widths)
        .flat_map(|(cell, w)| {
            let text = match cell {
                Some((text, style)) => Span::styled(fit(text, w.saturating_sub(1)), *style),
                None => Span::raw(" ".repeat(w.saturating_sub(1))),
            };
            [text, Span::raw(" ")]
        })
        .collect();
    Line::from(spans)
}

/// A bone's label, `Technical (2)`; in a narrow column the long names are shortened
/// (`Comms (1)`, `Org (0)`) so the count still shows.
fn label(category: Category, count: usize, width: usize) -> String {
    let name = category.label();
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string());
    let full = format!("{}{} ({count})", first.unwrap_or_default(), chars.as_str());
    if full.width() <= width {
        return full;
    }
    let short = match category {
        Category::Communication => "Comms",
        Category::Organizational => "Org",
        Category::Technical => "Tech",
        _ => return full,
    };
    format!("{short} ({count})")
}

/// The diagram's lines for a `width` × `height` area. `focused` marks the selected factor.
pub fn lines(
    view: &IncidentView,
    focused: bool,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let inc = &view.incident;
    let groups = by_category(inc);
    let members = |c: Category| -> &[usize] {
        groups
            .iter()
            .find(|(k, _)| *k == Some(c))
            .map_or(&[], |(_, v)| v.as_slice())
    };
    let uncategorised: Vec<usize> = groups
        .iter()
        .find(|(k, _)| k.is_none())
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let selected = (focused || view.cursor.record.is_none())
        .then(|| view.selected(RecordKind::Factor))
        .filter(|i| *i < inc.factors.len());

    let base = (width / 4).max(6);
    let widths = [base, base, base, width.saturating_sub(base * 3).max(1)];
    let text_width = base.saturating_sub(1);
    // Rows besides the factors: two labels, two bone rows, the spine, the legend, and the
    // line of uncategorised factors when there are any.
    let fixed = 6 + usize::from(!uncategorised.is_empty());
    let avail = height.saturating_sub(fixed).max(2);
    let title = if inc.title.trim().is_empty() {
        "(no title)"
    } else {
        inc.title.trim()
    };

    let build = |per_factor: usize, top_cap: usize, bottom_cap: usize| {
        let top: Vec<Vec<Cell>> = TOP
            .iter()
            .map(|c| column(view, members(*c), selected, text_width, per_factor, top_cap))
            .collect();
        let mut bottom: Vec<Vec<Cell>> = BOTTOM
            .iter()
            .map(|c| {
                column(
                    view,
                    members(*c),
                    selected,
                    text_width,
                    per_factor,
                    bottom_cap,
                )
            })
            .collect();
        let effect: Vec<Cell> = wrap(title, widths[3].saturating_sub(1).max(1), bottom_cap.max(1))
            .into_iter()
            .map(|l| (l, THEME.heading))
            .collect();
        bottom.push(effect);
        (top, bottom)
    };
    let rows = |cols: &[Vec<Cell>]| cols.iter().map(Vec::len).max().unwrap_or(0);

    // As many lines per factor as fit (wide columns only), else one line and caps.
    let mut chosen = None;
    let most = if text_width >= 16 { 3 } else { 1 };
    for per_factor in (1..=most).rev() {
        let (top, bottom) = build(per_factor, usize::MAX, usize::MAX);
        if rows(&top) + rows(&bottom) <= avail {
            chosen = Some((top, bottom));
            break;
        }
    }
    let (top, bottom) = chosen.unwrap_or_else(|| {
        let (top, bottom) = build(1, usize::MAX, usize::MAX);
        let (t, b) = (rows(&top), rows(&bottom));
        let bottom_cap = b.min(avail / 2).max(1);
        let top_cap = t.min(avail.saturating_sub(bottom_cap)).max(1);
        build(1, top_cap, avail.saturating_sub(top_cap).max(1))
    });

    let mut out = Vec::new();
    let heads: Vec<Cell> = TOP
        .iter()
        .map(|c| (label(*c, members(*c).len(), text_width), THEME.heading))
        .collect();
    out.push(row(&heads.iter().map(Some).collect::<Vec<_>>(), &widths));
    for r in 0..rows(&top) {
        let cells: Vec<Option<&Cell>> = top.iter().map(|c| c.get(r)).collect();
        out.push(row(&cells, &widths));
    }
    let bone = |ch: &str, count: usize| -> Line<'static> {
        let mut text = String::new();
        for w in widths.iter().take(count) {
            let at = (w / 2).min(w.saturating_sub(1));
            text.push_str(&format!("{}{ch}{}", " ".repeat(at), " ".repeat(w - at - 1)));
        }
        Line::from(Span::styled(text, THEME.border_focus))
    };
    out.push(bone("╲", 4));
    out.push(Line::from(Span::styled(
        format!("{}▶", "━".repeat(width.saturating_sub(1))),
        THEME.border_focus,
    )));
    out.push(bone("╱", 3));
    let mut heads: Vec<Cell> = BOTTOM
        .iter()
        .map(|c| (label(*c, members(*c).len(), text_width), THEME.heading))
        .collect();
    heads.push(("Effect".into(), THEME.heading));
    out.push(row(&heads.iter().map(Some).collect::<Vec<_>>(), &widths));
    for r in 0..rows(&bottom) {
        let cells: Vec<Option<&Cell>> = bottom.iter().map(|c| c.get(r)).collect();
        out.push(row(&cells, &widths));
    }
    if !uncategorised.is_empty() {
        let ids: Vec<String> = uncategorised
            .iter()
            .map(|i| {
                let f = &inc.factors[*i];
                let sel = if Some(*i) == selected { "▶" } else { "" };
                format!("{sel}{}{}", f.id, mark(inc, *i))
            })
            .collect();
        let text = format!("No category: {}", ids.join(", "));
        let style = if uncategorised.iter().any(|i| Some(*i) == selected) {
            THEME.focus
        } else {
            THEME.warn
        };
        out.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    let legend = if inc.factors.is_empty() {
        "none yet: a adds a factor · v next view".to_string()
    } else {
        "+ helped · ~ luck · ⚠ no action yet · Enter opens · v next view".to_string()
    };
    out.push(Line::from(Span::styled(
        truncate(&legend, width),
        THEME.dim,
    )));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_columns() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("東京", 5), "東京 ");
    }

    #[test]
    fn labels_are_capitalised_with_counts() {
        assert_eq!(label(Category::Organizational, 0, 20), "Organizational (0)");
        assert_eq!(label(Category::Organizational, 0, 13), "Org (0)");
        assert_eq!(label(Category::Process, 12, 13), "Process (12)");
    }
}
