//! The team's own words to avoid, from the configuration (`[lint] words`): flagged as
//! [`Rule::CustomWord`] like an incident's own `[lint] words`, in every text field the lint
//! reads, as whole words or phrases ignoring case. Kept apart from the other rules so that
//! the configuration can add it after the lint has run ([`crate::config::LintConfig::apply`]).

use super::{Finding, Rule, is_ignored, text_fields};
use crate::model::Incident;

/// The end (byte offset) of `word` matched at byte `at` of `text` ignoring case, if it is there.
fn match_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if !c.to_lowercase().eq(w.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| at + i))
}

/// True when the char before byte `at` (if any) is not part of a word.
fn boundary_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|s| s.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when the char at byte `at` (if any) is not part of a word.
fn boundary_after(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Where `word` occurs in `text` as a whole word or phrase, ignoring case: byte ranges.
pub fn occurrences(text: &str, word: &str) -> Vec<(usize, usize)> {
    let word = word.trim();
    if word.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        if boundary_before(text, at)
            && let Some(end) = match_at(text, at, word)
            && boundary_after(text, end)
        {
            out.push((at, end));
            at = end;
            continue;
        }
        at += text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
    }
    out
}

/// The findings of `words` in every text field of `incident`, in field order, then text
/// order; the incident's `[lint.ignore]` is honoured.
pub fn find(incident: &Incident, words: &[String]) -> Vec<Finding> {
    let mut out = Vec::new();
    if words.iter().all(|w| w.trim().is_empty()) {
        return out;
    }
    for field in text_fields(incident) {
        let path = field.path();
        if is_ignored(&incident.lint, incident, &path, Rule::CustomWord) {
            continue;
        }
        let mut hits: Vec<(usize, usize, &str)> = words
            .iter()
            .flat_map(|w| {
                occurrences(field.text, w)
                    .into_iter()
                    .map(move |(s, e)| (s, e, w.trim()))
            })
            .collect();
        hits.sort_by_key(|(s, e, _)| (*s, *e));
        for (start, end, word) in hits {
            out.push(Finding {
                rule: Rule::CustomWord,
                field: path.clone(),
                start,
                end,
                text: field.text.get(start..end).unwrap_or("").to_string(),
                reason: format!("\"{word}\" is on the team's list of words to avoid"),
                suggestion: "say what happened without it".to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_phrases_ignoring_case() {
        assert_eq!(occurrences("A Cowboy deploy", "cowboy"), vec![(2, 8)]);
        assert!(occurrences("cowboys", "cowboy").is_empty());
        assert_eq!(
            occurrences("we went YOLO mode, yolo mode", "yolo mode"),
            vec![(8, 17), (19, 28)]
        );
        assert_eq!(occurrences("Größe größe", "GRÖSSE").len(), 0);
        assert_eq!(occurrences("Ärger", "ärger"), vec![(0, 6)]);
    }

    #[test]
    fn findings_name_the_field_and_honour_ignores() {
        let mut inc = Incident {
            title: "A cowboy change".into(),
            ..Incident::default()
        };
        inc.narrative.text = "Nothing here".into();
        let found = find(&inc, &["cowboy".into()]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "title");
        assert_eq!(found[0].text, "cowboy");
        inc.lint
            .ignore
            .insert("title".into(), vec!["custom-word".into()]);
        assert!(find(&inc, &["cowboy".into()]).is_empty());
    }
}
