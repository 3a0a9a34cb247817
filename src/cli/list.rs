//! `retro list`: one line per incident, newest first.

use std::io::Write;
use std::process::ExitCode;

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{Choice, IncidentStatus, Section, Severity};
use serde::Serializer as _;

use crate::storage::{Entry, Summary, list_cache};

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
    let dir = ctx.store.dir();
    let names = ctx
        .store
        .names()
        .with_context(|| format!("cannot read {}", dir.display()))?;
    let mut rows = Rows::new(args.format);
    let mut broken: Vec<String> = Vec::new();
    // Streamed: each summary becomes its output row (or is left out) as it comes, so memory
    // holds the rows' text and a sort key each, never every summary.
    list_cache::each_entry(
        dir,
        &names,
        today,
        ctx.store.list_cache(),
        |entry| match entry {
            Entry::Incident { summary, read_only } => {
                let s = &summary;
                if args.status.is_none_or(|st| s.status == st)
                    && args.severity.is_none_or(|sev| s.severity == Some(sev))
                    && args
                        .since
                        .is_none_or(|since| s.date.is_some_and(|d| d >= since))
                {
                    rows.push(s, read_only);
                }
            }
            Entry::Broken { path, error, .. } => broken.push(located(&path, &error)),
        },
    );
    drop(names);
    // Problems in file-name order, like a compiler's, whatever the listing's order.
    broken.sort();
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for line in &broken {
        let _ = writeln!(err, "{line}");
    }
    drop(err);

    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    if rows.is_empty() && args.format == ListFormat::Table {
        writeln!(
            out,
            "No incidents in {}. Create one with `retro new --title \"…\"`.",
            dir.display()
        )?;
    } else {
        rows.write(&mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

const HEADER: [&str; 8] = [
    "ID", "STARTED", "SEV", "STATUS", "SECTIONS", "OPEN", "OVERDUE", "TITLE",
];

/// The rows to print, kept as text: for a table the cleaned cells joined by tabs, for JSON the
/// compact object; each with its sort key (start date, then id, newest first).
struct Rows {
    format: ListFormat,
    text: String,
    /// Start date, start and end of the id, end of the row in `text`.
    index: Vec<(Option<Date>, usize, usize, usize)>,
    widths: table::Widths,
}

impl Rows {
    fn new(format: ListFormat) -> Rows {
        Rows {
            format,
            text: String::new(),
            index: Vec::new(),
            widths: table::Widths::new(&HEADER),
        }
    }

    fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    fn push(&mut self, s: &Summary, read_only: bool) {
        let start = self.text.len();
        match self.format {
            ListFormat::Table => {
                let cells = [
                    table::clean(&s.id),
                    s.date.map_or_else(|| "-".into(), |d| d.to_string()),
                    s.severity.map_or("-", Choice::as_str).to_string(),
                    s.status.as_str().to_string(),
                    format!("{}/{}", s.sections_filled, Section::SEVEN.len()),
                    s.open_actions.to_string(),
                    s.overdue_actions.to_string(),
                    table::clean(&if read_only {
                        format!("{} (read-only)", s.title)
                    } else {
                        s.title.clone()
                    }),
                ];
                self.widths.observe(&cells);
                let id_end = start + cells[0].len();
                for (i, cell) in cells.iter().enumerate() {
                    if i > 0 {
                        self.text.push('\t');
                    }
                    self.text.push_str(cell);
                }
                self.index.push((s.date, start, id_end, self.text.len()));
            }
            ListFormat::Json => {
                let row = Row {
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
                    read_only,
                };
                self.text.push_str(&s.id);
                let id_end = self.text.len();
                // Serialising these fields cannot fail.
                if let Ok(json) = serde_json::to_string(&row) {
                    self.text.push_str(&json);
                    self.index.push((s.date, start, id_end, self.text.len()));
                } else {
                    self.text.truncate(start);
                }
            }
        }
    }

    /// Prints the rows newest first (by start date, then id), as a table or a JSON array.
    fn write(mut self, out: &mut impl Write) -> anyhow::Result<()> {
        let text = &self.text;
        self.index.sort_unstable_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| text[b.1..b.2].cmp(&text[a.1..a.2]))
        });
        match self.format {
            ListFormat::Table => {
                let mut line = String::new();
                self.widths.line(&HEADER, &mut line);
                out.write_all(line.as_bytes())?;
                for &(_, start, _, end) in &self.index {
                    line.clear();
                    let cells: Vec<&str> = text[start..end].split('\t').collect();
                    self.widths.line(&cells, &mut line);
                    out.write_all(line.as_bytes())?;
                }
            }
            ListFormat::Json => {
                let rows = self.index.iter().map(|&(_, _, id_end, end)| {
                    serde_json::from_str::<serde_json::Value>(&text[id_end..end])
                        .unwrap_or(serde_json::Value::Null)
                });
                let mut ser = serde_json::Serializer::pretty(&mut *out);
                ser.collect_seq(rows)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
