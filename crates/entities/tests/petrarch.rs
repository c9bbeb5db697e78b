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
            text: "Gondor sent a trade envoy to Arnor on Monday to talk about grain prices and river tolls.".into(),
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

/// A PETRARCH name with its article ("THE_LOW_COUNTRIES") is found mid-sentence, where the
/// article is lower-case.
#[test]
fn dictionary_names_with_an_article_mid_sentence() {
    let d = ActorDictionary::parse_petrarch("THE_LOW_COUNTRIES [BEL/NLD/LUX]\n").unwrap();
    let res = Resources::load().with_actor_dictionary(d);
    let mut doc = dateline_doc::Doc::from_blocks(
        dateline_doc::Meta::default(),
        &[dateline_doc::BlockText {
            kind: dateline_doc::BlockKind::Paragraph,
            text: "Norway, the Low Countries and Chile praised the accord.".into(),
        }],
        vec![],
    );
    dateline_segment::segment(&mut doc);
    dateline_entities::recognise(&mut doc, &res);
    let codes: Vec<Option<&str>> = doc
        .entities
        .iter()
        .map(|e| e.actor.as_ref().map(|a| a.code.as_str()))
        .collect();
    assert!(codes.contains(&Some("BEL/NLD/LUX")), "{codes:?}");
}

/// A user dictionary that codes a country otherwise than the built-in lexicon ("KUWAIT [KUW]"
/// where the built-in code is KWT) gives its code to the nationality and to composed codes.
#[test]
fn user_country_codes_reach_composed_codes() {
    let d = ActorDictionary::parse_petrarch("KUWAIT [KUW]\n").unwrap();
    let res = Resources::load().with_actor_dictionary(d);
    let mut doc = dateline_doc::Doc::from_blocks(
        dateline_doc::Meta::default(),
        &[dateline_doc::BlockText {
            kind: dateline_doc::BlockKind::Paragraph,
            text: "The Kuwaiti government protested to Kuwait's neighbours.".into(),
        }],
        vec![],
    );
    dateline_segment::segment(&mut doc);
    dateline_entities::recognise(&mut doc, &res);
    let codes: Vec<Option<&str>> = doc
        .entities
        .iter()
        .map(|e| e.actor.as_ref().map(|a| a.code.as_str()))
        .collect();
    assert!(codes.contains(&Some("KUWGOV")), "{codes:?}");
    assert!(codes.contains(&Some("KUW")), "{codes:?}");
    assert!(
        !codes.iter().flatten().any(|c| c.starts_with("KWT")),
        "{codes:?}"
    );
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

/// Actor coverage on the PETRARCH unit-test records: with the suite's own actor dictionary,
/// how many expected source/target codes are among the codes of the entities found in the
/// sentence. (The events stage decides who did what to whom; this checks the actors are there.)
#[test]
fn unit_test_records_actor_coverage() {
    let Some(dir) = dict_dir() else { return };
    let records = dir.join("../text/PETR.UnitTest.records.xml");
    let Ok(xml) = std::fs::read_to_string(&records) else {
        println!("notice: {} not found — skipping", records.display());
        return;
    };
    let dict = ActorDictionary::parse_petrarch(
        &std::fs::read_to_string(dir.join("PETR.Validate.actors.txt")).unwrap(),
    )
    .unwrap();
    let res = Resources::load().with_actor_dictionary(dict);
    let (mut want, mut found) = (0usize, 0usize);
    for chunk in xml.split("<Sentence ").skip(1) {
        let Some(text) = chunk
            .split_once("<Text>")
            .and_then(|(_, r)| r.split_once("</Text>"))
            .map(|(t, _)| t.trim())
        else {
            continue;
        };
        let date = chunk
            .split_once("date=\"")
            .and_then(|(_, r)| r.get(..8))
            .and_then(|d| {
                jiff::civil::Date::new(
                    d[..4].parse().ok()?,
                    d[4..6].parse().ok()?,
                    d[6..8].parse().ok()?,
                )
                .ok()
            });
        let mut codes: Vec<String> = Vec::new();
        for part in chunk.split("<EventCoding ").skip(1) {
            for attr in ["sourcecode=\"", "targetcode=\""] {
                if let Some(c) = part
                    .split_once(attr)
                    .and_then(|(_, r)| r.split_once('"'))
                    .map(|(c, _)| c)
                    && !c.is_empty()
                    && c != "---"
                    && !codes.contains(&c.to_string())
                {
                    codes.push(c.to_string());
                }
            }
        }
        if codes.is_empty() {
            continue;
        }
        let mut doc = dateline_doc::Doc::from_blocks(
            dateline_doc::Meta {
                published: date,
                ..Default::default()
            },
            &[dateline_doc::BlockText {
                kind: dateline_doc::BlockKind::Paragraph,
                text: text.to_string(),
            }],
            vec![],
        );
        dateline_segment::segment(&mut doc);
        dateline_entities::recognise(&mut doc, &res);
        let got: Vec<&str> = doc
            .entities
            .iter()
            .filter_map(|e| e.actor.as_ref())
            .map(|a| a.code.as_str())
            .collect();
        for c in &codes {
            want += 1;
            if got.contains(&c.as_str()) {
                found += 1;
            } else if std::env::var_os("SHOW_MISSES").is_some() {
                println!("MISS {c} {got:?}: {text}");
            }
        }
    }
    let share = found as f64 / want.max(1) as f64;
    println!(
        "PETRARCH unit-test records: {found} of {want} expected actor codes found ({:.1}%)",
        share * 100.0
    );
    assert!(want > 300);
    assert!(
        share >= 0.8,
        "actor coverage {share:.3} below the floor 0.8"
    );
}

#[test]
fn phoenix_agents_dictionary_codes_news_sentences() {
    let Some(dir) = dict_dir() else { return };
    let text = std::fs::read_to_string(dir.join("Phoenix.agents.txt")).unwrap();
    let agents = ActorDictionary::parse_petrarch_agents(&text).unwrap();
    assert!(agents.len() > 2000, "{} agents", agents.len());
    let res = Resources::load().with_agents_dictionary(agents);
    let cases = [
        ("Kenyan lawmakers voted against the bill.", "KENLEG"),
        ("Police in Lahore arrested three men on Sunday.", "PAKCOP"),
        ("Students in Nairobi marched on parliament.", "KENEDU"),
        (
            "The Iraqi interior ministry said five people died.",
            "IRQGOV",
        ),
        (
            "The Russian ambassador to Turkey was shot in Ankara.",
            "RUSGOV",
        ),
        ("Syria's government rejected the plan.", "SYRGOV"),
    ];
    for (sentence, code) in cases {
        let mut d = dateline_doc::Doc::from_blocks(
            dateline_doc::Meta::default(),
            &[dateline_doc::BlockText {
                kind: dateline_doc::BlockKind::Paragraph,
                text: sentence.into(),
            }],
            vec![],
        );
        dateline_segment::segment(&mut d);
        dateline_entities::recognise(&mut d, &res);
        let codes: Vec<&str> = d
            .entities
            .iter()
            .filter_map(|e| e.actor.as_ref().map(|a| a.code.as_str()))
            .collect();
        assert!(codes.contains(&code), "{sentence}: {codes:?}");
    }
}
