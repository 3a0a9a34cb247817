//! End-to-end tests: the real `retro` binary in a pseudo-terminal, driven by keystrokes and
//! read back through a terminal emulator (`vt100`), then checked on disk.
//!
//! No fixed sleeps decide anything: after each step the test polls the emulated screen until
//! the expected text shows (or the time-out fails the test with the screen printed). A key is
//! only sent after the screen shows that the previous key was handled, wherever two keys could
//! otherwise reach the program in one read and be parsed together (Esc followed by `4` would
//! read as Alt-4).

use retro::model::codec::parse;
use retro::model::timeinput::{format_clock, zone};
use retro::model::{ActionStatus, Incident, Parsed};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(20);

const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_S: &str = "\x13";

#[path = "common/pty.rs"]
mod pty;

/// The program running in a pseudo-terminal, with everything it printed fed to an emulator;
/// every wait fails after [`TIMEOUT`] with the screen printed.
struct Tui(pty::Pty);

impl Tui {
    /// Starts `retro --dir <dir>` in a 120x40 terminal.
    fn start(dir: &Path) -> Tui {
        Tui::start_with(dir, &[])
    }

    /// Starts `retro --dir <dir>` with more environment variables.
    fn start_with(dir: &Path, env: &[(&str, &Path)]) -> Tui {
        let cache = std::env::temp_dir().join("retro-e2e-cache");
        Tui(pty::Pty::start_with(dir, COLS, ROWS, &cache, env))
    }

    /// Types bytes into the terminal.
    fn send(&mut self, keys: &str) {
        self.0.send(keys);
    }

    /// What the terminal shows now.
    fn contents(&self) -> String {
        self.0.contents()
    }

    /// Whether the program has turned on bracketed paste.
    fn bracketed_paste(&self) -> bool {
        self.0.bracketed_paste()
    }

    /// Polls the screen until `ready` holds; fails with the screen after [`TIMEOUT`], or at
    /// once if the program exits.
    fn wait_until(&mut self, what: &str, ready: impl Fn(&str) -> bool) {
        self.0.wait_until(what, TIMEOUT, ready);
    }

    /// Polls the screen until it contains `text`.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Waits for the status line to report a save ("saved <path>" or "✓ saved 3 s ago"),
    /// which cannot be confused with "● unsaved changes".
    fn wait_saved(&mut self) {
        self.wait_until("the save to be reported", |s| {
            s.lines().any(|line| {
                let line = line.trim_start();
                line.starts_with("saved ") || line.contains("✓ saved")
            })
        });
    }

    /// Waits for the program to exit and checks that it succeeded.
    fn wait_exit_success(&mut self) {
        self.0.wait_exit_success(TIMEOUT);
    }

    /// The child's process id.
    fn pid(&self) -> u32 {
        self.0.pid()
    }

    /// Sends a signal to the program with kill(1).
    fn signal(&self, name: &str) {
        self.0.signal(name);
    }

    /// Waits for the program to exit, whatever its status, and returns the status.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        self.0.wait_exit(TIMEOUT)
    }
}

fn today_utc() -> String {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string()
}

/// The one incident file in `dir`, parsed, with its path.
fn read_single_incident(dir: &Path) -> (PathBuf, Incident) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "expected one incident file, found {files:?}"
    );
    let path = files.into_iter().next().expect("one file");
    let text = std::fs::read_to_string(&path).expect("read the incident file");
    match parse(&text) {
        Ok(Parsed::Current(incident)) => (path, *incident),
        Ok(_) => panic!(
            "{} is not a current-schema incident:\n{text}",
            path.display()
        ),
        Err(e) => panic!("{} does not parse: {e:?}\n{text}", path.display()),
    }
}

/// From the empty list, creates an incident with `title` and waits for its overview.
fn create_incident(tui: &mut Tui, title: &str) {
    tui.wait_for("No incidents here yet");
    tui.send("n");
    tui.wait_for("New incident");
    tui.send(title);
    tui.send(ENTER);
    tui.wait_until("the new incident's overview", |s| {
        s.contains("0 · Overview") && s.contains(title)
    });
}

/// Saves, leaves the incident, and quits from the list.
fn save_and_quit(tui: &mut Tui, dir: &Path, title: &str, date: &str) {
    tui.send(CTRL_S);
    tui.wait_saved();
    tui.send("q");
    // On the list the row reads "date … title"; the incident header has the title first.
    tui.wait_until("the incident list showing the title", |s| {
        s.lines()
            .any(|line| match (line.find(date), line.find(title)) {
                (Some(d), Some(t)) => d < t,
                _ => false,
            })
    });
    tui.send("q");
    tui.wait_exit_success();
    // A clean quit leaves no lock file behind (it would end up in git).
    let locks: Vec<_> = std::fs::read_dir(dir)
        .expect("list the folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "lock"))
        .map(|e| e.path())
        .collect();
    assert!(
        locks.is_empty(),
        "lock files left after a clean quit: {locks:?}"
    );
}

#[test]
fn write_an_incident_from_an_empty_folder() {
    let title = "Checkout errors after config push";
    let dir = tempfile::tempdir().expect("temp dir");
    let date_before = today_utc();
    let mut tui = Tui::start(dir.path());

    // 1–2. Create the incident.
    create_incident(&mut tui, title);

    // 3. A timeline entry: Time, Who, (Role, Channel skipped), What.
    tui.send("3");
    tui.wait_for("3 · Communication timeline");
    tui.send("a");
    tui.wait_for("✎ Time");
    tui.send("14:02");
    tui.send(TAB);
    tui.wait_for("✎ Who");
    tui.send("deploy pipeline");
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.wait_for("✎ What");
    tui.send("Config change rolled out");
    tui.wait_for("Config change rolled out");
    tui.send(ESC);
    tui.wait_until("the What field to stop editing", |s| {
        !s.contains("✎ What") && s.contains("Timeline entry 1 of 1")
    });
    tui.send(ESC);
    tui.wait_until("the timeline entry to close", |s| {
        !s.contains("Timeline entry 1 of 1") && s.contains("deploy pipeline")
    });

    // 4. A contributing factor (on a timeline row, 1–5 set key moments: `]` goes on).
    tui.send("]");
    tui.wait_for("4 · Contributing factors");
    tui.send("a");
    tui.wait_for("✎ Factor");
    tui.send("The config linter accepted an empty list");
    tui.wait_for("The config linter accepted an empty list");
    tui.send(ESC);
    tui.wait_until("the Factor field to stop editing", |s| {
        !s.contains("✎ Factor") && s.contains("Contributing factor 1 of 1")
    });
    tui.send(ESC);
    tui.wait_until("the factor to close", |s| {
        !s.contains("Contributing factor 1 of 1") && s.contains("F1")
    });

    // 5. A follow-up action.
    tui.send("6");
    tui.wait_for("6 · Follow-up actions");
    tui.send("a");
    tui.wait_for("✎ Title");
    tui.send("Reject empty lists in the linter");
    tui.wait_for("Reject empty lists in the linter");
    tui.send(ESC);
    tui.wait_until("the Title field to stop editing", |s| {
        !s.contains("✎ Title") && s.contains("Follow-up action 1 of 1")
    });
    tui.send(ESC);
    tui.wait_until("the action to close", |s| {
        !s.contains("Follow-up action 1 of 1") && s.contains("A1")
    });

    // 6–7. Save, back to the list, quit.
    let date = today_utc();
    save_and_quit(&mut tui, dir.path(), title, &date);

    // 8. The file on disk.
    let (path, incident) = read_single_incident(dir.path());
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("utf-8 file name")
        .to_string();
    assert!(
        name.starts_with(&date_before) || name.starts_with(&date),
        "file name {name} does not start with today's UTC date {date}"
    );
    assert!(
        name.ends_with("-checkout-errors-after-config-push.toml"),
        "file name {name}"
    );
    assert_eq!(incident.title, title);

    assert_eq!(incident.timeline.len(), 1, "{:?}", incident.timeline);
    let entry = &incident.timeline[0];
    let at = entry.at.as_ref().expect("the entry has a time");
    assert_eq!(format_clock(at, &zone(&incident.timezone)), "14:02");
    assert_eq!(entry.actor, "deploy pipeline");
    assert_eq!(entry.text, "Config change rolled out");

    assert_eq!(incident.factors.len(), 1, "{:?}", incident.factors);
    assert_eq!(incident.factors[0].id, "F1");
    assert_eq!(
        incident.factors[0].description,
        "The config linter accepted an empty list"
    );

    assert_eq!(incident.actions.len(), 1, "{:?}", incident.actions);
    let action = &incident.actions[0];
    assert_eq!(action.id, "A1");
    assert_eq!(action.title, "Reject empty lists in the linter");
    assert_eq!(action.status_or_open(), ActionStatus::Open);
}

#[test]
fn bracketed_paste_keeps_newlines_as_text() {
    let title = "Paste test";
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tui = Tui::start(dir.path());

    create_incident(&mut tui, title);
    assert!(
        tui.bracketed_paste(),
        "retro did not turn on bracketed paste; screen:\n{}",
        tui.contents()
    );

    tui.send("1");
    tui.wait_for("1 · Messages to stakeholders");
    tui.send(ENTER);
    tui.wait_for("✎ Customer message");
    tui.send("\x1b[200~line one\r\nline two\rline three\x1b[201~");
    tui.wait_for("line three");
    tui.send(ESC);
    tui.wait_until("the Customer message field to stop editing", |s| {
        !s.contains("✎ Customer message") && s.contains("line three")
    });

    let date = today_utc();
    save_and_quit(&mut tui, dir.path(), title, &date);

    let (_, incident) = read_single_incident(dir.path());
    assert_eq!(incident.title, title);
    assert_eq!(
        incident.stakeholders.customer_message,
        "line one\nline two\nline three"
    );
}

// ---------------------------------------------------------------------------------------------
// Nothing typed is ever lost: hard kills, hang-ups, a second process, and files left alone.
// ---------------------------------------------------------------------------------------------

const STORY: &str = "Checkout queue backed up after the noon deploy.";

/// From an empty folder: creates an incident, opens "Story" in section 7 for editing and types
/// [`STORY`], waiting until the screen shows it (the program has read every key).
fn type_a_story(tui: &mut Tui) {
    create_incident(tui, "Queue backed up");
    tui.send("7");
    tui.wait_for("7 · ");
    tui.send(ENTER);
    tui.wait_for("✎ Story");
    tui.send(STORY);
    tui.wait_for(STORY);
}

/// The open incident's "Story" as last written to disk.
fn story_on_disk(dir: &Path) -> String {
    read_single_incident(dir).1.narrative.text
}

#[test]
fn sigkill_after_a_pause_keeps_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tui = Tui::start(dir.path());
    type_a_story(&mut tui);
    assert!(
        tui.contents().contains("✎ Story"),
        "still editing the field"
    );

    // The scenario itself: a pause in typing, still inside the field, then a hard kill.
    thread::sleep(Duration::from_secs(3));
    tui.signal("KILL");
    let status = tui.wait_exit();
    assert!(!status.success(), "SIGKILL cannot exit cleanly: {status:?}");

    assert_eq!(story_on_disk(dir.path()), STORY);

    // The killed process no longer holds the editing lock.
    let (path, incident) = read_single_incident(dir.path());
    let store = retro::storage::Store::open(dir.path()).expect("open the folder");
    if let Err(e) = store.lock(&incident.id) {
        panic!("the lock on {} outlived SIGKILL: {e}", path.display());
    }
}

/// How long to wait between the last keystroke and the signal.
enum Before {
    /// No wait: the signal follows as soon as the screen shows the typed text.
    Nothing,
    /// A pause in typing, still inside the field.
    Pause(Duration),
    /// Esc: leave the field (which stores the text and saves).
    LeavingTheField,
}

/// Types the story, then sends `signal`; the program must exit with 128 + the signal's
/// number and the story must be in the file.
fn signal_after_typing(signal: &str, number: u32, before: Before) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tui = Tui::start(dir.path());
    type_a_story(&mut tui);
    match before {
        Before::Nothing => {}
        // The scenario itself is the wait.
        Before::Pause(pause) => thread::sleep(pause),
        Before::LeavingTheField => {
            tui.send(ESC);
            tui.wait_until("the Story field to stop editing", |s| {
                !s.contains("✎ Story") && s.contains(STORY)
            });
        }
    }
    tui.signal(signal);
    let status = tui.wait_exit();
    assert_eq!(
        status.exit_code(),
        128 + number,
        "SIG{signal} should exit with 128 + {number}: {status:?}; screen:\n{}",
        tui.contents()
    );
    assert_eq!(
        story_on_disk(dir.path()),
        STORY,
        "SIG{signal} lost the text"
    );
}

/// Known to fail: the signal thread saves the crash snapshot, which holds only text already
/// stored into the incident. Text still in the field editor is stored on an autosave tick
/// (1 s after typing pauses, at most 5 s while it goes on) or on leaving the field, so a
/// hang-up in that window writes the incident without it.
#[test]
fn sighup_saves_and_exits() {
    signal_after_typing("HUP", 1, Before::Nothing);
}

#[test]
fn sighup_after_a_pause_saves_and_exits() {
    signal_after_typing("HUP", 1, Before::Pause(Duration::from_secs(3)));
}

#[test]
fn sigterm_after_leaving_the_field_saves_and_exits() {
    signal_after_typing("TERM", 15, Before::LeavingTheField);
}

#[test]
fn every_catchable_terminating_signal_saves_and_exits() {
    for (name, number) in [
        ("INT", 2),
        ("QUIT", 3),
        ("USR1", 10),
        ("USR2", 12),
        ("ALRM", 14),
    ] {
        signal_after_typing(name, number, Before::Nothing);
    }
}

/// Types the story, moves the incidents folder away so nothing can be written there, and
/// sends SIGTERM: returns what the terminal shows after the exit.
fn sigterm_with_the_folder_gone(env: &[(&str, &Path)]) -> String {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("incidents");
    std::fs::create_dir(&dir).unwrap();
    let mut tui = Tui::start_with(&dir, env);
    type_a_story(&mut tui);
    std::fs::rename(&dir, tmp.path().join("moved-away")).unwrap();
    tui.signal("TERM");
    let status = tui.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15);
    thread::sleep(POLL * 4);
    tui.contents()
}

#[test]
fn sigterm_with_an_unwritable_folder_writes_the_recovery_copy_elsewhere_and_says_where() {
    let cache = tempfile::tempdir().expect("temp dir");
    let screen = sigterm_with_the_folder_gone(&[("RETRO_CACHE_DIR", cache.path())]);
    let place = cache.path().join("recovery");
    let copies: Vec<_> = std::fs::read_dir(&place)
        .expect("the recovery folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let text = std::fs::read_to_string(&copies[0]).unwrap();
    assert!(text.contains(STORY), "{text}");
    let flat: String = screen.split_whitespace().collect();
    let name = copies[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(
        flat.contains(&name),
        "the message names the copy:\n{screen}"
    );
}

#[test]
fn sigterm_with_nowhere_to_write_prints_the_text_to_copy() {
    let blocked = tempfile::tempdir().expect("temp dir");
    // Every fallback folder is a link, which is refused.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let cache = blocked.path().join("cache");
    let xdg = blocked.path().join("xdg");
    let tmpdir = blocked.path().join("tmp");
    for d in [&cache, &xdg.join("retro"), &tmpdir] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::os::unix::fs::symlink(elsewhere.path(), cache.join("recovery")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), xdg.join("retro").join("recovery")).unwrap();
    let uid = std::fs::metadata(blocked.path()).map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid()
    });
    std::os::unix::fs::symlink(
        elsewhere.path(),
        tmpdir.join(format!("retro-recovery-{}", uid.unwrap())),
    )
    .unwrap();
    let screen = sigterm_with_the_folder_gone(&[
        ("RETRO_CACHE_DIR", &cache),
        ("XDG_CACHE_HOME", &xdg),
        ("HOME", blocked.path()),
        ("TMPDIR", &tmpdir),
    ]);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert!(screen.contains("nor a recovery copy"), "{screen}");
    assert!(screen.contains("Checkout queue backed up"), "{screen}");
}

#[test]
fn second_process_opens_read_only() {
    let title = "Two facilitators";
    let dir = tempfile::tempdir().expect("temp dir");
    let mut a = Tui::start(dir.path());
    create_incident(&mut a, title);
    let (path, _) = read_single_incident(dir.path());
    let before = std::fs::read(&path).expect("read the incident");
    let a_pid = a.pid();

    let mut b = Tui::start(dir.path());
    b.wait_for(title);
    b.send(ENTER);
    // On opening, the status line names the holder: "being edited by another retro (pid N on
    // host, since …)"; once that message goes, the status reads "read-only: …".
    let holder = format!("being edited by another retro (pid {a_pid} ");
    b.wait_until("the incident to open, naming A", |s| {
        s.contains("0 · Overview") && s.contains(&holder)
    });
    b.send("7");
    b.wait_until("section 7, read-only", |s| {
        s.contains("7 · Narrative") && s.contains(&format!("read-only: {holder}"))
    });

    // Enter on a text field must not start editing: it says why, and the next key, `6`,
    // switches sections instead of being typed into an editor.
    b.send(ENTER);
    b.wait_for(&format!("! read-only: {holder}"));
    b.send("6");
    b.wait_for("6 · Follow-up actions");
    let screen = b.contents();
    assert!(
        !screen.contains('✎'),
        "B started editing; screen:\n{screen}"
    );

    b.send("q");
    b.wait_until("B's list", |s| !s.contains("6 · Follow-up actions"));
    b.send("q");
    b.wait_exit_success();

    a.send("q");
    a.wait_until("A's list", |s| !s.contains("0 · Overview"));
    a.send("q");
    a.wait_exit_success();

    let (_, incident) = read_single_incident(dir.path());
    assert_eq!(incident.title, title);
    assert_eq!(
        std::fs::read(&path).expect("read the incident"),
        before,
        "the incident file changed"
    );
}

const GOOD: &str = "schema_version = 1
id = \"2026-01-04-good-one\"
title = \"Good one\"
";
const BROKEN: &str = "schema_version = 1
id = \"2026-01-03-broken-one\"
title = \"Broken one
";
const WRONG_TYPE: &str = "schema_version = 1
id = \"2026-01-02-wrong-type\"
title = 42
";
const NEWER_KNOWN: &str = "schema_version = 2
id = \"2025-12-31-newer-known\"
title = \"Newer but known\"
";
const NEWER: &str = "schema_version = 2
id = \"2026-01-01-newer-schema\"
title = \"Newer schema\"
hologram = \"a field from the future\"
";

#[test]
fn broken_and_newer_files_stay_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = [
        ("2026-01-04-good-one.toml", GOOD),
        ("2026-01-03-broken-one.toml", BROKEN),
        ("2026-01-02-wrong-type.toml", WRONG_TYPE),
        ("2026-01-01-newer-schema.toml", NEWER),
        ("2025-12-31-newer-known.toml", NEWER_KNOWN),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a fixture");
    }
    let stat = |name: &str| {
        let path = dir.path().join(name);
        let bytes = std::fs::read(&path).expect("read a fixture");
        let mtime = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        (bytes, mtime)
    };
    let before: Vec<_> = files.iter().map(|(name, _)| stat(name)).collect();

    let mut tui = Tui::start(dir.path());
    tui.wait_for("Good one");
    // Newest first: good, broken, wrong type, newer schema. Each bad file opens in the
    // read-only viewer with its error; Ctrl-S there must not write anything either.
    for (name, error) in [
        ("2026-01-03-broken-one", "3:20"),
        ("2026-01-02-wrong-type", "3:9"),
        ("2026-01-01-newer-schema", "schema_version 2 is newer"),
    ] {
        tui.send("j");
        tui.wait_until(&format!("{name} to be selected"), |s| {
            s.lines().any(|l| l.contains('▶') && l.contains(name))
        });
        tui.send(ENTER);
        let title = format!("{name}.toml (read-only)");
        tui.wait_until(&format!("the viewer on {name}"), |s| {
            s.contains(&title) && s.contains(error)
        });
        tui.send(CTRL_S);
        tui.send("q");
        tui.wait_until("the list again", |s| {
            !s.contains(&title) && s.contains("Good one")
        });
    }
    // A newer schema with only known fields opens as an incident, read-only: no editing, and
    // leaving does not save.
    tui.send("j");
    tui.wait_until("the newer incident to be selected", |s| {
        s.lines()
            .any(|l| l.contains('▶') && l.contains("Newer but known"))
    });
    tui.send(ENTER);
    tui.wait_until("the newer incident to open read-only", |s| {
        s.contains("0 · Overview") && s.contains("schema 2") && s.contains("read-only")
    });
    tui.send("7");
    tui.wait_for("7 · Narrative");
    tui.send(ENTER);
    tui.wait_for("! read-only:");
    tui.send("x");
    tui.send(CTRL_S);
    tui.wait_for("not saved: read-only");
    assert!(!tui.contents().contains('✎'), "editing a read-only file");
    tui.send("q");
    tui.wait_until("the list again", |s| {
        !s.contains("0 · Overview") && s.contains("Good one")
    });
    tui.send("q");
    tui.wait_exit_success();

    for ((name, _), before) in files.iter().zip(&before) {
        let after = stat(name);
        assert!(after.0 == before.0, "{name} was rewritten");
        assert_eq!(after.1, before.1, "{name}'s modification time changed");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list the folder")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| !files.iter().any(|(f, _)| n == *f))
        .collect();
    assert!(
        leftovers
            .iter()
            .all(|n| n.to_string_lossy().ends_with(".lock")),
        "unexpected files: {leftovers:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Meeting mode: the clock runs on its own, on screen, and is kept in the file.
// ---------------------------------------------------------------------------------------------

/// The meeting's total on screen in seconds, read from the header's `◷ Meeting 1:05`.
fn meeting_clock(screen: &str) -> Option<u64> {
    let rest = &screen[screen.find("◷ Meeting ")? + "◷ Meeting ".len()..];
    let clock: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    clock
        .split(':')
        .try_fold(0u64, |acc, part| Some(acc * 60 + part.parse::<u64>().ok()?))
}

#[test]
fn a_meeting_clock_advances_on_screen_and_is_saved() {
    let title = "Meeting clock";
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tui = Tui::start(dir.path());
    create_incident(&mut tui, title);

    // m starts the meeting with the opening question; one thing that went well, then on.
    tui.send("m");
    tui.wait_for("what went well?");
    tui.send("Alerts fired early");
    tui.wait_for("✎ Alerts fired early");
    tui.send(ENTER);
    tui.wait_for("F1 Alerts fired early");
    tui.send(ESC);
    // Then its category, one key.
    tui.wait_for("What helped · category 1 of 1");
    tui.send("2");
    tui.wait_until("the opening to close with the clock running", |s| {
        !s.contains("what went well?") && meeting_clock(s).is_some()
    });

    // No key is pressed: the clock must move on by itself.
    let first = meeting_clock(&tui.contents()).expect("a clock on screen");
    tui.wait_until("the clock to advance two seconds", |s| {
        meeting_clock(s).is_some_and(|t| t >= first + 2)
    });
    assert!(
        tui.contents().contains("· Overview 0:0"),
        "the current item's clock; screen:\n{}",
        tui.contents()
    );

    // Leave (the list keeps showing the clock), then quit.
    tui.send("q");
    tui.wait_until("the list with the meeting's clock", |s| {
        s.contains("retro · retrospectives") && s.contains(&format!("on {title}"))
    });
    tui.send("q");
    tui.wait_exit_success();

    let (path, incident) = read_single_incident(dir.path());
    let text = std::fs::read_to_string(&path).expect("read the incident file");
    assert!(text.contains("\n[meeting]\nstarted_at = "), "{text}");
    let meeting = &incident.meeting;
    assert!(
        meeting.started_at.is_some() && meeting.is_running(),
        "{meeting:?}"
    );
    assert_eq!(incident.factors.len(), 1);
    assert_eq!(incident.factors[0].description, "Alerts fired early");
    assert_eq!(
        incident.factors[0].category,
        Some(retro::model::Category::Tooling)
    );
}

#[test]
fn an_invalid_configuration_is_said_on_screen_and_the_defaults_are_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/invalid.toml");
    let mut tui = Tui::start_with(dir.path(), &[("RETRO_CONFIG", config.as_path())]);
    // The status line names the file, its line and column, and goes on.
    tui.wait_for("invalid.toml:3:9:");
    tui.wait_for("No incidents here yet");
    tui.send("q");
    tui.wait_exit_success();
}
