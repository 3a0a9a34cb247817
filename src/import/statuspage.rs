//! Atlassian Statuspage `incidents.json` (public API v2: `{"page": {...}, "incidents":
//! [{..., "incident_updates": [...]}]}`). Each incident update is a dated customer-facing
//! message: it goes to section 1 as the history of what customers were told, not to the
//! timeline. With several incidents on the page, `--channel` picks one by id or name.

use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::input::{open, shown};
use super::types::{ImportError, Imported, Options, Reader};
use crate::model::{CustomerUpdate, Moment};

/// Reads a status page's incidents.
pub struct Statuspage;

#[derive(Deserialize)]
struct Feed {
    incidents: Vec<Incident>,
}

#[derive(Deserialize)]
struct Incident {
    #[serde(default)]
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    incident_updates: Vec<Update>,
}

#[derive(Deserialize)]
struct Update {
    #[serde(default)]
    id: String,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    display_at: Option<String>,
}

impl Reader for Statuspage {
    fn read(&self, path: &Path, options: &Options<'_>) -> Result<Imported, ImportError> {
        let place = shown(path);
        let (reader, _) = open(path)?;
        let feed: Feed =
            serde_json::from_reader(reader).map_err(|e| ImportError::json(&place, &e))?;
        let wanted = options
            .channel
            .as_deref()
            .map(|c| c.trim_start_matches('#'));
        if let Some(wanted) = wanted
            && !feed
                .incidents
                .iter()
                .any(|i| i.id == wanted || i.name == wanted)
        {
            let names: Vec<String> = feed
                .incidents
                .iter()
                .map(|i| format!("{} ({})", i.id, i.name))
                .collect();
            return Err(ImportError::at(
                place,
                format!(
                    "no incident {wanted} on the status page; there are: {}",
                    names.join(", ")
                ),
            ));
        }
        let mut imported = Imported::default();
        for incident in feed.incidents {
            if wanted.is_some_and(|w| incident.id != w && incident.name != w) {
                imported.skipped.add("other incidents on the status page");
                continue;
            }
            for update in incident.incident_updates {
                let when = update
                    .display_at
                    .as_deref()
                    .or(update.created_at.as_deref())
                    .unwrap_or("");
                let at: Timestamp = when.parse().map_err(|_| {
                    ImportError::at(
                        &place,
                        format!(
                            "incident update {}: time {when:?} is not an ISO 8601 time",
                            update.id
                        ),
                    )
                })?;
                imported.updates.push(CustomerUpdate {
                    at: Some(Moment::utc(
                        Timestamp::from_second(at.as_second()).unwrap_or(at),
                    )),
                    status: update.status.unwrap_or_default(),
                    text: update.body.unwrap_or_default().trim().to_string(),
                    source: format!("statuspage:{}", update.id),
                });
            }
        }
        imported.sort();
        Ok(imported)
    }
}
