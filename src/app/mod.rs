//! Application state and logic: one state, messages in ([`Msg`]), and
//! [`update`]`(state, msg) -> jobs` ([`Job`]: the I/O for the runtime), with no terminal and
//! no file I/O.

pub mod agenda;
pub mod confirm;
pub mod edit;
pub mod entry;
pub mod export;
pub mod export_overlay;
pub mod external_edit;
pub mod factors;
pub mod focus;
pub mod folder;
pub mod folder_news;
pub mod form;
pub mod help;
pub mod home_files;
pub mod import_io;
pub mod import_overlay;
pub mod import_preview;
pub mod keymap;
pub mod keymap_table;
pub mod keys;
pub mod layer;
pub mod layout_memo;
pub mod lint;
pub mod lint_keys;
pub mod lint_memo;
pub mod meeting;
pub mod meeting_steps;
pub mod messages;
pub mod metric_import;
pub mod moments;
pub mod new_incident;
pub mod picker;
pub mod picker_typing;
pub mod presenter;
pub mod publish;
pub mod record_ops;
pub mod records;
pub mod save;
pub mod state;
pub mod update;
pub mod went_well;

pub use messages::{Job, Msg};
pub use state::AppState;
pub use update::{context, update};
