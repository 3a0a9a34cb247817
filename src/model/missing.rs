//! What a section still lacks before it is complete (`●`), in a few words each: the sidebar's
//! `◐ customer message` and the readiness checklist name these.
//!
//! The rules are those of [`Incident::fill`]: a section is complete exactly when this list is
//! empty (tested below over the built-in examples and their emptied copies).

use super::choices::{Choice, Effect, Milestone};
use super::fields::{is_filled, section_fields};
use super::incident::Incident;
use super::section::Section;

/// One thing a section lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// A field (or one of a group of fields) is empty: its label in lower case
    /// ("customer message", "metrics or gaps").
    Field(String),
    /// The list has no record yet ("entries", "factors", "actions").
    NoRecords(&'static str),
    /// Key moments not marked on the timeline.
    Moments(Vec<Milestone>),
    /// No factor made things worse (the factors say only what helped or was luck).
    NoContributor,
    /// Records lacking a part: which part, and the records' ids or numbers ("F2", "#3").
    Parts(&'static str, Vec<String>),
}

impl Gap {
    /// A few words for the sidebar: `customer message`, `no mitigated, resolved` (key
    /// moments), `owner of A2`.
    pub fn words(&self) -> String {
        match self {
            Gap::Field(label) => label.clone(),
            Gap::NoRecords(noun) => format!("no {noun}"),
            Gap::Moments(moments) => {
                let names: Vec<&str> = moments.iter().map(|m| m.label()).collect();
                format!("no {}", names.join(", "))
            }
            Gap::NoContributor => "a factor that made it worse".to_string(),
            Gap::Parts(part, ids) => format!("{part} of {}", ids.join(", ")),
        }
    }
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Labels of a section's needed groups that have no field filled, in table order.
fn table_gaps(incident: &Incident, section: Section) -> Vec<Gap> {
    let fields: Vec<_> = section_fields(section).collect();
    let mut groups: Vec<&'static str> = Vec::new();
    for f in &fields {
        if let Some(group) = f.def().needed
            && !groups.contains(&group)
        {
            groups.push(group);
        }
    }
    groups
        .into_iter()
        .filter(|group| {
            !fields
                .iter()
                .any(|f| f.def().needed == Some(group) && is_filled(incident, *f))
        })
        .map(|group| {
            let labels: Vec<String> = fields
                .iter()
                .filter(|f| f.def().needed == Some(group))
                .map(|f| f.def().label.to_lowercase())
                .collect();
            Gap::Field(labels.join(" or "))
        })
        .collect()
}

/// A record's name in a gap: its id, or its 1-based number when it has none.
fn name(id: &str, index: usize) -> String {
    if id.trim().is_empty() {
        format!("#{}", index + 1)
    } else {
        id.to_string()
    }
}

impl Incident {
    /// What `section` still lacks to be complete (`●`); empty when it is complete. A section
    /// with nothing in it lacks everything, and lists it.
    pub fn missing(&self, section: Section) -> Vec<Gap> {
        match section {
            Section::Overview
            | Section::Stakeholders
            | Section::Monitoring
            | Section::Technical
            | Section::Narrative => table_gaps(self, section),
            Section::Timeline => {
                if self.timeline.is_empty() {
                    return vec![Gap::NoRecords("entries")];
                }
                let moments: Vec<Milestone> = Milestone::ALL
                    .iter()
                    .copied()
                    .filter(|m| self.milestone(*m).is_none())
                    .collect();
                if moments.is_empty() {
                    Vec::new()
                } else {
                    vec![Gap::Moments(moments)]
                }
            }
            Section::Factors => {
                if self.factors.is_empty() {
                    return vec![Gap::NoRecords("factors")];
                }
                let mut gaps = Vec::new();
                if !self
                    .factors
                    .iter()
                    .any(|f| f.effect == Some(Effect::Contributor))
                {
                    gaps.push(Gap::NoContributor);
                }
                let lacking = |has: &dyn Fn(&super::incident::Factor) -> bool| -> Vec<String> {
                    self.factors
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| !has(f))
                        .map(|(i, f)| name(&f.id, i))
                        .collect()
                };
                for (part, ids) in [
                    ("description", lacking(&|f| filled(&f.description))),
                    ("category", lacking(&|f| f.category.is_some())),
                    ("effect", lacking(&|f| f.effect.is_some())),
                ] {
                    if !ids.is_empty() {
                        gaps.push(Gap::Parts(part, ids));
                    }
                }
                gaps
            }
            Section::Actions => {
                if self.actions.is_empty() {
                    return vec![Gap::NoRecords("actions")];
                }
                let lacking = |has: &dyn Fn(&super::incident::Action) -> bool| -> Vec<String> {
                    self.actions
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| !has(a))
                        .map(|(i, a)| name(&a.id, i))
                        .collect()
                };
                let mut gaps = Vec::new();
                for (part, ids) in [
                    ("title", lacking(&|a| filled(&a.title))),
                    ("owner", lacking(&|a| filled(&a.owner))),
                    ("due date", lacking(&|a| a.due.is_some())),
                ] {
                    if !ids.is_empty() {
                        gaps.push(Gap::Parts(part, ids));
                    }
                }
                gaps
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fill;
    use crate::model::codec::{Parsed, parse};

    fn examples() -> Vec<Incident> {
        crate::demo::EXAMPLES
            .iter()
            .filter_map(|(_, text)| match parse(text) {
                Ok(Parsed::Current(incident)) => Some(*incident),
                _ => None,
            })
            .collect()
    }

    /// Copies of each example with one part emptied at a time, so partial sections occur.
    fn variants() -> Vec<Incident> {
        let mut out = Vec::new();
        for inc in examples() {
            out.push(inc.clone());
            let mut a = inc.clone();
            a.stakeholders.customer_message.clear();
            a.monitoring.gaps.clear();
            a.monitoring.metrics.clear();
            a.timeline.truncate(2);
            out.push(a);
            let mut b = inc.clone();
            for f in &mut b.factors {
                f.category = None;
            }
            if let Some(action) = b.actions.first_mut() {
                action.owner.clear();
            }
            b.narrative.impact.clear();
            b.services.clear();
            out.push(b);
            out.push(Incident::default());
        }
        out
    }

    #[test]
    fn complete_exactly_when_nothing_is_missing() {
        for inc in variants() {
            for section in Section::ALL {
                assert_eq!(
                    inc.fill(section) == Fill::Complete,
                    inc.missing(section).is_empty(),
                    "{} {section:?}: {:?}",
                    inc.id,
                    inc.missing(section)
                );
            }
        }
    }

    #[test]
    fn gaps_are_named_in_a_few_words() {
        let mut inc = examples().remove(0);
        inc.stakeholders.customer_message.clear();
        assert_eq!(
            inc.missing(Section::Stakeholders)
                .iter()
                .map(Gap::words)
                .collect::<Vec<_>>(),
            vec!["customer message".to_string()]
        );
        inc.monitoring.gaps.clear();
        inc.monitoring.metrics.clear();
        let words: Vec<String> = inc
            .missing(Section::Monitoring)
            .iter()
            .map(Gap::words)
            .collect();
        assert_eq!(words, vec!["metrics or gaps".to_string()]);
        if let Some(a) = inc.actions.first_mut() {
            a.owner.clear();
        }
        let first = inc.actions[0].id.clone();
        assert_eq!(
            inc.missing(Section::Actions)[0].words(),
            format!("owner of {first}")
        );
        for e in &mut inc.timeline {
            if e.milestone == Some(Milestone::Resolved) {
                e.milestone = None;
            }
        }
        assert_eq!(inc.missing(Section::Timeline)[0].words(), "no resolved");
        assert_eq!(
            Incident::default().missing(Section::Factors)[0].words(),
            "no factors"
        );
    }
}
