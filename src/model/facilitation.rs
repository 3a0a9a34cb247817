//! What the facilitator keeps in the file beside the retrospective itself: the meeting's agenda
//! and clock, and the blameless-language lint's per-incident settings.
//!
//! These tables are additions to FORMAT.md schema 1 (which allows the project to add fields);
//! they are documented in `docs/format.md`. Both are left out of the file while empty.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::moment::Moment;
use super::sections::Section;

/// Default timebox of each agenda item, in minutes: about an hour in all (60 minutes).
///
/// Order is [`Section::ALL`]: overview, then the seven sections. Factors and the timeline get
/// the most time, as they hold the discussion; the overview opens with what went well.
pub const DEFAULT_TIMEBOXES: [u32; 8] = [5, 5, 5, 10, 15, 5, 10, 5];

/// `[meeting]`: a live retrospective meeting's agenda and clock.
///
/// The clock survives closing and reopening the incident: the start and the time spent on each
/// agenda item are saved, so the elapsed time is always `now - started_at` (until `ended_at`),
/// and the current item's time is `spent[current] + (now - current_since)`.
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
