//! The light theme and the colourless screen, as a pass over the drawn buffer: every screen
//! is written in the dark theme's styles ([`super::theme::THEME`]), and this maps each cell's
//! colours once the frame is drawn, so no screen needs to know which theme is in force.
//!
//! Without colour (`NO_COLOR`, <https://no-color.org>), a background colour becomes reverse
//! video (the focused row stays visible) and the dim grey becomes the terminal's dim.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::config::Colours;

/// The chart's incident window, a background too light to stand in for focus.
const WINDOW: Color = Color::Indexed(237);

/// A dark-theme colour as the light theme shows it, for text (`fg`) or a background.
fn light(color: Color, background: bool) -> Color {
    match color {
        Color::DarkGray => Color::Indexed(242),
        Color::Cyan if background => Color::Indexed(153),
        Color::Cyan => Color::Blue,
        Color::Yellow => Color::Indexed(130),
        Color::Green => Color::Indexed(28),
        Color::Red => Color::Indexed(160),
        Color::Magenta => Color::Indexed(127),
        Color::White => Color::Black,
        WINDOW => Color::Indexed(254),
        other => other,
    }
}

/// Maps every cell of `buffer` to `colours` (the dark theme leaves it as drawn).
pub fn apply(buffer: &mut Buffer, colours: Colours) {
    match colours {
        Colours::Dark => {}
        Colours::Light => {
            for cell in &mut buffer.content {
                cell.fg = light(cell.fg, false);
                cell.bg = light(cell.bg, true);
            }
        }
        Colours::None => {
            for cell in &mut buffer.content {
                if cell.bg != Color::Reset && cell.bg != WINDOW {
                    cell.modifier.insert(Modifier::REVERSED);
                }
                if cell.fg == Color::DarkGray {
                    cell.modifier.insert(Modifier::DIM);
                }
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::THEME;
    use ratatui::layout::Rect;

    fn drawn() -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, 3, 1));
        b.set_string(0, 0, "a", THEME.focus);
        b.set_string(1, 0, "b", THEME.dim);
        b.set_string(2, 0, "c", THEME.warn);
        b
    }

    #[test]
    fn without_colour_focus_is_reverse_video() {
        let mut b = drawn();
        apply(&mut b, Colours::None);
        for cell in &b.content {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
        }
        assert!(b.content[0].modifier.contains(Modifier::REVERSED));
        assert!(b.content[0].modifier.contains(Modifier::BOLD));
        assert!(b.content[1].modifier.contains(Modifier::DIM));
        assert!(!b.content[2].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_light_theme_changes_colours_not_text() {
        let mut b = drawn();
        let before = b.clone();
        apply(&mut b, Colours::Light);
        assert_eq!(b.content[0].symbol(), "a");
        assert_ne!(b.content[0].bg, before.content[0].bg);
        assert_eq!(b.content[2].fg, Color::Indexed(130));
        let mut same = before.clone();
        apply(&mut same, Colours::Dark);
        assert_eq!(same, before);
    }
}
