//! Quotations and their speakers.
//!
//! [`attribute`] fills `doc.quotes`. It runs last in the pipeline, after entities, places and
//! events, and works when those layers are empty: speakers are then named from the text alone.
//!
//! # What is a quote
//!
//! 1. **Quoted stretches** are found by pairing quotation marks (module `marks`): straight, curly,
//!    single, double and '' marks, inner quotations, and quotations that run over several
//!    paragraphs (a paragraph left open continues into the next one that opens with a mark).
//!    The quote span is the content without the marks.
//! 2. **Cues** are speech verbs from `lexicon/speech_verbs.txt`, in lower case, outside
//!    quotations, not preceded by a determiner ("his remarks" is a noun).
//! 3. Each stretch is attached to a cue and a speaker, trying in order:
//!    - *a dash after the quote*: `“…” ― Sonya Herridge` (the dash is the cue), also as a
//!      credit line opening the next paragraph (`“…”` / `-Michelle Marks, Philadelphia.`);
//!    - *after the quote*: `“…,” said Kerry` / `“…,” Kerry told reporters` /
//!      `“…,” according to X` / `“…,” Rep. Earl Moss (D-Ore.) said` (when the quoted words end
//!      with , ? ! or a dash, or a comma follows the mark; after a full stop only a short
//!      `“….” Trump said.`);
//!    - *before the quote*, in the same sentence (or the previous one when it ends with a colon):
//!      `Kerry said: “…”`, `Kerry told reporters the talks were “constructive”`,
//!      `According to the newspaper, “…”`;
//!    - a participle or infinitive cue without its own subject (`…, writing “…”`,
//!      `goes on to say: “…”`): the subject at the start of the sentence;
//!    - a label and a colon: `Pat Caddell: ‘…’`, `… surprise pollster Daron Shaw: “…”`;
//!    - a quote inside a sentence with no speech verb (`Trump boomed: “…”`,
//!      `The NGOs issued a plea “to …”`): the sentence subject;
//!    - *continuation*: a quote that opens a sentence with no cue of its own belongs to the
//!      latest speaker of the same paragraph, or of the previous paragraph when it opens its
//!      own paragraph (`“…,” said Caddell. “Yesterday…”`); failing that, to the subject of the
//!      previous sentence when that is a name or a pronoun (`Valdez praised the governor. /
//!      “We need someone …”`). A continuation takes the cue of the quote it continues.
//! 4. **Kinds**: `direct` when the quote stands as its own sentence or is introduced by a cue
//!    and a colon or comma; `partial` when it is a fragment inside reported speech;
//!    `indirect` for reported clauses without marks (`Kerry said (that) …`, `told reporters
//!    (that) …`, `…, Kerry said.`, `…, according to X.`), whose span is the reported clause.
//!    Verbs of class `quote` in the lexicon ("concluded", "continued", "read") report a clause
//!    only after "that"; `think` verbs ("believes") never attach a direct quotation.
//! 5. **Scare quotes** are dropped: a quoted phrase of at most three words that is not
//!    attached to a cue, or that sits inside reported speech but is used as a modifier (a word
//!    of the noun phrase follows it: countries backing “moderate” groups) or after a label word
//!    ("so-called", "dubbed", "the term"). Titles are dropped too: an unattached quote whose
//!    words are all capitalised, or a capitalised partial quote after a preposition, article or
//!    possessive (`said on “Meet the Press”`, `CNN’s “State of the Union”`).
//!
//! # Who speaks
//!
//! The speaker phrase is the subject of the cue (`Kerry`, `a spokesman for the ministry`,
//! `Al Jazeera’s diplomatic editor James Bays`) or the noun phrase after an inverted cue. Then:
//! - a **pronoun** "he"/"she" is the most recent speaker of a compatible gender named in the
//!   last three paragraphs, else the most recent person named before it (entity mentions and
//!   titled names such as "Secretary of State John Kerry"). Gender comes from a title (Mr, Mrs,
//!   Ms), a gendered role noun (spokeswoman), or a short list of given names
//!   (`lexicon/first_names.txt`); unknown gender matches both.
//! - a definite **role phrase** ("our correspondent", "the spokesman") is the person the
//!   article named earlier with that role ("diplomatic editor James Bays", "spokesman John
//!   Kirby"); all journalist roles count as one (`lexicon/roles.txt`).
//! - an **artifact** ("a statement from one of the charities, Save the Children") speaks for
//!   its author: the name after "from/by/of", or the proper name in apposition, or the
//!   possessor ("the ministry's statement").
//! - The speaker is linked to an entity when one of its mentions covers the speaker's head word
//!   (or the pronoun's antecedent); `speaker_name` is then the entity's name, else the name
//!   read from the text (the trailing proper name of the phrase, or the whole phrase).
//!
//! A sentence-initial single word is taken as a subject only when it looks like a name: the
//! text capitalises it elsewhere too, or a plain lower-case word (a verb) follows it and it does
//! not end in -ing, -ly or -ed ("Smiling, she said" and "Back in 1999 …" name nobody).
//!
//! A quote is linked to an event when its cue is an event trigger, or when an event in the
//! cue's sentence has the speaker among its sources, or when a verbal event's trigger (quad
//! class 1 or 3) ends right before the quote in its sentence ("issued a plea “to …”").

mod lex;
mod lexicon;
mod marks;

use dateline_doc::{Doc, EntityKind, Quote, QuoteKind, Span};
use dateline_time::WEEKDAYS;
use lex::Tok;
pub use lexicon::{CueClass, Gender};

/// One quotation with the evidence behind it, for evaluation and debugging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub quote: Quote,
    /// The speaker phrase as written near the cue ("he", "our correspondent", "Kerry").
    pub speaker_span: Option<Span>,
    /// Which rule attached the speaker.
    pub rule: &'static str,
}

/// Fill `doc.quotes`.
pub fn attribute(doc: &mut Doc) {
    let found = analyse(doc);
    doc.quotes = found.into_iter().map(|a| a.quote).collect();
}

/// The paragraphs quotation marks pair within (the whole text when there are none).
fn blocks(doc: &Doc) -> Vec<Span> {
    if doc.blocks.is_empty() {
        vec![Span::new(0, doc.text().len())]
    } else {
        doc.blocks.iter().map(|b| b.span).collect()
    }
}

/// The quoted words of every top-level quotation, in text order, paired as [`analyse`] pairs
/// them (without speakers): for stages that ask whether a word stands in a quotation.
pub fn quotations(doc: &Doc) -> Vec<Span> {
    marks::find(doc.text(), &blocks(doc))
        .into_iter()
        .map(|q| q.content)
        .collect()
}

/// Find every quotation with its speaker, cue and the rule that attached it.
pub fn analyse(doc: &Doc) -> Vec<Attribution> {
    let text = doc.text();
    if text.trim().is_empty() {
        return Vec::new();
    }
    let blocks = blocks(doc);
    let quoted = marks::find(text, &blocks);
    let mut toks = lex::lex(text);
    let units = units(doc, &blocks);
    assign(&mut toks, &units, &blocks, &quoted);
    let mut unit_first = vec![usize::MAX; units.len()];
    let mut unit_end = vec![0; units.len()];
    for (i, t) in toks.iter().enumerate() {
        let u = t.unit as usize;
        unit_first[u] = unit_first[u].min(i);
        unit_end[u] = i + 1;
    }
    let mut cx = Ctx {
        doc,
        text,
        toks,
        unit_first,
        unit_end,
        quoted,
        cues: Vec::new(),
    };
    cx.find_cues();
    cx.run()
}

/// Sentence-like units: the document's sentences, and whole blocks that have none.
fn units(doc: &Doc, blocks: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(doc.sentences.len() + 4);
    let mut si = 0;
    for b in blocks {
        let before = out.len();
        while si < doc.sentences.len() && doc.sentences[si].span.start < b.end {
            let s = doc.sentences[si].span;
            if s.start >= b.start {
                out.push(s);
            }
            si += 1;
        }
        if out.len() == before {
            out.push(*b);
        }
    }
    out
}

fn assign(toks: &mut [Tok], units: &[Span], blocks: &[Span], quoted: &[marks::Quoted]) {
    // Tokens, units and blocks are all in text order: the last unit and the last block that
    // start at or before a token are found by walking forward with it, not by a binary search
    // per token.
    let (mut u, mut b) = (0, 0);
    for t in toks.iter_mut() {
        while u < units.len() && units[u].start <= t.span.start {
            u += 1;
        }
        t.unit = u.saturating_sub(1) as u32;
        while b < blocks.len() && blocks[b].start <= t.span.start {
            b += 1;
        }
        t.block = b.saturating_sub(1) as u32;
    }
    let mut qi = 0;
    for t in toks.iter_mut() {
        while qi < quoted.len() && q_end(&quoted[qi]) <= t.span.start {
            qi += 1;
        }
        if let Some(q) = quoted.get(qi)
            && q.open.start <= t.span.start
        {
            t.quote = Some(qi as u32);
        }
    }
}

fn q_end(q: &marks::Quoted) -> usize {
    q.close.map_or(q.content.end, |c| c.end)
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    t0: usize,
    t1: usize,
    class: CueClass,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    After,
    AfterInverted,
    Before,
    BeforeInverted,
    Participle,
    Colon,
    Continuation,
    Subject,
    PreviousSubject,
    Indirect,
    None,
}

impl How {
    fn name(self) -> &'static str {
        match self {
            How::After => "cue after quote",
            How::AfterInverted => "inverted cue after quote",
            How::Before => "cue before quote",
            How::BeforeInverted => "inverted cue before quote",
            How::Participle => "participle cue",
            How::Colon => "label and colon",
            How::Continuation => "continuation",
            How::Subject => "sentence subject",
            How::PreviousSubject => "subject of the previous sentence",
            How::Indirect => "reported clause",
            How::None => "no speaker",
        }
    }
}

/// A quote or reported clause before speakers are resolved.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    kind: QuoteKind,
    cue: Option<Span>,
    /// Token range of the speaker phrase.
    speaker: Option<(usize, usize)>,
    /// Token range of a proper name in apposition after the phrase.
    apposition: Option<(usize, usize)>,
    how: How,
    /// For continuations: the attribution inherited from.
    from: Option<usize>,
    block: u32,
    starts_unit: bool,
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "this",
    "that", "such", "any", "some", "no", "whose", "every", "each",
];

const AUX_ADV: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "never",
    "later",
    "then",
    "once",
    "previously",
    "recently",
    "again",
    "further",
    "yesterday",
    "today",
    "earlier",
    "already",
    "still",
    "just",
    "even",
    "reportedly",
    "repeatedly",
    "privately",
    "publicly",
    "often",
    "always",
    "has",
    "n't",
    "tonight",
    "now",
];

/// Words that end a subject noun phrase when walking back from the verb.
const STOP_BACK: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "when",
    "while",
    "because",
    "but",
    "and",
    "or",
    "as",
    "if",
    "after",
    "before",
    "although",
    "though",
    "since",
    "until",
    "where",
    "so",
    "than",
    "what",
    "how",
    "why",
    "whether",
    "meanwhile",
    "however",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "to",
    "in",
    "on",
    "during",
    "by",
    "into",
    "under",
    "over",
    "about",
    "against",
    "between",
    "through",
    "without",
    "not",
    "also",
    "there",
    "here",
    "yet",
    "instead",
    "later",
    "earlier",
    "then",
    "now",
    "still",
    "just",
    "even",
    "only",
    "like",
    "unlike",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Words that end a noun phrase after an inverted cue ("said Kerry at a news conference").
const STOP_AFTER: &[&str] = &[
    "who",
    "which",
    "that",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "to",
    "but",
    "because",
    "last",
    "yesterday",
    "today",
    "earlier",
    "later",
    "tonight",
    "this",
    "than",
    "if",
    "since",
    "adding",
    "noting",
    "referring",
    "speaking",
    "citing",
    "explaining",
    "according",
    "via",
    "by",
    "about",
    "into",
    "over",
    "under",
    "told",
    "said",
    "says",
];

/// Words that may follow a short partial quote without making it a modifier.
const CONTINUE: &[&str] = &[
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "with",
    "by",
    "from",
    "as",
    "that",
    "which",
    "who",
    "when",
    "while",
    "because",
    "if",
    "after",
    "before",
    "over",
    "about",
    "than",
    "until",
    "since",
    "despite",
    "during",
    "rather",
    "instead",
    "unless",
    "though",
    "although",
    "so",
    "nor",
    "against",
    "amid",
    "into",
    "is",
    "was",
    "are",
    "were",
    "he",
    "she",
    "they",
    "it",
    "said",
    "says",
    "told",
    "according",
    "toward",
    "towards",
    "under",
    "between",
    "without",
];

const LABELS: &[&str] = &[
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "term",
    "terms",
    "word",
    "words",
    "phrase",
    "slogan",
    "motto",
    "hashtag",
    "nicknamed",
    "label",
    "headlined",
    "named",
    "known",
];

/// Lower-case particles that may sit inside a proper name.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "al", "bin", "la", "le", "del", "di", "the", "of", "for", "and",
    "du", "el",
];

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

struct Ctx<'a> {
    doc: &'a Doc,
    text: &'a str,
    toks: Vec<Tok>,
    unit_first: Vec<usize>,
    unit_end: Vec<usize>,
    quoted: Vec<marks::Quoted>,
    cues: Vec<Cue>,
}

impl<'a> Ctx<'a> {
    fn w(&self, i: usize) -> &'a str {
        let s = self.toks[i].span;
        &self.text[s.start..s.end]
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        i < self.toks.len() && is_in(list, self.w(i))
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        i < self.toks.len() && !self.toks[i].word && self.w(i) == p
    }

    fn sentence_end(&self, i: usize) -> bool {
        !self.toks[i].word && matches!(self.w(i), "." | "?" | "!" | ";")
    }

    fn is_mark(&self, i: usize) -> bool {
        !self.toks[i].word
            && matches!(
                self.w(i),
                "“" | "”" | "\"" | "''" | "‘" | "’" | "'" | "«" | "»"
            )
    }

    fn find_cues(&mut self) {
        let lex = &*lexicon::LEXICON;
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = self.toks[i];
            let unit_initial = t.cap
                && (i == 0 || self.toks[i - 1].unit != t.unit || self.toks[i - 1].quote.is_some());
            if !t.word || (t.cap && !unit_initial) || t.quote.is_some() {
                i += 1;
                continue;
            }
            let lower;
            let w = if t.cap {
                lower = self.w(i).to_lowercase();
                lower.as_str()
            } else {
                self.w(i)
            };
            let Some(forms) = lex.cues.get(w) else {
                i += 1;
                continue;
            };
            let hit = forms.iter().find(|(rest, _)| {
                rest.iter().enumerate().all(|(k, r)| {
                    let j = i + 1 + k;
                    j < n && self.toks[j].quote.is_none() && self.w(j) == *r
                })
            });
            // "his remarks", "the claims": a noun, not a verb.
            const NOUN_DET: &[&str] = &[
                "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
                "those", "such", "whose",
            ];
            let noun = i > 0 && self.is(i - 1, NOUN_DET);
            if let Some((rest, class)) = hit
                && !noun
            {
                self.cues.push(Cue {
                    t0: i,
                    t1: i + 1 + rest.len(),
                    class: *class,
                });
                i += 1 + rest.len();
            } else {
                i += 1;
            }
        }
    }

    fn cue_span(&self, c: &Cue) -> Span {
        Span::new(self.toks[c.t0].span.start, self.toks[c.t1 - 1].span.end)
    }

    fn cue_at(&self, i: usize) -> Option<usize> {
        let k = self.cues.partition_point(|c| c.t0 < i);
        (k < self.cues.len() && self.cues[k].t0 == i).then_some(k)
    }

    fn tok_at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < offset)
    }

    /// The subject noun phrase ending before the verb at `v`, not reaching before `lo`.
    fn subject_before(&self, v: usize, lo: usize) -> Option<(usize, usize)> {
        let mut j = v;
        while j > lo
            && self.toks[j - 1].word
            && !self.toks[j - 1].cap
            && (self.is(j - 1, AUX_ADV)
                || (self.w(j - 1).ends_with("ly") && self.w(j - 1).len() > 4))
        {
            j -= 1;
        }
        if j > lo && self.is(j - 1, &WEEKDAYS) {
            j -= 1;
            if j > lo && self.is(j - 1, &["on"]) {
                j -= 1;
            }
        }
        if j > lo && self.punct(j - 1, ",") {
            // A parenthetical between subject and verb: "Kerry, speaking in Lausanne, said".
            let mut k = j - 1;
            let mut found = None;
            while k > lo {
                k -= 1;
                if self.sentence_end(k) || j - k > 25 {
                    break;
                }
                if self.punct(k, ",") {
                    found = Some(k);
                    break;
                }
            }
            let k = found?;
            if k <= lo || !self.toks[k - 1].word {
                return None;
            }
            j = k;
        }
        if j > lo && self.punct(j - 1, ")") {
            // "Sen. Ada Linn (D-Vt.) said"
            let open = (lo..j - 1).rev().take(12).find(|&k| self.punct(k, "("))?;
            j = open;
        }
        let end = j;
        if end > lo && self.toks[end - 1].word && self.is(end - 1, PRONOUNS) {
            return Some((end - 1, end));
        }
        while j > lo {
            let t = self.toks[j - 1];
            if !t.word || t.quote.is_some() {
                break;
            }
            if self.is(j - 1, STOP_BACK) {
                let and_names = self.is(j - 1, &["and"])
                    && j - 1 > lo
                    && self.toks[j - 2].cap
                    && self.toks[j].cap;
                if !and_names {
                    break;
                }
            }
            if self.cue_at(j - 1).is_some() || self.is(j - 1, PRONOUNS) {
                break;
            }
            j -= 1;
            if end - j >= 10 {
                break;
            }
        }
        while j < end && self.is(j, &["of", "for", "from", "at", "with", "and"]) {
            j += 1;
        }
        if j >= end {
            return None;
        }
        // "the meeting Kerry": keep the proper name when a plain word stands before it.
        let last_cap = (j..end).rev().take_while(|&i| self.toks[i].cap).last();
        if let Some(c) = last_cap
            && c > j
            && !self.toks[c - 1].cap
            && !self.is(c - 1, DETERMINERS)
            && !self.is(c - 1, NAME_PARTICLES)
            && !lexicon::LEXICON.roles.contains_key(self.w(c - 1))
            && !self.w(c - 1).ends_with("’s")
            && !self.w(c - 1).ends_with("'s")
            && (j..c).any(|i| !self.toks[i].cap && self.is(i, DETERMINERS))
        {
            j = c;
        }
        Some((j, end))
    }

    /// A name after a dash that closes a quotation: capitalised words up to the end of the
    /// line or a comma.
    fn dash_name(&self, s: usize) -> Option<(usize, usize)> {
        let mut j = s;
        while j < self.toks.len()
            && self.toks[j].word
            && self.toks[j].quote.is_none()
            && (self.toks[j].cap || (j > s && self.is(j, NAME_PARTICLES)))
            && self.toks[j].block == self.toks[s].block
            && j - s < 6
        {
            j += 1;
        }
        while j > s && !self.toks[j - 1].cap {
            j -= 1;
        }
        let ends = j >= self.toks.len()
            || !self.toks[j].word
            || self.toks[j].unit != self.toks[j - 1].unit
            || self.toks[j].block != self.toks[j - 1].block;
        (j > s && ends).then_some((s, j))
    }

    /// A proper name (with the role words right before it) ending at `end`.
    fn name_before(&self, end: usize, lo: usize) -> Option<(usize, usize)> {
        let mut j = end;
        while j > lo
            && self.toks[j - 1].word
            && self.toks[j - 1].cap
            && self.toks[j - 1].quote.is_none()
        {
            j -= 1;
        }
        if j == end || self.is(end - 1, PRONOUNS) {
            return None;
        }
        while j > lo && self.toks[j - 1].word && lexicon::LEXICON.roles.contains_key(self.w(j - 1))
        {
            j -= 1;
        }
        Some((j, end))
    }

    /// The subject at the start of a sentence: a pronoun, a name ("Band member Flea"),
    /// or a determiner and its noun ("The email"). Leading adverbials ("Later on Sunday,",
    /// "When") and conjunctions are skipped.
    fn sentence_subject(&self, lo: usize, limit: usize) -> Option<(usize, usize)> {
        let mut s = lo;
        while s < limit && (!self.toks[s].word || self.toks[s].quote.is_some()) {
            s += 1;
        }
        const LEAD: &[&str] = &[
            "back",
            "even",
            "just",
            "only",
            "when",
            "after",
            "later",
            "in",
            "on",
            "at",
            "as",
            "while",
            "before",
            "since",
            "during",
            "if",
            "although",
            "though",
            "meanwhile",
            "however",
            "then",
            "earlier",
            "still",
            "yet",
            "speaking",
            "asked",
            "also",
            "now",
            "here",
            "there",
            "today",
            "yesterday",
            "last",
            "this",
            "once",
            "by",
            "for",
            "with",
            "from",
            "under",
            "despite",
            "instead",
            "indeed",
        ];
        for _ in 0..2 {
            if s < limit && self.toks[s].word && self.is(s, LEAD) {
                match (s..limit).find(|&k| self.punct(k, ",")) {
                    Some(c) if c - s <= 12 => s = c + 1,
                    _ => s += 1,
                }
            }
            while s < limit && self.is(s, &["but", "and", "so", "or", "yet"]) {
                s += 1;
            }
            // "Specifically, …", "Smiling, …" (but not "Silverman, a supporter, …")
            if s + 1 < limit && self.punct(s + 1, ",") {
                let w = self.w(s);
                if w.ends_with("ly") || w.ends_with("ing") || w.ends_with("ed") || self.is(s, LEAD)
                {
                    s += 2;
                }
            }
        }
        if s >= limit || !self.toks[s].word || self.toks[s].quote.is_some() {
            return None;
        }
        if self.is(s, PRONOUNS) {
            return Some((s, s + 1));
        }
        let mut j = s;
        if self.is(s, DETERMINERS) {
            j += 1;
            if j < limit
                && self.toks[j].word
                && !self.toks[j].cap
                && !self.is(j, STOP_BACK)
                && self.cue_at(j).is_none()
            {
                return Some((s, j + 1));
            }
        }
        while j < limit
            && self.toks[j].word
            && self.toks[j].quote.is_none()
            && (self.toks[j].cap
                || (j + 1 < limit
                    && self.toks[j + 1].cap
                    && self.toks[j + 1].word
                    && !self.is(j, STOP_BACK)
                    && self.cue_at(j).is_none()))
        {
            j += 1;
        }
        while j > s && !self.toks[j - 1].cap {
            j -= 1;
        }
        let colon = j < self.toks.len() && self.punct(j, ":");
        // A lone capitalised word opening the sentence ("Smiling, …", "Back in 1999 …") is a
        // name only if the text also capitalises it inside a sentence.
        let lone = j == s + 1 && self.unit_first[self.toks[s].unit as usize] == s;
        if lone && !self.capitalised_elsewhere(s) {
            let w = self.w(s);
            let verb_next = j < self.toks.len()
                && self.toks[j].word
                && !self.toks[j].cap
                && !self.is(j, STOP_BACK)
                && !self.is(j, &["of", "for", "from", "at", "with", "than"]);
            // "Silverman, herself a supporter, …": a name with an apposition.
            let apposition = self.punct(j, ",") && !self.is(s, &WEEKDAYS);
            if !(verb_next || apposition)
                || w.ends_with("ing")
                || w.ends_with("ly")
                || w.ends_with("ed")
            {
                return None;
            }
        }
        (j > s && !colon && !(j == s + 1 && self.is(s, DETERMINERS))).then_some((s, j))
    }

    fn capitalised_elsewhere(&self, s: usize) -> bool {
        let w = self.w(s);
        self.toks.iter().enumerate().any(|(i, t)| {
            i != s
                && t.cap
                && i > 0
                && self.toks[i - 1].unit == t.unit
                && self.toks[i - 1].word
                && self.w(i) == w
        })
    }

    /// The noun phrase after an inverted cue ending at `t1`: "said a spokesman for the ministry".
    fn np_after(&self, t1: usize, hi: usize) -> Option<(usize, usize)> {
        let mut j = t1;
        while j < hi && j < self.toks.len() {
            let t = self.toks[j];
            if !t.word || t.quote.is_some() {
                break;
            }
            let by_author = self.is(j, &["by"]) && j > t1 && self.w(j - 1).ends_with("ed");
            if (self.is(j, STOP_AFTER) && !by_author) || (t.cap && self.is(j, &WEEKDAYS)) {
                break;
            }
            if self.is(j, &["and"]) && !self.toks.get(j + 1).is_some_and(|n| n.cap) {
                break;
            }
            j += 1;
            if j - t1 >= 12 {
                break;
            }
        }
        while j > t1 && self.is(j - 1, &["and", "of", "for", "from", "with"]) {
            j -= 1;
        }
        (j > t1).then_some((t1, j))
    }

    /// A proper name in apposition after `end`: ", Save the Children".
    fn apposition(&self, end: usize) -> Option<(usize, usize)> {
        if !self.punct(end, ",") {
            return None;
        }
        let s = end + 1;
        let mut j = s;
        while j < self.toks.len()
            && self.toks[j].word
            && (self.toks[j].cap || (j > s && self.is(j, NAME_PARTICLES)))
        {
            j += 1;
        }
        while j > s && !self.toks[j - 1].cap {
            j -= 1;
        }
        let ends = j >= self.toks.len() || self.punct(j, ",") || self.sentence_end(j);
        (j > s && ends).then_some((s, j))
    }

    fn words_in(&self, q: usize) -> usize {
        let c = self.quoted[q].content;
        let (a, b) = (self.tok_at(c.start), self.tok_at(c.end));
        (a..b).filter(|&i| self.toks[i].word).count()
    }

    fn title_case(&self, q: usize) -> bool {
        let c = self.quoted[q].content;
        let (a, b) = (self.tok_at(c.start), self.tok_at(c.end));
        let words: Vec<usize> = (a..b).filter(|&i| self.toks[i].word).collect();
        !words.is_empty()
            && words.iter().all(|&i| {
                self.toks[i].cap
                    || (self.w(i).len() <= 4 && self.is(i, NAME_PARTICLES))
                    || self.is(
                        i,
                        &[
                            "a", "an", "in", "on", "to", "at", "is", "with", "for", "from", "by",
                            "or",
                        ],
                    )
            })
    }

    fn run(&self) -> Vec<Attribution> {
        let mut found: Vec<Found> = Vec::new();
        let mut direct_cues: Vec<usize> = Vec::new();
        for q in 0..self.quoted.len() {
            if let Some((f, cue)) = self.attach_quote(q) {
                if let Some(c) = cue
                    && f.kind == QuoteKind::Direct
                {
                    direct_cues.push(c);
                }
                found.push(f);
            }
        }
        for (ci, c) in self.cues.iter().enumerate() {
            if direct_cues.contains(&ci) {
                continue;
            }
            if let Some(f) = self.indirect(c) {
                found.push(f);
            }
        }
        found.sort_by_key(|f| f.span.start);
        // Continuations: inherit the latest speaker of this or the previous paragraph.
        for i in 0..found.len() {
            if found[i].speaker.is_some()
                || !(found[i].starts_unit || found[i].how == How::Participle)
            {
                continue;
            }
            let first_of_block = {
                let oi = self.tok_at(found[i].span.start).saturating_sub(1);
                oi == 0 || self.toks[oi - 1].block != self.toks[oi].block
            };
            let donor = (0..i).rev().find(|&k| {
                found[k].speaker.is_some()
                    && (found[k].block == found[i].block
                        || (first_of_block && found[k].block + 1 == found[i].block))
            });
            if let Some(k) = donor {
                let (sp, ap, cue) = (found[k].speaker, found[k].apposition, found[k].cue);
                let f = &mut found[i];
                f.speaker = sp;
                f.apposition = ap;
                if f.cue.is_none() {
                    f.cue = cue;
                }
                if f.how != How::Participle {
                    f.how = How::Continuation;
                }
                f.from = Some(k);
            } else if found[i].how == How::None {
                // No speaker so far: the one the previous sentence is about ("Valastro praised
                // Christie’s leadership. / “We need someone …”").
                let oi = self.tok_at(found[i].span.start).saturating_sub(1);
                let unit = self.toks[oi].unit as usize;
                if unit > 0
                    && self.unit_first[unit - 1] != usize::MAX
                    && self.toks[self.unit_first[unit - 1]].block + 1 >= found[i].block
                {
                    let (a, b) = (self.unit_first[unit - 1], self.unit_end[unit - 1]);
                    if let Some(np) = self.sentence_subject(a, b)
                        && (self.toks[np.1 - 1].cap || self.is(np.0, PRONOUNS))
                    {
                        found[i].speaker = Some(np);
                        found[i].how = How::PreviousSubject;
                    }
                }
            }
        }
        let mut resolver = Resolver::new(self);
        let mut out = Vec::with_capacity(found.len());
        for f in &found {
            if f.how == How::None && f.speaker.is_none() && f.kind == QuoteKind::Indirect {
                continue;
            }
            let sp = f
                .speaker
                .map(|(a, b)| Span::new(self.toks[a].span.start, self.toks[b - 1].span.end));
            let (speaker, speaker_name) = match f.speaker {
                Some(r) => resolver.resolve(r, f.apposition, &found, f),
                None => (None, None),
            };
            let event = self.event_for(f.cue, speaker, f.span);
            out.push(Attribution {
                quote: Quote {
                    span: f.span,
                    kind: f.kind,
                    speaker,
                    speaker_name,
                    cue: f.cue,
                    event,
                },
                speaker_span: sp,
                rule: f.how.name(),
            });
        }
        out
    }

    /// Attach one quoted stretch; `None` drops it as a scare quote or title.
    fn attach_quote(&self, q: usize) -> Option<(Found, Option<usize>)> {
        let qt = self.quoted[q];
        let oi = self.tok_at(qt.open.start);
        let ci = qt.close.map(|c| self.tok_at(c.start));
        let unit = self.toks[oi].unit as usize;
        let lo = self.unit_first[unit];
        let starts_unit = (lo..oi).all(|i| self.toks[i].quote.is_some() || !self.toks[i].word);
        let nwords = self.words_in(q);
        let block = self.toks[oi].block;
        let mut f = Found {
            span: qt.content,
            kind: QuoteKind::Direct,
            cue: None,
            speaker: None,
            apposition: None,
            how: How::None,
            from: None,
            block,
            starts_unit,
        };
        let mut cue_used = None;
        // 1. A cue after the quote.
        if let Some(ci) = ci {
            let last = self.text[..qt.content.end]
                .trim_end_matches(['’', '\'', '”', '"', ' '])
                .chars()
                .next_back()
                .unwrap_or(' ');
            let mut j = ci + 1;
            let comma_after = self.punct(j, ",");
            if comma_after {
                j += 1;
            }
            let open_end = matches!(last, ',' | '?' | '!' | '—' | '–' | '-' | '…');
            // The credit on a line of its own after a quoted paragraph: "“…”" / "-Michelle Marks".
            let ends_block = (ci + 1..self.toks.len())
                .take_while(|&k| self.toks[k].block == block)
                .all(|k| !self.toks[k].word);
            if ends_block
                && starts_unit
                && let Some(d) = (ci + 1..self.toks.len()).find(|&k| self.toks[k].block != block)
                && self.toks[d].block == block + 1
                && matches!(self.w(d), "—" | "–" | "―" | "-" | "--")
                && let Some(np) = self.dash_name(d + 1)
            {
                f.speaker = Some(np);
                f.cue = Some(self.toks[d].span);
                f.how = How::After;
            } else if j < self.toks.len()
                && self.toks[j].block == block
                && self.toks[j].quote.is_none()
            {
                let hi = (j + 16).min(self.toks.len());
                let dash = !comma_after && matches!(self.w(j), "—" | "–" | "―" | "-" | "--");
                if dash && let Some(np) = self.dash_name(j + 1) {
                    // "“…” ― Sonya Herridge", "—Albert Einstein"
                    f.speaker = Some(np);
                    f.cue = Some(self.toks[j].span);
                    f.how = How::After;
                } else if let Some(k) = self.cue_at(j) {
                    let c = self.cues[k];
                    if c.class != CueClass::Think
                        && (open_end
                            || comma_after
                            || matches!(c.class, CueClass::Say | CueClass::Quote))
                        && let Some(np) = self.np_after(c.t1, hi)
                    {
                        f.speaker = Some(np);
                        f.apposition = self.apposition(np.1);
                        f.how = How::AfterInverted;
                        f.cue = Some(self.cue_span(&c));
                        cue_used = Some(k);
                    }
                } else {
                    let mut stop = j;
                    while stop < hi
                        && self.toks[stop].block == block
                        && !self.sentence_end(stop)
                        && self.cue_at(stop).is_none()
                    {
                        if self.punct(stop, "(")
                            && let Some(close) = (stop..hi).find(|&k| self.punct(k, ")"))
                        {
                            stop = close;
                        }
                        stop += 1;
                    }
                    // After a full stop inside the marks, only a short "Trump said." follows.
                    let short_tail = |k: usize| {
                        let t1 = self.cues[k].t1;
                        (t1..(t1 + 5).min(self.toks.len())).any(|i| self.sentence_end(i))
                    };
                    if let Some(k) = self.cue_at(stop)
                        && self.toks[stop].block == block
                        && matches!(
                            self.cues[k].class,
                            CueClass::Say | CueClass::Tell | CueClass::Quote
                        )
                        && (open_end || comma_after || short_tail(k))
                        && let Some(np) = self.subject_before(stop, j)
                        && (j..np.0).all(|i| self.toks[i].word && self.toks[i].quote.is_none())
                    {
                        f.speaker = Some(np);
                        f.how = How::After;
                        f.cue = Some(self.cue_span(&self.cues[k]));
                        cue_used = Some(k);
                    }
                }
            }
        }
        // 2. A cue before the quote, in its sentence or a sentence ending with a colon.
        if f.how == How::None {
            let (a, colon_prev) =
                if starts_unit && unit > 0 && self.unit_first[unit - 1] != usize::MAX {
                    let pu = unit - 1;
                    let last = self.unit_end[pu] - 1;
                    if self.punct(last, ":") && self.toks[last].block + 1 >= block {
                        (self.unit_first[pu], true)
                    } else {
                        (lo, false)
                    }
                } else {
                    (lo, false)
                };
            let end = if colon_prev {
                self.unit_end[unit - 1]
            } else {
                oi
            };
            let cue = self
                .cues
                .iter()
                .enumerate()
                .rev()
                .find(|(_, c)| c.t0 >= a && c.t1 <= end && c.class != CueClass::Think);
            if let Some((k, c)) = cue {
                let c = *c;
                f.cue = Some(self.cue_span(&c));
                cue_used = Some(k);
                let participle = self.w(c.t0).ends_with("ing");
                if c.class == CueClass::Accord {
                    f.speaker = self.np_after(c.t1, end);
                    f.how = How::Before;
                } else if participle {
                    f.how = How::Participle;
                } else if let Some(np) = self.subject_before(c.t0, a) {
                    f.speaker = Some(np);
                    f.how = How::Before;
                } else if let Some(np) = self.np_after(c.t1, end) {
                    f.speaker = Some(np);
                    f.apposition = self.apposition(np.1);
                    f.how = How::BeforeInverted;
                } else {
                    f.how = How::Participle;
                }
                if f.speaker.is_none() && f.how != How::Participle {
                    f.how = How::Participle;
                }
            } else if oi > a && self.punct(end - 1, ":") {
                // "Pat Caddell: ‘…’"
                let label_start = (a..end - 1)
                    .rev()
                    .take_while(|&i| self.toks[i].word && self.toks[i].quote.is_none())
                    .last();
                if let Some(s) = label_start
                    && end - 1 - s <= 6
                    && (s..end - 1).any(|i| self.toks[i].cap)
                    && (s == a || !self.toks[s - 1].word)
                {
                    f.speaker = Some((s, end - 1));
                    f.cue = Some(self.toks[end - 1].span);
                    f.how = How::Colon;
                } else if let Some(np) = self.name_before(end - 1, a) {
                    // "… was no shock to longtime forecaster Ines Braga: “…”"
                    f.speaker = Some(np);
                    f.cue = Some(self.toks[end - 1].span);
                    f.how = How::Colon;
                }
            }
        }
        // A cue without its own subject ("…, writing “…”", "goes on to say: “…”"), or a quote
        // inside a sentence with no speech verb ("Trump boomed: “…”"): the sentence subject.
        if f.speaker.is_none() && (f.how == How::Participle || (f.how == How::None && !starts_unit))
        {
            let limit = f.cue.map_or(oi, |c| self.tok_at(c.start)).min(oi);
            if let Some(np) = self.sentence_subject(lo, limit) {
                f.speaker = Some(np);
                if f.how == How::None {
                    f.how = How::Subject;
                }
            }
        }
        // Kind.
        let prev = (oi > 0).then(|| oi - 1);
        let after_colon_or_comma = prev.is_some_and(|p| self.punct(p, ":") || self.punct(p, ","));
        let first_upper = self.text[qt.content.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let ends_unit = ci.is_none_or(|ci| {
            ci + 1 >= self.toks.len()
                || self.toks[ci + 1].unit != self.toks[ci].unit
                || self.sentence_end(ci + 1)
        });
        f.kind = match f.how {
            How::After | How::AfterInverted => {
                if starts_unit {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                }
            }
            How::None | How::Subject => {
                if starts_unit {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                }
            }
            _ => {
                if starts_unit || after_colon_or_comma || (first_upper && ends_unit && nwords >= 4)
                {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                }
            }
        };
        // Scare quotes and titles.
        let next_word = ci.and_then(|ci| {
            let n = ci + 1;
            (n < self.toks.len() && self.toks[n].word && self.toks[n].unit == self.toks[ci].unit)
                .then_some(n)
        });
        // A modifier has a noun after it and no punctuation of its own: “moderate” groups
        // (but not ‘revolution,’ ignores losses).
        let own_punct = self.text[..qt.content.end].ends_with([',', '.', '!', '?', ';', ':']);
        let modifier =
            !own_punct && next_word.is_some_and(|n| !self.toks[n].cap && !self.is(n, CONTINUE));
        let labelled = prev.is_some_and(|p| self.is(p, LABELS));
        match f.how {
            How::After | How::AfterInverted => {}
            How::None | How::Subject => {
                if nwords <= 3 || self.title_case(q) || modifier || labelled {
                    return None;
                }
            }
            _ => {
                if f.kind == QuoteKind::Partial && nwords <= 3 && (modifier || labelled) {
                    return None;
                }
                // A title: "said on “Meet the Press.”", "CNN’s “State of the Union”".
                let title_slot = prev.is_some_and(|p| {
                    labelled
                        || self.is(
                            p,
                            &[
                                "on", "in", "of", "at", "to", "from", "with", "for", "the", "a",
                                "an",
                            ],
                        )
                        || self.w(p).ends_with("’s")
                        || self.w(p).ends_with("'s")
                });
                if f.kind == QuoteKind::Partial && title_slot && nwords <= 8 && self.title_case(q) {
                    return None;
                }
            }
        }
        Some((f, cue_used))
    }

    /// A reported clause introduced by the cue `c`, if any.
    fn indirect(&self, c: &Cue) -> Option<Found> {
        let unit = self.toks[c.t0].unit as usize;
        let lo = self.unit_first[unit];
        let hi = self.unit_end[unit];
        let block = self.toks[c.t0].block;
        // Clause end: the sentence's last token before final punctuation.
        let mut e = hi;
        while e > c.t1 && !self.toks[e - 1].word && !self.is_mark(e - 1) {
            e -= 1;
        }
        let span_of =
            |a: usize, b: usize| Span::new(self.toks[a].span.start, self.toks[b - 1].span.end);
        let mk = |span: Span, speaker, apposition, how| Found {
            span,
            kind: QuoteKind::Indirect,
            cue: Some(self.cue_span(c)),
            speaker,
            apposition,
            how,
            from: None,
            block,
            starts_unit: false,
        };
        if c.class == CueClass::Accord {
            let np = self.np_after(c.t1, hi)?;
            if c.t0 > lo && self.punct(c.t0 - 1, ",") {
                // "…, according to X."
                let b = c.t0 - 1;
                return self.clause_ok(lo, b).then(|| {
                    mk(
                        span_of(lo, b),
                        Some(np),
                        self.apposition(np.1),
                        How::Indirect,
                    )
                });
            }
            if c.t0 == lo && self.punct(np.1, ",") && np.1 + 1 < e {
                return self
                    .clause_ok(np.1 + 1, e)
                    .then(|| mk(span_of(np.1 + 1, e), Some(np), None, How::Indirect));
            }
            return None;
        }
        // Passive ("was told", "is said to") and infinitive ("to say") uses report no speaker.
        if c.t0 > lo
            && self.is(
                c.t0 - 1,
                &["is", "was", "were", "are", "been", "be", "being", "to"],
            )
        {
            return None;
        }
        let subj = self.subject_before(c.t0, lo);
        // Inverted: "…, Kerry said." / "…, said Kerry."
        // What may follow an inverted cue before the sentence ends: nothing, an apposition,
        // a recipient of "told", or a short adjunct ("on Friday", "in a statement").
        let tail_short = |from: usize| {
            let mut k = from;
            if c.class == CueClass::Tell && k < e && self.toks[k].word {
                k += 1;
                while k < e && self.toks[k].cap {
                    k += 1;
                }
            }
            if k >= e || self.punct(k, ",") {
                return true;
            }
            const ADJUNCT: &[&str] = &[
                "in",
                "on",
                "at",
                "during",
                "last",
                "this",
                "earlier",
                "later",
                "yesterday",
                "today",
                "tonight",
                "after",
                "before",
                "when",
                "while",
                "as",
                "adding",
                "referring",
                "speaking",
                "citing",
                "via",
                "through",
                "recently",
                "previously",
                "repeatedly",
                "told",
                "wrote",
            ];
            (self.is(k, ADJUNCT) || self.is(k, &WEEKDAYS))
                && e - k <= 8
                && (k..e).all(|i| !self.is(i, &["that"]) && self.cue_at(i).is_none())
        };
        if let Some(np) = subj
            && np.0 > lo
            && self.punct(np.0 - 1, ",")
            && tail_short(c.t1)
        {
            let b = np.0 - 1;
            if self.clause_ok(lo, b) && !self.all_quoted(lo, b) {
                return Some(mk(span_of(lo, b), Some(np), None, How::Indirect));
            }
            return None;
        }
        // Only the usual verbs of a tag come before their subject: "…, said Kerry."
        const INVERTING: &[&str] = &[
            "said",
            "says",
            "added",
            "adds",
            "noted",
            "notes",
            "explained",
            "wrote",
            "writes",
            "continued",
            "asked",
            "replied",
            "recalled",
            "insisted",
            "argued",
            "warned",
        ];
        if c.t0 > lo
            && self.punct(c.t0 - 1, ",")
            && c.t1 == c.t0 + 1
            && self.is(c.t0, INVERTING)
            && let Some(np) = self.np_after(c.t1, hi)
            && tail_short(np.1)
        {
            let b = c.t0 - 1;
            if self.clause_ok(lo, b) && !self.all_quoted(lo, b) {
                return Some(mk(
                    span_of(lo, b),
                    Some(np),
                    self.apposition(np.1),
                    How::Indirect,
                ));
            }
            return None;
        }
        let subj = subj?;
        // Forward: "Kerry said (that) …", "Kerry told reporters (that) …".
        let mut j = c.t1;
        let that =
            (j..(j + 9).min(e)).find(|&i| self.is(i, &["that"]) && self.toks[i].quote.is_none());
        let blocked = |to: usize| (j..to).any(|i| !self.toks[i].word);
        if let Some(t) = that
            && !blocked(t)
        {
            j = t + 1;
        } else {
            if c.class == CueClass::Quote {
                return None;
            }
            if c.class == CueClass::Tell {
                // Skip the recipient: a pronoun, a name, or a short noun phrase.
                if self.is(
                    j,
                    &["him", "her", "them", "us", "me", "reporters", "journalists"],
                ) {
                    j += 1;
                } else if j < e && self.toks[j].cap {
                    while j < e && (self.toks[j].cap || self.is(j, NAME_PARTICLES)) {
                        j += 1;
                    }
                } else if self.is(j, DETERMINERS) {
                    j += (2).min(e - j);
                    while j < e && self.toks[j].cap {
                        j += 1;
                    }
                } else {
                    j += 1;
                }
            }
            // Time and place adjuncts right after the verb.
            loop {
                if self.is(j, &WEEKDAYS) {
                    j += 1;
                } else if self.is(j, &["on"]) && self.is(j + 1, &WEEKDAYS) {
                    j += 2;
                } else {
                    break;
                }
            }
            if c.class == CueClass::Think
                && !(j < e && (self.toks[j].cap || self.is(j, PRONOUNS) || self.is(j, DETERMINERS)))
            {
                return None;
            }
        }
        if j >= e || !self.toks[j].word && !self.is_mark(j) {
            return None;
        }
        if self.is(
            j,
            &[
                "to",
                "about",
                "of",
                "for",
                "with",
                "on",
                "in",
                "at",
                "by",
                "so",
                "it",
                "nothing",
                "anything",
                "something",
                "this",
                "yes",
                "no",
            ],
        ) && that.is_none()
        {
            return None;
        }
        // A direct quotation that makes up the whole clause is reported as such already.
        if self.all_quoted(j, e) {
            return None;
        }
        let _ = block;
        self.clause_ok(j, e)
            .then(|| mk(span_of(j, e), Some(subj), None, How::Indirect))
    }

    fn clause_ok(&self, a: usize, b: usize) -> bool {
        b > a && (a..b).filter(|&i| self.toks[i].word).count() >= 3
    }

    fn all_quoted(&self, a: usize, b: usize) -> bool {
        (a..b).all(|i| self.toks[i].quote.is_some() || !self.toks[i].word)
    }

    /// The event a quote reports: the event whose trigger is the cue; else an event in the
    /// cue's sentence with the speaker among its sources; else a verbal event (quad class 1
    /// or 3) whose trigger ends just before the quote in the same sentence ("issued a joint
    /// plea “to establish a ceasefire”").
    fn event_for(&self, cue: Option<Span>, speaker: Option<usize>, quote: Span) -> Option<usize> {
        let events = &self.doc.events;
        if let Some(cue) = cue {
            if let Some(i) = events.iter().position(|e| e.trigger.overlaps(cue)) {
                return Some(i);
            }
            if let Some(speaker) = speaker
                && let Some(sent) = self.doc.sentence_at(cue.start)
                && let Some(i) = events.iter().position(|e| {
                    e.sentence == sent && e.source.iter().any(|a| a.entity == Some(speaker))
                })
            {
                return Some(i);
            }
        }
        let sent = self.doc.sentence_at(quote.start.saturating_sub(1))?;
        events.iter().position(|e| {
            e.sentence == sent
                && matches!(e.quad_class, 1 | 3)
                && e.trigger.end <= quote.start
                && quote.start - e.trigger.end <= 8
        })
    }
}

/// A person named in the text, for pronoun resolution.
#[derive(Clone, Debug)]
struct Candidate {
    pos: usize,
    name: Span,
    gender: Gender,
    /// Named as the speaker of an attribution.
    speaker: bool,
    /// A journalist ("diplomatic editor James Bays").
    press: bool,
    /// The role noun that introduced the name, lowercase.
    role: Option<&'static str>,
}

struct Resolver<'c, 'a> {
    cx: &'c Ctx<'a>,
    /// Named people in text order, built on first use.
    people: Option<Vec<Candidate>>,
}

const TITLE_WORDS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "President",
    "Secretary",
    "Minister",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "General",
    "Gen.",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Judge",
    "Ambassador",
    "Envoy",
    "Chancellor",
    "Premier",
    "Sheikh",
    "Lord",
    "Lady",
    "Sir",
    "Pope",
    "Mayor",
    "Professor",
    "Prof.",
    "Rev.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Speaker",
    "Leader",
    "Chairman",
    "Director",
    "Commissioner",
    "State",
];

impl<'c, 'a> Resolver<'c, 'a> {
    fn new(cx: &'c Ctx<'a>) -> Self {
        Resolver { cx, people: None }
    }

    fn name_gender(&self, first: &str) -> Gender {
        match first.trim_end_matches('.') {
            "Mr" | "Sir" | "King" | "Prince" | "Lord" | "Sheikh" | "Pope" => Gender::Male,
            "Mrs" | "Ms" | "Miss" | "Queen" | "Princess" | "Lady" => Gender::Female,
            f => lexicon::LEXICON
                .names
                .get(f)
                .copied()
                .unwrap_or(Gender::Unknown),
        }
    }

    /// The trailing proper name of a token range ("Al Jazeera’s diplomatic editor James Bays"
    /// gives "James Bays"), if the range ends with one.
    fn trailing_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let cx = self.cx;
        if b == a || !cx.toks[b - 1].cap || cx.is(b - 1, PRONOUNS) {
            return None;
        }
        let mut s = b - 1;
        while s > a
            && (cx.toks[s - 1].cap
                || (s >= a + 2 && cx.is(s - 1, NAME_PARTICLES) && cx.toks[s - 2].cap))
        {
            s -= 1;
        }
        // A title or a possessive starts no name: "Al Jazeera’s Bays" → "Bays",
        // "Secretary of State John Kerry" → "John Kerry".
        if let Some(t) = (s..b - 1)
            .rev()
            .find(|&i| cx.is(i, TITLE_WORDS) || cx.w(i).ends_with("’s") || cx.w(i).ends_with("'s"))
        {
            s = t + 1;
            if s < b - 1 && cx.is(s, NAME_PARTICLES) {
                s += 2;
            }
        }
        let s = s.min(b - 1);
        Some((s, b))
    }

    fn people(&mut self, found: &[Found]) -> &[Candidate] {
        if self.people.is_none() {
            let cx = self.cx;
            let lex = &*lexicon::LEXICON;
            let mut v: Vec<Candidate> = Vec::new();
            let span_of =
                |a: usize, b: usize| Span::new(cx.toks[a].span.start, cx.toks[b - 1].span.end);
            // Titled and role-introduced names.
            let n = cx.toks.len();
            for i in 0..n {
                let t = cx.toks[i];
                if !t.word
                    || t.quote.is_some()
                    || i + 1 >= n
                    || !cx.toks[i + 1].cap
                    || cx.toks[i + 1].quote.is_some()
                {
                    continue;
                }
                let w = cx.w(i);
                if t.cap
                    && lex.names.contains_key(w)
                    && !(i > 0 && cx.toks[i - 1].cap && cx.toks[i - 1].word)
                {
                    // A given name and a surname: "Hillary Clinton".
                    let mut j = i + 1;
                    while j < n && cx.toks[j].cap && cx.toks[j].word {
                        j += 1;
                    }
                    v.push(Candidate {
                        pos: t.span.start,
                        name: span_of(i, j),
                        gender: self.name_gender(w),
                        speaker: false,
                        press: false,
                        role: None,
                    });
                    continue;
                }
                let role = lex.roles.get_key_value(w).filter(|_| !t.cap);
                if role.is_none() && !is_in(TITLE_WORDS, w) {
                    continue;
                }
                let mut j = i + 1;
                while j < n
                    && (cx.toks[j].cap
                        || (cx.is(j, NAME_PARTICLES)
                            && j + 1 < n
                            && cx.toks[j + 1].cap
                            && !cx.is(j, &["of", "for", "the", "and"])))
                {
                    j += 1;
                }
                let name = (i + 1, j);
                let mut gender = self.name_gender(cx.w(i + 1));
                if gender == Gender::Unknown {
                    gender = self.name_gender(w);
                }
                if let Some((_, r)) = role
                    && gender == Gender::Unknown
                {
                    gender = r.gender;
                }
                v.push(Candidate {
                    pos: cx.toks[i].span.start,
                    name: span_of(name.0, name.1),
                    gender,
                    speaker: false,
                    press: role.is_some_and(|(_, r)| r.press),
                    role: role.map(|(k, _)| *k),
                });
            }
            // Person entities.
            for e in &cx.doc.entities {
                if e.kind != EntityKind::Person {
                    continue;
                }
                for m in &e.mentions {
                    let first = cx.text[m.start..m.end]
                        .split_whitespace()
                        .next()
                        .unwrap_or("");
                    v.push(Candidate {
                        pos: m.start,
                        name: *m,
                        gender: self.name_gender(first),
                        speaker: false,
                        press: false,
                        role: None,
                    });
                }
            }
            // Named speakers.
            for f in found {
                if let Some((a, b)) = f.speaker
                    && f.from.is_none()
                    && let Some((s, e)) = self.trailing_name(a, b)
                {
                    let mut gender = self.name_gender(cx.w(s));
                    if gender == Gender::Unknown {
                        gender = (a..b)
                            .find_map(|i| lex.roles.get(cx.w(i)).map(|r| r.gender))
                            .unwrap_or(Gender::Unknown);
                    }
                    let press = (a..s).any(|i| lex.roles.get(cx.w(i)).is_some_and(|r| r.press));
                    v.push(Candidate {
                        pos: cx.toks[a].span.start,
                        name: span_of(s, e),
                        gender,
                        speaker: true,
                        press,
                        role: None,
                    });
                }
            }
            v.sort_by_key(|c| c.pos);
            // A surname inherits the gender of the full name seen before.
            for i in 0..v.len() {
                if v[i].gender != Gender::Unknown {
                    continue;
                }
                let last = last_word(&cx.text[v[i].name.start..v[i].name.end]);
                if let Some(g) = v[..i]
                    .iter()
                    .rev()
                    .find(|c| {
                        c.gender != Gender::Unknown
                            && last_word(&cx.text[c.name.start..c.name.end]) == last
                    })
                    .map(|c| c.gender)
                {
                    v[i].gender = g;
                }
            }
            self.people = Some(v);
        }
        self.people.as_deref().unwrap_or(&[])
    }

    /// Entity index and display name for a speaker phrase.
    fn resolve(
        &mut self,
        (a, b): (usize, usize),
        apposition: Option<(usize, usize)>,
        found: &[Found],
        f: &Found,
    ) -> (Option<usize>, Option<String>) {
        let cx = self.cx;
        let lex = &*lexicon::LEXICON;
        let pos = cx.toks[a].span.start;
        let text = |s: Span| cx.text[s.start..s.end].to_string();
        let span_of =
            |a: usize, b: usize| Span::new(cx.toks[a].span.start, cx.toks[b - 1].span.end);
        // Pronouns.
        if b - a == 1 && cx.is(a, &["he", "she"]) {
            let want = if cx.is(a, &["he"]) {
                Gender::Male
            } else {
                Gender::Female
            };
            let block = f.block;
            let ok = |c: &Candidate| c.pos < pos && c.gender != opposite(want);
            let people = self.people(found);
            let recent_speaker = people
                .iter()
                .rev()
                .find(|c| ok(c) && c.speaker && cx.toks[cx.tok_at(c.pos)].block + 3 >= block);
            let pick = recent_speaker.or_else(|| people.iter().rev().find(|c| ok(c)));
            return match pick.map(|c| c.name) {
                Some(s) => self.named(s),
                None => (None, None),
            };
        }
        if b - a == 1 && cx.is(a, PRONOUNS) {
            return (None, None);
        }
        // Head word: before the first "of/for/from", else the last word.
        let head = (a..b)
            .find(|&i| i > a && cx.is(i, &["of", "for", "from", "at", "with"]))
            .map_or(b - 1, |i| i - 1);
        let head_w = cx.w(head).to_lowercase();
        // Artifacts speak for their author.
        if lex.artifacts.contains(head_w.as_str()) {
            let author = (head + 1..b)
                .find(|&i| cx.is(i, &["from", "by", "of"]))
                .map(|i| (i + 1, b))
                .filter(|(s, e)| s < e);
            let pick = match (author, apposition) {
                (Some((s, e)), Some(ap)) if !(s..e).any(|i| cx.toks[i].cap) => Some(ap),
                (Some(r), _) => Some(r),
                (None, Some(ap)) => Some(ap),
                (None, None) => (a..head)
                    .find(|&i| cx.w(i).ends_with("’s") || cx.w(i).ends_with("'s"))
                    .map(|i| (a, i + 1)),
            };
            if let Some((s, e)) = pick {
                let mut sp = span_of(s, e);
                let t = &cx.text[sp.start..sp.end];
                if let Some(stripped) = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")) {
                    sp.end = sp.start + stripped.len();
                }
                let mut name = text(sp);
                for d in ["the ", "The "] {
                    if let Some(r) = name.strip_prefix(d) {
                        name = r.to_string();
                    }
                }
                return (self.entity_for(sp, Some(&name)), Some(name));
            }
            return (None, Some(text(span_of(a, b))));
        }
        // Definite role phrases: "our correspondent", "the spokesman".
        let definite = cx.is(a, &["the", "our", "this", "that"]);
        if definite
            && !(a..b).any(|i| cx.toks[i].cap)
            && let Some(role) = lex.roles.get(head_w.as_str())
        {
            let people = self.people(found);
            let pick = people.iter().rev().find(|c| {
                c.pos < pos
                    && if role.press {
                        c.press
                    } else {
                        c.role.is_some_and(|r| r == head_w)
                    }
            });
            if let Some(c) = pick {
                let s = c.name;
                return self.named(s);
            }
        }
        // A name or a descriptive phrase.
        if let Some(e) = self.entity_for(span_of(head, head + 1), None) {
            return (Some(e), Some(cx.doc.entities[e].name.clone()));
        }
        if let Some((s, e)) = self.trailing_name(a, b) {
            let sp = span_of(s, e);
            let ent = self.entity_for(sp, Some(&text(sp)));
            let name = ent.map_or_else(|| text(sp), |e| cx.doc.entities[e].name.clone());
            return (ent, Some(name));
        }
        (None, Some(text(span_of(a, b))))
    }

    /// Entity and display name for a name found in the text.
    fn named(&self, s: Span) -> (Option<usize>, Option<String>) {
        let text = &self.cx.text[s.start..s.end];
        let ent = self.entity_for(s, Some(text));
        let name = ent.map_or_else(
            || text.to_string(),
            |e| self.cx.doc.entities[e].name.clone(),
        );
        (ent, Some(name))
    }

    /// The entity with a mention overlapping `span`, else (given a name) the person or
    /// organisation whose name ends with the same word.
    fn entity_for(&self, span: Span, name: Option<&str>) -> Option<usize> {
        let ents = &self.cx.doc.entities;
        let speaking = |k: EntityKind| {
            matches!(
                k,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Group
                    | EntityKind::Country
            )
        };
        let by_mention = ents
            .iter()
            .enumerate()
            .filter(|(_, e)| speaking(e.kind))
            .find(|(_, e)| e.mentions.iter().any(|m| m.overlaps(span)))
            .map(|(i, _)| i);
        if by_mention.is_some() {
            return by_mention;
        }
        let name = name?;
        let last = last_word(name);
        ents.iter()
            .position(|e| speaking(e.kind) && (e.name == name || last_word(&e.name) == last))
    }
}

fn opposite(g: Gender) -> Gender {
    match g {
        Gender::Male => Gender::Female,
        Gender::Female => Gender::Male,
        Gender::Unknown => Gender::Unknown,
    }
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or("")
}

#[cfg(test)]
mod tests;
