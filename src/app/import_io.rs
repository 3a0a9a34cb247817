//! The I/O of the import overlay, done by the runtime (never by `update`): reading an export
//! with [`crate::import`], and completing a typed path from the folder's names.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Receiver;

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
    /// Read a metric series file (CSV or Prometheus `query_range` JSON).
    ReadMetric {
        /// The file (relative to the working folder).
        path: PathBuf,
        /// The zone of times written without an offset (the incident's zone name).
        timezone: String,
    },
    /// Complete the path typed so far.
    Complete(String),
    /// Stop the read running in the background (Esc or Ctrl-C while reading).
    Cancel,
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
    /// A metric file was read (or why not), with the path as typed.
    Metric {
        /// The path as shown.
        source: String,
        /// Every series in the file, or the one-line error.
        result: Result<Vec<crate::metrics::Series>, String>,
    },
    /// The completed text and, when several names fit, the names.
    Completed(String, Vec<String>),
    /// A background read has done `.0` of `.1` units (bytes).
    Progress(u64, u64),
}

/// Does the I/O of a request (called by the runtime, never by `update`), here and now.
pub fn perform(request: Request) -> Reply {
    perform_with(request, &crate::import::NoProgress, &AtomicBool::new(false))
}

fn perform_with(
    request: Request,
    progress: &dyn crate::import::Progress,
    cancel: &AtomicBool,
) -> Reply {
    match request {
        Request::Read {
            path,
            channel,
            date,
            timezone,
        } => {
            let source = path.display().to_string();
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
                    progress,
                    cancel,
                };
                crate::import::read(&path, kind, &options)
            });
            Reply::Read {
                source,
                result: result.map_err(|e| e.to_string()),
            }
        }
        Request::ReadMetric { path, timezone } => {
            let options = crate::metrics::ReadOptions {
                column: None,
                tz: crate::model::timeinput::zone(&timezone),
            };
            Reply::Metric {
                source: path.display().to_string(),
                result: crate::metrics::read_file(&path, &options).map_err(|e| e.to_string()),
            }
        }
        Request::Complete(text) => {
            let (completed, names) = complete(&text, Path::new("."));
            Reply::Completed(completed, names)
        }
        Request::Cancel => Reply::Progress(0, 0),
    }
}

/// Progress shared between a background read and the runtime.
#[derive(Default)]
struct Shared {
    done: AtomicU64,
    total: AtomicU64,
}

struct SharedProgress(Arc<Shared>);

impl crate::import::Progress for SharedProgress {
    fn total(&self, total: u64) {
        self.0.total.store(total, Ordering::Relaxed);
    }
    fn done(&self, done: u64) {
        self.0.done.store(done, Ordering::Relaxed);
    }
}

/// A read running on its own thread, so that the terminal stays live: the runtime polls it
/// for progress and for the result, and can stop it.
pub struct Background {
    reply: Receiver<Reply>,
    shared: Arc<Shared>,
    cancel: Arc<AtomicBool>,
    told: (u64, u64),
}

impl Background {
    /// Starts `request` on a new thread.
    pub fn start(request: Request) -> Background {
        let (send, reply) = std::sync::mpsc::channel();
        let shared = Arc::new(Shared::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (progress, stop) = (SharedProgress(Arc::clone(&shared)), Arc::clone(&cancel));
        std::thread::spawn(move || {
            // The runtime may have gone on without it; then nobody listens.
            let _ = send.send(perform_with(request, &progress, &stop));
        });
        Background {
            reply,
            shared,
            cancel,
            told: (0, 0),
        }
    }

    /// The result once it is there, else new progress since the last poll, else nothing.
    pub fn poll(&mut self) -> Option<Reply> {
        match self.reply.try_recv() {
            Ok(reply) => return Some(reply),
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                return Some(Reply::Read {
                    source: String::new(),
                    result: Err("the import stopped unexpectedly".into()),
                });
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
        let now = (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.total.load(Ordering::Relaxed),
        );
        (now != self.told).then(|| {
            self.told = now;
            Reply::Progress(now.0, now.1)
        })
    }

    /// Asks the reader to stop; it ends without a result anyone waits for.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name)
    }

    fn read_request(path: PathBuf) -> Request {
        Request::Read {
            path,
            channel: Some("inc-2417-checkout".into()),
            date: jiff::civil::date(2024, 3, 12),
            timezone: "Europe/Berlin".into(),
        }
    }

    #[test]
    fn a_background_read_reports_progress_then_its_result() {
        let mut reading = Background::start(read_request(fixture("slack")));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut progress = Vec::new();
        let result = loop {
            match reading.poll() {
                Some(Reply::Read { result, .. }) => break result,
                Some(Reply::Progress(done, total)) => progress.push((done, total)),
                _ => {}
            }
            assert!(std::time::Instant::now() < deadline, "no result");
            std::thread::sleep(std::time::Duration::from_millis(2));
        };
        assert_eq!(result.map(|i| i.entries.len()), Ok(12));
        assert!(progress.iter().all(|(d, t)| d <= t));
    }

    #[test]
    fn a_cancelled_background_read_ends_interrupted() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("big.jsonl");
        let mut text = String::from("{\"type\":\"version\",\"version\":1}\n");
        for i in 0..20_000 {
            text.push_str(&format!(
                "{{\"type\":\"post\",\"post\":{{\"channel\":\"inc-2417-checkout\",\"user\":\"u\",\"message\":\"m{i}\",\"create_at\":{i}}}}}\n"
            ));
        }
        std::fs::write(&path, text).unwrap();
        let cancel = AtomicBool::new(true);
        let reply = perform_with(read_request(path), &crate::import::NoProgress, &cancel);
        let Reply::Read { result, .. } = reply else {
            panic!("not a read reply")
        };
        assert_eq!(
            result.err().as_deref(),
            Some("interrupted; nothing was changed")
        );
    }
}
