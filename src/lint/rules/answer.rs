//! Backward-looking answerability beyond the fixed phrases of `kinds.rs`: a person held
//! responsible for a past outcome ("one customer is responsible for the outage", "the
//! engineer responsible for the outage"), taking responsibility for a failure on someone
//! else's part, losing a job or access as a penalty, a bonus that takes a hit, "heads are
//! going to roll", action taken against a person, "as a consequence of what he did",
//! throwing someone under the bus, and firing as a practice ("you fire when someone…").
//!
//! Accountability that faces forward names the owner of a follow-up ("Priya will be
//! responsible for the new restore drill") and is left alone: only a past outcome, a penalty
//! or a demand for one is flagged.

use super::super::lexicon::{PERSON_POSSESSIVES, is};
use super::super::people::{Mention, Who};
use super::{Rule, Scan};

/// The words an answerability pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "responsible",
    "accountable",
    "culpable",
    "liable",
    "responsibility",
    "heads",
    "head",
    "lose",
    "loses",
    "lost",
    "losing",
    "bonus",
    "bonuses",
    "raise",
    "promotion",
    "salary",
    "pay",
    "rating",
    "review",
    "standing",
    "reputation",
    "what",
    "action",
    "actions",
    "measures",
    "bus",
    "fire",
    "fires",
    "sack",
    "punish",
    "reassigned",
    "relieved",
    "owe",
    "owes",
    "owed",
    "consequences",
    "repercussions",
    "account",
    "explain",
    "justify",
    "own",
    "owns",
    "dealt",
    "want",
    "wants",
    "wanted",
    "demand",
    "demands",
    "demanded",
];

/// Outcomes a person can be held to answer for.
pub(super) const OUTCOMES: &[&str] = &[
    "outage",
    "outages",
    "incident",
    "incidents",
    "failure",
    "failures",
    "downtime",
    "disruption",
    "disruptions",
    "breach",
    "breaches",
    "loss",
    "losses",
    "crash",
    "crashes",
    "error",
    "errors",
    "mistake",
    "mistakes",
    "mess",
    "alert",
    "alarm",
    "bug",
    "damage",
    "deletion",
    "fiasco",
    "disaster",
    "blunder",
    "screwup",
    "false",
    "failed",
    "botched",
    "wiped",
    "deleted",
    "dropped",
    "corrupted",
    "lost",
    "knocked",
    "broke",
    "caused",
    "crashed",
    "offline",
];

/// Words after `responsible for` that face forward: the owner of a follow-up.
const FORWARD: &[&str] = &[
    "follow",
    "followup",
    "fixing",
    "fix",
    "fixes",
    "remediation",
    "action",
    "actions",
    "items",
    "review",
    "retrospective",
    "runbook",
    "drill",
    "prevention",
    "preventing",
    "improvements",
    "improving",
    "owning",
    "writing",
    "communication",
    "communications",
    "updates",
    "rotation",
    "recovery",
    "response",
    "responding",
    "restoring",
    "investigating",
    "investigation",
    "new",
    "activities",
    "activity",
    "tasks",
    "duties",
    "coordination",
    "coordinating",
    "comms",
    "decisions",
    "resources",
];

/// What a person may be said to lose as a penalty.
const JOB: &[&str] = &[
    "job", "jobs", "position", "role", "bonus", "badge", "title", "rank", "post",
];

/// What a person's pay or standing is said to suffer.
const PAY: &[&str] = &[
    "bonus",
    "bonuses",
    "raise",
    "promotion",
    "salary",
    "pay",
    "rating",
    "review",
    "standing",
    "reputation",
];

/// Words that say the pay suffers.
const HIT: &[&str] = &[
    "hit",
    "cut",
    "docked",
    "withheld",
    "reduced",
    "frozen",
    "suffer",
    "suffers",
    "slashed",
    "denied",
    "gone",
    "lost",
    "revoked",
    "cancelled",
    "canceled",
    "affected",
    "impacted",
];

/// Modal words that make losing access a demand, not a fact (`should lose prod access`).
const DEMAND: &[&str] = &[
    "should", "must", "ought", "need", "needs", "deserve", "deserves", "deserved", "will", "would",
    "to",
];

/// Those a person is made to explain themselves to.
const AUTHORITY: &[&str] = &[
    "vp",
    "board",
    "management",
    "leadership",
    "boss",
    "manager",
    "director",
    "cto",
    "ceo",
    "cio",
    "execs",
    "exec",
    "executives",
    "committee",
    "auditors",
    "regulator",
    "chief",
    "superiors",
    "bosses",
    "svp",
    "evp",
    "president",
];

/// Penalty words before `what he did`.
const PENALTY: &[&str] = &[
    "consequence",
    "consequences",
    "punishment",
    "penalty",
    "price",
    "pay",
    "paying",
    "answer",
    "punished",
    "fired",
    "disciplined",
    "sanctioned",
    "reprimanded",
    "account",
];

fn person_mention(m: &Mention) -> bool {
    m.who.is_other_person()
}

fn person(m: &Mention) -> bool {
    m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person)
}

impl Scan<'_> {
    const SUGGESTION: &'static str = "name the owner of a follow-up action instead: which team \
                                      or role will change what, by when";

    /// Runs the answerability patterns of this file at token `i`.
    pub(super) fn answerability(&mut self, i: usize) {
        let w = self.doc.tokens[i].lower.as_str();
        match w {
            "responsible" | "accountable" | "culpable" | "liable" => self.responsible_for(i),
            "responsibility" => self.took_responsibility(i),
            "heads" | "head" => self.heads_roll(i),
            "lose" | "loses" | "lost" | "losing" => self.loses_job(i),
            w if is(PAY, w) => self.pay_hit(i),
            "what" => self.what_they_did(i),
            "action" | "actions" | "measures" => self.action_against(i),
            "bus" => self.under_the_bus(i),
            "fire" | "fires" | "sack" | "punish" => self.fire_when(i),
            "reassigned" | "relieved" => self.reassigned(i),
            "owe" | "owes" | "owed" => self.owes_apology(i),
            "consequences" | "repercussions" => self.consequences_for(i),
            "account" => self.account_for(i),
            "explain" | "justify" => self.explain_why(i),
            "own" | "owns" => self.own_failure(i),
            "dealt" => self.dealt_with(i),
            _ => self.wants_names(i),
        }
    }

    fn answer_hit(&mut self, from: usize, to: usize, reason: &str) {
        self.push(
            Rule::Punishment,
            from,
            to,
            reason.into(),
            Self::SUGGESTION.into(),
        );
    }

    /// True when one of the `window` words after `from` in the sentence is a past outcome,
    /// before any word that faces forward; returns the end of the span.
    fn outcome_after(&self, from: usize, window: usize) -> Option<usize> {
        let s = self.sentence_of(from);
        let words: Vec<usize> = (from..s.end)
            .filter(|&k| self.doc.tokens[k].word)
            .take(window)
            .collect();
        for (n, &k) in words.iter().enumerate() {
            let t = &self.doc.tokens[k];
            if t.quoted {
                return None;
            }
            let w = t.lower.as_str();
            if is(FORWARD, w) || (n == 0 && w.ends_with("ing")) {
                return None;
            }
            // `incident activities`, `outage comms`: the outcome names the work that follows.
            if is(OUTCOMES, w) {
                let modifies = words
                    .get(n + 1)
                    .is_some_and(|&next| is(FORWARD, &self.doc.tokens[next].lower));
                return (!modifies).then_some(k + 1);
            }
            // `answer for this`, `responsible for it.`
            if n == 0
                && matches!(w, "it" | "this" | "that")
                && self.token(k + 1).is_none_or(|t| {
                    !t.word
                        || matches!(
                            t.lower.as_str(),
                            "at" | "in"
                                | "on"
                                | "before"
                                | "to"
                                | "by"
                                | "with"
                                | "after"
                                | "and"
                                | "one"
                                | "time"
                                | "incident"
                                | "outage"
                        )
                })
            {
                return Some(k + 1);
            }
        }
        None
    }

    /// True when what a person is held to account for after token `end` is future work, not
    /// a past outcome: `will be held accountable for landing the validator`, `will answer for
    /// the rollout schedule from now on`.
    pub(super) fn faces_forward(&self, end: usize) -> bool {
        let object = if self.token(end).is_some_and(|t| t.lower == "for") {
            end + 1
        } else if end
            .checked_sub(1)
            .and_then(|b| self.token(b))
            .is_some_and(|t| t.lower == "for")
        {
            end
        } else {
            return false;
        };
        let s = self.sentence_of(end);
        let past = self.outcome_after(object, 6).is_some();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        // `from now on`, `going forward`: the sentence faces forward; after a bare `will`,
        // only work does (`will be held accountable for landing the validator`).
        let ahead = (s.start..s.end).any(|k| {
            matches!(lower(k), "forward" | "future" | "next")
                || (lower(k) == "now" && k + 1 < s.end && lower(k + 1) == "on")
        });
        let will = (s.start..s.end).any(|k| matches!(lower(k), "will" | "shall"));
        let work = self.token(object).is_some_and(|t| {
            t.word && (is(FORWARD, &t.lower) || (t.lower.len() > 4 && t.lower.ends_with("ing")))
        });
        !past && (ahead || (will && work))
    }

    /// `one customer is responsible for the outage`, `the engineer responsible for it`.
    fn responsible_for(&mut self, i: usize) {
        if self.token(i + 1).is_none_or(|t| t.lower != "for") || self.in_question(i) {
            return;
        }
        let Some(end) = self.outcome_after(i + 2, 6) else {
            return;
        };
        let prev = (self.sentence_of(i).start..i)
            .rev()
            .find(|&k| self.doc.tokens[k].word && !self.doc.tokens[k].lower.ends_with("ly"));
        let be = prev.is_some_and(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "is" | "was" | "were" | "are" | "'s" | "been" | "being" | "held" | "hold"
            )
        });
        // `will be responsible for`: an owner named for what comes next.
        let ahead = prev.is_some_and(|k| {
            let w = self.doc.tokens[k].lower.as_str();
            w == "be" || w == "become"
        });
        let subject = if be {
            self.clause().subject_before(i)
        } else {
            // `the engineer responsible for the outage`: the person just before.
            match self.mentions.iter().find(|m| m.tokens.end == i) {
                Some(m) => super::super::people::Subject {
                    who: m.who,
                    mention: Some(m.clone()),
                },
                None => return,
            }
        };
        let who = subject.who;
        let singular_affected = who == Who::Affected
            && subject.mention.as_ref().is_some_and(|m| {
                self.token(m.tokens.end - 1)
                    .is_some_and(|t| !t.lower.ends_with('s'))
            });
        if ahead || !(who.is_other_person() || singular_affected) || self.negated(i, 3) {
            return;
        }
        let from = subject
            .mention
            .as_ref()
            .filter(|m| m.tokens.end == i)
            .map_or(i, |m| m.tokens.start);
        self.answer_hit(from, end, "holds a person answerable for a past outcome");
    }

    /// `the CTO demands Priya account for the wiped bucket`.
    fn account_for(&mut self, i: usize) {
        if self.token(i + 1).is_none_or(|t| t.lower != "for") || self.in_question(i) {
            return;
        }
        let Some(end) = self.outcome_after(i + 2, 5) else {
            return;
        };
        let subject = self.clause().subject_before(i);
        // `demands Priya Raman account for…`: the name read into a mention with `account`.
        let named_before = i
            .checked_sub(1)
            .and_then(|b| self.token(b))
            .is_some_and(|t| t.word && t.name_shaped);
        if !(subject.who.is_other_person() || named_before) || self.negated(i, 2) {
            return;
        }
        self.answer_hit(i, end, "asks a person to answer for the incident");
    }

    /// `Yusuf will have to explain to the VP why the page was down`.
    fn explain_why(&mut self, i: usize) {
        if self.token(i + 1).is_none_or(|t| t.lower != "to") || self.in_question(i) {
            return;
        }
        let s = self.sentence_of(i);
        let Some(why) = (i + 2..(i + 8).min(s.end)).find(|&k| self.doc.tokens[k].lower == "why")
        else {
            return;
        };
        // To those they answer to: `explain to the VP why`, not `explain to new hires how`.
        let authority = (i + 2..why).any(|k| is(AUTHORITY, &self.doc.tokens[k].lower));
        if !authority {
            return;
        }
        let subject = self.clause().subject_before(i);
        if !subject.who.is_other_person() || self.negated(i, 3) {
            return;
        }
        self.answer_hit(i, why + 1, "asks a person to explain themselves");
    }

    /// `there will be consequences for the team that shipped this`.
    fn consequences_for(&mut self, i: usize) {
        if self.token(i + 1).is_none_or(|t| t.lower != "for") {
            return;
        }
        let Some(m) = self.mention_within(i + 2, 3).filter(person) else {
            return;
        };
        if self.negated(i, 3) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, m.tokens.end, "asks for a person to pay for the incident");
    }

    /// `Ivan has to own this failure personally`: the failure put on one person, not a
    /// follow-up handed to an owner.
    fn own_failure(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let object: Vec<usize> = (i + 1..(i + 4).min(s.end))
            .filter(|&k| self.doc.tokens[k].word)
            .take(2)
            .collect();
        let Some(&failure) = object.iter().find(|&&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "failure" | "outage" | "mistake" | "mistakes" | "mess" | "screwup" | "fiasco"
            )
        }) else {
            return;
        };
        let demanded = (s.start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(3)
            .any(|k| is(DEMAND, &self.doc.tokens[k].lower))
            || self
                .token(failure + 1)
                .is_some_and(|t| t.lower == "personally");
        let subject = self.clause().subject_before(i);
        if !demanded || !subject.who.is_other_person() || self.negated(i, 2) || self.in_question(i)
        {
            return;
        }
        self.answer_hit(i, failure + 1, "puts the failure on one person to carry");
    }

    /// `the person responsible should be dealt with`.
    fn dealt_with(&mut self, i: usize) {
        if self.token(i + 1).is_none_or(|t| t.lower != "with") || !self.passive_be_before(i) {
            return;
        }
        let s = self.sentence_of(i);
        let person = self
            .mentions
            .iter()
            .any(|m| s.contains(&m.tokens.start) && m.tokens.end <= i && person_mention(m));
        if !person || self.negated(i, 3) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, i + 2, "asks for a person to be punished");
    }

    /// `the outage is Nina's responsibility`: an outcome put on a person.
    fn outcome_is_theirs(&mut self, i: usize) -> bool {
        let Some(owner) = i.checked_sub(1).and_then(|b| self.token(b)) else {
            return false;
        };
        let owned = owner.word
            && (is(PERSON_POSSESSIVES, &owner.lower)
                || (owner.possessive
                    && (owner.name_shaped
                        || self.mentions.iter().any(|m| m.tokens.end == i && person(m)))));
        if !owned {
            return false;
        }
        let clause = self.clause_range(i);
        let outcome = (clause.start..i).any(|k| is(OUTCOMES, &self.doc.tokens[k].lower));
        let be = (clause.start..i).any(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "is" | "was" | "were" | "are" | "'s"
            )
        });
        if !outcome || !be || self.negated(i - 1, 3) || self.in_question(i) {
            return false;
        }
        let from = self
            .mentions
            .iter()
            .find(|m| m.tokens.contains(&(i - 1)))
            .map_or(i - 1, |m| m.tokens.start);
        self.answer_hit(from, i + 1, "puts the incident on a person's account");
        true
    }

    /// `State employee takes responsibility for the false alert`: the failure put on
    /// someone else (oneself taking responsibility is an account, not blame).
    fn took_responsibility(&mut self, i: usize) {
        if self.outcome_is_theirs(i) {
            return;
        }
        let Some(verb) = i.checked_sub(1).and_then(|b| {
            let t = self.token(b)?;
            let w = t.lower.as_str();
            if matches!(w, "full" | "the" | "personal" | "sole") {
                b.checked_sub(1)
            } else {
                Some(b)
            }
        }) else {
            return;
        };
        let takes = self.token(verb).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "take" | "takes" | "took" | "taken" | "taking" | "accept" | "accepts" | "accepted"
            )
        });
        if !takes || self.token(i + 1).is_none_or(|t| t.lower != "for") {
            return;
        }
        let Some(end) = self.outcome_after(i + 2, 6) else {
            return;
        };
        let subject = self.clause().subject_before(verb);
        if !subject.who.is_other_person() || self.negated(verb, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(verb, end, "puts the failure on one person's account");
    }

    /// `heads are going to roll`, `heads will have to roll`.
    fn heads_roll(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let Some(roll) = (i + 1..(i + 6).min(s.end)).find(|&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "roll" | "rolls" | "rolled" | "rolling"
            )
        }) else {
            return;
        };
        // Only verbs and auxiliaries between (`heads are going to roll`).
        let between_ok = (i + 1..roll).all(|k| {
            let t = &self.doc.tokens[k];
            t.word
                && matches!(
                    t.lower.as_str(),
                    "are"
                        | "is"
                        | "were"
                        | "was"
                        | "will"
                        | "would"
                        | "must"
                        | "should"
                        | "shall"
                        | "need"
                        | "needs"
                        | "have"
                        | "has"
                        | "had"
                        | "to"
                        | "going"
                        | "gonna"
                        | "about"
                        | "might"
                        | "may"
                        | "can"
                        | "could"
                        | "definitely"
                        | "certainly"
                        | "surely"
                        | "probably"
                )
        });
        if !between_ok || self.negated(i, 2) {
            return;
        }
        self.answer_hit(i, roll + 1, "asks for people to be punished");
    }

    /// `this fool lost his job`, `the new hire should lose prod access`.
    fn loses_job(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let object: Vec<usize> = (i + 1..(i + 4).min(s.end))
            .filter(|&k| self.doc.tokens[k].word)
            .collect();
        let job = object.first().is_some_and(|&k| {
            is(PERSON_POSSESSIVES, &self.doc.tokens[k].lower)
                && object
                    .get(1)
                    .is_some_and(|&j| is(JOB, &self.doc.tokens[j].lower))
        });
        let access = object
            .iter()
            .take(2)
            .find(|&&k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "access" | "privileges" | "rights" | "permissions"
                )
            })
            .copied();
        let demanded = (s.start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(3)
            .any(|k| is(DEMAND, &self.doc.tokens[k].lower));
        let end = match (job, access) {
            (true, _) => object[1] + 1,
            (false, Some(a)) if demanded => a + 1,
            _ => return,
        };
        let subject = self.clause().subject_before(i);
        if !subject.who.is_other_person() || self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, end, "tells of a person punished for the incident");
    }

    /// `Kevin's bonus is going to take a hit for this`.
    fn pay_hit(&mut self, i: usize) {
        let Some(owner) = i.checked_sub(1).and_then(|b| self.token(b)) else {
            return;
        };
        let owned = owner.word
            && (is(PERSON_POSSESSIVES, &owner.lower)
                || (owner.possessive
                    && (owner.name_shaped
                        || self.mentions.iter().any(|m| m.tokens.end == i && person(m)))));
        if !owned {
            return;
        }
        let s = self.sentence_of(i);
        let Some(hit) = (i + 1..(i + 8).min(s.end)).find(|&k| is(HIT, &self.doc.tokens[k].lower))
        else {
            return;
        };
        if self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(i - 1, hit + 1, "asks for a person to pay for the incident");
    }

    /// `as a consequence of what he did`, `pay for what Dave did`.
    fn what_they_did(&mut self, i: usize) {
        let Some(m) = self.mention_within(i + 1, 1).filter(person) else {
            return;
        };
        let did = self.token(m.tokens.end).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "did" | "done" | "caused" | "pulled" | "broke" | "had"
            )
        });
        let s = self.sentence_of(i);
        let penalty = (s.start..i)
            .rev()
            .filter(|&k| self.doc.tokens[k].word)
            .take(4)
            .find(|&k| is(PENALTY, &self.doc.tokens[k].lower));
        let Some(from) = penalty.filter(|_| did) else {
            return;
        };
        if self.negated(from, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(
            from,
            m.tokens.end + 1,
            "makes a person pay for what they did",
        );
    }

    /// `we have taken action against the engineer`.
    fn action_against(&mut self, i: usize) {
        let verb = (i.saturating_sub(3)..i).rev().find(|&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "take" | "takes" | "took" | "taken" | "taking"
            )
        });
        let Some(verb) = verb else { return };
        if self
            .token(i + 1)
            .is_none_or(|t| !matches!(t.lower.as_str(), "against" | "with" | "on"))
        {
            return;
        }
        let Some(m) = self.mention_within(i + 2, 3).filter(person) else {
            return;
        };
        if self.negated(verb, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(
            verb,
            m.tokens.end,
            "tells of a person punished for the incident",
        );
    }

    /// `threw the engineer under the bus`.
    fn under_the_bus(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let under = (i.saturating_sub(4).max(s.start)..i)
            .rev()
            .find(|&k| self.doc.tokens[k].lower == "under");
        let Some(under) = under else { return };
        let throw = (s.start..under).rev().take(30).find(|&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "threw" | "throw" | "throws" | "thrown" | "throwing" | "tossed" | "toss"
            )
        });
        let Some(throw) = throw else { return };
        if self.negated(throw, 2) {
            return;
        }
        self.answer_hit(throw, i + 1, "makes a person the scapegoat");
    }

    /// `you fire when someone…`: firing as the answer to a slip.
    fn fire_when(&mut self, i: usize) {
        let next = self.token(i + 1).filter(|t| t.word);
        let when = next.is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "when" | "if" | "whoever" | "anyone" | "someone" | "somebody" | "whenever"
            )
        });
        if !when {
            return;
        }
        let subject = self.clause().subject_before(i);
        let acts = subject.who.is_other_person() || subject.who == Who::First;
        if !acts || self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, i + 2, "makes firing the answer to a slip");
    }

    /// `the employee has been reassigned`, `relieved of duty`.
    fn reassigned(&mut self, i: usize) {
        if self.doc.tokens[i].lower == "relieved"
            && self.token(i + 1).is_none_or(|t| t.lower != "of")
        {
            return;
        }
        if !self.passive_be_before(i) {
            return;
        }
        // `was reassigned the ticket by the triage bot`: work handed over, not a penalty.
        if self.token(i + 1).is_some_and(|t| {
            t.word
                && matches!(
                    t.lower.as_str(),
                    "the" | "a" | "an" | "this" | "that" | "two"
                )
        }) || self
            .clause()
            .agent_after(i + 1)
            .is_some_and(|a| !a.who.is_other_person())
        {
            return;
        }
        let subject = self.clause().subject_before(i);
        if !subject.who.is_other_person() || self.negated(i, 3) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, i + 1, "tells of a person removed from their work");
    }

    /// True when a form of `be` comes just before token `i` (adverbs skipped).
    fn passive_be_before(&self, i: usize) -> bool {
        (self.sentence_of(i).start..i)
            .rev()
            .find(|&k| {
                let t = &self.doc.tokens[k];
                t.word && !t.lower.ends_with("ly") && !matches!(t.lower.as_str(), "since" | "now")
            })
            .is_some_and(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got" | "get"
                )
            })
    }

    /// `Mei owes the whole support team an apology`.
    fn owes_apology(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let Some(apology) = (i + 1..(i + 13).min(s.end)).find(|&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "apology" | "apologies" | "explanation"
            )
        }) else {
            return;
        };
        let subject = self.clause().subject_before(i);
        if !subject.who.is_other_person() || self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, apology + 1, "asks a person to answer for the incident");
    }

    /// `leadership wants the name of the engineer`, `they demanded names`.
    fn wants_names(&mut self, i: usize) {
        let w = self.doc.tokens[i].lower.as_str();
        if !matches!(
            w,
            "want" | "wants" | "wanted" | "demand" | "demands" | "demanded"
        ) {
            return;
        }
        let mut k = i + 1;
        if self
            .token(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "a" | "the" | "some"))
        {
            k += 1;
        }
        let Some(t) = self.token(k).filter(|t| t.word) else {
            return;
        };
        if !matches!(t.lower.as_str(), "name" | "names" | "head" | "heads") {
            return;
        }
        // `the names of the hosts`: only a person's name, or names alone.
        let of = self.token(k + 1).is_some_and(|t| t.lower == "of");
        if of
            && !self
                .mention_within(k + 2, 2)
                .is_some_and(|m| m.who.is_other_person())
        {
            return;
        }
        if self.negated(i, 2) || self.in_question(i) {
            return;
        }
        self.answer_hit(i, k + 1, "looks for someone to hold responsible");
    }
}
