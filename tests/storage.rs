//! The incidents folder: creation, permissions, listing, atomic saves, the trash, bad ids.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use jiff::civil::date;
use retro::model::Moment;
use retro::storage::{Entry, Store, StoreError};

fn now() -> Moment {
    Moment::parse_rfc3339("2026-11-21T10:00:00Z").unwrap()
}

fn mode(path: &std::path::Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_missing_folder_is_created_user_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("a/b/incidents");
    let store = Store::open(&dir).unwrap();
    assert!(dir.is_dir());
    assert_eq!(mode(&dir), 0o700);
    assert!(store.list(date(2026, 11, 21)).unwrap().is_empty());
}

#[test]
fn a_file_in_place_of_the_folder_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-folder");
    fs::write(&file, "x").unwrap();
    let err = Store::open(&file).unwrap_err();
    assert!(err.to_string().contains("not-a-folder"), "{err}");
}

#[test]
fn new_files_are_user_only_and_existing_permissions_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let incident = store.new_incident("Perms", date(2026, 3, 1), now());
    let path = store.save(&incident).unwrap();
    assert_eq!(mode(&path), 0o600);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    store.save(&incident).unwrap();
    assert_eq!(mode(&path), 0o640);
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["2026-03-01-perms.toml"]);
}

#[test]
fn saving_then_loading_gives_the_same_incident() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let mut incident = store.new_incident("Round trip", date(2026, 3, 1), now());
    incident.services = vec!["api".into()];
    store.save(&incident).unwrap();
    let loaded = store.load(&incident.id).unwrap();
    assert_eq!(loaded.incident, incident);
    assert!(loaded.read_only.is_none());
}

#[test]
fn ids_clash_into_numbered_names() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let a = store.new_incident("Same", date(2026, 3, 1), now());
    store.save(&a).unwrap();
    let b = store.new_incident("Same", date(2026, 3, 1), now());
    assert_eq!(b.id, "2026-03-01-same-2");
}

#[test]
fn listing_is_newest_first_and_keeps_broken_files_with_their_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    for (day, title) in [(1, "Old"), (20, "New"), (10, "Middle")] {
        store
            .save(&store.new_incident(title, date(2026, 3, day), now()))
            .unwrap();
    }
    fs::write(tmp.path().join("2026-03-15-broken.toml"), "title = \n").unwrap();
    fs::write(tmp.path().join("notes.toml"), "x = 1\n").unwrap();
    fs::write(tmp.path().join("README.md"), "not listed").unwrap();
    let entries = store.list(date(2026, 11, 21)).unwrap();
    let names: Vec<&str> = entries.iter().map(Entry::name).collect();
    assert_eq!(
        names,
        [
            "2026-03-20-new",
            "2026-03-15-broken",
            "2026-03-10-middle",
            "2026-03-01-old",
            "notes"
        ]
    );
    match &entries[1] {
        Entry::Broken { error, .. } => assert_eq!(error.line, 1, "{error}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_file_that_does_not_parse_is_never_overwritten_by_listing_or_loading() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let path = tmp.path().join("2026-03-15-broken.toml");
    let text = "schema_version = 1\nid = \"2026-03-15-broken\"\ntitle = [\n";
    fs::write(&path, text).unwrap();
    let _ = store.list(date(2026, 11, 21)).unwrap();
    assert!(matches!(
        store.load("2026-03-15-broken"),
        Err(StoreError::Format { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    let bytes = [0xff, 0xfe, 0x00, 0x41];
    fs::write(&path, bytes).unwrap();
    let err = store.load("2026-03-15-broken").unwrap_err();
    assert!(err.to_string().contains("UTF-8"), "{err}");
}

#[test]
fn ids_that_could_leave_the_folder_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path().join("inc")).unwrap();
    for bad in [
        "../2026-01-01-x",
        "2026-01-01-x/../../y",
        "/etc/passwd",
        "2026-01-01-X",
    ] {
        assert!(
            matches!(store.load(bad), Err(StoreError::BadId(_))),
            "{bad}"
        );
        assert!(
            matches!(store.trash(bad), Err(StoreError::BadId(_))),
            "{bad}"
        );
    }
    let mut evil = store.new_incident("x", date(2026, 1, 1), now());
    evil.id = "../../escaped".into();
    assert!(matches!(store.save(&evil), Err(StoreError::BadId(_))));
    assert!(!tmp.path().join("escaped.toml").exists());
}

#[test]
fn a_file_whose_id_differs_from_its_name_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    fs::write(
        tmp.path().join("2026-01-01-a.toml"),
        "schema_version = 1\nid = \"2026-01-01-b\"\ntitle = \"t\"\n",
    )
    .unwrap();
    let err = store.load("2026-01-01-a").unwrap_err();
    assert!(err.to_string().contains("2026-01-01-b"), "{err}");
}

#[test]
fn trash_moves_files_and_numbers_clashes() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let incident = store.new_incident("Gone", date(2026, 3, 1), now());
    store.save(&incident).unwrap();
    let first = store.trash(&incident.id).unwrap();
    assert!(first.ends_with(".trash/2026-03-01-gone.toml"));
    store.save(&incident).unwrap();
    let second = store.trash(&incident.id).unwrap();
    assert_ne!(first, second);
    assert!(first.exists() && second.exists());
    assert!(store.list(date(2026, 11, 21)).unwrap().is_empty());
    assert!(matches!(
        store.trash(&incident.id),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn a_newer_schema_file_loads_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    fs::write(
        tmp.path().join("2026-01-01-new.toml"),
        "schema_version = 7\nid = \"2026-01-01-new\"\ntitle = \"New\"\n",
    )
    .unwrap();
    let loaded = store.load("2026-01-01-new").unwrap();
    assert!(loaded.read_only.unwrap().contains("schema 7"));
    match &store.list(date(2026, 11, 21)).unwrap()[0] {
        Entry::Incident { read_only, .. } => assert!(read_only),
        other => panic!("{other:?}"),
    }
}
