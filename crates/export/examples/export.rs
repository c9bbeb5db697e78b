//! Export `dateline/1` JSON Lines (standard input) to one format on standard output:
//! `cargo run -p dateline-export --example export -- gdelt|gdelt-header|plover|acled < records.jsonl`
//! (until the CLI wires `dateline export`). `none` only parses the input, to time the writers.

use std::io::{self, BufRead};

fn main() -> io::Result<()> {
    let format = std::env::args().nth(1).unwrap_or_else(|| "gdelt".into());
    let mut records = Vec::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        records.push(serde_json::from_str(&line).map_err(io::Error::other)?);
    }
    let out = io::stdout().lock();
    let t0 = std::time::Instant::now();
    let res = match format.as_str() {
        "gdelt" => dateline_export::write_gdelt(&records, out, false),
        "gdelt-header" => dateline_export::write_gdelt(&records, out, true),
        "plover" => dateline_export::write_plover(&records, out),
        "acled" => dateline_export::write_acled(&records, out),
        // Parse only: the baseline for timing the writers.
        "none" => Ok(()),
        other => Err(io::Error::other(format!("unknown format {other:?}"))),
    };
    if std::env::var_os("EXPORT_TIMING").is_some() {
        eprintln!(
            "{format}: {} records written in {:?}",
            records.len(),
            t0.elapsed()
        );
    }
    res
}
