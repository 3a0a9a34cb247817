//! The import overlay's stages as data: the path prompt, the reading, and the preview of
//! candidate messages with what is ticked, filtered and marked. Its keys are in
//! [`super::import_preview`].

use std::collections::HashSet;

use super::keymap::Context;
use crate::editor::TextBox;
use crate::import::{Candidate, Imported, Kind};
use crate::model::Milestone;

/// What the import overlay brings in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportWhat {
    /// Chat messages into the timeline (a preview follows the reading).
    Chat,
    /// A metric series (CSV or Prometheus JSON) into the monitoring section's metrics.
    Metric {
        /// The metric record it goes into (from an open record), else by the series' name.
        record: Option<usize>,
    },
}

/// The stages of the import overlay.
pub enum ImportOverlay {
    /// Typing the path of the export (`PATH` or `PATH #channel`) or of the metric file.
    Path {
        /// The path so far.
        textarea: Box<TextBox>,
        /// Why the last attempt failed, or the completions Tab found.
        note: Option<String>,
        /// What is imported.
        what: ImportWhat,
    },
    /// Waiting for the file to be read.
    Reading {
        /// What is being read.
        source: String,
        /// Done and total (bytes), once the reader says.
        progress: Option<(u64, u64)>,
        /// What is imported.
        what: ImportWhat,
    },
    /// Choosing the messages.
    Preview(Box<Preview>),
}

impl ImportOverlay {
    /// The keymap context of the stage.
    pub fn context(&self) -> Context {
        match self {
            ImportOverlay::Path { .. } | ImportOverlay::Reading { .. } => Context::ImportPath,
            ImportOverlay::Preview(p) if p.filtering => Context::Editing,
            ImportOverlay::Preview(_) => Context::ImportPreview,
        }
    }
}

/// The candidates of one source and what the user chose.
pub struct Preview {
    /// What was read, as shown in the title.
    pub source: String,
    /// Every candidate not already in the incident, by time.
    pub candidates: Vec<Candidate>,
    /// Ticked for adding.
    pub ticked: Vec<bool>,
    /// The key moment set on each.
    pub milestone: Vec<Option<Milestone>>,
    /// Marked internal-only.
    pub internal: Vec<bool>,
    /// Indices of the candidates shown (filter and bots applied), in order.
    pub visible: Vec<usize>,
    /// Highlighted row (index into `visible`).
    pub cursor: usize,
    /// The text filter.
    pub filter: String,
    /// Typing the filter.
    pub filtering: bool,
    /// Bots shown.
    pub show_bots: bool,
    /// First row of a range being marked (a candidate index).
    pub anchor: Option<usize>,
    /// Messages left out because the incident has them already.
    pub already: usize,
}

impl Preview {
    /// A preview of what `imported` holds that `known` (source ids) does not.
    pub fn new(source: String, imported: Imported, known: &HashSet<&str>) -> Preview {
        let total = imported.entries.len();
        let candidates: Vec<Candidate> = imported
            .entries
            .into_iter()
            .filter(|c| !known.contains(c.source.as_str()))
            .collect();
        let n = candidates.len();
        let mut preview = Preview {
            source,
            ticked: vec![true; n],
            milestone: candidates.iter().map(|c| c.milestone).collect(),
            internal: vec![false; n],
            candidates,
            visible: Vec::new(),
            cursor: 0,
            filter: String::new(),
            filtering: false,
            show_bots: true,
            anchor: None,
            already: total - n,
        };
        preview.refilter();
        preview
    }

    /// Recomputes the visible rows, keeping the highlighted message where it can.
    pub fn refilter(&mut self) {
        let keep = self.visible.get(self.cursor).copied();
        let needle = self.filter.to_lowercase();
        self.visible = (0..self.candidates.len())
            .filter(|&i| {
                let c = &self.candidates[i];
                (self.show_bots || c.kind != Kind::Bot)
                    && (needle.is_empty()
                        || c.text.to_lowercase().contains(&needle)
                        || c.actor.to_lowercase().contains(&needle))
            })
            .collect();
        self.cursor = keep
            .and_then(|k| self.visible.iter().position(|&i| i >= k))
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
    }

    /// The highlighted candidate's index.
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.cursor).copied()
    }

    /// How many are ticked (shown or not).
    pub fn chosen(&self) -> usize {
        self.ticked.iter().filter(|t| **t).count()
    }

    pub(crate) fn move_by(&mut self, delta: isize) {
        let last = self.visible.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }
}
