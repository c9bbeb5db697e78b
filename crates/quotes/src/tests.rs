//! Sentences written for these tests (not taken from any corpus).

use super::*;
use dateline_doc::{BlockKind, BlockText, Entity, Meta};

fn doc(paragraphs: &[&str]) -> Doc {
    let blocks: Vec<BlockText> = paragraphs
        .iter()
        .map(|p| BlockText {
            kind: BlockKind::Paragraph,
            text: (*p).to_string(),
        })
        .collect();
    let mut d = Doc::from_blocks(Meta::default(), &blocks, Vec::new());
    dateline_segment::segment(&mut d);
    d
}

fn run(paragraphs: &[&str]) -> (Doc, Vec<Attribution>) {
    let d = doc(paragraphs);
    let a = analyse(&d);
    assert!(
        a.iter()
            .all(|x| d.text().is_char_boundary(x.quote.span.start)
                && d.text().is_char_boundary(x.quote.span.end)),
        "spans on char boundaries"
    );
    (d, a)
}

fn find<'a>(d: &Doc, a: &'a [Attribution], text: &str) -> &'a Attribution {
    a.iter()
        .find(|x| d.slice(x.quote.span) == text)
        .unwrap_or_else(|| {
            panic!(
                "no quote {text:?} among {:?}",
                a.iter().map(|x| d.slice(x.quote.span)).collect::<Vec<_>>()
            )
        })
}

fn name(a: &Attribution) -> &str {
    a.quote.speaker_name.as_deref().unwrap_or("")
}

fn cue<'d>(d: &'d Doc, a: &Attribution) -> &'d str {
    a.quote.cue.map_or("", |c| d.slice(c))
}

#[test]
fn speaker_after_the_quote_inverted_and_plain() {
    let (d, a) = run(&[
        "“The bridge will open next spring,” said Mayor Ana Lopez.",
        "“We are ready,” Lopez told reporters on Tuesday.",
        "\"Nothing was decided,\" a spokesman for the ministry said.",
    ]);
    let q = find(&d, &a, "The bridge will open next spring,");
    assert_eq!(q.quote.kind, QuoteKind::Direct);
    assert_eq!(name(q), "Ana Lopez");
    assert_eq!(cue(&d, q), "said");
    let q = find(&d, &a, "We are ready,");
    assert_eq!(name(q), "Lopez");
    assert_eq!(cue(&d, q), "told");
    let q = find(&d, &a, "Nothing was decided,");
    assert_eq!(name(q), "a spokesman for the ministry");
}

#[test]
fn speaker_before_the_quote_with_colon() {
    let (d, a) = run(&["Kerry said: “We made progress, but not enough.”"]);
    let q = find(&d, &a, "We made progress, but not enough.");
    assert_eq!(q.quote.kind, QuoteKind::Direct);
    assert_eq!(name(q), "Kerry");
    assert_eq!(cue(&d, q), "said");
}

#[test]
fn partial_quote_in_reported_speech_with_pronoun() {
    let (d, a) = run(&[
        "The envoy Maria Rossi met the delegations in Vienna.",
        "After the meeting, she told reporters that the talks were “constructive”, but admitted that no deal was reached.",
    ]);
    let q = find(&d, &a, "constructive");
    assert_eq!(q.quote.kind, QuoteKind::Partial);
    assert_eq!(name(q), "Maria Rossi");
    assert_eq!(cue(&d, q), "told");
    assert_eq!(
        q.speaker_span.map(|s| d.slice(s)),
        Some("she"),
        "the phrase as written"
    );
}

#[test]
fn pronoun_follows_gender() {
    let (d, a) = run(&[
        "Hillary Clinton spoke after Mr. Tom Baker left the stage.",
        "He said the plan would cost too much.",
        "She said the plan was fair.",
    ]);
    let he = find(&d, &a, "the plan would cost too much");
    assert_eq!(he.quote.kind, QuoteKind::Indirect);
    assert_eq!(name(he), "Tom Baker");
    let she = find(&d, &a, "the plan was fair");
    assert_eq!(name(she), "Hillary Clinton");
}

#[test]
fn organisation_speaking_through_a_statement() {
    let (d, a) = run(&[
        "“This will let the injured leave the town,” said a statement from one of the aid groups, Doctors Without Borders.",
        "“The road is open,” the ministry’s statement said.",
    ]);
    let q = find(&d, &a, "This will let the injured leave the town,");
    assert_eq!(name(q), "Doctors Without Borders");
    let q = find(&d, &a, "The road is open,");
    assert_eq!(name(q), "ministry");
}

#[test]
fn scare_quotes_are_not_quotes() {
    let (d, a) = run(&[
        "Ivanov said the aim was to press countries backing “moderate” groups.",
        "Countries that support “moderate” opposition groups met again.",
        "The so-called “peace plan” failed.",
    ]);
    assert!(
        a.iter()
            .all(|x| !d.slice(x.quote.span).contains("moderate")
                || x.quote.kind == QuoteKind::Indirect),
        "{:?}",
        a.iter().map(|x| d.slice(x.quote.span)).collect::<Vec<_>>()
    );
    assert!(a.iter().all(|x| d.slice(x.quote.span) != "peace plan"));
    // The reported clause itself is still indirect speech by Ivanov.
    let q = find(
        &d,
        &a,
        "the aim was to press countries backing “moderate” groups",
    );
    assert_eq!(q.quote.kind, QuoteKind::Indirect);
    assert_eq!(name(q), "Ivanov");
}

#[test]
fn quotation_over_two_paragraphs() {
    let (d, a) = run(&[
        "“They came back to the table,” the analyst Omar Haddad, speaking from Cairo, said.",
        "“They talked for hours and agreed on nothing.",
        "“No breakthrough at all.”",
        "The talks resume next week.",
    ]);
    let q = find(
        &d,
        &a,
        "They talked for hours and agreed on nothing.\n\n“No breakthrough at all.",
    );
    assert_eq!(q.quote.kind, QuoteKind::Direct);
    assert_eq!(name(q), "Omar Haddad");
    assert_eq!(q.rule, "continuation");
}

#[test]
fn continuation_in_the_same_paragraph() {
    let (d, a) = run(&["“We were surprised,” said Caddell. “Two polls came out yesterday.”"]);
    let q = find(&d, &a, "Two polls came out yesterday.");
    assert_eq!(name(q), "Caddell");
    assert_eq!(cue(&d, q), "said");
}

#[test]
fn our_correspondent_is_the_journalist_named_before() {
    let (d, a) = run(&[
        "“The mood was grim,” the network’s chief correspondent Lena Park said.",
        "The ministers left without a statement.",
        "“The pressure will grow now,” our reporter said.",
    ]);
    let q = find(&d, &a, "The pressure will grow now,");
    assert_eq!(name(q), "Lena Park");
    assert_eq!(q.speaker_span.map(|s| d.slice(s)), Some("our reporter"));
}

#[test]
fn indirect_speech_forms() {
    let (d, a) = run(&[
        "The minister said that the border would reopen on Monday.",
        "Officials told the agency the convoy had been delayed.",
        "The convoy reached the city at dawn, the monitor said.",
        "Dozens of people fled the area, according to the local council.",
    ]);
    let q = find(&d, &a, "the border would reopen on Monday");
    assert_eq!(
        (q.quote.kind, name(q)),
        (QuoteKind::Indirect, "The minister")
    );
    let q = find(&d, &a, "the convoy had been delayed");
    assert_eq!(name(q), "Officials");
    let q = find(&d, &a, "The convoy reached the city at dawn");
    assert_eq!(name(q), "the monitor");
    let q = find(&d, &a, "Dozens of people fled the area");
    assert_eq!(name(q), "the local council");
    assert_eq!(cue(&d, q), "according to");
}

#[test]
fn unattributed_titles_and_pull_quotes() {
    let (d, a) = run(&["He appeared on “Meet the Voters” on Sunday."]);
    assert!(
        a.is_empty(),
        "{:?}",
        a.iter().map(|x| d.slice(x.quote.span)).collect::<Vec<_>>()
    );
}

#[test]
fn speaker_linked_to_entity_and_event() {
    let mut d = doc(&["“We will try again,” said Kerry, who hosted the talks."]);
    let at = d.text().find("Kerry").unwrap();
    d.entities.push(Entity {
        kind: EntityKind::Person,
        name: "John Kerry".into(),
        title: None,
        actor: None,
        place: None,
        mentions: vec![Span::new(at, at + 5)],
    });
    let said = d.text().find("said").unwrap();
    d.events.push(dateline_doc::Event {
        sentence: 0,
        trigger: Span::new(said, said + 4),
        cameo: "010".into(),
        quad_class: 1,
        goldstein: 0.0,
        plover: None,
        status: dateline_doc::Status::Occurred,
        source: vec![],
        target: vec![],
        date: None,
        place: None,
        reported_by: None,
        confidence: 0.5,
        rule: "test".into(),
        same_as: None,
    });
    attribute(&mut d);
    assert_eq!(d.quotes.len(), 1);
    let q = &d.quotes[0];
    assert_eq!(q.speaker, Some(0));
    assert_eq!(q.speaker_name.as_deref(), Some("John Kerry"));
    assert_eq!(q.event, Some(0));
    assert!(d.check_spans().is_ok());
}

#[test]
fn headline_label_with_colon() {
    let (d, a) = run(&["Pat Morgan: ‘Voters Are Worried About the Economy’"]);
    let q = find(&d, &a, "Voters Are Worried About the Economy");
    assert_eq!(name(q), "Pat Morgan");
    assert_eq!(cue(&d, q), ":");
}

#[test]
fn empty_and_quote_free_documents() {
    let (_, a) = run(&["No one spoke today."]);
    assert!(a.is_empty());
    let mut d = Doc::default();
    attribute(&mut d);
    assert!(d.quotes.is_empty());
}

#[test]
fn dash_after_the_quote_names_the_speaker() {
    let (d, a) = run(&["“Imagination matters more than knowledge.” ― Ana Ortiz"]);
    let q = find(&d, &a, "Imagination matters more than knowledge.");
    assert_eq!(name(q), "Ana Ortiz");
    assert_eq!(cue(&d, q), "―");
}

#[test]
fn participle_cue_takes_the_sentence_subject() {
    let (d, a) = run(&[
        "On Tuesday evening, Moreau posted a ferry timetable online, writing “Let the passengers judge the delays for themselves.”",
    ]);
    let q = find(
        &d,
        &a,
        "Let the passengers judge the delays for themselves.",
    );
    assert_eq!(name(q), "Moreau");
    assert_eq!(cue(&d, q), "writing");
}

#[test]
fn quote_after_a_sentence_about_the_speaker() {
    let (d, a) = run(&[
        "Valdez praised the governor for his work after the storm.",
        "“We need someone who can bring people together.”",
    ]);
    let q = find(&d, &a, "We need someone who can bring people together.");
    assert_eq!(name(q), "Valdez");
    assert_eq!(q.rule, "subject of the previous sentence");
}

#[test]
fn parenthesis_and_full_stop_before_the_cue() {
    let (d, a) = run(&[
        "“Turnout looks strong across most rural districts,” Rep. Nadia Brill (R-Mont.) said.",
        "“Harbour, if you can hear us, send the tug.” Okafor said.",
    ]);
    let q = find(&d, &a, "Turnout looks strong across most rural districts,");
    assert_eq!(name(q), "Nadia Brill");
    let q = find(&d, &a, "Harbour, if you can hear us, send the tug.");
    assert_eq!(name(q), "Okafor");
}

#[test]
fn according_to_before_the_quote_and_an_author_by_name() {
    let (d, a) = run(&[
        "According to the magazine, “Only a handful of bakeries still mill their own flour.”",
        "“The permit was never signed,” according to a zoning appeal filed by county engineer Rosa Tamm.",
    ]);
    let q = find(
        &d,
        &a,
        "Only a handful of bakeries still mill their own flour.",
    );
    assert_eq!(name(q), "the magazine");
    let q = find(&d, &a, "The permit was never signed,");
    assert_eq!(name(q), "Rosa Tamm");
}

#[test]
fn show_titles_are_not_quotes() {
    let (d, a) = run(&["Rubio said on “Meet the Press” that he would stay in the race."]);
    assert!(
        a.iter().all(|x| d.slice(x.quote.span) != "Meet the Press"),
        "{:?}",
        a.iter().map(|x| d.slice(x.quote.span)).collect::<Vec<_>>()
    );
}

#[test]
fn verbs_with_other_senses_need_that() {
    let (d, a) = run(&[
        "The talks concluded after four hours without any joint statement.",
        "The panel concluded that the rules had been broken.",
    ]);
    assert!(
        a.iter()
            .all(|x| !d.slice(x.quote.span).starts_with("after four hours"))
    );
    let q = find(&d, &a, "the rules had been broken");
    assert_eq!(name(q), "The panel");
}

#[test]
fn odd_inputs_do_not_panic() {
    let cases: &[&[&str]] = &[
        &["“"],
        &["”"],
        &["\"\"\""],
        &["''"],
        &["'"],
        &["‘’‘’"],
        &["said"],
        &["“said,” said"],
        &["He said: “"],
        &["“A", "“B", "“C"],
        &["«Oui», a dit Macron."],
        &["“é,” dit-il — « non »."],
        &["(“x”) said (he)"],
        &[", said , , “y” ,"],
        &["according to", "“according to,” according to"],
        &["Mr. “Jones” said: ‘it’s fine.’"],
    ];
    for paragraphs in cases {
        let (d, a) = run(paragraphs);
        let mut d2 = d.clone();
        attribute(&mut d2);
        assert!(d2.check_spans().is_ok(), "{paragraphs:?}");
        assert_eq!(a.len(), d2.quotes.len());
    }
}

#[test]
fn chants_names_and_headline_fragments() {
    let (d, a) = run(&[
        "Supporters cheered. Some chanted “Four more years!”",
        "Trump called the new plant “an absolute disgrace,” and left.",
        "Okafor promises ‘renewal,’ skips hearing",
        "She joined a group called the “Friends Of The River” last year.",
    ]);
    let q = find(&d, &a, "Four more years!");
    assert_eq!(name(q), "Some");
    let q = find(&d, &a, "an absolute disgrace,");
    assert_eq!(name(q), "Trump");
    let q = find(&d, &a, "renewal,");
    assert_eq!(name(q), "Okafor");
    assert!(
        a.iter()
            .all(|x| d.slice(x.quote.span) != "Friends Of The River")
    );
}

#[test]
fn works_without_sentences() {
    // Before segmentation (or without it) each paragraph is one unit.
    let blocks = [
        "“We will try again,” said Kerry.",
        "Lavrov told reporters that the talks were “constructive”.",
    ]
    .map(|t| BlockText {
        kind: BlockKind::Paragraph,
        text: t.to_string(),
    });
    let mut d = Doc::from_blocks(Meta::default(), &blocks, Vec::new());
    attribute(&mut d);
    let got: Vec<(&str, QuoteKind, Option<&str>)> = d
        .quotes
        .iter()
        .map(|q| (d.slice(q.span), q.kind, q.speaker_name.as_deref()))
        .collect();
    assert!(got.contains(&("We will try again,", QuoteKind::Direct, Some("Kerry"))));
    assert!(got.contains(&("constructive", QuoteKind::Partial, Some("Lavrov"))));
    assert!(got.contains(&(
        "the talks were “constructive”",
        QuoteKind::Indirect,
        Some("Lavrov")
    )));
}

#[test]
fn participle_after_an_apposition_and_names_inside_quotes() {
    let (d, a) = run(&[
        "The crowd was loud.",
        "Lindqvist, himself a Corwin voter, drew loud jeers upon saying, “Marisol understood what the valley wanted.”",
        "He continued, “Nobody here should feel left out.”",
    ]);
    let q = find(&d, &a, "Marisol understood what the valley wanted.");
    assert_eq!(name(q), "Lindqvist");
    let q = find(&d, &a, "Nobody here should feel left out.");
    assert_ne!(
        name(q),
        "Marisol",
        "names inside quotations are no antecedents"
    );
}

#[test]
fn credit_line_after_a_quoted_paragraph() {
    let (d, a) = run(&[
        "“The whole idea of a crooked rival needs to stop.”",
        "-Michelle Marks, Philadelphia.",
    ]);
    let q = find(&d, &a, "The whole idea of a crooked rival needs to stop.");
    assert_eq!(name(q), "Michelle Marks");
    assert_eq!(cue(&d, q), "-");
}

#[test]
fn quote_after_a_verbal_event_trigger() {
    let mut d = doc(&["The charities issued a joint plea “to open a corridor for the wounded”."]);
    let at = d.text().find("issued a joint plea").unwrap();
    d.events.push(dateline_doc::Event {
        sentence: 0,
        trigger: Span::new(at, at + "issued a joint plea".len()),
        cameo: "020".into(),
        quad_class: 1,
        goldstein: 3.0,
        plover: None,
        status: dateline_doc::Status::Occurred,
        source: vec![],
        target: vec![],
        date: None,
        place: None,
        reported_by: None,
        confidence: 0.5,
        rule: "test".into(),
        same_as: None,
    });
    attribute(&mut d);
    let q = d
        .quotes
        .iter()
        .find(|q| d.slice(q.span) == "to open a corridor for the wounded")
        .expect("the plea is quoted");
    assert_eq!(q.event, Some(0));
    assert_eq!(q.speaker_name.as_deref(), Some("The charities"));
}

#[test]
fn a_german_style_quotation_closes_with_its_high_mark() {
    let (d, _) = run(&["„Genug“, sagte er, und dann ging er.", "„Noch nicht"]);
    let q: Vec<&str> = quotations(&d).iter().map(|s| d.slice(*s)).collect();
    assert_eq!(q, ["Genug", "Noch nicht"]);
}
