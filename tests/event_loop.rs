//! The real event loop with scripted input: keys that have already arrived are applied
//! before one frame, and saves and the lint run on worker threads whose results come back.

mod common;

use std::collections::VecDeque;
use std::time::Duration;

use common::{Harness, parse_keys};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Input in batches: each batch's first event comes from `next`, the rest are already waiting
/// (`pending`). Ends with Ctrl-C.
struct Batches {
    batches: VecDeque<Vec<Event>>,
    waiting: VecDeque<Event>,
}

impl Batches {
    fn new(batches: &[&str]) -> Batches {
        Batches {
            batches: batches
                .iter()
                .map(|b| parse_keys(b).into_iter().map(Event::Key).collect())
                .collect(),
            waiting: VecDeque::new(),
        }
    }
}

impl retro::tui::EventSource for Batches {
    fn next(&mut self, _timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        let mut batch: VecDeque<Event> = self
            .batches
            .pop_front()
            .unwrap_or_else(|| parse_keys("<c-c>").into_iter().map(Event::Key).collect())
            .into();
        let first = batch.pop_front();
        self.waiting = batch;
        Ok(first)
    }

    fn pending(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.waiting.pop_front())
    }
}

fn run(h: &Harness, batches: &[&str]) -> Vec<(usize, Option<u64>)> {
    let mut events = Batches::new(batches);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut runtime = retro::tui::Runtime::new(h.store.clone());
    let mut seen = Vec::new();
    runtime
        .run_loop(
            &mut terminal,
            &mut events,
            &common::now,
            &mut |state: &retro::app::AppState| {
                seen.push((
                    state.home.selected,
                    state.incident().map(|v| v.save.saved_revision),
                ));
            },
        )
        .unwrap();
    seen
}

#[test]
fn a_burst_of_keys_is_applied_before_one_frame() {
    let h = Harness::demo();
    let burst = "j".repeat(500);
    let seen = run(&h, &[&burst]);
    // One look at the state for the whole burst (and none per key), the selection moved to
    // the last incident.
    assert!(seen.len() <= 2, "{} looks for 500 keys", seen.len());
    let last = h.state.home.visible.len() - 1;
    assert_eq!(seen.first().map(|s| s.0), Some(last));
}

#[test]
fn a_save_on_the_worker_reaches_the_file() {
    let h = Harness::empty();
    let seen = run(
        &h,
        &[
            "nWorker save<enter>",
            "3",
            "a",
            "14:02<tab>on-call<esc><esc>",
            "<c-s>",
        ],
    );
    // The saved revision came back from the save worker.
    assert!(seen.iter().any(|s| s.1.is_some_and(|r| r > 0)), "{seen:?}");
    let entries = h.store.list(h.state.today()).unwrap();
    assert_eq!(entries.len(), 1);
    let id = entries[0].name().trim_end_matches(".toml").to_string();
    let on_disk = h.on_disk(&id);
    assert_eq!(on_disk.title, "Worker save");
    assert_eq!(on_disk.timeline.len(), 1);
    assert_eq!(on_disk.timeline[0].actor, "on-call");
}
