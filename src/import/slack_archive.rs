//! A Slack workspace export as a ZIP or as its unpacked folder: the top-level JSON files and
//! one channel's day files, read member by member so that the cost follows the channel, not
//! the workspace (Slack Help Center, "How to read Slack data exports").

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
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

    /// The day files of channel folder `channel` (`channel/YYYY-MM-DD.json`), by name.
    ///
    /// For a ZIP this gives up the archive's index (its central directory, the one part of a
    /// large workspace export whose size follows the whole workspace) before any member is
    /// read, so that memory holds the index or the channel, never both.
    ///
    /// # Errors
    /// A folder that cannot be listed, a damaged ZIP entry.
    pub fn into_day_files(self, channel: &str) -> Result<DayFiles, ImportError> {
        match self {
            Archive::Zip {
                mut zip,
                root,
                shown,
            } => {
                let prefix = format!("{root}{channel}/");
                let mut files = Vec::new();
                for index in 0..zip.len() {
                    let Some(Ok(name)) = zip.name_for_index(index) else {
                        continue;
                    };
                    if !(name.starts_with(&prefix) && name.ends_with(".json"))
                        || name[prefix.len()..].contains('/')
                    {
                        continue;
                    }
                    let name = name.into_owned();
                    let entry = zip.by_index_raw(index).map_err(|e| {
                        ImportError::at(format!("{shown}:{name}"), format!("damaged ({e})"))
                    })?;
                    files.push(DayFile {
                        member: name[root.len()..].to_string(),
                        header_start: entry.header_start(),
                        compressed: entry.compressed_size(),
                        size: entry.size(),
                    });
                }
                files.sort_by(|a, b| a.member.cmp(&b.member));
                let reader = zip.into_inner();
                Ok(DayFiles::Zip {
                    reader,
                    files,
                    root,
                    shown,
                })
            }
            Archive::Folder(dir) => {
                let folder = dir.join(channel);
                let mut files = Vec::new();
                let entries = match std::fs::read_dir(&folder) {
                    Ok(entries) => Some(entries),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                    Err(e) => return Err(io_error(&shown(&folder), &e)),
                };
                for entry in entries.into_iter().flatten().flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.ends_with(".json") {
                        files.push(DayFile {
                            member: format!("{channel}/{name}"),
                            header_start: 0,
                            compressed: 0,
                            size: entry.metadata().map_or(0, |m| m.len()),
                        });
                    }
                }
                files.sort_by(|a, b| a.member.cmp(&b.member));
                Ok(DayFiles::Folder { dir, files })
            }
        }
    }
}

/// One day file of a channel.
pub struct DayFile {
    /// `channel/YYYY-MM-DD.json`.
    pub member: String,
    header_start: u64,
    compressed: u64,
    /// Uncompressed size in bytes.
    pub size: u64,
}

/// A channel's day files, ready to be read one by one.
pub enum DayFiles {
    /// Members of a ZIP, found by their local headers (the index is gone).
    Zip {
        /// The ZIP file.
        reader: BufReader<File>,
        /// The day files.
        files: Vec<DayFile>,
        /// Prefix of members in the ZIP.
        root: String,
        /// The ZIP's path as shown.
        shown: String,
    },
    /// Files of the unpacked folder.
    Folder {
        /// The export's folder.
        dir: PathBuf,
        /// The day files.
        files: Vec<DayFile>,
    },
}

impl DayFiles {
    /// The day files, by name.
    pub fn files(&self) -> &[DayFile] {
        match self {
            DayFiles::Zip { files, .. } | DayFiles::Folder { files, .. } => files,
        }
    }

    /// Where day file `i` is, for messages.
    pub fn place(&self, i: usize) -> String {
        match self {
            DayFiles::Zip {
                files, root, shown, ..
            } => format!("{shown}:{root}{}", files[i].member),
            DayFiles::Folder { dir, files } => shown(&dir.join(&files[i].member)),
        }
    }

    /// The bytes of day file `i`, decompressed and checked (CRC) by the zip crate.
    ///
    /// # Errors
    /// A damaged member or an unreadable file.
    pub fn read(&mut self, i: usize) -> Result<Vec<u8>, ImportError> {
        let place = self.place(i);
        match self {
            DayFiles::Zip { reader, files, .. } => {
                let file = &files[i];
                let damaged =
                    |e: &dyn std::fmt::Display| ImportError::at(&place, format!("damaged ({e})"));
                reader
                    .seek(SeekFrom::Start(file.header_start))
                    .map_err(|e| damaged(&e))?;
                let mut entry = zip::read::read_zipfile_from_stream_with_compressed_size(
                    reader,
                    file.compressed,
                )
                .map_err(|e| damaged(&e))?
                .ok_or_else(|| damaged(&"no entry at its offset"))?;
                let mut bytes = Vec::with_capacity(usize::try_from(file.size).unwrap_or(0));
                entry.read_to_end(&mut bytes).map_err(|e| damaged(&e))?;
                Ok(bytes)
            }
            DayFiles::Folder { dir, files } => {
                std::fs::read(dir.join(&files[i].member)).map_err(|e| io_error(&place, &e))
            }
        }
    }
}
