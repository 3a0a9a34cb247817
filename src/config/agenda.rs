//! The meeting's side of the configuration: the built-in timeboxes and questions as
//! defaults, and the check of a time zone name.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use crate::model::{DEFAULT_TIMEBOXES, Section};

/// Every agenda item with its built-in timebox ([`DEFAULT_TIMEBOXES`], minutes).
pub fn default_timeboxes() -> BTreeMap<Section, u32> {
    Section::ALL
        .iter()
        .map(|s| (*s, DEFAULT_TIMEBOXES[s.number()]))
        .collect()
}

/// Every section with its built-in questions ([`crate::guidance::GUIDANCE`]).
pub fn default_questions() -> BTreeMap<Section, Vec<String>> {
    Section::ALL
        .iter()
        .map(|s| {
            let questions = crate::guidance::GUIDANCE
                .get(s.number())
                .map(|g| g.questions.iter().map(|q| (*q).to_string()).collect())
                .unwrap_or_default();
            (*s, questions)
        })
        .collect()
}

/// Reads a time zone name, accepting only IANA names the program knows (or nothing).
///
/// # Errors
/// An unknown zone, reported at the value.
pub fn zone_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let name = String::deserialize(d)?;
    let name = name.trim().to_string();
    if name.is_empty() || jiff::tz::TimeZone::get(&name).is_ok() {
        Ok(name)
    } else {
        Err(serde::de::Error::custom(format!(
            "`{name}` is not an IANA time zone (e.g. Europe/London, UTC)"
        )))
    }
}

/// Gives a meeting that has never started the configured timeboxes (`timebox` of each item):
/// each that differs from the built-in one is written into the meeting, so the file keeps
/// the timeboxes it was run with whatever the configuration later says. A meeting that
/// started before keeps its own.
pub fn take_timeboxes(meeting: &mut crate::model::Meeting, timebox: impl Fn(Section) -> u32) {
    if meeting.started_at.is_some() {
        return;
    }
    for item in Section::ALL {
        let minutes = timebox(item);
        if !meeting.timeboxes.contains_key(&item) && minutes != DEFAULT_TIMEBOXES[item.number()] {
            meeting.timeboxes.insert(item, minutes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Meeting;

    #[test]
    fn a_first_meeting_takes_the_configured_timeboxes() {
        let mut meeting = Meeting::default();
        meeting.timeboxes.insert(Section::Overview, 3);
        let configured = |s: Section| match s {
            Section::Factors => 25,
            Section::Overview => 8,
            s => DEFAULT_TIMEBOXES[s.number()],
        };
        take_timeboxes(&mut meeting, configured);
        assert_eq!(meeting.timebox(Section::Factors), 25);
        assert_eq!(meeting.timebox(Section::Overview), 3);
        assert_eq!(meeting.timeboxes.len(), 2);
        let mut started = Meeting {
            started_at: Some(crate::model::Moment::utc(jiff::Timestamp::UNIX_EPOCH)),
            ..Meeting::default()
        };
        take_timeboxes(&mut started, configured);
        assert!(started.timeboxes.is_empty());
    }
}
