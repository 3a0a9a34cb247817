//! `retro lint`: blaming and hindsight wording in incident files, located by line and column.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::lint::locate::Locator;
use crate::lint::{Finding, Kind, lint_incident};
use crate::model::id::is_valid_id;
use crate::storage::{StoreError, read_incident};

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
    /// Incident ids or file paths; every incident of the folder when none is given.
    #[arg(value_name = "ID|FILE")]
    pub targets: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
}

/// One finding, placed in its file.
struct Placed {
    path: PathBuf,
    line: usize,
    column: usize,
    finding: Finding,
}

pub(crate) fn run(args: &LintArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let mut paths = Vec::new();
    let mut errors = 0usize;
    if args.targets.is_empty() {
        paths = incident_files(ctx.store.dir())?
            .into_iter()
            .map(|f| f.path)
            .collect();
    }
    for target in &args.targets {
        let path = if is_valid_id(target) && !Path::new(target).is_file() {
            ctx.store.dir().join(format!("{target}.toml"))
        } else {
            PathBuf::from(target)
        };
        if path.is_file() {
            paths.push(path);
        } else {
            eprintln!("{target}: no such incident or file");
            errors += 1;
        }
    }
    let mut placed = Vec::new();
    let mut files_with_findings = 0;
    for path in &paths {
        match lint_file(path) {
            Ok(found) => {
                files_with_findings += usize::from(!found.is_empty());
                placed.extend(found);
            }
            Err(message) => {
                eprintln!("{}", crate::sanitize::for_terminal(&message));
                errors += 1;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        LintFormat::Text => {
            for p in &placed {
                let error = crate::model::FormatError {
                    line: p.line,
                    column: p.column,
                    message: p.finding.message(),
                };
                writeln!(out, "{}", located(&p.path, &error))?;
            }
        }
        LintFormat::Json => {
            let rows: Vec<serde_json::Value> = placed.iter().map(json_row).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if placed.is_empty() {
        eprintln!("{} linted, no findings", plural(paths.len(), "file"));
    } else {
        let style = placed
            .iter()
            .filter(|p| p.finding.kind() == Kind::Style)
            .count();
        eprintln!(
            "{} ({} blame, {} style) in {} of {} linted",
            plural(placed.len(), "finding"),
            placed.len() - style,
            style,
            files_with_findings,
            plural(paths.len(), "file")
        );
    }
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else if placed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Lints one file; a file that cannot be read is an error, located when it can be.
fn lint_file(path: &Path) -> Result<Vec<Placed>, String> {
    let loaded = read_incident(path).map_err(|e| match e {
        StoreError::Format { error, .. } => located(path, &error),
        other => format!("{}: {other}", path.display()),
    })?;
    let text = crate::storage::read_regular(path)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let locator = Locator::new(&text);
    Ok(lint_incident(&loaded.incident)
        .into_iter()
        .map(|finding| {
            let (line, column) = locator
                .position(&finding.field, finding.start)
                .unwrap_or((0, 0));
            Placed {
                path: path.to_path_buf(),
                line,
                column,
                finding,
            }
        })
        .collect())
}

fn json_row(p: &Placed) -> serde_json::Value {
    serde_json::json!({
        "file": p.path.display().to_string(),
        "field": p.finding.field,
        "line": p.line,
        "column": p.column,
        "rule": p.finding.rule.id(),
        "kind": p.finding.kind().id(),
        "text": p.finding.text,
        "reason": p.finding.reason,
        "suggestion": p.finding.suggestion,
    })
}
