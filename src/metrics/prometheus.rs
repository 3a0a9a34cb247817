//! Prometheus `query_range` answers (the HTTP API's JSON, `resultType` `matrix`).
//!
//! Shape (Prometheus docs, "Range queries"):
//! `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},"values":[[1435781430.781,"1"],…]}]}}`.
//! Each result is one series, named by its label set as Prometheus prints it:
//! `up{instance="a:9090",job="api"}`. Values are strings; `NaN` and infinities are gaps.

use serde::Deserialize;

use super::Series;
use super::error::MetricError;

#[derive(Deserialize)]
struct Answer {
    status: String,
    #[serde(default)]
    error: Option<String>,
    data: Option<Data>,
}

#[derive(Deserialize)]
struct Data {
    #[serde(rename = "resultType")]
    result_type: String,
    result: Vec<Result_>,
}

#[derive(Deserialize)]
struct Result_ {
    #[serde(default)]
    metric: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    values: Vec<(f64, String)>,
}

/// Reads a `query_range` answer into one series per result.
///
/// `column` keeps only the series with that name (its label set as printed), ignoring case.
///
/// # Errors
/// [`MetricError::Prometheus`] for JSON that is not such an answer (bad JSON, a status other
/// than `success`, a result type other than `matrix`, no series, a value that is not a
/// number); [`MetricError::NoSuchColumn`] when `column` names none of the series.
pub fn read_prometheus(text: &str, column: Option<&str>) -> Result<Vec<Series>, MetricError> {
    let answer: Answer =
        serde_json::from_str(text).map_err(|e| MetricError::Prometheus(e.to_string()))?;
    if answer.status != "success" {
        return Err(MetricError::Prometheus(format!(
            "status is `{}`{}",
            answer.status,
            answer.error.map(|e| format!(": {e}")).unwrap_or_default()
        )));
    }
    let data = answer
        .data
        .ok_or_else(|| MetricError::Prometheus("no `data`".into()))?;
    if data.result_type != "matrix" {
        return Err(MetricError::Prometheus(format!(
            "resultType is `{}`; a range query (query_range) gives `matrix`",
            data.result_type
        )));
    }
    let mut all = Vec::new();
    for result in data.result {
        let name = label_set(&result.metric);
        let mut series = Series {
            name,
            ..Series::default()
        };
        for (at, value) in result.values {
            let v: f64 = value.parse().map_err(|_| {
                MetricError::Prometheus(format!("`{value}` in {} is not a number", series.name))
            })?;
            if !at.is_finite() || at < 0.0 {
                return Err(MetricError::Prometheus(format!(
                    "`{at}` in {} is not a time",
                    series.name
                )));
            }
            series.times.push((at * 1000.0).round() as i64);
            series.values.push(if v.is_finite() { v } else { f64::NAN });
        }
        all.push(series);
    }
    if all.iter().all(|s| s.times.is_empty()) {
        return Err(MetricError::NoRows("no series with values"));
    }
    if let Some(wanted) = column {
        let names = all
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        all.retain(|s| s.name.eq_ignore_ascii_case(wanted.trim()));
        if all.is_empty() {
            return Err(MetricError::NoSuchColumn {
                wanted: wanted.to_string(),
                columns: names,
            });
        }
    }
    Ok(all)
}

/// `__name__{label="value",…}` with the labels sorted, as Prometheus prints a series.
fn label_set(metric: &serde_json::Map<String, serde_json::Value>) -> String {
    let name = metric
        .get("__name__")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    let mut labels: Vec<(&String, String)> = metric
        .iter()
        .filter(|(k, _)| k.as_str() != "__name__")
        .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
        .collect();
    labels.sort();
    if labels.is_empty() {
        return if name.is_empty() { "{}".into() } else { name };
    }
    let inner: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    format!("{name}{{{}}}", inner.join(","))
}
