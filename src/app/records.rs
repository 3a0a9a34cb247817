//! Adding, moving, deleting and restoring records of an incident's four lists (timeline
//! entries, contributing factors, metrics, follow-up actions). Pure: incident in, incident
//! out.

use crate::model::{
    Action, ActionStatus, Effect, Factor, Incident, Metric, RecordKind, TimelineEntry,
};

/// A deleted record, kept so that `u` can bring it back while the incident is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// Where it was.
    pub index: usize,
    /// What it was.
    pub record: Record,
    /// For a factor: the actions (by id) that addressed it, whose links were removed too.
    pub linked_from: Vec<String>,
}

/// One record of any list.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// A timeline entry.
    Timeline(TimelineEntry),
    /// A contributing factor.
    Factor(Factor),
    /// A metric.
    Metric(Metric),
    /// A follow-up action.
    Action(Action),
}

impl Record {
    /// Which list it belongs to.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Timeline(_) => RecordKind::Timeline,
            Record::Factor(_) => RecordKind::Factor,
            Record::Metric(_) => RecordKind::Metric,
            Record::Action(_) => RecordKind::Action,
        }
    }
}

/// Appends a new, empty record and returns its index. A factor gets the next free id and
/// "made it worse"; an action the next free id and status open.
pub fn add(incident: &mut Incident, kind: RecordKind) -> usize {
    match kind {
        RecordKind::Timeline => {
            incident.timeline.push(TimelineEntry::default());
            incident.timeline.len() - 1
        }
        RecordKind::Factor => {
            let id = incident.next_record_id('F');
            incident.factors.push(Factor {
                id,
                effect: Some(Effect::Contributor),
                ..Factor::default()
            });
            incident.factors.len() - 1
        }
        RecordKind::Metric => {
            incident.monitoring.metrics.push(Metric::default());
            incident.monitoring.metrics.len() - 1
        }
        RecordKind::Action => {
            let id = incident.next_record_id('A');
            incident.actions.push(Action {
                id,
                status: Some(ActionStatus::Open),
                ..Action::default()
            });
            incident.actions.len() - 1
        }
    }
}

/// Swaps record `index` with its neighbour below (`down`) or above. Returns the record's new
/// index, or `None` when it cannot move (the edge of the list, or the timeline, which is
/// kept sorted by time).
pub fn shift(incident: &mut Incident, kind: RecordKind, index: usize, down: bool) -> Option<usize> {
    let len = kind.len(incident);
    let other = if down {
        index.checked_add(1)?
    } else {
        index.checked_sub(1)?
    };
    if other >= len || index >= len {
        return None;
    }
    match kind {
        RecordKind::Factor => incident.factors.swap(index, other),
        RecordKind::Metric => incident.monitoring.metrics.swap(index, other),
        RecordKind::Action => incident.actions.swap(index, other),
        RecordKind::Timeline => return None,
    }
    Some(other)
}

/// Removes record `index`; deleting a factor also removes the links to it. `None` when there
/// is no such record.
pub fn remove(incident: &mut Incident, kind: RecordKind, index: usize) -> Option<Deleted> {
    if index >= kind.len(incident) {
        return None;
    }
    let mut linked_from = Vec::new();
    let record = match kind {
        RecordKind::Timeline => Record::Timeline(incident.timeline.remove(index)),
        RecordKind::Factor => {
            let removed = incident.factors.remove(index);
            for action in &mut incident.actions {
                let before = action.factors.len();
                action.factors.retain(|id| *id != removed.id);
                if action.factors.len() != before {
                    linked_from.push(action.id.clone());
                }
            }
            Record::Factor(removed)
        }
        RecordKind::Metric => Record::Metric(incident.monitoring.metrics.remove(index)),
        RecordKind::Action => Record::Action(incident.actions.remove(index)),
    };
    Some(Deleted {
        index,
        record,
        linked_from,
    })
}

/// Puts a deleted record back where it was (or at the end of a shorter list), with a
/// factor's links; the timeline is sorted again. Returns the kind and the record's index.
pub fn restore(incident: &mut Incident, deleted: Deleted) -> (RecordKind, usize) {
    let kind = deleted.record.kind();
    let index = deleted.index.min(kind.len(incident));
    match deleted.record {
        Record::Timeline(entry) => {
            incident.timeline.insert(index, entry.clone());
            incident.sort_timeline();
            let at = incident
                .timeline
                .iter()
                .position(|e| *e == entry)
                .unwrap_or(index);
            return (kind, at);
        }
        Record::Factor(factor) => {
            for action in &mut incident.actions {
                if deleted.linked_from.contains(&action.id) && !action.factors.contains(&factor.id)
                {
                    action.factors.push(factor.id.clone());
                }
            }
            incident.factors.insert(index, factor);
        }
        Record::Metric(metric) => incident.monitoring.metrics.insert(index, metric),
        Record::Action(action) => incident.actions.insert(index, action),
    }
    (kind, index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_factor_comes_back_with_its_links() {
        let mut inc = Incident::default();
        let f = add(&mut inc, RecordKind::Factor);
        inc.factors[f].description = "cache too small".into();
        let a = add(&mut inc, RecordKind::Action);
        inc.actions[a].factors = vec!["F1".into()];
        let before = inc.clone();
        let deleted = remove(&mut inc, RecordKind::Factor, 0).unwrap();
        assert!(inc.factors.is_empty());
        assert!(inc.actions[0].factors.is_empty());
        assert_eq!(restore(&mut inc, deleted), (RecordKind::Factor, 0));
        assert_eq!(inc, before);
    }

    #[test]
    fn blank_records_are_told_apart_from_filled_ones() {
        let mut inc = Incident::default();
        for kind in RecordKind::ALL {
            let i = add(&mut inc, kind);
            assert!(kind.is_blank(&inc, i), "{kind:?}");
        }
        inc.timeline[0].at = Some(crate::model::Moment::utc(jiff::Timestamp::UNIX_EPOCH));
        assert!(
            RecordKind::Timeline.is_blank(&inc, 0),
            "a time alone is blank"
        );
        inc.timeline[0].actor = "on-call".into();
        assert!(!RecordKind::Timeline.is_blank(&inc, 0));
        inc.actions[0]
            .unparsed
            .insert("due".into(), "next friday".into());
        assert!(
            !RecordKind::Action.is_blank(&inc, 0),
            "kept typed text counts"
        );
        assert_eq!(shift(&mut inc, RecordKind::Timeline, 0, true), None);
    }
}
