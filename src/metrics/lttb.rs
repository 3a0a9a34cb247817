//! Largest-triangle-three-buckets downsampling (Sveinn Steinarsson, "Downsampling Time Series
//! for Visual Representation", University of Iceland, 2013), keeping gaps.
//!
//! LTTB keeps the first and last point and, from each bucket between, the point that makes
//! the largest triangle with the point kept before it and the average of the next bucket; a
//! spike makes a large triangle, so it is kept where averaging would flatten it.

/// The most points a metric record stores per series.
pub const MAX_POINTS: usize = 500;

/// Downsamples `(time, value)` pairs to at most `threshold` points (at least 3 is useful).
///
/// A `NaN` value is a gap: the runs between gaps are downsampled on their own, each with a
/// share of `threshold` in proportion to its length (at least one point), and one `NaN`
/// point is kept between runs, so a gap stays a gap. Runs of gaps count as one. Input must be
/// sorted by time; the output is too.
pub fn downsample(points: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    let threshold = threshold.max(3);
    if points.len() <= threshold {
        return points.to_vec();
    }
    // Runs of values as index ranges; the point at a run's end is the gap after it.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, p) in points.iter().enumerate() {
        match (p.1.is_nan(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, points.len()));
    }
    // Too many runs to keep a point of each and the gaps between: merge the runs divided by
    // the shortest gaps until they fit (`lttb` skips the gap points inside).
    while runs.len() > 1 && runs.len() * 2 - 1 > threshold {
        let gap = |k: usize| points[runs[k + 1].0].0 - points[runs[k].1 - 1].0;
        let shortest = (0..runs.len() - 1)
            .min_by(|a, b| gap(*a).total_cmp(&gap(*b)))
            .unwrap_or(0);
        runs[shortest].1 = runs[shortest + 1].1;
        runs.remove(shortest + 1);
    }
    let budget = threshold - (runs.len() - 1);
    let total: usize = runs.iter().map(|r| r.1 - r.0).sum();
    let mut shares: Vec<usize> = runs
        .iter()
        .map(|r| (budget * (r.1 - r.0) / total.max(1)).max(1))
        .collect();
    while shares.iter().sum::<usize>() > budget {
        if let Some(most) = shares.iter_mut().max() {
            *most -= 1;
        }
    }
    let mut out = Vec::with_capacity(threshold);
    for (k, (run, share)) in runs.iter().zip(shares).enumerate() {
        out.extend(lttb(&points[run.0..run.1], share));
        if k + 1 < runs.len() {
            out.push(points[run.1]);
        }
    }
    out
}

/// Plain LTTB on one run; `NaN` values inside (from merged runs) are skipped.
fn lttb(run: &[(f64, f64)], threshold: usize) -> Vec<(f64, f64)> {
    let data: Vec<(f64, f64)> = if run.iter().any(|p| p.1.is_nan()) {
        run.iter().copied().filter(|p| !p.1.is_nan()).collect()
    } else {
        run.to_vec()
    };
    let n = data.len();
    if threshold >= n || n < 3 {
        return data;
    }
    if threshold < 3 {
        // One or two points: the extreme of the run says most about it.
        let mut best = data[0];
        let mean = data.iter().map(|p| p.1).sum::<f64>() / n as f64;
        for p in &data {
            if (p.1 - mean).abs() > (best.1 - mean).abs() {
                best = *p;
            }
        }
        return if threshold == 1 {
            vec![best]
        } else {
            vec![data[0], data[n - 1]]
        };
    }
    let every = (n - 2) as f64 / (threshold - 2) as f64;
    let mut out = Vec::with_capacity(threshold);
    out.push(data[0]);
    let mut a = 0usize;
    for i in 0..threshold - 2 {
        let next_start = (((i + 1) as f64 * every) as usize + 1).min(n - 1);
        let next_end = ((((i + 2) as f64 * every) as usize) + 1).min(n);
        let (mut avg_x, mut avg_y) = (0.0, 0.0);
        let count = next_end.saturating_sub(next_start).max(1);
        for p in &data[next_start..next_end.max(next_start + 1).min(n)] {
            avg_x += p.0;
            avg_y += p.1;
        }
        avg_x /= count as f64;
        avg_y /= count as f64;
        let start = ((i as f64 * every) as usize + 1).min(n - 1);
        let end = (((i + 1) as f64 * every) as usize + 1)
            .min(n - 1)
            .max(start + 1);
        let (ax, ay) = data[a];
        let mut best = start;
        let mut best_area = -1.0;
        for (j, p) in data.iter().enumerate().take(end).skip(start) {
            let area = ((ax - avg_x) * (p.1 - ay) - (ax - p.0) * (avg_y - ay)).abs();
            if area > best_area {
                best_area = area;
                best = j;
            }
        }
        out.push(data[best]);
        a = best;
    }
    out.push(data[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_input_is_kept_and_long_input_shrinks() {
        let small: Vec<(f64, f64)> = (0..10).map(|i| (i as f64, i as f64)).collect();
        assert_eq!(downsample(&small, 500), small);
        let big: Vec<(f64, f64)> = (0..10_000).map(|i| (i as f64, (i % 7) as f64)).collect();
        let out = downsample(&big, 500);
        assert!(out.len() <= 500 && out.len() >= 490, "{}", out.len());
        assert_eq!(out.first(), big.first());
        assert_eq!(out.last(), big.last());
        assert!(out.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_spike_survives() {
        let mut big: Vec<(f64, f64)> = (0..10_000).map(|i| (i as f64, 1.0)).collect();
        big[4321].1 = 50.0;
        let out = downsample(&big, 100);
        assert!(out.contains(&(4321.0, 50.0)));
    }

    #[test]
    fn gaps_stay_gaps() {
        let mut big: Vec<(f64, f64)> = (0..5_000).map(|i| (i as f64, (i % 13) as f64)).collect();
        for p in &mut big[2000..2100] {
            p.1 = f64::NAN;
        }
        big[4000].1 = f64::NAN;
        let out = downsample(&big, 200);
        assert!(out.len() <= 200, "{}", out.len());
        let gaps: Vec<f64> = out.iter().filter(|p| p.1.is_nan()).map(|p| p.0).collect();
        assert_eq!(gaps, vec![2000.0, 4000.0]);
        assert!(!out.iter().any(|p| p.0 > 2000.0 && p.0 < 2100.0));
    }

    #[test]
    fn many_gaps_still_fit() {
        let big: Vec<(f64, f64)> = (0..20_000)
            .map(|i| (i as f64, if i % 10 == 0 { f64::NAN } else { 1.0 }))
            .collect();
        let out = downsample(&big, 500);
        assert!(out.len() <= 500, "{}", out.len());
        assert!(out.iter().any(|p| p.1.is_nan()));
        assert!(!out.first().unwrap().1.is_nan() && !out.last().unwrap().1.is_nan());
    }
}
