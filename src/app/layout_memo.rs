//! Layout figures the renderer works out for the open incident (how many rows a long text
//! field takes at a width), kept by the view that owns the text for as long as its revision
//! holds: a frame does not copy and wrap every long text again to lay the section out.
//!
//! It also remembers short texts wrapped to a width (guides, wording notes), which do not
//! depend on the revision, and where each record list's visible rows started on the last
//! frame (as ratatui's `ListState` does), so a list scrolls only when its selection leaves
//! the rows shown.
//!
//! The view owns it and the renderer fills it (through `&IncidentView`, hence the cells); a
//! new revision forgets the rows, since any text may have changed.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::form::{RecordKind, Target};

/// Rows of text fields at one revision, by field, width and most rows shown.
#[derive(Debug, Default)]
pub struct LayoutMemo {
    inner: RefCell<Rows>,
    wrapped: RefCell<HashMap<(String, usize, usize), Vec<String>>>,
    offsets: RefCell<HashMap<(RecordKind, usize), usize>>,
    /// What the renderer keeps between frames of this view, in types of its own.
    pub renderer: RendererMemo,
}

/// What the renderer keeps between frames of one view (panels as drawn, notes as listed), in
/// types the view does not know: one value of each type, made with its `Default` when first
/// asked for, each in a cell of its own so that two of them can be used at once.
#[derive(Default)]
pub struct RendererMemo {
    slots: RefCell<Vec<Rc<dyn Any>>>,
}

impl std::fmt::Debug for RendererMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RendererMemo({} kept)", self.slots.borrow().len())
    }
}

impl RendererMemo {
    /// The kept value of type `T`, made with `T::default()` the first time.
    pub fn slot<T: Any + Default>(&self) -> Rc<RefCell<T>> {
        let mut slots = self.slots.borrow_mut();
        if let Some(found) = slots
            .iter()
            .find_map(|s| Rc::clone(s).downcast::<RefCell<T>>().ok())
        {
            return found;
        }
        let made = Rc::new(RefCell::new(T::default()));
        slots.push(made.clone());
        made
    }
}

/// Most wrapped texts kept; past it the memo starts again.
const WRAPPED_KEPT: usize = 512;

#[derive(Debug, Default)]
struct Rows {
    revision: u64,
    rows: HashMap<(Target, usize, usize), usize>,
}

impl LayoutMemo {
    /// The rows `target` takes at `width` columns with at most `max` rows, at `revision`:
    /// remembered, or computed by `compute` (and remembered).
    pub fn rows(
        &self,
        revision: u64,
        target: Target,
        width: usize,
        max: usize,
        compute: impl FnOnce() -> usize,
    ) -> usize {
        let key = (target, width, max);
        {
            let mut memo = self.inner.borrow_mut();
            if memo.revision != revision {
                memo.revision = revision;
                memo.rows.clear();
            }
            if let Some(n) = memo.rows.get(&key) {
                return *n;
            }
        }
        // Computed outside the borrow: `compute` may look at other fields of the view.
        let n = compute();
        self.inner.borrow_mut().rows.insert(key, n);
        n
    }

    /// `text` wrapped at `width` with at most `max` lines: remembered, or computed by
    /// `compute` (and remembered).
    pub fn wrapped(
        &self,
        text: &str,
        width: usize,
        max: usize,
        compute: impl FnOnce() -> Vec<String>,
    ) -> Vec<String> {
        let key = (text.to_string(), width, max);
        if let Some(lines) = self.wrapped.borrow().get(&key) {
            return lines.clone();
        }
        let lines = compute();
        let mut memo = self.wrapped.borrow_mut();
        if memo.len() >= WRAPPED_KEPT {
            memo.clear();
        }
        memo.insert(key, lines.clone());
        lines
    }

    /// The first row shown of the `kind` list in `rows` rows: `place` gives it from the last
    /// frame's first row at that height (`None` on the first frame), and it is remembered for
    /// the next frame.
    pub fn list_offset(
        &self,
        kind: RecordKind,
        rows: usize,
        place: impl FnOnce(Option<usize>) -> usize,
    ) -> usize {
        let mut offsets = self.offsets.borrow_mut();
        let start = place(offsets.get(&(kind, rows)).copied());
        offsets.insert((kind, rows), start);
        start
    }
}
