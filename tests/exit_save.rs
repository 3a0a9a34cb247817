//! On the way out (a signal, a crash), unsaved changes go to the incident, or, when it cannot
//! be written, to a recovery copy: beside it, else in a fallback folder that can be written.

mod common;

use retro::guard::{ExitSave, save_or_recover};
use retro::model::Moment;
use retro::storage::Store;

fn sample(store: &Store) -> retro::model::Incident {
    let mut incident = store.new_incident("Exit", common::now_date(), Moment::utc(common::now()));
    incident.narrative.text = "Typed before the signal.".into();
    incident
}

#[test]
fn unsaved_changes_are_saved_to_the_incident_when_it_can_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let incident = sample(&store);
    let fallback = tempfile::tempdir().unwrap();
    match save_or_recover(&store, &incident, None, &[fallback.path().into()]) {
        ExitSave::Saved(path) => assert_eq!(path, store.path_of(&incident.id).unwrap()),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store.load(&incident.id).unwrap().incident.narrative.text,
        "Typed before the signal."
    );
}

#[test]
fn an_outside_change_gets_a_recovery_copy_beside_it_not_an_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let incident = sample(&store);
    let (_, known) = store.save_guarded(&incident, None).unwrap();
    let mut theirs = incident.clone();
    theirs.title = "Theirs".into();
    store.save(&theirs).unwrap();
    let mut mine = incident.clone();
    mine.narrative.text = "Mine, unsaved.".into();
    let fallback = tempfile::tempdir().unwrap();
    match save_or_recover(&store, &mine, Some(&known), &[fallback.path().into()]) {
        ExitSave::Recovery { path, reason } => {
            assert_eq!(path, store.recovery_path(&incident.id).unwrap());
            assert!(reason.contains("changed"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(store.load(&incident.id).unwrap().incident.title, "Theirs");
    let copy = store.recovery_for(&incident.id).unwrap();
    assert_eq!(copy.incident.narrative.text, "Mine, unsaved.");
}

#[test]
fn a_folder_that_cannot_be_written_sends_the_copy_to_the_fallback_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("incidents");
    let store = Store::open(&folder).unwrap();
    let incident = sample(&store);
    // The folder is gone (as root, permissions cannot stand for a failing disk).
    std::fs::remove_dir_all(&folder).unwrap();
    let fallback = tempfile::tempdir().unwrap();
    let place = fallback.path().join("recovery");
    match save_or_recover(&store, &incident, None, std::slice::from_ref(&place)) {
        ExitSave::Recovery { path, reason } => {
            assert!(path.starts_with(&place), "{}", path.display());
            assert!(!reason.is_empty());
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("Typed before the signal."));
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "user-only");
        }
        other => panic!("{other:?}"),
    }
    assert!(!folder.exists(), "nothing recreated the folder");
}

#[test]
fn a_fallback_folder_that_is_a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("incidents");
    let store = Store::open(&folder).unwrap();
    let incident = sample(&store);
    std::fs::remove_dir_all(&folder).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = dir.path().join("recovery");
    std::os::unix::fs::symlink(elsewhere.path(), &link).unwrap();
    assert!(matches!(
        save_or_recover(&store, &incident, None, std::slice::from_ref(&link)),
        ExitSave::Lost(_)
    ));
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}
