//! Slack workspace export reader (the admin "Export data" ZIP or its unpacked folder).
//!
//! Layout and fields: Slack Help Center "How to read Slack data exports"; message subtypes
//! from Slack's API documentation (`message` event subtypes). Times come from each message's
//! `ts` (epoch seconds as a string), never from the day file's name: exports split days on
//! the workspace's zone, not UTC.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::slack_archive::Archive;
use super::slack_text::to_plain;
use super::types::{Candidate, ImportError, Imported, Kind, Options, Reader};

/// Reads one channel of a Slack export.
pub struct Slack;

#[derive(Deserialize)]
struct Channel {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct User {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    is_bot: bool,
    #[serde(default)]
    profile: Option<Profile>,
}

#[derive(Default, Deserialize)]
struct Profile {
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Ts {
    Text(String),
    Number(f64),
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    subtype: Option<String>,
    #[serde(default)]
    ts: Option<Ts>,
    #[serde(default)]
    user: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    bot_id: Option<String>,
    #[serde(default)]
    bot_profile: Option<Profile>,
    #[serde(default)]
    user_profile: Option<Profile>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    attachments: Option<Vec<Attachment>>,
    #[serde(default)]
    files: Option<Vec<SharedFile>>,
    #[serde(default)]
    file: Option<SharedFile>,
    #[serde(default)]
    message: Option<Box<Message>>,
    #[serde(default)]
    deleted_ts: Option<Ts>,
    #[serde(default)]
    hidden: Option<bool>,
    #[serde(default)]
    comment: Option<Comment>,
}

/// The comment of a `file_comment` message (older exports): its author is here.
#[derive(Deserialize)]
struct Comment {
    #[serde(default)]
    user: Option<String>,
}

#[derive(Deserialize)]
struct Attachment {
    #[serde(default)]
    fallback: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    pretext: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    service_name: Option<String>,
}

#[derive(Deserialize)]
struct SharedFile {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// A person as retro names them: display name, else real name, else user name; and the
/// profile's title as their role.
struct Person {
    name: String,
    role: String,
    bot: bool,
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn person_name(
    profile: Option<&Profile>,
    real_name: &Option<String>,
    name: &Option<String>,
) -> Option<String> {
    profile
        .and_then(|p| nonempty(&p.display_name))
        .or_else(|| profile.and_then(|p| nonempty(&p.real_name)))
        .or_else(|| nonempty(real_name))
        .or_else(|| nonempty(name))
        .or_else(|| profile.and_then(|p| nonempty(&p.name)))
        .map(str::to_string)
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

/// `ts` as an instant and as the exact text (the message's id in its channel).
fn parse_ts(ts: &Ts) -> Option<(Timestamp, String)> {
    let text = match ts {
        Ts::Text(s) => s.trim().to_string(),
        Ts::Number(n) => format!("{n:.6}"),
    };
    let (secs, frac) = text.split_once('.').unwrap_or((&text, ""));
    let secs: i64 = secs.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let nanos: i32 = if digits.is_empty() {
        0
    } else {
        format!("{digits:0<9}").parse().ok()?
    };
    let at = Timestamp::new(secs, nanos).ok()?;
    Some((at, text))
}

/// The label of `…/services/B123|github` links in `bot_add` notices: a name for bots whose
/// messages carry only a `bot_id` (older exports).
fn bot_added_name(text: &str, bot_id: &str) -> Option<String> {
    let marker = format!("/services/{bot_id}|");
    let start = text.find(&marker)? + marker.len();
    let end = text[start..].find('>')? + start;
    Some(text[start..end].to_string())
}

impl Reader for Slack {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let mut archive = Archive::open(path)?;
        let channels = read_channels(&mut archive)?;
        let channel = choose_channel(
            &channels,
            options.channel.as_deref(),
            &archive.place("channels.json"),
        )?;
        let users = read_users(&mut archive)?;
        let files = archive.day_files(&channel.name)?;
        options
            .progress
            .total(files.iter().map(|(_, size)| size).sum());
        let mut messages = Vec::new();
        let mut done = 0;
        for (member, size) in &files {
            options.check_cancel()?;
            let place = archive.place(member);
            let Some(bytes) = archive.read(member)? else {
                continue;
            };
            let day: Vec<Message> =
                serde_json::from_slice(&bytes).map_err(|e| ImportError::json(&place, &e))?;
            messages.extend(day);
            done += size;
            options.progress.done(done);
        }
        Ok(build(&channel, &users, messages))
    }
}

fn read_channels(archive: &mut Archive) -> Result<Vec<Channel>, ImportError> {
    let mut channels = Vec::new();
    // Public channels, and private ones in "all conversations" exports.
    for member in ["channels.json", "groups.json"] {
        if let Some(bytes) = archive.read(member)? {
            let list: Vec<Channel> = serde_json::from_slice(&bytes)
                .map_err(|e| ImportError::json(&archive.place(member), &e))?;
            channels.extend(list);
        }
    }
    Ok(channels)
}

fn choose_channel<'a>(
    channels: &'a [Channel],
    wanted: Option<&str>,
    place: &str,
) -> Result<&'a Channel, ImportError> {
    let names = || {
        let mut names: Vec<String> = channels.iter().map(|c| format!("#{}", c.name)).collect();
        names.sort();
        names.join(", ")
    };
    match wanted {
        Some(wanted) => {
            let wanted = wanted.trim_start_matches('#');
            channels
                .iter()
                .find(|c| c.name == wanted || c.id == wanted)
                .ok_or_else(|| {
                    ImportError::at(
                        place,
                        format!("no channel #{wanted} in the export; there are: {}", names()),
                    )
                })
        }
        None => match channels {
            [only] => Ok(only),
            [] => Err(ImportError::at(place, "the export has no channels")),
            _ => Err(ImportError::at(
                place,
                format!(
                    "the export has {} channels; choose one with --channel: {}",
                    channels.len(),
                    names()
                ),
            )),
        },
    }
}

fn read_users(archive: &mut Archive) -> Result<HashMap<String, Person>, ImportError> {
    let mut people = HashMap::new();
    // Enterprise Grid exports name the file org_users.json.
    for member in ["users.json", "org_users.json"] {
        let Some(bytes) = archive.read(member)? else {
            continue;
        };
        let users: Vec<User> = serde_json::from_slice(&bytes)
            .map_err(|e| ImportError::json(&archive.place(member), &e))?;
        for user in users {
            let name = person_name(user.profile.as_ref(), &user.real_name, &user.name)
                .unwrap_or_else(|| user.id.clone());
            let role = user
                .profile
                .as_ref()
                .and_then(|p| nonempty(&p.title))
                .unwrap_or("")
                .to_string();
            people.insert(
                user.id,
                Person {
                    name,
                    role,
                    bot: user.is_bot,
                },
            );
        }
        break;
    }
    Ok(people)
}

fn build(channel: &Channel, users: &HashMap<String, Person>, messages: Vec<Message>) -> Imported {
    let mut imported = Imported::default();
    let name_of = |id: &str| users.get(id).map(|p| p.name.clone());
    // Edits and deletions may come in wrappers; the last wrapper for a message wins.
    let mut edits: HashMap<String, String> = HashMap::new();
    let mut deleted: HashSet<String> = HashSet::new();
    let mut bot_names: HashMap<String, String> = HashMap::new();
    for message in &messages {
        match message.subtype.as_deref() {
            Some("message_changed") => {
                if let Some(inner) = &message.message
                    && let Some((_, ts)) = inner.ts.as_ref().and_then(parse_ts)
                {
                    edits.insert(ts, inner.text.clone().unwrap_or_default());
                }
            }
            Some("message_deleted") => {
                if let Some((_, ts)) = message.deleted_ts.as_ref().and_then(parse_ts) {
                    deleted.insert(ts);
                }
            }
            Some("bot_add") => {
                if let (Some(id), Some(text)) = (&message.bot_id, &message.text)
                    && let Some(name) = bot_added_name(text, id)
                {
                    bot_names.insert(id.clone(), name);
                }
            }
            _ => {}
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut entries: Vec<(Timestamp, Candidate)> = Vec::with_capacity(messages.len());
    for message in messages {
        let subtype = message.subtype.as_deref().unwrap_or("");
        if matches!(subtype, "message_changed") {
            imported
                .skipped
                .add("edit notices (the final text is kept)");
            continue;
        }
        if matches!(subtype, "message_deleted") {
            imported.skipped.add("deletion notices");
            continue;
        }
        if let Some(reason) = skip_reason(subtype) {
            imported.skipped.add(reason);
            continue;
        }
        if message.hidden == Some(true) {
            imported.skipped.add("hidden messages");
            continue;
        }
        let Some((at, ts)) = message.ts.as_ref().and_then(parse_ts) else {
            imported.skipped.add("messages without a time");
            continue;
        };
        if deleted.contains(&ts) {
            imported.skipped.add("deleted messages");
            continue;
        }
        if !seen.insert(ts.clone()) {
            imported.skipped.add("duplicates");
            continue;
        }
        let user_id = message
            .user
            .clone()
            .or_else(|| message.comment.as_ref().and_then(|c| c.user.clone()));
        let user = user_id.as_deref().and_then(|id| users.get(id));
        let is_bot = subtype == "bot_message"
            || (user_id.is_none() && message.bot_id.is_some())
            || user.is_some_and(|u| u.bot);
        let raw = edits
            .get(&ts)
            .cloned()
            .or(message.text.clone())
            .unwrap_or_default();
        let mut text = to_plain(raw.trim(), &name_of);
        let attachments = message.attachments.as_deref().unwrap_or(&[]);
        if text.trim().is_empty()
            && let Some(first) = attachments.first()
        {
            let pick = nonempty(&first.fallback)
                .or_else(|| nonempty(&first.title))
                .or_else(|| nonempty(&first.pretext))
                .or_else(|| nonempty(&first.text))
                .unwrap_or("");
            text = to_plain(pick, &name_of);
        }
        // A comment on a file names the file in its text already.
        let shared = if subtype == "file_comment" {
            None
        } else {
            message.file.as_ref()
        };
        for file in message.files.iter().flatten().chain(shared) {
            if let Some(name) = nonempty(&file.name).or_else(|| nonempty(&file.title)) {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&format!("[file: {name}]"));
            }
        }
        let (actor, role) = if is_bot && user.is_none() {
            let name = nonempty(&message.username)
                .map(str::to_string)
                .or_else(|| {
                    message
                        .bot_profile
                        .as_ref()
                        .and_then(|p| nonempty(&p.name).map(str::to_string))
                })
                .or_else(|| {
                    message
                        .bot_id
                        .as_ref()
                        .and_then(|id| bot_names.get(id).cloned())
                })
                .or_else(|| {
                    attachments
                        .iter()
                        .find_map(|a| nonempty(&a.service_name).map(str::to_string))
                })
                .or_else(|| message.bot_id.as_ref().map(|id| format!("bot {id}")))
                .unwrap_or_else(|| "bot".to_string());
            (name, String::new())
        } else if let Some(person) = user {
            (person.name.clone(), person.role.clone())
        } else {
            // A user missing from users.json (a deleted account): the message's own copy of
            // the profile, else the id.
            let name = person_name(message.user_profile.as_ref(), &None, &None)
                .or_else(|| user_id.clone())
                .unwrap_or_else(|| "unknown".to_string());
            (name, String::new())
        };
        entries.push((
            at,
            Candidate {
                at: Timestamp::from_second(at.as_second()).unwrap_or(at),
                actor,
                role,
                channel: Some(format!("#{}", channel.name)),
                text,
                kind: if is_bot { Kind::Bot } else { Kind::Human },
                source: format!("slack:{}:{ts}", channel.id),
                milestone: None,
            },
        ));
    }
    entries.sort_by_key(|(at, _)| *at);
    imported.entries = entries.into_iter().map(|(_, c)| c).collect();
    imported
}
