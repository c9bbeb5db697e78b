//! The Parquet export read back with Python's pyarrow: row count, column names and types, and
//! values checked against the PLOVER JSON Lines export of the same records. Skips with a
//! printed notice when python3 or pyarrow is missing (.ci/setup.d/20-pyarrow.sh installs it).

use dateline_export::*;
use dateline_input::{Body, Defaults, RawArticle};
use serde_json::{Value, json};
use std::process::Command;

fn run(path: &str, published: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let raw = RawArticle {
        input: path.to_string(),
        id: dateline_input::hash_id(text.as_bytes()),
        body: Body::Text(text),
        published: Some(published.to_string()),
        source: Some("Example Wire".into()),
        url: None,
        title: None,
        fallback: Defaults::default(),
    };
    dateline_pipeline::to_json(&dateline_pipeline::Pipeline::new().process(raw).unwrap())
}

fn records() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut out = vec![run(&format!("{dir}/geneva-ceasefire.txt"), "2016-12-14")];
    // A record as a store exports it: its event carries a cluster with cross-article counts.
    let text = "Rebels attacked Aleppo on Monday, killing 12 civilians.";
    out.push(json!({
        "schema": "dateline/1",
        "article": {"id": "art1", "url": "https://example.invalid/a", "source": "Test Wire",
                    "title": null, "published": "2016-10-15", "language": "en", "text": text},
        "sentences": [{"start": 0, "end": text.len()}],
        "entities": [{"id": "e1", "kind": "group", "name": "Rebels", "title": null,
                      "actor": {"code": "SYRREB", "country": "SYR", "sector": "REB"},
                      "place": null, "mentions": []}],
        "places": [{"id": "p1", "name": "Aleppo", "geonameid": 170063, "country": "SY",
                    "admin1": "Aleppo", "lat": 36.20124, "lon": 37.16117, "feature": "city",
                    "mentions": []}],
        "events": [{"id": "v1", "sentence": 0, "trigger": {"start": 7, "end": 15},
                    "cameo": "190", "cameo_root": "19", "quad_class": 4, "goldstein": -10.0,
                    "plover": {"type": "ASSAULT", "mode": null}, "status": "occurred",
                    "source": [{"entity": "e1", "code": "SYRREB", "start": 0, "end": 6}],
                    "target": [], "date": {"value": "2016-10-10", "precision": "day"},
                    "place": {"place": "p1", "basis": "sentence"}, "same_as": null,
                    "cluster": {"id": "ev0123456789abcdef", "mentions": 5, "articles": 4,
                                "sources": 3}},
                   {"id": "v2", "sentence": 0, "trigger": {"start": 7, "end": 15},
                    "cameo": "190", "cameo_root": "19", "status": "negated",
                    "source": [], "target": [], "date": null, "place": null}],
        "casualties": [{"id": "c1", "kind": "killed", "min": 12, "max": 12, "group": "civilians",
                        "part_of": null, "event": "v1"}]
    }));
    out.push(json!({"schema": "dateline/1", "error": {"input": "x", "message": "bad"}}));
    out
}

const READ: &str = r#"
import sys, json
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
print(json.dumps({"rows": t.num_rows,
                  "schema": [[f.name, str(f.type)] for f in t.schema],
                  "data": t.to_pylist()}, default=str))
"#;

#[test]
fn parquet_reads_back_in_pyarrow_with_the_jsonl_rows() {
    let have = Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        eprintln!("NOTICE: python3 with pyarrow not found; Parquet read-back test skipped");
        return;
    }
    let recs = records();
    let path =
        std::env::temp_dir().join(format!("dateline-parquet-{}.parquet", std::process::id()));
    let n = write_parquet(&recs, std::fs::File::create(&path).unwrap()).unwrap();
    let mut jsonl = Vec::new();
    write_plover(&recs, &mut jsonl).unwrap();
    let plover: Vec<Value> = String::from_utf8(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let out = Command::new("python3")
        .args(["-c", READ, path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Same rows as the JSON Lines export: occurred mentions only.
    assert!(plover.len() >= 2);
    assert_eq!(got["rows"].as_u64(), Some(n));
    assert_eq!(n as usize, plover.len());
    // Column names and types.
    let schema: Vec<(String, String)> = got["schema"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f[0].as_str().unwrap().into(), f[1].as_str().unwrap().into()))
        .collect();
    let names: Vec<&str> = schema.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names, PARQUET_COLUMNS);
    let ty = |c: &str| schema.iter().find(|f| f.0 == c).unwrap().1.clone();
    assert_eq!(ty("date"), "date32[day]");
    assert_eq!(ty("published"), "date32[day]");
    assert_eq!(ty("lat"), "double");
    assert_eq!(ty("goldstein"), "double");
    assert_eq!(ty("num_mentions"), "int64");
    assert_eq!(ty("fatalities"), "int64");
    assert_eq!(ty("global_event_id"), "int64");
    assert_eq!(ty("evidence"), "string");
    // Values, row by row, against the PLOVER records (same order).
    let rows = got["data"].as_array().unwrap();
    for (r, p) in rows.iter().zip(&plover) {
        let id = format!(
            "{}-{}",
            r["article_id"].as_str().unwrap(),
            r["event_id"].as_str().unwrap()
        );
        assert_eq!(p["id"].as_str(), Some(id.as_str()));
        assert_eq!(r["date"], p["date"]);
        assert_eq!(r["evidence"], p["text"]);
        assert_eq!(
            r["plover_type"].as_str().unwrap_or(""),
            p["event"].as_str().unwrap()
        );
        assert_eq!(
            r["fatalities"],
            p.get("dead").cloned().unwrap_or(Value::Null)
        );
        assert_eq!(r["cameo"], p["cameo"]);
        assert_eq!(r["status"], "occurred");
        let loc = &p["location"];
        if loc.is_null() {
            assert!(r["lat"].is_null());
        } else {
            assert_eq!(r["lat"].as_f64(), loc["lat"].as_f64());
            assert_eq!(r["lon"].as_f64(), loc["lon"].as_f64());
            assert_eq!(r["geonameid"], loc["geonameid"]);
        }
        assert_eq!(r["outlet"], p["publication"]);
    }
    let aleppo = rows.iter().find(|r| r["article_id"] == "art1").unwrap();
    assert_eq!(aleppo["cluster"], "ev0123456789abcdef");
    assert_eq!(
        (
            &aleppo["num_mentions"],
            &aleppo["num_articles"],
            &aleppo["num_sources"]
        ),
        (&json!(5), &json!(4), &json!(3))
    );
    assert_eq!(aleppo["fatalities"], 12);
    assert_eq!(aleppo["date"], "2016-10-10");
    assert_eq!(aleppo["published"], "2016-10-15");
    assert_eq!(aleppo["source_actors"], "SYRREB");
    assert_eq!(aleppo["acled_event_type"], "Battles");
}

#[test]
fn cluster_counts_fill_gdelt_and_acled() {
    let recs = records();
    let rows = gdelt_rows(&recs[1]);
    assert_eq!(rows.len(), 1);
    let c = |n: &str| gdelt::column(n).unwrap();
    assert_eq!(
        (
            &rows[0][c("NumMentions")][..],
            &rows[0][c("NumSources")][..],
            &rows[0][c("NumArticles")][..]
        ),
        ("5", "3", "4")
    );
    let mut csv_out = Vec::new();
    write_acled(&recs[1..2], &mut csv_out).unwrap();
    let mut rd = csv::Reader::from_reader(&csv_out[..]);
    let head = rd.headers().unwrap().clone();
    let i = head.iter().position(|h| h == "same_event").unwrap();
    let recs: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(recs.len(), 1);
    assert_eq!(&recs[0][i], "ev0123456789abcdef");
    assert_eq!(plover_records(&records()[1])[0]["cluster"]["mentions"], 5);
}
