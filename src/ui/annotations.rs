//! What the analysis adds beside a record's fields: the factors an action addresses and the
//! actions that address a factor, one per line; warnings beside an action's owner, due date
//! and title.

use ratatui::text::Span;

use super::theme::THEME;
use crate::app::form::{self, Target};
use crate::app::state::{AppState, IncidentView};
use crate::model::Choice;

/// The lines of a links field after its label: one per linked factor (of an action) or
/// action (of a factor), id and short text; or a note when there are none.
pub(super) fn link_lines(view: &IncidentView, target: Target, width: usize) -> Vec<Span<'static>> {
    let inc = &view.incident;
    let room = width.saturating_sub(super::layout::LABEL + 1);
    let item = |id: &str, text: &str, extra: &str| {
        Span::raw(super::ellipsize(
            &format!("{id} {}{extra}", crate::analysis::short(text)),
            room,
        ))
    };
    match target {
        _ if target.field.def().record == Some(form::RecordKind::Action) => {
            let Some(action) = inc.actions.get(target.record) else {
                return Vec::new();
            };
            action
                .factors
                .iter()
                .map(|id| match inc.factors.iter().find(|f| f.id == *id) {
                    Some(f) => item(id, &f.description, ""),
                    None => Span::styled(format!("{id} (no such factor)"), THEME.error),
                })
                .collect()
        }
        _ if target.field.def().record == Some(form::RecordKind::Factor) => {
            let Some(factor) = inc.factors.get(target.record) else {
                return Vec::new();
            };
            let actions = crate::analysis::addressing_actions(inc, &factor.id);
            if actions.is_empty() {
                let note = if crate::analysis::is_addressed(inc, factor) {
                    if factor.no_action.trim().is_empty() {
                        Span::styled("— none needed", THEME.dim)
                    } else {
                        Span::styled("— none: the reason is below", THEME.dim)
                    }
                } else {
                    Span::styled(
                        super::ellipsize("⚠ no action: link one, or say below why none", room),
                        THEME.warn,
                    )
                };
                return vec![note];
            }
            actions
                .iter()
                .map(|a| {
                    let status = a.status_or_open();
                    let extra = match status {
                        crate::model::ActionStatus::Open => String::new(),
                        other => format!(" ({})", other.label()),
                    };
                    item(&a.id, &a.title, &extra)
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A warning beside an action's field: `OVERDUE` after a past due date, `⚠ no owner`,
/// `⚠ no due date`, `⚠ vague title` (see [`crate::analysis::action_problems`]).
pub(super) fn field_note(
    view: &IncidentView,
    state: &AppState,
    target: Target,
) -> Option<(String, ratatui::style::Style)> {
    use crate::analysis::ActionProblem;
    if target.field.def().record != Some(form::RecordKind::Action) {
        return None;
    }
    let key = target.field.def().key();
    let action = view.incident.actions.get(target.record)?;
    if key == "due" && action.is_overdue(state.today()) {
        return Some(("⚠ OVERDUE".into(), THEME.error));
    }
    crate::analysis::action_problems(action)
        .into_iter()
        .find_map(|p| match (&p, key) {
            (ActionProblem::NoOwner, "owner") | (ActionProblem::NoDueDate, "due") => {
                Some((format!("⚠ {}", p.label()), THEME.warn))
            }
            _ => None,
        })
}

/// Why an action's title reads as vague, for a line under the title.
pub(super) fn title_advice(view: &IncidentView, target: Target) -> Option<String> {
    if target.field != form::FieldId::named("actions[].title") {
        return None;
    }
    let action = view.incident.actions.get(target.record)?;
    if action.title.trim().is_empty() {
        return None;
    }
    crate::analysis::title_problem(&action.title).map(|why| format!("    ⚠ vague title: it {why}"))
}
