//! The PostgreSQL store against a real server (started here, from Debian's `initdb` and
//! `pg_ctl`; the tests print a notice and pass when PostgreSQL is not installed): the same
//! records stored in PostgreSQL and in SQLite give the same counts, the same answers to every
//! filter and the same records back; a second ingest (also by two writers at once) stores
//! nothing new; migrations run once.

use dateline_input::{Defaults, parse_json_line};
use dateline_pipeline::{Pipeline, to_json};
use dateline_store::{EventStore, Filter, Store};
use dateline_store_pg::PgStore;
use dateline_store_pg::testing::TempPostgres;
use serde_json::{Value, json};

/// dateline/1 records of generated articles with events of several kinds, and of the
/// repository's examples.
fn records() -> Vec<Value> {
    const CITIES: [&str; 6] = [
        "Kabul",
        "Mosul",
        "Aleppo",
        "Mogadishu",
        "Kharkiv",
        "Khartoum",
    ];
    const LEADS: [&str; 5] = [
        "Gunmen attacked a police checkpoint in {city} on Monday, killing {k} officers, officials said.",
        "The foreign minister met his Turkish counterpart in {city} on Tuesday to discuss the border.",
        "Protesters marched through {city} on Friday demanding the release of {k} detained students.",
        "The government did not agree to a ceasefire after talks in {city} ended on Sunday.",
        "Russian forces shelled villages near {city} last week and Ukraine said it would retaliate.",
    ];
    let pipeline = Pipeline::new();
    let defaults = Defaults::default();
    let mut lines = Vec::new();
    for i in 0..150 {
        let city = CITIES[i % CITIES.len()];
        let lead = LEADS[(i / CITIES.len()) % LEADS.len()]
            .replace("{city}", city)
            .replace("{k}", &(2 + i % 40).to_string());
        let text = format!(
            "Report number {i} from {city}\n\n{lead} Residents said the situation remained \
             tense. A spokesman said an investigation had been opened."
        );
        let mut rec = json!({
            "id": format!("syn-{i}"),
            "published": format!("20{:02}-{:02}-{:02}", 20 + i % 4, 1 + i % 12, 1 + i % 28),
            "source": if i % 2 == 0 { "Wire A" } else { "Wire B" },
            "text": text,
        });
        if i % 3 == 0 {
            rec["url"] = json!(format!("https://www.example.org/news/{i}?utm_source=x"));
        }
        lines.push(rec.to_string());
    }
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for l in std::fs::read_to_string(examples.join("batch.jsonl"))
        .unwrap()
        .lines()
    {
        lines.push(l.to_string());
    }
    let mut out = Vec::new();
    for l in lines {
        match parse_json_line(&l, "test", &defaults) {
            Ok(raw) => match pipeline.process(raw) {
                Ok(doc) => out.push(to_json(&doc)),
                Err(e) => out.push(json!({"error": e})),
            },
            // The examples' deliberately broken line: an error record, counted as invalid.
            Err(e) => out.push(json!({"error": e.message, "input": e.input})),
        }
    }
    out
}

fn strip_ids(rows: Vec<dateline_store::EventRow>) -> Vec<Value> {
    rows.into_iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap();
            v.as_object_mut().unwrap().remove("id");
            v
        })
        .collect()
}

fn filters() -> Vec<(&'static str, Filter)> {
    let set = |v: &str| Some(v.to_string());
    let base = Filter::default();
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
            "root 4",
            Filter {
                root: set("4"),
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
            "cameo 04",
            Filter {
                cameo: set("04"),
                ..base.clone()
            },
        ),
        (
            "plover assault",
            Filter {
                plover: set("assault"),
                ..base.clone()
            },
        ),
        (
            "actor RUS",
            Filter {
                actor: set("rus"),
                ..base.clone()
            },
        ),
        (
            "country RUS",
            Filter {
                country: set("rus"),
                ..base.clone()
            },
        ),
        (
            "place AF",
            Filter {
                place_country: set("af"),
                ..base.clone()
            },
        ),
        (
            "admin1",
            Filter {
                admin1: set("KHARTOUM"),
                ..base.clone()
            },
        ),
        (
            "from/to",
            Filter {
                from: set("2021-03"),
                to: set("2022"),
                ..base.clone()
            },
        ),
        (
            "bbox Kabul",
            Filter {
                bbox: Some([68.0, 34.0, 70.0, 35.0]),
                ..base.clone()
            },
        ),
        (
            "bbox across the antimeridian",
            Filter {
                bbox: Some([170.0, -90.0, 60.0, 90.0]),
                ..base.clone()
            },
        ),
        (
            "source",
            Filter {
                source: set("wire a"),
                ..base.clone()
            },
        ),
        (
            "text word",
            Filter {
                text: set("Mogadishu"),
                ..base.clone()
            },
        ),
        (
            "text phrase AND",
            Filter {
                text: set("\"police checkpoint\" AND officers"),
                ..base.clone()
            },
        ),
        (
            "text OR NOT prefix",
            Filter {
                text: set("(Kabul OR Mosul) NOT protest*"),
                ..base.clone()
            },
        ),
        (
            "combined, paged",
            Filter {
                root: set("19"),
                from: set("2020"),
                source: set("Wire B"),
                limit: 5,
                offset: 2,
                ..base.clone()
            },
        ),
        (
            "limit",
            Filter {
                limit: 7,
                ..base.clone()
            },
        ),
    ]
}

#[test]
fn postgres_gives_the_same_answers_as_sqlite_and_stores_each_article_once() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("same");
    let recs = records();
    let mut lite = Store::open_in_memory().unwrap();
    let mut pg = PgStore::open(&url).unwrap();
    assert_eq!(pg.schema_version().unwrap(), 2);
    let mut s_lite = dateline_store::BatchStats::default();
    let mut s_pg = s_lite;
    for batch in recs.chunks(40) {
        s_lite += lite.insert_batch(batch).unwrap();
        s_pg += pg.insert_batch(batch).unwrap();
    }
    eprintln!("SQLite: {s_lite:?}\nPostgreSQL: {s_pg:?}");
    assert_eq!(s_lite, s_pg);
    assert_eq!(s_pg.invalid, 1, "the broken example line");
    let counts = pg.counts().unwrap();
    eprintln!("counts: {counts:?}");
    assert_eq!(counts, lite.counts().unwrap());
    assert_eq!(counts.articles, s_pg.new);
    assert!(counts.events > 150 && counts.event_actors > 0 && counts.casualties > 0);
    // The inputs of deduplication are stored alike: fingerprints, band keys, day intervals.
    for sql in [
        "SELECT count(*) FROM fingerprints",
        "SELECT count(*) FROM fingerprint_bands",
        "SELECT count(*) FROM events WHERE cl_start IS NOT NULL",
        "SELECT coalesce(sum(cl_start + cl_end), 0) FROM events",
        "SELECT count(*) FROM fingerprints f JOIN articles a ON a.id = f.article_id
         WHERE a.doc_id = 'syn-7'",
    ] {
        let l: i64 = lite.connection().query_row(sql, [], |r| r.get(0)).unwrap();
        let p: i64 = pg
            .client()
            .query_one(&format!("SELECT ({sql})::int8"), &[])
            .unwrap()
            .get(0);
        assert_eq!(l, p, "{sql}");
        assert!(l > 0, "{sql}");
    }
    let print = |id: &str| -> Vec<u8> {
        pg.client()
            .query_one(
                "SELECT print FROM fingerprints f JOIN articles a ON a.id = f.article_id
                 WHERE a.doc_id = $1",
                &[&id],
            )
            .unwrap()
            .get(0)
    };
    let lite_print: Vec<u8> = lite
        .connection()
        .query_row(
            "SELECT print FROM fingerprints f JOIN articles a ON a.id = f.article_id
             WHERE a.doc_id = 'syn-7'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(print("syn-7"), lite_print);

    // Every filter: the same rows in the same order (row ids aside), the same count.
    let mut nonempty = 0;
    for (name, f) in filters() {
        let a = strip_ids(lite.query(&f).unwrap());
        let b = strip_ids(pg.query(&f).unwrap());
        assert_eq!(a, b, "{name}");
        let all = Filter {
            limit: 0,
            offset: 0,
            ..f.clone()
        };
        let n = pg.count(&all).unwrap();
        assert_eq!(n, lite.count(&all).unwrap(), "{name}");
        eprintln!("{name}: {} rows, {n} in all", b.len());
        nonempty += (!b.is_empty()) as usize;
    }
    assert!(nonempty >= 19, "too many empty filters to compare");
    // Bad values are filter errors on both.
    for f in [
        Filter {
            root: Some("1x".into()),
            ..Filter::default()
        },
        Filter {
            text: Some("\"open".into()),
            ..Filter::default()
        },
        Filter {
            from: Some("tomorrow".into()),
            ..Filter::default()
        },
        Filter {
            bbox: Some([0.0, 10.0, 1.0, 5.0]),
            ..Filter::default()
        },
    ] {
        assert!(matches!(
            lite.query(&f),
            Err(dateline_store::Error::Filter(_))
        ));
        assert!(matches!(
            pg.query(&f),
            Err(dateline_store::Error::Filter(_))
        ));
    }

    // Records come back whole, as SQLite gives them.
    let ids: Vec<String> = pg.doc_ids().unwrap();
    assert_eq!(ids.len() as u64, counts.articles);
    for id in &ids {
        assert_eq!(pg.article(id).unwrap(), lite.article(id).unwrap(), "{id}");
    }
    assert_eq!(pg.article("no-such-article").unwrap(), None);

    // Idempotence: the same records again, by one writer and then by two at once.
    let again = pg.insert_batch(&recs).unwrap();
    assert_eq!((again.new, again.events), (0, 0));
    assert_eq!(again.present, counts.articles);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (url, recs) = (url.clone(), recs.clone());
            std::thread::spawn(move || {
                let mut w = PgStore::open(&url).unwrap();
                let mut st = dateline_store::BatchStats::default();
                for b in recs.chunks(25) {
                    st += w.insert_batch(b).unwrap();
                }
                st
            })
        })
        .collect();
    for h in handles {
        let st = h.join().unwrap();
        assert_eq!(st.new, 0);
    }
    assert_eq!(pg.counts().unwrap(), counts);
    eprintln!("after three more ingests: {:?}", pg.counts().unwrap());
}

#[test]
fn concurrent_first_writers_store_each_article_once() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("race");
    let recs = records();
    // Three writers open (and so migrate) at once and store the same records at once.
    let handles: Vec<_> = (0..3)
        .map(|i| {
            let (url, mut recs) = (url.clone(), recs.clone());
            if i == 1 {
                recs.reverse();
            }
            std::thread::spawn(move || {
                let mut w = PgStore::open(&url).unwrap();
                let mut st = dateline_store::BatchStats::default();
                for b in recs.chunks(30) {
                    st += w.insert_batch(b).unwrap();
                }
                st
            })
        })
        .collect();
    let stats: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let pg = PgStore::open_read_only(&url).unwrap();
    let counts = pg.counts().unwrap();
    let mut lite = Store::open_in_memory().unwrap();
    lite.insert_batch(&recs).unwrap();
    eprintln!("writers: {stats:?}\nstored: {counts:?}");
    assert_eq!(counts, lite.counts().unwrap());
    assert_eq!(
        stats.iter().map(|s| s.new).sum::<u64>(),
        counts.articles,
        "each article new to exactly one writer"
    );
    let dup: i64 = pg
        .client()
        .query_one("SELECT count(*) - count(DISTINCT key) FROM articles", &[])
        .unwrap()
        .get(0);
    assert_eq!(dup, 0);
    let versions: i64 = pg
        .client()
        .query_one("SELECT count(*) FROM dateline_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(versions, 2, "migrated once");
}

#[test]
fn schema_versions_are_checked() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("versions");
    // Reading a database dateline never wrote is an error, and creates nothing.
    let e = PgStore::open_read_only(&url).err().unwrap().to_string();
    assert!(e.contains("not a dateline database"), "{e}");
    drop(PgStore::open(&url).unwrap());
    drop(PgStore::open(&url).unwrap()); // idempotent
    let ro = PgStore::open_read_only(&url).unwrap();
    assert_eq!(ro.schema_version().unwrap(), 2);
    // Read-only really is: a write fails.
    assert!(ro.client().batch_execute("DELETE FROM articles").is_err());
    drop(ro);
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    c.batch_execute("INSERT INTO dateline_schema (version) VALUES (99)")
        .unwrap();
    for e in [
        PgStore::open(&url).err().unwrap(),
        PgStore::open_read_only(&url).err().unwrap(),
    ] {
        assert!(
            matches!(e, dateline_store::Error::NewerSchema { found: 99, .. }),
            "{e}"
        );
    }
    // A server that is not there: a clear error naming it, password hidden.
    let e = PgStore::open("postgres://u:pw@/x?host=/nonexistent-dir&port=1")
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("cannot connect to postgres://u:***@"), "{e}");
}

#[test]
fn feed_state_round_trips() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("feeds");
    let st = PgStore::open(&url).unwrap();
    let feed = "https://news.example/rss";
    assert_eq!(st.feed_state(feed).unwrap(), None);
    st.record_feed_fetch(feed, Some("\"v1\""), None, 12)
        .unwrap();
    let s = st.feed_state(feed).unwrap().unwrap();
    assert_eq!((s.etag.as_deref(), s.entries), (Some("\"v1\""), 12));
    st.record_feed_not_modified(feed).unwrap();
    st.record_feed_fetch(feed, None, Some("Tue, 01 Oct 2024 10:00:00 GMT"), 3)
        .unwrap();
    let s = st.feed_state(feed).unwrap().unwrap();
    assert_eq!(s.etag, None);
    assert_eq!(s.entries, 3);
    assert!(s.checked_at.is_some() && s.fetched_at.is_some());
}
