//! The incident model: serde types for FORMAT.md, pure, with no I/O.

pub mod choices;
pub mod codec;
pub mod facilitation;
pub mod fields;
pub mod id;
pub mod incident;
pub mod missing;
pub mod moment;
pub mod path;
pub mod section;
pub mod sections;
pub mod series;
pub mod start;
pub mod summary;
pub mod timeinput;
pub mod updates;

pub use choices::{
    ActionKind, ActionStatus, Category, Choice, Effect, IncidentStatus, Milestone, Priority,
    Severity,
};
pub use codec::{FormatError, Parsed};
pub use facilitation::{DEFAULT_TIMEBOXES, LintSettings, Meeting};
pub use fields::{FIELDS, FieldDef, FieldId, Kind, RecordKind};
pub use incident::{
    Action, Factor, Incident, Metric, Monitoring, Narrative, SCHEMA_VERSION, Stakeholders,
    Technical, TimelineEntry,
};
pub use missing::Gap;
pub use moment::{LocalDate, Moment};
pub use path::FieldPath;
pub use sections::{Durations, Fill, Section, format_duration};
pub use series::Point;
pub use updates::CustomerUpdate;
