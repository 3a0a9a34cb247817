//! Importing the communication timeline from the files chat and paging tools export,
//! offline: a Slack workspace export, pasted chat text, IRC logs, PagerDuty log entries,
//! Microsoft Teams (Graph) messages, a Mattermost bulk export, and a status page's
//! `incidents.json` (customer updates for section 1).
//!
//! Each source is one module with a [`Reader`]; [`detect`] tells them apart by their
//! content, and [`read`] runs the right one. Readers never touch an incident: they return
//! candidates, and the caller decides what to add.

mod clock;
mod html_text;
mod input;
mod irc;
mod mattermost;
mod pagerduty;
mod paste;
mod slack;
mod slack_archive;
mod slack_messages;
mod slack_people;
pub mod slack_text;
mod statuspage;
mod teams;
mod types;

use std::io::Read;
use std::path::Path;

pub use paste::parse as parse_paste;
pub use types::{
    Candidate, ImportError, Imported, Kind, NoProgress, Options, Progress, Reader, Skipped,
};

/// The kinds of source, as `--from` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceKind {
    /// A Slack workspace export: the ZIP, or its unpacked folder.
    Slack,
    /// Text copied from a chat window.
    Paste,
    /// An IRC, weechat or irssi log.
    Irc,
    /// PagerDuty log entries (REST API v2 JSON).
    Pagerduty,
    /// Microsoft Teams messages (Microsoft Graph JSON).
    Teams,
    /// A Mattermost bulk export (JSONL).
    Mattermost,
    /// A Statuspage `incidents.json`: customer updates for section 1.
    Statuspage,
}

impl SourceKind {
    /// The name `--from` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Slack => "slack",
            SourceKind::Paste => "paste",
            SourceKind::Irc => "irc",
            SourceKind::Pagerduty => "pagerduty",
            SourceKind::Teams => "teams",
            SourceKind::Mattermost => "mattermost",
            SourceKind::Statuspage => "statuspage",
        }
    }

    /// The reader for this kind.
    pub fn reader(self) -> &'static dyn Reader {
        match self {
            SourceKind::Slack => &slack::Slack,
            SourceKind::Paste => &paste::Paste,
            SourceKind::Irc => &irc::Irc,
            SourceKind::Pagerduty => &pagerduty::PagerDuty,
            SourceKind::Teams => &teams::Teams,
            SourceKind::Mattermost => &mattermost::Mattermost,
            SourceKind::Statuspage => &statuspage::Statuspage,
        }
    }

    /// True when times without a zone in this source are read in the incident's zone
    /// (pastes) rather than UTC (logs).
    pub fn local_times(self) -> bool {
        self == SourceKind::Paste
    }
}

/// Tells the kind of source from its content: a folder with `channels.json` or a ZIP is a
/// Slack export; JSON by its top-level keys; text by its first lines.
///
/// # Errors
/// A path that does not exist, an empty file, binary data, or JSON of no known kind
/// (`--from` then says which it is).
pub fn detect(path: &Path) -> Result<SourceKind, ImportError> {
    let place = input::shown(path);
    let meta = std::fs::metadata(path).map_err(|e| input::io_error(&place, &e))?;
    if meta.is_dir() {
        if path.join("channels.json").is_file() {
            return Ok(SourceKind::Slack);
        }
        return Err(ImportError::at(
            place,
            "no channels.json in the folder: not a Slack workspace export",
        ));
    }
    let (reader, _) = input::open(path)?;
    let mut head = Vec::with_capacity(8192);
    reader
        .take(8192)
        .read_to_end(&mut head)
        .map_err(|e| input::io_error(&place, &e))?;
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Ok(SourceKind::Slack);
    }
    // The head may end inside a UTF-8 sequence; only what is complete is checked.
    let complete = match std::str::from_utf8(&head) {
        Ok(_) => head.len(),
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        Err(_) => head.len(),
    };
    head.truncate(complete);
    let text = input::text_of(&place, head)?;
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') || text.starts_with('[') {
        let first_line = text.lines().next().unwrap_or("");
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let first_compact: String = first_line.chars().filter(|c| !c.is_whitespace()).collect();
        if first_compact.contains("\"type\":\"version\"") {
            return Ok(SourceKind::Mattermost);
        }
        if compact.contains("\"log_entries\":") {
            return Ok(SourceKind::Pagerduty);
        }
        if compact.contains("\"incident_updates\":") || compact.contains("\"incidents\":") {
            return Ok(SourceKind::Statuspage);
        }
        if compact.contains("\"@odata")
            || compact.contains("\"value\":[")
            || compact.contains("\"messageType\"")
        {
            return Ok(SourceKind::Teams);
        }
        return Err(ImportError::at(
            place,
            "JSON of a kind retro does not know; say which with --from (slack, pagerduty, teams, mattermost, statuspage)",
        ));
    }
    if irc::looks_like_irc(text) {
        Ok(SourceKind::Irc)
    } else {
        Ok(SourceKind::Paste)
    }
}

/// Reads `path` as `kind`, or as what [`detect`] finds.
///
/// # Errors
/// As [`detect`] and the reader's [`Reader::read`].
pub fn read(path: &Path, kind: SourceKind, options: &Options<'_>) -> Result<Imported, ImportError> {
    if !path.exists() {
        return Err(ImportError::at(
            input::shown(path),
            "no such file or folder",
        ));
    }
    kind.reader().read(path, options)
}

#[cfg(test)]
mod tests;
