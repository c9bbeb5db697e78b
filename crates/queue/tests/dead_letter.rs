//! Poison messages against a real `nats-server -js` on a free loopback port (Debian's
//! `nats-server`, .ci/setup.d/61-nats.sh; the test prints a notice and passes when it is
//! absent): an unreadable message is dead-lettered at once, one that keeps failing after
//! `max_deliver` deliveries, one whose workers keep dying before it is handed out again; the
//! rest of the queue is stored meanwhile; dead letters keep their input and error headers,
//! are counted, listed and replayed.

use dateline_queue::testing::TempNats;
use dateline_queue::{Job, Outcome, Outgoing, Queue, WorkOptions};
use std::collections::HashMap;
use std::time::Duration;

fn publish(q: &Queue, items: &[(&str, Vec<u8>)]) {
    let mut p = q.publisher(16);
    for (input, body) in items {
        let failures = p.publish(Outgoing {
            body: body.clone(),
            input,
            published: None,
            source: Some("Test Wire"),
        });
        assert!(failures.is_empty(), "{failures:?}");
    }
    let (n, failures) = p.finish();
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(n, items.len() as u64);
}

fn opts() -> WorkOptions {
    WorkOptions {
        batch: 4,
        until_empty: true,
        idle: Duration::from_millis(200),
        max_deliver: 3,
        retry_delay: Duration::from_millis(100),
        ..WorkOptions::default()
    }
}

#[test]
fn poison_messages_are_dead_lettered_counted_and_replayed() {
    let Some(nats) = TempNats::start("the dead-letter test") else {
        return;
    };
    let q = Queue::connect(&nats.url("test.articles")).unwrap();
    assert_eq!(
        q.dead_letter(),
        ("test.articles.dead", "DATELINE_TEST_ARTICLES_DEAD")
    );

    // 1. A message whose workers die on it: each run ends without acknowledging it.
    publish(&q, &[("in:crash", br#"{"id":"crash"}"#.to_vec())]);
    for _ in 0..3 {
        let e = q
            .work(&opts(), |_: &[Job]| Err("the worker died".to_string()))
            .unwrap_err();
        assert_eq!(e.to_string(), "the worker died");
        std::thread::sleep(Duration::from_millis(150));
    }
    // Delivered 3 times (= max_deliver) without an acknowledgement: the fourth delivery is
    // not handed out, it is dead-lettered.
    let stats = q
        .work(&opts(), |jobs: &[Job]| {
            panic!("handed out again: {:?}", jobs[0].payload)
        })
        .unwrap();
    assert_eq!((stats.dead, stats.retried), (1, 0));
    assert_eq!(q.pending().unwrap(), 0);

    // 2. Good articles with an unreadable one and one that fails every time.
    let mut items: Vec<(String, Vec<u8>)> = (0..10)
        .map(|i| {
            (
                format!("in:{i}"),
                format!(r#"{{"id":"ok-{i}"}}"#).into_bytes(),
            )
        })
        .collect();
    items.insert(3, ("in:bad".into(), vec![0xff, 0xfe, b'{']));
    items.insert(6, ("in:retry".into(), br#"{"id":"retry"}"#.to_vec()));
    let refs: Vec<(&str, Vec<u8>)> = items.iter().map(|(a, b)| (a.as_str(), b.clone())).collect();
    publish(&q, &refs);
    let mut seen: HashMap<String, Vec<i64>> = HashMap::new();
    let stats = q
        .work(&opts(), |jobs: &[Job]| {
            Ok(jobs
                .iter()
                .map(|j| {
                    seen.entry(j.input.clone()).or_default().push(j.delivered);
                    let Ok(text) = std::str::from_utf8(&j.payload) else {
                        return Outcome::Dead("message is not UTF-8".into());
                    };
                    if text.contains("retry") {
                        Outcome::Retry("the store refused it".into())
                    } else {
                        Outcome::Done
                    }
                })
                .collect())
        })
        .unwrap();
    eprintln!("{stats:?}");
    assert_eq!(seen["in:retry"], vec![1, 2, 3], "tried max_deliver times");
    assert_eq!(seen["in:bad"], vec![1], "dead at once");
    for i in 0..10 {
        assert_eq!(seen[&format!("in:{i}")], vec![1], "good article {i}");
    }
    assert_eq!((stats.dead, stats.retried), (2, 2));
    assert_eq!(stats.messages, 12 + 2);
    assert_eq!(q.pending().unwrap(), 0, "nothing left on the work queue");

    // 3. The dead letters, oldest first, with their input, error and delivery count.
    let dead = q.dead_letters().unwrap();
    let summary: Vec<(Option<&str>, Option<i64>)> = dead
        .iter()
        .map(|d| (d.input.as_deref(), d.deliveries))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Some("in:crash"), Some(4)),
            (Some("in:bad"), Some(1)),
            (Some("in:retry"), Some(3)),
        ]
    );
    let error = |i: usize| dead[i].error.clone().unwrap_or_default();
    assert!(
        error(0).contains("without an acknowledgement"),
        "{}",
        error(0)
    );
    assert_eq!(error(1), "message is not UTF-8");
    assert!(
        error(2).starts_with("the store refused it (failed on each of 3"),
        "{}",
        error(2)
    );
    assert_eq!(dead[1].payload.as_ref(), &[0xff, 0xfe, b'{']);
    assert!(dead.iter().all(|d| {
        d.origin
            .as_deref()
            .is_some_and(|o| o.starts_with("DATELINE_TEST_ARTICLES#"))
    }));

    // 4. Replay: back on the work queue with their original headers, gone from the dead
    // letters; a fixed worker stores them.
    assert_eq!(q.replay_dead().unwrap(), 3);
    assert!(q.dead_letters().unwrap().is_empty());
    assert_eq!(q.pending().unwrap(), 3);
    let mut inputs = Vec::new();
    let stats = q
        .work(&opts(), |jobs: &[Job]| {
            for j in jobs {
                assert_eq!(j.source.as_deref(), Some("Test Wire"));
                assert_eq!(j.delivered, 1);
                inputs.push(j.input.clone());
            }
            Ok(vec![Outcome::Done; jobs.len()])
        })
        .unwrap();
    inputs.sort();
    assert_eq!(inputs, ["in:bad", "in:crash", "in:retry"]);
    assert_eq!((stats.messages, stats.dead), (3, 0));
    assert_eq!(q.pending().unwrap(), 0);
}
