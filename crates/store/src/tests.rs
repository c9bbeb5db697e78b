use super::*;
use serde_json::json;

/// A small but complete dateline/1 record: two sentences, two events.
fn record(id: &str, url: Option<&str>, text_tail: &str) -> Value {
    let s1 = "Russian troops shelled Kharkiv on Monday.";
    let s2 = "France did not condemn the attack.";
    let text = format!("{s1} {s2}{text_tail}");
    let s2_start = s1.len() + 1;
    json!({
        "schema": "dateline/1",
        "article": {
            "id": id, "url": url, "source": "Test Wire", "title": "Shelling in Kharkiv",
            "standfirst": null, "published": "2022-03-01", "published_from": "input",
            "language": "en", "text": text
        },
        "removed": [],
        "sentences": [{"start": 0, "end": s1.len()}, {"start": s2_start, "end": s2_start + s2.len()}],
        "entities": [
            {"id": "e1", "kind": "group", "name": "Russian troops", "title": null,
             "actor": {"code": "RUSMIL", "country": "RUS", "sector": "MIL"}, "place": null,
             "mentions": [{"start": 0, "end": 14}]},
            {"id": "e2", "kind": "country", "name": "France", "title": null,
             "actor": {"code": "FRA", "country": "FRA", "sector": null}, "place": null,
             "mentions": [{"start": s2_start, "end": s2_start + 6}]}
        ],
        "places": [
            {"id": "p1", "name": "Kharkiv", "geonameid": 706483, "country": "UA",
             "admin1": "Kharkivska", "lat": 49.98, "lon": 36.25, "feature": "city",
             "mentions": [{"start": 23, "end": 30}]}
        ],
        "times": [],
        "events": [
            {"id": "v1", "sentence": 0, "trigger": {"start": 15, "end": 22}, "text": "shelled",
             "cameo": "195", "cameo_root": "19", "quad_class": 4, "goldstein": -10.0,
             "plover": {"type": "ASSAULT", "mode": "aerial"}, "status": "occurred",
             "source": [{"entity": "e1", "code": "RUSMIL", "start": 0, "end": 14}],
             "target": [],
             "date": {"value": "2022-02-28", "precision": "day", "time": null, "basis": "text"},
             "place": {"place": "p1", "basis": "sentence"}, "reported_by": null,
             "confidence": 0.9, "rule": "test"},
            {"id": "v2", "sentence": 1, "trigger": {"start": s2_start + 15, "end": s2_start + 22},
             "text": "condemn", "cameo": "122", "cameo_root": "12", "quad_class": 3,
             "goldstein": -4.0, "plover": {"type": "REJECT", "mode": null}, "status": "negated",
             "source": [{"entity": "e2", "code": "FRA", "start": s2_start, "end": s2_start + 6}],
             "target": [{"entity": "e1", "code": "RUSMIL", "start": 0, "end": 14}],
             "date": {"value": "2022-03", "precision": "month", "time": null, "basis": "published"},
             "place": null, "reported_by": null, "confidence": 0.6, "rule": "test"}
        ],
        "casualties": [
            {"id": "c1", "sentence": 0, "start": 0, "end": 5, "text": "Russi", "kind": "killed",
             "min": 3, "max": 3, "approx": false, "group": "people", "part_of": null,
             "event": "v1", "place": "p1", "date": null, "reported_by": null}
        ],
        "quotes": []
    })
}

fn filter() -> Filter {
    Filter::default()
}

#[test]
fn the_same_article_twice_is_stored_once() {
    let mut st = Store::open_in_memory().unwrap();
    let batch = vec![record("a", None, ""), record("b", None, " More.")];
    let first = st.insert_batch(&batch).unwrap();
    assert_eq!((first.new, first.present, first.events), (2, 0, 4));
    let before = st.counts().unwrap();
    let second = st.insert_batch(&batch).unwrap();
    assert_eq!((second.new, second.present, second.events), (0, 2, 0));
    assert_eq!(st.counts().unwrap(), before);
    assert_eq!(before.articles, 2);
    assert_eq!(before.events, 4);
    assert_eq!(before.event_actors, 6);
    assert_eq!(before.casualties, 2);
}

#[test]
fn keys_are_the_canonical_url_else_the_text() {
    let mut st = Store::open_in_memory().unwrap();
    // Same URL up to tracking and case, different text: one article.
    let a = record("a", Some("https://www.example.com/x?utm_source=t"), "");
    let b = record("b", Some("http://example.com/x/"), " Updated.");
    // Same text re-wrapped, no URL: one article. Different id, same text: still one.
    let c = record("c", None, " Tail.");
    let mut d = record("d", None, " Tail.");
    d["article"]["text"] =
        Value::String(d["article"]["text"].as_str().unwrap().replace(' ', "\n  "));
    let stats = st.insert_batch(&[a, b, c, d]).unwrap();
    assert_eq!((stats.new, stats.present), (2, 2));
}

#[test]
fn error_records_are_skipped_not_fatal() {
    let mut st = Store::open_in_memory().unwrap();
    let err = json!({"schema": "dateline/1", "error": {"input": "x", "message": "bad"}});
    let stats = st.insert_batch(&[err, record("a", None, "")]).unwrap();
    assert_eq!((stats.new, stats.invalid), (1, 1));
}

#[test]
fn the_record_comes_back_whole() {
    let mut st = Store::open_in_memory().unwrap();
    let r = record("a", Some("https://example.com/a"), "");
    st.insert_batch(std::slice::from_ref(&r)).unwrap();
    assert_eq!(st.article("a").unwrap().unwrap(), r);
    assert_eq!(st.article("zzz").unwrap(), None);
}

#[test]
fn event_rows_carry_evidence_place_and_actors() {
    let mut st = Store::open_in_memory().unwrap();
    st.insert_batch(&[record("a", None, "")]).unwrap();
    let rows = st.query(&filter()).unwrap();
    assert_eq!(rows.len(), 2);
    // Newest date range first: 2022-03 (starts 03-01) before 2022-02-28.
    assert_eq!(rows[0].event, "v2");
    let v1 = &rows[1];
    assert_eq!(
        v1.evidence.as_deref(),
        Some("Russian troops shelled Kharkiv on Monday.")
    );
    assert_eq!(v1.trigger.as_deref(), Some("shelled"));
    assert_eq!(v1.source_actor.as_deref(), Some("RUSMIL"));
    assert_eq!(v1.source_country.as_deref(), Some("RUS"));
    assert_eq!(v1.place.as_deref(), Some("Kharkiv"));
    assert_eq!(v1.place_country.as_deref(), Some("UA"));
    assert_eq!(v1.geonameid, Some(706483));
    assert_eq!(v1.outlet.as_deref(), Some("Test Wire"));
    assert_eq!(rows[0].target_actor.as_deref(), Some("RUSMIL"));
    assert_eq!(
        rows[0].evidence.as_deref(),
        Some("France did not condemn the attack.")
    );
}

#[test]
fn filters_select_what_they_name() {
    let mut st = Store::open_in_memory().unwrap();
    let mut other = record("b", None, " Other.");
    other["article"]["source"] = json!("Other Post");
    other["article"]["title"] = json!("Harvest festival");
    other["article"]["text"] =
        json!(other["article"]["text"].as_str().unwrap().to_string() + " Farmers celebrated.");
    st.insert_batch(&[record("a", None, ""), other]).unwrap();
    let ids = |f: Filter| -> Vec<String> {
        let mut v: Vec<String> = st
            .query(&f)
            .unwrap()
            .into_iter()
            .map(|r| format!("{}/{}", r.article, r.event))
            .collect();
        v.sort();
        assert_eq!(st.count(&f).unwrap() as usize, v.len());
        v
    };
    let one =
        |f: Filter| -> Vec<String> { ids(f).into_iter().filter(|x| x.starts_with("a/")).collect() };
    let set = |o: &str| Some(o.to_string());
    assert_eq!(
        one(Filter {
            actor: set("RUS"),
            ..filter()
        }),
        ["a/v1", "a/v2"]
    );
    assert_eq!(
        one(Filter {
            actor: set("rusmil"),
            ..filter()
        }),
        ["a/v1", "a/v2"]
    );
    // confidence 0.9 and 0.6: the bound is inclusive, and combines with the other conditions
    assert_eq!(
        one(Filter {
            min_confidence: Some(0.7),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            min_confidence: Some(0.6),
            ..filter()
        }),
        ["a/v1", "a/v2"]
    );
    assert_eq!(
        one(Filter {
            min_confidence: Some(0.7),
            status: set("negated"),
            ..filter()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        one(Filter {
            min_confidence: Some(0.7),
            root: set("19"),
            place_country: set("ua"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            actor: set("FRA"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert!(
        one(Filter {
            actor: set("RUSGOV"),
            ..filter()
        })
        .is_empty()
    );
    assert_eq!(
        one(Filter {
            country: set("fra"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert_eq!(
        one(Filter {
            cameo: set("19"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            cameo: set("1951"),
            ..filter()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        one(Filter {
            root: set("19"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            plover: set("reject"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert_eq!(
        one(Filter {
            quad: Some(4),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            status: set("negated"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert_eq!(
        one(Filter {
            from: set("2022-03-01"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert_eq!(
        one(Filter {
            to: set("2022-02-28"),
            ..filter()
        }),
        ["a/v1"]
    );
    // A month-long date range lies within a query month, not within one of its days.
    assert_eq!(
        one(Filter {
            to: set("2022-03-15"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            from: set("2022-03"),
            to: set("2022-03"),
            ..filter()
        }),
        ["a/v2"]
    );
    assert_eq!(
        one(Filter {
            place_country: set("ua"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            admin1: set("kharkivska"),
            ..filter()
        }),
        ["a/v1"]
    );
    assert_eq!(
        one(Filter {
            bbox: Some([30.0, 45.0, 40.0, 55.0]),
            ..filter()
        }),
        ["a/v1"]
    );
    assert!(
        one(Filter {
            bbox: Some([0.0, 0.0, 10.0, 10.0]),
            ..filter()
        })
        .is_empty()
    );
    // Crossing the antimeridian: 170E..-170 does not hold 36E.
    assert!(
        one(Filter {
            bbox: Some([170.0, 45.0, -170.0, 55.0]),
            ..filter()
        })
        .is_empty()
    );
    assert_eq!(
        ids(Filter {
            source: set("other post"),
            ..filter()
        }),
        ["b/v1", "b/v2"]
    );
    assert_eq!(
        ids(Filter {
            text: set("farmers"),
            ..filter()
        }),
        ["b/v1", "b/v2"]
    );
    assert_eq!(
        ids(Filter {
            text: set("harvest AND festival"),
            ..filter()
        })
        .len(),
        2
    );
    assert_eq!(
        ids(Filter {
            text: set("kharkiv"),
            ..filter()
        })
        .len(),
        4
    );
    assert_eq!(
        ids(Filter {
            status: set("negated"),
            text: set("farmers"),
            ..filter()
        }),
        ["b/v2"]
    );
    // limit and offset page through the same order.
    let all = st.query(&filter()).unwrap();
    let page = st
        .query(&Filter {
            limit: 2,
            offset: 1,
            ..filter()
        })
        .unwrap();
    assert_eq!(page, all[1..3].to_vec());
}

#[test]
fn bad_filter_values_are_errors() {
    let st = Store::open_in_memory().unwrap();
    let set = |o: &str| Some(o.to_string());
    for f in [
        Filter {
            root: set("x"),
            ..filter()
        },
        Filter {
            root: set("190"),
            ..filter()
        },
        Filter {
            cameo: set("19%"),
            ..filter()
        },
        Filter {
            quad: Some(5),
            ..filter()
        },
        Filter {
            status: set("maybe"),
            ..filter()
        },
        Filter {
            from: set("yesterday"),
            ..filter()
        },
        Filter {
            bbox: Some([0.0, 10.0, 1.0, 5.0]),
            ..filter()
        },
        Filter {
            text: set("\"unbalanced"),
            ..filter()
        },
        Filter {
            min_confidence: Some(1.5),
            ..filter()
        },
        Filter {
            min_confidence: Some(f64::NAN),
            ..filter()
        },
    ] {
        let e = st.query(&f).unwrap_err();
        assert!(matches!(e, Error::Filter(_)), "{f:?}: {e}");
    }
    // Quotes and SQL in a filter value are only ever data.
    let f = Filter {
        source: set("x' OR 1=1 --"),
        ..filter()
    };
    assert!(st.query(&f).unwrap().is_empty());
}

#[test]
fn a_file_store_reopens_at_the_same_schema_and_refuses_newer_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut st = Store::open(&path).unwrap();
        st.insert_batch(&[record("a", None, "")]).unwrap();
        let mode: String = st
            .connection()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
    let st = Store::open(&path).unwrap();
    assert_eq!(
        st.schema_version().unwrap(),
        schema::MIGRATIONS.len() as i64
    );
    assert_eq!(st.counts().unwrap().articles, 1);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.counts().unwrap().events, 2);
    st.connection()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    drop(st);
    drop(ro);
    assert!(matches!(
        Store::open(&path),
        Err(Error::NewerSchema { found: 99, .. })
    ));
}

#[test]
fn a_new_store_writes_its_first_batch_without_a_log_and_an_interrupted_one_is_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    {
        // a new file: no write-ahead log until the first batch has committed, WAL after it
        let mut st = Store::open(&path).unwrap();
        let mode = |st: &Store| -> String {
            st.connection()
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(mode(&st), "delete");
        st.insert_batch(&[record("a", None, "")]).unwrap();
        assert_eq!(mode(&st), "wal");
    }
    // A new store's first batch killed in the middle of its commit: the state on disk is the
    // database and its hot rollback journal, with no process holding a lock. It is made here
    // by copying both files while a rollback-journal transaction that spilled pages is open.
    let crashed = dir.path().join("crashed.db");
    {
        let c = Connection::open(&path).unwrap();
        let mode: String = c
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        c.execute_batch("PRAGMA cache_size = 5; BEGIN IMMEDIATE")
            .unwrap();
        for i in 0..400 {
            c.execute(
                "INSERT INTO articles (doc_id, key, content_hash, text, record)
                 VALUES (?1, ?2, 'h', ?3, '{}')",
                params![format!("x{i}"), format!("k{i}"), "words ".repeat(200)],
            )
            .unwrap();
        }
        let journal = dir.path().join("new.db-journal");
        assert!(
            journal.exists(),
            "no rollback journal while the batch is open"
        );
        std::fs::copy(&path, &crashed).unwrap();
        std::fs::copy(&journal, dir.path().join("crashed.db-journal")).unwrap();
        c.execute_batch("ROLLBACK").unwrap();
    }
    // Reading it needs the journal rolled back, which only a writer can do: done once, with
    // a notice; the store then holds what it held before the interrupted batch.
    let ro = Store::open_read_only(&crashed).unwrap();
    assert_eq!(ro.counts().unwrap().articles, 1);
    assert!(!dir.path().join("crashed.db-journal").exists());
    let ok: String = ro
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");

    // The same state in a SQLite file dateline never wrote: rolled back, then refused as
    // before, and given no dateline schema.
    let other = dir.path().join("other.db");
    let foreign = dir.path().join("foreign.db");
    {
        let c = Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x TEXT); PRAGMA cache_size = 5; BEGIN IMMEDIATE")
            .unwrap();
        for _ in 0..400 {
            c.execute("INSERT INTO t VALUES (?1)", ["words ".repeat(200)])
                .unwrap();
        }
        std::fs::copy(&other, &foreign).unwrap();
        std::fs::copy(
            dir.path().join("other.db-journal"),
            dir.path().join("foreign.db-journal"),
        )
        .unwrap();
        c.execute_batch("ROLLBACK").unwrap();
    }
    let e = Store::open_read_only(&foreign)
        .err()
        .expect("a foreign file is refused");
    assert!(e.to_string().contains("not a dateline database"), "{e}");
    let c = Connection::open(&foreign).unwrap();
    let (version, tables): (i64, i64) = c
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_schema WHERE type = 'table')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((version, tables), (0, 1));
}

#[test]
fn an_older_store_opened_for_reading_is_upgraded_once_and_an_unknown_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut st = Store::open(&path).unwrap();
        st.insert_batch(&[record("a", None, "")]).unwrap();
    }
    {
        // What a dateline of schema 4 left: no facet table.
        let c = Connection::open(&path).unwrap();
        c.execute_batch("DROP TABLE event_facets; PRAGMA user_version = 4;")
            .unwrap();
    }
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(
        ro.schema_version().unwrap(),
        schema::MIGRATIONS.len() as i64
    );
    assert_eq!(ro.counts().unwrap().events, 2);
    drop(ro);
    // A SQLite file dateline never wrote is refused, and named as such.
    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    let e = Store::open_read_only(&other).err().unwrap().to_string();
    assert!(e.contains("not a dateline database"), "{e}");
}

#[test]
fn a_failed_batch_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut st = Store::open(&path).unwrap();
    // A trigger that fails on the second article makes the whole batch roll back.
    st.connection()
        .execute_batch(
            "CREATE TRIGGER boom BEFORE INSERT ON articles WHEN NEW.doc_id = 'b'
             BEGIN SELECT RAISE(ABORT, 'boom'); END;",
        )
        .unwrap();
    let r = st.insert_batch(&[record("a", None, ""), record("b", None, " B.")]);
    assert!(r.is_err());
    assert_eq!(st.counts().unwrap(), Counts::default());
}

#[test]
fn common_actors_places_and_words_take_the_newest_first_plan_with_the_same_answers() {
    let mut st = Store::open_in_memory().unwrap();
    // 2600 articles, 5200 events, 7800 actor rows: over the "common" threshold.
    let batch: Vec<Value> = (0..2600)
        .map(|k| {
            let mut r = record(&format!("a{k}"), None, &format!(" Item {k}."));
            r["events"][0]["date"]["value"] = json!(format!("2021-{:02}-15", 1 + k % 12));
            r
        })
        .collect();
    st.insert_batch(&batch).unwrap();
    let set = |v: &str| Some(v.to_string());
    for (f, want) in [
        (
            Filter {
                actor: set("RUS"),
                ..filter()
            },
            5200,
        ),
        (
            Filter {
                country: set("FRA"),
                ..filter()
            },
            2600,
        ),
        (
            Filter {
                bbox: Some([30.0, 45.0, 40.0, 55.0]),
                ..filter()
            },
            2600,
        ),
        (
            Filter {
                text: set("kharkiv"),
                ..filter()
            },
            5200,
        ),
        (
            Filter {
                text: set("kharkiv"),
                actor: set("FRA"),
                ..filter()
            },
            2600,
        ),
    ] {
        assert_eq!(st.count(&f).unwrap(), want, "{f:?}");
        let page = st
            .query(&Filter {
                limit: 50,
                ..f.clone()
            })
            .unwrap();
        assert_eq!(page.len(), 50);
        // Newest first: the March 2022 events (v2) lead when they match, else December 2021.
        let lead = page[0].date.as_deref().unwrap();
        assert!(lead == "2022-03" || lead == "2021-12-15", "{f:?}: {lead}");
        let dates: Vec<&str> = page.iter().filter_map(|r| r.date.as_deref()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted, "{f:?}");
    }
}

#[test]
fn processes_opening_a_new_file_at_once_migrate_it_once() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("race{round}.db"));
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
        let handles: Vec<_> = (0..4)
            .map(|i| {
                let path = path.clone();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    let mut s = Store::open(&path).unwrap();
                    s.insert_batch(&[record(&format!("r{i}"), None, &format!(" Tail {i}."))])
                        .unwrap();
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), schema::MIGRATIONS.len() as i64);
        assert_eq!(s.counts().unwrap().articles, 4);
    }
}

#[test]
fn a_version_3_database_gains_the_code_index_with_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let f = Filter {
        cameo: Some("12".into()),
        ..filter()
    };
    let before = {
        let mut st = Store::open(&path).unwrap();
        st.insert_batch(&[record("a", Some("https://x.example/a"), "one")])
            .unwrap();
        st.query(&f).unwrap()
    };
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("DROP INDEX events_cameo_date; PRAGMA user_version = 3;")
            .unwrap();
    }
    // Opening it to read brings it up to date first (write access once).
    drop(Store::open_read_only(&path).expect("version 3 is upgraded, then read"));
    let st = Store::open(&path).unwrap();
    assert_eq!(
        st.schema_version().unwrap(),
        schema::MIGRATIONS.len() as i64
    );
    let plan = st.query_plan(&f).unwrap().join("\n");
    assert!(plan.contains("events_cameo_date"), "{plan}");
    assert_eq!(before.len(), 1);
    assert_eq!(st.query(&f).unwrap(), before);
}

#[test]
fn a_bad_bounding_box_is_a_filter_error_and_an_antimeridian_box_is_not() {
    let st = Store::open_in_memory().unwrap();
    for bad in [[0.0, 10.0, 5.0, 5.0], [f64::NAN, 0.0, 5.0, 5.0]] {
        let f = Filter {
            bbox: Some(bad),
            ..filter()
        };
        assert!(matches!(st.query(&f), Err(Error::Filter(_))), "{bad:?}");
    }
    let across = Filter {
        bbox: Some([170.0, 45.0, -170.0, 55.0]),
        ..filter()
    };
    assert_eq!(across.checked_bbox().unwrap(), across.bbox);
    assert!(st.query(&across).is_ok());
}

/// What a prepared record stores, as text: its article row and every event, actor and casualty
/// row it will write.
fn prepared_rows(p: &Prepared) -> String {
    let mut out = format!(
        "{:?}\n",
        (
            &p.doc_id,
            &p.key,
            &p.url,
            &p.hash,
            &p.source,
            &p.title,
            &p.published,
            &p.language,
            &p.text,
            &p.json
        )
    );
    for e in &p.events {
        out += &format!(
            "{:?} {:?} {:?}\n",
            (
                &e.event_id,
                e.sentence,
                e.sentence_span,
                &e.evidence,
                e.trigger_start,
                e.trigger_end,
                &e.trigger_text,
                &e.cameo,
                &e.root,
                e.quad_class,
                e.goldstein
            ),
            (
                &e.plover_type,
                &e.plover_mode,
                &e.status,
                e.confidence,
                &e.date_value,
                &e.date_precision,
                &e.date_basis,
                &e.date_bounds,
                &e.place_name,
                e.geonameid,
                &e.place_country,
                &e.admin1
            ),
            (
                e.lat,
                e.lon,
                &e.place_basis,
                &e.place_feature,
                &e.same_as,
                e.cl_days
            )
        );
        for a in &e.actors {
            out += &format!(
                "  {:?}\n",
                (
                    a.role,
                    &a.code,
                    &a.country,
                    &a.name,
                    &a.entity_id,
                    a.start,
                    a.end
                )
            );
        }
    }
    for c in &p.casualties {
        out += &format!(
            "{:?} {:?}\n",
            (
                &c.casualty_id,
                &c.event_id,
                &c.kind,
                c.min,
                c.max,
                c.approx,
                &c.group
            ),
            (
                &c.part_of,
                &c.text,
                c.start,
                c.end,
                &c.place_id,
                &c.date_value
            )
        );
    }
    out
}

#[test]
fn a_record_prepared_from_its_json_text_is_the_one_prepared_from_its_tree() {
    let mut rec = record(
        "a1",
        Some("https://example.org/a?utm_source=x"),
        " \"Quoted\" \\ tail.",
    );
    // `article` second (as the pipeline writes it) and first; text with escapes.
    let second = serde_json::to_string(&rec).unwrap();
    assert!(second.starts_with("{\"schema\""));
    let article = rec
        .as_object_mut()
        .unwrap()
        .shift_remove("article")
        .unwrap();
    let mut first = serde_json::Map::new();
    first.insert("article".into(), article);
    first.extend(rec.as_object().unwrap().clone());
    let first = Value::Object(first);
    for v in [serde_json::from_str::<Value>(&second).unwrap(), first] {
        let text = serde_json::to_string(&v).unwrap();
        let typed = Prepared::from_json(&text).unwrap().unwrap();
        let tree = Prepared::new(&v).unwrap();
        assert_eq!(prepared_rows(&typed), prepared_rows(&tree));
        assert!(!typed.json.contains("tail."));
        assert_eq!(typed.text, v["article"]["text"].as_str().unwrap());
    }
    // No article text: no article; an error record: none either.
    assert!(
        Prepared::from_json(r#"{"schema":"dateline/1","article":{"id":"x"}}"#)
            .unwrap()
            .is_none()
    );
    assert!(
        Prepared::from_json(r#"{"error":"bad","input":"x"}"#)
            .unwrap()
            .is_none()
    );
}

#[test]
fn members_of_another_type_read_as_absent_from_the_tree_and_from_the_text() {
    let mut rec = record("odd", None, "");
    rec["sentences"] = json!([7, rec["sentences"][1].clone()]);
    rec["entities"][0] = json!("not an entity");
    let ev = &mut rec["events"][1];
    ev["quad_class"] = json!("3");
    ev["goldstein"] = json!(-4);
    ev["confidence"] = json!(null);
    ev["plover"] = json!(["REJECT"]);
    ev["date"] = json!({"value": 2022, "precision": "month"});
    ev["source"] =
        json!([{"entity": "e2", "code": 5, "start": 1.5, "end": 18446744073709551615u64}, "x"]);
    rec["casualties"][0]["approx"] = json!("no");
    rec["casualties"][0]["min"] = json!(2.0);
    let check = |p: &Prepared| {
        let v2 = &p.events[1];
        assert_eq!(p.events.len(), 2);
        // Sentence 1 is still the second sentence: the first, no object, kept its place.
        assert_eq!(
            v2.evidence.as_deref(),
            Some("France did not condemn the attack.")
        );
        assert_eq!(p.events[0].sentence_span, None);
        assert_eq!(
            (v2.quad_class, v2.goldstein, v2.confidence),
            (None, Some(-4.0), None)
        );
        assert_eq!(
            (v2.plover_type.as_deref(), v2.date_value.as_deref()),
            (None, None)
        );
        assert_eq!(v2.date_precision.as_deref(), Some("month"));
        let a: Vec<_> = v2
            .actors
            .iter()
            .map(|a| {
                (
                    a.role,
                    a.code.as_deref(),
                    a.country.as_deref(),
                    a.start,
                    a.end,
                )
            })
            .collect();
        // The entity's code fills in for a code that is no string; the target's entity e1
        // is no object, so it has neither code nor country of its own.
        assert_eq!(
            a,
            [
                ("source", Some("FRA"), Some("FRA"), None, None),
                ("source", None, None, None, None),
                ("target", Some("RUSMIL"), None, Some(0), Some(14)),
            ]
        );
        assert_eq!((p.casualties[0].approx, p.casualties[0].min), (None, None));
    };
    check(&Prepared::new(&rec).unwrap());
    check(&Prepared::from_json(&rec.to_string()).unwrap().unwrap());
    // Not articles: an `error` member (even null), an article that is no object, a text
    // that is no string, a record that is no object.
    for (k, v) in [("error", json!(null)), ("article", json!("x"))] {
        let mut r = record("odd", None, "");
        r[k] = v;
        assert!(Prepared::new(&r).is_none(), "{k}");
        assert!(
            Prepared::from_json(&r.to_string()).unwrap().is_none(),
            "{k}"
        );
    }
    let mut r = record("odd", None, "");
    r["article"]["text"] = json!(42);
    assert!(Prepared::new(&r).is_none());
    assert!(Prepared::from_json(&r.to_string()).unwrap().is_none());
    assert!(Prepared::new(&json!([1, 2])).is_none());
    assert!(Prepared::from_json("[1, 2]").unwrap().is_none());
    assert!(Prepared::from_json("{\"article\":").is_err());
}

#[test]
fn a_json_string_is_skipped_past_its_escapes() {
    let b = br#""a\"b\\" , "x\\\"" "unterminated\"#;
    assert_eq!(skip_json_string(b, 0), Some(8));
    assert_eq!(skip_json_string(b, 11), Some(18));
    assert_eq!(skip_json_string(b, 19), None);
    assert_eq!(skip_json_string(b"\"ends with \\", 0), None);
}

#[test]
fn the_event_columns_are_as_many_as_their_count() {
    assert_eq!(EVENT_COLUMNS.split(',').count(), EVENT_COLUMN_COUNT);
}

/// The rows read from a document are the rows read back from its record's text, for a
/// document with every layer filled and both arms of every option (a coordinate that is no
/// number, a count too large for a row, a code of one digit).
#[test]
fn rows_from_a_full_document_are_the_rows_of_its_record() {
    let doc = dateline_doc::fixtures::full_doc();
    let json = dateline_doc::output::to_json_string(&doc).unwrap();
    let read = Prepared::from_json(&json).unwrap().unwrap();
    let direct = Prepared::from_doc(&doc).unwrap();
    assert_eq!(direct, read);
    assert!(!direct.events.is_empty() && !direct.casualties.is_empty());
}
