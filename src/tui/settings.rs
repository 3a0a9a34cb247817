//! What the terminal UI takes from the configuration at start-up, handed to its state.

use std::ffi::OsString;
use std::sync::Arc;

use crate::app::AppState;
use crate::config::{Colours, Config, Loaded};

/// The configuration as the terminal UI uses it.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The configuration in force.
    pub config: Arc<Config>,
    /// The colours, the theme's or none (`NO_COLOR`).
    pub colours: Colours,
    /// Why the configuration file was not used, said in the status line at start-up.
    pub notice: Option<String>,
}

impl Settings {
    /// The settings from a loaded configuration and the environment's `NO_COLOR`.
    pub fn from_loaded(loaded: &Loaded, no_color: Option<OsString>) -> Settings {
        Settings {
            config: Arc::new(loaded.config.clone()),
            colours: Colours::resolve(loaded.config.theme, no_color.as_deref()),
            notice: loaded.problem.clone(),
        }
    }

    /// Gives `state` the configuration, the people and the colours, and the notice (as an
    /// error in the status line) when there is one.
    pub fn apply(&self, state: &mut AppState) {
        state.config = Arc::clone(&self.config);
        state.people = self.config.people.clone();
        state.colours = self.colours;
        if let Some(notice) = &self.notice {
            state.error(notice.clone());
        }
    }
}
