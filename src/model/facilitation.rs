//! What the facilitator keeps in the file beside the retrospective itself: the meeting's agenda
//! and clock, and the blameless-language lint's per-incident settings.
//!
//! These tables are additions to FORMAT.md schema 1 (which allows the project to add fields);
//! they are documented in `docs/format.md`. Both are left out of the file while empty.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::moment::Moment;
use super::section::Section;

/// Default timebox of each agenda item, in minutes: about an hour in all (60 minutes).
///
/// Order is [`Section::ALL`]: overview, then the seven sections. Factors and the timeline get
/// the most time, as they hold the discussion; the overview opens with what went well.
pub const DEFAULT_TIMEBOXES: [u32; 8] = [5, 5, 5, 10, 15, 5, 10, 5];

/// `[meeting]`: a live retrospective meeting's agenda and clock.
///
/// The clock survives closing and reopening the incident: the start and the time spent on each
/// agenda item are saved. The current item's time is `spent[current] + (now - current_since)`
/// while the meeting runs, and the meeting's time is the sum over all items: the same as
/// `now - started_at`, except that the time between ending a meeting and resuming it does not
/// count.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// When the meeting started; absent when no meeting was ever started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Moment>,
    /// When the meeting ended; absent while it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Moment>,
    /// The agenda item being discussed now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Section>,
    /// When discussion of `current` last started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_since: Option<Moment>,
    /// Timebox of each agenda item in minutes; an item not listed has its default
    /// ([`DEFAULT_TIMEBOXES`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub timeboxes: BTreeMap<Section, u32>,
    /// Seconds already spent on each agenda item, not counting the running stretch of `current`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub spent: BTreeMap<Section, u64>,
}

impl Meeting {
    /// True when nothing is recorded (the table is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self == &Meeting::default()
    }

    /// The timebox of `item` in minutes: the stored one, else the default.
    pub fn timebox(&self, item: Section) -> u32 {
        self.timeboxes
            .get(&item)
            .copied()
            .unwrap_or(DEFAULT_TIMEBOXES[item.number()])
    }

    /// True while a meeting has started and not ended.
    pub fn is_running(&self) -> bool {
        self.started_at.is_some() && self.ended_at.is_none()
    }

    /// Seconds of the running stretch on the current item at `now`: zero when the meeting is
    /// not running, no item is current, or `now` is before `current_since` (a clock set back).
    pub fn running_secs(&self, now: Timestamp) -> u64 {
        match (self.is_running(), self.current, self.current_since) {
            (true, Some(_), Some(since)) => {
                u64::try_from(now.duration_since(since.timestamp).as_secs()).unwrap_or(0)
            }
            _ => 0,
        }
    }

    /// Seconds spent on `item` by `now`, the running stretch included.
    pub fn item_secs(&self, item: Section, now: Timestamp) -> u64 {
        let before = self.spent.get(&item).copied().unwrap_or(0);
        if self.current == Some(item) {
            before.saturating_add(self.running_secs(now))
        } else {
            before
        }
    }

    /// Seconds the meeting has run by `now`: the time spent on all items.
    pub fn elapsed_secs(&self, now: Timestamp) -> u64 {
        self.spent
            .values()
            .fold(self.running_secs(now), |sum, s| sum.saturating_add(*s))
    }

    /// True when the time spent on `item` by `now` is more than its timebox.
    pub fn is_over(&self, item: Section, now: Timestamp) -> bool {
        self.item_secs(item, now) > u64::from(self.timebox(item)) * 60
    }

    /// The planned length of the meeting: the sum of the timeboxes, in minutes.
    pub fn planned_minutes(&self) -> u32 {
        Section::ALL
            .iter()
            .fold(0u32, |sum, s| sum.saturating_add(self.timebox(*s)))
    }
}

/// `[lint]`: this incident's settings for the blameless-language lint.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintSettings {
    /// Extra words or phrases to flag as blaming, besides the built-in list (matched as whole
    /// words, ignoring case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// Rules switched off for one field: field path (as `retro lint` prints it, such as
    /// `narrative.text` or `factors[2].description`, or with a record named by what survives
    /// reordering: `factors[F2].description`, `timeline[2026-03-12T14:02:00Z].text`) to the
    /// rule ids not to apply there. A key covers the paths under it; `*` covers all, and `*`
    /// as a rule id means every rule. See [`crate::lint::is_ignored`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ignore: BTreeMap<String, Vec<String>>,
}

impl LintSettings {
    /// True when nothing is set (the table is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.ignore.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap_or_default()
    }

    fn running() -> Meeting {
        Meeting {
            started_at: Some(Moment::utc(at("2026-03-13T09:30:00Z"))),
            current: Some(Section::Factors),
            current_since: Some(Moment::utc(at("2026-03-13T09:50:00Z"))),
            spent: BTreeMap::from([(Section::Overview, 300), (Section::Timeline, 900)]),
            ..Meeting::default()
        }
    }

    #[test]
    fn times_add_the_running_stretch_to_the_current_item() {
        let m = running();
        let now = at("2026-03-13T10:06:00Z");
        assert_eq!(m.running_secs(now), 16 * 60);
        assert_eq!(m.item_secs(Section::Factors, now), 16 * 60);
        assert_eq!(m.item_secs(Section::Timeline, now), 900);
        assert_eq!(m.elapsed_secs(now), 300 + 900 + 16 * 60);
        assert!(m.is_over(Section::Factors, now));
        assert!(m.is_over(Section::Timeline, now));
        assert!(!m.is_over(Section::Overview, now));
        assert_eq!(m.planned_minutes(), 60);
    }

    #[test]
    fn an_ended_meeting_and_a_clock_set_back_add_nothing() {
        let mut m = running();
        assert_eq!(m.running_secs(at("2026-03-13T09:00:00Z")), 0);
        m.ended_at = Some(Moment::utc(at("2026-03-13T10:00:00Z")));
        assert_eq!(m.elapsed_secs(at("2026-03-13T12:00:00Z")), 1200);
    }
}
