//! Every rule, both ways: what it flags (with the exact span) and what it leaves alone.

use super::*;
use crate::model::{Factor, TimelineEntry};

fn people() -> People {
    People::new([
        "Dave",
        "Priya Raman",
        "Sam (facilitator)",
        "payments on-call",
    ])
}

/// `(rule, span)` of every hit in `text`, linted as a story.
fn hits(text: &str) -> Vec<(Rule, String)> {
    hits_with(text, "", false, &[])
}

fn hits_with(text: &str, actor: &str, factor: bool, words: &[String]) -> Vec<(Rule, String)> {
    let p = people();
    let ctx = Context::new(&p, words, actor, factor);
    lint_text(text, &ctx)
        .into_iter()
        .map(|h| {
            assert!(!h.reason.is_empty() && !h.suggestion.is_empty());
            (h.rule, text[h.start..h.end].to_string())
        })
        .collect()
}

fn flags(text: &str, rule: Rule, span: &str) {
    let found = hits(text);
    assert!(
        found.contains(&(rule, span.to_string())),
        "expected {rule} \"{span}\" in {text:?}, got {found:?}"
    );
}

fn quiet(text: &str) {
    let found = hits(text);
    assert!(
        found.is_empty(),
        "expected nothing in {text:?}, got {found:?}"
    );
}

#[test]
fn blame_words() {
    flags("The change was careless.", Rule::BlameWord, "careless");
    flags("A sloppy review let it through.", Rule::BlameWord, "sloppy");
    flags("Ops dropped the ball.", Rule::BlameWord, "dropped the ball");
    flags(
        "He wasn't paying attention.",
        Rule::BlameWord,
        "wasn't paying attention",
    );
    flags(
        "The SRE fat-fingered the flag.",
        Rule::BlameWord,
        "fat-fingered",
    );
    flags("It was Dave's fault.", Rule::BlameWord, "Dave's fault");
    flags("The new hire is to blame.", Rule::BlameWord, "to blame");
    flags("Blame lies with the DBA.", Rule::BlameWord, "Blame");
    flags(
        "Nobody can deny he was negligent.",
        Rule::BlameWord,
        "negligent",
    );
    quiet("No one was careless; the defaults were unsafe.");
    quiet("This retrospective is blameless and blame-free.");
    quiet("We ran git blame on the file.");
    quiet("A page fault storm followed; fault injection never covered it.");
    quiet("Images are lazy loaded and the dumb terminal showed nothing.");
    quiet("The note said \"careless\" but it was the tool's default.");
    quiet("It was nobody's fault, and no one's fault in particular.");
    quiet("Stop blaming people; don't blame the intern.");
}

#[test]
fn human_error() {
    flags("This was human error.", Rule::HumanError, "human error");
    flags("Cause: operator error.", Rule::HumanError, "operator error");
    flags(
        "An operator mistake, again.",
        Rule::HumanError,
        "operator mistake",
    );
    flags("Classic user error.", Rule::HumanError, "user error");
    quiet("This was not human error: the form allowed it.");
    quiet("The operator error log showed a lease failure.");
    quiet("The ticket called it 'human error'.");
    quiet("The human factors of the pager setup mattered.");
}

#[test]
fn counterfactuals_about_people() {
    flags(
        "Dave should have checked the config.",
        Rule::Counterfactual,
        "should have checked",
    );
    flags(
        "The engineer should've known.",
        Rule::Counterfactual,
        "should've known",
    );
    flags(
        "I could have noticed sooner.",
        Rule::Counterfactual,
        "could have noticed",
    );
    // A team or a company looking back at what it had, in its own voice.
    quiet("We could have noticed sooner.");
    quiet("We should have had an alert on certificate expiry.");
    flags(
        "Our engineers should have tested the rollback path.",
        Rule::Counterfactual,
        "should have tested",
    );
    flags(
        "Priya failed to escalate.",
        Rule::Counterfactual,
        "failed to escalate",
    );
    flags(
        "Someone forgot to renew it.",
        Rule::Counterfactual,
        "forgot",
    );
    flags(
        "The on-call ignored the alert.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "The alert was ignored by the on-call.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "They didn't bother to look.",
        Rule::Counterfactual,
        "didn't bother",
    );
    flags("If only Dave had looked.", Rule::Counterfactual, "If only");
    flags(
        "If the on-call had checked, it would have been short.",
        Rule::Counterfactual,
        "If the on-call had checked",
    );
    flags(
        "Had the engineer read it, all was fine.",
        Rule::Counterfactual,
        "Had the engineer read",
    );
    flags(
        "The engineer who ran the migration should have tested it.",
        Rule::Counterfactual,
        "should have tested",
    );
    flags(
        "The engineer, who was new, failed to check the lag.",
        Rule::Counterfactual,
        "failed to check",
    );
    flags(
        "The alert that the on-call ignored fired twice.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "I should have caught it.",
        Rule::Counterfactual,
        "should have caught",
    );
}

#[test]
fn counterfactuals_stay_quiet_on_systems_and_recommendations() {
    quiet("The deploy pipeline failed to detect the empty list.");
    quiet("The check that the engineer wrote failed to fire.");
    quiet("We should add an alert; the runbook should say where to look.");
    quiet("Each service should have its own pool.");
    quiet("I didn't get what I needed.");
    quiet("The alert should have fired at 80%.");
    quiet("The engineer should have been paged by the disk alert.");
    quiet("Anyone could have made this change.");
    quiet("Customers failed to check out and users could have seen errors.");
    quiet("Customers should have received an email.");
    quiet("Don't forget to drain the node.");
    quiet("The client ignored the TTL.");
    quiet("The Kubernetes operator failed to reconcile.");
    quiet("The on-call couldn't have known.");
    quiet("If only the runbook had said so. If the alert had paged, we'd know.");
    quiet("The replicas fell behind and they failed to catch up.");
    quiet("The dashboard said 'someone should have looked'.");
    quiet("What could we have done better? We could have done it differently.");
    quiet("Some steps were forgotten and the build is broken.");
    quiet("Every circumstance that could have led to the mistake was looked at.");
    flags(
        "Dave had forgotten the flag.",
        Rule::Counterfactual,
        "forgotten",
    );
    flags(
        "The step was forgotten by the on-call.",
        Rule::Counterfactual,
        "forgotten",
    );
    flags(
        "The admin neglected the alert.",
        Rule::Counterfactual,
        "neglected",
    );
    flags(
        "Someone who should have known said nothing.",
        Rule::Counterfactual,
        "should have known",
    );
    // A first-person account is not hindsight; only "I should have" is.
    quiet("We failed to notify you for two hours. I forgot that the flag existed.");
    quiet("I ignored the alert because it had fired falsely all week.");
}

#[test]
fn person_failure() {
    flags("Dave broke the build.", Rule::PersonFailure, "broke");
    flags(
        "The new hire caused the outage.",
        Rule::PersonFailure,
        "caused",
    );
    flags(
        "Priya took the payments API down.",
        Rule::PersonFailure,
        "took the payments API down",
    );
    flags(
        "Priya Raman made a mistake in the record.",
        Rule::PersonFailure,
        "made a mistake",
    );
    flags(
        "Dave's mistake cost an hour.",
        Rule::PersonFailure,
        "Dave's mistake",
    );
    flags(
        "It was a mistake by the on-call.",
        Rule::PersonFailure,
        "mistake by the on-call",
    );
    flags(
        "The outage was caused by Dave's change.",
        Rule::PersonFailure,
        "caused by Dave's change",
    );
    flags(
        "Bob's oversight hid it.",
        Rule::PersonFailure,
        "Bob's oversight",
    );
    quiet("Dave rolled back the config and errors stopped.");
    quiet("We caused a second spike with the restart.");
    quiet("The restart caused a second spike.");
    quiet("This incident was not caused by any one person.");
    quiet("Dave's laptop crashed during the call.");
    quiet("The operator error log showed a failed lease renewal.");
    quiet("The API's error rate rose.");
    quiet("The config Dave pushed caused the outage.");
    quiet("The outage was caused by a config Dave pushed.");
    flags(
        "Dave's team caused the outage.",
        Rule::PersonFailure,
        "caused",
    );
}

#[test]
fn punishment_and_answerability() {
    flags(
        "Joan needs to answer for the downtime.",
        Rule::Punishment,
        "answer for",
    );
    flags(
        "The approver should be held responsible.",
        Rule::Punishment,
        "held responsible",
    );
    flags(
        "Someone has to be fired for this.",
        Rule::Punishment,
        "be fired",
    );
    flags("This outage is on Dave.", Rule::Punishment, "is on Dave");
    quiet("The follow-up is on Dave.");
    // The issue's own examples: an unlisted name, a role judged for its speed.
    flags(
        "Kevin ignored the CPU warning and pushed anyway.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "The on-call was too slow to react.",
        Rule::BlameWord,
        "too slow",
    );
    flags(
        "Let's find out who is to blame.",
        Rule::Punishment,
        "who is to blame",
    );
    flags(
        "The on-call should be taken off the rotation.",
        Rule::Punishment,
        "taken off the rotation",
    );
    // Ownership that faces forward, rejected punishment, the alert that fired.
    quiet("The database team is accountable for the restore drill.");
    quiet("Nobody should be punished for following the runbook.");
    quiet("We reject the idea that anyone should be fired over this.");
    quiet("The node was removed from the rotation by the load balancer.");
    let why = lint_text(
        "Joan must face consequences.",
        &Context::new(&people(), &[], "", false),
    );
    assert!(why[0].suggestion.contains("owner of a follow-up action"));
    assert_eq!(Rule::Punishment.kind(), Kind::Blame);
    assert_eq!(Rule::RootCause.kind(), Kind::Style);
}

#[test]
fn destructive_acts_missed_duties_and_causes() {
    // Unlisted names count as people when they act; products and systems do not.
    flags(
        "Kevin wiped the staging database.",
        Rule::PersonFailure,
        "wiped",
    );
    flags(
        "Yuki dropped the orders table.",
        Rule::PersonFailure,
        "dropped",
    );
    flags(
        "Pavel didn't send the customer update.",
        Rule::PersonFailure,
        "didn't send",
    );
    flags(
        "It happened because of Omar.",
        Rule::PersonFailure,
        "because of Omar",
    );
    quiet("Kubernetes deleted the pod when the node drained.");
    quiet("Terraform destroyed the load balancer during the apply.");
    quiet("GitHub Actions deleted the cache on every run.");
    quiet("The alerting pipeline didn't send the page.");
    quiet("Marcus deleted the stale feature flags, as planned.");
    quiet("Kevin dropped the TTL to 60 seconds.");
    quiet("Why did the page not reach the on-call?");
    quiet("We deleted the old records and broke nothing.");
    quiet("The outage happened because of a certificate that expired.");
}

#[test]
fn nominal_blame_hindsight_and_judgements() {
    flags(
        "The on-call's lack of urgency stretched it out.",
        Rule::PersonFailure,
        "on-call's lack of urgency",
    );
    flags(
        "A lapse in judgement by the release manager let it through.",
        Rule::PersonFailure,
        "lapse in judgement by the release manager",
    );
    flags(
        "Had Kevin checked the graph, he would have seen it.",
        Rule::Counterfactual,
        "Had Kevin checked",
    );
    flags(
        "Were the on-call more attentive, it would have been caught.",
        Rule::Counterfactual,
        "Were the on-call more attentive",
    );
    flags(
        "Laura saw the warning and did nothing.",
        Rule::Counterfactual,
        "did nothing",
    );
    flags(
        "The runbook step was skipped by the engineer.",
        Rule::Counterfactual,
        "skipped by the engineer",
    );
    flags(
        "The on-call was too slow to react.",
        Rule::BlameWord,
        "too slow",
    );
    flags(
        "A more experienced engineer would have caught it.",
        Rule::BlameWord,
        "A more experienced engineer would",
    );
    flags(
        "It was the people, not the system.",
        Rule::HumanError,
        "people, not the system",
    );
    flags(
        "It comes down to engineer error.",
        Rule::HumanError,
        "engineer error",
    );
    quiet("We were too slow to update customers.");
    quiet("Our team missed the early signs.");
    quiet("The retry did nothing for the stuck jobs.");
    quiet("Human error is a label, not an explanation.");
    quiet("Blaming the engineer would teach us nothing.");
    quiet("The engineer was distracted by three simultaneous pages.");
    quiet("Slack blamed the outage on a routing problem.");
}

#[test]
fn slips_told_of_a_person_and_punishments_reported() {
    flags(
        "An exhausted operator mistakenly ran the command on the wrong host.",
        Rule::PersonFailure,
        "mistakenly ran",
    );
    flags(
        "The employee who sent the alert has been fired.",
        Rule::Punishment,
        "been fired",
    );
    flags(
        "After the employee's firing, a second engineer quit.",
        Rule::Punishment,
        "employee's firing",
    );
    flags(
        "The man was removed from his post.",
        Rule::Punishment,
        "removed from his post",
    );
    flags(
        "The deleting team didn't notice this.",
        Rule::PersonFailure,
        "didn't notice",
    );
    flags(
        "The engineer ran the script without checking the ID.",
        Rule::Counterfactual,
        "without checking",
    );
    flags(
        "He seemed confused as others tried to correct it.",
        Rule::BlameWord,
        "seemed confused",
    );
    quiet("One of the inputs was entered incorrectly and servers were inadvertently removed.");
    quiet("The alert was fired at 14:02 and paged the on-call.");
    quiet("The alerts kept firing all night.");
    quiet("The secondary was confused and the primary was overloaded.");
    quiet("I didn't notice the flag was still on.");
    quiet("The job ran without checking the lock.");
}

#[test]
fn root_cause_and_postmortem() {
    flags(
        "The root cause was a full disk.",
        Rule::RootCause,
        "root cause",
    );
    flags(
        "We need a root-cause analysis.",
        Rule::RootCause,
        "root-cause analysis",
    );
    flags("Our RCA says so.", Rule::RootCause, "RCA");
    flags("The postmortem is due.", Rule::Postmortem, "postmortem");
    flags("Post-mortem: checkout", Rule::Postmortem, "Post-mortem");
    flags(
        "This post mortem covers it.",
        Rule::Postmortem,
        "post mortem",
    );
    quiet("There was no single root cause.");
    quiet("A retrospective, not a postmortem.");
    quiet("The root filesystem filled up.");
}

#[test]
fn factor_is_person() {
    let factor = |text: &str| hits_with(text, "", true, &[]);
    for text in [
        "The new hire",
        "Dave",
        "Bob's mistake",
        "The on-call engineer's inexperience",
        "Lack of attention by the operator",
        "An inexperienced operator",
    ] {
        let found = factor(text);
        assert!(
            found.contains(&(Rule::FactorIsPerson, text.to_string())),
            "{text}: {found:?}"
        );
    }
    for text in [
        "The new hire had no access to staging.",
        "Lack of training for new on-call engineers",
        "Deploy pipeline accepted an empty list",
        "Kafka",
    ] {
        assert!(
            !factor(text).iter().any(|(r, _)| *r == Rule::FactorIsPerson),
            "{text}"
        );
    }
    // Elsewhere a bare role is fine.
    quiet("The new hire");
}

#[test]
fn custom_words() {
    let words = vec!["cowboy".to_string(), "Heroic effort".to_string()];
    let found = hits_with(
        "A cowboy deploy, then a heroic  effort; cowboys are fine.",
        "",
        false,
        &words,
    );
    assert_eq!(
        found,
        [
            (Rule::CustomWord, "cowboy".to_string()),
            (Rule::CustomWord, "heroic  effort".to_string())
        ]
    );
    assert!(hits_with("Nothing here.", "", false, &["".into()]).is_empty());
}

#[test]
fn timeline_actor_is_the_subject_of_a_sentence_without_one() {
    let found = hits_with("Ignored the page.", "Dave", false, &[]);
    assert_eq!(found, [(Rule::Counterfactual, "Ignored".to_string())]);
    let p = people();
    let ctx = Context::new(&p, &[], "database on-call", false);
    let hit = &lint_text("Should have failed over sooner.", &ctx)[0];
    assert_eq!(hit.reason, "judges the database on-call with hindsight");
    assert!(
        hits_with(
            "Failed to roll out; retried.",
            "deploy pipeline",
            false,
            &[]
        )
        .is_empty()
    );
    assert!(
        hits_with(
            "Failed three times and paged.",
            "synthetic probe",
            false,
            &[]
        )
        .is_empty()
    );
}

#[test]
fn messages_name_the_person_and_the_direction() {
    let p = people();
    let ctx = Context::new(&p, &[], "", false);
    let hit = &lint_text("Dave should have checked.", &ctx)[0];
    assert_eq!(hit.reason, "judges Dave with hindsight");
    assert!(
        hit.suggestion.contains("what Dave knew"),
        "{}",
        hit.suggestion
    );
    let hit = &lint_text("I should have checked.", &ctx)[0];
    assert!(hit.suggestion.contains("I didn't get what I needed"));
    assert_eq!(Rule::from_id("person-failure"), Some(Rule::PersonFailure));
    assert_eq!(Rule::from_id("nope"), None);
    assert!(Rule::ALL.iter().all(|r| Rule::from_id(r.id()) == Some(*r)));
}

#[test]
fn incidents_are_linted_field_by_field_with_ignores() {
    let mut inc = Incident {
        title: "Postmortem: checkout".into(),
        participants: vec!["Dave".into()],
        ..Incident::default()
    };
    inc.narrative.text = "Dave should have checked. The root cause was a disk.".into();
    inc.timeline.push(TimelineEntry {
        actor: "Dave".into(),
        text: "Forgot to announce it.".into(),
        ..TimelineEntry::default()
    });
    inc.factors.push(Factor {
        id: "F1".into(),
        description: "Dave".into(),
        whys: vec!["Why? Human error.".into()],
        ..Factor::default()
    });
    let found: Vec<(String, Rule, String)> = lint_incident(&inc)
        .into_iter()
        .map(|f| (f.field, f.rule, f.text))
        .collect();
    let expect = |field: &str, rule: Rule, text: &str| (field.to_string(), rule, text.to_string());
    assert_eq!(
        found,
        [
            expect("title", Rule::Postmortem, "Postmortem"),
            expect(
                "narrative.text",
                Rule::Counterfactual,
                "should have checked"
            ),
            expect("narrative.text", Rule::RootCause, "root cause"),
            expect("timeline[0].text", Rule::Counterfactual, "Forgot"),
            expect("factors[0].description", Rule::FactorIsPerson, "Dave"),
            expect("factors[0].whys[0]", Rule::HumanError, "Human error"),
        ]
    );
    inc.lint
        .ignore
        .insert("factors[F1]".into(), vec!["*".into()]);
    inc.lint
        .ignore
        .insert("narrative.text".into(), vec!["root-cause".into()]);
    inc.lint
        .ignore
        .insert("*".into(), vec!["postmortem".into()]);
    let rules: Vec<Rule> = lint_incident(&inc).into_iter().map(|f| f.rule).collect();
    assert_eq!(rules, [Rule::Counterfactual, Rule::Counterfactual]);
    let f = &lint_incident(&inc)[0];
    assert!(
        f.message()
            .starts_with("counterfactual: \"should have checked\": judges Dave")
    );
}

mod properties {
    use proptest::prelude::*;

    use super::super::locate::Locator;
    use super::super::*;
    use crate::model::codec::to_toml_string;

    /// Text made of words the rules care about, with quotes, escapes and line breaks.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Dave",
            "should",
            "have",
            "checked",
            "the",
            "engineer",
            "failed",
            "to",
            "\"",
            "'",
            "\\",
            "\n",
            "\t",
            "careless",
            "root",
            "cause",
            "é",
            "🔥",
            "didn't",
            "bother",
            ",",
            ".",
            ";",
            "on-call",
            "ignored",
            "by",
            "Dave's",
            "mistake",
            "if",
            "only",
            "had",
            "human",
            "error",
            "postmortem",
            "’",
            "“",
            "”",
            "`",
            "—",
            "  ",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #[test]
        fn any_text_lints_without_panicking_and_spans_are_valid(t in text()) {
            let people = People::new(["Dave", "Priya"]);
            for factor in [false, true] {
                let ctx = Context::new(&people, &[], "Dave", factor);
                for hit in lint_text(&t, &ctx) {
                    prop_assert!(hit.start < hit.end && hit.end <= t.len());
                    prop_assert!(t.is_char_boundary(hit.start) && t.is_char_boundary(hit.end));
                }
            }
        }

        #[test]
        fn findings_are_located_where_their_text_is_in_the_file(t in text()) {
            let mut inc = Incident {
                schema_version: 1,
                id: "2026-01-01-x".into(),
                title: "x".into(),
                participants: vec!["Dave".into()],
                ..Incident::default()
            };
            inc.narrative.text = t.clone();
            inc.stakeholders.reassurances = vec![t.replace('\n', " ")];
            let Ok(file) = to_toml_string(&inc) else { return Ok(()); };
            let locator = Locator::new(&file);
            for f in lint_incident(&inc) {
                let (line, column) = locator.position(&f.field, f.start).expect("located");
                let at: String = file
                    .lines()
                    .nth(line - 1)
                    .unwrap_or("")
                    .chars()
                    .skip(column - 1)
                    .take(f.text.chars().count())
                    .collect();
                // Where the span needs no escaping, the file holds it verbatim there.
                if !f.text.contains(['"', '\\', '\n', '\t']) {
                    prop_assert_eq!(&at, &f.text, "{}:{}:{} in {:?}", f.field, line, column, file);
                }
            }
        }
    }
}

/// The rules `text` sets off, without spans.
fn rules_of(text: &str) -> Vec<Rule> {
    hits(text).into_iter().map(|(r, _)| r).collect()
}

fn flags_rule(text: &str, rule: Rule) {
    let found = hits(text);
    assert!(
        found.iter().any(|(r, _)| *r == rule),
        "expected {rule} in {text:?}, got {found:?}"
    );
}

#[test]
fn punishment_in_news_phrasing() {
    flags(
        "The company fired the contractor who unplugged the rack.",
        Rule::Punishment,
        "fired the contractor",
    );
    flags(
        "Hawaii fires employee who sent the alert.",
        Rule::Punishment,
        "fires employee",
    );
    flags(
        "The firing of the release manager followed the outage.",
        Rule::Punishment,
        "firing of the release manager",
    );
    flags_rule("After the breach, the admin was let go.", Rule::Punishment);
    flags_rule("This one goes on Jorge's record.", Rule::Punishment);
    flags_rule("Somebody's head should roll for this.", Rule::Punishment);
    flags_rule(
        "Marco will have to answer to the VP for this outage.",
        Rule::Punishment,
    );
    flags_rule(
        "Management sacked two operators after the data loss.",
        Rule::Punishment,
    );
    // Alerts fire; a question about a firing is not a demand for one.
    quiet("Alerts fired within a minute of the push.");
    quiet("Nobody was fired, and nobody should be; the tooling allowed the mistake.");
}

#[test]
fn harm_duties_and_faulty_changes_by_people() {
    flags_rule(
        "Aisha accidentally purged the customer backups.",
        Rule::PersonFailure,
    );
    flags_rule(
        "Our contractor unplugged the primary storage array.",
        Rule::PersonFailure,
    );
    flags_rule(
        "An electrical engineer disconnected the “uninterruptible power supply”.",
        Rule::PersonFailure,
    );
    flags(
        "Rahul pushed a broken config to every region.",
        Rule::PersonFailure,
        "pushed a broken",
    );
    flags(
        "The on-call never acknowledged the page.",
        Rule::PersonFailure,
        "never acknowledged",
    );
    flags(
        "One of the technicians did not copy the new code to the eighth server.",
        Rule::PersonFailure,
        "did not copy",
    );
    // Systems, routine work and fixes stay quiet.
    quiet("The failover script switched to the replica.");
    quiet("Ana rolled back the bad deploy at 14:20.");
    quiet("The deploy bot did not notify the channel because its token had expired.");
    quiet("A faulty switch took down the storage network.");
    // A subordinate clause has its own subject: here a thing.
    assert!(
        !rules_of(
            "The contractors who run the site where a power shutdown caused chaos spoke today."
        )
        .contains(&Rule::PersonFailure)
    );
}

#[test]
fn blame_laid_on_people_or_on_things() {
    flags_rule(
        "The incident was blamed on a junior developer.",
        Rule::BlameWord,
    );
    flags_rule(
        "BA blames the outage on a technician pulling the plug.",
        Rule::BlameWord,
    );
    flags_rule("Priya was blamed for the outage.", Rule::BlameWord);
    quiet("It blamed a power surge that knocked out its systems.");
    quiet("Slack blamed the outage on a \"routing problem\" at its provider.");
    quiet("It would be easy to blame the on-call, but the runbook was out of date.");
    quiet("The contractors deny human error to blame.");
    flags(
        "Nobody can deny he was negligent.",
        Rule::BlameWord,
        "negligent",
    );
}

#[test]
fn judgements_and_human_error_synonyms() {
    flags_rule(
        "The deployer was too rushed to read the diff.",
        Rule::BlameWord,
    );
    flags_rule(
        "The new hire had no idea what he was doing.",
        Rule::BlameWord,
    );
    flags_rule(
        "A bumbling contractor shut down the power supply.",
        Rule::BlameWord,
    );
    flags_rule(
        "The cause was a manual mistake during maintenance.",
        Rule::HumanError,
    );
    flags_rule(
        "At the end of the day it was a people problem, not a technical one.",
        Rule::HumanError,
    );
    flags(
        "The mistakes were the result of human, not computer, errors.",
        Rule::HumanError,
        "human, not computer, errors",
    );
    flags_rule(
        "It was a failure of judgement on the part of the on-call.",
        Rule::PersonFailure,
    );
    quiet("Calling this human error would hide the missing guard rail.");
}
