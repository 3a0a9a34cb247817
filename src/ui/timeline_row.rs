//! One timeline entry as a row of the list: its time (`~` when approximate), its key moment
//! in a column of its own, who acted with the role they held, and what happened.
//!
//! `03-12 14:02  detected   on-call (incident comm…)  Paged, acknowledged`
//!
//! The role is the entry's own `role`, else the one the configured people give the actor
//! (name → role). A name cut to fit its column ends with `…`.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;

use super::wrap::truncate;
use crate::model::timeinput::{approx_mark, format_clock, format_time};
use crate::model::{Incident, Milestone};

/// Columns of the time: `~03-12 14:02` at most.
const WHEN: usize = 12;
/// Columns of the key moment: `mitigated` at most.
const MOMENT: usize = 9;

/// The key moment's word in the row's column.
pub fn moment_word(milestone: Milestone) -> &'static str {
    match milestone {
        Milestone::ImpactStarted => "impact",
        Milestone::Detected => "detected",
        Milestone::Declared => "declared",
        Milestone::Mitigated => "mitigated",
        Milestone::Resolved => "resolved",
    }
}

/// Rows narrower than this (an 80-column terminal's list) get one space between columns
/// and a narrower "who", so that what happened keeps room.
const NARROW: usize = 72;

/// Spaces between the columns of a row `width` columns wide.
fn gap(width: usize) -> &'static str {
    if width < NARROW { " " } else { "  " }
}

/// How wide the "who" column is for a row of `width` columns: a third of what the time and
/// moment leave, between 12 and 32 columns (from 9 in a narrow row).
pub fn who_width(width: usize) -> usize {
    let least = if width < NARROW { 9 } else { 12 };
    (width.saturating_sub(3 + WHEN + 2 + MOMENT + 2) / 3).clamp(least, 32)
}

/// Who acted, with the role they held: the entry's own role, else the configured one.
pub fn who(actor: &str, role: &str, people: &BTreeMap<String, String>) -> String {
    let actor = actor.trim();
    if actor.is_empty() {
        return "—".into();
    }
    let role = if role.trim().is_empty() {
        people
            .get(actor)
            .or_else(|| {
                people
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(actor))
                    .map(|(_, role)| role)
            })
            .map_or("", |r| r.trim())
    } else {
        role.trim()
    };
    if role.is_empty() {
        actor.to_string()
    } else {
        format!("{actor} ({role})")
    }
}

/// Entry `index` as a row of `width` columns (its selection mark aside). The date shows only
/// on the first row drawn (`first`) and where the day changes, so the times stand out.
pub fn row(
    inc: &Incident,
    index: usize,
    tz: &TimeZone,
    first: bool,
    people: &BTreeMap<String, String>,
    width: usize,
) -> String {
    let Some(e) = inc.timeline.get(index) else {
        return String::new();
    };
    let day = |i: usize| {
        inc.timeline
            .get(i)
            .and_then(|e| e.at)
            .map(|m| m.in_zone(tz).date())
    };
    let new_day = first || index == 0 || day(index) != day(index - 1);
    let mark = approx_mark(e.approximate);
    let when = match (e.unparsed.get("at"), e.at) {
        // Typed but not a time: shown as typed, marked, until it is fixed.
        (Some(typed), _) => format!("✗ {}", truncate(typed, WHEN - 2)),
        (None, Some(m)) if new_day => {
            let full = format_time(&m, tz);
            format!("{mark}{}", full.get(5..).unwrap_or(&full))
        }
        (None, Some(m)) => format!("{:>WHEN$}", format!("{mark}{}", format_clock(&m, tz))),
        (None, None) => "(no time)".into(),
    };
    let moment = e.milestone.map_or("", moment_word);
    let who_cols = who_width(width);
    let who = truncate(&who(&e.actor, &e.role, people), who_cols);
    let mut flags = String::new();
    if e.miscommunication {
        flags.push_str(" [miscommunication]");
    }
    if e.internal_only {
        flags.push_str(" [internal]");
    }
    let what = e.text.lines().next().unwrap_or("");
    let g = gap(width);
    format!(
        "{when}{}{g}{moment:<MOMENT$}{g}{who}{}{g}{what}{flags}",
        pad(&when, WHEN),
        pad(&who, who_cols)
    )
}

/// Spaces that fill `text` out to `cols` columns.
fn pad(text: &str, cols: usize) -> String {
    " ".repeat(cols.saturating_sub(unicode_width::UnicodeWidthStr::width(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Moment, TimelineEntry};

    fn incident(entries: Vec<TimelineEntry>) -> Incident {
        Incident {
            timeline: entries,
            ..Incident::default()
        }
    }

    fn at(s: &str) -> Option<Moment> {
        Moment::parse_rfc3339(s).ok()
    }

    #[test]
    fn the_moment_has_its_column_and_the_role_comes_from_the_people() {
        let inc = incident(vec![
            TimelineEntry {
                at: at("2026-03-12T14:02:00Z"),
                actor: "priya".into(),
                text: "Paged".into(),
                milestone: Some(Milestone::Detected),
                ..TimelineEntry::default()
            },
            TimelineEntry {
                at: at("2026-03-12T14:10:00Z"),
                approximate: true,
                actor: "deploy pipeline".into(),
                text: "Rolled back".into(),
                ..TimelineEntry::default()
            },
        ]);
        let people: BTreeMap<String, String> =
            [("Priya".to_string(), "incident commander".to_string())].into();
        let first = row(&inc, 0, &TimeZone::UTC, true, &people, 120);
        assert!(
            first.starts_with("03-12 14:02   detected   priya (incident commander)"),
            "{first}"
        );
        let second = row(&inc, 1, &TimeZone::UTC, false, &people, 120);
        assert!(
            second.starts_with("      ~14:10             deploy pipeline"),
            "{second}"
        );
        // The moment column lines up whether or not a row has a moment.
        assert_eq!(first.find("priya"), second.find("deploy"));
    }

    #[test]
    fn a_cut_name_ends_with_an_ellipsis() {
        let inc = incident(vec![TimelineEntry {
            at: at("2026-03-12T14:02:00Z"),
            actor: "the very long name of an automated remediation system".into(),
            role: "bot".into(),
            text: "Restarted".into(),
            ..TimelineEntry::default()
        }]);
        let line = row(&inc, 0, &TimeZone::UTC, true, &BTreeMap::new(), 80);
        assert!(line.contains("the very long na…  Restarted"), "{line}");
    }

    #[test]
    fn the_entry_role_wins_over_the_configured_one() {
        let people: BTreeMap<String, String> = [("sam".to_string(), "SME".to_string())].into();
        assert_eq!(who("sam", "scribe", &people), "sam (scribe)");
        assert_eq!(who("sam", "", &people), "sam (SME)");
        assert_eq!(who("", "", &people), "—");
        assert_eq!(who("kim", "", &people), "kim");
    }
}
