//! Naming an incident on the command line without typing its whole id: the id itself, any
//! prefix of it that only one incident has (`2026-03-12-chec`), or words of the title that
//! only one incident's title has (`checkout`, `config push`). More than one match is an
//! error that lists them, id and title, so the user can pick.

use std::fmt;

use super::{Entry, Store, StoreError};
use crate::model::id::is_valid_id;

/// An incident a [`Store::resolve`] query could mean: its id and its title (empty for a file
/// that does not parse).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The id (the file name without `.toml`).
    pub id: String,
    /// The title, or empty when the file does not parse.
    pub title: String,
}

/// Why a query names no single incident.
#[derive(Debug)]
pub enum ResolveError {
    /// No id starts with it and no title has its words.
    NoMatch(String),
    /// Several incidents match; every one of them, by id.
    Ambiguous {
        /// What was typed.
        query: String,
        /// How it matched: `"id prefix"` or `"title word"`.
        by: &'static str,
        /// The matching incidents, sorted by id.
        candidates: Vec<Candidate>,
    },
    /// The folder could not be read.
    Store(StoreError),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = |s: &str| crate::sanitize::for_terminal(s).into_owned();
        match self {
            ResolveError::NoMatch(query) => write!(
                f,
                "no incident matches `{}` (as its id, the start of its id, or words of its \
                 title); `retro list` shows them",
                clean(query)
            ),
            ResolveError::Ambiguous {
                query,
                by,
                candidates,
            } => {
                write!(
                    f,
                    "`{}` could be any of {} incidents (by {by}); give more of the id:",
                    clean(query),
                    candidates.len()
                )?;
                let width = candidates.iter().map(|c| c.id.len()).max().unwrap_or(0);
                for c in candidates {
                    let title = if c.title.is_empty() {
                        "(does not parse)".to_string()
                    } else {
                        clean(&c.title)
                    };
                    write!(f, "\n  {:width$}  {title}", clean(&c.id))?;
                }
                Ok(())
            }
            ResolveError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ResolveError {}

/// The lower-case words (letters and digits) of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Store {
    /// The id of the one incident `query` names: an id of the folder as it is; else the one
    /// id that starts with `query`; else the one incident whose title holds every word of
    /// `query` as a whole word (any case). Tried in that order: a prefix that several ids
    /// share is ambiguous even when a title would match.
    ///
    /// # Errors
    /// [`ResolveError::NoMatch`], [`ResolveError::Ambiguous`] (with every candidate's id and
    /// title), or [`ResolveError::Store`] when the folder cannot be read. `today` is the
    /// caller's date (the folder's listing needs one).
    pub fn resolve(&self, query: &str, today: jiff::civil::Date) -> Result<String, ResolveError> {
        let query = query.trim();
        if self.exists(query) {
            return Ok(query.to_string());
        }
        if query.is_empty() {
            return Err(ResolveError::NoMatch(query.to_string()));
        }
        let names = self.names().map_err(ResolveError::Store)?;
        let prefixed: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with(query) && is_valid_id(n))
            .collect();
        if let [one] = prefixed.as_slice() {
            return Ok((*one).clone());
        }
        // Titles are needed from here on (to match, or to list the candidates).
        let entries = self.list(today).map_err(ResolveError::Store)?;
        let candidate = |e: &Entry| Candidate {
            id: e.name().to_string(),
            title: match e {
                Entry::Incident { summary, .. } => summary.title.clone(),
                Entry::Broken { .. } => String::new(),
            },
        };
        let sorted = |mut c: Vec<Candidate>| {
            c.sort_by(|a, b| a.id.cmp(&b.id));
            c
        };
        if !prefixed.is_empty() {
            let candidates = entries
                .iter()
                .filter(|e| e.name().starts_with(query) && is_valid_id(e.name()))
                .map(candidate)
                .collect();
            return Err(ResolveError::Ambiguous {
                query: query.to_string(),
                by: "id prefix",
                candidates: sorted(candidates),
            });
        }
        let wanted = words(query);
        if wanted.is_empty() {
            return Err(ResolveError::NoMatch(query.to_string()));
        }
        let matching: Vec<Candidate> = entries
            .iter()
            .filter(|e| match e {
                Entry::Incident { summary, .. } => {
                    let have = words(&summary.title);
                    wanted.iter().all(|w| have.contains(w))
                }
                Entry::Broken { .. } => false,
            })
            .map(candidate)
            .collect();
        match matching.len() {
            0 => Err(ResolveError::NoMatch(query.to_string())),
            1 => Ok(matching[0].id.clone()),
            _ => Err(ResolveError::Ambiguous {
                query: query.to_string(),
                by: "title word",
                candidates: sorted(matching),
            }),
        }
    }
}
