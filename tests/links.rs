//! Links planted in the folder: lock files that are hard or symbolic links, a `.trash` that
//! leads elsewhere. Nothing outside the incidents folder is ever written or truncated.

mod common;

use std::fs;
use std::os::unix::fs::symlink;

use retro::model::Moment;
use retro::storage::{LockError, Store};

const ID: &str = "2026-11-21-linked";

#[test]
fn a_lock_file_hard_linked_to_another_file_is_refused_and_left_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let outside = tmp.path().join("precious.txt");
    fs::write(&outside, "do not truncate me").unwrap();
    fs::hard_link(&outside, store.lock_path(ID).unwrap()).unwrap();
    match store.lock(ID) {
        Err(LockError::Io { source, .. }) => {
            assert!(source.to_string().contains("link"), "{source}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read_to_string(&outside).unwrap(), "do not truncate me");
}

#[test]
fn a_lock_file_that_is_a_symlink_is_refused_by_the_open_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let outside = tmp.path().join("precious.txt");
    fs::write(&outside, "do not truncate me").unwrap();
    symlink(&outside, store.lock_path(ID).unwrap()).unwrap();
    assert!(store.lock(ID).is_err());
    // A dangling link is not followed to create a file elsewhere either.
    let nowhere = tmp.path().join("created-through-the-link");
    fs::remove_file(store.lock_path(ID).unwrap()).unwrap();
    symlink(&nowhere, store.lock_path(ID).unwrap()).unwrap();
    assert!(store.lock(ID).is_err());
    assert!(!nowhere.exists());
    assert_eq!(fs::read_to_string(&outside).unwrap(), "do not truncate me");
}

#[test]
fn a_lock_file_that_is_not_a_lock_is_locked_but_not_truncated() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let path = store.lock_path(ID).unwrap();
    let text = "x".repeat(10_000);
    fs::write(&path, &text).unwrap();
    let lock = store.lock(ID).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    drop(lock);
    // A lock file retro wrote is rewritten with the new holder.
    fs::write(&path, "pid 1 on host, since 2026-01-01T00:00:00Z\n").unwrap();
    let lock = store.lock(ID).unwrap();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with(&format!("pid {}", std::process::id()))
    );
    drop(lock);
}

#[test]
fn a_trash_folder_that_is_a_symlink_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let incident = store.new_incident("Linked", common::now_date(), Moment::utc(common::now()));
    let (path, incident, _) = store.create(incident).unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    symlink(&outside, store.dir().join(".trash")).unwrap();
    let e = store.trash(&incident.id).unwrap_err().to_string();
    assert!(e.contains("symbolic link"), "{e}");
    assert!(path.exists(), "the incident stayed");
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn temporary_files_left_by_a_killed_save_are_removed_once_old() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("incidents")).unwrap();
    let old = store.dir().join(".retro-abc123.tmp");
    let fresh = store.dir().join(".retro-def456.tmp");
    let other = store.dir().join("notes.tmp");
    for p in [&old, &fresh, &other] {
        fs::write(p, "schema_version = 1").unwrap();
    }
    let two_minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
    for p in [&old, &other] {
        fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(two_minutes_ago)
            .unwrap();
    }
    let outside = tmp.path().join("outside.tmp");
    fs::write(&outside, "keep").unwrap();
    let link = store.dir().join(".retro-link.tmp");
    symlink(&outside, &link).unwrap();
    let removed = store.remove_stale_temp_files(retro::storage::cleanup::STALE_AFTER);
    assert_eq!(removed, 1);
    assert!(!old.exists());
    assert!(fresh.exists() && other.exists() && outside.exists());
    assert!(fs::symlink_metadata(&link).is_ok(), "links are not ours");
}
