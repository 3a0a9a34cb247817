//! Incremental linting of a whole incident: each text is linted per line (a line break ends
//! a sentence for the lint, and quotes never span lines, so a line is linted alone exactly
//! as inside its text), and each line's hits are remembered by a hash of the line and what it
//! is linted with. One changed letter in a 50,000-word narrative re-lints one paragraph.
//!
//! Used on the lint worker thread of the terminal UI and, in tests, in place.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use crate::lint::{Context, Finding, Hit, People, lint_incident_with, lint_text};
use crate::model::Incident;

/// Texts shorter than this are linted whole (remembered as one piece).
const PIECE_MIN: usize = 512;

/// Hits remembered per piece of text.
#[derive(Clone, Debug, Default)]
pub struct Memo {
    hits: HashMap<u64, Vec<Hit>>,
    linted: usize,
}

impl Memo {
    /// Lints every text field of `incident`, reusing the hits of pieces seen by the last
    /// call; forgets pieces that are gone.
    pub fn lint(&mut self, incident: &Incident) -> Vec<Finding> {
        let mut context = DefaultHasher::new();
        People::of(incident).hash(&mut context);
        incident.lint.words.hash(&mut context);
        let context = context.finish();
        let mut old = std::mem::take(&mut self.hits);
        let linted = &mut self.linted;
        let mut fresh: HashMap<u64, Vec<Hit>> = HashMap::new();
        let mut piece = |text: &str, ctx: &Context<'_>| -> Vec<Hit> {
            let mut h = DefaultHasher::new();
            (context, text, ctx.actor, ctx.factor).hash(&mut h);
            let key = h.finish();
            if let Some(hits) = fresh.get(&key) {
                return hits.clone();
            }
            let hits = old.remove(&key).unwrap_or_else(|| {
                *linted += 1;
                lint_text(text, ctx)
            });
            fresh.insert(key, hits.clone());
            hits
        };
        let findings = lint_incident_with(incident, &mut |text, ctx| {
            if text.len() < PIECE_MIN || !text.contains('\n') {
                return piece(text, ctx);
            }
            let mut out = Vec::new();
            let mut at = 0;
            for line in text.split_inclusive('\n') {
                let body = line.strip_suffix('\n').unwrap_or(line);
                for mut hit in piece(body, ctx) {
                    hit.start += at;
                    hit.end += at;
                    out.push(hit);
                }
                at += line.len();
            }
            out
        });
        self.hits = fresh;
        findings
    }

    /// Pieces linted (not found in the memo) since the memo was made.
    pub fn linted(&self) -> usize {
        self.linted
    }

    /// Pieces remembered.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::lint_incident;

    fn story() -> String {
        let lines = [
            "The deploy pipeline pushed the config at 14:02.",
            "Dave should have checked the dashboard, and the root cause was human error.",
            "",
            "\"Mei forgot to page\" was said in the chat.",
            "The replicas fell behind and they failed to catch up.",
            "It was careless to skip the review.",
        ];
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(lines[i % lines.len()]);
            text.push('\n');
        }
        text
    }

    #[test]
    fn line_by_line_finds_what_the_whole_text_finds() {
        let mut inc = Incident {
            participants: vec!["Dave".into(), "Mei".into()],
            ..Incident::default()
        };
        inc.narrative.text = story();
        inc.technical.analysis = story().replace('\n', " ");
        let whole = lint_incident(&inc);
        assert!(whole.len() > 20, "{}", whole.len());
        assert_eq!(Memo::default().lint(&inc), whole);
        for example in crate::demo::EXAMPLES {
            let Ok(crate::model::codec::Parsed::Current(inc)) =
                crate::model::codec::parse(example.1)
            else {
                panic!("example {} does not parse", example.0);
            };
            assert_eq!(Memo::default().lint(&inc), lint_incident(&inc));
        }
    }

    #[test]
    fn one_changed_line_is_linted_again_alone() {
        let mut inc = Incident::default();
        inc.narrative.text = (0..200)
            .map(|i| format!("Paragraph {i} says the pipeline should have stopped."))
            .collect::<Vec<_>>()
            .join("\n");
        let mut memo = Memo::default();
        let first = memo.lint(&inc);
        assert_eq!(memo.len(), 200);
        assert_eq!(memo.linted(), 200);
        inc.narrative.text.replace_range(0..1, "p");
        let second = memo.lint(&inc);
        assert_eq!(memo.linted(), 201);
        assert_eq!(second.len(), first.len());
        assert_eq!(second, lint_incident(&inc));
    }
}
