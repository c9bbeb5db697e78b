//! The readable word lists in `lexicon/`, parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What a cue does (see `lexicon/speech_verbs.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Reports speech: direct quotes and reported clauses.
    Say,
    /// Reports speech to a recipient ("told reporters …").
    Tell,
    /// Belief or attitude: reported clauses only.
    Think,
    /// "according to X".
    Accord,
    /// Attaches direct quotations; reports a clause only after "that".
    Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// A role noun ("spokesman", "correspondent").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    /// A journalist: "our correspondent" refers to any journalist named before.
    pub press: bool,
    pub gender: Gender,
}

pub struct Lexicon {
    /// First word of a cue (lowercase) → (the following words, class).
    pub cues: HashMap<&'static str, Vec<(Vec<&'static str>, CueClass)>>,
    pub roles: HashMap<&'static str, Role>,
    pub artifacts: HashSet<&'static str>,
    pub names: HashMap<&'static str, Gender>,
}

/// Lines of a lexicon file without comments and blank lines.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

pub fn parse_cues(text: &'static str) -> HashMap<&'static str, Vec<(Vec<&'static str>, CueClass)>> {
    let mut cues: HashMap<&str, Vec<(Vec<&str>, CueClass)>> = HashMap::default();
    for line in lines(text) {
        let (class, forms) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("speech_verbs.txt: no class in {line:?}"));
        let class = match class.trim() {
            "say" => CueClass::Say,
            "tell" => CueClass::Tell,
            "think" => CueClass::Think,
            "accord" => CueClass::Accord,
            "quote" => CueClass::Quote,
            other => panic!("speech_verbs.txt: unknown class {other:?}"),
        };
        for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let mut words = form.split_whitespace();
            let first = words.next().expect("non-empty form");
            cues.entry(first)
                .or_default()
                .push((words.collect(), class));
        }
    }
    // Longest forms first, so "went on" wins over a shorter entry.
    for v in cues.values_mut() {
        v.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    cues
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let cues = parse_cues(include_str!("../lexicon/speech_verbs.txt"));
    let mut roles = HashMap::default();
    for line in lines(include_str!("../lexicon/roles.txt")) {
        let mut it = line.split_whitespace();
        let (Some(class), Some(g), Some(noun)) = (it.next(), it.next(), it.next()) else {
            panic!("roles.txt: bad line {line:?}");
        };
        let gender = match g {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        roles.insert(
            noun,
            Role {
                press: class == "press",
                gender,
            },
        );
    }
    let artifacts = lines(include_str!("../lexicon/artifacts.txt")).collect();
    let mut names = HashMap::default();
    for line in lines(include_str!("../lexicon/first_names.txt")) {
        let (g, list) = line
            .split_once(':')
            .expect("first_names.txt: gender prefix");
        let gender = if g.trim() == "f" {
            Gender::Female
        } else {
            Gender::Male
        };
        for n in list.split_whitespace() {
            names.insert(n, gender);
        }
    }
    Lexicon {
        cues,
        roles,
        artifacts,
        names,
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_parse_with_classes() {
        let l = &*LEXICON;
        let said = &l.cues["said"];
        assert!(
            said.iter()
                .any(|(r, c)| r.is_empty() && *c == CueClass::Say)
        );
        assert!(l.cues["told"].iter().any(|(_, c)| *c == CueClass::Tell));
        assert!(
            l.cues["believes"]
                .iter()
                .any(|(_, c)| *c == CueClass::Think)
        );
        let according = &l.cues["according"];
        assert_eq!(according[0].0, vec!["to"]);
        assert_eq!(according[0].1, CueClass::Accord);
        assert!(l.cues["pointed"].iter().any(|(r, _)| r == &vec!["out"]));
        assert!(l.cues["admitted"].iter().any(|(_, c)| *c == CueClass::Say));
        assert!(
            l.cues["concluded"]
                .iter()
                .any(|(_, c)| *c == CueClass::Quote)
        );
        // Every form is lowercase: matching lowercases the text, never the lexicon.
        for (first, v) in &l.cues {
            assert_eq!(*first, first.to_lowercase());
            for (rest, _) in v {
                assert!(rest.iter().all(|w| *w == w.to_lowercase()));
            }
        }
    }

    #[test]
    fn bad_class_is_rejected() {
        let r = std::panic::catch_unwind(|| parse_cues("shout: yelled\n"));
        assert!(r.is_err());
    }

    #[test]
    fn roles_artifacts_and_names() {
        let l = &*LEXICON;
        assert!(l.roles["correspondent"].press);
        assert!(!l.roles["spokesman"].press);
        assert_eq!(l.roles["spokeswoman"].gender, Gender::Female);
        assert!(l.artifacts.contains("statement"));
        assert_eq!(l.names["John"], Gender::Male);
        assert_eq!(l.names["Hillary"], Gender::Female);
        assert!(!l.names.contains_key("Kerry"));
    }
}
