//! An event's `confidence` orders events by how likely they are to be real events of their
//! kind, from what the record shows (`src/confidence.rs`), in articles written for these tests.

mod common;

use dateline_doc::Doc;

fn coded(lines: &[&str]) -> Doc {
    let lex = dateline_events::Lexicon::load();
    let mut d = common::doc(lines);
    dateline_events::code(&mut d, &lex);
    d
}

fn confidence(d: &Doc, trigger: &str) -> f32 {
    d.events
        .iter()
        .find(|e| d.slice(e.trigger) == trigger)
        .unwrap_or_else(|| panic!("no event {trigger:?}:\n{}", common::summary(d)))
        .confidence
}

#[test]
fn a_dated_lead_event_told_again_outranks_a_passing_quoted_word() {
    let d = coded(&[
        "[Police|KENCOP|organization] in {Kisumu|KE|city} arrested 42 dock workers \
         <on Tuesday|2016-12-13|day> after a strike over pay.",
        "The harbour had been closed for a week.",
        "Shipping agents said cargo was piling up on the quays.",
        "Union members gathered outside the court.",
        "Relatives waited at the gates all afternoon.",
        "The port authority gave no figure for the losses.",
        "\"Troops will clash with rebels on the border,\" [Mary Otieno|KENUNI|person] said.",
        "The 20-year-old shop steward was among those detained.",
    ]);
    let lead = confidence(&d, "arrested");
    let quoted = confidence(&d, "clash");
    assert!(lead > 0.8, "{lead}\n{}", common::summary(&d));
    assert!(quoted < 0.35, "{quoted}\n{}", common::summary(&d));
    // the repeat mention is as sure as the first
    let again = confidence(&d, "detained");
    assert!(again > 0.6, "{again}\n{}", common::summary(&d));
}

#[test]
fn quotation_marks_lower_the_same_act() {
    let plain = coded(&[
        "Opening line of the report.",
        "[Kenya|KEN|country] condemned the raid on the embassy.",
    ]);
    let quoted = coded(&[
        "Opening line of the report.",
        "\u{201C}[Kenya|KEN|country] condemned the raid on the embassy,\u{201D} the statement read.",
    ]);
    let (a, b) = (
        confidence(&plain, "condemned"),
        confidence(&quoted, "condemned"),
    );
    assert!(a > b + 0.1, "{a} vs {b}");
    // a closed quotation earlier in the paragraph does not lower what follows it
    let after = coded(&[
        "Opening line of the report.",
        "\u{201C}Enough,\u{201D} the minister said. [Kenya|KEN|country] condemned the raid on the embassy.",
    ]);
    let c = confidence(&after, "condemned");
    assert!((a - c).abs() < 1e-6, "{a} vs {c}");
}

#[test]
fn a_quotation_closes_with_its_own_mark() {
    let lines = |q: &str| {
        coded(&[
            "Opening line of the report.",
            &format!("{q} [Kenya|KEN|country] condemned the raid on the embassy."),
        ])
    };
    let plain = confidence(&lines("Quiet, the minister said."), "condemned");
    // German quotes open with „ and close with “; angled ones close with »
    for closed in [
        "„Genug“, sagte er.",
        "«Assez», dit-il.",
        "“Enough,” he said.",
        "\"Enough,\" he said.",
    ] {
        let c = confidence(&lines(closed), "condemned");
        assert!((plain - c).abs() < 1e-6, "{closed}: {plain} vs {c}");
    }
    let open = confidence(&lines("„Genug, und"), "condemned");
    assert!(open < plain, "{open} vs {plain}");
}
