//! Metric series: reading them from files, downsampling, and the figures drawn from them.
//!
//! * [`read`]: a file's bytes to [`Series`] (CSV in [`csv_reader`], Prometheus `query_range`
//!   JSON in [`prometheus`]), times parsed by [`time`].
//! * [`lttb`]: largest-triangle-three-buckets downsampling that keeps gaps.
//! * [`record`]: a [`Series`] to the points and facts a metric record keeps.
//! * [`figures`]: the comparison window, baseline and peak, from stored points only.
//!
//! Pure apart from [`read::read_file`], which reads one file.

pub mod csv_reader;
pub mod error;
pub mod figures;
pub mod lttb;
pub mod prometheus;
pub mod read;
pub mod record;
pub mod sparkline;
pub mod time;

pub use error::MetricError;
pub use figures::{Figures, Window};
pub use read::{ReadOptions, read_bytes, read_file};

/// One series as read from a file, oldest first.
///
/// `times` are milliseconds since the Unix epoch (UTC); `values` the same length, `NaN` where
/// the file had no value (an empty cell) or where [`Series::mark_gaps`] found a gap in time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// The column name, or the Prometheus label set (`up{job="api"}`).
    pub name: String,
    /// Milliseconds since the epoch, ascending.
    pub times: Vec<i64>,
    /// Values, `NaN` for none.
    pub values: Vec<f64>,
}

impl Series {
    /// How many values the series holds (gaps not counted).
    pub fn value_count(&self) -> usize {
        self.values.iter().filter(|v| !v.is_nan()).count()
    }

    /// Sorts by time (stable, so rows with the same time keep their order).
    pub fn sort(&mut self) {
        if self.times.windows(2).all(|w| w[0] <= w[1]) {
            return;
        }
        let mut pairs: Vec<(i64, f64)> = self
            .times
            .iter()
            .copied()
            .zip(self.values.iter().copied())
            .collect();
        pairs.sort_by_key(|p| p.0);
        (self.times, self.values) = pairs.into_iter().unzip();
    }

    /// Marks gaps in time: where two neighbours are more than three times the median spacing
    /// apart, a `NaN` value is put between them, so that no line is drawn across.
    pub fn mark_gaps(&mut self) {
        if self.times.len() < 3 {
            return;
        }
        let mut steps: Vec<i64> = self.times.windows(2).map(|w| w[1] - w[0]).collect();
        let mid = steps.len() / 2;
        let median = *steps.select_nth_unstable(mid).1;
        if median <= 0 {
            return;
        }
        let limit = median.saturating_mul(3);
        let mut times = Vec::with_capacity(self.times.len());
        let mut values = Vec::with_capacity(self.values.len());
        for i in 0..self.times.len() {
            if i > 0 && self.times[i] - self.times[i - 1] > limit {
                times.push(self.times[i - 1] + (self.times[i] - self.times[i - 1]) / 2);
                values.push(f64::NAN);
            }
            times.push(self.times[i]);
            values.push(self.values[i]);
        }
        self.times = times;
        self.values = values;
    }
}
