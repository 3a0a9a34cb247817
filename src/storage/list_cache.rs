//! The cache of the incident list's summaries, so that listing a large folder a second time
//! reads only the folder's entries and each file's status, not the files.
//!
//! It is a [`super::file_cache`] of kind `lists`: `<cache dir>/lists/<hash of the folder's
//! path>.cache`, where the cache dir is `$RETRO_CACHE_DIR` or
//! `directories::ProjectDirs::cache_dir()` (on Linux `~/.cache/retro`). It is only ever a copy:
//! any file whose size, modification time, change time, inode or device differs from what the
//! cache holds is read again, and so is a file changed in the two seconds before the cache was
//! written. A cache that is missing, unreadable, from another version of the program or for
//! another folder is ignored and rebuilt; failing to write it is not an error.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::file_cache::{self, Cache, SETTLE, Scratch};
use super::listing::summarize;
use super::{Entry, Summary};
use crate::model::FormatError;

/// Where the list cache of the folder `dir` lives: `<root>/lists/<hash>.cache`, with `root`
/// from `RETRO_CACHE_DIR` (passed in as `env`, so the rule is testable) or the user's cache
/// folder; `None` when neither exists.
pub fn cache_file(dir: &Path, env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    file_cache::cache_file("lists", dir, env)
}

/// One listed file as cached: independent of the day (overdue actions are counted again).
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

/// Lists the files `names` (sorted, each `<dir>/<name>.toml`) as of `today`, handing each
/// entry to `sink` in name order; summaries of unchanged files come from the cache file
/// `cache` when there is one, the others are read on all cores (and the cache written back).
/// Memory holds one chunk of entries at a time.
pub fn each_entry(
    dir: &Path,
    names: &[String],
    today: Date,
    cache: Option<&Path>,
    sink: impl FnMut(Entry),
) {
    each_entry_at(dir, names, today, cache, SystemTime::now(), SETTLE, sink);
}

/// [`each_entry`] with the clock and the settling time given.
fn each_entry_at(
    dir: &Path,
    names: &[String],
    today: Date,
    cache: Option<&Path>,
    started: SystemTime,
    settle: Duration,
    mut sink: impl FnMut(Entry),
) {
    let cache = cache.map(|file| Cache { file, tag: "list" });
    file_cache::for_each_at(
        dir,
        names,
        cache,
        started,
        settle,
        |scratch: &mut Scratch, name: &str, path: &Path| {
            item_of(summarize(name, path, today, scratch))
        },
        |name, item| sink(entry_of(item, dir, name, today)),
    );
}

fn entry_of(item: Item, dir: &Path, name: &str, today: Date) -> Entry {
    match item {
        Item::Incident {
            mut summary,
            read_only,
        } => {
            summary.recount_overdue(today);
            Entry::Incident { summary, read_only }
        }
        Item::Broken {
            line,
            column,
            message,
        } => Entry::Broken {
            name: name.to_string(),
            path: dir.join(format!("{name}.toml")),
            error: FormatError {
                line,
                column,
                message,
            },
        },
    }
}

fn item_of(entry: Entry) -> Item {
    match entry {
        Entry::Incident { summary, read_only } => Item::Incident { summary, read_only },
        Entry::Broken { error, .. } => Item::Broken {
            line: error.line,
            column: error.column,
            message: error.message,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::file_cache::cached_names;
    use crate::storage::listing::{incident_files, summarize_all};
    use std::fs;

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
            let cache = tmp.path().join("cache/lists/x.cache");
            Folder {
                _tmp: tmp,
                dir,
                cache,
            }
        }

        fn write(&self, id: &str, text: &str) {
            fs::write(self.dir.join(format!("{id}.toml")), text).unwrap();
        }

        fn names(&self) -> Vec<String> {
            incident_files(&self.dir, false)
                .unwrap()
                .into_iter()
                .map(|f| f.name)
                .collect()
        }

        /// Lists with the cache at `cache`, as if every file had settled long ago.
        fn list_with(&self, today: Date, cache: &Path) -> Vec<Entry> {
            let mut out = Vec::new();
            each_entry_at(
                &self.dir,
                &self.names(),
                today,
                Some(cache),
                SystemTime::now() + Duration::from_secs(5),
                SETTLE,
                |e| out.push(e),
            );
            out
        }

        fn list(&self, today: Date) -> Vec<Entry> {
            self.list_with(today, &self.cache)
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
            cached_names(&self.cache)
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
        each_entry_at(
            &f.dir,
            &f.names(),
            TODAY,
            Some(&f.cache),
            SystemTime::now(),
            SETTLE,
            |_| {},
        );
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
        other.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Other", "2026-03-15"),
        );
        let entries = other.list_with(TODAY, &f.cache);
        assert!(
            matches!(&entries[0], Entry::Incident { summary, .. } if summary.title == "Other"),
            "{entries:?}"
        );
    }

    #[test]
    fn an_unwritable_cache_does_not_stop_the_listing() {
        let f = Folder::new();
        f.write(
            "2026-03-01-a",
            &incident("2026-03-01-a", "Alpha", "2026-03-15"),
        );
        let blocked = f.dir.join("2026-03-01-a.toml").join("cache.json");
        assert_eq!(f.list_with(TODAY, &blocked).len(), 1);
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
