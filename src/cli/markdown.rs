//! Markdown export: CommonMark with GitHub tables, internal (everything) or customer-facing.
//!
//! The customer version is built only from the fields a customer may read (the customer
//! message, the impact window and its duration, the reassurances, the updates customers were
//! sent and the narrative's impact);
//! nothing else of the incident is ever passed to it.

use std::fmt::Write as _;

use crate::model::timeinput::{format_time, zone};
use crate::model::{
    Category, Choice, Effect, Factor, Incident, Milestone, Section, format_duration,
};

/// The impact window in the incident's zone, e.g. `2026-03-12 14:02 to 14:58 (56m)`: from
/// impact start to mitigation (or resolution when there is no mitigation). `None` without a
/// start.
pub(crate) fn impact_window(incident: &Incident) -> Option<String> {
    let tz = zone(&incident.timezone);
    let start = incident.milestone(Milestone::ImpactStarted)?;
    let end = incident
        .milestone(Milestone::Mitigated)
        .or_else(|| incident.milestone(Milestone::Resolved));
    // An approximate time keeps its `~` (so does the duration it gives).
    let approximate = |m: Milestone| {
        incident
            .timeline
            .iter()
            .find(|e| e.milestone == Some(m))
            .is_some_and(|e| e.approximate)
    };
    let start_mark = crate::model::timeinput::approx_mark(approximate(Milestone::ImpactStarted));
    let end_mark = crate::model::timeinput::approx_mark(
        if incident.milestone(Milestone::Mitigated).is_some() {
            approximate(Milestone::Mitigated)
        } else {
            approximate(Milestone::Resolved)
        },
    );
    let zone_name = if incident.timezone.is_empty() {
        "UTC"
    } else {
        incident.timezone.as_str()
    };
    let from = format_time(&start, &tz);
    Some(match end {
        Some(end) => {
            let to = format_time(&end, &tz);
            let to = match to.strip_prefix(&from[..from.len().min(11)]) {
                Some(clock) if from.len() >= 11 => clock.to_string(),
                _ => to,
            };
            let duration = format_duration(Some(end.timestamp.duration_since(start.timestamp)));
            let about = if start_mark.is_empty() && end_mark.is_empty() {
                ""
            } else {
                "~"
            };
            format!("{start_mark}{from} to {end_mark}{to} {zone_name} ({about}{duration})")
        }
        None => format!("from {start_mark}{from} {zone_name}, end not yet known"),
    })
}

/// Factors by effect (in the model's order, unset last), then by category (likewise).
pub(crate) type FactorGroups<'a> = Vec<(Option<Effect>, Vec<(Option<Category>, Vec<&'a Factor>)>)>;

/// Groups factors by effect, then category, keeping their order inside each group.
pub(crate) fn factor_groups(factors: &[Factor]) -> FactorGroups<'_> {
    let effects = Effect::ALL.iter().copied().map(Some).chain([None]);
    effects
        .filter_map(|effect| {
            let categories = Category::ALL.iter().copied().map(Some).chain([None]);
            let groups: Vec<_> = categories
                .filter_map(|category| {
                    let items: Vec<&Factor> = factors
                        .iter()
                        .filter(|f| f.effect == effect && f.category == category)
                        .collect();
                    (!items.is_empty()).then_some((category, items))
                })
                .collect();
            (!groups.is_empty()).then_some((effect, groups))
        })
        .collect()
}

/// Escapes text for use inline (a heading, a list item's lead): no markup, one line.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A table cell: inline-escaped, with line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.trim()
        .lines()
        .map(inline)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Free text as Markdown blocks. People may write Markdown, so it is kept, except what could
/// break the document's structure: headings, setext underlines, code fences and HTML blocks
/// are escaped so that they stay text.
fn block(text: &str) -> String {
    let mut out = String::new();
    for line in text.trim_matches('\n').lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let setext =
            !trimmed.is_empty() && (trimmed.trim_end().chars().all(|c| c == '=' || c == '-'));
        let hazard = trimmed.starts_with('#')
            || trimmed.starts_with("```")
            || trimmed.starts_with("~~~")
            || trimmed.starts_with('<')
            || setext;
        if hazard && indent.len() < 4 {
            out.push_str(indent);
            out.push('\\');
            out.push_str(trimmed);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        header.iter().map(|_| " --- ").collect::<Vec<_>>().join("|")
    );
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

const NOTHING: &str = "_Nothing written yet._\n\n";

/// The internal retrospective: everything, sections in order.
pub(crate) fn internal(incident: &Incident) -> String {
    let tz = zone(&incident.timezone);
    let zone_name = if incident.timezone.is_empty() {
        "UTC"
    } else {
        incident.timezone.as_str()
    };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&incident.title));

    let mut summary = vec![
        format!(
            "**Severity:** {}",
            incident.severity.map_or("not set", Choice::as_str)
        ),
        format!(
            "**Status:** {}",
            incident.status.map_or("draft", |s| s.label())
        ),
    ];
    for m in Milestone::ALL {
        if let Some(at) = crate::model::timeinput::format_milestone(incident, *m, &tz) {
            summary.push(format!("**{}:** {at}", capitalise(m.label())));
        }
    }
    let d = incident.durations();
    summary.push(format!("**Time to detect:** {}", format_duration(d.detect)));
    summary.push(format!("**to mitigate:** {}", format_duration(d.mitigate)));
    summary.push(format!("**to resolve:** {}", format_duration(d.resolve)));
    let _ = writeln!(out, "{}\n", summary.join(" · "));

    let mut people = Vec::new();
    if !incident.services.is_empty() {
        people.push(format!(
            "**Services:** {}",
            inline(&incident.services.join(", "))
        ));
    }
    if !incident.tags.is_empty() {
        people.push(format!("**Tags:** {}", inline(&incident.tags.join(", "))));
    }
    if !incident.facilitator.is_empty() {
        people.push(format!(
            "**Facilitator:** {}",
            inline(&incident.facilitator)
        ));
    }
    if !incident.participants.is_empty() {
        people.push(format!(
            "**Participants:** {}",
            inline(&incident.participants.join(", "))
        ));
    }
    people.push(format!("**Times in:** {zone_name}"));
    let _ = writeln!(out, "{}\n", people.join(" · "));

    for section in Section::SEVEN {
        let _ = writeln!(out, "## {}\n", section.title());
        let before = out.len();
        match section {
            Section::Technical | Section::Narrative => {
                prose(&mut out, incident, section);
            }
            Section::Stakeholders => {
                let s = &incident.stakeholders;
                prose(&mut out, incident, section);
                let updates = crate::model::CustomerUpdate::lines(&s.updates, &tz);
                bullets(&mut out, "Updates sent to customers", &updates);
            }
            Section::Monitoring => {
                let m = &incident.monitoring;
                if !m.notes.trim().is_empty() {
                    let _ = writeln!(out, "{}", block(&m.notes));
                }
                if !m.metrics.is_empty() {
                    out.push_str("### Metrics\n\n");
                    for x in &m.metrics {
                        let _ = writeln!(out, "{}", metric_line(x, incident));
                    }
                    out.push('\n');
                }
                bullets(&mut out, "Gaps", &m.gaps);
            }
            Section::Timeline => {
                if !incident.timeline.is_empty() {
                    let rows: Vec<Vec<String>> = incident
                        .timeline
                        .iter()
                        .map(|e| {
                            let mut text = cell(&e.text);
                            if !e.channel.is_empty() {
                                text = format!("{text} (on {})", cell(&e.channel));
                            }
                            if e.miscommunication {
                                text.push_str(" _(miscommunication)_");
                            }
                            if e.internal_only {
                                text.push_str(" _(internal)_");
                            }
                            vec![
                                crate::model::timeinput::format_entry_time(e, &tz)
                                    .unwrap_or_default(),
                                cell(&e.actor),
                                cell(&e.role),
                                text,
                                e.milestone
                                    .map_or_else(String::new, |m| m.label().to_string()),
                            ]
                        })
                        .collect();
                    let time = format!("Time ({zone_name})");
                    table(
                        &mut out,
                        &[&time, "Actor", "Role", "What happened", "Milestone"],
                        &rows,
                    );
                }
            }
            Section::Factors => {
                for (effect, groups) in factor_groups(&incident.factors) {
                    let title = match effect {
                        Some(Effect::Contributor) => "Made it worse",
                        Some(Effect::Mitigator) => "Helped",
                        Some(Effect::Luck) => "Luck",
                        None => "Effect not set",
                    };
                    let _ = writeln!(out, "### {title}\n");
                    for (category, factors) in groups {
                        let cat =
                            category.map_or("Uncategorised".to_string(), |c| capitalise(c.label()));
                        let _ = writeln!(out, "#### {cat}\n");
                        for f in factors {
                            let id = if f.id.is_empty() {
                                String::new()
                            } else {
                                format!("**{}** ", inline(&f.id))
                            };
                            let _ = writeln!(out, "- {id}{}", inline(&f.description));
                            for (n, why) in f.whys.iter().enumerate() {
                                let _ = writeln!(out, "  {}. {}", n + 1, inline(why));
                            }
                            if !f.no_action.trim().is_empty() {
                                let _ = writeln!(out, "  - No action: {}", inline(&f.no_action));
                            }
                        }
                        out.push('\n');
                    }
                }
            }
            Section::Actions => {
                if !incident.actions.is_empty() {
                    let rows: Vec<Vec<String>> = incident
                        .actions
                        .iter()
                        .map(|a| {
                            let mut title = cell(&a.title);
                            if !a.tracker.is_empty() {
                                title = format!("{title} ({})", cell(&a.tracker));
                            }
                            vec![
                                cell(&a.id),
                                title,
                                a.kind.map_or("", Choice::as_str).to_string(),
                                cell(&a.owner),
                                a.due.map_or_else(String::new, |d| d.to_string()),
                                a.priority.map_or("", Choice::as_str).to_string(),
                                a.status_or_open().label().to_string(),
                                cell(&a.factors.join(", ")),
                            ]
                        })
                        .collect();
                    table(
                        &mut out,
                        &[
                            "ID", "Title", "Kind", "Owner", "Due", "Priority", "Status", "Factors",
                        ],
                        &rows,
                    );
                    for a in &incident.actions {
                        if a.rationale.trim().is_empty() && a.expected_impact.trim().is_empty() {
                            continue;
                        }
                        let _ = writeln!(out, "**{}** {}\n", inline(&a.id), inline(&a.title));
                        if !a.rationale.trim().is_empty() {
                            let _ = writeln!(out, "- Why: {}", inline(&a.rationale));
                        }
                        if !a.expected_impact.trim().is_empty() {
                            let _ = writeln!(out, "- Expected: {}", inline(&a.expected_impact));
                        }
                        out.push('\n');
                    }
                }
            }
            Section::Overview => {}
        }
        if out.len() == before {
            out.push_str(NOTHING);
        }
    }
    finish(out)
}

/// The customer-facing version: the customer message, the impact window and duration, what
/// was not affected, the updates customers were sent (already public), and the narrative's
/// impact. Nothing else.
pub(crate) fn customer(incident: &Incident) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&incident.title));
    if let Some(window) = impact_window(incident) {
        let _ = writeln!(out, "**Impact window:** {window}\n");
    }
    let s = &incident.stakeholders;
    if !s.customer_message.trim().is_empty() {
        let _ = writeln!(out, "## What happened\n\n{}", block(&s.customer_message));
    }
    bullets_h2(&mut out, "What was not affected", &s.reassurances);
    let tz = zone(&incident.timezone);
    let updates = crate::model::CustomerUpdate::lines(&s.updates, &tz);
    bullets_h2(&mut out, "Updates we posted", &updates);
    if !incident.narrative.impact.trim().is_empty() {
        let _ = writeln!(out, "## Impact\n\n{}", block(&incident.narrative.impact));
    }
    finish(out)
}

fn finish(mut out: String) -> String {
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// One list item per metric: its name, the figures, a sparkline of the stored points, the
/// link and the note, e.g.
/// `- **cpu**: baseline 37.6 % → peak 99.3 % at 09:41 (2.6×) ▁▁▂▇█▅▁ (https://…). Note.`
fn metric_line(metric: &crate::model::Metric, incident: &Incident) -> String {
    let mut line = format!("- **{}**", inline(&metric.name));
    if let Some(figures) = crate::metrics::figures::describe(metric, incident) {
        let _ = write!(line, ": {}", inline(&figures));
    }
    let spark = crate::metrics::sparkline::sparkline(&metric.points, 24, metric.low_is_bad);
    if !spark.trim().is_empty() {
        let _ = write!(line, " `{spark}`");
    }
    if !metric.source.trim().is_empty() {
        let _ = write!(line, " ({})", inline(&metric.source));
    }
    if !metric.note.trim().is_empty() {
        let _ = write!(line, ". {}", inline(&metric.note));
    }
    line
}

/// `text` with its first letter in upper case.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The section's own texts and lists, from the field table, in its order.
fn prose(out: &mut String, incident: &Incident, section: Section) {
    use crate::model::fields::Prose;
    for (label, text) in crate::model::fields::prose(incident, section) {
        match text {
            Prose::Text(text) => sub(out, label, text),
            Prose::List(items) => bullets(out, label, items),
        }
    }
}

fn sub(out: &mut String, title: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = writeln!(out, "### {title}\n\n{}", block(text));
    }
}

fn bullets(out: &mut String, title: &str, items: &[String]) {
    if !items.is_empty() {
        let _ = writeln!(out, "### {title}\n");
        for item in items {
            let _ = writeln!(out, "- {}", inline(item));
        }
        out.push('\n');
    }
}

fn bullets_h2(out: &mut String, title: &str, items: &[String]) {
    if !items.is_empty() {
        let _ = writeln!(out, "## {title}\n");
        for item in items {
            let _ = writeln!(out, "- {}", inline(item));
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
    }

    #[test]
    fn blocks_cannot_open_headings_or_fences() {
        assert_eq!(block("## x\n```\n---\nok"), "\\## x\n\\```\n\\---\nok\n");
    }
}
