//! The overview and the seven sections of a retrospective, in order.

/// The overview and the seven sections of a retrospective, in order.
///
/// In files (the meeting agenda) each is written as its lowercase name: `overview`,
/// `stakeholders`, `monitoring`, `timeline`, `factors`, `technical`, `actions`, `narrative`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Title, severity, status, people, key moments.
    Overview,
    /// 1. Messages to stakeholders.
    Stakeholders,
    /// 2. Monitoring context.
    Monitoring,
    /// 3. Communication timeline.
    Timeline,
    /// 4. Contributing factors.
    Factors,
    /// 5. Technical analysis.
    Technical,
    /// 6. Follow-up actions.
    Actions,
    /// 7. Narrative.
    Narrative,
}

impl Section {
    /// All eight, overview first.
    pub const ALL: [Section; 8] = [
        Section::Overview,
        Section::Stakeholders,
        Section::Monitoring,
        Section::Timeline,
        Section::Factors,
        Section::Technical,
        Section::Actions,
        Section::Narrative,
    ];

    /// The seven retrospective sections, without the overview.
    pub const SEVEN: [Section; 7] = [
        Section::Stakeholders,
        Section::Monitoring,
        Section::Timeline,
        Section::Factors,
        Section::Technical,
        Section::Actions,
        Section::Narrative,
    ];

    /// 0 for the overview, 1..=7 for the sections (the jump key).
    pub fn number(self) -> usize {
        self as usize
    }

    /// The section with that number, if any.
    pub fn from_number(n: usize) -> Option<Section> {
        Section::ALL.get(n).copied()
    }

    /// The next section, staying on the last.
    pub fn next(self) -> Section {
        Section::from_number(self.number() + 1).unwrap_or(self)
    }

    /// The previous section, staying on the overview.
    pub fn prev(self) -> Section {
        self.number()
            .checked_sub(1)
            .and_then(Section::from_number)
            .unwrap_or(self)
    }

    /// A short name for narrow lists.
    pub fn short(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Stakeholders => "Messages",
            Section::Monitoring => "Monitoring",
            Section::Timeline => "Timeline",
            Section::Factors => "Factors",
            Section::Technical => "Technical",
            Section::Actions => "Actions",
            Section::Narrative => "Narrative",
        }
    }

    /// The section's title.
    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Stakeholders => "Messages to stakeholders",
            Section::Monitoring => "Monitoring context",
            Section::Timeline => "Communication timeline",
            Section::Factors => "Contributing factors",
            Section::Technical => "Technical analysis",
            Section::Actions => "Follow-up actions",
            Section::Narrative => "Narrative",
        }
    }
}
