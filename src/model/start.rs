//! When a new incident started, as typed in the new-incident prompt: `14:02`, `yesterday
//! 23:10`, `2026-11-30 09:15`, a date alone, or nothing (now). It dates the incident's id,
//! so an incident written up the next day still gets the day it happened.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::moment::Moment;
use super::timeinput::{parse_time, split_approximate};

/// A typed start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Start {
    /// The day it started, in the zone it was typed in: the id's date.
    pub date: Date,
    /// When impact started, unless only a date was typed.
    pub at: Option<Moment>,
    /// The time is a guess (`~14:02`, `14:02?`).
    pub approximate: bool,
}

/// A start later than this after `now` is refused as a typo.
const SLACK: SignedDuration = SignedDuration::from_mins(5);

/// Reads a typed start in `tz` against `now`; `Ok(None)` when nothing was typed (now).
///
/// * `14:02`: today, or yesterday when 14:02 today is still to come;
/// * `today 14:02`, `yesterday 23:10`;
/// * `2026-11-30 09:15`, or RFC 3339 with an offset;
/// * `2026-11-30`: that day, no time;
/// * any of the times with `~` before or `?` after: approximate.
///
/// # Errors
/// A short message saying which forms are accepted, or that the time is in the future.
pub fn parse_start(input: &str, tz: &TimeZone, now: Timestamp) -> Result<Option<Start>, String> {
    let (text, approximate) = split_approximate(input);
    if text.is_empty() {
        return if approximate {
            Err("`~` needs a time after it, e.g. ~14:02".into())
        } else {
            Ok(None)
        };
    }
    let today = now.to_zoned(tz.clone()).date();
    let yesterday = today.yesterday().map_err(|e| e.to_string())?;
    let lower = text.to_lowercase();
    let relative = [("yesterday", yesterday), ("today", today)]
        .into_iter()
        .find_map(|(word, day)| {
            lower
                .strip_prefix(word)
                .map(|rest| (word, day, rest.trim()))
        });
    let at = if let Some((word, day, rest)) = relative {
        if rest.is_empty() || rest.parse::<Time>().is_err() {
            return Err(format!("`{text}`: say the time too, e.g. {word} 23:10"));
        }
        parse_time(rest, tz, day)?
    } else if text.len() == 10
        && let Ok(date) = text.parse::<Date>()
    {
        return Ok(Some(Start {
            date,
            at: None,
            approximate: false,
        }));
    } else if !text.contains('-') && text.parse::<Time>().is_ok() {
        let on_today = parse_time(text, tz, today)?;
        if on_today.timestamp > now.checked_add(SLACK).unwrap_or(now) {
            parse_time(text, tz, yesterday)?
        } else {
            on_today
        }
    } else {
        parse_time(text, tz, today).map_err(|_| {
            format!(
                "`{text}` is not a time: type 14:02, yesterday 23:10 or 2026-11-30 09:15 \
                 (empty is now)"
            )
        })?
    };
    if at.timestamp > now.checked_add(SLACK).unwrap_or(now) {
        return Err(format!("`{text}` is in the future"));
    }
    Ok(Some(Start {
        date: at.in_zone(tz).date(),
        at: Some(at),
        approximate,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn now() -> Timestamp {
        "2026-12-01T08:30:00Z".parse().unwrap()
    }

    fn start(text: &str) -> Start {
        parse_start(text, &TimeZone::UTC, now())
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .unwrap_or_else(|| panic!("{text}: no start"))
    }

    #[test]
    fn nothing_typed_is_now() {
        assert_eq!(parse_start("  ", &TimeZone::UTC, now()), Ok(None));
    }

    #[test]
    fn a_clock_time_is_today_or_yesterday_when_still_to_come() {
        let s = start("07:45");
        assert_eq!(s.date, date(2026, 12, 1));
        assert_eq!(s.at.unwrap().to_string(), "2026-12-01T07:45:00Z");
        let s = start("23:10");
        assert_eq!(s.date, date(2026, 11, 30));
        assert_eq!(s.at.unwrap().to_string(), "2026-11-30T23:10:00Z");
    }

    #[test]
    fn yesterday_today_and_dates() {
        assert_eq!(
            start("yesterday 23:10").at.unwrap().to_string(),
            "2026-11-30T23:10:00Z"
        );
        assert_eq!(
            start("Today 08:00").at.unwrap().to_string(),
            "2026-12-01T08:00:00Z"
        );
        let s = start("2026-11-28 09:15");
        assert_eq!(s.date, date(2026, 11, 28));
        assert_eq!(s.at.unwrap().to_string(), "2026-11-28T09:15:00Z");
        let s = start("2026-11-28");
        assert_eq!((s.date, s.at), (date(2026, 11, 28), None));
    }

    #[test]
    fn approximate_starts_keep_the_mark() {
        let s = start("~yesterday 23:10");
        assert!(s.approximate);
        assert_eq!(s.date, date(2026, 11, 30));
        assert!(start("06:00?").approximate);
        assert!(!start("06:00").approximate);
    }

    #[test]
    fn the_zone_decides_the_day() {
        // 08:30Z is 09:30 in Paris; 23:10 there is still the previous evening.
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let s = parse_start("23:10", &paris, now()).unwrap().unwrap();
        assert_eq!(s.date, date(2026, 11, 30));
        assert_eq!(s.at.unwrap().to_string(), "2026-11-30T22:10:00Z");
    }

    #[test]
    fn bad_and_future_starts_say_why() {
        for bad in [
            "yesterday",
            "noon",
            "2026-13-01 10:00",
            "2027-01-01 10:00",
            "~",
        ] {
            let err = parse_start(bad, &TimeZone::UTC, now()).unwrap_err();
            assert!(!err.is_empty(), "{bad}");
        }
        let err = parse_start("noon", &TimeZone::UTC, now()).unwrap_err();
        assert!(err.contains("yesterday 23:10"), "{err}");
        let err = parse_start("2027-01-01 10:00", &TimeZone::UTC, now()).unwrap_err();
        assert!(err.contains("future"), "{err}");
    }
}
