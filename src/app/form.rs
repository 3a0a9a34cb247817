//! What each section shows and how every FORMAT.md field is read and written as text.
//!
//! A [`Target`] names one editable value: a top-level [`Field`] of a section, or a
//! [`RecordField`] of one timeline entry, factor, metric or action. Each has a [`Kind`] that
//! decides how it is edited (text, choice, toggle, …) and the functions here turn values into
//! editable text and back, with a clear message for input that cannot be stored.

use jiff::civil::Date;

use crate::model::timeinput::{format_time, parse_time, zone};
use crate::model::{
    ActionKind, ActionStatus, Category, Choice, Effect, Incident, IncidentStatus, LocalDate,
    Milestone, Priority, Section, Severity,
};

/// How a value is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text; Enter finishes.
    Line,
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
    /// Links to contributing factors, picked from a list.
    Links,
    /// A list of records, opened one at a time.
    Records(RecordKind),
    /// Shown, not edited here (e.g. computed key moments).
    ReadOnly,
    /// A chain of short answers (a factor's whys), each edited on its own as a
    /// [`RecordField::Why`]; `w` adds a deeper one.
    Chain,
    /// A computed checklist (readiness to publish), shown, not edited.
    Checklist,
}

impl Kind {
    /// True for kinds edited in a text field.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Kind::Line
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
            Kind::Line | Kind::CommaList | Kind::Time | Kind::Date | Kind::Number
        )
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
    /// Singular noun for messages ("timeline entry").
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Timeline => "timeline entry",
            RecordKind::Factor => "contributing factor",
            RecordKind::Metric => "metric",
            RecordKind::Action => "follow-up action",
        }
    }

    /// The fields of one record, in form order.
    pub fn fields(self) -> &'static [RecordField] {
        use RecordField::*;
        match self {
            RecordKind::Timeline => &[
                At,
                Actor,
                Role,
                Channel,
                EntryText,
                EntryMilestone,
                Miscommunication,
                InternalOnly,
            ],
            RecordKind::Factor => &[
                FactorDescription,
                FactorCategory,
                FactorEffect,
                Whys,
                AddressedBy,
                NoAction,
            ],
            RecordKind::Metric => &[MetricName, Source, Unit, Baseline, Peak, MetricNote],
            RecordKind::Action => &[
                ActionTitle,
                ActionKindField,
                Owner,
                Due,
                ActionPriority,
                ActionStatusField,
                ActionFactors,
                Rationale,
                ExpectedImpact,
                Tracker,
            ],
        }
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
}

/// A top-level field of the overview or a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Field {
    Title,
    Severity,
    Status,
    Timezone,
    Services,
    Tags,
    Facilitator,
    Participants,
    KeyMoments,
    CustomerMessage,
    InternalMessage,
    Reassurances,
    MonitoringNotes,
    Gaps,
    Metrics,
    Timeline,
    Factors,
    ExpectedBehavior,
    ActualBehavior,
    Analysis,
    FutureRisks,
    Actions,
    NarrativeText,
    Impact,
    /// The readiness checklist of the overview (computed).
    Readiness,
}

/// A field inside one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum RecordField {
    At,
    Actor,
    Role,
    Channel,
    EntryText,
    EntryMilestone,
    Miscommunication,
    InternalOnly,
    FactorDescription,
    FactorCategory,
    FactorEffect,
    Whys,
    /// One answer of a factor's whys chain, by position (0 is the shallowest).
    Why(usize),
    /// The follow-up actions that link the factor (edited from the factor's side).
    AddressedBy,
    NoAction,
    MetricName,
    Source,
    Unit,
    Baseline,
    Peak,
    MetricNote,
    ActionTitle,
    ActionKindField,
    Owner,
    Due,
    ActionPriority,
    ActionStatusField,
    ActionFactors,
    Rationale,
    ExpectedImpact,
    Tracker,
}

/// One editable value of an incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A section's own field.
    Top(Field),
    /// A field of record `index` of a list.
    Record(RecordKind, usize, RecordField),
}

/// The fields a section shows, top to bottom.
pub fn section_fields(section: Section) -> &'static [Field] {
    use Field::*;
    match section {
        Section::Overview => &[
            Title,
            Severity,
            Status,
            Timezone,
            Services,
            Tags,
            Facilitator,
            Participants,
            KeyMoments,
            Readiness,
        ],
        Section::Stakeholders => &[CustomerMessage, Reassurances, InternalMessage],
        Section::Monitoring => &[MonitoringNotes, Metrics, Gaps],
        Section::Timeline => &[Timeline],
        Section::Factors => &[Factors],
        Section::Technical => &[ExpectedBehavior, ActualBehavior, Analysis, FutureRisks],
        Section::Actions => &[Actions],
        Section::Narrative => &[NarrativeText, Impact],
    }
}

impl Field {
    /// Label and hint shown with the field.
    pub fn label(self) -> (&'static str, &'static str) {
        use Field::*;
        match self {
            Title => ("Title", "what happened, in a few words"),
            Severity => ("Severity", "SEV1 is the worst"),
            Status => ("Status", "draft, in review, published"),
            Timezone => (
                "Time zone",
                "IANA name, e.g. Europe/London; times are typed in it",
            ),
            Services => ("Services", "comma-separated"),
            Tags => ("Tags", "comma-separated"),
            Facilitator => ("Facilitator", "who runs the retrospective"),
            Participants => ("Participants", "comma-separated, roles are fine"),
            KeyMoments => ("Key moments", "set on timeline entries (section 3)"),
            CustomerMessage => (
                "Customer message",
                "impact in the user's terms, what was not affected, the plan",
            ),
            Reassurances => ("Reassurances", "what was not affected, one per line"),
            InternalMessage => ("Internal message", "the fuller version for colleagues"),
            MonitoringNotes => ("What monitoring showed", "against the long-term baseline"),
            Metrics => ("Metrics", "what moved"),
            Gaps => ("Gaps", "missing or late monitoring, one per line"),
            Timeline => ("Timeline", "who, what, where, when; sorted by time"),
            Factors => ("Factors", "many factors, not one cause"),
            ExpectedBehavior => ("Expected behaviour", "how the system is meant to work"),
            ActualBehavior => ("Actual behaviour", "how it behaved"),
            Analysis => ("Analysis", "why it behaved that way"),
            FutureRisks => ("Future risks", "what future development may change"),
            Actions => ("Actions", "concrete tasks with an owner and a date"),
            NarrativeText => (
                "Story",
                "normal work, the disruption, what was tried and learned",
            ),
            Impact => ("Impact", "how severe, for whom, for how long, and why"),
            Readiness => ("Ready to publish", "Enter picks the status"),
        }
    }

    /// How the field is edited.
    pub fn kind(self) -> Kind {
        use Field::*;
        match self {
            Title | Timezone | Facilitator => Kind::Line,
            Severity | Status => Kind::Choice,
            Services | Tags | Participants => Kind::CommaList,
            KeyMoments => Kind::ReadOnly,
            Readiness => Kind::Checklist,
            Reassurances | Gaps => Kind::LineList,
            Metrics => Kind::Records(RecordKind::Metric),
            Timeline => Kind::Records(RecordKind::Timeline),
            Factors => Kind::Records(RecordKind::Factor),
            Actions => Kind::Records(RecordKind::Action),
            CustomerMessage | InternalMessage | MonitoringNotes | ExpectedBehavior
            | ActualBehavior | Analysis | FutureRisks | NarrativeText | Impact => Kind::Multi,
        }
    }
}

impl RecordField {
    /// Label and hint shown with the field.
    pub fn label(self) -> (&'static str, &'static str) {
        use RecordField::*;
        match self {
            At => ("Time", "14:02, 2026-03-12 14:02 or RFC 3339"),
            Actor => ("Who", "a role or system, e.g. on-call, deploy pipeline"),
            Role => ("Role", "role held, e.g. incident commander"),
            Channel => ("Channel", "e.g. #inc-2417, phone, video call"),
            EntryText => ("What", "what happened or was said"),
            EntryMilestone => ("Key moment", "marks impact start, detection, …"),
            Miscommunication => ("Miscommunication", "communication went wrong here"),
            InternalOnly => ("Internal only", "left out of customer-facing output"),
            FactorDescription => ("Factor", "a condition of the system or work, not a person"),
            FactorCategory => ("Category", "technical, tooling, process, …"),
            FactorEffect => ("Effect", "made it worse, helped, or luck"),
            Whys => ("Whys", "why? → why? → … · w adds a deeper one"),
            Why(_) => ("Why?", "and why was that so? one answer"),
            AddressedBy => ("Addressed by", "follow-up actions that work on it"),
            NoAction => ("No action, because", "when no action is decided, say why"),
            MetricName => ("Name", "e.g. checkout 5xx rate"),
            Source => ("Source", "dashboard link"),
            Unit => ("Unit", "e.g. %, ms, req/s"),
            Baseline => ("Baseline", "long-term normal value"),
            Peak => ("Peak", "worst value during the incident"),
            MetricNote => ("Note", "how the baseline was taken"),
            ActionTitle => ("Title", "a concrete task"),
            ActionKindField => ("Kind", "detect, mitigate, prevent, process, other"),
            Owner => ("Owner", "a team or role"),
            Due => ("Due", "YYYY-MM-DD"),
            ActionPriority => ("Priority", "high, medium, low"),
            ActionStatusField => ("Status", "open, in progress, done, won't do"),
            ActionFactors => ("Addresses", "the factors this action works on"),
            Rationale => ("Why this action", "why it was chosen"),
            ExpectedImpact => ("Expected impact", "what it should change"),
            Tracker => ("Tracker", "link to the ticket"),
        }
    }

    /// How the field is edited.
    pub fn kind(self) -> Kind {
        use RecordField::*;
        match self {
            At => Kind::Time,
            Actor | Role | Channel | MetricName | Source | Unit | ActionTitle | Owner | Tracker
            | Why(_) => Kind::Line,
            EntryText | FactorDescription | MetricNote | Rationale | ExpectedImpact | NoAction => {
                Kind::Multi
            }
            EntryMilestone | FactorCategory | FactorEffect | ActionKindField | ActionPriority
            | ActionStatusField => Kind::Choice,
            Miscommunication | InternalOnly => Kind::Toggle,
            Whys => Kind::Chain,
            Baseline | Peak => Kind::Number,
            Due => Kind::Date,
            ActionFactors | AddressedBy => Kind::Links,
        }
    }
}

impl Target {
    /// How the value is edited.
    pub fn kind(self) -> Kind {
        match self {
            Target::Top(f) => f.kind(),
            Target::Record(_, _, f) => f.kind(),
        }
    }

    /// Label and hint.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Target::Top(f) => f.label(),
            Target::Record(_, _, f) => f.label(),
        }
    }
}

fn join_lines(items: &[String]) -> String {
    items.join("\n")
}

fn split_comma(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn number_text(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("`{text}` is not a number, e.g. 0.2 or 38")),
    }
}

/// The text a field holds, as it is edited (lists joined, times in the incident's zone).
/// Returns an empty string for kinds that are not text.
pub fn text_of(incident: &Incident, target: Target) -> String {
    use RecordField as R;
    let tz = zone(&incident.timezone);
    match target {
        Target::Top(field) => match field {
            Field::Title => incident.title.clone(),
            Field::Timezone => incident.timezone.clone(),
            Field::Facilitator => incident.facilitator.clone(),
            Field::Services => incident.services.join(", "),
            Field::Tags => incident.tags.join(", "),
            Field::Participants => incident.participants.join(", "),
            Field::CustomerMessage => incident.stakeholders.customer_message.clone(),
            Field::InternalMessage => incident.stakeholders.internal_message.clone(),
            Field::Reassurances => join_lines(&incident.stakeholders.reassurances),
            Field::MonitoringNotes => incident.monitoring.notes.clone(),
            Field::Gaps => join_lines(&incident.monitoring.gaps),
            Field::ExpectedBehavior => incident.technical.expected_behavior.clone(),
            Field::ActualBehavior => incident.technical.actual_behavior.clone(),
            Field::Analysis => incident.technical.analysis.clone(),
            Field::FutureRisks => incident.technical.future_risks.clone(),
            Field::NarrativeText => incident.narrative.text.clone(),
            Field::Impact => incident.narrative.impact.clone(),
            _ => String::new(),
        },
        Target::Record(RecordKind::Timeline, i, f) => {
            let Some(e) = incident.timeline.get(i) else {
                return String::new();
            };
            match f {
                R::At => e.at.map(|m| format_time(&m, &tz)).unwrap_or_default(),
                R::Actor => e.actor.clone(),
                R::Role => e.role.clone(),
                R::Channel => e.channel.clone(),
                R::EntryText => e.text.clone(),
                _ => String::new(),
            }
        }
        Target::Record(RecordKind::Factor, i, f) => {
            let Some(x) = incident.factors.get(i) else {
                return String::new();
            };
            match f {
                R::FactorDescription => x.description.clone(),
                R::Whys => join_lines(&x.whys),
                R::Why(n) => x.whys.get(n).cloned().unwrap_or_default(),
                R::NoAction => x.no_action.clone(),
                _ => String::new(),
            }
        }
        Target::Record(RecordKind::Metric, i, f) => {
            let Some(m) = incident.monitoring.metrics.get(i) else {
                return String::new();
            };
            match f {
                R::MetricName => m.name.clone(),
                R::Source => m.source.clone(),
                R::Unit => m.unit.clone(),
                R::Baseline => number_text(m.baseline),
                R::Peak => number_text(m.peak),
                R::MetricNote => m.note.clone(),
                _ => String::new(),
            }
        }
        Target::Record(RecordKind::Action, i, f) => {
            let Some(a) = incident.actions.get(i) else {
                return String::new();
            };
            match f {
                R::ActionTitle => a.title.clone(),
                R::Owner => a.owner.clone(),
                R::Due => a.due.map(|d| d.to_string()).unwrap_or_default(),
                R::Rationale => a.rationale.clone(),
                R::ExpectedImpact => a.expected_impact.clone(),
                R::Tracker => a.tracker.clone(),
                _ => String::new(),
            }
        }
    }
}

/// Stores edited text into the field.
///
/// `today` dates a clock time typed without a date when the entry has none yet.
///
/// # Errors
/// A message for text the field cannot hold (a bad time, date, number or time zone); the
/// incident is then unchanged.
pub fn set_text(
    incident: &mut Incident,
    target: Target,
    text: &str,
    today: Date,
) -> Result<(), String> {
    use RecordField as R;
    let line = || text.trim().to_string();
    let body = || text.trim_end().to_string();
    match target {
        Target::Top(field) => {
            let inc = &mut *incident;
            match field {
                Field::Title => {
                    if text.trim().is_empty() {
                        return Err("the title cannot be empty".into());
                    }
                    inc.title = line();
                }
                Field::Timezone => {
                    let name = line();
                    if !name.is_empty() && jiff::tz::TimeZone::get(&name).is_err() {
                        return Err(format!(
                            "unknown time zone `{name}`: use an IANA name such as Europe/London"
                        ));
                    }
                    inc.timezone = name;
                }
                Field::Facilitator => inc.facilitator = line(),
                Field::Services => inc.services = split_comma(text),
                Field::Tags => inc.tags = split_comma(text),
                Field::Participants => inc.participants = split_comma(text),
                Field::CustomerMessage => inc.stakeholders.customer_message = body(),
                Field::InternalMessage => inc.stakeholders.internal_message = body(),
                Field::Reassurances => inc.stakeholders.reassurances = split_lines(text),
                Field::MonitoringNotes => inc.monitoring.notes = body(),
                Field::Gaps => inc.monitoring.gaps = split_lines(text),
                Field::ExpectedBehavior => inc.technical.expected_behavior = body(),
                Field::ActualBehavior => inc.technical.actual_behavior = body(),
                Field::Analysis => inc.technical.analysis = body(),
                Field::FutureRisks => inc.technical.future_risks = body(),
                Field::NarrativeText => inc.narrative.text = body(),
                Field::Impact => inc.narrative.impact = body(),
                _ => {}
            }
        }
        Target::Record(RecordKind::Timeline, i, f) => {
            let reference = reference_date(incident, i, today);
            let tz = zone(&incident.timezone);
            let Some(e) = incident.timeline.get_mut(i) else {
                return Ok(());
            };
            match f {
                R::At => {
                    e.at = if text.trim().is_empty() {
                        None
                    } else {
                        Some(parse_time(text, &tz, reference)?)
                    };
                }
                R::Actor => e.actor = line(),
                R::Role => e.role = line(),
                R::Channel => e.channel = line(),
                R::EntryText => e.text = body(),
                _ => {}
            }
        }
        Target::Record(RecordKind::Factor, i, f) => {
            let Some(x) = incident.factors.get_mut(i) else {
                return Ok(());
            };
            match f {
                R::FactorDescription => x.description = body(),
                R::Whys => x.whys = split_lines(text),
                R::Why(n) => {
                    // An emptied answer stays while it is edited; closing the editor drops it.
                    let answer = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    match x.whys.get_mut(n) {
                        Some(why) => *why = answer,
                        None => x.whys.push(answer),
                    }
                }
                R::NoAction => x.no_action = body(),
                _ => {}
            }
        }
        Target::Record(RecordKind::Metric, i, f) => {
            let Some(m) = incident.monitoring.metrics.get_mut(i) else {
                return Ok(());
            };
            match f {
                R::MetricName => m.name = line(),
                R::Source => m.source = line(),
                R::Unit => m.unit = line(),
                R::Baseline => m.baseline = parse_number(text)?,
                R::Peak => m.peak = parse_number(text)?,
                R::MetricNote => m.note = body(),
                _ => {}
            }
        }
        Target::Record(RecordKind::Action, i, f) => {
            let Some(a) = incident.actions.get_mut(i) else {
                return Ok(());
            };
            match f {
                R::ActionTitle => a.title = line(),
                R::Owner => a.owner = line(),
                R::Due => {
                    a.due = if text.trim().is_empty() {
                        None
                    } else {
                        Some(LocalDate::parse(text)?)
                    };
                }
                R::Rationale => a.rationale = body(),
                R::ExpectedImpact => a.expected_impact = body(),
                R::Tracker => a.tracker = line(),
                _ => {}
            }
        }
    }
    Ok(())
}

/// The date a bare clock time (`14:02`) is read on: the entry's own date, else the nearest
/// earlier entry's, else the impact start's, else the id's date, else `today`; all in the
/// incident's zone.
pub fn reference_date(incident: &Incident, index: usize, today: Date) -> Date {
    let tz = zone(&incident.timezone);
    let own = incident.timeline.get(index).and_then(|e| e.at);
    let earlier = incident.timeline[..index.min(incident.timeline.len())]
        .iter()
        .rev()
        .find_map(|e| e.at);
    let any = incident.timeline.iter().find_map(|e| e.at);
    own.or(earlier)
        .or(any)
        .map(|m| m.in_zone(&tz).date())
        .or_else(|| crate::model::id::id_date(&incident.id))
        .unwrap_or(today)
}

/// The options of a choice field, as labels; index 0 is "none" where the field may be empty.
pub fn choice_labels(target: Target) -> Vec<&'static str> {
    fn labels<C: Choice>(none: bool) -> Vec<&'static str> {
        let mut out = if none { vec!["(none)"] } else { vec![] };
        out.extend(C::ALL.iter().map(|c| c.label()));
        out
    }
    use RecordField as R;
    match target {
        Target::Top(Field::Severity) => labels::<Severity>(false),
        Target::Top(Field::Status) => labels::<IncidentStatus>(false),
        Target::Record(_, _, R::EntryMilestone) => labels::<Milestone>(true),
        Target::Record(_, _, R::FactorCategory) => labels::<Category>(true),
        Target::Record(_, _, R::FactorEffect) => labels::<Effect>(true),
        Target::Record(_, _, R::ActionKindField) => labels::<ActionKind>(true),
        Target::Record(_, _, R::ActionPriority) => labels::<Priority>(true),
        Target::Record(_, _, R::ActionStatusField) => labels::<ActionStatus>(false),
        _ => vec![],
    }
}

fn index_of<C: Choice>(value: Option<C>, none: bool) -> usize {
    match (value, none) {
        (Some(c), true) => c.index() + 1,
        (Some(c), false) => c.index(),
        (None, _) => 0,
    }
}

fn pick<C: Choice>(index: usize, none: bool) -> Option<C> {
    if none {
        index.checked_sub(1).and_then(|i| C::ALL.get(i).copied())
    } else {
        C::ALL.get(index).copied()
    }
}

/// The index of the current value in [`choice_labels`].
pub fn choice_index(incident: &Incident, target: Target) -> usize {
    use RecordField as R;
    match target {
        Target::Top(Field::Severity) => index_of(incident.severity, false),
        Target::Top(Field::Status) => index_of(incident.status, false),
        Target::Record(RecordKind::Timeline, i, R::EntryMilestone) => {
            index_of(incident.timeline.get(i).and_then(|e| e.milestone), true)
        }
        Target::Record(RecordKind::Factor, i, R::FactorCategory) => {
            index_of(incident.factors.get(i).and_then(|f| f.category), true)
        }
        Target::Record(RecordKind::Factor, i, R::FactorEffect) => {
            index_of(incident.factors.get(i).and_then(|f| f.effect), true)
        }
        Target::Record(RecordKind::Action, i, R::ActionKindField) => {
            index_of(incident.actions.get(i).and_then(|a| a.kind), true)
        }
        Target::Record(RecordKind::Action, i, R::ActionPriority) => {
            index_of(incident.actions.get(i).and_then(|a| a.priority), true)
        }
        Target::Record(RecordKind::Action, i, R::ActionStatusField) => {
            index_of(incident.actions.get(i).map(|a| a.status_or_open()), false)
        }
        _ => 0,
    }
}

/// Sets a choice field to option `index` of [`choice_labels`]. Marking a timeline entry with
/// a milestone clears that milestone from any other entry (one entry per milestone).
pub fn set_choice(incident: &mut Incident, target: Target, index: usize) {
    use RecordField as R;
    match target {
        Target::Top(Field::Severity) => incident.severity = pick(index, false),
        Target::Top(Field::Status) => incident.status = pick(index, false),
        Target::Record(RecordKind::Timeline, i, R::EntryMilestone) => {
            let milestone: Option<Milestone> = pick(index, true);
            if milestone.is_some() {
                for (n, e) in incident.timeline.iter_mut().enumerate() {
                    if n != i && e.milestone == milestone {
                        e.milestone = None;
                    }
                }
            }
            if let Some(e) = incident.timeline.get_mut(i) {
                e.milestone = milestone;
            }
        }
        Target::Record(RecordKind::Factor, i, f) => {
            if let Some(x) = incident.factors.get_mut(i) {
                match f {
                    R::FactorCategory => x.category = pick(index, true),
                    R::FactorEffect => x.effect = pick(index, true),
                    _ => {}
                }
            }
        }
        Target::Record(RecordKind::Action, i, f) => {
            if let Some(a) = incident.actions.get_mut(i) {
                match f {
                    R::ActionKindField => a.kind = pick(index, true),
                    R::ActionPriority => a.priority = pick(index, true),
                    R::ActionStatusField => a.status = pick(index, false),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The value of a toggle field.
pub fn toggle_value(incident: &Incident, target: Target) -> bool {
    match target {
        Target::Record(RecordKind::Timeline, i, RecordField::Miscommunication) => {
            incident.timeline.get(i).is_some_and(|e| e.miscommunication)
        }
        Target::Record(RecordKind::Timeline, i, RecordField::InternalOnly) => {
            incident.timeline.get(i).is_some_and(|e| e.internal_only)
        }
        _ => false,
    }
}

/// Flips a toggle field.
pub fn toggle(incident: &mut Incident, target: Target) {
    if let Target::Record(RecordKind::Timeline, i, f) = target
        && let Some(e) = incident.timeline.get_mut(i)
    {
        match f {
            RecordField::Miscommunication => e.miscommunication = !e.miscommunication,
            RecordField::InternalOnly => e.internal_only = !e.internal_only,
            _ => {}
        }
    }
}

/// A short, one-line display of any field's value (for forms and lists).
pub fn display_value(incident: &Incident, target: Target) -> String {
    match target.kind() {
        Kind::Choice => {
            let labels = choice_labels(target);
            labels
                .get(choice_index(incident, target))
                .copied()
                .unwrap_or("")
                .to_string()
        }
        Kind::Toggle => {
            if toggle_value(incident, target) {
                "[x] yes".into()
            } else {
                "[ ] no".into()
            }
        }
        Kind::Links => match target {
            Target::Record(RecordKind::Action, i, _) => incident
                .actions
                .get(i)
                .map(|a| a.factors.join(", "))
                .unwrap_or_default(),
            Target::Record(RecordKind::Factor, i, _) => incident
                .factors
                .get(i)
                .map(|f| {
                    crate::analysis::addressing_actions(incident, &f.id)
                        .iter()
                        .map(|a| a.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            _ => String::new(),
        },
        _ => text_of(incident, target),
    }
}
