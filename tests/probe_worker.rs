//! The live event loop looks for another program's change to the open incident on the save
//! thread (reading and hashing a large file never holds up a key), and the change still
//! reaches the screen.

mod common;

use std::cell::Cell;
use std::time::Duration;

use common::{Harness, parse_keys};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Opens an incident, lets another program rewrite its file, then waits (time-outs, so the
/// loop's tick runs) and quits.
struct Script {
    step: usize,
    path: std::path::PathBuf,
}

impl retro::tui::EventSource for Script {
    fn next(&mut self, _timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        self.step += 1;
        let key = |k: &str| Ok(parse_keys(k).into_iter().next().map(Event::Key));
        match self.step {
            1 => key("n"),
            2..=12 => {
                if self.step == 2 {
                    key("<enter>")
                } else {
                    if self.step == 4 {
                        let text = std::fs::read_to_string(&self.path)?;
                        let changed = text.replace(
                            "title = \"Probe\"",
                            "title = \"Changed by another program\"",
                        );
                        std::fs::write(&self.path, changed)?;
                    }
                    Ok(None)
                }
            }
            _ => key("<c-c>"),
        }
    }
}

#[test]
fn another_programs_change_is_noticed_by_the_save_thread() {
    let h = Harness::empty();
    let id = "2026-11-21-probe";
    let path = h.dir.path().join(format!("{id}.toml"));
    let mut events = Script { step: 0, path };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut runtime = retro::tui::Runtime::new(h.store.clone());
    let seconds = Cell::new(0);
    let clock = || {
        seconds.set(seconds.get() + 1);
        common::now() + jiff::SignedDuration::from_secs(seconds.get())
    };
    // The title is typed between `n` and Enter by the prompt: give it as one paste.
    let mut titles = Vec::new();
    let mut typed = false;
    runtime
        .run_loop(
            &mut terminal,
            &mut TitleFirst {
                inner: &mut events,
                typed: &mut typed,
            },
            &clock,
            &mut |state: &retro::app::AppState| {
                if let Some(view) = state.incident() {
                    titles.push(view.incident.title.clone());
                }
            },
        )
        .unwrap();
    assert!(titles.iter().any(|t| t == "Probe"), "{titles:?}");
    assert_eq!(
        titles.last().map(String::as_str),
        Some("Changed by another program"),
        "{titles:?}"
    );
}

/// Types the title "Probe" after the first key (`n`).
struct TitleFirst<'a> {
    inner: &'a mut Script,
    typed: &'a mut bool,
}

impl retro::tui::EventSource for TitleFirst<'_> {
    fn next(&mut self, timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        if self.inner.step == 1 && !*self.typed {
            *self.typed = true;
            return Ok(Some(Event::Paste("Probe".into())));
        }
        self.inner.next(timeout)
    }
}
