//! The rules of the kind files, each tested as a way of blaming: two or three variants of
//! their own (none taken from a labeled set), and blameless near-misses that share their
//! words.

use super::super::{Context, People, Rule, lint_text};

fn people() -> People {
    People::new(["Dave", "Priya Raman", "Tomás", "Mei", "incident commander"])
}

/// `(rule, span)` of every blame hit in `text`, linted as a story.
fn blame(text: &str) -> Vec<(Rule, String)> {
    let p = people();
    let ctx = Context::new(&p, &[], "", false);
    lint_text(text, &ctx)
        .into_iter()
        .filter(|h| h.rule.kind() == super::super::Kind::Blame)
        .map(|h| {
            assert!(!h.reason.is_empty() && !h.suggestion.is_empty());
            (h.rule, text[h.start..h.end].to_string())
        })
        .collect()
}

/// Asserts a blame hit of `rule` whose span is `span`.
fn flags(text: &str, rule: Rule, span: &str) {
    let found = blame(text);
    assert!(
        found.contains(&(rule, span.to_string())),
        "expected {rule} \"{span}\" in {text:?}, got {found:?}"
    );
}

/// Asserts no blame hit at all.
fn quiet(text: &str) {
    let found = blame(text);
    assert!(
        found.is_empty(),
        "expected nothing in {text:?}, got {found:?}"
    );
}

#[test]
fn answerable_for_a_past_outcome() {
    flags(
        "Ravi is responsible for the checkout outage.",
        Rule::Punishment,
        "responsible for the checkout outage",
    );
    flags(
        "The auditors say a single merchant was responsible for the crash.",
        Rule::Punishment,
        "responsible for the crash",
    );
    flags(
        "Management found the contractor responsible for the data loss.",
        Rule::Punishment,
        "contractor responsible for the data loss",
    );
    // An owner named for what comes next, a system as the cause, or a gerund of work.
    quiet("Mei will be responsible for the new failover drill.");
    quiet("Retries in the client were largely responsible for the extended downtime.");
    quiet("The SRE responsible for restoring the replica paged the DBA.");
    quiet("Priya is responsible for the follow-up on the outage.");
}

#[test]
fn responsibility_taken_for_someone_else() {
    flags(
        "The night operator took full responsibility for the failed failover.",
        Rule::Punishment,
        "took full responsibility for the failed",
    );
    flags(
        "Lena accepted responsibility for the outage in front of the board.",
        Rule::Punishment,
        "accepted responsibility for the outage",
    );
    // Oneself, or a team taking on future work.
    quiet("I take responsibility for the outage and its follow-ups.");
    quiet("The platform team took responsibility for the new alerting.");
}

#[test]
fn heads_jobs_pay_and_access_as_penalties() {
    flags(
        "Heads will have to roll.",
        Rule::Punishment,
        "Heads will have to roll",
    );
    flags(
        "After Friday, heads are definitely going to roll.",
        Rule::Punishment,
        "heads are definitely going to roll",
    );
    flags(
        "The intern lost her job over the bad push.",
        Rule::Punishment,
        "lost her job",
    );
    flags(
        "The contractor should lose production access for a month.",
        Rule::Punishment,
        "lose production access",
    );
    flags(
        "Oskar's bonus will be cut because of this.",
        Rule::Punishment,
        "Oskar's bonus will be cut",
    );
    // A fact about access, a head of a team, a roll-out.
    quiet("The SREs had lost access to the bastion when their keys expired.");
    quiet("The head of the database team rolled back the change.");
    quiet("Our budget took a hit from the extra capacity.");
}

#[test]
fn paying_for_what_a_person_did() {
    flags(
        "The DBA must now get approval for every change, as a penalty for what he did.",
        Rule::Punishment,
        "penalty for what he did",
    );
    flags(
        "We have taken action against the engineer concerned.",
        Rule::Punishment,
        "taken action against the engineer",
    );
    flags(
        "The vendor threw its own on-call under the bus.",
        Rule::Punishment,
        "threw its own on-call under the bus",
    );
    flags(
        "Honestly, you fire when someone ignores the checklist twice.",
        Rule::Punishment,
        "fire when",
    );
    flags(
        "The engineer has since been reassigned.",
        Rule::Punishment,
        "reassigned",
    );
    flags(
        "Dave owes the on-call rotation and the support staff an apology.",
        Rule::Punishment,
        "owes the on-call rotation and the support staff an apology",
    );
    flags(
        "The board demanded names within the hour.",
        Rule::Punishment,
        "demanded names",
    );
    quiet("We asked Dave what he did first, to build the timeline.");
    quiet("The ticket was reassigned to the storage team.");
    quiet("We have taken action on the alert thresholds.");
    quiet("The alert fires when someone pushes to main.");
    quiet("Leadership wants the names of the hosts that failed over.");
    quiet("Mei rode the bus to the data centre.");
}

#[test]
fn rejected_or_discussed_blame_is_not_laid() {
    quiet("This is not about whether Ana made a mistake.");
    quiet("The point isn't whether the on-call should have noticed.");
    quiet("We do not ask who was careless; we ask what made it easy.");
    quiet("Avoid blaming the responder for the delay.");
    quiet("Punishing the operator would not make the button safer.");
    quiet("Firing the engineer will only teach everyone to hide their mistakes.");
    quiet("We moved from blaming the on-call to fixing the alerts.");
    quiet("We never punish anyone for an honest, very human slip.");
    quiet("Reviews that blame the engineer instead of the tooling teach nothing.");
    quiet("Nobody here is to blame for the failover.");
    // The same words laying blame.
    flags("Ana made a mistake.", Rule::PersonFailure, "made a mistake");
    flags(
        "The on-call should have noticed.",
        Rule::Counterfactual,
        "should have noticed",
    );
    flags(
        "We blame the engineer for the delay.",
        Rule::BlameWord,
        "blame",
    );
    flags(
        "The engineer at fault left before the board call on Monday.",
        Rule::BlameWord,
        "at fault",
    );
}

#[test]
fn acts_on_the_wrong_target() {
    flags(
        "At 02:10 the on-call restarts the wrong cluster.",
        Rule::PersonFailure,
        "restarts the wrong cluster",
    );
    flags(
        "Ingrid applied the patch to the wrong region.",
        Rule::PersonFailure,
        "applied the patch to the wrong region",
    );
    // Found or set right by a person, done by a tool, or bad timing.
    quiet("Mei spotted the wrong hostname in the change ticket.");
    quiet("The deploy tool picked the wrong region from a stale cache.");
    quiet("The page arrived at the wrong time for everyone.");
}

#[test]
fn slips_told_through_adverbs_and_participles() {
    flags(
        "A technician replacing a disk at the Frankfurt (FRA) site accidentally unplugged the switch.",
        Rule::PersonFailure,
        "accidentally unplugged",
    );
    flags(
        "The reviewer approved the change, unknowingly letting the bad flag through.",
        Rule::PersonFailure,
        "unknowingly letting",
    );
    flags(
        "The admin chose wrongly between the two consoles.",
        Rule::PersonFailure,
        "chose wrongly",
    );
    flags(
        "The rack was inadvertently powered off by a contractor.",
        Rule::PersonFailure,
        "inadvertently powered",
    );
    flags(
        "A sysadmin, rushing to finish before midnight, made the costly mistake of skipping the backup.",
        Rule::PersonFailure,
        "made the costly mistake",
    );
    // A system's act, or a passive with no person as agent.
    quiet("The cron job ran again at noon, accidentally deleting the temp files.");
    quiet("The rack was accidentally powered off during the move.");
}

#[test]
fn one_customer_as_the_cause() {
    flags(
        "A single tenant caused the crash, and one user caused the outage.",
        Rule::PersonFailure,
        "user caused the outage",
    );
    quiet("Customers caused a traffic spike at noon.");
    quiet("A customer's valid configuration caused the bug to surface.");
}

#[test]
fn faulty_work_owned_by_a_person() {
    flags(
        "Olek's rushed failover left the replica behind.",
        Rule::PersonFailure,
        "Olek's rushed failover",
    );
    flags(
        "The outage came from her untested migration.",
        Rule::PersonFailure,
        "her untested migration",
    );
    flags(
        "The DBA's ill-advised query locked the table.",
        Rule::PersonFailure,
        "DBA's ill-advised query",
    );
    // Work that is no one's, a person's thing that broke, a system's output.
    quiet("The untested migration locked the table.");
    quiet("Priya's broken laptop delayed the handover.");
    quiet("The scheduler's rushed retries filled the queue.");
}

#[test]
fn judged_qualities_and_failings() {
    flags(
        "Frankly the on-call's focus that night was lacking.",
        Rule::BlameWord,
        "on-call's focus that night was lacking",
    );
    flags(
        "Tomás's understanding of the cache is weak.",
        Rule::BlameWord,
        "Tomás's understanding of the cache is weak",
    );
    flags(
        "The reviewer displayed a complete lack of care.",
        Rule::BlameWord,
        "displayed a complete lack of care",
    );
    flags(
        "The contractor lacks the judgement for production work.",
        Rule::BlameWord,
        "lacks the judgement",
    );
    flags(
        "Mei wasn't sufficiently careful with the flag.",
        Rule::BlameWord,
        "wasn't sufficiently careful",
    );
    flags(
        "The SRE cut corners on the restore.",
        Rule::BlameWord,
        "cut corners",
    );
    flags(
        "He just doesn't understand the retry logic.",
        Rule::BlameWord,
        "doesn't understand the",
    );
    // Conditions, systems and a good verdict.
    quiet("The new hire lacked access to the bastion host.");
    quiet("The dashboard showed a lack of data for the region.");
    quiet("Priya's judgement during the incident was sound.");
    quiet("The parser doesn't understand the new format.");
    quiet("The cache lacks the ability to expire keys early.");
}

#[test]
fn culprits_mistakes_on_a_part_and_insults() {
    flags(
        "The culprit, as usual, was Kasia.",
        Rule::BlameWord,
        "culprit, as usual, was Kasia",
    );
    flags(
        "It was an oversight on her part.",
        Rule::PersonFailure,
        "oversight on her part",
    );
    flags(
        "The outage followed a lapse by a lone junior admin.",
        Rule::PersonFailure,
        "lapse by a lone junior admin",
    );
    flags("Some fool restarted the primary.", Rule::BlameWord, "fool");
    flags(
        "The on-call's slowness cost us the SLA.",
        Rule::PersonFailure,
        "on-call's slowness",
    );
    quiet("The culprit was a stale DNS cache.");
    quiet("We are not looking for a culprit.");
    quiet("The deploy tool needs a fool-proof confirmation step.");
    quiet("No mistake on anyone's part led to this.");
}

#[test]
fn faulty_changes_with_a_person_as_agent() {
    flags(
        "A malformed rule file was uploaded by the on-call at midnight.",
        Rule::Counterfactual,
        "malformed rule file was uploaded by the on-call",
    );
    flags(
        "The outage traced back to hasty edits made by two contractors.",
        Rule::Counterfactual,
        "hasty edits made by two contractors",
    );
    // The agent is a tool, or the change is not called faulty.
    quiet("A malformed rule file was uploaded by the sync job at midnight.");
    quiet("The config change was approved by the on-call, as the process requires.");
}

#[test]
fn acts_against_a_rule_and_procedures_not_followed() {
    flags(
        "Rhea restarted the primary during the freeze, against procedure.",
        Rule::Counterfactual,
        "against procedure",
    );
    flags(
        "The contractor merged it in violation of the change policy.",
        Rule::Counterfactual,
        "in violation of the change policy",
    );
    flags(
        "The failover checklist was never followed.",
        Rule::Counterfactual,
        "checklist was never followed",
    );
    flags(
        "Our rollback procedure, written last year, wasn't adhered to.",
        Rule::Counterfactual,
        "procedure, written last year, wasn't adhered to",
    );
    // A system against a rule, a rule followed, a rule discussed.
    quiet("The proxy retried against policy limits until the breaker opened.");
    quiet("The failover checklist was followed step by step.");
    quiet("The runbook was not written for a two-region failure.");
}

#[test]
fn people_named_as_the_cause() {
    flags(
        "Operators are the usual cause of these outages.",
        Rule::HumanError,
        "Operators are the usual cause",
    );
    flags(
        "In the end, the weak link was the human element.",
        Rule::HumanError,
        "human element",
    );
    flags(
        "The report concluded it was a \"human error\".",
        Rule::HumanError,
        "human error",
    );
    // The field of study, people with a condition, a label discussed.
    quiet("The human factors of the pager made alerts easy to dismiss.");
    quiet("The problem was that people had no way to see the flag.");
    quiet("Calling it \"human error\" would end the analysis.");
    quiet("BA blamed \"human error\" for the outage.");
}

#[test]
fn more_ways_of_asking_who_pays() {
    flags(
        "The vendor's engineer must be held to account.",
        Rule::Punishment,
        "held to account",
    );
    flags(
        "There have to be consequences for the contractor who pushed it.",
        Rule::Punishment,
        "consequences for the contractor",
    );
    flags(
        "The data loss was Kofi's responsibility.",
        Rule::Punishment,
        "Kofi's responsibility",
    );
    flags(
        "It all went wrong on the night shift's watch.",
        Rule::Punishment,
        "on the night shift's watch",
    );
    flags(
        "The release manager needs to own this mess.",
        Rule::Punishment,
        "own this mess",
    );
    flags(
        "Whoever approved it should be dealt with.",
        Rule::Punishment,
        "dealt with",
    );
    quiet("The consequences for customers were two hours without checkout.");
    quiet("Restores are Kofi's responsibility from next sprint.");
    quiet("The storage team will own the follow-up on the outage.");
    quiet("The backlog was dealt with by the end of the week.");
}

#[test]
fn more_judgements_of_people() {
    flags(
        "Ana let the whole team down.",
        Rule::BlameWord,
        "let the whole team down",
    );
    flags(
        "An intern has no business running migrations.",
        Rule::BlameWord,
        "has no business",
    );
    flags("Bilal rushed the rollback.", Rule::BlameWord, "rushed the");
    flags(
        "The approver rubber-stamped the change.",
        Rule::BlameWord,
        "rubber-stamped",
    );
    flags(
        "The contractor should never have been trusted with root.",
        Rule::Counterfactual,
        "should never have been trusted",
    );
    flags(
        "Whoever set this threshold clearly had no clue what they were doing.",
        Rule::BlameWord,
        "had no clue what",
    );
    flags(
        "The on-call's runbook was rubbish.",
        Rule::BlameWord,
        "on-call's runbook was rubbish",
    );
    quiet("Ana rushed to the data centre with a spare disk.");
    quiet("The page should have been routed to the database on-call.");
    quiet("The load test let the error budget down to zero.");
}

#[test]
fn more_hindsight_and_people_as_cause() {
    flags(
        "Nils sat on the escalation for an hour.",
        Rule::Counterfactual,
        "sat on the escalation",
    );
    flags(
        "The DBA restarted the primary without warning anyone.",
        Rule::Counterfactual,
        "without warning",
    );
    flags(
        "The cause, in the end, was entirely human.",
        Rule::HumanError,
        "cause, in the end, was entirely human",
    );
    quiet("Nils sat on the bridge call for an hour.");
    quiet("The first responder missed the page because the pager had no signal.");
    quiet("The retrospective is not a place to assign blame.");
    quiet("It is tempting to say the on-call should have noticed; nothing was shown.");
    quiet("The interface was designed to be human friendly.");
}

#[test]
fn accounts_with_their_reasons_and_other_near_misses() {
    // The same acts told as a verdict are flagged.
    flags(
        "Luca restored the wrong snapshot.",
        Rule::PersonFailure,
        "restored the wrong snapshot",
    );
    flags(
        "The upgrade checklist was not followed.",
        Rule::Counterfactual,
        "checklist was not followed",
    );
    // Told with the reason, they are an account.
    quiet("Luca picked the wrong snapshot, as both had the same timestamp.");
    quiet("The upgrade checklist was not followed because it predates the new cluster.");
    quiet("The SRE was reassigned the ticket by the triage rota.");
    quiet("She accidentally discovered the leak while profiling.");
    quiet("The courier took a shortcut across the campus to deliver the disk.");
}

#[test]
fn idioms_of_penalty_and_judgement() {
    flags(
        "The contractor was quietly shown the door.",
        Rule::Punishment,
        "shown the door",
    );
    flags(
        "Two engineers got the axe after the outage.",
        Rule::Punishment,
        "got the axe",
    );
    flags(
        "Management docked the on-call's bonus.",
        Rule::Punishment,
        "docked the on-call's bonus",
    );
    flags(
        "Frankly, the new SRE cannot be trusted near the database.",
        Rule::BlameWord,
        "cannot be trusted",
    );
    flags(
        "The reviewer simply wasn't sharp enough.",
        Rule::BlameWord,
        "wasn't sharp enough",
    );
    flags(
        "The operator was cocky about the change.",
        Rule::BlameWord,
        "cocky",
    );
    quiet("The new badge reader showed visitors the door to the lab.");
    quiet("The cache cannot be trusted after a failover.");
    quiet("The failover wasn't fast enough for the SLA.");
}

#[test]
fn slips_by_mistake_hindsight_of_the_obvious_and_jargon_for_people() {
    flags(
        "Bea truncated the audit table by mistake.",
        Rule::PersonFailure,
        "by mistake",
    );
    flags(
        "The SRE purged the queue in error.",
        Rule::PersonFailure,
        "in error",
    );
    flags(
        "The expiry must have been obvious to anyone on the rota.",
        Rule::Counterfactual,
        "must have been obvious",
    );
    flags(
        "Honestly this was a layer eight issue.",
        Rule::HumanError,
        "layer eight issue",
    );
    quiet("The importer truncated the table by mistake when the schema changed.");
    quiet("The dashboard made the expiry obvious to anyone on the rota.");
    quiet("We could only see it in hindsight; nothing made it evident at the time.");
}

#[test]
fn blame_reported_criticised_or_owned_is_not_laid() {
    quiet("The auditor accused the night clerk of gross carelessness.");
    quiet("Reviews elsewhere were too eager to blame the operators.");
    quiet("The first thing the old process did was look for an engineer to blame.");
    quiet("Some colleagues thought Mei should have known; the flag was undocumented.");
    quiet("A director asked whether the contractor should be fired.");
    quiet("We reject the idea that the responder was negligent.");
    quiet("The regulator blamed the collapse on operator error and a faulty valve.");
    quiet("Too often, human error is cited as the cause.");
    quiet("Whose fault was it, really?");
    quiet("It was the alert design at fault, not the responder.");
    quiet("Looking back, I should have asked for a second reviewer; my bad.");
    quiet("Ines will be held accountable for shipping the new validator next quarter.");
    // The same words, laid by the writer.
    flags(
        "The night clerk was grossly careless.",
        Rule::BlameWord,
        "careless",
    );
    flags("The responder is at fault.", Rule::BlameWord, "at fault");
    flags(
        "Ines will be held accountable for the outage.",
        Rule::Punishment,
        "held accountable",
    );
    flags(
        "I should have asked for a second reviewer.",
        Rule::Counterfactual,
        "should have asked",
    );
}

#[test]
fn seventh_round_ways_of_blaming() {
    // Penalties and answerability.
    flags(
        "Mods, ban that admin now.",
        Rule::Punishment,
        "ban that admin",
    );
    flags(
        "The SRE should bear the consequences of the purge.",
        Rule::Punishment,
        "bear the consequences",
    );
    flags(
        "The whole outage rests on the DBA's shoulders.",
        Rule::Punishment,
        "on the DBA's shoulders",
    );
    flags(
        "After the outage the release manager was quietly sidelined.",
        Rule::Punishment,
        "sidelined",
    );
    flags(
        "The engineer was laterally moved to a team with no prod access.",
        Rule::Punishment,
        "laterally moved",
    );
    // Hindsight and judgement.
    flags(
        "The on-call waves off the disk warning.",
        Rule::Counterfactual,
        "waves off",
    );
    flags(
        "The DBA ignores the replication alert, merges anyway.",
        Rule::Counterfactual,
        "ignores",
    );
    flags(
        "Had the operator exercised due care, the wipe would not have happened.",
        Rule::BlameWord,
        "exercised due care",
    );
    flags(
        "The admins acted like amateurs.",
        Rule::BlameWord,
        "acted like amateurs",
    );
    flags(
        "Anyone with half a brain would have checked.",
        Rule::BlameWord,
        "half a brain",
    );
    // People as the cause, and a person's slip.
    flags(
        "Root cause: an SRE error during the failover.",
        Rule::HumanError,
        "SRE error",
    );
    flags(
        "The pilot's failure to extend the flaps led to the overrun.",
        Rule::PersonFailure,
        "pilot's failure",
    );
    flags(
        "A rookie fat fingers the hostname.",
        Rule::BlameWord,
        "fat fingers",
    );
    // Near-misses.
    quiet("The scheduler waves off retries after three attempts.");
    quiet("We carry on with the rollout once the canary is green.");
    quiet("The pilot rollout to ten percent of hosts went smoothly.");
    quiet("The owner of the alert is the storage team.");
    quiet("The firewall bans abusive clients automatically.");
}

#[test]
fn answering_explaining_and_removal_with_the_person_as_object() {
    flags(
        "The director wants Kaito to account for the deleted records.",
        Rule::Punishment,
        "account for the deleted",
    );
    flags(
        "Noor will have to explain to the board why payments failed.",
        Rule::Punishment,
        "explain to the board why",
    );
    flags(
        "The manager takes Ines off the pager for a month.",
        Rule::Punishment,
        "takes Ines off the pager",
    );
    flags(
        "Poor judgement from the night supervisor delayed the failover.",
        Rule::PersonFailure,
        "Poor judgement from the night supervisor",
    );
    flags(
        "The customer accidentally wiped their production project.",
        Rule::PersonFailure,
        "accidentally wiped",
    );
    flags(
        "The on-call still hasn't acknowledged the page.",
        Rule::PersonFailure,
        "hasn't acknowledged",
    );
    flags(
        "Ravi executed a dangerous migration on the primary.",
        Rule::PersonFailure,
        "executed a dangerous",
    );
    quiet("Retries account for most of the traffic after the outage.");
    quiet("Noor will explain to new hires how the failover works.");
    quiet("Noor will explain to the team why the failover was slow.");
    quiet("The scheduler takes nodes off the pool when they fail checks.");
    quiet("The migration hasn't finished yet.");
    quiet("A customer accidentally discovered the bug.");
}

#[test]
fn a_slip_or_a_state_made_the_cause() {
    flags(
        "That blunder cost us the weekend.",
        Rule::PersonFailure,
        "That blunder cost",
    );
    flags(
        "The page went unanswered only because the on-call was napping.",
        Rule::Counterfactual,
        "because the on-call was napping",
    );
    flags(
        "Without checking the target, the admin ran the purge.",
        Rule::Counterfactual,
        "Without checking",
    );
    quiet("This oversight board meets monthly.");
    quiet("The page went unanswered because the pager was offline.");
    quiet("Without checking the cache, the proxy served stale pages.");
}

#[test]
fn skipped_safeguards_untested_pushes_and_hyphenated_hindsight() {
    flags(
        "The technician skipped three steps of the restore runbook.",
        Rule::BlameWord,
        "skipped three steps",
    );
    flags(
        "Her decision to bypass the safeguards took checkout down.",
        Rule::BlameWord,
        "bypass the safeguards",
    );
    flags(
        "The contractor deployed untested changes to every region.",
        Rule::PersonFailure,
        "deployed untested",
    );
    flags(
        "The on-call should have cross-checked the host list.",
        Rule::Counterfactual,
        "should have cross-checked",
    );
    flags(
        "Lior ran dd -of on the wrong disk.",
        Rule::PersonFailure,
        "ran dd -of on the wrong disk",
    );
    quiet("The pipeline skipped the canary because the flag was off.");
    quiet("The retry path bypasses the cache for writes.");
    quiet("The release train deployed untested changes to staging by design.");
}

#[test]
fn a_clause_that_opens_by_denying_anyone_lays_no_blame() {
    quiet("No one here is at fault.");
    quiet("None of this was the on-call's fault.");
    quiet("There are multiple fails here, none of which are the fault of the author.");
    quiet("Nobody in this review is being held responsible for the outage.");
    quiet("It's not the janitor's fault, nor is it the resident's fault.");
    // Another person acting inside the clause still carries the blame.
    flags(
        "No one noticed that the on-call ignored the page.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "None of us knew Dave had deleted the table.",
        Rule::PersonFailure,
        "deleted",
    );
    flags(
        "Nobody checked the alerts because Dave was careless.",
        Rule::BlameWord,
        "careless",
    );
    flags(
        "Nobody but the new hire is to blame.",
        Rule::BlameWord,
        "to blame",
    );
}

#[test]
fn blame_that_a_later_part_of_the_sentence_disowns_is_not_laid() {
    quiet("The press blamed the intern, a claim the review found no support for.");
    quiet(
        "The audit attributes the outage to operator mistakes, a conclusion the vendor disputes.",
    );
    quiet("The SRE team got blamed at the all-hands, which turned out to be wrong.");
    quiet("Dave was blamed at first, which was unfair: the alert never fired.");
    quiet("A forum thread called the admin an idiot, which misses how the console was laid out.");
    quiet("The vendor's statement blamed a technician, but our timeline shows their tool sent it.");
    // The writer's own blame is not undone by what follows.
    flags(
        "Dave ignored the alert, but the logs show he was paged twice.",
        Rule::Counterfactual,
        "ignored",
    );
    flags(
        "The on-call was careless, but the review found that too.",
        Rule::BlameWord,
        "careless",
    );
    flags(
        "Dave skipped the check, which misses the point of the checklist.",
        Rule::BlameWord,
        "skipped the check",
    );
}

#[test]
fn people_cutting_links_and_agents_further_after_by() {
    flags(
        "A construction crew cut another fiber line.",
        Rule::PersonFailure,
        "cut",
    );
    flags("Dave severed the cable.", Rule::PersonFailure, "severed");
    flags(
        "The technicians cut the power to the control panel.",
        Rule::PersonFailure,
        "cut",
    );
    flags(
        "The outage was caused by a solitary maintenance worker.",
        Rule::PersonFailure,
        "caused by a solitary maintenance worker",
    );
    quiet("Dave cut a release at noon.");
    quiet("We cut the timeout to five seconds.");
    quiet("The backhoe cut the fiber.");
    quiet("The storm cut power to the region.");
    quiet("Mei cut the line count of the config in half.");
    quiet("The outage was caused by a change to the worker pool.");
    // What made a person act is the cause told.
    quiet("An inaccurate work order led a crew to cut the lines.");
    quiet("A wrong ticket made the engineer wipe the replica.");
}

#[test]
fn a_text_that_is_one_quotation_is_linted_as_written() {
    flags(
        "\"If you exercised normal care, Dave, it couldn't have happened.\"",
        Rule::BlameWord,
        "exercised normal care",
    );
    flags(
        "“The on-call ignored the disk alert for an hour.”",
        Rule::Counterfactual,
        "ignored",
    );
    // A quotation inside the writer's own sentence is still someone else's words.
    quiet("The first draft said \"Tomás was careless\", and we rewrote it.");
}

#[test]
fn attention_resignation_duties_skipped_process_and_warnings() {
    // Judging attention and thought.
    flags(
        "He hadn't been paying attention.",
        Rule::BlameWord,
        "hadn't been paying attention",
    );
    flags(
        "The on-call barely looked at the graphs.",
        Rule::BlameWord,
        "barely looked",
    );
    flags(
        "Whoever wrote this obviously never thought about time zones.",
        Rule::BlameWord,
        "never thought",
    );
    quiet("We never thought about time zones.");
    quiet("The cron job never considered time zones.");
    // Resignation and consequences.
    flags(
        "Dave should resign over this.",
        Rule::Punishment,
        "should resign",
    );
    flags(
        "Escalate to his manager for consequences.",
        Rule::Punishment,
        "manager for consequences",
    );
    quiet("Dave will resign as release manager next month.");
    quiet("We looked for consequences of the change in the logs.");
    // Hindsight in a passive with a person as agent, and a duty told as not done.
    flags(
        "The rollback was held up by the incident commander.",
        Rule::Counterfactual,
        "held up by the incident commander",
    );
    flags(
        "Dave was supposed to check the backups but never did.",
        Rule::Counterfactual,
        "was supposed to check the backups but never",
    );
    quiet("The job was supposed to run at noon, and it didn't.");
    quiet("I was supposed to check the backups but never did.");
    quiet("Priya was told to wait, and she didn't need to.");
    quiet("The deploy was stalled by the change freeze.");
    // A process skipped.
    flags(
        "The engineer rebooted the core switch without a change ticket.",
        Rule::Counterfactual,
        "without a change ticket",
    );
    quiet("The pipeline shipped the change without approval.");
    quiet("Emergency changes can go out without a ticket, by policy.");
    // A warning that should have been enough.
    flags(
        "The alarm should have been sufficient warning to the technicians.",
        Rule::Counterfactual,
        "should have been sufficient",
    );
    quiet("Five minutes should have been enough time for the failover.");
    quiet("The alert was not enough warning: it fired two minutes before the disk filled.");
    // A slip by part of a group, or by a person named with a plain modifier.
    flags(
        "It was a slip by one of its field technicians.",
        Rule::PersonFailure,
        "slip by one of its field technicians",
    );
    quiet("The canary neglected to report errors from the batch workers.");
}

#[test]
fn passive_conditionals_roles_and_owners() {
    // A person acted on in a conditional is not imagined acting otherwise.
    quiet("If the on-call had been paged, we would have known sooner.");
    quiet("If Dave had been told about the flag, he would have waited.");
    flags(
        "If Dave had been careful, we would have caught it.",
        Rule::Counterfactual,
        "If Dave had been",
    );
    flags(
        "If the on-call had been paying attention, nothing would have broken.",
        Rule::Counterfactual,
        "If the on-call had been",
    );
    // A role described by its work, not by an outcome.
    quiet("The incident commander is the individual responsible for all incident activities.");
    // The one a possessive owns is who acted.
    flags(
        "The vendor's support engineer rebooted our core switch without a change ticket.",
        Rule::Counterfactual,
        "without a change ticket",
    );
}

#[test]
fn a_persons_slow_response_and_destructive_statements() {
    flags(
        "The on-call's slow response turned a blip into an outage.",
        Rule::PersonFailure,
        "on-call's slow response",
    );
    flags(
        "His late escalation cost an hour.",
        Rule::PersonFailure,
        "His late escalation",
    );
    quiet("The API's slow response turned a blip into an outage.");
    quiet("Our slow response cost an hour.");
    flags(
        "Someone ran DROP TABLE on production.",
        Rule::PersonFailure,
        "ran DROP TABLE",
    );
    flags(
        "The contractor executed TRUNCATE on the orders table.",
        Rule::PersonFailure,
        "executed TRUNCATE",
    );
    quiet("The migration ran DROP TABLE on the old schema, as planned.");
    quiet("We ran DROP TABLE on the staging copy.");
    quiet("Dave ran drop-in tests.");
}

#[test]
fn expectations_and_abbreviations_of_months_and_places() {
    quiet("At 2:34 PM, I executed what should have been a routine database cleanup script.");
    quiet("Dave ran what should have been a no-op migration.");
    flags(
        "Dave should have been a routine reviewer of that change, and he skipped it.",
        Rule::Counterfactual,
        "should have been",
    );
    // `Feb.` ends no sentence.
    quiet(
        "Federal investigators blamed the crash near Toledo on Feb. 15 on pilot error and a faulty valve.",
    );
}

#[test]
fn labels_discussed_and_blame_the_writer_disbelieves() {
    quiet("Operator error is often used as a simple explanation for failure.");
    quiet("Human error is too commonly cited as the cause.");
    flags(
        "Human error is often the cause of our outages.",
        Rule::HumanError,
        "Human error",
    );
    quiet("I don't think people's jobs should be on the line, or heads should roll.");
    quiet("We don't believe the on-call was careless.");
    flags(
        "I don't think anyone should be fired, but Dave was careless.",
        Rule::BlameWord,
        "careless",
    );
    flags("I think Dave was careless.", Rule::BlameWord, "careless");
}

#[test]
fn a_persons_act_as_the_cause_bans_from_places_and_lapses_that_led_somewhere() {
    flags(
        "400 phones out due to the contractor's cut.",
        Rule::PersonFailure,
        "due to the contractor's cut",
    );
    flags(
        "The outage was due to Dave's change.",
        Rule::PersonFailure,
        "due to Dave's change",
    );
    quiet("The outage was due to the config change.");
    quiet("It broke because of the library's bug.");
    flags(
        "The oversight led to huge power oscillations.",
        Rule::PersonFailure,
        "The oversight led",
    );
    quiet("Regulatory oversight led to new rules.");
    flags(
        "The contractor's crew should be barred from the data hall.",
        Rule::Punishment,
        "barred from the data hall",
    );
    flags(
        "A fiber got cut by a clumsy contractor with a backhoe.",
        Rule::BlameWord,
        "clumsy",
    );
    flags(
        "Administrators misconfigure systems.",
        Rule::PersonFailure,
        "misconfigure",
    );
    quiet("The script misconfigures the proxy when the flag is unset.");
    quiet("We misconfigured the proxy.");
}

#[test]
fn a_persons_act_told_by_the_harm_it_did() {
    flags(
        "One man left two million people in the dark.",
        Rule::PersonFailure,
        "left two million people in the dark",
    );
    flags(
        "The contractor left thousands without power.",
        Rule::PersonFailure,
        "left thousands without power",
    );
    flags(
        "He dropped the instrument, causing $560 of damage.",
        Rule::PersonFailure,
        "causing $560 of damage",
    );
    flags(
        "They hammered the card into the slot upside down.",
        Rule::PersonFailure,
        "upside down",
    );
    quiet("The storm left thousands without power.");
    quiet("The disk filled, causing an outage.");
    quiet("We left the flag on, causing an outage.");
    quiet("The cable was installed upside down.");
    quiet("Priya left the incident channel at 15:00, leaving Mei in charge.");
    quiet("The graph reads backwards: newest on the left.");
}

#[test]
fn a_grasp_judged() {
    flags(
        "The on-call did not really grasp the risk.",
        Rule::BlameWord,
        "did not really grasp",
    );
    flags(
        "Sarah didn't fully understand the impact of the script.",
        Rule::BlameWord,
        "didn't fully understand",
    );
    quiet("Priya didn't understand why the flag was on; nothing showed it.");
    quiet("We didn't fully understand the impact.");
}

#[test]
fn an_adverb_inside_the_verb_group() {
    flags(
        "The reviewer could have easily spotted the missing clause.",
        Rule::Counterfactual,
        "could have easily spotted",
    );
    flags(
        "If Kevin had simply checked the diff, we would have been fine.",
        Rule::Counterfactual,
        "If Kevin had simply checked",
    );
    quiet("We could have easily added a check here.");
    quiet("If the job had simply retried, the batch would have finished.");
}

#[test]
fn blame_named_as_a_practice() {
    quiet("The blame game helps nobody here.");
    quiet("Blame culture makes people hide their slips.");
    quiet("Saying Kevin was careless would hide the missing check.");
    quiet("Calling this operator error would end the analysis too early.");
    flags("Blame Kevin for this one.", Rule::BlameWord, "Blame");
    flags(
        "Saying Kevin was careless is fair.",
        Rule::BlameWord,
        "careless",
    );
}

#[test]
fn the_act_on_one_target_when_another_was_meant() {
    flags(
        "Kevin restarted the primary instead of the standby.",
        Rule::PersonFailure,
        "restarted the primary instead of the standby",
    );
    quiet("The script restarted the primary instead of the standby.");
    quiet("Kevin restarted the service instead of waiting for the failover.");
    quiet("We restarted the primary instead of the standby; both had the same prompt.");
}

#[test]
fn secrets_given_away() {
    flags(
        "A developer committed the AWS keys to a public repository.",
        Rule::PersonFailure,
        "committed",
    );
    flags(
        "Someone pasted the API token into a public gist.",
        Rule::PersonFailure,
        "pasted",
    );
    quiet("Kevin committed the fix at 14:05.");
    quiet("The build log exposed the deploy token because masking was off.");
    quiet("Jenna published the status page update.");
}

#[test]
fn a_harmful_act_on_its_object_only() {
    flags(
        "Ahmed overwrote the shared config with his local copy.",
        Rule::PersonFailure,
        "overwrote",
    );
    quiet("Paul wiped his laptop and enrolled it again, as the security team asked.");
    quiet("Ahmed deleted the stale flags with the cleanup tool.");
}

#[test]
fn one_of_a_group_and_a_member_of_staff() {
    flags(
        "The outage was down to a mistake by one of our engineers.",
        Rule::PersonFailure,
        "mistake by one of our engineers",
    );
    flags(
        "It was an avoidable mistake by a member of staff.",
        Rule::PersonFailure,
        "mistake by a member of staff",
    );
    flags(
        "A more experienced operator would have recognised the symptoms.",
        Rule::BlameWord,
        "A more experienced operator would",
    );
    quiet("Our engineers deleted the table after the backfill.");
    quiet("A more experienced operator pool would help the scheduler.");
}

#[test]
fn a_question_about_the_act_names_nobody() {
    quiet("Some readers will want to know who made the mistake; this document does not say.");
    quiet("Rather than asking who forgot the renewal, we asked why renewal was manual.");
    quiet("It is tempting to call this carelessness, but the form gave no warning.");
    flags(
        "The engineer who made the mistake has been moved off the team.",
        Rule::PersonFailure,
        "made the mistake",
    );
}

#[test]
fn a_claim_answered_in_the_same_sentence() {
    quiet("People assumed Kevin had broken it, but the logs showed the deploy tool had.");
    quiet("The press coverage blamed a single engineer, but the failure had many causes.");
    flags(
        "Kevin broke it, but the logs showed it late.",
        Rule::PersonFailure,
        "broke",
    );
}

#[test]
fn a_joined_verb_shares_its_subject() {
    flags(
        "The outage started because Henrik pushed over main and erased the hotfix.",
        Rule::PersonFailure,
        "erased",
    );
    quiet("The outage started because the job pushed over main and erased the hotfix.");
}

#[test]
fn punishment_by_leave_removal_and_banishment() {
    flags(
        "The operator was placed on administrative leave.",
        Rule::Punishment,
        "placed on administrative leave",
    );
    flags(
        "The engineer has been moved off the team.",
        Rule::Punishment,
        "moved off the team",
    );
    flags(
        "The intern won't be allowed near production again.",
        Rule::Punishment,
        "won't be allowed near",
    );
    quiet("The change was put on hold until Monday.");
    quiet("Traffic was moved off the old cluster.");
    quiet("Only the deploy bot is allowed near production.");
}

#[test]
fn a_person_showing_disregard_or_poor_awareness() {
    flags(
        "The technician showed a total disregard for procedure.",
        Rule::BlameWord,
        "showed a total disregard for",
    );
    flags(
        "The vendor's technician displayed poor situational awareness.",
        Rule::BlameWord,
        "displayed poor situational awareness",
    );
    quiet("The runbook shows a disregard for edge cases.");
    quiet("The alert got poor attention because it fired hourly.");
}

#[test]
fn an_outage_squarely_on_a_person() {
    flags(
        "this one is squarely on Kevin",
        Rule::Punishment,
        "is squarely on Kevin",
    );
    flags(
        "this is all on the on-call",
        Rule::Punishment,
        "is all on the on-call",
    );
    quiet("the load is all on the primary");
    quiet("the fix is all on the on-call this week");
}

#[test]
fn a_question_of_who_pays_stays_blame() {
    flags(
        "Management wants to know who is going to pay for this.",
        Rule::Punishment,
        "pay for this",
    );
    quiet("Some readers will want to know who made the mistake; this document does not say.");
}
