//! The one set of styles every screen uses.

use ratatui::style::{Color, Modifier, Style};

/// Styles by meaning, not by widget.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: hints, placeholders, labels.
    pub dim: Style,
    /// Headings and titles.
    pub heading: Style,
    /// The focused field or selected row.
    pub focus: Style,
    /// Borders of panels.
    pub border: Style,
    /// Border of the focused or edited panel.
    pub border_focus: Style,
    /// Keys in hints.
    pub key: Style,
    /// Errors and overdue items.
    pub error: Style,
    /// Good news: saved, complete.
    pub ok: Style,
    /// Attention: unsaved, partly filled.
    pub warn: Style,
    /// The meeting clock.
    pub clock: Style,
    /// A meeting item past its timebox: warm, not an alarm.
    pub overtime: Style,
    /// Wording the lint flags, in place (underlined) and its `⚑` marks.
    pub flag: Style,
    /// A metric chart's line.
    pub chart_line: Style,
    /// A metric chart's key-moment markers and their labels.
    pub chart_marker: Style,
    /// A metric chart's baseline.
    pub chart_baseline: Style,
    /// The incident window's shading on a metric chart (a background).
    pub chart_window: Style,
}

/// The theme.
pub const THEME: Theme = Theme {
    text: Style::new(),
    dim: Style::new().fg(Color::DarkGray),
    heading: Style::new().add_modifier(Modifier::BOLD),
    focus: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::Green),
    warn: Style::new().fg(Color::Yellow),
    clock: Style::new().fg(Color::Cyan),
    overtime: Style::new().fg(Color::Yellow),
    flag: Style::new()
        .fg(Color::Magenta)
        .add_modifier(Modifier::UNDERLINED),
    chart_line: Style::new().fg(Color::Cyan),
    chart_marker: Style::new().fg(Color::Yellow),
    chart_baseline: Style::new().fg(Color::Green),
    chart_window: Style::new().bg(Color::Indexed(237)),
};
