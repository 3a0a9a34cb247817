//! `retro metric`: import a metric series from a file into an incident's monitoring section.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use jiff::tz::TimeZone;

use crate::metrics::record::import_into;
use crate::metrics::{Figures, ReadOptions, read_file};
use crate::model::timeinput::{format_time, zone};

use super::Context;

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro metric 2026-03-12-checkout-api-errors-after-config-push 5xx.csv --name \"checkout 5xx rate\" --unit %
  retro metric 2026-03-12-checkout-api-errors-after-config-push grafana-panel.csv --column \"p99 latency\"
  retro metric 2026-03-12-checkout-api-errors-after-config-push query_range.json --unit req/s

SOURCE is CSV (a time column and one or more value columns, header detected; Grafana's panel
export, InfluxDB's annotated CSV) or Prometheus query_range JSON. Times are RFC 3339,
YYYY-MM-DD HH:MM:SS (read in --tz, else the incident's zone), or epoch seconds or
milliseconds. Each series becomes a metric record (an existing one of the same name gets
the new series and keeps what was typed), at most 500 points around the incident window.
Baseline and peak are computed unless typed. Nothing changes when the file cannot be read.";

/// Options of `retro metric`.
#[derive(Debug, clap::Args)]
pub struct MetricArgs {
    /// Incident id, a start of it that only one has, or words of one title (see `retro
    /// list`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// The file with the series: CSV or Prometheus query_range JSON.
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
    /// The metric's name (default: the column or series name, or the file's name).
    #[arg(long, value_name = "N")]
    pub name: Option<String>,
    /// Import only this value column (CSV) or series (its label set), ignoring case.
    #[arg(long, value_name = "C")]
    pub column: Option<String>,
    /// Unit of the values, e.g. `%`, `ms`, `req/s`.
    #[arg(long, value_name = "U")]
    pub unit: Option<String>,
    /// IANA zone of times written without an offset (default: the incident's).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Low values are the bad ones: the peak is the minimum in the incident window.
    #[arg(long)]
    pub low_is_bad: bool,
}

pub(crate) fn run(args: &MetricArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let id = super::files::resolve_id(&args.id, ctx)?;
    let _lock = ctx
        .store
        .lock(&id)
        .map_err(|e| anyhow::anyhow!("cannot change {}: {e}", id))?;
    let loaded = ctx.store.load(&id).map_err(|e| anyhow::anyhow!(e))?;
    if let Some(why) = loaded.read_only {
        anyhow::bail!("cannot change {}: {why}", id);
    }
    let mut incident = loaded.incident;
    let tz = match &args.tz {
        Some(name) => TimeZone::get(name.trim()).map_err(|_| {
            anyhow::anyhow!("--tz: `{name}` is not an IANA time zone such as Europe/London")
        })?,
        None => zone(&incident.timezone),
    };
    let options = ReadOptions {
        column: args.column.clone(),
        tz,
    };
    let all = read_file(&args.source, &options)
        .with_context(|| format!("cannot import {}", args.source.display()))?;
    let file = args.source.file_name().map_or_else(
        || args.source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let changed = import_into(
        &mut incident,
        &all,
        &file,
        args.name.as_deref(),
        None,
        args.unit.as_deref(),
        args.low_is_bad,
    );
    ctx.store.save(&incident)?;
    let tz = zone(&incident.timezone);
    let start = crate::metrics::Window::of(&incident).map(|w| w.start);
    let mut out = std::io::stdout().lock();
    for index in changed {
        let m = &incident.monitoring.metrics[index];
        let when =
            |t: Option<crate::model::Moment>| t.map_or_else(String::new, |t| format_time(&t, &tz));
        write!(
            out,
            "{}: {} rows, {} to {}, {} points kept",
            m.name,
            m.rows.unwrap_or(0),
            when(m.first_at),
            when(m.last_at),
            m.points.len()
        )?;
        if let Some(line) = Figures::of(m, &incident).line(&m.unit, &tz, start) {
            write!(out, "; {line}")?;
        }
        writeln!(out)?;
        if let (Some(window), Some(first), Some(last)) =
            (crate::metrics::Window::of(&incident), m.first_at, m.last_at)
            && (last.timestamp < window.start
                || window.end.is_some_and(|end| first.timestamp > end))
        {
            writeln!(
                out,
                "  note: the series does not reach the incident window; check --tz"
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
