//! `retro list`: one line per incident, newest first.

use std::io::Write;
use std::process::ExitCode;

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{Choice, IncidentStatus, Section, Severity};
use crate::storage::{Entry, Summary};

use anyhow::Context as _;

use super::files::located;
use super::{Context, ListFormat, parse_choice, table};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro list
  retro list --status draft --severity SEV1
  retro list --since 2026-01-01 --format json | jq -r '.[].id'

Files that cannot be read are reported on stderr as path:line:column: message;
they do not stop the listing.";

/// Options of `retro list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only incidents whose document has this status (draft, in_review, published).
    #[arg(long, value_name = "S", value_parser = parse_choice::<IncidentStatus>)]
    pub status: Option<IncidentStatus>,
    /// Only incidents of this severity (SEV1 .. SEV4).
    #[arg(long, value_name = "S", value_parser = parse_choice::<Severity>)]
    pub severity: Option<Severity>,
    /// Only incidents that started on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// One row of `retro list --format json`; field names are a stable interface.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    started: Option<String>,
    severity: Option<&'static str>,
    status: &'static str,
    sections_filled: usize,
    sections_total: usize,
    open_actions: usize,
    overdue_actions: usize,
    services: &'a [String],
    read_only: bool,
}

pub(crate) fn run(args: &ListArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let today = ctx.today();
    let entries = ctx
        .store
        .list(today)
        .with_context(|| format!("cannot read {}", ctx.store.dir().display()))?;
    let mut rows: Vec<(Summary, bool)> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for entry in entries {
        match entry {
            Entry::Incident { summary, read_only } => rows.push((summary, read_only)),
            Entry::Broken { path, error, .. } => broken.push(located(&path, &error)),
        }
    }
    // Problems in file-name order, like a compiler's, whatever the listing's order.
    broken.sort();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for line in &broken {
        let _ = writeln!(err, "{line}");
    }
    drop(err);
    rows.retain(|(s, _)| {
        args.status.is_none_or(|st| s.status == st)
            && args.severity.is_none_or(|sev| s.severity == Some(sev))
            && args
                .since
                .is_none_or(|since| s.date.is_some_and(|d| d >= since))
    });

    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Json => {
            let json: Vec<Row<'_>> = rows
                .iter()
                .map(|(s, read_only)| Row {
                    id: &s.id,
                    title: &s.title,
                    started: s.date.map(|d| d.to_string()),
                    severity: s.severity.map(Choice::as_str),
                    status: s.status.as_str(),
                    sections_filled: s.sections_filled,
                    sections_total: Section::SEVEN.len(),
                    open_actions: s.open_actions,
                    overdue_actions: s.overdue_actions,
                    services: &s.services,
                    read_only: *read_only,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            if rows.is_empty() {
                writeln!(
                    out,
                    "No incidents in {}. Create one with `retro new --title \"…\"`.",
                    ctx.store.dir().display()
                )?;
                return Ok(ExitCode::SUCCESS);
            }
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|(s, read_only)| {
                    vec![
                        s.id.clone(),
                        s.date.map_or_else(|| "-".into(), |d| d.to_string()),
                        s.severity.map_or("-", Choice::as_str).to_string(),
                        s.status.as_str().to_string(),
                        format!("{}/{}", s.sections_filled, Section::SEVEN.len()),
                        s.open_actions.to_string(),
                        s.overdue_actions.to_string(),
                        if *read_only {
                            format!("{} (read-only)", s.title)
                        } else {
                            s.title.clone()
                        },
                    ]
                })
                .collect();
            out.write_all(
                table::render(
                    &[
                        "ID", "STARTED", "SEV", "STATUS", "SECTIONS", "OPEN", "OVERDUE", "TITLE",
                    ],
                    &body,
                )
                .as_bytes(),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
