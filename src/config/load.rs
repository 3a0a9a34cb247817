//! Where the configuration file is, and reading it: a missing default file means the
//! defaults; a file that cannot be read or does not parse is reported (with line and
//! column) and the defaults are used.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::Config;

/// Where the configuration comes from, first that applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// `--config PATH`.
    Flag,
    /// The `RETRO_CONFIG` environment variable.
    Env,
    /// The user's configuration folder (`ProjectDirs::config_dir()/config.toml`).
    Default,
}

/// The configuration file to read: `--config PATH` (`flag`), else `RETRO_CONFIG` (`env`,
/// ignored when empty), else `config.toml` in the user's configuration folder; `None` when
/// there is no home folder to find that in.
pub fn resolve(flag: Option<PathBuf>, env: Option<OsString>) -> Option<(PathBuf, Source)> {
    if let Some(path) = flag {
        return Some((path, Source::Flag));
    }
    if let Some(path) = env.filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(path), Source::Env));
    }
    directories::ProjectDirs::from("", "", "retro")
        .map(|d| (d.config_dir().join("config.toml"), Source::Default))
}

/// A configuration as read, with where from and what went wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The configuration in force: the file's, or the defaults.
    pub config: Config,
    /// The file it was read from, or would have been (absent without a home folder).
    pub path: Option<PathBuf>,
    /// True when that file exists and was read without a problem.
    pub from_file: bool,
    /// Why the file was not used: `path:line:column: message; using the defaults`.
    pub problem: Option<String>,
}

/// Reads the configuration at `path`. A missing file chosen by default is no problem (the
/// defaults apply); a missing file named by `--config` or `RETRO_CONFIG` is one. Never fails:
/// any problem is in [`Loaded::problem`] and the defaults are used.
pub fn load(place: Option<(PathBuf, Source)>) -> Loaded {
    let Some((path, source)) = place else {
        return Loaded::default();
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && source == Source::Default => {
            return Loaded {
                path: Some(path),
                ..Loaded::default()
            };
        }
        Err(e) => {
            let problem = format!("configuration {}: {e}; using the defaults", path.display());
            return Loaded {
                path: Some(path),
                problem: Some(problem),
                ..Loaded::default()
            };
        }
    };
    parse_at(&path, &text)
}

/// Reads configuration `text` as if from `path`.
pub fn parse_at(path: &Path, text: &str) -> Loaded {
    match Config::parse(text) {
        Ok(config) => Loaded {
            config,
            path: Some(path.to_path_buf()),
            from_file: true,
            problem: None,
        },
        Err(e) => Loaded {
            path: Some(path.to_path_buf()),
            problem: Some(format!(
                "configuration {}:{}:{}: {}; using the defaults",
                path.display(),
                e.line,
                e.column,
                e.message
            )),
            ..Loaded::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_environment() {
        let flag = Some(PathBuf::from("/a.toml"));
        let env = Some(OsString::from("/b.toml"));
        assert_eq!(
            resolve(flag, env.clone()),
            Some((PathBuf::from("/a.toml"), Source::Flag))
        );
        assert_eq!(
            resolve(None, env),
            Some((PathBuf::from("/b.toml"), Source::Env))
        );
        let default = resolve(None, Some(OsString::new()));
        assert!(default.is_none_or(|(p, s)| s == Source::Default && p.ends_with("config.toml")));
    }

    #[test]
    fn a_missing_default_file_is_quietly_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let loaded = load(Some((path.clone(), Source::Default)));
        assert_eq!(loaded.problem, None);
        assert!(!loaded.from_file);
        let named = load(Some((path, Source::Flag)));
        assert!(
            named
                .problem
                .is_some_and(|p| p.contains("using the defaults"))
        );
    }

    #[test]
    fn an_invalid_file_says_where_and_uses_the_defaults() {
        let loaded = parse_at(Path::new("c.toml"), "theme = \"light\"\ntimeboxes = 3\n");
        assert_eq!(loaded.config, Config::default());
        let problem = loaded.problem.unwrap();
        assert!(
            problem.starts_with("configuration c.toml:2:13: "),
            "{problem}"
        );
    }
}
