//! Contributing factors beyond plain records: the whys chain (each answer edited on its own,
//! `w` adds a deeper one), the list / fishbone / by-effect views (`v`), and linking a factor to
//! the follow-up actions that address it.

use super::focus::{focused_target, start_editor};
use super::form::{FieldId, Kind, RecordKind, Target};

/// A factor's chain of whys.
const WHYS: FieldId = FieldId::named("factors[].whys");
use super::state::{AppState, Confirmed, FactorView, IncidentView, Overlay, Picker, RecordForm};
use crate::analysis::{by_category, by_effect, short};

/// The order factors are shown in by `view`: the file's order for the list, category by
/// category for the fishbone, effect by effect for the by-effect view. Moving the selection
/// follows this order, so `↓` goes to the factor drawn next.
pub fn display_order(view: &IncidentView) -> Vec<usize> {
    let inc = &view.incident;
    match view.cursor.factor_view {
        FactorView::List => (0..inc.factors.len()).collect(),
        FactorView::Fishbone => by_category(inc).into_iter().flat_map(|(_, v)| v).collect(),
        FactorView::ByEffect => by_effect(inc).into_iter().flat_map(|(_, v)| v).collect(),
    }
}

/// Moves the factor selection by `delta` places in display order (clamped to the ends).
pub fn step_factor(view: &mut IncidentView, delta: isize) {
    let order = display_order(view);
    let Some(last) = order.len().checked_sub(1) else {
        return;
    };
    let selected = view.selected(RecordKind::Factor);
    let pos = order.iter().position(|i| *i == selected).unwrap_or(0);
    let new = pos.saturating_add_signed(delta).min(last);
    view.select(RecordKind::Factor, order[new]);
}

/// True when the selection can still move that way in display order (else focus moves on).
pub fn can_step_factor(view: &IncidentView, forward: bool) -> bool {
    let order = display_order(view);
    let selected = view.selected(RecordKind::Factor);
    match order.iter().position(|i| *i == selected) {
        Some(pos) if forward => pos + 1 < order.len(),
        Some(pos) => pos > 0,
        None => !order.is_empty(),
    }
}

/// `v`: the next view of the factors, jumping to section 4 when elsewhere.
pub fn cycle_view(state: &mut AppState) {
    let Some(view) = incident_view(state) else {
        return;
    };
    if view.cursor.section != crate::model::Section::Factors || view.cursor.record.is_some() {
        view.cursor.section = crate::model::Section::Factors;
        view.cursor.record = None;
        view.cursor.focus = 0;
    } else {
        view.cursor.factor_view = view.cursor.factor_view.next();
    }
    let name = view.cursor.factor_view.name();
    state.info(format!(
        "factors: {name} (v shows list, fishbone, by effect)"
    ));
}

/// The index of the factor `w` and the chain keys act on: the open factor, or the selected
/// one of the factors list.
fn current_factor(view: &IncidentView) -> Option<usize> {
    match view.cursor.record {
        Some(form) if form.kind == RecordKind::Factor => Some(form.index),
        Some(_) => None,
        None if view.cursor.section == crate::model::Section::Factors
            && !view.incident.factors.is_empty() =>
        {
            Some(view.selected(RecordKind::Factor))
        }
        None => None,
    }
}

fn whys_focus() -> usize {
    RecordKind::Factor
        .fields()
        .position(|f| f == WHYS)
        .unwrap_or(0)
}

/// `w`: adds a deeper "why?" at the end of the factor's chain and starts editing it, opening
/// the factor when only its row was selected.
pub fn add_why(state: &mut AppState) {
    let Some(view) = incident_view(state) else {
        return;
    };
    let Some(index) = current_factor(view) else {
        state.info("w adds a \"why?\" to a contributing factor: select or open one in section 4");
        return;
    };
    let Some(factor) = view.incident.factors.get_mut(index) else {
        return;
    };
    // An empty answer left at the end is reused rather than stacked.
    if factor.whys.last().is_none_or(|w| !w.trim().is_empty()) {
        factor.whys.push(String::new());
        view.save.revision += 1;
    }
    let n = factor.whys.len() - 1;
    view.select(RecordKind::Factor, index);
    view.cursor.record = Some(RecordForm {
        kind: RecordKind::Factor,
        index,
        focus: whys_focus(),
        adding: false,
    });
    view.cursor.why = n;
    start_editor(view, Target::record(WHYS, index).item(n));
}

/// True when the open record's focused field is a whys chain.
pub fn on_chain(view: &IncidentView) -> bool {
    focused_target(view).is_some_and(|t| t.kind() == Kind::Chain)
}

/// Moves the selected answer of the chain; false when it is already at that end (focus then
/// moves to the next or previous field).
pub fn step_why(view: &mut IncidentView, forward: bool) -> bool {
    let len = current_factor(view)
        .and_then(|i| view.incident.factors.get(i))
        .map_or(0, |f| f.whys.len());
    if forward && view.cursor.why + 1 < len {
        view.cursor.why += 1;
        true
    } else if !forward && view.cursor.why > 0 && len > 0 {
        view.cursor.why = view.cursor.why.min(len) - 1;
        true
    } else {
        false
    }
}

/// After focus moved onto a chain: select its first answer coming down, its last coming up.
pub fn entered_chain(view: &mut IncidentView, forward: bool) {
    let len = current_factor(view)
        .and_then(|i| view.incident.factors.get(i))
        .map_or(0, |f| f.whys.len());
    view.cursor.why = if forward { 0 } else { len.saturating_sub(1) };
}

/// Enter on the chain: edits the selected answer, or starts the first one.
pub fn edit_why(state: &mut AppState) {
    let Some(view) = incident_view(state) else {
        return;
    };
    let Some(index) = current_factor(view) else {
        return;
    };
    let len = view.incident.factors.get(index).map_or(0, |f| f.whys.len());
    if len == 0 {
        add_why(state);
        return;
    }
    view.cursor.why = view.cursor.why.min(len - 1);
    let target = Target::record(WHYS, index).item(view.cursor.why);
    start_editor(view, target);
}

/// `x` on the chain: asks before deleting the selected answer.
pub fn ask_delete_why(state: &mut AppState) {
    let Some(view) = incident_view(state) else {
        return;
    };
    let Some(index) = current_factor(view) else {
        return;
    };
    let Some(factor) = view.incident.factors.get(index) else {
        return;
    };
    let Some(answer) = factor.whys.get(view.cursor.why) else {
        state.info("No \"why?\" to delete: w adds one");
        return;
    };
    let mut text: String = answer.chars().take(40).collect();
    if text.len() < answer.len() {
        text.push('…');
    }
    let question = format!(
        "Delete why {} of {}, \"{text}\"?",
        view.cursor.why + 1,
        factor.id
    );
    let on_yes = Confirmed::DeleteWhy(index, view.cursor.why);
    state.ask(question, on_yes, None);
}

/// Deletes answer `n` of factor `index`'s chain (after confirmation).
pub fn delete_why(state: &mut AppState, index: usize, n: usize) {
    let Some(view) = incident_view(state) else {
        return;
    };
    let Some(factor) = view.incident.factors.get_mut(index) else {
        return;
    };
    if n < factor.whys.len() {
        factor.whys.remove(n);
        view.save.revision += 1;
        view.cursor.why = n.min(factor.whys.len().saturating_sub(1));
        state.info("why deleted");
    }
}

/// When the editor of answer `n` of factor `index` closes: an answer left empty is dropped.
pub fn drop_empty_why(view: &mut IncidentView, target: Target) {
    if target.field == WHYS
        && let Some(n) = target.item
        && let Some(factor) = view.incident.factors.get_mut(target.record)
        && factor.whys.get(n).is_some_and(|w| w.trim().is_empty())
    {
        factor.whys.remove(n);
        view.save.revision += 1;
        view.cursor.why = n.min(factor.whys.len().saturating_sub(1));
    }
}

/// Enter on a factor's "Addressed by": a list of the actions to tick.
pub fn links_picker(state: &mut AppState, target: Target) {
    let Some(view) = incident_view(state) else {
        return;
    };
    if target.field.def().record != Some(RecordKind::Factor) {
        return;
    }
    let index = target.record;
    let Some(factor) = view.incident.factors.get(index) else {
        return;
    };
    if factor.id.is_empty() {
        state.error("This factor has no id, so actions cannot refer to it");
        return;
    }
    if view.incident.actions.is_empty() {
        state.info(
            "No follow-up actions yet: add one in section 6, or say below why none is needed",
        );
        return;
    }
    let id = factor.id.clone();
    let options = view
        .incident
        .actions
        .iter()
        .map(|a| format!("{} {}", a.id, short(&a.title)))
        .collect();
    let ticked = view
        .incident
        .actions
        .iter()
        .map(|a| a.factors.contains(&id))
        .collect();
    state.overlay = Some(Overlay::Picker(Picker {
        target,
        options,
        selected: 0,
        ticked: Some(ticked),
        typed: String::new(),
    }));
}

/// Applies the ticks of the "Addressed by" picker: each ticked action links the factor, each
/// unticked one no longer does. Returns true when anything changed.
pub fn set_addressed_by(view: &mut IncidentView, index: usize, ticked: &[bool]) -> bool {
    let Some(id) = view.incident.factors.get(index).map(|f| f.id.clone()) else {
        return false;
    };
    let mut changed = false;
    for (action, tick) in view.incident.actions.iter_mut().zip(ticked) {
        let has = action.factors.contains(&id);
        if *tick && !has {
            action.factors.push(id.clone());
            changed = true;
        } else if !*tick && has {
            action.factors.retain(|f| *f != id);
            changed = true;
        }
    }
    if changed {
        view.save.revision += 1;
    }
    changed
}

fn incident_view(state: &mut AppState) -> Option<&mut IncidentView> {
    match &mut state.screen {
        super::state::Screen::Incident(view) => Some(view),
        _ => None,
    }
}
