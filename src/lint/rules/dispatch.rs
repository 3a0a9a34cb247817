//! Runs the rules of the files that each cover one kind of blame (`answer.rs`, …) at the
//! tokens that can start one of their patterns, skipping every other token at once.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::super::lexicon::{PERSON_POSSESSIVES, is};
use super::{Scan, acts, answer, duty, harmed, human, nominal, passive};

/// Every word a pattern of these files can start at.
static TRIGGERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        answer::TRIGGERS,
        acts::TRIGGERS,
        nominal::TRIGGERS,
        passive::TRIGGERS,
        human::TRIGGERS,
        duty::TRIGGERS,
        harmed::TRIGGERS,
    ]
    .iter()
    .flat_map(|list| list.iter().copied())
    .collect()
});

static ANSWER: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| answer::TRIGGERS.iter().copied().collect());

static NOMINAL: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| nominal::TRIGGERS.iter().copied().collect());

static PASSIVE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| passive::TRIGGERS.iter().copied().collect());

static HUMAN: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| human::TRIGGERS.iter().copied().collect());

static DUTY: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| duty::TRIGGERS.iter().copied().collect());

static HARMED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| harmed::TRIGGERS.iter().copied().collect());

static ACTS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| acts::TRIGGERS.iter().copied().collect());

impl Scan<'_> {
    /// Runs the rules of the kind files over the whole text.
    pub(super) fn by_kind(&mut self) {
        for i in 0..self.doc.tokens.len() {
            let t = &self.doc.tokens[i];
            if t.word && t.quoted {
                self.quoted_finding(i);
                continue;
            }
            if !t.word || t.opaque {
                continue;
            }
            if t.possessive || is(PERSON_POSSESSIVES, &t.lower) {
                self.owned(i);
            }
            let t = &self.doc.tokens[i];
            if !TRIGGERS.contains(t.lower.as_str()) {
                continue;
            }
            let w = t.lower.as_str();
            if ANSWER.contains(w) {
                self.answerability(i);
            }
            if ACTS.contains(w) {
                self.acts(i);
            }
            if NOMINAL.contains(w) {
                self.nominal(i);
            }
            if PASSIVE.contains(w) {
                self.passives(i);
            }
            if HUMAN.contains(w) {
                self.human(i);
            }
            if DUTY.contains(w) {
                self.duty_not_done(i);
            }
            if HARMED.contains(w) {
                self.harmed(i);
            }
        }
    }
}
