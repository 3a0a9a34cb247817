//! Reading and writing incident files (FORMAT.md, "Rules").
//!
//! Reading reports every problem with its line and column; writing follows the contract's
//! layout: known key order, empty values left out, arrays of tables last, multi-line text as
//! `"""` strings, TOML date-times unquoted.

use std::fmt;

use super::incident::{Incident, SCHEMA_VERSION};

/// A problem in a file's text, located 1-based by line and column (in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line, 0 when the problem has no place (e.g. a missing key).
    pub line: usize,
    /// 1-based column in characters, 0 when unknown.
    pub column: usize,
    /// What is wrong, in one line.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for FormatError {}

/// What a file's text turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed {
    /// A schema-1 incident this program can edit.
    Current(Box<Incident>),
    /// Written by a newer program (`schema_version` greater than ours): read-only. Holds the
    /// incident when its fields could still be read, and the version found.
    Newer {
        /// The version in the file.
        version: i64,
        /// The incident, if this program could read it.
        incident: Option<Box<Incident>>,
    },
}

/// 1-based line and character column of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut start = offset;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let before = &text[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn locate(text: &str, error: &toml::de::Error) -> FormatError {
    let (line, column) = error
        .span()
        .map_or((0, 0), |span| line_column(text, span.start));
    FormatError {
        line,
        column,
        message: error.message().trim().replace('\n', " "),
    }
}

/// Parses an incident file's text.
///
/// # Errors
/// The first problem, located: bad TOML syntax, a key this program does not know (a typo
/// such as `titel`), a value of the wrong type or an unknown choice, a missing
/// `schema_version`/`id`/`title`, or an id that is not a safe file name.
pub fn parse(text: &str) -> Result<Parsed, FormatError> {
    // The usual file, read once; anything else (an error to locate, another schema version)
    // takes the careful path below, which reads it again.
    if let Ok(incident) = toml::from_str::<Incident>(text)
        && (1..=SCHEMA_VERSION).contains(&incident.schema_version)
        && super::id::is_valid_id(&incident.id)
    {
        return Ok(Parsed::Current(Box::new(incident)));
    }
    let table: toml::Table = toml::from_str(text).map_err(|e| locate(text, &e))?;
    let version = match table.get("schema_version") {
        Some(toml::Value::Integer(v)) => *v,
        Some(_) => return Err(key_error(text, "schema_version", "must be a whole number")),
        None => {
            return Err(FormatError {
                line: 0,
                column: 0,
                message: "missing `schema_version` (this program writes 1)".into(),
            });
        }
    };
    if version > i64::from(SCHEMA_VERSION) {
        let incident = toml::from_str::<Incident>(text).ok().map(Box::new);
        return Ok(Parsed::Newer { version, incident });
    }
    if version < 1 {
        return Err(key_error(text, "schema_version", "must be 1"));
    }
    let incident: Incident = toml::from_str(text).map_err(|e| locate(text, &e))?;
    if !super::id::is_valid_id(&incident.id) {
        return Err(key_error(
            text,
            "id",
            "must look like 2026-03-12-short-title (date, then lowercase letters, digits, hyphens)",
        ));
    }
    Ok(Parsed::Current(Box::new(incident)))
}

/// An error about a top-level `key`, located at its first occurrence at the start of a line.
fn key_error(text: &str, key: &str, problem: &str) -> FormatError {
    let mut offset = 0;
    let mut line_no = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
            line_no = n + 1;
            offset += line.len() - trimmed.len();
            break;
        }
        offset += line.len();
    }
    let (line, column) = if line_no > 0 {
        line_column(text, offset)
    } else {
        (0, 0)
    };
    FormatError {
        line,
        column,
        message: format!("`{key}` {problem}"),
    }
}

/// Writes an incident in the FORMAT.md layout.
///
/// # Errors
/// Only if a value cannot be represented in TOML (e.g. a NaN metric), which the UI prevents.
pub fn to_toml_string(incident: &Incident) -> Result<String, toml::ser::Error> {
    let plain = toml::to_string(incident)?;
    let laid_out = super::series::points_one_per_line(&plain);
    // A text field could hold a line that looks like points: keep the layout only when it
    // reads back as the same incident.
    if laid_out != plain && toml::from_str::<Incident>(&laid_out).ok().as_ref() != Some(incident) {
        return Ok(plain);
    }
    Ok(laid_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let e_pos = text
            .find('=')
            .map(|_| text.rfind('=').unwrap_or(0))
            .unwrap_or(0);
        assert_eq!(line_column(text, e_pos), (2, 4));
    }
}
