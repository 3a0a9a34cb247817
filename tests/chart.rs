//! The metric chart in the terminal UI: an imported series in the monitoring section and in
//! its record, at 80×24 and 160×48 (insta snapshots; the window, the markers and the
//! baseline are visible in text).

mod common;

use std::path::Path;

use common::Harness;
use retro::metrics::record::fill;
use retro::metrics::{ReadOptions, read_file};
use retro::model::codec::{Parsed, parse};

const CHECKOUT: &str = "2026-03-12-checkout-api-errors-after-config-push";

/// The CLI fixture's checkout incident, its metric's typed figures cleared and the 5xx
/// series of `tests/fixtures/metrics/checkout-5xx.csv` imported into it.
fn harness() -> Harness {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(root.join(format!("cli/good/{CHECKOUT}.toml"))).unwrap();
    let Ok(Parsed::Current(mut incident)) = parse(&text) else {
        panic!("fixture does not parse");
    };
    let options = ReadOptions {
        column: None,
        tz: jiff::tz::TimeZone::get("Europe/London").unwrap(),
    };
    let series = read_file(&root.join("metrics/checkout-5xx.csv"), &options).unwrap();
    let snapshot = (*incident).clone();
    let metric = &mut incident.monitoring.metrics[0];
    metric.baseline = None;
    metric.peak = None;
    fill(metric, &series[0], "checkout-5xx.csv", &snapshot);
    let mut h = Harness::empty();
    h.store.save(&incident).unwrap();
    h.refresh();
    h.keys("<enter>2");
    h.state.message = None;
    h
}

#[test]
fn the_monitoring_section_shows_the_selected_metric_s_chart() {
    let h = harness();
    for (w, ht) in [(80, 24), (160, 48)] {
        let screen = h.screen(w, ht);
        for needed in [
            "baseline 0.203 % → peak 38.4 % at 14:41 (189×)",
            "GMT",
            "detected",
            "mitigated",
            "┊",
            "▔",
            "╌",
        ] {
            assert!(
                screen.contains(needed),
                "{needed} missing at {w}×{ht}:\n{screen}"
            );
        }
        // In the caption, and as the dashed line's label.
        assert!(screen.matches("baseline 0.203 %").count() >= 2, "{screen}");
        if w == 160 {
            assert!(screen.contains("checkout 5xx rate (%) · baseline 0.203 % → peak 38.4 % at 14:41 (189×) · times in Europe/London"), "{screen}");
        }
        insta::assert_snapshot!(format!("monitoring_chart_{w}x{ht}"), screen);
    }
}

#[test]
fn the_metric_record_shows_its_chart() {
    let mut h = harness();
    h.keys("<tab><enter>");
    for (w, ht) in [(80, 24), (160, 48)] {
        let screen = h.screen(w, ht);
        assert!(screen.contains("Metric 1 of 1"), "{screen}");
        assert!(
            screen.contains("baseline 0.203 %") && screen.contains("mitigated"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("metric_record_chart_{w}x{ht}"), screen);
    }
}

#[test]
fn small_panels_and_metrics_without_series_draw_no_chart() {
    let h = harness();
    let screen = h.screen(60, 16);
    assert!(!screen.contains('╌'), "{screen}");
    // The demo's queue depth metric has figures but no series: a line says how to get one.
    let mut plain = Harness::demo();
    plain.keys("<enter>2<tab>jj");
    let screen = plain.screen(160, 48);
    assert!(!screen.contains('╌'), "{screen}");
    assert!(
        screen.contains("order-events queue depth: no series to chart · f imports one"),
        "{screen}"
    );
}

#[test]
fn the_window_is_shaded_and_the_markers_coloured() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Color;
    let h = harness();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buf = terminal.backend().buffer();
    let cells: Vec<&ratatui::buffer::Cell> = buf.content().iter().collect();
    let edge = cells.iter().find(|c| c.symbol() == "┊").unwrap();
    assert_eq!(edge.bg, Color::Indexed(237));
    let labels: Vec<&[ratatui::buffer::Cell]> = buf
        .content()
        .windows(9)
        .filter(|w| w.iter().map(|c| c.symbol()).collect::<String>() == "mitigated")
        .collect();
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0][0].fg, Color::Yellow);
    let dash = cells.iter().find(|c| c.symbol() == "╌").unwrap();
    assert_eq!(dash.fg, Color::Green);
}
