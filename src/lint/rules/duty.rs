//! A duty told as not done, with hindsight: "he was supposed to pause the rollout, and he
//! didn't", "Dave was expected to page the DBA but never did".

use super::super::lexicon::is;
use super::{Rule, Scan};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &["supposed", "expected", "meant", "asked", "told"];

/// Forms of `to be` before the trigger: `was supposed to`.
const BE: &[&str] = &["was", "were", "is", "are", "been"];

/// Words that say the duty was not done, after `and`/`but`.
const NOT_DONE: &[&str] = &[
    "didn't",
    "never",
    "not",
    "failed",
    "forgot",
    "neglected",
    "hadn't",
    "wasn't",
    "weren't",
];

impl Scan<'_> {
    /// `<person> was supposed to <act> …, and|but <they> didn't|never|failed to`.
    pub(super) fn duty_not_done(&mut self, i: usize) {
        let be = i
            .checked_sub(1)
            .and_then(|b| self.token(b))
            .is_some_and(|b| b.word && is(BE, &b.lower));
        if !be || self.token(i + 1).is_none_or(|t| t.lower != "to") || self.in_question(i) {
            return;
        }
        let Some(who) = self.person_before(i) else {
            return;
        };
        let s = self.sentence_of(i);
        let words: Vec<usize> = (i + 2..s.end)
            .filter(|&k| self.doc.tokens[k].word)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let undone = words.iter().enumerate().find_map(|(n, &k)| {
            if !matches!(lower(k), "and" | "but" | "yet") {
                return None;
            }
            // `and he didn't`, `but never did`, `and Dave did not`.
            words[n + 1..]
                .iter()
                .take(3)
                .find(|&&w| is(NOT_DONE, lower(w)))
                // Not `and she didn't need to`.
                .filter(|&&w| {
                    self.token(w + 1).is_none_or(|t| {
                        !matches!(t.lower.as_str(), "need" | "have" | "get" | "mind" | "want")
                    })
                })
                .map(|&w| w + 1)
        });
        let Some(end) = undone else { return };
        self.push(
            Rule::Counterfactual,
            i - 1,
            end,
            format!("judges {who} against what was expected, with hindsight"),
            "say what the expectation was, how it was known, and what the situation made \
             easier to do at the time"
                .into(),
        );
    }
}
