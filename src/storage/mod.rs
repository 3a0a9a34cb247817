//! The incidents folder: where it is, listing, loading, atomic saving, and the trash.
//!
//! Rules from FORMAT.md: one `<id>.toml` per incident; new folders are user-only (0700) and
//! new files user-only (0600), existing permissions are kept; a file that does not parse is
//! listed with its error and never overwritten; only valid ids become file names.

pub mod action_item;
pub mod actions;
pub mod cleanup;
mod dirs;
pub mod file_cache;
mod fix_id;
pub mod guarded;
pub mod identity;
pub mod lint_fast;
pub mod list_cache;
pub mod listing;
pub mod lock;
pub mod recovery;
pub mod resolve;
pub mod summary_fast;
pub mod watch;
mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::model::codec::{self, FormatError, Parsed};
use crate::model::id::{is_valid_id, new_id};
use crate::model::{Choice, Incident, IncidentStatus, Moment, SCHEMA_VERSION, Severity};

pub use dirs::{DirSource, resolve_dir};
pub use guarded::{Probe, SaveError};
pub use identity::{Identity, MAX_FILE_BYTES, read_regular};
pub use lock::{IncidentLock, LockError};
pub use recovery::{RECOVERY_SUFFIX, Recovery, differences};
pub use write::{create_atomic, write_atomic, write_atomic_in};

/// What can go wrong with the incidents folder or a file in it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder or a file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A file's text is not a valid incident.
    #[error("{}:{error}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// Where and what.
        error: FormatError,
    },
    /// An id that is not `<YYYY-MM-DD>-<slug>` was asked for.
    #[error("`{0}` is not a valid incident id (e.g. 2026-03-12-checkout-errors)")]
    BadId(String),
    /// No file for that id.
    #[error("no incident `{0}` in the incidents folder")]
    NotFound(String),
    /// The incident could not be turned into TOML.
    #[error("cannot write incident: {0}")]
    Serialize(#[from] toml::ser::Error),
}

impl StoreError {
    /// A short reason for a status line: "the disk is full", "permission denied", … without
    /// paths.
    pub fn reason(&self) -> String {
        match self {
            StoreError::Io { source, .. } => match source.kind() {
                io::ErrorKind::NotFound => "the incidents folder is gone".into(),
                io::ErrorKind::PermissionDenied => "permission denied".into(),
                io::ErrorKind::StorageFull => "the disk is full".into(),
                io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
                io::ErrorKind::QuotaExceeded => "the disk quota is used up".into(),
                _ => {
                    let text = source.to_string();
                    text.split(" at path ").next().unwrap_or(&text).to_string()
                }
            },
            other => other.to_string(),
        }
    }

    fn io(path: &Path, source: io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

pub use crate::model::summary::{Entry, Loaded, Summary};

/// The incidents folder.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    list_cache: Option<PathBuf>,
    before_rename: Option<guarded::Hook>,
    /// IANA time zone given to new incidents (from the configuration); empty: none.
    timezone: String,
}

impl Store {
    /// Opens the folder, creating it (user-only, 0700) with any missing parents.
    ///
    /// # Errors
    /// [`StoreError::Io`] when it cannot be created or is not a folder.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        if !dir.is_dir() {
            write::create_private_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
        }
        let meta = fs::metadata(&dir).map_err(|e| StoreError::io(&dir, e))?;
        if !meta.is_dir() {
            return Err(StoreError::io(
                &dir,
                io::Error::new(io::ErrorKind::NotADirectory, "not a folder"),
            ));
        }
        Ok(Store {
            dir,
            list_cache: None,
            before_rename: None,
            timezone: String::new(),
        })
    }

    /// Keeps the list's summaries in the cache file `cache` (see [`list_cache`]), so that
    /// listing again reads only the files that changed. `None` turns the cache off.
    pub fn with_list_cache(mut self, cache: Option<PathBuf>) -> Store {
        self.list_cache = cache;
        self
    }

    /// Gives new incidents ([`Store::new_incident`]) the time zone `zone` (an IANA name from
    /// the configuration); empty leaves it unset.
    pub fn with_timezone(mut self, zone: &str) -> Store {
        self.timezone = zone.trim().to_string();
        self
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file for an id.
    ///
    /// # Errors
    /// [`StoreError::BadId`] unless the id matches `^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+$`.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if is_valid_id(id) {
            Ok(self.dir.join(format!("{id}.toml")))
        } else {
            Err(StoreError::BadId(id.to_string()))
        }
    }

    /// True when a file for `id` exists.
    pub fn exists(&self, id: &str) -> bool {
        self.path_of(id).is_ok_and(|p| p.exists())
    }

    /// Every `*.toml` file in the folder, newest first (by start date, then id). Recovery
    /// copies (`*.recovery.toml`), lock files and temporary files are not listed.
    ///
    /// Files that do not parse are listed as [`Entry::Broken`]; they do not stop the listing.
    ///
    /// # Errors
    /// [`StoreError::Io`] only when the folder itself cannot be read.
    pub fn list(&self, today: Date) -> Result<Vec<Entry>, StoreError> {
        let names = self.names()?;
        let mut entries = Vec::with_capacity(names.len());
        list_cache::each_entry(
            &self.dir,
            &names,
            today,
            self.list_cache.as_deref(),
            |entry| entries.push(entry),
        );
        entries.sort_by(|a, b| {
            b.sort_date()
                .cmp(&a.sort_date())
                .then_with(|| b.name().cmp(a.name()))
        });
        Ok(entries)
    }

    /// The names (without `.toml`) of the incident files of the folder, sorted; see
    /// [`listing::incident_names`].
    ///
    /// # Errors
    /// [`StoreError::Io`] when the folder cannot be read.
    pub fn names(&self) -> Result<Vec<String>, StoreError> {
        listing::incident_names(&self.dir).map_err(|e| StoreError::io(&self.dir, e))
    }

    /// The list cache file, when there is one (see [`Store::with_list_cache`]).
    pub fn list_cache(&self) -> Option<&Path> {
        self.list_cache.as_deref()
    }

    /// Reads an incident by id.
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::NotFound`], [`StoreError::Io`], or
    /// [`StoreError::Format`] with line and column.
    pub fn load(&self, id: &str) -> Result<Loaded, StoreError> {
        self.load_tracked(id).map(|(loaded, _)| loaded)
    }

    /// Reads an incident by id, with the identity of the bytes read (to tell later whether
    /// another program changed the file, see [`Store::save_guarded`]).
    ///
    /// # Errors
    /// As [`Store::load`].
    pub fn load_tracked(&self, id: &str) -> Result<(Loaded, Identity), StoreError> {
        let path = self.path_of(id)?;
        if fs::symlink_metadata(&path).is_err() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let (mut loaded, identity) = read_incident_tracked(&path)?;
        if loaded.incident.id != id {
            return Err(StoreError::Format {
                path,
                error: listing::id_mismatch_error(&loaded.incident.id, id),
            });
        }
        if loaded.read_only.is_none() {
            loaded.read_only = self.why_not_writable(&path);
        }
        Ok((loaded, identity))
    }

    /// Why the file at `path` must not be rewritten although it parses, if so: it is
    /// read-only (no write permission for its owner: respected, not overridden), or a
    /// symbolic link leading outside the incidents folder.
    fn why_not_writable(&self, path: &Path) -> Option<String> {
        if let Err(e) = write::confined_target(&self.dir, path) {
            return Some(match e.kind() {
                io::ErrorKind::PermissionDenied => {
                    "a symbolic link to a file outside the incidents folder; shown read-only \
                     (replace the link with a copy to edit it here)"
                        .to_string()
                }
                _ => format!("cannot be written: {e}"),
            });
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path).ok()?.permissions().mode();
            if mode & 0o200 == 0 {
                return Some(format!(
                    "the file is read-only (mode {:o}); shown read-only \
                     (`chmod u+w` it to edit)",
                    mode & 0o777
                ));
            }
        }
        None
    }

    /// Reads the raw text of a file in the folder (to show a broken file).
    ///
    /// # Errors
    /// [`StoreError::Io`].
    pub fn read_text(&self, path: &Path) -> Result<String, StoreError> {
        let file = read_regular(path).map_err(|e| StoreError::io(path, e))?;
        Ok(String::from_utf8_lossy(&file.bytes).into_owned())
    }

    /// Writes an incident atomically to `<id>.toml` (temporary file, fsync, rename, fsync
    /// of the folder). Existing permissions are kept; a new file is user-only. When
    /// `<id>.toml` is a symbolic link, its target is written (the link kept) only if it is
    /// inside the incidents folder.
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::Serialize`], [`StoreError::Io`] (also for a
    /// symbolic link leading outside the folder, or a dangling one).
    pub fn save(&self, incident: &Incident) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&incident.id)?;
        let text = codec::to_toml_string(incident)?;
        write_atomic_in(&self.dir, &path, text.as_bytes()).map_err(|e| StoreError::io(&path, e))?;
        Ok(path)
    }

    /// Makes a new incident titled `title`, dated `date` (the day it started, or today),
    /// with an id unique in this folder. It is not written until [`Store::save`].
    pub fn new_incident(&self, title: &str, date: Date, now: Moment) -> Incident {
        let id = new_id(date, title, |candidate| self.exists(candidate));
        Incident {
            schema_version: SCHEMA_VERSION,
            id,
            title: title.trim().to_string(),
            severity: Some(Severity::ALL[2]),
            status: Some(IncidentStatus::Draft),
            timezone: self.timezone.clone(),
            created_at: Some(now),
            updated_at: Some(now),
            ..Incident::default()
        }
    }

    /// Writes a new incident to a file of its own, never over an existing one: when its id
    /// is taken by the time of writing (another program was quicker), the next free
    /// `-2`, `-3`, … after it is taken instead, decided by the file
    /// system (a create-if-absent rename). Returns the path, the incident as written (with
    /// the id it got) and the written file's identity.
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::Serialize`], [`StoreError::Io`].
    pub fn create(
        &self,
        mut incident: Incident,
    ) -> Result<(PathBuf, Incident, Identity), StoreError> {
        let base = incident.id.clone();
        let mut n = 1;
        while n < 10_000 {
            let path = self.path_of(&incident.id)?;
            let text = codec::to_toml_string(&incident)?;
            match write::create_atomic(&path, text.as_bytes()) {
                Ok(identity) => return Ok((path, incident, identity)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => loop {
                    n += 1;
                    incident.id = format!("{base}-{n}");
                    if !self.exists(&incident.id) || n >= 10_000 {
                        break;
                    }
                },
                Err(e) => return Err(StoreError::io(&path, e)),
            }
        }
        Err(StoreError::io(
            &self.dir,
            io::Error::new(io::ErrorKind::AlreadyExists, "no free id for this title"),
        ))
    }

    /// Moves `<id>.toml` into `.trash/` inside the folder (a clash gets a numbered name).
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::NotFound`], [`StoreError::Io`].
    pub fn trash(&self, id: &str) -> Result<PathBuf, StoreError> {
        let path = self.path_of(id)?;
        self.trash_path(&path)
    }

    /// Moves any file of the folder (also a broken one) into `.trash/`.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the file is not directly in the folder; [`StoreError::Io`].
    pub fn trash_path(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let name = path
            .file_name()
            .filter(|_| path.parent() == Some(self.dir.as_path()) && path.exists())
            .ok_or_else(|| StoreError::NotFound(path.display().to_string()))?;
        let trash = self.dir.join(".trash");
        // Never a link to elsewhere, nor another user's folder: the file must stay inside.
        write::ensure_own_dir(&trash).map_err(|e| StoreError::io(&trash, e))?;
        let mut target = trash.join(name);
        let mut n = 2;
        while target.exists() {
            target = trash.join(format!("{}.{n}", name.to_string_lossy()));
            n += 1;
        }
        fs::rename(path, &target).map_err(|e| StoreError::io(path, e))?;
        Ok(target)
    }
}

/// Reads and parses one file.
///
/// # Errors
/// [`StoreError::Io`] or [`StoreError::Format`].
pub fn read_incident(path: &Path) -> Result<Loaded, StoreError> {
    read_incident_tracked(path).map(|(loaded, _)| loaded)
}

/// Reads and parses one file (a regular file of at most [`MAX_FILE_BYTES`]), with the
/// identity of the bytes read.
///
/// # Errors
/// [`StoreError::Io`] (also for a FIFO, a device or a file over the limit) or
/// [`StoreError::Format`].
pub fn read_incident_tracked(path: &Path) -> Result<(Loaded, Identity), StoreError> {
    let file = read_regular(path).map_err(|e| StoreError::io(path, e))?;
    let identity = file.identity;
    parse_bytes(path, file.bytes).map(|loaded| (loaded, identity))
}

fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Result<Loaded, StoreError> {
    parse_incident(path, &bytes)
}

/// Parses the bytes of the file `path` (for messages only), as [`read_incident`] does.
///
/// # Errors
/// [`StoreError::Format`].
pub fn parse_incident(path: &Path, bytes: &[u8]) -> Result<Loaded, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::Format {
        path: path.to_path_buf(),
        error: FormatError {
            line: 0,
            column: 0,
            message: format!("not UTF-8 text (byte {})", e.valid_up_to()),
        },
    })?;
    match codec::parse(text) {
        Ok(Parsed::Current(incident)) => Ok(Loaded {
            incident: *incident,
            read_only: None,
        }),
        Ok(Parsed::Newer {
            version,
            incident: Some(incident),
        }) => Ok(Loaded {
            incident: *incident,
            read_only: Some(format!(
                "written by a newer retro (schema {version}); shown read-only"
            )),
        }),
        Ok(Parsed::Newer {
            version,
            incident: None,
        }) => Err(StoreError::Format {
            path: path.to_path_buf(),
            error: FormatError {
                line: 0,
                column: 0,
                message: format!(
                    "schema_version {version} is newer than this program's {SCHEMA_VERSION}; update retro to edit it"
                ),
            },
        }),
        Err(error) => Err(StoreError::Format {
            path: path.to_path_buf(),
            error,
        }),
    }
}
