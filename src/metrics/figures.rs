//! The incident window, the comparison window, and the baseline and peak computed from a
//! metric's stored points (typed values win).

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::model::timeinput::format_clock;
use crate::model::{Incident, Metric, Milestone, Moment};

/// The incident window: from *impact started* to *resolved* (or *mitigated* when not yet
/// resolved). `end` is `None` while neither is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Impact started.
    pub start: Timestamp,
    /// Resolved, else mitigated.
    pub end: Option<Timestamp>,
}

impl Window {
    /// The incident's window, `None` without an *impact started* moment.
    pub fn of(incident: &Incident) -> Option<Window> {
        let start = incident.milestone(Milestone::ImpactStarted)?.timestamp;
        let end = incident
            .milestone(Milestone::Resolved)
            .or_else(|| incident.milestone(Milestone::Mitigated))
            .map(|m| m.timestamp)
            .filter(|end| *end > start);
        Some(Window { start, end })
    }

    /// The end, or `fallback` (e.g. the last point) when it is not known yet.
    pub fn end_or(&self, fallback: Timestamp) -> Timestamp {
        self.end.unwrap_or(fallback).max(self.start)
    }
}

/// The comparison window of a metric: its own `compare_from`/`compare_to` when set; by
/// default as long as the incident window, ending at impact start (an hour when the end of
/// the incident window is not known).
pub fn comparison(metric: &Metric, window: &Window) -> (Timestamp, Timestamp) {
    let to = metric.compare_to.map_or(window.start, |m| m.timestamp);
    let length = window.end.map_or(SignedDuration::from_hours(1), |end| {
        end.duration_since(window.start)
    });
    let from = metric
        .compare_from
        .map_or_else(|| to.checked_sub(length).unwrap_or(to), |m| m.timestamp);
    (from, to)
}

/// The median of the values with `from <= time < to`; gaps are skipped.
pub fn median_between(
    points: &[crate::model::Point],
    from: Timestamp,
    to: Timestamp,
) -> Option<f64> {
    let mut values: Vec<f64> = points
        .iter()
        .filter(|p| !p.is_gap() && p.0.timestamp >= from && p.0.timestamp < to)
        .map(|p| p.1)
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// The largest value (smallest when `low_is_bad`) with `from <= time <= to`, and its time
/// (the first, when it occurs more than once).
pub fn extreme_between(
    points: &[crate::model::Point],
    from: Timestamp,
    to: Timestamp,
    low_is_bad: bool,
) -> Option<(f64, Moment)> {
    let mut best: Option<(f64, Moment)> = None;
    for p in points
        .iter()
        .filter(|p| !p.is_gap() && p.0.timestamp >= from && p.0.timestamp <= to)
    {
        let better = match best {
            None => true,
            Some((b, _)) if low_is_bad => p.1 < b,
            Some((b, _)) => p.1 > b,
        };
        if better {
            best = Some((p.1, p.0));
        }
    }
    best
}

/// A metric's baseline and peak as shown: typed values when typed, else computed from the
/// stored points over the comparison and incident windows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figures {
    /// The baseline.
    pub baseline: Option<f64>,
    /// True when the baseline was computed (not typed).
    pub baseline_computed: bool,
    /// The peak (the minimum for a metric where low is bad).
    pub peak: Option<f64>,
    /// When the computed peak happened (`None` for a typed peak).
    pub peak_at: Option<Moment>,
    /// The comparison window used for the computed baseline.
    pub compare: Option<(Timestamp, Timestamp)>,
}

impl Figures {
    /// The figures of `metric` in `incident`.
    pub fn of(metric: &Metric, incident: &Incident) -> Figures {
        let mut out = Figures {
            baseline: metric.baseline,
            peak: metric.peak,
            ..Figures::default()
        };
        let (Some(window), Some(last)) = (Window::of(incident), metric.points.last()) else {
            return out;
        };
        let compare = comparison(metric, &window);
        out.compare = Some(compare);
        if out.baseline.is_none() {
            out.baseline = median_between(&metric.points, compare.0, compare.1);
            out.baseline_computed = out.baseline.is_some();
        }
        if out.peak.is_none()
            && let Some((value, at)) = extreme_between(
                &metric.points,
                window.start,
                window.end_or(last.0.timestamp),
                metric.low_is_bad,
            )
        {
            out.peak = Some(value);
            out.peak_at = Some(at);
        }
        out
    }

    /// Peak over baseline, when both are known and the baseline is not zero.
    pub fn ratio(&self) -> Option<f64> {
        let (b, p) = (self.baseline?, self.peak?);
        (b != 0.0 && b.is_finite() && p.is_finite()).then(|| p / b)
    }

    /// `baseline 37.6 % → peak 99.3 % at 09:41 (2.6×)`, with the peak's time in `tz` (and
    /// its date when it is not the day of `day_of`); `None` when neither figure is known.
    pub fn line(&self, unit: &str, tz: &TimeZone, day_of: Option<Timestamp>) -> Option<String> {
        let with_unit = |v: f64| {
            if unit.is_empty() {
                format_value(v)
            } else {
                format!("{} {unit}", format_value(v))
            }
        };
        let mut parts = Vec::new();
        if let Some(b) = self.baseline {
            parts.push(format!("baseline {}", with_unit(b)));
        }
        if let Some(p) = self.peak {
            let mut peak = format!("peak {}", with_unit(p));
            if let Some(at) = self.peak_at {
                let same_day = day_of.is_some_and(|d| {
                    d.to_zoned(tz.clone()).date() == at.timestamp.to_zoned(tz.clone()).date()
                });
                if same_day {
                    peak.push_str(&format!(" at {}", format_clock(&at, tz)));
                } else {
                    peak.push_str(&format!(
                        " at {}",
                        at.timestamp.to_zoned(tz.clone()).strftime("%Y-%m-%d %H:%M")
                    ));
                }
            }
            parts.push(peak);
        }
        if parts.is_empty() {
            return None;
        }
        let mut line = parts.join(" → ");
        if let Some(r) = self.ratio() {
            line.push_str(&format!(" ({}×)", format_ratio(r)));
        }
        Some(line)
    }
}

/// The figures line of `metric` in `incident`'s zone (see [`Figures::line`]), e.g.
/// `baseline 37.6 % → peak 99.3 % at 09:41 (2.6×)`.
pub fn describe(metric: &Metric, incident: &Incident) -> Option<String> {
    let tz = crate::model::timeinput::zone(&incident.timezone);
    let start = Window::of(incident).map(|w| w.start);
    Figures::of(metric, incident).line(&metric.unit, &tz, start)
}

/// A value in at most three significant digits before the point, trailing zeros dropped:
/// `37.6`, `0.213`, `1520`, `-4.5`.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        3
    };
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".into() } else { s }
}

/// `189`, `2.6`, or for a fall to almost nothing `0.004`.
fn format_ratio(r: f64) -> String {
    if r.abs() >= 10.0 {
        format!("{r:.0}")
    } else if r.abs() >= 0.1 {
        format!("{r:.1}")
    } else {
        format_value(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Point, TimelineEntry};

    fn at(minute: i64) -> Moment {
        Moment::utc(Timestamp::from_second(1_700_000_000 + minute * 60).unwrap())
    }

    fn incident(start: i64, end: i64) -> Incident {
        let entry = |m: i64, milestone| TimelineEntry {
            at: Some(at(m)),
            milestone: Some(milestone),
            ..TimelineEntry::default()
        };
        Incident {
            timeline: vec![
                entry(start, Milestone::ImpactStarted),
                entry(end, Milestone::Resolved),
            ],
            ..Incident::default()
        }
    }

    /// A series at one point a minute: 39, 40, 41 in turn before the incident, a spike to 99 at minute
    /// 130 inside the window 120..180, and a dip to 3 at minute 150.
    fn series() -> Vec<Point> {
        (0..240)
            .map(|m| {
                let v = match m {
                    130 => 99.0,
                    150 => 3.0,
                    _ => 39.0 + (m % 3) as f64,
                };
                Point::new(at(m), v)
            })
            .collect()
    }

    #[test]
    fn baseline_is_the_median_before_and_peak_the_extreme_inside() {
        let mut metric = Metric {
            unit: "%".into(),
            points: series(),
            ..Metric::default()
        };
        metric.points[100] = Point::gap(at(100));
        let inc = incident(120, 180);
        let f = Figures::of(&metric, &inc);
        assert_eq!(f.compare, Some((at(60).timestamp, at(120).timestamp)));
        assert_eq!(f.baseline, Some(40.0));
        assert!(f.baseline_computed);
        assert_eq!(f.peak, Some(99.0));
        assert_eq!(f.peak_at, Some(at(130)));
        let tz = TimeZone::UTC;
        assert_eq!(
            f.line("%", &tz, Some(at(120).timestamp)).unwrap(),
            format!(
                "baseline 40 % → peak 99 % at {} (2.5×)",
                format_clock(&at(130), &tz)
            )
        );
        metric.low_is_bad = true;
        let f = Figures::of(&metric, &inc);
        assert_eq!((f.peak, f.peak_at), (Some(3.0), Some(at(150))));
    }

    #[test]
    fn typed_values_win_and_a_set_window_is_used() {
        let mut metric = Metric {
            baseline: Some(10.0),
            points: series(),
            ..Metric::default()
        };
        let inc = incident(120, 180);
        let f = Figures::of(&metric, &inc);
        assert_eq!(f.baseline, Some(10.0));
        assert!(!f.baseline_computed);
        assert_eq!(f.ratio(), Some(9.9));
        metric.baseline = None;
        metric.peak = Some(50.0);
        metric.compare_from = Some(at(0));
        metric.compare_to = Some(at(1));
        let f = Figures::of(&metric, &inc);
        assert_eq!(f.baseline, Some(39.0));
        assert_eq!((f.peak, f.peak_at), (Some(50.0), None));
    }

    #[test]
    fn nothing_is_computed_without_an_impact_start_or_points() {
        let metric = Metric {
            points: series(),
            ..Metric::default()
        };
        assert_eq!(
            Figures::of(&metric, &Incident::default()),
            Figures::default()
        );
        assert_eq!(Figures::default().line("%", &TimeZone::UTC, None), None);
    }

    #[test]
    fn values_are_short() {
        assert_eq!(format_value(37.6123), "37.6");
        assert_eq!(format_value(99.30), "99.3");
        assert_eq!(format_value(0.2134), "0.213");
        assert_eq!(format_value(1520.4), "1520");
        assert_eq!(format_value(2.0), "2");
        assert_eq!(format_value(-0.0001), "0");
        assert_eq!(format_ratio(0.4 / 99.7), "0.004");
        assert_eq!(format_ratio(2.61), "2.6");
    }
}
