use super::*;
use crate::lint::locate::{Locator, position_in};
use crate::lint::text_fields;
use crate::model::codec::{Parsed, parse, to_toml_string};

const EXAMPLE: &str = include_str!("../../../tests/fixtures/format-example.toml");

/// A file in the style of `scripts/gen-corpus.py`, with escapes, quotes and non-ASCII text.
const GENERATED: &str = r##"schema_version = 1
id = "2000-01-01-checkout-api-errors-after-config-push-number-0"
title = "Checkout API errors after config push number 0"
severity = "SEV2"
status = "draft"
timezone = "Europe/London"
services = ["checkout-api", "payments"]
tags = ["config-change"]
facilitator = "SRE on duty"
participants = ["incident commander", "checkout on-call", "payments SME", "Dave"]
created_at = 2000-01-01T09:30:00Z
updated_at = 2000-01-01T10:12:41Z

[stakeholders]
customer_message = """
The config push removed every upstream.
Dave should have checked the \"empty\" list \u00e9 caf\u00e9 \\ here."""
internal_message = """
The on-call engineer fired the payments team \
    and the linter accepted the empty list."""
reassurances = ["No card data was exposed.", 'Nobody is to blame.']

[monitoring]
notes = """
Alerts fired within a minute."""
gaps = [
  "No alert on the config push itself.",
  # a comment between items
  "Dave forgot to page the team.",
]

[[monitoring.metrics]]
name = "checkout 5xx rate"
source = "https://grafana.example/d/abc?from=1&to=2"
unit = "%"
baseline = 0.2
peak = 38.0
note = "Baseline is the 7-day median for the same hour, but Priya ignored it."

[technical]
expected_behavior = """
The linter rejects an empty list."""
analysis = '''
Raw \n text: the engineer was careless.'''

[narrative]
text = """
Bob's mistake took down checkout. Tomás failed to notice."""

[[timeline]]
at = 2000-01-01T14:00:00Z
actor = "checkout on-call"
text = "Ignored the alert and went back to bed."
milestone = "impact_started"

[[timeline]]
at = 2000-01-01T14:03:00Z
actor = "Dave"
role = "incident commander"
channel = "#inc-2417"
text = "Should have rolled back sooner."

[[factors]]
id = "F1"
category = "people"
effect = "contributor"
description = "The new hire."
whys = ["Why? Human error.", "Why? The runbook's root cause section was empty."]

[[actions]]
id = "A1"
title = "Hold the engineer accountable"
kind = "prevent"
owner = "checkout team"
due = 2000-01-15
priority = "high"
status = "open"
factors = ["F1"]
rationale = "Someone must answer for this postmortem."
expected_impact = "Fewer sloppy pushes."
"##;

/// Checks that the fast reader, when it takes `text`, gives the lint what the full parser
/// gives it: the same texts with the same paths, the same people, and literals that place
/// every offset where the full parser's spans place it. Returns whether it took the file.
fn agrees(text: &str) -> bool {
    let Some(view) = lint_view(text.as_bytes()) else {
        return false;
    };
    let Ok(Parsed::Current(full)) = parse(text) else {
        panic!("the fast reader took a file the full parser does not read:\n{text}");
    };
    assert_eq!(text_fields(&view.incident), text_fields(&full), "{text}");
    assert_eq!(view.incident.participants, full.participants);
    assert_eq!(view.incident.facilitator, full.facilitator);
    let actors =
        |i: &Incident| -> Vec<String> { i.timeline.iter().map(|e| e.actor.clone()).collect() };
    assert_eq!(actors(&view.incident), actors(&full));
    assert_eq!(
        crate::lint::lint_incident(&view.incident),
        crate::lint::lint_incident(&full),
        "{text}"
    );
    let locator = Locator::new(text);
    for field in text_fields(&full) {
        let (span, decoded) = view
            .literal(&field.path())
            .unwrap_or_else(|| panic!("no literal for {} in:\n{text}", field.path()));
        assert_eq!(decoded, field.text);
        let mut offsets: Vec<usize> = (0..=decoded.len())
            .filter(|&i| decoded.is_char_boundary(i))
            .collect();
        if offsets.len() > 40 {
            offsets = offsets
                .iter()
                .step_by(offsets.len() / 20)
                .copied()
                .collect();
        }
        for offset in offsets {
            assert_eq!(
                position_in(text, span.clone(), decoded, offset),
                locator.position(&field.path(), offset),
                "{} at {offset} in:\n{text}",
                field.path()
            );
        }
    }
    true
}

#[test]
fn the_examples_and_usual_files_take_the_fast_path_and_agree() {
    for (name, text) in crate::demo::EXAMPLES {
        assert!(agrees(text), "{name}");
    }
    assert!(agrees(GENERATED));
    let without_extensions = EXAMPLE.split("\n[extensions]").next().unwrap().to_string()
        + &EXAMPLE[EXAMPLE.find("\n[[timeline]]").unwrap()..];
    assert!(agrees(&without_extensions));
    // `[extensions]` and `[lint]` go to the full parser.
    assert!(lint_view(EXAMPLE.as_bytes()).is_none());
    let with_lint = GENERATED.replacen(
        "\n[[timeline]]",
        "\n[lint]\nwords = [\"x\"]\n\n[[timeline]]",
        1,
    );
    assert!(matches!(parse(&with_lint), Ok(Parsed::Current(_))));
    assert!(lint_view(with_lint.as_bytes()).is_none());
}

/// Every field the lint reads, filled with text of its own through the field table, in a
/// file as this program writes it: read alike by both paths (a new linted field that the
/// fast reader missed would fail here).
#[test]
fn every_linted_field_is_read() {
    let Ok(Parsed::Current(mut incident)) = parse(GENERATED) else {
        panic!("the sample does not parse");
    };
    let mut n = 0;
    for field in FieldId::all() {
        let def = field.def();
        if def.lint == Lint::No && !PEOPLE.contains(&field) {
            continue;
        }
        let records = def.record.map_or(1, |kind| kind.len(&incident));
        assert!(records > 0, "{}: the sample needs a record", def.path);
        for record in 0..records {
            n += 1;
            let text = format!("Dave should have checked {n}.");
            match def.value {
                Value::Text(_, get_mut) => *get_mut(&mut incident, record).unwrap() = text,
                Value::List(_, get_mut) => {
                    *get_mut(&mut incident, record).unwrap() = vec![text, "and forgot".into()];
                }
                _ => panic!("{}: the lint reads only texts and lists", def.path),
            }
        }
    }
    let written = to_toml_string(&incident).unwrap();
    assert!(agrees(&written), "{written}");
    let view = lint_view(written.as_bytes()).unwrap();
    assert_eq!(
        text_fields(&view.incident).len(),
        text_fields(&incident).len()
    );
    let wanted: usize = WANTED.iter().map(Vec::len).sum();
    let linted = FieldId::all().filter(|f| f.def().lint != Lint::No).count();
    assert_eq!(wanted, linted + PEOPLE.len());
}

/// One change to a file: delete up to 8 bytes, insert a piece, or overwrite with one.
#[derive(Clone, Debug)]
enum Edit {
    Delete(f64, usize),
    Insert(f64, usize),
    Overwrite(f64, usize),
}

#[test]
fn whatever_the_fast_path_takes_it_reads_as_the_full_parser_does() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let pieces: &[&str] = &[
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "\\",
        "\\n",
        "\\u00e9",
        "\\U0001F600",
        "\\\n",
        "\\  \n  ",
        "#",
        "\n",
        " ",
        "\t",
        "=",
        "[",
        "]",
        ",",
        "é",
        "’s",
        "\"\"",
        "''",
        "[[timeline]]\n",
        "[[factors]]\n",
        "[[actions]]\n",
        "[[monitoring.metrics]]\n",
        "[stakeholders]\n",
        "[narrative]\n",
        "text = \"Dave forgot\"\n",
        "description = \"the new hire\"\n",
        "whys = [\"x\", 'y']\n",
        "actor = \"Priya\"\n",
        "participants = [\"Kevin\"]\n",
        "facilitator = \"Bob\"\n",
        " should have ",
        " careless ",
    ];
    let strategy = (
        0..2usize,
        proptest::collection::vec(
            prop_oneof![
                (0.0..1.0f64, 1..=8usize).prop_map(|(at, n)| Edit::Delete(at, n)),
                (0.0..1.0f64, 0..pieces.len()).prop_map(|(at, p)| Edit::Insert(at, p)),
                (0.0..1.0f64, 0..pieces.len()).prop_map(|(at, p)| Edit::Overwrite(at, p)),
            ],
            1..=4,
        ),
    );
    let bases = [
        GENERATED.to_string(),
        crate::demo::EXAMPLES[0].1.to_string(),
    ];
    let taken = std::sync::atomic::AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 1_500,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&strategy, |(base, edits)| {
        let mut text = bases[base].clone().into_bytes();
        for e in edits {
            let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
            match e {
                Edit::Delete(f, n) => {
                    let at = at(f, text.len());
                    let end = (at + n).min(text.len());
                    text.drain(at..end);
                }
                Edit::Insert(f, p) => {
                    let at = at(f, text.len());
                    text.splice(at..at, pieces[p].bytes());
                }
                Edit::Overwrite(f, p) => {
                    let at = at(f, text.len());
                    let end = (at + pieces[p].len()).min(text.len());
                    text.splice(at..end, pieces[p].bytes());
                }
            }
        }
        if let Ok(text) = String::from_utf8(text)
            && agrees(&text)
        {
            taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let taken = taken.into_inner();
    assert!(taken > 150, "only {taken} mutated files took the fast path");
}
