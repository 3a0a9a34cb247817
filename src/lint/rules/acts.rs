//! A person as the author of a harmful act, beyond the verb lists of `kinds.rs`: an act on
//! the wrong target ("drops the wrong index", "ran it on the wrong server"), and a single
//! customer or user as the cause of a failure ("a customer caused the bug").

use super::super::lexicon::is;
use super::super::people::Who;
use super::{Rule, Scan, who_text};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "wrong", "instead", "caused", "broke", "crashed", "mistake", "accident", "error",
];

/// Verbs whose object being wrong is no slip of theirs: they found it, or set it right.
const PERCEIVE: &[&str] = &[
    "noticed",
    "notices",
    "saw",
    "sees",
    "spotted",
    "spots",
    "flagged",
    "flags",
    "found",
    "finds",
    "caught",
    "catches",
    "fixed",
    "fixes",
    "corrected",
    "corrects",
    "identified",
    "identifies",
    "realized",
    "realised",
    "realizes",
    "realises",
    "discovered",
    "reported",
    "reports",
    "explained",
    "traced",
    "confirmed",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "look",
    "looked",
    "looks",
    "made",
    "make",
    "makes",
];

/// Prepositions between an act and its target: `ran it against the wrong host`.
const TO_TARGET: &[&str] = &[
    "on", "against", "to", "in", "into", "from", "at", "onto", "off",
];

/// Targets whose being wrong is about timing or luck, not an act: `at the wrong time`.
const NOT_TARGETS: &[&str] = &[
    "time",
    "moment",
    "place",
    "end",
    "impression",
    "idea",
    "thing",
    "things",
    "conclusion",
    "lesson",
];

/// Outcomes a customer can be named as causing.
const FAILURES: &[&str] = &[
    "bug", "outage", "incident", "crash", "failure", "problem", "errors", "error", "issue",
];

impl Scan<'_> {
    /// Runs the patterns of this file at token `i`.
    pub(super) fn acts(&mut self, i: usize) {
        match self.doc.tokens[i].lower.as_str() {
            "wrong" => self.wrong_target(i),
            "instead" => self.instead_of(i),
            "mistake" | "accident" | "error" => self.by_mistake(i),
            _ => self.customer_caused(i),
        }
    }

    /// `the DBA drops the wrong index`, `Dave ran the script on the wrong host`.
    fn wrong_target(&mut self, i: usize) {
        let Some(det) = i.checked_sub(1).filter(|&d| {
            self.token(d)
                .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "one"))
        }) else {
            return;
        };
        let Some(target) = self.token(i + 1).filter(|t| t.word && !t.quoted) else {
            return;
        };
        if is(NOT_TARGETS, &target.lower) {
            return;
        }
        self.act_on_wrong_target(det, i, i + 2);
    }

    /// `Dave restarted the primary instead of the standby`: the act on one target when
    /// another was meant. `i` is `instead`.
    fn instead_of(&mut self, i: usize) {
        let of = self.token(i + 1).is_some_and(|t| t.lower == "of");
        let det = self
            .token(i + 2)
            .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an" | "its" | "our"));
        let target = self.token(i + 3).filter(|t| t.word && !t.quoted);
        if !of
            || !det
            || target.is_none_or(|t| is(NOT_TARGETS, &t.lower) || t.lower.ends_with("ing"))
        {
            return;
        }
        self.act_on_wrong_target(i, i, i + 4);
    }

    /// Walks back from token `from` (where the wrong target's phrase starts) over a preposition
    /// and a short object to the verb, and flags the act up to `end` when a person did it.
    /// `i` is the word that makes the target wrong.
    fn act_on_wrong_target(&mut self, from: usize, i: usize, end: usize) {
        let s = self.sentence_of(i);
        let mut k = from;
        let mut steps = 0;
        let verb = loop {
            let Some(b) = k.checked_sub(1).filter(|&b| b >= s.start) else {
                return;
            };
            let t = &self.doc.tokens[b];
            // `ran rm -rf on the wrong directory`: a flag's dash is part of the object.
            if !t.word && matches!(t.lower.as_str(), "-" | "/" | "." | "=") {
                k = b;
                continue;
            }
            if !t.word || steps > 5 {
                return;
            }
            let w = t.lower.as_str();
            let verbish = (w.len() > 3 && w.ends_with("ed"))
                || (w.len() > 3 && w.ends_with('s') && steps == 0)
                || super::super::lexicon::is_participle(w)
                || matches!(
                    w,
                    "ran"
                        | "run"
                        | "runs"
                        | "hit"
                        | "put"
                        | "took"
                        | "sent"
                        | "wrote"
                        | "chose"
                        | "picked"
                        | "pushed"
                        | "typed"
                        | "drops"
                );
            if is(TO_TARGET, w) || !verbish {
                k = b;
                steps += 1;
                continue;
            }
            break b;
        };
        let w = self.doc.tokens[verb].lower.as_str();
        if is(PERCEIVE, w) || self.negated(verb, 2) || self.in_question(i) || self.explained(i) {
            return;
        }
        let Some(who) = self.person_before(verb) else {
            return;
        };
        self.push(
            Rule::PersonFailure,
            verb,
            end,
            format!("makes {who} the author of a slip on the wrong target"),
            "say what made the two targets look alike and what let the act through, e.g. \
             \"both hosts had the same prompt; the tool asked for no confirmation\""
                .into(),
        );
    }

    /// `the on-call rebooted the primary by mistake`, `deleted the volume in error`.
    fn by_mistake(&mut self, i: usize) {
        let Some(by) = i.checked_sub(1).filter(|&b| {
            self.token(b).is_some_and(|t| {
                matches!(
                    (t.lower.as_str(), self.doc.tokens[i].lower.as_str()),
                    ("by", "mistake" | "accident") | ("in", "error")
                )
            })
        }) else {
            return;
        };
        // The one who acted: the clause's first mention, before any verb.
        let clause = self.clause_range(i);
        let Some(m) = self
            .mentions
            .iter()
            .find(|m| clause.contains(&m.tokens.start) && m.tokens.end <= by)
            .cloned()
        else {
            return;
        };
        if !m.who.is_other_person() || self.negated(by, 3) || self.in_question(i) {
            return;
        }
        let who = who_text(
            self,
            &super::super::people::Subject {
                who: m.who,
                mention: Some(m.clone()),
            },
        );
        self.push(
            Rule::PersonFailure,
            by,
            i + 1,
            format!("tells the act as a slip by {who}"),
            "make the command or the change the subject, and say what made the slip easy: \
             e.g. \"the reboot hit the primary; both hosts had the same name\""
                .into(),
        );
    }

    /// `a customer caused the bug`: one affected person made the cause.
    fn customer_caused(&mut self, i: usize) {
        let subject = self.clause().subject_before(i);
        let Some(m) = subject
            .mention
            .as_ref()
            .filter(|_| subject.who == Who::Affected)
        else {
            return;
        };
        let singular = self
            .token(m.tokens.end - 1)
            .is_some_and(|t| !t.lower.ends_with('s') && !t.possessive);
        let s = self.sentence_of(i);
        let object = (i + 1..(i + 4).min(s.end)).find(|&k| is(FAILURES, &self.doc.tokens[k].lower));
        let (Some(object), true) = (object, singular) else {
            return;
        };
        if self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.push(
            Rule::PersonFailure,
            m.tokens.start,
            object + 1,
            "makes a customer the cause".into(),
            "name what the customer did and the condition it met, e.g. \"a valid \
             configuration change from a customer triggered a latent bug\""
                .into(),
        );
    }
}
