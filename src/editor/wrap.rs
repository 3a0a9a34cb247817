//! Word wrapping of one line of the editor into screen rows, and a cache of it per line.
//!
//! A row break falls after the last space that fits; a word longer than the row is broken
//! where the row is full. Widths are terminal columns (wide characters count two, by
//! `unicode-width`). Rows are described by the char index where each one starts.

use unicode_width::UnicodeWidthChar;

/// Columns a character takes on screen (control characters count as one, as they are
/// drawn as a replacement).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(1)
}

/// Char indices where the rows after the first start, wrapping `line` to `width` columns
/// (at least 1). Empty for a line that fits.
pub fn row_starts(line: &str, width: usize) -> Vec<usize> {
    let width = width.max(1);
    let mut starts = Vec::new();
    let mut row_start = 0;
    let mut col = 0;
    // Char index after the last space of the row, and the row's width up to there.
    let mut last_break: Option<(usize, usize)> = None;
    for (i, c) in line.chars().enumerate() {
        let w = char_width(c);
        if col + w > width && i > row_start {
            if c == ' ' {
                // A space at the end of a full row hangs there; the next row starts after it.
                starts.push(i + 1);
                row_start = i + 1;
                col = 0;
                last_break = None;
                continue;
            }
            match last_break {
                Some((at, used)) if at > row_start => {
                    starts.push(at);
                    row_start = at;
                    col -= used;
                }
                _ => {
                    starts.push(i);
                    row_start = i;
                    col = 0;
                }
            }
            last_break = None;
        }
        col += w;
        if c == ' ' {
            last_break = Some((i + 1, col));
        }
    }
    starts
}

/// Wrapped rows of every line at one width, computed when first needed.
#[derive(Clone, Debug, Default)]
pub struct WrapCache {
    width: usize,
    lines: Vec<Option<Vec<usize>>>,
    computed: usize,
}

impl WrapCache {
    /// Forgets every line when the width changed, and sizes the cache to `count` lines.
    pub fn prepare(&mut self, width: usize, count: usize) {
        if self.width != width {
            self.width = width;
            self.lines.clear();
        }
        self.lines.resize(count, None);
    }

    /// Lines `start..end` were replaced by `count` new lines.
    pub fn splice(&mut self, start: usize, end: usize, count: usize) {
        let end = end.min(self.lines.len());
        if start > end {
            return;
        }
        self.lines
            .splice(start..end, std::iter::repeat_n(None, count));
    }

    /// Row starts of line `index` (whose text is `line`), wrapping it if needed.
    pub fn starts(&mut self, index: usize, line: &str) -> &[usize] {
        if index >= self.lines.len() {
            self.lines.resize(index + 1, None);
        }
        let width = self.width;
        let slot = &mut self.lines[index];
        if slot.is_none() {
            self.computed += 1;
        }
        slot.get_or_insert_with(|| row_starts(line, width))
    }

    /// How many times a line was wrapped since the cache was made (to test that edits
    /// re-wrap only what they touched).
    pub fn computed(&self) -> usize {
        self.computed
    }

    /// Rows line `index` takes.
    pub fn rows(&mut self, index: usize, line: &str) -> usize {
        self.starts(index, line).len() + 1
    }
}

/// The row of a line the char index `col` is shown in, given the line's row starts.
pub fn row_of(starts: &[usize], col: usize) -> usize {
    starts.partition_point(|s| *s <= col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<String> {
        let starts = row_starts(line, width);
        let chars: Vec<char> = line.chars().collect();
        let mut bounds = vec![0];
        bounds.extend(&starts);
        bounds.push(chars.len());
        bounds
            .windows(2)
            .map(|w| chars[w[0]..w[1]].iter().collect())
            .collect()
    }

    #[test]
    fn breaks_after_spaces_and_inside_long_words() {
        assert_eq!(rows("one two three", 8), ["one two ", "three"]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(rows("ab cdefghij", 4), ["ab ", "cdef", "ghij"]);
        assert_eq!(rows("abcd efgh", 4), ["abcd ", "efgh"]);
        assert_eq!(rows("", 4), [""]);
        assert_eq!(rows("東京東京", 5), ["東京", "東京"]);
    }

    #[test]
    fn cursor_rows() {
        let starts = row_starts("one two three", 8);
        assert_eq!(row_of(&starts, 0), 0);
        assert_eq!(row_of(&starts, 7), 0);
        assert_eq!(row_of(&starts, 8), 1);
        assert_eq!(row_of(&starts, 13), 1);
    }

    #[test]
    fn cache_follows_edits_and_widths() {
        let mut cache = WrapCache::default();
        cache.prepare(4, 2);
        assert_eq!(cache.rows(0, "abcdefgh"), 2);
        cache.splice(0, 1, 2);
        assert_eq!(cache.rows(0, "ab"), 1);
        cache.prepare(2, 3);
        assert_eq!(cache.rows(0, "abcd"), 2);
    }
}
