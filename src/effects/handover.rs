//! Editing a long text in the user's own editor (`$VISUAL`, else `$EDITOR`): the text goes
//! to a user-only temporary file, the terminal is handed over (see
//! [`super::console::Console::suspend`]), the editor runs on the file through `sh -c` (so the
//! variable may hold options), the terminal is taken back, and the file is read back. Any
//! failure is a message and leaves the field as it was.

use std::io::Write;
use std::process::Command;

use super::console::Outside;

/// Edits `text` in the editor; returns the edited text, or why there is none.
///
/// The file ends with a new line even when the text does not (editors add one); one final
/// new line is taken off again on reading when the text had none.
///
/// # Errors
/// No editor set, the editor could not be started or exited with an error, the terminal
/// could not be handed over, or the file could not be read back as UTF-8.
pub fn edit(outside: &mut Outside, text: &str) -> Result<String, String> {
    let Some(editor) = outside.editor.clone() else {
        return Err(
            "no editor: set $VISUAL or $EDITOR (e.g. export EDITOR=vim); the text is unchanged"
                .into(),
        );
    };
    let mut file = tempfile::Builder::new()
        .prefix("retro-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("cannot make a temporary file for the editor: {e}"))?;
    let newline = !text.ends_with('\n');
    file.write_all(text.as_bytes())
        .and_then(|()| file.write_all(if newline { b"\n" } else { b"" }))
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write the temporary file for the editor: {e}"))?;
    let path = file.path().to_path_buf();
    outside
        .console
        .suspend()
        .map_err(|e| format!("cannot hand the terminal to the editor: {e}"))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status();
    let resumed = outside.console.resume();
    let status = status.map_err(|e| format!("cannot start the editor `{editor}`: {e}"))?;
    resumed.map_err(|e| format!("cannot take the terminal back from the editor: {e}"))?;
    if status.code() == Some(127) {
        return Err(format!(
            "the editor `{editor}` was not found ($VISUAL / $EDITOR); the text is unchanged"
        ));
    }
    if !status.success() {
        return Err(format!(
            "the editor `{editor}` ended with {status}; the text is unchanged"
        ));
    }
    let bytes =
        std::fs::read(&path).map_err(|e| format!("cannot read the editor's file back: {e}"))?;
    let mut edited = String::from_utf8(bytes).map_err(|_| {
        "the editor saved text that is not UTF-8; the text is unchanged".to_string()
    })?;
    if newline && edited.ends_with('\n') {
        edited.pop();
        if edited.ends_with('\r') {
            edited.pop();
        }
    }
    Ok(edited)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::effects::console::Recorder;

    fn outside(editor: Option<&str>) -> (Outside, Recorder) {
        let recorder = Recorder::default();
        let outside = Outside {
            console: Box::new(recorder.clone()),
            tmux: false,
            editor: editor.map(str::to_string),
        };
        (outside, recorder)
    }

    #[test]
    fn the_editor_edits_a_copy_between_a_handover_and_a_return() {
        let (mut o, recorder) = outside(Some("printf 'added\\n' >>"));
        assert_eq!(edit(&mut o, "first").as_deref(), Ok("first\nadded"));
        assert_eq!(edit(&mut o, "kept\n").as_deref(), Ok("kept\nadded\n"));
        assert_eq!(*recorder.handovers.lock().unwrap(), "srsr");
    }

    #[test]
    fn no_editor_a_missing_one_or_a_failing_one_is_a_message() {
        let (mut o, recorder) = outside(None);
        assert!(
            edit(&mut o, "x")
                .unwrap_err()
                .contains("set $VISUAL or $EDITOR")
        );
        assert_eq!(*recorder.handovers.lock().unwrap(), "");
        let (mut o, recorder) = outside(Some("no-such-editor-anywhere"));
        assert!(edit(&mut o, "x").unwrap_err().contains("was not found"));
        // The terminal is taken back whatever happened.
        assert_eq!(*recorder.handovers.lock().unwrap(), "sr");
        let (mut o, _) = outside(Some("false"));
        assert!(edit(&mut o, "x").unwrap_err().contains("ended with"));
    }
}
