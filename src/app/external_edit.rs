//! `Ctrl-E` in a long text: the text goes to the user's editor (`$VISUAL`/`$EDITOR`, run by
//! the runtime with the terminal handed over, see [`Job::EditExternally`]) and comes back
//! into the field as one change, which one `Ctrl-Z` undoes. When there is no editor, or it
//! fails, the field keeps its text and the status line says why.

use super::focus::clean_paste;
use super::form::Target;
use super::messages::Job;
use super::state::{AppState, Screen};

/// Asks the runtime to edit the field being edited in the user's editor.
pub fn request(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &state.screen else {
        return Vec::new();
    };
    let Some(editor) = &view.cursor.editor else {
        return Vec::new();
    };
    vec![Job::EditExternally {
        target: editor.target,
        text: editor.textarea.text(),
    }]
}

/// Puts the editor's text into the field it was edited for (if that field is still being
/// edited), or says why not.
pub fn on_reply(state: &mut AppState, target: Target, result: Result<String, String>) {
    let text = match result {
        Ok(text) => text,
        Err(reason) => {
            state.error(reason);
            return;
        }
    };
    let Screen::Incident(view) = &mut state.screen else {
        state.error("the incident was closed while the editor ran; its text was not taken");
        return;
    };
    match &mut view.cursor.editor {
        Some(editor) if editor.target == target => {
            let changed = editor.textarea.replace_all(&clean_paste(&text));
            state.info(if changed {
                "Text taken from the editor · Ctrl-Z undoes it"
            } else {
                "The editor left the text as it was"
            });
        }
        _ => state.error("the field was closed while the editor ran; its text was not taken"),
    }
}
