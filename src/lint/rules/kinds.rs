//! Blame by kind, beyond single judgement words: backward-looking accountability, a person
//! as the subject of a destructive act or a missed duty, "because of <person>", blame carried
//! by a comparison or a judgement of attention, hindsight in inversions, in "saw it and did
//! nothing" and in passives with a person as agent, and people named as the cause.
//!
//! Each pattern is a kind of phrasing, not a sentence: word lists of acts, duties,
//! punishments and judgements, checked against the subject (or agent) found for them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::super::lexicon::{FAULTY, PERSON_PHRASES, is};
use super::super::people::{Subject, Who};
use super::super::text::Token;
use super::first_words::FirstWords;
use super::{Rule, Scan, who_text};

/// Who a pattern needs as its subject.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Anyone or anything: the phrase blames by itself ("held accountable").
    Any,
    /// A person other than the writer.
    Person,
    /// Anything but a system, customers, "anyone" or "no one" ("someone has to be fired").
    NotThing,
}

/// Backward-looking accountability and punishment.
const PUNISH: &[(&str, Need)] = &[
    ("answer|answers|answering for", Need::Person),
    ("answer|answers|answering to", Need::Person),
    (
        "be|get|got|gets|getting|been|being|was|were|is|are ~ let go",
        Need::NotThing,
    ),
    ("answerable for", Need::NotThing),
    (
        "held|hold|holds|holding ~ responsible|accountable|liable|answerable|culpable",
        Need::Any,
    ),
    ("held|hold|holds|holding ~ to account", Need::Any),
    ("held|hold|holds|holding * to account", Need::Any),
    (
        "there will|must|should|would|has|have|needs ~ be|to ~ consequences|repercussions|sanctions",
        Need::Any,
    ),
    (
        "there will|must|should|would|has|have|needs to be ~ consequences|repercussions|sanctions",
        Need::Any,
    ),
    (
        "hold|holds|holding|held * responsible|accountable|liable|answerable",
        Need::Any,
    ),
    (
        "hold|holds|holding|held * * responsible|accountable|liable|answerable",
        Need::Any,
    ),
    (
        "face|faces|facing|faced ~ consequences|sanctions|discipline|repercussions|punishment",
        Need::Any,
    ),
    (
        "face|faces|facing|faced the ~ consequences|music|sanctions|repercussions",
        Need::Any,
    ),
    (
        "be|get|got|gets|getting|been|being|was|were|is|are ~ fired|sacked|disciplined|reprimanded|punished|sanctioned|suspended|demoted|penalized|penalised|terminated|written",
        Need::NotThing,
    ),
    (
        "disciplinary action|actions|measures|hearing|process|proceedings",
        Need::Any,
    ),
    ("suspension|suspensions without pay", Need::Any),
    (
        "face|faces|facing|faced ~ suspension|dismissal|termination|firing|demotion",
        Need::Any,
    ),
    ("formal|written|final warning|warnings", Need::Any),
    ("performance review|improvement", Need::Any),
    ("explain himself|herself|themselves|yourself", Need::Any),
    (
        "justify his|her|their|your ~ decision|decisions|actions|choice|choices|behaviour|behavior",
        Need::Any,
    ),
    ("as ~ a|an ~ punishment|penalty|sanction|lesson", Need::Any),
    ("as punishment|discipline", Need::Any),
    ("deal with him|her|them|whoever", Need::Any),
    (
        "head|heads will|must|should|shall|would|need|needs ~ roll",
        Need::Any,
    ),
    ("heads roll|rolled|rolling", Need::Any),
    ("pay|pays|paid for it|this|that", Need::NotThing),
    ("pay|pays for the|losing", Need::NotThing),
    ("pay the price", Need::NotThing),
    ("made|make|making an example of", Need::Any),
    ("shown the door", Need::NotThing),
    (
        "got|get|gets|given|getting|give|gave the boot|axe|chop|sack",
        Need::NotThing,
    ),
    ("named and shamed", Need::Any),
    ("final check|paycheck|paycheque", Need::Any),
    (
        "laterally|sideways ~ promoted|moved|shifted|transferred",
        Need::Any,
    ),
    (
        "placed|put|sent on * leave|probation|notice",
        Need::NotThing,
    ),
    ("placed|put|sent on leave|probation|notice", Need::NotThing),
    (
        "moved|taken|pulled|kicked|booted off the|our|his|her|their team|rotation|project|account|roster",
        Need::NotThing,
    ),
    (
        "won't|never|not|shouldn't be|been ~ allowed|trusted|let near",
        Need::NotThing,
    ),
    ("sidelined", Need::NotThing),
    ("side lined", Need::NotThing),
    (
        "bear|bears|bore|borne|shoulder|shoulders the ~ consequences|brunt|blame|cost",
        Need::Person,
    ),
    ("lost|lose|loses|losing the right to", Need::Person),
    (
        "want|wants|wanted|need|needs * in my|his|her|the ~ office",
        Need::Any,
    ),
    ("name and shame", Need::Any),
    (
        "dock|docks|docked|docking * pay|bonus|salary|wages",
        Need::Any,
    ),
    (
        "dock|docks|docked|docking * * pay|bonus|salary|wages",
        Need::Any,
    ),
    (
        "dock|docks|docked|docking * * * pay|bonus|salary|wages",
        Need::Any,
    ),
    ("culpable|culpability", Need::Any),
    ("should|must|ought ~ resign|quit", Need::Person),
    ("needs|has|have|ought to ~ resign|quit", Need::Person),
    ("should|must|ought ~ step down", Need::Person),
    (
        "resign|resigns|resigned|resigning over|after|for",
        Need::Person,
    ),
    (
        "manager|managers|boss|hr|supervisor for ~ consequences|discipline|punishment|sanctions|reprimand",
        Need::Any,
    ),
    ("owe|owes|owed * an|a ~ apology|explanation", Need::Person),
    ("owe|owes|owed * * an|a ~ apology|explanation", Need::Person),
    ("owe|owes|owed an|a ~ apology|explanation", Need::Person),
];

/// Verbs that punish their object: `fire the engineer`.
const PUNISH_VERBS: &[&str] = &[
    "fire",
    "fires",
    "fired",
    "firing",
    "sack",
    "sacks",
    "sacked",
    "sacking",
    "discipline",
    "disciplines",
    "disciplined",
    "punish",
    "punishes",
    "punished",
    "reprimand",
    "reprimands",
    "reprimanded",
    "suspend",
    "suspends",
    "suspended",
    "demote",
    "demotes",
    "demoted",
    "sanction",
    "sanctioned",
    "penalize",
    "penalise",
    "penalized",
    "penalised",
    "dismiss",
    "dismisses",
    "dismissed",
    "terminate",
    "terminated",
    "terminates",
    "oust",
    "ousted",
    "ban",
    "bans",
    "banned",
    "banning",
];

/// Verbs of removing a person from work: `taken off the rotation`.
const REMOVE_VERBS: &[&str] = &[
    "pulls",
    "takes",
    "removes",
    "kicks",
    "bans",
    "taken",
    "take",
    "takes",
    "took",
    "pulled",
    "pull",
    "removed",
    "remove",
    "kicked",
    "kick",
    "banned",
    "barred",
    "benched",
    "suspended",
];

/// What a person is removed from.
const DUTIES: &[&str] = &[
    "account",
    "accounts",
    "contract",
    "hall",
    "site",
    "premises",
    "building",
    "datacenter",
    "datacentre",
    "console",
    "keys",
    "rotation",
    "call",
    "oncall",
    "pager",
    "production",
    "project",
    "duty",
    "duties",
    "rota",
    "roster",
    "team",
    "access",
    "incident",
    "incidents",
    "deploys",
    "releases",
    "post",
    "job",
    "position",
    "role",
];

/// Words that end an object: a punished person comes before any of these.
const CONNECTIVES: &[&str] = &[
    "because", "and", "or", "but", "when", "while", "after", "before", "since", "until", "within",
    "on", "in", "at", "to", "from", "for", "with", "by", "of", "as", "so", "if",
];

/// Punishments as nouns, after a person's possessive: `the worker's firing`.
const PUNISH_NOUNS: &[&str] = &[
    "firing",
    "dismissal",
    "suspension",
    "termination",
    "sacking",
    "demotion",
    "reprimand",
    "punishment",
];

/// Adverbs that make a person's act a slip: `the operator mistakenly ran…`.
const SLIP_ADVERBS: &[&str] = &[
    "mistakenly",
    "accidentally",
    "erroneously",
    "inadvertently",
    "wrongly",
    "unintentionally",
    "unknowingly",
    "unwittingly",
    "carelessly",
    "unthinkingly",
    "blindly",
];

/// Destructive acts that are harm whatever their object.
const HARM: &[&str] = &[
    "deleted",
    "deletes",
    "deleting",
    "wiped",
    "wipes",
    "wiping",
    "erased",
    "erases",
    "destroyed",
    "destroys",
    "corrupted",
    "corrupts",
    "trashed",
    "nuked",
    "overwrote",
    "overwrites",
    "truncated",
    "clobbered",
    "knocked",
    "killed",
    "kills",
    "bricked",
    "borked",
    "tanked",
    "fumbled",
    "bungled",
    "mishandled",
    "removed",
    "removes",
    "dropped",
    "drops",
    "dropping",
    "took",
    "purged",
    "purges",
    "unplugged",
    "unplugs",
    "disconnected",
    "disconnects",
    "scrapped",
    "shut",
    "switched",
    "turned",
    "pulled",
    "cut",
    "cuts",
    "severed",
    "severs",
    "sliced",
    "slices",
];

/// Acts that are harm only on secrets, beside [`HARM`]: `committed the AWS keys`, `pasted the
/// token`, not `committed the fix`.
const LEAKING: &[&str] = &[
    "leaked",
    "leaks",
    "exposed",
    "committed",
    "posted",
    "pasted",
    "published",
];

/// What a leaking act gives away.
const SECRETS: &[&str] = &[
    "key",
    "keys",
    "credentials",
    "credential",
    "secret",
    "secrets",
    "password",
    "passwords",
    "token",
    "tokens",
    "pii",
];

/// Verbs that make someone act: with a person as their object, what made them is the cause.
const CAUSATIVES: &[&str] = &[
    "led",
    "leads",
    "caused",
    "causes",
    "made",
    "makes",
    "forced",
    "forces",
    "prompted",
    "prompts",
    "told",
    "tells",
    "instructed",
    "instructs",
    "asked",
    "asks",
    "sent",
    "directed",
    "allowed",
    "allows",
    "let",
    "lets",
];

/// Acts that are harm only on a physical link: `cut the fiber`, not `cut a release`.
const CUTTING: &[&str] = &["cut", "cuts", "severed", "severs", "sliced", "slices"];

/// What a cutting act breaks: lines, cables and power.
const LINKS: &[&str] = &[
    "line",
    "lines",
    "cable",
    "cables",
    "fiber",
    "fibre",
    "fibers",
    "fibres",
    "wire",
    "wires",
    "power",
    "feed",
    "feeds",
    "conduit",
    "circuit",
    "circuits",
    "link",
    "links",
    "connection",
    "connections",
    "trunk",
];

/// Acts that are harm only on data or capacity: `dropped the orders table`.
const HARM_NEEDS_OBJECT: &[&str] = &[
    "removed",
    "removes",
    "dropped",
    "drops",
    "dropping",
    "killed",
    "kills",
    "took",
    "knocked",
    "shut",
    "switched",
    "turned",
    "pulled",
    "disconnected",
    "disconnects",
];

/// What a harmful act breaks when its verb is ambiguous.
const DATA_OBJECTS: &[&str] = &[
    "table",
    "tables",
    "database",
    "databases",
    "db",
    "index",
    "indexes",
    "data",
    "writes",
    "rows",
    "records",
    "collection",
    "schema",
    "bucket",
    "volume",
    "volumes",
    "cluster",
    "servers",
    "server",
    "nodes",
    "node",
    "pods",
    "workers",
    "worker",
    "queue",
    "topic",
    "backups",
    "replica",
    "replicas",
    "primary",
    "partition",
    "site",
    "service",
    "production",
    "prod",
    "cache",
    "out",
    "over",
    "down",
    "off",
    "power",
    "plug",
    "array",
    "storage",
    "rack",
    "supply",
    "network",
    "systems",
    "system",
];

/// Words in an act's object that make it routine cleanup: `deleted the stale flags`.
const CLEANUP: &[&str] = &[
    "old",
    "stale",
    "unused",
    "obsolete",
    "expired",
    "temporary",
    "stuck",
    "hung",
    "runaway",
    "zombie",
    "orphaned",
    "duplicate",
    "leftover",
    "spam",
    "abusive",
    "malicious",
    "bad",
    "faulty",
    "broken",
    "local",
    "own",
    "scratch",
    "temp",
    "tmp",
];

/// Words that end a harmful act's object: `with` (the means), and words that open a clause.
const OBJECT_ENDS: &[&str] = &[
    "with", "because", "while", "and", "but", "so", "when", "after", "before", "since",
];

/// Duties a person can be said to have missed: `didn't send the update`.
const DUTY_VERBS: &[&str] = &[
    "send",
    "deliver",
    "acknowledge",
    "ack",
    "page",
    "escalate",
    "notify",
    "tell",
    "inform",
    "update",
    "check",
    "test",
    "review",
    "follow",
    "read",
    "respond",
    "reply",
    "answer",
    "act",
    "react",
    "look",
    "call",
    "alert",
    "report",
    "communicate",
    "verify",
    "monitor",
    "warn",
    "show",
    "bother",
    "care",
    "listen",
    "wait",
    "ask",
    "pick",
    "raise",
    "notice",
    "realize",
    "realise",
    "spot",
    "catch",
    "copy",
    "tag",
    "deploy",
    "install",
    "apply",
    "renew",
    "rotate",
    "patch",
    "upgrade",
    "document",
    "confirm",
    "validate",
    "double",
    "flag",
    "mention",
    "share",
    "hand",
    "sign",
    "file",
    "back",
    "run",
    "restart",
    "revert",
    "roll",
    "remove",
    "delete",
    "disable",
    "enable",
    "configure",
    "push",
    "follow",
    "wake",
    "join",
    "show",
    "stop",
    "announce",
    "contact",
    "reach",
    "declare",
    "open",
    "close",
    "watch",
];

/// Words that make a following person the cause: `because of Omar`.
const CAUSE_OF: &[&str] = &[
    "because of",
    "due to",
    "thanks to",
    "owing to",
    "caused by",
    "triggered by",
    "courtesy of",
    "down to",
    "fault of",
];

/// Doing nothing about what one saw: `saw the warning and did nothing`.
const INACTION: &[&str] = &[
    "did nothing",
    "does nothing",
    "did not ~ act|react|respond|intervene",
    "didn't ~ act|react|respond|intervene",
    "chose|decided not to",
    "chose|decided to ignore",
    "kept|continued ~ deploying|pushing|going|merging|shipping|working|snoozing|silencing|muting|dismissing|ignoring|retrying|clicking",
    "kept|continued on ~ snoozing|silencing|muting|dismissing|ignoring",
    "carried on ~ deploying|pushing|merging|shipping",
    "carried on",
    "pushed|deployed|merged|shipped|continued|proceeded anyway",
    "pushes|deploys|merges|ships|continues|proceeds|goes ahead anyway",
    "waved|waves|waving|brushed|brushes|brushing|shrugged|shrugs|shrugging off|aside|away",
    "carries|carry on",
    "went ahead anyway",
    "sat on it",
    "sat|sits|sitting on the|that|this|his|her|their ~ ticket|tickets|alert|alerts|page|pages|issue|request|pr|review|fix|escalation|report|warning|warnings|email|bug",
    "let it slide|ride|go",
    "looked the other way",
    "just|only|simply needed|had|has|need|needs to",
    "just|simply sat|stood there",
    "sat there",
    "without ~ realizing|realising|noticing|checking|reading|testing|verifying|looking|thinking|telling|asking|waiting|notifying|informing|consulting|warning|announcing",
    "without a|an|any ~ change|peer|code ~ ticket|request|review|approval",
    "without a|an|any ~ ticket|approval|review|permission|authorization|authorisation|signoff",
    "without approval|permission|authorization|authorisation|signoff|sign-off",
];

/// Participles that, with a person as agent, put an omission or a harm on them.
const BY_PERSON: &[&str] = &[
    "skipped",
    "missed",
    "dismissed",
    "overlooked",
    "disregarded",
    "botched",
    "bungled",
    "mishandled",
    "misread",
    "misconfigured",
    "mistyped",
    "deleted",
    "dropped",
    "wiped",
    "broken",
    "corrupted",
    "destroyed",
    "silenced",
    "muted",
    "snoozed",
    "caused",
    "triggered",
    "delayed",
    "hampered",
    "hindered",
    "stalled",
    "derailed",
    "sabotaged",
];

/// Acts of putting a change out: with a faulty object, their subject is made its author.
const INTRODUCE: &[&str] = &[
    "pushed",
    "deployed",
    "shipped",
    "merged",
    "applied",
    "ran",
    "wrote",
    "committed",
    "entered",
    "typed",
    "introduced",
    "released",
    "configured",
    "chose",
    "picked",
    "selected",
    "approved",
    "installed",
    "uploaded",
    "published",
    "executed",
    "issued",
    "rolled",
    "made",
];

/// Adjectives of a faulty change beside [`FAULTY`]: `pushed a destructive command`.
const FAULTY_CHANGE_ALSO: &[&str] = &["destructive", "dangerous", "unsafe"];

/// True for an adjective of faulty work here: [`FAULTY`] or [`FAULTY_CHANGE_ALSO`].
fn faulty(word: &str) -> bool {
    is(FAULTY, word) || is(FAULTY_CHANGE_ALSO, word)
}

/// Judgements of a person's attention, thought or state.
const JUDGE: &[(&str, Need)] = &[
    ("not|wasn't|weren't|isn't|aren't ~ thinking", Need::Person),
    ("didn't ~ think", Need::Person),
    ("did not ~ think", Need::Person),
    ("not ~ paying * attention", Need::Person),
    ("wasn't|weren't ~ paying * attention", Need::Person),
    (
        "hadn't|hasn't|haven't|never|wasn't|weren't ~ paying attention",
        Need::Person,
    ),
    (
        "barely|hardly|scarcely ~ looked|checked|read|glanced|opened|watched|noticed|skimmed",
        Need::Person,
    ),
    ("never ~ thought|considered", Need::Person),
    // `didn't fully understand`: the grasp judged (plain `didn't understand` may be what
    // they could know).
    (
        "didn't|never * understand|grasp|appreciate|comprehend",
        Need::Person,
    ),
    (
        "did not * understand|grasp|appreciate|comprehend",
        Need::Person,
    ),
    (
        "too slow|sluggish|hasty|careless|casual|cavalier|complacent|lax|relaxed|eager|confident|rushed|hurried|lazy|impatient|sleepy|tired|distracted|arrogant|proud|stubborn",
        Need::Person,
    ),
    (
        "not|wasn't|weren't|isn't|aren't|never ~ careful|thorough|attentive|diligent|competent|focused|rigorous|responsible|vigilant",
        Need::Person,
    ),
    ("half asleep", Need::Any),
    ("asleep on the job", Need::Any),
    ("out of his|her|their|your depth", Need::Any),
    ("in over his|her|their|your head", Need::Any),
    ("made|makes|making a mess of", Need::Person),
    ("panicked|panicking|panics", Need::Person),
    ("complacent|complacency", Need::Any),
    (
        "distracted|inattentive|unfocused|oblivious|absent-minded",
        Need::Person,
    ),
    ("lost his|her|their ~ head|cool|nerve", Need::Any),
    ("clueless|careless|hapless|useless|hopeless", Need::Any),
    ("should|ought to have known better", Need::Person),
    (
        "seemed|looked|appeared ~ confused|lost|clueless|overwhelmed|helpless|incapable",
        Need::Person,
    ),
    ("froze|freezes|frozen", Need::Person),
    ("unable to take initiative", Need::Any),
    (
        "not|wasn't|weren't ~ watching|looking|monitoring|listening|reading|checking",
        Need::Person,
    ),
    ("had|has|have no ~ idea|clue what|how", Need::Person),
    (
        "didn't|doesn't ~ know what|how he|she|they|you was|were|is|are ~ doing",
        Need::Person,
    ),
    (
        "did|does not ~ know what|how he|she|they|you was|were|is|are ~ doing",
        Need::Person,
    ),
    (
        "bumbling|blundering|hapless|inept|dim|dimwitted|witless",
        Need::Any,
    ),
    ("not|wasn't|isn't ~ capable of", Need::Person),
    (
        "let|lets|letting us|everyone|everybody|them|you|me|customers ~ down",
        Need::Person,
    ),
    (
        "let|lets|letting the|our|their|his|her team|side ~ down",
        Need::Person,
    ),
    (
        "let|lets|letting the|our|their|his|her * team|side|company ~ down",
        Need::Person,
    ),
    ("has|had|have no business", Need::Person),
    ("can't|cannot|couldn't ~ be trusted|relied", Need::Person),
    ("not to be trusted", Need::Person),
    (
        "not|wasn't|weren't|isn't|aren't ~ good|competent|skilled|qualified|sharp|fast|quick|smart|experienced enough",
        Need::Person,
    ),
    (
        "was|is|were|are the|a ~ wrong person|man|woman|guy|hire|engineer|choice|people",
        Need::Person,
    ),
    (
        "overconfident|cocky|lackadaisical|unprofessional|incapable|unreliable|sloppy",
        Need::Person,
    ),
    (
        "exercised|exercise|exercises|exercising|taken|took|take|taking normal|reasonable|proper|due|basic|ordinary|more|enough care|caution|diligence",
        Need::Person,
    ),
    (
        "behaved|behave|behaves|acted|act|acts like|as ~ responsible|grown adults|professionals",
        Need::Any,
    ),
    (
        "behaved|behave|behaves|acted|act|acts like ~ children|kids|amateurs|idiots|cowboys",
        Need::Any,
    ),
    (
        "rushed|hurried it|this|that|the|a|his|her|their|through",
        Need::Person,
    ),
    (
        "not|wasn't|weren't|isn't|aren't enough|sufficiently|very|particularly|overly|remotely|that|as careful|thorough|attentive|diligent|competent|focused|rigorous|vigilant",
        Need::Person,
    ),
    (
        "took|take|takes|taking|taken a|the ~ shortcut|shortcuts",
        Need::Person,
    ),
    ("cut|cuts|cutting ~ corners", Need::Person),
    (
        "skipped|skips|skipping|bypassed|bypass|bypasses|bypassing|circumvented|circumvent the|a|two|three|several|some|every|all ~ step|steps|checklist|review|tests|test|canary|approval|checks|check|procedure|safeguard|safeguards|controls|rules",
        Need::Person,
    ),
    (
        "skipped|skips|skipping|bypassed|bypass|bypasses|bypassing the|a|two|three|several|some * step|steps|checklist|review|tests|test|canary|approval|checks|check|procedure|safeguard|safeguards|controls",
        Need::Person,
    ),
    (
        "skipped|skips|skipping|bypassed|bypass|bypasses|bypassing step|steps|review|tests|testing|canary|approval|checks|safeguards|controls",
        Need::Person,
    ),
    (
        "shortcut|shortcuts|shortcutting|circumvent|circumvented|circumventing the ~ normal|usual|standard|proper|required ~ procedure|procedures|process|checks|review|controls",
        Need::Person,
    ),
    (
        "doesn't|don't ~ understand|grasp|get how|what|why|the|our|his|her|their",
        Need::Person,
    ),
    (
        "does|do not ~ understand|grasp|get how|what|why|the|our|his|her|their",
        Need::Person,
    ),
    (
        "make|made|making|makes ~ poor|bad|questionable|reckless|foolish ~ decisions|choices|calls|decision|choice",
        Need::Any,
    ),
];

/// Adjectives of a better person in a comparison: `a more experienced engineer would…`.
const BETTER: &[&str] = &[
    "better",
    "competent",
    "good",
    "decent",
    "real",
    "smarter",
    "careful",
    "experienced",
    "seasoned",
    "senior",
    "skilled",
    "attentive",
    "capable",
    "proper",
    "reasonable",
    "qualified",
    "sensible",
];

/// People as the cause: synonyms of human error.
const HUMAN_CAUSE: &[&str] = &[
    "human mistake|mistakes|slip|slips|fault|lapse|lapses|failing|failings|frailty|fallibility",
    "people|personnel|staff|human problem|problems|issue|issues|failure|failures",
    "human caused|induced|driven",
    "engineer|engineering|personnel|staff|manual|admin|administrator|technician|employee|operator|people|developer|worker|contractor|crew error|errors|slip|slips|mistake|mistakes",
    "on call error|errors|mistake|mistakes|slip",
    "sre|dba|dev|ops|oncall error|errors|mistake|mistakes|slip",
    "person|human|humans|people|operator|engineer|user at|behind the keyboard|wheel|controls|console|terminal",
    "weak|weakest link",
    "layer 8|eight problem|problems|issue|issues|error|errors|failure",
    "wetware|meatware failure|failures|problem|problems|issue|issues|error|errors|bug|bugs",
    "id10t|id10t's error|errors",
    "humans|people|operators|engineers didn't|failed",
    "humans|people|operators|engineers did not",
];

/// Nouns that, after "human error is", say the phrase is being discussed, not used.
const META: &[&str] = &[
    "label",
    "term",
    "symptom",
    "myth",
    "starting",
    "start",
    "explanation",
    "conclusion",
    "excuse",
    "phrase",
    "word",
    "shorthand",
    "not",
    "never",
    "rarely",
    "where",
];

/// Systems in "the people, not the system".
const SYSTEMISH: &[&str] = &[
    "system",
    "systems",
    "tooling",
    "tools",
    "tool",
    "technology",
    "process",
    "processes",
    "software",
    "code",
    "machine",
    "machines",
    "platform",
    "design",
];

/// Which of the per-word rules of [`Scan::kinds`] can match at a word, beside the ones that
/// look the word up in a set of their own: a bit per rule whose first check is a word list.
mod gate {
    pub const HARM: u8 = 1;
    pub const MISSED_DUTY: u8 = 2;
    pub const BY_PERSON: u8 = 4;
    pub const SLIP_ADVERB: u8 = 8;
    pub const FAULTY_CHANGE: u8 = 16;
}

/// Every word a pattern of [`Scan::kinds`] can start at, with the [`gate`] bits of the rules
/// whose word lists hold it (built from those lists, so they cannot drift apart).
pub(super) static STARTERS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::default();
    let patterns = PUNISH
        .iter()
        .map(|(p, _)| *p)
        .chain(JUDGE.iter().map(|(p, _)| *p))
        .chain(INACTION.iter().copied())
        .chain(CAUSE_OF.iter().copied())
        .chain(HUMAN_CAUSE.iter().copied());
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bits: u8| {
        for w in words {
            *map.entry(w).or_default() |= bits;
        }
    };
    for p in patterns {
        add(&mut p.split(' ').next().unwrap_or("").split('|'), 0);
    }
    add(&mut PUNISH_VERBS.iter().copied(), 0);
    add(&mut REMOVE_VERBS.iter().copied(), 0);
    add(&mut PUNISH_NOUNS.iter().copied(), 0);
    add(&mut HARM.iter().chain(LEAKING).copied(), gate::HARM);
    add(&mut SLIP_ADVERBS.iter().copied(), gate::SLIP_ADVERB);
    add(&mut BY_PERSON.iter().copied(), gate::BY_PERSON);
    add(&mut std::iter::once("held"), gate::BY_PERSON);
    add(&mut INTRODUCE.iter().copied(), gate::FAULTY_CHANGE);
    add(&mut MISSED_DUTY_FIRST.iter().copied(), gate::MISSED_DUTY);
    map
});

/// The words [`Scan::missed_duty`]'s patterns start at.
const MISSED_DUTY_FIRST: &[&str] = &[
    "didn't", "did", "never", "not", "hasn't", "hadn't", "haven't", "has", "had", "have",
];

/// The first words of a list of patterns.
fn firsts<'a>(patterns: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    patterns
        .flat_map(|p| p.split(' ').next().unwrap_or("").split('|'))
        .collect()
}

static PUNISH_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| firsts(PUNISH.iter().map(|(p, _)| *p)));
static JUDGE_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| firsts(JUDGE.iter().map(|(p, _)| *p)));
static INACTION_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| firsts(INACTION.iter().copied()));
static CAUSE_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| firsts(CAUSE_OF.iter().copied()));
static HUMAN_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| firsts(HUMAN_CAUSE.iter().copied()));

/// The patterns of each table by their first words (see [`super::first_words`]).
static PUNISH_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(PUNISH.iter().map(|(p, _)| *p)));
static JUDGE_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(JUDGE.iter().map(|(p, _)| *p)));
static INACTION_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(INACTION.iter().copied()));
static CAUSE_AT: LazyLock<FirstWords> = LazyLock::new(|| FirstWords::new(CAUSE_OF.iter().copied()));
static HUMAN_AT: LazyLock<FirstWords> =
    LazyLock::new(|| FirstWords::new(HUMAN_CAUSE.iter().copied()));

/// Each index of this file with the patterns of its table, for the test that they agree.
#[cfg(test)]
pub(super) fn indexed_tables() -> Vec<(&'static FirstWords, Vec<&'static str>)> {
    vec![
        (&*PUNISH_AT, PUNISH.iter().map(|(p, _)| *p).collect()),
        (&*JUDGE_AT, JUDGE.iter().map(|(p, _)| *p).collect()),
        (&*INACTION_AT, INACTION.to_vec()),
        (&*CAUSE_AT, CAUSE_OF.to_vec()),
        (&*HUMAN_AT, HUMAN_CAUSE.to_vec()),
    ]
}

/// Common words that start one pattern only, checked without running every rule.
#[derive(Clone, Copy)]
enum Special {
    /// `a more experienced engineer would…`
    Comparison,
    /// `this outage is on Raj`, `on the team's account`, `find out who is responsible`.
    Account,
    /// `Were the on-call more attentive…`
    Were,
}

fn special(word: &str) -> Option<Special> {
    match word {
        "a" | "an" | "any" => Some(Special::Comparison),
        "is" | "was" | "'s" | "on" | "onto" | "to" | "who" => Some(Special::Account),
        "were" => Some(Special::Were),
        _ => None,
    }
}

impl Scan<'_> {
    /// Runs every rule of this file.
    pub(super) fn kinds(&mut self) {
        for i in 0..self.doc.tokens.len() {
            let Some(t) = self.token(i) else { continue };
            if !t.word || t.quoted || t.opaque {
                continue;
            }
            let Some(gates) = self.words[i].gates else {
                match special(&t.lower) {
                    Some(Special::Comparison) => self.comparison(i),
                    Some(Special::Account) => self.punishment(i),
                    Some(Special::Were) => {
                        self.inverted_were(i);
                        self.punishment(i);
                    }
                    None => {}
                }
                continue;
            };
            let gated = |bit: u8| gates & bit != 0;
            self.punishment(i);
            if gated(gate::HARM) {
                self.harm(i);
            }
            if gated(gate::MISSED_DUTY) {
                self.missed_duty(i);
            }
            self.cause_of(i);
            self.inaction(i);
            if gated(gate::BY_PERSON) {
                self.by_person(i);
            }
            self.judgement(i);
            self.comparison(i);
            self.human_cause(i);
            self.inverted_were(i);
            if gated(gate::SLIP_ADVERB) {
                self.slip_adverb(i);
            }
            if gated(gate::FAULTY_CHANGE) {
                self.faulty_change(i);
            }
            self.human_not_machine(i);
        }
    }

    /// `human, not computer, errors`: people set against machines as the cause.
    fn human_not_machine(&mut self, i: usize) {
        if !matches!(
            self.doc.tokens[i].lower.as_str(),
            "human" | "humans" | "people"
        ) {
            return;
        }
        let s = self.sentence_of(i);
        let words: Vec<usize> = (i + 1..s.end.min(i + 8))
            .filter(|&k| self.doc.tokens[k].word)
            .take(3)
            .collect();
        let Some(&first) = words.first() else { return };
        if self.doc.tokens[first].lower != "not" {
            return;
        }
        let Some(&err) = words.iter().skip(1).find(|&&k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "error" | "errors" | "mistake" | "mistakes" | "failure" | "failures"
            )
        }) else {
            return;
        };
        if self.negated(i, 3) {
            return;
        }
        self.push(
            Rule::HumanError,
            i,
            err + 1,
            "names people as the cause".into(),
            "name the conditions that made the slip easy to make: design, tooling, time \
             pressure, missing information"
                .into(),
        );
    }

    /// `Rahul pushed a broken config`: a person as the author of a faulty change.
    fn faulty_change(&mut self, i: usize) {
        if !is(INTRODUCE, &self.doc.tokens[i].lower) {
            return;
        }
        // `ran DROP TABLE on production`: a destructive statement as the object.
        let statement = |a: usize, b: &[&str]| {
            self.token(a).is_some_and(|t| t.word && !t.quoted)
                && self
                    .token(a + 1)
                    .is_some_and(|t| b.contains(&t.lower.as_str()))
        };
        let destructive = self.token(i + 1).is_some_and(|t| match t.lower.as_str() {
            "drop" => statement(
                i + 1,
                &["table", "database", "schema", "collection", "index"],
            ),
            "truncate" => true,
            "delete" => statement(i + 1, &["from"]),
            _ => false,
        });
        let truncate = self.token(i + 1).is_some_and(|t| t.lower == "truncate");
        if destructive
            && !self.passive(i)
            && !self.negated(i, 2)
            && !self.in_question(i)
            && let Some(who) = self.person_before(i)
        {
            self.push(
                Rule::PersonFailure,
                i,
                if truncate { i + 2 } else { i + 3 },
                format!("makes {who} the subject of a destructive act"),
                "make the statement the subject and say what let it reach production, e.g. \"a \
                 DROP TABLE ran against the primary; the console did not ask which database\""
                    .into(),
            );
            return;
        }
        // `rolled out a bad build`: the particle first.
        let mut k = i + 1;
        if self.token(k).is_some_and(|t| t.lower == "out") {
            k += 1;
        }
        let Some(det) = self.token(k).filter(|t| t.word) else {
            return;
        };
        // `pushed untested code`: no determiner, the adjective first.
        let bare = faulty(&det.lower);
        if !bare
            && !matches!(
                det.lower.as_str(),
                "a" | "an" | "the" | "his" | "her" | "their" | "some"
            )
        {
            return;
        }
        let k = if bare { k - 1 } else { k };
        let adjective = (k + 1..k + 3).find(|&a| {
            self.token(a)
                .is_some_and(|t| t.word && !t.quoted && faulty(&t.lower))
        });
        let Some(adjective) = adjective else {
            return;
        };
        if self.passive(i) || self.negated(i, 2) || self.in_question(i) || self.explained(i) {
            return;
        }
        let Some(who) = self.person_before(i) else {
            return;
        };
        self.push(
            Rule::PersonFailure,
            i,
            adjective + 1,
            format!("makes {who} the author of a faulty change"),
            "make the change the subject and say what let it through, e.g. \"the config with an \
             empty upstream list passed review and the linter\""
                .into(),
        );
    }

    /// `the operator mistakenly ran the command`, `…, inadvertently causing a panic`, `decided
    /// erroneously`, `was accidentally shut down by a worker`: a person's act told as their
    /// slip.
    fn slip_adverb(&mut self, i: usize) {
        if !is(SLIP_ADVERBS, &self.doc.tokens[i].lower) || self.in_question(i) {
            return;
        }
        let past = |w: &str| {
            (w.len() > 3 && w.ends_with("ed"))
                || super::super::lexicon::is_participle(w)
                || matches!(
                    w,
                    "ran"
                        | "hit"
                        | "sent"
                        | "put"
                        | "took"
                        | "made"
                        | "wrote"
                        | "gave"
                        | "set"
                        | "chose"
                        | "did"
                        | "went"
                )
        };
        let be = |w: &str| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got"
            )
        };
        let prev = (self.sentence_of(i).start..i)
            .rev()
            .find(|&k| self.doc.tokens[k].word);
        let verb = self.token(i + 1).filter(|t| t.word && !t.quoted);
        // `accidentally found the bug`: luck in finding, no slip.
        if verb.is_some_and(|v| {
            matches!(
                v.lower.as_str(),
                "found"
                    | "discovered"
                    | "noticed"
                    | "spotted"
                    | "saw"
                    | "caught"
                    | "fixed"
                    | "learned"
                    | "learnt"
                    | "stumbled"
            )
        }) {
            return;
        }
        let verb_is = |f: &dyn Fn(&str) -> bool| verb.is_some_and(|v| f(&v.lower));
        let ing = verb_is(&|w| w.len() > 4 && w.ends_with("ing"));
        // `decided erroneously`: the adverb after the verb.
        if !verb_is(&past)
            && !ing
            && let Some(p) = prev
            && past(&self.doc.tokens[p].lower)
            && !be(&self.doc.tokens[p].lower)
        {
            let subject = self.clause().subject_before(p);
            if subject.who.is_other_person() {
                self.slip_hit(p, i + 1, &subject);
            }
            return;
        }
        if !(verb_is(&past) || ing) {
            return;
        }
        let be_before = prev.is_some_and(|p| be(&self.doc.tokens[p].lower));
        let subject = if be_before {
            // `was accidentally removed` says what happened; only an agent makes it a
            // person's (`shut down by a worker`).
            let mut end = i + 2;
            while self.token(end).is_some_and(|t| {
                t.word && matches!(t.lower.as_str(), "down" | "off" | "out" | "up" | "over")
            }) {
                end += 1;
            }
            match self.clause().agent_after(end) {
                Some(agent) => agent,
                None => return,
            }
        } else if ing && self.clause_range(i).start == i {
            // `…, inadvertently causing a panic`: the subject of the clause before.
            self.participle_subject(i)
        } else {
            self.clause().subject_before(i)
        };
        // `the user accidentally deleted a production database`: one customer's slip.
        let one_affected = subject.who == Who::Affected
            && subject.mention.as_ref().is_some_and(|m| {
                self.token(m.tokens.end - 1)
                    .is_some_and(|t| !t.lower.ends_with('s'))
            })
            && verb_is(&|w| is(HARM, w) || is(LEAKING, w));
        if !subject.who.is_other_person() && !one_affected {
            return;
        }
        self.slip_hit(i, i + 2, &subject);
    }

    fn slip_hit(&mut self, from: usize, to: usize, subject: &Subject) {
        let who = who_text(self, subject);
        self.push(
            Rule::PersonFailure,
            from,
            to,
            format!("tells the act as a slip by {who}"),
            "make the command or the change the subject, and say what made the slip easy: \
             e.g. \"the command ran against the primary; both prompts looked the same\""
                .into(),
        );
    }

    /// The subject of a participle clause opening at token `i` (`…, inadvertently causing a
    /// panic`): the first mention of the clause before (its subject), else the subject found
    /// for that clause.
    pub(super) fn participle_subject(&self, i: usize) -> Subject {
        let start = self.clause_range(i).start;
        let Some(before) = (self.sentence_of(i).start..start)
            .rev()
            .find(|&k| self.doc.tokens[k].word)
        else {
            return self.clause().subject_before(i);
        };
        let prev = self.clause_range(before);
        match self
            .mentions
            .iter()
            .find(|m| prev.contains(&m.tokens.start))
        {
            Some(m) => Subject {
                who: m.who,
                mention: Some(m.clone()),
            },
            None => self.clause().subject_before(before),
        }
    }

    fn meets(&self, need: Need, subject: &Subject) -> bool {
        match need {
            Need::Any => true,
            Need::Person => subject.who.is_other_person(),
            Need::NotThing => !matches!(
                subject.who,
                Who::System | Who::Affected | Who::Anyone | Who::NoOne
            ),
        }
    }

    /// True when a clause after token `i` in its sentence gives the reason (`…, because his
    /// phone was on do-not-disturb`): an account of what happened, not a verdict.
    pub(super) fn explained(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        (i + 1..s.end).any(|k| {
            let t = &self.doc.tokens[k];
            t.word
                && (matches!(t.lower.as_str(), "because" | "since")
                    // `…, as both had the same prompt`.
                    || (t.lower == "as"
                        && k.checked_sub(1)
                            .is_some_and(|b| self.doc.tokens[b].lower == ",")))
        })
    }

    /// True when the sentence of token `i` is a real question (not a tag: `…, right?`).
    pub(super) fn in_question(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        let last = s
            .clone()
            .rev()
            .find(|&k| !self.doc.tokens[k].lower.trim().is_empty());
        let Some(last) = last else { return false };
        if self.doc.tokens[last].lower != "?" {
            return false;
        }
        let before = (s.start..last).rev().find(|&k| self.doc.tokens[k].word);
        !before.is_some_and(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "right" | "surely" | "no" | "yes" | "correct"
            )
        })
    }

    /// True when the sentence of token `i` discusses blame rather than assigns it: a word
    /// before it sets the blame aside ("rather than", "instead of", "without", "we reject",
    /// "avoid").
    pub(super) fn discussed(&self, i: usize) -> bool {
        let s = self.sentence_of(i);
        (s.start..i).filter(|&k| self.doc.tokens[k].word).any(|k| {
            matches!(
                self.doc.tokens[k].lower.as_str(),
                "rather" | "instead" | "without" | "reject" | "rejects" | "avoid"
            )
        })
    }

    fn subject_for(&self, i: usize, end: usize) -> Subject {
        self.clause()
            .agent_after(end)
            .unwrap_or_else(|| self.clause().subject_before(i))
    }

    fn punishment(&mut self, i: usize) {
        let suggestion = "name the owner of a follow-up action instead: which team or role \
                          will change what, by when";
        let patterns = if PUNISH_FIRST.contains(self.doc.tokens[i].lower.as_str()) {
            PUNISH_AT.at(&self.doc.tokens[i].lower)
        } else {
            &[]
        };
        for &k in patterns {
            let (pattern, need) = &PUNISH[k];
            let Some(end) = self.match_at(i, pattern) else {
                continue;
            };
            if self.negated(i, 3) || self.discussed(i) {
                continue;
            }
            // `will be held accountable for landing the validator`: an owner of future work.
            if (pattern.starts_with("held") || pattern.starts_with("answer"))
                && self.faces_forward(end)
            {
                continue;
            }
            // `shown the door to the server room` is a way in.
            if pattern.starts_with("shown") && self.token(end).is_some_and(|t| t.lower == "to") {
                continue;
            }
            // `be written` only as `be written up`.
            if pattern.ends_with("written")
                && self.token(end - 1).is_some_and(|t| t.lower == "written")
                && self.token(end).is_none_or(|t| t.lower != "up")
            {
                continue;
            }
            let subject = self.clause().subject_before(i);
            if !self.meets(*need, &subject) {
                continue;
            }
            self.push(
                Rule::Punishment,
                i,
                end,
                "asks who pays for the incident, looking backward".into(),
                suggestion.into(),
            );
            return;
        }
        // The text outlives the scan: its words are borrowed, not copied.
        let doc = self.doc;
        let w = &doc.tokens[i].lower;
        // `fire the engineer`.
        // Only a determiner, a number or an adjective may stand between the verb and the
        // person (`fired the emergency management employee`), and the one who punishes is
        // not a thing (`alerts fired the on-call's pager`).
        if is(PUNISH_VERBS, w)
            && let Some(m) = self.mention_within(i + 1, 4)
            && (i + 1..m.tokens.start).all(|k| {
                let t = &self.doc.tokens[k];
                t.word
                    && (!is(super::super::lexicon::GLUE, &t.lower)
                        || matches!(t.lower.as_str(), "that" | "this"))
                    && !is(CONNECTIVES, &t.lower)
            })
            && m.who.is_other_person()
            && self.meets(Need::NotThing, &self.clause().subject_before(i))
            && !self.negated(i, 3)
            && !self.in_question(i)
        {
            let end = m.tokens.end;
            self.push(
                Rule::Punishment,
                i,
                end,
                "asks for a person to be punished".into(),
                suggestion.into(),
            );
            return;
        }
        // `the firing of the employee`, `the dismissal of two engineers`.
        if is(PUNISH_NOUNS, w)
            && self.token(i + 1).is_some_and(|t| t.lower == "of")
            && let Some(m) = self.mention_within(i + 2, 3)
            && m.who.is_other_person()
            && !self.negated(i, 3)
        {
            let end = m.tokens.end;
            self.push(
                Rule::Punishment,
                i,
                end,
                "tells of a person punished for the incident".into(),
                suggestion.into(),
            );
            return;
        }
        // `the worker's firing`, `his suspension`.
        if is(PUNISH_NOUNS, w)
            && let Some(b) = i.checked_sub(1).and_then(|b| self.token(b))
            && b.word
            && (is(super::super::lexicon::PERSON_POSSESSIVES, &b.lower)
                || (b.possessive
                    && self.mentions.iter().any(|m| {
                        m.tokens.end == i
                            && (m.who.is_other_person()
                                || m.possessor.is_some_and(Who::is_other_person))
                    })))
            && !self.negated(i, 3)
        {
            self.push(
                Rule::Punishment,
                i - 1,
                i + 1,
                "tells of a person punished for the incident".into(),
                suggestion.into(),
            );
            return;
        }
        // `pulls Kenji off the on-call rota`: the person as the object.
        if is(REMOVE_VERBS, w)
            && let Some(m) = self.mention_within(i + 1, 2)
            && m.who.is_other_person()
            && self
                .token(m.tokens.end)
                .is_some_and(|n| n.word && matches!(n.lower.as_str(), "off" | "from"))
            && let Some(d) = (m.tokens.end + 1..(m.tokens.end + 6).min(self.sentence_of(i).end))
                .find(|&k| is(DUTIES, &self.doc.tokens[k].lower))
            && !self.negated(i, 3)
            && !self.in_question(i)
        {
            self.push(
                Rule::Punishment,
                i,
                d + 1,
                "asks for a person to be removed from their work".into(),
                suggestion.into(),
            );
            return;
        }
        // `taken off the rotation`.
        if is(REMOVE_VERBS, w)
            && self
                .token(i + 1)
                .is_some_and(|n| n.word && matches!(n.lower.as_str(), "off" | "from"))
            && let Some(d) = (i + 2..(i + 7).min(self.sentence_of(i).end))
                .find(|&k| is(DUTIES, &self.doc.tokens[k].lower))
            && self.clause().subject_before(i).who.is_other_person()
            && !self.negated(i, 3)
        {
            self.push(
                Rule::Punishment,
                i,
                d + 1,
                "asks for a person to be removed from their work".into(),
                suggestion.into(),
            );
            return;
        }
        // `this outage is on Raj`; `goes on the team's account`. Not work handed on: `the
        // follow-up is on Mei`.
        // Read only when the words after `is` put the incident on someone.
        let handed_on = || {
            (self.sentence_of(i).start..i).any(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "follow"
                        | "action"
                        | "actions"
                        | "task"
                        | "tasks"
                        | "ticket"
                        | "fix"
                        | "next"
                        | "owner"
                        | "review"
                        | "ball"
                )
            })
        };
        // `this is all on the infra team`, `squarely on Kevin`, `100% on them`.
        let on = if self.token(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "all" | "squarely" | "entirely" | "totally" | "completely" | "fully" | "100"
            )
        }) {
            (i + 2..i + 4).find(|&k| self.token(k).is_some_and(|t| t.lower == "on"))
        } else {
            Some(i + 1)
        };
        if matches!(w.as_str(), "is" | "was" | "'s")
            && let Some(on) = on
            && self.token(on).is_some_and(|n| n.lower == "on")
            && let Some(m) = self.mention_within(on + 1, 2)
            && m.who.is_other_person()
            && self.token(m.tokens.end).is_none_or(|n| !n.word)
            && !handed_on()
            && !self.negated(i, 2)
        {
            let end = m.tokens.end;
            self.push(
                Rule::Punishment,
                i,
                end,
                "puts the incident on a person's account".into(),
                suggestion.into(),
            );
            return;
        }
        let account = |h: &Token| {
            matches!(
                h.lower.as_str(),
                "account"
                    | "record"
                    | "head"
                    | "heads"
                    | "conscience"
                    | "tab"
                    | "review"
                    | "watch"
                    | "shoulders"
            )
        };
        let owned_account = |m: &super::super::people::Mention| {
            if m.possessor.is_some_and(Who::is_other_person)
                && self.token(m.tokens.end - 1).is_some_and(account)
            {
                return Some(m.tokens.end);
            }
            // `Jorge's record`: the account word not read as part of the mention.
            let last = self.token(m.tokens.end - 1)?;
            (last.possessive
                && (m.who.is_other_person() || m.possessor.is_some_and(Who::is_other_person)))
            .then_some(())?;
            self.token(m.tokens.end)
                .filter(|h| h.word && account(h))
                .map(|_| m.tokens.end + 1)
        };
        if matches!(w.as_str(), "on" | "onto" | "to")
            && let Some(m) = self.mention_within(i + 1, 2)
            && let Some(end) = owned_account(&m)
        {
            self.push(
                Rule::Punishment,
                i,
                end,
                "puts the incident on a person's account".into(),
                suggestion.into(),
            );
            return;
        }
        // `find out who is responsible`.
        if w == "who"
            && let Some(end) = self.match_at(
                i,
                "who is|was|'s|were ~ responsible|accountable|culpable|to|at",
            )
            && self.token(end - 1).is_some_and(|t| match t.lower.as_str() {
                "to" => self.token(end).is_some_and(|n| n.lower == "blame"),
                "at" => self.token(end).is_some_and(|n| n.lower == "fault"),
                _ => true,
            })
            && (i.saturating_sub(3)..i).any(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "find"
                        | "found"
                        | "finding"
                        | "out"
                        | "identify"
                        | "know"
                        | "determine"
                        | "establish"
                        | "decide"
                        | "learn"
                )
            })
            && !self.discussed(i)
        {
            let end = if self
                .token(end - 1)
                .is_some_and(|t| t.lower == "to" || t.lower == "at")
            {
                end + 1
            } else {
                end
            };
            self.push(
                Rule::Punishment,
                i,
                end,
                "looks for someone to hold responsible".into(),
                suggestion.into(),
            );
        }
    }

    /// The first mention starting within `window` tokens from `from`.
    pub(super) fn mention_within(
        &self,
        from: usize,
        window: usize,
    ) -> Option<super::super::people::Mention> {
        // Mentions are in text order.
        let at = self.mentions.partition_point(|m| m.tokens.start < from);
        self.mentions
            .get(at)
            .filter(|m| m.tokens.start < from + window)
            .cloned()
    }

    fn harm(&mut self, i: usize) {
        let doc = self.doc;
        let w = &doc.tokens[i].lower;
        if !(is(HARM, w) || is(LEAKING, w)) || self.in_question(i) {
            return;
        }
        let s = self.sentence_of(i);
        // Quotation marks do not end the object: `disconnected the “power supply”`.
        let object: Vec<&Token> = (i + 1..(i + 7).min(s.end))
            .map(|k| &self.doc.tokens[k])
            .filter(|t| !matches!(t.lower.as_str(), "\"" | "“" | "”" | "'" | "‘" | "’"))
            .take_while(|t| t.word)
            .collect();
        // The object proper ends where another clause or a phrase of means starts: `overwrote
        // the shared config with his local copy` does not clean up a local copy.
        let head = object
            .iter()
            .position(|t| is(OBJECT_ENDS, &t.lower))
            .unwrap_or(object.len());
        if object[..head].iter().any(|t| is(CLEANUP, &t.lower)) {
            return;
        }
        // `wiped his laptop`: the person's own thing.
        if object
            .first()
            .is_some_and(|t| matches!(t.lower.as_str(), "his" | "her" | "my"))
        {
            return;
        }
        if is(HARM_NEEDS_OBJECT, w) && !object.iter().any(|t| is(DATA_OBJECTS, &t.lower)) {
            return;
        }
        if is(LEAKING, w) && !object[..head].iter().any(|t| is(SECRETS, &t.lower)) {
            return;
        }
        // The link must be the object's head: not `cut the line count in half`.
        let link_head = object.iter().enumerate().any(|(n, t)| {
            is(LINKS, &t.lower)
                && object.get(n + 1).is_none_or(|next| {
                    !matches!(
                        next.lower.as_str(),
                        "count"
                            | "counts"
                            | "number"
                            | "numbers"
                            | "length"
                            | "limit"
                            | "size"
                            | "width"
                            | "breaks"
                            | "items"
                    )
                })
        });
        if is(CUTTING, w) && !link_head {
            return;
        }
        if w == "took" && !object.iter().any(|t| t.lower == "out" || t.lower == "down") {
            return;
        }
        if matches!(w.as_str(), "switched" | "turned" | "shut")
            && !object.iter().any(|t| t.lower == "off" || t.lower == "down")
        {
            return; // `switched to the replica`
        }
        if w == "pulled" && !object.iter().any(|t| t.lower == "plug") {
            return;
        }
        // `was deleted` without an agent says what happened, not who did it.
        let be_before = (s.start..i)
            .rev()
            .find(|&k| self.doc.tokens[k].word)
            .is_some_and(|k| {
                matches!(
                    self.doc.tokens[k].lower.as_str(),
                    "was" | "were" | "is" | "are" | "be" | "been" | "being" | "got"
                )
            });
        let subject = if be_before {
            match self.clause().agent_after(i + 1) {
                Some(a) => a,
                None => return,
            }
        } else {
            self.clause().subject_before(i)
        };
        if !subject.who.is_other_person() || self.negated(i, 2) {
            return;
        }
        // `an inaccurate work order led a crew to cut the lines`: the person is the object of
        // what made them act, and that is the cause told.
        let caused = subject.mention.as_ref().is_some_and(|m| {
            (s.start..m.tokens.start)
                .rev()
                .filter(|&k| self.doc.tokens[k].word)
                .take(2)
                .any(|k| is(CAUSATIVES, &self.doc.tokens[k].lower))
        });
        if caused {
            return;
        }
        let who = who_text(self, &subject);
        self.push(
            Rule::PersonFailure,
            i,
            i + 1,
            format!("makes {who} the subject of a destructive act"),
            "make the command, the change or the tool the subject, and say what allowed it: \
             e.g. \"the cleanup script removed the production bucket; nothing asked for \
             confirmation\""
                .into(),
        );
    }

    fn missed_duty(&mut self, i: usize) {
        let Some(end) = self
            .match_at(i, "didn't|never|hasn't|hadn't|haven't ~ *")
            .or_else(|| self.match_at(i, "did|has|had|have not ~ *"))
        else {
            return;
        };
        let verb = end - 1;
        // `never acknowledged the page`: a past form after `never`.
        let duty = |w: &str| {
            is(DUTY_VERBS, w)
                || w.strip_suffix("ed").is_some_and(|b| {
                    is(DUTY_VERBS, b)
                        || is(DUTY_VERBS, &format!("{b}e"))
                        || b.strip_suffix(|c: char| {
                            b.len() > 3 && b.ends_with(c) && b[..b.len() - 1].ends_with(c)
                        })
                        .is_some_and(|d| is(DUTY_VERBS, d))
                        || b.strip_suffix('i')
                            .is_some_and(|d| is(DUTY_VERBS, &format!("{d}y")))
                })
                || matches!(
                    w,
                    "sent" | "read" | "told" | "ran" | "caught" | "rang" | "woke"
                )
        };
        if !self.token(verb).is_some_and(|t| duty(&t.lower)) || self.in_question(i) {
            return;
        }
        // `did not page anyone because nothing fired`: fine; only a person's own duty.
        if self.negated(i, 2) || self.explained(i) {
            return;
        }
        let Some(who) = self.person_before(i) else {
            return;
        };
        self.push(
            Rule::PersonFailure,
            i,
            end,
            format!("puts a missed duty on {who}"),
            format!(
                "say what {who} had to go on at the time and what stood in the way, e.g. \
                 \"the update went out the next morning; no one was assigned to customer \
                 messages\""
            ),
        );
    }

    fn cause_of(&mut self, i: usize) {
        if !CAUSE_FIRST.contains(self.doc.tokens[i].lower.as_str()) {
            return;
        }
        for &k in CAUSE_AT.at(&self.doc.tokens[i].lower) {
            let pattern = CAUSE_OF[k];
            let Some(end) = self.match_at(i, pattern) else {
                continue;
            };
            let Some(m) = self.mention_within(end, 2) else {
                return;
            };
            // `due to the contractor's cut`: a person's act as the cause is the person.
            let owner = m.possessor.filter(|p| p.is_other_person());
            if !(m.who.is_other_person() || owner.is_some())
                || self.negated(i, 2)
                || self.in_question(i)
            {
                return;
            }
            let subject = Subject {
                who: owner.unwrap_or(m.who),
                mention: Some(m.clone()),
            };
            let who = who_text(self, &subject);
            // The owned act is part of it: `due to the contractor's cut`.
            let to = if self.doc.tokens[m.tokens.end - 1].possessive
                && self.token(m.tokens.end).is_some_and(|t| t.word)
            {
                m.tokens.end + 1
            } else {
                m.tokens.end
            };
            self.push(
                Rule::PersonFailure,
                i,
                to,
                format!("makes {who} the cause"),
                "name the conditions and the change that led to it, not the person".into(),
            );
            return;
        }
    }

    fn inaction(&mut self, i: usize) {
        if !INACTION_FIRST.contains(self.doc.tokens[i].lower.as_str()) {
            return;
        }
        for &k in INACTION_AT.at(&self.doc.tokens[i].lower) {
            let pattern = INACTION[k];
            let Some(end) = self.match_at(i, pattern) else {
                continue;
            };
            // `ran the script without checking`: the one who ran it, the sentence's first
            // mention, not the script.
            let subject = if pattern.starts_with("without") {
                let s = self.sentence_of(i);
                // Not the owner in `the vendor's support engineer`: the one it owns.
                let owner = |m: &super::super::people::Mention| {
                    self.doc.tokens[m.tokens.end - 1].possessive
                };
                match self
                    .mentions
                    .iter()
                    .find(|m| s.contains(&m.tokens.start) && m.tokens.end <= i && !owner(m))
                {
                    Some(m) => Subject {
                        who: m.who,
                        mention: Some(m.clone()),
                    },
                    // `Without thinking, he ran the command`: the subject of the clause after.
                    None => match self
                        .mentions
                        .iter()
                        .find(|m| s.contains(&m.tokens.start) && m.tokens.start > i)
                    {
                        Some(m)
                            if self.sentence_of(i).start + 1 >= i || self.starts_sentence(i) =>
                        {
                            Subject {
                                who: m.who,
                                mention: Some(m.clone()),
                            }
                        }
                        _ => self.clause().subject_before(i),
                    },
                }
            } else {
                self.clause().subject_before(i)
            };
            if !subject.who.is_other_person() || self.in_question(i) {
                return;
            }
            let who = who_text(self, &subject);
            self.push(
                Rule::Counterfactual,
                i,
                end,
                format!("judges {who} with hindsight for not acting"),
                format!(
                    "say what {who} saw and what it seemed to mean at the time, and what \
                     made acting hard"
                ),
            );
            return;
        }
    }

    fn by_person(&mut self, i: usize) {
        let w = &self.doc.tokens[i].lower;
        // `held up by the incident commander`.
        let by = if w == "held" && self.token(i + 1).is_some_and(|t| t.lower == "up") {
            i + 2
        } else if is(BY_PERSON, w) {
            i + 1
        } else {
            return;
        };
        if self.token(by).is_none_or(|t| t.lower != "by") {
            return;
        }
        let Some(agent) = self.clause().agent_after(by) else {
            return;
        };
        if !agent.who.is_other_person() || self.negated(i, 3) {
            return;
        }
        let end = agent.mention.as_ref().map_or(i + 1, |m| m.tokens.end);
        let who = who_text(self, &agent);
        let (rule, why) = if matches!(w.as_str(), "caused" | "triggered") {
            (Rule::PersonFailure, format!("makes {who} the cause"))
        } else {
            (
                Rule::Counterfactual,
                format!("puts the slip on {who}, with hindsight"),
            )
        };
        self.push(
            rule,
            i,
            end,
            why,
            "make the thing the subject and say what made it easy to miss, e.g. \"the alert \
             fired into a channel nobody watched at night\""
                .into(),
        );
    }

    fn judgement(&mut self, i: usize) {
        if !JUDGE_FIRST.contains(self.doc.tokens[i].lower.as_str()) {
            return;
        }
        for &k in JUDGE_AT.at(&self.doc.tokens[i].lower) {
            let (pattern, need) = &JUDGE[k];
            let Some(end) = self.match_at(i, pattern) else {
                continue;
            };
            // `distracted by three pages` names a condition; `took a shortcut through the
            // staging network` is a route.
            let next = self.token(end).map_or("", |t| t.lower.as_str());
            if next == "by"
                || (pattern.contains("shortcut")
                    && matches!(next, "through" | "across" | "via" | "over" | "to"))
                || (self.negated(i, 3) && !pattern.starts_with("not") && !pattern.contains("n't"))
            {
                continue;
            }
            let subject = self.subject_for(i, end);
            // `the engineer's decision to bypass the safeguards`: the owner of the decision.
            let clause_start = self.clause_range(i).start;
            let owner = subject
                .mention
                .as_ref()
                .is_some_and(|m| m.possessor.is_some_and(Who::is_other_person))
                || (clause_start..i)
                    .find(|&k| self.doc.tokens[k].word)
                    .is_some_and(|k| {
                        is(
                            super::super::lexicon::PERSON_POSSESSIVES,
                            &self.doc.tokens[k].lower,
                        )
                    });
            if !(self.meets(*need, &subject) || (owner && *need == Need::Person))
                || subject.who == Who::First
            {
                continue;
            }
            self.push(
                Rule::BlameWord,
                i,
                end,
                "judges a person's attention, thought or skill".into(),
                "describe what they were doing and what competed for their attention".into(),
            );
            return;
        }
    }

    /// `a more experienced engineer would have…`, `any competent SRE would…`.
    fn comparison(&mut self, i: usize) {
        if !matches!(self.doc.tokens[i].lower.as_str(), "a" | "an" | "any") {
            return;
        }
        let mut k = i + 1;
        if self.token(k).is_some_and(|t| t.lower == "more") {
            k += 1;
        }
        if !self
            .token(k)
            .is_some_and(|t| t.word && is(BETTER, &t.lower))
        {
            return;
        }
        let modal = |at: usize| {
            self.token(at).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "would"
                        | "wouldn't"
                        | "should"
                        | "could"
                        | "will"
                        | "might"
                        | "knows"
                        | "never"
                )
            })
        };
        // `a more experienced operator would have…`: a word that can name a machine names a
        // person when it is compared for skill.
        let ambiguous = self
            .token(k + 1)
            .is_some_and(|t| t.word && is(super::super::lexicon::AMBIGUOUS, &t.lower))
            && modal(k + 2);
        let mention = self.mention_within(k + 1, 2).filter(|m| {
            m.who == Who::Role
                && self
                    .token(m.tokens.end - 1)
                    .is_some_and(|t| is(PERSON_PHRASES, &t.lower))
                && modal(m.tokens.end)
        });
        let end = match (mention, ambiguous) {
            (Some(m), _) => Some(m.tokens.end + 1),
            (None, true) => Some(k + 3),
            (None, false) => None,
        };
        if let Some(end) = end {
            self.push(
                Rule::BlameWord,
                i,
                end,
                "compares a person with a better one".into(),
                "say what the person knew and had, and what would have helped anyone".into(),
            );
        }
    }

    fn human_cause(&mut self, i: usize) {
        let patterns = if HUMAN_FIRST.contains(self.doc.tokens[i].lower.as_str()) {
            HUMAN_AT.at(&self.doc.tokens[i].lower)
        } else {
            &[]
        };
        for &k in patterns {
            let pattern = HUMAN_CAUSE[k];
            let Some(end) = self.match_at(i, pattern) else {
                continue;
            };
            if pattern.starts_with("weak")
                && !self
                    .mentions
                    .iter()
                    .any(|m| self.sentence_of(i).contains(&m.tokens.start) && m.who == Who::Role)
            {
                continue;
            }
            // `the humans didn't`, ending the clause.
            if pattern.starts_with("humans")
                && ((self.token(end).is_some_and(|t| t.word) && !pattern.ends_with("not"))
                    || i.checked_sub(1)
                        .and_then(|b| self.token(b))
                        .is_none_or(|b| b.lower != "the"))
            {
                continue;
            }
            let technical = self
                .token(end)
                .is_some_and(|t| t.word && super::TECHNICAL_AFTER.contains(&t.lower.as_str()));
            if technical || self.negated(i, 3) || self.discussed(i) || self.meta(end) {
                continue;
            }
            self.push(
                Rule::HumanError,
                i,
                end,
                "names people as the cause".into(),
                "name the conditions that made the slip easy to make: design, tooling, time \
                 pressure, missing information"
                    .into(),
            );
            return;
        }
        // `it was the people, not the system`.
        if self.doc.tokens[i].lower == "not"
            && self.token(i + 1).is_some_and(|t| t.lower == "the")
            && self.token(i + 2).is_some_and(|t| is(SYSTEMISH, &t.lower))
            && let Some(m) = self
                .mentions
                .iter()
                .rfind(|m| m.tokens.end <= i && m.tokens.end + 2 >= i)
            && m.who == Who::Role
        {
            let (from, to) = (m.tokens.start, i + 3);
            self.push(
                Rule::HumanError,
                from,
                to,
                "names people as the cause, instead of the system".into(),
                "name the conditions the people worked in: design, tooling, time pressure".into(),
            );
        }
    }

    /// True when the words after `end` discuss the phrase: `human error is a label`.
    pub(super) fn meta(&self, end: usize) -> bool {
        let be = self.token(end).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "is" | "was" | "isn't" | "wasn't" | "are" | "gets" | "get"
            )
        });
        // `operator error is identified as the causal factor`: the label's use discussed,
        // also `is often used as`, `is too commonly cited`.
        let adverbs = (end + 1..end + 3)
            .take_while(|&k| {
                self.token(k).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "often"
                            | "too"
                            | "so"
                            | "frequently"
                            | "commonly"
                            | "usually"
                            | "sometimes"
                            | "routinely"
                            | "still"
                            | "typically"
                    )
                })
            })
            .count();
        let labelled = self.token(end + 1 + adverbs).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "identified"
                    | "cited"
                    | "named"
                    | "given"
                    | "listed"
                    | "labelled"
                    | "labeled"
                    | "used"
                    | "chosen"
                    | "reached"
                    | "invoked"
            )
        });
        be && (labelled
            || (end + 1..end + 5).any(|k| self.token(k).is_some_and(|t| is(META, &t.lower))))
    }

    /// `Were the on-call more attentive, …would…`: an inverted conditional about a person.
    fn inverted_were(&mut self, i: usize) {
        if self.doc.tokens[i].lower != "were" || !self.starts_sentence(i) {
            return;
        }
        let Some(m) = self.mention_within(i + 1, 2) else {
            return;
        };
        let s = self.sentence_of(i);
        let would = (m.tokens.end..s.end)
            .any(|k| matches!(self.doc.tokens[k].lower.as_str(), "would" | "wouldn't"));
        if !m.who.is_other_person() || !would {
            return;
        }
        let subject = Subject {
            who: m.who,
            mention: Some(m.clone()),
        };
        let who = who_text(self, &subject);
        let end = (m.tokens.end + 2).min(s.end);
        self.push(
            Rule::Counterfactual,
            i,
            end,
            format!("imagines {who} acting otherwise, with hindsight"),
            format!("say what {who} knew and had at the time, and what was missing"),
        );
    }
}
