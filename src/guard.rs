//! Crash and hang-up safety: a shared snapshot of the open incident that a signal thread and
//! the panic hook can save on their own.
//!
//! Once the terminal is gone (window closed, ssh dropped), crossterm's `poll` can spin without
//! returning (crossterm issue 793), so a flag checked by the UI loop might never be seen. The
//! signal thread therefore saves from the snapshot itself, then exits.

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

/// A copy of the open incident made elsewhere (for a save) at a revision, to share.
pub type SharedCopy<'a> = Option<(u64, &'a Arc<Incident>)>;

use crossterm::event::DisableBracketedPaste;
use crossterm::execute;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};

use crate::app::AppState;
use crate::app::form::{self, Target};
use crate::model::Incident;
use crate::storage::Store;

/// The open incident as last seen by the event loop, with whether it holds unsaved changes.
#[derive(Clone, Default)]
pub struct Snapshot {
    inner: Arc<Mutex<Option<Pending>>>,
}

#[derive(Clone)]
struct Pending {
    incident: Arc<Incident>,
    revision: u64,
    dirty: bool,
    /// Text being typed into a field, not yet stored in `incident`.
    editing: Option<(Target, String)>,
    /// The editor's change count when `editing` was copied (a copy is made only when the
    /// text changed, not on every event).
    editing_changes: Option<(u64, u64)>,
}

impl Snapshot {
    /// Refreshes the snapshot from the state; clones the incident only when its revision
    /// moved, and copies the text being typed only when the editor's change count moved.
    pub fn update(&self, state: &AppState) {
        drop(self.update_with(state, None));
    }

    /// [`Snapshot::update`], taking the incident from `shared` when that copy is of the
    /// current revision (no copy is made then). Returns the copy it stopped holding, for the
    /// caller to drop where that costs nothing.
    pub fn update_with(&self, state: &AppState, shared: SharedCopy<'_>) -> Option<Arc<Incident>> {
        let mut old = None;
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        match state.incident() {
            Some(view) if view.read_only.is_none() => {
                let dirty = view.dirty() || view.editor.is_some();
                let editor = view.editor.as_ref();
                let changes = editor.map(|e| e.textarea.version());
                let fresh = |p: &Pending| p.editing_changes == changes;
                match guard.as_mut() {
                    // Nothing to save: the copy is not refreshed (nor dropped) until there is.
                    Some(p) if p.incident.id == view.incident.id && !dirty => p.dirty = false,
                    _ if !dirty => old = guard.take().map(|p| p.incident),
                    Some(p) if p.incident.id == view.incident.id && p.revision == view.revision => {
                        p.dirty = dirty;
                        if !fresh(p) {
                            p.editing = editor.map(|e| (e.target, e.textarea.text()));
                            p.editing_changes = changes;
                        }
                    }
                    _ => {
                        let incident = match shared {
                            Some((revision, copy))
                                if revision == view.revision && copy.id == view.incident.id =>
                            {
                                Arc::clone(copy)
                            }
                            _ => Arc::new(view.incident.clone()),
                        };
                        old = guard.take().map(|p| p.incident);
                        *guard = Some(Pending {
                            incident,
                            revision: view.revision,
                            dirty,
                            editing: editor.map(|e| (e.target, e.textarea.text())),
                            editing_changes: changes,
                        });
                    }
                }
            }
            _ => old = guard.take().map(|p| p.incident),
        }
        old
    }

    /// The incident with the text being typed stored in it, if it has unsaved changes.
    fn unsaved(&self) -> Option<Incident> {
        let guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let pending = guard.as_ref().filter(|p| p.dirty)?;
        let mut incident = (*pending.incident).clone();
        if let Some((target, text)) = &pending.editing {
            let today = jiff::Timestamp::now()
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date();
            // Text that cannot be stored (a half-typed time) leaves the old value.
            let _ = form::set_text(&mut incident, *target, text, today);
        }
        Some(incident)
    }
}

/// Puts the terminal back: bracketed paste off, alternate screen left, raw mode off. Errors
/// are ignored: the terminal may already be gone.
pub fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Starts a thread that, on SIGTERM, SIGHUP or SIGINT, saves the snapshot's unsaved changes
/// to the incident file (atomically), restores the terminal and exits with 128 + the signal.
///
/// # Errors
/// When the signal handlers cannot be registered.
pub fn watch_signals(store: Store, snapshot: Snapshot) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("retro-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let saved = snapshot.unsaved().map(|incident| store.save(&incident));
                restore_terminal();
                if let Some(Err(e)) = saved {
                    eprintln!("retro: could not save on exit: {e}");
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Installs a panic hook that restores the terminal and writes the snapshot's unsaved
/// changes to a recovery file beside the incident (never over it), saying where.
pub fn install_panic_hook(store: Store, snapshot: Snapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        if let Some(incident) = snapshot.unsaved() {
            match store.write_recovery(&incident) {
                Ok(path) => eprintln!(
                    "retro stopped unexpectedly. Your unsaved changes are in {}; \
                     open the incident again to restore them.",
                    path.display()
                ),
                Err(e) => {
                    eprintln!("retro stopped unexpectedly and could not save a recovery copy: {e}")
                }
            }
        }
        previous(info);
    }));
}
