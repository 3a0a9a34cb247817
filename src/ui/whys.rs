//! A factor's whys as a chain: numbered answers, each one step deeper and indented further,
//! the selected one marked, the one being edited drawn as a text field in its place.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::wrap::wrap;
use crate::app::form::{FieldId, Target};

const WHYS: FieldId = FieldId::named("factors[].whys");
use crate::app::state::IncidentView;

/// Deepest indentation step; deeper answers stay at this depth so they keep room to wrap.
const MAX_DEPTH: usize = 6;
/// Answer lines shown when the chain is not focused.
const PREVIEW_LINES: usize = 6;

/// One answer of the chain as drawn: its depth indentation, its number (`1. `, `↳ 2. `),
/// where its text starts, and its wrapped lines (or the editor's height when it is being
/// edited).
struct Item {
    depth: String,
    prefix: String,
    indent: usize,
    lines: Vec<String>,
    editing: bool,
}

/// The answer being edited, if it belongs to factor `index`.
fn edited(view: &IncidentView, index: usize) -> Option<usize> {
    let target = view.cursor.editor.as_ref()?.target;
    if target.field == WHYS && target.record == index {
        target.item
    } else {
        None
    }
}

/// The answers of factor `index` (none when there is no such factor).
fn whys_of(view: &IncidentView, index: usize) -> &[String] {
    view.incident
        .factors
        .get(index)
        .map(|f| f.whys.as_slice())
        .unwrap_or_default()
}

fn items(view: &IncidentView, index: usize, width: usize) -> Vec<Item> {
    let whys = whys_of(view, index);
    let editing = edited(view, index);
    let mut out = Vec::new();
    for n in 0..whys.len().max(editing.map_or(0, |e| e + 1)) {
        let depth = n.min(MAX_DEPTH);
        let arrow = if n == 0 { "" } else { "↳ " };
        let depth = "  ".repeat(depth);
        let prefix = format!("{arrow}{}. ", n + 1);
        // Two columns of margin and two for the selection marker.
        let indent = 4 + depth.len() + prefix.chars().count();
        let room = width.saturating_sub(indent).max(8);
        let is_edited = editing == Some(n);
        let lines = if is_edited {
            let text = view
                .cursor
                .editor
                .as_ref()
                .map(|e| e.textarea.lines().join(" "))
                .unwrap_or_default();
            // The editor's box: its wrapped text plus two border rows.
            let rows = wrap(&text, room.saturating_sub(2).max(1), 8).len().max(1);
            vec![String::new(); rows + 2]
        } else {
            let text = whys.get(n).map(String::as_str).unwrap_or("");
            if text.trim().is_empty() {
                vec!["(empty)".to_string()]
            } else {
                wrap(text, room, 8)
            }
        };
        out.push(Item {
            depth,
            prefix,
            indent,
            lines,
            editing: is_edited,
        });
    }
    out
}

/// The flagged byte ranges that fall in answer `n`, relative to that answer's text. `flagged`
/// is in the answers joined by newlines (how the lint cache reports a list field).
fn answer_ranges(whys: &[String], n: usize, flagged: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let Some(answer) = whys.get(n) else {
        return Vec::new();
    };
    let base: usize = whys.iter().take(n).map(|w| w.len() + 1).sum();
    let end = base + answer.len();
    flagged
        .iter()
        .filter(|(s, e)| *s >= base && *e <= end)
        .map(|(s, e)| (s - base, e - base))
        .collect()
}

/// Rows the chain needs at `width`: its label and every answer (at most a preview's worth
/// when it is not focused).
pub fn height(view: &IncidentView, index: usize, focused: bool, width: usize) -> u16 {
    let rows: usize = items(view, index, width)
        .iter()
        .map(|i| i.lines.len())
        .sum();
    let rows = if focused || edited(view, index).is_some() {
        rows
    } else {
        rows.min(PREVIEW_LINES)
    };
    (1 + rows.max(1)) as u16
}

/// Draws the chain of factor `index` into `area`, the label line first.
///
/// `label` is the label span (focus marker included); `selected` is the answer marked when
/// the chain has focus.
pub fn render(
    view: &IncidentView,
    index: usize,
    label: Span<'static>,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let width = usize::from(area.width);
    let hint = WHYS.def().hint;
    // Wording findings in the chain, as byte ranges of the answers joined by newlines.
    let whys_target = Target::record(WHYS, index);
    let flagged = view.lint.in_target(&view.incident, whys_target);
    let mut head = vec![label];
    head.extend(super::wording::mark(flagged.len()));
    head.push(Span::styled(
        super::ellipsize(&format!("  {hint}"), width.saturating_sub(8)),
        THEME.dim,
    ));
    let head = Line::from(head);
    frame.render_widget(Paragraph::new(head), Rect { height: 1, ..area });
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    if body.height == 0 {
        return;
    }
    let items = items(view, index, width);
    if items.is_empty() {
        let text = if focused {
            "    (none yet: w or Enter adds the first \"why?\")"
        } else {
            "    (none yet: w adds the first \"why?\")"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(super::ellipsize(text, width), THEME.dim)),
            body,
        );
        return;
    }
    let selected = edited(view, index).unwrap_or(if focused { view.cursor.why } else { 0 });
    // Start early enough that the selected answer fits, as the form does with fields.
    let rows = usize::from(body.height);
    let mut start = selected.min(items.len() - 1);
    let mut used = items[start].lines.len();
    while start > 0 {
        let more = used + items[start - 1].lines.len();
        // A note "↑ n shallower" takes a line unless the chain starts at its first answer.
        let note = usize::from(start > 1);
        if more + note > rows {
            break;
        }
        start -= 1;
        used = more;
    }
    let whys = whys_of(view, index);
    let mut y = body.y;
    let bottom = body.y + body.height;
    if start > 0 {
        let note = format!("    ↑ {start} shallower");
        frame.render_widget(
            Paragraph::new(Span::styled(note, THEME.dim)),
            Rect {
                y,
                height: 1,
                ..body
            },
        );
        y += 1;
    }
    for (n, item) in items.iter().enumerate().skip(start) {
        if y >= bottom {
            break;
        }
        let is_selected = focused && n == selected;
        let marker = if is_selected && !item.editing {
            "▶ "
        } else {
            "  "
        };
        if item.editing {
            let h = (item.lines.len() as u16).min(bottom - y);
            let x = body.x + item.indent as u16;
            let prefix = format!("  {}{marker}{}", item.depth, item.prefix);
            frame.render_widget(
                Paragraph::new(Span::styled(prefix, THEME.focus)),
                Rect {
                    y: y + 1.min(h.saturating_sub(1)),
                    height: 1,
                    ..body
                },
            );
            let rect = Rect {
                x,
                y,
                width: body.width.saturating_sub(item.indent as u16),
                height: h,
            };
            super::layout::draw_editor(view, Target::record(WHYS, index).item(n), frame, rect);
            y += h;
            continue;
        }
        let style = if is_selected { THEME.focus } else { THEME.text };
        let lines_left = usize::from(bottom - y);
        let shown = item.lines.len().min(lines_left);
        let answer = whys.get(n).map(String::as_str).unwrap_or("");
        let own = answer_ranges(whys, n, &flagged);
        let mut lines = Vec::with_capacity(shown);
        for (i, text) in item.lines.iter().take(shown).enumerate() {
            let lead = if i == 0 {
                format!("  {}{marker}{}", item.depth, item.prefix)
            } else {
                " ".repeat(item.indent)
            };
            let mut text = text.clone();
            if i + 1 == shown && shown < item.lines.len() {
                text.push_str(" …");
            }
            let text_style = if text == "(empty)" { THEME.dim } else { style };
            let mut spans = vec![Span::styled(lead, style)];
            if own.is_empty() {
                spans.push(Span::styled(text, text_style));
            } else {
                let styled = super::wording::lines(vec![text], 0, answer, &own, text_style);
                spans.extend(styled.into_iter().flat_map(|l| l.spans));
            }
            lines.push(Line::from(spans));
        }
        frame.render_widget(
            Paragraph::new(lines),
            Rect {
                y,
                height: shown as u16,
                ..body
            },
        );
        y += shown as u16;
    }
}
