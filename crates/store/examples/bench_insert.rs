//! Writer-side cost of the store, apart from extraction: reads `dateline extract` output
//! (JSON Lines), then times preparing the records and inserting them in batches of 512.
//!
//!     cargo run --release -p dateline-store --example bench_insert -- OUT.jsonl /tmp/x.db
//!
//! Prints wall and CPU time (utime + stime of the process) of each phase.

use dateline_store::{Prepared, Store};
use std::io::BufRead;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let db = std::env::args().nth(2).unwrap();
    let recs: Vec<serde_json::Value> = std::io::BufReader::new(std::fs::File::open(path).unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let _ = std::fs::remove_file(&db);
    let mut st = Store::open(&db).unwrap();
    let (t, c) = (std::time::Instant::now(), cpu());
    let prepared: Vec<Option<Prepared>> = recs.iter().map(Prepared::new).collect();
    eprintln!("prepare: wall {:?} cpu {:.2}s", t.elapsed(), cpu() - c);
    let (t, c) = (std::time::Instant::now(), cpu());
    for ch in prepared.chunks(512) {
        st.insert_prepared(ch).unwrap();
    }
    eprintln!(
        "insert: wall {:?} cpu {:.2}s for {} articles",
        t.elapsed(),
        cpu() - c,
        prepared.len()
    );
    let (t, c) = (std::time::Instant::now(), cpu());
    drop(st);
    eprintln!("close: wall {:?} cpu {:.2}s", t.elapsed(), cpu() - c);
}
