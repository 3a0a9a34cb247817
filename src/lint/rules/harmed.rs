//! A person's act told by the harm it did: "one man left two million people in the dark",
//! "he dropped the instrument, causing $560 of damage", "they hammered it in upside down".

use super::super::lexicon::{is, is_participle};
use super::{Rule, Scan};

/// The words a pattern here can start at.
pub(super) const TRIGGERS: &[&str] = &[
    "left",
    "leaving",
    "leaves",
    "causing",
    "upside",
    "backwards",
];

/// What a person's act is said to have caused, after `, causing`.
const HARMS: &[&str] = &[
    "damage",
    "damages",
    "outage",
    "outages",
    "downtime",
    "loss",
    "losses",
    "blackout",
    "blackouts",
    "disruption",
    "disruptions",
    "chaos",
];

/// What people are left without: `left thousands without power`.
const SERVICES: &[&str] = &[
    "power",
    "service",
    "electricity",
    "internet",
    "phone",
    "phones",
    "connectivity",
    "access",
    "water",
    "heat",
];

impl Scan<'_> {
    /// Runs the patterns of this file at token `i`.
    pub(super) fn harmed(&mut self, i: usize) {
        let s = self.sentence_of(i);
        let words: Vec<usize> = (i + 1..s.end)
            .filter(|&k| self.doc.tokens[k].word)
            .take(12)
            .collect();
        let lower = |k: usize| self.doc.tokens[k].lower.as_str();
        let end = match lower(i) {
            // `left roughly two million people in the dark`, `left them without power`,
            // `leaving passengers stranded`.
            "left" | "leaving" | "leaves" => words.iter().enumerate().find_map(|(n, &k)| {
                let next = words.get(n + 1).map_or("", |&x| lower(x));
                let third = words.get(n + 2).map_or("", |&x| lower(x));
                match lower(k) {
                    "stranded" => Some(k + 1),
                    "in" if next == "the" && third == "dark" => words.get(n + 2).map(|&x| x + 1),
                    "without" if is(SERVICES, next) => words.get(n + 1).map(|&x| x + 1),
                    _ => None,
                }
            }),
            // `…, causing $560 of damage`: only after a comma, the act before it.
            "causing" => {
                let comma = i
                    .checked_sub(1)
                    .and_then(|b| self.token(b))
                    .is_some_and(|b| b.lower == ",");
                words
                    .iter()
                    .take(5)
                    .find(|&&k| is(HARMS, lower(k)))
                    .filter(|_| comma)
                    .map(|&k| k + 1)
            }
            "upside" => words
                .first()
                .filter(|&&k| lower(k) == "down")
                .map(|&k| k + 1),
            "backwards" => Some(i + 1),
            _ => None,
        };
        let Some(end) = end else { return };
        if self.negated(i, 2) || self.in_question(i) {
            return;
        }
        // Whose act: the subject of `left`, or of the past verb before `, causing` or
        // `upside down` (`hammered the card into the slot upside down`).
        let verb = if matches!(lower(i), "left" | "leaving" | "leaves") {
            i
        } else {
            match (s.start..i).rev().find(|&k| {
                let t = &self.doc.tokens[k];
                t.word && !t.quoted && is_participle(&t.lower)
            }) {
                Some(v) => v,
                None => return,
            }
        };
        let Some(who) = self.person_before(verb) else {
            return;
        };
        self.push(
            Rule::PersonFailure,
            i,
            end,
            format!("makes {who} the author of the harm"),
            "tell the harm as what the system did, and what made the act easy to get wrong, e.g. \
             \"the breaker tripped and cut power to the region; the panel was unlabelled\""
                .into(),
        );
    }
}
