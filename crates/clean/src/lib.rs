//! Page-furniture removal and article structure for scraped text.
//!
//! Scraped article text arrives with the page around it: teasers for other stories, programme
//! promos, credit and copyright lines, share and subscribe prompts, bylines, datelines, photo
//! credits. [`clean`] splits the text into paragraph-level blocks, removes furniture into
//! [`Cleaned::removed`] with a reason, and labels the rest as title, standfirst, heading or
//! paragraph. It is deliberately conservative: a block is removed only when a pattern matches all
//! of it, and patterns that could match the start of a real sentence only apply to blocks that do
//! not read as a sentence (see `lexicon/furniture.txt`). The structural rules are:
//!
//! - **title**: the first block, if it is at most 30 words and does not end with a full stop;
//! - **standfirst**: the block after the title, if it is one sentence of at most 40 words, carries
//!   no inline dateline ("BEIRUT (Reuters) -"), and a paragraph at least as long follows it;
//! - **heading**: a body block of at most 8 words with no closing punctuation, followed by a
//!   paragraph;
//! - **promo**: a block of at most 16 words without a full stop, made of two parts around a
//!   spaced dash or bar where one part is a short title-case name ("Inside Story – …",
//!   "… – People and Power");
//! - **trailer**: once a credit or copyright line has been seen, short non-sentence blocks after it.
//!
//! The outlet named in a credit line ("Source: Al Jazeera, News Agencies") or an inline dateline
//! ("(Reuters)") becomes [`Cleaned::source`]; a standalone date line becomes
//! [`Cleaned::published`].

use dateline_doc::{BlockKind, BlockText, Removed};
use jiff::civil::Date;
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};
use std::sync::LazyLock;

/// The cleaned article: blocks in order, what was removed and why, and what the furniture told us.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    pub blocks: Vec<BlockText>,
    pub removed: Vec<Removed>,
    /// The outlet named in a credit line ("Source : Al Jazeera, News Agencies").
    pub source: Option<String>,
    /// A publication date stated in a dateline or byline.
    pub published: Option<Date>,
}

/// Whether a pattern may remove a block that reads as a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    Line,
    Any,
    /// As `Any`, but only for a block after the body (see [`after_body`]).
    End,
}

struct Pattern {
    reason: &'static str,
    scope: Scope,
    regex: Regex,
    /// For a pattern with a word boundary (`\b`): the same pattern without it, which matches
    /// every block the pattern matches (and a few more), tried first. The regex crate's fast
    /// DFA cannot follow a Unicode `\b` past a non-ASCII byte and falls back to a much slower
    /// engine there, so a block that opens with a curly quote or is not in Latin script used to
    /// take that slow path for every such pattern; without the `\b` it stays on the DFA, and the
    /// pattern itself runs only on the rare block that passes.
    relaxed: Option<Regex>,
    /// The bytes a block that the pattern matches can start and end with.
    ends: Ends,
    /// A cheap unanchored regex (a keyword) that every block the pattern matches contains, for a
    /// pattern whose ends say nothing (`SCOPE:PREFILTER` in the file).
    needle: Option<Regex>,
    /// Length bounds: (capture group, most characters it may hold), from groups named `maxN`.
    /// Checked in code once the regex matches, so the regex itself carries no long counted
    /// repetition of `.` (which made a large automaton that no prefilter could skip).
    limits: Vec<(usize, usize)>,
}

impl Pattern {
    /// Whether the pattern matches all of `block` (its prefilters aside).
    fn matches(&self, block: &str) -> bool {
        if !self.regex.is_match(block) {
            return false;
        }
        if self.limits.is_empty() {
            return true;
        }
        let Some(c) = self.regex.captures(block) else {
            return false;
        };
        self.limits.iter().all(|&(group, max)| {
            c.get(group)
                .is_none_or(|m| m.as_str().chars().nth(max).is_none())
        })
    }

    fn applies(&self, sentence: bool, after_body: bool) -> bool {
        match self.scope {
            Scope::Line => !sentence,
            Scope::Any => true,
            Scope::End => after_body,
        }
    }
}

/// The lazy-DFA cache of a furniture regex. Long counted repetitions of Unicode classes
/// (`[\w .'-]{0,60}`, `.{0,200}`) make NFAs that the regex crate's default (2 MB) cannot run on
/// its lazy DFA at all, so every block went to a slower engine; this is a cap, not an allocation.
const DFA_CACHE_BYTES: usize = 4 << 20;

/// Which first and last bytes a whole-block pattern allows, from the literal prefixes and
/// suffixes that every match of it has (all bytes when it has none): a block ending with a full
/// stop cannot match a pattern whose matches all end with `]`.
struct Ends {
    first: [bool; 256],
    last: [bool; 256],
}

impl Ends {
    fn of(hir: &Hir) -> Ends {
        let set = |prefix: bool| {
            let mut allowed = [false; 256];
            let kind = if prefix {
                ExtractKind::Prefix
            } else {
                ExtractKind::Suffix
            };
            let seq = Extractor::new().kind(kind).extract(hir);
            match seq.literals() {
                Some(lits) if lits.iter().all(|l| !l.as_bytes().is_empty()) => {
                    for l in lits {
                        let b = l.as_bytes();
                        let byte = if prefix { b[0] } else { b[b.len() - 1] };
                        allowed[usize::from(byte)] = true;
                    }
                }
                _ => allowed = [true; 256],
            }
            allowed
        };
        Ends {
            first: set(true),
            last: set(false),
        }
    }

    /// False when the pattern cannot match all of `block`.
    fn allow(&self, block: &str) -> bool {
        match (block.as_bytes().first(), block.as_bytes().last()) {
            (Some(&a), Some(&z)) => self.first[usize::from(a)] && self.last[usize::from(z)],
            _ => true,
        }
    }
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    parse_patterns(include_str!("../lexicon/furniture.txt")).expect("furniture.txt is valid")
});

/// Compile the furniture patterns and every other pattern of this crate now rather than on the
/// first article (the pipeline calls this when it loads its resources).
pub fn init() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&GENERIC_CREDITS);
    LazyLock::force(&INLINE_DATELINE);
    LazyLock::force(&CREDIT_SOURCE);
    LazyLock::force(&DATE_DMY);
    LazyLock::force(&DATE_MDY);
    LazyLock::force(&DATE_ISO);
}

/// Generic credits that are not an outlet ("News Agencies").
static GENERIC_CREDITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../lexicon/labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// "BEIRUT (Reuters) -", "LAUSANNE, Switzerland (AP) —", "GENEVA —" at the start of a paragraph.
static INLINE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"^(?:\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .'’-]{1,40})?)\s*(?:\(([\p{L} .&-]{2,30})\))?\s*[-–—]\s+",
    )
    .dfa_size_limit(DFA_CACHE_BYTES)
    .build()
    .expect("valid regex")
});

static CREDIT_SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^sources?\s*:\s*(.+)$").expect("valid regex"));

static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .expect("valid regex")
});
static DATE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
        .expect("valid regex")
});
static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));

/// `hir` without its word-boundary assertions: it matches every string `hir` matches, and more.
fn without_word_boundaries(hir: Hir) -> Hir {
    let relax = |h: Box<Hir>| Box::new(without_word_boundaries(*h));
    match hir.into_kind() {
        HirKind::Look(
            l @ (Look::Start
            | Look::End
            | Look::StartLF
            | Look::EndLF
            | Look::StartCRLF
            | Look::EndCRLF),
        ) => Hir::look(l),
        HirKind::Look(_) => Hir::empty(),
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Repetition(mut r) => {
            r.sub = relax(r.sub);
            Hir::repetition(r)
        }
        HirKind::Capture(mut c) => {
            c.sub = relax(c.sub);
            Hir::capture(c)
        }
        HirKind::Concat(v) => Hir::concat(v.into_iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(v) => {
            Hir::alternation(v.into_iter().map(without_word_boundaries).collect())
        }
    }
}

fn parse_patterns(text: &'static str) -> Result<Vec<Pattern>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(reason), Some(scope), Some(rx)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!(
                "furniture.txt:{}: expected REASON<TAB>SCOPE<TAB>REGEX",
                n + 1
            ));
        };
        let (scope, needle) = match scope.split_once(':') {
            Some((scope, needle)) => {
                let needle = RegexBuilder::new(needle)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| format!("furniture.txt:{}: prefilter: {e}", n + 1))?;
                (scope, Some(needle))
            }
            None => (scope, None),
        };
        let scope = match scope {
            "line" => Scope::Line,
            "any" => Scope::Any,
            "end" => Scope::End,
            other => return Err(format!("furniture.txt:{}: unknown scope {other:?}", n + 1)),
        };
        let flags = if rx.contains(r"\p{Lu}") { "" } else { "(?i)" };
        let full = format!("{flags}^(?:{rx})$");
        let regex = RegexBuilder::new(&full)
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()
            .map_err(|e| format!("furniture.txt:{}: {e}", n + 1))?;
        let hir = regex_syntax::Parser::new()
            .parse(&full)
            .map_err(|e| format!("furniture.txt:{}: {e}", n + 1))?;
        let ends = Ends::of(&hir);
        let relaxed = if hir.properties().look_set().contains_word() {
            let rx = without_word_boundaries(hir).to_string();
            let relaxed = RegexBuilder::new(&rx)
                .dfa_size_limit(DFA_CACHE_BYTES)
                .build()
                .map_err(|e| format!("furniture.txt:{}: {e}", n + 1))?;
            Some(relaxed)
        } else {
            None
        };
        let mut limits = Vec::new();
        for (group, name) in regex.capture_names().enumerate() {
            let Some(name) = name else { continue };
            let digits = name
                .strip_prefix("max")
                .map(|d| d.split('_').next().unwrap_or(""));
            match digits.and_then(|d| d.parse::<usize>().ok()) {
                Some(max) => limits.push((group, max)),
                None => {
                    return Err(format!(
                        "furniture.txt:{}: group {name:?} is not named maxN",
                        n + 1
                    ));
                }
            }
        }
        out.push(Pattern {
            reason,
            scope,
            regex,
            relaxed,
            ends,
            needle,
            limits,
        });
    }
    Ok(out)
}

fn month_number(m: &str) -> Option<i8> {
    let m = m.get(..3)?.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|x| *x == m)?;
    Some(i as i8 + 1)
}

/// A date stated in a short line ("Published 15 Oct 2016", "October 15, 2016 12:30 GMT").
pub fn date_in(line: &str) -> Option<Date> {
    let ymd = if let Some(c) = DATE_ISO.captures(line) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else if let Some(c) = DATE_DMY.captures(line) {
        (c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)
    } else if let Some(c) = DATE_MDY.captures(line) {
        (c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)
    } else {
        return None;
    };
    Date::new(ymd.0, ymd.1, ymd.2).ok()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `words(s) <= n`, without counting past `n + 1` words.
fn at_most_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// Ends like a sentence: a full stop, possibly inside closing quotes or brackets.
fn ends_with_full_stop(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    t.ends_with('.') || t.ends_with('…')
}

fn ends_with_sentence_punct(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// How many sentences a block holds, roughly: terminal marks followed by a space and a capital.
fn sentence_count(s: &str) -> usize {
    1 + s
        .match_indices(['.', '!', '?'])
        .filter(|&(i, _)| {
            let mut rest = s[i + 1..].chars();
            rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase)
        })
        .count()
}

/// Small words that title case leaves in lower case.
fn is_small_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "with"
            | "vs"
            | "v"
            | "from"
            | "over"
            | "under"
            | "but"
            | "can"
            | "is"
    )
}

/// Title case: every word but small ones starts with a capital (or a digit).
fn is_title_case(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    !ws.is_empty()
        && ws.iter().enumerate().all(|(i, w)| {
            let c = w.chars().next().unwrap_or(' ');
            c.is_uppercase() || c.is_ascii_digit() || (i > 0 && is_small_word(w))
        })
}

/// A programme or series promo: "Inside Story – More peace talks…", "X – People and Power".
fn is_promo(block: &str) -> bool {
    if ends_with_full_stop(block) || !at_most_words(block, 16) {
        return false;
    }
    for sep in [" – ", " — ", " - ", " | "] {
        if let Some((left, right)) = block.split_once(sep) {
            let (left, right) = (left.trim(), right.trim());
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let short_name = |s: &str| at_most_words(s, 5) && is_title_case(s);
            if short_name(left) || short_name(right) {
                return true;
            }
        }
    }
    false
}

fn is_heading(block: &str) -> bool {
    let first = block.chars().next().unwrap_or(' ');
    !ends_with_sentence_punct(block)
        && (first.is_uppercase() || first.is_ascii_digit())
        && at_most_words(block, 8)
        && !block.contains(['“', '”', '"'])
}

/// Only symbols or a bare URL/e-mail address.
fn is_separator_or_link(block: &str) -> Option<&'static str> {
    if !block.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    let t = block.trim();
    if !t.contains(' ')
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
    {
        return Some("link");
    }
    None
}

/// The furniture reason for a block, if it is furniture. `after_body`: no later block is a
/// sentence of the body (see [`after_body`]).
fn furniture(block: &str, after_body: bool) -> Option<&'static str> {
    if let Some(r) = is_separator_or_link(block) {
        return Some(r);
    }
    if block.len() > 400 {
        return None;
    }
    let sentence = ends_with_full_stop(block);
    for p in PATTERNS.iter() {
        if p.applies(sentence, after_body)
            && p.ends.allow(block)
            && p.needle.as_ref().is_none_or(|r| r.is_match(block))
            && p.relaxed.as_ref().is_none_or(|r| r.is_match(block))
            && p.matches(block)
        {
            // A date line must hold a date; a byline must be short.
            if p.reason == "dateline" && !block.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            return Some(p.reason);
        }
    }
    None
}

/// For each part, whether it comes after the body: no later part is a sentence of more than
/// twelve words (a credit line of names is furniture there, and a body sentence before it).
fn after_body(parts: &[Result<String, String>]) -> Vec<bool> {
    let mut out = vec![true; parts.len()];
    let mut body_later = false;
    for (i, p) in parts.iter().enumerate().rev() {
        out[i] = !body_later;
        if let Ok(p) = p {
            body_later |= ends_with_full_stop(p) && !at_most_words(p, 12);
        }
    }
    out
}

/// Whether `text` can start with an inline dateline: [`INLINE_DATELINE`] needs a capital and then
/// a capital, mark, space, dot, apostrophe or hyphen, and a dash followed by white space, so
/// most paragraphs ("The …", "A man said …") are ruled out without running it.
fn may_start_inline_dateline(text: &str) -> bool {
    let mut cs = text.chars();
    let (Some(a), Some(b)) = (cs.next(), cs.next()) else {
        return false;
    };
    // `is_uppercase` holds for every \p{Lu} character (and a few more); `is_whitespace` is the
    // same Unicode property as the regex's `\s`.
    a.is_uppercase()
        && (!b.is_ascii() || b.is_ascii_uppercase() || matches!(b, ' ' | '.' | '\'' | '-'))
        && text
            .match_indices(['-', '–', '—'])
            .any(|(i, d)| text[i + d.len()..].starts_with(char::is_whitespace))
}

/// The outlet in a credit line: the first named credit that is not generic.
fn credited_source(line: &str) -> Option<String> {
    let c = CREDIT_SOURCE.captures(line)?;
    c[1].split([',', ';', '/', '&'])
        .flat_map(|s| s.split(" and "))
        .map(|s| s.trim().trim_end_matches('.').trim())
        .find(|s| {
            !s.is_empty() && words(s) <= 5 && !GENERIC_CREDITS.contains(&s.to_lowercase().as_str())
        })
        .map(str::to_string)
}

/// A standalone "MORE" (a hover card's or teaser list's last link): capitals, a space before it and
/// no letter or digit after it.
fn more_markers(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices("MORE")
        .map(|(i, _)| i)
        .filter(move |&i| {
            text[..i].ends_with(char::is_whitespace)
                && !text[i + 4..].starts_with(char::is_alphanumeric)
        })
}

/// Where a name's hover card starts inside `window`: a lower-case letter glued to a capital
/// ("Jane DoeJane Doe…", "Jane DoeStorm hits coast…") where the glued word's last capitalised
/// part ("Doe") comes back within the next few words — the card repeats the name it belongs
/// to. A camel-case name ("YouTube", "McNally") does not repeat itself, so it is not a start.
fn card_start(window: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut part_start = 0;
    for (i, c) in window.char_indices() {
        if prev.is_some_and(char::is_lowercase) && c.is_uppercase() {
            let part = &window[part_start..i];
            let rest = &window[i..];
            let ahead = &rest[..rest.char_indices().nth(120).map_or(rest.len(), |(j, _)| j)];
            let repeats = part.chars().count() >= 3
                && ahead.match_indices(part).any(|(j, _)| {
                    j > 0 && !ahead[j + part.len()..].starts_with(char::is_lowercase)
                });
            if repeats {
                return Some(i);
            }
        }
        if c.is_uppercase() && !prev.is_some_and(char::is_uppercase) {
            part_start = i;
        }
        if !c.is_alphabetic() {
            part_start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    None
}

/// Cut the hover cards out of a paragraph: a person's card glued into the sentence after their
/// name ("… Rep. Jane DoeJane DoeStorm hits coast | Port closes MORE (D-Ore.) said …" keeps
/// "… Rep. Jane Doe (D-Ore.) said …"). A card starts where the name is glued to its repeat
/// ([`card_start`]), holds at least six words of other stories' headlines and ends with a
/// standalone "MORE". Returns the paragraph without the cards and the cut text.
fn cut_hover_cards(para: &str) -> Option<(String, Vec<String>)> {
    if !para.contains("MORE") {
        return None;
    }
    let mut out = String::new();
    let mut cuts = Vec::new();
    let mut from = 0;
    for m in more_markers(para).collect::<Vec<_>>() {
        if m < from {
            continue;
        }
        // A card is at most a few hundred characters long.
        let mut lo = m.saturating_sub(800).max(from);
        while !para.is_char_boundary(lo) {
            lo += 1;
        }
        let Some(g) = card_start(&para[lo..m]).map(|g| lo + g) else {
            continue;
        };
        if at_most_words(&para[g..m], 5) {
            continue;
        }
        out.push_str(&para[from..g]);
        cuts.push(para[g..m + 4].trim().to_string());
        from = m + 4;
    }
    if cuts.is_empty() {
        return None;
    }
    out.push_str(&para[from..]);
    Some((out.split_whitespace().collect::<Vec<_>>().join(" "), cuts))
}

/// A list of links on one line: three or more short parts between " | " bars, not a sentence
/// ("Storm hits coast | Port closes | Ferries cancelled").
fn is_link_list(block: &str) -> bool {
    if ends_with_full_stop(block) {
        return false;
    }
    let parts: Vec<&str> = block.split(" | ").map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && at_most_words(p, 15))
}

/// Could be another story's headline: four to twenty words in one line that starts with a
/// capital or quote (not a digit or list number) and ends without sentence punctuation.
fn is_headline_like(block: &str) -> bool {
    let first = block.chars().next().unwrap_or(' ');
    !ends_with_sentence_punct(block)
        && (first.is_uppercase() || "'‘\"“".contains(first))
        && !at_most_words(block, 3)
        && at_most_words(block, 20)
        && sentence_count(block) == 1
}

/// A headline's words: a name after the first word (a capital inside the line) and a word in
/// lower case that is not a small word ("Storm floods Delta port" has both; a product name, a
/// table row or a list of features usually lacks one).
fn names_and_tells(block: &str) -> bool {
    let words: Vec<&str> = block
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let name = words
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    let tells = words.iter().any(|w| {
        w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_lowercase)
            && !is_small_word(w)
    });
    name && tells
}

/// Whether the blocks of a run are other stories' headlines rather than a list of the story's
/// own: at most eight, no two starting or ending with the same word (list items are parallel:
/// "Writing a …", "Writing a …"; "… appearance", "… appearance"), and two thirds of them with a
/// name and a content word ([`names_and_tells`]).
fn is_headline_run(run: &[String]) -> bool {
    let key = |w: Option<&str>| {
        w.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
    };
    let mut firsts = std::collections::HashSet::new();
    let mut lasts = std::collections::HashSet::new();
    for b in run {
        if !firsts.insert(key(b.split_whitespace().next()))
            || !lasts.insert(key(b.split_whitespace().last()))
        {
            return false;
        }
    }
    let good = run.iter().filter(|b| names_and_tells(b)).count();
    run.len() <= 8 && 3 * good >= 2 * run.len()
}

/// Runs of other stories' headlines among the kept blocks (indices from `start` on): three or
/// more headline-like blocks in a row, or two or more that end the text, that pass
/// [`is_headline_run`]. A run right after a block ending with a colon is a list the text
/// introduces, and stays.
fn headline_runs(kept: &[String], start: usize) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut i = start;
    while i < kept.len() {
        if !is_headline_like(&kept[i]) {
            i += 1;
            continue;
        }
        let j = (i..kept.len())
            .find(|&j| !is_headline_like(&kept[j]))
            .unwrap_or(kept.len());
        let introduced = i > 0 && kept[i - 1].trim_end().ends_with(':');
        let long_enough = j - i >= 3 || (j == kept.len() && j - i >= 2 && i > start);
        if long_enough && !introduced && is_headline_run(&kept[i..j]) {
            runs.push(i..j);
        }
        i = j;
    }
    runs
}

/// A wiki section heading run into the text ("…by the group.==Background==The cafe was…").
static WIKI_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"={2,4}[ \t]*(\p{Lu}[^=\n]{0,60}?)[ \t]*={2,4}").expect("valid regex")
});

/// Wiki sections that list other pages, not the story.
fn is_reference_section(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    [
        "see also",
        "references",
        "external links",
        "notes",
        "further reading",
        "sources",
        "bibliography",
        "citations",
    ]
    .contains(&t.as_str())
}

/// A paragraph cut at the wiki section headings inside it: the text before, each heading as a
/// block of its own and the text after it. The text of a section that lists other pages ("See
/// also", "References") comes back as furniture (`Err`).
fn split_wiki_sections(para: String) -> Parts {
    if !para.contains("==") {
        return Parts::One(Some(Ok(para)));
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut listing = false;
    let push = |out: &mut Vec<Result<String, String>>, text: &str, listing: bool| {
        let t = text.trim();
        if !t.is_empty() {
            out.push(if listing {
                Err(t.to_string())
            } else {
                Ok(t.to_string())
            });
        }
    };
    for c in WIKI_HEADING.captures_iter(&para) {
        let (Some(m), Some(title)) = (c.get(0), c.get(1)) else {
            continue;
        };
        push(&mut out, &para[from..m.start()], listing);
        listing = is_reference_section(title.as_str());
        push(&mut out, title.as_str(), listing);
        from = m.end();
    }
    push(&mut out, &para[from..], listing);
    Parts::Many(out.into_iter())
}

/// The pieces a paragraph is cut into: most paragraphs are not cut, and come back as they are
/// without a `Vec` of their own.
enum Parts {
    One(Option<Result<String, String>>),
    Many(std::vec::IntoIter<Result<String, String>>),
}

impl Iterator for Parts {
    type Item = Result<String, String>;
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Parts::One(p) => p.take(),
            Parts::Many(it) => it.next(),
        }
    }
}

/// A paragraph cut at list bullets run into the text ("…were hurt.*Lina Okafor (34), surveyor,
/// Port Amsel*Piet Vandam (51), …"): a `*` before a capital or digit, not after another `*`, at
/// least twice.
/// The text before the first bullet stays; an item that ends a sentence stays as a paragraph,
/// one that does not (a row of a list: names, dates, units) comes back as furniture (`Err`).
fn split_bullets(para: String) -> Parts {
    let is_mark = |&i: &usize| {
        !para[..i].ends_with('*')
            && para[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut marks = para.match_indices('*').map(|(i, _)| i).filter(is_mark);
    if marks.nth(1).is_none() {
        return Parts::One(Some(Ok(para)));
    }
    let marks: Vec<usize> = para
        .match_indices('*')
        .map(|(i, _)| i)
        .filter(is_mark)
        .collect();
    let mut out = Vec::new();
    let head = para[..marks[0]].trim();
    if !head.is_empty() {
        out.push(Ok(head.to_string()));
    }
    for (k, &m) in marks.iter().enumerate() {
        let end = marks.get(k + 1).copied().unwrap_or(para.len());
        let item = para[m + 1..end].trim();
        if item.is_empty() {
            continue;
        }
        let sentence = ends_with_full_stop(item) || item.ends_with(['!', '?']);
        out.push(if sentence {
            Ok(item.to_string())
        } else {
            Err(item.to_string())
        });
    }
    Parts::Many(out.into_iter())
}

/// Split raw text into paragraphs: blank lines separate them; lines inside a paragraph are
/// joined with a space when the first does not end a sentence and the next starts in lower
/// case (hard-wrapped text), and otherwise kept as paragraphs of their own.
fn paragraphs(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for line in raw.split(['\n', '\r']) {
        let t = line.trim();
        if t.is_empty() {
            joinable = false;
            continue;
        }
        let starts_lower = t.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some(last) if joinable && starts_lower && !ends_with_sentence_punct(last) => {
                last.push(' ');
                last.push_str(t);
            }
            _ => out.push(t.to_string()),
        }
        joinable = true;
    }
    out
}

/// Split raw article text into blocks and remove page furniture; the title and standfirst are
/// recognised from the text's first blocks.
pub fn clean(raw: &str) -> Cleaned {
    clean_inner(raw, true)
}

/// Clean plain text whose title is known apart from it (a JSON Lines record's `title`): where
/// the text opens with that title, as scraped text often does, that block is the title even
/// when it ends in a full stop ("Father arrested after school gun scare." over the story), so
/// that the headline is read as a headline, not as the first sentence of the story.
pub fn clean_titled(title: Option<&str>, raw: &str) -> Cleaned {
    let mut out = clean_inner(raw, true);
    let norm = |s: &str| {
        s.trim()
            .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
            .to_lowercase()
    };
    if let Some(t) = title.map(norm).filter(|t| !t.is_empty())
        && let Some(b) = out.blocks.first_mut()
        && b.kind == BlockKind::Paragraph
        && norm(&b.text) == t
    {
        b.kind = BlockKind::Title;
    }
    out
}

/// Clean the body of an article whose title and standfirst are already known (from HTML
/// metadata): they become the first blocks, and the body gets furniture removal and headings
/// but no title or standfirst of its own. A body that repeats the title drops the repeat.
pub fn clean_article(title: Option<&str>, standfirst: Option<&str>, body: &str) -> Cleaned {
    let mut out = clean_inner(body, false);
    let mut head = Vec::new();
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for (kind, text) in [
        (BlockKind::Title, title),
        (BlockKind::Standfirst, standfirst),
    ] {
        if let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) {
            out.blocks.retain(|b| !same(&b.text, t));
            head.push(BlockText {
                kind,
                text: t.to_string(),
            });
        }
    }
    head.append(&mut out.blocks);
    out.blocks = head;
    out
}

fn clean_inner(raw: &str, find_title: bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut kept: Vec<String> = Vec::new();
    let mut after_credit = false;
    let remove = |out: &mut Cleaned, text: &str, reason: &str| {
        out.removed.push(Removed {
            text: text.to_string(),
            reason: reason.to_string(),
        })
    };
    let parts: Vec<Result<String, String>> = paragraphs(raw)
        .into_iter()
        .flat_map(split_wiki_sections)
        .flat_map(|p| match p {
            Ok(p) => split_bullets(p),
            listing => Parts::One(Some(listing)),
        })
        .collect();
    let after = after_body(&parts);
    for (part, after_body) in parts.into_iter().zip(after) {
        let para = match part {
            Ok(para) => para,
            Err(listing) => {
                remove(&mut out, &listing, "navigation");
                continue;
            }
        };
        let para = match cut_hover_cards(&para) {
            Some((rest, cuts)) => {
                for cut in cuts {
                    remove(&mut out, &cut, "link-list");
                }
                rest
            }
            None => para,
        };
        if let Some(reason) = furniture(&para, after_body) {
            if reason == "credit" || reason == "copyright" {
                after_credit = true;
                if out.source.is_none() {
                    out.source = credited_source(&para);
                }
            }
            if reason == "dateline" && out.published.is_none() {
                out.published = date_in(&para);
            }
            remove(&mut out, &para, reason);
            continue;
        }
        if after_credit && !ends_with_full_stop(&para) && at_most_words(&para, 12) {
            remove(&mut out, &para, "navigation");
            continue;
        }
        if !kept.is_empty() && is_promo(&para) {
            remove(&mut out, &para, "promo");
            continue;
        }
        if !kept.is_empty() && is_link_list(&para) {
            remove(&mut out, &para, "link-list");
            continue;
        }
        kept.push(para);
    }
    // Other stories' headlines in a run (related links, "most read" lists without their label).
    let mut headlines: Vec<String> = Vec::new();
    for run in headline_runs(&kept, usize::from(find_title))
        .into_iter()
        .rev()
    {
        let mut cut: Vec<String> = kept.drain(run).collect();
        cut.append(&mut headlines);
        headlines = cut;
    }
    for text in headlines {
        remove(&mut out, &text, "related-link");
    }
    // Structure: title, standfirst, headings, paragraphs.
    let n = kept.len();
    let mut kinds = vec![BlockKind::Paragraph; n];
    let title =
        find_title && n > 1 && at_most_words(&kept[0], 30) && !ends_with_full_stop(&kept[0]);
    if title {
        kinds[0] = BlockKind::Title;
        if n > 2
            && at_most_words(&kept[1], 40)
            && sentence_count(&kept[1]) == 1
            && !(may_start_inline_dateline(&kept[1]) && INLINE_DATELINE.is_match(&kept[1]))
            && !is_heading(&kept[1])
            && !is_heading(&kept[2])
            && words(&kept[1]) <= words(&kept[2])
        {
            kinds[1] = BlockKind::Standfirst;
        }
    }
    for i in 0..n {
        if kinds[i] == BlockKind::Paragraph && i + 1 < n && is_heading(&kept[i]) {
            kinds[i] = BlockKind::Heading;
        }
    }
    // Inline datelines at the start of a body paragraph: the place and agency go, the sentence stays.
    for (i, text) in kept.iter_mut().enumerate() {
        if kinds[i] != BlockKind::Paragraph || !may_start_inline_dateline(text) {
            continue;
        }
        if let Some(c) = INLINE_DATELINE.captures(text) {
            let whole = c.get(0).map_or(0, |m| m.end());
            let rest_starts_upper = text[whole..].chars().next().is_some_and(char::is_uppercase);
            // Require capitals before the dash (a place in capitals) and a sentence after.
            let head = &text[..whole];
            let caps = head.chars().filter(|c| c.is_uppercase()).count();
            let letters = head.chars().filter(|c| c.is_alphabetic()).count();
            if rest_starts_upper && (caps * 2 > letters || c.get(1).is_some()) && words(head) <= 8 {
                if let Some(agency) = c.get(1) {
                    let a = agency.as_str().trim();
                    if out.source.is_none() && !GENERIC_CREDITS.contains(&a.to_lowercase().as_str())
                    {
                        out.source = Some(a.to_string());
                    }
                }
                out.removed.push(Removed {
                    text: head.trim().to_string(),
                    reason: "dateline".into(),
                });
                *text = text[whole..].to_string();
            }
        }
    }
    out.blocks = kept
        .into_iter()
        .zip(kinds)
        .map(|(text, kind)| BlockText { kind, text })
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(c: &Cleaned) -> Vec<(&str, &str)> {
        c.removed
            .iter()
            .map(|r| (r.reason.as_str(), r.text.as_str()))
            .collect()
    }

    #[test]
    fn the_pattern_file_compiles() {
        assert!(PATTERNS.len() > 10);
        // The copyright, navigation and subscription patterns hold a \b; most do not.
        assert!(PATTERNS.iter().any(|p| p.relaxed.is_some()));
        assert!(PATTERNS.iter().filter(|p| p.relaxed.is_none()).count() > 10);
        for p in PATTERNS.iter().filter_map(|p| p.relaxed.as_ref()) {
            assert!(!p.as_str().contains(r"\b"), "{}", p.as_str());
        }
    }

    /// The furniture rule as first written: every pattern tried in turn, in file order. The
    /// fast path in [`furniture`] must agree with it on every block.
    fn furniture_in_order(block: &str, after_body: bool) -> Option<&'static str> {
        if let Some(r) = is_separator_or_link(block) {
            return Some(r);
        }
        let sentence = ends_with_full_stop(block);
        if block.len() <= 400 {
            for p in PATTERNS.iter() {
                if p.applies(sentence, after_body) && p.matches(block) {
                    if p.reason == "dateline" && !block.chars().any(|c| c.is_ascii_digit()) {
                        continue;
                    }
                    return Some(p.reason);
                }
            }
        }
        None
    }

    /// The first rule for an inline dateline: the regex on every paragraph.
    fn inline_dateline_slow(text: &str) -> bool {
        INLINE_DATELINE.is_match(text)
    }

    /// Lines and variants of them: with a full stop, in capitals, with non-ASCII letters next
    /// to the words a `\b` pattern needs, cut short, padded past the length limit.
    fn variants(line: &str) -> Vec<String> {
        let mut out = vec![
            line.to_string(),
            format!("{line}."),
            line.to_uppercase(),
            line.to_lowercase(),
            format!("{line}é"),
            format!("{line}’s"),
            format!("é{line}"),
            format!("“{line}”"),
            format!("{line} – Ünïcödé wörds"),
            format!("{line} {}", "x".repeat(400)),
        ];
        for (i, _) in line.char_indices().skip(1) {
            out.push(line[..i].to_string());
            let (a, b) = line.split_at(i);
            out.push(format!("{a}é{b}"));
        }
        if let Some((first, rest)) = line.split_once(' ') {
            out.push(format!("{first}ß {rest}"));
            out.push(format!("{first}_{rest}"));
        }
        out
    }

    #[test]
    fn fast_furniture_agrees_with_trying_every_pattern() {
        let lines = [
            "Copyright 2016 The Delta Times",
            "Copyrighted material",
            "Copyright© 2016",
            "© 2016 Al Jazeera Media Network",
            "(c) 2016 Reuters. All rights reserved.",
            "All rights reserved",
            "Subscribe to our newsletter",
            "Subscribers get more",
            "Newsletters",
            "Sign up for the morning briefing",
            "We use cookies to count our readers",
            "Media playback is unsupported in this app",
            "More from World",
            "Moreover the talks failed",
            "Most Read",
            "Most popular stories this week",
            "Latest news",
            "Latest figures show that 30 people died in the floods.",
            "Advertisement",
            "Ad",
            "Ads by Google",
            "Adverse weather hit the coast",
            "Menu",
            "Menus",
            "Home",
            "Homeless families sheltered in schools",
            "Search",
            "Tags: floods, delta",
            "Topics",
            "Trending",
            "Share this article",
            "Share",
            "Shares rose 3 percent",
            "Follow us on Twitter @delta",
            "12 comments",
            "Source: Al Jazeera, News Agencies",
            "Sources : Reuters",
            "Reporting by Jane Doe; Editing by Tom Brown",
            "Additional reporting from Omar Said",
            "This story was updated with a new casualty count.",
            "Photo: A man walks past rubble [Reuters]",
            "Residents inspect the damage [File: Omar Said/AFP]",
            "A boy in the ruins (Photo by Omar Said)",
            "Getty Images / Jane Doe",
            "Credit: Jane Doe",
            "Courtesy of the family",
            "OPINION: Why the talks failed",
            "Inside Story – More peace talks",
            "Read more: Floods hit the delta",
            "Related – Storm batters coast",
            "By Jane Doe and Omar Said",
            "By Friday, Russian forces had moved north.",
            "BY JANE DOE",
            "Jane Doe | Staff writer",
            "Published 14 Dec 2016 10:32 GMT",
            "Published on the front page",
            "Updated rules took effect on Monday.",
            "14 Dec 2016",
            "December 14, 2016 10:32 GMT",
            "Dec. 14, 2016 5:52 AM EST",
            "Dec. 14, 2016 5:52 p.m. ET",
            "2016-12-14T10:32:00Z",
            "Wednesday, 14 December 2016 10:32",
            "3 hours ago",
            "***",
            "http://example.org/story",
            "www.example.org",
            "The talks – which lasted six hours – ended without a deal.",
            "Save the Children said it would send aid.",
            "Ceasefire talks resume in Geneva",
            "Also on example.org Rebels seize a second town",
            "Also on Monday, the rebels seized a second town.",
            "Port reopens after strike [VIDEO]",
            "[WATCH] Minister quits over leaked memo",
            "Have the morning briefing land in your inbox. Five stories, every weekday at seven.",
            "Want our newsletters?",
            "Port news and weather, delivered to your inbox.",
            "Keep your inbox clear, the minister told civil servants.",
            "Jane Doe and Omar Said contributed to this report.",
            "Ines Varga in Port Amsel, Tomas Rell & Delta Wire contributed reporting.",
            "Scientists from 40 countries contributed to the report.",
            "Don’t miss",
            "Follow our full coverage of the floods",
        ];
        let mut checked = 0;
        for line in lines {
            for v in variants(line) {
                for after in [false, true] {
                    assert_eq!(furniture(&v, after), furniture_in_order(&v, after), "{v:?}");
                }
                checked += 1;
            }
        }
        assert!(checked > 1000);
        // The lines above are furniture for many different reasons.
        let reasons: std::collections::HashSet<_> =
            lines.iter().filter_map(|l| furniture(l, true)).collect();
        assert!(reasons.len() >= 10, "{reasons:?}");
    }

    #[test]
    fn inline_dateline_prefilter_keeps_every_match() {
        for line in [
            "BEIRUT (Reuters) - Rebel fighters withdrew.",
            "LAUSANNE, Switzerland (AP) — Talks resumed.",
            "GENEVA — The talks resumed.",
            "ÜRÜMQI — Police said.",
            "N'DJAMENA - Troops moved.",
            "ST. LOUIS — A storm hit.",
            "O’HARE — Flights stopped.",
            "A-LEVEL — results",
            "I — said",
            "Geneva — The talks resumed.",
            "The minister said the agreement would be signed.",
            "2016 — a year of talks",
        ] {
            for v in variants(line) {
                if inline_dateline_slow(&v) {
                    assert!(may_start_inline_dateline(&v), "{v:?}");
                }
            }
        }
    }

    /// The fast furniture path on every paragraph (and its first words) of the public extraction
    /// benchmark's article bodies, when the data is there.
    #[test]
    fn fast_furniture_agrees_on_benchmark_bodies_if_present() {
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
            for para in paragraphs(body) {
                let words: Vec<&str> = para.split_whitespace().collect();
                for n in [2, 4, 8] {
                    let short = words[..n.min(words.len())].join(" ");
                    assert_eq!(
                        furniture(&short, true),
                        furniture_in_order(&short, true),
                        "{short:?}"
                    );
                }
                assert_eq!(
                    furniture(&para, true),
                    furniture_in_order(&para, true),
                    "{para:?}"
                );
                if inline_dateline_slow(&para) {
                    assert!(may_start_inline_dateline(&para), "{para:?}");
                }
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_known_title_opening_the_text_is_the_title() {
        let raw = "Father held after gun found in school bag.\n\nA father was arrested on Thursday after a teacher found a pistol in his son's bag.\n\nThe boy was not hurt.";
        // without the title the first block ends in a full stop and reads as a paragraph
        assert_eq!(clean(raw).blocks[0].kind, BlockKind::Paragraph);
        let c = clean_titled(Some("Father held after gun found in school bag"), raw);
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
        assert_eq!(c.blocks[1].kind, BlockKind::Paragraph);
        // a title the text does not open with changes nothing
        let c = clean_titled(Some("Pistol found at primary school"), raw);
        assert_eq!(c.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(c.blocks.len(), 3);
    }

    #[test]
    fn wire_story_with_inline_dateline_and_credits() {
        let raw = "Rebels pull back from border town\n\nBy Jane Doe and Omar Said\n\nBEIRUT (Reuters) - Rebel units pulled out of Northgate on Tuesday, a monitor said.\n\nThe withdrawal followed two days of shelling.\n\nReporting by Jane Doe; Editing by Tom Brown\n\nOur editors check every story against the Delta Wire code.";
        let c = clean(raw);
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
        assert_eq!(c.blocks[1].kind, BlockKind::Paragraph);
        assert!(c.blocks[1].text.starts_with("Rebel units pulled out"));
        let r = reasons(&c);
        assert!(r.contains(&("byline", "By Jane Doe and Omar Said")));
        assert!(r.contains(&("dateline", "BEIRUT (Reuters) -")));
        assert!(r.iter().any(|(why, _)| *why == "credit"));
        // The last line ends with a full stop and is long enough to be kept as a sentence.
        assert_eq!(c.blocks.len(), 4);
    }

    #[test]
    fn teasers_promos_and_navigation() {
        let raw = "Floods hit the delta\n\nThousands fled rising water in the delta region on Monday.\n\nHeavy rain fell for a week, officials said, and more is forecast.\n\nANALYSIS: Why do the floods keep coming?\n\nThe Big Picture – Water Wars\n\nRelief workers reached the worst-hit villages by boat.\n\nShare this article\n\nSource: The Delta Times, agencies\n\nMore from World\nMost Popular";
        let c = clean(raw);
        assert_eq!(c.source.as_deref(), Some("The Delta Times"));
        let r = reasons(&c);
        assert!(r.contains(&("related-link", "ANALYSIS: Why do the floods keep coming?")));
        assert!(r.contains(&("promo", "The Big Picture – Water Wars")));
        assert!(r.contains(&("share", "Share this article")));
        assert!(
            r.iter()
                .any(|(why, t)| *why == "navigation" && *t == "Most Popular")
        );
        assert_eq!(c.blocks[1].kind, BlockKind::Standfirst);
        let body: Vec<_> = c.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(body.contains(&"Relief workers reached the worst-hit villages by boat."));
    }

    #[test]
    fn hover_cards_are_cut_from_the_sentence() {
        let raw = "A court fined Sen. Jane DoeJane DoeStorm floods Delta port | Ferry strike ends | Mayor opens new bridge Delta council backs budget MORE (R-Ore.) on Friday for late filings.\n\nAides to Rep. Omar SaidOmar SaidHarbour pilots end strike Rail fares rise in January MORE said he would appeal.";
        let c = clean_article(None, None, raw);
        let body: Vec<_> = c.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            vec![
                "A court fined Sen. Jane Doe (R-Ore.) on Friday for late filings.",
                "Aides to Rep. Omar Said said he would appeal."
            ]
        );
        let r = reasons(&c);
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(r[0].1.starts_with("Jane DoeStorm floods") && r[0].1.ends_with("MORE"));
        assert_eq!(r[0].0, "link-list");
    }

    #[test]
    fn camel_case_and_capital_more_in_a_sentence_stay() {
        for raw in [
            "Shares of YouTube rose after McNally said NO MORE cuts would come this year.",
            "The DeSantis campaign asked for MORE time, said aides to Ron DeSantis on Monday.",
            "Protesters chanted “No MORE war” outside the iPhone plant run by FoxConn in Zhengzhou.",
        ] {
            let c = clean_article(None, None, raw);
            assert!(c.removed.is_empty(), "{:?}", c.removed);
            assert_eq!(c.blocks[0].text, raw);
        }
    }

    #[test]
    fn related_story_teasers_and_widgets() {
        let raw = "Rebels seize Delta port\n\nRebel fighters seized the port of Westhaven on Tuesday after two days of shelling, residents said.\n\n\"We could hear the guns all night,\" one resident said.\n\nAlso on example.org Minister quits over leaked memo about ferry contracts\n\nRegional leaders condemn Westhaven shelling\n\nFloods force Eastvale families from their homes\n\nCourt jails Delta mayor for bribery\n\nThe port handles most of the region's grain exports, and its capture cuts a main supply route.\n\nDon't miss\n\nPort workers strike over pay [VIDEO]|\n\n[WATCH] Navy escorts grain ships out of Westhaven\n\nHave the morning briefing land in your inbox. Five stories, every weekday at seven.\n\nFighting resumed on Wednesday, a monitor said.\n\nJane Doe and Omar Said contributed to this report.\n\nAirline grounds fleet after Eastvale crash, engineer says\n\nTwins reunited after 40 years in Delta village";
        let c = clean(raw);
        let body: Vec<_> = c.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            vec![
                "Rebels seize Delta port",
                "Rebel fighters seized the port of Westhaven on Tuesday after two days of shelling, residents said.",
                "\"We could hear the guns all night,\" one resident said.",
                "The port handles most of the region's grain exports, and its capture cuts a main supply route.",
                "Fighting resumed on Wednesday, a monitor said.",
            ]
        );
        let r = reasons(&c);
        assert_eq!(r.len(), 11, "{r:?}");
        for (why, text) in [
            ("related-link", "Court jails Delta mayor for bribery"),
            ("navigation", "Don't miss"),
            ("related-link", "Port workers strike over pay [VIDEO]|"),
            (
                "subscribe",
                "Have the morning briefing land in your inbox. Five stories, every weekday at seven.",
            ),
            (
                "credit",
                "Jane Doe and Omar Said contributed to this report.",
            ),
        ] {
            assert!(r.contains(&(why, text)), "{why} {text}: {r:?}");
        }
        // Without a credit line before them, two headlines that end the text still go.
        let c = clean_article(
            None,
            None,
            "Rebel fighters seized the port on Tuesday, residents said.\n\nAirline grounds fleet after Eastvale crash, engineer says\n\nTwins reunited after 40 years in Delta village",
        );
        assert_eq!(c.blocks.len(), 1, "{:?}", c.blocks);
    }

    #[test]
    fn lists_of_the_story_stay() {
        for raw in [
            // Introduced by a colon.
            "The protesters listed their demands:\n\nRelease of all detainees held since March\n\nAn independent inquiry into Westhaven police\n\nElections for a new Delta council\n\nTalks are due on Friday.",
            // Parallel items.
            "Volunteers helped in three ways.\n\nWriting letters to Delta families\n\nWriting reports for the Red Cross\n\nCarrying water to Westhaven\n\nMore help is needed.",
            // Features without a name and a content word, and numbered rows.
            "The new phone went on sale on Monday.\n\nAutomatically on, automatically connected\n\nBattery lasts up to ten hours\n\nNew Delta X2 chip\n\n1 Jane Doe 5040 5 1\n\n2 Omar Said 5035 7 0\n\n3 Tom Brown 5033 4 6\n\nIt costs $300.",
            // A heading between paragraphs.
            "Rebel fighters seized the port on Tuesday, residents said.\n\nShelling of Westhaven resumes\n\nThe shelling resumed at dawn on Wednesday.",
        ] {
            let c = clean_article(None, None, raw);
            assert!(c.removed.is_empty(), "{raw}: {:?}", c.removed);
        }
    }

    #[test]
    fn wiki_section_headings_run_into_the_text() {
        let raw = "A bomb exploded outside the Delta court on Friday, killing two guards.==Background==The court had been threatened before.==Arrests and charges==Police arrested three men on Sunday.==See also==* 2004 Westhaven port bombing* List of attacks in Delta==References==";
        let c = clean_article(None, None, raw);
        let body: Vec<_> = c.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            body,
            vec![
                (
                    BlockKind::Paragraph,
                    "A bomb exploded outside the Delta court on Friday, killing two guards."
                ),
                (BlockKind::Heading, "Background"),
                (
                    BlockKind::Paragraph,
                    "The court had been threatened before."
                ),
                (BlockKind::Heading, "Arrests and charges"),
                (BlockKind::Paragraph, "Police arrested three men on Sunday."),
            ]
        );
        let r = reasons(&c);
        assert!(r.contains(&(
            "navigation",
            "* 2004 Westhaven port bombing* List of attacks in Delta"
        )));
        let raw = "Four engineers were hurt at the quarry.==Injured==Three were flown to Port Amsel.*Lina Okafor (34), surveyor, Kessel — burns*Piet Vandam (51), foreman — broken arm*Ruth Ibarra (29), driver, Kessel — cuts. She was back at work within a week.";
        let c = clean_article(None, None, raw);
        let body: Vec<_> = c.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            vec![
                "Four engineers were hurt at the quarry.",
                "Injured",
                "Three were flown to Port Amsel.",
                "Ruth Ibarra (29), driver, Kessel — cuts. She was back at work within a week."
            ]
        );
        assert_eq!(c.removed.len(), 2, "{:?}", c.removed);
        // A star inside a word or a single footnote star is no bullet.
        for raw in [
            "He shouted “f*ck off” at the Delta police and was fined.",
            "Turnout rose to 61%* in Delta, the highest since 1990.",
        ] {
            assert_eq!(clean_article(None, None, raw).blocks[0].text, raw);
        }
        // An equals sign in running text is no heading.
        let c = clean_article(
            None,
            None,
            "The score was 2==2 after extra time, and x == y held.",
        );
        assert_eq!(c.blocks.len(), 1);
    }

    #[test]
    fn a_line_of_links_between_bars_goes() {
        let raw = "Storm floods Delta port\n\nA storm flooded the port on Monday.\n\nFerry strike ends | Mayor opens bridge | Rail fares rise\n\nThe damage is being assessed | officials said.";
        let c = clean(raw);
        let r = reasons(&c);
        assert_eq!(
            r,
            vec![(
                "link-list",
                "Ferry strike ends | Mayor opens bridge | Rail fares rise"
            )]
        );
    }

    #[test]
    fn credits_of_names_and_newsletter_prompts_only() {
        // Body sentences that mention a report, an inbox or a newsletter stay.
        for raw in [
            "Scientists from 40 countries contributed to the report.",
            "Farmers in the delta contributed to the report on water use, the ministry said.",
            "Keep your inbox clear, the minister told civil servants in a memo.",
            "Phishing mails that reach your inbox often copy a bank's logo, police warned.",
            "\"Sign-ups to our newsletters tripled after the floods,\" the editor said.",
            "The council said its free newsletters would stop in June.",
        ] {
            let c = clean_article(None, None, raw);
            assert!(c.removed.is_empty(), "{raw}: {:?}", c.removed);
        }
        // A line of names that credits the report goes at the end, and stays before the body.
        let end = "Storm cuts power to Kessel.\n\nThe storm cut power to 4,000 homes in Kessel on Sunday night, the grid operator said.\n\nIves Marlo and Dana Sook in Port Amsel contributed to this report.";
        let c = clean_article(None, None, end);
        assert_eq!(
            reasons(&c),
            vec![(
                "credit",
                "Ives Marlo and Dana Sook in Port Amsel contributed to this report."
            )]
        );
        let mid = "Ives Marlo and Dana Sook contributed to the report.\n\nTheir findings, published on Monday, show that the Kessel grid failed twice in a single week last winter.";
        assert!(clean_article(None, None, mid).removed.is_empty());
        // Newsletter prompts in imperative, question or verbless form go.
        for prompt in [
            "Get the Kessel briefing in your inbox every morning.",
            "Want our newsletters? Pick a topic below.",
            "The week in port news, sent to your inbox on Fridays.",
        ] {
            let c = clean_article(None, None, &format!("A storm hit Kessel.\n\n{prompt}"));
            assert_eq!(reasons(&c), vec![("subscribe", prompt)]);
        }
    }

    #[test]
    fn body_sentences_that_look_like_furniture_stay() {
        let raw = "Latest figures show that 30 people died in the floods.\n\nUpdated rules took effect on Monday.\n\nSave the Children said it would send aid.\n\nBy Friday, Russian forces had moved north.\n\nThe talks – which lasted six hours – ended without a deal.";
        let c = clean(raw);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        assert_eq!(c.blocks.len(), 5);
    }

    #[test]
    fn headings_and_dates() {
        let raw = "Storm batters coast\n\nPublished 14 Dec 2016 10:32 GMT\n\nA storm hit the coast on Wednesday, cutting power to thousands of homes across the region.\n\nDamage\n\nRoofs were torn off in three towns.";
        let c = clean(raw);
        assert_eq!(c.published, Date::new(2016, 12, 14).ok());
        let wire = clean_article(
            Some("Storm batters coast"),
            None,
            "Dec. 14, 2016 5:52 AM EST\n\nA storm hit the coast on Wednesday.",
        );
        assert_eq!(wire.published, Date::new(2016, 12, 14).ok());
        assert_eq!(wire.removed[0].reason, "dateline");
        let kinds: Vec<_> = c.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn known_title_and_standfirst_lead_the_body() {
        let c = clean_article(
            Some("Port hit by drone"),
            Some("Fire burned through the night."),
            "Port hit by drone\n\nShort first line\n\nA drone struck the port on Friday.",
        );
        let kinds: Vec<_> = c.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Standfirst,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let raw = "The minister said the\nagreement would be signed\nnext week.\nA second line stands alone.";
        let c = clean(raw);
        assert_eq!(
            c.blocks[0].text,
            "The minister said the agreement would be signed next week."
        );
        assert_eq!(c.blocks.len(), 2);
    }

    #[test]
    fn lausanne_example_if_present() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/examples/lausanne-talks.txt"
        );
        let Ok(raw) = std::fs::read_to_string(path) else {
            println!("notice: {path} not found — skipping");
            return;
        };
        let c = clean(&raw);
        assert_eq!(c.source.as_deref(), Some("Al Jazeera"));
        assert_eq!(c.blocks[0].kind, BlockKind::Title);
        assert_eq!(c.blocks[1].kind, BlockKind::Standfirst);
        let removed: Vec<&str> = c.removed.iter().map(|r| r.text.as_str()).collect();
        for teaser in [
            "Inside Story",
            "OPINION:",
            "Syria Under",
            "INSIDE STORY:",
            "Source",
            "More from",
            "Most Read",
        ] {
            assert!(
                removed.iter().any(|r| r.starts_with(teaser)),
                "{teaser} not removed: {removed:?}"
            );
        }
        assert_eq!(c.removed.len(), 7, "{removed:?}");
        let headings: Vec<&str> = c
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(headings.len(), 2);
        // Every kept paragraph of the raw text is still there, unchanged.
        let kept: Vec<&str> = c.blocks.iter().map(|b| b.text.as_str()).collect();
        for para in raw.split("\n\n").map(str::trim).filter(|p| p.len() > 80) {
            assert!(kept.contains(&para), "lost: {para}");
        }
    }
}
