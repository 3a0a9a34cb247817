//! Exclusive editing of one incident by one process at a time.
//!
//! Opening an incident for editing takes an exclusive lock on `<id>.lock` beside
//! `<id>.toml` (std's [`File::try_lock`], an advisory whole-file lock). The TOML file itself
//! cannot carry the lock: every atomic save replaces it with a new file. The holder writes who
//! it is into the lock file (`pid 1234 on host, since 2026-03-12T14:02:00Z`) so that a second
//! process can name it. The lock is released when the [`IncidentLock`] is dropped, and by the
//! operating system when the process dies, even by SIGKILL. A dropped lock removes its file
//! while still holding it; a process that opened the file meanwhile checks, once locked, that
//! the name still leads to the file it locked, and otherwise starts again. A killed process
//! leaves its lock file behind, unlocked: the next program simply locks it.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::Store;
use crate::model::id::is_valid_id;

/// Why an incident could not be locked for editing.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process (or another lock in this one) is editing the incident: open it
    /// read-only. `by` describes the holder, e.g. `pid 1234 on host, since
    /// 2026-03-12T14:02:00Z`, when it could be read.
    #[error("{}", held_message(.by.as_deref()))]
    Held {
        /// The holder's own description, if it wrote one.
        by: Option<String>,
    },
    /// An id that is not `<YYYY-MM-DD>-<slug>` was asked for.
    #[error("`{0}` is not a valid incident id (e.g. 2026-03-12-checkout-errors)")]
    BadId(String),
    /// The lock file could not be opened or locked (e.g. a read-only folder, or a file
    /// system without locks).
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

fn held_message(by: Option<&str>) -> String {
    match by {
        Some(by) => format!("being edited by another retro ({by})"),
        None => "being edited by another retro".to_string(),
    }
}

/// An exclusive lock on one incident, held until dropped (or the process ends).
#[derive(Debug)]
pub struct IncidentLock {
    file: File,
    path: PathBuf,
    holder: String,
}

impl IncidentLock {
    /// The lock file, `<id>.lock` in the incidents folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What this process wrote into the lock file, e.g. `pid 1234 on host, since …`.
    pub fn holder(&self) -> &str {
        &self.holder
    }
}

impl Drop for IncidentLock {
    fn drop(&mut self) {
        // The lock file is removed while it is still locked, and only when the name still
        // points at the file this lock holds; a process that opened it meanwhile finds, once
        // it has the lock, that the name no longer leads to its file and starts again
        // ([`Store::lock`]). So a clean exit leaves no `.lock` file in the folder.
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

/// True when `path` (not followed if it is a link) is the very file `file` has open.
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// This process as other processes should see it: `pid 1234 on host, since <RFC 3339>`.
fn describe_self() -> String {
    let since = format!("{:.0}", jiff::Timestamp::now());
    match hostname() {
        Some(host) => format!("pid {} on {host}, since {since}", std::process::id()),
        None => format!("pid {}, since {since}", std::process::id()),
    }
}

fn hostname() -> Option<String> {
    ["/etc/hostname", "/proc/sys/kernel/hostname"]
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty() && s.len() <= 255 && !s.contains(char::is_control))
}

/// Reads the holder's description from an open lock file: its first line, trimmed and
/// bounded, or `None` when empty or unreadable.
fn read_holder(file: &mut File) -> Option<String> {
    let mut buf = Vec::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(512).read_to_end(&mut buf).ok()?;
    let text = String::from_utf8_lossy(&buf);
    let line = text.lines().next()?.trim();
    let clean: String = line.chars().filter(|c| !c.is_control()).take(200).collect();
    (!clean.is_empty()).then_some(clean)
}

/// Opens (creating user-only if missing) the lock file without following a symbolic link
/// (`O_NOFOLLOW`, so no race can swap one in), and refuses anything but a regular file with
/// one link: a hard link to a file elsewhere would let the lock's writes reach it. Returns
/// the file and whether this call created it.
fn open_lock_file(path: &Path) -> io::Result<(File, bool)> {
    let open = |create_new: bool| {
        let mut options = OpenOptions::new();
        options.read(true).write(true);
        if create_new {
            options.create_new(true);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options
                .mode(0o600)
                .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        options.open(path)
    };
    let (file, created) = match open(true) {
        Ok(file) => (file, true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => (open(false)?, false),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the lock file is not a regular file; remove it",
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the lock file has more than one link (a hard link to another file); remove it",
            ));
        }
    }
    Ok((file, created))
}

/// True when the file holds at most one short line like the ones retro writes
/// (`pid 1234 …`): safe to replace with this process's line.
fn holds_only_a_holder_line(file: &mut File) -> bool {
    let mut buf = Vec::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.take(513).read_to_end(&mut buf).is_err() {
        return false;
    }
    if buf.len() > 512 {
        return false;
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.lines();
    match (lines.next(), lines.next()) {
        (None, _) => true,
        (Some(line), None) => line.starts_with("pid "),
        _ => false,
    }
}

impl Store {
    /// The lock file for an id: `<id>.lock` in the folder.
    ///
    /// # Errors
    /// [`LockError::BadId`] unless the id is valid (so the path stays inside the folder).
    pub fn lock_path(&self, id: &str) -> Result<PathBuf, LockError> {
        if is_valid_id(id) {
            Ok(self.dir().join(format!("{id}.lock")))
        } else {
            Err(LockError::BadId(id.to_string()))
        }
    }

    /// Takes the exclusive editing lock on incident `id`, without waiting.
    ///
    /// The lock file is created user-only (0600) if missing and removed when the lock is
    /// dropped (a clean exit leaves none); on success
    /// it holds this process's description (an existing file that holds anything else is
    /// locked but left as it is). The lock lasts until the returned value is
    /// dropped or the process ends. A second lock on the same id fails even within the
    /// same process.
    ///
    /// # Errors
    /// [`LockError::Held`] (naming the holder when known) when someone else has it;
    /// [`LockError::BadId`]; [`LockError::Io`] when the lock file cannot be opened or
    /// locked, is a symbolic link, not a regular file, or has more than one link.
    pub fn lock(&self, id: &str) -> Result<IncidentLock, LockError> {
        let path = self.lock_path(id)?;
        let io_err = |source: io::Error| LockError::Io {
            path: path.clone(),
            source,
        };
        // The holder removes the file when it lets go: a lock taken on a file that is no
        // longer at the path is worth nothing, so open and lock again.
        let mut attempts = 0;
        let (mut file, created) = loop {
            let (mut file, created) = open_lock_file(&path).map_err(io_err)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(LockError::Held {
                        by: read_holder(&mut file),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(io_err(e)),
            }
            if same_file(&file, &path) {
                break (file, created);
            }
            attempts += 1;
            if attempts >= 8 {
                return Err(io_err(io::Error::other(
                    "the lock file keeps being replaced by another process",
                )));
            }
        };
        let holder = describe_self();
        // The description is a courtesy for the other process: failing to write it does
        // not stop us from holding the lock. A file is only rewritten when this program
        // made it, or when it holds nothing but an earlier holder's line.
        if created || holds_only_a_holder_line(&mut file) {
            let _ = file
                .set_len(0)
                .and_then(|()| file.seek(SeekFrom::Start(0)))
                .and_then(|_| file.write_all(format!("{holder}\n").as_bytes()))
                .and_then(|()| file.flush());
        }
        Ok(IncidentLock { file, path, holder })
    }
}
