//! When the open incident is written: continuously (debounced), when leaving a field, a
//! section or the incident, on Ctrl-S, and on the way out. A failed save keeps everything in
//! memory, says why, and is retried; nothing is discarded without the user's say-so.

use jiff::{SignedDuration, Timestamp};

use super::messages::Job;
use super::state::{AfterSave, AppState, Confirmed, IncidentView, Overlay, Screen};
use crate::model::Moment;

/// Quiet time after the last keystroke before a continuous save.
pub const QUIET: SignedDuration = SignedDuration::from_millis(1000);
/// Longest a change may wait while typing goes on without a pause (README.md's promise for
/// steady typing; `scripts/kill-typing.py` measures it on the real binary).
pub const MAX_UNSAVED: SignedDuration = SignedDuration::from_secs(2);
/// Wait between retries after a failed save.
pub const RETRY: SignedDuration = SignedDuration::from_secs(2);

/// Notes that the user changed something at `now` (typing counts before it is stored).
pub fn touched(view: &mut IncidentView, now: Timestamp) {
    view.save.typed_at = Some(now);
    view.save.unsaved_since.get_or_insert(now);
}

fn save_effect(view: &mut IncidentView, now: Timestamp, announce: bool) -> Option<Job> {
    if view.disk.read_only.is_some() || !view.dirty() || view.disk.conflict.is_some() {
        return None;
    }
    view.incident.updated_at = Some(Moment::utc(now));
    view.save.last_attempt = Some(now);
    Some(Job::Save {
        revision: view.save.revision,
        announce,
    })
}

/// The save to do after leaving a field, a record or a section, if anything changed.
pub fn save_now(state: &mut AppState) -> Vec<Job> {
    super::focus::commit_editor(state);
    let now = state.now;
    match &mut state.screen {
        Screen::Incident(view) => save_effect(view, now, false).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// When the continuous save of the open incident is next due: the earlier of [`QUIET`] after
/// the last keystroke and [`MAX_UNSAVED`] after the first unsaved change, but not before
/// [`RETRY`] after a failed attempt. `None` when nothing waits to be saved. The event loop
/// wakes at this moment whatever input does, so steady typing cannot put the save off.
pub fn next_save_at(view: &IncidentView) -> Option<Timestamp> {
    if view.disk.read_only.is_some() || view.disk.conflict.is_some() {
        return None;
    }
    let since = view.save.unsaved_since?;
    let overdue = since.checked_add(MAX_UNSAVED).ok()?;
    let due = match view.save.typed_at.and_then(|t| t.checked_add(QUIET).ok()) {
        Some(quiet) => quiet.min(overdue),
        None => since,
    };
    let retry = view
        .save
        .save_error
        .as_ref()
        .and(view.save.last_attempt)
        .and_then(|t| t.checked_add(RETRY).ok());
    Some(match retry {
        Some(retry) => due.max(retry),
        None => due,
    })
}

/// On a timer tick: store what is being typed and save once typing pauses (or has gone on
/// too long), retrying a failed save every [`RETRY`].
pub fn autosave(state: &mut AppState) -> Vec<Job> {
    let now = state.now;
    let Some(view) = state.incident() else {
        return Vec::new();
    };
    if view.disk.read_only.is_some() {
        return Vec::new();
    }
    let Some(since) = view.save.unsaved_since else {
        return Vec::new();
    };
    let quiet = view
        .save
        .typed_at
        .is_none_or(|t| now.duration_since(t) >= QUIET);
    let overdue = now.duration_since(since) >= MAX_UNSAVED;
    let waiting_retry = view.save.save_error.is_some()
        && view
            .save
            .last_attempt
            .is_some_and(|t| now.duration_since(t) < RETRY);
    if !(quiet || overdue) || waiting_retry {
        return Vec::new();
    }
    super::focus::commit_editor(state);
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if !view.dirty() {
        view.save.unsaved_since = None;
        return Vec::new();
    }
    save_effect(view, now, false).into_iter().collect()
}

/// Saves now (Ctrl-S), saying so in the status bar.
pub fn save(state: &mut AppState) -> Vec<Job> {
    super::focus::commit_editor(state);
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if let Some(reason) = &view.disk.read_only {
        let message = format!("not saved: read-only ({reason})");
        state.error(message);
        return Vec::new();
    }
    match save_effect(view, now, true) {
        Some(effect) => vec![effect],
        None => {
            state.info("✓ saved: nothing new to write");
            Vec::new()
        }
    }
}

/// Saves if needed, then leaves or quits once the save has succeeded.
pub fn save_then(state: &mut AppState, after: AfterSave) -> Vec<Job> {
    super::focus::commit_editor(state);
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return finish(state, after);
    };
    match save_effect(view, now, false) {
        Some(effect) => {
            view.save.after_save = Some(after);
            vec![effect]
        }
        None if view.dirty() => {
            // Read-only views are never dirty; this is only reachable if that changes.
            finish(state, after)
        }
        None => finish(state, after),
    }
}

fn finish(state: &mut AppState, after: AfterSave) -> Vec<Job> {
    match after {
        AfterSave::Leave => {
            state.screen = Screen::Home;
            vec![Job::List]
        }
        AfterSave::Quit => {
            state.quit = true;
            Vec::new()
        }
    }
}

/// Back to the list: saves first; asks only if the save fails.
pub fn leave(state: &mut AppState) -> Vec<Job> {
    save_then(state, AfterSave::Leave)
}

/// Quits: saves the open incident first; asks only if the save fails.
pub fn quit(state: &mut AppState) -> Vec<Job> {
    if state.incident().is_some() {
        save_then(state, AfterSave::Quit)
    } else {
        state.quit = true;
        Vec::new()
    }
}

/// Records the outcome of a save.
pub fn saved(
    state: &mut AppState,
    revision: u64,
    announce: bool,
    result: Result<std::path::PathBuf, String>,
) -> Vec<Job> {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    match result {
        Ok(path) => {
            view.save.saved_revision = view.save.saved_revision.max(revision);
            view.save.saved_at = Some(now);
            let recovered = view.save.save_error.take().is_some();
            // The failure's message is no longer true: the status line says "saved" at once.
            if recovered
                && state
                    .message
                    .as_ref()
                    .is_some_and(|m| m.error && m.text.starts_with("not saved:"))
            {
                state.message = None;
            }
            let Screen::Incident(view) = &mut state.screen else {
                return Vec::new();
            };
            if !view.dirty() {
                view.save.unsaved_since = None;
            }
            let after = if view.dirty() {
                None
            } else {
                view.save.after_save.take()
            };
            let mut effects = Vec::new();
            if std::mem::take(&mut view.disk.recovery_restored) {
                effects.push(Job::DiscardRecovery(view.incident.id.clone()));
            }
            let invalid = view.invalid_count();
            if invalid > 0 {
                let message = format!(
                    "saved; {invalid} field(s) hold text that could not be stored (marked ✗)"
                );
                state.error(message);
            } else if announce {
                state.info(format!("saved {}", path.display()));
            }
            if let Some(after) = after {
                effects.extend(finish(state, after));
            }
            effects
        }
        Err(e) => {
            view.save.save_error = Some(e.clone());
            let after = view.save.after_save.take();
            let title = view.incident.title.clone();
            match after {
                Some(after) => {
                    let (on_yes, what) = match after {
                        AfterSave::Leave => (Confirmed::DiscardAndLeave, "Leave"),
                        AfterSave::Quit => (Confirmed::DiscardAndQuit, "Quit"),
                    };
                    state.ask(format!(
                            "\"{title}\" could not be saved: {e}. {what} anyway and lose the unsaved changes?"
                        ),
                        on_yes,
                        None,
                    );
                }
                None => state.error(format!("not saved: {e}; retrying (your text is safe here)")),
            }
            Vec::new()
        }
    }
}

/// Another program changed the open incident's file. Without local changes the new version
/// is shown at once; with local changes the user chooses, and nothing is overwritten meanwhile.
pub fn changed_on_disk(state: &mut AppState, theirs: Box<crate::model::Incident>) -> Vec<Job> {
    super::focus::commit_editor(state);
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    if view.incident.id != theirs.id || *theirs == view.incident {
        return Vec::new();
    }
    if !view.dirty() && view.cursor.editor.is_none() {
        view.incident = *theirs;
        // Another text is shown: what was laid out or kept for the old one is forgotten.
        view.save.revision += 1;
        view.save.saved_revision = view.save.revision;
        view.cursor.record = None;
        state.info("the file changed on disk and was reloaded");
        return Vec::new();
    }
    view.disk.conflict = Some(theirs);
    state.ask(
        "Another program changed this incident's file while you had unsaved changes. \
                   y: keep both (yours is saved as a copy, the file's version is shown); \
                   n: show the file's version and drop your changes.",
        Confirmed::KeepBoth,
        Some(Confirmed::ReloadTheirs),
    );
    Vec::new()
}

/// Another program deleted (or moved away) the open incident's file. Nothing is written
/// until the user decides: write it back from what is on screen, or close it.
pub fn deleted_on_disk(state: &mut AppState) -> Vec<Job> {
    super::focus::commit_editor(state);
    let Screen::Incident(view) = &state.screen else {
        return Vec::new();
    };
    if matches!(
        &state.overlay,
        Some(Overlay::Confirm {
            on_yes: Confirmed::RestoreDeleted,
            ..
        })
    ) {
        return Vec::new();
    }
    let title = view.incident.title.clone();
    state.ask(
        format!(
            "The file of \"{title}\" was deleted or moved away by another program. \
             y: write it back from what is shown here; n: close it and leave it deleted."
        ),
        Confirmed::RestoreDeleted,
        Some(Confirmed::CloseDeleted),
    );
    Vec::new()
}

/// Writes a deleted incident back from memory.
pub fn restore_deleted(state: &mut AppState) -> Vec<Job> {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    view.incident.updated_at = Some(Moment::utc(now));
    view.save.last_attempt = Some(now);
    vec![Job::WriteBack {
        incident: Box::new(view.incident.clone()),
        revision: view.save.revision,
    }]
}

/// Closes a deleted incident without writing it.
pub fn close_deleted(state: &mut AppState) -> Vec<Job> {
    state.screen = Screen::Home;
    state.info("closed; the incident stays deleted");
    vec![Job::List]
}

fn show_theirs(view: &mut IncidentView) -> Option<crate::model::Incident> {
    let theirs = view.disk.conflict.take()?;
    let mine = std::mem::replace(&mut view.incident, *theirs);
    view.cursor.editor = None;
    view.cursor.record = None;
    view.save.revision += 1;
    view.save.saved_revision = view.save.revision;
    view.save.unsaved_since = None;
    Some(mine)
}

/// Saves the user's version as a copy and shows the outside version.
pub fn keep_both(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    match show_theirs(view) {
        Some(mine) => vec![Job::SaveCopy(Box::new(mine))],
        None => Vec::new(),
    }
}

/// Shows the outside version, dropping the unsaved changes.
pub fn reload_theirs(state: &mut AppState) -> Vec<Job> {
    if let Screen::Incident(view) = &mut state.screen {
        show_theirs(view);
    }
    state.info("showing the file's version");
    Vec::new()
}

/// Replaces the incident with its recovery copy, saves it, then removes the copy.
pub fn restore_recovery(state: &mut AppState) -> Vec<Job> {
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let Some(recovered) = view.disk.recovery.take() else {
        return Vec::new();
    };
    view.incident = *recovered;
    view.save.revision += 1;
    view.disk.recovery_restored = true;
    touched(view, now);
    save_effect(view, now, true).into_iter().collect()
}
