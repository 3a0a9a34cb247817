//! The runtime: terminal set-up and restore, the event loop, and the effects it performs.
//!
//! The loop takes its input from an [`EventSource`] and its time from a clock, so tests can
//! drive the real loop with scripted keys on a `TestBackend`.

use std::io;
use std::time::{Duration, SystemTime};

use crossterm::event::{self, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use jiff::Timestamp;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, AppState, Effect, update};
use crate::guard::{self, Snapshot};
use crate::model::Moment;
use crate::model::id::{id_date, new_id};
use crate::storage::{IncidentLock, LockError, Store, differences};
use crate::ui;

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
/// hook also writes a recovery copy of unsaved changes) and SIGTERM/SIGHUP/SIGINT (a signal
/// thread saves unsaved changes, then exits).
///
/// # Errors
/// When the terminal cannot be set up or read, or the folder cannot be listed.
pub fn run(store: &Store) -> anyhow::Result<()> {
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
        let mut runtime = Runtime::new(store.clone());
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

/// Applies an action and performs the effects it asks for, feeding their results back,
/// without locks or outside-change checks (for tests of `update`).
pub fn dispatch(state: &mut AppState, store: &Store, action: Action) {
    Runtime::new(store.clone()).dispatch(state, action);
}

/// The I/O side of the program: the store, the lock on the open incident, and what the
/// incident file looked like when this program last read or wrote it.
pub struct Runtime {
    store: Store,
    lock: Option<(String, IncidentLock)>,
    known_mtime: Option<SystemTime>,
    /// An import being read on its own thread (only in the live loop; tests read at once).
    import: Option<crate::app::import_io::Background>,
    background: bool,
}

impl Runtime {
    /// A runtime on the incidents folder.
    pub fn new(store: Store) -> Runtime {
        Runtime {
            store,
            lock: None,
            known_mtime: None,
            import: None,
            background: false,
        }
    }

    /// The event loop: draw when something changed, block for input, update, perform
    /// effects. While an incident is open it wakes every second (every 250 ms with unsaved
    /// changes) to save after typing pauses, to notice outside changes to the file, and to
    /// keep "saved N s ago" true; while a meeting clock is shown it also wakes as the clock's
    /// next second begins. It redraws only when something shown changed.
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
        self.background = true;
        while !state.quit {
            if redraw {
                terminal.draw(|frame| ui::render(&state, frame))?;
                redraw = false;
            }
            let timeout = state.incident().map(|view| {
                if view.unsaved_since.is_some() {
                    Duration::from_millis(250)
                } else {
                    Duration::from_secs(1)
                }
            });
            // A running meeting clock wakes the loop as its next second begins, in place of
            // the plain one-second wake (the quicker wake for unsaved changes stays).
            let timeout = match (timeout, crate::app::agenda::clock_wait(&state)) {
                (Some(a), Some(b)) if a < Duration::from_secs(1) => Some(a.min(b)),
                (_, Some(b)) => Some(b),
                (a, None) => a,
            };
            // A background import wakes the loop to show its progress and result.
            let timeout = match (&self.import, timeout) {
                (Some(_), Some(t)) => Some(t.min(Duration::from_millis(100))),
                (Some(_), None) => Some(Duration::from_millis(100)),
                (None, t) => t,
            };
            let event = events.next(timeout)?;
            state.now = clock();
            if let Some(reply) = self.import.as_mut().and_then(|b| b.poll()) {
                if !matches!(reply, crate::app::import_io::Reply::Progress(..)) {
                    self.import = None;
                }
                self.dispatch(&mut state, Action::Import(reply));
                observe(&state);
                redraw = true;
            }
            let action = match event {
                Some(Event::Key(key)) if key.kind != KeyEventKind::Release => Action::Key(key),
                Some(Event::Paste(text)) => Action::Paste(text),
                Some(Event::Resize(..)) => {
                    redraw = true;
                    continue;
                }
                Some(_) => continue,
                None => {
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
                    continue;
                }
            };
            self.dispatch(&mut state, action);
            observe(&state);
            redraw = true;
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
            self.known_mtime = None;
        }
    }

    /// Notices a change to the open incident's file made by another program (its
    /// modification time moved without this program writing it) and reports it.
    pub fn check_outside_change(&mut self, state: &mut AppState) {
        let Some(view) = state.incident() else {
            return;
        };
        if view.read_only.is_some() || view.conflict.is_some() {
            return;
        }
        let id = view.incident.id.clone();
        let mtime = self.store.modified(&id);
        if mtime.is_none() || mtime == self.known_mtime {
            return;
        }
        self.known_mtime = mtime;
        if let Ok(loaded) = self.store.load(&id) {
            self.dispatch(state, Action::ChangedOnDisk(Box::new(loaded.incident)));
        }
    }

    /// Performs one effect against the store and reports the results as actions.
    pub fn perform(&mut self, now: Timestamp, effect: Effect) -> Vec<Action> {
        let store = &self.store;
        let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
        match effect {
            Effect::Import(crate::app::import_io::Request::Cancel) => {
                if let Some(reading) = self.import.take() {
                    reading.cancel();
                }
                Vec::new()
            }
            Effect::Import(request @ crate::app::import_io::Request::Read { .. })
                if self.background =>
            {
                self.import = Some(crate::app::import_io::Background::start(request));
                Vec::new()
            }
            Effect::Import(request) => {
                vec![Action::Import(crate::app::import_io::perform(request))]
            }
            Effect::List => vec![Action::Listed(store.list(today).map_err(|e| e.to_string()))],
            Effect::Open(id) => self.open(&id),
            Effect::View { path, error } => vec![Action::Viewed {
                text: store.read_text(&path).map_err(|e| e.to_string()),
                path,
                error,
            }],
            Effect::Create(title) => {
                let incident = store.new_incident(&title, today, Moment::utc(now));
                let lock = store.lock(&incident.id).ok();
                let result = store.save(&incident);
                self.known_mtime = store.modified(&incident.id);
                self.lock = lock.map(|l| (incident.id.clone(), l));
                vec![Action::Created(
                    result.map(|_| incident).map_err(|e| e.reason()),
                )]
            }
            Effect::Save {
                incident,
                revision,
                announce,
            } => {
                // Never write over a change another program made since we last looked.
                let on_disk = store.modified(&incident.id);
                if self.known_mtime.is_some()
                    && on_disk.is_some()
                    && on_disk != self.known_mtime
                    && let Ok(theirs) = store.load(&incident.id)
                {
                    self.known_mtime = on_disk;
                    return vec![Action::ChangedOnDisk(Box::new(theirs.incident))];
                }
                let result = store.save(&incident).map_err(|e| e.reason());
                if result.is_ok() {
                    self.known_mtime = store.modified(&incident.id);
                }
                vec![Action::Saved {
                    revision,
                    announce,
                    result,
                }]
            }
            Effect::SaveCopy(mut incident) => {
                let date = id_date(&incident.id).unwrap_or(today);
                incident.id = new_id(date, &format!("{} copy", incident.title), |c| {
                    store.exists(c)
                });
                vec![Action::CopySaved(
                    store
                        .save(&incident)
                        .map(|_| incident.id.clone())
                        .map_err(|e| e.reason()),
                )]
            }
            Effect::DiscardRecovery(id) => vec![Action::RecoveryDiscarded(
                store.discard_recovery(&id).map_err(|e| e.to_string()),
            )],
            Effect::TrashIncident(id) => {
                vec![Action::Trashed(store.trash(&id).map_err(|e| e.to_string()))]
            }
            Effect::TrashFile(path) => vec![Action::Trashed(
                store.trash_path(&path).map_err(|e| e.to_string()),
            )],
        }
    }

    /// Loads an incident for editing: takes its lock (or opens it read-only, naming the
    /// process that holds it) and offers a newer recovery copy.
    fn open(&mut self, id: &str) -> Vec<Action> {
        let mut loaded = match self.store.load(id) {
            Ok(loaded) => loaded,
            Err(e) => return vec![Action::Opened(Err(e.to_string()))],
        };
        self.known_mtime = self.store.modified(id);
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
