//! Text copied from a chat window: `HH:MM Name: text`, `[HH:MM] Name: text`, or a
//! `Name  HH:MM` header line followed by the message (as Slack and Teams copy them). Lines
//! that match none of these continue the message above.
//!
//! A paste has no date or zone: its first time is on `options.date` in `options.tz`, and a
//! time earlier than the one before it means the next day.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::Time;

use super::clock::parse_clock;
use super::input::read_text;
use super::types::{
    Candidate, ImportError, Imported, Kind, Options, Reader, local_instant, stable_hash,
};

/// Reads pasted chat text.
pub struct Paste;

impl Reader for Paste {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let text = read_text(path)?;
        Ok(parse(&text, options))
    }
}

/// One line's meaning.
enum Line<'a> {
    /// A message with its time, sender and first line.
    Message(Time, &'a str, &'a str),
    /// `Name  HH:MM`: the lines below are this person's message.
    Header(&'a str, Time),
    /// Anything else.
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    let trimmed = line.trim();
    // `[HH:MM] Name: text`
    if let Some(rest) = trimmed.strip_prefix('[')
        && let Some((clock, after)) = rest.split_once(']')
        && let Some(time) = parse_clock(clock)
        && let Some((name, text)) = name_and_text(after)
    {
        return Line::Message(time, name, text);
    }
    // `HH:MM Name: text` (also `2:05 PM Name: text`)
    for split in [1usize, 2] {
        let mut pieces = trimmed.splitn(split + 1, ' ');
        let clock: Vec<&str> = pieces.by_ref().take(split).collect();
        if let Some(after) = pieces.next()
            && let Some(time) = parse_clock(&clock.join(" "))
            && let Some((name, text)) = name_and_text(after)
        {
            return Line::Message(time, name, text);
        }
    }
    // `Name  HH:MM` (two spaces or a tab before the time, as copied from a chat window)
    for sep in ["  ", "\t"] {
        if let Some((name, clock)) = trimmed.rsplit_once(sep)
            && let Some(time) = parse_clock(clock)
            && is_name(name.trim())
        {
            return Line::Header(name.trim(), time);
        }
    }
    Line::Text(line.trim_end())
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 60 && !name.contains(':')
}

fn name_and_text(after: &str) -> Option<(&str, &str)> {
    let (name, text) = after.split_once(':')?;
    let name = name.trim();
    (is_name(name) && !name.starts_with('<')).then_some((name, text.trim()))
}

/// A sender copied with Slack's `APP`/`BOT` badge is a bot; the badge is dropped.
fn actor_kind(name: &str) -> (String, Kind) {
    for badge in [" APP", " BOT", " (bot)"] {
        if let Some(stripped) = name.strip_suffix(badge) {
            return (stripped.trim().to_string(), Kind::Bot);
        }
    }
    (name.to_string(), Kind::Human)
}

/// Reads pasted text (also used for text pasted into the terminal UI).
pub fn parse(text: &str, options: &Options<'_>) -> Imported {
    let mut imported = Imported::default();
    let mut day = options.date;
    let mut last: Option<Time> = None;
    let mut current: Option<(Time, jiff::civil::Date, String, String)> = None;
    let mut pending_header: Option<(Time, jiff::civil::Date, String)> = None;
    let mut messages: Vec<(Time, jiff::civil::Date, String, String)> = Vec::new();
    let advance = |time: Time, last: &mut Option<Time>, day: &mut jiff::civil::Date| {
        if last.is_some_and(|before| time < before) {
            *day = day.tomorrow().unwrap_or(*day);
        }
        *last = Some(time);
        *day
    };
    for line in text.lines() {
        match classify(line) {
            Line::Message(time, name, first) => {
                messages.extend(current.take());
                pending_header = None;
                let date = advance(time, &mut last, &mut day);
                current = Some((time, date, name.to_string(), first.to_string()));
            }
            Line::Header(name, time) => {
                messages.extend(current.take());
                let date = advance(time, &mut last, &mut day);
                pending_header = Some((time, date, name.to_string()));
            }
            Line::Text(body) => {
                if let Some((time, date, name)) = pending_header.take() {
                    if body.trim().is_empty() {
                        pending_header = Some((time, date, name));
                    } else {
                        current = Some((time, date, name, body.trim().to_string()));
                    }
                } else if let Some((_, _, _, text)) = current.as_mut() {
                    if !text.is_empty() || !body.trim().is_empty() {
                        text.push('\n');
                        text.push_str(body);
                    }
                } else if !body.trim().is_empty() {
                    imported.skipped.add("lines before the first message");
                }
            }
        }
    }
    messages.extend(current);
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for (time, date, name, text) in messages {
        let text = text.trim_end().to_string();
        let Some(at) = local_instant(date, time, &options.tz) else {
            imported.skipped.add("times that do not exist in the zone");
            continue;
        };
        let (actor, kind) = actor_kind(&name);
        let key = stable_hash(&[&at.to_string(), &actor, &text]);
        let n = occurrences.entry(key.clone()).or_default();
        *n += 1;
        let source = format!("paste:{}", stable_hash(&[&key, &n.to_string()]));
        imported.entries.push(Candidate {
            at,
            actor,
            role: String::new(),
            channel: options
                .channel
                .as_ref()
                .map(|c| format!("#{}", c.trim_start_matches('#'))),
            text,
            kind,
            source,
            milestone: None,
        });
    }
    imported.sort();
    imported
}
