//! The blameless-language lint against labeled sentences.
//!
//! Two sets written with the first rules (`CASES`, `HELD_OUT`): about half blame people or
//! judge them with hindsight, half are neutral, with hard cases on both sides. A sentence
//! counts as flagged there when the lint reports anything for it.
//!
//! Then `tests/lint/heldout.tsv`, written before the rules were generalised: six kinds of
//! blame and six kinds of near-miss, with published postmortem text, split into a tuning half
//! and a held-out half; and two sets of published text gathered later (`fresh.tsv`, tuned on
//! after its first run; `final.tsv`, measured only; `own.tsv`, written before the second
//! round and tuned on after its first run; `blind.tsv`, the sixth set, written by someone who
//! had not seen the rules, tuned on after its first run (recall 0.612, false alarms 0.062);
//! `seventh-a-tune.tsv` and `seventh-b-tune.tsv`, the tuning half of a seventh set written by
//! others, tuned on after its first run, see `SEVENTH_A`). There only blame findings count (style
//! advice such as "root cause" is not blame). Precision is the share of flagged sentences that
//! are blameful, recall the share of blameful sentences flagged, false alarms the share of
//! blameless sentences flagged. The test fails below recall 0.90 or above false alarms 0.05
//! on the tuning half.
//!
//! Run with `cargo test --test lint_labeled -- --nocapture` to see the figures per kind and
//! the misses of the sets tuned on; `RETRO_LINT_SHOW_HELD_OUT=1` also prints the misses of the
//! held-out half and the fourth set (look only after the rules are done).

use retro::lint::{Kind, lint_incident};
use retro::model::{Factor, Incident, TimelineEntry};

/// Where a sentence is written.
#[derive(Clone, Copy)]
enum At {
    /// The narrative's story.
    Story,
    /// A contributing factor's description.
    Factor,
    /// A timeline entry's text, with who acted.
    Timeline(&'static str),
}

use At::*;

/// `(where, sentence, labeled blameful)`.
const CASES: &[(At, &str, bool)] = &[
    // ---- Blameful ----
    (
        Story,
        "Dave should have checked the config before pushing it.",
        true,
    ),
    (
        Story,
        "The engineer should've known the flag was still on.",
        true,
    ),
    (Story, "Someone forgot to renew the certificate.", true),
    (
        Story,
        "The new hire ran the migration without reading the runbook, which was careless.",
        true,
    ),
    (
        Story,
        "Priya failed to escalate to the database on-call.",
        true,
    ),
    (Story, "They ignored the disk warning for six hours.", true),
    (
        Story,
        "The on-call didn't bother to look at the dashboard.",
        true,
    ),
    (Story, "This was a clear case of human error.", true),
    (
        Story,
        "Operator error during the failover left the replica behind.",
        true,
    ),
    (
        Story,
        "If only Tomás had read the alert, we would have caught it.",
        true,
    ),
    (Story, "Mei broke the build by merging without tests.", true),
    (
        Story,
        "Dave caused the outage with a bad config push.",
        true,
    ),
    (
        Story,
        "The deploy went out because of a sloppy review.",
        true,
    ),
    (
        Story,
        "It was the DBA's fault that the index was dropped.",
        true,
    ),
    (
        Story,
        "Honestly, the SRE on duty dropped the ball here.",
        true,
    ),
    (
        Story,
        "The operator mistake was entering the wrong region.",
        true,
    ),
    (Story, "I should have caught this in code review.", true),
    // A team or company looking back in its own voice: relabeled neutral with the second
    // round (published reports say "we should have…" of their own systems; see README).
    (
        Story,
        "We could have noticed the spike much earlier.",
        false,
    ),
    (
        Story,
        "A lazy fix was shipped instead of a proper one.",
        true,
    ),
    (
        Story,
        "Blame lies with the release manager, who skipped the checklist.",
        true,
    ),
    (
        Story,
        "The team member neglected to update the status page.",
        true,
    ),
    (Story, "Nobody can deny the engineer was negligent.", true),
    (Story, "The admin forgot to rotate the credentials.", true),
    (
        Story,
        "He pushed to production on a Friday, which was stupid.",
        true,
    ),
    (Story, "Post-mortem for the checkout outage", true),
    (
        Story,
        "The postmortem found three problems with the alerting.",
        true,
    ),
    (Story, "The root cause was a missing index.", true),
    (
        Story,
        "Our RCA points to the cache eviction settings.",
        true,
    ),
    (
        Story,
        "Priya's mistake took the payments API down for 20 minutes.",
        true,
    ),
    (Story, "Tomás misconfigured the load balancer.", true),
    (
        Story,
        "The developer could have run the integration tests first.",
        true,
    ),
    (
        Story,
        "You should have paged the incident commander sooner.",
        true,
    ),
    (
        Story,
        "The on-call engineer failed to follow the runbook.",
        true,
    ),
    (Story, "She missed the page because she was careless.", true),
    (
        Story,
        "The contractor should not have had production access in the first place.",
        true,
    ),
    (
        Story,
        "If only someone had looked at the queue depth.",
        true,
    ),
    (Story, "Dave ignored the warnings from the linter.", true),
    (Story, "Mei forgot the feature flag.", true),
    (
        Story,
        "The support agent failed to tell customers about the delay.",
        true,
    ),
    (
        Story,
        "Human error on the part of the operator led to data loss.",
        true,
    ),
    (
        Story,
        "The incident happened because Dave was not paying attention.",
        true,
    ),
    (
        Story,
        "Frankly the whole thing was incompetent work by the platform team.",
        true,
    ),
    (
        Story,
        "Priya Raman should have rolled back immediately.",
        true,
    ),
    (
        Story,
        "The junior developer deleted the production table through carelessness.",
        true,
    ),
    (
        Story,
        "A reckless change to the firewall rules brought the site down.",
        true,
    ),
    (
        Story,
        "The person on call should have escalated after ten minutes.",
        true,
    ),
    (Story, "Ops failed to notice the certificate expiry.", true),
    (
        Story,
        "Our engineers should have tested the rollback path.",
        true,
    ),
    (
        Story,
        "If the on-call had checked the graphs, the outage would have been shorter.",
        true,
    ),
    (Story, "Everyone knows Dave is to blame.", true),
    (
        Story,
        "The outage was entirely the fault of the new hire.",
        true,
    ),
    (
        Story,
        "The release manager fat-fingered the version number.",
        true,
    ),
    (Story, "Dave's fault, again.", true),
    (Story, "Sam was lazy about updating the ticket.", true),
    (
        Story,
        "They should have known better than to deploy during the sale.",
        true,
    ),
    (Story, "Tomás made a mistake in the DNS record.", true),
    (
        Story,
        "The engineer, who was new to the team, failed to check the replica lag.",
        true,
    ),
    (Story, "After the alert fired, the SRE ignored it.", true),
    (
        Story,
        "The reviewers were sloppy and approved it anyway.",
        true,
    ),
    (
        Story,
        "We need a proper root-cause analysis before Friday.",
        true,
    ),
    (Story, "The on-call was asleep at the wheel.", true),
    (
        Story,
        "Whoever wrote this script was clueless about retries.",
        true,
    ),
    (
        Story,
        "Priya was blamed for the outage in the incident channel.",
        true,
    ),
    (
        Story,
        "The developers failed to consider what happens when the list is empty.",
        true,
    ),
    (Factor, "The new hire", true),
    (Factor, "Dave", true),
    (Factor, "Bob's mistake", true),
    (Factor, "The on-call engineer's inexperience", true),
    (Factor, "Human error", true),
    (Factor, "Lack of attention by the operator", true),
    (
        Timeline("Dave"),
        "Ignored the page and went back to sleep.",
        true,
    ),
    (
        Timeline("database on-call"),
        "Should have failed over sooner.",
        true,
    ),
    (
        Timeline("Mei"),
        "Forgot to announce the rollback in the channel.",
        true,
    ),
    // ---- Neutral ----
    (
        Story,
        "The deploy pipeline failed to detect the empty upstream list.",
        false,
    ),
    (
        Story,
        "Monitoring failed to alert on the disk fill rate.",
        false,
    ),
    (
        Story,
        "We should add an alert on replication slot lag.",
        false,
    ),
    (
        Story,
        "The runbook should say which dashboard to open first.",
        false,
    ),
    (
        Story,
        "I didn't get what I needed from the dashboard to see the spike.",
        false,
    ),
    (
        Story,
        "The on-call did not have access to the database console.",
        false,
    ),
    (
        Story,
        "The alert should have fired at 80% but was routed to a quiet channel.",
        false,
    ),
    (Story, "Jenkins failed to run the nightly job.", false),
    (
        Story,
        "The Kubernetes operator failed to reconcile the deployment.",
        false,
    ),
    (
        Story,
        "The monitoring agent failed to ship logs for an hour.",
        false,
    ),
    (
        Story,
        "The linter ignored files with a .yml extension.",
        false,
    ),
    (
        Story,
        "The client ignored the DNS TTL and kept the old address.",
        false,
    ),
    (
        Story,
        "Customers failed to complete checkout for 40 minutes.",
        false,
    ),
    (
        Story,
        "Users could have seen stale prices during the window.",
        false,
    ),
    (
        Story,
        "Anyone could have made the same change; the tool allowed it.",
        false,
    ),
    (
        Story,
        "There was no single root cause; several factors combined.",
        false,
    ),
    (
        Story,
        "No one was at fault: the process had no second check.",
        false,
    ),
    (Story, "This retrospective is blameless.", false),
    (
        Story,
        "We ran git blame to find when the default changed.",
        false,
    ),
    (
        Story,
        "The page fault rate rose after the kernel upgrade.",
        false,
    ),
    (
        Story,
        "Fault injection tests did not cover the failover path.",
        false,
    ),
    (Story, "Images are lazy loaded on the product page.", false),
    (
        Story,
        "The dashboard said \"operator error\" but the real issue was a timeout.",
        false,
    ),
    (
        Story,
        "The old ticket title called it 'human error'; this document does not.",
        false,
    ),
    (
        Story,
        "The on-call engineer restarted the pods at 14:02.",
        false,
    ),
    (
        Story,
        "Dave rolled back the config and errors stopped.",
        false,
    ),
    (
        Story,
        "Priya noticed the queue depth and paged the database team.",
        false,
    ),
    (
        Story,
        "The new hire was paired with a senior engineer for the failover.",
        false,
    ),
    (
        Story,
        "The disk could have filled even faster under peak load.",
        false,
    ),
    (
        Story,
        "The retry logic should have backed off but retried immediately.",
        false,
    ),
    (
        Story,
        "The schema marks the list optional, so the linter accepted it.",
        false,
    ),
    (
        Story,
        "Alerts for the queue were ignored by the routing rules.",
        false,
    ),
    (
        Story,
        "The status page was not updated for 30 minutes because no one owned that task.",
        false,
    ),
    (
        Story,
        "Tomás asked for a second opinion before the failover, which helped.",
        false,
    ),
    (
        Story,
        "The health check reported green while orders were failing.",
        false,
    ),
    (
        Story,
        "In hindsight the right call looks obvious; at the time the graphs looked normal.",
        false,
    ),
    (Story, "Failover worked as designed.", false),
    (
        Story,
        "The config change was reviewed and approved by two engineers.",
        false,
    ),
    (
        Story,
        "The operator console failed to load during the incident.",
        false,
    ),
    (
        Story,
        "The admin API failed to return the list of nodes.",
        false,
    ),
    (
        Story,
        "The on-call rotation should have two people during sales events.",
        false,
    ),
    (
        Story,
        "Each service should have its own connection pool.",
        false,
    ),
    (Story, "We should have a dashboard for slot lag.", false),
    (
        Story,
        "The engineer's laptop failed to connect to the VPN.",
        false,
    ),
    (
        Story,
        "Don't forget to drain the node before rebooting it.",
        false,
    ),
    (
        Story,
        "Customers should not have been charged twice, and we refunded everyone.",
        false,
    ),
    (
        Story,
        "The engineer should have been paged by the disk alert, but it went to a quiet channel.",
        false,
    ),
    (
        Story,
        "The database failed over to the replica within two minutes.",
        false,
    ),
    (
        Story,
        "The job failed, was retried, and failed again.",
        false,
    ),
    (
        Story,
        "The migration could have been run in smaller batches.",
        false,
    ),
    (
        Story,
        "If the alert had paged, the disk would have been cleared hours earlier.",
        false,
    ),
    (Story, "If only the runbook had mentioned the slot.", false),
    (
        Story,
        "The contributing factors were a missing size cap and a pool that never re-resolved DNS.",
        false,
    ),
    (
        Story,
        "The facilitator kept the discussion on systems rather than people.",
        false,
    ),
    (
        Story,
        "What made the wrong choice look right at the time?",
        false,
    ),
    (
        Story,
        "The certificate expired because renewal depended on a calendar reminder.",
        false,
    ),
    (
        Story,
        "The team lacked a way to see which clients used the old certificate.",
        false,
    ),
    (
        Story,
        "Priya didn't know the flag was still enabled; nothing on the dashboard showed it.",
        false,
    ),
    (
        Story,
        "Mei pushed the config at 14:02 as the change calendar allowed.",
        false,
    ),
    (
        Story,
        "The old slot was left behind by the connector upgrade.",
        false,
    ),
    (
        Story,
        "The pager failed to reach the on-call because the phone was on silent.",
        false,
    ),
    (Story, "Sam facilitated the retrospective.", false),
    (
        Story,
        "Alerting missed the slow growth because it only had a static threshold.",
        false,
    ),
    (
        Story,
        "In hindsight the warning was clear, but at 3 am it looked like the usual noise.",
        false,
    ),
    (
        Story,
        "The blame-free format helped people speak openly.",
        false,
    ),
    (
        Story,
        "We asked what the engineer knew at the time, not what they should do next time.",
        false,
    ),
    (
        Story,
        "They restarted the service and the errors stopped.",
        false,
    ),
    (
        Story,
        "The Postgres operator should have promoted the replica but the lease had not expired.",
        false,
    ),
    (
        Story,
        "Ownership of the alert was unclear, so the warning went unanswered.",
        false,
    ),
    (
        Story,
        "This incident was not caused by any one person.",
        false,
    ),
    (
        Story,
        "The on-call couldn't have known the replica was still serving reads.",
        false,
    ),
    (
        Story,
        "The replicas fell behind and they failed to catch up until midnight.",
        false,
    ),
    (
        Story,
        "The cache forgot nothing; entries expired on schedule.",
        false,
    ),
    (
        Story,
        "Error budgets for the quarter were spent by the second week.",
        false,
    ),
    (
        Story,
        "The operator error log showed a failed lease renewal.",
        false,
    ),
    (
        Story,
        "The retrospective found several contributing factors.",
        false,
    ),
    (
        Story,
        "Nobody was careless; the two dashboards disagreed.",
        false,
    ),
    (
        Factor,
        "The new hire had no access to the staging environment.",
        false,
    ),
    (
        Factor,
        "Deploy pipeline accepted an empty upstream list",
        false,
    ),
    (
        Factor,
        "Onboarding did not cover the failover runbook",
        false,
    ),
    (Factor, "The rollback runbook was current and short.", false),
    (
        Timeline("deploy pipeline"),
        "Failed to roll out to eu-west; retried.",
        false,
    ),
    (
        Timeline("Dave"),
        "Rolled back config 8812; errors stopped.",
        false,
    ),
    (
        Timeline("on-call"),
        "Didn't get the page: the alert routed to a channel that does not notify.",
        false,
    ),
    (
        Timeline("synthetic probe"),
        "Failed three times in a row and paged the on-call.",
        false,
    ),
];

/// A second set, written after the rules existed and measured before any change made for
/// it: closer to what new text will meet than [`CASES`], which the rules were debugged on.
const HELD_OUT: &[(At, &str, bool)] = &[
    // ---- Blameful ----
    (
        Story,
        "The SRE should really have waited for the canary to finish.",
        true,
    ),
    (
        Story,
        "Had the engineer read the runbook, none of this would have happened.",
        true,
    ),
    (
        Story,
        "Kim was careless with the production credentials.",
        true,
    ),
    (
        Story,
        "The on-call person simply forgot about the maintenance window.",
        true,
    ),
    (
        Story,
        "Somebody on the platform team must have fat-fingered the CIDR range.",
        true,
    ),
    (
        Story,
        "The DBA failed to notice that the replica was lagging.",
        true,
    ),
    (Story, "Priya ignored three pages in a row.", true),
    (Story, "We all know this was human error.", true),
    (Story, "The whole outage came down to operator error.", true),
    (
        Story,
        "Tomás should've asked before touching the firewall.",
        true,
    ),
    (
        Story,
        "Engineering dropped the ball on capacity planning.",
        true,
    ),
    (Story, "It's Mei's fault the release slipped.", true),
    (
        Story,
        "The intern pushed untested code, which was reckless.",
        true,
    ),
    (
        Story,
        "Dave took production down while testing a script.",
        true,
    ),
    (
        Story,
        "If only the reviewer had looked more closely at the diff.",
        true,
    ),
    (
        Story,
        "The developers could have added a test for this years ago.",
        true,
    ),
    (
        Story,
        "The release engineer neglected the rollback plan.",
        true,
    ),
    (
        Story,
        "A careless typo in the manifest broke the deploy.",
        true,
    ),
    (Story, "Root causes: missing alert, slow rollback.", true),
    (Story, "This post mortem covers the March outage.", true),
    (
        Story,
        "Ops couldn't be bothered to update the runbook.",
        true,
    ),
    (
        Story,
        "Dave misread the graph and declared the incident over.",
        true,
    ),
    (
        Story,
        "Priya made an error when she copied the config.",
        true,
    ),
    (
        Story,
        "The engineer on duty was negligent in not escalating.",
        true,
    ),
    (
        Story,
        "They failed to communicate with the support team.",
        true,
    ),
    (Story, "You forgot to tag the release.", true),
    (
        Story,
        "Clearly someone wasn't paying attention during the cutover.",
        true,
    ),
    (
        Story,
        "Sam's oversight meant the status page stayed green.",
        true,
    ),
    (
        Story,
        "The outage was caused by Dave's change to the retry settings.",
        true,
    ),
    (
        Story,
        "In the end it was a stupid mistake by an experienced engineer.",
        true,
    ),
    (Factor, "An inexperienced operator", true),
    (Factor, "Mei's carelessness", true),
    (Factor, "Tired on-call engineer", true),
    (
        Timeline("Priya"),
        "Should have paged the database team here.",
        true,
    ),
    (
        Timeline("incident commander"),
        "Failed to post an update for 40 minutes.",
        true,
    ),
    // ---- Neutral ----
    (
        Story,
        "The canary should have caught the regression, but it only sampled 1% of traffic.",
        false,
    ),
    (
        Story,
        "Next time, the runbook should link the dashboard directly.",
        false,
    ),
    (
        Story,
        "I didn't have the context I needed to judge whether the spike was normal.",
        false,
    ),
    (
        Story,
        "We didn't get an alert until customers wrote in.",
        false,
    ),
    (
        Story,
        "The load balancer failed to drain connections before the restart.",
        false,
    ),
    (
        Story,
        "Renovate opened the pull request and the CI run failed to start.",
        false,
    ),
    (
        Story,
        "The Flux controller ignored the suspended annotation.",
        false,
    ),
    (
        Story,
        "The backup job had been failing silently for a week.",
        false,
    ),
    (
        Story,
        "Shoppers could not add items to their carts for 12 minutes.",
        false,
    ),
    (
        Story,
        "Customers should have received an email, but the template was empty.",
        false,
    ),
    (
        Story,
        "Users failed to log in because the identity provider timed out.",
        false,
    ),
    (
        Story,
        "The new hire's first on-call shift coincided with the incident.",
        false,
    ),
    (
        Story,
        "Dave and Priya paired on the failover and finished it in eight minutes.",
        false,
    ),
    (
        Story,
        "The engineer who wrote the check had left the company, so nobody knew its thresholds.",
        false,
    ),
    (
        Story,
        "There is no blame here; the defaults were unsafe.",
        false,
    ),
    (
        Story,
        "The human factors of the pager setup made alerts easy to dismiss.",
        false,
    ),
    (
        Story,
        "The git blame output showed the default had been there since 2019.",
        false,
    ),
    (
        Story,
        "Fault tolerance depends on the quorum staying healthy.",
        false,
    ),
    (
        Story,
        "The team wrote a retrospective, not a postmortem.",
        false,
    ),
    (
        Story,
        "Lazy evaluation in the template engine hid the error until runtime.",
        false,
    ),
    (
        Story,
        "The alert description said 'someone should have looked at this'.",
        false,
    ),
    (
        Story,
        "Nobody ignored the alert; it never reached a person.",
        false,
    ),
    (Story, "The migration tool failed to lock the table.", false),
    (
        Story,
        "The database operator promoted a replica that was still catching up.",
        false,
    ),
    (
        Story,
        "The deploy could have gone out to all regions at once, which the staged rollout prevented.",
        false,
    ),
    (
        Story,
        "Our rollout process should have a manual gate for config changes.",
        false,
    ),
    (
        Story,
        "Would a second reviewer have made a difference? Probably not, because the diff looked routine.",
        false,
    ),
    (
        Story,
        "The responders did what made sense with the information they had.",
        false,
    ),
    (
        Story,
        "The script's author documented the flag, but the docs were not linked from the runbook.",
        false,
    ),
    (
        Story,
        "The scheduler missed two runs while the node was drained.",
        false,
    ),
    (
        Story,
        "Dave's laptop crashed during the call, so Priya took over as scribe.",
        false,
    ),
    (
        Story,
        "The root filesystem filled up on three hosts.",
        false,
    ),
    (
        Story,
        "The cause of the slowdown was a missing index on orders.created_at.",
        false,
    ),
    (
        Story,
        "The status page vendor failed to publish our update.",
        false,
    ),
    (Story, "The SRE team owns the alert routing.", false),
    (
        Story,
        "It would have been easy to miss; the graph's scale hid the jump.",
        false,
    ),
    (Factor, "Runbook assumed a single region", false),
    (
        Factor,
        "On-call engineers had no dashboard for slot lag",
        false,
    ),
    (Factor, "Time pressure during the sale", false),
    (
        Timeline("Mei"),
        "Paged the database on-call; no answer for 10 minutes.",
        false,
    ),
    (
        Timeline("alertmanager"),
        "Failed to deliver the page: the receiver was misconfigured.",
        false,
    ),
    (
        Story,
        "The config push was approved by the on-call, as the process requires.",
        false,
    ),
];

/// The incident a case is linted in: four named participants and a facilitator.
fn incident_for(at: At, text: &str) -> Incident {
    let mut incident = Incident {
        schema_version: 1,
        id: "2026-03-12-labeled".into(),
        title: "Labeled sentence".into(),
        facilitator: "Sam".into(),
        participants: vec![
            "Dave".into(),
            "Priya Raman".into(),
            "Tomás".into(),
            "Mei".into(),
            "incident commander".into(),
        ],
        ..Incident::default()
    };
    match at {
        Story => incident.narrative.text = text.into(),
        Factor => incident.factors.push(Factor {
            id: "F1".into(),
            description: text.into(),
            ..Factor::default()
        }),
        Timeline(actor) => incident.timeline.push(TimelineEntry {
            actor: actor.into(),
            text: text.into(),
            ..TimelineEntry::default()
        }),
    }
    incident
}

/// Figures for one set: (precision, recall), printed with every miss.
fn measure(name: &str, cases: &[(At, &str, bool)]) -> (f64, f64) {
    let blameful = cases.iter().filter(|c| c.2).count();
    let neutral = cases.len() - blameful;
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (at, text, label) in cases {
        let findings = lint_incident(&incident_for(*at, text));
        let flagged = !findings.is_empty();
        match (flagged, *label) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                let rules: Vec<String> = findings
                    .iter()
                    .map(|f| format!("{} \"{}\"", f.rule, f.text))
                    .collect();
                misses.push(format!("false alarm: {text}  [{}]", rules.join(", ")));
            }
            (false, true) => {
                fneg += 1;
                misses.push(format!("missed:      {text}"));
            }
            (false, false) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "{name}: {} sentences ({blameful} blameful, {neutral} neutral); \
         true positives {tp}, false positives {fp}, false negatives {fneg}; \
         precision {precision:.3}, recall {recall:.3}",
        cases.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    (precision, recall)
}

#[test]
fn labeled_sentences_precision_and_recall() {
    assert!(
        CASES.len() + HELD_OUT.len() >= 80,
        "at least 80 labeled sentences"
    );
    let (precision, recall) = measure("labeled set", CASES);
    let (held_precision, held_recall) = measure("held-out set", HELD_OUT);
    let all: Vec<(At, &str, bool)> = CASES.iter().chain(HELD_OUT).copied().collect();
    let (all_precision, all_recall) = measure("both", &all);
    assert!(precision >= 0.9, "precision {precision:.3} below 0.9");
    assert!(recall >= 0.9, "recall {recall:.3} below 0.9");
    assert!(
        held_precision >= 0.85,
        "held-out precision {held_precision:.3}"
    );
    assert!(held_recall >= 0.85, "held-out recall {held_recall:.3}");
    assert!(all_precision >= 0.9 && all_recall >= 0.9);
}

/// One sentence of `tests/lint/heldout.tsv`.
struct Labeled {
    blameful: bool,
    kind: &'static str,
    actor: Option<&'static str>,
    factor: bool,
    published: bool,
    text: &'static str,
}

/// The new set of sentences (see the file's head for its columns and split): written before
/// the rules were changed for it, with sentences copied verbatim from public postmortems.
const NEW_SET: &str = include_str!("lint/heldout.tsv");

/// A third set, gathered after the first round of rule changes: published text only. Its
/// first run was recorded, then it was used for tuning (see README.md).
const FRESH_SET: &str = include_str!("lint/fresh.tsv");

/// A fourth set, gathered after every rule change: published text only, measured once and
/// never looked at for tuning.
const FINAL_SET: &str = include_str!("lint/final.tsv");

/// A fifth set, written before the second round of rule changes for new kinds of phrasing;
/// its first run is in its head, then it was tuned on.
const OWN_SET: &str = include_str!("lint/own.tsv");

/// A sixth set, written by someone who had not seen the rules or the other sets, after the
/// second round of rule changes: tuned on after its first run (recall 0.612, false alarms
/// 0.062, precision 0.892; see README.md).
const BLIND_SET: &str = include_str!("lint/blind.tsv");

/// A seventh set, written by others who had not seen the rules, after the sixth set was tuned
/// on: its tuning half (part a written for it, part b copied from public pages; both files are
/// tuning text). Its held-out half is kept elsewhere and measured by others.
///
/// First run, before any rule was changed for it (the rules as tuned on the sixth set), 270
/// sentences (104 blameful, 166 blameless): recall 0.644, false alarms 0.114, precision 0.779.
/// By kind: punish 6/17, subject 14/22, nominal 12/17, hindsight 9/16, judge 13/18,
/// human-error 13/14 flagged; false alarms on quoted 12/31, question 2/20, forward 2/24,
/// we 2/25, plain 1/27, system 0/39. Part a (written, 120 sentences): recall 0.767, false
/// alarms 0.133; part b (published, 150): recall 0.477, false alarms 0.104. With the rules as
/// they were before the sixth set was tuned on: recall 0.615, false alarms 0.127.
const SEVENTH_A: &str = include_str!("lint/seventh-a-tune.tsv");
const SEVENTH_B: &str = include_str!("lint/seventh-b-tune.tsv");

/// The new set, split by position within each kind: (tuning half, held-out half).
fn new_set() -> (Vec<Labeled>, Vec<Labeled>) {
    parse_set(NEW_SET)
}

/// Parses a set in the format of `tests/lint/heldout.tsv`, split by position within each
/// kind.
fn parse_set(data: &'static str) -> (Vec<Labeled>, Vec<Labeled>) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let (mut tuning, mut held) = (Vec::new(), Vec::new());
    for line in data.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "five tab-separated columns: {line}");
        let blameful = match cols[0] {
            "blameful" => true,
            "blameless" => false,
            other => panic!("label {other:?} in {line}"),
        };
        let (actor, factor) = match cols[2] {
            "story" => (None, false),
            "factor" => (None, true),
            w => (
                Some(
                    w.strip_prefix("timeline:")
                        .unwrap_or_else(|| panic!("where {w:?} in {line}")),
                ),
                false,
            ),
        };
        let case = Labeled {
            blameful,
            kind: cols[1],
            actor,
            factor,
            published: cols[3] != "-",
            text: cols[4],
        };
        let n = seen.entry(cols[1]).or_default();
        if n.is_multiple_of(2) {
            tuning.push(case);
        } else {
            held.push(case);
        }
        *n += 1;
    }
    (tuning, held)
}

/// Every sentence of a set, both halves of [`parse_set`] together.
fn whole(data: &'static str) -> Vec<Labeled> {
    let (a, b) = parse_set(data);
    a.into_iter().chain(b).collect()
}

fn incident_of(case: &Labeled) -> Incident {
    let at = match (case.actor, case.factor) {
        (Some(actor), _) => Timeline(actor),
        (None, true) => Factor,
        (None, false) => Story,
    };
    incident_for(at, case.text)
}

/// Sentence-level figures of one half: recall, false-alarm rate, precision.
struct Figures {
    recall: f64,
    false_alarms: f64,
    precision: f64,
}

/// Prints figures per kind for one half (only blame findings count; style findings such as
/// "root cause" are wording advice), with every miss when `show` is set.
fn measure_new(name: &str, cases: &[Labeled], show: bool) -> Figures {
    let flagged: Vec<bool> = cases
        .iter()
        .map(|c| {
            lint_incident(&incident_of(c))
                .iter()
                .any(|f| f.kind() == Kind::Blame)
        })
        .collect();
    let mut kinds: Vec<(&str, bool)> = cases.iter().map(|c| (c.kind, c.blameful)).collect();
    kinds.sort();
    kinds.dedup();
    println!("{name}:");
    for (kind, blameful) in kinds {
        let of: Vec<usize> = (0..cases.len())
            .filter(|&i| cases[i].kind == kind)
            .collect();
        let hits = of.iter().filter(|&&i| flagged[i]).count();
        let what = if blameful { "recall" } else { "false alarms" };
        println!(
            "  {:<9} {:<11} {hits:>2}/{:<2} flagged  {what} {:.2}",
            if blameful { "blameful" } else { "blameless" },
            kind,
            of.len(),
            hits as f64 / of.len().max(1) as f64
        );
    }
    let count = |f: &dyn Fn(usize) -> bool| (0..cases.len()).filter(|&i| f(i)).count();
    let tp = count(&|i| cases[i].blameful && flagged[i]);
    let fneg = count(&|i| cases[i].blameful && !flagged[i]);
    let fp = count(&|i| !cases[i].blameful && flagged[i]);
    let tn = count(&|i| !cases[i].blameful && !flagged[i]);
    let published = count(&|i| cases[i].published && !cases[i].blameful);
    let published_fp = count(&|i| cases[i].published && !cases[i].blameful && flagged[i]);
    let figures = Figures {
        recall: tp as f64 / (tp + fneg).max(1) as f64,
        false_alarms: fp as f64 / (fp + tn).max(1) as f64,
        precision: tp as f64 / (tp + fp).max(1) as f64,
    };
    println!(
        "  all: {} sentences ({} blameful, {} blameless); recall {:.3}, false alarms {:.3}, \
         precision {:.3}; published blameless text: {published_fp}/{published} flagged",
        cases.len(),
        tp + fneg,
        fp + tn,
        figures.recall,
        figures.false_alarms,
        figures.precision
    );
    if show {
        for (i, c) in cases.iter().enumerate() {
            if c.blameful != flagged[i] {
                let what = if c.blameful { "missed" } else { "false alarm" };
                let rules: Vec<String> = lint_incident(&incident_of(c))
                    .iter()
                    .filter(|f| f.kind() == Kind::Blame)
                    .map(|f| format!("{} \"{}\"", f.rule, f.text))
                    .collect();
                println!("    {what} ({}): {}  {}", c.kind, c.text, rules.join(", "));
            }
        }
    }
    figures
}

#[test]
fn new_sentences_by_kind() {
    let (tuning, held) = new_set();
    assert!(tuning.len() + held.len() >= 150, "at least 150 sentences");
    assert!(
        tuning.iter().chain(&held).filter(|c| c.published).count() >= 50,
        "at least 50 published sentences"
    );
    let t = measure_new("new set, tuning half", &tuning, true);
    // The held-out half's misses are not printed unless asked for: the rules are not tuned on
    // them.
    let show = std::env::var_os("RETRO_LINT_SHOW_HELD_OUT").is_some();
    let h = measure_new("new set, held-out half", &held, show);
    println!(
        "new set: tuning recall {:.3}, false alarms {:.3}; held-out recall {:.3}, false alarms {:.3}",
        t.recall, t.false_alarms, h.recall, h.false_alarms
    );
    let (a, b) = parse_set(FRESH_SET);
    let fresh: Vec<Labeled> = a.into_iter().chain(b).collect();
    // Tuned on after its first run: its misses are printed like the tuning half's.
    let f = measure_new(
        "third set, published text (tuned on after its first run)",
        &fresh,
        true,
    );
    println!(
        "third set: recall {:.3}, false alarms {:.3}, precision {:.3}",
        f.recall, f.false_alarms, f.precision
    );
    let (a, b) = parse_set(FINAL_SET);
    let last: Vec<Labeled> = a.into_iter().chain(b).collect();
    let l = measure_new("fourth set, published text (measured only)", &last, show);
    println!(
        "fourth set: recall {:.3}, false alarms {:.3}, precision {:.3}",
        l.recall, l.false_alarms, l.precision
    );
    let (a, b) = parse_set(OWN_SET);
    let own: Vec<Labeled> = a.into_iter().chain(b).collect();
    let o = measure_new(
        "fifth set, written here (tuned on after its first run)",
        &own,
        true,
    );
    println!(
        "fifth set: recall {:.3}, false alarms {:.3}, precision {:.3}",
        o.recall, o.false_alarms, o.precision
    );
    let (a, b) = parse_set(BLIND_SET);
    let blind: Vec<Labeled> = a.into_iter().chain(b).collect();
    // Tuned on after its first run: its misses are printed like the tuning half's.
    let z = measure_new(
        "sixth set, blind (tuned on after its first run)",
        &blind,
        true,
    );
    println!(
        "sixth set: recall {:.3}, false alarms {:.3}, precision {:.3}",
        z.recall, z.false_alarms, z.precision
    );
    let (sa, sb) = (whole(SEVENTH_A), whole(SEVENTH_B));
    measure_new("seventh set, tuning half, part a (written)", &sa, true);
    measure_new("seventh set, tuning half, part b (published)", &sb, true);
    let seventh: Vec<Labeled> = sa.into_iter().chain(sb).collect();
    let v = measure_new("seventh set, tuning half", &seventh, false);
    println!(
        "seventh set, tuning half: recall {:.3}, false alarms {:.3}, precision {:.3}",
        v.recall, v.false_alarms, v.precision
    );
    assert!(
        v.false_alarms <= 0.03,
        "seventh set false alarms {:.3} rose",
        v.false_alarms
    );
    assert!(v.recall >= 0.89, "seventh set recall {:.3} fell", v.recall);
    // First run: recall 0.612, false alarms 0.062, precision 0.892. Tuned on since; the
    // floor is what the tuning reached, less a margin.
    assert!(z.recall >= 0.93, "sixth set recall {:.3} fell", z.recall);
    assert!(
        z.false_alarms <= 0.03,
        "sixth set false alarms {:.3} rose",
        z.false_alarms
    );
    assert!(z.precision >= 0.9, "sixth set precision {:.3}", z.precision);
    // The earlier sets stay where they were before the sixth set was tuned on.
    assert!(
        h.recall >= 0.98 && h.false_alarms <= 0.0,
        "new set, held-out half"
    );
    assert!(
        f.recall >= 0.79 && f.false_alarms <= 0.0,
        "third set: recall {:.3}, false alarms {:.3}",
        f.recall,
        f.false_alarms
    );
    assert!(
        l.recall >= 0.99 && l.false_alarms <= 0.0,
        "fourth set: recall {:.3}, false alarms {:.3}",
        l.recall,
        l.false_alarms
    );
    assert!(
        o.recall >= 0.99 && o.false_alarms <= 0.0,
        "fifth set: recall {:.3}, false alarms {:.3}",
        o.recall,
        o.false_alarms
    );
    assert!(t.recall >= 0.90, "tuning recall {:.3} below 0.90", t.recall);
    assert!(
        t.false_alarms <= 0.05,
        "tuning false alarms {:.3} above 0.05",
        t.false_alarms
    );
    assert!(t.precision > 0.0);
}

/// The seventh set's held-out half (part a written for it, part b copied from public pages),
/// split from the same files as its tuning half by position within each kind: measured only,
/// never tuned on, and never read by whoever changed the rules.
///
/// First run, with the rules as they were before the sixth set was tuned on (2026-12-02):
/// part a (120 sentences) recall 0.783, false alarms 0.067, precision 0.922; part b (144)
/// recall 0.262, false alarms 0.147, precision 0.423.
const SEVENTH_A_HELD: &str = include_str!("lint/seventh-a-held.tsv");
const SEVENTH_B_HELD: &str = include_str!("lint/seventh-b-held.tsv");

#[test]
fn seventh_set_held_out_half() {
    let show = std::env::var_os("RETRO_LINT_SHOW_HELD_OUT").is_some();
    let (a, b) = (whole(SEVENTH_A_HELD), whole(SEVENTH_B_HELD));
    let fa = measure_new("seventh set, held-out half, part a (written)", &a, show);
    let fb = measure_new("seventh set, held-out half, part b (published)", &b, show);
    let both: Vec<Labeled> = a.into_iter().chain(b).collect();
    let f = measure_new("seventh set, held-out half", &both, show);
    for (name, x) in [("part a", &fa), ("part b", &fb), ("both", &f)] {
        println!(
            "seventh set, held-out half, {name}: recall {:.3}, false alarms {:.3}, precision {:.3}",
            x.recall, x.false_alarms, x.precision
        );
    }
    // Floors against regressions only, below the figures of the rules first measured on it
    // (recall 0.598, false alarms 0.105 for both parts); the goal is recall 0.90 with false
    // alarms at most 0.05.
    assert!(f.recall >= 0.55, "held-out recall {:.3} fell", f.recall);
    assert!(
        f.false_alarms <= 0.15,
        "held-out false alarms {:.3} rose",
        f.false_alarms
    );
}

/// The eighth set, written by someone who had not seen the rules or the other sets: part a
/// (180 sentences written for it, 15 of each kind) and part b (204 sentences copied verbatim
/// from 98 public pages: postmortems, outage news, forums, blameless-culture posts), split by
/// position within each kind into a tuning half and a held-out half. Its `where` notes (chat,
/// news, …) are folded into `story`.
///
/// First run, on the rules of the seventh round (2026-12-02), blame findings only: tuning
/// half recall 0.634, false alarms 0.139 (part a 0.729 / 0.104, part b 0.533 / 0.167);
/// held-out half recall 0.600, false alarms 0.102 (part a 0.690 / 0.071, part b 0.512 /
/// 0.125). After tuning on the tuning half: recall 0.903, false alarms 0.046 there; the
/// held-out half in `eighth_set_held_out_half`.
const EIGHTH_A_TUNE: &str = include_str!("lint/eighth-a-tune.tsv");
const EIGHTH_B_TUNE: &str = include_str!("lint/eighth-b-tune.tsv");

#[test]
fn eighth_set_tuning_half() {
    let (a, b) = (whole(EIGHTH_A_TUNE), whole(EIGHTH_B_TUNE));
    let fa = measure_new("eighth set, tuning half, part a (written)", &a, true);
    let fb = measure_new("eighth set, tuning half, part b (published)", &b, true);
    let both: Vec<Labeled> = a.into_iter().chain(b).collect();
    let f = measure_new("eighth set, tuning half", &both, false);
    for (name, x) in [("part a", &fa), ("part b", &fb), ("both", &f)] {
        println!(
            "eighth set, tuning half, {name}: recall {:.3}, false alarms {:.3}, precision {:.3}",
            x.recall, x.false_alarms, x.precision
        );
    }
    // The goal on the tuning half: recall at least 0.90, false alarms at most 0.05 (after
    // tuning on it: recall 0.903, false alarms 0.046, and 0.914 / 0.037 after the fifth round;
    // the first run read recall 0.634, false alarms 0.139).
    assert!(
        f.recall >= 0.90,
        "eighth tuning recall {:.3} below 0.90",
        f.recall
    );
    assert!(
        f.false_alarms <= 0.05,
        "eighth tuning false alarms {:.3} above 0.05",
        f.false_alarms
    );
}

/// The eighth set's held-out half: measured only, never tuned on, and never read by whoever
/// changed the rules (its misses are printed only with `RETRO_LINT_SHOW_HELD_OUT=1`).
const EIGHTH_A_HELD: &str = include_str!("lint/eighth-a-held.tsv");
const EIGHTH_B_HELD: &str = include_str!("lint/eighth-b-held.tsv");

#[test]
fn eighth_set_held_out_half() {
    let show = std::env::var_os("RETRO_LINT_SHOW_HELD_OUT").is_some();
    let (a, b) = (whole(EIGHTH_A_HELD), whole(EIGHTH_B_HELD));
    let fa = measure_new("eighth set, held-out half, part a (written)", &a, show);
    let fb = measure_new("eighth set, held-out half, part b (published)", &b, show);
    let both: Vec<Labeled> = a.into_iter().chain(b).collect();
    let f = measure_new("eighth set, held-out half", &both, show);
    for (name, x) in [("part a", &fa), ("part b", &fb), ("both", &f)] {
        println!(
            "eighth set, held-out half, {name}: recall {:.3}, false alarms {:.3}, precision {:.3}",
            x.recall, x.false_alarms, x.precision
        );
    }
    // Floors against regressions only, at the first run's figures (recall 0.600, false
    // alarms 0.102); the goal is recall 0.90 with false alarms at most 0.05.
    assert!(
        f.recall >= 0.60,
        "eighth held-out recall {:.3} fell",
        f.recall
    );
    assert!(
        f.false_alarms <= 0.11,
        "eighth held-out false alarms {:.3} rose",
        f.false_alarms
    );
}

/// The ninth set: written here for the fifth round, one block per kind, and tuned on; a guard
/// for what the rules learned from it, not a measure of new text.
const NINTH_WRITTEN: &str = include_str!("lint/ninth-written.tsv");

#[test]
fn ninth_set_written_here() {
    let f = measure_new(
        "ninth set, written here (tuned on)",
        &whole(NINTH_WRITTEN),
        true,
    );
    println!(
        "ninth set: recall {:.3}, false alarms {:.3}, precision {:.3}",
        f.recall, f.false_alarms, f.precision
    );
    // After tuning: recall 0.936 (88 of 94), false alarms 0.024 (2 of 82).
    assert!(f.recall >= 0.92, "ninth set recall {:.3} fell", f.recall);
    assert!(
        f.false_alarms <= 0.03,
        "ninth set false alarms {:.3} rose",
        f.false_alarms
    );
}
