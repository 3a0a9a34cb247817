//! Adding records one after another without leaving the keyboard's home row: in a record
//! just added with `a`, Enter in one of its entry fields (marked in the field table: a
//! timeline entry's time, who and what; a factor's description; an action's title, owner and
//! due date; a metric's name) keeps the text and edits the next one, and on the last adds
//! the next record of the list. Esc on a record still untouched closes it, and it is not
//! kept. Alt-Enter (or Ctrl-J) adds a line to a text where Enter goes on.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::focus::start_editor;
use super::form::{Kind, RecordKind, Target};
use super::state::{AppState, IncidentView, Screen};

/// True when `key` is a plain Enter in an entry field of a record being added.
pub fn enter_goes_on(state: &AppState, key: &KeyEvent) -> bool {
    let Screen::Incident(view) = &state.screen else {
        return false;
    };
    key.code == KeyCode::Enter
        && key.modifiers == KeyModifiers::NONE
        && view.cursor.record.is_some_and(|f| f.adding)
        && view
            .cursor
            .editor
            .as_ref()
            .is_some_and(|e| e.target.item.is_none() && e.target.field.def().entry)
}

/// After Enter in an entry field (its text stored): edits the record's next entry field, or
/// after the last one adds the next record and edits its first.
pub fn go_on(view: &mut IncidentView) {
    let Some(form) = view.cursor.record else {
        return;
    };
    let next = form
        .kind
        .fields()
        .enumerate()
        .skip(form.focus + 1)
        .find(|(_, f)| f.def().entry);
    match next {
        Some((focus, field)) => {
            if let Some(open) = &mut view.cursor.record {
                open.focus = focus;
            }
            if field.def().kind.is_text() {
                start_editor(view, Target::record(field, form.index));
            }
        }
        None => {
            view.select(form.kind, form.index);
            view.cursor.record = None;
            super::record_ops::add_record(view, form.kind);
        }
    }
}

/// Closes the record being added when nothing at all was typed in it (not even a time): Esc
/// on a record just added leaves it, and it is not kept.
pub fn close_if_untouched(view: &mut IncidentView) {
    let Some(form) = view.cursor.record else {
        return;
    };
    if !form.adding || !untouched(view, form.kind, form.index) {
        return;
    }
    view.cursor.record = None;
    view.select(form.kind, form.index);
    super::record_ops::drop_if_blank(view, form.kind, form.index);
}

fn untouched(view: &IncidentView, kind: RecordKind, index: usize) -> bool {
    kind.is_blank(&view.incident, index)
        && kind
            .fields()
            .filter(|f| f.def().kind == Kind::Time)
            .all(|f| f.def().value.is_empty(&view.incident, index))
}
