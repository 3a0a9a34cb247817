//! Replacing the whole text at once, for text edited in another program (`$VISUAL` or
//! `$EDITOR`): one change, so one Ctrl-Z brings back the text as it was before.

use super::TextBox;

impl TextBox {
    /// Replaces the whole text with `text` (in a one-line box, new lines become spaces) as a
    /// single undoable change, the cursor at the end of the first line that differs from the
    /// old text (or at the end). Returns false, changing nothing, when the text is the same.
    pub fn replace_all(&mut self, text: &str) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let lines: Vec<String> = if self.single_line {
            vec![text.split('\n').collect::<Vec<_>>().join(" ")]
        } else {
            text.split('\n').map(str::to_string).collect()
        };
        if lines == self.lines {
            return false;
        }
        let changed = lines
            .iter()
            .zip(&self.lines)
            .position(|(new, old)| new != old)
            .unwrap_or(lines.len().min(self.lines.len()))
            .min(lines.len() - 1);
        let cursor = (changed, lines[changed].chars().count());
        let end = self.lines.len();
        self.replace(0, end, lines, cursor, false);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::TextBox;

    #[test]
    fn the_whole_text_is_one_undoable_change() {
        let mut t = TextBox::new("one\ntwo", false);
        t.insert_str("!");
        assert!(t.replace_all("one\ntwo!\nthree\n"));
        assert_eq!(t.text(), "one\ntwo!\nthree\n");
        assert_eq!(t.cursor(), (2, 5));
        assert!(!t.replace_all("one\ntwo!\nthree\n"));
        t.undo();
        assert_eq!(t.text(), "one\ntwo!");
        t.undo();
        assert_eq!(t.text(), "one\ntwo");
        t.redo();
        t.redo();
        assert_eq!(t.text(), "one\ntwo!\nthree\n");
    }

    #[test]
    fn a_one_line_box_keeps_one_line() {
        let mut t = TextBox::new("title", true);
        assert!(t.replace_all("new\ntitle"));
        assert_eq!(t.lines(), ["new title"]);
    }
}
