//! Floor for named-entity recognition on CoNLL-2003 dev (skipped when the data is absent).
//! The figures themselves are in BENCHMARKS.md (`cargo run --release -p dateline-eval -- ner`).

use dateline_eval::ner::{load_dev, score_dateline};

#[test]
fn conll_dev_floor() {
    let Some(docs) = load_dev() else { return };
    assert_eq!(docs.len(), 216, "CoNLL-2003 dev has 216 documents");
    let (c, _) = score_dateline(&docs);
    let (_, _, per) = c.prf("PER");
    let (_, _, loc) = c.prf("LOC");
    let (_, _, micro) = c.prf("micro");
    println!("PER F1 {per:.3}, LOC F1 {loc:.3}, micro F1 {micro:.3}");
    assert!(per >= 0.80, "PER F1 {per:.3} below the floor 0.80");
    assert!(loc >= 0.70, "LOC F1 {loc:.3} below the floor 0.70");
    assert!(micro >= 0.65, "micro F1 {micro:.3} below the floor 0.65");
}
