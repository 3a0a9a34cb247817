//! The configuration file: severity names, readiness per severity, meeting timeboxes, the
//! questions for the room, extra lint words and switched-off lint rules, the default time
//! zone, the people and their roles, and the theme.
//!
//! It is `config.toml` in `directories::ProjectDirs::from("", "", "retro").config_dir()` (on
//! Linux `~/.config/retro/config.toml`), or the file named by `--config PATH` or
//! `RETRO_CONFIG` ([`load::resolve`]). Every key may be left out (its default applies); a key
//! the program does not know is an error, as in incident files. An invalid file is reported
//! with its line and column and the program goes on with the defaults ([`load::load`]).
//! `retro config --print-default` prints the defaults with comments ([`default_text`]).
//!
//! The configuration is a value handed to what needs it (the terminal UI's state, the
//! command line's context): there is no global.

pub mod agenda;
pub mod default_text;
pub mod lint;
pub mod load;
pub mod severity;
pub mod theme;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::analysis::ReadinessRules;
use crate::model::Section;

pub use lint::LintConfig;
pub use load::{Loaded, load, resolve};
pub use severity::SeverityNames;
pub use theme::{Colours, ThemeName};

/// The whole configuration. [`Config::default`] is what applies without a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// IANA time zone given to new incidents; empty leaves it unset (UTC).
    #[serde(deserialize_with = "agenda::zone_name")]
    pub timezone: String,
    /// The colours: `dark` (the default) or `light`; `NO_COLOR` switches colour off.
    pub theme: ThemeName,
    /// What each severity level is called (`[severities]`).
    pub severities: SeverityNames,
    /// What each severity level needs to be ready to publish (`[ready.SEV1]` …).
    pub ready: ReadinessRules,
    /// Minutes of each agenda item in a meeting (`[timeboxes]`); an item not listed keeps the
    /// built-in timebox.
    pub timeboxes: BTreeMap<Section, u32>,
    /// The questions for the room per section (`[questions]`); a section not listed keeps
    /// the built-in questions.
    pub questions: BTreeMap<Section, Vec<String>>,
    /// Extra words to flag and rules switched off (`[lint]`).
    pub lint: LintConfig,
    /// People and the role each usually holds (`[people]`, name = role).
    pub people: BTreeMap<String, String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            timezone: String::new(),
            theme: ThemeName::default(),
            severities: SeverityNames::default(),
            ready: ReadinessRules::default(),
            timeboxes: agenda::default_timeboxes(),
            questions: agenda::default_questions(),
            lint: LintConfig::default(),
            people: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Reads a configuration from TOML text.
    ///
    /// # Errors
    /// The text is not TOML, a key is unknown or a value does not fit: the message names the
    /// line and column (1-based) where it is.
    pub fn parse(text: &str) -> Result<Config, crate::model::FormatError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|span| line_column(text, span.start))
                .unwrap_or((0, 0));
            crate::model::FormatError {
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })
    }

    /// The questions for the room in `section`: the configured ones, else the built-in.
    pub fn questions(&self, section: Section) -> Vec<&str> {
        match self.questions.get(&section) {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => crate::guidance::GUIDANCE
                .get(section.number())
                .map(|g| g.questions.to_vec())
                .unwrap_or_default(),
        }
    }

    /// The timebox of agenda item `item` in minutes: the configured one, else the built-in.
    pub fn timebox(&self, item: Section) -> u32 {
        self.timeboxes
            .get(&item)
            .copied()
            .unwrap_or(crate::model::DEFAULT_TIMEBOXES[item.number()])
    }
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(Config::parse(""), Ok(Config::default()));
    }

    #[test]
    fn section_keys_are_checked() {
        let err = Config::parse("[timeboxes]\nfactors = 20\nfactorz = 5\n").unwrap_err();
        assert_eq!((err.line, err.column), (3, 1), "{err:?}");
        let ok = Config::parse("[timeboxes]\nfactors = 20\n").unwrap();
        assert_eq!(ok.timebox(Section::Factors), 20);
        assert_eq!(ok.timebox(Section::Overview), 5);
    }
}
