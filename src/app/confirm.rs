//! A yes/no question over the screen, and what each answer does.

use crossterm::event::KeyEvent;

use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Confirmed, Overlay, Screen};
use super::{edit, save};
use crate::model::summary::Entry;

/// A key in the question: `y`, `n`, Esc (which never drops someone's changes: where the
/// question is about an outside change, Esc keeps both); any other key leaves it asked.
pub fn on_key(
    state: &mut AppState,
    question: String,
    on_yes: Confirmed,
    on_no: Option<Confirmed>,
    key: &KeyEvent,
) -> Next {
    match lookup(Context::Confirm, key) {
        Some(Command::Yes) => Next::close_with(confirmed(state, on_yes)),
        Some(Command::No) => match on_no {
            Some(no) => Next::close_with(confirmed(state, no)),
            None => Next::close(),
        },
        Some(Command::Back) if on_yes == Confirmed::KeepBoth => {
            Next::close_with(confirmed(state, Confirmed::KeepBoth))
        }
        Some(Command::Back) => Next::close(),
        _ => Next::stay(Overlay::Confirm {
            question,
            on_yes,
            on_no,
        }),
    }
}

fn confirmed(state: &mut AppState, what: Confirmed) -> Vec<Job> {
    match what {
        Confirmed::TrashEntry(index) => match state.home.entries.get(index) {
            Some(Entry::Incident { summary, .. }) => {
                vec![Job::TrashIncident(summary.id.clone())]
            }
            Some(Entry::Broken { path, .. }) => vec![Job::TrashFile(path.clone())],
            None => Vec::new(),
        },
        Confirmed::DeleteRecord(kind, index) => {
            edit::delete_record(state, kind, index);
            Vec::new()
        }
        Confirmed::DiscardAndLeave => {
            state.screen = Screen::Home;
            state.info("changes discarded");
            vec![Job::List]
        }
        Confirmed::RestoreRecovery => save::restore_recovery(state),
        Confirmed::DiscardRecovery => match &mut state.screen {
            Screen::Incident(view) => {
                view.disk.recovery = None;
                vec![Job::DiscardRecovery(view.incident.id.clone())]
            }
            _ => Vec::new(),
        },
        Confirmed::KeepBoth => save::keep_both(state),
        Confirmed::ReloadTheirs => save::reload_theirs(state),
        Confirmed::RestoreDeleted => save::restore_deleted(state),
        Confirmed::CloseDeleted => save::close_deleted(state),
        Confirmed::DiscardAndQuit => {
            state.quit = true;
            Vec::new()
        }
        Confirmed::DeleteWhy(factor, why) => {
            super::factors::delete_why(state, factor, why);
            Vec::new()
        }
        Confirmed::DiscardMeeting => super::agenda::discard(state),
        Confirmed::Publish => {
            super::publish::publish_anyway(state);
            super::save::save_now(state)
        }
    }
}
