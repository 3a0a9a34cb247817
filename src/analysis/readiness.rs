//! Is a retrospective ready to publish? A checklist of five items, each passed or not with a
//! short detail of what is missing.

use crate::model::{Choice, Fill, Incident, Milestone, Section, Severity};

use super::factors::unaddressed_factors;

/// Which item of the checklist a [`Check`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckKind {
    /// All seven sections complete (the `●` mark, rules in [`Incident::fill`]).
    Sections,
    /// All five key moments marked on the timeline.
    Milestones,
    /// Every factor that made things worse has an action or a reason for none.
    Factors,
    /// The blameless-language lint has nothing to say.
    Lint,
    /// SEV1 and SEV2 incidents have a customer-facing message.
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
    /// Sections, key moments, factors, lint, customer message.
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

/// The readiness checklist of `incident`.
///
/// `lint_findings` is the number of findings of the blameless-language lint for the incident
/// (the lint lives elsewhere; this stays pure). The items:
/// 1. the seven sections are complete (`●`);
/// 2. all five key moments (impact started, detected, declared, mitigated, resolved) are set;
/// 3. every factor that made things worse is addressed (see
///    [`super::factors::is_addressed`]);
/// 4. the lint finds nothing;
/// 5. a SEV1 or SEV2 incident has a customer message (a lower severity needs none; without a
///    severity this item does not pass, as it cannot be told);
/// 6. no value holds text that could not be stored (see [`crate::model::fields::unparsed`]).
pub fn readiness(incident: &Incident, lint_findings: usize) -> Readiness {
    let mut items = Vec::with_capacity(5);

    let incomplete: Vec<String> = Section::SEVEN
        .iter()
        .filter(|s| incident.fill(**s) != Fill::Complete)
        .map(|s| s.short().to_string())
        .collect();
    items.push(Check {
        kind: CheckKind::Sections,
        label: "Sections complete",
        ok: incomplete.is_empty(),
        detail: if incomplete.is_empty() {
            "all seven".into()
        } else {
            format!("not yet: {}", listed(&incomplete, 3))
        },
    });

    let missing: Vec<String> = Milestone::ALL
        .iter()
        .filter(|m| incident.milestone(**m).is_none())
        .map(|m| m.label().to_string())
        .collect();
    items.push(Check {
        kind: CheckKind::Milestones,
        label: "Key moments",
        ok: missing.is_empty(),
        detail: if missing.is_empty() {
            "all five".into()
        } else {
            format!("missing: {}", listed(&missing, 5))
        },
    });

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

    let written = !incident.stakeholders.customer_message.trim().is_empty();
    let (ok, detail) = match (incident.severity, written) {
        (_, true) => (true, "written".to_string()),
        (Some(s @ (Severity::Sev1 | Severity::Sev2)), false) => {
            (false, format!("needed for {}", s.as_str()))
        }
        (Some(s), false) => (true, format!("not needed for {}", s.as_str())),
        (None, false) => (false, "no severity set".to_string()),
    };
    items.push(Check {
        kind: CheckKind::CustomerMessage,
        label: "Customer message",
        ok,
        detail,
    });

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
        let r = readiness(&demo(), 0);
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
        let r = readiness(&inc, 2);
        assert!(!r.is_ready());
        assert_eq!(
            detail(&r, CheckKind::Sections),
            (
                false,
                "not yet: Messages, Monitoring, Timeline and 2 more".into()
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
        let before = readiness(&inc, 0).items.len();
        inc.actions[0]
            .unparsed
            .insert("due".into(), "next friday".into());
        let r = readiness(&inc, 0);
        assert_eq!(r.items.len(), before + 1);
        assert_eq!(
            detail(&r, CheckKind::Unparsed),
            (false, "not yet: actions[0].due `next friday`".into())
        );
        assert!(!r.is_ready());
    }

    #[test]
    fn customer_message_depends_on_severity() {
        let mut inc = demo();
        inc.stakeholders.customer_message.clear();
        inc.severity = Some(Severity::Sev3);
        assert_eq!(
            detail(&readiness(&inc, 0), CheckKind::CustomerMessage),
            (true, "not needed for SEV3".into())
        );
        inc.severity = None;
        assert!(!detail(&readiness(&inc, 0), CheckKind::CustomerMessage).0);
    }

    #[test]
    fn many_unaddressed_factors_are_summed_up() {
        let mut inc = demo();
        inc.actions.clear();
        let (ok, text) = detail(&readiness(&inc, 0), CheckKind::Factors);
        assert!(!ok);
        assert_eq!(text, "F1, F2, F3 and 1 more have no action");
        inc.actions.push(Action {
            factors: vec!["F1".into(), "F2".into(), "F3".into()],
            ..Action::default()
        });
        let (_, text) = detail(&readiness(&inc, 0), CheckKind::Factors);
        assert_eq!(text, "F4 has no action");
        inc.factors.clear();
        assert_eq!(
            detail(&readiness(&inc, 0), CheckKind::Factors),
            (true, "no factors yet".into())
        );
    }
}
