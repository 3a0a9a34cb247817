//! Application state and logic: one state, an [`Action`] enum, and
//! [`update`]`(state, action) -> effects` with no terminal and no file I/O.

pub mod action;
pub mod agenda;
pub mod edit;
pub mod factors;
pub mod focus;
pub mod form;
pub mod import_io;
pub mod import_overlay;
pub mod import_preview;
pub mod keymap;
pub mod layout_memo;
pub mod lint;
pub mod lint_keys;
pub mod lint_memo;
pub mod meeting;
pub mod publish;
pub mod records;
pub mod save;
pub mod state;
pub mod update;

pub use action::{Action, Effect};
pub use state::AppState;
pub use update::{context, update};
