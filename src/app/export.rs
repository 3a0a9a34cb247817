//! The export overlay of the incident screen (`E`): Markdown or an HTML page of the open
//! incident, for the team or for customers, to a file (a path prompt holding `<id>.md`,
//! relative to the current directory; an existing file is replaced only after asking) or to
//! the clipboard through the terminal (OSC 52). The writing is an effect
//! ([`Job::Export`]); its answer comes back as [`ExportReply`].

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use super::focus::is_newline_key;
use super::keymap::{Command, lookup};
use super::layer::Next;
use super::messages::Job;
use super::state::{AppState, Overlay, Screen};
use crate::editor::TextBox;

pub use super::export_overlay::{
    Audience, Destination, ExportOverlay, ExportReply, ExportRequest, Format, MENU, Step,
};

/// `E` on the incident screen: opens the overlay on its menu.
pub fn open(state: &mut AppState) -> Vec<Job> {
    if state.incident().is_none() {
        return Vec::new();
    }
    state.overlay = Some(Overlay::Export(Box::new(ExportOverlay {
        audience: Audience::Internal,
        selected: 0,
        step: Step::Menu,
    })));
    Vec::new()
}

/// The file name offered for the open incident: `<id>.md`, `<id>-customer.html`, …
pub fn default_name(id: &str, format: Format, audience: Audience) -> String {
    let suffix = match audience {
        Audience::Internal => "",
        Audience::Customer => "-customer",
    };
    format!("{id}{suffix}.{}", format.extension())
}

fn request(state: &AppState, format: Format, audience: Audience, to: Destination) -> Vec<Job> {
    match state.incident() {
        Some(view) => vec![Job::Export(Box::new(ExportRequest {
            incident: Box::new(view.incident.clone()),
            format,
            audience,
            to,
        }))],
        None => Vec::new(),
    }
}

/// Keys in the overlay.
pub fn on_key(state: &mut AppState, mut overlay: ExportOverlay, key: KeyEvent) -> Next {
    let command = lookup(overlay.context(), &key);
    if command == Some(Command::Quit) {
        return Next::close_with(super::save::quit(state));
    }
    if command == Some(Command::Save) {
        let jobs = super::save::save(state);
        return stay(overlay).with(jobs);
    }
    let audience = overlay.audience;
    match std::mem::replace(&mut overlay.step, Step::Menu) {
        Step::Menu => {
            let picked = match command {
                Some(Command::Up) => {
                    overlay.selected = overlay.selected.saturating_sub(1);
                    None
                }
                Some(Command::Down) => {
                    overlay.selected = (overlay.selected + 1).min(MENU.len() - 1);
                    None
                }
                Some(Command::Audience) => {
                    overlay.audience = match audience {
                        Audience::Internal => Audience::Customer,
                        Audience::Customer => Audience::Internal,
                    };
                    None
                }
                Some(Command::Choose) => Some(overlay.selected),
                Some(Command::Back) => return Next::close(),
                Some(c) => MENU.iter().position(|row| row.2 == c),
                None => None,
            };
            if let Some(row) = picked {
                overlay.selected = row;
                let (format, clipboard, _, _) = MENU[row];
                if clipboard {
                    let jobs = request(state, format, audience, Destination::Clipboard);
                    return stay(overlay).with(jobs);
                }
                let id = state.incident().map(|v| v.incident.id.clone());
                let name = default_name(id.as_deref().unwrap_or("incident"), format, audience);
                overlay.step = Step::Path {
                    format,
                    textarea: Box::new(TextBox::new(&name, true)),
                    note: None,
                };
            }
        }
        Step::Path {
            format,
            mut textarea,
            mut note,
        } => match command {
            Some(Command::Back) => {}
            _ if command == Some(Command::Choose) || is_newline_key(&key) => {
                let typed = textarea.text().trim().to_string();
                if typed.is_empty() {
                    overlay.step = Step::Path {
                        format,
                        textarea,
                        note: Some("Type a file name (Esc goes back)".into()),
                    };
                } else {
                    overlay.step = Step::Path {
                        format,
                        textarea,
                        note: None,
                    };
                    let to = Destination::File {
                        path: PathBuf::from(typed),
                        overwrite: false,
                    };
                    let jobs = request(state, format, audience, to);
                    return stay(overlay).with(jobs);
                }
            }
            _ => {
                if textarea.input(key) {
                    note = None;
                }
                overlay.step = Step::Path {
                    format,
                    textarea,
                    note,
                };
            }
        },
        Step::Overwrite { format, path } => match command {
            Some(Command::Yes) => {
                overlay.step = Step::Overwrite {
                    format,
                    path: path.clone(),
                };
                let to = Destination::File {
                    path,
                    overwrite: true,
                };
                let jobs = request(state, format, audience, to);
                return stay(overlay).with(jobs);
            }
            Some(Command::No | Command::Back) => {
                // Back to the prompt, to choose another name.
                overlay.step = Step::Path {
                    format,
                    textarea: Box::new(TextBox::new(&path.to_string_lossy(), true)),
                    note: Some("Not replaced: type another name".into()),
                };
            }
            _ => overlay.step = Step::Overwrite { format, path },
        },
    }
    stay(overlay)
}

fn stay(overlay: ExportOverlay) -> Next {
    Next::stay(Overlay::Export(Box::new(overlay)))
}

/// Sizes as people read them: `812 bytes`, `12.3 KB`, `1.4 MB` (1 KB = 1,000 bytes).
pub fn size_label(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// Copies larger than this may be cut or refused by some terminals.
const LARGE_COPY: usize = 100_000;

/// The runtime's answer to a [`Job::Export`].
pub fn on_reply(state: &mut AppState, reply: ExportReply) -> Vec<Job> {
    let (audience, format) = match &state.overlay {
        Some(Overlay::Export(overlay)) => (overlay.audience, overlay.format()),
        _ => (Audience::Internal, None),
    };
    let done = matches!(
        reply,
        ExportReply::Written { .. } | ExportReply::Copied { .. }
    );
    match reply {
        ExportReply::Written { path, bytes } => {
            state.info(format!(
                "Wrote {} ({}, {} {})",
                path.display(),
                size_label(bytes),
                audience.label(),
                format.unwrap_or(Format::Markdown).label()
            ));
        }
        ExportReply::Exists { path } => {
            if let Some(Overlay::Export(overlay)) = &mut state.overlay {
                overlay.step = Step::Overwrite {
                    format: format.unwrap_or(Format::Markdown),
                    path,
                };
            }
        }
        ExportReply::Copied { bytes, tmux } => {
            // Most important first: the status line is cut at the screen's width.
            let mut text = format!(
                "Sent {} of {} Markdown by OSC 52; terminals without it ignore it",
                size_label(bytes),
                audience.label()
            );
            if tmux {
                text.push_str(" (tmux: set -g allow-passthrough on)");
            }
            if bytes > LARGE_COPY {
                text.push_str("; copies this large are cut by some terminals");
            }
            state.info(text);
        }
        ExportReply::Failed(reason) => {
            state.error(format!("Not exported: {reason}"));
            if let Some(Overlay::Export(overlay)) = &mut state.overlay {
                overlay.step = match std::mem::replace(&mut overlay.step, Step::Menu) {
                    Step::Path {
                        format, textarea, ..
                    } => Step::Path {
                        format,
                        textarea,
                        note: Some(reason),
                    },
                    Step::Overwrite { format, path } => Step::Path {
                        format,
                        textarea: Box::new(TextBox::new(&path.to_string_lossy(), true)),
                        note: Some(reason),
                    },
                    Step::Menu => Step::Menu,
                };
            }
        }
    }
    // Written or copied: the overlay's work is done; it stays only to ask or say why not.
    let away = !matches!(state.screen, Screen::Incident(_));
    if (done || away) && matches!(state.overlay, Some(Overlay::Export(_))) {
        state.overlay = None;
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sizes() {
        assert_eq!(
            default_name("2026-03-12-x", Format::Markdown, Audience::Internal),
            "2026-03-12-x.md"
        );
        assert_eq!(
            default_name("2026-03-12-x", Format::Html, Audience::Customer),
            "2026-03-12-x-customer.html"
        );
        assert_eq!(size_label(812), "812 bytes");
        assert_eq!(size_label(12_345), "12.3 KB");
        assert_eq!(size_label(1_400_000), "1.4 MB");
    }
}
