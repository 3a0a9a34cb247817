//! `retro import`: every reader on its fixtures (tests/fixtures/import), the genuine 2016
//! Slack export (../shared/data/slack-export), dedupe on a second import, and bad input.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const ID: &str = "2024-03-12-checkout-api-5xx";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// A temporary incidents folder holding the fixture incident.
struct Env {
    tmp: tempfile::TempDir,
    dir: PathBuf,
}

fn env() -> Env {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("incidents");
    std::fs::create_dir(&dir).unwrap();
    let name = format!("{ID}.toml");
    std::fs::copy(fixture("incidents").join(&name), dir.join(&name)).unwrap();
    Env { tmp, dir }
}

impl Env {
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_retro"))
            .env_remove("RETRO_DIR")
            .env("RETRO_CACHE_DIR", self.tmp.path().join("cache"))
            .arg("--dir")
            .arg(&self.dir)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// `retro import ID SOURCE --dry-run --format json EXTRA…`, parsed.
    fn dry(&self, source: &Path, extra: &[&str]) -> Vec<Value> {
        let source = source.to_str().unwrap();
        let mut args = vec!["import", ID, source, "--dry-run", "--format", "json"];
        args.extend_from_slice(extra);
        let (code, out, err) = self.run(&args);
        assert_eq!(code, 0, "{err}");
        let Value::Array(rows) = serde_json::from_str(&out).unwrap() else {
            panic!("not an array: {out}")
        };
        rows
    }

    fn file(&self) -> PathBuf {
        self.dir.join(format!("{ID}.toml"))
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.file()).unwrap()
    }
}

fn field<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key].as_str().unwrap_or("")
}

/// (at, actor, text) of each row.
fn triples(rows: &[Value]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|r| {
            (
                field(r, "at").into(),
                field(r, "actor").into(),
                field(r, "text").into(),
            )
        })
        .collect()
}

fn zip_folder(folder: &Path, zip_path: &Path, skip: &[&str]) {
    let file = std::fs::File::create(zip_path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![folder.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(folder)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        if skip.contains(&name.as_str()) {
            continue;
        }
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn slack_export_every_case() {
    let env = env();
    let rows = env.dry(&fixture("slack"), &["--channel", "inc-2417-checkout"]);
    let got = triples(&rows);
    let want: Vec<(&str, &str, &str)> = vec![
        (
            "2024-03-12T14:03:11Z",
            "PagerDuty",
            "Triggered #2417: checkout-api 5xx ratio > 5%",
        ),
        (
            "2024-03-12T14:05:30Z",
            "priya",
            "Declaring SEV2. I'm IC. @Marco R. can you check what shipped to checkout in the last two hours? @here",
        ),
        (
            "2024-03-12T14:06:12Z",
            "Marco R.",
            "Config push `pool_size 200 -> 20` went out at 13:58 UTC, see change 8812 (https://deploys.example/c/8812?a=1&b=2)",
        ),
        (
            "2024-03-12T14:06:40Z",
            "priya",
            "Paging payments SME :pager:",
        ),
        ("2024-03-12T14:06:40Z", "sam.k", "I'm here & looking"),
        (
            "2024-03-12T14:07:30Z",
            "Former Contractor",
            "Old dashboards are in #random",
        ),
        (
            "2024-03-12T14:08:20Z",
            "Marco R.",
            "Graph of the spike [file: error-rate.png]",
        ),
        (
            "2024-03-12T23:59:58Z",
            "priya",
            "Still watching, quiet so far",
        ),
        (
            "2024-03-13T00:00:03Z",
            "priya",
            "Midnight UTC and still quiet",
        ),
        (
            "2024-03-13T00:01:40Z",
            "Datadog",
            "Monitor recovered: checkout 5xx",
        ),
        (
            "2024-03-13T07:30:00Z",
            "Marco R.",
            "Follow-up: rollback verified in all regions",
        ),
        (
            "2024-03-13T07:45:00Z",
            "PagerDuty",
            "Resolved #2417: checkout-api 5xx ratio > 5%",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .into_iter()
        .map(|(a, b, c)| (a.into(), b.into(), c.into()))
        .collect();
    assert_eq!(got, want);
    // Roles from profile titles, kinds, channel, source ids.
    assert_eq!(field(&rows[1], "role"), "Incident commander");
    assert_eq!(field(&rows[2], "role"), "Backend");
    assert_eq!(field(&rows[0], "kind"), "bot");
    assert_eq!(field(&rows[1], "kind"), "human");
    assert!(
        rows.iter()
            .all(|r| field(r, "channel") == "#inc-2417-checkout")
    );
    assert_eq!(
        field(&rows[3], "source"),
        "slack:C06INC2417:1710252400.000100"
    );
    assert_eq!(
        field(&rows[4], "source"),
        "slack:C06INC2417:1710252400.000200"
    );

    // The same export zipped reads the same.
    let zip = env.tmp.path().join("export.zip");
    zip_folder(&fixture("slack"), &zip, &[]);
    assert_eq!(env.dry(&zip, &["--channel", "#inc-2417-checkout"]), rows);
    // --no-bots, --since/--until (in the incident's zone, Europe/Berlin = UTC+1).
    let humans = env.dry(&zip, &["--channel", "inc-2417-checkout", "--no-bots"]);
    assert_eq!(humans.len(), 9);
    let window = env.dry(
        &zip,
        &[
            "--channel",
            "inc-2417-checkout",
            "--since",
            "15:06",
            "--until",
            "2024-03-12 15:08",
        ],
    );
    assert_eq!(window.len(), 4, "{window:?}");
}

#[test]
fn slack_channel_must_exist_and_be_chosen() {
    let env = env();
    let before = env.text();
    let slack = fixture("slack");
    let (code, _, err) = env.run(&["import", ID, slack.to_str().unwrap(), "--channel", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no channel #nope") && err.contains("#inc-2417-checkout, #random"),
        "{err}"
    );
    let (code, _, err) = env.run(&["import", ID, slack.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("choose one with --channel"), "{err}");
    assert_eq!(env.text(), before);
}

#[test]
fn importing_twice_adds_nothing_the_second_time() {
    let env = env();
    let slack = fixture("slack");
    let args = [
        "import",
        ID,
        slack.to_str().unwrap(),
        "--channel",
        "inc-2417-checkout",
    ];
    let (code, out, err) = env.run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Added 12 entries"), "{out}");
    assert!(out.contains("2 joins and leaves"), "{out}");
    let once = env.text();
    assert!(once.contains("source = \"slack:C06INC2417:1710252330.000400\""));
    let (code, out, _) = env.run(&args);
    assert_eq!(code, 0);
    assert!(out.starts_with("Added 0 entries"), "{out}");
    assert!(out.contains("12 already in the incident"), "{out}");
    assert_eq!(env.text(), once, "nothing rewritten");
    // The file is still valid, sorted, and keeps the hand-typed entry first.
    let (code, out, err) = env.run(&["check", ID]);
    assert_eq!(code, 0, "{out}{err}");
    let first = once.find("Config change 8812").unwrap();
    assert!(first < once.find("Triggered #2417").unwrap());
}

#[test]
fn pagerduty_triggers_and_resolves_set_key_moments() {
    let env = env();
    let rows = env.dry(&fixture("pagerduty.json"), &[]);
    let texts: Vec<&str> = rows.iter().map(|r| field(r, "text")).collect();
    assert_eq!(
        texts,
        [
            "Triggered: checkout-api 5xx ratio > 5%",
            "Acknowledged by Priya N.",
            "Escalated to level 2 by Priya N.",
            "Note: Reverting pool_size config",
            "Resolved by Priya N.",
        ]
    );
    assert_eq!(field(&rows[0], "milestone"), "detected");
    assert_eq!(field(&rows[0], "kind"), "bot");
    assert_eq!(field(&rows[0], "actor"), "checkout-api");
    assert_eq!(field(&rows[4], "milestone"), "resolved");
    assert_eq!(field(&rows[4], "at"), "2024-03-12T14:58:20Z");
    assert!(rows[1]["channel"].is_null());
    let (code, out, err) = env.run(&["import", ID, fixture("pagerduty.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Added 5 entries"), "{out}");
    let text = env.text();
    assert!(text.contains("milestone = \"detected\""));
    assert!(text.contains("milestone = \"resolved\""));
}

#[test]
fn pasted_text_crosses_midnight_in_the_incidents_zone() {
    let env = env();
    // The incident's zone is Europe/Berlin (UTC+1 in March), its start 2024-03-12.
    let rows = env.dry(&fixture("paste.txt"), &[]);
    assert_eq!(
        triples(&rows),
        vec![
            (
                "2024-03-12T22:58:00Z".into(),
                "Priya N.".into(),
                "Still seeing errors on the EU shard\nand the US one too".into()
            ),
            (
                "2024-03-12T22:59:00Z".into(),
                "Marco R.".into(),
                "rolling back now".into()
            ),
            (
                "2024-03-12T23:03:00Z".into(),
                "Priya N.".into(),
                "error rate back to normal".into()
            ),
            (
                "2024-03-12T23:04:00Z".into(),
                "Checkout".into(),
                "Monitor recovered: checkout 5xx".into()
            ),
        ]
    );
    assert_eq!(field(&rows[3], "kind"), "bot");
    // --date and --tz say otherwise.
    let rows = env.dry(
        &fixture("paste.txt"),
        &["--date", "2024-04-01", "--tz", "UTC"],
    );
    assert_eq!(field(&rows[0], "at"), "2024-04-01T23:58:00Z");
    assert_eq!(field(&rows[2], "at"), "2024-04-02T00:03:00Z");
}

#[test]
fn one_moment_in_three_zones() {
    // 14:05:30 UTC, written in New York (weechat, EDT), UTC (plain IRC) and Kolkata (paste).
    let env = env();
    let weechat = env.dry(
        &fixture("irc.libera.#inc-2417.weechatlog"),
        &["--tz", "America/New_York"],
    );
    let irc = env.dry(&fixture("irc.log"), &[]);
    let paste = env.tmp.path().join("kolkata.txt");
    std::fs::write(&paste, "19:35:30 Priya N.: Declaring SEV2\n").unwrap();
    let kolkata = env.dry(&paste, &["--tz", "Asia/Kolkata", "--date", "2024-03-12"]);
    for rows in [&weechat, &irc, &kolkata] {
        assert_eq!(field(&rows[0], "at"), "2024-03-12T14:05:30Z", "{rows:?}");
    }
}

#[test]
fn irc_logs_skip_joins_and_keep_actions() {
    let env = env();
    let rows = env.dry(&fixture("irc.log"), &[]);
    assert_eq!(
        triples(&rows),
        vec![
            (
                "2024-03-12T14:05:30Z".into(),
                "priya".into(),
                "Declaring SEV2".into()
            ),
            (
                "2024-03-12T14:05:31Z".into(),
                "marco".into(),
                "looks at the deploy log".into()
            ),
            (
                "2024-03-12T14:06:00Z".into(),
                "marco".into(),
                "found it: pool_size 200 -> 20".into()
            ),
            (
                "2024-03-12T23:59:59Z".into(),
                "priya".into(),
                "still quiet".into()
            ),
            (
                "2024-03-13T00:00:01Z".into(),
                "priya".into(),
                "new day".into()
            ),
        ]
    );
    let weechat = env.dry(&fixture("irc.libera.#inc-2417.weechatlog"), &[]);
    assert_eq!(weechat.len(), 2, "{weechat:?}");
    assert_eq!(field(&weechat[1], "text"), "checks the deploys");
    assert_eq!(field(&weechat[0], "channel"), "#inc-2417");
    let irssi = env.dry(&fixture("irssi.log"), &[]);
    assert_eq!(
        triples(&irssi),
        vec![
            (
                "2024-03-12T14:05:00Z".into(),
                "priya".into(),
                "irssi says hi".into()
            ),
            (
                "2024-03-13T00:01:00Z".into(),
                "marco".into(),
                "after midnight".into()
            ),
        ]
    );
}

#[test]
fn teams_html_mentions_replies_and_system_events() {
    let env = env();
    let rows = env.dry(&fixture("teams.json"), &[]);
    assert_eq!(
        triples(&rows),
        vec![
            (
                "2024-03-12T14:05:30Z".into(),
                "Priya N.".into(),
                "Declaring SEV2. I'm IC. @Marco R. can you check recent checkout deploys?\nGraph: 5xx & logs".into()
            ),
            ("2024-03-12T14:06:40Z".into(), "unknown user".into(), "Seen it too.".into()),
            (
                "2024-03-12T14:09:45Z".into(),
                "Marco R.".into(),
                "Config push pool_size 200 -> 20 at 13:58 UTC. Reverting now.".into()
            ),
            ("2024-03-12T14:13:20Z".into(), "PagerDuty".into(), "Resolved: checkout-api 5xx ratio > 5%".into()),
        ]
    );
    assert_eq!(field(&rows[3], "kind"), "bot");
    assert_eq!(field(&rows[2], "source"), "teams:1710252585000");
}

#[test]
fn mattermost_replies_bots_and_other_channels() {
    let env = env();
    let rows = env.dry(
        &fixture("mattermost.jsonl"),
        &["--channel", "inc-2417-checkout"],
    );
    assert_eq!(
        triples(&rows),
        vec![
            (
                "2024-03-12T14:05:30Z".into(),
                "priya".into(),
                "Declaring SEV2. I'm IC. @marco can you check what shipped to checkout in the last hour?".into()
            ),
            ("2024-03-12T14:06:12Z".into(), "marco".into(), "Config push pool_size 200 -> 20 went out at 13:58 UTC".into()),
            ("2024-03-12T14:09:45Z".into(), "marco".into(), "Reverting now".into()),
            ("2024-03-12T14:22:10Z".into(), "priya".into(), "5xx back under 0.1% since 14:21. Monitoring for 30 min.".into()),
            ("2024-03-12T14:58:20Z".into(), "PagerDuty".into(), "Resolved #2417: checkout-api 5xx ratio > 5%".into()),
        ]
    );
    assert_eq!(field(&rows[0], "role"), "Incident commander");
    assert_eq!(field(&rows[4], "kind"), "bot");
    let (code, _, err) = env.run(&[
        "import",
        ID,
        fixture("mattermost.jsonl").to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("#inc-2417-checkout, #town-square"), "{err}");
}

#[test]
fn statuspage_updates_go_to_messages_to_stakeholders() {
    let env = env();
    let rows = env.dry(&fixture("statuspage.json"), &[]);
    let statuses: Vec<&str> = rows.iter().map(|r| field(r, "status")).collect();
    assert_eq!(statuses, ["investigating", "monitoring", "resolved"]);
    assert_eq!(field(&rows[0], "at"), "2024-03-12T14:09:45Z");
    let (code, out, err) = env.run(&["import", ID, fixture("statuspage.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Added 3 customer updates"), "{out}");
    let text = env.text();
    assert_eq!(text.matches("[[stakeholders.updates]]").count(), 3);
    assert!(!text.contains(
        "We are investigating.\"\nsource = \"statuspage:u1\"\n\n[[timeline]]\nat = 2024-03-12T14:09"
    ));
    let (code, out, err) = env.run(&["check", ID]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, out, _) = env.run(&["import", ID, fixture("statuspage.json").to_str().unwrap()]);
    assert!(out.contains("Added 0"), "{out}");
    // Show and both exports list them in the incident's zone (Europe/Berlin).
    let line = "2024-03-12 15:09:45 (investigating) Some customers cannot complete checkout.";
    let (_, shown, _) = env.run(&["show", ID]);
    assert!(shown.contains("Updates sent to customers"), "{shown}");
    assert!(shown.contains(line), "{shown}");
    let (_, customer, _) = env.run(&["export", ID, "--audience", "customer"]);
    assert!(customer.contains("## Updates we posted"), "{customer}");
    assert!(customer.contains(&format!("- {line}")), "{customer}");
    let (_, internal, _) = env.run(&["export", ID]);
    assert!(
        internal.contains("### Updates sent to customers"),
        "{internal}"
    );
}

/// Every non-join message of the genuine export, read independently with serde_json.
fn genuine_expected(zip_path: &Path, channel: &str) -> Vec<(String, String, String)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(zip_path).unwrap()).unwrap();
    let mut read = |name: &str| -> Value {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let users = read("users.json");
    let mut names = HashMap::new();
    for u in users.as_array().unwrap() {
        let p = &u["profile"];
        let pick = [
            &p["display_name"],
            &p["real_name"],
            &u["real_name"],
            &u["name"],
        ]
        .into_iter()
        .filter_map(|v| v.as_str())
        .find(|s| !s.is_empty())
        .unwrap();
        names.insert(u["id"].as_str().unwrap().to_string(), pick.to_string());
    }
    let mut files: Vec<String> = zip
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .filter(|n| n.starts_with(&format!("{channel}/")) && n.ends_with(".json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let mut text = String::new();
        zip.by_name(&file)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        let day: Value = serde_json::from_str(&text).unwrap();
        for m in day.as_array().unwrap() {
            if m["subtype"] == "channel_join" {
                continue;
            }
            let secs: i64 = m["ts"]
                .as_str()
                .unwrap()
                .split('.')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let at = jiff::Timestamp::from_second(secs).unwrap().to_string();
            let user = m["user"].as_str().or(m["comment"]["user"].as_str());
            let actor = match (m["subtype"].as_str(), user) {
                (Some("bot_message"), _) => "github".to_string(),
                (_, Some(id)) => names[id].clone(),
                _ => panic!("no author: {m}"),
            };
            out.push((at, actor, m["ts"].as_str().unwrap().to_string()));
        }
    }
    out
}

#[test]
fn the_genuine_slack_export_every_non_join_message_once() {
    let zip = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/slack-export/testarchive.zip");
    let zip = if zip.exists() {
        zip
    } else {
        PathBuf::from("/work/shared/data/slack-export/testarchive.zip")
    };
    if !zip.exists() {
        eprintln!("the genuine export is not on this machine; skipped");
        return;
    }
    let env = env();
    let mut total = 0;
    for (channel, id, count) in [
        ("enrique", "C0JGLMMNX", 98),
        ("traveling-sailor", "C0JL6CGQ2", 52),
    ] {
        let rows = env.dry(&zip, &["--channel", channel]);
        let got: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| {
                let source = field(r, "source");
                let ts = source
                    .strip_prefix(&format!("slack:{id}:"))
                    .unwrap_or(source);
                (
                    field(r, "at").to_string(),
                    field(r, "actor").to_string(),
                    ts.to_string(),
                )
            })
            .collect();
        let mut want = genuine_expected(&zip, channel);
        want.sort_by(|a, b| a.2.cmp(&b.2));
        assert_eq!(got.len(), count, "{channel}");
        assert_eq!(got, want, "{channel}");
        assert!(
            rows.iter().all(|r| !field(r, "text").is_empty()),
            "{channel}: an empty text"
        );
        total += rows.len();
    }
    // 158 messages, 8 of them joins.
    assert_eq!(total, 150);
    // Markup is resolved: mentions by name, links without angle brackets.
    let rows = env.dry(&zip, &["--channel", "enrique"]);
    assert_eq!(
        field(&rows[0], "text"),
        "@abilinski: Created an issue for a setup.py so that it can be installed to a standard place"
    );
    assert!(rows.iter().all(|r| !field(r, "text").contains("<http")));
}

#[test]
fn bad_input_is_one_clear_line_exit_2_and_the_incident_untouched() {
    let env = env();
    let before = std::fs::read(env.file()).unwrap();
    let tmp = env.tmp.path();
    let good_zip = tmp.join("good.zip");
    zip_folder(&fixture("slack"), &good_zip, &[]);
    let bytes = std::fs::read(&good_zip).unwrap();
    std::fs::write(tmp.join("truncated.zip"), &bytes[..bytes.len() / 2]).unwrap();
    zip_folder(
        &fixture("slack"),
        &tmp.join("nochannels.zip"),
        &["channels.json"],
    );
    std::fs::write(tmp.join("empty.json"), b"").unwrap();
    std::fs::write(
        tmp.join("garbage.bin"),
        [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0xff, 0xfe],
    )
    .unwrap();
    std::fs::write(tmp.join("latin1.txt"), b"14:05 Jos\xe9: hola\n").unwrap();
    // A day file that is not JSON, inside a ZIP.
    let broken_day = tmp.join("broken-day");
    std::fs::create_dir_all(broken_day.join("inc-2417-checkout")).unwrap();
    for f in ["channels.json", "users.json"] {
        std::fs::copy(fixture("slack").join(f), broken_day.join(f)).unwrap();
    }
    std::fs::write(
        broken_day.join("inc-2417-checkout/2024-03-12.json"),
        "[{\"ts\": \"1\",}]",
    )
    .unwrap();
    zip_folder(&broken_day, &tmp.join("broken-day.zip"), &[]);
    let cases: Vec<(PathBuf, &[&str], &str)> = vec![
        (
            tmp.join("truncated.zip"),
            &[],
            "truncated.zip: not a readable ZIP file",
        ),
        (
            tmp.join("nochannels.zip"),
            &[],
            "nochannels.zip: no channels.json in the ZIP",
        ),
        (
            fixture("invalid.json"),
            &[],
            "invalid.json:2:21: invalid JSON",
        ),
        (
            tmp.join("empty.json"),
            &[],
            "empty.json: the file is empty (0 bytes)",
        ),
        (tmp.join("garbage.bin"), &[], "garbage.bin:1:7: binary data"),
        (tmp.join("latin1.txt"), &[], "latin1.txt:1:10: binary data"),
        (
            tmp.join("missing.zip"),
            &[],
            "missing.zip: no such file or folder",
        ),
        (
            tmp.join("broken-day.zip"),
            &["--channel", "inc-2417-checkout"],
            "broken-day.zip:inc-2417-checkout/2024-03-12.json:1:13: invalid JSON: trailing comma",
        ),
        (
            fixture("pagerduty.json"),
            &["--from", "teams"],
            "pagerduty.json:",
        ),
    ];
    for (path, extra, want) in cases {
        for dry in [false, true] {
            let mut args = vec!["import", ID, path.to_str().unwrap()];
            args.extend_from_slice(extra);
            if dry {
                args.push("--dry-run");
            }
            let (code, out, err) = env.run(&args);
            assert_eq!(code, 2, "{path:?}: {out}{err}");
            assert_eq!(err.lines().count(), 1, "one line: {err}");
            assert!(err.contains(want), "{path:?}: want {want:?} in {err:?}");
            assert!(out.is_empty(), "{out}");
            assert_eq!(
                std::fs::read(env.file()).unwrap(),
                before,
                "{path:?} changed the incident"
            );
        }
    }
}

#[test]
fn a_date_alone_is_the_whole_day() {
    let env = env();
    let slack = fixture("slack");
    let all = env.dry(
        &slack,
        &["--channel", "inc-2417-checkout", "--since", "2024-03-13"],
    );
    // The 13th in Berlin starts at 23:00 UTC on the 12th.
    assert_eq!(field(&all[0], "at"), "2024-03-12T23:59:58Z");
    let day = env.dry(
        &slack,
        &["--channel", "inc-2417-checkout", "--until", "2024-03-12"],
    );
    assert_eq!(field(day.last().unwrap(), "at"), "2024-03-12T14:08:20Z");
}

#[test]
fn an_incident_open_elsewhere_or_a_bad_option_changes_nothing() {
    let env = env();
    let before = env.text();
    let store = retro::storage::Store::open(&env.dir).unwrap();
    let lock = store.lock(ID).unwrap();
    let pd = fixture("pagerduty.json");
    let (code, _, err) = env.run(&["import", ID, pd.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains(ID) && err.lines().count() == 1, "{err}");
    // A dry run only reads.
    let (code, _, _) = env.run(&["import", ID, pd.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code, 0);
    drop(lock);
    for bad in [
        vec!["--tz", "Mars/Base"],
        vec!["--since", "yesterday"],
        vec!["--from", "fax"],
    ] {
        let mut args = vec!["import", ID, pd.to_str().unwrap()];
        args.extend(bad.iter().copied());
        let (code, _, err) = env.run(&args);
        assert_eq!(code, 2, "{bad:?}: {err}");
    }
    let (code, _, err) = env.run(&[
        "import",
        "2024-03-12-no-such-incident",
        pd.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(env.text(), before);
}
