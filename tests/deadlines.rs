//! The event loop's deadlines: the autosave is a deadline the loop wakes for, whatever input
//! does, so typing that never pauses is still saved within [`MAX_UNSAVED`].

mod common;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use crossterm::event::Event;
use jiff::{SignedDuration, Timestamp};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use retro::app::save::MAX_UNSAVED;
use retro::storage::Store;
use retro::tui::{EventSource, Runtime};

/// Keys that never pause: one every `step`, whatever timeout the loop asks for. After the
/// script's set-up keys it types `x` into the narrative for `typing` keys, reading the file
/// on disk before each key to measure how far behind the saved text is; then it quits.
struct Typist {
    setup: std::collections::VecDeque<Event>,
    typed: Vec<Timestamp>,
    typing: usize,
    step: SignedDuration,
    clock: Rc<Cell<Timestamp>>,
    store: Store,
    id: Rc<RefCell<Option<String>>>,
    /// The longest time a typed key waited before it was on disk.
    worst: SignedDuration,
    timeouts: Vec<Option<Duration>>,
}

impl Typist {
    fn saved_chars(&self) -> usize {
        let Some(id) = self.id.borrow().clone() else {
            return 0;
        };
        self.store
            .load(&id)
            .map(|l| l.incident.narrative.text.chars().count())
            .unwrap_or(0)
    }
}

impl EventSource for Typist {
    fn next(&mut self, timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        self.timeouts.push(timeout);
        let now = self.clock.get();
        let saved = self.saved_chars();
        // The oldest typed key not yet on disk tells how much would be lost by a kill now.
        if let Some(oldest) = self.typed.get(saved) {
            self.worst = self.worst.max(now.duration_since(*oldest));
        }
        self.clock.set(now.checked_add(self.step).unwrap());
        if let Some(event) = self.setup.pop_front() {
            return Ok(Some(event));
        }
        if self.typed.len() < self.typing {
            self.typed.push(now);
            return Ok(Some(Event::Key(common::parse_keys("x")[0])));
        }
        Err(std::io::Error::other("end of the script"))
    }
}

fn keys(k: &str) -> Vec<Event> {
    common::parse_keys(k).into_iter().map(Event::Key).collect()
}

#[test]
fn typing_that_never_pauses_is_saved_within_the_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let clock = Rc::new(Cell::new(common::now()));
    let id = Rc::new(RefCell::new(None));
    let setup = keys("nSteady typing<enter>7<enter>");
    let typing_from = setup.len();
    let mut typist = Typist {
        setup: setup.into(),
        typed: Vec::new(),
        typing: 100,
        step: SignedDuration::from_millis(150),
        clock: clock.clone(),
        store: store.clone(),
        id: id.clone(),
        worst: SignedDuration::ZERO,
        timeouts: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut runtime = Runtime::new(store.clone());
    let result = runtime.run_loop(&mut terminal, &mut typist, &|| clock.get(), &mut |state| {
        if let Some(view) = state.incident() {
            *id.borrow_mut() = Some(view.incident.id.clone());
        }
    });
    assert!(result.is_err(), "the script ends the loop");
    assert_eq!(typist.typed.len(), 100);
    // 15 s of typing without a pause: saved at least every MAX_UNSAVED (plus one key's time).
    let limit = MAX_UNSAVED + typist.step;
    assert!(
        typist.worst <= limit,
        "typed text waited {:?} for a save (limit {limit:?})",
        typist.worst
    );
    let saved = typist.saved_chars();
    assert!(
        saved >= 100 - (limit.as_millis() / 150) as usize,
        "{saved} saved"
    );
    // Every wait the loop asked for while typing was bounded by the next deadline.
    assert!(
        typist
            .timeouts
            .iter()
            .skip(typing_from)
            .all(|t| t.is_some_and(|t| t <= Duration::from_secs(1))),
        "{:?}",
        typist.timeouts
    );
}

#[test]
fn the_promised_loss_bound_is_at_most_two_seconds() {
    // README.md's figure for steady typing; the kill script measures it on the real binary.
    assert!(MAX_UNSAVED <= SignedDuration::from_secs(2));
}

#[test]
fn a_save_that_succeeds_on_retry_says_so_at_once() {
    let mut h = common::Harness::empty();
    h.keys("nRetry<enter>7<enter>Typed.<esc>");
    let dir = h.dir.path().to_path_buf();
    let id = h.state.incident().unwrap().incident.id.clone();
    let parked = dir.with_extension("parked");
    std::fs::rename(&dir, &parked).unwrap();
    h.keys("<enter> more<esc>");
    let status = |h: &common::Harness| {
        let screen = h.screen(100, 30);
        screen.lines().rev().nth(1).unwrap_or_default().to_string()
    };
    assert!(
        status(&h).contains("not saved"),
        "the failure is shown: {}",
        h.screen(100, 30)
    );
    std::fs::rename(&parked, &dir).unwrap();
    h.tick_after(3.0);
    assert_eq!(h.on_disk(&id).narrative.text, "Typed. more");
    let line = status(&h);
    assert!(!line.contains("not saved"), "{line}");
    assert!(line.contains("saved"), "{line}");
}
