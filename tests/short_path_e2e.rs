//! The short path end to end: the real `retro` binary in a pseudo-terminal, from an empty
//! folder to a written-up minor incident and quitting, counting the keys sent besides the
//! typed text, then reading the TOML file back. The helpers follow `tests/e2e.rs`: after
//! each step the test polls the emulated screen, so Esc is never read together with the
//! next key (as Alt-something).

use std::path::{Path, PathBuf};
use std::time::Duration;

use retro::model::codec::parse;
use retro::model::timeinput::{format_clock, zone};
use retro::model::{Incident, Milestone, Parsed, Severity};

#[path = "common/pty.rs"]
mod pty;

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(20);

/// The program in a pseudo-terminal, counting the keys sent besides typed text.
struct Tui {
    pty: pty::Pty,
    /// Keys sent that are not typed text.
    keys: usize,
}

impl Tui {
    fn start(dir: &Path) -> Tui {
        Tui {
            pty: pty::Pty::start(dir, COLS, ROWS, "retro-e2e-cache"),
            keys: 0,
        }
    }

    /// Sends one command key (counted).
    fn key(&mut self, key: &str) -> &mut Self {
        self.keys += 1;
        self.pty.send(key);
        self
    }

    /// Types text (not counted).
    fn text(&mut self, text: &str) -> &mut Self {
        self.pty.send(text);
        self
    }

    fn wait_until(&mut self, what: &str, ready: impl Fn(&str) -> bool) -> &mut Self {
        self.pty.wait_until(what, TIMEOUT, ready);
        self
    }

    fn wait_for(&mut self, text: &str) -> &mut Self {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    fn wait_exit_success(&mut self) {
        self.pty.wait_exit_success(TIMEOUT);
    }
}

const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_C: &str = "\x03";

fn single_incident(dir: &Path) -> (PathBuf, Incident) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the folder")
        .map(|e| e.expect("folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    assert_eq!(files.len(), 1, "expected one incident file: {files:?}");
    let path = files.into_iter().next().expect("one file");
    let text = std::fs::read_to_string(&path).expect("read the incident file");
    match parse(&text) {
        Ok(Parsed::Current(incident)) => (path, *incident),
        other => panic!("{} does not parse as current: {other:?}", path.display()),
    }
}

#[test]
fn a_minor_incident_from_an_empty_folder_in_at_most_40_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let yesterday = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .yesterday()
        .expect("a yesterday")
        .to_string();
    let mut tui = Tui::start(dir.path());
    tui.wait_for("No incidents here yet");

    // The title, and when it started.
    tui.key("n").wait_for("New incident");
    tui.text("Disk full on build agent")
        .key(TAB)
        .wait_for("✎ Started");
    tui.text("yesterday 23:10").key(ENTER);
    tui.wait_for("0 · Overview");
    // The overview opens on the severity: 4 picks SEV4.
    tui.key(ENTER).wait_for("type to select");
    tui.key("4").key(ENTER);
    tui.wait_until("SEV4 chosen", |s| {
        s.contains("SEV4") && !s.contains("type to select")
    });

    // Four timeline lines: Enter goes time → who → what → the next entry.
    tui.key("3").wait_for("3 · Communication timeline");
    tui.key("a").wait_for("✎ Time");
    let lines = [
        ("23:12", "disk monitor", "Disk at 100% on build-agent-3"),
        ("~23:20", "on-call", "Paged, investigating"),
        ("23:41", "on-call", "Cleared old caches"),
        ("23:45", "build bot", "Builds green again"),
    ];
    for (n, (at, who, what)) in lines.iter().enumerate() {
        tui.text(at).key(ENTER).wait_for("✎ Who");
        tui.text(who).key(ENTER).wait_for("✎ What");
        tui.text(what).key(ENTER);
        // The impact-started entry is the first: the new one is number n + 3.
        tui.wait_for(&format!("Timeline entry {} of {}", n + 3, n + 3));
    }
    // Esc on the fresh entry closes it; 5 marks the last line resolved.
    tui.key(ESC).wait_until("the fresh entry to close", |s| {
        !s.contains("✎ Time") && s.contains("Builds green again")
    });
    tui.key("5").wait_for("marked \"resolved\"");

    // Two factors (] goes on to section 4: on a timeline row, 1–5 set key moments).
    tui.key("]").wait_for("4 · Contributing factors");
    tui.key("a").wait_for("✎ Factor");
    tui.text("The cache cleanup job was disabled in March")
        .key(ENTER);
    tui.wait_for("Contributing factor 2 of 2");
    tui.text("No alert on the build agents' disk usage")
        .key(ENTER);
    tui.wait_for("Contributing factor 3 of 3");
    tui.key(ESC).wait_until("the fresh factor to close", |s| {
        !s.contains("Contributing factor 3 of 3") && s.contains("F2")
    });

    // One action: title → owner → due date.
    tui.key("6").wait_for("6 · Follow-up actions");
    tui.key("a").wait_for("✎ Title");
    tui.text("Re-enable the cache cleanup job")
        .key(ENTER)
        .wait_for("✎ Owner");
    tui.text("build team").key(ENTER).wait_for("✎ Due");
    tui.text("2026-12-04").key(ENTER);
    tui.wait_for("Follow-up action 2 of 2");
    tui.key(ESC).wait_until("the fresh action to close", |s| {
        !s.contains("Follow-up action 2 of 2") && s.contains("A1")
    });

    // The customer message.
    tui.key("1").wait_for("1 · Messages to stakeholders");
    tui.key(ENTER).wait_for("✎ Customer message");
    let message = "If you started a build between 23:10 and 23:45 UTC, it may have failed.";
    tui.text(message).wait_for("it may have failed.");
    tui.key(ESC).wait_until("the message to stop editing", |s| {
        !s.contains("✎ Customer message")
    });

    // Export: E, m (Markdown to a file), Enter takes the offered `<id>.md` here.
    tui.key("E").wait_for("Markdown to the clipboard");
    tui.key("m").wait_for("to the file");
    tui.key(ENTER).wait_for("Wrote");

    // Quit: Ctrl-C saves first.
    tui.key(CTRL_C);
    tui.wait_exit_success();

    let keys = tui.keys;
    assert!(keys <= 40, "{keys} keys besides the typed text");
    assert_eq!(keys, 40, "the path changed: update README's quick start");

    let (path, inc) = single_incident(dir.path());
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert_eq!(name, format!("{yesterday}-disk-full-on-build-agent.toml"));
    // The exported Markdown beside it holds what was written.
    let exported = dir
        .path()
        .join(format!("{yesterday}-disk-full-on-build-agent.md"));
    let markdown = std::fs::read_to_string(&exported).expect("the exported Markdown");
    for part in [
        "Disk full on build agent",
        "No alert on the build agents' disk usage",
        "Re-enable the cache cleanup job",
        "it may have failed.",
        "~",
    ] {
        assert!(markdown.contains(part), "{part} missing:\n{markdown}");
    }
    assert_eq!(inc.severity, Some(Severity::Sev4));
    let tz = zone(&inc.timezone);
    let got: Vec<(String, bool, String)> = inc
        .timeline
        .iter()
        .map(|e| {
            let at = e.at.expect("a time");
            assert_eq!(at.in_zone(&tz).date().to_string(), yesterday);
            (format_clock(&at, &tz), e.approximate, e.text.clone())
        })
        .collect();
    let want: Vec<(String, bool, String)> = std::iter::once(("23:10", false, "Impact started."))
        .chain(
            lines
                .iter()
                .map(|(at, _, what)| (at.trim_start_matches('~'), at.starts_with('~'), *what)),
        )
        .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(inc.timeline[0].milestone, Some(Milestone::ImpactStarted));
    assert_eq!(inc.timeline[4].milestone, Some(Milestone::Resolved));
    assert_eq!(inc.timeline[1].actor, "disk monitor");
    assert_eq!(inc.factors.len(), 2);
    assert_eq!(
        inc.factors[1].description,
        "No alert on the build agents' disk usage"
    );
    assert_eq!(inc.actions.len(), 1);
    assert_eq!(inc.actions[0].owner, "build team");
    assert_eq!(
        inc.actions[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert_eq!(inc.stakeholders.customer_message, message);
    // The file says approximate as the format does.
    let text = std::fs::read_to_string(&path).expect("read the file");
    assert_eq!(text.matches("approximate = true").count(), 1, "{text}");
}
