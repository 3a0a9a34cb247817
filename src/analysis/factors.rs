//! Contributing factors: which are addressed by a follow-up action, and the factors grouped by
//! category (the bones of a fishbone diagram) or by effect.

use crate::model::{Action, ActionStatus, Category, Choice, Effect, Factor, Incident};

/// The actions that link factor `id` (every status, won't-do included), in list order.
/// A factor without an id cannot be linked and has none.
pub fn addressing_actions<'a>(incident: &'a Incident, id: &str) -> Vec<&'a Action> {
    if id.is_empty() {
        return Vec::new();
    }
    incident
        .actions
        .iter()
        .filter(|a| a.factors.iter().any(|f| f == id))
        .collect()
}

/// True when the factor needs nothing more: it did not make things worse, or an action that
/// is not "won't do" links it, or its `no_action` gives the reason none does.
///
/// A won't-do action is a decision against acting, so on its own it leaves the factor
/// unaddressed until the reason is written down in `no_action`.
pub fn is_addressed(incident: &Incident, factor: &Factor) -> bool {
    factor.effect != Some(Effect::Contributor)
        || !factor.no_action.trim().is_empty()
        || addressing_actions(incident, &factor.id)
            .iter()
            .any(|a| a.status_or_open() != ActionStatus::WontDo)
}

/// The factors that made things worse but have no action (other than won't-do) linking them
/// and no `no_action` reason, in list order.
pub fn unaddressed_factors(incident: &Incident) -> Vec<&Factor> {
    incident
        .factors
        .iter()
        .filter(|f| !is_addressed(incident, f))
        .collect()
}

/// Indices of the factors in each of the seven categories, in [`Category::ALL`] order (empty
/// categories included, so a diagram always has all its bones), then factors without a
/// category under `None` when there are any. Within a group, list order is kept.
pub fn by_category(incident: &Incident) -> Vec<(Option<Category>, Vec<usize>)> {
    groups(incident, Category::ALL, |f| f.category)
}

/// Indices of the factors by effect: made it worse, helped, luck (always all three), then
/// factors without an effect under `None` when there are any.
pub fn by_effect(incident: &Incident) -> Vec<(Option<Effect>, Vec<usize>)> {
    groups(incident, Effect::ALL, |f| f.effect)
}

fn groups<C: Choice>(
    incident: &Incident,
    all: &[C],
    key: impl Fn(&Factor) -> Option<C>,
) -> Vec<(Option<C>, Vec<usize>)> {
    let pick = |want: Option<C>| -> Vec<usize> {
        incident
            .factors
            .iter()
            .enumerate()
            .filter(|(_, f)| key(f) == want)
            .map(|(i, _)| i)
            .collect()
    };
    let mut out: Vec<(Option<C>, Vec<usize>)> =
        all.iter().map(|c| (Some(*c), pick(Some(*c)))).collect();
    let none = pick(None);
    if !none.is_empty() {
        out.push((None, none));
    }
    out
}

/// The first line of a text, trimmed: the short form of a description or title.
pub fn short(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// The fishbone's bones above the spine, left to right (the terminal UI and the HTML page
/// draw the same diagram).
pub const FISHBONE_TOP: [Category; 4] = [
    Category::Technical,
    Category::Tooling,
    Category::Process,
    Category::Communication,
];

/// The fishbone's bones below the spine, left to right.
pub const FISHBONE_BOTTOM: [Category; 3] = [
    Category::People,
    Category::Organizational,
    Category::External,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn factor(id: &str, effect: Effect, category: Option<Category>) -> Factor {
        Factor {
            id: id.into(),
            effect: Some(effect),
            category,
            description: format!("factor {id}"),
            ..Factor::default()
        }
    }

    fn action(id: &str, factors: &[&str], status: ActionStatus) -> Action {
        Action {
            id: id.into(),
            title: format!("Add the thing for {id}"),
            status: Some(status),
            factors: factors.iter().map(|f| f.to_string()).collect(),
            ..Action::default()
        }
    }

    fn incident() -> Incident {
        Incident {
            factors: vec![
                factor("F1", Effect::Contributor, Some(Category::Technical)),
                factor("F2", Effect::Contributor, Some(Category::Process)),
                factor("F3", Effect::Mitigator, Some(Category::Technical)),
                factor("F4", Effect::Contributor, None),
                factor("F5", Effect::Luck, Some(Category::External)),
            ],
            actions: vec![
                action("A1", &["F1"], ActionStatus::Open),
                action("A2", &["F2"], ActionStatus::WontDo),
            ],
            ..Incident::default()
        }
    }

    fn ids(factors: &[&Factor]) -> Vec<String> {
        factors.iter().map(|f| f.id.clone()).collect()
    }

    #[test]
    fn contributors_without_an_action_are_unaddressed() {
        let inc = incident();
        // F1 has an open action; F2 only a won't-do one; F4 none; F3 and F5 did not make
        // things worse.
        assert_eq!(ids(&unaddressed_factors(&inc)), ["F2", "F4"]);
    }

    #[test]
    fn a_reason_for_no_action_addresses_a_factor() {
        let mut inc = incident();
        inc.factors[1].no_action = "the drill schedule already covers it".into();
        inc.factors[3].no_action = "   ".into();
        assert_eq!(ids(&unaddressed_factors(&inc)), ["F4"]);
        inc.actions.push(action("A3", &["F4"], ActionStatus::Done));
        assert!(unaddressed_factors(&inc).is_empty());
    }

    #[test]
    fn a_factor_without_id_cannot_be_linked() {
        let mut inc = incident();
        inc.factors[0].id.clear();
        assert!(addressing_actions(&inc, "").is_empty());
        assert!(!is_addressed(&inc, &inc.factors[0]));
    }

    #[test]
    fn groups_keep_every_category_and_list_order() {
        let inc = incident();
        let cats = by_category(&inc);
        assert_eq!(cats.len(), 8);
        assert_eq!(cats[0], (Some(Category::Technical), vec![0, 2]));
        assert_eq!(cats[1], (Some(Category::Tooling), vec![]));
        assert_eq!(cats[7], (None, vec![3]));
        let effects = by_effect(&inc);
        assert_eq!(effects.len(), 3);
        assert_eq!(effects[0], (Some(Effect::Contributor), vec![0, 1, 3]));
        assert_eq!(effects[2], (Some(Effect::Luck), vec![4]));
        assert_eq!(short("\n  first line \nsecond"), "first line");
    }
}
