//! Finding and reading incident files for the subcommands, and reporting broken ones.

use std::path::Path;

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

/// Loads the incident an argument names: an id in the folder, or the path of a file.
pub(crate) fn load_arg(arg: &str, ctx: &Context<'_>) -> anyhow::Result<Loaded> {
    if is_valid_id(arg) {
        return ctx.store.load(arg).map_err(|e| anyhow::anyhow!(e));
    }
    let path = Path::new(arg);
    if path.is_file() {
        return read_incident(path).map_err(|e| anyhow::anyhow!(e));
    }
    anyhow::bail!(
        "`{arg}` is neither an incident id (like 2026-03-12-checkout-errors) nor a file; \
         `retro list` shows the ids"
    )
}
