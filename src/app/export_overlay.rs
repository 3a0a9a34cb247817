//! The export overlay's data: what is exported (format, audience, where to), the request the
//! runtime performs and its answer, and the overlay's steps. Its keys are in
//! [`super::export`].

use std::path::PathBuf;

use super::keymap::{Command, Context};
use crate::editor::TextBox;
use crate::model::Incident;

/// What the document is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// CommonMark with GitHub tables (as `retro export`).
    Markdown,
    /// One self-contained HTML page (as `retro export --format html`).
    Html,
}

impl Format {
    /// Its name in messages.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// Who the document is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// The whole retrospective.
    #[default]
    Internal,
    /// Only what a customer may read (as `retro export --audience customer`).
    Customer,
}

impl Audience {
    /// Its name in the overlay and in messages.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Internal => "internal",
            Audience::Customer => "customer-facing",
        }
    }
}

/// Where the document goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A file: a relative path is taken from the current directory, `~/` from the home
    /// folder. Unless `overwrite`, an existing file is left alone and reported
    /// ([`ExportReply::Exists`]).
    File {
        /// The path as typed.
        path: PathBuf,
        /// Replace an existing file (the user said yes).
        overwrite: bool,
    },
    /// The terminal's clipboard, through an OSC 52 escape sequence.
    Clipboard,
}

/// An export for the runtime to perform.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// The incident as it is in memory (saved or not).
    pub incident: Box<Incident>,
    /// Markdown or HTML.
    pub format: Format,
    /// For the team or for customers.
    pub audience: Audience,
    /// A file or the clipboard.
    pub to: Destination,
}

/// What became of an [`ExportRequest`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportReply {
    /// The file was written.
    Written {
        /// Where, as an absolute path.
        path: PathBuf,
        /// How many bytes.
        bytes: usize,
    },
    /// A file is there already; nothing was written.
    Exists {
        /// The path as typed.
        path: PathBuf,
    },
    /// The sequence was sent to the terminal (whether the terminal took it cannot be known).
    Copied {
        /// Bytes of the document (before base64).
        bytes: usize,
        /// Whether it went through tmux's passthrough.
        tmux: bool,
    },
    /// Why nothing was exported.
    Failed(String),
}

/// The overlay's state.
pub struct ExportOverlay {
    /// For the team or for customers (`a` switches).
    pub audience: Audience,
    /// Highlighted row of [`MENU`].
    pub selected: usize,
    /// The step shown.
    pub step: Step,
}

/// A step of the overlay.
pub enum Step {
    /// Choosing what and where.
    Menu,
    /// Typing the file's path.
    Path {
        /// Markdown or HTML.
        format: Format,
        /// The path, prefilled with `<id>.<ext>`.
        textarea: Box<TextBox>,
        /// Why the last attempt failed.
        note: Option<String>,
    },
    /// The file exists: replace it?
    Overwrite {
        /// Markdown or HTML.
        format: Format,
        /// The path as typed.
        path: PathBuf,
    },
}

/// The rows of the menu: the format and where it goes, with the command that picks it.
pub const MENU: [(Format, bool, Command, &str); 3] = [
    (
        Format::Markdown,
        false,
        Command::ExportMarkdown,
        "Markdown to a file",
    ),
    (
        Format::Html,
        false,
        Command::ExportHtml,
        "HTML page to a file",
    ),
    (
        Format::Markdown,
        true,
        Command::CopyMarkdown,
        "Markdown to the clipboard (OSC 52)",
    ),
];

impl ExportOverlay {
    /// The keymap context of the step.
    pub fn context(&self) -> Context {
        match self.step {
            Step::Menu => Context::ExportMenu,
            Step::Path { .. } => Context::ExportPath,
            Step::Overwrite { .. } => Context::Confirm,
        }
    }

    /// The format being exported, once one was chosen from the menu.
    pub fn format(&self) -> Option<Format> {
        match &self.step {
            Step::Path { format, .. } | Step::Overwrite { format, .. } => Some(*format),
            Step::Menu => None,
        }
    }
}
