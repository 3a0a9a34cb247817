//! Wording notes from the lint on screen: flagged words underlined in place, `⚑` marks on
//! fields, records and sections, and a list of the section's notes with which way to rewrite.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::THEME;
use crate::app::form::RecordKind;
use crate::app::lint::target_of;
use crate::app::lint_keys::is_focused;
use crate::app::state::IncidentView;
use crate::lint::{Finding, Kind};
use crate::model::timeinput::{format_clock, zone};

/// ` ⚑2` after a field's label when the lint flags words in it.
pub fn mark(count: usize) -> Option<Span<'static>> {
    match count {
        0 => None,
        1 => Some(Span::styled(" ⚑", THEME.flag)),
        n => Some(Span::styled(format!(" ⚑{n}"), THEME.flag)),
    }
}

/// Styles display lines of a field's text, underlining the flagged byte ranges of `text`.
///
/// Each line is `prefix` characters of indent or bullet, then a piece of `text` (possibly
/// ending in `…` when cut). Pieces are found in order; a line that cannot be found is plain.
pub fn lines(
    lines: Vec<String>,
    prefix: usize,
    text: &str,
    flagged: &[(usize, usize)],
    style: Style,
) -> Vec<Line<'static>> {
    let mut cursor = 0;
    lines
        .into_iter()
        .map(|line| {
            if flagged.is_empty() {
                return Line::from(Span::styled(line, style));
            }
            let split = line
                .char_indices()
                .nth(prefix)
                .map_or(line.len(), |(i, _)| i);
            let (head, content) = line.split_at(split);
            let core = content.trim_end_matches('…').trim_end();
            let Some(found) = text.get(cursor..).and_then(|rest| rest.find(core)) else {
                return Line::from(Span::styled(line.clone(), style));
            };
            let start = cursor + found;
            cursor = start + core.len();
            let mut spans = vec![Span::styled(head.to_string(), style)];
            spans.extend(pieces(text, core, start, flagged, style));
            spans.push(Span::styled(content[core.len()..].to_string(), style));
            Line::from(spans)
        })
        .collect()
}

/// `piece` (which starts at byte `at` of `text`) split into plain and flagged spans.
fn pieces(
    text: &str,
    piece: &str,
    at: usize,
    flagged: &[(usize, usize)],
    style: Style,
) -> Vec<Span<'static>> {
    let end = at + piece.len();
    let mut cuts = vec![0, piece.len()];
    for (s, e) in flagged {
        for edge in [*s, *e] {
            if edge > at && edge < end && piece.is_char_boundary(edge - at) {
                cuts.push(edge - at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let (a, b) = (at + w[0], at + w[1]);
            let hit = flagged.iter().find(|(s, e)| *s <= a && b <= *e);
            let part = piece[w[0]..w[1]].to_string();
            match hit {
                Some((s, e)) if text.get(*s..*e).is_some_and(is_style) => {
                    Span::styled(part, style.patch(style_mark()))
                }
                Some(_) => Span::styled(part, style.patch(THEME.flag)),
                None => Span::styled(part, style),
            }
        })
        .collect()
}

/// The lighter mark of wording advice ("root cause", "postmortem"): dim and underlined,
/// where blame is coloured.
pub fn style_mark() -> Style {
    THEME.dim.add_modifier(Modifier::UNDERLINED)
}

/// True when a flagged stretch is wording advice rather than blame (see
/// [`crate::lint::style_rule`]).
fn is_style(text: &str) -> bool {
    crate::lint::style_rule(text).is_some()
}

/// The notes listed for what is on screen: the open record's, else the section's; those on
/// the focused field first. Each comes with whether it is on the focused field.
pub fn notes(view: &IncidentView) -> Vec<(&Finding, bool)> {
    let all = view.lint.with_targets();
    let mut list: Vec<(&Finding, bool)> = match view.cursor.record {
        Some(rec) => {
            let prefix = match rec.kind {
                RecordKind::Timeline => "timeline",
                RecordKind::Factor => "factors",
                RecordKind::Metric => "monitoring.metrics",
                RecordKind::Action => "actions",
            };
            let prefix = format!("{prefix}[{}].", rec.index);
            all.filter(|(f, _)| f.field.starts_with(&prefix))
                .map(|(f, t)| (f, is_focused(view, t)))
                .collect()
        }
        None => all
            .filter(|(f, _)| crate::lint::section_of(&f.field) == view.cursor.section)
            .map(|(f, t)| (f, is_focused(view, t)))
            .collect(),
    };
    list.sort_by_key(|(_, focused)| !focused);
    list
}

/// Notes to list now: none when hidden with `l`.
pub fn wanted(view: &IncidentView) -> usize {
    if view.cursor.show_lint {
        notes(view).len()
    } else {
        0
    }
}

/// Lines of one note at `width` columns: where, rule and words; then why and which way,
/// wrapped to at most three lines.
fn note_lines(view: &IncidentView, f: &Finding, focused: bool, width: usize) -> Vec<Line<'static>> {
    let marker = if focused { "▶ " } else { "  " };
    let style = f.kind() == Kind::Style;
    let tag = if style { " · style" } else { "" };
    let head = format!("{marker}{} · {}{tag}  ", place(view, f), f.rule);
    let room = width.saturating_sub(head.chars().count());
    let head_style = match (focused, style) {
        (true, _) => THEME.heading,
        (false, true) => THEME.dim,
        (false, false) => THEME.text,
    };
    let words_style = if style { style_mark() } else { THEME.flag };
    let mut lines = vec![Line::from(vec![
        Span::styled(head, head_style),
        Span::styled(
            super::ellipsize(&format!("\"{}\"", f.text), room),
            words_style,
        ),
    ])];
    let advice = format!("{} → {}", f.reason, f.suggestion);
    for l in super::wrap::wrap_with(&view.layout, &advice, width.saturating_sub(4), 3) {
        lines.push(Line::from(Span::styled(format!("    {l}"), THEME.dim)));
    }
    lines
}

/// Splits the section's area into the section and, below it, the notes list when there are
/// notes to list. The section keeps at least 8 rows.
pub fn split(view: &IncidentView, area: Rect) -> (Rect, Option<Rect>) {
    if wanted(view) == 0 || area.height < 12 {
        return (area, None);
    }
    let width = usize::from(area.width.saturating_sub(2));
    let needed: usize = notes(view)
        .iter()
        .take(usize::from(area.height))
        .map(|(f, focused)| note_lines(view, f, *focused, width).len())
        .sum();
    let cap = (area.height * 2 / 5).max(4).min(area.height - 8);
    let height = (needed as u16 + 2).min(cap);
    let body = Rect {
        height: area.height - height,
        ..area
    };
    let panel = Rect {
        y: area.y + body.height,
        height,
        ..area
    };
    (body, Some(panel))
}

/// The list of notes: where, rule and words on one line; why and which way on the next.
pub fn render(view: &IncidentView, frame: &mut Frame, area: Rect) {
    let list = notes(view);
    let any_focused = list.first().is_some_and(|(_, focused)| *focused);
    let title = if view.cursor.editor.is_some() {
        " ⚑ Wording · checked again when you finish "
    } else if any_focused {
        " ⚑ Wording · i ignores ▶ here · l hides "
    } else {
        " ⚑ Wording · l hides "
    };
    let block = Block::bordered()
        .title(Span::styled(title, THEME.heading))
        .border_style(THEME.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let mut lines = Vec::new();
    let mut shown = 0;
    for (n, (f, focused)) in list.iter().enumerate() {
        let mut note = note_lines(view, f, *focused, width);
        let room_after = rows.saturating_sub(lines.len());
        let last = n + 1 == list.len();
        // Keep a line for "… more" unless this is the last note.
        let room = if last {
            room_after
        } else {
            room_after.saturating_sub(1)
        };
        if note.len() > room {
            if room < 2 {
                break;
            }
            // Cut it short rather than leave the room empty.
            note.truncate(room);
            if let Some(last) = note.last_mut() {
                last.spans.push(Span::styled(" …", THEME.dim));
            }
        }
        lines.extend(note);
        shown += 1;
    }
    if shown < list.len() {
        lines.push(Line::from(Span::styled(
            format!("  … {} more", list.len() - shown),
            THEME.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Where a note is, shortly: `Story`, `F2 Whys`, `14:02 What`.
fn place(view: &IncidentView, f: &Finding) -> String {
    let inc = &view.incident;
    match target_of(&f.field) {
        Some((target, _)) if target.field.def().record.is_none() => {
            target.field.def().label.to_string()
        }
        Some((target, _)) => {
            let i = target.record;
            let kind = target.field.def().record.unwrap_or(RecordKind::Timeline);
            let tag = match kind {
                RecordKind::Factor => inc.factors.get(i).map(|x| x.id.clone()),
                RecordKind::Action => inc.actions.get(i).map(|x| x.id.clone()),
                RecordKind::Timeline => inc
                    .timeline
                    .get(i)
                    .and_then(|e| e.at)
                    .map(|at| format_clock(&at, &zone(&inc.timezone))),
                RecordKind::Metric => None,
            }
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| format!("#{}", i + 1));
            format!("{tag} {}", target.field.def().label)
        }
        None => f.field.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flagged_ranges_are_found_across_wrapped_lines() {
        let text = "The engineer should have checked the dashboard first.";
        let start = text.find("should").unwrap();
        let flagged = [(start, start + "should have checked".len())];
        let wrapped = vec![
            "    The engineer should".to_string(),
            "    have checked the …".to_string(),
        ];
        let out = lines(wrapped, 4, text, &flagged, THEME.text);
        let styled: Vec<Vec<(String, bool)>> = out
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .filter(|s| !s.content.is_empty())
                    .map(|s| {
                        (
                            s.content.to_string(),
                            s.style == THEME.text.patch(THEME.flag),
                        )
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            styled[0],
            [
                ("    ".to_string(), false),
                ("The engineer ".to_string(), false),
                ("should".to_string(), true)
            ]
        );
        assert_eq!(styled[1][1], ("have checked".to_string(), true));
        assert_eq!(styled[1].last().unwrap().0, " …");
    }

    #[test]
    fn style_findings_are_marked_lighter_than_blame() {
        let text = "The root cause: Dave should have checked.";
        let root = text.find("root").unwrap();
        let should = text.find("should").unwrap();
        let flagged = [
            (root, root + "root cause".len()),
            (should, should + "should have checked".len()),
        ];
        let out = lines(vec![text.to_string()], 0, text, &flagged, THEME.text);
        let style_of = |word: &str| {
            out[0]
                .spans
                .iter()
                .find(|s| s.content == word)
                .map(|s| s.style)
                .unwrap()
        };
        assert_eq!(style_of("root cause"), THEME.text.patch(style_mark()));
        assert_eq!(
            style_of("should have checked"),
            THEME.text.patch(THEME.flag)
        );
        assert_ne!(style_mark(), THEME.flag);
    }
}
