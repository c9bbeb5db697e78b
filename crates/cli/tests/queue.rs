//! The queue-fed worker pool end to end: a real `nats-server -js` on a free loopback port,
//! `dateline ingest --to nats://…` publishing, `dateline work` consuming into a SQLite store.
//!
//! - two workers share the load: each stores some articles, together exactly the articles
//!   a plain `dateline ingest` of the same input stores, with the same events;
//! - a worker killed with SIGKILL while it holds a batch loses nothing and duplicates nothing:
//!   a second worker gets the unacknowledged batch again and the store ends with exactly the
//!   articles and events of the plain run — with SQLite, and with PostgreSQL (a throw-away
//!   server from `initdb` + `pg_ctl`, skipped with a notice when absent).
//!
//! Needs Debian's `nats-server` (.ci/setup.d/61-nats.sh); skips with a notice when absent. Uses
//! the GVA dev articles from ../shared when present, else copies of the repository's examples
//! made distinct by their URLs.

use dateline_queue::testing::TempNats;
use dateline_store::{Counts, EventStore, Store};
use dateline_store_pg::PgStore;
use dateline_store_pg::testing::TempPostgres;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_dateline")
}

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// A JSON Lines file of articles; returns its path and how many lines it has.
fn articles(dir: &Path) -> (PathBuf, usize) {
    let mut lines = Vec::new();
    match data_dir()
        .map(|d| d.join("gva-casualties/data/data-dev/X_val.json"))
        .filter(|p| p.is_file())
    {
        Some(path) => {
            let items: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for (i, a) in items.iter().enumerate() {
                lines.push(json!({"id": format!("gva-dev-{i}"), "text": a["text"],
                                  "published": a["publish_date"]}));
            }
        }
        None => {
            println!("notice: ../shared/data/gva-casualties absent — using copies of the examples");
            let texts: Vec<Value> = std::fs::read_to_string(root().join("examples/batch.jsonl"))
                .unwrap()
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter(|v| v.get("text").is_some())
                .chain(std::iter::once(json!({
                    "text": std::fs::read_to_string(root().join("examples/geneva-ceasefire.txt")).unwrap(),
                    "published": "2016-12-14"
                })))
                .collect();
            for i in 0..150 {
                let mut v = texts[i % texts.len()].clone();
                v["id"] = json!(format!("copy-{i}"));
                v["url"] = json!(format!("https://news.example/copy/{i}"));
                lines.push(v);
            }
        }
    }
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let path = dir.join("articles.jsonl");
    std::fs::write(&path, body).unwrap();
    (path, lines.len())
}

fn counts(db: &Path) -> Counts {
    Store::open_read_only(db).unwrap().counts().unwrap()
}

fn run(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run dateline")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The `N articles in` figure of a worker's closing line.
fn handled(log: &str) -> u64 {
    let line = log
        .lines()
        .rfind(|l| l.starts_with("dateline work: nats://"))
        .unwrap_or_else(|| panic!("no summary line in {log:?}"));
    let after = line.split(": ").nth(2).unwrap();
    after.split(' ').next().unwrap().parse().unwrap()
}

fn redelivered(log: &str) -> u64 {
    let line = log
        .lines()
        .rfind(|l| l.starts_with("dateline work: nats://"))
        .unwrap();
    let i = line.find(" redelivered)").unwrap();
    let start = line[..i].rfind('(').unwrap() + 1;
    line[start..i].parse().unwrap()
}

/// What a plain `dateline ingest` stores for the same file.
fn reference(dir: &Path, input: &Path) -> Counts {
    let db = dir.join("reference.db");
    let o = run(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    counts(&db)
}

fn worker(url: &str, db: &str, extra: &[&str]) -> Child {
    Command::new(bin())
        .args(["work", "--from", url, "--db", db, "--threads", "1"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dateline work")
}

fn finish(child: Child) -> String {
    let out = child.wait_with_output().unwrap();
    let log = stderr(&out);
    assert!(out.status.success(), "worker failed: {log}");
    log
}

#[test]
fn two_workers_share_the_queue_and_store_each_article_once() {
    let Some(nats) = TempNats::start("the queue test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (input, n) = articles(dir.path());
    let want = reference(dir.path(), &input);
    let url = nats.url("news.shared");
    let db = dir.path().join("queue.db");
    let o = run(&["ingest", "--to", &url, input.to_str().unwrap()]);
    assert!(o.status.success(), "publish failed: {}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("{n} published")),
        "{}",
        stderr(&o)
    );
    // Small batches, so that the second worker is up long before the first could drain it.
    let opts = ["--batch", "4", "--until-empty", "--ack-wait", "30"];
    let a = worker(&url, db.to_str().unwrap(), &opts);
    let b = worker(&url, db.to_str().unwrap(), &opts);
    let (la, lb) = (finish(a), finish(b));
    let (ha, hb) = (handled(&la), handled(&lb));
    println!("{n} articles published; worker A took {ha}, worker B {hb}");
    assert!(ha > 0 && hb > 0, "both workers take a share: {la} / {lb}");
    assert_eq!(
        ha + hb,
        n as u64,
        "no article handled twice without a crash"
    );
    let got = counts(&db);
    println!("stored {got:?}, plain ingest {want:?}");
    assert_eq!(got, want);
}

/// Where the workers write: a SQLite file or a PostgreSQL URL, and its row counts.
enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Target {
    fn arg(&self) -> &str {
        match self {
            Target::Sqlite(p) => p.to_str().unwrap(),
            Target::Postgres(u) => u,
        }
    }

    fn counts(&self) -> Counts {
        match self {
            Target::Sqlite(p) => counts(p),
            Target::Postgres(u) => PgStore::open_read_only(u).unwrap().counts().unwrap(),
        }
    }
}

fn kill_mid_batch(target: &Target, subject: &str) {
    let Some(nats) = TempNats::start("the queue test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (input, n) = articles(dir.path());
    let want = reference(dir.path(), &input);
    let url = nats.url(subject);
    let o = run(&["ingest", "--to", &url, input.to_str().unwrap()]);
    assert!(o.status.success(), "publish failed: {}", stderr(&o));

    // A worker that reports each batch as it takes it; killed as it takes its third.
    let mut a = worker(
        &url,
        target.arg(),
        &["--batch", "10", "--ack-wait", "2", "--verbose"],
    );
    let mut lines = BufReader::new(a.stderr.take().unwrap()).lines();
    let mut seen = 0;
    let mut log = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        log.push(line.clone());
        if line.starts_with("dateline work: batch of") {
            seen += 1;
            if seen == 3 {
                a.kill().unwrap(); // SIGKILL
                break;
            }
        }
    }
    assert_eq!(seen, 3, "the worker took three batches: {log:?}");
    a.wait().unwrap();
    drop(lines);
    let before = target.counts();
    println!(
        "killed a worker holding its third batch: {} articles stored by then",
        before.articles
    );
    assert!(before.articles < want.articles);

    // Another worker finishes the queue, the killed worker's batch included.
    let b = worker(
        &url,
        target.arg(),
        &["--batch", "10", "--ack-wait", "2", "--until-empty"],
    );
    let log = finish(b);
    let again = redelivered(&log);
    let got = target.counts();
    println!(
        "{n} articles published; after the second worker: {got:?} ({again} redelivered), plain ingest {want:?}"
    );
    assert!(again > 0, "the killed worker's batch came again: {log}");
    assert_eq!(got, want, "nothing lost, nothing twice");
}

#[test]
fn a_worker_killed_mid_batch_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    kill_mid_batch(&Target::Sqlite(dir.path().join("queue.db")), "news.crash");
}

#[test]
fn a_worker_killed_mid_batch_loses_and_duplicates_nothing_in_postgres() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("queue");
    kill_mid_batch(&Target::Postgres(url), "news.crashpg");
}
