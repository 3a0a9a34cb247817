//! What the folder watcher tells the app: the incident files another program created,
//! changed or removed. Applied by [`super::folder`].

/// What the folder watcher saw since its last message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderNews {
    /// The incident files (names without `.toml`) that were created, changed or removed.
    pub names: Vec<String>,
    /// True when the watcher cannot say which files changed (it fell behind, or started
    /// polling): everything may have.
    pub everything: bool,
}

impl FolderNews {
    /// True when the file `name` (without `.toml`) may have changed.
    pub fn touches(&self, name: &str) -> bool {
        self.everything || self.names.iter().any(|n| n == name)
    }
}
