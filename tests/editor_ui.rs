//! The text editor on screen (issue 9, problems 2 and 3): a long one-line value shows the
//! part around the cursor while it is edited, and the narrative's editor keeps the cursor and
//! the text above it in view through a series of resizes. Snapshots at the sizes named there.

mod common;

use common::Harness;

fn demo_open(keys: &str) -> Harness {
    let mut h = Harness::demo();
    h.keys("<enter>").keys(keys);
    h.state.message = None;
    h
}

/// A 300-character title with numbered words, the cursor left before word 30 of 60.
fn long_title_being_edited() -> Harness {
    let mut h = demo_open("<enter>");
    // Replace the title with one of 60 numbered words.
    h.keys("<c-u>");
    let words: Vec<String> = (1..=60).map(|i| format!("w{i:02}")).collect();
    h.paste(&words.join(" "));
    h.keys(&"<left>".repeat(60 * 4 - 29 * 4));
    h
}

#[test]
fn a_long_title_shows_the_part_being_edited() {
    for (w, ht) in [(80, 24), (160, 48)] {
        let h = long_title_being_edited();
        let screen = h.screen(w, ht);
        // The words around the cursor are on screen, both cut ends are marked.
        let row = screen
            .lines()
            .find(|l| l.contains("w29 w30"))
            .unwrap_or_else(|| panic!("{w}x{ht}: the cursor's words are hidden:\n{screen}"));
        assert!(row.contains('…'), "{w}x{ht}: {row}");
        assert!(
            !screen.contains("w60"),
            "{w}x{ht}: shows the end, not the cursor"
        );
        insta::assert_snapshot!(format!("editor_long_title_{w}x{ht}"), screen);
    }
}

#[test]
fn a_long_title_at_its_end_shows_its_end() {
    let mut h = long_title_being_edited();
    h.keys("<end>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("w59 w60"), "{screen}");
    h.keys("<home>");
    let screen = h.screen(80, 24);
    assert!(screen.contains("w01 w02"), "{screen}");
}

#[test]
fn the_narrative_editor_keeps_the_cursor_and_the_text_above_it_after_resizes() {
    let h = demo_open("7<enter>");
    let text = h
        .state
        .incident()
        .and_then(|v| v.cursor.editor.as_ref())
        .map(|e| e.textarea.text())
        .expect("editing the narrative");
    for (w, ht) in [(160, 48), (40, 12), (80, 24), (160, 48)] {
        let screen = h.screen(w, ht);
        let lines: Vec<&str> = screen.lines().collect();
        let top = lines
            .iter()
            .position(|l| l.contains("✎ Story"))
            .unwrap_or_else(|| panic!("{w}x{ht}: no editor:\n{screen}"));
        let bottom = lines[top + 1..]
            .iter()
            .position(|l| l.contains("Esc done"))
            .map(|p| p + top + 1)
            .unwrap_or_else(|| panic!("{w}x{ht}: no editor bottom:\n{screen}"));
        let inside: Vec<String> = lines[top + 1..bottom]
            .iter()
            .map(|l| inner(l, lines[top]))
            .collect();
        // The end of the text (where the cursor is) is at the bottom of the box: under it at
        // most the text's own empty last line and the box's spare row, and the rows above it
        // hold text.
        let last_text = inside
            .iter()
            .rposition(|r| !r.trim().is_empty())
            .unwrap_or_else(|| panic!("{w}x{ht}: empty editor:\n{screen}"));
        assert!(
            inside.len() - 1 - last_text <= 1 + usize::from(text.ends_with('\n')),
            "{w}x{ht}: blank rows under the text:\n{screen}"
        );
        let end = text.trim_end().rsplit(' ').next().unwrap_or("");
        assert!(
            inside[last_text].contains(end),
            "{w}x{ht}: the end of the text is not shown:\n{screen}"
        );
        assert!(
            !inside[0].trim().is_empty() || last_text == 0,
            "{w}x{ht}: room above the text left empty:\n{screen}"
        );
    }
    insta::assert_snapshot!("editor_narrative_after_resizes_160x48", h.screen(160, 48));
}

/// The part of a screen row inside the editor's box, whose top border is `top`.
fn inner(row: &str, top: &str) -> String {
    let start = top.chars().position(|c| c == '┌').unwrap_or(0);
    let end = top
        .chars()
        .position(|c| c == '┐')
        .unwrap_or(top.chars().count());
    row.chars()
        .skip(start + 1)
        .take(end.saturating_sub(start + 1))
        .collect()
}
