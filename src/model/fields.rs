//! The one table of fields and records: every value of an incident that a person fills in,
//! defined once, with its path, section, label, hint, kind, how to read and set it, whether
//! the lint reads it and whether customer-facing output may show it.
//!
//! The form, the lint's list of texts, the recovery diff, `retro show`, the Markdown export,
//! readiness and the fast list reader's key check all iterate [`FIELDS`]: a new field is one
//! new row here (and its serde field in [`super::incident`]).
//!
//! Paths follow FORMAT.md's key names: a top-level field is `technical.future_risks`, a field
//! of a record is written with empty brackets in the table (`timeline[].at`) and with the
//! record's 0-based index in a [`super::path::FieldPath`] (`timeline[3].at`).

use std::collections::BTreeMap;

use super::choices::{
    ActionKind, ActionStatus, Category, Choice, Effect, IncidentStatus, Milestone, Priority,
    Severity,
};
use super::incident::Incident;
use super::moment::{LocalDate, Moment};
use super::section::Section;

/// How a value is edited and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text; Enter finishes.
    Line,
    /// One line naming an IANA time zone (checked when stored).
    Zone,
    /// Soft-wrapped paragraphs; Enter adds a line.
    Multi,
    /// A list of short strings, edited as one line separated by commas.
    CommaList,
    /// A list of sentences, edited one per line.
    LineList,
    /// One of a fixed set, picked from a list.
    Choice,
    /// On or off.
    Toggle,
    /// A date and time in the incident's zone.
    Time,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A decimal number.
    Number,
    /// Links to contributing factors or follow-up actions, picked from a list.
    Links,
    /// A list of records, opened one at a time.
    Records(RecordKind),
    /// The key moments, computed from the timeline (shown, not edited).
    KeyMoments,
    /// A chain of short answers (a factor's whys), each edited on its own; `w` adds one.
    Chain,
    /// The readiness checklist (computed, shown, not edited).
    Checklist,
}

impl Kind {
    /// True for kinds edited in a text field.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Kind::Line
                | Kind::Zone
                | Kind::Multi
                | Kind::CommaList
                | Kind::LineList
                | Kind::Time
                | Kind::Date
                | Kind::Number
        )
    }

    /// True for kinds whose text field is a single line (Enter finishes editing).
    pub fn is_single_line(self) -> bool {
        matches!(
            self,
            Kind::Line | Kind::Zone | Kind::CommaList | Kind::Time | Kind::Date | Kind::Number
        )
    }

    /// True for kinds whose text is parsed into a value (a time, date, number or zone), so
    /// that typed text may fail to be stored and is then kept as typed.
    pub fn is_parsed(self) -> bool {
        matches!(self, Kind::Zone | Kind::Time | Kind::Date | Kind::Number)
    }
}

/// The four kinds of record lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// `[[timeline]]`.
    Timeline,
    /// `[[factors]]`.
    Factor,
    /// `[[monitoring.metrics]]`.
    Metric,
    /// `[[actions]]`.
    Action,
}

impl RecordKind {
    /// All four, in section order.
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Metric,
        RecordKind::Timeline,
        RecordKind::Factor,
        RecordKind::Action,
    ];

    /// Singular noun for messages ("timeline entry").
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Timeline => "timeline entry",
            RecordKind::Factor => "contributing factor",
            RecordKind::Metric => "metric",
            RecordKind::Action => "follow-up action",
        }
    }

    /// The list's path in the file (`timeline`, `monitoring.metrics`, …).
    pub fn path(self) -> &'static str {
        match self {
            RecordKind::Timeline => "timeline",
            RecordKind::Factor => "factors",
            RecordKind::Metric => "monitoring.metrics",
            RecordKind::Action => "actions",
        }
    }

    /// The section the list belongs to.
    pub fn section(self) -> Section {
        match self {
            RecordKind::Timeline => Section::Timeline,
            RecordKind::Factor => Section::Factors,
            RecordKind::Metric => Section::Monitoring,
            RecordKind::Action => Section::Actions,
        }
    }

    /// The fields of one record, in form order.
    pub fn fields(self) -> impl Iterator<Item = FieldId> {
        FieldId::all().filter(move |f| f.def().record == Some(self))
    }

    /// The section field that shows this list (label and hint of the list).
    pub fn list_field(self) -> Option<FieldId> {
        FieldId::all().find(|f| f.def().kind == Kind::Records(self))
    }

    /// Field `n` of one record in form order, if there is one.
    pub fn field(self, n: usize) -> Option<FieldId> {
        self.fields().nth(n)
    }

    /// How many fields one record has.
    pub fn field_count(self) -> usize {
        self.fields().count()
    }

    /// How many records of this kind the incident has.
    pub fn len(self, incident: &Incident) -> usize {
        match self {
            RecordKind::Timeline => incident.timeline.len(),
            RecordKind::Factor => incident.factors.len(),
            RecordKind::Metric => incident.monitoring.metrics.len(),
            RecordKind::Action => incident.actions.len(),
        }
    }

    /// True when the list keeps its own order (the timeline is sorted by time instead).
    pub fn movable(self) -> bool {
        self != RecordKind::Timeline
    }

    /// True when record `index` holds nothing a person typed or chose: every field marked as
    /// content in [`FIELDS`] is empty, and no typed text waits to be stored. Such a record is
    /// not kept when its form closes.
    pub fn is_blank(self, incident: &Incident, index: usize) -> bool {
        if index >= self.len(incident) {
            return false;
        }
        let unparsed = unparsed(incident, Some(self), index).is_some_and(|m| !m.is_empty());
        !unparsed
            && self
                .fields()
                .filter(|f| f.def().content)
                .all(|f| f.def().value.is_empty(incident, index))
    }
}

/// Whether and how the lint reads a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lint {
    /// Not linted (names, owners, links: naming who acted is not blame).
    No,
    /// Linted as prose.
    Text,
    /// Linted as a timeline entry's text; the entry's actor is the subject of a sentence
    /// without one.
    WithActor,
    /// Linted as a contributing factor's description (a factor must not be a person).
    Factor,
}

/// Reads a value of type `T` of the incident, or of record `n` of a list (`None` when there
/// is no such record).
pub type Get<T> = fn(&Incident, usize) -> Option<&T>;
/// Reaches a value of type `T` for writing, as [`Get`].
pub type GetMut<T> = fn(&mut Incident, usize) -> Option<&mut T>;

/// How a field's value is read and written.
#[derive(Clone, Copy)]
pub enum Value {
    /// A text (one line or paragraphs).
    Text(Get<String>, GetMut<String>),
    /// A list of strings.
    List(Get<Vec<String>>, GetMut<Vec<String>>),
    /// A date and time.
    Time(Get<Option<Moment>>, GetMut<Option<Moment>>),
    /// A calendar date.
    Date(Get<Option<LocalDate>>, GetMut<Option<LocalDate>>),
    /// A number.
    Number(Get<Option<f64>>, GetMut<Option<f64>>),
    /// A yes/no flag.
    Toggle(Get<bool>, GetMut<bool>),
    /// One of a closed set.
    Choice(&'static (dyn ChoiceAccess + Sync)),
    /// Computed or structural (records, links, key moments, the checklist): read elsewhere.
    Derived,
}

impl Value {
    /// True when the value is empty (absent, blank text, empty list, off, not chosen).
    pub fn is_empty(&self, incident: &Incident, n: usize) -> bool {
        match self {
            Value::Text(get, _) => get(incident, n).is_none_or(|s| s.trim().is_empty()),
            Value::List(get, _) => get(incident, n).is_none_or(|v| v.is_empty()),
            Value::Time(get, _) => get(incident, n).is_none_or(|v| v.is_none()),
            Value::Date(get, _) => get(incident, n).is_none_or(|v| v.is_none()),
            Value::Number(get, _) => get(incident, n).is_none_or(|v| v.is_none()),
            Value::Toggle(get, _) => get(incident, n).is_none_or(|v| !*v),
            Value::Choice(c) => c.current(incident, n).is_none(),
            Value::Derived => true,
        }
    }
}

impl Value {
    /// True when the value is the same in `a` and `b` (record `n` of each).
    pub fn same(&self, a: &Incident, b: &Incident, n: usize) -> bool {
        match self {
            Value::Text(get, _) => get(a, n) == get(b, n),
            Value::List(get, _) => get(a, n) == get(b, n),
            Value::Time(get, _) => get(a, n) == get(b, n),
            Value::Date(get, _) => get(a, n) == get(b, n),
            Value::Number(get, _) => get(a, n) == get(b, n),
            Value::Toggle(get, _) => get(a, n) == get(b, n),
            Value::Choice(c) => c.current(a, n) == c.current(b, n),
            Value::Derived => true,
        }
    }
}

/// A choice field's options and value, whatever the closed set it picks from.
pub trait ChoiceAccess {
    /// The options as labels; index 0 is "(none)" where the field may be left empty.
    fn labels(&self) -> Vec<&'static str>;
    /// The index of the current value in [`ChoiceAccess::labels`].
    fn index(&self, incident: &Incident, n: usize) -> usize;
    /// Sets the value to option `index` of [`ChoiceAccess::labels`].
    fn set(&self, incident: &mut Incident, n: usize, index: usize);
    /// The current value's word as stored in the file, if one is set.
    fn current(&self, incident: &Incident, n: usize) -> Option<&'static str>;
}

/// A [`ChoiceAccess`] over an `Option<C>` of the incident or of a record.
pub struct ChoiceLens<C: Choice> {
    /// Reads the value.
    pub get: Get<Option<C>>,
    /// Reaches it for writing.
    pub get_mut: GetMut<Option<C>>,
    /// True when "(none)" is offered first.
    pub none: bool,
    /// How an absent value reads (an action without status is open).
    pub absent: Option<C>,
    /// Called after a value is set (a key moment is kept on one entry only).
    pub after: Option<fn(&mut Incident, usize)>,
}

impl<C: Choice> ChoiceAccess for ChoiceLens<C> {
    fn labels(&self) -> Vec<&'static str> {
        let mut out = if self.none { vec!["(none)"] } else { vec![] };
        out.extend(C::ALL.iter().map(|c| c.label()));
        out
    }

    fn index(&self, incident: &Incident, n: usize) -> usize {
        let value = (self.get)(incident, n).copied().flatten().or(self.absent);
        match (value, self.none) {
            (Some(c), true) => c.index() + 1,
            (Some(c), false) => c.index(),
            (None, _) => 0,
        }
    }

    fn set(&self, incident: &mut Incident, n: usize, index: usize) {
        let value = if self.none {
            index.checked_sub(1).and_then(|i| C::ALL.get(i).copied())
        } else {
            C::ALL.get(index).copied()
        };
        if let Some(slot) = (self.get_mut)(incident, n) {
            *slot = value;
        }
        if let Some(after) = self.after {
            after(incident, n);
        }
    }

    fn current(&self, incident: &Incident, n: usize) -> Option<&'static str> {
        (self.get)(incident, n)
            .copied()
            .flatten()
            .map(Choice::as_str)
    }
}

/// One field of the table.
pub struct FieldDef {
    /// Its path: `technical.future_risks`, or `timeline[].at` for a record's field.
    pub path: &'static str,
    /// The record list it belongs to, or `None` for a field of the incident itself.
    pub record: Option<RecordKind>,
    /// The section that shows it.
    pub section: Section,
    /// Its label on screen and in exports.
    pub label: &'static str,
    /// A short hint shown beside it.
    pub hint: &'static str,
    /// How it is edited.
    pub kind: Kind,
    /// How it is read and written.
    pub value: Value,
    /// Whether the lint reads it.
    pub lint: Lint,
    /// True when customer-facing output may show it.
    pub customer: bool,
    /// True when a value here means the record (or the section) holds something a person
    /// typed or chose; ids, defaults and times are not content.
    pub content: bool,
    /// True when it may not be left empty (the title).
    pub required: bool,
    /// What the section needs for `●` complete: fields naming the same group satisfy it
    /// together, any one of them filled (`None`: it only counts towards `◐`).
    pub needed: Option<&'static str>,
    /// True for the fields typed in turn when records are added one after another: Enter
    /// goes from one to the next, and on the last adds the next record.
    pub entry: bool,
}

impl FieldDef {
    /// The key within its table: the last step of the path (`future_risks`, `at`).
    pub fn key(&self) -> &'static str {
        let path = self.path;
        let start = path.rfind(['.', ']']).map(|i| i + 1).unwrap_or(0);
        path[start..].trim_start_matches('.')
    }
}

/// A field of the table, by position in [`FIELDS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(u16);

impl FieldId {
    /// The field with this table path (`technical.future_risks`, `actions[].due`), checked
    /// when the program is compiled where used in a constant.
    ///
    /// # Panics
    /// When no field has this path (at compile time in a constant).
    pub const fn named(path: &str) -> FieldId {
        let mut i = 0;
        while i < FIELDS.len() {
            if str_eq(FIELDS[i].path, path) {
                return FieldId(i as u16);
            }
            i += 1;
        }
        panic!("no such field in the table")
    }

    /// The field with this table path, if any.
    pub fn find(path: &str) -> Option<FieldId> {
        FIELDS
            .iter()
            .position(|f| f.path == path)
            .map(|i| FieldId(i as u16))
    }

    /// Every field, in table order.
    pub fn all() -> impl Iterator<Item = FieldId> {
        (0..FIELDS.len() as u16).map(FieldId)
    }

    /// Its definition.
    pub fn def(self) -> &'static FieldDef {
        &FIELDS[self.0 as usize]
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// True when a field of the incident itself holds something (a list of records: at least
/// one record).
pub fn is_filled(incident: &Incident, field: FieldId) -> bool {
    let def = field.def();
    match def.kind {
        Kind::Records(kind) => kind.len(incident) > 0,
        _ => !def.value.is_empty(incident, 0),
    }
}

/// A section's own text, as exports show it: one text or a list of sentences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Prose<'a> {
    /// A text (one line or paragraphs).
    Text(&'a str),
    /// A list of sentences.
    List(&'a [String]),
}

/// The texts and lists of a section's own fields with their labels, in table order (records,
/// choices and computed fields left out): what `retro show`, the Markdown export and the HTML
/// page print for a section's prose.
pub fn prose(
    incident: &Incident,
    section: Section,
) -> impl Iterator<Item = (&'static str, Prose<'_>)> {
    section_fields(section).filter_map(move |field| {
        let def = field.def();
        match def.value {
            Value::Text(get, _) => Some((def.label, Prose::Text(get(incident, 0)?.as_str()))),
            Value::List(get, _) => Some((def.label, Prose::List(get(incident, 0)?.as_slice()))),
            _ => None,
        }
    })
}

/// The top-level fields a section shows, top to bottom.
pub fn section_fields(section: Section) -> impl Iterator<Item = FieldId> {
    FieldId::all().filter(move |f| {
        let def = f.def();
        def.record.is_none() && def.section == section
    })
}

/// The map of text that was typed but could not be stored, for the incident (`record` is
/// `None`) or for record `index` of a list.
pub fn unparsed(
    incident: &Incident,
    record: Option<RecordKind>,
    index: usize,
) -> Option<&BTreeMap<String, String>> {
    match record {
        None => Some(&incident.unparsed),
        Some(RecordKind::Timeline) => incident.timeline.get(index).map(|r| &r.unparsed),
        Some(RecordKind::Factor) => incident.factors.get(index).map(|r| &r.unparsed),
        Some(RecordKind::Metric) => incident.monitoring.metrics.get(index).map(|r| &r.unparsed),
        Some(RecordKind::Action) => incident.actions.get(index).map(|r| &r.unparsed),
    }
}

/// [`unparsed`], for writing.
pub fn unparsed_mut(
    incident: &mut Incident,
    record: Option<RecordKind>,
    index: usize,
) -> Option<&mut BTreeMap<String, String>> {
    match record {
        None => Some(&mut incident.unparsed),
        Some(RecordKind::Timeline) => incident.timeline.get_mut(index).map(|r| &mut r.unparsed),
        Some(RecordKind::Factor) => incident.factors.get_mut(index).map(|r| &mut r.unparsed),
        Some(RecordKind::Metric) => incident
            .monitoring
            .metrics
            .get_mut(index)
            .map(|r| &mut r.unparsed),
        Some(RecordKind::Action) => incident.actions.get_mut(index).map(|r| &mut r.unparsed),
    }
}

/// Keeps one timeline entry per key moment: clears the moment of entry `n` from the others.
fn one_entry_per_moment(incident: &mut Incident, n: usize) {
    let Some(moment) = incident.timeline.get(n).and_then(|e| e.milestone) else {
        return;
    };
    for (i, e) in incident.timeline.iter_mut().enumerate() {
        if i != n && e.milestone == Some(moment) {
            e.milestone = None;
        }
    }
}

/// A value of the incident (`top!(Text, technical.future_risks)`) or of record `n` of a
/// list (`rec!(Text, timeline; actor)`).
macro_rules! top {
    ($v:ident, $($f:ident).+) => {
        Value::$v(
            |i: &Incident, _: usize| Some(&i.$($f).+),
            |i: &mut Incident, _: usize| Some(&mut i.$($f).+),
        )
    };
}

macro_rules! rec {
    ($v:ident, $($list:ident).+ ; $f:ident) => {
        Value::$v(
            |i: &Incident, n: usize| i.$($list).+.get(n).map(|r| &r.$f),
            |i: &mut Incident, n: usize| i.$($list).+.get_mut(n).map(|r| &mut r.$f),
        )
    };
}

/// A choice of the incident (`choice!(Severity, [severity], …)`) or of a record
/// (`choice!(Milestone, [timeline; milestone], …)`).
macro_rules! choice {
    ($c:ty, [$f:ident], none: $none:expr, absent: $absent:expr, after: $after:expr) => {
        Value::Choice(&ChoiceLens::<$c> {
            get: |i: &Incident, _: usize| Some(&i.$f),
            get_mut: |i: &mut Incident, _: usize| Some(&mut i.$f),
            none: $none,
            absent: $absent,
            after: $after,
        })
    };
    ($c:ty, [$list:ident ; $f:ident], none: $none:expr, absent: $absent:expr, after: $after:expr) => {
        Value::Choice(&ChoiceLens::<$c> {
            get: |i: &Incident, n: usize| i.$list.get(n).map(|r| &r.$f),
            get_mut: |i: &mut Incident, n: usize| i.$list.get_mut(n).map(|r| &mut r.$f),
            none: $none,
            absent: $absent,
            after: $after,
        })
    };
}

/// A row of the table: `field(path, record, section, label, hint, kind, value)` with the
/// common defaults (not linted, internal, content, optional); the builders below change them.
const fn field(
    path: &'static str,
    record: Option<RecordKind>,
    section: Section,
    label: &'static str,
    hint: &'static str,
    kind: Kind,
    value: Value,
) -> FieldDef {
    FieldDef {
        path,
        record,
        section,
        label,
        hint,
        kind,
        value,
        lint: Lint::No,
        customer: false,
        content: true,
        required: false,
        needed: None,
        entry: false,
    }
}

impl FieldDef {
    const fn lint(mut self, lint: Lint) -> FieldDef {
        self.lint = lint;
        self
    }
    const fn customer(mut self) -> FieldDef {
        self.customer = true;
        self
    }
    const fn not_content(mut self) -> FieldDef {
        self.content = false;
        self
    }
    const fn required(mut self) -> FieldDef {
        self.required = true;
        self
    }
    /// Typed in turn when records are added one after another (see [`FieldDef::entry`]).
    const fn entry(mut self) -> FieldDef {
        self.entry = true;
        self
    }
    /// Needed for a complete section, alone.
    const fn needed(mut self) -> FieldDef {
        self.needed = Some(self.path);
        self
    }
    /// Needed for a complete section, this or another field of `group`.
    const fn needed_in(mut self, group: &'static str) -> FieldDef {
        self.needed = Some(group);
        self
    }
}

use Kind as K;
use Section as S;
const T: Option<RecordKind> = Some(RecordKind::Timeline);
const F: Option<RecordKind> = Some(RecordKind::Factor);
const M: Option<RecordKind> = Some(RecordKind::Metric);
const A: Option<RecordKind> = Some(RecordKind::Action);

/// Every field, in display order: the overview and the seven sections' own fields, then
/// each record kind's fields in form order.
#[rustfmt::skip]
pub const FIELDS: &[FieldDef] = &[
    // Overview.
    field("title", None, S::Overview, "Title", "what happened, in a few words", K::Line,
        top!(Text, title)).lint(Lint::Text).customer().required().needed(),
    field("severity", None, S::Overview, "Severity", "SEV1 is the worst", K::Choice,
        choice!(Severity, [severity], none: false, absent: None, after: None)).customer().needed(),
    field("status", None, S::Overview, "Status", "draft, in review, published", K::Choice,
        choice!(IncidentStatus, [status], none: false, absent: None, after: None))
        .not_content(),
    field("timezone", None, S::Overview, "Time zone",
        "IANA name, e.g. Europe/London; times are typed in it", K::Zone,
        top!(Text, timezone)).customer(),
    field("services", None, S::Overview, "Services", "comma-separated", K::CommaList,
        top!(List, services)).customer().needed(),
    field("tags", None, S::Overview, "Tags", "comma-separated", K::CommaList,
        top!(List, tags)),
    field("facilitator", None, S::Overview, "Facilitator", "who runs the retrospective",
        K::Line, top!(Text, facilitator)).needed_in("people"),
    field("participants", None, S::Overview, "Participants", "comma-separated, roles are fine",
        K::CommaList, top!(List, participants)).needed_in("people"),
    field("key_moments", None, S::Overview, "Key moments",
        "set on timeline entries (section 3)", K::KeyMoments, Value::Derived).customer(),
    field("readiness", None, S::Overview, "Ready to publish", "Enter picks the status",
        K::Checklist, Value::Derived),
    // 1. Messages to stakeholders.
    field("stakeholders.customer_message", None, S::Stakeholders, "Customer message",
        "impact in the user's terms, what was not affected, the plan", K::Multi,
        top!(Text, stakeholders.customer_message)).lint(Lint::Text).customer().needed(),
    field("stakeholders.reassurances", None, S::Stakeholders, "Not affected",
        "reassurances: what was not affected, one per line", K::LineList,
        top!(List, stakeholders.reassurances)).lint(Lint::Text).customer(),
    field("stakeholders.internal_message", None, S::Stakeholders, "Internal message",
        "the fuller version for colleagues", K::Multi,
        top!(Text, stakeholders.internal_message)).lint(Lint::Text).needed(),
    // 2. Monitoring context.
    field("monitoring.notes", None, S::Monitoring, "What monitoring showed",
        "against the long-term baseline", K::Multi, top!(Text, monitoring.notes))
        .lint(Lint::Text).needed(),
    field("monitoring.metrics", None, S::Monitoring, "Metrics", "what moved",
        K::Records(RecordKind::Metric), Value::Derived).needed_in("evidence"),
    field("monitoring.gaps", None, S::Monitoring, "Gaps",
        "missing or late monitoring, one per line", K::LineList,
        top!(List, monitoring.gaps)).lint(Lint::Text).needed_in("evidence"),
    // 3. Communication timeline.
    field("timeline", None, S::Timeline, "Timeline", "who, what, where, when; sorted by time",
        K::Records(RecordKind::Timeline), Value::Derived),
    // 4. Contributing factors.
    field("factors", None, S::Factors, "Factors", "many factors, not one cause",
        K::Records(RecordKind::Factor), Value::Derived),
    // 5. Technical analysis.
    field("technical.expected_behavior", None, S::Technical, "Expected behaviour",
        "how the system is meant to work", K::Multi,
        top!(Text, technical.expected_behavior)).lint(Lint::Text).needed(),
    field("technical.actual_behavior", None, S::Technical, "Actual behaviour",
        "how it behaved", K::Multi, top!(Text, technical.actual_behavior))
        .lint(Lint::Text).needed(),
    field("technical.analysis", None, S::Technical, "Analysis", "why it behaved that way",
        K::Multi, top!(Text, technical.analysis)).lint(Lint::Text).needed(),
    field("technical.future_risks", None, S::Technical, "Future risks",
        "what future development may change", K::Multi,
        top!(Text, technical.future_risks)).lint(Lint::Text).needed(),
    // 6. Follow-up actions.
    field("actions", None, S::Actions, "Actions", "concrete tasks with an owner and a date",
        K::Records(RecordKind::Action), Value::Derived),
    // 7. Narrative.
    field("narrative.text", None, S::Narrative, "Story",
        "normal work, the disruption, what was tried and learned", K::Multi,
        top!(Text, narrative.text)).lint(Lint::Text).needed(),
    field("narrative.impact", None, S::Narrative, "Impact",
        "how severe, for whom, for how long, and why", K::Multi,
        top!(Text, narrative.impact)).lint(Lint::Text).customer().needed(),
    // A timeline entry.
    field("timeline[].at", T, S::Timeline, "Time",
        "14:02, 2026-03-12 14:02 or RFC 3339; ~14:02 if approximate",
        K::Time, rec!(Time, timeline; at)).customer().not_content().entry(),
    field("timeline[].actor", T, S::Timeline, "Who",
        "a role or system, e.g. on-call, deploy pipeline", K::Line,
        rec!(Text, timeline; actor)).entry(),
    field("timeline[].role", T, S::Timeline, "Role", "role held, e.g. incident commander",
        K::Line, rec!(Text, timeline; role)),
    field("timeline[].channel", T, S::Timeline, "Channel", "e.g. #inc-2417, phone, video call",
        K::Line, rec!(Text, timeline; channel)),
    field("timeline[].text", T, S::Timeline, "What", "what happened or was said", K::Multi,
        rec!(Text, timeline; text)).lint(Lint::WithActor).entry(),
    field("timeline[].milestone", T, S::Timeline, "Key moment", "marks impact start, detection, …",
        K::Choice, choice!(Milestone, [timeline; milestone], none: true, absent: None,
        after: Some(one_entry_per_moment))).customer(),
    field("timeline[].miscommunication", T, S::Timeline, "Miscommunication",
        "communication went wrong here", K::Toggle, rec!(Toggle, timeline; miscommunication)),
    field("timeline[].internal_only", T, S::Timeline, "Internal only",
        "left out of customer-facing output", K::Toggle,
        rec!(Toggle, timeline; internal_only)),
    field("timeline[].approximate", T, S::Timeline, "Approximate time",
        "the time is a guess, shown ~14:02 (type ~14:02 or 14:02?)", K::Toggle,
        rec!(Toggle, timeline; approximate)).customer().not_content(),
    // A contributing factor.
    field("factors[].description", F, S::Factors, "Factor",
        "a condition of the system or work, not a person", K::Multi,
        rec!(Text, factors; description)).lint(Lint::Factor).entry(),
    field("factors[].category", F, S::Factors, "Category", "technical, tooling, process, …",
        K::Choice, choice!(Category, [factors; category], none: true, absent: None, after: None)),
    field("factors[].effect", F, S::Factors, "Effect", "made it worse, helped, or luck", K::Choice,
        choice!(Effect, [factors; effect], none: true, absent: None, after: None))
        .not_content(),
    field("factors[].whys", F, S::Factors, "Whys", "why? → why? → … · w adds a deeper one",
        K::Chain, rec!(List, factors; whys)).lint(Lint::Text),
    field("factors[].addressed_by", F, S::Factors, "Addressed by",
        "follow-up actions that work on it", K::Links, Value::Derived),
    field("factors[].no_action", F, S::Factors, "No action, because",
        "when no action is decided, say why", K::Multi, rec!(Text, factors; no_action))
        .lint(Lint::Text),
    // A metric.
    field("monitoring.metrics[].name", M, S::Monitoring, "Name", "e.g. checkout 5xx rate", K::Line,
        rec!(Text, monitoring.metrics; name)).entry(),
    field("monitoring.metrics[].source", M, S::Monitoring, "Source", "dashboard link", K::Line,
        rec!(Text, monitoring.metrics; source)),
    field("monitoring.metrics[].unit", M, S::Monitoring, "Unit", "e.g. %, ms, req/s", K::Line,
        rec!(Text, monitoring.metrics; unit)),
    field("monitoring.metrics[].baseline", M, S::Monitoring, "Baseline", "long-term normal value",
        K::Number, rec!(Number, monitoring.metrics; baseline)),
    field("monitoring.metrics[].peak", M, S::Monitoring, "Peak", "worst value during the incident",
        K::Number, rec!(Number, monitoring.metrics; peak)),
    field("monitoring.metrics[].note", M, S::Monitoring, "Note", "how the baseline was taken",
        K::Multi, rec!(Text, monitoring.metrics; note)).lint(Lint::Text),
    field("monitoring.metrics[].low_is_bad", M, S::Monitoring, "Low is bad",
        "the peak is the lowest value (free memory, throughput)", K::Toggle,
        rec!(Toggle, monitoring.metrics; low_is_bad)).not_content(),
    field("monitoring.metrics[].compare_from", M, S::Monitoring, "Baseline from",
        "start of the comparison window (default: before impact)", K::Time,
        rec!(Time, monitoring.metrics; compare_from)).not_content(),
    field("monitoring.metrics[].compare_to", M, S::Monitoring, "Baseline to",
        "end of the comparison window (default: impact start)", K::Time,
        rec!(Time, monitoring.metrics; compare_to)).not_content(),
    // A follow-up action.
    field("actions[].title", A, S::Actions, "Title", "a concrete task", K::Line,
        rec!(Text, actions; title)).lint(Lint::Text).entry(),
    field("actions[].kind", A, S::Actions, "Kind", "detect, mitigate, prevent, process, other",
        K::Choice, choice!(ActionKind, [actions; kind], none: true, absent: None, after: None)),
    field("actions[].owner", A, S::Actions, "Owner", "a team or role", K::Line,
        rec!(Text, actions; owner)).entry(),
    field("actions[].due", A, S::Actions, "Due", "YYYY-MM-DD", K::Date,
        rec!(Date, actions; due)).entry(),
    field("actions[].priority", A, S::Actions, "Priority", "high, medium, low", K::Choice,
        choice!(Priority, [actions; priority], none: true, absent: None, after: None)),
    field("actions[].status", A, S::Actions, "Status", "open, in progress, done, won't do",
        K::Choice, choice!(ActionStatus, [actions; status], none: false,
        absent: Some(ActionStatus::Open), after: None)).not_content(),
    field("actions[].factors", A, S::Actions, "Addresses", "the factors this action works on",
        K::Links, rec!(List, actions; factors)),
    field("actions[].rationale", A, S::Actions, "Why this action", "why it was chosen", K::Multi,
        rec!(Text, actions; rationale)).lint(Lint::Text),
    field("actions[].expected_impact", A, S::Actions, "Expected impact", "what it should change",
        K::Multi, rec!(Text, actions; expected_impact)).lint(Lint::Text),
    field("actions[].tracker", A, S::Actions, "Tracker", "link to the ticket", K::Line,
        rec!(Text, actions; tracker)),
];
