//! Names nobody listed: a capitalised word that reads as a person's given name (`Kevin`,
//! `Olga`) rather than a product, a system, a place or a month. First drafts name people who
//! are not on the incident's list of participants; they still count as people.
//!
//! The test is by shape and position, not by a list of names: a word shaped like a given name
//! ([`Token::name_shaped`]) that is not a known product or common word, not after a
//! determiner (`the Cloudflare edge`) or another capitalised word (`GitHub Actions`), and not
//! an abstract noun (`Availability`). At the start of a sentence, where every word is
//! capitalised, it must also be followed by a verb (`Kevin wiped…`, `Kevin was…`).

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::lexicon::is;
use super::text::Token;

/// Products, systems, companies and places whose names are shaped like given names.
const PRODUCTS: &[&str] = &[
    "actions",
    "airflow",
    "akamai",
    "amazon",
    "android",
    "ansible",
    "apache",
    "argo",
    "atlas",
    "aurora",
    "azure",
    "bash",
    "bigquery",
    "bitbucket",
    "buildkite",
    "cassandra",
    "celery",
    "chef",
    "chrome",
    "cloudflare",
    "cloudfront",
    "cloudwatch",
    "consul",
    "cron",
    "datadog",
    "debian",
    "django",
    "docker",
    "dynamo",
    "elasticsearch",
    "envoy",
    "etcd",
    "facebook",
    "fastly",
    "firefox",
    "flink",
    "github",
    "gitlab",
    "google",
    "grafana",
    "hadoop",
    "haproxy",
    "helm",
    "heroku",
    "istio",
    "java",
    "jenkins",
    "jira",
    "kafka",
    "kibana",
    "kinesis",
    "kubernetes",
    "lambda",
    "linux",
    "logstash",
    "memcached",
    "microsoft",
    "mongo",
    "mysql",
    "netlify",
    "nginx",
    "nomad",
    "okta",
    "opsgenie",
    "oracle",
    "orchestrator",
    "pagerduty",
    "postgres",
    "postgresql",
    "prometheus",
    "puppet",
    "python",
    "rails",
    "redis",
    "ruby",
    "rust",
    "safari",
    "salt",
    "sentry",
    "sidekiq",
    "slack",
    "snowflake",
    "spark",
    "spinnaker",
    "splunk",
    "stripe",
    "systemd",
    "terraform",
    "traefik",
    "twilio",
    "ubuntu",
    "unix",
    "varnish",
    "vault",
    "vercel",
    "windows",
    "zookeeper",
    "zoom",
];

/// Capitalised words that are not names: days, months, titles and common sentence openers.
const COMMON: &[&str] = &[
    "the",
    "a",
    "an",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "east",
    "west",
    "north",
    "south",
    "coast",
    "region",
    "zone",
    "english",
    "european",
    "american",
    "left",
    "right",
    "once",
    "then",
    "also",
    "finally",
    "however",
    "meanwhile",
    "later",
    "after",
    "before",
    "during",
    "while",
    "when",
    "because",
    "since",
    "until",
    "unfortunately",
    "luckily",
    "fortunately",
    "initially",
    "eventually",
    "everything",
    "nothing",
    "something",
    "everyone",
    "someone",
    "anyone",
    "nobody",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "why",
    "how",
    "who",
    "which",
    "where",
    "every",
    "each",
    "some",
    "many",
    "most",
    "only",
    "even",
    "just",
    "all",
    "both",
    "our",
    "their",
    "its",
    "his",
    "her",
    "your",
    "we",
    "they",
    "you",
    "she",
    "he",
    "it",
    "had",
    "were",
    "was",
    "did",
    "does",
    "has",
    "have",
    "should",
    "could",
    "would",
    "will",
    "can",
    "must",
    "not",
    "never",
    "with",
    "without",
    "for",
    "from",
    "into",
    "onto",
    "over",
    "under",
    "owner",
    "due",
    "note",
    "update",
    "status",
    "impact",
    "summary",
    "timeline",
    "root",
    "human",
    "people",
    "staff",
    "manual",
    "engineer",
    "engineers",
    "writes",
    "reads",
    "routine",
    "connectivity",
    "influx",
    "removing",
    "losing",
    "incidents",
    "outages",
    "management",
    "ultimately",
    "honestly",
    "frankly",
    "clearly",
    "obviously",
    "whoever",
    "somebody",
    "heads",
    "put",
    "going",
    "rather",
    "instead",
    "calling",
    "blaming",
];

/// Endings of abstract nouns and other words that are rarely names.
const NOT_NAME_ENDINGS: &[&str] = &[
    "ity", "tion", "sion", "ment", "ness", "ance", "ence", "ing", "ism", "ogy", "ure", "ship",
    "ics", "ies", "ful", "less", "ly", "ize", "ise", "ware", "base", "book", "point",
];

/// Verbs (besides past tenses in `-ed`) that may follow a name at the start of a sentence.
const START_VERBS: &[&str] = &[
    "was",
    "wasn't",
    "is",
    "isn't",
    "has",
    "had",
    "hasn't",
    "hadn't",
    "did",
    "didn't",
    "does",
    "doesn't",
    "should",
    "shouldn't",
    "could",
    "couldn't",
    "would",
    "wouldn't",
    "must",
    "might",
    "will",
    "won't",
    "can",
    "can't",
    "cannot",
    "needs",
    "need",
    "knew",
    "saw",
    "took",
    "broke",
    "ran",
    "made",
    "forgot",
    "never",
    "just",
    "clearly",
    "simply",
    "also",
    "then",
    "again",
    "really",
    "obviously",
    "panicked",
    "owes",
    "deserves",
    "wrote",
    "got",
    "went",
    "left",
    "put",
    "set",
    "shut",
    "cut",
    "hit",
    "let",
    "lost",
    "kept",
    "sent",
    "told",
    "thought",
    "brought",
    "caught",
    "tore",
    "blew",
    "threw",
    "overwrote",
    "rolled",
    "wiped",
    "deleted",
    "dropped",
    "sat",
    "stood",
    "chose",
    "fell",
    "drops",
    "deletes",
    "wipes",
    "lacks",
    "lacked",
];

/// The words of [`super::lexicon::PERSON_PHRASES`] and [`super::lexicon::AFFECTED`]: roles
/// and the people affected, never a given name.
static PEOPLE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    super::lexicon::PERSON_PHRASES
        .iter()
        .chain(super::lexicon::AFFECTED)
        .copied()
        .collect()
});

static PRODUCT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PRODUCTS.iter().chain(COMMON).copied().collect());

/// True when the word at token `i` reads as an unlisted person's name. `first` is the
/// sentence's first word.
pub fn likely_name(tokens: &[Token], i: usize, first: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    if !t.word || !t.name_shaped || t.quoted || t.opaque {
        return false;
    }
    let w = t.lower.as_str();
    if PRODUCT_SET.contains(w)
        || NOT_NAME_ENDINGS.iter().any(|e| w.ends_with(e))
        || super::lexicon::is_thing(w)
        || PEOPLE_WORDS.contains(w)
    {
        return false;
    }
    if let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p))
        && i != first
        && prev.word
    {
        if prev.capital && !prev.name_shaped && i - 1 != first {
            return false; // `GitHub Actions`
        }
        if matches!(
            prev.lower.as_str(),
            "the" | "a" | "an" | "this" | "that" | "our" | "their" | "its" | "your" | "my"
        ) {
            return false; // `the Cloudflare edge`
        }
    }
    if i == first {
        if t.possessive {
            return true; // `Kevin's carelessness`
        }
        let verb =
            |n: &Token| (n.lower.len() > 4 && n.lower.ends_with("ed")) || is(START_VERBS, &n.lower);
        let next = tokens.get(i + 1).filter(|n| n.word);
        // `Aisha accidentally purged…`: an adverb, then the verb.
        let after_adverb = next.is_some_and(|n| n.lower.len() > 4 && n.lower.ends_with("ly"))
            && tokens.get(i + 2).filter(|n| n.word).is_some_and(verb);
        return next.is_some_and(verb) || after_adverb;
    }
    true
}
