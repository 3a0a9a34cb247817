//! Write → read round-trips and the format's reading rules (FORMAT.md).

use retro::model::codec::{Parsed, parse, to_toml_string};
use retro::model::{Incident, Moment, SCHEMA_VERSION, Severity, TimelineEntry};

const EXAMPLE: &str = include_str!("fixtures/format-example.toml");

fn current(text: &str) -> Incident {
    match parse(text) {
        Ok(Parsed::Current(incident)) => *incident,
        other => panic!("expected an incident, got {other:?}"),
    }
}

#[test]
fn the_format_example_round_trips() {
    let incident = current(EXAMPLE);
    assert_eq!(incident.severity, Some(Severity::Sev2));
    assert_eq!(incident.timeline.len(), 2);
    let written = to_toml_string(&incident).unwrap();
    assert_eq!(current(&written), incident, "write → read is equal");
    // Writing again gives the same text: saving without edits changes nothing.
    assert_eq!(to_toml_string(&current(&written)).unwrap(), written);
}

#[test]
fn written_files_follow_the_layout() {
    let written = to_toml_string(&current(EXAMPLE)).unwrap();
    // Key order, unquoted date-times and dates, multi-line strings, arrays of tables last.
    let order = [
        "schema_version = 1",
        "id = ",
        "title = ",
        "severity = ",
        "status = ",
        "timezone = ",
        "services = ",
        "created_at = 2026-03-13T09:30:00Z",
        "[stakeholders]",
        "customer_message = \"\"\"\nIf you used checkout",
        "[monitoring]",
        "[[monitoring.metrics]]",
        "[technical]",
        "[narrative]",
        "[extensions",
        "[[timeline]]\nat = 2026-03-12T14:02:00Z",
        "[[factors]]",
        "[[actions]]",
        "due = 2026-03-26\n",
    ];
    let mut from = 0;
    for needle in order {
        let pos = written[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("`{needle}` missing or out of order in:\n{written}"));
        from += pos;
    }
    assert!(!written.contains("miscommunication = false"));
    assert!(!written.contains("role = \"\""));
}

#[test]
fn a_minimal_incident_round_trips_and_writes_only_what_it_has() {
    let incident = Incident {
        schema_version: SCHEMA_VERSION,
        id: "2026-01-02-minimal".into(),
        title: "Minimal".into(),
        ..Incident::default()
    };
    let written = to_toml_string(&incident).unwrap();
    assert_eq!(
        written,
        "schema_version = 1\nid = \"2026-01-02-minimal\"\ntitle = \"Minimal\"\n"
    );
    assert_eq!(current(&written), incident);
}

#[test]
fn extensions_are_kept_as_they_are() {
    let incident = current(EXAMPLE);
    let ext = incident.extensions.as_ref().unwrap();
    assert_eq!(ext["pager"]["incident"].as_integer(), Some(2417));
    assert_eq!(ext["tracker"]["project"].as_str(), Some("CHK"));
    let again = current(&to_toml_string(&incident).unwrap());
    assert_eq!(again.extensions, incident.extensions);
}

#[test]
fn an_unknown_key_is_an_error_with_its_location() {
    let text = EXAMPLE.replace("title = \"Checkout", "titel = \"Checkout");
    let err = parse(&text).unwrap_err();
    assert_eq!((err.line, err.column), (3, 1), "{err}");
    assert!(err.message.contains("titel"), "{err}");
    let text = EXAMPLE.replace("actor = \"deploy pipeline\"", "actr = \"deploy pipeline\"");
    let err = parse(&text).unwrap_err();
    assert_eq!(err.line, 59, "{err}");
    assert!(err.message.contains("actr"), "{err}");
}

#[test]
fn wrong_types_and_unknown_choices_are_located() {
    let err = parse(&EXAMPLE.replace("severity = \"SEV2\"", "severity = \"SEV9\"")).unwrap_err();
    assert_eq!(err.line, 4, "{err}");
    let err = parse(&EXAMPLE.replace("status = \"draft\"", "status = 3")).unwrap_err();
    assert_eq!(err.line, 5, "{err}");
    let err =
        parse(&EXAMPLE.replace("category = \"tooling\"", "category = \"blame\"")).unwrap_err();
    assert!(err.line > 60, "{err}");
    let err = parse(&EXAMPLE.replace("timezone = \"Europe/London\"", "timezone = \"Mars/Base\""))
        .unwrap_err();
    assert_eq!(err.line, 6, "{err}");
    assert!(err.message.contains("Mars/Base"), "{err}");
    let err = parse("schema_version = 1\nid = \"x\"\ntitle = \"t\"\n").unwrap_err();
    assert!(err.message.contains("id"), "{err}");
    let err = parse("schema_version = 1\nid = \"2026-01-01-a\"\n").unwrap_err();
    assert!(err.message.contains("title"), "{err}");
    let err = parse("title = \"x\"\n").unwrap_err();
    assert!(err.message.contains("schema_version"), "{err}");
    let err = parse(
        "schema_version = 1\nid = \"2026-01-01-a\"\ntitle = \"t\"\n[[timeline]]\nat = 2026-03-12\n",
    )
    .unwrap_err();
    assert_eq!(err.line, 5, "{err}");
}

#[test]
fn syntax_errors_are_located() {
    let err = parse("schema_version = 1\ntitle = \"unterminated\n").unwrap_err();
    assert_eq!(err.line, 2, "{err}");
}

#[test]
fn quoted_rfc3339_strings_are_accepted_and_offsets_kept() {
    let text = "schema_version = 1\nid = \"2026-03-12-q\"\ntitle = \"Q\"\n\n[[timeline]]\nat = \"2026-03-12T14:02:00+01:00\"\n";
    let incident = current(text);
    let at = incident.timeline[0].at.unwrap();
    assert_eq!(at, Moment::parse_rfc3339("2026-03-12T13:02:00Z").unwrap());
    let written = to_toml_string(&incident).unwrap();
    assert!(
        written.contains("at = 2026-03-12T14:02:00+01:00\n"),
        "{written}"
    );
}

#[test]
fn a_newer_schema_is_recognised() {
    let text = "schema_version = 2\nid = \"2026-03-12-new\"\ntitle = \"New\"\nfuture_field = 1\n";
    match parse(text).unwrap() {
        Parsed::Newer { version, incident } => {
            assert_eq!(version, 2);
            assert!(
                incident.is_none(),
                "unknown fields: not readable as schema 1"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_with_quotes_backslashes_and_unicode_round_trips() {
    let mut incident = current(EXAMPLE);
    incident.title = "Ünïcode \"quoted\" \\ back'slash 東京 🔥".into();
    incident.narrative.text = "line 1\n\"\"\" triple\n\ttab\nend\\".into();
    incident.timeline.push(TimelineEntry {
        text: "no time".into(),
        ..TimelineEntry::default()
    });
    let written = to_toml_string(&incident).unwrap();
    assert_eq!(current(&written), incident);
}
