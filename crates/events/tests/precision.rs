//! Precision: word senses, generic mentions, non-occurrence and background readings that are
//! no event (or no occurred event) of the trigger's code, each beside a sentence with the same
//! trigger that is one. Sentences written for these tests. Each line: expectations | sentence;
//! `!NN` = no occurred event of root NN, `none` = no event at all.

mod common;

const SENSE: &str = "\
# a brawl or a sports scuffle between people with no armed or state actor is no armed fight
!19 | The two linebackers fought on the sideline after the whistle.
!19 | Two neighbours got into a fight over a parking space.
190 occurred src=VALMIL | [Valdorian troops|VALMIL|group] fought the rebels near the dam.
# a fight or a war in a peaceful domain
!19 | The trade war has hurt soybean growers for a second year.
!19 | The singer is recovering from a long cancer battle.
!19 | The publisher is fighting extradition to Ormund.
!19 | Crews battled the blaze for six hours.
# an address, a weapon drawn, a compound adjective
!14 | The victim lived in the 2300 block of Harbor Avenue.
!087 | The robber pulled out a knife and demanded cash.
0874 occurred src=VALMIL | [Valdorian troops|VALMIL|group] pulled out of the border town.
!05 | [Ormund|ORM|country]-backed militias seized the ridge.
# harm to oneself, by accident
!18 | Deputies said the hunter accidentally shot himself in the leg.
# a release of a thing or from hospital
!084 | The ministry released the names of the new envoys.
!084 | The driver was treated for cuts and released from the hospital.
!084 | The prosecutor said in a news release that the case was closed.
0841 occurred src=VALREB | [The rebels|VALREB|group] released two aid workers on Sunday.
# a question or a tip-line request is no appeal
!02 | The senator asked the minister about the delays at the port.
!02 | Detectives ask anyone with information to call the station.
# a document's content, an impression, a characterisation, a ruling
!02 | Forecasts call for heavy rain on the coast.
!14 | The episode struck many observers as staged.
!13 | Rising tensions are threatening to derail the recovery.
!11 | The appeals court dismissed the case against the editor.
# resigning a company post, withdrawing a business filing
!083 | The founder resigned as chief executive in March.
!087 | The startup is withdrawing its application for a bank licence.
# ending an investigation is no investigation
!09 | Prosecutors have dropped their investigation into the contract.
# a noun modifying another noun, a kind under an abstract head, a speech setting
!06 | Critics say the extradition bill threatens the courts.
!04 | Analysts doubt the prospects for any sort of trade deal this year.
!19 | The town served as a staging post in the fight against the insurgency.
!04 | Officials familiar with the talks described the mood as tense.
!14 | The governor spoke at a rally in the capital.
# a habitual relative clause, statistics
!04 | The economist, who consults with several ministries, spoke to reporters.
!18 | Non-fatal shootings are down 12 percent compared with last year.
# declining to answer is no rejection
!12 | The spokesman declined to answer questions about the budget.
";

const STATUS: &str = "\
# a non-occurrence governor
06 negated | The banker has so far avoided extradition to [Ormund|ORM|country].
# a counterfactual, with or without a negation inside it
03 hypothetical; !03 | [Ormund|ORM|country] would not otherwise have agreed to a ceasefire.
# an inverted conditional
08 hypothetical; !08 | Sanctions will follow should [Ormund|ORM|country] not accede to the terms.
# a tip-line names a known event; a guess about a past event's nature keeps it past
18 occurred | Police ask anyone with information on the stabbing to come forward.
18 occurred | Detectives believe the stabbing may have been a robbery.
# a purpose or wish is no occurred event
08 hypothetical; !08 | [Valdoria|VAL|country] has been eager to withdraw its troops from the border.
";

const DATES: &str = "\
# a year inside the trigger's noun phrase dates it before the story: no publication date
112 occurred date=none | Prosecutors reopened a 2011 fraud allegation against [the mayor|VALGOV|person].
09 occurred date=none | The panel cited an earlier investigation by [the Valdorian police|VALCOP|organization].
";

#[test]
fn wrong_senses_and_generic_mentions_are_no_events() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("sense", SENSE, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn non_occurrence_counterfactual_and_conditional_status() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("status", STATUS, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn background_in_the_noun_phrase_gets_no_publication_date() {
    let lex = dateline_events::Lexicon::load();
    let failures = common::run_fixture("dates", DATES, &lex);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
