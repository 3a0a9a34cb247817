//! News from the incidents folder: another program (a `git pull`, a colleague, an editor)
//! created, changed or removed files. The list is read again; the open incident's file is
//! looked at (the runtime probes it, and an outside change comes back as
//! [`Msg::ChangedOnDisk`](super::Msg::ChangedOnDisk)).

use super::messages::Job;
use super::state::{AppState, Screen};

pub use super::folder_news::FolderNews;

/// Applies folder news: on the list, reads it again (later, once no dialog is open, since a
/// dialog may be about one of its rows); with an incident open, asks the runtime to look at
/// its file when it is among the changed ones, and leaves the list to be read on the way
/// back (leaving always reads it).
pub fn on_news(state: &mut AppState, news: FolderNews) -> Vec<Job> {
    match &state.screen {
        Screen::Incident(view) => {
            if view.disk.read_only.is_some() || view.disk.conflict.is_some() {
                return Vec::new();
            }
            if news.touches(&view.incident.id) {
                vec![Job::Probe(view.incident.id.clone())]
            } else {
                Vec::new()
            }
        }
        Screen::Home if state.overlay.is_some() => {
            state.home.stale = true;
            Vec::new()
        }
        Screen::Home => {
            state.home.stale = false;
            vec![Job::List]
        }
        _ => Vec::new(),
    }
}

/// The list read that waited for a dialog to close, once it has.
pub fn catch_up(state: &mut AppState) -> Vec<Job> {
    if state.home.stale && state.overlay.is_none() && matches!(state.screen, Screen::Home) {
        state.home.stale = false;
        vec![Job::List]
    } else {
        Vec::new()
    }
}
