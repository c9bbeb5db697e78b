//! Event dates and the planned status a date can give, in sentences written for these tests
//! (publication date Wednesday 2016-12-14): the time expression that governs a trigger is the
//! one in its own clause or phrase, not one in a relative clause, a reduced relative or a noun
//! modifier; a past-tense verb names a past act whatever its date; a made attempt occurred.

mod common;

/// Date value, basis and status of the event whose trigger text starts with `trigger` in the
/// one-sentence document `line`.
fn event(line: &str, trigger: &str) -> (String, String, String) {
    event_in(&[line], trigger)
}

/// The same in the document of several `lines` (blocks).
fn event_in(lines: &[&str], trigger: &str) -> (String, String, String) {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(lines);
    dateline_events::code(&mut d, &lex);
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.trigger).starts_with(trigger))
        .unwrap_or_else(|| panic!("no event {trigger:?} in\n{}", common::summary(&d)));
    let (value, basis) = e.date.as_ref().map_or(("none".into(), "none".into()), |x| {
        (x.value.clone(), format!("{:?}", x.basis).to_lowercase())
    });
    (value, basis, format!("{:?}", e.status).to_lowercase())
}

fn date(line: &str, trigger: &str) -> String {
    event(line, trigger).0
}

#[test]
fn a_time_in_the_triggers_own_phrase_beats_the_main_verbs() {
    // the plea is Monday's, the attack March's
    assert_eq!(
        date(
            "[A fisherman|-|person] confessed <on Monday|2016-12-12|day> to attacking [a harbour guard|XXXCOP|person] at the quay <in March|2016-03|month>.",
            "attacking"
        ),
        "2016-03"
    );
    // with no time of its own, the complement keeps the main verb's
    assert_eq!(
        date(
            "[A fisherman|-|person] confessed <on Monday|2016-12-12|day> to attacking [a harbour guard|XXXCOP|person].",
            "attacking"
        ),
        "2016-12-12"
    );
    // a time right before a verb, or fronted, still governs it
    assert_eq!(
        date(
            "[Police|XXXCOP|organization] <on Monday|2016-12-12|day> arrested two dockers.",
            "arrested"
        ),
        "2016-12-12"
    );
}

#[test]
fn a_time_in_a_relative_clause_dates_that_clause_only() {
    let (v, basis, _) = event(
        "[The senator|-|person], who lost his seat <last month|2016-11|month>, accused [the ministry|-|organization] of fraud.",
        "accused",
    );
    assert_eq!((v.as_str(), basis.as_str()), ("2016-12-14", "published"));
    // inside the relative clause the time is the clause's own
    assert_eq!(
        date(
            "[The senator|-|person], who attacked a reporter <last month|2016-11|month>, resigned.",
            "attacked"
        ),
        "2016-11"
    );
}

#[test]
fn a_time_modifying_another_noun_is_not_the_triggers() {
    let (v, basis, _) = event(
        "[Prosecutors|-|organization] accused [the governor|-|person] of falsifying the <2014|2014|year> accounts.",
        "accused",
    );
    assert_eq!((v.as_str(), basis.as_str()), ("2016-12-14", "published"));
    // ... but the trigger's own modifier ("the May 3 attack") and a time adjunct
    // ("in the 1988 war") date it
    assert_eq!(
        date(
            "Witnesses described the <May 3|2016-05-03|day> attack on the depot.",
            "attack"
        ),
        "2016-05-03"
    );
    assert_eq!(
        date(
            "[Ruritania|RUR|country] seized the islands in the <1988|1988|year> border war.",
            "seized"
        ),
        "1988"
    );
}

#[test]
fn a_when_clause_takes_its_head_nouns_date() {
    assert_eq!(
        date(
            "Aides recalled the <May 3|2016-05-03|day> dinner when [the governor|-|person] threatened [the smugglers|XXXREB|group].",
            "threatened"
        ),
        "2016-05-03"
    );
}

#[test]
fn a_time_across_a_reduced_relative_is_not_the_triggers() {
    // the participle clause holds the attack; 1990 is the death's
    assert_ne!(
        date(
            "A fourth patient died <in 1990|1990|year> from burns sustained in the attack.",
            "attack"
        ),
        "1990"
    );
    // the approval is April's, the protests are not
    assert_ne!(
        date(
            "Protests against the tax plan approved by the council <in April|2016-04|month> spread to the capital.",
            "Protests"
        ),
        "2016-04"
    );
}

#[test]
fn the_subject_of_was_an_attack_on_date_takes_the_date() {
    assert_eq!(
        date(
            "The ferry terminal bombing was a deliberate attack <on 4 June 1988|1988-06-04|day> on the navy.",
            "bombing"
        ),
        "1988-06-04"
    );
}

#[test]
fn a_past_verb_is_no_plan_whatever_its_date() {
    // a weekday resolved forward by mistake does not make a past arrest a plan
    let (v, _, st) = event(
        "[Police|XXXCOP|organization] arrested two dockers <on Thursday|2016-12-15|day>.",
        "arrested",
    );
    assert_eq!((v.as_str(), st.as_str()), ("2016-12-15", "occurred"));
    // the purpose of a past act is past
    assert_eq!(
        event(
            "[Soldiers|XXXMIL|organization] went to the square to attack the protesters <this weekend|2016-12-17/2016-12-18|day>.",
            "attack"
        )
        .2,
        "occurred"
    );
    // a future verb, or a past verb that announces or arranges, still makes a plan
    assert_eq!(
        event(
            "[Soldiers|XXXMIL|organization] will attack the town <on Friday|2016-12-16|day>.",
            "attack"
        )
        .2,
        "planned"
    );
    assert_eq!(
        event(
            "[The union|-|organization] scheduled a protest in the capital <on Friday|2016-12-16|day>.",
            "protest"
        )
        .2,
        "planned"
    );
    // an intent expressed in the past ("agreed to meet") is an act that occurred, whatever
    // the date of the meeting it announces
    assert_eq!(
        event(
            "[Ruritania|RUR|country] and [Freedonia|FRE|country] agreed to meet in Geneva <on Friday|2016-12-16|day>.",
            "agreed to meet"
        )
        .2,
        "occurred"
    );
}

#[test]
fn a_made_attempt_occurred() {
    assert_eq!(
        event(
            "[The gang|-|group]'s attempt to kidnap the mayor shocked the town.",
            "kidnap"
        )
        .2,
        "occurred"
    );
    assert_eq!(
        event(
            "[Three militants|XXXREB|group] attempted to kidnap a judge.",
            "kidnap"
        )
        .2,
        "occurred"
    );
    // an attempt still to come is a plan
    assert_eq!(
        event(
            "[The militants|XXXREB|group] will try to kidnap a judge.",
            "kidnap"
        )
        .2,
        "planned"
    );
    assert_eq!(
        event(
            "[The militants|XXXREB|group] plan another attempt to kidnap a judge.",
            "kidnap"
        )
        .2,
        "planned"
    );
}

#[test]
fn fronted_coordinated_and_possessive_times() {
    // a fronted prepositional time governs the clause's verb
    assert_eq!(
        date(
            "In <January|2016-01|month>, [gunmen|-|group] attacked a bus depot.",
            "attacked"
        ),
        "2016-01"
    );
    // a verb coordinated with a dated verb shares its time
    assert_eq!(
        date(
            "[The minister|-|person] <on Tuesday|2016-12-13|day> condemned the raid and accused [the militia|XXXREB|group] of murder.",
            "accused"
        ),
        "2016-12-13"
    );
    // a possessive time reaches its noun across adjectives
    assert_eq!(
        date(
            "[Police|XXXCOP|organization] arrested a courier over <last year|2015|year>'s deadly depot bombing.",
            "bombing"
        ),
        "2015"
    );
    // a time after a clause's last trigger belongs to it, not to a participle after a comma
    assert_eq!(
        date(
            "Two car bombs exploded near the grain silos <Friday|2016-12-09|day>, killing six guards.",
            "car bombs"
        ),
        "2016-12-09"
    );
}

/// Date value of the event whose trigger text starts with `trigger` in the document of
/// `lines` (publication date 2016-12-14); "none" when it has none.
fn date_in(lines: &[&str], trigger: &str) -> String {
    event_in(lines, trigger).0
}

#[test]
fn a_past_act_in_a_story_told_of_years_before_takes_no_publication_date() {
    let story = |third: &str| {
        date_in(
            &[
                "The quarrel over the border has a long history.",
                "[The army|XXXMIL|organization] first clashed with [the rebels|XXXREB|group] near the river in <March 2009|2009-03|month>.",
                third,
            ],
            "criticized",
        )
    };
    // told in the past right after a sentence dated years before: part of that story
    assert_eq!(
        story("[The envoy|IGOUNO|person] criticized [the army|XXXMIL|organization] and left."),
        "none"
    );
    // a present or a perfect brings the story back to the day of publication
    assert_eq!(
        story(
            "[The envoy|IGOUNO|person] has criticized [the army|XXXMIL|organization] and is in talks."
        ),
        "2016-12-14"
    );
    // an aside in a story of today: the time before the old one is recent
    assert_eq!(
        date_in(
            &[
                "[Police|XXXCOP|organization] arrested a man <on Monday|2016-12-12|day> after a standoff.",
                "[Police|XXXCOP|organization] first arrested him in <2009|2009|year> for assault.",
                "[Officers|XXXCOP|group] seized two rifles from [the man|XXXCRM|person].",
            ],
            "seized",
        ),
        "2016-12-14"
    );
    // a year before a noun names that thing, not the time of the story
    assert_eq!(
        date_in(
            &[
                "[The ministers|XXXGOV|group] met <on Monday|2016-12-12|day> at the border.",
                "Ten people died in the <March 2009|2009-03|month> flood.",
                "[The envoy|IGOUNO|person] criticized [the army|XXXMIL|organization] and left.",
            ],
            "criticized",
        ),
        "2016-12-14"
    );
}
