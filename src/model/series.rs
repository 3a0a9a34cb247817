//! A metric's stored series: `[time, value]` pairs, and their layout in the file.
//!
//! An imported series is kept in its metric record as `points`, an array of two-element
//! arrays, one pair per line (docs/format.md). A value of `nan` marks a gap: no line is drawn
//! from the point before it to the point after it.

use serde::{Deserialize, Serialize};

use super::moment::Moment;

/// One stored point: when, and the value (`NaN` marks a gap in the series).
///
/// Written as a TOML array `[2014-02-07T14:55:00Z, 85.3]`. Equality treats two gaps at the
/// same time as equal (unlike `f64`), so an incident with gaps equals itself.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub struct Point(pub Moment, pub f64);

impl Point {
    /// A point at `at` with `value`.
    pub fn new(at: Moment, value: f64) -> Self {
        Point(at, value)
    }

    /// A gap at `at`: the line stops before it and starts again after it.
    pub fn gap(at: Moment) -> Self {
        Point(at, f64::NAN)
    }

    /// True when this point marks a gap.
    pub fn is_gap(&self) -> bool {
        self.1.is_nan()
    }
}

impl PartialEq for Point {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && (self.1 == other.1 || (self.1.is_nan() && other.1.is_nan()))
    }
}

/// Rewrites each `points = [[…], […]]` line of serialized TOML to one pair per line:
///
/// ```toml
/// points = [
///     [2014-02-07T14:55:00Z, 85.3],
///     [2014-02-07T15:00:00Z, nan],
/// ]
/// ```
///
/// Only lines that start with `points = [[` are touched; pairs hold a date-time and a number,
/// never a string, so splitting at `], [` cannot cut through text. A line of a multi-line
/// text could look the same: [`crate::model::codec::to_toml_string`] checks that the result
/// reads back as the same incident.
pub fn points_one_per_line(toml_text: &str) -> String {
    if !toml_text.contains("\npoints = [[") {
        return toml_text.to_string();
    }
    let mut out = String::with_capacity(toml_text.len() + toml_text.len() / 8);
    for line in toml_text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let inner = body
            .strip_prefix("points = [[")
            .and_then(|rest| rest.strip_suffix("]]"));
        match inner {
            Some(inner) if !inner.contains('"') && !inner.contains('\'') => {
                out.push_str("points = [\n");
                for pair in inner.split("], [") {
                    out.push_str("    [");
                    out.push_str(pair);
                    out.push_str("],\n");
                }
                out.push_str("]\n");
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::{Parsed, parse, to_toml_string};
    use crate::model::{Incident, Metric};

    fn at(text: &str) -> Moment {
        Moment::parse_rfc3339(text).unwrap()
    }

    fn incident() -> Incident {
        Incident {
            schema_version: 1,
            id: "2026-03-12-a".into(),
            title: "a".into(),
            ..Incident::default()
        }
    }

    #[test]
    fn points_are_written_one_pair_per_line_after_the_scalar_keys() {
        let mut inc = incident();
        inc.monitoring.metrics.push(Metric {
            name: "cpu".into(),
            unit: "%".into(),
            rows: Some(3),
            min: Some(1.0),
            points: vec![
                Point::new(at("2026-03-12T14:00:00Z"), 1.0),
                Point::gap(at("2026-03-12T14:05:00Z")),
                Point::new(at("2026-03-12T14:10:00+01:00"), 2.5),
            ],
            ..Metric::default()
        });
        let text = to_toml_string(&inc).unwrap();
        assert!(
            text.ends_with(
                "[[monitoring.metrics]]\nname = \"cpu\"\nunit = \"%\"\nrows = 3\nmin = 1.0\n\
                 points = [\n    [2026-03-12T14:00:00Z, 1.0],\n    [2026-03-12T14:05:00Z, nan],\n    \
                 [2026-03-12T14:10:00+01:00, 2.5],\n]\n"
            ),
            "{text}"
        );
        let Ok(Parsed::Current(back)) = parse(&text) else {
            panic!("does not parse back: {text}");
        };
        assert_eq!(*back, inc);
        assert!(back.monitoring.metrics[0].points[1].is_gap());
    }

    #[test]
    fn a_text_that_looks_like_points_is_kept() {
        let mut inc = incident();
        inc.narrative.text =
            "one\npoints = [[2026-03-12T14:00:00Z, 1.0], [2026-03-12T14:00:00Z, 2.0]]\ntwo".into();
        inc.monitoring.metrics.push(Metric {
            points: vec![Point::new(at("2026-03-12T14:00:00Z"), 1.0)],
            ..Metric::default()
        });
        let text = to_toml_string(&inc).unwrap();
        let Ok(Parsed::Current(back)) = parse(&text) else {
            panic!("does not parse back: {text}");
        };
        assert_eq!(*back, inc);
    }

    #[test]
    fn other_lines_are_left_alone() {
        let text = "a = 1\npoints = [[\"x\"], [\"y\"]]\nnote = \"points = [[1]]\"\n";
        assert_eq!(points_one_per_line(text), text);
    }
}
