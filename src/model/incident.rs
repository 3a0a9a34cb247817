//! The incident record: serde types that mirror FORMAT.md, schema 1, field for field.
//!
//! Field order here is the key order written to disk. Every field but `schema_version`, `id`
//! and `title` may be absent; absent means empty, and empty values are not written.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::choices::{
    ActionKind, ActionStatus, Category, Effect, IncidentStatus, Milestone, Priority, Severity,
};
use super::facilitation::{LintSettings, Meeting};
use super::moment::{LocalDate, Moment};
pub use super::updates::CustomerUpdate;

/// The schema version this program reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

fn is_false(value: &bool) -> bool {
    !*value
}

/// One incident and its retrospective: one file `<id>.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// Format version; files newer than [`SCHEMA_VERSION`] are read-only.
    pub schema_version: u32,
    /// `<YYYY-MM-DD>-<slug>`; never changes once the file exists (see [`super::id`]).
    pub id: String,
    /// One-line title.
    pub title: String,
    /// Severity level, `SEV1` (worst) to `SEV4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Where the retrospective document stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<IncidentStatus>,
    /// IANA time zone name; times are typed and shown in it (UTC when empty).
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "super::choices::deserialize_timezone"
    )]
    pub timezone: String,
    /// Affected services.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// Free-form tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Who runs the retrospective (a role is fine).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    /// Who took part, by role or name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// When the file was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Moment>,
    /// When the file was last saved by this program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Moment>,
    /// Section 1.
    #[serde(default, skip_serializing_if = "Stakeholders::is_empty")]
    pub stakeholders: Stakeholders,
    /// Section 2.
    #[serde(default, skip_serializing_if = "Monitoring::is_empty")]
    pub monitoring: Monitoring,
    /// Section 5.
    #[serde(default, skip_serializing_if = "Technical::is_empty")]
    pub technical: Technical,
    /// Section 7.
    #[serde(default, skip_serializing_if = "Narrative::is_empty")]
    pub narrative: Narrative,
    /// The retrospective meeting's agenda and clock (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "Meeting::is_empty")]
    pub meeting: Meeting,
    /// Lint settings for this incident (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "LintSettings::is_empty")]
    pub lint: LintSettings,
    /// Text typed into a field of the incident that could not be stored (a time zone that
    /// does not exist), by field key, kept until it is fixed (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
    /// Other tools' data, kept as it is on every rewrite and never interpreted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<toml::Table>,
    /// Section 3, kept sorted by `at` (entries without a time last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEntry>,
    /// Section 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<Factor>,
    /// Section 6.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

/// Section 1: messages to stakeholders.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholders {
    /// Impact in the customer's terms, what was not affected, and the plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub customer_message: String,
    /// The internal version, with more detail.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub internal_message: String,
    /// What was not affected (e.g. "No data was lost.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reassurances: Vec<String>,
    /// What customers were told during the incident, oldest first (imported from a status
    /// page; an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<CustomerUpdate>,
}

impl Stakeholders {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.customer_message.is_empty()
            && self.internal_message.is_empty()
            && self.reassurances.is_empty()
            && self.updates.is_empty()
    }
}

/// Section 2: monitoring context.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// What monitoring showed, against the long-term baseline.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where monitoring was missing or late; each a candidate follow-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<String>,
    /// Metrics that moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Metric>,
}

impl Monitoring {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.gaps.is_empty() && self.metrics.is_empty()
    }
}

/// A metric that moved during the incident.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// e.g. "checkout 5xx rate".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Where to see it (a dashboard link).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Unit of `baseline` and `peak`, e.g. "%".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Long-term normal value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Worst value during the incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak: Option<f64>,
    /// How the baseline was taken, caveats.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Low values are the bad ones (free memory, throughput): the computed peak is then the
    /// minimum inside the incident window instead of the maximum.
    #[serde(default, skip_serializing_if = "is_false")]
    pub low_is_bad: bool,
    /// Start of the comparison window for the computed baseline (default: as long as the
    /// incident window, ending at impact start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_from: Option<Moment>,
    /// End of the comparison window (default: impact start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_to: Option<Moment>,
    /// Name of the imported file, without its folder.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// Data rows of this series in the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
    /// Time of the series' first row in the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_at: Option<Moment>,
    /// Time of the series' last row in the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_at: Option<Moment>,
    /// Smallest value in the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest value in the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The stored series, at most 500 points, oldest first; one pair per line on disk.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<super::series::Point>,
    /// Text typed into a field of this record that could not be stored (a bad time, date or
    /// number), by field key, kept until it is fixed (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
}

/// Section 5: technical analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technical {
    /// How the system is meant to work.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected_behavior: String,
    /// How it actually behaved.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actual_behavior: String,
    /// The analysis.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub analysis: String,
    /// What future development may change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub future_risks: String,
}

impl Technical {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.expected_behavior.is_empty()
            && self.actual_behavior.is_empty()
            && self.analysis.is_empty()
            && self.future_risks.is_empty()
    }
}

/// Section 7: narrative.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// The story for later readers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// How severe, for whom, for how long, and why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub impact: String,
}

impl Narrative {
    /// True when nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.impact.is_empty()
    }
}

/// Section 3: one timestamped entry of the communication timeline.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// When it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Moment>,
    /// The time is a guess (typed `~13:45` or `13:45?`), shown as `~13:45` everywhere (an
    /// addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "is_false")]
    pub approximate: bool,
    /// Who or what acted, by role ("deploy pipeline", "on-call").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actor: String,
    /// Role the actor held, e.g. "incident commander".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Where it was said or seen ("#inc-2417", "phone").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    /// What happened or was said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Key moment this entry marks, at most one entry per milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Milestone>,
    /// Communication went wrong here (flagged without blame).
    #[serde(default, skip_serializing_if = "is_false")]
    pub miscommunication: bool,
    /// Chatter or feelings: left out of customer-facing output.
    #[serde(default, skip_serializing_if = "is_false")]
    pub internal_only: bool,
    /// Where an imported entry came from (`slack:C0JGLMMNX:1452837352.000006`), so that
    /// importing the same source again adds nothing; empty for entries typed by hand.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Text typed into a field of this record that could not be stored (a bad time, date or
    /// number), by field key, kept until it is fixed (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
}

/// Section 4: one contributing factor.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// `F1`, `F2`, …; actions refer to it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// What kind of factor it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Whether it made things worse, helped, or was luck.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// The factor, about systems and conditions, never a person.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The chain of "why?" answers, shallow to deep.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub whys: Vec<String>,
    /// Why no follow-up action addresses this factor, when that is a decision (an addition to
    /// FORMAT.md). A factor that made things worse needs an action or this.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub no_action: String,
    /// Text typed into a field of this record that could not be stored (a bad time, date or
    /// number), by field key, kept until it is fixed (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
}

/// Section 6: one follow-up action.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// `A1`, `A2`, ….
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// A concrete task.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Detect, mitigate, prevent, process or other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionKind>,
    /// A team or role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<LocalDate>,
    /// High, medium or low.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Open when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ActionStatus>,
    /// Ids of the factors it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
    /// Why this action was chosen.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
    /// What it is expected to change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub expected_impact: String,
    /// Link to the tracker ticket.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tracker: String,
    /// Text typed into a field of this record that could not be stored (a bad time, date or
    /// number), by field key, kept until it is fixed (an addition to FORMAT.md).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unparsed: BTreeMap<String, String>,
}

impl Action {
    /// The status, reading absent as open.
    pub fn status_or_open(&self) -> ActionStatus {
        self.status.unwrap_or(ActionStatus::Open)
    }

    /// True while the action still needs doing (open or in progress).
    pub fn is_open(&self) -> bool {
        matches!(
            self.status_or_open(),
            ActionStatus::Open | ActionStatus::InProgress
        )
    }

    /// True when the action is still open and its due date is before `today`.
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.is_open() && self.due.is_some_and(|due| due.0 < today)
    }
}
