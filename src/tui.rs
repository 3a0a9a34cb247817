//! The runtime: terminal set-up and restore, the event loop, and the effects it performs.
//!
//! The loop takes its input from an [`EventSource`] and its time from a clock, so tests can
//! drive the real loop with scripted keys on a `TestBackend`.

use std::io;
use std::time::Duration;

use crossterm::event::{self, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use jiff::Timestamp;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, AppState, Effect, save, update};
use crate::guard::{self, Snapshot};
use crate::model::Moment;
use crate::model::id::{id_date, new_id};
use crate::storage::{Identity, IncidentLock, LockError, Probe, Store, differences};
use crate::{effects, ui};

pub use crate::terminal::terminal_problem;

/// Where terminal events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout` (forever when `None`); `Ok(None)` on time-out.
    ///
    /// # Errors
    /// When the terminal cannot be read.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;
}

/// Events from the real terminal.
pub struct CrosstermEvents;

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        match timeout {
            None => event::read().map(Some),
            Some(t) => {
                if event::poll(t)? {
                    event::read().map(Some)
                } else {
                    Ok(None)
                }
            }
        }
    }
}

/// Runs the terminal UI on `store` until the user quits.
///
/// The terminal is restored exactly once on every exit path: normal return, error, panic (the
/// hook also writes a recovery copy of unsaved changes) and every catchable terminating
/// signal ([`guard::EXIT_SIGNALS`]: a signal thread saves unsaved changes, or writes a
/// recovery copy, then exits).
///
/// # Errors
/// When the terminal cannot be set up or read, or the folder cannot be listed.
pub fn run(store: &Store) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let term = std::env::var("TERM").ok();
    if let Some(problem) = terminal_problem(
        io::stdin().is_terminal(),
        io::stdout().is_terminal(),
        term.as_deref(),
    ) {
        // Nothing was written to the terminal yet; the message goes to stderr alone.
        anyhow::bail!(problem);
    }
    store.remove_stale_temp_files(crate::storage::cleanup::STALE_AFTER);
    let snapshot = Snapshot::default();
    guard::install_panic_hook(store.clone(), snapshot.clone());
    guard::watch_signals(store.clone(), snapshot.clone())?;
    let setup = enable_raw_mode()
        .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste))
        .and_then(|()| {
            Terminal::with_options(
                CrosstermBackend::new(io::stdout()),
                TerminalOptions {
                    viewport: Viewport::Fullscreen,
                },
            )
        });
    let result = setup.map_err(anyhow::Error::from).and_then(|mut terminal| {
        let mut runtime = Runtime::new(store.clone()).with_snapshot(snapshot.clone());
        runtime.run_loop(
            &mut terminal,
            &mut CrosstermEvents,
            &Timestamp::now,
            &mut |s| snapshot.update(s),
        )
    });
    guard::restore_terminal();
    result
}

/// The earliest moment the loop must wake without input, or `None` to wait for input alone:
/// the open incident's save deadline (unless the tick at `last_tick` already ran for it), a
/// second after `last_tick` while an incident is open, and a running meeting clock's next
/// second.
pub fn next_deadline(state: &AppState, now: Timestamp, last_tick: Timestamp) -> Option<Timestamp> {
    let mut due: Option<Timestamp> = None;
    let mut consider = |t: Option<Timestamp>| {
        if let Some(t) = t {
            due = Some(due.map_or(t, |d| d.min(t)));
        }
    };
    if let Some(view) = state.incident() {
        consider(last_tick.checked_add(TICK).ok());
        consider(save::next_save_at(view).filter(|t| *t > last_tick));
    }
    let clock = crate::app::agenda::clock_wait(state)
        .and_then(|wait| jiff::SignedDuration::try_from(wait).ok())
        .and_then(|wait| now.checked_add(wait).ok());
    consider(clock);
    due
}

/// The time from `now` until `due`, zero when it has passed.
fn wait_until(now: Timestamp, due: Timestamp) -> Duration {
    Duration::try_from(due.duration_since(now)).unwrap_or(Duration::ZERO)
}

/// The periodic tick while an incident is open.
const TICK: jiff::SignedDuration = jiff::SignedDuration::from_secs(1);

/// Applies an action and performs the effects it asks for, feeding their results back,
/// without locks or outside-change checks (for tests of `update`).
pub fn dispatch(state: &mut AppState, store: &Store, action: Action) {
    Runtime::new(store.clone()).dispatch(state, action);
}

/// The I/O side of the program: the store, the lock on the open incident, and what the
/// incident file held when this program last read or wrote it.
pub struct Runtime {
    store: Store,
    lock: Option<(String, IncidentLock)>,
    known: Option<Identity>,
    /// Shares `known` with the signal thread, so a save on the way out is guarded too.
    snapshot: Option<Snapshot>,
    /// The open incident's file was deleted by another program: the user is being asked.
    gone: bool,
}

impl Runtime {
    /// A runtime on the incidents folder.
    pub fn new(store: Store) -> Runtime {
        Runtime {
            store,
            lock: None,
            known: None,
            snapshot: None,
            gone: false,
        }
    }

    /// Shares what the open file held when last read or written with `snapshot` (the signal
    /// thread's view), kept up to date after every action.
    pub fn with_snapshot(mut self, snapshot: Snapshot) -> Runtime {
        self.snapshot = Some(snapshot);
        self
    }

    fn share_known(&self) {
        if let Some(snapshot) = &self.snapshot {
            snapshot.set_known(self.known.as_ref());
        }
    }

    /// The event loop: draw when something changed, wait for input or the next deadline,
    /// update, perform effects.
    ///
    /// The deadlines are: the open incident's continuous save ([`save::next_save_at`]), a
    /// periodic tick each second while an incident is open (to notice outside changes to the
    /// file and keep "saved N s ago" true), and a running meeting clock's next second. The
    /// loop waits for input at most until the earliest of them and runs the tick once it has
    /// passed, whether the wait ended with a key or not: keys that never pause cannot put a
    /// save off. It redraws only when something shown changed.
    ///
    /// `observe` sees the state after every change (the crash snapshot).
    ///
    /// # Errors
    /// When drawing or reading input fails, or the folder cannot be listed.
    pub fn run_loop<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        events: &mut dyn EventSource,
        clock: &dyn Fn() -> Timestamp,
        observe: &mut dyn FnMut(&AppState),
    ) -> anyhow::Result<()>
    where
        B::Error: Send + Sync + 'static,
    {
        let now = clock();
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        let entries = self.store.list(today)?;
        let mut state = AppState::new(self.store.dir().to_path_buf(), entries, now);
        let mut redraw = true;
        let mut status = String::new();
        let mut last_tick = now;
        while !state.quit {
            if redraw {
                terminal.draw(|frame| ui::render(&state, frame))?;
                redraw = false;
            }
            let now = clock();
            let due = next_deadline(&state, now, last_tick);
            let timeout = due.map(|due| wait_until(now, due));
            let event = events.next(timeout)?;
            state.now = clock();
            let action = match event {
                Some(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                    Some(Action::Key(key))
                }
                Some(Event::Paste(text)) => Some(Action::Paste(text)),
                Some(Event::Resize(..)) => {
                    redraw = true;
                    None
                }
                _ => None,
            };
            if let Some(action) = action {
                self.dispatch(&mut state, action);
                observe(&state);
                redraw = true;
            }
            if due.is_some_and(|due| state.now >= due) {
                last_tick = state.now;
                let before = state.incident().map(|v| (v.saved_revision, v.revision));
                self.check_outside_change(&mut state);
                self.dispatch(&mut state, Action::Tick);
                observe(&state);
                let now_status = ui::live_text(&state);
                let after = state.incident().map(|v| (v.saved_revision, v.revision));
                if now_status != status || before != after || state.overlay.is_some() {
                    status = now_status;
                    redraw = true;
                }
            }
        }
        Ok(())
    }

    /// Applies an action and performs its effects, feeding their results back; releases the
    /// lock once no incident is open.
    pub fn dispatch(&mut self, state: &mut AppState, action: Action) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update(state, action) {
                queue.extend(self.perform(state.now, effect));
            }
        }
        let open = state.incident().map(|v| v.incident.id.as_str());
        if self.lock.as_ref().map(|(id, _)| id.as_str()) != open {
            self.lock = None;
        }
        if open.is_none() {
            self.known = None;
            self.gone = false;
        }
        self.share_known();
    }

    /// Notices a change to the open incident's file made by another program (its content
    /// differs from what this program last read or wrote) and reports it.
    pub fn check_outside_change(&mut self, state: &mut AppState) {
        let Some(view) = state.incident() else {
            return;
        };
        if view.read_only.is_some() || view.conflict.is_some() {
            return;
        }
        let id = view.incident.id.clone();
        let Some(known) = &self.known else {
            return;
        };
        match self.store.probe(&id, known) {
            Probe::Same(identity) => self.known = Some(identity),
            Probe::Changed(loaded, identity) => {
                if let Ok(loaded) = *loaded {
                    self.known = Some(identity);
                    self.dispatch(state, Action::ChangedOnDisk(Box::new(loaded.incident)));
                }
                // A file changed into one that does not parse is left as it is: saves stop
                // (they find the change) and say why, until it parses again.
            }
            Probe::Gone => {
                if !self.gone {
                    self.gone = true;
                    self.dispatch(state, Action::DeletedOnDisk);
                }
            }
            Probe::Unreadable(_) => {}
        }
        self.share_known();
    }

    /// Takes in what a save learnt about the open file: its new identity, whether it is gone.
    fn apply_file_news(&mut self, done: &effects::Done) {
        if let Some(known) = &done.known {
            self.known = Some(known.clone());
        }
        if let Some(gone) = done.gone {
            self.gone = gone;
        }
    }

    /// Performs one effect against the store and reports the results as actions.
    pub fn perform(&mut self, now: Timestamp, effect: Effect) -> Vec<Action> {
        let store = &self.store;
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        match effect {
            Effect::List => vec![Action::Listed(store.list(today).map_err(|e| e.to_string()))],
            Effect::Open(id) => self.open(&id),
            Effect::View { path, error } => vec![Action::Viewed {
                text: store.read_text(&path).map_err(|e| e.to_string()),
                path,
                error,
            }],
            Effect::Create(title) => {
                let incident = store.new_incident(&title, today, Moment::utc(now));
                let result = store.create(incident).map(|(_, incident, identity)| {
                    self.known = Some(identity);
                    self.lock = store
                        .lock(&incident.id)
                        .ok()
                        .map(|l| (incident.id.clone(), l));
                    incident
                });
                vec![Action::Created(result.map_err(|e| e.reason()))]
            }
            Effect::Save {
                incident,
                revision,
                announce,
            } => {
                let done = effects::save(store, self.known.as_ref(), &incident, revision, announce);
                self.apply_file_news(&done);
                done.actions
            }
            Effect::WriteBack { incident, revision } => {
                let done = effects::write_back(store, &incident, revision);
                self.apply_file_news(&done);
                done.actions
            }
            Effect::SaveCopy(mut incident) => {
                let date = id_date(&incident.id).unwrap_or(today);
                incident.id = new_id(date, &format!("{} copy", incident.title), |c| {
                    store.exists(c)
                });
                vec![Action::CopySaved(
                    store
                        .create(*incident)
                        .map(|(_, copy, _)| copy.id)
                        .map_err(|e| e.reason()),
                )]
            }
            Effect::DiscardRecovery(id) => vec![Action::RecoveryDiscarded(
                store.discard_recovery(&id).map_err(|e| e.to_string()),
            )],
            Effect::TrashIncident(id) => vec![Action::Trashed(effects::trash(store, &id))],
            Effect::TrashFile(path) => vec![Action::Trashed(effects::trash_file(store, &path))],
        }
    }

    /// Loads an incident for editing: takes its lock (or opens it read-only, naming the
    /// process that holds it) and offers a newer recovery copy.
    fn open(&mut self, id: &str) -> Vec<Action> {
        let mut loaded = match self.store.load_tracked(id) {
            Ok((loaded, identity)) => {
                self.known = Some(identity);
                loaded
            }
            Err(e) => return vec![Action::Opened(Err(e.to_string()))],
        };
        if loaded.read_only.is_none() {
            match self.store.lock(id) {
                Ok(lock) => self.lock = Some((id.to_string(), lock)),
                Err(e @ LockError::Held { .. }) => loaded.read_only = Some(e.to_string()),
                Err(e) => loaded.read_only = Some(format!("cannot take the editing lock: {e}")),
            }
        }
        let mut actions = Vec::new();
        if loaded.read_only.is_none()
            && let Some(recovery) = self.store.recovery_for(id)
        {
            let differences = differences(&loaded.incident, &recovery.incident);
            actions.push(Action::Recovered {
                incident: Box::new(recovery.incident),
                differences,
            });
        }
        actions.push(Action::Opened(Ok(loaded)));
        actions
    }
}
