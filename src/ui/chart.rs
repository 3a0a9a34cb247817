//! A metric's chart: its stored points as a Braille line (ratatui `Chart`), the incident
//! window shaded, *detected* and *mitigated* as labelled vertical markers, the baseline as a
//! dashed line, axes in the incident's zone and the metric's unit.
//!
//! Drawn from the stored points only; nothing is read from disk. Everything that colour
//! shows is also in the text: the window's first and last columns are `┊`, the top row of
//! the window is `▔`, the baseline is `╌` with its label, markers carry their names.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Widget};

use super::theme::THEME;
use crate::app::form::RecordKind;
use crate::app::state::IncidentView;
use crate::metrics::figures::{Figures, Window, format_value};
use crate::model::Section;
use crate::model::timeinput::zone;
use crate::model::{Incident, Metric, Milestone};

/// Fewest rows the chart is drawn in (a caption, four rows of plot, the axis and labels).
pub const MIN_HEIGHT: u16 = 7;

/// The chart of one metric of an incident.
pub struct MetricChart<'a> {
    /// The metric, with its stored points.
    pub metric: &'a Metric,
    /// The incident, for its window, key moments and zone.
    pub incident: &'a Incident,
}

/// Rows to give a chart in a panel `height` rows high: none below 12 rows, else about half,
/// from [`MIN_HEIGHT`] to 24.
pub fn height_in(height: u16) -> u16 {
    if height < 12 {
        0
    } else {
        (height / 2).clamp(MIN_HEIGHT, 24)
    }
}

/// Draws the chart of the metric in view (the open metric record, or the selected metric of
/// the monitoring section) at the bottom of `area`, when it has a series and there is room;
/// returns the rows left above it.
pub(super) fn draw_below(view: &IncidentView, frame: &mut ratatui::Frame, area: Rect) -> Rect {
    let index = match view.cursor.record {
        Some(rec) if rec.kind == RecordKind::Metric => rec.index,
        None if view.cursor.section == Section::Monitoring => view.selected(RecordKind::Metric),
        _ => return area,
    };
    let Some(metric) = view.incident.monitoring.metrics.get(index) else {
        return area;
    };
    let height = height_in(area.height);
    if height == 0 {
        return area;
    }
    if !has_series(metric) {
        return no_series_hint(metric, frame, area);
    }
    let chart = Rect {
        y: area.bottom() - height,
        height,
        ..area
    };
    frame.render_widget(
        MetricChart {
            metric,
            incident: &view.incident,
        },
        chart,
    );
    Rect {
        height: area.height - height,
        ..area
    }
}

/// Where a chart would be, one dim line saying how to get a series (the import key from the
/// keymap table); returns the rows left above it.
fn no_series_hint(metric: &Metric, frame: &mut ratatui::Frame, area: Rect) -> Rect {
    let key = crate::app::keymap::KEYMAP
        .iter()
        .find(|b| b.command == crate::app::keymap::Command::Import)
        .and_then(|b| b.keys.first())
        .map_or_else(String::new, |k| k.label());
    let name = if metric.name.trim().is_empty() {
        "this metric"
    } else {
        metric.name.trim()
    };
    let text = format!(
        "{name}: no series to chart · {key} imports one from a file (CSV or Prometheus JSON)"
    );
    let line = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(text).style(THEME.dim), line);
    Rect {
        height: area.height - 1,
        ..area
    }
}

/// True when the metric has a series to chart.
pub fn has_series(metric: &Metric) -> bool {
    metric.points.iter().filter(|p| !p.is_gap()).count() >= 2
}

/// The plot's time and value ranges.
struct Frame {
    t0: Timestamp,
    span: f64,
    lo: f64,
    hi: f64,
}

impl Frame {
    fn x(&self, t: Timestamp) -> f64 {
        t.duration_since(self.t0).as_secs_f64()
    }
}

impl Widget for MetricChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < MIN_HEIGHT || area.width < 30 || !has_series(self.metric) {
            return;
        }
        let tz = zone(&self.incident.timezone);
        let figures = Figures::of(self.metric, self.incident);
        let window = Window::of(self.incident);
        let caption_area = Rect { height: 1, ..area };
        Paragraph::new(caption(
            self.metric,
            self.incident,
            &figures,
            &tz,
            usize::from(area.width),
        ))
        .render(caption_area, buf);
        let plot_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let Some(frame) = frame_of(self.metric, figures.baseline) else {
            return;
        };
        let runs = runs(self.metric, &frame);
        let moments: Vec<(&str, f64)> = [
            (Milestone::Detected, "detected"),
            (Milestone::Mitigated, "mitigated"),
        ]
        .into_iter()
        .filter_map(|(m, label)| {
            let x = frame.x(self.incident.milestone(m)?.timestamp);
            (0.0..=frame.span).contains(&x).then_some((label, x))
        })
        .collect();
        let marker_lines: Vec<Vec<(f64, f64)>> = moments
            .iter()
            .map(|(_, x)| vec![(*x, frame.lo), (*x, frame.hi)])
            .collect();
        let mut datasets: Vec<Dataset<'_>> = marker_lines
            .iter()
            .map(|line| {
                Dataset::default()
                    .marker(Marker::Braille)
                    .graph_type(GraphType::Line)
                    .style(THEME.chart_marker)
                    .data(line)
            })
            .collect();
        datasets.extend(runs.iter().map(|run| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(THEME.chart_line)
                .data(run)
        }));
        let unit = &self.metric.unit;
        let value = |v: f64| {
            if unit.is_empty() {
                format_value(v)
            } else {
                format!("{} {unit}", format_value(v))
            }
        };
        let end = frame
            .t0
            .checked_add(jiff::SignedDuration::from_secs_f64(frame.span))
            .unwrap_or(frame.t0);
        let mid = frame
            .t0
            .checked_add(jiff::SignedDuration::from_secs_f64(frame.span / 2.0))
            .unwrap_or(frame.t0);
        let long = frame.span > 86_400.0;
        let chart = Chart::new(datasets)
            .legend_position(None)
            .x_axis(
                Axis::default()
                    .bounds([0.0, frame.span])
                    .style(THEME.dim)
                    .labels(
                        [(frame.t0, false), (mid, false), (end, true)]
                            .iter()
                            .map(|(t, zone)| {
                                Span::styled(time_label(*t, &tz, long, *zone), THEME.dim)
                            })
                            .collect::<Vec<_>>(),
                    ),
            )
            .y_axis(
                Axis::default()
                    .bounds([frame.lo, frame.hi])
                    .style(THEME.dim)
                    .labels(
                        [frame.lo, (frame.lo + frame.hi) / 2.0, frame.hi]
                            .iter()
                            .map(|v| Span::styled(value(*v), THEME.dim))
                            .collect::<Vec<_>>(),
                    ),
            );
        chart.render(plot_area, buf);
        let Some(graph) = graph_area(plot_area, buf) else {
            return;
        };
        let col = |x: f64| {
            let f = (x / frame.span).clamp(0.0, 1.0);
            graph.x + (f * f64::from(graph.width - 1)).round() as u16
        };
        let row = |v: f64| {
            let f = ((v - frame.lo) / (frame.hi - frame.lo)).clamp(0.0, 1.0);
            graph.bottom() - 1 - (f * f64::from(graph.height - 1)).round() as u16
        };
        if let Some(w) = window {
            let last = frame.t0 + jiff::SignedDuration::from_secs_f64(frame.span);
            let (a, b) = (frame.x(w.start), frame.x(w.end_or(last)));
            if b >= 0.0 && a <= frame.span {
                shade(buf, graph, col(a.max(0.0)), col(b.min(frame.span)));
            }
        }
        // Labels already written, as (row, first column, last column): a marker's label
        // moves down a row rather than write over the baseline's.
        let mut taken: Vec<(u16, u16, u16)> = Vec::new();
        if let Some(b) = figures.baseline
            && b >= frame.lo
            && b <= frame.hi
        {
            taken.extend(dashed(
                buf,
                graph,
                row(b),
                &format!("baseline {}", value(b)),
            ));
        }
        for (label, x) in &moments {
            place_label(buf, graph, col(*x), label, &mut taken);
        }
    }
}

/// The line above the plot: the metric, its unit, the figures and the zone, or as much of
/// that as fits in `width` (the figures before the name, the zone last).
fn caption(
    metric: &Metric,
    incident: &Incident,
    figures: &Figures,
    tz: &TimeZone,
    width: usize,
) -> Line<'static> {
    let zone_name = if incident.timezone.is_empty() {
        "UTC"
    } else {
        incident.timezone.as_str()
    };
    let start = Window::of(incident).map(|w| w.start);
    let line = figures.line(&metric.unit, tz, start);
    let unit = if metric.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", metric.unit)
    };
    let name = Span::styled(metric.name.clone(), THEME.heading);
    let dim = |text: String| Span::styled(text, THEME.dim);
    let mut choices: Vec<Vec<Span<'static>>> = Vec::new();
    if let Some(line) = &line {
        choices.push(vec![
            name.clone(),
            dim(unit.clone()),
            Span::raw(format!(" · {line}")),
            dim(format!(" · times in {zone_name}")),
        ]);
        choices.push(vec![name.clone(), Span::raw(format!(" · {line}"))]);
        choices.push(vec![Span::raw(line.clone())]);
    } else {
        choices.push(vec![
            name.clone(),
            dim(unit),
            dim(format!(" · times in {zone_name}")),
        ]);
    }
    choices.push(vec![name]);
    let fits = |spans: &Vec<Span<'static>>| {
        spans
            .iter()
            .map(|s| s.content.chars().count())
            .sum::<usize>()
            <= width
    };
    let last = choices.len() - 1;
    let chosen = choices.iter().position(fits).unwrap_or(last);
    Line::from(choices.swap_remove(chosen))
}

fn frame_of(metric: &Metric, baseline: Option<f64>) -> Option<Frame> {
    let real = metric.points.iter().filter(|p| !p.is_gap());
    let t0 = metric.points.first()?.0.timestamp;
    let t1 = metric.points.last()?.0.timestamp;
    let (mut lo, mut hi) = real.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
        (lo.min(p.1), hi.max(p.1))
    });
    if !lo.is_finite() {
        return None;
    }
    if let Some(b) = baseline.filter(|b| b.is_finite()) {
        lo = lo.min(b);
        hi = hi.max(b);
    }
    let pad = if hi > lo { (hi - lo) * 0.05 } else { 1.0 };
    let span = t1.duration_since(t0).as_secs_f64();
    // Values that are never negative start at zero when they come near it.
    let bottom = if lo >= 0.0 && (lo - pad <= 0.0 || lo < hi * 0.3) {
        0.0
    } else {
        lo - pad
    };
    (span > 0.0).then_some(Frame {
        t0,
        span,
        lo: bottom,
        hi: hi + pad,
    })
}

/// The points as runs between gaps, in plot coordinates.
fn runs(metric: &Metric, frame: &Frame) -> Vec<Vec<(f64, f64)>> {
    let mut out = vec![Vec::new()];
    for p in &metric.points {
        if p.is_gap() {
            if out.last().is_some_and(|r| !r.is_empty()) {
                out.push(Vec::new());
            }
        } else if let Some(run) = out.last_mut() {
            run.push((frame.x(p.0.timestamp), p.1));
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

/// `14:02` (or `03-12 14:02` over more than a day), with the zone's abbreviation after it
/// when `with_zone` (`17:44 GMT`).
fn time_label(t: Timestamp, tz: &TimeZone, long: bool, with_zone: bool) -> String {
    let zoned = t.to_zoned(tz.clone());
    let mut label = if long {
        zoned.strftime("%m-%d %H:%M").to_string()
    } else {
        zoned.strftime("%H:%M").to_string()
    };
    if with_zone {
        label.push(' ');
        label.push_str(tz.to_offset_info(t).abbreviation());
    }
    label
}

/// The plot area inside the axes: right of and above the `└` the chart draws where they meet.
fn graph_area(area: Rect, buf: &Buffer) -> Option<Rect> {
    for y in (area.top()..area.bottom()).rev() {
        for x in area.left()..area.right() {
            if buf[(x, y)].symbol() == "└" {
                let graph = Rect {
                    x: x + 1,
                    y: area.y,
                    width: area.right().saturating_sub(x + 1),
                    height: y.saturating_sub(area.y),
                };
                return (graph.width > 1 && graph.height > 1).then_some(graph);
            }
        }
    }
    None
}

fn is_blank(buf: &Buffer, x: u16, y: u16) -> bool {
    buf.cell(Position::new(x, y))
        .is_some_and(|c| c.symbol() == " " || c.symbol() == "\u{2800}")
}

/// Shades columns `from..=to` of the plot; the first and last get `┊` and the top row `▔`
/// where nothing else is drawn, so the window shows without colour too.
fn shade(buf: &mut Buffer, graph: Rect, from: u16, to: u16) {
    for x in from..=to.min(graph.right() - 1) {
        for y in graph.top()..graph.bottom() {
            let edge = x == from || x == to;
            if is_blank(buf, x, y) {
                if y == graph.top() {
                    buf[(x, y)].set_symbol("▔").set_style(THEME.chart_marker);
                } else if edge {
                    buf[(x, y)].set_symbol("┊").set_style(THEME.chart_marker);
                }
            }
            let cell = &mut buf[(x, y)];
            cell.set_style(THEME.chart_window);
        }
    }
}

/// A dashed line across the plot at `row`, with `label` at its right end; returns where the
/// label went (row, first and last column), if it fitted.
fn dashed(buf: &mut Buffer, graph: Rect, row: u16, label: &str) -> Option<(u16, u16, u16)> {
    for x in graph.left()..graph.right() {
        if is_blank(buf, x, row) {
            buf[(x, row)]
                .set_symbol("╌")
                .set_style(THEME.chart_baseline);
        }
    }
    let width = label.chars().count() as u16;
    if width + 2 <= graph.width {
        let x = graph.right() - width - 1;
        buf.set_string(x, row, label, THEME.chart_baseline);
        return Some((row, x, x + width));
    }
    None
}

/// Writes a marker's label beside its column on the top rows, right of the marker when it
/// fits, else left of it; a row already used there moves it one row down.
fn place_label(
    buf: &mut Buffer,
    graph: Rect,
    col: u16,
    label: &str,
    taken: &mut Vec<(u16, u16, u16)>,
) {
    let width = label.chars().count() as u16;
    if width + 1 >= graph.width {
        return;
    }
    let x = if col + 1 + width <= graph.right() {
        col + 1
    } else {
        col.saturating_sub(width).max(graph.left())
    };
    for y in graph.top()..graph.bottom().min(graph.top() + 3) {
        if taken
            .iter()
            .any(|(ty, a, b)| *ty == y && x <= *b && x + width >= *a)
        {
            continue;
        }
        buf.set_string(x, y, label, THEME.chart_marker);
        taken.push((y, x, x + width));
        return;
    }
}
