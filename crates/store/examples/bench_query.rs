//! Query latency of a store: runs a fixed set of filtered event queries (first page of 100,
//! newest first) many times and prints p50 and p99 per filter and overall.
//!
//!     cargo run --release -p dateline-store --example bench_query -- STORE.db [ROUNDS]

use dateline_store::{EventStore, Filter, Store};
use std::time::Instant;

fn main() {
    let db = std::env::args()
        .nth(1)
        .expect("usage: bench_query STORE.db [ROUNDS]");
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let st = Store::open_read_only(&db).unwrap();
    eprintln!("{:?}", st.counts().unwrap());
    let set = |v: &str| Some(v.to_string());
    let base = Filter {
        limit: 100,
        ..Filter::default()
    };
    let filters: Vec<(&str, Filter)> = vec![
        ("none", base.clone()),
        (
            "root 19",
            Filter {
                root: set("19"),
                ..base.clone()
            },
        ),
        (
            "quad 4",
            Filter {
                quad: Some(4),
                ..base.clone()
            },
        ),
        (
            "status negated",
            Filter {
                status: set("negated"),
                ..base.clone()
            },
        ),
        (
            "cameo 043",
            Filter {
                cameo: set("043"),
                ..base.clone()
            },
        ),
        (
            "plover ASSAULT",
            Filter {
                plover: set("ASSAULT"),
                ..base.clone()
            },
        ),
        (
            "actor USA",
            Filter {
                actor: set("USA"),
                ..base.clone()
            },
        ),
        (
            "country RUS",
            Filter {
                country: set("RUS"),
                ..base.clone()
            },
        ),
        (
            "place US",
            Filter {
                place_country: set("US"),
                ..base.clone()
            },
        ),
        (
            "from/to one month",
            Filter {
                from: set("2016-03"),
                to: set("2016-03"),
                ..base.clone()
            },
        ),
        (
            "bbox",
            Filter {
                bbox: Some([-80.0, 35.0, -70.0, 45.0]),
                ..base.clone()
            },
        ),
        (
            "text",
            Filter {
                text: set("election"),
                ..base.clone()
            },
        ),
        (
            "root 19 + place US + year",
            Filter {
                root: set("19"),
                place_country: set("US"),
                from: set("2016"),
                to: set("2016"),
                ..base.clone()
            },
        ),
    ];
    let mut all = Vec::new();
    for (name, f) in &filters {
        let mut times = Vec::with_capacity(rounds);
        let mut n = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            n = st.query(f).unwrap().len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{name:28} {n:4} rows  p50 {:8.2} ms  p99 {:8.2} ms",
            p(0.5),
            p(0.99)
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    let p = |q: f64| all[((all.len() - 1) as f64 * q).round() as usize];
    println!("all filters: p50 {:.2} ms  p99 {:.2} ms", p(0.5), p(0.99));
}
