//! Adding a record and dropping one left blank: shared by the section keys
//! ([`super::edit`]) and the entry of records one after another ([`super::entry`]).

use super::focus::{focused_target, start_editor};
use super::state::{IncidentView, RecordForm};
use crate::model::RecordKind;

/// Adds a record to list `kind` and opens it, editing its first field (Enter then goes on
/// through its entry fields, see [`super::entry`]).
pub fn add_record(view: &mut IncidentView, kind: RecordKind) {
    let index = super::records::add(&mut view.incident, kind);
    view.save.revision += 1;
    view.select(kind, index);
    view.cursor.record = Some(RecordForm {
        kind,
        index,
        focus: 0,
        adding: true,
    });
    if let Some(target) = focused_target(view)
        && target.kind().is_text()
    {
        start_editor(view, target);
    }
}

/// Removes record `index` when it holds nothing typed (see [`RecordKind::is_blank`]): a
/// record opened by `a` and left empty is not kept.
pub fn drop_if_blank(view: &mut IncidentView, kind: RecordKind, index: usize) {
    if view.disk.read_only.is_none()
        && kind.is_blank(&view.incident, index)
        && super::records::remove(&mut view.incident, kind, index).is_some()
    {
        view.save.revision += 1;
        view.select(kind, index.saturating_sub(1));
    }
}
