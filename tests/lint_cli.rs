//! `retro lint` through the real binary: output formats, locations and exit codes.
//!
//! Fixture `tests/fixtures/cli/lint` holds one incident with findings in many kinds of field
//! (a `"""` string with escapes and a line-ending backslash, an array, a timeline entry, a
//! factor) plus `[lint]` words and an ignore, and one clean incident.

use assert_cmd::Command;

const FINDINGS: &str = "2026-04-02-search-timeouts-after-index-rebuild";
const CLEAN: &str = "2026-04-03-clean-retrospective";

#[path = "common/cli.rs"]
mod cli_fixture;

use cli_fixture::fixture;

#[test]
fn text_output_locates_each_finding_and_exits_1() {
    let f = fixture("lint");
    let (code, out, err) = f.run(&["lint"]);
    assert_eq!(code, 1, "{err}");
    // Blame and style (wording advice: root cause, postmortem) are counted apart.
    assert_eq!(
        err,
        "7 findings (5 blame, 2 style) in 1 of 2 files linted\n"
    );
    insta::assert_snapshot!("lint_text", out);
    // Inside a """ string, after an escaped quote and a line-ending backslash.
    assert!(
        out.contains(&format!(
            "[DIR]/{FINDINGS}.toml:23:34: counterfactual: \"should have checked\""
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "[DIR]/{FINDINGS}.toml:24:20: counterfactual: \"ignored\""
        )),
        "{out}"
    );
    // The ignored rule and the neutral sentences stay quiet.
    assert!(!out.contains("should add"), "{out}");
    assert!(!out.contains("failed to show"), "{out}");
    assert!(!out.contains("didn't get"), "{out}");
}

#[test]
fn json_output_has_stable_fields() {
    let f = fixture("lint");
    let (code, out, _) = f.run(&["lint", FINDINGS, "--format", "json"]);
    assert_eq!(code, 1);
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let keys: Vec<&String> = rows[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "file",
            "field",
            "line",
            "column",
            "rule",
            "kind",
            "text",
            "reason",
            "suggestion"
        ]
    );
    let factor = rows
        .iter()
        .find(|r| r["rule"] == "factor-is-person")
        .unwrap();
    assert_eq!(factor["field"], "factors[0].description");
    assert_eq!(factor["text"], "The new hire");
    assert_eq!(factor["line"], 46);
    let why = rows.iter().find(|r| r["rule"] == "human-error").unwrap();
    assert_eq!(why["field"], "factors[0].whys[0]");
    let root = rows.iter().find(|r| r["rule"] == "root-cause").unwrap();
    assert_eq!(root["field"], "stakeholders.reassurances[1]");
    assert_eq!(root["suggestion"], "\"contributing factors\"");
    assert_eq!(root["kind"], "style");
    assert_eq!(why["kind"], "blame");
    let kinds = |k: &str| rows.iter().filter(|r| r["kind"] == k).count();
    assert_eq!((kinds("blame"), kinds("style")), (5, 2));
    insta::assert_snapshot!("lint_json", out);
}

#[test]
fn clean_files_exit_0() {
    let f = fixture("lint");
    let (code, out, err) = f.run(&["lint", CLEAN]);
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert_eq!(err, "1 file linted, no findings\n");
    let (code, out, _) = f.run(&["lint", CLEAN, "--format", "json"]);
    assert_eq!((code, out.as_str()), (0, "[]\n"));
    // The built-in examples are written blamelessly.
    let tmp = tempfile::tempdir().unwrap();
    retro::demo::write_examples(tmp.path()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_retro"))
        .arg("--dir")
        .arg(tmp.path())
        .arg("lint")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn files_by_path_and_unreadable_files() {
    let f = fixture("lint");
    let path = f.dir.join(format!("{FINDINGS}.toml"));
    let (code, out, _) = f.run(&["lint", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 7);
    // A missing target or a broken file is an error (exit 2); the others are still linted.
    let (code, out, err) = f.run(&["lint", CLEAN, "2026-01-01-missing"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("2026-01-01-missing: no such incident or file"),
        "{err}"
    );
    let f = fixture("broken");
    let (code, _, err) = f.run(&["lint"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("[DIR]/2026-01-06-unknown-key.toml:3:1: unknown field `titel`"),
        "{err}"
    );
    assert!(
        err.contains("[DIR]/2026-01-05-syntax-error.toml:3:"),
        "{err}"
    );
}

#[test]
fn help_has_examples() {
    let f = fixture("lint");
    let (code, out, _) = f.run(&["lint", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:\n  retro lint"), "{out}");
    assert!(out.contains("--format <FORMAT>"), "{out}");
    let (code, _, err) = f.run(&["lint", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("text, json"), "{err}");
}
