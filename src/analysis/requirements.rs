//! What "ready to publish" requires, per severity level: the rules the readiness checklist
//! ([`super::readiness`]) applies. The defaults follow the product's rule that the checklist
//! fits the incident: a SEV1 or SEV2 needs everything, a SEV4 the short path (a timeline, a
//! factor, and an action or a reason for none). The configuration file may change them
//! (`[ready.SEV1]` …, see docs/config.md).

use serde::{Deserialize, Serialize};

use crate::model::{Choice, Milestone, Section, Severity};

/// What one severity level needs before it is ready to publish. Every item is off (nothing
/// required) unless set; a `[ready.SEVn]` table in the configuration replaces the level's
/// defaults as a whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Requirements {
    /// Sections that must be complete (`●`). The timeline counts as complete when it has
    /// entries: which key moments it must mark is [`Requirements::moments`].
    pub complete: Vec<Section>,
    /// Sections that must have something in them (`◐` or `●`).
    pub started: Vec<Section>,
    /// Key moments that must be marked on the timeline.
    pub moments: Vec<Milestone>,
    /// A customer-facing message must be written.
    pub customer_message: bool,
    /// Every factor that made things worse has an action or a reason for none
    /// ([`super::factors::is_addressed`]).
    pub factors_addressed: bool,
    /// At least one follow-up action, or a factor that says why there is none (`no_action`).
    pub action_or_reason: bool,
    /// The blameless-language lint has nothing to say.
    pub lint: bool,
}

/// The readiness rules of the four severity levels (`[ready]` in the configuration).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadinessRules {
    /// SEV1, the worst.
    #[serde(rename = "SEV1")]
    pub sev1: Requirements,
    /// SEV2.
    #[serde(rename = "SEV2")]
    pub sev2: Requirements,
    /// SEV3.
    #[serde(rename = "SEV3")]
    pub sev3: Requirements,
    /// SEV4, the least.
    #[serde(rename = "SEV4")]
    pub sev4: Requirements,
}

impl Requirements {
    /// SEV1 and SEV2 by default: all seven sections complete, all five key moments, a
    /// customer message, every factor that made things worse addressed, no lint findings.
    pub fn everything() -> Requirements {
        Requirements {
            complete: Section::SEVEN.to_vec(),
            started: Vec::new(),
            moments: Milestone::ALL.to_vec(),
            customer_message: true,
            factors_addressed: true,
            action_or_reason: false,
            lint: true,
        }
    }

    /// SEV3 by default: overview, timeline, factors, actions and narrative complete, with the
    /// *detected* and *resolved* key moments; factors addressed, no lint findings.
    pub fn sev3() -> Requirements {
        Requirements {
            complete: vec![
                Section::Overview,
                Section::Timeline,
                Section::Factors,
                Section::Actions,
                Section::Narrative,
            ],
            started: Vec::new(),
            moments: vec![Milestone::Detected, Milestone::Resolved],
            customer_message: false,
            factors_addressed: true,
            action_or_reason: false,
            lint: true,
        }
    }

    /// SEV4 by default, the short path: a timeline entry, a factor, and an action or a reason
    /// for none; no lint findings.
    pub fn sev4() -> Requirements {
        Requirements {
            complete: Vec::new(),
            started: vec![Section::Timeline, Section::Factors],
            moments: Vec::new(),
            customer_message: false,
            factors_addressed: false,
            action_or_reason: true,
            lint: true,
        }
    }
}

impl Default for ReadinessRules {
    fn default() -> ReadinessRules {
        ReadinessRules {
            sev1: Requirements::everything(),
            sev2: Requirements::everything(),
            sev3: Requirements::sev3(),
            sev4: Requirements::sev4(),
        }
    }
}

impl ReadinessRules {
    /// The rules of `severity`; an incident without one gets the strictest, SEV1's.
    pub fn of(&self, severity: Option<Severity>) -> &Requirements {
        match severity {
            None | Some(Severity::Sev1) => &self.sev1,
            Some(Severity::Sev2) => &self.sev2,
            Some(Severity::Sev3) => &self.sev3,
            Some(Severity::Sev4) => &self.sev4,
        }
    }
}
