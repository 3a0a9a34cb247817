//! The blameless-language lint: a deterministic, explainable checker over every text field.
//!
//! It points out wording that blames people or judges them with hindsight, following the
//! blameless-retrospective practice the product is built on (see the project's PRODUCT.md):
//! judgement words ([`Rule::BlameWord`]), "human error" as a cause ([`Rule::HumanError`]),
//! counterfactuals about a person ([`Rule::Counterfactual`]), a person as the subject of a
//! failure ([`Rule::PersonFailure`]), "root cause" and "postmortem" ([`Rule::RootCause`],
//! [`Rule::Postmortem`]), a contributing factor that is a person ([`Rule::FactorIsPerson`]) and
//! the incident's own extra words ([`Rule::CustomWord`]).
//!
//! It works with word lists, small phrase patterns and the subject of a verb found within its
//! clause: no statistics, the same text always gives the same findings. It stays quiet on
//! systems and processes ("the pipeline failed to detect it"), recommendations ("we should add
//! an alert"), "I didn't get what I needed", quoted text and negations ("no one was at
//! fault"). Pure: no I/O.

pub mod extra_words;
mod fields;
mod lexicon;
pub mod locate;
mod names;
mod people;
mod rules;
mod text;

use std::fmt;

use crate::model::Incident;

pub use fields::{
    FieldText, Step, covers, is_ignored, join_path, parse_path, section_of, stable_path,
    text_fields,
};
pub use people::People;

/// A lint rule. Its [`Rule::id`] is stable: files and scripts refer to it (serialised as the
/// id, for the lint cache).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A judgement or blame word: careless, sloppy, lazy, "dropped the ball", "at fault".
    BlameWord,
    /// "human error", "operator error" as a cause.
    HumanError,
    /// Hindsight about a person: should have, could have, if only, failed to, forgot to,
    /// ignored, didn't bother.
    Counterfactual,
    /// A person (a participant's name, a role, a pronoun) as the subject of a failure, or
    /// owning a slip ("Dave's mistake").
    PersonFailure,
    /// Backward-looking accountability: someone must answer for it, be held responsible,
    /// face consequences, be fired, explain themselves; "this one is on Dave".
    Punishment,
    /// "root cause": suggest "contributing factors".
    RootCause,
    /// "postmortem": suggest "retrospective".
    Postmortem,
    /// A contributing factor that is only a person ("the new hire", "Bob's mistake").
    FactorIsPerson,
    /// A word from the incident's own `[lint] words`.
    CustomWord,
}

/// What a rule is about: blame, or wording advice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Wording that blames a person or judges them with hindsight.
    Blame,
    /// Wording advice with no person in it ("root cause", "postmortem"): shown lighter and
    /// counted apart.
    Style,
}

impl Kind {
    /// The stable id, as printed in `retro lint --format json` (`"blame"`, `"style"`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Blame => "blame",
            Kind::Style => "style",
        }
    }
}

impl Rule {
    /// Whether the rule is about blame or about style.
    pub fn kind(self) -> Kind {
        match self {
            Rule::RootCause | Rule::Postmortem => Kind::Style,
            _ => Kind::Blame,
        }
    }

    /// Every rule, in report order.
    pub const ALL: [Rule; 9] = [
        Rule::BlameWord,
        Rule::HumanError,
        Rule::Counterfactual,
        Rule::PersonFailure,
        Rule::Punishment,
        Rule::RootCause,
        Rule::Postmortem,
        Rule::FactorIsPerson,
        Rule::CustomWord,
    ];

    /// The stable kebab-case id, as printed and as written in `[lint.ignore]`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::BlameWord => "blame-word",
            Rule::HumanError => "human-error",
            Rule::Counterfactual => "counterfactual",
            Rule::PersonFailure => "person-failure",
            Rule::Punishment => "punishment",
            Rule::RootCause => "root-cause",
            Rule::Postmortem => "postmortem",
            Rule::FactorIsPerson => "factor-is-person",
            Rule::CustomWord => "custom-word",
        }
    }

    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id.trim())
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A finding in one text: byte offsets into it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Which rule.
    pub rule: Rule,
    /// Start of the span, a byte offset into the text.
    pub start: usize,
    /// End of the span (exclusive), a byte offset into the text.
    pub end: usize,
    /// Why it is flagged, short ("judges Dave with hindsight").
    pub reason: String,
    /// Which way to rewrite it ("say what Dave knew and had at the time…").
    pub suggestion: String,
}

/// A finding in an incident.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    /// Which rule.
    pub rule: Rule,
    /// The field's path, 0-based: `narrative.text`, `timeline[3].text`,
    /// `factors[2].whys[0]` (see [`text_fields`]).
    pub field: String,
    /// Start of the span, a byte offset into the field's text.
    pub start: usize,
    /// End of the span (exclusive), a byte offset into the field's text.
    pub end: usize,
    /// The exact span.
    pub text: String,
    /// Why it is flagged, short.
    pub reason: String,
    /// Which way to rewrite it.
    pub suggestion: String,
}

impl Finding {
    /// Whether the finding is about blame or about style ([`Rule::kind`]).
    pub fn kind(&self) -> Kind {
        self.rule.kind()
    }

    /// One line for people: `rule: "span": reason; try: suggestion`.
    pub fn message(&self) -> String {
        format!(
            "{}: \"{}\": {}; try: {}",
            self.rule, self.text, self.reason, self.suggestion
        )
    }
}

/// What a text is linted with.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The incident's participants and facilitator.
    pub people: &'a People,
    /// Extra words to flag ([`Rule::CustomWord`]), matched as whole words ignoring case.
    pub words: &'a [String],
    /// Who acted, for a timeline entry's text: the subject of a sentence without one.
    pub actor: &'a str,
    /// True for a contributing factor's description ([`Rule::FactorIsPerson`]).
    pub factor: bool,
    /// Who `actor` is, when already known (an incident's timeline names the same actors over
    /// and over: [`lint_incident_with`] reads each once); `None` to let the rules read it.
    pub(crate) implied: Option<Option<people::Who>>,
}

impl<'a> Context<'a> {
    /// A context for one text.
    pub fn new(people: &'a People, words: &'a [String], actor: &'a str, factor: bool) -> Self {
        Context {
            people,
            words,
            actor,
            factor,
            implied: None,
        }
    }
}

/// The style rule (`root-cause`, `postmortem`) whose words a flagged span is, if any.
pub use rules::style_rule;

/// Lints one text. Findings are in text order; `[lint.ignore]` is not applied here.
pub fn lint_text(text: &str, ctx: &Context<'_>) -> Vec<Hit> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    rules::run(text, ctx)
}

/// Lints every text field of an incident, honouring its `[lint]` words and ignores.
///
/// Findings come in field order ([`text_fields`]), then text order. Stable API: the readiness
/// checklist counts these.
pub fn lint_incident(incident: &Incident) -> Vec<Finding> {
    lint_incident_with(incident, &mut |text, ctx| lint_text(text, ctx))
}

/// [`lint_incident`] with the per-text lint supplied, so a caller can reuse earlier results
/// for texts that did not change (the terminal UI does).
pub fn lint_incident_with(
    incident: &Incident,
    lint: &mut dyn FnMut(&str, &Context<'_>) -> Vec<Hit>,
) -> Vec<Finding> {
    let people = People::of(incident);
    let mut out = Vec::new();
    // Who each actor is, read once per incident.
    let mut actors: Vec<(&str, Option<people::Who>)> = Vec::new();
    for field in text_fields(incident) {
        let implied = match actors.iter().find(|(a, _)| *a == field.actor) {
            Some((_, who)) => *who,
            None => {
                let who = people::who_is(field.actor, &people);
                actors.push((field.actor, who));
                who
            }
        };
        let ctx = Context {
            implied: Some(implied),
            ..Context::new(&people, &incident.lint.words, field.actor, field.factor)
        };
        let hits = lint(field.text, &ctx);
        if hits.is_empty() {
            continue;
        }
        let path = field.path();
        for hit in hits {
            if is_ignored(&incident.lint, incident, &path, hit.rule) {
                continue;
            }
            out.push(Finding {
                rule: hit.rule,
                field: path.clone(),
                start: hit.start,
                end: hit.end,
                text: field.text.get(hit.start..hit.end).unwrap_or("").to_string(),
                reason: hit.reason,
                suggestion: hit.suggestion,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
