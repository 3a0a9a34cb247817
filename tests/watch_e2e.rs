//! The screen keeps up with the folder: the real `retro` binary in a pseudo-terminal, waiting
//! for input, shows another program's new, changed and deleted files within two seconds with
//! no key pressed.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use retro::model::Moment;
use retro::storage::Store;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(20);
/// The promise: a change shows within this time while the program waits for input.
const WITHIN: Duration = Duration::from_secs(2);
const POLL: Duration = Duration::from_millis(20);

/// The program running in a pseudo-terminal, with everything it printed fed to an emulator.
struct Tui {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the life of the test: dropping the master hangs up the terminal.
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    /// Starts `retro --dir <dir>` in a 120x40 terminal.
    fn start(dir: &Path) -> Tui {
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
        cmd.env_remove("RETRO_DIR");
        cmd.env(
            "RETRO_CACHE_DIR",
            std::env::temp_dir().join("retro-watch-e2e-cache"),
        );
        let child = pair.slave.spawn_command(cmd).expect("start retro");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
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

    /// Polls the screen until `ready` holds; fails with the screen after `within`.
    fn wait_until(&mut self, what: &str, within: Duration, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + within;
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("retro exited ({status:?}) while waiting for {what}; screen:\n{screen}");
            }
            if Instant::now() > deadline {
                panic!("not shown within {within:?}: {what}; screen:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), TIMEOUT, |s| s.contains(text));
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

/// Writes a new incident into `dir` as another program would (its own temporary file, then a
/// rename); returns its id.
fn add_incident(dir: &Path, title: &str, date: &str) -> String {
    let store = Store::open(dir).expect("open the folder");
    let date: jiff::civil::Date = date.parse().expect("a date");
    let incident = store.new_incident(title, date, Moment::utc(jiff::Timestamp::now()));
    let (_, incident, _) = store.create(incident).expect("write the incident");
    incident.id
}

#[test]
fn a_new_file_and_a_deleted_one_show_in_the_list_with_no_key_pressed() {
    let dir = tempfile::tempdir().expect("a folder");
    add_incident(
        dir.path(),
        "Queue backlog on the billing workers",
        "2026-03-01",
    );
    let mut tui = Tui::start(dir.path());
    tui.wait_for("Queue backlog on the billing workers");
    // Let the program settle into waiting for input.
    thread::sleep(Duration::from_millis(300));

    let id = add_incident(
        dir.path(),
        "Certificate expiry on the status page",
        "2026-03-02",
    );
    tui.wait_until("the new incident in the list", WITHIN, |s| {
        s.contains("Certificate expiry on the status page")
    });

    std::fs::remove_file(dir.path().join(format!("{id}.toml"))).expect("delete the file");
    tui.wait_until("the deleted incident gone from the list", WITHIN, |s| {
        !s.contains("Certificate expiry on the status page")
            && s.contains("Queue backlog on the billing workers")
    });
}

#[test]
fn an_outside_change_to_the_open_incident_shows_with_no_key_pressed() {
    let dir = tempfile::tempdir().expect("a folder");
    let id = add_incident(dir.path(), "Disk full on the log shipper", "2026-04-01");
    let mut tui = Tui::start(dir.path());
    tui.wait_for("Disk full on the log shipper");
    tui.send("\r");
    tui.wait_until("the incident's overview", TIMEOUT, |s| {
        s.contains("0 · Overview") && s.contains("Disk full on the log shipper")
    });
    thread::sleep(Duration::from_millis(300));

    // A colleague's change arrives (as a `git pull` writes it: a new file renamed over).
    let store = Store::open(dir.path()).expect("open the folder");
    let mut theirs = store.load(&id).expect("read it").incident;
    theirs.title = "Disk full on the log shipper, retitled by a colleague".into();
    store.save(&theirs).expect("write their version");
    tui.wait_until("the colleague's title on screen", WITHIN, |s| {
        s.contains("retitled by a colleague")
    });
    let screen = tui.contents();
    assert!(
        screen.contains("reloaded"),
        "the status line says the file was reloaded:\n{screen}"
    );
}
