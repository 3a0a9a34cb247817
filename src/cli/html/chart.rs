//! A metric's chart as inline SVG: the stored points as a line (broken at gaps), the
//! incident window shaded, *detected* and *mitigated* as labelled vertical lines, the
//! baseline dashed, axes labelled in the incident's zone and the metric's unit. The same
//! picture as the terminal UI's chart.

use std::fmt::Write as _;

use jiff::Timestamp;

use super::escape::esc;
use crate::metrics::figures::{Figures, Window, format_value};
use crate::model::timeinput::zone;
use crate::model::{Incident, Metric, Milestone};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 36.0;

/// The SVG of `metric` in `incident`, or `None` when it has fewer than two stored values.
pub fn svg(metric: &Metric, incident: &Incident) -> Option<String> {
    let values: Vec<f64> = metric
        .points
        .iter()
        .filter(|p| !p.is_gap())
        .map(|p| p.1)
        .collect();
    if values.len() < 2 {
        return None;
    }
    let tz = zone(&incident.timezone);
    let zone_name = if incident.timezone.is_empty() {
        "UTC"
    } else {
        incident.timezone.as_str()
    };
    let figures = Figures::of(metric, incident);
    let t0 = metric.points.first()?.0.timestamp;
    let t1 = metric.points.last()?.0.timestamp;
    let span = t1.duration_since(t0).as_secs_f64();
    if span <= 0.0 {
        return None;
    }
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if let Some(b) = figures.baseline.filter(|b| b.is_finite()) {
        lo = lo.min(b);
        hi = hi.max(b);
    }
    let pad = if hi > lo { (hi - lo) * 0.05 } else { 1.0 };
    lo = if lo >= 0.0 && (lo - pad <= 0.0 || lo < hi * 0.3) {
        0.0
    } else {
        lo - pad
    };
    hi += pad;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x =
        |t: Timestamp| LEFT + (t.duration_since(t0).as_secs_f64() / span).clamp(0.0, 1.0) * plot_w;
    let y = |v: f64| TOP + (1.0 - ((v - lo) / (hi - lo)).clamp(0.0, 1.0)) * plot_h;
    let unit = &metric.unit;
    let with_unit = |v: f64| {
        if unit.is_empty() {
            format_value(v)
        } else {
            format!("{} {unit}", format_value(v))
        }
    };
    let mut s = String::new();
    let label = format!("Chart of {} with the incident window", metric.name);
    let _ = write!(
        s,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        esc(&label)
    );
    let _ = write!(s, "<title>{}</title>", esc(&label));
    // The incident window.
    if let Some(w) = Window::of(incident) {
        let (a, b) = (w.start, w.end_or(t1));
        if b >= t0 && a <= t1 {
            let (xa, xb) = (x(a.max(t0)), x(b.min(t1)));
            let _ = write!(
                s,
                "<rect class=\"window\" x=\"{xa:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{plot_h}\"/>",
                (xb - xa).max(1.0)
            );
            let _ = write!(
                s,
                "<text class=\"window-label\" x=\"{:.1}\" y=\"{:.1}\">incident window</text>",
                xa + 4.0,
                TOP + plot_h - 6.0
            );
        }
    }
    // Axes and their labels.
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{:.1}\"/><line class=\"axis\" x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
        TOP + plot_h,
        TOP + plot_h,
        LEFT + plot_w,
        TOP + plot_h
    );
    for v in [lo, (lo + hi) / 2.0, hi] {
        let _ = write!(
            s,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y(v) + 4.0,
            esc(&with_unit(v))
        );
    }
    let long = span > 86_400.0;
    for i in 0..=4 {
        let t = t0
            .checked_add(jiff::SignedDuration::from_secs_f64(
                span * f64::from(i) / 4.0,
            ))
            .unwrap_or(t0);
        let zoned = t.to_zoned(tz.clone());
        let text = if long {
            zoned.strftime("%m-%d %H:%M").to_string()
        } else {
            zoned.strftime("%H:%M").to_string()
        };
        let anchor = match i {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            s,
            "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            x(t),
            TOP + plot_h + 16.0,
            esc(&text)
        );
    }
    let _ = write!(
        s,
        "<text class=\"axis-title\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">time ({})</text>",
        LEFT + plot_w,
        HEIGHT - 4.0,
        esc(zone_name)
    );
    if !unit.is_empty() {
        let _ = write!(
            s,
            "<text class=\"axis-title\" x=\"4\" y=\"14\">{}</text>",
            esc(unit)
        );
    }
    // Baseline.
    if let Some(b) = figures.baseline.filter(|b| *b >= lo && *b <= hi) {
        let _ = write!(
            s,
            "<line class=\"baseline\" x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>",
            y(b),
            LEFT + plot_w,
            y(b)
        );
        let _ = write!(
            s,
            "<text class=\"baseline-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">baseline {}</text>",
            LEFT + plot_w - 4.0,
            y(b) - 5.0,
            esc(&with_unit(b))
        );
    }
    // The line, one polyline per run between gaps.
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, s: &mut String| {
        if run.len() > 1 {
            let _ = write!(
                s,
                "<polyline class=\"series\" points=\"{}\"/>",
                run.join(" ")
            );
        } else if let Some(p) = run.first() {
            let (cx, cy) = p.split_once(',').unwrap_or(("0", "0"));
            let _ = write!(
                s,
                "<circle class=\"dot\" cx=\"{cx}\" cy=\"{cy}\" r=\"1.5\"/>"
            );
        }
        run.clear();
    };
    for p in &metric.points {
        if p.is_gap() {
            flush(&mut run, &mut s);
        } else {
            run.push(format!("{:.1},{:.1}", x(p.0.timestamp), y(p.1)));
        }
    }
    flush(&mut run, &mut s);
    // Key moments.
    let mut label_row = 0;
    for (milestone, name) in [
        (Milestone::Detected, "detected"),
        (Milestone::Mitigated, "mitigated"),
    ] {
        let Some(at) = incident.milestone(milestone) else {
            continue;
        };
        if at.timestamp < t0 || at.timestamp > t1 {
            continue;
        }
        let mx = x(at.timestamp);
        let clock = crate::model::timeinput::format_clock(&at, &tz);
        let _ = write!(
            s,
            "<line class=\"marker\" x1=\"{mx:.1}\" y1=\"{TOP}\" x2=\"{mx:.1}\" y2=\"{:.1}\"/>",
            TOP + plot_h
        );
        let (lx, anchor) = if mx > LEFT + plot_w - 110.0 {
            (mx - 3.0, "end")
        } else {
            (mx + 3.0, "start")
        };
        let _ = write!(
            s,
            "<text class=\"marker-label\" x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{name} {}</text>",
            12.0 + 12.0 * f64::from(label_row),
            esc(&clock)
        );
        label_row += 1;
    }
    s.push_str("</svg>");
    Some(s)
}
