//! Undo and redo for the editor: each change is "lines `start..start + inserted.len()` were
//! `removed` before", with the cursor on either side. Typing on one line merges into one step.

/// A cursor: line index and char index in the line.
pub type Pos = (usize, usize);

/// One change to the lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// First line replaced.
    pub start: usize,
    /// The lines before the change.
    pub removed: Vec<String>,
    /// The lines after it.
    pub inserted: Vec<String>,
    /// Cursor before.
    pub before: Pos,
    /// Cursor after.
    pub after: Pos,
    /// Plain typing, which merges with the typing just before it on the same line.
    pub typing: bool,
}

/// Most changes kept.
const LIMIT: usize = 500;

/// Changes that can be undone and redone.
#[derive(Clone, Debug, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
}

impl History {
    /// Records a change; clears what could be redone.
    pub fn push(&mut self, change: Change) {
        self.undone.clear();
        if change.typing
            && let Some(last) = self.done.last_mut()
            && last.typing
            && last.start == change.start
            && last.inserted.len() == 1
            && change.removed.len() == 1
            && last.after == change.before
        {
            last.inserted = change.inserted;
            last.after = change.after;
            return;
        }
        self.done.push(change);
        if self.done.len() > LIMIT {
            self.done.remove(0);
        }
    }

    /// The change to revert, moved to the redo list.
    pub fn undo(&mut self) -> Option<&Change> {
        let change = self.done.pop()?;
        self.undone.push(change);
        self.undone.last()
    }

    /// The change to apply again, moved back to the undo list.
    pub fn redo(&mut self) -> Option<&Change> {
        let change = self.undone.pop()?;
        self.done.push(change);
        self.done.last()
    }
}
