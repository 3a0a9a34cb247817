//! The step after the meeting's opening question: each factor that helped, just named, asks
//! for its category (technical, tooling, process, …), one key each, so the fishbone has them
//! on the right bones. Skipping leaves a factor without one, to be set later in section 4.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::{Command, Context, lookup};
use super::layer::Next;
use super::state::{AppState, Overlay, Screen};
use crate::model::{Category, Choice};

pub use super::meeting_steps::Categorise;

/// After the opening: asks for the categories of the `added` factors named there (the last
/// ones of the list, those still without a category), if there are any.
pub fn begin(state: &mut AppState, added: usize) {
    let Screen::Incident(view) = &state.screen else {
        return;
    };
    let factors = &view.incident.factors;
    let ids: Vec<String> = factors[factors.len().saturating_sub(added)..]
        .iter()
        .filter(|f| f.category.is_none())
        .map(|f| f.id.clone())
        .collect();
    if !ids.is_empty() {
        state.overlay = Some(Overlay::Categorise(Categorise {
            ids,
            current: 0,
            selected: 0,
            set: 0,
        }));
    }
}

/// Keys: `↑` `↓` and `Enter`, or `1`–`7`, set the category; `s` skips one; `Esc` the rest.
pub fn on_key(state: &mut AppState, mut step: Categorise, key: KeyEvent) -> Next {
    let command = lookup(Context::Categorise, &key);
    let digit = match key.code {
        KeyCode::Char(c @ '1'..='7') if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_digit(10).map(|d| d as usize - 1)
        }
        _ => None,
    };
    let last = Category::ALL.len() - 1;
    match command {
        Some(Command::Quit) => return Next::close_with(super::save::quit(state)),
        Some(Command::Back) => {
            finish(state, &step);
            return Next::close_with(super::save::save_now(state));
        }
        Some(Command::Up) => step.selected = step.selected.saturating_sub(1),
        Some(Command::Down) => step.selected = (step.selected + 1).min(last),
        Some(Command::Skip) => step.current += 1,
        Some(Command::Choose) => {
            let index = step.selected;
            set(state, &mut step, index);
        }
        Some(Command::Save) => {
            let jobs = super::save::save(state);
            return Next::stay(Overlay::Categorise(step)).with(jobs);
        }
        _ => {
            if let Some(index) = digit {
                set(state, &mut step, index);
            }
        }
    }
    if step.current >= step.ids.len() {
        finish(state, &step);
        return Next::close_with(super::save::save_now(state));
    }
    Next::stay(Overlay::Categorise(step))
}

fn set(state: &mut AppState, step: &mut Categorise, index: usize) {
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    let Some(category) = Category::ALL.get(index).copied() else {
        return;
    };
    if let Some(factor) = step
        .ids
        .get(step.current)
        .and_then(|id| view.incident.factors.iter_mut().find(|f| &f.id == id))
    {
        factor.category = Some(category);
        view.save.revision += 1;
        step.set += 1;
    }
    step.current += 1;
    step.selected = 0;
}

fn finish(state: &mut AppState, step: &Categorise) {
    let left = step.ids.len() - step.set;
    let text = match left {
        0 => "Categories set · m shows the agenda".to_string(),
        n => format!(
            "{n} factor{} that helped still without a category (section 4) · m agenda",
            if n == 1 { "" } else { "s" }
        ),
    };
    state.info(text);
}
