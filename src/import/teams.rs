//! Microsoft Teams messages as Microsoft Graph returns them (`chatMessage` resources in
//! `{"value": [...]}`, from `/teams/{id}/channels/{id}/messages`, `/chats/{id}/messages`,
//! with replies in the same array or nested under `replies` by `$expand=replies`). HTML
//! bodies become text with `<at>` mentions as `@Name`; system events and deleted messages
//! are left out.

use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::html_text::to_text;
use super::input::{open, shown};
use super::types::{Candidate, ImportError, Imported, Kind, Options, Reader};

/// Reads Teams messages.
pub struct Teams;

#[derive(Deserialize)]
struct Page {
    value: Vec<Message>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Message {
    #[serde(default)]
    id: String,
    #[serde(default)]
    message_type: Option<String>,
    #[serde(default)]
    created_date_time: Option<String>,
    #[serde(default)]
    deleted_date_time: Option<String>,
    #[serde(default)]
    from: Option<From>,
    #[serde(default)]
    body: Option<Body>,
    #[serde(default)]
    replies: Option<Vec<Message>>,
}

#[derive(Deserialize)]
struct From {
    #[serde(default)]
    user: Option<Identity>,
    #[serde(default)]
    application: Option<Identity>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Identity {
    #[serde(default)]
    display_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    content: Option<String>,
}

impl Reader for Teams {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let place = shown(path);
        let (reader, _) = open(path)?;
        let page: Page =
            serde_json::from_reader(reader).map_err(|e| ImportError::json(&place, &e))?;
        let mut imported = Imported::default();
        let channel = options
            .channel
            .as_ref()
            .map(|c| format!("#{}", c.trim_start_matches('#')));
        let mut stack: Vec<Message> = page.value;
        stack.reverse();
        let mut seen = std::collections::HashSet::new();
        while let Some(mut message) = stack.pop() {
            if let Some(replies) = message.replies.take() {
                stack.extend(replies.into_iter().rev());
            }
            if message
                .message_type
                .as_deref()
                .is_some_and(|t| t != "message")
            {
                imported.skipped.add("system events");
                continue;
            }
            if message.deleted_date_time.is_some() {
                imported.skipped.add("deleted messages");
                continue;
            }
            if !seen.insert(message.id.clone()) {
                imported.skipped.add("duplicates");
                continue;
            }
            let when = message.created_date_time.as_deref().unwrap_or("");
            let at: Timestamp = when.parse().map_err(|_| {
                ImportError::at(
                    &place,
                    format!(
                        "message {}: `createdDateTime` {when:?} is not an ISO 8601 time",
                        message.id
                    ),
                )
            })?;
            let from = message.from.as_ref();
            let name = |i: &Option<Identity>| {
                i.as_ref()
                    .and_then(|i| i.display_name.as_deref())
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
            };
            let (actor, kind) = match from {
                Some(f) if f.application.is_some() => (
                    name(&f.application).unwrap_or_else(|| "app".into()),
                    Kind::Bot,
                ),
                Some(f) => (
                    name(&f.user).unwrap_or_else(|| "unknown user".into()),
                    Kind::Human,
                ),
                None => ("unknown user".into(), Kind::Human),
            };
            let body = message.body.as_ref();
            let content = body.and_then(|b| b.content.as_deref()).unwrap_or("");
            let text = if body
                .and_then(|b| b.content_type.as_deref())
                .is_some_and(|t| t.eq_ignore_ascii_case("html"))
            {
                to_text(content)
            } else {
                content.trim().to_string()
            };
            imported.entries.push(Candidate {
                at: Timestamp::from_second(at.as_second()).unwrap_or(at),
                actor,
                role: String::new(),
                channel: channel.clone(),
                text,
                kind,
                source: format!("teams:{}", message.id),
                milestone: None,
            });
        }
        imported.sort();
        Ok(imported)
    }
}
