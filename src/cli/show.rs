//! `retro show`: the whole retrospective as wrapped plain text, sections in order.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::model::timeinput::zone;
use crate::model::{Choice, Effect, Incident, Milestone, Section, format_duration};

use super::Context;
use super::files::load_arg;
use super::markdown::{factor_groups, impact_window};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro show 2026-03-12-checkout-api-errors-after-config-push
  retro show ./incidents/2026-03-12-checkout-api-errors-after-config-push.toml | less

Text is wrapped to the terminal's width, or to 80 columns when not printing to a terminal.";

/// Options of `retro show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Incident id, a start of it that only one has, or words of one title (see `retro
    /// list`), or the path of an incident file.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Wrap at this many columns instead of the terminal's width.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

pub(crate) fn run(args: &ShowArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let loaded = load_arg(&args.id, ctx)?;
    let width = args.width.map_or_else(output_width, usize::from);
    let mut out = std::io::stdout().lock();
    if let Some(why) = &loaded.read_only {
        writeln!(out, "({})\n", crate::sanitize::for_terminal(why))?;
    }
    let text = render(&loaded.incident, width);
    out.write_all(crate::sanitize::for_terminal(&text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The terminal's width when printing to one, else 80.
fn output_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols >= 20
    {
        return usize::from(cols);
    }
    80
}

/// Builds the text, wrapped at `width` columns.
struct Doc {
    out: String,
    width: usize,
}

impl Doc {
    fn heading(&mut self, text: &str, underline: char) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        self.out.push('\n');
        let len = textwrap::core::display_width(text).min(self.width);
        self.out.push_str(&underline.to_string().repeat(len));
        self.out.push('\n');
    }

    /// A labelled block of text, wrapped and indented under its label.
    fn field(&mut self, label: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.out.push_str(label);
        self.out.push_str(":\n");
        self.para(text, "  ", "  ");
    }

    /// Wraps `text` paragraph by paragraph (keeping its line breaks).
    fn para(&mut self, text: &str, first: &str, rest: &str) {
        let options = textwrap::Options::new(self.width.max(20))
            .initial_indent(first)
            .subsequent_indent(rest);
        for (i, line) in text.trim_matches('\n').lines().enumerate() {
            let opts = if i == 0 {
                options.clone()
            } else {
                options.clone().initial_indent(rest)
            };
            if line.trim().is_empty() {
                self.out.push('\n');
                continue;
            }
            for wrapped in textwrap::wrap(line.trim_end(), opts) {
                self.out.push_str(wrapped.trim_end());
                self.out.push('\n');
            }
        }
    }

    fn list(&mut self, label: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.out.push_str(label);
        self.out.push_str(":\n");
        for item in items {
            self.para(item, "  - ", "    ");
        }
    }

    fn empty(&mut self) {
        self.out.push_str("(nothing written yet)\n");
    }
}

/// The whole retrospective as text.
pub(crate) fn render(incident: &Incident, width: usize) -> String {
    let tz = zone(&incident.timezone);
    let mut doc = Doc {
        out: String::new(),
        width,
    };
    doc.heading(&incident.title, '=');
    overview(&mut doc, incident, &tz);
    for section in Section::SEVEN {
        doc.heading(&format!("{}. {}", section.number(), section.title()), '-');
        let before = doc.out.len();
        match section {
            Section::Technical | Section::Narrative => {
                prose(&mut doc, incident, section);
            }
            Section::Stakeholders => {
                prose(&mut doc, incident, section);
                doc.list(
                    "Updates sent to customers",
                    &crate::model::CustomerUpdate::lines(&incident.stakeholders.updates, &tz),
                );
            }
            Section::Monitoring => {
                let m = &incident.monitoring;
                doc.field("What monitoring showed", &m.notes);
                if !m.metrics.is_empty() {
                    doc.out.push_str("Metrics:\n");
                    for metric in &m.metrics {
                        let mut line = metric.name.clone();
                        if let Some(figures) = crate::metrics::figures::describe(metric, incident) {
                            line.push_str(&format!(": {figures}"));
                        }
                        if !metric.file.is_empty() {
                            line.push_str(&format!(
                                " [{}, {} rows, {} points kept]",
                                metric.file,
                                metric.rows.unwrap_or(0),
                                metric.points.len()
                            ));
                        }
                        if !metric.source.is_empty() {
                            line.push_str(&format!(" ({})", metric.source));
                        }
                        if !metric.note.is_empty() {
                            line.push_str(&format!(". {}", metric.note));
                        }
                        doc.para(&line, "  - ", "    ");
                    }
                }
                doc.list("Gaps", &m.gaps);
            }
            Section::Timeline => {
                for entry in &incident.timeline {
                    let when = crate::model::timeinput::format_entry_time(entry, &tz)
                        .unwrap_or_else(|| "(no time)".to_string());
                    let mut who = entry.actor.clone();
                    if !entry.role.is_empty() {
                        who.push_str(&format!(" ({})", entry.role));
                    }
                    let mut marks = Vec::new();
                    if let Some(m) = entry.milestone {
                        marks.push(format!("[{}]", m.label()));
                    }
                    if entry.miscommunication {
                        marks.push("[miscommunication]".into());
                    }
                    if entry.internal_only {
                        marks.push("[internal]".into());
                    }
                    if !entry.channel.is_empty() {
                        marks.push(format!("on {}", entry.channel));
                    }
                    let head = [when, who, marks.join(" ")]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("  ");
                    doc.para(&head, "", "    ");
                    if !entry.text.trim().is_empty() {
                        doc.para(&entry.text, "    ", "    ");
                    }
                }
            }
            Section::Factors => {
                for (effect, groups) in factor_groups(&incident.factors) {
                    let title = effect.map_or("Effect not set", effect_title);
                    doc.out.push_str(title);
                    doc.out.push_str(":\n");
                    for (category, factors) in groups {
                        let cat = category.map_or("uncategorised", Choice::as_str);
                        for f in factors {
                            let id = if f.id.is_empty() { "-" } else { &f.id };
                            doc.para(&format!("{id} ({cat}) {}", f.description), "  ", "    ");
                            for (n, why) in f.whys.iter().enumerate() {
                                doc.para(&format!("why {}: {why}", n + 1), "      ", "        ");
                            }
                            if !f.no_action.trim().is_empty() {
                                doc.para(
                                    &format!("no action: {}", f.no_action),
                                    "      ",
                                    "        ",
                                );
                            }
                        }
                    }
                }
            }
            Section::Actions => {
                for a in &incident.actions {
                    let id = if a.id.is_empty() { "-" } else { &a.id };
                    doc.para(&format!("{id} {}", a.title), "", "   ");
                    let mut facts = vec![
                        a.status_or_open().label().to_string(),
                        a.priority
                            .map_or("no priority".into(), |p| format!("{} priority", p.label())),
                    ];
                    if let Some(k) = a.kind {
                        facts.push(k.label().into());
                    }
                    facts.push(if a.owner.is_empty() {
                        "no owner".into()
                    } else {
                        format!("owner {}", a.owner)
                    });
                    facts.push(a.due.map_or("no due date".into(), |d| format!("due {d}")));
                    if !a.factors.is_empty() {
                        facts.push(format!("addresses {}", a.factors.join(", ")));
                    }
                    doc.para(&facts.join(" · "), "    ", "    ");
                    if !a.rationale.is_empty() {
                        doc.para(&format!("Why: {}", a.rationale), "    ", "    ");
                    }
                    if !a.expected_impact.is_empty() {
                        doc.para(&format!("Expected: {}", a.expected_impact), "    ", "    ");
                    }
                    if !a.tracker.is_empty() {
                        doc.para(&format!("Tracker: {}", a.tracker), "    ", "    ");
                    }
                }
            }
            Section::Overview => {}
        }
        if doc.out.len() == before {
            doc.empty();
        }
    }
    doc.out
}

/// The section's own texts and lists, from the field table, in its order.
fn prose(doc: &mut Doc, incident: &Incident, section: Section) {
    use crate::model::fields::Prose;
    for (label, text) in crate::model::fields::prose(incident, section) {
        match text {
            Prose::Text(text) => doc.field(label, text),
            Prose::List(items) => doc.list(label, items),
        }
    }
}

fn effect_title(effect: Effect) -> &'static str {
    match effect {
        Effect::Contributor => "Made it worse",
        Effect::Mitigator => "Helped",
        Effect::Luck => "Luck",
    }
}

fn overview(doc: &mut Doc, incident: &Incident, tz: &TimeZone) {
    let mut facts = vec![
        incident
            .severity
            .map_or("no severity", Choice::as_str)
            .to_string(),
        incident.status.map_or("draft", |s| s.label()).to_string(),
        format!("id {}", incident.id),
    ];
    if !incident.timezone.is_empty() {
        facts.push(format!("times in {}", incident.timezone));
    }
    doc.para(&facts.join(" · "), "", "");
    let people = [
        ("Services", incident.services.join(", ")),
        ("Tags", incident.tags.join(", ")),
        ("Facilitator", incident.facilitator.clone()),
        ("Participants", incident.participants.join(", ")),
    ];
    for (label, value) in people {
        if !value.is_empty() {
            doc.para(&format!("{label}: {value}"), "", "    ");
        }
    }
    let moments: Vec<String> = Milestone::ALL
        .iter()
        .filter_map(|m| {
            crate::model::timeinput::format_milestone(incident, *m, tz)
                .map(|at| format!("{} {at}", m.label()))
        })
        .collect();
    if !moments.is_empty() {
        doc.para(&format!("Key moments: {}", moments.join(" · ")), "", "    ");
    }
    let d = incident.durations();
    doc.para(
        &format!(
            "Time to detect {} · to mitigate {} · to resolve {}",
            format_duration(d.detect),
            format_duration(d.mitigate),
            format_duration(d.resolve)
        ),
        "",
        "    ",
    );
    if let Some(window) = impact_window(incident) {
        doc.para(&format!("Impact: {window}"), "", "    ");
    }
}
