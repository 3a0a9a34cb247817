//! The field table is the one definition of the fields: every model field has a row, every
//! row can be set through the form and read back from disk, the fast list reader knows every
//! key, and only rows marked customer-facing reach the customer export.

use std::collections::BTreeSet;

use jiff::civil::Date;
use retro::app::form::{self, Kind, Target};
use retro::model::fields::Value;
use retro::model::{FieldId, Incident, RecordKind, codec};
use serde::de::{self, Deserialize, Visitor};

/// A deserializer that only records the field names a struct asks for, then fails.
struct Probe<'a>(&'a mut Vec<&'static str>);

#[derive(Debug)]
struct Stop;
impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stop")
    }
}
impl std::error::Error for Stop {}
impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Stop;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.extend_from_slice(fields);
        Err(Stop)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

fn field_names<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
    let mut names = Vec::new();
    let _ = T::deserialize(Probe(&mut names));
    names
}

#[test]
fn every_model_field_has_a_row_in_the_table() {
    // Keys that are not a person's input: the file's identity and bookkeeping, the meeting
    // clock and lint settings (their own screens), text kept as typed, other tools' data,
    // record ids, and the tables that only group fields.
    let bookkeeping: BTreeSet<&str> = [
        "schema_version",
        "id",
        "created_at",
        "updated_at",
        "meeting",
        "lint",
        "unparsed",
        "extensions",
        "stakeholders",
        "monitoring",
        "technical",
        "narrative",
        "factors[].id",
        "actions[].id",
        // Facts of an imported metric series (`retro metric`), not typed.
        "monitoring.metrics[].file",
        "monitoring.metrics[].rows",
        "monitoring.metrics[].first_at",
        "monitoring.metrics[].last_at",
        "monitoring.metrics[].min",
        "monitoring.metrics[].max",
        "monitoring.metrics[].points",
        // Imported, not typed: where a timeline entry came from, and the updates a status
        // page sent to customers.
        "timeline[].source",
        "stakeholders.updates",
    ]
    .into();
    let structs: [(&str, Vec<&str>); 9] = [
        ("", field_names::<Incident>()),
        ("stakeholders.", field_names::<retro::model::Stakeholders>()),
        ("monitoring.", field_names::<retro::model::Monitoring>()),
        ("technical.", field_names::<retro::model::Technical>()),
        ("narrative.", field_names::<retro::model::Narrative>()),
        ("timeline[].", field_names::<retro::model::TimelineEntry>()),
        ("factors[].", field_names::<retro::model::Factor>()),
        (
            "monitoring.metrics[].",
            field_names::<retro::model::Metric>(),
        ),
        ("actions[].", field_names::<retro::model::Action>()),
    ];
    let mut missing = Vec::new();
    for (prefix, names) in &structs {
        assert!(!names.is_empty(), "the probe read no fields of {prefix}");
        for name in names {
            let path = format!("{prefix}{name}");
            let known = FieldId::find(&path).is_some()
                || bookkeeping.contains(path.as_str())
                || bookkeeping.contains(name.trim_end_matches('.'))
                || *name == "unparsed";
            if !known {
                missing.push(path);
            }
        }
    }
    assert!(missing.is_empty(), "fields without a row: {missing:?}");
    // And the other way: every row names a real place.
    for field in FieldId::all() {
        let def = field.def();
        if matches!(def.value, Value::Derived) {
            continue;
        }
        let (prefix, key) = match def.path.rsplit_once('.') {
            Some((p, k)) => (format!("{p}."), k),
            None => (String::new(), def.path),
        };
        let names = structs
            .iter()
            .find(|(p, _)| *p == prefix)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        assert!(names.contains(&key), "{} is not a model field", def.path);
    }
}

fn sample_text(field: FieldId, n: usize) -> String {
    let def = field.def();
    let word = def.path.replace(['.', '[', ']'], "-");
    match def.kind {
        Kind::Zone => "Europe/Rome".into(),
        Kind::Time => format!("2026-03-12 14:0{n}"),
        Kind::Date => "2026-04-01".into(),
        Kind::Number => format!("{}.5", n + 1),
        Kind::CommaList => format!("{word}-a, {word}-b"),
        Kind::LineList => format!("{word} one\n{word} two"),
        Kind::Multi => format!("{word} {n}\nsecond line"),
        _ => format!("{word} {n}"),
    }
}

/// An incident with every field of the table set through the form, two records each.
fn filled() -> Incident {
    let mut inc = Incident {
        schema_version: 1,
        id: "2026-03-12-every-field".into(),
        title: "x".into(),
        ..Incident::default()
    };
    let today = Date::constant(2026, 3, 12);
    for kind in RecordKind::ALL {
        for _ in 0..2 {
            retro::app::records::add(&mut inc, kind);
        }
    }
    for field in FieldId::all() {
        let def = field.def();
        let count = def.record.map_or(1, |k| k.len(&inc));
        for n in 0..count {
            let target = Target::record(field, n);
            match def.kind {
                Kind::Choice => {
                    let last = form::choice_labels(target).len() - 1;
                    // Key moments are one entry each: give each entry its own.
                    form::set_choice(&mut inc, target, last - n);
                }
                Kind::Toggle => form::toggle(&mut inc, target),
                Kind::Links => {
                    if let Value::List(_, get_mut) = def.value
                        && let Some(ids) = get_mut(&mut inc, n)
                    {
                        *ids = vec!["F1".into(), "F2".into()];
                    }
                }
                Kind::Chain => {
                    form::set_text(&mut inc, target.item(0), "why one", today).unwrap();
                    form::set_text(&mut inc, target.item(1), "why two", today).unwrap();
                }
                kind if kind.is_text() => {
                    let text = sample_text(field, n);
                    form::set_text(&mut inc, target, &text, today)
                        .unwrap_or_else(|e| panic!("{}: {e}", def.path));
                }
                _ => {}
            }
        }
    }
    inc
}

#[test]
fn every_field_set_through_the_form_is_saved_and_read_back() {
    let inc = filled();
    let dir = tempfile::tempdir().unwrap();
    let store = retro::storage::Store::open(dir.path()).unwrap();
    store.save(&inc).unwrap();
    let back = store.load(&inc.id).unwrap().incident;
    for field in FieldId::all() {
        let def = field.def();
        let count = def.record.map_or(1, |k| k.len(&inc));
        for n in 0..count {
            let target = Target::record(field, n);
            if !matches!(def.value, Value::Derived) {
                assert!(
                    !def.value.is_empty(&inc, n),
                    "{} was not set by the form",
                    target
                );
                assert!(def.value.same(&inc, &back, n), "{target} changed on disk");
            }
        }
    }
    assert_eq!(back.timeline.len(), 2);
}

#[test]
fn the_fast_list_reader_reads_a_file_with_every_field_set() {
    let inc = filled();
    let text = codec::to_toml_string(&inc).unwrap();
    let today = Date::constant(2026, 3, 20);
    let fast = retro::storage::summary_fast::summarize(text.as_bytes(), today)
        .expect("the fast reader declined a file holding every field of the table");
    assert_eq!(fast, retro::storage::Summary::of(&inc, today));
}

#[test]
fn only_customer_facing_rows_reach_the_customer_export() {
    let inc = filled();
    let dir = tempfile::tempdir().unwrap();
    let store = retro::storage::Store::open(dir.path()).unwrap();
    store.save(&inc).unwrap();
    let out = assert_cmd::Command::cargo_bin("retro")
        .unwrap()
        .args(["--dir"])
        .arg(dir.path())
        .args(["export", &inc.id, "--audience", "customer"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8_lossy(&out.stdout);
    for field in FieldId::all() {
        let def = field.def();
        if def.customer || !matches!(def.kind, Kind::Line | Kind::Multi | Kind::LineList) {
            continue;
        }
        let word = def.path.replace(['.', '[', ']'], "-");
        assert!(
            !page.contains(&word),
            "internal field {} is in the customer export:\n{page}",
            def.path
        );
    }
}
