//! Benchmark of the WARC reader and of `dateline ingest` from WARC against the same articles as
//! JSON Lines. Writes the "sources" section of BENCHMARKS.md.
//!
//!     cargo build --release -p dateline
//!     cargo run --release -p dateline-input --example sources_bench [-- RECORDS INGEST]
//!
//! INGEST 0 measures reading only and leaves BENCHMARKS.md alone.
//!
//! The corpus is built from the repository's example articles and pages written here, each
//! copied many times with its own URL and a varying sentence: per-record gzip WARC (as news
//! crawls publish it, with request and metadata records between the responses, as a crawler
//! writes them), the same WARC uncompressed, and JSON Lines with the same HTML.

use dateline_input::{Defaults, Reader};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const PAGES: [(&str, &str); 5] = [
    (
        "Ferry service resumes after storms",
        "<p>The island ferry resumed its crossings on Tuesday after storms kept the boats in \
         harbour for a week, the operator said.</p><p>Police closed the harbour road for two \
         hours while the first boat was unloaded, and the mayor thanked the crews.</p>",
    ),
    (
        "Ministers meet on border crossings",
        "<p>The foreign ministers of Valdora and Marren met in the capital on Wednesday to \
         discuss reopening two border crossings closed since January.</p><p>\"We agreed to \
         keep talking,\" the Valdoran minister told reporters after the meeting, adding that \
         trade had fallen by a third.</p>",
    ),
    (
        "Protesters march against rent rises",
        "<p>Thousands of protesters marched through the old town on Saturday, calling on the \
         city council to cap rents.</p><p>Police said the march was peaceful and that two \
         people were detained for blocking a tram line.</p>",
    ),
    (
        "Flooding closes coast road",
        "<p>Heavy rain flooded the coast road north of Lisca overnight, and police closed it to \
         traffic on Thursday morning.</p><p>Three villages were cut off and the army sent \
         trucks with drinking water, a regional official said.</p>",
    ),
    (
        "Teachers end two-day strike",
        "<p>Teachers in the northern province returned to work on Friday after the union and \
         the education ministry signed an agreement on pay.</p><p>The union had accused the \
         government of breaking a promise made last year.</p>",
    ),
];

/// The varied articles, as full HTML pages.
fn articles() -> Vec<String> {
    let mut out: Vec<String> = PAGES
        .iter()
        .map(|(t, body)| {
            format!(
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{t} | Bench \
                 Gazette</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World\
                 </a></nav><article><h1>{t}</h1>{body}</article><footer>Subscribe to our \
                 newsletter.</footer></body></html>"
            )
        })
        .collect();
    let ex = root().join("examples");
    if let Ok(h) = std::fs::read_to_string(ex.join("harbour-strike.html")) {
        out.push(h);
    }
    if let Ok(t) = std::fs::read_to_string(ex.join("geneva-ceasefire.txt")) {
        let paras: String = t
            .split("\n\n")
            .map(|p| format!("<p>{}</p>", p.trim()))
            .collect();
        out.push(format!(
            "<html><head><title>Ceasefire talks</title></head><body><article>{paras}</article>\
             </body></html>"
        ));
    }
    out
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

struct Corpus {
    warc_gz: PathBuf,
    warc: PathBuf,
    jsonl: PathBuf,
    /// Uncompressed WARC bytes, HTML bytes.
    warc_bytes: u64,
    html_bytes: u64,
}

fn build(dir: &Path, n: usize, name: &str) -> Corpus {
    let arts = articles();
    let mut gzf = std::io::BufWriter::new(
        std::fs::File::create(dir.join(format!("{name}.warc.gz"))).unwrap(),
    );
    let mut plain =
        std::io::BufWriter::new(std::fs::File::create(dir.join(format!("{name}.warc"))).unwrap());
    let mut jsonl =
        std::io::BufWriter::new(std::fs::File::create(dir.join(format!("{name}.jsonl"))).unwrap());
    let (mut warc_bytes, mut html_bytes) = (0u64, 0u64);
    for i in 0..n {
        let page = arts[i % arts.len()].replacen(
            "</article>",
            &format!("<p>Reference number {i} was given to this report.</p></article>"),
            1,
        );
        let uri = format!("https://bench.example/{}/story-{i}", i % 17);
        let req = record(
            "request",
            &uri,
            "application/http; msgtype=request",
            format!("GET /story-{i} HTTP/1.1\r\nHost: bench.example\r\n\r\n").as_bytes(),
        );
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}",
            page.len()
        );
        let resp = record(
            "response",
            &uri,
            "application/http; msgtype=response",
            http.as_bytes(),
        );
        let meta = record(
            "metadata",
            &uri,
            "application/warc-fields",
            b"fetchTimeMs: 42\r\n",
        );
        for r in [&req, &resp, &meta] {
            gzf.write_all(&gz(r)).unwrap();
            plain.write_all(r).unwrap();
            warc_bytes += r.len() as u64;
        }
        html_bytes += page.len() as u64;
        let line = serde_json::json!({"id": format!("b{i}"), "url": uri,
            "published": "2024-03-05T10:00:00Z", "html": page});
        writeln!(jsonl, "{line}").unwrap();
    }
    gzf.flush().unwrap();
    plain.flush().unwrap();
    jsonl.flush().unwrap();
    Corpus {
        warc_gz: dir.join(format!("{name}.warc.gz")),
        warc: dir.join(format!("{name}.warc")),
        jsonl: dir.join(format!("{name}.jsonl")),
        warc_bytes,
        html_bytes,
    }
}

/// Read every item of one input; (articles, seconds), best of three.
fn read(path: &Path) -> (usize, f64) {
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let t = Instant::now();
        n = Reader::new(
            vec![path.display().to_string()],
            Defaults::default(),
            dateline_input::DEFAULT_MAX_BYTES,
        )
        .filter(|i| i.is_ok())
        .count();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (n, best)
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    l.split_whitespace().nth(1)?.parse().ok()
}

fn ingest(bin: &Path, db: &Path, input: &Path, threads: usize) -> f64 {
    let _ = std::fs::remove_file(db);
    let t = Instant::now();
    let o = Command::new(bin)
        .args(["ingest", "--threads", &threads.to_string(), "--db"])
        .arg(db)
        .arg(input)
        .output()
        .expect("run dateline");
    let secs = t.elapsed().as_secs_f64();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    secs
}

fn main() {
    let mut args = std::env::args().skip(1);
    let records: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let ingest_n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let dir = tempfile::tempdir().unwrap();
    let big = build(dir.path(), records, "read");
    let mb = |b: u64| b as f64 / 1e6;
    let gz_size = std::fs::metadata(&big.warc_gz).unwrap().len();
    println!(
        "corpus: {records} responses ({} records with requests and metadata), {:.1} MB WARC, \
         {:.1} MB gzipped, {:.1} MB HTML",
        records * 3,
        mb(big.warc_bytes),
        mb(gz_size),
        mb(big.html_bytes)
    );
    let rss_before = peak_rss_kb();
    let (n_gz, t_gz) = read(&big.warc_gz);
    let rss_after = peak_rss_kb();
    let (n_plain, t_plain) = read(&big.warc);
    let (n_jsonl, t_jsonl) = read(&big.jsonl);
    assert_eq!(n_gz, records);
    assert_eq!(n_plain, records);
    assert_eq!(n_jsonl, records);
    let row = |name: &str, t: f64, bytes: u64, unit: &str| {
        format!(
            "| {name} | {:.0} | {:.1} {unit} | {:.2} |",
            records as f64 / t,
            mb(bytes) / t,
            t_jsonl / t
        )
    };
    let mut md = String::from("## Sources: WARC and feeds (`sources_bench`)\n\n");
    md.push_str(&format!(
        "Measured with `cargo build --release -p dateline && cargo run --release -p \
         dateline-input --example sources_bench -- {records} {ingest_n}` on this machine (2 \
         cores, shared). Corpus: {} varied articles (the repository's examples and pages \
         written for the benchmark), each copied with its own URL and one varying sentence; \
         the WARC holds a request and a metadata record beside each response, gzipped per \
         record as news crawls publish it ({:.1} MB uncompressed, {:.1} MB gzipped); JSON \
         Lines holds the same HTML.\n\n",
        articles().len(),
        mb(big.warc_bytes),
        mb(gz_size)
    ));
    md.push_str(
        "The two cores may be shared with other work during a run, so absolute rates vary \
         from run to run; the ratios compare inputs measured in the same run.\n\n",
    );
    md.push_str(
        "Reading only (`dateline_input::Reader`, one thread, best of three; ratio = JSON \
         Lines time / this time):\n\n| input | articles/s | throughput | vs JSON Lines |\n\
         |---|---:|---:|---:|\n",
    );
    md.push_str(&row(
        "WARC, per-record gzip",
        t_gz,
        big.warc_bytes,
        "MB/s (uncompressed)",
    ));
    md.push('\n');
    md.push_str(&row("WARC, uncompressed", t_plain, big.warc_bytes, "MB/s"));
    md.push('\n');
    md.push_str(&row(
        "JSON Lines (same HTML)",
        t_jsonl,
        big.html_bytes,
        "MB/s",
    ));
    md.push('\n');
    if let (Some(a), Some(b)) = (rss_before, rss_after) {
        md.push_str(&format!(
            "\nPeak resident memory of this process before reading the {:.0} MB gzipped WARC: \
             {a} kB; after: {b} kB (the reader holds one record at a time).\n",
            mb(gz_size)
        ));
    }
    if ingest_n == 0 {
        // Reading only (a memory check on a large file): print, leave BENCHMARKS.md alone.
        print!("{md}");
        return;
    }
    let bin = root().join("target/release/dateline");
    if bin.exists() {
        let small = build(dir.path(), ingest_n, "ingest");
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        let db = dir.path().join("b.db");
        let mut best_w = f64::MAX;
        let mut best_j = f64::MAX;
        for _ in 0..2 {
            best_j = best_j.min(ingest(&bin, &db, &small.jsonl, threads));
            best_w = best_w.min(ingest(&bin, &db, &small.warc_gz, threads));
        }
        md.push_str(&format!(
            "\nWhole `dateline ingest` (full pipeline into a new SQLite store, {threads} \
             threads, {ingest_n} articles, best of two):\n\n| input | articles/s | vs JSON \
             Lines |\n|---|---:|---:|\n| WARC, per-record gzip | {:.0} | {:.2} |\n| JSON \
             Lines | {:.0} | 1.00 |\n",
            ingest_n as f64 / best_w,
            best_j / best_w,
            ingest_n as f64 / best_j,
        ));
    } else {
        println!(
            "notice: {} not built; run `cargo build --release -p dateline` for the ingest figures",
            bin.display()
        );
    }
    md.push_str(
        "\nFeeds are read whole (one HTTP response, at most `--max-bytes`); their cost is the \
         network and the pipeline, not parsing. Conditional GET makes an unchanged feed one \
         304 response and no pipeline work (`crates/cli/tests/sources.rs` counts the requests).\n",
    );
    print!("{md}");
    write_section("sources", &md);
}

/// Replace this benchmark's own section of BENCHMARKS.md (between its begin/end markers).
fn write_section(name: &str, body: &str) {
    let path = root().join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".into());
    let begin = format!("<!-- begin {name} -->");
    let end = format!("<!-- end {name} -->");
    let section = format!("{begin}\n{}\n{end}", body.trim_end());
    let new = match (old.find(&begin), old.find(&end)) {
        (Some(b), Some(e)) if e > b => {
            format!("{}{}{}", &old[..b], section, &old[e + end.len()..])
        }
        _ => format!("{}\n{}\n", old.trim_end(), section),
    };
    std::fs::write(path, new).unwrap();
}
