//! The one application state. Rendering borrows it; only [`super::update`] changes it.

use std::path::PathBuf;

use jiff::Timestamp;

use super::form::{RecordKind, Target};
use crate::editor::TextBox;
use crate::model::summary::Entry;
use crate::model::{Incident, Meeting, Section};

/// Everything the program shows.
pub struct AppState {
    /// Now, set by the runtime before each action (injected so tests are deterministic).
    pub now: Timestamp,
    /// The incidents folder, for display.
    pub dir: PathBuf,
    /// The list of incidents (kept while an incident is open, to return to).
    pub home: Home,
    /// The open incident or file, if any.
    pub screen: Screen,
    /// A dialog over the screen.
    pub overlay: Option<Overlay>,
    /// A one-line message in the status bar.
    pub message: Option<Message>,
    /// True once the program should exit.
    pub quit: bool,
    /// The configuration in force (from the file, or the defaults), set at start-up.
    pub config: std::sync::Arc<crate::config::Config>,
    /// People and the role each usually holds (name → role, from the configuration).
    pub people: std::collections::BTreeMap<String, String>,
    /// The colours the screen is drawn in (the theme, or none under `NO_COLOR`).
    pub colours: crate::config::Colours,
    /// True when a worker lints (the terminal UI's loop): the lint cache then only notes the
    /// revision it needs ([`super::lint::LintCache::take_wanted`]); false lints in place, as
    /// tests of `update` do.
    pub lint_elsewhere: bool,
}

/// A status-bar message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// True for errors (shown in the error colour and marked `!`).
    pub error: bool,
}

/// The list of incidents.
#[derive(Default)]
pub struct Home {
    /// Every file, newest first.
    pub entries: Vec<Entry>,
    /// Index into [`Home::visible`].
    pub selected: usize,
    /// The filter text (empty shows all).
    pub filter: String,
    /// True while the filter is being typed.
    pub filtering: bool,
    /// Indices into `entries` that match the filter, recomputed when either changes.
    pub visible: Vec<usize>,
    /// The meeting running on the incident last open, shown on the list until it is reopened.
    pub meeting: Option<MeetingElsewhere>,
    /// Files of the folder changed while a dialog was open: the list is read again once it
    /// closes (see [`super::folder`]).
    pub stale: bool,
}

/// A meeting still running on an incident that is not open (its clock goes on).
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingElsewhere {
    /// The incident's id.
    pub id: String,
    /// The incident's title.
    pub title: String,
    /// Its meeting as last seen.
    pub meeting: Meeting,
}

/// What fills the main area.
pub enum Screen {
    /// The incident list.
    Home,
    /// An incident being written.
    Incident(Box<IncidentView>),
    /// A file shown as text (one that does not parse).
    Viewer(Viewer),
}

/// A read-only view of a file's text.
pub struct Viewer {
    /// The file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Why it is shown this way (the parse error, located).
    pub error: String,
    /// First line shown.
    pub scroll: usize,
    /// The file parses but its `id` is not its file name: the id it can be given (the file
    /// name), which `r` writes into it.
    pub fixable_id: Option<String>,
}

/// An open incident: what is edited, where the user is in it, how its saving goes, and what
/// is known of its file on disk.
pub struct IncidentView {
    /// The incident as edited.
    pub incident: Incident,
    /// Where the user is: section, focus, selections, the open record and editor.
    pub cursor: Cursor,
    /// The continuous save's state: revisions, times, the last failure.
    pub save: SaveState,
    /// What is known of the file: read-only, a recovery copy, an outside change.
    pub disk: DiskState,
    /// Records deleted while the incident is open, newest last (`u` brings one back).
    pub deleted: Vec<super::records::Deleted>,
    /// The agenda item whose overrun was last announced (so it is announced once).
    pub overrun_told: Option<Section>,
    /// Wording findings of the incident, kept up to date by [`super::update::update`].
    pub lint: super::lint::LintCache,
    /// Rows of long text fields as the screen last laid them out, for this revision.
    pub layout: super::layout_memo::LayoutMemo,
}

/// Where the user is in an open incident, and what is shown.
pub struct Cursor {
    /// The section shown.
    pub section: Section,
    /// The focused field of the section.
    pub focus: usize,
    /// The selected record in each list.
    pub selected: [usize; 4],
    /// The record open for editing, if any.
    pub record: Option<RecordForm>,
    /// The text field being edited, if any.
    pub editor: Option<Editor>,
    /// How the contributing factors are shown (`v` cycles).
    pub factor_view: FactorView,
    /// The selected answer of the open factor's whys chain.
    pub why: usize,
    /// Whether the guiding questions are shown.
    pub show_guide: bool,
    /// Whether the section's wording notes are listed (`l` hides them).
    pub show_lint: bool,
}

/// The continuous save of an open incident.
#[derive(Default)]
pub struct SaveState {
    /// Bumped on every change.
    pub revision: u64,
    /// The revision last written to disk.
    pub saved_revision: u64,
    /// When it was last written, if in this session.
    pub saved_at: Option<Timestamp>,
    /// What to do once the pending save succeeds.
    pub after_save: Option<AfterSave>,
    /// When the user last typed or changed something.
    pub typed_at: Option<Timestamp>,
    /// When the oldest change not yet on disk was made.
    pub unsaved_since: Option<Timestamp>,
    /// Why the last save failed, while it is being retried.
    pub save_error: Option<String>,
    /// When a save was last attempted.
    pub last_attempt: Option<Timestamp>,
}

/// What is known of an open incident's file.
#[derive(Default)]
pub struct DiskState {
    /// Why it cannot be edited, if it cannot.
    pub read_only: Option<String>,
    /// A recovery copy waiting for the user's decision.
    pub recovery: Option<Box<Incident>>,
    /// True after a recovery copy was restored, until it is saved (then the copy is removed).
    pub recovery_restored: bool,
    /// The version another program wrote while this one had unsaved changes.
    pub conflict: Option<Box<Incident>>,
}

/// How the contributing factors section shows its factors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FactorView {
    /// One row per factor, in the file's order.
    #[default]
    List,
    /// A fishbone diagram: the seven categories as bones of a spine that points at the
    /// incident.
    Fishbone,
    /// Grouped by effect: made it worse, helped, luck.
    ByEffect,
}

impl FactorView {
    /// The next view: list → fishbone → by effect → list.
    pub fn next(self) -> FactorView {
        match self {
            FactorView::List => FactorView::Fishbone,
            FactorView::Fishbone => FactorView::ByEffect,
            FactorView::ByEffect => FactorView::List,
        }
    }

    /// Its name, as shown in the section's title.
    pub fn name(self) -> &'static str {
        match self {
            FactorView::List => "list",
            FactorView::Fishbone => "fishbone",
            FactorView::ByEffect => "by effect",
        }
    }
}

/// What happens after a save that was asked for on the way out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterSave {
    /// Go back to the incident list.
    Leave,
    /// Quit the program.
    Quit,
}

/// An open record's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordForm {
    /// Which list.
    pub kind: RecordKind,
    /// Which record.
    pub index: usize,
    /// The focused field of the form.
    pub focus: usize,
    /// True for a record just added (`a`): Enter in its entry fields goes on to the next
    /// one, then to a new record (see [`super::entry`]).
    pub adding: bool,
}

/// A text field being edited.
pub struct Editor {
    /// What it edits.
    pub target: Target,
    /// The text and cursor.
    pub textarea: TextBox,
}

/// Text that could not be stored, shown in place of the value with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// Where it was typed.
    pub target: Target,
    /// What was typed.
    pub text: String,
    /// Why it was not stored.
    pub error: String,
}

/// A dialog.
pub enum Overlay {
    /// The key list.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// A yes/no question.
    Confirm {
        /// The question.
        question: String,
        /// What `y` does.
        on_yes: Confirmed,
        /// What `n` does when it differs from cancelling (e.g. discard changes).
        on_no: Option<Confirmed>,
    },
    /// Typing the new incident's title and when it started (see [`super::new_incident`]).
    NewIncident {
        /// The title so far.
        textarea: Box<TextBox>,
        /// When it started, as typed so far (empty is now).
        started: Box<TextBox>,
        /// True while the start is being typed (else the title).
        on_start: bool,
        /// Why the last attempt failed.
        error: Option<String>,
    },
    /// Picking one or several options.
    Picker(Picker),
    /// The meeting's agenda: timeboxes, time spent, end and resume.
    Agenda {
        /// Highlighted agenda item (index into [`Section::ALL`]).
        selected: usize,
        /// Minutes typed for the highlighted item, applied with Enter.
        typed: String,
    },
    /// Importing messages into the timeline: path prompt, then preview.
    Import(Box<super::import_overlay::ImportOverlay>),
    /// Exporting the incident: the format, then a path or the clipboard.
    Export(Box<super::export_overlay::ExportOverlay>),
    /// After the meeting's opening: a category for each factor that helped just named.
    Categorise(super::meeting_steps::Categorise),
    /// The presenter view of a meeting, for the shared screen.
    Presenter(super::meeting_steps::Presenter),
    /// The meeting's opening: naming what went well, one line per factor that helped.
    Opening {
        /// The line being typed.
        textarea: Box<TextBox>,
        /// How many factors were added so far.
        added: usize,
    },
}

/// What a confirmed dialog does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmed {
    /// Move the selected home entry to the trash.
    TrashEntry(usize),
    /// Delete a record.
    DeleteRecord(RecordKind, usize),
    /// Leave the incident without saving.
    DiscardAndLeave,
    /// Replace the incident with its recovery copy.
    RestoreRecovery,
    /// Remove the recovery copy.
    DiscardRecovery,
    /// After an outside change: save this version as a copy, then show the outside one.
    KeepBoth,
    /// After an outside change: show the outside version, dropping unsaved changes.
    ReloadTheirs,
    /// Quit without saving.
    DiscardAndQuit,
    /// After the file was deleted by another program: write it back from memory.
    RestoreDeleted,
    /// After the file was deleted by another program: close the incident, leaving it deleted.
    CloseDeleted,
    /// Delete answer `.1` of the whys chain of factor `.0`.
    DeleteWhy(usize, usize),
    /// Forget the meeting's clock (started by mistake), keeping the timeboxes.
    DiscardMeeting,
    /// Set the status to published although the readiness checklist is not all ticked.
    Publish,
}

/// A list of options.
pub struct Picker {
    /// The field it sets.
    pub target: Target,
    /// Labels.
    pub options: Vec<String>,
    /// Highlighted option.
    pub selected: usize,
    /// For links: which options are ticked.
    pub ticked: Option<Vec<bool>>,
    /// The letters typed so far, which select an option (see [`super::picker_typing`]).
    pub typed: String,
}

impl AppState {
    /// A fresh state on the home screen.
    pub fn new(dir: PathBuf, entries: Vec<Entry>, now: Timestamp) -> AppState {
        let mut home = Home {
            entries,
            ..Home::default()
        };
        home.refilter();
        AppState {
            now,
            dir,
            home,
            screen: Screen::Home,
            overlay: None,
            message: None,
            quit: false,
            config: std::sync::Arc::default(),
            people: std::collections::BTreeMap::new(),
            colours: crate::config::Colours::default(),
            lint_elsewhere: false,
        }
    }

    /// Asks `question` over the screen: `y` does `on_yes`, `n` does `on_no` (or only closes,
    /// when `None`); the answer is handled in [`super::confirm`].
    pub fn ask(
        &mut self,
        question: impl Into<String>,
        on_yes: Confirmed,
        on_no: Option<Confirmed>,
    ) {
        self.overlay = Some(Overlay::Confirm {
            question: question.into(),
            on_yes,
            on_no,
        });
    }

    /// Sets an error message in the status bar (shown marked `!`).
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Sets an informational message in the status bar.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    /// The open incident, if any.
    pub fn incident(&self) -> Option<&IncidentView> {
        match &self.screen {
            Screen::Incident(view) => Some(view),
            _ => None,
        }
    }

    /// Today's date on this machine's clock and zone (see
    /// [`crate::model::timeinput::local_date`]).
    pub fn today(&self) -> jiff::civil::Date {
        crate::model::timeinput::local_date(self.now)
    }
}

impl Home {
    /// Recomputes which entries match the filter (case-insensitive, over id, title,
    /// severity, status and services) and keeps the selection in range.
    pub fn refilter(&mut self) {
        let needle = self.filter.to_lowercase();
        self.visible = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| needle.is_empty() || entry_text(e).contains(&needle))
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// The selected entry, if any.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.visible
            .get(self.selected)
            .and_then(|i| self.entries.get(*i))
    }
}

fn entry_text(entry: &Entry) -> String {
    match entry {
        Entry::Incident { summary, .. } => format!(
            "{} {} {} {} {}",
            summary.id,
            summary.title,
            summary.severity.map(|s| s.to_string()).unwrap_or_default(),
            summary.status,
            summary.services.join(" ")
        )
        .to_lowercase(),
        Entry::Broken { name, error, .. } => format!("{name} {}", error.message).to_lowercase(),
    }
}

impl IncidentView {
    /// Opens an incident on its overview.
    pub fn new(incident: Incident, read_only: Option<String>) -> IncidentView {
        let lint = super::lint::LintCache::pending();
        IncidentView {
            incident,
            cursor: Cursor {
                section: Section::Overview,
                focus: 0,
                selected: [0; 4],
                record: None,
                editor: None,
                factor_view: FactorView::List,
                why: 0,
                show_guide: true,
                show_lint: true,
            },
            save: SaveState::default(),
            disk: DiskState {
                read_only,
                ..DiskState::default()
            },
            deleted: Vec::new(),
            overrun_told: None,
            lint,
            layout: super::layout_memo::LayoutMemo::default(),
        }
    }

    /// True when there are changes not yet on disk.
    pub fn dirty(&self) -> bool {
        self.save.revision != self.save.saved_revision
    }

    /// The selected index of a record list.
    pub fn selected(&self, kind: RecordKind) -> usize {
        self.cursor.selected[kind_slot(kind)]
    }

    /// Sets the selected index of a record list, clamped to the list.
    pub fn select(&mut self, kind: RecordKind, index: usize) {
        let len = kind.len(&self.incident);
        self.cursor.selected[kind_slot(kind)] = index.min(len.saturating_sub(1));
    }

    /// The text kept for a target because it could not be stored, with the reason.
    pub fn invalid_for(&self, target: Target) -> Option<Invalid> {
        let text = super::form::unparsed_text(&self.incident, target)?;
        Some(Invalid {
            target,
            text: text.to_string(),
            error: super::form::unparsed_error(&self.incident, target).unwrap_or_default(),
        })
    }

    /// How many values hold text that could not be stored.
    pub fn invalid_count(&self) -> usize {
        super::form::unparsed_targets(&self.incident).len()
    }
}

fn kind_slot(kind: RecordKind) -> usize {
    match kind {
        RecordKind::Timeline => 0,
        RecordKind::Factor => 1,
        RecordKind::Metric => 2,
        RecordKind::Action => 3,
    }
}
