//! Heights of long text fields, remembered by the open incident's view for its revision
//! ([`crate::app::layout_memo::LayoutMemo`]), so a frame does not copy and wrap every long
//! text again to lay the section out (the text changes only with a new revision; the screen
//! width and focus are part of the key).

use crate::app::form::Target;
use crate::app::state::IncidentView;

/// Rows the text of `target` takes at `width` with at most `max` lines, computed by `rows`
/// the first time for this revision of the incident.
pub fn rows(
    view: &IncidentView,
    target: Target,
    width: usize,
    max: usize,
    rows: impl FnOnce() -> usize,
) -> usize {
    view.layout
        .rows(view.save.revision, target, width, max, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Incident;

    #[test]
    fn counted_once_per_revision() {
        let mut view = IncidentView::new(Incident::default(), None);
        let target = Target::top(crate::model::FieldId::named("narrative.text"));
        let calls = std::cell::Cell::new(0);
        let ask = |view: &IncidentView, width: usize| {
            rows(view, target, width, 10, || {
                calls.set(calls.get() + 1);
                3
            })
        };
        assert_eq!(ask(&view, 80), 3);
        assert_eq!(ask(&view, 80), 3);
        view.save.revision += 1;
        assert_eq!(ask(&view, 80), 3);
        assert_eq!(ask(&view, 60), 3);
        assert_eq!(calls.get(), 3);
        // Another view of the same incident keeps its own figures.
        let other = IncidentView::new(Incident::default(), None);
        assert_eq!(ask(&other, 80), 3);
        assert_eq!(calls.get(), 4);
    }
}
