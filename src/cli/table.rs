//! Plain aligned text tables for people; the last column is left unpadded.

use textwrap::core::display_width;

/// Lays out `rows` under `header`, columns separated by two spaces, one line each.
///
/// Cells are put on one line (newlines become spaces) so that each row stays one line that
/// `grep` and `cut` can work with; other control characters become visible escapes
/// ([`crate::sanitize`]), so a file's text cannot drive the terminal.
pub(crate) fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let clean = |cell: &str| {
        crate::sanitize::line_for_terminal(&cell.replace(['\n', '\r', '\t'], " ")).into_owned()
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                let pad = widths.get(i).copied().unwrap_or(0)
                    - display_width(cell).min(widths.get(i).copied().unwrap_or(0));
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
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
