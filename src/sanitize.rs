//! Text from incident files made safe to print on a terminal.
//!
//! Anyone who can commit to a shared incidents folder chooses the bytes of its files; printed
//! as they are, escape sequences in them would drive the reader's terminal (set the window
//! title, clear the screen, write the clipboard with OSC 52). Every text retro prints for a
//! terminal goes through [`for_terminal`] (or [`line_for_terminal`] where a value must stay on
//! one line): control characters become visible escapes. JSON output is exact and never goes
//! through here (its encoder escapes control characters itself).
//!
//! Replaced, following Unicode's categories: C0 controls (U+0000–U+001F) except newline and
//! tab, DEL (U+007F), C1 controls (U+0080–U+009F), and the bidirectional formatting
//! characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) that can make text read
//! differently from what it is ("Trojan Source", CVE-2021-42574). Each becomes `\u{XX}`
//! (`\u{1b}` for ESC); a carriage return becomes `\r`.

use std::borrow::Cow;

/// True for a character that must not reach a terminal as it is (newline and tab allowed).
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        _ => false,
    }
}

/// `text` with every unsafe character ([`is_unsafe`]) replaced by a visible escape; newlines
/// and tabs kept. Borrows when nothing needs replacing.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape(text, is_unsafe)
}

/// Like [`for_terminal`], for a value shown on one line (a table cell, a title in a
/// message): newlines and tabs are escaped too.
pub fn line_for_terminal(text: &str) -> Cow<'_, str> {
    escape(text, |c| is_unsafe(c) || c == '\n' || c == '\t')
}

fn escape(text: &str, bad: impl Fn(char) -> bool) -> Cow<'_, str> {
    // Printable ASCII is never replaced: most text is only that, checked a byte at a time.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) || !text.chars().any(&bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !bad(c) {
            out.push(c);
            continue;
        }
        match c {
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// True when `text` holds a character [`for_terminal`] would replace, or a newline or tab
/// (for one-line values such as a title given on the command line).
pub fn has_control(text: &str) -> bool {
    text.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_and_bidi_characters_and_keeps_the_rest() {
        assert_eq!(for_terminal("plain ✓ text\n\tok"), "plain ✓ text\n\tok");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(for_terminal("\u{1b}]0;PWNED\u{7}"), "\\u{1b}]0;PWNED\\u{7}");
        assert_eq!(for_terminal("a\rb\u{7f}\u{9b}c"), "a\\rb\\u{7f}\\u{9b}c");
        assert_eq!(for_terminal("x\u{202e}y\u{2066}"), "x\\u{202e}y\\u{2066}");
        assert_eq!(line_for_terminal("two\nlines\t"), "two\\nlines\\t");
        assert!(has_control("a\u{1b}b") && has_control("a\nb") && !has_control("é"));
    }
}
