//! Where a record list's visible rows start, moved from the last frame's start (as ratatui's
//! `ListState` does): the view moves only when the selection would leave it, so moving the
//! selection through a long list rewrites two rows, not the whole list. The start is kept by
//! the open incident's view ([`crate::app::layout_memo::LayoutMemo::list_offset`]); the first
//! frame puts the selection on the last row, as a stateless list would.

/// The first row to show of a list of `len` records, `rows` of them visible, with `selected`
/// selected, after a frame that started at `last` (`None`: no frame yet at this height):
/// moved as little as keeps the selection in view and no row empty below the list.
pub fn offset(last: Option<usize>, selected: usize, rows: usize, len: usize) -> usize {
    if rows == 0 {
        return 0;
    }
    let mut start = last.unwrap_or((selected + 1).saturating_sub(rows));
    if selected < start {
        start = selected;
    } else if selected >= start + rows {
        start = selected + 1 - rows;
    }
    start.min(len.saturating_sub(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_moves_only_when_the_selection_leaves_it() {
        let mut last = None;
        let mut step = |selected, len| {
            let start = offset(last, selected, 10, len);
            last = Some(start);
            start
        };
        assert_eq!(step(0, 100), 0);
        assert_eq!(step(9, 100), 0);
        assert_eq!(step(10, 100), 1);
        assert_eq!(step(5, 100), 1);
        assert_eq!(step(0, 100), 0);
        // A first frame puts the selection on the last row.
        assert_eq!(offset(None, 50, 10, 100), 41);
        // The list shrank: no empty rows below it.
        assert_eq!(offset(Some(41), 45, 10, 46), 36);
    }
}
