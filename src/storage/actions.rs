//! The follow-up actions of one file, for `retro actions` over a whole folder: read once, by
//! the fast reader of [`super::summary_fast`] when the file has the usual layout, else by the
//! full parser; small enough to keep in the per-file cache ([`super::file_cache`]).

use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::file_cache::Scratch;
use super::listing::{bad_name_error, io_error};
use super::{StoreError, parse_incident, summary_fast};
use crate::model::id::is_valid_id;
use crate::model::{Action, ActionKind, ActionStatus, FormatError, Priority};

/// What `retro actions` shows of an action (FORMAT.md `[[actions]]`); independent of the day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    /// `A1`, `A2`, ….
    pub id: String,
    /// The task.
    pub title: String,
    /// Detect, mitigate, prevent, process or other.
    pub kind: Option<ActionKind>,
    /// A team or role.
    pub owner: String,
    /// Due date.
    pub due: Option<Date>,
    /// High, medium or low.
    pub priority: Option<Priority>,
    /// Open when absent.
    pub status: Option<ActionStatus>,
    /// Ids of the factors it addresses.
    pub factors: Vec<String>,
    /// A link to a tracker.
    pub tracker: String,
}

impl ActionItem {
    /// The item of a parsed action.
    pub fn of(action: &Action) -> ActionItem {
        ActionItem {
            id: action.id.clone(),
            title: action.title.clone(),
            kind: action.kind,
            owner: action.owner.clone(),
            due: action.due.map(|d| d.0),
            priority: action.priority,
            status: action.status,
            factors: action.factors.clone(),
            tracker: action.tracker.clone(),
        }
    }

    /// The status, open when absent.
    pub fn status_or_open(&self) -> ActionStatus {
        self.status.unwrap_or(ActionStatus::Open)
    }

    /// True while the action still needs doing (open or in progress), as [`Action::is_open`].
    pub fn is_open(&self) -> bool {
        matches!(
            self.status_or_open(),
            ActionStatus::Open | ActionStatus::InProgress
        )
    }

    /// True when still open and due before `today`, as [`Action::is_overdue`].
    pub fn is_overdue(&self, today: Date) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }
}

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
