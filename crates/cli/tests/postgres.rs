//! `dateline ingest`, `query` and `export` with `--db postgresql://…` on the real binary, against
//! a PostgreSQL server the test starts (Debian's `initdb` + `pg_ctl`, in a temporary directory,
//! on a private unix socket; skipped with a notice when PostgreSQL is not installed): the same
//! idempotence and crash-safety checks as the SQLite store's (tests/store.rs), and the same
//! output as SQLite for the same articles.

use dateline_store::{EventStore, Store};
use dateline_store_pg::PgStore;
use dateline_store_pg::testing::TempPostgres;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run dateline")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ingest(db: &str, inputs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["ingest", "--db", db];
    args.extend_from_slice(extra);
    args.extend_from_slice(inputs);
    dateline(&args)
}

/// Output lines with the store's row id left out (each backend numbers its own rows; cluster
/// ids, counts and near-duplicate links are compared: both stores deduplicate alike).
fn without_ids(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("id");
            v
        })
        .collect()
}

#[test]
fn ingest_query_and_export_work_unchanged_on_postgres() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("cli");
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("ex.db");
    let lite = lite.to_str().unwrap();
    let examples = root().join("examples");
    let ex = examples.to_str().unwrap();

    // examples/batch.jsonl holds one deliberately broken line: exit 1, the rest stored.
    let first = ingest(&url, &[ex], &["--published", "2024-03-01"]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let msg = stderr(&first);
    eprintln!("first ingest: {msg}");
    assert!(msg.contains("1 error"), "{msg}");
    let after_first = PgStore::open_read_only(&url).unwrap().counts().unwrap();
    assert!(after_first.articles >= 4, "{after_first:?}");
    assert!(after_first.events > 0 && after_first.event_actors > 0);

    let second = ingest(&url, &[ex], &["--published", "2024-03-01"]);
    assert_eq!(second.status.code(), Some(1));
    let after_second = PgStore::open_read_only(&url).unwrap().counts().unwrap();
    eprintln!("after the first ingest: {after_first:?}\nafter the second: {after_second:?}");
    assert_eq!(after_first, after_second);
    assert!(
        stderr(&second).contains(&format!("0 new, {} already present", after_first.articles)),
        "{}",
        stderr(&second)
    );

    // The same articles in SQLite: the same counts, the same query and export output.
    let l = ingest(lite, &[ex], &["--published", "2024-03-01"]);
    assert_eq!(l.status.code(), Some(1));
    assert_eq!(
        Store::open_read_only(lite).unwrap().counts().unwrap(),
        after_first
    );
    for args in [
        &["--limit", "0"][..],
        &["--root", "19"],
        &["--text", "ceasefire OR strike*"],
        &["--from", "2023", "--to", "2024"],
        &["--distinct"],
        &["--root", "04", "--distinct"],
    ] {
        let q = |db: &str| {
            let mut a = vec!["query", "--db", db, "--format", "jsonl"];
            a.extend_from_slice(args);
            let o = dateline(&a);
            assert!(o.status.success(), "{args:?}: {}", stderr(&o));
            o.stdout
        };
        let (p, s) = (without_ids(&q(&url)), without_ids(&q(lite)));
        assert_eq!(p, s, "{args:?}");
        eprintln!("query {args:?}: {} events on both", p.len());
    }
    let count = dateline(&["query", "--db", &url, "--count"]);
    assert_eq!(
        String::from_utf8_lossy(&count.stdout).trim(),
        after_first.events.to_string()
    );
    // Exports from PostgreSQL equal exports of the same articles from SQLite, cluster counts
    // (GDELT's NumMentions/NumSources/NumArticles) included.
    for format in ["gdelt", "plover", "acled"] {
        let p = dateline(&["export", "--db", &url, "--format", format]);
        let s = dateline(&["export", "--db", lite, "--format", format]);
        assert!(p.status.success(), "{format}: {}", stderr(&p));
        assert!(s.status.success(), "{format}: {}", stderr(&s));
        assert!(!p.stdout.is_empty(), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&p.stdout),
            String::from_utf8_lossy(&s.stdout),
            "{format}"
        );
    }
    // A bad filter is still a usage error (exit 2), and a server that is not there a clear one.
    let bad = dateline(&["query", "--db", &url, "--text", "\"open"]);
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
    let gone = dateline(&[
        "query",
        "--db",
        "postgres://me:secret@/nowhere?host=/nonexistent&port=1",
    ]);
    assert_eq!(gone.status.code(), Some(2));
    assert!(!stderr(&gone).contains("secret"), "{}", stderr(&gone));
}

/// Write `n` synthetic news articles as JSON Lines, each distinct (as in tests/store.rs).
fn synthetic_corpus(path: &Path, n: usize) {
    const CITIES: [&str; 6] = [
        "Kabul",
        "Mosul",
        "Aleppo",
        "Mogadishu",
        "Kharkiv",
        "Khartoum",
    ];
    const LEADS: [&str; 4] = [
        "Gunmen attacked a police checkpoint in {city} on Monday, killing {k} officers, officials said.",
        "The foreign minister met his Turkish counterpart in {city} on Tuesday to discuss the border.",
        "Protesters marched through {city} on Friday demanding the release of {k} detained students.",
        "The government did not agree to a ceasefire after talks in {city} ended on Sunday.",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let city = CITIES[i % CITIES.len()];
        let lead = LEADS[(i / CITIES.len()) % LEADS.len()]
            .replace("{city}", city)
            .replace("{k}", &(2 + i % 40).to_string());
        let text = format!(
            "Report number {i} from {city}\n\n{lead} Residents said the situation remained tense \
             and that shops stayed closed. A spokesman said an investigation had been opened \
             into the incident, the {i}th of its kind this year."
        );
        let rec = serde_json::json!({
            "id": format!("syn-{i}"),
            "published": format!("2023-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "source": if i % 2 == 0 { "Wire A" } else { "Wire B" },
            "text": text,
        });
        writeln!(f, "{rec}").unwrap();
    }
    f.flush().unwrap();
}

fn article_count(url: &str) -> Option<u64> {
    let st = PgStore::open_read_only(url).ok()?;
    st.counts().ok().map(|c| c.articles)
}

#[test]
fn a_killed_postgres_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    const N: usize = 4000;
    const BATCH: u64 = 100;
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("crash");
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_corpus(&corpus, N);
    let corpus_s = corpus.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "ingest",
            "--db",
            &url,
            "--batch",
            &BATCH.to_string(),
            "--threads",
            "1",
            corpus_s,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first commits to land, then kill -9.
    let deadline = Instant::now() + Duration::from_secs(120);
    let seen = loop {
        if let Some(n) = article_count(&url).filter(|&n| n >= 300) {
            break n;
        }
        assert!(Instant::now() < deadline, "no commit within two minutes");
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest ended before it was killed"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    // The server rolls back the transaction of the dead connection; wait until it is gone.
    std::thread::sleep(Duration::from_millis(300));
    let at_kill = article_count(&url).unwrap();
    eprintln!("first commit seen at {seen} articles; {at_kill} of {N} stored when killed");
    assert!(at_kill >= seen);
    assert!(
        at_kill < N as u64,
        "the kill came too late to test anything"
    );
    // Only whole batches: every batch holds 100 articles.
    assert_eq!(
        at_kill % BATCH,
        0,
        "{at_kill} articles is no whole number of batches"
    );
    let st = PgStore::open_read_only(&url).unwrap();
    let (events_without_article, articles_without_events): (i64, i64) = {
        let mut c = st.client();
        let r = c
            .query_one(
                "SELECT (SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id
                         WHERE a.id IS NULL),
                        (SELECT count(*) FROM articles a
                         WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id))",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!(events_without_article, 0);
    // Every synthetic article has an event: none was stored without its events.
    assert_eq!(articles_without_events, 0);
    drop(st);

    let rerun = ingest(&url, &[corpus_s], &[]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    let msg = stderr(&rerun);
    eprintln!("re-run: {msg}");
    assert!(
        msg.contains(&format!(
            "{} new, {at_kill} already present",
            N as u64 - at_kill
        )),
        "{msg}"
    );
    let st = PgStore::open_read_only(&url).unwrap();
    let (rows, distinct, fts): (i64, i64, i64) = {
        let mut c = st.client();
        let r = c
            .query_one(
                "SELECT count(*), count(DISTINCT doc_id),
                        count(*) FILTER (WHERE fts @@ to_tsquery('simple', 'report'))
                 FROM articles",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1), r.get(2))
    };
    eprintln!("after the re-run: {rows} article rows, {distinct} distinct ids (expected {N})");
    assert_eq!((rows, distinct), (N as i64, N as i64));
    assert_eq!(fts, N as i64);
    let missing = (0..N)
        .filter(|i| st.article(&format!("syn-{i}")).unwrap().is_none())
        .count();
    assert_eq!(missing, 0);
}
