//! What the rules' word tables say of a word, looked up once per token.
//!
//! Several rule files first ask whether a token's word starts one of their patterns (each from
//! a set of its own) before doing any work at it. Asked per rule, that is three hash look-ups
//! of every word of every text; this table joins those sets, built from them (so it cannot
//! drift from them), and [`super::run`] looks each word up in it once.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::super::lexicon::PERSON_POSSESSIVES;

/// What the rule tables say of one word; the default for a word in none of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct WordFacts {
    /// A pattern of `rules.rs` starts with it ([`super::STARTERS`]).
    pub starter: bool,
    /// The gate bits of [`super::kinds`]' rules that can start at it, when any can.
    pub gates: Option<u8>,
    /// The bits of the kind files of [`super::dispatch`] whose patterns can start at it.
    pub triggers: Option<u8>,
    /// One of [`PERSON_POSSESSIVES`] (`his`, `her`, …).
    pub person_possessive: bool,
}

static TABLE: LazyLock<HashMap<&'static str, WordFacts>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, WordFacts> = HashMap::default();
    for w in super::STARTERS.iter() {
        map.entry(w).or_default().starter = true;
    }
    for (w, gates) in super::kinds::STARTERS.iter() {
        map.entry(w).or_default().gates = Some(*gates);
    }
    for (w, files) in super::dispatch::TRIGGERS.iter() {
        map.entry(w).or_default().triggers = Some(*files);
    }
    for w in PERSON_POSSESSIVES {
        map.entry(w).or_default().person_possessive = true;
    }
    map
});

/// What the tables say of `word` (a token's lowercased text).
pub(super) fn facts(word: &str) -> WordFacts {
    TABLE.get(word).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For every word of any of the joined tables (and a few others), the joined answer is
    /// what each table says on its own.
    #[test]
    fn the_joined_table_agrees_with_each_table() {
        let mut words: Vec<&str> = super::super::STARTERS.iter().copied().collect();
        words.extend(super::super::kinds::STARTERS.keys().copied());
        words.extend(super::super::dispatch::TRIGGERS.keys().copied());
        words.extend(PERSON_POSSESSIVES.iter().copied());
        words.extend(["", "the", "zebra", "Fired", "his"]);
        assert!(words.len() > 100, "{}", words.len());
        for w in words {
            let f = facts(w);
            assert_eq!(f.starter, super::super::STARTERS.contains(w), "{w}");
            assert_eq!(
                f.gates,
                super::super::kinds::STARTERS.get(w).copied(),
                "{w}"
            );
            assert_eq!(
                f.triggers,
                super::super::dispatch::TRIGGERS.get(w).copied(),
                "{w}"
            );
            assert_eq!(f.person_possessive, PERSON_POSSESSIVES.contains(&w), "{w}");
        }
    }
}
