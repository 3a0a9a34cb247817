//! Copies of the open incident for the workers and the crash snapshot, made on the event loop
//! at a cost that does not grow with the timeline.
//!
//! A copy holds the incident without its timeline, and the timeline's entries each behind an
//! [`Arc`]. A new copy is made against the last one: an entry equal to the last copy's entry
//! at the same place (counted from the start, or from the end, so that an entry added or
//! removed in the middle shifts nothing) shares it; only changed entries are cloned.
//! Comparing costs a fraction of cloning (no allocation), so a key that lands on a save of a
//! 5,000-entry incident waits for a few hundred microseconds, not milliseconds. The workers
//! put the whole incident back together on their own threads ([`IncidentCopy::assemble`]).

use std::sync::Arc;

use crate::model::{Incident, TimelineEntry};

/// An incident copied for another thread, its timeline entries shared with earlier copies.
#[derive(Debug)]
pub struct IncidentCopy {
    /// Everything but the timeline (which is empty here).
    head: Incident,
    /// The timeline, in order.
    timeline: Vec<Arc<TimelineEntry>>,
}

impl IncidentCopy {
    /// A copy of `incident`, sharing the entries that are equal to those of `base` (the last
    /// copy, when it is a copy of the same incident). `incident` is borrowed mutably only to
    /// set its timeline aside while the rest is cloned; it is left as it was.
    pub fn of(incident: &mut Incident, base: Option<&IncidentCopy>) -> IncidentCopy {
        let head = head_of(incident);
        let live = &incident.timeline;
        let old: &[Arc<TimelineEntry>] = match base {
            Some(b) if b.head.id == incident.id => &b.timeline,
            _ => &[],
        };
        // Entries equal from the start, then from the end (not overlapping those).
        let front = live
            .iter()
            .zip(old)
            .take_while(|(new, old)| **new == ***old)
            .count();
        let room = live.len().min(old.len()) - front;
        let back = live
            .iter()
            .rev()
            .zip(old.iter().rev())
            .take(room)
            .take_while(|(new, old)| **new == ***old)
            .count();
        let mut timeline = Vec::with_capacity(live.len());
        timeline.extend(old[..front].iter().cloned());
        timeline.extend(
            live[front..live.len() - back]
                .iter()
                .map(|e| Arc::new(e.clone())),
        );
        timeline.extend(old[old.len() - back..].iter().cloned());
        IncidentCopy { head, timeline }
    }

    /// A copy that owns `incident` (nothing shared).
    pub fn owned(mut incident: Incident) -> IncidentCopy {
        let timeline = std::mem::take(&mut incident.timeline)
            .into_iter()
            .map(Arc::new)
            .collect();
        IncidentCopy {
            head: incident,
            timeline,
        }
    }

    /// The incident's id.
    pub fn id(&self) -> &str {
        &self.head.id
    }

    /// The incident's title.
    pub fn title(&self) -> &str {
        &self.head.title
    }

    /// The whole incident again (clones every entry: for a worker thread, not the loop).
    pub fn assemble(&self) -> Incident {
        let mut incident = self.head.clone();
        incident.timeline = self.timeline.iter().map(|e| (**e).clone()).collect();
        incident
    }

    /// The whole incident again, reusing `last` (what [`IncidentCopy::assemble`] or this
    /// function made of `last_copy`): entries `last_copy` shared with this copy at the same
    /// place are taken from `last` instead of cloned, so a worker that keeps its last result
    /// clones only what changed.
    pub fn assemble_from(&self, last_copy: &IncidentCopy, mut last: Incident) -> Incident {
        if last_copy.head.id != self.head.id || last.timeline.len() != last_copy.timeline.len() {
            return self.assemble();
        }
        let mut old: Vec<Option<TimelineEntry>> = std::mem::take(&mut last.timeline)
            .into_iter()
            .map(Some)
            .collect();
        let mut incident = self.head.clone();
        incident.timeline = self
            .timeline
            .iter()
            .enumerate()
            .map(|(i, e)| match (last_copy.timeline.get(i), old.get_mut(i)) {
                (Some(was), Some(kept)) if Arc::ptr_eq(was, e) => {
                    kept.take().unwrap_or_else(|| (**e).clone())
                }
                _ => (**e).clone(),
            })
            .collect();
        incident
    }

    /// How many entries this copy shares with `other` (for tests).
    pub fn shared_with(&self, other: &IncidentCopy) -> usize {
        self.timeline
            .iter()
            .filter(|e| other.timeline.iter().any(|o| Arc::ptr_eq(e, o)))
            .count()
    }
}

/// `incident` without its timeline: the timeline is set aside while the rest is cloned, then
/// put back.
fn head_of(incident: &mut Incident) -> Incident {
    let timeline = std::mem::take(&mut incident.timeline);
    let head = incident.clone();
    incident.timeline = timeline;
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(entries: usize) -> Incident {
        let mut incident = Incident {
            id: "2026-03-12-copy".into(),
            title: "Copy".into(),
            ..Incident::default()
        };
        for n in 0..entries {
            incident.timeline.push(TimelineEntry {
                text: format!("entry {n}"),
                ..TimelineEntry::default()
            });
        }
        incident
    }

    #[test]
    fn a_copy_is_the_incident_and_shares_what_did_not_change() {
        let mut live = incident(100);
        let first = IncidentCopy::of(&mut live, None);
        assert_eq!(first.assemble(), live);
        assert_eq!(live.timeline.len(), 100, "the timeline is put back");

        live.timeline[40].text.push_str(" changed");
        live.title = "Copy, edited".into();
        let second = IncidentCopy::of(&mut live, Some(&first));
        assert_eq!(second.assemble(), live);
        assert_eq!(second.shared_with(&first), 99);

        live.timeline.insert(10, TimelineEntry::default());
        live.timeline.remove(70);
        let third = IncidentCopy::of(&mut live, Some(&second));
        assert_eq!(third.assemble(), live);
        // The entries before the insertion and after the removal are shared.
        assert_eq!(third.shared_with(&second), 10 + 30);
    }

    #[test]
    fn assembling_from_the_last_result_gives_the_same_incident() {
        let mut live = incident(50);
        let first = IncidentCopy::of(&mut live, None);
        let made = first.assemble();
        live.timeline[7].text.push_str(" changed");
        live.timeline.remove(30);
        live.title = "Copy, edited".into();
        let second = IncidentCopy::of(&mut live, Some(&first));
        assert_eq!(second.assemble_from(&first, made.clone()), live);
        // A result that is not of `first` any more is not trusted.
        let mut other = made;
        other.timeline.pop();
        assert_eq!(second.assemble_from(&first, other), live);
    }

    #[test]
    fn another_incident_shares_nothing() {
        let mut one = incident(5);
        let first = IncidentCopy::of(&mut one, None);
        let mut other = incident(5);
        other.id = "2026-03-12-other".into();
        let copy = IncidentCopy::of(&mut other, Some(&first));
        assert_eq!(copy.shared_with(&first), 0);
        assert_eq!(copy.assemble(), other);
        assert_eq!(IncidentCopy::owned(other.clone()).assemble(), other);
    }
}
