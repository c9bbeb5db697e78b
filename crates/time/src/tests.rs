//! Unit tests on sentences written for this crate. Publication dates: Saturday 2016-10-15
//! and Wednesday 2016-12-14.

use super::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// (expression text, dateline value) for every finding with a value.
fn values(text: &str, published: &str) -> Vec<(String, String)> {
    find(text, Some(date(published)))
        .into_iter()
        .filter_map(|f| {
            f.time
                .map(|t| (text[t.span.start..t.span.end].to_string(), t.value))
        })
        .collect()
}

/// The value of the single expression whose text is `expr`.
fn value_of(text: &str, published: &str, expr: &str) -> String {
    let v = values(text, published);
    v.iter()
        .find(|(t, _)| t == expr)
        .unwrap_or_else(|| panic!("{expr:?} not found in {v:?}"))
        .1
        .clone()
}

const OCT: &str = "2016-10-15";
const DEC: &str = "2016-12-14";

#[test]
fn explicit_dates() {
    let t = "Talks began on October 15, 2016 and ended 15 October 2016. Another round \
             was held on Oct. 3, a third on Sept. 22, and records from 2016-10-15 and \
             10/15/2016 agree.";
    let v = values(t, OCT);
    let want = [
        ("October 15, 2016", "2016-10-15"),
        ("15 October 2016", "2016-10-15"),
        ("Oct. 3", "2016-10-03"),
        ("Sept. 22", "2016-09-22"),
        ("2016-10-15", "2016-10-15"),
        ("10/15/2016", "2016-10-15"),
    ];
    let day_first = values("Filed on 15/10/2016.", OCT);
    assert_eq!(
        day_first,
        [("15/10/2016".to_string(), "2016-10-15".to_string())]
    );
    for (e, val) in want {
        assert!(v.contains(&(e.to_string(), val.to_string())), "{e}: {v:?}");
    }
}

#[test]
fn months_years_decades() {
    assert_eq!(value_of("The war began in 2011.", OCT, "2011"), "2011");
    assert_eq!(
        value_of("It happened in October.", OCT, "October"),
        "2016-10"
    );
    // A past narrative about December published in October looks back a year; a month
    // next to the publication month keeps its year whatever the tense.
    assert_eq!(
        value_of("Fighting flared in December.", OCT, "December"),
        "2015-12"
    );
    assert_eq!(
        value_of("The offer was extended to November.", OCT, "November"),
        "2016-11"
    );
    assert_eq!(
        value_of("Elections will be held in November.", OCT, "November"),
        "2016-11"
    );
    assert_eq!(
        value_of("Troops left in mid-October.", OCT, "mid-October"),
        "2016-10"
    );
    assert_eq!(
        value_of("Prices fell in late 2015.", OCT, "late 2015"),
        "2015"
    );
    assert_eq!(value_of("Built in the 1990s.", OCT, "the 1990s"), "199X");
    assert_eq!(
        value_of(
            "The city dates from the 20th century.",
            OCT,
            "the 20th century"
        ),
        "19"
    );
    assert_eq!(
        value_of("They met in March 2014.", OCT, "March 2014"),
        "2014-03"
    );
    assert_eq!(
        value_of("They met last month.", DEC, "last month"),
        "2016-11"
    );
    assert_eq!(
        value_of("Growth slowed last year.", OCT, "last year"),
        "2015"
    );
}

#[test]
fn modal_may_and_march_are_not_months() {
    let v = values(
        "He may resign. The march was peaceful. Protesters march again.",
        OCT,
    );
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn house_numbers_and_blocks_are_not_years() {
    let v = values(
        "A man of 1987 Larch St. was held. The fire at 2014 Old Mill Road spread. Officers \
         sealed the 1900 block of Pine Avenue.",
        OCT,
    );
    assert!(v.is_empty(), "{v:?}");
    // a year after a month or a temporal preposition stays a year before any capitalised words
    assert_eq!(
        value_of(
            "In March 2013 High Court judges jailed him.",
            OCT,
            "March 2013"
        ),
        "2013-03"
    );
    // a year before a capitalised word that is no street stays a year
    assert_eq!(
        value_of("The 1987 Larch Accord still holds.", OCT, "1987"),
        "1987"
    );
}

#[test]
fn weekdays_follow_tense() {
    // Saturday 2016-10-15.
    let t = "Three hospitals were hit by air strikes on Friday.";
    assert_eq!(value_of(t, OCT, "Friday"), "2016-10-14");
    let t = "The ministers will meet again on Monday.";
    assert_eq!(value_of(t, OCT, "Monday"), "2016-10-17");
    let t = "Kerry said the next contact would be on Monday.";
    assert_eq!(value_of(t, OCT, "Monday"), "2016-10-17");
    let t = "Saturday's talks in Lausanne ended without a deal.";
    assert_eq!(value_of(t, OCT, "Saturday"), "2016-10-15");
    let t = "A second meeting is due to take place in London on Sunday.";
    assert_eq!(value_of(t, OCT, "Sunday"), "2016-10-16");
    // Wednesday 2016-12-14 (traps 16).
    let t = "Foreign ministers failed to agree on a ceasefire in Geneva on Tuesday.";
    assert_eq!(value_of(t, DEC, "Tuesday"), "2016-12-13");
    assert_eq!(
        value_of("The talks ended on Monday.", DEC, "Monday"),
        "2016-12-12"
    );
    assert_eq!(
        value_of("The talks will resume on Monday.", DEC, "Monday"),
        "2016-12-19"
    );
    assert_eq!(
        value_of(
            "The two leaders will meet in Vienna next Tuesday.",
            DEC,
            "next Tuesday"
        ),
        "2016-12-20"
    );
    assert_eq!(
        value_of(
            "Officials are due to sign the accord on Friday.",
            DEC,
            "Friday"
        ),
        "2016-12-16"
    );
}

#[test]
fn deictic_words() {
    let t = "Rebels attacked yesterday; talks resume tomorrow and a vote is held today.";
    assert_eq!(value_of(t, OCT, "yesterday"), "2016-10-14");
    assert_eq!(value_of(t, OCT, "tomorrow"), "2016-10-16");
    assert_eq!(value_of(t, OCT, "today"), "2016-10-15");
    assert_eq!(
        value_of("The vote is tonight.", OCT, "tonight"),
        "2016-10-15"
    );
    // Traps 17: the night of 13–14 December.
    let f = find(
        "Dozens of air strikes hit the city overnight.",
        Some(date(DEC)),
    );
    let t = f[0].time.as_ref().unwrap();
    assert_eq!(t.precision, Precision::Day);
    assert_eq!(
        t.range,
        Some(("2016-12-13".to_string(), "2016-12-14".to_string()))
    );
    assert_eq!(f[0].timeml.as_deref(), Some("2016-12-13TNI"));
}

#[test]
fn relative_units_and_ranges() {
    assert_eq!(
        value_of("Talks collapsed last week.", OCT, "last week"),
        "2016-W40"
    );
    assert_eq!(
        value_of("Talks resume next week.", OCT, "next week"),
        "2016-W42"
    );
    assert_eq!(
        value_of("Fighting raged this week.", OCT, "this week"),
        "2016-W41"
    );
    // Traps 19.
    let f = find("The army advanced earlier this week.", Some(date(DEC)));
    let t = f[0].time.as_ref().unwrap();
    assert_eq!(t.value, "2016-12-12/2016-12-14");
    assert_eq!(
        t.range,
        Some(("2016-12-12".to_string(), "2016-12-14".to_string()))
    );
    assert_eq!(
        value_of("It fell two days ago.", OCT, "two days ago"),
        "2016-10-13"
    );
    assert_eq!(
        value_of("It fell three weeks ago.", OCT, "three weeks ago"),
        "2016-W38"
    );
    assert_eq!(
        value_of(
            "Aid stopped in the past 24 hours.",
            OCT,
            "the past 24 hours"
        ),
        "2016-10-14/2016-10-15"
    );
    assert_eq!(
        value_of(
            "Prices rose over the past two weeks.",
            OCT,
            "the past two weeks"
        ),
        "2016-10-01/2016-10-15"
    );
}

#[test]
fn since_gives_a_range_to_publication() {
    // Traps 18 and the Lausanne article.
    let t = "More than 370 people have been killed since September 22.";
    let f = find(t, Some(date(DEC)));
    let x = f.iter().find_map(|f| f.time.clone()).unwrap();
    assert_eq!(&t[x.span.start..x.span.end], "since September 22");
    assert_eq!(x.value, "2016-09-22/2016-12-14");
    assert_eq!(
        x.range,
        Some(("2016-09-22".to_string(), "2016-12-14".to_string()))
    );
    assert_eq!(x.precision, Precision::Day);
    assert_eq!(f[0].timeml.as_deref(), Some("2016-09-22"));
    let t = "More than 400,000 have died since 2011.";
    let x = find(t, Some(date(OCT))).remove(0).time.unwrap();
    assert_eq!(
        x.range,
        Some(("2011".to_string(), "2016-10-15".to_string()))
    );
}

#[test]
fn seasons() {
    assert_eq!(
        value_of("Exports fell last summer.", OCT, "last summer"),
        "2016-SU"
    );
    assert_eq!(
        value_of("Exports fell in spring 2015.", OCT, "spring 2015"),
        "2015-SP"
    );
    assert_eq!(
        value_of("Exports fell last summer.", "2016-07-10", "last summer"),
        "2015-SU"
    );
    let v = values("Prices fall when demand drops.", OCT);
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn clock_times_attach_to_days() {
    let f = find("The blast happened at 3 p.m. on Friday.", Some(date(OCT)));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Time);
    assert_eq!(f[0].timeml.as_deref(), Some("2016-10-14T15:00"));
    let f = find("They met on Friday at 10:30 a.m. in Oslo.", Some(date(OCT)));
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(f[1].timeml.as_deref(), Some("2016-10-14T10:30"));
    let f = find("Thursday evening", Some(date(OCT)));
    assert_eq!(f[0].timeml.as_deref(), Some("2016-10-13TEV"));
}

#[test]
fn numbers_are_not_years() {
    let v = values(
        "The fund holds 2,016 shares worth $2016 and 1500 troops.",
        OCT,
    );
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn timeml_values_of_durations_and_references() {
    let f = find(
        "He has lived there for three years and now plans a two-day visit.",
        Some(date(OCT)),
    );
    let t: Vec<_> = f.iter().filter_map(|f| f.timeml.clone()).collect();
    assert_eq!(t, ["P3Y", "PRESENT_REF", "P2D"]);
    // Bare durations and references carry no dateline value.
    assert!(f.iter().all(|f| f.time.is_none()));
}

#[test]
fn resolve_under_a_given_tense() {
    let p = Some(date(DEC));
    let past = resolve("on Monday", p, Tense::Past).unwrap();
    assert_eq!(past.time.unwrap().value, "2016-12-12");
    let fut = resolve("on Monday", p, Tense::Future).unwrap();
    assert_eq!(fut.time.unwrap().value, "2016-12-19");
    assert!(resolve("no time here", p, Tense::Past).is_none());
}

#[test]
fn tag_fills_doc_times_per_sentence() {
    use dateline_doc::{BlockKind, BlockText, Meta, Sentence};
    let meta = Meta {
        published: Some(date(OCT)),
        ..Meta::default()
    };
    let mut doc = Doc::from_blocks(
        meta,
        &[BlockText {
            kind: BlockKind::Paragraph,
            text: "Hospitals were hit on Friday. Ministers will meet on Friday.".into(),
        }],
        vec![],
    );
    doc.sentences = vec![
        Sentence {
            span: Span::new(0, 29),
            block: 0,
        },
        Sentence {
            span: Span::new(30, doc.text().len()),
            block: 0,
        },
    ];
    tag(&mut doc);
    let v: Vec<&str> = doc.times.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["2016-10-14", "2016-10-21"]);
    assert!(doc.check_spans().is_ok());
    // The events stage may re-read a time under the status of its event.
    let t = resolve_in(&doc, 0, Tense::Future).unwrap();
    assert_eq!(t.value, "2016-10-21");
    assert_eq!(t.span, doc.times[0].span);
}

#[test]
fn no_publication_date_keeps_absolute_values_only() {
    let f = find("It started on Friday, Oct. 14, 2016, not last week.", None);
    let v: Vec<_> = f.iter().filter_map(|f| f.time.as_ref()).collect();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].value, "2016-10-14");
}

#[test]
fn march_and_may_with_days_and_compounds() {
    for t in [
        "on March 9 to honour",
        "Mo., on March 9 to honour",
        "heard in May in the court",
    ] {
        let f = find(t, Some(date(OCT)));
        assert_eq!(f.len(), 1, "{t} {f:?}");
    }
    let f = find("March 10 people died", Some(date(OCT)));
    assert!(
        f.iter().all(|f| f.time.is_none()
            || f.kind != Kind::Date
            || !f.timeml.as_deref().unwrap_or("").contains("-03-")),
        "{f:?}"
    );
    // "a year-earlier loss" is one expression, not the duration "a year".
    let f = find("set against a year-earlier deficit", Some(date(OCT)));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].kind, Kind::Date);
    let f = find("he writes like a 20th century novelist", Some(date(OCT)));
    assert_eq!(f[0].timeml.as_deref(), Some("19"));
}

#[test]
fn quarters_and_halves() {
    let f = find(
        "Earnings climbed in the third quarter. Revenue was $9 million, up from $7 million a year earlier. \
         Orders rose 3% from a year ago.",
        Some(date(OCT)),
    );
    let t: Vec<_> = f.iter().filter_map(|f| f.timeml.clone()).collect();
    assert_eq!(t, ["2016-Q3", "2015-Q3", "2015-Q3"]);
    let f = find(
        "this year's third quarter and the second half of 1987",
        Some(date(OCT)),
    );
    let t: Vec<_> = f.iter().filter_map(|f| f.timeml.clone()).collect();
    assert_eq!(t, ["2016-Q3", "1987-H2"]);
    let f = find("during the week of March 13", Some(date("2000-02-24")));
    assert_eq!(f[0].timeml.as_deref(), Some("2000-W11"));
}

#[test]
fn possessive_weekday_looks_back() {
    // Saturday publication: "Wednesday's ruling" is the ruling of 2016-10-12 even in a
    // forward-looking clause.
    let t = "Lawyers said they would look for ways around Wednesday's ruling.";
    assert_eq!(value_of(t, OCT, "Wednesday"), "2016-10-12");
}

#[test]
fn spelled_out_years() {
    let f = find(
        "It started in March nineteen eighty-eight, after the winter of nineteen eighty-five, \
         and ends in the year two thousand.",
        Some(date(OCT)),
    );
    let t: Vec<_> = f.iter().filter_map(|f| f.timeml.clone()).collect();
    assert_eq!(t, ["1988-03", "1985-WI", "2000"]);
    // A count is not a year.
    assert!(find("nineteen people died", Some(date(OCT))).is_empty());
}

#[test]
fn names_and_numbers_that_look_like_dates() {
    for t in [
        "Flight 1920 landed safely.",
        "The Sunday Times reported the deal.",
        "June Carter sang.",
        "Theresa May spoke.",
        "Strikes hit at 1900 GMT.",
        "Resolution 2016 passed.",
    ] {
        let v = values(t, OCT);
        assert!(
            v.iter().all(|(e, _)| e != "1920"
                && e != "Sunday"
                && e != "June"
                && e != "May"
                && e != "1900"
                && e != "2016"),
            "{t}: {v:?}"
        );
    }
    assert_eq!(
        value_of("In June Kerry visited Moscow.", OCT, "June"),
        "2016-06"
    );
    assert_eq!(
        value_of("Its 1990 invasion of Kuwait.", OCT, "1990"),
        "1990"
    );
}

#[test]
fn military_clock_times() {
    let f = find("Strikes hit at 1900 GMT.", Some(date(OCT)));
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].timeml.as_deref(), Some("2016-10-15T19:00"));
}

#[test]
fn narrative_days_follow_the_last_named_day() {
    let t = "The army attacked on Oct. 3. The next day, rebels withdrew. Two days later the \
             town fell, and that night aid arrived.";
    let v = values(t, OCT);
    let want = [
        ("Oct. 3", "2016-10-03"),
        ("The next day", "2016-10-04"),
        ("Two days later", "2016-10-06"),
        ("that night", "2016-10-06"),
    ];
    for (e, val) in want {
        assert!(v.contains(&(e.to_string(), val.to_string())), "{e}: {v:?}");
    }
    // With no day named before, the publication date is the anchor.
    assert_eq!(
        value_of("A day earlier, talks failed.", OCT, "A day earlier"),
        "2016-10-14"
    );
    // "two days before the vote" is counted from the vote, which we do not know.
    assert!(values("It came two days before the vote.", OCT).is_empty());
}

#[test]
fn earlier_that_day() {
    let t = "Rebels struck on Oct. 3. Earlier that day, talks had failed.";
    assert_eq!(value_of(t, OCT, "Earlier that day"), "2016-10-03");
}

#[test]
fn vague_spans_of_time() {
    let f = find("Talks will resume in the coming weeks.", Some(date(OCT)));
    assert_eq!(f[0].timeml.as_deref(), Some("PXW"));
    assert!(f[0].time.is_none());
    let f = find("Prices rose over the past few months.", Some(date(OCT)));
    assert_eq!(f[0].timeml.as_deref(), Some("PXM"));
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = "9999-99-99, 31/31/2016, Feb. 30, February 29, the 99th century, 0 days ago, \
               1000000 years ago, the past 99999 hours, next week, last summer, overnight, \
               Dec. 31, Jan. 1, the weekend, this year's fourth quarter, 25:99 p.m.";
    for p in ["9999-12-31", "-009999-01-01", "2016-02-29", "2015-12-31"] {
        let _ = find(odd, Some(date(p)));
    }
    let _ = find(odd, None);
    let _ = find("", Some(date(OCT)));
    let _ = find("…’“”", Some(date(OCT)));
    // February 29 in a leap year, a year without one chosen nearby.
    assert_eq!(
        value_of("It began on February 29.", "2016-10-15", "February 29"),
        "2016-02-29"
    );
}

#[test]
fn duration_values_and_instruments() {
    let t: Vec<_> = find(
        "It lasted two decades, then a two-day truce.",
        Some(date(OCT)),
    )
    .into_iter()
    .filter_map(|f| f.timeml)
    .collect();
    assert_eq!(t, ["P20Y", "P2D"]);
    // A bond's maturity and a 52-week high are not spans of time in the story.
    assert!(find("The 10-year notes hit a 52-week high.", Some(date(OCT))).is_empty());
    // The 18-year-old is an age.
    assert!(find("The 18-year-old was arrested.", Some(date(OCT))).is_empty());
}

#[test]
fn timeml_extents_and_dateline_spans() {
    let t = "Net rose in the third-quarter period. Rebels advanced earlier this week, and \
             talks end at the end of this week.";
    let f = find(t, Some(date(OCT)));
    let s: Vec<(&str, &str)> = f
        .iter()
        .map(|f| (&t[f.span.start..f.span.end], &t[f.full.start..f.full.end]))
        .collect();
    assert_eq!(
        s,
        [
            ("third-quarter", "the third-quarter"),
            ("earlier this week", "earlier this week"),
            ("the end of this week", "the end of this week"),
        ]
    );
}

#[test]
fn present_tense_weekdays_look_forward() {
    // 2016-10-15 is a Saturday: the coming Friday is the 21st, the last one the 14th.
    assert_eq!(
        value_of("The budget vote is due on Friday.", OCT, "Friday"),
        "2016-10-21"
    );
    assert_eq!(
        value_of("The city council meets on Friday to decide.", OCT, "Friday"),
        "2016-10-21"
    );
    assert_eq!(
        value_of(
            "The mayor is holding a news conference Friday.",
            OCT,
            "Friday"
        ),
        "2016-10-21"
    );
    // Past narrative still looks back.
    assert_eq!(
        value_of("The council met on Friday.", OCT, "Friday"),
        "2016-10-14"
    );
    assert_eq!(
        value_of(
            "Officers said a courier was robbed on Friday.",
            OCT,
            "Friday"
        ),
        "2016-10-14"
    );
}

#[test]
fn participles_after_a_determiner_are_adjectives() {
    // "undisclosed" is no past verb: "would" governs the month, which looks forward.
    assert_eq!(
        value_of(
            "The refund would be sent on a still undisclosed date in January.",
            OCT,
            "January"
        ),
        "2017-01"
    );
    assert_eq!(
        value_of(
            "The newly elected council will sit for the first time in March.",
            OCT,
            "March"
        ),
        "2017-03"
    );
}

#[test]
fn months_without_a_tense_cue_look_back() {
    // No verb cue at all: news narrates what happened, so January is the last one.
    assert_eq!(
        value_of(
            "In January, two days after the strike, the first arrests.",
            OCT,
            "January"
        ),
        "2016-01"
    );
}

/// The TimeML value of the finding whose TimeML extent is `expr`.
fn timeml_of(text: &str, published: &str, expr: &str) -> (Kind, String) {
    let f = find(text, Some(date(published)));
    let hit = f
        .iter()
        .find(|f| &text[f.span.start..f.span.end] == expr)
        .unwrap_or_else(|| {
            let all: Vec<_> = f.iter().map(|f| &text[f.span.start..f.span.end]).collect();
            panic!("{expr:?} not found in {all:?}")
        });
    (hit.kind, hit.timeml.clone().unwrap_or_default())
}

#[test]
fn month_with_a_relative_year_is_one_expression() {
    let t = "Prices rose in June last year and again in January this year.";
    assert_eq!(value_of(t, OCT, "June last year"), "2015-06");
    assert_eq!(value_of(t, OCT, "January this year"), "2016-01");
    // No separate "last year" / "this year".
    assert_eq!(values(t, OCT).len(), 2, "{:?}", values(t, OCT));
    assert_eq!(
        value_of(
            "The vote is set for March next year.",
            OCT,
            "March next year"
        ),
        "2017-03"
    );
    assert_eq!(
        value_of(
            "The dam burst on March 3 last year.",
            OCT,
            "March 3 last year"
        ),
        "2015-03-03"
    );
    // "last year's" stays a separate possessive expression.
    let v = values("Turnout in May beat last year's record.", OCT);
    assert!(v.iter().any(|(t, _)| t == "last year"), "{v:?}");
}

#[test]
fn the_past_year_is_a_date_in_timeml() {
    let t = "Attacks have doubled over the past year, officials said.";
    assert_eq!(
        timeml_of(t, OCT, "the past year"),
        (Kind::Date, "2015".to_string())
    );
    // dateline keeps the span up to publication.
    assert_eq!(value_of(t, OCT, "the past year"), "2015-10-15/2016-10-15");
    assert_eq!(
        timeml_of("Sales slowed in the last month.", OCT, "the last month").1,
        "2016-09"
    );
    // With a count it stays a duration.
    assert_eq!(
        timeml_of(
            "Prices fell in the past two years.",
            OCT,
            "the past two years"
        ),
        (Kind::Duration, "P2Y".to_string())
    );
}

#[test]
fn units_named_relative_to_the_last_one() {
    let t = "The plant opened in 2009 and closed the following year. Later that year a new \
             owner bought it. The mine flooded in March 2012, and that month the town emptied.";
    assert_eq!(value_of(t, OCT, "the following year"), "2010");
    assert_eq!(value_of(t, OCT, "Later that year"), "2010");
    assert_eq!(value_of(t, OCT, "that month"), "2012-03");
    // With nothing named before, the publication year.
    assert_eq!(
        value_of("That year the river froze.", OCT, "That year"),
        "2016"
    );
}

#[test]
fn year_end_and_end_of_unit() {
    assert_eq!(
        value_of("The merger should close by year-end.", OCT, "year-end"),
        "2016"
    );
    assert_eq!(
        timeml_of(
            "Troops will leave at the end of the year.",
            OCT,
            "the end of the year"
        )
        .1,
        "2016"
    );
    assert_eq!(
        timeml_of(
            "Rents are due by the end of the month.",
            OCT,
            "the end of the month"
        )
        .1,
        "2016-10"
    );
    // "year end" as a noun modifier of something else is still the year.
    assert!(values("The year ended badly.", OCT).is_empty());
}

#[test]
fn clock_words_and_modified_parts_of_day() {
    assert_eq!(
        timeml_of(
            "The convoy leaves at 4 in the morning.",
            OCT,
            "4 in the morning"
        ),
        (Kind::Time, "2016-10-15T04:00".to_string())
    );
    assert_eq!(
        timeml_of("The raid began at 11 at night.", OCT, "11 at night").1,
        "2016-10-15T23:00"
    );
    assert_eq!(
        timeml_of(
            "Shelling resumed by mid-afternoon yesterday.",
            OCT,
            "mid-afternoon yesterday"
        ),
        (Kind::Time, "2016-10-14TAF".to_string())
    );
    assert_eq!(
        timeml_of(
            "By late afternoon the square was empty.",
            OCT,
            "late afternoon"
        )
        .1,
        "2016-10-15TAF"
    );
    // An adjective "late-night" is not a time.
    assert!(find("He hosts a late-night show.", Some(date(OCT))).is_empty());
}

#[test]
fn spelled_out_years_in_transcripts() {
    let t = "Geneva, nineteen eighty-two. A fire guts the old theatre.";
    assert_eq!(value_of(t, OCT, "nineteen eighty-two"), "1982");
    assert!(values("She counted nineteen sheep.", OCT).is_empty());
}

#[test]
fn approximation_words_in_timeml_extents() {
    let t = "The quake struck almost four years ago. Voting closes around 7:40 p.m. and results \
             come around Nov. 1. The plant shut about two years ago.";
    let f = find(t, Some(date(OCT)));
    let spans: Vec<&str> = f.iter().map(|f| &t[f.span.start..f.span.end]).collect();
    assert_eq!(
        spans,
        [
            "almost four years ago",
            "around 7:40 p.m.",
            "around Nov. 1",
            "about two years ago"
        ]
    );
    // "about" stays outside a clock time.
    let t = "The blast came at about 10:50 a.m.";
    let f = find(t, Some(date(OCT)));
    assert_eq!(&t[f[0].span.start..f[0].span.end], "10:50 a.m.");
}

#[test]
fn idioms_that_are_not_times() {
    assert!(find("It was high noon for the party.", Some(date(OCT))).is_empty());
    // "the following week" stays a duration counted from publication, not an anaphor.
    let f = find("Talks continue over the following week.", Some(date(OCT)));
    assert_eq!(f[0].kind, Kind::Duration);
}

#[test]
fn calendar_words_as_the_lexicon_reads_them() {
    use crate::calendar_word;
    assert_eq!(calendar_word("october"), Some("MONTH"));
    assert_eq!(calendar_word("sept"), Some("MONTH"));
    assert_eq!(calendar_word("friday"), Some("WEEKDAY"));
    assert_eq!(calendar_word("fridays"), None);
    assert_eq!(calendar_word("week"), None);
    assert_eq!(calendar_word(""), None);
}

#[test]
fn cardinals_as_the_lexicon_reads_them() {
    assert_eq!(cardinal("zero"), Some(0));
    assert_eq!(cardinal("nineteen"), Some(19));
    assert_eq!(cardinal("ninety"), Some(90));
    assert_eq!(cardinal("first"), None);
    assert_eq!(cardinal("Seven"), None);
}

/// (expression text, TimeML value) for every finding.
fn timeml(text: &str, published: &str) -> Vec<(String, String)> {
    find(text, Some(date(published)))
        .into_iter()
        .map(|f| {
            (
                text[f.span.start..f.span.end].to_string(),
                f.timeml.unwrap_or_default(),
            )
        })
        .collect()
}

/// Assert the (expression text, TimeML value) of every finding in `text`.
#[track_caller]
fn expect(text: &str, published: &str, want: &[(&str, &str)]) {
    let got = timeml(text, published);
    let got: Vec<(&str, &str)> = got.iter().map(|(e, v)| (e.as_str(), v.as_str())).collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn current_and_then_current_are_references() {
    expect(
        "The current talks replace the plan of the then current mayor.",
        OCT,
        &[("current", "PRESENT_REF"), ("then current", "PAST_REF")],
    );
    // A calendar unit, an account or the noun are something else.
    expect(
        "The current year closed with a current account gap.",
        OCT,
        &[("The current year", "2016")],
    );
    expect("Swimmers fought the current.", OCT, &[]);
}

#[test]
fn soon_looks_ahead_unless_it_relates_two_past_events() {
    expect(
        "The mayor says the bridge will soon reopen.",
        OCT,
        &[("soon", "FUTURE_REF")],
    );
    for t in [
        "The driver was soon released by the police.",
        "The riot soon became a battle.",
        "Send the papers as soon as you can.",
        "He resigned soon after the vote.",
    ] {
        expect(t, OCT, &[]);
    }
}

#[test]
fn the_near_term_and_the_past_are_references() {
    expect(
        "Prices may fall in the near term, as in the past they did.",
        OCT,
        &[("the near term", "FUTURE_REF"), ("the past", "PAST_REF")],
    );
    expect(
        "Over the long term, the firm grows.",
        OCT,
        &[("the long term", "FUTURE_REF")],
    );
}

#[test]
fn the_year_in_results_reporting_is_the_reporting_year() {
    expect(
        "For the year, sales rose; the firm sees profit for the full year and in the \
             current fiscal year, after a loss in the latest fiscal year. Earlier in the \
             year it sold a unit.",
        OCT,
        &[
            ("the year", "2016"),
            ("the full year", "2016"),
            ("the current fiscal year", "2016"),
            ("the latest fiscal year", "2015"),
            ("Earlier in the year", "2016"),
        ],
    );
    // "last fiscal year" counts back from the reference year.
    expect(
        "Sales fell last fiscal year.",
        OCT,
        &[("last fiscal year", "2015")],
    );
    // "the year ended June 30" is a reporting period, "the year before" counts from another
    // time, "the year 2000" names its own year.
    for t in [
        "Net rose in the year ended June 30.",
        "Sales were higher the year before.",
    ] {
        assert!(
            timeml(t, OCT).iter().all(|(e, _)| !e.contains("the year")),
            "{t}"
        );
    }
    expect(
        "Plans for the year 2000 were drawn up.",
        OCT,
        &[("2000", "2000")],
    );
}

#[test]
fn halves_of_years_and_decades() {
    expect(
        "Losses will run through the first two quarters of 2017.",
        OCT,
        &[("the first two quarters of 2017", "2017-H1")],
    );
    expect(
        "Sales were flat in the last half of the '70s.",
        OCT,
        &[("the last half of the '70s", "197")],
    );
    // A modified decade or season takes the article as a plain one does.
    expect(
        "Prices peaked in the early 1980s and again in the late summer.",
        OCT,
        &[("the early 1980s", "198"), ("the late summer", "2016-SU")],
    );
}

#[test]
fn a_day_next_to_a_named_day() {
    expect(
        "The day before last Tuesday's vote, she resigned.",
        OCT,
        &[("The day before last Tuesday", "2016-10-10")],
    );
    expect(
        "Shops will reopen the day after Christmas.",
        DEC,
        &[("the day after Christmas", "2016-12-26")],
    );
}

#[test]
fn the_previous_weekday_counts_from_the_day_last_named() {
    // Friday Oct. 7 is named; "the previous Friday" is the one before it.
    expect(
        "Shares closed lower on Friday, Oct. 7. They were down 4% from the previous Friday.",
        OCT,
        &[
            ("Friday, Oct. 7", "2016-10-07"),
            ("the previous Friday", "2016-09-30"),
        ],
    );
}

#[test]
fn year_ago_quarters_in_results_reporting() {
    // The comparison quarter does not become the quarter "a year earlier" counts from.
    let t = "Net rose in the third quarter. Year-earlier net was lower, and sales rose \
             from a year earlier.";
    expect(
        t,
        OCT,
        &[
            ("the third quarter", "2016-Q3"),
            ("Year-earlier", "2015-Q3"),
            ("a year earlier", "2015-Q3"),
        ],
    );
    // An indefinite quarter is a description, not the one reported.
    let t = "Profit rose in the third quarter after a flat second quarter. Sales were up \
             from a year earlier.";
    assert_eq!(
        timeml(t, OCT)[2],
        ("a year earlier".into(), "2015-Q3".into())
    );
    // The year-ago quarter as one expression, however it is worded.
    for (t, e) in [
        (
            "In the year-earlier third quarter, it lost money.",
            "the year-earlier third quarter",
        ),
        (
            "It lost money in the comparable year-ago quarter.",
            "the comparable year-ago quarter",
        ),
        (
            "For the quarter a year ago, it lost money.",
            "the quarter a year ago",
        ),
        (
            "It lost money in the same period last year.",
            "the same period last year",
        ),
        (
            "Sales for last year's quarter were $3 million.",
            "last year's quarter",
        ),
    ] {
        expect(t, OCT, &[(e, "2015-Q3")]);
    }
}

#[test]
fn a_sentence_opening_now_comma_is_a_discourse_marker() {
    expect("Now, the mayor says, the plan looks different.", OCT, &[]);
    expect(
        "The plan now looks different.",
        OCT,
        &[("now", "PRESENT_REF")],
    );
}

#[test]
fn this_past_and_this_coming_seasons() {
    expect(
        "The unit was closed this past spring and reopens this coming winter.",
        OCT,
        &[
            ("this past spring", "2016-SP"),
            ("this coming winter", "2016-WI"),
        ],
    );
}

/// TimeML value of the single finding whose text is `expr`.
fn tml(text: &str, published: &str, expr: &str) -> String {
    let f = find(text, Some(date(published)));
    f.iter()
        .find(|f| &text[f.span.start..f.span.end] == expr)
        .unwrap_or_else(|| panic!("{expr:?} not found in {f:?}"))
        .timeml
        .clone()
        .unwrap_or_default()
}

#[test]
fn a_definite_quarter_refers_to_the_quarter_last_reported() {
    // Published 2016-10-15: the latest completed quarter is 2016-Q3, but the report is on a
    // fiscal second quarter, and "the quarter" / "the latest period" / "that quarter" mean it.
    let t = "Borel Foods reported a profit for the fiscal second quarter of $3 million. Revenue \
             grew in the quarter to $210 million from $190 million a year ago. The latest period \
             includes a gain. Results for that quarter also included a charge.";
    assert_eq!(tml(t, OCT, "the quarter"), "2016-Q2");
    assert_eq!(tml(t, OCT, "The latest period"), "2016-Q2");
    assert_eq!(tml(t, OCT, "that quarter"), "2016-Q2");
    assert_eq!(tml(t, OCT, "a year ago"), "2015-Q2");
    // A quarter still ahead ("expects a fourth-quarter charge") is not the one reported.
    let t = "Profit fell in the third quarter. It expects a fourth-quarter charge. Sales in \
             the latest quarter rose.";
    assert_eq!(tml(t, OCT, "the latest quarter"), "2016-Q3");
    // Results told in the past are of an ended (fiscal) quarter, even one whose calendar
    // namesake is still running: in November, "posted ... fourth-quarter" is over.
    let t = "Marlow Mills posted a 20% fall in fourth-quarter profit. Sales in the latest \
             period rose, and net was lower than a year earlier.";
    assert_eq!(tml(t, "2016-11-03", "the latest period"), "2016-Q4");
    assert_eq!(tml(t, "2016-11-03", "a year earlier"), "2015-Q4");
    // "has no forecast for ... fourth-quarter" is present: that quarter is ahead.
    let t = "Hale Mills' third-quarter profit fell. The mill has no forecast for its \
             fourth-quarter output. In the latest quarter, orders rose.";
    assert_eq!(tml(t, "2016-11-03", "the latest quarter"), "2016-Q3");
    // With no quarter named: the latest completed one.
    assert_eq!(
        tml("Sales rose in the quarter.", OCT, "the quarter"),
        "2016-Q3"
    );
}

#[test]
fn us_holidays_on_a_weekday_of_a_month() {
    // 2016: Election Day Tuesday November 8, Labor Day September 5, Memorial Day May 30.
    let t = "The campaign will run until Election Day.";
    assert_eq!(value_of(t, OCT, "Election Day"), "2016-11-08");
    assert_eq!(
        value_of("The plant closed on Labor Day.", OCT, "Labor Day"),
        "2016-09-05"
    );
    assert_eq!(
        value_of("Parades were held on Memorial Day.", OCT, "Memorial Day"),
        "2016-05-30"
    );
    assert_eq!(
        value_of(
            "Flowers sold well before Mother's Day.",
            OCT,
            "Mother's Day"
        ),
        "2016-05-08"
    );
    // Lower case "election day" is any election's day: not a calendar date.
    assert!(values("on election day voters queued", OCT).is_empty());
}

#[test]
fn a_day_number_joined_to_a_date_is_a_date_of_that_month() {
    let v = values("The summit will be held on April 24 and 25.", OCT);
    assert!(
        v.contains(&("25".to_string(), "2017-04-25".to_string())),
        "{v:?}"
    );
    assert!(
        v.contains(&("April 24".to_string(), "2017-04-24".to_string())),
        "{v:?}"
    );
    // A count after a date stays a count.
    let v = values("On Oct. 3 and 25 people were hurt.", OCT);
    assert_eq!(v.len(), 1, "{v:?}");
}

#[test]
fn an_attributive_march_or_may_is_a_month() {
    assert_eq!(
        value_of("The March accession will let them sign.", OCT, "March"),
        "2017-03"
    );
    // A named march and the noun stay what they are.
    assert!(
        values("The March on Washington was in 1963.", OCT)
            .iter()
            .all(|(t, _)| t != "March")
    );
    assert!(values("The march was peaceful.", OCT).is_empty());
}

#[test]
fn deictic_words_inside_names_are_not_times() {
    // TIDES: proper names are not temporal expressions.
    assert!(values("He told USA Today that he would run.", OCT).is_empty());
    assert!(values("Baker said on ABC's \"This Week\" that talks failed.", OCT).is_empty());
    // Capitalised calendar names and sentence-initial words still count.
    assert_eq!(
        value_of("Last Friday the talks failed.", OCT, "Last Friday"),
        "2016-10-14"
    );
    assert_eq!(
        value_of("Today the talks resume.", OCT, "Today"),
        "2016-10-15"
    );
}

#[test]
fn weekdays_with_plural_parts_of_day_recur() {
    let t = "Two flights will leave on Monday and Tuesday nights, and a third on Friday.";
    let f = find(t, Some(date(OCT)));
    let get = |e: &str| {
        f.iter()
            .find(|f| &t[f.span.start..f.span.end] == e)
            .unwrap_or_else(|| panic!("{e:?} not in {f:?}"))
    };
    assert_eq!(get("Monday").kind, Kind::Set);
    assert_eq!(get("Monday").timeml.as_deref(), Some("XXXX-WXX-1TNI"));
    assert_eq!(
        get("Tuesday nights").timeml.as_deref(),
        Some("XXXX-WXX-2TNI")
    );
    assert!(get("Monday").time.is_none());
    // A single weekday is still a date.
    assert_eq!(get("Friday").kind, Kind::Date);
}

#[test]
fn bare_coming_future_and_past_units_are_vague_references() {
    let t = "It bodes ill for coming quarters and future years, as in past years. A ruling \
             is due at a later date.";
    assert_eq!(tml(t, OCT, "coming quarters"), "FUTURE_REF");
    assert_eq!(tml(t, OCT, "future years"), "FUTURE_REF");
    assert_eq!(tml(t, OCT, "past years"), "PAST_REF");
    assert_eq!(tml(t, OCT, "a later date"), "FUTURE_REF");
    // No calendar value for dateline: a vague reference never dates an event.
    assert!(find(t, Some(date(OCT))).iter().all(|f| f.time.is_none()));
    // With the article, "the coming months" stays a stretch of time.
    let f = find("Prices will rise in the coming months.", Some(date(OCT)));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, Kind::Duration);
}

#[test]
fn a_generic_today_is_a_present_reference() {
    let t = "The strike is for today's children what the war was for their grandparents.";
    assert_eq!(tml(t, OCT, "today"), "PRESENT_REF");
    assert!(values(t, OCT).is_empty());
    // "today's meeting" is the day of publication.
    assert_eq!(
        value_of("Ministers prepared for today's meeting.", OCT, "today"),
        "2016-10-15"
    );
}

#[test]
fn a_year_ago_after_a_reporting_period_of_months_is_the_year() {
    // After "the nine months" a comparison is about those months a year before, which a
    // date gives as the year; in a sentence about the quarter it stays the quarter.
    let t = "Net rose in the third quarter from a year earlier. For the nine months, net \
             was $40 million, against $31 million a year earlier. In the first nine months, \
             sales fell from the 2015 period, and year-earlier costs were lower.";
    expect(
        t,
        OCT,
        &[
            ("the third quarter", "2016-Q3"),
            ("a year earlier", "2015-Q3"),
            ("the nine months", "P9M"),
            ("a year earlier", "2015"),
            ("the first nine months", "P9M"),
            ("the 2015 period", "2015"),
            ("year-earlier", "2015"),
        ],
    );
    // A quarter named after the months takes the comparison back.
    let t = "For the nine months, net rose, and in the third quarter net fell from a year ago.";
    assert_eq!(tml(t, OCT, "a year ago"), "2015-Q3");
}

#[test]
fn easter_and_the_days_around_it() {
    // Easter Sunday 2016 was March 27; 2017, April 16.
    let t = "Shops closed on Good Friday and reopened after Easter Monday.";
    assert_eq!(value_of(t, OCT, "Good Friday"), "2016-03-25");
    assert_eq!(value_of(t, OCT, "Easter Monday"), "2016-03-28");
    assert_eq!(
        value_of("Pilgrims arrived as Holy Week began.", OCT, "Holy Week"),
        "2016-W12"
    );
    // Read from its start: on the Monday after Palm Sunday, Holy Week is under way.
    assert_eq!(
        value_of(
            "Pilgrims arrived as Holy Week began.",
            "2016-03-21",
            "Holy Week"
        ),
        "2016-W12"
    );
    assert_eq!(
        value_of("The vote will be held after Easter.", DEC, "Easter"),
        "2017-04-16"
    );
    // Names and nouns are not the day.
    assert!(values("Ships sailed to Easter Island with Easter eggs.", OCT).is_empty());
    assert!(values("It was a good friday for the team, holy week or not.", OCT).is_empty());
}

#[test]
fn last_and_a_month_just_ended_is_a_year_back() {
    // Written in March: the February just ended would be "last month".
    let t = "The plant closed last February and a rival opened last December.";
    expect(
        t,
        "2016-03-10",
        &[("last February", "2015-02"), ("last December", "2015-12")],
    );
}

#[test]
fn a_date_set_by_putting_off_lies_ahead() {
    // Published Monday 2016-12-12: the new Tuesday is the next day, not last week's.
    assert_eq!(
        value_of(
            "The ministry gave bidders more time and extended the tender until Tuesday.",
            "2016-12-12",
            "Tuesday"
        ),
        "2016-12-13"
    );
    assert_eq!(
        value_of(
            "The court postponed the hearing until Thursday.",
            DEC,
            "Thursday"
        ),
        "2016-12-15"
    );
    assert_eq!(
        value_of("Organisers moved the final vote to Friday.", DEC, "Friday"),
        "2016-12-16"
    );
    // A plain "until" in a past narrative still looks back.
    assert_eq!(
        value_of(
            "The rebels held the bridge until Thursday.",
            DEC,
            "Thursday"
        ),
        "2016-12-08"
    );
}

#[test]
fn a_prospective_clause_takes_the_future_of_its_main_verb() {
    // "as soon as" / "once" back-shift their verb: the day is still ahead.
    assert_eq!(
        value_of(
            "Brokers said pension funds were likely to sell the notes as soon as dealing \
             resumed Monday.",
            DEC,
            "Monday"
        ),
        "2016-12-19"
    );
    assert_eq!(
        value_of(
            "The regulator said it would rule once the hearings ended Friday.",
            DEC,
            "Friday"
        ),
        "2016-12-16"
    );
    // With a past main verb the clause stays in the past.
    assert_eq!(
        value_of(
            "The shares jumped as soon as dealing resumed Monday.",
            DEC,
            "Monday"
        ),
        "2016-12-12"
    );
}

#[test]
fn nouns_of_intent_look_forward() {
    // Published Wednesday 2016-12-14.
    assert_eq!(
        value_of(
            "The two co-operatives announced an agreement to merge their dairies, in \
             Tilburg and Breda, in February.",
            DEC,
            "February"
        ),
        "2017-02"
    );
    assert_eq!(
        value_of(
            "The council confirmed its decision to shut the depot in March.",
            DEC,
            "March"
        ),
        "2017-03"
    );
}

#[test]
fn overnight_is_the_night_before_the_day_named_nearby() {
    // Published Monday 2016-12-12; the sentence is about Friday.
    let f = find(
        "Tokyo stocks ended weaker Friday after overnight selling on Wall Street.",
        Some(date("2016-12-12")),
    );
    let o = f
        .iter()
        .find(|x| x.timeml.as_deref().is_some_and(|t| t.ends_with("TNI")));
    assert_eq!(o.and_then(|x| x.timeml.as_deref()), Some("2016-12-08TNI"));
    // ... or of the sentence before.
    let f = find(
        "Tokyo stocks ended weaker Friday. Exporters were hit by overnight selling on \
         Wall Street.",
        Some(date("2016-12-12")),
    );
    let o = f
        .iter()
        .find(|x| x.timeml.as_deref().is_some_and(|t| t.ends_with("TNI")));
    assert_eq!(o.and_then(|x| x.timeml.as_deref()), Some("2016-12-08TNI"));
    // A day still ahead is no narrative day for a past night.
    let f = find(
        "The ministers will meet again next Thursday. Artillery shelled the border villages \
         overnight.",
        Some(date(DEC)),
    );
    let o = f
        .iter()
        .find(|x| x.timeml.as_deref().is_some_and(|t| t.ends_with("TNI")));
    assert_eq!(o.and_then(|x| x.timeml.as_deref()), Some("2016-12-13TNI"));
    // With no day named nearby, the night before publication.
    let f = find(
        "Gunmen attacked a police post overnight, officials said.",
        Some(date("2016-12-12")),
    );
    assert_eq!(f[0].timeml.as_deref(), Some("2016-12-11TNI"));
}

#[test]
fn that_day_after_a_month_is_a_day_of_that_month() {
    let text = "The library reopened on Monday. The fire struck in August, and the archive \
                was moved that same day.";
    let f = find(text, Some(date(OCT)));
    let same = f
        .iter()
        .find(|x| &text[x.span.start..x.span.end] == "that same day")
        .unwrap();
    assert_eq!(same.timeml.as_deref(), Some("2016-08-XX"));
    assert_eq!(
        same.time.as_ref().map(|t| t.value.as_str()),
        Some("2016-08")
    );
    // After a day, the day itself.
    assert_eq!(
        value_of(
            "The fire struck on Aug. 3, and the archive was moved that same day.",
            OCT,
            "that same day"
        ),
        "2016-08-03"
    );
}

#[test]
fn the_nth_day_of_something_now_is_today() {
    assert_eq!(
        value_of(
            "It's the third day of a rail strike that has shut the ports.",
            OCT,
            "the third day"
        ),
        OCT
    );
    assert_eq!(
        value_of(
            "In the capital, today is the ninth day of the fast.",
            OCT,
            "the ninth day"
        ),
        OCT
    );
    // A past copula or another subject dates nothing by itself.
    let v = values("Tuesday was the third day of the strike.", OCT);
    assert!(v.iter().all(|(t, _)| t != "the third day"), "{v:?}");
    let v = values("Leave expires on the tenth day of absence.", OCT);
    assert!(v.iter().all(|(t, _)| t != "the tenth day"), "{v:?}");
}

#[test]
fn in_the_morning_of_a_narrative_day() {
    // Published Monday 2016-12-12.
    let t = "Grain prices slid Friday. Traders sold heavily in the morning.";
    assert_eq!(tml(t, "2016-12-12", "the morning"), "2016-12-09TMO");
    // Habitual or with no day nearby: nothing.
    let v = values("The ferry sails in the morning.", "2016-12-12");
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn as_last_after_this_year_is_last_year() {
    assert_eq!(
        tml("The co-op paid out more this year than last.", OCT, "last"),
        "2015"
    );
    assert_eq!(
        tml("Turnout this month was lower than last.", OCT, "last"),
        "2016-09"
    );
    // "last" elsewhere is no time.
    let v = values("She spoke first and he spoke last.", OCT);
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn the_year_before_an_amount_is_the_reporting_year() {
    assert_eq!(
        tml(
            "Shares touched a peak for the year of $18.25 in May.",
            OCT,
            "the year"
        ),
        "2016"
    );
    let v = values("It was the year of the great flood.", OCT);
    assert!(v.iter().all(|(t, _)| t != "the year"), "{v:?}");
}

#[test]
fn a_present_modal_looks_ahead() {
    // Published Wednesday 2016-12-14.
    assert_eq!(
        value_of(
            "Under the new rules, apprentices can sit the exam in April.",
            DEC,
            "April"
        ),
        "2017-04"
    );
    assert_eq!(
        value_of("Voters must register by Friday.", DEC, "Friday"),
        "2016-12-16"
    );
    // A coordinated past verb nearer the day speaks first: "set" here is the past.
    assert_eq!(
        value_of(
            "The panel said the rent must be paid and set the hearing for Friday.",
            DEC,
            "Friday"
        ),
        "2016-12-09"
    );
}

#[test]
fn a_weekday_after_an_incident_looks_back() {
    // Saturday 2016-10-15: the last Tuesday is the 11th, the coming one the 18th.
    assert_eq!(
        value_of(
            "Police are investigating two stabbings Tuesday night in the harbour district.",
            OCT,
            "Tuesday night"
        ),
        "2016-10-11"
    );
    assert_eq!(
        value_of(
            "Engineers are inspecting the bridge after the collapse on Wednesday.",
            OCT,
            "Wednesday"
        ),
        "2016-10-12"
    );
    // A future verb still governs: the noun does not date the inquiry.
    assert_eq!(
        value_of(
            "The council will discuss the crash on Wednesday.",
            OCT,
            "Wednesday"
        ),
        "2016-10-19"
    );
    // Only days: "the impact of the strike on third-quarter sales" is no date of the strike.
    assert!(
        tense_at_expr(
            "The firm has no estimate of the effect of the flood on fourth-quarter sales.",
            "fourth-quarter"
        ) != Tense::Past
    );
}

/// The tense the tagger read for the expression whose text is `expr`.
fn tense_at_expr(text: &str, expr: &str) -> Tense {
    find(text, Some(date(OCT)))
        .into_iter()
        .find(|f| &text[f.span.start..f.span.end] == expr)
        .unwrap_or_else(|| panic!("{expr:?} not found"))
        .tense
}

#[test]
fn only_a_present_of_arrangement_looks_forward() {
    // The progressive of a verb of arrangement is a plan; of any other verb, what is going
    // on after a past act.
    assert_eq!(
        value_of(
            "The delegation is flying to Lisbon on Tuesday.",
            OCT,
            "Tuesday"
        ),
        "2016-10-18"
    );
    assert_eq!(
        value_of(
            "Rescue teams are combing the hillside Thursday for the missing hikers.",
            OCT,
            "Thursday"
        ),
        "2016-10-13"
    );
    // The present passive likewise.
    assert_eq!(
        value_of(
            "The memorial service is held on Thursday at the chapel.",
            OCT,
            "Thursday"
        ),
        "2016-10-20"
    );
    assert_eq!(
        value_of(
            "The former treasurer is accused of moving the club's funds Monday.",
            OCT,
            "Monday"
        ),
        "2016-10-10"
    );
    // In a clause of time or condition the present stands for the future.
    assert_eq!(
        value_of(
            "The family hopes for relief when the appeal is heard in January.",
            OCT,
            "January"
        ),
        "2017-01"
    );
}

#[test]
fn a_base_form_after_a_possessive_or_determiner_is_a_noun() {
    // "visit" here is a noun: no present of arrangement, so no forward reading.
    assert_eq!(
        value_of(
            "Questions remain about the minister's visit to the border on Monday.",
            OCT,
            "Monday"
        ),
        "2016-10-10"
    );
    assert_eq!(
        value_of(
            "Questions remain about the state visit on Monday.",
            OCT,
            "Monday"
        ),
        "2016-10-10"
    );
    // A plural subject keeps the verb: "the two teams meet Monday".
    assert_eq!(
        value_of("The two teams meet Monday in the final.", OCT, "Monday"),
        "2016-10-17"
    );
}

#[test]
fn this_weekend_under_a_past_verb_is_the_one_just_past() {
    // Monday 2016-10-17: the weekend before is the 15th and 16th, the next the 22nd-23rd.
    let mon = "2016-10-17";
    assert_eq!(
        value_of(
            "Volunteers cleared the debris from the beach this weekend.",
            mon,
            "this weekend"
        ),
        "2016-10-15/2016-10-16"
    );
    assert_eq!(
        value_of(
            "Volunteers will clear the beach this weekend.",
            mon,
            "this weekend"
        ),
        "2016-10-22/2016-10-23"
    );
}

#[test]
fn a_plan_told_in_the_past_takes_the_nearest_date() {
    // Saturday 2016-10-15. A plan told in the past may lie on either side: June is nearer
    // behind, the Thursday just past nearer than the next one.
    assert_eq!(
        value_of(
            "The ferry service was due to restart in June, but the repairs ran late.",
            OCT,
            "June"
        ),
        "2016-06"
    );
    assert_eq!(
        value_of("The board decided to close the depot in July.", OCT, "July"),
        "2016-07"
    );
    assert_eq!(
        value_of(
            "The minister was due to open the bridge on Thursday.",
            OCT,
            "Thursday"
        ),
        "2016-10-13"
    );
    // A present plan, and a present shifted back in reported speech, look forward.
    assert_eq!(
        value_of("The board plans to close the depot in July.", OCT, "July"),
        "2017-07"
    );
    assert_eq!(
        value_of(
            "The captain said the ferry was due to sail on Thursday.",
            OCT,
            "Thursday"
        ),
        "2016-10-20"
    );
}

#[test]
fn as_soon_as_with_a_clause_is_a_conjunction() {
    // "as soon as she learned": the clause's own past verb dates May.
    assert_eq!(
        value_of(
            "She resigned as soon as she learned of the audit on May 30.",
            OCT,
            "May 30"
        ),
        "2016-05-30"
    );
    assert_eq!(
        value_of("The plant could reopen as soon as Tuesday.", OCT, "Tuesday"),
        "2016-10-18"
    );
}

#[test]
fn a_date_before_its_noun_is_the_nearest_under_a_future_verb() {
    // Saturday 2016-10-15: May 9 is nearer behind, Feb. 2 nearer ahead, but a robbery is
    // an incident, already past.
    assert_eq!(
        value_of(
            "Investigators will question the pilot about the May 9 landing.",
            OCT,
            "May 9"
        ),
        "2016-05-09"
    );
    assert_eq!(
        value_of(
            "Detectives will review footage of the Feb. 2 robbery.",
            OCT,
            "Feb. 2"
        ),
        "2016-02-02"
    );
    // Not before a noun: the future verb governs.
    assert_eq!(
        value_of("The pilot will testify on May 9.", OCT, "May 9"),
        "2017-05-09"
    );
}

#[test]
fn a_weekday_with_a_date_in_apposition_takes_the_date() {
    // Saturday 2016-10-15 is itself a Saturday; the date says which one.
    let v = values(
        "The fire broke out late Saturday night, Oct. 8, in the warehouse.",
        OCT,
    );
    assert!(
        v.iter()
            .any(|(t, d)| t.contains("Oct. 8") && d == "2016-10-08"),
        "{v:?}"
    );
}

#[test]
fn the_attacks_of_september_eleventh_are_dated_2001() {
    let t = "The senator recalled the 9/11 attacks. Rescuers who served after the Sept. 11 \
             terrorist attacks were honoured, as were the victims of the September 11th \
             hijackings. Post-9/11 rules stay.";
    let v = values(t, OCT);
    assert_eq!(
        v,
        [
            ("9/11".to_string(), "2001-09-11".to_string()),
            ("Sept. 11".to_string(), "2001-09-11".to_string()),
            ("September 11th".to_string(), "2001-09-11".to_string()),
            ("9/11".to_string(), "2001-09-11".to_string()),
        ]
    );
    // this year's day of the month stays this year's, and a date with a year keeps its year
    assert_eq!(
        value_of(
            "Police arrested two men on Sept. 11 in the port.",
            OCT,
            "Sept. 11"
        ),
        "2016-09-11"
    );
    assert_eq!(
        value_of(
            "The rally was held on 9/11/2015 downtown.",
            OCT,
            "9/11/2015"
        ),
        "2015-09-11"
    );
}

#[test]
fn before_2001_september_eleventh_is_no_day_in_2001() {
    let v = values(
        "The envoy met the rebels on 9/11 and recalled the Sept. 11 attacks on the embassy.",
        "1998-10-02",
    );
    assert!(v.iter().all(|(_, x)| !x.starts_with("2001")), "{v:?}");
}
