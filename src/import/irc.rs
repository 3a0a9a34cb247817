//! IRC logs: plain `YYYY-MM-DD HH:MM:SS <nick> text` lines, weechat's tab-separated logs
//! (`date time<TAB>nick<TAB>text`, `-->`/`<--` for joins and quits, ` *` for actions), and
//! irssi's (`HH:MM <nick> text` under `--- Log opened …`/`--- Day changed …` lines).
//! `* nick action` lines are entries with the action as the text; joins, parts, quits and
//! server notices are left out. Times are UTC unless `--tz` says otherwise.

use std::collections::HashMap;
use std::path::Path;

use jiff::civil::{Date, Time};

use super::clock::parse_clock;
use super::input::read_text;
use super::types::{
    Candidate, ImportError, Imported, Kind, Options, Reader, local_instant, stable_hash,
};

/// Reads IRC, weechat and irssi logs.
pub struct Irc;

impl Reader for Irc {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let text = read_text(path)?;
        // weechat names its logs `irc.libera.#channel.weechatlog`.
        let from_name = path.file_name().and_then(|n| n.to_str()).and_then(|n| {
            n.find('#').map(|i| {
                n[i..]
                    .trim_end_matches(".weechatlog")
                    .trim_end_matches(".log")
                    .to_string()
            })
        });
        Ok(parse(&text, options, from_name))
    }
}

/// True when the first lines of `text` look like an IRC log rather than a chat paste.
pub fn looks_like_irc(text: &str) -> bool {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .any(|line| {
            let line = line.trim_end();
            line.starts_with("--- Log opened")
                || line.starts_with("--- Day changed")
                || dated(line).is_some_and(|(_, _, rest)| {
                    let rest = rest.trim_start_matches('\t');
                    rest.starts_with('<')
                        || rest.starts_with("* ")
                        || rest.starts_with("-!-")
                        || rest.contains('\t')
                })
                || clocked(line).is_some_and(|(_, rest)| rest.starts_with('<'))
        })
}

/// `YYYY-MM-DD HH:MM[:SS]` (or with `T`) at the start, and the rest of the line.
fn dated(line: &str) -> Option<(Date, Time, &str)> {
    let date: Date = line.get(..10)?.parse().ok()?;
    let sep = line.as_bytes().get(10)?;
    if *sep != b' ' && *sep != b'T' {
        return None;
    }
    let rest = &line[11..];
    let end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let time = parse_clock(&rest[..end])?;
    let rest = &rest[end..];
    Some((date, time, rest.strip_prefix([' ', '\t']).unwrap_or(rest)))
}

/// `HH:MM[:SS]` or `[HH:MM[:SS]]` at the start, and the rest.
fn clocked(line: &str) -> Option<(Time, &str)> {
    let (clock, rest) = if let Some(inner) = line.strip_prefix('[') {
        inner.split_once(']')?
    } else {
        line.split_once(' ')?
    };
    Some((parse_clock(clock)?, rest.trim_start()))
}

/// The irssi date lines: `--- Log opened Tue Mar 12 14:00:00 2024`, `--- Day changed Tue
/// Mar 12 2024`.
fn irssi_date(line: &str) -> Option<Date> {
    let rest = line
        .strip_prefix("--- Log opened ")
        .or_else(|| line.strip_prefix("--- Day changed "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    // [weekday, month, day, (time,) year]
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| words.get(1).is_some_and(|w| w.starts_with(m)))?;
    let day: i8 = words.get(2)?.parse().ok()?;
    let year: i16 = words.last()?.parse().ok()?;
    Date::new(year, i8::try_from(month + 1).ok()?, day).ok()
}

/// What a message part (after the time) says.
enum Said<'a> {
    Message(&'a str, &'a str),
    Skip(&'static str),
}

fn strip_mode(nick: &str) -> &str {
    nick.trim().trim_start_matches(['@', '+', '%', '&', '~'])
}

fn said(rest: &str) -> Said<'_> {
    // weechat: prefix<TAB>message
    if let Some((prefix, message)) = rest.split_once('\t') {
        let prefix = prefix.trim();
        return match prefix {
            "-->" | "<--" => Said::Skip("joins, parts and quits"),
            "--" | "=!=" | "" => Said::Skip("server notices"),
            "*" => match message.split_once(' ') {
                Some((nick, action)) => Said::Message(strip_mode(nick), action),
                None => Said::Skip("server notices"),
            },
            nick => Said::Message(strip_mode(nick), message),
        };
    }
    if let Some(after) = rest.strip_prefix('<')
        && let Some((nick, text)) = after.split_once('>')
    {
        return Said::Message(strip_mode(nick), text.strip_prefix(' ').unwrap_or(text));
    }
    if let Some(action) = rest.strip_prefix("* ") {
        return match action.split_once(' ') {
            Some((nick, text)) => Said::Message(strip_mode(nick), text),
            None => Said::Skip("server notices"),
        };
    }
    let lower = rest.to_ascii_lowercase();
    if [
        "has joined",
        "has left",
        "has quit",
        "joined",
        "left",
        "quit",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && (rest.starts_with("-!-")
            || rest.starts_with("***")
            || rest.starts_with("-->")
            || rest.starts_with("<--"))
    {
        return Said::Skip("joins, parts and quits");
    }
    Said::Skip("server notices")
}

/// Reads an IRC log's text; `channel` names it when the log itself does not.
pub fn parse(text: &str, options: &Options<'_>, channel: Option<String>) -> Imported {
    let mut imported = Imported::default();
    let channel = options
        .channel
        .clone()
        .or(channel)
        .map(|c| format!("#{}", c.trim_start_matches('#')));
    let mut day = options.date;
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(date) = irssi_date(line) {
            day = date;
            continue;
        }
        if line.starts_with("---") {
            imported.skipped.add("server notices");
            continue;
        }
        let (date, time, rest) = match dated(line) {
            Some(parts) => parts,
            None => match clocked(line) {
                Some((time, rest)) => (day, time, rest),
                None => {
                    imported.skipped.add("lines that are not messages");
                    continue;
                }
            },
        };
        let (nick, message) = match said(rest) {
            Said::Message(nick, message) => (nick, message),
            Said::Skip(reason) => {
                imported.skipped.add(reason);
                continue;
            }
        };
        let Some(at) = local_instant(date, time, &options.tz) else {
            imported.skipped.add("times that do not exist in the zone");
            continue;
        };
        let key = stable_hash(&[&at.to_string(), nick, message]);
        let n = occurrences.entry(key.clone()).or_default();
        *n += 1;
        imported.entries.push(Candidate {
            at,
            actor: nick.to_string(),
            role: String::new(),
            channel: channel.clone(),
            text: message.to_string(),
            kind: Kind::Human,
            source: format!("irc:{}", stable_hash(&[&key, &n.to_string()])),
            milestone: None,
        });
    }
    imported.sort();
    imported
}
