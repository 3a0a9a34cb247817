//! Plain aligned text tables for people; the last column is left unpadded.

use textwrap::core::display_width;

/// Lays out `rows` under `header`, columns separated by two spaces, one line each.
///
/// Cells are put on one line (newlines become spaces) so that each row stays one line that
/// `grep` and `cut` can work with; other control characters become visible escapes
/// ([`crate::sanitize`]), so a file's text cannot drive the terminal.
#[allow(dead_code)] // `list` and `actions` stream through `Widths`; other commands use this.
pub(crate) fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let clean = |cell: &str| {
        crate::sanitize::line_for_terminal(&cell.replace(['\n', '\r', '\t'], " ")).into_owned()
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths = Widths::new(header);
    for row in &rows {
        widths.observe(row);
    }
    let mut out = String::new();
    widths.line(header, &mut out);
    for row in &rows {
        widths.line(row, &mut out);
    }
    out
}

/// A cell on one line: newlines, carriage returns and tabs become spaces (so a tab can
/// separate cleaned cells), and other control characters visible escapes
/// ([`crate::sanitize`]), so a file's text cannot drive the terminal.
pub(crate) fn clean(cell: &str) -> String {
    crate::sanitize::line_for_terminal(&cell.replace(['\n', '\r', '\t'], " ")).into_owned()
}

/// The column widths of a table seen row by row, for [`render`]'s layout without holding the
/// rows as cells.
pub(crate) struct Widths(Vec<usize>);

impl Widths {
    /// Widths of the header alone.
    pub(crate) fn new(header: &[&str]) -> Widths {
        Widths(header.iter().map(|h| display_width(h)).collect())
    }

    /// Widens the columns for a row of cleaned cells.
    pub(crate) fn observe<S: AsRef<str>>(&mut self, row: &[S]) {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = self.0.get_mut(i) {
                *w = (*w).max(display_width(cell.as_ref()));
            }
        }
    }

    /// Appends a row of cleaned cells as one line: each cell padded to its column's width
    /// plus two spaces, the last one not padded, trailing blanks trimmed.
    pub(crate) fn line<S: AsRef<str>>(&self, row: &[S], out: &mut String) {
        let start = out.len();
        for (i, cell) in row.iter().enumerate() {
            let cell = cell.as_ref();
            out.push_str(cell);
            if i + 1 < row.len() {
                let width = self.0.get(i).copied().unwrap_or(0);
                let pad = width - display_width(cell).min(width);
                out.extend(std::iter::repeat_n(' ', pad + 2));
            }
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let out = render(
            &["ID", "TITLE"],
            &[
                vec!["é".into(), "one\ntwo".into()],
                vec!["abc".into(), "x".into()],
            ],
        );
        assert_eq!(out, "ID   TITLE\né    one two\nabc  x\n");
    }
}
