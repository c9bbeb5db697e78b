use super::*;
use crate::{EventStore, Store};
use serde_json::{Value, json};

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "officials",
    "said",
    "reported",
    "residents",
    "witnesses",
    "morning",
    "district",
    "forces",
    "near",
    "town",
    "local",
    "hospital",
    "market",
    "government",
    "police",
    "crowd",
    "border",
    "river",
    "village",
    "convoy",
    "statement",
    "late",
    "early",
    "several",
    "people",
    "street",
];

/// name, geonameid, country, coordinates.
type PlaceSpec = (&'static str, Option<i64>, &'static str, Option<(f64, f64)>);

/// One event of a synthetic record.
#[derive(Clone)]
struct Ev {
    root: &'static str,
    src: &'static str,
    tgt: &'static str,
    day: &'static str,
    /// name, geonameid, country, lat, lon; `None` coordinates = placed by country only.
    place: Option<PlaceSpec>,
}

fn record(id: &str, source: &str, url: &str, text: &str, published: &str, evs: &[Ev]) -> Value {
    let places: Vec<Value> = evs
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let (name, gid, cc, ll) = e.place?;
            Some(
                json!({"id": format!("p{}", i + 1), "name": name, "geonameid": gid,
                "country": cc, "admin1": null, "lat": ll.map(|x| x.0), "lon": ll.map(|x| x.1),
                "feature": "city", "mentions": []}),
            )
        })
        .collect();
    let events: Vec<Value> = evs
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({"id": format!("v{}", i + 1), "sentence": 0,
                "trigger": {"start": 0, "end": 4}, "text": "word",
                "cameo": format!("{}0", e.root), "cameo_root": e.root, "quad_class": 4,
                "goldstein": -10.0, "plover": {"type": "ASSAULT", "mode": null},
                "status": "occurred",
                "source": [{"entity": null, "code": e.src, "start": 0, "end": 4}],
                "target": if e.tgt.is_empty() { json!([]) }
                          else { json!([{"entity": null, "code": e.tgt, "start": 0, "end": 4}]) },
                "date": {"value": e.day, "precision": "day", "time": null, "basis": "text"},
                "place": e.place.map(|_| json!({"place": format!("p{}", i + 1), "basis": "sentence"})),
                "same_as": null, "confidence": 0.9, "rule": "test"})
        })
        .collect();
    json!({
        "schema": "dateline/1",
        "article": {"id": id, "url": url, "source": source, "title": null, "published": published,
                    "language": "en", "text": text},
        "sentences": [{"start": 0, "end": text.len()}],
        "entities": [], "places": places, "times": [], "events": events, "casualties": [],
        "quotes": []
    })
}

fn text(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Six true events reported by several outlets with varying dates, places and codes, plus wire
/// copies: the records of a constructed stream.
fn stream() -> Vec<Value> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let aleppo = ("Aleppo", Some(170063), "SY", Some((36.2, 37.16)));
    let damascus = ("Damascus", Some(170654), "SY", Some((33.51, 36.29)));
    let syria = ("Syria", None, "SY", None);
    let truth = [
        ("19", "SYRMIL", "SYRREB", "2024-03-05", aleppo),
        ("19", "SYRMIL", "SYRREB", "2024-03-05", damascus),
        ("18", "SYRREB", "SYRCVL", "2024-03-05", aleppo),
        ("19", "SYRMIL", "SYRREB", "2024-03-12", aleppo),
        ("14", "SYROPP", "SYRGOV", "2024-03-06", damascus),
        ("04", "USAGOV", "RUSGOV", "2024-03-06", damascus),
    ];
    let days = [
        "2024-03-04",
        "2024-03-05",
        "2024-03-06",
        "2024-03-11",
        "2024-03-12",
        "2024-03-13",
        "2024-03-07",
    ];
    let mut out: Vec<Value> = Vec::new();
    for i in 0..48 {
        let t = &truth[rng.below(truth.len() as u64) as usize];
        // The date a day off, sometimes; the place by country only, sometimes; a side uncoded.
        let base = days.iter().position(|d| *d == t.3).unwrap();
        let day = match rng.below(4) {
            0 if base > 0 && days[base - 1] < t.3 => days[base - 1],
            1 if base + 1 < days.len() && days[base + 1] > t.3 => days[base + 1],
            _ => t.3,
        };
        let place = match rng.below(4) {
            0 => Some(syria),
            1 => None,
            _ => Some(t.4),
        };
        let tgt = if rng.below(5) == 0 { "" } else { t.2 };
        let ev = Ev {
            root: t.0,
            src: t.1,
            tgt,
            day,
            place,
        };
        let body = text(&mut rng, 40);
        let source = format!("Outlet {}", rng.below(9));
        let url = format!("https://news{}.example/{i}", rng.below(9));
        out.push(record(
            &format!("a{i}"),
            &source,
            &url,
            &body,
            day,
            std::slice::from_ref(&ev),
        ));
        // A wire copy now and then: the same text with a new lead, on another outlet.
        if rng.below(4) == 0 {
            let copy = format!("PARIS (Wire) - {body}");
            out.push(record(
                &format!("w{i}"),
                "Copy Post",
                &format!("https://copy.example/{i}"),
                &copy,
                day,
                &[ev],
            ));
        }
    }
    out
}

type Snapshot = (
    Vec<(String, String, String)>,
    Vec<Vec<String>>,
    Vec<(String, String, String)>,
);

fn snapshot(st: &Store) -> Snapshot {
    let c = st.connection();
    let events = c
        .prepare("SELECT a.doc_id, e.event_id, e.cluster FROM events e JOIN articles a ON a.id = e.article_id ORDER BY 1, 2")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let clusters = c
        .prepare("SELECT id, root, cameo, status, date_start, date_end, place_name, geonameid, mentions, articles, sources FROM clusters ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            (0..11)
                .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    let dups = c
        .prepare("SELECT a.doc_id, o.doc_id, r.doc_id FROM duplicates d JOIN articles a ON a.id = d.article_id JOIN articles o ON o.id = d.of_article JOIN articles r ON r.id = d.root ORDER BY 1")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    (events, clusters, dups)
}

fn ingest(records: &[Value], batch: usize) -> Store {
    let mut st = Store::open_in_memory().unwrap();
    for chunk in records.chunks(batch) {
        st.insert_batch(chunk).unwrap();
    }
    st
}

#[test]
fn clusters_and_links_do_not_depend_on_batch_size() {
    let records = stream();
    let whole = snapshot(&ingest(&records, records.len()));
    // The stream has real work in it: shared clusters and wire copies.
    assert!(
        whole.1.iter().any(|c| c[8] != "Integer(1)"),
        "no multi-mention cluster"
    );
    assert!(whole.1.len() < whole.0.len());
    assert!(!whole.2.is_empty(), "no duplicate found");
    for size in [1, 7] {
        assert_eq!(
            snapshot(&ingest(&records, size)),
            whole,
            "batch size {size}"
        );
    }
    // Every mention has a cluster, every cluster a summary.
    assert!(whole.0.iter().all(|e| e.2.starts_with("ev")));
}

#[test]
fn a_later_ingest_joins_the_stored_cluster_and_counts_grow() {
    let aleppo = Some(("Aleppo", Some(170063), "SY", Some((36.2, 37.16))));
    let ev = |day| Ev {
        root: "19",
        src: "SYRMIL",
        tgt: "SYRREB",
        day,
        place: aleppo,
    };
    let mut rng = Rng(7);
    let a = record(
        "a",
        "One",
        "https://one.example/a",
        &text(&mut rng, 30),
        "2024-03-05",
        &[ev("2024-03-05")],
    );
    let b = record(
        "b",
        "Two",
        "https://two.example/b",
        &text(&mut rng, 30),
        "2024-03-06",
        &[ev("2024-03-06")],
    );
    let mut st = Store::open_in_memory().unwrap();
    st.insert_batch(&[a]).unwrap();
    let first = st.clusters_of_article("a").unwrap()["v1"].clone();
    assert_eq!((first.mentions, first.articles, first.sources), (1, 1, 1));
    st.insert_batch(&[b]).unwrap();
    let joined = st.clusters_of_article("b").unwrap()["v1"].clone();
    assert_eq!(
        joined.id, first.id,
        "the later report joins the stored event"
    );
    assert_eq!(
        (joined.mentions, joined.articles, joined.sources),
        (2, 2, 2)
    );
    // Each mention keeps its own report (its own date).
    let rows = st
        .query_clustered(
            &crate::Filter::default(),
            &ClusterQuery {
                cluster: joined.id.clone(),
                distinct: false,
            },
        )
        .unwrap();
    let mut dates: Vec<_> = rows.iter().map(|r| r.row.date.clone().unwrap()).collect();
    dates.sort();
    assert_eq!(dates, ["2024-03-05", "2024-03-06"]);
    let distinct = st
        .query_clustered(
            &crate::Filter::default(),
            &ClusterQuery {
                cluster: None,
                distinct: true,
            },
        )
        .unwrap();
    assert_eq!(distinct.len(), 1);
    assert_eq!(distinct[0].mentions, Some(2));
    assert_eq!(
        st.count_clustered(
            &crate::Filter::default(),
            &ClusterQuery {
                cluster: None,
                distinct: true
            }
        )
        .unwrap(),
        1
    );
    // A report 4 days later, or of another root, is another event.
    let c = record(
        "c",
        "Three",
        "https://three.example/c",
        &text(&mut rng, 30),
        "2024-03-09",
        &[ev("2024-03-09")],
    );
    st.insert_batch(&[c]).unwrap();
    assert_ne!(st.clusters_of_article("c").unwrap()["v1"].id, first.id);
    let counts = st.dedup_counts().unwrap();
    assert_eq!((counts.mentions, counts.clusters, counts.multi), (3, 2, 1));
}

#[test]
fn mentions_read_back_equal_the_prepared_ones() {
    let records = stream();
    let st = ingest(&records, 5);
    let mut cache = ClusterCache::default();
    let known = SqlKnown::new(st.connection(), &mut cache);
    for r in records.iter().take(12) {
        let p = Prepared::new(r).unwrap();
        let clusters = st
            .clusters_of_article(r["article"]["id"].as_str().unwrap())
            .unwrap();
        for e in &p.events {
            let m = mention(&p.key, p.source.as_deref(), e);
            let cid = clusters[&e.event_id].id.clone().unwrap();
            let members = known.members(&cid).unwrap();
            let stored = members
                .iter()
                .find(|x| x.article == m.article && x.event == m.event);
            if let Some(stored) = stored {
                let mut m = m.clone();
                m.same_as = None;
                assert_eq!(stored, &m);
            }
        }
    }
}

#[test]
fn an_old_database_is_upgraded_with_the_same_clusters() {
    let records = stream();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let fresh = {
        let mut st = Store::open(&path).unwrap();
        for c in records.chunks(10) {
            st.insert_batch(c).unwrap();
        }
        snapshot(&st)
    };
    // Take the database back to schema version 1: what dateline stored before deduplication.
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "DROP INDEX events_cluster; DROP INDEX events_root_clday;
             ALTER TABLE events DROP COLUMN cluster; ALTER TABLE events DROP COLUMN cl_start;
             ALTER TABLE events DROP COLUMN cl_end; ALTER TABLE events DROP COLUMN place_feature;
             DROP TABLE clusters; DROP TABLE fingerprints;
             DROP TABLE fingerprint_bands; DROP TABLE duplicates; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    // Opening it to read brings it up to date first (write access once).
    drop(Store::open_read_only(&path).expect("an old schema is upgraded, then read"));
    let st = Store::open(&path).unwrap();
    assert_eq!(
        st.schema_version().unwrap(),
        crate::schema::MIGRATIONS.len() as i64
    );
    assert_eq!(snapshot(&st), fresh);
}

#[test]
fn day_numbers_are_days_since_1970() {
    assert_eq!(day_string(0).as_deref(), Some("1970-01-01"));
    let n = dateline_dedup::date::days_from_civil(2024, 3, 5) as i64;
    assert_eq!(day_string(n).as_deref(), Some("2024-03-05"));
}

#[test]
fn a_version_2_database_is_decided_again() {
    let records = stream();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let fresh = {
        let mut st = Store::open(&path).unwrap();
        st.insert_batch(&records).unwrap();
        snapshot(&st)
    };
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "ALTER TABLE events DROP COLUMN place_feature; UPDATE events SET cluster = 'stale';
             DELETE FROM duplicates; PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    assert_eq!(snapshot(&Store::open(&path).unwrap()), fresh);
}

/// Every column of every cluster summary, in id order.
fn summaries(st: &Store) -> Vec<Vec<String>> {
    st.connection()
        .prepare(
            "SELECT id, first_event, root, cameo, status, date_start, date_end, place_name,
                    geonameid, place_country, admin1, lat, lon, mentions, articles, sources
             FROM clusters ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            (0..16)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
}

#[test]
fn summaries_kept_up_batch_by_batch_equal_a_recount_from_the_members() {
    let records = stream();
    for size in [1, 4, records.len()] {
        let st = ingest(&records, size);
        let kept = summaries(&st);
        assert!(kept.iter().any(|c| c[13] != "Integer(1)"), "no growth");
        assert!(kept.iter().any(|c| c[15] != "Integer(0)"), "no sources");
        let ids: Vec<String> = kept.iter().map(|c| c[0].clone()).collect();
        let ids: Vec<String> = ids
            .iter()
            .map(|s| {
                s.trim_start_matches("Text(\"")
                    .trim_end_matches("\")")
                    .to_string()
            })
            .collect();
        summarise(st.connection(), ids.iter().map(String::as_str)).unwrap();
        assert_eq!(summaries(&st), kept, "batch size {size}");
    }
}

#[test]
fn two_writers_taking_turns_on_one_file_cluster_as_one_writer_does() {
    let records = stream();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    for (i, chunk) in records.chunks(3).enumerate() {
        let st = if i % 3 == 1 { &mut b } else { &mut a };
        st.insert_batch(chunk).unwrap();
    }
    let one = ingest(&records, 3);
    assert_eq!(snapshot(&a), snapshot(&one));
    assert_eq!(summaries(&a), summaries(&one));
}

#[test]
fn a_writer_reads_again_what_another_writer_added_to_its_clusters() {
    // X (day 5) founds a cluster through writer A; Y (day 7) joins it through writer B; Z (day 3)
    // agrees with X but is four days from Y, so complete linkage keeps it out. A writer that
    // remembered the cluster as it was before B wrote would put Z in.
    let aleppo = Some(("Aleppo", Some(170063), "SY", Some((36.2, 37.16))));
    let ev = |day| Ev {
        root: "19",
        src: "SYRMIL",
        tgt: "SYRREB",
        day,
        place: aleppo,
    };
    let mut rng = Rng(11);
    let rec = |id: &str, day: &'static str, rng: &mut Rng| {
        record(
            id,
            id,
            &format!("https://{id}.example/{id}"),
            &text(rng, 30),
            day,
            &[ev(day)],
        )
    };
    let (x, y, z) = (
        rec("x", "2024-03-05", &mut rng),
        rec("y", "2024-03-07", &mut rng),
        rec("z", "2024-03-03", &mut rng),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("turns.db");
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    a.insert_batch(&[x]).unwrap();
    b.insert_batch(&[y]).unwrap();
    a.insert_batch(&[z]).unwrap();
    let of = |doc: &str| {
        a.clusters_of_article(doc).unwrap()["v1"]
            .id
            .clone()
            .unwrap()
    };
    assert_eq!(of("x"), of("y"));
    assert_ne!(of("z"), of("x"), "z joined a cluster it disagrees with");
}

#[test]
fn a_bulk_batch_builds_its_event_indexes_after_the_rows_with_the_same_result() {
    // 1,200 events in 300 articles: one batch is past DEFER_INDEXES_FROM into an empty store,
    // so its event and actor indexes are dropped and built again; batches of 100 keep them.
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let aleppo = ("Aleppo", Some(170063), "SY", Some((36.2, 37.16)));
    let roots = ["19", "18", "14", "04"];
    let days = ["2024-03-04", "2024-03-05", "2024-03-06", "2024-03-12"];
    let records: Vec<Value> = (0..300)
        .map(|i| {
            let evs: Vec<Ev> = (0..4)
                .map(|k| Ev {
                    root: roots[(i + k) % roots.len()],
                    src: "SYRMIL",
                    tgt: if k % 2 == 0 { "SYRREB" } else { "" },
                    day: days[rng.below(days.len() as u64) as usize],
                    place: (rng.below(3) > 0).then_some(aleppo),
                })
                .collect();
            let body = text(&mut rng, 30);
            let url = format!("https://bulk.example/{i}");
            record(&format!("b{i}"), "Bulk", &url, &body, evs[0].day, &evs)
        })
        .collect();
    let events: usize = records
        .iter()
        .map(|r| r["events"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(events >= crate::DEFER_INDEXES_FROM, "{events} events");
    let dump = |st: &Store| -> Vec<String> {
        let c = st.connection();
        let mut out = Vec::new();
        for sql in [
            "SELECT name || ' ' || sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL",
            "SELECT quote(id) || quote(article_id) || quote(event_id) || quote(root) \
             || quote(date_start) || quote(status) || quote(place_country) || quote(lat) \
             || quote(cluster) FROM events",
            "SELECT quote(event_id) || quote(role) || quote(code) FROM event_actors",
            "PRAGMA integrity_check",
        ] {
            let mut rows: Vec<String> = c
                .prepare(sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            out.extend(rows);
        }
        out
    };
    let whole = ingest(&records, records.len());
    let small = ingest(&records, 100);
    assert_eq!(snapshot(&whole), snapshot(&small));
    assert_eq!(dump(&whole), dump(&small));
    assert!(dump(&whole).contains(&"ok".to_string()));
    // The filters read the rebuilt indexes.
    let f = crate::Filter {
        root: Some("19".into()),
        ..Default::default()
    };
    assert_eq!(whole.count(&f).unwrap(), small.count(&f).unwrap());
    assert!(whole.count(&f).unwrap() > 0);
}
