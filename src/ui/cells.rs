//! Panels kept as drawn: a panel whose inputs did not change since the last frame is copied
//! cell by cell from that frame instead of being laid out and drawn again.
//!
//! Drawing a panel of text costs grapheme segmentation, width look-ups and style patches for
//! every cell; copying its cells back costs a fraction of that. Each panel is kept under a
//! name with a key that the caller computes from everything the panel shows (a hash of
//! revisions, cursor and size); a different key, or a different area, draws it again.
//!
//! The panels are kept by the open incident's view
//! ([`crate::app::layout_memo::RendererMemo`]), so they go with it when it closes.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;

use crate::app::layout_memo::RendererMemo;

/// A panel's cells as last drawn, with the key and area they were drawn for.
struct Kept {
    slot: u64,
    key: u64,
    area: Rect,
    cells: Vec<Cell>,
}

/// The panels a view keeps.
#[derive(Default)]
struct Panels(Vec<Kept>);

/// The key of a panel's inputs: a hash of `inputs`.
pub fn key(inputs: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    inputs.hash(&mut hasher);
    hasher.finish()
}

/// Most panels kept; past it the store starts again (screens come and go).
const KEPT_MOST: usize = 64;

/// Draws the panel kept in `slot` (a [`key`] of its name) of `memo` into `area` with `draw`,
/// or copies it from the last frame when it was drawn there with the same `key` and `area`. `draw` must
/// write only inside `area`, which nothing else drew on in this frame, and what it writes
/// must depend on nothing that `key` leaves out.
pub fn kept(
    frame: &mut Frame,
    memo: &RendererMemo,
    slot: u64,
    area: Rect,
    key: u64,
    draw: impl FnOnce(&mut Frame),
) {
    let panels = memo.slot::<Panels>();
    let area = area.intersection(frame.area());
    if area.is_empty() {
        draw(frame);
        return;
    }
    let copied = (|| {
        let kept = panels.borrow();
        let Some(k) = kept.0.iter().find(|k| k.slot == slot) else {
            return false;
        };
        if k.key != key || k.area != area {
            return false;
        }
        let buf = frame.buffer_mut();
        let width = usize::from(area.width);
        for (row, y) in (area.top()..area.bottom()).enumerate() {
            let start = buf.index_of(area.x, y);
            let kept_row = &k.cells[row * width..(row + 1) * width];
            for (cell, kept) in buf.content[start..start + width].iter_mut().zip(kept_row) {
                // Most of a panel is blank, as a new frame starts: nothing to copy there.
                if *kept != Cell::EMPTY || *cell != Cell::EMPTY {
                    cell.clone_from(kept);
                }
            }
        }
        true
    })();
    if copied {
        return;
    }
    draw(frame);
    let buf = frame.buffer_mut();
    let width = usize::from(area.width);
    let mut cells = Vec::with_capacity(width * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        cells.extend_from_slice(&buf.content[start..start + width]);
    }
    {
        let kept = &mut panels.borrow_mut().0;
        let new = Kept {
            slot,
            key,
            area,
            cells,
        };
        match kept.iter_mut().find(|k| k.slot == slot) {
            Some(k) => *k = new,
            None => {
                if kept.len() >= KEPT_MOST {
                    kept.clear();
                }
                kept.push(new);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    fn frame_with(
        terminal: &mut Terminal<TestBackend>,
        memo: &RendererMemo,
        key: u64,
        text: &str,
    ) -> bool {
        let mut drawn = false;
        terminal
            .draw(|frame| {
                kept(frame, memo, 7, Rect::new(1, 1, 5, 2), key, |frame| {
                    drawn = true;
                    frame.render_widget(Paragraph::new(text.to_string()), Rect::new(1, 1, 5, 2));
                });
            })
            .unwrap();
        drawn
    }

    #[test]
    fn the_same_key_copies_the_last_frame_and_another_draws_again() {
        let mut terminal = Terminal::new(TestBackend::new(8, 4)).unwrap();
        let memo = RendererMemo::default();
        assert!(frame_with(&mut terminal, &memo, 1, "abc"));
        assert!(!frame_with(&mut terminal, &memo, 1, "xyz"), "kept");
        assert_eq!(terminal.backend().buffer()[(1, 1)].symbol(), "a");
        // Another view keeps its own panels.
        assert!(frame_with(
            &mut terminal,
            &RendererMemo::default(),
            1,
            "xyz"
        ));
        assert!(frame_with(&mut terminal, &memo, 2, "xyz"));
        assert_eq!(terminal.backend().buffer()[(1, 1)].symbol(), "x");
    }
}
