//! What `retro actions` shows of one follow-up action, read by the full parser or the fast
//! list reader alike.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{Action, ActionKind, ActionStatus, Priority};

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
