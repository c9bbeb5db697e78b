//! End-to-end tests of `dateline ingest` and `dateline query` on the real binary: idempotence
//! over the repository's examples, crash safety under SIGKILL, and query filters.

use dateline_store::{Counts, EventStore, Store};
use serde_json::Value;
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

fn counts(db: &Path) -> Counts {
    Store::open_read_only(db).unwrap().counts().unwrap()
}

fn ingest(db: &Path, inputs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend_from_slice(inputs);
    dateline(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn ingesting_the_examples_twice_stores_them_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ex.db");
    let examples = root().join("examples");
    let ex = examples.to_str().unwrap();
    // examples/batch.jsonl holds one deliberately broken line: exit 1, the rest stored.
    let first = ingest(&db, &[ex], &["--published", "2024-03-01"]);
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let after_first = counts(&db);
    eprintln!(
        "after the first ingest: {after_first:?}\n{}",
        stderr(&first)
    );
    assert!(stderr(&first).contains("1 error"), "{}", stderr(&first));
    assert!(after_first.articles >= 4, "{after_first:?}");
    assert!(after_first.events > 0 && after_first.event_actors > 0);

    let second = ingest(&db, &[ex], &["--published", "2024-03-01"]);
    assert_eq!(second.status.code(), Some(1));
    let after_second = counts(&db);
    eprintln!(
        "after the second ingest: {after_second:?}\n{}",
        stderr(&second)
    );
    assert_eq!(after_first, after_second);
    assert!(
        stderr(&second).contains(&format!("0 new, {} already present", after_first.articles)),
        "{}",
        stderr(&second)
    );

    // The same examples named by a glob pattern the shell did not expand: still nothing new.
    let pattern = format!("{ex}/*.*");
    let third = ingest(&db, &[&pattern], &["--published", "2024-03-01"]);
    assert!(stderr(&third).contains("0 new"), "{}", stderr(&third));
    assert_eq!(counts(&db), after_first);

    // Every stored record comes back whole, text included.
    let st = Store::open_read_only(&db).unwrap();
    let ids: Vec<String> = st
        .connection()
        .prepare("SELECT doc_id FROM articles")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for id in ids {
        let rec = st.article(&id).unwrap().unwrap();
        assert_eq!(rec["schema"], "dateline/1");
        assert!(!rec["article"]["text"].as_str().unwrap().is_empty());
    }
}

/// Write `n` synthetic news articles as JSON Lines, each distinct, with events of several kinds.
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

fn article_count(db: &Path) -> Option<u64> {
    let st = Store::open_read_only(db).ok()?;
    st.connection()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .ok()
        .map(|n| n as u64)
}

#[test]
fn a_killed_ingest_loses_nothing_committed_and_a_rerun_completes_it() {
    const N: usize = 4000;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    synthetic_corpus(&corpus, N);
    let db = dir.path().join("crash.db");
    let db_s = db.to_str().unwrap();
    let corpus_s = corpus.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "ingest",
            "--db",
            db_s,
            "--batch",
            "100",
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
        if let Some(n) = article_count(&db).filter(|&n| n >= 300) {
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
    let at_kill = article_count(&db).unwrap();
    eprintln!("first commit seen at {seen} articles; {at_kill} of {N} stored when killed");
    assert!(at_kill >= seen);
    assert!(
        at_kill < N as u64,
        "the kill came too late to test anything"
    );
    // Whatever was committed is whole: every stored article has its events and FTS row.
    let st = Store::open_read_only(&db).unwrap();
    let orphans: i64 = st
        .connection()
        .query_row(
            "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id
             WHERE a.id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    drop(st);

    let rerun = ingest(&db, &[corpus_s], &[]);
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
    let st = Store::open_read_only(&db).unwrap();
    let (rows, distinct): (i64, i64) = st
        .connection()
        .query_row(
            "SELECT count(*), count(DISTINCT doc_id) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    eprintln!("after the re-run: {rows} article rows, {distinct} distinct ids (expected {N})");
    assert_eq!((rows, distinct), (N as i64, N as i64));
    let missing = (0..N)
        .filter(|i| st.article(&format!("syn-{i}")).unwrap().is_none())
        .count();
    assert_eq!(missing, 0);
    let fts: i64 = st
        .connection()
        .query_row(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'report'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts, N as i64);
}

fn query(db: &Path, args: &[&str]) -> Vec<Value> {
    let mut a = vec![
        "query",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
        "--limit",
        "0",
    ];
    a.extend_from_slice(args);
    let out = dateline(&a);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn query_filters_return_what_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    synthetic_corpus(&corpus, 48);
    let db = dir.path().join("q.db");
    let examples = root().join("examples");
    let out = ingest(
        &db,
        &[corpus.to_str().unwrap(), examples.to_str().unwrap()],
        &["--published", "2024-03-01"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out)); // the broken example line
    let all = query(&db, &[]);
    assert_eq!(all.len() as u64, counts(&db).events);
    assert!(!all.is_empty());

    let check = |args: &[&str], pred: &dyn Fn(&Value) -> bool| {
        let got = query(&db, args);
        let want = all.iter().filter(|r| pred(r)).count();
        assert_eq!(got.len(), want, "{args:?}");
        assert!(got.iter().all(pred), "{args:?}");
        eprintln!("{args:?}: {} events", got.len());
        got.len()
    };
    let st = |r: &Value, k: &str| r[k].as_str().unwrap_or("").to_string();
    assert!(check(&["--status", "negated"], &|r| st(r, "status") == "negated") > 0);
    assert!(check(&["--root", "19"], &|r| st(r, "root") == "19") > 0);
    check(&["--quad", "4"], &|r| r["quad_class"] == 4);
    check(&["--cameo", "04"], &|r| st(r, "cameo").starts_with("04"));
    check(&["--source", "wire a"], &|r| st(r, "outlet") == "Wire A");
    check(&["--place-country", "af"], &|r| {
        st(r, "place_country") == "AF"
    });
    // The evidence sentence is the text of the article the event came from.
    for r in &all {
        let ev = st(r, "evidence");
        let trig = st(r, "trigger");
        assert!(ev.contains(&trig), "{r}");
    }
    // Full-text search: only events of articles that contain the word.
    let mogadishu = query(&db, &["--text", "Mogadishu"]);
    assert!(!mogadishu.is_empty());
    assert!(mogadishu.iter().all(|r| {
        let id = st(r, "article");
        id.starts_with("syn-") && id[4..].parse::<usize>().unwrap() % 6 == 3
    }));
    // Combining filters narrows.
    let both = query(&db, &["--text", "Mogadishu", "--root", "19"]);
    assert!(both.len() < mogadishu.len());
    assert!(both.iter().all(|r| st(r, "root") == "19"));
    // Date range: every event's date lies within it.
    let march = query(&db, &["--from", "2023-03", "--to", "2023-03"]);
    assert!(!march.is_empty());
    assert!(
        march.iter().all(|r| st(r, "date").starts_with("2023-03")),
        "{march:?}"
    );
    // Bounding box around Kabul.
    let kabul = query(&db, &["--bbox", "68,34,70,35"]);
    assert!(!kabul.is_empty());
    assert!(kabul.iter().all(|r| {
        let (lat, lon) = (r["lat"].as_f64().unwrap(), r["lon"].as_f64().unwrap());
        (34.0..=35.0).contains(&lat) && (68.0..=70.0).contains(&lon)
    }));

    // CSV parses with a CSV reader and has the same rows; the table has a header line.
    let csv_out = dateline(&[
        "query",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "csv",
        "--root",
        "19",
        "--limit",
        "0",
    ]);
    let mut rdr = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "evidence"));
    let records: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert!(records.iter().all(|r| r.len() == headers.len()));
    let n = records.len();
    assert_eq!(n, query(&db, &["--root", "19"]).len());
    let table = dateline(&["query", "--db", db.to_str().unwrap(), "--limit", "3"]);
    let t = String::from_utf8(table.stdout).unwrap();
    assert!(t.starts_with("date"));
    assert_eq!(t.lines().count(), 4);
    let count = dateline(&[
        "query",
        "--db",
        db.to_str().unwrap(),
        "--count",
        "--quad",
        "1",
    ]);
    let n: usize = String::from_utf8(count.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(n, all.iter().filter(|r| r["quad_class"] == 1).count());

    // Bad filter values are errors (exit 2), never SQL.
    for bad in [
        &["--root", "1x"][..],
        &["--text", "\"open"],
        &["--from", "tomorrow"],
        &["--bbox", "1,2,3"],
    ] {
        let mut a = vec!["query", "--db", db.to_str().unwrap()];
        a.extend_from_slice(bad);
        let o = dateline(&a);
        assert_eq!(o.status.code(), Some(2), "{bad:?}: {}", stderr(&o));
    }
    let missing = dateline(&[
        "query",
        "--db",
        dir.path().join("nope.db").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!dir.path().join("nope.db").exists());
}
