//! The "scale" section of BENCHMARKS.md: the Spark job's overhead against a plain run, and the
//! queue-fed worker pool's throughput with one and two workers, on the same articles, in one
//! run; from those, the cores a day of news needs.
//!
//!     cargo build --release -p dateline
//!     cargo run --release -p dateline-queue --example scale
//!
//! Needs the GVA casualty set in ../shared/data (train + dev article texts, read at run time),
//! `nats-server`, and `python3` with `pyspark` plus `java` (each part is skipped with a notice
//! when its tool is missing).

use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

/// Copies of the article set, each with its own ids and URLs (so each is a distinct article
/// for the store), to make runs long enough to time.
const COPIES: usize = 3;
const SHARDS: usize = 8;

fn have(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Wall seconds of a command that must succeed (exit 0 or 1: 1 means some articles were bad).
fn timed(cmd: &mut Command) -> f64 {
    let t = Instant::now();
    let out = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run command");
    let secs = t.elapsed().as_secs_f64();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    secs
}

/// Best of two runs.
fn best(mut run: impl FnMut(usize) -> f64) -> f64 {
    run(0).min(run(1))
}

fn main() {
    let root = dateline_eval::workspace_root();
    let bin = root.join("target/release/dateline");
    if !bin.is_file() {
        eprintln!("build the binary first: cargo build --release -p dateline");
        std::process::exit(2);
    }
    let Some(gva) = dateline_eval::dataset("gva-casualties") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // The articles: GVA train + dev texts, COPIES times, as JSON Lines shards.
    let mut lines = Vec::new();
    for (split, file) in [("data-train", "X_train.json"), ("data-dev", "X_val.json")] {
        let path = gva.join("data").join(split).join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let items: Vec<Value> = serde_json::from_str(&text).expect("GVA json");
        for (i, a) in items.iter().enumerate() {
            for c in 0..COPIES {
                lines.push(
                    json!({"id": format!("{split}-{i}-{c}"),
                           "url": format!("https://gva.example/{split}/{i}/{c}"),
                           "published": a["publish_date"], "text": a["text"]})
                    .to_string(),
                );
            }
        }
    }
    let n = lines.len();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let mut shards = Vec::new();
    for s in 0..SHARDS {
        let p = d.join(format!("shard-{s}.jsonl"));
        let body: String = lines
            .iter()
            .skip(s)
            .step_by(SHARDS)
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&p, body).unwrap();
        shards.push(p);
    }
    let all = d.join("all.jsonl");
    std::fs::write(
        &all,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .unwrap();
    println!(
        "{n} articles ({:.1} MB) in {SHARDS} shards",
        bytes as f64 / 1e6
    );

    let rate = |secs: f64| n as f64 / secs;
    let mut rows: Vec<(String, f64)> = Vec::new();
    let mut report = |what: &str, secs: f64| {
        println!("{what}: {secs:.2} s, {:.0} articles/s", rate(secs));
        rows.push((what.to_string(), secs));
    };

    // 1. Plain runs: one process over all shards.
    let extract = |threads: &str| {
        best(|_| {
            timed(
                Command::new(&bin)
                    .args(["extract", "--threads", threads])
                    .args(&shards),
            )
        })
    };
    let plain2 = extract("2");
    report(
        "`dateline extract --threads 2` (plain, one process)",
        plain2,
    );
    let plain1 = extract("1");
    report(
        "`dateline extract --threads 1` (plain, one process)",
        plain1,
    );
    let ingest = |threads: &str| {
        best(|k| {
            let db = d.join(format!("ingest-{threads}-{k}.db"));
            timed(
                Command::new(&bin)
                    .args(["ingest", "--threads", threads, "--db"])
                    .arg(&db)
                    .arg(&all),
            )
        })
    };
    let ingest2 = ingest("2");
    report("`dateline ingest --threads 2` into SQLite (plain)", ingest2);
    let ingest1 = ingest("1");
    report("`dateline ingest --threads 1` into SQLite (plain)", ingest1);

    // 2. Spark in local mode, 2 cores, one dateline thread per task.
    let mut spark = None;
    if have("java", &["-version"]) && have("python3", &["-c", "import pyspark"]) {
        let job = root.join("spark/dateline_job.py");
        let run_job = |inputs: &[PathBuf], out: &Path| {
            timed(
                Command::new("python3")
                    .arg(&job)
                    .args(["extract", "--master", "local[2]", "--overwrite", "--binary"])
                    .arg(&bin)
                    .arg("--out")
                    .arg(out)
                    .args(inputs),
            )
        };
        // The fixed cost: JVM, Spark context and two Parquet writes, on a one-article shard.
        let one = d.join("one.jsonl");
        std::fs::write(&one, format!("{}\n", lines[0])).unwrap();
        let fixed = best(|_| run_job(std::slice::from_ref(&one), &d.join("spark-one")));
        let full = best(|_| run_job(&shards, &d.join("spark-out")));
        report(
            "Spark job, `local[2]`, Parquet out (`spark/dateline_job.py extract`)",
            full,
        );
        spark = Some((fixed, full));
        println!("Spark fixed cost (one-article shard): {fixed:.2} s");
    } else {
        println!("notice: java or pyspark missing — Spark part skipped");
    }

    // 3. The queue: publish once per configuration, then workers drain it.
    let mut queue = None;
    if let Some(nats) = dateline_queue::testing::TempNats::start("the queue part") {
        let run_workers = |name: &str, workers: usize, threads: &str| {
            best(|k| {
                let url = format!("nats://127.0.0.1:{}/bench.{name}{k}", nats.port());
                let db = d.join(format!("work-{name}-{k}.db"));
                let publish = timed(Command::new(&bin).args(["ingest", "--to", &url]).arg(&all));
                println!(
                    "published {n} articles in {publish:.2} s ({:.0}/s)",
                    rate(publish)
                );
                let t = Instant::now();
                let children: Vec<Child> = (0..workers)
                    .map(|_| {
                        Command::new(&bin)
                            .args([
                                "work",
                                "--until-empty",
                                "--from",
                                &url,
                                "--threads",
                                threads,
                            ])
                            .arg("--db")
                            .arg(&db)
                            .stdout(Stdio::null())
                            .stderr(Stdio::null())
                            .spawn()
                            .expect("start worker")
                    })
                    .collect();
                for mut c in children {
                    assert!(c.wait().unwrap().success(), "worker failed");
                }
                t.elapsed().as_secs_f64()
            })
        };
        let w1 = run_workers("one", 1, "1");
        report("1 worker (`dateline work --threads 1`), SQLite", w1);
        let w2 = run_workers("two", 2, "1");
        report(
            "2 workers (`dateline work --threads 1` each), one SQLite file",
            w2,
        );
        let w1t2 = run_workers("onetwo", 1, "2");
        report(
            "1 worker with 2 threads (`dateline work --threads 2`), SQLite",
            w1t2,
        );
        queue = Some((w1, w2));
    }

    // The section.
    let now = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |c| c.get());
    let mut md = String::new();
    let _ = writeln!(md, "## Scale: Spark back-fill and queue-fed workers\n");
    let _ = writeln!(
        md,
        "Machine: {cores} cores, shared with other work; measured {now}. Command: \
         `cargo build --release -p dateline && cargo run --release -p dateline-queue --example scale`.\n"
    );
    let _ = writeln!(
        md,
        "Input: the GVA casualty set's train and dev article texts (read from ../shared at run \
         time), {COPIES} copies each with its own id and URL: **{n} articles**, {:.1} MB of JSON \
         Lines in {SHARDS} shards. Every figure is wall time from process start to exit (binary \
         start-up, resource loading, JVM and Spark start-up included), best of two runs.\n",
        bytes as f64 / 1e6
    );
    let _ = writeln!(
        md,
        "| run | wall s | articles/s | vs plain extract, 2 threads |"
    );
    let _ = writeln!(md, "|---|---|---|---|");
    for (what, secs) in &rows {
        let _ = writeln!(
            md,
            "| {what} | {secs:.2} | {:.0} | {:.2}× |",
            rate(*secs),
            plain2 / secs
        );
    }
    if let Some((fixed, full)) = spark {
        let _ = writeln!(
            md,
            "\nSpark's overhead on this input: {:.1} s more than the plain run ({:+.0}%). The same \
             job on a one-article shard took {fixed:.1} s: Spark's fixed cost (JVM, Spark \
             context, two Parquet datasets) is most of the overhead at this size, and shrinks \
             relative to the work as shards grow. Both are wall times on a machine shared with \
             other builds, so a few seconds either way are noise.",
            full - plain2,
            100.0 * (full - plain2) / plain2,
        );
    }
    if let Some((w1, w2)) = queue {
        let per_core = rate(w1);
        let _ = writeln!(
            md,
            "\nTwo workers against one: {:.2}× the throughput on {cores} cores.",
            w1 / w2
        );
        if plain1 / plain2 < 1.3 {
            let _ = writeln!(
                md,
                "In this run the plain extract was no faster with 2 threads than with 1 \
                 ({:.2}×): other work held the second core, so no two-process figure here can \
                 show scaling; it shows that two workers sharing one queue and one SQLite file \
                 cost nothing against one. Workers share nothing but the queue and the store, \
                 so on idle cores they scale as `extract --threads N` does.",
                plain1 / plain2
            );
        }
        let _ = writeln!(md);
        let _ = writeln!(md, "### What a day of news needs\n");
        let _ = writeln!(
            md,
            "Per core, one `dateline work --threads 1` worker drained the queue into SQLite at \
             **{per_core:.0} articles/s** here, {:.1} million articles a day. Volume assumed: \
             GDELT-scale monitoring is \"hundreds of thousands of articles a day\" (issue 7; \
             GDELT publishes its event and mention tables every 15 minutes from the world's \
             online news); the rows give 100,000 to 2 million articles a day to cover the \
             English share up to the whole multilingual stream, and 10 and 100 million for a \
             back-fill day (a crawl re-processed at that rate). Peak factor 3: news arrives in \
             bursts (a breaking story, the 15-minute crawl cycle), and workers should keep up \
             with the busiest hour, not the average. These articles average {:.1} kB of JSON, \
             close to a news article's body; HTML pages cost more per article (the speed \
             section's HTML rows run at about half the plain-text rate).\n",
            per_core * 86_400.0 / 1e6,
            bytes as f64 / n as f64 / 1e3,
        );
        let _ = writeln!(
            md,
            "| articles a day | average articles/s | cores, average | cores at peak (×3) |"
        );
        let _ = writeln!(md, "|---|---|---|---|");
        for day in [
            100_000f64,
            500_000.0,
            2_000_000.0,
            10_000_000.0,
            100_000_000.0,
        ] {
            let avg = day / 86_400.0;
            let _ = writeln!(
                md,
                "| {} | {avg:.1} | {:.2} | {:.0} |",
                thousands(day as u64),
                avg / per_core,
                (3.0 * avg / per_core).ceil().max(1.0)
            );
        }
        if let Some((_, full)) = spark {
            let spark_core = rate(full) / 2.0;
            let _ = writeln!(
                md,
                "\nBack-fill with Spark at this machine's per-core rate ({spark_core:.0} articles/s \
                 per core through the job): 100 million pages take {:.0} core-hours, e.g. {:.1} \
                 hours on 64 cores.",
                1e8 / spark_core / 3600.0,
                1e8 / spark_core / 3600.0 / 64.0
            );
        }
    }
    dateline_eval::write_section("scale", &md).expect("write BENCHMARKS.md");
    println!("\n{md}");
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
