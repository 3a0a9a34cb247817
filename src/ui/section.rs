//! The current section (or open record) as a column of fields. Only fields that fit are
//! drawn, starting from one that keeps the focused field on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::THEME;
use super::wrap::wrap;
use crate::app::form::{self, Kind, Target, section_fields};
use crate::app::state::{AppState, FactorView, IncidentView};
use crate::model::timeinput::zone;
use crate::model::{Choice, Milestone, format_duration};

/// Width of the label column of one-line fields.
pub(super) use super::layout::LABEL;
use super::layout::draw_editor;
/// Lines of a long text shown when it is not focused.
const PREVIEW_LINES: usize = 4;
/// Lines of a long text shown when it is focused.
const FOCUS_LINES: usize = 10;

/// Draws the section or the open record.
pub fn render(view: &IncidentView, state: &AppState, frame: &mut Frame, area: Rect) {
    let (title, targets, focus) = match view.cursor.record {
        Some(rec) => {
            let len = rec.kind.len(&view.incident);
            let title = format!(
                " {} {} of {} ",
                capitalize(rec.kind.noun()),
                rec.index + 1,
                len
            );
            let targets: Vec<Target> = rec
                .kind
                .fields()
                .map(|f| Target::record(f, rec.index))
                .collect();
            (title, targets, rec.focus)
        }
        None => {
            let mut title = format!(
                " {} · {} ",
                view.cursor.section.number(),
                view.cursor.section.title()
            );
            if view.cursor.section == crate::model::Section::Factors {
                title.push_str(&format!("· {} (v) ", view.cursor.factor_view.name()));
            }
            let targets = section_fields(view.cursor.section)
                .map(Target::top)
                .collect();
            (title, targets, view.cursor.focus)
        }
    };
    let hidden_notes = if view.cursor.show_lint {
        0
    } else {
        super::wording::count(view)
    };
    let block_key = super::cells::key(&(&title, view.cursor.record.is_some(), hidden_notes));
    let mut block = Block::bordered()
        .title(Span::styled(title, THEME.heading))
        .border_style(THEME.border);
    if view.cursor.record.is_some() {
        block = block.title_bottom(Span::styled(" Esc closes · [ ] previous/next ", THEME.dim));
    }
    if hidden_notes > 0 {
        block = block.title_bottom(
            ratatui::text::Line::from(Span::styled(
                format!(" ⚑ {hidden_notes} wording · l shows "),
                THEME.flag,
            ))
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    // The frame is kept from the last one while its titles hold (the fields draw over it).
    super::cells::kept(
        frame,
        &view.layout.renderer,
        super::cells::key(&"section"),
        area,
        block_key,
        |frame| {
            frame.render_widget(block, area);
        },
    );
    if inner.width < 10 || inner.height < 2 {
        return;
    }
    if let [target] = targets.as_slice()
        && target.kind() == Kind::Records(form::RecordKind::Factor)
        && view.cursor.record.is_none()
        && view.cursor.factor_view != FactorView::List
    {
        render_grouped(view, state, frame, inner);
        return;
    }
    if let [target] = targets.as_slice()
        && let Kind::Records(kind) = target.kind()
        && view.cursor.record.is_none()
    {
        let len = kind.len(&view.incident) as u16;
        if len > 0 && inner.height >= len + 1 + 10 {
            // Room to spare: the list, then the selected record in full below it.
            let list_height = (len + 1).min(inner.height / 2);
            let list = Rect {
                height: list_height,
                ..inner
            };
            draw_field(view, state, targets[0], true, frame, list);
            let index = view.selected(kind);
            let preview = Rect {
                y: inner.y + list_height + 1,
                height: inner.height - list_height - 1,
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Span::styled(
                    super::ellipsize(
                        &format!("── selected {} · Enter edits ", kind.noun()),
                        usize::from(inner.width),
                    ),
                    THEME.dim,
                )),
                Rect {
                    y: inner.y + list_height,
                    height: 1,
                    ..inner
                },
            );
            let record: Vec<Target> = kind.fields().map(|f| Target::record(f, index)).collect();
            draw_column(view, state, &record, None, frame, preview);
            return;
        }
    }
    let inner = super::chart::draw_below(view, frame, inner);
    draw_column(view, state, &targets, Some(focus), frame, inner);
}

/// The factors as a fishbone or grouped by effect, and the selected factor in full below
/// when there is room.
fn render_grouped(view: &IncidentView, state: &AppState, frame: &mut Frame, inner: Rect) {
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let lines = match view.cursor.factor_view {
        FactorView::ByEffect => super::by_effect::lines(view, true, width, height),
        _ => super::fishbone::lines(view, true, width, height),
    };
    let used = lines.len().min(height) as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: used,
            ..inner
        },
    );
    let kind = form::RecordKind::Factor;
    let rest = inner.height.saturating_sub(used);
    if rest < 9 || view.incident.factors.is_empty() {
        return;
    }
    let label = super::ellipsize(
        &format!("── selected {} · Enter edits · w adds a why ", kind.noun()),
        width,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(label, THEME.dim)),
        Rect {
            y: inner.y + used + 1,
            height: 1,
            ..inner
        },
    );
    let index = view.selected(kind);
    let record: Vec<Target> = kind.fields().map(|f| Target::record(f, index)).collect();
    let preview = Rect {
        y: inner.y + used + 2,
        height: rest - 2,
        ..inner
    };
    draw_column(view, state, &record, None, frame, preview);
}

/// Draws fields top to bottom, starting early enough that the focused one is visible, with
/// "more above/below" notes where fields did not fit.
fn draw_column(
    view: &IncidentView,
    state: &AppState,
    targets: &[Target],
    focus: Option<usize>,
    frame: &mut Frame,
    inner: Rect,
) {
    let width = usize::from(inner.width);
    let heights: Vec<u16> = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            field_height(
                view,
                *t,
                Some(i) == focus,
                width,
                inner.height,
                targets.len(),
            )
        })
        .collect();
    // First field to draw: as early as possible while the focused one still fits.
    let mut start = focus.unwrap_or(0).min(targets.len().saturating_sub(1));
    let mut used: u16 = heights.get(start).copied().unwrap_or(0);
    // A "more above" note takes a line unless drawing starts at the first field.
    while start > 0 && used + heights[start - 1] + u16::from(start > 1) <= inner.height {
        start -= 1;
        used += heights[start];
    }
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    if start > 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("  ↑ {start} more above"), THEME.dim)),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
        y += 1;
    }
    for (i, target) in targets.iter().enumerate().skip(start) {
        let h = heights[i].min(bottom.saturating_sub(y));
        if h == 0 {
            break;
        }
        let focused = Some(i) == focus;
        let mut rect = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: h,
        };
        let remaining_after = targets.len() - i - 1;
        if y + h >= bottom && remaining_after > 0 && h > 1 {
            rect.height -= 1;
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("  ↓ {remaining_after} more below"),
                    THEME.dim,
                )),
                Rect {
                    y: bottom - 1,
                    height: 1,
                    ..inner
                },
            );
        }
        draw_field(view, state, *target, focused, frame, rect);
        y += h;
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn is_editing(view: &IncidentView, target: Target) -> bool {
    view.cursor
        .editor
        .as_ref()
        .is_some_and(|e| e.target == target)
}

fn field_height(
    view: &IncidentView,
    target: Target,
    focused: bool,
    width: usize,
    avail: u16,
    count: usize,
) -> u16 {
    let kind = target.kind();
    if let Some(editor) = view.cursor.editor.as_ref().filter(|e| e.target == target) {
        if kind.is_single_line() {
            return 3;
        }
        // Rows of the text inside the box's borders, from the editor's wrap cache.
        let inner = u16::try_from(width.saturating_sub(2)).unwrap_or(u16::MAX);
        let lines = u16::try_from(editor.textarea.rows(inner)).unwrap_or(u16::MAX);
        return lines
            .saturating_add(3)
            .clamp(5, avail.saturating_sub(2).max(5));
    }
    match kind {
        Kind::Multi | Kind::LineList => {
            let max = text_lines(focused, avail, count);
            let invalid = view.invalid_for(target).is_some();
            let count = || {
                let text = current_text(view, target);
                if text.trim().is_empty() {
                    1
                } else {
                    value_lines(&text, kind, width, max).len()
                }
            };
            // Text kept with an error is not part of the revision: counted each time.
            let lines = if invalid {
                count()
            } else {
                super::heights::rows(view, target, width, max, count)
            };
            1 + lines as u16 + u16::from(invalid)
        }
        Kind::Records(_) => {
            if count == 1 {
                avail
            } else {
                let len = match kind {
                    Kind::Records(k) => k.len(&view.incident),
                    _ => 0,
                };
                1 + (len.max(1) as u16).min(if focused { 10 } else { 5 })
            }
        }
        Kind::KeyMoments => 1 + 5,
        Kind::Chain => super::whys::height(view, target.record, focused, width),
        Kind::Checklist => 1 + 5,
        Kind::Links => super::annotations::link_lines(view, target, width)
            .len()
            .max(1) as u16,
        _ => {
            1 + u16::from(view.invalid_for(target).is_some())
                + u16::from(super::annotations::title_advice(view, target).is_some())
        }
    }
}

/// How many lines of text a long field shows: at least its usual preview (more when focused),
/// and its share of the room there is, so a big screen shows more of the story.
fn text_lines(focused: bool, avail: u16, fields: usize) -> usize {
    let base = if focused { FOCUS_LINES } else { PREVIEW_LINES };
    // Each field also takes its label line; a few rows stay for the rest of the section.
    let share = (usize::from(avail) / fields.max(1)).saturating_sub(2);
    base.max(share)
}

/// About how many lines `text` wraps to at `room` columns: exact for short texts, counted
/// from paragraph widths for long ones (no wrapping of a whole long story per frame).
fn wrapped_lines(text: &str, room: usize) -> usize {
    if text.len() <= 20_000 {
        return wrap(text, room, usize::MAX).len();
    }
    let room = room.max(1);
    text.split('\n')
        .map(|p| {
            unicode_width::UnicodeWidthStr::width(p)
                .div_ceil(room)
                .max(1)
        })
        .sum()
}

/// A long text wrapped and indented for display; list items get a bullet on their first
/// line. At most `max` lines; a cut text ends with `… N more lines`.
fn value_lines(text: &str, kind: Kind, width: usize, max: usize) -> Vec<String> {
    let room = width.saturating_sub(4);
    if kind != Kind::LineList {
        // With room for one line only, that line shows the text (ending in `…`).
        let asked = if max > 1 { max.saturating_add(1) } else { max };
        let mut out: Vec<String> = wrap(text, room, asked)
            .into_iter()
            .map(|l| format!("    {l}"))
            .collect();
        if out.len() > max && max > 1 {
            out.truncate(max - 1);
            let more = wrapped_lines(text, room).saturating_sub(out.len()).max(1);
            out.push(format!(
                "    … {more} more line{}",
                if more == 1 { "" } else { "s" }
            ));
        }
        return out;
    }
    let mut out = Vec::new();
    for item in text.lines().filter(|l| !l.trim().is_empty()) {
        for (i, l) in wrap(item, room, max).into_iter().enumerate() {
            let prefix = if i == 0 { "  • " } else { "    " };
            out.push(format!("{prefix}{l}"));
        }
    }
    if out.len() > max && max > 0 {
        let more = out.len() - (max - 1);
        out.truncate(max - 1);
        out.push(format!(
            "    … {more} more line{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    out
}

/// The text to show: what was typed but not stored, else the stored value.
fn current_text(view: &IncidentView, target: Target) -> String {
    form::edit_text(&view.incident, target)
}

fn label_span(target: Target, focused: bool, editing: bool) -> Span<'static> {
    let (label, _) = target.label();
    let marker = if editing {
        "✎ "
    } else if focused {
        "▶ "
    } else {
        "  "
    };
    let text = format!("{marker}{label}");
    if focused {
        Span::styled(text, THEME.focus)
    } else {
        Span::styled(text, THEME.heading)
    }
}

fn draw_field(
    view: &IncidentView,
    state: &AppState,
    target: Target,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let editing = is_editing(view, target);
    if editing {
        draw_editor(view, target, frame, area);
        return;
    }
    let kind = target.kind();
    // Fields drawn from the incident and its lint alone are kept from the last frame while
    // those hold (lists, chains and the checklist look at more, and are drawn each time).
    if matches!(
        kind,
        Kind::Records(_) | Kind::Chain | Kind::Checklist | Kind::Links | Kind::KeyMoments
    ) {
        draw_value(view, state, target, focused, frame, area);
        return;
    }
    let key = super::cells::key(&(
        &view.incident.id,
        view.save.revision,
        view.lint.shown(),
        focused,
        state.today(),
    ));
    super::cells::kept(
        frame,
        &view.layout.renderer,
        super::cells::key(&("field", target)),
        area,
        key,
        |frame| {
            draw_value(view, state, target, focused, frame, area);
        },
    );
}

/// A field that is not being edited.
fn draw_value(
    view: &IncidentView,
    state: &AppState,
    target: Target,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let width = usize::from(area.width);
    let kind = target.kind();
    let (_, hint) = target.label();
    let invalid = view.invalid_for(target);
    match kind {
        Kind::Multi | Kind::LineList => {
            let flagged = view.lint.in_target(&view.incident, target);
            let mut head = vec![label_span(target, focused, false)];
            head.extend(super::wording::mark(flagged.len()));
            head.push(Span::styled(
                super::ellipsize(&format!("  {hint}"), width.saturating_sub(LABEL)),
                THEME.dim,
            ));
            let mut lines = vec![Line::from(head)];
            let text = current_text(view, target);
            if text.trim().is_empty() {
                lines.push(Line::from(Span::styled("    (empty)", THEME.dim)));
            } else {
                // The rows this field was given (its label and any error line aside).
                let max = usize::from(area.height)
                    .saturating_sub(1 + usize::from(invalid.is_some()))
                    .max(1);
                lines.extend(super::wording::lines(
                    value_lines(&text, kind, width, max),
                    4,
                    &text,
                    &flagged,
                    THEME.text,
                ));
            }
            if let Some(inv) = invalid {
                lines.push(Line::from(Span::styled(
                    format!("    ✗ {}", inv.error),
                    THEME.error,
                )));
            }
            frame.render_widget(Paragraph::new(lines), area);
        }
        Kind::Records(k) => {
            super::records::render_list(view, k, focused, state.today(), &state.people, frame, area)
        }
        Kind::KeyMoments => draw_key_moments(view, target, focused, frame, area),
        Kind::Chain => {
            let index = target.record;
            let editing = view.cursor.editor.as_ref().is_some_and(|e| {
                e.target.field == target.field
                    && e.target.record == index
                    && e.target.item.is_some()
            });
            let label = label_span(target, focused, editing);
            super::whys::render(view, index, label, focused, frame, area);
        }
        Kind::Checklist => {
            let readiness = crate::app::publish::checklist(view, &state.config.ready);
            let (verdict, style) = super::checklist::verdict(&readiness);
            let level = view
                .incident
                .severity
                .unwrap_or(crate::model::Severity::Sev1);
            let hint = format!("{hint} · rules of {}", state.config.severities.short(level));
            let mut lines = vec![Line::from(vec![
                label_span(target, focused, false),
                Span::raw("  "),
                Span::styled(verdict, style),
                Span::styled(
                    super::ellipsize(&format!("  {hint}"), width.saturating_sub(LABEL + 16)),
                    THEME.dim,
                ),
            ])];
            lines.extend(super::checklist::lines(&readiness, width));
            frame.render_widget(Paragraph::new(lines), area);
        }
        Kind::Links => {
            let label = label_span(target, focused, false);
            let pad = LABEL.saturating_sub(label.content.chars().count());
            let mut lines = Vec::new();
            let items = super::annotations::link_lines(view, target, width);
            if items.is_empty() {
                lines.push(Line::from(vec![
                    label.clone(),
                    Span::raw(" ".repeat(pad + 1)),
                    Span::styled(
                        super::ellipsize(&format!("— {hint}"), width.saturating_sub(LABEL + 1)),
                        THEME.dim,
                    ),
                ]));
            }
            for (n, item) in items.into_iter().enumerate() {
                if n == 0 {
                    lines.push(Line::from(vec![
                        label.clone(),
                        Span::raw(" ".repeat(pad + 1)),
                        item,
                    ]));
                } else {
                    lines.push(Line::from(vec![Span::raw(" ".repeat(LABEL + 1)), item]));
                }
            }
            frame.render_widget(Paragraph::new(lines), area);
        }
        _ => {
            let value = match kind {
                Kind::Choice | Kind::Toggle => form::display_value(&view.incident, target),
                _ => current_text(view, target),
            };
            let label = label_span(target, focused, false);
            let flagged = view.lint.in_target(&view.incident, target);
            let flag = super::wording::mark(flagged.len());
            let used = label.content.chars().count()
                + flag.as_ref().map_or(0, |f| f.content.chars().count());
            let pad = LABEL.saturating_sub(used);
            let mut spans = vec![label];
            spans.extend(flag);
            spans.push(Span::raw(" ".repeat(pad + 1)));
            let room = width.saturating_sub(LABEL + 1);
            let note = super::annotations::field_note(view, state, target);
            if value.is_empty() {
                let (text, style) = match &note {
                    Some((note, style)) => (format!("{note}: {hint}"), *style),
                    None => (format!("— {hint}"), THEME.dim),
                };
                spans.push(Span::styled(super::ellipsize(&text, room), style));
            } else {
                let note = note.map(|(n, style)| (format!("  {n}"), style));
                let note_width = note.as_ref().map_or(0, |(n, _)| n.chars().count());
                let value_room = room.saturating_sub(note_width).max(room.min(12));
                let shown = super::ellipsize(&value, value_room);
                let styled = super::wording::lines(vec![shown], 0, &value, &flagged, THEME.text);
                spans.extend(styled.into_iter().flat_map(|l| l.spans));
                if let Some((note, style)) = note {
                    spans.push(Span::styled(note, style));
                }
            }
            let mut lines = vec![Line::from(spans)];
            if let Some(advice) = super::annotations::title_advice(view, target) {
                lines.push(Line::from(Span::styled(
                    super::ellipsize(&advice, width),
                    THEME.warn,
                )));
            }
            if let Some(inv) = invalid {
                lines.push(Line::from(Span::styled(
                    super::ellipsize(&format!("    ✗ {}", inv.error), width),
                    THEME.error,
                )));
            }
            frame.render_widget(Paragraph::new(lines), area);
        }
    }
}

fn draw_key_moments(
    view: &IncidentView,
    target: Target,
    focused: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let inc = &view.incident;
    let tz = zone(&inc.timezone);
    let mut lines = vec![Line::from(vec![
        label_span(target, focused, false),
        Span::styled("  from timeline entries (section 3)", THEME.dim),
    ])];
    let d = inc.durations();
    for m in Milestone::ALL {
        let when =
            crate::model::timeinput::format_milestone(inc, *m, &tz).unwrap_or_else(|| "—".into());
        let figure = match m {
            Milestone::Detected => format!("+{}", format_duration(d.detect)),
            Milestone::Mitigated => format!("+{}", format_duration(d.mitigate)),
            Milestone::Resolved => format!("+{}", format_duration(d.resolve)),
            _ => String::new(),
        };
        let figure = if figure == "+unknown" {
            String::new()
        } else {
            figure
        };
        lines.push(Line::from(vec![
            Span::styled(format!("    {:<16}", m.label()), THEME.dim),
            Span::raw(format!("{when:<18}")),
            Span::styled(figure, THEME.dim),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
