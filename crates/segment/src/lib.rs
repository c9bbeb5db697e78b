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

/// Lines of a lexicon file, without comments and blank lines.
fn lexicon(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
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
    let mut tokens = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        for (span, kind) in tokenize(&doc.text()[s.span.start..s.span.end]) {
            tokens.push(Token {
                span: Span::new(s.span.start + span.start, s.span.start + span.end),
                kind,
                sentence: si,
            });
        }
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
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// The word that starts at byte `start` of `text`.
fn word_after(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokens of a sentence: byte spans relative to `text`, with their class.
pub fn tokenize(text: &str) -> Vec<(Span, TokenKind)> {
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
