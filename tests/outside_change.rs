//! Another program writing the open incident's file is never overwritten without a prompt:
//! the change is judged by content, checked just before the rename, even when the other
//! program puts the old modification time back (`cp -p`, `touch -r`, `os.utime`).

mod common;

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use common::{now, parse_keys};
use retro::app::state::Overlay;
use retro::app::{AppState, Msg};
use retro::storage::{SaveError, Store};
use retro::tui::Runtime;

struct Rig {
    runtime: Runtime,
    state: AppState,
    store: Store,
    _dir: tempfile::TempDir,
}

impl Rig {
    fn with(dir: tempfile::TempDir, store: Store) -> Rig {
        let state = AppState::new(dir.path().into(), Vec::new(), now());
        Rig {
            runtime: Runtime::new(store.clone()),
            state,
            store,
            _dir: dir,
        }
    }

    fn keys(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            self.runtime.dispatch(&mut self.state, Msg::Key(key));
        }
    }

    fn id(&self) -> String {
        self.state.incident().unwrap().incident.id.clone()
    }

    fn later(&mut self, secs: i64) {
        self.state.now = self
            .state
            .now
            .checked_add(jiff::SignedDuration::from_secs(secs))
            .unwrap();
    }
}

/// Rewrites the file in place (same inode) with `impact` set, then puts its old
/// modification time back, as `cp -p` does.
fn write_keeping_mtime(path: &Path, impact: &str) {
    let old = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut theirs = match retro::model::codec::parse(&text).unwrap() {
        retro::model::codec::Parsed::Current(i) => *i,
        _ => unreachable!(),
    };
    theirs.narrative.impact = impact.into();
    let out = retro::model::codec::to_toml_string(&theirs).unwrap();
    std::fs::write(path, out).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

#[test]
fn a_write_between_the_save_and_its_rename_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let armed = Arc::new(AtomicBool::new(false));
    let fire = armed.clone();
    let store = Store::open(dir.path())
        .unwrap()
        .with_before_rename(move |target| {
            if fire.swap(false, Ordering::SeqCst) {
                write_keeping_mtime(target, "Written by another program mid-save.");
            }
        });
    let mut rig = Rig::with(dir, store);
    rig.keys("nRace<enter>");
    let id = rig.id();
    rig.keys("7<enter>Mine.");
    armed.store(true, Ordering::SeqCst);
    rig.later(3);
    rig.runtime.dispatch(&mut rig.state, Msg::Tick);
    assert!(
        !armed.load(Ordering::SeqCst),
        "the hook ran inside the save"
    );
    // The other program's write survived, and the user is asked.
    let on_disk = rig.store.load(&id).unwrap().incident;
    assert_eq!(
        on_disk.narrative.impact,
        "Written by another program mid-save."
    );
    assert_eq!(on_disk.narrative.text, "");
    assert!(matches!(rig.state.overlay, Some(Overlay::Confirm { .. })));
    rig.keys("y");
    let copy = rig.store.load(&format!("{id}-copy")).unwrap().incident;
    assert_eq!(copy.narrative.text, "Mine.");
}

#[test]
fn an_outside_change_that_restores_the_old_time_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let mut rig = Rig::with(dir, store);
    rig.keys("nRestored time<enter>");
    let id = rig.id();
    let path = rig.store.path_of(&id).unwrap();
    write_keeping_mtime(&path, "Edited by hand, time put back.");
    rig.later(3);
    rig.runtime.check_outside_change(&mut rig.state);
    assert_eq!(
        rig.state.incident().unwrap().incident.narrative.impact,
        "Edited by hand, time put back."
    );
    // Local edits then ask instead of overwriting.
    rig.keys("7<enter>Mine.");
    write_keeping_mtime(&path, "A second hand edit.");
    rig.later(3);
    rig.runtime.dispatch(&mut rig.state, Msg::Tick);
    assert_eq!(
        rig.store.load(&id).unwrap().incident.narrative.impact,
        "A second hand edit."
    );
    assert!(matches!(rig.state.overlay, Some(Overlay::Confirm { .. })));
}

#[test]
fn a_guarded_save_checks_content_and_records_the_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let incident = store.new_incident(
        "Guarded",
        common::now_date(),
        retro::model::Moment::utc(now()),
    );
    let (path, first) = store.save_guarded(&incident, None).unwrap();
    let (_, read) = store.load_tracked(&incident.id).unwrap();
    assert!(first.same_content(&read));
    assert_eq!(first.ino, read.ino, "identity from the written file");
    // Same bytes, a new time: still ours.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(SystemTime::now())
        .unwrap();
    let (_, second) = store.save_guarded(&incident, Some(&first)).unwrap();
    // Different bytes of the same length with the time put back: a change.
    write_keeping_mtime(&path, "x");
    let mut mine = incident.clone();
    mine.title = "Mine".into();
    assert!(matches!(
        store.save_guarded(&mine, Some(&second)),
        Err(SaveError::Changed)
    ));
    assert!(
        !store
            .load(&incident.id)
            .unwrap()
            .incident
            .narrative
            .impact
            .is_empty()
    );
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        store.save_guarded(&mine, Some(&second)),
        Err(SaveError::Gone)
    ));
    assert!(!path.exists(), "a deleted file is not written again");
}

/// Real races, not a hook: another thread rewrites the file in place (putting the old time
/// back) while guarded saves run. A write of the other thread is lost only when it lands
/// between the check and the rename (or goes into the old file after the rename, which no
/// rename-based save can see): a window of microseconds. Measured on ext4: 4 lost in 2,000
/// races (0.2 %), against 6 in 40 when the check was by modification time before the save;
/// on 2026-12-02 on a 2-core machine, 6 in 200, 9 and 12 in 400 (up to 3 %: how many land in
/// the window depends on how long the machine takes to fsync). The test allows 5 %; the count
/// is `RETRO_RACES` (default 200); run with `cargo test -- --ignored`.
#[test]
#[ignore = "stress test: real races, a few seconds"]
fn real_races_with_an_in_place_writer_lose_no_write() {
    let races: usize = std::env::var("RETRO_RACES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let incident = store.new_incident(
        "Stress",
        common::now_date(),
        retro::model::Moment::utc(now()),
    );
    let (path, _, _) = store.create(incident.clone()).unwrap();
    let mut lost = 0;
    for n in 0..races {
        let (_, known) = store.load_tracked(&incident.id).unwrap();
        let writer_path = path.clone();
        let marker = format!("theirs {n}");
        let writer = std::thread::spawn({
            let marker = marker.clone();
            move || {
                std::thread::sleep(std::time::Duration::from_micros((n % 7) as u64 * 150));
                write_keeping_mtime(&writer_path, &marker);
            }
        });
        let mut mine = incident.clone();
        mine.narrative.text = format!("mine {n}");
        let saved = store.save_guarded(&mine, Some(&known)).is_ok();
        writer.join().unwrap();
        let on_disk = store.load(&incident.id).unwrap().incident;
        // Lost: our save went through after their write, which it never saw.
        if saved && on_disk.narrative.impact != marker {
            lost += 1;
        }
    }
    eprintln!("{lost} lost writes in {races} races");
    assert!(
        lost * 20 <= races,
        "{lost} of {races} outside writes were overwritten"
    );
}
