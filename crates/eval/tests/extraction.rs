//! Floor for main-text extraction on the article-extraction-benchmark (skips without data).

#[test]
fn extraction_f1_floor() {
    let Some(s) = dateline_eval::extraction::evaluate_dateline() else {
        println!("notice: article-extraction-benchmark not available — extraction floor skipped");
        return;
    };
    println!(
        "extraction: P={:.3} R={:.3} F1={:.3} over {} pages",
        s.precision, s.recall, s.f1, s.docs
    );
    assert_eq!(s.docs, 181);
    assert!(s.f1 >= FLOOR, "F1 {:.3} fell below the floor {FLOOR}", s.f1);
}

/// A little under the measured F1 (see BENCHMARKS.md, section "extraction").
const FLOOR: f64 = 0.965;
