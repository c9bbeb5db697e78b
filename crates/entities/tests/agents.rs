//! Sector agents combined with countries: the built-in group nouns and a user agents
//! dictionary (PETRARCH format and dateline's), on sentences written for these tests.

mod common;
use common::*;
use dateline_doc::{Doc, EntityKind};
use dateline_entities::{ActorDictionary, Resources};

/// Fictional countries (and a city) in a PETRARCH actor dictionary.
const ACTORS: &str =
    "VALDORIA_ [VAL]\n+VALDORIAN_\nORMUND_ [ORM]\n+ORMUNDI_\nKESTREL_CITY_ [VAL]\n";

/// A PETRARCH agents dictionary: sector codes after the country's (`~GOV`) and before it
/// (`NGO~`), a spelled-out plural, a macro, and regular plurals formed by the importer.
const AGENTS: &str = "<!-- test agents -->\n!PERSON! = MAN, MEN, WOMAN, WOMEN\nGOVERNMENT [~GOV]\nLAWMAKER [~LEG] # plural made by the importer\nAMBASSADOR [~GOV]\nFOREIGN_MINISTER [~GOVFRM]\nTRADE_UNION {} [~LAB]\nHUMAN_RIGHTS_BODY {HUMAN_RIGHTS_BODIES} [NGO~]\nFERRY!PERSON! [~BUS]\nHARBOUR_PILOT [~BUS]\nAIDWORKS {} [NGO~]\n";

fn resources() -> Resources {
    Resources::load()
        .with_actor_dictionary(ActorDictionary::parse_petrarch(ACTORS).unwrap())
        .with_agents_dictionary(ActorDictionary::parse_petrarch_agents(AGENTS).unwrap())
}

fn run_with(res: &Resources, text: &str) -> Doc {
    let mut d = doc(&["", text], Some("2016-10-15"));
    dateline_entities::recognise(&mut d, res);
    assert!(d.check_spans().is_ok());
    d
}

/// Every group or person actor code with the text of its first mention.
fn coded(d: &Doc) -> Vec<(String, String)> {
    d.entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Group | EntityKind::Person))
        .filter_map(|e| {
            let c = e.actor.as_ref()?.code.clone();
            Some((c, d.slice(e.mentions[0]).to_string()))
        })
        .collect()
}

fn has(d: &Doc, code: &str, text: &str) -> bool {
    coded(d).iter().any(|(c, t)| c == code && t == text)
}

fn codes(d: &Doc) -> Vec<String> {
    coded(d).into_iter().map(|(c, _)| c).collect()
}

#[test]
fn agents_dictionary_combines_with_a_country() {
    let res = resources();
    let cases = [
        // a possessive owner; the mention covers both, so later stages read the agent
        (
            "Valdoria's government rejected the offer almost at once.",
            "VALGOV",
            "Valdoria's government",
        ),
        // a country after "in", with the importer's regular plural
        (
            "Lawmakers in Ormund approved the budget on Tuesday.",
            "ORMLEG",
            "Lawmakers in Ormund",
        ),
        // an agent code placed before the country's
        (
            "A human rights body of Ormund criticised the arrests.",
            "NGOORM",
            "human rights body of Ormund",
        ),
        // a spelled-out plural, a city from the actor dictionary
        (
            "Trade unions in Kestrel City called a general strike.",
            "VALLAB",
            "Trade unions in Kestrel City",
        ),
        // a macro form with "from"
        (
            "Ferrymen from Valdoria blocked the harbour for a day.",
            "VALBUS",
            "Ferrymen from Valdoria",
        ),
        // a demonym from the actor dictionary before an agent
        (
            "Ormundi harbour pilots refused to work.",
            "ORMBUS",
            "Ormundi harbour pilots",
        ),
    ];
    for (text, code, span) in cases {
        let d = run_with(&res, text);
        assert!(has(&d, code, span), "{text}\n{}", dump(&d));
    }
}

#[test]
fn agent_before_the_country_heads_the_composed_code() {
    let res = resources();
    // a national section of an organisation: the agent's code before the country's
    let d = run_with(&res, "AidWorks Ormund opened two clinics near the coast.");
    assert!(has(&d, "NGOORM", "AidWorks Ormund"), "{}", dump(&d));
    // with a role word after the country: NGO + VAL + GOV
    let d = run_with(
        &res,
        "An AidWorks Valdoria ambassador visited the camps on Monday.",
    );
    assert!(
        has(&d, "NGOVALGOV", "AidWorks Valdoria ambassador"),
        "{}",
        dump(&d)
    );
    // an agent placed after the country's code does not head it: "Valdorian lawmakers"
    let d = run_with(&res, "Ormundi lawmakers visited the camps on Monday.");
    assert!(has(&d, "ORMLEG", "Ormundi lawmakers"), "{}", dump(&d));
    // the agent alone, no country after it
    let d = run_with(&res, "AidWorks opened two clinics near the coast.");
    assert!(codes(&d).contains(&"NGO".to_string()), "{}", dump(&d));
}

#[test]
fn a_user_agent_wins_over_a_built_in_organisation_of_the_same_words() {
    // "Oxfam" is a built-in organisation; a user agents dictionary that lists it as an agent
    // placed before the country's code decides how it is read
    let dict = ActorDictionary::parse_petrarch_agents("OXFAM {} [NGO~]\n").unwrap();
    let res = Resources::load()
        .with_actor_dictionary(ActorDictionary::parse_petrarch(ACTORS).unwrap())
        .with_agents_dictionary(dict);
    let d = run_with(
        &res,
        "An Oxfam Ormund ambassador opened two clinics near the coast.",
    );
    assert!(
        has(&d, "NGOORMGOV", "Oxfam Ormund ambassador"),
        "{}",
        dump(&d)
    );
    let d = run_with(&res, "On Monday Oxfam Ormund opened two clinics.");
    assert!(has(&d, "NGOORM", "Oxfam Ormund"), "{}", dump(&d));
}

#[test]
fn officials_in_a_state_body_named_by_its_building() {
    let res = Resources::load();
    let d = run_with(
        &res,
        "Officials in the Kremlin denied the report on Monday.",
    );
    assert!(codes(&d).contains(&"RUSGOV".to_string()), "{}", dump(&d));
    // former members of the body are its elites
    let d = run_with(&res, "Former officials in the Kremlin criticised the deal.");
    assert!(codes(&d).contains(&"RUSGOVELI".to_string()), "{}", dump(&d));
    let d = run_with(
        &res,
        "Two former officials in the White House wrote to the senators.",
    );
    assert!(codes(&d).contains(&"USAGOVELI".to_string()), "{}", dump(&d));
    // a body that is no country's stays out: "in" names where, not whose
    let d = run_with(&res, "Officials in the United Nations compound left early.");
    assert!(
        !codes(&d).iter().any(|c| c.starts_with("IGO")),
        "{}",
        dump(&d)
    );
}

#[test]
fn agents_dictionary_sets_the_sector_of_role_words() {
    let res = resources();
    // "foreign minister" is a built-in role word; the dictionary's ~GOVFRM becomes its sector
    let d = run_with(
        &res,
        "Ormund's foreign minister met reporters in the capital.",
    );
    assert!(codes(&d).contains(&"ORMGOVFRM".to_string()), "{}", dump(&d));
    let d = run_with(&res, "The Valdorian ambassador left the capital on Friday.");
    assert!(codes(&d).contains(&"VALGOV".to_string()), "{}", dump(&d));
    // without the dictionary the same role word keeps dateline's sector
    let plain =
        Resources::load().with_actor_dictionary(ActorDictionary::parse_petrarch(ACTORS).unwrap());
    let d = run_with(
        &plain,
        "Ormund's foreign minister met reporters in the capital.",
    );
    assert!(codes(&d).contains(&"ORMGOV".to_string()), "{}", dump(&d));
}

#[test]
fn coordinated_agents_share_their_country() {
    let res = resources();
    let d = run_with(
        &res,
        "Lawmakers and ferrymen in Ormund welcomed the new ferry law.",
    );
    let c = codes(&d);
    assert!(c.contains(&"ORMLEG".to_string()), "{}", dump(&d));
    assert!(c.contains(&"ORMBUS".to_string()), "{}", dump(&d));
    let d = run_with(
        &res,
        "Valdorian ferrymen and lawmakers protested on Monday.",
    );
    let c = codes(&d);
    assert!(c.contains(&"VALBUS".to_string()), "{}", dump(&d));
    assert!(c.contains(&"VALLEG".to_string()), "{}", dump(&d));
}

#[test]
fn agents_without_a_country_in_reach() {
    let res = resources();
    // no country in the sentence: the agent's code alone
    let d = run_with(
        &res,
        "Kenya hosted the summit last week. The government said nothing about the delay.",
    );
    assert!(has(&d, "GOV", "government"), "{}", dump(&d));
    assert!(!codes(&d).contains(&"KENGOV".to_string()), "{}", dump(&d));
    // a place that is no actor: "in" names where, not whose
    let d = run_with(&res, "Ferrymen in Pinewood Hollow stopped work on Monday.");
    assert!(has(&d, "BUS", "Ferrymen"), "{}", dump(&d));
    // an agent code outside CAMEO's sector list stays a sector without a country
    let dict = ActorDictionary::parse_petrarch_agents("PILGRIM [~MUS]\n").unwrap();
    let d = run_with(
        &Resources::load().with_agents_dictionary(dict),
        "Pilgrims gathered at dawn.",
    );
    let e = d.entities.iter().find(|e| e.kind == EntityKind::Group);
    let a = e.and_then(|e| e.actor.as_ref()).expect("pilgrims");
    assert_eq!((a.code.as_str(), a.country.as_deref()), ("MUS", None));
    // "lawmakers" alone is too vague to code, with or without the dictionary
    let d = run_with(&res, "Lawmakers approved the budget on Tuesday.");
    assert!(codes(&d).is_empty(), "{}", dump(&d));
    // an owner before the noun wins over a place after it
    let d = run_with(&res, "Ormund's lawmakers in Geneva signed the treaty.");
    assert!(has(&d, "ORMLEG", "Ormund's lawmakers"), "{}", dump(&d));
    assert!(!codes(&d).contains(&"CHELEG".to_string()), "{}", dump(&d));
}

#[test]
fn agents_in_dateline_format() {
    // dateline's own format: a code with or without `~` is a sector after the country's
    let dict =
        ActorDictionary::parse("dock worker; dock workers | ~LAB\nharbour master | BUS\n").unwrap();
    let res = Resources::load().with_agents_dictionary(dict);
    let d = run_with(&res, "Greek dock workers walked out on Monday.");
    assert!(has(&d, "GRCLAB", "Greek dock workers"), "{}", dump(&d));
    let d = run_with(&res, "The harbour master of Malta closed the port.");
    // a country of the lexicon is a toponym for the geo stage: the mention stays off it
    assert!(has(&d, "MLTBUS", "harbour master"), "{}", dump(&d));
    assert!(
        find(&d, EntityKind::Country, "Malta").is_some(),
        "{}",
        dump(&d)
    );
}

#[test]
fn built_in_sector_nouns_in_news_english() {
    let res = Resources::load();
    let cases = [
        ("Russian warplanes struck the town overnight.", "RUSMIL"),
        (
            "Syria's opposition fighters withdrew from the hills.",
            "SYRREB",
        ),
        (
            "The Iraqi interior ministry said five people died.",
            "IRQGOV",
        ),
        ("Police in Lahore arrested three men on Sunday.", "PAKCOP"),
        ("Kenyan lawmakers voted against the bill.", "KENLEG"),
        ("Mexico's government almost collapsed in June.", "MEXGOV"),
        ("Riot police in Nairobi fired tear gas.", "KENCOP"),
        ("Former Egyptian security officials were charged.", "EGYELI"),
        ("The ambassadors of Chile, Peru and Bolivia left.", "PERGOV"),
        ("Officials and lawmakers in Ghana met on Monday.", "GHALEG"),
        (
            "Israeli military officials said the border was shut.",
            "ISRMIL",
        ),
        ("Kenyan police spokesmen denied the report.", "KENCOP"),
        ("Students in Nairobi marched on parliament.", "KENEDU"),
        ("Greek farmers blocked the highway.", "GRCAGR"),
    ];
    for (text, code) in cases {
        let d = run_with(&res, text);
        assert!(
            codes(&d).contains(&code.to_string()),
            "{text}\n{}",
            dump(&d)
        );
    }
    // troops are often foreign to where they are: "in" gives no country
    let d = run_with(&res, "Troops in Syria came under fire.");
    assert!(!codes(&d).contains(&"SYRMIL".to_string()), "{}", dump(&d));
    // a group noun inside an organisation's name is no group
    let d = run_with(&res, "The Farmers Union called a strike.");
    assert!(!codes(&d).iter().any(|c| c.contains("AGR")), "{}", dump(&d));
    // "military officials" with no country in reach stays uncoded
    let d = run_with(&res, "Military officials said the border was shut.");
    assert!(codes(&d).is_empty(), "{}", dump(&d));
    // a noun that modifies another is no actor
    let d = run_with(
        &res,
        "The talks weighed military options and government spending.",
    );
    assert!(codes(&d).is_empty(), "{}", dump(&d));
}

#[test]
fn a_bare_surname_takes_the_full_name_code() {
    let res = Resources::load();
    let mut d = doc(
        &[
            "",
            "Secretary of State John Kerry arrived in Geneva on Friday.",
            "Kerry said the talks would go on.",
        ],
        Some("2016-10-15"),
    );
    dateline_entities::recognise(&mut d, &res);
    let kerry = find(&d, EntityKind::Person, "John Kerry").expect("Kerry");
    assert_eq!(code(kerry), Some("USAGOV"));
    assert!(
        kerry.mentions.iter().any(|m| d.slice(*m) == "Kerry"),
        "{}",
        dump(&d)
    );
    // a person the user dictionary knows, named in full and then by surname
    let dict = ActorDictionary::parse("Maren Tollefsen | NORGOV\n").unwrap();
    let res = Resources::load().with_actor_dictionary(dict);
    let mut d = doc(
        &[
            "",
            "Maren Tollefsen opened the conference in Oslo.",
            "Tollefsen said the fund would double.",
        ],
        Some("2016-10-15"),
    );
    dateline_entities::recognise(&mut d, &res);
    let p =
        find(&d, EntityKind::Person, "Maren Tollefsen").unwrap_or_else(|| panic!("{}", dump(&d)));
    assert_eq!(code(p), Some("NORGOV"), "{}", dump(&d));
    assert!(
        p.mentions.iter().any(|m| d.slice(*m) == "Tollefsen"),
        "{}",
        dump(&d)
    );
}

#[test]
fn the_country_refers_back_to_the_last_country() {
    let res = Resources::load();
    let d = run_with(
        &res,
        "Floods hit Bangladesh on Monday. The country's army sent boats to the delta.",
    );
    assert!(has(&d, "BGDMIL", "army"), "{}", dump(&d));
    let d = run_with(
        &res,
        "Talks resumed in Chile. The country's foreign minister said a deal was near.",
    );
    assert!(codes(&d).contains(&"CHLGOV".to_string()), "{}", dump(&d));
    // no country before: nothing to refer to
    let d = run_with(&res, "The country's army sent boats to the delta.");
    assert!(!codes(&d).iter().any(|c| c.len() == 6), "{}", dump(&d));
}

#[test]
fn a_state_role_without_a_country_takes_one_from_the_sentence() {
    let res = Resources::load();
    for (text, name, c) in [
        (
            "Queen Ilse Varnholt of Denmark opened the bridge.",
            "Ilse Varnholt",
            "DNKGOV",
        ),
        (
            "General Tomas Quevedo resigned to allow Peru's first free vote.",
            "Tomas Quevedo",
            "PERMIL",
        ),
    ] {
        let mut d = doc(&["", text], Some("2016-10-15"));
        dateline_entities::recognise(&mut d, &res);
        let p = find(&d, EntityKind::Person, name).unwrap_or_else(|| panic!("{}", dump(&d)));
        assert_eq!(code(p), Some(c), "{}", dump(&d));
    }
    // two countries after it, or one that describes someone else: no guess
    for (text, name) in [
        (
            "President Lars Ekdahl flew from Norway to Chile on Monday.",
            "Lars Ekdahl",
        ),
        (
            "President Lars Ekdahl welcomed Chilean minister Ana Ruiz.",
            "Lars Ekdahl",
        ),
    ] {
        let mut d = doc(&["", text], Some("2016-10-15"));
        dateline_entities::recognise(&mut d, &res);
        let p = find(&d, EntityKind::Person, name).unwrap_or_else(|| panic!("{}", dump(&d)));
        assert_eq!(code(p), Some("GOV"), "{}", dump(&d));
    }
}

#[test]
fn the_other_side_of_a_relation_is_no_affiliation() {
    let res = Resources::load();
    let mut d = doc(
        &["", "President Lars Ekdahl threatened action against Chile."],
        Some("2016-10-15"),
    );
    dateline_entities::recognise(&mut d, &res);
    let p = find(&d, EntityKind::Person, "Lars Ekdahl").unwrap_or_else(|| panic!("{}", dump(&d)));
    assert_eq!(code(p), Some("GOV"), "{}", dump(&d));
}

#[test]
fn only_the_dictionary_agents_give_sectors_when_built_ins_are_cleared() {
    let petrarch = Resources::load()
        .without_builtin_agents()
        .with_actor_dictionary(ActorDictionary::parse_petrarch(ACTORS).unwrap())
        .with_agents_dictionary(ActorDictionary::parse_petrarch_agents(AGENTS).unwrap());
    // a noun of the agents dictionary keeps its sector
    let d = run_with(&petrarch, "Valdoria's government rejected the offer.");
    assert!(
        has(&d, "VALGOV", "Valdoria's government"),
        "{:?}",
        coded(&d)
    );
    // built-in nouns the dictionary does not list give the country alone
    let d = run_with(&petrarch, "Ormund's militia shelled the border posts.");
    assert!(codes(&d).iter().any(|c| c == "ORM"), "{:?}", coded(&d));
    assert!(!codes(&d).iter().any(|c| c == "ORMMIL"), "{:?}", coded(&d));
    let d = run_with(&petrarch, "The mayor of Kestrel City opened the bridge.");
    assert!(!codes(&d).iter().any(|c| c == "VALGOV"), "{:?}", coded(&d));
    // ... and without a country no actor at all
    let d = run_with(&petrarch, "The militia shelled the border posts.");
    assert!(!codes(&d).iter().any(|c| c == "MIL"), "{:?}", coded(&d));
    // the default reading adds the built-in sectors
    let d = run_with(&resources(), "Ormund's militia shelled the border posts.");
    assert!(codes(&d).iter().any(|c| c == "ORMMIL"), "{:?}", coded(&d));
}
