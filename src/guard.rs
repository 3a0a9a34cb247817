//! Crash and hang-up safety: a shared snapshot of the open incident that a signal thread and
//! the panic hook can save on their own.
//!
//! Once the terminal is gone (window closed, ssh dropped), crossterm's `poll` can spin without
//! returning (crossterm issue 793), so a flag checked by the UI loop might never be seen. The
//! signal thread therefore saves from the snapshot itself, then exits.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// A copy of the open incident made elsewhere (for a save) at a revision, to share.
pub type SharedCopy<'a> = Option<(u64, &'a Arc<IncidentCopy>)>;

use crossterm::event::DisableBracketedPaste;
use crossterm::execute;
use crossterm::terminal::{LeaveAlternateScreen, disable_raw_mode};

use crate::app::AppState;
use crate::app::form::{self, Target};
use crate::editor::mirror::Mirror;
use crate::model::Incident;
use crate::storage::{Identity, SaveError, Store};
use crate::tui::copy::IncidentCopy;

/// The open incident as last seen by the event loop, with whether it holds unsaved changes.
#[derive(Clone, Default)]
pub struct Snapshot {
    inner: Arc<Mutex<Option<Pending>>>,
    known: Arc<Mutex<Option<Identity>>>,
    /// Held while a save writes the file and records what it wrote, so that a save on the
    /// way out (a signal) waits for it instead of taking this program's own save for another
    /// program's change.
    writing: Arc<Mutex<()>>,
}

#[derive(Clone)]
struct Pending {
    incident: Arc<IncidentCopy>,
    revision: u64,
    dirty: bool,
    /// Text being typed into a field, not yet stored in `incident`: a copy of the editor's
    /// lines that replays its changes (a key costs the changed line, not the whole text).
    editing: Option<(Target, Mirror)>,
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
    pub fn update_with(
        &self,
        state: &AppState,
        shared: SharedCopy<'_>,
    ) -> Option<Arc<IncidentCopy>> {
        let mut old = None;
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        match state.incident() {
            Some(view) if view.disk.read_only.is_none() => {
                let dirty = view.dirty() || view.cursor.editor.is_some();
                let editor = view.cursor.editor.as_ref();
                match guard.as_mut() {
                    // Nothing to save: the copy is not refreshed (nor dropped) until there is.
                    Some(p) if p.incident.id() == view.incident.id && !dirty => p.dirty = false,
                    _ if !dirty => old = guard.take().map(|p| p.incident),
                    Some(p)
                        if p.incident.id() == view.incident.id
                            && p.revision == view.save.revision =>
                    {
                        p.dirty = dirty;
                        match (editor, &mut p.editing) {
                            (Some(e), Some((target, mirror))) => {
                                *target = e.target;
                                mirror.sync(&e.textarea);
                            }
                            (editor, editing) => {
                                *editing = editor.map(|e| (e.target, Mirror::of(&e.textarea)));
                            }
                        }
                    }
                    _ => {
                        let incident = match shared {
                            Some((revision, copy))
                                if revision == view.save.revision
                                    && copy.id() == view.incident.id =>
                            {
                                Arc::clone(copy)
                            }
                            _ => Arc::new(IncidentCopy::owned(view.incident.clone())),
                        };
                        old = guard.take().map(|p| p.incident);
                        *guard = Some(Pending {
                            incident,
                            revision: view.save.revision,
                            dirty,
                            editing: editor.map(|e| (e.target, Mirror::of(&e.textarea))),
                        });
                    }
                }
            }
            _ => old = guard.take().map(|p| p.incident),
        }
        old
    }

    /// Holds off the signal thread's save until the returned guard is dropped: a save worker
    /// holds it while it writes the file and records the new identity ([`Snapshot::set_known`]).
    pub fn hold_writes(&self) -> std::sync::MutexGuard<'_, ()> {
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records what the open incident's file held when the program last read or wrote it,
    /// so that a save on the way out never writes over another program's change.
    pub fn set_known(&self, known: Option<&Identity>) {
        let mut guard = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if guard.as_ref() != known {
            *guard = known.cloned();
        }
    }

    fn known(&self) -> Option<Identity> {
        self.known
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The incident with the text being typed stored in it, if it has unsaved changes.
    fn unsaved(&self) -> Option<Incident> {
        let guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let pending = guard.as_ref().filter(|p| p.dirty)?;
        let mut incident = pending.incident.assemble();
        if let Some((target, mirror)) = &pending.editing {
            let text = mirror.text();
            let today = jiff::Timestamp::now()
                .to_zoned(jiff::tz::TimeZone::UTC)
                .date();
            // Text that cannot be stored (a half-typed time) leaves the old value.
            let _ = form::set_text(&mut incident, *target, &text, today);
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

/// The catchable signals whose default action ends the process: each saves unsaved changes
/// (or writes a recovery copy) before exiting with 128 + the signal. SIGKILL and SIGSTOP
/// cannot be caught; SIGSEGV, SIGBUS, SIGILL and SIGFPE mean the process itself is broken.
/// SIGPIPE is ignored by Rust programs, and SIGTSTP only suspends.
#[cfg(unix)]
pub const EXIT_SIGNALS: &[i32] = &[
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGPWR,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGSTKFLT,
    libc::SIGIO,
];

/// What became of unsaved changes on the way out.
#[derive(Debug)]
pub enum ExitSave {
    /// Written to the incident file.
    Saved(PathBuf),
    /// The incident could not be written (`reason`); a recovery copy is at `path`.
    Recovery {
        /// Where the copy is.
        path: PathBuf,
        /// Why the incident itself was not written.
        reason: String,
    },
    /// Nothing could be written anywhere.
    Lost(String),
}

impl ExitSave {
    /// A message for stderr, or `None` when the incident was simply saved.
    pub fn message(&self, title: &str) -> Option<String> {
        match self {
            ExitSave::Saved(_) => None,
            ExitSave::Recovery { path, reason } => Some(format!(
                "retro: \"{}\" could not be saved ({}); your unsaved changes are in {}",
                crate::sanitize::for_terminal(title),
                reason,
                path.display()
            )),
            ExitSave::Lost(reason) => Some(format!(
                "retro: \"{}\" could not be saved, nor a recovery copy written: {reason}",
                crate::sanitize::for_terminal(title)
            )),
        }
    }
}

/// Saves `incident` (only over the file `known` describes, see [`Store::save_guarded`]); when
/// that fails, writes a recovery copy beside it, else into the first of `fallbacks` that can
/// be written (see [`Store::write_recovery_in`]).
pub fn save_or_recover(
    store: &Store,
    incident: &Incident,
    known: Option<&Identity>,
    fallbacks: &[PathBuf],
) -> ExitSave {
    let reason = match store.save_guarded(incident, known) {
        Ok((path, _)) => return ExitSave::Saved(path),
        Err(SaveError::Changed) => "another program changed the file".to_string(),
        Err(e) => e.reason(),
    };
    recover(store, incident, reason, fallbacks)
}

fn recover(store: &Store, incident: &Incident, reason: String, fallbacks: &[PathBuf]) -> ExitSave {
    let mut last = match store.write_recovery(incident) {
        Ok(path) => return ExitSave::Recovery { path, reason },
        Err(e) => e.to_string(),
    };
    for folder in fallbacks {
        match store.write_recovery_in(folder, incident) {
            Ok(path) => return ExitSave::Recovery { path, reason },
            Err(e) => last = e.to_string(),
        }
    }
    ExitSave::Lost(format!("{reason}; {last}"))
}

/// Where recovery copies go when the incidents folder cannot be written, in order:
/// `$RETRO_CACHE_DIR/recovery`, the user's cache folder (`~/.cache/retro/recovery` on
/// Linux), and `retro-recovery-<uid>` in the temporary folder.
pub fn fallback_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(root) = std::env::var_os("RETRO_CACHE_DIR").filter(|v| !v.is_empty()) {
        dirs.push(Path::new(&root).join("recovery"));
    }
    if let Some(project) = directories::ProjectDirs::from("", "", "retro") {
        dirs.push(project.cache_dir().join("recovery"));
    }
    #[cfg(unix)]
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() }.to_string();
    #[cfg(not(unix))]
    let user = String::from("user");
    dirs.push(std::env::temp_dir().join(format!("retro-recovery-{user}")));
    dirs
}

/// Starts a thread that, on any of [`EXIT_SIGNALS`], saves the snapshot's unsaved changes to
/// the incident file (atomically, never over another program's change) or, failing that,
/// writes a recovery copy (see [`save_or_recover`]); then restores the terminal, says where
/// the copy is, and exits with 128 + the signal.
///
/// # Errors
/// When the signal handlers cannot be registered.
pub fn watch_signals(store: Store, snapshot: Snapshot) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(EXIT_SIGNALS)?;
    std::thread::Builder::new()
        .name("retro-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let outcome = snapshot.unsaved().map(|incident| {
                    // A save being written finishes (and records what it wrote) first.
                    let _writes = snapshot.hold_writes();
                    let known = snapshot.known();
                    let outcome =
                        save_or_recover(&store, &incident, known.as_ref(), &fallback_dirs());
                    (incident, outcome)
                });
                restore_terminal();
                if let Some((incident, o)) = &outcome
                    && let Some(message) = o.message(&incident.title)
                {
                    eprintln!("{message}");
                    if matches!(o, ExitSave::Lost(_)) {
                        print_last_resort(incident);
                    }
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// When nothing could be written anywhere: the incident as TOML on stderr, the last place
/// the text can still be copied from (control characters escaped).
fn print_last_resort(incident: &Incident) {
    if let Ok(text) = crate::model::codec::to_toml_string(incident) {
        eprintln!(
            "retro: here is the incident as it was, to copy by hand:\n{}",
            crate::sanitize::for_terminal(&text)
        );
    }
}

/// Installs a panic hook that restores the terminal and writes the snapshot's unsaved
/// changes to a recovery file beside the incident (never over it), or into a fallback
/// folder when the incidents folder cannot be written, saying where.
pub fn install_panic_hook(store: Store, snapshot: Snapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        if let Some(incident) = snapshot.unsaved() {
            let reason = "retro stopped unexpectedly".to_string();
            match recover(&store, &incident, reason, &fallback_dirs()) {
                ExitSave::Recovery { path, .. } => eprintln!(
                    "retro stopped unexpectedly. Your unsaved changes are in {}; \
                     open the incident again to restore them.",
                    path.display()
                ),
                ExitSave::Lost(e) => {
                    eprintln!("retro stopped unexpectedly and could not save a recovery copy: {e}");
                    print_last_resort(&incident);
                }
                ExitSave::Saved(_) => {}
            }
        }
        previous(info);
    }));
}
