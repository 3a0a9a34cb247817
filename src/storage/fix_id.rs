//! Giving a copied file its own id: `cp a.toml b.toml` leaves `b.toml` with `id = "a"`,
//! which the list shows as a problem (the file name is the identity). [`Store::fix_inner_id`]
//! writes the file name into the `id` line and changes nothing else in the file.

use std::path::Path;

use super::identity::read_regular;
use super::{Store, StoreError, write};
use crate::model::codec::{Parsed, parse};

impl Store {
    /// Sets the top-level `id` of the file `<id>.toml` at `path` to `id` (its file name),
    /// holding the incident's lock, and keeps every other byte of the file. Returns the id.
    ///
    /// # Errors
    /// As a one-line message: `path` is not `<id>.toml` of this folder, another retro edits
    /// it, the file cannot be read or written (read-only, a link outside the folder), it does
    /// not parse, its id is already `id`, or it has no `id = …` line before its first table.
    /// The file is then unchanged.
    pub fn fix_inner_id(&self, path: &Path, id: &str) -> Result<String, String> {
        let own = self.path_of(id).map_err(|e| e.to_string())?;
        if own != path {
            return Err(format!(
                "{} is not {id}.toml of this folder",
                path.display()
            ));
        }
        let _lock = self.lock(id).map_err(|e| e.to_string())?;
        if let Some(why) = self.why_not_writable(path) {
            return Err(why);
        }
        let file = read_regular(path).map_err(|e| StoreError::io(path, e).to_string())?;
        let text =
            String::from_utf8(file.bytes).map_err(|_| "the file is not UTF-8".to_string())?;
        let before = current(&text)?;
        if before.id == id {
            return Err(format!("its id is already {id}"));
        }
        let fixed = with_id(&text, id).ok_or("it has no `id = …` line before its first table")?;
        let mut after = current(&fixed)?;
        after.id.clone_from(&before.id);
        if after != before {
            return Err("setting the id would change more than the id".into());
        }
        write::write_atomic_in(self.dir(), path, fixed.as_bytes())
            .map_err(|e| StoreError::io(path, e).to_string())?;
        Ok(id.to_string())
    }
}

fn current(text: &str) -> Result<crate::model::Incident, String> {
    match parse(text).map_err(|e| e.to_string())? {
        Parsed::Current(incident) => Ok(*incident),
        Parsed::Newer { version, .. } => Err(format!(
            "written by a newer retro (schema {version}): not changed"
        )),
    }
}

/// `text` with its top-level `id = …` line (before the first `[table]`) replaced by
/// `id = "<id>"`, line ending kept; `None` when there is no such line.
fn with_id(text: &str, id: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + id.len());
    let mut done = false;
    let mut in_tables = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        in_tables |= trimmed.starts_with('[');
        let is_id = !done
            && !in_tables
            && trimmed
                .strip_prefix("id")
                .is_some_and(|rest| rest.trim_start().starts_with('='));
        if is_id {
            let ending = if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            out.push_str(&format!("id = \"{id}\"{ending}"));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    done.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::with_id;

    #[test]
    fn only_the_top_level_id_line_changes() {
        let text = "schema_version = 1\nid = \"a\" # old\ntitle = \"T\"\n[[actions]]\nid = \"x\"\n";
        assert_eq!(
            with_id(text, "b").as_deref(),
            Some("schema_version = 1\nid = \"b\"\ntitle = \"T\"\n[[actions]]\nid = \"x\"\n")
        );
        assert_eq!(with_id("[overview]\nid = \"a\"\n", "b"), None);
        assert_eq!(
            with_id("identity = 1\nid=\"a\"\r\n", "b").as_deref(),
            Some("identity = 1\nid = \"b\"\r\n")
        );
    }
}
