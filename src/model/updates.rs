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

impl CustomerUpdate {
    /// One line for show and export: `2024-03-12 15:09:45 (investigating) Some customers…`,
    /// the time in `tz`.
    pub fn line(&self, tz: &jiff::tz::TimeZone) -> String {
        let mut parts = Vec::new();
        if let Some(at) = &self.at {
            parts.push(super::timeinput::format_time(at, tz));
        }
        if !self.status.is_empty() {
            parts.push(format!("({})", self.status));
        }
        parts.push(self.text.replace('\n', " "));
        parts.join(" ")
    }

    /// The lines of several updates, oldest first.
    pub fn lines(updates: &[CustomerUpdate], tz: &jiff::tz::TimeZone) -> Vec<String> {
        updates.iter().map(|u| u.line(tz)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_in_the_incidents_zone() {
        let update = CustomerUpdate {
            at: Moment::parse_rfc3339("2024-03-12T14:09:45Z").ok(),
            status: "investigating".into(),
            text: "Some customers\ncannot check out.".into(),
            source: String::new(),
        };
        let tz = super::super::timeinput::zone("Europe/Berlin");
        assert_eq!(
            update.line(&tz),
            "2024-03-12 15:09:45 (investigating) Some customers cannot check out."
        );
    }
}
