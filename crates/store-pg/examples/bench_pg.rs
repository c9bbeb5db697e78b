//! PostgreSQL against SQLite in the same run, on the same records: writer-side ingest rate
//! and query latency on a store of at least a million events.
//!
//!     cargo run --release -p dateline-store-pg --example bench_pg -- RECORDS.jsonl [COPIES] [EVENTS] [ROUNDS]
//!
//! RECORDS.jsonl is `dateline extract` output.
//!
//! 1. Ingest: the records are stored COPIES times (default 5), each copy under its own article
//!    id and URL, so each is a new article to both stores. Each copy is prepared once
//!    (`Prepared::new`, the extraction threads' share of an ingest) and then written to a SQLite
//!    file store (`Store::insert_prepared`) and to PostgreSQL (`PgStore::insert_prepared`:
//!    binary COPY), in batches of 512; the two write times give the ingest rates. Both writers
//!    deduplicate (the copies are near duplicates, their events join the first copy's
//!    clusters); their deduplication counts must be equal. EVENTS 0 stops after the ingest.
//! 2. A million events: the stored event rows (and their actor rows) are copied inside each
//!    database (`INSERT … SELECT`, ids shifted, `event_id` suffixed) until both hold at least
//!    EVENTS (default 1,000,000) event rows: identical stores.
//! 3. Query latency: the filters of `dateline-store`'s `bench_query` run ROUNDS times (default
//!    50) on both stores, first page of 100 newest first; p50/p99 printed as a Markdown table.
//!
//! PostgreSQL: `$DATELINE_PG_URL` when set (an empty database), else a temporary server
//! started here (`dateline_store_pg::testing`) with `shared_buffers=1GB` and
//! `random_page_cost=1.1`. The SQLite file goes to the temporary
//! directory.

use dateline_store::{EventStore, Filter, Prepared, Store};
use dateline_store_pg::PgStore;
use serde_json::Value;
use std::io::BufRead;
use std::time::Instant;

fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

/// Copy `k` of a record: a distinct article id and URL, everything else as extracted.
fn copy_of(rec: &Value, k: usize) -> Value {
    let mut r = rec.clone();
    if let Some(a) = r.get_mut("article").and_then(Value::as_object_mut) {
        let id = a
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        a.insert("id".into(), Value::String(format!("{id}~{k}")));
        a.insert(
            "url".into(),
            Value::String(format!("https://bench.invalid/{k}/{id}")),
        );
    }
    r
}

fn filters() -> Vec<(&'static str, Filter)> {
    let set = |v: &str| Some(v.to_string());
    let base = Filter {
        limit: 100,
        ..Filter::default()
    };
    vec![
        ("none", base.clone()),
        (
            "root 19",
            Filter {
                root: set("19"),
                ..base.clone()
            },
        ),
        (
            "quad 4",
            Filter {
                quad: Some(4),
                ..base.clone()
            },
        ),
        (
            "status negated",
            Filter {
                status: set("negated"),
                ..base.clone()
            },
        ),
        (
            "cameo 043",
            Filter {
                cameo: set("043"),
                ..base.clone()
            },
        ),
        (
            "plover ASSAULT",
            Filter {
                plover: set("ASSAULT"),
                ..base.clone()
            },
        ),
        (
            "actor USA",
            Filter {
                actor: set("USA"),
                ..base.clone()
            },
        ),
        (
            "country RUS",
            Filter {
                country: set("RUS"),
                ..base.clone()
            },
        ),
        (
            "place US",
            Filter {
                place_country: set("US"),
                ..base.clone()
            },
        ),
        (
            "from/to one month",
            Filter {
                from: set("2016-03"),
                to: set("2016-03"),
                ..base.clone()
            },
        ),
        (
            "bbox",
            Filter {
                bbox: Some([-80.0, 35.0, -70.0, 45.0]),
                ..base.clone()
            },
        ),
        (
            "text",
            Filter {
                text: set("election"),
                ..base.clone()
            },
        ),
        (
            "root 19 + place US + year",
            Filter {
                root: set("19"),
                place_country: set("US"),
                from: set("2016"),
                to: set("2016"),
                ..base.clone()
            },
        ),
    ]
}

/// p50 and p99 in milliseconds of `rounds` runs, and the rows of the last.
fn time(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, f64, usize, Vec<f64>) {
    let mut t = Vec::with_capacity(rounds);
    let mut n = 0;
    f(); // warm the caches once, for both stores alike
    for _ in 0..rounds {
        let s = Instant::now();
        n = f();
        t.push(s.elapsed().as_secs_f64() * 1000.0);
    }
    t.sort_by(f64::total_cmp);
    let p = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.99), n, t)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: bench_pg RECORDS.jsonl [COPIES] [EVENTS] [ROUNDS]");
    let copies: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let target: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let base: Vec<Value> = std::io::BufReader::new(std::fs::File::open(&path).unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .filter(|v: &Value| v.get("article").is_some())
        .collect();
    assert!(!base.is_empty(), "{path}: no dateline/1 records");

    let server = match std::env::var("DATELINE_PG_URL") {
        Ok(_) => None,
        Err(_) => Some(
            // A server sized for the store (the database grows to about 1.4 GB; the default
            // shared_buffers is 128 MB) and told that random reads are cheap (SSD, page cache).
            dateline_store_pg::testing::TempPostgres::start_with(&[
                ("shared_buffers", "1GB"),
                ("random_page_cost", "1.1"),
            ])
            .expect("PostgreSQL is not installed"),
        ),
    };
    let url = match &server {
        Some(s) => s.create_database("bench"),
        None => std::env::var("DATELINE_PG_URL").unwrap_or_default(),
    };
    let server_cpu = || {
        server
            .as_ref()
            .map(|s| s.server_cpu_seconds())
            .unwrap_or(f64::NAN)
    };
    let dir = std::env::temp_dir().join(format!("dateline-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("bench.db");
    let mut lite = Store::open(&db).unwrap();
    let mut pg = PgStore::open(&url).unwrap();
    eprintln!(
        "{} records; SQLite {}; PostgreSQL {}",
        base.len(),
        db.display(),
        dateline_store_pg::redact(&url)
    );

    let (mut t_prep, mut t_lite, mut t_pg) = (0.0, 0.0, 0.0);
    let (mut c_lite, mut c_pg, mut c_server) = (0.0, 0.0, 0.0);
    let (mut articles, mut events) = (0u64, 0u64);
    let mut k = 0;
    while k < copies {
        let s = Instant::now();
        let prepared: Vec<Option<Prepared>> =
            base.iter().map(|r| Prepared::new(&copy_of(r, k))).collect();
        t_prep += s.elapsed().as_secs_f64();
        let (s, c) = (Instant::now(), cpu());
        let mut got_lite = dateline_store::BatchStats::default();
        for ch in prepared.chunks(512) {
            got_lite += lite.insert_prepared(ch).unwrap();
        }
        t_lite += s.elapsed().as_secs_f64();
        c_lite += cpu() - c;
        let (s, c, cs) = (Instant::now(), cpu(), server_cpu());
        let mut got_pg = dateline_store::BatchStats::default();
        for ch in prepared.chunks(512) {
            got_pg += pg.insert_prepared(ch).unwrap();
        }
        t_pg += s.elapsed().as_secs_f64();
        c_pg += cpu() - c;
        c_server += server_cpu() - cs;
        assert_eq!(got_lite, got_pg, "copy {k}");
        articles += got_pg.new;
        events += got_pg.events;
        k += 1;
        eprintln!(
            "copy {k}: {articles} articles, {events} events; write s so far: SQLite {t_lite:.1}, PostgreSQL {t_pg:.1}"
        );
    }
    assert_eq!(lite.counts().unwrap(), pg.counts().unwrap());
    // Both writers deduplicate (the copies are near duplicates of each other, and their events
    // join the first copy's clusters): the same decisions.
    let (d_lite, d_pg) = (lite.dedup_counts().unwrap(), pg.dedup_counts().unwrap());
    assert_eq!(d_lite, d_pg, "deduplication differs");

    // A million events: copies of the event and actor rows inside each database.
    let cols_lite: Vec<String> = lite
        .connection()
        .prepare("SELECT name FROM pragma_table_info('events') ORDER BY cid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let cols_pg: Vec<String> = pg
        .client()
        .query(
            "SELECT column_name::text FROM information_schema.columns
             WHERE table_name = 'events' AND table_schema = current_schema()
             ORDER BY ordinal_position",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let copy_sql = |cols: &[String], m: i64, r: i64| -> String {
        let rest: Vec<String> = cols
            .iter()
            .filter(|c| !matches!(c.as_str(), "id" | "event_id"))
            .map(|c| format!("\"{c}\""))
            .collect();
        format!(
            "INSERT INTO events (id, event_id, {rest}) SELECT id + {off}, event_id || '~{r}', {rest}
             FROM events WHERE id <= {m};
             INSERT INTO event_actors (event_id, role, code, country, name, entity_id, start, \"end\")
             SELECT event_id + {off}, role, code, country, name, entity_id, start, \"end\"
             FROM event_actors WHERE event_id <= {m};",
            rest = rest.join(", "),
            off = r * m,
        )
    };
    let m_lite: i64 = lite
        .connection()
        .query_row("SELECT max(id) FROM events", [], |r| r.get(0))
        .unwrap();
    let m_pg: i64 = pg
        .client()
        .query_one("SELECT max(id) FROM events", &[])
        .unwrap()
        .get(0);
    let mut n_events = events;
    let mut r = 0i64;
    let (mut t_copy_lite, mut t_copy_pg) = (0.0, 0.0);
    while n_events < target {
        r += 1;
        let s = Instant::now();
        let tx = lite.connection().unchecked_transaction().unwrap();
        tx.execute_batch(&copy_sql(&cols_lite, m_lite, r)).unwrap();
        tx.commit().unwrap();
        t_copy_lite += s.elapsed().as_secs_f64();
        let s = Instant::now();
        {
            let mut c = pg.client();
            let mut tx = c.transaction().unwrap();
            tx.batch_execute(&copy_sql(&cols_pg, m_pg, r)).unwrap();
            tx.commit().unwrap();
        }
        t_copy_pg += s.elapsed().as_secs_f64();
        n_events += events;
    }
    pg.client()
        .batch_execute(
            "SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))",
        )
        .unwrap();
    eprintln!(
        "events copied {r} times inside each store: SQLite {t_copy_lite:.1} s, PostgreSQL {t_copy_pg:.1} s"
    );
    let cl = lite.counts().unwrap();
    let cp = pg.counts().unwrap();
    assert_eq!(cl, cp);
    // Fresh planner statistics, as autovacuum makes them on a live server. SQLite is left as
    // `dateline ingest` leaves it (no ANALYZE: its plans are chosen by the store's own rules).
    pg.client().batch_execute("VACUUM ANALYZE").unwrap();
    drop(lite);
    let lite = Store::open_read_only(&db).unwrap();
    let pg_size: i64 = pg
        .client()
        .query_one("SELECT pg_database_size(current_database())", &[])
        .unwrap()
        .get(0);
    let lite_size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);

    println!(
        "Ingest: {articles} articles ({k} copies of {} records), {events} events.\n\
         Query stores: those articles with their event rows copied {r} times inside each store: \
         {} events, {} actor rows, {} casualties; SQLite file {:.0} MB, PostgreSQL database {:.0} MB.\n",
        base.len(),
        cp.events,
        cp.event_actors,
        cp.casualties,
        lite_size as f64 / 1e6,
        pg_size as f64 / 1e6
    );
    println!(
        "| writer (batches of 512, records prepared once: {t_prep:.1} s) | wall s | CPU s, dateline | CPU s, PostgreSQL server | articles/s (wall) | events/s (wall) |"
    );
    println!("|---|---|---|---|---|---|");
    let rows = [
        ("SQLite `Store::insert_prepared`", t_lite, c_lite, None),
        (
            "PostgreSQL `PgStore::insert_prepared` (binary COPY)",
            t_pg,
            c_pg,
            Some(c_server).filter(|c: &f64| c.is_finite()),
        ),
    ];
    for (name, t, c, cs) in rows {
        let cs = cs.map(|c| format!("{c:.1}")).unwrap_or_else(|| "–".into());
        println!(
            "| {name} | {t:.1} | {c:.1} | {cs} | {:.0} | {:.0} |",
            articles as f64 / t,
            events as f64 / t
        );
    }
    println!("\nPostgreSQL / SQLite ingest rate: {:.2}×\n", t_lite / t_pg);
    println!(
        "Deduplication, the same in both stores: {} mentions in {} clusters ({} reported by more \
         than one article), {} near-duplicate links.\n",
        d_pg.mentions, d_pg.clusters, d_pg.multi_article, d_pg.duplicates
    );

    println!(
        "| filter (first page of 100) | rows | SQLite p50 ms | SQLite p99 ms | PostgreSQL p50 ms | PostgreSQL p99 ms |"
    );
    println!("|---|---|---|---|---|---|");
    let (mut all_l, mut all_p) = (Vec::new(), Vec::new());
    for (name, f) in filters() {
        let (l50, l99, nl, tl) = time(rounds, || lite.query(&f).unwrap().len());
        let (p50, p99, np, tp) = time(rounds, || pg.query(&f).unwrap().len());
        assert_eq!(nl, np, "{name}");
        println!("| {name} | {np} | {l50:.2} | {l99:.2} | {p50:.2} | {p99:.2} |");
        all_l.extend(tl);
        all_p.extend(tp);
    }
    for a in [&mut all_l, &mut all_p] {
        a.sort_by(f64::total_cmp);
    }
    let p = |a: &Vec<f64>, q: f64| a[((a.len() - 1) as f64 * q).round() as usize];
    println!(
        "| all filters | | {:.2} | {:.2} | {:.2} | {:.2} |",
        p(&all_l, 0.5),
        p(&all_l, 0.99),
        p(&all_p, 0.5),
        p(&all_p, 0.99)
    );
    drop(lite);
    let _ = std::fs::remove_dir_all(&dir);
}
