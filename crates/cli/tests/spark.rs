//! The PySpark job (spark/dateline_job.py) in local mode against a single-process run: the
//! Parquet records must be the same JSON values as `dateline extract` writes for the same shards
//! (as a multiset: Spark does not keep order), and the flattened events dataset must hold one
//! row per event mention of those records.
//!
//! Needs `python3` with `pyspark` (.ci/setup.d/60-spark.sh) and `java`; skips with a notice
//! when either is missing. Runs on the GVA dev articles from ../shared when present, else on
//! the repository's own examples.

use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn have(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// Writes the input shards into `dir`; returns their paths and a description of the data.
fn write_shards(dir: &Path) -> (Vec<PathBuf>, String) {
    let mut lines: Vec<String> = Vec::new();
    let gva = data_dir().map(|d| d.join("gva-casualties/data/data-dev/X_val.json"));
    let what = match gva.filter(|p| p.is_file()) {
        Some(path) => {
            let items: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            for (i, a) in items.iter().enumerate() {
                lines.push(
                    json!({"id": format!("gva-dev-{i}"), "published": a["publish_date"],
                           "text": a["text"]})
                    .to_string(),
                );
            }
            format!("{} GVA dev articles", items.len())
        }
        None => {
            println!(
                "notice: ../shared/data/gva-casualties absent — using the repository's examples"
            );
            let batch = std::fs::read_to_string(root().join("examples/batch.jsonl")).unwrap();
            lines.extend(
                batch
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(String::from),
            );
            for f in ["geneva-ceasefire.txt", "harbour-strike.html"] {
                let body = std::fs::read_to_string(root().join("examples").join(f)).unwrap();
                let key = if f.ends_with(".html") { "html" } else { "text" };
                lines.push(json!({"id": f, "published": "2016-12-14", key: body}).to_string());
            }
            format!("{} example articles", lines.len())
        }
    };
    // One unreadable line, so that error records (which name their shard and line) are compared too.
    lines.insert(3, "{\"id\": \"broken\", \"text\": ".into());
    let shards = 4;
    let mut paths = Vec::new();
    for s in 0..shards {
        let body: String = lines
            .iter()
            .skip(s)
            .step_by(shards)
            .map(|l| format!("{l}\n"))
            .collect();
        let p = dir.join(format!("shard-{s}.jsonl"));
        std::fs::write(&p, body).unwrap();
        paths.push(p);
    }
    // A gzipped WARC shard: two HTTP responses holding the repository's example page.
    let html = std::fs::read_to_string(root().join("examples/harbour-strike.html")).unwrap();
    let mut warc = Vec::new();
    for (i, page) in [html.clone(), html.replace("harbour", "port")]
        .iter()
        .enumerate()
    {
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        warc.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/page-{i}\r\n\
                 WARC-Date: 2024-03-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{i}>\r\n\
                 Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
                http.len()
            )
            .as_bytes(),
        );
    }
    let p = dir.join("crawl.warc.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &warc).unwrap();
    std::fs::write(&p, gz.finish().unwrap()).unwrap();
    paths.push(p);
    (paths, what + " and a WARC shard of 2 pages")
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// A multiset of JSON values, keyed by their canonical text.
fn multiset(values: &[Value]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for v in values {
        *m.entry(v.to_string()).or_insert(0) += 1;
    }
    m
}

fn job(args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .arg(root().join("spark/dateline_job.py"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run python3")
}

#[test]
fn spark_job_equals_a_single_process_run() {
    if !have("java", &["-version"]) {
        println!("notice: java not found — skipping the Spark test");
        return;
    }
    if !have("python3", &["-c", "import pyspark"]) {
        println!(
            "notice: python3 with pyspark not found (.ci/setup.d/60-spark.sh) — skipping the Spark test"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (shards, what) = write_shards(dir.path());
    let shard_args: Vec<&str> = shards.iter().map(|p| p.to_str().unwrap()).collect();
    let bin = env!("CARGO_BIN_EXE_dateline");

    let plain = Command::new(bin)
        .arg("extract")
        .args(&shard_args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        plain.status.code(),
        Some(1),
        "the broken line makes extract exit 1"
    );
    let plain = json_lines(&plain.stdout);

    let out = dir.path().join("out");
    let out_s = out.to_str().unwrap();
    let mut args = vec![
        "extract", "--master", "local[2]", "--binary", bin, "--out", out_s,
    ];
    args.extend_from_slice(&shard_args);
    let run = job(&args);
    assert!(
        run.status.success(),
        "spark job failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cat = job(&["cat", "--master", "local[2]", out_s]);
    assert!(
        cat.status.success(),
        "{}",
        String::from_utf8_lossy(&cat.stderr)
    );
    let spark = json_lines(&cat.stdout);

    println!(
        "{what}: {} records from Spark, {} from a single process",
        spark.len(),
        plain.len()
    );
    assert_eq!(spark.len(), plain.len());
    let errors: Vec<&Value> = spark.iter().filter(|v| v.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let input = errors[0]["error"]["input"].as_str().unwrap();
    assert!(
        input.ends_with("shard-3.jsonl:1"),
        "error names the shard and line: {input}"
    );
    assert!(
        spark
            .iter()
            .any(|v| v["article"]["url"] == "https://news.example/page-1"),
        "the WARC shard's pages are read"
    );
    assert!(
        multiset(&spark) == multiset(&plain),
        "Spark and single-process records differ"
    );

    // The events dataset: one row per event mention, with its article and CAMEO code.
    let cat = job(&["cat", "--master", "local[2]", "--dataset", "events", out_s]);
    assert!(
        cat.status.success(),
        "{}",
        String::from_utf8_lossy(&cat.stderr)
    );
    let rows = json_lines(&cat.stdout);
    let key = |a: &Value, e: &Value, cameo: &Value, status: &Value| {
        json!([a, e, cameo, status]).to_string()
    };
    let from_rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            Value::String(key(
                &r["article_id"],
                &r["event_id"],
                &r["cameo"],
                &r["status"],
            ))
        })
        .collect();
    let mut from_records = Vec::new();
    for rec in &plain {
        for e in rec["events"].as_array().into_iter().flatten() {
            from_records.push(Value::String(key(
                &rec["article"]["id"],
                &e["id"],
                &e["cameo"],
                &e["status"],
            )));
        }
    }
    println!("{} event rows", rows.len());
    assert!(!from_records.is_empty());
    assert!(multiset(&from_rows) == multiset(&from_records));
}
