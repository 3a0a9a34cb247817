//! The runtime's file effects that must never write over someone else's work: a save guarded
//! by the content last read or written, writing a deleted incident back, and moving a file
//! to the trash only when no other retro is editing it. Each returns the actions to feed
//! back and what it learnt about the open file, so the event loop (or a save worker) can
//! call it without sharing the runtime.
//!
//! The terminal's own effects live beside: [`console`] (the terminal, injected),
//! [`clipboard`] (OSC 52), [`export`] (the export overlay's files) and [`handover`] (a long
//! text in `$VISUAL`/`$EDITOR`).

pub mod clipboard;
pub mod console;
pub mod export;
pub mod handover;

use std::path::{Path, PathBuf};

use crate::app::Msg;
use crate::model::Incident;
use crate::storage::{Identity, IncidentLock, LockError, SaveError, Store};

/// The outcome of a file effect.
#[derive(Debug)]
pub struct Done {
    /// What to feed back to `update`.
    pub actions: Vec<Msg>,
    /// The open file's identity now, when the effect learnt it (after a write or a re-read).
    pub known: Option<Identity>,
    /// Whether the open file is now known to be gone (`Some(true)`) or back (`Some(false)`).
    pub gone: Option<bool>,
}

/// Saves `incident` unless its file no longer holds what `known` describes: then the other
/// program's version is handed back ([`Msg::ChangedOnDisk`]), or the deletion is
/// reported ([`Msg::DeletedOnDisk`]); nothing is written over either.
pub fn save(
    store: &Store,
    known: Option<&Identity>,
    incident: &Incident,
    revision: u64,
    announce: bool,
) -> Done {
    let mut done = Done {
        actions: Vec::new(),
        known: None,
        gone: None,
    };
    let result = match store.save_guarded(incident, known) {
        Ok((path, identity)) => {
            done.known = Some(identity);
            Ok(path)
        }
        Err(SaveError::Changed) => match changed(store, incident, &mut done) {
            Ok(()) => return done,
            Err(reason) => Err(reason),
        },
        Err(SaveError::Gone) => {
            done.gone = Some(true);
            done.actions.push(Msg::DeletedOnDisk);
            return done;
        }
        Err(e) => Err(e.reason()),
    };
    done.actions.push(Msg::Saved {
        revision,
        announce,
        result,
    });
    done
}

/// Writes a deleted incident back from memory, unless a file has appeared there meanwhile.
pub fn write_back(store: &Store, incident: &Incident, revision: u64) -> Done {
    let mut done = Done {
        actions: Vec::new(),
        known: None,
        gone: None,
    };
    let result = match store.write_back(incident) {
        Ok((path, identity)) => {
            done.known = Some(identity);
            done.gone = Some(false);
            Ok(path)
        }
        Err(SaveError::Changed) => {
            done.gone = Some(false);
            match changed(store, incident, &mut done) {
                Ok(()) => return done,
                Err(reason) => Err(reason),
            }
        }
        Err(e) => Err(e.reason()),
    };
    done.actions.push(Msg::Saved {
        revision,
        announce: true,
        result,
    });
    done
}

/// The file holds another program's version: hand it back (`Ok`), or say why it cannot be
/// read.
fn changed(store: &Store, incident: &Incident, done: &mut Done) -> Result<(), String> {
    match store.load_tracked(&incident.id) {
        Ok((theirs, identity)) => {
            done.known = Some(identity);
            done.actions
                .push(Msg::ChangedOnDisk(Box::new(theirs.incident)));
            Ok(())
        }
        Err(e) => Err(format!(
            "another program changed the file and it cannot be read now ({})",
            e.reason()
        )),
    }
}

/// Moves incident `id` to the trash, unless another retro is editing it (that process
/// would write it back).
///
/// # Errors
/// Why not, for the status line.
pub fn trash(store: &Store, id: &str) -> Result<PathBuf, String> {
    let _lock = not_edited_elsewhere(store, id)?;
    store.trash(id).map_err(|e| e.to_string())
}

/// Moves any file of the folder to the trash, with the same care as [`trash`] when its name
/// is an incident id.
///
/// # Errors
/// Why not, for the status line.
pub fn trash_file(store: &Store, path: &Path) -> Result<PathBuf, String> {
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let _lock = not_edited_elsewhere(store, id)?;
    store.trash_path(path).map_err(|e| e.to_string())
}

/// Who edits the incident `id`, when another process holds its lock: the text to show
/// (`being edited by another retro (pid … on …)`). `None` when nobody does, or when no lock
/// can be taken at all (the deletion then says what is wrong).
pub fn edited_elsewhere(store: &Store, id: &str) -> Option<String> {
    match store.lock(id) {
        Err(e @ LockError::Held { .. }) => Some(e.to_string()),
        Ok(_) | Err(_) => None,
    }
}

/// Takes the editing lock of `id` for the time of a deletion. Returns the lock (if it could
/// be taken), or why the incident must not be deleted.
fn not_edited_elsewhere(store: &Store, id: &str) -> Result<Option<IncidentLock>, String> {
    match store.lock(id) {
        Ok(lock) => Ok(Some(lock)),
        Err(e @ LockError::Held { .. }) => Err(format!("{e}; not deleted")),
        // No lock possible (a read-only folder, a bad name): the move says what is wrong.
        Err(_) => Ok(None),
    }
}
