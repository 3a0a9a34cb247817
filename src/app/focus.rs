//! What has focus on the open incident, and the text editor on it: which value is focused,
//! starting an editor on it, and storing its text (a time, date or number that does not
//! parse is kept as typed).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::form::{self, FieldId, Target, section_fields};
use super::state::{AppState, Editor, IncidentView, Screen};
use crate::model::RecordKind;

/// A timeline entry's time (the timeline is kept sorted by it).
const AT: FieldId = FieldId::named("timeline[].at");

/// True for keys a text area turns into a new line (Enter, Ctrl-M, Ctrl-J).
pub fn is_newline_key(key: &KeyEvent) -> bool {
    key.code == KeyCode::Enter
        || (key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('m' | 'j')))
}

/// Cleans pasted text: `\r\n` and lone `\r` become `\n`, tabs become four spaces, other
/// control characters are dropped.
pub fn clean_paste(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push_str("    "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The value under focus: a section field, or a field of the open record.
pub fn focused_target(view: &IncidentView) -> Option<Target> {
    if let Some(form) = view.cursor.record {
        let field = form.kind.field(form.focus)?;
        return Some(Target::record(field, form.index));
    }
    section_fields(view.cursor.section)
        .nth(view.cursor.focus)
        .map(Target::top)
}

/// Opens a text editor on `target` with its current (or kept invalid) text.
pub fn start_editor(view: &mut IncidentView, target: Target) {
    let text = form::edit_text(&view.incident, target);
    let textarea = crate::editor::TextBox::new(&text, target.kind().is_single_line())
        .with_placeholder(target.label().1);
    view.cursor.editor = Some(Editor { target, textarea });
}

/// Stores the text of the open editor (if any) into the incident, keeping it open.
/// Returns false when the text could not be stored (it is kept with its error).
pub fn commit_editor(state: &mut AppState) -> bool {
    let today = state.today();
    let Screen::Incident(view) = &mut state.screen else {
        return true;
    };
    let Some(editor) = &view.cursor.editor else {
        return true;
    };
    let target = editor.target;
    let text = editor.textarea.lines().join("\n");
    store_text(view, target, &text, today)
}

fn store_text(
    view: &mut IncidentView,
    target: Target,
    text: &str,
    today: jiff::civil::Date,
) -> bool {
    let before = (
        form::text_of(&view.incident, target),
        form::unparsed_text(&view.incident, target).map(str::to_string),
    );
    let stored = form::set_text(&mut view.incident, target, text, today).is_ok();
    let after = (
        form::text_of(&view.incident, target),
        form::unparsed_text(&view.incident, target).map(str::to_string),
    );
    if after != before {
        view.save.revision += 1;
        if stored && target.field == AT {
            resort_timeline(view, target.record);
        }
    }
    stored
}

/// Keeps the timeline sorted after entry `index` changed time, following it to its new place.
fn resort_timeline(view: &mut IncidentView, index: usize) {
    let Some(entry) = view.incident.timeline.get(index).cloned() else {
        return;
    };
    view.incident.sort_timeline();
    let new_index = view
        .incident
        .timeline
        .iter()
        .position(|e| *e == entry)
        .unwrap_or(index);
    view.select(RecordKind::Timeline, new_index);
    if let Some(form) = &mut view.cursor.record
        && form.kind == RecordKind::Timeline
    {
        form.index = new_index;
    }
}
