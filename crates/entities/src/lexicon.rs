//! The authored lexicons (`lexicon/*.txt`), read once into tables and a word trie.

use crate::dict::ActorDictionary;
use crate::scan;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub(crate) const COUNTRIES: &str = include_str!("../lexicon/countries.txt");
pub(crate) const REGIONS: &str = include_str!("../lexicon/regions.txt");
pub(crate) const IGOS: &str = include_str!("../lexicon/igos.txt");
pub(crate) const NGOS: &str = include_str!("../lexicon/ngos.txt");
pub(crate) const MEDIA: &str = include_str!("../lexicon/media.txt");
pub(crate) const ARMED_GROUPS: &str = include_str!("../lexicon/armed_groups.txt");
pub(crate) const PARTIES: &str = include_str!("../lexicon/parties.txt");
pub(crate) const INSTITUTIONS: &str = include_str!("../lexicon/institutions.txt");
pub(crate) const TITLES: &str = include_str!("../lexicon/titles.txt");
pub(crate) const HONORIFICS: &str = include_str!("../lexicon/honorifics.txt");
pub(crate) const GROUPS: &str = include_str!("../lexicon/groups.txt");
pub(crate) const GIVEN_NAMES: &str = include_str!("../lexicon/given_names.txt");
pub(crate) const PARTICLES: &str = include_str!("../lexicon/name_particles.txt");
pub(crate) const NOT_NAMES: &str = include_str!("../lexicon/not_names.txt");
pub(crate) const PLACE_WORDS: &str = include_str!("../lexicon/place_words.txt");
pub(crate) const ORG_WORDS: &str = include_str!("../lexicon/org_words.txt");
pub(crate) const OTHER_NAMES: &str = include_str!("../lexicon/other_names.txt");
pub(crate) const CITIES: &str = include_str!("../lexicon/cities.txt");
pub(crate) const MODIFIERS: &str = include_str!("../lexicon/modifiers.txt");
pub(crate) const SPEECH_VERBS: &str = include_str!("../lexicon/speech_verbs.txt");
pub(crate) const ACTORS: &str = include_str!("../lexicon/actors.txt");

/// What kind of organisation a lexicon line names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgClass {
    Igo,
    Ngo,
    Media,
    Armed,
    Party,
}

#[derive(Clone, Debug)]
pub(crate) struct Org {
    pub name: String,
    /// CAMEO code; media have "MED".
    pub code: String,
    #[allow(dead_code)]
    pub class: OrgClass,
}

#[derive(Clone, Debug)]
pub(crate) struct Country {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub(crate) struct GroupNoun {
    /// The agent code without its `~` ("GOV", "GOVFRM", "NGO").
    pub sector: String,
    /// PETRARCH's `[NGO~]`: the code goes before the country's ("NGO" + "ARN" = "NGOARN");
    /// `[~GOV]` (and every built-in noun) after it ("ARN" + "GOV" = "ARNGOV").
    pub prefix: bool,
    pub needs_country: bool,
}

impl GroupNoun {
    /// The code of this agent attached to a country (or other actor) code.
    pub fn with_country(&self, country: &str) -> String {
        if self.prefix {
            format!("{}{country}", self.sector)
        } else {
            format!("{country}{}", self.sector)
        }
    }
}

/// An agent code as written in a dictionary (`~GOV`, `NGO~`, `GOV`): the code and whether it
/// goes before the country's. A code without `~` is a sector, placed after the country's.
pub(crate) fn agent_code(code: &str) -> (String, bool) {
    let c = code.trim();
    let prefix = c.ends_with('~') && !c.starts_with('~');
    (c.trim_matches('~').to_ascii_uppercase(), prefix)
}

/// What a lexicon phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HitKind {
    Org(u32),
    Country(u32),
    /// A demonym: country index, or `None` for regional/ethnic adjectives.
    Demonym(Option<u32>),
    /// An honorific written before a name; the sector index into `sectors` (0 = none).
    Honorific(u16),
    /// A role word; the sector index.
    Title(u16),
    Group(u32),
}

impl HitKind {
    fn rank(self) -> u8 {
        match self {
            HitKind::Org(_) => 0,
            HitKind::Country(_) => 1,
            HitKind::Demonym(_) => 2,
            HitKind::Honorific(_) => 3,
            HitKind::Title(_) => 4,
            HitKind::Group(_) => 5,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Hit {
    pub kind: HitKind,
    /// The words as written in the lexicon (for case-sensitive matching).
    pub form: Vec<Box<str>>,
    pub case_insensitive: bool,
}

#[derive(Debug, Default)]
struct Node {
    next: HashMap<Box<str>, u32>,
    hits: Vec<Hit>,
}

#[derive(Debug)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
}

impl Trie {
    fn new() -> Self {
        Trie {
            nodes: vec![Node::default()],
        }
    }

    fn insert(&mut self, phrase: &str, kind: HitKind, case_insensitive: bool) {
        let words = scan::words(phrase);
        if words.is_empty() {
            return;
        }
        let mut n = 0u32;
        for w in &words {
            let k: Box<str> = w.to_lowercase().into();
            let next = match self.nodes[n as usize].next.get(&k) {
                Some(&x) => x,
                None => {
                    let x = self.nodes.len() as u32;
                    self.nodes.push(Node::default());
                    self.nodes[n as usize].next.insert(k, x);
                    x
                }
            };
            n = next;
        }
        let hits = &mut self.nodes[n as usize].hits;
        let form: Vec<Box<str>> = words.iter().map(|w| Box::<str>::from(*w)).collect();
        if hits.iter().any(|h| h.kind == kind && h.form == form) {
            return;
        }
        hits.push(Hit {
            kind,
            form,
            case_insensitive,
        });
        hits.sort_by_key(|h| h.kind.rank());
    }

    /// The node reached by a phrase of lower-case words joined by spaces.
    fn node_of(&self, key: &str) -> Option<u32> {
        let mut n = 0u32;
        for w in key.split(' ') {
            n = *self.nodes[n as usize].next.get(w)?;
        }
        Some(n)
    }

    /// Insert a group noun (matched case-insensitively) ahead of any other group noun with the
    /// same words.
    fn insert_group_first(&mut self, key: &str, idx: u32) {
        self.insert(key, HitKind::Group(idx), true);
        let Some(n) = self.node_of(key) else { return };
        let hits = &mut self.nodes[n as usize].hits;
        if let Some(i) = hits.iter().position(|h| h.kind == HitKind::Group(idx)) {
            let h = hits.remove(i);
            // before the built-in group nouns and organisations of the same words: a user's
            // agents dictionary decides what its words are ("MSF [NGO~]" composes with a
            // country after it, where the built-in organisation would not)
            let at = hits
                .iter()
                .position(|x| matches!(x.kind, HitKind::Group(_) | HitKind::Org(_)))
                .unwrap_or(hits.len());
            hits.insert(at, h);
        }
    }

    /// The longest phrase starting at `start`: `(words, hit)`. `lower` are the lower-cased words,
    /// `text` the words as written; `caps` allows case-insensitive matching of every phrase
    /// (all-capitals text) except the short ones that are also common English words.
    pub fn longest<'a>(
        &'a self,
        lower: &[&str],
        text: &[&str],
        start: usize,
        caps: bool,
    ) -> Option<(usize, &'a Hit)> {
        let mut n = 0usize;
        let mut best = None;
        for (i, w) in lower[start..].iter().enumerate() {
            let Some(&x) = self.nodes[n].next.get(*w) else {
                break;
            };
            n = x as usize;
            let len = i + 1;
            for h in &self.nodes[n].hits {
                let ok = h.case_insensitive
                    || h.form
                        .iter()
                        .zip(&text[start..start + len])
                        .all(|(a, b)| **a == **b)
                    || (caps && caps_safe(&h.form));
                if ok {
                    best = Some((len, h));
                    break;
                }
            }
        }
        best
    }
}

/// Short all-capital forms that are ordinary words in all-capitals headlines.
fn caps_safe(form: &[Box<str>]) -> bool {
    const UNSAFE: &[&str] = &[
        "is",
        "it",
        "as",
        "at",
        "an",
        "or",
        "in",
        "on",
        "no",
        "so",
        "to",
        "be",
        "we",
        "he",
        "me",
        "my",
        "by",
        "do",
        "go",
        "up",
        "of",
        "if",
        "am",
        "us",
        "ap",
        "who",
        "care",
        "amnesty",
        "labour",
        "democrats",
        "republicans",
        "conservatives",
        "ria",
        "fars",
        "chad",
        "turkey",
        "guinea",
        "jordan",
        "georgia",
        "niger",
        "china",
        "ec",
        "era",
        "eta",
        "irc",
        "nrc",
        "rt",
        "milf",
        "npa",
        "il",
    ];
    !(form.len() == 1 && UNSAFE.contains(&form[0].to_lowercase().as_str()))
}

/// Read-only resources for this stage, loaded once.
#[derive(Debug)]
pub struct Resources {
    pub(crate) trie: Trie,
    pub(crate) countries: Vec<Country>,
    pub(crate) country_by_code: HashMap<String, u32>,
    pub(crate) orgs: Vec<Org>,
    pub(crate) groups: Vec<GroupNoun>,
    /// Sector strings; index 0 is "no sector".
    pub(crate) sectors: Vec<String>,
    pub(crate) given: HashSet<String>,
    pub(crate) particles: HashSet<String>,
    pub(crate) not_names: HashSet<String>,
    pub(crate) place_prefix: HashSet<String>,
    pub(crate) place_suffix: HashSet<String>,
    pub(crate) org_suffix: HashSet<String>,
    pub(crate) org_head: HashSet<String>,
    pub(crate) org_prefix: HashSet<String>,
    pub(crate) modifiers: HashSet<String>,
    pub(crate) other_suffix: HashSet<String>,
    /// Lower-case city names (one string a name, words joined by spaces).
    pub(crate) cities: HashSet<String>,
    /// Lower-case city name → its country's code (`cities.txt` lines with a code).
    pub(crate) city_country: HashMap<String, String>,
    /// The most words of a city name.
    pub(crate) city_words: usize,
    pub(crate) speech: HashSet<String>,
    /// The authored dictionary (`lexicon/actors.txt`).
    pub(crate) builtin: ActorDictionary,
    /// Dictionaries added by the user, consulted first (latest first) and matched in the text.
    pub(crate) user: Vec<ActorDictionary>,
}

impl Default for Resources {
    fn default() -> Self {
        Self::load()
    }
}

fn content_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

fn word_set(text: &str) -> HashSet<String> {
    content_lines(text)
        .flat_map(|l| l.split_whitespace())
        .map(str::to_string)
        .collect()
}

fn target_is_org(prefix_set: u8) -> bool {
    prefix_set == 2
}

impl Resources {
    /// Read every lexicon. Panics only if a lexicon file shipped with the crate is malformed,
    /// which the tests rule out.
    pub fn load() -> Resources {
        let mut r = Resources {
            trie: Trie::new(),
            countries: Vec::new(),
            country_by_code: HashMap::default(),
            orgs: Vec::new(),
            groups: Vec::new(),
            sectors: vec![String::new()],
            given: word_set(GIVEN_NAMES),
            particles: word_set(PARTICLES),
            not_names: word_set(NOT_NAMES)
                .into_iter()
                .map(|w| w.to_lowercase())
                .collect(),
            place_prefix: HashSet::default(),
            place_suffix: HashSet::default(),
            org_suffix: HashSet::default(),
            org_head: HashSet::default(),
            org_prefix: HashSet::default(),
            modifiers: word_set(MODIFIERS),
            other_suffix: word_set(OTHER_NAMES),
            cities: content_lines(CITIES)
                .map(|l| crate::dict::key_of(scan::words(l.split('|').next().unwrap_or(""))))
                .collect(),
            city_country: content_lines(CITIES)
                .filter_map(|l| {
                    let (name, code) = l.split_once('|')?;
                    Some((
                        crate::dict::key_of(scan::words(name)),
                        code.trim().to_string(),
                    ))
                })
                .collect(),
            city_words: content_lines(CITIES)
                .map(|l| scan::words(l.split('|').next().unwrap_or("")).len())
                .max()
                .unwrap_or(1),
            speech: word_set(SPEECH_VERBS),
            builtin: ActorDictionary::parse(ACTORS).expect("lexicon/actors.txt"),
            user: Vec::new(),
        };
        for line in content_lines(COUNTRIES) {
            let mut f = line.split('|').map(str::trim);
            let code = f.next().expect("country code").to_string();
            let names: Vec<&str> = split_list(f.next().unwrap_or("")).collect();
            let idx = r.countries.len() as u32;
            r.countries.push(Country {
                code: code.clone(),
                name: names.first().expect("country name").to_string(),
            });
            r.country_by_code.insert(code, idx);
            for n in names {
                r.trie.insert(n, HitKind::Country(idx), false);
            }
            for d in split_list(f.next().unwrap_or("")) {
                r.trie.insert(d, HitKind::Demonym(Some(idx)), false);
            }
        }
        for line in content_lines(REGIONS) {
            for d in split_list(line) {
                r.trie.insert(d, HitKind::Demonym(None), false);
            }
        }
        for (text, class) in [
            (IGOS, OrgClass::Igo),
            (NGOS, OrgClass::Ngo),
            (ARMED_GROUPS, OrgClass::Armed),
            (PARTIES, OrgClass::Party),
            (INSTITUTIONS, OrgClass::Party),
            (MEDIA, OrgClass::Media),
        ] {
            for line in content_lines(text) {
                let (code, names) = match class {
                    OrgClass::Media => ("MED", line),
                    _ => {
                        let (c, n) = line.split_once('|').expect("CODE | names");
                        (c.trim(), n)
                    }
                };
                let names: Vec<&str> = split_list(names).collect();
                let idx = r.orgs.len() as u32;
                r.orgs.push(Org {
                    name: names[0].trim_start_matches("the ").to_string(),
                    code: code.to_string(),
                    class,
                });
                for n in names {
                    r.trie.insert(n, HitKind::Org(idx), false);
                    // British and American spellings of the same name
                    for (a, b) in [
                        ("Organization", "Organisation"),
                        ("Organisation", "Organization"),
                        ("Co-operation", "Cooperation"),
                        ("Cooperation", "Co-operation"),
                        ("Defense", "Defence"),
                        ("Defence", "Defense"),
                        ("Programme", "Program"),
                        ("Labour", "Labor"),
                    ] {
                        if n.contains(a) {
                            r.trie.insert(&n.replace(a, b), HitKind::Org(idx), false);
                        }
                    }
                }
            }
        }
        for line in content_lines(TITLES) {
            let (words, sector) = line.split_once('|').expect("title | SECTOR");
            let s = r.sector(sector.trim());
            r.trie.insert(words.trim(), HitKind::Title(s), true);
        }
        for line in content_lines(HONORIFICS) {
            let (words, sector) = line.split_once('|').expect("honorific | SECTOR");
            let s = r.sector(sector.trim());
            r.trie.insert(words.trim(), HitKind::Honorific(s), false);
        }
        for line in content_lines(GROUPS) {
            let mut f = line.split('|').map(str::trim);
            let words = f.next().expect("group noun");
            let sector = f.next().expect("group sector").to_string();
            let needs_country = f.next() == Some("country");
            let idx = r.groups.len() as u32;
            r.groups.push(GroupNoun {
                sector,
                prefix: false,
                needs_country,
            });
            r.trie.insert(words, HitKind::Group(idx), true);
        }
        for (text, prefix_set, suffix_set, pk, sk) in [
            (PLACE_WORDS, 0, 1, "prefix:", "suffix:"),
            (ORG_WORDS, 2, 3, "head:", "suffix:"),
        ] {
            for line in content_lines(text) {
                if let Some(rest) = line.strip_prefix("prefix:")
                    && target_is_org(prefix_set)
                {
                    r.org_prefix
                        .extend(rest.split_whitespace().map(str::to_string));
                    continue;
                }
                let (target, rest) = if let Some(rest) = line.strip_prefix(pk) {
                    (prefix_set, rest)
                } else if let Some(rest) = line.strip_prefix(sk) {
                    (suffix_set, rest)
                } else {
                    panic!("word list line without {pk}/{sk}: {line}");
                };
                let set = match target {
                    0 => &mut r.place_prefix,
                    1 => &mut r.place_suffix,
                    2 => &mut r.org_head,
                    _ => &mut r.org_suffix,
                };
                set.extend(rest.split_whitespace().map(str::to_string));
            }
        }
        r
    }

    fn sector(&mut self, s: &str) -> u16 {
        if s == "-" || s.is_empty() {
            return 0;
        }
        if let Some(i) = self.sectors.iter().position(|x| x == s) {
            return i as u16;
        }
        self.sectors.push(s.to_string());
        (self.sectors.len() - 1) as u16
    }

    /// Add a user actor dictionary (e.g. read with [`ActorDictionary::parse_petrarch`]). Its
    /// names are found in the text and its codes take precedence over the built-in ones; a
    /// dictionary added later takes precedence over one added earlier.
    pub fn with_actor_dictionary(mut self, dict: ActorDictionary) -> Resources {
        self.user.push(dict);
        self
    }

    /// Add a user actor dictionary in place (see [`Resources::with_actor_dictionary`]).
    pub fn add_actor_dictionary(&mut self, dict: ActorDictionary) {
        self.user.push(dict);
    }

    /// Add an agents dictionary: common nouns with the sector codes they give an actor
    /// ("government" `~GOV`, "foreign minister" `~GOVFRM`, "human rights organization" `NGO~`),
    /// read with [`ActorDictionary::parse_petrarch_agents`] (PETRARCH's `*.agents.txt`) or
    /// [`ActorDictionary::parse`] (dateline's format: `lawmaker; lawmakers | ~LEG`; a code
    /// without `~` counts as `~CODE`). Its nouns join the built-in group nouns and role words
    /// (`groups.txt`, `titles.txt`), taking precedence over them; a country before or around
    /// the noun ("Gondor's government", "the Gondorian ambassador", "lawmakers in Fornost") is
    /// combined with the agent's code as PETRARCH does: `~GOV` after the country's code
    /// (GONGOV), `NGO~` before it (NGOGON). With no country the agent's code stands alone.
    pub fn with_agents_dictionary(mut self, dict: ActorDictionary) -> Resources {
        self.add_agents_dictionary(dict);
        self
    }

    /// PETRARCH's reading of agents dictionaries: their nouns are the only agents. The
    /// built-in group nouns and role words still mark actors, coded by their country alone
    /// ("Gondor's militia" GON, "the mayor of Minas Tirith" GON), and a built-in noun without a
    /// country names no actor; the agents dictionaries added afterwards
    /// ([`Resources::add_agents_dictionary`]) give their nouns' codes as usual. For
    /// reproducing a PETRARCH coding whose agents dictionary is complete for its texts.
    pub fn without_builtin_agents(mut self) -> Resources {
        for g in &mut self.groups {
            g.sector.clear();
            g.prefix = false;
            g.needs_country = true;
        }
        for n in &mut self.trie.nodes {
            for h in &mut n.hits {
                if let HitKind::Title(s) | HitKind::Honorific(s) = &mut h.kind {
                    *s = 0;
                }
            }
        }
        self
    }

    /// Add an agents dictionary in place (see [`Resources::with_agents_dictionary`]).
    pub fn add_agents_dictionary(&mut self, dict: ActorDictionary) {
        let mut keys: Vec<(&str, usize)> = dict.keys().collect();
        keys.sort_unstable();
        for (key, ei) in keys {
            let Some(code) = dict.entries()[ei].code_on(None) else {
                continue;
            };
            let (code, prefix) = agent_code(code);
            // PETRARCH's pattern entries ending in a preposition ("AMBASSADOR_TO") name no
            // noun of their own; the role word alone stays the role word
            let last = key.rsplit(' ').next().unwrap_or("");
            if code.is_empty()
                || matches!(
                    last,
                    "to" | "for" | "at" | "of" | "in" | "on" | "with" | "and" | "the" | "from"
                )
            {
                continue;
            }
            // a role word ("ambassador", "foreign minister") stays one, with the agent's code
            // as its sector; a prefix code names no sector of a person's role
            let sector = if prefix { 0 } else { self.sector(&code) };
            let node = self.trie.node_of(key);
            let mut titled = false;
            if let Some(n) = node {
                for h in &mut self.trie.nodes[n as usize].hits {
                    if let HitKind::Title(s) | HitKind::Honorific(s) = &mut h.kind {
                        titled = true;
                        if !prefix {
                            *s = sector;
                        }
                    }
                }
            }
            // a built-in noun that needs a country keeps needing one ("officials" alone is
            // too vague to code)
            let needs_country = node.is_some_and(|n| {
                self.trie.nodes[n as usize].hits.iter().any(|h| {
                    // a noun cleared by `without_builtin_agents` (no sector) leaves it open
                    matches!(h.kind, HitKind::Group(g) if self.groups[g as usize].needs_country
                        && !self.groups[g as usize].sector.is_empty())
                })
            }) || titled;
            let idx = self.groups.len() as u32;
            self.groups.push(GroupNoun {
                sector: code,
                prefix,
                needs_country,
            });
            self.trie.insert_group_first(key, idx);
        }
    }

    /// The country code of a city named at tokens `lower` (lower-case words), longest first:
    /// (words, code).
    pub(crate) fn city_code(&self, lower: &[&str]) -> Option<(usize, &str)> {
        for n in (1..=self.city_words.min(lower.len())).rev() {
            if let Some(c) = self
                .city_country
                .get(&crate::dict::key_of(lower[..n].iter().copied()))
            {
                return Some((n, c.as_str()));
            }
        }
        None
    }

    /// The code of a name on a date from the user dictionaries (latest first), then the
    /// built-in one.
    pub fn actor_code(
        &self,
        name_words: &[&str],
        date: Option<jiff::civil::Date>,
    ) -> Option<String> {
        for d in self.user.iter().rev() {
            if let Some(e) = d.entry(name_words) {
                return e.code_on(date).map(str::to_string);
            }
        }
        self.builtin.lookup(name_words, date).map(str::to_string)
    }

    pub(crate) fn sector_str(&self, s: u16) -> Option<&str> {
        (s != 0).then(|| self.sectors[s as usize].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_match() {
        let r = Resources::load();
        assert!(r.countries.len() > 180);
        assert!(r.orgs.iter().any(|o| o.code == "IGOWSTNAT"));
        let words = ["Russian", "Foreign", "Minister", "Sergey", "Lavrov"];
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let (n, h) = r.trie.longest(&lower, &words, 0, false).unwrap();
        assert_eq!(n, 1);
        assert!(matches!(h.kind, HitKind::Demonym(Some(_))));
        let (n, h) = r.trie.longest(&lower, &words, 1, false).unwrap();
        assert_eq!(n, 2);
        assert!(matches!(h.kind, HitKind::Title(_)));
        assert!(r.trie.longest(&lower, &words, 3, false).is_none());
    }

    #[test]
    fn agent_codes_before_and_after_the_country() {
        assert_eq!(agent_code("~GOV"), ("GOV".to_string(), false));
        assert_eq!(agent_code(" NGO~"), ("NGO".to_string(), true));
        assert_eq!(agent_code("lab"), ("LAB".to_string(), false));
        let after = GroupNoun {
            sector: "GOVFRM".into(),
            prefix: false,
            needs_country: false,
        };
        assert_eq!(after.with_country("ARN"), "ARNGOVFRM");
        let before = GroupNoun {
            sector: "NGO".into(),
            prefix: true,
            needs_country: false,
        };
        assert_eq!(before.with_country("ARN"), "NGOARN");
        let r = Resources::load();
        assert_eq!(r.city_code(&["lahore", "police"]), Some((1, "PAK")));
        assert_eq!(r.city_code(&["kuwait", "city"]), Some((2, "KWT")));
        assert_eq!(r.city_code(&["springfield"]), None);
    }

    #[test]
    fn case_matters_except_in_capitals() {
        let r = Resources::load();
        let words = ["us"];
        assert!(r.trie.longest(&words, &words, 0, false).is_none());
        let words = ["TURKEY"];
        let lower = ["turkey"];
        assert!(r.trie.longest(&lower, &words, 0, true).is_none());
        let words = ["RUSSIA"];
        let lower = ["russia"];
        assert!(r.trie.longest(&lower, &words, 0, true).is_some());
    }

    #[test]
    fn every_org_and_country_code_is_well_formed() {
        let r = Resources::load();
        for o in &r.orgs {
            assert!(
                o.code.len() >= 3 && o.code.chars().all(|c| c.is_ascii_uppercase()),
                "{o:?}"
            );
        }
        for c in &r.countries {
            assert!(
                c.code.len() == 3 && c.code.chars().all(|c| c.is_ascii_uppercase()),
                "{c:?}"
            );
        }
    }
}
