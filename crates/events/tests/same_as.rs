//! Repeated mentions of one event within an article (`same_as`), in articles written for these
//! tests: a headline or standfirst mention and an anaphoric body mention ("the arrests", "those
//! detained") join the most specific compatible body mention; distinct events of one root stay
//! apart.

mod common;

use dateline_doc::Doc;

fn coded(lines: &[&str]) -> Doc {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(lines);
    dateline_events::code(&mut d, &lex);
    d
}

/// The index of the event whose trigger text is `trigger` (the `nth` such, from 0).
fn ev(d: &Doc, trigger: &str, nth: usize) -> usize {
    d.events
        .iter()
        .enumerate()
        .filter(|(_, e)| d.slice(e.trigger) == trigger)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no event {trigger:?} #{nth}:\n{}", common::summary(d)))
}

/// The first mention of `i`'s group (itself when it stands alone or is the first).
fn group(d: &Doc, i: usize) -> usize {
    d.events[i].same_as.unwrap_or(i)
}

#[test]
fn headline_standfirst_and_body_mentions_are_one_arrest() {
    let d = coded(&[
        "T: Police detain dozens after dock strike",
        "S: Officers detain strikers at the harbour gates",
        "[Police|KENCOP|organization] in {Kisumu|KE|city} arrested 42 dock workers \
         <on Tuesday|2016-12-13|day> after a strike over pay.",
        "The strike had closed the harbour for a week.",
    ]);
    let s = common::summary(&d);
    let (head, stand, body) = (
        ev(&d, "detain", 0),
        ev(&d, "detain", 1),
        ev(&d, "arrested", 0),
    );
    assert_eq!(d.events[head].same_as, None, "{s}");
    assert_eq!(d.events[stand].same_as, Some(head), "{s}");
    assert_eq!(d.events[body].same_as, Some(head), "{s}");
    // the headline mention learns the body's place and date
    let p = d.events[head].place.expect("a place");
    assert_eq!(d.places[p.place].name, "Kisumu", "{s}");
    assert_eq!(
        d.events[head].date.as_ref().map(|x| x.value.as_str()),
        Some("2016-12-13"),
        "{s}"
    );
}

#[test]
fn an_anaphoric_later_mention_joins_the_event() {
    let d = coded(&[
        "T: Police detain dozens after dock strike",
        "[Police|KENCOP|organization] in {Kisumu|KE|city} arrested 42 dock workers \
         <on Tuesday|2016-12-13|day>.",
        "A union spokesman said the workers had not been violent.",
        "The 20-year-old shop steward was among those detained.",
    ]);
    let s = common::summary(&d);
    let (head, body) = (ev(&d, "detain", 0), ev(&d, "arrested", 0));
    let later = ev(&d, "detained", 0);
    assert_eq!(group(&d, body), head, "{s}");
    assert_eq!(group(&d, later), head, "{s}");
}

#[test]
fn a_plain_repeat_in_the_body_is_not_linked() {
    // two body sentences each telling an arrest, neither referring back: two records, no link
    let d = coded(&[
        "[Police|KENCOP|organization] arrested a trader in {Kisumu|KE|city} \
         <on Tuesday|2016-12-13|day>.",
        "Soldiers arrested a farmer in {Eldoret|KE|city} <on Monday|2016-12-12|day>.",
    ]);
    let s = common::summary(&d);
    ev(&d, "arrested", 1);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn two_attacks_in_one_article_stay_apart() {
    let d = coded(&[
        "T: Militants attack market in {Maiduguri|NG|city}",
        "Militants attacked a market in {Maiduguri|NG|city} <on Monday|2016-12-12|day>.",
        "Militants attacked a church in {Kano|NG|city} <on Tuesday|2016-12-13|day>.",
        "The attack in {Kano|NG|city} was the third this month.",
    ]);
    let s = common::summary(&d);
    let head = ev(&d, "attack", 0);
    let (a1, a2) = (ev(&d, "attacked", 0), ev(&d, "attacked", 1));
    // the headline joins the Maiduguri attack, not the Kano one
    assert_eq!(group(&d, a1), head, "{s}");
    assert_eq!(d.events[a2].same_as, None, "{s}");
    assert_ne!(group(&d, a2), group(&d, a1), "{s}");
    // the anaphor placed in Kano joins the Kano attack
    let later = ev(&d, "attack", 1);
    assert_eq!(group(&d, later), a2, "{s}");
}

#[test]
fn an_anaphor_between_two_attacks_names_the_nearest_and_a_distant_one_stays_alone() {
    // "the attack" right after the Kano attack names it (the reader has just met it)
    let d = coded(&[
        "Militants attacked a market in {Maiduguri|NG|city} <on Monday|2016-12-12|day>.",
        "Militants attacked a church in {Kano|NG|city} <on Tuesday|2016-12-13|day>.",
        "Residents fled after the attack.",
    ]);
    let s = common::summary(&d);
    let (a1, a2) = (ev(&d, "attacked", 0), ev(&d, "attacked", 1));
    let later = ev(&d, "attack", 0);
    assert_eq!(d.events[later].same_as, Some(a2), "{s}");
    assert_eq!(d.events[a2].same_as, None, "{s}");
    assert_ne!(group(&d, a1), group(&d, a2), "{s}");
    // four sentences on, with both attacks behind it, "the attack" could be either: no link
    let d = coded(&[
        "Militants attacked a market in {Maiduguri|NG|city} <on Monday|2016-12-12|day>.",
        "Militants attacked a church in {Kano|NG|city} <on Tuesday|2016-12-13|day>.",
        "The governor cut short a trip abroad.",
        "Schools stayed shut in both states.",
        "Traders said prices had doubled.",
        "Residents fled after the attack.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_headline_counting_two_attacks_stays_alone() {
    let d = coded(&[
        "T: Two attacks kill 12 in northern Nigeria",
        "Militants attacked a market in {Maiduguri|NG|city} <on Monday|2016-12-12|day>.",
        "Militants attacked a church in {Kano|NG|city} <on Tuesday|2016-12-13|day>.",
    ]);
    let s = common::summary(&d);
    ev(&d, "attacked", 1);
    ev(&d, "attacks", 0);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_planned_meeting_and_a_held_one_stay_apart() {
    let d = coded(&[
        "T: Ministers meet in Geneva",
        "[Swiss|CHE|nationality] and [French|FRA|nationality] ministers met in \
         {Geneva|CH|city} <on Monday|2016-12-12|day>.",
        "They will meet again in {Paris|FR|city} <in January|2017-01|month>.",
    ]);
    let s = common::summary(&d);
    let head = ev(&d, "meet", 0);
    let held = ev(&d, "met", 0);
    let planned = d
        .events
        .iter()
        .position(|e| e.status == dateline_doc::Status::Planned)
        .unwrap_or_else(|| panic!("no planned meeting:\n{s}"));
    assert_eq!(group(&d, held), head, "{s}");
    assert_eq!(d.events[planned].same_as, None, "{s}");
    assert_ne!(group(&d, planned), head, "{s}");
}

#[test]
fn conflicting_actors_stay_apart() {
    // the headline's soldiers are not the body's police
    let d = coded(&[
        "T: [Soldiers|KENMIL|organization] detain protesters",
        "[Police|KENCOP|organization] in {Kisumu|KE|city} arrested 12 traders \
         <on Tuesday|2016-12-13|day>.",
    ]);
    let s = common::summary(&d);
    ev(&d, "detain", 0);
    ev(&d, "arrested", 0);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_re_mention_joins_the_meeting_the_headline_places_not_a_fuller_earlier_one() {
    // the body first recalls earlier bilateral talks with a named partner, then reports the
    // meeting the headline is about; "the meeting" afterwards is the headline's meeting
    let d = coded(&[
        "T: Harbour meeting in {Tarvik|NO|city} ends without a deal",
        "[The minister|NORGOV|person] had failed to win a deal in earlier talks with \
         [Denmark|DNK|country].",
        "A four-nation meeting in {Tarvik|NO|city} then looked at the fishing limits.",
        "After the meeting, the envoys flew home.",
    ]);
    let s = common::summary(&d);
    let (head, earlier, held, again) = (
        ev(&d, "meeting", 0),
        ev(&d, "talks with", 0),
        ev(&d, "meeting", 1),
        ev(&d, "meeting", 2),
    );
    assert_eq!(group(&d, again), group(&d, held), "{s}");
    assert_eq!(group(&d, held), head, "{s}");
    assert_ne!(group(&d, earlier), group(&d, again), "{s}");
}

#[test]
fn such_a_meeting_refers_back_to_the_meeting() {
    let d = coded(&[
        "[The ministry|VALGOV|organization] convened a meeting of provincial governors \
         <on Monday|2016-12-12|day>.",
        "Critics said such a meeting changed nothing.",
    ]);
    let s = common::summary(&d);
    let again = ev(&d, "meeting", 1);
    // it joins the first sentence's meeting (there told twice: convened, a meeting)
    let joined = d.events[again].same_as.expect(&s);
    assert_eq!(
        d.events[joined].sentence,
        d.events[ev(&d, "meeting", 0)].sentence,
        "{s}"
    );
}

#[test]
fn a_second_telling_of_an_act_on_the_same_named_person_joins_the_first() {
    let d = coded(&[
        "Deputies arrested [Tobin Varga|-|person] at a motel off the bypass.",
        "[Tobin Varga|-|person] was arrested after a short chase, the clerk said.",
        "Deputies arrested [Ilse Moreau|-|person] at the depot.",
    ]);
    let s = common::summary(&d);
    let (a1, a2, a3) = (
        ev(&d, "arrested", 0),
        ev(&d, "arrested", 1),
        ev(&d, "arrested", 2),
    );
    assert_eq!(d.events[a2].same_as, Some(a1), "{s}");
    // another person in the same role is another arrest
    assert_eq!(d.events[a3].same_as, None, "{s}");
}

#[test]
fn a_resignation_or_a_trip_by_the_same_named_person_told_again_is_one() {
    let d = coded(&[
        "[Lina Ruiz|VALGOV|person] resigned on Monday.",
        "[Lina Ruiz|VALGOV|person] resigned after an audit of the port contracts, aides said.",
        "[Tomas Brel|VALGOV|person] travelled to {Kisumu|KE|city} for the talks.",
        "[Tomas Brel|VALGOV|person] travelled to {Kisumu|KE|city} by road, his office said.",
        "[Amos Kerr|VALJUD|person] asked for the files.",
        "[Amos Kerr|VALJUD|person] asked for a delay.",
    ]);
    let s = common::summary(&d);
    let (r1, r2) = (ev(&d, "resigned", 0), ev(&d, "resigned", 1));
    assert_eq!(d.events[r2].same_as, Some(r1), "{s}");
    let (t1, t2) = (ev(&d, "travelled to", 0), ev(&d, "travelled to", 1));
    assert_eq!(d.events[t2].same_as, Some(t1), "{s}");
    // two requests by one person may be two
    let q2 = ev(&d, "asked", 1);
    assert_eq!(d.events[q2].same_as, None, "{s}");
}

#[test]
fn the_same_person_acted_on_in_another_year_or_by_another_kind_of_act_stays_apart() {
    let d = coded(&[
        "Deputies arrested [Tobin Varga|-|person] at a motel off the bypass.",
        "[Tobin Varga|-|person] was arrested <in 2009|2009|year> for a burglary.",
        "A neighbour accused [Tobin Varga|-|person] of theft.",
        "The prosecutor criticised [Tobin Varga|-|person] over the lies.",
    ]);
    let s = common::summary(&d);
    let a2 = ev(&d, "arrested", 1);
    assert_eq!(d.events[a2].same_as, None, "{s}");
    let crit = ev(&d, "criticised", 0);
    assert_eq!(d.events[crit].same_as, None, "{s}");
}

#[test]
fn a_possessive_mention_refers_back_to_the_act() {
    let d = coded(&[
        "Deputies arrested [Tobin Varga|-|person] at a motel off the bypass <on Monday|2016-12-12|day>.",
        "A tip from a neighbour led to [Tobin Varga|-|person]\u{2019}s arrest.",
    ]);
    let s = common::summary(&d);
    let (a1, a2) = (ev(&d, "arrested", 0), ev(&d, "arrest", 0));
    assert_eq!(d.events[a2].same_as, Some(a1), "{s}");
}

#[test]
fn a_home_invasion_is_no_military_invasion() {
    let d =
        coded(&["Two men were hurt in a home invasion on Elm Street <on Friday|2016-12-09|day>."]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| !e.cameo.starts_with("19")), "{s}");
}

#[test]
fn the_attack_in_a_story_of_assault_is_that_assault() {
    let d = coded(&[
        "[Ned Cole|-|person] killed [Ada Marsh|-|person] in her garage <on Tuesday|2016-12-13|day>.",
        "Deputies said a hammer from the shed was the weapon in the attack.",
    ]);
    let s = common::summary(&d);
    let a = ev(&d, "attack", 0);
    assert_eq!(d.events[a].cameo, "180", "{s}");
    assert_eq!(d.events[a].same_as, Some(ev(&d, "killed", 0)), "{s}");
}

#[test]
fn an_attack_in_a_story_of_armed_conflict_stays_military_force() {
    let d = coded(&[
        "[Separatist fighters|VALREB|group] shelled the village of {Prisi|GE|city} <on Monday|2016-12-12|day>.",
        "The village of {Prisi|GE|city} came under attack late at night.",
    ]);
    let s = common::summary(&d);
    assert_eq!(d.events[ev(&d, "attack", 0)].cameo, "190", "{s}");
}

#[test]
fn a_sentence_printed_twice_links_its_events_to_the_first_print() {
    let d = coded(&[
        "[Police|KENCOP|organization] arrested a trader in {Kisumu|KE|city} <on Tuesday|2016-12-13|day>.",
        "The market stayed shut.",
        "[Police|KENCOP|organization] arrested a trader in {Kisumu|KE|city} <on Tuesday|2016-12-13|day>.",
    ]);
    let s = common::summary(&d);
    let (a1, a2) = (ev(&d, "arrested", 0), ev(&d, "arrested", 1));
    assert_eq!(d.events[a2].same_as, Some(a1), "{s}");
}

#[test]
fn one_shooting_told_again_and_again_is_one_event() {
    let d = coded(&[
        "Two brothers were hurt in a shooting by the bakery on {Elm Street|US|city} <on Sunday|2016-12-11|day>.",
        "Neighbours called the police about a shooting on the corner.",
        "One of the gunmen was shooting at a parked van, a witness said.",
    ]);
    let s = common::summary(&d);
    let first = ev(&d, "shooting", 0);
    assert_eq!(d.events[ev(&d, "shooting", 1)].same_as, Some(first), "{s}");
    assert_eq!(d.events[ev(&d, "shooting", 2)].same_as, Some(first), "{s}");
}

#[test]
fn shootings_in_an_article_that_tells_of_another_stay_apart() {
    let d = coded(&[
        "Two brothers were hurt in a shooting by the bakery on {Elm Street|US|city} <on Sunday|2016-12-11|day>.",
        "In another shooting, a woman was hurt on a bus.",
        "Deputies said a man was shooting at cars from a bridge.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_second_act_later_or_again_stays_apart() {
    let d = coded(&[
        "[Police|VALCOP|organization] shot a protester in {Cairo|EG|city} <on Friday|2016-12-09|day>.",
        "Hours later, [police|VALCOP|organization] shot a student near the university.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
    let d = coded(&[
        "[Police|VALCOP|organization] detained [Maria Lopez|-|person] at the march.",
        "[Police|VALCOP|organization] detained [Maria Lopez|-|person] a second time outside her home.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_definite_mention_with_modifiers_refers_back_and_one_set_apart_does_not() {
    let d = coded(&[
        "[Rebels|VALREB|group] attacked a police post in {Kisumu|KE|city} <on Tuesday|2016-12-13|day>.",
        "The market stayed shut.",
        "Officials said the dawn attack was the work of [the rebels|VALREB|group].",
    ]);
    let s = common::summary(&d);
    assert_eq!(
        d.events[ev(&d, "attack", 0)].same_as,
        Some(ev(&d, "attacked", 0)),
        "{s}"
    );
    // an act of a series or of a recurring kind, or a subject before a verb, is no re-mention
    let d = coded(&[
        "[Police|KENCOP|organization] arrested a trader in {Kisumu|KE|city} <on Tuesday|2016-12-13|day>.",
        "The night patrol arrested two dockers near the pier.",
        "The most recent arrest came after a dispute over fees.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn another_shooting_with_a_place_name_between_stays_apart() {
    let d = coded(&[
        "T: Shooting near depot",
        "Two men were hurt in a shooting near the depot on {Elm Street|US|city} <on Sunday|2016-12-11|day>.",
        "Detectives said the shooting followed a quarrel.",
        "Another Westside shooting left a teenager hurt.",
    ]);
    let s = common::summary(&d);
    let last = ev(&d, "shooting", 2);
    assert_eq!(group(&d, last), last, "{s}");
    assert_eq!(
        group(&d, ev(&d, "shooting", 1)),
        ev(&d, "Shooting", 0),
        "{s}"
    );
}

#[test]
fn one_shooting_told_by_several_verbs_and_anaphors_is_one_group() {
    // the page repeats its headline before the first sentence; "shot dead" and "gunned down"
    // share that sentence, and each gathers mentions of its own: the article tells of one
    // shooting of one victim, so both groups are one event
    let d = coded(&[
        "T: Baker shot dead outside his shop",
        "Gallery: Baker shot dead outside his shop [Owen Hale|-|person], 41, was gunned down by two masked men outside his bakery on Birch Road <on Friday|2016-12-09|day>, police said.",
        "A second car then pulled up and its driver began shooting as well, a witness said.",
        "The attack lasted less than a minute.",
        "Detectives said the shooting followed a quarrel over rent.",
    ]);
    let s = common::summary(&d);
    let head = ev(&d, "shot dead", 0);
    for (t, k) in [
        ("shot dead", 1),
        ("gunned down", 0),
        ("shooting", 0),
        ("shooting", 1),
    ] {
        assert_eq!(group(&d, ev(&d, t, k)), head, "{t} #{k}\n{s}");
    }
}

#[test]
fn a_sentence_printed_again_inside_a_longer_one_links_to_it() {
    // the first print ran together with a headline the page repeated before it
    let d = coded(&[
        "Trader held at market Police in Kisumu said [police|KENCOP|organization] arrested a trader at the fish market after a quarrel.",
        "The market stayed shut.",
        "Police in Kisumu said [police|KENCOP|organization] arrested a trader at the fish market after a quarrel.",
    ]);
    let s = common::summary(&d);
    let (a1, a2) = (ev(&d, "arrested", 0), ev(&d, "arrested", 1));
    assert_eq!(d.events[a2].same_as, Some(a1), "{s}");
}

#[test]
fn later_far_from_the_act_does_not_make_it_a_second_one() {
    // "later" belongs to the identifying, not to the shooting
    let d = coded(&[
        "Two brothers were charged on Monday.",
        "A neighbour would later name the brothers as the gunmen in the shooting.",
        "Detectives collected casings left by a Sunday afternoon shooting at the bus depot.",
    ]);
    let s = common::summary(&d);
    let (a, b) = (ev(&d, "shooting", 0), ev(&d, "shooting", 1));
    assert_eq!(group(&d, a), group(&d, b), "{s}");
}

#[test]
fn an_arrest_told_again_of_the_same_unnamed_person_is_one_arrest() {
    let d = coded(&[
        "A 30-year-old man was arrested late Friday after a robbery at a petrol station.",
        "The cashier was not hurt.",
        "Officers said the suspect was arrested while walking along the canal path.",
    ]);
    let s = common::summary(&d);
    let (a, b) = (ev(&d, "arrested", 0), ev(&d, "arrested", 1));
    assert_eq!(group(&d, b), group(&d, a), "{s}");
    // a new person, a count, or an arrest set apart stays apart
    let d = coded(&[
        "A 30-year-old man was arrested late Friday after a robbery at a petrol station.",
        "A Dunmore woman was arrested for shoplifting at the market.",
        "He has been arrested three times since March.",
        "Officers said the suspect was also arrested on an old warrant.",
    ]);
    let s = common::summary(&d);
    assert!(d.events.iter().all(|e| e.same_as.is_none()), "{s}");
}

#[test]
fn a_killing_named_again_in_one_sentence_is_one_event() {
    // "the murder of a trader in a stabbing": one act, named by two nouns
    let d = coded(&[
        "A youth was charged with the murder of a trader in a stabbing near the docks in January.",
    ]);
    let violent: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with("18"))
        .collect();
    assert_eq!(violent.len(), 1, "{}", common::summary(&d));
}

#[test]
fn a_first_anaphor_joins_the_act_told_in_full_next() {
    // the lead names "the shooting" before the story tells it
    let d = coded(&[
        "Two men are on trial alongside a neighbour accused of hiding the gunmen in the hours \
         after the shooting.",
        "The court heard that [Lena Ortiz|-|person] was shot by two masked gunmen on bicycles.",
        "She died in hospital.",
    ]);
    let s = common::summary(&d);
    let (lead, told) = (ev(&d, "shooting", 0), ev(&d, "shot", 0));
    assert_eq!(group(&d, told), lead, "{s}");
    // a general count told next is no act of its own
    let d = coded(&[
        "A car bomb exploded near a market, the fifth major attack in the capital this month.",
        "The blast came a day after officials said overall attacks nationwide had fallen.",
    ]);
    let s = common::summary(&d);
    if let Some(plural) = d
        .events
        .iter()
        .position(|e| d.slice(e.trigger) == "attacks")
    {
        assert_eq!(d.events[plural].same_as, None, "{s}");
    }
}

#[test]
fn an_appeal_told_again_in_the_speakers_words_is_one_event() {
    let d = coded(&[
        "[The United States|USA|country] urges [the Valdorian government|VALGOV|organization] \
         to repeal the law on activists, a spokeswoman said.",
        "The law took effect in March.",
        "\u{201c}We urge [the Valdorian government|VALGOV|organization] to cancel the \
         requirement,\u{201d} she added.",
    ]);
    let s = common::summary(&d);
    let (first, again) = (ev(&d, "urges", 0), ev(&d, "urge", 0));
    assert_eq!(group(&d, again), first, "{s}");
    // an accusation answered by the accused is another accusation
    let d = coded(&[
        "[Valdoria|VAL|country] accuses [the rebels|VALREB|group] of starting the violence.",
        "[Rebel officials|VALREB|group] accuse [Valdoria|VAL|country] of massing troops near \
         the border.",
    ]);
    let s = common::summary(&d);
    let (a, b) = (ev(&d, "accuses", 0), ev(&d, "accuse", 0));
    assert_ne!(group(&d, b), group(&d, a), "{s}");
}

#[test]
fn the_earlier_shooting_is_another_act() {
    // a first anaphor does not join an act set apart by its own words
    let d = coded(&[
        "Police are not releasing details about the shooting while the case is under \
         investigation.",
        "The earlier shooting, around 3:40 p.m. on Grant Street, left [a man|-|person] with minor \
         injuries.",
        "Police said there is no evidence the two shootings were related.",
    ]);
    let s = common::summary(&d);
    let (a, b) = (ev(&d, "shooting", 0), ev(&d, "shooting", 1));
    assert_ne!(group(&d, b), group(&d, a), "{s}");
}

#[test]
fn a_visit_and_the_talks_held_on_it_stay_apart() {
    // a visit (042) is a trip, the talks on it another event (040): the anaphor "the visit"
    // does not join the talks
    let d = coded(&[
        "[Valdorian|VAL|nationality] and [Ormund|ORM|nationality] ministers held talks \
         <on Monday|2016-12-12|day>.",
        "The visit was the first by a Valdorian minister in a decade.",
    ]);
    let s = common::summary(&d);
    let talks = ev(&d, "held talks", 0);
    let visit = ev(&d, "visit", 0);
    assert_ne!(group(&d, visit), group(&d, talks), "{s}");
}

#[test]
fn a_day_inside_a_span_of_days_is_the_same_date() {
    // "overnight" spans two days; the attacks "on Thursday" fall inside it, so the two body
    // mentions agree (they may be one act) and the headline joins the most specific of them
    let d = coded(&[
        "T: Ormund launches missile strikes on rebel camps",
        "[Ormundi forces|ORMMIL|group] launched missile attacks on [rebel|VALREB|group] camps \
         <on Thursday|2016-12-15|day>.",
        "[Ormundi jets|ORMMIL|group] struck the camps <overnight|2016-12-14/2016-12-15|day>, \
         officials said.",
    ]);
    let head = ev(&d, "missile strikes", 0);
    let body = ev(&d, "launched missile attacks", 0);
    assert_eq!(group(&d, head), group(&d, body), "{}", common::summary(&d));
}

#[test]
fn the_ledes_arrest_of_someone_unnamed_told_again_with_the_name_is_one_arrest() {
    let d = coded(&[
        "A Dunmore man was arrested <on Wednesday|2016-12-07|day> after a chase through two counties, deputies said.",
        "The chase began when the driver fled a traffic stop on the interstate.",
        "[Ivo Marsh|-|person], 36, of Dunmore was arrested without incident at a farm near the river.",
    ]);
    let s = common::summary(&d);
    let (a1, a2) = (ev(&d, "arrested", 0), ev(&d, "arrested", 1));
    assert_eq!(d.events[a2].same_as, Some(a1), "{s}");
    // someone else's arrest told in the body is no lede: the named arrest stays apart
    let d = coded(&[
        "The boy drowned on Sunday while in the care of his father.",
        "He lived with his father after his mother was arrested on drug charges.",
        "[Ivo Marsh|-|person] was arrested <on Saturday|2016-12-10|day> and charged with neglect.",
    ]);
    let s = common::summary(&d);
    let a2 = ev(&d, "arrested", 1);
    assert_eq!(d.events[a2].same_as, None, "{s}");
}

#[test]
fn a_shooting_named_by_the_whole_name_and_by_the_surname_and_dated_late_last_month_is_one() {
    // publication 2016-12-14: a text date two weeks back fits an undated mention of the same
    // act on the same person; the victim named in full and by the surname is one victim
    let d = coded(&[
        "Two men face charges following the shooting death of [Ikeem Ward|-|person].",
        "[Ward|-|person] was shot near a petrol station <on November 29|2016-11-29|day>.",
        "A witness said the gunman began to shoot at [Ward|-|person] from a car.",
    ]);
    let s = common::summary(&d);
    let first = ev(&d, "shooting", 0);
    assert_eq!(group(&d, ev(&d, "shot", 0)), first, "{s}");
    assert_eq!(group(&d, ev(&d, "shoot", 0)), first, "{s}");
    // an act on the same person six weeks before publication stays apart
    let d = coded(&[
        "Deputies arrested [Tobin Varga|-|person] at a motel off the bypass.",
        "[Tobin Varga|-|person] was arrested <on October 30|2016-10-30|day> for a burglary.",
    ]);
    let s = common::summary(&d);
    assert_eq!(d.events[ev(&d, "arrested", 1)].same_as, None, "{s}");
}

#[test]
fn a_placed_headline_names_the_meeting_held_there_and_both_its_body_tellings() {
    // the body also tells talks elsewhere in time and people: the headline's anchors clash,
    // but only the meeting in Oslo is placed where the headline places its meeting; the body's
    // first sentence tells that meeting twice ("talks … as a meeting in Oslo")
    let d = coded(&[
        "T: {Oslo|NO|city} meeting fails to settle fishing dispute",
        "S: Six-nation meeting in {Norway|NO|country} fails to agree on any quota.",
        "A new round of talks has failed again to settle the fishing quarrel, as a six-nation \
         meeting in the coastal city of {Oslo|NO|city} did not agree on any quota.",
        "[Arnold Bex|USAGOV|person] held talks with [Russia|RUS|country] \
         <on Friday|2016-12-09|day> about the sanctions.",
        "[Greta Lund|NORGOV|person] met [Ivan Petrov|RUSGOV|person] <last week|2016-W48|week> \
         to discuss the quota.",
    ]);
    let s = common::summary(&d);
    let head = ev(&d, "meeting", 0);
    assert_eq!(d.events[head].same_as, None, "{s}");
    assert_eq!(group(&d, ev(&d, "meeting", 1)), head, "{s}");
    assert_eq!(group(&d, ev(&d, "round of talks", 0)), head, "{s}");
    assert_eq!(group(&d, ev(&d, "meeting", 2)), head, "{s}");
    // the talks with Russia and the meeting with Petrov stay events of their own
    assert_eq!(
        group(&d, ev(&d, "held talks", 0)),
        ev(&d, "held talks", 0),
        "{s}"
    );
    assert_eq!(group(&d, ev(&d, "met", 0)), ev(&d, "met", 0), "{s}");
}

#[test]
fn two_definite_mentions_in_one_sentence_join_the_meeting_they_name() {
    let d = coded(&[
        "T: Oslo talks end without deal",
        "[Foreign ministers|IGOEUR|group] met in {Oslo|NO|city} <on Saturday|2016-10-15|day> \
         to discuss the border.",
        "After the meeting, [the envoy|IGOUNO|person] told reporters that the talks were useful.",
    ]);
    let s = common::summary(&d);
    let (met, meeting, talks) = (ev(&d, "met", 0), ev(&d, "meeting", 0), ev(&d, "talks", 1));
    assert_eq!(group(&d, meeting), group(&d, met), "{s}");
    assert_eq!(group(&d, talks), group(&d, met), "{s}");
}

#[test]
fn a_definite_mention_told_as_the_answer_to_another_stays_apart() {
    let d = coded(&[
        "[Foreign ministers|IGOEUR|group] met in {Oslo|NO|city} <on Saturday|2016-10-15|day>.",
        "The meeting took place in response to the commissioner's consultation on the plan.",
    ]);
    let s = common::summary(&d);
    let (meeting, consultation) = (ev(&d, "meeting", 0), ev(&d, "consultation", 0));
    assert_ne!(group(&d, meeting), group(&d, consultation), "{s}");
}

#[test]
fn an_act_told_as_coming_after_another_of_its_kind_stays_apart() {
    let d = coded(&[
        "[Gunmen|VALREB|group] attacked a mosque in {Kano|NG|city} <on Friday|2016-12-09|day>, killing 12 people.",
        "The attack came two days after the attack on a church in the city.",
    ]);
    let s = common::summary(&d);
    let (first, second) = (ev(&d, "attack", 0), ev(&d, "attack", 1));
    assert_ne!(group(&d, first), group(&d, second), "{s}");
}
