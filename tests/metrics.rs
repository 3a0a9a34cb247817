//! Metric readers, downsampling and figures on real and made-up files.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use retro::metrics::lttb::{MAX_POINTS, downsample};
use retro::metrics::{MetricError, ReadOptions, Series, read_bytes, read_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn utc() -> ReadOptions {
    ReadOptions {
        column: None,
        tz: TimeZone::UTC,
    }
}

fn ms(text: &str) -> i64 {
    text.parse::<Timestamp>().unwrap().as_millisecond()
}

fn one(path: &str) -> Series {
    let mut all = read_file(&fixture(path), &utc()).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn range(s: &Series) -> (f64, f64) {
    s.values
        .iter()
        .filter(|v| !v.is_nan())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        })
}

/// Row counts, first and last times and value ranges as the data's README gives them.
#[test]
fn the_numenta_files_read_as_their_readme_says() {
    for (file, rows, first, last, lo, hi) in [
        (
            "nab/ec2_request_latency_system_failure.csv",
            4032,
            "2014-03-07T03:41:00Z",
            "2014-03-21T03:41:00Z",
            22.9,
            99.3,
        ),
        (
            "nab/cpu_utilization_asg_misconfiguration.csv",
            18050,
            "2014-05-14T01:14:00Z",
            "2014-07-15T17:19:00Z",
            11.5,
            100.0,
        ),
        (
            "nab/machine_temperature_system_failure.csv",
            22695,
            "2013-12-02T21:15:00Z",
            "2014-02-19T15:25:00Z",
            2.1,
            108.5,
        ),
    ] {
        let s = one(file);
        assert_eq!(s.name, "value");
        assert_eq!(s.value_count(), rows, "{file}");
        assert_eq!(s.times.first(), Some(&ms(first)), "{file}");
        assert_eq!(s.times.last(), Some(&ms(last)), "{file}");
        let (min, max) = range(&s);
        // The README rounds to one decimal (99.248 is given as 99.3).
        assert!(
            (min - lo).abs() < 0.06 && (max - hi).abs() < 0.06,
            "{file}: {min}..{max}"
        );
    }
    // ec2 has a few gaps of up to 64 minutes in a 5-minute series: they stay gaps.
    let ec2 = one("nab/ec2_request_latency_system_failure.csv");
    assert!(ec2.values.iter().any(|v| v.is_nan()));
}

#[test]
fn naive_times_are_read_in_the_zone_given() {
    let options = ReadOptions {
        column: None,
        tz: TimeZone::get("America/New_York").unwrap(),
    };
    let s = read_file(
        &fixture("nab/ec2_request_latency_system_failure.csv"),
        &options,
    )
    .unwrap();
    assert_eq!(s[0].times[0], ms("2014-03-07T08:41:00Z"));
}

#[test]
fn a_prometheus_matrix_gives_one_series_per_label_set_with_gaps() {
    let all = read_file(&fixture("metrics/prometheus.json"), &utc()).unwrap();
    let names: Vec<&str> = all.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "http_requests_total{code=\"500\",job=\"api\"}",
            "http_requests_total{code=\"200\",job=\"api\"}"
        ]
    );
    let errors = &all[0];
    assert_eq!(errors.value_count(), 7);
    assert_eq!(errors.times[0], 1_435_781_430_000);
    assert_eq!(errors.values[1], 2.5);
    // The NaN value and the missing steps between 1435781505 and 1435781580 are gaps.
    assert!(errors.values[3].is_nan());
    let gap_at = errors
        .times
        .iter()
        .position(|t| *t > 1_435_781_505_000)
        .unwrap();
    assert!(errors.values[gap_at].is_nan());
    let only = ReadOptions {
        column: Some("http_requests_total{code=\"200\",job=\"api\"}".into()),
        ..utc()
    };
    assert_eq!(
        read_file(&fixture("metrics/prometheus.json"), &only)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_grafana_export_gives_two_series_and_keeps_the_gap() {
    let all = read_file(&fixture("metrics/grafana.csv"), &utc()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].name, "api p99 latency");
    assert_eq!(all[0].values, [120.0, 125.0, 900.0, 950.0, 130.0]);
    assert_eq!(all[1].name, "db p99 latency");
    assert_eq!(all[1].value_count(), 3);
    assert!(all[1].values[1].is_nan() && all[1].values[2].is_nan());
    assert_eq!(all[1].times[3], ms("2026-03-12T14:03:00Z"));
    let db = ReadOptions {
        column: Some("DB P99 latency".into()),
        ..utc()
    };
    let only = read_file(&fixture("metrics/grafana.csv"), &db).unwrap();
    assert_eq!(only.len(), 1);
    assert_eq!(only[0].name, "db p99 latency");
}

#[test]
fn other_csv_shapes_read() {
    let read = |text: &str| read_bytes(text.as_bytes(), &utc()).unwrap();
    // No header, epoch milliseconds, semicolons, rows out of order.
    let s = read("1394163660000;2.5\n1394163600000;1.5\n1394163720000;3\n");
    assert_eq!(
        s[0].times,
        [1_394_163_600_000, 1_394_163_660_000, 1_394_163_720_000]
    );
    assert_eq!(s[0].values, [1.5, 2.5, 3.0]);
    // Epoch seconds, RFC 3339 with offsets, a tab-separated file.
    let s = read("ts\tqps\n1394163600\t7\n1394163660\t8\n");
    assert_eq!(s[0].times[1], 1_394_163_660_000);
    let s = read("when,label,v\n2014-03-07T03:41:00+01:00,a,1\n2014-03-07T03:46:00+01:00,a,2\n");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].times[0], ms("2014-03-07T02:41:00Z"));
    // Grafana's series-as-rows export.
    let s = read(
        "Series;Time;Value\napi;2026-03-12 14:00:00;1\ndb;2026-03-12 14:00:00;2\napi;2026-03-12 14:01:00;3\n",
    );
    assert_eq!(
        s.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
        ["api", "db"]
    );
    assert_eq!(s[0].values, [1.0, 3.0]);
    // InfluxDB's annotated CSV.
    let influx = "#datatype,string,long,dateTime:RFC3339,double,string,string\n\
        #group,false,false,false,false,true,true\n\
        #default,_result,,,,,\n\
        ,result,table,_time,_value,_field,_measurement\n\
        ,,0,2026-03-12T14:00:00Z,45.5,usage_user,cpu\n\
        ,,0,2026-03-12T14:01:00Z,47,usage_user,cpu\n\
        ,,1,2026-03-12T14:00:00Z,3,usage_system,cpu\n";
    let s = read(influx);
    assert_eq!(
        s.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
        ["cpu usage_user", "cpu usage_system"]
    );
    assert_eq!(s[0].values, [45.5, 47.0]);
}

fn error(bytes: &[u8]) -> String {
    match read_bytes(bytes, &utc()) {
        Ok(s) => panic!("read {s:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_input_gives_clear_errors() {
    assert_eq!(error(b""), "the file is empty (0 bytes)");
    assert_eq!(
        error(b"\n\n  \n"),
        "no data rows: the file holds only blank lines"
    );
    assert_eq!(
        error(b"timestamp,value\n"),
        "no data rows: the file holds a header and no data"
    );
    assert!(
        error(b"host,value\nweb-1,3\nweb-2,4\n")
            .starts_with("no time column: none of the columns (host, value)")
    );
    assert_eq!(
        error(b"time,host\n2026-03-12 14:00:00,web\n"),
        "line 2, column `host`: `web` is not a number"
    );
    assert!(error(b"time\n2026-03-12 14:00:00\n").starts_with("no value column"));
    assert_eq!(
        error(b"timestamp,value\n2026-03-12 14:00:00,1\n2026-03-12 14:05:00,high\n"),
        "line 3, column `value`: `high` is not a number"
    );
    assert!(
        error(b"timestamp,value\n2026-03-12 14:00:00,1\nyesterday,2\n")
            .starts_with("line 3: `yesterday` is not a time")
    );
    assert!(error(b"time,v\n2026-03-12 14:00:00,1\xff\n").starts_with("the file is not UTF-8"));
    assert!(
        error(b"{\"status\":\"error\",\"error\":\"bad query\"}")
            .contains("status is `error`: bad query")
    );
    assert!(
        error(b"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
            .contains("resultType is `vector`")
    );
    assert!(error(b"{\"status\":").starts_with("not a Prometheus query_range answer"));
    let missing = ReadOptions {
        column: Some("p50".into()),
        ..utc()
    };
    let e = read_file(&fixture("metrics/grafana.csv"), &missing).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no column `p50`; the file has: api p99 latency, db p99 latency"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: 500 MB long, nothing on disk.
    file.set_len(500 * 1000 * 1000).unwrap();
    let e = read_file(&path, &utc()).unwrap_err();
    assert!(
        matches!(e, MetricError::TooLarge { size_mb: 500, .. }),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with("the file is 500 MB; retro imports files of up to 268 MB")
    );
    let missing = read_file(&dir.path().join("none.csv"), &utc()).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read"), "{missing}");
}

/// LTTB keeps the catastrophic failure of the machine temperature series: the lowest value in
/// NAB's window for it survives within 1%, in at most 500 points.
#[test]
fn downsampling_keeps_the_failure_of_the_machine() {
    let s = one("nab/machine_temperature_system_failure.csv");
    let pairs: Vec<(f64, f64)> = s
        .times
        .iter()
        .map(|t| *t as f64)
        .zip(s.values.iter().copied())
        .collect();
    let out = downsample(&pairs, MAX_POINTS);
    assert!(out.len() <= MAX_POINTS, "{}", out.len());
    let (from, to) = (
        ms("2014-02-07T14:55:00Z") as f64,
        ms("2014-02-09T14:05:00Z") as f64,
    );
    let min_in = |points: &[(f64, f64)]| {
        points
            .iter()
            .filter(|p| p.0 >= from && p.0 <= to)
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min)
    };
    let (original, kept) = (min_in(&pairs), min_in(&out));
    assert!(
        (kept - original).abs() <= original.abs() * 0.01,
        "original {original}, kept {kept}"
    );
}
