//! The real `retro` in a pseudo-terminal: `E` `m` `Enter` writes `<id>.md` into the current
//! directory, `E` `c` sends the OSC 52 sequence of the Markdown to the terminal, and `Ctrl-E`
//! hands the terminal to `$EDITOR` (a script that checks the terminal is no longer raw and
//! appends a line) and takes it back, the line landing in the field.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine as _;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const TIMEOUT: Duration = Duration::from_secs(20);
const ID: &str = "2026-09-03-order-placement-outage-after-database-disk-filled";

/// The program in a pseudo-terminal; what it prints goes to an emulator and, raw, to a log.
struct Tui {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(dir: &Path, editor: &Path) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_retro"));
        cmd.arg("--dir");
        cmd.arg(dir);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("EDITOR", editor);
        for name in ["RETRO_DIR", "VISUAL", "TMUX"] {
            cmd.env_remove(name);
        }
        cmd.env(
            "RETRO_CACHE_DIR",
            std::env::temp_dir().join("retro-e2e-cache"),
        );
        let child = pair.slave.spawn_command(cmd).expect("start retro");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (sink, log) = (Arc::clone(&screen), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        sink.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .process(&buf[..n]);
                        log.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .extend_from_slice(&buf[..n]);
                    }
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            screen,
            raw,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn contents(&self) -> String {
        let parser = self.screen.lock().unwrap_or_else(|e| e.into_inner());
        parser.screen().contents()
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.contents();
            if screen.contains(text) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("retro exited ({status:?}) waiting for {text:?}; screen:\n{screen}");
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_raw(&mut self, bytes: &[u8]) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.raw().windows(bytes.len()).any(|w| w == bytes) {
            assert!(Instant::now() < deadline, "timed out waiting for output");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn cli_markdown(dir: &Path) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_retro"))
        .arg("--dir")
        .arg(dir)
        .args(["export", ID])
        .output()
        .expect("retro export");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn export_to_a_file_and_the_clipboard_and_edit_in_the_editor() {
    let dir = tempfile::tempdir().expect("temp dir");
    retro::demo::write_examples(dir.path()).expect("examples");
    let tools = tempfile::tempdir().expect("temp dir");
    let stty = tools.path().join("stty.txt");
    let editor = tools.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstty -a > '{}' 2>&1\nprintf 'Added in the editor.\\n' >> \"$1\"\n",
            stty.display()
        ),
    )
    .expect("write the editor");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut tui = Tui::start(dir.path(), &editor);
    tui.wait_for("Order placement outage");
    tui.send("\r");
    tui.wait_for("Sections");

    // E, m, Enter: the default name in the current directory.
    tui.send("E");
    tui.wait_for("Markdown to the clipboard");
    tui.send("m");
    tui.wait_for("to the file");
    tui.send("\r");
    tui.wait_for("Wrote");
    let written = std::fs::read_to_string(dir.path().join(format!("{ID}.md"))).expect("read");
    let markdown = cli_markdown(dir.path());
    assert_eq!(written, markdown);

    // E, c: the sequence reaches the terminal.
    tui.send("E");
    tui.wait_for("Markdown to the clipboard");
    tui.send("c");
    let encoded = base64::engine::general_purpose::STANDARD.encode(markdown.as_bytes());
    tui.wait_raw(format!("\x1b]52;c;{encoded}\x07").as_bytes());
    tui.wait_for("OSC 52");

    // Ctrl-E in the narrative: the editor runs on an ordinary terminal, and its line lands.
    tui.send("7");
    tui.wait_for("7 · Narrative");
    tui.send("\r");
    tui.wait_for("Ctrl-E editor");
    tui.send("\x05");
    tui.wait_for("Text taken from the editor");
    tui.wait_for("Added in the editor.");
    let modes = std::fs::read_to_string(&stty).expect("the editor ran");
    assert!(modes.contains(" icanon"), "raw mode was still on: {modes}");
    assert!(
        tui.screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .alternate_screen(),
        "the alternate screen is back"
    );
    tui.send("\x1b");
    tui.wait_for("saved");
    let text = std::fs::read_to_string(dir.path().join(format!("{ID}.toml"))).expect("read");
    assert!(text.contains("Added in the editor."));
    tui.send("\x03");
}
