//! Importing a metric series from the monitoring section of the terminal UI, driven by keys
//! through the real runtime (`retro::tui::dispatch`) on a temporary folder.

mod common;

use common::Harness;

const ID: &str = "2026-03-12-checkout-api-errors-after-config-push";

fn fixture(path: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
        .display()
        .to_string()
}

/// The fixture incident, open on its monitoring section.
fn on_monitoring() -> Harness {
    let mut h = Harness::empty();
    let name = format!("{ID}.toml");
    std::fs::copy(
        fixture(&format!("cli/good/{name}")),
        h.dir.path().join(&name),
    )
    .unwrap();
    h.refresh();
    h.keys("<enter>").keys("2");
    assert_eq!(h.incident().id, ID);
    h
}

#[test]
fn f_in_the_monitoring_section_imports_a_series_as_a_new_metric() {
    let mut h = on_monitoring();
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("f import"),
        "the footer shows the key: {screen}"
    );
    let before = h.incident().monitoring.metrics.len();
    h.keys("f");
    let screen = h.screen(120, 40);
    assert!(screen.contains("Import a metric series"), "{screen}");
    h.keys(&fixture("metrics/checkout-5xx.csv")).keys("<enter>");
    let saved = h.on_disk(ID);
    assert_eq!(saved.monitoring.metrics.len(), before + 1);
    let metric = saved.monitoring.metrics.last().unwrap();
    assert_eq!(metric.name, "checkout-5xx");
    assert_eq!(metric.file, "checkout-5xx.csv");
    assert_eq!(metric.rows, Some(351));
    assert!(!metric.points.is_empty() && metric.points.len() <= 500);
    let screen = h.screen(120, 40);
    assert!(screen.contains("imported checkout-5xx.csv"), "{screen}");
}

#[test]
fn f_in_an_open_metric_record_fills_that_record_and_keeps_what_was_typed() {
    let mut h = on_monitoring();
    let typed = h.incident().monitoring.metrics[0].clone();
    assert!(typed.points.is_empty());
    // Into the metrics list, open the first record, import into it.
    h.keys("<tab>");
    for _ in 0..8 {
        if h.state
            .incident()
            .is_some_and(|v| v.cursor.record.is_some())
        {
            break;
        }
        h.keys("<enter>");
    }
    assert!(
        h.state
            .incident()
            .is_some_and(|v| v.cursor.record.is_some()),
        "{}",
        h.screen(120, 40)
    );
    h.keys("f")
        .keys(&fixture("metrics/checkout-5xx.csv"))
        .keys("<enter>");
    let saved = h.on_disk(ID);
    let metric = &saved.monitoring.metrics[0];
    assert_eq!(metric.name, typed.name);
    assert_eq!(metric.unit, typed.unit);
    assert_eq!(metric.rows, Some(351));
    assert!(!metric.points.is_empty());
    assert_eq!(
        saved.monitoring.metrics.len(),
        h.incident().monitoring.metrics.len()
    );
}

#[test]
fn a_file_that_is_not_a_series_says_why_and_changes_nothing() {
    let mut h = on_monitoring();
    let before = std::fs::read(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    let bad = h.dir.path().join("notes.csv");
    std::fs::write(&bad, "when,what\nyesterday,lots\n").unwrap();
    h.keys("f").keys(&bad.display().to_string()).keys("<enter>");
    let screen = h.screen(120, 40);
    assert!(screen.contains("Import a metric series"), "{screen}");
    assert!(h.state.overlay.is_some());
    h.keys("<esc>");
    assert!(h.state.overlay.is_none());
    let after = std::fs::read(h.dir.path().join(format!("{ID}.toml"))).unwrap();
    assert_eq!(before, after);
    // Nothing typed: the prompt stays and says what it wants.
    h.keys("f").keys("<enter>");
    assert!(h.screen(120, 40).contains("CSV or Prometheus JSON"));
}
