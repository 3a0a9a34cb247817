//! Which paths a watcher of the incidents folder reports: the incident files directly in the
//! folder (`*.toml`, the names [`super::listing::incident_files`] lists), never this program's
//! temporary files (`.retro-*.tmp`), lock files (`<id>.lock`), recovery copies
//! (`<id>.recovery.toml`) or anything inside `.trash/`.

use std::path::Path;

use super::RECOVERY_SUFFIX;

/// The incident name (the file name without `.toml`) of `path` when it is a file the list
/// shows: directly in `dir`, named `*.toml`, not a recovery copy. `None` for
/// everything else.
pub fn incident_name(dir: &Path, path: &Path) -> Option<String> {
    if path.parent() != Some(dir) {
        return None;
    }
    let file_name = path.file_name()?.to_str()?;
    let name = file_name.strip_suffix(".toml")?;
    if name.is_empty() || file_name.ends_with(RECOVERY_SUFFIX) {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::incident_name;
    use std::path::Path;

    #[test]
    fn only_incident_files_directly_in_the_folder_count() {
        let dir = Path::new("/incidents");
        let name = |p: &str| incident_name(dir, Path::new(p));
        assert_eq!(
            name("/incidents/2026-03-12-a.toml").as_deref(),
            Some("2026-03-12-a")
        );
        assert_eq!(name("/incidents/notes.toml").as_deref(), Some("notes"));
        assert_eq!(name("/incidents/.retro-x1y2.tmp"), None);
        assert_eq!(name("/incidents/2026-03-12-a.lock"), None);
        assert_eq!(name("/incidents/2026-03-12-a.recovery.toml"), None);
        assert_eq!(name("/incidents/.trash/2026-03-12-a.toml"), None);
        assert_eq!(name("/elsewhere/2026-03-12-a.toml"), None);
        assert_eq!(name("/incidents/.toml"), None);
    }
}
