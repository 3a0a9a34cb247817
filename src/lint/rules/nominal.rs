//! Blame carried by a noun phrase or a judgement of a person's qualities: a person's botched
//! or unauthorised work ("Jenna's botched cutover"), a person's judgement or grasp said to be
//! poor ("Greg's judgment was poor"), a person showing or lacking care or competence ("showed
//! a lack of attention", "lacked the basic competence"), and a person named as the culprit.

use super::super::lexicon::{FAULTY, PERSON_POSSESSIVES, is};
use super::super::people::{Subject, Who};
use super::{Rule, Scan, who_text};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "oversight",
    "blunder",
    "screwup",
    "goof",
    "because",
    "culprit",
    "culprits",
    "showed",
    "shows",
    "displayed",
    "demonstrated",
    "exhibited",
    "lacked",
    "lacks",
    "lacking",
];

/// Adjectives that judge a piece of work whatever it is: `Jenna's botched cutover`.
const JUDGED: &[&str] = &[
    "botched",
    "unauthorised",
    "unauthorized",
    "unapproved",
    "rogue",
    "reckless",
    "careless",
    "sloppy",
    "rushed",
    "hasty",
    "shoddy",
    "lazy",
    "negligent",
    "clumsy",
    "thoughtless",
    "ill",
    "half",
    "cowboy",
    "amateurish",
    "haphazard",
];

/// Adjectives of a person's faulty work beside [`FAULTY`], judged only on a person's work:
/// `his late escalation`.
const FAULTY_WORK_ALSO: &[&str] = &[
    "delayed",
    "late",
    "slow",
    "poor",
    "misguided",
    "questionable",
];

/// True for an adjective of faulty work here: [`FAULTY`] or [`FAULTY_WORK_ALSO`].
fn faulty(word: &str) -> bool {
    is(FAULTY, word) || is(FAULTY_WORK_ALSO, word)
}

/// A person's pieces of work.
const WORK: &[&str] = &[
    "change",
    "changes",
    "push",
    "config",
    "configuration",
    "deploy",
    "deployment",
    "commit",
    "script",
    "query",
    "migration",
    "cutover",
    "failover",
    "patch",
    "fix",
    "command",
    "rollout",
    "edit",
    "merge",
    "pr",
    "release",
    "decision",
    "call",
    "choice",
    "update",
    "upgrade",
    "review",
    "code",
    "rule",
    "rules",
    "response",
    "reaction",
    "escalation",
    "handling",
    "triage",
    "rollback",
    "restore",
    "handoff",
    "handover",
];

/// A person's qualities that can be judged: `Greg's judgment was poor`.
const QUALITIES: &[&str] = &[
    "judgment",
    "judgement",
    "attention",
    "focus",
    "grasp",
    "understanding",
    "knowledge",
    "skills",
    "skill",
    "competence",
    "performance",
    "handling",
    "communication",
    "response",
    "reaction",
    "care",
    "work",
    "effort",
    "diligence",
    "awareness",
    "decisions",
    "decision",
    "thinking",
    "reasoning",
    "attitude",
    "conduct",
    "behaviour",
    "behavior",
    "code",
    "config",
    "change",
    "changes",
    "script",
    "query",
    "testing",
    "tests",
    "review",
    "reviews",
    "runbook",
    "documentation",
    "docs",
    "planning",
];

/// Verdicts on a quality.
const POOR: &[&str] = &[
    "poor",
    "bad",
    "lacking",
    "shaky",
    "weak",
    "questionable",
    "sloppy",
    "terrible",
    "awful",
    "abysmal",
    "subpar",
    "inadequate",
    "careless",
    "lax",
    "slow",
    "unacceptable",
    "insufficient",
    "deficient",
    "rusty",
    "limited",
    "lacklustre",
    "lackluster",
    "wanting",
    "atrocious",
    "embarrassing",
    "appalling",
    "woeful",
    "dreadful",
    "sluggish",
    "amateurish",
    "patchy",
    "spotty",
    "garbage",
    "trash",
    "rubbish",
    "junk",
    "crap",
    "amateur",
    "reckless",
    "lazy",
    "incompetent",
    "negligent",
];

/// What a person can be said to lack as a failing (not access, information or time, which
/// are conditions).
const FAILINGS: &[&str] = &[
    "competence",
    "skill",
    "skills",
    "judgement",
    "judgment",
    "care",
    "discipline",
    "sense",
    "diligence",
    "focus",
    "attention",
    "rigour",
    "rigor",
    "ability",
    "expertise",
    "understanding",
    "urgency",
    "professionalism",
    "maturity",
    "awareness",
    "common",
    "capability",
    "aptitude",
];

impl Scan<'_> {
    /// Runs the patterns of this file at token `i`.
    pub(super) fn nominal(&mut self, i: usize) {
        let w = self.doc.tokens[i].lower.as_str();
        match w {
            "culprit" | "culprits" => self.culprit(i),
            "oversight" | "blunder" | "screwup" | "goof" => self.this_slip(i),
            "because" => self.because_state(i),
            "lacked" | "lacks" | "lacking" => self.lacked(i),
            _ => self.showed(i),
        }
    }

    /// Runs the patterns of this file that start at an owner's possessive, at token `i`.
    pub(super) fn owned(&mut self, i: usize) {
        let t = &self.doc.tokens[i];
        if !(t.possessive || is(PERSON_POSSESSIVES, &t.lower)) {
            return;
        }
        let Some(owner) = self.person_owner(i) else {
            return;
        };
        self.judged_work(i, &owner);
        self.poor_quality(i);
    }

    /// The person owning what follows token `i` (a possessive), if it is one.
    fn person_owner(&self, i: usize) -> Option<Subject> {
        let t = &self.doc.tokens[i];
        if is(PERSON_POSSESSIVES, &t.lower) {
            return Some(Subject {
                who: Who::Pronoun,
                mention: None,
            });
        }
        let m = self.mentions.iter().find(|m| m.tokens.contains(&i))?;
        let person = m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person);
        // `Jenna's`: a name nobody listed, owning a piece of work.
        let unlisted = t.name_shaped && m.possessor == Some(Who::Unknown);
        (person || unlisted).then(|| Subject {
            who: m
                .possessor
                .filter(|p| p.is_other_person())
                .unwrap_or(Who::Named),
            mention: Some(m.clone()),
        })
    }

    fn owner_start(&self, i: usize) -> usize {
        self.mentions
            .iter()
            .find(|m| m.tokens.contains(&i))
            .map_or(i, |m| m.tokens.start)
    }

    /// `Jenna's botched cutover`, `his untested migration`.
    fn judged_work(&mut self, i: usize, owner: &Subject) {
        let mut k = i + 1;
        if self
            .token(k)
            .is_some_and(|t| t.word && t.lower.len() > 4 && t.lower.ends_with("ly"))
        {
            k += 1;
        }
        let Some(adj) = self.token(k).filter(|t| t.word && !t.quoted) else {
            return;
        };
        let judged = is(JUDGED, &adj.lower)
            && (!matches!(adj.lower.as_str(), "ill" | "half")
                || self.token(k + 1).is_some_and(|t| t.joined));
        let mut noun = k + 1;
        if matches!(adj.lower.as_str(), "ill" | "half") {
            noun += 1;
        }
        let Some(n) = self.token(noun).filter(|t| t.word) else {
            return;
        };
        let faulty = faulty(&adj.lower) && is(WORK, &n.lower);
        if !(judged || faulty) || self.negated(i, 3) || self.in_question(i) {
            return;
        }
        let who = match &owner.mention {
            Some(_) => who_text(self, owner),
            None => "a person".into(),
        };
        let from = self.owner_start(i);
        self.push(
            Rule::PersonFailure,
            from,
            noun + 1,
            format!("puts faulty work on {who}"),
            "describe the change and what let it through, not whose it was, e.g. \"the \
             cutover ran without a rollback step\""
                .into(),
        );
    }

    /// `Greg's judgment during the incident was poor`, `her grasp of DNS is shaky`.
    fn poor_quality(&mut self, i: usize) {
        if self
            .token(i + 1)
            .is_none_or(|t| !t.word || !is(QUALITIES, &t.lower))
        {
            return;
        }
        let s = self.sentence_of(i);
        let be = (i + 2..(i + 10).min(s.end)).find(|&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "was" | "is" | "were" | "are" | "seemed" | "seems" | "looked" | "proved" | "been"
            )
        });
        let Some(be) = be else { return };
        let verdict = (be + 1..(be + 4).min(s.end)).find(|&k| {
            let t = &self.doc.tokens[k];
            t.word && is(POOR, &t.lower)
        });
        let Some(verdict) = verdict else { return };
        if self.negated(verdict, 2) || self.in_question(i) {
            return;
        }
        let from = self.owner_start(i);
        self.push(
            Rule::BlameWord,
            from,
            verdict + 1,
            "judges a person's judgement, attention or skill".into(),
            "describe what they knew, what they were doing and what competed for their \
             attention"
                .into(),
        );
    }

    /// `The DBA showed a worrying lack of attention`.
    fn showed(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let slip = (i + 1..(i + 5).min(s.end)).find_map(|k| self.match_slip(k));
        let Some(end) = slip else { return };
        let subject = self.clause().subject_before(i);
        if !subject.who.is_other_person() || self.negated(i, 2) || self.in_question(i) {
            return;
        }
        let who = who_text(self, &subject);
        self.push(
            Rule::BlameWord,
            i,
            end,
            format!("judges {who}'s care or attention"),
            "describe what they were doing and what competed for their attention".into(),
        );
    }

    /// `The contractor lacked the basic competence to…`; not `lacked access`, a condition.
    fn lacked(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let failing = (i + 1..(i + 5).min(s.end)).find(|&k| {
            let t = &self.doc.tokens[k];
            t.word && is(FAILINGS, &t.lower)
        });
        let Some(failing) = failing else { return };
        // Only determiners and adjectives between: `lacked the basic competence`.
        let plain = (i + 1..failing).all(|k| {
            let t = &self.doc.tokens[k];
            t.word && !matches!(t.lower.as_str(), "to" | "for" | "of" | "in" | "and")
        });
        let subject = self.clause().subject_before(i);
        if !plain || !subject.who.is_other_person() || self.negated(i, 2) || self.in_question(i) {
            return;
        }
        let who = who_text(self, &subject);
        self.push(
            Rule::BlameWord,
            i,
            failing + 1,
            format!("judges {who}'s competence or care"),
            "say what training, tooling or help they did not have".into(),
        );
    }

    /// `This oversight led to a full disk`: a slip told of people as the cause.
    fn this_slip(&mut self, i: usize) {
        let det = i.checked_sub(1).and_then(|b| self.token(b));
        // `this oversight`, `the oversight`, `one blunder`; not `regulatory oversight`.
        if det.is_none_or(|d| {
            !matches!(
                d.lower.as_str(),
                "this" | "that" | "the" | "one" | "a" | "an" | "same" | "single" | "simple"
            )
        }) {
            return;
        }
        let caused = self.token(i + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "led" | "caused" | "resulted" | "meant" | "triggered" | "allowed" | "cost"
            )
        });
        if !caused || self.negated(i, 3) || self.in_question(i) {
            return;
        }
        self.push(
            Rule::PersonFailure,
            i - 1,
            i + 2,
            "makes a person's slip the cause".into(),
            "name what was missing that let it happen: a check, an alert, a limit".into(),
        );
    }

    /// `only because the server owner was asleep`: a person's state made the cause.
    fn because_state(&mut self, i: usize) {
        let Some(m) = self.mention_within(i + 1, 2) else {
            return;
        };
        if !m.who.is_other_person() {
            return;
        }
        let be = self
            .token(m.tokens.end)
            .is_some_and(|t| matches!(t.lower.as_str(), "was" | "were" | "is" | "are"));
        let state = self.token(m.tokens.end + 1).is_some_and(|t| {
            t.word
                && matches!(
                    t.lower.as_str(),
                    "asleep"
                        | "away"
                        | "absent"
                        | "distracted"
                        | "drunk"
                        | "lazy"
                        | "careless"
                        | "sloppy"
                        | "negligent"
                        | "inattentive"
                        | "complacent"
                        | "unavailable"
                        | "unreachable"
                        | "afk"
                        | "napping"
                        | "sleeping"
                )
        });
        if !be || !state || self.negated(i, 2) {
            return;
        }
        self.push(
            Rule::Counterfactual,
            i,
            m.tokens.end + 2,
            "makes a person's state the cause, with hindsight".into(),
            "say what made one person's absence matter: who else could be paged, what was \
             automated"
                .into(),
        );
    }

    /// `The culprit here is Oleg`; not `the culprit was a stale cache`.
    fn culprit(&mut self, i: usize) {
        // A person linked to it by `be` within a few words: `the culprit here is Oleg`,
        // `Oleg was the culprit`.
        let s = self.sentence_of(i);
        let be = |a: usize, b: usize| {
            (a..b).any(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "is" | "was" | "were" | "are" | "being" | "'s"
                )
            })
        };
        let person = self.mentions.iter().find(|m| {
            s.contains(&m.tokens.start)
                && (m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person))
                && ((m.tokens.start > i && m.tokens.start <= i + 8 && be(i, m.tokens.start))
                    || (m.tokens.end <= i && m.tokens.end + 5 >= i && be(m.tokens.end, i)))
        });
        let Some(m) = person.cloned() else { return };
        if self.negated(i, 3) || self.in_question(i) {
            return;
        }
        let (from, to) = if m.tokens.start < i {
            (m.tokens.start, i + 1)
        } else {
            (i, m.tokens.end)
        };
        self.push(
            Rule::BlameWord,
            from,
            to,
            "names a person as the culprit".into(),
            "describe the contributing factors instead of who is at fault".into(),
        );
    }
}
