//! The folder-wide commands through the real binary: `retro lint` and `retro actions` keep
//! per-file results in the cache beside the list's, use them for unchanged files only, ignore
//! them when the lint rules differ, and print the same output, in the same order, whether
//! results come from the cache or from files read in parallel.
//!
//! The cache keeps only files left alone for two seconds (file times are coarse), so the tests
//! wait that long once after writing their files.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "common/cli.rs"]
mod cli_fixture;

use cli_fixture::{Fixture, fixture};

/// Long enough for freshly written files to count as settled.
const SETTLE: Duration = Duration::from_millis(2300);

/// The single cache file of `kind` in the fixture's cache folder.
fn cache_of(f: &Fixture, kind: &str) -> PathBuf {
    let dir = f.tmp.path().join("cache").join(kind);
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "`{from}` not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Appends a comment to an incident file: a new version with the same findings and lines.
fn touch(f: &Fixture, id: &str) {
    let path = f.dir.join(format!("{id}.toml"));
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("# edited\n");
    fs::write(path, text).unwrap();
}

const FINDINGS: &str = "2026-04-02-search-timeouts-after-index-rebuild";

#[test]
fn lint_uses_its_cache_for_unchanged_files_only() {
    let f = fixture("lint");
    std::thread::sleep(SETTLE);
    let first = f.run(&["lint"]);
    assert_eq!(first.0, 1, "{}", first.2);
    let cache = cache_of(&f, "lint");

    // Tamper with a cached reason: the second run prints it, so it came from the cache.
    edit(&cache, "judges Dave with hindsight", "FROM THE CACHE");
    let second = f.run(&["lint"]);
    assert!(second.1.contains("FROM THE CACHE"), "{}", second.1);
    assert_eq!(second.1.lines().count(), first.1.lines().count());

    // A changed file is linted again.
    touch(&f, FINDINGS);
    let third = f.run(&["lint"]);
    assert_eq!(third, first);
}

#[test]
fn lint_results_of_other_rules_are_not_used() {
    let f = fixture("lint");
    std::thread::sleep(SETTLE);
    let first = f.run(&["lint"]);
    let cache = cache_of(&f, "lint");
    edit(&cache, "judges Dave with hindsight", "FROM THE CACHE");
    // The header names the rules' fingerprint: a cache written by other rules is ignored
    // and rebuilt.
    let text = fs::read_to_string(&cache).unwrap();
    let header = text.lines().next().unwrap();
    let tag = header
        .split(' ')
        .find(|w| w.starts_with("rules-"))
        .unwrap_or_else(|| panic!("no rules tag in {header}"));
    edit(&cache, tag, "rules-0123456789abcdef");
    assert_eq!(f.run(&["lint"]), first);
    let rebuilt = fs::read_to_string(&cache).unwrap();
    assert!(rebuilt.starts_with(header), "{rebuilt}");
    assert!(!rebuilt.contains("FROM THE CACHE"));
}

#[test]
fn actions_use_their_cache_for_unchanged_files_only() {
    let f = fixture("good");
    std::thread::sleep(SETTLE);
    let first = f.run(&["actions"]);
    assert_eq!(first.0, 0, "{}", first.2);
    let cache = cache_of(&f, "actions");
    let text = fs::read_to_string(&cache).unwrap();
    let title = first
        .1
        .lines()
        .nth(1)
        .and_then(|l| l.split("  ").filter(|c| !c.is_empty()).last())
        .unwrap()
        .trim()
        .to_string();
    assert!(text.contains(&title), "{title} not in {text}");
    edit(&cache, &title, "From the cache");
    let second = f.run(&["actions"]);
    assert!(second.1.contains("From the cache"), "{}", second.1);

    // Every file changed: all read again.
    for entry in fs::read_dir(&f.dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        touch(&f, name.trim_end_matches(".toml"));
    }
    assert_eq!(f.run(&["actions"]), first);
}

/// A folder of `n` incidents with findings, actions and dates out of name order.
fn many(n: usize) -> Fixture {
    let f = fixture("good");
    for i in 0..n {
        let id = format!(
            "2026-{:02}-{:02}-incident-{i}",
            1 + i % 12,
            1 + (i * 7) % 28
        );
        let text = format!(
            "schema_version = 1\nid = \"{id}\"\ntitle = \"Incident {i}\"\n\
             participants = [\"Dave\"]\n\n\
             [narrative]\ntext = \"The engineer should have checked the {i} dashboards.\"\n\n\
             [[timeline]]\nat = 2025-{:02}-{:02}T10:00:00Z\ntext = \"Started.\"\n\
             milestone = \"impact_started\"\n\n\
             [[actions]]\nid = \"A1\"\ntitle = \"Add an alert for queue {i}\"\n\
             owner = \"team {}\"\ndue = 2026-{:02}-{:02}\n\n\
             [[actions]]\nid = \"A2\"\ntitle = \"Page the owner of queue {i}\"\n\
             status = \"in_progress\"\n",
            1 + (i * 5) % 12,
            1 + i % 28,
            i % 3,
            1 + (i * 11) % 12,
            1 + i % 28,
        );
        fs::write(f.dir.join(format!("{id}.toml")), text).unwrap();
    }
    // One with a shape the fast reader leaves to the full parser, one broken.
    fs::write(
        f.dir.join("2026-06-06-inline.toml"),
        "schema_version = 1\nid = \"2026-06-06-inline\"\ntitle = \"Inline\"\n\
         actions = [{ id = \"A1\", title = \"Rotate the keys\", due = 2026-01-02 }]\n",
    )
    .unwrap();
    fs::write(f.dir.join("2026-06-07-broken.toml"), "title = [\n").unwrap();
    f
}

#[test]
fn output_is_the_same_from_files_in_parallel_and_from_the_cache() {
    let f = many(700);
    let cold: Vec<_> = [
        &["lint"][..],
        &["lint", "--format", "json"],
        &["actions"],
        &["actions", "--open", "--format", "json"],
        &["list"],
        &["list", "--format", "json"],
    ]
    .iter()
    .map(|args| {
        let _ = fs::remove_dir_all(f.tmp.path().join("cache"));
        (args.to_vec(), f.run(args))
    })
    .collect();
    std::thread::sleep(SETTLE);
    for (args, expected) in &cold {
        let _ = fs::remove_dir_all(f.tmp.path().join("cache"));
        let first = f.run(args);
        assert_eq!(&first, expected, "{args:?}: a second run over fresh files");
        let second = f.run(args);
        assert_eq!(&second, expected, "{args:?}: with the cache filled");
    }

    // Lint output in file-name order, each file's findings together.
    let lint = &cold[0].1.1;
    let files: Vec<&str> = lint.lines().map(|l| l.split(':').next().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    let mut linted = files.clone();
    linted.dedup();
    assert!(
        linted.iter().filter(|f| f.contains("-incident-")).count() == 700,
        "{lint}"
    );
    assert!(
        cold[0].1.2.contains("2026-06-07-broken.toml:"),
        "{}",
        cold[0].1.2
    );

    // Actions by due date, then incident, then action id.
    let json: serde_json::Value = serde_json::from_str(&cold[3].1.1).unwrap();
    let rows = json.as_array().unwrap();
    let generated = rows
        .iter()
        .filter(|r| r["incident_id"].as_str().unwrap().contains("-incident-"))
        .count();
    assert_eq!(generated, 2 * 700);
    let keys: Vec<(bool, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r["due"].is_null(),
                r["due"].as_str().unwrap_or("").to_string(),
                r["incident_id"].as_str().unwrap().to_string(),
                r["action_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(rows.iter().any(|r| r["title"] == "Rotate the keys"));

    // The list newest first by the day impact started, not by file name.
    let json: serde_json::Value = serde_json::from_str(&cold[5].1.1).unwrap();
    let started: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["started"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = started.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(started, sorted);
    assert_eq!(started.len(), 700 + 2 + 1);
}
