//! A save that comes due while a key is applied waits until the key's frame is drawn: the key
//! is on screen before the incident is copied for the save.

mod common;

use std::cell::Cell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;

use common::parse_keys;
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::layout::{Position, Size};

/// A test backend that counts the frames drawn.
struct Counting {
    inner: TestBackend,
    frames: Rc<Cell<usize>>,
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;
    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        self.frames.set(self.frames.get() + 1);
        self.inner.draw(content)
    }
    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

/// Batches of keys; before the batch marked `late` the clock jumps ten seconds (past every
/// save deadline).
struct Script {
    batches: VecDeque<(bool, Vec<Event>)>,
    waiting: VecDeque<Event>,
    clock: Rc<Cell<jiff::Timestamp>>,
}

impl retro::tui::EventSource for Script {
    fn next(&mut self, _timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        let Some((late, batch)) = self.batches.pop_front() else {
            return Ok(parse_keys("<c-c>").into_iter().map(Event::Key).next());
        };
        if late {
            let later = self
                .clock
                .get()
                .checked_add(jiff::SignedDuration::from_secs(10));
            self.clock.set(later.unwrap());
        }
        let mut batch: VecDeque<Event> = batch.into();
        let first = batch.pop_front();
        self.waiting = batch;
        Ok(first)
    }

    fn pending(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.waiting.pop_front())
    }
}

#[test]
fn a_key_is_drawn_before_the_save_it_coincides_with() {
    let h = common::Harness::empty();
    let clock = Rc::new(Cell::new(common::now()));
    let keys = |k: &str| {
        parse_keys(k)
            .into_iter()
            .map(Event::Key)
            .collect::<Vec<_>>()
    };
    let mut events = Script {
        batches: VecDeque::from([
            (false, keys("nTick order<enter>")),
            (false, keys("7<enter>")),
            (false, keys("a")),
            (true, keys("b")),
        ]),
        waiting: VecDeque::new(),
        clock: Rc::clone(&clock),
    };
    let frames = Rc::new(Cell::new(0));
    let backend = Counting {
        inner: TestBackend::new(120, 40),
        frames: Rc::clone(&frames),
    };
    let mut terminal = Terminal::new(backend).unwrap();
    let mut runtime = retro::tui::Runtime::new(h.store.clone());
    // Frames drawn when the state first held the late key, and when its save was first asked.
    let mut typed_at_frame = None;
    let mut asked_at_frame = None;
    let clock_fn = {
        let clock = Rc::clone(&clock);
        move || clock.get()
    };
    runtime
        .run_loop(
            &mut terminal,
            &mut events,
            &clock_fn,
            &mut |state: &retro::app::AppState| {
                let Some(view) = state.incident() else {
                    return;
                };
                let typed = view
                    .cursor
                    .editor
                    .as_ref()
                    .is_some_and(|e| e.textarea.lines().join("\n").contains("ab"))
                    || view.incident.narrative.text.contains("ab");
                if typed && typed_at_frame.is_none() {
                    typed_at_frame = Some(frames.get());
                }
                if typed && view.save.last_attempt.is_some() && asked_at_frame.is_none() {
                    asked_at_frame = Some(frames.get());
                }
            },
        )
        .unwrap();
    let (typed, asked) = (typed_at_frame.unwrap(), asked_at_frame.unwrap());
    assert!(
        asked > typed,
        "the save was asked for at frame {asked}, the key shown at frame {typed}"
    );
}
