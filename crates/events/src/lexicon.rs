//! Loading the readable lexicon files (`lexicon/*.txt`, see `lexicon/README.txt`) into lookup
//! tables: CAMEO codes, trigger patterns indexed by their first word, cues, and a table from
//! every inflected surface form to the lemmas it may stand for.

use std::collections::HashMap;

/// The lexicon files, embedded at compile time: (file name, contents).
pub(crate) const FILES: &[(&str, &str)] = &[
    (
        "01-statement.txt",
        include_str!("../lexicon/01-statement.txt"),
    ),
    ("02-appeal.txt", include_str!("../lexicon/02-appeal.txt")),
    ("03-intent.txt", include_str!("../lexicon/03-intent.txt")),
    ("04-consult.txt", include_str!("../lexicon/04-consult.txt")),
    (
        "05-diplomatic.txt",
        include_str!("../lexicon/05-diplomatic.txt"),
    ),
    (
        "06-material-coop.txt",
        include_str!("../lexicon/06-material-coop.txt"),
    ),
    ("07-aid.txt", include_str!("../lexicon/07-aid.txt")),
    ("08-yield.txt", include_str!("../lexicon/08-yield.txt")),
    (
        "09-investigate.txt",
        include_str!("../lexicon/09-investigate.txt"),
    ),
    ("10-demand.txt", include_str!("../lexicon/10-demand.txt")),
    (
        "11-disapprove.txt",
        include_str!("../lexicon/11-disapprove.txt"),
    ),
    ("12-reject.txt", include_str!("../lexicon/12-reject.txt")),
    (
        "13-threaten.txt",
        include_str!("../lexicon/13-threaten.txt"),
    ),
    ("14-protest.txt", include_str!("../lexicon/14-protest.txt")),
    (
        "15-force-posture.txt",
        include_str!("../lexicon/15-force-posture.txt"),
    ),
    (
        "16-reduce-relations.txt",
        include_str!("../lexicon/16-reduce-relations.txt"),
    ),
    ("17-coerce.txt", include_str!("../lexicon/17-coerce.txt")),
    ("18-assault.txt", include_str!("../lexicon/18-assault.txt")),
    ("19-fight.txt", include_str!("../lexicon/19-fight.txt")),
    (
        "20-mass-violence.txt",
        include_str!("../lexicon/20-mass-violence.txt"),
    ),
];

const CUES: &str = include_str!("../lexicon/cues.txt");
const IRREGULAR: &str = include_str!("../lexicon/irregular.txt");

/// Closed-class words: never inflected when they appear in a pattern.
const CLOSED: &[&str] = &[
    "to", "for", "of", "on", "in", "at", "with", "by", "from", "into", "off", "out", "up", "down",
    "over", "the", "a", "an", "that", "as", "against", "about", "upon", "behind", "no", "not",
    "n't", "'ll", "never", "without", "if", "whether", "unless", "could", "would", "might", "may",
    "can", "should", "must", "shall", "will", "self", "himself", "herself", "between",
];

/// One CAMEO code with its codebook facts and dateline's PLOVER mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    /// PLOVER event type and mode; `None` for plain statements.
    pub plover: Option<(String, Option<String>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Elem {
    Word(u32),
    /// 0..=GAP_MAX ordinary words inside the clause.
    Gap,
}

pub(crate) const GAP_MAX: usize = 5;

#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// Index into [`Lexicon::codes`].
    pub code: usize,
    pub pattern: Vec<Elem>,
    pub noun: bool,
    pub solo: bool,
    pub mil: bool,
    /// Only an event when it has a target with an actor code ("welcomed Lavrov", not
    /// "welcomed the news").
    pub tgt: bool,
    /// Only an event between political actors (`state`): a target that is a state or a
    /// political body (a country, its government, forces or police, an armed group, an
    /// international or non-governmental organisation), or with no coded target such a source;
    /// not a sector of society ("helped the students", EDU; "the foundation funds the clinic").
    pub state: bool,
    /// Not an event (`decoy`): a phrase that holds a trigger of the family but names no event
    /// ("meet the demand", "a place to visit"); it competes with the triggers like any entry
    /// and, when it wins, its words trigger nothing.
    pub decoy: bool,
    /// The subject receives (`recv`): "Kenya received a loan from China" — the subject is the
    /// target and the actor after "from" the source.
    pub recv: bool,
    /// A noun of an act done to someone (`pat`): a person's possessive before it names the one
    /// it is done to, not the doer ("Okafor's arrest", "after his detention"), unless an "of"
    /// phrase names that one ("the militia's killing of three farmers"); a state's or a
    /// body's possessive stays the doer.
    pub pat: bool,
    /// For noun triggers: the last pattern word as written, so that verb forms of it
    /// ("according" for "accord") are not taken for the noun.
    pub noun_last: Option<String>,
    /// "FILE:LINE".
    pub rule: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    Neg,
    Plan,
    Hyp,
    Report,
}

#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub kind: CueKind,
    pub pattern: Vec<Elem>,
    /// The cue is a single word (tighter scope for modals and "no").
    pub word: String,
}

/// The event lexicon, loaded once and shared read-only.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub(crate) codes: Vec<CodeInfo>,
    code_index: HashMap<String, usize>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) by_first: HashMap<u32, Vec<u32>>,
    pub(crate) cues: Vec<Cue>,
    pub(crate) cue_by_first: HashMap<u32, Vec<u32>>,
    /// Lower-case surface form -> lemma ids it may stand for.
    pub(crate) forms: HashMap<String, Vec<u32>>,
    lemma_ids: HashMap<String, u32>,
    irregular: HashMap<String, Vec<String>>,
    /// Lemma ids that occur only in decoy patterns: the coder's "is this a lexicon word"
    /// tests ignore them, so a decoy changes no other reading of a sentence.
    pub(crate) decoy_only: std::collections::HashSet<u32>,
}

impl Lexicon {
    /// Parse the embedded lexicon files. Panics on a malformed line: the files are part of the
    /// program and a test loads them.
    pub fn load() -> Lexicon {
        match Lexicon::parse(FILES, CUES, IRREGULAR) {
            Ok(l) => l,
            Err(e) => panic!("event lexicon: {e}"),
        }
    }

    pub(crate) fn parse(
        files: &[(&str, &str)],
        cues: &str,
        irregular: &str,
    ) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        for (n, line) in irregular.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (lemma, forms) = line
                .split_once('|')
                .ok_or(format!("irregular.txt:{}: expected `lemma | forms`", n + 1))?;
            lex.irregular.insert(
                lemma.trim().to_string(),
                forms.split_whitespace().map(str::to_string).collect(),
            );
        }
        // Codes first (a trigger may precede its code line in no file, but be safe).
        for (file, text) in files {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if let Some(rest) = line.strip_prefix("code ") {
                    let f: Vec<&str> = rest.split('|').map(str::trim).collect();
                    if f.len() != 4 {
                        return Err(format!("{file}:{}: expected 4 fields", n + 1));
                    }
                    let code = f[0].to_string();
                    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(format!("{file}:{}: bad code {code:?}", n + 1));
                    }
                    let goldstein: f32 = f[1]
                        .parse()
                        .map_err(|_| format!("{file}:{}: bad Goldstein {:?}", n + 1, f[1]))?;
                    let root: u8 = code[..2].parse().unwrap_or(0);
                    let quad_class = match root {
                        1..=5 => 1,
                        6..=8 => 2,
                        9..=13 => 3,
                        14..=20 => 4,
                        _ => return Err(format!("{file}:{}: bad root in {code}", n + 1)),
                    };
                    let plover = if f[2] == "-" {
                        None
                    } else {
                        let (t, m) = match f[2].split_once('/') {
                            Some((t, m)) => (t, Some(m.to_string())),
                            None => (f[2], None),
                        };
                        Some((t.to_string(), m))
                    };
                    if lex.code_index.contains_key(&code) {
                        return Err(format!("{file}:{}: duplicate code {code}", n + 1));
                    }
                    lex.code_index.insert(code.clone(), lex.codes.len());
                    lex.codes.push(CodeInfo {
                        code,
                        name: f[3].to_string(),
                        goldstein,
                        quad_class,
                        plover,
                    });
                }
            }
        }
        for (file, text) in files {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') || line.starts_with("code ") {
                    continue;
                }
                let f: Vec<&str> = line.split('|').map(str::trim).collect();
                if f.len() < 2 || f.len() > 3 {
                    return Err(format!(
                        "{file}:{}: expected `CODE | pattern [| flags]`",
                        n + 1
                    ));
                }
                let code = *lex.code_index.get(f[0]).ok_or(format!(
                    "{file}:{}: undeclared code {}",
                    n + 1,
                    f[0]
                ))?;
                let pattern = lex.pattern(f[1]);
                if !matches!(pattern.first(), Some(Elem::Word(_)))
                    || !matches!(pattern.last(), Some(Elem::Word(_)))
                {
                    return Err(format!(
                        "{file}:{}: a pattern starts and ends with a word",
                        n + 1
                    ));
                }
                let flags: Vec<&str> = f.get(2).map_or(vec![], |s| s.split_whitespace().collect());
                for fl in &flags {
                    if !matches!(
                        *fl,
                        "n" | "solo" | "mil" | "tgt" | "state" | "decoy" | "recv" | "pat"
                    ) {
                        return Err(format!("{file}:{}: unknown flag {fl}", n + 1));
                    }
                }
                let id = lex.entries.len() as u32;
                if let Elem::Word(w) = pattern[0] {
                    lex.by_first.entry(w).or_default().push(id);
                }
                let noun_last = flags
                    .contains(&"n")
                    .then(|| f[1].split_whitespace().last().map(normalise))
                    .flatten();
                lex.entries.push(Entry {
                    code,
                    pattern,
                    noun_last,
                    noun: flags.contains(&"n"),
                    solo: flags.contains(&"solo"),
                    mil: flags.contains(&"mil"),
                    tgt: flags.contains(&"tgt"),
                    state: flags.contains(&"state"),
                    decoy: flags.contains(&"decoy"),
                    recv: flags.contains(&"recv"),
                    pat: flags.contains(&"pat"),
                    rule: format!("{file}:{}", n + 1),
                });
            }
        }
        for (n, line) in cues.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (kind, words) = line
                .split_once('|')
                .ok_or(format!("cues.txt:{}: expected `KIND | words`", n + 1))?;
            let kind = match kind.trim() {
                "neg" => CueKind::Neg,
                "plan" => CueKind::Plan,
                "hyp" => CueKind::Hyp,
                "report" => CueKind::Report,
                k => return Err(format!("cues.txt:{}: unknown cue kind {k}", n + 1)),
            };
            let pattern = lex.pattern(words.trim());
            let id = lex.cues.len() as u32;
            if let Some(Elem::Word(w)) = pattern.first() {
                lex.cue_by_first.entry(*w).or_default().push(id);
            }
            lex.cues.push(Cue {
                kind,
                pattern,
                word: words.trim().to_string(),
            });
        }
        lex.set_decoy_only();
        Ok(lex)
    }

    fn pattern(&mut self, text: &str) -> Vec<Elem> {
        text.split_whitespace()
            .map(|w| {
                if w == "*" {
                    Elem::Gap
                } else {
                    Elem::Word(self.lemma(&normalise(w)))
                }
            })
            .collect()
    }

    /// The id of a lemma, registering it and all its surface forms on first sight.
    fn lemma(&mut self, lemma: &str) -> u32 {
        if let Some(&id) = self.lemma_ids.get(lemma) {
            return id;
        }
        let id = self.lemma_ids.len() as u32;
        self.lemma_ids.insert(lemma.to_string(), id);
        let mut forms = if CLOSED.contains(&lemma) {
            vec![lemma.to_string()]
        } else {
            inflect(lemma)
        };
        if let Some(irr) = self.irregular.get(lemma) {
            forms.extend(irr.iter().cloned());
        }
        for f in forms {
            let v = self.forms.entry(f).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
        id
    }

    /// Lemma ids a (lower-case, normalised) word may stand for.
    pub(crate) fn lemmas_of(&self, lower: &str) -> &[u32] {
        self.forms.get(lower).map_or(&[], |v| v.as_slice())
    }

    /// All codes, in file order.
    pub fn codes(&self) -> &[CodeInfo] {
        &self.codes
    }

    /// Facts about one CAMEO code.
    pub fn code_info(&self, code: &str) -> Option<&CodeInfo> {
        self.code_index.get(code).map(|&i| &self.codes[i])
    }

    /// Number of trigger entries.
    pub fn trigger_count(&self) -> usize {
        self.entries.len()
    }
}

/// Extending a lexicon with entries imported from a user dictionary (`crate::petrarch`). The
/// built-in load path above does not use any of this.
impl Lexicon {
    /// dateline's codebook and cues with no trigger at all: the base for coding with an
    /// imported verb dictionary alone, as PETRARCH codes with nothing but its own.
    pub fn codebook_only() -> Lexicon {
        let codes: Vec<(&str, String)> = FILES
            .iter()
            .map(|(f, t)| {
                let kept: Vec<&str> = t
                    .lines()
                    .filter(|l| l.trim_start().starts_with("code "))
                    .collect();
                (*f, kept.join("\n"))
            })
            .collect();
        let files: Vec<(&str, &str)> = codes.iter().map(|(f, t)| (*f, t.as_str())).collect();
        match Lexicon::parse(&files, CUES, IRREGULAR) {
            Ok(l) => l,
            Err(e) => panic!("event lexicon: {e}"),
        }
    }

    /// The lemma of an imported word, with extra surface forms (a dictionary's irregular
    /// forms) added to the ones dateline generates.
    pub(crate) fn import_lemma(&mut self, word: &str, extra: &[String]) -> u32 {
        let id = self.lemma(&normalise(word));
        for f in extra {
            let v = self.forms.entry(normalise(f)).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
        id
    }

    /// Make `id` the first lemma read for the surface form `surface` (a dictionary verb
    /// written as that very word is tried before a verb the word is only a form of: PETRARCH's
    /// `LEFT` before the past of `LEAVE`); the first entry read wins a tie.
    pub(crate) fn prefer_lemma(&mut self, surface: &str, id: u32) {
        if let Some(v) = self.forms.get_mut(&normalise(surface))
            && let Some(k) = v.iter().position(|&l| l == id)
        {
            let l = v.remove(k);
            v.insert(0, l);
        }
    }

    /// A lemma that stands for any of several words (a verb block's verbs, a synset's
    /// one-word members), each with its inflections and extra forms. `name` must be unique to
    /// the group; it contains a space, so no text word can be it.
    pub(crate) fn import_group(&mut self, name: &str, members: &[(String, Vec<String>)]) -> u32 {
        let id = self.lemma(name);
        for (w, extra) in members {
            let w = normalise(w);
            let mut forms = if CLOSED.contains(&w.as_str()) {
                vec![w.clone()]
            } else {
                inflect(&w)
            };
            if let Some(irr) = self.irregular.get(&w) {
                forms.extend(irr.iter().cloned());
            }
            forms.extend(extra.iter().map(|f| normalise(f)));
            for f in forms {
                let v = self.forms.entry(f).or_default();
                if !v.contains(&id) {
                    v.push(id);
                }
            }
        }
        id
    }

    /// The index of a code in the codebook. A code the codebook does not know (3 or 4
    /// digits, root 01-20) is added under its nearest known parent ("1722" under "172", else
    /// the root's "170"): its name, Goldstein value and PLOVER type are the parent's.
    pub(crate) fn import_code(&mut self, code: &str) -> Result<usize, String> {
        if let Some(&i) = self.code_index.get(code) {
            return Ok(i);
        }
        if !(3..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("code {code:?} is not a CAMEO code (3-4 digits)"));
        }
        let root: u8 = code[..2].parse().unwrap_or(0);
        if !(1..=20).contains(&root) {
            return Err(format!("code {code:?} has no CAMEO root (01-20)"));
        }
        let parent = (2..code.len())
            .rev()
            .find_map(|k| {
                let p = &code[..k];
                self.code_index
                    .get(p)
                    .or_else(|| self.code_index.get(&format!("{p}0")))
            })
            .copied()
            .ok_or_else(|| format!("code {code:?}: root {root:02} has no base code"))?;
        let p = self.codes[parent].clone();
        let i = self.codes.len();
        self.code_index.insert(code.to_string(), i);
        self.codes.push(CodeInfo {
            code: code.to_string(),
            ..p
        });
        Ok(i)
    }

    /// Add imported entries. They are tried before the entries already there (a user
    /// pattern wins a tie with a built-in one), in the order given.
    pub(crate) fn import_entries(&mut self, entries: Vec<Entry>) {
        let mut firsts: HashMap<u32, Vec<u32>> = HashMap::new();
        let mut order: Vec<u32> = Vec::new();
        for e in entries {
            let id = self.entries.len() as u32;
            if let Some(Elem::Word(w)) = e.pattern.first() {
                let v = firsts.entry(*w).or_default();
                if v.is_empty() {
                    order.push(*w);
                }
                v.push(id);
            }
            self.entries.push(e);
        }
        for w in order {
            let mut ids = firsts.remove(&w).unwrap_or_default();
            let old = self.by_first.remove(&w).unwrap_or_default();
            ids.extend(old);
            self.by_first.insert(w, ids);
        }
        self.set_decoy_only();
    }

    /// Recompute [`Lexicon::decoy_only`]: the words of decoy patterns that no real trigger or
    /// cue pattern has.
    fn set_decoy_only(&mut self) {
        let mut real = std::collections::HashSet::new();
        let mut decoy = std::collections::HashSet::new();
        for e in &self.entries {
            for el in &e.pattern {
                if let Elem::Word(w) = el {
                    if e.decoy {
                        decoy.insert(*w);
                    } else {
                        real.insert(*w);
                    }
                }
            }
        }
        for c in &self.cues {
            for el in &c.pattern {
                if let Elem::Word(w) = el {
                    real.insert(*w);
                }
            }
        }
        self.decoy_only = decoy.difference(&real).copied().collect();
    }
}

/// Lower-case with typographic apostrophes and dashes folded.
pub(crate) fn normalise(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    normalise_into(w, &mut s);
    s
}

pub(crate) fn normalise_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
        if w.contains('`') {
            let s = out.replace('`', "'");
            out.clear();
            out.push_str(&s);
        }
        return;
    }
    for c in w.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular inflections of a word: plural / third person, past, gerund, with the usual
/// spelling changes; doubled final consonants are generated as an alternative, not instead.
pub(crate) fn inflect(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 2 || !lemma.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-') {
        return v;
    }
    let last = b[n - 1];
    let cons_y = last == b'y' && !is_vowel(b[n - 2]);
    // -s / -es / -ies
    if cons_y {
        v.push(format!("{}ies", &lemma[..n - 1]));
    } else if lemma.ends_with('s')
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        v.push(format!("{lemma}es"));
    } else {
        v.push(format!("{lemma}s"));
    }
    // past
    if last == b'e' {
        v.push(format!("{lemma}d"));
    } else if cons_y {
        v.push(format!("{}ied", &lemma[..n - 1]));
    } else {
        v.push(format!("{lemma}ed"));
    }
    // gerund
    if lemma.ends_with("ie") {
        v.push(format!("{}ying", &lemma[..n - 2]));
    } else if last == b'e' && !lemma.ends_with("ee") && !lemma.ends_with("ye") && n > 2 {
        v.push(format!("{}ing", &lemma[..n - 1]));
    } else {
        v.push(format!("{lemma}ing"));
    }
    // doubled consonant: consonant-vowel-consonant ending, not w/x/y
    if n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
    {
        let c = last as char;
        v.push(format!("{lemma}{c}ed"));
        v.push(format!("{lemma}{c}ing"));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-word lists (`public.txt`, `hazards.txt`, `verbal-objects.txt`) are matched against lowercased words:
    /// an entry with a capital, a space or punctuation, or given twice, would be a silent
    /// mistake. (`hazards.txt` is matched against whole argument words, which keep their
    /// hyphens; `public.txt` against words split at hyphens.)
    #[test]
    fn word_lists_hold_single_lowercase_words_once() {
        for (name, text) in [
            ("public.txt", include_str!("../lexicon/public.txt")),
            ("hazards.txt", include_str!("../lexicon/hazards.txt")),
            (
                "verbal-objects.txt",
                include_str!("../lexicon/verbal-objects.txt"),
            ),
        ] {
            let mut seen = std::collections::HashSet::new();
            for (n, line) in text.lines().enumerate() {
                let w = line.trim();
                if w.is_empty() || w.starts_with('#') {
                    continue;
                }
                assert!(
                    w.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' && name == "hazards.txt"),
                    "{name}:{}: {w:?} is not one lowercase word",
                    n + 1
                );
                assert!(seen.insert(w), "{name}:{}: {w:?} given twice", n + 1);
            }
            assert!(seen.len() > 20, "{name}: too few words");
        }
    }

    /// A trigger or decoy line given twice (same code, pattern and flags) is a copy made by
    /// mistake; across the family files, so a pattern moved to another file leaves no copy.
    #[test]
    fn no_trigger_line_is_given_twice() {
        let mut seen = std::collections::HashMap::new();
        for (file, text) in FILES {
            for (n, line) in text.lines().enumerate() {
                let l = line.trim();
                if l.is_empty() || l.starts_with('#') || l.starts_with("code ") {
                    continue;
                }
                let key: Vec<String> = l.split('|').map(|f| f.trim().to_lowercase()).collect();
                if let Some(first) = seen.insert(key, format!("{file}:{}", n + 1)) {
                    panic!("{file}:{}: {l:?} is given already at {first}", n + 1);
                }
            }
        }
    }

    #[test]
    fn every_file_loads_and_every_root_is_present() {
        let lex = Lexicon::load();
        for root in 1..=20 {
            let r = format!("{root:02}");
            assert!(
                lex.code_info(&format!("{r}0")).is_some(),
                "root {r} has no base code"
            );
            assert!(
                lex.entries
                    .iter()
                    .any(|e| lex.codes[e.code].code.starts_with(&r)),
                "root {r} has no trigger"
            );
        }
        assert_eq!(lex.code_info("195").unwrap().quad_class, 4);
        assert_eq!(lex.code_info("043").unwrap().goldstein, 2.8);
        assert_eq!(
            lex.code_info("043").unwrap().plover,
            Some(("CONSULT".into(), Some("visit".into())))
        );
        assert!(lex.trigger_count() > 1000);
    }

    #[test]
    fn inflections() {
        let f = inflect("meet");
        assert!(f.contains(&"meets".to_string()) && f.contains(&"meeting".to_string()));
        let f = inflect("strike");
        assert!(f.contains(&"strikes".to_string()) && f.contains(&"striking".to_string()));
        let f = inflect("ally");
        assert!(f.contains(&"allies".to_string()) && f.contains(&"allied".to_string()));
        let f = inflect("stop");
        assert!(f.contains(&"stopped".to_string()));
        let f = inflect("push");
        assert!(f.contains(&"pushes".to_string()));
        let lex = Lexicon::load();
        assert!(!lex.lemmas_of("met").is_empty());
        assert!(!lex.lemmas_of("air").is_empty());
        assert!(lex.lemmas_of("wombat").is_empty());
    }

    #[test]
    fn malformed_lines_are_reported_with_their_place() {
        let e = Lexicon::parse(
            &[("x.txt", "code 040 | 1.0 | CONSULT | Consult\n099 | meet\n")],
            "",
            "",
        )
        .unwrap_err();
        assert!(e.contains("x.txt:2"), "{e}");
        let e = Lexicon::parse(
            &[(
                "x.txt",
                "code 040 | 1.0 | CONSULT | Consult\n040 | meet | q\n",
            )],
            "",
            "",
        )
        .unwrap_err();
        assert!(e.contains("unknown flag"), "{e}");
    }
}
