//! The theme's name in the configuration, and the colours actually used once `NO_COLOR`
//! (<https://no-color.org>: set and not empty means no colour) is taken into account.

use serde::{Deserialize, Serialize};

/// The theme a configuration asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Colours for a dark terminal background (the default).
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
}

/// The colours the screen is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Colours {
    /// The dark theme, as the screens are written.
    #[default]
    Dark,
    /// The light theme: each colour mapped to one readable on a light background.
    Light,
    /// No colour at all: bold, underline and reverse video only.
    None,
}

impl Colours {
    /// The colours for `theme` when the environment's `NO_COLOR` is `no_color`.
    pub fn resolve(theme: ThemeName, no_color: Option<&std::ffi::OsStr>) -> Colours {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return Colours::None;
        }
        match theme {
            ThemeName::Dark => Colours::Dark,
            ThemeName::Light => Colours::Light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_wins_when_set_and_not_empty() {
        let set = std::ffi::OsStr::new("1");
        let empty = std::ffi::OsStr::new("");
        assert_eq!(Colours::resolve(ThemeName::Light, Some(set)), Colours::None);
        assert_eq!(
            Colours::resolve(ThemeName::Light, Some(empty)),
            Colours::Light
        );
        assert_eq!(Colours::resolve(ThemeName::Dark, None), Colours::Dark);
    }
}
