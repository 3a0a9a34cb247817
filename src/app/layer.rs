//! What an overlay's key handler hands back: the layer that comes next and the jobs to run.
//!
//! Each overlay (help, a question, a picker, the agenda, the import and export dialogs, the
//! meeting's steps) is a layer over the screen, in the manner of helix's compositor layers and
//! gitui's popups: [`super::update`] takes the top layer out of [`AppState::overlay`] and gives
//! it by value to that layer's own key handler, which returns a [`Next`]. A handler never puts
//! itself back; it says whether it stays (changed or not), gives way to another layer, or
//! closes. A step a handler starts may open a layer of its own (the question before quitting,
//! say); a handler that closes leaves that layer in place, one that stays or gives way wins.

use super::messages::Job;
use super::state::{AppState, Overlay};

/// The layer after a key, and the I/O to do.
#[derive(Default)]
#[must_use]
pub struct Next {
    /// The overlay on top after the key; `None` closes the one that had the key.
    pub overlay: Option<Overlay>,
    /// Jobs for the runtime.
    pub jobs: Vec<Job>,
}

impl Next {
    /// The layer stays on top, as given (its changes included).
    pub fn stay(overlay: Overlay) -> Self {
        Next {
            overlay: Some(overlay),
            jobs: Vec::new(),
        }
    }

    /// The layer closes.
    pub fn close() -> Self {
        Next::default()
    }

    /// The layer closes and the runtime runs `jobs`.
    pub fn close_with(jobs: Vec<Job>) -> Self {
        Next {
            overlay: None,
            jobs,
        }
    }

    /// The same next layer, with `jobs` to run.
    pub fn with(mut self, jobs: Vec<Job>) -> Self {
        self.jobs.extend(jobs);
        self
    }

    /// Applies this to the state: the layer that comes next goes on top (a closing layer
    /// leaves whatever a step of its own opened), and the jobs are returned.
    pub fn apply(self, state: &mut AppState) -> Vec<Job> {
        if let Some(overlay) = self.overlay {
            state.overlay = Some(overlay);
        }
        self.jobs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Confirmed;

    fn state() -> AppState {
        AppState::new(
            std::path::PathBuf::new(),
            Vec::new(),
            jiff::Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn a_layer_that_stays_is_on_top_and_one_that_closes_is_gone() {
        let mut s = state();
        let jobs = Next::stay(Overlay::Help { scroll: 3 })
            .with(vec![Job::List])
            .apply(&mut s);
        assert!(matches!(s.overlay, Some(Overlay::Help { scroll: 3 })));
        assert!(matches!(jobs.as_slice(), [Job::List]));
        s.overlay = None;
        assert!(Next::close().apply(&mut s).is_empty());
        assert!(s.overlay.is_none());
    }

    #[test]
    fn a_closing_layer_leaves_the_question_its_step_asked() {
        let mut s = state();
        // The step of a closing layer asked something (quitting with a failed save, say).
        s.ask("Quit anyway?", Confirmed::DiscardAndQuit, None);
        let _ = Next::close_with(vec![Job::List]).apply(&mut s);
        assert!(matches!(s.overlay, Some(Overlay::Confirm { .. })));
        // A layer that stays wins over it.
        let _ = Next::stay(Overlay::Help { scroll: 0 }).apply(&mut s);
        assert!(matches!(s.overlay, Some(Overlay::Help { .. })));
    }
}
