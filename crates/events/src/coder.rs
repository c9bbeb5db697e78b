//! The per-sentence reading: triggers, cues, arguments, status, date and place.

use crate::lexicon::{Cue, CueKind, Elem, GAP_MAX, Lexicon, normalise_into};
mod dates;
mod place;
mod sense;
pub(crate) use place::*;

use dateline_time::{calendar_word, cardinal};

use dateline_doc::{
    Argument, Basis, BlockKind, DateRef, Doc, EntityKind, Event, PlaceRef, Plover, Precision, Span,
    Status, TokenKind,
};

/// One word of a sentence as the coder sees it.
#[derive(Clone, Debug)]
pub(crate) struct W<'l> {
    pub span: Span,
    /// Range into [`View::buf`] of the normalised lower-case form.
    low: (u32, u32),
    pub lemmas: &'l [u32],
    /// The word is a word of some trigger or cue pattern (decoy-only words are not).
    pub lexical: bool,
    pub punct: bool,
    pub upper: bool,
    /// Index into [`View::chunks`].
    pub chunk: Option<usize>,
    /// Index into `doc.places` when the whole word lies in a place mention.
    pub place: Option<usize>,
    /// The place is a country (as a modifier it names an actor: "a US airstrike").
    pub country: bool,
    /// How wide the place is (`place::feature_rank`: 2 a site … 12 a country, 0 unknown).
    pub rank: u8,
    /// The word lies inside a time expression of the time layer; computed once.
    time: bool,
    /// Starts a clause (a subordinator) / is hard punctuation; computed once.
    sub: bool,
    hard: bool,
}

/// A run of words covered by one entity mention.
#[derive(Clone, Debug)]
pub(crate) struct Chunk {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub span: Span,
    /// A nationality adjective ("Russian"), which can modify a noun trigger.
    pub adjective: bool,
    /// An organisation or armed group with an actor code ("Islamic State"): never a place name,
    /// even when a unit noun ends it.
    pub coded_group: bool,
    /// A person's name (a surname that is also an event word names no event).
    pub person: bool,
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Trig {
    /// The lexicon entry whose pattern matched (syntax: noun or verb, flags).
    pub entry: usize,
    /// The entry that gives the code and rule (a more specific trigger inside a gap).
    pub code_entry: usize,
    /// First and one-past-last word.
    pub head: usize,
    pub end: usize,
    /// Word indices that belong to the pattern itself (not gap words).
    pub fixed: Vec<usize>,
}

#[derive(Clone, Debug)]
pub(crate) struct CueHit {
    pub kind: CueKind,
    pub start: usize,
    pub end: usize,
    pub cue: usize,
}

/// A sentence prepared for coding.
pub(crate) struct View<'l> {
    pub words: Vec<W<'l>>,
    pub chunks: Vec<Chunk>,
    buf: String,
}

impl<'l> View<'l> {
    pub fn low(&self, i: usize) -> &str {
        let (a, b) = self.words[i].low;
        &self.buf[a as usize..b as usize]
    }
    fn is(&self, i: usize, w: &str) -> bool {
        i < self.words.len() && self.low(i) == w
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        i < self.words.len() && ws.contains(&self.low(i))
    }
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Degree words of "too … to": "too early to discuss", "too weak to attack".
const TOO_DEGREE: &[&str] = &[
    "early",
    "late",
    "soon",
    "weak",
    "busy",
    "ill",
    "sick",
    "small",
    "few",
    "dangerous",
    "afraid",
    "scared",
    "frightened",
    "tired",
    "old",
    "young",
    "poor",
    "divided",
    "risky",
    "costly",
    "expensive",
    "difficult",
    "hard",
    "slow",
    "far",
    "big",
    "proud",
    "fragile",
    "premature",
    "complicated",
    "complex",
];

const HARD_PUNCT: &[&str] = &[";", ":", "(", ")", "—", "–", "[", "]", "?", "!"];
const SUBORDINATORS: &[&str] = &[
    "after", "before", "because", "when", "whenever", "while", "although", "though", "whereas",
    "if", "unless", "but", "which", "who", "whom", "whose", "where", "that", "until", "once",
    "what", "how", "why", "whether",
];
const PREPOSITIONS: &[&str] = &[
    "in", "of", "on", "at", "to", "for", "with", "from", "by", "into", "about", "against", "over",
    "near", "between", "among", "toward", "towards", "under", "through", "across", "around",
    "than", "like",
];
const BE: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "get", "got", "gets", "getting", "'s",
];
const AUX_SKIP: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "should",
    "must",
    "did",
    "do",
    "does",
    "not",
    "n't",
    "also",
    "then",
    "reportedly",
    "allegedly",
    "again",
    "later",
    "recently",
    "already",
    "never",
    "just",
    "still",
    "jointly",
    "once",
    "finally",
    "apparently",
    "repeatedly",
    "now",
    "to",
    "'ll",
    "'ve",
    "'d",
    "formally",
    "officially",
    "publicly",
    "strongly",
    "sharply",
];
const PRE_TO: &[&str] = &[
    "due",
    "set",
    "expected",
    "scheduled",
    "going",
    "about",
    "able",
    "likely",
    "unlikely",
    "ready",
    "willing",
    "poised",
    "supposed",
    "bound",
    "slated",
];
const NOUN_PREMOD: &[&str] = &[
    "the",
    "a",
    "an",
    "suspected",
    "heavy",
    "fresh",
    "new",
    "renewed",
    "intense",
    "intensified",
    "deadly",
    "latest",
    "overnight",
    "alleged",
    "joint",
    "continued",
    "continuing",
    "massive",
    "further",
    "reported",
    "recent",
    "apparent",
    "more",
    "several",
    "dozens",
    "of",
    "'s",
    "its",
    "their",
    "his",
    "her",
    "first",
    "second",
    "two",
    "three",
    "weekend",
    "day-long",
    "ongoing",
    "relentless",
    "indiscriminate",
    "brutal",
    "fierce",
    "sustained",
    "government",
    "military",
    "army",
    "rebel",
    "and",
    ",",
    "&",
    "nine-nation",
    "high-level",
    "direct",
    "bilateral",
    "multilateral",
    "international",
    "emergency",
    "planned",
    "proposed",
    "reported",
];
const POSSESSIVES: &[&str] = &["its", "their", "his", "her"];
/// Articles and possessives: a word that opens a noun phrase ("the", "its", …).
const ARTICLES_POSSESSIVES: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
    "which", "who", "what", "one", "some", "all", "both", "each", "many", "others", "most", "any",
    "him", "them", "us",
];
const FUNCTION: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "than", "so", "has", "have", "had", "is", "are", "was", "were", "be", "been",
    "not", "no", "also", "then", "their", "its", "his", "her", "our", "my", "your", "if",
];
const LOC_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "around",
    "inside",
    "across",
    "throughout",
    "into",
    "along",
    "within",
    "nearby",
    "off",
    "through",
];
const GEO_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "outskirts",
    "east",
    "west",
    "north",
    "south",
    "part",
    "parts",
    "area",
    "areas",
    "suburb",
    "suburbs",
    "governorate",
    "state",
    "port",
    "neighbourhood",
    "neighborhood",
    "centre",
    "center",
    "heart",
    "streets",
    "countryside",
    "border",
];
const GEO_MODS: &[&str] = &[
    "the",
    "rebel-held",
    "opposition-held",
    "government-held",
    "besieged",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "east",
    "west",
    "north",
    "south",
    "war-torn",
    "embattled",
    "of",
    "'s",
    "rebel-controlled",
    "opposition-controlled",
    "government-controlled",
];
/// Collective heads whose "of" phrase names the actor: "a group of X", "a delegation of X".
const COLLECTIVES: &[&str] = &[
    "group",
    "delegation",
    "team",
    "contingent",
    "band",
    "number",
    "majority",
    "handful",
    "member",
    "members",
];

/// Participles that are adjectives before "to": "is opposed to" opposes, "is committed to"
/// intends; their subject is the actor, not a passive target.
const ADJECTIVAL_PARTICIPLES: &[&str] = &[
    "opposed",
    "committed",
    "determined",
    "prepared",
    "resolved",
    "dedicated",
    "devoted",
    "inclined",
];

/// Head nouns that only carry the act named before them: "a mediation effort", "a peace
/// mission", "a bid".
const LIGHT_HEADS: &[&str] = &[
    "effort",
    "efforts",
    "mission",
    "missions",
    "bid",
    "bids",
    "initiative",
    "initiatives",
    "campaign",
    "drive",
    // "the shooting death of Ikeem Ward": the death the act caused
    "death",
    "deaths",
];

/// Word `k` lies inside a time expression of the time layer.
fn in_time(v: &View, k: usize) -> bool {
    v.words.get(k).is_some_and(|w| w.time)
}

/// Nouns of hostile acts whose "by X" names the actor a condemnation, demand or appeal is
/// aimed at ("condemned the shelling by government forces").
const ACT_NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "assault",
    "assaults",
    "killing",
    "killings",
    "shelling",
    "bombing",
    "bombings",
    "bombardment",
    "raid",
    "raids",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "massacre",
    "incursion",
    "invasion",
    "aggression",
    "crackdown",
    "violence",
    "abuses",
    "violations",
    "arrest",
    "arrests",
    "detention",
    "execution",
    "executions",
    "shooting",
    "occupation",
    "blockade",
];
/// Participles naming who made, sent or put forward a thing: "the proposal made by X".
const AUTHORED: &[&str] = &[
    "made",
    "sent",
    "issued",
    "proposed",
    "submitted",
    "offered",
    "presented",
    "drafted",
    "tabled",
    "written",
    "forwarded",
    "forward",
    "delivered",
    "announced",
];
const REPORT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "added",
    "announced",
    "quoted",
];

/// Build the word view of one sentence.
pub(crate) fn view<'l>(doc: &Doc, lex: &'l Lexicon, sentence: usize) -> View<'l> {
    let toks = doc.sentence_tokens(sentence);
    let sspan = doc.sentences[sentence].span;
    let mut buf = String::new();
    let mut tmp = String::new();
    let mut words = Vec::with_capacity(toks.len());
    for t in toks {
        let s = doc.slice(t.span);
        normalise_into(s, &mut tmp);
        let a = buf.len() as u32;
        buf.push_str(&tmp);
        let lemmas = lex.lemmas_of(&tmp);
        words.push(W {
            span: t.span,
            low: (a, buf.len() as u32),
            lemmas,
            lexical: lemmas.iter().any(|l| !lex.decoy_only.contains(l)),
            punct: matches!(t.kind, TokenKind::Punct | TokenKind::Symbol),
            upper: s.chars().next().is_some_and(char::is_uppercase),
            chunk: None,
            place: None,
            country: false,
            rank: 0,
            time: false,
            sub: SUBORDINATORS.contains(&tmp.as_str()),
            hard: HARD_PUNCT.contains(&tmp.as_str()),
        });
    }
    let mut chunks = Vec::new();
    // Nested or overlapping mentions ("Arnor" inside "Arnor's foreign minister"): the longest
    // mention with an actor code claims the words, so the more specific actor is read.
    let mut mentions: Vec<(usize, Span)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(ei, e)| e.mentions.iter().map(move |m| (ei, *m)))
        .filter(|(_, m)| sspan.overlaps(*m))
        .collect();
    mentions.sort_by_key(|&(ei, m)| {
        (
            doc.entities[ei].actor.is_none(),
            std::cmp::Reverse(m.end - m.start),
            m.start,
        )
    });
    for (ei, m) in mentions {
        let e = &doc.entities[ei];
        {
            let m = &m;
            // words are in text order: find the overlapping run by binary search
            let a = words.partition_point(|w| w.span.end <= m.start);
            let end = words.partition_point(|w| w.span.start < m.end);
            if a >= end {
                continue;
            }
            let b = end - 1;
            if (a..=b).any(|i| words[i].chunk.is_some()) {
                continue;
            }
            let ci = chunks.len();
            chunks.push(Chunk {
                start: a,
                end: b + 1,
                entity: ei,
                span: *m,
                adjective: e.kind == EntityKind::Nationality,
                coded_group: matches!(e.kind, EntityKind::Organization | EntityKind::Group)
                    && e.actor.is_some()
                    && e.place.is_none(),
                person: e.kind == EntityKind::Person,
            });
            for w in &mut words[a..=b] {
                w.chunk = Some(ci);
            }
        }
    }
    chunks.sort_by_key(|c| c.start);
    for (ci, c) in chunks.iter().enumerate() {
        for w in &mut words[c.start..c.end] {
            w.chunk = Some(ci);
        }
    }
    for (pi, p) in doc.places.iter().enumerate() {
        for m in &p.mentions {
            if !sspan.overlaps(*m) {
                continue;
            }
            let a = words.partition_point(|w| w.span.end <= m.start);
            let end = words.partition_point(|w| w.span.start < m.end);
            for w in &mut words[a..end.max(a)] {
                if m.start <= w.span.start && w.span.end <= m.end {
                    w.country = matches!(p.feature, Some(dateline_doc::Feature::Country));
                    w.rank = feature_rank(p.feature);
                    w.place = Some(pi);
                }
            }
        }
    }
    for t in doc.times.iter().filter(|t| sspan.overlaps(t.span)) {
        let a = words.partition_point(|w| w.span.end <= t.span.start);
        let end = words.partition_point(|w| w.span.start < t.span.end);
        for w in &mut words[a..end.max(a)] {
            w.time |= t.span.contains(w.span);
        }
    }
    let mut view = View { words, chunks, buf };
    // "once again", "once more": an adverb, not the subordinator "once"
    for i in 0..view.len().saturating_sub(1) {
        if view.is(i, "once") && view.is_any(i + 1, &["again", "more"]) {
            view.words[i].sub = false;
        }
    }
    view
}

fn match_pattern(v: &View, pat: &[Elem], i: usize, fixed: &mut Vec<usize>) -> Option<usize> {
    let Some(first) = pat.first() else {
        return Some(i);
    };
    match *first {
        Elem::Word(l) => {
            if i < v.len() && v.words[i].lemmas.contains(&l) {
                fixed.push(i);
                if let Some(e) = match_pattern(v, &pat[1..], i + 1, fixed) {
                    return Some(e);
                }
                fixed.pop();
                return None;
            }
            // "left yesterday for", "met on Monday with": a time expression between two
            // words of a trigger stays out of it
            if !fixed.is_empty() && i < v.len() && v.words[i].time {
                let mut k = i;
                while k < v.len() && v.words[k].time && k - i < 4 {
                    k += 1;
                }
                if k < v.len() && v.words[k].lemmas.contains(&l) {
                    fixed.push(k);
                    if let Some(e) = match_pattern(v, &pat[1..], k + 1, fixed) {
                        return Some(e);
                    }
                    fixed.pop();
                }
            }
            None
        }
        Elem::Gap => {
            for g in 0..=GAP_MAX {
                if g > 0 {
                    let k = i + g - 1;
                    // "restore complete, full ties": a comma between two epithets stays
                    // inside the gap
                    let listed = v.is(k, ",")
                        && k > i
                        && k + 1 < v.len()
                        && plain(v, k - 1)
                        && plain(v, k + 1);
                    // "captured the rebels' last stronghold": a possessive apostrophe stays
                    // inside the gap
                    let possessive =
                        k > i && v.is_any(k, &["'", "\u{2019}"]) && !v.words[k - 1].punct;
                    if k >= v.len()
                        || (v.words[k].punct && !listed && !possessive)
                        || v.is_any(k, SUBORDINATORS)
                    {
                        return None;
                    }
                }
                if let Some(e) = match_pattern(v, &pat[1..], i + g, fixed) {
                    return Some(e);
                }
            }
            None
        }
    }
}

/// Longest non-overlapping triggers, left to right.
pub(crate) fn triggers(v: &View, lex: &Lexicon) -> Vec<Trig> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut fixed = Vec::new();
    while i < v.len() {
        let mut best: Option<Trig> = None;
        for &l in v.words[i].lemmas {
            let Some(ids) = lex.by_first.get(&l) else {
                continue;
            };
            for &id in ids {
                let e = &lex.entries[id as usize];
                fixed.clear();
                if let Some(end) = match_pattern(v, &e.pattern, i, &mut fixed) {
                    if let (Some(nl), Some(&lw)) = (&e.noun_last, fixed.last()) {
                        let w = v.low(lw);
                        // (nor, for a one-word noun, an irregular verb form: "Israel struck its
                        // nuclear sites" is no labour strike; "a drone struck" still reads as
                        // the drone strike it tells)
                        if (w.ends_with("ing") && !nl.ends_with("ing"))
                            || (w.ends_with("ed") && !nl.ends_with("ed"))
                            || (e.pattern.len() == 1
                                && w != nl
                                && (!w.ends_with('s') || third_person_verb(v, lw)))
                        {
                            continue;
                        }
                    }
                    let better = match &best {
                        None => true,
                        Some(b) => {
                            let (bl, nl) = (b.fixed.len(), fixed.len());
                            let be = &lex.entries[b.entry];
                            nl > bl
                                || (nl == bl && end - i < b.end - b.head)
                                || (nl == bl
                                    && end - i == b.end - b.head
                                    && (lex.codes[e.code].code.len()
                                        > lex.codes[be.code].code.len()
                                        || (e.noun != be.noun
                                            && if exact_noun(e, v, &fixed)
                                                != exact_noun(be, v, &b.fixed)
                                            {
                                                exact_noun(e, v, &fixed)
                                            } else {
                                                e.noun == nominal(v, i)
                                            })))
                        }
                    };
                    if better {
                        best = Some(Trig {
                            entry: id as usize,
                            code_entry: id as usize,
                            head: i,
                            end,
                            fixed: fixed.clone(),
                        });
                    }
                }
            }
        }
        // a trigger word inside a name is part of the name: "Asia-Pacific Economic
        // Cooperation", "Save the Children"
        if let Some(t) = &best
            && t.fixed.iter().all(|&k| v.words[k].chunk.is_some())
            && t.fixed.iter().any(|&k| v.words[k].upper)
        {
            best = None;
        }
        match best {
            // "meet the demand", "a place to visit": the words name no event
            Some(t) if lex.entries[t.entry].decoy => i = t.end,
            Some(mut t) => {
                refine(v, lex, &mut t);
                i = t.end;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// The word at `k` (a noun's plural in "s") is a verb in the third person after its subject
/// pronoun, an adverb between them or not: "she talks to the press everywhere she goes", "he
/// now talks freely of it" (not the plural noun "talks").
fn third_person_verb(v: &View, k: usize) -> bool {
    let mut j = k;
    if j > 0
        && (v.low(j - 1).ends_with("ly") || v.is_any(j - 1, &["now", "also", "still", "often"]))
    {
        j -= 1;
    }
    let pronoun = j > 0 && v.is_any(j - 1, &["he", "she", "it", "who"]);
    // ("Clinton now talks freely of her experiences", "the vice president talks tough": a
    // name or a person's title before, a manner or a topic after)
    let named = j > 0
        && (v.words[j - 1].chunk.is_some_and(|c| v.chunks[c].person)
            || v.is_any(j - 1, &["president", "senator", "governor"]))
        && v.is_any(k + 1, &["tough", "freely", "openly", "about", "of"]);
    pronoun || named
}

/// A noun entry whose last word appears exactly as written ("fighting", "talks" is not).
fn exact_noun(e: &crate::lexicon::Entry, v: &View, fixed: &[usize]) -> bool {
    match (&e.noun_last, fixed.last()) {
        (Some(nl), Some(&k)) => v.low(k) == nl && nl.ends_with("ing"),
        _ => false,
    }
}

/// Whether the word at `i` reads as a noun: after a determiner, modifier, number, possessive or
/// actor, or at the start of the sentence.
fn nominal(v: &View, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    // "a brief private visit", "his first official foreign visit": epithets between a
    // determiner and the word
    let mut d = i - 1;
    while d > 0 && i - d <= 3 && epithet(v, d) {
        d -= 1;
    }
    if d + 1 < i && v.is_any(d, &["a", "an", "the", "his", "her", "its", "their", "our"]) {
        return true;
    }
    let p = i - 1;
    let low = v.low(p);
    // "vowed to attack the city": an infinitive with an object
    if low == "to"
        && (v.words.get(i + 1).is_some_and(|w| w.chunk.is_some())
            || v.is_any(i + 1, ARTICLES_POSSESSIVES))
    {
        return false;
    }
    (NOUN_PREMOD.contains(&low) && !matches!(low, "and" | "," | "&"))
        || low.starts_with(|c: char| c.is_ascii_digit())
        || REPORT_VERBS.contains(&low)
        || PREPOSITIONS.contains(&low)
        || v.words[p].chunk.is_some_and(|c| v.chunks[c].adjective)
        || v.words[p].place.is_some()
        || matches!(
            low,
            "of" | "more" | "heavy" | "new" | "fresh" | "reported" | "two" | "no"
        )
}

/// A gapped match ("opened a war crimes investigation") whose gap holds a more specific trigger
/// ending at the same word takes that trigger's code.
fn refine(v: &View, lex: &Lexicon, t: &mut Trig) {
    if t.fixed.len() == t.end - t.head {
        return;
    }
    let mut fixed = Vec::new();
    for k in t.head + 1..t.end {
        if t.fixed.contains(&k) && k != t.end - 1 {
            continue;
        }
        for &l in v.words[k].lemmas {
            let Some(ids) = lex.by_first.get(&l) else {
                continue;
            };
            for &id in ids {
                let e = &lex.entries[id as usize];
                fixed.clear();
                if !e.decoy
                    && match_pattern(v, &e.pattern, k, &mut fixed) == Some(t.end)
                    && fixed.len() >= 2
                    && specificity(&lex.codes[e.code].code)
                        > specificity(&lex.codes[lex.entries[t.code_entry].code].code)
                {
                    t.code_entry = id as usize;
                    return;
                }
            }
        }
    }
}

pub(crate) fn cues(v: &View, lex: &Lexicon) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut fixed = Vec::new();
    for i in 0..v.len() {
        // a capitalised word of a name of several words is part of that name, no cue:
        // "a Planned Parenthood gathering", "the Next Generation Party"
        if v.words[i].upper
            && v.words[i]
                .chunk
                .is_some_and(|c| v.chunks[c].end - v.chunks[c].start >= 2)
        {
            continue;
        }
        for &l in v.words[i].lemmas {
            let Some(ids) = lex.cue_by_first.get(&l) else {
                continue;
            };
            for &id in ids {
                let c: &Cue = &lex.cues[id as usize];
                fixed.clear();
                if let Some(end) = match_pattern(v, &c.pattern, i, &mut fixed) {
                    out.push(CueHit {
                        kind: c.kind,
                        start: i,
                        end,
                        cue: id as usize,
                    });
                }
            }
        }
    }
    out
}

/// Word `i` starts a new clause (the boundary word itself belongs to the new clause).
fn starts_clause(v: &View, i: usize) -> bool {
    i < v.len() && (v.words[i].sub || (i > 0 && v.words[i - 1].hard))
}

fn is_hard(v: &View, i: usize) -> bool {
    i < v.len() && v.words[i].hard
}

/// First word of the clause containing `i`.
fn clause_start(v: &View, i: usize) -> usize {
    let mut k = i;
    while k > 0 && !starts_clause(v, k) {
        k -= 1;
    }
    k
}

/// One past the last word of the clause containing `i`.
fn clause_end(v: &View, i: usize) -> usize {
    let mut k = i + 1;
    while k < v.len() && !starts_clause(v, k) && !is_hard(v, k) {
        k += 1;
    }
    k
}

/// The coordinated group of chunks around chunk `c`: "Russia and the US", "Mordor, Rohan and
/// Bree", "Lavrov and seven regional foreign ministers".
fn group(v: &View, c: usize, excluded: &[usize]) -> Vec<usize> {
    let mut g = vec![c];
    // rightwards
    let mut cur = c;
    loop {
        let mut k = v.chunks[cur].end;
        let mut saw_sep = false;
        let mut extra = 0;
        while k < v.len() && (v.is_any(k, &[",", "and", "&", "or"]) || (saw_sep && extra < 3)) {
            if v.words[k].chunk.is_some() {
                break;
            }
            if v.is_any(k, &[",", "and", "&", "or"]) {
                saw_sep = true;
            } else if v.words[k].punct || v.words[k].lexical && !v.words[k].upper {
                break;
            } else {
                extra += 1;
            }
            k += 1;
        }
        match (saw_sep && k < v.len()).then(|| v.words[k].chunk).flatten() {
            Some(n) if n != cur && !excluded.contains(&n) => {
                g.push(n);
                cur = n;
            }
            _ => break,
        }
    }
    // leftwards
    let mut cur = c;
    loop {
        let s = v.chunks[cur].start;
        if s == 0 {
            break;
        }
        let mut k = s - 1;
        let mut saw_sep = false;
        let mut steps = 0;
        loop {
            if v.words[k].chunk.is_some() {
                break;
            }
            if v.is_any(k, &[",", "and", "&", "or"]) {
                saw_sep = true;
            } else if (!saw_sep && !v.is_any(k, &["the", "a", "an"]) && !epithet(v, k))
                || v.words[k].punct
                || steps > 3
            {
                saw_sep = false;
                break;
            }
            steps += 1;
            if k == 0 {
                break;
            }
            k -= 1;
        }
        match saw_sep.then(|| v.words[k].chunk).flatten() {
            Some(n) if n != cur && !excluded.contains(&n) => {
                g.insert(0, n);
                cur = n;
            }
            _ => break,
        }
    }
    g
}

/// A word that can stand between a conjunction and the actor it qualifies ("Fornost and the
/// ailing, isolated Gondor"): a plain word that is no trigger, function word, pronoun,
/// auxiliary, reporting verb or adverb.
fn epithet(v: &View, k: usize) -> bool {
    !v.words[k].lexical && plain(v, k)
}

/// A plain lower-case content word: no actor, place, function word, pronoun, auxiliary,
/// reporting verb or adverb.
fn plain(v: &View, k: usize) -> bool {
    let low = v.low(k);
    k < v.len()
        && !v.words[k].punct
        && !v.words[k].upper
        && v.words[k].chunk.is_none()
        && v.words[k].place.is_none()
        && low.chars().all(|c| c.is_alphabetic() || c == '-')
        && !low.ends_with("ly")
        && !FUNCTION.contains(&low)
        && !PREPOSITIONS.contains(&low)
        && !SUBORDINATORS.contains(&low)
        && !PRONOUNS.contains(&low)
        && !AUX_SKIP.contains(&low)
        && !REPORT_VERBS.contains(&low)
}

/// Skip a parenthetical ", who …," / ", the …," / ", in remarks …," ending at comma `c`
/// (scanning leftwards). Returns the index of the opening comma if `c` closes one.
fn parenthetical_open(v: &View, c: usize) -> Option<usize> {
    let lo = c.saturating_sub(16);
    let mut k = c;
    while k > lo {
        k -= 1;
        if is_hard(v, k) {
            return None;
        }
        if v.is(k, ",") {
            let opener = &[
                // "Tom Ruiz, 38, of 12 Oak Street in Dunmore, was arrested": a residence
                "of",
                "who",
                "which",
                "whose",
                "whom",
                "where",
                "in",
                "on",
                "at",
                "after",
                "during",
                "speaking",
                "according",
                "a",
                "an",
                "the",
                "its",
                "his",
                "her",
                "their",
                "from",
                "citing",
                "quoting",
                "while",
            ];
            return v.is_any(k + 1, opener).then_some(k);
        }
    }
    None
}

/// Nearest actor chunk to the left of `from` (exclusive) in the clause, not preceded by a
/// preposition, skipping parentheticals and a name's abbreviation in brackets.
fn left_actor(v: &View, from: usize, excluded: &[usize]) -> Option<usize> {
    let mut k = from;
    while k > 0 {
        k -= 1;
        // "The European Union (EU) imposed …": a short parenthesis right after a name is
        // the name's abbreviation or gloss, not a boundary
        if v.is(k, ")")
            && let Some(o) = (k.saturating_sub(5)..k).rev().find(|&o| v.is(o, "("))
            && o > 0
            && v.words[o - 1].chunk.is_some()
            && (o + 1..k).all(|j| !is_hard(v, j) && !v.words[j].punct)
        {
            k = o;
            continue;
        }
        if is_hard(v, k) {
            return None;
        }
        if v.is(k, ",")
            && let Some(o) = parenthetical_open(v, k)
        {
            k = o;
            continue;
        }
        if let Some(c) = v.words[k].chunk
            && !excluded.contains(&c)
        {
            let s = v.chunks[c].start;
            let e = v.chunks[c].end;
            let modifier = v.chunks[c].adjective && e < v.len() && v.is_any(e, GEO_NOUNS);
            if !modifier && !after_preposition(v, s) {
                return Some(c);
            }
            k = s;
            continue;
        }
        if starts_clause(v, k) {
            return None;
        }
    }
    None
}

/// The phrase starting at word `s` sits in a preposition phrase ("in northern Syria"), unless
/// it gives the origin of a bare plural head ("ministers from the UK").
fn after_preposition(v: &View, s: usize) -> bool {
    let mut k = s;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        k -= 1;
        steps += 1;
        let l = v.low(k);
        if PREPOSITIONS.contains(&l) {
            let origin = matches!(l, "from" | "of")
                && k > 0
                && v.words[k - 1].chunk.is_none()
                && v.low(k - 1).ends_with('s')
                && !v.words[k - 1].punct
                && !v.words[k - 1].lexical;
            // "a group of Moroccan diplomats", "a delegation of X": a collective head
            let collective = l == "of" && k > 0 && v.is_any(k - 1, COLLECTIVES);
            return !(origin || collective);
        }
        if !(GEO_MODS.contains(&l) || matches!(l, "the" | "a" | "an")) {
            return false;
        }
    }
    false
}

/// First actor chunk in `from..to`, stopping at clause boundaries.
fn right_actor(
    v: &View,
    from: usize,
    to: usize,
    excluded: &[usize],
    skip_by: bool,
    fixed: &[usize],
    act_agent: bool,
) -> Option<usize> {
    // the gap words of a gapped trigger ("promised to continue military aid") are inside the
    // trigger's own phrase: only an actor there ends the search
    let inside = fixed.last().map_or(0, |&l| l + 1);
    let mut k = from;
    while k < to.min(v.len()) {
        if fixed.contains(&k) || (k < inside && v.words[k].chunk.is_none()) {
            k += 1;
            continue;
        }
        // "restored complete, formal ties with X": a comma between epithets goes on
        let listed = v.is(k, ",") && k > 0 && plain(v, k - 1) && plain(v, k + 1);
        if is_hard(v, k) || (v.is(k, ",") && !listed) || (k > from && starts_clause(v, k)) {
            return None;
        }
        if skip_by && v.is(k, "by") {
            // "condemned an attack by X": the agent of a condemned act is the target; so is
            // the author of a thing the object names ("welcomed the proposal made by X",
            // "rejected memos sent by X")
            if (act_agent && k > from && (from..k).any(|j| v.is_any(j, ACT_NOUNS)))
                || (k > from && v.is_any(k - 1, AUTHORED))
            {
                k += 1;
                continue;
            }
            return None;
        }
        // "to stop the violence in Syria": a new verb phrase begins; "aid to war-torn
        // Mozambique", "asylum to five Rwandan officers": a noun phrase whose first words are
        // modifiers is the object of the preposition
        if v.is(k, "to")
            && k + 1 < v.len()
            && v.words[k + 1].chunk.is_none()
            && !v.is_any(k + 1, ARTICLES_POSSESSIVES)
            && v.words[k + 1].place.is_none()
            && !modified_actor(v, k + 1)
        {
            return None;
        }
        if let Some(c) = v.words[k].chunk
            && !excluded.contains(&c)
        {
            // "held a harvest feast in Tarvik with Norland": inside the trigger's own phrase a
            // name after a locative preposition is where, not whom
            let s = v.chunks[c].start;
            if s < inside && s > 0 && v.is_any(s - 1, LOC_PREPS) {
                k = v.chunks[c].end;
                continue;
            }
            return Some(title_head(v, c));
        }
        k += 1;
    }
    None
}

/// Words that can only be modifiers at the start of a noun phrase: "war-torn", "18",
/// "five", "neighbouring", "northern". A verb is never one of them, so "to" before them is a
/// preposition.
fn np_modifier(v: &View, k: usize) -> bool {
    const MODS: &[&str] = &[
        "neighbouring",
        "neighboring",
        "fellow",
        "impoverished",
        "troubled",
        "several",
        "dozens",
        "hundreds",
        "thousands",
        "some",
        "many",
        "all",
    ];
    if k >= v.len() {
        return false;
    }
    let low = v.low(k);
    !v.words[k].punct
        && !v.words[k].lexical
        && (low.starts_with(|c: char| c.is_ascii_digit())
            || (low.contains('-') && low.chars().all(|c| c.is_alphabetic() || c == '-'))
            || GEO_MODS.contains(&low) && low != "of" && low != "'s"
            || MODS.contains(&low)
            || cardinal(low).is_some_and(|n| n >= 2))
}

/// Word `k` starts a noun phrase of modifiers ([`np_modifier`], "of") ending in an actor
/// within four words.
fn modified_actor(v: &View, k: usize) -> bool {
    let mut j = k;
    while j < v.len() && j < k + 4 {
        if v.words[j].chunk.is_some() {
            return j > k;
        }
        if !(np_modifier(v, j) || (j > k && v.is(j, "of"))) {
            return false;
        }
        j += 1;
    }
    false
}

/// "US Secretary of State John Kerry", "Russian Foreign Minister Sergey Lavrov": a country or
/// nationality chunk followed closely by another chunk (the person it qualifies) yields the
/// latter.
fn title_head(v: &View, c: usize) -> usize {
    let end = v.chunks[c].end;
    for k in end..(end + 5).min(v.len()) {
        if v.words[k].punct || v.is_any(k, &["and", "or", "to", "with", "in"]) {
            break;
        }
        if let Some(n) = v.words[k].chunk
            && n != c
        {
            let starts_upper = (end..k).all(|j| v.words[j].upper || v.is(j, "of"));
            return if starts_upper { n } else { c };
        }
    }
    c
}

/// Chunks in text order joined by commas alone ("Norway's foreign minister, Jonas Berg,") name
/// one actor twice; a list has "and", "or" or "&" somewhere ("Mordor, Rohan and Bree"), also
/// after its last name ("Mordor, Rohan, and other powers").
fn apposition(v: &View, g: &[usize]) -> bool {
    let mut sorted = g.to_vec();
    sorted.sort_by_key(|&c| v.chunks[c].start);
    // "France, Germany, and several neighbours": the list goes on after its last name
    let last_end = sorted.last().map_or(0, |&c| v.chunks[c].end);
    let list_goes_on = (last_end..(last_end + 2).min(v.len()))
        .find(|&k| !v.is(k, ","))
        .is_some_and(|k| v.is_any(k, &["and", "or", "&"]));
    g.len() > 1
        && !list_goes_on
        && sorted.windows(2).all(|w| {
            let (a, b) = (v.chunks[w[0]].end, v.chunks[w[1]].start);
            a < b
                && b - a <= 5
                && (a..b).any(|k| v.is(k, ","))
                && (a..b).all(|k| !v.is_any(k, &["and", "or", "&", "with", "against"]))
        })
}

fn args(doc: &Doc, v: &View, g: &[usize], mil: bool) -> Vec<Argument> {
    // an apposition is one actor: the most specific name of it
    let one;
    let g = if apposition(v, g) {
        let code_len = |c: usize| {
            doc.entities[v.chunks[c].entity]
                .actor
                .as_ref()
                .map_or(0, |a| a.code.len())
        };
        // a possessive or a noun modifier is no head ("Syria's ally, Russia,", "Pakistan, a
        // key US ally,"); among heads the most specific code, else the first (the head the
        // appositive describes)
        let heads: Vec<usize> = g
            .iter()
            .copied()
            .filter(|&c| {
                let e = v.chunks[c].end;
                !(v.is(e, "'s") || (e < v.len() && plain(v, e)))
            })
            .collect();
        let pool = if heads.is_empty() { g } else { &heads[..] };
        one = [*pool
            .iter()
            .max_by_key(|&&c| (code_len(c), std::cmp::Reverse(v.chunks[c].start)))
            .unwrap_or(&g[0])];
        &one[..]
    } else {
        g
    };
    g.iter()
        .flat_map(|&c| {
            let ch = &v.chunks[c];
            let ent = &doc.entities[ch.entity];
            // a dictionary name that stands for several actors at once (PETRARCH's
            // `[FRO/BIL/SAM]`: "the Benelux countries") is one argument per actor
            let codes: Vec<Option<String>> = match ent.actor.as_ref() {
                Some(a) if a.code.contains('/') => a
                    .code
                    .split('/')
                    .filter(|x| !x.is_empty())
                    .map(|x| Some(x.to_string()))
                    .collect(),
                Some(a) => vec![Some(a.code.clone())],
                None => vec![None],
            };
            codes.into_iter().map(move |mut code| {
                if mil
                    && let Some(cd) = code.as_mut()
                    && cd.len() == 3
                    && matches!(ent.kind, EntityKind::Nationality | EntityKind::Country)
                {
                    cd.push_str("MIL");
                }
                Argument {
                    entity: Some(ch.entity),
                    code,
                    span: ch.span,
                }
            })
        })
        .collect()
}

/// A bare noun subject when no entity is there: "The rebels denied …", "The two leaders will
/// meet …"; with `indefinite` also "a senior official said". Only nouns directly before the
/// verb group.
fn bare_subject(v: &View, head: usize, trigs: &[Trig], indefinite: bool) -> Option<Span> {
    let mut k = head;
    while k > 0 {
        k -= 1;
        if v.is(k, "to") {
            // "are due to sign": the subject is before the adjective; "fails to agree": none
            if k > 0 && v.is_any(k - 1, PRE_TO) {
                k -= 1;
                continue;
            }
            return None;
        }
        if v.is_any(k, AUX_SKIP) || v.low(k).ends_with("ly") {
            continue;
        }
        if trigs.iter().any(|t| t.head <= k && k < t.end) {
            return None;
        }
        let w = &v.words[k];
        let low = v.low(k);
        // a plural common noun: "the rebels", "two leaders", "staffers"
        let plural = low.len() > 3
            && low.ends_with('s')
            && !low.ends_with("ss")
            && !low.ends_with("us")
            && !matches!(
                low,
                "thousands"
                    | "hundreds"
                    | "dozens"
                    | "scores"
                    | "millions"
                    | "tens"
                    | "others"
                    | "years"
                    | "months"
                    | "days"
                    | "weeks"
                    | "hours"
                    | "sources"
                    | "reports"
                    | "news"
                    | "photos"
                    | "images"
            );
        // or a definite singular: "the minister", "the army"
        let definite = k > 0 && v.is(k - 1, "the") && !w.upper;
        // or an indefinite one with at most two modifiers: "a senior official", "an army
        // spokesman"
        let indefinite = indefinite
            && !w.upper
            && (1..=3).any(|j| {
                k >= j
                    && v.is_any(k - j, &["a", "an"])
                    && (k - j + 1..k).all(|x| {
                        let m = &v.words[x];
                        !m.upper && !m.punct && m.chunk.is_none() && m.place.is_none()
                    })
            });
        if !(plural || definite || indefinite)
            || w.punct
            || w.chunk.is_some()
            || w.place.is_some()
            || PRONOUNS.contains(&low)
            || FUNCTION.contains(&low)
            || SUBORDINATORS.contains(&low)
            || !low.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
        return Some(w.span);
    }
    None
}

/// "After Russian troops entered the town, local residents protested": the actor `c` found
/// to the left of the verb belongs to an earlier clause when a bare noun subject stands right
/// before the verb, after a comma that follows the actor ("…, and a spokesman threatened"),
/// unless the actor is an item of a list the noun ends ("Iran, Syria, and local militias").
fn bare_subject_after_comma(v: &View, c: usize, head: usize, trigs: &[Trig]) -> bool {
    let Some(sp) = bare_subject(v, head, trigs, true) else {
        return false;
    };
    let Some(kb) = (0..head).find(|&k| v.words[k].span == sp) else {
        return false;
    };
    let Some(m) = (v.chunks[c].end..kb).rev().find(|&k| v.is(k, ",")) else {
        return false;
    };
    // "Iran, Syria, and local militias": the actor is an item of a list that goes on
    let listed = m <= v.chunks[c].end + 1;
    kb - m <= 5
        && (m + 1..kb)
            .all(|k| v.words[k].chunk.is_none() && !(listed && v.is_any(k, &["and", "or"])))
}

/// Personal pronouns that take up an actor named before them as a verb's subject.
const PERSONAL_SUBJECTS: &[&str] = &["it", "they", "he", "she", "we"];

/// Verbs whose that-clause speaks of their own subject: "denied that it …", "admitted that
/// they …" ("confirmed that they shelled the plant" may be about others, so not those).
const AVOWAL_VERBS: &[&str] = &["denied", "denies", "deny", "admitted", "admits", "admit"];

/// The actor a pronoun subject of the trigger at `head` takes up when it opens a that-clause
/// after a verb of denying or admitting ("the army denied that it shelled the town").
fn denier(v: &View, head: usize) -> Option<usize> {
    let k = subject_before(v, head)?;
    if !v.is_any(k, &["it", "they"]) || k < 2 || !v.is(k - 1, "that") {
        return None;
    }
    let verb = k - 2;
    if !v.is_any(verb, AVOWAL_VERBS) {
        return None;
    }
    left_actor(v, verb, &[])
}

/// The subject right before the verb group is a personal pronoun.
fn pronoun_subject(v: &View, head: usize) -> bool {
    subject_before(v, head).is_some_and(|k| v.is_any(k, PERSONAL_SUBJECTS))
}

/// The word before the verb at `head`, past its auxiliaries, adverbs in -ly and the words
/// before a "to": where its subject ends.
fn subject_before(v: &View, head: usize) -> Option<usize> {
    (0..head)
        .rev()
        .find(|&k| !(v.is_any(k, AUX_SKIP) || v.low(k).ends_with("ly") || v.is_any(k, PRE_TO)))
}

fn is_passive(v: &View, t: &Trig, noun: bool, violent: bool) -> bool {
    if noun || t.head == 0 {
        return false;
    }
    let low = v.low(t.head);
    let participle = low.ends_with("ed")
        || low.ends_with("en")
        || low.ends_with("wn")
        || matches!(
            low,
            "hit"
                | "shot"
                | "struck"
                | "held"
                | "met"
                | "put"
                | "set"
                | "cut"
                | "beat"
                | "sent"
                | "led"
                | "left"
                | "fought"
                | "sold"
                | "made"
                | "brought"
                | "found"
                | "shut"
                | "spread"
                | "bound"
                | "hung"
                | "swept"
                | "fled"
                | "laid"
        );
    if !participle {
        return false;
    }
    // reduced relative: "talks, convened by Kerry,"
    let last = *t.fixed.last().unwrap_or(&t.head);
    if low.ends_with("ed") && v.is(last + 1, "by") {
        return true;
    }
    // "ten soldiers killed in Ukraine": a transitive act with no object after it
    if t.fixed.len() == 1
        && (last + 1 >= v.len()
            || v.words[last + 1].punct
            || v.is_any(
                last + 1,
                &[
                    "in", "at", "near", "during", "when", "on", "after", "while", "outside",
                    "inside",
                ],
            ))
        && t.head > 0
        && v.words[t.head - 1].chunk.is_some_and(|c| {
            // "the town which Norway attacked in May": the subject of an object relative
            let s = v.chunks[c].start;
            s == 0 || !v.is_any(s - 1, &["which", "that", "whom"])
        })
        && violent
    {
        return true;
    }
    let mut k = t.head;
    while k > 0 {
        k -= 1;
        let l = v.low(k);
        if BE.contains(&l) {
            return true;
        }
        if l.ends_with("ly") || matches!(l, "not" | "n't" | "also" | "reportedly" | "never") {
            continue;
        }
        return false;
    }
    false
}

/// The subject of a relative clause without a subject of its own is the relative pronoun's
/// antecedent: "Sweden, which was attacked by X, …", "X condemned Sweden, which had attacked
/// Y", "the convoy that was hit". Only an actor chunk right before the pronoun (or before the
/// comma that opens the clause) counts.
fn antecedent(v: &View, head: usize) -> Option<usize> {
    let cs = clause_start(v, head);
    if !v.is_any(cs, &["who", "which", "that"]) || cs == 0 {
        return None;
    }
    // no subject of its own: only auxiliaries and adverbs between the pronoun and the verb
    if !(cs + 1..head).all(|k| v.is_any(k, AUX_SKIP) || v.low(k).ends_with("ly")) {
        return None;
    }
    let mut k = cs - 1;
    if v.is(k, ",") {
        if k == 0 {
            return None;
        }
        k -= 1;
    } else if v.is(cs, "that") && cs >= 1 && v.is_any(cs - 1, SAY_VERBS) {
        return None;
    }
    let c = v.words[k].chunk?;
    // "the talks with Sweden, which …" still names Sweden; a nationality adjective does not
    // stand for a noun
    (!v.chunks[c].adjective).then_some(c)
}

/// "X is committed to …", "X is prepared to …", "X was determined to …": a participle of
/// intent before "to" is a predicate adjective, and the subject holds the intent; no passive.
fn predicate_intent(v: &View, lex: &Lexicon, t: &Trig) -> bool {
    let last = *t.fixed.last().unwrap_or(&t.head);
    (lex.codes[lex.entries[t.code_entry].code]
        .code
        .starts_with("03")
        && (v.is(last, "to") || v.is(last + 1, "to")))
        || (v.is_any(t.head, ADJECTIVAL_PARTICIPLES) && v.is(t.head + 1, "to"))
}

pub(crate) struct Roles {
    pub source: Vec<Argument>,
    pub target: Vec<Argument>,
}

/// Who did it to whom.
pub(crate) fn roles(
    doc: &Doc,
    v: &View,
    lex: &Lexicon,
    trigs: &[Trig],
    ti: usize,
    excluded: &[usize],
    prev: Option<&Roles>,
) -> Roles {
    let t = &trigs[ti];
    let e = &lex.entries[t.entry];
    let cend = clause_end(v, t.head);
    let last = *t.fixed.last().unwrap_or(&t.head);
    let mut src = Vec::new();
    let mut tgt = Vec::new();
    if e.recv {
        // "Kenya received a $2 billion loan from China": the subject is the recipient (the
        // target), the giver follows "from", after the object or inside the trigger's gap
        if let Some(c) = left_actor(v, t.head, excluded).or_else(|| antecedent(v, t.head)) {
            tgt = group(v, c, excluded);
        }
        // (a pattern ending in a preposition, "- + * IN $", names the giver right after it)
        let last = *t.fixed.last().unwrap_or(&t.head);
        let mut k = t.head + 1;
        if v.is_any(last, PREPOSITIONS) && last > t.head {
            k = last;
        } else {
            while k < cend && !v.is(k, "from") {
                k += 1;
            }
        }
        if k < cend
            && let Some(c) = right_actor(v, k + 1, (k + 5).min(cend), excluded, false, &[], false)
        {
            src = group(v, c, excluded);
        }
        tgt.retain(|c| !src.contains(c));
        return Roles {
            source: args(doc, v, &src, false),
            target: args(doc, v, &tgt, false),
        };
    }
    if e.noun {
        // pre-modifiers: "Russian and Syrian bombardment", "Russia's offensive"
        let mut k = t.head;
        // the pre-modifiers with a possessive mark ("Okafor's arrest")
        let mut owners = Vec::new();
        while k > 0 {
            k -= 1;
            if let Some(c) = v.words[k].chunk {
                if !excluded.contains(&c) && !src.contains(&c) {
                    src.insert(0, c);
                    // (a person: a state's or a body's own acts are its doing, "Iran's
                    // executions", "China's detention camps")
                    if v.chunks[c].person
                        && v.chunks[c].end < t.head
                        && v.is_any(v.chunks[c].end, &["'s", "'"])
                    {
                        owners.push(c);
                    }
                }
                k = v.chunks[c].start;
                continue;
            }
            if !v.is_any(k, NOUN_PREMOD) || v.is(k, "of") {
                break;
            }
        }
        // post-modifiers: of / on / against / with / between / by, also after a light head
        // noun or a time expression ("a peace bid this week between X and Y")
        let mut k = last + 1;
        while k < cend
            && (v.is_any(k, LIGHT_HEADS)
                || in_time(v, k)
                || (v.is_any(k, &["on", "in", "at"]) && k + 1 < cend && in_time(v, k + 1)))
        {
            k += 1;
        }
        let mut hops = 0;
        // (a trigger ending in "of", "release of", has its object right after it)
        let mut of_object = last > t.head && v.is(last, "of");
        while k < cend && hops < 3 {
            let prep = v.low(k).to_string();
            if !matches!(
                prep.as_str(),
                "of" | "on"
                    | "against"
                    | "with"
                    | "between"
                    | "by"
                    | "targeting"
                    | "upon"
                    | "among"
                    | "from"
                    | "to"
            ) {
                break;
            }
            let mut j = k + 1;
            while j < cend && v.words[j].chunk.is_none() && j < k + 5 && !v.words[j].punct {
                if v.is_any(j, PREPOSITIONS) {
                    break;
                }
                j += 1;
            }
            let Some(c) = (j < cend).then(|| v.words[j].chunk).flatten() else {
                break;
            };
            if excluded.contains(&c) {
                break;
            }
            let g = group(v, c, excluded);
            let gend = v.chunks[*g.last().unwrap()].end;
            match prep.as_str() {
                // a mediation is between its targets
                "between" | "among"
                    if matches!(&lex.codes[e.code].code[..3], "045" | "039" | "028") =>
                {
                    tgt.extend(g)
                }
                // "withdrawal from Panama": the place left, not the actor
                "from" if lex.codes[e.code].quad_class == 4 => {}
                "by" | "between" | "among" | "from" => src.extend(g),
                "of" if lex.codes[e.code].quad_class <= 2 && src.is_empty() && !e.pat => {
                    src.extend(g)
                }
                _ => {
                    of_object |= prep == "of";
                    tgt.extend(g)
                }
            }
            k = gend;
            hops += 1;
            // "of Aleppo's rebel-held east": skip the possessed part
            while k < cend
                && (v.is(k, "'s")
                    || (!v.words[k].punct
                        && !v.is_any(k, PREPOSITIONS)
                        && v.words[k].chunk.is_none()
                        && k < gend + 3
                        && !v.words[k].lexical))
            {
                k += 1;
            }
        }
        // "Okafor's arrest", "the senator's release": the owner of an act done to someone is
        // the one it is done to, unless an "of" phrase names that one ("the army's release of
        // the hostages")
        let owned = e.pat && !of_object && !owners.is_empty();
        if owned {
            src.retain(|c| !owners.contains(c));
            tgt.extend(owners.iter().copied());
        }
        if src.len() == 1 {
            src = group(v, src[0], excluded);
        }
        // "X will meet Y during a brief visit", "X arrived on his first visit": a noun in an
        // adjunct is the act of the clause's subject, not of the verb's object
        let adjunct = {
            let mut k = t.head;
            let mut found = false;
            while k > 0 && t.head - k < 5 {
                k -= 1;
                if v.words[k].punct
                    || v.words[k].chunk.is_some()
                    || trigs[..ti].iter().any(|p| p.head <= k && k < p.end)
                {
                    break;
                }
                if v.is_any(k, PREPOSITIONS) || v.is_any(k, &["during", "amid", "following"]) {
                    found = v.is_any(
                        k,
                        &[
                            "during",
                            "on",
                            "for",
                            "after",
                            "before",
                            "amid",
                            "following",
                        ],
                    );
                    break;
                }
            }
            found
        };
        // (not for an act done to someone told with a person's possessive: "Okafor met
        // reporters after his arrest" is no arrest by Okafor)
        if src.is_empty()
            && adjunct
            && !(e.pat && t.head > 0 && v.is_any(t.head - 1, &["his", "her"]))
        {
            let verb_before = trigs[..ti]
                .iter()
                .rev()
                .find(|p| !lex.entries[p.entry].noun)
                .is_some_and(|p| clause_start(v, p.head) == clause_start(v, t.head));
            if verb_before
                && let Some(p) = prev
                && !p.source.is_empty()
            {
                let source = p.source.clone();
                let target = args(doc, v, &tgt, false)
                    .into_iter()
                    .filter(|a| !source.iter().any(|s| s.span == a.span))
                    .collect();
                return Roles { source, target };
            }
        }
        if src.is_empty() && !adjunct && !owned {
            // the noun is the object of a verb of this clause: "X launched air strikes on Y"
            if let Some(c) = left_actor(v, t.head, excluded)
                && t.head - v.chunks[c].end <= 5
                && !(v.chunks[c].end..t.head).any(|k| v.is(k, ","))
                && !trigs[..ti]
                    .iter()
                    .any(|p| p.end > v.chunks[c].end && p.head < t.head)
                // (an act of force in a place or means phrase right after the actor is no
                // object of its: "killed 40 militants in airstrikes"; "forces were engaged in
                // ethnic cleansing" is)
                && !(lex.codes[e.code].quad_class == 4
                    && v.is_any(
                        v.chunks[c].end,
                        &["in", "at", "near", "into", "under", "through"],
                    )
                    // (the act inside that phrase: no verb between, "fighters in the north
                    // stepped up attacks")
                    && (v.chunks[c].end + 1..t.head).all(|k| {
                        !v.low(k).ends_with("ed") && !v.low(k).ends_with("ing")
                    }))
            {
                src = group(v, c, excluded);
            }
        }
        if src.is_empty() && !owned {
            // "X and Y welcomed their resumption of ties", "X announced its withdrawal": a
            // possessive before the noun refers to the nearest actor before it, across the
            // verb that governs the noun
            let mut k = t.head;
            while k > 0 && v.is_any(k - 1, NOUN_PREMOD) && !v.is_any(k - 1, POSSESSIVES) {
                k -= 1;
            }
            if k > 0
                && v.is_any(k - 1, POSSESSIVES)
                && let Some(c) = left_actor(v, k - 1, excluded)
                && k - 1 - v.chunks[c].end <= 4
                && !(v.chunks[c].end..k).any(|x| v.is(x, ",") || starts_clause(v, x))
            {
                // ("Okafor died days after his arrest": the one it was done to; "the junta
                // defended its arrests" is the junta's doing)
                if e.pat && !of_object && v.is_any(k - 1, &["his", "her"]) {
                    if tgt.is_empty() {
                        tgt = group(v, c, excluded);
                    }
                } else {
                    src = group(v, c, excluded);
                }
            }
        }
    } else if is_passive(
        v,
        t,
        false,
        matches!(
            &lex.codes[lex.entries[t.code_entry].code].code[..2],
            "17" | "18" | "19" | "20"
        ),
    ) && !predicate_intent(v, lex, t)
    {
        if let Some(c) = left_actor(v, t.head, excluded).or_else(|| antecedent(v, t.head)) {
            tgt = group(v, c, excluded);
        }
        // agent: "by X" / "by suspected Russian air strikes", also inside a gapped trigger
        // ("was accused by X of spying")
        let mut k = t.head + 1;
        while k < cend && !v.is(k, "by") {
            k += 1;
        }
        if k < cend
            && let Some(c) = right_actor(v, k + 1, (k + 5).min(cend), excluded, false, &[], false)
        {
            src = group(v, c, excluded);
        }
    } else {
        let communicative = matches!(
            &lex.codes[lex.entries[t.code_entry].code].code[..2],
            "01" | "02" | "10" | "11" | "12" | "13"
        );
        let coordinated = t.head > 0 && v.is(t.head - 1, "and") && prev.is_some();
        if coordinated {
            if let Some(p) = prev {
                return Roles {
                    source: p.source.clone(),
                    target: right_target(doc, v, t, cend, excluded, e.mil, communicative),
                };
            }
        } else if let Some(c) = left_actor(v, t.head, excluded).or_else(|| antecedent(v, t.head))
            && !bare_subject_after_comma(v, c, t.head, trigs)
        {
            src = group(v, c, excluded);
        }
        let tg = right_target(doc, v, t, cend, excluded, false, communicative);
        let mut r = Roles {
            source: args(doc, v, &src, e.mil),
            target: tg,
        };
        if r.source.is_empty()
            && let Some(sp) = bare_subject(v, t.head, trigs, false)
        {
            r.source.push(Argument {
                entity: None,
                code: None,
                span: sp,
            });
        }
        // "Norland insists it is ready to pull back": a pronoun subject after a reporting verb
        // is its speaker
        if r.source.is_empty()
            && let Some(&c) = excluded.first()
            && v.chunks[c].end <= t.head
            && pronoun_subject(v, t.head)
        {
            r.source = args(doc, v, &[c], e.mil);
        }
        // "the government denied that it attacked the village": the pronoun subject of a
        // that-clause after a verb of denying or admitting takes up that verb's subject
        if r.source.is_empty()
            && let Some(c) = denier(v, t.head)
            && !excluded.contains(&c)
        {
            r.source = args(doc, v, &[c], e.mil);
        }
        return r;
    }
    tgt.retain(|c| !src.contains(c));
    Roles {
        source: args(doc, v, &src, e.mil),
        target: args(doc, v, &tgt, false),
    }
}

/// A place-bound group as target: "the rebel-held east of Aleppo", "rebel-held Idlib" →
/// the rebels of the place's country (country code read from the article's own country
/// mentions, so no table is needed).
pub(crate) fn place_bound_target(doc: &Doc, v: &View, t: &Trig) -> Option<Argument> {
    const HELD: &[&str] = &[
        "rebel-held",
        "opposition-held",
        "rebel-controlled",
        "opposition-controlled",
        "insurgent-held",
        "militant-held",
    ];
    let cend = clause_end(v, t.head);
    let from = *t.fixed.last().unwrap_or(&t.head) + 1;
    for k in from..(from + 6).min(cend) {
        if !v.is_any(k, HELD) {
            continue;
        }
        for j in k + 1..(k + 5).min(v.len()) {
            if let Some(p) = v.words[j].place {
                let a2 = doc.places[p].country.as_deref()?;
                let a3 = alpha3(doc, a2)?;
                let mut end = j;
                while end + 1 < v.len() && v.words[end + 1].place == Some(p) {
                    end += 1;
                }
                // "Aleppo's rebel-held east": the possessed part ends the span
                return Some(Argument {
                    entity: None,
                    code: Some(format!("{a3}REB")),
                    span: Span::new(v.words[k].span.start, v.words[end].span.end),
                });
            }
        }
    }
    // "Aleppo's rebel-held east" (place before the modifier)
    for k in from..(from + 6).min(cend) {
        if let Some(p) = v.words[k].place
            && v.is(k + 1, "'s")
            && v.is_any(k + 2, HELD)
        {
            let a3 = alpha3(doc, doc.places[p].country.as_deref()?)?;
            let mut end = k + 2;
            if end + 1 < cend && !v.words[end + 1].punct {
                end += 1;
            }
            return Some(Argument {
                entity: None,
                code: Some(format!("{a3}REB")),
                span: Span::new(v.words[k].span.start, v.words[end].span.end),
            });
        }
    }
    None
}

/// The CAMEO country code for an ISO alpha-2 code, from a country entity whose mention is
/// also a mention of a country place with that alpha-2 code.
fn alpha3(doc: &Doc, a2: &str) -> Option<String> {
    for p in doc.places.iter().filter(|p| {
        p.country.as_deref() == Some(a2)
            && matches!(p.feature, Some(dateline_doc::Feature::Country))
    }) {
        for e in doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Country)
        {
            if e.mentions
                .iter()
                .any(|m| p.mentions.iter().any(|n| m.overlaps(*n)))
                && let Some(a) = &e.actor
            {
                return Some(a.code[..3.min(a.code.len())].to_string());
            }
        }
    }
    None
}

fn right_target(
    doc: &Doc,
    v: &View,
    t: &Trig,
    cend: usize,
    excluded: &[usize],
    mil: bool,
    communicative: bool,
) -> Vec<Argument> {
    // "demanded that the US cancel …", "urged that Israel …": the addressee is the subject of
    // the clause after "that"
    let mut last = *t.fixed.last().unwrap_or(&t.head);
    // "expressed hope on Thursday that X …": a time between the verb and its clause
    if communicative && !v.is(last, "that") {
        let mut k = last + 1;
        while k < v.len() && (in_time(v, k) || (v.is(k, "on") && in_time(v, k + 1))) {
            k += 1;
        }
        if k > last + 1 && v.is(k, "that") {
            last = k - 1;
        }
    }
    let cend = if communicative && (v.is(last, "that") || v.is(last + 1, "that")) {
        clause_end(v, (last + 2).min(v.len().saturating_sub(1)))
    } else {
        cend
    };
    let from = if communicative && v.is(last + 1, "that") {
        last + 2
    } else {
        t.head + 1
    };
    // the object of a verb of saying, criticism or rejection is often a long noun phrase
    // naming its target at the end: "condemned the sudden shutdown of two radio stations run by X"
    let reach = if communicative { 10 } else { 7 };
    // ("condemned the killings and ordered the army to …": a second verb after "and" has its
    // own object)
    let cend = (from..cend)
        .find(|&k| {
            // (not "condemned and rejected the sanctions": one object for both)
            k > from
                && v.is(k, "and")
                && k + 1 < v.len()
                && (v.low(k + 1).ends_with("ed") || dates::irregular_past(v.low(k + 1)))
                && v.words[k + 1].chunk.is_none()
                // (a verb takes an object; "the offensive and unfounded statements" is an
                // adjective before its noun)
                && (v.is_any(k + 2, ARTICLES_POSSESSIVES)
                    || v.is_any(k + 2, &["that", "to", "them", "him", "it"])
                    || v.words.get(k + 2).is_some_and(|w| w.chunk.is_some()))
        })
        .unwrap_or(cend);
    match right_actor(
        v,
        from,
        (t.end + reach).min(cend).max(from + 4).min(cend),
        excluded,
        true,
        &t.fixed,
        communicative,
    ) {
        Some(c) => {
            let g = group(v, c, excluded);
            args(doc, v, &g, mil)
        }
        None => match object_complement(v, from, cend, excluded, &t.fixed) {
            Some(c) => {
                let g = group(v, c, excluded);
                args(doc, v, &g, mil)
            }
            None => Vec::new(),
        },
    }
}

/// Relational prepositions whose object, at the end of a verb's object noun phrase, is the
/// other side of the act: "welcomed the resumption of formal ties with X", "praised a new
/// agreement between X and Y".
const RELATIONAL_PREPS: &[&str] = &["with", "between", "against", "toward", "towards", "among"];

/// The actor named by the relational complement of a verb's object noun phrase, however long
/// the phrase: "praised the long-delayed return of ambassadors to X", or by the agent of a
/// participle closing it: "welcomed the detailed proposals sent by X" (the object's head
/// may be followed by "of"-phrases and modifiers only; another preposition, a comma, a
/// clause boundary or an actor inside the phrase ends the search).
fn object_complement(
    v: &View,
    from: usize,
    cend: usize,
    excluded: &[usize],
    fixed: &[usize],
) -> Option<usize> {
    // the object follows the trigger's own words
    let mut k = fixed.last().map_or(from, |&l| from.max(l + 1));
    // the object begins with a determiner, a possessive or a modifier, never a verb
    if !(v.is_any(k, ARTICLES_POSSESSIVES) || v.is_any(k, &["this", "these"]) || np_modifier(v, k))
    {
        return None;
    }
    let limit = (k + 14).min(cend);
    let mut content = 0;
    while k < limit {
        if v.words[k].chunk.is_some()
            || v.words[k].place.is_some()
            || v.words[k].punct
            || starts_clause(v, k)
        {
            return None;
        }
        let low = v.low(k);
        // "welcomed the memos sent by X": the agent of a participle closing the object
        let agent = low == "by"
            && k > 0
            && (v.low(k - 1).ends_with("ed")
                || v.is_any(k - 1, &["sent", "made", "given", "written", "drawn", "put"]));
        if RELATIONAL_PREPS.contains(&low) || agent {
            if content == 0 {
                return None;
            }
            // the actor right after it, past a determiner and up to three modifiers
            let mut j = k + 1;
            while j < cend && j <= k + 4 && v.words[j].chunk.is_none() {
                if !(v.is_any(j, &["the", "a", "an"]) || plain(v, j) || np_modifier(v, j)) {
                    return None;
                }
                j += 1;
            }
            let c = (j < cend).then(|| v.words[j].chunk).flatten()?;
            return (!excluded.contains(&c)).then_some(c);
        }
        if low != "of"
            && (PREPOSITIONS.contains(&low)
                || SUBORDINATORS.contains(&low)
                || BE.contains(&low)
                || REPORT_VERBS.contains(&low)
                || matches!(
                    low,
                    "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                        | "did"
                        | "does"
                        | "do"
                ))
        {
            return None;
        }
        if !(FUNCTION.contains(&low) || low == "of") {
            content += 1;
        }
        k += 1;
    }
    None
}

/// Status from cues before the trigger in its clause.
pub(crate) fn status(
    v: &View,
    lex: &Lexicon,
    t: &Trig,
    hits: &[CueHit],
) -> (Status, Option<String>) {
    let cs = clause_start(v, t.head);
    let mut in_if = false;
    let mut neg = None;
    let mut hyp = None;
    let mut plan = None;
    for h in hits {
        let word = lex.cues[h.cue].word.as_str();
        // a cue that ends in "that" reaches into the clause that word opens: "denied that its
        // jets had bombed the hospital"
        let opens = word.ends_with(" that") && h.start < cs && cs <= h.end;
        if h.end > t.head || h.start < cs && !opens {
            continue;
        }
        let gap = t.head - h.end;
        let max = match (h.kind, word) {
            (CueKind::Neg, "no" | "without" | "none" | "nobody" | "neither" | "nor") => 3,
            (CueKind::Neg, "deny") => 4,
            // "too early to discuss talks": one degree word between, and the verb right after
            // it, not its object ("too late to stop the attack" does not undo the attack;
            // "police too moved to arrest" is "also")
            (CueKind::Neg, "too * to")
                if !(h.end == h.start + 3 && TOO_DEGREE.contains(&v.low(h.start + 1))) =>
            {
                continue;
            }
            (CueKind::Neg, "too * to") => 0,
            (CueKind::Neg, _) => 4,
            (CueKind::Hyp, "if" | "unless" | "whether") => 12,
            (CueKind::Hyp, _) => 5,
            (
                CueKind::Plan,
                "next" | "upcoming" | "forthcoming" | "planned" | "proposed" | "future",
            ) => 2,
            (CueKind::Plan, _) => 5,
            (CueKind::Report, _) => continue,
        };
        if gap > max {
            continue;
        }
        // "pleads not guilty to hampering the probe": the negation governs the verdict
        // adjective right after it, not a trigger further on
        if h.kind == CueKind::Neg
            && h.end < t.head
            && v.is_any(
                h.end,
                &[
                    "guilty",
                    "innocent",
                    "liable",
                    "responsible",
                    "aware",
                    "sure",
                    "certain",
                ],
            )
        {
            continue;
        }
        // a verb trigger between a modal and this trigger takes the modal for itself only
        // when it is not this trigger's own auxiliary chain; keep it simple: words between
        // must not contain a hard boundary.
        if (h.end..t.head).any(|k| is_hard(v, k) || v.is(k, ",")) {
            continue;
        }
        // "a key aim of the Lausanne meeting was to": a definite act after "aim of" is the one
        // whose aim it is, not the aim ("with the aim of ending the siege" stays an aim)
        if word == "aim of"
            && v.is_any(
                h.end,
                &[
                    "the", "this", "that", "these", "those", "its", "their", "his", "her",
                ],
            )
            && (t.end..(t.end + 4).min(v.len()))
                .take_while(|&k| !v.words[k].punct)
                .any(|k| v.is_any(k, &["was", "is", "were", "are", "will"]))
        {
            continue;
        }
        // "repeating a false claim that he opposed the 2003 invasion": a negated that-clause
        // negates its verb, not a noun that verb governs
        if h.kind == CueKind::Neg
            && word.starts_with("false")
            && lex.entries[t.entry].noun
            && (h.end..t.head).any(|k| dates::finite_past(v, k))
        {
            continue;
        }
        // "the freeze was to expire and Mr. Netanyahu refused to extend it": a clause joined
        // by "and", "but" or "or" with a subject of its own is out of the cue's reach
        if !matches!(word, "if" | "unless" | "whether")
            && (h.end..t.head).any(|k| {
                v.is_any(k, &["and", "but", "or"])
                    && k + 1 < t.head
                    // (not a subject joined to another: "denied that Russia and Iran had
                    // supplied weapons", "Russian and Syrian jets")
                    && k > 0
                    && v.words[k - 1].chunk.is_none()
                    && !v.words[k - 1].upper
                    && (v.words[k + 1].upper
                        && (k + 1..(k + 4).min(t.head)).any(|j| v.words[j].chunk.is_some())
                        || v.is_any(k + 1, &["he", "she", "they", "we", "it", "i"]))
            })
        {
            continue;
        }
        // "were not represented at the meeting": the negation belongs to the verb in between
        if !matches!(word, "if" | "unless" | "whether")
            && (h.end..t.head).any(|k| v.is_any(k, PREPOSITIONS) && !v.is(k, "to"))
        {
            continue;
        }
        match h.kind {
            CueKind::Neg => neg = Some(word.to_string()),
            CueKind::Hyp => {
                in_if |= matches!(word, "if" | "unless");
                hyp = Some(word.to_string());
            }
            CueKind::Plan => plan = Some(word.to_string()),
            CueKind::Report => {}
        }
    }
    // an infinitive of purpose takes the modal of the verb it serves, however far: "will
    // travel to Washington next week to testify before Congress to discuss the plan" ("could"
    // is also a past ability: "before police could go in to investigate" tells they did)
    // A means told with "by" does too: "Ford could turn up the heat by convening a meeting and
    // urging holders to drop the limits" (here "could" is a possibility)
    let by_means = neg.is_none() && hyp.is_none() && plan.is_none() && by_gerund(v, t.head);
    if neg.is_none()
        && hyp.is_none()
        && plan.is_none()
        && t.head > 0
        && (v.is(t.head - 1, "to") || by_means)
    {
        let modal = hits.iter().rev().find(|h| {
            h.end <= t.head
                && t.head - h.end <= 15
                && matches!(h.kind, CueKind::Hyp | CueKind::Plan)
                && (matches!(
                    lex.cues[h.cue].word.as_str(),
                    "will" | "'ll" | "shall" | "would" | "might" | "may"
                ) || by_means
                    && matches!(lex.cues[h.cue].word.as_str(), "could" | "can")
                    && !v.is_any(h.end, &["only", "finally", "eventually"]))
                && !(h.end..t.head).any(|k| {
                    is_hard(v, k)
                        || v.is_any(k, &[",", "that", "who", "which", "but", "or"])
                        || v.is(k, "and") && !by_means
                        || dates::past_form(v.low(k))
                })
        });
        if let Some(h) = modal {
            let word = lex.cues[h.cue].word.to_string();
            match h.kind {
                CueKind::Hyp => hyp = Some(word),
                _ => plan = Some(word),
            }
        }
    }
    // a condition told by inversion at the head of the sentence: "Had the army withdrawn
    // earlier, the rebels would have seized the town", "Were Ormund to attack, ...", "Should
    // the talks fail, ...": every act of that clause (up to its comma) is a condition, a
    // negated one included ("Had the army not withdrawn")
    let first = usize::from(v.len() > 1 && v.words[0].punct);
    if v.is_any(first, &["had", "were", "should"])
        && first + 1 < t.head
        && !(first..t.head).any(|k| is_hard(v, k) || v.is(k, ","))
        && !v.words[first + 1].punct
        && !v.is_any(first + 1, &["been", "to", "not"])
    {
        neg = None;
        in_if = true;
        hyp = Some(v.low(first).to_string());
    }
    // a negation inside a condition asserts nothing: "if Trump did not withdraw from the race,
    // harm would come to his kids"
    if neg.is_some() && in_if {
        neg = None;
    }
    if let Some(w) = neg {
        (Status::Negated, Some(w))
    } else if let Some(w) = hyp {
        // "the White House said it would veto the bill": a "would" reported after a verb of
        // saying, with the speaker as its subject, is the "will" of the speaker's announcement,
        // a plan ("analysts said Russia would invade" stays a forecast)
        let reported = w == "would"
            && hits.iter().any(|h| {
                h.kind == CueKind::Hyp
                    && h.end <= t.head
                    && h.start > 0
                    && lex.cues[h.cue].word == "would"
                    && (v.is_any(h.start - 1, PERSONAL_SUBJECTS) || v.is(h.start - 1, "i"))
                    // ("officials said it would be a mistake to attack": a dummy "it")
                    && !(v.is(h.start - 1, "it") && v.is(h.end, "be"))
                    && backshifted(v, h.start)
            });
        if reported {
            (Status::Planned, Some(w))
        } else {
            (Status::Hypothetical, Some(w))
        }
    } else if let Some(w) = plan {
        (Status::Planned, Some(w))
    } else {
        (Status::Occurred, None)
    }
}

/// Whether the "would" at `would` reports a speaker's "will": a verb of saying or promising
/// shortly before it (its subject between), no condition in the sentence ("if", "unless",
/// "whether") and no "would have".
fn backshifted(v: &View, would: usize) -> bool {
    if v.is(would + 1, "have") || (0..v.len()).any(|k| v.is_any(k, &["if", "unless", "whether"])) {
        return false;
    }
    let mut k = would;
    while k > 0 && would - k < 8 {
        k -= 1;
        if v.is_any(k, SAY_VERBS) || v.is_any(k, &["promised", "pledged", "vowed", "confirmed"]) {
            return true;
        }
        if is_hard(v, k) || v.words[k].punct && !v.is(k, "'s") {
            return false;
        }
    }
    false
}

/// A gerund of means: "by convening a meeting", and one joined to it, "by convening a meeting
/// and urging holders" (within eight words, no hard boundary between).
fn by_gerund(v: &View, head: usize) -> bool {
    if head == 0 || !v.low(head).ends_with("ing") {
        return false;
    }
    if v.is(head - 1, "by") {
        return true;
    }
    v.is(head - 1, "and")
        && (head.saturating_sub(9)..head - 1)
            .rev()
            .take_while(|&k| !is_hard(v, k))
            .any(|k| v.is(k, "by") && v.low(k + 1).ends_with("ing"))
}

/// The speaker of an attributed sentence: "according to X", "X said", "said X".
pub(crate) fn reporter(doc: &Doc, v: &View, hits: &[CueHit]) -> Option<usize> {
    let person = |c: usize| doc.entities[v.chunks[c].entity].kind == EntityKind::Person;
    for h in hits.iter().filter(|h| h.kind == CueKind::Report) {
        if v.is(h.start, "according") {
            // "according to the British-based Syrian Observatory": the organisation, not the
            // nationality in front of it
            let mut found = None;
            for k in h.end..(h.end + 8).min(v.len()) {
                if let Some(c) = v.words[k].chunk {
                    if !v.chunks[c].adjective {
                        return Some(c);
                    }
                    found = found.or(Some(c));
                }
                if v.words[k].punct && !v.is(k, "-") {
                    break;
                }
            }
            if found.is_some() {
                return found;
            }
            continue;
        }
        // (a reporting word before a verb of saying is its subject noun: "the army attacked
        // the town, reports said")
        if !REPORT_VERBS.contains(&v.low(h.start))
            || h.end < v.len() && REPORT_VERBS.contains(&v.low(h.end))
        {
            continue;
        }
        // "X said", "X, Russia's UN ambassador, said", "X, on the other hand, told": the
        // nearest person within 8 words to the left, else the nearest actor
        let mut k = h.start;
        let mut steps = 0;
        let mut nearest = None;
        // "… with Qatar, the foreign ministry said": an uncoded noun phrase right before the
        // verb is its subject, so an actor before the comma is not the speaker
        let bare_subject = {
            let mut j = h.start;
            while j > 0 && v.is_any(j - 1, AUX_SKIP) {
                j -= 1;
            }
            j > 0
                && v.words[j - 1].chunk.is_none()
                && !v.words[j - 1].punct
                && !v.words[j - 1].upper
                && !PRONOUNS.contains(&v.low(j - 1))
        };
        while k > 0 && steps < 8 {
            k -= 1;
            steps += 1;
            if let Some(c) = v.words[k].chunk {
                if person(c) {
                    return Some(c);
                }
                nearest = nearest.or(Some(c));
                k = v.chunks[c].start;
                continue;
            }
            if (v.words[k].punct && !v.is(k, ",")) || starts_clause(v, k) {
                break;
            }
            if bare_subject && v.is(k, ",") {
                break;
            }
        }
        if nearest.is_some() {
            return nearest;
        }
        // "said X" (not "told X": that is the listener)
        if !v.low(h.start).starts_with("tel") && !v.low(h.start).starts_with("tol") {
            for k in h.end..(h.end + 3).min(v.len()) {
                if let Some(c) = v.words[k].chunk {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// A time expression set off by a comma that opens the sentence, or a clause after a colon or
/// semicolon before the trigger at word `head` (alone or after "in", "on", "during", "by" or
/// "at"): "In 2014, …", "On March 3, …", "the story of the summit: In December 2009, …"; or
/// that ends a fronted when-clause: "Back when it joined the pact 20 years ago, the country
/// pledged …".
fn fronted_time(doc: &Doc, v: &View, sentence: usize, head: usize) -> Option<usize> {
    let sspan = doc.sentences[sentence].span;
    // the last before the trigger: "In 2014, X annexed Crimea; in 2022, it invaded Ukraine"
    doc.times.iter().rposition(|tm| {
        if !sspan.contains(tm.span) || !tm.value.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let first = v.words.partition_point(|w| w.span.start < tm.span.start);
        let after = v.words.partition_point(|w| w.span.start < tm.span.end);
        if !v.is(after, ",") || after >= head {
            return false;
        }
        let opens = |k: usize| k == 0 || v.is_any(k - 1, &[":", ";"]);
        let when_clause = (v.is(0, "when") || v.is(0, "back") && v.is(1, "when"))
            && !(1..first).any(|k| v.is_any(k, &[",", ";", ":"]));
        opens(first)
            || first > 0
                && opens(first - 1)
                && v.is_any(first - 1, &["in", "on", "during", "by", "at"])
            || when_clause
    })
}

/// The time expression governing trigger `ti`: nearest among those closer to it than to any
/// other trigger, in the same clause first; times right after a reporting verb belong to the
/// report, not the event. A time in a relative clause, a reduced relative or before a noun it
/// modifies dates that clause or noun only ([`dates`]); one after the trigger in its own verb
/// phrase beats one that an earlier verb carries ("admitted on Friday to bribing a clerk in
/// May"); the subject of "was an attack on DATE" takes the predicate's date.
pub(crate) fn governing_time(
    doc: &Doc,
    v: &View,
    trigs: &[Trig],
    ti: usize,
    sentence: usize,
) -> Option<usize> {
    let sspan = doc.sentences[sentence].span;
    let t = &trigs[ti];
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, tm) in doc.times.iter().enumerate() {
        if !sspan.contains(tm.span) || !tm.value.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some(k) = v.words.iter().position(|w| w.span.end > tm.span.start) else {
            continue;
        };
        // the time is attached to a reporting verb just before it, unless a trigger comes
        // between them ("said that bombings this month …")
        let lo = k.saturating_sub(4);
        if (lo..k).any(|j| {
            REPORT_VERBS.contains(&v.low(j)) && !trigs.iter().any(|o| o.head > j && o.head < k)
        }) {
            continue;
        }
        // a time after a verb belongs to it ("will meet in London on Sunday to discuss");
        // one before a trigger only when fronted ("On Friday, jets …", "In January, …")
        let opens = |j: usize| j == 0 || v.is_any(j - 1, &[",", "and", "\u{201c}", "\""]);
        let fronted = opens(k)
            || (v.is_any(k - 1, PREPOSITIONS)
                || v.is_any(k - 1, &["since", "during", "until", "after", "before"]))
                && opens(k - 1);
        let kend = v
            .words
            .iter()
            .rposition(|w| w.span.start < tm.span.end)
            .unwrap_or(k);
        // a time inside a relative clause dates that clause only ("X, who lost the vote this
        // month, …")
        if dates::in_other_relative(v, k, t.head) {
            continue;
        }
        // a time before a noun dates that noun ("the 2009 referendum"), and a "when" clause
        // right after it ("the mayor's June 8 meeting when she demanded …")
        let modifier = dates::modified_noun(v, k, kend);
        // "an October news conference": the time modifies the trigger's own compound
        let own_modifier = modifier.is_some_and(|n| {
            (n..n + 3).contains(&t.head) && !(n..t.head).any(|j| v.words[j].punct)
        });
        if let Some(n) = modifier
            && !own_modifier
        {
            if dates::when_clause_of(v, n, t.head)
                && best.is_none_or(|(_, bt, bd)| (0, 1) < (bt, bd))
            {
                best = Some((i, 0, 1));
            }
            continue;
        }
        // a reduced relative between the time and the trigger holds the trigger ("died in
        // 1977 of injuries suffered in the attack") or the time ("defending the budget
        // approved in April"): the time is not the trigger's; a finite verb trigger keeps a
        // time at the end of its clause ("shelled a town held by rebels on Monday")
        if (k < t.head && !fronted && dates::reduced_relative(v, kend + 1, t.head))
            || (k >= t.end
                && !dates::finite_past(v, t.head)
                && dates::reduced_relative(v, t.end + 1, k))
        {
            continue;
        }
        // (tier, distance): tier 1 for a time an earlier verb carries ("pleaded guilty Monday
        // to threatening"), which any time in the trigger's own phrase after it beats
        let dist = |tr: &Trig| -> (usize, usize) {
            let own = modifier.is_some_and(|n| {
                (n..n + 3).contains(&tr.head) && !(n..tr.head).any(|j| v.words[j].punct)
            });
            // "last year's deadly embassy blasts"
            let poss = v.is(kend + 1, "'s")
                && (kend + 2..=kend + 5).contains(&tr.head)
                && !(kend + 2..tr.head).any(|j| v.words[j].punct);
            if k >= tr.head && k < tr.end {
                (0, 0)
            } else if k >= tr.end {
                let crossing = (tr.end..k).any(|j| v.is(j, ",") || starts_clause(v, j));
                (0, k - tr.end + 1 + if crossing { 8 } else { 0 })
            } else if poss {
                (0, 1)
            } else if own || fronted || tr.head == kend + 1 {
                // "On Friday, jets …", "police on Monday arrested"
                (0, tr.head - kend)
            } else {
                (1, tr.head - kend + 8)
            }
        };
        let (tier, d) = dist(t);
        // among triggers, the tier counts only across a comma: "exploded outside the embassy
        // Friday, killing dozens" (Friday is the explosion's), but "ended on Tuesday without a
        // ceasefire" (no ceasefire on Tuesday either)
        let key = |tr: &Trig| -> (usize, usize) {
            let (t1, d1) = dist(tr);
            let sep = t1 == 1 && (kend + 1..tr.head).any(|j| v.is(j, ",") || is_hard(v, j));
            (usize::from(sep), d1)
        };
        let mine = key(t);
        let nearer_other = trigs
            .iter()
            .enumerate()
            .any(|(j, o)| j != ti && (key(o) < mine || (key(o) == mine && o.head < t.head)));
        let same_clause = clause_start(v, k) == clause_start(v, t.head)
            || (k >= t.end && !(t.end..k).any(|j| is_hard(v, j) || starts_clause(v, j)));
        if nearer_other || !same_clause {
            continue;
        }
        if best.is_none_or(|(_, bt, bd)| (tier, d) < (bt, bd)) {
            best = Some((i, tier, d));
        }
    }
    // "The X bombing was an attack on 13 May": the copula's subject takes its predicate's date
    if best.is_none()
        && let Some(o) = dates::copular_predicate(v, trigs, ti)
        && o != ti
    {
        return governing_time(doc, v, trigs, o, sentence);
    }
    // "on Tuesday condemned the bombing and offered condolences": a trigger coordinated with
    // an earlier one of its clause shares its time
    if best.is_none() && t.head > 0 && v.is(t.head - 1, "and") {
        let cs = clause_start(v, t.head);
        return (0..ti)
            .rev()
            .filter(|&p| trigs[p].head >= cs && trigs[p].end < t.head)
            .find_map(|p| governing_time(doc, v, trigs, p, sentence));
    }
    best.map(|(i, _, _)| i)
}

/// Give `ev` the code `info` and what follows from it (QuadClass, Goldstein, PLOVER).
fn recode(ev: &mut Event, info: &crate::lexicon::CodeInfo) {
    ev.cameo = info.code.clone();
    ev.quad_class = info.quad_class;
    ev.goldstein = info.goldstein;
    ev.plover = plover(info);
}

/// The PLOVER type and mode the lexicon gives a CAMEO code.
fn plover(info: &crate::lexicon::CodeInfo) -> Option<Plover> {
    info.plover.as_ref().map(|(k, m)| Plover {
        kind: k.clone(),
        mode: m.clone(),
    })
}

/// CAMEO sectors of society rather than of the state: an actor coded with one alone, or with
/// a country before it ("American students", USAEDU), is no state or political body. (Forces,
/// police and armed groups are: "funded the Afghan police" is aid.)
const SOCIAL_SECTORS: &[&str] = &[
    "EDU", "MED", "HLH", "BUS", "LAB", "AGR", "REL", "CRM", "ENV", "HRI", "CVL",
];

/// The sector of an actor code: its last three letters after a country or body
/// (`USAEDU` -> `EDU`), or the code itself.
fn sector(code: &str) -> &str {
    if code.len() >= 6 && code.len().is_multiple_of(3) {
        code.get(code.len() - 3..).unwrap_or(code)
    } else {
        code
    }
}

/// An actor code of a state or political body: a country, its government or forces, an armed
/// group, an international or non-governmental organisation (what a `state` entry needs).
pub(crate) fn political_code(code: &str) -> bool {
    !SOCIAL_SECTORS.contains(&sector(code))
}

/// What a `state` entry needs: a target that is a state or political body, or, with no coded
/// target, such a source ("the government funds the militia": a target the recogniser could
/// not code is given the benefit of its giver).
fn political_roles(source: &[Argument], target: &[Argument]) -> bool {
    let political = |xs: &[Argument]| {
        xs.iter()
            .any(|a| a.code.as_deref().is_some_and(political_code))
    };
    political(target) || !target.iter().any(|a| a.code.is_some()) && political(source)
}

/// Words of a sentence (split at every character that is no letter or digit) that are in
/// `list`, compared without case.
fn sentence_has(doc: &Doc, sentence: usize, list: &[&str]) -> bool {
    doc.slice(doc.sentences[sentence].span)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && list.iter().any(|x| x.eq_ignore_ascii_case(w)))
}

/// Dead or wounded named in a sentence: a fight there is one whatever the article.
const DEATH_WORDS: &[&str] = &["died", "killed", "dead", "deaths", "wounded", "casualties"];

/// An article that names no armed group and no weapon of war (`sense::war_text`) tells of no
/// armed fight and no physical attack between people of politics. There, an attack, a blow or
/// a beating among such people is words or votes ([`verbal_attacks`]), and a fight, battle,
/// clash, strike or offensive (root 19) with no coded actor is another sense of the word ("a
/// teenager fighting leukaemia", "stormed to the title", "struck by a car", "set aside our
/// competitive battles"). A coded side, a place or deaths in its sentence keep a fight:
/// "Valdoria attacked the border post", "a monitor reported clashes near Deraa", "twelve
/// villagers died in a battle between two clans".
pub(crate) fn peaceful_document(doc: &Doc, lex: &Lexicon, events: &mut Vec<Event>) {
    if !events
        .iter()
        .any(|e| matches!(e.cameo.get(..2), Some("18" | "19")))
    {
        return;
    }
    if sense::war_text(doc.text()) {
        // (where arms are named, only a person of politics attacking with words: "Sanders
        // attacked Clinton's record" in a story of a school shooting)
        verbal_attacks(doc, lex, events, true);
        return;
    }
    verbal_attacks(doc, lex, events, false);
    let fight = |e: &Event| {
        e.cameo.starts_with("19")
            && e.place.is_none()
            && e.source
                .iter()
                .chain(&e.target)
                // (a person of politics on a side is no combatant there either: "Obama
                // benefited from the long battle with Clinton")
                .all(|a| a.code.is_none() || speaking_person(doc, a))
            && !sentence_has(doc, e.sentence, DEATH_WORDS)
    };
    // "vowed to fight the layoffs": a vow read as a threat of force for the fight it promises
    // (`promised_violence`) goes with that fight
    let vows: Vec<Span> = events
        .iter()
        .filter(|d| fight(d))
        .filter_map(|d| {
            events.iter().find_map(|e| {
                let between = doc.text().get(e.trigger.end..d.trigger.start)?;
                (e.sentence == d.sentence
                    && e.cameo.starts_with("138")
                    && e.rule.starts_with("03-")
                    && between.trim_end().ends_with(" to")
                    && between.split_whitespace().count() <= 6)
                    .then_some(e.trigger)
            })
        })
        .collect();
    events.retain(|e| !fight(e) && !vows.contains(&e.trigger));
}

/// Words of an election proper: an article of a campaign names one of them.
const ELECTION_WORDS: &[&str] = &[
    "election",
    "candidate",
    "candidates",
    "nominee",
    "primaries",
    "caucus",
    "caucuses",
    "reelection",
    "re-election",
];

/// Words of an election campaign: an article with two of them, one of [`ELECTION_WORDS`],
/// tells of one.
const CAMPAIGN_WORDS: &[&str] = &[
    "campaign",
    "campaigning",
    "candidate",
    "candidates",
    "nominee",
    "primary",
    "primaries",
    "caucus",
    "caucuses",
    "voters",
    "election",
    "electoral",
    "reelection",
    "re-election",
    "ballot",
    "delegates",
    "debate",
];

/// Words of a protest: with one, an article's rallies may be protests.
const PROTEST_WORDS: &[&str] = &[
    "protest",
    "protests",
    "protested",
    "protesting",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrators",
    "demonstration",
    "demonstrations",
    "marchers",
    "march",
    "marched",
];

/// An article of an election campaign that tells of no protest (no word of [`PROTEST_WORDS`],
/// two of [`CAMPAIGN_WORDS`], one of them of [`ELECTION_WORDS`]) holds campaign rallies, not
/// protests: "at a rally Friday in Coral Springs, Clinton questioned …", "his supporters at a
/// Michigan rally". Its rallies (root 14 told by "rally", "rallies", "hold a rally") are no
/// events, unless their sentence says what they were against.
pub(crate) fn campaign_rallies(doc: &Doc, events: &mut Vec<Event>) {
    // "rally", "rallies", "hold a rally": the trigger's last word
    let rally = |e: &Event| {
        e.cameo.starts_with("14")
            && doc.slice(e.trigger).rsplit(' ').next().is_some_and(|w| {
                w.eq_ignore_ascii_case("rally") || w.eq_ignore_ascii_case("rallies")
            })
    };
    if !events.iter().any(rally) {
        return;
    }
    let mut campaign: Vec<&str> = Vec::new();
    let mut protest = false;
    let mut low = String::new();
    for w in doc.text().split(|c: char| !c.is_alphanumeric() && c != '-') {
        low.clear();
        low.push_str(w);
        low.make_ascii_lowercase();
        if PROTEST_WORDS.contains(&low.as_str()) {
            protest = true;
            break;
        }
        if let Some(c) = CAMPAIGN_WORDS.iter().find(|c| **c == low)
            && !campaign.contains(c)
        {
            campaign.push(c);
        }
    }
    if protest || campaign.len() < 2 || !campaign.iter().any(|c| ELECTION_WORDS.contains(c)) {
        return;
    }
    events.retain(|e| !rally(e) || sentence_has(doc, e.sentence, &["against"]));
}

/// Sectors whose members can fight: armed forces and groups, police, criminals, spies.
const ARMED_SECTORS: &[&str] = &[
    "MIL", "REB", "INS", "SEP", "COP", "UAF", "SPY", "CRM", "RAD",
];

/// Sectors of people whose "attacks" are mostly words: politics, government, the courts,
/// business, the media, international and non-governmental bodies.
const SPEAKING_SECTORS: &[&str] = &[
    "GOV", "ELI", "PTY", "LEG", "JUD", "BUS", "MED", "NGO", "IGO",
];

/// An actor code of politics, government, the courts, business or the media, or an
/// international or non-governmental body (`SPEAKING_SECTORS`), with no armed sector in it.
fn speaking(c: &str) -> bool {
    let armed = c
        .as_bytes()
        .chunks(3)
        .any(|ch| ARMED_SECTORS.iter().any(|s| s.as_bytes() == ch));
    let body = c.get(..3).is_some_and(|p| matches!(p, "IGO" | "NGO"));
    !armed && (body || SPEAKING_SECTORS.contains(&sector(c)))
}

/// A person with a [`speaking`] code: "Sen. Sanders" (LEG), "Hillary Clinton" (ELI).
fn speaking_person(doc: &Doc, a: &Argument) -> bool {
    a.entity
        .is_some_and(|x| doc.entities[x].kind == EntityKind::Person)
        && a.code.as_deref().is_some_and(speaking)
}

/// Words of bodily harm in a sentence: with one, an attack or a beating is physical.
const HARM_WORDS: &[&str] = &[
    "killed",
    "kill",
    "dead",
    "died",
    "death",
    "wounded",
    "injured",
    "injuries",
    "hospital",
    "hospitalized",
    "hospitalised",
    "gun",
    "guns",
    "gunman",
    "knife",
    "weapon",
    "weapons",
    "bullet",
    "bullets",
    "stabbed",
    "punched",
    "kicked",
    "bleeding",
    "assaulted",
    "police",
    "officers",
    "arrested",
    "bomb",
    "bomber",
    "explosion",
    "blast",
];

/// "was hurt", "were hurt", "been hurt": a person hurt ("the attack hurt his campaign" is no
/// harm).
fn hurt_bodily(doc: &Doc, sentence: usize) -> bool {
    let low = doc.slice(doc.sentences[sentence].span).to_lowercase();
    [
        "was hurt",
        "were hurt",
        "been hurt",
        "is hurt",
        "are hurt",
        "badly hurt",
    ]
    .iter()
    .any(|p| low.contains(p))
}

/// In an article with no word of war, an attack, a blow, a clash or a beating whose coded
/// actors are all people of politics, government, the courts, business or the media
/// (`SPEAKING_SECTORS`, alone or after a country), with no harm named in its sentence, is
/// words or votes, not violence: "Trump attacked Romney for being a failed candidate" is a
/// criticism (111); "the candidate with the better chance to beat Trump", "the Romney attack
/// hit Trump" and "a clash between Ford and GM" are no event. A country alone, an armed
/// group, the police, a criminal or a civilian keeps the act physical. With `person_source`
/// (an article that does name arms) only an attack whose source is such a person is read so.
fn verbal_attacks(doc: &Doc, lex: &Lexicon, events: &mut Vec<Event>, person_source: bool) {
    let info = lex.code_info("111").cloned();
    events.retain_mut(|e| {
        if !matches!(e.cameo.get(..2), Some("18" | "19")) {
            return true;
        }
        let word = doc.slice(e.trigger).to_lowercase();
        let attack = word.starts_with("attack");
        if !attack && !["beat", "hit", "clash"].iter().any(|p| word.starts_with(p)) {
            return true;
        }
        let mut codes = e
            .source
            .iter()
            .chain(&e.target)
            .filter_map(|a| a.code.as_deref())
            .peekable();
        if codes.peek().is_none()
            || !codes.all(speaking)
            || person_source && !(attack && e.source.iter().any(|a| speaking_person(doc, a)))
            || sentence_has(doc, e.sentence, HARM_WORDS)
            || hurt_bodily(doc, e.sentence)
        {
            return true;
        }
        match (attack, &info) {
            (true, Some(info)) => {
                e.cameo = info.code.clone();
                e.quad_class = info.quad_class;
                e.goldstein = info.goldstein;
                e.plover = plover(info);
                true
            }
            _ => false,
        }
    });
}

/// The words of a one-word-per-line lexicon list (`#` comments and blank lines skipped).
fn word_set(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The words of public life (`lexicon/public.txt`).
static PUBLIC: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| word_set(include_str!("../lexicon/public.txt")));

/// A meeting, visit or call (root 04) or a release or concession (08) told by a verb with no
/// coded actor, in a sentence with no word of public life (`lexicon/public.txt`), nor in the
/// one before when a pronoun names the actors ("Ministers met in Geneva. They will meet again
/// in Paris."), is private life or another sense of the word: "the couple met in 1953", "we
/// hope folks will visit often", "he had to meet a client in her car". Consultations between
/// people of no public standing are not what CAMEO codes, nor is a family's visit to a
/// prisoner (what an analyst codes there is who blocked it). Nouns stay: "Monday's meeting"
/// is mostly a public body's.
fn private_act(doc: &Doc, v: &View, sentence: usize, c: &Cand) -> bool {
    !c.noun
        && matches!(c.ev.cameo.get(..2), Some("04" | "08"))
        && !c
            .ev
            .source
            .iter()
            .chain(&c.ev.target)
            .any(|a| a.code.is_some())
        && !(0..v.len()).any(|k| PUBLIC.contains(v.low(k)))
        && !actors_named_before(doc, v, sentence, c.head)
}

/// "They", "he" or "she" before the trigger stands for public people named in the sentence
/// before: "Ministers met in Geneva. They will meet again in Paris."
fn actors_named_before(doc: &Doc, v: &View, sentence: usize, head: usize) -> bool {
    sentence > 0
        && (0..head).any(|k| v.is_any(k, &["they", "he", "she"]))
        && public_words(doc, sentence - 1)
}

/// A word of public life in the sentence (one not read into a [`View`]).
fn public_words(doc: &Doc, sentence: usize) -> bool {
    let mut low = String::new();
    doc.slice(doc.sentences[sentence].span)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            low.clear();
            low.extend(w.chars().flat_map(char::to_lowercase));
            !w.is_empty() && PUBLIC.contains(low.as_str())
        })
}

/// How specific a CAMEO code is: longer codes, and codes not ending in the generic 0.
pub(crate) fn specificity(code: &str) -> usize {
    code.len() * 2 + usize::from(!code.ends_with('0'))
}

struct Cand {
    ev: Event,
    keep: bool,
    /// The entry only codes an event with a coded target (`tgt`); checked after
    /// [`attitude_targets`].
    needs_target: bool,
    /// The entry only codes an event with a state or political target (`state`).
    needs_state: bool,
    noun: bool,
    head: usize,
    end: usize,
}

/// Nouns of natural hazards and accidents (`lexicon/hazards.txt`).
static HAZARDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| word_set(include_str!("../lexicon/hazards.txt")));

/// The only agents are natural hazards or accidents ("the earthquake struck"): no event.
fn natural_agent(doc: &Doc, source: &[Argument]) -> bool {
    only_uncoded_heads(doc, source, |w| HAZARDS.contains(w))
}

/// A source that is there and whose every argument is uncoded with a last word (lower case)
/// that `head` accepts: "the earthquake", "the law".
fn only_uncoded_heads(doc: &Doc, source: &[Argument], head: impl Fn(&str) -> bool) -> bool {
    !source.is_empty()
        && source.iter().all(|a| {
            a.code.is_none()
                && doc
                    .slice(a.span)
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| head(w.to_lowercase().as_str()))
        })
}

/// A sentence of a poll: its note on method ("conducted by telephone … margin of sampling
/// error") and whether it speaks of a poll at all. Read once per sentence.
#[derive(Clone, Copy)]
struct PollSentence {
    method: bool,
    poll: bool,
}

impl PollSentence {
    fn read(v: &View) -> Self {
        PollSentence {
            method: (0..v.len().saturating_sub(2)).any(|k| {
                v.is(k, "margin") && v.is(k + 1, "of") && v.is_any(k + 2, &["error", "sampling"])
            }),
            poll: (0..v.len()).any(|k| {
                v.is_any(
                    k,
                    &[
                        "poll",
                        "polls",
                        "survey",
                        "surveyed",
                        "polled",
                        "respondents",
                        "asked",
                    ],
                )
            }),
        }
    }
}

/// A verb of opinion or speech answered in a poll: "44 percent of independents disagreed",
/// "48 percent overall agreed" (in a sentence of a poll, a share of respondents within four
/// words before the verb, in its clause; "unions representing 80 percent of workers rejected
/// the offer" is an act), or any act in a poll's note on method.
fn poll_answer(v: &View, poll: PollSentence, t: &Trig, code: &str) -> bool {
    if poll.method {
        return true;
    }
    poll.poll
        && matches!(
            &code[..2],
            "01" | "02" | "03" | "04" | "05" | "10" | "11" | "12" | "13"
        )
        && (t.head.saturating_sub(4)..t.head)
            .rev()
            .take_while(|&k| !is_hard(v, k) && !v.is(k, ","))
            .any(|k| v.is_any(k, &["percent", "%", "cent"]))
}

/// Nouns of written rules: what they do in the present tense is what they say.
const RULE_NOUNS: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "measure",
    "statute",
    "ordinance",
    "legislation",
    "regulation",
    "regulations",
    "rule",
    "rules",
    "policy",
    "constitution",
    "amendment",
    "provision",
    "provisions",
    "treaty",
    "charter",
    "code",
];

/// A written rule as the only doer of a verb in the present tense: "the law simply provides
/// religious accommodations", "the measure bans smoking in bars" tell what a text says, no
/// act ("the council passed a law" keeps its doer; "the law banned …" in the past tense, and a
/// rule that "would" or "will" act, are left to the status cues).
fn rule_as_doer(doc: &Doc, v: &View, t: &Trig, noun: bool, source: &[Argument]) -> bool {
    let w = v.low(t.head);
    !noun
        && w.ends_with('s')
        && !w.ends_with("ss")
        && only_uncoded_heads(doc, source, |x| RULE_NOUNS.contains(&x))
}

/// Whether a sentence stands in the headline or the standfirst.
pub(crate) fn in_headline(doc: &Doc, sentence: usize) -> bool {
    doc.blocks
        .get(doc.sentences[sentence].block)
        .is_some_and(|b| matches!(b.kind, BlockKind::Title | BlockKind::Standfirst))
}

/// Verbs of a stance in the simple present: "the caucus and Schumer oppose tinkering with the
/// system", "conservatives still praise his refusal", "the company partners with fifteen
/// brands".
const STANCE_PRESENT: &[&str] = &[
    "oppose", "opposes", "support", "supports", "back", "backs", "favor", "favors", "favour",
    "favours", "praise", "praises", "partners", "partner",
];

/// A stance told in the simple present in the story's own voice ("powerful constituencies
/// are firmly opposed", "the senators oppose tinkering with the system") is a standing
/// position, not an act on a day: no event. A headline's present tells news ("Obama backs
/// Clinton"), and a stance someone states is their act ("he told reporters he supports
/// Cruz"), so neither counts; nor does one with a time of its own.
fn standing_stance(
    doc: &Doc,
    v: &View,
    sentence: usize,
    t: &Trig,
    code: &str,
    noun: bool,
    reported: bool,
) -> bool {
    if noun || !(code == "110" || code.starts_with("05") || code == "060") {
        return false;
    }
    let h = t.head;
    let w = v.low(h);
    // ("are firmly opposed", "is opposed to")
    let mut k = h;
    while k > 0 && (v.low(k - 1).ends_with("ly") || v.is_any(k - 1, &["still", "also", "all"])) {
        k -= 1;
    }
    let before = k.checked_sub(1);
    // (its subject right before it: a name, a pronoun, a plural noun or an emphatic "does";
    // "winning praise", "fired back", "strong support for" are no such verb)
    let subject = |b: usize| {
        v.words[b].chunk.is_some() && !v.is_any(b, &["'s", "'", "\u{2019}s"])
            || v.is_any(
                b,
                &["they", "we", "i", "you", "he", "she", "it", "does", "do"],
            )
            || v.low(b).ends_with('s')
                && !v.low(b).ends_with("ss")
                && !v.low(b).ends_with("'s")
                && !v.low(b).ends_with("\u{2019}s")
                && !v.words[b].punct
                && !v.is_any(
                    b,
                    &["was", "is", "has", "this", "its", "his", "hers", "us", "as"],
                )
    };
    let present = STANCE_PRESENT.contains(&w) && before.is_some_and(subject)
        || w == "opposed" && before.is_some_and(|b| v.is_any(b, &["is", "are", "am"]));
    // (the first sentences of a longer text may be its headline and deck)
    let head = sentence <= 1 && doc.sentences.len() > 2 || in_headline(doc, sentence);
    let text = doc.slice(doc.sentences[sentence].span);
    present
        && !head
        && !reported
        && !text.contains(['"', '\u{201c}', '\u{201d}'])
        && !(0..v.len()).any(|k| in_time(v, k))
}

pub(crate) fn code_sentence(doc: &Doc, lex: &Lexicon, sentence: usize, out: &mut Vec<Event>) {
    if link_line(doc, sentence) {
        return;
    }
    let v = view(doc, lex, sentence);
    if v.len() == 0 {
        return;
    }
    let mut trigs = triggers(&v, lex);
    // a capitalised trigger word inside the name of an organisation names no event
    // ("the Office of Special Investigations") in running text, not in a title-case headline
    // ("Wave of Bombings Hits the Capital")
    if !trigs.is_empty() && !title_case(&v) {
        // (and any capitalised trigger word inside a sentence in sentence case is a name the
        // entity stage did not take: "AG Lynch", "The Annex, a CIA station", "Occupy Wall
        // Street-style protests"; not after punctuation: "Breaking: Police arrest …")
        trigs.retain(|t| {
            !(in_name(doc, &v, t)
                || t.head > 0
                    && v.words[t.head].upper
                    && !v.words[t.head - 1].punct
                    && v.low(t.head).chars().all(|c| c.is_alphabetic()))
        });
    }
    // a capitalised word inside a time expression is a month or a day, not a verb ("rallied
    // in March on the palace", "on 10 May to protest")
    trigs.retain(|t| !(v.words[t.head].upper && in_time(&v, t.head)));
    let claims = split_claims(&v, lex, &mut trigs);
    // a list item, table row or section heading yields events only when it holds a verb
    // reading of a trigger: a "Bomb" cause column or "== The attack ==" title is no event
    if !trigs.is_empty()
        && structural(doc, sentence)
        && !trigs.iter().any(|t| verb_reading(&v, lex, t))
    {
        return;
    }
    // an obligation laid on another actor is a demand even without a trigger
    // ("X said Y must change its laws": [`reported_demand`])
    if trigs.is_empty() && !(1..v.len()).any(|m| obligation(&v, m).is_some()) {
        return;
    }
    let poll = PollSentence::read(&v);
    let mut hits = cues(&v, lex);
    // ... nor a modal: "on 10 May to protest" is no possibility
    hits.retain(|h| !(v.words[h.start].upper && in_time(&v, h.start)));
    // "May" with a capital is a month or a name ("Defence Secretary Julia May has blamed"), not a modal, unless
    // it opens a question or a wish ("May the talks succeed")
    // a headline in title case: most words outside names are capitalised
    let (caps, plain) = v
        .words
        .iter()
        .filter(|x| !x.punct && x.chunk.is_none())
        .fold((0, 0), |(c, n), x| (c + usize::from(x.upper), n + 1));
    let title_case = plain > 0 && 5 * caps >= 3 * plain;
    hits.retain(|h| {
        !(v.is(h.start, "may")
            && v.words[h.start].upper
            && !title_case
            && (h.start > 0
                || v.is_any(
                    h.start + 1,
                    &[
                        "has", "had", "have", "said", "says", "is", "was", "will", "would", "told",
                        "and", "'s", ",",
                    ],
                )))
    });
    // a reporting word that is itself a trigger ("claimed responsibility") reports nothing
    hits.retain(|h| {
        h.kind != CueKind::Report || !trigs.iter().any(|t| h.start < t.end && t.head < h.end)
    });
    let speaker = reporter(doc, &v, &hits);
    let excluded: Vec<usize> = speaker.into_iter().collect();
    // a sentence that asks (a quotation that asks is read per trigger below)
    let question = doc
        .slice(doc.sentences[sentence].span)
        .trim_end()
        .ends_with('?');
    let published = doc.meta.published;
    // (whether the sentence belongs to a story told of years before: read once, when a
    // trigger first asks)
    let narrative_sentence = std::cell::OnceCell::new();
    let mut prev_roles: Option<Roles> = None;
    let mut statuses: Vec<Status> = Vec::with_capacity(trigs.len());
    let mut cands: Vec<Cand> = Vec::with_capacity(trigs.len());
    for (ti, t) in trigs.iter().enumerate() {
        let e = &lex.entries[t.entry];
        let ce = &lex.entries[t.code_entry];
        let info = &lex.codes[ce.code];
        let mut r = roles(doc, &v, lex, &trigs, ti, &excluded, prev_roles.as_ref());
        if r.target.is_empty()
            && info.quad_class == 4
            && let Some(a) = place_bound_target(doc, &v, t)
        {
            r.target.push(a);
        }
        let (mut st, cue) = status(&v, lex, t, &hits);
        // a refused consent ("will not accept", "would never allow") is a rejection stated
        // now: a modal of the refusal is its wording, not a plan or a possibility
        if refused_consent(&v, t, &info.code)
            && matches!(st, Status::Planned | Status::Hypothetical)
            && cue.as_deref().is_some_and(|c| {
                matches!(
                    c,
                    "will" | "'ll" | "would" | "'d" | "shall" | "can" | "could"
                )
            })
        {
            st = Status::Occurred;
        }
        if st == Status::Occurred && ti > 0 {
            let p = &trigs[ti - 1];
            let same_clause = clause_start(&v, t.head) == clause_start(&v, p.head);
            let between = p.end.min(t.head)..t.head;
            // a trigger in the complement of a non-occurred trigger shares its status:
            // "will meet to discuss", "failed to secure and sign"
            // (or a bare verb after "and" that shares the first verb's modal: "will close the
            // consulate in St. Petersburg and expel foreign diplomats")
            let w = v.low(t.head);
            let shared_modal = !e.noun
                && !lex.entries[p.entry].noun
                && t.head > 0
                && v.is(t.head - 1, "and")
                && t.head - p.end <= 8
                && !dates::past_form(w)
                && !w.ends_with("ing")
                && !between.clone().any(|k| is_hard(&v, k) || v.is(k, ","));
            if statuses[ti - 1] != Status::Occurred
                && same_clause
                && (between
                    .clone()
                    .all(|k| v.is_any(k, &["to", "and", ",", "a", "an", "the", "also", "then"]))
                    && t.head - p.end <= 3
                    || (t.head > 0 && v.is(t.head - 1, "to"))
                    || shared_modal)
            {
                st = statuses[ti - 1];
            }
            // the complement of an appeal, demand, threat or promise did not (yet) happen;
            // the object of a rejection is refused: "a plea to establish a ceasefire",
            // "rejected the truce"
            let governs = &lex.codes[lex.entries[p.code_entry].code].code[..2];
            if st == Status::Occurred
                && t.head >= p.end
                && t.head - p.end <= 8
                && !between
                    .clone()
                    .any(|k| is_hard(&v, k) || (starts_clause(&v, k) && !v.is(k, "that")))
            {
                // ... but a plea, demand or offer that is rejected was made: "rejected their
                // plea to delete the passages" refuses the plea, it does not unmake it
                let made_request = e.noun && matches!(&info.code[..2], "02" | "03" | "10");
                // a finite past verb after a comma is the next act of a list, not the
                // complement: "called on the business community to confide in him, promised
                // austerity" (a complement is an infinitive or a noun)
                let listed = !e.noun
                    && dates::finite_past(&v, t.head)
                    && between.clone().any(|k| v.is(k, ","));
                st = match governs {
                    _ if listed => st,
                    "02" | "10" | "13" => Status::Hypothetical,
                    "03" => Status::Planned,
                    "12" if !made_request => Status::Negated,
                    _ => st,
                };
            }
        }
        // reported future ("would be on Monday") with a date after publication is a plan
        let mut would = cue.as_deref() == Some("would");
        // a noun trigger that is the subject of a modal ("the fighting could cut off food
        // supplies", "talks will resume") is talked about as possible or planned; "the next
        // round would be on Monday" is the same reported future as a "would" cue
        // (a word right before a modal is a noun whatever entry read it: "the likelihood that
        // unsanctioned protests will erupt")
        if st == Status::Occurred
            && (e.noun
                || nominal(&v, t.head)
                || v.is_any(
                    t.end,
                    &[
                        "will", "would", "could", "might", "may", "should", "must", "'ll",
                    ],
                ) && !v.low(t.head).ends_with("ed")
                    && !v.low(t.head).ends_with("en"))
            && let Some((m, modal_would)) = modal_after(&v, t)
        {
            // (a reported "would" of force is a forecast: "analysts said the invasion would
            // begin within weeks")
            st = if m == Status::Planned
                && modal_would
                && matches!(
                    &info.code[..2],
                    "14" | "15" | "16" | "17" | "18" | "19" | "20"
                ) {
                Status::Hypothetical
            } else {
                m
            };
            would |= modal_would;
        }
        st = sense::status_fix(&v, t, &info.code, e.noun, st);
        // (or a quotation the trigger stands in, ending in a question mark: "“Is he fighting
        // anyone?” the dispatcher asked", "He asked: “Did they shoot?”"; not a question quoted
        // after the act: "arrested him after he asked “Why me?”")
        let quoted_question = || {
            let dq = |k: usize| matches!(v.low(k), "\"" | "\u{201c}" | "\u{201d}");
            (0..t.head).filter(|&k| dq(k)).count() % 2 == 1
                && (t.end..v.len())
                    .take_while(|&k| !dq(k))
                    .last()
                    .is_some_and(|k| v.is(k, "?"))
        };
        if st == Status::Occurred && (question || quoted_question()) {
            st = Status::Hypothetical;
        }
        let has_args = !r.source.is_empty() || !r.target.is_empty();
        // date
        let mut date = governing_time(doc, &v, &trigs, ti, sentence).map(|i| {
            let tm = &doc.times[i];
            DateRef {
                value: tm.value.clone(),
                precision: tm.precision,
                time: Some(i),
                basis: Basis::Text,
            }
        });
        // a date after publication makes a plan of an act not told in the past tense: a past
        // verb ("examined a stabbing", "marched out to dismantle the roadblocks") names a
        // past act, whatever a mis-resolved date says
        if let (Some(d), Some(p)) = (&date, published)
            && (st == Status::Occurred || (st == Status::Hypothetical && would))
            && is_after(&d.value, &p.to_string())
            && !dates::past_act(&v, t, e.noun)
        {
            st = Status::Planned;
        }
        // "Smith's attempt to seize", "tried to seize": an attempt that was made is an act
        // that occurred (as an attempt), not a plan
        if st == Status::Planned
            && cue
                .as_deref()
                .is_some_and(|c| c.starts_with("attempt") || c.starts_with("try"))
            && dates::made_attempt(&v, t)
        {
            st = Status::Occurred;
        }
        statuses.push(st);
        // "In 2011, the board upheld the fine, dismissing the objection": a time that opens the sentence,
        // set off by a comma, is the setting of every past act in it without a date of its own
        if date.is_none()
            && matches!(st, Status::Occurred | Status::Negated)
            && !sense::background(&v, t)
            && (e.noun
                || !v.is_any(t.head.saturating_sub(1), &["has", "have", "'ve", "'s"])
                    && (v.low(t.head).ends_with("ed")
                        || v.low(t.head).ends_with("ing")
                        || dates::irregular_past(v.low(t.head))))
            && let Some(i) = fronted_time(doc, &v, sentence, t.head)
            && published.is_none_or(|p| !is_after(&doc.times[i].value, &p.to_string()))
        {
            let tm = &doc.times[i];
            date = Some(DateRef {
                value: tm.value.clone(),
                precision: tm.precision,
                time: Some(i),
                basis: Basis::Text,
            });
        }
        // a past act in a story told of years before, in a sentence without a time of its own
        // (`dates::narrative_past`): no date rather than the publication date
        let narrative = date.is_none()
            && (dates::past_act(&v, t, e.noun)
                || e.noun && (0..v.len()).any(|k| dates::finite_past(&v, k)))
            && !v.is_any(t.head.saturating_sub(1), &["has", "have", "'ve"])
            && *narrative_sentence.get_or_init(|| dates::narrative_past(doc, sentence, out));
        if date.is_none()
            && matches!(st, Status::Occurred | Status::Negated)
            && !sense::background(&v, t)
            && !narrative
            && let Some(p) = published
        {
            date = Some(DateRef {
                value: p.to_string(),
                precision: Precision::Day,
                time: None,
                basis: Basis::Published,
            });
        }
        let place = place_of(&v, lex, &trigs, ti, None).map(|p| PlaceRef {
            place: p.0,
            basis: Basis::Sentence,
        });
        let span = Span::new(v.words[t.head].span.start, v.words[t.end - 1].span.end);
        cands.push(Cand {
            ev: Event {
                sentence,
                trigger: span,
                cameo: info.code.clone(),
                quad_class: info.quad_class,
                goldstein: info.goldstein,
                plover: plover(info),
                status: st,
                source: r.source.clone(),
                target: r.target.clone(),
                date,
                place,
                reported_by: speaker.map(|c| v.chunks[c].entity),
                confidence: 0.0,
                rule: ce.rule.clone(),
                same_as: None,
            },
            needs_target: e.tgt,
            needs_state: e.state,
            keep: (has_args || e.solo && !bare_noun_doubt(&v, t, e.noun))
                && !adjectival(&v, &trigs, ti)
                && !document_object(&v, t, &info.code)
                && !consequence_clause(&v, t, &info.code)
                && !quoted_label(&v, t)
                && !(e.noun && labelled_as(&v, t))
                && !asked_question(doc, &v, t, &info.code)
                && !natural_agent(doc, &r.source)
                && !poll_answer(&v, poll, t, &info.code)
                && !rule_as_doer(doc, &v, t, e.noun, &r.source)
                && !standing_stance(doc, &v, sentence, t, &info.code, e.noun, speaker.is_some())
                && !sense::false_sense(&v, &trigs, ti, &info.code, e.noun, &r.source, &r.target),
            noun: e.noun,
            head: t.head,
            end: t.end,
        });
        // "condemned an attack by X and promised aid": a verb after "and" shares the
        // subject of the last verb, not the agent of a noun in between
        if !e.noun {
            prev_roles = Some(r);
        }
    }
    verbal_object(&v, lex, &mut cands);
    claimed_acts(&claims, &mut cands);
    promised_violence(&v, lex, &mut cands);
    reported_threat(doc, &v, lex, &mut cands);
    reported_demand(doc, &v, lex, sentence, speaker, &mut cands);
    demanded_clause(&v, lex, &mut cands);
    complement_targets(&v, lex, &mut cands);
    attitude_targets(&v, &mut cands);
    for c in cands.iter_mut() {
        if c.needs_target && !c.ev.target.iter().any(|a| a.code.is_some()) {
            c.keep = false;
        }
        if c.needs_state && !political_roles(&c.ev.source, &c.ev.target) {
            c.keep = false;
        }
    }
    purpose_talks(&v, &mut cands);
    lone_discussion(doc, &v, lex, &mut cands);
    directed_acts(&v, &mut cands);
    merge_same_event(&v, &mut cands);
    one_side_each(&mut cands);
    let first = out.len();
    for c in cands
        .into_iter()
        .filter(|c| c.keep && !private_act(doc, &v, sentence, c))
    {
        out.push(c.ev);
    }
    // triggers of the same root in one sentence share a place: "Ministers meeting in Lausanne
    // discussed …"
    for i in first..out.len() {
        if out[i].place.is_none() {
            let root = &out[i].cameo[..2];
            if let Some(p) = out[first..]
                .iter()
                .find(|o| &o.cameo[..2] == root && o.place.is_some())
                .and_then(|o| o.place)
            {
                out[i].place = Some(p);
            }
        }
    }
}

/// Whether a sentence is document structure rather than a sentence of the story: a section
/// heading, a list item ("* 2015-12-21, …"), a wiki section title ("== The attack ==") or a
/// table row (tab-separated cells).
fn structural(doc: &Doc, sentence: usize) -> bool {
    let s = &doc.sentences[sentence];
    if doc
        .blocks
        .get(s.block)
        .is_some_and(|b| b.kind == BlockKind::Heading)
    {
        return true;
    }
    let text = doc.slice(s.span);
    let t = text.trim_start();
    t.starts_with(['*', '\u{2022}', '\u{b7}', '#', '=', '|'])
        || t.starts_with("- ")
        || text.contains('\t')
}

/// A link to another story inside this one: a bracketed headline ("[How the siege began]") or a
/// "Read more:" / "Related:" / "See also:" line; its events are not this story's.
fn link_line(doc: &Doc, sentence: usize) -> bool {
    let text = doc.slice(doc.sentences[sentence].span).trim();
    if text.starts_with('[') && text.ends_with(']') {
        return true;
    }
    // an editor's note the outlet prints under its stories ("Editor's note: …")
    let ci = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if ci("editor's note") || ci("editor\u{2019}s note") {
        return true;
    }
    // a photo caption: "The soldier served with US forces in the country, file photo." (a
    // caption credited in brackets is read per trigger: `sense::captioned`)
    let bare = text
        .trim_end_matches(|c: char| matches!(c, '.' | ')' | ']') || c.is_whitespace())
        .as_bytes();
    if ["file photo", "file picture", "file image", "file pic"]
        .iter()
        .any(|p| {
            bare.len() >= p.len() && bare[bare.len() - p.len()..].eq_ignore_ascii_case(p.as_bytes())
        })
    {
        return true;
    }
    [
        "read more",
        "related:",
        "see also",
        "read also",
        "watch:",
        "also read",
        "more:",
        "related articles",
        "related stories",
        "related coverage",
        "related links",
        "recommended:",
        "trending:",
        "most read",
        "you may also like",
        "you might also like",
    ]
    .iter()
    .any(|p| {
        text.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// A trigger read as a finite verb: a verb entry, in lower case, not in a noun position
/// ("the attack", "US Bomb" are labels).
fn verb_reading(v: &View, lex: &Lexicon, t: &Trig) -> bool {
    !lex.entries[t.entry].noun && !v.words[t.head].upper && !nominal(v, t.head)
}

/// Half or more of the sentence's words are capitalised, and every word of four letters or
/// more but a few short prepositions is: a title-case headline ("Wave of Bombings Hits the
/// Capital"). A sentence crowded with names still has lower-case words of its own ("In late
/// 2016 Tunisia worked with the United States as the Government of National Accord
/// launched …").
fn title_case(v: &View) -> bool {
    let (mut n, mut up, mut plain) = (0usize, 0usize, 0usize);
    for (i, w) in v.words.iter().enumerate().filter(|(_, w)| !w.punct) {
        n += 1;
        up += usize::from(w.upper);
        let l = v.low(i);
        plain += usize::from(
            !w.upper
                && l.chars().count() >= 4
                && l.chars().all(char::is_alphabetic)
                && !TITLE_SMALL.contains(&l),
        );
    }
    up * 2 >= n && plain == 0
}

/// Short words that title case may leave in lower case.
const TITLE_SMALL: &[&str] = &[
    "with", "from", "into", "over", "amid", "than", "that", "upon", "onto", "after", "says", "said",
];

/// A capitalised trigger inside an organisation's name: within an organisation mention, or
/// after "Name of" ("Office of Special Investigations", "Court of Appeal").
fn in_name(doc: &Doc, v: &View, t: &Trig) -> bool {
    let h = t.head;
    if h == 0 || !t.fixed.iter().all(|&k| v.words[k].upper) {
        return false;
    }
    // (or a person's: "Nick Shell, 38, and David Watson")
    let org = v.words[h].chunk.is_some_and(|c| {
        matches!(
            doc.entities[v.chunks[c].entity].kind,
            EntityKind::Organization | EntityKind::Person
        )
    });
    let named = || {
        let mut k = h - 1;
        while k > 0 && h - k < 4 && v.words[k].upper && !v.words[k].punct {
            k -= 1;
        }
        v.is(k, "of") && k > 0 && v.words[k - 1].upper && !v.words[k - 1].punct
    };
    // a surname after a given name the recogniser took alone: "Nick \"Nick Nick\" Shell, 38"
    let surname = || {
        let mut k = h - 1;
        if k > 0 && v.is_any(k, &["\"", "\u{201d}"]) {
            k -= 1;
        }
        t.fixed.len() == 1
            && v.words[k].chunk.is_some_and(|c| {
                doc.entities[v.chunks[c].entity].kind == EntityKind::Person
                    && v.chunks[c].end == k + 1
            })
    };
    org || named() || surname()
}

/// "asked the witness during the hearing whether anyone had seen the van", "\"Where is he?\" Smith
/// asked": asking a question is no appeal.
fn asked_question(doc: &Doc, v: &View, t: &Trig, code: &str) -> bool {
    if !code.starts_with("02") || !v.low(t.head).starts_with("ask") {
        return false;
    }
    if (t.head.saturating_sub(5)..t.head).any(|k| v.is(k, "?")) {
        return true;
    }
    // the question split off as a sentence of its own: the asker opens this one
    if t.head <= 4 && !(0..t.head).any(|k| v.is_any(k, SUBORDINATORS)) {
        let (text, start) = (doc.text(), v.words[0].span.start);
        let mut a = start.saturating_sub(8);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let before = text[a..start]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\u{201d}'));
        if before.ends_with('?') {
            return true;
        }
    }
    for k in t.end..(t.end + 15).min(v.len()) {
        if is_hard(v, k) {
            break;
        }
        if v.is_any(k, &["if", "whether"]) {
            return true;
        }
    }
    false
}

/// "Al-Shabaab claimed the bombing": a claim of responsibility told with the act's noun
/// (`claim * attack`, `claim * bombing`) is two events, the claim (015, told by "claimed")
/// and the act, whose noun is read as its own trigger. Returns the (claim, act) word heads.
fn split_claims(v: &View, lex: &Lexicon, trigs: &mut Vec<Trig>) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut acts = Vec::new();
    for t in trigs.iter_mut() {
        if lex.codes[lex.entries[t.code_entry].code].code != "015" || t.fixed.len() < 2 {
            continue;
        }
        let (first, last) = (t.fixed[0], t.fixed[t.fixed.len() - 1]);
        if !v.low(first).starts_with("claim") || last <= first {
            continue;
        }
        // only the act named as the claim's object ("claimed the deadly bombing", "claimed
        // Sunday's attack"), not one inside a clause or phrase of its ("claimed they were
        // responsible for the attack" tells the attack again)
        // (and the noun ends its clause: "Moscow claimed the attack was staged" is a claim
        // about the attack, not of it)
        let ends = last + 1 >= v.len()
            || v.words[last + 1].punct
            || v.is_any(last + 1, PREPOSITIONS)
            || v.is_any(last + 1, &["which", "that", "who", "and"]);
        if !ends
            || last - first > 5
            || (first + 1..last).any(|k| {
                v.words[k].punct && !v.is(k, "'s")
                    || v.is_any(k, PREPOSITIONS)
                    || v.is_any(k, BE)
                    || v.is_any(k, PERSONAL_SUBJECTS)
                    || v.is(k, "that")
            })
        {
            continue;
        }
        // the act noun's own one-word entry of root 18-20
        let act = v.words[last].lemmas.iter().find_map(|l| {
            lex.by_first.get(l)?.iter().copied().find(|&id| {
                let e = &lex.entries[id as usize];
                e.noun
                    && !e.decoy
                    && e.pattern.len() == 1
                    && matches!(lex.codes[e.code].code.get(..2), Some("18" | "19" | "20"))
            })
        });
        let Some(id) = act else {
            continue;
        };
        t.end = first + 1;
        t.fixed.truncate(1);
        acts.push(Trig {
            entry: id as usize,
            code_entry: id as usize,
            head: last,
            end: last + 1,
            fixed: vec![last],
        });
        pairs.push((first, last));
    }
    if !acts.is_empty() {
        trigs.extend(acts);
        trigs.sort_by_key(|t| t.head);
    }
    pairs
}

/// The act of a split claim ([`split_claims`]) was done by the claimant, when the act names
/// no doer of its own. A claim that was not made ("the Taliban have not claimed the attack")
/// says nothing of the act: its act is told elsewhere, not here.
fn claimed_acts(claims: &[(usize, usize)], cands: &mut [Cand]) {
    for &(claim, act) in claims {
        let Some((source, status)) = cands
            .iter()
            .find(|c| c.head == claim)
            .map(|c| (c.ev.source.clone(), c.ev.status))
        else {
            continue;
        };
        if let Some(c) = cands.iter_mut().find(|c| c.head == act) {
            if status != Status::Occurred {
                c.keep = false;
            } else if c.ev.source.is_empty() {
                c.ev.source = source;
            }
        }
    }
}

/// Things attacked only with words (`lexicon/verbal-objects.txt`).
static VERBAL_OBJECTS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| word_set(include_str!("../lexicon/verbal-objects.txt")));

/// Words that end a noun phrase read forwards: "attacked the plan as …", "… plan to cut …".
const PHRASE_ENDS: &[&str] = &[
    "as",
    "that",
    "which",
    "who",
    "where",
    "and",
    "or",
    "but",
    "because",
    "while",
    "when",
    "after",
    "before",
    "despite",
    "during",
    "amid",
    "until",
    "since",
    "following",
    "within",
    "without",
    "outside",
    "inside",
    "behind",
    "along",
    "saying",
    "calling",
];

/// The head (last word) of a short noun phrase that starts at `from`: the word before the
/// first punctuation mark (a possessive "'s" aside), preposition or clause word, when the
/// phrase has at most five words ("the president's health care law").
fn phrase_head(v: &View, from: usize) -> Option<usize> {
    let mut last = None;
    for k in from..(from + 6).min(v.len()) {
        let ends = (v.words[k].punct && !v.is(k, "'s"))
            || PREPOSITIONS.contains(&v.low(k))
            || v.is_any(k, PHRASE_ENDS);
        if ends {
            return last;
        }
        // a participle with an object of its own: "police enforcing the ban" is people
        if k > from && participle_with_object(v, k) {
            return None;
        }
        last = Some(k);
    }
    // the sentence ends within the window
    (from + 6 > v.len()).then_some(last).flatten()
}

/// A participle followed by a determiner ("protesting the bill", "carrying supporters"
/// aside): the phrase around it is a clause about something else.
fn participle_with_object(v: &View, k: usize) -> bool {
    let w = v.low(k);
    (w.ends_with("ing") || w.ends_with("ed"))
        && (v.is_any(k + 1, ARTICLES_POSSESSIVES) || v.is(k + 1, "this"))
}

/// "attacked the health care law", "a fresh attack on the tax plan", "the bill came under
/// attack", "the ruling was attacked by …": an attack or assault on a plan, a law, a decision,
/// words or a reputation (`lexicon/verbal-objects.txt`, the head of the object) is criticism
/// (111), whoever makes it; "attacked law enforcement officers" is not. Fighting or combating
/// such a thing ("vowed to fight the pension cuts") is no event.
fn verbal_object(v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    let Some(info) = lex.code_info("111") else {
        return;
    };
    for c in cands.iter_mut() {
        if !matches!(c.ev.cameo.get(..2), Some("18" | "19")) || c.end == 0 || c.noun {
            continue;
        }
        let word = v.low(c.end - 1);
        if matches!(
            word,
            "fight" | "fights" | "fought" | "fighting" | "combat" | "combats"
        ) && c.end == c.head + 1
            && phrase_head(v, c.end).is_some_and(|k| VERBAL_OBJECTS.contains(v.low(k)))
        {
            c.keep = false;
            continue;
        }
    }
    for c in cands.iter_mut() {
        if !matches!(c.ev.cameo.get(..2), Some("18" | "19")) || c.end == 0 {
            continue;
        }
        // (the noun before a trigger's own "on": "assault on")
        let prep_end = c.end - 1 > c.head && v.is_any(c.end - 1, &["on", "against", "upon"]);
        let last = if prep_end { c.end - 2 } else { c.end - 1 };
        let word = v.low(last);
        if !(word.starts_with("attack") || word.starts_with("assault")) {
            continue;
        }
        let verbal = |k: Option<usize>| k.is_some_and(|k| VERBAL_OBJECTS.contains(v.low(k)));
        // the object after the verb, or after "on"/"against" after the noun
        let object = if prep_end {
            phrase_head(v, c.end)
        } else if v.is_any(c.end, &["on", "against", "upon"]) {
            phrase_head(v, c.end + 1)
        } else if matches!(word, "attacked" | "attacking" | "attack" | "attacks")
            && !c.noun
            && !(c.end < v.len() && v.words[c.end].punct)
        {
            phrase_head(v, c.end)
        } else {
            None
        };
        // the thing attacked as the subject: "the bill came under attack", "the law was attacked"
        let subject = if c.head >= 2
            && (v.is(c.head - 1, "under") && matches!(word, "attack" | "attacks" | "assault")
                || word == "attacked" && v.is_any(c.head - 1, BE))
        {
            let mut k = c.head - 1;
            while k > 0
                && (v.is_any(k, BE)
                    || v.is_any(k, AUX_SKIP)
                    || v.is_any(
                        k,
                        &[
                            "under",
                            "came",
                            "come",
                            "comes",
                            "coming",
                            "fresh",
                            "new",
                            "renewed",
                            "heavy",
                            "sharp",
                            "increasing",
                            "repeatedly",
                        ],
                    ))
            {
                k -= 1;
            }
            // (the head of a plain noun phrase: not the object of a preposition or participle,
            // "a bus carrying supporters of the peace plan came under attack")
            let mut j = k;
            while j > 0 && k - j < 5 && !v.words[j - 1].punct && !is_hard(v, j - 1) {
                j -= 1;
            }
            let plain = !(j..k).any(|x| {
                v.is_any(x, PREPOSITIONS)
                    || participle_with_object(v, x)
                    || v.is_any(x, &["who", "that", "which"])
            });
            (!v.words[k].punct && plain).then_some(k)
        } else {
            None
        };
        if verbal(object) || verbal(subject) {
            recode(&mut c.ev, info);
        }
    }
}

/// "vowed to wage war on X", "pledged on Monday to attack the city": an intent (03) whose
/// complement is a violent act (a verb of 18, 19 or 20 right after "to") is a threat to use
/// military force (138), aimed at the act's target; the act itself stays planned.
fn promised_violence(v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    let Some(info) = lex.code_info("138") else {
        return;
    };
    for i in 0..cands.len().saturating_sub(1) {
        let j = i + 1;
        let (a, b) = (&cands[i], &cands[j]);
        // (a fight that is no event, "vowed to fight the layoffs", makes no threat)
        if a.ev.cameo != "030"
            || a.noun
            || b.noun
            || !b.keep
            || !matches!(b.ev.cameo.get(..2), Some("18" | "19" | "20"))
            || b.head < a.end
            || b.head - a.end > 6
            || !v.is(b.head.saturating_sub(1), "to")
            || (a.end..b.head).any(|k| is_hard(v, k) || starts_clause(v, k))
        {
            continue;
        }
        let target = b.ev.target.clone();
        let a = &mut cands[i];
        recode(&mut a.ev, info);
        if a.ev.target.is_empty() {
            a.ev.target = target;
        }
    }
}

/// "warned on Tuesday it would cut ties with X", "declined to send soldiers to X", "offered
/// to negotiate with X": a verb of appeal, intent, demand, rejection or threat without a target
/// of its own is aimed at the target of the act in its "to" complement. A bare threat (130)
/// takes the threat code of a conflict act it names ("to break relations": 1313).
fn complement_targets(v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    for i in 0..cands.len() {
        let a = &cands[i];
        if a.noun
            || !a.ev.target.is_empty()
            || !(matches!(a.ev.cameo.get(..2), Some("02" | "03" | "10" | "12" | "13"))
                // "signed an agreement to supply Sweden with gas": the other party of a signed
                // agreement is the one its content is aimed at
                || a.ev.cameo == "057")
        {
            continue;
        }
        let Some(j) = (i + 1..cands.len()).find(|&j| cands[j].head >= a.end) else {
            continue;
        };
        let b = &cands[j];
        // "to" right before the act; between the two only a time ("today", "on Monday")
        if b.noun
            || b.head == 0
            || !v.is(b.head - 1, "to")
            || !(a.end..b.head - 1).all(|k| in_time(v, k) || v.is(k, "on"))
            || b.ev.target.is_empty()
        {
            continue;
        }
        let target = b.ev.target.clone();
        let act = b.ev.cameo.clone();
        let a = &mut cands[i];
        a.ev.target = target;
        if a.ev.cameo == "130"
            && matches!(
                act.get(..2),
                Some("14" | "15" | "16" | "17" | "18" | "19" | "20")
            )
            && let Some(info) = lex.code_info(threat_code(&act))
        {
            recode(&mut a.ev, info);
        }
    }
}

/// Verbs that report what their subject said it would do.
const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "warned",
    "warns",
    "warn",
    "announced",
    "announces",
    "declared",
    "declares",
    "stated",
    "indicated",
    "insisted",
    "told",
    "tells",
];

/// The threat code for announcing a conflict act: sanctions are threatened (1312), attacks
/// are threats of force (138x), arrests threats of repression (137).
fn threat_code(act: &str) -> &'static str {
    match act.get(..3).unwrap_or(act) {
        "161" => "1313",
        "162" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" => "136",
        "172" => "132",
        "191" => "1381",
        "192" => "1382",
        "204" => "1385",
        "190" | "193" | "194" | "195" => "1384",
        _ => match &act[..2] {
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
            | "13" => "130",
            "14" => "133",
            "15" => "130",
            "16" => "131",
            "17" => "137",
            "18" | "19" | "20" => "138",
            _ => "130",
        },
    }
}

/// "X said it would attack Y", "X warned that it will impose sanctions on Y": a conflict act
/// its own actor announces (the complement of a verb of saying whose subject is a pronoun
/// taking up the speaker, with "will"/"would") is a threat (13x) that was made, not the act.
fn reported_threat(doc: &Doc, v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    for ci in 0..cands.len() {
        let c = &cands[ci];
        // a noun entry right after a modal is a verb ("they would blockade the city")
        let after_modal =
            c.head > 0 && v.is_any(c.head - 1, &["would", "will", "'ll", "'d", "shall"]);
        // an act made conditional on the other side ("will withdraw its force unless …") is a
        // threat whatever the act; otherwise only a conflict act is one
        let conflict = matches!(
            c.ev.cameo.get(..2),
            Some("14" | "15" | "16" | "17" | "18" | "19" | "20")
        );
        let ultimatum = (c.end..v.len())
            .take_while(|&k| !is_hard(v, k))
            .any(|k| v.is(k, "unless"));
        if (c.noun && !after_modal) || c.ev.status == Status::Negated || !(conflict || ultimatum) {
            continue;
        }
        // the modal right before the verb (an adverb may stand between)
        let mut k = c.head;
        let mut modal = None;
        while k > 0 && c.head - k < 3 {
            k -= 1;
            if v.is_any(k, &["would", "will", "'ll", "'d", "shall"]) {
                modal = Some(k);
                break;
            }
            if !(v.low(k).ends_with("ly") || v.is_any(k, &["also", "soon", "then", "now"])) {
                break;
            }
        }
        let Some(m) = modal.filter(|&m| m > 0) else {
            continue;
        };
        // the complement's subject takes up the speaker: a pronoun, or the speaker's name
        let subj = m - 1;
        let (first, named) = if v.is_any(subj, PERSONAL_SUBJECTS) {
            (subj, None)
        } else if let Some(ch) = v.words[subj].chunk {
            (v.chunks[ch].start, Some(v.chunks[ch].entity))
        } else {
            continue;
        };
        // "said on Friday that", "warned Y that": a time, "that" and an addressee between
        let s = before_saying(v, first, &["that"], in_time);
        if s == 0 || !v.is_any(s - 1, SAY_VERBS) {
            continue;
        }
        let say = s - 1;
        let speaker = left_actor(v, say, &[]);
        if named.is_some_and(|e| speaker.is_none_or(|sp| v.chunks[sp].entity != e)) {
            continue;
        }
        let code = threat_code(&c.ev.cameo);
        // "warned that it would bomb Y": the verb of saying is itself a threat trigger; it
        // takes the more specific code and the act's target, and the act is no event
        if let Some(w) = cands
            .iter()
            .position(|o| o.head == say && o.ev.cameo.starts_with("13"))
        {
            let target = cands[ci].ev.target.clone();
            if let Some(info) = lex.code_info(code)
                && specificity(code) > specificity(&cands[w].ev.cameo)
            {
                let o = &mut cands[w];
                recode(&mut o.ev, info);
            }
            if cands[w].ev.target.is_empty() {
                cands[w].ev.target = target;
            }
            cands[ci].keep = false;
            continue;
        }
        let c = &mut cands[ci];
        let Some(info) = lex
            .code_info(code)
            .or_else(|| lex.code_info(&code[..3]))
            .or_else(|| lex.code_info("130"))
        else {
            continue;
        };
        if let Some(sp) = speaker {
            c.ev.source = args(doc, v, &group(v, sp, &[]), false);
        }
        recode(&mut c.ev, info);
        c.ev.status = Status::Occurred;
        c.ev.rule = format!("announced act as threat ({})", c.ev.rule);
        c.ev.trigger = Span::new(v.words[say].span.start, c.ev.trigger.end);
        // the threat is dated by the saying ("said on Friday"), else by publication
        c.ev.date = saying_date(doc, v.words[say].span.start, v.words[m].span.start);
        c.keep = c.keep || !c.ev.source.is_empty();
    }
}

/// A rejection trigger that is a negated verb of consent ("not accept", "never allow",
/// "cannot approve"): 12-reject.txt's refused-consent lines.
fn refused_consent(v: &View, t: &Trig, code: &str) -> bool {
    code.starts_with("12") && v.is_any(t.head, &["not", "n't", "never", "cannot"])
}

/// A word of a time expression, or a weekday or relative day word the time layer may have
/// left unresolved (no publication date): "on Tuesday", "yesterday".
/// Where a verb of saying would end, walking left from word `from` over `skip` words and times
/// (`time`, and "on" before one): "said on Friday that", "warned Sweden that" — after a "that",
/// an addressee right after a verb of saying is stepped over too.
fn before_saying(v: &View, from: usize, skip: &[&str], time: fn(&View, usize) -> bool) -> usize {
    let mut s = from;
    let mut that = false;
    while s > 0 && (v.is_any(s - 1, skip) || time(v, s - 1) || (v.is(s - 1, "on") && time(v, s))) {
        that |= v.is(s - 1, "that");
        s -= 1;
    }
    if that
        && s > 0
        && let Some(ch) = v.words[s - 1].chunk
        && v.chunks[ch].start > 0
        && v.is_any(v.chunks[ch].start - 1, SAY_VERBS)
    {
        s = v.chunks[ch].start;
    }
    s
}

fn timeish(v: &View, k: usize) -> bool {
    in_time(v, k)
        || (k < v.len()
            && (calendar_word(v.low(k)) == Some("WEEKDAY")
                || v.is_any(k, &["today", "yesterday", "tonight"])))
}

/// "demanded that Israel ease restrictions", "insisted on its demands that the government
/// grant more rights", "urged Friday that the US match the aid": the act in the "that" clause
/// of a demand is what is demanded (it gives the demand its code and target), not an act that
/// occurred.
fn demanded_clause(v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    for w in 0..cands.len() {
        if !cands[w].ev.cameo.starts_with("10") || !cands[w].keep {
            continue;
        }
        // "that" right after the demand, a time or "on its demands" between; "that" may be
        // the trigger's own last word ("demand that")
        let mut k = cands[w].end;
        if v.is(k - 1, "that") {
            k -= 1;
        }
        while k < v.len()
            && k < cands[w].end + 4
            && (timeish(v, k) || v.is_any(k, &["on", "its", "their", "his", "her", "demands"]))
        {
            k += 1;
        }
        if !v.is(k, "that") {
            continue;
        }
        // the clause's subject: an actor right after "that" (an article may stand first)
        let mut f = k + 1;
        if v.is_any(f, &["the", "a", "an"]) && v.words.get(f).is_some_and(|x| x.chunk.is_none()) {
            f += 1;
        }
        let Some(subj) = v.words.get(f).and_then(|x| x.chunk) else {
            continue;
        };
        let g = group(v, subj, &[]);
        let ge = g.iter().map(|&c| v.chunks[c].end).max().unwrap_or(f);
        // the act: a verb trigger right after the subject (a modal or adverb between)
        let Some(a) = (0..cands.len()).find(|&i| {
            i != w
                && !cands[i].noun
                && cands[i].head >= ge
                && cands[i].head - ge <= 2
                && (ge..cands[i].head).all(|j| {
                    v.is_any(j, &["must", "should", "would", "will", "to", "be"])
                        || v.low(j).ends_with("ly")
                })
        }) else {
            continue;
        };
        let code = demand_code(lex, &cands[a].ev.cameo);
        // the demand is aimed at the clause's subject: the act's own source
        let targs: Vec<Argument> = cands[a].ev.source.clone();
        let o = &mut cands[w];
        if specificity(&code) > specificity(&o.ev.cameo)
            && let Some(info) = lex.code_info(&code)
        {
            recode(&mut o.ev, info);
        }
        if o.ev.target.iter().all(|x| x.code.is_none()) && !targs.is_empty() {
            o.ev.target = targs;
        }
        cands[a].keep = false;
    }
}

/// Verbs that report what their subject said another actor must do.
const DEMAND_SAY_VERBS: &[&str] = &[
    "reiterated",
    "reiterates",
    "stressed",
    "stresses",
    "insists",
    "insist",
    "argued",
    "argues",
    "concluded",
    "maintained",
    "maintains",
    "emphasised",
    "emphasized",
    "repeated",
    "added",
    "saying",
];

/// The demand code for requiring an act of the target (CAMEO 10x, the family that matches the
/// act where CAMEO has one): appeals and intents mirror demands digit for digit (0356 intent
/// to de-escalate, 1056 demand de-escalation), cooperation, aid and yielding have demand codes
/// of their own, anything else is a demand not specified (100).
fn demand_code(lex: &Lexicon, act: &str) -> String {
    let mirrored = |rest: &str| format!("10{rest}");
    let code = match act.get(..2).unwrap_or("") {
        "02" | "03" if act.len() >= 3 => mirrored(&act[2..]),
        "04" => match act.get(..3) {
            Some("045") => "108".into(),
            _ => "106".into(),
        },
        "05" => match act.get(..3) {
            Some("057") => "107".into(),
            _ => "100".into(),
        },
        "06" => match act.get(..3) {
            Some("061") => "1011".into(),
            Some("062") => "1012".into(),
            Some("063") => "1013".into(),
            Some("064") => "1014".into(),
            _ => "101".into(),
        },
        "07" => match act.get(..3) {
            Some("071") => "1031".into(),
            Some("072") => "1032".into(),
            Some("073") => "1033".into(),
            Some("074") => "1034".into(),
            _ => "103".into(),
        },
        "08" => match act.get(..3) {
            Some("081") => "1051".into(),
            Some("082") => "1052".into(),
            Some("083") => match act.get(..4) {
                Some(c4) if c4.len() == 4 => format!("104{}", &c4[3..]),
                _ => "104".into(),
            },
            Some("084") => "1053".into(),
            Some("085") => "1054".into(),
            Some("086") => "1055".into(),
            Some("087") => "1056".into(),
            _ => "105".into(),
        },
        _ => "100".into(),
    };
    // a mirrored code CAMEO does not have falls back to its three digits, then to 100
    [code.as_str(), code.get(..3).unwrap_or("100"), "100"]
        .into_iter()
        .find(|c| lex.code_info(c).is_some())
        .unwrap_or("100")
        .to_string()
}

/// The modal of obligation at word `m`: "must", "should", "ought to", "has/have/had/needs to".
/// Returns the last word of the modal.
fn obligation(v: &View, m: usize) -> Option<usize> {
    if v.is_any(m, &["must", "should"]) {
        return Some(m);
    }
    // "the need to preserve sovereignty", "their needs to": a noun, not a modal
    if v.is_any(m, &["needs", "need"])
        && m > 0
        && (v.is_any(
            m - 1,
            &[
                "the", "a", "an", "this", "that", "no", "any", "his", "her", "its", "their", "our",
                "urgent", "pressing",
            ],
        ) || v.low(m - 1).ends_with("'s"))
    {
        return None;
    }
    if v.is_any(m, &["has", "have", "had", "needs", "need", "ought"]) && v.is(m + 1, "to") {
        return Some(m + 1);
    }
    None
}

/// "X said Y must Z", "X insisted that Y should Z", "X told A that Y has to Z": an obligation
/// a speaker lays on another actor is a demand (10x) by the speaker aimed at that actor, not
/// the act Z by Y. The act's trigger, if any, becomes the demand (its code chosen by
/// [`demand_code`]); without one the demand is unspecified (100) and its trigger is the
/// saying. The speaker is the subject of the verb of saying, else the sentence's reporter
/// ("Y must Z, X said"). A pronoun subject of the obligation ("it must") is left alone: it
/// often takes up the speaker, and then it is no demand on another.
fn reported_demand(
    doc: &Doc,
    v: &View,
    lex: &Lexicon,
    sentence: usize,
    reporter: Option<usize>,
    cands: &mut Vec<Cand>,
) {
    let mut m = 1;
    while m < v.len() {
        let Some(last) = obligation(v, m) else {
            m += 1;
            continue;
        };
        let here = m;
        m = last + 1;
        // the obligation's subject: an actor right before the modal (its coordinated group)
        let Some(subj) = left_actor(v, here, &[]) else {
            continue;
        };
        let g = group(v, subj, &[]);
        let gs = g.iter().map(|&c| v.chunks[c].start).min().unwrap_or(0);
        let ge = g.iter().map(|&c| v.chunks[c].end).max().unwrap_or(0);
        // between the group and the modal only its own modifiers ("and other developed
        // nations", "in Darfur"): no verb, no clause boundary, at most four words
        if here < ge
            || here - ge > 4
            || (ge..here).any(|k| {
                is_hard(v, k)
                    || starts_clause(v, k)
                    || v.is(k, ",")
                    || v.is_any(k, BE)
                    || v.is_any(k, AUX_SKIP)
            })
        {
            continue;
        }
        // leftwards from the subject: "that", a time, "here", an article, then an addressee
        // ("told Sweden that"), then the verb of saying
        let s = before_saying(v, gs, &["that", "here", "the"], timeish);
        let say = (s > 0 && (v.is_any(s - 1, SAY_VERBS) || v.is_any(s - 1, DEMAND_SAY_VERBS)))
            .then(|| s - 1);
        let speaker = match say {
            Some(k) => left_actor(v, k, &[]),
            // without a verb of saying only a reporter after a sentence-initial obligation
            // ("Y must Z, X said")
            None => reporter.filter(|&r| {
                v.chunks[r].start > here && (0..s).all(|k| v.words[k].punct || in_time(v, k))
            }),
        };
        let Some(speaker) = speaker else {
            continue;
        };
        if g.contains(&speaker) || v.chunks[speaker].entity == v.chunks[subj].entity {
            continue;
        }
        let source = args(doc, v, &group(v, speaker, &[]), false);
        let target = args(doc, v, &g, false);
        // the act: a trigger right after the modal ("must return", "must fully cooperate",
        // "should be ready to mediate"), in the same clause
        let act = cands.iter().position(|c| {
            c.head > last
                && c.head - last <= 4
                && (last + 1..c.head).all(|k| {
                    v.is_any(k, &["be", "to", "also", "now", "immediately", "then"])
                        || (v.low(k).ends_with("ly") && !v.words[k].punct)
                })
        });
        let not = v.is_any(last + 1, &["not", "n't", "never"]);
        let code = match act {
            Some(i) if !not => demand_code(lex, &cands[i].ev.cameo),
            _ => "100".to_string(),
        };
        let Some(info) = lex.code_info(&code) else {
            continue;
        };
        let start = say.unwrap_or(gs);
        let date = saying_date(doc, v.words[start].span.start, v.words[here].span.start);
        // "urged that Y must", "demanded that Y should": the verb of saying is the demand
        let said = say.and_then(|k| cands.iter().position(|c| c.head == k && !c.noun));
        if let Some(w) = said
            && (cands[w].ev.cameo.starts_with("10") || cands[w].ev.cameo.starts_with("01"))
        {
            let o = &mut cands[w];
            if o.ev.cameo.starts_with("01") || specificity(&code) > specificity(&o.ev.cameo) {
                recode(&mut o.ev, info);
            }
            if o.ev.target.iter().all(|a| a.code.is_none()) {
                o.ev.target = target;
            }
            o.ev.status = Status::Occurred;
            o.keep = true;
            if let Some(i) = act {
                cands[i].keep = false;
            }
            continue;
        }
        let end_word = act.map_or(last, |i| cands[i].end - 1);
        let trigger = Span::new(v.words[start].span.start, v.words[end_word].span.end);
        let ev = Event {
            sentence,
            trigger,
            cameo: info.code.clone(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            plover: plover(info),
            status: Status::Occurred,
            source,
            target,
            date,
            place: None,
            reported_by: None,
            confidence: 0.0,
            rule: String::new(),
            same_as: None,
        };
        match act {
            Some(i) => {
                let c = &mut cands[i];
                let rule = format!("demanded act ({})", c.ev.rule);
                let place = c.ev.place;
                c.ev = Event { rule, place, ..ev };
                c.keep = true;
                c.needs_target = false;
            }
            None => {
                let at = cands
                    .iter()
                    .position(|c| c.head > start)
                    .unwrap_or(cands.len());
                cands.insert(
                    at,
                    Cand {
                        ev: Event {
                            rule: "obligation laid on another actor".into(),
                            ..ev
                        },
                        keep: true,
                        needs_target: false,
                        needs_state: false,
                        noun: false,
                        head: start,
                        end: last + 1,
                    },
                );
            }
        }
    }
}

/// The status a modal verb right after a noun trigger's phrase gives it: "the fighting could
/// cut off supplies" (hypothetical), "talks in Geneva will resume" (planned). The words between
/// may only be the noun phrase's own modifiers (prepositional phrases, actors, places); a
/// relative pronoun, a comma or any clause boundary ends the search. The flag says the modal is
/// "would", a reported future that a date after publication turns into a plan.
fn modal_after(v: &View, t: &Trig) -> Option<(Status, bool)> {
    const MODIFIERS: &[&str] = &[
        "of",
        "on",
        "in",
        "at",
        "near",
        "against",
        "by",
        "between",
        "with",
        "from",
        "across",
        "around",
        "outside",
        "inside",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "two",
        "both",
        "east",
        "west",
        "north",
        "south",
        "eastern",
        "western",
        "northern",
        "southern",
        "city",
        "town",
        "area",
        "region",
        "province",
        "district",
        "capital",
        "border",
        "rebel",
        "rebels",
        "government",
        "army",
        "forces",
        "troops",
        "and",
        "-",
        "'s",
    ];
    // "At the council meeting, the firm will present its plan": the setting of a future act
    // (not when the future is someone's words: "At the meeting, ministers said they will")
    if v.is_any(0, &["at", "during"])
        && t.head < 8
        && !(0..t.head).any(|k| v.is(k, ","))
        && !(0..v.len()).any(|k| {
            v.is_any(
                k,
                &[
                    "said",
                    "say",
                    "says",
                    "told",
                    "announced",
                    "stated",
                    "added",
                    "warned",
                ],
            )
        })
    {
        let comma = (t.end..v.len().min(t.end + 6)).find(|&k| v.is(k, ","));
        if let Some(c) = comma
            && (c + 1..v.len().min(c + 6)).any(|k| v.is_any(k, &["will", "'ll", "shall"]))
        {
            return Some((Status::Planned, false));
        }
    }
    // a clock time or a day after a schedule word: "at 7 p.m.", "on Monday", "tomorrow"
    let clock = |from: usize| {
        (from..(from + 5).min(v.len())).any(|j| {
            v.is_any(
                j,
                &[
                    "p.m.", "a.m.", "p.m", "a.m", "pm", "tomorrow", "tonight", "next",
                ],
            ) || v.is_any(j, &dateline_time::WEEKDAYS)
        })
    };
    let mut k = t.end;
    while k < v.len() && k < t.end + 8 {
        // "the forums, which will take place in spring": a relative clause's future
        // (only a verb of the event itself taking place: "which could inflame tensions" says
        // what an event that happened may cause)
        if v.is(k, ",")
            && v.is_any(k + 1, &["which", "that", "who"])
            && v.is_any(
                k + 3,
                &[
                    "take", "be", "begin", "start", "open", "resume", "convene", "run", "last",
                ],
            )
        {
            if v.is_any(k + 2, &["will", "'ll", "shall"]) {
                return Some((Status::Planned, false));
            }
            if v.is_any(k + 2, &["would", "could", "might", "may"]) {
                return Some((Status::Hypothetical, false));
            }
        }
        // "the board meeting is at 8 p.m. in the annex": a schedule in the present
        if v.is_any(k, &["is", "are"]) && v.is_any(k + 1, &["at", "on", "set"]) && clock(k + 1) {
            return Some((Status::Planned, false));
        }
        if is_hard(v, k) || starts_clause(v, k) || v.is(k, ",") {
            return None;
        }
        // "told a party gathering in Washington she will protect …": the noun is the one
        // told, and a pronoun after it opens what was told, without "that"
        if v.is_any(k, PERSONAL_SUBJECTS)
            && (t.head.saturating_sub(4)..t.head).any(|j| {
                v.is_any(
                    j,
                    &[
                        "told", "tell", "tells", "telling", "assured", "assures", "reminded",
                    ],
                )
            })
        {
            return None;
        }
        match v.low(k) {
            // (a "would" reported after a verb of saying is the speaker's "will" when it tells
            // the act taking place: "officials said the talks would continue next week", not
            // "said that talks would be pointless")
            "would" | "'d"
                if backshifted(v, k)
                    && (v.is_any(
                        k + 1,
                        &[
                            "continue", "resume", "begin", "start", "open", "convene", "take",
                            "proceed",
                        ],
                    ) || v.is(k + 1, "be") && v.is_any(k + 2, &["held", "on", "in", "at"])) =>
            {
                return Some((Status::Planned, true));
            }
            "would" | "'d" => return Some((Status::Hypothetical, true)),
            "could" | "might" | "may" | "can" | "should" | "must" | "cannot" | "could've" => {
                return Some((Status::Hypothetical, false));
            }
            "will" | "'ll" | "shall" => return Some((Status::Planned, false)),
            _ => {}
        }
        // "the forum begins at 7:15 p.m.", "the hearing opens Tuesday": a schedule in the
        // present, with the clock time or the day after it
        if v.is_any(
            k,
            &[
                "begins", "begin", "starts", "start", "opens", "convenes", "resumes",
            ],
        ) && clock(k + 1)
        {
            return Some((Status::Planned, false));
        }
        // "a massacre is likely", "a deal looks unlikely before May", "a vote is expected on
        // Thursday": a forecast or a schedule; "the bombing was likely carried out by X" is a
        // guess about who did a past act, which happened
        if v.is_any(k, BE) || v.is_any(k, &["seems", "seemed", "looks", "looked", "appears"]) {
            let mut j = k + 1;
            while v.is_any(
                j,
                &[
                    "now",
                    "still",
                    "increasingly",
                    "more",
                    "very",
                    "highly",
                    "not",
                ],
            ) {
                j += 1;
            }
            let next = if j + 1 < v.len() { v.low(j + 1) } else { "" };
            // "is expected to take place", not "is expected to rise" (the toll of a past attack)
            let participle = next.ends_with("ed")
                || next.ends_with("en")
                || dates::irregular_past(next)
                || next == "to"
                    && !v.is_any(
                        j + 2,
                        &[
                            "take", "happen", "occur", "begin", "start", "resume", "be",
                            "continue", "convene", "open", "end", "conclude",
                        ],
                    );
            if v.is_any(
                j,
                &[
                    "likely",
                    "unlikely",
                    "possible",
                    "probable",
                    "imminent",
                    "inevitable",
                ],
            ) && !participle
            {
                return Some((Status::Hypothetical, false));
            }
            if v.is_any(k, &["is", "are"])
                && v.is_any(j, &["expected", "due", "scheduled", "slated"])
                && !participle
            {
                return Some((Status::Planned, false));
            }
            return None;
        }
        // inside a prepositional phrase any plain noun-like word may follow ("clashes between
        // the two groups would …"); a verb form ends it
        let w = v.low(k);
        let in_pp = (t.end..k).any(|j| v.is_any(j, PREPOSITIONS));
        let plain = in_pp
            && !v.words[k].punct
            && !w.ends_with("ed")
            && !v.is_any(k, BE)
            && !matches!(w, "have" | "has" | "had" | "do" | "does" | "did" | "that");
        if !(v.words[k].chunk.is_some()
            || v.words[k].place.is_some()
            || v.is_any(k, MODIFIERS)
            || v.words[k].upper
            || plain
            || w.starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Verbs that give something a name: what follows their "as" is a label.
const LABEL_VERBS: &[&str] = &[
    "portray",
    "portrayed",
    "portrays",
    "portraying",
    "describe",
    "described",
    "describes",
    "describing",
    "characterize",
    "characterized",
    "characterizes",
    "characterise",
    "characterised",
    "depict",
    "depicted",
    "depicts",
    "label",
    "labeled",
    "labelled",
    "labels",
    "brand",
    "branded",
    "brands",
    "paint",
    "painted",
    "paints",
    "cast",
    "casts",
    "frame",
    "framed",
    "frames",
    "dismiss",
    "dismissed",
    "dismisses",
    "classify",
    "classified",
];

/// A noun trigger named as what something was called: "the attack was initially portrayed as
/// a violent protest rather than a terrorist attack", "dismissed the march as a stunt": after
/// "as" (or "rather than" / "instead of" beside it) following a verb that names (within eight
/// words), the noun is a label, no event told.
fn labelled_as(v: &View, t: &Trig) -> bool {
    // "… as a violent protest rather than a terrorist attack": the second label
    let mut lo = phrase_start(v, t.head);
    if lo >= 2 && v.is(lo - 1, "than") && v.is(lo - 2, "rather")
        || lo >= 2 && v.is(lo - 1, "of") && v.is(lo - 2, "instead")
    {
        lo -= 2;
        let from = lo.saturating_sub(8);
        match (from..lo).rev().find(|&j| v.is(j, "as")) {
            Some(j) => lo = j + 1,
            None => return false,
        }
    }
    if lo == 0 || !v.is(lo - 1, "as") {
        return false;
    }
    let from = (lo - 1).saturating_sub(8);
    (from..lo - 1)
        .rev()
        .take_while(|&j| !is_hard(v, j) && !v.words[j].sub)
        .any(|j| v.is_any(j, LABEL_VERBS))
}

/// A noun trigger inside a short quotation is someone's word for an act, not an event the
/// text reports: officials called it an "attack", the "riot" was a sit-in, a "war on its own
/// people". Long quotations (direct speech) are coded as usual.
fn quoted_label(v: &View, t: &Trig) -> bool {
    let is_open = |k: usize| -> bool {
        match v.low(k) {
            "\u{201c}" | "\u{00ab}" => true,
            "\"" => (0..k).filter(|&j| v.is(j, "\"")).count() % 2 == 0,
            _ => false,
        }
    };
    let is_close = |k: usize| -> bool {
        match v.low(k) {
            "\u{201d}" | "\u{00bb}" => true,
            "\"" => (0..k).filter(|&j| v.is(j, "\"")).count() % 2 == 1,
            _ => false,
        }
    };
    // the opening mark at most two words before the trigger (an article or adjective between)
    let open = (1..=3)
        .filter(|&d| t.head >= d)
        .map(|d| t.head - d)
        .take_while(|&k| !v.words[k].punct || is_open(k))
        .find(|&k| is_open(k));
    let Some(open) = open else {
        return false;
    };
    // a quotation at the start of the sentence is direct speech
    if open == 0 {
        return false;
    }
    (t.end..(t.end + 6).min(v.len()))
        .take_while(|&k| !is_hard(v, k) && !v.is(k, ","))
        .any(is_close)
}

/// A verb of praise, criticism or rejection whose object is an event noun takes that event's
/// actors as its target: "Fornost welcomed a resumption of ties between Gondor and Osgiliath"
/// (target Gondor, Osgiliath), "Osgiliath welcomed the resumption of ties with Mordor" (target
/// Mordor). Only when the verb found no coded target of its own.
fn attitude_targets(v: &View, cands: &mut [Cand]) {
    for i in 0..cands.len() {
        let c = &cands[i];
        if c.noun
            || !matches!(&c.ev.cameo[..2], "05" | "11" | "12")
            || c.ev.target.iter().any(|a| a.code.is_some())
        {
            continue;
        }
        let end = c.end;
        let Some(j) = (0..cands.len()).find(|&j| {
            let o = &cands[j];
            o.noun
                && o.head >= end
                && o.head <= end + 3
                && (end..o.head).all(|k| {
                    !v.words[k].punct && v.words[k].chunk.is_none() && !starts_clause(v, k)
                })
        }) else {
            continue;
        };
        let coded = |a: &[Argument]| -> Vec<Argument> {
            a.iter().filter(|x| x.code.is_some()).cloned().collect()
        };
        let mut t = coded(&cands[j].ev.target);
        if t.is_empty() {
            t = coded(&cands[j].ev.source);
        }
        if !t.is_empty() {
            cands[i].ev.target = t;
        }
    }
}

/// The first word of the noun phrase ending at `head`: back over an article and plain
/// modifiers, at most three words ("a peaceful sit-in", "a violent protest").
fn phrase_start(v: &View, head: usize) -> usize {
    let mut k = head;
    while k > 0 && head - k < 4 && (epithet(v, k - 1) || v.is_any(k - 1, &["a", "an", "the"])) {
        k -= 1;
    }
    k
}

/// A singular solo noun without determiner or modifier may be a verb or a label ("talk about
/// wider issues"); plurals and determined nouns are safe.
fn bare_noun_doubt(v: &View, t: &Trig, noun: bool) -> bool {
    if !noun || t.fixed.len() > 1 {
        return false;
    }
    let last = *t.fixed.last().unwrap_or(&t.head);
    let w = v.low(last);
    // "the riot had been a peaceful sit-in": a predicate noun labels, it reports no act
    let k = phrase_start(v, t.head);
    if k < t.head && k > 0 && v.is_any(k - 1, BE) {
        return true;
    }
    // "-ing" forms name the act under either reading ("meeting", "fighting")
    !w.ends_with('s') && !w.ends_with("ing") && !nominal(v, t.head)
}

/// A participle used as an adjective before a noun trigger: "a US-Russia brokered truce".
fn adjectival(v: &View, trigs: &[Trig], ti: usize) -> bool {
    let t = &trigs[ti];
    if !v.low(t.head).ends_with("ed") || t.end - t.head != 1 {
        return false;
    }
    let next_is_trigger = trigs.get(ti + 1).is_some_and(|n| n.head == t.end);
    let det_before = (1..=2).any(|d| t.head >= d && v.is_any(t.head - d, &["a", "an", "the"]));
    if next_is_trigger && det_before {
        return true;
    }
    // "the exiled leaders", "two exiled dissidents", "with exiled dissidents": a determiner,
    // number or preposition before and a noun after
    let before = t.head > 0
        && (v.is_any(
            t.head - 1,
            &[
                "a", "an", "the", "its", "their", "his", "her", "'s", "of", "with", "from", "for",
            ],
        ) || v.low(t.head - 1).starts_with(|c: char| c.is_ascii_digit())
            || v.is_any(t.head - 1, &["several", "many"])
            || cardinal(v.low(t.head - 1)).is_some_and(|n| n >= 2));
    let after = t.end < v.len()
        && !v.words[t.end].punct
        && !v.is_any(t.end, PREPOSITIONS)
        && !v.is_any(t.end, ARTICLES_POSSESSIVES)
        && !v.is_any(t.end, &["him", "them"]);
    // (an actor right after: only after a determiner, "to release the detained journalists";
    // "with" or "from" before an actor may open the verb's clause)
    let det = t.head > 0 && v.is_any(t.head - 1, ARTICLES_POSSESSIVES);
    before && after && (det || v.words[t.end].chunk.is_none())
}

/// "released a report": a release, announcement or publication of a document is no event.
fn document_object(v: &View, t: &Trig, code: &str) -> bool {
    const DOCS: &[&str] = &[
        "report",
        "reports",
        "statement",
        "statements",
        "video",
        "videos",
        "figures",
        "data",
        "results",
        "document",
        "documents",
        "album",
        "film",
        "footage",
        "list",
        "details",
        "study",
        "survey",
        "book",
        "photos",
        "images",
        "recording",
        "analysis",
        "analyses",
        "email",
        "emails",
        "transcript",
        "transcripts",
        "memo",
        "memos",
        "records",
        "audit",
        "audits",
        "findings",
        "statistics",
        "forecast",
        "forecasts",
        "estimates",
    ];
    // the object the release takes, before any comma or preposition: not "released on bail,
    // records show"
    let object = (t.end..(t.end + 4).min(v.len()))
        .take_while(|&k| !v.is_any(k, &[",", ";"]) && !PREPOSITIONS.contains(&v.low(k)))
        .any(|k| v.is_any(k, DOCS));
    code.starts_with("084") && object
        || (t.head > 0 && code.starts_with("084") && v.is_any(t.head - 1, DOCS))
}

/// ", killing seven people": a participle clause tells a consequence of the event before it,
/// not a new event.
fn consequence_clause(v: &View, t: &Trig, code: &str) -> bool {
    matches!(&code[..2], "18" | "19" | "20")
        && t.head > 0
        && v.is(t.head - 1, ",")
        && v.low(t.head).ends_with("ing")
}

/// Verbs that ask, tell or press someone to act ("urged the minister on Sunday to ban …"), in
/// all their forms (the lexicon's own inflection; "told" is irregular).
static DIRECTIVES: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        [
            "advise",
            "urge",
            "ask",
            "press",
            "push",
            "tell",
            "order",
            "encourage",
            "invite",
            "request",
            "implore",
            "beg",
            "pressure",
            "want",
            "lobby",
            "direct",
            "instruct",
            "challenge",
            "appeal",
            "demand",
        ]
        .iter()
        .flat_map(|l| crate::lexicon::inflect(l))
        .chain(["told".to_string()])
        .collect()
    });

/// "advised the party's chairman, Chief Bello, to resign", "urged the new minister on Sunday
/// to ban …", "calling for the agency's head to resign": the act someone is asked, told or
/// pressed to do has not happened. The cues stop at a comma or a preposition; an object with
/// an apposition or a time reaches further, so the verb before "to" and its object are read
/// here (up to 14 words, commas of an apposition allowed; no clause word, subject pronoun,
/// auxiliary or other act between). Success
/// verbs ("forced him to resign", "persuaded") are no directives: what they name happened.
fn directed_acts(v: &View, cands: &mut [Cand]) {
    for b in 0..cands.len() {
        let h = cands[b].head;
        if cands[b].noun || cands[b].ev.status != Status::Occurred || h < 3 {
            continue;
        }
        // "to resign", or a passive "to be shut down"
        let to = if v.is(h - 1, "to") {
            h - 1
        } else if v.is(h - 1, "be") && v.is(h - 2, "to") {
            h - 2
        } else {
            continue;
        };
        let lo = to.saturating_sub(24);
        let mut k = to;
        let mut directive = None;
        // (after "and" an object with its own "to": a second object of the same directive,
        // "called for the plant to be closed and its owners to be arrested", "calling for a
        // prosecutor to investigate and for the foundation to be shut down"; what stands
        // between is the first object's own act)
        let mut parallel = false;
        while k > lo {
            k -= 1;
            let call = v.is_any(k, &["call", "called", "calls", "calling"])
                && v.is_any(k + 1, &["on", "for", "upon"]);
            if DIRECTIVES.contains(v.low(k)) || call {
                directive = Some(k);
                break;
            }
            // (only an object opened by "for", an article or a possessive, at most four words
            // long: "and soldiers began to attack" is a clause of its own)
            if v.is(k, "and")
                && !parallel
                && k + 2 < to
                && to - k <= 5
                && v.is_any(
                    k + 1,
                    &["for", "the", "a", "an", "its", "their", "his", "her"],
                )
            {
                parallel = true;
                continue;
            }
            // (a clause of its own or another act between stops the search: "told police he
            // drove to Dallas to meet …" is no order to meet)
            if is_hard(v, k)
                || v.words[k].sub
                || v.is_any(k, &["and", "or", ";"])
                || v.is_any(k, PERSONAL_SUBJECTS)
                || !parallel && v.is_any(k, AUX_SKIP)
                || !parallel && cands.iter().any(|c| c.head <= k && k < c.end)
                || k + 16 < to && !parallel
            {
                break;
            }
        }
        // an object between the verb and "to" ("wanted to resign" is the subject's own plan);
        // an act not done has no publication date
        if let Some(d) = directive
            && d + 1 < to
        {
            let ev = &mut cands[b].ev;
            ev.status = Status::Hypothetical;
            if ev
                .date
                .as_ref()
                .is_some_and(|x| x.basis == Basis::Published)
            {
                ev.date = None;
            }
        }
    }
}

/// "met with the governor on Thursday to discuss the port", "called for a meeting of the
/// ministers to discuss output": talks told as the purpose of a meeting or of a call for one
/// are what that meeting is for, not a second event; they join it (their target and source
/// fill empty ones). A trip and the talks held on it stay two events.
fn purpose_talks(v: &View, cands: &mut Vec<Cand>) {
    let mut i = 0;
    while i + 1 < cands.len() {
        let (a, b) = (&cands[i], &cands[i + 1]);
        // (a trip and the meeting held on it are two events: "flew to Murmansk to meet")
        let meeting = a.ev.cameo.starts_with("04") && !matches!(a.ev.cameo.as_str(), "042" | "043")
            || a.ev.cameo == "026";
        let talks = !b.noun
            && matches!(b.ev.cameo.as_str(), "040" | "046")
            && !v.low(b.head).starts_with("meet")
            && b.head > a.end
            && v.is(b.head - 1, "to");
        let one_clause = talks
            && b.head - 1 - a.end <= 12
            && (a.end..b.head - 1).all(|k| !v.words[k].punct && !v.words[k].sub && !is_hard(v, k));
        if !(a.keep && meeting && one_clause) {
            i += 1;
            continue;
        }
        let b = cands.remove(i + 1);
        let a = &mut cands[i];
        if a.ev.target.is_empty() {
            a.ev.target = b.ev.target;
        }
        if a.ev.source.is_empty() {
            a.ev.source = b.ev.source;
        }
    }
}

/// An actor is never on both sides of one act: "ministers planned to meet Kerry to discuss the
/// crisis" has Kerry as the one met, though the purpose clause, read alone, makes him the one who
/// discusses (and so the meeting's doer when its own subject is uncoded). A mention that is
/// also the target leaves the source. (Two mentions of one entity may stand on both sides:
/// "Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices".)
fn one_side_each(cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let target = &c.ev.target;
        c.ev.source
            .retain(|s| !target.iter().any(|t| t.span == s.span));
    }
}

/// "Bolton also discussed the vast differences between the two candidates' policies" (in
/// a radio interview): one person discussing a subject with no one named is commenting on it,
/// a statement (010), not a consultation; a consultation has a partner ("discussed the plan
/// with Lavrov") or several parties ("the ministers discussed", "Kerry and Lavrov discussed").
fn lone_discussion(doc: &Doc, v: &View, lex: &Lexicon, cands: &mut [Cand]) {
    let Some(info) = lex.code_info("010") else {
        return;
    };
    for c in cands.iter_mut() {
        // (an infinitive is the purpose of another act, often a call or a meeting: "called
        // his counterpart to discuss the alliance's response")
        if c.noun
            || c.ev.cameo != "040"
            || !v.low(c.head).starts_with("discuss")
            || c.head > 0 && v.is(c.head - 1, "to")
        {
            continue;
        }
        let person = |a: &Argument| {
            a.entity
                .is_some_and(|e| doc.entities[e].kind == dateline_doc::EntityKind::Person)
        };
        let lone = matches!(c.ev.source.as_slice(), [a] if person(a)) && c.ev.target.is_empty();
        let partner = (c.end..v.len())
            .take_while(|&k| !is_hard(v, k))
            .any(|k| v.is_any(k, &["with", "among", "together"]));
        // (a person and others before the verb: "Kerry and Lavrov discussed")
        // (and a call, a meeting or talks it was held in: "discussed the crisis in a telephone
        // call to")
        let several = (clause_start(v, c.head)..c.head).any(|k| v.is_any(k, &["and", "both"]))
            || (0..v.len()).any(|k| {
                v.is_any(
                    k,
                    &[
                        "call",
                        "phone",
                        "telephone",
                        "meeting",
                        "met",
                        "meets",
                        "talks",
                        "summit",
                        "conference",
                        "visit",
                        "session",
                    ],
                )
            });
        if lone && !partner && !several {
            recode(&mut c.ev, info);
        }
    }
}

/// A material-conflict noun and verb that name one act are one event: "a suicide bomber struck",
/// "hospitals were hit by suspected Russian air strikes". The more specific code wins (but
/// a charge's name dropped as another sense gives way to the act it names, kept); the other
/// contributes the arguments, date and place it alone has.
fn merge_same_event(v: &View, cands: &mut Vec<Cand>) {
    let mut i = 0;
    while i + 1 < cands.len() {
        let (a, b) = (&cands[i], &cands[i + 1]);
        let gap: Vec<&str> = (a.end..b.head).map(|k| v.low(k)).collect();
        let violent = |c: &str| matches!(&c[..2], "18" | "19" | "20");
        let linked = ((violent(&a.ev.cameo) && violent(&b.ev.cameo))
            || a.ev.cameo[..2] == b.ev.cameo[..2])
            && a.ev.status == b.ev.status
            && ((a.noun
                && !b.noun
                && gap.iter().all(|w| AUX_SKIP.contains(w) || BE.contains(w))
                && gap.len() <= 2)
                || (!a.noun
                    && b.noun
                    && gap.first() == Some(&"by")
                    && gap.len() <= 4
                    && gap
                        .iter()
                        .all(|w| !matches!(*w, "," | "and" | "after" | "in")))
                // "Saturday's talks, convened by John Kerry, concluded": a participle of the
                // same family right after the noun, with its doer, tells how that act came about
                || (a.noun
                    && !b.noun
                    && a.ev.cameo[..2] == b.ev.cameo[..2]
                    && (gap.is_empty() || gap == [","])
                    && b.end == b.head + 1
                    && v.low(b.head).ends_with("ed")
                    && v.is(b.end, "by"))
                // "were killed in a Norwegian air strike", "killed 40 militants in air
                // strikes": the noun names the act that did it (an object may stand between)
                || (!a.noun
                    && b.noun
                    && violent(&a.ev.cameo)
                    && violent(&b.ev.cameo)
                    && gap.len() <= 7
                    && gap.iter().position(|w| *w == "in").is_some_and(|p| {
                        gap.len() - p <= 4
                            && gap.iter().enumerate().all(|(k, w)| {
                                k == p || !PREPOSITIONS.contains(w) && !matches!(*w, "," | "and")
                            })
                            // (before "in" the object only: "killed a militant involved in the
                            // attack" keeps the attack)
                            && gap[..p].iter().all(|w| {
                                !w.ends_with("ed")
                                    && !w.ends_with("ing")
                                    && !matches!(*w, "who" | "that" | "which")
                            })
                    }))
                // "the murder of a man in a stabbing": the act of the first noun, named again
                // by the second
                || ((a.noun || a.head > 0 && v.is_any(a.head - 1, &["the", "a", "an"]))
                    && b.noun
                    && violent(&a.ev.cameo)
                    && violent(&b.ev.cameo)
                    && gap.first() == Some(&"of")
                    && gap.len() <= 9
                    && gap.iter().position(|w| *w == "in").is_some_and(|p| {
                        gap.len() - p <= 4
                            && gap[1..].iter().enumerate().all(|(k, w)| {
                                !matches!(*w, "," | "and" | "or")
                                    && (k + 1 == p || !PREPOSITIONS.contains(w))
                            })
                    })));
        if !linked {
            i += 1;
            continue;
        }
        let b = cands.remove(i + 1);
        let a = &mut cands[i];
        // (the name of a charge, dropped, gives way to the act it names, kept: "charged with
        // murder in the shooting death of" is the shooting; otherwise the more specific
        // telling stands, "the fighting could cut off food supplies" is the cut-off)
        let charge = |c: &Cand| !c.keep && sense::charge_name(v, c.head);
        let b_first = if a.keep != b.keep && (charge(a) || charge(&b)) {
            b.keep
        } else {
            specificity(&b.ev.cameo) > specificity(&a.ev.cameo)
        };
        let (mut keep, other) = if b_first {
            (
                b,
                std::mem::replace(
                    a,
                    Cand {
                        ev: a.ev.clone(),
                        keep: a.keep,
                        needs_target: a.needs_target,
                        needs_state: a.needs_state,
                        noun: a.noun,
                        head: a.head,
                        end: a.end,
                    },
                ),
            )
        } else {
            let a2 = Cand {
                ev: a.ev.clone(),
                keep: a.keep,
                needs_target: a.needs_target,
                needs_state: a.needs_state,
                noun: a.noun,
                head: a.head,
                end: a.end,
            };
            (a2, b)
        };
        let has_mil = |x: &[Argument]| {
            x.iter()
                .any(|s| s.code.as_deref().is_some_and(|c| c.ends_with("MIL")))
        };
        if keep.ev.source.iter().all(|s| s.code.is_none()) && !other.ev.source.is_empty()
            || (has_mil(&other.ev.source) && !has_mil(&keep.ev.source))
        {
            keep.ev.source = other.ev.source.clone();
        }
        if keep.ev.target.is_empty() {
            keep.ev.target = other.ev.target.clone();
        }
        if keep.ev.place.is_none() {
            keep.ev.place = other.ev.place;
        }
        if keep
            .ev
            .date
            .as_ref()
            .is_none_or(|d| d.basis == Basis::Published)
            && other
                .ev
                .date
                .as_ref()
                .is_some_and(|d| d.basis == Basis::Text)
        {
            keep.ev.date = other.ev.date.clone();
        }
        keep.keep = keep.keep || other.keep;
        cands[i] = keep;
    }
}

/// ISO value `a` (start of a range) lies after the date `p` (YYYY-MM-DD).
pub(crate) fn is_after(a: &str, p: &str) -> bool {
    let a = a.split('/').next().unwrap_or(a);
    let n = a.len();
    if !(n == 4 || n == 7 || n == 10) || n > p.len() || a.contains('W') {
        return false;
    }
    a > &p[..n]
}

/// Attacks among civilians: in an article where every use of military force (190) is an
/// "attack" with no state or armed side coded and no armed group or weapon of war in its
/// sentence, those attacks are assaults (180): "a man attacked his neighbour", "a hammer used
/// in the attack". One armed attack in the article keeps them all as they are ("the village
/// came under attack" in a story of artillery fire). Runs before linking, so a mention can join
/// the assault it repeats.
pub(crate) fn civil_attacks(doc: &Doc, lex: &Lexicon, events: &mut [Event]) {
    // an "attack" (190) whose coded sides, if any, are civil
    let civil_attack = |e: &Event| {
        e.cameo == "190"
            && doc.slice(e.trigger).to_lowercase().starts_with("attack")
            && e.source.iter().chain(&e.target).all(|a| {
                a.code.as_deref().is_none_or(|c| {
                    c.len() > 3 && sense::CIVIL_SECTORS.iter().any(|s| c.ends_with(s))
                })
            })
    };
    let civil = |e: &Event| {
        civil_attack(e) && !sense::armed_text(doc.slice(doc.sentences[e.sentence].span))
    };
    let Some(assault) = lex.code_info("180") else {
        return;
    };
    // (whatever else the article tells, an attack its sentence pins on one gunman is an
    // assault: "the deadly attack on a gay nightclub in Orlando by a gunman who expressed
    // sympathy for the Islamic State")
    let lone = |e: &Event| {
        if !civil_attack(e) {
            return false;
        }
        // (told as the one who did it: "by a gunman", "by a lone shooter")
        let words: Vec<&str> = doc
            .slice(doc.sentences[e.sentence].span)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let is = |k: usize, xs: &[&str]| {
            words
                .get(k)
                .is_some_and(|w| xs.iter().any(|x| w.eq_ignore_ascii_case(x)))
        };
        (0..words.len()).any(|k| {
            let who = k + 2 + usize::from(is(k + 2, &["lone"]));
            is(k, &["by"])
                && is(k + 1, &["a", "an", "the", "one"])
                && is(who, &["gunman", "shooter", "assailant", "knifeman"])
        })
    };
    let armed = events
        .iter()
        .any(|e| e.cameo.starts_with("19") && !civil(e) || e.cameo.starts_with("20"));
    for e in events.iter_mut() {
        if armed && lone(e) || !armed && civil(e) {
            recode(e, assault);
        }
    }
}

/// Link repeated mentions of one event within the article. A *referring* mention — one in the
/// headline or standfirst, or an anaphoric one in the body ("the arrests", "those detained") —
/// joins the most specific compatible body mention (its *anchor*: the same CAMEO code first, then
/// the longer code, then the more arguments, date and place); with no anchor, an earlier
/// compatible referring mention. When the compatible anchors disagree with each other (two
/// attacks in two towns), a body anaphor joins the nearest of them told in the three sentences
/// before it, and stays alone otherwise, as does a headline; a mention counting several events
/// ("two attacks") always stays alone. A sentence printed twice links its events to the first
/// print's; an act on the same named person told again joins the first telling. Every
/// member of a group points with `same_as` at the group's first mention in document order, so
/// a reader of the records in order has always met the target already.
pub(crate) fn link_mentions(doc: &Doc, events: &mut [Event]) {
    let n = events.len();
    let head: Vec<bool> = events
        .iter()
        .map(|e| in_headline(doc, e.sentence))
        .collect();
    let referring: Vec<bool> = (0..n)
        .map(|i| head[i] || anaphoric(doc, &events[i]))
        .collect();
    // a count or "another" before the mention ("two shootings"): read once, used by every pass
    let counted: Vec<bool> = events.iter().map(|e| several(doc, e)).collect();
    // the article's main events are the ones its headline and standfirst place: a body
    // mention at the same place with the same root is what a re-mention ("the talks") most
    // likely means, before a mention that merely has more arguments
    let head_places: Vec<(&str, usize)> = (0..n)
        .filter(|&i| head[i])
        .filter_map(|i| {
            let p = events[i].place.filter(|p| p.basis == Basis::Sentence)?;
            Some((events[i].cameo.get(..2)?, p.place))
        })
        .collect();
    let headline_event = |e: &Event| {
        e.place.is_some_and(|p| {
            p.basis == Basis::Sentence
                && head_places
                    .iter()
                    .any(|&(root, place)| e.cameo.starts_with(root) && place == p.place)
        })
    };
    // group[i]: the mention whose group i belongs to (itself when alone or an anchor)
    let mut group: Vec<usize> = (0..n).collect();
    for j in 0..n {
        if !referring[j] || counted[j] {
            continue;
        }
        let fits = |i: usize| {
            i != j
                && events[i].sentence != events[j].sentence
                && same_event(doc, &events[i], &events[j])
        };
        let mut siblings: Vec<usize> = Vec::new();
        let mut anchors: Vec<usize> = (0..n)
            .filter(|&i| !referring[i] && (head[j] || i < j) && fits(i))
            .collect();
        // a headline or standfirst that places its event ("Lausanne meeting fails…") names
        // the body's mention at that place, not a meeting told elsewhere in the body: its
        // anchors are those placed there in their own sentence, when any is
        if head[j] && anchors_clash(doc, events, &anchors) {
            let placed: Vec<usize> = anchors
                .iter()
                .copied()
                .filter(|&a| {
                    matches!((events[j].place, events[a].place), (Some(x), Some(y))
                        if x.basis == Basis::Sentence && y.basis == Basis::Sentence)
                })
                .collect();
            if !placed.is_empty() {
                anchors = placed;
            }
        }
        let pick = if anchors.is_empty() {
            // an earlier referring mention (standfirst after headline, anaphor after headline)
            (0..j).rev().find(|&i| referring[i] && fits(i))
        } else {
            if anchors_clash(doc, events, &anchors) {
                // anchors that disagree: an anaphor in the body ("the shooting") names the
                // nearest of them told in the three sentences before it; a headline, a
                // standfirst or a farther anaphor stays alone
                let near = anchors
                    .iter()
                    .copied()
                    .filter(|&a| {
                        !head[j]
                            && events[a].sentence < events[j].sentence
                            && events[j].sentence - events[a].sentence <= 3
                    })
                    .max_by_key(|&a| (events[a].sentence, a));
                if let Some(a) = near {
                    merge(doc, events, &mut group, a, j, false);
                }
                continue;
            }
            // the most specific; ties: the first for a headline, the nearest before an anaphor
            let key = |k: usize| {
                let e = &events[k];
                (
                    e.cameo == events[j].cameo,
                    headline_event(e),
                    e.cameo.len(),
                    mention_weight(e),
                )
            };
            // (a headline's own word, "meeting" for "Lausanne meeting", before the first)
            let own = last_word(doc, &events[j]);
            let word = |k: usize| head[j] && last_word(doc, &events[k]).eq_ignore_ascii_case(own);
            let best = |x: &usize, y: &usize| {
                key(*x)
                    .cmp(&key(*y))
                    .then(word(*x).cmp(&word(*y)))
                    .then(if head[j] { y.cmp(x) } else { x.cmp(y) })
            };
            let pick = anchors.iter().copied().max_by(best);
            // a headline's event told twice in one body sentence, as alike as the headline can
            // tell ("diplomatic talks have failed … as a nine-nation meeting in Lausanne did
            // not agree"): both are the event it names
            if let Some(p) = pick.filter(|_| head[j]) {
                siblings.extend(anchors.iter().copied().filter(|&a| {
                    a != p
                        && events[a].sentence == events[p].sentence
                        && key(a) == key(p)
                        && same_event(doc, &events[a], &events[p])
                }));
            }
            pick
        };
        // "in the hours after the shooting ... “Mohanna was shot by two masked gunmen”": a
        // body anaphor of a violent act that is the article's first mention of its kind names
        // the act the next sentences tell in full (within three sentences after it; the same
        // code, a single act: "overall attacks nationwide have fallen" is none)
        let pick = pick.or_else(|| {
            // (not in an article that counts such acts: "no evidence the two shootings were
            // related")
            let first = !(0..j).any(|i| same_family(&events[i].cameo, &events[j].cameo))
                && !(0..n).any(|k| counted[k] && same_family(&events[k].cameo, &events[j].cameo));
            let violent = matches!(events[j].cameo.get(..2), Some("18" | "19" | "20"));
            (!head[j] && first && violent)
                .then(|| {
                    (j + 1..n).find(|&i| {
                        !referring[i]
                            && events[i].sentence > events[j].sentence
                            && events[i].sentence - events[j].sentence <= 3
                            && events[i].cameo.get(..3) == events[j].cameo.get(..3)
                            && !doc.slice(events[i].trigger).ends_with('s')
                            && !set_apart(doc, &events[i])
                            && fits(i)
                    })
                })
                .flatten()
        });
        let Some(pick) = pick else { continue };
        // a group only takes a mention agreeing with all its members
        merge(doc, events, &mut group, pick, j, false);
        for a in siblings {
            merge(doc, events, &mut group, pick, a, true);
        }
    }
    // a body mention of the same act done to the same named person as an earlier
    // mention, on an agreeing date: "Smith was arrested Monday ... Smith was arrested after a
    // chase" (a count, "two arrests", or another person in the same role stays apart)
    for j in 0..n {
        if referring[j] || counted[j] {
            continue;
        }
        if let Some(i) = (0..j).rev().find(|&i| {
            events[i].sentence != events[j].sentence && same_person_act(doc, &events[i], &events[j])
        }) {
            merge(doc, events, &mut group, i, j, false);
        }
    }
    // one appeal, demand, accusation, rejection or threat told again to the same addressee,
    // often in the speaker's own quoted words: "the United States urges the Ukrainian
    // government to repeal the law ... “We urge the Ukrainian government to cancel it,” she
    // added" (the later mention's speaker is the earlier one's or unnamed; within six
    // sentences; the same three-digit code)
    for j in 0..n {
        let e = &events[j];
        if head[j]
            || !alone(&group, j)
            || !matches!(e.cameo.get(..2), Some("02" | "10" | "11" | "12" | "13"))
            || !e.target.iter().any(|a| a.code.is_some())
            || counted[j]
        {
            continue;
        }
        if let Some(i) = (0..j).rev().find(|&i| {
            let a = &events[i];
            a.sentence < e.sentence
                && e.sentence - a.sentence <= 6
                && a.cameo.get(..3) == e.cameo.get(..3)
                && same_addressee(&a.target, &e.target)
                && (e.source.is_empty()
                    || a.source.iter().any(|x| x.code.is_some())
                        && e.source.iter().any(|x| x.code.is_some()))
                && same_event(doc, a, e)
        }) {
            merge(doc, events, &mut group, i, j, false);
        }
    }
    // one shooting (or stabbing) told again and again: in an article whose mentions of that
    // act agree on place, date and victim, and which tells of no other one ("another
    // shooting", "a separate stabbing", "two shootings"), they are one event; a plural
    // ("after officer-involved shootings") and an act done "also" or "again" stay apart
    let mut lower_text: Option<String> = None;
    for kind in ["shoot", "stab"] {
        let of_kind = |e: &Event| {
            let w = doc.slice(e.trigger).to_lowercase();
            e.status == Status::Occurred
                && e.cameo.starts_with("18")
                && (w.starts_with(kind)
                    || kind == "shoot"
                        && ["shot", "gunned down", "opened fire", "open fire"]
                            .iter()
                            .any(|x| w.starts_with(x)))
                && !w.ends_with("ings")
                && !words_before(doc, e)
                    .iter()
                    .rev()
                    .take(3)
                    .any(|b| matches!(b.as_str(), "also" | "again"))
        };
        let ks: Vec<usize> = (0..n).filter(|&k| of_kind(&events[k])).collect();
        if ks.len() < 2 || ks.iter().any(|&k| counted[k]) {
            continue;
        }
        let text = lower_text.get_or_insert_with(|| doc.text().to_lowercase());
        if [
            "another",
            "separate",
            "second",
            "earlier",
            "unrelated",
            "other",
        ]
        .iter()
        .any(|m| text.contains(&format!("{m} {kind}")))
        {
            continue;
        }
        // a time between the acts ("Hours later, police shot a student") or two victims
        // named by their own nouns ("shot a protester" ... "shot a student")
        if ks
            .iter()
            .any(|&k| retold(doc, &events[k], &["hours", "next day", "afterwards"]))
        {
            continue;
        }
        let mut victim_words: Vec<String> = ks
            .iter()
            .flat_map(|&k| events[k].target.iter())
            .map(|a| {
                doc.slice(a.span)
                    .to_lowercase()
                    .trim_start_matches("the ")
                    .trim_start_matches("a ")
                    .trim_start_matches("an ")
                    .to_string()
            })
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "him" | "her" | "them" | "victim" | "man" | "woman" | "it" | "me" | "us"
                )
            })
            .collect();
        victim_words.sort_unstable();
        victim_words.dedup();
        fold_last_names(&mut victim_words);
        let mut places: Vec<usize> = ks
            .iter()
            .filter_map(|&k| events[k].place.filter(|p| p.basis == Basis::Sentence))
            .map(|p| p.place)
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut days: Vec<&str> = ks
            .iter()
            .filter_map(|&k| events[k].date.as_ref().filter(|d| d.basis == Basis::Text))
            .map(|d| d.value.as_str())
            .collect();
        days.sort_unstable();
        days.dedup();
        // people named as victims, one when one name ends the other ("Rosa Delgado", "Delgado")
        let mut people: Vec<String> = ks
            .iter()
            .flat_map(|&k| events[k].target.iter().filter_map(|a| a.entity))
            .filter(|&e| doc.entities[e].kind == EntityKind::Person)
            .map(|e| doc.entities[e].name.to_lowercase())
            .collect();
        people.sort_unstable();
        people.dedup();
        fold_last_names(&mut people);
        if victim_words.len() > 1 || people.len() > 1 || places.len() > 1 || days.len() > 1 {
            continue;
        }
        // (two of them may share a sentence the splitter ran together with a repeated
        // headline: "Baker shot dead ... Hale was gunned down")
        for &k in &ks[1..] {
            merge(doc, events, &mut group, ks[0], k, true);
        }
    }
    // an arrest told again of the same unnamed person: "a man was arrested late Friday ... the
    // suspect was arrested while walking", "two men were detained ... officers detained them"
    // (the later mention's person a pronoun or a definite noun, within three sentences of the
    // nearest earlier arrest, nothing setting it apart)
    for j in 0..n {
        let e = &events[j];
        if !arrest_act(doc, e) || counted[j] || !alone(&group, j) {
            continue;
        }
        let Some(i) = (0..j)
            .rev()
            .find(|&i| arrest_act(doc, &events[i]) && events[i].sentence != e.sentence)
        else {
            continue;
        };
        // (an earlier count, "he has been arrested three times", is no one arrest)
        if e.sentence - events[i].sentence <= 3
            && unnamed_again(doc, e)
            && !retold(
                doc,
                e,
                &["also", "another", "previously", "other", "separate"],
            )
            && !retold(doc, &events[i], &["times"])
        {
            merge(doc, events, &mut group, i, j, false);
        }
    }
    // the lede's arrest of someone it does not name, told again with the name: "A Palestine
    // man was arrested Wednesday after a chase ... Jim Barnett, 36, of Palestine was arrested
    // without incident" (the article's first arrest, in its lede, of no named person; the
    // first arrest of a named person after it, within six sentences, on an agreeing date;
    // nothing counting or setting either apart)
    let named = |e: &Event| {
        e.target.iter().any(|a| {
            a.entity
                .is_some_and(|x| doc.entities[x].kind == EntityKind::Person)
        })
    };
    // (the lede: one of the body's first two sentences, opening with "a", "an" or "one": "After
    // a chase, police arrested the driver" or "his mother was arrested" is someone else's)
    let lede_from = doc
        .sentences
        .iter()
        .position(|s| doc.blocks[s.block].kind == BlockKind::Paragraph)
        .unwrap_or(0);
    if let Some(i) = (0..n).find(|&k| arrest_act(doc, &events[k]))
        && events[i].sentence <= lede_from + 1
        && doc.blocks[doc.sentences[events[i].sentence].block].kind == BlockKind::Paragraph
        && doc
            .slice(doc.sentences[events[i].sentence].span)
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "one"))
        && !named(&events[i])
        && !counted[i]
        && !retold(doc, &events[i], &["times"])
        && let Some(j) = (i + 1..n).find(|&k| arrest_act(doc, &events[k]) && named(&events[k]))
        && events[j].sentence > events[i].sentence
        && events[j].sentence - events[i].sentence <= 6
        && !counted[j]
        && !retold(
            doc,
            &events[j],
            &["also", "another", "previously", "other", "separate"],
        )
        && dates_agree(events[i].date.as_ref(), events[j].date.as_ref())
    {
        merge(doc, events, &mut group, i, j, false);
    }
    // a sentence printed twice (page furniture, a repeated paragraph): each event in the copy
    // joins the same event in the first print
    for j in 0..n {
        if !alone(&group, j) {
            continue;
        }
        // (or a copy of at least 40 bytes inside a longer one that the splitter ran together
        // with page furniture or the next sentence: the trigger at the same place in the copy)
        let at = |k: usize| {
            let span = doc.sentences[events[k].sentence].span;
            let raw = doc.slice(span);
            let lead = raw.len() - raw.trim_start().len();
            (raw.trim(), events[k].trigger.start - span.start - lead)
        };
        let (sj, oj) = at(j);
        if let Some(i) = (0..j).find(|&i| {
            let (si, oi) = at(i);
            events[i].sentence != events[j].sentence
                && events[i].cameo == events[j].cameo
                && (si == sj && oi == oj
                    || sj.len() >= 40 && si.match_indices(sj).any(|(p, _)| p + oj == oi)
                    || si.len() >= 40 && sj.match_indices(si).any(|(p, _)| p + oi == oj))
        }) {
            group[j] = group[i];
        }
    }
    for g in 0..n {
        let members: Vec<usize> = (0..n).filter(|&k| group[k] == g).collect();
        if members.len() < 2 {
            continue;
        }
        let first = members[0];
        // what the anchor knows first, else what any member knows from its own sentence
        let place = events[g].place.or_else(|| {
            members
                .iter()
                .find_map(|&k| events[k].place.filter(|p| p.basis != Basis::Article))
        });
        let text_date = std::iter::once(g)
            .chain(members.iter().copied())
            .find_map(|k| events[k].date.clone().filter(|d| d.basis == Basis::Text));
        for &k in &members {
            if k != first {
                events[k].same_as = Some(first);
            }
            if events[k].place.is_none()
                && let Some(p) = place
            {
                events[k].place = Some(PlaceRef {
                    place: p.place,
                    basis: Basis::Article,
                });
            }
            // (an undated mention, told as background, takes the group's date from the text too)
            if events[k].date.as_ref().map_or(
                doc.meta.published.is_some()
                    && matches!(events[k].status, Status::Occurred | Status::Negated),
                |d| d.basis == Basis::Published,
            ) && let Some(d) = &text_date
            {
                events[k].date = Some(d.clone());
            }
        }
    }
}

/// Names of one person told in full and by their last part are one: "rosa delgado" and
/// "delgado" leave "rosa delgado" (sorted and deduplicated names, lowercase).
fn fold_last_names(names: &mut Vec<String>) {
    let full = names.clone();
    names.retain(|w| !full.iter().any(|f| f.ends_with(&format!(" {w}"))));
}

/// An arrest that occurred, told by a form of arrest, detain or apprehend.
fn arrest_act(doc: &Doc, e: &Event) -> bool {
    let w = doc.slice(e.trigger).to_lowercase();
    e.status == Status::Occurred
        && e.cameo == "173"
        && ["arrest", "detain", "apprehend"]
            .iter()
            .any(|x| w.starts_with(x))
        && !w.ends_with("arrests")
}

/// The person of an arrest named by a pronoun or a definite noun, no name and no new
/// referent: "he was arrested", "the suspect was arrested", "detained them" (not "a Cleveland
/// man was arrested", "Jones was arrested").
fn unnamed_again(doc: &Doc, e: &Event) -> bool {
    if e.target.iter().any(|a| {
        a.entity
            .is_some_and(|x| doc.entities[x].kind == EntityKind::Person)
    }) {
        return false;
    }
    // "arrested him", "detained them"
    let after = doc.text()[e.trigger.end..doc.sentences[e.sentence].span.end]
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    if after.is_some_and(|w| matches!(w.as_str(), "him" | "her" | "them")) {
        return true;
    }
    // "the suspect was arrested", "he was detained", "they were arrested"
    let before = words_before(doc, e);
    let Some(be) = before
        .iter()
        .rposition(|w| matches!(w.as_str(), "was" | "were"))
    else {
        return false;
    };
    if before.len() - be > 3 {
        return false;
    }
    let subject: Vec<&str> = before[..be]
        .iter()
        .rev()
        .take(3)
        .map(String::as_str)
        .collect();
    match subject.as_slice() {
        [p, ..] if matches!(*p, "he" | "she" | "they") => true,
        [noun, rest @ ..] => {
            matches!(
                *noun,
                "suspect"
                    | "suspects"
                    | "man"
                    | "men"
                    | "woman"
                    | "women"
                    | "teen"
                    | "teens"
                    | "teenager"
                    | "teenagers"
                    | "boy"
                    | "girl"
                    | "driver"
                    | "gunman"
                    | "shooter"
            ) && rest.iter().take(2).any(|d| matches!(*d, "the" | "both"))
        }
        [] => false,
    }
}

/// Put the group of mention `b` (often `b` alone) into the group of mention `a` when every
/// member of one agrees with every member of the other: another sentence (unless `one_sentence`) and one
/// event by [`same_event`] ("the fatal shooting" already joined to "whoever shot Delgado", both
/// one shooting).
fn merge(doc: &Doc, events: &[Event], group: &mut [usize], a: usize, b: usize, one_sentence: bool) {
    let (ga, gb) = (group[a], group[b]);
    if ga == gb {
        return;
    }
    let of = |g: usize| -> Vec<usize> { (0..events.len()).filter(|&k| group[k] == g).collect() };
    let (ma, mb) = (of(ga), of(gb));
    // (two definite mentions in one sentence may name one act: "After the meeting, Kerry told
    // reporters that the talks were constructive")
    // (but not one told as the answer to the other: "the meeting took place in response to
    // the commissioner's consultation")
    let twice_told = |x: usize, y: usize| {
        let (a, b) = if x < y { (x, y) } else { (y, x) };
        let (from, to) = (events[a].trigger.end, events[b].trigger.start);
        events[x].cameo.get(..2) == events[y].cameo.get(..2)
            && anaphoric(doc, &events[x])
            && anaphoric(doc, &events[y])
            && from <= to
            && !doc.slice(Span::new(from, to)).split_whitespace().any(|w| {
                [
                    "response",
                    "reaction",
                    "reply",
                    "retaliation",
                    "answer",
                    "after",
                    "before",
                    "since",
                    "than",
                    "following",
                    "preceded",
                    "followed",
                ]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
            })
    };
    let agree = ma.iter().all(|&x| {
        mb.iter().all(|&y| {
            (one_sentence || events[x].sentence != events[y].sentence || twice_told(x, y))
                && same_event(doc, &events[x], &events[y])
        })
    });
    if agree {
        for y in mb {
            group[y] = ga;
        }
    }
}

/// The same coded addressee: one code on both sides, or a country and its government ("the
/// United States" / "the Trump administration"; a country and its rebels are two).
fn same_addressee(x: &[Argument], y: &[Argument]) -> bool {
    let fit = |c: &str, d: &str| {
        c == d || c.len() == 3 && d.len() == 6 && d.starts_with(c) && d.ends_with("GOV")
    };
    x.iter().filter_map(|a| a.code.as_deref()).any(|c| {
        y.iter()
            .filter_map(|b| b.code.as_deref())
            .any(|d| fit(c, d) || fit(d, c))
    })
}

/// The mention's own words set it apart from another act of its kind: "the earlier
/// shooting", "another stabbing", "a separate attack" (within three words before it).
fn set_apart(doc: &Doc, e: &Event) -> bool {
    words_before(doc, e).iter().rev().take(3).any(|w| {
        matches!(
            w.as_str(),
            "earlier"
                | "another"
                | "other"
                | "separate"
                | "second"
                | "previous"
                | "unrelated"
                | "first"
                | "latest"
                | "new"
        )
    })
}

/// Mention `j` is in no group with another.
fn alone(group: &[usize], j: usize) -> bool {
    group[j] == j && !group.iter().enumerate().any(|(k, &g)| k != j && g == j)
}

/// Words that tell an act a second time, not the same act again: "detained her a second
/// time", "Hours later, police shot a student" ("later" only within five words before the
/// act: "a neighbour would later name the men behind the shooting" tells the
/// shooting once).
const RETOLD: &[&str] = &["again", "second time", "once more"];

/// One of `RETOLD` or of `more` in the sentence of `e`, or "later" just before its trigger.
fn retold(doc: &Doc, e: &Event, more: &[&str]) -> bool {
    // whole words only: "again" is not in "against", "other" not in "mother"
    let st = format!(
        " {} ",
        lower_words(doc.slice(doc.sentences[e.sentence].span)).join(" ")
    );
    RETOLD
        .iter()
        .chain(more)
        .any(|m| st.contains(&format!(" {m} ")))
        || words_before(doc, e)
            .iter()
            .rev()
            .take(5)
            .any(|w| w == "later")
}

/// Two mentions may name one event: the same status, CAMEO codes of one family (same root, and
/// one leaf the other's or a parent of it; a code ending in 0 names its root unspecified; but a
/// visit, 042 or 043, is never one with another consultation: [`same_family`]), no
/// conflicting source or target, date or place.
/// Two of `anchors` that are not one event by [`same_event`]: a referring mention cannot
/// tell which of them it names.
fn anchors_clash(doc: &Doc, events: &[Event], anchors: &[usize]) -> bool {
    anchors.iter().enumerate().any(|(k, &a)| {
        anchors[k + 1..]
            .iter()
            .any(|&b| !same_event(doc, &events[a], &events[b]))
    })
}

fn same_event(doc: &Doc, a: &Event, b: &Event) -> bool {
    a.status == b.status
        && same_family(&a.cameo, &b.cameo)
        && actors_agree(&a.source, &b.source)
        && actors_agree(&a.target, &b.target)
        && dates_agree(a.date.as_ref(), b.date.as_ref())
        && match (a.place, b.place) {
            (Some(x), Some(y)) => x.place == y.place || same_country(doc, x.place, y.place),
            _ => true,
        }
}

/// Two mentions of one act on the same named person: one event by [`same_event`] with the
/// same three-digit code, a person entity shared as target (the same speaker or actor often
/// does two acts of a kind; an act done to a named person is mostly told once) or as the
/// source of a resignation or a trip, no other entity in either role on one side only, and a
/// date told in the text that is in the publication's month or the four weeks before
/// publication when the other mention has none.
fn same_person_act(doc: &Doc, a: &Event, b: &Event) -> bool {
    let ents = |x: &[Argument]| -> Vec<usize> { x.iter().filter_map(|y| y.entity).collect() };
    let person = |e: usize| doc.entities[e].kind == EntityKind::Person;
    // (a person shared, another entity on one side only)
    let role = |x: &[Argument], y: &[Argument]| -> (bool, bool) {
        let (ex, ey) = (ents(x), ents(y));
        if ex.is_empty() || ey.is_empty() {
            return (false, false);
        }
        let shared = ex.iter().any(|e| ey.contains(e) && person(*e));
        let other = ex.iter().any(|e| !ey.contains(e)) || ey.iter().any(|e| !ex.contains(e));
        (shared, other)
    };
    let (src, tgt) = (role(&a.source, &b.source), role(&a.target, &b.target));
    // (a date from the text beside an undated mention: in the publication month, or a day in
    // the four weeks before publication, "Tuesday, January 28th" in a story of February 3)
    let near_publication = |d: Option<&DateRef>| -> bool {
        let pub_month = doc.meta.published.map(|p| p.to_string()[..7].to_string());
        let recent = |v: &str| {
            let day = v
                .get(..10)
                .and_then(|x| x.parse::<jiff::civil::Date>().ok());
            match (day, doc.meta.published) {
                (Some(x), Some(p)) => x <= p && x.until(p).is_ok_and(|s| s.get_days() <= 28),
                _ => false,
            }
        };
        d.is_none_or(|d| {
            d.basis != Basis::Text
                || pub_month.as_deref().is_some_and(|m| d.value.starts_with(m))
                || recent(&d.value)
        })
    };
    let dates_ok = match (a.date.as_ref(), b.date.as_ref()) {
        (Some(x), Some(y)) if x.basis == Basis::Text && y.basis == Basis::Text => {
            dates_agree(Some(x), Some(y))
        }
        (x, y) => near_publication(x) && near_publication(y),
    };
    // a person resigns once and makes one trip at a time: the same named person as the
    // source of a resignation or a visit told again is that act ("Ruiz resigned on Monday ...
    // Ruiz resigned after the audit"); other acts by one person may be several (two requests)
    let own_act = matches!(a.cameo.get(..3), Some("083" | "042" | "043")) && src.0;
    a.cameo.get(..3).is_some_and(|c| b.cameo.starts_with(c))
        && (tgt.0 || own_act)
        && !src.1
        && !tgt.1
        && dates_ok
        && same_event(doc, a, b)
        && !retold(doc, b, &["another", "re-arrested", "rearrested"])
}

fn same_family(a: &str, b: &str) -> bool {
    // a visit (042, 043) is a trip, not the talks held on it: "talks" and "the visit" are two
    // events, as CAMEO codes them
    let visit = |c: &str| c.starts_with("042") || c.starts_with("043");
    if a.starts_with("04") && b.starts_with("04") && visit(a) != visit(b) {
        return false;
    }
    let norm = |c: &str| -> String {
        if c.len() == 3 && c.ends_with('0') {
            c[..2].to_string()
        } else {
            c.to_string()
        }
    };
    let (x, y) = (norm(a), norm(b));
    x.len() >= 2 && y.len() >= 2 && x[..2] == y[..2] && (x.starts_with(&y) || y.starts_with(&x))
}

/// No conflict between two sides: either is empty (or uncoded), or some actor of one is the
/// other's code, its bare country or its bare sector ("COP" / "KENCOP", "KEN" / "KENCOP").
fn actors_agree(x: &[Argument], y: &[Argument]) -> bool {
    let codes =
        |a: &[Argument]| -> Vec<String> { a.iter().filter_map(|x| x.code.clone()).collect() };
    let (cx, cy) = (codes(x), codes(y));
    let fit = |c: &str, d: &str| {
        c == d || c.len() == 3 && d.len() > 3 && (d.starts_with(c) || d.ends_with(c))
    };
    cx.is_empty() || cy.is_empty() || cx.iter().any(|c| cy.iter().any(|d| fit(c, d) || fit(d, c)))
}

/// Dates agree when equal, when one only falls back on the publication date, or when one is a
/// coarser value containing the other ("2021-06" / "2021-06-09").
fn dates_agree(a: Option<&DateRef>, b: Option<&DateRef>) -> bool {
    // a day inside a span of days: "overnight" (1998-08-19/1998-08-20) and "Thursday"
    // (1998-08-20)
    // (a span of at most two days: "the past year" holds many acts)
    let within = |day: &str, span: &str| {
        span.split_once('/').is_some_and(|(from, to)| {
            let d = |x: &str| x.parse::<jiff::civil::Date>().ok();
            match (d(day), d(from), d(to)) {
                (Some(x), Some(a), Some(b)) => {
                    a <= x
                        && x <= b
                        && a.until(b).is_ok_and(|s| {
                            s.get_days() <= 2 && s.get_months() == 0 && s.get_years() == 0
                        })
                }
                _ => false,
            }
        })
    };
    match (a, b) {
        (Some(x), Some(y)) => {
            x.basis == Basis::Published
                || y.basis == Basis::Published
                || x.value == y.value
                || x.value.starts_with(&y.value)
                || y.value.starts_with(&x.value)
                || within(&x.value, &y.value)
                || within(&y.value, &x.value)
        }
        _ => true,
    }
}

/// How much a mention says: coded source and target weigh most, then a date and a place from
/// its own sentence, then uncoded arguments.
/// The last word of a mention's trigger ("meeting" of "Lausanne meeting").
fn last_word<'d>(doc: &'d Doc, e: &Event) -> &'d str {
    doc.slice(e.trigger)
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

fn mention_weight(e: &Event) -> u32 {
    let coded = |a: &[Argument]| a.iter().any(|x| x.code.is_some());
    2 * u32::from(coded(&e.source))
        + 2 * u32::from(coded(&e.target))
        + u32::from(e.date.as_ref().is_some_and(|d| d.basis == Basis::Text))
        + u32::from(e.place.is_some_and(|p| p.basis == Basis::Sentence))
        + u32::from(!e.source.is_empty() || !e.target.is_empty())
}

/// Lower-case words of the trigger's sentence before the trigger, nearest last.
fn words_before(doc: &Doc, e: &Event) -> Vec<String> {
    let s = doc.sentences[e.sentence].span;
    let from = s.start.min(e.trigger.start);
    lower_words(&doc.text()[from..e.trigger.start])
}

/// The words of `text`, lowercase, split at anything but letters, digits, hyphens and
/// apostrophes.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A definite mention of an event already told: "the arrests", "those detained", "this attack".
fn anaphoric(doc: &Doc, e: &Event) -> bool {
    let w = words_before(doc, e);
    // the determiner may be inside a multi-word trigger: "launching the attack"
    let inner: Vec<String> = doc
        .slice(e.trigger)
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let det = match inner.as_slice() {
        [_, .., d, _] => Some(d),
        _ => w.last(),
    };
    // "such a meeting", "such an attack"
    if let [.., such, a] = w.as_slice()
        && such == "such"
        && matches!(a.as_str(), "a" | "an")
    {
        return true;
    }
    // a possessive names whose act it was: "led to Henry's arrest", "after his release"
    let definite = |d: &str| {
        matches!(d, "the" | "this" | "that" | "these" | "those" | "such") || possessive(d)
    };
    if det.is_some_and(|d| definite(d)) {
        return true;
    }
    // modifiers between the determiner and a one-word noun trigger: "Saturday's fatal
    // stabbing", "the Elm Street shooting" (not "the first shooting", "the two raids", "the
    // latest attack" of a series, "the monthly meeting"; not a subject before a verb: "the
    // homeowner shot him")
    let word = doc.slice(e.trigger).to_lowercase();
    if word.contains(' ')
        || !(word.ends_with("ing") || word.ends_with("ings") || NOUN_ACTS.contains(&word.as_str()))
    {
        return false;
    }
    let (det, mods, from) = noun_phrase_before(doc, e);
    det.is_some_and(|d| definite(&d))
        && !mods.is_empty()
        && !mods.iter().any(|m| {
            OTHER_ONE.contains(&m.as_str())
                || SERIES.contains(&m.as_str())
                || m.parse::<u32>().is_ok()
                || cardinal(m).is_some()
        })
        && !e
            .source
            .iter()
            .chain(&e.target)
            .any(|a| a.span.end > from && a.span.start < e.trigger.start)
}

/// Nouns of acts told again with modifiers ("the early-morning raid"); -ing nouns are
/// taken by their ending.
const NOUN_ACTS: &[&str] = &[
    "attack",
    "attacks",
    "arrest",
    "arrests",
    "raid",
    "raids",
    "assault",
    "murder",
    "homicide",
    "visit",
    "talks",
    "airstrike",
    "airstrikes",
    "clash",
    "clashes",
    "protest",
    "protests",
    "rally",
    "explosion",
    "blast",
    "robbery",
    "carjacking",
    "standoff",
    "ambush",
];

/// Modifiers of one act in a series or of a recurring kind: "the latest attack", "the most
/// recent shooting", "the monthly meeting", "her last visit".
const SERIES: &[&str] = &[
    "latest", "last", "recent", "most", "monthly", "weekly", "annual", "regular", "daily",
    "nightly", "routine", "usual",
];

/// A possessive determiner or a name's possessive ("his", "Henry's"), not a pronoun's
/// contraction ("he's", "it's": [`PRONOUN_IS`]).
fn possessive(d: &str) -> bool {
    matches!(d, "his" | "her" | "their" | "its")
        || d.len() > 2
            && (d.ends_with("'s") || d.ends_with("\u{2019}s"))
            && !PRONOUN_IS.contains(&d)
}

/// Modifiers that set an act apart from one already told: "the first raid", "a separate
/// shooting", "another East Side stabbing".
const OTHER_ONE: &[&str] = &[
    "another",
    "other",
    "first",
    "second",
    "third",
    "separate",
    "unrelated",
    "earlier",
    "previous",
    "prior",
    "new",
    "fresh",
    "further",
    "renewed",
    "similar",
    "different",
    "next",
    "several",
    "multiple",
    "both",
];

/// The words of the trigger's noun phrase before it, back to the determiner that opens it
/// within four words (the determiner, then the modifiers in order): "the latest" →
/// (the, [latest]), "Another West Side" → (another, [west, side]). No determiner when
/// punctuation, a preposition, a form of "be" or a conjunction comes first.
fn noun_phrase_before(doc: &Doc, e: &Event) -> (Option<String>, Vec<String>, usize) {
    let s = doc.sentences[e.sentence].span;
    let from = s.start.min(e.trigger.start);
    let before = &doc.text()[from..e.trigger.start];
    let tail = before
        .rsplit(|c: char| {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '('
                    | ')'
                    | '"'
                    | '\u{201c}'
                    | '\u{201d}'
                    | '\u{2014}'
                    | '\u{2013}'
            )
        })
        .next()
        .unwrap_or("");
    let from = e.trigger.start - tail.len();
    let ws: Vec<String> = tail
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut mods = Vec::new();
    for w in ws.iter().rev().take(4) {
        if matches!(
            w.as_str(),
            "the" | "this" | "these" | "those" | "a" | "an" | "another" | "such"
        ) || possessive(w)
        {
            mods.reverse();
            return (Some(w.clone()), mods, from);
        }
        if PREPOSITIONS.contains(&w.as_str())
            || BE.contains(&w.as_str())
            || matches!(
                w.as_str(),
                "and" | "or" | "but" | "to" | "has" | "have" | "had"
            )
        {
            break;
        }
        mods.push(w.clone());
    }
    (None, Vec::new(), from)
}

/// Contractions of a pronoun and "is" or "has", no possessives: "he's also met".
const PRONOUN_IS: &[&str] = &[
    "he's",
    "she's",
    "it's",
    "that's",
    "there's",
    "who's",
    "what's",
    "here's",
    "he\u{2019}s",
    "she\u{2019}s",
    "it\u{2019}s",
    "that\u{2019}s",
    "there\u{2019}s",
    "who\u{2019}s",
];

/// A mention counting several events ("two attacks", "a wave of arrests", "both meetings"),
/// or set apart from one told ("another East Side shooting", "a separate fatal stabbing").
fn several(doc: &Doc, e: &Event) -> bool {
    let (det, mods, _) = noun_phrase_before(doc, e);
    if det.as_deref() == Some("another")
        || mods.iter().any(|m| {
            OTHER_ONE.contains(&m.as_str()) && m != "first"
                || m.parse::<u32>().is_ok_and(|k| k > 1)
                || cardinal(m).is_some_and(|k| k > 1)
        })
    {
        return true;
    }
    let w = words_before(doc, e);
    let near = match w.as_slice() {
        [.., q, of] if of == "of" => Some(q),
        [.., q] => Some(q),
        [] => None,
    };
    near.is_some_and(|x| {
        matches!(
            x.as_str(),
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "multiple"
                | "both"
                | "twin"
                | "series"
                | "wave"
                | "spate"
                | "string"
                | "separate"
                | "another"
                | "second"
                | "new"
                | "fresh"
                | "further"
                | "renewed"
        ) || x.parse::<u32>().is_ok_and(|k| k > 1)
    })
}

fn same_country(doc: &Doc, a: usize, b: usize) -> bool {
    use dateline_doc::Feature;
    let (pa, pb) = (&doc.places[a], &doc.places[b]);
    // a country and a place inside it ("Switzerland" / "Lausanne")
    let wide = |p: &dateline_doc::Place| {
        matches!(p.feature, Some(Feature::Country) | Some(Feature::Admin1))
    };
    (wide(pa) || wide(pb)) && pa.country.is_some() && pa.country == pb.country
}

/// The date of an act of saying between `lo` and `hi` (byte offsets): the first calendar time
/// there ("said on Friday"), else the publication date.
fn saying_date(doc: &Doc, lo: usize, hi: usize) -> Option<DateRef> {
    doc.times
        .iter()
        .position(|t| {
            t.span.start >= lo
                && t.span.end <= hi
                && t.value.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|i| DateRef {
            value: doc.times[i].value.clone(),
            precision: doc.times[i].precision,
            time: Some(i),
            basis: Basis::Text,
        })
        .or_else(|| {
            doc.meta.published.map(|p| DateRef {
                value: p.to_string(),
                precision: Precision::Day,
                time: None,
                basis: Basis::Published,
            })
        })
}
