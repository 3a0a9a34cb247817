//! The screen keeps up with the folder: the real `retro` binary in a pseudo-terminal, waiting
//! for input, shows another program's new, changed and deleted files within two seconds with
//! no key pressed.

use std::path::Path;
use std::thread;
use std::time::Duration;

use retro::model::Moment;
use retro::storage::Store;

#[path = "common/pty.rs"]
mod pty;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(20);
/// The promise: a change shows within this time while the program waits for input.
const WITHIN: Duration = Duration::from_secs(2);

/// The program in a pseudo-terminal.
struct Tui(pty::Pty);

impl Tui {
    /// Starts `retro --dir <dir>` in a 120x40 terminal.
    fn start(dir: &Path) -> Tui {
        Tui(pty::Pty::start(dir, COLS, ROWS, "retro-watch-e2e-cache"))
    }

    fn send(&mut self, keys: &str) {
        self.0.send(keys);
    }

    fn contents(&self) -> String {
        self.0.contents()
    }

    /// Polls the screen until `ready` holds; fails with the screen after `within`.
    fn wait_until(&mut self, what: &str, within: Duration, ready: impl Fn(&str) -> bool) {
        self.0.wait_until(what, within, ready);
    }

    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), TIMEOUT, |s| s.contains(text));
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
