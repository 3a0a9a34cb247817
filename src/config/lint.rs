//! The lint's side of the configuration: the team's extra words to flag and the rules it
//! switches off, applied to the findings after the lint has run.

use serde::{Deserialize, Serialize};

use crate::lint::{Finding, Rule, text_fields};
use crate::model::Incident;

/// `[lint]`: extra words and switched-off rules, for every incident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LintConfig {
    /// Words or phrases to flag besides the built-in lists, as whole words ignoring case
    /// (rule `custom-word`, like an incident's own `[lint] words`).
    pub words: Vec<String>,
    /// Rule ids never reported (`root-cause`, `postmortem`, …; see `retro lint`).
    pub off: Vec<Rule>,
}

impl LintConfig {
    /// True when it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| w.trim().is_empty()) && self.off.is_empty()
    }

    /// The lint's `findings` for `incident` with this configuration applied: the extra words'
    /// findings added (an incident's own word at the same place is not doubled), in field
    /// order then text order, and the switched-off rules' findings left out.
    pub fn apply(&self, incident: &Incident, mut findings: Vec<Finding>) -> Vec<Finding> {
        if self.is_empty() {
            return findings;
        }
        let extra = crate::lint::extra_words::find(incident, &self.words);
        if !extra.is_empty() {
            let order: std::collections::HashMap<String, usize> = text_fields(incident)
                .into_iter()
                .enumerate()
                .map(|(i, f)| (f.path(), i))
                .collect();
            for f in extra {
                let twin = findings.iter().any(|g| {
                    g.rule == f.rule && g.field == f.field && g.start == f.start && g.end == f.end
                });
                if !twin {
                    findings.push(f);
                }
            }
            findings.sort_by_key(|f| (order.get(&f.field).copied().unwrap_or(usize::MAX), f.start));
        }
        findings.retain(|f| !self.off.contains(&f.rule));
        findings
    }

    /// A short fingerprint of what it changes, for caches of lint results (`-` when empty).
    pub fn fingerprint(&self) -> String {
        use std::hash::{Hash, Hasher};
        if self.is_empty() {
            return "-".into();
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        format!("{:016x}", h.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident() -> Incident {
        let mut inc = Incident {
            title: "Cowboy deploy after the postmortem".into(),
            ..Incident::default()
        };
        inc.narrative.text = "The root cause was a cowboy change.".into();
        inc
    }

    #[test]
    fn extra_words_are_added_in_field_order() {
        let inc = incident();
        let base = crate::lint::lint_incident(&inc);
        let config = LintConfig {
            words: vec!["cowboy".into()],
            off: Vec::new(),
        };
        let all = config.apply(&inc, base.clone());
        assert_eq!(all.len(), base.len() + 2, "{all:?}");
        let custom: Vec<&str> = all
            .iter()
            .filter(|f| f.rule == Rule::CustomWord)
            .map(|f| f.field.as_str())
            .collect();
        assert_eq!(custom, ["title", "narrative.text"]);
        assert_eq!(all[0].field, "title");
    }

    #[test]
    fn switched_off_rules_are_left_out() {
        let inc = incident();
        let base = crate::lint::lint_incident(&inc);
        assert!(base.iter().any(|f| f.rule == Rule::Postmortem));
        let config = LintConfig {
            words: Vec::new(),
            off: vec![Rule::Postmortem, Rule::RootCause],
        };
        let left = config.apply(&inc, base);
        assert!(
            left.iter().all(|f| f.kind() != crate::lint::Kind::Style),
            "{left:?}"
        );
        assert_ne!(config.fingerprint(), LintConfig::default().fingerprint());
    }
}
