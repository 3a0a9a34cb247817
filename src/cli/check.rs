//! `retro check`: files against the format and the rules between their parts.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::codec::line_column;
use crate::model::id::is_valid_id;
use crate::model::{Choice, FormatError, Incident};

use super::Context;
use super::files::{IncidentFile, bad_name_error, incident_files, located, read_file};

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro check
  retro check 2026-03-12-checkout-api-errors-after-config-push
  retro check incidents/*.toml
  retro check --ready 2026-03-12-checkout-api-errors-after-config-push

Prints file:line:column: message for each problem: a file that does not parse (bad TOML, an
unknown key, a wrong value), an id that differs from the file name, a milestone marked twice,
a timeline out of order, two factors or actions with one id, an action linked to a factor that
does not exist, a value typed that could not be stored (kept under `unparsed`). Exit status: 0 when all is well, 1 when there is a problem.

With --ready, prints each incident's readiness checklist instead: all seven sections complete,
all five key moments, every factor that made things worse addressed by an action (or a reason
for none), no lint findings, and a customer message for SEV1 and SEV2. Exit status 1 when any
incident is not ready (or cannot be read).";

/// Options of `retro check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Incidents (ids, starts of ids, or title words) or file paths; every incident of the
    /// folder when none is given.
    #[arg(value_name = "ID|FILE")]
    pub targets: Vec<String>,
    /// Report whether each incident is ready to publish (the checklist) instead.
    #[arg(long)]
    pub ready: bool,
}

pub(crate) fn run(args: &CheckArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if args.targets.is_empty() {
        files = incident_files(ctx.store.dir())?;
    }
    for target in &args.targets {
        // An incident of the folder (id, its start, or title words), or a file anywhere.
        let path = match super::files::resolve_target(target, ctx) {
            Ok(path) => path,
            Err(why) => {
                problems.push(why);
                continue;
            }
        };
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        files.push(IncidentFile {
            name,
            path,
            metadata: None,
        });
    }
    if args.ready {
        return super::ready::run(&files, problems, &ctx.config.config);
    }
    for file in &files {
        for error in check_file(file) {
            problems.push(located(&file.path, &error));
        }
    }
    let mut out = std::io::stdout().lock();
    for p in &problems {
        writeln!(out, "{}", crate::sanitize::for_terminal(p))?;
    }
    for file in &files {
        if let Some(warning) = readable_by_others(&file.path) {
            eprintln!("{warning}");
        }
    }
    if problems.is_empty() {
        eprintln!(
            "{} file{} checked, no problems",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} problem{} in {} file{} checked",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}

/// Every problem of one file, in file order where it can be placed.
fn check_file(file: &IncidentFile) -> Vec<FormatError> {
    let loaded = match read_file(file) {
        Ok(loaded) => loaded,
        Err(error) if error.message == bad_name_error().message => {
            // Still check the contents of a misnamed file.
            let mut errors = vec![error];
            match crate::storage::read_incident(&file.path) {
                Ok(loaded) => errors.extend(rules(&loaded.incident, &text_of(&file.path))),
                Err(crate::storage::StoreError::Format { error, .. }) => errors.push(error),
                Err(other) => errors.push(unplaced(other.to_string())),
            }
            return errors;
        }
        Err(error) => return vec![error],
    };
    let text = text_of(&file.path);
    let mut errors = Vec::new();
    if is_valid_id(&file.name) && loaded.incident.id != file.name {
        let (line, column) = key_in(&text, None, "id").unwrap_or((0, 0));
        errors.push(FormatError {
            line,
            column,
            message: format!(
                "`id` is \"{}\" but the file is named {}.toml",
                loaded.incident.id, file.name
            ),
        });
    }
    errors.extend(rules(&loaded.incident, &text));
    errors.sort_by_key(|e| (e.line, e.column));
    errors
}

fn text_of(path: &Path) -> String {
    crate::storage::read_regular(path)
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default()
}

/// A warning for an incident file that other users may read (as a git clone leaves it,
/// 0644), saying how to make it private; incidents can be sensitive. Not a problem for the
/// exit status.
fn readable_by_others(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o044 != 0).then(|| {
        format!(
            "warning: {}: readable by other users (mode {mode:o}); `chmod 600` it (or \
             `chmod go-rwx` the folder) to keep it private",
            crate::sanitize::for_terminal(&path.display().to_string())
        )
    })
}

fn unplaced(message: String) -> FormatError {
    FormatError {
        line: 0,
        column: 0,
        message,
    }
}

/// The rules that hold between parts of a parsed incident.
fn rules(incident: &Incident, text: &str) -> Vec<FormatError> {
    let mut errors = Vec::new();
    let at = |array: &str, index: usize, key: &str, message: String| {
        let (line, column) = key_in(text, Some((array, index)), key)
            .or_else(|| item_header(text, array, index))
            .unwrap_or((0, 0));
        FormatError {
            line,
            column,
            message,
        }
    };

    let mut seen_milestones = HashSet::new();
    let mut previous = None;
    let mut timed_ended = false;
    for (i, entry) in incident.timeline.iter().enumerate() {
        if let Some(m) = entry.milestone
            && !seen_milestones.insert(m)
        {
            errors.push(at(
                "timeline",
                i,
                "milestone",
                format!(
                    "milestone `{}` is already marked on an earlier timeline entry (one entry per milestone)",
                    m.as_str()
                ),
            ));
        }
        match entry.at {
            Some(t) => {
                if timed_ended {
                    errors.push(at(
                        "timeline",
                        i,
                        "at",
                        "timeline is not sorted: this entry has a time but an earlier one has none"
                            .into(),
                    ));
                } else if previous.is_some_and(|p| t < p) {
                    errors.push(at(
                        "timeline",
                        i,
                        "at",
                        format!("timeline is not sorted: {t} is earlier than the entry before it"),
                    ));
                }
                previous = Some(t);
            }
            None => timed_ended = true,
        }
    }

    let mut factor_ids = HashSet::new();
    for (i, f) in incident.factors.iter().enumerate() {
        if !f.id.is_empty() && !factor_ids.insert(f.id.as_str()) {
            errors.push(at(
                "factors",
                i,
                "id",
                format!("factor id `{}` is used twice", f.id),
            ));
        }
    }
    let mut action_ids = HashSet::new();
    for (i, a) in incident.actions.iter().enumerate() {
        if !a.id.is_empty() && !action_ids.insert(a.id.as_str()) {
            errors.push(at(
                "actions",
                i,
                "id",
                format!("action id `{}` is used twice", a.id),
            ));
        }
        for linked in &a.factors {
            if !factor_ids.contains(linked.as_str()) {
                errors.push(at(
                    "actions",
                    i,
                    "factors",
                    format!(
                        "action {} addresses factor `{linked}`, which does not exist",
                        if a.id.is_empty() { "without id" } else { &a.id }
                    ),
                ));
            }
        }
    }
    for (path, typed) in crate::model::path::unparsed_values(incident) {
        let message = format!(
            "{path}: `{typed}` was typed but could not be stored; fix it in retro or in the file"
        );
        let def = path.field.def();
        let located = match def.record {
            Some(kind) => {
                let list = kind.path();
                at(list, path.record, "unparsed", message)
            }
            None => {
                let (line, column) = key_in(text, None, "unparsed").unwrap_or((0, 0));
                FormatError {
                    line,
                    column,
                    message,
                }
            }
        };
        errors.push(located);
    }
    errors
}

/// The name in a table header line such as `[[timeline]]  # comment`, and whether it is an
/// array item.
fn header(line: &str) -> Option<(&str, bool)> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("[[") {
        let end = rest.find("]]")?;
        return Some((rest[..end].trim(), true));
    }
    let rest = t.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((rest[..end].trim(), false))
}

/// Line and column of the `index`-th `[[array]]` header.
fn item_header(text: &str, array: &str, index: usize) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut n = 0;
    for line in text.split_inclusive('\n') {
        if header(line) == Some((array, true)) {
            if n == index {
                let indent = line.len() - line.trim_start().len();
                return Some(line_column(text, offset + indent));
            }
            n += 1;
        }
        offset += line.len();
    }
    None
}

/// Line and column of `key = …` in the top level (`item` none) or in the `index`-th item of
/// an array of tables. A best effort for files in the usual layout: `None` when not found.
fn key_in(text: &str, item: Option<(&str, usize)>, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut inside = item.is_none();
    let mut n = 0;
    for line in text.split_inclusive('\n') {
        if let Some((name, is_array)) = header(line) {
            inside = match item {
                None => false,
                Some((array, index)) if is_array && name == array => {
                    let here = n == index;
                    n += 1;
                    here
                }
                Some(_) => false,
            };
            if !inside && item.is_some_and(|(_, index)| n > index) {
                return None;
            }
        } else if inside {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                let indent = line.len() - trimmed.len();
                return Some(line_column(text, offset + indent));
            }
        }
        offset += line.len();
    }
    None
}
