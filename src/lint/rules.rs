//! The rules: small phrase patterns over the tokens of one text, with the subject of a verb
//! found from the mentions around it. Every rule skips quoted text and links.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

mod acts;
mod answer;
mod dispatch;
mod duty;
mod first_words;
mod harmed;
mod human;
mod kinds;
mod nominal;
mod passive;
mod reject;
mod word_table;

use super::lexicon::{
    BLAME_NOUNS, GLUE, NEGATIONS, PERSON_POSSESSIVES, is, is_adverb, is_participle,
};
use super::people::{Clause, Mention, Subject, Who, mentions, who_is};
use super::text::{Doc, Token, parse};
use super::{Context, Hit, Rule};
use first_words::FirstWords;

/// Lints one text.
pub fn run(text: &str, ctx: &Context<'_>) -> Vec<Hit> {
    let doc = parse(text);
    let mentions = mentions(&doc, ctx.people);
    let mut sentence = vec![usize::MAX; doc.tokens.len()];
    for (n, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            sentence[i] = n;
        }
    }
    let words = doc
        .tokens
        .iter()
        .map(|t| {
            if t.word {
                word_table::facts(&t.lower)
            } else {
                word_table::WordFacts::default()
            }
        })
        .collect();
    let joined = doc.sentences.iter().map(|s| join_asides(&doc, s)).collect();
    let mut scan = Scan {
        text,
        doc: &doc,
        mentions: &mentions,
        implied: ctx.implied.unwrap_or_else(|| who_is(ctx.actor, ctx.people)),
        actor: ctx.actor.trim(),
        hits: Vec::new(),
        sentence,
        words,
        joined,
    };
    scan.blame_words();
    scan.human_error();
    scan.counterfactuals();
    scan.person_failures();
    scan.kinds();
    scan.by_kind();
    scan.naming();
    scan.custom_words(ctx.words);
    if ctx.factor && !scan.hits.iter().any(|h| h.rule == Rule::HumanError) {
        scan.factor_is_person();
    }
    // Blame that the text rejects or discusses is not laid on anyone.
    let found = std::mem::take(&mut scan.hits);
    let mut hits: Vec<Hit> = found
        .into_iter()
        .filter(|h| {
            h.rule.kind() != super::Kind::Blame
                || h.rule == Rule::CustomWord
                || !scan.token_at(h.start).is_some_and(|i| scan.set_aside(i))
        })
        .collect();
    // A factor that is a person says it all; its slip is not reported twice.
    // (Only a factor's description can hold one, so this stays short.)
    let whole: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.rule == Rule::FactorIsPerson)
        .map(|h| (h.start, h.end))
        .collect();
    hits.retain(|h| {
        h.rule != Rule::PersonFailure || !whole.iter().any(|(s, e)| *s <= h.start && h.end <= *e)
    });
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.rule));
    // Drop a hit inside an earlier one of the same rule: sorted by start, that is one whose
    // end is within the furthest end reached by that rule so far.
    let mut reach = [0usize; Rule::ALL.len()];
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        let r = h.rule as usize;
        let inside = reach[r] > 0 && h.end <= reach[r];
        if !inside {
            reach[r] = reach[r].max(h.end);
            kept.push(h);
        }
    }
    kept
}

struct Scan<'a> {
    text: &'a str,
    doc: &'a Doc,
    mentions: &'a [Mention],
    implied: Option<Who>,
    /// Who acted, as written (a timeline entry's actor), for messages.
    actor: &'a str,
    hits: Vec<Hit>,
    /// The sentence of each token.
    sentence: Vec<usize>,
    /// What the rule tables say of each token's word (the default for punctuation).
    words: Vec<word_table::WordFacts>,
    /// For each sentence with a short aside in brackets, its clauses with the aside joined
    /// to the clauses around it (`a British Airways (BA) data centre`).
    joined: Vec<Option<Vec<std::ops::Range<usize>>>>,
}

/// The clauses of `s` with a short bracketed aside (up to four words) joined to the clauses
/// before and after it; `None` when it has none.
fn join_asides(doc: &Doc, s: &super::text::Sentence) -> Option<Vec<std::ops::Range<usize>>> {
    let tokens = &doc.tokens;
    let open = |k: usize| tokens.get(k).is_some_and(|t| !t.word && t.lower == "(");
    if !s.tokens.clone().any(open) {
        return None;
    }
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut glue_next = false;
    for c in &s.clauses {
        let aside = c.start > 0
            && open(c.start - 1)
            && tokens.get(c.end).is_some_and(|t| t.lower == ")")
            && c.clone().filter(|&k| tokens[k].word).count() <= 4;
        match out.last_mut() {
            Some(last) if aside || glue_next => {
                last.end = c.end;
                glue_next = aside;
            }
            _ => {
                out.push(c.clone());
                glue_next = false;
            }
        }
    }
    Some(out)
}

/// Every word a built-in pattern starts with, to skip all other words at once.
pub(super) static STARTERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set = HashSet::default();
    let judgements = JUDGEMENTS.iter().map(|(p, _)| *p);
    let counterfactuals = COUNTERFACTUALS.iter().map(|(p, _)| *p);
    let all = judgements
        .chain(counterfactuals)
        .chain(BLAME.iter().copied())
        .chain(HUMAN_ERROR.iter().copied())
        .chain(FAILURES.iter().copied())
        .chain(ROOT_CAUSE.iter().copied())
        .chain(POSTMORTEM.iter().copied())
        .chain(BLAME_NOUNS.iter().copied())
        .chain(["if", "had", "fault"]);
    for pattern in all {
        let first = pattern.split(' ').next().unwrap_or("");
        set.extend(first.split('|'));
    }
    set
});

/// The patterns of each table by their first words (see [`first_words`]).
static JUDGEMENTS_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(JUDGEMENTS.iter().map(|(p, _)| *p)));
static BLAME_AT: LazyLock<FirstWords> = LazyLock::new(|| FirstWords::new(BLAME.iter().copied()));
static HUMAN_ERROR_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(HUMAN_ERROR.iter().copied()));
static COUNTERFACTUALS_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(COUNTERFACTUALS.iter().map(|(p, _)| *p)));
static FAILURES_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(FAILURES.iter().copied()));
static BLAME_NOUNS_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(BLAME_NOUNS.iter().copied()));

/// Each index of this file with the patterns of its table, for the test that they agree.
#[cfg(test)]
fn indexed_tables() -> Vec<(&'static FirstWords, Vec<&'static str>)> {
    vec![
        (
            &*JUDGEMENTS_AT,
            JUDGEMENTS.iter().map(|(p, _)| *p).collect(),
        ),
        (&*BLAME_AT, BLAME.to_vec()),
        (&*HUMAN_ERROR_AT, HUMAN_ERROR.to_vec()),
        (
            &*COUNTERFACTUALS_AT,
            COUNTERFACTUALS.iter().map(|(p, _)| *p).collect(),
        ),
        (&*FAILURES_AT, FAILURES.to_vec()),
        (&*BLAME_NOUNS_AT, BLAME_NOUNS.to_vec()),
    ]
}

/// Judgement words about people, with the words after them that make them technical.
const JUDGEMENTS: &[(&str, &[&str])] = &[
    ("careless|carelessly|carelessness", &[]),
    ("negligent|negligently|negligence", &[]),
    ("sloppy|sloppily|sloppiness", &[]),
    ("clumsy|clumsily|clumsiness|ham-fisted|butterfingers", &[]),
    ("stupid|stupidly|stupidity", &[]),
    (
        "lazy|lazily|laziness",
        &[
            "loading",
            "loaded",
            "load",
            "loads",
            "evaluation",
            "evaluated",
            "initialization",
            "initialisation",
            "initialized",
            "initialised",
            "init",
            "static",
            "val",
            "iterator",
            "fetch",
            "fetching",
            "fetched",
            "import",
            "imports",
            "imported",
            "mode",
            "binding",
            "computed",
            "created",
        ],
    ),
    (
        "incompetent|incompetently|incompetence|inept|ineptitude",
        &[],
    ),
    ("reckless|recklessly|recklessness", &[]),
    (
        "irresponsible|irresponsibly|thoughtless|clueless|inattentive",
        &[],
    ),
    (
        "idiot|idiots|idiotic|foolish|boneheaded|moron|morons|moronic",
        &[],
    ),
    ("fool|fools", &["proof", "around", "about"]),
    (
        "dumb",
        &[
            "terminal",
            "terminals",
            "pipe",
            "pipes",
            "client",
            "proxy",
            "switch",
        ],
    ),
    ("dropped|drop|drops|dropping the ball", &[]),
    ("asleep at the wheel", &[]),
    ("not|wasn't|weren't paying attention", &[]),
    ("fat fingered|finger|fingers|fingering", &[]),
    ("half a brain", &[]),
    (
        "slob|slobs|dolt|dolts|numpty|muppet|muppets|buffoon|dunce|dimwit|halfwit|nitwit|imbecile|cretin",
        &[],
    ),
    ("rubber stamped|stamp|stamps|stamping", &[]),
    ("rookie mistake|mistakes|error", &[]),
];

/// Blame and fault, outside their technical senses (git blame, page fault).
const BLAME: &[&str] = &[
    "to blame",
    "blame|blamed|blames|blaming|blameworthy",
    "at fault",
    "fault of",
    "fault lies|lay",
    "whose fault",
    "faulted",
];

const HUMAN_ERROR: &[&str] = &[
    "human error|errors|mistake|mistakes|failure|failures",
    "operator error|errors|mistake|mistakes",
    "user error|errors",
    "pilot error|errors",
    "pebkac|pebcak",
];

/// Nouns after "human error" that make it a technical term (the operator error log).
const TECHNICAL_AFTER: &[&str] = &[
    "log", "logs", "message", "messages", "rate", "rates", "count", "counts", "code", "codes",
    "page", "pages", "handling", "handler", "path", "event", "events", "metric", "metrics",
    "budget", "budgets", "type", "types", "class",
];

/// What a counterfactual pattern is, for the subject it needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counter {
    /// should have / could have + a participle.
    Modal,
    /// failed to.
    FailTo,
    /// forgot, neglected, didn't bother: only people do these.
    Omission,
    /// ignored.
    Ignored,
}

const COUNTERFACTUALS: &[(&str, Counter)] = &[
    ("should ~ have|'ve", Counter::Modal),
    ("should've", Counter::Modal),
    ("should not ~ have", Counter::Modal),
    ("should never ~ have", Counter::Modal),
    ("shouldn't ~ have", Counter::Modal),
    ("ought to have", Counter::Modal),
    ("could ~ have", Counter::Modal),
    ("could've", Counter::Modal),
    (
        "failed|fails|failing|fail|failure|failures to",
        Counter::FailTo,
    ),
    ("forgot|forgotten|forgetting", Counter::Omission),
    ("forget|forgets to", Counter::Omission),
    ("neglected|neglecting|neglects", Counter::Omission),
    ("didn't|doesn't ~ bother|bothered", Counter::Omission),
    ("did|does not ~ bother", Counter::Omission),
    ("never bothered", Counter::Omission),
    ("couldn't be bothered", Counter::Omission),
    ("could not be bothered", Counter::Omission),
    ("ignored|ignoring|ignores", Counter::Ignored),
];

/// Verbs that make their subject the author of a failure.
const FAILURES: &[&str] = &[
    "broke|breaks|broken",
    "caused",
    "crashed",
    "took|takes|brought|brings * down",
    "took|takes|brought|brings * * down",
    "took|takes|brought|brings * * * down",
    "took|takes|brought|brings down",
    "messed|screwed up",
    "botched|misconfigured|mistyped|misread|overlooked|missed",
    "botches|misconfigure|misconfigures|mistype|mistypes|mishandle|mishandles|mishandled",
    "fumbled|fumbles|bungled|bungles|botch",
    "made a|an|the ~ mistake|error|blunder",
    "made a|an|the * mistake|error|blunder|slip",
    "committed a|an|the ~ mistake|error|blunder|slip|boner|gaffe|sin",
    "committed a|an|the * mistake|error|blunder|slip|boner|gaffe|sin",
    "made mistakes|errors|blunders",
    "made a bad call",
    "failed",
];

/// Pieces of work a person makes: `Dave's change` failing names Dave as its author.
const WORK: &[&str] = &[
    "change",
    "changes",
    "commit",
    "commits",
    "push",
    "deploy",
    "deploys",
    "deployment",
    "script",
    "scripts",
    "config",
    "configuration",
    "patch",
    "query",
    "migration",
    "code",
    "pr",
    "merge",
    "release",
    "rollout",
    "fix",
    "edit",
    "edits",
    "command",
    "typo",
];

const ROOT_CAUSE: &[&str] = &[
    "root cause|causes analysis",
    "root cause|causes|caused|causing",
    "rca|rcas",
];

const POSTMORTEM: &[&str] = &["postmortem|postmortems|post-mortem", "post mortem|mortems"];

/// Words a factor that is only a person may hold besides the person.
const PERSON_FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "their",
    "his",
    "her",
    "this",
    "its",
    "another",
    "that",
    "new",
    "junior",
    "senior",
    "inexperienced",
    "tired",
    "overworked",
    "distracted",
    "single",
    "one",
    "lone",
    "same",
    "by",
    "of",
    "on",
    "part",
    "lack",
    "attention",
    "focus",
    "care",
    "judgement",
    "judgment",
    "poor",
    "bad",
    "human",
];

impl Scan<'_> {
    fn token(&self, i: usize) -> Option<&Token> {
        self.doc.tokens.get(i)
    }

    /// Matches a pattern of words at token `i`: words separated by spaces, alternatives by
    /// `|`, `~` an optional adverb, `*` any one word. Returns the end token (exclusive).
    fn match_at(&self, i: usize, pattern: &str) -> Option<usize> {
        // Most words start no pattern: reject them before reading the rest of the pattern.
        let first = self.token(i)?;
        if !first.word || first.quoted || first.opaque || !first_word_is(pattern, &first.lower) {
            return None;
        }
        // The first word matched above; the rest are read a byte at a time, alternatives
        // compared in place (this runs for every word that starts some pattern).
        let mut k = i + 1;
        let mut parts = pattern.as_bytes().split(|&b| b == b' ').skip(1).peekable();
        while let Some(part) = parts.next() {
            let t = self.token(k);
            if part == b"~" {
                // An optional adverb, unless the word is what comes next (`should have`).
                let next_matches = parts.peek().is_some_and(|next| {
                    t.is_some_and(|t| has_alternative(next, t.lower.as_bytes()))
                });
                let adverb = |t: &Token| {
                    is(GLUE, &t.lower) || (t.lower.len() > 4 && t.lower.ends_with("ly"))
                };
                if !next_matches && t.is_some_and(|t| t.word && !t.quoted && adverb(t)) {
                    k += 1;
                }
                continue;
            }
            let t = t?;
            if !t.word || t.quoted || t.opaque {
                return None;
            }
            if part != b"*" && !has_alternative(part, t.lower.as_bytes()) {
                return None;
            }
            // Only the last word may be possessive (`Dave's fault` is not `fault of`).
            k += 1;
        }
        Some(k)
    }

    /// True when the subject is the writer in a way hindsight can judge: `I`, or a group of
    /// people named as ours (`our engineers`); not `we` or `our team`, a team or a company
    /// looking back at what it had.
    fn singular_first(&self, subject: &Subject) -> bool {
        subject.who == Who::First
            && subject.mention.as_ref().is_some_and(|m| {
                let head = self
                    .token(m.tokens.end - 1)
                    .map_or("", |t| t.lower.as_str());
                !matches!(
                    head,
                    "we" | "us"
                        | "team"
                        | "teams"
                        | "company"
                        | "org"
                        | "organisation"
                        | "organization"
                )
            })
    }

    fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        self.sentence
            .get(i)
            .and_then(|n| self.doc.sentences.get(*n))
            .map(|s| s.tokens.clone())
            .unwrap_or(i..i + 1)
    }

    /// True when one of the `window` words before token `i` in its sentence denies it.
    fn negated(&self, i: usize, window: usize) -> bool {
        let start = self.sentence_of(i).start;
        (start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(window)
            .any(|k| {
                let w = &self.doc.tokens[k].lower;
                is(NEGATIONS, w)
                    || w.ends_with("n't")
                    || matches!(
                        w.as_str(),
                        "rather"
                            | "instead"
                            | "stop"
                            | "stopped"
                            | "avoid"
                            | "avoiding"
                            | "reject"
                            | "rejects"
                            | "rejected"
                            | "rejecting"
                            | "disputed"
                            | "disputes"
                    )
            })
    }

    fn push(&mut self, rule: Rule, from: usize, to: usize, reason: String, suggestion: String) {
        let (Some(first), Some(last)) = (
            self.token(from),
            to.checked_sub(1).and_then(|t| self.token(t)),
        ) else {
            return;
        };
        let (start, end) = (first.start, last.end);
        if start < end {
            self.hits.push(Hit {
                rule,
                start,
                end,
                reason,
                suggestion,
            });
        }
    }

    fn text_of(&self, from: usize, to: usize) -> &str {
        match (
            self.token(from),
            to.checked_sub(1).and_then(|t| self.token(t)),
        ) {
            (Some(a), Some(b)) if a.start < b.end => &self.text[a.start..b.end],
            _ => "",
        }
    }

    fn clause(&self) -> ClauseFor<'_> {
        ClauseFor { scan: self }
    }

    fn blame_words(&mut self) {
        for i in 0..self.doc.tokens.len() {
            if !self.words[i].starter {
                continue;
            }
            let word = self.doc.tokens[i].lower.as_str();
            for &k in JUDGEMENTS_AT.at(word) {
                let (pattern, technical) = &JUDGEMENTS[k];
                let Some(end) = self.match_at(i, pattern) else {
                    continue;
                };
                let next = self.token(end).filter(|t| t.word).map(|t| t.lower.as_str());
                if next.is_some_and(|n| technical.contains(&n)) || self.negated(i, 3) {
                    continue;
                }
                self.push(
                    Rule::BlameWord,
                    i,
                    end,
                    "judges a person rather than describing what happened".into(),
                    "describe the action and what made it likely, not the person".into(),
                );
            }
            for &k in BLAME_AT.at(&self.doc.tokens[i].lower) {
                let pattern = BLAME[k];
                let Some(end) = self.match_at(i, pattern) else {
                    continue;
                };
                let before = i.checked_sub(1).and_then(|b| self.token(b));
                let after = self.token(end);
                let tool = before.is_some_and(|b| {
                    b.word && matches!(b.lower.as_str(), "git" | "svn" | "hg" | "annotate")
                });
                // `blame-free`, `blameless`; `the blame game`, `a blame culture`: a name for
                // blaming as a practice, not blame laid.
                let compound = after.is_some_and(|a| {
                    (a.joined && matches!(a.lower.as_str(), "free" | "less" | "aware"))
                        || (a.word && matches!(a.lower.as_str(), "game" | "games" | "culture"))
                });
                // `to blame` is matched as a whole, with its own negation (`nobody here is to
                // blame`).
                let part_of_to_blame = !pattern.starts_with("to ")
                    && before.is_some_and(|b| b.word && b.lower == "to")
                    && self.token(i).is_some_and(|t| t.lower == "blame");
                // `whose fault is this really?`, `it was the training at fault`.
                let thing_at_fault = (pattern.starts_with("at") || pattern.starts_with("to "))
                    && self.clause().subject_before(i).who == Who::System;
                if tool
                    || compound
                    || part_of_to_blame
                    || thing_at_fault
                    || self.in_question(i)
                    || self.negated(i, 3)
                    || self.blame_discussed(i, end)
                {
                    continue;
                }
                self.push(
                    Rule::BlameWord,
                    i,
                    end,
                    "assigns blame".into(),
                    "describe the contributing factors instead of who is at fault".into(),
                );
            }
            // `Dave's fault`, `their fault`.
            if self.match_at(i, "fault").is_some()
                && let Some(b) = i.checked_sub(1).and_then(|b| self.token(b))
                && b.word
                && (b.possessive
                    || is(PERSON_POSSESSIVES, &b.lower)
                    || b.lower == "my"
                    || b.lower == "our")
                && !is(NEGATIONS, &b.lower)
                && !matches!(b.lower.as_str(), "one" | "anyone" | "anybody")
                && !self.negated(i - 1, 3)
            {
                self.push(
                    Rule::BlameWord,
                    i - 1,
                    i + 1,
                    "assigns blame".into(),
                    "describe the contributing factors instead of who is at fault".into(),
                );
            }
        }
    }

    /// `Blaming the engineer would teach us nothing`, `rather than asking who is to blame`,
    /// `blamed the outage on a routing problem`: blame discussed, or put on a thing.
    fn blame_discussed(&self, i: usize, end: usize) -> bool {
        let s = self.sentence_of(i);
        let gerund_subject = self.token(i).is_some_and(|t| t.lower == "blaming")
            && (s.start..i).all(|k| !self.doc.tokens[k].word);
        let person_from = |from: usize, window: usize| {
            self.mentions.iter().any(|m| {
                m.tokens.start >= from
                    && m.tokens.start < from + window
                    && (m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person))
            })
        };
        let on = (end..s.end.min(end + 10))
            .find(|&k| self.doc.tokens[k].word && self.doc.tokens[k].lower == "on");
        // `blamed the outage on a routing problem`, `on "a routing problem"`: no person there.
        // Only a verb of blaming puts blame `on` something (not `at fault … on Thursday`).
        let verb = self
            .token(i)
            .is_some_and(|t| matches!(t.lower.as_str(), "blame" | "blamed" | "blames" | "blaming"));
        let on_thing = verb && on.is_some_and(|on| !person_from(on + 1, 3));
        let rather = (s.start..i).any(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "rather" | "instead" | "without" | "reject" | "avoid"
            )
        });
        // `it would be easy to blame…`, `the temptation to blame…`: blame weighed, not laid.
        let tempting = (s.start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(3)
            .any(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "easy"
                        | "tempting"
                        | "temptation"
                        | "tempted"
                        | "urge"
                        | "instinct"
                        | "natural"
                )
            });
        // `it blamed a power surge`: the verb's object is no person, and nothing is put
        // `on` one.
        let thing_object = self
            .token(i)
            .is_some_and(|t| matches!(t.lower.as_str(), "blamed" | "blames" | "blaming"))
            && on.is_none()
            && !person_from(end, 3)
            // `Priya was blamed for the outage`: the person is the passive's subject.
            && !i.checked_sub(1).and_then(|b| self.token(b)).is_some_and(|b| {
                matches!(
                    b.lower.as_str(),
                    "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got" | "get"
                )
            });
        // `contractors deny human error to blame`; not `nobody can deny he was to blame`.
        let denied = (s.start..i).any(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "deny" | "denies" | "denied" | "denying"
            ) && !self.negated(k, 2)
        });
        gerund_subject || on_thing || rather || tempting || thing_object || denied
    }

    fn human_error(&mut self) {
        for i in 0..self.doc.tokens.len() {
            if !self.words[i].starter {
                continue;
            }
            for &k in HUMAN_ERROR_AT.at(&self.doc.tokens[i].lower) {
                let pattern = HUMAN_ERROR[k];
                let Some(end) = self.match_at(i, pattern) else {
                    continue;
                };
                let next = self.token(end).filter(|t| t.word).map(|t| t.lower.as_str());
                // `calling this human error would hide…`: the label weighed, not used.
                let labelled = (self.sentence_of(i).start..i)
                    .rev()
                    .filter(|&k| self.doc.tokens[k].word)
                    .take(3)
                    .any(|k| {
                        matches!(
                            self.doc.tokens[k].lower.as_str(),
                            "calling" | "call" | "labelling" | "labeling" | "label" | "term"
                        )
                    });
                // `contractors deny human error`, `they denied any human error`.
                let denied = (self.sentence_of(i).start..i).any(|k| {
                    matches!(
                        self.doc.tokens[k].lower.as_str(),
                        "deny" | "denies" | "denied" | "denying"
                    ) && !self.negated(k, 2)
                });
                if next.is_some_and(|n| TECHNICAL_AFTER.contains(&n))
                    || self.negated(i, 3)
                    || self.meta(end)
                    || labelled
                    || denied
                {
                    continue;
                }
                self.push(
                    Rule::HumanError,
                    i,
                    end,
                    "names people as the cause".into(),
                    "name the conditions that made the slip easy to make: design, tooling, time pressure, missing information".into(),
                );
            }
        }
    }

    fn counterfactuals(&mut self) {
        let n = self.doc.tokens.len();
        for i in 0..n {
            if !self.words[i].starter {
                continue;
            }
            // if only …
            if let Some(end) = self.match_at(i, "if only") {
                let subject = self.clause().subject_after(end);
                if is_counter_person(subject.who, true) {
                    let who = who_text(self, &subject);
                    self.push(
                        Rule::Counterfactual,
                        i,
                        end,
                        format!("wishes {who} had acted otherwise, with hindsight"),
                        suggestion_for(&subject, &who),
                    );
                }
                continue;
            }
            // if <person> had <participle>; had <person> <participle>
            if self.match_at(i, "if").is_some() {
                self.if_had(i);
            }
            if self.match_at(i, "had").is_some() && self.starts_sentence(i) {
                self.had_first(i);
            }
            for &k in COUNTERFACTUALS_AT.at(&self.doc.tokens[i].lower) {
                let (pattern, kind) = &COUNTERFACTUALS[k];
                let Some(mut end) = self.match_at(i, pattern) else {
                    continue;
                };
                if !pattern.contains("not") && !pattern.contains("n't") && self.negated(i, 1) {
                    continue;
                }
                let subject = match kind {
                    Counter::Modal => {
                        let Some(verb) = self.token(end).filter(|t| t.word && !t.quoted) else {
                            continue;
                        };
                        // `could have easily spotted`, `should have just waited`: an adverb
                        // between the modal and its participle.
                        if !is_participle(&verb.lower)
                            && is_adverb(&verb.lower)
                            && self
                                .token(end + 1)
                                .is_some_and(|n| n.word && !n.quoted && is_participle(&n.lower))
                        {
                            end += 1;
                        }
                        let Some(verb) = self.token(end).filter(|t| t.word && !t.quoted) else {
                            continue;
                        };
                        // `should have double-checked`: the participle after a hyphen.
                        if !is_participle(&verb.lower)
                            && self
                                .token(end + 1)
                                .is_some_and(|n| n.joined && is_participle(&n.lower))
                        {
                            end += 1;
                        }
                        let Some(verb) = self.token(end).filter(|t| t.word && !t.quoted) else {
                            continue;
                        };
                        if !is_participle(&verb.lower) {
                            continue; // `should have a runbook`: a recommendation.
                        }
                        // `should have been paged`: done to them, not by them; but `should
                        // not have been allowed near production` judges whether they were fit.
                        let fit = self.token(end + 1).is_some_and(|t| {
                            matches!(
                                t.lower.as_str(),
                                "allowed" | "permitted" | "trusted" | "hired" | "let" | "given"
                            )
                        });
                        if verb.lower == "been"
                            && !fit
                            && self
                                .token(end + 1)
                                .is_some_and(|t| t.word && is_participle(&t.lower))
                        {
                            continue; // `should have been paged`: done to them, not by them.
                        }
                        // `what should have been a routine cleanup`: what was expected, not
                        // hindsight.
                        if verb.lower == "been"
                            && i.checked_sub(1)
                                .and_then(|b| self.token(b))
                                .is_some_and(|b| b.lower == "what")
                            && self
                                .token(end + 1)
                                .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
                        {
                            continue;
                        }
                        end += if verb.lower == "been" && fit { 2 } else { 1 };
                        if self.learning_question(i, end) {
                            continue;
                        }
                        let subject = self.clause().subject_before(i);
                        // Not customers: they "should have received" an email they were owed;
                        // not "we should have had an alert", a team or company looking back
                        // at its own systems (only "I should have…" judges oneself).
                        let ok = is_counter_person(subject.who, self.singular_first(&subject));
                        if !ok {
                            continue;
                        }
                        subject
                    }
                    Counter::FailTo => {
                        if self.token(end).is_some_and(|t| t.word) {
                            end += 1;
                        }
                        let subject = self.clause().subject_before(i);
                        if !is_counter_person(subject.who, false) {
                            continue;
                        }
                        subject
                    }
                    Counter::Omission => {
                        let subject = if self.passive(i) {
                            // `the step was forgotten`: only with a person as the agent.
                            match self.clause().agent_after(end) {
                                Some(agent) => agent,
                                None => continue,
                            }
                        } else {
                            self.clause().subject_before(i)
                        };
                        let ok = matches!(subject.who, Who::Unknown) && subject.mention.is_none()
                            || is_counter_person(subject.who, false);
                        if !ok {
                            continue;
                        }
                        subject
                    }
                    Counter::Ignored => {
                        let subject = self
                            .clause()
                            .agent_after(end)
                            .unwrap_or_else(|| self.clause().subject_before(i));
                        if !is_counter_person(subject.who, false) {
                            continue;
                        }
                        subject
                    }
                };
                let who = who_text(self, &subject);
                let reason = match kind {
                    Counter::Modal if subject.who == Who::First => {
                        "judges your own part with hindsight".to_string()
                    }
                    Counter::Modal => format!("judges {who} with hindsight"),
                    Counter::FailTo => format!("frames {who} as failing"),
                    Counter::Omission => format!("blames {who} for an omission"),
                    Counter::Ignored => format!("says {who} ignored a signal"),
                };
                let suggestion = if *kind == Counter::Ignored && subject.who != Who::First {
                    "say what made the signal easy to miss or safe-looking at the time".to_string()
                } else {
                    suggestion_for(&subject, &who)
                };
                self.push(Rule::Counterfactual, i, end, reason, suggestion);
                break;
            }
        }
    }

    /// `if the on-call had checked …`: a counterfactual about a person.
    fn if_had(&mut self, i: usize) {
        let sentence = self.sentence_of(i);
        let limit = (i + 9).min(sentence.end);
        let Some(had) = (i + 1..limit).find(|&k| {
            self.token(k)
                .is_some_and(|t| t.word && !t.quoted && t.lower == "had")
        }) else {
            return;
        };
        let mut verb = had + 1;
        // `had not`, `had only`, `had simply`: up to two words before the participle.
        while verb < had + 3
            && self.token(verb).is_some_and(|t| {
                t.word && (matches!(t.lower.as_str(), "not" | "only") || is_adverb(&t.lower))
            })
        {
            verb += 1;
        }
        if !self
            .token(verb)
            .is_some_and(|t| t.word && is_participle(&t.lower))
        {
            return;
        }
        // `if the on-call had been paged`: a passive, the person acted on, not acting.
        if self.token(verb).is_some_and(|t| t.lower == "been")
            && self.token(verb + 1).is_some_and(|t| {
                t.word
                    && t.lower != "paying"
                    && is_participle(&t.lower)
                    && !matches!(t.lower.as_str(), "tired" | "distracted" | "rushed")
            })
        {
            return;
        }
        let subject = self
            .mentions
            .iter()
            .rfind(|m| m.tokens.start > i && m.tokens.end <= had)
            .map(|m| Subject {
                who: m.who,
                mention: Some(m.clone()),
            });
        let Some(subject) = subject.filter(|s| s.who.is_other_person()) else {
            return;
        };
        let who = who_text(self, &subject);
        self.push(
            Rule::Counterfactual,
            i,
            verb + 1,
            format!("imagines {who} acting otherwise, with hindsight"),
            suggestion_for(&subject, &who),
        );
    }

    /// `what we could have done better`, `could have handled it differently`: a team reflecting,
    /// not hindsight about someone. `end` is just past the participle.
    fn learning_question(&self, modal: usize, end: usize) -> bool {
        if !self
            .token(modal)
            .is_some_and(|t| t.lower.starts_with("could"))
        {
            return false;
        }
        let start = self.sentence_of(modal).start;
        let asked = (start..modal)
            .filter(|&k| self.doc.tokens[k].word)
            .any(|k| matches!(self.doc.tokens[k].lower.as_str(), "what" | "how"));
        let sentence_end = self.sentence_of(modal).end;
        let done_better = (end..(end + 3).min(sentence_end)).any(|k| {
            self.token(k)
                .is_some_and(|t| t.word && matches!(t.lower.as_str(), "better" | "differently"))
        });
        asked || done_better
    }

    /// True when the participle at `i` is passive (`was forgotten`, `is broken`), not perfect
    /// (`had forgotten`) or simple past (`neglected`).
    fn passive(&self, i: usize) -> bool {
        let word = self.token(i).map(|t| t.lower.as_str()).unwrap_or("");
        let start = self.sentence_of(i).start;
        let prev = (start..i)
            .rev()
            .map(|k| &self.doc.tokens[k])
            .find(|t| {
                t.word
                    && !t.lower.ends_with("ly")
                    && !matches!(
                        t.lower.as_str(),
                        "not" | "never" | "also" | "just" | "still" | "already" | "then"
                    )
            })
            .map_or("", |t| t.lower.as_str());
        let be = matches!(
            prev,
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got" | "gets" | "get"
        );
        let have = matches!(prev, "has" | "have" | "had" | "'ve");
        match word {
            "forgotten" => !have,
            "neglected" | "broken" => be,
            _ => false,
        }
    }

    fn starts_sentence(&self, i: usize) -> bool {
        let start = self.sentence_of(i).start;
        (start..i).all(|k| !self.doc.tokens[k].word)
    }

    /// `Had the engineer read the runbook, …`: an inverted counterfactual about a person.
    fn had_first(&mut self, i: usize) {
        let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.tokens.start > i && m.tokens.start <= i + 2)
            .cloned()
        else {
            return;
        };
        let mut verb = m.tokens.end;
        while self.token(verb).is_some_and(|t| {
            t.word
                && matches!(
                    t.lower.as_str(),
                    "only" | "just" | "simply" | "actually" | "not"
                )
        }) {
            verb += 1;
        }
        if !m.who.is_other_person()
            || !self
                .token(verb)
                .is_some_and(|t| t.word && !t.quoted && is_participle(&t.lower))
        {
            return;
        }
        let subject = Subject {
            who: m.who,
            mention: Some(m),
        };
        let who = who_text(self, &subject);
        self.push(
            Rule::Counterfactual,
            i,
            verb + 1,
            format!("imagines {who} acting otherwise, with hindsight"),
            suggestion_for(&subject, &who),
        );
    }

    fn person_failures(&mut self) {
        let n = self.doc.tokens.len();
        for i in 0..n {
            self.owned_slip(i);
            if !self.words[i].starter {
                continue;
            }
            for &k in FAILURES_AT.at(&self.doc.tokens[i].lower) {
                let pattern = &FAILURES[k];
                let Some(end) = self.match_at(i, pattern) else {
                    continue;
                };
                if *pattern == "failed"
                    && self.token(end).is_some_and(|t| {
                        t.word
                            && matches!(
                                t.lower.as_str(),
                                "to" | "over" | "back" | "open" | "closed"
                            )
                    })
                {
                    continue;
                }
                // `a failed renewal`, `the broken build`: an adjective, not a verb.
                if i.checked_sub(1)
                    .and_then(|b| self.token(b))
                    .is_some_and(|b| {
                        b.word && matches!(b.lower.as_str(), "a" | "an" | "the" | "this" | "that")
                    })
                {
                    continue;
                }
                // `missed the page because his phone was silenced`: an account, not a verdict.
                if self.negated(i, 2) || (self.doc.tokens[i].lower == "missed" && self.explained(i))
                {
                    continue;
                }
                let agent = self.clause().agent_after(end);
                if agent.is_none() && self.passive(i) {
                    continue; // `something is broken`
                }
                let subject = agent.unwrap_or_else(|| self.clause().subject_before(i));
                // `Dave's change broke checkout`: a participant named as the owner of the
                // work that failed (not of a laptop that crashed).
                let named_owner = subject.mention.as_ref().is_some_and(|m| {
                    m.possessor == Some(Who::Named)
                        && self
                            .token(m.tokens.end - 1)
                            .is_some_and(|t| is(WORK, &t.lower))
                });
                if !(subject.who.is_other_person() || named_owner) {
                    continue;
                }
                let who = who_text(self, &subject);
                self.push(
                    Rule::PersonFailure,
                    i,
                    end,
                    format!("makes {who} the subject of a failure"),
                    "make the change or the system the subject, e.g. \"the config push removed every upstream\"".into(),
                );
                break;
            }
        }
    }

    /// `Dave's mistake`, `a mistake by the on-call`.
    fn owned_slip(&mut self, i: usize) {
        let Some(t) = self.token(i).filter(|t| t.word && !t.quoted && !t.opaque) else {
            return;
        };
        let owner_is_person =
            |m: &Mention| m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person);
        // Possessor then (an adjective and) a slip noun.
        if t.possessive || self.words[i].person_possessive {
            let owner = self
                .mentions
                .iter()
                .find(|m| m.tokens.end == i + 1)
                .cloned();
            let person = match &owner {
                Some(m) => owner_is_person(m) || (m.possessor == Some(Who::Unknown) && t.capital),
                None => is(PERSON_POSSESSIVES, &t.lower) || (t.possessive && t.capital),
            };
            if !person {
                return;
            }
            for gap in 0..=1 {
                let k = i + 1 + gap;
                if let Some(end) = self.match_slip(k) {
                    if self.token(k).is_some_and(|t| t.lower == "fault") && gap == 0 {
                        return; // reported as blame
                    }
                    if self
                        .token(end)
                        .is_some_and(|t| t.word && TECHNICAL_AFTER.contains(&t.lower.as_str()))
                    {
                        return; // the API's error rate
                    }
                    let from = owner.as_ref().map_or(i, |m| m.tokens.start);
                    let who = if owner
                        .as_ref()
                        .is_some_and(|m| m.possessor == Some(Who::Named))
                    {
                        self.text_of(from, i + 1)
                            .trim_end_matches("'s")
                            .trim_end_matches("’s")
                            .to_string()
                    } else {
                        "a person".to_string()
                    };
                    if self.negated(from, 2) {
                        return;
                    }
                    self.push(
                        Rule::PersonFailure,
                        from,
                        end,
                        format!("puts the slip on {who}"),
                        "describe what made the slip easy to make, and the condition it exposed"
                            .into(),
                    );
                    return;
                }
            }
            return;
        }
        // `a mistake on his part`, `a lapse on Dave's part`.
        if self.words[i].starter
            && let Some(slip_end) = self.match_slip(i)
            && self.token(slip_end).is_some_and(|t| t.lower == "on")
            && self.token(slip_end + 1).is_some_and(|t| {
                t.word && (is(PERSON_POSSESSIVES, &t.lower) || (t.possessive && t.capital))
            })
            && self.token(slip_end + 2).is_some_and(|t| t.lower == "part")
            && !self.negated(i, 3)
            && self.token(i).is_some_and(|t| t.lower != "fault")
        {
            self.push(
                Rule::PersonFailure,
                i,
                slip_end + 3,
                "puts the slip on a person".into(),
                "describe what made the slip easy to make, and the condition it exposed".into(),
            );
            return;
        }
        // A slip noun, then `by` or `of` a person.
        if self.words[i].starter
            && let Some(slip_end) = self.match_slip(i)
            && let Some(end) = ["by", "of", "from", "on the part of", "made|committed by"]
                .iter()
                .find_map(|p| self.match_at(slip_end, p))
            // `a slip by one of its field technicians`, `by a member of staff`: a part of a
            // group is that group.
            && let from = super::people::part_of_group(&self.doc.tokens, end).unwrap_or(end)
            && let Some(m) = self.mentions.iter().find(|m| {
                // `a mistake by a single sysadmin`: determiners and adjectives between.
                m.tokens.start >= from
                    && m.tokens.start <= from + 3
                    && (from..m.tokens.start).all(|k| {
                        let t = &self.doc.tokens[k];
                        t.word
                            && (is(PERSON_FILLER, &t.lower)
                                || is(super::lexicon::PERSON_MODIFIERS, &t.lower)
                                // `a field technician`: a plain word of the noun phrase.
                                || (k + 1 == m.tokens.start
                                    && self.token(end - 1).is_some_and(|b| b.lower == "by")
                                    && !t.opaque
                                    && !is(super::people::AGENT_BREAKS, &t.lower)))
                    })
            })
            && m.who.is_other_person()
            && !self.negated(i, 3)
        {
            let who = who_text(
                self,
                &Subject {
                    who: m.who,
                    mention: Some(m.clone()),
                },
            );
            let to = m.tokens.end;
            if self.token(i).is_some_and(|t| t.lower == "fault") {
                return;
            }
            self.push(
                Rule::PersonFailure,
                i,
                to,
                format!("puts the slip on {who}"),
                "describe what made the slip easy to make, and the condition it exposed".into(),
            );
        }
    }

    fn match_slip(&self, i: usize) -> Option<usize> {
        let word = self.token(i).map_or("", |t| t.lower.as_str());
        BLAME_NOUNS_AT
            .at(word)
            .iter()
            .filter_map(|&k| self.match_at(i, BLAME_NOUNS[k]))
            .max()
    }

    fn naming(&mut self) {
        for i in 0..self.doc.tokens.len() {
            if !self.words[i].starter {
                continue;
            }
            for pattern in ROOT_CAUSE {
                if let Some(end) = self.match_at(i, pattern) {
                    if !self.negated(i, 3) {
                        self.push(
                            Rule::RootCause,
                            i,
                            end,
                            "suggests a single cause".into(),
                            "\"contributing factors\"".into(),
                        );
                    }
                    break;
                }
            }
            for pattern in POSTMORTEM {
                if let Some(end) = self.match_at(i, pattern) {
                    if !self.negated(i, 2) {
                        self.push(
                            Rule::Postmortem,
                            i,
                            end,
                            "we call these retrospectives".into(),
                            "\"retrospective\"".into(),
                        );
                    }
                    break;
                }
            }
        }
    }

    fn custom_words(&mut self, words: &[String]) {
        for word in words {
            let doc = parse(word);
            let phrase: Vec<&str> = doc
                .tokens
                .iter()
                .filter(|t| t.word)
                .map(|t| t.lower.as_str())
                .collect();
            if phrase.is_empty() {
                continue;
            }
            let pattern = phrase.join(" ").replace('|', "");
            for i in 0..self.doc.tokens.len() {
                if let Some(end) = self.match_at(i, &pattern) {
                    self.push(
                        Rule::CustomWord,
                        i,
                        end,
                        format!(
                            "\"{}\" is on this incident's list of words to avoid",
                            word.trim()
                        ),
                        "say what happened without it".into(),
                    );
                }
            }
        }
    }

    /// A factor whose description is only a person, or a person's slip.
    fn factor_is_person(&mut self) {
        let words: Vec<usize> = (0..self.doc.tokens.len())
            .filter(|&i| self.doc.tokens[i].word)
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return;
        };
        let mut person = false;
        let mut covered = vec![false; self.doc.tokens.len()];
        for m in self.mentions {
            let slip_after = self.match_slip(m.tokens.end).is_some();
            let is_person = m.who.is_other_person()
                || (m
                    .possessor
                    .is_some_and(|p| p.is_other_person() || p == Who::Unknown)
                    && slip_after);
            if is_person {
                person = true;
                for c in m.tokens.clone() {
                    covered[c] = true;
                }
            }
        }
        // `Bob's mistake`: an unknown name owning a slip.
        for &i in &words {
            let t = &self.doc.tokens[i];
            if t.possessive && t.capital && self.match_slip(i + 1).is_some() {
                person = true;
                covered[i] = true;
            }
        }
        if !person {
            return;
        }
        let mut k = 0;
        while k < words.len() {
            let i = words[k];
            if covered[i] || is(PERSON_FILLER, &self.doc.tokens[i].lower) {
                k += 1;
                continue;
            }
            if let Some(end) = self.match_slip(i) {
                while k < words.len() && words[k] < end {
                    k += 1;
                }
                continue;
            }
            return;
        }
        self.push(
            Rule::FactorIsPerson,
            first,
            last + 1,
            "a factor is a condition, not a person".into(),
            "describe the condition they worked in: missing training, an unclear runbook, a tool that allowed it".into(),
        );
    }
}

/// The style rule whose words `span` is exactly (`root cause`, `Post-mortem`), if any: how
/// the terminal UI tells wording advice from blame in a flagged stretch of text.
pub fn style_rule(span: &str) -> Option<Rule> {
    let doc = parse(span);
    let words: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|t| t.word)
        .map(|t| t.lower.as_str())
        .collect();
    let fits = |pattern: &str| {
        let parts: Vec<&str> = pattern.split(' ').collect();
        parts.len() == words.len()
            && parts
                .iter()
                .zip(&words)
                .all(|(p, w)| p.split('|').any(|alt| alt == *w))
    };
    if ROOT_CAUSE.iter().any(|p| fits(p)) {
        Some(Rule::RootCause)
    } else if POSTMORTEM.iter().any(|p| fits(p)) {
        Some(Rule::Postmortem)
    } else {
        None
    }
}

/// True when `word` is one of the alternatives of the first word of `pattern`.
fn first_word_is(pattern: &str, word: &str) -> bool {
    let bytes = pattern.as_bytes();
    let head = &bytes[..bytes.iter().position(|&b| b == b' ').unwrap_or(bytes.len())];
    has_alternative(head, word.as_bytes())
}

/// True when `word` is one of the `|`-separated alternatives of a pattern's part.
fn has_alternative(part: &[u8], word: &[u8]) -> bool {
    let mut rest = part;
    loop {
        let cut = rest.iter().position(|&b| b == b'|').unwrap_or(rest.len());
        if &rest[..cut] == word {
            return true;
        }
        if cut == rest.len() {
            return false;
        }
        rest = &rest[cut + 1..];
    }
}

struct ClauseFor<'a> {
    scan: &'a Scan<'a>,
}

impl ClauseFor<'_> {
    fn with<T>(&self, f: impl FnOnce(&Clause<'_>) -> T, at: usize) -> T {
        let s = self.scan;
        let n = s.sentence.get(at).copied().unwrap_or(usize::MAX);
        let clauses: &[std::ops::Range<usize>] = match s.joined.get(n).and_then(Option::as_ref) {
            Some(joined) => joined.as_slice(),
            None => s.doc.sentences.get(n).map_or(&[], |x| x.clauses.as_slice()),
        };
        let sentence = s.sentence_of(at);
        // Mentions are in text order: the sentence's are one slice.
        let from = s
            .mentions
            .partition_point(|m| m.tokens.start < sentence.start);
        let to = s
            .mentions
            .partition_point(|m| m.tokens.start < sentence.end);
        let clause = Clause {
            doc: s.doc,
            mentions: &s.mentions[from..to],
            clauses,
            implied: s.implied,
        };
        f(&clause)
    }

    fn subject_before(&self, verb: usize) -> Subject {
        self.with(|c| c.subject_before(verb), verb)
    }

    fn subject_after(&self, after: usize) -> Subject {
        self.with(|c| c.subject_after(after), after.saturating_sub(1))
    }

    fn agent_after(&self, end: usize) -> Option<Subject> {
        self.with(|c| c.agent_after(end), end.saturating_sub(1))
    }
}

/// True for subjects a counterfactual about is blame: other people, and oneself when
/// `first_counts` (hindsight about one's own part: "I should have known"; a plain account such
/// as "I forgot the flag" or "we failed to notify you" is not flagged).
fn is_counter_person(who: Who, first_counts: bool) -> bool {
    who.is_other_person() || (first_counts && who == Who::First)
}

impl Scan<'_> {
    /// How the subject of the verb at token `verb` is named in a message, when it is a person
    /// other than the writer ([`Who::is_other_person`]); `None` otherwise.
    fn person_before(&self, verb: usize) -> Option<String> {
        let subject = self.clause().subject_before(verb);
        subject
            .who
            .is_other_person()
            .then(|| who_text(self, &subject))
    }
}

/// How a subject is named in a message: the participant's name, `the engineer`, `a person`.
fn who_text(scan: &Scan<'_>, subject: &Subject) -> String {
    match (subject.who, &subject.mention) {
        (Who::First, _) => "yourself".into(),
        (who, Some(m)) if m.possessor == Some(Who::Named) => {
            // `Dave's team` is a group of people; of `Dave's change`, name Dave.
            let text = scan.text_of(m.tokens.start, m.tokens.end);
            if who == Who::Role {
                text.to_string()
            } else {
                text.split(['\'', '’']).next().unwrap_or(text).to_string()
            }
        }
        (Who::Named, Some(m)) => scan
            .text_of(m.tokens.start, m.tokens.end)
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string(),
        (Who::Role, Some(m)) => {
            let text = scan.text_of(m.tokens.start, m.tokens.end);
            let text = text.trim_end_matches("'s").trim_end_matches("’s");
            // `Engineers` at the start of a sentence reads `the engineers`; `SRE` stays.
            let words: Vec<String> = text
                .split(' ')
                .map(|w| {
                    let upper = w.chars().filter(|c| c.is_uppercase()).count();
                    if upper == 1 && w.chars().next().is_some_and(char::is_uppercase) {
                        w.to_lowercase()
                    } else {
                        w.to_string()
                    }
                })
                .collect();
            format!("the {}", words.join(" "))
        }
        // No subject in the text: the entry's actor.
        (Who::Named, None) if !scan.actor.is_empty() => scan.actor.to_string(),
        (Who::Role, None) if !scan.actor.is_empty() => {
            let lower = scan.actor.to_lowercase();
            if ["the ", "a ", "an ", "our ", "their "]
                .iter()
                .any(|d| lower.starts_with(d))
            {
                scan.actor.to_string()
            } else {
                format!("the {}", scan.actor)
            }
        }
        _ => "a person".into(),
    }
}

/// The rewrite direction for a counterfactual about `subject`.
fn suggestion_for(subject: &Subject, who: &str) -> String {
    if subject.who == Who::First {
        "say what you did not have at the time, e.g. \"I didn't get what I needed to see …\"".into()
    } else {
        format!("say what {who} knew and had at the time, and what was missing")
    }
}

#[cfg(test)]
mod tests;
