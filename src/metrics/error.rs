//! What can go wrong reading a metric series, in words for the person importing it.

/// A problem with a metric file; nothing is changed when one occurs.
#[derive(Debug, thiserror::Error)]
pub enum MetricError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file has no bytes at all.
    #[error("the file is empty (0 bytes)")]
    Empty,
    /// Larger than [`crate::metrics::read::MAX_BYTES`].
    #[error(
        "the file is {size_mb} MB; retro imports files of up to {limit_mb} MB: export a shorter time range"
    )]
    TooLarge {
        /// The file's size in MB.
        size_mb: u64,
        /// The limit in MB.
        limit_mb: u64,
    },
    /// Not UTF-8 text.
    #[error("the file is not UTF-8 text (byte {offset})")]
    NotText {
        /// Where the first bad byte is.
        offset: usize,
    },
    /// A header, or nothing, but no rows of data.
    #[error("no data rows: the file holds {0}")]
    NoRows(&'static str),
    /// No column holds times.
    #[error(
        "no time column: none of the columns ({columns}) holds times such as 2026-03-12T14:02:00Z, 2026-03-12 14:02:00 or epoch seconds"
    )]
    NoTimeColumn {
        /// The column names found, comma-separated.
        columns: String,
    },
    /// No column besides the time holds numbers.
    #[error("no value column: besides the time, no column ({columns}) holds numbers")]
    NoValueColumn {
        /// The column names found, comma-separated.
        columns: String,
    },
    /// `--column` names a column the file does not have.
    #[error("no column `{wanted}`; the file has: {columns}")]
    NoSuchColumn {
        /// What was asked for.
        wanted: String,
        /// The columns (or series) there are.
        columns: String,
    },
    /// A cell of a value column that is not a number.
    #[error("line {line}, column `{column}`: `{text}` is not a number")]
    NotNumber {
        /// 1-based line in the file.
        line: u64,
        /// The column's name.
        column: String,
        /// The cell as written (shortened).
        text: String,
    },
    /// A time cell that is not a time.
    #[error(
        "line {line}: `{text}` is not a time (RFC 3339, YYYY-MM-DD HH:MM:SS, or epoch seconds or milliseconds)"
    )]
    BadTime {
        /// 1-based line in the file.
        line: u64,
        /// The cell as written (shortened).
        text: String,
    },
    /// The CSV itself is broken (e.g. an unclosed quote).
    #[error("line {line}: {message}")]
    Csv {
        /// 1-based line, 0 when unknown.
        line: u64,
        /// The CSV reader's message.
        message: String,
    },
    /// JSON that is not a Prometheus `query_range` answer.
    #[error("not a Prometheus query_range answer: {0}")]
    Prometheus(String),
}

/// At most 40 characters of a cell, for messages.
pub(crate) fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}
