//! Key moments set from a timeline row with one key each: `1` impact started, `2` detected,
//! `3` declared, `4` mitigated, `5` resolved. The key of the moment the row already has
//! clears it; a moment held by another entry moves to this one (one entry per moment).

use super::form::{self, FieldId, Kind, RecordKind, Target, section_fields};
use super::state::{AppState, IncidentView, Screen};
use crate::model::{Choice, Milestone, Section};

/// A timeline entry's key moment.
const MILESTONE: FieldId = FieldId::named("timeline[].milestone");

/// True when a timeline row is selected in the list with no record open and nothing being
/// edited: where the moment keys apply.
pub fn on_timeline_row(view: &IncidentView) -> bool {
    view.cursor.section == Section::Timeline
        && view.cursor.record.is_none()
        && view.cursor.editor.is_none()
        && !view.incident.timeline.is_empty()
        && section_fields(view.cursor.section)
            .nth(view.cursor.focus)
            .is_some_and(|f| f.def().kind == Kind::Records(RecordKind::Timeline))
}

/// Sets key moment `n` (1–5, in [`Milestone::ALL`] order) on the selected timeline entry, or
/// clears it when the entry already has it.
pub fn set_on_selected(state: &mut AppState, n: u8) {
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    if let Some(reason) = &view.disk.read_only {
        let reason = format!("read-only: {reason}");
        state.error(reason);
        return;
    }
    let Some(milestone) = usize::from(n)
        .checked_sub(1)
        .and_then(|i| Milestone::ALL.get(i))
        .copied()
    else {
        return;
    };
    let index = view.selected(RecordKind::Timeline);
    let Some(entry) = view.incident.timeline.get(index) else {
        return;
    };
    let target = Target::record(MILESTONE, index);
    let message = if entry.milestone == Some(milestone) {
        form::set_choice(&mut view.incident, target, 0);
        format!("key moment \"{}\" cleared", milestone.label())
    } else {
        let moved = view
            .incident
            .timeline
            .iter()
            .enumerate()
            .any(|(i, e)| i != index && e.milestone == Some(milestone));
        form::set_choice(&mut view.incident, target, milestone.index() + 1);
        if moved {
            format!(
                "key moment \"{}\" moved to this entry ({n} again clears it)",
                milestone.label()
            )
        } else {
            format!("marked \"{}\" ({n} again clears it)", milestone.label())
        }
    };
    view.save.revision += 1;
    state.info(message);
}
