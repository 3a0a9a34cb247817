//! Blame that is rejected or discussed rather than laid: "this isn't about whether Priya made
//! a mistake", "the question isn't whether they should have known", "we do not ask who…",
//! "resist the urge to blame", "firing the intern doesn't make sense", "you don't fire
//! someone for a very human mistake", "I went from blaming the guy…", "they blame the
//! individual rather than the process".
//!
//! Applied to every blame finding after the rules ran, so each rule need not repeat it.

use super::super::lexicon::{NEGATIONS, PERSON_POSSESSIVES, is};
use super::Scan;

/// Words that open what a negation sets aside: `not about`, `isn't whether`, `don't ask who`.
const FRAMES: &[&str] = &["about", "whether", "who", "why"];

/// Words that make a negated frame a denied question or topic: `isn't about`, `not asking
/// who`.
const ASKING: &[&str] = &[
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "is",
    "was",
    "are",
    "were",
    "ask",
    "asking",
    "asked",
    "hunting",
    "looking",
    "searching",
    "care",
    "matter",
    "matters",
    "question",
];

/// Verbs that open a sentence telling the reader not to blame.
const IMPERATIVES: &[&str] = &[
    "resist", "avoid", "stop", "refrain", "don't", "quit", "beware",
];

/// Gerunds that, as a sentence's subject, make blame or punishment the topic.
const TOPICS: &[&str] = &[
    "firing",
    "blaming",
    "punishing",
    "sacking",
    "disciplining",
    "saying",
    "calling",
    "claiming",
    "labelling",
    "labeling",
    "letting",
    "naming",
    "shaming",
    "pointing",
    "singling",
    "scapegoating",
    "writing",
];

/// Words after a topic gerund that reject it: `firing the intern doesn't make sense`.
const VERDICTS: &[&str] = &[
    "destroy",
    "destroys",
    "hurt",
    "hurts",
    "kill",
    "kills",
    "undermine",
    "undermines",
    "erode",
    "erodes",
    "discourage",
    "discourages",
    "ignores",
    "ignore",
    "misses",
    "hides",
    "pointless",
    "useless",
    "unfair",
    "counterproductive",
    "backfire",
    "backfires",
    "nothing",
    "never",
    "wrong",
    "only",
    "rarely",
    "stops",
    "stop",
];

/// Modals after a topic gerund that weigh the act rather than do it: `calling this operator
/// error would end the analysis`, `blaming the engineer might feel good`.
const MODALS: &[&str] = &["would", "wouldn't", "could", "might", "will", "won't"];

/// Verbs whose negation sets aside the blame that follows in the clause: `you don't fire
/// someone for a mistake`, `we never blame people for slips`.
const PUNISHING: &[&str] = &[
    "fire",
    "fires",
    "sack",
    "punish",
    "punishes",
    "blame",
    "blames",
    "discipline",
    "reprimand",
    "penalize",
    "penalise",
    "judge",
    "shame",
];

/// Degree words before `human` that make it mean understandable: `a very human slip`.
const DEGREE: &[&str] = &[
    "very",
    "so",
    "too",
    "only",
    "entirely",
    "perfectly",
    "understandably",
    "deeply",
    "profoundly",
    "quite",
    "utterly",
    "most",
    "thoroughly",
];

/// Things blame is turned to instead of a person: `rather than the process`.
const SYSTEMS: &[&str] = &[
    "process",
    "processes",
    "system",
    "systems",
    "tooling",
    "tools",
    "tool",
    "design",
    "conditions",
    "environment",
    "software",
    "organisation",
    "organization",
    "culture",
    "workflow",
    "interface",
    "ui",
];

impl Scan<'_> {
    /// True when the blame found at token `i` is rejected or discussed, not laid.
    pub(super) fn set_aside(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        let words: Vec<usize> = (s.start..s.end)
            .filter(|&k| self.doc.tokens[k].word)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let negation = |k: usize| is(NEGATIONS, lower(k)) || lower(k).ends_with("n't");
        let clause = self.clause_range(i);
        // `isn't about whether…`, `we do not ask who…`: in the clause of the blame.
        // Only a denied question or topic (`isn't whether`, `not asking who`), not a report
        // (`did not say whether`).
        let framed = words.iter().enumerate().any(|(n, &k)| {
            let before = &words[n.saturating_sub(3)..n];
            k < i
                && clause.contains(&k)
                && is(FRAMES, lower(k))
                && before.iter().any(|&b| negation(b))
                && before.iter().any(|&b| is(ASKING, lower(b)))
        });
        if framed {
            return true;
        }
        // `No one here is at fault`, `none of which are the fault of the author`, `nor is it
        // the resident's fault`: a clause that opens by denying anyone is not blaming one.
        // Not when another person acts between the two (`no one noticed that the on-call
        // ignored the page`); an owner of the blamed noun may (`the on-call's fault`).
        let opener: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&k| clause.contains(&k) && k < i)
            .take(2)
            .collect();
        let denies = match opener.as_slice() {
            [a, ..] if matches!(lower(*a), "nobody" | "none" | "neither" | "nor") => true,
            [a, b] => lower(*a) == "no" && lower(*b) == "one",
            _ => false,
        };
        let actor_between = || {
            self.mentions.iter().any(|m| {
                opener.first().is_some_and(|&o| m.tokens.start > o + 1)
                    && m.tokens.start < i
                    && m.who.is_other_person()
                    && !m
                        .tokens
                        .clone()
                        .any(|k| self.doc.tokens[k].possessive || is(PERSON_POSSESSIVES, lower(k)))
            })
        };
        if denies && !actor_between() {
            return true;
        }
        // `I don't think heads should roll`: the writer denies the blame that follows, up to a
        // `but`.
        let disbelieved = words.windows(3).any(|w| {
            w[2] < i
                && matches!(lower(w[0]), "i" | "we")
                && matches!(lower(w[1]), "don't" | "do" | "didn't")
                && matches!(lower(w[2]), "think" | "believe" | "agree" | "not")
                && words
                    .iter()
                    .filter(|&&k| k > w[2] && k < i)
                    .all(|&k| !matches!(lower(k), "but" | "though" | "although" | "however"))
        });
        if disbelieved {
            return true;
        }
        let Some(&first) = words.first() else {
            return false;
        };
        // `Resist the urge to blame`.
        if is(IMPERATIVES, lower(first))
            || (lower(first) == "do" && words.get(1).is_some_and(|&k| lower(k) == "not"))
        {
            return true;
        }
        // `Firing people for one mistake will destroy morale`: the topic, then a verdict.
        let topic = words
            .iter()
            .take(3)
            .find(|&&k| is(TOPICS, lower(k)))
            .copied();
        if let Some(topic) = topic
            && topic <= i
            && words.iter().any(|&k| {
                k > topic && (is(VERDICTS, lower(k)) || is(MODALS, lower(k)) || negation(k))
            })
        {
            return true;
        }
        // `a very human slip`: human as in understandable, not people as the cause.
        if lower(i) == "human"
            && i.checked_sub(1)
                .and_then(|b| self.token(b))
                .is_some_and(|b| b.word && is(DEGREE, &b.lower))
        {
            return true;
        }
        // `It is easy to say the engineer should have known`: the judgement weighed.
        let weighed = words.windows(3).any(|w| {
            w[2] <= i
                && matches!(lower(w[0]), "easy" | "tempting" | "natural" | "convenient")
                && lower(w[1]) == "to"
                && matches!(
                    lower(w[2]),
                    "say"
                        | "conclude"
                        | "think"
                        | "assume"
                        | "claim"
                        | "blame"
                        | "point"
                        | "call"
                        | "label"
                        | "dismiss"
                        | "write"
                        | "pin"
                )
        });
        if weighed {
            return true;
        }
        // `We are not here to assign blame`: the act of blaming denied.
        if lower(i) == "blame"
            && let Some(n) = words.iter().position(|&k| k == i)
            && n > 0
            && matches!(
                lower(words[n - 1]),
                "assign"
                    | "assigning"
                    | "apportion"
                    | "apportioning"
                    | "place"
                    | "placing"
                    | "lay"
                    | "laying"
                    | "cast"
                    | "casting"
                    | "put"
                    | "putting"
            )
            && words[n.saturating_sub(6)..n]
                .iter()
                .any(|&k| clause.contains(&k) && negation(k))
        {
            return true;
        }
        if self.reported(i, &words) || self.owned_up(i, &words) || disowned_after(i, &words, lower)
        {
            return true;
        }
        // `went from blaming the guy…`.
        if is(TOPICS, lower(i))
            && i.checked_sub(1)
                .and_then(|b| self.token(b))
                .is_some_and(|b| b.lower == "from")
        {
            return true;
        }
        // `you don't fire someone for a very human mistake`.
        // Within the sentence, with no comma or dash between the verb and the blame.
        let refused = (s.start..i).any(|k| {
            self.doc.tokens[k].word
                && is(PUNISHING, lower(k))
                && (k..i)
                    .all(|b| !matches!(lower(b), "," | "—" | "–" | "(" | ")" | "but" | "because"))
                && (s.start..k)
                    .rev()
                    .filter(|&b| self.doc.tokens[b].word)
                    .take(2)
                    .any(negation)
        });
        if refused {
            return true;
        }
        // `They blame the individual rather than the process`.
        let blames = matches!(lower(i), "blame" | "blames" | "blamed" | "blaming");
        blames
            && words.iter().enumerate().any(|(n, &k)| {
                k > i
                    && (lower(k) == "rather" || lower(k) == "instead")
                    && words[n + 1..]
                        .iter()
                        .take(4)
                        .any(|&a| is(SYSTEMS, lower(a)))
            })
    }

    /// True when the blame at token `i` is told as someone else's act or opinion, or as a
    /// practice criticised: `accused the repairman of negligence`, `too quick to blame
    /// pilots`, `the first thing they look for is someone to blame`, `some people felt…`,
    /// `one could argue…`, `we reject the framing that…`, `a manager asked who should be
    /// fired`, `investigators blamed the crash on pilot error`.
    fn reported(&self, i: usize, words: &[usize]) -> bool {
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let Some(n) = words.iter().position(|&k| k >= i) else {
            return false;
        };
        let before = &words[..n];
        let near = &before[n.saturating_sub(8)..];
        // `accused the repairman of gross negligence`.
        let accused = near.iter().any(|&k| {
            matches!(lower(k), "accused" | "accuses" | "accusing" | "accuse")
                && self.subject_is_third(k)
        });
        // `too quick to blame`, `look for someone to blame`.
        let to_blame = matches!(lower(i), "to" | "blame")
            && before.iter().rev().take(10).any(|&k| {
                matches!(
                    lower(k),
                    "quick"
                        | "eager"
                        | "keen"
                        | "ready"
                        | "fast"
                        | "look"
                        | "looking"
                        | "looks"
                        | "searching"
                        | "search"
                        | "hunting"
                        | "hunt"
                )
            })
            && !before
                .iter()
                .any(|&k| matches!(lower(k), "we" | "i" | "us"));
        // `Some people felt…`, `one could argue…`, `a manager asked who…`.
        let opinion = |k: usize| {
            matches!(
                lower(k),
                "felt"
                    | "thought"
                    | "believed"
                    | "claimed"
                    | "argued"
                    | "suggested"
                    | "argue"
                    | "say"
                    | "said"
                    | "asked"
                    | "wondered"
                    | "insisted"
                    | "speculated"
            )
        };
        let opened = words.iter().take(2).any(|&f| {
            matches!(
                lower(f),
                "some" | "others" | "one" | "several" | "many" | "few"
            )
        }) && near.iter().any(|&k| opinion(k));
        let asked_who = near.windows(2).any(|w| {
            matches!(lower(w[0]), "asked" | "asks" | "wondered" | "wonders")
                && matches!(lower(w[1]), "who" | "whether" | "if")
                && self.subject_is_third(w[0])
        });
        // `want to know who made the mistake`, `rather than asking who forgot the renewal`: a
        // question asked about the act, which names nobody.
        // Not a demand to know who pays: `wants to know who is going to pay for this`, `find
        // out who is responsible`.
        let answerable = words[n..]
            .iter()
            .take(4)
            .chain(&before[before.len().saturating_sub(4)..])
            .any(|&k| is(ANSWERABLE, lower(k)));
        let indirect_who = !answerable
            && before.iter().rev().take(6).enumerate().any(|(back, &k)| {
                lower(k) == "who"
                    && back < 4
                    && words
                        .iter()
                        .rposition(|&w| w == k)
                        .and_then(|p| p.checked_sub(1))
                        .is_some_and(|p| is(WONDERING, lower(words[p])))
            });
        // `We reject the framing that…`.
        let rejected = before.iter().any(|&k| {
            matches!(
                lower(k),
                "reject" | "rejects" | "rejected" | "rejecting" | "dispute" | "disputes"
            )
        });
        accused
            || to_blame
            || opened
            || asked_who
            || indirect_who
            || rejected
            || self.label_blamed(i, words)
    }

    /// `The FAA blames human error for the meltdown`, `investigators blamed the crash on a
    /// combination of pilot error`: a label of human error reported as someone's finding.
    fn label_blamed(&self, i: usize, words: &[usize]) -> bool {
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let verb = |k: usize| {
            matches!(
                lower(k),
                "blamed"
                    | "blames"
                    | "blame"
                    | "blaming"
                    | "cited"
                    | "cites"
                    | "citing"
                    | "attributed"
                    | "attributes"
                    | "attributing"
            )
        };
        let label = |k: usize| {
            matches!(lower(k), "human" | "pilot" | "operator" | "user" | "driver")
                && self
                    .token(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "error" | "errors"))
        };
        // The verb, and a label within the ten words after it.
        let Some(v) = words.iter().copied().rfind(|&k| verb(k) && k <= i) else {
            return false;
        };
        // `is attributed to human error` is the writer's own finding, told in the passive.
        if v.checked_sub(1)
            .and_then(|b| self.token(b))
            .is_some_and(|b| {
                matches!(
                    b.lower.as_str(),
                    "is" | "was" | "are" | "were" | "be" | "been" | "being"
                )
            })
        {
            return false;
        }
        let after: Vec<usize> = words.iter().copied().filter(|&k| k > v).take(18).collect();
        let labelled = after.iter().any(|&k| label(k));
        labelled && (i == v || after.contains(&i)) && self.subject_is_third(v)
    }

    /// True when the subject of the verb at `k` is neither the writer nor unknown.
    fn subject_is_third(&self, k: usize) -> bool {
        use super::super::people::Who;
        let subject = self.clause().subject_before(k);
        // `the auditor accused…`: any subject but the writer (an unknown noun is no mention).
        subject.who != Who::First
            && (s_start_word(self, k) || subject.who != Who::Unknown || subject.mention.is_some())
    }

    /// `in hindsight, I could easily have checked`, `i should've waited, my bad`: the writer
    /// owning their own part, told as such (not hindsight about someone else).
    fn owned_up(&self, i: usize, words: &[usize]) -> bool {
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let subject = self.clause().subject_before(i);
        if subject.who != super::super::people::Who::First {
            return false;
        }
        let text: Vec<&str> = words.iter().map(|&k| lower(k)).collect();
        text.windows(2).any(|w| {
            matches!(
                w,
                ["in", "hindsight"]
                    | ["my", "bad"]
                    | ["looking", "back"]
                    | ["on", "me"]
                    | ["my", "fault"]
                    | ["my", "mistake"]
                    | ["mea", "culpa"]
            )
        })
    }

    /// The token range of the clause holding token `i`.
    pub(super) fn clause_range(&self, i: usize) -> std::ops::Range<usize> {
        self.sentence
            .get(i)
            .and_then(|n| self.doc.sentences.get(*n))
            .and_then(|s| s.clauses.iter().find(|c| c.contains(&i)).cloned())
            .unwrap_or(i..i + 1)
    }

    /// The token that starts at byte `start`, if any.
    pub(super) fn token_at(&self, start: usize) -> Option<usize> {
        let k = self.doc.tokens.partition_point(|t| t.start < start);
        (self.doc.tokens.get(k)?.start == start).then_some(k)
    }
}

/// What a claim is called when it is taken back or contradicted.
const CLAIMS: &[&str] = &[
    "claim",
    "conclusion",
    "view",
    "account",
    "theory",
    "charge",
    "accusation",
    "finding",
    "story",
    "narrative",
    "explanation",
];

/// Verbs and participles that contradict a claim: `a conclusion the operator rejects`.
const CONTRADICTED: &[&str] = &[
    "rejects",
    "rejected",
    "disputes",
    "disputed",
    "denies",
    "denied",
    "withdrawn",
    "retracted",
    "disproved",
    "debunked",
    "contradicts",
    "contradicted",
];

/// Words before `who` that make it open a question rather than name someone: `know who`,
/// `asking who`, `decide who`.
const WONDERING: &[&str] = &[
    "know",
    "knows",
    "knew",
    "ask",
    "asks",
    "asked",
    "asking",
    "wonder",
    "wonders",
    "wondered",
    "wondering",
    "out",
    "determine",
    "decide",
    "deciding",
    "establish",
    "identify",
    "about",
    "matter",
    "matters",
    "care",
    "tell",
    "question",
    "guess",
    "guessing",
    "learn",
    "discover",
    "see",
    "says",
    "say",
    "on",
    "over",
];

/// Words of answering for an outcome, which a question about who keeps as blame.
const ANSWERABLE: &[&str] = &[
    "pay",
    "pays",
    "responsible",
    "accountable",
    "answer",
    "blame",
    "fault",
    "fired",
    "punished",
];

/// Words that judge a claim untrue: `which turned out to be wrong`.
const UNTRUE: &[&str] = &[
    "wrong",
    "false",
    "untrue",
    "unfounded",
    "mistaken",
    "incorrect",
    "baseless",
    "unfair",
    "premature",
];

/// Words that tell a claim as someone's: `commenters called the engineer…`.
const CLAIMING: &[&str] = &[
    "said",
    "says",
    "called",
    "calls",
    "blamed",
    "blames",
    "blaming",
    "accused",
    "accuses",
    "claimed",
    "claims",
    "alleged",
    "reported",
    "suggested",
    "according",
    "comments",
    "commenters",
    "statement",
    "coverage",
    "assumed",
    "thought",
    "believed",
    "suspected",
    "guessed",
    "speculated",
];

/// Verbs by which a record contradicts a claim: `the logs showed the deploy tool had`.
const SHOWING: &[&str] = &[
    "showed", "shows", "show", "shown", "pointed", "found", "revealed", "proved", "traced",
];

/// Words after `but … many` that answer a single culprit with many causes.
const CAUSES: &[&str] = &["causes", "factors", "conditions", "contributors"];

/// Records that can contradict a claim: `but the evidence pointed to the tool`.
const EVIDENCE: &[&str] = &[
    "evidence",
    "timeline",
    "review",
    "investigation",
    "data",
    "logs",
    "records",
    "analysis",
    "findings",
    "facts",
    "retrospective",
    "graphs",
    "dashboards",
];

/// True when a later part of the sentence disowns the blame found at token `i` (`words` are
/// the sentence's word tokens): `…, a conclusion the operator rejects`, `…, which turned out
/// to be wrong`, `…, which misses how the tool was designed`, `…, but our timeline shows the
/// tooling sent it`, `…; that claim was later withdrawn`, `…, which the investigation ruled
/// out`.
fn disowned_after<'a>(i: usize, words: &[usize], lower: impl Fn(usize) -> &'a str) -> bool {
    let after: Vec<&str> = words
        .iter()
        .filter(|&&k| k > i)
        .map(|&k| lower(k))
        .collect();
    // Someone else's claim (`commenters called…`, `the statement blamed…`), which a `but` or a
    // `which misses` can answer; the writer's own blame is not undone by `but the logs show`.
    let claimed = words
        .iter()
        .filter(|&&k| k <= i)
        .any(|&k| is(CLAIMING, lower(k)));
    after.iter().enumerate().any(|(n, &w)| {
        let next = &after[n + 1..after.len().min(n + 7)];
        let has = |list: &[&str]| next.iter().any(|x| is(list, x));
        match w {
            // `a conclusion the grid operator rejects`, `that claim was later withdrawn`.
            _ if is(CLAIMS, w) => {
                has(CONTRADICTED) || next.windows(2).any(|p| p == ["no", "support"])
            }
            // `which turned out to be wrong`, `which was unfair`, `proved false`.
            "turned" | "proved" | "proven" => next.iter().take(4).any(|x| is(UNTRUE, x)),
            "which" | "that" => {
                let head = &next[..next.len().min(3)];
                (matches!(head.first(), Some(&("was" | "is" | "proved")))
                    && head.iter().skip(1).any(|x| is(UNTRUE, x)))
                    || (claimed
                        && matches!(head.first(), Some(&("misses" | "ignores" | "overlooks"))))
                    || next.windows(2).any(|p| p == ["ruled", "out"])
            }
            // `but the evidence pointed to the deploy tool`, `but our timeline shows…`, `but
            // the failure had many causes`.
            "but" => {
                claimed
                    && (next.iter().take(3).any(|x| is(EVIDENCE, x))
                        || next.windows(2).any(|p| {
                            matches!(p[0], "many" | "several" | "multiple" | "other")
                                && is(CAUSES, p[1])
                        }))
            }
            // `people assumed Kevin had broken it; the logs showed the deploy tool had`.
            _ if claimed && is(EVIDENCE, w) => next.iter().take(2).any(|x| is(SHOWING, x)),
            _ => false,
        }
    })
}

/// True when a word other than a pronoun stands before token `k` in its clause: a subject
/// the mentions did not name (`the auditor accused…`).
fn s_start_word(scan: &Scan<'_>, k: usize) -> bool {
    let clause = scan.clause_range(k);
    (clause.start..k).any(|b| {
        let t = &scan.doc.tokens[b];
        t.word && !matches!(t.lower.as_str(), "i" | "we" | "and" | "then" | "but")
    })
}
