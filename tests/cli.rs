//! The command line, through the real binary, on fixture folders copied to a temporary folder.
//!
//! Fixtures (tests/fixtures/cli): `good` holds two valid incidents whose actions are due far in
//! the past or far in the future, so "overdue" does not depend on today; `broken` adds a file
//! with a syntax error and one with an unknown key; `check` holds files that parse but break
//! the rules between their parts. Internal-only fields carry `SENTINEL-` strings that the
//! customer export must never contain.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const CHECKOUT: &str = "2026-03-12-checkout-api-errors-after-config-push";
const DNS: &str = "2025-11-02-dns-resolution-failures";

#[path = "common/cli.rs"]
mod cli_fixture;

use cli_fixture::fixture;

const SENTINELS: &[&str] = &[
    "SENTINEL-INTERNAL-MESSAGE",
    "SENTINEL-TECHNICAL",
    "SENTINEL-TIMELINE-INTERNAL",
    "SENTINEL-PARTICIPANT",
    "SENTINEL-FACILITATOR",
    "SENTINEL-MONITORING",
    "SENTINEL-FACTOR",
    "SENTINEL-ACTION",
    "SENTINEL-NARRATIVE-TEXT",
    "SENTINEL",
];

#[test]
fn list_shows_one_row_per_incident_newest_first() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    insta::assert_snapshot!("list_table", out);
}

#[test]
fn list_filters_by_status_severity_and_date() {
    let f = fixture("good");
    let (_, out, _) = f.run(&["list", "--status", "published"]);
    assert!(out.contains(DNS) && !out.contains(CHECKOUT), "{out}");
    let (_, out, _) = f.run(&["list", "--severity", "sev2"]);
    assert!(!out.contains(DNS) && out.contains(CHECKOUT), "{out}");
    let (_, out, _) = f.run(&["list", "--since", "2026-01-01"]);
    assert!(!out.contains(DNS) && out.contains(CHECKOUT), "{out}");
    let (code, _, err) = f.run(&["list", "--status", "finished"]);
    assert_eq!(code, 2);
    assert!(err.contains("draft, in_review, published"), "{err}");
}

#[test]
fn list_json_has_stable_field_names() {
    let f = fixture("good");
    let (code, out, _) = f.run(&["list", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &rows[0];
    assert_eq!(first["id"], CHECKOUT);
    assert_eq!(first["started"], "2026-03-12");
    assert_eq!(first["severity"], "SEV2");
    assert_eq!(first["status"], "in_review");
    assert_eq!(first["sections_filled"], 7);
    assert_eq!(first["open_actions"], 2);
    assert_eq!(first["overdue_actions"], 1);
    insta::assert_snapshot!("list_json", out);
}

#[test]
fn list_reports_broken_files_on_stderr_and_goes_on() {
    let f = fixture("broken");
    let (code, out, err) = f.run(&["list"]);
    assert_eq!(code, 0);
    assert!(out.contains(CHECKOUT) && out.contains(DNS), "{out}");
    assert!(!out.contains("syntax-error"), "{out}");
    assert!(
        err.contains("[DIR]/2026-01-05-syntax-error.toml:3:"),
        "{err}"
    );
    assert!(
        err.contains("[DIR]/2026-01-06-unknown-key.toml:3:1: unknown field `titel`"),
        "{err}"
    );
    insta::assert_snapshot!("list_broken_stderr", err);
}

#[test]
fn show_prints_the_whole_retrospective_wrapped() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["show", CHECKOUT]);
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    insta::assert_snapshot!("show", out);
}

#[test]
fn unknown_or_bad_ids_fail_with_status_2() {
    let f = fixture("good");
    let (code, _, err) = f.run(&["show", "2026-01-01-nothing"]);
    assert_eq!(code, 2);
    assert!(err.contains("no incident"), "{err}");
    let (code, _, err) = f.run(&["export", "../etc/passwd"]);
    assert_eq!(code, 2);
    assert!(err.contains("neither an incident id"), "{err}");
}

/// Headings of a level, and table body rows, found by a CommonMark parser.
fn parse_markdown(text: &str) -> (Vec<(HeadingLevel, String)>, Vec<Vec<String>>) {
    let mut headings = Vec::new();
    let mut rows = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut row: Option<Vec<String>> = None;
    let mut in_head = false;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) if !in_head => row = Some(Vec::new()),
            Event::End(TagEnd::TableRow) => rows.extend(row.take()),
            Event::Start(Tag::TableCell) => {
                if let Some(r) = row.as_mut() {
                    r.push(String::new());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(cell) = row.as_mut().and_then(|r| r.last_mut()) {
                    cell.push_str(&t);
                }
            }
            _ => {}
        }
    }
    (headings, rows)
}

#[test]
fn markdown_export_has_the_seven_sections_and_tables() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["export", CHECKOUT]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("export_markdown", out);
    let (headings, rows) = parse_markdown(&out);
    let h2: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "Messages to stakeholders",
            "Monitoring context",
            "Communication timeline",
            "Contributing factors",
            "Technical analysis",
            "Follow-up actions",
            "Narrative"
        ]
    );
    let h1: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(h1, ["Checkout API errors after config push"]);
    // 5 timeline entries + 3 actions; metrics are one line each.
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert!(
        out.contains("- **checkout 5xx rate**: baseline 0.2 % → peak 38 % (190×)"),
        "{out}"
    );
    let timeline: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.len() == 5 && r[0].starts_with("2026-"))
        .collect();
    assert_eq!(timeline.len(), 5);
    // 14:02 UTC is 14:02 in London in March; the escaped pipe stays inside its cell.
    assert_eq!(timeline[0][0], "2026-03-12 14:02");
    assert_eq!(
        timeline[1][3],
        "Paged by the 5xx alert | on the phone. (on #inc-2417)"
    );
    assert_eq!(timeline[1][4], "detected");
    let actions: Vec<&Vec<String>> = rows.iter().filter(|r| r.len() == 8).collect();
    assert_eq!(actions.len(), 3);
    assert_eq!(actions[0][0], "A1");
    assert_eq!(
        &actions[1][2..],
        ["detect", "SRE", "2999-01-01", "medium", "in progress", ""]
    );
    assert!(out.contains("**Time to detect:** 7m"), "{out}");
    assert!(out.contains("**to mitigate:** 56m"), "{out}");
    assert!(out.contains("**to resolve:** 2h 28m"), "{out}");
}

#[test]
fn customer_export_holds_only_what_a_customer_may_read() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["export", CHECKOUT, "--audience", "customer"]);
    assert_eq!(code, 0, "{err}");
    for sentinel in SENTINELS {
        assert!(!out.contains(sentinel), "{sentinel} leaked:\n{out}");
    }
    assert!(out.contains("payments could fail"));
    assert!(out.contains("No card data was exposed."));
    assert!(out.contains("About a third of checkouts failed"));
    assert!(
        out.contains("2026-03-12 14:02 to 14:58 Europe/London (56m)"),
        "{out}"
    );
    for internal in ["Paged by", "rollback", "Linter fix", "checkout team", "SRE"] {
        assert!(!out.contains(internal), "{internal} leaked:\n{out}");
    }
    insta::assert_snapshot!("export_customer", out);
}

#[test]
fn json_export_is_the_incident_as_stored() {
    let f = fixture("good");
    let (code, out, _) = f.run(&["export", CHECKOUT, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["id"], CHECKOUT);
    assert_eq!(v["created_at"], "2026-03-13T09:30:00Z");
    assert_eq!(v["timeline"][2]["internal_only"], true);
    assert_eq!(v["actions"][0]["due"], "2001-03-26");
    assert_eq!(v["monitoring"]["metrics"][0]["peak"], 38.0);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["schema_version", "id", "title"]);
}

#[test]
fn export_to_a_file_writes_it_and_prints_nothing() {
    let f = fixture("good");
    let target = f.dir.parent().unwrap().join("retro.md");
    let (code, out, err) = f.run(&["export", DNS, "-o", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with("# DNS resolution failures in eu-west\n"),
        "{written}"
    );
    // An incident file given by path works too.
    let path = f.dir.join(format!("{DNS}.toml"));
    let (code, out, _) = f.run(&["export", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out, written);
}

#[test]
fn actions_lists_every_incident_s_actions_by_due_date() {
    let f = fixture("broken");
    let (code, out, err) = f.run(&["actions"]);
    assert_eq!(code, 0);
    assert!(err.contains("syntax-error.toml:3:"), "{err}");
    insta::assert_snapshot!("actions_table", out);
    let (_, out, _) = f.run(&["actions", "--overdue", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<(&str, &str)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["incident_id"].as_str().unwrap(),
                r["action_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(ids, [(DNS, "A1"), (CHECKOUT, "A1")]);
    assert!(rows[0]["overdue"].as_bool().unwrap());
    let (_, out, _) = f.run(&["actions", "--open", "--owner", "sre"]);
    assert!(
        out.contains("Alert on config pushes") && out.contains("Autoscale"),
        "{out}"
    );
    assert!(!out.contains("rollback drill"), "{out}");
}

#[test]
fn new_creates_an_incident_and_prints_its_path() {
    let f = fixture("good");
    let (code, out, err) = f.run(&[
        "new",
        "--title",
        "Queue backlog: payments",
        "--severity",
        "SEV1",
        "--started",
        "2026-04-01 23:30",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "[DIR]/2026-04-01-queue-backlog-payments.toml\n");
    let path = f.dir.join("2026-04-01-queue-backlog-payments.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("severity = \"SEV1\""), "{text}");
    assert!(text.contains("at = 2026-04-01T23:30:00Z"), "{text}");
    assert!(text.contains("milestone = \"impact_started\""), "{text}");
    // The same title again gets a numbered id; the folder still checks clean.
    let (_, out, _) = f.run(&[
        "new",
        "--title",
        "Queue backlog: payments",
        "--started",
        "2026-04-01T23:30:00Z",
    ]);
    assert!(
        out.trim()
            .ends_with("2026-04-01-queue-backlog-payments-2.toml"),
        "{out}"
    );
    let (code, out, _) = f.run(&["check"]);
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = f.run(&["new", "--title", "x", "--started", "noon"]);
    assert_eq!(code, 2);
    assert!(err.contains("--started"), "{err}");
}

#[test]
fn check_passes_good_files_and_locates_every_problem() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["check"]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let (code, _, _) = f.run(&["check", CHECKOUT]);
    assert_eq!(code, 0);

    let f = fixture("broken");
    let (code, out, _) = f.run(&["check"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("check_broken", out);

    let f = fixture("check");
    let (code, out, _) = f.run(&["check"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("check_rules", out);
    let (code, out, _) = f.run(&["check", "2026-02-09-missing"]);
    assert_eq!(code, 1);
    assert!(out.contains("no such incident or file"), "{out}");
}

#[test]
fn check_ready_reports_the_checklist_and_fails_when_not_ready() {
    let f = fixture("good");
    let (code, out, err) = f.run(&["check", "--ready"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, "0 of 2 incidents ready to publish\n");
    insta::assert_snapshot!("check_ready", out);

    // A complete retrospective (a built-in example, named by its path) is ready.
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/2026-09-03-order-placement-outage-after-database-disk-filled.toml");
    let (code, out, err) = f.run(&["check", "--ready", example.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "2026-09-03-order-placement-outage-after-database-disk-filled: ready to publish for SEV1 (critical)\n"
        ),
        "{out}"
    );
    assert_eq!(out.matches('✓').count(), 5, "{out}");
    assert_eq!(err, "1 of 1 incident ready to publish\n");

    // Files that cannot be read, and unknown ids, are not ready either.
    let f = fixture("broken");
    let (code, out, err) = f.run(&["check", "--ready", "2026-01-01-nothing", CHECKOUT]);
    assert_eq!(code, 1);
    assert!(
        err.contains("2026-01-01-nothing: no such incident or file"),
        "{err}"
    );
    assert!(out.starts_with(&format!("{CHECKOUT}: not ready")), "{out}");
    let (code, _, err) = f.run(&["check", "--ready"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown field `titel`"), "{err}");
}

#[test]
fn completions_and_help() {
    let f = fixture("good");
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = f.run(&["completions", shell]);
        assert_eq!(code, 0);
        assert!(out.contains("retro") && out.contains("export"), "{shell}");
    }
    for sub in [
        "list",
        "show",
        "export",
        "actions",
        "new",
        "check",
        "completions",
    ] {
        let (code, out, _) = f.run(&[sub, "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains("Examples:\n  retro"), "{sub}: {out}");
    }
    let (code, out, _) = f.run(&["--version"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("retro "), "{out}");
}

#[test]
fn list_ends_quietly_when_its_reader_stops_early() {
    use std::io::Read;
    use std::process::{Command as StdCommand, Stdio};

    let f = fixture("good");
    // Enough rows to fill a pipe's buffer, so that the writer meets the closed pipe.
    for n in 0..1500 {
        let id = format!("2026-01-01-incident-number-{n}");
        std::fs::write(
            f.dir.join(format!("{id}.toml")),
            format!("schema_version = 1\nid = \"{id}\"\ntitle = \"Incident number {n}\"\n"),
        )
        .unwrap();
    }
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_retro"))
        .env_remove("RETRO_DIR")
        .env("RETRO_CACHE_DIR", f.tmp.path().join("cache"))
        .arg("--dir")
        .arg(&f.dir)
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is closed here, like `retro list | head -c 64`.
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        first.starts_with(b"ID "),
        "{:?}",
        String::from_utf8_lossy(&first)
    );
    assert_eq!(err, "", "nothing on stderr");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn list_sees_a_file_changed_between_runs() {
    let f = fixture("good");
    let (code, first, _) = f.run(&["list"]);
    assert_eq!(code, 0);
    let (_, again, _) = f.run(&["list"]);
    assert_eq!(first, again);
    let path = f.dir.join(format!("{CHECKOUT}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title = \"", "title = \"Renamed: ", 1)).unwrap();
    let (_, changed, _) = f.run(&["list"]);
    assert!(changed.contains("Renamed: "), "{changed}");
}
