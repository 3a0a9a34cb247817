//! Where a record list's visible rows start, remembered between frames (as ratatui's
//! `ListState` does): the view moves only when the selection would leave it, so moving the
//! selection through a long list rewrites two rows, not the whole list.
//!
//! Kept per drawing thread, by incident, list and height; the first frame puts the selection
//! on the last row, as a stateless list would.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::app::form::RecordKind;

thread_local! {
    static OFFSETS: RefCell<HashMap<(String, RecordKind, usize), usize>> =
        RefCell::new(HashMap::new());
}

/// The first row to show of a list of `len` records, `rows` of them visible, with `selected`
/// selected: the last frame's start, moved as little as keeps the selection in view and no
/// row empty below the list.
pub fn offset(id: &str, kind: RecordKind, selected: usize, rows: usize, len: usize) -> usize {
    if rows == 0 {
        return 0;
    }
    OFFSETS.with(|offsets| {
        let mut offsets = offsets.borrow_mut();
        if offsets.len() > 64 {
            offsets.clear();
        }
        let default = (selected + 1).saturating_sub(rows);
        let slot = offsets
            .entry((id.to_string(), kind, rows))
            .or_insert(default);
        let mut start = *slot;
        if selected < start {
            start = selected;
        } else if selected >= start + rows {
            start = selected + 1 - rows;
        }
        start = start.min(len.saturating_sub(rows));
        *slot = start;
        start
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_moves_only_when_the_selection_leaves_it() {
        let k = RecordKind::Timeline;
        assert_eq!(offset("a", k, 0, 10, 100), 0);
        assert_eq!(offset("a", k, 9, 10, 100), 0);
        assert_eq!(offset("a", k, 10, 10, 100), 1);
        assert_eq!(offset("a", k, 5, 10, 100), 1);
        assert_eq!(offset("a", k, 0, 10, 100), 0);
        // A first frame puts the selection on the last row.
        assert_eq!(offset("b", k, 50, 10, 100), 41);
        // The list shrank: no empty rows below it.
        assert_eq!(offset("b", k, 45, 10, 46), 36);
    }
}
