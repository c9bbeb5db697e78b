//! The toll lexicons, read once from the text files in `crates/toll/lexicon/`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The hasher of the word tables: FxHash from `rustc-hash` (keys are our own lexicon words, so
/// flooding is no concern). The standard SipHash was a tenth of this stage's time.
pub(crate) type WordBuild = rustc_hash::FxBuildHasher;

/// What a cue says happened to the victims. `Shot` is internal: people hit by gunfire or
/// in hospital, a group that may include some who died.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Killed,
    Injured,
    Missing,
    Arrested,
    Kidnapped,
    Displaced,
    Shot,
}

/// Where a cue's victims are written, see `lexicon/cues.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Pass,
    /// Like `Pass`, but only after a form of "be".
    PassBe,
    Act,
    Lives,
    Toll,
    /// An injury noun after a verb or preposition of suffering ("suffered a gunshot wound").
    Harm,
}

#[derive(Debug)]
pub(crate) struct Cue {
    pub words: Vec<&'static str>,
    pub kind: Kind,
    pub role: Role,
}

/// How a qualifier before a number changes its reading, see `lexicon/qualifiers.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Exact,
    Gt,
    Ge,
    Lt,
    Le,
    Near,
    Approx,
    UptoApprox,
    Extra,
    Between,
}

#[derive(Debug)]
pub(crate) struct Vague {
    pub words: Vec<&'static str>,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approx: bool,
}

pub(crate) struct Lexicon {
    /// First word → cues starting with it, longest first.
    pub cues: HashMap<&'static str, Vec<Cue>, WordBuild>,
    pub qualifiers: Vec<(Vec<&'static str>, Mode)>,
    pub vague: Vec<Vague>,
    pub persons: HashSet<&'static str, WordBuild>,
    pub not_heads: HashSet<&'static str, WordBuild>,
    pub stop: HashSet<&'static str, WordBuild>,
    pub not_names: HashSet<&'static str, WordBuild>,
}

const CUES: &str = include_str!("../lexicon/cues.txt");
const QUALIFIERS: &str = include_str!("../lexicon/qualifiers.txt");
const QUANTITIES: &str = include_str!("../lexicon/quantities.txt");
const PERSONS: &str = include_str!("../lexicon/persons.txt");
const NOT_HEADS: &str = include_str!("../lexicon/not_heads.txt");
const STOP: &str = include_str!("../lexicon/stop.txt");
const NOT_NAMES: &str = include_str!("../lexicon/not_names.txt");

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(crate) fn kind_of(s: &str) -> Option<Kind> {
    Some(match s {
        "killed" => Kind::Killed,
        "injured" => Kind::Injured,
        "missing" => Kind::Missing,
        "arrested" => Kind::Arrested,
        "kidnapped" => Kind::Kidnapped,
        "displaced" => Kind::Displaced,
        "shot" => Kind::Shot,
        _ => return None,
    })
}

fn role_of(s: &str) -> Option<Role> {
    Some(match s {
        "pass" => Role::Pass,
        "passbe" => Role::PassBe,
        "act" => Role::Act,
        "lives" => Role::Lives,
        "toll" => Role::Toll,
        "harm" => Role::Harm,
        _ => return None,
    })
}

pub(crate) fn mode_of(s: &str) -> Option<Mode> {
    Some(match s {
        "gt" => Mode::Gt,
        "ge" => Mode::Ge,
        "lt" => Mode::Lt,
        "le" => Mode::Le,
        "near" => Mode::Near,
        "approx" => Mode::Approx,
        "upto_approx" => Mode::UptoApprox,
        "extra" => Mode::Extra,
        "exact" => Mode::Exact,
        "between" => Mode::Between,
        _ => return None,
    })
}

fn bound(s: &str) -> Option<u64> {
    if s == "-" {
        None
    } else {
        Some(s.parse().unwrap_or_else(|_| panic!("bad bound {s:?}")))
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut cues: HashMap<&'static str, Vec<Cue>, WordBuild> = HashMap::default();
        for l in lines(CUES) {
            let mut it = l.split_whitespace();
            let role = role_of(it.next().unwrap_or_default())
                .unwrap_or_else(|| panic!("cues.txt: bad role in {l:?}"));
            let kind = kind_of(it.next().unwrap_or_default())
                .unwrap_or_else(|| panic!("cues.txt: bad kind in {l:?}"));
            let words: Vec<&'static str> = it.collect();
            assert!(!words.is_empty(), "cues.txt: no phrase in {l:?}");
            cues.entry(words[0])
                .or_default()
                .push(Cue { words, kind, role });
        }
        for v in cues.values_mut() {
            v.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        let mut qualifiers: Vec<(Vec<&'static str>, Mode)> = lines(QUALIFIERS)
            .map(|l| {
                let (p, m) = l
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("qualifiers.txt: {l:?}"));
                let mode = mode_of(m.trim()).unwrap_or_else(|| panic!("qualifiers.txt: {l:?}"));
                (p.split_whitespace().collect(), mode)
            })
            .collect();
        qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut vague: Vec<Vague> = lines(QUANTITIES)
            .map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                assert_eq!(f.len(), 4, "quantities.txt: {l:?}");
                Vague {
                    words: f[0].split_whitespace().collect(),
                    min: bound(f[1]),
                    max: bound(f[2]),
                    approx: f[3] == "true",
                }
            })
            .collect();
        vague.sort_by_key(|v| std::cmp::Reverse(v.words.len()));
        Lexicon {
            cues,
            qualifiers,
            vague,
            persons: lines(PERSONS).collect(),
            not_heads: lines(NOT_HEADS).collect(),
            stop: lines(STOP).collect(),
            not_names: lines(NOT_NAMES).collect(),
        }
    }
}

pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_loads() {
        let l = &*LEX;
        assert!(l.cues["killed"].iter().any(|c| c.role == Role::Act));
        assert!(l.cues["killed"].iter().any(|c| c.role == Role::Pass));
        assert!(l.cues["shot"][0].words.len() > 1, "longest first");
        assert!(l.persons.contains("victim"));
        assert!(l.not_heads.contains("years"));
        assert!(l.stop.contains("in"));
        assert!(l.not_names.contains("monday"));
        let dozens = l.vague.iter().find(|v| v.words == ["dozens"]).unwrap();
        assert_eq!(
            (dozens.min, dozens.max, dozens.approx),
            (Some(24), None, true)
        );
        let q = |p: &str| {
            l.qualifiers
                .iter()
                .find(|(w, _)| w.join(" ") == p)
                .unwrap()
                .1
        };
        assert_eq!(q("more than"), Mode::Gt);
        assert_eq!(q("nearly"), Mode::Near);
    }

    #[test]
    fn every_kind_has_cues() {
        let l = &*LEX;
        for k in [
            Kind::Killed,
            Kind::Injured,
            Kind::Missing,
            Kind::Arrested,
            Kind::Kidnapped,
            Kind::Displaced,
            Kind::Shot,
        ] {
            assert!(l.cues.values().flatten().any(|c| c.kind == k), "{k:?}");
        }
    }

    #[test]
    fn lexicon_words_are_lower_case() {
        let l = &*LEX;
        for c in l.cues.values().flatten() {
            for w in &c.words {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
        for w in l.persons.iter().chain(&l.stop).chain(&l.not_names) {
            assert_eq!(*w, w.to_lowercase(), "{w}");
        }
    }
}
