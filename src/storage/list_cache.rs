//! A cache of the incident list's summaries, so that listing a large folder a second time
//! reads only the folder's entries and each file's status, not the files.
//!
//! The cache is one JSON file per incidents folder, outside the folder so that a folder under
//! git stays clean: `<cache dir>/lists/<hash of the folder's path>.json`, where the cache dir is
//! `$RETRO_CACHE_DIR` or `directories::ProjectDirs::cache_dir()` (on Linux
//! `~/.cache/retro`). It is only ever a copy: any file whose size, modification time, change
//! time, inode or device differs from what the cache holds is read again, and so is a file
//! changed in the two seconds before the cache was written (file times are coarse, so such a
//! file could change again without its times changing — the "racy" case git's index also
//! guards against). A cache that is missing, unreadable, from another version of the program
//! or for another folder is ignored and rebuilt; failing to write it is not an error.

use std::collections::HashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::listing::{IncidentFile, summarize_all};
use super::{Entry, Summary};
use crate::model::FormatError;

/// Version of the cache file's layout; another version is ignored.
const LAYOUT: u32 = 1;

/// How long a file must have been left alone before its summary is kept in the cache.
const SETTLE: Duration = Duration::from_secs(2);

/// Where the list cache of the folder `dir` lives: `<root>/lists/<hash>.json`, with `root`
/// from `RETRO_CACHE_DIR` (passed in as `env`, so the rule is testable) or the user's cache
/// folder; `None` when neither exists.
pub fn cache_file(dir: &Path, env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let root = match env.filter(|v| !v.is_empty()) {
        Some(root) => PathBuf::from(root),
        None => directories::ProjectDirs::from("", "", "retro")?
            .cache_dir()
            .to_path_buf(),
    };
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    dir.hash(&mut hasher);
    Some(
        root.join("lists")
            .join(format!("{:016x}.json", hasher.finish())),
    )
}

/// What identifies one version of a file without reading it: size, modification and change
/// times (seconds and nanoseconds), inode and device. Written as a plain array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct FileKey {
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

impl FileKey {
    fn of(file: &IncidentFile) -> Option<FileKey> {
        let meta = match &file.metadata {
            Some(meta) => meta.clone(),
            None => fs::metadata(&file.path).ok()?,
        };
        Some(FileKey {
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
            dev: meta.dev(),
        })
    }

    /// True when the file was last changed at least `settle` before `started`.
    fn settled(&self, started: SystemTime, settle: Duration) -> bool {
        let Ok(started) = started.duration_since(UNIX_EPOCH) else {
            return false;
        };
        let limit = started.saturating_sub(settle);
        let (secs, nanos) = self.ctime;
        u64::try_from(secs).is_ok_and(|s| {
            let nanos = u32::try_from(nanos).unwrap_or(0);
            Duration::new(s, nanos.min(999_999_999)) < limit
        })
    }
}

/// One listed file as cached.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Cached {
    name: String,
    key: FileKey,
    item: Item,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Item {
    Incident {
        summary: Summary,
        read_only: bool,
    },
    Broken {
        line: usize,
        column: usize,
        message: String,
    },
}

/// The cache file.
#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    layout: u32,
    program: String,
    dir: PathBuf,
    entries: Vec<Cached>,
}

/// Lists `files` of the folder `dir` as [`summarize_all`] would, taking the summaries of
/// unchanged files from the cache at `cache` and writing the cache back when anything changed.
pub fn summarize_cached(
    dir: &Path,
    files: &[IncidentFile],
    today: Date,
    cache: &Path,
) -> Vec<Entry> {
    summarize_at(dir, files, today, cache, SystemTime::now(), SETTLE)
}

/// [`summarize_cached`] with the clock and the settling time given.
fn summarize_at(
    dir: &Path,
    files: &[IncidentFile],
    today: Date,
    cache: &Path,
    started: SystemTime,
    settle: Duration,
) -> Vec<Entry> {
    let old = read_cache(cache, dir);
    let known: HashMap<&str, &Cached> = old.iter().map(|c| (c.name.as_str(), c)).collect();

    let mut out: Vec<Option<Entry>> = Vec::with_capacity(files.len());
    let mut keys = Vec::with_capacity(files.len());
    let mut missing = Vec::new();
    for file in files {
        let key = FileKey::of(file);
        let hit = key.and_then(|k| known.get(file.name.as_str()).filter(|c| c.key == k));
        match hit {
            Some(cached) => out.push(Some(entry_of(cached, file, today))),
            None => {
                missing.push(file.clone());
                out.push(None);
            }
        }
        keys.push(key);
    }
    let mut fresh = summarize_all(&missing, today).into_iter();
    for slot in out.iter_mut().filter(|slot| slot.is_none()) {
        *slot = fresh.next();
    }
    let entries: Vec<Entry> = out.into_iter().flatten().collect();
    if entries.len() != files.len() {
        return summarize_all(files, today);
    }

    let new: Vec<Cached> = files
        .iter()
        .zip(&keys)
        .zip(&entries)
        .filter_map(|((file, key), entry)| {
            let key = (*key)?;
            key.settled(started, settle).then(|| Cached {
                name: file.name.clone(),
                key,
                item: item_of(entry),
            })
        })
        .collect();
    let unchanged = new.len() == old.len()
        && new
            .iter()
            .zip(&old)
            .all(|(a, b)| a.name == b.name && a.key == b.key);
    if !unchanged {
        // Only a cache: a folder we cannot write to must not stop the listing.
        let _ = write_cache(cache, dir, new);
    }
    entries
}

fn entry_of(cached: &Cached, file: &IncidentFile, today: Date) -> Entry {
    match &cached.item {
        Item::Incident { summary, read_only } => {
            let mut summary = summary.clone();
            summary.recount_overdue(today);
            Entry::Incident {
                summary,
                read_only: *read_only,
            }
        }
        Item::Broken {
            line,
            column,
            message,
        } => Entry::Broken {
            name: file.name.clone(),
            path: file.path.clone(),
            error: FormatError {
                line: *line,
                column: *column,
                message: message.clone(),
            },
        },
    }
}

fn item_of(entry: &Entry) -> Item {
    match entry {
        Entry::Incident { summary, read_only } => Item::Incident {
            summary: summary.clone(),
            read_only: *read_only,
        },
        Entry::Broken { error, .. } => Item::Broken {
            line: error.line,
            column: error.column,
            message: error.message.clone(),
        },
    }
}

fn read_cache(cache: &Path, dir: &Path) -> Vec<Cached> {
    let Ok(bytes) = fs::read(cache) else {
        return Vec::new();
    };
    match serde_json::from_slice::<CacheFile>(&bytes) {
        Ok(file)
            if file.layout == LAYOUT
                && file.program == env!("CARGO_PKG_VERSION")
                && file.dir == dir =>
        {
            file.entries
        }
        _ => Vec::new(),
    }
}

fn write_cache(cache: &Path, dir: &Path, entries: Vec<Cached>) -> std::io::Result<()> {
    let Some(parent) = cache.parent() else {
        return Ok(());
    };
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(parent)?;
    let file = CacheFile {
        layout: LAYOUT,
        program: env!("CARGO_PKG_VERSION").to_string(),
        dir: dir.to_path_buf(),
        entries,
    };
    // A temporary file is user-only (0600): summaries hold titles, which may be sensitive.
    let mut tmp = tempfile::NamedTempFile::new_in(parent)?;
    let mut writer = std::io::BufWriter::new(tmp.as_file_mut());
    serde_json::to_writer(&mut writer, &file)?;
    writer.flush()?;
    drop(writer);
    tmp.persist(cache).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::listing::incident_files;

    const TODAY: Date = jiff::civil::date(2026, 4, 1);

    fn incident(id: &str, title: &str, due: &str) -> String {
        format!(
            "schema_version = 1\nid = \"{id}\"\ntitle = \"{title}\"\n\n\
             [[actions]]\nid = \"A1\"\ntitle = \"Fix it\"\ndue = {due}\n"
        )
    }

    struct Folder {
        _tmp: tempfile::TempDir,
        dir: PathBuf,
        cache: PathBuf,
    }

    impl Folder {
        fn new() -> Folder {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().join("incidents");
            fs::create_dir(&dir).unwrap();
            let cache = tmp.path().join("cache/lists/x.json");
            Folder {
                _tmp: tmp,
                dir,
                cache,
            }
        }

        fn write(&self, id: &str, text: &str) {
            fs::write(self.dir.join(format!("{id}.toml")), text).unwrap();
        }

        /// Lists as if every file had settled long ago.
        fn list(&self, today: Date) -> Vec<Entry> {
            let files = incident_files(&self.dir, true).unwrap();
            summarize_at(
                &self.dir,
                &files,
                today,
                &self.cache,
                SystemTime::now() + Duration::from_secs(5),
                SETTLE,
            )
        }

        fn titles(&self, today: Date) -> Vec<String> {
            self.list(today)
                .iter()
                .map(|e| match e {
                    Entry::Incident { summary, .. } => summary.title.clone(),
                    Entry::Broken { error, .. } => format!("broken: {}", error.message),
                })
                .collect()
        }

        fn cached_names(&self) -> Vec<String> {
            read_cache(&self.cache, &self.dir)
                .into_iter()
                .map(|c| c.name)
                .collect()
        }
    }

    #[test]
    fn a_second_listing_takes_summaries_from_the_cache() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        f.write(
            "2026-03-02-b",
            &incident("2026-03-02-b", "Beta", "2026-05-01"),
        );
        let uncached = summarize_all(&incident_files(&f.dir, false).unwrap(), TODAY);
        assert_eq!(f.list(TODAY), uncached);
        assert_eq!(f.cached_names(), ["2026-03-01-a", "2026-03-02-b"]);

        // Tamper with the cached title: a second listing shows it, so it came from the cache.
        let text = fs::read_to_string(&f.cache).unwrap();
        fs::write(&f.cache, text.replace("\"Alpha\"", "\"From the cache\"")).unwrap();
        assert_eq!(f.titles(TODAY), ["From the cache", "Beta"]);
        assert_eq!(f.list(TODAY)[1..], uncached[1..]);
    }

    #[test]
    fn changed_added_and_removed_files_are_seen() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        f.write(
            "2026-03-02-b",
            &incident("2026-03-02-b", "Beta", "2026-05-01"),
        );
        assert_eq!(f.titles(TODAY), ["Alpha", "Beta"]);

        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha two", "2026-03-15"),
        );
        fs::remove_file(f.dir.join("2026-03-02-b.toml")).unwrap();
        f.write(
            "2026-03-03-c",
            "schema_version = 1\nid = \"2026-03-03-c\"\ntitel = \"x\"\n",
        );
        let titles = f.titles(TODAY);
        assert_eq!(titles[0], "Alpha two");
        assert!(
            titles[1].starts_with("broken: unknown field `titel`"),
            "{titles:?}"
        );
        assert_eq!(f.cached_names(), ["2026-03-01-a", "2026-03-03-c"]);
        // The broken file comes back from the cache with its place and message.
        let again = f.list(TODAY);
        match &again[1] {
            Entry::Broken { error, path, .. } => {
                assert_eq!((error.line, error.column), (3, 1));
                assert_eq!(path, &f.dir.join("2026-03-03-c.toml"));
            }
            other => panic!("expected a broken entry, got {other:?}"),
        }
    }

    #[test]
    fn overdue_actions_are_counted_for_the_day_of_the_listing() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        let overdue = |entries: Vec<Entry>| match &entries[0] {
            Entry::Incident { summary, .. } => summary.overdue_actions,
            Entry::Broken { .. } => usize::MAX,
        };
        assert_eq!(overdue(f.list(jiff::civil::date(2026, 3, 1))), 0);
        assert_eq!(overdue(f.list(TODAY)), 1);
    }

    #[test]
    fn files_changed_just_now_are_not_kept() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        let files = incident_files(&f.dir, true).unwrap();
        summarize_at(&f.dir, &files, TODAY, &f.cache, SystemTime::now(), SETTLE);
        assert!(f.cached_names().is_empty());
    }

    #[test]
    fn a_bad_or_foreign_cache_is_ignored_and_rebuilt() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        fs::create_dir_all(f.cache.parent().unwrap()).unwrap();
        fs::write(&f.cache, "{ not json").unwrap();
        assert_eq!(f.titles(TODAY), ["Alpha"]);
        assert_eq!(f.cached_names(), ["2026-03-01-a"]);

        // A cache written for another folder is not used for this one.
        let other = Folder::new();
        assert!(read_cache(&f.cache, &other.dir).is_empty());
    }

    #[test]
    fn an_unwritable_cache_does_not_stop_the_listing() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        let blocked = f.dir.join("2026-03-01-a.toml").join("cache.json");
        let files = incident_files(&f.dir, true).unwrap();
        let entries = summarize_at(
            &f.dir,
            &files,
            TODAY,
            &blocked,
            SystemTime::now() + Duration::from_secs(5),
            SETTLE,
        );
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn the_cache_file_is_named_after_the_folder() {
        let a = cache_file(Path::new("/srv/a"), Some("/c".into())).unwrap();
        let b = cache_file(Path::new("/srv/b"), Some("/c".into())).unwrap();
        assert!(a.starts_with("/c/lists") && b.starts_with("/c/lists"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            cache_file(Path::new("/srv/a"), Some("/c".into())).unwrap()
        );
    }
}
