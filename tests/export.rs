//! Exporting from the incident screen (`E`) and editing a long text in `$EDITOR` (`Ctrl-E`),
//! through the real runtime with an injected terminal ([`Recorder`]): the clipboard copy is
//! the OSC 52 sequence of the same Markdown `retro export` prints, a file export writes that
//! Markdown (or the HTML page) and asks before replacing a file, and a fake editor's line
//! comes back into the field as one undoable change.

mod common;

use std::path::Path;

use assert_cmd::Command;
use base64::Engine as _;
use common::{Harness, parse_keys};
use retro::app::Msg;
use retro::app::export::Step;
use retro::app::state::Overlay;
use retro::effects::console::{Outside, Recorder};
use retro::tui::Runtime;

const ID: &str = "2026-09-03-order-placement-outage-after-database-disk-filled";

/// The demo folder, its newest incident open, with a runtime on a recorded terminal.
struct Room {
    h: Harness,
    runtime: Runtime,
    recorder: Recorder,
}

impl Room {
    fn new(tmux: bool, editor: Option<&str>) -> Room {
        let h = Harness::demo();
        let recorder = Recorder::default();
        let runtime = Runtime::new(h.store.clone()).with_outside(Outside {
            console: Box::new(recorder.clone()),
            tmux,
            editor: editor.map(str::to_string),
        });
        let mut room = Room {
            h,
            runtime,
            recorder,
        };
        room.keys("<enter>");
        assert_eq!(room.h.incident().id, ID);
        room
    }

    fn keys(&mut self, keys: &str) -> &mut Room {
        for key in parse_keys(keys) {
            self.runtime.dispatch(&mut self.h.state, Msg::Key(key));
        }
        self
    }

    fn message(&self) -> String {
        let m = self.h.state.message.as_ref();
        m.map(|m| m.text.clone()).unwrap_or_default()
    }

    fn written(&self) -> Vec<u8> {
        self.recorder.written.lock().unwrap().clone()
    }

    /// The field being edited, as text.
    fn editing(&self) -> String {
        let view = self.h.state.incident().unwrap();
        view.cursor.editor.as_ref().unwrap().textarea.text()
    }
}

/// What `retro export` prints for the demo incident, with these options.
fn cli_export(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("retro")
        .unwrap()
        .arg("--dir")
        .arg(dir)
        .arg("export")
        .arg(ID)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn decode(base64: &[u8]) -> String {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(base64)
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_clipboard_copy_is_an_osc52_sequence_of_the_markdown() {
    let mut room = Room::new(false, None);
    room.keys("E");
    assert!(matches!(room.h.state.overlay, Some(Overlay::Export(_))));
    assert!(
        room.h
            .screen(80, 24)
            .contains("Markdown to the clipboard (OSC 52)")
    );
    room.keys("c");
    let written = room.written();
    let head = b"\x1b]52;c;";
    assert!(written.starts_with(head), "{written:?}");
    assert_eq!(written.last(), Some(&0x07));
    let markdown = decode(&written[head.len()..written.len() - 1]);
    assert_eq!(markdown, cli_export(room.h.dir.path(), &[]));
    assert!(markdown.starts_with("# Order placement outage"));
    // Closed, saying what was sent and that the terminal may not take it.
    assert!(room.h.state.overlay.is_none());
    let message = room.message();
    assert!(message.contains("KB of internal Markdown"), "{message}");
    assert!(
        message.contains("terminals without it ignore it"),
        "{message}"
    );
}

#[test]
fn inside_tmux_the_sequence_is_wrapped_for_its_passthrough() {
    let mut room = Room::new(true, None);
    room.keys("Eac");
    let written = room.written();
    let head = b"\x1bPtmux;\x1b\x1b]52;c;";
    let tail = b"\x07\x1b\\";
    assert!(written.starts_with(head), "{written:?}");
    assert!(written.ends_with(tail));
    let body = &written[head.len()..written.len() - tail.len()];
    let markdown = decode(body);
    assert_eq!(
        markdown,
        cli_export(room.h.dir.path(), &["--audience", "customer"])
    );
    assert!(room.message().contains("allow-passthrough"));
}

#[test]
fn a_file_export_writes_the_markdown_and_asks_before_replacing_a_file() {
    let mut room = Room::new(false, None);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("retro.md");
    room.keys("Em");
    // The prompt offers the id as the name, in the current directory.
    match &room.h.state.overlay {
        Some(Overlay::Export(e)) => match &e.step {
            Step::Path { textarea, .. } => assert_eq!(textarea.text(), format!("{ID}.md")),
            _ => panic!("not the path prompt"),
        },
        _ => panic!("no export overlay"),
    }
    assert!(
        room.h
            .screen(80, 24)
            .contains("Relative to the current directory")
    );
    room.keys("<c-u>")
        .keys(&path.display().to_string())
        .keys("<enter>");
    let markdown = cli_export(room.h.dir.path(), &[]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), markdown);
    assert!(room.h.state.overlay.is_none());
    assert!(
        room.message()
            .starts_with(&format!("Wrote {}", path.display()))
    );

    // The same name again: asked, and `n` replaces nothing.
    std::fs::write(&path, "kept").unwrap();
    room.keys("Em<c-u>")
        .keys(&path.display().to_string())
        .keys("<enter>");
    let screen = room.h.screen(80, 24);
    assert!(screen.contains("Replace the file?"), "{screen}");
    assert!(screen.contains("Replace it with the Markdown"), "{screen}");
    room.keys("n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
    assert!(
        room.h
            .screen(80, 24)
            .contains("Not replaced: type another name")
    );
    // Enter asks again; `y` replaces.
    room.keys("<enter>y");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), markdown);
    assert!(room.h.state.overlay.is_none());
}

#[test]
fn html_goes_to_a_file_and_a_bad_folder_is_a_message() {
    let mut room = Room::new(false, None);
    let out = tempfile::tempdir().unwrap();
    room.keys("Eh<c-u>")
        .keys(&out.path().display().to_string())
        .keys("<enter>");
    // A folder gets the default name inside it.
    let page = out.path().join(format!("{ID}.html"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html, cli_export(room.h.dir.path(), &["--format", "html"]));
    let missing = out.path().join("no/such/folder/x.md");
    room.keys("Em<c-u>")
        .keys(&missing.display().to_string())
        .keys("<enter>");
    assert!(room.h.state.message.as_ref().unwrap().error);
    assert!(
        room.message().contains("Not exported"),
        "{}",
        room.message()
    );
    // The prompt stays, to fix the path.
    assert!(matches!(room.h.state.overlay, Some(Overlay::Export(_))));
    room.keys("<esc><esc>");
    assert!(room.h.state.overlay.is_none());
}

/// A fake editor: appends a line to the file it is given.
fn fake_editor(dir: &Path) -> String {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf 'Added in the editor.\\n' >> \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script.display().to_string()
}

#[test]
fn ctrl_e_edits_a_long_text_in_the_editor_as_one_undoable_change() {
    let tools = tempfile::tempdir().unwrap();
    let mut room = Room::new(false, Some(&fake_editor(tools.path())));
    room.keys("7<enter>");
    let before = room.editing();
    assert!(!before.is_empty());
    room.keys("<c-e>");
    assert_eq!(room.editing(), format!("{before}\nAdded in the editor."));
    assert_eq!(*room.recorder.handovers.lock().unwrap(), "sr");
    assert!(room.message().contains("Ctrl-Z undoes it"));
    room.keys("<c-z>");
    assert_eq!(room.editing(), before);
    room.keys("<c-y><esc>");
    let story = &room.h.on_disk(ID).narrative.text;
    assert!(story.ends_with("Added in the editor."), "{story}");

    // In a one-line field Ctrl-E is the end of the line, as in a shell.
    room.keys("0<enter><home><c-e>x<esc>");
    assert!(room.h.incident().title.ends_with("filledx"));
    assert_eq!(*room.recorder.handovers.lock().unwrap(), "sr");
}

#[test]
fn no_editor_or_a_failing_one_is_a_message_and_loses_nothing() {
    let mut room = Room::new(false, None);
    room.keys("7<enter>");
    let before = room.editing();
    room.keys("<c-e>");
    assert_eq!(room.editing(), before);
    assert!(room.message().contains("set $VISUAL or $EDITOR"));
    assert!(room.h.state.message.as_ref().unwrap().error);

    let mut room = Room::new(false, Some("exit 3;"));
    room.keys("7<enter>").keys("more");
    let before = room.editing();
    room.keys("<c-e>");
    assert_eq!(room.editing(), before);
    assert!(room.message().contains("ended with"), "{}", room.message());
    assert_eq!(*room.recorder.handovers.lock().unwrap(), "sr");
}

#[test]
fn export_overlay_snapshots() {
    let mut room = Room::new(false, None);
    room.keys("E");
    insta::assert_snapshot!("export_menu_80x24", room.h.screen(80, 24));
    room.keys("a<down>h");
    insta::assert_snapshot!("export_path_80x24", room.h.screen(80, 24));
}
