//! Incidents as JSON: the stored TOML structure, key for key, times as RFC 3339 strings.

use crate::model::Incident;

/// The incident as stored, converted to JSON: the same keys in the same order, TOML
/// date-times as RFC 3339 strings and dates as `YYYY-MM-DD`.
///
/// # Errors
/// Only if the incident cannot be represented in TOML (e.g. a NaN metric).
pub(crate) fn incident(incident: &Incident) -> anyhow::Result<serde_json::Value> {
    let value = toml::Value::try_from(incident)?;
    Ok(convert(value))
}

fn convert(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(convert).collect()),
        // A date-time that went through serde comes back as this one-key table.
        toml::Value::Table(table)
            if table.len() == 1 && table.contains_key("$__toml_private_datetime") =>
        {
            match table.into_iter().next() {
                Some((_, toml::Value::String(s))) => J::String(s),
                Some((_, other)) => convert(other),
                None => J::Null,
            }
        }
        toml::Value::Table(table) => {
            J::Object(table.into_iter().map(|(k, v)| (k, convert(v))).collect())
        }
    }
}
