//! The I/O of the import overlay, done by the runtime (never by `update`): reading an export
//! with [`crate::import`], and completing a typed path from the folder's names.

use std::path::{Path, PathBuf};

use crate::import::Imported;

/// I/O the overlay asks the runtime for.
#[derive(Debug, PartialEq)]
pub enum Request {
    /// Read an export.
    Read {
        /// The file or folder (relative to the working folder).
        path: PathBuf,
        /// The channel to read, for exports with several.
        channel: Option<String>,
        /// The date of a paste's first line.
        date: jiff::civil::Date,
        /// The incident's time zone name.
        timezone: String,
    },
    /// Complete the path typed so far.
    Complete(String),
}

/// The runtime's answer to a [`Request`].
#[derive(Debug)]
pub enum Reply {
    /// The export was read (or why not), with the path as typed.
    Read {
        /// The path as shown.
        source: String,
        /// The candidates, or the one-line error.
        result: Result<Imported, String>,
    },
    /// The completed text and, when several names fit, the names.
    Completed(String, Vec<String>),
}

/// Does the I/O of a request (called by the runtime, never by `update`).
pub fn perform(request: Request) -> Reply {
    match request {
        Request::Read {
            path,
            channel,
            date,
            timezone,
        } => {
            let source = path.display().to_string();
            let cancel = std::sync::atomic::AtomicBool::new(false);
            let result = crate::import::detect(&path).and_then(|kind| {
                let tz = if kind.local_times() {
                    crate::model::timeinput::zone(&timezone)
                } else {
                    jiff::tz::TimeZone::UTC
                };
                let options = crate::import::Options {
                    channel,
                    date,
                    tz,
                    progress: &crate::import::NoProgress,
                    cancel: &cancel,
                };
                crate::import::read(&path, kind, &options)
            });
            Reply::Read {
                source,
                result: result.map_err(|e| e.to_string()),
            }
        }
        Request::Complete(text) => {
            let (completed, names) = complete(&text, Path::new("."));
            Reply::Completed(completed, names)
        }
    }
}

/// Completes the last path component in `dir` (relative paths are in `dir`): the longest
/// common prefix of the names that start with it, and the names when there are several.
pub fn complete(text: &str, dir: &Path) -> (String, Vec<String>) {
    let (head, tail) = match text.rfind('/') {
        Some(i) => (&text[..=i], &text[i + 1..]),
        None => ("", text),
    };
    let folder = if head.is_empty() {
        dir.to_path_buf()
    } else if Path::new(head).is_absolute() {
        PathBuf::from(head)
    } else {
        dir.join(head)
    };
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let slash = if e.path().is_dir() { "/" } else { "" };
            (name.starts_with(tail) && !name.starts_with('.')
                || tail.starts_with('.') && name.starts_with(tail))
            .then(|| format!("{name}{slash}"))
        })
        .collect();
    names.sort();
    let Some(first) = names.first() else {
        return (text.to_string(), names);
    };
    let mut common = first.clone();
    for name in &names[1..] {
        while !name.starts_with(&common) {
            common.pop();
        }
    }
    (
        format!("{head}{common}"),
        if names.len() > 1 { names } else { Vec::new() },
    )
}
