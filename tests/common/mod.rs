//! Test harness: the real `update` and effects on a temporary incidents folder, fed with
//! key sequences written like `"n<enter>Title<enter>"`.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use retro::app::{AppState, Msg};
use retro::storage::Store;
use tempfile::TempDir;

/// 2026-11-21T10:00:00Z: the tests' "now".
pub fn now() -> jiff::Timestamp {
    "2026-11-21T10:00:00Z".parse().unwrap()
}

/// An app on a temporary folder.
pub struct Harness {
    pub state: AppState,
    pub store: Store,
    pub dir: TempDir,
}

impl Harness {
    /// An empty folder.
    pub fn empty() -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let entries = store
            .list(now().to_zoned(jiff::tz::TimeZone::UTC).date())
            .unwrap();
        let state = AppState::new("/incidents".into(), entries, now());
        Harness { state, store, dir }
    }

    /// A folder holding the built-in examples.
    pub fn demo() -> Harness {
        let h = Harness::empty();
        retro::demo::write_examples(h.dir.path()).unwrap();
        let mut h = h;
        h.refresh();
        h
    }

    /// Re-lists the folder.
    pub fn refresh(&mut self) {
        let entries = self.store.list(self.state.today()).unwrap();
        let now = self.state.now;
        self.state = AppState::new("/incidents".into(), entries, now);
    }

    /// Sends keys: plain characters, or `<enter> <esc> <tab> <s-tab> <bs> <up> <down> <left>
    /// <right> <space> <c-X> <del> <home> <end>`.
    pub fn keys(&mut self, keys: &str) -> &mut Self {
        for key in parse_keys(keys) {
            retro::tui::dispatch(&mut self.state, &self.store, Msg::Key(key));
        }
        self
    }

    /// Lets `seconds` pass, then delivers a timer tick.
    pub fn tick_after(&mut self, seconds: f64) -> &mut Self {
        let step = jiff::SignedDuration::from_secs_f64(seconds);
        self.state.now = self.state.now.checked_add(step).unwrap();
        retro::tui::dispatch(&mut self.state, &self.store, Msg::Tick);
        self
    }

    /// Pastes text as a bracketed paste.
    pub fn paste(&mut self, text: &str) -> &mut Self {
        retro::tui::dispatch(&mut self.state, &self.store, Msg::Paste(text.into()));
        self
    }

    /// Renders at a size and returns the screen as text lines.
    pub fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| retro::ui::render(&self.state, f))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..height {
            let mut line = String::new();
            for x in 0..width {
                line.push_str(buffer[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The open incident.
    pub fn incident(&self) -> &retro::model::Incident {
        &self.state.incident().expect("an incident is open").incident
    }

    /// Reads a saved incident from disk.
    pub fn on_disk(&self, id: &str) -> retro::model::Incident {
        self.store.load(id).unwrap().incident
    }
}

/// Parses a key sequence.
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
            let mut name = String::new();
            for n in chars.by_ref() {
                if n == '>' {
                    break;
                }
                name.push(n);
            }
            let (code, mods) = match name.as_str() {
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "s-tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "del" => (KeyCode::Delete, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                "space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "s-up" => (KeyCode::Up, KeyModifiers::SHIFT),
                "s-down" => (KeyCode::Down, KeyModifiers::SHIFT),
                other if other.starts_with("c-") => (
                    KeyCode::Char(other.chars().nth(2).unwrap()),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key <{other}>"),
            };
            out.push(KeyEvent::new(code, mods));
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
    out
}

/// The tests' "today" (UTC).
pub fn now_date() -> jiff::civil::Date {
    now().to_zoned(jiff::tz::TimeZone::UTC).date()
}
