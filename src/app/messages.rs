//! The app's messages: what comes in ([`Msg`]: keys, pastes, ticks, and the runtime's
//! answers) and the work it hands out ([`Job`]: file and terminal I/O that
//! [`super::update`] never does itself). Named so, they do not collide with the model's
//! follow-up [`crate::model::Action`] and factor [`crate::model::Effect`].

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use crate::model::Incident;
use crate::model::summary::{Entry, Loaded};

/// An input to [`super::update`].
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted (bracketed paste): it arrives whole, never as key presses.
    Paste(String),
    /// The folder was listed.
    Listed(Result<Vec<Entry>, String>),
    /// An incident was read.
    Opened(Result<Loaded, String>),
    /// A file that does not parse was read as text.
    Viewed {
        /// The file.
        path: PathBuf,
        /// Its text, or why it could not be read.
        text: Result<String, String>,
        /// Its parse error.
        error: String,
    },
    /// A new incident was created and written.
    Created(Result<Incident, String>),
    /// A recovery copy newer than the incident file was found for the open incident.
    Recovered {
        /// The incident as it was in memory when the copy was written.
        incident: Box<Incident>,
        /// What differs from the file, one line each.
        differences: Vec<String>,
    },
    /// The open incident's file was changed by another program.
    ChangedOnDisk(Box<Incident>),
    /// The open incident's file was deleted (or moved away) by another program.
    DeletedOnDisk,
    /// A copy of the user's version was written (after an outside change), or why not.
    CopySaved(Result<String, String>),
    /// A recovery copy was removed after the user decided.
    RecoveryDiscarded(Result<(), String>),
    /// Time passed with no input (the runtime ticks while an incident is open).
    Tick,
    /// A save finished.
    Saved {
        /// The revision that was written.
        revision: u64,
        /// Whether to say so in the status bar (Ctrl-S) or stay quiet (continuous saves).
        announce: bool,
        /// The file written, or why not.
        result: Result<PathBuf, String>,
    },
    /// A file was moved to the trash.
    Trashed(Result<PathBuf, String>),
    /// The answer to a [`Job::CheckTrash`]: the home entry, and who edits it, if anyone.
    TrashChecked {
        /// The entry's index in the home list.
        index: usize,
        /// `being edited by another retro (pid … on …)` when another process holds its lock.
        held: Option<String>,
    },
    /// The inner id of a file was set to its file name (the id), or why not.
    IdFixed(Result<String, String>),
    /// The runtime's answer to a [`Job::Import`].
    Import(super::import_io::Reply),
    /// The runtime's answer to a [`Job::Export`].
    Exported(super::export_overlay::ExportReply),
    /// The text back from the user's editor ([`Job::EditExternally`]), or why there is
    /// none.
    EditedExternally {
        /// The field it was edited for.
        target: super::form::Target,
        /// The edited text, or why not.
        result: Result<String, String>,
    },
    /// Another program created, changed or removed files of the incidents folder.
    Folder(super::folder_news::FolderNews),
}

/// Work for the runtime: I/O that [`super::update`] never does itself.
#[derive(Debug, PartialEq)]
pub enum Job {
    /// List the incidents folder again.
    List,
    /// Read an incident by id.
    Open(String),
    /// Read a file as text to show it.
    View {
        /// The file.
        path: PathBuf,
        /// Its parse error, for the heading.
        error: String,
    },
    /// Create and write a new incident.
    Create {
        /// Its title.
        title: String,
        /// When it started, if typed: it dates the id and adds the impact-started entry
        /// (see [`super::new_incident::add_start`]).
        start: Option<crate::model::start::Start>,
    },
    /// Write the open incident as it is when the job is performed (the runtime copies it
    /// then, sharing what earlier copies hold, so the copy costs little on the event loop).
    Save {
        /// Its revision, reported back in [`Msg::Saved`].
        revision: u64,
        /// Whether to announce the result.
        announce: bool,
    },
    /// Write the incident back after its file was deleted by another program (the user
    /// chose to restore it); reported in [`Msg::Saved`].
    WriteBack {
        /// What to write.
        incident: Box<Incident>,
        /// Its revision.
        revision: u64,
    },
    /// Write the incident under a new id (`<id>-copy`), keeping the original file as it is.
    SaveCopy(Box<Incident>),
    /// Remove the recovery copy of an incident.
    DiscardRecovery(String),
    /// Find out whether another process edits the incident `id` (entry `index` of the home
    /// list) before asking to delete it; answered by [`Msg::TrashChecked`].
    CheckTrash {
        /// The entry's index in the home list.
        index: usize,
        /// The incident id (the file name without `.toml`).
        id: String,
    },
    /// Write the file name into the `id` of the file at `path` (a copied file whose inner id
    /// is another incident's); answered by [`Msg::IdFixed`].
    FixId {
        /// The file.
        path: PathBuf,
        /// Its file name without `.toml`, the id it gets.
        id: String,
    },
    /// Move an incident's file to `.trash/`.
    TrashIncident(String),
    /// Move any file of the folder (e.g. one that does not parse) to `.trash/`.
    TrashFile(PathBuf),
    /// Read an export or complete a path for the import overlay.
    Import(super::import_io::Request),
    /// Write the incident as Markdown or HTML to a file, or copy it to the clipboard;
    /// answered with [`Msg::Exported`].
    Export(Box<super::export_overlay::ExportRequest>),
    /// Hand the terminal to the user's editor (`$VISUAL`/`$EDITOR`) on a copy of `text`;
    /// answered with [`Msg::EditedExternally`].
    EditExternally {
        /// The field being edited.
        target: super::form::Target,
        /// Its text now.
        text: String,
    },
    /// Look whether the open incident's file (this id) was changed or removed by another
    /// program; reported as [`Msg::ChangedOnDisk`] or [`Msg::DeletedOnDisk`].
    Probe(String),
}
