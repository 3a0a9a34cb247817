//! Where a finding is in the file: the line and column of a byte of a string value, found
//! through toml's spanned parse ([`toml::de::DeTable`]) and a walk over the raw string that
//! undoes its escapes (`\n`, `\"`, `\u00e9`, a line-ending backslash in `"""` strings).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::fields::parse_path;
use crate::model::codec::line_column;

/// A parsed file, to locate many findings in it.
pub struct Locator<'a> {
    source: &'a str,
    root: Option<Spanned<DeTable<'a>>>,
}

impl<'a> Locator<'a> {
    /// Parses `source`; a file that does not parse locates nothing.
    pub fn new(source: &'a str) -> Locator<'a> {
        Locator {
            source,
            root: DeTable::parse(source).ok(),
        }
    }

    /// 1-based line and column (in characters) of byte `offset` of the string at `path`
    /// (`factors[2].whys[0]`, 0-based indices). Falls back to the start of the value when the
    /// offset cannot be followed through the raw text; `None` when there is no such string.
    pub fn position(&self, path: &str, offset: usize) -> Option<(usize, usize)> {
        let (span, decoded) = self.string_at(path)?;
        position_in(self.source, span, decoded, offset)
    }

    fn string_at(&self, path: &str) -> Option<(Range<usize>, &str)> {
        let steps = parse_path(path)?;
        let mut table: &DeTable<'a> = self.root.as_ref()?.get_ref();
        let last = steps.len() - 1;
        for (n, step) in steps.iter().enumerate() {
            let (_, value) = table.iter().find(|(k, _)| k.get_ref() == &step.key)?;
            let mut value: &Spanned<DeValue<'a>> = value;
            if let Some(index) = &step.index {
                let index: usize = index.parse().ok()?;
                let DeValue::Array(items) = value.get_ref() else {
                    return None;
                };
                value = items.get(index)?;
            }
            if n == last {
                return match value.get_ref() {
                    DeValue::String(s) => Some((value.span(), s.as_ref())),
                    _ => None,
                };
            }
            let DeValue::Table(inner) = value.get_ref() else {
                return None;
            };
            table = inner;
        }
        None
    }
}

/// 1-based line and column (in characters) of byte `offset` of `decoded`, the value of the
/// string literal at byte range `span` of `source` (quotes included); the start of the
/// literal when the offset cannot be followed through it, `None` when `span` is not in
/// `source`. What [`Locator::position`] gives, for a caller that knows the literal's place.
pub fn position_in(
    source: &str,
    span: Range<usize>,
    decoded: &str,
    offset: usize,
) -> Option<(usize, usize)> {
    let raw = source.get(span.clone())?;
    let inner = raw_offset(raw, decoded, offset).unwrap_or(0);
    Some(line_column(source, span.start + inner))
}

/// Where each line of a text starts, to place many offsets in it without counting from the
/// start each time.
pub struct Lines<'a> {
    source: &'a str,
    /// Byte offset of each line's start after the first.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// The lines of `source`.
    pub fn new(source: &'a str) -> Lines<'a> {
        Lines {
            source,
            starts: memchr::memchr_iter(b'\n', source.as_bytes())
                .map(|i| i + 1)
                .collect(),
        }
    }

    /// [`position_in`], with the lines counted once.
    pub fn position_in(
        &self,
        span: Range<usize>,
        decoded: &str,
        offset: usize,
    ) -> Option<(usize, usize)> {
        let raw = self.source.get(span.clone())?;
        let inner = raw_offset(raw, decoded, offset).unwrap_or(0);
        Some(self.line_column(span.start + inner))
    }

    /// 1-based line and column (in characters) of byte `offset`, as
    /// [`crate::model::codec::line_column`] gives them.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let source = self.source;
        let mut at = offset.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        // Lines starting at or before `at`: each is one newline before it.
        let before = self.starts.partition_point(|&s| s <= at);
        let line_start = before.checked_sub(1).map_or(0, |i| self.starts[i]);
        let column = source[line_start..at].chars().count() + 1;
        (before + 1, column)
    }
}

/// Offset within `raw` (a TOML string literal with its quotes) of byte `target` of its decoded
/// value `decoded`; `None` when the two cannot be matched.
fn raw_offset(raw: &str, decoded: &str, target: usize) -> Option<usize> {
    let (open, multiline, basic) = if raw.starts_with("\"\"\"") {
        (3, true, true)
    } else if raw.starts_with("'''") {
        (3, true, false)
    } else if raw.starts_with('"') {
        (1, false, true)
    } else if raw.starts_with('\'') {
        (1, false, false)
    } else {
        return None;
    };
    let mut i = open;
    if multiline {
        if raw[i..].starts_with("\r\n") {
            i += 2;
        } else if raw[i..].starts_with('\n') {
            i += 1;
        }
    }
    let mut d = 0;
    while d < target {
        let rest = raw.get(i..)?;
        let c = rest.chars().next()?;
        let want = decoded.get(d..)?;
        if basic && c == '\\' {
            let next = rest[1..].chars().next()?;
            match next {
                'n' | 't' | 'r' | '"' | '\\' | 'b' | 'f' | 'e' => {
                    d += 1;
                    i += 2;
                }
                'u' | 'U' | 'x' => {
                    let digits = match next {
                        'u' => 4,
                        'U' => 8,
                        _ => 2,
                    };
                    let hex = rest.get(2..2 + digits)?;
                    let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                    d += ch.len_utf8();
                    i += 2 + digits;
                }
                ' ' | '\t' | '\r' | '\n' if multiline => {
                    // A line-ending backslash: the newline and following whitespace vanish.
                    i += 1;
                    while let Some(w) = raw[i..].chars().next() {
                        if !matches!(w, ' ' | '\t' | '\r' | '\n') {
                            break;
                        }
                        i += w.len_utf8();
                    }
                }
                _ => return None,
            }
        } else if c == '\r' && rest.starts_with("\r\n") && !want.starts_with('\r') {
            // A CRLF read as a newline.
            i += 2;
            d += 1;
        } else {
            if !want.starts_with(c) {
                return None;
            }
            i += c.len_utf8();
            d += c.len_utf8();
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_place_offsets_as_line_column_does() {
        for source in ["", "a", "\n", "ab\ncd\n\néf\r\ng", "é\u{1F600}x\nyz"] {
            let lines = Lines::new(source);
            for offset in 0..=source.len() + 2 {
                assert_eq!(
                    lines.line_column(offset),
                    line_column(source, offset),
                    "{source:?} at {offset}"
                );
            }
        }
    }

    fn at(source: &str, path: &str, needle: &str) -> Option<(usize, usize)> {
        let locator = Locator::new(source);
        let (_, decoded) = locator.string_at(path)?;
        let offset = decoded.find(needle)?;
        locator.position(path, offset)
    }

    #[test]
    fn plain_and_escaped_strings() {
        let src = "title = \"Dave \\\"really\\\" broke it\"\n[narrative]\ntext = 'should have'\n";
        assert_eq!(at(src, "title", "broke"), Some((1, 26)));
        assert_eq!(at(src, "narrative.text", "have"), Some((3, 16)));
        let src = "title = \"caf\\u00e9 was careless\"\n";
        assert_eq!(at(src, "title", "careless"), Some((1, 24)));
    }

    #[test]
    fn multi_line_strings() {
        let src =
            "[narrative]\ntext = \"\"\"\nFirst line.\nThe engineer should have known.\"\"\"\n";
        assert_eq!(at(src, "narrative.text", "should"), Some((4, 14)));
        let src = "[narrative]\ntext = \"\"\"\nOne \\\n    two careless.\"\"\"\n";
        assert_eq!(at(src, "narrative.text", "careless"), Some((4, 9)));
        let src = "[narrative]\ntext = '''\nraw \\n then lazy'''\n";
        assert_eq!(at(src, "narrative.text", "lazy"), Some((3, 13)));
        let src = "[narrative]\r\ntext = \"\"\"\r\nA\r\nB sloppy\"\"\"\r\n";
        assert_eq!(at(src, "narrative.text", "sloppy"), Some((4, 3)));
    }

    #[test]
    fn arrays_and_arrays_of_tables() {
        let src = "\
[stakeholders]
reassurances = [\"fine\", \"the root cause\"]

[[factors]]
id = \"F1\"

[[factors]]
id = \"F2\"
whys = [
  \"one\",
  \"Dave forgot\",
]
";
        assert_eq!(
            at(src, "stakeholders.reassurances[1]", "root"),
            Some((2, 30))
        );
        assert_eq!(at(src, "factors[1].whys[1]", "forgot"), Some((11, 9)));
        assert_eq!(at(src, "factors[2].whys[0]", "x"), None);
        assert_eq!(at(src, "factors[1].id", "F2"), Some((8, 7)));
        assert!(Locator::new("not toml [").position("title", 0).is_none());
    }
}
