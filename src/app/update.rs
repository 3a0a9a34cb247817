//! `update(state, msg) -> jobs`: every change to the state happens here, with no terminal
//! and no file I/O. A key over an overlay goes to that layer's own handler
//! ([`super::layer`]).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keymap::{Command, Context, lookup};
use super::messages::{Job, Msg};
use super::state::{AppState, Confirmed, IncidentView, Message, Overlay, Screen, Viewer};
use super::{agenda, edit, save};
use crate::model::summary::Entry;

/// Applies one message to the state and returns the I/O the runtime must do.
pub fn update(state: &mut AppState, action: Msg) -> Vec<Job> {
    // Changes come with a new revision, except a reload from disk (an outside change, or a
    // dialog's answer to one): then the lint looks again regardless.
    let routine = match &action {
        Msg::Key(_) => state.overlay.is_none(),
        Msg::ChangedOnDisk(_) => false,
        _ => true,
    };
    let mut effects = apply(state, action);
    effects.extend(super::folder::catch_up(state));
    agenda::remember(state);
    if let Screen::Incident(view) = &mut state.screen {
        (view.lint).refresh_with(
            &view.incident,
            view.save.revision,
            !routine,
            &state.config.lint,
            state.lint_elsewhere,
        );
    }
    effects
}

fn apply(state: &mut AppState, action: Msg) -> Vec<Job> {
    match action {
        Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Msg::Key(key) => {
            let before = state.incident().map(|v| v.save.revision);
            let effects = on_key(state, key);
            mark_changes(state, before);
            effects
        }
        Msg::Paste(text) => {
            let before = state.incident().map(|v| v.save.revision);
            if !super::import_preview::offer_paste(state, &text) {
                edit::paste(state, &text);
            }
            mark_changes(state, before);
            Vec::new()
        }
        Msg::Import(reply) => super::import_preview::on_reply(state, reply),
        Msg::Exported(reply) => super::export::on_reply(state, reply),
        Msg::EditedExternally { target, result } => {
            let before = state.incident().map(|v| v.save.revision);
            super::external_edit::on_reply(state, target, result);
            mark_changes(state, before);
            Vec::new()
        }
        Msg::Tick => {
            agenda::on_tick(state);
            save::autosave(state)
        }
        Msg::Recovered {
            incident,
            differences,
        } => {
            if let Screen::Incident(view) = &mut state.screen
                && view.incident.id == incident.id
            {
                let listed: Vec<String> = differences.iter().take(4).cloned().collect();
                let more = differences.len().saturating_sub(4);
                let mut question = format!(
                    "A recovery copy of this incident holds changes that were never saved ({}{}). Restore it? (n removes the copy)",
                    listed.join("; "),
                    if more > 0 {
                        format!("; {more} more")
                    } else {
                        String::new()
                    }
                );
                if differences.is_empty() {
                    question = "A recovery copy of this incident was found. Restore it? (n removes the copy)".into();
                }
                view.disk.recovery = Some(incident);
                state.ask(
                    question,
                    Confirmed::RestoreRecovery,
                    Some(Confirmed::DiscardRecovery),
                );
            }
            Vec::new()
        }
        Msg::ChangedOnDisk(theirs) => save::changed_on_disk(state, theirs),
        Msg::DeletedOnDisk => save::deleted_on_disk(state),
        Msg::CopySaved(Ok(id)) => {
            state.info(format!(
                "your version was saved as {id}.toml; this is the file's new version"
            ));
            vec![Job::List]
        }
        Msg::CopySaved(Err(e)) => {
            state.error(format!("could not save your copy: {e}"));
            Vec::new()
        }
        Msg::RecoveryDiscarded(Ok(())) => Vec::new(),
        Msg::RecoveryDiscarded(Err(e)) => {
            state.error(format!("could not remove the recovery copy: {e}"));
            Vec::new()
        }
        Msg::Folder(news) => super::folder::on_news(state, news),
        Msg::Listed(Ok(entries)) => {
            state.home.stale = false;
            let keep = state.home.selected_entry().map(|e| e.name().to_string());
            state.home.entries = entries;
            state.home.refilter();
            if let Some(name) = keep {
                select_home_entry(state, &name);
            }
            Vec::new()
        }
        Msg::Listed(Err(e)) => {
            state.error(format!("cannot list the incidents folder: {e}"));
            Vec::new()
        }
        Msg::Opened(Ok(loaded)) => {
            let id = loaded.incident.id.clone();
            let read_only = loaded.read_only.clone();
            state.screen = Screen::Incident(Box::new(IncidentView::new(
                loaded.incident,
                loaded.read_only,
            )));
            state.message = Some(Message {
                text: match read_only {
                    Some(reason) => format!("read-only: {reason}"),
                    None => format!("opened {id}"),
                },
                error: false,
            });
            agenda::on_opened(state)
        }
        Msg::Opened(Err(e)) => {
            state.error(e);
            Vec::new()
        }
        Msg::Viewed { path, text, error } => {
            match text {
                Ok(text) => {
                    let fixable_id = super::home_files::fixable_id(&path, &text);
                    state.screen = Screen::Viewer(Viewer {
                        path,
                        text,
                        error,
                        scroll: 0,
                        fixable_id,
                    });
                }
                Err(e) => state.error(e),
            }
            Vec::new()
        }
        Msg::Created(Ok(incident)) => {
            let mut view = IncidentView::new(incident, None);
            view.save.saved_at = Some(state.now);
            // The title is typed: the severity is next.
            view.cursor.focus =
                crate::model::fields::section_fields(crate::model::Section::Overview)
                    .position(|f| f == crate::model::FieldId::named("severity"))
                    .unwrap_or(0);
            state.message = Some(Message {
                text: format!("created {}.toml", view.incident.id),
                error: false,
            });
            state.screen = Screen::Incident(Box::new(view));
            vec![Job::List]
        }
        Msg::Created(Err(e)) => {
            state.error(format!("could not create the incident: {e}"));
            Vec::new()
        }
        Msg::Saved {
            revision,
            announce,
            result,
        } => save::saved(state, revision, announce, result),
        Msg::Trashed(Ok(path)) => {
            state.message = Some(Message {
                text: format!("moved to {}", path.display()),
                error: false,
            });
            vec![Job::List]
        }
        Msg::Trashed(Err(e)) => {
            state.error(format!("could not delete: {e}"));
            Vec::new()
        }
        Msg::TrashChecked { index, held } => {
            super::home_files::trash_checked(state, index, held);
            Vec::new()
        }
        Msg::IdFixed(result) => super::home_files::id_fixed(state, result),
    }
}

/// Notes a change for the continuous save when the revision moved or text is being typed.
fn mark_changes(state: &mut AppState, before: Option<u64>) {
    let now = state.now;
    if let Screen::Incident(view) = &mut state.screen
        && (before != Some(view.save.revision) || view.cursor.editor.is_some())
    {
        save::touched(view, now);
    }
}

fn select_home_entry(state: &mut AppState, name: &str) {
    if let Some(pos) = state
        .home
        .visible
        .iter()
        .position(|i| state.home.entries.get(*i).is_some_and(|e| e.name() == name))
    {
        state.home.selected = pos;
    }
}

/// The keymap context the state is in.
pub fn context(state: &AppState) -> Context {
    if let Some(overlay) = &state.overlay {
        return match overlay {
            Overlay::Picker(_) => Context::Picker,
            Overlay::NewIncident { .. } | Overlay::Opening { .. } => Context::Editing,
            Overlay::Agenda { .. } => Context::Agenda,
            Overlay::Import(import) => import.context(),
            Overlay::Export(export) => export.context(),
            Overlay::Categorise(_) => Context::Categorise,
            Overlay::Presenter(_) => Context::Presenter,
            _ => Context::Global,
        };
    }
    match &state.screen {
        Screen::Home => Context::Home,
        Screen::Viewer(_) => Context::Viewer,
        Screen::Incident(view) => {
            if view.cursor.editor.is_some() {
                Context::Editing
            } else if view.cursor.record.is_some() {
                Context::Record
            } else if super::moments::on_timeline_row(view) {
                Context::TimelineRow
            } else {
                Context::Incident
            }
        }
    }
}

fn on_key(state: &mut AppState, key: KeyEvent) -> Vec<Job> {
    if state.overlay.is_some() {
        return on_overlay_key(state, key);
    }
    state.message = None;
    let ctx = context(state);
    let command = lookup(ctx, &key);
    match command {
        Some(Command::Save) => return save::save(state),
        Some(Command::Quit) if ctx != Context::Home || !state.home.filtering => {
            return request_quit(state);
        }
        Some(Command::Meeting) => return agenda::open(state),
        Some(Command::Import) => return super::import_preview::open(state),
        Some(Command::Moment(n)) => {
            super::moments::set_on_selected(state, n);
            return Vec::new();
        }
        Some(Command::Export) => return super::export::open(state),
        Some(Command::Presenter) => return super::presenter::open(state),
        _ => {}
    }
    match ctx {
        Context::Home => on_home_key(state, key, command),
        Context::Viewer => on_viewer(state, command),
        Context::Editing => edit::on_editing_key(state, key, command),
        Context::Incident | Context::TimelineRow | Context::Record => {
            edit::on_incident_command(state, command)
        }
        _ => Vec::new(),
    }
}

/// Quits, saving the open incident first.
fn request_quit(state: &mut AppState) -> Vec<Job> {
    save::quit(state)
}

fn on_home_key(state: &mut AppState, key: KeyEvent, command: Option<Command>) -> Vec<Job> {
    let home = &mut state.home;
    if home.filtering {
        match lookup(Context::Filter, &key) {
            Some(Command::Back) => {
                home.filtering = false;
                home.filter.clear();
                home.refilter();
            }
            Some(Command::Finish) => home.filtering = false,
            Some(Command::Up) => home.selected = home.selected.saturating_sub(1),
            Some(Command::Down) => {
                home.selected = (home.selected + 1).min(home.visible.len().saturating_sub(1));
            }
            // Typed keys: the filter's text.
            _ if key.code == KeyCode::Backspace => {
                home.filter.pop();
                home.refilter();
            }
            _ => {
                if let KeyCode::Char(c) = key.code
                    && !key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    home.filter.push(c);
                    home.selected = 0;
                    home.refilter();
                }
            }
        }
        return Vec::new();
    }
    let last = home.visible.len().saturating_sub(1);
    match command {
        Some(Command::Up) => home.selected = home.selected.saturating_sub(1),
        Some(Command::Down) => home.selected = (home.selected + 1).min(last),
        Some(Command::Home) => home.selected = 0,
        Some(Command::End) => home.selected = last,
        Some(Command::PageUp) => home.selected = home.selected.saturating_sub(10),
        Some(Command::PageDown) => home.selected = (home.selected + 10).min(last),
        Some(Command::Filter) => home.filtering = true,
        Some(Command::Back) if !home.filter.is_empty() => {
            home.filter.clear();
            home.refilter();
        }
        Some(Command::Help) => super::help::open(state, Context::Home),
        Some(Command::New) => super::new_incident::open(state),
        Some(Command::Open) => match home.selected_entry() {
            Some(Entry::Incident { summary, .. }) => return vec![Job::Open(summary.id.clone())],
            Some(Entry::Broken { path, error, .. }) => {
                return vec![Job::View {
                    path: path.clone(),
                    error: error.to_string(),
                }];
            }
            None => state.info("No incident selected: press n to create one"),
        },
        Some(Command::Delete) => {
            if let Some(index) = home.visible.get(home.selected).copied()
                && let Some(entry) = home.entries.get(index)
            {
                return vec![Job::CheckTrash {
                    index,
                    id: entry.name().to_string(),
                }];
            }
        }
        _ => {}
    }
    Vec::new()
}

fn on_viewer(state: &mut AppState, command: Option<Command>) -> Vec<Job> {
    let Screen::Viewer(viewer) = &mut state.screen else {
        return Vec::new();
    };
    let max = viewer.text.lines().count().saturating_sub(1);
    match command {
        Some(Command::Up) => viewer.scroll = viewer.scroll.saturating_sub(1),
        Some(Command::Down) => viewer.scroll = (viewer.scroll + 1).min(max),
        Some(Command::PageUp) => viewer.scroll = viewer.scroll.saturating_sub(20),
        Some(Command::PageDown) => viewer.scroll = (viewer.scroll + 20).min(max),
        Some(Command::Back) => state.screen = Screen::Home,
        Some(Command::FixId) => match &viewer.fixable_id {
            Some(id) => {
                return vec![Job::FixId {
                    path: viewer.path.clone(),
                    id: id.clone(),
                }];
            }
            None => state.info("only a file whose id differs from its name can be fixed here"),
        },
        _ => {}
    }
    Vec::new()
}

fn on_overlay_key(state: &mut AppState, key: KeyEvent) -> Vec<Job> {
    let Some(overlay) = state.overlay.take() else {
        return Vec::new();
    };
    let next = match overlay {
        Overlay::Help { scroll } => super::help::on_key(scroll, &key),
        Overlay::Confirm {
            question,
            on_yes,
            on_no,
        } => super::confirm::on_key(state, question, on_yes, on_no, &key),
        overlay @ Overlay::NewIncident { .. } => super::new_incident::on_key(state, overlay, key),
        Overlay::Picker(picker) => super::picker::on_key(state, picker, key),
        Overlay::Agenda { selected, typed } => agenda::on_agenda_key(state, selected, typed, key),
        Overlay::Opening { textarea, added } => agenda::on_opening_key(state, textarea, added, key),
        Overlay::Import(import) => super::import_preview::on_key(state, *import, key),
        Overlay::Export(export) => super::export::on_key(state, *export, key),
        Overlay::Categorise(step) => super::went_well::on_key(state, step, key),
        Overlay::Presenter(presenter) => super::presenter::on_key(state, presenter, key),
    };
    next.apply(state)
}
