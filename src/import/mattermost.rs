//! Mattermost bulk export (JSONL, as `mmctl export create` writes and the Mattermost docs
//! "Bulk loading data format" describe): one object per line, `version` first, then
//! `team`, `channel`, `user` and `post` lines. `create_at` is in milliseconds; a post's
//! `replies` are entries at their own times. Direct messages are left out. Read line by
//! line, so a large export is never held whole.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::input::{io_error, open, shown};
use super::types::{Candidate, ImportError, Imported, Kind, Options, Reader};

/// Reads one channel of a Mattermost export.
pub struct Mattermost;

#[derive(Deserialize)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    channel: Option<ChannelLine>,
    #[serde(default)]
    user: Option<UserLine>,
    #[serde(default)]
    post: Option<Post>,
}

#[derive(Deserialize)]
struct ChannelLine {
    name: String,
}

#[derive(Deserialize)]
struct UserLine {
    username: String,
    #[serde(default)]
    position: Option<String>,
}

#[derive(Deserialize)]
struct Post {
    #[serde(default)]
    team: String,
    channel: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    props: Option<Props>,
    create_at: i64,
    #[serde(default)]
    replies: Option<Vec<Reply>>,
}

#[derive(Deserialize)]
struct Reply {
    #[serde(default)]
    user: String,
    #[serde(default)]
    message: Option<String>,
    create_at: i64,
}

#[derive(Deserialize)]
struct Props {
    #[serde(default)]
    attachments: Option<Vec<Attachment>>,
    #[serde(default)]
    from_bot: Option<serde_json::Value>,
    #[serde(default)]
    from_webhook: Option<serde_json::Value>,
    #[serde(default)]
    override_username: Option<String>,
}

#[derive(Deserialize)]
struct Attachment {
    #[serde(default)]
    fallback: Option<String>,
    #[serde(default)]
    pretext: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    text: Option<String>,
}

fn truthy(value: &Option<serde_json::Value>) -> bool {
    match value {
        Some(serde_json::Value::Bool(b)) => *b,
        Some(serde_json::Value::String(s)) => s == "true",
        _ => false,
    }
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Reader for Mattermost {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let shown_path = shown(path);
        let (mut reader, len) = open(path)?;
        options.progress.total(len);
        let wanted = options
            .channel
            .as_deref()
            .map(|c| c.trim_start_matches('#').to_string());
        let mut channels: Vec<String> = Vec::new();
        let mut positions: HashMap<String, String> = HashMap::new();
        let mut chosen: Option<String> = None;
        let mut imported = Imported::default();
        let mut line = String::new();
        let mut number = 0usize;
        let mut done = 0u64;
        loop {
            line.clear();
            let read = reader
                .read_line(&mut line)
                .map_err(|e| io_error(&shown_path, &e))?;
            if read == 0 {
                break;
            }
            number += 1;
            done += read as u64;
            if number.is_multiple_of(4096) {
                options.check_cancel()?;
                options.progress.done(done);
            }
            if line.trim().is_empty() {
                continue;
            }
            let parsed: Line = serde_json::from_str(&line).map_err(|e| {
                let place = format!("{shown_path}:{number}");
                let err = ImportError::json(&place, &e);
                // serde_json counts lines within this one line; the file's line is `number`.
                match err {
                    ImportError::Bad { message, .. } => {
                        ImportError::at(format!("{place}:{}", e.column()), message)
                    }
                    other => other,
                }
            })?;
            if number == 1 && parsed.kind != "version" {
                return Err(ImportError::at(
                    format!("{shown_path}:1:1"),
                    "a Mattermost export starts with a `version` line",
                ));
            }
            match (
                parsed.kind.as_str(),
                parsed.channel,
                parsed.user,
                parsed.post,
            ) {
                ("channel", Some(channel), _, _) => channels.push(channel.name),
                ("user", _, Some(user), _) => {
                    if let Some(position) = nonempty(&user.position) {
                        positions.insert(user.username, position.to_string());
                    }
                }
                ("post", _, _, Some(post)) => {
                    let chosen = match &chosen {
                        Some(c) => c.clone(),
                        None => {
                            let c =
                                choose(&channels, wanted.as_deref(), &shown_path, &post.channel)?;
                            chosen = Some(c.clone());
                            c
                        }
                    };
                    if post.channel != chosen {
                        imported.skipped.add("other channels");
                        continue;
                    }
                    add_post(&mut imported, post, &positions)?;
                }
                ("direct_channel" | "direct_post", ..) => imported.skipped.add("direct messages"),
                _ => {}
            }
        }
        if chosen.is_none()
            && let Some(wanted) = &wanted
            && !channels.iter().any(|c| c == wanted)
        {
            return Err(no_channel(&shown_path, wanted, &channels));
        }
        // Roles may be listed after the posts that need them.
        for entry in &mut imported.entries {
            if entry.role.is_empty()
                && let Some(position) = positions.get(&entry.actor)
            {
                entry.role = position.clone();
            }
        }
        imported.sort();
        Ok(imported)
    }
}

fn no_channel(place: &str, wanted: &str, channels: &[String]) -> ImportError {
    let mut names: Vec<String> = channels.iter().map(|c| format!("#{c}")).collect();
    names.sort();
    ImportError::at(
        place,
        format!(
            "no channel #{wanted} in the export; there are: {}",
            names.join(", ")
        ),
    )
}

fn choose(
    channels: &[String],
    wanted: Option<&str>,
    place: &str,
    first_post: &str,
) -> Result<String, ImportError> {
    match wanted {
        Some(w) if channels.is_empty() || channels.iter().any(|c| c == w) => Ok(w.to_string()),
        Some(w) => Err(no_channel(place, w, channels)),
        None => match channels {
            [only] => Ok(only.clone()),
            [] => Ok(first_post.to_string()),
            _ => {
                let mut names: Vec<String> = channels.iter().map(|c| format!("#{c}")).collect();
                names.sort();
                Err(ImportError::at(
                    place,
                    format!(
                        "the export has {} channels; choose one with --channel: {}",
                        channels.len(),
                        names.join(", ")
                    ),
                ))
            }
        },
    }
}

fn millis(ms: i64) -> Option<Timestamp> {
    Timestamp::from_millisecond(ms).ok()
}

fn add_post(
    imported: &mut Imported,
    post: Post,
    positions: &HashMap<String, String>,
) -> Result<(), ImportError> {
    let props = post.props.as_ref();
    let bot = props.is_some_and(|p| truthy(&p.from_bot) || truthy(&p.from_webhook));
    let actor = props
        .and_then(|p| nonempty(&p.override_username))
        .unwrap_or(&post.user)
        .to_string();
    let mut text = post.message.clone().unwrap_or_default().trim().to_string();
    if text.is_empty()
        && let Some(first) = props
            .and_then(|p| p.attachments.as_ref())
            .and_then(|a| a.first())
    {
        text = nonempty(&first.fallback)
            .or_else(|| nonempty(&first.pretext))
            .or_else(|| nonempty(&first.title))
            .or_else(|| nonempty(&first.text))
            .unwrap_or("")
            .to_string();
    }
    let channel = format!("#{}", post.channel);
    let role = |user: &str| positions.get(user).cloned().unwrap_or_default();
    let Some(at) = millis(post.create_at) else {
        imported.skipped.add("messages without a valid time");
        return Ok(());
    };
    let key = format!(
        "mattermost:{}/{}:{}:{}",
        post.team, post.channel, post.create_at, post.user
    );
    imported.entries.push(Candidate {
        at,
        role: role(&post.user),
        actor,
        channel: Some(channel.clone()),
        text,
        kind: if bot { Kind::Bot } else { Kind::Human },
        source: key.clone(),
        milestone: None,
    });
    for reply in post.replies.into_iter().flatten() {
        let Some(at) = millis(reply.create_at) else {
            imported.skipped.add("messages without a valid time");
            continue;
        };
        imported.entries.push(Candidate {
            at,
            actor: reply.user.clone(),
            role: role(&reply.user),
            channel: Some(channel.clone()),
            text: reply.message.unwrap_or_default().trim().to_string(),
            kind: Kind::Human,
            source: format!("{key}/reply:{}:{}", reply.create_at, reply.user),
            milestone: None,
        });
    }
    Ok(())
}
