//! A fast path for listing: a [`Summary`] straight from a file's bytes, without building the
//! whole incident.
//!
//! `retro list` over thousands of files spends nearly all its time in the TOML parser, most of
//! it on long texts that the list never shows. This scanner reads the layout this program
//! writes (FORMAT.md: known keys, one per line, `"""` texts, arrays of tables last) and checks
//! as it goes that every byte is valid in that layout: known keys only, no key twice, values
//! of the right type and choice. Whenever it meets anything else (inline tables, dotted keys,
//! `[extensions]`, multi-line literal strings, CRLF line ends, an escape it does not know, a
//! schema other than 1, ...) it returns `None` and the caller uses the full parser, which also
//! gives the located error for a broken file. So for every file it accepts, the full parser
//! would accept it too and [`Summary::of`] would give the same summary; the tests below check
//! that on many mutated files.

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;

use super::Summary;
use super::action_item::ActionItem;
use crate::model::id::{id_date, is_valid_id};
use crate::model::{
    ActionKind, ActionStatus, Category, Choice, Effect, IncidentStatus, Milestone, Moment,
    Priority, Severity,
};

/// Summarises a file's bytes as of `today`, or returns `None` to ask for the full parser.
pub fn summarize(bytes: &[u8], today: Date) -> Option<Summary> {
    scan(bytes, today, false).map(|(summary, _)| summary)
}

/// The incident's id and its follow-up actions in file order, from a file's bytes, or `None` to
/// ask for the full parser (on the same terms as [`summarize`]).
pub fn actions(bytes: &[u8]) -> Option<(String, Vec<ActionItem>)> {
    // The day only matters for the summary's overdue count, which is not used here.
    let (summary, actions) = scan(bytes, Date::ZERO, true)?;
    Some((summary.id, actions))
}

fn scan(bytes: &[u8], today: Date, collect: bool) -> Option<(Summary, Vec<ActionItem>)> {
    scan_texts(bytes, today, collect, ())
}

/// What a scan hands on besides the summary: the texts of the file, to a reader that wants
/// some of them (the lint's, [`super::lint_fast`]). Each is called only for a file the scan
/// has not given up on so far; a file given up on later is the full parser's, whatever was
/// handed on.
pub(super) trait Texts {
    /// A record of an array of tables (`[[timeline]]`, ...) of `table` begins.
    fn record(&mut self, _table: Table) {}
    /// Whether the text or list of strings at `key` of `table` is wanted; when it is, the next
    /// call is [`Texts::text`] or [`Texts::list`] with its value.
    fn wants(&mut self, _table: Table, _key: &[u8]) -> bool {
        false
    }
    /// The wanted text, decoded, and the byte range of its literal (quotes included).
    fn text(&mut self, _text: Cow<'_, str>, _span: Range<usize>) {}
    /// The wanted list's strings, each decoded with the byte range of its literal.
    fn list(&mut self, _items: Vec<(Cow<'_, str>, Range<usize>)>) {}
}

/// No texts wanted.
impl Texts for () {}

/// [`scan`], handing texts to `texts`.
pub(super) fn scan_texts<X: Texts>(
    bytes: &[u8],
    today: Date,
    collect: bool,
    texts: X,
) -> Option<(Summary, Vec<ActionItem>)> {
    let text = std::str::from_utf8(bytes).ok()?;
    if text.starts_with('\u{feff}') || has_control(bytes) {
        return None;
    }
    let mut scan = Scanner {
        t: text,
        b: bytes,
        pos: 0,
        facts: Facts::default(),
        table: Table::Root,
        seen_keys: 0,
        seen_tables: 0,
        entry: Entry::default(),
        today,
        collect,
        texts,
    };
    scan.run()?;
    scan.finish()
}

/// Where keys currently go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Table {
    Root,
    Stakeholders,
    Monitoring,
    Metric,
    Technical,
    Narrative,
    Timeline,
    Factor,
    Action,
}

/// What the current array-of-tables item holds so far.
#[derive(Default)]
struct Entry {
    at: Option<Moment>,
    milestone: Option<Milestone>,
    action_status: Option<ActionStatus>,
    due: Option<Date>,
    /// The action's fields, when actions are collected.
    action: ActionItem,
}

/// What the summary needs, gathered while scanning.
#[derive(Default)]
struct Facts {
    schema: bool,
    id: Option<String>,
    title: Option<String>,
    severity: Option<Severity>,
    status: Option<IncidentStatus>,
    timezone: String,
    services: Vec<String>,
    /// The first timeline entry marked impact_started, and its time if it has one.
    impact_started: Option<Option<Moment>>,
    stakeholders: bool,
    monitoring: bool,
    timeline: bool,
    factors: bool,
    technical: bool,
    actions: bool,
    narrative: bool,
    open_actions: usize,
    overdue_actions: usize,
    open_due: Vec<Date>,
    /// Every action, when they are collected.
    collected: Vec<ActionItem>,
}

/// The type a known key must have.
#[derive(Clone, Copy)]
enum Kind {
    /// `schema_version`: exactly `1`.
    One,
    Text(TextUse),
    Array(ArrayUse),
    Moment(MomentUse),
    Date,
    Bool,
    Float,
    /// A whole number from 0 to `i64::MAX`, written without sign or leading zeros.
    Integer,
    /// A metric's `[time, value]` pairs, skipped after checking each.
    Points,
    Choice(ChoiceUse),
}

#[derive(Clone, Copy)]
enum TextUse {
    Ignore,
    Id,
    Title,
    Timezone,
    /// Counts towards its section being filled when not blank.
    Fills,
    ActionId,
    ActionTitle,
    ActionOwner,
    ActionTracker,
}

#[derive(Clone, Copy)]
enum ArrayUse {
    Ignore,
    Services,
    /// Counts towards its section being filled when not empty.
    Fills,
    ActionFactors,
}

#[derive(Clone, Copy)]
enum MomentUse {
    Ignore,
    At,
}

#[derive(Clone, Copy)]
enum ChoiceUse {
    Severity,
    Status,
    Milestone,
    Category,
    Effect,
    Kind,
    Priority,
    ActionStatus,
}

/// The keys of each table, their bit in the duplicate check, and their type.
fn key_kind(table: Table, key: &[u8]) -> Option<(u32, Kind)> {
    use Kind::*;
    let keys: &[(&[u8], Kind)] = match table {
        Table::Root => &[
            (b"schema_version", One),
            (b"id", Text(TextUse::Id)),
            (b"title", Text(TextUse::Title)),
            (b"severity", Choice(ChoiceUse::Severity)),
            (b"status", Choice(ChoiceUse::Status)),
            (b"timezone", Text(TextUse::Timezone)),
            (b"services", Array(ArrayUse::Services)),
            (b"tags", Array(ArrayUse::Ignore)),
            (b"facilitator", Text(TextUse::Ignore)),
            (b"participants", Array(ArrayUse::Ignore)),
            (b"created_at", Moment(MomentUse::Ignore)),
            (b"updated_at", Moment(MomentUse::Ignore)),
        ],
        Table::Stakeholders => &[
            (b"customer_message", Text(TextUse::Fills)),
            (b"internal_message", Text(TextUse::Fills)),
            (b"reassurances", Array(ArrayUse::Fills)),
        ],
        Table::Monitoring => &[
            (b"notes", Text(TextUse::Fills)),
            (b"gaps", Array(ArrayUse::Fills)),
        ],
        Table::Metric => &[
            (b"name", Text(TextUse::Ignore)),
            (b"source", Text(TextUse::Ignore)),
            (b"unit", Text(TextUse::Ignore)),
            (b"baseline", Float),
            (b"peak", Float),
            (b"note", Text(TextUse::Ignore)),
            (b"low_is_bad", Bool),
            (b"compare_from", Moment(MomentUse::Ignore)),
            (b"compare_to", Moment(MomentUse::Ignore)),
            (b"file", Text(TextUse::Ignore)),
            (b"rows", Integer),
            (b"first_at", Moment(MomentUse::Ignore)),
            (b"last_at", Moment(MomentUse::Ignore)),
            (b"min", Float),
            (b"max", Float),
            (b"points", Points),
        ],
        Table::Technical => &[
            (b"expected_behavior", Text(TextUse::Fills)),
            (b"actual_behavior", Text(TextUse::Fills)),
            (b"analysis", Text(TextUse::Fills)),
            (b"future_risks", Text(TextUse::Fills)),
        ],
        Table::Narrative => &[
            (b"text", Text(TextUse::Fills)),
            (b"impact", Text(TextUse::Fills)),
        ],
        Table::Timeline => &[
            (b"at", Moment(MomentUse::At)),
            (b"approximate", Bool),
            (b"actor", Text(TextUse::Ignore)),
            (b"role", Text(TextUse::Ignore)),
            (b"channel", Text(TextUse::Ignore)),
            (b"text", Text(TextUse::Ignore)),
            (b"milestone", Choice(ChoiceUse::Milestone)),
            (b"miscommunication", Bool),
            (b"internal_only", Bool),
            (b"source", Text(TextUse::Ignore)),
        ],
        Table::Factor => &[
            (b"id", Text(TextUse::Ignore)),
            (b"category", Choice(ChoiceUse::Category)),
            (b"effect", Choice(ChoiceUse::Effect)),
            (b"description", Text(TextUse::Ignore)),
            (b"whys", Array(ArrayUse::Ignore)),
            (b"no_action", Text(TextUse::Ignore)),
        ],
        Table::Action => &[
            (b"id", Text(TextUse::ActionId)),
            (b"title", Text(TextUse::ActionTitle)),
            (b"kind", Choice(ChoiceUse::Kind)),
            (b"owner", Text(TextUse::ActionOwner)),
            (b"due", Date),
            (b"priority", Choice(ChoiceUse::Priority)),
            (b"status", Choice(ChoiceUse::ActionStatus)),
            (b"factors", Array(ArrayUse::ActionFactors)),
            (b"rationale", Text(TextUse::Ignore)),
            (b"expected_impact", Text(TextUse::Ignore)),
            (b"tracker", Text(TextUse::ActionTracker)),
        ],
    };
    keys.iter()
        .position(|(k, _)| *k == key)
        .map(|i| (1u32 << i, keys[i].1))
}

fn choice<T: Choice>(word: &str) -> Option<T> {
    T::ALL.iter().copied().find(|c| c.as_str() == word)
}

fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Bits of `seen_tables`.
const STAKEHOLDERS: u32 = 1;
const MONITORING: u32 = 2;
const TECHNICAL: u32 = 4;
const NARRATIVE: u32 = 8;
const METRICS: u32 = 16;

struct Scanner<'a, X: Texts> {
    t: &'a str,
    b: &'a [u8],
    pos: usize,
    facts: Facts,
    table: Table,
    seen_keys: u32,
    seen_tables: u32,
    entry: Entry,
    today: Date,
    /// Whether to keep every action's fields.
    collect: bool,
    /// Who the texts go to.
    texts: X,
}

impl<'a, X: Texts> Scanner<'a, X> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment's text: anything but control characters, up to the line end.
    fn comment(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'\n' {
                break;
            }
            if (c < 0x20 && c != b'\t') || c == 0x7f {
                return None;
            }
            self.pos += 1;
        }
        Some(())
    }

    /// Blanks, an optional comment, then a line end or the end of the file.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_blanks();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    fn run(&mut self) -> Option<()> {
        loop {
            self.skip_blanks();
            match self.peek() {
                None => return Some(()),
                Some(b'\n') => self.pos += 1,
                Some(b'#') => self.comment()?,
                Some(b'[') => self.header()?,
                Some(_) => self.key_value()?,
            }
        }
    }

    /// Ends the current array-of-tables item, counting what the summary needs from it.
    fn close_entry(&mut self) {
        let entry = std::mem::take(&mut self.entry);
        match self.table {
            Table::Timeline
                if entry.milestone == Some(Milestone::ImpactStarted)
                    && self.facts.impact_started.is_none() =>
            {
                self.facts.impact_started = Some(entry.at);
            }
            Table::Action => {
                if self.collect {
                    let mut action = entry.action;
                    action.due = entry.due;
                    action.status = entry.action_status;
                    self.facts.collected.push(action);
                }
                let status = entry.action_status.unwrap_or(ActionStatus::Open);
                if matches!(status, ActionStatus::Open | ActionStatus::InProgress) {
                    self.facts.open_actions += 1;
                    if let Some(due) = entry.due {
                        self.facts.open_due.push(due);
                        if due < self.today {
                            self.facts.overdue_actions += 1;
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn header(&mut self) -> Option<()> {
        self.close_entry();
        let rest = &self.b[self.pos..];
        let (table, len) = if rest.starts_with(b"[[") {
            let names: [(&[u8], Table); 4] = [
                (b"[[timeline]]", Table::Timeline),
                (b"[[factors]]", Table::Factor),
                (b"[[actions]]", Table::Action),
                (b"[[monitoring.metrics]]", Table::Metric),
            ];
            let (name, table) = names.iter().find(|(n, _)| rest.starts_with(n))?;
            match table {
                Table::Timeline => self.facts.timeline = true,
                Table::Factor => self.facts.factors = true,
                Table::Action => self.facts.actions = true,
                _ => {
                    self.seen_tables |= METRICS;
                    self.facts.monitoring = true;
                }
            }
            self.texts.record(*table);
            (*table, name.len())
        } else {
            let names: [(&[u8], Table, u32); 4] = [
                (b"[stakeholders]", Table::Stakeholders, STAKEHOLDERS),
                (b"[monitoring]", Table::Monitoring, MONITORING),
                (b"[technical]", Table::Technical, TECHNICAL),
                (b"[narrative]", Table::Narrative, NARRATIVE),
            ];
            let (name, table, bit) = names.iter().find(|(n, _, _)| rest.starts_with(n))?;
            // Each once; `[monitoring]` after `[[monitoring.metrics]]` is left to the parser.
            if self.seen_tables & bit != 0
                || (*bit == MONITORING && self.seen_tables & METRICS != 0)
            {
                return None;
            }
            self.seen_tables |= bit;
            (*table, name.len())
        };
        self.pos += len;
        self.table = table;
        self.seen_keys = 0;
        self.end_of_line()
    }

    fn key_value(&mut self) -> Option<()> {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        {
            self.pos += 1;
        }
        let key = &self.b[start..self.pos];
        let (bit, kind) = key_kind(self.table, key)?;
        if self.seen_keys & bit != 0 {
            return None;
        }
        self.seen_keys |= bit;
        self.skip_blanks();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.pos += 1;
        self.skip_blanks();
        self.value(kind, key)?;
        self.end_of_line()
    }

    fn value(&mut self, kind: Kind, key: &[u8]) -> Option<()> {
        match kind {
            Kind::One => {
                let token = self.token();
                (token == b"1").then_some(())?;
                self.facts.schema = true;
            }
            Kind::Text(usage) => {
                let start = self.pos;
                let text = self.string()?;
                if self.texts.wants(self.table, key) {
                    self.texts.text(text.clone(), start..self.pos);
                }
                match usage {
                    TextUse::Ignore => {}
                    TextUse::Id => self.facts.id = Some(text.into_owned()),
                    TextUse::Title => self.facts.title = Some(text.into_owned()),
                    TextUse::Timezone => {
                        if !text.is_empty() && jiff::tz::TimeZone::get(&text).is_err() {
                            return None;
                        }
                        self.facts.timezone = text.into_owned();
                    }
                    TextUse::Fills => {
                        if filled(&text) {
                            self.mark_filled();
                        }
                    }
                    _ if !self.collect => {}
                    TextUse::ActionId => self.entry.action.id = text.into_owned(),
                    TextUse::ActionTitle => self.entry.action.title = text.into_owned(),
                    TextUse::ActionOwner => self.entry.action.owner = text.into_owned(),
                    TextUse::ActionTracker => self.entry.action.tracker = text.into_owned(),
                }
            }
            Kind::Array(usage) => {
                let keep = match usage {
                    ArrayUse::Services => true,
                    ArrayUse::ActionFactors => self.collect,
                    _ => false,
                };
                if self.texts.wants(self.table, key) {
                    let mut all = Vec::new();
                    let count = self.array_each(|text, span| all.push((text, span)))?;
                    let items = match usage {
                        ArrayUse::Services | ArrayUse::ActionFactors if keep => {
                            all.iter().map(|(t, _)| t.to_string()).collect()
                        }
                        _ => Vec::new(),
                    };
                    self.texts.list(all);
                    self.array_used(usage, (count, items));
                    return Some(());
                }
                let items = self.array(keep)?;
                self.array_used(usage, items);
            }
            Kind::Moment(usage) => {
                let moment = self.moment()?;
                if let MomentUse::At = usage {
                    self.entry.at = Some(moment);
                }
            }
            Kind::Date => {
                let token = self.token();
                let ok = token.len() == 10
                    && token.iter().enumerate().all(|(i, c)| {
                        if i == 4 || i == 7 {
                            *c == b'-'
                        } else {
                            c.is_ascii_digit()
                        }
                    });
                if !ok {
                    return None;
                }
                let text = std::str::from_utf8(token).ok()?;
                let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<i16>().ok();
                let date = Date::new(
                    num(0..4)?,
                    i8::try_from(num(5..7)?).ok()?,
                    i8::try_from(num(8..10)?).ok()?,
                )
                .ok()?;
                self.entry.due = Some(date);
            }
            Kind::Bool => {
                let token = self.token();
                if token != b"true" && token != b"false" {
                    return None;
                }
            }
            Kind::Float => {
                let token = self.token();
                // A float outside f64 (1e400) is the full parser's to reject.
                let finite = std::str::from_utf8(token)
                    .ok()
                    .and_then(|t| t.parse::<f64>().ok())
                    .is_some_and(f64::is_finite);
                if !is_plain_float(token) || !finite {
                    return None;
                }
            }
            Kind::Integer => {
                let token = self.token();
                let plain = !token.is_empty()
                    && token.iter().all(u8::is_ascii_digit)
                    && (token.len() == 1 || token[0] != b'0');
                if !plain || std::str::from_utf8(token).ok()?.parse::<i64>().is_err() {
                    return None;
                }
            }
            Kind::Points => self.points()?,
            Kind::Choice(usage) => {
                let word = self.string()?;
                match usage {
                    ChoiceUse::Severity => self.facts.severity = Some(choice(&word)?),
                    ChoiceUse::Status => self.facts.status = Some(choice(&word)?),
                    ChoiceUse::Milestone => self.entry.milestone = Some(choice(&word)?),
                    ChoiceUse::Category => drop(choice::<Category>(&word)?),
                    ChoiceUse::Effect => drop(choice::<Effect>(&word)?),
                    ChoiceUse::Kind => self.entry.action.kind = Some(choice::<ActionKind>(&word)?),
                    ChoiceUse::Priority => {
                        self.entry.action.priority = Some(choice::<Priority>(&word)?);
                    }
                    ChoiceUse::ActionStatus => self.entry.action_status = Some(choice(&word)?),
                }
            }
        }
        Some(())
    }

    /// Notes what the summary needs of an array: its length and, when kept, its items.
    fn array_used(&mut self, usage: ArrayUse, items: (usize, Vec<String>)) {
        match usage {
            ArrayUse::Ignore => {}
            ArrayUse::Services => self.facts.services = items.1,
            ArrayUse::ActionFactors => self.entry.action.factors = items.1,
            ArrayUse::Fills => {
                if items.0 > 0 {
                    self.mark_filled();
                }
            }
        }
    }

    fn mark_filled(&mut self) {
        match self.table {
            Table::Stakeholders => self.facts.stakeholders = true,
            Table::Monitoring => self.facts.monitoring = true,
            Table::Technical => self.facts.technical = true,
            Table::Narrative => self.facts.narrative = true,
            _ => {}
        }
    }

    /// Bytes up to a blank, a comment, a comma, a bracket or a line end.
    fn token(&mut self) -> &'a [u8] {
        let start = self.pos;
        while matches!(self.peek(), Some(c) if !matches!(c, b' ' | b'\t' | b'\n' | b'#' | b',' | b']'))
        {
            self.pos += 1;
        }
        &self.b[start..self.pos]
    }

    /// An offset date-time in the strict shape `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`.
    fn moment(&mut self) -> Option<Moment> {
        let token = self.token();
        let shape = b"dddd-dd-ddTdd:dd:dd";
        if token.len() < shape.len() + 1
            || !token.iter().zip(shape.iter()).all(|(c, s)| {
                if *s == b'd' {
                    c.is_ascii_digit()
                } else {
                    c == s
                }
            })
        {
            return None;
        }
        let mut rest = &token[shape.len()..];
        if let Some(frac) = rest.strip_prefix(b".") {
            let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 || digits > 9 {
                return None;
            }
            rest = &frac[digits..];
        }
        let offset_ok = rest == b"Z"
            || (rest.len() == 6
                && matches!(rest[0], b'+' | b'-')
                && rest[1].is_ascii_digit()
                && rest[2].is_ascii_digit()
                && rest[3] == b':'
                && rest[4].is_ascii_digit()
                && rest[5].is_ascii_digit());
        if !offset_ok {
            return None;
        }
        let num = |at: usize, len: usize| -> u32 {
            token[at..at + len]
                .iter()
                .fold(0, |n, c| n * 10 + u32::from(c - b'0'))
        };
        let (hour, minute, second) = (num(11, 2), num(14, 2), num(17, 2));
        // The ranges TOML itself enforces; the calendar is checked by `Moment::from_toml`.
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let nanosecond = match token.get(19) {
            Some(b'.') => {
                let digits = token[20..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                (0..9).fold(0, |n, i| {
                    n * 10 + if i < digits { num(20 + i, 1) } else { 0 }
                })
            }
            _ => 0,
        };
        let offset = if rest == b"Z" {
            toml::value::Offset::Z
        } else {
            let (h, m) = (num(token.len() - 5, 2), num(token.len() - 2, 2));
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i16::try_from(h * 60 + m).ok()?;
            toml::value::Offset::Custom {
                minutes: if rest[0] == b'-' { -minutes } else { minutes },
            }
        };
        let value = toml::value::Datetime {
            date: Some(toml::value::Date {
                year: u16::try_from(num(0, 4)).ok()?,
                month: u8::try_from(num(5, 2)).ok()?,
                day: u8::try_from(num(8, 2)).ok()?,
            }),
            time: Some(toml::value::Time {
                hour: u8::try_from(hour).ok()?,
                minute: u8::try_from(minute).ok()?,
                second: u8::try_from(second).ok()?,
                nanosecond,
            }),
            offset: Some(offset),
        };
        if value
            .date
            .is_some_and(|d| d.month == 0 || d.month > 12 || d.day == 0)
        {
            return None;
        }
        Moment::from_toml(&value).ok()
    }

    /// A basic, literal or multi-line basic string, decoded.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let rest = &self.b[self.pos..];
        if rest.starts_with(b"\"\"\"") {
            self.pos += 3;
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
            self.basic(true)
        } else if rest.starts_with(b"'''") {
            self.pos += 3;
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
            let start = self.pos;
            loop {
                match self.peek()? {
                    b'\'' => {
                        let run = self.b[self.pos..]
                            .iter()
                            .take_while(|c| **c == b'\'')
                            .count();
                        if run < 3 {
                            self.pos += run;
                            continue;
                        }
                        if run > 5 {
                            return None;
                        }
                        let end = self.pos + run - 3;
                        self.pos += run;
                        let text = self.t.get(start..end)?;
                        return Some(Cow::Borrowed(text));
                    }
                    b'\t' | b'\n' => self.pos += 1,
                    c if c < 0x20 || c == 0x7f => return None,
                    _ => self.pos += 1,
                }
            }
        } else if rest.starts_with(b"\"") {
            self.pos += 1;
            self.basic(false)
        } else if rest.starts_with(b"'") {
            self.pos += 1;
            let start = self.pos;
            loop {
                let c = self.peek()?;
                self.pos += 1;
                match c {
                    b'\'' => break,
                    b'\t' => {}
                    c if c < 0x20 || c == 0x7f => return None,
                    _ => {}
                }
            }
            let text = self.t.get(start..self.pos - 1)?;
            Some(Cow::Borrowed(text))
        } else {
            None
        }
    }

    /// The body of a basic string after its opening quote(s), up to and past its end.
    fn basic(&mut self, multi: bool) -> Option<Cow<'a, str>> {
        let start = self.pos;
        let mut decoded: Option<String> = None;
        let mut plain_from = start;
        loop {
            let rest = &self.b[self.pos..];
            let skip = if multi {
                memchr::memchr2(b'"', b'\\', rest)
            } else {
                memchr::memchr3(b'"', b'\\', b'\n', rest)
            }?;
            self.pos += skip;
            let c = self.peek()?;
            match c {
                b'"' => {
                    if !multi {
                        let end = self.pos;
                        self.pos += 1;
                        return finish(self.t, decoded, plain_from, end);
                    }
                    let run = self.b[self.pos..]
                        .iter()
                        .take_while(|c| **c == b'"')
                        .count();
                    if run < 3 {
                        self.pos += run;
                        continue;
                    }
                    if run > 5 {
                        return None;
                    }
                    let end = self.pos + run - 3;
                    self.pos += run;
                    return finish(self.t, decoded, plain_from, end);
                }
                b'\\' => {
                    let out = decoded.get_or_insert_with(String::new);
                    out.push_str(self.t.get(plain_from..self.pos)?);
                    self.pos += 1;
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'b' => out.push('\u{8}'),
                        b't' => out.push('\t'),
                        b'n' => out.push('\n'),
                        b'f' => out.push('\u{c}'),
                        b'r' => out.push('\r'),
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'u' | b'U' => {
                            let len = if e == b'u' { 4 } else { 8 };
                            let hex = self.b.get(self.pos..self.pos + len)?;
                            if !hex.iter().all(u8::is_ascii_hexdigit) {
                                return None;
                            }
                            let code =
                                u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                            out.push(char::from_u32(code)?);
                            self.pos += len;
                        }
                        b' ' | b'\t' | b'\n' if multi => {
                            // A line-ending backslash: only blanks may follow it on its line.
                            self.pos -= 1;
                            self.skip_blanks();
                            if self.peek() != Some(b'\n') {
                                return None;
                            }
                            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
                                self.pos += 1;
                            }
                        }
                        _ => return None,
                    }
                    plain_from = self.pos;
                }
                b'\n' if multi => self.pos += 1,
                b'\t' => self.pos += 1,
                c if c < 0x20 || c == 0x7f => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// An array of strings, possibly over several lines; its length, and the items when
    /// `keep`.
    fn array(&mut self, keep: bool) -> Option<(usize, Vec<String>)> {
        let mut items = Vec::new();
        let count = self.array_each(|item, _| {
            if keep {
                items.push(item.into_owned());
            }
        })?;
        Some((count, items))
    }

    /// An array of strings, possibly over several lines, each handed to `each` decoded with
    /// the byte range of its literal; its length.
    fn array_each(&mut self, mut each: impl FnMut(Cow<'a, str>, Range<usize>)) -> Option<usize> {
        if self.peek() != Some(b'[') {
            return None;
        }
        self.pos += 1;
        let mut count = 0;
        loop {
            self.array_space()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Some(count);
            }
            let start = self.pos;
            let item = self.string()?;
            count += 1;
            each(item, start..self.pos);
            self.array_space()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(count);
                }
                _ => return None,
            }
        }
    }

    /// A metric's points as this program writes them: `[`, then pairs `[date-time, number]`
    /// (a plain float or `nan`) separated by commas, blanks and line ends, then `]`. Each
    /// date-time is checked as [`Self::moment`] checks it; comments and anything else go to
    /// the full parser.
    fn points(&mut self) -> Option<()> {
        if self.peek() != Some(b'[') {
            return None;
        }
        self.pos += 1;
        loop {
            self.point_space();
            match self.peek()? {
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                b'[' => self.pos += 1,
                _ => return None,
            }
            self.moment()?;
            if self.peek() != Some(b',') {
                return None;
            }
            self.pos += 1;
            self.skip_blanks();
            let value = self.token();
            // A float outside f64 (1e400) is the full parser's to reject.
            let finite = || {
                std::str::from_utf8(value)
                    .ok()
                    .and_then(|t| t.parse::<f64>().ok())
                    .is_some_and(f64::is_finite)
            };
            if value != b"nan" && (!is_plain_float(value) || !finite()) {
                return None;
            }
            if self.peek() != Some(b']') {
                return None;
            }
            self.pos += 1;
            self.point_space();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Blanks and line ends between points.
    fn point_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n')) {
            self.pos += 1;
        }
    }

    /// Blanks, line ends and comments inside an array.
    fn array_space(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n') => self.pos += 1,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    fn finish(mut self) -> Option<(Summary, Vec<ActionItem>)> {
        self.close_entry();
        let facts = self.facts;
        let id = facts.id?;
        let title = facts.title?;
        if !facts.schema || !is_valid_id(&id) {
            return None;
        }
        let tz = crate::model::timeinput::zone(&facts.timezone);
        let date = facts
            .impact_started
            .flatten()
            .map(|m| m.in_zone(&tz).date())
            .or_else(|| id_date(&id));
        let sections_filled = [
            facts.stakeholders,
            facts.monitoring,
            facts.timeline,
            facts.factors,
            facts.technical,
            facts.actions,
            facts.narrative,
        ]
        .iter()
        .filter(|f| **f)
        .count();
        let summary = Summary {
            id,
            title,
            severity: facts.severity,
            status: facts.status.unwrap_or(IncidentStatus::Draft),
            date,
            sections_filled,
            open_actions: facts.open_actions,
            overdue_actions: facts.overdue_actions,
            open_due: facts.open_due,
            services: facts.services,
        };
        Some((summary, facts.collected))
    }
}

/// The string's text: borrowed when it had no escapes.
fn finish(t: &str, decoded: Option<String>, plain_from: usize, end: usize) -> Option<Cow<'_, str>> {
    let tail = t.get(plain_from..end)?;
    Some(match decoded {
        Some(mut s) => {
            s.push_str(tail);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(tail),
    })
}

/// True when the text holds a control character other than tab and line feed (so also a
/// carriage return) or DEL: invalid in TOML, or a CRLF file; both go to the full parser.
fn has_control(bytes: &[u8]) -> bool {
    bytes.chunks(64).any(|chunk| {
        chunk.iter().fold(false, |bad, &c| {
            bad | ((c < 0x20) & (c != b'\t') & (c != b'\n')) | (c == 0x7f)
        })
    })
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` with a fraction or an exponent.
fn is_plain_float(token: &[u8]) -> bool {
    let t = token.strip_prefix(b"-").unwrap_or(token);
    let int = t.iter().take_while(|c| c.is_ascii_digit()).count();
    if int == 0 || (int > 1 && t[0] == b'0') {
        return false;
    }
    let mut rest = &t[int..];
    let mut special = false;
    if let Some(frac) = rest.strip_prefix(b".") {
        let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
        special = true;
    }
    if let Some(exp) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let exp = exp
            .strip_prefix(b"+")
            .or_else(|| exp.strip_prefix(b"-"))
            .unwrap_or(exp);
        let n = exp.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return false;
        }
        rest = &exp[n..];
        special = true;
    }
    special && rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::{Parsed, parse};

    const EXAMPLE: &str = include_str!("../../tests/fixtures/format-example.toml");

    fn full(text: &str, today: Date) -> Option<Summary> {
        match parse(text) {
            Ok(Parsed::Current(incident)) => Some(Summary::of(&incident, today)),
            _ => None,
        }
    }

    fn full_actions(text: &str) -> Option<(String, Vec<ActionItem>)> {
        match parse(text) {
            Ok(Parsed::Current(incident)) => Some((
                incident.id.clone(),
                incident.actions.iter().map(ActionItem::of).collect(),
            )),
            _ => None,
        }
    }

    fn without_extensions() -> String {
        EXAMPLE.split("\n[extensions]").next().unwrap().to_string()
            + &EXAMPLE[EXAMPLE.find("\n[[timeline]]").unwrap()..]
    }

    fn today() -> Date {
        jiff::civil::date(2026, 3, 20)
    }

    #[test]
    fn the_format_example_takes_the_fast_path_and_agrees() {
        // `[extensions]` is left to the full parser.
        assert_eq!(summarize(EXAMPLE.as_bytes(), today()), None);
        let plain = without_extensions();
        let fast = summarize(plain.as_bytes(), today());
        assert!(fast.is_some());
        assert_eq!(fast, full(&plain, today()));
        let fast = actions(plain.as_bytes());
        assert!(fast.as_ref().is_some_and(|(_, a)| !a.is_empty()));
        assert_eq!(fast, full_actions(&plain));
    }

    #[test]
    fn written_files_take_the_fast_path() {
        let Ok(Parsed::Current(mut incident)) = parse(EXAMPLE) else {
            panic!("example does not parse");
        };
        incident.extensions = None;
        incident.stakeholders.customer_message = "Tab\there, \"quoted\" and \\ back\n  \n".into();
        incident.narrative.impact = "   ".into();
        incident.title = "Ünïcode \"title\" \u{1}".into();
        let text = crate::model::codec::to_toml_string(&incident).unwrap();
        let fast = summarize(text.as_bytes(), today());
        assert!(fast.is_some(), "{text}");
        assert_eq!(fast, full(&text, today()));
        assert_eq!(actions(text.as_bytes()), full_actions(&text));
    }

    /// A metric as `retro metric` writes it: the import's scalars and a few points, a gap
    /// among them.
    fn metric_with_points() -> crate::model::Metric {
        let at = |t: &str| Moment::parse_rfc3339(t).unwrap();
        crate::model::Metric {
            name: "cpu".into(),
            low_is_bad: true,
            compare_from: Some(at("2026-03-12T13:00:00Z")),
            compare_to: Some(at("2026-03-12T14:00:00+01:00")),
            file: "cpu.csv".into(),
            rows: Some(4032),
            first_at: Some(at("2026-03-12T10:00:00Z")),
            last_at: Some(at("2026-03-12T16:00:00Z")),
            min: Some(-2.5),
            max: Some(99.25),
            points: vec![
                crate::model::Point::new(at("2026-03-12T14:00:00Z"), 1.0),
                crate::model::Point::gap(at("2026-03-12T14:05:00Z")),
                crate::model::Point::new(at("2026-03-12T14:10:00Z"), 1e-7),
            ],
            ..crate::model::Metric::default()
        }
    }

    #[test]
    fn metrics_with_points_take_the_fast_path_and_agree() {
        let Ok(Parsed::Current(mut incident)) = parse(&without_extensions()) else {
            panic!("example does not parse");
        };
        incident.monitoring.metrics.push(metric_with_points());
        let text = crate::model::codec::to_toml_string(&incident).unwrap();
        assert!(
            text.contains("points = [\n    [2026-03-12T14:00:00Z, 1.0],\n"),
            "{text}"
        );
        let fast = summarize(text.as_bytes(), today());
        assert!(fast.is_some(), "{text}");
        assert_eq!(fast, full(&text, today()));
        for bad in [
            ("1.0],", "1],"),
            ("nan]", "NaN]"),
            ("14:05:00Z", "14:05:00"),
            ("rows = 4032", "rows = 04032"),
            ("rows = 4032", "rows = -1"),
            (
                "[2026-03-12T14:00:00Z, 1.0]",
                "[2026-03-12T14:00:00Z, 1.0, 2.0]",
            ),
            ("[2026-03-12T14:00:00Z, 1.0]", "[2026-02-30T14:00:00Z, 1.0]"),
        ] {
            let changed = text.replacen(bad.0, bad.1, 1);
            assert_ne!(changed, text);
            assert_eq!(summarize(changed.as_bytes(), today()), None, "{}", bad.1);
        }
    }

    #[test]
    fn imported_entries_and_customer_updates_are_read_alike() {
        let head = "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\n";
        let entry = format!(
            "{head}\n[[timeline]]\nat = 2026-03-12T14:02:00Z\ntext = \"x\"\n\
             source = \"slack:C1:1710252330.000400\"\n"
        );
        let fast = summarize(entry.as_bytes(), today());
        assert!(fast.is_some(), "an imported entry takes the fast path");
        assert_eq!(fast, full(&entry, today()));
        let updates = format!(
            "{head}\n[stakeholders]\ncustomer_message = \"m\"\n\n[[stakeholders.updates]]\n\
             at = 2026-03-12T14:09:45Z\nstatus = \"investigating\"\ntext = \"t\"\n"
        );
        assert_eq!(summarize(updates.as_bytes(), today()), None);
        assert!(
            full(&updates, today()).is_some(),
            "the full parser reads it"
        );
    }

    #[test]
    fn unusual_files_fall_back() {
        for text in [
            "schema_version = 2\nid = \"2026-03-12-a\"\ntitle = \"a\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\ntitel = \"b\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\ntitle = \"b\"\n",
            "schema_version = 1\r\nid = \"2026-03-12-a\"\ntitle = \"a\"\n",
            "schema_version = 1\nid = \"2026-03-12-A\"\ntitle = \"a\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\n[extensions]\nx = 1\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\nseverity = \"SEV9\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\"\ntimezone = \"Mars/Base\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"a\\q\"\n",
            "schema_version = 1\nid = \"2026-03-12-a\"\ntitle = \"\"\"a\"\"\"\"\"\"\n",
        ] {
            assert_eq!(summarize(text.as_bytes(), today()), None, "{text}");
        }
    }

    #[test]
    fn date_times_read_as_the_toml_parser_reads_them() {
        for text in [
            "2026-03-12T14:02:00Z",
            "2026-03-12T14:02:00.5Z",
            "2026-03-12T14:02:00.123456789+01:00",
            "2026-03-12T23:59:59-05:30",
            "2024-02-29T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-01-00T00:00:00Z",
            "2026-01-01T24:00:00Z",
            "2026-01-01T00:60:00Z",
            "2026-01-01T00:00:60Z",
            "2026-01-01T00:00:00+24:00",
            "2026-01-01T00:00:00+23:59",
            "0000-01-01T00:00:00Z",
        ] {
            let mut scan = Scanner {
                t: text,
                b: text.as_bytes(),
                pos: 0,
                facts: Facts::default(),
                table: Table::Root,
                seen_keys: 0,
                seen_tables: 0,
                entry: Entry::default(),
                today: today(),
                collect: false,
                texts: (),
            };
            let fast = scan.moment();
            let slow = text
                .parse::<toml::value::Datetime>()
                .ok()
                .and_then(|d| Moment::from_toml(&d).ok());
            assert_eq!(
                fast.map(|m| m.timestamp),
                slow.map(|m| m.timestamp),
                "{text}"
            );
            if let (Some(f), Some(s)) = (fast, slow) {
                assert_eq!(f.offset, s.offset, "{text}");
            }
        }
    }

    /// A small deterministic generator for the mutation test.
    #[test]
    fn floats_outside_f64_go_to_the_full_parser() {
        let base = without_extensions();
        assert!(base.contains("peak = 38.0"));
        for value in ["1e400", "-1e400", "1.8e308", "1e-400"] {
            let text = base.replace("peak = 38.0", &format!("peak = {value}"));
            let fast = summarize(text.as_bytes(), today());
            assert_eq!(fast, full(&text, today()), "peak = {value}");
        }
        let text = base.replace("peak = 38.0", "peak = 1e400");
        assert_eq!(summarize(text.as_bytes(), today()), None);
    }

    /// One change to a file: delete up to 8 bytes, insert a piece, or overwrite with one, at
    /// a position given as a fraction of the file's length.
    #[derive(Clone, Debug)]
    enum Edit {
        Delete(f64, usize),
        Insert(f64, usize),
        Overwrite(f64, usize),
    }

    fn edit(pieces: usize) -> impl proptest::strategy::Strategy<Value = Edit> {
        use proptest::prelude::*;
        prop_oneof![
            (0.0..1.0f64, 1..=8usize).prop_map(|(at, n)| Edit::Delete(at, n)),
            (0.0..1.0f64, 0..pieces).prop_map(|(at, p)| Edit::Insert(at, p)),
            (0.0..1.0f64, 0..pieces).prop_map(|(at, p)| Edit::Overwrite(at, p)),
        ]
    }

    #[test]
    fn whatever_the_fast_path_accepts_the_full_parser_accepts_alike() {
        let mut written = match parse(&without_extensions()) {
            Ok(Parsed::Current(incident)) => incident,
            _ => panic!("example does not parse"),
        };
        written.stakeholders.customer_message = "It's \"quoted\"\\ and\n  multi-line\n".into();
        written.narrative.text = "\u{1}control and ''' quotes\n".into();
        written.monitoring.metrics.push(metric_with_points());
        let bases = [
            without_extensions(),
            crate::model::codec::to_toml_string(&written).unwrap(),
        ];
        for base in &bases {
            assert!(summarize(base.as_bytes(), today()).is_some(), "{base}");
        }
        let pieces: &[&str] = &[
            "\"",
            "'",
            "\"\"\"",
            "\\",
            "\\n",
            "\\u00e9",
            "#",
            "\n",
            " ",
            "=",
            "[",
            "]",
            ",",
            "[[timeline]]\n",
            "[[actions]]\n",
            "[stakeholders]\n",
            "[monitoring]\n",
            "milestone = \"impact_started\"\n",
            "status = \"done\"\n",
            "due = 2020-01-01\n",
            "at = 2026-03-11T23:30:00-05:00\n",
            "x",
            "1",
            "\t",
            "\u{7f}",
            "é",
            "\"\"",
            "'''",
            "''",
            "\"\"\"\n",
            "\\\n",
            "\\  \n  ",
            "1e400",
            "-1e400",
            "1e-400",
            "1.7976931348623157e309",
            "peak = 1e400\n",
            "baseline = -1e999\n",
            "e9",
            "nan",
            "1.5",
            "-0",
            "01",
            "    [2026-03-12T14:02:00Z, 1.5],\n",
            "[2026-02-30T14:02:00Z, nan]",
            "rows = 7\n",
        ];
        use proptest::test_runner::{Config, TestRunner};
        let accepted = std::sync::atomic::AtomicUsize::new(0);
        let mut runner = TestRunner::new(Config {
            cases: 12_000,
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = (
            0..bases.len(),
            proptest::collection::vec(edit(pieces.len()), 1..=4),
        );
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
            let Ok(text) = String::from_utf8(text) else {
                return Ok(());
            };
            if let Some(fast) = summarize(text.as_bytes(), today()) {
                accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                proptest::prop_assert_eq!(
                    Some(fast),
                    full(&text, today()),
                    "fast path disagrees on:\n{}",
                    text
                );
                assert_eq!(
                    actions(text.as_bytes()),
                    full_actions(&text),
                    "fast actions disagree on:\n{text}"
                );
            }
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
        let accepted = accepted.into_inner();
        assert!(
            accepted > 1000,
            "only {accepted} mutated files took the fast path"
        );
    }
}
