//! Recovery copies: the in-memory incident written beside the incident after a crash.
//!
//! A recovery copy is `<id>.recovery.toml` in the incidents folder, written atomically and
//! user-only (0600), and never over `<id>.toml`. On the next open, a copy newer than the
//! incident is offered for restore with [`differences`] shown; it is removed with
//! [`Store::discard_recovery`] only once the user has decided. Listing ignores these files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{Store, StoreError, read_incident, write};
use crate::model::codec;
use crate::model::fields::Value;
use crate::model::id::is_valid_id;
use crate::model::{FieldId, Incident, Kind, TimelineEntry};

/// The file-name ending of recovery copies.
pub const RECOVERY_SUFFIX: &str = ".recovery.toml";

/// A recovery copy found on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The incident as it was in memory when the copy was written.
    pub incident: Incident,
    /// The file, `<id>.recovery.toml`.
    pub path: PathBuf,
    /// When the copy was written (its modification time), if the system tells.
    pub modified: Option<SystemTime>,
}

impl Store {
    /// The recovery file for an id: `<id>.recovery.toml` in the folder.
    ///
    /// # Errors
    /// [`StoreError::BadId`] unless the id is valid.
    pub fn recovery_path(&self, id: &str) -> Result<PathBuf, StoreError> {
        if is_valid_id(id) {
            Ok(self.dir().join(format!("{id}{RECOVERY_SUFFIX}")))
        } else {
            Err(StoreError::BadId(id.to_string()))
        }
    }

    /// Writes `incident` to its recovery file `<id>.recovery.toml`, atomically and user-only
    /// (0600), replacing an older recovery copy. `<id>.toml` is never touched: a symbolic
    /// link in place of the recovery file is replaced, not followed.
    ///
    /// Returns the recovery file's path, for the message that says where it is.
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::Serialize`] (e.g. a NaN metric), [`StoreError::Io`].
    pub fn write_recovery(&self, incident: &Incident) -> Result<PathBuf, StoreError> {
        let path = self.recovery_path(&incident.id)?;
        let text = codec::to_toml_string(incident)?;
        write::write_atomic_private(&path, text.as_bytes())
            .map_err(|e| StoreError::io(&path, e))?;
        Ok(path)
    }

    /// Writes `incident` as a recovery copy into `folder` (outside the incidents folder,
    /// for when that cannot be written): `<folder>/<id>.<UTC time>.recovery.toml`, atomically
    /// and user-only, in a folder made user-only if missing and refused if it is a symbolic
    /// link or another user's (see [`write::ensure_own_dir`]). Never replaces an older copy.
    ///
    /// # Errors
    /// [`StoreError::BadId`], [`StoreError::Serialize`], [`StoreError::Io`].
    pub fn write_recovery_in(
        &self,
        folder: &Path,
        incident: &Incident,
    ) -> Result<PathBuf, StoreError> {
        if !is_valid_id(&incident.id) {
            return Err(StoreError::BadId(incident.id.clone()));
        }
        write::ensure_own_dir(folder).map_err(|e| StoreError::io(folder, e))?;
        let text = codec::to_toml_string(incident)?;
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%S%.fZ")
            .to_string();
        let path = folder.join(format!("{}.{stamp}{RECOVERY_SUFFIX}", incident.id));
        write::create_atomic(&path, text.as_bytes()).map_err(|e| StoreError::io(&path, e))?;
        Ok(path)
    }

    /// The recovery copy for `id`, if one should be offered: it exists, parses as an
    /// incident with this id, and is newer than `<id>.toml` (by modification time), or
    /// `<id>.toml` is missing. With equal times it is offered only if it differs from the
    /// incident on disk.
    ///
    /// A copy that does not parse is not offered, and left on disk untouched.
    pub fn recovery_for(&self, id: &str) -> Option<Recovery> {
        let path = self.recovery_path(id).ok()?;
        if !path.is_file() {
            return None;
        }
        let incident = read_incident(&path).ok()?.incident;
        if incident.id != id {
            return None;
        }
        let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
        let offer = match (modified, self.modified(id)) {
            (_, None) => true,
            (Some(copy), Some(original)) if copy > original => true,
            (Some(copy), Some(original)) if copy == original => {
                self.load(id).map_or(true, |l| l.incident != incident)
            }
            (None, Some(_)) => self.load(id).map_or(true, |l| l.incident != incident),
            _ => false,
        };
        offer.then_some(Recovery {
            incident,
            path,
            modified,
        })
    }

    /// Removes the recovery copy for `id`; nothing to remove is fine.
    ///
    /// # Errors
    /// [`StoreError::BadId`], or [`StoreError::Io`] when it exists but cannot be removed.
    pub fn discard_recovery(&self, id: &str) -> Result<(), StoreError> {
        let path = self.recovery_path(id)?;
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    /// The modification time of `<id>.toml` (of its target, for a symbolic link), to notice
    /// changes made outside the program; `None` for a bad id, a missing file, or a system
    /// without modification times.
    pub fn modified(&self, id: &str) -> Option<SystemTime> {
        let path = self.path_of(id).ok()?;
        fs::metadata(path).and_then(|m| m.modified()).ok()
    }
}

/// What changed from `a` to `b`, field by field, in words for a restore prompt: e.g.
/// `"title changed"`, `"narrative.text changed (120 → 348 characters)"`, `"timeline: 2
/// entries added"`, `"actions: A3 removed"`. Empty when the two are the same; `updated_at`
/// alone is not counted as a difference.
pub fn differences(a: &Incident, b: &Incident) -> Vec<String> {
    let mut out = Vec::new();
    let scalar = |out: &mut Vec<String>, name: &str, same: bool| {
        if !same {
            out.push(format!("{name} changed"));
        }
    };
    scalar(
        &mut out,
        "schema_version",
        a.schema_version == b.schema_version,
    );
    scalar(&mut out, "id", a.id == b.id);
    // Every field of the incident itself, from the table.
    for field in FieldId::all().filter(|f| f.def().record.is_none()) {
        let def = field.def();
        match def.value {
            Value::Derived => {}
            _ if def.value.same(a, b, 0) => {}
            Value::List(get, _) => {
                let none = Vec::new();
                let x = get(a, 0).unwrap_or(&none);
                let y = get(b, 0).unwrap_or(&none);
                list(&mut out, def.path, x, y, "item");
            }
            Value::Text(get, _) if def.kind == Kind::Multi => {
                let count = |i| get(i, 0).map_or(0, |s: &String| s.chars().count());
                out.push(format!(
                    "{} changed ({} → {} characters)",
                    def.path,
                    count(a),
                    count(b)
                ));
            }
            _ => out.push(format!("{} changed", def.path)),
        }
    }
    scalar(&mut out, "created_at", a.created_at == b.created_at);
    list(
        &mut out,
        "monitoring.metrics",
        &a.monitoring.metrics,
        &b.monitoring.metrics,
        "metric",
    );
    if a.unparsed != b.unparsed {
        out.push("text kept as typed changed".to_string());
    }
    if a.meeting != b.meeting {
        out.push("meeting changed".to_string());
    }
    if a.lint != b.lint {
        out.push("lint settings changed".to_string());
    }
    if a.extensions != b.extensions {
        out.push("extensions changed".to_string());
    }
    list::<TimelineEntry>(&mut out, "timeline", &a.timeline, &b.timeline, "entry");
    records(
        &mut out,
        "factors",
        &a.factors,
        &b.factors,
        |f| f.id.as_str(),
        "factor",
    );
    records(
        &mut out,
        "actions",
        &a.actions,
        &b.actions,
        |x| x.id.as_str(),
        "action",
    );
    out
}

fn plural(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {noun}s"),
    }
}

/// Counts items added, removed and changed from `a` to `b`, ignoring order-only moves: an
/// item of `b` equal to a not yet matched item of `a` is unchanged; the unmatched rest pair
/// up as changed, and the surplus is added or removed. Order-only changes are "reordered".
fn list<T: PartialEq>(out: &mut Vec<String>, name: &str, a: &[T], b: &[T], noun: &str) {
    if a == b {
        return;
    }
    let mut used = vec![false; a.len()];
    let mut matched = 0;
    for y in b {
        if let Some(i) = (0..a.len()).find(|&i| !used[i] && a[i] == *y) {
            used[i] = true;
            matched += 1;
        }
    }
    let (removed, added) = (a.len() - matched, b.len() - matched);
    let changed = removed.min(added);
    let mut parts = Vec::new();
    if added > changed {
        parts.push(format!("{} added", plural(added - changed, noun)));
    }
    if removed > changed {
        parts.push(format!("{} removed", plural(removed - changed, noun)));
    }
    if changed > 0 {
        parts.push(format!("{} changed", plural(changed, noun)));
    }
    if parts.is_empty() {
        parts.push("reordered".to_string());
    }
    out.push(format!("{name}: {}", parts.join(", ")));
}

/// Like [`list`] for records with ids (`F1`, `A2`): names which were added, removed or
/// changed. Falls back to counting when ids are missing or repeated.
fn records<T: PartialEq>(
    out: &mut Vec<String>,
    name: &str,
    a: &[T],
    b: &[T],
    id: impl Fn(&T) -> &str,
    noun: &str,
) {
    if a == b {
        return;
    }
    let unique = |xs: &[T]| {
        let mut ids: Vec<&str> = xs.iter().map(&id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        ids.len() == n && ids.iter().all(|s| !s.is_empty())
    };
    if !unique(a) || !unique(b) {
        list(out, name, a, b, noun);
        return;
    }
    let find = |xs: &'_ [T], key: &str| xs.iter().position(|x| id(x) == key);
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut changed = Vec::new();
    for y in b {
        match find(a, id(y)) {
            None => added.push(id(y)),
            Some(i) if a[i] != *y => changed.push(id(y)),
            Some(_) => {}
        }
    }
    for x in a {
        if find(b, id(x)).is_none() {
            removed.push(id(x));
        }
    }
    let mut parts = Vec::new();
    for (ids, what) in [(added, "added"), (removed, "removed"), (changed, "changed")] {
        if !ids.is_empty() {
            parts.push(format!("{} {what}", ids.join(", ")));
        }
    }
    if parts.is_empty() {
        parts.push("reordered".to_string());
    }
    out.push(format!("{name}: {}", parts.join("; ")));
}
