//! Changing an open incident: moving between fields, editing text, picking options, adding,
//! moving and deleting records, saving.

use crossterm::event::KeyEvent;

use super::factors;
pub use super::focus::{clean_paste, commit_editor, focused_target, is_newline_key, start_editor};
use super::form::{
    self, FieldId, Kind, RecordKind, Target, choice_index, choice_labels, section_fields,
};
use super::keymap::Command;
use super::messages::Job;
use super::state::{
    AppState, Confirmed, FactorView, IncidentView, Overlay, Picker, RecordForm, Screen,
};
use crate::model::Section;

/// The incident's status (the checklist's Enter picks it).
pub const STATUS: FieldId = FieldId::named("status");

/// Inserts pasted text where text is being typed; on a focused text field, starts editing it.
pub fn paste(state: &mut AppState, text: &str) {
    let text = clean_paste(text);
    if let Some(overlay @ Overlay::NewIncident { .. }) = &mut state.overlay {
        super::new_incident::paste(overlay, &text);
        return;
    }
    if let Some(Overlay::Opening { .. }) = &state.overlay {
        super::agenda::paste_opening(state, &text);
        return;
    }
    if state.overlay.is_some() {
        return;
    }
    if matches!(state.screen, Screen::Home) && state.home.filtering {
        state.home.filter.push_str(&text.replace('\n', " "));
        state.home.refilter();
        return;
    }
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    if view.cursor.editor.is_none() {
        let Some(target) = focused_target(view) else {
            return;
        };
        if !target.kind().is_text() || view.disk.read_only.is_some() {
            return;
        }
        start_editor(view, target);
    }
    if let Some(editor) = &mut view.cursor.editor {
        if editor.target.kind().is_single_line() {
            editor.textarea.insert_str(text.replace('\n', " "));
        } else {
            editor.textarea.insert_str(text);
        }
    }
}

fn close_editor(state: &mut AppState) {
    commit_editor(state);
    if let Screen::Incident(view) = &mut state.screen {
        let Some(editor) = view.cursor.editor.take() else {
            return;
        };
        factors::drop_empty_why(view, editor.target);
        if let Some(invalid) = view.invalid_for(editor.target) {
            let message = format!(
                "{}: {} (kept as typed until it is fixed)",
                form::label(invalid.target).0,
                invalid.error
            );
            state.error(message);
        }
    }
}

/// Keys while a text field is edited: app keys first, the rest go to the text area.
pub fn on_editing_key(state: &mut AppState, key: KeyEvent, command: Option<Command>) -> Vec<Job> {
    let single_line = state
        .incident()
        .and_then(|v| v.cursor.editor.as_ref())
        .is_some_and(|e| e.target.kind().is_single_line());
    if super::entry::enter_goes_on(state, &key) {
        close_editor(state);
        if let Screen::Incident(view) = &mut state.screen {
            super::entry::go_on(view);
        }
        return super::save::save_now(state);
    }
    match command {
        Some(Command::Finish) => {
            close_editor(state);
            if let Screen::Incident(view) = &mut state.screen {
                super::entry::close_if_untouched(view);
            }
            return super::save::save_now(state);
        }
        Some(Command::FinishNext) | Some(Command::FinishPrev) => {
            close_editor(state);
            let forward = command == Some(Command::FinishNext);
            if let Screen::Incident(view) = &mut state.screen {
                move_field(view, forward);
                if let Some(target) = focused_target(view)
                    && target.kind().is_text()
                {
                    start_editor(view, target);
                }
            }
            return super::save::save_now(state);
        }
        Some(Command::EditExternally) if !single_line => {
            return super::external_edit::request(state);
        }
        _ => {}
    }
    if single_line && is_newline_key(&key) {
        close_editor(state);
        return super::save::save_now(state);
    }
    if let Screen::Incident(view) = &mut state.screen
        && let Some(editor) = &mut view.cursor.editor
    {
        editor.textarea.input(key);
    }
    Vec::new()
}

/// The record list a section adds to, if it has one.
fn section_list(section: Section) -> Option<RecordKind> {
    section_fields(section).find_map(|f| match f.def().kind {
        Kind::Records(kind) => Some(kind),
        _ => None,
    })
}

fn move_field(view: &mut IncidentView, forward: bool) {
    let count = match view.cursor.record {
        Some(form) => form.kind.field_count(),
        None => section_fields(view.cursor.section).count(),
    };
    let focus = match &mut view.cursor.record {
        Some(form) => &mut form.focus,
        None => &mut view.cursor.focus,
    };
    if forward {
        *focus = (*focus + 1).min(count.saturating_sub(1));
    } else {
        *focus = focus.saturating_sub(1);
    }
}

fn focused_list(view: &IncidentView) -> Option<RecordKind> {
    if view.cursor.record.is_some() {
        return None;
    }
    match section_fields(view.cursor.section)
        .nth(view.cursor.focus)?
        .def()
        .kind
    {
        Kind::Records(kind) => Some(kind),
        _ => None,
    }
}

/// Moves down (or up) through list items, then on to the next (or previous) field.
fn step(view: &mut IncidentView, forward: bool) {
    if view.cursor.record.is_some() && factors::on_chain(view) && factors::step_why(view, forward) {
        return;
    }
    if focused_list(view) == Some(RecordKind::Factor) && view.cursor.factor_view != FactorView::List
    {
        if factors::can_step_factor(view, forward) {
            factors::step_factor(view, if forward { 1 } else { -1 });
            return;
        }
    } else if let Some(kind) = focused_list(view) {
        let len = kind.len(&view.incident);
        let sel = view.selected(kind);
        if forward && sel + 1 < len {
            view.select(kind, sel + 1);
            return;
        }
        if !forward && sel > 0 && len > 0 {
            view.select(kind, sel - 1);
            return;
        }
    }
    let before = view.cursor.focus;
    move_field(view, forward);
    if view.cursor.record.is_some() && view.cursor.focus != before && factors::on_chain(view) {
        factors::entered_chain(view, forward);
    }
    if view.cursor.record.is_none()
        && view.cursor.focus != before
        && let Some(kind) = focused_list(view)
    {
        let index = if forward {
            0
        } else {
            kind.len(&view.incident).saturating_sub(1)
        };
        view.select(kind, index);
    }
}

fn go_to_section(view: &mut IncidentView, section: Section, now: jiff::Timestamp) {
    super::agenda::go_to(view, section, now);
}

/// Commands on an open incident when no text field is being edited.
pub fn on_incident_command(state: &mut AppState, command: Option<Command>) -> Vec<Job> {
    let Some(command) = command else {
        return Vec::new();
    };
    let now = state.now;
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let read_only = view.disk.read_only.clone();
    let editing_command = matches!(
        command,
        Command::Open
            | Command::Add
            | Command::Delete
            | Command::MoveUp
            | Command::MoveDown
            | Command::Tick
            | Command::AddWhy
    );
    if let Some(reason) = read_only
        && editing_command
        && !(command == Command::Open && focused_list(view).is_some())
        && !(command == Command::Open
            && view.cursor.record.is_none()
            && focused_target(view).is_some_and(|t| matches!(t.kind(), Kind::Records(_))))
    {
        state.error(format!("read-only: {reason}"));
        return Vec::new();
    }
    let in_record = view.cursor.record.is_some();
    match command {
        Command::Down => step(view, true),
        Command::Up => step(view, false),
        Command::NextField => move_field(view, true),
        Command::PrevField => move_field(view, false),
        Command::Home | Command::End | Command::PageUp | Command::PageDown
            if focused_list(view) == Some(RecordKind::Factor)
                && view.cursor.factor_view != FactorView::List =>
        {
            let delta = match command {
                Command::Home => isize::MIN,
                Command::End => isize::MAX,
                Command::PageUp => -10,
                _ => 10,
            };
            factors::step_factor(view, delta);
        }
        Command::Home | Command::End | Command::PageUp | Command::PageDown => {
            if let Some(kind) = focused_list(view) {
                let sel = view.selected(kind);
                let index = match command {
                    Command::Home => 0,
                    Command::End => usize::MAX,
                    Command::PageUp => sel.saturating_sub(10),
                    _ => sel + 10,
                };
                view.select(kind, index);
            }
        }
        Command::NextSection | Command::PrevSection if in_record => {
            if let Some(form) = &mut view.cursor.record {
                let len = form.kind.len(&view.incident);
                form.index = if command == Command::NextSection {
                    (form.index + 1).min(len.saturating_sub(1))
                } else {
                    form.index.saturating_sub(1)
                };
                form.adding = false;
                let (kind, index) = (form.kind, form.index);
                view.select(kind, index);
                view.cursor.why = 0;
            }
        }
        Command::NextSection => {
            go_to_section(view, view.cursor.section.next(), now);
            return super::save::save_now(state);
        }
        Command::PrevSection => {
            go_to_section(view, view.cursor.section.prev(), now);
            return super::save::save_now(state);
        }
        Command::Jump(n) => {
            if let Some(section) = Section::from_number(usize::from(n)) {
                go_to_section(view, section, now);
            }
            return super::save::save_now(state);
        }
        Command::ToggleGuide => view.cursor.show_guide = !view.cursor.show_guide,
        Command::ToggleLint => view.cursor.show_lint = !view.cursor.show_lint,
        Command::IgnoreLint => return super::lint_keys::ignore_focused(state),
        Command::UnignoreLint => return super::lint_keys::unignore_focused(state),
        Command::Help => {
            let context = if in_record {
                super::keymap::Context::Record
            } else if super::moments::on_timeline_row(view) {
                super::keymap::Context::TimelineRow
            } else {
                super::keymap::Context::Incident
            };
            super::help::open(state, context);
        }
        Command::Back if in_record => {
            if let Some(form) = view.cursor.record.take() {
                view.select(form.kind, form.index);
                super::record_ops::drop_if_blank(view, form.kind, form.index);
            }
            return super::save::save_now(state);
        }
        Command::Undo => undo_delete(state),
        Command::Back => return super::save::leave(state),
        Command::Open => return open_focused(state),
        Command::Tick => {
            if let Some(target) = focused_target(view)
                && target.kind() == Kind::Toggle
            {
                form::toggle(&mut view.incident, target);
                view.save.revision += 1;
            }
        }
        Command::Add => {
            let kind = view
                .cursor
                .record
                .map(|f| f.kind)
                .or_else(|| section_list(view.cursor.section));
            match kind {
                Some(kind) => super::record_ops::add_record(view, kind),
                None => state.info("Nothing to add here: lists are in sections 2, 3, 4 and 6"),
            }
        }
        Command::Delete if in_record && factors::on_chain(view) => factors::ask_delete_why(state),
        Command::AddWhy => factors::add_why(state),
        Command::CycleView => factors::cycle_view(state),
        Command::Readiness => super::publish::show_readiness(view),
        Command::MoveUp | Command::MoveDown
            if focused_list(view) == Some(RecordKind::Factor)
                && view.cursor.factor_view != FactorView::List =>
        {
            state
                .info("Factors keep their order in the list view: press v until it shows the list");
        }
        Command::Delete => {
            let chosen = match view.cursor.record {
                Some(form) => Some((form.kind, form.index)),
                None => focused_list(view).map(|k| (k, view.selected(k))),
            };
            if let Some((kind, index)) = chosen
                && index < kind.len(&view.incident)
            {
                let label = record_label(view, kind, index);
                state.ask(
                    format!("Delete {} {}?", kind.noun(), label),
                    Confirmed::DeleteRecord(kind, index),
                    None,
                );
            }
        }
        Command::MoveUp | Command::MoveDown => {
            if let Some(kind) = focused_list(view) {
                if kind.movable() {
                    move_record(view, kind, command == Command::MoveDown);
                } else {
                    state.info("The timeline is sorted by time: change an entry's time to move it");
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

fn record_label(view: &IncidentView, kind: RecordKind, index: usize) -> String {
    let inc = &view.incident;
    let text = match kind {
        RecordKind::Timeline => inc.timeline.get(index).map(|e| e.text.clone()),
        RecordKind::Factor => inc
            .factors
            .get(index)
            .map(|f| format!("{} {}", f.id, f.description)),
        RecordKind::Metric => inc.monitoring.metrics.get(index).map(|m| m.name.clone()),
        RecordKind::Action => inc
            .actions
            .get(index)
            .map(|a| format!("{} {}", a.id, a.title)),
    }
    .unwrap_or_default();
    let short: String = text.chars().take(40).collect();
    if short.trim().is_empty() {
        format!("#{}", index + 1)
    } else if short.len() < text.len() {
        format!("\"{}…\"", short.trim())
    } else {
        format!("\"{}\"", short.trim())
    }
}

fn open_focused(state: &mut AppState) -> Vec<Job> {
    let Screen::Incident(view) = &mut state.screen else {
        return Vec::new();
    };
    let Some(target) = focused_target(view) else {
        return Vec::new();
    };
    let read_only = view.disk.read_only.is_some();
    match target.kind() {
        kind if kind.is_text() => start_editor(view, target),
        Kind::Choice => {
            let options = choice_labels(target)
                .into_iter()
                .map(str::to_string)
                .collect();
            state.overlay = Some(Overlay::Picker(Picker {
                target,
                options,
                selected: choice_index(&view.incident, target),
                ticked: None,
                typed: String::new(),
            }));
        }
        Kind::Toggle => {
            form::toggle(&mut view.incident, target);
            view.save.revision += 1;
        }
        Kind::Chain => factors::edit_why(state),
        Kind::Checklist => {
            let target = Target::top(STATUS);
            let published = crate::model::IncidentStatus::Published;
            state.overlay = Some(Overlay::Picker(Picker {
                target,
                options: choice_labels(target)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                selected: crate::model::Choice::index(published),
                ticked: None,
                typed: String::new(),
            }));
        }
        Kind::Links if target.field.def().record == Some(RecordKind::Factor) => {
            factors::links_picker(state, target);
        }
        Kind::Links => {
            let index = target.record;
            let linked = view
                .incident
                .actions
                .get(index)
                .map(|a| a.factors.clone())
                .unwrap_or_default();
            if view.incident.factors.is_empty() {
                state.info("No contributing factors yet: add them in section 4");
                return Vec::new();
            }
            let options = view
                .incident
                .factors
                .iter()
                .map(|f| format!("{} {}", f.id, f.description.lines().next().unwrap_or("")))
                .collect();
            let ticked = view
                .incident
                .factors
                .iter()
                .map(|f| linked.contains(&f.id))
                .collect();
            state.overlay = Some(Overlay::Picker(Picker {
                target,
                options,
                selected: 0,
                ticked: Some(ticked),
                typed: String::new(),
            }));
        }
        Kind::Records(kind) => {
            if kind.len(&view.incident) == 0 {
                if read_only {
                    return Vec::new();
                }
                if let Screen::Incident(view) = &mut state.screen {
                    super::record_ops::add_record(view, kind);
                }
            } else {
                let index = view.selected(kind);
                view.cursor.record = Some(RecordForm {
                    kind,
                    index,
                    focus: 0,
                    adding: false,
                });
                view.cursor.why = 0;
            }
        }
        Kind::KeyMoments => state.info(
            "Key moments come from the timeline: in section 3, open an entry and set its key moment",
        ),
        _ => {}
    }
    Vec::new()
}

fn move_record(view: &mut IncidentView, kind: RecordKind, down: bool) {
    let index = view.selected(kind);
    if let Some(other) = super::records::shift(&mut view.incident, kind, index, down) {
        view.save.revision += 1;
        view.select(kind, other);
    }
}

/// `u`: brings back the record deleted last while the incident is open.
fn undo_delete(state: &mut AppState) {
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    let Some(deleted) = view.deleted.pop() else {
        state.info("Nothing to undo: no record was deleted since the incident was opened");
        return;
    };
    let (kind, index) = super::records::restore(&mut view.incident, deleted);
    view.save.revision += 1;
    view.select(kind, index);
    state.info(format!("{} restored", kind.noun()));
}

/// Deletes a record (after confirmation). Deleting a factor also removes its links.
pub fn delete_record(state: &mut AppState, kind: RecordKind, index: usize) {
    let Screen::Incident(view) = &mut state.screen else {
        return;
    };
    if index >= kind.len(&view.incident) {
        return;
    }
    let Some(deleted) = super::records::remove(&mut view.incident, kind, index) else {
        return;
    };
    view.deleted.push(deleted);
    view.save.revision += 1;
    view.cursor.record = None;
    view.select(kind, index);
    state.info(format!("{} deleted · u brings it back", kind.noun()));
}
