//! The runtime's own duties: the editing lock, recovery copies, and changes made to the file
//! by another program while it is open.

mod common;

use common::{now, parse_keys};
use retro::app::state::{Confirmed, Overlay, Screen};
use retro::app::{AppState, Msg};
use retro::storage::Store;
use retro::tui::Runtime;

struct Rig {
    runtime: Runtime,
    state: AppState,
    store: Store,
    _dir: tempfile::TempDir,
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
            _dir: dir,
        }
    }

    fn keys(&mut self, keys: &str) {
        for key in parse_keys(keys) {
            self.runtime.dispatch(&mut self.state, Msg::Key(key));
        }
    }

    fn open_first(&mut self) {
        let today = self.state.today();
        let entries = self.store.list(today).unwrap();
        self.state = AppState::new(self.store.dir().into(), entries, self.state.now);
        self.keys("<enter>");
    }

    fn id(&self) -> String {
        self.state.incident().unwrap().incident.id.clone()
    }
}

#[test]
fn an_open_incident_is_locked_and_the_lock_is_released_on_leaving() {
    let mut rig = Rig::new();
    rig.keys("nLocked<enter>");
    let id = rig.id();
    assert!(rig.store.lock(&id).is_err(), "held while open");
    rig.keys("<esc>");
    assert!(rig.store.lock(&id).is_ok(), "released after leaving");
}

#[test]
fn an_incident_locked_elsewhere_opens_read_only() {
    let mut rig = Rig::new();
    rig.keys("nShared<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let _other = rig.store.lock(&id).unwrap();
    rig.open_first();
    let view = rig.state.incident().unwrap();
    let reason = view.disk.read_only.clone().unwrap();
    assert!(reason.contains(&std::process::id().to_string()), "{reason}");
    rig.keys("<enter>");
    assert!(rig.state.incident().unwrap().cursor.editor.is_none());
}

#[test]
fn a_recovery_copy_is_offered_and_restored() {
    let mut rig = Rig::new();
    rig.keys("nRecover<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let mut newer = rig.store.load(&id).unwrap().incident;
    newer.narrative.text = "Typed before the crash.".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    rig.store.write_recovery(&newer).unwrap();
    rig.open_first();
    match &rig.state.overlay {
        Some(Overlay::Confirm {
            question, on_yes, ..
        }) => {
            assert_eq!(*on_yes, Confirmed::RestoreRecovery);
            assert!(question.contains("narrative"), "{question}");
        }
        _ => panic!("expected the recovery question"),
    }
    rig.keys("y");
    assert_eq!(
        rig.store.load(&id).unwrap().incident.narrative.text,
        "Typed before the crash."
    );
    assert!(
        rig.store.recovery_for(&id).is_none(),
        "copy removed once saved"
    );
}

#[test]
fn declining_a_recovery_copy_removes_it_and_keeps_the_file() {
    let mut rig = Rig::new();
    rig.keys("nRecover<enter><esc>");
    let id = rig.store.list(rig.state.today()).unwrap()[0]
        .name()
        .to_string();
    let mut newer = rig.store.load(&id).unwrap().incident;
    newer.narrative.text = "Not wanted.".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    rig.store.write_recovery(&newer).unwrap();
    rig.open_first();
    rig.keys("n");
    assert!(rig.store.recovery_for(&id).is_none());
    assert_eq!(rig.store.load(&id).unwrap().incident.narrative.text, "");
}

fn outside_edit(rig: &Rig, id: &str, text: &str) {
    let mut theirs = rig.store.load(id).unwrap().incident;
    theirs.narrative.impact = text.into();
    // Make sure the modification time moves even on coarse clocks.
    std::thread::sleep(std::time::Duration::from_millis(20));
    rig.store.save(&theirs).unwrap();
    let path = rig.store.path_of(id).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
}

fn tick(rig: &mut Rig) {
    // The loop checks for outside changes on ticks; drive one through the public pieces.
    rig.state.now = rig
        .state
        .now
        .checked_add(jiff::SignedDuration::from_secs(3))
        .unwrap();
    rig.runtime.dispatch(&mut rig.state, Msg::Tick);
    rig.runtime.check_outside_change(&mut rig.state);
}

#[test]
fn an_outside_change_reloads_when_nothing_is_unsaved() {
    let mut rig = Rig::new();
    rig.keys("nOutside<enter>");
    let id = rig.id();
    outside_edit(&rig, &id, "Edited by hand.");
    tick(&mut rig);
    assert_eq!(
        rig.state.incident().unwrap().incident.narrative.impact,
        "Edited by hand."
    );
}

#[test]
fn an_outside_change_with_local_edits_keeps_both() {
    let mut rig = Rig::new();
    rig.keys("nOutside<enter>");
    let id = rig.id();
    rig.keys("7<enter>Mine.");
    outside_edit(&rig, &id, "Theirs.");
    tick(&mut rig);
    assert!(matches!(rig.state.overlay, Some(Overlay::Confirm { .. })));
    // Nothing was written over the outside change meanwhile.
    assert_eq!(
        rig.store.load(&id).unwrap().incident.narrative.impact,
        "Theirs."
    );
    rig.keys("y");
    let view = rig.state.incident().unwrap();
    assert_eq!(view.incident.narrative.impact, "Theirs.");
    assert_eq!(rig.store.load(&id).unwrap().incident.narrative.text, "");
    let copy = rig.store.load(&format!("{id}-copy")).unwrap().incident;
    assert_eq!(copy.narrative.text, "Mine.");
    assert!(matches!(rig.state.screen, Screen::Incident(_)));
}
