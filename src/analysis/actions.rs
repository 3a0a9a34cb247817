//! Follow-up actions that will not hold up: no owner, no due date, or a title that is not a
//! concrete task; and actions that are overdue.

use crate::model::{Action, Incident};

/// Something that makes a follow-up action unlikely to get done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionProblem {
    /// Nobody (no team or role) owns it.
    NoOwner,
    /// It has no due date.
    NoDueDate,
    /// Its title does not say what will be done; the text says why (see [`title_problem`]).
    VagueTitle(&'static str),
}

impl ActionProblem {
    /// A few words for markers: `no owner`, `no due date`, `vague title`.
    pub fn label(&self) -> &'static str {
        match self {
            ActionProblem::NoOwner => "no owner",
            ActionProblem::NoDueDate => "no due date",
            ActionProblem::VagueTitle(_) => "vague title",
        }
    }

    /// A sentence on what to do about it.
    pub fn advice(&self) -> String {
        match self {
            ActionProblem::NoOwner => "name a team or role that owns it".into(),
            ActionProblem::NoDueDate => "agree a due date".into(),
            ActionProblem::VagueTitle(why) => format!("the title {why}"),
        }
    }
}

/// The problems of one action, in the order owner, due date, title. Every status is checked,
/// as the section's "complete" mark asks an owner and a date of every action.
pub fn action_problems(action: &Action) -> Vec<ActionProblem> {
    let mut out = Vec::new();
    if action.owner.trim().is_empty() {
        out.push(ActionProblem::NoOwner);
    }
    if action.due.is_none() {
        out.push(ActionProblem::NoDueDate);
    }
    if let Some(why) = title_problem(&action.title) {
        out.push(ActionProblem::VagueTitle(why));
    }
    out
}

/// The actions still open whose due date is before `today`, in list order.
pub fn overdue_actions(incident: &Incident, today: jiff::civil::Date) -> Vec<&Action> {
    incident
        .actions
        .iter()
        .filter(|a| a.is_overdue(today))
        .collect()
}

/// Openings that promise attention rather than a change ("look into", "be more careful"):
/// whole words at the start of the title, compared without case.
const VAGUE_OPENINGS: &[&str] = &[
    "investigate",
    "look into",
    "look at",
    "consider",
    "think about",
    "discuss",
    "monitor",
    "improve",
    "try to",
    "explore",
    "evaluate",
    "revisit",
    "follow up",
    "understand",
    "figure out",
    "keep an eye",
    "raise awareness",
    "remind",
    "be",
];

/// First words that show the title is not an instruction: articles, pronouns, modal verbs,
/// hedges ("The alerting", "We should…", "Maybe add…", "More tests").
const NOT_A_VERB: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "some", "more", "better", "less", "we",
    "i", "you", "they", "someone", "somebody", "everyone", "people", "team", "should", "must",
    "could", "would", "need", "needs", "maybe", "perhaps", "possibly", "probably", "todo", "tbd",
];

/// Why a title is not a concrete task, or `None` when it reads like one.
///
/// A deterministic heuristic, so the same title always gets the same answer. A title is
/// flagged when it is:
/// - shorter than three words ("Fix it", "Alerting");
/// - a question ("Should we page on disk?");
/// - opened by a phrase that promises attention rather than a change: investigate, look
///   into, consider, think about, discuss, monitor, improve, try to, be (more careful), … —
///   see `VAGUE_OPENINGS`;
/// - not opened by an imperative verb: its first word is an article, pronoun, modal or hedge
///   (`NOT_A_VERB`), or a long `-ing` form ("Adding alerts", "Monitoring for…").
///
/// Anything else passes ("Cap WAL retained by replication slots"); the heuristic does not
/// know every verb, so it flags only what it recognises as vague.
pub fn title_problem(title: &str) -> Option<&'static str> {
    let cleaned: String = title
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let words: Vec<&str> = cleaned
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Some("is empty");
    }
    if title.trim_end().ends_with('?') {
        return Some("is a question, not a task");
    }
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let first = bare(words[0]);
    for opening in VAGUE_OPENINGS {
        let parts: Vec<&str> = opening.split(' ').collect();
        if words.len() >= parts.len()
            && parts
                .iter()
                .zip(&words)
                .all(|(p, w)| *p == bare(w).as_str())
        {
            return Some("promises attention, not a change");
        }
    }
    if words.len() < 3 {
        return Some("is too short to say what will be done");
    }
    let ing = first.len() >= 6 && first.ends_with("ing");
    if NOT_A_VERB.contains(&first.as_str()) || ing {
        return Some("does not start with what to do (add, cap, page…)");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LocalDate;

    #[test]
    fn concrete_titles_pass() {
        for title in [
            "Cap WAL retained by replication slots and alert on inactive slots",
            "Connect order-service through the HA proxy instead of cached DNS",
            "Page on projected disk full within four hours",
            "Confirm the customer-facing function before any 'recovering' update",
            "Move the analytics CDC connector to read from the replica",
            "Bring the runbook link into the alert text",
            "Add a disk-usage alert to orders-db",
            "- Write the failover runbook",
        ] {
            assert_eq!(title_problem(title), None, "{title}");
        }
    }

    #[test]
    fn vague_titles_are_flagged_with_a_reason() {
        let cases = [
            ("", "is empty"),
            ("Fix it", "too short"),
            ("Alerting", "too short"),
            ("Should we page on disk usage?", "question"),
            ("Investigate the disk usage spike", "attention"),
            ("Look into replication slots", "attention"),
            ("Consider a WAL cap", "attention"),
            ("Think about better alerting", "attention"),
            ("Discuss the rollout process", "attention"),
            ("Monitor disk usage on orders-db", "attention"),
            ("Improve alerting", "attention"),
            ("Be more careful with config pushes", "attention"),
            ("Try to keep disks below 80%", "attention"),
            ("Investigate.", "attention"),
            ("The alerting on orders-db", "does not start"),
            ("We should add an alert", "does not start"),
            ("Maybe add a disk alert", "does not start"),
            ("More tests for the failover", "does not start"),
            ("Adding a disk alert on orders-db", "does not start"),
        ];
        for (title, why) in cases {
            let got = title_problem(title);
            assert!(
                got.is_some_and(|g| g.contains(why)),
                "{title:?}: {got:?} should mention {why:?}"
            );
        }
    }

    #[test]
    fn problems_come_in_order_and_overdue_needs_an_open_action() {
        let mut a = Action {
            title: "Look into it".into(),
            ..Action::default()
        };
        let labels: Vec<&str> = action_problems(&a).iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["no owner", "no due date", "vague title"]);
        a.title = "Add a disk alert to orders-db".into();
        a.owner = "database team".into();
        a.due = Some(LocalDate::parse("2026-01-10").unwrap());
        assert!(action_problems(&a).is_empty());

        let today = jiff::civil::date(2026, 2, 1);
        let mut inc = Incident {
            actions: vec![a.clone()],
            ..Incident::default()
        };
        assert_eq!(overdue_actions(&inc, today).len(), 1);
        inc.actions[0].status = Some(crate::model::ActionStatus::Done);
        assert!(overdue_actions(&inc, today).is_empty());
        assert!(overdue_actions(&inc, jiff::civil::date(2026, 1, 10)).is_empty());
    }
}
