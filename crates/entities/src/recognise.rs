//! Finding mentions, resolving them within the article, and coding them as CAMEO actors.
//!
//! Per sentence: scan words; match lexicon phrases (countries, demonyms, organisations, titles,
//! honorifics, group nouns) and user-dictionary names, longest first; gather the remaining
//! capitalised words into name runs. A run is a person when a title or honorific stands before
//! it, when an apposition with a title follows or precedes it ("Vitaly Churkin, Russia's UN
//! ambassador,"; "its foreign minister, Mohammad Javad Zarif"), when it starts with a given
//! name or an initial, when it is a known actor's name, when it speaks ("... said"), or when it
//! repeats part of a person named earlier or later ("Kerry" after "John Kerry"). Runs that end
//! in an organisation word are organisations; runs that look like place names are left for the
//! geo stage. Headlines and all-capitals lines only yield lexicon phrases and known names.

use crate::dict::{ActorDictionary, key_of};
use crate::lexicon::{HitKind, Resources};
use crate::scan::{self, Piece};
use dateline_doc::{Actor, BlockKind, Doc, Entity, EntityKind, Span};
use dateline_segment::is_alphabetic;
use jiff::civil::Date;
use rustc_hash::FxHashMap as HashMap;

/// Adjective endings of hyphenated words ("Moscow-backed", "US-led"): not names.
const ADJ_SUFFIXES: &[&str] = &[
    "backed",
    "based",
    "held",
    "led",
    "controlled",
    "born",
    "run",
    "owned",
    "funded",
    "allied",
    "style",
    "era",
    "made",
    "brokered",
    "linked",
    "affiliated",
    "aligned",
    "bound",
    "friendly",
    "wide",
    "speaking",
    "occupied",
    "dominated",
    "sponsored",
    "supported",
    "bred",
    "registered",
];

/// Short words that only title case capitalises inside a line ("Storm Hits Coast As Residents Flee").
const TITLE_CASE_WORDS: &[&str] = &[
    "The", "A", "An", "Of", "To", "In", "On", "At", "For", "With", "By", "As", "From", "And", "Or",
    "But", "Is", "Are", "Was", "Were", "Its", "Into", "Over", "After", "Be", "Has", "Will", "Not",
    "Up", "Out", "New",
];

/// Words that may stand between a nationality and a group noun ("Palestinian health ministry").
const GROUP_MODIFIERS: &[&str] = &[
    "health",
    "defence",
    "defense",
    "foreign",
    "interior",
    "finance",
    "state",
    "security",
    "armed",
    "special",
    "riot",
    "secret",
    "national",
    "federal",
    "local",
    "provincial",
    "regional",
    "elite",
    "state-run",
    "official",
    "justice",
    "education",
    "information",
    "intelligence",
    "air",
    "naval",
    "ground",
    "border",
];

/// Words that follow a group noun used as a noun ("the army said", "police have", "rebels in").
const FOLLOW_VERBS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "did",
    "does",
    "do",
    "and",
    "or",
    "in",
    "on",
    "at",
    "of",
    "to",
    "for",
    "with",
    "from",
    "by",
    "that",
    "which",
    "who",
    "also",
    "still",
    "then",
    "as",
    "into",
    "near",
    "around",
    "across",
    "against",
    "after",
    "before",
    "since",
    "during",
    "over",
    "under",
    "loyal",
    "fighting",
    "backed",
    "say",
    "says",
    "launched",
    "killed",
    "continue",
    "continued",
    "seized",
    "took",
    "began",
    "used",
    "struck",
    "hit",
    "shelled",
    "bombed",
    "attacked",
    "captured",
    "stormed",
    "entered",
    "withdrew",
    "retreated",
    "advanced",
    "fired",
    "opened",
    "arrested",
    "detained",
    "denied",
    "accused",
    "claimed",
    "reported",
    "announced",
    "agreed",
    "refused",
    "rejected",
    "want",
    "wants",
    "need",
    "needs",
    "remain",
    "remains",
    "control",
    "controls",
    "now",
    "there",
    "here",
    "when",
    "while",
    "if",
    "but",
    "so",
    "yet",
    "not",
];

const SECTORS: &[&str] = &[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
    "HLH", "HRI", "LAB", "LEG", "REF", "ELI", "AGR", "REL", "UAF", "IGO", "NGO", "NGM", "IMG",
    "MNC", "ENV", "DEV", "INS", "SEP", "MOD", "RAD",
];

/// Build an [`Actor`] from a CAMEO code ("USAGOV", "IGOUNO", "REB", "RUS").
pub fn actor_from_code(code: &str) -> Actor {
    let head = code.get(..3).unwrap_or(code);
    if SECTORS.contains(&head) {
        Actor {
            code: code.to_string(),
            country: None,
            sector: Some(head.to_string()),
        }
    } else {
        Actor {
            code: code.to_string(),
            country: Some(head.to_string()),
            sector: code.get(3..6).filter(|s| s.len() == 3).map(str::to_string),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemKind {
    Lex(HitKind),
    /// A user dictionary name: (dictionary, entry).
    Dict(usize, usize),
}

#[derive(Clone, Copy, Debug)]
struct Item {
    s: usize,
    e: usize,
    kind: ItemKind,
}

#[derive(Clone, Copy, Debug)]
struct Sent {
    s: usize,
    e: usize,
    /// Title-case headline or heading: no guessing from capitals.
    headline: bool,
    /// All capitals: lexicon phrases match case-insensitively.
    caps: bool,
    /// Index of the block (paragraph) the sentence is in.
    block: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Aff {
    Item(usize),
}

#[derive(Clone, Debug, Default)]
struct Chain {
    /// Affiliations in text order, with whether each is possessive.
    affs: Vec<(Aff, bool)>,
    /// Sector of the last role word with one (index into `res.sectors`).
    sector: u16,
    has_role: bool,
    /// The role word stands right next to the name.
    adjacent_role: bool,
    /// Token range of the title text ("US Secretary of State").
    title: Option<(usize, usize)>,
    /// Affiliation items (demonyms) the chain absorbs.
    items: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Person(usize),
    /// An unnamed official, by actor code and role ("IRNGOV:foreign minister").
    Role(String),
    Org(String),
    Country(String),
    Nat(String),
    Group(String),
}

#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    kind: EntityKind,
    key: Key,
    name: String,
    actor: Option<Actor>,
}

#[derive(Clone, Debug)]
struct Person {
    /// Found with evidence of its own (title, apposition, given name, initial), not guessed.
    strong: bool,
    /// Found speaking ("Frater said"): enough to resolve later lone surnames to it.
    speaker: bool,
    words: Vec<String>,
    actor: Option<Actor>,
    title: Option<String>,
}

struct Ctx<'a> {
    res: &'a Resources,
    text: &'a str,
    date: Option<Date>,
    toks: Vec<Piece>,
    /// Lower-cased words, one buffer: `lows[t]` is the byte range of token `t` in `lowbuf`.
    lowbuf: String,
    lows: Vec<(u32, u32)>,
    sent_of: Vec<usize>,
    initial: Vec<bool>,
    sents: Vec<Sent>,
    items: Vec<Item>,
    /// item index + 1 covering each token, 0 if none.
    cover: Vec<usize>,
    absorbed: Vec<bool>,
    claimed: Vec<bool>,
    persons: Vec<Person>,
    mentions: Vec<Mention>,
    dominant: Option<String>,
    /// Most words inside sentences are capitalised, as in German: no guessing names from capitals.
    noun_caps: bool,
}

impl<'a> Ctx<'a> {
    /// Token `t`, lower-cased.
    fn l(&self, t: usize) -> &str {
        let (a, b) = self.lows[t];
        &self.lowbuf[a as usize..b as usize]
    }

    fn w(&self, t: usize) -> &'a str {
        &self.text[self.toks[t].start..self.toks[t].end]
    }

    fn span(&self, s: usize, e: usize) -> Span {
        Span::new(self.toks[s].start, self.toks[e - 1].end)
    }

    fn slice(&self, s: usize, e: usize) -> &'a str {
        let sp = self.span(s, e);
        &self.text[sp.start..sp.end]
    }

    fn item_at(&self, t: usize) -> Option<usize> {
        self.cover.get(t).and_then(|&c| c.checked_sub(1))
    }

    fn is_cap(&self, t: usize) -> bool {
        let w = self.w(t);
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() => true,
            Some(_) => {
                // "al-Assad", "el-Sisi", "bin" forms with a capital after the hyphen
                let l = self.l(t);
                [
                    "al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "at-", "az-", "ibn-", "abu-",
                ]
                .iter()
                .any(|p| {
                    l.starts_with(p) && w[p.len()..].chars().next().is_some_and(char::is_uppercase)
                })
            }
            None => false,
        }
    }

    /// Can this token be part of a name run?
    fn name_token(&self, t: usize) -> bool {
        if !self.toks[t].word || self.cover[t] != 0 || !self.is_cap(t) {
            return false;
        }
        let l = self.l(t);
        if self.res.not_names.contains(l.trim_end_matches('.')) && !self.initial(t) {
            // a given name that is also a common word starts a name before a surname,
            // never at the start of a sentence: "captain Will Carling"
            let month_context = t > 0
                && matches!(
                    self.l(t - 1),
                    "in" | "to"
                        | "from"
                        | "since"
                        | "until"
                        | "till"
                        | "by"
                        | "on"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "between"
                        | "and"
                        | "through"
                        | "before"
                        | "after"
                        | "during"
                );
            let before_surname = !self.initial[t]
                && !month_context
                && self.res.given.contains(self.w(t))
                && t + 1 < self.toks.len()
                && self.sent_of[t + 1] == self.sent_of[t]
                && self.toks[t + 1].word
                && self.cover[t + 1] == 0
                && self.is_cap(t + 1)
                && !self.res.not_names.contains(self.l(t + 1));
            if !before_surname {
                return false;
            }
        }
        if l.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return false;
        }
        if let Some((_, last)) = l.rsplit_once('-')
            && ADJ_SUFFIXES.contains(&last)
        {
            return false;
        }
        true
    }

    /// Words that are not names on their own but end one: "Theresa May", "Will Carling".
    fn name_continuation(&self, t: usize) -> bool {
        self.toks[t].word
            && self.cover[t] == 0
            && matches!(
                self.w(t),
                "May"
                    | "Will"
                    | "June"
                    | "April"
                    | "August"
                    | "Major"
                    | "Long"
                    | "Young"
                    | "I"
                    | "II"
                    | "III"
                    | "IV"
                    | "Jr"
                    | "Jr."
                    | "Sr"
                    | "Sr."
            )
    }

    fn initial(&self, t: usize) -> bool {
        let w = self.w(t);
        w.len() == 2 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Fill `doc.entities`.
pub fn recognise(doc: &mut Doc, res: &Resources) {
    let entities = {
        let mut cx = build(doc, res);
        find_items(&mut cx);
        resolve_entities(&mut cx);
        prefix_agents(&mut cx);
        let mut ents = assemble(&cx);
        apply_user_dictionaries(&mut ents, res, cx.date);
        ents
    };
    doc.entities = entities;
}

fn build<'a>(doc: &'a Doc, res: &'a Resources) -> Ctx<'a> {
    let text = doc.text();
    let mut toks = Vec::new();
    let mut sent_of = Vec::new();
    let mut sents = Vec::new();
    let mut initial = Vec::new();
    let spans: Vec<(Span, bool, usize)> = if doc.sentences.is_empty() {
        doc.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                (
                    b.span,
                    matches!(b.kind, BlockKind::Title | BlockKind::Heading),
                    i,
                )
            })
            .collect()
    } else {
        doc.sentences
            .iter()
            .map(|s| {
                let k = doc.blocks.get(s.block).map(|b| b.kind);
                (
                    s.span,
                    matches!(k, Some(BlockKind::Title | BlockKind::Heading)),
                    s.block,
                )
            })
            .collect()
    };
    for (si, (sp, title_block, block)) in spans.iter().enumerate() {
        let s = toks.len();
        scan::scan(&text[sp.start..sp.end], sp.start, &mut toks);
        let e = toks.len();
        let mut start_next = true;
        let (mut words, mut capw, mut upw, mut capfn) = (0usize, 0usize, 0usize, 0usize);
        for p in &toks[s..e] {
            sent_of.push(si);
            let p = *p;
            let w = &text[p.start..p.end];
            if p.word {
                initial.push(start_next);
                start_next = false;
                if w.chars().next().is_some_and(is_alphabetic) {
                    words += 1;
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        capw += 1;
                        if words > 1 && TITLE_CASE_WORDS.contains(&w) {
                            capfn += 1;
                        }
                    }
                    if w.chars().filter(|c| is_alphabetic(*c)).count() >= 2
                        && !w.chars().any(char::is_lowercase)
                    {
                        upw += 1;
                    }
                }
            } else {
                initial.push(false);
                if matches!(w, "." | "?" | "!" | ":" | ";" | "•" | "|") {
                    start_next = true;
                }
            }
        }
        let caps = words > 0 && upw * 10 >= words * 6 && upw >= 1;
        let headline = caps
            || (capfn >= 1 && capw * 10 >= words * 6)
            || (*title_block && words >= 2 && capw * 2 >= words);
        sents.push(Sent {
            s,
            e,
            headline,
            caps,
            block: *block,
        });
    }
    let mut lowbuf = String::with_capacity(text.len() + 16);
    let mut lows = Vec::with_capacity(toks.len());
    for p in &toks {
        let a = lowbuf.len() as u32;
        let w = &text[p.start..p.end];
        if w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
            lowbuf.push_str(w);
        } else {
            lowbuf.extend(w.chars().flat_map(char::to_lowercase));
        }
        lows.push((a, lowbuf.len() as u32));
    }
    let n = toks.len();
    // German (and other languages that capitalise nouns): more of its function words than
    // English ones
    let (mut de, mut en) = (0usize, 0usize);
    for p in toks.iter().filter(|p| p.word) {
        match &text[p.start..p.end] {
            "der" | "die" | "das" | "und" | "ist" | "nicht" | "mit" | "von" | "für" | "auf"
            | "den" | "dem" | "ein" | "eine" | "zu" | "im" | "sich" | "auch" | "wird" => de += 1,
            "the" | "and" | "of" | "to" | "is" | "that" | "with" | "for" | "on" | "was" => en += 1,
            _ => {}
        }
    }
    let noun_caps = de >= 5 && de > en;
    Ctx {
        res,
        text,
        date: doc.meta.published,
        toks,
        lowbuf,
        lows,
        sent_of,
        initial,
        sents,
        items: Vec::new(),
        cover: vec![0; n],
        absorbed: Vec::new(),
        claimed: vec![false; n],
        persons: Vec::new(),
        mentions: Vec::new(),
        dominant: None,
        noun_caps,
    }
}

/// Longest user-dictionary name starting at `t`: (words, dictionary, entry).
fn dict_match(cx: &Ctx, t: usize, end: usize) -> Option<(usize, usize, usize)> {
    if cx.res.user.is_empty() || !cx.is_cap(t) {
        return None;
    }
    for (di, d) in cx.res.user.iter().enumerate().rev() {
        let max = d.longest_from(cx.l(t)).min(end - t);
        for len in (1..=max).rev() {
            let key = key_of((t..t + len).map(|i| cx.l(i)));
            if let Some(ei) = d.index_of_key(&key) {
                return Some((len, di, ei));
            }
        }
    }
    None
}

fn find_items(cx: &mut Ctx) {
    let res = cx.res;
    let lower: Vec<&str> = (0..cx.toks.len()).map(|t| cx.l(t)).collect();
    let words: Vec<&str> = (0..cx.toks.len()).map(|t| cx.w(t)).collect();
    let mut items = Vec::new();
    for si in 0..cx.sents.len() {
        let Sent {
            s,
            e,
            caps,
            headline,
            ..
        } = cx.sents[si];
        let mut t = s;
        while t < e {
            if !cx.toks[t].word {
                t += 1;
                continue;
            }
            let lex = res.trie.longest(&lower[..e], &words[..e], t, caps);
            let dm = dict_match(cx, t, e);
            let (len, kind) = match (lex, dm) {
                (Some((ll, h)), Some((dl, di, ei))) => {
                    if dl > ll {
                        (dl, ItemKind::Dict(di, ei))
                    } else {
                        (ll, ItemKind::Lex(h.kind))
                    }
                }
                (Some((ll, h)), None) => (ll, ItemKind::Lex(h.kind)),
                (None, Some((dl, di, ei))) => (dl, ItemKind::Dict(di, ei)),
                (None, None) => {
                    t += 1;
                    continue;
                }
            };
            // honorifics only count before a capitalised word; elsewhere ("the President of
            // Ghana") the word is a role word
            let mut kind = kind;
            if let ItemKind::Lex(HitKind::Honorific(sec)) = kind
                && !(t + len < e && cx.toks[t + len].word && cx.is_cap(t + len))
            {
                kind = ItemKind::Lex(HitKind::Title(sec));
            }
            // "John Major": a capitalised role word right after a name word is a surname
            if let ItemKind::Lex(HitKind::Title(_)) = kind
                && t > s
                && !cx.initial[t]
                && cx.is_cap(t)
                && cx.toks[t - 1].word
                && cx.is_cap(t - 1)
                && !(t + len < e && cx.toks[t + len].word && cx.is_cap(t + len))
                && items.last().is_none_or(|it: &Item| it.e < t)
                && !caps
            {
                t += len;
                continue;
            }
            // "the Farmers Union", "Workers Party": a capitalised group noun before an
            // organisation word is part of the organisation's name
            if let ItemKind::Lex(HitKind::Group(_)) = kind
                && !headline
                && cx.is_cap(t)
                && t + len < e
                && cx.toks[t + len].word
                && res.org_suffix.contains(cx.w(t + len))
            {
                t += len;
                continue;
            }
            items.push(Item {
                s: t,
                e: t + len,
                kind,
            });
            t += len;
        }
    }
    // "Michael Jordan", "Chad Smith": a country right after a given name is part of the name
    items.retain(|it| {
        let one_word_place = it.e == it.s + 1
            && matches!(
                it.kind,
                ItemKind::Lex(HitKind::Country(_) | HitKind::Demonym(_))
            );
        if !one_word_place {
            return true;
        }
        let prev_given = it.s > 0
            && cx.sent_of[it.s - 1] == cx.sent_of[it.s]
            && res.given.contains(cx.w(it.s - 1))
            && !cx.sents[cx.sent_of[it.s]].caps;
        let next_name = it.e < cx.toks.len()
            && cx.sent_of[it.e] == cx.sent_of[it.s]
            && res.given.contains(cx.w(it.s))
            && cx.toks[it.e].word
            && cx.is_cap(it.e)
            && !cx.sents[cx.sent_of[it.s]].caps;
        !(prev_given || next_name)
    });
    // "Kurdistan Democratic Party": a lexicon organisation inside a longer capitalised name is
    // that name's tail, not the organisation
    let mut prev_end = usize::MAX;
    items.retain(|it| {
        let keep = !(matches!(it.kind, ItemKind::Lex(HitKind::Org(_)))
            && it.s > 0
            && prev_end != it.s
            && cx.sent_of[it.s - 1] == cx.sent_of[it.s]
            && cx.toks[it.s - 1].word
            && cx.is_cap(it.s - 1)
            && !cx.initial[it.s - 1]
            && !cx.sents[cx.sent_of[it.s]].caps
            && !res.not_names.contains(cx.l(it.s - 1))
            && !cx.l(it.s - 1).contains('-')
            && !res.given.contains(cx.w(it.s - 1)));
        prev_end = it.e;
        keep
    });
    for (k, it) in items.iter().enumerate() {
        for t in it.s..it.e {
            cx.cover[t] = k + 1;
        }
    }
    cx.absorbed = vec![false; items.len()];
    cx.items = items;
    // the article's main country: the most mentioned, if clearly so
    let mut counts: HashMap<u32, usize> = HashMap::default();
    for it in &cx.items {
        if let ItemKind::Lex(HitKind::Country(c) | HitKind::Demonym(Some(c))) = it.kind {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut v: Vec<(u32, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some(&(c, n)) = v.first()
        && n >= 2
        && v.get(1).is_none_or(|x| x.1 < n)
    {
        cx.dominant = Some(res.countries[c as usize].code.clone());
    }
}

fn is_aff(kind: ItemKind) -> bool {
    matches!(
        kind,
        ItemKind::Lex(HitKind::Country(_) | HitKind::Demonym(_) | HitKind::Org(_))
            | ItemKind::Dict(..)
    )
}

fn role_sector(kind: ItemKind) -> Option<u16> {
    match kind {
        ItemKind::Lex(HitKind::Title(s) | HitKind::Honorific(s)) => Some(s),
        _ => None,
    }
}

/// The nearest country or organisation named before token `t` in this or the previous sentence
/// (what "its" or "their" refers to).
fn antecedent(cx: &Ctx, t: usize) -> Option<usize> {
    let si = cx.sent_of[t];
    cx.items.iter().enumerate().rev().find_map(|(k, it)| {
        (it.e <= t
            && cx.sent_of[it.s] + 1 >= si
            && matches!(
                it.kind,
                ItemKind::Lex(HitKind::Country(_) | HitKind::Org(_)) | ItemKind::Dict(..)
            ))
        .then_some(k)
    })
}

/// "the country's", "the nation's" (`p` is the possessive token): the country named last
/// before it in this or the previous sentence.
fn country_anaphor(cx: &Ctx, p: usize) -> Option<usize> {
    let sent_start = cx.sents[cx.sent_of[p]].s;
    if p < sent_start + 2
        || !matches!(cx.l(p - 1), "country" | "nation" | "kingdom" | "republic")
        || cx.l(p - 2) != "the"
    {
        return None;
    }
    let si = cx.sent_of[p];
    cx.items.iter().enumerate().rev().find_map(|(k, it)| {
        let country = match it.kind {
            ItemKind::Lex(HitKind::Country(_)) => true,
            ItemKind::Dict(di, ei) => cx.res.user[di].entries()[ei]
                .code_on(cx.date)
                .is_some_and(|c| c.len() == 3 && !SECTORS.contains(&c)),
            _ => false,
        };
        (country && it.e <= p - 2 && cx.sent_of[it.s] + 1 >= si).then_some(k)
    })
}

/// Title words and affiliations written before token `end` ("US Secretary of State" before
/// "John Kerry").
fn chain_before(cx: &Ctx, end: usize) -> Chain {
    let sent_start = cx.sents[cx.sent_of[end.min(cx.toks.len() - 1)]].s;
    let mut c = Chain::default();
    let mut t = end;
    let mut first = true;
    let mut title_start = None;
    let mut title_end = None;
    // "President of Syria Bashar al-Assad": the role before "of" counts as next to the name
    let mut of_link: Option<usize> = None;
    while t > sent_start {
        let p = t - 1;
        if let Some(k) = cx.item_at(p) {
            let it = cx.items[k];
            if let Some(s) = role_sector(it.kind) {
                c.has_role = true;
                if first {
                    c.adjacent_role = true;
                }
                if let Some(end) = of_link.take() {
                    c.adjacent_role = true;
                    title_end = Some(end);
                }
                if c.sector == 0 {
                    c.sector = s;
                }
                title_end.get_or_insert(it.e);
                title_start = Some(it.s);
                t = it.s;
                first = false;
                continue;
            }
            if is_aff(it.kind) {
                c.affs.insert(0, (Aff::Item(k), false));
                if title_end.is_some() {
                    title_start = Some(it.s);
                }
                t = it.s;
                first = false;
                continue;
            }
            break;
        }
        let w = cx.l(p);
        if w == "of"
            && !c.has_role
            && !c.affs.is_empty()
            && p > sent_start
            && cx
                .item_at(p - 1)
                .is_some_and(|k| role_sector(cx.items[k].kind).is_some())
        {
            c.affs[0].1 = true;
            of_link = Some(cx.items[cx.item_at(end - 1).unwrap_or(0)].e.max(p + 1));
            t = p;
            continue;
        }
        if scan::is_possessive(w) && p > sent_start {
            if let Some(k) = cx.item_at(p - 1)
                && is_aff(cx.items[k].kind)
            {
                c.affs.insert(0, (Aff::Item(k), true));
                if title_end.is_some() {
                    title_start = Some(cx.items[k].s);
                }
                t = cx.items[k].s;
                first = false;
                continue;
            }
            // "the country's foreign minister"
            if let Some(k) = country_anaphor(cx, p) {
                c.affs.insert(0, (Aff::Item(k), true));
            }
            break;
        }
        if cx.res.modifiers.contains(w) && !first {
            t = p;
            continue;
        }
        if matches!(w, "its" | "their") {
            if let Some(k) = antecedent(cx, p) {
                c.affs.insert(0, (Aff::Item(k), true));
            }
            break;
        }
        break;
    }
    if let (Some(s), Some(e)) = (title_start, title_end) {
        c.title = Some((s, e));
    }
    // a title's affiliations are stopped by the previous role word's own (a chain never
    // reaches across a clause)
    c
}

/// An apposition after a name: ", [the] [Russia's] [UN] ambassador[,]".
fn chain_after(cx: &Ctx, start: usize) -> Option<Chain> {
    let end = cx.sents[cx.sent_of[start.min(cx.toks.len() - 1)]].e;
    if start >= end || cx.w(start) != "," {
        return None;
    }
    let mut c = Chain::default();
    let mut t = start + 1;
    while t < end && matches!(cx.l(t), "the" | "a" | "an") {
        t += 1;
    }
    let mut title_start = None;
    let mut last_role_end = None;
    while t < end {
        if let Some(k) = cx.item_at(t) {
            let it = cx.items[k];
            if let Some(s) = role_sector(it.kind) {
                c.has_role = true;
                if s != 0 {
                    c.sector = s;
                }
                title_start.get_or_insert(it.s);
                last_role_end = Some(it.e);
                t = it.e;
                continue;
            }
            if is_aff(it.kind) && last_role_end.is_none() {
                let poss = it.e < end && scan::is_possessive(cx.l(it.e));
                c.affs.push((Aff::Item(k), poss));
                title_start.get_or_insert(it.s);
                t = it.e + usize::from(poss);
                continue;
            }
            break;
        }
        let w = cx.l(t);
        if cx.res.modifiers.contains(w) && last_role_end.is_none() {
            title_start.get_or_insert(t);
            t += 1;
            continue;
        }
        if matches!(w, "its" | "their") && last_role_end.is_none() {
            if let Some(k) = antecedent(cx, t) {
                c.affs.push((Aff::Item(k), true));
            }
            t += 1;
            continue;
        }
        break;
    }
    let role_end = last_role_end?;
    // "head of the Arab League": an affiliation after "of"
    let mut u = role_end;
    if u < end && matches!(cx.l(u), "of" | "at" | "for") {
        u += 1;
        if u < end && cx.l(u) == "the" {
            u += 1;
        }
        if let Some(k) = cx.item_at(u)
            && is_aff(cx.items[k].kind)
        {
            c.affs.push((Aff::Item(k), false));
            u = cx.items[k].e;
        }
    }
    // the apposition must close
    let closes = u >= end
        || matches!(cx.w(u), "," | "." | ";" | ")" | "–" | "—" | ":")
        || cx.toks[u].word && !cx.is_cap(u);
    if !closes {
        return None;
    }
    c.title = title_start.map(|s| (s, role_end));
    Some(c)
}

/// The actor a chain implies, and whether it names a country or organisation.
fn chain_actor(cx: &Ctx, c: &Chain) -> Option<Actor> {
    let res = cx.res;
    let aff = c
        .affs
        .iter()
        .find(|(_, poss)| *poss)
        .or_else(|| c.affs.first())
        .map(|(a, _)| *a);
    let sector = res.sector_str(c.sector);
    let Some(Aff::Item(k)) = aff else {
        return sector.map(actor_from_code);
    };
    let country_code = |code: &str| match sector {
        Some(s) => actor_from_code(&format!("{code}{s}")),
        None => actor_from_code(code),
    };
    match cx.items[k].kind {
        ItemKind::Lex(HitKind::Country(ci) | HitKind::Demonym(Some(ci))) => {
            Some(country_code(&res.countries[ci as usize].code))
        }
        ItemKind::Lex(HitKind::Org(o)) => Some(actor_from_code(&res.orgs[o as usize].code)),
        ItemKind::Dict(di, ei) => {
            let code = res.user[di].entries()[ei].code_on(cx.date)?;
            if code.len() == 3 && !SECTORS.contains(&code) {
                Some(country_code(code))
            } else {
                Some(actor_from_code(code))
            }
        }
        _ => sector.map(actor_from_code),
    }
}

/// A name word for comparison: lower case, without an Arabic article ("al-Assad" → "assad").
fn name_key(w: &str) -> String {
    let l = w.to_lowercase();
    for p in [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "an-", "at-", "az-",
    ] {
        if let Some(rest) = l.strip_prefix(p)
            && !rest.is_empty()
        {
            return rest.to_string();
        }
    }
    l
}

fn person_index(persons: &[Person], words: &[String]) -> Option<usize> {
    let low: Vec<String> = words.iter().map(|w| name_key(w)).collect();
    persons.iter().position(|p| {
        let pl: Vec<String> = p.words.iter().map(|w| name_key(w)).collect();
        if pl == low {
            return true;
        }
        let (short, long) = if pl.len() < low.len() {
            (&pl, &low)
        } else {
            (&low, &pl)
        };
        // "Kerry" / "John Kerry"; "de Mistura" / "Staffan de Mistura"; "John Kerry" / "John F. Kerry"
        long.ends_with(short)
            || (short.len() >= 2 && short.first() == long.first() && short.last() == long.last())
    })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunClass {
    Org,
    Place,
    Unknown,
}

struct Run {
    s: usize,
    e: usize,
}

fn runs_of(cx: &Ctx, si: usize) -> Vec<Run> {
    let Sent { s, e, .. } = cx.sents[si];
    let mut runs = Vec::new();
    let mut t = s;
    while t < e {
        if !cx.name_token(t) {
            t += 1;
            continue;
        }
        let rs = t;
        let mut re = t + 1;
        loop {
            if re < e && (cx.name_token(re) || cx.name_continuation(re)) {
                re += 1;
            } else if re + 1 < e
                && cx.name_token(re + 1)
                && ((cx.res.particles.contains(cx.l(re)) && cx.cover[re] == 0)
                    || cx.w(re) == "&"
                    || (matches!(cx.l(re), "of" | "for" | "on")
                        && cx.res.org_head.contains(cx.w(re - 1))))
            {
                re += 2;
            } else {
                break;
            }
        }
        runs.push(Run { s: rs, e: re });
        t = re;
    }
    runs
}

fn org_sector(word: &str) -> Option<&'static str> {
    Some(match word {
        "Ministry" | "Government" | "Cabinet" | "Office" | "Department" | "Bureau"
        | "Authority" => "GOV",
        "Army" | "Navy" | "Forces" | "Force" | "Brigade" | "Brigades" | "Battalion"
        | "Regiment" | "Division" | "Corps" | "Guard" | "Guards" => "MIL",
        "Police" => "COP",
        "Court" | "Tribunal" => "JUD",
        "Parliament" | "Assembly" | "Senate" | "Congress" => "LEG",
        "Party" => "PTY",
        "University" | "College" | "School" | "Academy" | "Institute" => "EDU",
        "Times" | "Post" | "News" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Television"
        | "TV" | "Radio" | "Press" | "Channel" => "MED",
        "Church" | "Mosque" => "REL",
        "Hospital" => "HLH",
        "Bank" | "Company" | "Corporation" | "Corp" | "Corp." | "Inc" | "Inc." | "Ltd" | "Ltd."
        | "Plc" | "plc" | "Co" | "Co." | "Holdings" | "Industries" | "Airlines" | "Airways"
        | "Motors" => "BUS",
        _ => return None,
    })
}

fn resolve_entities(cx: &mut Ctx) {
    let res = cx.res;
    // ---- pass 1: runs with strong evidence
    let mut pending: Vec<Run> = Vec::new();
    let mut person_mentions: Vec<(usize, usize, usize)> = Vec::new(); // (s, e, person)
    for si in 0..cx.sents.len() {
        let sent = cx.sents[si];
        let runs = runs_of(cx, si);
        for run in runs {
            let Run { s, e } = run;
            let mut s = s;
            // a sentence-initial common word is not part of a name: "Several Syrians"
            if cx.initial[s] && e - s >= 2 && !res.given.contains(cx.w(s)) && !cx.initial(s) {
                let low = cx.l(s);
                if res.not_names.contains(low) || low.ends_with("ing") || low.ends_with("ly") {
                    s += 1;
                }
            }
            if s >= e {
                continue;
            }
            let last = cx.w(e - 1);
            // organisation by its last word, taking in capitalised role words before it
            // ("Justice Department", "General Motors")
            let mut class = RunClass::Unknown;
            if (res.org_suffix.contains(last) && !(e - s == 1 && cx.initial[s]))
                || (res.org_prefix.contains(cx.w(s)) && e - s >= 2)
                || (res.org_head.contains(cx.w(s))
                    && e - s >= 3
                    && matches!(cx.l(s + 1), "of" | "for" | "on"))
            {
                class = RunClass::Org;
            }
            if class == RunClass::Org {
                while s > sent.s
                    && cx.item_at(s - 1).is_some_and(|k| {
                        role_sector(cx.items[k].kind).is_some() && cx.is_cap(cx.items[k].s)
                    })
                {
                    s = cx.items[cx.item_at(s - 1).unwrap()].s;
                }
                if !sent.caps {
                    add_org_run(cx, s, e);
                }
                continue;
            }
            if res.other_suffix.contains(last) && e - s >= 2 && !chain_before(cx, s).adjacent_role {
                continue; // an event, prize or agreement
            }
            if sports_team(cx, s, e) {
                add_org_run(cx, s, e);
                continue;
            }
            if sent.caps {
                pending.push(Run { s, e });
                continue;
            }
            if e - s >= 2 && (res.place_prefix.contains(cx.w(s)) || res.place_suffix.contains(last))
            {
                class = RunClass::Place;
            }
            if class == RunClass::Place {
                // still a person if a title says so ("Gen. Lake"), else left for geo
                if !chain_before(cx, s).adjacent_role {
                    continue;
                }
            }
            let before = chain_before(cx, s);
            // "Speaking in Paris, the envoy …": after a locative preposition the comma opens
            // a new phrase, not an apposition to the name
            let locative =
                s > sent.s && matches!(cx.l(s - 1), "in" | "near" | "outside" | "inside");
            let after = chain_after(cx, e).filter(|_| !locative);
            let before_comma = (s >= 2 && cx.w(s - 1) == "," && sent.s < s - 1)
                .then(|| chain_before(cx, s - 1))
                .filter(|c| c.adjacent_role)
                .filter(|_| {
                    e >= sent.e || matches!(cx.w(e), "," | "." | ";" | ")") || cx.speech_next(e)
                });
            let given = res.given.contains(cx.w(s)) && e - s >= 2;
            let initial = cx.initial(s) && e - s >= 2;
            let strong = !sent.headline
                && (before.adjacent_role
                    || after.is_some()
                    || before_comma.is_some()
                    || given
                    || initial);
            let headline_ok = sent.headline && before.adjacent_role && e - s >= 2;
            if strong || headline_ok {
                let possessed = before.affs.iter().any(|a| a.1);
                let chain = if before.adjacent_role {
                    Some(before)
                } else {
                    // "Russia's Sergei Shoigu": an owner without a title still affiliates
                    after.or(before_comma).or(possessed.then_some(before))
                };
                let pi = add_person(cx, s, e, chain.as_ref(), true, false);
                person_mentions.push((s, e, pi));
            } else {
                pending.push(Run { s, e });
            }
        }
    }
    // ---- pass 2: runs that repeat a person, are known actors, speak, or look like names
    let mut leftovers: Vec<Run> = Vec::new();
    for run in pending {
        let Run { s, e } = run;
        let sent = cx.sents[cx.sent_of[s]];
        let words: Vec<String> = (s..e).map(|t| cx.w(t).to_string()).collect();
        if let Some(pi) = person_index(&cx.persons, &words).filter(|&p| {
            let pp = &cx.persons[p];
            pp.strong || (!sent.caps && (pp.speaker || pp.words.len() >= 2))
        }) {
            let chain = chain_before(cx, s);
            if chain.adjacent_role || !chain.affs.is_empty() {
                absorb(cx, &chain);
            }
            person_mentions.push((s, e, pi));
            continue;
        }
        if sent.caps {
            continue;
        }
        let key = key_of(words.iter().map(String::as_str));
        if res.cities.contains(&key) {
            continue; // a place: the geo stage's
        }
        let wrefs: Vec<&str> = words.iter().map(String::as_str).collect();
        let known = e - s >= 2 && res.builtin.entry(&wrefs).is_some()
            || e - s == 1 && res.given.contains(cx.w(s)) && !sent.headline;
        let plural_noun = e - s == 1 && {
            let l = cx.l(s);
            ["ers", "ists", "sses", "ants", "ents", "ians", "ors"]
                .iter()
                .any(|x| l.ends_with(x))
        };
        let speaks = (cx.speech_next(e) || cx.speech_before(s))
            && (e - s >= 2 || !all_caps_word(cx.w(s)))
            && !(plural_noun && cx.initial[s]);
        let looks = !sent.headline && e - s >= 2 && e - s <= 3 && looks_like_name(cx, s, e);
        if known || (!sent.headline && (speaks || looks)) {
            let chain = chain_before(cx, s);
            let pi = add_person(
                cx,
                s,
                e,
                Some(&chain).filter(|c| !c.affs.is_empty()),
                known,
                speaks,
            );
            person_mentions.push((s, e, pi));
        } else if !sent.headline
            && e - s == 1
            && is_acronym(cx.w(s))
            && !cx.initial[s]
            && !(s > sent.s && all_caps_word(cx.w(s - 1)))
            && !(e < sent.e && all_caps_word(cx.w(e)))
        {
            let name = cx.w(s).to_string();
            // "Kurdistan Democratic Party ( KDP )": an acronym of an organisation named before
            let letters: String = name.chars().filter(|c| is_alphabetic(*c)).collect();
            let full = cx
                .mentions
                .iter()
                .find(|m| {
                    m.kind == EntityKind::Organization && m.span.end <= cx.toks[s].start && {
                        let initials: String = m
                            .name
                            .split_whitespace()
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .filter_map(|w| w.chars().next())
                            .collect();
                        initials == letters
                    }
                })
                .map(|m| (m.key.clone(), m.name.clone(), m.actor.clone()));
            let (key, name, actor) = full.unwrap_or((Key::Org(name.to_lowercase()), name, None));
            cx.mentions.push(Mention {
                span: cx.span(s, e),
                kind: EntityKind::Organization,
                key,
                name,
                actor,
            });
            claim(cx, s, e);
        } else if e - s == 1 && !sent.headline {
            leftovers.push(Run { s, e });
        }
    }
    // lists of names: "McLoughlin , Houghton , Townsend , Quinn": a lone capitalised word next
    // to a person in a comma list is a person too
    for _ in 0..3 {
        let ends: HashMap<usize, usize> = person_mentions.iter().map(|m| (m.1, m.2)).collect();
        let starts: HashMap<usize, usize> = person_mentions.iter().map(|m| (m.0, m.2)).collect();
        let mut grew = false;
        leftovers.retain(|r| {
            let sep = |t: usize| matches!(cx.w(t), "," | "and" | ";");
            let sent = cx.sents[cx.sent_of[r.s]];
            let left = r.s >= sent.s + 2 && sep(r.s - 1) && ends.contains_key(&(r.s - 1));
            let right = r.e + 1 < sent.e && sep(r.e) && starts.contains_key(&(r.e + 1));
            if (left || right) && !res.cities.contains(cx.l(r.s)) {
                person_mentions.push((r.s, r.e, usize::MAX));
                grew = true;
                false
            } else {
                true
            }
        });
        if !grew {
            break;
        }
    }
    let unresolved: Vec<(usize, usize)> = person_mentions
        .iter()
        .filter(|m| m.2 == usize::MAX)
        .map(|m| (m.0, m.1))
        .collect();
    person_mentions.retain(|m| m.2 != usize::MAX);
    for (s, e) in unresolved {
        let pi = add_person(cx, s, e, None, false, false);
        person_mentions.push((s, e, pi));
    }
    // "Jordan said" after "Neil Jordan": a one-word country that is a person's surname
    for k in 0..cx.items.len() {
        let it = cx.items[k];
        if it.e != it.s + 1
            || !matches!(it.kind, ItemKind::Lex(HitKind::Country(_)))
            || cx.sents[cx.sent_of[it.s]].caps
        {
            continue;
        }
        let w = cx.w(it.s);
        let locative = it.s > 0
            && matches!(
                cx.l(it.s - 1),
                "in" | "into"
                    | "to"
                    | "from"
                    | "across"
                    | "near"
                    | "at"
                    | "throughout"
                    | "inside"
                    | "outside"
                    | "around"
                    | "via"
                    | "through"
                    | "of"
                    | "the"
                    | "and"
                    | "with"
                    | "against"
                    | "towards"
                    | "toward"
                    | "between"
                    | "visit"
                    | "visited"
            );
        if locative {
            continue;
        }
        if let Some(pi) = cx
            .persons
            .iter()
            .position(|p| p.strong && p.words.len() >= 2 && p.words.last().is_some_and(|l| l == w))
        {
            cx.absorbed[k] = true;
            person_mentions.push((it.s, it.e, pi));
        }
    }
    // in all-capitals lines compare surnames case-insensitively ("KERRY")
    for si in 0..cx.sents.len() {
        if !cx.sents[si].caps {
            continue;
        }
        let Sent { s, e, .. } = cx.sents[si];
        for t in s..e {
            if cx.cover[t] != 0 || cx.claimed[t] || !cx.toks[t].word {
                continue;
            }
            if let Some(pi) = cx.persons.iter().position(|p| {
                p.strong
                    && p.words.len() >= 2
                    && p.words.last().is_some_and(|l| l.to_lowercase() == cx.l(t))
            }) {
                person_mentions.push((t, t + 1, pi));
            }
        }
    }
    for (s, e, pi) in person_mentions {
        claim(cx, s, e);
        cx.mentions.push(Mention {
            span: cx.span(s, e),
            kind: EntityKind::Person,
            key: Key::Person(pi),
            name: cx.slice(s, e).to_string(),
            actor: None,
        });
    }
    // unnamed officials: "Iran's foreign minister said", "the Russian defence minister"
    for k in 0..cx.items.len() {
        let it = cx.items[k];
        if !matches!(it.kind, ItemKind::Lex(HitKind::Title(_))) || cx.claimed[it.s] {
            continue;
        }
        let sent = cx.sents[cx.sent_of[it.s]];
        let mut u = it.e;
        if u < sent.e && cx.w(u) == "," {
            u += 1;
        }
        if u < sent.e && (cx.claimed[u] || cx.name_token(u)) {
            continue; // a named person's title
        }
        // "the EU member states", "the member nations": a role word modifying a plural of
        // bodies names no official
        if it.e < sent.e
            && matches!(
                cx.l(it.e),
                "states"
                    | "countries"
                    | "nations"
                    | "governments"
                    | "organizations"
                    | "organisations"
            )
        {
            continue;
        }
        let chain = chain_before(cx, it.e);
        if chain.affs.is_empty() || !chain.adjacent_role {
            continue;
        }
        let Some(actor) = chain_actor(cx, &chain) else {
            continue;
        };
        if actor.country.is_none() && !actor.code.starts_with("IGO") {
            continue;
        }
        let start = chain
            .affs
            .iter()
            .map(|(Aff::Item(j), _)| cx.items[*j].s)
            // (an affiliation in this sentence: "its ambassador" after a sentence naming the
            // EU takes the EU's code, not its words)
            .filter(|&s| s >= sent.s && s < it.s && s + 8 > it.s)
            .min()
            .unwrap_or(it.s);
        // an apposition to a named person: "Vitaly Churkin, Russia's UN ambassador,"
        let mut b = start;
        while b > sent.s && matches!(cx.l(b - 1), "the" | "a" | "an" | "its" | "their") {
            b -= 1;
        }
        if b >= sent.s + 2 && cx.w(b - 1) == "," && cx.claimed[b - 2] {
            continue;
        }
        absorb(cx, &chain);
        let name = cx
            .slice(start, it.e)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        cx.mentions.push(Mention {
            span: cx.span(start, it.e),
            kind: EntityKind::Person,
            key: Key::Role(format!(
                "{}:{}",
                actor.code,
                cx.slice(it.s, it.e).to_lowercase()
            )),
            name,
            actor: Some(actor),
        });
        claim(cx, start, it.e);
    }
    // "our correspondent": the article's own journalist, when named
    for t in 0..cx.toks.len().saturating_sub(1) {
        if cx.l(t) != "our" {
            continue;
        }
        let Some(k) = cx.item_at(t + 1) else { continue };
        let it = cx.items[k];
        if it.s != t + 1
            || !matches!(it.kind, ItemKind::Lex(HitKind::Title(sec)) if res.sector_str(sec) == Some("MED"))
        {
            continue;
        }
        let media: Vec<usize> = (0..cx.persons.len())
            .filter(|&p| {
                cx.persons[p]
                    .actor
                    .as_ref()
                    .is_some_and(|a| a.sector.as_deref() == Some("MED"))
            })
            .collect();
        if let Some(&pi) = media.last() {
            cx.mentions.push(Mention {
                span: cx.span(t, it.e),
                kind: EntityKind::Person,
                key: Key::Person(pi),
                name: cx.slice(t, it.e).to_string(),
                actor: None,
            });
            cx.absorbed[k] = true;
        }
    }
    lexicon_mentions(cx);
}

impl Ctx<'_> {
    fn speech_next(&self, e: usize) -> bool {
        let mut u = e;
        if u < self.toks.len() && self.w(u) == "," {
            u += 1;
        }
        u < self.toks.len()
            && self.sent_of[u] == self.sent_of[e.min(self.toks.len() - 1)]
            && self.res.speech.contains(self.l(u))
    }
    fn speech_before(&self, s: usize) -> bool {
        s > 0 && self.sent_of[s - 1] == self.sent_of[s] && self.res.speech.contains(self.l(s - 1))
    }
}

fn numberish(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'/' | b'-' | b','))
}

fn integer(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
}

/// Sports tables and fixtures name teams after places: "Inverness Thistle 3 1 0 2 4 3 7"
/// (a standings row), "Surrey 3 Kent 1" (a result), "Leicestershire v Somerset".
fn sports_team(cx: &Ctx, s: usize, e: usize) -> bool {
    let Sent { s: ss, e: se, .. } = cx.sents[cx.sent_of[s]];
    if cx.res.given.contains(cx.w(s)) || cx.initial(s) {
        return false;
    }
    let ints_after = (e..se).take_while(|&t| integer(cx.w(t))).count();
    // standings: "Inverness Thistle 3 1 0 2 4 3 7", "FLORIDA 65 70 .481 19"
    let numbers_after = (e..se).take_while(|&t| numberish(cx.w(t))).count();
    if ints_after >= 3 || (ints_after >= 2 && numbers_after >= 4) {
        return true;
    }
    // "San Francisco Giants", "Philadelphia Eagles": a city and a plural nickname
    if e - s >= 2 {
        let last = cx.w(e - 1);
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        let city = key_of((s..e - 1).map(|t| cx.l(t)));
        if plural && cx.res.cities.contains(&city) {
            return true;
        }
    }
    // cricket: "Sussex 259 and 207", "Glamorgan 9-203", "Kent 215 for 6"
    if e < se {
        let w = cx.w(e);
        // "9-203" or "197-8": runs and wickets, never a tennis set like "6-4"
        let wickets = w.split_once('-').is_some_and(|(a, b)| {
            integer(a) && integer(b) && a.len().max(b.len()) >= 3 && a.len().min(b.len()) <= 2
        });
        let innings = integer(w)
            && e + 2 < se
            && matches!(cx.w(e + 1), "and" | "for")
            && (integer(cx.w(e + 2)) || cx.w(e + 2).contains('-'));
        if wickets || innings {
            return true;
        }
    }
    // result: Run Int Run Int, or Run Int , Run Int
    let run_at = |t: usize| t < se && cx.name_token(t);
    if ints_after == 1 {
        let mut u = e + 1;
        if u < se && cx.w(u) == "," {
            u += 1;
        }
        if run_at(u) {
            let mut v = u;
            while run_at(v) {
                v += 1;
            }
            if v < se && integer(cx.w(v)) {
                return true;
            }
        }
        // the second team of a result
        if s > ss + 1 && integer(cx.w(s - 1)) && (s - 1 > ss) && cx.name_token(s - 2) {
            return true;
        }
    }
    if s > ss + 1 && integer(cx.w(s - 1)) && ints_after == 1 && cx.name_token(s - 2) {
        return true;
    }
    // fixture: Run v Run
    let v_after = e + 1 < se && matches!(cx.w(e), "v" | "vs" | "v." | "vs.") && run_at(e + 1);
    let v_before =
        s >= ss + 2 && matches!(cx.w(s - 1), "v" | "vs" | "v." | "vs.") && cx.name_token(s - 2);
    v_after || v_before
}

fn all_caps_word(w: &str) -> bool {
    w.chars().filter(|c| is_alphabetic(*c)).count() >= 2 && !w.chars().any(char::is_lowercase)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| is_alphabetic(*c)).count();
    (2..=5).contains(&letters)
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
        && !matches!(
            w,
            "II" | "III"
                | "IV"
                | "VI"
                | "VII"
                | "VIII"
                | "IX"
                | "XI"
                | "OK"
                | "TV"
                | "AM"
                | "PM"
                | "GMT"
                | "CET"
                | "EST"
                | "BST"
                | "UTC"
                | "AD"
                | "BC"
                | "CEO"
                | "PR"
                | "ID"
                | "DNA"
                | "HIV"
                | "AIDS"
                | "GDP"
                | "MP"
                | "MPs"
                | "VAT"
                | "NGO"
                | "NGOs"
        )
}

/// A two- or three-word capitalised sequence with nothing to say otherwise: read as a person
/// when none of its words is a place or organisation marker and none is all capitals.
fn looks_like_name(cx: &Ctx, s: usize, e: usize) -> bool {
    let res = cx.res;
    if cx.noun_caps {
        return false; // a language that capitalises nouns (German): capitals prove nothing
    }
    const NOUN_ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ship", "ism", "ogy", "ance", "ence", "ics", "ous",
        "able", "ible", "ical", "ware", "ities", "ations",
    ];
    if (s..e).any(|t| {
        let l = cx.l(t);
        l.len() > 5 && NOUN_ENDINGS.iter().any(|x| l.ends_with(x))
    }) {
        return false;
    }
    (s..e).all(|t| {
        let w = cx.w(t);
        let letters = w.chars().filter(|c| is_alphabetic(*c)).count();
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        (res.particles.contains(w) || (letters >= 2 && upper <= 2 && upper < letters))
            && !res.place_prefix.contains(w)
            && !res.place_suffix.contains(w)
            && !res.org_suffix.contains(w)
    })
}

fn claim(cx: &mut Ctx, s: usize, e: usize) {
    for t in s..e {
        cx.claimed[t] = true;
    }
}

fn absorb(cx: &mut Ctx, c: &Chain) {
    for (Aff::Item(k), _) in &c.affs {
        if matches!(cx.items[*k].kind, ItemKind::Lex(HitKind::Demonym(_))) {
            cx.absorbed[*k] = true;
        }
    }
    for &k in &c.items {
        cx.absorbed[k] = true;
    }
}

fn add_person(
    cx: &mut Ctx,
    s: usize,
    e: usize,
    chain: Option<&Chain>,
    strong: bool,
    speaker: bool,
) -> usize {
    let words: Vec<String> = (s..e).map(|t| cx.w(t).to_string()).collect();
    let actor = chain.and_then(|c| chain_actor(cx, c));
    let title = chain.and_then(|c| c.title).map(|(a, b)| {
        cx.slice(a, b)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    if let Some(c) = chain {
        absorb(cx, c);
    }
    let pi = match person_index(&cx.persons, &words) {
        Some(pi) => {
            let p = &mut cx.persons[pi];
            if words.len() > p.words.len() {
                p.words = words;
            }
            pi
        }
        None => {
            cx.persons.push(Person {
                strong,
                speaker,
                words,
                actor: None,
                title: None,
            });
            cx.persons.len() - 1
        }
    };
    let p = &mut cx.persons[pi];
    p.strong |= strong;
    p.speaker |= speaker;
    // a country- or organisation-bearing actor beats a sector-only one
    let better = match (&p.actor, &actor) {
        (None, Some(_)) => true,
        (Some(old), Some(new)) => {
            old.country.is_none() && new.country.is_some()
                || old.country.is_none() && old.sector.is_some() && new.code.len() > old.code.len()
        }
        _ => false,
    };
    if better {
        p.actor = actor;
    }
    if p.title.is_none() {
        p.title = title;
    }
    pi
}

fn add_org_run(cx: &mut Ctx, s: usize, e: usize) {
    let res = cx.res;
    let mut s = s;
    // "U.S. Agriculture Department": a country name heading an organisation's name is part of it
    let mut country_head = None;
    if s > 0
        && let Some(k) = cx.item_at(s - 1)
        && cx.items[k].e == s
        && let ItemKind::Lex(HitKind::Country(c)) = cx.items[k].kind
        && org_sector(cx.w(e - 1)).is_some()
    {
        country_head = Some(c);
        cx.absorbed[k] = true;
        s = cx.items[k].s;
    }
    let name = cx.slice(s, e).to_string();
    // an affiliation right before: "Syrian Defence Ministry" → SYRGOV
    let mut actor = None;
    if let Some(c) = country_head {
        let code = &res.countries[c as usize].code;
        actor = Some(actor_from_code(&format!(
            "{code}{}",
            org_sector(cx.w(e - 1)).unwrap_or("")
        )));
    } else if s > 0
        && let Some(k) = cx.item_at(s - 1)
        && cx.items[k].e == s
        && let ItemKind::Lex(HitKind::Demonym(Some(c)) | HitKind::Country(c)) = cx.items[k].kind
    {
        let code = &res.countries[c as usize].code;
        actor = Some(actor_from_code(&match org_sector(cx.w(e - 1)) {
            Some(sec) => format!("{code}{sec}"),
            None => code.clone(),
        }));
        if matches!(cx.items[k].kind, ItemKind::Lex(HitKind::Demonym(_))) {
            cx.absorbed[k] = true;
        }
    } else if org_sector(cx.w(e - 1)) == Some("MED") {
        actor = Some(actor_from_code("MED"));
    }
    cx.mentions.push(Mention {
        span: cx.span(s, e),
        kind: EntityKind::Organization,
        key: Key::Org(name.to_lowercase()),
        name,
        actor,
    });
    claim(cx, s, e);
}

/// Countries, demonyms, organisations, group nouns and dictionary names from the lexicon items.
fn lexicon_mentions(cx: &mut Ctx) {
    let res = cx.res;
    hyphenated_mentions(cx);
    for k in 0..cx.items.len() {
        let it = cx.items[k];
        if cx.absorbed[k] {
            continue;
        }
        let span = cx.span(it.s, it.e);
        match it.kind {
            ItemKind::Lex(HitKind::Country(c)) => {
                let country = &res.countries[c as usize];
                cx.mentions.push(Mention {
                    span,
                    kind: EntityKind::Country,
                    key: Key::Country(country.code.clone()),
                    name: country.name.clone(),
                    actor: Some(actor_from_code(&country.code)),
                });
            }
            ItemKind::Lex(HitKind::Org(o)) => {
                let org = &res.orgs[o as usize];
                cx.mentions.push(Mention {
                    span,
                    kind: EntityKind::Organization,
                    key: Key::Org(org.name.to_lowercase()),
                    name: org.name.clone(),
                    actor: Some(actor_from_code(&org.code)),
                });
            }
            ItemKind::Lex(HitKind::Group(g)) => group_mention(cx, k, g),
            ItemKind::Dict(di, ei) => dict_mention(cx, k, di, ei),
            _ => {}
        }
    }
    // demonyms not absorbed by a person's title, an organisation or a group
    for k in 0..cx.items.len() {
        let it = cx.items[k];
        if cx.absorbed[k] {
            continue;
        }
        if let ItemKind::Lex(HitKind::Demonym(c)) = it.kind {
            let text = cx.slice(it.s, it.e).to_string();
            let (key, actor) = match c {
                Some(c) => {
                    let code = res.countries[c as usize].code.clone();
                    (code.clone(), Some(actor_from_code(&code)))
                }
                None => (text.to_lowercase(), None),
            };
            cx.mentions.push(Mention {
                span: cx.span(it.s, it.e),
                kind: EntityKind::Nationality,
                key: Key::Nat(key),
                name: text,
                actor,
            });
        }
    }
}

/// Countries and nationalities inside hyphenated words: "a US-Russia brokered truce",
/// "the Saudi-led coalition".
fn hyphenated_mentions(cx: &mut Ctx) {
    let res = cx.res;
    for t in 0..cx.toks.len() {
        if cx.cover[t] != 0 || cx.claimed[t] || !cx.toks[t].word {
            continue;
        }
        let w = cx.w(t);
        if !w.contains('-') || !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let mut at = cx.toks[t].start;
        for part in w.split('-') {
            let (ps, pe) = (at, at + part.len());
            at = pe + 1;
            if part.is_empty() {
                continue;
            }
            let low = part.to_lowercase();
            let Some((1, hit)) = res.trie.longest(&[low.as_str()], &[part], 0, false) else {
                continue;
            };
            let (kind, key, name, code) = match hit.kind {
                HitKind::Country(c) => {
                    let c = &res.countries[c as usize];
                    (
                        EntityKind::Country,
                        Key::Country(c.code.clone()),
                        c.name.clone(),
                        c.code.clone(),
                    )
                }
                HitKind::Demonym(Some(c)) => {
                    let c = &res.countries[c as usize];
                    (
                        EntityKind::Nationality,
                        Key::Nat(c.code.clone()),
                        part.to_string(),
                        c.code.clone(),
                    )
                }
                _ => continue,
            };
            cx.mentions.push(Mention {
                span: Span::new(ps, pe),
                kind,
                key,
                name,
                actor: Some(actor_from_code(&code)),
            });
        }
    }
}

/// Where a group noun's country comes from.
#[derive(Clone, Debug, Default)]
struct GroupAffs {
    /// Affiliation items, back to front: before the noun ("Syrian and Russian jets", "Iran's
    /// army", "its forces") or after it ("diplomats of Turkey", "lawmakers in Fornost").
    items: Vec<usize>,
    /// A city after the noun ("police in Lahore"): its country's code.
    city: Option<String>,
    /// Token range of the noun with the affiliation it is read with (the first one for a
    /// coordinated list after the noun): "Gondor's government", "lawmakers in Fornost" (a
    /// country of the lexicon, a toponym, is left out: "Mexico's government" is "government").
    s: usize,
    e: usize,
    /// The affiliations stand before the noun.
    before: bool,
    /// "former security officials": CAMEO's elites (ELI), not the serving body.
    former: bool,
    /// A group noun modifying this one ("military" in "US military officials").
    modifier: Option<u32>,
    /// An agent whose code goes before the country's (PETRARCH's `NGO~`) right before the
    /// affiliation: "AidWorks" in "an AidWorks Valdoria ambassador" (NGO + VAL + GOV = NGOVALGOV).
    pre: Option<u32>,
}

impl GroupAffs {
    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.city.is_none()
    }
}

/// Words after a one-word group noun that show it is the head of its phrase, not a modifier
/// ("the government almost collapsed", not "government spending").
const HEAD_FOLLOWERS: &[&str] = &[
    "almost",
    "again",
    "already",
    "just",
    "recently",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "next",
    "late",
    "early",
    "soon",
    "once",
    "even",
    "only",
    "all",
    "both",
    "itself",
    "themselves",
    "too",
    "however",
    "instead",
    "alone",
    "first",
    "later",
    "earlier",
    "never",
    "often",
    "reportedly",
    "allegedly",
    "apparently",
    "quickly",
    // irregular past tenses (regular ones end in -ed)
    "sent",
    "fought",
    "led",
    "made",
    "gave",
    "told",
    "won",
    "lost",
    "held",
    "kept",
    "left",
    "met",
    "built",
    "brought",
    "paid",
    "sought",
    "shot",
    "fled",
    "drove",
    "threw",
    "broke",
    "chose",
    "spoke",
    "wrote",
    "swept",
    "spent",
    "ran",
    "rode",
    "stood",
    "knew",
    "saw",
    "thought",
    "caught",
    "taught",
    "bought",
    "froze",
    "hid",
    "overran",
    "overthrew",
];

/// `-ly` words that are nouns or adjectives ("government supply", "military ally").
const LY_NOT_ADVERBS: &[&str] = &[
    "family",
    "supply",
    "assembly",
    "rally",
    "ally",
    "monopoly",
    "weekly",
    "daily",
    "monthly",
    "yearly",
    "quarterly",
    "friendly",
    "elderly",
    "deadly",
    "costly",
    "italy",
    "july",
];

/// An agent code placed with an actor code: after a country's (`~GOV`: ARN → ARNGOV) or
/// before it (`NGO~`: NGOARN); another actor's code (an organisation's, a six-letter
/// dictionary code) stays as it is.
fn agent_with(noun: &crate::lexicon::GroupNoun, code: &str) -> String {
    if code.len() == 3 && !SECTORS.contains(&code) {
        noun.with_country(code)
    } else {
        code.to_string()
    }
}

/// A country name from the lexicon: a toponym the geo stage resolves, which it does not take
/// for a place inside another entity's mention, so a group's mention stays off it.
fn toponym(cx: &Ctx, j: usize) -> bool {
    matches!(cx.items[j].kind, ItemKind::Lex(HitKind::Country(_)))
}

/// The affiliations of the group noun at item `k`; `None` when the noun only modifies another
/// word ("military options").
fn group_affs(cx: &Ctx, k: usize, look_before: bool) -> Option<GroupAffs> {
    let res = cx.res;
    let it = cx.items[k];
    let ItemKind::Lex(HitKind::Group(g)) = it.kind else {
        return None;
    };
    let noun = &res.groups[g as usize];
    let sent = cx.sents[cx.sent_of[it.s]];
    // "AidWorks Ormund": an agent placed before the country's code, followed by a country
    let country_after = noun.prefix
        && cx.item_at(it.e).is_some_and(|j| {
            cx.items[j].s == it.e
                && matches!(
                    cx.items[j].kind,
                    ItemKind::Lex(HitKind::Country(_)) | ItemKind::Dict(..)
                )
        });
    // "military options", "government spending": a one-word group noun used as a modifier
    if it.e == it.s + 1 && it.e < sent.e && !cx.l(it.s).ends_with('s') && !country_after {
        let next = cx.l(it.e);
        let head = FOLLOW_VERBS.contains(&next)
            || HEAD_FOLLOWERS.contains(&next)
            || (next.len() >= 6 && next.ends_with("ly") && !LY_NOT_ADVERBS.contains(&next));
        let attributive = cx.toks[it.e].word
            && next.chars().next().is_some_and(char::is_lowercase)
            && !res.speech.contains(next)
            && !head
            && !next.ends_with("ed");
        if attributive {
            return None;
        }
    }
    let mut ga = GroupAffs {
        s: it.s,
        e: it.e,
        before: true,
        ..GroupAffs::default()
    };
    let affs = &mut ga.items;
    let sent_start = sent.s;
    let mut t = it.s;
    while look_before && t > sent_start {
        let p = t - 1;
        if let Some(j) = cx.item_at(p) {
            match cx.items[j].kind {
                ItemKind::Lex(HitKind::Demonym(Some(_))) => {
                    affs.push(j);
                    ga.s = cx.items[j].s;
                    t = cx.items[j].s;
                }
                ItemKind::Lex(HitKind::Country(_) | HitKind::Org(_)) | ItemKind::Dict(..)
                    if affs.is_empty() =>
                {
                    affs.push(j);
                    if !toponym(cx, j) {
                        ga.s = cx.items[j].s;
                    }
                    t = cx.items[j].s;
                }
                // "US military officials", "Kenyan police spokesmen": a one-word group noun
                // modifying this one gives its sector to a generic official
                ItemKind::Lex(HitKind::Group(g2))
                    if affs.is_empty()
                        && ga.modifier.is_none()
                        && it.s - t < 3
                        && cx.items[j].e == cx.items[j].s + 1 =>
                {
                    ga.modifier = Some(g2);
                    t = cx.items[j].s;
                }
                // "an AidWorks Valdoria ambassador": an agent placed before the country's code heads
                // the composed code (NGOVALGOV), as PETRARCH composes it
                ItemKind::Lex(HitKind::Group(g2))
                    if !affs.is_empty() && res.groups[g2 as usize].prefix =>
                {
                    ga.pre = Some(g2);
                    ga.s = cx.items[j].s;
                    break;
                }
                _ => break,
            }
            continue;
        }
        let w = cx.l(p);
        if scan::is_possessive(w) && p > sent_start {
            if let Some(j) = cx.item_at(p - 1)
                && affs.is_empty()
                && is_aff(cx.items[j].kind)
            {
                affs.push(j);
                if !toponym(cx, j) {
                    ga.s = cx.items[j].s;
                }
                t = cx.items[j].s;
                continue;
            }
            // "the country's army"
            if affs.is_empty()
                && let Some(j) = country_anaphor(cx, p)
            {
                affs.push(j);
            }
            break;
        }
        // "Palestinian health ministry", "Syrian state media", "Gondor border police", "the
        // Arnorian former security officials": up to three modifiers, then the affiliation
        if affs.is_empty()
            && it.s - t < 3
            && (GROUP_MODIFIERS.contains(&w) || res.modifiers.contains(w) || w == "ex")
        {
            t = p;
            if res.modifiers.contains(w) || w == "ex" {
                ga.former |= matches!(w, "former" | "ex");
            }
            continue;
        }
        if matches!(w, "and" | ",") && !affs.is_empty() && p > sent_start {
            if cx.item_at(p - 1).is_some_and(|j| {
                matches!(cx.items[j].kind, ItemKind::Lex(HitKind::Demonym(Some(_))))
            }) {
                t = p;
                continue;
            }
            break;
        }
        if matches!(w, "its" | "their") && affs.is_empty() {
            if let Some(j) = antecedent(cx, p) {
                affs.push(j);
            }
            break;
        }
        break;
    }
    if !affs.is_empty() {
        // "former Gondor prosecutors"
        ga.former |= ga.s > sent_start && matches!(cx.l(ga.s - 1), "former" | "ex");
        return Some(ga);
    }
    // "former officials in the Kremlin": the elites of a body named after the
    // noun (kept only when one is found)
    let former = std::mem::take(&mut ga.former);
    // "diplomats of Turkey", "ministers from the UK", "lawmakers in Fornost", "police in
    // Lahore": a body placed in a country is that country's (not so for troops, refugees or
    // international bodies, often foreign to where they are)
    ga.before = false;
    let end = sent.e;
    let mut u = it.e;
    let domestic = noun.needs_country
        || !matches!(
            noun.sector.get(..3).unwrap_or(""),
            "MIL" | "REF" | "IGO" | "NGO" | "NGM" | "IMG" | "MNC"
        );
    let of = u < end && matches!(cx.l(u), "of" | "from");
    let linked = of || (u < end && domestic && cx.l(u) == "in");
    if !linked {
        // "AidWorks Ormund", "Oxfam Valdoria": an agent placed before the country's code, followed
        // by a country, is that country's section (NGOORM)
        if country_after && let Some(j) = cx.item_at(u) {
            if !toponym(cx, j) {
                ga.e = cx.items[j].e;
            }
            ga.items.push(j);
        }
        return Some(ga);
    }
    u += 1;
    if u < end && cx.l(u) == "the" {
        u += 1;
    }
    // a coordinated list: "of Turkey, Saudi Arabia and Qatar"
    let mut after = Vec::new();
    while let Some(j) = cx.item_at(u)
        && cx.items[j].s == u
        && (matches!(
            cx.items[j].kind,
            ItemKind::Lex(HitKind::Country(_)) | ItemKind::Dict(..)
        ) || (of && matches!(cx.items[j].kind, ItemKind::Lex(HitKind::Org(_))))
            || state_body(cx, j))
    {
        if after.is_empty() && !toponym(cx, j) {
            ga.e = cx.items[j].e;
        }
        after.push(j);
        u = cx.items[j].e;
        if u + 1 < end && matches!(cx.w(u), "," | "and") {
            u += 1;
            if u < end && cx.l(u) == "the" {
                u += 1;
            }
        } else {
            break;
        }
    }
    if after.is_empty() && cx.item_at(u).is_none() && u < end && cx.is_cap(u) {
        let lower: Vec<&str> = (u..end.min(u + res.city_words)).map(|t| cx.l(t)).collect();
        if let Some((n, code)) = res.city_code(&lower)
            && (u + n >= end || !cx.toks[u + n].word || !cx.is_cap(u + n))
        {
            ga.city = Some(code.to_string());
        }
    }
    ga.former = former && (!after.is_empty() || ga.city.is_some());
    // `items` is read back to front
    affs.extend(after.into_iter().rev());
    Some(ga)
}

/// An organisation of the lexicon coded as a country's body ("White House" USAGOV, "Kremlin"
/// RUSGOV): "officials in the White House" are that body's.
fn state_body(cx: &Ctx, j: usize) -> bool {
    let ItemKind::Lex(HitKind::Org(o)) = cx.items[j].kind else {
        return false;
    };
    let code = &cx.res.orgs[o as usize].code;
    code.len() >= 6 && code.get(..3).is_some_and(|c| !SECTORS.contains(&c))
}

/// Group nouns coordinated with the one at item `k` ("lawmakers and officials in Fornost",
/// "Danish media and government"): the items, nearest first, on the side `right`.
fn coordinated_groups(cx: &Ctx, k: usize, right: bool) -> Vec<usize> {
    let sent = cx.sents[cx.sent_of[cx.items[k].s]];
    let mut out = Vec::new();
    let mut cur = cx.items[k];
    loop {
        let (mut u, next) = if right {
            let mut u = cur.e;
            if u >= sent.e || !matches!(cx.l(u), "and" | "or" | ",") {
                break;
            }
            u += 1;
            if u < sent.e && matches!(cx.l(u), "and" | "or") {
                u += 1;
            }
            (u, cx.item_at(u))
        } else {
            if cur.s <= sent.s + 1 || !matches!(cx.l(cur.s - 1), "and" | "or" | ",") {
                break;
            }
            let u = cur.s - 1;
            (u, cx.item_at(u - 1))
        };
        let Some(j) = next else { break };
        if !matches!(cx.items[j].kind, ItemKind::Lex(HitKind::Group(_))) {
            break;
        }
        if right && cx.items[j].s != u {
            break;
        }
        u = j;
        out.push(u);
        cur = cx.items[u];
    }
    out
}

fn group_mention(cx: &mut Ctx, k: usize, g: u32) {
    let res = cx.res;
    let it = cx.items[k];
    let noun = &res.groups[g as usize];
    let Some(mut ga) = group_affs(cx, k, true) else {
        return;
    };
    // "former security officials", "former Gondor prosecutors": CAMEO codes people who held
    // a state office as elites
    let former_noun;
    let noun = match ga.modifier.map(|g2| &res.groups[g2 as usize]) {
        Some(m)
            if !ga.is_empty()
                && noun.sector == "GOV"
                && !noun.prefix
                && !m.prefix
                && !m.sector.starts_with("GOV") =>
        {
            m
        }
        _ => noun,
    };
    let noun = if ga.former
        && !noun.prefix
        && matches!(
            noun.sector.get(..3),
            Some("GOV" | "MIL" | "LEG" | "JUD" | "COP" | "SPY")
        ) {
        former_noun = crate::lexicon::GroupNoun {
            sector: "ELI".into(),
            prefix: false,
            needs_country: noun.needs_country,
        };
        &former_noun
    } else {
        noun
    };
    if ga.is_empty() {
        // a noun coordinated with another that has a country shares it: "lawmakers and
        // officials in Fornost", "Danish media and government"
        let borrowed = coordinated_groups(cx, k, true)
            .into_iter()
            .filter_map(|j| group_affs(cx, j, false))
            .find(|o| !o.before && !o.is_empty())
            .or_else(|| {
                coordinated_groups(cx, k, false)
                    .into_iter()
                    .filter_map(|j| group_affs(cx, j, true))
                    .find(|o| o.before && !o.is_empty())
            });
        if let Some(o) = borrowed {
            ga.items = o.items;
            ga.city = o.city;
        }
    }
    let mut codes: Vec<(String, Span)> = Vec::new();
    let whole = cx.span(ga.s, ga.e);
    let own = ga.s != it.s || ga.e != it.e;
    for (n, &j) in ga.items.iter().rev().enumerate() {
        // the first affiliation is read with the noun; the others of a list after the noun
        // by their own names
        let span = if n == 0 || ga.before || !own {
            whole
        } else if toponym(cx, j) {
            cx.span(it.s, it.e)
        } else {
            cx.span(cx.items[j].s, cx.items[j].e)
        };
        match cx.items[j].kind {
            ItemKind::Lex(HitKind::Demonym(Some(c)) | HitKind::Country(c)) => {
                codes.push((noun.with_country(&res.countries[c as usize].code), span));
                if matches!(cx.items[j].kind, ItemKind::Lex(HitKind::Demonym(_))) {
                    cx.absorbed[j] = true;
                }
            }
            // a body's former members are its elites: USAGOV + ELI
            ItemKind::Lex(HitKind::Org(o)) => {
                let c = &res.orgs[o as usize].code;
                let code = if noun.sector == "ELI" && state_body(cx, j) {
                    format!("{c}ELI")
                } else {
                    c.clone()
                };
                codes.push((code, span));
            }
            ItemKind::Dict(di, ei) => {
                if let Some(c) = res.user[di].entries()[ei].code_on(cx.date) {
                    codes.push((agent_with(noun, c), span));
                }
            }
            _ => {}
        }
    }
    if let Some(c) = &ga.city {
        codes.push((noun.with_country(c), cx.span(it.s, it.e)));
    }
    if codes.is_empty() {
        if noun.needs_country {
            return;
        }
        let phrase_low = cx.slice(it.s, it.e).to_lowercase();
        let domestic = matches!(noun.sector.as_str(), "REB" | "OPP" | "COP")
            || phrase_low.contains("government")
            || phrase_low.contains("regime");
        let code = match (&cx.dominant, domestic) {
            (Some(c), true) => noun.with_country(c),
            _ => noun.sector.clone(),
        };
        codes.push((code, cx.span(ga.s, ga.e)));
    }
    // "an AidWorks Valdoria ambassador": the agent before the country heads each composed code
    if let Some(p) = ga.pre.map(|p| &res.groups[p as usize]) {
        for (code, _) in &mut codes {
            if code.len() > 3 && code.get(..3).is_some_and(|c| !SECTORS.contains(&c)) {
                *code = format!("{}{code}", p.sector);
            }
        }
    }
    for (code, span) in codes {
        let name = cx.text[span.start..span.end].to_string();
        // an agent with no country is a sector, whatever its letters ("MUS" is no country)
        let actor = if code == noun.sector {
            Actor {
                code: code.clone(),
                country: None,
                sector: code.get(..3).map(str::to_string),
            }
        } else {
            actor_from_code(&code)
        };
        cx.mentions.push(Mention {
            span,
            kind: EntityKind::Group,
            key: Key::Group(code.clone()),
            name,
            actor: Some(actor),
        });
    }
}

fn dict_mention(cx: &mut Ctx, k: usize, di: usize, ei: usize) {
    let res = cx.res;
    let it = cx.items[k];
    let entry = &res.user[di].entries()[ei];
    let mut code = entry.code_on(cx.date).map(str::to_string);
    // "Bree Prime Minister Romendacil": a title before a country-coded name adds its sector
    let chain = chain_before(cx, it.s);
    if chain.adjacent_role
        && let Some(sec) = res.sector_str(chain.sector)
        && let Some(c) = &code
        && c.len() == 3
        && !SECTORS.contains(&c.as_str())
    {
        code = Some(format!("{c}{sec}"));
    }
    let name = cx.slice(it.s, it.e).to_string();
    let first = cx.w(it.s);
    // a name of two or more words whose last word stands alone elsewhere in the article as a
    // name ("Maren Tollefsen" … "Tollefsen said") is a person's
    let last = cx.w(it.e - 1);
    let surname_alone = it.e - it.s >= 2
        && last.chars().next().is_some_and(char::is_uppercase)
        && !res.org_suffix.contains(last)
        && cx
            .persons
            .iter()
            .any(|p| p.words.len() == 1 && p.words[0] == last);
    let personish = entry
        .roles
        .iter()
        .any(|r| r.from.is_some() || r.to.is_some())
        || (res.given.contains(first) && it.e - it.s >= 2)
        || surname_alone;
    let kind = match code.as_deref() {
        _ if personish => EntityKind::Person,
        Some(c) if c.len() == 3 && !SECTORS.contains(&c) => EntityKind::Country,
        Some(c) if c.len() == 6 && !SECTORS.contains(&&c[..3]) && res.groups_sector(&c[3..]) => {
            EntityKind::Group
        }
        _ => EntityKind::Organization,
    };
    let key = match kind {
        EntityKind::Country => Key::Country(code.clone().unwrap_or_else(|| name.to_lowercase())),
        EntityKind::Person => {
            let words: Vec<String> = (it.s..it.e).map(|t| cx.w(t).to_string()).collect();
            let pi = match person_index(&cx.persons, &words) {
                Some(p) => {
                    // the full name found after its surname alone
                    if cx.persons[p].words.len() < words.len() {
                        cx.persons[p].words = words;
                    }
                    p
                }
                None => {
                    cx.persons.push(Person {
                        strong: true,
                        speaker: false,
                        words,
                        actor: None,
                        title: None,
                    });
                    cx.persons.len() - 1
                }
            };
            if cx.persons[pi].actor.is_none() {
                cx.persons[pi].actor = code.as_deref().map(actor_from_code);
            }
            Key::Person(pi)
        }
        EntityKind::Group => Key::Group(code.clone().unwrap_or_default()),
        _ => Key::Org(format!("dict:{di}:{ei}")),
    };
    cx.mentions.push(Mention {
        span: cx.span(it.s, it.e),
        kind,
        key,
        name,
        actor: code.as_deref().map(actor_from_code),
    });
}

impl Resources {
    fn groups_sector(&self, s: &str) -> bool {
        self.groups.iter().any(|g| g.sector == s)
    }
}

/// The country named last before byte `at` in the same sentence or the one before, within
/// the paragraph.
fn country_before(cx: &Ctx, at: usize) -> Option<String> {
    let t = cx.toks.partition_point(|p| p.start < at);
    let si = cx.sent_of[t.min(cx.toks.len().checked_sub(1)?)];
    let block = cx.sents[si].block;
    cx.items.iter().rev().find_map(|it| {
        let its = cx.sent_of[it.s];
        if it.e > t || cx.sents[its].block != block || its + 1 < si {
            return None;
        }
        match it.kind {
            ItemKind::Lex(HitKind::Country(c) | HitKind::Demonym(Some(c))) => {
                Some(cx.res.countries[c as usize].code.clone())
            }
            _ => None,
        }
    })
}

/// The first token at or after byte `at`.
fn token_at(cx: &Ctx, at: usize) -> Option<usize> {
    let t = cx.toks.partition_point(|p| p.start < at);
    (t < cx.toks.len()).then_some(t)
}

/// The country code of a lexicon country (or demonym) item.
fn item_country<'a>(cx: &Ctx<'a>, k: usize) -> Option<&'a str> {
    match cx.items[k].kind {
        ItemKind::Lex(HitKind::Country(c) | HitKind::Demonym(Some(c))) => {
            Some(cx.res.countries[c as usize].code.as_str())
        }
        _ => None,
    }
}

/// "King Hassan of Morocco": a country right after a name ending at byte `end`.
fn country_of_after(cx: &Ctx, end: usize) -> Option<String> {
    let t = token_at(cx, end)?;
    let si = cx.sent_of[t];
    if cx.l(t) != "of" || t + 1 >= cx.sents[si].e {
        return None;
    }
    let mut u = t + 1;
    if cx.l(u) == "the" && u + 1 < cx.sents[si].e {
        u += 1;
    }
    let k = cx.item_at(u).filter(|&k| cx.items[k].s == u)?;
    matches!(cx.items[k].kind, ItemKind::Lex(HitKind::Country(_)))
        .then(|| item_country(cx, k).map(str::to_string))
        .flatten()
}

/// The one country the rest of the sentence after byte `end` names, leaving out nationalities
/// that describe another actor ("Kenyan envoy Amina Odera", "Chilean officials").
fn sole_country_after(cx: &Ctx, end: usize) -> Option<String> {
    let t = token_at(cx, end)?;
    let si = cx.sent_of[t];
    let mut found: Option<&str> = None;
    for (k, it) in cx.items.iter().enumerate() {
        if it.s < t || cx.sent_of[it.s] != si || cx.absorbed[k] {
            continue;
        }
        let Some(c) = item_country(cx, k) else {
            continue;
        };
        // the other side of a relation ("action against Russia", "talks with Chile") or a
        // currency ("US $50 million") is no affiliation
        if it.s > t
            && matches!(
                cx.l(it.s - 1),
                "against" | "with" | "between" | "versus" | "vs" | "toward" | "towards"
            )
            || it.e < cx.sents[si].e && matches!(cx.w(it.e), "$" | "dollars" | "dollar")
        {
            return None;
        }
        // a demonym right before a name describes that person
        if matches!(it.kind, ItemKind::Lex(HitKind::Demonym(_)))
            && it.e < cx.toks.len()
            && (cx.claimed[it.e] || cx.item_at(it.e).is_some())
        {
            continue;
        }
        match found {
            None => found = Some(c),
            Some(f) if f == c => {}
            Some(_) => return None,
        }
    }
    found.map(str::to_string)
}

/// "An Oxfam Valdoria ambassador", "the AidWorks Ormund ambassador": a mention whose code is
/// composed on the country it starts with, right after an agent placed before the country's
/// code (PETRARCH's `NGO~`), takes that agent at its head (NGO + VALGOV) and the agent's word
/// into its span.
fn prefix_agents(cx: &mut Ctx) {
    let res = cx.res;
    for mi in 0..cx.mentions.len() {
        let m = &cx.mentions[mi];
        let Some(a) = &m.actor else { continue };
        let Some(c) = a.country.as_deref() else {
            continue;
        };
        if a.code.len() <= 3 || !a.code.starts_with(c) {
            continue;
        }
        let Some(s) = token_at(cx, m.span.start) else {
            continue;
        };
        let starts_with_country = cx.item_at(s).is_some_and(|k| {
            cx.items[k].s == s
                && matches!(
                    cx.items[k].kind,
                    ItemKind::Lex(HitKind::Country(_) | HitKind::Demonym(Some(_)))
                        | ItemKind::Dict(..)
                )
        });
        if s == 0 || !starts_with_country || cx.sent_of[s - 1] != cx.sent_of[s] {
            continue;
        }
        let Some(j) = cx.item_at(s - 1) else { continue };
        let ItemKind::Lex(HitKind::Group(g)) = cx.items[j].kind else {
            continue;
        };
        let noun = &res.groups[g as usize];
        if !noun.prefix || cx.items[j].e != s {
            continue;
        }
        let code = format!("{}{}", noun.sector, a.code);
        let span = Span::new(cx.toks[cx.items[j].s].start, m.span.end);
        let old = a.code.clone();
        let actor = actor_from_code(&code);
        if let Key::Person(pi) = m.key
            && cx.persons[pi].actor.as_ref().is_some_and(|p| p.code == old)
        {
            cx.persons[pi].actor = Some(actor.clone());
        }
        let m = &mut cx.mentions[mi];
        m.name = cx.text[span.start..span.end].to_string();
        m.span = span;
        if let Key::Group(k) = &mut m.key {
            *k = code.clone();
        }
        m.actor = Some(actor);
    }
}

/// Group mentions by key into entities, in order of first mention.
fn assemble(cx: &Ctx) -> Vec<Entity> {
    let res = cx.res;
    let mut ms: Vec<&Mention> = cx.mentions.iter().collect();
    ms.sort_by_key(|m| (m.span.start, m.span.end));
    let mut order: Vec<Key> = Vec::new();
    let mut by_key: HashMap<Key, Entity> = HashMap::default();
    for m in ms {
        let e = by_key.entry(m.key.clone()).or_insert_with(|| {
            order.push(m.key.clone());
            Entity {
                kind: m.kind,
                name: m.name.clone(),
                title: None,
                actor: m.actor.clone(),
                place: None,
                mentions: Vec::new(),
            }
        });
        if e.mentions.last() != Some(&m.span) && !e.mentions.contains(&m.span) {
            e.mentions.push(m.span);
        }
        if e.actor.is_none() {
            e.actor = m.actor.clone();
        }
    }
    let mut out = Vec::with_capacity(order.len());
    for key in order {
        let mut e = by_key.remove(&key).unwrap();
        e.mentions.sort();
        if let Key::Role(_) = key {
            // an unnamed official: the role is all the name there is
            e.title = Some(e.name.clone());
        }
        if let Key::Person(pi) = key {
            let p = &cx.persons[pi];
            e.name = p.words.join(" ");
            e.title = p.title.clone();
            e.actor = p.actor.clone();
            // a known actor's code when the text gave no country or organisation
            let words: Vec<&str> = p.words.iter().map(String::as_str).collect();
            let known = res
                .actor_code(&words, cx.date)
                .or_else(|| res.actor_code(&words[words.len() - 1..], cx.date));
            if let Some(code) = known
                && e.actor.as_ref().is_none_or(|a| {
                    (a.country.is_none() && a.code.len() <= 3)
                        || (a.sector.is_none()
                            && code.len() > a.code.len()
                            && code.starts_with(&a.code))
                })
            {
                e.actor = Some(actor_from_code(&code));
            }
            // a state role with no country: "King Hassan of Morocco" (the country after the
            // name); "In Nigeria, ... President Muhammadu Buhari" (the country named last
            // before it in the same paragraph); "Lt. Gen. Prosper Avril resigned to allow
            // Haiti's first elections" (the one country the rest of the sentence names)
            if let Some(a) = &e.actor
                && a.country.is_none()
                && matches!(a.code.as_str(), "GOV" | "MIL" | "COP" | "JUD" | "LEG")
                && let Some(c) = e
                    .mentions
                    .iter()
                    .find_map(|m| country_of_after(cx, m.end))
                    .or_else(|| e.mentions.first().and_then(|m| country_before(cx, m.start)))
                    .or_else(|| {
                        e.mentions
                            .first()
                            .and_then(|m| sole_country_after(cx, m.end))
                    })
            {
                e.actor = Some(actor_from_code(&format!("{c}{}", a.code)));
            }
        }
        out.push(e);
    }
    out
}

/// User dictionaries override codes: a name found in one takes that dictionary's code.
fn apply_user_dictionaries(ents: &mut [Entity], res: &Resources, date: Option<Date>) {
    if res.user.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        let words = scan::words(&e.name);
        if let Some(d) = res
            .user
            .iter()
            .rev()
            .find(|d: &&ActorDictionary| d.entry(&words).is_some())
        {
            let code = d.lookup(&words, date);
            // keep a code the context made more specific ("BRE" + title → "BREGOV")
            let keep = match (&e.actor, code) {
                (Some(a), Some(c)) => a.code.len() > c.len() && a.code.starts_with(c),
                _ => false,
            };
            if !keep {
                e.actor = code.map(actor_from_code);
            }
            continue;
        }
        // a country the user dictionary codes otherwise ("KUWAIT [KUW]" where the built-in
        // code is KWT) keeps the user's code inside composed codes too: "the Kuwaiti
        // government" KUWGOV, as the country's own name is coded
        if let Some(a) = &e.actor
            && let Some(c) = a.country.as_deref()
            && a.code.starts_with(c)
            && let Some(user) = user_country_code(res, c, date)
        {
            e.actor = Some(actor_from_code(&format!("{user}{}", &a.code[c.len()..])));
        }
    }
}

/// The user dictionaries' code for the built-in country whose code is `builtin`, when they
/// name that country (by its lexicon name) with another three-letter country code.
fn user_country_code(res: &Resources, builtin: &str, date: Option<Date>) -> Option<String> {
    let country = res.countries.iter().find(|c| c.code == builtin)?;
    let words = scan::words(&country.name);
    let d = res.user.iter().rev().find(|d| d.entry(&words).is_some())?;
    let code = d.lookup(&words, date)?;
    (code.len() == 3 && code != builtin && !SECTORS.contains(&code)).then(|| code.to_string())
}
