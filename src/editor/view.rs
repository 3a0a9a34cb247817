//! Drawing the editor and moving through its screen rows: the viewport follows the cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::wrap::{WrapCache, char_width, row_of};
use super::{TextBox, char_len, cursor_style};

/// What the last drawing left: the wrapped rows, the box size and where the view starts.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// Wrapped rows of each line at [`View::wrap_width`].
    pub cache: WrapCache,
    /// Width of the box last drawn (0 before the first drawing).
    width: usize,
    /// Height of the box last drawn.
    height: usize,
    /// First row shown (counting wrapped rows from the top of the text).
    top: usize,
    /// First column shown in a one-line box.
    left: usize,
}

impl View {
    /// Columns a line wraps at: one less than the box, so the cursor fits after a full row.
    fn wrap_width(width: usize) -> usize {
        if width == 0 {
            usize::MAX / 2
        } else {
            width.saturating_sub(1).max(1)
        }
    }
}

/// Chars `start..end` of a row and their screen columns.
fn row_end(starts: &[usize], row: usize, len: usize) -> usize {
    starts.get(row).copied().unwrap_or(len)
}

impl TextBox {
    /// Screen rows the text takes in a box `width` columns wide (one for a one-line box).
    pub fn rows(&self, width: u16) -> usize {
        if self.single_line {
            return 1;
        }
        let mut view = self.view.borrow_mut();
        view.cache
            .prepare(View::wrap_width(usize::from(width)), self.lines.len());
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| view.cache.rows(i, l))
            .sum()
    }

    /// Rows a page key moves: the box's height less one.
    pub(super) fn page(&self) -> isize {
        let h = self.view.borrow().height;
        h.saturating_sub(1).max(1) as isize
    }

    /// Moves the cursor `delta` screen rows, keeping its screen column where the rows allow.
    pub(super) fn vertical(&mut self, delta: isize) {
        if self.single_line {
            return;
        }
        let (mut line, col) = self.cursor;
        let mut view = self.view.borrow_mut();
        let width = View::wrap_width(view.width);
        view.cache.prepare(width, self.lines.len());
        let starts = view.cache.starts(line, &self.lines[line]).to_vec();
        let mut row = row_of(&starts, col);
        let row_start = if row == 0 { 0 } else { starts[row - 1] };
        let want = self
            .want_col
            .unwrap_or_else(|| columns(&self.lines[line], row_start, col));
        let mut steps = delta.unsigned_abs();
        while steps > 0 {
            if delta > 0 {
                let rows = view.cache.rows(line, &self.lines[line]);
                if row + 1 < rows {
                    row += 1;
                } else if line + 1 < self.lines.len() {
                    line += 1;
                    row = 0;
                } else {
                    break;
                }
            } else if row > 0 {
                row -= 1;
            } else if line > 0 {
                line -= 1;
                row = view.cache.rows(line, &self.lines[line]) - 1;
            } else {
                break;
            }
            steps -= 1;
        }
        let starts = view.cache.starts(line, &self.lines[line]).to_vec();
        let text = &self.lines[line];
        let start = if row == 0 { 0 } else { starts[row - 1] };
        let last_row = row == starts.len();
        let end = if last_row {
            char_len(text)
        } else {
            // The cursor at the next row's start would be shown on that row.
            row_end(&starts, row, char_len(text))
                .saturating_sub(1)
                .max(start)
        };
        let mut at = start;
        let mut used = 0;
        for ch in text.chars().skip(start) {
            if at >= end {
                break;
            }
            let w = char_width(ch);
            if used + w > want {
                break;
            }
            used += w;
            at += 1;
        }
        drop(view);
        self.cursor = (line, at);
        self.want_col = Some(want);
    }

    fn render_multi(&self, area: Rect, buf: &mut Buffer) {
        let mut view = self.view.borrow_mut();
        view.width = usize::from(area.width);
        view.height = usize::from(area.height);
        let width = View::wrap_width(view.width);
        view.cache.prepare(width, self.lines.len());
        let (cr, cc) = self.cursor;
        let mut before = 0;
        for (i, l) in self.lines.iter().enumerate().take(cr) {
            before += view.cache.rows(i, l);
        }
        let cursor_row = before + row_of(view.cache.starts(cr, &self.lines[cr]), cc);
        let mut total = before;
        for (i, l) in self.lines.iter().enumerate().skip(cr) {
            total += view.cache.rows(i, l);
        }
        let height = usize::from(area.height);
        let mut top = view.top;
        if cursor_row < top {
            top = cursor_row;
        } else if cursor_row >= top + height {
            top = cursor_row + 1 - height;
        }
        // No empty rows below the text while text above is hidden.
        if total < top + height {
            top = total.saturating_sub(height);
        }
        view.top = top;
        let mut row = 0;
        let mut y = area.y;
        let bottom = area.y + area.height;
        for (i, text) in self.lines.iter().enumerate() {
            if y >= bottom {
                break;
            }
            let rows = view.cache.rows(i, text);
            if row + rows <= top {
                row += rows;
                continue;
            }
            let starts = view.cache.starts(i, text).to_vec();
            let len = char_len(text);
            let chars: Vec<char> = text.chars().collect();
            for r in 0..rows {
                if row < top {
                    row += 1;
                    continue;
                }
                if y >= bottom {
                    break;
                }
                let start = if r == 0 { 0 } else { starts[r - 1] };
                let end = row_end(&starts, r, len);
                let shown: String = chars[start..end].iter().collect();
                buf.set_stringn(area.x, y, &shown, usize::from(area.width), self.style);
                if i == cr && row == cursor_row {
                    let x = columns(text, start, cc).min(usize::from(area.width) - 1);
                    mark_cursor(buf, area.x + x as u16, y, self.style);
                }
                row += 1;
                y += 1;
            }
        }
    }

    fn render_single(&self, area: Rect, buf: &mut Buffer) {
        let mut view = self.view.borrow_mut();
        view.width = usize::from(area.width);
        view.height = 1;
        let text = &self.lines[0];
        let width = usize::from(area.width);
        let cursor = columns(text, 0, self.cursor.1);
        let total = columns(text, 0, char_len(text)) + 1;
        let mut left = view.left;
        if total <= width {
            left = 0;
        } else {
            // Keep a few columns of context (and room for the `…` marks) around the cursor.
            let margin = (width / 4).clamp(1, 8).min(width.saturating_sub(1) / 2);
            if cursor < left + margin {
                left = cursor.saturating_sub(margin);
            } else if cursor + margin >= left + width {
                left = cursor + margin + 1 - width;
            }
            left = left.min(total - width);
        }
        view.left = left;
        let mut col = 0;
        for ch in text.chars() {
            let w = char_width(ch);
            if col >= left && col + w <= left + width {
                let x = area.x + (col - left) as u16;
                buf.set_stringn(x, area.y, ch.encode_utf8(&mut [0; 4]), w, self.style);
            }
            col += w;
            if col >= left + width {
                break;
            }
        }
        if left > 0 {
            buf.set_stringn(area.x, area.y, "…", 1, self.placeholder_style);
        }
        if total - left > width {
            buf.set_stringn(
                area.x + area.width - 1,
                area.y,
                "…",
                1,
                self.placeholder_style,
            );
        }
        let x = (cursor - left).min(width - 1);
        mark_cursor(buf, area.x + x as u16, area.y, self.style);
    }
}

/// Screen columns of chars `start..end` of `text`.
fn columns(text: &str, start: usize, end: usize) -> usize {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .map(char_width)
        .sum()
}

fn mark_cursor(buf: &mut Buffer, x: u16, y: u16, style: ratatui::style::Style) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        if cell.symbol().is_empty() {
            cell.set_symbol(" ");
        }
        cell.set_style(cursor_style(style));
    }
}

impl Widget for &TextBox {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        if self.is_empty() && !self.placeholder.is_empty() {
            buf.set_stringn(
                area.x,
                area.y,
                &self.placeholder,
                usize::from(area.width),
                self.placeholder_style,
            );
            mark_cursor(buf, area.x, area.y, self.style);
            return;
        }
        if self.single_line {
            self.render_single(area, buf);
        } else {
            self.render_multi(area, buf);
        }
    }
}
