//! Opening an input file: one place for the errors every reader gives alike (missing,
//! empty, not text).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::types::ImportError;

/// The path as shown in messages.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Opens a file for reading, buffered.
///
/// # Errors
/// A path that does not exist, is a folder, cannot be opened, or is empty (0 bytes).
pub fn open(path: &Path) -> Result<(BufReader<File>, u64), ImportError> {
    let place = shown(path);
    let meta = std::fs::metadata(path).map_err(|e| io_error(&place, &e))?;
    if meta.is_dir() {
        return Err(ImportError::at(place, "is a folder, not a file"));
    }
    if meta.len() == 0 {
        return Err(ImportError::at(place, "the file is empty (0 bytes)"));
    }
    let file = File::open(path).map_err(|e| io_error(&place, &e))?;
    Ok((BufReader::with_capacity(1 << 16, file), meta.len()))
}

/// Reads a whole file as UTF-8 text.
///
/// # Errors
/// As [`open`], and text that is not UTF-8 or holds NUL bytes (binary data).
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let (mut reader, len) = open(path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&shown(path), &e))?;
    text_of(&shown(path), bytes)
}

/// Checks that bytes are text: UTF-8 without NUL bytes.
///
/// # Errors
/// Where the first bad byte is, as `place:line:column`.
pub fn text_of(place: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    let bad = |offset: usize, bytes: &[u8]| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = offset
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)
            + 1;
        ImportError::at(
            format!("{place}:{line}:{column}"),
            "binary data, not a text or JSON export",
        )
    };
    if let Some(nul) = memchr::memchr(0, &bytes) {
        return Err(bad(nul, &bytes));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        bad(offset, e.as_bytes())
    })
}

/// A one-line message for an I/O error on `place`.
pub fn io_error(place: &str, error: &std::io::Error) -> ImportError {
    let message = match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    };
    ImportError::at(place, message)
}
