//! A Slack workspace export as a ZIP or as its unpacked folder: the top-level JSON files and
//! one channel's day files, read member by member so that the cost follows the channel, not
//! the workspace (Slack Help Center, "How to read Slack data exports").

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::input::{io_error, shown};
use super::types::ImportError;

/// An opened export.
pub enum Archive {
    /// The admin "Export data" ZIP; `root` is the folder inside it that holds
    /// `channels.json` (empty, or `name/` when the folder itself was zipped).
    Zip {
        /// The archive, its central directory read.
        zip: Box<ZipArchive<BufReader<File>>>,
        /// The members' common prefix.
        root: String,
        /// The ZIP's path as shown in messages.
        shown: String,
    },
    /// The unpacked folder.
    Folder(PathBuf),
}

impl Archive {
    /// Opens a ZIP file or a folder.
    ///
    /// # Errors
    /// A file that is not a readable ZIP (truncated, damaged), or an export without
    /// `channels.json`.
    pub fn open(path: &Path) -> Result<Archive, ImportError> {
        let place = shown(path);
        if path.is_dir() {
            if !path.join("channels.json").is_file() {
                return Err(ImportError::at(
                    place,
                    "no channels.json in the folder: not a Slack workspace export",
                ));
            }
            return Ok(Archive::Folder(path.to_path_buf()));
        }
        let (reader, _) = super::input::open(path)?;
        let zip = ZipArchive::new(reader).map_err(|e| {
            ImportError::at(&place, format!("not a readable ZIP file ({e}); truncated?"))
        })?;
        let root = zip
            .file_names()
            .filter_map(Result::ok)
            .filter_map(|n| n.strip_suffix("channels.json").map(str::to_string))
            .filter(|prefix| prefix.is_empty() || prefix.matches('/').count() == 1)
            .filter(|prefix| prefix.is_empty() || prefix.ends_with('/'))
            .min_by_key(String::len)
            .ok_or_else(|| {
                ImportError::at(
                    &place,
                    "no channels.json in the ZIP: not a Slack workspace export",
                )
            })?;
        Ok(Archive::Zip {
            zip: Box::new(zip),
            root,
            shown: place,
        })
    }

    /// Where a member is, for messages: `export.zip:general/2024-03-12.json` or the file's
    /// path in the folder.
    pub fn place(&self, member: &str) -> String {
        match self {
            Archive::Zip { root, shown, .. } => format!("{shown}:{root}{member}"),
            Archive::Folder(dir) => shown(&dir.join(member)),
        }
    }

    /// The bytes of a member (`users.json`, `general/2024-03-12.json`), `None` when absent.
    ///
    /// # Errors
    /// A damaged member (bad compression, wrong checksum) or an unreadable file.
    pub fn read(&mut self, member: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let place = self.place(member);
        match self {
            Archive::Zip { zip, root, .. } => {
                let name = format!("{root}{member}");
                let mut file = match zip.by_name(&name) {
                    Ok(file) => file,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(e) => return Err(ImportError::at(place, format!("damaged ({e})"))),
                };
                let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
                file.read_to_end(&mut bytes)
                    .map_err(|e| ImportError::at(place, format!("damaged ({e})")))?;
                Ok(Some(bytes))
            }
            Archive::Folder(dir) => match std::fs::read(dir.join(member)) {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(io_error(&place, &e)),
            },
        }
    }

    /// The day files of channel folder `channel` (`channel/YYYY-MM-DD.json`), by name, with
    /// their sizes in bytes.
    ///
    /// # Errors
    /// A folder that cannot be listed.
    pub fn day_files(&mut self, channel: &str) -> Result<Vec<(String, u64)>, ImportError> {
        let mut files = Vec::new();
        match self {
            Archive::Zip { zip, root, .. } => {
                let prefix = format!("{root}{channel}/");
                let names: Vec<String> = zip
                    .file_names()
                    .filter_map(Result::ok)
                    .filter(|n| n.starts_with(&prefix) && n.ends_with(".json"))
                    .filter(|n| !n[prefix.len()..].contains('/'))
                    .map(|n| n.into_owned())
                    .collect();
                for name in names {
                    let size = zip.by_name(&name).map_or(0, |f| f.size());
                    files.push((name[root.len()..].to_string(), size));
                }
            }
            Archive::Folder(dir) => {
                let folder = dir.join(channel);
                let entries = match std::fs::read_dir(&folder) {
                    Ok(entries) => entries,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(files),
                    Err(e) => return Err(io_error(&shown(&folder), &e)),
                };
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.ends_with(".json") {
                        let size = entry.metadata().map_or(0, |m| m.len());
                        files.push((format!("{channel}/{name}"), size));
                    }
                }
            }
        }
        files.sort();
        Ok(files)
    }
}
