//! What the severity levels are called. The levels themselves are the four of the file
//! format (`SEV1`, the worst, to `SEV4`); a team names them in its own words.

use serde::{Deserialize, Serialize};

use crate::model::Severity;

/// The name of each severity level (`[severities]`, level = name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeverityNames {
    /// SEV1's name.
    #[serde(rename = "SEV1")]
    pub sev1: String,
    /// SEV2's name.
    #[serde(rename = "SEV2")]
    pub sev2: String,
    /// SEV3's name.
    #[serde(rename = "SEV3")]
    pub sev3: String,
    /// SEV4's name.
    #[serde(rename = "SEV4")]
    pub sev4: String,
}

impl Default for SeverityNames {
    fn default() -> SeverityNames {
        SeverityNames {
            sev1: "critical: a broad outage or data at risk".into(),
            sev2: "major: a key function broken for many".into(),
            sev3: "minor: degraded, with a workaround".into(),
            sev4: "low: little or no customer impact".into(),
        }
    }
}

impl SeverityNames {
    /// The name of `severity`.
    pub fn of(&self, severity: Severity) -> &str {
        match severity {
            Severity::Sev1 => &self.sev1,
            Severity::Sev2 => &self.sev2,
            Severity::Sev3 => &self.sev3,
            Severity::Sev4 => &self.sev4,
        }
    }

    /// The level and its name's first words, as the checklist says whose rules apply:
    /// `SEV4 (low)` (the name up to a colon), or `SEV4` when the name is empty.
    pub fn short(&self, severity: Severity) -> String {
        use crate::model::Choice;
        let name = self.of(severity);
        let short = name.split(':').next().unwrap_or("").trim();
        if short.is_empty() {
            severity.as_str().to_string()
        } else {
            format!("{} ({short})", severity.as_str())
        }
    }
}
