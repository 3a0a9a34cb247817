use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::TextBox;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

fn typed(text_box: &mut TextBox, text: &str) {
    for c in text.chars() {
        text_box.input(key(KeyCode::Char(c)));
    }
}

/// The box drawn at `width`×`height`, one string per row (trailing spaces trimmed).
fn draw(text_box: &TextBox, width: u16, height: u16) -> Vec<String> {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    text_box.render(area, &mut buf);
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn typing_deleting_and_new_lines() {
    let mut t = TextBox::new("", false);
    typed(&mut t, "hello");
    t.input(key(KeyCode::Enter));
    typed(&mut t, "world");
    assert_eq!(t.text(), "hello\nworld");
    t.input(key(KeyCode::Home));
    t.input(key(KeyCode::Backspace));
    assert_eq!(t.text(), "helloworld");
    assert_eq!(t.cursor(), (0, 5));
    t.input(key(KeyCode::Delete));
    assert_eq!(t.text(), "helloorld");
    t.insert_str("a\r\nb");
    assert_eq!(t.lines(), ["helloa", "borld"]);
    assert_eq!(t.cursor(), (1, 1));
}

#[test]
fn one_line_box_takes_no_new_lines() {
    let mut t = TextBox::new("a\nb", true);
    assert_eq!(t.text(), "a b");
    t.input(key(KeyCode::Enter));
    t.insert_str("c\nd");
    assert_eq!(t.text(), "a bc d");
}

#[test]
fn word_moves_and_shell_keys() {
    let mut t = TextBox::new("one two three", true);
    t.input(alt('b'));
    assert_eq!(t.cursor(), (0, 8));
    t.input(ctrl('w'));
    assert_eq!(t.text(), "one three");
    t.input(alt('f'));
    assert_eq!(t.cursor(), (0, 9));
    t.input(ctrl('a'));
    t.input(alt('d'));
    assert_eq!(t.text(), " three");
    t.input(ctrl('k'));
    assert_eq!(t.text(), "");
    let mut t = TextBox::new("keep this", true);
    t.input(alt('b'));
    t.input(ctrl('u'));
    assert_eq!(t.text(), "this");
    t.input(key(KeyCode::End));
    t.input(KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL));
    assert_eq!(t.cursor(), (0, 0));
}

#[test]
fn undo_and_redo_whole_typing_runs() {
    let mut t = TextBox::new("a", false);
    typed(&mut t, "bcd");
    t.input(key(KeyCode::Enter));
    typed(&mut t, "e");
    t.input(ctrl('z'));
    assert_eq!(t.text(), "abcd\n");
    t.input(ctrl('z'));
    assert_eq!(t.text(), "abcd");
    t.input(ctrl('z'));
    assert_eq!(t.text(), "a");
    t.input(ctrl('y'));
    assert_eq!(t.text(), "abcd");
    assert_eq!(t.cursor(), (0, 4));
}

#[test]
fn up_and_down_move_by_screen_row() {
    let mut t = TextBox::new("aaaa bbbb cccc\nxy", false);
    // Wraps at 5 columns in a 6-column box: "aaaa ", "bbbb ", "cccc", "xy".
    assert_eq!(draw(&t, 6, 4), ["aaaa", "bbbb", "cccc", "xy"]);
    t.set_cursor(0, 1);
    t.input(key(KeyCode::Down));
    assert_eq!(t.cursor(), (0, 6));
    t.input(key(KeyCode::Down));
    t.input(key(KeyCode::Down));
    assert_eq!(t.cursor(), (1, 1));
    t.input(key(KeyCode::Up));
    assert_eq!(t.cursor(), (0, 11));
    assert_eq!(t.rows(6), 4);
}

#[test]
fn placeholder_shows_while_empty() {
    let t = TextBox::new("", true).with_placeholder("e.g. a title");
    assert_eq!(draw(&t, 20, 1), ["e.g. a title"]);
}

#[test]
fn one_line_box_scrolls_around_the_cursor() {
    let text: String = (0..60).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let mut t = TextBox::new(&text, true);
    // Cursor at the end: the tail is shown, the cut start marked.
    let row = draw(&t, 20, 1).remove(0);
    assert!(row.starts_with('…'), "{row}");
    assert!(row.ends_with("efgh"), "{row}");
    // Cursor in the middle: the text around it is shown, both ends marked.
    t.set_cursor(0, 30);
    let row = draw(&t, 20, 1).remove(0);
    assert!(row.starts_with('…') && row.ends_with('…'), "{row}");
    assert!(row.contains("efgh"), "{row}");
    // Back to the start.
    t.input(key(KeyCode::Home));
    let row = draw(&t, 20, 1).remove(0);
    assert!(row.starts_with("abcd") && row.ends_with('…'), "{row}");
}

#[test]
fn multi_line_box_keeps_the_cursor_and_text_above_after_resizes() {
    let text = (1..=60)
        .map(|i| format!("line {i} of the story"))
        .collect::<Vec<_>>()
        .join("\n");
    let t = TextBox::new(&text, false);
    for (w, h) in [(158, 40), (38, 8), (78, 18), (158, 40)] {
        let rows = draw(&t, w, h);
        let last_text = rows.iter().rposition(|r| !r.is_empty()).unwrap_or(0);
        assert!(
            rows[last_text].contains("line 60"),
            "{w}x{h}: cursor line not shown: {rows:?}"
        );
        assert_eq!(
            last_text,
            usize::from(h) - 1,
            "{w}x{h}: rows left empty: {rows:?}"
        );
    }
}

#[test]
fn editing_one_line_rewraps_only_that_line() {
    let text = vec!["word ".repeat(200); 300].join("\n");
    let mut t = TextBox::new(&text, false);
    draw(&t, 80, 20);
    let before = t.view.borrow().cache.computed();
    assert_eq!(before, 300);
    typed(&mut t, "xyz");
    draw(&t, 80, 20);
    t.input(key(KeyCode::Enter));
    draw(&t, 80, 20);
    assert_eq!(t.view.borrow().cache.computed(), before + 3);
    assert_eq!(t.changes(), 4);
}
