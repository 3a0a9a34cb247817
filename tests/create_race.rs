//! `retro new` and the TUI's new incidents never overwrite a file: a clash takes the next
//! `-2`, `-3` id, decided by the file system (create-if-absent), not by a look beforehand.

mod common;

use std::process::{Command, Stdio};

use retro::model::Moment;
use retro::storage::Store;

#[test]
fn an_id_taken_after_it_was_chosen_gets_the_next_number() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let now = Moment::utc(common::now());
    let mine = store.new_incident("Race", common::now_date(), now);
    // Another program takes the id between the choice and the write.
    let mut theirs = store.new_incident("Race", common::now_date(), now);
    theirs.narrative.text = "Theirs.".into();
    store.save(&theirs).unwrap();
    assert_eq!(mine.id, theirs.id);
    let (path, created, _) = store.create(mine).unwrap();
    assert_eq!(created.id, format!("{}-2", theirs.id));
    assert!(path.ends_with(format!("{}-2.toml", theirs.id)));
    assert_eq!(store.load(&created.id).unwrap().incident.id, created.id);
    assert_eq!(
        store.load(&theirs.id).unwrap().incident.narrative.text,
        "Theirs."
    );
    // And a third.
    let third = store.new_incident("Race", common::now_date(), now);
    assert_eq!(
        store.create(third).unwrap().1.id,
        format!("{}-3", theirs.id)
    );
}

#[test]
fn concurrent_retro_new_never_writes_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_retro");
    let pairs: usize = std::env::var("RETRO_RACE_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    for n in 0..pairs {
        let title = format!("Race {n}");
        let spawn = || {
            Command::new(bin)
                .args(["--dir"])
                .arg(dir.path())
                .args(["new", "--title", &title])
                .env("RETRO_CACHE_DIR", dir.path().join(".cache"))
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let a = a.wait_with_output().unwrap();
        let b = b.wait_with_output().unwrap();
        assert!(a.status.success() && b.status.success());
        let (pa, pb) = (
            String::from_utf8(a.stdout).unwrap(),
            String::from_utf8(b.stdout).unwrap(),
        );
        assert_ne!(pa, pb, "both wrote {pa}");
    }
    let files = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".toml")
        })
        .count();
    assert_eq!(files, 2 * pairs);
}
