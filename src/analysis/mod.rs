//! Analysis of a retrospective, pure and without I/O: which contributing factors still lack a
//! follow-up action, which actions will not hold up (no owner, no due date, a vague title),
//! which are overdue, and whether the document is ready to publish.
//!
//! Everything here is a function of an [`crate::model::Incident`] (and, where time matters,
//! a `today` passed in), so the terminal UI and the command line give the same answers.

pub mod actions;
pub mod factors;
pub mod readiness;
pub mod requirements;

pub use actions::{ActionProblem, action_problems, overdue_actions, title_problem};
pub use factors::{
    addressing_actions, by_category, by_effect, is_addressed, short, unaddressed_factors,
};
pub use readiness::{Check, CheckKind, Readiness, readiness};
pub use requirements::{ReadinessRules, Requirements};
