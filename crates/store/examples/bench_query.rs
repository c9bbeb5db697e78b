//! Query latency of a store: runs a fixed set of filtered event queries (first page of 100,
//! newest first, unless the filter says otherwise) many times and prints p50 and p99 per filter
//! and overall, with SQLite's plan for each filter when `--plan` is given.
//!
//!     cargo run --release -p dateline-store --example bench_query -- STORE.db [ROUNDS] [--plan] [--api]
//!
//! `--api`: also the reads behind `dateline serve` per filter: its page (`/api/events`), the
//! total counted up to
//! `TOTAL_CAP` (as `/api/events` counts it, without the server's time budget) and the stats
//! (`/api/stats`, once: the server caches it), then full-text searches (`/api/search`).
//!
//! The filters name values of two kinds of store: political news (PolNeAR: `election`, place
//! `US`, 2016) and the generated corpus of `crates/serve/bench/make_corpus.py` (Syria, Kenya,
//! 2022-2024, `Aleppo`, `market`). A filter whose values are absent from a store still runs
//! (and must be quick: nothing to find).

use dateline_store::api::TOTAL_CAP;
use dateline_store::{EventStore, Filter, Store};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let plan = args.iter().any(|a| a == "--plan");
    let api = args.iter().any(|a| a == "--api");
    let mut pos = args.iter().filter(|a| !a.starts_with("--"));
    let db = pos
        .next()
        .expect("usage: bench_query STORE.db [ROUNDS] [--plan]");
    let rounds: usize = pos.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let st = Store::open_read_only(db).unwrap();
    eprintln!("{:?}", st.counts().unwrap());
    let set = |v: &str| Some(v.to_string());
    let base = Filter {
        limit: 100,
        ..Filter::default()
    };
    let f = |edit: &dyn Fn(&mut Filter)| {
        let mut f = base.clone();
        edit(&mut f);
        f
    };
    let filters: Vec<(&str, Filter)> = vec![
        ("none", base.clone()),
        ("root 19", f(&|f| f.root = set("19"))),
        ("quad 4", f(&|f| f.quad = Some(4))),
        ("status negated", f(&|f| f.status = set("negated"))),
        ("cameo 043", f(&|f| f.cameo = set("043"))),
        ("plover ASSAULT", f(&|f| f.plover = set("ASSAULT"))),
        ("actor USA", f(&|f| f.actor = set("USA"))),
        ("country RUS", f(&|f| f.country = set("RUS"))),
        ("place US", f(&|f| f.place_country = set("US"))),
        (
            "from/to one month 2016-03",
            f(&|f| {
                f.from = set("2016-03");
                f.to = set("2016-03")
            }),
        ),
        (
            "bbox US east",
            f(&|f| f.bbox = Some([-80.0, 35.0, -70.0, 45.0])),
        ),
        ("text election", f(&|f| f.text = set("election"))),
        (
            "root 19 + place US + 2016",
            f(&|f| {
                f.root = set("19");
                f.place_country = set("US");
                f.from = set("2016");
                f.to = set("2016")
            }),
        ),
        ("actor SYR", f(&|f| f.actor = set("SYR"))),
        ("place SY", f(&|f| f.place_country = set("SY"))),
        (
            "from/to one month 2023-03",
            f(&|f| {
                f.from = set("2023-03");
                f.to = set("2023-03")
            }),
        ),
        (
            "bbox Syria",
            f(&|f| f.bbox = Some([35.5, 32.0, 42.5, 37.5])),
        ),
        ("text Aleppo", f(&|f| f.text = set("Aleppo"))),
        ("text market", f(&|f| f.text = set("market"))),
        ("text \"tear gas\"", f(&|f| f.text = set("\"tear gas\""))),
        (
            "root 14 + place KE",
            f(&|f| {
                f.root = set("14");
                f.place_country = set("KE")
            }),
        ),
        (
            "quad 1 + planned, page 5",
            f(&|f| {
                f.quad = Some(1);
                f.status = set("planned");
                f.offset = 400
            }),
        ),
        (
            "quad 4 + planned (none)",
            f(&|f| {
                f.quad = Some(4);
                f.status = set("planned")
            }),
        ),
        (
            "root 19 + occurred",
            f(&|f| {
                f.root = set("19");
                f.status = set("occurred")
            }),
        ),
        (
            "root 19 + place SY + 2023",
            f(&|f| {
                f.root = set("19");
                f.place_country = set("SY");
                f.from = set("2023");
                f.to = set("2023")
            }),
        ),
        (
            "text Aleppo + root 19 + 2023",
            f(&|f| {
                f.text = set("Aleppo");
                f.root = set("19");
                f.from = set("2023");
                f.to = set("2023")
            }),
        ),
        (
            "all filters at once",
            f(&|f| {
                f.text = set("Aleppo");
                f.root = set("19");
                f.place_country = set("SY");
                f.actor = set("SYR");
                f.status = set("occurred");
                f.from = set("2023");
                f.to = set("2023");
                f.bbox = Some([35.5, 32.0, 42.5, 37.5])
            }),
        ),
        ("min_confidence 0.6", f(&|f| f.min_confidence = Some(0.6))),
        ("min_confidence 0.7", f(&|f| f.min_confidence = Some(0.7))),
        (
            "root 19 + min_confidence 0.6",
            f(&|f| {
                f.root = set("19");
                f.min_confidence = Some(0.6)
            }),
        ),
        (
            "occurred + min_conf. 0.6",
            f(&|f| {
                f.status = set("occurred");
                f.min_confidence = Some(0.6)
            }),
        ),
        (
            "place SY + min_conf. 0.6",
            f(&|f| {
                f.place_country = set("SY");
                f.min_confidence = Some(0.6)
            }),
        ),
        (
            "min_confidence 0.8 (few)",
            f(&|f| f.min_confidence = Some(0.8)),
        ),
        (
            "root 07 + min_conf. 0.6",
            f(&|f| {
                f.root = set("07");
                f.min_confidence = Some(0.6)
            }),
        ),
        (
            "planned + min_conf. 0.6",
            f(&|f| {
                f.status = set("planned");
                f.min_confidence = Some(0.6)
            }),
        ),
        (
            "text Aleppo + min_conf. 0.6",
            f(&|f| {
                f.text = set("Aleppo");
                f.min_confidence = Some(0.6)
            }),
        ),
    ];
    let mut all = Vec::new();
    for (name, f) in &filters {
        if plan {
            for line in st.query_plan(f).unwrap() {
                println!("    plan {name}: {line}");
            }
        }
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
            "{name:30} {n:4} rows  p50 {:8.2} ms  p99 {:8.2} ms",
            p(0.5),
            p(0.99)
        );
        all.extend(times);
        if api {
            api_reads(&st, name, f, rounds);
        }
    }
    all.sort_by(f64::total_cmp);
    let p = |q: f64| all[((all.len() - 1) as f64 * q).round() as usize];
    println!("all filters: p50 {:.2} ms  p99 {:.2} ms", p(0.5), p(0.99));
    if api {
        for q in [
            "Aleppo",
            "market",
            "tear gas",
            "\"tear gas\"",
            "election",
            "Nairobi",
        ] {
            let mut times = Vec::with_capacity(rounds);
            let mut last = None;
            for _ in 0..rounds {
                let t = Instant::now();
                last = Some(st.api_search(q, 20, 0).unwrap());
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            let s = last.unwrap();
            let (p50, p99) = pcts(&mut times);
            println!(
                "search {q:23} total {}{} ranked {:5}  p50 {p50:8.2} ms  p99 {p99:8.2} ms",
                s.total,
                if s.total_exact { " " } else { "+" },
                s.ranked
            );
        }
    }
}

fn pcts(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.99))
}

/// The total (capped) and the stats of one filter, as the API computes them.
fn api_reads(st: &Store, name: &str, f: &Filter, rounds: usize) {
    let mut times = Vec::with_capacity(rounds);
    let mut total = None;
    for _ in 0..rounds {
        let t = Instant::now();
        total = Some(st.api_count_capped(f, TOTAL_CAP).unwrap());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let total = total.unwrap();
    let (p50, p99) = pcts(&mut times);
    let cs = st.cluster_support().unwrap();
    let mut page_times = Vec::with_capacity(rounds);
    let mut n = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        n = st.api_events(f, cs).unwrap().len();
        page_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (e50, e99) = pcts(&mut page_times);
    println!("  {name:28} api page {n:4} rows  p50 {e50:8.2} ms  p99 {e99:8.2} ms");
    let t = Instant::now();
    let stats = st.api_stats(f, cs).unwrap();
    let stats_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "  {name:28} total {:6}{}  p50 {p50:8.2} ms  p99 {p99:8.2} ms   stats {:8} events {stats_ms:8.1} ms",
        total.value,
        if total.exact { " " } else { "+" },
        stats.events
    );
}
