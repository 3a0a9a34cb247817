//! The key list (`?`): opens at the keys of the screen it was asked on and scrolls; any other
//! key closes it.

use crossterm::event::KeyEvent;

use super::keymap::{Command, Context, help_start, lookup};
use super::layer::Next;
use super::state::{AppState, Overlay};

/// Opens the key list at the keys of `context`.
pub fn open(state: &mut AppState, context: Context) {
    state.overlay = Some(Overlay::Help {
        scroll: help_start(context),
    });
}

/// A key in the key list, whose first line shown is `scroll`.
pub fn on_key(scroll: usize, key: &KeyEvent) -> Next {
    let scroll = match lookup(Context::Help, key) {
        Some(Command::Down) => scroll + 1,
        Some(Command::Up) => scroll.saturating_sub(1),
        Some(Command::PageDown) => scroll + 10,
        Some(Command::PageUp) => scroll.saturating_sub(10),
        _ => return Next::close(),
    };
    Next::stay(Overlay::Help { scroll })
}
