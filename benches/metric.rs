//! How long importing a metric series and drawing its chart take, on the 22,695-row machine
//! temperature file of the Numenta benchmark, with `grep -c` over the same file as the
//! anchor. Run with `cargo bench --bench metric`; best of 7 runs each.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use retro::app::AppState;
use retro::app::state::{IncidentView, Screen};
use retro::metrics::record::fill;
use retro::metrics::{ReadOptions, read_file};
use retro::model::{Incident, Metric, Milestone, Moment, Section, TimelineEntry};

const RUNS: usize = 7;

fn best(mut run: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn at(text: &str) -> Option<Moment> {
    Moment::parse_rfc3339(text).ok()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = root.join("tests/fixtures/nab/machine_temperature_system_failure.csv");
    let options = ReadOptions {
        column: None,
        tz: jiff::tz::TimeZone::UTC,
    };
    // The incident: NAB's window around the catastrophic failure.
    let moment = |text: &str, milestone| TimelineEntry {
        at: at(text),
        milestone: Some(milestone),
        ..TimelineEntry::default()
    };
    let mut incident = Incident {
        schema_version: 1,
        id: "2014-02-07-machine-failure".into(),
        title: "Machine failure".into(),
        timeline: vec![
            moment("2014-02-07T14:55:00Z", Milestone::ImpactStarted),
            moment("2014-02-08T09:00:00Z", Milestone::Detected),
            moment("2014-02-08T14:30:00Z", Milestone::Mitigated),
            moment("2014-02-09T14:05:00Z", Milestone::Resolved),
        ],
        ..Incident::default()
    };

    let grep = best(|| {
        let out = Command::new("grep").arg("-c").arg(",").arg(&file).output();
        assert!(out.is_ok_and(|o| o.status.success()));
    });
    println!("anchor: grep -c over the file: {grep:?}");

    let mut series = Vec::new();
    let read = best(|| series = read_file(&file, &options).unwrap_or_default());
    println!(
        "read 22,695 rows: {read:?} ({:.2}× grep)",
        ratio(read, grep)
    );
    let mut metric = Metric::default();
    let shrink = best(|| fill(&mut metric, &series[0], "machine.csv", &incident));
    println!(
        "keep {} points around the incident (LTTB): {shrink:?}",
        metric.points.len()
    );
    let mut whole = Metric::default();
    let all = best(|| fill(&mut whole, &series[0], "machine.csv", &Incident::default()));
    println!(
        "keep {} points of the whole series (LTTB): {all:?}",
        whole.points.len()
    );
    println!(
        "import in all: {:?} ({:.2}× grep)",
        read + shrink,
        ratio(read + shrink, grep)
    );

    // The whole import through the binary, process start and atomic save included.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = retro::storage::Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let pristine = incident.clone();
    let cli = best(|| {
        store.save(&pristine).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::new(env!("CARGO_BIN_EXE_retro"))
            .arg("--dir")
            .arg(dir.path())
            .args(["metric", "2014-02-07-machine-failure"])
            .arg(&file)
            .output();
        assert!(out.is_ok_and(|o| o.status.success()));
    });
    println!(
        "retro metric (process, read, save): {cli:?} ({:.2}× grep)",
        ratio(cli, grep)
    );

    incident.monitoring.metrics.push(metric);
    for (w, h) in [(80, 24), (160, 48)] {
        let mut state = AppState::new("/tmp".into(), vec![], jiff::Timestamp::now());
        let mut view = IncidentView::new(incident.clone(), None);
        view.cursor.section = Section::Monitoring;
        state.screen = Screen::Incident(Box::new(view));
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
            .unwrap_or_else(|e| panic!("{e}"));
        let draw = best(|| {
            terminal
                .draw(|f| retro::ui::render(&state, f))
                .unwrap_or_else(|e| panic!("{e}"));
        });
        println!("draw the monitoring section with the chart at {w}×{h}: {draw:?}");
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}
