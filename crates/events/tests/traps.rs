//! The phenomena of /work/shared/examples/traps.md items 1-15, in sentences written anew for
//! these tests (publication date Wednesday 2016-12-14). Each line: expectations | sentence.

mod common;

const TRAPS: &str = "\
# 1 failure: the negotiations happened, the truce did not
046 occurred date=2016-12-12 place=Vienna; !087; !057; !030 | The delegations failed to agree on a truce after a day of negotiations in {Vienna|AT|city} <on Monday|2016-12-12|day>.
# 1, the line drawn: failing or being unable to agree is no rejection (a negated agreement);
# refusing to accept something is a rejection that occurred
03 negated; !12 | The two delegations could not agree on the border line.
!12; !03 | [Norway|NOR|country] and [Sweden|SWE|country] failed to agree on the fishing quotas.
120 occurred src=NOR; !03 | [Norway|NOR|country] refused to accept the fishing quotas.
# 2 denial
!19; !18 | [The militants|XXXREB|group] denied shelling the aid convoy.
# 3 collapse without a deal
046 occurred; !057; !03 | Negotiations broke down without an agreement.
# 4 never
054 negated; !054 | [Beijing|CHN|country] has never recognised [Taiwan|TWN|country].
# 5 reported negation
195 negated; !19 | [The military|XXXMIL|organization] said it had not launched any air strikes in the province.
# 6 plan with place and date
040 planned date=2016-12-20 place=Geneva | The two presidents will meet in {Geneva|CH|city} <next Tuesday|2016-12-20|day>.
# 7 threat occurred, the act is conditional
13 occurred src=GRC; !191; !17 | [Athens|GRC|country] threatened to seal off the frontier if the influx went on.
# 8 scheduled signing
057 planned date=2016-12-16 | Negotiators are due to sign the treaty <on Friday|2016-12-16|day>.
# 9 a possible consequence is no event
!20; !201 | Experts warned that the siege could spark a new wave of displacement.
# 10 passive with a nominal agent
195 occurred src=ISRMIL | Two clinics were struck by suspected [Israeli|ISR|nationality] air strikes.
# 11 nominal trigger, coordinated agents, place-bound target
194 occurred src=IRQMIL,IRNMIL tgt=SYRREB | The shelling of [the rebel-held districts|SYRREB|group] by [Iraqi|IRQ|nationality] and [Iranian|IRN|nationality] forces went on.
# 13 the meeting's place, not the topic's
040 occurred place=Geneva | Diplomats meeting in {Geneva|CH|city} debated the blockade of {Gaza|PS|city}.
# 14 a fronted adjunct places the main verb; the attack keeps its own place
111 occurred place=London; 183 occurred place=Kabul | Speaking in {London|GB|city}, the minister condemned the bombing in {Kabul|AF|city}.
# 15 a -based modifier is neither actor nor place
190 occurred place=Idlib | A {Turkey|TR|country}-based monitoring group reported fighting near {Idlib|SY|city}.
";

#[test]
fn traps_one_to_fifteen() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("traps", TRAPS, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hosting_several_guests_is_one_event_with_a_target_list() {
    // trap 12
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&[
        "[Merkel|DEUGOV|person] hosted [Hollande|FRAGOV|person] and [Renzi|ITAGOV|person] and four other European leaders.",
    ]);
    dateline_events::code(&mut d, &lex);
    let hosts: Vec<_> = d.events.iter().filter(|e| e.cameo == "043").collect();
    assert_eq!(hosts.len(), 1, "{}", common::summary(&d));
    assert_eq!(hosts[0].target.len(), 2, "{}", common::summary(&d));
}

#[test]
fn a_natural_hazard_is_no_attack() {
    let lex = dateline_events::Lexicon::load();
    for text in [
        "The earthquake struck before dawn near {Antakya|TR|city}.",
        "A powerful storm hit the coast of {Mozambique|MZ|country} on Monday.",
    ] {
        let mut d = common::doc(&[text]);
        dateline_events::code(&mut d, &lex);
        assert!(d.events.is_empty(), "{text}: {}", common::summary(&d));
    }
    // A human agent with the same verb is still an attack.
    let mut d = common::doc(&["[Russian|RUS|nationality] jets struck {Idlib|SY|city} on Monday."]);
    dateline_events::code(&mut d, &lex);
    assert!(!d.events.is_empty(), "{}", common::summary(&d));
}

#[test]
fn a_question_is_not_an_occurred_event() {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&["What is happening in {Aleppo|SY|city}?"]);
    dateline_events::code(&mut d, &lex);
    assert!(d.events.is_empty(), "{}", common::summary(&d));
    let mut d = common::doc(&["Will [Russia|RUS|country] bomb [Syria|SYR|country] again?"]);
    dateline_events::code(&mut d, &lex);
    assert!(
        d.events
            .iter()
            .all(|e| e.status != dateline_doc::Status::Occurred),
        "{}",
        common::summary(&d)
    );
}

#[test]
fn headline_and_body_mentions_are_linked() {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&[
        "T: {Vienna|AT|city} talks fail to end deadlock",
        "S: Ministers meeting in {Austria|AT|country} fail to agree on a truce.",
        "[Kerry|USAGOV|person] and [Lavrov|RUSGOV|person] held talks in {Vienna|AT|city} <on Tuesday|2016-12-13|day>.",
    ]);
    dateline_events::code(&mut d, &lex);
    let s = common::summary(&d);
    let talks: Vec<usize> = (0..d.events.len())
        .filter(|&i| d.events[i].cameo.starts_with("04"))
        .collect();
    assert!(talks.len() >= 2, "{s}");
    let first = talks[0];
    assert!(
        talks[1..]
            .iter()
            .all(|&i| d.events[i].same_as == Some(first)),
        "{s}"
    );
    // the truce is negated, never occurred
    assert!(
        d.events
            .iter()
            .filter(|e| e.cameo.starts_with("087") || e.cameo.starts_with("03"))
            .all(|e| e.status == dateline_doc::Status::Negated),
        "{s}"
    );
}

#[test]
fn attribution_is_recorded() {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&[
        "Jets bombed [the market|-|organization] <on Friday|2016-12-09|day>, according to [the Syrian Observatory|NGO|organization].",
    ]);
    dateline_events::code(&mut d, &lex);
    let s = common::summary(&d);
    let e = d
        .events
        .iter()
        .find(|e| e.cameo.starts_with("19"))
        .expect(&s);
    let who = e.reported_by.expect(&s);
    assert_eq!(d.entities[who].name, "the Syrian Observatory");
    assert_eq!(e.date.as_ref().unwrap().value, "2016-12-09");
}

/// False events analysts reported: an act named as the subject of a modal, and a word for an
/// act inside a short quotation. Sentences written for these tests.
const FALSE_EVENTS: &str = "\
# the subject of a modal is a possibility, not an occurred clash
19 hypothetical; !19 | The fighting could cut off food supplies to the besieged town.
!19 | Heavy shelling in the north may force thousands from their homes.
!19 | Clashes between the two militias would wreck the truce.
# ... or a plan
04 planned; !04 | Talks in {Doha|QA|city} will resume after the holiday.
# ... and a reported would with a date after publication is a plan; without one it stays possible
040 planned date=2016-12-19 | The envoy said the next round of talks would be <on Monday|2016-12-19|day>.
04 hypothetical; !04 | The envoy said that talks would be pointless.
# a quoted word for an act is a characterisation
!14 | Police said the \"riot\" had been a peaceful sit-in.
!19 | The opposition accused the government of waging a \u{201c}war on its own people\u{201d}.
!18; !19 | Officials called the raid on the newspaper an \"assault\" on free speech.
# welcoming an event: its actors are the target
051 occurred src=NOR tgt=CHL,PER | [Norway|NOR|country] welcomed the resumption of ties between [Chile|CHL|country] and [Peru|PER|country].
051 occurred src=NOR tgt=CHL | [Norway|NOR|country] welcomed the resumption of diplomatic ties with [Chile|CHL|country].
# a country's narrower place, not the country, is where it happened
19 occurred place=Anbar | [Militants|XXXREB|group] attacked a checkpoint in {Iraq|IQ|country}'s western {Anbar|IQ|province} province.
# a cumulative toll over a whole country places no event
18 occurred place=none | [The rebels|XXXREB|group] have killed more than 300 soldiers in {Yemen|YE|country}.
";

#[test]
fn modal_subjects_and_quoted_labels_are_no_occurred_events() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("false events", FALSE_EVENTS, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Document structure and readings that are no event, or no occurred event (#4).
const STRUCTURE: &str = "\
# a list row whose cause column holds a trigger word names no event
!19; !09 | * 2016-03-02, Corporal Ann Example, Army Office of Special Investigations, [US|USA|country] Bomb
# a list item with a verb keeps its event
190 | * 2016-03-02: [Rebel fighters|SYRREB|group] attacked an army checkpoint near {Homs|SY|city}.
# a link to another story
none | Read more: Rebels attack an army base near the border
# a wiki-style section title
none | == The attack ==
# a trigger word inside an organisation's name in running text
!09 | Two agents of the Bureau of Criminal Investigations spoke to the pupils on Monday.
# capture of a place is occupation, across a possessive apostrophe; of a person an arrest
192; !173 | [Government troops|SYRMIL|group] captured the rebels' last stronghold in the valley.
173 | [Police|XXXCOP|organization] captured the escaped prisoner near the border.
# a sought capture has not happened
!173 | [Police|XXXCOP|organization] are seeking to capture the escaped prisoner.
!173 | [The ministry|XXXGOV|organization] pledged cash for tips leading to the capture of [the smuggler|XXXCRM|person].
# asking a question is no appeal
!02 | \"Where did the money go?\" Okafor asked.
!02 | [The judge|XXXJUD|person] asked the tired old night watchman on duty that evening whether the door was locked.
# a negated verdict does not negate the act it names
180 | [The courier|XXXCRM|person] pleaded not guilty to attacking [the guard|XXXCOP|person] at the depot.
";

#[test]
fn structure_and_non_event_readings() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("structure", STRUCTURE, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_heading_without_a_verb_yields_no_event() {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&[
        "H: Air strikes and the siege",
        "[Syrian|SYR|nationality] jets bombed {Aleppo|SY|city} <on Monday|2016-12-12|day>.",
    ]);
    dateline_events::code(&mut d, &lex);
    assert!(
        d.events.iter().all(|e| d.sentences[e.sentence].block == 1),
        "{}",
        common::summary(&d)
    );
    assert!(!d.events.is_empty(), "{}", common::summary(&d));
}

#[test]
fn a_question_split_from_its_asker_is_no_appeal() {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(&["\"Where did the money go?\" Okafor asked. Nobody answered."]);
    dateline_events::code(&mut d, &lex);
    assert!(
        !d.events.iter().any(|e| e.cameo.starts_with("02")),
        "{}",
        common::summary(&d)
    );
}

#[test]
fn a_bracketed_link_headline_yields_no_event() {
    use dateline_doc::{BlockKind, BlockText, Doc, Meta};
    let lex = dateline_events::Lexicon::load();
    let run = |text: &str| {
        let blocks = [BlockText {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
        }];
        let mut d = Doc::from_blocks(Meta::default(), &blocks, vec![]);
        dateline_segment::segment(&mut d);
        dateline_events::code(&mut d, &lex);
        d.events.len()
    };
    let story = "Thousands joined street protests in the capital on Sunday.";
    assert!(run(story) > 0, "the sentence itself is coded");
    assert_eq!(run(&format!("[{story}]")), 0);
}
