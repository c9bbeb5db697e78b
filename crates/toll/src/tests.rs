//! Sentences written for these tests (not taken from any corpus).

use super::*;
use dateline_doc::{
    BlockKind, BlockText, Entity, EntityKind, Event, Meta, Place, Precision, Sentence, Status, Time,
};

/// A document with one block and one sentence per string.
fn doc(sentences: &[&str]) -> Doc {
    let blocks: Vec<BlockText> = sentences
        .iter()
        .map(|s| BlockText {
            kind: BlockKind::Paragraph,
            text: s.to_string(),
        })
        .collect();
    let mut d = Doc::from_blocks(Meta::default(), &blocks, vec![]);
    d.sentences = d
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Sentence {
            span: b.span,
            block: i,
        })
        .collect();
    d
}

fn run(sentences: &[&str]) -> Doc {
    let mut d = doc(sentences);
    count(&mut d);
    assert!(d.check_spans().is_ok());
    d
}

/// (kind, text, min, max, approx) of every count.
type Read = (CasualtyKind, String, Option<u64>, Option<u64>, bool);

fn counts(sentences: &[&str]) -> Vec<Read> {
    let d = run(sentences);
    d.casualties
        .iter()
        .map(|c| (c.kind, d.slice(c.span).to_string(), c.min, c.max, c.approx))
        .collect()
}

fn one(s: &str) -> (CasualtyKind, Option<u64>, Option<u64>, bool) {
    let c = counts(&[s]);
    assert_eq!(c.len(), 1, "{s}: {c:?}");
    (c[0].0, c[0].2, c[0].3, c[0].4)
}

use CasualtyKind::*;

#[test]
fn subgroup_is_part_of_its_total() {
    let d = run(&["More than 370 people, including nearly 70 children, have been killed."]);
    assert_eq!(d.casualties.len(), 2, "{:?}", d.casualties);
    let total = &d.casualties[0];
    assert_eq!(d.slice(total.span), "More than 370 people");
    assert_eq!(
        (total.kind, total.min, total.max, total.approx),
        (Killed, Some(371), None, false)
    );
    assert_eq!(total.group.as_deref(), Some("people"));
    let kids = &d.casualties[1];
    assert_eq!(d.slice(kids.span), "nearly 70 children");
    assert_eq!(
        (kids.kind, kids.min, kids.max, kids.approx),
        (Killed, None, Some(70), true)
    );
    assert_eq!(kids.part_of, Some(0));
    assert_eq!(totals(&d).killed, 371);
}

#[test]
fn vague_and_implicit_counts() {
    assert_eq!(one("Dozens were wounded."), (Injured, Some(24), None, true));
    assert_eq!(
        one("The blast claimed 30 lives."),
        (Killed, Some(30), Some(30), false)
    );
    assert_eq!(one("Two soldiers died."), (Killed, Some(2), Some(2), false));
    assert_eq!(
        one("The 18-year-old was arrested."),
        (Arrested, Some(1), Some(1), false)
    );
    assert_eq!(
        one("A man was shot dead on Monday."),
        (Killed, Some(1), Some(1), false)
    );
    assert_eq!(
        one("Scores were arrested in the capital."),
        (Arrested, Some(40), None, true)
    );
    assert_eq!(
        one("Hundreds of families were displaced."),
        (Displaced, Some(200), None, true)
    );
    assert_eq!(
        one("About 1.5 million people have fled their homes."),
        (Displaced, Some(1_500_000), Some(1_500_000), true)
    );
    assert_eq!(
        one("Between 10 and 15 people were injured."),
        (Injured, Some(10), Some(15), false)
    );
    assert_eq!(
        one("A dozen villagers were abducted."),
        (Kidnapped, Some(12), Some(12), false)
    );
    assert_eq!(
        one("Three fishermen remain missing."),
        (Missing, Some(3), Some(3), false)
    );
    assert_eq!(
        one("At least 12 people are dead."),
        (Killed, Some(12), None, false)
    );
}

#[test]
fn objects_of_active_verbs() {
    assert_eq!(
        one(
            "Three hospitals in Aleppo were hit by suspected Russian air strikes on Friday, killing seven people."
        ),
        (Killed, Some(7), Some(7), false)
    );
    assert_eq!(
        one("Syria's war has cost more than 400,000 lives since 2011."),
        (Killed, Some(400_001), None, false)
    );
    assert_eq!(
        one(
            "The gunmen stopped the bus and six passengers were dragged out and had their throats cut."
        ),
        (Killed, Some(6), Some(6), false)
    );
    let c = counts(&["The shooting killed one person and seriously injured another."]);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!((c[0].0, c[0].2), (Killed, Some(1)));
    assert_eq!((c[1].0, c[1].2), (Injured, Some(1)));
}

#[test]
fn not_casualties() {
    for s in [
        "An estimated 250,000 people are trapped in the city.",
        "An estimated 250,000 people are living under siege in the east of the city.",
        "No one was injured in the blast.",
        "He was not hurt.",
        "The driver could have been killed.",
        "The gunman threatened to kill two guards.",
        "Turnout was 62 percent and 40,000 people voted.",
        "The 22-year-old has lived there for 3 years.",
        "The bomb nearly killed the minister.",
        "Police fired 20 shots.",
    ] {
        assert!(counts(&[s]).is_empty(), "{s}: {:?}", counts(&[s]));
    }
}

#[test]
fn the_age_is_not_a_count() {
    assert_eq!(
        one("A 22-year-old man was shot in the leg on Tuesday."),
        (Injured, Some(1), Some(1), false)
    );
    assert_eq!(
        one("Gerald Roberson, 39, was found shot dead."),
        (Killed, Some(1), Some(1), false)
    );
    assert_eq!(
        one("A man was shot 3 times in the chest."),
        (Injured, Some(1), Some(1), false)
    );
}

#[test]
fn shot_counts_include_the_dead() {
    let d = run(&["Three people were shot, one fatally."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 2
        }
    );
    let d = run(&["A man was shot Tuesday and later died at the hospital."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    let d = run(&["A man died after being shot in the head."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    let d = run(&["A woman was critically injured and later died."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    let d = run(&[
        "A man and a woman were shot.",
        "Both were taken to hospital.",
    ]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 0,
            injured: 2
        }
    );
}

#[test]
fn totals_add_joined_and_additional_counts() {
    let d = run(&["The gunman killed three people and himself."]);
    assert_eq!(totals(&d).killed, 4);
    let d = run(&[
        "Two people were killed on Monday.",
        "A further three people died in hospital.",
    ]);
    assert_eq!(totals(&d).killed, 5);
    let d = run(&[
        "Two people were killed on Monday.",
        "Two more died on Tuesday.",
    ]);
    assert_eq!(totals(&d).killed, 4);
    let d = run(&[
        "A man was killed.",
        "Police said 30 people were killed in the city so far this year.",
    ]);
    assert_eq!(d.casualties.len(), 2);
    assert_eq!(totals(&d).killed, 1);
}

#[test]
fn links_to_event_place_date_and_source() {
    let s = "More than 370 people have been killed in east Aleppo since September 22, according to the British-based Syrian Observatory for Human Rights.";
    let mut d = doc(&[s]);
    let at = |w: &str| {
        let i = s.find(w).unwrap();
        Span::new(i, i + w.len())
    };
    d.places.push(Place {
        name: "Aleppo".into(),
        geonameid: None,
        country: Some("SY".into()),
        admin1: None,
        lat: None,
        lon: None,
        feature: None,
        mentions: vec![at("east Aleppo")],
    });
    d.times.push(Time {
        span: at("since September 22"),
        value: "2016-09-22".into(),
        precision: Precision::Day,
        range: Some(("2016-09-22".into(), "2016-10-15".into())),
    });
    d.entities.push(Entity {
        kind: EntityKind::Nationality,
        name: "British".into(),
        title: None,
        actor: None,
        place: None,
        mentions: vec![at("British")],
    });
    d.entities.push(Entity {
        kind: EntityKind::Organization,
        name: "Syrian Observatory for Human Rights".into(),
        title: None,
        actor: None,
        place: None,
        mentions: vec![at("Syrian Observatory for Human Rights")],
    });
    d.events.push(Event {
        sentence: 0,
        trigger: at("killed"),
        cameo: "190".into(),
        quad_class: 4,
        goldstein: -10.0,
        plover: None,
        status: Status::Occurred,
        source: vec![],
        target: vec![],
        date: None,
        place: None,
        reported_by: None,
        confidence: 0.8,
        rule: "test".into(),
        same_as: None,
    });
    count(&mut d);
    assert_eq!(d.casualties.len(), 1);
    let c = &d.casualties[0];
    assert_eq!(c.event, Some(0));
    assert_eq!(c.place, Some(0));
    assert_eq!(
        c.reported_by,
        Some(1),
        "the organisation, not the nationality"
    );
    let date = c.date.as_ref().unwrap();
    assert_eq!(
        (date.value.as_str(), date.time, date.basis),
        ("2016-09-22/2016-10-15", Some(0), Basis::Text)
    );
}

#[test]
fn empty_layers_and_empty_documents() {
    let mut d = Doc::from_blocks(Meta::default(), &[], vec![]);
    count(&mut d);
    assert!(d.casualties.is_empty());
    // without a sentence layer the blocks stand in
    let mut d = Doc::from_blocks(
        Meta::default(),
        &[BlockText {
            kind: BlockKind::Paragraph,
            text: "Two soldiers died.".into(),
        }],
        vec![],
    );
    count(&mut d);
    assert_eq!(d.casualties.len(), 1);
    assert_eq!(d.casualties[0].event, None);
}

#[test]
fn elided_second_victim() {
    let d = run(&["One man was killed and another wounded Monday night in a shooting downtown."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 1
        }
    );
    let d = run(&["Deputies found one man dead and another seriously wounded."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 1
        }
    );
    let d = run(&["One man was killed and another critically injured after a domestic shooting."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 1
        }
    );
}

#[test]
fn a_perpetrators_death_is_not_among_those_he_shot() {
    let d = run(&["Police say a man shot his wife before killing himself early Wednesday."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 1
        }
    );
}

#[test]
fn possessed_injuries_and_nominal_victims() {
    let d = run(&["The victim's injuries were not considered life-threatening."]);
    assert_eq!(totals(&d).injured, 1);
    let d = run(&["Police are investigating the fatal shooting of a 16-year-old boy."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    let d = run(&["A woman arrived at a local hospital suffering from a gunshot wound."]);
    assert_eq!(totals(&d).injured, 1);
}

#[test]
fn a_pronoun_that_died_is_the_person_last_wounded() {
    let d = run(&[
        "A woman had been wounded in a shooting outside an apartment.",
        "She later died from her wounds.",
    ]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    // someone else wounded stays
    let d = run(&[
        "A man was killed and a woman was wounded.",
        "She is expected to survive.",
    ]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 1
        }
    );
}

#[test]
fn things_and_times_are_not_people() {
    for s in [
        "The gunman shot 2 more times before fleeing.",
        "Police arrested him at 20 Highland Avenue.",
        "He was hit with two charges of assault.",
    ] {
        let d = run(&[s]);
        assert_eq!(totals(&d), Totals::default(), "{s}: {:?}", d.casualties);
    }
}

#[test]
fn war_and_disaster_reports() {
    let d =
        run(&["At least 12 people were killed and 30 injured in a suicide bombing in Baghdad."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 12,
            injured: 30
        }
    );
    let d = run(&["The attack left 15 dead and dozens wounded."]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 15,
            injured: 24
        }
    );
    assert_eq!(
        one("Gunmen kidnapped 20 students from a school."),
        (Kidnapped, Some(20), Some(20), false)
    );
    assert_eq!(
        one("Police arrested 45 protesters on Sunday."),
        (Arrested, Some(45), Some(45), false)
    );
    assert_eq!(
        one("The floods have displaced more than 1.5 million people."),
        (Displaced, Some(1_500_001), None, false)
    );
    assert_eq!(
        one("Three soldiers were reported missing."),
        (Missing, Some(3), Some(3), false)
    );
    assert_eq!(
        one("The death toll rose to 45 on Monday."),
        (Killed, Some(45), Some(45), false)
    );
    let d = run(&[
        "Nine people died on Monday.",
        "A further three people died in hospital, bringing the death toll to 12.",
    ]);
    assert_eq!(totals(&d).killed, 12);
}

#[test]
fn odd_text_keeps_spans_valid() {
    for s in [
        "",
        "…",
        "“Two”",
        "Ünïcödé – 3 • killed",
        "killed",
        "were killed",
        "and himself",
        "$5 killed 10% of",
        "(",
        ", including",
    ] {
        let d = run(&[s]);
        assert!(d.check_spans().is_ok(), "{s}");
    }
}

#[test]
fn sums_over_several_incidents_are_not_the_incidents_total() {
    let d = run(&[
        "Police are investigating two overnight shootings that left two men wounded.",
        "In the first, a man was shot in the leg on Bates Street.",
    ]);
    assert_eq!(d.casualties.iter().filter(|c| c.kind == Injured).count(), 2);
    assert_eq!(totals(&d).injured, 1);
}

#[test]
fn running_tallies_are_not_the_incidents_total() {
    let d = run(&[
        "Four people were killed and at least 12 others wounded since Friday afternoon in shootings across the city.",
        "Most recently, a man was shot in the arm on Sunday.",
    ]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 0,
            injured: 1
        }
    );
}

#[test]
fn more_general_reports() {
    let d = run(&[
        "Israeli air strikes killed 12 Palestinians, including four children, the health ministry said.",
    ]);
    assert_eq!(d.casualties.len(), 2, "{:?}", d.casualties);
    assert_eq!(
        (d.casualties[0].min, d.casualties[0].group.as_deref()),
        (Some(12), Some("palestinians"))
    );
    assert_eq!(
        (d.casualties[1].min, d.casualties[1].part_of),
        (Some(4), Some(0))
    );
    assert_eq!(
        one("Rebels abducted more than 200 schoolgirls in 2014."),
        (Kidnapped, Some(201), None, false)
    );
    assert_eq!(
        one("The ministry said 1,200 people had been detained since the coup."),
        (Arrested, Some(1200), Some(1200), false)
    );
    assert_eq!(
        one("Two police officers were among the dead."),
        (Killed, Some(2), Some(2), false)
    );
    assert_eq!(
        one("Hundreds of thousands of people have been displaced."),
        (Displaced, Some(200_000), None, true)
    );
}

/// Every cue in `lexicon/cues.txt` reads a count in a sentence built for its role.
#[test]
fn every_lexicon_cue_reads_a_count() {
    use crate::lex::{Kind, Role};
    let mut failures = Vec::new();
    for cue in LEX.cues.values().flatten() {
        let phrase = cue.words.join(" ");
        let sentence = match cue.role {
            Role::Pass => format!("Two villagers {phrase} on Monday."),
            Role::PassBe => format!("Two villagers were {phrase} on Monday."),
            Role::Act => format!("The attackers {phrase} two villagers on Monday."),
            Role::Lives => format!("The attack {phrase} two lives on Monday."),
            Role::Toll => format!("The {phrase} rose to two on Monday."),
            Role::Harm => format!("Two villagers suffered {phrase} on Monday."),
        };
        let d = run(&[&sentence]);
        let want = casualty_kind(cue.kind);
        let got = d.casualties.iter().any(|c| c.kind == want && c.min == Some(2))
            // a shot count with nobody killed is an injured count
            || (cue.kind == Kind::Shot && d.casualties.iter().any(|c| c.kind == Injured));
        if !got {
            failures.push(format!(
                "{sentence} → {:?}",
                d.casualties
                    .iter()
                    .map(|c| (c.kind, c.min))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cues read nothing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn subject_before_a_relative_clause() {
    assert_eq!(
        one(
            "A retired dentist who served four years on the city commission died Monday of an apparent accidental gunshot."
        ),
        (Killed, Some(1), Some(1), false)
    );
}

#[test]
fn a_name_that_died_is_not_also_injured() {
    let d = run(&[
        "A third person, identified as Devonte Jamal Jones, 21, was injured in the shooting.",
        "Jones died at the hospital, police said.",
    ]);
    assert_eq!(
        totals(&d),
        Totals {
            killed: 1,
            injured: 0
        }
    );
    let d = run(&["Neither of the victims was injured."]);
    assert!(d.casualties.is_empty(), "{:?}", d.casualties);
}

#[test]
fn both_as_a_subject() {
    let d = run(&["He fired at the couple, and both were shot."]);
    assert_eq!(totals(&d).injured, 2, "{:?}", d.casualties);
}

/// Found by fuzzing: a huge count joined to another overflowed the sum.
#[test]
fn huge_numbers_are_no_counts_and_never_overflow() {
    for s in [
        "A man and 99999999999999999999 others were injured.",
        "A man and 18446744073709551615 others were injured.",
        "Two and 9999999999 others were killed.",
        "One dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen were killed.",
    ] {
        let d = run(&[s]);
        for c in &d.casualties {
            assert!(
                c.min.unwrap_or(0) <= 2 * crate::qty::MAX_COUNT,
                "{s}: {c:?}"
            );
            assert!(
                c.max.unwrap_or(0) <= 2 * crate::qty::MAX_COUNT,
                "{s}: {c:?}"
            );
        }
    }
}

fn tot(sentences: &[&str]) -> (u64, u64) {
    let t = totals(&run(sentences));
    (t.killed, t.injured)
}

#[test]
fn additions_add_to_the_count_just_before_them() {
    // The two more are added to the three in hospital, not to the five in all.
    assert_eq!(
        tot(&[
            "Five men were wounded in a drive-by shooting on Saturday night.",
            "Three men remain hospitalized with non-life-threatening injuries.",
            "Two more men were treated and released.",
        ]),
        (0, 5)
    );
    assert_eq!(
        tot(&[
            "Two people were wounded on Friday.",
            "Police said two more people were wounded on Saturday.",
        ]),
        (0, 4)
    );
    // "another" after a count of the other kind is the first injured.
    assert_eq!(
        tot(&["Someone fired into a house, killing one man and injuring another."]),
        (1, 1)
    );
}

#[test]
fn a_second_victim_counts_everyone_so_far() {
    assert_eq!(
        tot(&[
            "A gunman killed one man outside a bar.",
            "A second man was grazed by a bullet.",
        ]),
        (1, 1)
    );
    assert_eq!(
        tot(&[
            "A woman was shot in the leg.",
            "A second woman was shot in the arm."
        ]),
        (0, 2)
    );
}

#[test]
fn words_that_look_like_victims_but_are_not() {
    // "was over" is no "more than".
    assert_eq!(
        tot(&["Before the fire was over one firefighter was wounded by a stray round."]),
        (0, 1)
    );
    // the noun "shot" and a compass point after a street name
    assert_eq!(
        tot(&["One shot went through a window and the other shot struck a parked truck."]),
        (0, 0)
    );
    assert_eq!(
        tot(&["His house on Elm Place NW was struck by six rounds."]),
        (0, 0)
    );
    // a cue inside an organisation's name
    assert_eq!(
        tot(&["The Shooting Response Team is investigating the robbery."]),
        (0, 0)
    );
}

#[test]
fn subjects_past_a_hedge_and_reduced_relatives() {
    assert_eq!(
        tot(&["A man believed to be in his 30s was shot and killed near the park on Friday."]),
        (1, 0)
    );
    assert_eq!(
        tot(&[
            "A 40-year-old man fatally shot Sunday night outside a bar was identified by police."
        ]),
        (1, 0)
    );
    // the object stays an object
    assert_eq!(
        tot(&["A man fatally shot his neighbour on Sunday."]),
        (1, 0)
    );
}

#[test]
fn a_killer_who_then_kills_himself() {
    let d = run(&["A 70-year-old man fatally shot his wife and then himself on Friday."]);
    let t = totals(&d);
    assert_eq!((t.killed, t.injured), (2, 0));
}
