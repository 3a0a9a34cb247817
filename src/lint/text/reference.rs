//! The tokenizer as it was before it was made faster, kept to check that the new one gives
//! the same tokens, sentences and clauses on any text.

#![allow(dead_code)]

use std::ops::Range;

use super::{Doc, Sentence, Token};

/// Words that start a new clause.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "so", "because", "while", "whereas", "although", "though", "when",
    "whenever", "after", "before", "until", "since", "once", "if", "unless", "where",
];

/// Clause-opening words whose clause is not the sentence's main one.
const SUBORDINATE: &[&str] = &[
    "because", "while", "whereas", "although", "though", "when", "whenever", "after", "before",
    "until", "since", "once", "if", "unless", "which", "who", "whose", "where", "whom",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Byte ranges of quoted stretches (between matching quotation marks or backticks, within
/// one line); an unmatched mark quotes nothing.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut open: Option<(char, usize)> = None;
        for (n, &(i, c)) in chars.iter().enumerate() {
            let prev = n.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(n + 1).map(|x| x.1);
            let at = line_start + i;
            match open {
                None => {
                    let opens = match c {
                        '"' | '“' | '`' | '‘' | '«' => true,
                        '\'' => {
                            prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p))
                                && next.is_some_and(is_word_char)
                        }
                        _ => false,
                    };
                    if opens {
                        open = Some((c, at));
                    }
                }
                Some((o, start)) => {
                    let closes = match (o, c) {
                        ('"', '"') | ('`', '`') | ('“', '”') | ('“', '"') | ('«', '»') => {
                            true
                        }
                        ('‘', '’') | ('\'', '\'') => {
                            // Not an apostrophe inside a word (don't, Dave's).
                            !(prev.is_some_and(is_word_char) && next.is_some_and(is_word_char))
                        }
                        _ => false,
                    };
                    if closes {
                        out.push(start..at + c.len_utf8());
                        open = None;
                    }
                }
            }
        }
        line_start += line.len();
    }
    out
}

/// Splits `text` into tokens, sentences and clauses.
pub(super) fn parse(text: &str) -> Doc {
    let mut quotes = quoted_ranges(text);
    if let [only] = quotes.as_slice()
        && super::is_whole_quote(text, only)
    {
        quotes.clear();
    }
    let mut tokens = tokenize(text, &quotes);
    for t in &mut tokens {
        t.quoted = quotes.iter().any(|q| q.start <= t.start && t.end <= q.end);
    }
    let sentences = sentences(text, &tokens);
    Doc { tokens, sentences }
}

fn tokenize(text: &str, quotes: &[Range<usize>]) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |n: usize| chars.get(n).map(|x| x.1);
    let byte = |n: usize| chars.get(n).map_or(text.len(), |x| x.0);
    // About one token for every five bytes of prose.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4 + 4);
    let mut n = 0;
    while n < chars.len() {
        let c = chars[n].1;
        if c == '\n' {
            tokens.push(punct(byte(n), '\n'));
            n += 1;
            continue;
        }
        if c.is_whitespace() {
            n += 1;
            continue;
        }
        // A chunk up to the next whitespace that looks like a link or a path is one token.
        let chunk_end = (n..chars.len())
            .find(|&k| chars[k].1.is_whitespace())
            .unwrap_or(chars.len());
        let chunk = &text[byte(n)..byte(chunk_end)];
        if chunk.contains("://") || (chunk.contains('/') && chunk.len() > 3 && !chunk.contains(' '))
        {
            let trimmed = chunk.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
            let end = byte(n) + trimmed.len();
            tokens.push(Token {
                start: byte(n),
                end,
                lower: trimmed.to_lowercase().into(),
                word: true,
                possessive: false,
                capital: false,
                name_shaped: false,
                joined: false,
                quoted: false,
                opaque: true,
            });
            while n < chars.len() && chars[n].0 < end {
                n += 1;
            }
            continue;
        }
        if is_word_char(c) {
            let start = n;
            let mut k = n + 1;
            while let Some(d) = at(k) {
                let prev = chars[k - 1].1;
                let next = at(k + 1);
                let inner = if is_word_char(d) {
                    true
                } else if is_apostrophe(d) || d == '.' {
                    is_word_char(prev) && next.is_some_and(is_word_char)
                } else if d == ':' {
                    prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit())
                } else {
                    false
                };
                if !inner {
                    break;
                }
                k += 1;
            }
            let raw = &text[byte(start)..byte(k)];
            let mut lower = raw.to_lowercase();
            if lower.contains('’') {
                lower = lower.replace('’', "'");
            }
            let mut possessive = false;
            let mut end = byte(k);
            if let Some(base) = lower.strip_suffix("'s")
                && !matches!(
                    base,
                    "he" | "she" | "it" | "that" | "there" | "what" | "who"
                )
            {
                lower = base.to_string();
                possessive = true;
            } else if lower.ends_with('s')
                && at(k).is_some_and(is_apostrophe)
                && !at(k + 1).is_some_and(is_word_char)
                && !quotes.iter().any(|q| q.end == byte(k + 1))
            {
                // engineers' laptops
                possessive = true;
                end = byte(k + 1);
                k += 1;
            }
            let joined = start > 0
                && chars[start - 1].1 == '-'
                && start >= 2
                && is_word_char(chars[start - 2].1);
            let name_shaped = name_shape(&text[byte(start)..end]);
            tokens.push(Token {
                start: byte(start),
                end,
                lower: lower.into(),
                word: true,
                possessive,
                capital: c.is_uppercase(),
                name_shaped,
                joined,
                quoted: false,
                opaque: false,
            });
            n = k;
            continue;
        }
        // A hyphen inside a word joins; anything else is punctuation.
        let inner_hyphen = c == '-'
            && n > 0
            && is_word_char(chars[n - 1].1)
            && at(n + 1).is_some_and(is_word_char);
        if !inner_hyphen {
            tokens.push(punct(byte(n), c));
        }
        n += 1;
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
    Token {
        start,
        end: start + c.len_utf8(),
        lower: c.to_string().into(),
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
    match t.lower.as_str() {
        "\n" | "!" | "?" | ";" | ":" => true,
        "." => {
            let prev = i.checked_sub(1).map(|p| &tokens[p]);
            let abbreviation = prev
                .is_some_and(|p| p.word && p.end == t.start && super::is_abbreviation(&p.lower));
            let followed_by_space = text[t.end..].chars().next().is_none_or(char::is_whitespace);
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
    for i in 0..=tokens.len() {
        let end_here = i == tokens.len() || ends_sentence(tokens, i, text);
        if !end_here {
            continue;
        }
        let stop = if i == tokens.len() { i } else { i + 1 };
        if (start..stop).any(|k| tokens[k].word) {
            out.push(Sentence {
                tokens: start..stop,
                clauses: clauses(tokens, start..stop),
            });
        }
        start = stop;
    }
    out
}

fn clauses(tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        let t = &tokens[i];
        let word_break =
            t.word && !t.quoted && i > start && CLAUSE_WORDS.contains(&t.lower.as_str());
        if is_clause_punct(t) {
            if i > start {
                out.push(start..i);
            }
            start = i + 1;
        } else if word_break {
            out.push(start..i);
            start = i;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out.retain(|r| r.clone().any(|k| tokens[k].word));
    out
}
