//! Which patterns of a table can match at a word: an index from each alternative of a
//! pattern's first word to the patterns (by position in the table, in table order) that start
//! with it.
//!
//! [`super::Scan::match_at`] matches a pattern only where its first word is one of the first
//! word's alternatives, so a loop over a table that goes over `index.at(word)` instead of the
//! whole table skips only patterns that could not match: it finds the same matches in the
//! same order. The index is built from the table itself, so a pattern added later is in it.

use rustc_hash::FxHashMap as HashMap;

/// For each first-word alternative of a table's patterns, the positions of those patterns.
pub(super) struct FirstWords(HashMap<&'static str, Vec<usize>>);

impl FirstWords {
    /// The index of a table's patterns, given in table order (`one|two rest of it`: words
    /// separated by spaces, alternatives by `|`, as [`super::Scan::match_at`] reads them).
    pub(super) fn new(patterns: impl IntoIterator<Item = &'static str>) -> FirstWords {
        let mut map: HashMap<&'static str, Vec<usize>> = HashMap::default();
        for (k, pattern) in patterns.into_iter().enumerate() {
            let head = pattern.split(' ').next().unwrap_or("");
            for alternative in head.split('|') {
                let at = map.entry(alternative).or_default();
                // A word given twice as an alternative still names the pattern once.
                if at.last() != Some(&k) {
                    at.push(k);
                }
            }
        }
        FirstWords(map)
    }

    /// The positions, in table order, of the patterns whose first word can be `word` (a
    /// token's lowercased text).
    pub(super) fn at(&self, word: &str) -> &[usize] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pattern_is_found_at_each_of_its_first_words_once() {
        let table = ["a|b c", "b", "c|c d", "e ~ f|a"];
        let index = FirstWords::new(table);
        assert_eq!(index.at("a"), &[0]);
        assert_eq!(index.at("b"), &[0, 1]);
        assert_eq!(index.at("c"), &[2]);
        assert_eq!(index.at("e"), &[3]);
        assert!(index.at("f").is_empty() && index.at("d").is_empty());
    }

    /// For every indexed table of the rules and every word of any of its patterns (and a few
    /// others), the index names exactly the patterns whose first word `match_at` accepts.
    #[test]
    fn the_rules_indexes_agree_with_the_first_word_test() {
        let mut tables = super::super::indexed_tables();
        tables.extend(super::super::kinds::indexed_tables());
        assert_eq!(tables.len(), 11);
        for (index, patterns) in tables {
            assert!(!patterns.is_empty());
            let mut words: Vec<&str> = patterns
                .iter()
                .flat_map(|p| p.split([' ', '|']))
                .chain(["", "the", "on", "a", "Fired", "~", "*"])
                .collect();
            words.sort_unstable();
            words.dedup();
            for word in words {
                let expected: Vec<usize> = (0..patterns.len())
                    .filter(|&k| super::super::first_word_is(patterns[k], word))
                    .collect();
                assert_eq!(index.at(word), expected.as_slice(), "{word}");
            }
        }
    }
}
