//! Escaping text for HTML and SVG.

/// Text with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and in attribute
/// values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Free text as paragraphs: blank lines separate `<p>`s, single line breaks become `<br>`.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text
        .trim()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let lines: Vec<String> = para.lines().map(|l| esc(l.trim_end())).collect();
        out.push_str("<p>");
        out.push_str(&lines.join("<br>"));
        out.push_str("</p>\n");
    }
    out
}

/// At most `max` characters of `text`, ending in `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(
            paragraphs("a\nb\n\n<c>"),
            "<p>a<br>b</p>\n<p>&lt;c&gt;</p>\n"
        );
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
