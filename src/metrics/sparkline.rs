//! A Unicode sparkline of stored points, for one-line summaries (`▁▂▃▅▇`).

use crate::model::Point;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// At most `width` bars, each the largest value of its share of the points (the smallest
/// when `low_is_bad`, so a spike or a dip is never averaged away), scaled from the smallest
/// to the largest; a share that holds only gaps is a space. Empty without values.
pub fn sparkline(points: &[Point], width: usize, low_is_bad: bool) -> String {
    let values: Vec<f64> = points.iter().map(|p| p.1).collect();
    let (lo, hi) = values
        .iter()
        .filter(|v| !v.is_nan())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if width == 0 || !lo.is_finite() {
        return String::new();
    }
    let n = values.len();
    let cells = width.min(n);
    (0..cells)
        .map(|i| {
            let chunk = &values[i * n / cells..((i + 1) * n / cells).max(i * n / cells + 1)];
            let real: Vec<f64> = chunk.iter().copied().filter(|v| !v.is_nan()).collect();
            if real.is_empty() {
                return ' ';
            }
            let mean = if low_is_bad {
                real.iter().copied().fold(f64::INFINITY, f64::min)
            } else {
                real.iter().copied().fold(f64::NEG_INFINITY, f64::max)
            };
            let level = if hi > lo {
                ((mean - lo) / (hi - lo) * 7.0).round() as usize
            } else {
                3
            };
            BARS[level.min(7)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Moment;

    #[test]
    fn rises_and_gaps_show() {
        let at = |s: i64| Moment::utc(jiff::Timestamp::from_second(s).unwrap());
        let mut points: Vec<Point> = (0..8).map(|i| Point::new(at(i), i as f64)).collect();
        assert_eq!(sparkline(&points, 8, false), "▁▂▃▄▅▆▇█");
        points[3] = Point::gap(at(3));
        assert_eq!(sparkline(&points, 8, false), "▁▂▃ ▅▆▇█");
        assert_eq!(sparkline(&points, 4, false).chars().count(), 4);
        assert_eq!(sparkline(&[], 4, false), "");
        assert_eq!(sparkline(&points, 2, false), "▃█");
        assert_eq!(sparkline(&points, 2, true), "▁▅");
    }
}
