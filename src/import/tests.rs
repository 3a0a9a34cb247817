//! Detection, progress and cancelling, on the fixtures in tests/fixtures/import.

use std::cell::Cell;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use jiff::civil::date;
use jiff::tz::TimeZone;

use super::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn options<'a>(progress: &'a dyn Progress, cancel: &'a AtomicBool) -> Options<'a> {
    Options {
        channel: Some("inc-2417-checkout".into()),
        date: date(2024, 3, 12),
        tz: TimeZone::UTC,
        progress,
        cancel,
    }
}

#[test]
fn every_fixture_is_told_by_its_content() {
    let cases = [
        ("slack", SourceKind::Slack),
        ("paste.txt", SourceKind::Paste),
        ("irc.log", SourceKind::Irc),
        ("irc.libera.#inc-2417.weechatlog", SourceKind::Irc),
        ("irssi.log", SourceKind::Irc),
        ("pagerduty.json", SourceKind::Pagerduty),
        ("teams.json", SourceKind::Teams),
        ("mattermost.jsonl", SourceKind::Mattermost),
        ("statuspage.json", SourceKind::Statuspage),
    ];
    for (name, kind) in cases {
        assert_eq!(detect(&fixture(name)), Ok(kind), "{name}");
    }
    assert!(
        detect(&fixture("incidents")).is_err(),
        "a folder without channels.json"
    );
}

#[derive(Default)]
struct Recorder {
    total: Cell<u64>,
    done: Cell<u64>,
}

impl Progress for Recorder {
    fn total(&self, total: u64) {
        self.total.set(total);
    }
    fn done(&self, done: u64) {
        self.done.set(done);
    }
}

#[test]
fn slack_reports_progress_in_bytes_of_the_channel() {
    let recorder = Recorder::default();
    let cancel = AtomicBool::new(false);
    let imported = read(
        &fixture("slack"),
        SourceKind::Slack,
        &options(&recorder, &cancel),
    );
    assert!(imported.is_ok());
    let day_files: u64 = ["2024-03-12.json", "2024-03-13.json"]
        .iter()
        .map(|f| {
            std::fs::metadata(fixture("slack/inc-2417-checkout").join(f)).map_or(0, |m| m.len())
        })
        .sum();
    assert_eq!(recorder.total.get(), day_files);
    assert_eq!(recorder.done.get(), day_files);
}

#[test]
fn a_set_cancel_flag_stops_reading() {
    let cancel = AtomicBool::new(true);
    let got = read(
        &fixture("slack"),
        SourceKind::Slack,
        &options(&NoProgress, &cancel),
    );
    assert_eq!(got, Err(ImportError::Cancelled));
    // A large Mattermost export checks the flag as it goes.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("big.jsonl");
    let mut text = String::from("{\"type\":\"version\",\"version\":1}\n");
    for i in 0..5000 {
        text.push_str(&format!(
            "{{\"type\":\"post\",\"post\":{{\"channel\":\"c\",\"user\":\"u\",\"message\":\"m{i}\",\"create_at\":{i}}}}}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let got = read(
        &path,
        SourceKind::Mattermost,
        &options(&NoProgress, &cancel),
    );
    assert_eq!(got, Err(ImportError::Cancelled));
    assert_eq!(
        ImportError::Cancelled.to_string(),
        "interrupted; nothing was changed"
    );
}
