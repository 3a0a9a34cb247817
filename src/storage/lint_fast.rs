//! A fast path for the lint: the texts it reads, straight from a file's bytes, without the
//! TOML parser.
//!
//! `retro lint` over a folder spent a third of its time parsing each file twice with the
//! TOML parser (once for the incident, once more for the spans that place findings). This
//! reader rides on the list's scanner ([`super::summary_fast`]): it accepts exactly the files
//! that scanner accepts (the usual layout, every byte checked) and gives up on the same ones,
//! so that the caller uses the full parser for them. From an accepted file it keeps what the
//! lint reads, chosen by the field table ([`crate::model::FIELDS`]): every field marked for
//! the lint, plus the participants, the facilitator and each timeline entry's actor (who the
//! lint takes for people), each record in its place, and the byte range of each linted
//! string's literal, to place findings. Files with a `[lint]` table go to the full parser, so
//! the incident's own lint words and ignores are always empty here.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;

use super::summary_fast::{Table, Texts, scan_texts};
use crate::model::fields::{Lint, Value};
use crate::model::path::FieldPath;
use crate::model::{FieldId, Incident};

/// What the lint reads of one file: an incident holding only the linted texts and the people,
/// and where each linted string is in the file.
#[derive(Debug, Default)]
pub struct LintView {
    /// The incident, with only the fields the lint reads filled in (and every record, in
    /// file order, so that indices match the full parser's).
    pub incident: Incident,
    /// Each linted string's path and the byte range of its literal in the file (quotes
    /// included).
    spans: Vec<(FieldPath, Range<usize>)>,
}

impl LintView {
    /// The byte range of the literal (quotes included) of the linted string at `path`, and its
    /// decoded text; `None` when there is none.
    pub fn literal(&self, path: &str) -> Option<(Range<usize>, &str)> {
        let path = FieldPath::parse(path)?;
        let (_, span) = self.spans.iter().find(|(p, _)| *p == path)?;
        let def = path.field.def();
        let text = match (def.value, path.item) {
            (Value::Text(get, _), None) => get(&self.incident, path.record)?,
            (Value::List(get, _), Some(item)) => get(&self.incident, path.record)?.get(item)?,
            _ => return None,
        };
        Some((span.clone(), text.as_str()))
    }
}

/// The lint's view of a file's bytes, or `None` to ask for the full parser (on the terms of
/// [`super::summary_fast::summarize`]).
pub fn lint_view(bytes: &[u8]) -> Option<LintView> {
    let mut sink = Sink::default();
    // The day only matters for the summary's overdue count, which is not used here.
    scan_texts(bytes, Date::ZERO, false, &mut sink)?;
    Some(sink.view)
}

/// A field the lint reads: its key in its table, and whether its text is linted (or only
/// read for the people in it).
struct Wanted {
    key: &'static [u8],
    field: FieldId,
    linted: bool,
}

/// Fields read for the people they name, besides the linted ones.
const PEOPLE: [FieldId; 3] = [
    FieldId::named("participants"),
    FieldId::named("facilitator"),
    FieldId::named("timeline[].actor"),
];

/// How many tables the scanner knows.
const TABLES: usize = Table::Action as usize + 1;

/// Every field the lint reads, from the field table, by the scanner's table it is in.
static WANTED: LazyLock<[Vec<Wanted>; TABLES]> = LazyLock::new(|| {
    let mut by_table: [Vec<Wanted>; TABLES] = Default::default();
    for field in FieldId::all() {
        let def = field.def();
        let linted = def.lint != Lint::No;
        if !linted && !PEOPLE.contains(&field) {
            continue;
        }
        let key = def.key();
        if let Some(table) = def.path.strip_suffix(key).and_then(table_of) {
            by_table[table as usize].push(Wanted {
                key: key.as_bytes(),
                field,
                linted,
            });
        }
    }
    by_table
});

/// The scanner's table for the start of a field's path (`timeline[].`, `technical.`).
fn table_of(prefix: &str) -> Option<Table> {
    Some(match prefix {
        "" => Table::Root,
        "stakeholders." => Table::Stakeholders,
        "monitoring." => Table::Monitoring,
        "monitoring.metrics[]." => Table::Metric,
        "technical." => Table::Technical,
        "narrative." => Table::Narrative,
        "timeline[]." => Table::Timeline,
        "factors[]." => Table::Factor,
        "actions[]." => Table::Action,
        _ => return None,
    })
}

#[derive(Default)]
struct Sink {
    view: LintView,
    /// The field the next value is for.
    current: Option<(FieldId, bool)>,
}

impl Sink {
    /// The path of the current field (in its current record) and whether it is linted.
    fn path(&self) -> Option<(FieldPath, bool)> {
        let (field, linted) = self.current?;
        let record = match field.def().record {
            Some(kind) => kind.len(&self.view.incident).checked_sub(1)?,
            None => 0,
        };
        Some((FieldPath::record(field, record), linted))
    }
}

impl Texts for &mut Sink {
    fn record(&mut self, table: Table) {
        let incident = &mut self.view.incident;
        match table {
            Table::Timeline => incident.timeline.push(Default::default()),
            Table::Factor => incident.factors.push(Default::default()),
            Table::Action => incident.actions.push(Default::default()),
            Table::Metric => incident.monitoring.metrics.push(Default::default()),
            _ => {}
        }
    }

    fn wants(&mut self, table: Table, key: &[u8]) -> bool {
        self.current = WANTED[table as usize]
            .iter()
            .find(|w| w.key == key)
            .map(|w| (w.field, w.linted));
        self.current.is_some()
    }

    fn text(&mut self, text: Cow<'_, str>, span: Range<usize>) {
        let Some((path, linted)) = self.path() else {
            return;
        };
        if let Value::Text(_, get_mut) = path.field.def().value
            && let Some(slot) = get_mut(&mut self.view.incident, path.record)
        {
            *slot = text.into_owned();
            if linted {
                self.view.spans.push((path, span));
            }
        }
    }

    fn list(&mut self, items: Vec<(Cow<'_, str>, Range<usize>)>) {
        let Some((path, linted)) = self.path() else {
            return;
        };
        if let Value::List(_, get_mut) = path.field.def().value
            && let Some(slot) = get_mut(&mut self.view.incident, path.record)
        {
            *slot = Vec::with_capacity(items.len());
            for (j, (text, span)) in items.into_iter().enumerate() {
                slot.push(text.into_owned());
                if linted {
                    self.view.spans.push((path.item(j), span));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
