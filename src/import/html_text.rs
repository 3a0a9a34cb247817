//! HTML message bodies (Microsoft Teams) to plain text, parsed with `scraper` (html5ever):
//! block elements and `<br>` become line breaks, `<at>` mentions become `@Name`, emoji and
//! images their `alt` text, entities are decoded, runs of spaces collapse.

use scraper::{ElementRef, Html, Node};

/// The text of an HTML fragment.
pub fn to_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::new();
    walk(fragment.root_element(), &mut out);
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

fn walk(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => push_collapsed(out, text),
            Node::Element(e) => {
                let Some(child_element) = ElementRef::wrap(child) else {
                    continue;
                };
                match e.name() {
                    "br" => out.push('\n'),
                    "at" => {
                        out.push('@');
                        walk(child_element, out);
                    }
                    "img" | "emoji" => {
                        if let Some(alt) = e.attr("alt") {
                            out.push_str(alt);
                        }
                    }
                    "script" | "style" | "attachment" => {}
                    "p" | "div" | "li" | "tr" | "blockquote" | "pre" | "h1" | "h2" | "h3"
                    | "h4" | "h5" | "h6" | "ul" | "ol" | "table" => {
                        out.push('\n');
                        walk(child_element, out);
                        out.push('\n');
                    }
                    _ => walk(child_element, out),
                }
            }
            _ => {}
        }
    }
}

fn push_collapsed(out: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_text() {
        assert_eq!(
            to_text("<p>Declaring SEV2. <at id=\"0\">Marco R.</at> can you check?</p>"),
            "Declaring SEV2. @Marco R. can you check?"
        );
        assert_eq!(to_text("<div>a<br>b</div><p>c &amp; d</p>"), "a\nb\nc & d");
        assert_eq!(to_text("plain   text"), "plain text");
        assert_eq!(
            to_text("<p>ok <emoji id=\"smile\" alt=\"🙂\"></emoji></p>"),
            "ok 🙂"
        );
    }
}
