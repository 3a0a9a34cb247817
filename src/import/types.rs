//! What every reader produces: candidate timeline entries, customer updates, and what was
//! left out and why; plus the options, progress and errors they share.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::model::{CustomerUpdate, Milestone};

/// Whether a person or a program wrote a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person.
    Human,
    /// An integration, alerting tool or other program (Slack `bot_message`, a PagerDuty
    /// service, a Teams application).
    Bot,
}

impl Kind {
    /// `human` or `bot`, as `--format json` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Human => "human",
            Kind::Bot => "bot",
        }
    }
}

/// One message that could become a timeline entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// When it was sent, in UTC.
    pub at: Timestamp,
    /// Who sent it: a display name, a nick, a bot's name.
    pub actor: String,
    /// The role the sender held where the source says (Slack profile title, Mattermost
    /// position); empty when unknown.
    pub role: String,
    /// The channel as `#name`, when the source has channels.
    pub channel: Option<String>,
    /// The message as plain text, markup resolved.
    pub text: String,
    /// A person or a program.
    pub kind: Kind,
    /// A stable id of the message in its source (`slack:C0JGLMMNX:1452837352.000006`), the
    /// same on every import of the same source.
    pub source: String,
    /// The key moment this message is a candidate for (a PagerDuty trigger: detected; a
    /// resolve: resolved).
    pub milestone: Option<Milestone>,
}

/// What was left out, by reason ("joins and leaves" → 8).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped(pub BTreeMap<&'static str, usize>);

impl Skipped {
    /// Counts one message left out for `reason`.
    pub fn add(&mut self, reason: &'static str) {
        *self.0.entry(reason).or_default() += 1;
    }

    /// Messages left out in all.
    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

/// A reader's result.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// Timeline candidates, sorted by time (ties keep the source's order).
    pub entries: Vec<Candidate>,
    /// Customer updates for section 1 (status pages only), oldest first.
    pub updates: Vec<CustomerUpdate>,
    /// What was left out and why.
    pub skipped: Skipped,
}

impl Imported {
    /// Sorts entries and updates by time, stably.
    pub fn sort(&mut self) {
        self.entries.sort_by_key(|c| c.at);
        self.updates.sort_by_key(|u| u.at);
    }
}

/// Reports how far reading has come, in units the reader chooses (bytes or files).
pub trait Progress {
    /// The amount of work in all, once known.
    fn total(&self, total: u64);
    /// `done` units of `total` are finished.
    fn done(&self, done: u64);
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn total(&self, _: u64) {}
    fn done(&self, _: u64) {}
}

/// What every reader is told.
pub struct Options<'a> {
    /// The channel to read (Slack, Mattermost); `None` takes the only one there is.
    pub channel: Option<String>,
    /// The date of a paste's first line (a paste has no dates of its own).
    pub date: Date,
    /// The zone of times written without one (pastes, IRC logs).
    pub tz: TimeZone,
    /// Where to report progress.
    pub progress: &'a dyn Progress,
    /// Set from outside (Ctrl-C) to stop reading; the reader then returns
    /// [`ImportError::Cancelled`].
    pub cancel: &'a AtomicBool,
}

impl Options<'_> {
    /// [`ImportError::Cancelled`] once the cancel flag is set.
    ///
    /// # Errors
    /// As said.
    pub fn check_cancel(&self) -> Result<(), ImportError> {
        if self.cancel.load(Ordering::Relaxed) {
            Err(ImportError::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// Why a source could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The input is unreadable: `place` names the file and where in it (`export.zip:
    /// general/2024-03-12.json:3:17`), `message` says what is wrong, in one line.
    Bad {
        /// File, ZIP member, line and column, as far as known.
        place: String,
        /// What is wrong.
        message: String,
    },
    /// Reading was interrupted (Ctrl-C).
    Cancelled,
}

impl ImportError {
    /// An error at `place`.
    pub fn at(place: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError::Bad {
            place: place.into(),
            message: message.into(),
        }
    }

    /// A JSON error in `place`, with serde_json's line and column appended to the place.
    pub fn json(place: &str, error: &serde_json::Error) -> Self {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the place carries them instead.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head)
            .to_string();
        let message = if error.is_eof() {
            format!("the JSON ends too early ({message})")
        } else {
            format!("invalid JSON: {message}")
        };
        ImportError::at(
            format!("{place}:{}:{}", error.line(), error.column()),
            message,
        )
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Bad { place, message } => write!(f, "{place}: {message}"),
            ImportError::Cancelled => f.write_str("interrupted; nothing was changed"),
        }
    }
}

impl std::error::Error for ImportError {}

/// A stable 64-bit FNV-1a hash as 16 hex digits, for source ids of messages that carry no
/// id of their own (pasted text, IRC lines). FNV-1a is public-domain (Fowler, Noll, Vo).
pub fn stable_hash(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// One kind of source: reads a file (or folder) into candidates.
pub trait Reader {
    /// Reads `path`.
    ///
    /// # Errors
    /// [`ImportError::Bad`] naming the file and the place in it (line and column, ZIP
    /// member) when the input cannot be read; [`ImportError::Cancelled`] when told to stop.
    fn read(&self, path: &std::path::Path, options: &Options<'_>) -> Result<Imported, ImportError>;
}

/// A civil date and time in `tz` as an instant (gaps and overlaps resolved as RFC 5545
/// does, jiff's "compatible" rule).
pub fn local_instant(date: Date, time: jiff::civil::Time, tz: &TimeZone) -> Option<Timestamp> {
    tz.to_ambiguous_zoned(date.to_datetime(time))
        .compatible()
        .ok()
        .map(|z| z.timestamp())
}
