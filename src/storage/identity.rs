//! Reading incident files safely, and knowing whether a file is still the one we read.
//!
//! Every incident file is read through [`read_regular`]: it opens without blocking (a FIFO
//! named `<id>.toml` cannot hang the program), accepts only regular files, and reads at most
//! [`MAX_FILE_BYTES`]. What was read is remembered as an [`Identity`]: the length and a hash
//! of the bytes, with the file's device, inode and times. Whether another program changed the
//! file is judged by content (length and hash), never by its modification time alone, which a
//! `cp -p` or `touch -r` can put back and which some file systems keep to the whole second.

use std::fs::{File, Metadata, OpenOptions};
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// The largest incident file retro reads: 16 MiB. A larger file is listed with an error and
/// never opened (a very long incident is well under 1 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What a file held when this program last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// Length in bytes.
    pub len: u64,
    /// A hash of the bytes (std's SipHash; for noticing changes, not against forgery).
    pub hash: u64,
    /// Device and inode (0 where the system has none).
    pub dev: u64,
    /// The inode.
    pub ino: u64,
    /// Modification time, if the system tells.
    pub modified: Option<SystemTime>,
    /// Status-change time in nanoseconds since the epoch (Unix; 0 elsewhere). Unlike the
    /// modification time it cannot be set back by another program.
    pub changed_ns: i128,
}

impl Identity {
    /// The identity of `bytes` as held by a file with metadata `meta`.
    pub fn of(bytes: &[u8], meta: &Metadata) -> Identity {
        let (dev, ino, changed_ns) = unix_ids(meta);
        Identity {
            len: bytes.len() as u64,
            hash: hash(bytes),
            dev,
            ino,
            modified: meta.modified().ok(),
            changed_ns,
        }
    }

    /// True when `other` holds the same bytes (same length and hash).
    pub fn same_content(&self, other: &Identity) -> bool {
        self.len == other.len && self.hash == other.hash
    }

    /// True when `meta` shows the very file this identity was taken from, untouched since:
    /// same device, inode, length, modification and status-change times. A cheap test that
    /// needs no reading; when it fails, compare content.
    pub fn same_status(&self, meta: &Metadata) -> bool {
        let (dev, ino, changed_ns) = unix_ids(meta);
        self.dev == dev
            && self.ino == ino
            && self.len == meta.len()
            && self.modified == meta.modified().ok()
            && self.changed_ns == changed_ns
    }
}

/// A hash of `bytes`.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

#[cfg(unix)]
fn unix_ids(meta: &Metadata) -> (u64, u64, i128) {
    use std::os::unix::fs::MetadataExt;
    let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
    (meta.dev(), meta.ino(), changed)
}

#[cfg(not(unix))]
fn unix_ids(_meta: &Metadata) -> (u64, u64, i128) {
    (0, 0, 0)
}

/// A file's bytes with the identity they were read as.
#[derive(Debug)]
pub struct FileBytes {
    /// The whole file.
    pub bytes: Vec<u8>,
    /// What was read, with the open file's own metadata.
    pub identity: Identity,
    /// The open file's metadata (permissions, link count).
    pub meta: Metadata,
}

/// Opens `path` for reading without blocking on a FIFO or device (following symbolic links,
/// which the caller judges), and checks it is a regular file of at most [`MAX_FILE_BYTES`].
///
/// # Errors
/// [`io::ErrorKind::InvalidInput`] with a message for something that is not a regular file,
/// [`io::ErrorKind::FileTooLarge`] for one above the limit; otherwise the system's error.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO then returns at once instead of waiting for a
        // writer; regular files ignore it.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file (a FIFO, device or folder); not read",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    Ok((file, meta))
}

fn too_large(len: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "{:.1} MiB is larger than the {} MiB an incident file may hold; not read",
            len as f64 / 1024.0 / 1024.0,
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`] (see [`open_regular`]), with the
/// identity of what was read.
///
/// # Errors
/// As [`open_regular`], or a read error; also [`io::ErrorKind::FileTooLarge`] when the file
/// grew past the limit while being read.
pub fn read_regular(path: &Path) -> io::Result<FileBytes> {
    let (file, meta) = open_regular(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let identity = Identity::of(&bytes, &meta);
    Ok(FileBytes {
        bytes,
        identity,
        meta,
    })
}
