//! Facilitation guidance for each part of a retrospective.
//!
//! The facilitator of a live retrospective shares a screen and steps through the overview and
//! the seven sections in order. For each one, this module provides a one-sentence purpose and a
//! handful of short questions to put to the room. The questions are written to keep attention on
//! the system and its conditions rather than on individuals, to ask about what went well and
//! what was luck as well as what went wrong, and to invite repeated "why?" questions.
//!
//! The data is plain `'static` text with no dependencies, so the interface can show it anywhere
//! without allocation.

/// One section's facilitation guidance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guidance {
    /// What the section is for, in one short sentence (at most 90 characters).
    pub purpose: &'static str,
    /// Questions a facilitator can ask the room, in the order they are usually useful
    /// (4 to 7 of them, each at most 70 characters and ending with `?`).
    pub questions: &'static [&'static str],
}

/// Guidance for the overview (index 0) and the seven sections (1..=7) in order:
/// Messages to stakeholders, Monitoring context, Communication timeline, Contributing factors,
/// Technical analysis, Follow-up actions, Narrative.
pub const GUIDANCE: [Guidance; 8] = [
    // 0. Overview
    Guidance {
        purpose: "Agree on what happened, how serious it was, and the key moments in time.",
        questions: &[
            "In one line, what did users or colleagues experience?",
            "When did the impact start, as best we can tell?",
            "When did we first know, and how did we find out?",
            "When was it mitigated, and when was it fully resolved?",
            "Which services and teams were involved?",
            "How severe was it, and what makes us rate it that way?",
            "Which roles are in the room, and whose view is missing?",
        ],
    },
    // 1. Messages to stakeholders
    Guidance {
        purpose: "Tell customers and colleagues plainly what happened and what comes next.",
        questions: &[
            "What could customers not do, and for how long?",
            "How would a customer describe this in their own words?",
            "What was not affected that people may worry about?",
            "Was any data lost or exposed, and can we say so plainly?",
            "What are we changing, in terms a customer can follow?",
            "What extra detail do internal teams need?",
            "Does any sentence point at a person instead of the system?",
        ],
    },
    // 2. Monitoring context
    Guidance {
        purpose: "Record what our signals showed, compared with normal, and where they were silent.",
        questions: &[
            "Which graphs moved first, and by how much?",
            "What does normal look like for these metrics?",
            "Which alert fired, and was it the one we expected?",
            "What did we learn from people rather than from tools?",
            "Where was monitoring missing, late, or too noisy to trust?",
            "What signal could tell us sooner next time?",
        ],
    },
    // 3. Communication timeline
    Guidance {
        purpose: "Rebuild who knew what and when, across every channel, as events unfolded.",
        questions: &[
            "What was the very first sign, and where did it show up?",
            "When was it detected, declared, mitigated and resolved?",
            "Which roles did people hold, and when did they change hands?",
            "Where did the breakthrough come from?",
            "Where was a message misread, lost or delayed?",
            "Which channels were in use, and did people know where to look?",
            "How did it feel at the time, for the internal record?",
        ],
    },
    // 4. Contributing factors
    Guidance {
        purpose: "Find the many conditions that shaped the incident, including what helped.",
        questions: &[
            "What made this worse or harder to handle?",
            "What helped, and what went well?",
            "What was plain luck, good or bad?",
            "Why did that action make sense at the time?",
            "And why was that so? What sits beneath that answer?",
            "What surprised us about how the system behaved?",
            "What did responders need that they did not have?",
        ],
    },
    // 5. Technical analysis
    Guidance {
        purpose: "Explain for future engineers how the system is meant to work and what it did.",
        questions: &[
            "How is this part of the system meant to work?",
            "What did it actually do, step by step?",
            "Which assumption turned out not to hold?",
            "What evidence do we have: logs, graphs, traces?",
            "Where else could the same behaviour appear?",
            "Which planned changes make this more or less likely?",
        ],
    },
    // 6. Follow-up actions
    Guidance {
        purpose: "Agree a few owned, dated changes that address the factors we found.",
        questions: &[
            "Which factor does this action address?",
            "Does it help us detect, mitigate or prevent this?",
            "Which team owns it, and what due date is realistic?",
            "How will we know it made a difference?",
            "Is this the smallest change that gives most of the benefit?",
            "What are we choosing not to do, and why?",
            "Are older actions on the same problem still open?",
        ],
    },
    // 7. Narrative
    Guidance {
        purpose: "Tell the story so a later reader understands it without having been there.",
        questions: &[
            "What does a normal day look like for this system?",
            "What disrupted it, in plain words?",
            "What did customers and responders go through?",
            "What did we try, and what finally worked?",
            "What did we learn that we did not know before?",
            "How severe was it, and why do we rate it so?",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::GUIDANCE;

    #[test]
    fn has_overview_and_seven_sections() {
        assert_eq!(GUIDANCE.len(), 8);
    }

    #[test]
    fn every_section_has_four_to_seven_questions() {
        for (i, g) in GUIDANCE.iter().enumerate() {
            assert!(g.questions.len() >= 4, "section {i} has too few questions");
            assert!(g.questions.len() <= 7, "section {i} has too many questions");
        }
    }

    #[test]
    fn questions_are_short_and_end_with_question_mark() {
        for (i, g) in GUIDANCE.iter().enumerate() {
            for q in g.questions {
                assert!(
                    q.chars().count() <= 70,
                    "section {i}: question too long: {q}"
                );
                assert!(q.ends_with('?'), "section {i}: not a question: {q}");
            }
        }
    }

    #[test]
    fn purposes_are_one_short_sentence() {
        for (i, g) in GUIDANCE.iter().enumerate() {
            let n = g.purpose.chars().count();
            assert!(n > 0 && n <= 90, "section {i}: purpose has {n} characters");
            assert!(
                g.purpose.ends_with('.'),
                "section {i}: purpose is not a sentence"
            );
        }
    }

    #[test]
    fn wording_is_blameless() {
        const AVOID: [&str; 5] = [
            "human error",
            "should have",
            "root cause",
            "careless",
            "whose fault",
        ];
        for g in GUIDANCE {
            let texts = std::iter::once(g.purpose).chain(g.questions.iter().copied());
            for text in texts {
                let lower = text.to_lowercase();
                for word in AVOID {
                    assert!(!lower.contains(word), "blaming wording in: {text}");
                }
            }
        }
    }
}
