//! The text editor of the terminal UI: a buffer of lines, a cursor, undo, and a view that
//! wraps each line once and remembers it (see [`wrap::WrapCache`]), so a key costs the same
//! in a 50,000-word narrative as in a title.
//!
//! A multi-line box wraps at word boundaries and scrolls so that the cursor is always shown,
//! with as much text above it as fits (also after the box is resized). A one-line box does
//! not wrap; it scrolls sideways around the cursor, marking cut ends with `…`.
//!
//! Keys (besides typing): arrows (up/down by screen row), Home/End and Ctrl-A/Ctrl-E (line
//! start/end), Ctrl-Home/Ctrl-End, PageUp/PageDown, Ctrl-←/→ and Alt-B/Alt-F (word), Backspace,
//! Delete, Ctrl-W (back to the previous blank, as a shell does) and Alt-Backspace (word
//! before), Alt-D (word after), Ctrl-U/Ctrl-K (to line start/end), Ctrl-Z/Ctrl-Y (undo/redo),
//! Enter (new line, in a multi-line box). Word motions are in [`words`].

mod external;
mod history;
pub mod mirror;
mod view;
mod words;
pub mod wrap;

use std::cell::RefCell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};

use history::{Change, History, Pos};
use view::View;

/// Source of [`TextBox`] ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Editable text with a cursor; drawn with `frame.render_widget(&text_box, area)`.
#[derive(Clone, Debug)]
pub struct TextBox {
    lines: Vec<String>,
    cursor: Pos,
    /// Screen column kept while moving up and down through rows of different lengths.
    want_col: Option<usize>,
    single_line: bool,
    placeholder: String,
    history: History,
    changes: u64,
    /// Tells this box from every other one made by the process (see [`TextBox::version`]).
    id: u64,
    /// Text style; the cursor is drawn reversed.
    pub style: Style,
    /// Style of the placeholder shown while the text is empty.
    pub placeholder_style: Style,
    view: RefCell<View>,
    /// The latest changes, for [`mirror::Mirror`]s to replay.
    journal: mirror::Journal,
}

impl Default for TextBox {
    fn default() -> TextBox {
        TextBox::new("", false)
    }
}

impl TextBox {
    /// A box holding `text` (lines split at `\n`), the cursor at its end. A one-line box
    /// (`single_line`) joins any lines with spaces and never takes a new line.
    pub fn new(text: &str, single_line: bool) -> TextBox {
        let lines: Vec<String> = if single_line {
            vec![text.split('\n').collect::<Vec<_>>().join(" ")]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        let last = lines.len() - 1;
        let cursor = (last, lines[last].chars().count());
        TextBox {
            lines,
            cursor,
            want_col: None,
            single_line,
            placeholder: String::new(),
            history: History::default(),
            changes: 0,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            style: Style::default(),
            placeholder_style: Style::default().fg(Color::DarkGray),
            view: RefCell::new(View::default()),
            journal: mirror::Journal::default(),
        }
    }

    /// The same box with a placeholder shown (dimmed) while it is empty.
    pub fn with_placeholder(mut self, placeholder: &str) -> TextBox {
        self.placeholder = placeholder.to_string();
        self
    }

    /// Sets the placeholder shown while the text is empty.
    pub fn set_placeholder_text(&mut self, placeholder: impl Into<String>) {
        self.placeholder = placeholder.into();
    }

    /// The lines (at least one).
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.lines.len() == 1 && self.lines[0].is_empty()
    }

    /// True for a one-line box.
    pub fn is_single_line(&self) -> bool {
        self.single_line
    }

    /// The cursor: line index and char index within the line.
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// Counts changes to the text (not cursor moves), to notice a change cheaply.
    pub fn changes(&self) -> u64 {
        self.changes
    }

    /// This box and its change count: equal versions mean equal text, also across boxes
    /// (a new box never repeats another's version).
    pub fn version(&self) -> (u64, u64) {
        (self.id, self.changes)
    }

    /// Moves the cursor to line `line`, char `col` (clamped to the text).
    pub fn set_cursor(&mut self, line: usize, col: usize) {
        let line = line.min(self.lines.len() - 1);
        self.cursor = (line, col.min(char_len(&self.lines[line])));
        self.want_col = None;
    }

    /// Inserts text at the cursor (in a one-line box, new lines become spaces).
    pub fn insert_str(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref().replace("\r\n", "\n").replace('\r', "\n");
        let text = if self.single_line {
            text.replace('\n', " ")
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        let (r, c) = self.cursor;
        let line = &self.lines[r];
        let b = byte_at(line, c);
        let (head, tail) = line.split_at(b);
        let parts: Vec<&str> = text.split('\n').collect();
        let last = parts.len() - 1;
        let mut inserted: Vec<String> = Vec::with_capacity(parts.len());
        for (i, part) in parts.iter().enumerate() {
            let mut s = if i == 0 {
                format!("{head}{part}")
            } else {
                part.to_string()
            };
            if i == last {
                s.push_str(tail);
            }
            inserted.push(s);
        }
        let col = if last == 0 {
            c + char_len(parts[0])
        } else {
            char_len(parts[last])
        };
        let typing = last == 0 && char_len(&text) == 1;
        self.replace(r, r + 1, inserted, (r + last, col), typing);
    }

    /// Handles a key; returns false when the box has no use for it.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let r = self.cursor.0;
        let end_of_line = (r, char_len(&self.lines[r]));
        match key.code {
            KeyCode::Char(ch) if ctrl => match ch {
                'a' => self.move_to((r, 0)),
                'e' => self.move_to(end_of_line),
                'b' => self.move_to(self.prev_pos(self.cursor)),
                'f' => self.move_to(self.next_pos(self.cursor)),
                'h' => self.delete_to(self.prev_pos(self.cursor)),
                'd' => self.delete_to(self.next_pos(self.cursor)),
                'w' => self.delete_to(self.space_word_back(self.cursor)),
                'u' => self.delete_to((r, 0)),
                'k' => self.delete_to(end_of_line),
                'z' => self.undo(),
                'y' => self.redo(),
                'm' | 'j' if !self.single_line => self.insert_str("\n"),
                'p' => self.vertical(-1),
                'n' => self.vertical(1),
                _ => return false,
            },
            KeyCode::Char(ch) if alt => match ch {
                'b' => self.move_to(self.word_back(self.cursor)),
                'f' => self.move_to(self.word_forward(self.cursor)),
                'd' => self.delete_to(self.word_forward(self.cursor)),
                _ => return false,
            },
            KeyCode::Char(ch) => self.insert_str(ch.encode_utf8(&mut [0; 4])),
            KeyCode::Enter if !self.single_line => self.insert_str("\n"),
            KeyCode::Backspace if ctrl || alt => self.delete_to(self.word_back(self.cursor)),
            KeyCode::Backspace => self.delete_to(self.prev_pos(self.cursor)),
            KeyCode::Delete if ctrl || alt => self.delete_to(self.word_forward(self.cursor)),
            KeyCode::Delete => self.delete_to(self.next_pos(self.cursor)),
            KeyCode::Left if ctrl || alt => self.move_to(self.word_back(self.cursor)),
            KeyCode::Right if ctrl || alt => self.move_to(self.word_forward(self.cursor)),
            KeyCode::Left => self.move_to(self.prev_pos(self.cursor)),
            KeyCode::Right => self.move_to(self.next_pos(self.cursor)),
            KeyCode::Up => self.vertical(-1),
            KeyCode::Down => self.vertical(1),
            KeyCode::Home if ctrl => self.move_to((0, 0)),
            KeyCode::End if ctrl => self.move_to(self.end()),
            KeyCode::Home => self.move_to((r, 0)),
            KeyCode::End => self.move_to(end_of_line),
            KeyCode::PageUp => self.vertical(-self.page()),
            KeyCode::PageDown => self.vertical(self.page()),
            _ => return false,
        }
        true
    }

    /// Undoes the last change.
    pub fn undo(&mut self) {
        let Some(change) = self.history.undo().cloned() else {
            return;
        };
        self.splice(
            change.start,
            change.start + change.inserted.len(),
            change.removed,
        );
        self.cursor = change.before;
        self.want_col = None;
    }

    /// Applies the last undone change again.
    pub fn redo(&mut self) {
        let Some(change) = self.history.redo().cloned() else {
            return;
        };
        self.splice(
            change.start,
            change.start + change.removed.len(),
            change.inserted,
        );
        self.cursor = change.after;
        self.want_col = None;
    }

    fn end(&self) -> Pos {
        let last = self.lines.len() - 1;
        (last, char_len(&self.lines[last]))
    }

    fn move_to(&mut self, pos: Pos) {
        self.cursor = pos;
        self.want_col = None;
    }

    /// Deletes between the cursor and `pos` (either side), leaving the cursor at the start.
    fn delete_to(&mut self, pos: Pos) {
        let (from, to) = if pos < self.cursor {
            (pos, self.cursor)
        } else {
            (self.cursor, pos)
        };
        if from == to {
            return;
        }
        let first = &self.lines[from.0];
        let last = &self.lines[to.0];
        let joined = format!(
            "{}{}",
            &first[..byte_at(first, from.1)],
            &last[byte_at(last, to.1)..]
        );
        self.replace(from.0, to.0 + 1, vec![joined], from, false);
    }

    /// Replaces lines `start..end` with `inserted`, recording the change for undo.
    fn replace(
        &mut self,
        start: usize,
        end: usize,
        inserted: Vec<String>,
        after: Pos,
        typing: bool,
    ) {
        let removed = self.splice(start, end, inserted.clone());
        self.history.push(Change {
            start,
            removed,
            inserted,
            before: self.cursor,
            after,
            typing,
        });
        self.cursor = after;
        self.want_col = None;
    }

    fn splice(&mut self, start: usize, end: usize, lines: Vec<String>) -> Vec<String> {
        let count = lines.len();
        self.journal.record(self.changes, start, end, &lines);
        let removed: Vec<String> = self.lines.splice(start..end, lines).collect();
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.view.borrow_mut().cache.splice(start, end, count);
        self.changes += 1;
        removed
    }

    fn prev_pos(&self, (r, c): Pos) -> Pos {
        if c > 0 {
            (r, c - 1)
        } else if r > 0 {
            (r - 1, char_len(&self.lines[r - 1]))
        } else {
            (r, c)
        }
    }

    fn next_pos(&self, (r, c): Pos) -> Pos {
        if c < char_len(&self.lines[r]) {
            (r, c + 1)
        } else if r + 1 < self.lines.len() {
            (r + 1, 0)
        } else {
            (r, c)
        }
    }
}

/// Chars in a line.
fn char_len(line: &str) -> usize {
    line.chars().count()
}

/// Byte offset of char `col` of `line` (its length past the end).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// Style of the cursor cell.
fn cursor_style(style: Style) -> Style {
    style.add_modifier(Modifier::REVERSED)
}

#[cfg(test)]
mod tests;
