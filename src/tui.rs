//! The runtime: terminal set-up and restore, the event loop, and the effects it performs.
//!
//! The loop takes its input from an [`EventSource`] and its time from a clock, so tests can
//! drive the real loop with scripted keys on a `TestBackend`. Saving and linting run on
//! worker threads ([`workers`]); all pending input is applied before one frame is drawn.

pub mod backend;
pub mod copy;
pub mod own_writes;
pub mod settings;
pub mod watcher;
pub mod workers;

pub use settings::Settings;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use jiff::Timestamp;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{AppState, Job, Msg, save, update};
use crate::guard::{self, Snapshot};
use crate::model::Moment;
use crate::model::id::{id_date, new_id};
use crate::storage::{Identity, IncidentLock, LockError, Probe, Store, differences};
use crate::{effects, ui};

pub use crate::terminal::terminal_problem;

/// Where terminal events come from.
pub trait EventSource {
    /// The next event, waiting at most `timeout` (forever when `None`); `Ok(None)` on time-out
    /// (or when woken, see [`EventSource::waker`]).
    ///
    /// # Errors
    /// When the terminal cannot be read.
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>>;

    /// An event that has already arrived, without waiting; the loop applies all of them
    /// before it draws. The default has none (every event is its own frame).
    ///
    /// # Errors
    /// When the terminal cannot be read.
    fn pending(&mut self) -> io::Result<Option<Event>> {
        Ok(None)
    }

    /// Something that makes a waiting [`EventSource::next`] return `Ok(None)` soon, so
    /// results of background work are shown without delay. Without one (the default) the
    /// loop waits for outstanding background work before it waits for input.
    fn waker(&self) -> Option<workers::Waker> {
        None
    }

    /// Told before each wait whether background work is outstanding (a source with a waker
    /// may need to look for it more often then). The default ignores it.
    fn background(&mut self, busy: bool) {
        let _ = busy;
    }
}

/// Events from the real terminal, read on the loop's own thread (a key costs no hand-over
/// between threads). While background work is outstanding it polls in short slices, so a
/// [`workers::Waker`] call is noticed within a few milliseconds.
pub struct CrosstermEvents {
    woken: Arc<AtomicBool>,
    busy: bool,
    resized: backend::Resized,
}

/// How long a poll waits at most while background work is outstanding.
const SLICE: Duration = Duration::from_millis(4);

impl CrosstermEvents {
    /// Reads the terminal.
    ///
    /// # Errors
    /// None today; kept so that setting up input can fail without changing callers.
    pub fn start() -> io::Result<CrosstermEvents> {
        Ok(CrosstermEvents {
            woken: Arc::new(AtomicBool::new(false)),
            busy: false,
            resized: backend::Resized::default(),
        })
    }

    /// What this source tells a [`backend::SizedBackend`] when it reads a resize event.
    pub fn resized(&self) -> backend::Resized {
        self.resized.clone()
    }

    /// Reads the event that is waiting, noting a resize.
    fn read(&self) -> io::Result<Event> {
        let event = event::read()?;
        if matches!(event, Event::Resize(..)) {
            self.resized.mark();
        }
        Ok(event)
    }
}

impl EventSource for CrosstermEvents {
    fn next(&mut self, timeout: Option<Duration>) -> io::Result<Option<Event>> {
        let deadline = timeout.map(|t| Instant::now() + t);
        loop {
            if self.woken.swap(false, Ordering::AcqRel) {
                return Ok(None);
            }
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if left == Some(Duration::ZERO) {
                return Ok(None);
            }
            let wait = match (left, self.busy) {
                (left, true) => Some(left.map_or(SLICE, |l| l.min(SLICE))),
                (left, false) => left,
            };
            match wait {
                None => return self.read().map(Some),
                Some(w) => {
                    if event::poll(w)? {
                        return self.read().map(Some);
                    }
                }
            }
        }
    }

    fn pending(&mut self) -> io::Result<Option<Event>> {
        if event::poll(Duration::ZERO)? {
            self.read().map(Some)
        } else {
            Ok(None)
        }
    }

    fn waker(&self) -> Option<workers::Waker> {
        let woken = Arc::clone(&self.woken);
        Some(Arc::new(move || woken.store(true, Ordering::Release)))
    }

    fn background(&mut self, busy: bool) {
        self.busy = busy;
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
/// When there is no terminal, when the terminal cannot be set up or read, or the folder
/// cannot be listed.
pub fn run(store: &Store, settings: Settings) -> anyhow::Result<()> {
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
    let mut events = CrosstermEvents::start()?;
    let resized = events.resized();
    let setup = enable_raw_mode()
        .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste))
        .and_then(|()| {
            Terminal::with_options(
                backend::SizedBackend::new(CrosstermBackend::new(io::stdout()), resized),
                TerminalOptions {
                    viewport: Viewport::Fullscreen,
                },
            )
        });
    let result = setup.map_err(anyhow::Error::from).and_then(|mut terminal| {
        let mut runtime = Runtime::new(store.clone())
            .with_snapshot(snapshot.clone())
            .with_settings(settings)
            .with_outside(effects::console::Outside::from_env());
        // A folder that cannot be watched at all is still looked at on the tick.
        if let Ok(watcher) =
            watcher::Watcher::start(store.dir().to_path_buf(), events.waker(), false)
        {
            runtime = runtime.with_watcher(watcher);
        }
        runtime.run_loop(&mut terminal, &mut events, &Timestamp::now, &mut |_| {})
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
pub fn dispatch(state: &mut AppState, store: &Store, action: Msg) {
    Runtime::new(store.clone()).dispatch(state, action);
}

/// The I/O side of the program: the store, the lock on the open incident, and what the
/// incident file looked like when this program last read or wrote it.
pub struct Runtime {
    store: Store,
    lock: Option<(String, IncidentLock)>,
    /// What the open incident's file held when this program last read or wrote it.
    known: Option<Identity>,
    /// The open incident's file was deleted by another program: the user is being asked.
    gone: bool,
    /// The save and lint threads, while the event loop runs (without them, as in tests of
    /// `dispatch`, saves and lint happen in place).
    workers: Option<workers::Workers>,
    /// The last copy made of the open incident (for a save, the lint or the crash snapshot),
    /// with the revision it holds: shared while the revision holds, and the base the next
    /// copy shares unchanged timeline entries with (see [`copy`]).
    copy: Option<(u64, Arc<copy::IncidentCopy>)>,
    /// The crash snapshot, refreshed after each frame (see [`Runtime::with_snapshot`]).
    snapshot: Option<Snapshot>,
    /// An import being read on its own thread (only in the live loop; tests read at once).
    import: Option<crate::app::import_io::Background>,
    /// True in the live loop: slow reads (imports) go to a thread of their own.
    background: bool,
    /// The configuration handed to the state when the loop starts.
    settings: Settings,
    /// The terminal besides drawing (clipboard, hand-over to an editor), tmux, the editor.
    outside: effects::console::Outside,
    /// The terminal was handed to another program: the next frame redraws every cell.
    repaint: bool,
    /// News of other programs' changes to the folder, while the event loop runs.
    watcher: Option<watcher::Watcher>,
    /// What this program itself wrote or removed, so that its own writes are not news.
    own: own_writes::OwnWrites,
}

/// Longest wait for input while the folder is watched: news sent while the terminal is
/// being waited on is looked at within this time (a waker cuts it short while background
/// work is outstanding).
const WATCH_WAKE: Duration = Duration::from_millis(200);

/// Most events applied before a frame is drawn, so a flood of input still shows progress.
const BATCH: usize = 4096;

impl Runtime {
    /// A runtime on the incidents folder.
    pub fn new(store: Store) -> Runtime {
        Runtime {
            store,
            lock: None,
            known: None,
            gone: false,
            workers: None,
            copy: None,
            snapshot: None,
            import: None,
            background: false,
            settings: Settings::default(),
            outside: effects::console::Outside::detached(),
            repaint: false,
            watcher: None,
            own: own_writes::OwnWrites::default(),
        }
    }

    /// The same runtime, told of other programs' changes to the folder by `watcher` while its
    /// event loop runs (see [`watcher`]).
    pub fn with_watcher(mut self, watcher: watcher::Watcher) -> Runtime {
        self.watcher = Some(watcher);
        self
    }

    /// The same runtime giving the state `settings` (the configuration) when the loop starts.
    pub fn with_settings(mut self, settings: Settings) -> Runtime {
        self.settings = settings;
        self
    }

    /// The same runtime writing to, and handing over, `outside`'s terminal (the real one in
    /// [`run`]; a recorder in tests) and running its editor.
    pub fn with_outside(mut self, outside: effects::console::Outside) -> Runtime {
        self.outside = outside;
        self
    }

    /// The same runtime keeping `snapshot` up to date from the event loop, sharing the copies
    /// it makes for saves.
    pub fn with_snapshot(mut self, snapshot: Snapshot) -> Runtime {
        self.snapshot = Some(snapshot);
        self
    }

    /// Shares what the open file held when last read or written with the signal thread, so
    /// that a save on the way out is guarded too.
    fn share_known(&self) {
        if let Some(snapshot) = &self.snapshot {
            snapshot.set_known(self.known.as_ref());
        }
    }

    /// Refreshes the crash snapshot (if any) from the state, handing it a copy of the
    /// current revision when there are unsaved changes (made against the last copy, so it
    /// costs the changed entries only).
    fn refresh_snapshot(&mut self, state: &mut AppState) {
        if self.snapshot.is_none() {
            return;
        }
        if let crate::app::state::Screen::Incident(view) = &mut state.screen
            && view.disk.read_only.is_none()
            && (view.dirty() || view.cursor.editor.is_some())
        {
            self.copy_of(view, false);
        }
        let Some(snapshot) = &self.snapshot else {
            return;
        };
        let shared = self.copy.as_ref().map(|(r, c)| (*r, c));
        let old = snapshot.update_with(state, shared);
        if let (Some(old), Some(w)) = (old, self.workers.as_ref()) {
            w.discard(old);
        }
    }

    /// A copy of the open incident at its revision: the last one while the revision holds
    /// (unless `fresh`: a save copies what is there now, whatever the revision says), else a
    /// new one sharing the last one's unchanged timeline entries.
    fn copy_of(
        &mut self,
        view: &mut crate::app::state::IncidentView,
        fresh: bool,
    ) -> Arc<copy::IncidentCopy> {
        let revision = view.save.revision;
        if !fresh
            && let Some((r, c)) = &self.copy
            && *r == revision
            && c.id() == view.incident.id
        {
            return Arc::clone(c);
        }
        let base = self.copy.as_ref().map(|(_, c)| c.as_ref());
        let made = Arc::new(copy::IncidentCopy::of(&mut view.incident, base));
        if let Some((_, old)) = self.copy.replace((revision, Arc::clone(&made))) {
            self.discard(old);
        }
        made
    }

    /// Lets the save thread free a copy nobody here needs any more.
    fn discard(&self, copy: Arc<copy::IncidentCopy>) {
        match self.workers.as_ref() {
            Some(w) => w.discard(copy),
            None => drop(copy),
        }
    }

    /// Writes the open incident (a [`Job::Save`]): a copy for the save worker in the live
    /// loop, else in place.
    fn save_open(&mut self, state: &mut AppState, revision: u64, announce: bool) -> Vec<Msg> {
        let crate::app::state::Screen::Incident(view) = &mut state.screen else {
            return Vec::new();
        };
        if self.workers.is_some() {
            let incident = self.copy_of(view, true);
            let known = self.known.clone();
            if let Some(w) = self.workers.as_mut() {
                w.save(workers::SaveJob {
                    incident,
                    revision,
                    announce,
                    known,
                });
            }
            return Vec::new();
        }
        let done = effects::save(
            &self.store,
            self.known.as_ref(),
            &view.incident,
            revision,
            announce,
        );
        self.apply_file_news(&done);
        done.actions
    }

    /// The event loop: draw when something changed, block for input, update (every event
    /// already waiting, then one frame), perform effects. While an incident is open it wakes
    /// every second (every 250 ms with unsaved changes) to save after typing pauses, to notice
    /// outside changes to the file, and to keep "saved N s ago" true; while a meeting clock is
    /// shown it also wakes as the clock's next second begins. It redraws only when something
    /// shown changed. Saves and lint run on worker threads; their results are applied as they
    /// arrive.
    ///
    /// `observe` sees the state after every batch of changes (the crash snapshot).
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
        let waker = events.waker();
        let can_wake = waker.is_some();
        self.workers = Some(workers::Workers::start(
            self.store.clone(),
            waker,
            self.snapshot.clone(),
        )?);
        let now = clock();
        let today = crate::model::timeinput::local_date(now);
        let entries = self.store.list(today)?;
        let mut state = AppState::new(self.store.dir().to_path_buf(), entries, now);
        self.settings.apply(&mut state);
        // The lint worker lints; the loop only asks.
        state.lint_elsewhere = true;
        let mut redraw = true;
        let mut status = String::new();
        let mut last_tick = now;
        self.background = true;
        // The crash snapshot is refreshed before the frame is drawn (it costs the changed
        // lines only): what the screen shows, a signal's save holds.
        let mut changed = false;
        // A tick that came due while keys were being applied runs once their frame is drawn:
        // a key is on screen before the save it coincided with is copied and handed over.
        let mut tick_after_frame = false;
        let result = (|| -> anyhow::Result<()> {
            while !state.quit {
                if !self.workers.as_ref().is_none_or(workers::Workers::alive) {
                    // The panic hook has written a recovery copy of unsaved changes.
                    anyhow::bail!("a background thread of retro stopped unexpectedly");
                }
                if self.collect(&mut state) {
                    changed = true;
                    redraw = true;
                }
                if let Some(news) = self.folder_news() {
                    // Keys that reached the terminal before the news are meant for what was on
                    // screen then: they are applied first, so a question the news raises only
                    // gets the keys pressed once it is drawn.
                    changed |= self.apply_pending(&mut state, events, clock, &mut redraw)?;
                    state.now = clock();
                    self.dispatch(&mut state, Msg::Folder(news));
                    changed = true;
                    redraw = true;
                }
                if state.quit {
                    break;
                }
                self.request_lint(&mut state);
                if std::mem::take(&mut self.repaint) {
                    // Back from another program, on a cleared screen: forget the last frame
                    // so the next one is drawn whole. (`Terminal::clear` would ask the
                    // terminal for the cursor's position, which not every terminal answers.)
                    terminal.swap_buffers();
                    redraw = true;
                }
                if std::mem::take(&mut changed) {
                    self.refresh_snapshot(&mut state);
                    observe(&state);
                }
                if redraw {
                    terminal.draw(|frame| ui::render(&state, frame))?;
                    redraw = false;
                }
                if std::mem::take(&mut tick_after_frame) {
                    state.now = clock();
                    last_tick = state.now;
                    redraw |= self.tick(&mut state, &mut status);
                    self.refresh_snapshot(&mut state);
                    observe(&state);
                    continue;
                }
                // A source that cannot be woken gets the results before it is read again.
                if !can_wake && self.wait_background(&mut state) {
                    changed = true;
                    redraw = true;
                    continue;
                }
                // Wait for input, but never past the next deadline (the save, the tick, the
                // meeting clock): keys that never pause cannot put a save off.
                let now = clock();
                let due = next_deadline(&state, now, last_tick);
                let timeout = due.map(|due| wait_until(now, due));
                // A background import wakes the loop to show its progress and result.
                let timeout = match (&self.import, timeout) {
                    (Some(_), Some(t)) => Some(t.min(Duration::from_millis(100))),
                    (Some(_), None) => Some(Duration::from_millis(100)),
                    (None, t) => t,
                };
                // The folder's news is looked at even while no key comes.
                let timeout = match (&self.watcher, timeout) {
                    (Some(_), Some(t)) => Some(t.min(WATCH_WAKE)),
                    (Some(_), None) => Some(WATCH_WAKE),
                    (None, t) => t,
                };
                events.background(self.workers.as_ref().is_some_and(workers::Workers::busy));
                let next = events.next(timeout)?;
                state.now = clock();
                if let Some(reply) = self.import.as_mut().and_then(|b| b.poll()) {
                    if !matches!(reply, crate::app::import_io::Reply::Progress(..)) {
                        self.import = None;
                    }
                    self.dispatch(&mut state, Msg::Import(reply));
                    changed = true;
                    redraw = true;
                }
                let Some(first) = next else {
                    if due.is_some_and(|due| state.now >= due) {
                        // A key that came as the wait ended is applied before the tick can
                        // raise a question (an outside change) that would take it, and drawn
                        // before the tick runs.
                        if self.apply_pending(&mut state, events, clock, &mut redraw)? {
                            changed = true;
                            tick_after_frame = true;
                            continue;
                        }
                        last_tick = state.now;
                        redraw |= self.tick(&mut state, &mut status);
                        self.refresh_snapshot(&mut state);
                        observe(&state);
                    }
                    continue;
                };
                // Everything already typed is applied before the next frame.
                let mut event = Some(first);
                let mut count = 0;
                while let Some(e) = event {
                    state.now = clock();
                    changed |= self.apply_event(&mut state, e, &mut redraw);
                    count += 1;
                    if state.quit || count >= BATCH {
                        break;
                    }
                    event = events.pending()?;
                }
                if changed {
                    redraw = true;
                }
                state.now = clock();
                if due.is_some_and(|due| state.now >= due) {
                    tick_after_frame = true;
                }
            }
            if changed {
                self.refresh_snapshot(&mut state);
                observe(&state);
            }
            Ok(())
        })();
        self.workers = None;
        result
    }

    /// Applies one terminal event; true when it changed the state.
    fn apply_event(&mut self, state: &mut AppState, event: Event, redraw: &mut bool) -> bool {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                self.dispatch(state, Msg::Key(key));
                true
            }
            Event::Paste(text) => {
                self.dispatch(state, Msg::Paste(text));
                true
            }
            Event::Resize(..) => {
                *redraw = true;
                false
            }
            _ => false,
        }
    }

    /// Applies every event that has already arrived (at most [`BATCH`]); true when one
    /// changed the state.
    fn apply_pending(
        &mut self,
        state: &mut AppState,
        events: &mut dyn EventSource,
        clock: &dyn Fn() -> Timestamp,
        redraw: &mut bool,
    ) -> io::Result<bool> {
        let mut changed = false;
        for _ in 0..BATCH {
            if state.quit {
                break;
            }
            let Some(event) = events.pending()? else {
                break;
            };
            state.now = clock();
            if self.apply_event(state, event, redraw) {
                *redraw = true;
                changed = true;
            }
        }
        Ok(changed)
    }

    /// The folder's news that has arrived, less this program's own writes; `None` when
    /// nothing is left.
    fn folder_news(&mut self) -> Option<crate::app::folder::FolderNews> {
        let news = self.watcher.as_mut()?.try_news()?;
        self.own.filter(self.store.dir(), news)
    }

    /// The periodic tick: notices outside changes, saves what is due, keeps the status line
    /// true. Returns true when the screen must be drawn again.
    fn tick(&mut self, state: &mut AppState, status: &mut String) -> bool {
        let before = state
            .incident()
            .map(|v| (v.save.saved_revision, v.save.revision));
        if self.workers.is_some() {
            self.request_probe(state);
        } else {
            self.check_outside_change(state);
        }
        self.dispatch(state, Msg::Tick);
        let now_status = ui::live_text(state);
        let after = state
            .incident()
            .map(|v| (v.save.saved_revision, v.save.revision));
        if now_status != *status || before != after || state.overlay.is_some() {
            *status = now_status;
            return true;
        }
        false
    }

    /// Applies every background result that has arrived; true when one may have changed
    /// what is shown.
    fn collect(&mut self, state: &mut AppState) -> bool {
        let mut any = false;
        while let Some(done) = self.workers.as_mut().and_then(workers::Workers::try_done) {
            any |= self.apply_done(state, done);
        }
        any
    }

    /// Waits for outstanding background work and applies its result; true when one came.
    fn wait_background(&mut self, state: &mut AppState) -> bool {
        match self.workers.as_mut().and_then(workers::Workers::wait_done) {
            Some(done) => {
                self.apply_done(state, done);
                true
            }
            None => false,
        }
    }

    /// Applies a background result; false when it cannot have changed what is shown (a
    /// probe that found the file as it was).
    fn apply_done(&mut self, state: &mut AppState, done: workers::Done) -> bool {
        match done {
            workers::Done::Saved(file) => {
                self.apply_file_news(&file);
                let theirs_first = file
                    .actions
                    .iter()
                    .any(|a| matches!(a, Msg::ChangedOnDisk(_) | Msg::DeletedOnDisk));
                if let Some(w) = self.workers.as_mut() {
                    if theirs_first {
                        // Another program's change (or deletion) came first: the user decides.
                        w.drop_queued();
                    } else {
                        w.send_queued(self.known.clone());
                    }
                }
                if theirs_first && let Some((_, old)) = self.copy.take() {
                    self.discard(old);
                }
                for action in file.actions {
                    self.dispatch(state, action);
                }
                true
            }
            workers::Done::Linted(linted) => {
                crate::app::lint_keys::install(state, linted);
                true
            }
            workers::Done::Probed(probed) => {
                let same = matches!(probed.probe, Probe::Same(_));
                self.apply_probed(state, probed);
                !same
            }
        }
    }

    /// Takes in what a save learnt about the open file: its new identity, whether it is gone.
    fn apply_file_news(&mut self, done: &effects::Done) {
        if let Some(known) = &done.known {
            self.known = Some(known.clone());
            self.own.wrote(known.clone());
        }
        if let Some(gone) = done.gone {
            self.gone = gone;
        }
        self.share_known();
    }

    /// Hands the open incident's lint, when it is wanted, to the lint worker (a copy).
    fn request_lint(&mut self, state: &mut AppState) {
        if self.workers.is_none() {
            return;
        }
        if let crate::app::state::Screen::Incident(view) = &mut state.screen
            && let Some((request, revision)) = view.lint.take_wanted()
        {
            let copy = self.copy_of(view, false);
            if let Some(workers) = self.workers.as_mut() {
                workers.lint(request, revision, copy);
            }
        }
    }

    /// Applies an action and performs its effects, feeding their results back; releases the
    /// lock once no incident is open.
    pub fn dispatch(&mut self, state: &mut AppState, action: Msg) {
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in update(state, action) {
                let results = match effect {
                    Job::Save { revision, announce } => self.save_open(state, revision, announce),
                    effect => self.perform(state.now, effect),
                };
                queue.extend(results);
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
        let Some((id, known)) = self.probe_wanted(state) else {
            return;
        };
        let probe = self.store.probe(&id, &known);
        self.apply_probe(state, probe);
    }

    /// Looks whether the open incident's file (`id`) still holds what this program last read
    /// or wrote (asked for by the folder's news): another program's change or deletion comes
    /// back as an action.
    fn probe_open(&mut self, id: &str) -> Vec<Msg> {
        // The file is about to change under our own save: not another program's change.
        if self.workers.as_ref().is_some_and(workers::Workers::saving) {
            return Vec::new();
        }
        let Some(known) = &self.known else {
            return Vec::new();
        };
        let probe = self.store.probe(id, known);
        self.probe_actions(probe)
    }

    /// The open incident's id and what its file should hold, when it is worth looking whether
    /// another program changed it.
    fn probe_wanted(&self, state: &AppState) -> Option<(String, Identity)> {
        let view = state.incident()?;
        if view.disk.read_only.is_some() || view.disk.conflict.is_some() {
            return None;
        }
        // The file is about to change under our own save: not another program's change.
        if self.workers.as_ref().is_some_and(workers::Workers::saving) {
            return None;
        }
        Some((view.incident.id.clone(), self.known.clone()?))
    }

    /// Asks the save worker to look for another program's change (the live loop: reading
    /// and hashing a large file never holds up a key).
    fn request_probe(&mut self, state: &AppState) {
        if let Some((id, known)) = self.probe_wanted(state)
            && let Some(w) = self.workers.as_mut()
        {
            w.probe(&id, &known);
        }
    }

    /// Takes in a probe's answer from the save worker, unless it is out of date: another
    /// incident is open, a save was asked for since (it finds a change itself), or the file
    /// was read or written again meanwhile.
    fn apply_probed(&mut self, state: &mut AppState, probed: workers::Probed) {
        let current = self
            .probe_wanted(state)
            .is_some_and(|(id, known)| id == probed.id && known == probed.known);
        if current {
            self.apply_probe(state, probed.probe);
        }
    }

    fn apply_probe(&mut self, state: &mut AppState, probe: Probe) {
        for action in self.probe_actions(probe) {
            self.dispatch(state, action);
        }
    }

    /// What a probe's answer means for the app: another program's version, or the file gone.
    fn probe_actions(&mut self, probe: Probe) -> Vec<Msg> {
        let mut actions = Vec::new();
        match probe {
            Probe::Same(identity) => self.known = Some(identity),
            Probe::Changed(loaded, identity) => {
                if let Ok(loaded) = *loaded {
                    self.known = Some(identity);
                    actions.push(Msg::ChangedOnDisk(Box::new(loaded.incident)));
                }
                // A file changed into one that does not parse is left as it is: saves stop
                // (they find the change) and say why, until it parses again.
            }
            Probe::Gone => {
                if !self.gone {
                    self.gone = true;
                    actions.push(Msg::DeletedOnDisk);
                }
            }
            Probe::Unreadable(_) => {}
        }
        self.share_known();
        actions
    }

    /// Performs one effect against the store and reports the results as actions (a
    /// [`Job::Save`] needs the state: [`Runtime::dispatch`] performs it).
    fn perform(&mut self, now: Timestamp, effect: Job) -> Vec<Msg> {
        let store = &self.store;
        let today = crate::model::timeinput::local_date(now);
        match effect {
            Job::Import(crate::app::import_io::Request::Cancel) => {
                if let Some(reading) = self.import.take() {
                    reading.cancel();
                }
                Vec::new()
            }
            Job::Import(
                request @ (crate::app::import_io::Request::Read { .. }
                | crate::app::import_io::Request::ReadMetric { .. }),
            ) if self.background => {
                self.import = Some(crate::app::import_io::Background::start(request));
                Vec::new()
            }
            Job::Import(request) => {
                vec![Msg::Import(crate::app::import_io::perform(request))]
            }
            Job::List => vec![Msg::Listed(store.list(today).map_err(|e| e.to_string()))],
            Job::Probe(id) => self.probe_open(&id),
            Job::Open(id) => self.open(&id),
            Job::View { path, error } => vec![Msg::Viewed {
                text: store.read_text(&path).map_err(|e| e.to_string()),
                path,
                error,
            }],
            Job::Create { title, start } => {
                let date = crate::app::new_incident::id_date(start.as_ref(), today);
                let mut incident = store.new_incident(&title, date, Moment::utc(now));
                crate::app::new_incident::add_start(&mut incident, start.as_ref());
                let result = store.create(incident).map(|(_, incident, identity)| {
                    self.own.wrote(identity.clone());
                    self.known = Some(identity);
                    self.lock = store
                        .lock(&incident.id)
                        .ok()
                        .map(|l| (incident.id.clone(), l));
                    incident
                });
                vec![Msg::Created(result.map_err(|e| e.reason()))]
            }
            // Performed by `dispatch`, which has the state to copy.
            Job::Save { .. } => Vec::new(),
            Job::WriteBack { incident, revision } => {
                let done = effects::write_back(store, &incident, revision);
                self.apply_file_news(&done);
                done.actions
            }
            Job::SaveCopy(mut incident) => {
                let date = id_date(&incident.id).unwrap_or(today);
                incident.id = new_id(date, &format!("{} copy", incident.title), |c| {
                    store.exists(c)
                });
                let created = store.create(*incident).map(|(_, copy, identity)| {
                    self.own.wrote(identity);
                    copy.id
                });
                vec![Msg::CopySaved(created.map_err(|e| e.reason()))]
            }
            Job::DiscardRecovery(id) => vec![Msg::RecoveryDiscarded(
                store.discard_recovery(&id).map_err(|e| e.to_string()),
            )],
            Job::CheckTrash { index, id } => vec![Msg::TrashChecked {
                index,
                held: effects::edited_elsewhere(store, &id),
            }],
            Job::FixId { path, id } => vec![Msg::IdFixed(store.fix_inner_id(&path, &id))],
            Job::TrashIncident(id) => {
                let trashed = effects::trash(store, &id);
                if trashed.is_ok() {
                    self.own.removed(&id);
                }
                vec![Msg::Trashed(trashed)]
            }
            Job::TrashFile(path) => {
                let trashed = effects::trash_file(store, &path);
                if trashed.is_ok()
                    && let Some(name) = crate::storage::watch::incident_name(store.dir(), &path)
                {
                    self.own.removed(&name);
                }
                vec![Msg::Trashed(trashed)]
            }
            Job::Export(request) => vec![Msg::Exported(effects::export::perform(
                *request,
                &mut self.outside,
            ))],
            Job::EditExternally { target, text } => {
                let result = effects::handover::edit(&mut self.outside, &text);
                self.repaint = true;
                vec![Msg::EditedExternally { target, result }]
            }
        }
    }

    /// Loads an incident for editing: takes its lock (or opens it read-only, naming the
    /// process that holds it) and offers a newer recovery copy.
    fn open(&mut self, id: &str) -> Vec<Msg> {
        let mut loaded = match self.store.load_tracked(id) {
            Ok((loaded, identity)) => {
                self.known = Some(identity);
                loaded
            }
            Err(e) => return vec![Msg::Opened(Err(e.to_string()))],
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
            actions.push(Msg::Recovered {
                incident: Box::new(recovery.incident),
                differences,
            });
        }
        actions.push(Msg::Opened(Ok(loaded)));
        actions
    }
}
