//! This program's own writes to the incidents folder, so that the folder watcher's news of
//! them is not taken for another program's change: the identities of the files it wrote
//! (saves, new incidents, copies; the save worker reports each) and the names it moved to the
//! trash.

use std::collections::VecDeque;
use std::path::Path;

use crate::app::folder::FolderNews;
use crate::storage::Identity;

/// How many written files are remembered (the news of a write comes within a second of it).
const KEEP: usize = 64;

/// Files this program wrote or removed lately.
#[derive(Debug, Default)]
pub struct OwnWrites {
    written: VecDeque<Identity>,
    removed: Vec<String>,
}

impl OwnWrites {
    /// Remembers a file this program wrote, as it was written.
    pub fn wrote(&mut self, identity: Identity) {
        if self.written.len() >= KEEP {
            self.written.pop_front();
        }
        self.written.push_back(identity);
    }

    /// Remembers that this program moved the incident file `name` (without `.toml`) away.
    pub fn removed(&mut self, name: &str) {
        if self.removed.len() >= KEEP {
            self.removed.remove(0);
        }
        self.removed.push(name.to_string());
    }

    /// `news` less the files that are as this program left them: a file whose status is that
    /// of a file it wrote, or a file it removed that is still absent. `None` when nothing is
    /// left. News of "everything" is kept whole.
    pub fn filter(&mut self, dir: &Path, mut news: FolderNews) -> Option<FolderNews> {
        if news.everything {
            return Some(news);
        }
        news.names.retain(|name| {
            let path = dir.join(format!("{name}.toml"));
            match std::fs::metadata(&path) {
                Ok(meta) => !self.written.iter().any(|w| w.same_status(&meta)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    match self.removed.iter().position(|r| r == name) {
                        Some(at) => {
                            self.removed.remove(at);
                            false
                        }
                        None => true,
                    }
                }
                Err(_) => true,
            }
        });
        (!news.names.is_empty()).then_some(news)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn news(names: &[&str]) -> FolderNews {
        FolderNews {
            names: names.iter().map(|n| n.to_string()).collect(),
            everything: false,
        }
    }

    #[test]
    fn a_file_as_this_program_wrote_it_is_not_news_until_another_program_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-01-01-a.toml");
        std::fs::write(&path, "mine").unwrap();
        let file = crate::storage::read_regular(&path).unwrap();
        let mut own = OwnWrites::default();
        own.wrote(file.identity);
        assert_eq!(own.filter(dir.path(), news(&["2026-01-01-a"])), None);
        std::fs::write(&path, "theirs, longer").unwrap();
        assert_eq!(
            own.filter(dir.path(), news(&["2026-01-01-a"])),
            Some(news(&["2026-01-01-a"]))
        );
    }

    #[test]
    fn a_file_this_program_removed_is_not_news_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut own = OwnWrites::default();
        own.removed("2026-01-01-b");
        assert_eq!(own.filter(dir.path(), news(&["2026-01-01-b"])), None);
        assert_eq!(
            own.filter(dir.path(), news(&["2026-01-01-b"])),
            Some(news(&["2026-01-01-b"]))
        );
    }
}
