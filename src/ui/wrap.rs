//! Width-aware cutting and wrapping of text (wide characters and emoji count as two columns).

use unicode_width::UnicodeWidthStr;

use crate::app::layout_memo::LayoutMemo;

/// Cuts `text` to at most `max` columns, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    // `on-call …` reads as two words: the cut ends at the last letter.
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

/// Texts up to this long are remembered by [`wrap_with`]; longer ones are wrapped each time,
/// only as far as needed.
const MEMO_MAX: usize = 2048;

/// [`wrap`], remembering short texts in `memo` (owned by the open incident's view): guides and
/// notes drawn on every frame are wrapped once per width.
pub fn wrap_with(memo: &LayoutMemo, text: &str, width: usize, max_lines: usize) -> Vec<String> {
    if text.len() > MEMO_MAX {
        return wrap(text, width, max_lines);
    }
    memo.wrapped(text, width, max_lines, || wrap(text, width, max_lines))
}

/// Wraps text to `width` columns, at most `max_lines` lines (the last ending in `…` when
/// more was left). Paragraph breaks are kept. Only the paragraphs the lines asked for need
/// are wrapped, so a long text costs what is shown of it.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        if out.len() > max_lines {
            break;
        }
        if paragraph.is_empty() {
            out.push(String::new());
            continue;
        }
        for line in textwrap::wrap(paragraph, width) {
            out.push(line.into_owned());
            if out.len() > max_lines {
                break;
            }
        }
    }
    if out.len() > max_lines {
        out.truncate(max_lines);
        if let Some(last) = out.last_mut() {
            let cut = truncate(last, width.saturating_sub(1));
            *last = format!("{} …", cut.trim_end_matches('…').trim_end());
            *last = truncate(last, width);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_wide_characters() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("東京東京", 5), "東京…");
        assert!(truncate("🔥🔥🔥🔥", 5).width() <= 5);
    }

    #[test]
    fn wrapping_caps_lines() {
        let lines = wrap("one two three four five six", 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert_eq!(wrap("a\n\nb", 10, 5), ["a", "", "b"]);
    }

    #[test]
    fn remembered_wraps_are_the_same_as_fresh_ones() {
        let memo = LayoutMemo::default();
        let text = "one two three four five six seven eight nine ten";
        for width in [5, 9, 20] {
            let first = wrap_with(&memo, text, width, 3);
            assert_eq!(first, wrap(text, width, 3));
            assert_eq!(wrap_with(&memo, text, width, 3), first);
        }
        let long = "word ".repeat(1000);
        assert_eq!(wrap_with(&memo, &long, 30, 4), wrap(&long, 30, 4));
    }

    #[test]
    fn long_texts_are_wrapped_only_as_far_as_asked() {
        let long = "word word word word word word word word\n".repeat(100_000);
        let lines = wrap(&long, 30, 4);
        assert_eq!(lines.len(), 4);
        assert!(lines[3].ends_with('…'), "{lines:?}");
    }
}
