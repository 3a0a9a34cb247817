//! Every text field of an incident with its path, and the `[lint.ignore]` keys that match it.
//!
//! Paths name a field the way `retro lint` prints it: `narrative.text`, `timeline[3].text`,
//! `factors[2].whys[0]` (0-based indices). Ignore keys may also name a record by what does not
//! change when the list is reordered: a factor or action by its id (`factors[F2].description`),
//! a timeline entry by its time as written in the file (`timeline[2026-03-12T14:02:00Z].text`).
//! A key covers the paths it is a prefix of (`factors[F2]` is every field of F2,
//! `stakeholders.reassurances` every reassurance), and `*` covers everything.

use crate::model::fields::{Lint, Value};
use crate::model::{FieldId, FieldPath, Incident, LintSettings, RecordKind, Section};

use super::Rule;

/// One text field to lint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldText<'a> {
    /// Where it is: its field, record and item ([`FieldText::path`] gives the path text).
    pub at: FieldPath,
    /// Its text.
    pub text: &'a str,
    /// Who acted, for a timeline entry's text (the subject of a sentence without one).
    pub actor: &'a str,
    /// True for a factor's description (a factor must not be a person).
    pub factor: bool,
}

impl FieldText<'_> {
    /// Its path, with 0-based indices: `narrative.text`, `timeline[3].text`,
    /// `factors[2].whys[0]`. Built on demand: most texts have no finding to place.
    pub fn path(&self) -> String {
        self.at.to_string()
    }
}

/// Every text field of `incident` worth linting (the fields of [`crate::model::FIELDS`]
/// marked for the lint), the incident's own first, then record by record; empty ones left
/// out.
///
/// Short naming fields (people, owners, actors, channels, services, metric names, links) are
/// not linted: naming an owner or who acted is not blame.
pub fn text_fields(incident: &Incident) -> Vec<FieldText<'_>> {
    let mut out = Vec::new();
    let linted = |f: &FieldId| f.def().lint != Lint::No;
    for field in FieldId::all().filter(|f| linted(f) && f.def().record.is_none()) {
        push_field(&mut out, incident, FieldPath::top(field));
    }
    for kind in [
        RecordKind::Metric,
        RecordKind::Timeline,
        RecordKind::Factor,
        RecordKind::Action,
    ] {
        for n in 0..kind.len(incident) {
            for field in kind.fields().filter(linted) {
                push_field(&mut out, incident, FieldPath::record(field, n));
            }
        }
    }
    out.retain(|f| !f.text.trim().is_empty());
    out
}

fn push_field<'a>(out: &mut Vec<FieldText<'a>>, incident: &'a Incident, path: FieldPath) {
    let def = path.field.def();
    let n = path.record;
    let actor = match def.lint {
        Lint::WithActor => incident.timeline.get(n).map_or("", |e| e.actor.as_str()),
        _ => "",
    };
    let factor = def.lint == Lint::Factor;
    match def.value {
        Value::Text(get, _) => {
            if let Some(text) = get(incident, n) {
                out.push(FieldText {
                    at: path,
                    text,
                    actor,
                    factor,
                });
            }
        }
        Value::List(get, _) => {
            for (j, text) in get(incident, n).into_iter().flatten().enumerate() {
                out.push(FieldText {
                    at: path.item(j),
                    text,
                    actor,
                    factor,
                });
            }
        }
        _ => {}
    }
}

/// One step of a path: a key and an optional `[index]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The key.
    pub key: String,
    /// What is in brackets, if anything (an index, an id or a time).
    pub index: Option<String>,
}

/// Splits a path such as `factors[2].whys[0]` into steps; `None` when it is not one.
pub fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let key_end = rest.find(['.', '[']).unwrap_or(rest.len());
        let key = &rest[..key_end];
        if key.is_empty() {
            return None;
        }
        rest = &rest[key_end..];
        let mut index = None;
        if let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            index = Some(inner[..close].to_string());
            rest = &inner[close + 1..];
        }
        steps.push(Step {
            key: key.to_string(),
            index,
        });
        if let Some(next) = rest.strip_prefix('.') {
            if next.is_empty() {
                return None;
            }
            rest = next;
        } else if !rest.is_empty() {
            return None;
        }
    }
    (!steps.is_empty()).then_some(steps)
}

/// The section a field belongs to.
pub fn section_of(path: &str) -> Section {
    FieldPath::parse(path).map_or(Section::Overview, |p| p.field.def().section)
}

/// The path with records named by what survives reordering: factors and actions by id,
/// timeline entries by their time. Records without one keep their index.
pub fn stable_path(incident: &Incident, path: &str) -> String {
    let Some(mut steps) = parse_path(path) else {
        return path.to_string();
    };
    if let Some(first) = steps.first_mut()
        && let Some(index) = first.index.as_ref().and_then(|i| i.parse::<usize>().ok())
    {
        let stable = match first.key.as_str() {
            "factors" => incident
                .factors
                .get(index)
                .map(|f| f.id.clone())
                .filter(|id| !id.is_empty()),
            "actions" => incident
                .actions
                .get(index)
                .map(|a| a.id.clone())
                .filter(|id| !id.is_empty()),
            "timeline" => incident
                .timeline
                .get(index)
                .and_then(|e| e.at)
                .map(|at| at.to_string()),
            _ => None,
        };
        if let Some(stable) = stable {
            first.index = Some(stable);
        }
    }
    join_path(&steps)
}

/// Writes steps back as a path.
pub fn join_path(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| match &s.index {
            Some(i) => format!("{}[{i}]", s.key),
            None => s.key.clone(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// True when ignore key `key` covers `path`: equal, a prefix of it, or `*`.
pub fn covers(key: &str, path: &str) -> bool {
    let key = key.trim();
    key == "*"
        || path == key
        || (path.starts_with(key) && matches!(path[key.len()..].chars().next(), Some('.' | '[')))
}

/// True when `settings` switch `rule` off for the field at `path` (by index or stable path).
pub fn is_ignored(settings: &LintSettings, incident: &Incident, path: &str, rule: Rule) -> bool {
    if settings.ignore.is_empty() {
        return false;
    }
    let stable = stable_path(incident, path);
    settings.ignore.iter().any(|(key, rules)| {
        rules
            .iter()
            .any(|r| r.trim() == rule.id() || r.trim() == "*")
            && (covers(key, path) || covers(key, &stable))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Factor, Moment, TimelineEntry};

    fn incident() -> Incident {
        let mut inc = Incident {
            title: "Title".into(),
            ..Incident::default()
        };
        inc.stakeholders.reassurances = vec!["a".into(), "".into()];
        inc.timeline.push(TimelineEntry {
            at: Some(Moment::utc("2026-03-12T14:02:00Z".parse().unwrap())),
            actor: "Dave".into(),
            text: "t".into(),
            ..TimelineEntry::default()
        });
        inc.factors.push(Factor {
            id: "F7".into(),
            description: "d".into(),
            whys: vec!["w".into()],
            ..Factor::default()
        });
        inc.actions.push(Action {
            title: "x".into(),
            ..Action::default()
        });
        inc
    }

    #[test]
    fn every_text_field_has_a_path() {
        let inc = incident();
        let paths: Vec<String> = text_fields(&inc).into_iter().map(|f| f.path()).collect();
        assert_eq!(
            paths,
            [
                "title",
                "stakeholders.reassurances[0]",
                "timeline[0].text",
                "factors[0].description",
                "factors[0].whys[0]",
                "actions[0].title"
            ]
        );
        let fields = text_fields(&inc);
        assert_eq!(fields[2].actor, "Dave");
        assert!(fields[3].factor && !fields[4].factor);
    }

    #[test]
    fn paths_parse_and_name_sections() {
        let steps = parse_path("factors[F2].whys[0]").unwrap();
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].index.as_deref(), Some("F2"));
        assert_eq!(join_path(&steps), "factors[F2].whys[0]");
        for bad in ["", ".a", "a.", "a[1", "a[1]b", "a..b"] {
            assert_eq!(parse_path(bad), None, "{bad}");
        }
        assert_eq!(section_of("factors[0].whys[1]"), Section::Factors);
        assert_eq!(section_of("title"), Section::Overview);
    }

    #[test]
    fn stable_paths_and_ignores() {
        let mut inc = incident();
        assert_eq!(
            stable_path(&inc, "factors[0].whys[0]"),
            "factors[F7].whys[0]"
        );
        assert_eq!(
            stable_path(&inc, "timeline[0].text"),
            "timeline[2026-03-12T14:02:00Z].text"
        );
        assert_eq!(stable_path(&inc, "actions[0].title"), "actions[0].title");
        let mut settings = LintSettings::default();
        settings
            .ignore
            .insert("factors[F7]".into(), vec!["counterfactual".into()]);
        settings
            .ignore
            .insert("narrative.text".into(), vec!["*".into()]);
        settings.ignore.insert(
            "stakeholders.reassurances".into(),
            vec!["root-cause".into()],
        );
        inc.lint = settings.clone();
        let ignored = |path: &str, rule| is_ignored(&settings, &inc, path, rule);
        assert!(ignored("factors[0].whys[0]", Rule::Counterfactual));
        assert!(!ignored("factors[0].whys[0]", Rule::BlameWord));
        assert!(ignored("narrative.text", Rule::BlameWord));
        assert!(!ignored("narrative.textual", Rule::BlameWord));
        assert!(ignored("stakeholders.reassurances[3]", Rule::RootCause));
        settings
            .ignore
            .insert("*".into(), vec!["postmortem".into()]);
        assert!(is_ignored(&settings, &inc, "title", Rule::Postmortem));
    }
}
