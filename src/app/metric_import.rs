//! Importing a metric series from the monitoring section: the path prompt of the import
//! overlay, opened with [`super::import_overlay::ImportWhat::Metric`], hands the path to the
//! runtime as a [`Job::Import`] of [`Request::ReadMetric`]; the series it read come back
//! here and go into the metric records as `retro metric` puts them
//! ([`crate::metrics::record::import_into`]).

use std::path::PathBuf;

use super::import_io::Request;
use super::import_overlay::{ImportOverlay, ImportWhat};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Overlay, Screen};
use crate::editor::TextBox;
use crate::metrics::Series;
use crate::model::RecordKind;

/// Starts reading the file typed in the prompt: the overlay waits for it; `None` when
/// nothing was typed.
pub fn start(state: &AppState, text: &str, what: ImportWhat) -> Option<Next> {
    let path = text.trim();
    let view = state.incident()?;
    if path.is_empty() {
        return None;
    }
    let timezone = view.incident.timezone.clone();
    let reading = Overlay::Import(Box::new(ImportOverlay::Reading {
        source: path.to_string(),
        progress: None,
        what,
    }));
    Some(
        Next::stay(reading).with(vec![Job::Import(Request::ReadMetric {
            path: PathBuf::from(path),
            timezone,
        })]),
    )
}

/// The file was read: fills the metric records (true: the caller saves), or says why not
/// (back at the path prompt, nothing changed).
pub fn read_done(
    state: &mut AppState,
    source: String,
    result: Result<Vec<Series>, String>,
) -> bool {
    let record = match &state.overlay {
        Some(Overlay::Import(overlay)) => match overlay.as_ref() {
            ImportOverlay::Reading {
                what: ImportWhat::Metric { record },
                ..
            } => *record,
            _ => return false,
        },
        _ => return false,
    };
    let back = |note: String| {
        Some(Overlay::Import(Box::new(ImportOverlay::Path {
            textarea: Box::new(TextBox::new(&source, true)),
            note: Some(note),
            what: ImportWhat::Metric { record },
        })))
    };
    let series = match result {
        Ok(series) if series.iter().any(|s| s.value_count() > 0) => series,
        Ok(_) => {
            state.overlay = back(format!("{source} holds no values"));
            return false;
        }
        Err(message) => {
            state.overlay = back(message);
            return false;
        }
    };
    let Screen::Incident(view) = &mut state.screen else {
        return false;
    };
    let file = std::path::Path::new(&source)
        .file_name()
        .map_or_else(|| source.clone(), |n| n.to_string_lossy().into_owned());
    let changed = crate::metrics::record::import_into(
        &mut view.incident,
        &series,
        &file,
        None,
        record,
        None,
        false,
    );
    view.save.revision += 1;
    if let Some(&first) = changed.first() {
        view.select(RecordKind::Metric, first);
    }
    let names: Vec<String> = changed
        .iter()
        .filter_map(|&i| view.incident.monitoring.metrics.get(i))
        .map(|m| format!("{} ({} points)", m.name, m.points.len()))
        .collect();
    state.overlay = None;
    state.info(format!("imported {file}: {}", names.join(", ")));
    true
}
