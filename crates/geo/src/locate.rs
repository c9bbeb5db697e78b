//! Finding place mentions in a document and resolving them against the gazetteer.

use dateline_segment::{is_alphabetic, is_alphanumeric};
use std::sync::LazyLock;

use dateline_doc::{Doc, EntityKind, Place, Span};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Candidate, Gazetteer, Kind, Record, normalise_into};

fn word_set(text: &'static str) -> FxHashSet<&'static str> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .collect()
}

/// Capitalised words that are never a place alone (directions, titles, days, function words).
pub(crate) static STOP: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../lexicon/stop.txt")));
/// Given names: a place name right after one is a surname.
static FIRST_NAMES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../lexicon/first_names.txt")));
/// Demonyms and nationality adjectives, normalised (multi-word ones joined by a space).
static DEMONYMS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut s = FxHashSet::default();
    let text = include_str!("../lexicon/demonyms.txt");
    let words: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split_whitespace())
        .collect();
    for (i, w) in words.iter().enumerate() {
        s.insert(w.to_ascii_lowercase());
        // two-word demonyms ("South African", "New Yorker") are listed as adjacent words
        if let Some(n) = words.get(i + 1) {
            s.insert(format!(
                "{} {}",
                w.to_ascii_lowercase(),
                n.to_ascii_lowercase()
            ));
        }
    }
    s
});
/// Whether a word or phrase is a demonym or nationality adjective ("Russian", "South African"),
/// which this stage never takes for a place.
pub fn is_demonym(s: &str) -> bool {
    let mut k = String::new();
    normalise_into(s, &mut k);
    DEMONYMS.contains(&k)
}

/// Place names that are also common English words, with their Zipf frequency.
static COMMON: LazyLock<FxHashMap<&'static str, f32>> = LazyLock::new(|| {
    include_str!("../lexicon/common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, z) = l.split_once('\t')?;
            Some((w, z.parse().ok()?))
        })
        .collect()
});

/// Words that head an organisation's name ("Chamber of Commerce", "Bank of America").
static ORG_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    [
        "Chamber",
        "Department",
        "Dept",
        "University",
        "Bank",
        "College",
        "School",
        "Board",
        "Council",
        "Church",
        "Institute",
        "Ministry",
        "Office",
        "Museum",
        "Society",
        "Association",
        "League",
        "Court",
        "Commission",
        "Hospital",
        "Academy",
        "Center",
        "Centre",
        "Bureau",
        "Division",
        "Agency",
        "Authority",
        "Service",
        "Corps",
        "Party",
        "Diocese",
        "Archdiocese",
        "Club",
        "Company",
        "Corporation",
        "Foundation",
        "Fund",
        "Friends",
        "Knights",
        "Daughters",
        "Sons",
        "Order",
        "Voice",
        "Secretary",
        "Minister",
        "Mayor",
        "Governor",
        "Chief",
        "Director",
        "President",
        "Chairman",
        "Team",
        "Festival",
        "Battle",
        "Siege",
        "Treaty",
        "Declaration",
        "Convention",
        "Statue",
        "Tower",
        "Bishop",
        "Embassy",
        "Consulate",
        "Mission",
        "Summit",
        "Mall",
    ]
    .into_iter()
    .collect()
});

/// Generic feature nouns: after a possessive name ("St. Peter's Basilica") they make the name
/// of a feature named after a person or saint.
static FEATURE_NOUNS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../lexicon/feature_nouns.txt")));
/// Feature nouns that, right after a place name, name a feature named after the place but not
/// in it ("Georgia Avenue", "Niger Delta").
static NAMED_AFTER: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../lexicon/named_after_nouns.txt")));

/// Whether the words after `j` make the name of another feature: a feature noun after a
/// possessive ("Wilson's Farm", unless `major`: "Florida's Turnpike" is in Florida), or a
/// named-after noun right after the name ("Georgia Avenue").
fn feature_follows(doc: &Doc, ws: &[Word], j: usize, major: bool) -> bool {
    let k = j + 1;
    // the possessive 's is a word of its own after an apostrophe
    let possessive = ws.get(k).is_some_and(|w| {
        w.gap == Gap::Other
            && doc.slice(w.span) == "s"
            && matches!(&doc.text()[ws[j].span.end..w.span.start], "'" | "’")
    });
    let next = |k: usize| ws.get(k).filter(|w| w.cap && w.gap == Gap::Space);
    if possessive {
        !major && next(k + 1).is_some_and(|w| FEATURE_NOUNS.contains(doc.slice(w.span)))
    } else {
        next(k).is_some_and(|w| NAMED_AFTER.contains(doc.slice(w.span)))
    }
}

/// Prepositions that make the following capitalised word a place.
const LOCATIVE: &[&str] = &[
    "in",
    "of",
    "at",
    "near",
    "from",
    "outside",
    "across",
    "around",
    "towards",
    "toward",
    "into",
    "through",
    "throughout",
    "via",
    "to",
    "inside",
    "within",
    "between",
    "nearby",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];
/// Verbs after "the X" that make "the X" a whole noun phrase ("the White House said").
const HEAD_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "announced",
    "confirmed",
    "denied",
    "declined",
    "told",
    "added",
    "issued",
    "released",
    "called",
    "did",
    "does",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "wants",
    "wanted",
    "plans",
];
/// Nouns for the people of an institution: a landmark before one names the institution.
const ROLE_NOUNS: &[&str] = &[
    "aide",
    "aides",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press",
    "staff",
    "staffer",
    "staffers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "counsel",
    "correspondent",
    "correspondents",
    "chief",
    "chiefs",
    "budget",
    "lawyer",
    "lawyers",
    "source",
    "sources",
    "team",
    "statement",
    "spokesmen",
    "insiders",
    "economists",
    "analysts",
    "traders",
    "banks",
    "firms",
];
/// Function words that, capitalised at the start of a sentence, do not begin a name.
const FUNCTION: &[&str] = &[
    "on", "with", "for", "by", "as", "like", "about", "after", "before", "since", "until", "over",
    "under", "than", "and", "or", "but", "a", "an", "this", "that", "if", "when", "while", "where",
    "both", "all", "some", "unlike", "outside", "beyond", "inside", "across", "via",
];
/// Lower-case words allowed inside a multi-word place name.
const CONNECTORS: &[&str] = &[
    "of", "de", "la", "le", "les", "du", "des", "del", "da", "do", "dos", "das", "al", "el",
    // French "au"/"aux" ("Port-au-Prince", "Fort-aux-Français")
    "au", "aux", "upon", "on", "and", "the", "en", "sur", "am", "im", "an", "der", "di", "y", "e",
    "i",
    // Arabic article and particles in transliterated names ("Deir ez-Zor", "Ras al-Ain")
    "ez", "es", "ed", "er", "ad", "ar", "as", "at", "az", "ash", "ath", "adh", "ul", "bin", "ibn",
    "van", "von", "den", "het", "aan", "op", "zum", "bei", "sul", "sous", "lès",
];
/// Titles before a name: what follows is a person.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "lord",
    "lady",
    "gov",
    "sen",
    "rep",
    "president",
    "governor",
    "senator",
    "mayor",
    "minister",
    "judge",
    "justice",
    "coach",
    "officer",
    "sheriff",
    "chief",
    "gen",
    "general",
    "col",
    "capt",
    "lt",
    "sgt",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "father",
    "sister",
    "brother",
    "saint",
    "st",
    "deputy",
    "detective",
    "trooper",
    "reverend",
    "bishop",
    "ambassador",
    "secretary",
    "chancellor",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// First word of its unit.
    Start,
    /// Only spaces (no line break) since the previous word.
    Space,
    /// A comma (and spaces).
    Comma,
    /// A hyphen ("Winston-Salem", "Atlanta-area", "D-Charleston").
    Hyphen,
    /// Anything else: other punctuation, a line break.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub(crate) span: Span,
    pub(crate) gap: Gap,
    pub(crate) cap: bool,
    /// First word of a sentence (or after an opening quote or bracket).
    initial: bool,
}

/// Split a unit of text into words: runs of letters and digits, keeping inner `.`, `'`, `-`
/// ("U.S.", "O'Hare", "Winston-Salem"), dropping a possessive `'s`.
pub(crate) fn words(text: &str, base: usize, out: &mut Vec<Word>) {
    let b = text.as_bytes();
    // the character at byte position `p` (a character boundary), if any
    let at = |p: usize| -> Option<char> {
        match b.get(p) {
            None => None,
            Some(&x) if x < 0x80 => Some(x as char),
            Some(_) => text[p..].chars().next(),
        }
    };
    let mut i = 0;
    let mut prev_end: Option<usize> = None;
    let mut initial = true;
    while let Some(c) = at(i) {
        let s = i;
        if !is_alphanumeric(c) {
            if matches!(c, '"' | '“' | '‘' | '(' | '[' | '—' | '–' | ':' | ';') {
                initial = true;
            }
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(d) = at(j) {
            if is_alphanumeric(d) {
                j += d.len_utf8();
                continue;
            }
            let next = at(j + d.len_utf8());
            if matches!(d, '\'' | '’') {
                // possessive: stop before 's
                let after = next.and_then(|n| at(j + d.len_utf8() + n.len_utf8()));
                if matches!(next, Some('s') | Some('S')) && !after.is_some_and(is_alphanumeric) {
                    break;
                }
            }
            if matches!(d, '.' | '\'' | '’') && next.is_some_and(is_alphanumeric) {
                j += d.len_utf8();
                continue;
            }
            break;
        }
        let mut e = j;
        let w = &text[s..e];
        // "U.S." and "St." keep their final full stop
        if e < text.len() && b[e] == b'.' && (w.contains('.') || matches!(w, "St" | "Ft" | "Mt")) {
            e += 1;
            j += 1;
        }
        let gap = match prev_end {
            None => Gap::Start,
            Some(p) => {
                let between = &text[p..s];
                if between
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
                {
                    Gap::Space
                } else if between == "-" || between == "‐" {
                    Gap::Hyphen
                } else if between.trim() == "," {
                    Gap::Comma
                } else {
                    Gap::Other
                }
            }
        };
        out.push(Word {
            span: Span::new(base + s, base + e),
            gap,
            cap: c.is_uppercase(),
            initial,
        });
        initial = false;
        prev_end = Some(e);
        i = j;
    }
}

/// The words of the units [`locate`] last read on this thread, with the text they are of:
/// [`crate::unresolved`] reads the same sentences of the same document next and takes them
/// from here rather than splitting them again (it checks that the text is the same).
#[derive(Default)]
pub(crate) struct UnitWords {
    pub(crate) text: String,
    /// Unit spans, in the order of `words`.
    pub(crate) units: Vec<Span>,
    pub(crate) words: Vec<Vec<Word>>,
}

impl UnitWords {
    /// The words of the unit at exactly `span`, if it was one.
    pub(crate) fn get(&self, span: Span) -> Option<&[Word]> {
        let i = self
            .units
            .binary_search_by_key(&(span.start, span.end), |u| (u.start, u.end))
            .ok()?;
        self.words.get(i).map(Vec::as_slice)
    }
}

thread_local! {
    pub(crate) static LAST_WORDS: std::cell::RefCell<UnitWords> =
        std::cell::RefCell::new(UnitWords::default());
}

/// One found mention with its candidates.
struct Mention {
    span: Span,
    /// Word indices [first, last] in the unit's word list.
    first: usize,
    last: usize,
    unit: usize,
    cands: Vec<Candidate>,
    /// Mention right after ", " (the "Texas" of "Paris, Texas").
    qualifies: Option<usize>,
    chosen: Option<u32>,
    /// Inside another name ("Rapides Parish Fire District"): not a place mention itself, but
    /// evidence for resolving the others.
    context: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Place,
    Context,
    /// Not enough evidence here; a place if the same name is one elsewhere in the document.
    Weak,
    No,
}

fn lower_is(doc: &Doc, w: &Word, set: &[&str]) -> bool {
    let s = doc.slice(w.span).trim_end_matches('.');
    set.iter().any(|x| s.eq_ignore_ascii_case(x))
}

/// Fill `doc.places`: find place mentions (skipping spans that entities already claimed as
/// people, organisations, groups or nationalities), resolve them, and link country/place
/// entities to their place.
pub fn locate(doc: &mut Doc, gaz: &Gazetteer) {
    if gaz.records.is_empty() {
        return;
    }
    // spans claimed by the entity stage
    let mut blocked: Vec<(Span, EntityKind)> = Vec::new();
    let mut placey: Vec<(Span, usize)> = Vec::new();
    for (ei, e) in doc.entities.iter().enumerate() {
        match e.kind {
            EntityKind::Person
            | EntityKind::Organization
            | EntityKind::Group
            | EntityKind::Nationality => blocked.extend(e.mentions.iter().map(|m| (*m, e.kind))),
            EntityKind::Country | EntityKind::Place => {
                placey.extend(e.mentions.iter().map(|m| (*m, ei)));
            }
        }
    }
    blocked.sort_unstable_by_key(|b| (b.0.start, b.0.end));
    placey.sort_unstable();
    let max_block = blocked.iter().map(|b| b.0.len()).max().unwrap_or(0);
    let max_placey = placey.iter().map(|p| p.0.len()).max().unwrap_or(0);
    // the first span of a sorted list that overlaps `sp` (spans no longer than `max`)
    fn overlapping<T: Copy>(
        list: &[T],
        span: impl Fn(&T) -> Span,
        max: usize,
        sp: Span,
    ) -> Option<T> {
        let lo = list.partition_point(|x| span(x).start + max <= sp.start);
        list[lo..]
            .iter()
            .take_while(|x| span(x).start < sp.end)
            .find(|x| span(x).overlaps(sp))
            .copied()
    }
    // units: the sentences, and whole blocks that have none (headings); the whole text when
    // the document has neither
    let mut units: Vec<Span> = Vec::with_capacity(doc.sentences.len() + 1);
    if doc.blocks.is_empty() {
        units.push(Span::new(0, doc.text().len()));
    }
    let mut si = 0;
    for (bi, b) in doc.blocks.iter().enumerate() {
        let first = si;
        while si < doc.sentences.len() && doc.sentences[si].block == bi {
            units.push(doc.sentences[si].span);
            si += 1;
        }
        if si == first {
            units.push(b.span);
        }
    }
    let text = doc.text();
    // surnames of people named in the document ("President Obama" ... "Obama"): the last word
    // of every person mention, and a capitalised word right after a given name or title
    let mut surnames: FxHashSet<String> = FxHashSet::default();
    for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        for m in &e.mentions {
            // the last word of a full name ("Barack Obama" → "Obama"), unless the name
            // starts with a direction or place qualifier ("Downtown Greer")
            let words: Vec<&str> = doc.slice(*m).split_whitespace().collect();
            if let (Some(first), Some(last)) = (words.first(), words.last())
                && !STOP.contains(first.trim_end_matches('.'))
            {
                let mut k = String::new();
                normalise_into(last, &mut k);
                surnames.insert(k);
            }
        }
    }
    let mut unit_words: Vec<Vec<Word>> = Vec::with_capacity(units.len());
    let mut mentions: Vec<Mention> = Vec::new();
    let mut weak: Vec<(String, Mention)> = Vec::new();
    let mut accepted: FxHashSet<String> = FxHashSet::default();
    let mut key = String::new();
    for span in &units {
        let mut ws = Vec::new();
        words(&text[span.start..span.end], span.start, &mut ws);
        for k in 1..ws.len() {
            let p = doc.slice(ws[k - 1].span).trim_end_matches('.');
            if ws[k].cap
                && ws[k].gap == Gap::Space
                && ws[k - 1].cap
                && (FIRST_NAMES.contains(p) || TITLES.iter().any(|t| p.eq_ignore_ascii_case(t)))
                && !STOP.contains(doc.slice(ws[k].span))
            {
                let mut key = String::new();
                normalise_into(doc.slice(ws[k].span), &mut key);
                surnames.insert(key);
            }
        }
        unit_words.push(ws);
    }
    for (u, ws) in unit_words.iter().enumerate() {
        let ws = ws.as_slice();
        let mut i = 0;
        while i < ws.len() {
            if !ws[i].cap {
                i += 1;
                continue;
            }
            // "Dublin, Ga.": a US state abbreviation after a comma
            // ("S.C.", "D.C." anywhere; "Ga.", "Miss." after a comma or a locative preposition)
            let after_prep = i > 0
                && ws[i].gap == Gap::Space
                && !ws[i - 1].cap
                && lower_is(doc, &ws[i - 1], LOCATIVE);
            // (the first byte first: a cheap test before the full comparison)
            let first = text.as_bytes()[ws[i].span.start];
            if let Some(&(abbr, rec)) = gaz.us_states.iter().find(|(a, _)| {
                a.as_bytes().first().is_none_or(|&b| b == first)
                    && text[ws[i].span.start..].starts_with(a)
                    && !text[ws[i].span.start + a.len()..].starts_with(is_alphanumeric)
                    && (ws[i].gap == Gap::Comma
                        || paren_after_name(text, ws, i)
                        || after_prep && a.contains('.')
                        || a.bytes().filter(|&b| b == b'.').count() >= 2)
            }) {
                let end = ws[i].span.start + abbr.len();
                let j = (i..ws.len())
                    .take_while(|&k| ws[k].span.end <= end)
                    .last()
                    .unwrap_or(i);
                let sp = Span::new(ws[i].span.start, ws[j].span.end.max(end));
                if overlapping(&blocked, |b| b.0, max_block, sp).is_none() {
                    mentions.push(Mention {
                        span: sp,
                        first: i,
                        last: j,
                        unit: u,
                        cands: vec![Candidate {
                            record: rec,
                            primary: true,
                        }],
                        qualifies: None,
                        chosen: None,
                        context: false,
                    });
                    i = j + 1;
                    continue;
                }
            }
            let mut found = None;
            let max = gaz.max_words.min(ws.len() - i);
            for n in (1..=max).rev() {
                let j = i + n - 1;
                if !ws[j].cap {
                    continue;
                }
                // words joined only by spaces; lower-case words inside must be connectors
                if (i + 1..=j).any(|k| !matches!(ws[k].gap, Gap::Space | Gap::Hyphen))
                    || (i + 1..j).any(|k| !ws[k].cap && !lower_is(doc, &ws[k], CONNECTORS))
                {
                    continue;
                }
                let sp = Span::new(ws[i].span.start, ws[j].span.end);
                let block = overlapping(&blocked, |b| b.0, max_block, sp);
                // a partial overlap with a name the entity stage found: not ours
                if block.is_some_and(|(b, _)| !b.contains(sp) && !sp.contains(b)) {
                    continue;
                }
                key.clear();
                normalise_into(&text[sp.start..sp.end], &mut key);
                let mut cands: Vec<Candidate> = gaz.lookup_normalised(&key).collect();
                // a transliteration spelled with another article or spacing ("Qamishli",
                // "Deir Ezzor"): one or two words, not the entity stage's person or group
                if cands.is_empty() && n <= 2 && block.is_none() {
                    cands = gaz.lookup_squashed(&key);
                }
                // a country the entity stage knows by a short name ("Bosnia" for Bosnia and
                // Herzegovina): the country its canonical name names
                if cands.is_empty()
                    && let Some((_, ei)) =
                        overlapping(&placey, |p| p.0, max_placey, sp).filter(|p| p.0 == sp)
                    && doc.entities[ei].kind == EntityKind::Country
                {
                    cands = gaz
                        .lookup(&doc.entities[ei].name)
                        .into_iter()
                        .filter(|c| gaz.records[c.record as usize].kind == Kind::Country)
                        .collect();
                }
                // an acronym ("EU", "UAE", "NYC") only names a country, a region or a big
                // city, not a town that happens to be spelled the same
                let sur = &text[sp.start..sp.end];
                if sur.chars().filter(|c| is_alphabetic(*c)).count() <= 4
                    && sur.chars().all(|c| !is_alphabetic(c) || c.is_uppercase())
                {
                    cands.retain(|c| {
                        let r = &gaz.records[c.record as usize];
                        r.kind.is_wide() || r.population >= 1_000_000
                    });
                }
                if cands.is_empty() {
                    continue;
                }
                // "Sokoto State", "Kerman Province", "Orange County": a division word after
                // the name (not part of an indexed name) picks the division of that name
                if let Some(w) = ws.get(j + 1).filter(|w| w.cap && w.gap == Gap::Space) {
                    let level = match doc.slice(w.span) {
                        "State" | "Province" | "Region" | "Governorate" | "Oblast"
                        | "Prefecture" | "Territory" => Some(Kind::Admin1),
                        "County" | "District" | "Parish" | "Municipality" => Some(Kind::Admin2),
                        _ => None,
                    };
                    if let Some(level) = level
                        && cands
                            .iter()
                            .any(|c| gaz.records[c.record as usize].kind == level)
                    {
                        cands.retain(|c| gaz.records[c.record as usize].kind == level);
                    }
                }
                let mut context = false;
                if let Some((b, kind)) = block {
                    // (a hand-curated region's or sea's alternate counts: "Persian Gulf")
                    let named = i != j
                        && cands.iter().any(|c| {
                            c.primary
                                || matches!(
                                    gaz.records[c.record as usize].kind,
                                    Kind::Region | Kind::Water | Kind::Landmark
                                )
                        });
                    if sp.contains(b) && (b != sp || kind != EntityKind::Nationality) && named {
                        // the whole of a several-word place name: "Rock Hill" taken for a
                        // person, "West Bank" for a bank, "Tamil Nadu" around "Tamil"
                    } else if b.contains(sp)
                        && b.end == sp.end
                        && b.start < sp.start
                        && kind != EntityKind::Nationality
                        && text[b.start..sp.start]
                            .split_whitespace()
                            .all(|w| STOP.contains(w.trim_end_matches('.')))
                    {
                        // a qualified place taken for a name: "Northeast Texas", "Metro
                        // Vancouver", "Downtown Greer"
                    } else if b.contains(sp)
                        && b != sp
                        && matches!(kind, EntityKind::Organization | EntityKind::Group)
                    {
                        // inside an organisation's name ("Rapides Parish Fire District"):
                        // evidence for resolving the other mentions only
                        if i == j && !strong_any(gaz, &cands) {
                            continue;
                        }
                        context = true;
                    } else {
                        continue;
                    }
                }
                found = Some((j, sp, cands, context));
                break;
            }
            let Some((j, sp, cands, in_entity)) = found else {
                i += 1;
                continue;
            };
            let forced = overlapping(&placey, |p| p.0, max_placey, sp).is_some();
            if !forced && i == j && surnames.contains(&key) && !strong_any(gaz, &cands) {
                i += 1;
                continue;
            }
            let verdict = if in_entity {
                Verdict::Context
            } else if forced {
                // the entity stage's country and place names pass, unless they begin another
                // feature's name ("Niger Delta") or follow "Embassy of"
                if feature_follows(doc, ws, j, major_any(gaz, &cands)) || embassy_of(doc, ws, i) {
                    Verdict::No
                } else {
                    Verdict::Place
                }
            } else {
                accept(doc, gaz, ws, i, j, &key, &cands)
            };
            if verdict == Verdict::No {
                // a rejected several-word name ("the Near North Side") is not searched again
                // for shorter names inside it
                i = if i != j && !in_entity { j + 1 } else { i + 1 };
                continue;
            }
            if verdict == Verdict::Weak {
                weak.push((
                    key.clone(),
                    Mention {
                        span: sp,
                        first: i,
                        last: j,
                        unit: u,
                        cands,
                        qualifies: None,
                        chosen: None,
                        context: false,
                    },
                ));
                i += 1;
                continue;
            }
            if verdict == Verdict::Place {
                accepted.insert(key.clone());
            }
            mentions.push(Mention {
                span: sp,
                first: i,
                last: j,
                unit: u,
                cands,
                qualifies: None,
                chosen: None,
                context: verdict == Verdict::Context,
            });
            i = j + 1;
        }
    }
    // one sense per discourse: a name that is a place elsewhere in the document is one here too
    // ("Douma's fall" after "the city of Douma")
    // (mentions are in text order and do not overlap one another)
    let mut promoted: Vec<Mention> = Vec::new();
    for (k, m) in weak {
        if !accepted.contains(&k) {
            continue;
        }
        let at = mentions.partition_point(|o| o.span.end <= m.span.start);
        let clash = mentions.get(at).is_some_and(|o| o.span.overlaps(m.span))
            || promoted.last().is_some_and(|o| o.span.overlaps(m.span));
        if !clash {
            promoted.push(m);
        }
    }
    if !promoted.is_empty() {
        mentions.extend(promoted);
        mentions.sort_by_key(|m| m.span.start);
    }
    // "Paris, Texas": a mention followed by ", " and a mention of a wider place; likewise
    // "Walker County (Ga.)"
    for m in 1..mentions.len() {
        let (a, b) = (&mentions[m - 1], &mentions[m]);
        if a.unit == b.unit
            && b.first == a.last + 1
            && (unit_words[b.unit][b.first].gap == Gap::Comma
                || paren_after_name(text, &unit_words[b.unit], b.first))
        {
            mentions[m].qualifies = Some(m - 1);
        }
    }
    LAST_WORDS.with_borrow_mut(|c| {
        c.text.clear();
        c.text.push_str(text);
        c.units = units;
        c.words = unit_words;
    });
    resolve(gaz, &mut mentions);
    build_places(doc, gaz, &mentions);
}

/// Whether some candidate is a country, a continent, or a first-level region or city of a
/// million people or more.
fn major_any(gaz: &Gazetteer, cands: &[Candidate]) -> bool {
    cands.iter().any(|c| {
        let r = &gaz.records[c.record as usize];
        matches!(r.kind, Kind::Country | Kind::Continent) || r.population >= 1_000_000
    })
}

/// Whether some candidate is a country, continent, admin1 region, capital or big city.
fn strong_any(gaz: &Gazetteer, cands: &[Candidate]) -> bool {
    cands.iter().any(|c| {
        let r = &gaz.records[c.record as usize];
        matches!(r.kind, Kind::Country | Kind::Continent)
            || c.primary
                && (matches!(r.kind, Kind::Admin1 | Kind::Capital) || r.population >= 1_000_000)
    })
}

/// Whether the words before `i` are an organisation word and "of" ("Chamber of Commerce",
/// "Chambers of Commerce", "Embassy of the Republic of Armenia").
fn org_of_before(doc: &Doc, ws: &[Word], i: usize) -> bool {
    let mut k = i;
    if k > 0 && ws[k].gap == Gap::Space && doc.slice(ws[k - 1].span) == "the" {
        k -= 1;
    }
    k > 1
        && ws[k].gap == Gap::Space
        && ws[k - 1].gap == Gap::Space
        && doc.slice(ws[k - 1].span) == "of"
        && ws[k - 2].cap
        && {
            let w = doc.slice(ws[k - 2].span);
            ORG_WORDS.contains(w) || w.strip_suffix('s').is_some_and(|w| ORG_WORDS.contains(w))
        }
}

/// Whether the words before `i` are "Embassy of (the)": an embassy stands in another country.
fn embassy_of(doc: &Doc, ws: &[Word], i: usize) -> bool {
    org_of_before(doc, ws, i) && {
        let mut k = i - 2;
        if doc.slice(ws[i - 1].span) == "the" {
            k -= 1;
        }
        matches!(
            doc.slice(ws[k].span),
            "Embassy" | "Embassies" | "Consulate" | "Consulates"
        )
    }
}

/// Whether word `i` opens a bracket right after a capitalised word ("Walker County (Ga.)").
fn paren_after_name(text: &str, ws: &[Word], i: usize) -> bool {
    i > 0
        && ws[i].gap == Gap::Other
        && ws[i - 1].cap
        && text[ws[i - 1].span.end..ws[i].span.start].trim() == "("
}

/// Whether a matched span is a place mention, by the guards against common words, names and
/// demonyms.
fn accept(
    doc: &Doc,
    gaz: &Gazetteer,
    ws: &[Word],
    i: usize,
    j: usize,
    key: &str,
    cands: &[Candidate],
) -> Verdict {
    let surface = doc.slice(Span::new(ws[i].span.start, ws[j].span.end));
    if DEMONYMS.contains(key) {
        return Verdict::No;
    }
    // part of the name of another feature: "Washington Township", "St. Peter's Basilica"
    if feature_follows(doc, ws, j, major_any(gaz, cands)) {
        return Verdict::No;
    }
    // a landmark that names an institution ("White House aides", "White House press
    // secretary"): before a noun for its people it is the organisation, not the place
    if j + 1 < ws.len()
        && ws[j + 1].gap == Gap::Space
        && !ws[j + 1].cap
        && lower_is(doc, &ws[j + 1], ROLE_NOUNS)
        && cands
            .iter()
            .any(|c| gaz.records[c.record as usize].kind == Kind::Landmark)
    {
        return Verdict::No;
    }
    let single = i == j;
    if single && STOP.contains(surface.trim_end_matches('.')) {
        return Verdict::No;
    }
    // a person: after a given name or a title ("Michael Jordan", "Gov. Paris")
    if i > 0 && ws[i].gap == Gap::Space {
        let p = &ws[i - 1];
        let ps = doc.slice(p.span).trim_end_matches('.');
        if p.cap && (FIRST_NAMES.contains(ps) || TITLES.iter().any(|t| ps.eq_ignore_ascii_case(t)))
        {
            return Verdict::No;
        }
    }
    // a given name before a capitalised word ("Michael Jordan", "Victoria Beckham")
    if single
        && FIRST_NAMES.contains(surface)
        && ws.get(j + 1).is_some_and(|n| n.cap && n.gap == Gap::Space)
    {
        return Verdict::No;
    }
    // an initial before it ("J. Paris") or a one-letter word: a name
    if surface.chars().filter(|c| is_alphanumeric(*c)).count() < 2 {
        return Verdict::No;
    }
    // "the Embassy of the Republic of Chile in Rome": an embassy stands in another country
    if embassy_of(doc, ws, i) {
        return Verdict::No;
    }
    if strong_any(gaz, cands) {
        return Verdict::Place;
    }
    // part of a longer capitalised name ("Meadowbrook Grove Academy", "Paris Hilton"); a
    // direction or title before it does not count ("East Aleppo")
    let prev_cap = i > 0
        && (ws[i].gap == Gap::Space || ws[i].gap == Gap::Hyphen && ws[i - 1].span.len() > 1)
        && ws[i - 1].cap
        && !STOP.contains(doc.slice(ws[i - 1].span).trim_end_matches('.'))
        && !lower_is(doc, &ws[i - 1], LOCATIVE)
        && !lower_is(doc, &ws[i - 1], FUNCTION);
    // "Chamber of Commerce", "University of Mobile": after "of" that follows an
    // organisation word (but "Jane Smith of Oxford" is a person from a place)
    let of_name = org_of_before(doc, ws, i);
    let next_cap = j + 1 < ws.len()
        && ws[j + 1].gap == Gap::Space
        && ws[j + 1].cap
        && !lower_is(doc, &ws[j + 1], TITLES);
    // the head of a name: "Chamber of Commerce", "Bank of Ireland"
    // ("Summit of the Americas")
    let head_of = j + 2 < ws.len()
        && ws[j + 1].gap == Gap::Space
        && ws[j + 2].gap == Gap::Space
        && doc.slice(ws[j + 1].span) == "of"
        && (ws[j + 2].cap
            || doc.slice(ws[j + 2].span) == "the"
                && ws.get(j + 3).is_some_and(|w| w.cap && w.gap == Gap::Space));
    if prev_cap || next_cap || of_name || head_of {
        return if i != j {
            Verdict::Context
        } else {
            Verdict::No
        };
    }
    // a surname: "Baker said"
    if j + 1 < ws.len()
        && ws[j + 1].gap == Gap::Space
        && lower_is(
            doc,
            &ws[j + 1],
            &["said", "says", "told", "added", "wrote", "asked"],
        )
    {
        return Verdict::No;
    }
    // "the White House", "the Pentagon": a town's name after "the" is a building or an
    // organisation...
    let after_the = i > 0 && ws[i].gap == Gap::Space && doc.slice(ws[i - 1].span) == "the";
    // ... when "the X" is a whole noun phrase: before a verb or at the end of a clause
    // ("the White House said"), not a modifier ("the Newark police")
    let head =
        j + 1 >= ws.len() || ws[j + 1].gap != Gap::Space || lower_is(doc, &ws[j + 1], HEAD_VERBS);
    if after_the
        && head
        && cands.iter().all(|c| {
            let r = &gaz.records[c.record as usize];
            matches!(r.kind, Kind::City | Kind::Capital | Kind::Landmark)
                && !r.name.starts_with("The ")
        })
    {
        return Verdict::No;
    }
    // hand-curated regions, seas and landmarks need no further evidence
    if cands.iter().any(|c| {
        matches!(
            gaz.records[c.record as usize].kind,
            Kind::Region | Kind::Water | Kind::Landmark
        )
    }) {
        return Verdict::Place;
    }
    let zipf = if single {
        COMMON.get(key).copied()
    } else {
        None
    };
    let all_alt = cands.iter().all(|c| !c.primary);
    if zipf.is_none() && !ws[i].initial && !all_alt {
        return Verdict::Place;
    }
    // weak: a common word, a sentence-initial capital, or only an alternate name
    let prep =
        i > 0 && ws[i].gap == Gap::Space && !ws[i - 1].cap && lower_is(doc, &ws[i - 1], LOCATIVE);
    let qualified = j + 1 < ws.len() && ws[j + 1].gap == Gap::Comma && ws[j + 1].cap && {
        // ", Texas" / ", Syria"
        let mut k = j + 2;
        while k < ws.len() && ws[k].gap == Gap::Space && ws[k].cap {
            k += 1;
        }
        (j + 2..=k).rev().any(|e| {
            let s = doc.slice(Span::new(ws[j + 1].span.start, ws[e - 1].span.end));
            gaz.lookup(s).iter().any(|c| {
                matches!(
                    gaz.records[c.record as usize].kind,
                    Kind::Admin1 | Kind::Country
                )
            })
        })
    };
    let yes = match zipf {
        Some(z) if z >= 4.5 || ws[i].initial => prep || qualified,
        Some(_) => prep || qualified || !ws[i].initial,
        None => prep || qualified || !all_alt || !ws[i].initial,
    };
    if yes { Verdict::Place } else { Verdict::Weak }
}

/// Prior score of a candidate: size and kind; alternate names count less.
fn prior(r: &Record, c: Candidate) -> f32 {
    let kind = match r.kind {
        Kind::Country => 4.0,
        Kind::Continent => 4.0,
        Kind::Admin1 => 0.5,
        Kind::Capital => 2.5,
        Kind::Region | Kind::Water | Kind::Landmark => 1.0,
        Kind::Admin2 => 0.3,
        Kind::City => 0.0,
    };
    // alternate names of hand-curated regions and seas ("Atlantic") and of countries are
    // their usual short forms; other alternates are foreign or historical names
    let alt = if c.primary
        || matches!(
            r.kind,
            Kind::Region | Kind::Water | Kind::Landmark | Kind::Country
        ) {
        0.0
    } else {
        -2.5
    };
    ((r.population as f32) + 10.0).log10() + kind + alt
}

/// Weight of country and admin1 support from the rest of the document.
const COUNTRY_W: f32 = 1.5;
const ADMIN_W: f32 = 2.0;
/// Support counts up to this much (about two other clear mentions).
const SUPPORT_CAP: f32 = 2.0;
/// A town smaller than this, in a country that nothing else in the document points to, is
/// dropped when other places give the document a focus.
const UNSUPPORTED_TOWN: u64 = 10_000;

/// Resolve every mention. Each distinct name spreads a probability over its candidates
/// (from the prior, then from the scores of the previous round); a candidate gains support from
/// the probability the *other* names put on its country and on its admin1 region, so that places
/// named together agree ("Gainesville" with "Hall County" → both in Georgia). A ", Texas"
/// qualifier outweighs everything.
fn resolve<'g>(gaz: &'g Gazetteer, mentions: &mut [Mention]) {
    // distinct names, by their candidate list
    let mut names: Vec<&[Candidate]> = Vec::new();
    let mut name_of: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut seen: FxHashMap<&[Candidate], usize> = FxHashMap::default();
    for m in mentions.iter() {
        let n = *seen.entry(m.cands.as_slice()).or_insert_with(|| {
            names.push(&m.cands);
            names.len() - 1
        });
        name_of.push(n);
    }
    // qualifier: the candidates of the mention qualifying each mention ("Paris" ← "Texas")
    let mut qualifier: Vec<Option<usize>> = vec![None; mentions.len()];
    for (k, m) in mentions.iter().enumerate() {
        if let Some(q) = m.qualifies {
            qualifier[q] = Some(k);
        }
    }
    let key = |r: &'g Record| (&*r.country, r.admin1);
    let mut scores: Vec<Vec<f32>> = names
        .iter()
        .map(|cs| {
            cs.iter()
                .map(|&c| prior(&gaz.records[c.record as usize], c))
                .collect()
        })
        .collect();
    // a big city named like the first-level region it lies in ("New York", "São Paulo",
    // "Rio de Janeiro") is, in news, the city
    for (n, cs) in names.iter().enumerate() {
        for (ci, c) in cs.iter().enumerate() {
            let r = &gaz.records[c.record as usize];
            if matches!(r.kind, Kind::City | Kind::Capital)
                && r.population >= 1_000_000
                && cs.iter().any(|a| {
                    let ar = &gaz.records[a.record as usize];
                    ar.kind == Kind::Admin1 && ar.country == r.country && ar.admin1 == r.admin1
                })
            {
                scores[n][ci] += 4.0;
            }
            if matches!(r.kind, Kind::City | Kind::Capital)
                && r.population >= 100_000
                && r.population < 1_000_000
                && cs.iter().any(|a| {
                    let ar = &gaz.records[a.record as usize];
                    ar.kind == Kind::Admin1 && ar.country == r.country && ar.admin1 == r.admin1
                })
            {
                scores[n][ci] += 2.0;
            }
            // likewise a city named like the district around it ("Geneva", "Aleppo"):
            // the district's larger population must not outweigh the city
            if matches!(r.kind, Kind::City | Kind::Capital)
                && r.population >= 100_000
                && cs.iter().any(|a| {
                    let ar = &gaz.records[a.record as usize];
                    ar.kind == Kind::Admin2 && ar.country == r.country && ar.admin1 == r.admin1
                })
            {
                scores[n][ci] += 1.0;
            }
        }
    }
    let priors = scores.clone();
    // the last round's probability mass per name and in all on each country
    let mut last_country: (Vec<FxHashMap<&str, f32>>, FxHashMap<&str, f32>) = Default::default();
    for _round in 0..2 {
        // probability mass per name on countries and admin1 regions
        let mut country_mass: Vec<FxHashMap<&str, f32>> = Vec::with_capacity(names.len());
        let mut admin_mass: Vec<FxHashMap<(&'g str, u32), f32>> = Vec::with_capacity(names.len());
        let mut country_tot: FxHashMap<&str, f32> = FxHashMap::default();
        let mut admin_tot: FxHashMap<(&'g str, u32), f32> = FxHashMap::default();
        for (n, cs) in names.iter().enumerate() {
            let top = scores[n].iter().copied().fold(f32::MIN, f32::max);
            let ws: Vec<f32> = scores[n]
                .iter()
                .map(|s| 10f32.powf(0.5 * (s - top)))
                .collect();
            let sum: f32 = ws.iter().sum();
            let mut cm: FxHashMap<&str, f32> = FxHashMap::default();
            let mut am: FxHashMap<(&'g str, u32), f32> = FxHashMap::default();
            for (c, w) in cs.iter().zip(&ws) {
                let r = &gaz.records[c.record as usize];
                if r.country.is_empty() {
                    continue;
                }
                *cm.entry(&r.country).or_default() += w / sum;
                if r.admin1 != 0 && !r.kind.is_wide() {
                    *am.entry(key(r)).or_default() += w / sum;
                }
            }
            for (k, v) in &cm {
                *country_tot.entry(k).or_default() += v;
            }
            for (k, v) in &am {
                *admin_tot.entry(*k).or_default() += v;
            }
            country_mass.push(cm);
            admin_mass.push(am);
        }
        for (n, cs) in names.iter().enumerate() {
            for (ci, c) in cs.iter().enumerate() {
                let r = &gaz.records[c.record as usize];
                let mut s = priors[n][ci];
                if !r.country.is_empty() {
                    let own = country_mass[n].get(&*r.country).copied().unwrap_or(0.0);
                    let other = country_tot.get(&*r.country).copied().unwrap_or(0.0) - own;
                    s += COUNTRY_W * other.clamp(0.0, SUPPORT_CAP);
                    if r.admin1 != 0 && !r.kind.is_wide() {
                        let k = key(r);
                        let own = admin_mass[n].get(&k).copied().unwrap_or(0.0);
                        let other = admin_tot.get(&k).copied().unwrap_or(0.0) - own;
                        s += ADMIN_W * other.clamp(0.0, SUPPORT_CAP);
                    }
                }
                scores[n][ci] = s;
            }
        }
        last_country = (country_mass, country_tot);
    }
    // per name, the place a qualified mention of it settled on ("Paris, Texas" ... "Paris"),
    // or u32::MAX when qualified mentions disagree
    let mut settled: Vec<Option<u32>> = vec![None; names.len()];
    let placed_names = last_country.0.iter().filter(|m| !m.is_empty()).count();
    for k in 0..mentions.len() {
        let n = name_of[k];
        let mut best: Option<(f32, u32)> = None;
        let mut best_inside = false;
        for (ci, &c) in mentions[k].cands.iter().enumerate() {
            let r = &gaz.records[c.record as usize];
            let mut s = scores[n][ci];
            if let Some(q) = qualifier[k] {
                // "Paris, Texas": the candidate must lie in the qualifying place
                let inside = mentions[q].cands.iter().any(|qc| {
                    let qr = &gaz.records[qc.record as usize];
                    match qr.kind {
                        Kind::Country => qr.country == r.country,
                        Kind::Admin1 => qr.country == r.country && qr.admin1 == r.admin1,
                        _ => false,
                    }
                });
                if inside {
                    s += 10.0;
                }
                if best.is_none_or(|b| s > b.0) {
                    best_inside = inside;
                }
            }
            if best.is_none_or(|b| s > b.0) {
                best = Some((s, c.record));
            }
        }
        if best_inside && let Some((_, rec)) = best {
            settled[n] = match settled[n] {
                None => Some(rec),
                Some(r) if r == rec => Some(r),
                Some(_) => Some(u32::MAX),
            };
        }
        // a small town of a country nothing else in the document points to, while other
        // places do give the document a focus ("Bains" in a story about Nassau): more likely
        // a namesake the gazetteer lacks than that town
        if let Some((_, rec)) = best
            && qualifier[k].is_none()
        {
            let r = &gaz.records[rec as usize];
            let (cm, ct) = &last_country;
            let own = cm[n].get(&*r.country).copied().unwrap_or(0.0);
            let other = ct.get(&*r.country).copied().unwrap_or(0.0) - own;
            // other names that point to some country
            let others = placed_names - usize::from(!cm[n].is_empty());
            if matches!(r.kind, Kind::City | Kind::Admin2)
                && r.population < UNSUPPORTED_TOWN
                && other < 0.05
                && others >= 1
            {
                best = None;
            }
        }
        mentions[k].chosen = best.map(|b| b.1);
    }
    // one sense per document: the other mentions of a qualified name are the same place
    for k in 0..mentions.len() {
        if qualifier[k].is_none()
            && let Some(rec) = settled[name_of[k]]
            && rec != u32::MAX
        {
            mentions[k].chosen = Some(rec);
        }
    }
}

fn build_places(doc: &mut Doc, gaz: &Gazetteer, mentions: &[Mention]) {
    let mut by_record: FxHashMap<u32, usize> = FxHashMap::default();
    let mut places: Vec<Place> = Vec::new();
    for m in mentions.iter().filter(|m| !m.context) {
        let Some(rec) = m.chosen else { continue };
        let idx = *by_record.entry(rec).or_insert_with(|| {
            let r = &gaz.records[rec as usize];
            let admin1 = gaz.admin1_of(r);
            places.push(Place {
                name: r.name.to_string(),
                geonameid: (r.geonameid != 0).then_some(r.geonameid),
                country: (!r.country.is_empty()).then(|| r.country.to_string()),
                admin1: (!admin1.is_empty() && r.kind != Kind::Admin1).then(|| admin1.to_string()),
                lat: Some(f64::from(r.lat)),
                lon: Some(f64::from(r.lon)),
                feature: Some(r.kind.feature()),
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[idx].mentions.push(m.span);
    }
    for e in doc.entities.iter_mut() {
        if matches!(e.kind, EntityKind::Country | EntityKind::Place) {
            e.place = places
                .iter()
                .position(|p| p.mentions.iter().any(|s| e.mentions.contains(s)));
        }
    }
    doc.places = places;
}
