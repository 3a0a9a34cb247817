//! The keys of the wording notes on the open incident: `i` switches the first focused
//! finding's rule off for its field (saved in `[lint.ignore]`), `I` switches the checks on
//! again; and which findings are in what has focus.

use super::focus::focused_target;
use super::form::{Kind, Target};
use super::lint::{Linted, ignore_key, path_of};
use super::messages::Job;
use super::state::{AppState, IncidentView, Screen};
use crate::lint::stable_path;

/// True when a finding shown in `target` is in what has focus: the focused field, or the
/// selected record when a list has focus.
pub fn is_focused(view: &IncidentView, target: Option<Target>) -> bool {
    let Some(target) = target else {
        return false;
    };
    match focused_target(view) {
        Some(focused) if view.cursor.record.is_none() => match focused.kind() {
            Kind::Records(kind) => {
                target.field.def().record == Some(kind) && target.record == view.selected(kind)
            }
            _ => target == focused,
        },
        Some(focused) => target == focused.whole(),
        None => false,
    }
}

/// `i`: switches off the first focused finding's rule for its field, in `[lint.ignore]`.
pub fn ignore_focused(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if let Some(reason) = &view.disk.read_only {
        let message = format!("read-only: {reason}");
        state.error(message);
        return Vec::new();
    }
    let Some(finding) = view
        .lint
        .with_targets()
        .find(|(_, t)| is_focused(view, *t))
        .map(|(f, _)| f.clone())
    else {
        state.info("No wording notes on the focused field");
        return Vec::new();
    };
    let key = ignore_key(&view.incident, &finding.field);
    let rules = view.incident.lint.ignore.entry(key.clone()).or_default();
    if !rules.iter().any(|r| r == finding.rule.id()) {
        rules.push(finding.rule.id().to_string());
    }
    view.save.revision += 1;
    state.info(format!(
        "{} off here · I undoes · saved as {key} in [lint.ignore]",
        finding.rule
    ));
    Vec::new()
}

/// `I`: removes the ignores that cover the focused field (or the selected record).
pub fn unignore_focused(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if let Some(reason) = &view.disk.read_only {
        let message = format!("read-only: {reason}");
        state.error(message);
        return Vec::new();
    }
    let bases = focused_paths(view);
    let incident = &view.incident;
    let forms: Vec<String> = bases
        .iter()
        .flat_map(|b| [b.clone(), stable_path(incident, b)])
        .collect();
    let removed: Vec<String> = incident
        .lint
        .ignore
        .keys()
        .filter(|k| {
            k.trim() != "*"
                && forms
                    .iter()
                    .any(|p| crate::lint::covers(k, p) || crate::lint::covers(p, k))
        })
        .cloned()
        .collect();
    if removed.is_empty() {
        state.info("Nothing is switched off here");
        return Vec::new();
    }
    for key in &removed {
        view.incident.lint.ignore.remove(key);
    }
    view.save.revision += 1;
    state.info(format!(
        "wording checks are on again for {}",
        removed.join(", ")
    ));
    Vec::new()
}

/// Paths (0-based, without list item) of what has focus: one field, or a record's fields.
fn focused_paths(view: &IncidentView) -> Vec<String> {
    let target = match focused_target(view) {
        Some(focused) if view.cursor.record.is_none() => match focused.kind() {
            Kind::Records(kind) => {
                let i = view.selected(kind);
                return kind
                    .fields()
                    .filter_map(|f| path_of(Target::record(f, i)))
                    .collect();
            }
            _ => focused,
        },
        Some(t) => t,
        None => return Vec::new(),
    };
    path_of(target).into_iter().collect()
}

/// Shows findings computed elsewhere, if they are for the open incident and not older than
/// what is shown.
pub fn install(state: &mut AppState, linted: Linted) {
    if let Screen::Incident(view) = &mut state.screen
        && view.incident.id == linted.id
    {
        let findings = state.config.lint.apply(&view.incident, linted.findings);
        view.lint.show(linted.request, linted.revision, findings);
    }
}
