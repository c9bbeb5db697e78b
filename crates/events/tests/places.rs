//! Event places (`dateline_events::event_place`) in sentences written for these tests: a wider
//! place elsewhere in the sentence is not taken when the event's own, narrower place is one the
//! gazetteer does not know.

mod common;

/// The names of the places attached to the first occurrence of `verb` in the one-sentence
/// document `line`.
fn place_of(line: &str, verb: &str) -> Vec<String> {
    let lex = dateline_events::Lexicon::load();
    let d = common::doc(&[line]);
    let text = d.text().to_string();
    let at = text
        .find(&format!(" {verb}"))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{verb:?} not in {text:?}"));
    let span = dateline_doc::Span::new(at, at + verb.len());
    let s = d.sentence_at(at).expect("a sentence");
    dateline_events::event_place(&d, &lex, s, span)
        .map(|(_, spans)| spans.iter().map(|sp| d.slice(*sp).to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn a_fronted_place_gives_way_to_an_unknown_narrower_one() {
    assert_eq!(
        place_of(
            "In {Sarajevo|BA|city}, a tram driver was shot on Friday.",
            "shot"
        ),
        ["Sarajevo"]
    );
    assert!(
        place_of(
            "In {Sarajevo|BA|city}, a tram driver was shot near the Marin Dvor crossing.",
            "shot"
        )
        .is_empty()
    );
}

#[test]
fn a_container_after_an_unknown_place_is_not_the_event_place() {
    assert_eq!(
        place_of(
            "Gunmen killed two farmers in {Hama|SY|city} on Sunday.",
            "killed"
        ),
        ["Hama"]
    );
    assert!(
        place_of(
            "Gunmen killed two farmers near Tel Hamra in {Hama|SY|city} on Sunday.",
            "killed"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "Gunmen killed two farmers at Qasr village of {Hama|SY|city} on Sunday.",
            "killed"
        )
        .is_empty()
    );
}

#[test]
fn a_participle_inherits_a_place_only_without_one_of_its_own() {
    assert_eq!(
        place_of(
            "Troops launched an assault in {Varnholt|XX|city}, killing three gunmen.",
            "killing"
        ),
        ["Varnholt"]
    );
    assert!(
        place_of(
            "Troops launched an assault in {Varnholt|XX|city}, targeting the hilltop of Kel Duvan.",
            "targeting"
        )
        .is_empty()
    );
}

#[test]
fn talks_happen_where_they_meet_not_where_the_topic_is() {
    assert_eq!(
        place_of(
            "Ministers met in {Lausanne|CH|city} to discuss the siege of {Aleppo|SY|city}.",
            "met"
        ),
        ["Lausanne"]
    );
}

#[test]
fn a_possessed_noun_object_is_no_place() {
    assert_eq!(
        place_of("The rebels shelled {Homs|SY|city} on Friday.", "shelled"),
        ["Homs"]
    );
    assert!(
        place_of(
            "The rebels shelled {Homs|SY|city}'s main power plant on Friday.",
            "shelled"
        )
        .is_empty()
    );
}

#[test]
fn a_name_before_a_common_noun_does_not_displace_a_fronted_place() {
    assert_eq!(
        place_of(
            "In {Tallinn|EE|city}, a few dozen students demonstrated quietly outside the Moldovan consulate.",
            "demonstrated"
        ),
        ["Tallinn"]
    );
}

#[test]
fn a_container_name_of_several_words_does_not_hide_the_narrower_known_place() {
    // the walk from "Vellmar" back to "near" passes over the whole of "North Region"
    assert_eq!(
        place_of(
            "Officers shot a driver near the restless {North Region|XX|admin1} town of {Vellmar|XX|city} on Friday.",
            "shot"
        ),
        ["Vellmar"]
    );
}

#[test]
fn a_named_site_inside_a_city_is_narrower_than_the_city() {
    assert_eq!(
        place_of(
            "A gunman wounded four tourists at the museum in {Ostrava|CZ|city}.",
            "wounded"
        ),
        ["Ostrava"]
    );
    assert!(
        place_of(
            "A gunman wounded four tourists at the little Lesna Museum in {Ostrava|CZ|city}.",
            "wounded"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "A bomb exploded near the [Saint Anna Hospital|-|organization] in {Ostrava|CZ|city}.",
            "exploded"
        )
        .is_empty()
    );
}

#[test]
fn a_transliterated_name_with_an_article_is_a_narrower_place() {
    assert!(
        place_of(
            "A gunman killed three guards in the hamlet of al-Marwa east of {Zelvik|XX|city} on Tuesday.",
            "killed"
        )
        .is_empty()
    );
}

#[test]
fn a_name_after_a_unit_noun_is_a_place_whatever_the_entity_stage_made_of_it() {
    assert!(
        place_of(
            "Rebels attacked the town of [Sheikh Barakat|-|person] in {Hama|SY|city} province.",
            "attacked"
        )
        .is_empty()
    );
}

#[test]
fn a_nationality_before_a_site_is_no_narrower_place() {
    assert_eq!(
        place_of(
            "In {Brno|CZ|city}, dockers demonstrated beside the [Slovak|-|nationality] Consulate.",
            "demonstrated"
        ),
        ["Brno"]
    );
}

#[test]
fn a_place_that_is_the_passive_subject_of_a_material_act_is_its_place() {
    assert_eq!(
        place_of(
            "{Tikrit|IQ|city} was bombed repeatedly by coalition jets in 2003.",
            "bombed"
        ),
        ["Tikrit"]
    );
    // a progressive is no passive, and a surname-like subject of "shot" is a person's
    assert!(place_of("{Ghana|GH|country} is denying the reports.", "denying").is_empty());
}

#[test]
fn a_reference_point_is_the_place_only_when_nothing_narrower_is_named() {
    assert_eq!(
        place_of(
            "Border guards captured four smugglers in a sweep west of {Zelvik|XX|city} on Friday.",
            "captured"
        ),
        ["Zelvik"]
    );
    assert!(
        place_of(
            "A mine killed two herders in Bir Hamad town south of {Zelvik|XX|city} on Friday.",
            "killed"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "A mine killed two herders 25 km south of {Zelvik|XX|city} on Friday.",
            "killed"
        )
        .is_empty()
    );
}

#[test]
fn a_place_in_apposition_to_the_capital_is_attached() {
    assert_eq!(
        place_of(
            "A tax inspector was shot twice near the provincial capital, {Dravos|XX|city}, late on Sunday.",
            "shot"
        ),
        ["Dravos"]
    );
}

#[test]
fn a_comma_list_closed_by_and_is_one_coordination() {
    assert_eq!(
        place_of(
            "Workers demonstrated in {Lyon|FR|city}, {Nantes|FR|city} and {Lille|FR|city} on Monday.",
            "demonstrated"
        ),
        ["Lyon", "Nantes", "Lille"]
    );
    // an apposition is no list
    assert_eq!(
        place_of(
            "Workers demonstrated in {Lyon|FR|city}, {France|FR|country} on Monday.",
            "demonstrated"
        ),
        ["Lyon"]
    );
}

#[test]
fn the_narrower_of_two_known_places_joined_by_a_unit_noun_and_of_wins() {
    assert_eq!(
        place_of(
            "Agents arrested him in the {Boston|US|city} borough of {Dorchester|US|city} last week.",
            "arrested"
        ),
        ["Dorchester"]
    );
}

#[test]
fn a_named_county_of_a_province_is_narrower_than_the_province() {
    assert!(
        place_of(
            "Police shot four farmers in {Yunnan|CN|admin1} province's mountainous Lufeng county on Friday.",
            "shot"
        )
        .is_empty()
    );
}

#[test]
fn an_unknown_object_placed_in_a_region_is_narrower_than_the_region() {
    assert!(
        place_of(
            "Militiamen stormed Tal Jabin in western {Aleppo|SY|admin1} before dawn.",
            "stormed"
        )
        .is_empty()
    );
    // a person is no place: the region stays the event's
    assert_eq!(
        place_of(
            "Commandos captured Mansour in {Kenya|KE|country} last winter.",
            "captured"
        ),
        ["Kenya"]
    );
}

#[test]
fn a_coded_group_named_with_a_unit_noun_is_no_narrower_place() {
    // "State" ends the group's name; it is no unknown "X State" standing before the city
    assert_eq!(
        place_of(
            "Government troops attacked [Islamic State|IMGMOSISI|group] militants in {Tikrit|IQ|city} on Monday.",
            "attacked"
        ),
        ["Tikrit"]
    );
    // an unknown state that is no coded group still keeps its container from being the place
    assert!(
        place_of(
            "Gunmen attacked a market in Kwara State in {Nigeria|NG|country} on Monday.",
            "attacked"
        )
        .is_empty()
    );
}

#[test]
fn an_adjective_before_a_unit_noun_does_not_cut_the_place_from_its_preposition() {
    assert_eq!(
        place_of(
            "Militias launched an assault near the vital town of {Qurmal|SY|city} in southern {Hama|SY|city} early on Monday.",
            "launched"
        ),
        ["Qurmal"]
    );
}

#[test]
fn a_unit_noun_with_an_adjective_still_makes_a_direct_object_place() {
    assert_eq!(
        place_of(
            "Gunners shelled the historic town of {Qurmal|SY|city} in the hills of {Hama|SY|city} overnight.",
            "shelled"
        ),
        ["Qurmal"]
    );
}

#[test]
fn a_bare_place_before_a_unit_noun_is_narrower_than_its_container() {
    // a place the unit noun follows without a determiner is the narrower one ...
    assert_eq!(
        place_of(
            "A parcel bomb in {Kelmora|XX|city} neighbourhood in southern {Varnholt|XX|city} exploded on Tuesday.",
            "exploded"
        ),
        ["Kelmora"]
    );
    // ... but a place with a determiner before it modifies the unit noun
    assert_eq!(
        place_of(
            "Shells hit the {Damascus|SY|city} suburb of {Qaboun|SY|city} on Monday.",
            "hit"
        ),
        ["Qaboun"]
    );
}

#[test]
fn a_name_ending_in_its_own_unit_noun_before_of_is_the_narrower_place() {
    assert_eq!(
        place_of(
            "Jets bombed positions in the {Rashin District|IQ|city} of {Nineveh|IQ|city} on Monday.",
            "bombed"
        ),
        ["Rashin District"]
    );
}

#[test]
fn a_prize_or_a_shown_fact_is_no_event_with_a_place() {
    assert!(
        place_of(
            "The skater captured his second medal in {Calgary|CA|city} on Sunday.",
            "captured"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "The trial demonstrated that the vaccine works in {Kenya|KE|country}.",
            "demonstrated"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "Hundreds demonstrated in {Cairo|EG|city} on Thursday.",
            "demonstrated"
        ),
        ["Cairo"]
    );
    assert_eq!(
        place_of(
            "Militiamen captured the village in {Dravos|XX|city} on Tuesday.",
            "captured"
        ),
        ["Dravos"]
    );
}

#[test]
fn a_possessive_container_gives_way_to_the_city_its_unit_noun_names() {
    assert_eq!(
        place_of(
            "Guards shot a smuggler in {Ruritania|XX|country}'s sleepy southern city of {Zelvik|XX|city} late on Thursday.",
            "shot"
        ),
        ["Zelvik"]
    );
    assert_eq!(
        place_of(
            "A mine was detonated in {Ruritania|XX|country}'s flood-hit eastern province {Dravos|XX|city}.",
            "detonated"
        ),
        ["Dravos"]
    );
    // no unit noun: the possessive's owner stays the place
    assert_eq!(
        place_of(
            "Rebels attacked a convoy in {Yemen|YE|country}'s south on Monday.",
            "attacked"
        ),
        ["Yemen"]
    );
}

#[test]
fn a_film_shot_or_a_captured_image_is_no_event_with_a_place() {
    assert!(
        place_of(
            "The series that was written for Canada will be shot in {Portugal|PT|country} next spring.",
            "shot"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "A photographer captured the mood of the crowd in {Tunis|TN|city}.",
            "captured"
        )
        .is_empty()
    );
    // a documentary maker shot is a shooting
    assert_eq!(
        place_of(
            "A documentary maker was shot in {Pune|IN|city} on Sunday.",
            "shot"
        ),
        ["Pune"]
    );
}

#[test]
fn a_unit_noun_the_lexicon_knows_still_leads_to_its_preposition() {
    // "villages" is a word of some trigger pattern; the walk to "at" goes on through it
    assert_eq!(
        place_of(
            "Insurgents attacked before dawn on Monday, targeting army posts at the villages of {Qurmal|SY|city} and {Zorba|SY|city}.",
            "targeting"
        ),
        ["Qurmal", "Zorba"]
    );
}

#[test]
fn a_participle_clause_with_a_place_of_its_own_inherits_none() {
    // the clause names its own place, which no rule attaches: the earlier place is not its
    assert!(
        place_of(
            "Militants opened an assault in {Varnholt|XX|city} on Tuesday, targeting the police-run {Borek Quarter|XX|city} near the old port.",
            "targeting"
        )
        .is_empty()
    );
    // the clause reads through a parenthesis to its place
    assert!(
        place_of(
            "Militants opened an assault in {Varnholt|XX|city} on Tuesday, targeting the Coastal Guard Brigade (CGB) run {Borek Quarter|XX|city}.",
            "targeting"
        )
        .is_empty()
    );
}

#[test]
fn a_nationality_before_a_unit_noun_object_keeps_the_direct_object() {
    assert_eq!(
        place_of(
            "In May 2004 the cell bombed the [Basque|ESP|nationality] village of {Ortzegi|ES|city}, wounding 12 shoppers.",
            "bombed"
        ),
        ["Ortzegi"]
    );
}

#[test]
fn the_target_of_an_attack_noun_and_the_end_of_a_march_are_event_places() {
    assert_eq!(
        place_of(
            "Navy gunboats renewed attacks on {Kelmora|XX|city} on Wednesday.",
            "renewed"
        ),
        ["Kelmora"]
    );
    assert_eq!(
        place_of(
            "Thousands of farmers marched to {Plaza Mayor|ES|city} on Saturday.",
            "marched"
        ),
        ["Plaza Mayor"]
    );
    // "on" after a noun that is no attack names no place of the event
    assert!(
        place_of(
            "The envoy renewed pressure on {Dravos|XX|city} on Wednesday.",
            "renewed"
        )
        .is_empty()
    );
    // nor does "to" after a verb that is no movement
    assert!(place_of("The envoy spoke to {Dravos|XX|city} by telephone.", "spoke").is_empty());
}

#[test]
fn what_a_protest_is_against_is_no_place() {
    assert!(
        place_of(
            "Dockers protested against {Norland|XX|country} yesterday.",
            "protested"
        )
        .is_empty()
    );
    // where the protest was still places it, after its "against" phrase too
    assert_eq!(
        place_of(
            "Dockers protested against the port levy in {Harwick|XX|city} yesterday.",
            "protested"
        ),
        ["Harwick"]
    );
}

#[test]
fn a_possessor_before_a_common_noun_is_no_place() {
    // what follows "'s" is owned by the name: a minister, no place
    assert!(
        place_of(
            "A sniper shot a guard near {Ostravia|XX|country}'s defence minister on Tuesday.",
            "shot"
        )
        .is_empty()
    );
    // a geographic noun after "'s" keeps the name a place
    assert_eq!(
        place_of(
            "Bandits shot a ferryman in {Ostravia|XX|country}'s northern lakes during the parade.",
            "shot"
        ),
        ["Ostravia"]
    );
    // in the plural too: "provinces"
    assert_eq!(
        place_of(
            "Bandits shot a ferryman in {Ostravia|XX|country}'s coffee provinces last spring.",
            "shot"
        ),
        ["Ostravia"]
    );
}

#[test]
fn shot_up_without_an_object_is_a_rise_not_gunfire() {
    // a rise
    assert!(
        place_of(
            "Rents shot up threefold in {Velden|XX|city} after the mine opened.",
            "shot"
        )
        .is_empty()
    );
    // with a determiner after "up" it is gunfire
    assert_eq!(
        place_of(
            "A gang shot up two buses outside {Velden|XX|city} at dawn.",
            "shot"
        ),
        ["Velden"]
    );
}

#[test]
fn a_name_before_a_unit_noun_right_after_the_preposition_is_the_narrower_place() {
    // before the trigger, fronted or in the subject, where nothing else looks between the
    // preposition and the place
    assert!(
        place_of(
            "In Kessel town of {Ostrava|XX|region}, looters torched shops overnight.",
            "torched"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "Farmers in Kessel town of {Ostrava|XX|region} were arrested overnight.",
            "arrested"
        )
        .is_empty()
    );
    // with a determiner the unit noun belongs to the name after "of"
    assert_eq!(
        place_of(
            "In the old mill town of {Kessel|XX|city}, looters torched shops overnight.",
            "torched"
        ),
        ["Kessel"]
    );
}

#[test]
fn an_opening_clause_does_not_place_the_main_one() {
    // the opening phrase is a clause of its own: a subordinator ...
    assert!(
        place_of(
            "While the band played in {Tarnvik|XX|city}, hundreds of nurses marched to the ministry.",
            "marched"
        )
        .is_empty()
    );
    // ... or a relative pronoun before the place
    assert!(
        place_of(
            "Worried about relatives who work in {Tarnvik|XX|city}, the miners marched on Friday.",
            "marched"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "In {Tarnvik|XX|city}, hundreds of nurses marched on Friday.",
            "marched"
        ),
        ["Tarnvik"]
    );
    // a place that modifies the subject at the head of the sentence places it
    assert_eq!(
        place_of(
            "A notary in {Tarnvik|XX|city}, long a thorn in the council's side, was shot on Friday.",
            "shot"
        ),
        ["Tarnvik"]
    );
}

#[test]
fn an_unknown_narrower_place_before_the_trigger_keeps_the_container_out() {
    assert!(
        place_of(
            "Shepherds grazing flocks near Tarrow in {Ostrava|XX|region} were arrested by border guards.",
            "arrested"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "Shepherds in {Ostrava|XX|region} were arrested by border guards.",
            "arrested"
        ),
        ["Ostrava"]
    );
}

#[test]
fn a_participle_inherits_the_place_only_when_it_acts_on_people_there() {
    let line = "Rebels ambushed a patrol near {Merrin|XX|city}, injuring a captain.";
    assert_eq!(place_of(line, "injuring"), ["Merrin"]);
    // a participle of saying reports; an aimed participle has a target of its own
    assert!(
        place_of(
            "Rebels ambushed a patrol near {Merrin|XX|city}, adding that more raids would follow.",
            "adding"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "Rebels ambushed a patrol near {Merrin|XX|city}, seizing the grain stores by the river.",
            "seizing"
        )
        .is_empty()
    );
}

#[test]
fn a_participle_joined_by_and_shares_the_inherited_place() {
    let line = "Rebels raided a clinic in {Merrin|XX|city}, abducting two nurses and deliberately torching the pharmacy.";
    assert_eq!(place_of(line, "torching"), ["Merrin"]);
}

#[test]
fn an_aimed_participle_takes_no_fronted_place() {
    assert!(
        place_of(
            "In the hills of {Idlib|SY|region}, targeting the ridge near the dam, jets flew forty sorties.",
            "targeting"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "In the hills of {Idlib|SY|region}, jets bombed the ridge near the dam.",
            "bombed"
        ),
        ["Idlib"]
    );
}

#[test]
fn a_weekday_after_a_country_does_not_make_it_a_modifier() {
    assert_eq!(
        place_of(
            "Police arrested twelve miners in {Bolivia|BO|country} Thursday after a clash.",
            "arrested"
        ),
        ["Bolivia"]
    );
    // a capitalised noun after a country still makes it an actor's name
    assert!(
        place_of(
            "Three fishermen were arrested by {Bolivia|BO|country} Navy patrols.",
            "arrested"
        )
        .is_empty()
    );
}

#[test]
fn a_name_with_an_age_is_a_person_and_fame_is_no_event() {
    assert!(
        place_of(
            "Soldiers detained {Georgia|GE|country}, 34, at a roadblock late on Tuesday.",
            "detained"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "Soldiers detained two journalists in {Georgia|GE|country}, officials said.",
            "detained"
        ),
        ["Georgia"]
    );
    assert!(
        place_of(
            "Her band shot to national prominence with a single recorded in {Chile|CL|country}.",
            "shot"
        )
        .is_empty()
    );
}

#[test]
fn the_finest_place_of_one_locative_phrase_is_the_event_place() {
    // a named unit inside a province, a district inside a city, after a possessive
    assert_eq!(
        place_of(
            "Gunmen killed a driver in the {Orvik|RU|admin2} area of {Dravos|RU|admin1} province.",
            "killed"
        ),
        ["Orvik"]
    );
    assert_eq!(
        place_of(
            "Two grenades exploded in the {Karvo|XK|city} district in central {Zelvik|XK|city} overnight.",
            "exploded"
        ),
        ["Karvo"]
    );
    assert_eq!(
        place_of(
            "A landmine wounded three soldiers in {Zelvik|XK|city}'s eastern {Osterby|XK|admin2} district.",
            "wounded"
        ),
        ["Osterby"]
    );
    // the name of the unit in apposition to it
    assert_eq!(
        place_of(
            "Police fired on marchers in a nearby {Zelvik|XK|city} neighbourhood, {Osterby|XK|city}.",
            "fired"
        ),
        ["Osterby"]
    );
    // "in" and a possessive say which contains which, whatever the gazetteer's features
    assert_eq!(
        place_of(
            "Soldiers patrolled {Besko|XK|city} in {Talmir|XK|admin2} district on Monday.",
            "patrolled"
        ),
        ["Besko"]
    );
    // a reference point is no container: the event stays at the place named
    assert_eq!(
        place_of(
            "Insurgents bombed a tax office in {Talmir|XK|admin2} district, west of {Zelvik|XK|city}.",
            "bombed"
        ),
        ["Talmir"]
    );
    assert_eq!(
        place_of(
            "Police detonated two devices found in {Zelvik|XK|city}'s neighbouring province of {Dravos|XK|admin1}.",
            "detonated"
        ),
        ["Dravos"]
    );
    // a name before a unit noun and "of" a place is the container of that place
    assert_eq!(
        place_of(
            "Shells hit the {Zelvik|XK|city} suburb of {Osterby|XK|admin2} on Sunday.",
            "hit"
        ),
        ["Osterby"]
    );
    // a description after a comma is not a narrower place
    assert_eq!(
        place_of(
            "In {Besko|XK|city}, the oldest {Kelmar|XK|region} town, crowds marched on Friday.",
            "marched"
        ),
        ["Besko"]
    );
}

#[test]
fn a_place_in_an_organisation_name_is_no_event_place() {
    assert!(
        place_of(
            "Drones struck the Federation of {Varnholt|XV|country} and the {Coastlands|XV|region} depots on Friday.",
            "struck"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "Protesters attacked the Bank of {Ruritania|RR|country} offices on Friday.",
            "attacked"
        )
        .is_empty()
    );
    // (a place after an event noun and "of" still is: "the siege of Zelvik")
    assert_eq!(
        place_of(
            "Government jets struck positions in the east of {Varnholt|XV|country} on Friday.",
            "struck"
        ),
        ["Varnholt"]
    );
}

#[test]
fn a_place_after_a_second_predicate_is_not_the_first_ones() {
    assert!(
        place_of(
            "The pilot was captured last spring and has since been living in {Dravos|XK|city}.",
            "captured"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "The envoy was seized by rebels and later became a teacher in {Zelvik|XK|city}.",
            "seized"
        )
        .is_empty()
    );
    // material acts joined by "and" share the place
    assert_eq!(
        place_of(
            "The guard was shot and was killed in {Zelvik|XK|city} on Friday.",
            "shot"
        ),
        ["Zelvik"]
    );
    assert_eq!(
        place_of(
            "Gunmen shot two guards and wounded a driver in {Zelvik|XK|city} on Friday.",
            "shot"
        ),
        ["Zelvik"]
    );
}

#[test]
fn a_list_of_containers_after_a_comma_is_no_apposed_unit() {
    assert_eq!(
        place_of(
            "Gunmen killed five farmers in {Besko|XK|city} village, {Talmir|XK|admin2} district on Friday.",
            "killed"
        ),
        ["Besko"]
    );
}

#[test]
fn an_opening_place_gives_way_to_a_narrower_one_the_sentence_names() {
    assert_eq!(
        place_of(
            "In {Dravos|XK|admin1}, two guards were shot near the {Osterby|XK|landmark} crossing on Friday.",
            "shot"
        ),
        ["Osterby"]
    );
    assert_eq!(
        place_of(
            "North of {Zelvik|XK|city}, a grenade wounded two pupils in the village of {Besko|XK|city}.",
            "wounded"
        ),
        ["Besko"]
    );
    // a place of another matter after "while" is not it
    assert_eq!(
        place_of(
            "In {Dravos|XK|admin1}, two guards were shot on Friday while talks went on in the town of {Besko|XK|city}.",
            "shot"
        ),
        ["Dravos"]
    );
}

#[test]
fn a_country_before_an_embassy_names_its_owner_not_the_place() {
    assert_eq!(
        place_of(
            "On Sunday dockers marched to the {Varnholt|XV|country} and [Ruritanian|RUR|nationality] embassies in {Zelvik|XK|city}.",
            "marched"
        ),
        ["Zelvik"]
    );
    assert_eq!(
        place_of(
            "On Tuesday nurses demonstrated outside the {Varnholt|XV|country} honorary consulate in {Zelvik|XK|city}.",
            "demonstrated"
        ),
        ["Zelvik"]
    );
}

#[test]
fn a_movement_named_with_both_ends_happened_at_neither() {
    assert!(
        place_of(
            "Teachers set off marching from {Besko|XK|city} toward the river town of {Zelvik|XK|city} at dawn.",
            "marching"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "Students will march from the old market in {Besko|XK|city} toward {Zelvik|XK|city} on Sunday.",
            "march"
        )
        .is_empty()
    );
    // one end named: that is all the sentence says of where
    assert_eq!(
        place_of(
            "Nurses marched from the hospital in {Besko|XK|city} to a square by the river.",
            "marched"
        ),
        ["Besko"]
    );
    assert_eq!(
        place_of(
            "The strikers marched to the town hall in {Zelvik|XK|city} on Sunday.",
            "marched"
        ),
        ["Zelvik"]
    );
}

#[test]
fn a_country_before_a_soldier_or_a_vehicle_names_its_owner() {
    assert!(
        place_of(
            "Militiamen shot down two {Varnholt|XV|country} helicopters on Monday.",
            "shot"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "The grenade killed a {Varnholt|XV|country} soldier on Monday.",
            "killed"
        )
        .is_empty()
    );
}

#[test]
fn a_name_before_a_role_noun_or_an_auxiliary_is_no_direct_object_place() {
    assert!(
        place_of(
            "Troops captured the {Dravos|XK|admin1} chief of the militia on Tuesday.",
            "captured"
        )
        .is_empty()
    );
    assert!(
        place_of(
            "The envoy said {Zelvik|XK|city} is the safest city in the region.",
            "said"
        )
        .is_empty()
    );
    assert_eq!(
        place_of("Troops captured {Zelvik|XK|city} on Tuesday.", "captured"),
        ["Zelvik"]
    );
}

#[test]
fn a_camera_capturing_a_scene_is_no_event_with_a_place() {
    assert!(
        place_of(
            "Security cameras captured two men leaving the bank in {Zelvik|XK|city} on Tuesday.",
            "captured"
        )
        .is_empty()
    );
    assert_eq!(
        place_of(
            "A fishing trawler and its eight sailors were captured off {Zelvik|XK|city} on Tuesday.",
            "captured"
        ),
        ["Zelvik"]
    );
}

#[test]
fn a_place_in_a_from_phrase_is_where_someone_comes_from() {
    assert_eq!(
        place_of(
            "Busloads of nurses from across {Dravos|XK|admin1} marched in {Zelvik|XK|city} on Saturday.",
            "marched"
        ),
        ["Zelvik"]
    );
    assert!(
        place_of(
            "Soldiers back from tours in {Zelvik|XK|city} demonstrated on Saturday.",
            "demonstrated"
        )
        .is_empty()
    );
    // the "from" phrase ends at its own name, or at a time
    assert_eq!(
        place_of(
            "A sniper wounded two miners from {Besko|XK|city} near the village of {Zelvik|XK|city}.",
            "wounded"
        ),
        ["Zelvik"]
    );
}

#[test]
fn a_place_before_a_second_predicate_is_not_the_later_verbs() {
    assert!(
        place_of(
            "The smuggler was detained in {Zelvik|XK|city} and faces trial for providing fuel to the rebels.",
            "providing"
        )
        .is_empty()
    );
}
