//! Wording notes in the terminal UI: flagged words underlined in place, `⚑` marks on the
//! sections, fields and records, the notes listed under the section, and the keys that switch
//! a rule off for one field (`i`), on again (`I`), and hide the list (`l`).

mod common;

use common::Harness;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

const ID: &str = "2026-04-02-search-timeouts-after-index-rebuild";

/// The lint fixture (findings in many fields), opened.
fn open(keys: &str) -> Harness {
    let mut h = Harness::empty();
    let src = format!(
        "{}/tests/fixtures/cli/lint/{ID}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(src, h.dir.path().join(format!("{ID}.toml"))).unwrap();
    h.refresh();
    h.keys("<enter>").keys(keys);
    h.state.message = None;
    h
}

fn snap(name: &str, h: &Harness) {
    for (w, ht) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{ht}"), h.screen(w, ht));
    }
}

#[test]
fn findings_are_marked_and_listed_per_section() {
    let h = open("7");
    let screen = h.screen(80, 24);
    // Sections with notes are marked in the sidebar, the field shows its count.
    assert!(screen.contains("│▶7 Narrative      ⚑◐│"), "{screen}");
    assert!(screen.contains("│ 5 Technical       ○│"), "{screen}");
    assert!(screen.contains("▶ Story ⚑2"), "{screen}");
    assert!(
        screen.contains("⚑ Wording · i ignores ▶ here · l hides"),
        "{screen}"
    );
    assert!(
        screen.contains("▶ Story · counterfactual  \"should have checked\""),
        "{screen}"
    );
    snap("lint_narrative", &h);
    snap("lint_factors", &open("4"));
    snap("lint_factor_record", &open("4<enter><tab><tab><tab>"));
    snap("lint_timeline", &open("3"));
}

#[test]
fn flagged_words_are_underlined_in_place() {
    let h = open("7");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let find = |needle: &str| {
        (0..40u16).find_map(|y| {
            let row: String = (0..120u16).map(|x| buffer[(x, y)].symbol()).collect();
            let col = row.find(needle)?;
            Some((row[..col].chars().count() as u16, y))
        })
    };
    let (x, y) = find("should have checked").expect("the flagged words");
    for dx in 0.."should have checked".len() as u16 {
        assert!(
            buffer[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "not underlined at {dx}"
        );
    }
    let (x, y) = find("I didn't get").expect("the neutral sentence");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn flagged_words_in_the_whys_chain_are_underlined() {
    let h = open("4<enter>");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let (x, y) = (0..24u16)
        .find_map(|y| {
            let row: String = (0..80u16).map(|x| buffer[(x, y)].symbol()).collect();
            let at = row.find("1. Why? Human error")?;
            Some((
                row[..at].chars().count() as u16 + "1. Why? ".len() as u16,
                y,
            ))
        })
        .expect("the chain's first answer");
    for dx in 0.."Human error".len() as u16 {
        assert!(
            buffer[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "not underlined at {dx}"
        );
    }
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn i_switches_a_rule_off_for_the_field_and_i_again_on() {
    let mut h = open("7");
    h.keys("i");
    let message = h.state.message.clone().unwrap().text;
    assert_eq!(
        message,
        "counterfactual off here · I undoes · saved as narrative.text in [lint.ignore]"
    );
    assert!(!h.screen(80, 24).contains("⚑ Wording"));
    h.keys("<c-s>");
    let saved = h.on_disk(ID);
    assert_eq!(
        saved.lint.ignore.get("narrative.text"),
        Some(&vec!["counterfactual".to_string()])
    );
    // The other ignore in the file stays.
    assert!(
        saved
            .lint
            .ignore
            .contains_key("stakeholders.customer_message")
    );
    h.keys("I");
    assert_eq!(
        h.state.message.clone().unwrap().text,
        "wording checks are on again for narrative.text"
    );
    h.keys("<c-s>");
    assert!(!h.on_disk(ID).lint.ignore.contains_key("narrative.text"));
    assert!(h.screen(80, 24).contains("⚑ Wording"));
}

#[test]
fn records_are_ignored_by_id_or_time() {
    // A factor by its id, a list of whys as a whole.
    let mut h = open("4<enter><tab><tab><tab>i<esc><c-s>");
    let saved = h.on_disk(ID);
    assert_eq!(
        saved.lint.ignore.get("factors[F1].whys"),
        Some(&vec!["human-error".to_string()])
    );
    // In the list, `i` acts on the selected record: F1's description.
    h.keys("i<c-s>");
    assert_eq!(
        h.on_disk(ID).lint.ignore.get("factors[F1].description"),
        Some(&vec!["factor-is-person".to_string()])
    );
    // A timeline entry by its time.
    let mut h = open("3");
    h.keys("i<c-s>");
    assert_eq!(
        h.on_disk(ID)
            .lint
            .ignore
            .get("timeline[2026-04-02T14:00:00Z].text"),
        Some(&vec!["custom-word".to_string()])
    );
    h.keys("i");
    assert_eq!(
        h.state.message.clone().unwrap().text,
        "No wording notes on the focused field"
    );
}

#[test]
fn l_hides_the_list_and_the_section_says_how_many() {
    let h = open("7l");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("⚑ Wording"), "{screen}");
    assert!(screen.contains("⚑ 2 wording · l shows"), "{screen}");
    // The guide comes back in the room the list left.
    assert!(screen.contains("Ask the room"), "{screen}");
    snap("lint_hidden", &h);
}

#[test]
fn editing_the_text_clears_its_notes() {
    let mut h = open("7<enter>");
    // Replace the whole story.
    for _ in 0..400 {
        h.keys("<bs>");
    }
    h.keys("Dave checked the rebuild window; it showed nothing for that day.<esc>");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("⚑ Wording"), "{screen}");
    assert!(screen.contains("│▶7 Narrative       ◐│"), "{screen}");
}
