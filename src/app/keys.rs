//! The words of the keymap: where a binding applies ([`Context`]), what it does
//! ([`Command`]), a key with its modifiers ([`Key`]) and one row ([`Binding`]); the rows
//! themselves are in [`super::keymap_table`].

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, including while editing a text field.
    Global,
    /// The list of incidents.
    Home,
    /// An incident, moving between fields (no text field being edited).
    Incident,
    /// A timeline row selected in the list (over [`Context::Incident`], whose keys work too).
    TimelineRow,
    /// Inside an open record (timeline entry, factor, metric, action).
    Record,
    /// Editing a text field.
    Editing,
    /// A list of options to pick from.
    Picker,
    /// A read-only view of a file's text.
    Viewer,
    /// The meeting's agenda (over an open incident).
    Agenda,
    /// Typing the filter of the incident list.
    Filter,
    /// Typing a new incident's title.
    NewIncident,
    /// The meeting's opening question: what went well.
    Opening,
    /// A yes/no question.
    Confirm,
    /// The key list itself.
    Help,
    /// The import overlay's path prompt.
    ImportPath,
    /// The import overlay's preview of candidate messages.
    ImportPreview,
    /// The export overlay: what and where.
    ExportMenu,
    /// The export overlay's path prompt.
    ExportPath,
    /// After the meeting's opening: a category for each factor that helped.
    Categorise,
    /// The meeting's presenter view, for the shared screen.
    Presenter,
}

impl Context {
    /// True where the global keys (save) work and are worth a hint: not on the list, and not
    /// in the small prompts and questions that take every key themselves.
    pub fn shows_global_hints(self) -> bool {
        !matches!(
            self,
            Context::Home
                | Context::Filter
                | Context::NewIncident
                | Context::Confirm
                | Context::Help
        )
    }

    /// Every context, in the order the help overlay lists them.
    pub const ALL: [Context; 20] = [
        Context::Global,
        Context::Home,
        Context::Filter,
        Context::NewIncident,
        Context::Incident,
        Context::TimelineRow,
        Context::Record,
        Context::Agenda,
        Context::Opening,
        Context::Categorise,
        Context::Presenter,
        Context::ExportMenu,
        Context::ExportPath,
        Context::ImportPath,
        Context::ImportPreview,
        Context::Editing,
        Context::Picker,
        Context::Confirm,
        Context::Viewer,
        Context::Help,
    ];
}

impl Context {
    /// The context whose keys also work here, after this one's own.
    pub fn parent(self) -> Option<Context> {
        match self {
            Context::TimelineRow => Some(Context::Incident),
            _ => None,
        }
    }

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Home => "Incident list",
            Context::Incident => "Incident",
            Context::TimelineRow => "Timeline row (and the incident's keys)",
            Context::Record => "Open record",
            Context::Editing => "Editing a field",
            Context::Picker => "Picking an option",
            Context::Viewer => "Viewing a file",
            Context::Agenda => "Meeting agenda",
            Context::Filter => "Filtering the list",
            Context::NewIncident => "New incident",
            Context::Opening => "Meeting opening: what went well",
            Context::Confirm => "A question",
            Context::Help => "This key list",
            Context::ImportPath => "Importing: the file",
            Context::ImportPreview => "Importing: choosing messages",
            Context::ExportMenu => "Exporting",
            Context::ExportPath => "Exporting: the file",
            Context::Categorise => "Meeting opening: categories of what helped",
            Context::Presenter => "Presenter view (meeting)",
        }
    }
}

/// What a key asks the program to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Save the open incident.
    Save,
    /// Show or hide the key list.
    Help,
    /// Leave the program (asks when there are unsaved changes).
    Quit,
    /// Go back one level: close a record, leave the incident, cancel.
    Back,
    /// Create a new incident.
    New,
    /// Open the selected incident or record; edit the focused field.
    Open,
    /// Filter the list by text.
    Filter,
    /// Delete the selected incident or record (asks first).
    Delete,
    /// Move the selection or focus up.
    Up,
    /// Move the selection or focus down.
    Down,
    /// Next field.
    NextField,
    /// Previous field.
    PrevField,
    /// First item.
    Home,
    /// Last item.
    End,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// Add a record to the focused list.
    Add,
    /// Move the selected record up in its list.
    MoveUp,
    /// Move the selected record down in its list.
    MoveDown,
    /// Next section.
    NextSection,
    /// Previous section.
    PrevSection,
    /// Jump to the overview (0) or a section (1–7).
    Jump(u8),
    /// Set (or clear) key moment 1–5 on the selected timeline entry.
    Moment(u8),
    /// Show or hide the guiding questions.
    ToggleGuide,
    /// Finish editing the field, keeping the text.
    Finish,
    /// Finish editing and go to the next field.
    FinishNext,
    /// Finish editing and go to the previous field.
    FinishPrev,
    /// Choose the highlighted option.
    Choose,
    /// Tick or untick the highlighted option.
    Tick,
    /// Start a meeting, or show its agenda.
    Meeting,
    /// One more minute for the highlighted agenda item.
    Longer,
    /// One minute less for the highlighted agenda item.
    Shorter,
    /// End the meeting.
    EndMeeting,
    /// Resume an ended meeting.
    Resume,
    /// Add a deeper "why?" to the selected or open contributing factor and edit it.
    AddWhy,
    /// Show the contributing factors as a list, a fishbone, or grouped by effect.
    CycleView,
    /// Show the readiness checklist (in the overview).
    Readiness,
    /// Show or hide the wording notes of the section.
    ToggleLint,
    /// Switch off the focused wording note's rule for its field.
    IgnoreLint,
    /// Switch the wording checks on again for the focused field.
    UnignoreLint,
    /// Bring back the record deleted last.
    Undo,
    /// Answer yes.
    Yes,
    /// Answer no (where it differs from cancelling).
    No,
    /// Import messages into the timeline from an export file.
    Import,
    /// Set a file's inner id to its file name.
    FixId,
    /// Type a digit of the agenda item's minutes.
    TypeMinutes,
    /// Erase the last digit typed.
    EraseMinute,
    /// The next answer to the opening question (as Enter).
    NextAnswer,
    /// Complete the path typed so far.
    Complete,
    /// Tick every message shown.
    SelectAll,
    /// Untick every message shown.
    SelectNone,
    /// Mark the first, then the last message of a range to tick.
    MarkRange,
    /// Show or hide messages from bots.
    ToggleBots,
    /// Set the next key moment on the highlighted message.
    SetMoment,
    /// Mark the highlighted message internal-only.
    MarkInternal,
    /// Export the incident (Markdown, HTML, clipboard).
    Export,
    /// Export as Markdown to a file.
    ExportMarkdown,
    /// Export as an HTML page to a file.
    ExportHtml,
    /// Copy the Markdown to the clipboard (OSC 52).
    CopyMarkdown,
    /// Switch between the internal and the customer-facing document.
    Audience,
    /// Edit the long text in `$VISUAL` / `$EDITOR`.
    EditExternally,
    /// Delete back to the start of the line (the editor does it; listed for the key list).
    KillToStart,
    /// Delete to the end of the line (the editor does it).
    KillToEnd,
    /// Delete back to the previous blank (the editor does it).
    KillWord,
    /// Back to the start of a word (the editor does it).
    WordBack,
    /// Forward to the end of a word (the editor does it).
    WordForward,
    /// Show the meeting's presenter view, or leave it.
    Presenter,
    /// Leave this one as it is and go on to the next.
    Skip,
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt, Shift.
    pub modifiers: KeyModifiers,
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::ALT,
    }
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::SHIFT,
    }
}

impl Key {
    /// True when the event is this key. Shift on a character is already in the character.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mut mods = event.modifiers;
        if matches!(event.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        if event.code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        self.code == event.code && self.modifiers == mods
    }

    /// How the key is written in hints: `Ctrl-S`, `Enter`, `Shift-↑`, `a`.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out + &base
    }
}

/// One line of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, the first being the one shown in hints.
    pub keys: &'static [Key],
    /// What it does.
    pub command: Command,
    /// Description for the help overlay.
    pub help: &'static str,
    /// Short word for the footer, if it is worth a place there.
    pub hint: Option<&'static str>,
}

/// A row or key of the table (see [`super::keymap_table`]).
pub const fn bind(
    context: Context,
    keys: &'static [Key],
    command: Command,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        command,
        help,
        hint,
    }
}
