//! Heights of long text fields, remembered per incident revision, so a frame does not copy and
//! wrap every long text again to lay the section out (the text changes only with a new
//! revision; the screen width and focus are part of the key).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::app::form::Target;
use crate::app::state::IncidentView;

type Key = (String, u64, Target, usize, usize);

thread_local! {
    static HEIGHTS: RefCell<HashMap<Key, usize>> = RefCell::new(HashMap::new());
}

/// Rows the text of `target` takes at `width` with at most `max` lines, computed by `rows`
/// the first time for this revision of the incident.
pub fn rows(
    view: &IncidentView,
    target: Target,
    width: usize,
    max: usize,
    rows: impl FnOnce() -> usize,
) -> usize {
    let key = (
        view.incident.id.clone(),
        view.save.revision,
        target,
        width,
        max,
    );
    if let Some(n) = HEIGHTS.with(|h| h.borrow().get(&key).copied()) {
        return n;
    }
    let n = rows();
    HEIGHTS.with(|h| {
        let mut h = h.borrow_mut();
        // Older revisions are not asked for again.
        h.retain(|k, _| k.0 == key.0 && k.1 == key.1);
        h.insert(key, n);
    });
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Incident;

    #[test]
    fn counted_once_per_revision() {
        let mut view = IncidentView::new(Incident::default(), None);
        let target = Target::top(crate::model::FieldId::named("narrative.text"));
        let mut calls = 0;
        let mut ask = |view: &IncidentView| {
            rows(view, target, 80, 10, || {
                calls += 1;
                3
            })
        };
        assert_eq!(ask(&view), 3);
        assert_eq!(ask(&view), 3);
        view.save.revision += 1;
        assert_eq!(ask(&view), 3);
        assert_eq!(calls, 2);
    }
}
