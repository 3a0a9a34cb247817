//! Customer updates: the dated public messages sent during an incident (section 1).
//!
//! They come from a status page's `incidents.json` (Atlassian Statuspage API v2,
//! `incident_updates`) and are kept as the history of what customers were told, apart from
//! the communication timeline. Stored as `[[stakeholders.updates]]`, an addition to FORMAT.md.

use serde::{Deserialize, Serialize};

use super::moment::Moment;

/// One public message to customers, as it was shown at the time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerUpdate {
    /// When it was shown to customers (Statuspage `display_at`, else `created_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Moment>,
    /// The status it announced, e.g. `investigating`, `monitoring`, `resolved`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// The message as customers read it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Where it was imported from (`statuspage:<update id>`); importing again adds nothing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}
