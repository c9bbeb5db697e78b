//! The PETRARCH importer on the real Phoenix and validation-suite dictionaries in
//! ../shared/data/petrarch2-validation (read at test time; skipped when absent).

use dateline_entities::{ActorDictionary, Resources};
use std::path::PathBuf;

fn dict_dir() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/petrarch2-validation/petrarch2/data/dictionaries");
    if p.is_dir() {
        Some(p)
    } else {
        println!("notice: {} not found — skipping", p.display());
        None
    }
}

fn load(name: &str) -> Option<ActorDictionary> {
    let text = std::fs::read_to_string(dict_dir()?.join(name)).ok()?;
    Some(ActorDictionary::parse_petrarch(&text).unwrap_or_else(|e| panic!("{name}: {e}")))
}

fn date(s: &str) -> Option<jiff::civil::Date> {
    Some(s.parse().unwrap())
}

#[test]
fn phoenix_countries_dictionary_dated_roles() {
    let Some(d) = load("Phoenix.Countries.actors.txt") else {
        return;
    };
    assert!(d.len() > 10_000, "{} entries", d.len());
    // a politician whose role changed: the role valid at the publication date
    assert_eq!(
        d.lookup_name("John Kerry", date("2016-10-15")),
        Some("USAGOV")
    );
    assert_eq!(
        d.lookup_name("John Kerry", date("2005-06-01")),
        Some("USAGOVLEG")
    );
    assert_eq!(
        d.lookup_name("Secretary of State John Kerry", date("2016-10-15")),
        Some("USAGOV")
    );
    // country names and synonyms
    assert_eq!(d.lookup_name("Afghanistan", None), Some("AFG"));
    assert_eq!(d.lookup_name("Afghan", None), Some("AFG"));
    assert_eq!(d.lookup_name("Afghan National Army", None), Some("AFGMIL"));
    // a role that ends: before it, the undated fallback or nothing
    assert_eq!(
        d.lookup_name("Hamid Karzai", date("2005-01-01")),
        Some("AFGGOV")
    );
}

#[test]
fn phoenix_international_and_nonstate_dictionaries() {
    let Some(i) = load("Phoenix.International.actors.txt") else {
        return;
    };
    assert_eq!(i.lookup_name("United Nations", None), Some("IGOUNO"));
    assert_eq!(i.lookup_name("UNICEF", None), Some("IGOUNOKID"));
    assert_eq!(
        i.lookup_name("Ban Ki-moon", date("2010-01-01")),
        Some("IGOUNO")
    );
    // U.N._ has no code of its own and takes the next code line's
    assert_eq!(i.lookup_name("U.N.", None), Some("IGOUNO"));
    let Some(m) = load("Phoenix.MilNonState.actors.txt") else {
        return;
    };
    assert_eq!(m.lookup_name("Hezbollah", None), Some("LBNREB"));
    assert_eq!(m.lookup_name("Boko Haram", None), Some("NGAREB"));
}

#[test]
fn validation_suite_dictionary_codes_fictional_actors_in_text() {
    let Some(d) = load("PETR.Validate.actors.txt") else {
        return;
    };
    assert_eq!(d.lookup_name("Arnor", None), Some("ARN"));
    assert_eq!(d.lookup_name("Boromir", None), None);
    let res = Resources::load().with_actor_dictionary(d);
    let mut doc = dateline_doc::Doc::from_blocks(
        dateline_doc::Meta::default(),
        &[dateline_doc::BlockText {
            kind: dateline_doc::BlockKind::Paragraph,
            text: "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy.".into(),
        }],
        vec![],
    );
    dateline_segment::segment(&mut doc);
    dateline_entities::recognise(&mut doc, &res);
    let codes: Vec<(&str, Option<&str>)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.actor.as_ref().map(|a| a.code.as_str())))
        .collect();
    assert!(codes.contains(&("Arnor", Some("ARN"))), "{codes:?}");
    assert!(codes.contains(&("Gondor", Some("GON"))), "{codes:?}");
}

#[test]
fn agents_dictionaries() {
    let Some(dir) = dict_dir() else { return };
    for name in ["Phoenix.agents.txt", "PETR.Validate.agents.txt"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let d =
            ActorDictionary::parse_petrarch_agents(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(d.len() > 50, "{name}: {}", d.len());
    }
    let text = std::fs::read_to_string(dir.join("Phoenix.agents.txt")).unwrap();
    let d = ActorDictionary::parse_petrarch_agents(&text).unwrap();
    assert_eq!(d.lookup_name("farmer", None), Some("~AGR"));
    assert_eq!(d.lookup_name("cattlemen", None), Some("~AGR"));
}
