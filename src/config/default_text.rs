//! The default configuration as a commented TOML file (`retro config --print-default`),
//! built from [`Config::default`] so the two cannot drift apart: parsed back, it is the
//! defaults (tested).

use std::fmt::Write;

use super::Config;
use super::severity::SeverityNames;
use crate::analysis::Requirements;
use crate::model::{Choice, Section, Severity};

/// A TOML string literal.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A TOML array of words: `["a", "b"]`.
fn words<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(quoted).collect();
    format!("[{}]", items.join(", "))
}

fn serde_word<T: serde::Serialize>(value: &T) -> String {
    match toml::Value::try_from(value) {
        Ok(toml::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn requirements(out: &mut String, level: Severity, r: &Requirements) {
    let _ = writeln!(out, "[ready.{}]", level.as_str());
    let sections = |list: &[Section]| words(list.iter().map(|s| section_word(*s)));
    let _ = writeln!(out, "complete = {}", sections(&r.complete));
    let _ = writeln!(out, "started = {}", sections(&r.started));
    let moments: Vec<&str> = r.moments.iter().map(|m| m.as_str()).collect();
    let _ = writeln!(out, "moments = {}", words(moments.into_iter()));
    let _ = writeln!(out, "customer_message = {}", r.customer_message);
    let _ = writeln!(out, "factors_addressed = {}", r.factors_addressed);
    let _ = writeln!(out, "action_or_reason = {}", r.action_or_reason);
    let _ = writeln!(out, "lint = {}", r.lint);
    out.push('\n');
}

fn section_word(section: Section) -> &'static str {
    match section {
        Section::Overview => "overview",
        Section::Stakeholders => "stakeholders",
        Section::Monitoring => "monitoring",
        Section::Timeline => "timeline",
        Section::Factors => "factors",
        Section::Technical => "technical",
        Section::Actions => "actions",
        Section::Narrative => "narrative",
    }
}

/// The text of the default configuration, with a comment on every part.
pub fn default_text() -> String {
    let c = Config::default();
    let mut out = String::new();
    out.push_str(
        "# retro's configuration. Every key may be left out: its default (shown here) applies.\n\
         # A key retro does not know is an error, reported with its line and column, and retro\n\
         # then starts with the defaults. See docs/config.md.\n\n",
    );
    out.push_str(
        "# Time zone given to new incidents (an IANA name such as \"Europe/London\"); empty: UTC.\n",
    );
    let _ = writeln!(out, "timezone = {}", quoted(&c.timezone));
    out.push_str(
        "# Colours: \"dark\" or \"light\". NO_COLOR set in the environment switches colour off\n\
         # (focus then shows as reverse video and by its marks).\n",
    );
    let _ = writeln!(out, "theme = {}\n", quoted(&serde_word(&c.theme)));

    out.push_str("# What each severity level is called. SEV1 is the worst.\n[severities]\n");
    let names: &SeverityNames = &c.severities;
    for level in Severity::ALL {
        let _ = writeln!(out, "{} = {}", level.as_str(), quoted(names.of(*level)));
    }
    out.push('\n');

    out.push_str(
        "# What \"ready to publish\" needs, per severity level. A [ready.SEVn] table replaces\n\
         # that level's rules as a whole; a key left out of it is not required.\n\
         #   complete: sections that must be complete (the timeline: has entries)\n\
         #   started: sections that must have something in them\n\
         #   moments: key moments to mark (impact_started, detected, declared, mitigated, resolved)\n\
         #   customer_message: a customer-facing message is written\n\
         #   factors_addressed: each factor that made things worse has an action or a reason\n\
         #   action_or_reason: an action, or a factor saying why there is none (\"No action, because\")\n\
         #   lint: no blameless-language findings\n\
         # Sections: overview, stakeholders, monitoring, timeline, factors, technical, actions,\n\
         # narrative.\n",
    );
    for level in Severity::ALL {
        requirements(&mut out, *level, c.ready.of(Some(*level)));
    }

    out.push_str(
        "# Minutes per agenda item of a meeting (the clock turns warm past them).\n[timeboxes]\n",
    );
    for (section, minutes) in &c.timeboxes {
        let _ = writeln!(out, "{} = {minutes}", section_word(*section));
    }
    out.push('\n');

    out.push_str(
        "# The questions for the room, per section (shown beside it; `g` hides them).\n[questions]\n",
    );
    for (section, questions) in &c.questions {
        let _ = writeln!(out, "{} = [", section_word(*section));
        for q in questions {
            let _ = writeln!(out, "    {},", quoted(q));
        }
        out.push_str("]\n");
    }
    out.push('\n');

    out.push_str(
        "# The blameless-language lint: extra words or phrases to flag in every incident, and\n\
         # rule ids never to report (blame-word, human-error, counterfactual, person-failure,\n\
         # punishment, root-cause, postmortem, factor-is-person, custom-word).\n[lint]\n",
    );
    let _ = writeln!(
        out,
        "words = {}",
        words(c.lint.words.iter().map(String::as_str))
    );
    let off: Vec<&str> = c.lint.off.iter().map(|r| r.id()).collect();
    let _ = writeln!(out, "off = {}\n", words(off.into_iter()));

    out.push_str(
        "# People and the role each usually holds, so timelines can show roles:\n\
         #   \"Mei Lin\" = \"incident commander\"\n[people]\n",
    );
    for (name, role) in &c.people {
        let _ = writeln!(out, "{} = {}", quoted(name), quoted(role));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_text_parses_back_to_the_defaults() {
        let text = default_text();
        assert_eq!(Config::parse(&text), Ok(Config::default()), "{text}");
        assert!(text.contains("[ready.SEV4]"));
        assert!(text.lines().filter(|l| l.starts_with('#')).count() > 20);
    }
}
