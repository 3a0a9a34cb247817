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
        with_listed(view, None, |listed| listed.count)
    } else {
        0
    }
}

/// How many notes there are for what is on screen, listed or hidden.
pub fn count(view: &IncidentView) -> usize {
    with_listed(view, None, |listed| listed.count)
}

/// The notes listed for what is on screen, as drawn at one width: how many, whether the first
/// is on the focused field, and the lines of the first ones (laid out as they are asked for).
struct Listed {
    key: u64,
    count: usize,
    any_focused: bool,
    width: usize,
    lines: Vec<Vec<Line<'static>>>,
}

/// The notes as last listed, kept by the view: they change only with the lint's result, the
/// incident's revision and the cursor, not with each letter typed.
#[derive(Default)]
struct LastListed(Option<Listed>);

/// Everything the list of notes depends on, but the width.
fn listed_key(view: &IncidentView) -> u64 {
    let record = view.cursor.record.map(|r| (r.kind, r.index));
    super::cells::key(&(
        &view.incident.id,
        view.save.revision,
        view.lint.shown(),
        view.cursor.section,
        record,
        crate::app::focus::focused_target(view),
        view.cursor.selected,
    ))
}

/// Calls `f` with the notes listed for `view`; with `lay_out = Some((width, first))`, the
/// lines of the first `first` notes are laid out at `width` columns.
fn with_listed<R>(
    view: &IncidentView,
    lay_out: Option<(usize, usize)>,
    f: impl FnOnce(&Listed) -> R,
) -> R {
    let key = listed_key(view);
    let kept = view.layout.renderer.slot::<LastListed>();
    {
        let slot = &mut kept.borrow_mut().0;
        let listed = match slot.take() {
            Some(l) if l.key == key => slot.insert(l),
            _ => {
                let list = notes(view);
                slot.insert(Listed {
                    key,
                    count: list.len(),
                    any_focused: list.first().is_some_and(|(_, focused)| *focused),
                    width: 0,
                    lines: Vec::new(),
                })
            }
        };
        if let Some((width, first)) = lay_out {
            if listed.width != width {
                listed.width = width;
                listed.lines.clear();
            }
            let first = first.min(listed.count);
            if listed.lines.len() < first {
                let list = notes(view);
                let done = listed.lines.len();
                for (note, focused) in list.iter().skip(done).take(first - done) {
                    listed.lines.push(note_lines(view, note, *focused, width));
                }
            }
        }
        f(listed)
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
    let first = usize::from(area.height);
    let needed: usize = with_listed(view, Some((width, first)), |listed| {
        listed.lines.iter().take(first).map(Vec::len).sum()
    });
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
    let key = super::cells::key(&(
        listed_key(view),
        view.cursor.editor.is_some(),
        view.cursor.show_lint,
    ));
    super::cells::kept(
        frame,
        &view.layout.renderer,
        super::cells::key(&"wording"),
        area,
        key,
        |frame| {
            draw(view, frame, area);
        },
    );
}

fn draw(view: &IncidentView, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().border_style(THEME.border);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    with_listed(view, Some((width, rows)), |listed| {
        let title = if view.cursor.editor.is_some() {
            " ⚑ Wording · checked again when you finish "
        } else if listed.any_focused {
            " ⚑ Wording · i ignores ▶ here · l hides "
        } else {
            " ⚑ Wording · l hides "
        };
        let block = block.title(Span::styled(title, THEME.heading));
        frame.render_widget(block, area);
        let mut lines = Vec::new();
        let mut shown = 0;
        for (n, note) in listed.lines.iter().take(rows).enumerate() {
            let mut note = note.clone();
            let room_after = rows.saturating_sub(lines.len());
            let last = n + 1 == listed.count;
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
        if shown < listed.count {
            lines.push(Line::from(Span::styled(
                format!("  … {} more", listed.count - shown),
                THEME.dim,
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    });
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
