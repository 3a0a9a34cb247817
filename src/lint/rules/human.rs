//! People named as the cause, beyond the phrase "human error": "people are the cause of most
//! breaches", "the weakest part of the system was the human involvement", and "human error"
//! in scare quotes given as the finding ("it was a “Human Error”"), which a label in quotes
//! elsewhere ("calling this "human error"") is not.

use super::super::lexicon::is;
use super::{Rule, Scan};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "people",
    "humans",
    "human",
    "staff",
    "personnel",
    "operators",
];

/// Words that make the other side of a copula the cause or the weak point.
const CAUSE: &[&str] = &[
    "cause",
    "causes",
    "culprit",
    "culprits",
    "problem",
    "source",
    "weakest",
    "weak",
    "unreliable",
    "liability",
    "fault",
    "failure",
    "failing",
];

/// Nouns after `human` that make it the human part of a system (not `human factors`, the
/// field of study).
const HUMAN_PART: &[&str] = &[
    "involvement",
    "element",
    "side",
    "component",
    "link",
    "factor",
    "part",
    "operator",
    "operators",
    "input",
];

const BE: &[&str] = &["is", "was", "are", "were", "'s"];

impl Scan<'_> {
    /// Runs the patterns of this file at token `i` (not quoted).
    pub(super) fn human(&mut self, i: usize) {
        let w = self.doc.tokens[i].lower.as_str();
        // `the human involvement`: the head is the next word.
        let head_end = if w == "human" {
            match self.token(i + 1) {
                Some(t) if t.word && is(HUMAN_PART, &t.lower) => i + 2,
                Some(t) if t.word => return,
                // `the failure was entirely human`.
                _ => return self.cause_was_human(i),
            }
        } else {
            i + 1
        };
        let s = self.sentence_of(i);
        let word = |k: usize| self.doc.tokens[k].word;
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        // People as the subject: `people are the cause of most breaches`.
        let after: Vec<usize> = (head_end..s.end).filter(|&k| word(k)).take(6).collect();
        let subject_side = after.first().is_some_and(|&k| is(BE, lower(k)))
            && after.iter().skip(1).take(4).any(|&k| is(CAUSE, lower(k)));
        // People as the complement: `the weakest part of the system was the human
        // involvement`.
        let before: Vec<usize> = (s.start..i).rev().filter(|&k| word(k)).take(12).collect();
        let complement_side = before.len() >= 2
            && lower(before[0]) == "the"
            && is(BE, lower(before[1]))
            && before.iter().skip(2).any(|&k| is(CAUSE, lower(k)))
            // `the problem is people can't see it`: the people start a clause of their own.
            && self.token(head_end).is_none_or(|t| !t.word);
        if !(subject_side || complement_side) || self.negated(i, 3) || self.in_question(i) {
            return;
        }
        let (from, to) = if subject_side {
            let end = after
                .iter()
                .skip(1)
                .take(4)
                .find(|&&k| is(CAUSE, lower(k)))
                .map_or(head_end, |&k| k + 1);
            (i, end)
        } else {
            (i, head_end)
        };
        self.push(
            Rule::HumanError,
            from,
            to,
            "names people as the cause".into(),
            "name the conditions that made the slip easy to make: design, tooling, time \
             pressure, missing information"
                .into(),
        );
    }

    /// `the failure was entirely human`: `human` as the verdict on a cause.
    fn cause_was_human(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let before: Vec<usize> = (s.start..i)
            .rev()
            .filter(|&k| {
                let t = &self.doc.tokens[k];
                t.word
                    && !t.lower.ends_with("ly")
                    && !matches!(t.lower.as_str(), "all" | "just" | "only" | "too")
            })
            .take(6)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let Some((&be, rest)) = before.split_first() else {
            return;
        };
        if !is(BE, lower(be)) || !rest.iter().any(|&k| is(CAUSE, lower(k))) {
            return;
        }
        if self.negated(i, 3) || self.in_question(i) {
            return;
        }
        let from = rest
            .iter()
            .copied()
            .find(|&k| is(CAUSE, lower(k)))
            .unwrap_or(i);
        self.push(
            Rule::HumanError,
            from,
            i + 1,
            "names people as the cause".into(),
            "name the conditions that made the slip easy to make: design, tooling, time \
             pressure, missing information"
                .into(),
        );
    }

    /// `it was a “Human Error”`: a quoted label given as the finding. Runs at a quoted
    /// `human`, `operator` or `user` token.
    pub(super) fn quoted_finding(&mut self, i: usize) {
        let t = &self.doc.tokens[i];
        if !t.quoted || !matches!(t.lower.as_str(), "human" | "operator" | "user" | "pilot") {
            return;
        }
        if self.token(i + 1).is_none_or(|n| {
            !(n.word && n.quoted && matches!(n.lower.as_str(), "error" | "errors" | "mistake"))
        }) {
            return;
        }
        // The quotation is only the label: a mark just before and just after it.
        let mark = |k: Option<usize>| {
            k.and_then(|k| self.token(k))
                .is_some_and(|m| !m.word && m.quoted)
        };
        if !mark(i.checked_sub(1)) || !mark(Some(i + 2)) {
            return;
        }
        let s = self.sentence_of(i);
        let before: Vec<usize> = (s.start..i.saturating_sub(1))
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(2)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let given = match before.as_slice() {
            [a, b, ..] if matches!(lower(*a), "a" | "an") => is(BE, lower(*b)),
            [a, ..] => is(BE, lower(*a)),
            [] => false,
        };
        if !given || self.negated(i.saturating_sub(1), 3) || self.meta(i + 3) {
            return;
        }
        self.push(
            Rule::HumanError,
            i,
            i + 2,
            "names people as the cause".into(),
            "name the conditions that made the slip easy to make: design, tooling, time \
             pressure, missing information"
                .into(),
        );
    }
}
