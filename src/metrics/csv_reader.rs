//! CSV metric files, read with the `csv` crate.
//!
//! One time column and one or more value columns ("wide": the Numenta files, Grafana's panel
//! export with series as columns), or one row per series and time ("long": Grafana's series
//! as rows with a `Series` column, InfluxDB's annotated CSV with `_time`, `_value`,
//! `_measurement` and `_field`; its `#` annotation lines are skipped as comments). The header
//! is detected: a first row with a cell that is neither a number nor a time is one. The
//! delimiter is a comma, a semicolon or a tab, whichever the first line has most of. Empty
//! cells, `null` and `NaN` are gaps.

use jiff::tz::TimeZone;

use super::Series;
use super::error::{MetricError, shorten};
use super::time::{is_date_time, parse_time};

/// Header names taken as the time column, compared ignoring case.
const TIME_NAMES: &[&str] = &[
    "time",
    "timestamp",
    "_time",
    "date",
    "datetime",
    "date_time",
    "ts",
    "epoch",
    "t",
];

/// Epoch seconds before this (1973) are taken as values, not times, when guessing the time
/// column of a file without a header.
const EPOCH_GUESS_FROM_MS: i64 = 100_000_000_000;

/// Reads CSV text into series, one per value column (or per series key in the long form).
///
/// `column` keeps only the value column (or series) with that name, ignoring case. Naive
/// times are read in `tz`.
///
/// # Errors
/// [`MetricError::NoRows`], [`MetricError::NoTimeColumn`], [`MetricError::NoValueColumn`],
/// [`MetricError::NoSuchColumn`], [`MetricError::BadTime`], [`MetricError::NotNumber`] and
/// [`MetricError::Csv`], each with the line where it happened.
pub fn read_csv(
    text: &str,
    column: Option<&str>,
    tz: &TimeZone,
) -> Result<Vec<Series>, MetricError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let first = next_record(&mut records)?.ok_or(MetricError::NoRows("no rows at all"))?;
    let is_header = first
        .iter()
        .any(|c| !c.is_empty() && number(c).is_none() && parse_time(c, tz).is_none());
    let (header, data) = if is_header {
        let header: Vec<String> = first.iter().map(str::to_string).collect();
        let data = next_record(&mut records)?.ok_or(MetricError::NoRows("a header and no data"))?;
        (header, data)
    } else {
        let header = (1..=first.len()).map(|i| format!("column {i}")).collect();
        (header, first)
    };
    let layout = Layout::detect(&header, &data, column, tz)?;
    let mut out = Collector::new(&header, &layout);
    out.push(&data, tz)?;
    for record in records {
        let record = record.map_err(csv_error)?;
        if record.iter().all(str::is_empty) || record.iter().eq(header.iter().map(String::as_str)) {
            continue;
        }
        out.push(&record, tz)?;
    }
    out.finish()
}

fn next_record(
    records: &mut csv::StringRecordsIter<'_, &[u8]>,
) -> Result<Option<csv::StringRecord>, MetricError> {
    for record in records.by_ref() {
        let record = record.map_err(csv_error)?;
        if !record.iter().all(str::is_empty) {
            return Ok(Some(record));
        }
    }
    Ok(None)
}

fn csv_error(e: csv::Error) -> MetricError {
    MetricError::Csv {
        line: e.position().map_or(0, csv::Position::line),
        message: e.to_string(),
    }
}

/// The delimiter the first line that is not a comment has most of.
fn delimiter(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (line.bytes().filter(|c| c == d).count(), *d == b','))
        .unwrap_or(b',')
}

/// A value cell: `Some(NaN)` for a gap, `Some(v)` for a number, `None` when it is neither.
fn number(cell: &str) -> Option<f64> {
    if cell.is_empty()
        || cell.eq_ignore_ascii_case("null")
        || cell.eq_ignore_ascii_case("nan")
        || cell == "-"
    {
        return Some(f64::NAN);
    }
    let v: f64 = cell.parse().ok()?;
    Some(if v.is_finite() { v } else { f64::NAN })
}

/// Which columns hold what.
struct Layout {
    time: usize,
    values: Vec<usize>,
    /// Long form: the columns whose cells name the series.
    keys: Vec<usize>,
    /// Long form with `column`: the series name to keep.
    keep: Option<String>,
}

impl Layout {
    fn detect(
        header: &[String],
        data: &csv::StringRecord,
        column: Option<&str>,
        tz: &TimeZone,
    ) -> Result<Layout, MetricError> {
        let names = || header.join(", ");
        let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let cell = |i: usize| data.get(i).unwrap_or("");
        let by_name = header
            .iter()
            .position(|h| TIME_NAMES.iter().any(|n| h.eq_ignore_ascii_case(n)));
        let time = by_name
            .filter(|i| parse_time(cell(*i), tz).is_some())
            .or_else(|| (0..header.len()).find(|i| is_date_time(cell(*i), tz)))
            .or_else(|| {
                (0..header.len())
                    .find(|i| parse_time(cell(*i), tz).is_some_and(|ms| ms >= EPOCH_GUESS_FROM_MS))
            })
            .ok_or_else(|| MetricError::NoTimeColumn { columns: names() })?;
        let keys: Vec<usize> = if let Some(series) = find("series") {
            vec![series]
        } else if find("_value").is_some() {
            ["_measurement", "_field"]
                .iter()
                .filter_map(|n| find(n))
                .chain(find("table").filter(|_| find("_field").is_none()))
                .collect()
        } else {
            Vec::new()
        };
        let numeric = |i: &usize| *i != time && !keys.contains(i) && number(cell(*i)).is_some();
        let mut values: Vec<usize> = if let Some(v) = find("_value") {
            vec![v]
        } else if !keys.is_empty() {
            find("value")
                .or_else(|| (0..header.len()).find(numeric))
                .into_iter()
                .collect()
        } else {
            (0..header.len()).filter(numeric).collect()
        };
        if values.is_empty() && keys.is_empty() {
            // No number in the first row: read every other column, so that the error names
            // the cell that is not a number.
            values = (0..header.len()).filter(|i| *i != time).collect();
        }
        if values.is_empty() {
            return Err(MetricError::NoValueColumn { columns: names() });
        }
        let mut keep = None;
        if let Some(wanted) = column {
            if keys.is_empty() {
                let chosen = values
                    .iter()
                    .copied()
                    .find(|i| header[*i].eq_ignore_ascii_case(wanted.trim()))
                    .ok_or_else(|| MetricError::NoSuchColumn {
                        wanted: wanted.to_string(),
                        columns: values
                            .iter()
                            .map(|i| header[*i].as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })?;
                values = vec![chosen];
            } else {
                keep = Some(wanted.trim().to_string());
            }
        }
        Ok(Layout {
            time,
            values,
            keys,
            keep,
        })
    }
}

/// Gathers rows into series.
struct Collector<'a> {
    header: &'a [String],
    layout: &'a Layout,
    series: Vec<Series>,
    /// Long form: series name to its index in `series`.
    index: std::collections::HashMap<String, usize>,
}

impl<'a> Collector<'a> {
    fn new(header: &'a [String], layout: &'a Layout) -> Self {
        let series = if layout.keys.is_empty() {
            layout
                .values
                .iter()
                .map(|i| Series {
                    name: header[*i].clone(),
                    ..Series::default()
                })
                .collect()
        } else {
            Vec::new()
        };
        Collector {
            header,
            layout,
            series,
            index: std::collections::HashMap::new(),
        }
    }

    fn push(&mut self, record: &csv::StringRecord, tz: &TimeZone) -> Result<(), MetricError> {
        let line = record.position().map_or(0, csv::Position::line);
        let time_cell = record.get(self.layout.time).unwrap_or("");
        let at = parse_time(time_cell, tz).ok_or_else(|| MetricError::BadTime {
            line,
            text: shorten(time_cell),
        })?;
        let value_of = |i: usize| {
            let cell = record.get(i).unwrap_or("");
            number(cell).ok_or_else(|| MetricError::NotNumber {
                line,
                column: self.header[i].clone(),
                text: shorten(cell),
            })
        };
        if self.layout.keys.is_empty() {
            for (n, i) in self.layout.values.iter().enumerate() {
                let v = value_of(*i)?;
                self.series[n].times.push(at);
                self.series[n].values.push(v);
            }
            return Ok(());
        }
        let name = self
            .layout
            .keys
            .iter()
            .map(|k| record.get(*k).unwrap_or(""))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let v = value_of(self.layout.values[0])?;
        let next = self.series.len();
        let n = *self.index.entry(name.clone()).or_insert(next);
        if n == next {
            self.series.push(Series {
                name,
                ..Series::default()
            });
        }
        self.series[n].times.push(at);
        self.series[n].values.push(v);
        Ok(())
    }

    fn finish(self) -> Result<Vec<Series>, MetricError> {
        let Some(keep) = &self.layout.keep else {
            return Ok(self.series);
        };
        let names = self
            .series
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let kept: Vec<Series> = self
            .series
            .into_iter()
            .filter(|s| s.name.eq_ignore_ascii_case(keep))
            .collect();
        if kept.is_empty() {
            return Err(MetricError::NoSuchColumn {
                wanted: keep.clone(),
                columns: names,
            });
        }
        Ok(kept)
    }
}
