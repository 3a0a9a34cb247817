//! The data of the meeting's overlays: the categories asked after the opening question
//! ([`super::went_well`]) and the presenter view ([`super::presenter`]).

/// The factors waiting for a category, and the one asked now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Categorise {
    /// Ids of the factors named in the opening, in order.
    pub ids: Vec<String>,
    /// Index into `ids` of the factor asked now.
    pub current: usize,
    /// The highlighted category (index into [`Category::ALL`]).
    pub selected: usize,
    /// How many got a category.
    pub set: usize,
}

/// The presenter view's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presenter {
    /// The guiding question shown (index into the section's questions).
    pub question: usize,
}
