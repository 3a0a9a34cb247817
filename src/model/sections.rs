//! The overview and the seven sections, how filled each is, and the key-moment durations.

use jiff::SignedDuration;

use super::choices::{Choice, Effect, Milestone};
use super::fields::{is_filled, section_fields};
use super::incident::Incident;
use super::moment::Moment;
pub use super::section::Section;

/// How much of a section is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Nothing yet.
    Empty,
    /// Something, but not all that is asked for.
    Partial,
    /// Everything the section asks for.
    Complete,
}

impl Fill {
    /// A one-character mark for lists: `○` empty, `◐` partly filled, `●` complete.
    pub fn mark(self) -> &'static str {
        match self {
            Fill::Empty => "○",
            Fill::Partial => "◐",
            Fill::Complete => "●",
        }
    }
}

/// A section's fill from the field table: complete when every group of needed fields has
/// one filled, empty when no field with content is filled.
fn fill_from_table(incident: &Incident, section: Section) -> Fill {
    let fields: Vec<_> = section_fields(section).collect();
    let any = fields
        .iter()
        .any(|f| f.def().content && is_filled(incident, *f));
    let complete = fields.iter().all(|f| match f.def().needed {
        None => true,
        Some(group) => fields
            .iter()
            .any(|g| g.def().needed == Some(group) && is_filled(incident, *g)),
    });
    match (any, complete) {
        (false, _) => Fill::Empty,
        (true, true) => Fill::Complete,
        (true, false) => Fill::Partial,
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

impl Incident {
    /// How much of `section` is written.
    ///
    /// Complete means: overview has title, severity, services and participants; messages
    /// have both texts; monitoring has notes and a metric or a gap; the timeline has entries
    /// and all five milestones; factors include one that made things worse and each has a
    /// category, effect and description; technical analysis has all four parts; every action
    /// has a title, owner and due date; the narrative has its story and impact.
    pub fn fill(&self, section: Section) -> Fill {
        match section {
            Section::Overview | Section::Stakeholders | Section::Monitoring => {
                fill_from_table(self, section)
            }
            Section::Timeline => {
                if self.timeline.is_empty() {
                    Fill::Empty
                } else if Milestone::ALL.iter().all(|m| self.milestone(*m).is_some()) {
                    Fill::Complete
                } else {
                    Fill::Partial
                }
            }
            Section::Factors => {
                if self.factors.is_empty() {
                    Fill::Empty
                } else if self
                    .factors
                    .iter()
                    .any(|f| f.effect == Some(Effect::Contributor))
                    && self.factors.iter().all(|f| {
                        f.category.is_some() && f.effect.is_some() && filled(&f.description)
                    })
                {
                    Fill::Complete
                } else {
                    Fill::Partial
                }
            }
            Section::Technical | Section::Narrative => fill_from_table(self, section),
            Section::Actions => {
                if self.actions.is_empty() {
                    Fill::Empty
                } else if self
                    .actions
                    .iter()
                    .all(|a| filled(&a.title) && filled(&a.owner) && a.due.is_some())
                {
                    Fill::Complete
                } else {
                    Fill::Partial
                }
            }
        }
    }

    /// How many of the seven sections have anything written (0..=7).
    pub fn sections_filled(&self) -> usize {
        Section::SEVEN
            .iter()
            .filter(|s| self.fill(**s) != Fill::Empty)
            .count()
    }

    /// The time of the first timeline entry marked with `milestone`.
    pub fn milestone(&self, milestone: Milestone) -> Option<Moment> {
        self.timeline
            .iter()
            .find(|e| e.milestone == Some(milestone))
            .and_then(|e| e.at)
    }

    /// Time to detect, mitigate and resolve, each from impact start; `None` when unknown.
    pub fn durations(&self) -> Durations {
        let since_start = |m: Milestone| {
            let start = self.milestone(Milestone::ImpactStarted)?;
            let end = self.milestone(m)?;
            Some(end.timestamp.duration_since(start.timestamp))
        };
        Durations {
            detect: since_start(Milestone::Detected),
            mitigate: since_start(Milestone::Mitigated),
            resolve: since_start(Milestone::Resolved),
        }
    }

    /// Number of follow-up actions still open or in progress.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.is_open()).count()
    }

    /// Sorts the timeline by time, stably; entries without a time go last.
    pub fn sort_timeline(&mut self) {
        self.timeline.sort_by(|a, b| match (a.at, b.at) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }

    /// The next free id with `prefix` (`F` or `A`): one more than the highest number used.
    pub fn next_record_id(&self, prefix: char) -> String {
        let ids: Vec<&str> = match prefix {
            'F' => self.factors.iter().map(|f| f.id.as_str()).collect(),
            _ => self.actions.iter().map(|a| a.id.as_str()).collect(),
        };
        let max = ids
            .iter()
            .filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", max + 1)
    }
}

/// Time to detect, mitigate and resolve, measured from impact start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Durations {
    /// detected − impact_started.
    pub detect: Option<SignedDuration>,
    /// mitigated − impact_started.
    pub mitigate: Option<SignedDuration>,
    /// resolved − impact_started.
    pub resolve: Option<SignedDuration>,
}

/// Formats a duration as `1h 05m`, `42m`, `2d 3h` or `unknown`; negative durations get `-`.
pub fn format_duration(duration: Option<SignedDuration>) -> String {
    let Some(d) = duration else {
        return "unknown".to_string();
    };
    let sign = if d.is_negative() { "-" } else { "" };
    let minutes = d.as_secs().unsigned_abs() / 60;
    let (days, hours, mins) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    if days > 0 {
        format!("{sign}{days}d {hours}h {mins:02}m")
    } else if hours > 0 {
        format!("{sign}{hours}h {mins:02}m")
    } else {
        format!("{sign}{mins}m")
    }
}
