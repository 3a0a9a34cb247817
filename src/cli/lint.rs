//! `retro lint`: blaming and hindsight wording in incident files, located by line and column.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::config::LintConfig;
use crate::lint::locate::{Lines, Locator};
use crate::lint::{Finding, Kind, lint_incident};
use crate::storage::file_cache::{self, Cache, Scratch};
use crate::storage::lint_fast::lint_view;
use crate::storage::{StoreError, parse_incident};

use super::Context;
use super::files::{incident_files, located};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro lint
  retro lint 2026-03-12-checkout-api-errors-after-config-push
  retro lint incidents/*.toml --format json

Prints file:line:column: rule: message for each finding: the words, why they read as blame,
and which way to rewrite them. Blame rules: blame-word, human-error, counterfactual,
person-failure, punishment, factor-is-person, custom-word; style rules (wording advice,
counted apart): root-cause, postmortem. Switch a rule off for
one field under [lint.ignore] in the file, add words under [lint] words.
Exit status: 0 when clean, 1 when there are findings, 2 when a file cannot be read.";

/// How findings are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    /// `file:line:column: rule: message`, one per line.
    #[default]
    Text,
    /// An array of objects: file, field, line, column, rule, kind (`blame` or `style`), text,
    /// reason, suggestion.
    Json,
}

/// Options of `retro lint`.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Incidents (ids, starts of ids, or title words) or file paths; every incident of the
    /// folder when none is given.
    #[arg(value_name = "ID|FILE")]
    pub targets: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
}

pub(crate) fn run(args: &LintArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let settings = &ctx.config.config.lint;
    let mut paths = Vec::new();
    let mut errors = 0usize;
    let mut targets = Vec::new();
    for target in &args.targets {
        match super::files::resolve_target(target, ctx) {
            Ok(path) => targets.push(path),
            Err(why) => {
                eprintln!("{why}");
                errors += 1;
            }
        }
    }
    // Text lines are written as findings come (one buffer, printed at the end); JSON rows
    // are kept for the array.
    let mut text = Vec::new();
    let mut rows = Vec::new();
    let (mut found_count, mut style, mut files_with_findings) = (0usize, 0usize, 0usize);
    let format = args.format;
    let mut take = |path: &Path, outcome: Outcome| match outcome.findings(path) {
        Ok(found) => {
            files_with_findings += usize::from(!found.is_empty());
            found_count += found.len();
            style += found
                .iter()
                .filter(|(_, _, f)| f.kind() == Kind::Style)
                .count();
            match format {
                LintFormat::Text => super::lint_print::text(&mut text, path, &found),
                LintFormat::Json => rows.extend(
                    found
                        .iter()
                        .map(|(line, column, f)| json_row(path, *line, *column, f)),
                ),
            }
        }
        Err(message) => {
            eprintln!("{}", crate::sanitize::for_terminal(&message));
            errors += 1;
        }
    };
    if args.targets.is_empty() {
        // The whole folder: on all cores, unchanged files' findings from the cache.
        let dir = ctx.store.dir();
        let names: Vec<String> = incident_files(dir)?.into_iter().map(|f| f.name).collect();
        let cache = ctx
            .store
            .list_cache()
            .and_then(|c| file_cache::sibling(c, "lint"));
        // Results depend on the configuration's lint words and switched-off rules too.
        let tag = format!("{RULES_TAG}-{}", settings.fingerprint());
        file_cache::for_each(
            dir,
            &names,
            cache.as_deref().map(|file| Cache { file, tag: &tag }),
            |scratch: &mut Scratch, _: &str, path: &Path| lint_path(path, scratch, settings),
            |name, outcome| take(&dir.join(format!("{name}.toml")), outcome),
        );
        paths = names;
    }
    let outcomes: Vec<Outcome> = targets
        .par_iter()
        .map_init(Scratch::new, |scratch, path| {
            lint_path(path, scratch, settings)
        })
        .collect();
    for (path, outcome) in targets.iter().zip(outcomes) {
        take(path, outcome);
    }
    paths.extend(targets.iter().map(|p| p.display().to_string()));
    let mut out = std::io::stdout().lock();
    match args.format {
        LintFormat::Text => out.write_all(&text)?,
        LintFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
    }
    out.flush()?;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if found_count == 0 {
        eprintln!("{} linted, no findings", plural(paths.len(), "file"));
    } else {
        eprintln!(
            "{} ({} blame, {} style) in {} of {} linted",
            plural(found_count, "finding"),
            found_count - style,
            style,
            files_with_findings,
            plural(paths.len(), "file")
        );
    }
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else if found_count == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What the cached lint results depend on besides the file: the lint rules and the model they
/// read (a fingerprint of their sources, made by the build script).
const RULES_TAG: &str = concat!("rules-", env!("RETRO_LINT_RULES_HASH"));

/// One file's lint, as kept in the cache: independent of where the folder is.
#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
enum Outcome {
    /// The findings, each with its 1-based line and column (0 when it could not be placed).
    Findings(Vec<(usize, usize, Finding)>),
    /// The file is not a valid incident: where and why.
    Broken {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file could not be read.
    Unreadable(String),
}

impl Outcome {
    /// The findings of the file `path`, each with its line and column, or the message for a
    /// file that cannot be read.
    fn findings(self, path: &Path) -> Result<Vec<(usize, usize, Finding)>, String> {
        match self {
            Outcome::Findings(found) => Ok(found),
            Outcome::Broken {
                line,
                column,
                message,
            } => Err(located(
                path,
                &crate::model::FormatError {
                    line,
                    column,
                    message,
                },
            )),
            Outcome::Unreadable(message) => Err(format!("{}: {message}", path.display())),
        }
    }
}

/// Lints one file, reading it once into `scratch`, with the configuration's `settings`
/// applied (see [`lint_bytes`]).
fn lint_path(path: &Path, scratch: &mut Scratch, settings: &LintConfig) -> Outcome {
    let bytes = match scratch.read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Unreadable(e.to_string()),
    };
    lint_bytes(bytes, path, settings)
}

/// Lints a file's `bytes` (read from `path`): through the lint's fast reader when it takes
/// the file, else through the full parser; the outcome is the same either way.
fn lint_bytes(bytes: &[u8], path: &Path, settings: &LintConfig) -> Outcome {
    if let Some(view) = lint_view(bytes)
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        let found = settings.apply(&view.incident, lint_incident(&view.incident));
        if found.is_empty() {
            return Outcome::Findings(Vec::new());
        }
        let lines = Lines::new(text);
        return Outcome::Findings(
            found
                .into_iter()
                .map(|finding| {
                    let (line, column) = view
                        .literal(&finding.field)
                        .and_then(|(span, decoded)| lines.position_in(span, decoded, finding.start))
                        .unwrap_or((0, 0));
                    (line, column, finding)
                })
                .collect(),
        );
    }
    lint_parsed(bytes, path, settings)
}

/// [`lint_bytes`] through the full parser; the text is parsed again for line and column only
/// when there are findings to place.
fn lint_parsed(bytes: &[u8], path: &Path, settings: &LintConfig) -> Outcome {
    let loaded = match parse_incident(path, bytes) {
        Ok(loaded) => loaded,
        Err(StoreError::Format { error, .. }) => {
            return Outcome::Broken {
                line: error.line,
                column: error.column,
                message: error.message,
            };
        }
        Err(other) => return Outcome::Unreadable(other.to_string()),
    };
    let found = settings.apply(&loaded.incident, lint_incident(&loaded.incident));
    if found.is_empty() {
        return Outcome::Findings(Vec::new());
    }
    // The bytes parsed as text above.
    let text = String::from_utf8_lossy(bytes);
    let locator = Locator::new(&text);
    Outcome::Findings(
        found
            .into_iter()
            .map(|finding| {
                let (line, column) = locator
                    .position(&finding.field, finding.start)
                    .unwrap_or((0, 0));
                (line, column, finding)
            })
            .collect(),
    )
}

fn json_row(path: &Path, line: usize, column: usize, finding: &Finding) -> serde_json::Value {
    serde_json::json!({
        "file": path.display().to_string(),
        "field": finding.field,
        "line": line,
        "column": column,
        "rule": finding.rule.id(),
        "kind": finding.kind().id(),
        "text": finding.text,
        "reason": finding.reason,
        "suggestion": finding.suggestion,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Rule;

    #[test]
    fn rules_are_cached_under_their_ids() {
        for rule in Rule::ALL {
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{}\"", rule.id()));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        }
    }

    /// The fast reader and the full parser give the same outcome, findings placed alike.
    #[test]
    fn the_fast_reader_lints_as_the_full_parser_does() {
        let hostile = r#"schema_version = 1
id = "2026-04-02-a"
title = "Dave\u00e9 was careless"
participants = ["Dave"]

[narrative]
text = """
café \"quoted\" \
   Dave should have checked.
The root cause."""

[[factors]]
id = "F1"
description = 'The new hire'
whys = [
  "Human error.", # why
  "He forgot to page.",
]
"#;
        let mut texts: Vec<&str> = crate::demo::EXAMPLES.iter().map(|(_, t)| *t).collect();
        texts.push(hostile);
        let path = Path::new("2026-04-02-a.toml");
        let with_words = LintConfig {
            words: vec!["checked".into()],
            ..LintConfig::default()
        };
        let mut placed = 0;
        for settings in [LintConfig::default(), with_words] {
            for text in &texts {
                assert!(lint_view(text.as_bytes()).is_some(), "{text}");
                let fast = lint_bytes(text.as_bytes(), path, &settings);
                let Outcome::Findings(found) = &fast else {
                    panic!("{fast:?}");
                };
                placed += found.len();
                assert!(
                    found
                        .iter()
                        .all(|(line, column, _)| *line > 0 && *column > 0)
                );
                assert_eq!(
                    fast,
                    lint_parsed(text.as_bytes(), path, &settings),
                    "{text}"
                );
            }
        }
        assert!(placed > 10, "{placed}");
    }

    #[test]
    fn an_outcome_survives_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-04-02-a.toml");
        std::fs::write(
            &path,
            "schema_version = 1\nid = \"2026-04-02-a\"\ntitle = \"A\"\n\n\
             [narrative]\ntext = \"\"\"\nThe engineer should have checked.\"\"\"\n",
        )
        .unwrap();
        let outcome = lint_path(&path, &mut Scratch::new(), &LintConfig::default());
        let Outcome::Findings(found) = &outcome else {
            panic!("{outcome:?}");
        };
        assert_eq!((found[0].0, found[0].1), (7, 14));
        let json = serde_json::to_string(&outcome).unwrap();
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), outcome);
        std::fs::write(&path, "title = [\n").unwrap();
        assert!(matches!(
            lint_path(&path, &mut Scratch::new(), &LintConfig::default()),
            Outcome::Broken { line: 1, .. }
        ));
        assert!(matches!(
            lint_path(
                &dir.path().join("missing.toml"),
                &mut Scratch::new(),
                &LintConfig::default()
            ),
            Outcome::Unreadable(_)
        ));
    }
}
