//! `retro list`: one line per incident, newest first.

use std::io::{Read, Write};
use std::process::ExitCode;

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{Choice, FormatError, IncidentStatus, Section, Severity};
use crate::storage::Summary;

use super::files::{IncidentFile, incident_files, located};
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

/// What reading one file gave.
pub(crate) enum Listed {
    /// A readable incident.
    Ok {
        /// Its summary.
        summary: Summary,
        /// Written by a newer program.
        read_only: bool,
    },
    /// A file that does not parse.
    Broken(FormatError),
}

/// Summarises one file: the fast scanner first, the full parser when it declines. `buf` is
/// reused from file to file.
fn summarize(file: &IncidentFile, today: Date, buf: &mut Vec<u8>) -> Listed {
    buf.clear();
    if crate::model::id::is_valid_id(&file.name)
        && std::fs::File::open(&file.path)
            .and_then(|mut f| f.read_to_end(buf))
            .is_ok()
        && let Some(summary) = crate::storage::summary_fast::summarize(buf, today)
    {
        return Listed::Ok {
            summary,
            read_only: false,
        };
    }
    match super::files::read_file(file) {
        Ok(loaded) => Listed::Ok {
            summary: Summary::of(&loaded.incident, today),
            read_only: loaded.read_only.is_some(),
        },
        Err(error) => Listed::Broken(error),
    }
}

/// Summarises every file, on as many threads as there are cores, keeping the files' order.
pub(crate) fn summarize_all(files: &[IncidentFile], today: Date) -> Vec<Listed> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let run = |part: &[IncidentFile]| {
        let mut buf = Vec::with_capacity(64 * 1024);
        part.iter()
            .map(|f| summarize(f, today, &mut buf))
            .collect::<Vec<_>>()
    };
    if threads == 1 || files.len() < 64 {
        return run(files);
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| Vec::<Listed>::new())
                    .into_iter()
            })
            .collect()
    })
}

pub(crate) fn run(args: &ListArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let today = ctx.today();
    let files = incident_files(ctx.store.dir())?;
    let listed = summarize_all(&files, today);
    if listed.len() != files.len() {
        anyhow::bail!("reading the incidents folder was interrupted");
    }
    let mut rows: Vec<(Summary, bool)> = Vec::new();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for (file, item) in files.iter().zip(listed) {
        match item {
            Listed::Ok { summary, read_only } => rows.push((summary, read_only)),
            Listed::Broken(error) => {
                let _ = writeln!(err, "{}", located(&file.path, &error));
            }
        }
    }
    drop(err);
    rows.retain(|(s, _)| {
        args.status.is_none_or(|st| s.status == st)
            && args.severity.is_none_or(|sev| s.severity == Some(sev))
            && args
                .since
                .is_none_or(|since| s.date.is_some_and(|d| d >= since))
    });
    rows.sort_by(|(a, _), (b, _)| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));

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
