//! Which incidents folder to use (FORMAT.md, "Where files live").

use std::path::PathBuf;

/// Where the chosen folder came from, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirSource {
    /// The `--dir` option.
    Option,
    /// The `RETRO_DIR` environment variable.
    Environment,
    /// `<data dir>/incidents` from the `directories` crate.
    DataDir,
}

/// The incidents folder: `--dir`, else `RETRO_DIR` (when not empty), else
/// `ProjectDirs::from("", "", "retro").data_dir()/incidents` (on Linux
/// `~/.local/share/retro/incidents`).
///
/// `env` is the value of `RETRO_DIR`, passed in so the rule is testable.
///
/// # Errors
/// When no home folder can be found and neither option nor variable is set.
pub fn resolve_dir(
    option: Option<PathBuf>,
    env: Option<std::ffi::OsString>,
) -> Result<(PathBuf, DirSource), String> {
    if let Some(dir) = option {
        return Ok((dir, DirSource::Option));
    }
    if let Some(dir) = env.filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(dir), DirSource::Environment));
    }
    directories::ProjectDirs::from("", "", "retro")
        .map(|p| (p.data_dir().join("incidents"), DirSource::DataDir))
        .ok_or_else(|| "no home folder found: pass --dir PATH or set RETRO_DIR".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_beats_environment_beats_data_dir() {
        let (d, s) = resolve_dir(Some("/a".into()), Some("/b".into())).unwrap();
        assert_eq!((d, s), (PathBuf::from("/a"), DirSource::Option));
        let (d, s) = resolve_dir(None, Some("/b".into())).unwrap();
        assert_eq!((d, s), (PathBuf::from("/b"), DirSource::Environment));
        if let Ok((d, s)) = resolve_dir(None, Some("".into())) {
            assert_eq!(s, DirSource::DataDir);
            assert!(d.ends_with("retro/incidents"), "{}", d.display());
        }
    }
}
