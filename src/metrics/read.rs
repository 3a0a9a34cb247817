//! Reading a metric file: size and text checks, then the reader its content asks for.

use std::io::Read as _;
use std::path::Path;

use jiff::tz::TimeZone;

use super::Series;
use super::csv_reader::read_csv;
use super::error::MetricError;
use super::prometheus::read_prometheus;

/// The largest file imported, in bytes (256 MiB): a series that long belongs cut to the
/// incident's days before it is imported.
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// How to read a metric file.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Keep only this value column (CSV) or series (by its name), ignoring case.
    pub column: Option<String>,
    /// The zone of naive times (`2014-02-07 14:55:00`): `--tz`, else the incident's.
    pub tz: TimeZone,
}

/// Reads the file at `path`: Prometheus JSON when its first non-blank byte is `{`, CSV
/// otherwise. Series come back sorted by time, with gaps in time marked
/// ([`Series::mark_gaps`]).
///
/// # Errors
/// [`MetricError::Io`], [`MetricError::TooLarge`] (checked before reading), and whatever
/// [`read_bytes`] reports.
pub fn read_file(path: &Path, options: &ReadOptions) -> Result<Vec<Series>, MetricError> {
    let io = |source| MetricError::Io {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew since.
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    read_bytes(&bytes, options)
}

fn too_large(size: u64) -> MetricError {
    MetricError::TooLarge {
        size_mb: size / 1_000_000,
        limit_mb: MAX_BYTES / 1_000_000,
    }
}

/// Reads a metric file's bytes (see [`read_file`]).
///
/// # Errors
/// [`MetricError::Empty`], [`MetricError::TooLarge`], [`MetricError::NotText`], and the
/// readers' errors ([`read_csv`], [`read_prometheus`]).
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Result<Vec<Series>, MetricError> {
    if bytes.is_empty() {
        return Err(MetricError::Empty);
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| MetricError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(MetricError::NoRows("only blank lines"));
    }
    let column = options.column.as_deref();
    let mut series = if text.trim_start().starts_with('{') {
        read_prometheus(text, column)?
    } else {
        read_csv(text, column, &options.tz)?
    };
    for s in &mut series {
        s.sort();
        s.mark_gaps();
    }
    Ok(series)
}
