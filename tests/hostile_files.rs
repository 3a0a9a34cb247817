//! Files that another program, a teammate's commit or an attacker put in the folder: deleted
//! while open, read-only, misnamed, symbolic links to elsewhere, FIFOs, devices, huge files.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::{now, parse_keys};
use retro::app::state::{Overlay, Screen};
use retro::app::{AppState, Msg};
use retro::storage::{Entry, MAX_FILE_BYTES, Store};
use retro::tui::Runtime;

struct Rig {
    runtime: Runtime,
    state: AppState,
    store: Store,
    dir: tempfile::TempDir,
}

impl Rig {
    fn new() -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let state = AppState::new(dir.path().into(), Vec::new(), now());
        Rig {
            runtime: Runtime::new(store.clone()),
            state,
            store,
            dir,
        }
    }

    fn keys(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            self.runtime.dispatch(&mut self.state, Msg::Key(key));
        }
    }

    fn relist(&mut self) {
        let entries = self.store.list(self.state.today()).unwrap();
        self.state = AppState::new(self.store.dir().into(), entries, self.state.now);
    }

    fn tick(&mut self) {
        self.state.now = self
            .state
            .now
            .checked_add(jiff::SignedDuration::from_secs(3))
            .unwrap();
        self.runtime.check_outside_change(&mut self.state);
        self.runtime.dispatch(&mut self.state, Msg::Tick);
    }

    fn id(&self) -> String {
        self.state.incident().unwrap().incident.id.clone()
    }

    fn question(&self) -> String {
        match &self.state.overlay {
            Some(Overlay::Confirm { question, .. }) => question.clone(),
            _ => String::new(),
        }
    }

    fn message(&self) -> String {
        self.state
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }
}

// 5. Deleted while editing.

#[test]
fn a_file_deleted_while_open_is_not_silently_written_back() {
    let mut rig = Rig::new();
    rig.keys("nDeleted<enter>7<enter>Mine.");
    let id = rig.id();
    let path = rig.store.path_of(&id).unwrap();
    std::fs::remove_file(&path).unwrap();
    rig.tick();
    rig.tick();
    assert!(!path.exists(), "the autosave did not bring the file back");
    assert!(rig.question().contains("deleted"), "{}", rig.question());
    // y writes it back from what is on screen.
    rig.keys("y");
    assert_eq!(
        rig.store.load(&id).unwrap().incident.narrative.text,
        "Mine."
    );
}

#[test]
fn closing_a_deleted_incident_leaves_it_deleted() {
    let mut rig = Rig::new();
    rig.keys("nDeleted<enter>7<enter>Mine.");
    let path = rig.store.path_of(&rig.id()).unwrap();
    std::fs::remove_file(&path).unwrap();
    rig.tick();
    assert!(rig.question().contains("deleted"));
    rig.keys("n");
    assert!(matches!(rig.state.screen, Screen::Home));
    rig.tick();
    assert!(!path.exists());
}

#[test]
fn deleting_an_incident_another_process_edits_is_refused_naming_it() {
    let mut rig = Rig::new();
    rig.keys("nShared<enter><esc>");
    rig.relist();
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let other = rig.store.lock(&id).unwrap();
    // Said at once, before any question.
    rig.keys("d");
    assert!(rig.state.overlay.is_none(), "nothing to confirm");
    assert!(rig.message().contains("being edited"), "{}", rig.message());
    rig.keys("y");
    assert!(
        rig.store.path_of(&id).unwrap().exists(),
        "not moved to the trash"
    );
    // Taken by the other process after the question was asked: still refused on yes.
    drop(other);
    rig.keys("d");
    assert!(rig.state.overlay.is_some(), "asked once nobody edits it");
    let _again = rig.store.lock(&id).unwrap();
    rig.keys("y");
    assert!(rig.store.path_of(&id).unwrap().exists());
    assert!(rig.message().contains("being edited"), "{}", rig.message());
}

// 6. Read-only files.

#[test]
fn a_read_only_file_opens_read_only_saying_why() {
    let mut rig = Rig::new();
    rig.keys("nFrozen<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let path = rig.store.path_of(&id).unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    rig.relist();
    rig.keys("<enter>");
    let reason = rig
        .state
        .incident()
        .unwrap()
        .disk
        .read_only
        .clone()
        .unwrap_or_default();
    assert!(
        reason.contains("read-only") && reason.contains("chmod"),
        "{reason}"
    );
    rig.keys("7<enter>typed<esc><c-s>");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

// 7. The file name is the identity.

#[test]
fn a_file_whose_id_differs_from_its_name_is_a_problem_and_d_moves_that_file() {
    let mut rig = Rig::new();
    rig.keys("nOriginal<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let original = rig.store.path_of(&id).unwrap();
    let copied = rig.store.dir().join("2026-11-20-copied.toml");
    std::fs::copy(&original, &copied).unwrap();
    let entries = rig.store.list(rig.state.today()).unwrap();
    let entry = entries
        .iter()
        .find(|e| e.name() == "2026-11-20-copied")
        .expect("listed under its file name");
    match entry {
        Entry::Broken { error, .. } => assert!(error.message.contains(&id), "{}", error.message),
        other => panic!("{other:?}"),
    }
    // `d` on that row moves that row's file, not the one its id names.
    rig.relist();
    let index = rig
        .state
        .home
        .visible
        .iter()
        .position(|i| rig.state.home.entries[*i].name() == "2026-11-20-copied")
        .unwrap();
    rig.state.home.selected = index;
    rig.keys("dy");
    assert!(!copied.exists());
    assert!(original.exists());
}

// 11. Symbolic links leading outside the folder.

#[test]
fn a_link_to_a_file_outside_the_folder_opens_read_only_saying_why() {
    let mut rig = Rig::new();
    rig.keys("nLinked<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let path = rig.store.path_of(&id).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("elsewhere.toml");
    std::fs::rename(&path, &target).unwrap();
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let before = std::fs::read(&target).unwrap();
    rig.relist();
    rig.keys("<enter>");
    let reason = rig
        .state
        .incident()
        .unwrap()
        .disk
        .read_only
        .clone()
        .unwrap_or_default();
    assert!(reason.contains("outside the incidents folder"), "{reason}");
    rig.keys("7<enter>typed<esc><c-s>");
    assert_eq!(std::fs::read(&target).unwrap(), before);
    drop(rig.dir);
}

// 12. Only regular files, at most MAX_FILE_BYTES.

#[test]
fn a_fifo_is_refused_at_once_instead_of_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.path_of("2026-11-21-fifo").unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let s = store.clone();
    std::thread::spawn(move || {
        let _ = tx.send(
            s.load("2026-11-21-fifo")
                .map(|_| ())
                .map_err(|e| e.to_string()),
        );
    });
    let result = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("load hung on a FIFO");
    assert!(result.unwrap_err().contains("not a regular file"));
}

#[test]
fn a_link_to_a_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.path_of("2026-11-21-zero").unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let e = store.load("2026-11-21-zero").unwrap_err().to_string();
    assert!(e.contains("not a regular file"), "{e}");
    std::fs::create_dir(store.path_of("2026-11-21-folder").unwrap()).unwrap();
    let e = store.load("2026-11-21-folder").unwrap_err().to_string();
    assert!(e.contains("not a regular file"), "{e}");
}

#[test]
fn a_file_over_the_size_limit_is_listed_with_an_error_and_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let path = store.path_of("2026-11-21-huge").unwrap();
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = store.load("2026-11-21-huge").unwrap_err().to_string();
    assert!(e.contains("larger than the 16 MiB"), "{e}");
    let entries = store.list(common::now_date()).unwrap();
    match &entries[0] {
        Entry::Broken { error, .. } => assert!(error.message.contains("16 MiB"), "{error:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn retro_check_reports_a_misnamed_id_and_warns_about_files_others_can_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let incident = store.new_incident(
        "Copied",
        common::now_date(),
        retro::model::Moment::utc(now()),
    );
    let (path, _, _) = store.create(incident).unwrap();
    let copied = dir.path().join("2026-11-20-copied.toml");
    std::fs::copy(&path, &copied).unwrap();
    std::fs::set_permissions(&copied, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_retro"))
        .arg("--dir")
        .arg(dir.path())
        .arg("check")
        .env("RETRO_CACHE_DIR", dir.path().join(".cache"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("but the file is named 2026-11-20-copied.toml"),
        "{stdout}"
    );
    assert!(
        stderr.contains("2026-11-20-copied.toml: readable by other users (mode 644)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(&format!("{}: readable", path.display())),
        "0600 is private"
    );
}
