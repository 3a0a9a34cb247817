//! Watching the incidents folder for other programs' changes, on a thread of its own.
//!
//! The system's watcher (inotify on Linux, through the `notify` crate) reports files created,
//! changed, renamed or removed; a burst (a `git pull` of fifty files) is gathered for
//! [`GATHER`] after its first event and sent as one [`FolderNews`]. Where the system cannot
//! watch (no inotify, its limits reached) or the watcher reports an error, the thread falls
//! back to `notify`'s polling watcher, which compares the files' times every [`POLL_EVERY`].
//! Only incident files count ([`crate::storage::watch::incident_name`]): this program's
//! temporary files, lock files and recovery copies never make news. That a file was written by
//! this program itself is decided by the runtime, which knows what it wrote.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher as _};

use super::workers::Waker;
use crate::app::folder::FolderNews;
use crate::storage::watch::incident_name;

/// How long events are gathered after the first one of a burst before they are sent.
pub const GATHER: Duration = Duration::from_millis(60);
/// How often the polling fallback compares the files' times.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// How the folder is being watched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The system tells of each change (inotify and the like).
    Events,
    /// File times are compared every [`POLL_EVERY`].
    Polling,
}

/// The watcher thread's messages, for the event loop.
pub struct Watcher {
    news: Receiver<FolderNews>,
    mode: Receiver<Mode>,
    last_mode: Option<Mode>,
    _thread: Option<std::thread::JoinHandle<()>>,
}

impl Watcher {
    /// Watches `dir` on a new thread; `waker` is called after each message is sent, so that a
    /// loop waiting for input looks at it at once. With `polling` the system's watcher is not
    /// tried (for tests of the fallback).
    ///
    /// # Errors
    /// When the thread cannot be started (a folder that cannot be watched is polled instead).
    pub fn start(dir: PathBuf, waker: Option<Waker>, polling: bool) -> std::io::Result<Watcher> {
        let (news_tx, news) = mpsc::channel();
        let (mode_tx, mode) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("retro-watch".into())
            .spawn(move || watch(&dir, waker, polling, &news_tx, &mode_tx))?;
        Ok(Watcher {
            news,
            mode,
            last_mode: None,
            _thread: Some(thread),
        })
    }

    /// A watcher whose news comes from `news` (for tests of the event loop).
    pub fn from_channel(news: Receiver<FolderNews>) -> Watcher {
        let (_, mode) = mpsc::channel();
        Watcher {
            news,
            mode,
            last_mode: None,
            _thread: None,
        }
    }

    /// All news that has arrived, merged into one; `None` when there is none.
    pub fn try_news(&mut self) -> Option<FolderNews> {
        let mut merged: Option<FolderNews> = None;
        while let Ok(news) = self.news.try_recv() {
            let all = merged.get_or_insert_with(FolderNews::default);
            all.everything |= news.everything;
            for name in news.names {
                if !all.names.contains(&name) {
                    all.names.push(name);
                }
            }
        }
        merged
    }

    /// How the folder is watched now, once the thread has said (`None` before).
    pub fn mode(&mut self) -> Option<Mode> {
        while let Ok(mode) = self.mode.try_recv() {
            self.last_mode = Some(mode);
        }
        self.last_mode
    }
}

type Raw = notify::Result<notify::Event>;

/// Starts the system's watcher, or (when it cannot watch `dir`, or `polling`) the polling one.
fn start_watcher(
    dir: &Path,
    tx: &Sender<Raw>,
    polling: bool,
) -> Option<(Box<dyn notify::Watcher>, Mode)> {
    if !polling {
        let events = tx.clone();
        if let Ok(mut w) = notify::recommended_watcher(move |e: Raw| {
            let _ = events.send(e);
        }) && w.watch(dir, RecursiveMode::NonRecursive).is_ok()
        {
            return Some((Box::new(w), Mode::Events));
        }
    }
    let events = tx.clone();
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let mut w = notify::PollWatcher::new(
        move |e: Raw| {
            let _ = events.send(e);
        },
        config,
    )
    .ok()?;
    w.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some((Box::new(w), Mode::Polling))
}

/// True for the kinds of events that can mean a file's content or presence changed (opening
/// or reading a file, as this program's own listing does, is not news).
fn matters(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

fn watch(
    dir: &Path,
    waker: Option<Waker>,
    polling: bool,
    news_tx: &Sender<FolderNews>,
    mode_tx: &Sender<Mode>,
) {
    let (tx, rx) = mpsc::channel::<Raw>();
    let Some((mut watcher, mut mode)) = start_watcher(dir, &tx, polling) else {
        return;
    };
    let _ = mode_tx.send(mode);
    let send = |news: FolderNews| {
        let sent = news_tx.send(news).is_ok();
        if let Some(w) = &waker {
            w();
        }
        sent
    };
    loop {
        let Ok(first) = rx.recv() else { return };
        let mut news = FolderNews::default();
        let mut failed = false;
        let mut take = |event: Raw, news: &mut FolderNews| match event {
            Ok(event) => {
                if event.need_rescan() {
                    news.everything = true;
                }
                if !matters(&event.kind) {
                    return;
                }
                for path in &event.paths {
                    if let Some(name) = incident_name(dir, path)
                        && !news.names.contains(&name)
                    {
                        news.names.push(name);
                    }
                }
            }
            Err(_) => {
                news.everything = true;
                failed = true;
            }
        };
        take(first, &mut news);
        let until = Instant::now() + GATHER;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(event) => take(event, &mut news),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if failed && mode == Mode::Events {
            // The system's watcher is in trouble: poll from now on.
            drop(watcher);
            let Some((w, m)) = start_watcher(dir, &tx, true) else {
                return;
            };
            (watcher, mode) = (w, m);
            let _ = mode_tx.send(mode);
        }
        if (news.everything || !news.names.is_empty()) && !send(news) {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for(watcher: &mut Watcher, name: &str, within: Duration) -> bool {
        let until = Instant::now() + within;
        while Instant::now() < until {
            if watcher.try_news().is_some_and(|n| n.touches(name)) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    fn settle(watcher: &mut Watcher) {
        let until = Instant::now() + Duration::from_secs(5);
        while watcher.mode().is_none() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_new_file_is_news_and_temporary_and_lock_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let mut watcher = Watcher::start(dir.path().to_path_buf(), None, false).unwrap();
        settle(&mut watcher);
        std::fs::write(dir.path().join(".retro-abc.tmp"), "x").unwrap();
        std::fs::write(dir.path().join("2026-01-01-a.lock"), "x").unwrap();
        std::fs::write(dir.path().join("2026-01-01-a.recovery.toml"), "x").unwrap();
        std::thread::sleep(GATHER * 3);
        let quiet = watcher.try_news();
        assert!(
            quiet.as_ref().is_none_or(|n| n.names.is_empty()),
            "{quiet:?}"
        );
        std::fs::write(dir.path().join("2026-01-01-a.toml"), "x").unwrap();
        assert!(wait_for(
            &mut watcher,
            "2026-01-01-a",
            Duration::from_secs(2)
        ));
        std::fs::remove_file(dir.path().join("2026-01-01-a.toml")).unwrap();
        assert!(wait_for(
            &mut watcher,
            "2026-01-01-a",
            Duration::from_secs(2)
        ));
    }

    #[test]
    fn the_polling_fallback_notices_a_new_file_within_its_period() {
        let dir = tempfile::tempdir().unwrap();
        let mut watcher = Watcher::start(dir.path().to_path_buf(), None, true).unwrap();
        settle(&mut watcher);
        assert_eq!(watcher.mode(), Some(Mode::Polling));
        std::fs::write(dir.path().join("2026-01-02-b.toml"), "x").unwrap();
        assert!(wait_for(
            &mut watcher,
            "2026-01-02-b",
            POLL_EVERY + Duration::from_secs(2)
        ));
    }
}
