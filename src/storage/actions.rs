//! The follow-up actions of one file, for `retro actions` over a whole folder: read once, by
//! the fast reader of [`super::summary_fast`] when the file has the usual layout, else by the
//! full parser; small enough to keep in the per-file cache ([`super::file_cache`]).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::file_cache::Scratch;
use super::listing::{bad_name_error, io_error};
use super::{StoreError, parse_incident, summary_fast};
use crate::model::FormatError;
use crate::model::id::is_valid_id;

pub use super::action_item::ActionItem;

/// One file's actions, or why there are none to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileActions {
    /// The incident's id and its actions in file order.
    Actions {
        /// The incident's id (its `id` key).
        incident: String,
        /// Its actions.
        actions: Vec<ActionItem>,
    },
    /// The file cannot be read as an incident: where and why (line and column 0 when
    /// unplaced).
    Broken {
        /// 1-based line, 0 when unplaced.
        line: usize,
        /// 1-based column, 0 when unplaced.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl FileActions {
    fn broken(error: FormatError) -> FileActions {
        FileActions::Broken {
            line: error.line,
            column: error.column,
            message: error.message,
        }
    }
}

/// Reads the actions of the file `path` named `name` (without `.toml`), reading it once into
/// `scratch`. A name that is not an incident id is a broken file, as everywhere else.
pub fn read_actions(name: &str, path: &Path, scratch: &mut Scratch) -> FileActions {
    if !is_valid_id(name) {
        return FileActions::broken(bad_name_error());
    }
    let bytes = match scratch.read(path) {
        Ok(bytes) => bytes,
        Err(error) => return FileActions::broken(io_error(path, error)),
    };
    if let Some((incident, actions)) = summary_fast::actions(bytes) {
        return FileActions::Actions { incident, actions };
    }
    match parse_incident(path, bytes) {
        Ok(loaded) => FileActions::Actions {
            actions: loaded.incident.actions.iter().map(ActionItem::of).collect(),
            incident: loaded.incident.id,
        },
        Err(StoreError::Format { error, .. }) => FileActions::broken(error),
        Err(other) => FileActions::broken(FormatError {
            line: 0,
            column: 0,
            message: other.to_string(),
        }),
    }
}
