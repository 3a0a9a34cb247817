//! Printing `retro lint`'s findings as text, straight into one buffer: the same bytes as
//! [`super::files::located`] with [`crate::lint::Finding::message`] would give, line by line,
//! without a string per finding (a folder of 10,000 incidents prints about 11 MB).

use std::io::Write;
use std::path::Path;

use crate::lint::Finding;
use crate::sanitize::for_terminal;

/// Appends one line per finding of the file `path` to `out`:
/// `path:line:column: rule: "span": reason; try: suggestion`, line and column at least 1,
/// every part made safe for a terminal ([`for_terminal`]). `found` holds each finding with its
/// 1-based line and column (0 when it could not be placed).
pub(crate) fn text(out: &mut Vec<u8>, path: &Path, found: &[(usize, usize, Finding)]) {
    if found.is_empty() {
        return;
    }
    let shown = path.display().to_string();
    let shown = for_terminal(&shown);
    for (line, column, finding) in found {
        // Writing into a Vec cannot fail. The escape works character by character, so
        // escaping each part gives what escaping the whole line would.
        let _ = writeln!(
            out,
            "{shown}:{}:{}: {}: \"{}\": {}; try: {}",
            line.max(&1),
            column.max(&1),
            finding.rule,
            for_terminal(&finding.text),
            for_terminal(&finding.reason),
            for_terminal(&finding.suggestion),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Rule;
    use crate::model::FormatError;

    fn finding(text: &str, reason: &str) -> Finding {
        Finding {
            rule: Rule::BlameWord,
            field: "narrative.text".into(),
            start: 0,
            end: text.len(),
            text: text.into(),
            reason: reason.into(),
            suggestion: "say what happened\u{1b}[2J".into(),
        }
    }

    /// The lines are those the located messages give, hostile bytes and unplaced findings
    /// included.
    #[test]
    fn lines_are_the_located_messages() {
        let found = vec![
            (3, 14, finding("careless", "judges a person")),
            (0, 0, finding("x\u{202e}y\r", "why\u{7}")),
            (12, 1, finding("café “quoted”", "plain")),
        ];
        for path in ["incidents/2026-04-02-a.toml", "odd\u{1b}]0;t\u{7}/a b.toml"] {
            let path = Path::new(path);
            let mut out = Vec::new();
            text(&mut out, path, &found);
            let expected: String = found
                .iter()
                .map(|(line, column, f)| {
                    let error = FormatError {
                        line: *line,
                        column: *column,
                        message: f.message(),
                    };
                    format!("{}\n", super::super::files::located(path, &error))
                })
                .collect();
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
        let mut out = Vec::new();
        text(&mut out, Path::new("a.toml"), &[]);
        assert!(out.is_empty());
    }
}
