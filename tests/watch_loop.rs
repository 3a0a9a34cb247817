//! The real event loop with scripted input and scripted folder news: keys that reached the
//! terminal before another program's change was noticed go to the text being typed, not to
//! the question the change raises; news on the list reads it again, after any dialog.

mod common;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use common::{Harness, parse_keys};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use retro::app::AppState;
use retro::app::folder::FolderNews;
use retro::app::state::Overlay;
use retro::tui::watcher::Watcher;

/// One step of the script.
enum Step {
    /// Keys that arrive together (the first from `next`, the rest already waiting).
    Keys(&'static str),
    /// Another program rewrites the open incident's file and the watcher says so; `typed`
    /// reached the terminal just before the news was handled (they are waiting).
    Outside { typed: &'static str },
    /// Another program writes a new incident with this title and the watcher says so.
    Add(&'static str),
}

struct Script {
    steps: VecDeque<Step>,
    waiting: VecDeque<Event>,
    dir: PathBuf,
    news: Sender<FolderNews>,
}

fn only_incident(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".toml").map(str::to_string))
        .filter(|n| !n.ends_with(".recovery"))
        .collect();
    names.sort();
    names.remove(0)
}

impl retro::tui::EventSource for Script {
    fn next(&mut self, _timeout: Option<Duration>) -> std::io::Result<Option<Event>> {
        let keys =
            |k: &str| -> VecDeque<Event> { parse_keys(k).into_iter().map(Event::Key).collect() };
        match self.steps.pop_front() {
            Some(Step::Keys(k)) => {
                let mut batch = keys(k);
                let first = batch.pop_front();
                self.waiting = batch;
                Ok(first)
            }
            Some(Step::Outside { typed }) => {
                let id = only_incident(&self.dir);
                let store = retro::storage::Store::open(&self.dir).unwrap();
                let mut theirs = store.load(&id).unwrap().incident;
                theirs.narrative.impact = "Written by a colleague.".into();
                store.save(&theirs).unwrap();
                self.news
                    .send(FolderNews {
                        names: vec![id],
                        everything: false,
                    })
                    .unwrap();
                self.waiting = keys(typed);
                // Woken by the watcher: no key from `next` itself.
                Ok(None)
            }
            Some(Step::Add(title)) => {
                let store = retro::storage::Store::open(&self.dir).unwrap();
                let date = "2026-05-01".parse().unwrap();
                let incident =
                    store.new_incident(title, date, retro::model::Moment::utc(common::now()));
                let id = store.create(incident).unwrap().1.id;
                self.news
                    .send(FolderNews {
                        names: vec![id],
                        everything: false,
                    })
                    .unwrap();
                Ok(None)
            }
            None => {
                let mut quit = keys("<c-c>");
                Ok(quit.pop_front())
            }
        }
    }

    fn pending(&mut self) -> std::io::Result<Option<Event>> {
        Ok(self.waiting.pop_front())
    }
}

fn run(h: &Harness, steps: Vec<Step>, mut observe: impl FnMut(&AppState)) {
    let (tx, rx) = mpsc::channel();
    let mut script = Script {
        steps: steps.into(),
        waiting: VecDeque::new(),
        dir: h.dir.path().to_path_buf(),
        news: tx,
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut runtime =
        retro::tui::Runtime::new(h.store.clone()).with_watcher(Watcher::from_channel(rx));
    runtime
        .run_loop(&mut terminal, &mut script, &common::now, &mut |s| {
            observe(s)
        })
        .unwrap();
}

#[test]
fn keys_typed_before_the_question_showed_go_to_the_text() {
    let h = Harness::empty();
    let mut asked_with = None;
    run(
        &h,
        vec![
            Step::Keys("nKeys kept<enter>"),
            Step::Keys("7<enter>Mine"),
            // " and more" holds an `n`: had it reached the question, it would have dropped
            // the typed text.
            Step::Outside { typed: " and more" },
            Step::Keys("y"),
        ],
        |state| {
            if asked_with.is_none()
                && matches!(state.overlay, Some(Overlay::Confirm { .. }))
                && let Some(view) = state.incident()
            {
                asked_with = Some(view.incident.narrative.text.clone());
            }
        },
    );
    assert_eq!(asked_with.as_deref(), Some("Mine and more"));
    // `y` kept both: the typed text is in the copy, the colleague's in the file.
    let entries = h.store.list(h.state.today()).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name()).collect();
    let copy = names
        .iter()
        .find(|n| n.ends_with("-copy"))
        .unwrap_or_else(|| panic!("no copy among {names:?}"));
    assert_eq!(h.on_disk(copy).narrative.text, "Mine and more");
    let original = names.iter().find(|n| !n.ends_with("-copy")).unwrap();
    let theirs = h.on_disk(original);
    assert_eq!(theirs.narrative.impact, "Written by a colleague.");
    assert_eq!(theirs.narrative.text, "");
}

#[test]
fn folder_news_on_the_list_reads_it_again_but_not_under_a_dialog() {
    let h = Harness::empty();
    let mut seen: Vec<(usize, bool)> = Vec::new();
    run(
        &h,
        vec![
            Step::Add("Written while the list was shown"),
            Step::Keys("?"),
            Step::Add("Written while the help was open"),
            Step::Keys("<esc>"),
        ],
        |state| seen.push((state.home.entries.len(), state.overlay.is_some())),
    );
    // Shown at once on the bare list; under the help, only once it closed.
    assert_eq!(seen.first(), Some(&(1, false)), "{seen:?}");
    assert!(!seen.contains(&(2, true)), "{seen:?}");
    assert_eq!(seen.last(), Some(&(2, false)), "{seen:?}");
}
