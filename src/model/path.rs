//! A path to one value of an incident, `actions[2].title` ⇄ ([`FieldId`], record, item).
//!
//! Paths use FORMAT.md's key names with 0-based indices: `title`, `technical.future_risks`,
//! `timeline[3].text`, `stakeholders.reassurances[1]` (one item of a list of sentences),
//! `factors[0].whys[2]` (one answer of a factor's chain).

use std::fmt;

use super::fields::{FieldId, Kind, unparsed};
use super::incident::Incident;

/// One value of an incident: a field of the table, the record it is in (for a record's
/// field) and the item of a list it points at, if it points at one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FieldPath {
    /// The field.
    pub field: FieldId,
    /// The record's index in its list (0 for a field of the incident itself).
    pub record: usize,
    /// One item of a list field (a reassurance, a why), if the path names one.
    pub item: Option<usize>,
}

impl FieldPath {
    /// A field of the incident itself.
    pub fn top(field: FieldId) -> FieldPath {
        FieldPath {
            field,
            record: 0,
            item: None,
        }
    }

    /// Field `field` of record `record` of its list.
    pub fn record(field: FieldId, record: usize) -> FieldPath {
        FieldPath {
            field,
            record,
            item: None,
        }
    }

    /// The same field, at one item of its list.
    pub fn item(self, item: usize) -> FieldPath {
        FieldPath {
            item: Some(item),
            ..self
        }
    }

    /// The same field without an item.
    pub fn whole(self) -> FieldPath {
        FieldPath { item: None, ..self }
    }

    /// Label and hint shown with the value: one answer of a whys chain is a "Why?".
    pub fn label(self) -> (&'static str, &'static str) {
        let def = self.field.def();
        match (def.kind, self.item) {
            (Kind::Chain, Some(_)) => ("Why?", "and why was that so? one answer"),
            _ => (def.label, def.hint),
        }
    }

    /// How the value is edited: one answer of a chain is one line.
    pub fn kind(self) -> Kind {
        match (self.field.def().kind, self.item) {
            (Kind::Chain, Some(_)) => Kind::Line,
            (kind, _) => kind,
        }
    }

    /// Reads a path such as `factors[2].whys[0]`; `None` when no field of the table has it.
    pub fn parse(text: &str) -> Option<FieldPath> {
        let mut template = String::with_capacity(text.len());
        let mut numbers = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            let close = open + rest[open..].find(']')?;
            template.push_str(&rest[..open]);
            template.push_str("[]");
            numbers.push(rest[open + 1..close].parse::<usize>().ok()?);
            rest = &rest[close + 1..];
        }
        template.push_str(rest);
        // A trailing `[]` names an item of a list field.
        let (template, item) = match template.strip_suffix("[]") {
            Some(base)
                if FieldId::find(base)
                    .is_some_and(|f| matches!(f.def().kind, Kind::LineList | Kind::Chain)) =>
            {
                (base.to_string(), numbers.pop())
            }
            _ => (template, None),
        };
        let field = FieldId::find(&template)?;
        let record = match field.def().record {
            Some(_) => numbers.pop()?,
            None => 0,
        };
        if !numbers.is_empty() {
            return None;
        }
        Some(FieldPath {
            field,
            record,
            item,
        })
    }
}

/// Every value holding text that was typed but could not be stored, with that text, in
/// table order (the incident's own fields, then record by record).
pub fn unparsed_values(incident: &Incident) -> Vec<(FieldPath, &str)> {
    let mut out = Vec::new();
    for field in FieldId::all() {
        let def = field.def();
        if !def.kind.is_parsed() {
            continue;
        }
        let count = def.record.map_or(1, |kind| kind.len(incident));
        for n in 0..count {
            if let Some(text) = unparsed(incident, def.record, n).and_then(|m| m.get(def.key())) {
                out.push((FieldPath::record(field, n), text.as_str()));
            }
        }
    }
    out
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let def = self.field.def();
        match def.path.split_once("[]") {
            Some((list, rest)) if def.record.is_some() => {
                write!(f, "{list}[{}]{rest}", self.record)?
            }
            _ => f.write_str(def.path)?,
        }
        if let Some(item) = self.item {
            write!(f, "[{item}]")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_and_write_back() {
        for text in [
            "title",
            "technical.future_risks",
            "timeline[3].text",
            "stakeholders.reassurances[1]",
            "factors[0].whys[2]",
            "factors[4].whys",
            "monitoring.metrics[7].note",
            "actions[12].due",
        ] {
            let path = FieldPath::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(path.to_string(), text);
        }
        let p = FieldPath::parse("factors[0].whys[2]").unwrap();
        assert_eq!((p.record, p.item), (0, Some(2)));
        assert_eq!(p.kind(), Kind::Line);
        for bad in [
            "",
            "titel",
            "timeline.text",
            "timeline[x].text",
            "title[0]",
            "timeline[1",
            "narrative[0].text",
        ] {
            assert_eq!(FieldPath::parse(bad), None, "{bad}");
        }
    }
}
