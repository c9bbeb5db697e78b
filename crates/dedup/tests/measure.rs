//! Precision and recall on constructed cases with known answers (see tests/synth).

mod synth;

#[test]
fn constructed_cases_precision_recall() {
    let f = synth::measure(7, 200, 30);
    println!("{f}");
    assert!(f.event_p >= 0.93, "event precision {}", f.event_p);
    assert!(f.event_r >= 0.95, "event recall {}", f.event_r);
    assert!(f.dup_p >= 0.98, "duplicate precision {}", f.dup_p);
    assert!(f.dup_r >= 0.95, "duplicate recall {}", f.dup_r);
    assert!(f.order_stable);
    assert!(
        f.incremental.0 >= 0.88 && f.incremental.1 >= 0.93,
        "incremental {:?}",
        f.incremental
    );
}

#[test]
fn record_round_trip_through_mentions() {
    let mut b = synth::Builder::new(1);
    b.scenarios(17_000);
    let a = &b.articles[0];
    let ms = dateline_dedup::mentions(&a.record());
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].article, a.id);
    assert_eq!(ms[0].source.as_deref(), Some(a.source.as_str()));
    assert_eq!(ms[0].status, "occurred");
    assert!(ms[0].days.is_some() && ms[0].place.is_some());
    assert!(
        dateline_dedup::mentions(&serde_json::json!({"schema": "dateline/1", "error": {}}))
            .is_empty()
    );
}

#[test]
fn pairwise_scores_are_right_on_a_small_case() {
    // Gold {0,1,2},{3}; predicted {0,1},{2,3}: tp 1, predicted pairs 2, gold pairs 3.
    let (p, r, tp, pp, gp) = synth::pairwise(&[1, 1, 2, 2], &[5, 5, 5, 6]);
    assert_eq!((tp, pp, gp), (1, 2, 3));
    assert!((p - 0.5).abs() < 1e-9 && (r - 1.0 / 3.0).abs() < 1e-9);
}
