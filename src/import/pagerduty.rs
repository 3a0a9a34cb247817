//! PagerDuty log entries, as the REST API v2 returns them (`GET /incidents/{id}/log_entries`:
//! `{"log_entries": [...]}`). Triggers, acknowledgements, escalations, notes (annotate) and
//! resolves become entries; a trigger is a candidate for the *detected* key moment and a
//! resolve for *resolved*. Notifications, assignments and other entry types are left out.

use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::input::{open, shown};
use super::types::{Candidate, ImportError, Imported, Kind, Options, Reader};
use crate::model::Milestone;

/// Reads PagerDuty log entries.
pub struct PagerDuty;

#[derive(Deserialize)]
struct Log {
    log_entries: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    id: String,
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    agent: Option<Reference>,
    #[serde(default)]
    channel: Option<Reference>,
    #[serde(default)]
    event_details: Option<Details>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct Reference {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    summary: Option<String>,
}

#[derive(Deserialize)]
struct Details {
    #[serde(default)]
    description: Option<String>,
}

fn text(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Reader for PagerDuty {
    fn read(&self, path: &Path, _options: &Options<'_>) -> Result<Imported, ImportError> {
        let place = shown(path);
        let (reader, _) = open(path)?;
        let log: Log =
            serde_json::from_reader(reader).map_err(|e| ImportError::json(&place, &e))?;
        let mut imported = Imported::default();
        for entry in log.log_entries {
            let kind = entry.kind.trim_end_matches("_log_entry");
            let summary = text(&entry.summary).unwrap_or(kind);
            let channel_summary = entry.channel.as_ref().and_then(|c| text(&c.summary));
            let (body, milestone) = match kind {
                "trigger" => {
                    let what = entry
                        .event_details
                        .as_ref()
                        .and_then(|d| text(&d.description))
                        .or(channel_summary)
                        .unwrap_or(summary);
                    (format!("Triggered: {what}"), Some(Milestone::Detected))
                }
                "acknowledge" | "escalate" => (summary.to_string(), None),
                "annotate" => {
                    let note = text(&entry.note).or(channel_summary).unwrap_or(summary);
                    (format!("Note: {note}"), None)
                }
                "resolve" => {
                    let mut body = summary.to_string();
                    if let Some(note) = text(&entry.note) {
                        body.push_str(&format!(": {note}"));
                    }
                    (body, Some(Milestone::Resolved))
                }
                _ => {
                    imported
                        .skipped
                        .add("PagerDuty notifications, assignments and other entries");
                    continue;
                }
            };
            let created = text(&entry.created_at).unwrap_or("");
            let at: Timestamp = created.parse().map_err(|_| {
                ImportError::at(
                    &place,
                    format!(
                        "log entry {}: `created_at` {created:?} is not an ISO 8601 time",
                        entry.id
                    ),
                )
            })?;
            let agent = entry.agent.as_ref();
            let human = agent.and_then(|a| a.kind.as_deref()) == Some("user_reference");
            imported.entries.push(Candidate {
                at,
                actor: agent
                    .and_then(|a| text(&a.summary))
                    .unwrap_or("PagerDuty")
                    .to_string(),
                role: String::new(),
                channel: None,
                text: body,
                kind: if human { Kind::Human } else { Kind::Bot },
                source: format!("pagerduty:{}", entry.id),
                milestone,
            });
        }
        imported.sort();
        Ok(imported)
    }
}
