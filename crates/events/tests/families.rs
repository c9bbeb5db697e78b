//! One fixture per CAMEO root family (tests/fixtures/NN.txt): sentences written for dateline
//! with hand-made entity/place/time layers, and the event each must produce.

mod common;

#[test]
fn every_family_fixture_passes() {
    let lex = dateline_events::Lexicon::load();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut failures = Vec::new();
    let mut families = 0;
    for root in 1..=20 {
        let name = format!("{root:02}.txt");
        let text = std::fs::read_to_string(format!("{dir}/{name}"))
            .unwrap_or_else(|_| panic!("missing fixture {name}"));
        families += 1;
        failures.extend(common::run_fixture(&name, &text, &lex));
    }
    assert_eq!(families, 20);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
