//! Clock times as chat windows and logs write them: `14:05`, `14:05:30`, `2:05 PM`.

use jiff::civil::Time;

/// Reads `H:MM`, `HH:MM`, `HH:MM:SS`, each optionally followed by `AM`/`PM` (any case, with
/// or without a space). The whole text must be the time.
pub fn parse_clock(text: &str) -> Option<Time> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (clock, half) = if let Some(rest) = lower.strip_suffix("am") {
        (rest.trim_end(), Some(false))
    } else if let Some(rest) = lower.strip_suffix("pm") {
        (rest.trim_end(), Some(true))
    } else {
        (lower.as_str(), None)
    };
    let mut parts = clock.split(':');
    let hour = number(parts.next()?, 1, 2)?;
    let minute = number(parts.next()?, 2, 2)?;
    let second = match parts.next() {
        Some(s) => number(s, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match half {
        None => hour,
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    Time::new(
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()
}

fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_forms() {
        assert_eq!(parse_clock("14:05"), Time::new(14, 5, 0, 0).ok());
        assert_eq!(parse_clock("9:05:07"), Time::new(9, 5, 7, 0).ok());
        assert_eq!(parse_clock("2:05 PM"), Time::new(14, 5, 0, 0).ok());
        assert_eq!(parse_clock("12:01am"), Time::new(0, 1, 0, 0).ok());
        assert_eq!(parse_clock("25:00"), None);
        assert_eq!(parse_clock("14:5"), None);
        assert_eq!(parse_clock("14:05 x"), None);
    }
}
