//! How long the wording lint takes: a 1 MB story, a timeline of 5,000 entries, and the
//! terminal UI's incremental re-lint after one entry changed. Run with
//! `cargo bench --bench lint`.

use retro::app::AppState;
use retro::app::lint::LintCache;
use retro::app::state::{IncidentView, Screen};
use retro::lint::lint_incident;
use retro::model::Section;
use retro::model::{Incident, TimelineEntry};

fn main() {
    let mut big = Incident {
        participants: vec!["Dave".into(), "Priya".into()],
        ..Incident::default()
    };
    big.narrative.text =
        "The engineer restarted the pods and Dave should have checked the dashboard.\n"
            .repeat(14000);
    let t = std::time::Instant::now();
    let n = lint_incident(&big).len();
    println!("1 MB story: {n} findings in {:?}", t.elapsed());
    // Drawing the story's section with all its findings.
    let mut state = AppState::new("/tmp".into(), vec![], jiff::Timestamp::now());
    let mut view = IncidentView::new(big, None);
    view.lint = LintCache::new(&view.incident, 0);
    view.cursor.section = Section::Narrative;
    state.screen = Screen::Incident(Box::new(view));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let t = std::time::Instant::now();
    terminal.draw(|f| retro::ui::render(&state, f)).unwrap();
    println!("1 MB story, draw with {n} findings: {:?}", t.elapsed());

    let mut long = Incident {
        participants: vec!["Dave".into(), "Priya".into()],
        ..Incident::default()
    };
    for i in 0..5000 {
        long.timeline.push(TimelineEntry {
            actor: "checkout on-call".into(),
            text: format!(
                "Entry {i}: the deploy pipeline rolled out change {i}; errors stayed flat."
            ),
            ..TimelineEntry::default()
        });
    }
    let t = std::time::Instant::now();
    let mut cache = LintCache::new(&long, 0);
    println!("5,000 entries, first lint: {:?}", t.elapsed());
    long.timeline[2500].text = "Dave forgot to page the database team.".into();
    let t = std::time::Instant::now();
    cache.refresh(&long, 1, false);
    println!(
        "5,000 entries, one changed: {} finding in {:?}",
        cache.findings().len(),
        t.elapsed()
    );
}
