//! Hindsight told in the passive or against a rule: a faulty change with a person as its
//! agent ("the bad migration was merged by Dave", "an incorrect command entered by a team
//! member"), an act set against a rule with a person in it ("pushed by the new hire, against
//! policy"), and a procedure said not to have been followed ("the playbook was not adhered
//! to").

use super::super::lexicon::{FAULTY, is, is_participle};
use super::super::people::Who;
use super::{Rule, Scan, who_text};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "obvious",
    "evident",
    "apparent",
    "sufficient",
    "enough",
    "ample",
    "adequate",
    "by",
    "against",
    "violation",
    "violated",
    "violating",
    "flouted",
    "flouting",
    "followed",
    "adhered",
    "heeded",
    "observed",
    "obeyed",
    "respected",
    "honoured",
    "honored",
];

/// Adjectives of a faulty change before its participle beside [`FAULTY`]: `an unapproved
/// command entered by`.
const FAULTY_PASSIVE_ALSO: &[&str] = &[
    "botched",
    "unauthorised",
    "unauthorized",
    "unapproved",
    "risky",
    "reckless",
    "careless",
    "sloppy",
    "rushed",
    "hasty",
    "ill",
    "poorly",
    "badly",
];

/// True for an adjective of faulty work here: [`FAULTY`] or [`FAULTY_PASSIVE_ALSO`].
fn faulty(word: &str) -> bool {
    is(FAULTY, word) || is(FAULTY_PASSIVE_ALSO, word)
}

/// Rules an act can be set against.
const RULES: &[&str] = &[
    "policy",
    "policies",
    "procedure",
    "procedures",
    "protocol",
    "protocols",
    "rules",
    "rule",
    "process",
    "guidance",
    "guidelines",
    "instructions",
    "advice",
    "practice",
    "runbook",
    "playbook",
    "checklist",
    "sop",
    "orders",
];

/// Procedures that people follow: `the runbook was not followed`.
const PROCEDURES: &[&str] = &[
    "playbook",
    "playbooks",
    "runbook",
    "runbooks",
    "checklist",
    "checklists",
    "procedure",
    "procedures",
    "process",
    "policy",
    "policies",
    "protocol",
    "protocols",
    "rules",
    "rule",
    "instructions",
    "guidance",
    "guidelines",
    "advice",
    "steps",
    "step",
    "plan",
    "sop",
    "warnings",
    "warning",
    "recommendations",
];

impl Scan<'_> {
    /// Runs the patterns of this file at token `i`.
    pub(super) fn passives(&mut self, i: usize) {
        match self.doc.tokens[i].lower.as_str() {
            "by" => self.faulty_by_person(i),
            "obvious" | "evident" | "apparent" => self.should_have_been_obvious(i),
            // `should have been sufficient warning to the technicians`.
            "sufficient" | "enough" | "ample" | "adequate" => {
                if self.token(i + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "warning" | "notice" | "signal" | "sign" | "indication" | "clue"
                    )
                }) {
                    self.should_have_been_obvious(i);
                }
            }
            "against" | "violation" | "violated" | "violating" | "flouted" | "flouting" => {
                self.against_rule(i)
            }
            _ => self.not_followed(i),
        }
    }

    /// `the bad migration was merged by Dave`, `ill-planned changes made by administrators`.
    fn faulty_by_person(&mut self, by: usize) {
        let Some(verb) = by.checked_sub(1).filter(|&v| {
            self.token(v)
                .is_some_and(|t| t.word && !t.quoted && is_participle(&t.lower))
        }) else {
            return;
        };
        let Some(agent) = self.clause().agent_after(verb + 1) else {
            return;
        };
        if !agent.who.is_other_person() {
            return;
        }
        // The change the participle is told of: a faulty adjective within the few words
        // before it, in the same sentence.
        let s = self.sentence_of(by);
        let faulty = (verb.saturating_sub(6).max(s.start)..verb).find(|&k| {
            let t = &self.doc.tokens[k];
            t.word
                && faulty(&t.lower)
                && (t.lower != "ill" || self.token(k + 1).is_some_and(|n| n.joined))
        });
        let Some(faulty) = faulty else { return };
        if self.negated(verb, 3) || self.in_question(by) {
            return;
        }
        let end = agent.mention.as_ref().map_or(by + 1, |m| m.tokens.end);
        let who = who_text(self, &agent);
        self.push(
            Rule::Counterfactual,
            faulty,
            end,
            format!("puts a faulty change on {who}, with hindsight"),
            "make the change the subject and say what let it through, e.g. \"the migration \
             reached production with one reviewer; nothing required a second\""
                .into(),
        );
    }

    /// `it should have been obvious to the on-call`: hindsight about what people saw.
    fn should_have_been_obvious(&mut self, i: usize) {
        let before: Vec<usize> = (self.sentence_of(i).start..i)
            .rev()
            .filter(|&k| {
                let t = &self.doc.tokens[k];
                t.word && !matches!(t.lower.as_str(), "so" | "very" | "quite" | "perfectly")
            })
            .take(3)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let modal = matches!(
            before.as_slice(),
            [been, have, m, ..] if lower(*been) == "been"
                && matches!(lower(*have), "have" | "'ve")
                && matches!(lower(*m), "should" | "must" | "ought" | "to")
        ) || matches!(
            before.as_slice(),
            [been, m, ..] if lower(*been) == "been" && matches!(lower(*m), "should've" | "must've")
        );
        if !modal || self.in_question(i) {
            return;
        }
        let from = before.last().copied().unwrap_or(i);
        self.push(
            Rule::Counterfactual,
            from,
            i + 1,
            "judges what people should have seen, with hindsight".into(),
            "say what the signals looked like at the time, and what made them easy to read \
             otherwise"
                .into(),
        );
    }

    /// `pushed by the new hire at 17:45, against policy`, `in violation of the runbook`.
    fn against_rule(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let rule = (i + 1..(i + 5).min(s.end)).find(|&k| is(RULES, &self.doc.tokens[k].lower));
        let Some(rule) = rule else { return };
        if self.doc.tokens[i].lower == "violation"
            && i.checked_sub(1)
                .and_then(|b| self.token(b))
                .is_none_or(|b| b.lower != "in")
        {
            return;
        }
        // A person acting in the sentence, before the rule: its subject or agent.
        let person = self
            .mentions
            .iter()
            .any(|m| s.contains(&m.tokens.start) && m.tokens.end <= i && m.who.is_other_person());
        if !(person || self.implied.is_some_and(Who::is_other_person)) {
            return;
        }
        if self.negated(i, 2) || self.in_question(i) || self.discussed(i) {
            return;
        }
        let from = if self.doc.tokens[i].lower == "violation" {
            i - 1
        } else {
            i
        };
        self.push(
            Rule::Counterfactual,
            from,
            rule + 1,
            "judges a person's act against a rule, with hindsight".into(),
            "say what made the rule hard to follow at the time, or what made the act look \
             right"
                .into(),
        );
    }

    /// `the established playbook was not adhered to`, `the checklist wasn't followed`.
    fn not_followed(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let before: Vec<usize> = (s.start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(3)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let negated = before
            .iter()
            .take(2)
            .any(|&k| matches!(lower(k), "not" | "never") || lower(k).ends_with("n't"));
        let be = before.iter().any(|&k| {
            matches!(
                lower(k),
                "was" | "were" | "is" | "are" | "been" | "wasn't" | "weren't" | "isn't" | "aren't"
            )
        });
        if !negated || !be || self.in_question(i) || self.explained(i) {
            return;
        }
        // What was not followed is a procedure named before: `the playbook … was not
        // adhered to`.
        let Some(&be_at) = before.iter().find(|&&k| {
            matches!(
                lower(k),
                "was" | "were" | "is" | "are" | "been" | "wasn't" | "weren't" | "isn't" | "aren't"
            )
        }) else {
            return;
        };
        let Some(procedure) = (be_at.saturating_sub(15).max(s.start)..be_at)
            .rev()
            .find(|&k| self.doc.tokens[k].word && is(PROCEDURES, lower(k)))
        else {
            return;
        };
        let end = if self.token(i + 1).is_some_and(|t| t.lower == "to") {
            i + 2
        } else {
            i + 1
        };
        self.push(
            Rule::Counterfactual,
            procedure,
            end,
            "implies people failed to follow it, with hindsight".into(),
            "say which step was skipped and what made skipping it look reasonable at the \
             time"
                .into(),
        );
    }
}
