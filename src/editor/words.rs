//! Word motions, as a shell's line editor (GNU Readline, the Emacs mode of bash) has them:
//! Alt-B goes back to the start of the word at or before the cursor, Alt-F forward to the end
//! of the next word, where a word is letters and digits; Ctrl-W deletes back to the previous
//! blank (Readline's `unix-word-rubout`), so `cd /var/log` loses `/var/log` in one key.

use super::TextBox;
use super::history::Pos;

/// A letter or a digit: what Readline's word motions treat as part of a word.
fn is_word(ch: char) -> bool {
    ch.is_alphanumeric()
}

impl TextBox {
    /// The character before `pos` (`\n` at the start of a line after the first).
    fn char_before(&self, (r, c): Pos) -> Option<char> {
        if c == 0 {
            return if r == 0 { None } else { Some('\n') };
        }
        self.lines[r].chars().nth(c - 1)
    }

    /// The character at `pos` (`\n` at the end of a line before the last).
    fn char_at(&self, (r, c): Pos) -> Option<char> {
        match self.lines[r].chars().nth(c) {
            Some(ch) => Some(ch),
            None if r + 1 < self.lines.len() => Some('\n'),
            None => None,
        }
    }

    /// The start of the word before `pos`, skipping what is not a word first (Alt-B).
    pub(super) fn word_back(&self, mut pos: Pos) -> Pos {
        while self.char_before(pos).is_some_and(|ch| !is_word(ch)) {
            pos = self.prev_pos(pos);
        }
        while self.char_before(pos).is_some_and(is_word) {
            pos = self.prev_pos(pos);
        }
        pos
    }

    /// The end of the word after `pos`, skipping what is not a word first (Alt-F).
    pub(super) fn word_forward(&self, mut pos: Pos) -> Pos {
        while self.char_at(pos).is_some_and(|ch| !is_word(ch)) {
            pos = self.next_pos(pos);
        }
        while self.char_at(pos).is_some_and(is_word) {
            pos = self.next_pos(pos);
        }
        pos
    }

    /// Back from `pos` over blanks, then over everything up to the previous blank (Ctrl-W).
    pub(super) fn space_word_back(&self, mut pos: Pos) -> Pos {
        while self.char_before(pos).is_some_and(char::is_whitespace) {
            pos = self.prev_pos(pos);
        }
        while self.char_before(pos).is_some_and(|ch| !ch.is_whitespace()) {
            pos = self.prev_pos(pos);
        }
        pos
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::TextBox;

    fn press(t: &mut TextBox, code: KeyCode, modifiers: KeyModifiers) {
        t.input(KeyEvent::new(code, modifiers));
    }

    fn ctrl(t: &mut TextBox, c: char) {
        press(t, KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    fn alt(t: &mut TextBox, c: char) {
        press(t, KeyCode::Char(c), KeyModifiers::ALT);
    }

    /// The text with `|` at the cursor (one-line boxes).
    fn shown(t: &TextBox) -> String {
        let (_, col) = t.cursor();
        let line = &t.lines()[0];
        let at = line.char_indices().nth(col).map_or(line.len(), |(b, _)| b);
        format!("{}|{}", &line[..at], &line[at..])
    }

    #[test]
    fn ctrl_w_deletes_back_to_the_previous_blank() {
        let mut t = TextBox::new("cd /var/log/nginx", true);
        ctrl(&mut t, 'w');
        assert_eq!(shown(&t), "cd |");
        let mut t = TextBox::new("rolled back deploy-42   ", true);
        ctrl(&mut t, 'w');
        assert_eq!(shown(&t), "rolled back |");
        ctrl(&mut t, 'w');
        ctrl(&mut t, 'w');
        assert_eq!(shown(&t), "|");
        ctrl(&mut t, 'w');
        assert_eq!(shown(&t), "|");
    }

    #[test]
    fn alt_b_and_alt_f_move_by_letters_and_digits() {
        let mut t = TextBox::new("db-1 failed over_to replica", true);
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "db-1 failed over_to |replica");
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "db-1 failed over_|to replica");
        alt(&mut t, 'b');
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "db-1 |failed over_to replica");
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "db-|1 failed over_to replica");
        alt(&mut t, 'b');
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "|db-1 failed over_to replica");
        alt(&mut t, 'f');
        assert_eq!(shown(&t), "db|-1 failed over_to replica");
        alt(&mut t, 'f');
        alt(&mut t, 'f');
        assert_eq!(shown(&t), "db-1 failed| over_to replica");
        for _ in 0..9 {
            alt(&mut t, 'f');
        }
        assert_eq!(shown(&t), "db-1 failed over_to replica|");
    }

    #[test]
    fn ctrl_u_and_ctrl_k_kill_to_the_line_start_and_end() {
        let mut t = TextBox::new("page the on-call now", true);
        alt(&mut t, 'b');
        alt(&mut t, 'b');
        assert_eq!(shown(&t), "page the on-|call now");
        ctrl(&mut t, 'k');
        assert_eq!(shown(&t), "page the on-|");
        alt(&mut t, 'b');
        ctrl(&mut t, 'u');
        assert_eq!(shown(&t), "|on-");
        // Each kill is one undo step.
        ctrl(&mut t, 'z');
        assert_eq!(t.text(), "page the on-");
        ctrl(&mut t, 'z');
        assert_eq!(t.text(), "page the on-call now");
    }

    #[test]
    fn kills_stay_on_their_line_in_a_long_text() {
        let mut t = TextBox::new("first line\nsecond line", false);
        t.set_cursor(1, 6);
        ctrl(&mut t, 'u');
        assert_eq!(t.text(), "first line\n line");
        ctrl(&mut t, 'k');
        assert_eq!(t.text(), "first line\n");
        // Ctrl-W at a line's start goes back over the line break, as a blank.
        ctrl(&mut t, 'w');
        assert_eq!(t.text(), "first ");
    }
}
