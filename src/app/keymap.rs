//! Every key binding as data: the help overlay and the footer hints are generated from this
//! table, so what the screen says is what the keys do.

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

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::ALT,
    }
}

const fn shift(code: KeyCode) -> Key {
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

const fn bind(
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

use Command as C;
use Context::*;

/// The whole keymap, in the order the help overlay lists it.
pub const KEYMAP: &[Binding] = &[
    bind(
        Global,
        &[ctrl('s')],
        C::Save,
        "save the incident now",
        Some("save"),
    ),
    bind(
        Global,
        &[ctrl('c')],
        C::Quit,
        "quit (saves first; asks only when the save fails)",
        None,
    ),
    // Home
    bind(Home, &[ch('n')], C::New, "new incident", Some("new")),
    bind(
        Home,
        &[key(KeyCode::Enter)],
        C::Open,
        "open the selected incident",
        Some("open"),
    ),
    bind(
        Home,
        &[ch('/')],
        C::Filter,
        "filter by text (Esc clears)",
        Some("filter"),
    ),
    bind(
        Home,
        &[ch('d'), key(KeyCode::Delete)],
        C::Delete,
        "delete (moves the file to .trash/)",
        Some("delete"),
    ),
    bind(
        Home,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous incident",
        None,
    ),
    bind(
        Home,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next incident",
        None,
    ),
    bind(
        Home,
        &[key(KeyCode::Home), ch('g')],
        C::Home,
        "first incident",
        None,
    ),
    bind(
        Home,
        &[key(KeyCode::End), ch('G')],
        C::End,
        "last incident",
        None,
    ),
    bind(Home, &[key(KeyCode::PageUp)], C::PageUp, "page up", None),
    bind(
        Home,
        &[key(KeyCode::PageDown)],
        C::PageDown,
        "page down",
        None,
    ),
    bind(Home, &[ch('?')], C::Help, "show the keys", Some("help")),
    bind(Home, &[ch('q')], C::Quit, "quit", Some("quit")),
    // Incident
    bind(
        Incident,
        &[key(KeyCode::Tab)],
        C::NextField,
        "next field",
        Some("field"),
    ),
    bind(
        Incident,
        &[key(KeyCode::BackTab)],
        C::PrevField,
        "previous field",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next item or field",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous item or field",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::Home)],
        C::Home,
        "first item of the list",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::End)],
        C::End,
        "last item of the list",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::PageUp)],
        C::PageUp,
        "page up in the list",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::PageDown)],
        C::PageDown,
        "page down in the list",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::Enter), ch('e')],
        C::Open,
        "edit the field / open the record",
        Some("edit"),
    ),
    bind(
        Incident,
        &[ch('a')],
        C::Add,
        "add a record to the focused list",
        Some("add"),
    ),
    bind(
        Incident,
        &[ch('x'), key(KeyCode::Delete)],
        C::Delete,
        "delete the selected record (asks)",
        Some("delete"),
    ),
    bind(
        Incident,
        &[ch('u')],
        C::Undo,
        "bring back the record deleted last",
        None,
    ),
    bind(
        Incident,
        &[shift(KeyCode::Up), ch('K')],
        C::MoveUp,
        "move the record up",
        None,
    ),
    bind(
        Incident,
        &[shift(KeyCode::Down), ch('J')],
        C::MoveDown,
        "move the record down",
        None,
    ),
    bind(
        Incident,
        &[ch(']'), key(KeyCode::Right)],
        C::NextSection,
        "next section",
        Some("section"),
    ),
    bind(
        Incident,
        &[ch('['), key(KeyCode::Left)],
        C::PrevSection,
        "previous section",
        None,
    ),
    bind(Incident, &[ch('0')], C::Jump(0), "overview", None),
    bind(
        Incident,
        &[ch('1')],
        C::Jump(1),
        "1 messages to stakeholders",
        None,
    ),
    bind(
        Incident,
        &[ch('2')],
        C::Jump(2),
        "2 monitoring context",
        None,
    ),
    bind(
        Incident,
        &[ch('3')],
        C::Jump(3),
        "3 communication timeline",
        None,
    ),
    bind(
        Incident,
        &[ch('4')],
        C::Jump(4),
        "4 contributing factors",
        None,
    ),
    bind(
        Incident,
        &[ch('5')],
        C::Jump(5),
        "5 technical analysis",
        None,
    ),
    bind(
        Incident,
        &[ch('6')],
        C::Jump(6),
        "6 follow-up actions",
        None,
    ),
    bind(Incident, &[ch('7')], C::Jump(7), "7 narrative", None),
    bind(
        Incident,
        &[ch('g')],
        C::ToggleGuide,
        "show/hide guiding questions",
        Some("questions"),
    ),
    bind(
        Incident,
        &[ch('m')],
        C::Meeting,
        "meeting: start the clock, or show the agenda",
        None,
    ),
    bind(
        Incident,
        &[ch('l')],
        C::ToggleLint,
        "show/hide wording notes (⚑)",
        None,
    ),
    bind(
        Incident,
        &[ch('w')],
        C::AddWhy,
        "add a deeper \"why?\" to the selected factor",
        None,
    ),
    bind(
        Incident,
        &[ch('i')],
        C::IgnoreLint,
        "wording note on the focused field: ignore its rule there",
        None,
    ),
    bind(
        Incident,
        &[ch('v')],
        C::CycleView,
        "factors as list / fishbone / by effect",
        None,
    ),
    bind(
        Incident,
        &[ch('p')],
        C::Readiness,
        "readiness to publish (overview checklist)",
        None,
    ),
    bind(
        Incident,
        &[ch('I')],
        C::UnignoreLint,
        "check the focused field's wording again",
        None,
    ),
    bind(Incident, &[ch('?')], C::Help, "show the keys", Some("help")),
    bind(
        Incident,
        &[ch('f')],
        C::Import,
        "import from a file: chat messages (timeline), a metric series (monitoring)",
        None,
    ),
    bind(
        Incident,
        &[ch('E')],
        C::Export,
        "export: Markdown or HTML to a file, or Markdown to the clipboard",
        None,
    ),
    bind(
        Incident,
        &[ch('P')],
        C::Presenter,
        "presenter view of the meeting, for a shared screen",
        None,
    ),
    bind(
        Incident,
        &[key(KeyCode::Esc), ch('q')],
        C::Back,
        "back to the incident list",
        Some("back"),
    ),
    // A timeline row
    bind(
        TimelineRow,
        &[ch('1')],
        C::Moment(1),
        "key moment: impact started (again: clear it)",
        Some("moment"),
    ),
    bind(
        TimelineRow,
        &[ch('2')],
        C::Moment(2),
        "key moment: detected (again: clear it)",
        Some("moment"),
    ),
    bind(
        TimelineRow,
        &[ch('3')],
        C::Moment(3),
        "key moment: declared (again: clear it)",
        Some("moment"),
    ),
    bind(
        TimelineRow,
        &[ch('4')],
        C::Moment(4),
        "key moment: mitigated (again: clear it)",
        Some("moment"),
    ),
    bind(
        TimelineRow,
        &[ch('5')],
        C::Moment(5),
        "key moment: resolved (again: clear it)",
        Some("moment"),
    ),
    // Record
    bind(
        Record,
        &[key(KeyCode::Tab)],
        C::NextField,
        "next field",
        None,
    ),
    bind(
        Record,
        &[key(KeyCode::BackTab)],
        C::PrevField,
        "previous field",
        None,
    ),
    bind(
        Record,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next \"why?\" of the chain, or next field",
        None,
    ),
    bind(
        Record,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous \"why?\", or previous field",
        None,
    ),
    bind(
        Record,
        &[key(KeyCode::Enter), ch('e')],
        C::Open,
        "edit the field (Space flips yes/no)",
        Some("edit"),
    ),
    bind(
        Record,
        &[key(KeyCode::Char(' '))],
        C::Tick,
        "flip a yes/no field",
        None,
    ),
    bind(
        Record,
        &[ch(']')],
        C::NextSection,
        "next record",
        Some("next"),
    ),
    bind(Record, &[ch('[')], C::PrevSection, "previous record", None),
    bind(
        Record,
        &[ch('x')],
        C::Delete,
        "delete this record, or the selected \"why?\" (asks)",
        None,
    ),
    bind(
        Record,
        &[ch('w')],
        C::AddWhy,
        "add a deeper \"why?\" (contributing factor)",
        None,
    ),
    bind(
        Record,
        &[ch('m')],
        C::Meeting,
        "meeting: start the clock, or show the agenda",
        None,
    ),
    bind(
        Record,
        &[ch('l')],
        C::ToggleLint,
        "show/hide wording notes (⚑)",
        None,
    ),
    bind(
        Record,
        &[ch('i')],
        C::IgnoreLint,
        "wording note on the focused field: ignore its rule there",
        None,
    ),
    bind(
        Record,
        &[ch('I')],
        C::UnignoreLint,
        "check the focused field's wording again",
        None,
    ),
    bind(Record, &[ch('?')], C::Help, "show the keys", Some("help")),
    bind(
        Record,
        &[ch('f')],
        C::Import,
        "import a metric series from a file into this metric",
        None,
    ),
    bind(
        Record,
        &[key(KeyCode::Esc), ch('q')],
        C::Back,
        "close the record",
        Some("close"),
    ),
    // Editing
    bind(
        Editing,
        &[key(KeyCode::Esc)],
        C::Finish,
        "stop editing, keep the text",
        Some("done"),
    ),
    bind(
        Editing,
        &[key(KeyCode::Tab)],
        C::FinishNext,
        "keep the text, next field",
        Some("next"),
    ),
    bind(
        Editing,
        &[key(KeyCode::BackTab)],
        C::FinishPrev,
        "keep the text, previous field",
        None,
    ),
    bind(
        Editing,
        &[ctrl('e')],
        C::EditExternally,
        "a long text: edit it in $VISUAL / $EDITOR (a one-line field: end of line)",
        None,
    ),
    bind(
        Editing,
        &[ctrl('u')],
        C::KillToStart,
        "delete to the start of the line",
        None,
    ),
    bind(
        Editing,
        &[ctrl('k')],
        C::KillToEnd,
        "delete to the end of the line",
        None,
    ),
    bind(
        Editing,
        &[ctrl('w')],
        C::KillWord,
        "delete back to the previous blank (Alt-Backspace: the word before)",
        None,
    ),
    bind(
        Editing,
        &[alt('b')],
        C::WordBack,
        "back to the start of a word (also Ctrl-←)",
        None,
    ),
    bind(
        Editing,
        &[alt('f')],
        C::WordForward,
        "forward to the end of a word (also Ctrl-→)",
        None,
    ),
    // Picker
    bind(Picker, &[key(KeyCode::Up)], C::Up, "previous option", None),
    bind(Picker, &[key(KeyCode::Down)], C::Down, "next option", None),
    bind(
        Picker,
        &[key(KeyCode::Char(' '))],
        C::Tick,
        "tick / untick (lists of links)",
        None,
    ),
    bind(
        Picker,
        &[key(KeyCode::Enter)],
        C::Choose,
        "choose",
        Some("choose"),
    ),
    bind(
        Picker,
        &[key(KeyCode::Esc)],
        C::Back,
        "cancel",
        Some("cancel"),
    ),
    // Viewer
    bind(
        Viewer,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "scroll up",
        None,
    ),
    bind(
        Viewer,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "scroll down",
        None,
    ),
    bind(Viewer, &[key(KeyCode::PageUp)], C::PageUp, "page up", None),
    bind(
        Viewer,
        &[key(KeyCode::PageDown), key(KeyCode::Char(' '))],
        C::PageDown,
        "page down",
        None,
    ),
    bind(
        Viewer,
        &[ch('r')],
        C::FixId,
        "a copied file whose id is another's: set its id to its file name",
        None,
    ),
    bind(
        Viewer,
        &[key(KeyCode::Esc), ch('q')],
        C::Back,
        "back",
        Some("back"),
    ),
    // Agenda
    bind(
        Agenda,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous agenda item",
        None,
    ),
    bind(
        Agenda,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next agenda item",
        None,
    ),
    bind(
        Agenda,
        &[ch('+'), ch('=')],
        C::Longer,
        "one minute more for the item",
        Some("minute"),
    ),
    bind(
        Agenda,
        &[ch('-')],
        C::Shorter,
        "one minute less for the item",
        None,
    ),
    bind(
        Agenda,
        &[
            ch('0'),
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9'),
        ],
        C::TypeMinutes,
        "type the item's minutes (then Enter)",
        None,
    ),
    bind(
        Agenda,
        &[key(KeyCode::Backspace)],
        C::EraseMinute,
        "erase the last minute digit typed",
        None,
    ),
    bind(
        Agenda,
        &[key(KeyCode::Enter)],
        C::Choose,
        "go to the item (or set the minutes typed)",
        Some("go"),
    ),
    bind(
        Agenda,
        &[ch('e')],
        C::EndMeeting,
        "end the meeting (the summary stays)",
        None,
    ),
    bind(
        Agenda,
        &[ch('r')],
        C::Resume,
        "resume an ended meeting",
        None,
    ),
    bind(
        Agenda,
        &[ch('n')],
        C::New,
        "new meeting: clear the clock, keep the timeboxes",
        None,
    ),
    bind(
        Agenda,
        &[ch('x')],
        C::Delete,
        "discard the meeting's clock (asks; timeboxes stay)",
        None,
    ),
    bind(
        Agenda,
        &[key(KeyCode::Esc), ch('q'), ch('m')],
        C::Back,
        "close the agenda (the clock goes on)",
        Some("close"),
    ),
    // Filtering the list (other keys type into the filter)
    bind(
        Filter,
        &[key(KeyCode::Enter)],
        C::Finish,
        "keep the filter",
        Some("keep filter"),
    ),
    bind(
        Filter,
        &[key(KeyCode::Esc)],
        C::Back,
        "clear the filter",
        Some("clear"),
    ),
    bind(
        Filter,
        &[key(KeyCode::Up)],
        C::Up,
        "previous match",
        Some("move"),
    ),
    bind(Filter, &[key(KeyCode::Down)], C::Down, "next match", None),
    // New incident (other keys type the title)
    bind(
        NewIncident,
        &[key(KeyCode::Enter)],
        C::Finish,
        "create the incident",
        Some("create"),
    ),
    bind(
        NewIncident,
        &[key(KeyCode::Esc)],
        C::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(
        NewIncident,
        &[key(KeyCode::Tab), key(KeyCode::Down)],
        C::NextField,
        "the title / when it started",
        Some("title/start"),
    ),
    bind(
        NewIncident,
        &[key(KeyCode::BackTab), key(KeyCode::Up)],
        C::PrevField,
        "the other field",
        None,
    ),
    // Meeting opening (other keys type the line)
    bind(
        Opening,
        &[key(KeyCode::Enter)],
        C::Finish,
        "add the line as a factor that helped; on an empty line, go on",
        Some("add"),
    ),
    bind(
        Opening,
        &[key(KeyCode::Esc)],
        C::Back,
        "go on to the agenda",
        Some("go on"),
    ),
    bind(
        Opening,
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        C::NextAnswer,
        "add the line and start the next one (as Enter)",
        None,
    ),
    // After the opening: categories (1–7 pick one directly)
    bind(
        Categorise,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous category",
        None,
    ),
    bind(
        Categorise,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next category",
        None,
    ),
    bind(
        Categorise,
        &[key(KeyCode::Enter)],
        C::Choose,
        "set the category, next factor",
        Some("set"),
    ),
    bind(
        Categorise,
        &[ch('s'), key(KeyCode::Tab)],
        C::Skip,
        "leave this factor without a category",
        Some("skip"),
    ),
    bind(
        Categorise,
        &[key(KeyCode::Esc)],
        C::Back,
        "leave the rest without a category (set it later in section 4)",
        Some("later"),
    ),
    // Presenter view
    bind(
        Presenter,
        &[key(KeyCode::Down), ch('j'), key(KeyCode::Char(' '))],
        C::Down,
        "next question for the room",
        Some("question"),
    ),
    bind(
        Presenter,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous question",
        None,
    ),
    bind(
        Presenter,
        &[ch(']'), key(KeyCode::Right)],
        C::NextSection,
        "next section (the clock follows)",
        Some("section"),
    ),
    bind(
        Presenter,
        &[ch('['), key(KeyCode::Left)],
        C::PrevSection,
        "previous section",
        None,
    ),
    bind(
        Presenter,
        &[ch('P'), key(KeyCode::Esc), ch('q')],
        C::Back,
        "back to the incident",
        Some("back"),
    ),
    // Exporting
    bind(
        ExportMenu,
        &[ch('m')],
        C::ExportMarkdown,
        "Markdown to a file",
        None,
    ),
    bind(
        ExportMenu,
        &[ch('h')],
        C::ExportHtml,
        "HTML page to a file",
        None,
    ),
    bind(
        ExportMenu,
        &[ch('c')],
        C::CopyMarkdown,
        "Markdown to the clipboard (OSC 52; the terminal must support it)",
        None,
    ),
    bind(
        ExportMenu,
        &[ch('a')],
        C::Audience,
        "internal or customer-facing version",
        Some("version"),
    ),
    bind(
        ExportMenu,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous choice",
        None,
    ),
    bind(
        ExportMenu,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next choice",
        None,
    ),
    bind(
        ExportMenu,
        &[key(KeyCode::Enter)],
        C::Choose,
        "export as highlighted",
        Some("export"),
    ),
    bind(
        ExportMenu,
        &[key(KeyCode::Esc), ch('q')],
        C::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(
        ExportPath,
        &[key(KeyCode::Enter)],
        C::Choose,
        "write the file (asks before replacing one)",
        Some("write"),
    ),
    bind(
        ExportPath,
        &[key(KeyCode::Esc)],
        C::Back,
        "back to the choices",
        Some("back"),
    ),
    // A question
    bind(Confirm, &[ch('y'), ch('Y')], C::Yes, "yes", Some("yes")),
    bind(
        Confirm,
        &[ch('n'), ch('N')],
        C::No,
        "no (where the question offers it)",
        Some("no"),
    ),
    bind(
        Confirm,
        &[key(KeyCode::Esc), ch('c')],
        C::Back,
        "cancel",
        Some("cancel"),
    ),
    // The key list
    bind(
        Help,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(Help, &[key(KeyCode::Up), ch('k')], C::Up, "scroll up", None),
    bind(
        Help,
        &[key(KeyCode::PageDown), ch(' ')],
        C::PageDown,
        "a page down",
        None,
    ),
    bind(Help, &[key(KeyCode::PageUp)], C::PageUp, "a page up", None),
    bind(
        Help,
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        C::Back,
        "close (so does any other key)",
        Some("close"),
    ),
    // Importing
    bind(
        ImportPath,
        &[key(KeyCode::Enter)],
        C::Choose,
        "read the file (`PATH #channel` picks a channel)",
        Some("read"),
    ),
    bind(
        ImportPath,
        &[key(KeyCode::Tab)],
        C::Complete,
        "complete the path",
        Some("complete"),
    ),
    bind(
        ImportPath,
        &[key(KeyCode::Esc)],
        C::Back,
        "cancel",
        Some("cancel"),
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Char(' '))],
        C::Tick,
        "tick or untick the message",
        Some("tick"),
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Enter)],
        C::Choose,
        "add the ticked messages to the timeline",
        Some("add"),
    ),
    bind(
        ImportPreview,
        &[ch('a')],
        C::SelectAll,
        "tick every message shown",
        Some("all"),
    ),
    bind(
        ImportPreview,
        &[ch('u')],
        C::SelectNone,
        "untick every message shown",
        Some("none"),
    ),
    bind(
        ImportPreview,
        &[ch('r')],
        C::MarkRange,
        "tick a range: r on the first message, r on the last",
        Some("range"),
    ),
    bind(
        ImportPreview,
        &[ch('/')],
        C::Filter,
        "filter by text (Enter or Esc ends typing)",
        Some("filter"),
    ),
    bind(
        ImportPreview,
        &[ch('b')],
        C::ToggleBots,
        "show or hide bots",
        Some("bots"),
    ),
    bind(
        ImportPreview,
        &[ch('m')],
        C::SetMoment,
        "set the next key moment on the message",
        Some("moment"),
    ),
    bind(
        ImportPreview,
        &[ch('n')],
        C::MarkInternal,
        "mark the message internal-only",
        Some("internal"),
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Up), ch('k')],
        C::Up,
        "previous message",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Down), ch('j')],
        C::Down,
        "next message",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::PageUp)],
        C::PageUp,
        "page up",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::PageDown)],
        C::PageDown,
        "page down",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Home), ch('g')],
        C::Home,
        "first message",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::End), ch('G')],
        C::End,
        "last message",
        None,
    ),
    bind(
        ImportPreview,
        &[key(KeyCode::Esc), ch('q')],
        C::Back,
        "cancel (nothing is added)",
        Some("cancel"),
    ),
];

/// Keys that are typed rather than bound, listed in the help overlay under their context.
pub const TYPED_KEYS: &[(Context, &str, &str)] = &[
    (
        Editing,
        "Enter",
        "finish a one-line field; a new line in a text. In a record just added (a): the next of its main fields, and after the last a new record",
    ),
    (
        Editing,
        "Alt-Enter / Ctrl-J",
        "a new line in a text (where Enter goes on to the next field)",
    ),
    (
        Editing,
        "Esc (record just added)",
        "on a record with nothing typed yet: close it, and it is not kept",
    ),
    (Editing, "Ctrl-Z / Ctrl-Y", "undo / redo"),
    (Categorise, "1–7", "set that category"),
    (
        ExportPath,
        "letters",
        "type the path (relative to the current directory)",
    ),
    (
        Filter,
        "letters",
        "type the filter (id, title, severity, status, service)",
    ),
    (
        NewIncident,
        "letters",
        "type the title, then (Tab) when it started",
    ),
    (
        NewIncident,
        "started",
        "14:02 (today, or yesterday if still to come), yesterday 23:10, 2026-11-30 09:15, a date; ~14:02 or 14:02? if approximate; empty is now",
    ),
    (Opening, "letters", "type what went well"),
];

/// One line of the help overlay.
#[derive(Clone, Copy, Debug)]
pub enum HelpRow {
    /// A context's heading.
    Heading(Context),
    /// A binding: its keys and what it does.
    Binding(&'static Binding),
    /// A typed key: its label and what it does.
    Typed(&'static str, &'static str),
    /// A blank line between contexts.
    Blank,
}

/// The help overlay's lines, context by context in [`Context::ALL`] order.
pub fn help_rows() -> Vec<HelpRow> {
    let mut rows = Vec::new();
    for context in Context::ALL {
        if !rows.is_empty() {
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading(context));
        rows.extend(
            KEYMAP
                .iter()
                .filter(|b| b.context == context)
                .map(HelpRow::Binding),
        );
        rows.extend(
            TYPED_KEYS
                .iter()
                .filter(|(c, _, _)| *c == context)
                .map(|(_, k, d)| HelpRow::Typed(k, d)),
        );
    }
    rows
}

/// The help overlay's first line when opened from `context`: its heading, so `?` shows the
/// keys of the screen it was pressed on first.
pub fn help_start(context: Context) -> usize {
    help_rows()
        .iter()
        .position(|r| matches!(r, HelpRow::Heading(c) if *c == context))
        .unwrap_or(0)
}

/// The command bound to `event` in `context`, looking at global bindings first, then the
/// context's own, then its [`Context::parent`]'s.
pub fn lookup(context: Context, event: &KeyEvent) -> Option<Command> {
    let find = |c: Context| {
        KEYMAP
            .iter()
            .filter(|b| b.context == c)
            .find(|b| b.keys.iter().any(|k| k.matches(event)))
            .map(|b| b.command)
    };
    find(Global)
        .or_else(|| find(context))
        .or_else(|| context.parent().and_then(find))
}

/// Footer hints for a context: `(key label, word)` pairs in table order, the context's own
/// first, then its parent's, then the global ones. Neighbouring rows with the same word are
/// one hint: `1`…`5` "moment" show as `1–5 moment`.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut last: Option<String> = None;
    let rows = KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .chain(
            KEYMAP
                .iter()
                .filter(|b| Some(b.context) == context.parent()),
        )
        .chain(
            KEYMAP
                .iter()
                .filter(|b| b.context == Global && context.shows_global_hints()),
        );
    for b in rows {
        let (Some(key), Some(word)) = (b.keys.first(), b.hint) else {
            last = None;
            continue;
        };
        let label = key.label();
        match out.last_mut() {
            Some((first, w)) if *w == word && last.is_some() => {
                let start = first.split('–').next().unwrap_or(first).to_string();
                *first = format!("{start}–{label}");
            }
            _ => out.push((label.clone(), word)),
        }
        last = Some(label);
    }
    out
}

/// The first key bound to `command` in `context`, as hints write it (`m`, `Enter`), or
/// nothing when it has none there.
pub fn lookup_keys(context: Context, command: Command) -> String {
    KEYMAP
        .iter()
        .find(|b| b.context == context && b.command == command)
        .and_then(|b| b.keys.first())
        .map(Key::label)
        .unwrap_or_default()
}

/// All keys of a binding, written for the help overlay: `Tab / ↓ / j`.
pub fn keys_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .map(Key::label)
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn global_keys_win_everywhere() {
        let ctrl_s = press(KeyCode::Char('s'), KeyModifiers::CONTROL);
        for ctx in [Home, Incident, Record, Editing, Picker] {
            assert_eq!(lookup(ctx, &ctrl_s), Some(C::Save));
        }
    }

    #[test]
    fn shifted_characters_match_their_character() {
        let big_k = press(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &big_k), Some(C::MoveUp));
        let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &back_tab), Some(C::PrevField));
        let shift_up = press(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(lookup(Incident, &shift_up), Some(C::MoveUp));
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for a in KEYMAP {
            for b in KEYMAP {
                if std::ptr::eq(a, b) || a.context != b.context {
                    continue;
                }
                for k in a.keys {
                    assert!(
                        !b.keys.contains(k),
                        "{:?} bound twice in {:?}",
                        k,
                        a.context
                    );
                }
            }
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let home: Vec<_> = hints(Home)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(
            home,
            [
                "n new",
                "Enter open",
                "/ filter",
                "d delete",
                "? help",
                "q quit"
            ]
        );
        assert_eq!(Key::label(&ctrl('s')), "Ctrl-S");
    }

    #[test]
    fn a_timeline_row_has_moment_keys_over_the_incident_keys() {
        let one = press(KeyCode::Char('1'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &one), Some(C::Moment(1)));
        assert_eq!(lookup(Incident, &one), Some(C::Jump(1)));
        let six = press(KeyCode::Char('6'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &six), Some(C::Jump(6)));
        let add = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(lookup(TimelineRow, &add), Some(C::Add));
        let row: Vec<_> = hints(TimelineRow)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect();
        assert_eq!(row[0], "1–5 moment");
        assert!(row.contains(&"a add".to_string()), "{row:?}");
        assert!(row.contains(&"Ctrl-S save".to_string()), "{row:?}");
    }
}
