//! The deduplicated record end to end on the real binary: two outlets' reports of one event and a
//! wire copy, ingested in two runs, then `query --cluster/--distinct` and every export format read
//! back (CSV and TSV with the `csv` crate, Parquet with pyarrow when it is installed).

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

const A: &str = "Syrian government forces attacked rebel positions in Aleppo on 5 March, killing at least 12 people, officials said. Residents said the fighting lasted for several hours. Hospitals in the area were struggling to cope with the wounded.";
const B: &str = "At least 15 people were killed when Syrian troops attacked rebels near Aleppo on 6 March, according to a monitoring group. Electricity and water supplies were cut in several neighbourhoods.";

fn write(path: &Path, lines: &[Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

fn rows(db: &str, extra: &[&str]) -> Vec<Value> {
    let mut a = vec!["query", "--db", db, "--format", "jsonl", "--limit", "0"];
    a.extend_from_slice(extra);
    ok(&dateline(&a))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn reports_of_one_event_share_a_cluster_across_ingests_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let db = db.to_str().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    write(
        &first,
        &[
            json!({"id": "one", "text": A, "published": "2023-03-06", "source": "Outlet One",
                 "url": "https://one.example/a"}),
        ],
    );
    write(
        &second,
        &[
            json!({"id": "two", "text": B, "published": "2023-03-07", "source": "Outlet Two",
                   "url": "https://two.example/b"}),
            json!({"id": "copy", "text": format!("ALEPPO (Wire) - {A}"), "published": "2023-03-06",
                   "source": "Reprint", "url": "https://reprint.example/c"}),
        ],
    );
    ok(&dateline(&["ingest", "--db", db, first.to_str().unwrap()]));
    ok(&dateline(&["ingest", "--db", db, second.to_str().unwrap()]));

    let all = rows(db, &["--root", "19"]);
    let cluster_of = |art: &str| {
        all.iter()
            .find(|r| r["article"] == art && r["status"] == "occurred" && r["place"] == "Aleppo")
            .map(|r| r["cluster"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no occurred root-19 event in {art}: {all:?}"))
    };
    let c = cluster_of("one");
    assert_eq!(
        cluster_of("two"),
        c,
        "the second run joined the stored event"
    );
    assert_eq!(cluster_of("copy"), c);
    let copy = all.iter().find(|r| r["article"] == "copy").unwrap();
    assert_eq!(copy["duplicate_of"], "one");
    assert!(copy["similarity"].as_f64().unwrap() >= 0.6);
    // five mentions: the attack in each report, and A's "the fighting" (linked to A's attack
    // by `same_as`, docs/events.md) in A and in its copy
    let mine = rows(db, &["--cluster", &c]);
    assert_eq!(mine.len(), 5);
    assert!(
        mine.iter()
            .all(|r| r["mentions"] == 5 && r["articles"] == 3 && r["sources"] == 3)
    );
    // Each report keeps its own date.
    let mut dates: Vec<&str> = mine.iter().filter_map(|r| r["date"].as_str()).collect();
    dates.sort();
    dates.dedup();
    assert_eq!(dates, ["2023-03-05", "2023-03-06"]);
    let distinct = rows(db, &["--root", "19", "--distinct"]);
    assert_eq!(
        distinct
            .iter()
            .filter(|r| r["cluster"] == c.as_str())
            .count(),
        1
    );
    let n = ok(&dateline(&[
        "query",
        "--db",
        db,
        "--cluster",
        &c,
        "--count",
    ]));
    assert_eq!(n.trim(), "5");
    let csv_out = ok(&dateline(&[
        "query",
        "--db",
        db,
        "--cluster",
        &c,
        "--format",
        "csv",
    ]));
    let mut rd = csv::Reader::from_reader(csv_out.as_bytes());
    let head = rd.headers().unwrap().clone();
    let ci = head.iter().position(|h| h == "cluster").unwrap();
    let recs: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(recs.len(), 5);
    assert!(recs.iter().all(|r| r[ci] == c));

    // GDELT: the cluster's counts; ACLED: the cluster as same_event.
    let tsv = ok(&dateline(&[
        "export", "--db", db, "--format", "gdelt", "--header",
    ]));
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_reader(tsv.as_bytes());
    let head = rd.headers().unwrap().clone();
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let g: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let full = g
        .iter()
        .filter(|r| &r[col("EventRootCode")] == "19" && &r[col("NumMentions")] == "5")
        .count();
    assert!(full >= 3, "{tsv}");
    assert!(
        g.iter()
            .any(|r| &r[col("NumSources")] == "3" && &r[col("NumArticles")] == "3")
    );
    let acled = ok(&dateline(&["export", "--db", db, "--format", "acled"]));
    let mut rd = csv::Reader::from_reader(acled.as_bytes());
    let head = rd.headers().unwrap().clone();
    let si = head.iter().position(|h| h == "same_event").unwrap();
    let a: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert!(a.iter().filter(|r| r[si] == c).count() >= 3);

    // Parquet: a file is required; its rows are the PLOVER export's.
    let refused = dateline(&["export", "--db", db, "--format", "parquet"]);
    assert_eq!(refused.status.code(), Some(2));
    let pq = dir.path().join("e.parquet");
    ok(&dateline(&[
        "export",
        "--db",
        db,
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
    ]));
    let plover = ok(&dateline(&["export", "--db", db, "--format", "plover"]));
    let n_plover = plover.lines().count();
    let have = Command::new("python3")
        .args(["-c", "import pyarrow"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        eprintln!("NOTICE: python3 with pyarrow not found; Parquet read-back skipped");
        return;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, json, pyarrow.parquet as pq\n\
             t = pq.read_table(sys.argv[1])\n\
             print(json.dumps({'rows': t.num_rows, 'clusters': t.column('cluster').to_pylist(),\n\
                               'mentions': t.column('num_mentions').to_pylist(),\n\
                               'date': str(t.schema.field('date').type)}))",
            pq.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_str(&ok(&out)).unwrap();
    assert_eq!(v["rows"].as_u64().unwrap() as usize, n_plover);
    assert_eq!(v["date"], "date32[day]");
    let k = v["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .zip(v["mentions"].as_array().unwrap())
        .filter(|(cl, m)| cl.as_str() == Some(c.as_str()) && m.as_u64() == Some(5))
        .count();
    assert_eq!(k, 5);
}

#[test]
fn a_least_confidence_keeps_the_rows_at_or_above_it_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let input = dir.path().join("in.jsonl");
    write(
        &input,
        &[
            json!({"id": "one", "text": A, "published": "2023-03-06", "source": "Outlet One"}),
            json!({"id": "two", "text": B, "published": "2023-03-07", "source": "Outlet Two"}),
        ],
    );
    ok(&dateline(&["ingest", "--db", db, input.to_str().unwrap()]));
    let all = rows(db, &[]);
    let conf = |r: &Value| {
        r["confidence"]
            .as_f64()
            .expect("every row has a confidence")
    };
    // a bound between the rows' confidences splits them
    let mut cs: Vec<f64> = all.iter().map(conf).collect();
    cs.sort_by(f64::total_cmp);
    assert!(cs.first() < cs.last(), "{cs:?}");
    let bound = cs[cs.len() / 2];
    let kept = rows(db, &["--min-confidence", &bound.to_string()]);
    assert_eq!(kept.len(), cs.iter().filter(|c| **c >= bound).count());
    assert!(kept.iter().all(|r| conf(r) >= bound));
    assert!(kept.len() < all.len());
    // the table shows it
    let table = ok(&dateline(&["query", "--db", db]));
    assert!(table.lines().next().unwrap().contains(" conf "), "{table}");
    // out of range or not a number: refused with clap's status 2, naming the flag
    for bad in ["1.5", "-0.1", "high"] {
        let out = dateline(&["query", "--db", db, &format!("--min-confidence={bad}")]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--min-confidence"));
    }
}
