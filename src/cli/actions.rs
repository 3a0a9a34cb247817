//! `retro actions`: the follow-up actions of every incident, soonest due first.

use std::io::Write;
use std::process::ExitCode;

use serde::{Serialize, Serializer as _};

use std::path::Path;

use crate::model::{Choice, FormatError};
use crate::storage::actions::{ActionItem, FileActions, read_actions};
use crate::storage::file_cache::{self, Cache, Scratch};

use super::files::{incident_files, located};
use super::{Context, ListFormat, table};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro actions --open
  retro actions --overdue --owner \"checkout team\"
  retro actions --format json | jq '.[] | select(.overdue)'

Open means open or in progress. Actions without a due date come last.";

/// Options of `retro actions`.
#[derive(Debug, clap::Args)]
pub struct ActionsArgs {
    /// Only actions still to do (open or in progress).
    #[arg(long)]
    pub open: bool,
    /// Only actions still to do whose due date has passed.
    #[arg(long)]
    pub overdue: bool,
    /// Only actions of this owner (ignoring case).
    #[arg(long, value_name = "X")]
    pub owner: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// One row of `retro actions --format json`; field names are a stable interface.
#[derive(Debug, Serialize)]
struct Row {
    incident_id: String,
    action_id: String,
    title: String,
    owner: String,
    due: Option<String>,
    priority: Option<&'static str>,
    status: &'static str,
    overdue: bool,
    kind: Option<&'static str>,
    factors: Vec<String>,
    tracker: String,
}

pub(crate) fn run(args: &ActionsArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let today = ctx.today();
    let owner = args.owner.as_deref().map(str::trim);
    let keep = |a: &ActionItem| {
        (!args.open || a.is_open())
            && (!args.overdue || a.is_overdue(today))
            && owner.is_none_or(|o| a.owner.trim().eq_ignore_ascii_case(o))
    };
    let dir = ctx.store.dir();
    let names: Vec<String> = incident_files(dir)?.into_iter().map(|f| f.name).collect();
    let cache = ctx
        .store
        .list_cache()
        .and_then(|c| file_cache::sibling(c, "actions"));
    let mut found: Vec<(String, ActionItem)> = Vec::new();
    // On all cores, one read per file; unchanged files' actions from the cache.
    file_cache::for_each(
        dir,
        &names,
        cache.as_deref().map(|file| Cache {
            file,
            tag: "actions",
        }),
        |scratch: &mut Scratch, name: &str, path: &Path| read_actions(name, path, scratch),
        |name, file| match file {
            FileActions::Actions { incident, actions } => found.extend(
                actions
                    .into_iter()
                    .filter(|a| keep(a))
                    .map(|a| (incident.clone(), a)),
            ),
            FileActions::Broken {
                line,
                column,
                message,
            } => {
                let error = FormatError {
                    line,
                    column,
                    message,
                };
                eprintln!("{}", located(&dir.join(format!("{name}.toml")), &error));
            }
        },
    );
    // Soonest due first, no due date last; then by incident and action id for stability.
    found.sort_by(|(ia, a), (ib, b)| {
        (a.due.is_none(), a.due, ia, &a.id).cmp(&(b.due.is_none(), b.due, ib, &b.id))
    });
    let row = |(incident_id, a): (String, ActionItem)| Row {
        overdue: a.is_overdue(today),
        status: a.status_or_open().as_str(),
        incident_id,
        action_id: a.id,
        title: a.title,
        owner: a.owner,
        due: a.due.map(|d| d.to_string()),
        priority: a.priority.map(Choice::as_str),
        kind: a.kind.map(Choice::as_str),
        factors: a.factors,
        tracker: a.tracker,
    };
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let mut ser = serde_json::Serializer::pretty(&mut out);
            ser.collect_seq(found.into_iter().map(row))?;
            writeln!(out)?;
        }
        ListFormat::Table if found.is_empty() => writeln!(out, "No matching actions.")?,
        ListFormat::Table => {
            const HEADER: [&str; 8] = [
                "DUE", "OVERDUE", "PRIORITY", "STATUS", "INCIDENT", "ACTION", "OWNER", "TITLE",
            ];
            let dash = |text: String| if text.is_empty() { "-".into() } else { text };
            // Each action's cells once, then one line each: no second copy of the table.
            let body: Vec<[String; 8]> = found
                .into_iter()
                .map(row)
                .map(|r| {
                    [
                        r.due.unwrap_or_else(|| "-".into()),
                        if r.overdue { "OVERDUE" } else { "" }.to_string(),
                        r.priority.unwrap_or("-").to_string(),
                        r.status.to_string(),
                        table::clean(&r.incident_id),
                        table::clean(&dash(r.action_id)),
                        table::clean(&dash(r.owner)),
                        table::clean(&r.title),
                    ]
                })
                .collect();
            let mut widths = table::Widths::new(&HEADER);
            for cells in &body {
                widths.observe(cells);
            }
            let mut line = String::new();
            widths.line(&HEADER, &mut line);
            out.write_all(line.as_bytes())?;
            for cells in &body {
                line.clear();
                widths.line(cells, &mut line);
                out.write_all(line.as_bytes())?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
