//! Every field of the table read and written as the text a person edits.
//!
//! A [`Target`] names one editable value (a [`FieldPath`]); [`crate::model::fields`] says how
//! it is edited and where it lives. The functions here turn values into editable text and
//! back, with a clear message for input that cannot be stored. Such input is not lost: it is
//! kept in the incident's (or record's) `unparsed` table, shown with its error until fixed.

use jiff::civil::Date;

pub use crate::model::fields::{FieldId, Kind, RecordKind, section_fields};
use crate::model::fields::{Value, unparsed, unparsed_mut};
use crate::model::timeinput::{approx_mark, format_time, parse_time, split_approximate, zone};
use crate::model::{FieldPath, Incident, LocalDate};

/// One editable value of an incident.
pub type Target = FieldPath;

/// A timeline entry's time: the one time that may be approximate (`~14:02`).
const ENTRY_AT: FieldId = FieldId::named("timeline[].at");

fn entry_is_approximate(incident: &Incident, n: usize) -> bool {
    incident.timeline.get(n).is_some_and(|e| e.approximate)
}

/// Label and hint shown with a value (see [`FieldPath::label`]).
pub fn label(target: Target) -> (&'static str, &'static str) {
    target.label()
}

fn split_comma(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("`{text}` is not a number, e.g. 0.2 or 38")),
    }
}

/// The stored value as text (lists joined, times in the incident's zone); empty for kinds
/// that are not text.
pub fn text_of(incident: &Incident, target: Target) -> String {
    let n = target.record;
    let def = target.field.def();
    match def.value {
        Value::Text(get, _) => get(incident, n).cloned().unwrap_or_default(),
        Value::List(get, _) => {
            let Some(items) = get(incident, n) else {
                return String::new();
            };
            match (def.kind, target.item) {
                (_, Some(i)) => items.get(i).cloned().unwrap_or_default(),
                (Kind::CommaList | Kind::Links, None) => items.join(", "),
                _ => items.join("\n"),
            }
        }
        Value::Time(get, _) => {
            let tz = zone(&incident.timezone);
            let mark = approx_mark(target.field == ENTRY_AT && entry_is_approximate(incident, n));
            get(incident, n)
                .copied()
                .flatten()
                .map(|m| format!("{mark}{}", format_time(&m, &tz)))
                .unwrap_or_default()
        }
        Value::Date(get, _) => get(incident, n)
            .copied()
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Value::Number(get, _) => get(incident, n)
            .copied()
            .flatten()
            .map(|v| v.to_string())
            .unwrap_or_default(),
        Value::Toggle(..) | Value::Choice(_) | Value::Derived => String::new(),
    }
}

/// Text typed into `target` that could not be stored, if any (see [`set_text`]).
pub fn unparsed_text(incident: &Incident, target: Target) -> Option<&str> {
    let def = target.field.def();
    if !def.kind.is_parsed() {
        return None;
    }
    unparsed(incident, def.record, target.record)?
        .get(def.key())
        .map(String::as_str)
}

/// Every value holding text that could not be stored, in table order.
pub fn unparsed_targets(incident: &Incident) -> Vec<Target> {
    crate::model::path::unparsed_values(incident)
        .into_iter()
        .map(|(target, _)| target)
        .collect()
}

/// Why the kept text of `target` cannot be stored, if it holds such text.
pub fn unparsed_error(incident: &Incident, target: Target) -> Option<String> {
    let text = unparsed_text(incident, target)?;
    let mut copy = incident.clone();
    let date = reference_date(incident, target.record, Date::constant(2000, 1, 1));
    Some(match parse_into(&mut copy, target, text, date) {
        Err(message) => message,
        // It parses now (the reference date changed): it is stored when next edited.
        Ok(()) => "not stored yet: edit and finish the field to store it".into(),
    })
}

/// The text a person edits: kept unparsed text first, else the stored value.
pub fn edit_text(incident: &Incident, target: Target) -> String {
    unparsed_text(incident, target)
        .map(str::to_string)
        .unwrap_or_else(|| text_of(incident, target))
}

/// Stores edited text into the field.
///
/// `today` dates a clock time typed without a date when the entry has none yet. Text that
/// cannot be stored (a bad time, date, number or time zone) is kept as typed in the
/// `unparsed` table beside the value, which keeps its previous value; storing a good value
/// removes the kept text.
///
/// # Errors
/// A message for text the field cannot hold (then kept as described), or for an empty
/// title (then nothing changes).
pub fn set_text(
    incident: &mut Incident,
    target: Target,
    text: &str,
    today: Date,
) -> Result<(), String> {
    let def = target.field.def();
    let reference = reference_date(incident, target.record, today);
    let result = parse_into(incident, target, text, reference);
    if def.kind.is_parsed()
        && let Some(map) = unparsed_mut(incident, def.record, target.record)
    {
        match &result {
            Ok(()) => {
                map.remove(def.key());
            }
            Err(_) => {
                map.insert(def.key().to_string(), text.trim().to_string());
            }
        }
    }
    result
}

fn parse_into(
    incident: &mut Incident,
    target: Target,
    text: &str,
    reference: Date,
) -> Result<(), String> {
    let n = target.record;
    let def = target.field.def();
    let line = text.trim().to_string();
    match def.value {
        Value::Text(_, get_mut) => {
            if def.required && line.is_empty() {
                return Err(format!("the {} cannot be empty", def.label.to_lowercase()));
            }
            if def.kind == Kind::Zone && !line.is_empty() && jiff::tz::TimeZone::get(&line).is_err()
            {
                return Err(format!(
                    "unknown time zone `{line}`: use an IANA name such as Europe/London"
                ));
            }
            let value = if def.kind == Kind::Multi {
                text.trim_end().to_string()
            } else {
                line
            };
            if let Some(slot) = get_mut(incident, n) {
                *slot = value;
            }
        }
        Value::List(_, get_mut) => {
            let Some(items) = get_mut(incident, n) else {
                return Ok(());
            };
            match target.item {
                Some(i) => {
                    // An emptied answer stays while it is edited; closing the editor drops it.
                    let answer = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    match items.get_mut(i) {
                        Some(item) => *item = answer,
                        None => items.push(answer),
                    }
                }
                None if def.kind == Kind::CommaList => *items = split_comma(text),
                None => *items = split_lines(text),
            }
        }
        Value::Time(_, get_mut) => {
            let tz = zone(&incident.timezone);
            let (time, approximate) = split_approximate(&line);
            if approximate && target.field != ENTRY_AT {
                return Err(format!(
                    "`{line}`: only a timeline entry's time can be approximate (~)"
                ));
            }
            let value = if time.is_empty() {
                None
            } else {
                Some(parse_time(time, &tz, reference)?)
            };
            if let Some(slot) = get_mut(incident, n) {
                *slot = value;
            }
            if target.field == ENTRY_AT
                && let Some(entry) = incident.timeline.get_mut(n)
            {
                entry.approximate = approximate && value.is_some();
            }
        }
        Value::Date(_, get_mut) => {
            let value = if line.is_empty() {
                None
            } else {
                Some(LocalDate::parse(text)?)
            };
            if let Some(slot) = get_mut(incident, n) {
                *slot = value;
            }
        }
        Value::Number(_, get_mut) => {
            let value = parse_number(text)?;
            if let Some(slot) = get_mut(incident, n) {
                *slot = value;
            }
        }
        Value::Toggle(..) | Value::Choice(_) | Value::Derived => {}
    }
    Ok(())
}

/// The date a bare clock time (`14:02`) is read on: the entry's own date, else the nearest
/// earlier entry's, else the impact start's, else the id's date, else `today`; all in the
/// incident's zone.
pub fn reference_date(incident: &Incident, index: usize, today: Date) -> Date {
    let tz = zone(&incident.timezone);
    let own = incident.timeline.get(index).and_then(|e| e.at);
    let earlier = incident.timeline[..index.min(incident.timeline.len())]
        .iter()
        .rev()
        .find_map(|e| e.at);
    let any = incident.timeline.iter().find_map(|e| e.at);
    own.or(earlier)
        .or(any)
        .map(|m| m.in_zone(&tz).date())
        .or_else(|| crate::model::id::id_date(&incident.id))
        .unwrap_or(today)
}

/// The options of a choice field, as labels; index 0 is "(none)" where the field may be
/// empty. Empty for other kinds.
pub fn choice_labels(target: Target) -> Vec<&'static str> {
    match target.field.def().value {
        Value::Choice(c) => c.labels(),
        _ => Vec::new(),
    }
}

/// The index of the current value in [`choice_labels`].
pub fn choice_index(incident: &Incident, target: Target) -> usize {
    match target.field.def().value {
        Value::Choice(c) => c.index(incident, target.record),
        _ => 0,
    }
}

/// Sets a choice field to option `index` of [`choice_labels`]. Marking a timeline entry with
/// a key moment clears that moment from any other entry (one entry per moment).
pub fn set_choice(incident: &mut Incident, target: Target, index: usize) {
    if let Value::Choice(c) = target.field.def().value {
        c.set(incident, target.record, index);
    }
}

/// The value of a toggle field.
pub fn toggle_value(incident: &Incident, target: Target) -> bool {
    match target.field.def().value {
        Value::Toggle(get, _) => get(incident, target.record).copied().unwrap_or(false),
        _ => false,
    }
}

/// Flips a toggle field.
pub fn toggle(incident: &mut Incident, target: Target) {
    if let Value::Toggle(_, get_mut) = target.field.def().value
        && let Some(flag) = get_mut(incident, target.record)
    {
        *flag = !*flag;
    }
}

/// A short, one-line display of any field's value (for forms and lists); kept unparsed text
/// shows as typed.
pub fn display_value(incident: &Incident, target: Target) -> String {
    let def = target.field.def();
    match def.kind {
        Kind::Choice => choice_labels(target)
            .get(choice_index(incident, target))
            .copied()
            .unwrap_or("")
            .to_string(),
        Kind::Toggle => {
            if toggle_value(incident, target) {
                "[x] yes".into()
            } else {
                "[ ] no".into()
            }
        }
        Kind::Links => match def.record {
            Some(RecordKind::Factor) => incident
                .factors
                .get(target.record)
                .map(|f| {
                    crate::analysis::addressing_actions(incident, &f.id)
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            _ => text_of(incident, target),
        },
        _ => edit_text(incident, target),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldId, Incident, TimelineEntry};

    const AT: FieldId = FieldId::named("timeline[].at");

    #[test]
    fn text_that_does_not_parse_is_kept_beside_the_value() {
        let mut inc = Incident {
            id: "2026-03-12-x".into(),
            title: "x".into(),
            ..Incident::default()
        };
        inc.timeline.push(TimelineEntry::default());
        let target = FieldPath::record(AT, 0);
        let today = Date::constant(2026, 3, 12);
        assert!(set_text(&mut inc, target, "yesterday", today).is_err());
        assert_eq!(unparsed_text(&inc, target), Some("yesterday"));
        assert_eq!(edit_text(&inc, target), "yesterday");
        assert!(unparsed_error(&inc, target).is_some());
        assert_eq!(unparsed_targets(&inc), vec![target]);
        assert!(set_text(&mut inc, target, "14:02", today).is_ok());
        assert_eq!(unparsed_text(&inc, target), None);
        assert_eq!(edit_text(&inc, target), "2026-03-12 14:02");
    }

    #[test]
    fn an_approximate_time_is_stored_with_its_flag_and_shown_with_a_tilde() {
        let mut inc = Incident {
            id: "2026-03-12-x".into(),
            title: "x".into(),
            ..Incident::default()
        };
        inc.timeline.push(TimelineEntry::default());
        let target = FieldPath::record(AT, 0);
        let today = Date::constant(2026, 3, 12);
        for typed in ["~13:45", "13:45?"] {
            set_text(&mut inc, target, typed, today).unwrap();
            assert!(inc.timeline[0].approximate, "{typed}");
            assert_eq!(edit_text(&inc, target), "~2026-03-12 13:45");
        }
        set_text(&mut inc, target, "2026-03-12 13:45", today).unwrap();
        assert!(!inc.timeline[0].approximate);
        assert_eq!(edit_text(&inc, target), "2026-03-12 13:45");
        // Other times cannot be approximate: kept as typed with the reason.
        inc.monitoring.metrics.push(crate::model::Metric::default());
        let from = FieldPath::record(FieldId::named("monitoring.metrics[].compare_from"), 0);
        assert!(set_text(&mut inc, from, "~13:45", today).is_err());
        assert_eq!(unparsed_text(&inc, from), Some("~13:45"));
    }
}
