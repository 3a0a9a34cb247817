//! Edits made while a save is being written on the worker: the file ends up holding exactly
//! the incident as it is in memory at the end, not the copy the first save took.

mod common;

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::{Harness, parse_keys};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use retro::model::Incident;

/// Input in batches, one batch per wait (the rest already waiting), that never waits for
/// background work: it has a waker, so the loop reads the next batch while a save is still
/// being written. Once the batches are used up it idles until `done` (and a while after),
/// then quits.
struct Script {
    batches: VecDeque<Vec<Event>>,
    waiting: VecDeque<Event>,
    done: Arc<AtomicBool>,
    idle: usize,
    settled: usize,
}

impl retro::tui::EventSource for Script {
    fn next(&mut self, _timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        if let Some(batch) = self.batches.pop_front() {
            let mut batch: VecDeque<Event> = batch.into();
            let first = batch.pop_front();
            self.waiting = batch;
            return Ok(first);
        }
        self.idle += 1;
        if self.done.load(Ordering::Acquire) {
            self.settled += 1;
        }
        // Once settled, a while longer: a save asked for meanwhile (an autosave notes the
        // time in the incident each time) is written before the program quits.
        if self.settled > 100 || self.idle > 4000 {
            return Ok(parse_keys("<c-c>").into_iter().map(Event::Key).next());
        }
        std::thread::sleep(Duration::from_millis(5));
        Ok(None)
    }

    fn pending(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.waiting.pop_front())
    }

    fn waker(&self) -> Option<retro::tui::workers::Waker> {
        Some(Arc::new(|| {}))
    }
}

/// An incident of `entries` timeline entries, written as a file of the folder.
fn big_incident(h: &Harness, id: &str, entries: usize) {
    let mut text = format!(
        "schema_version = 1\nid = \"{id}\"\ntitle = \"Save race\"\nseverity = \"SEV2\"\n\
         status = \"draft\"\ntimezone = \"UTC\"\n\n[narrative]\ntext = \"Short story.\"\n"
    );
    for n in 0..entries {
        let sec = n * 7;
        text += &format!(
            "\n[[timeline]]\nat = 2026-03-12T{:02}:{:02}:{:02}Z\nactor = \"on-call\"\n\
             channel = \"#inc\"\ntext = \"entry {n} of the long timeline, with some words\"\n",
            (sec / 3600) % 24,
            (sec / 60) % 60,
            sec % 60
        );
    }
    std::fs::write(h.dir.path().join(format!("{id}.toml")), text).unwrap();
}

#[test]
fn edits_during_a_save_in_flight_reach_the_file() {
    let mut h = Harness::empty();
    let id = "2026-03-12-save-race";
    big_incident(&h, id, 3000);
    h.refresh();
    let done = Arc::new(AtomicBool::new(false));
    let batches = [
        // Open it, the timeline, the first entry's text; type and save.
        "<enter>",
        "3",
        "<enter><tab><tab><tab><tab><enter>",
        "A<c-s>",
        // While that save is written: more text, another save, then text left to autosave.
        "B<c-s>",
        "C",
        "<esc><esc>",
        "<end>",
    ];
    let mut events = Script {
        batches: batches
            .iter()
            .map(|b| parse_keys(b).into_iter().map(Event::Key).collect())
            .collect(),
        waiting: VecDeque::new(),
        done: Arc::clone(&done),
        idle: 0,
        settled: 0,
    };
    let last: Mutex<Option<Incident>> = Mutex::new(None);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut runtime = retro::tui::Runtime::new(h.store.clone());
    // The loop's clock runs on, so the autosave of the last letter comes due.
    let start = std::time::Instant::now();
    let clock = move || {
        let elapsed = jiff::SignedDuration::try_from(start.elapsed()).unwrap();
        common::now().checked_add(elapsed * 20).unwrap()
    };
    runtime
        .run_loop(
            &mut terminal,
            &mut events,
            &clock,
            &mut |state: &retro::app::AppState| {
                if let Some(view) = state.incident() {
                    let settled = view.cursor.editor.is_none()
                        && view.save.saved_revision == view.save.revision
                        && view.incident.timeline[0].text.ends_with("ABC");
                    *last.lock().unwrap() = Some(view.incident.clone());
                    done.store(settled, Ordering::Release);
                }
            },
        )
        .unwrap();
    let last = last.into_inner().unwrap().expect("the incident was open");
    assert!(
        last.timeline[0].text.ends_with("ABC"),
        "{}",
        last.timeline[0].text
    );
    assert!(done.load(Ordering::Acquire), "every save came back");
    let on_disk = h.on_disk(id);
    assert_eq!(on_disk.timeline.len(), 3000);
    assert_eq!(
        on_disk, last,
        "the file holds the incident as it is in memory"
    );
}
