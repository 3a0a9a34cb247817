//! The import preview end to end: the real `retro` binary in a pseudo-terminal, read back
//! through a terminal emulator (`vt100`), then checked on disk. Each step waits for the screen
//! to show that the previous key was handled (no fixed sleeps decide anything).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use retro::model::codec::parse;
use retro::model::{Incident, Milestone, Parsed};

const TIMEOUT: Duration = Duration::from_secs(20);
const ID: &str = "2024-03-12-checkout-api-5xx";

struct Tui {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn start(dir: &Path) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 140,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_retro"));
        cmd.arg("--dir");
        cmd.arg(dir);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("RETRO_DIR");
        cmd.env("RETRO_CACHE_DIR", dir.join(".cache"));
        let child = pair.slave.spawn_command(cmd).expect("start retro");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(40, 140, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Tui {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents()
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.contents();
            if screen.contains(text) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("retro exited ({status:?}) while waiting for {text:?}; screen:\n{screen}");
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_exit(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                assert!(status.success(), "retro exited with {status:?}");
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("retro did not exit; screen:\n{}", self.contents());
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

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn import_through_the_preview_untick_one_and_set_a_key_moment() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::copy(
        fixtures.join(format!("incidents/{ID}.toml")),
        dir.join(format!("{ID}.toml")),
    )
    .unwrap();
    // The export sits in the working folder: a relative path is typed.
    copy_dir(&fixtures.join("slack"), &dir.join("export"));

    let mut tui = Tui::start(dir);
    tui.wait_for("Checkout API 5xx after config push");
    tui.send("\r");
    tui.wait_for("0 · Overview");
    tui.send("3");
    tui.wait_for("f import");
    tui.send("f");
    tui.wait_for("Import into the timeline");
    tui.send("exp");
    tui.wait_for("exp");
    tui.send("\t");
    tui.wait_for("export/");
    tui.send(" #inc-2417-checkout");
    tui.wait_for("#inc-2417-checkout");
    tui.send("\r");
    tui.wait_for("12 of 12 ticked");
    // Untick the first message (the PagerDuty trigger).
    tui.send(" ");
    tui.wait_for("11 of 12 ticked");
    // The second becomes "detected": m once is impact started, twice detected.
    tui.send("j");
    tui.send("m");
    tui.wait_for("◆ impact_started");
    tui.send("m");
    tui.wait_for("◆ detected");
    tui.send("\r");
    tui.wait_for("added 11 entries to the timeline");
    tui.send("q");
    tui.wait_for("SEV2  draft");
    tui.send("q");
    tui.wait_exit();

    let text = std::fs::read_to_string(dir.join(format!("{ID}.toml"))).unwrap();
    let Ok(Parsed::Current(incident)) = parse(&text) else {
        panic!("does not parse:\n{text}")
    };
    let incident: Incident = *incident;
    let imported: Vec<_> = incident
        .timeline
        .iter()
        .filter(|e| !e.source.is_empty())
        .collect();
    assert_eq!(imported.len(), 11, "{text}");
    assert!(
        !text.contains("slack:C06INC2417:1710252191.000200"),
        "the unticked one"
    );
    let detected: Vec<_> = incident
        .timeline
        .iter()
        .filter(|e| e.milestone == Some(Milestone::Detected))
        .collect();
    assert_eq!(detected.len(), 1);
    assert_eq!(detected[0].source, "slack:C06INC2417:1710252330.000400");
    assert_eq!(
        incident.timeline[0].milestone,
        Some(Milestone::ImpactStarted),
        "the typed entry keeps its moment"
    );
}
