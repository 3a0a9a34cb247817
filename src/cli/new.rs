//! `retro new`: create an incident file and print its path.

use std::io::Write;
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::model::timeinput::parse_time;
use crate::model::{Milestone, Moment, Severity, TimelineEntry};

use super::{Context, parse_choice};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro new --title \"Checkout API errors after config push\"
  retro new --title \"DNS outage\" --severity SEV1 --started \"2026-03-12 14:02\"
  $EDITOR \"$(retro new --title 'Queue backlog')\"

--started is read in UTC (or with its own offset, e.g. 2026-03-12T14:02:00+01:00); it dates
the id and adds an \"impact started\" entry to the timeline.";

/// Options of `retro new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// One-line title; the id is made from it.
    #[arg(long, value_name = "T")]
    pub title: String,
    /// Severity, SEV1 (worst) .. SEV4.
    #[arg(long, value_name = "S", value_parser = parse_choice::<Severity>)]
    pub severity: Option<Severity>,
    /// When impact started: `2026-03-12 14:02` (UTC) or RFC 3339.
    #[arg(long, value_name = "TIME")]
    pub started: Option<String>,
}

pub(crate) fn run(args: &NewArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let title = args.title.trim();
    if title.is_empty() {
        anyhow::bail!("--title must not be empty");
    }
    if crate::sanitize::has_control(title) {
        anyhow::bail!(
            "--title must not hold control characters (escape sequences, tabs, new lines or \
             bidirectional overrides): {}",
            crate::sanitize::line_for_terminal(title)
        );
    }
    let now = Moment::utc(ctx.now);
    let today_utc = ctx.now.to_zoned(TimeZone::UTC).date();
    let started = match &args.started {
        Some(text) => Some(
            parse_time(text, &TimeZone::UTC, today_utc)
                .map_err(|e| anyhow::anyhow!("--started: {e}"))?,
        ),
        None => None,
    };
    let date = started.map_or(today_utc, |m| m.in_zone(&TimeZone::UTC).date());
    let mut incident = ctx.store.new_incident(title, date, now);
    if let Some(severity) = args.severity {
        incident.severity = Some(severity);
    }
    if let Some(at) = started {
        incident.timeline.push(TimelineEntry {
            at: Some(at),
            text: "Impact started.".into(),
            milestone: Some(Milestone::ImpactStarted),
            ..TimelineEntry::default()
        });
    }
    let (path, _, _) = ctx.store.create(incident)?;
    writeln!(std::io::stdout(), "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}
