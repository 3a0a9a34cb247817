//! `retro import`: add messages from a chat or paging export to an incident's timeline (and
//! a status page's updates to its messages to stakeholders).

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::import::{Candidate, Imported, Kind, Options, Progress, SourceKind};
use crate::model::timeinput::{parse_time, zone};
use crate::model::{CustomerUpdate, Incident, Milestone, Moment, TimelineEntry};

use super::{Context, ListFormat, table};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro import 2024-03-12-checkout-errors slack-export.zip --channel inc-2417-checkout --dry-run
  retro import 2024-03-12-checkout-errors slack-export/ --channel inc-2417-checkout --no-bots
  retro import 2024-03-12-checkout-errors pasted.txt --date 2024-03-12 --tz Europe/London
  retro import 2024-03-12-checkout-errors '#sre.weechatlog' --since 14:00 --until 15:30
  retro import 2024-03-12-checkout-errors log_entries.json --dry-run --format json | jq length
  retro import 2024-03-12-checkout-errors incidents.json --from statuspage

The kind of source is told from the content (--from says it). Pasted text takes the
incident's start date and time zone unless --date/--tz say otherwise; IRC logs are read in
UTC unless --tz says otherwise. --since/--until are read in the incident's time zone.
Importing the same source again adds nothing: each entry keeps its source id.";

/// Options of `retro import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The incident: its id, a start of it that only one has, or words of one title.
    pub id: String,
    /// The export: a Slack ZIP or folder, a text or log file, or a JSON/JSONL file.
    pub source: PathBuf,
    /// The kind of source, when telling it from the content is not wanted.
    #[arg(long, value_enum, value_name = "KIND")]
    pub from: Option<SourceKind>,
    /// The channel to read (Slack, Mattermost), or the name given to a paste's or log's
    /// entries; for a status page, the incident's id or name.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// Only messages at or after this time (`14:02`, `2024-03-12 14:02`, RFC 3339, or a
    /// date alone: from its start).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only messages at or before this time (a date alone: to its end).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// The date of a paste's first line (default: the incident's start date).
    #[arg(long, value_name = "DATE")]
    pub date: Option<Date>,
    /// The time zone of times written without one (IANA name, e.g. Europe/London).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Leave out messages from bots and integrations.
    #[arg(long)]
    pub no_bots: bool,
    /// Print what would be added; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Output format of --dry-run.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// One entry of `--dry-run --format json`; field names are a stable interface.
#[derive(Serialize)]
struct Row<'a> {
    at: String,
    actor: &'a str,
    role: &'a str,
    channel: Option<&'a str>,
    text: &'a str,
    kind: &'static str,
    source: &'a str,
    milestone: Option<&'static str>,
}

/// One customer update of `--dry-run --format json` (status pages).
#[derive(Serialize)]
struct UpdateRow<'a> {
    at: Option<String>,
    status: &'a str,
    text: &'a str,
    source: &'a str,
}

/// The start of the incident: its "impact started" moment, else its first timed entry, else
/// the date in its id.
fn start_date(incident: &Incident, tz: &TimeZone, now: Timestamp) -> Date {
    incident
        .milestone(Milestone::ImpactStarted)
        .or_else(|| incident.timeline.iter().filter_map(|e| e.at).min())
        .map(|m| m.in_zone(tz).date())
        .or_else(|| incident.id.get(..10).and_then(|d| d.parse().ok()))
        .unwrap_or_else(|| now.to_zoned(tz.clone()).date())
}

/// A progress bar on standard error, shown only on a terminal and only once reading has
/// taken more than a second.
struct Bar {
    started: Instant,
    total: std::cell::Cell<u64>,
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
    terminal: bool,
}

impl Bar {
    fn new() -> Bar {
        Bar {
            started: Instant::now(),
            total: std::cell::Cell::new(0),
            bar: std::cell::RefCell::new(None),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn total(&self, total: u64) {
        self.total.set(total);
    }

    fn done(&self, done: u64) {
        if !self.terminal || self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        let mut slot = self.bar.borrow_mut();
        let bar = slot.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::new(self.total.get());
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "reading {bar:30} {binary_bytes}/{binary_total_bytes} ({eta} left; Ctrl-C stops, nothing changes)",
            ) {
                bar.set_style(style);
            }
            bar
        });
        bar.set_position(done);
    }
}

pub(crate) fn run(args: &ImportArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let id = super::files::resolve_id(&args.id, ctx)?;
    let loaded = ctx.store.load(&id).map_err(|e| anyhow::anyhow!(e))?;
    if let Some(why) = &loaded.read_only {
        anyhow::bail!("{} is read-only: {why}", id);
    }
    // Hold the editing lock while reading, so a retro open on the incident cannot be
    // overwritten (and we cannot be).
    let _lock = if args.dry_run {
        None
    } else {
        Some(
            ctx.store
                .lock(&id)
                .map_err(|e| anyhow::anyhow!("{}: {e}", id))?,
        )
    };
    let mut incident = loaded.incident;
    let incident_tz = zone(&incident.timezone);
    let kind = match args.from {
        Some(kind) => kind,
        None => crate::import::detect(&args.source)?,
    };
    let tz = match &args.tz {
        Some(name) => TimeZone::get(name).map_err(|_| {
            anyhow::anyhow!(
                "--tz: `{name}` is not a time zone (an IANA name such as Europe/London)"
            )
        })?,
        None if kind.local_times() => incident_tz.clone(),
        None => TimeZone::UTC,
    };
    let start = start_date(&incident, &incident_tz, ctx.now);
    let date = args.date.unwrap_or(start);
    let window = |text: &Option<String>, what: &str| -> anyhow::Result<Option<Timestamp>> {
        let Some(text) = text.as_deref() else {
            return Ok(None);
        };
        // A date alone is its whole day: from its start (--since) to its end (--until).
        if let Some(day) = Some(text.trim())
            .filter(|t| t.len() == 10)
            .and_then(|t| t.parse::<Date>().ok())
        {
            let day = if what == "--until" {
                day.tomorrow().unwrap_or(day)
            } else {
                day
            };
            let at = incident_tz
                .to_ambiguous_zoned(day.to_datetime(jiff::civil::Time::midnight()))
                .compatible()
                .map_err(|e| anyhow::anyhow!("{what}: {e}"))?
                .timestamp();
            let at = if what == "--until" {
                at - jiff::SignedDuration::from_nanos(1)
            } else {
                at
            };
            return Ok(Some(at));
        }
        parse_time(text, &incident_tz, start)
            .map(|m| Some(m.timestamp))
            .map_err(|e| anyhow::anyhow!("{what}: {e}"))
    };
    let since = window(&args.since, "--since")?;
    let until = window(&args.until, "--until")?;

    let cancel = Arc::new(AtomicBool::new(false));
    // Ctrl-C while reading stops the reader; the incident is written only afterwards.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&cancel));
    let bar = Bar::new();
    let options = Options {
        channel: args.channel.clone(),
        date,
        tz,
        progress: &bar,
        cancel: &cancel,
    };
    let result = crate::import::read(&args.source, kind, &options);
    bar.finish();
    let mut imported = result?;
    let skipped = filter(&mut imported, &incident, since, until, args.no_bots);

    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if args.dry_run {
        print_dry_run(&mut out, &imported, &incident_tz, args.format)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    options.check_cancel()?;
    let added = imported.entries.len() + imported.updates.len();
    if added > 0 {
        apply(&mut incident, imported.entries, imported.updates);
        incident.updated_at = Some(whole_second(ctx.now));
        ctx.store.save(&incident)?;
    }
    let what = if kind == SourceKind::Statuspage {
        "customer updates to messages to stakeholders"
    } else {
        "entries to the timeline"
    };
    let mut line = format!("Added {added} {what} of {} ({})", id, kind.as_str());
    let total = skipped.total();
    if total > 0 {
        let reasons: Vec<String> = skipped
            .0
            .iter()
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        line.push_str(&format!("; skipped {total}: {}", reasons.join(", ")));
    }
    writeln!(out, "{line}.")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Leaves out what is outside the window, bots when asked, and what the incident already
/// has; returns the reader's and these reasons together.
fn filter(
    imported: &mut Imported,
    incident: &Incident,
    since: Option<Timestamp>,
    until: Option<Timestamp>,
    no_bots: bool,
) -> crate::import::Skipped {
    let mut skipped = imported.skipped.clone();
    let mut known: HashSet<String> = incident
        .timeline
        .iter()
        .map(|e| e.source.clone())
        .chain(
            incident
                .stakeholders
                .updates
                .iter()
                .map(|u| u.source.clone()),
        )
        .filter(|s| !s.is_empty())
        .collect();
    let mut keep =
        |at: Option<Timestamp>, bot: bool, source: &str, skipped: &mut crate::import::Skipped| {
            if since.is_some_and(|s| at.is_some_and(|a| a < s)) {
                skipped.add("before --since");
                false
            } else if until.is_some_and(|u| at.is_some_and(|a| a > u)) {
                skipped.add("after --until");
                false
            } else if no_bots && bot {
                skipped.add("from bots (--no-bots)");
                false
            } else if !known.insert(source.to_string()) {
                skipped.add("already in the incident");
                false
            } else {
                true
            }
        };
    imported
        .entries
        .retain(|c| keep(Some(c.at), c.kind == Kind::Bot, &c.source, &mut skipped));
    imported
        .updates
        .retain(|u| keep(u.at.map(|m| m.timestamp), false, &u.source, &mut skipped));
    skipped
}

fn whole_second(at: Timestamp) -> Moment {
    Moment::utc(Timestamp::from_second(at.as_second()).unwrap_or(at))
}

/// Adds the entries (the timeline stays sorted; a key moment is set only where the
/// incident has none yet) and the customer updates.
fn apply(incident: &mut Incident, entries: Vec<Candidate>, updates: Vec<CustomerUpdate>) {
    let mut taken: HashSet<Milestone> = incident
        .timeline
        .iter()
        .filter_map(|e| e.milestone)
        .collect();
    for candidate in entries {
        let milestone = candidate.milestone.filter(|m| taken.insert(*m));
        incident.timeline.push(TimelineEntry {
            at: Some(whole_second(candidate.at)),
            actor: candidate.actor,
            role: candidate.role,
            channel: candidate.channel.unwrap_or_default(),
            text: candidate.text,
            milestone,
            source: candidate.source,
            ..TimelineEntry::default()
        });
    }
    incident.sort_timeline();
    incident.stakeholders.updates.extend(updates);
    incident.stakeholders.updates.sort_by_key(|u| u.at);
}

fn print_dry_run(
    out: &mut impl Write,
    imported: &Imported,
    tz: &TimeZone,
    format: ListFormat,
) -> anyhow::Result<()> {
    match format {
        ListFormat::Json if !imported.updates.is_empty() && imported.entries.is_empty() => {
            let rows: Vec<UpdateRow<'_>> = imported
                .updates
                .iter()
                .map(|u| UpdateRow {
                    at: u.at.map(|m| m.timestamp.to_string()),
                    status: &u.status,
                    text: &u.text,
                    source: &u.source,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        ListFormat::Json => {
            // Streamed: a channel of 100,000 messages is never held twice.
            let rows = imported.entries.iter().map(|c| Row {
                at: whole_second(c.at).timestamp.to_string(),
                actor: &c.actor,
                role: &c.role,
                channel: c.channel.as_deref(),
                text: &c.text,
                kind: c.kind.as_str(),
                source: &c.source,
                milestone: c.milestone.map(crate::model::Choice::as_str),
            });
            let mut serializer = serde_json::Serializer::pretty(&mut *out);
            serde::Serializer::collect_seq(&mut serializer, rows)?;
            writeln!(out)?;
        }
        ListFormat::Table if !imported.updates.is_empty() && imported.entries.is_empty() => {
            let rows: Vec<Vec<String>> = imported
                .updates
                .iter()
                .map(|u| {
                    vec![
                        u.at.map(|m| crate::model::timeinput::format_time(&m, tz))
                            .unwrap_or_default(),
                        u.status.clone(),
                        u.text.clone(),
                    ]
                })
                .collect();
            out.write_all(table::render(&["AT", "STATUS", "TEXT"], &rows).as_bytes())?;
        }
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = imported
                .entries
                .iter()
                .map(|c| {
                    vec![
                        crate::model::timeinput::format_time(&whole_second(c.at), tz),
                        c.actor.clone(),
                        c.channel.clone().unwrap_or_default(),
                        c.kind.as_str().to_string(),
                        c.text.clone(),
                    ]
                })
                .collect();
            out.write_all(
                table::render(&["AT", "ACTOR", "CHANNEL", "KIND", "TEXT"], &rows).as_bytes(),
            )?;
        }
    }
    Ok(())
}
