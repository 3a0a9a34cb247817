//! Who a sentence is about: the incident's participants, role words, pronouns and systems,
//! found as mentions, and the subject of a verb found from them.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{
    AFFECTED, AMBIGUOUS, ANYONE, FIRST_PERSON, GLUE, NO_ONE, PERSON_MODIFIERS, PERSON_PHRASES,
    PERSON_PRONOUNS, THINGS, is, same,
};
use super::text::{Doc, SUBORDINATE, Token, parse};
use crate::model::Incident;

/// The people of one incident: participants and the facilitator, by name and by role.
///
/// An entry whose words are all capitalised (`Priya Raman`) is a name: the whole name and
/// each part match, only when capitalised in the text. Any other entry (`checkout on-call`)
/// is a role, matched ignoring case. A parenthesised part (`Sam (facilitator)`) is read
/// separately.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct People {
    names: Vec<Vec<String>>,
    roles: Vec<Vec<String>>,
}

impl People {
    /// The participants and facilitator of `incident`.
    pub fn of(incident: &Incident) -> People {
        People::new(
            incident
                .participants
                .iter()
                .map(String::as_str)
                .chain(std::iter::once(incident.facilitator.as_str())),
        )
    }

    /// People from a list of names or roles.
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> People {
        let mut people = People::default();
        for entry in entries {
            let (outer, inner) = match (entry.find('('), entry.rfind(')')) {
                (Some(open), Some(close)) if open < close => (
                    format!("{} {}", &entry[..open], &entry[close + 1..]),
                    Some(&entry[open + 1..close]),
                ),
                _ => (entry.to_string(), None),
            };
            people.add(&outer);
            if let Some(inner) = inner {
                people.add(inner);
            }
        }
        people
    }

    fn add(&mut self, entry: &str) {
        let doc = parse(entry);
        let words: Vec<&Token> = doc.tokens.iter().filter(|t| t.word && !t.opaque).collect();
        if words.is_empty() {
            return;
        }
        let lower: Vec<String> = words.iter().map(|t| t.lower.to_string()).collect();
        let is_name = words.iter().all(|t| t.capital)
            && words.len() <= 4
            && !lower
                .iter()
                .any(|w| is(PERSON_PHRASES, w) || is(AMBIGUOUS, w) || is(THINGS, w));
        let list = if is_name {
            &mut self.names
        } else {
            &mut self.roles
        };
        if !list.contains(&lower) {
            list.push(lower.clone());
        }
        if is_name && lower.len() > 1 {
            for part in &lower {
                let single = vec![part.clone()];
                if part.chars().count() > 1 && !self.names.contains(&single) {
                    self.names.push(single);
                }
            }
        }
    }

    /// True when no participant or facilitator is known.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty() && self.roles.is_empty()
    }
}

/// What a mention refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// A participant, by name.
    Named,
    /// A person by role: the engineer, the on-call, ops.
    Role,
    /// he, she, they, someone.
    Pronoun,
    /// I or we.
    First,
    /// you.
    You,
    /// Customers or users: affected, not acting.
    Affected,
    /// anyone, anybody.
    Anyone,
    /// nobody, no one.
    NoOne,
    /// A system, tool, process or thing.
    System,
    /// Not known (a capitalised word that is no participant, an unknown noun).
    Unknown,
}

impl Who {
    /// A person acting in the incident (not first person, not affected customers).
    pub fn is_other_person(self) -> bool {
        matches!(self, Who::Named | Who::Role | Who::Pronoun | Who::You)
    }
}

/// A noun phrase or pronoun found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Token indices.
    pub tokens: Range<usize>,
    /// What it refers to (its head).
    pub who: Who,
    /// Who owns it, for `Dave's script`.
    pub possessor: Option<Who>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Name,
    Person,
    Ambiguous,
    Affected,
    Thing,
    Proper,
    Pronoun,
    They,
    First,
    You,
    Anyone,
    NoOne,
    It,
    Other,
}

impl Class {
    fn nounish(self) -> bool {
        matches!(
            self,
            Class::Name
                | Class::Person
                | Class::Ambiguous
                | Class::Affected
                | Class::Thing
                | Class::Proper
        )
    }
}

struct Unit {
    tokens: Range<usize>,
    class: Class,
}

/// Length in tokens of `phrase` matched at `i`, if it matches (words only, in order).
fn phrase_at<'p>(
    tokens: &[Token],
    i: usize,
    phrase: impl ExactSizeIterator<Item = &'p str>,
    case_sensitive: bool,
) -> usize {
    let len = phrase.len();
    for (k, word) in phrase.enumerate() {
        let Some(t) = tokens.get(i + k) else {
            return 0;
        };
        if !t.word || t.opaque || t.quoted || t.lower != word || (case_sensitive && !t.capital) {
            return 0;
        }
        // Only the last word of a phrase may be possessive.
        if t.possessive && k + 1 < len {
            return 0;
        }
    }
    len
}

fn owned_phrase_at(tokens: &[Token], i: usize, phrase: &[String], case_sensitive: bool) -> usize {
    phrase_at(tokens, i, phrase.iter().map(String::as_str), case_sensitive)
}

/// A built-in phrase of several words, split once, with the class it gives.
struct StaticPhrase {
    words: Vec<&'static str>,
    class: Class,
}

/// Built-in multi-word phrases ([`PERSON_PHRASES`], [`NO_ONE`]), by their first word, so each
/// token looks up only the phrases that can start at it.
static MULTI: LazyLock<HashMap<&'static str, Vec<StaticPhrase>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<StaticPhrase>> = HashMap::default();
    let lists = [(PERSON_PHRASES, Class::Person), (NO_ONE, Class::NoOne)];
    for (list, class) in lists {
        for p in list.iter().filter(|p| p.contains(' ')) {
            let words: Vec<&'static str> = p.split(' ').collect();
            map.entry(words[0])
                .or_default()
                .push(StaticPhrase { words, class });
        }
    }
    map
});

/// The class of a single built-in word, in the order the lists are consulted (the first list
/// that holds a word decides).
static SINGLE: LazyLock<HashMap<&'static str, Class>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    let lists: [(&[&'static str], Class); 10] = [
        (AMBIGUOUS, Class::Ambiguous),
        (PERSON_PHRASES, Class::Person),
        (AFFECTED, Class::Affected),
        (PERSON_PRONOUNS, Class::Pronoun),
        (&["they", "them"], Class::They),
        (FIRST_PERSON, Class::First),
        (&["you"], Class::You),
        (ANYONE, Class::Anyone),
        (NO_ONE, Class::NoOne),
        (&["it"], Class::It),
    ];
    for (list, class) in lists {
        for w in list.iter().filter(|w| !w.contains(' ')) {
            map.entry(*w).or_insert(class);
        }
    }
    map
});

/// What the built-in lists say of one word: the phrases of [`MULTI`] it starts, its class in
/// [`SINGLE`], and whether it names a thing ([`super::lexicon::is_thing`]); one look-up instead
/// of three for every word.
#[derive(Default)]
struct Known {
    phrases: Option<&'static Vec<StaticPhrase>>,
    single: Option<Class>,
    thing: bool,
}

static KNOWN: LazyLock<HashMap<&'static str, Known>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Known> = HashMap::default();
    let multi: &'static HashMap<&'static str, Vec<StaticPhrase>> = &MULTI;
    for (word, phrases) in multi {
        map.entry(word).or_default().phrases = Some(phrases);
    }
    for (word, class) in SINGLE.iter() {
        map.entry(word).or_default().single = Some(*class);
    }
    let things = super::lexicon::THINGS
        .iter()
        .chain(&["warning", "warnings"]);
    for word in things {
        map.entry(word).or_default().thing = true;
    }
    map
});

fn units(doc: &Doc, people: &People, range: Range<usize>, sentence_start: usize) -> Vec<Unit> {
    let tokens = &doc.tokens;
    let mut out = Vec::with_capacity(range.len());
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        if !t.word {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, Class)> = None;
        let mut consider = |len: usize, class: Class| {
            if len > 0 && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, class));
            }
        };
        let w = t.lower.as_str();
        for name in people.names.iter().filter(|n| same(&n[0], w)) {
            consider(owned_phrase_at(tokens, i, name, true), Class::Name);
        }
        for role in people.roles.iter().filter(|r| same(&r[0], w)) {
            consider(owned_phrase_at(tokens, i, role, false), Class::Person);
        }
        let known = KNOWN.get(w);
        if let Some(phrases) = known.and_then(|k| k.phrases) {
            for p in phrases {
                consider(
                    phrase_at(tokens, i, p.words.iter().copied(), false),
                    p.class,
                );
            }
        }
        if let Some((len, class)) = best.filter(|(len, _)| *len > 1) {
            out.push(Unit {
                tokens: i..(i + len).min(range.end),
                class,
            });
            i += len;
            continue;
        }
        let class = if t.opaque {
            Class::Thing
        } else if t.quoted {
            Class::Other
        } else if best.is_some() {
            Class::Name
        } else if let Some(class) = known.and_then(|k| k.single) {
            class
        } else if super::names::likely_name(tokens, i, sentence_start) {
            Class::Name
        } else if known.is_some_and(|k| k.thing) {
            Class::Thing
        } else if t.capital && i != sentence_start && w != "i" {
            Class::Proper
        } else {
            Class::Other
        };
        out.push(Unit {
            tokens: i..i + 1,
            class,
        });
        i += 1;
    }
    out
}

/// Adverbs that may stand between a relative pronoun and its verb (`that also failed`).
const ADVERBS: &[&str] = &[
    "also",
    "just",
    "never",
    "not",
    "still",
    "already",
    "then",
    "simply",
    "clearly",
    "really",
    "probably",
    "obviously",
    "again",
    "only",
    "even",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "your", "this", "that", "his", "her", "my", "its", "one",
    "any", "each", "every", "some", "two", "three", "four", "five", "several", "many", "both",
    "all", "few",
];

/// Words that end the noun phrase after a passive's `by`: prepositions, conjunctions and
/// verbs (`by a change to the worker pool`).
pub(super) const AGENT_BREAKS: &[&str] = &[
    "of", "to", "in", "on", "at", "for", "with", "from", "into", "onto", "over", "under", "and",
    "or", "but", "that", "which", "who", "when", "while", "because", "after", "before", "during",
    "through", "was", "were", "is", "are", "had", "has", "have", "be", "been", "not",
];

/// Every mention in the text, in order.
pub fn mentions(doc: &Doc, people: &People) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let first_word = s
            .tokens
            .clone()
            .find(|&i| doc.tokens[i].word)
            .unwrap_or(s.tokens.start);
        mentions_in(doc, people, s.tokens.clone(), first_word, &mut out);
    }
    out
}

fn mentions_in(
    doc: &Doc,
    people: &People,
    range: Range<usize>,
    sentence_start: usize,
    out: &mut Vec<Mention>,
) {
    let tokens = &doc.tokens;
    let units = units(doc, people, range, sentence_start);
    let from = out.len();
    let mut k = 0;
    while k < units.len() {
        let u = &units[k];
        if !u.class.nounish() {
            let who = match u.class {
                Class::Pronoun => Some(Who::Pronoun),
                Class::They => Some(resolve_they(out, tokens)),
                Class::First => Some(Who::First),
                Class::You => Some(Who::You),
                Class::Anyone => Some(Who::Anyone),
                Class::NoOne => Some(Who::NoOne),
                Class::It => Some(Who::System),
                _ => None,
            };
            if let Some(who) = who {
                out.push(Mention {
                    tokens: u.tokens.clone(),
                    who,
                    possessor: None,
                });
            }
            k += 1;
            continue;
        }
        // A run of adjacent noun-like units; a possessive ends the possessor part.
        // A name never ends a compound (`the config Dave pushed`: two mentions).
        let joins = |a: &Unit, b: &Unit| {
            b.class.nounish()
                && b.tokens.start == a.tokens.end
                && !(b.class == Class::Name && a.class != Class::Name)
        };
        let mut end = k + 1;
        while end < units.len()
            && joins(&units[end - 1], &units[end])
            && !tokens[units[end - 1].tokens.end - 1].possessive
        {
            end += 1;
        }
        let mut possessor = None;
        let last_token = units[end - 1].tokens.end - 1;
        let run_end_possessive = tokens[last_token].possessive;
        // `Dave's laptop`: the run continues after a possessive.
        let mut stop = end;
        if run_end_possessive
            && end < units.len()
            && units[end].class.nounish()
            && units[end].tokens.start == units[end - 1].tokens.end
        {
            possessor = Some(head_who(&units[k..end], tokens));
            stop = end + 1;
            while stop < units.len() && joins(&units[stop - 1], &units[stop]) {
                stop += 1;
            }
            let who = head_who(&units[end..stop], tokens);
            out.push(Mention {
                tokens: units[k].tokens.start..units[stop - 1].tokens.end,
                who,
                possessor,
            });
            k = stop;
            continue;
        }
        let who = head_who(&units[k..end], tokens);
        if run_end_possessive {
            possessor = Some(who);
        }
        out.push(Mention {
            tokens: units[k].tokens.start..units[end - 1].tokens.end,
            who: if run_end_possessive {
                Who::Unknown
            } else {
                who
            },
            possessor,
        });
        k = stop;
    }
    // Possessive pronouns own what follows: `his change`.
    for m in &mut out[from..] {
        if m.possessor.is_none()
            && let Some(before) = m.tokens.start.checked_sub(1)
            && tokens[before].word
            && is(super::lexicon::PERSON_POSSESSIVES, &tokens[before].lower)
        {
            m.possessor = Some(Who::Pronoun);
        }
        // `our team`, `my colleagues`: a company or a writer speaking of itself.
        let head = &tokens[m.tokens.end - 1].lower;
        let group = head.ends_with('s')
            || matches!(
                head.as_str(),
                "team" | "staff" | "people" | "ops" | "crew" | "company" | "org" | "organisation"
            );
        if m.who == Who::Role
            && group
            && let Some(before) = m.tokens.start.checked_sub(1)
            && tokens[before].word
            && matches!(tokens[before].lower.as_str(), "our" | "my")
            // `one of our engineers` is one person, not the writer's team.
            && !(before >= 2
                && tokens[before - 1].lower == "of"
                && tokens[before - 2].lower == "one")
        {
            m.who = Who::First;
        }
    }
}

/// When the tokens from `at` open a part of a group (`one of`, `several of`, `a member of`),
/// the index just past its `of`: `by one of its field technicians` names the technicians.
pub fn part_of_group(tokens: &[Token], at: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let some = matches!(
        word(at),
        "one" | "some" | "two" | "several" | "many" | "each" | "both" | "most" | "all"
    );
    if some && word(at + 1) == "of" {
        return Some(at + 2);
    }
    let member = matches!(word(at), "a" | "an" | "one")
        && matches!(word(at + 1), "member" | "members")
        && word(at + 2) == "of";
    member.then_some(at + 3)
}

/// What the head (last unit) of a run of noun-like units refers to.
fn head_who(run: &[Unit], tokens: &[Token]) -> Who {
    let Some(head) = run.last() else {
        return Who::Unknown;
    };
    match head.class {
        Class::Name => Who::Named,
        Class::Person => Who::Role,
        Class::Affected => Who::Affected,
        Class::Thing => Who::System,
        Class::Proper => Who::Unknown,
        Class::Ambiguous => {
            if run.len() > 1 {
                match run[run.len() - 2].class {
                    Class::Name | Class::Person => Who::Role,
                    _ => Who::System,
                }
            } else {
                let before = head.tokens.start.checked_sub(1).map(|b| &tokens[b]);
                match before {
                    None => Who::Role,
                    Some(b) if !b.word => Who::Role,
                    Some(b) if is(PERSON_MODIFIERS, &b.lower) || is(DETERMINERS, &b.lower) => {
                        Who::Role
                    }
                    Some(_) => Who::System,
                }
            }
        }
        _ => Who::Unknown,
    }
}

/// `they`: a plural thing or a person mentioned before it; a person when nothing is.
fn resolve_they(before: &[Mention], tokens: &[Token]) -> Who {
    for m in before.iter().rev() {
        match m.who {
            Who::System => {
                let head = &tokens[m.tokens.end - 1].lower;
                if head.ends_with('s') && !head.ends_with("ss") {
                    return Who::System;
                }
            }
            Who::Named | Who::Role | Who::Pronoun | Who::Affected => return m.who,
            _ => {}
        }
    }
    Who::Pronoun
}

/// The subject found for a verb, with the mention that named it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// What it is.
    pub who: Who,
    /// The mention, when one was found (none for an implied actor).
    pub mention: Option<Mention>,
}

impl Subject {
    fn of(m: &Mention) -> Subject {
        Subject {
            who: m.who,
            mention: Some(m.clone()),
        }
    }
}

/// Where the verb is and what else is known about the text.
pub struct Clause<'a> {
    /// The tokenised text.
    pub doc: &'a Doc,
    /// Mentions of the sentence.
    pub mentions: &'a [Mention],
    /// Token ranges of the sentence's clauses.
    pub clauses: &'a [Range<usize>],
    /// Who acted when the text has no subject (a timeline entry's actor).
    pub implied: Option<Who>,
}

impl Clause<'_> {
    fn clause_of(&self, token: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.contains(&token))
            .unwrap_or(0)
    }

    fn first_word(&self, clause: usize) -> Option<&str> {
        self.clauses.get(clause).and_then(|c| {
            c.clone()
                .map(|i| &self.doc.tokens[i])
                .find(|t| t.word)
                .map(|t| t.lower.as_str())
        })
    }

    /// The subject of the verb starting at token `verb`.
    ///
    /// The nearest mention before the verb in its clause when only adverbs and auxiliaries
    /// stand between them (`the alert that the on-call ignored`); otherwise the clause's first
    /// mention (`the check that the engineer wrote failed`); a person followed by `who` owns
    /// the clause (`the engineer who ran it should have…`). Without a mention in the clause,
    /// the subject of the nearest earlier main clause of the sentence, else the implied actor.
    pub fn subject_before(&self, verb: usize) -> Subject {
        let c = self.clause_of(verb);
        let range = self.clauses.get(c).cloned().unwrap_or(verb..verb);
        let inside: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| range.contains(&m.tokens.start) && m.tokens.end <= verb)
            .collect();
        let tokens = &self.doc.tokens;
        // `…where a power shutdown caused chaos`: a subordinate clause has a subject of its
        // own; when it is no mention, it is not the main clause's either.
        let opener = (range.start..verb).find(|&k| tokens[k].word);
        if inside.is_empty()
            && let Some(o) = opener
            && matches!(
                tokens[o].lower.as_str(),
                "where"
                    | "when"
                    | "whenever"
                    | "because"
                    | "since"
                    | "although"
                    | "though"
                    | "while"
                    | "whereas"
                    | "unless"
                    | "until"
                    | "once"
            )
            && (o + 1..verb).any(|k| tokens[k].word && !is(GLUE, &tokens[k].lower))
        {
            return Subject {
                who: Who::Unknown,
                mention: None,
            };
        }
        // `every circumstance that could have led…`: a relative pronoun right before the verb
        // stands for the noun before it.
        let before = (range.start..verb)
            .rev()
            .find(|&k| tokens[k].word && !is(ADVERBS, &tokens[k].lower));
        if let Some(rel) = before
            && matches!(tokens[rel].lower.as_str(), "that" | "which" | "who")
        {
            if let Some(m) = self.mentions.iter().find(|m| m.tokens.end == rel) {
                return Subject::of(m);
            }
            let who = if tokens[rel].lower == "who" {
                Who::Pronoun
            } else {
                Who::System
            };
            return Subject { who, mention: None };
        }
        // `whoever wrote this script has…`: the relative owns the clause.
        if let Some(m) = inside.first()
            && tokens[m.tokens.start].lower == "whoever"
        {
            return Subject::of(m);
        }
        // `the engineer who ran it`, `a contractor doing maintenance work at the site`.
        if let Some(m) = inside.iter().find(|m| {
            m.who.is_other_person()
                && tokens.get(m.tokens.end).is_some_and(|t| {
                    t.word && (t.lower == "who" || (t.lower.len() > 5 && t.lower.ends_with("ing")))
                })
        }) {
            return Subject::of(m);
        }
        if let Some(last) = inside.last() {
            let glue_only = (last.tokens.end..verb).all(|i| {
                let t = &tokens[i];
                t.word
                    && (is(GLUE, &t.lower)
                        || t.lower.ends_with("n't")
                        || t.lower == "not"
                        || (t.lower.len() > 4 && t.lower.ends_with("ly")))
            });
            if glue_only {
                return Subject::of(last);
            }
            if let Some(first) = inside.first() {
                return Subject::of(first);
            }
        }
        // `because Henrik force-pushed over main and erased the hotfix`: a verb joined by
        // `and` shares the subject of the clause it joins, subordinate or not.
        let joined = self
            .first_word(c)
            .is_some_and(|w| matches!(w, "and" | "then" | "or"));
        if joined
            && let Some(previous) = c.checked_sub(1).and_then(|p| self.clauses.get(p))
            && let Some(m) = self
                .mentions
                .iter()
                .find(|m| previous.contains(&m.tokens.start))
        {
            return Subject::of(m);
        }
        for earlier in (0..c).rev() {
            // A subordinate clause, or a participle one (`working late to fix it`).
            if self
                .first_word(earlier)
                .is_some_and(|w| SUBORDINATE.contains(&w) || (w.len() > 5 && w.ends_with("ing")))
            {
                continue;
            }
            let range = &self.clauses[earlier];
            if let Some(m) = self
                .mentions
                .iter()
                .find(|m| range.contains(&m.tokens.start))
            {
                return Subject::of(m);
            }
        }
        Subject {
            who: self.implied.unwrap_or(Who::Unknown),
            mention: None,
        }
    }

    /// The agent of a passive verb ending at token `end` (`ignored by the on-call`).
    pub fn agent_after(&self, end: usize) -> Option<Subject> {
        let tokens = &self.doc.tokens;
        let by = tokens.get(end).filter(|t| t.word && t.lower == "by")?;
        let _ = by;
        let near = self
            .mentions
            .iter()
            .find(|m| m.tokens.start > end && m.tokens.start <= end + 3);
        // Further on only across a noun phrase's own words: `by a solitary maintenance
        // worker`, not `by a change to the worker pool`.
        let plain = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|t| t.word && !t.opaque && !is(AGENT_BREAKS, &t.lower))
        };
        // `by one of its field technicians`, `by a member of staff`: a part of a group is that
        // group.
        let from = part_of_group(tokens, end + 1).map_or(end, |after| after - 1);
        near.or_else(|| {
            self.mentions.iter().find(|m| {
                m.tokens.start > end + 3
                    && m.tokens.start <= from + 6
                    && (from + 1..m.tokens.start).all(plain)
            })
        })
        .map(Subject::of)
    }

    /// The first mention after token `after` in the sentence (`if only the alert had …`).
    pub fn subject_after(&self, after: usize) -> Subject {
        self.mentions
            .iter()
            .find(|m| m.tokens.start >= after)
            .map(Subject::of)
            .unwrap_or(Subject {
                who: Who::Unknown,
                mention: None,
            })
    }
}

/// What an actor string such as `database on-call` or `deploy pipeline` refers to.
pub fn who_is(actor: &str, people: &People) -> Option<Who> {
    if actor.trim().is_empty() {
        return None;
    }
    let doc = parse(actor);
    let found = mentions(&doc, people);
    let who = found.last().map_or(Who::Unknown, |m| m.who);
    // An actor written as a name alone (`Nadia`) is a person, listed or not.
    let words: Vec<&Token> = doc.tokens.iter().filter(|t| t.word).collect();
    let name = !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|t| t.name_shaped)
        && (0..doc.tokens.len()).any(|i| super::names::likely_name(&doc.tokens, i, usize::MAX));
    Some(if who == Who::Unknown && name {
        Who::Named
    } else {
        who
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> People {
        People::new([
            "Dave",
            "Priya Raman",
            "Sam (facilitator)",
            "checkout on-call",
        ])
    }

    fn whos(text: &str) -> Vec<(String, Who)> {
        let doc = parse(text);
        let p = people();
        mentions(&doc, &p)
            .into_iter()
            .map(|m| {
                let s = doc.tokens[m.tokens.start].start;
                let e = doc.tokens[m.tokens.end - 1].end;
                (text[s..e].to_string(), m.who)
            })
            .collect()
    }

    /// The one look-up per word says what the three lists say, for every word of them.
    #[test]
    fn the_known_words_agree_with_their_lists() {
        let words = MULTI
            .keys()
            .chain(SINGLE.keys())
            .chain(super::super::lexicon::THINGS)
            .chain(&["warning", "warnings", "the", "engineer", "Dave"]);
        for w in words {
            let known = KNOWN.get(w);
            assert_eq!(
                known.and_then(|k| k.phrases).map(|p| p.len()),
                MULTI.get(w).map(Vec::len),
                "{w}"
            );
            assert_eq!(known.and_then(|k| k.single), SINGLE.get(w).copied(), "{w}");
            assert_eq!(
                known.is_some_and(|k| k.thing),
                super::super::lexicon::is_thing(w),
                "{w}"
            );
        }
    }

    #[test]
    fn participants_are_names_or_roles() {
        let p = people();
        assert!(p.names.contains(&vec!["dave".to_string()]));
        assert!(p.names.contains(&vec!["raman".to_string()]));
        assert!(p.names.contains(&vec!["sam".to_string()]));
        assert!(p.roles.contains(&vec!["facilitator".to_string()]));
        assert!(
            p.roles
                .contains(&vec!["checkout".into(), "on".into(), "call".into()])
        );
        assert!(People::new(["", "  "]).is_empty());
    }

    #[test]
    fn mentions_tell_people_from_systems() {
        assert_eq!(
            whos("Priya Raman and the on-call engineer restarted the payments API."),
            [
                ("Priya Raman".to_string(), Who::Named),
                ("on-call engineer".to_string(), Who::Role),
                ("API".to_string(), Who::System),
            ]
        );
        // Case matters for names: "dave" in lowercase is no participant.
        assert_eq!(whos("the dave tool")[0].1, Who::System);
        assert_eq!(whos("The Kubernetes operator")[0].1, Who::System);
        assert_eq!(whos("The Kubernetes operator")[0].0, "Kubernetes operator");
        assert_eq!(whos("The night operator")[0].1, Who::Role);
        assert_eq!(whos("The monitoring agent")[0].1, Who::System);
        assert_eq!(whos("The support agent")[0].1, Who::Role);
        assert_eq!(whos("the admin API")[0].1, Who::System);
        assert_eq!(whos("Customers")[0].1, Who::Affected);
        let laptop = whos("The engineer's laptop");
        assert_eq!(laptop[0].1, Who::System);
    }

    #[test]
    fn they_follows_a_plural_system_or_a_person() {
        let w = whos("The replicas fell behind and they stopped.");
        assert_eq!(w[1].1, Who::System);
        let w = whos("The disk warning fired. They ignored it.");
        assert_eq!(w[1].1, Who::Pronoun);
        let w = whos("Dave was paged; they ignored it.");
        assert_eq!(w[1].1, Who::Named);
    }

    #[test]
    fn actors_are_classified() {
        let p = people();
        assert_eq!(who_is("Dave", &p), Some(Who::Named));
        assert_eq!(who_is("database on-call", &p), Some(Who::Role));
        assert_eq!(who_is("deploy pipeline", &p), Some(Who::System));
        assert_eq!(who_is("", &p), None);
    }
}
