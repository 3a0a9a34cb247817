//! What the incident list shows of each file ([`Summary`], [`Entry`]) and an incident as
//! read ([`Loaded`]): plain data made by the storage layer and read by the app and the
//! screens, so that neither needs the storage layer for its types.

use std::path::PathBuf;

use jiff::civil::Date;

use super::codec::FormatError;
use super::id::id_date;
use super::{Incident, IncidentStatus, Milestone, Severity};

/// A one-line view of an incident for lists, cheap to keep for thousands of files.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// The id (file name without `.toml`).
    pub id: String,
    /// The title.
    pub title: String,
    /// Severity, if set.
    pub severity: Option<Severity>,
    /// Document status (draft when absent).
    pub status: IncidentStatus,
    /// The day impact started, else the id's date.
    pub date: Option<Date>,
    /// Sections with anything written, 0..=7.
    pub sections_filled: usize,
    /// Follow-up actions open or in progress.
    pub open_actions: usize,
    /// Of those, how many are past their due date.
    pub overdue_actions: usize,
    /// The due dates of the open actions that have one, in file order (so that
    /// `overdue_actions` can be counted again for another day).
    pub open_due: Vec<Date>,
    /// Services, for filtering.
    pub services: Vec<String>,
}

impl Summary {
    /// Summarises an incident as of `today` (for overdue actions).
    pub fn of(incident: &Incident, today: Date) -> Summary {
        let tz = crate::model::timeinput::zone(&incident.timezone);
        let date = incident
            .milestone(Milestone::ImpactStarted)
            .map(|m| m.in_zone(&tz).date())
            .or_else(|| id_date(&incident.id));
        Summary {
            id: incident.id.clone(),
            title: incident.title.clone(),
            severity: incident.severity,
            status: incident.status.unwrap_or(IncidentStatus::Draft),
            date,
            sections_filled: incident.sections_filled(),
            open_actions: incident.open_actions(),
            overdue_actions: incident
                .actions
                .iter()
                .filter(|a| a.is_overdue(today))
                .count(),
            open_due: incident
                .actions
                .iter()
                .filter(|a| a.is_open())
                .filter_map(|a| a.due.map(|d| d.0))
                .collect(),
            services: incident.services.clone(),
        }
    }

    /// Counts the overdue actions again as of `today`.
    pub fn recount_overdue(&mut self, today: Date) {
        self.overdue_actions = self.open_due.iter().filter(|d| **d < today).count();
    }
}

/// One file of the folder, as listed.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// An incident that can be opened.
    Incident {
        /// Its summary.
        summary: Summary,
        /// Written by a newer program: opens read-only.
        read_only: bool,
    },
    /// A file that does not parse: shown with its error, never overwritten.
    Broken {
        /// The file name without `.toml`.
        name: String,
        /// The file.
        path: PathBuf,
        /// Where and what.
        error: FormatError,
    },
}

impl Entry {
    /// The id or file name the entry is listed under.
    pub fn name(&self) -> &str {
        match self {
            Entry::Incident { summary, .. } => &summary.id,
            Entry::Broken { name, .. } => name,
        }
    }

    /// The date it sorts by: the summary's, else the date in the file name.
    pub fn sort_date(&self) -> Option<Date> {
        match self {
            Entry::Incident { summary, .. } => summary.date,
            Entry::Broken { name, .. } => id_date(name),
        }
    }
}

/// An incident read from disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The incident.
    pub incident: Incident,
    /// Why it cannot be edited, if it cannot (e.g. written by a newer program).
    pub read_only: Option<String>,
}
