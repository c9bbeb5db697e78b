//! Importer of PETRARCH / TABARI verb dictionaries (`CAMEO.2.0.txt`, a project's own
//! `*.verbs.txt`) into dateline's event lexicon. dateline has no parser, so every PETRARCH
//! pattern becomes the nearest dateline pattern (words in order, each with its inflections,
//! `*` gaps of up to five words inside the clause); docs/dictionaries.md says which pattern
//! elements are honoured, which approximated and which ignored, and [`VerbImport`] counts them.
//!
//! The format (PETRARCH2's `docs/source/dictionaries.rst` and the comments of its reader):
//!
//! ```text
//! &SYNSET_LABEL                  a synonym set: `+` lines of words or phrases
//! +WORD
//! +TWO_WORDS
//!
//! --- NAME [CODE] ---            a verb block; its code is the code of its verbs alone
//! VERB {IRREGULAR FORMS} [CODE]  a verb of the block, with its own code if given
//! +VERB_PARTICLE {+FORMS_PARTICLE}   a compound verb; `+` marks the verb word
//! - PRE * POST [CODE]            a pattern: `*` the verb, words before and after it
//! ```
//!
//! In a pattern a space lets other words intervene and `_` joins words that must be
//! consecutive; `&LABEL` is any member of the synset; `$` marks the source, `+` the target,
//! `%` a compound actor, `^` a skipped phrase; `{ }` groups a noun phrase (or, holding `|`,
//! TABARI's alternatives) and `( )` a prepositional phrase; `[A:B]` codes the event and the
//! reverse one, `[:B]` only the reverse one, `[---]` no event. Comments: `#` (at a line start
//! or after a space), `;` and `<!-- -->`. `~` lines (PETRARCH2's verb transformations) are
//! ignored.
//!
//! Without a parser, two rules stand in for PETRARCH's "only what the parser calls a verb": a
//! one-word verb right after a determiner ("the aid") is no trigger, unless the lexicon already
//! has a noun trigger for it; and a verb written as the very word ("LEFT") is read before a verb
//! the word is only an inflected form of ("LEAVE").

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::lexicon::{Elem, Entry, Lexicon};

/// A line of a verb dictionary that cannot be read (1-based line number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbDictError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for VerbDictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for VerbDictError {}

fn err(line: usize, message: impl Into<String>) -> VerbDictError {
    VerbDictError {
        line,
        message: message.into(),
    }
}

#[derive(Clone, Debug)]
struct Verb {
    /// Lower-case words of the verb (several for a compound verb).
    words: Vec<String>,
    /// Which word is the verb (the one the irregular forms are forms of).
    verb_at: usize,
    forms: Vec<String>,
    code: Option<String>,
    line: usize,
}

#[derive(Clone, Debug)]
struct Block {
    code: String,
    verbs: Vec<Verb>,
    /// (line, pattern text without the leading `-`, code text).
    patterns: Vec<(usize, String, String)>,
}

/// A PETRARCH verb dictionary, read and checked, not yet added to a lexicon
/// ([`Lexicon::add_petrarch_verbs`]).
#[derive(Clone, Debug, Default)]
pub struct PetrarchVerbs {
    /// Label (upper case, without `&` and a trailing `_`) → members as written.
    synsets: HashMap<String, Vec<String>>,
    blocks: Vec<Block>,
    transformations: Vec<usize>,
    /// Pattern lines with unbalanced `( )` or `{ }`.
    unbalanced: Vec<usize>,
}

/// What an import read, made, approximated and skipped. Counts of pattern elements are per
/// dictionary line (a pattern expanded into several dateline entries counts once).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbImport {
    pub blocks: usize,
    pub verbs: usize,
    pub compound_verbs: usize,
    pub irregular_forms: usize,
    pub synsets: usize,
    pub patterns: usize,
    /// dateline lexicon entries added (after expanding synsets, verbs and alternatives).
    pub entries: usize,
    /// `[---]` patterns, added as decoys (the phrase names no event).
    pub decoys: usize,
    /// Verbs whose code is `[---]`: no entry for the verb alone.
    pub null_verbs: usize,
    /// Codes not in dateline's codebook, added under their root.
    pub new_codes: usize,
    /// One-word verbs given decoys for their noun reading after a determiner ("the aid"):
    /// those with no noun trigger in the lexicon already.
    pub noun_guards: usize,
    // honoured
    pub synset_refs: usize,
    pub joined: usize,
    pub alternatives: usize,
    // approximated
    pub noun_phrases: usize,
    pub prep_phrases: usize,
    pub targets: usize,
    pub sources: usize,
    /// Patterns with the target before the verb and the source after it (`+ * … $`), read as
    /// a recipient subject (the lexicon's `recv`).
    pub recipients: usize,
    pub skips: usize,
    pub compounds: usize,
    pub second_codes: usize,
    // skipped
    pub reverse_only: usize,
    pub bad_codes: usize,
    pub undefined_synsets: usize,
    pub role_only: usize,
    pub too_many: usize,
    pub transformations: usize,
    pub unbalanced: usize,
    /// Every line skipped in whole, with why.
    pub skipped: Vec<(usize, String)>,
}

impl VerbImport {
    /// Lines skipped in whole.
    pub fn skipped_lines(&self) -> usize {
        self.skipped.len()
    }

    /// Pattern lines holding an element dateline reads only approximately.
    pub fn approximated(&self) -> usize {
        self.noun_phrases
            + self.prep_phrases
            + self.targets
            + self.sources
            + self.skips
            + self.compounds
            + self.second_codes
    }

    /// One line for a warning: what was read, approximated and skipped (first five skipped
    /// lines named).
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} verb block{}, {} verbs, {} patterns read as {} lexicon entries ({} decoys for [---] patterns)",
            self.blocks,
            if self.blocks == 1 { "" } else { "s" },
            self.verbs,
            self.patterns,
            self.entries,
            self.decoys
        );
        let list = |items: &[(usize, &str)]| -> String {
            items
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, what)| format!("{n} {what}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let approx = list(&[
            (self.noun_phrases, "noun phrases { } (as words in order)"),
            (
                self.prep_phrases,
                "prepositional phrases ( ) (as words in order)",
            ),
            (self.targets, "targets + (a coded target required)"),
            (self.sources, "sources $ (the coder's own source)"),
            (
                self.recipients,
                "of them recipient subjects + * $ (the subject the target, the source after the verb)",
            ),
            (self.skips, "skips ^ (a gap)"),
            (self.compounds, "compound actors % (a gap)"),
            (self.second_codes, "second codes [A:B] (B ignored)"),
            (
                self.noun_guards,
                "verbs not read as verbs after a determiner (\"the aid\")",
            ),
        ]);
        if !approx.is_empty() {
            s.push_str("; approximated: ");
            s.push_str(&approx);
        }
        let skipped = list(&[
            (self.reverse_only, "reverse-only codes [:B]"),
            (self.bad_codes, "codes outside CAMEO 01-20"),
            (self.undefined_synsets, "undefined or empty synsets"),
            (
                self.role_only,
                "patterns with nothing but the verb and roles",
            ),
            (self.too_many, "patterns with over 4096 expansions"),
            (self.transformations, "transformations ~"),
            (self.unbalanced, "patterns with unbalanced ( ) or { }"),
        ]);
        if !skipped.is_empty() {
            s.push_str("; skipped: ");
            s.push_str(&skipped);
            let first: Vec<String> = self
                .skipped
                .iter()
                .take(5)
                .map(|(l, why)| format!("line {l} ({why})"))
                .collect();
            s.push_str(&format!(
                " — {}{}",
                first.join(", "),
                if self.skipped.len() > 5 { ", …" } else { "" }
            ));
        }
        if self.new_codes > 0 {
            s.push_str(&format!(
                "; {} codes not in dateline's codebook placed under their root",
                self.new_codes
            ));
        }
        s
    }
}

/// The line without its comments; `in_xml` carries an open `<!--` across lines.
fn strip_comments(line: &str, in_xml: &mut bool) -> String {
    let mut rest = line;
    let mut out = String::new();
    loop {
        if *in_xml {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *in_xml = false;
                }
                None => return String::new(),
            }
        }
        match rest.find("<!--") {
            Some(i) => {
                out.push_str(&rest[..i]);
                rest = &rest[i + 4..];
                *in_xml = true;
            }
            None => {
                out.push_str(rest);
                break;
            }
        }
    }
    if let Some(i) = out.find(';') {
        out.truncate(i);
    }
    let b = out.as_bytes();
    if let Some(i) =
        (0..b.len()).find(|&i| b[i] == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()))
    {
        out.truncate(i);
    }
    out.trim().to_string()
}

fn label(s: &str) -> String {
    s.trim_start_matches('&')
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// `[CODE]` at the end of `s`: (text before it, code). `Ok(None)` without any `[`.
fn split_code(s: &str, n: usize) -> Result<Option<(String, String)>, VerbDictError> {
    let Some(open) = s.rfind('[') else {
        return Ok(None);
    };
    let Some(close) = s[open..].find(']').map(|c| c + open) else {
        return Err(err(n, format!("`[` without `]` in {s:?}")));
    };
    Ok(Some((
        s[..open].trim().to_string(),
        s[open + 1..close].trim().to_string(),
    )))
}

fn parse_verb(text: &str, n: usize) -> Result<Verb, VerbDictError> {
    let (text, code) = match split_code(text, n)? {
        Some((t, c)) => (t, Some(c)),
        None => (text.to_string(), None),
    };
    let (head, braces) = match text.find('{') {
        Some(i) => {
            let close = text[i..]
                .find('}')
                .map(|c| c + i)
                .ok_or_else(|| err(n, format!("`{{` without `}}` in {text:?}")))?;
            (text[..i].to_string(), Some(text[i + 1..close].to_string()))
        }
        None => (text.clone(), None),
    };
    let mut toks = head.split_whitespace();
    let stem = toks
        .next()
        .ok_or_else(|| err(n, "a verb line without a verb"))?;
    let parts: Vec<&str> = stem.split('_').filter(|p| !p.is_empty()).collect();
    let verb_at = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = parts
        .iter()
        .map(|p| crate::lexicon::normalise(p.trim_start_matches('+')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() != parts.len() {
        return Err(err(n, format!("no verb word in {stem:?}")));
    }
    let mut forms = Vec::new();
    let extra = toks.map(str::to_string);
    let braced = braces.iter().flat_map(|b| {
        b.split(|c: char| c.is_whitespace() || c == ',')
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    // "{+CRACKED_DOWN , +CRACKS_DOWN}": separators are no forms
    for f in extra
        .chain(braced)
        .filter(|f| f.chars().any(char::is_alphanumeric))
    {
        let fp: Vec<&str> = f.split('_').filter(|p| !p.is_empty()).collect();
        let w = if fp.len() == 1 {
            fp[0]
        } else if let Some(p) = fp.iter().find(|p| p.starts_with('+')) {
            p
        } else if fp.len() == parts.len() {
            fp[verb_at]
        } else {
            continue;
        };
        let w = crate::lexicon::normalise(w.trim_start_matches('+'));
        if !w.is_empty() {
            forms.push(w);
        }
    }
    Ok(Verb {
        words,
        verb_at,
        forms,
        code,
        line: n,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Synset,
    Block,
}

impl PetrarchVerbs {
    /// Read a verb dictionary. Structural faults are errors naming the line (a pattern or verb
    /// before any `--- NAME [CODE] ---` block, a `[` or `{` left open, a pattern without `*` or
    /// with two, a file without any verb block); lines that are read but cannot become a
    /// dateline entry (an unknown code root, an undefined synset) are counted when the
    /// dictionary is added to a lexicon.
    pub fn parse(text: &str) -> Result<PetrarchVerbs, VerbDictError> {
        let mut d = PetrarchVerbs::default();
        let mut state = State::Start;
        let mut syn = String::new();
        let mut in_xml = false;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = strip_comments(raw, &mut in_xml);
            if line.is_empty() {
                continue;
            }
            if line.starts_with("---") {
                let inner = line.trim_matches('-').trim();
                let (name, code) = match split_code(inner, n)? {
                    Some((name, code)) => (name, code),
                    None => (inner.to_string(), "---".to_string()),
                };
                if name.is_empty() {
                    return Err(err(n, "a verb block header without a name"));
                }
                d.blocks.push(Block {
                    code: if code.is_empty() { "---".into() } else { code },
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                });
                state = State::Block;
            } else if let Some(l) = line.strip_prefix('&') {
                let name = l.split_whitespace().next().unwrap_or("");
                if name.is_empty() {
                    return Err(err(n, "a synset without a label"));
                }
                syn = label(name);
                d.synsets.entry(syn.clone()).or_default();
                state = State::Synset;
            } else if line.starts_with('~') {
                d.transformations.push(n);
            } else if let Some(body) = line.strip_prefix('-') {
                if d.blocks.is_empty() {
                    return Err(err(
                        n,
                        "a pattern before any verb block (expected `--- NAME [CODE] ---` first)",
                    ));
                }
                let Some((body, code)) = split_code(body, n)? else {
                    return Err(err(n, format!("a pattern without a [CODE]: {line:?}")));
                };
                let stars = body.matches('*').count();
                if stars != 1 {
                    return Err(err(
                        n,
                        format!(
                            "a pattern needs exactly one `*` (the verb), found {stars}: {line:?}"
                        ),
                    ));
                }
                let mut depth = (0i32, 0i32);
                for c in body.chars() {
                    match c {
                        '(' => depth.0 += 1,
                        ')' => depth.0 -= 1,
                        '{' => depth.1 += 1,
                        '}' => depth.1 -= 1,
                        _ => {}
                    }
                    if depth.0 < 0 || depth.1 < 0 || depth.0 > 1 || depth.1 > 1 {
                        break;
                    }
                }
                if depth != (0, 0) {
                    // PETRARCH2's own dictionary has a few of these; it reads them loosely
                    d.unbalanced.push(n);
                    state = State::Block;
                    continue;
                }
                d.blocks.last_mut().unwrap().patterns.push((n, body, code));
                state = State::Block;
            } else if let Some(m) = line.strip_prefix('+') {
                match state {
                    State::Synset => d.synsets.get_mut(&syn).unwrap().push(m.trim().to_string()),
                    State::Block => {
                        let v = parse_verb(&line, n)?;
                        d.blocks.last_mut().unwrap().verbs.push(v);
                    }
                    State::Start => {
                        return Err(err(n, "a `+` line outside any synset or verb block"));
                    }
                }
            } else if d.blocks.is_empty() {
                return Err(err(
                    n,
                    format!(
                        "{line:?} before any verb block (expected `--- NAME [CODE] ---`, `&SYNSET` or `+WORD`)"
                    ),
                ));
            } else {
                let v = parse_verb(&line, n)?;
                d.blocks.last_mut().unwrap().verbs.push(v);
                state = State::Block;
            }
        }
        if in_xml {
            return Err(err(text.lines().count(), "`<!--` comment never closed"));
        }
        if d.blocks.is_empty() {
            return Err(err(
                1,
                "no verb block (`--- NAME [CODE] ---`): not a PETRARCH verb dictionary",
            ));
        }
        Ok(d)
    }
}

/// One element of a pattern line.
#[derive(Clone, Debug)]
enum Item {
    Verb,
    Word(String),
    Syn(String),
    /// `$`, `+`, `%` or `^`.
    Marker(char),
    Alts(Vec<Vec<String>>),
}

const MAX_EXPANSIONS: usize = 4096;

/// Words after which a verb of the dictionary reads as a noun ("the aid", "its forces").
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "our"];

/// A synset as lexicon material: the group lemma of its one-word members and the lemma
/// sequences of its longer ones.
type SynAlts = (Option<u32>, Vec<Vec<u32>>);

/// Synset members resolved to word sequences (nested synsets expanded, depth-limited).
fn members(d: &PetrarchVerbs, lab: &str, depth: usize) -> Option<Vec<Vec<String>>> {
    let m = d.synsets.get(lab)?;
    let mut out = Vec::new();
    for raw in m {
        let words: Vec<&str> = raw
            .trim_end_matches('_')
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() == 1 && words[0].starts_with('&') {
            if depth >= 4 {
                return None;
            }
            out.extend(members(d, &label(words[0]), depth + 1)?);
        } else if !words.is_empty() {
            out.push(words.iter().map(|w| crate::lexicon::normalise(w)).collect());
        }
    }
    Some(out)
}

#[derive(Default)]
struct Counts {
    noun_phrases: bool,
    prep_phrases: bool,
    targets: bool,
    sources: bool,
    skips: bool,
    compounds: bool,
    joined: bool,
    synsets: bool,
    alternatives: bool,
}

/// The items of a pattern body, each with whether it is joined to the previous one by `_`.
fn items(d: &PetrarchVerbs, body: &str, c: &mut Counts) -> Vec<(Item, bool)> {
    // "*SCEPTICAL": a `*` not joined by `_` stands apart, as PETRARCH splits at it
    let mut spaced = String::with_capacity(body.len() + 4);
    let chars: Vec<char> = body.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        if ch == '*' {
            if i > 0 && chars[i - 1] != '_' {
                spaced.push(' ');
            }
            spaced.push('*');
            if chars.get(i + 1).is_some_and(|&c| c != '_') {
                spaced.push(' ');
            }
        } else {
            spaced.push(ch);
        }
    }
    let mut toks: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ch in spaced.chars() {
        if ch.is_whitespace() || "(){}|".contains(ch) {
            if !cur.is_empty() {
                toks.push(std::mem::take(&mut cur));
            }
            if !ch.is_whitespace() {
                toks.push(ch.to_string());
            }
        } else {
            cur.push(ch);
        }
    }
    if !cur.is_empty() {
        toks.push(cur);
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k].as_str();
        k += 1;
        match t {
            "(" => {
                c.prep_phrases = true;
                continue;
            }
            ")" | "}" | "|" => continue,
            "{" => {
                let close = toks[k..]
                    .iter()
                    .position(|x| x == "}")
                    .map_or(toks.len(), |p| p + k);
                let group = &toks[k..close];
                if group.iter().any(|x| x == "|") {
                    c.alternatives = true;
                    let alts = group
                        .split(|x| x == "|")
                        .map(|a| {
                            a.iter()
                                .flat_map(|w| w.split('_'))
                                .filter(|w| !w.is_empty())
                                .map(crate::lexicon::normalise)
                                .collect::<Vec<_>>()
                        })
                        .filter(|a| !a.is_empty())
                        .collect::<Vec<_>>();
                    if !alts.is_empty() {
                        out.push((Item::Alts(alts), false));
                    }
                    k = close + 1;
                } else {
                    c.noun_phrases = true;
                }
                continue;
            }
            _ => {}
        }
        let parts: Vec<&str> = t.split('_').collect();
        let mut j = 0;
        let mut first = true;
        while j < parts.len() {
            let p = parts[j];
            j += 1;
            // a stray comma or full stop is no word
            if p.is_empty()
                || (!p.chars().any(char::is_alphanumeric)
                    && !matches!(p, "*" | "$" | "+" | "%" | "^"))
            {
                continue;
            }
            let joined = !first;
            if joined {
                c.joined = true;
            }
            first = false;
            let item = match p {
                "*" => Item::Verb,
                "$" | "+" | "%" | "^" => {
                    match p {
                        "$" => c.sources = true,
                        "+" => c.targets = true,
                        "%" => c.compounds = true,
                        _ => c.skips = true,
                    }
                    Item::Marker(p.chars().next().unwrap_or('^'))
                }
                p if p.starts_with('&') => {
                    c.synsets = true;
                    // the longest defined label over the following `_` parts
                    // ("&FIGHT_OF_WORDS", "NEW_&TIETYPES_RELATIONS")
                    let mut best = (label(p), j);
                    for e in j..parts.len() {
                        let cand = label(&parts[j - 1..=e].join("_"));
                        if d.synsets.contains_key(&cand) {
                            best = (cand, e + 1);
                        }
                    }
                    j = best.1;
                    Item::Syn(best.0)
                }
                p => Item::Word(crate::lexicon::normalise(p)),
            };
            out.push((item, joined));
        }
    }
    out
}

impl Lexicon {
    /// Add a PETRARCH verb dictionary's verbs and patterns (see [`PetrarchVerbs`]) to this
    /// lexicon. `file` names the dictionary in each entry's rule (`FILE:LINE`). Imported entries
    /// are tried before built-in ones, so a user pattern wins over a built-in pattern of the
    /// same length; a longer pattern still wins. Codes the codebook does not know are placed
    /// under the code of their root (01–20); any other code skips its line (counted).
    pub fn add_petrarch_verbs(&mut self, d: &PetrarchVerbs, file: &str) -> VerbImport {
        let mut imp = VerbImport {
            blocks: d.blocks.len(),
            synsets: d.synsets.len(),
            transformations: d.transformations.len(),
            ..VerbImport::default()
        };
        imp.unbalanced = d.unbalanced.len();
        imp.patterns = d.unbalanced.len();
        for &n in &d.unbalanced {
            imp.skipped.push((n, "unbalanced ( ) or { }".to_string()));
        }
        for &n in &d.transformations {
            imp.skipped
                .push((n, "verb transformation `~`: not read".to_string()));
        }
        let codes_before = self.codes().len();
        let mut entries: Vec<Entry> = Vec::new();
        let mut seen: HashSet<(Vec<Elem>, usize, bool, bool)> = HashSet::new();
        let mut push = |entries: &mut Vec<Entry>, e: Entry| -> bool {
            if seen.insert((e.pattern.clone(), e.code, e.tgt, e.decoy)) {
                entries.push(e);
                true
            } else {
                false
            }
        };
        // lemmas that start a noun trigger already there: a verb with such a noun reading
        // keeps it (the coder weighs noun against verb); any other verb gets decoys for its
        // noun reading after a determiner ("the aid", "its forces"), as PETRARCH codes only
        // what its parser calls a verb
        let noun_firsts: HashSet<u32> = self
            .entries
            .iter()
            .filter(|e| e.noun && !e.decoy)
            .filter_map(|e| match e.pattern.first() {
                Some(Elem::Word(w)) => Some(*w),
                _ => None,
            })
            .collect();
        let dets: Vec<u32> = DETERMINERS
            .iter()
            .map(|d| self.import_lemma(d, &[]))
            .collect();
        let mut guarded: HashSet<u32> = HashSet::new();
        let mut guard_members: Vec<(String, Vec<String>)> = Vec::new();
        let mut guard_line: Option<usize> = None;
        // (verb as written, its lemma): read first for that very word
        let mut exact: Vec<(String, u32)> = Vec::new();
        // synset label -> (group lemma of the one-word members, multi-word members)
        let mut syn_cache: HashMap<String, Option<SynAlts>> = HashMap::new();
        for (bi, b) in d.blocks.iter().enumerate() {
            // the verbs: one-word verbs share a group lemma in patterns; each verb alone is an
            // entry with its own code or the block's
            let mut singles: Vec<(String, Vec<String>)> = Vec::new();
            let mut compounds: Vec<Vec<u32>> = Vec::new();
            for v in &b.verbs {
                imp.verbs += 1;
                imp.irregular_forms += v.forms.len();
                let seq: Vec<u32> = v
                    .words
                    .iter()
                    .enumerate()
                    .map(|(k, w)| {
                        let forms: &[String] = if k == v.verb_at { &v.forms } else { &[] };
                        self.import_lemma(w, forms)
                    })
                    .collect();
                if v.words.len() == 1 {
                    singles.push((v.words[0].clone(), v.forms.clone()));
                    let lemma = seq[0];
                    exact.push((v.words[0].clone(), lemma));
                    let noun_reading = crate::lexicon::inflect(&v.words[0])
                        .iter()
                        .chain(&v.forms)
                        .any(|f| self.lemmas_of(f).iter().any(|l| noun_firsts.contains(l)));
                    if !noun_reading && guarded.insert(lemma) {
                        imp.noun_guards += 1;
                        guard_members.push((v.words[0].clone(), v.forms.clone()));
                        guard_line.get_or_insert(v.line);
                    }
                } else {
                    imp.compound_verbs += 1;
                    compounds.push(seq.clone());
                }
                let code = v.code.clone().unwrap_or_else(|| b.code.clone());
                let primary = code.split(':').next().unwrap_or("").trim();
                if code.trim() == "---" || primary == "---" {
                    imp.null_verbs += 1;
                    continue;
                }
                if primary.is_empty() {
                    imp.reverse_only += 1;
                    imp.skipped
                        .push((v.line, format!("reverse-only code [{code}]")));
                    continue;
                }
                if code.contains(':') {
                    imp.second_codes += 1;
                }
                match self.import_code(primary) {
                    Ok(ci) => {
                        push(
                            &mut entries,
                            Entry {
                                code: ci,
                                pattern: seq.iter().map(|&l| Elem::Word(l)).collect(),
                                noun: false,
                                solo: false,
                                mil: false,
                                tgt: false,
                                state: false,
                                decoy: false,
                                recv: false,
                                pat: false,
                                noun_last: None,
                                rule: format!("{file}:{}", v.line),
                            },
                        );
                    }
                    Err(why) => {
                        imp.bad_codes += 1;
                        imp.skipped.push((v.line, why));
                    }
                }
            }
            let group = (!singles.is_empty())
                .then(|| self.import_group(&format!("verbs of block {bi} {file}"), &singles));
            let mut verb_alts: Vec<Vec<u32>> = group.map(|g| vec![g]).into_iter().collect();
            verb_alts.extend(compounds);
            for (n, body, code) in &b.patterns {
                let n = *n;
                imp.patterns += 1;
                let mut c = Counts::default();
                let its = items(d, body, &mut c);
                let primary = code.split(':').next().unwrap_or("").trim().to_string();
                let second = code
                    .split_once(':')
                    .is_some_and(|(_, s)| !s.trim().is_empty());
                // the counts of approximated elements, whether or not the line makes entries
                imp.noun_phrases += c.noun_phrases as usize;
                imp.prep_phrases += c.prep_phrases as usize;
                imp.targets += c.targets as usize;
                imp.sources += c.sources as usize;
                imp.skips += c.skips as usize;
                imp.compounds += c.compounds as usize;
                imp.joined += c.joined as usize;
                imp.synset_refs += c.synsets as usize;
                imp.alternatives += c.alternatives as usize;
                if primary.is_empty() {
                    imp.reverse_only += 1;
                    imp.skipped.push((n, format!("reverse-only code [{code}]")));
                    continue;
                }
                if second && primary != "---" {
                    imp.second_codes += 1;
                }
                let decoy = primary == "---";
                let code_index = if decoy {
                    0
                } else {
                    match self.import_code(&primary) {
                        Ok(ci) => ci,
                        Err(why) => {
                            imp.bad_codes += 1;
                            imp.skipped.push((n, why));
                            continue;
                        }
                    }
                };
                if its
                    .iter()
                    .all(|(it, _)| matches!(it, Item::Verb | Item::Marker(_)))
                    && (!c.targets || decoy)
                {
                    imp.role_only += 1;
                    imp.skipped.push((
                        n,
                        "nothing but the verb and role markers: the verb alone covers it"
                            .to_string(),
                    ));
                    continue;
                }
                // expand into dateline patterns
                let mut seqs: Vec<Vec<Elem>> = vec![Vec::new()];
                let mut pending_gap = false;
                let mut undefined = None;
                for (it, joined) in &its {
                    let alts: Vec<Vec<u32>> = match it {
                        Item::Marker(_) => {
                            pending_gap = true;
                            continue;
                        }
                        Item::Verb => verb_alts.clone(),
                        Item::Word(w) => vec![vec![self.import_lemma(w, &[])]],
                        Item::Alts(a) => a
                            .iter()
                            .map(|s| s.iter().map(|w| self.import_lemma(w, &[])).collect())
                            .collect(),
                        Item::Syn(lab) => {
                            if !syn_cache.contains_key(lab) {
                                let resolved = members(d, lab, 0).map(|ms| {
                                    let singles: Vec<(String, Vec<String>)> = ms
                                        .iter()
                                        .filter(|m| m.len() == 1)
                                        .map(|m| (m[0].clone(), Vec::new()))
                                        .collect();
                                    let g = (!singles.is_empty()).then(|| {
                                        self.import_group(&format!("synset {lab} {file}"), &singles)
                                    });
                                    let multi: Vec<Vec<u32>> = ms
                                        .iter()
                                        .filter(|m| m.len() > 1)
                                        .map(|m| {
                                            m.iter().map(|w| self.import_lemma(w, &[])).collect()
                                        })
                                        .collect();
                                    (g, multi)
                                });
                                syn_cache.insert(lab.clone(), resolved);
                            }
                            match &syn_cache[lab] {
                                Some((g, multi)) => {
                                    let mut v: Vec<Vec<u32>> =
                                        g.map(|g| vec![g]).into_iter().collect();
                                    v.extend(multi.iter().cloned());
                                    v
                                }
                                None => {
                                    undefined = Some(format!("undefined synset &{lab}"));
                                    break;
                                }
                            }
                        }
                    };
                    if alts.is_empty() {
                        // a block without verbs, an empty synset: nothing to match
                        undefined = Some(match it {
                            Item::Syn(l) => format!("empty synset &{l}"),
                            _ => "a verb block without verbs".to_string(),
                        });
                        break;
                    }
                    let gap = (!joined || pending_gap) && !seqs[0].is_empty();
                    pending_gap = false;
                    if seqs.len() * alts.len() > MAX_EXPANSIONS {
                        seqs.clear();
                        break;
                    }
                    let mut next = Vec::with_capacity(seqs.len() * alts.len());
                    for s in &seqs {
                        for a in &alts {
                            let mut s2 = s.clone();
                            if gap {
                                s2.push(Elem::Gap);
                            }
                            s2.extend(a.iter().map(|&l| Elem::Word(l)));
                            next.push(s2);
                        }
                    }
                    seqs = next;
                }
                if let Some(why) = undefined {
                    imp.undefined_synsets += 1;
                    imp.skipped.push((n, why));
                    continue;
                }
                if seqs.is_empty() {
                    imp.too_many += 1;
                    imp.skipped
                        .push((n, format!("over {MAX_EXPANSIONS} expansions")));
                    continue;
                }
                // "- + * MONEY $", "- + * FROM $": the target before the verb and the source
                // after it, a recipient subject
                let verb_at = its.iter().position(|(it, _)| matches!(it, Item::Verb));
                let recv = verb_at.is_some_and(|vi| {
                    its[..vi]
                        .iter()
                        .any(|(it, _)| matches!(it, Item::Marker('+')))
                        && its[vi..]
                            .iter()
                            .any(|(it, _)| matches!(it, Item::Marker('$')))
                }) && !decoy;
                imp.recipients += recv as usize;
                let mut made = 0;
                for s in seqs {
                    if push(
                        &mut entries,
                        Entry {
                            code: code_index,
                            pattern: s,
                            noun: false,
                            solo: false,
                            mil: false,
                            tgt: c.targets && !decoy,
                            state: false,
                            decoy,
                            recv,
                            pat: false,
                            noun_last: None,
                            rule: format!("{file}:{n}"),
                        },
                    ) {
                        made += 1;
                    }
                }
                if decoy && made > 0 {
                    imp.decoys += 1;
                }
            }
        }
        // one word class of the guarded verbs, so a determiner starts only a few decoys
        if let Some(line) = guard_line {
            let g = self.import_group(&format!("verbs read as nouns {file}"), &guard_members);
            for &det in &dets {
                push(
                    &mut entries,
                    Entry {
                        code: 0,
                        pattern: vec![Elem::Word(det), Elem::Word(g)],
                        noun: false,
                        solo: false,
                        mil: false,
                        tgt: false,
                        state: false,
                        decoy: true,
                        recv: false,
                        pat: false,
                        noun_last: None,
                        rule: format!("{file}:{line}"),
                    },
                );
            }
        }
        for (w, l) in &exact {
            self.prefer_lemma(w, *l);
        }
        imp.entries = entries.len();
        imp.new_codes = self.codes().len() - codes_before;
        self.import_entries(entries);
        imp.skipped.sort();
        imp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_of_every_kind_are_removed() {
        let mut x = false;
        assert_eq!(strip_comments("ABANDON # pas", &mut x), "ABANDON");
        assert_eq!(strip_comments("RIP {RIPS};shan", &mut x), "RIP {RIPS}");
        assert_eq!(strip_comments("- * X [###] # c", &mut x), "- * X [###]");
        assert_eq!(strip_comments("<!-- a", &mut x), "");
        assert!(x);
        assert_eq!(strip_comments("b --> KEEP", &mut x), "KEEP");
        assert!(!x);
    }

    #[test]
    fn compound_verbs_and_their_forms() {
        let v = parse_verb("+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}", 3).unwrap();
        assert_eq!(v.words, vec!["cordon", "off"]);
        assert_eq!(v.verb_at, 0);
        assert_eq!(v.forms, vec!["cordoned", "cordons"]);
        let v = parse_verb("WIRE_+TAP {WIRE_+TAPPED} [1711]", 4).unwrap();
        assert_eq!((v.verb_at, v.code.as_deref()), (1, Some("1711")));
        assert_eq!(v.forms, vec!["tapped"]);
    }
}
