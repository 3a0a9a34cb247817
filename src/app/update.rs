//! `update(state, action) -> effects`: every change to the state happens here, with no
//! terminal and no file I/O.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Effect};
use super::keymap::{Command, Context, help_start, lookup};
use super::state::{AppState, Confirmed, IncidentView, Message, Overlay, Screen, Viewer};
use super::{agenda, edit, save};
use crate::storage::Entry;

/// Applies one action to the state and returns the I/O the runtime must do.
pub fn update(state: &mut AppState, action: Action) -> Vec<Effect> {
    // Changes come with a new revision, except a reload from disk (an outside change, or a
    // dialog's answer to one): then the lint looks again regardless.
    let routine = match &action {
        Action::Key(_) => state.overlay.is_none(),
        Action::ChangedOnDisk(_) => false,
        _ => true,
    };
    let mut effects = apply(state, action);
    effects.extend(super::folder::catch_up(state));
    agenda::remember(state);
    if let Screen::Incident(view) = &mut state.screen {
        view.lint.refresh(&view.incident, view.revision, !routine);
    }
    effects
}

fn apply(state: &mut AppState, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
        Action::Key(key) => {
            let before = state.incident().map(|v| v.revision);
            let effects = on_key(state, key);
            mark_changes(state, before);
            effects
        }
        Action::Paste(text) => {
            let before = state.incident().map(|v| v.revision);
            if !super::import_preview::offer_paste(state, &text) {
                edit::paste(state, &text);
            }
            mark_changes(state, before);
            Vec::new()
        }
        Action::Import(reply) => {
            super::import_preview::on_reply(state, reply);
            Vec::new()
        }
        Action::Tick => {
            agenda::on_tick(state);
            save::autosave(state)
        }
        Action::Recovered {
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
                view.recovery = Some(incident);
                state.overlay = Some(Overlay::Confirm {
                    question,
                    on_yes: Confirmed::RestoreRecovery,
                    on_no: Some(Confirmed::DiscardRecovery),
                });
            }
            Vec::new()
        }
        Action::ChangedOnDisk(theirs) => save::changed_on_disk(state, theirs),
        Action::DeletedOnDisk => save::deleted_on_disk(state),
        Action::CopySaved(Ok(id)) => {
            state.info(format!(
                "your version was saved as {id}.toml; this is the file's new version"
            ));
            vec![Effect::List]
        }
        Action::CopySaved(Err(e)) => {
            state.error(format!("could not save your copy: {e}"));
            Vec::new()
        }
        Action::RecoveryDiscarded(Ok(())) => Vec::new(),
        Action::RecoveryDiscarded(Err(e)) => {
            state.error(format!("could not remove the recovery copy: {e}"));
            Vec::new()
        }
        Action::Folder(news) => super::folder::on_news(state, news),
        Action::Listed(Ok(entries)) => {
            state.home.stale = false;
            let keep = state.home.selected_entry().map(|e| e.name().to_string());
            state.home.entries = entries;
            state.home.refilter();
            if let Some(name) = keep {
                select_home_entry(state, &name);
            }
            Vec::new()
        }
        Action::Listed(Err(e)) => {
            state.error(format!("cannot list the incidents folder: {e}"));
            Vec::new()
        }
        Action::Opened(Ok(loaded)) => {
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
        Action::Opened(Err(e)) => {
            state.error(e);
            Vec::new()
        }
        Action::Viewed { path, text, error } => {
            match text {
                Ok(text) => {
                    state.screen = Screen::Viewer(Viewer {
                        path,
                        text,
                        error,
                        scroll: 0,
                    });
                }
                Err(e) => state.error(e),
            }
            Vec::new()
        }
        Action::Created(Ok(incident)) => {
            let mut view = IncidentView::new(incident, None);
            view.saved_at = Some(state.now);
            state.message = Some(Message {
                text: format!("created {}.toml", view.incident.id),
                error: false,
            });
            state.screen = Screen::Incident(Box::new(view));
            vec![Effect::List]
        }
        Action::Created(Err(e)) => {
            state.error(format!("could not create the incident: {e}"));
            Vec::new()
        }
        Action::Saved {
            revision,
            announce,
            result,
        } => save::saved(state, revision, announce, result),
        Action::Trashed(Ok(path)) => {
            state.message = Some(Message {
                text: format!("moved to {}", path.display()),
                error: false,
            });
            vec![Effect::List]
        }
        Action::Trashed(Err(e)) => {
            state.error(format!("could not delete: {e}"));
            Vec::new()
        }
    }
}

/// Notes a change for the continuous save when the revision moved or text is being typed.
fn mark_changes(state: &mut AppState, before: Option<u64>) {
    let now = state.now;
    if let Screen::Incident(view) = &mut state.screen
        && (before != Some(view.revision) || view.editor.is_some())
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
            _ => Context::Global,
        };
    }
    match &state.screen {
        Screen::Home => Context::Home,
        Screen::Viewer(_) => Context::Viewer,
        Screen::Incident(view) => {
            if view.editor.is_some() {
                Context::Editing
            } else if view.record.is_some() {
                Context::Record
            } else {
                Context::Incident
            }
        }
    }
}

fn on_key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
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
        _ => {}
    }
    match ctx {
        Context::Home => on_home_key(state, key, command),
        Context::Viewer => {
            on_viewer(state, command);
            Vec::new()
        }
        Context::Editing => edit::on_editing_key(state, key, command),
        Context::Incident | Context::Record => edit::on_incident_command(state, command),
        _ => Vec::new(),
    }
}

/// Quits, saving the open incident first.
fn request_quit(state: &mut AppState) -> Vec<Effect> {
    save::quit(state)
}

fn on_home_key(state: &mut AppState, key: KeyEvent, command: Option<Command>) -> Vec<Effect> {
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
        Some(Command::Help) => {
            state.overlay = Some(Overlay::Help {
                scroll: help_start(Context::Home),
            });
        }
        Some(Command::New) => {
            let mut textarea = crate::editor::TextBox::new("", true);
            textarea.set_placeholder_text("e.g. Checkout errors after config push");
            state.overlay = Some(Overlay::NewIncident {
                textarea: Box::new(textarea),
                error: None,
            });
        }
        Some(Command::Open) => match home.selected_entry() {
            Some(Entry::Incident { summary, .. }) => return vec![Effect::Open(summary.id.clone())],
            Some(Entry::Broken { path, error, .. }) => {
                return vec![Effect::View {
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
                let what = match entry {
                    Entry::Incident { summary, .. } => format!("\"{}\"", summary.title),
                    Entry::Broken { name, .. } => format!("{name}.toml"),
                };
                state.overlay = Some(Overlay::Confirm {
                    question: format!("Delete {what}? The file moves to .trash/ in the folder."),
                    on_yes: Confirmed::TrashEntry(index),
                    on_no: None,
                });
            }
        }
        _ => {}
    }
    Vec::new()
}

fn on_viewer(state: &mut AppState, command: Option<Command>) {
    let Screen::Viewer(viewer) = &mut state.screen else {
        return;
    };
    let max = viewer.text.lines().count().saturating_sub(1);
    match command {
        Some(Command::Up) => viewer.scroll = viewer.scroll.saturating_sub(1),
        Some(Command::Down) => viewer.scroll = (viewer.scroll + 1).min(max),
        Some(Command::PageUp) => viewer.scroll = viewer.scroll.saturating_sub(20),
        Some(Command::PageDown) => viewer.scroll = (viewer.scroll + 20).min(max),
        Some(Command::Back) => state.screen = Screen::Home,
        _ => {}
    }
}

fn on_overlay_key(state: &mut AppState, key: KeyEvent) -> Vec<Effect> {
    let Some(overlay) = state.overlay.take() else {
        return Vec::new();
    };
    match overlay {
        Overlay::Help { scroll } => {
            // Any key that does not scroll closes the list.
            let scroll = match lookup(Context::Help, &key) {
                Some(Command::Down) => Some(scroll + 1),
                Some(Command::Up) => Some(scroll.saturating_sub(1)),
                Some(Command::PageDown) => Some(scroll + 10),
                Some(Command::PageUp) => Some(scroll.saturating_sub(10)),
                _ => None,
            };
            if let Some(scroll) = scroll {
                state.overlay = Some(Overlay::Help { scroll });
            }
            Vec::new()
        }
        Overlay::Confirm {
            question,
            on_yes,
            on_no,
        } => match lookup(Context::Confirm, &key) {
            Some(Command::Yes) => confirmed(state, on_yes),
            Some(Command::No) => match on_no {
                Some(no) => confirmed(state, no),
                None => Vec::new(),
            },
            // Never drop someone's changes on a cancel: keep both.
            Some(Command::Back) if on_yes == Confirmed::KeepBoth => {
                confirmed(state, Confirmed::KeepBoth)
            }
            Some(Command::Back) => Vec::new(),
            _ => {
                state.overlay = Some(Overlay::Confirm {
                    question,
                    on_yes,
                    on_no,
                });
                Vec::new()
            }
        },
        Overlay::NewIncident { mut textarea, .. } => match lookup(Context::NewIncident, &key) {
            Some(Command::Back | Command::Quit) => Vec::new(),
            Some(Command::Finish) => {
                let title = textarea.lines().join(" ").trim().to_string();
                if title.is_empty() {
                    state.overlay = Some(Overlay::NewIncident {
                        textarea,
                        error: Some("Type a title first (Esc cancels)".into()),
                    });
                    Vec::new()
                } else {
                    vec![Effect::Create(title)]
                }
            }
            _ => {
                if !super::focus::is_newline_key(&key) {
                    textarea.input(key);
                }
                state.overlay = Some(Overlay::NewIncident {
                    textarea,
                    error: None,
                });
                Vec::new()
            }
        },
        Overlay::Picker(picker) => edit::on_picker_key(state, picker, key),
        Overlay::Agenda { selected, typed } => agenda::on_agenda_key(state, selected, typed, key),
        Overlay::Opening { textarea, added } => agenda::on_opening_key(state, textarea, added, key),
        Overlay::Import(import) => super::import_preview::on_key(state, *import, key),
    }
}

fn confirmed(state: &mut AppState, what: Confirmed) -> Vec<Effect> {
    match what {
        Confirmed::TrashEntry(index) => match state.home.entries.get(index) {
            Some(Entry::Incident { summary, .. }) => {
                vec![Effect::TrashIncident(summary.id.clone())]
            }
            Some(Entry::Broken { path, .. }) => vec![Effect::TrashFile(path.clone())],
            None => Vec::new(),
        },
        Confirmed::DeleteRecord(kind, index) => {
            edit::delete_record(state, kind, index);
            Vec::new()
        }
        Confirmed::DiscardAndLeave => {
            state.screen = Screen::Home;
            state.info("changes discarded");
            vec![Effect::List]
        }
        Confirmed::RestoreRecovery => save::restore_recovery(state),
        Confirmed::DiscardRecovery => match &mut state.screen {
            Screen::Incident(view) => {
                view.recovery = None;
                vec![Effect::DiscardRecovery(view.incident.id.clone())]
            }
            _ => Vec::new(),
        },
        Confirmed::KeepBoth => save::keep_both(state),
        Confirmed::ReloadTheirs => save::reload_theirs(state),
        Confirmed::RestoreDeleted => save::restore_deleted(state),
        Confirmed::CloseDeleted => save::close_deleted(state),
        Confirmed::DiscardAndQuit => {
            state.quit = true;
            Vec::new()
        }
        Confirmed::DeleteWhy(factor, why) => {
            super::factors::delete_why(state, factor, why);
            Vec::new()
        }
        Confirmed::DiscardMeeting => super::agenda::discard(state),
        Confirmed::Publish => {
            super::publish::publish_anyway(state);
            super::save::save_now(state)
        }
    }
}
