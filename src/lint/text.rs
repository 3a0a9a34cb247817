//! Splitting a text into word tokens, sentences and clauses, with quoted stretches marked.
//!
//! Deliberately small: words are runs of letters and digits (with inner apostrophes, dots and
//! clock colons), hyphenated words become several tokens marked as joined (`on-call` is `on`
//! `call`), a trailing `'s` is a possessive, and links or paths are one opaque token.

use smol_str::{SmolStr, StrExt};
use std::ops::Range;

/// One word or punctuation mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text, including a possessive `'s`.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Lowercased, with `’` read as `'` and a possessive `'s` removed; for punctuation, the
    /// character itself.
    pub lower: SmolStr,
    /// True for words, false for punctuation.
    pub word: bool,
    /// The word ended in `'s` (or `s'`): a possessive.
    pub possessive: bool,
    /// The word starts with an upper-case letter.
    pub capital: bool,
    /// Shaped like a given name: one upper-case letter, then two to thirteen lower-case
    /// letters (`Kevin`, `Tomás`; not `GitHub`, `AWS`, `S3`).
    pub name_shaped: bool,
    /// Joined to the word before by a hyphen (`call` in `on-call`).
    pub joined: bool,
    /// Inside quotation marks or backticks.
    pub quoted: bool,
    /// A link, path or other code-like chunk: never matched.
    pub opaque: bool,
}

/// A sentence: a range of tokens split into clauses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices of the whole sentence.
    pub tokens: Range<usize>,
    /// Token indices of each clause, in order.
    pub clauses: Vec<Range<usize>>,
}

/// A tokenised text.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// The sentences.
    pub sentences: Vec<Sentence>,
}

/// True for words after which a full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "e.g"
            | "i.e"
            | "etc"
            | "vs"
            | "approx"
            | "cf"
            | "incl"
            | "no"
            // Months and titles: `Feb. 15`, `Maj. Gen. Logan`, `San Jose, Calif.`.
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sept"
            | "oct"
            | "nov"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "maj"
            | "col"
            | "lt"
            | "sgt"
            | "calif"
    )
}

/// True for words that start a new clause.
fn is_clause_word(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "or"
            | "so"
            | "because"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "when"
            | "whenever"
            | "after"
            | "before"
            | "until"
            | "since"
            | "once"
            | "if"
            | "unless"
            | "where"
    )
}

/// Clause-opening words whose clause is not the sentence's main one.
pub const SUBORDINATE: &[&str] = &[
    "because", "while", "whereas", "although", "though", "when", "whenever", "after", "before",
    "until", "since", "once", "if", "unless", "which", "who", "whose", "where", "whom",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character starting at byte `i` of `text` (a character boundary), if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// The character ending at byte `i` of `text` (a character boundary), if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(..i)?.chars().next_back(),
        None => None,
    }
}

/// Bytes that can open or close a quoted stretch, or end one (`\n`): the ASCII marks, and the
/// lead byte of any other character (the curly marks and guillemets are not ASCII).
static QUOTE_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'"' | b'`' | b'\'' | b'\n') || b >= 0xC0;
        b += 1;
    }
    table
};

/// Byte ranges of quoted stretches (between matching quotation marks or backticks, within
/// one line); an unmatched mark quotes nothing.
///
/// Only the bytes in `QUOTE_BYTES` are read as characters; the characters on either side of
/// a mark are looked up when one is met.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Most texts have no mark at all.
    if text.is_ascii() && memchr::memchr3(b'"', b'`', b'\'', bytes).is_none() {
        return out;
    }
    let mut open: Option<(char, usize)> = None;
    let mut at = 0;
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|&b| QUOTE_BYTES[usize::from(b)])
    {
        at += skip;
        let Some(c) = char_at(text, at) else { break };
        let len = c.len_utf8();
        // The character before a mark just after a line break reads as none.
        let prev = char_before(text, at).filter(|&p| p != '\n');
        let next = || char_at(text, at + len);
        match open {
            None => {
                let opens = match c {
                    '"' | '“' | '`' | '‘' | '«' => true,
                    '\'' => {
                        prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
                            && next().is_some_and(is_word_char)
                    }
                    _ => false,
                };
                if opens {
                    open = Some((c, at));
                }
            }
            Some((o, start)) => {
                let closes = match (o, c) {
                    ('"', '"') | ('`', '`') | ('“', '”') | ('“', '"') | ('«', '»') => true,
                    ('‘', '’') | ('\'', '\'') => {
                        // Not an apostrophe inside a word (don't, Dave's).
                        !(prev.is_some_and(is_word_char) && next().is_some_and(is_word_char))
                    }
                    _ => false,
                };
                if closes {
                    out.push(start..at + len);
                    open = None;
                }
            }
        }
        // A stretch ends with its line; the next line starts afresh.
        if c == '\n' {
            open = None;
        }
        at += len;
    }
    out
}

/// Splits `text` into tokens, sentences and clauses.
pub fn parse(text: &str) -> Doc {
    let mut quotes = quoted_ranges(text);
    // A text that is one quotation and nothing else (a remark pasted on its own, with no one
    // named as saying it) is the writer's content: linted as written.
    if let [only] = quotes.as_slice()
        && is_whole_quote(text, only)
    {
        quotes.clear();
    }
    let mut tokens = tokenize(text, &quotes);
    mark_quoted(&mut tokens, &quotes);
    let sentences = sentences(text, &tokens);
    Doc { tokens, sentences }
}

/// Marks the tokens that lie wholly inside one of `quotes` (sorted, not overlapping), walking
/// both lists once.
fn mark_quoted(tokens: &mut [Token], quotes: &[Range<usize>]) {
    let mut quotes = quotes.iter().peekable();
    for t in tokens {
        while quotes.next_if(|q| q.end < t.end).is_some() {}
        let Some(q) = quotes.peek() else { break };
        t.quoted = q.start <= t.start && t.end <= q.end;
    }
}

/// True when the quotation `q` (not code in backticks) is all of `text` but blanks and closing
/// punctuation.
fn is_whole_quote(text: &str, q: &Range<usize>) -> bool {
    !text[q.start..].starts_with('`')
        && text[..q.start].trim().is_empty()
        && text[q.end..]
            .trim_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c))
            .is_empty()
}

/// `s` lowercased, as `str::to_lowercase` does; a word of up to 23 bytes of ASCII is kept
/// without allocating.
fn lowercase(s: &str) -> SmolStr {
    if s.is_ascii() {
        s.to_ascii_lowercase_smolstr()
    } else {
        SmolStr::from(s.to_lowercase())
    }
}

/// The whitespace-separated chunk a position is in: where it ends, and the last `/` and
/// `://` in it (to tell a link or path from words without looking again at each token).
#[derive(Clone, Copy, Default)]
struct Chunk {
    end: usize,
    last_slash: Option<usize>,
    last_scheme: Option<usize>,
}

impl Chunk {
    fn from(text: &str, start: usize) -> Chunk {
        let b = text.as_bytes();
        let mut chunk = Chunk {
            end: start,
            last_slash: None,
            last_scheme: None,
        };
        let mut k = start;
        while let Some(&x) = b.get(k) {
            if x < 0x80 {
                if char::from(x).is_whitespace() {
                    break;
                }
                if x == b'/' {
                    chunk.last_slash = Some(k);
                } else if x == b':' && b.get(k + 1..k + 3) == Some(b"//") {
                    chunk.last_scheme = Some(k);
                }
                k += 1;
            } else {
                match char_at(text, k) {
                    Some(c) if !c.is_whitespace() => k += c.len_utf8(),
                    _ => break,
                }
            }
        }
        chunk.end = k;
        chunk
    }

    /// True when the chunk's part from byte `at` on reads as a link or a path.
    fn opaque_from(&self, at: usize) -> bool {
        self.last_scheme.is_some_and(|p| p >= at)
            || (self.last_slash.is_some_and(|p| p >= at) && self.end - at > 3)
    }
}

fn tokenize(text: &str, quotes: &[Range<usize>]) -> Vec<Token> {
    // About one token for every five bytes of prose.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 4);
    let mut chunk = Chunk::default();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        if c == '\n' {
            tokens.push(punct(i, '\n'));
            i += 1;
            continue;
        }
        if c == ' ' || c.is_whitespace() {
            i += len;
            continue;
        }
        // A chunk up to the next whitespace that looks like a link or a path is one token.
        if i >= chunk.end {
            chunk = Chunk::from(text, i);
        }
        if chunk.opaque_from(i) {
            let trimmed = text[i..chunk.end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
            let end = i + trimmed.len();
            tokens.push(Token {
                start: i,
                end,
                lower: lowercase(trimmed),
                word: true,
                possessive: false,
                capital: false,
                name_shaped: false,
                joined: false,
                quoted: false,
                opaque: true,
            });
            i = end;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut k = i + len;
            // A run of ASCII letters and digits first, byte by byte: all word characters.
            let bytes = text.as_bytes();
            while bytes.get(k).is_some_and(u8::is_ascii_alphanumeric) {
                k += 1;
            }
            let mut prev = char_before(text, k).unwrap_or(c);
            while let Some(d) = char_at(text, k) {
                let next = || char_at(text, k + d.len_utf8());
                let inner = if is_word_char(d) {
                    true
                } else if is_apostrophe(d) || d == '.' {
                    is_word_char(prev) && next().is_some_and(is_word_char)
                } else if d == ':' {
                    prev.is_ascii_digit() && next().is_some_and(|x| x.is_ascii_digit())
                } else {
                    false
                };
                if !inner {
                    break;
                }
                prev = d;
                k += d.len_utf8();
            }
            let raw = &text[start..k];
            let mut lower = lowercase(raw);
            if !raw.is_ascii() && lower.contains('’') {
                lower = SmolStr::from(lower.replace('’', "'"));
            }
            let mut possessive = false;
            let mut end = k;
            if let Some(base) = lower.strip_suffix("'s")
                && !matches!(
                    base,
                    "he" | "she" | "it" | "that" | "there" | "what" | "who"
                )
            {
                lower = SmolStr::new(base);
                possessive = true;
            } else if lower.ends_with('s')
                && let Some(a) = char_at(text, k).filter(|a| is_apostrophe(*a))
                && !char_at(text, k + a.len_utf8()).is_some_and(is_word_char)
                && !quotes.iter().any(|q| q.end == k + a.len_utf8())
            {
                // engineers' laptops
                possessive = true;
                end = k + a.len_utf8();
                k = end;
            }
            let joined = text.as_bytes()[..start].last() == Some(&b'-')
                && char_before(text, start - 1).is_some_and(is_word_char);
            let capital = c.is_uppercase();
            let name_shaped = capital && name_shape(&text[start..end]);
            tokens.push(Token {
                start,
                end,
                lower,
                word: true,
                possessive,
                capital,
                name_shaped,
                joined,
                quoted: false,
                opaque: false,
            });
            i = k;
            continue;
        }
        // A hyphen inside a word joins; anything else is punctuation.
        let inner_hyphen = c == '-'
            && char_before(text, i).is_some_and(is_word_char)
            && char_at(text, i + 1).is_some_and(is_word_char);
        if !inner_hyphen {
            tokens.push(punct(i, c));
        }
        i += len;
    }
    tokens
}

/// True when `raw` (a word, possibly ending in a possessive) is shaped like a given name.
fn name_shape(raw: &str) -> bool {
    let base = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .or_else(|| raw.strip_suffix('\''))
        .unwrap_or(raw);
    let mut chars = base.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let mut len = 0;
    for c in chars {
        if !(c.is_lowercase() && c.is_alphabetic()) {
            return false;
        }
        len += 1;
    }
    (2..=13).contains(&len)
}

fn punct(start: usize, c: char) -> Token {
    let mut buf = [0u8; 4];
    Token {
        start,
        end: start + c.len_utf8(),
        lower: SmolStr::new(c.encode_utf8(&mut buf)),
        word: false,
        possessive: false,
        capital: false,
        name_shaped: false,
        joined: false,
        quoted: false,
        opaque: false,
    }
}

fn ends_sentence(tokens: &[Token], i: usize, text: &str) -> bool {
    let t = &tokens[i];
    if t.word {
        return false;
    }
    match t.lower.as_str() {
        "\n" | "!" | "?" | ";" | ":" => true,
        "." => {
            let prev = i.checked_sub(1).map(|p| &tokens[p]);
            let abbreviation =
                prev.is_some_and(|p| p.word && p.end == t.start && is_abbreviation(&p.lower));
            let followed_by_space = char_at(text, t.end).is_none_or(char::is_whitespace);
            !abbreviation && followed_by_space
        }
        _ => false,
    }
}

fn is_clause_punct(t: &Token) -> bool {
    !t.word
        && matches!(
            t.lower.as_str(),
            "," | "(" | ")" | "—" | "–" | "-" | "[" | "]"
        )
}

fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut any_word = false;
    for i in 0..=tokens.len() {
        let end_here = i == tokens.len() || ends_sentence(tokens, i, text);
        if !end_here {
            any_word |= tokens[i].word;
            continue;
        }
        let stop = if i == tokens.len() { i } else { i + 1 };
        if any_word {
            out.push(Sentence {
                tokens: start..stop,
                clauses: clauses(tokens, start..stop),
            });
        }
        start = stop;
        any_word = false;
    }
    out
}

fn clauses(tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    // Whether the clause begun at `start` holds a word so far.
    let mut any_word = false;
    for i in range.clone() {
        let t = &tokens[i];
        let word_break = t.word && !t.quoted && i > start && is_clause_word(&t.lower);
        if is_clause_punct(t) {
            if i > start && any_word {
                out.push(start..i);
            }
            start = i + 1;
            any_word = false;
        } else if word_break {
            if any_word {
                out.push(start..i);
            }
            start = i;
            any_word = true;
        } else {
            any_word |= t.word;
        }
    }
    if start < range.end && any_word {
        out.push(start..range.end);
    }
    out
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the tokenizer against the one it replaced, on `text`.
    fn same_as_before(text: &str) {
        let new = parse(text);
        let old = reference::parse(text);
        assert_eq!(new.tokens, old.tokens, "tokens of {text:?}");
        assert_eq!(new.sentences, old.sentences, "sentences of {text:?}");
    }

    #[test]
    fn the_labeled_sentences_split_as_before() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lint");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            same_as_before(&text);
            for line in text.lines() {
                same_as_before(line);
                n += 1;
            }
        }
        assert!(n > 500, "{n}");
        for (_, example) in crate::demo::EXAMPLES {
            same_as_before(example);
        }
    }

    #[test]
    fn any_text_splits_as_before() {
        use proptest::test_runner::{Config, TestRunner};
        let pieces: &[&str] = &[
            "a",
            "Dave",
            "dave",
            "KEVIN",
            "Tomás",
            "İstanbul",
            "ΣΑΣ",
            "é",
            "9",
            "14",
            ":",
            "02",
            "'",
            "’",
            "'s",
            "’s",
            "s'",
            "s’",
            "\"",
            "“",
            "”",
            "‘",
            "«",
            "»",
            "`",
            "-",
            "—",
            "–",
            "/",
            "://",
            "https://x.example/a.b",
            "a/b",
            "and/or",
            ".",
            "e.g",
            "no",
            "etc",
            ",",
            ";",
            "!",
            "?",
            "(",
            ")",
            "[",
            "]",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "\u{2028}",
            "\u{3000}",
            "he's",
            "it's",
            "engineers",
            "and",
            "because",
            "who",
            "x",
            "..",
            "\r\n",
            "ǅ",
            "ﬁ",
            "½",
            "٣",
        ];
        let mut runner = TestRunner::new(Config {
            cases: 4_000,
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = proptest::collection::vec(0..pieces.len(), 0..40);
        let result = runner.run(&strategy, |picked| {
            let text: String = picked.iter().map(|&p| pieces[p]).collect();
            same_as_before(&text);
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    }

    fn words(doc: &Doc) -> Vec<&str> {
        doc.tokens
            .iter()
            .filter(|t| t.word)
            .map(|t| t.lower.as_str())
            .collect()
    }

    #[test]
    fn words_hyphens_possessives_and_contractions() {
        let doc = parse("The on-call's phone didn't ring; Dave’s laptop, the engineers' VPN.");
        assert_eq!(
            words(&doc),
            [
                "the",
                "on",
                "call",
                "phone",
                "didn't",
                "ring",
                "dave",
                "laptop",
                "the",
                "engineers",
                "vpn"
            ]
        );
        let call = &doc.tokens[2];
        assert!(call.joined && call.possessive);
        assert!(
            doc.tokens
                .iter()
                .any(|t| t.lower == "dave" && t.possessive && t.capital)
        );
        assert!(
            doc.tokens
                .iter()
                .any(|t| t.lower == "engineers" && t.possessive)
        );
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn numbers_times_abbreviations_and_links_stay_whole() {
        let doc = parse("At 14:02, e.g. 99.7% of https://x.example/a.b failed. Then it stopped.");
        let w = words(&doc);
        assert!(
            w.contains(&"14:02") && w.contains(&"99.7") && w.contains(&"e.g"),
            "{w:?}"
        );
        assert!(
            doc.tokens
                .iter()
                .any(|t| t.opaque && t.lower == "https://x.example/a.b")
        );
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn quotes_are_marked_but_apostrophes_are_not_quotes() {
        let text = "He said \"human error\" and 'operator error'; it wasn't Dave's `git blame`.";
        let doc = parse(text);
        let quoted: Vec<&str> = doc
            .tokens
            .iter()
            .filter(|t| t.word && t.quoted)
            .map(|t| t.lower.as_str())
            .collect();
        assert_eq!(
            quoted,
            ["human", "error", "operator", "error", "git", "blame"]
        );
        // An unmatched quotation mark quotes nothing.
        let doc = parse("The \"healthy status was wrong.");
        assert!(doc.tokens.iter().all(|t| !t.quoted));
    }

    #[test]
    fn clauses_split_at_commas_and_conjunctions() {
        let doc = parse("After the alert fired, the SRE ignored it and went back to bed.");
        let s = &doc.sentences[0];
        let texts: Vec<String> = s
            .clauses
            .iter()
            .map(|r| {
                doc.tokens[r.clone()]
                    .iter()
                    .filter(|t| t.word)
                    .map(|t| t.lower.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            texts,
            [
                "after the alert fired",
                "the sre ignored it",
                "and went back to bed"
            ]
        );
    }
}
