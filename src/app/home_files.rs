//! Care around the files of the incident list: deleting one that another retro is editing
//! (asked about only once the runtime has looked at its lock, [`trash_checked`]), and a
//! copied file whose inner `id` is another incident's ([`fixable_id`], [`id_fixed`]).

use std::path::Path;

use super::messages::Job;
use super::state::{AppState, Confirmed, Screen};
use crate::model::codec::{Parsed, parse};
use crate::model::id::is_valid_id;
use crate::model::summary::Entry;

/// After [`Job::CheckTrash`]: says at once that the incident is edited elsewhere (nothing
/// to confirm), else asks whether to delete it.
pub fn trash_checked(state: &mut AppState, index: usize, held: Option<String>) {
    let Some(entry) = state.home.entries.get(index) else {
        return;
    };
    let what = match entry {
        Entry::Incident { summary, .. } => format!("\"{}\"", summary.title),
        Entry::Broken { name, .. } => format!("{name}.toml"),
    };
    if let Some(held) = held {
        state.error(format!(
            "{what} is {held}: it can be deleted once it is closed there"
        ));
        return;
    }
    state.ask(
        format!("Delete {what}? The file moves to .trash/ in the folder."),
        Confirmed::TrashEntry(index),
        None,
    );
}

/// The id a file shown in the viewer can be given: its file name, when the text parses as an
/// incident whose `id` is something else (a copy such as `cp a.toml b.toml`).
pub fn fixable_id(path: &Path, text: &str) -> Option<String> {
    let name = path.file_stem()?.to_str()?;
    if !is_valid_id(name) {
        return None;
    }
    match parse(text).ok()? {
        Parsed::Current(loaded) if loaded.id != name => Some(name.to_string()),
        _ => None,
    }
}

/// After [`Job::FixId`]: opens the incident under its new id, or says why not.
pub fn id_fixed(state: &mut AppState, result: Result<String, String>) -> Vec<Job> {
    match result {
        Ok(id) => {
            state.screen = Screen::Home;
            state.info(format!("its id is now {id}, as its file name"));
            vec![Job::List, Job::Open(id)]
        }
        Err(e) => {
            state.error(format!("could not set the id: {e}"));
            Vec::new()
        }
    }
}
