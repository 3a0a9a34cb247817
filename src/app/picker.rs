//! A picker over the screen: one option (severity, status, a factor's category) or several
//! (the factors an action addresses), chosen with the arrows or by typing its first letters.

use crossterm::event::KeyEvent;

use super::edit::STATUS;
use super::factors;
use super::form::{self, RecordKind, choice_index};
use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::state::{AppState, Overlay, Picker, Screen};
use super::{picker_typing, publish};

/// Keys in an option list.
pub fn on_key(state: &mut AppState, mut picker: Picker, key: KeyEvent) -> Next {
    let last = picker.options.len().saturating_sub(1);
    match lookup(Context::Picker, &key) {
        Some(Command::Up) => {
            picker.selected = picker.selected.saturating_sub(1);
            picker.typed.clear();
        }
        Some(Command::Down) => {
            picker.selected = (picker.selected + 1).min(last);
            picker.typed.clear();
        }
        Some(Command::Tick) => {
            if let Some(ticked) = &mut picker.ticked
                && let Some(t) = ticked.get_mut(picker.selected)
            {
                *t = !*t;
            }
        }
        Some(Command::Choose) => {
            choose(state, picker);
            return Next::close();
        }
        Some(Command::Back) => return Next::close(),
        // Typed keys: letters select an option.
        _ if key.code == crossterm::event::KeyCode::Backspace => {
            picker_typing::backspace(&mut picker);
        }
        _ => {
            if let crossterm::event::KeyCode::Char(c) = key.code
                && !key.modifiers.intersects(
                    crossterm::event::KeyModifiers::CONTROL | crossterm::event::KeyModifiers::ALT,
                )
            {
                picker_typing::type_char(&mut picker, c);
            }
        }
    }
    Next::stay(Overlay::Picker(picker))
}

fn choose(state: &mut AppState, picker: Picker) {
    if picker.target.field == STATUS {
        if let Some(status) = <crate::model::IncidentStatus as crate::model::Choice>::ALL
            .get(picker.selected)
            .copied()
        {
            publish::choose_status(state, status);
        }
        return;
    }
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    let index = picker.target.record;
    match (&picker.ticked, picker.target.field.def().record) {
        (Some(ticked), Some(RecordKind::Factor)) => {
            factors::set_addressed_by(view, index, ticked);
        }
        (Some(ticked), Some(RecordKind::Action)) => {
            let ids: Vec<String> = view
                .incident
                .factors
                .iter()
                .zip(ticked)
                .filter(|(_, t)| **t)
                .map(|(f, _)| f.id.clone())
                .collect();
            if let Some(action) = view.incident.actions.get_mut(index)
                && action.factors != ids
            {
                action.factors = ids;
                view.save.revision += 1;
            }
        }
        _ => {
            if choice_index(&view.incident, picker.target) != picker.selected {
                form::set_choice(&mut view.incident, picker.target, picker.selected);
                view.save.revision += 1;
            }
        }
    }
}
