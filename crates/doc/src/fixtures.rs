//! Documents for tests of this crate and of the crates that read its documents (the store
//! holds its rows equal to the record's): built by hand, every layer filled.

use crate::*;

/// A document with every layer filled, both arms of every option, and floats that an
/// `f32` does not hold exactly.
pub fn full_doc() -> Doc {
    let text = "Title \"quoted\" — é\n\nBody: Ali said 3 were killed in Aden on 15 May.";
    let mut doc = Doc::from_blocks(
        Meta {
            id: "a\"1".into(),
            url: Some("https://example.org/x?y=1&z=<2>".into()),
            source: None,
            title: Some("Title".into()),
            standfirst: None,
            published: Some(jiff::civil::Date::constant(2016, 5, 16)),
            published_from: PublishedFrom::Input,
            language: "en".into(),
        },
        &text
            .split("\n\n")
            .enumerate()
            .map(|(i, t)| BlockText {
                kind: if i == 0 {
                    BlockKind::Title
                } else {
                    BlockKind::Paragraph
                },
                text: t.into(),
            })
            .collect::<Vec<_>>(),
        vec![Removed {
            text: "Share\tthis\u{1}".into(),
            reason: "share".into(),
        }],
    );
    // The span of the first occurrence of a word.
    let text = doc.text().to_string();
    let at = |w: &str| {
        let i = text.find(w).expect("in the text");
        Span::new(i, i + w.len())
    };
    let (title, body) = (doc.blocks[0].span, doc.blocks[1].span);
    doc.sentences = vec![
        Sentence {
            span: title,
            block: 0,
        },
        Sentence {
            span: body,
            block: 1,
        },
    ];
    doc.entities = vec![
        Entity {
            kind: EntityKind::Person,
            name: "Ali".into(),
            title: Some("Gen.".into()),
            actor: Some(Actor {
                code: "YEMMIL".into(),
                country: Some("YEM".into()),
                sector: None,
            }),
            place: Some(0),
            mentions: vec![at("Ali")],
        },
        Entity {
            kind: EntityKind::Group,
            name: "x".into(),
            title: None,
            actor: None,
            place: None,
            mentions: vec![],
        },
    ];
    doc.places = vec![
        Place {
            name: "Aden".into(),
            geonameid: Some(415189),
            country: Some("YE".into()),
            admin1: None,
            lat: Some(12.779_441_234),
            lon: Some(f64::NAN),
            feature: Some(Feature::City),
            mentions: vec![at("Aden"), at("Body")],
        },
        Place {
            name: "Nowhere".into(),
            geonameid: None,
            country: None,
            admin1: Some("01".into()),
            lat: None,
            lon: None,
            feature: None,
            mentions: vec![],
        },
    ];
    doc.times = vec![
        Time {
            span: at("15 May"),
            value: "2016-05-15".into(),
            precision: Precision::Day,
            range: None,
        },
        Time {
            span: at("15 May"),
            value: "2016-05".into(),
            precision: Precision::Month,
            range: Some(("2016-05-01".into(), "2016-05-31".into())),
        },
    ];
    let date = DateRef {
        value: "2016-05-15".into(),
        precision: Precision::Day,
        time: Some(0),
        basis: Basis::Text,
    };
    doc.events = vec![
        Event {
            sentence: 1,
            trigger: at("killed"),
            cameo: "190".into(),
            quad_class: 4,
            goldstein: -10.0,
            plover: Some(Plover {
                kind: "ASSAULT".into(),
                mode: None,
            }),
            status: Status::Occurred,
            source: vec![Argument {
                entity: Some(0),
                code: Some("YEMMIL".into()),
                span: at("Ali"),
            }],
            target: vec![],
            date: Some(date.clone()),
            place: Some(PlaceRef {
                place: 0,
                basis: Basis::Sentence,
            }),
            reported_by: Some(0),
            confidence: 0.853,
            rule: "r1".into(),
            same_as: None,
        },
        Event {
            sentence: 1,
            trigger: at("were"),
            cameo: "1".into(),
            quad_class: 1,
            goldstein: 2.8,
            plover: Some(Plover {
                kind: "AGREE".into(),
                mode: Some("x".into()),
            }),
            status: Status::Negated,
            source: vec![],
            target: vec![Argument {
                entity: None,
                code: None,
                span: at("were"),
            }],
            date: None,
            place: None,
            reported_by: None,
            confidence: 0.1,
            rule: "r2".into(),
            same_as: Some(0),
        },
    ];
    doc.casualties = vec![
        Casualty {
            sentence: 1,
            span: at("3 were killed"),
            kind: CasualtyKind::Killed,
            min: Some(3),
            max: Some(u64::MAX),
            approx: true,
            group: Some("civilians".into()),
            part_of: None,
            event: Some(0),
            place: Some(0),
            date: Some(date),
            reported_by: Some(0),
        },
        Casualty {
            sentence: 1,
            span: at("3 were killed"),
            kind: CasualtyKind::Injured,
            min: None,
            max: None,
            approx: false,
            group: None,
            part_of: Some(0),
            event: None,
            place: None,
            date: None,
            reported_by: None,
        },
    ];
    doc.quotes = vec![
        Quote {
            span: at("quoted"),
            kind: QuoteKind::Direct,
            speaker: Some(0),
            speaker_name: Some("Ali".into()),
            cue: Some(at("said")),
            event: Some(1),
        },
        Quote {
            span: at("3 were killed in Aden"),
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_name: None,
            cue: None,
            event: None,
        },
    ];
    assert!(doc.check_spans().is_ok(), "{:?}", doc.check_spans());
    doc
}
