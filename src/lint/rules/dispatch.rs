//! Runs the rules of the files that each cover one kind of blame (`answer.rs`, …) at the
//! tokens that can start one of their patterns, skipping every other token at once.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::{Scan, acts, answer, duty, harmed, human, nominal, passive};

/// One bit per kind file, in the order of [`FILES`].
const ANSWER: u8 = 1;
const ACTS: u8 = 2;
const NOMINAL: u8 = 4;
const PASSIVE: u8 = 8;
const HUMAN: u8 = 16;
const DUTY: u8 = 32;
const HARMED: u8 = 64;

/// Each kind file's trigger words, with its bit.
const FILES: [(&[&str], u8); 7] = [
    (answer::TRIGGERS, ANSWER),
    (acts::TRIGGERS, ACTS),
    (nominal::TRIGGERS, NOMINAL),
    (passive::TRIGGERS, PASSIVE),
    (human::TRIGGERS, HUMAN),
    (duty::TRIGGERS, DUTY),
    (harmed::TRIGGERS, HARMED),
];

/// Every word a pattern of these files can start at, with the bits of the files whose
/// patterns can start there: one look-up per word.
pub(super) static TRIGGERS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::default();
    for (words, bit) in FILES {
        for w in words {
            *map.entry(w).or_default() |= bit;
        }
    }
    map
});

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
            if t.possessive || self.words[i].person_possessive {
                self.owned(i);
            }
            let Some(files) = self.words[i].triggers else {
                continue;
            };
            if files & ANSWER != 0 {
                self.answerability(i);
            }
            if files & ACTS != 0 {
                self.acts(i);
            }
            if files & NOMINAL != 0 {
                self.nominal(i);
            }
            if files & PASSIVE != 0 {
                self.passives(i);
            }
            if files & HUMAN != 0 {
                self.human(i);
            }
            if files & DUTY != 0 {
                self.duty_not_done(i);
            }
            if files & HARMED != 0 {
                self.harmed(i);
            }
        }
    }
}
