//! A copy of an editor's lines kept up to date by replaying its recent changes, so that
//! something outside the event loop (the crash snapshot) can hold the text being typed
//! without joining or copying the whole text on every key.
//!
//! Each change to a [`TextBox`] is recorded as "lines `start..end` became these lines" in a
//! short journal (at most [`KEPT`] changes and [`KEPT_BYTES`] bytes of text). A [`Mirror`]
//! replays the changes it has not seen; one that fell behind the journal (or follows another
//! box) copies the lines once.

use std::collections::VecDeque;

use super::TextBox;

/// Most changes the journal keeps.
const KEPT: usize = 256;
/// Most bytes of changed lines the journal keeps.
const KEPT_BYTES: usize = 1 << 20;

/// One change: lines `start..end` were replaced by `lines`.
#[derive(Clone, Debug)]
struct Splice {
    start: usize,
    end: usize,
    lines: Vec<String>,
}

/// The latest changes to a box, oldest first; `first` is the change count before the oldest.
#[derive(Clone, Debug, Default)]
pub(super) struct Journal {
    entries: VecDeque<Splice>,
    first: u64,
    bytes: usize,
}

impl Journal {
    /// Records that change number `changes` (the count before it) replaced lines
    /// `start..end` with `lines`.
    pub(super) fn record(&mut self, changes: u64, start: usize, end: usize, lines: &[String]) {
        if self.entries.is_empty() {
            self.first = changes;
        }
        let size: usize = lines.iter().map(String::len).sum();
        self.bytes += size;
        self.entries.push_back(Splice {
            start,
            end,
            lines: lines.to_vec(),
        });
        while self.entries.len() > KEPT || (self.bytes > KEPT_BYTES && self.entries.len() > 1) {
            if let Some(old) = self.entries.pop_front() {
                self.bytes -= old.lines.iter().map(String::len).sum::<usize>();
                self.first += 1;
            }
        }
    }

    /// The changes after change count `seen`, if the journal still holds all of them.
    fn since(&self, seen: u64, now: u64) -> Option<impl Iterator<Item = &Splice>> {
        if seen == now {
            return Some(self.entries.range(0..0));
        }
        if seen < self.first || now - self.first != self.entries.len() as u64 {
            return None;
        }
        let skip = usize::try_from(seen - self.first).ok()?;
        Some(self.entries.range(skip..))
    }
}

/// A copy of a [`TextBox`]'s lines and the version it shows ([`TextBox::version`]).
#[derive(Clone, Debug, Default)]
pub struct Mirror {
    version: Option<(u64, u64)>,
    lines: Vec<String>,
}

impl Mirror {
    /// A copy of `text_box`'s lines.
    pub fn of(text_box: &TextBox) -> Mirror {
        Mirror {
            version: Some(text_box.version()),
            lines: text_box.lines.clone(),
        }
    }

    /// Brings the copy up to date with `text_box`: replays its changes since the last sync
    /// (the cost of the changed lines), or copies every line when it cannot (another box, or
    /// more changes than the journal keeps). Returns true when it had to copy everything.
    pub fn sync(&mut self, text_box: &TextBox) -> bool {
        let (id, now) = text_box.version();
        if let Some((seen_id, seen)) = self.version
            && seen_id == id
            && let Some(changes) = text_box.journal.since(seen, now)
        {
            for change in changes {
                let end = change.end.min(self.lines.len());
                let start = change.start.min(end);
                self.lines.splice(start..end, change.lines.iter().cloned());
                if self.lines.is_empty() {
                    self.lines.push(String::new());
                }
            }
            self.version = Some((id, now));
            return false;
        }
        *self = Mirror::of(text_box);
        true
    }

    /// The version of the box this copy shows.
    pub fn version(&self) -> Option<(u64, u64)> {
        self.version
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn replays_edits_without_copying_everything() {
        let mut tb = TextBox::new("one\ntwo\nthree", false);
        let mut mirror = Mirror::of(&tb);
        tb.insert_str("!");
        tb.input(key(KeyCode::Enter));
        tb.insert_str("four\nfive");
        tb.set_cursor(0, 0);
        tb.input(key(KeyCode::Delete));
        tb.input(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        tb.input(KeyEvent::new(KeyCode::Char('y'), KeyModifiers::CONTROL));
        tb.set_cursor(1, 0);
        tb.input(key(KeyCode::Backspace));
        assert!(!mirror.sync(&tb), "replayed, not copied");
        assert_eq!(mirror.text(), tb.text());
        assert_eq!(mirror.version(), Some(tb.version()));
        // Nothing new: nothing to do.
        assert!(!mirror.sync(&tb));
        assert_eq!(mirror.text(), tb.text());
    }

    #[test]
    fn falls_back_to_a_copy() {
        let mut tb = TextBox::new("", false);
        let mut mirror = Mirror::of(&tb);
        for _ in 0..KEPT + 10 {
            tb.insert_str("x\n");
        }
        assert!(mirror.sync(&tb), "too many changes: copied");
        assert_eq!(mirror.text(), tb.text());
        let other = TextBox::new("other", false);
        assert!(mirror.sync(&other), "another box: copied");
        assert_eq!(mirror.text(), "other");
        // Big changes push old ones out by size.
        let mut big = TextBox::new("", false);
        let mut mirror = Mirror::of(&big);
        for _ in 0..3 {
            big.insert_str("y".repeat(KEPT_BYTES / 2));
            big.insert_str("\n");
        }
        assert!(mirror.sync(&big));
        assert_eq!(mirror.text(), big.text());
    }
}
