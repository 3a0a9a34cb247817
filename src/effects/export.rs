//! Performing the export overlay's request: the document (the same Markdown and HTML as
//! `retro export`), written to a file without replacing one unless asked, or sent to the
//! clipboard through the terminal.

use std::io;
use std::path::{Path, PathBuf};

use super::console::Outside;
use crate::app::export::{Audience, Destination, ExportReply, ExportRequest, Format, default_name};
use crate::model::Incident;
use crate::storage::{create_atomic, write_atomic};

/// The document, as `retro export` writes it (Markdown without control characters).
pub fn document(incident: &Incident, format: Format, audience: Audience) -> String {
    match (format, audience) {
        (Format::Markdown, Audience::Internal) => {
            crate::sanitize::for_terminal(&crate::cli::markdown::internal(incident)).into_owned()
        }
        (Format::Markdown, Audience::Customer) => {
            crate::sanitize::for_terminal(&crate::cli::markdown::customer(incident)).into_owned()
        }
        (Format::Html, Audience::Internal) => crate::cli::html::internal(incident),
        (Format::Html, Audience::Customer) => crate::cli::html::customer(incident),
    }
}

/// Writes or copies the document; never replaces a file unless the request says so.
pub fn perform(request: ExportRequest, outside: &mut Outside) -> ExportReply {
    let text = document(&request.incident, request.format, request.audience);
    match request.to {
        Destination::Clipboard => {
            match super::clipboard::copy(outside.console.as_mut(), &text, outside.tmux) {
                Ok(()) => ExportReply::Copied {
                    bytes: text.len(),
                    tmux: outside.tmux,
                },
                Err(e) => ExportReply::Failed(format!("cannot write to the terminal: {e}")),
            }
        }
        Destination::File { path, overwrite } => {
            let name = default_name(&request.incident.id, request.format, request.audience);
            let target = match resolve(&path, &name) {
                Ok(target) => target,
                Err(e) => return ExportReply::Failed(format!("{}: {e}", path.display())),
            };
            let written = if overwrite {
                write_atomic(&target, text.as_bytes())
            } else {
                create_atomic(&target, text.as_bytes()).map(|_| ())
            };
            match written {
                Ok(()) => ExportReply::Written {
                    path: target,
                    bytes: text.len(),
                },
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => ExportReply::Exists {
                    path: if path.is_dir() { target } else { path },
                },
                Err(e) => ExportReply::Failed(format!("cannot write {}: {e}", target.display())),
            }
        }
    }
}

/// The absolute path meant by `typed`: `~/` is the home folder, a relative path starts at
/// the current directory, and a folder gets `name` inside it.
fn resolve(typed: &Path, name: &str) -> io::Result<PathBuf> {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let expanded = match typed.strip_prefix("~") {
        Ok(rest) => match home() {
            Some(home) => home.join(rest),
            None => typed.to_path_buf(),
        },
        Err(_) => typed.to_path_buf(),
    };
    let absolute = if expanded.is_absolute() {
        expanded
    } else {
        std::env::current_dir()?.join(expanded)
    };
    Ok(if absolute.is_dir() {
        absolute.join(name)
    } else {
        absolute
    })
}
