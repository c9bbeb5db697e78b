//! Snapshot tests: a readable digest of what dateline reads in small articles written for this
//! project, so that any behaviour change shows up in review as a diff of the digest.
//! Update with `INSTA_UPDATE=always cargo test --release -p dateline --test snapshots` and review
//! the changed `.snap` files.

use serde_json::Value;
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

fn extract(path: &Path, published: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", path.to_str().unwrap(), "--published", published])
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn s(v: &Value) -> String {
    match v {
        Value::Null => "-".into(),
        Value::String(x) => x.clone(),
        other => other.to_string(),
    }
}

/// One line per item of every layer, with the evidence text.
fn digest(r: &Value) -> String {
    let text = r["article"]["text"].as_str().unwrap();
    let span = |v: &Value| {
        let (a, b) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        text[a as usize..b as usize].to_string()
    };
    let codes = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .map(|a| format!("{}={}", span(a), s(&a["code"])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let a = &r["article"];
    let mut o = String::new();
    writeln!(o, "title: {}", s(&a["title"])).unwrap();
    writeln!(o, "standfirst: {}", s(&a["standfirst"])).unwrap();
    writeln!(
        o,
        "source: {}  published: {} ({})",
        s(&a["source"]),
        s(&a["published"]),
        s(&a["published_from"])
    )
    .unwrap();
    for x in r["removed"].as_array().unwrap() {
        writeln!(o, "removed [{}] {}", s(&x["reason"]), s(&x["text"])).unwrap();
    }
    writeln!(o, "sentences: {}", r["sentences"].as_array().unwrap().len()).unwrap();
    for e in r["entities"].as_array().unwrap() {
        let ms: Vec<String> = e["mentions"].as_array().unwrap().iter().map(span).collect();
        let code = e["actor"].get("code").map(s).unwrap_or("-".into());
        writeln!(
            o,
            "entity {} {} \"{}\" actor={} title={} mentions={:?}",
            s(&e["id"]),
            s(&e["kind"]),
            s(&e["name"]),
            code,
            s(&e["title"]),
            ms
        )
        .unwrap();
    }
    for p in r["places"].as_array().unwrap() {
        writeln!(
            o,
            "place {} \"{}\" {} {} {} x{}",
            s(&p["id"]),
            s(&p["name"]),
            s(&p["geonameid"]),
            s(&p["country"]),
            s(&p["feature"]),
            p["mentions"].as_array().unwrap().len()
        )
        .unwrap();
    }
    for t in r["times"].as_array().unwrap() {
        writeln!(
            o,
            "time \"{}\" = {} ({})",
            s(&t["text"]),
            s(&t["value"]),
            s(&t["precision"])
        )
        .unwrap();
    }
    for v in r["events"].as_array().unwrap() {
        writeln!(
            o,
            "event {} \"{}\" cameo={} {} source=[{}] target=[{}] date={} place={} same_as={} confidence={}",
            s(&v["id"]),
            span(&v["trigger"]),
            s(&v["cameo"]),
            s(&v["status"]),
            codes(&v["source"]),
            codes(&v["target"]),
            v["date"].get("value").map(s).unwrap_or("-".into()),
            v["place"].get("place").map(s).unwrap_or("-".into()),
            s(&v["same_as"]),
            s(&v["confidence"]),
        )
        .unwrap();
    }
    for c in r["casualties"].as_array().unwrap() {
        writeln!(
            o,
            "casualty {} \"{}\" {} min={} max={} approx={} part_of={} event={} reported_by={}",
            s(&c["id"]),
            s(&c["text"]),
            s(&c["kind"]),
            s(&c["min"]),
            s(&c["max"]),
            s(&c["approx"]),
            s(&c["part_of"]),
            s(&c["event"]),
            s(&c["reported_by"])
        )
        .unwrap();
    }
    for q in r["quotes"].as_array().unwrap() {
        writeln!(
            o,
            "quote {} {} speaker={} \"{}\": {}",
            s(&q["id"]),
            s(&q["kind"]),
            s(&q["speaker"]),
            s(&q["speaker_name"]),
            s(&q["text"])
        )
        .unwrap();
    }
    o
}

fn snapshot(name: &str, path: &Path, published: &str) {
    let record = extract(path, published);
    insta::assert_snapshot!(name, digest(&record));
}

#[test]
fn border_talks() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/border-talks.txt");
    snapshot("border_talks", &p, "2016-12-14");
}

#[test]
fn port_arrests() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/port-arrests.txt");
    snapshot("port_arrests", &p, "2021-06-09");
}

#[test]
fn geneva_ceasefire_example() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/geneva-ceasefire.txt");
    snapshot("geneva_ceasefire", &p, "2016-12-14");
}

#[test]
fn harbour_strike_example() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbour-strike.html");
    snapshot("harbour_strike", &p, "2023-05-07");
}
