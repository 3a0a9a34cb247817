//! The closed sets of values FORMAT.md allows (severity, status, category, …).
//!
//! Each is a unit enum written in snake_case; an unknown value is a load error with its
//! line and column. All share the [`Choice`] interface, which the UI uses for pickers.

use serde::{Deserialize, Deserializer};

/// A value picked from a fixed, ordered set.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The word stored in the file.
    fn as_str(self) -> &'static str;
    /// A short human label.
    fn label(self) -> &'static str;
    /// Position in [`Choice::ALL`].
    fn index(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }
        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word),+ }
            }
            fn label(self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

choice!(
    /// Incident severity; SEV1 is the worst. (Configurable levels come later.)
    Severity {
        /// Worst: broad outage or data at risk.
        Sev1 = "SEV1" / "SEV1",
        /// Major: a key function broken for many.
        Sev2 = "SEV2" / "SEV2",
        /// Minor: degraded, with a workaround.
        Sev3 = "SEV3" / "SEV3",
        /// Least: little or no customer impact.
        Sev4 = "SEV4" / "SEV4",
    }
);

choice!(
    /// Where the retrospective document stands.
    IncidentStatus {
        /// Being written.
        Draft = "draft" / "draft",
        /// Written, being reviewed.
        InReview = "in_review" / "in review",
        /// Final.
        Published = "published" / "published",
    }
);

choice!(
    /// A key moment marked on a timeline entry; drives the computed durations.
    Milestone {
        /// Customers started to be affected.
        ImpactStarted = "impact_started" / "impact started",
        /// Someone or something noticed.
        Detected = "detected" / "detected",
        /// An incident was declared.
        Declared = "declared" / "declared",
        /// Impact stopped.
        Mitigated = "mitigated" / "mitigated",
        /// Fully resolved.
        Resolved = "resolved" / "resolved",
    }
);

choice!(
    /// What kind of contributing factor.
    Category {
        /// Software or hardware behaviour.
        Technical = "technical" / "technical",
        /// Tools used to build, deploy, observe.
        Tooling = "tooling" / "tooling",
        /// How work is meant to be done.
        Process = "process" / "process",
        /// How information moved.
        Communication = "communication" / "communication",
        /// Load, fatigue, knowledge; never a person.
        People = "people" / "people",
        /// Structure, incentives, priorities.
        Organizational = "organizational" / "organizational",
        /// Outside the organisation.
        External = "external" / "external",
    }
);

choice!(
    /// What a factor did to the incident.
    Effect {
        /// Made things worse.
        Contributor = "contributor" / "made it worse",
        /// Helped (what went well).
        Mitigator = "mitigator" / "helped",
        /// Chance, good or bad.
        Luck = "luck" / "luck",
    }
);

choice!(
    /// What a follow-up action is for.
    ActionKind {
        /// Notice sooner.
        Detect = "detect" / "detect",
        /// Limit the impact.
        Mitigate = "mitigate" / "mitigate",
        /// Stop it happening again.
        Prevent = "prevent" / "prevent",
        /// Change how work is done.
        Process = "process" / "process",
        /// Anything else.
        Other = "other" / "other",
    }
);

choice!(
    /// How urgent a follow-up action is.
    Priority {
        /// Do first.
        High = "high" / "high",
        /// Normal.
        Medium = "medium" / "medium",
        /// When there is room.
        Low = "low" / "low",
    }
);

choice!(
    /// Where a follow-up action stands.
    ActionStatus {
        /// Not started.
        Open = "open" / "open",
        /// Being worked on.
        InProgress = "in_progress" / "in progress",
        /// Finished.
        Done = "done" / "done",
        /// Decided against.
        WontDo = "wont_do" / "won't do",
    }
);

/// Reads an IANA time zone name, rejecting unknown names with the value's location.
pub(crate) fn deserialize_timezone<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let name = String::deserialize(deserializer)?;
    if name.is_empty() || jiff::tz::TimeZone::get(&name).is_ok() {
        Ok(name)
    } else {
        Err(serde::de::Error::custom(format!(
            "unknown time zone `{name}` (use an IANA name such as Europe/London)"
        )))
    }
}
