//! Listing the incidents folder quickly: which files are incidents, and a [`Summary`] of each.
//!
//! Both the incident list of the terminal UI and `retro list` come through here. The cost per
//! file is one `open`, usually one `read` and one `close` (the directory entry's type comes
//! free with the listing), then the fast summary reader of [`super::summary_fast`], which
//! hands any file it does not recognise to the full parser. Files are summarised on as many
//! threads as there are cores (at most 8), and the result keeps the files' order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::file_cache::Scratch;
use super::{Entry, RECOVERY_SUFFIX, StoreError, Summary, summary_fast};
use crate::model::FormatError;
use crate::model::id::is_valid_id;

/// A `*.toml` file directly in the incidents folder (recovery copies left out).
#[derive(Clone, Debug)]
pub struct IncidentFile {
    /// The file name without `.toml`.
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// The file's metadata (a link's target's), when it was asked for.
    pub metadata: Option<fs::Metadata>,
}

impl PartialEq for IncidentFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.path == other.path
    }
}

/// Every `*.toml` file directly in `dir`, sorted by name. Recovery copies
/// (`<id>.recovery.toml`), folders and other files are left out; a symbolic link counts when
/// it leads to a file. With `metadata`, each file's metadata is read too (relative to the
/// folder, which is cheaper than by path).
///
/// # Errors
/// The system's error when `dir` cannot be read.
pub fn incident_files(dir: &Path, metadata: bool) -> io::Result<Vec<IncidentFile>> {
    let mut files = Vec::new();
    each_file(dir, metadata, |name, path, meta| {
        files.push(IncidentFile {
            name: name.to_string(),
            path,
            metadata: meta,
        });
    })?;
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// The names (without `.toml`) of the files [`incident_files`] lists, sorted: all a pass
/// over a large folder needs to keep of its listing.
///
/// # Errors
/// The system's error when `dir` cannot be read.
pub fn incident_names(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    each_file(dir, false, |name, _, _| names.push(name.to_string()))?;
    names.sort();
    Ok(names)
}

fn each_file(
    dir: &Path,
    metadata: bool,
    mut found: impl FnMut(&str, PathBuf, Option<fs::Metadata>),
) -> io::Result<()> {
    for dirent in fs::read_dir(dir)? {
        let Ok(dirent) = dirent else { continue };
        let file_name = dirent.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(name) = file_name.strip_suffix(".toml") else {
            continue;
        };
        if name.is_empty() || file_name.ends_with(RECOVERY_SUFFIX) {
            continue;
        }
        let path = dirent.path();
        // The directory entry's type is free; only a link needs a look at its target.
        let (regular, meta) = match dirent.file_type() {
            Ok(t) if t.is_file() => (true, metadata.then(|| dirent.metadata().ok()).flatten()),
            Ok(t) if t.is_symlink() => match fs::metadata(&path) {
                Ok(m) => (m.is_file(), Some(m)),
                Err(_) => (false, None),
            },
            _ => (false, None),
        };
        if regular {
            found(name, path, meta);
        }
    }
    Ok(())
}

/// The error for a file whose name cannot be an incident id.
pub fn bad_name_error() -> FormatError {
    FormatError {
        line: 0,
        column: 0,
        message: "file name is not an incident id like 2026-03-12-short-title".into(),
    }
}

/// Lists and summarises `files` as of `today` (for overdue actions), in their order.
pub fn summarize_all(files: &[IncidentFile], today: Date) -> Vec<Entry> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let run = |part: &[IncidentFile]| {
        let mut scratch = Scratch::new();
        part.iter()
            .map(|f| summarize(&f.name, &f.path, today, &mut scratch))
            .collect::<Vec<_>>()
    };
    if threads == 1 || files.len() < 64 {
        return run(files);
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        let mut out = Vec::with_capacity(files.len());
        for (handle, part) in handles.into_iter().zip(files.chunks(chunk)) {
            match handle.join() {
                Ok(entries) => out.extend(entries),
                // A panicking worker must not lose its files: do them again here.
                Err(_) => out.extend(run(part)),
            }
        }
        out
    })
}

/// Summarises the file `path` named `name` (without `.toml`), reading it into `buf`: the fast
/// reader first, the full parser when it declines.
pub(crate) fn summarize(name: &str, path: &Path, today: Date, scratch: &mut Scratch) -> Entry {
    let broken = |error: FormatError| Entry::Broken {
        name: name.to_string(),
        path: path.to_path_buf(),
        error,
    };
    if !is_valid_id(name) {
        return broken(bad_name_error());
    }
    let bytes = match scratch.read(path) {
        Ok(bytes) => bytes,
        Err(error) => return broken(io_error(path, error)),
    };
    // The file name is the identity: a copied file must not pass for the original.
    let named = |summary: Summary, read_only: bool| {
        if summary.id == name {
            Entry::Incident { summary, read_only }
        } else {
            broken(id_mismatch_error(&summary.id, name))
        }
    };
    if let Some(summary) = summary_fast::summarize(bytes, today) {
        return named(summary, false);
    }
    match super::parse_incident(path, bytes) {
        Ok(loaded) => named(
            Summary::of(&loaded.incident, today),
            loaded.read_only.is_some(),
        ),
        Err(StoreError::Format { error, .. }) => broken(error),
        Err(other) => broken(FormatError {
            line: 0,
            column: 0,
            message: other.to_string(),
        }),
    }
}

/// The problem of a file whose `id` is not its file name.
pub fn id_mismatch_error(id: &str, name: &str) -> FormatError {
    FormatError {
        line: 0,
        column: 0,
        message: format!(
            "`id` is \"{id}\" but the file is named {name}.toml (set `id = \"{name}\"` in the file, or rename it to {id}.toml)"
        ),
    }
}

/// A file that could not be read, as an unplaced error.
pub(crate) fn io_error(path: &Path, error: io::Error) -> FormatError {
    FormatError {
        line: 0,
        column: 0,
        message: StoreError::Io {
            path: path.to_path_buf(),
            source: error,
        }
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::file_cache::{BUFFER, read_open};
    use std::fs::File;

    /// [`read_open`] of the file `path`.
    fn read_into(path: &Path, buf: &mut Vec<u8>) -> io::Result<usize> {
        read_open(&mut File::open(path)?, buf)
    }

    #[test]
    fn reads_files_of_any_size_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut buf = Vec::new();
        for size in [
            0,
            1,
            BUFFER / 4,
            BUFFER - 1,
            BUFFER,
            BUFFER + 1,
            3 * BUFFER + 7,
        ] {
            let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            let path = dir.path().join(format!("{size}.bin"));
            fs::write(&path, &data).unwrap();
            let len = read_into(&path, &mut buf).unwrap();
            assert_eq!(buf[..len], data[..], "size {size}");
        }
        assert!(read_into(&dir.path().join("missing"), &mut buf).is_err());
    }

    #[test]
    fn leaves_out_recovery_copies_folders_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "2026-01-02-b.toml",
            "2026-01-01-a.toml",
            "2026-01-01-a.recovery.toml",
            "notes.txt",
            ".toml",
        ] {
            fs::write(dir.path().join(name), "").unwrap();
        }
        fs::create_dir(dir.path().join("2026-01-03-folder.toml")).unwrap();
        let names: Vec<String> = incident_files(dir.path(), false)
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, ["2026-01-01-a", "2026-01-02-b"]);
    }
}
