//! Readiness to publish: `p` shows the checklist in the overview, and setting the status to
//! published asks first when the checklist is not all ticked.

use super::form::{Kind, section_fields};
use super::state::{AppState, Confirmed, IncidentView, Screen};
use crate::analysis::{Readiness, ReadinessRules, readiness};
use crate::model::{IncidentStatus, Section};

/// The readiness checklist of the open incident (lint findings included), from the view's
/// lint cache, which `update` keeps current: drawing it does not lint again.
/// `rules` are the configuration's readiness rules per severity.
pub fn checklist(view: &IncidentView, rules: &ReadinessRules) -> Readiness {
    readiness(&view.incident, view.lint.findings().len(), rules)
}

/// `p`: the overview, focused on the readiness checklist.
pub fn show_readiness(view: &mut IncidentView) {
    view.cursor.section = Section::Overview;
    view.cursor.record = None;
    view.cursor.focus = section_fields(Section::Overview)
        .position(|f| f.def().kind == Kind::Checklist)
        .unwrap_or(0);
}

/// The status picker chose `status`. Publishing an incident that is not ready asks first,
/// listing what is missing; anything else is set at once. Returns true when the status was
/// set (or was already that).
pub fn choose_status(state: &mut AppState, status: IncidentStatus) -> bool {
    let config = std::sync::Arc::clone(&state.config);
    let Screen::Incident(view) = &mut state.screen else {
        return false;
    };
    if view.incident.status == Some(status) {
        return true;
    }
    if status == IncidentStatus::Published {
        let check = checklist(view, &config.ready);
        if !check.is_ready() {
            let mut question = String::from("Not ready to publish:\n");
            for item in check.missing() {
                question.push_str(&format!("✗ {} — {}\n", item.label, item.detail));
            }
            question.push_str("Publish anyway?");
            state.ask(question, Confirmed::Publish, None);
            return false;
        }
        set_published(view);
        state.info("published: every item of the checklist is ticked");
        return true;
    }
    view.incident.status = Some(status);
    view.save.revision += 1;
    true
}

fn set_published(view: &mut IncidentView) {
    view.incident.status = Some(IncidentStatus::Published);
    view.save.revision += 1;
}

/// Publishes after the user confirmed despite the open items.
pub fn publish_anyway(state: &mut AppState) {
    if let Screen::Incident(view) = &mut state.screen {
        set_published(view);
        state.info("published, with items of the checklist still open");
    }
}
