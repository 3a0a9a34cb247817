//! HTML export: one self-contained page (inline CSS and SVG, no scripts, nothing fetched),
//! internal (the whole retrospective) or customer-facing.
//!
//! The internal page has the overview, the seven sections, the timeline as a table with the
//! key moments marked, the contributing factors as an SVG fishbone and by effect, the
//! follow-up actions, and each metric's chart ([`chart`]). The customer page is built only
//! from what a customer may read, like the Markdown export's: the customer message, the
//! impact window and its duration, what was not affected and the narrative's impact.

mod chart;
mod escape;
mod fishbone;

use std::fmt::Write as _;

use escape::{esc, paragraphs};

use crate::model::timeinput::zone;
use crate::model::{Choice, Effect, Incident, Milestone, Section, format_duration};

const STYLE: &str = "
:root{--ink:#1f2328;--dim:#59636e;--line:#d1d9e0;--accent:#0969da;--warm:#9a6700;--window:#fff1e5;--ok:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--ink);background:#fff}
main{max-width:58rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.35rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.meta{color:var(--dim);margin:.25rem 0}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.5rem 1.5rem;margin:1rem 0;padding:1rem;border:1px solid var(--line);border-radius:6px}
.facts div{display:flex;flex-direction:column}
.facts dt{font-size:.8rem;color:var(--dim);text-transform:uppercase;letter-spacing:.03em}
.facts dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
th{background:#f6f8fa}
tr.key td{background:var(--window)}
.moment{display:inline-block;padding:0 .4rem;border-radius:999px;background:var(--warm);color:#fff;font-size:.8rem;white-space:nowrap}
.flag{color:var(--warm);font-size:.85rem}
.empty{color:var(--dim);font-style:italic}
figure{margin:1rem 0 1.5rem}
figcaption{font-size:.92rem;margin-bottom:.25rem}
figcaption b{font-weight:600}
svg{width:100%;height:auto;display:block}
.chart .window{fill:var(--window)}
.chart .window-label{fill:var(--warm);font-size:11px}
.chart .axis{stroke:var(--dim);stroke-width:1}
.chart .tick,.chart .axis-title{fill:var(--dim);font-size:11px}
.chart .series{fill:none;stroke:var(--accent);stroke-width:1.6;stroke-linejoin:round}
.chart .dot{fill:var(--accent)}
.chart .baseline{stroke:var(--ok);stroke-width:1.2;stroke-dasharray:6 4}
.chart .baseline-label{fill:var(--ok);font-size:11px}
.chart .marker{stroke:var(--warm);stroke-width:1.2}
.chart .marker-label{fill:var(--warm);font-size:11px;font-weight:600}
.fishbone .spine{stroke:var(--ink);fill:var(--ink);stroke-width:2.5}
.fishbone .bone{stroke:var(--ink);stroke-width:1.5}
.fishbone .bone.empty{stroke:var(--line)}
.fishbone .head{font-size:13px;font-weight:600;fill:var(--ink)}
.fishbone .category{font-size:12px;font-weight:700;fill:var(--ink)}
.fishbone .factor line{stroke:var(--dim)}
.fishbone .factor text{font-size:12px;fill:var(--ink)}
ol.whys{margin:.25rem 0 .5rem;color:var(--dim)}
.spark{font-family:ui-monospace,monospace;letter-spacing:-.05em;color:var(--accent)}
@media print{main{max-width:none}h2{break-after:avoid}figure,tr{break-inside:avoid}}
";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"retro\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        esc(title)
    )
}

fn zone_name(incident: &Incident) -> &str {
    if incident.timezone.is_empty() {
        "UTC"
    } else {
        incident.timezone.as_str()
    }
}

use super::markdown::capitalise;

/// The section's own texts and lists, from the field table, in its order.
fn prose(out: &mut String, incident: &Incident, section: Section) {
    use crate::model::fields::Prose;
    for (label, text) in crate::model::fields::prose(incident, section) {
        match text {
            Prose::Text(text) => sub(out, label, text),
            Prose::List(items) => list(out, label, items),
        }
    }
}

/// `<h3>title</h3>` and the text as paragraphs, when there is text.
fn sub(out: &mut String, title: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = write!(out, "<h3>{}</h3>\n{}", esc(title), paragraphs(text));
    }
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "<h3>{}</h3>\n<ul>\n", esc(title));
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", esc(item));
    }
    out.push_str("</ul>\n");
}

fn fact(out: &mut String, term: &str, value: &str) {
    let _ = write!(
        out,
        "<div><dt>{}</dt><dd>{}</dd></div>",
        esc(term),
        esc(value)
    );
}

/// The whole retrospective as a page.
pub(crate) fn internal(incident: &Incident) -> String {
    let tz = zone(&incident.timezone);
    let mut out = String::new();
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&incident.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\">Blameless retrospective · {} · {} · times in {}</p>",
        esc(incident.severity.map_or("severity not set", Choice::as_str)),
        esc(incident.status.map_or("draft", |s| s.label())),
        esc(zone_name(incident))
    );
    out.push_str("<dl class=\"facts\">");
    for m in Milestone::ALL {
        if let Some(at) = crate::model::timeinput::format_milestone(incident, *m, &tz) {
            fact(&mut out, &capitalise(m.label()), &at);
        }
    }
    let d = incident.durations();
    fact(&mut out, "Time to detect", &format_duration(d.detect));
    fact(&mut out, "Time to mitigate", &format_duration(d.mitigate));
    fact(&mut out, "Time to resolve", &format_duration(d.resolve));
    if !incident.services.is_empty() {
        fact(&mut out, "Services", &incident.services.join(", "));
    }
    if !incident.facilitator.is_empty() {
        fact(&mut out, "Facilitator", &incident.facilitator);
    }
    if !incident.participants.is_empty() {
        fact(&mut out, "Participants", &incident.participants.join(", "));
    }
    if !incident.tags.is_empty() {
        fact(&mut out, "Tags", &incident.tags.join(", "));
    }
    out.push_str("</dl>\n</header>\n");
    for section in Section::SEVEN {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}. {}</h2>",
            section_id(section),
            section.number(),
            esc(section.title())
        );
        let before = out.len();
        match section {
            Section::Stakeholders | Section::Technical | Section::Narrative => {
                prose(&mut out, incident, section);
            }
            Section::Monitoring => monitoring(&mut out, incident),
            Section::Timeline => timeline(&mut out, incident),
            Section::Factors => factors(&mut out, incident),
            Section::Actions => actions(&mut out, incident),
            Section::Overview => {}
        }
        if out.len() == before {
            out.push_str("<p class=\"empty\">Nothing written yet.</p>\n");
        }
        out.push_str("</section>\n");
    }
    page(&incident.title, &out)
}

fn section_id(section: Section) -> &'static str {
    match section {
        Section::Overview => "overview",
        Section::Stakeholders => "stakeholders",
        Section::Monitoring => "monitoring",
        Section::Timeline => "timeline",
        Section::Factors => "factors",
        Section::Technical => "technical",
        Section::Actions => "actions",
        Section::Narrative => "narrative",
    }
}

fn monitoring(out: &mut String, incident: &Incident) {
    let m = &incident.monitoring;
    out.push_str(&paragraphs(&m.notes));
    if !m.metrics.is_empty() {
        out.push_str("<h3>Metrics</h3>\n");
    }
    for metric in &m.metrics {
        out.push_str("<figure>\n<figcaption>");
        let _ = write!(out, "<b>{}</b>", esc(&metric.name));
        if let Some(figures) = crate::metrics::figures::describe(metric, incident) {
            let _ = write!(out, ": {}", esc(&figures));
        }
        if !metric.source.trim().is_empty() {
            let _ = write!(
                out,
                " · <span class=\"meta\">{}</span>",
                esc(&metric.source)
            );
        }
        if !metric.file.is_empty() {
            let _ = write!(
                out,
                " · <span class=\"meta\">from {}, {} rows</span>",
                esc(&metric.file),
                metric.rows.unwrap_or(0)
            );
        }
        out.push_str("</figcaption>\n");
        if let Some(svg) = chart::svg(metric, incident) {
            out.push_str(&svg);
            out.push('\n');
        }
        if !metric.note.trim().is_empty() {
            out.push_str(&paragraphs(&metric.note));
        }
        out.push_str("</figure>\n");
    }
    list(out, "Gaps in monitoring", &m.gaps);
}

fn timeline(out: &mut String, incident: &Incident) {
    if incident.timeline.is_empty() {
        return;
    }
    let tz = zone(&incident.timezone);
    let _ = write!(
        out,
        "<table class=\"timeline\">\n<thead><tr><th>Time ({})</th><th>Who</th><th>What happened</th><th>Key moment</th></tr></thead>\n<tbody>\n",
        esc(zone_name(incident))
    );
    for e in &incident.timeline {
        let class = if e.milestone.is_some() {
            " class=\"key\""
        } else {
            ""
        };
        let who = match (e.actor.trim(), e.role.trim()) {
            (a, "") => esc(a),
            ("", r) => esc(r),
            (a, r) => format!("{}<br><span class=\"meta\">{}</span>", esc(a), esc(r)),
        };
        let mut what = esc(e.text.trim()).replace('\n', "<br>");
        if !e.channel.trim().is_empty() {
            let _ = write!(what, " <span class=\"meta\">({})</span>", esc(&e.channel));
        }
        if e.miscommunication {
            what.push_str(" <span class=\"flag\">⚑ communication went wrong here</span>");
        }
        if e.internal_only {
            what.push_str(" <span class=\"meta\">(internal)</span>");
        }
        let moment = e.milestone.map_or_else(String::new, |m| {
            format!("<span class=\"moment\">{}</span>", esc(m.label()))
        });
        let _ = writeln!(
            out,
            "<tr{class}><td>{}</td><td>{who}</td><td>{what}</td><td>{moment}</td></tr>",
            crate::model::timeinput::format_entry_time(e, &tz)
                .map_or_else(String::new, |t| esc(&t))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn factors(out: &mut String, incident: &Incident) {
    if let Some(svg) = fishbone::svg(incident) {
        out.push_str("<figure>\n");
        out.push_str(&svg);
        out.push_str(
            "\n<figcaption class=\"meta\">+ helped · ~ luck · ⚠ made it worse, no follow-up action yet</figcaption>\n</figure>\n",
        );
    }
    for (effect, title) in [
        (Some(Effect::Contributor), "Made it worse"),
        (Some(Effect::Mitigator), "Helped"),
        (Some(Effect::Luck), "Luck"),
        (None, "Effect not set"),
    ] {
        let items: Vec<&crate::model::Factor> = incident
            .factors
            .iter()
            .filter(|f| f.effect == effect)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = write!(out, "<h3>{title}</h3>\n<ul class=\"factors\">\n");
        for f in items {
            let category = f
                .category
                .map_or("uncategorised".to_string(), |c| c.label().to_string());
            let _ = write!(
                out,
                "<li><b>{}</b> <span class=\"meta\">{}</span> {}",
                esc(&f.id),
                esc(&category),
                esc(f.description.trim())
            );
            if !f.whys.is_empty() {
                out.push_str("<ol class=\"whys\">");
                for why in &f.whys {
                    let _ = write!(out, "<li>{}</li>", esc(why.trim()));
                }
                out.push_str("</ol>");
            }
            if !f.no_action.trim().is_empty() {
                let _ = write!(
                    out,
                    "<br><span class=\"meta\">No action: {}</span>",
                    esc(f.no_action.trim())
                );
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
}

fn actions(out: &mut String, incident: &Incident) {
    if incident.actions.is_empty() {
        return;
    }
    out.push_str("<table class=\"actions\">\n<thead><tr><th>ID</th><th>Action</th><th>Kind</th><th>Owner</th><th>Due</th><th>Priority</th><th>Status</th><th>Factors</th></tr></thead>\n<tbody>\n");
    for a in &incident.actions {
        let mut title = esc(a.title.trim());
        if !a.tracker.trim().is_empty() {
            let _ = write!(title, "<br><span class=\"meta\">{}</span>", esc(&a.tracker));
        }
        if !a.rationale.trim().is_empty() {
            let _ = write!(
                title,
                "<br><span class=\"meta\">Why: {}</span>",
                esc(a.rationale.trim())
            );
        }
        if !a.expected_impact.trim().is_empty() {
            let _ = write!(
                title,
                "<br><span class=\"meta\">Expected: {}</span>",
                esc(a.expected_impact.trim())
            );
        }
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{title}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&a.id),
            a.kind.map_or("", Choice::as_str),
            esc(&a.owner),
            a.due.map_or_else(String::new, |d| d.to_string()),
            a.priority.map_or("", Choice::as_str),
            esc(a.status_or_open().label()),
            esc(&a.factors.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The customer-facing page: the customer message, the impact window and its duration,
/// what was not affected, and the narrative's impact. Nothing else of the incident is read.
pub(crate) fn customer(incident: &Incident) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&incident.title));
    if let Some(window) = super::markdown::impact_window(incident) {
        let _ = writeln!(out, "<p class=\"meta\">Impact window: {}</p>", esc(&window));
    }
    out.push_str("</header>\n");
    let s = &incident.stakeholders;
    if !s.customer_message.trim().is_empty() {
        let _ = write!(
            out,
            "<section id=\"what-happened\">\n<h2>What happened</h2>\n{}</section>\n",
            paragraphs(&s.customer_message)
        );
    }
    if !s.reassurances.is_empty() {
        out.push_str("<section id=\"not-affected\">\n<h2>What was not affected</h2>\n<ul>\n");
        for r in &s.reassurances {
            let _ = writeln!(out, "<li>{}</li>", esc(r));
        }
        out.push_str("</ul>\n</section>\n");
    }
    if !incident.narrative.impact.trim().is_empty() {
        let _ = write!(
            out,
            "<section id=\"impact\">\n<h2>Impact</h2>\n{}</section>\n",
            paragraphs(&incident.narrative.impact)
        );
    }
    page(&incident.title, &out)
}
