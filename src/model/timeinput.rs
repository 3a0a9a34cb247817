//! Times as people type them: `14:02`, `2026-03-12 14:02`, or full RFC 3339, read in the
//! incident's time zone (FORMAT.md: "times are entered and shown in it").

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

use super::moment::Moment;

/// Today's date for `now` on this machine's clock and time zone (`TZ`): the one "today"
/// that the incident list, the terminal UI and the command line use for overdue actions.
pub fn local_date(now: jiff::Timestamp) -> jiff::civil::Date {
    now.to_zoned(TimeZone::system()).date()
}

/// The incident's zone: the IANA name, or UTC when the name is empty or unknown.
pub fn zone(name: &str) -> TimeZone {
    if name.is_empty() {
        TimeZone::UTC
    } else {
        TimeZone::get(name).unwrap_or(TimeZone::UTC)
    }
}

/// Reads a time typed in `tz`.
///
/// * `14:02` or `14:02:30`: that time on `reference` (the entry's own date, or the incident's).
/// * `2026-03-12 14:02` (or with `T`): that local date and time.
/// * `2026-03-12T14:02:00Z`, `…+01:00`: that instant, keeping the offset as written.
///
/// Local times that fall in a daylight-saving gap or overlap resolve the way RFC 5545 does
/// (jiff's "compatible" rule). The result is written in UTC unless an offset was typed.
///
/// # Errors
/// A short message saying which forms are accepted.
pub fn parse_time(input: &str, tz: &TimeZone, reference: Date) -> Result<Moment, String> {
    let text = input.trim();
    if text.is_empty() {
        return Err("empty time".into());
    }
    let local = if let Ok(time) = text.parse::<Time>()
        && !text.contains('-')
    {
        Some(reference.to_datetime(time))
    } else if looks_like_offset(text) {
        None
    } else {
        text.replacen(' ', "T", 1).parse::<DateTime>().ok()
    };
    if let Some(civil) = local {
        let zoned = tz
            .to_ambiguous_zoned(civil)
            .compatible()
            .map_err(|e| format!("`{text}`: {e}"))?;
        return Ok(Moment::utc(zoned.timestamp()));
    }
    Moment::parse_rfc3339(&text.replacen(' ', "T", 1)).map_err(|_| {
        format!("`{text}` is not a time: type 14:02, 2026-03-12 14:02 or 2026-03-12T14:02:00Z")
    })
}

/// Splits the mark of an approximate time off typed text: `~13:45` and `13:45?` are 13:45,
/// approximately (returns the time's text and `true`); anything else is returned as it is
/// with `false`. A time shown as approximate carries the `~` mark ([`approx_mark`]).
pub fn split_approximate(input: &str) -> (&str, bool) {
    let text = input.trim();
    if let Some(rest) = text.strip_prefix('~') {
        (rest.trim_start(), true)
    } else if let Some(rest) = text.strip_suffix('?') {
        (rest.trim_end(), true)
    } else {
        (text, false)
    }
}

/// The mark shown before an approximate time: `~`, or nothing.
pub fn approx_mark(approximate: bool) -> &'static str {
    if approximate { "~" } else { "" }
}

/// A timeline entry's time as [`format_time`] shows it, with `~` before an approximate one;
/// `None` when the entry has no time.
pub fn format_entry_time(entry: &super::TimelineEntry, tz: &TimeZone) -> Option<String> {
    entry
        .at
        .map(|m| format!("{}{}", approx_mark(entry.approximate), format_time(&m, tz)))
}

/// The time of the entry marked with key moment `milestone` (the first one, as
/// [`super::Incident::milestone`]), shown with `~` when approximate.
pub fn format_milestone(
    incident: &super::Incident,
    milestone: super::Milestone,
    tz: &TimeZone,
) -> Option<String> {
    incident
        .timeline
        .iter()
        .find(|e| e.milestone == Some(milestone))
        .and_then(|e| format_entry_time(e, tz))
}

fn looks_like_offset(text: &str) -> bool {
    let Some(time_part) = text.get(10..) else {
        return false;
    };
    time_part.ends_with(['Z', 'z'])
        || time_part.contains('+')
        || time_part.get(1..).is_some_and(|t| t.contains('-'))
}

/// Shows a moment in `tz` as `2026-03-12 14:02` (seconds only when not zero).
pub fn format_time(moment: &Moment, tz: &TimeZone) -> String {
    let zoned = moment.in_zone(tz);
    if zoned.second() == 0 && zoned.subsec_nanosecond() == 0 {
        zoned.strftime("%Y-%m-%d %H:%M").to_string()
    } else {
        zoned.strftime("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// Shows a moment in `tz` as `14:02` (seconds only when not zero).
pub fn format_clock(moment: &Moment, tz: &TimeZone) -> String {
    let full = format_time(moment, tz);
    full.get(11..).unwrap_or(&full).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn london() -> TimeZone {
        zone("Europe/London")
    }

    #[test]
    fn clock_time_uses_the_reference_date_in_the_zone() {
        // London is on BST (+01:00) in July.
        let m = parse_time("14:02", &london(), date(2026, 7, 1)).unwrap();
        assert_eq!(m.to_string(), "2026-07-01T13:02:00Z");
        let m = parse_time("14:02:30", &london(), date(2026, 1, 5)).unwrap();
        assert_eq!(m.to_string(), "2026-01-05T14:02:30Z");
    }

    #[test]
    fn date_and_time_in_the_zone() {
        let m = parse_time(
            "2026-03-12 14:02",
            &zone("America/New_York"),
            date(2000, 1, 1),
        )
        .unwrap();
        assert_eq!(m.to_string(), "2026-03-12T18:02:00Z");
        let m = parse_time("2026-03-12T14:02", &TimeZone::UTC, date(2000, 1, 1)).unwrap();
        assert_eq!(m.to_string(), "2026-03-12T14:02:00Z");
    }

    #[test]
    fn a_date_alone_is_its_midnight_not_a_crash() {
        let m = parse_time("2099-01-01", &london(), date(2000, 1, 1)).unwrap();
        assert_eq!(m.to_string(), "2099-01-01T00:00:00Z");
    }

    #[test]
    fn rfc3339_keeps_its_offset() {
        let m = parse_time("2026-03-12T14:02:00+01:00", &london(), date(2000, 1, 1)).unwrap();
        assert_eq!(m.to_string(), "2026-03-12T14:02:00+01:00");
        let m = parse_time("2026-03-12T14:02:00Z", &london(), date(2000, 1, 1)).unwrap();
        assert_eq!(m.to_string(), "2026-03-12T14:02:00Z");
    }

    #[test]
    fn daylight_saving_gap_resolves_forward() {
        // 01:30 does not exist in London on 2026-03-29; "compatible" moves it to 02:30 BST.
        let m = parse_time("01:30", &london(), date(2026, 3, 29)).unwrap();
        assert_eq!(m.to_string(), "2026-03-29T01:30:00Z");
    }

    #[test]
    fn bad_input_says_what_is_accepted() {
        for bad in [
            "",
            "25:00",
            "noon",
            "2026-02-30 10:00",
            "14h02",
            "2026-03-12T14:02+99:00",
        ] {
            let err = parse_time(bad, &london(), date(2026, 3, 12)).unwrap_err();
            assert!(!err.is_empty(), "{bad}");
        }
        let err = parse_time("noon", &london(), date(2026, 3, 12)).unwrap_err();
        assert!(err.contains("14:02"), "{err}");
    }

    #[test]
    fn formatting_shows_the_zone_local_time() {
        let m = Moment::parse_rfc3339("2026-07-01T13:02:00Z").unwrap();
        assert_eq!(format_time(&m, &london()), "2026-07-01 14:02");
        assert_eq!(format_clock(&m, &london()), "14:02");
        let m = Moment::parse_rfc3339("2026-07-01T13:02:05Z").unwrap();
        assert_eq!(format_clock(&m, &TimeZone::UTC), "13:02:05");
    }

    #[test]
    fn approximate_marks_are_split_off() {
        assert_eq!(split_approximate("~13:45"), ("13:45", true));
        assert_eq!(split_approximate(" ~ 13:45 "), ("13:45", true));
        assert_eq!(split_approximate("13:45?"), ("13:45", true));
        assert_eq!(
            split_approximate("2026-03-12 13:45"),
            ("2026-03-12 13:45", false)
        );
        let entry = crate::model::TimelineEntry {
            at: Some(Moment::parse_rfc3339("2026-07-01T13:02:00Z").unwrap()),
            approximate: true,
            ..Default::default()
        };
        assert_eq!(
            format_entry_time(&entry, &TimeZone::UTC).as_deref(),
            Some("~2026-07-01 13:02")
        );
    }

    #[test]
    fn unknown_zone_falls_back_to_utc() {
        assert_eq!(zone("Mars/Olympus"), TimeZone::UTC);
        assert_eq!(zone(""), TimeZone::UTC);
    }
}
