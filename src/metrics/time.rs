//! Time cells of metric files: RFC 3339, naive `YYYY-MM-DD HH:MM:SS` in a zone, or epoch
//! seconds or milliseconds.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Numbers at or above this are epoch milliseconds, below it epoch seconds (1e11 seconds is
/// the year 5138; 1e11 ms is March 1973).
const MILLIS_FROM: f64 = 1e11;

/// Reads a time cell as milliseconds since the epoch.
///
/// Accepted: RFC 3339 (`2014-02-07T14:55:00Z`, `…+01:00`, a space for `T`); a naive
/// `YYYY-MM-DD HH:MM[:SS[.fff]]` (or with `T`), read in `tz` (a local time that falls in a
/// daylight-saving gap or overlap resolves as RFC 5545 says); a number of epoch seconds
/// (`1435781430.781`) or, from 1e11 on, epoch milliseconds. `None` for anything else.
pub fn parse_time(text: &str, tz: &TimeZone) -> Option<i64> {
    let text = text.trim();
    let first = *text.as_bytes().first()?;
    if first.is_ascii_digit() && text.len() >= 10 && text.as_bytes().get(4) == Some(&b'-') {
        return parse_date_time(text, tz);
    }
    let number: f64 = text.parse().ok()?;
    if !number.is_finite() || number < 0.0 {
        return None;
    }
    let millis = if number >= MILLIS_FROM {
        number
    } else {
        number * 1000.0
    };
    // Timestamps jiff can hold (up to the year 9999).
    (millis < 253_402_300_800_000.0).then(|| millis.round() as i64)
}

fn parse_date_time(text: &str, tz: &TimeZone) -> Option<i64> {
    // An offset after the date (`Z`, `+01:00`, `-05:00`) makes it an instant; otherwise it
    // is a civil time in `tz`. Deciding first saves a failed parse on every naive row.
    let after_date = text.get(10..).unwrap_or("");
    let has_offset = after_date.ends_with(['Z', 'z'])
        || after_date.contains('+')
        || after_date.contains('-')
        || after_date.contains('[');
    if has_offset {
        return text.parse::<Timestamp>().ok().map(|ts| ts.as_millisecond());
    }
    let civil: DateTime = text.parse().ok()?;
    if tz == &TimeZone::UTC {
        return civil
            .to_zoned(TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp().as_millisecond());
    }
    let zoned = tz.to_ambiguous_zoned(civil).compatible().ok()?;
    Some(zoned.timestamp().as_millisecond())
}

/// True when `text` reads as a time that is not a bare number (a date is written in it).
pub fn is_date_time(text: &str, tz: &TimeZone) -> bool {
    let t = text.trim();
    t.len() >= 10 && t.as_bytes().get(4) == Some(&b'-') && parse_time(t, tz).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(text: &str) -> i64 {
        text.parse::<Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn each_form_reads() {
        let utc = TimeZone::UTC;
        let london = TimeZone::get("Europe/London").unwrap();
        let t = ms("2014-07-01T12:00:00Z");
        assert_eq!(parse_time("2014-07-01T12:00:00Z", &utc), Some(t));
        assert_eq!(parse_time("2014-07-01T13:00:00+01:00", &utc), Some(t));
        assert_eq!(parse_time("2014-07-01 12:00:00Z", &utc), Some(t));
        assert_eq!(parse_time("2014-07-01T07:00:00-05:00", &london), Some(t));
        assert_eq!(parse_time("2014-07-01T12:00:00.000Z", &london), Some(t));
        assert_eq!(parse_time("2014-07-01 12:00:00", &utc), Some(t));
        assert_eq!(parse_time("2014-07-01 12:00", &utc), Some(t));
        assert_eq!(parse_time("2014-07-01 13:00:00", &london), Some(t));
        assert_eq!(parse_time("2014-07-01 12:00:00.000000", &utc), Some(t));
        assert_eq!(parse_time(&(t / 1000).to_string(), &utc), Some(t));
        assert_eq!(parse_time(&t.to_string(), &utc), Some(t));
        assert_eq!(parse_time("1404216000.5", &utc), Some(t + 500));
        for bad in [
            "",
            "value",
            "2014-13-01 00:00:00",
            "-5",
            "NaN",
            "1e300",
            "12:00",
        ] {
            assert_eq!(parse_time(bad, &utc), None, "{bad}");
        }
    }
}
