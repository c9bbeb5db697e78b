//! The PostgreSQL store against a real server (started here, from Debian's `initdb` and
//! `pg_ctl`; the tests print a notice and pass when PostgreSQL is not installed): the same
//! records stored in PostgreSQL and in SQLite give the same counts, the same answers to every
//! filter and the same records back; a second ingest (also by two writers at once) stores
//! nothing new; migrations run once. Deduplication: the same near-duplicate links, clusters
//! (ids, members, counts, summaries) as SQLite, whatever the batch cuts; unchanged by a
//! re-ingest; a database of schema 2 is upgraded to what a fresh ingest gives; a writer killed
//! with SIGKILL leaves whole batches, and finishing the ingest gives SQLite's result.

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
            "confidence 0.6",
            Filter {
                min_confidence: Some(0.6),
                ..base.clone()
            },
        ),
        (
            "confidence 0.7 root 19",
            Filter {
                min_confidence: Some(0.7),
                root: set("19"),
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
    assert_eq!(pg.schema_version().unwrap(), 4);
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
    assert_eq!(versions, 4, "migrated once");
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
    assert_eq!(ro.schema_version().unwrap(), 4);
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

// ---------------------------------------------------------------------------------------------
// Deduplication

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// (name, geonameid, country, lat, lon); no coordinates = named by country only.
type Spot = (&'static str, Option<i64>, &'static str, Option<(f64, f64)>);

/// A dateline/1 record with one event (root, source, target, day, place) and, when `echo`,
/// a second event of the same root marked `same_as` the first.
#[allow(clippy::too_many_arguments)]
fn dedup_record(
    id: &str,
    source: &str,
    url: &str,
    text: &str,
    root: &str,
    actors: (&str, &str),
    day: &str,
    place: Option<Spot>,
    echo: bool,
) -> Value {
    let places: Vec<Value> = place
        .iter()
        .map(|(name, gid, cc, ll)| {
            json!({"id": "p1", "name": name, "geonameid": gid, "country": cc, "admin1": null,
                   "lat": ll.map(|x| x.0), "lon": ll.map(|x| x.1),
                   "feature": if ll.is_some() { "city" } else { "country" }, "mentions": []})
        })
        .collect();
    let event = |n: usize, same_as: Option<&str>| {
        json!({"id": format!("v{n}"), "sentence": 0, "trigger": {"start": 0, "end": 4},
               "text": "word", "cameo": format!("{root}0"), "cameo_root": root,
               "quad_class": 4, "goldstein": -10.0, "plover": {"type": "ASSAULT", "mode": null},
               "status": "occurred",
               "source": [{"entity": null, "code": actors.0, "start": 0, "end": 4}],
               "target": if actors.1.is_empty() { json!([]) }
                         else { json!([{"entity": null, "code": actors.1, "start": 0, "end": 4}]) },
               "date": if same_as.is_some() { Value::Null }
                       else { json!({"value": day, "precision": "day", "time": null, "basis": "text"}) },
               "place": if place.is_some() && same_as.is_none() {
                   json!({"place": "p1", "basis": "sentence"}) } else { Value::Null },
               "same_as": same_as, "confidence": 0.9, "rule": "test"})
    };
    let mut events = vec![event(1, None)];
    if echo {
        events.push(event(2, Some("v1")));
    }
    json!({
        "schema": "dateline/1",
        "article": {"id": id, "url": url, "source": source, "title": null, "published": day,
                    "language": "en", "text": text},
        "sentences": [{"start": 0, "end": text.len()}],
        "entities": [], "places": places, "times": [], "events": events, "casualties": [],
        "quotes": []
    })
}

/// Outlets reporting a handful of real events with dates a day off, places by city or by
/// country only, a side uncoded now and then; wire copies of some reports with a new lead.
fn dedup_stream(n: usize, seed: u64) -> Vec<Value> {
    const WORDS: &[&str] = &[
        "officials",
        "said",
        "residents",
        "witnesses",
        "morning",
        "district",
        "forces",
        "near",
        "town",
        "hospital",
        "market",
        "police",
        "crowd",
        "border",
        "village",
        "convoy",
        "statement",
        "late",
        "several",
        "people",
        "street",
        "army",
        "shells",
        "fighters",
    ];
    let mut rng = Rng(seed);
    let aleppo: Spot = ("Aleppo", Some(170063), "SY", Some((36.2, 37.16)));
    let homs: Spot = ("Homs", Some(169577), "SY", Some((34.73, 36.72)));
    let syria: Spot = ("Syria", Some(163843), "SY", None);
    let truth: [(&str, &str, &str, i64, Spot); 6] = [
        ("19", "SYRMIL", "SYRREB", 5, aleppo),
        ("19", "SYRMIL", "SYRREB", 5, homs),
        ("18", "SYRREB", "SYRCVL", 5, aleppo),
        ("19", "SYRMIL", "SYRREB", 12, aleppo),
        ("14", "SYROPP", "SYRGOV", 6, homs),
        ("04", "USAGOV", "RUSGOV", 6, homs),
    ];
    let mut out = Vec::new();
    for i in 0..n {
        let t = truth[rng.below(truth.len() as u64) as usize];
        let d = t.3 + rng.below(3) as i64 - 1;
        let day = format!("2024-03-{d:02}");
        let place = match rng.below(4) {
            0 => Some(syria),
            1 => None,
            _ => Some(t.4),
        };
        let target = if rng.below(5) == 0 { "" } else { t.2 };
        let body: Vec<&str> = (0..40)
            .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
            .collect();
        let body = body.join(" ");
        let echo = rng.below(6) == 0;
        let source = format!("Outlet {}", rng.below(7));
        let url = format!("https://news{}.example/{i}", rng.below(7));
        out.push(dedup_record(
            &format!("a{i}"),
            &source,
            &url,
            &body,
            t.0,
            (t.1, target),
            &day,
            place,
            echo,
        ));
        if rng.below(4) == 0 {
            out.push(dedup_record(
                &format!("w{i}"),
                "Copy Post",
                &format!("https://copy.example/{i}"),
                &format!("PARIS (Wire) - {body}"),
                t.0,
                (t.1, target),
                &day,
                place,
                false,
            ));
        }
    }
    out
}

/// Everything deduplication decided, by article.id and event id (no row ids): each mention's
/// cluster; each cluster's summary and counts; each near-duplicate link with its similarity.
#[derive(Debug, PartialEq)]
struct Decided {
    mentions: Vec<(String, String, Option<String>)>,
    clusters: Vec<String>,
    links: Vec<(String, String, String, String)>,
}

type ClusterRow = (
    (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ),
    (
        Option<i64>,
        Option<String>,
        Option<f64>,
        Option<f64>,
        i64,
        i64,
        i64,
    ),
);

const MENTIONS_SQL: &str = "SELECT a.doc_id, e.event_id, e.cluster FROM events e
     JOIN articles a ON a.id = e.article_id ORDER BY 1, 2";
const LINKS_SQL: &str = "SELECT a.doc_id, o.doc_id, r.doc_id, d.similarity FROM duplicates d
     JOIN articles a ON a.id = d.article_id JOIN articles o ON o.id = d.of_article
     JOIN articles r ON r.id = d.root ORDER BY 1";

fn decided_lite(st: &Store) -> Decided {
    let c = st.connection();
    let mentions = c
        .prepare(MENTIONS_SQL)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let clusters = c
        .prepare(
            "SELECT id, root, cameo, status, date_start, date_end, place_name, geonameid,
                    place_country, lat, lon, mentions, articles, sources FROM clusters ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            let row: ClusterRow = (
                (
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ),
                (
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                    r.get(12)?,
                    r.get(13)?,
                ),
            );
            Ok(format!("{row:?}"))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let links = c
        .prepare(LINKS_SQL)
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                format!("{:.6}", r.get::<_, f64>(3)?),
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    Decided {
        mentions,
        clusters,
        links,
    }
}

fn decided_pg(url: &str) -> Decided {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let mut mentions: Vec<(String, String, Option<String>)> = c
        .query(MENTIONS_SQL, &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    // The same order as SQLite's (bytewise).
    mentions.sort();
    let mut clusters: Vec<String> = c
        .query(
            "SELECT id, root, cameo, status, date_start::text, date_end::text, place_name,
                    geonameid, place_country, lat, lon, mentions, articles, sources
             FROM clusters",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| {
            let row: ClusterRow = (
                (
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    r.get(4),
                    r.get(5),
                    r.get(6),
                ),
                (
                    r.get(7),
                    r.get(8),
                    r.get(9),
                    r.get(10),
                    r.get(11),
                    r.get(12),
                    r.get(13),
                ),
            );
            format!("{row:?}")
        })
        .collect();
    clusters.sort();
    let mut links: Vec<(String, String, String, String)> = c
        .query(LINKS_SQL, &[])
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get(2),
                format!("{:.6}", r.get::<_, f64>(3)),
            )
        })
        .collect();
    links.sort();
    Decided {
        mentions,
        clusters,
        links,
    }
}

/// Members of each cluster as sets of (article.id, event id), and the clusters' counts
/// recomputed from the members: (members, mentions, distinct articles).
fn member_sets(d: &Decided) -> Vec<Vec<(String, String)>> {
    let mut by: std::collections::BTreeMap<&str, Vec<(String, String)>> = Default::default();
    for (a, e, c) in &d.mentions {
        by.entry(c.as_deref().expect("every mention has a cluster"))
            .or_default()
            .push((a.clone(), e.clone()));
    }
    let mut sets: Vec<Vec<(String, String)>> = by.into_values().collect();
    for s in &mut sets {
        s.sort();
    }
    sets.sort();
    sets
}

fn ingest_lite(recs: &[Value], batch: usize) -> Store {
    let mut st = Store::open_in_memory().unwrap();
    for b in recs.chunks(batch) {
        st.insert_batch(b).unwrap();
    }
    st
}

#[test]
fn postgres_deduplicates_as_sqlite_does() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    // Constructed reports (wire copies, one event told by several outlets, `same_as`), and
    // pipeline output of generated and example articles.
    for (name, recs, lite_batch, pg_batch) in [
        (
            "constructed",
            dedup_stream(160, 0x9e37_79b9_7f4a_7c15),
            7,
            5,
        ),
        ("pipeline", records(), 40, 17),
    ] {
        let lite = ingest_lite(&recs, lite_batch);
        let want = decided_lite(&lite);
        let url = server.create_database(&format!("dedup_{name}"));
        let mut pg = PgStore::open(&url).unwrap();
        for b in recs.chunks(pg_batch) {
            pg.insert_batch(b).unwrap();
        }
        let got = decided_pg(&url);
        let counts = pg.dedup_counts().unwrap();
        eprintln!(
            "{name}: {} mentions, {} clusters ({} with several mentions, {} with several \
             articles), {} near-duplicate links",
            counts.mentions, counts.clusters, counts.multi, counts.multi_article, counts.duplicates
        );
        assert_eq!(counts, lite.dedup_counts().unwrap(), "{name}");
        // There is something to agree on.
        assert!(counts.multi_article >= 3, "{name}: too few shared clusters");
        assert!(counts.duplicates >= 3, "{name}: too few near duplicates");
        assert!(counts.clusters < counts.mentions, "{name}");
        // Same member sets, then the same ids, summaries, counts and links.
        assert_eq!(member_sets(&got), member_sets(&want), "{name}: members");
        assert_eq!(got.mentions, want.mentions, "{name}: cluster ids");
        assert_eq!(got.clusters, want.clusters, "{name}: summaries and counts");
        assert_eq!(got.links, want.links, "{name}: near-duplicate links");
        // The clustered reads (`query --cluster/--distinct`, exports' counts) agree too.
        let some_cluster = want.mentions[0].2.clone();
        for q in [
            dateline_store::ClusterQuery::default(),
            dateline_store::ClusterQuery {
                distinct: true,
                ..Default::default()
            },
            dateline_store::ClusterQuery {
                cluster: some_cluster,
                ..Default::default()
            },
        ] {
            for f in [
                Filter::default(),
                Filter {
                    root: Some("19".into()),
                    limit: 10,
                    offset: 3,
                    ..Filter::default()
                },
            ] {
                let strip = |rows: Vec<dateline_store::ClusteredRow>| -> Vec<Value> {
                    rows.into_iter()
                        .map(|r| {
                            let mut v = serde_json::to_value(r).unwrap();
                            v.as_object_mut().unwrap().remove("id");
                            v
                        })
                        .collect()
                };
                let a = strip(lite.query_clustered(&f, &q).unwrap());
                let b = strip(pg.query_clustered(&f, &q).unwrap());
                assert_eq!(a, b, "{name}: {q:?} {f:?}");
                assert_eq!(
                    lite.count_clustered(&f, &q).unwrap(),
                    pg.count_clustered(&f, &q).unwrap(),
                    "{name}: {q:?} {f:?}"
                );
            }
        }
        for (doc, _, _) in want.mentions.iter().step_by(7) {
            assert_eq!(
                pg.article_clustered(doc).unwrap(),
                lite.article_clustered(doc).unwrap(),
                "{name}: {doc}"
            );
        }
        // Idempotent: the same records again (in other cuts) change nothing.
        for b in recs.chunks(23) {
            let st = pg.insert_batch(b).unwrap();
            assert_eq!(st.new, 0);
        }
        assert_eq!(decided_pg(&url), got, "{name}: after a re-ingest");
    }
}

/// Bring a database of the current schema back to schema 2: what the previous release wrote
/// (no clusters, no links, no place features; fingerprints made at the time).
fn downgrade_to_2(url: &str) {
    let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
    c.batch_execute(
        "DROP TABLE clusters; DROP TABLE duplicates;
         ALTER TABLE events DROP COLUMN cluster, DROP COLUMN place_feature;
         DELETE FROM dateline_schema WHERE version >= 3;",
    )
    .unwrap();
}

#[test]
fn an_old_postgres_database_is_upgraded_with_the_same_clusters() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let recs = dedup_stream(120, 0x1234_5678_9abc_def1);
    let want = decided_lite(&ingest_lite(&recs, 9));
    let url = server.create_database("upgrade");
    {
        let mut pg = PgStore::open(&url).unwrap();
        // More than one backfill chunk (256 articles) would take many more records; two
        // ingests still test that stored rows are decided in storing order.
        for b in recs.chunks(11) {
            pg.insert_batch(b).unwrap();
        }
    }
    assert_eq!(decided_pg(&url), want, "fresh ingest");
    downgrade_to_2(&url);
    let e = PgStore::open_read_only(&url).err().unwrap().to_string();
    assert!(
        e.contains("an older dateline database") && e.contains("open it once for writing"),
        "{e}"
    );
    let pg = PgStore::open(&url).unwrap();
    assert_eq!(pg.schema_version().unwrap(), 4);
    assert_eq!(decided_pg(&url), want, "after the upgrade");
    let features: i64 = pg
        .client()
        .query_one(
            "SELECT count(*) FROM events WHERE place_feature IS NOT NULL",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(features > 0, "place features read again from the records");
}

const CHILD_URL: &str = "DATELINE_PG_TEST_CHILD_URL";

/// The writer of `a_killed_writer_leaves_whole_batches_and_a_rerun_gives_sqlites_result`:
/// run by that test in a child process (ignored otherwise).
#[test]
#[ignore = "the child process of the kill test"]
fn kill_test_child_writer() {
    let url = std::env::var(CHILD_URL).expect("run by the kill test only");
    let recs = dedup_stream(1500, 77);
    let mut pg = PgStore::open(&url).unwrap();
    for b in recs.chunks(3) {
        pg.insert_batch(b).unwrap();
    }
}

#[test]
fn a_killed_writer_leaves_whole_batches_and_a_rerun_gives_sqlites_result() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("killed");
    drop(PgStore::open(&url).unwrap());
    let recs = dedup_stream(1500, 77);
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "kill_test_child_writer",
            "--ignored",
            "--test-threads=1",
        ])
        .env(CHILD_URL, &url)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let count = |c: &mut postgres::Client| -> i64 {
        c.query_one("SELECT count(*) FROM articles", &[])
            .unwrap()
            .get(0)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while count(&mut c) < 150 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer ended before it was killed"
        );
        assert!(std::time::Instant::now() < deadline, "no commits seen");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = count(&mut c);
    eprintln!(
        "killed the writer with {at_kill} of {} articles stored",
        recs.len()
    );
    assert!((at_kill as usize) < recs.len(), "the kill came too late");
    // Whole batches: every stored mention has its cluster, every cluster's counts are its
    // members', every stored article its fingerprint.
    let r = c
        .query_one(
            "SELECT (SELECT count(*) FROM events WHERE cluster IS NULL),
                    (SELECT count(*) FROM clusters c WHERE c.mentions <>
                        (SELECT count(*) FROM events e WHERE e.cluster = c.id)),
                    (SELECT count(*) FROM articles a WHERE length(a.text) > 100 AND NOT EXISTS
                        (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id)),
                    (SELECT count(DISTINCT cluster) FROM events) - (SELECT count(*) FROM clusters)",
            &[],
        )
        .unwrap();
    let (unclustered, miscounted, unprinted, unsummarised): (i64, i64, i64, i64) =
        (r.get(0), r.get(1), r.get(2), r.get(3));
    assert_eq!(
        (unclustered, miscounted, unprinted, unsummarised),
        (0, 0, 0, 0)
    );
    // Finishing the ingest (the whole stream again) gives what SQLite gives in one go.
    let mut pg = PgStore::open(&url).unwrap();
    let mut st = dateline_store::BatchStats::default();
    for b in recs.chunks(64) {
        st += pg.insert_batch(b).unwrap();
    }
    assert_eq!(st.present, at_kill as u64);
    let lite = ingest_lite(&recs, recs.len());
    assert_eq!(decided_pg(&url), decided_lite(&lite));
}

#[test]
fn concurrent_writers_deduplicate_as_one_writer_in_storing_order() {
    let Some(server) = TempPostgres::start() else {
        return;
    };
    let url = server.create_database("dedup_race");
    drop(PgStore::open(&url).unwrap());
    let recs = dedup_stream(240, 0x5151_2323_abcd_0001);
    // Three writers store interleaved thirds of the stream at once, in small batches.
    let handles: Vec<_> = (0..3)
        .map(|k| {
            let url = url.clone();
            let part: Vec<Value> = recs.iter().skip(k).step_by(3).cloned().collect();
            std::thread::spawn(move || {
                let mut w = PgStore::open(&url).unwrap();
                for b in part.chunks(4) {
                    w.insert_batch(b).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    // Batches are decided one at a time, each against all committed before it, and row ids
    // follow storing order: the result is one writer's over the articles in id order.
    let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let order: Vec<String> = c
        .query("SELECT doc_id FROM articles ORDER BY id", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(order.len(), recs.len());
    let by_id: std::collections::HashMap<&str, &Value> = recs
        .iter()
        .map(|r| (r["article"]["id"].as_str().unwrap(), r))
        .collect();
    let in_order: Vec<Value> = order.iter().map(|d| by_id[d.as_str()].clone()).collect();
    let interleaved = order
        .iter()
        .zip(order.iter().skip(1))
        .filter(|(a, b)| {
            let third = |d: &str| recs.iter().position(|r| r["article"]["id"] == d).unwrap() % 3;
            third(a) != third(b)
        })
        .count();
    eprintln!("{interleaved} changes of writer along the storing order");
    let want = decided_lite(&ingest_lite(&in_order, 10));
    let got = decided_pg(&url);
    assert!(got.links.len() >= 3 && got.clusters.len() < got.mentions.len());
    assert_eq!(got, want);
}
