//! Sentence and token segmentation with byte offsets.
//!
//! Sentences are found inside each block of the clean text (title, standfirst and paragraphs;
//! section headings are labels, not sentences, and get none). A sentence ends at `.`, `!`, `?` or
//! `…`, followed by any closing quotes or brackets, then white space, then something that can
//! start a sentence (a capital, a digit, an opening quote or bracket). A line break inside a block
//! always ends a sentence. These do not end a sentence:
//! - titles and abbreviations from `abbreviations.txt` ("Mr.", "Gen.", "Sept.", "Inc.");
//! - single-letter initials ("John F. Kennedy");
//! - dotted acronyms ("U.S.", "U.N.") unless the next word is a usual sentence opener
//!   ("The", "He", "But"…, from `openers.txt`);
//! - month abbreviations before a number ("Sept. 22").
//!
//! A sentence longer than [`MAX_SENTENCE_BYTES`] is not natural prose (a table, a list run
//! together, an adversarial input): it is cut at the last comma, semicolon or space before the
//! limit, so that every later stage works on bounded sentences and stays linear in the article.
//!
//! Tokens are words (with inner hyphens, apostrophes and dots of acronyms), numbers (with
//! thousands separators and decimals), possessive endings ("’s" as a token of its own), and
//! single punctuation marks.

use dateline_doc::{BlockKind, Doc, Sentence, Span, Token, TokenKind};
use std::collections::HashSet;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon(include_str!("../lexicon/abbreviations.txt"))
        .map(|w| w.trim_end_matches('.'))
        .collect()
});

static MONTHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ]
    .into_iter()
    .collect()
});

static OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon(include_str!("../lexicon/openers.txt")).collect());

/// The code points below this (all below the surrogates) have their letter and letter-or-digit
/// classes in [`CLASSES`].
const TABLE_END: u32 = (ALNUM.len() * 64) as u32;

// `ALPHA` and `ALNUM`: bit tables of `char::is_alphabetic` and `char::is_alphanumeric` for the
// code points below [`TABLE_END`], written by `build.rs` from the standard library's own
// functions.
include!(concat!(env!("OUT_DIR"), "/classes.rs"));

/// Letter and letter-or-digit classes from bit tables for the code points below [`TABLE_END`]
/// (Latin, Greek, Cyrillic, Arabic, Hebrew, Indic scripts, punctuation, CJK, Hangul): the same
/// answers as the standard library's functions, without its slower search for each non-ASCII
/// character (curly quotes and dashes in most articles, every letter of a Russian one), which
/// took a third of the tokenizer's time. The tables are plain statics (no lazy initialisation
/// to check per character), so the lookup inlines into the stages that test every character.
struct Classes;

static CLASSES: Classes = Classes;

impl Classes {
    /// `c.is_alphabetic()`.
    #[inline]
    fn alpha(&self, c: char) -> bool {
        is_alphabetic(c)
    }

    /// `c.is_alphanumeric()`.
    #[inline]
    fn alnum(&self, c: char) -> bool {
        is_alphanumeric(c)
    }
}

/// `c.is_alphabetic()`, from the table for the code points below the surrogates: for a stage that
/// tests every character of an article (the standard library searches a table for each
/// non-ASCII one).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_END {
        ALPHA[(u / 64) as usize] >> (u % 64) & 1 == 1
    } else {
        c.is_alphabetic()
    }
}

/// `c.is_alphanumeric()`, from the table for the code points below the surrogates.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    let u = c as u32;
    if u < TABLE_END {
        ALNUM[(u / 64) as usize] >> (u % 64) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// Lines of a lexicon file, without comments and blank lines.
fn lexicon(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// The character starting at byte `i` of `text`, read straight from the byte when it is ASCII
/// (most of an English article); `None` past the end. `i` must be on a character boundary.
#[inline]
pub fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
    }
}

/// Fill `doc.sentences` and `doc.tokens`.
pub fn segment(doc: &mut Doc) {
    let mut sentences = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            continue;
        }
        for s in split_sentences(&doc.text()[block.span.start..block.span.end]) {
            sentences.push(Sentence {
                span: Span::new(block.span.start + s.start, block.span.start + s.end),
                block: bi,
            });
        }
    }
    // About one token per five bytes of English text.
    let mut tokens = Vec::with_capacity(doc.text().len() / 5);
    let mut chars = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let base = s.span.start;
        tokenize_with(
            &doc.text()[s.span.start..s.span.end],
            &mut chars,
            |span, kind| {
                tokens.push(Token {
                    span: Span::new(base + span.start, base + span.end),
                    kind,
                    sentence: si,
                })
            },
        );
    }
    doc.sentences = sentences;
    doc.tokens = tokens;
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹')
}

/// The word (letters and dots) that ends just before byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(CLASSES.alnum(c) || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// The word that starts at byte `start` of `text`.
fn word_after(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !CLASSES.alnum(c))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Does a period at `dot` (byte index of the `.`) end a sentence, given the next word?
fn period_ends_sentence(text: &str, dot: usize, next: &str) -> bool {
    let word = word_before(text, dot);
    let bare = word.trim_start_matches('.');
    if bare.is_empty() {
        return true;
    }
    let starts_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    if MONTHS.contains(bare) && starts_digit {
        return false;
    }
    if ABBREVIATIONS.contains(bare) {
        return false;
    }
    let mut chars = bare.chars();
    let first = chars.next().unwrap_or(' ');
    // A single capital letter: an initial ("John F. Kennedy").
    if first.is_uppercase() && chars.next().is_none() {
        return false;
    }
    // Dotted acronyms ("U.S.", "U.N."): end a sentence only before a usual opener.
    if bare.contains('.') {
        return OPENERS.contains(next);
    }
    true
}

/// The longest sentence the splitter lets through; see the crate documentation.
pub const MAX_SENTENCE_BYTES: usize = 1200;

/// Cut an overlong span at the last ", ", "; " or white space before the limit.
fn cap(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = window
            .rfind("; ")
            .or_else(|| window.rfind(", "))
            .map(|i| i + 1)
            .filter(|&i| i > MAX_SENTENCE_BYTES / 2)
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
            .unwrap_or(window.len());
        let mut end = start + cut;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let piece = text[start..end].trim_end();
        if !piece.is_empty() {
            out.push(Span::new(start, start + piece.len()));
        }
        start = end + (text[end..].len() - text[end..].trim_start().len());
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
}

/// Sentence spans (byte offsets into `text`), trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for s in split_uncapped(text) {
        if s.len() > MAX_SENTENCE_BYTES {
            cap(text, s, &mut out);
        } else {
            out.push(s);
        }
    }
    out
}

/// The bytes the sentence scan looks at: a line break, `.`, `!`, `?` and E2 (the first byte of
/// `…`); one table lookup passes over every other byte.
static STOPS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

fn split_uncapped(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if s + lead < e - trail {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    // Bytes, not chars: only a line break and the terminators matter here, and every byte of
    // theirs starts a character ('…' is E2 80 A6).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !STOPS[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let c = match bytes[i] {
            b'\n' => {
                push(start, i, &mut out);
                start = i + 1;
                i += 1;
                continue;
            }
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA6]) => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        // Swallow repeated terminators and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        for d in text[end..].chars() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let at = i;
        i = end;
        // Need white space next, then a sentence start.
        let rest = &text[end..];
        let ws = rest.len() - rest.trim_start().len();
        if ws == 0 || rest[..ws].contains('\n') {
            continue;
        }
        let next_start = end + ws;
        let Some(nc) = text[next_start..].chars().next() else {
            continue;
        };
        if !(nc.is_uppercase() || nc.is_ascii_digit() || is_opener(nc)) {
            continue;
        }
        if c == '.' && end == at + 1 {
            let next = word_after(text, next_start);
            if !period_ends_sentence(text, at, next) {
                continue;
            }
        }
        push(start, end, &mut out);
        start = end;
    }
    push(start, text.len(), &mut out);
    out
}
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether the letters after an apostrophe are a clitic that splits off ("s", "re", "ve", "ll",
/// "d", "m", in any case) and whether they are "t" ("n't").
fn clitic_or_t(tail: &str) -> (bool, bool) {
    if tail.is_ascii() {
        let is = |w: &str| tail.eq_ignore_ascii_case(w);
        (
            is("s") || is("re") || is("ve") || is("ll") || is("d") || is("m"),
            is("t"),
        )
    } else {
        // No lower-casing of a non-ASCII letter gives an ASCII word, but keep the general rule.
        let lower = tail.to_lowercase();
        (
            matches!(lower.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m"),
            lower == "t",
        )
    }
}

/// Tokens of a sentence: byte spans relative to `text`, with their class.
pub fn tokenize(text: &str) -> Vec<(Span, TokenKind)> {
    let mut out = Vec::new();
    tokenize_with(text, &mut Vec::new(), |span, kind| out.push((span, kind)));
    out
}

/// [`tokenize`], handing each token to `emit`, with `chars` as a buffer the caller may reuse.
fn tokenize_with(
    text: &str,
    chars: &mut Vec<(usize, char)>,
    mut emit: impl FnMut(Span, TokenKind),
) {
    let cls = &CLASSES;
    chars.clear();
    chars.extend(text.char_indices());
    let chars = &chars[..];
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut k = 0;
    while k < n {
        let c = chars[k].1;
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let begin = k;
        if c.is_ascii_digit() {
            // 400,000  3.5  1990s  22nd  24-hour
            k += 1;
            while k < n {
                let d = chars[k].1;
                if d.is_ascii_digit() || cls.alpha(d) {
                    k += 1;
                } else if (matches!(d, ',' | '.' | ':')
                    && at(k + 1).is_some_and(|e| e.is_ascii_digit()))
                    || (d == '-' && at(k + 1).is_some_and(|e| cls.alnum(e)))
                {
                    k += 2;
                } else {
                    break;
                }
            }
            emit(Span::new(pos(begin), pos(k)), TokenKind::Number);
            continue;
        }
        if (c == 'n' || c == 'N')
            && at(k + 1).is_some_and(is_apostrophe)
            && matches!(at(k + 2), Some('t' | 'T'))
            && !at(k + 3).is_some_and(|e| cls.alpha(e))
        {
            k += 3;
            emit(Span::new(pos(begin), pos(k)), TokenKind::Word);
            continue;
        }
        if cls.alpha(c) {
            k += 1;
            while k < n {
                let d = chars[k].1;
                let next_alpha = at(k + 1).is_some_and(|e| cls.alnum(e));
                if cls.alnum(d) {
                    k += 1;
                } else if (d == '-' || d == '‑') && next_alpha {
                    k += 2;
                } else if is_apostrophe(d) && next_alpha {
                    // Possessive or contraction: "Russia’s" → "Russia" + "’s"; "don't" → "do" + "n't".
                    let mut j = k + 1;
                    while j < n && cls.alpha(chars[j].1) {
                        j += 1;
                    }
                    let (clitic, t) = clitic_or_t(&text[pos(k + 1)..pos(j)]);
                    if clitic {
                        break;
                    }
                    if t && k > begin && matches!(chars[k - 1].1, 'n' | 'N') {
                        k -= 1;
                        break;
                    }
                    k += 2;
                } else if d == '.'
                    && at(k + 1).is_some_and(|e| cls.alpha(e))
                    && at(k + 2) == Some('.')
                {
                    // Dotted acronym "U.S." / "a.m."
                    k += 3;
                    while at(k).is_some_and(|e| cls.alpha(e)) && at(k + 1) == Some('.') {
                        k += 2;
                    }
                    break;
                } else {
                    break;
                }
            }
            // Keep the period of a known abbreviation or initial with the word.
            if at(k) == Some('.') {
                let word = &text[pos(begin)..pos(k)];
                let single_cap = word.chars().count() == 1 && c.is_uppercase();
                if single_cap || ABBREVIATIONS.contains(word) || MONTHS.contains(word) {
                    k += 1;
                }
            }
            emit(Span::new(pos(begin), pos(k)), TokenKind::Word);
            continue;
        }
        if is_apostrophe(c) && k > 0 && !chars[k - 1].1.is_whitespace() {
            // "’s", "'re", "n't" continuation tokens.
            let mut j = k + 1;
            while at(j).is_some_and(|e| cls.alpha(e)) {
                j += 1;
            }
            if j > k + 1 {
                emit(Span::new(pos(k), pos(j)), TokenKind::Word);
                k = j;
                continue;
            }
        }
        k += 1;
        let kind = if c.is_ascii_punctuation()
            || matches!(c, '“' | '”' | '‘' | '’' | '–' | '—' | '…' | '«' | '»')
        {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        emit(Span::new(pos(begin), pos(k)), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|(s, _)| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Mr. Smith met Gen. Ali on Sept. 22 in the U.S. capital. The talks ended.";
        assert_eq!(
            sents(t),
            vec![
                "Mr. Smith met Gen. Ali on Sept. 22 in the U.S. capital.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        let t = "Troops were sent by the U.S. The decision drew criticism.";
        assert_eq!(sents(t).len(), 2);
        let t = "The U.N. Security Council met.";
        assert_eq!(sents(t).len(), 1);
    }

    #[test]
    fn initials_and_numbers() {
        let t = "John F. Kennedy was shot in 1963. Growth was 3.5 percent.";
        assert_eq!(
            sents(t),
            vec![
                "John F. Kennedy was shot in 1963.",
                "Growth was 3.5 percent."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        let t = "“We will stay,” he said. “No deal.” She left! Did it work? Yes…\u{a0}Then rain.";
        assert_eq!(
            sents(t),
            vec![
                "“We will stay,” he said.",
                "“No deal.”",
                "She left!",
                "Did it work?",
                "Yes…",
                "Then rain."
            ]
        );
        // A question inside a quote followed by a lower-case cue stays one sentence.
        assert_eq!(sents("“Why now?” he asked.").len(), 1);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sents("- one item\n- another item"),
            vec!["- one item", "- another item"]
        );
    }

    #[test]
    fn overlong_sentences_are_cut() {
        let t = "Obama said ".repeat(500) + "é, and then it ended.";
        let spans = split_sentences(&t);
        assert!(spans.len() > 3);
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES, "{}", s.len());
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
            assert_eq!(&t[s.start..s.end], t[s.start..s.end].trim());
        }
        // Nothing is lost but white space.
        let joined: String = spans.iter().map(|s| &t[s.start..s.end]).collect();
        let squeezed: String = t.split_whitespace().collect();
        assert_eq!(joined.split_whitespace().collect::<String>(), squeezed);
        let commas = "word, ".repeat(400);
        for s in split_sentences(&commas) {
            assert!(s.len() <= MAX_SENTENCE_BYTES);
        }
    }

    /// The tokenizer as first written (std's character classes, a `String` per clitic); the
    /// fast one must give the same tokens.
    fn tokenize_reference(text: &str) -> Vec<(Span, TokenKind)> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let n = chars.len();
        let at = |k: usize| chars.get(k).map(|&(_, c)| c);
        let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
        let mut k = 0;
        while k < n {
            let c = chars[k].1;
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            let begin = k;
            if c.is_ascii_digit() {
                // 400,000  3.5  1990s  22nd  24-hour
                k += 1;
                while k < n {
                    let d = chars[k].1;
                    if d.is_ascii_digit() || d.is_alphabetic() {
                        k += 1;
                    } else if (matches!(d, ',' | '.' | ':')
                        && at(k + 1).is_some_and(|e| e.is_ascii_digit()))
                        || (d == '-' && at(k + 1).is_some_and(char::is_alphanumeric))
                    {
                        k += 2;
                    } else {
                        break;
                    }
                }
                out.push((Span::new(pos(begin), pos(k)), TokenKind::Number));
                continue;
            }
            if (c == 'n' || c == 'N')
                && at(k + 1).is_some_and(is_apostrophe)
                && matches!(at(k + 2), Some('t' | 'T'))
                && !at(k + 3).is_some_and(char::is_alphabetic)
            {
                k += 3;
                out.push((Span::new(pos(begin), pos(k)), TokenKind::Word));
                continue;
            }
            if c.is_alphabetic() {
                k += 1;
                while k < n {
                    let d = chars[k].1;
                    let next_alpha = at(k + 1).is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() {
                        k += 1;
                    } else if (d == '-' || d == '‑') && next_alpha {
                        k += 2;
                    } else if is_apostrophe(d) && next_alpha {
                        // Possessive or contraction: "Russia’s" → "Russia" + "’s"; "don't" → "do" + "n't".
                        let tail: String = chars[k + 1..]
                            .iter()
                            .map(|&(_, c)| c)
                            .take_while(|c| c.is_alphabetic())
                            .collect();
                        let lower = tail.to_lowercase();
                        if matches!(lower.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m") {
                            break;
                        }
                        if lower == "t" && k > begin && matches!(chars[k - 1].1, 'n' | 'N') {
                            k -= 1;
                            break;
                        }
                        k += 2;
                    } else if d == '.'
                        && at(k + 1).is_some_and(char::is_alphabetic)
                        && at(k + 2) == Some('.')
                    {
                        // Dotted acronym "U.S." / "a.m."
                        k += 3;
                        while at(k).is_some_and(char::is_alphabetic) && at(k + 1) == Some('.') {
                            k += 2;
                        }
                        break;
                    } else {
                        break;
                    }
                }
                // Keep the period of a known abbreviation or initial with the word.
                if at(k) == Some('.') {
                    let word = &text[pos(begin)..pos(k)];
                    let single_cap = word.chars().count() == 1 && c.is_uppercase();
                    if single_cap || ABBREVIATIONS.contains(word) || MONTHS.contains(word) {
                        k += 1;
                    }
                }
                out.push((Span::new(pos(begin), pos(k)), TokenKind::Word));
                continue;
            }
            if is_apostrophe(c) && k > 0 && !chars[k - 1].1.is_whitespace() {
                // "’s", "'re", "n't" continuation tokens.
                let mut j = k + 1;
                while at(j).is_some_and(char::is_alphabetic) {
                    j += 1;
                }
                if j > k + 1 {
                    out.push((Span::new(pos(k), pos(j)), TokenKind::Word));
                    k = j;
                    continue;
                }
            }
            k += 1;
            let kind = if c.is_ascii_punctuation() || "“”‘’–—…«»".contains(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            out.push((Span::new(pos(begin), pos(k)), kind));
        }
        out
    }

    fn same_tokens(text: &str) {
        assert_eq!(tokenize(text), tokenize_reference(text), "{text:?}");
    }

    #[test]
    fn class_tables_agree_with_std_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(CLASSES.alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(CLASSES.alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn fast_tokenizer_agrees_with_the_first_one() {
        for t in [
            "Russia’s rebel-held east: 400,000 lives, 3.5%.",
            "The U.S. didn't. They DON’T. We’re, you’ve, I’ll, he’d, I’m, y'all, o'clock.",
            "RUSSIA’S, ISN’T, Won't, can’t, ‘quoted’ and \"quoted\" «guillemets» – — …",
            "Москва’s мэр сказал: «Нет». Путин’ы ’s ’ ' n't N'T",
            "l’État, dell’Italia, d’Alembert, İstanbul’İ, straße’s, ΣΟΦΙΑ’Σ",
            "Mr. Kerry, Sept. 22, a.m. p.m. U.N.-backed 72-hour 1990s 22nd 3:30 1,000.5",
            "x’ç x’\u{212A} x'\u{130} ab’cd’ef e-mail co‑operate ₂ ² ½ Ⅻ ⅻ 𝐀𝐁 😀’s",
            "Tab\there\u{a0}nbsp\u{2009}thin\u{3000}ideographic 東京’s 北京",
        ] {
            same_tokens(t);
            for (i, _) in t.char_indices() {
                same_tokens(&t[i..]);
            }
        }
    }

    /// Every sentence of the public extraction benchmark's article bodies, when the data is there.
    #[test]
    fn fast_tokenizer_agrees_on_benchmark_bodies_if_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/article-extraction-benchmark/ground-truth.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("notice: {path} not found — skipping");
            return;
        };
        let gt: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let mut checked = 0;
        for body in gt
            .as_object()
            .expect("an object")
            .values()
            .filter_map(|e| e["articleBody"].as_str())
        {
            for s in split_sentences(body) {
                same_tokens(&body[s.start..s.end]);
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The sentence splitter's scan as first written (over chars); the byte scan must agree.
    fn split_uncapped_reference(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let push = |s: usize, e: usize, out: &mut Vec<Span>| {
            let piece = &text[s..e];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if s + lead < e - trail {
                out.push(Span::new(s + lead, e - trail));
            }
        };
        let bytes = text.as_bytes();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c == '\n' {
                push(start, i, &mut out);
                start = i + 1;
                continue;
            }
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            // Swallow repeated terminators and closing quotes/brackets.
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            // Need white space next, then a sentence start.
            let rest = &text[end..];
            let ws = rest.len() - rest.trim_start().len();
            if ws == 0 || rest[..ws].contains('\n') {
                continue;
            }
            let next_start = end + ws;
            let Some(nc) = text[next_start..].chars().next() else {
                continue;
            };
            if !(nc.is_uppercase() || nc.is_ascii_digit() || is_opener(nc)) {
                continue;
            }
            if c == '.' && bytes[i] == b'.' && end == i + 1 {
                let next = word_after(text, next_start);
                if !period_ends_sentence(text, i, next) {
                    continue;
                }
            }
            push(start, end, &mut out);
            start = end;
        }
        push(start, text.len(), &mut out);
        out
    }

    #[test]
    fn byte_scan_splits_as_the_char_scan_did() {
        for t in [
            "Mr. Smith met Gen. Ali on Sept. 22 in the U.S. capital. The talks ended.",
            "Troops were sent by the U.S. The decision drew criticism. The U.N. Security Council met.",
            "“We will stay,” he said. “No deal.” She left! Did it work? Yes…\u{a0}Then rain.",
            "Wait... What?! (Really.) [Yes.] «Non.» ‹Oui.› ‘Fine.’ 'OK.' \"Done.\"\nNext line.\r\nCRLF.",
            "Москва. Путин сказал… «Нет». 東京。 Done.\u{2026} Ellipsis… 1. 2. A. B. e.g. Fig. 3",
            "€… ✓. ☃! Ⅻ. Ünïcödé. 3.5 percent. 1963. Growth was 3.5 percent.",
        ] {
            for (i, _) in t.char_indices() {
                let s = &t[i..];
                assert_eq!(split_uncapped(s), split_uncapped_reference(s), "{s:?}");
            }
        }
    }

    /// Every paragraph of the public extraction benchmark's article bodies, when the data is there.
    #[test]
    fn byte_scan_agrees_on_benchmark_bodies_if_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/article-extraction-benchmark/ground-truth.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("notice: {path} not found — skipping");
            return;
        };
        let gt: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        for body in gt
            .as_object()
            .expect("an object")
            .values()
            .filter_map(|e| e["articleBody"].as_str())
        {
            assert_eq!(split_uncapped(body), split_uncapped_reference(body));
        }
    }

    #[test]
    fn tokens() {
        assert_eq!(
            toks("Russia’s rebel-held east: 400,000 lives, 3.5%."),
            vec![
                "Russia",
                "’s",
                "rebel-held",
                "east",
                ":",
                "400,000",
                "lives",
                ",",
                "3.5",
                "%",
                "."
            ]
        );
        assert_eq!(
            toks("The U.S. didn't."),
            vec!["The", "U.S.", "did", "n't", "."]
        );
        assert_eq!(
            toks("Mr. Kerry, Sept. 22"),
            vec!["Mr.", "Kerry", ",", "Sept.", "22"]
        );
        assert_eq!(toks("a 72-hour truce"), vec!["a", "72-hour", "truce"]);
    }

    #[test]
    fn doc_layers() {
        use dateline_doc::{BlockText, Meta};
        let mut doc = Doc::from_blocks(
            Meta::default(),
            &[
                BlockText {
                    kind: BlockKind::Title,
                    text: "Talks fail".into(),
                },
                BlockText {
                    kind: BlockKind::Heading,
                    text: "Background".into(),
                },
                BlockText {
                    kind: BlockKind::Paragraph,
                    text: "One. Two.".into(),
                },
            ],
            vec![],
        );
        segment(&mut doc);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentences[2].block, 2);
        assert_eq!(doc.slice(doc.sentences[2].span), "Two.");
        assert_eq!(doc.sentence_tokens(1).len(), 2);
        assert!(doc.check_spans().is_ok());
    }
}
