//! The readiness checklist: five items ticked `✓` or crossed `✗` with what is missing, in the
//! overview; and its one-line summary for the sidebar.

use ratatui::text::{Line, Span};

use super::theme::THEME;
use crate::analysis::Readiness;

/// Width of the item labels column.
const LABEL: usize = 18;

/// One line per item: `    ✓ Key moments        all five`, passed items plain, open ones in
/// the warning colour.
pub fn lines(readiness: &Readiness, width: usize) -> Vec<Line<'static>> {
    readiness
        .items
        .iter()
        .map(|item| {
            let (mark, style) = if item.ok {
                ("✓", THEME.ok)
            } else {
                ("✗", THEME.warn)
            };
            let head = format!("    {mark} {:<LABEL$} ", item.label);
            let room = width.saturating_sub(head.chars().count());
            Line::from(vec![
                Span::styled(head, style),
                Span::styled(
                    super::ellipsize(&item.detail, room),
                    if item.ok { THEME.dim } else { THEME.text },
                ),
            ])
        })
        .collect()
}

/// The verdict after the label: `✓ ready` or `✗ 2 of 5 open`.
pub fn verdict(readiness: &Readiness) -> (String, ratatui::style::Style) {
    let open = readiness.missing().count();
    if open == 0 {
        ("✓ ready".into(), THEME.ok)
    } else {
        (
            format!("✗ {open} of {} open", readiness.items.len()),
            THEME.warn,
        )
    }
}

/// The sidebar's line: ` ✓ ready to publish` or ` ✗ not ready: 2 left` (checklist items).
pub fn summary(readiness: &Readiness) -> (String, ratatui::style::Style) {
    let open = readiness.missing().count();
    if open == 0 {
        (" ✓ ready to publish".into(), THEME.ok)
    } else {
        (format!(" ✗ not ready: {open} left"), THEME.warn)
    }
}
