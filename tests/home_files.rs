//! The incident list's care for files: `d` on an incident another retro edits says so
//! before any question, and a copied file whose inner id is another's can be given its own.

mod common;

use common::Harness;
use retro::app::state::Overlay;

const ID: &str = "2026-03-12-checkout-api-errors-after-config-push";

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli/good")
        .join(name)
}

fn with_checkout() -> Harness {
    let mut h = Harness::empty();
    std::fs::copy(
        fixture(&format!("{ID}.toml")),
        h.dir.path().join(format!("{ID}.toml")),
    )
    .unwrap();
    h.refresh();
    h
}

#[test]
fn d_on_an_incident_edited_elsewhere_says_so_and_asks_nothing() {
    let mut h = with_checkout();
    let lock = h.store.lock(ID).unwrap();
    h.keys("d");
    assert!(h.state.overlay.is_none(), "no question while it is edited");
    let screen = h.screen(120, 30);
    assert!(
        screen.contains("is being edited by another retro"),
        "{screen}"
    );
    assert!(h.dir.path().join(format!("{ID}.toml")).exists());
    drop(lock);
    // Once it is closed there, d asks, and y deletes.
    h.keys("d");
    assert!(matches!(h.state.overlay, Some(Overlay::Confirm { .. })));
    h.keys("y");
    assert!(!h.dir.path().join(format!("{ID}.toml")).exists());
    assert!(
        h.dir
            .path()
            .join(".trash")
            .join(format!("{ID}.toml"))
            .exists()
    );
}

#[test]
fn a_copied_file_can_be_given_its_own_id_from_the_viewer() {
    let mut h = with_checkout();
    let copy = "2026-03-13-checkout-api-errors-again";
    let original = std::fs::read_to_string(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    std::fs::write(h.dir.path().join(format!("{copy}.toml")), &original).unwrap();
    h.refresh();
    // The copy is listed as a problem under its file name; open it.
    let row = h
        .state
        .home
        .visible
        .iter()
        .position(|&i| h.state.home.entries[i].name() == copy)
        .unwrap();
    h.state.home.selected = row;
    h.keys("<enter>");
    let screen = h.screen(120, 30);
    assert!(
        screen.contains(&format!("r sets its id to {copy}, its file name")),
        "{screen}"
    );
    h.keys("r");
    assert_eq!(h.incident().id, copy, "opened under its own id");
    let fixed = std::fs::read_to_string(h.dir.path().join(format!("{copy}.toml"))).unwrap();
    assert_eq!(
        fixed,
        original.replacen(&format!("id = \"{ID}\""), &format!("id = \"{copy}\""), 1),
        "only the id line changed"
    );
    let untouched = std::fs::read_to_string(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    assert_eq!(untouched, original);
}

#[test]
fn r_in_the_viewer_of_a_file_that_does_not_parse_changes_nothing() {
    let mut h = Harness::empty();
    let name = "2026-03-14-broken";
    let path = h.dir.path().join(format!("{name}.toml"));
    std::fs::write(&path, "schema_version = 1\nid = \"x\"\ntitle = \n").unwrap();
    h.refresh();
    h.keys("<enter>");
    assert!(h.screen(120, 30).contains("never rewritten by retro"));
    h.keys("r");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "schema_version = 1\nid = \"x\"\ntitle = \n"
    );
}
