//! The runtime: terminal set-up and restore, the event loop, and the effects it performs.
//!
//! The loop takes its input from an [`EventSource`] and its time from a clock, so tests can
//! drive the real loop with scripted keys on a `TestBackend`.

use std::io;
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::app::{Action, AppState, Effect, update};
use crate::model::Moment;
use crate::storage::Store;
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

/// Runs the terminal UI on `store` until the user quits. The terminal is restored on every
/// exit path: normal return, error, and panic (the hook restores it before the message).
///
/// # Errors
/// When the terminal cannot be set up or read, or the folder cannot be listed.
pub fn run(store: &Store) -> anyhow::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let result = execute!(io::stdout(), EnableBracketedPaste)
        .map_err(anyhow::Error::from)
        .and_then(|()| run_loop(&mut terminal, store, &mut CrosstermEvents, &Timestamp::now));
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

/// The event loop: draw when something changed, block for input, update, perform effects.
///
/// While an incident is open it wakes once a second so "saved N s ago" stays true, and
/// redraws only when that text changes.
///
/// # Errors
/// When drawing or reading input fails.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    store: &Store,
    events: &mut dyn EventSource,
    clock: &dyn Fn() -> Timestamp,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let now = clock();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let entries = store.list(today)?;
    let mut state = AppState::new(store.dir().to_path_buf(), entries, now);
    let mut redraw = true;
    let mut status = String::new();
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
        let event = events.next(timeout)?;
        state.now = clock();
        let action = match event {
            Some(Event::Key(key)) if key.kind != KeyEventKind::Release => Action::Key(key),
            Some(Event::Paste(text)) => Action::Paste(text),
            Some(Event::Resize(..)) => {
                redraw = true;
                continue;
            }
            Some(_) => continue,
            None => {
                let revision = state.incident().map(|v| v.saved_revision);
                dispatch(&mut state, store, Action::Tick);
                let now_status = state
                    .incident()
                    .map(|v| ui::status_text(v, state.now))
                    .unwrap_or_default();
                if now_status != status || revision != state.incident().map(|v| v.saved_revision)
                {
                    status = now_status;
                    redraw = true;
                }
                continue;
            }
        };
        dispatch(&mut state, store, action);
        redraw = true;
    }
    Ok(())
}

/// Applies an action and performs the effects it asks for, feeding their results back.
pub fn dispatch(state: &mut AppState, store: &Store, action: Action) {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update(state, action) {
            queue.push(perform(store, state.now, effect));
        }
    }
}

/// Performs one effect against the store and reports the result as an action.
pub fn perform(store: &Store, now: Timestamp, effect: Effect) -> Action {
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    match effect {
        Effect::List => Action::Listed(store.list(today).map_err(|e| e.to_string())),
        Effect::Open(id) => Action::Opened(store.load(&id).map_err(|e| e.to_string())),
        Effect::View { path, error } => Action::Viewed {
            text: store.read_text(&path).map_err(|e| e.to_string()),
            path,
            error,
        },
        Effect::Create(title) => {
            let incident = store.new_incident(&title, today, Moment::utc(now));
            Action::Created(
                store
                    .save(&incident)
                    .map(|_| incident)
                    .map_err(|e| e.to_string()),
            )
        }
        Effect::Save {
            incident,
            revision,
            announce,
        } => Action::Saved {
            revision,
            announce,
            result: store.save(&incident).map_err(|e| e.reason()),
        },
        Effect::TrashIncident(id) => {
            Action::Trashed(store.trash(&id).map_err(|e| e.to_string()))
        }
        Effect::TrashFile(path) => {
            Action::Trashed(store.trash_path(&path).map_err(|e| e.to_string()))
        }
    }
}
