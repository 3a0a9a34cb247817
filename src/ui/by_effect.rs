//! The contributing factors grouped by effect: what made it worse (with the actions that
//! address each, or `⚠ no action`), what helped, and what was luck.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::fishbone::{fit, mark};
use super::theme::THEME;
use super::wrap::truncate;
use crate::analysis::{addressing_actions, by_effect, is_addressed, short};
use crate::app::form::RecordKind;
use crate::app::state::IncidentView;
use crate::model::{Choice, Effect};

/// Heading of a group.
fn heading(effect: Option<Effect>) -> &'static str {
    match effect {
        Some(Effect::Contributor) => "Made it worse",
        Some(Effect::Mitigator) => "Helped",
        Some(Effect::Luck) => "Luck",
        None => "Effect not set",
    }
}

/// What an empty group asks for.
fn empty_note(effect: Option<Effect>) -> &'static str {
    match effect {
        Some(Effect::Mitigator) => "(none yet: what helped, what went well?)",
        Some(Effect::Luck) => "(none yet: was anything plain luck, good or bad?)",
        _ => "(none yet)",
    }
}

/// The view's lines and the line of the selected factor (to scroll to).
fn all_lines(view: &IncidentView, focused: bool, width: usize) -> (Vec<Line<'static>>, usize) {
    let inc = &view.incident;
    let selected = view.selected(RecordKind::Factor);
    let mut out = Vec::new();
    let mut at = 0;
    for (effect, members) in by_effect(inc) {
        let mut head = vec![Span::styled(
            format!("{} ({})", heading(effect), members.len()),
            THEME.heading,
        )];
        let open = members
            .iter()
            .filter(|i| !is_addressed(inc, &inc.factors[**i]))
            .count();
        if effect == Some(Effect::Contributor) && open > 0 {
            head.push(Span::styled(
                format!("  ⚠ {open} without a follow-up action"),
                THEME.warn,
            ));
        }
        out.push(Line::from(head));
        if members.is_empty() {
            out.push(Line::from(Span::styled(
                format!("   {}", empty_note(effect)),
                THEME.dim,
            )));
        }
        for i in members {
            let f = &inc.factors[i];
            let is_sel = i == selected;
            if is_sel {
                at = out.len();
            }
            let marker = match (is_sel, focused) {
                (true, true) => " ▶ ",
                (true, false) => " › ",
                _ => "   ",
            };
            let category = f.category.map_or("—", |c| c.label());
            let lead = format!("{marker}{:<4} {category:<15}", f.id);
            let (suffix, suffix_style) = if effect == Some(Effect::Contributor) {
                let actions: Vec<&str> = addressing_actions(inc, &f.id)
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect();
                if mark(inc, i) == "⚠" {
                    ("  ⚠ no action".to_string(), THEME.warn)
                } else if !actions.is_empty() {
                    (format!("  → {}", actions.join(", ")), THEME.dim)
                } else {
                    (format!("  no action: {}", short(&f.no_action)), THEME.dim)
                }
            } else {
                (String::new(), THEME.dim)
            };
            // The reason for no action is cut first, then the description.
            let suffix = truncate(&suffix, (width / 3).max(12));
            let room = width.saturating_sub(lead.width() + suffix.width());
            let text = fit(short(&f.description), room);
            let style = if is_sel && focused {
                THEME.focus
            } else {
                THEME.text
            };
            out.push(Line::from(vec![
                Span::styled(format!("{lead}{text}"), style),
                Span::styled(suffix, suffix_style),
            ]));
        }
    }
    (out, at)
}

/// The view's lines for a `width` × `height` area, scrolled so the selected factor shows,
/// and how many lines that is (at most `height`).
pub fn lines(
    view: &IncidentView,
    focused: bool,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let (lines, at) = all_lines(view, focused, width);
    if lines.len() <= height {
        return lines;
    }
    let start = (at + 2).saturating_sub(height).min(lines.len() - height);
    lines.into_iter().skip(start).take(height).collect()
}
