//! Sentences written for these tests: titles, appositions, honorifics, coreference, actor codes,
//! groups, guards against capitals that are not names.

mod common;
use common::*;
use dateline_doc::EntityKind;
use dateline_entities::{ActorDictionary, Resources};

fn person_code<'a>(d: &'a dateline_doc::Doc, name: &str) -> Option<&'a str> {
    find(d, EntityKind::Person, name)
        .unwrap_or_else(|| panic!("no person {name}:\n{}", dump(d)))
        .actor
        .as_ref()
        .map(|a| a.code.as_str())
}

#[test]
fn titles_before_names_give_country_and_sector() {
    let d = run(
        &[
            "Talks resume",
            "German Chancellor Angela Merkel met French Defence Minister Jean Dupont in Berlin. Brazil's ambassador Carla Souza joined them.",
        ],
        Some("2016-10-15"),
    );
    assert_eq!(person_code(&d, "Angela Merkel"), Some("DEUGOV"));
    assert_eq!(person_code(&d, "Jean Dupont"), Some("FRAGOV"));
    assert_eq!(person_code(&d, "Carla Souza"), Some("BRAGOV"));
    // the demonyms belong to the titles, not to nationality entities
    assert!(
        d.entities.iter().all(|e| e.kind != EntityKind::Nationality),
        "{}",
        dump(&d)
    );
    let brazil = find(&d, EntityKind::Country, "Brazil").unwrap();
    assert_eq!(code(brazil), Some("BRA"));
}

#[test]
fn appositions_and_pronoun_affiliations() {
    let d = run(
        &[
            "Envoys meet",
            "Kenya sent its interior minister, Peter Mwangi, to the summit. Amina Odhiambo, the African Union's special envoy, said the meeting was useful.",
        ],
        None,
    );
    assert_eq!(person_code(&d, "Peter Mwangi"), Some("KENGOV"));
    assert_eq!(person_code(&d, "Amina Odhiambo"), Some("IGOAFRAFU"));
    let p = find(&d, EntityKind::Person, "Peter Mwangi").unwrap();
    assert_eq!(p.title.as_deref(), Some("interior minister"));
}

#[test]
fn honorifics_ranks_and_coreference() {
    let d = run(
        &[
            "Army reshuffle",
            "Gen. Tomas Varga of the Hungarian army was replaced on Monday. Varga had led the force since 2012. Mr Varga declined to comment.",
        ],
        None,
    );
    let v = find(&d, EntityKind::Person, "Tomas Varga").unwrap();
    assert_eq!(v.mentions.len(), 3, "{}", dump(&d));
    assert_eq!(
        v.actor.as_ref().and_then(|a| a.sector.as_deref()),
        Some("MIL")
    );
    let army = d
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Group)
        .unwrap();
    assert_eq!(code(army), Some("HUNMIL"));
}

#[test]
fn organisations_of_every_kind_with_codes() {
    let d = run(
        &[
            "Aid update",
            "NATO and the European Union welcomed a report by Amnesty International. Hezbollah and the Taliban rejected it, Reuters reported. The United Nations said UN teams were ready, and the UN later confirmed it.",
        ],
        None,
    );
    for (n, c) in [
        ("NATO", "IGOWSTNAT"),
        ("European Union", "IGOEUREEC"),
        ("Amnesty International", "NGOHRIAMN"),
        ("Hezbollah", "LBNREB"),
        ("Taliban", "AFGREB"),
        ("Reuters", "MED"),
        ("United Nations", "IGOUNO"),
    ] {
        let e =
            find(&d, EntityKind::Organization, n).unwrap_or_else(|| panic!("{n}\n{}", dump(&d)));
        assert_eq!(code(e), Some(c), "{n}");
    }
    assert_eq!(
        find(&d, EntityKind::Organization, "United Nations")
            .unwrap()
            .mentions
            .len(),
        3
    );
}

#[test]
fn groups_take_country_from_context() {
    let d = run(
        &[
            "Clashes",
            "Syrian government forces and rebels clashed near the border while Russian warplanes struck. Police arrested two protesters. The Syrian army said it had regained the town.",
        ],
        None,
    );
    let codes: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Group)
        .filter_map(code)
        .collect();
    for c in ["SYRMIL", "RUSMIL", "SYRCOP", "SYROPP"] {
        assert!(codes.contains(&c), "{c} not in {codes:?}\n{}", dump(&d));
    }
    // rebels, police and protesters with no country take the article's main country
    assert!(codes.contains(&"SYRREB"), "{codes:?}");
}

#[test]
fn a_place_after_in_is_no_apposition() {
    let d = run(
        &[
            "Envoys meet",
            "Speaking in Toulouse, the envoy condemned the shelling. Arriving near Kandahar, the minister met Pierre Lenoir, the French ambassador.",
        ],
        None,
    );
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, vec!["Pierre Lenoir"], "{}", dump(&d));
}

#[test]
fn places_and_sentence_starts_are_not_people() {
    let d = run(
        &[
            "Storm Hits Coast As Residents Flee",
            "Several hundred people left New Orleans on Tuesday. Lake Placid was quiet. Heavy rain fell in Jordan and Georgia, where Michael Jordan was visiting.",
        ],
        None,
    );
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, vec!["Michael Jordan"], "{}", dump(&d));
    assert!(find(&d, EntityKind::Country, "Jordan").is_some());
    assert!(find(&d, EntityKind::Country, "Georgia").is_some());
}

#[test]
fn known_actors_by_date_and_user_dictionaries() {
    let d = run(
        &["Visit", "President Obama met Foreign Minister Lavrov."],
        Some("2016-10-15"),
    );
    assert_eq!(person_code(&d, "Obama"), Some("USAGOV"));
    assert_eq!(person_code(&d, "Lavrov"), Some("RUSGOV"));
    let d = run(
        &["Visit", "Former president Barack Obama spoke."],
        Some("2019-05-01"),
    );
    assert_eq!(person_code(&d, "Barack Obama"), Some("USAELI"));

    let dict = ActorDictionary::parse_petrarch(
        "ARNOR_ [ARN]\nGONDOR [GON]\nELROND [ELF]\nBILBO_BAGGINS\n+BILBO\n\t[HOB 20300101-20351231]\n\t[SHI]\n",
    )
    .unwrap();
    let res = Resources::load().with_actor_dictionary(dict);
    let mut doc = doc(
        &[
            "x",
            "Arnor restored ties with Gondor after Bilbo Baggins wrote to Elrond.",
        ],
        Some("2033-01-01"),
    );
    dateline_entities::recognise(&mut doc, &res);
    let codes: Vec<(&str, Option<&str>)> = doc
        .entities
        .iter()
        .map(|e| (e.name.as_str(), code(e)))
        .collect();
    for want in [
        ("Arnor", Some("ARN")),
        ("Gondor", Some("GON")),
        ("Elrond", Some("ELF")),
        ("Bilbo Baggins", Some("HOB")),
    ] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
}

#[test]
fn our_correspondent_is_the_named_journalist() {
    let d = run(
        &[
            "Report",
            "\"It was chaotic,\" the BBC's Middle East editor Jane Hollis said. Our correspondent said more talks were planned, according to our correspondent in Beirut.",
        ],
        None,
    );
    let j = find(&d, EntityKind::Person, "Jane Hollis").unwrap();
    assert_eq!(code(j), Some("MED"));
    assert!(
        j.mentions
            .iter()
            .any(|m| d.slice(*m).eq_ignore_ascii_case("our correspondent")),
        "{}",
        dump(&d)
    );
}

#[test]
fn all_capitals_headline_matches_lexicon_only() {
    let d = run(
        &[
            "SOCCER - JAPAN BEAT CHINA AS FIFA WATCHES",
            "Japan won 2-1.",
        ],
        None,
    );
    assert!(find(&d, EntityKind::Country, "Japan").is_some());
    assert!(
        d.entities.iter().all(|e| e.kind != EntityKind::Person),
        "{}",
        dump(&d)
    );
}

#[test]
fn speakers_lists_and_capital_cities() {
    let d = run(
        &[
            "Markets",
            "\"Prices will fall,\" Kowalczyk said. Moscow said it would respond. The squad: Peter Marsh, Dunphy, Oakes and Tilbury.",
        ],
        None,
    );
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for p in ["Kowalczyk", "Peter Marsh", "Dunphy", "Oakes", "Tilbury"] {
        assert!(people.contains(&p), "{p} not in {people:?}");
    }
    assert!(!people.contains(&"Moscow"));
}

#[test]
fn roles_of_a_country_and_possessive_owners() {
    let d = run(
        &[
            "Talks",
            "The talks were attended by the President of Ghana Kwame Mensah and by Chile's Rosa Olmedo.",
        ],
        None,
    );
    assert_eq!(person_code(&d, "Kwame Mensah"), Some("GHAGOV"));
    assert_eq!(person_code(&d, "Rosa Olmedo"), Some("CHL"));
}

#[test]
fn institutions_ministries_and_plural_groups() {
    let d = run(
        &[
            "Raid",
            "The Kremlin said Israeli troops shot dead a man, the Palestinian health ministry said. The Pentagon declined to comment.",
        ],
        None,
    );
    let codes: Vec<(EntityKind, Option<&str>)> =
        d.entities.iter().map(|e| (e.kind, code(e))).collect();
    for want in [
        (EntityKind::Organization, Some("RUSGOV")),
        (EntityKind::Organization, Some("USAMIL")),
        (EntityKind::Group, Some("ISRMIL")),
        (EntityKind::Group, Some("PSEGOV")),
    ] {
        assert!(codes.contains(&want), "{want:?} not in {codes:?}");
    }
    assert!(
        d.entities.iter().all(|e| e.kind != EntityKind::Person),
        "{}",
        dump(&d)
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "…",
        "’s",
        "Mr.",
        "President",
        "the UN's",
        "\"Smith,\" said",
        "A. B. C. D.",
        "— Gen. —",
        "Россия и США",
        "Sheikh",
        "its",
        ", the UN envoy",
        "of Turkey, and",
        "Dr Dr Dr",
        "US-Russia 3 2 1",
        "Kent v",
    ] {
        let d = run(&["T", text], Some("2016-10-15"));
        assert!(d.check_spans().is_ok());
    }
}

#[test]
fn countries_inside_hyphenated_words() {
    let d = run(
        &[
            "T",
            "The US-Russia truce collapsed as Saudi-led jets struck.",
        ],
        None,
    );
    let us = find(&d, EntityKind::Country, "United States").expect("US");
    assert_eq!(d.slice(us.mentions[0]), "US");
    assert!(find(&d, EntityKind::Country, "Russia").is_some());
    assert!(
        d.entities
            .iter()
            .any(|e| e.kind == EntityKind::Nationality && code(e) == Some("SAU"))
    );
}

#[test]
fn arabic_article_in_surnames() {
    let d = run(
        &[
            "T",
            "Syrian President Bashar al-Assad spoke. Assad said the war would end. Mr al-Assad left.",
        ],
        Some("2016-10-15"),
    );
    let a = find(&d, EntityKind::Person, "Bashar al-Assad").unwrap();
    assert_eq!(a.mentions.len(), 3, "{}", dump(&d));
    assert_eq!(code(a), Some("SYRGOV"));
}

#[test]
fn state_roles_take_the_paragraph_country() {
    let d = run(
        &[
            "T",
            "In Ghana, gunmen attacked a market. President Kwesi Appiah condemned the attack.",
        ],
        None,
    );
    assert_eq!(person_code(&d, "Kwesi Appiah"), Some("GHAGOV"));
}

#[test]
fn unnamed_officials_are_actors() {
    let d = run(
        &[
            "T",
            "Iran's foreign minister said the talks failed. Vitaly Churkin, Russia's UN ambassador, disagreed. The minister left.",
        ],
        Some("2016-10-15"),
    );
    let p = find(&d, EntityKind::Person, "Iran's foreign minister").expect("unnamed official");
    assert_eq!(p.title.as_deref(), Some("Iran's foreign minister"));
    assert_eq!(code(p), Some("IRNGOV"));
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        people,
        vec!["Iran's foreign minister", "Vitaly Churkin"],
        "{}",
        dump(&d)
    );
}

#[test]
fn names_that_are_also_common_words() {
    let d = run(
        &[
            "T",
            "British Prime Minister Theresa May met former England captain Will Carling and his wife Julia in May.",
        ],
        None,
    );
    let people: Vec<&str> = d
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        people,
        vec!["Theresa May", "Will Carling", "Julia"],
        "{}",
        dump(&d)
    );
    assert_eq!(person_code(&d, "Theresa May"), Some("GBRGOV"));
}

#[test]
fn languages_that_capitalise_nouns_get_no_guessed_names() {
    let d = run(
        &[
            "T",
            "Das Partnernetzwerk ist für die Herstellung von Interoperabilität zuständig, und der Kontext der Digitalisierung wird mit dem Konzept auch nicht einfacher. Die Regierung in Berlin sagte, das sei ein Problem für den Markt.",
        ],
        None,
    );
    assert!(
        d.entities.iter().all(|e| e.kind != EntityKind::Person),
        "{}",
        dump(&d)
    );
}

#[test]
fn context_country_only_from_nearby_sentences() {
    let d = run(
        &[
            "T",
            "He was held in Vietnam for five years. Decades later he returned home. Senator John McCain spoke on Tuesday.",
        ],
        None,
    );
    let p = find(&d, EntityKind::Person, "John McCain").unwrap();
    assert!(
        p.actor.as_ref().is_none_or(|a| a.country.is_none()),
        "{}",
        dump(&d)
    );
}

#[test]
fn agency_names_with_of_for_on() {
    let d = run(
        &[
            "T",
            "The Centers for Disease Control warned, and the Institute on Drug Abuse agreed.",
        ],
        None,
    );
    for n in ["Centers for Disease Control", "Institute on Drug Abuse"] {
        assert!(
            find(&d, EntityKind::Organization, n).is_some(),
            "{n}\n{}",
            dump(&d)
        );
    }
}

#[test]
fn a_sentence_adverb_before_an_apposition_is_no_person() {
    let d = run(
        &[
            "Prince under fire",
            "The kingdom's ruler, Crown Prince Omar Haddad, is touring Europe. Recently, the crown prince detained a rival minister. Reportedly, the envoy left on Friday.",
        ],
        None,
    );
    for name in ["Recently", "Reportedly"] {
        assert!(
            find(&d, EntityKind::Person, name).is_none(),
            "{name} read as a person:\n{}",
            dump(&d)
        );
    }
    assert!(
        find(&d, EntityKind::Person, "Omar Haddad").is_some(),
        "{}",
        dump(&d)
    );
}

#[test]
fn an_unnamed_official_stays_in_its_sentence_and_member_states_are_no_official() {
    let d = run(
        &[
            "Envoy recalled",
            "Ljubljana stood with the EU member states. By recalling its ambassador, Slovenia made a step.",
        ],
        None,
    );
    // no entity's mention reaches across the sentence break, and "member states" is no person
    for e in &d.entities {
        for m in &e.mentions {
            assert!(
                !d.slice(*m).contains(". "),
                "a mention across sentences: {}",
                dump(&d)
            );
        }
        assert!(
            !(e.kind == EntityKind::Person && e.name.contains("member")),
            "{}",
            dump(&d)
        );
    }
}
