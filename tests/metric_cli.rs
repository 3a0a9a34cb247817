//! `retro metric` through the real binary: imports, and bad input that changes nothing.

use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli_fixture;

use cli_fixture::fixture;

const CHECKOUT: &str = "2026-03-12-checkout-api-errors-after-config-push";

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn incident_path(dir: &Path) -> PathBuf {
    dir.join(format!("{CHECKOUT}.toml"))
}

#[test]
fn a_csv_series_becomes_the_metric_s_points_with_computed_figures() {
    let f = fixture("good");
    let (code, out, err) = f.run(&[
        "metric",
        CHECKOUT,
        &data("metrics/checkout-5xx.csv"),
        "--name",
        "checkout 5xx (imported)",
        "--unit",
        "%",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "checkout 5xx (imported): 351 rows, 2026-03-12 12:00 to 2026-03-12 18:00, 336 points kept; \
         baseline 0.203 % → peak 38.4 % at 14:41 (189×)\n"
    );
    let text = std::fs::read_to_string(incident_path(&f.dir)).unwrap();
    assert!(
        text.contains("file = \"checkout-5xx.csv\"\nrows = 351\n"),
        "{text}"
    );
    assert!(
        text.contains("points = [\n    [2026-03-12T12:00:00Z, 0.2],\n"),
        "{text}"
    );
    // The gap of missing rows (15:30 to 15:39) is kept as a gap.
    assert!(text.contains(", nan],\n"), "{text}");
    // The list still reads the file, and the typed metric is untouched.
    let (code, list, _) = f.run(&["list"]);
    assert_eq!(code, 0);
    assert!(list.contains(CHECKOUT), "{list}");
    assert!(text.contains("name = \"checkout 5xx rate\"\nsource = \"https://grafana.example/d/abc\"\nunit = \"%\"\nbaseline = 0.2\npeak = 38.0\n\n"), "{text}");
    // Show and the Markdown export give the figures; the export a sparkline too.
    let (_, shown, _) = f.run(&["show", CHECKOUT]);
    assert!(
        shown.contains(
            "checkout 5xx (imported): baseline 0.203 % → peak 38.4 % at 14:41 (189×)\n    \
             [checkout-5xx.csv, 351 rows, 336 points kept]"
        ),
        "{shown}"
    );
    let (_, md, _) = f.run(&["export", CHECKOUT]);
    let line = md
        .lines()
        .find(|l| l.starts_with("- **checkout 5xx (imported)**"))
        .unwrap();
    assert!(
        line.contains(": baseline 0.203 % → peak 38.4 % at 14:41 (189×) `▁"),
        "{line}"
    );
    assert!(line.contains('█'), "{line}");
    // Importing again replaces the series of the same metric.
    let (code, _, err) = f.run(&[
        "metric",
        CHECKOUT,
        &data("metrics/checkout-5xx.csv"),
        "--name",
        "checkout 5xx (imported)",
    ]);
    assert_eq!(code, 0, "{err}");
    let again = std::fs::read_to_string(incident_path(&f.dir)).unwrap();
    assert_eq!(again.matches("[[monitoring.metrics]]").count(), 2);
}

#[test]
fn several_series_become_several_records() {
    let f = fixture("good");
    let (code, out, err) = f.run(&[
        "metric",
        CHECKOUT,
        &data("metrics/grafana.csv"),
        "--unit",
        "ms",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("api p99 latency: 5 rows") && out.contains("\ndb p99 latency: 3 rows"),
        "{out}"
    );
}

#[test]
fn bad_input_exits_2_and_leaves_the_incident_untouched() {
    let f = fixture("good");
    let before = std::fs::read(incident_path(&f.dir)).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let (empty, words, notime, grafana) = (
        write("empty.csv", b""),
        write("words.csv", b"timestamp,value\n2026-03-12 14:00:00,lots\n"),
        write("notime.csv", b"host,value\na,1\n"),
        data("metrics/grafana.csv"),
    );
    let cases: [(Vec<&str>, &str); 8] = [
        (vec!["metric", CHECKOUT, &empty], "the file is empty"),
        (
            vec!["metric", CHECKOUT, &words],
            "line 2, column `value`: `lots` is not a number",
        ),
        (vec!["metric", CHECKOUT, &notime], "no time column"),
        (
            vec!["metric", CHECKOUT, "/nonexistent/x.csv"],
            "cannot read /nonexistent/x.csv",
        ),
        (
            vec!["metric", CHECKOUT, &grafana, "--column", "p50"],
            "no column `p50`",
        ),
        (
            vec!["metric", CHECKOUT, &grafana, "--tz", "Mars/Olympus"],
            "--tz: `Mars/Olympus`",
        ),
        (
            vec!["metric", "not-an-id", &grafana],
            "no incident matches `not-an-id`",
        ),
        (
            vec!["metric", "2026-01-01-missing", &grafana],
            "2026-01-01-missing",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = f.run(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.starts_with("retro: ") && err.contains(expected),
            "{args:?}: {err}"
        );
        assert_eq!(
            std::fs::read(incident_path(&f.dir)).unwrap(),
            before,
            "{args:?}"
        );
    }
}
