//! `cargo run --release -p dateline-dedup --example measure [rounds]`: precision and recall of
//! event clustering and near-duplicate detection on constructed cases, and throughput.

#[path = "../tests/synth/mod.rs"]
mod synth;

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    for spacing in [30, 5] {
        for seed in [7, 11, 13] {
            println!("seed {seed}, {n} rounds of scenarios, {spacing} days apart");
            println!("{}\n", synth::measure(seed, n, spacing));
        }
    }
}
