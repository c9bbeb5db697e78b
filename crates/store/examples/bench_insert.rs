//! Writer-side cost of the store, apart from extraction: reads `dateline extract` output
//! (JSON Lines), then times preparing the records and inserting them in batches into a new
//! file, `ROUNDS` times (default 1).
//!
//!     cargo run --release -p dateline-store --example bench_insert -- OUT.jsonl /tmp/x.db [ROUNDS] [BATCH]
//!
//! `BENCH_CACHE_KIB` sets another page cache size (KiB) than the store's own.
//!
//! Prints CPU time (user + system of the process) and wall time of each phase: preparing (done
//! by the extraction threads in `dateline ingest`), inserting (the writer thread) and closing
//! (the last checkpoint), then the least CPU time of each phase over the rounds.

use dateline_store::{Prepared, Store};
use std::io::BufRead;

/// User and system CPU seconds of this process so far.
fn cpu() -> (f64, f64) {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    let tick = 100.0;
    (
        f[11].parse::<f64>().unwrap() / tick,
        f[12].parse::<f64>().unwrap() / tick,
    )
}

/// CPU seconds of this (single) thread so far, to the nanosecond.
fn thread_cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    s.split_whitespace()
        .next()
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1e9
}

/// Runs `f`, returning its result and its (user, system, CPU, wall) seconds: user and system
/// from the process's ticks (10 ms), CPU from the thread's scheduler clock.
fn timed<T>(f: impl FnOnce() -> T) -> (T, (f64, f64, f64, f64)) {
    let (u, s) = cpu();
    let c = thread_cpu();
    let t = std::time::Instant::now();
    let out = f();
    let (u2, s2) = cpu();
    (
        out,
        (u2 - u, s2 - s, thread_cpu() - c, t.elapsed().as_secs_f64()),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(db)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: bench_insert OUT.jsonl DB [ROUNDS] [BATCH]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
    let batch: usize = args.get(4).and_then(|a| a.parse().ok()).unwrap_or(512);
    let recs: Vec<serde_json::Value> = std::io::BufReader::new(std::fs::File::open(path).unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let mut best = [f64::MAX; 3];
    for round in 0..rounds {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db}{ext}"));
        }
        let (prepared, p) = timed(|| {
            recs.iter()
                .map(Prepared::new)
                .collect::<Vec<Option<Prepared>>>()
        });
        let (st, i) = timed(|| {
            let mut st = Store::open(db).unwrap();
            // BENCH_CACHE_KIB: another page cache size than the store's own (in KiB).
            if let Some(kib) = std::env::var("BENCH_CACHE_KIB")
                .ok()
                .and_then(|v| v.parse::<i64>().ok())
            {
                st.connection()
                    .pragma_update(None, "cache_size", -kib)
                    .unwrap();
            }
            for ch in prepared.chunks(batch) {
                st.insert_prepared(ch).unwrap();
            }
            st
        });
        let ((), c) = timed(|| drop(st));
        let ((), d) = timed(|| drop(prepared));
        let line = |(u, s, c, w): (f64, f64, f64, f64)| {
            format!("cpu {c:.3} (u {u:.2} s {s:.2}) wall {w:.3}")
        };
        eprintln!(
            "round {round}: prepare {} | insert {} | close {} | drop {} | {} articles",
            line(p),
            line(i),
            line(c),
            line(d),
            recs.len()
        );
        for (b, x) in best.iter_mut().zip([p, i, c]) {
            *b = b.min(x.2);
        }
    }
    eprintln!(
        "least CPU: prepare {:.3} insert {:.3} close {:.3}",
        best[0], best[1], best[2]
    );
}
