//! Is a retrospective ready to publish? A checklist whose items depend on the incident's
//! severity ([`ReadinessRules`], from the configuration), each passed or not with a short
//! detail of what is missing.

use crate::model::{Choice, Fill, Incident, Milestone, Section, Severity};

use super::requirements::{ReadinessRules, Requirements};

use super::factors::unaddressed_factors;

/// Which item of the checklist a [`Check`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckKind {
    /// The incident has no severity, so the strictest rules (SEV1's) apply.
    Severity,
    /// The sections the severity needs are complete (the `●` mark, rules in
    /// [`Incident::fill`]; the timeline's key moments are [`CheckKind::Milestones`]).
    Sections,
    /// The sections the severity needs have something in them.
    Started,
    /// The key moments the severity needs are marked on the timeline.
    Milestones,
    /// Every factor that made things worse has an action or a reason for none.
    Factors,
    /// At least one follow-up action, or a factor saying why there is none.
    FollowUp,
    /// The blameless-language lint has nothing to say.
    Lint,
    /// A customer-facing message is written (when the severity needs one).
    CustomerMessage,
    /// No text waits to be stored (a time, date or number typed that did not parse).
    Unparsed,
}

/// One item of the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Which item.
    pub kind: CheckKind,
    /// What is checked, a few words ("Key moments").
    pub label: &'static str,
    /// True when the item is satisfied.
    pub ok: bool,
    /// What was found: "all five", "missing: mitigated, resolved", "F3 has no action".
    pub detail: String,
}

/// The checklist of one incident, items in a fixed order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// The items the incident's severity asks for, in [`CheckKind`] order.
    pub items: Vec<Check>,
}

impl Readiness {
    /// True when every item passes.
    pub fn is_ready(&self) -> bool {
        self.items.iter().all(|c| c.ok)
    }

    /// The items that do not pass.
    pub fn missing(&self) -> impl Iterator<Item = &Check> {
        self.items.iter().filter(|c| !c.ok)
    }
}

/// Names a list the way a sentence would: `A`, `A and B`, `A, B and 2 more`.
fn listed(items: &[String], max: usize) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n if n <= max => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
        n => format!("{} and {} more", items[..max].join(", "), n - max),
    }
}

/// A count in words for small numbers: "all five", "all 3".
fn all_of(n: usize) -> String {
    let word = match n {
        2 => "both".to_string(),
        5 => "all five".to_string(),
        7 => "all seven".to_string(),
        n => format!("all {n}"),
    };
    if n == 1 { "done".to_string() } else { word }
}

/// True when `section` is complete as the checklist counts it: its `●` rules, except that the
/// timeline's key moments are checked apart.
fn section_done(incident: &Incident, section: Section) -> bool {
    match section {
        Section::Timeline => !incident.timeline.is_empty(),
        _ => incident.fill(section) == Fill::Complete,
    }
}

/// The readiness checklist of `incident` under `rules` (the incident's severity picks the
/// level; without one SEV1's rules apply and a "Severity" item says so).
///
/// `lint_findings` is the number of findings of the blameless-language lint for the incident
/// (the lint lives elsewhere; this stays pure). The items, each only when the level asks for
/// it ([`Requirements`]): the sections that must be complete, those that must be started, the
/// key moments, every factor that made things worse addressed (see
/// [`super::factors::is_addressed`]), an action or a reason for none, no lint findings, a
/// customer message; last, always, no value holding text that could not be stored (see
/// [`crate::model::fields::unparsed`]), listed only when there is one.
pub fn readiness(incident: &Incident, lint_findings: usize, rules: &ReadinessRules) -> Readiness {
    let need: &Requirements = rules.of(incident.severity);
    let mut items = Vec::with_capacity(8);

    if incident.severity.is_none() {
        items.push(Check {
            kind: CheckKind::Severity,
            label: "Severity",
            ok: false,
            detail: "not set; SEV1's rules apply".into(),
        });
    }

    if !need.complete.is_empty() {
        let incomplete: Vec<String> = need
            .complete
            .iter()
            .filter(|s| !section_done(incident, **s))
            .map(|s| s.short().to_string())
            .collect();
        items.push(Check {
            kind: CheckKind::Sections,
            label: "Sections complete",
            ok: incomplete.is_empty(),
            detail: if incomplete.is_empty() {
                all_of(need.complete.len())
            } else {
                format!("not yet: {}", listed(&incomplete, 3))
            },
        });
    }

    if !need.started.is_empty() {
        let empty: Vec<String> = need
            .started
            .iter()
            .filter(|s| incident.fill(**s) == Fill::Empty)
            .map(|s| s.short().to_string())
            .collect();
        items.push(Check {
            kind: CheckKind::Started,
            label: "Sections written",
            ok: empty.is_empty(),
            detail: if empty.is_empty() {
                let names: Vec<String> = need.started.iter().map(|s| s.short().into()).collect();
                listed(&names, 3)
            } else {
                format!("nothing yet: {}", listed(&empty, 3))
            },
        });
    }

    if !need.moments.is_empty() {
        let missing: Vec<String> = need
            .moments
            .iter()
            .filter(|m| incident.milestone(**m).is_none())
            .map(|m| m.label().to_string())
            .collect();
        items.push(Check {
            kind: CheckKind::Milestones,
            label: "Key moments",
            ok: missing.is_empty(),
            detail: if missing.is_empty() {
                if need.moments.len() == Milestone::ALL.len() {
                    all_of(need.moments.len())
                } else {
                    let names: Vec<String> =
                        need.moments.iter().map(|m| m.label().into()).collect();
                    listed(&names, 5)
                }
            } else {
                format!("missing: {}", listed(&missing, 5))
            },
        });
    }

    if need.factors_addressed {
        let open: Vec<String> = unaddressed_factors(incident)
            .iter()
            .map(|f| {
                if f.id.is_empty() {
                    "a factor without id".to_string()
                } else {
                    f.id.clone()
                }
            })
            .collect();
        items.push(Check {
            kind: CheckKind::Factors,
            label: "Factors addressed",
            ok: open.is_empty(),
            detail: match open.len() {
                0 if incident.factors.is_empty() => "no factors yet".into(),
                0 => "each has an action or a reason".into(),
                1 => format!("{} has no action", open[0]),
                _ => format!("{} have no action", listed(&open, 3)),
            },
        });
    }

    if need.action_or_reason {
        let reasons: Vec<String> = incident
            .factors
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.no_action.trim().is_empty())
            .map(|(i, f)| {
                if f.id.is_empty() {
                    format!("factor {}", i + 1)
                } else {
                    f.id.clone()
                }
            })
            .collect();
        let (ok, detail) = match (incident.actions.len(), reasons.is_empty()) {
            (0, true) => (false, "no action, and no reason for none".to_string()),
            (0, false) => (true, format!("none, because of {}", listed(&reasons, 3))),
            (1, _) => (true, "1 action".to_string()),
            (n, _) => (true, format!("{n} actions")),
        };
        items.push(Check {
            kind: CheckKind::FollowUp,
            label: "Follow-up",
            ok,
            detail,
        });
    }

    if need.lint {
        items.push(Check {
            kind: CheckKind::Lint,
            label: "No lint findings",
            ok: lint_findings == 0,
            detail: match lint_findings {
                0 => "none".into(),
                1 => "1 finding".into(),
                n => format!("{n} findings"),
            },
        });
    }

    if need.customer_message {
        let written = !incident.stakeholders.customer_message.trim().is_empty();
        let level = incident.severity.unwrap_or(Severity::Sev1).as_str();
        items.push(Check {
            kind: CheckKind::CustomerMessage,
            label: "Customer message",
            ok: written,
            detail: if written {
                "written".to_string()
            } else {
                format!("needed for {level}")
            },
        });
    }

    // Listed only when something waits: a value typed that could not be stored.
    let unparsed: Vec<String> = crate::model::path::unparsed_values(incident)
        .into_iter()
        .map(|(path, text)| format!("{path} `{text}`"))
        .collect();
    if !unparsed.is_empty() {
        items.push(Check {
            kind: CheckKind::Unparsed,
            label: "Values stored",
            ok: false,
            detail: format!("not yet: {}", listed(&unparsed, 3)),
        });
    }

    Readiness { items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::{Parsed, parse};
    use crate::model::{Action, Effect, Factor};

    fn demo() -> Incident {
        let text = crate::demo::EXAMPLES
            .iter()
            .find(|(name, _)| name.contains("order-placement"))
            .map(|(_, text)| *text)
            .unwrap_or_default();
        match parse(text) {
            Ok(Parsed::Current(incident)) => *incident,
            other => panic!("demo does not parse: {other:?}"),
        }
    }

    fn detail(r: &Readiness, kind: CheckKind) -> (bool, String) {
        let c = r.items.iter().find(|c| c.kind == kind).unwrap();
        (c.ok, c.detail.clone())
    }

    #[test]
    fn a_complete_retrospective_is_ready() {
        let r = readiness(&demo(), 0, &ReadinessRules::default());
        assert!(r.is_ready(), "{r:?}");
        assert_eq!(r.items.len(), 5);
        assert_eq!(r.missing().count(), 0);
        assert_eq!(
            detail(&r, CheckKind::Factors),
            (true, "each has an action or a reason".into())
        );
    }

    #[test]
    fn each_gap_is_named() {
        let mut inc = demo();
        inc.narrative.text.clear();
        inc.narrative.impact.clear();
        inc.monitoring.notes.clear();
        for e in &mut inc.timeline {
            if matches!(
                e.milestone,
                Some(Milestone::Mitigated | Milestone::Resolved)
            ) {
                e.milestone = None;
            }
        }
        inc.factors.push(Factor {
            id: "F7".into(),
            effect: Some(Effect::Contributor),
            description: "Nobody watched the replica lag".into(),
            ..Factor::default()
        });
        inc.stakeholders.customer_message.clear();
        let r = readiness(&inc, 2, &ReadinessRules::default());
        assert!(!r.is_ready());
        assert_eq!(
            detail(&r, CheckKind::Sections),
            (
                false,
                "not yet: Messages, Monitoring, Factors and 1 more".into()
            )
        );
        assert_eq!(
            detail(&r, CheckKind::Milestones),
            (false, "missing: mitigated and resolved".into())
        );
        assert_eq!(
            detail(&r, CheckKind::Factors),
            (false, "F7 has no action".into())
        );
        assert_eq!(detail(&r, CheckKind::Lint), (false, "2 findings".into()));
        assert_eq!(
            detail(&r, CheckKind::CustomerMessage),
            (false, "needed for SEV1".into())
        );
        assert_eq!(r.missing().count(), 5);
    }

    #[test]
    fn text_that_was_not_stored_is_an_open_item() {
        let mut inc = demo();
        let before = readiness(&inc, 0, &ReadinessRules::default()).items.len();
        inc.actions[0]
            .unparsed
            .insert("due".into(), "next friday".into());
        let r = readiness(&inc, 0, &ReadinessRules::default());
        assert_eq!(r.items.len(), before + 1);
        assert_eq!(
            detail(&r, CheckKind::Unparsed),
            (false, "not yet: actions[0].due `next friday`".into())
        );
        assert!(!r.is_ready());
    }

    #[test]
    fn customer_message_depends_on_severity() {
        let rules = ReadinessRules::default();
        let mut inc = demo();
        inc.stakeholders.customer_message.clear();
        inc.severity = Some(Severity::Sev3);
        let r = readiness(&inc, 0, &rules);
        assert!(r.items.iter().all(|c| c.kind != CheckKind::CustomerMessage));
        inc.severity = None;
        let r = readiness(&inc, 0, &rules);
        assert_eq!(
            detail(&r, CheckKind::CustomerMessage),
            (false, "needed for SEV1".into())
        );
        assert_eq!(
            detail(&r, CheckKind::Severity),
            (false, "not set; SEV1's rules apply".into())
        );
    }

    /// A minor incident on the short path: one timeline entry, one factor, one action.
    fn minor() -> Incident {
        let mut inc = demo();
        inc.severity = Some(Severity::Sev4);
        inc.stakeholders = Default::default();
        inc.monitoring = Default::default();
        inc.technical = Default::default();
        inc.narrative = Default::default();
        inc.timeline.truncate(1);
        for e in &mut inc.timeline {
            e.milestone = None;
        }
        inc.factors.truncate(1);
        inc.actions.truncate(1);
        inc
    }

    #[test]
    fn a_sev4_needs_the_short_path_only() {
        let rules = ReadinessRules::default();
        let inc = minor();
        let r = readiness(&inc, 0, &rules);
        assert!(r.is_ready(), "{r:?}");
        let kinds: Vec<CheckKind> = r.items.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [CheckKind::Started, CheckKind::FollowUp, CheckKind::Lint]
        );
        // The same incident as a SEV1 is far from ready.
        let mut worse = inc.clone();
        worse.severity = Some(Severity::Sev1);
        assert!(readiness(&worse, 0, &rules).missing().count() >= 3);
        // No action: a factor's reason for none will do.
        let mut none = inc.clone();
        none.actions.clear();
        assert_eq!(
            detail(&readiness(&none, 0, &rules), CheckKind::FollowUp),
            (false, "no action, and no reason for none".into())
        );
        none.factors[0].no_action = "Accepted risk; the vendor fixes it".into();
        let id = none.factors[0].id.clone();
        assert_eq!(
            detail(&readiness(&none, 0, &rules), CheckKind::FollowUp),
            (true, format!("none, because of {id}"))
        );
        // Nothing in the timeline.
        let mut empty = inc;
        empty.timeline.clear();
        assert_eq!(
            detail(&readiness(&empty, 0, &rules), CheckKind::Started),
            (false, "nothing yet: Timeline".into())
        );
    }

    #[test]
    fn a_sev3_needs_detected_and_resolved_only() {
        let rules = ReadinessRules::default();
        let mut inc = demo();
        inc.severity = Some(Severity::Sev3);
        inc.stakeholders = Default::default();
        inc.monitoring = Default::default();
        inc.technical = Default::default();
        for e in &mut inc.timeline {
            if matches!(
                e.milestone,
                Some(Milestone::Declared | Milestone::Mitigated | Milestone::ImpactStarted)
            ) {
                e.milestone = None;
            }
        }
        let r = readiness(&inc, 0, &rules);
        assert!(r.is_ready(), "{r:?}");
        assert_eq!(
            detail(&r, CheckKind::Milestones),
            (true, "detected and resolved".into())
        );
        inc.narrative.impact.clear();
        assert_eq!(
            detail(&readiness(&inc, 0, &rules), CheckKind::Sections),
            (false, "not yet: Narrative".into())
        );
    }

    #[test]
    fn many_unaddressed_factors_are_summed_up() {
        let mut inc = demo();
        inc.actions.clear();
        let (ok, text) = detail(
            &readiness(&inc, 0, &ReadinessRules::default()),
            CheckKind::Factors,
        );
        assert!(!ok);
        assert_eq!(text, "F1, F2, F3 and 1 more have no action");
        inc.actions.push(Action {
            factors: vec!["F1".into(), "F2".into(), "F3".into()],
            ..Action::default()
        });
        let (_, text) = detail(
            &readiness(&inc, 0, &ReadinessRules::default()),
            CheckKind::Factors,
        );
        assert_eq!(text, "F4 has no action");
        inc.factors.clear();
        assert_eq!(
            detail(
                &readiness(&inc, 0, &ReadinessRules::default()),
                CheckKind::Factors
            ),
            (true, "no factors yet".into())
        );
    }
}
