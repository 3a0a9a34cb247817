//! Saving over a file only if it still holds what this program last read or wrote, and
//! noticing when another program changed or removed it.
//!
//! The judgement is by content ([`Identity::same_content`]: length and hash of the bytes),
//! checked immediately before the rename that replaces the file; the new file's identity is
//! taken from the file written. What is left is the time between that check and the rename
//! (a few system calls), which no portable rename can close.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::identity::{Identity, read_regular};
use super::{Loaded, Store, StoreError, write};
use crate::model::{Incident, codec};

/// A callback run between writing the temporary file and the final check before the rename,
/// with the file about to be replaced. For tests that play another program writing at that
/// moment.
#[derive(Clone)]
pub struct Hook(pub Arc<dyn Fn(&Path) + Send + Sync>);

impl fmt::Debug for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hook")
    }
}

/// Why a guarded save did not write.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file no longer holds what this program last read or wrote: another program
    /// changed it. Nothing was written.
    #[error("another program changed the file")]
    Changed,
    /// The file is gone (deleted or moved away by another program). Nothing was written.
    #[error("the file was deleted by another program")]
    Gone,
    /// The write itself failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SaveError {
    /// A short reason for the status line.
    pub fn reason(&self) -> String {
        match self {
            SaveError::Store(e) => e.reason(),
            other => other.to_string(),
        }
    }
}

/// What [`Store::probe`] found.
#[derive(Debug)]
pub enum Probe {
    /// The file holds what we know (its status may have moved: the identity is refreshed).
    Same(Identity),
    /// Another program changed the file: what it holds now, if it parses, and its identity.
    Changed(Box<Result<Loaded, StoreError>>, Identity),
    /// The file is gone.
    Gone,
    /// It could not be read (e.g. permissions changed); nothing is concluded.
    Unreadable(io::Error),
}

/// The marker error that stops a write whose file changed.
const CHANGED: &str = "retro: the file changed before the rename";
const GONE: &str = "retro: the file was removed before the rename";

impl Store {
    /// Runs `hook` in every guarded save between writing the temporary file and the final
    /// check (for tests of races).
    pub fn with_before_rename(mut self, hook: impl Fn(&Path) + Send + Sync + 'static) -> Store {
        self.before_rename = Some(Hook(Arc::new(hook)));
        self
    }

    /// Writes `incident` to `<id>.toml` atomically (as [`Store::save`]), but only if the
    /// file still holds what `expected` describes; returns the path and the identity of the
    /// file written. With `expected` `None` nothing is checked (nothing is known about the
    /// file; a new file is made with [`Store::create`] instead).
    ///
    /// # Errors
    /// [`SaveError::Changed`] when another program changed the file (nothing written),
    /// [`SaveError::Gone`] when it was removed, [`SaveError::Store`] when writing failed.
    pub fn save_guarded(
        &self,
        incident: &Incident,
        expected: Option<&Identity>,
    ) -> Result<(PathBuf, Identity), SaveError> {
        let path = self.path_of(&incident.id)?;
        let text = codec::to_toml_string(incident).map_err(StoreError::from)?;
        let hook = self.before_rename.clone();
        let mut check = |target: &Path| -> io::Result<()> {
            if let Some(Hook(hook)) = &hook {
                hook(target);
            }
            let Some(known) = expected else {
                return Ok(());
            };
            match read_regular(target) {
                Ok(now) if now.identity.same_content(known) => Ok(()),
                Ok(_) => Err(io::Error::other(CHANGED)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Err(io::Error::other(GONE)),
                Err(e) => Err(e),
            }
        };
        match write::write_atomic_checked(self.dir(), &path, text.as_bytes(), &mut check) {
            Ok(identity) => Ok((path, identity)),
            Err(e) if e.to_string() == CHANGED => Err(SaveError::Changed),
            Err(e) if e.to_string() == GONE => Err(SaveError::Gone),
            Err(e) => Err(SaveError::Store(StoreError::io(&path, e))),
        }
    }

    /// Writes `incident` back to `<id>.toml` after its file was deleted, only if no file has
    /// appeared there meanwhile (a create-if-absent rename).
    ///
    /// # Errors
    /// [`SaveError::Changed`] when a file is there again (nothing written);
    /// [`SaveError::Store`] when writing failed.
    pub fn write_back(&self, incident: &Incident) -> Result<(PathBuf, Identity), SaveError> {
        let path = self.path_of(&incident.id)?;
        let text = codec::to_toml_string(incident).map_err(StoreError::from)?;
        match write::create_atomic(&path, text.as_bytes()) {
            Ok(identity) => Ok((path, identity)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Changed),
            Err(e) => Err(SaveError::Store(StoreError::io(&path, e))),
        }
    }

    /// Tells whether `<id>.toml` still holds what `known` describes. Reads the file only
    /// when its status (inode, length, times) moved, or when its status changed in the last
    /// few seconds (file systems with whole-second times cannot tell two writes in one
    /// second apart).
    pub fn probe(&self, id: &str, known: &Identity) -> Probe {
        let Ok(path) = self.path_of(id) else {
            return Probe::Gone;
        };
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Probe::Gone,
            Err(e) => return Probe::Unreadable(e),
        };
        if known.same_status(&meta) && !recently_changed(known) {
            return Probe::Same(known.clone());
        }
        // The bytes are compared first: only a file that really changed is parsed.
        let file = match read_regular(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Probe::Gone,
            Err(e) => return Probe::Unreadable(e),
        };
        if file.identity.same_content(known) {
            return Probe::Same(file.identity);
        }
        let loaded = super::parse_incident(&path, &file.bytes);
        Probe::Changed(Box::new(loaded), file.identity)
    }
}

/// True when the file's status changed less than three seconds ago (by the system clock).
fn recently_changed(known: &Identity) -> bool {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0);
    now - known.changed_ns < 3_000_000_000
}
