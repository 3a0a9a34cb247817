//! Slack workspace export reader (the admin "Export data" ZIP or its unpacked folder).
//!
//! Layout and fields: Slack Help Center "How to read Slack data exports"; message subtypes
//! from Slack's API documentation (`message` event subtypes). Times come from each message's
//! `ts` (epoch seconds as a string), never from the day file's name: exports split days on
//! the workspace's zone, not UTC.

use std::path::Path;

use serde::Deserialize;

use super::slack_archive::Archive;
use super::slack_messages::{Builder, Message};
use super::slack_people::read_users;
use super::types::{ImportError, Imported, Options, Reader};

/// Reads one channel of a Slack export.
pub struct Slack;

#[derive(Deserialize)]
struct Channel {
    id: String,
    name: String,
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
        let mut days = archive.into_day_files(&channel.name)?;
        options
            .progress
            .total(days.files().iter().map(|f| f.size).sum());
        let mut builder = Builder::new(&channel.name, &channel.id, &users);
        let mut done = 0;
        for i in 0..days.files().len() {
            options.check_cancel()?;
            let bytes = days.read(i)?;
            let day: Vec<Message<'_>> = serde_json::from_slice(&bytes)
                .map_err(|e| ImportError::json(&days.place(i), &e))?;
            for message in day {
                builder.add(message);
            }
            done += days.files()[i].size;
            options.progress.done(done);
        }
        Ok(builder.finish())
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
