//! Every key binding as data: the help overlay and the footer hints are generated from the
//! table ([`super::keymap_table`]), so what the screen says is what the keys do.

use crossterm::event::KeyEvent;

pub use super::keymap_table::{KEYMAP, TYPED_KEYS};
pub use super::keys::{Binding, Command, Context, Key};
use Context::*;

/// One line of the help overlay.
#[derive(Clone, Copy, Debug)]
pub enum HelpRow {
    /// A context's heading.
    Heading(Context),
    /// A binding: its keys and what it does.
    Binding(&'static Binding),
    /// A typed key: its label and what it does.
    Typed(&'static str, &'static str),
    /// A blank line between contexts.
    Blank,
}

/// The help overlay's lines, context by context in [`Context::ALL`] order.
pub fn help_rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for context in Context::ALL {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(context));
        rows.extend(
            KEYMAP
                .iter()
                .filter(|b| b.context == context)
                .map(HelpRow::Binding),
        );
        rows.extend(
            TYPED_KEYS
                .iter()
                .filter(|(c, _, _)| *c == context)
                .map(|(_, k, d)| HelpRow::Typed(k, d)),
        );
    }
    rows
}

/// The help overlay's first line when opened from `context`: its heading, so `?` shows the
/// keys of the screen it was pressed on first.
pub fn help_start(context: Context) -> usize {
    help_rows()
        .iter()
        .position(|r| matches!(r, HelpRow::Heading(c) if *c == context))
        .unwrap_or(0)
}

/// The command bound to `event` in `context`, looking at global bindings first, then the
/// context's own, then its [`Context::parent`]'s.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Command> {
    let find = |c: Context| {
        KEYMAP
            .iter()
            .filter(|b| b.context == c)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.command)
    };
    find(Global)
        .or_else(|| find(context))
        .or_else(|| context.parent().and_then(find))
}

/// Footer hints for a context: `(key label, word)` pairs in table order, the context's own
/// first, then its parent's, then the global ones. Neighbouring rows with the same word are
/// one hint: `1`…`5` "moment" show as `1–5 moment`.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut last: Option<String> = None;
    let rows = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .chain(
            KEYMAP
                .iter()
                .filter(|b| Some(b.context) == context.parent()),
        )
        .chain(
            KEYMAP
                .iter()
                .filter(|b| b.context == Global && context.shows_global_hints()),
        );
    for b in rows {
        let (Some(key), Some(word)) = (b.keys.first(), b.hint) else {
            last = None;
            continue;
        };
        let label = key.label();
        match out.last_mut() {
            Some((first, w)) if *w == word && last.is_some() => {
                let start = first.split('–').next().unwrap_or(first).to_string();
                *first = format!("{start}–{label}");
            }
            _ => out.push((label.clone(), word)),
        }
        last = Some(label);
    }
    out
}

/// The first key bound to `command` in `context`, as hints write it (`m`, `Enter`), or
/// nothing when it has none there.
pub fn lookup_keys(context: Context, command: Command) -> String {
    KEYMAP
        .iter()
        .find(|b| b.context == context && b.command == command)
        .and_then(|b| b.keys.first())
        .map(Key::label)
        .unwrap_or_default()
}

/// All keys of a binding, written for the help overlay: `Tab / ↓ / j`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(Key::label)
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys::{Command as C, ctrl};
    use crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn global_keys_win_everywhere() {
        let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        for ctx in [Home, Incident, Record, Editing, Picker] {
            assert_eq!(lookup(ctx, &ctrl_s), Some(C::Save));
        }
    }

    #[test]
    fn shifted_characters_match_their_character() {
        let big_k = press(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &big_k), Some(C::MoveUp));
        let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &back_tab), Some(C::PrevField));
        let shift_up = press(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &shift_up), Some(C::MoveUp));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for a in KEYMAP {
            for b in KEYMAP {
                if std::ptr::eq(a, b) || a.context != b.context {
                    continue;
                }
                for k in a.keys {
                    assert!(
                        !b.keys.contains(k),
                        "{:?} bound twice in {:?}",
                        k,
                        a.context
                    );
                }
            }
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let home: Vec<_> = hints(Home)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(
            home,
            [
                "n new",
                "Enter open",
                "/ filter",
                "d delete",
                "? help",
                "q quit"
            ]
        );
        assert_eq!(Key::label(&ctrl('s')), "Ctrl-S");
    }

    #[test]
    fn a_timeline_row_has_moment_keys_over_the_incident_keys() {
        let one = press(KeyCode::Char('1'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &one), Some(C::Moment(1)));
        assert_eq!(lookup(Incident, &one), Some(C::Jump(1)));
        let six = press(KeyCode::Char('6'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &six), Some(C::Jump(6)));
        let add = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &add), Some(C::Add));
        let row: Vec<_> = hints(TimelineRow)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(row[0], "1–5 moment");
        assert!(row.contains(&"a add".to_string()), "{row:?}");
        assert!(row.contains(&"Ctrl-S save".to_string()), "{row:?}");
    }
}
