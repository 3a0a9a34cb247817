//! Points in time and calendar dates as TOML stores them.
//!
//! FORMAT.md asks for TOML's own offset date-times and local dates (unquoted), and accepts a
//! quoted RFC 3339 string on reading. jiff's own serde support writes quoted strings, so these
//! types convert to and from [`toml::value::Datetime`] instead.

use std::fmt;

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use toml::value::{Datetime, Offset as TomlOffset};

/// An instant together with the UTC offset it was written with.
///
/// Keeping the offset means a hand-written `14:02:00+01:00` is written back unchanged.
/// Equality and ordering compare the instant only.
#[derive(Clone, Copy, Debug)]
pub struct Moment {
    /// The instant.
    pub timestamp: Timestamp,
    /// The offset from UTC the time is written with (zero writes `Z`).
    pub offset: Offset,
}

impl Moment {
    /// An instant written in UTC (`…Z`).
    pub fn utc(timestamp: Timestamp) -> Self {
        Moment {
            timestamp,
            offset: Offset::UTC,
        }
    }

    /// The instant seen in the given time zone.
    pub fn in_zone(&self, tz: &TimeZone) -> Zoned {
        self.timestamp.to_zoned(tz.clone())
    }

    /// Converts to a TOML offset date-time, keeping the written offset.
    pub fn to_toml(&self) -> Datetime {
        let dt = self.offset.to_datetime(self.timestamp);
        let seconds = self.offset.seconds();
        let offset = if seconds == 0 {
            TomlOffset::Z
        } else {
            TomlOffset::Custom {
                minutes: (seconds / 60) as i16,
            }
        };
        Datetime {
            date: Some(toml_date(dt.date())),
            time: Some(toml::value::Time {
                hour: dt.hour() as u8,
                minute: dt.minute() as u8,
                second: dt.second() as u8,
                nanosecond: dt.subsec_nanosecond() as u32,
            }),
            offset: Some(offset),
        }
    }

    /// Converts from a TOML value, which must be a full offset date-time.
    ///
    /// # Errors
    /// A message when the value lacks a date, a time or an offset, or is out of range.
    pub fn from_toml(value: &Datetime) -> Result<Self, String> {
        let (Some(date), Some(time), Some(offset)) = (value.date, value.time, value.offset) else {
            return Err(format!(
                "`{value}` needs a date, a time and an offset, e.g. 2026-03-12T14:02:00Z"
            ));
        };
        let offset = match offset {
            TomlOffset::Z => Offset::UTC,
            TomlOffset::Custom { minutes } => Offset::from_seconds(i32::from(minutes) * 60)
                .map_err(|e| format!("bad offset in `{value}`: {e}"))?,
        };
        let civil = jiff::civil::DateTime::new(
            date.year as i16,
            date.month as i8,
            date.day as i8,
            time.hour as i8,
            time.minute as i8,
            time.second as i8,
            time.nanosecond as i32,
        )
        .map_err(|e| format!("bad date-time `{value}`: {e}"))?;
        let timestamp = offset
            .to_timestamp(civil)
            .map_err(|e| format!("bad date-time `{value}`: {e}"))?;
        Ok(Moment { timestamp, offset })
    }

    /// Parses RFC 3339 text such as `2026-03-12T14:02:00Z`.
    ///
    /// # Errors
    /// A message naming the text when it is not RFC 3339 with an offset.
    pub fn parse_rfc3339(text: &str) -> Result<Self, String> {
        let value: Datetime = text
            .trim()
            .parse()
            .map_err(|_| format!("`{text}` is not an RFC 3339 date-time"))?;
        Moment::from_toml(&value)
    }
}

impl PartialEq for Moment {
    fn eq(&self, other: &Self) -> bool {
        self.timestamp == other.timestamp
    }
}
impl Eq for Moment {}
impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Moment {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.timestamp.cmp(&other.timestamp)
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_toml())
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_toml().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match DatetimeOrString::deserialize(deserializer)? {
            DatetimeOrString::Datetime(dt) => Moment::from_toml(&dt).map_err(D::Error::custom),
            DatetimeOrString::String(s) => Moment::parse_rfc3339(&s).map_err(D::Error::custom),
        }
    }
}

/// A calendar date (`due = 2026-03-26`), stored as a TOML local date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate(pub Date);

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl LocalDate {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// A message naming the text when it is not a valid date.
    pub fn parse(text: &str) -> Result<Self, String> {
        text.trim()
            .parse::<Date>()
            .map(LocalDate)
            .map_err(|_| format!("`{}` is not a date like 2026-03-26", text.trim()))
    }
}

fn toml_date(date: Date) -> toml::value::Date {
    toml::value::Date {
        year: date.year() as u16,
        month: date.month() as u8,
        day: date.day() as u8,
    }
}

impl Serialize for LocalDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Datetime {
            date: Some(toml_date(self.0)),
            time: None,
            offset: None,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for LocalDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match DatetimeOrString::deserialize(deserializer)? {
            DatetimeOrString::Datetime(Datetime {
                date: Some(d),
                time: None,
                offset: None,
            }) => Date::new(d.year as i16, d.month as i8, d.day as i8)
                .map(LocalDate)
                .map_err(D::Error::custom),
            DatetimeOrString::Datetime(other) => Err(D::Error::custom(format!(
                "`{other}` must be a date alone, e.g. 2026-03-26"
            ))),
            DatetimeOrString::String(s) => LocalDate::parse(&s).map_err(D::Error::custom),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a TOML date-time or an RFC 3339 string")]
enum DatetimeOrString {
    Datetime(Datetime),
    String(String),
}
