//! Slack messages (the day files' objects) to candidates: subtypes skipped or kept, markup
//! to text, edits, deletions, bot names and file shares (Slack API documentation, `message`
//! event and its subtypes).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use serde::Deserialize;

use super::slack_people::{Person, Profile, nonempty, person_name};
use super::slack_text::to_plain;
use super::types::{Candidate, Imported, Kind};

#[derive(Deserialize)]
#[serde(untagged)]
enum Ts<'a> {
    #[serde(borrow)]
    Text(Cow<'a, str>),
    Number(f64),
}

type Text<'a> = Option<Cow<'a, str>>;

#[derive(Deserialize)]
pub(super) struct Message<'a> {
    #[serde(default, borrow)]
    subtype: Text<'a>,
    #[serde(default, borrow)]
    ts: Option<Ts<'a>>,
    #[serde(default, borrow)]
    user: Text<'a>,
    #[serde(default, borrow)]
    username: Text<'a>,
    #[serde(default, borrow)]
    bot_id: Text<'a>,
    #[serde(default, borrow)]
    bot_profile: Option<BotProfile<'a>>,
    #[serde(default)]
    user_profile: Option<Profile>,
    #[serde(default, borrow)]
    text: Text<'a>,
    #[serde(default, borrow)]
    attachments: Option<Vec<Attachment<'a>>>,
    #[serde(default, borrow)]
    files: Option<Vec<SharedFile<'a>>>,
    #[serde(default, borrow)]
    file: Option<SharedFile<'a>>,
    #[serde(default, borrow)]
    message: Option<Box<Message<'a>>>,
    #[serde(default, borrow)]
    deleted_ts: Option<Ts<'a>>,
    #[serde(default)]
    hidden: Option<bool>,
    #[serde(default, borrow)]
    comment: Option<Comment<'a>>,
}

/// The comment of a `file_comment` message (older exports): its author is here.
#[derive(Deserialize)]
struct Comment<'a> {
    #[serde(default, borrow)]
    user: Text<'a>,
}

#[derive(Deserialize)]
struct BotProfile<'a> {
    #[serde(default, borrow)]
    name: Text<'a>,
}

#[derive(Deserialize)]
struct Attachment<'a> {
    #[serde(default, borrow)]
    fallback: Text<'a>,
    #[serde(default, borrow)]
    title: Text<'a>,
    #[serde(default, borrow)]
    pretext: Text<'a>,
    #[serde(default, borrow)]
    text: Text<'a>,
    #[serde(default, borrow)]
    service_name: Text<'a>,
}

#[derive(Deserialize)]
struct SharedFile<'a> {
    #[serde(default, borrow)]
    name: Text<'a>,
    #[serde(default, borrow)]
    title: Text<'a>,
}

/// Subtypes that never become entries, with the reason shown in the summary.
fn skip_reason(subtype: &str) -> Option<&'static str> {
    Some(match subtype {
        "channel_join" | "channel_leave" | "group_join" | "group_leave" => "joins and leaves",
        "channel_topic" | "channel_purpose" | "channel_name" | "group_topic" | "group_purpose"
        | "group_name" => "topic, purpose and name changes",
        "channel_archive" | "channel_unarchive" | "group_archive" | "group_unarchive" => {
            "archive notices"
        }
        "pinned_item" | "unpinned_item" => "pinned-item notices",
        "tombstone" => "deleted messages",
        "message_replied" => "thread notices",
        _ => return None,
    })
}

/// A message's `ts`: the instant, a key for lookups (seconds and the digits after the
/// point), and the exact text (the message's id in its channel).
struct Stamp {
    at: Timestamp,
    key: (i64, u32),
    text: String,
}

fn parse_ts(ts: &Ts<'_>) -> Option<Stamp> {
    let text = match ts {
        Ts::Text(s) => s.trim().to_string(),
        Ts::Number(n) => format!("{n:.6}"),
    };
    let (secs, frac) = text.split_once('.').unwrap_or((&text, ""));
    let secs: i64 = secs.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let nanos: u32 = if digits.is_empty() {
        0
    } else {
        format!("{digits:0<9}").parse().ok()?
    };
    let at = Timestamp::new(secs, i32::try_from(nanos).ok()?).ok()?;
    Some(Stamp {
        at,
        key: (secs, nanos),
        text,
    })
}

/// The label of `…/services/B123|github` links in `bot_add` notices: a name for bots whose
/// messages carry only a `bot_id` (older exports).
fn bot_added_name(text: &str, bot_id: &str) -> Option<String> {
    let marker = format!("/services/{bot_id}|");
    let start = text.find(&marker)? + marker.len();
    let end = text[start..].find('>')? + start;
    Some(text[start..end].to_string())
}

/// Turns messages into candidates as they are read, one day file at a time; edits,
/// deletions and bot names that arrive later are applied at the end.
pub(super) struct Builder<'u> {
    channel: String,
    channel_id: String,
    users: &'u HashMap<String, Person>,
    entries: Vec<(Timestamp, Candidate)>,
    by_ts: HashMap<(i64, u32), usize>,
    edits: HashMap<(i64, u32), String>,
    deleted: HashSet<(i64, u32)>,
    bot_names: HashMap<String, String>,
    unnamed_bots: Vec<(usize, String)>,
    file_notes: HashMap<usize, String>,
    skipped: super::types::Skipped,
}

impl<'u> Builder<'u> {
    /// A builder for channel `name` (id `id`), naming people from `users`.
    pub(super) fn new(name: &str, id: &str, users: &'u HashMap<String, Person>) -> Self {
        Builder {
            channel: format!("#{name}"),
            channel_id: id.to_string(),
            users,
            entries: Vec::new(),
            by_ts: HashMap::new(),
            edits: HashMap::new(),
            deleted: HashSet::new(),
            bot_names: HashMap::new(),
            unnamed_bots: Vec::new(),
            file_notes: HashMap::new(),
            skipped: super::types::Skipped::default(),
        }
    }

    fn render(&self, text: &str) -> String {
        to_plain(text, &|id| self.users.get(id).map(|p| p.name.clone()))
    }

    /// Takes one message of a day file.
    pub(super) fn add(&mut self, message: Message<'_>) {
        let subtype = message.subtype.as_deref().unwrap_or("");
        match subtype {
            "message_changed" => {
                if let Some(inner) = &message.message
                    && let Some(stamp) = inner.ts.as_ref().and_then(parse_ts)
                {
                    let text = inner.text.as_deref().unwrap_or("").to_string();
                    self.edits.insert(stamp.key, text);
                }
                self.skipped.add("edit notices (the final text is kept)");
                return;
            }
            "message_deleted" => {
                if let Some(stamp) = message.deleted_ts.as_ref().and_then(parse_ts) {
                    self.deleted.insert(stamp.key);
                }
                self.skipped.add("deletion notices");
                return;
            }
            "bot_add" => {
                if let (Some(id), Some(text)) = (&message.bot_id, &message.text)
                    && let Some(name) = bot_added_name(text, id)
                {
                    self.bot_names.insert(id.to_string(), name);
                }
            }
            _ => {}
        }
        if let Some(reason) = skip_reason(subtype) {
            self.skipped.add(reason);
            return;
        }
        if message.hidden == Some(true) {
            self.skipped.add("hidden messages");
            return;
        }
        let Some(stamp) = message.ts.as_ref().and_then(parse_ts) else {
            self.skipped.add("messages without a time");
            return;
        };
        if self.by_ts.contains_key(&stamp.key) {
            self.skipped.add("duplicates");
            return;
        }
        let user_id = message
            .user
            .as_deref()
            .or_else(|| message.comment.as_ref().and_then(|c| c.user.as_deref()));
        let users = self.users;
        let user = user_id.and_then(|id| users.get(id));
        let is_bot = subtype == "bot_message"
            || (user_id.is_none() && message.bot_id.is_some())
            || user.is_some_and(|u| u.bot);
        let mut text = self.render(message.text.as_deref().unwrap_or("").trim());
        let attachments = message.attachments.as_deref().unwrap_or(&[]);
        if text.trim().is_empty()
            && let Some(first) = attachments.first()
        {
            let pick = nonempty(&first.fallback)
                .or_else(|| nonempty(&first.title))
                .or_else(|| nonempty(&first.pretext))
                .or_else(|| nonempty(&first.text))
                .unwrap_or("");
            text = self.render(pick);
        }
        // A comment on a file names the file in its text already.
        let shared = if subtype == "file_comment" {
            None
        } else {
            message.file.as_ref()
        };
        let mut note = String::new();
        for file in message.files.iter().flatten().chain(shared) {
            if let Some(name) = nonempty(&file.name).or_else(|| nonempty(&file.title)) {
                if !note.is_empty() {
                    note.push(' ');
                }
                note.push_str(&format!("[file: {name}]"));
            }
        }
        let index = self.entries.len();
        if !note.is_empty() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&note);
            self.file_notes.insert(index, note);
        }
        let (actor, role) = if is_bot && user.is_none() {
            let name = nonempty(&message.username)
                .or_else(|| message.bot_profile.as_ref().and_then(|p| nonempty(&p.name)))
                .or_else(|| attachments.iter().find_map(|a| nonempty(&a.service_name)))
                .map(str::to_string);
            let name = match (name, message.bot_id.as_deref()) {
                (Some(name), _) => name,
                (None, Some(id)) => {
                    self.unnamed_bots.push((index, id.to_string()));
                    format!("bot {id}")
                }
                (None, None) => "bot".to_string(),
            };
            (name, String::new())
        } else if let Some(person) = user {
            (person.name.clone(), person.role.clone())
        } else {
            // A user missing from users.json (a deleted account): the message's own copy of
            // the profile, else the id.
            let name = person_name(message.user_profile.as_ref(), &None, &None)
                .or_else(|| user_id.map(str::to_string))
                .unwrap_or_else(|| "unknown".to_string());
            (name, String::new())
        };
        self.by_ts.insert(stamp.key, index);
        self.entries.push((
            stamp.at,
            Candidate {
                at: stamp.at,
                actor,
                role,
                channel: Some(self.channel.clone()),
                text,
                kind: if is_bot { Kind::Bot } else { Kind::Human },
                source: format!("slack:{}:{}", self.channel_id, stamp.text),
                milestone: None,
            },
        ));
    }

    /// The candidates, by time, with what was left out.
    pub(super) fn finish(mut self) -> Imported {
        for (key, raw) in std::mem::take(&mut self.edits) {
            if let Some(&index) = self.by_ts.get(&key) {
                let mut text = self.render(raw.trim());
                if let Some(note) = self.file_notes.get(&index) {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(note);
                }
                self.entries[index].1.text = text;
            }
        }
        for (index, bot_id) in std::mem::take(&mut self.unnamed_bots) {
            if let Some(name) = self.bot_names.get(&bot_id) {
                self.entries[index].1.actor = name.clone();
            }
        }
        let mut gone = vec![false; self.entries.len()];
        for key in &self.deleted {
            if let Some(&index) = self.by_ts.get(key) {
                gone[index] = true;
                self.skipped.add("deleted messages");
            }
        }
        let mut imported = Imported {
            skipped: self.skipped,
            ..Imported::default()
        };
        let mut entries: Vec<(Timestamp, Candidate)> = self
            .entries
            .into_iter()
            .zip(gone)
            .filter_map(|(entry, gone)| (!gone).then_some(entry))
            .collect();
        entries.sort_by_key(|(at, _)| *at);
        imported.entries = entries.into_iter().map(|(_, c)| c).collect();
        imported
    }
}
