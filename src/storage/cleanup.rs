//! Temporary files left behind by a save that was killed half-way (`.retro-*.tmp`, each a
//! full or partial copy of an incident): removed when the folder is next opened in the
//! terminal UI, once they are old enough that no save can still be writing them.

use std::fs;
use std::time::{Duration, SystemTime};

use super::Store;

/// How old a temporary file must be before it counts as left behind: a save takes
/// milliseconds, so a minute leaves a wide margin for one still running in another process.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

impl Store {
    /// Removes the folder's `.retro-*.tmp` files (regular files only, never following a link)
    /// last modified more than `older_than` ago; returns how many went. Errors are ignored:
    /// a file that cannot be removed stays, and the next open tries again.
    pub fn remove_stale_temp_files(&self, older_than: Duration) -> usize {
        let Ok(entries) = fs::read_dir(self.dir()) else {
            return 0;
        };
        let now = SystemTime::now();
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !(name.starts_with(".retro-") && name.ends_with(".tmp")) {
                continue;
            }
            // The entry's own type and time: a symbolic link is not a temporary file of ours.
            let Ok(meta) = fs::symlink_metadata(entry.path()) else {
                continue;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age > older_than);
            if meta.is_file() && old && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}
