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
