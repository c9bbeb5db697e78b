//! Floor test: casualty totals on the GVA dev split stay at or above measured levels.
//! Skips with a notice when the shared data is absent.

use dateline_pipeline::Pipeline;

#[test]
fn gva_dev_exact_match_floor() {
    let pipeline = Pipeline::new();
    let Some(s) = dateline_eval::toll::evaluate(&pipeline, "dev", false).unwrap() else {
        return;
    };
    assert!(s.n >= 200, "dev has {} articles", s.n);
    let (k, i) = (s.killed_acc(), s.injured_acc());
    println!("dev: killed exact {k:.3}, injured exact {i:.3}");
    // Floors a little under the measured dev figures (see BENCHMARKS.md), above the
    // all-zero baseline (killed 0.771, injured 0.624 on dev).
    assert!(
        k >= KILLED_FLOOR,
        "killed exact match {k:.3} < {KILLED_FLOOR}"
    );
    assert!(
        i >= INJURED_FLOOR,
        "injured exact match {i:.3} < {INJURED_FLOOR}"
    );
}

const KILLED_FLOOR: f64 = 0.95;
const INJURED_FLOOR: f64 = 0.86;
