//! From a read [`Series`] to what a metric record keeps: the file's facts, and at most
//! [`MAX_POINTS`] points around the incident.

use jiff::{SignedDuration, Timestamp};

use super::Series;
use super::figures::{Window, comparison};
use super::lttb::{MAX_POINTS, downsample};
use crate::model::{Incident, Metric, Moment, Point};

/// Names a column often has that say nothing of the metric; the file's name is used instead.
const PLAIN_NAMES: &[&str] = &["value", "_value", "values", "y"];

/// A name for the series: `name` when given (followed by the series' own name when the
/// file held several), else the series' name, else the file's stem.
pub fn series_name(series: &Series, name: Option<&str>, several: bool, file: &str) -> String {
    let own = series.name.trim();
    let plain = own.is_empty()
        || PLAIN_NAMES.iter().any(|p| own.eq_ignore_ascii_case(p))
        || own.starts_with("column ");
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) if several && !plain => format!("{n} {own}"),
        Some(n) => n.to_string(),
        None if plain => stem.to_string(),
        None => own.to_string(),
    }
}

/// The part of the series a chart of `incident` shows: from half an incident window before
/// the comparison window to half a window after the end. The whole series when the incident
/// has no window yet, or when fewer than two values fall inside.
pub fn view(series: &Series, metric: &Metric, incident: &Incident) -> Option<(i64, i64)> {
    let window = Window::of(incident)?;
    let last = Timestamp::from_millisecond(*series.times.last()?).ok()?;
    let end = window.end_or(last);
    let length = end
        .duration_since(window.start)
        .max(SignedDuration::from_mins(10));
    let (compare_from, _) = comparison(
        metric,
        &Window {
            start: window.start,
            end: Some(end),
        },
    );
    let from = compare_from
        .min(window.start)
        .checked_sub(length / 2)
        .ok()?;
    let to = end.checked_add(length / 2).ok()?;
    let (from, to) = (from.as_millisecond(), to.as_millisecond());
    let inside = series
        .times
        .iter()
        .zip(&series.values)
        .filter(|(t, v)| **t >= from && **t <= to && !v.is_nan())
        .count();
    (inside >= 2).then_some((from, to))
}

/// Fills `metric` from `series` read from `file`: the file name, the series' row count
/// (values, gaps not counted), first and last time, smallest and largest value, and the
/// points of [`view`], downsampled to at most [`MAX_POINTS`] with LTTB, their values kept to
/// six significant digits (the file stays small; a chart cannot show more). Typed fields
/// (name, link, unit, typed baseline and peak, note, low-is-bad, comparison window) are kept.
pub fn fill(metric: &mut Metric, series: &Series, file: &str, incident: &Incident) {
    let moment = |ms: i64| Timestamp::from_millisecond(ms).ok().map(Moment::utc);
    let values = || series.values.iter().copied().filter(|v| !v.is_nan());
    metric.file = file.to_string();
    metric.rows = Some(series.value_count() as u64);
    metric.first_at = series.times.first().and_then(|t| moment(*t));
    metric.last_at = series.times.last().and_then(|t| moment(*t));
    metric.min = values().reduce(f64::min);
    metric.max = values().reduce(f64::max);
    let range = view(series, metric, incident);
    let pairs: Vec<(f64, f64)> = series
        .times
        .iter()
        .zip(&series.values)
        .filter(|(t, _)| range.is_none_or(|(from, to)| **t >= from && **t <= to))
        .map(|(t, v)| (*t as f64, *v))
        .collect();
    let first_value = pairs
        .iter()
        .position(|p| !p.1.is_nan())
        .unwrap_or(pairs.len());
    let last_value = pairs
        .iter()
        .rposition(|p| !p.1.is_nan())
        .map_or(0, |i| i + 1);
    let trimmed = pairs.get(first_value..last_value).unwrap_or(&[]);
    metric.points = downsample(trimmed, MAX_POINTS)
        .into_iter()
        .filter_map(|(t, v)| {
            let at = moment(t as i64)?;
            Some(if v.is_nan() {
                Point::gap(at)
            } else {
                Point::new(at, round_significant(v, 6))
            })
        })
        .collect();
}

/// Puts every series of `all`, read from `file`, into `incident`'s metric records and returns
/// the indices of the records it changed, in order.
///
/// A series goes into the record named as [`series_name`] gives (ignoring case), made when
/// there is none. With `into = Some(i)` and a single series, the series goes into record `i`
/// instead (its name is kept, or set when empty). Each record is then [`fill`]ed; `unit` and
/// `low_is_bad`, when given, are set on it. An index out of range is treated as `None`.
pub fn import_into(
    incident: &mut Incident,
    all: &[Series],
    file: &str,
    name: Option<&str>,
    into: Option<usize>,
    unit: Option<&str>,
    low_is_bad: bool,
) -> Vec<usize> {
    let several = all.len() > 1;
    let into = into.filter(|&i| !several && i < incident.monitoring.metrics.len());
    let mut changed = Vec::new();
    for series in all {
        let named = series_name(series, name, several, file);
        let index = match into.or_else(|| {
            incident
                .monitoring
                .metrics
                .iter()
                .position(|m| m.name.eq_ignore_ascii_case(&named))
        }) {
            Some(i) => i,
            None => {
                incident.monitoring.metrics.push(Metric {
                    name: named.clone(),
                    ..Metric::default()
                });
                incident.monitoring.metrics.len() - 1
            }
        };
        // Out of the incident while it is filled: `fill` reads the incident's window only.
        let mut metric = std::mem::take(&mut incident.monitoring.metrics[index]);
        if metric.name.trim().is_empty() {
            metric.name = named;
        }
        if let Some(unit) = unit {
            metric.unit = unit.trim().to_string();
        }
        if low_is_bad {
            metric.low_is_bad = true;
        }
        fill(&mut metric, series, file, incident);
        incident.monitoring.metrics[index] = metric;
        changed.push(index);
    }
    changed
}

/// `v` rounded to `digits` significant digits (`73.96732207` → `73.9673` for 6).
pub fn round_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let shift = digits - 1 - v.abs().log10().floor() as i32;
    if shift <= 0 {
        let factor = 10f64.powi(-shift);
        (v / factor).round() * factor
    } else if shift > 300 {
        v
    } else {
        let factor = 10f64.powi(shift);
        (v * factor).round() / factor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_six_significant_digits() {
        assert_eq!(round_significant(73.96732207, 6), 73.9673);
        assert_eq!(round_significant(99.24799999999999, 6), 99.248);
        assert_eq!(round_significant(0.000123456789, 6), 0.000123457);
        assert_eq!(round_significant(182_345_678.0, 6), 182_346_000.0);
        assert_eq!(round_significant(-2.5, 6), -2.5);
        assert_eq!(round_significant(0.0, 6), 0.0);
    }

    #[test]
    fn names_come_from_the_column_or_the_file() {
        let s = |name: &str| Series {
            name: name.into(),
            ..Series::default()
        };
        assert_eq!(series_name(&s("value"), None, false, "cpu.csv"), "cpu");
        assert_eq!(series_name(&s("p99"), None, true, "x.csv"), "p99");
        assert_eq!(
            series_name(&s("p99"), Some("api"), true, "x.csv"),
            "api p99"
        );
        assert_eq!(series_name(&s("value"), Some("api"), false, "x.csv"), "api");
    }
}
