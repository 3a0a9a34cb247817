//! The lint in the terminal UI: findings kept per incident revision, mapped to the fields the
//! screen shows, and the keys that switch a rule off (or on again) for the focused field.
//!
//! Linting is incremental: each line of each text is remembered with its hits
//! ([`super::lint_memo::Memo`]), so a change re-lints the lines it touched only, even on a
//! timeline of thousands of entries or in a 50,000-word narrative.
//!
//! In the event loop of the terminal UI ([`super::state::AppState::lint_elsewhere`]) the cache only notes which
//! revision it needs; the runtime lints a copy on a worker thread and [`super::lint_keys::install`]s the result
//! when it arrives, so opening and typing never wait for the lint.

use super::form::{RecordKind, Target};
use super::lint_memo::Memo;
use crate::config::LintConfig;
use crate::lint::{Finding, parse_path, stable_path};
use crate::model::FieldPath;
use crate::model::fields::{Lint, Value};
use crate::model::{Incident, Section};

/// Findings of the open incident, recomputed when it changes.
#[derive(Clone, Debug, Default)]
pub struct LintCache {
    revision: Option<u64>,
    memo: Memo,
    findings: Vec<Finding>,
    /// Where each finding is shown, parallel to `findings`.
    places: Vec<Place>,
    /// The revision of the latest request (linted here, or asked of the worker).
    latest: Option<u64>,
    /// A lint asked for but not done here (deferred): its request number and revision.
    wanted: Option<(u64, u64)>,
    /// Requests made so far; the number of the one whose result is shown.
    requests: u64,
    shown: u64,
}

/// Findings computed elsewhere (the lint worker) for one request of a [`LintCache`].
#[derive(Clone, Debug)]
pub struct Linted {
    /// The incident's id.
    pub id: String,
    /// The request ([`LintCache::take_wanted`]).
    pub request: u64,
    /// The revision linted.
    pub revision: u64,
    /// What was found.
    pub findings: Vec<Finding>,
}

/// Where a finding is shown: its section, and its field and list item when it has one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    section: Section,
    target: Option<(Target, Option<usize>)>,
}

impl LintCache {
    /// Lints `incident` now.
    pub fn new(incident: &Incident, revision: u64) -> LintCache {
        let mut cache = LintCache::default();
        cache.refresh(incident, revision, true);
        cache
    }

    /// A cache with nothing linted yet: the first [`LintCache::refresh`] lints (or, deferred,
    /// asks for it).
    pub fn pending() -> LintCache {
        LintCache::default()
    }

    /// Re-lints when the revision moved, or always with `force` (the incident was replaced
    /// without a new revision, e.g. reloaded from disk). Unchanged lines cost a hash each.
    pub fn refresh(&mut self, incident: &Incident, revision: u64, force: bool) {
        self.refresh_with(incident, revision, force, &LintConfig::default(), false);
    }

    /// [`LintCache::refresh`] with the configuration's extra words and switched-off rules
    /// applied to what is linted here (the worker's results get them in
    /// [`super::lint_keys::install`]). With `elsewhere` (a worker lints), it only notes the
    /// request ([`LintCache::take_wanted`]).
    pub fn refresh_with(
        &mut self,
        incident: &Incident,
        revision: u64,
        force: bool,
        settings: &LintConfig,
        elsewhere: bool,
    ) {
        if !force && self.latest == Some(revision) {
            return;
        }
        self.latest = Some(revision);
        if elsewhere {
            self.requests += 1;
            self.wanted = Some((self.requests, revision));
            return;
        }
        let findings = settings.apply(incident, self.memo.lint(incident));
        self.requests += 1;
        self.show(self.requests, revision, findings);
    }

    /// The request to lint elsewhere, if one is waiting: its number and the revision. The
    /// result comes back through [`super::lint_keys::install`].
    pub fn take_wanted(&mut self) -> Option<(u64, u64)> {
        self.wanted.take()
    }

    pub(crate) fn show(&mut self, request: u64, revision: u64, findings: Vec<Finding>) {
        if request < self.shown {
            return;
        }
        self.shown = request;
        self.places = findings
            .iter()
            .map(|f| Place {
                section: crate::lint::section_of(&f.field),
                target: target_of(&f.field),
            })
            .collect();
        self.findings = findings;
        self.revision = Some(revision);
    }

    /// True while the findings shown are not those of the latest revision asked for.
    pub fn is_stale(&self) -> bool {
        self.latest != self.revision || self.wanted.is_some()
    }

    /// Which result is shown: the number of its request and the revision it was linted at.
    /// Findings change only with it, so a drawing made from them can be kept until it moves.
    pub fn shown(&self) -> (u64, Option<u64>) {
        (self.shown, self.revision)
    }

    /// Every finding, in field order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Findings shown in a field, with their byte range in the field's displayed text
    /// ([`super::form::text_of`]: list items joined by newlines).
    pub fn in_target(&self, incident: &Incident, target: Target) -> Vec<(usize, usize)> {
        self.findings
            .iter()
            .zip(&self.places)
            .filter_map(|(f, p)| {
                let (t, item) = p.target?;
                if t != target {
                    return None;
                }
                let base = item.map_or(0, |i| list_offset(incident, target, i));
                Some((base + f.start, base + f.end))
            })
            .collect()
    }

    /// Findings of one record (any of its fields).
    pub fn in_record(&self, kind: RecordKind, index: usize) -> usize {
        self.places
            .iter()
            .filter(|p| {
                p.target
                    .is_some_and(|(t, _)| t.field.def().record == Some(kind) && t.record == index)
            })
            .count()
    }

    /// Findings of a section, in field order.
    pub fn in_section(&self, section: Section) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .zip(&self.places)
            .filter(move |(_, p)| p.section == section)
            .map(|(f, _)| f)
    }

    /// Every finding with the field it is shown in (see [`target_of`]).
    pub fn with_targets(&self) -> impl Iterator<Item = (&Finding, Option<Target>)> {
        self.findings
            .iter()
            .zip(&self.places)
            .map(|(f, p)| (f, p.target.map(|(t, _)| t)))
    }
}

/// The field a finding's path is shown in, and the list item it is in (for lists of
/// sentences). `None` for a path that names no field of the table.
pub fn target_of(path: &str) -> Option<(Target, Option<usize>)> {
    let path = FieldPath::parse(path)?;
    Some((path.whole(), path.item))
}

/// Byte offset of list item `item` in a list field's displayed text (items joined by `\n`).
fn list_offset(incident: &Incident, target: Target, item: usize) -> usize {
    let Value::List(get, _) = target.field.def().value else {
        return 0;
    };
    get(incident, target.record)
        .map(|items| items.iter().take(item).map(|s| s.len() + 1).sum())
        .unwrap_or(0)
}

/// The `[lint.ignore]` key the screen writes for a finding's field: records by id or time
/// (see [`stable_path`]), and a list of sentences as a whole (`factors[F2].whys`).
pub fn ignore_key(incident: &Incident, path: &str) -> String {
    let stable = stable_path(incident, path);
    match parse_path(&stable) {
        Some(mut steps) => {
            if let Some(last) = steps.last_mut()
                && matches!(last.key.as_str(), "reassurances" | "gaps" | "whys")
            {
                last.index = None;
            }
            crate::lint::join_path(&steps)
        }
        None => stable,
    }
}

/// The path of a linted field (lists of sentences without an item index).
pub(crate) fn path_of(target: Target) -> Option<String> {
    (target.field.def().lint != Lint::No).then(|| target.whole().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Factor, TimelineEntry};

    fn at(path: &str) -> Target {
        Target::parse(path).unwrap()
    }

    #[test]
    fn paths_map_to_fields_and_back() {
        let cases = [
            ("title", at("title"), None),
            (
                "stakeholders.reassurances[2]",
                at("stakeholders.reassurances"),
                Some(2),
            ),
            ("factors[1].whys[0]", at("factors[1].whys"), Some(0)),
            ("timeline[4].text", at("timeline[4].text"), None),
            (
                "monitoring.metrics[0].note",
                at("monitoring.metrics[0].note"),
                None,
            ),
        ];
        for (path, target, item) in cases {
            assert_eq!(target_of(path), Some((target, item)), "{path}");
            let back = path_of(target).unwrap();
            assert!(path.starts_with(&back), "{path} {back}");
        }
        assert_eq!(
            target_of("factors[0].no_action"),
            Some((at("factors[0].no_action"), None))
        );
        assert_eq!(
            path_of(at("factors[0].no_action")).as_deref(),
            Some("factors[0].no_action")
        );
        assert_eq!(
            path_of(at("actions[0].owner")),
            None,
            "owners are not linted"
        );
        assert_eq!(target_of("nonsense["), None);
    }

    #[test]
    fn cache_relints_only_what_changed_and_maps_offsets() {
        let mut inc = Incident {
            participants: vec!["Dave".into()],
            ..Incident::default()
        };
        inc.stakeholders.reassurances = vec!["Fine.".into(), "The root cause is known.".into()];
        inc.timeline.push(TimelineEntry {
            text: "Dave forgot to page.".into(),
            ..TimelineEntry::default()
        });
        inc.factors.push(Factor {
            id: "F3".into(),
            whys: vec!["a".into(), "Human error".into()],
            ..Factor::default()
        });
        let cache = LintCache::new(&inc, 0);
        assert_eq!(cache.findings().len(), 3);
        let spans = cache.in_target(&inc, at("stakeholders.reassurances"));
        let joined = "Fine.\nThe root cause is known.";
        assert_eq!(&joined[spans[0].0..spans[0].1], "root cause");
        assert_eq!(cache.in_record(RecordKind::Timeline, 0), 1);
        assert_eq!(cache.in_section(Section::Factors).count(), 1);
        assert_eq!(
            ignore_key(&inc, "factors[0].whys[1]"),
            "factors[F3].whys".to_string()
        );
        // Same revision: nothing recomputed; a new revision picks up the change.
        let mut cache = cache;
        inc.timeline[0].text = "Dave paged the team.".into();
        cache.refresh(&inc, 0, false);
        assert_eq!(cache.findings().len(), 3);
        cache.refresh(&inc, 1, false);
        assert_eq!(cache.findings().len(), 2);
    }
}
