//! Finding and reading incident files for the subcommands, and reporting broken ones.

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::model::FormatError;
use crate::model::id::is_valid_id;
use crate::storage::{Loaded, StoreError, read_incident};

use super::Context;

pub(crate) use crate::storage::listing::{IncidentFile, bad_name_error};

/// Every `*.toml` file directly in the incidents folder, sorted by name (recovery copies left
/// out).
pub(crate) fn incident_files(dir: &Path) -> anyhow::Result<Vec<IncidentFile>> {
    crate::storage::listing::incident_files(dir, false)
        .with_context(|| format!("cannot read {}", dir.display()))
}

/// Reads one file of the folder, turning every failure into a located [`FormatError`].
pub(crate) fn read_file(file: &IncidentFile) -> Result<Loaded, FormatError> {
    if !is_valid_id(&file.name) {
        return Err(bad_name_error());
    }
    read_incident(&file.path).map_err(|e| match e {
        StoreError::Format { error, .. } => error,
        other => FormatError {
            line: 0,
            column: 0,
            message: other.to_string(),
        },
    })
}

/// `path:line:column: message`, the way compilers report; an unplaced problem is put at 1:1.
///
/// The path and the message go through [`crate::sanitize::for_terminal`]: a message may quote
/// the file's own text.
pub(crate) fn located(path: &Path, error: &FormatError) -> String {
    let text = format!(
        "{}:{}:{}: {}",
        path.display(),
        error.line.max(1),
        error.column.max(1),
        error.message
    );
    crate::sanitize::for_terminal(&text).into_owned()
}

/// The id of the incident an argument names: the id, a prefix of it only one incident has,
/// or words of one incident's title (see [`crate::storage::Store::resolve`]). Every
/// subcommand that takes an id comes through here.
///
/// # Errors
/// No match, or several (the error lists them, id and title).
pub(crate) fn resolve_id(arg: &str, ctx: &Context<'_>) -> anyhow::Result<String> {
    ctx.store
        .resolve(arg, ctx.today())
        .map_err(|e| anyhow::anyhow!(e))
}

/// True when an argument that may be an id or a file should be read as a file: it names an
/// existing file and is not an id of the folder, or it looks like a path (`/`, `.toml`).
fn is_file_arg(arg: &str, ctx: &Context<'_>) -> bool {
    let path = Path::new(arg);
    if ctx.store.exists(arg) {
        return false;
    }
    path.is_file() || arg.contains(std::path::MAIN_SEPARATOR) || arg.ends_with(".toml")
}

/// The file an `ID|FILE` argument names: a file path as it is, otherwise the folder's file of
/// the incident [`resolve_id`] finds.
///
/// # Errors
/// Why not, for stderr.
pub(crate) fn resolve_target(arg: &str, ctx: &Context<'_>) -> Result<PathBuf, String> {
    if is_file_arg(arg, ctx) {
        let path = PathBuf::from(arg);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "{}: no such incident or file",
                crate::sanitize::for_terminal(arg)
            ))
        };
    }
    let clean = crate::sanitize::for_terminal(arg);
    match ctx.store.resolve(arg, ctx.today()) {
        Ok(id) => ctx.store.path_of(&id).map_err(|e| e.to_string()),
        Err(crate::storage::resolve::ResolveError::NoMatch(_)) => {
            Err(format!("{clean}: no such incident or file"))
        }
        Err(e) => Err(format!("{clean}: {e}")),
    }
}

/// Loads the incident an argument names: an incident of the folder (see [`resolve_id`]), or
/// the path of a file.
pub(crate) fn load_arg(arg: &str, ctx: &Context<'_>) -> anyhow::Result<Loaded> {
    if is_file_arg(arg, ctx) {
        let path = Path::new(arg);
        if !path.is_file() {
            anyhow::bail!(
                "`{}` is neither an incident id (like 2026-03-12-checkout-errors) nor a file; \
                 `retro list` shows the ids",
                crate::sanitize::for_terminal(arg)
            );
        }
        return read_incident(path).map_err(|e| anyhow::anyhow!(e));
    }
    let id = resolve_id(arg, ctx)?;
    ctx.store.load(&id).map_err(|e| anyhow::anyhow!(e))
}
