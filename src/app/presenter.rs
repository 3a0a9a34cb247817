//! The presenter view (`P`): for the screen shared with the room during a meeting, the
//! section's title in large letters, one guiding question at a time, the clock and the last
//! few entries, and nothing else. `↓`/`↑` step through the questions, `]`/`[` through the
//! sections (the meeting clock follows, as on the incident screen); `P` or `Esc` goes back.

use crossterm::event::KeyEvent;

use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Overlay, Screen};
use crate::guidance::GUIDANCE;
use crate::model::Section;

pub use super::meeting_steps::Presenter;

/// How many guiding questions a section has.
pub fn question_count(section: Section) -> usize {
    GUIDANCE
        .get(section.number())
        .map_or(0, |g| g.questions.len())
}

/// `P` on the incident screen: shows the presenter view.
pub fn open(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &state.screen else {
        return Vec::new();
    };
    if view.incident.meeting.started_at.is_none() {
        state.info("The presenter view is for a meeting: m starts one, then P");
    }
    state.overlay = Some(Overlay::Presenter(Presenter::default()));
    Vec::new()
}

/// Keys in the presenter view.
pub fn on_key(state: &mut AppState, mut presenter: Presenter, key: KeyEvent) -> Next {
    let now = state.now;
    let command = lookup(Context::Presenter, &key);
    let Screen::Incident(view) = &mut state.screen else {
        return Next::close();
    };
    let count = question_count(view.cursor.section).max(1);
    let mut effects = Vec::new();
    match command {
        Some(Command::Back) => return Next::close(),
        Some(Command::Quit) => return Next::close_with(super::save::quit(state)),
        Some(Command::Save) => effects = super::save::save(state),
        Some(Command::Down) => presenter.question = (presenter.question + 1) % count,
        Some(Command::Up) => presenter.question = (presenter.question + count - 1) % count,
        Some(Command::NextSection | Command::PrevSection) => {
            let section = if command == Some(Command::NextSection) {
                view.cursor.section.next()
            } else {
                view.cursor.section.prev()
            };
            super::agenda::go_to(view, section, now);
            presenter.question = 0;
            effects = super::save::save_now(state);
        }
        _ => {}
    }
    Next::stay(Overlay::Presenter(presenter)).with(effects)
}
