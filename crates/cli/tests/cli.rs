//! End-to-end tests of `dateline extract`: real output validates against the JSON Schema, every
//! span is a valid slice of the text, and bad input yields error lines without stopping the batch.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    // Feed standard input from another thread so that a large output cannot deadlock the pipes.
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(b) = bytes {
            let _ = input.write_all(&b);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/dateline-1.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Every start/end pair anywhere in the record must slice `article.text` on char boundaries,
/// and any `text` beside it must equal that slice.
fn check_spans(record: &Value) {
    let text = record["article"]["text"].as_str().unwrap();
    fn walk(v: &Value, text: &str, path: &str) {
        match v {
            Value::Object(m) => {
                if let (Some(s), Some(e)) = (
                    m.get("start").and_then(Value::as_u64),
                    m.get("end").and_then(Value::as_u64),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= text.len(), "{path}: {s}..{e} out of range");
                    assert!(
                        text.is_char_boundary(s) && text.is_char_boundary(e),
                        "{path}: {s}..{e} off a character boundary"
                    );
                    if let Some(t) = m.get("text").and_then(Value::as_str)
                        && !path.ends_with("article")
                    {
                        assert_eq!(&text[s..e], t, "{path}: text differs from its span");
                    }
                }
                for (k, x) in m {
                    if k != "article" {
                        walk(x, text, &format!("{path}.{k}"));
                    }
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, text, &format!("{path}[{i}]"));
                }
            }
            _ => {}
        }
    }
    walk(record, text, "");
}

#[test]
fn examples_validate_against_the_schema() {
    let v = validator();
    let ex = root().join("examples");
    let files = [
        ex.join("geneva-ceasefire.txt"),
        ex.join("harbour-strike.html"),
        ex.join("batch.jsonl"),
    ];
    let args: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let mut all = vec!["extract", "--published", "2016-12-14"];
    all.extend(args);
    let out = run(&all, None);
    let records = lines(&out);
    // batch.jsonl holds one article with an unreadable date: one error line, exit status 1.
    assert_eq!(records.len(), 5);
    assert_eq!(out.status.code(), Some(1));
    for r in &records {
        let errors: Vec<String> = v.iter_errors(r).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "schema errors: {errors:?}\n{r}");
        if r.get("error").is_none() {
            check_spans(r);
        }
    }
    assert_eq!(records[0]["article"]["published"], "2016-12-14");
    assert_eq!(records[0]["article"]["published_from"], "input");
    // The HTML page keeps its own date; the JSONL articles keep theirs.
    assert_eq!(records[1]["article"]["published"], "2023-05-06");
    assert_eq!(records[2]["article"]["id"], "quake-1");
    assert_eq!(records[2]["article"]["published"], "2023-02-08");
    assert!(
        records[4]["error"]["input"]
            .as_str()
            .unwrap()
            .ends_with("batch.jsonl:3")
    );
}

#[test]
fn plain_text_example_is_cleaned() {
    let p = root().join("examples/geneva-ceasefire.txt");
    let out = run(
        &["extract", p.to_str().unwrap(), "--published", "2016-12-14"],
        None,
    );
    assert!(out.status.success());
    let r = &lines(&out)[0];
    let a = &r["article"];
    assert_eq!(
        a["title"],
        "Yemen talks in Geneva end without ceasefire deal"
    );
    assert!(
        a["standfirst"]
            .as_str()
            .unwrap()
            .starts_with("Two days of UN-led")
    );
    assert_eq!(a["source"], "Dateline Wire");
    let text = a["text"].as_str().unwrap();
    assert!(!text.contains("WATCH:"));
    assert!(!text.contains("Frontline Stories"));
    assert!(!text.contains("Most Popular"));
    assert!(!text.contains("GENEVA (Dateline Wire)"));
    assert!(text.contains("Talks between Yemen's government and Houthi rebels ended in Geneva"));
    assert!(text.contains("Aid agencies warned"));
    let reasons: Vec<&str> = r["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["reason"].as_str().unwrap())
        .collect();
    for want in [
        "related-link",
        "promo",
        "credit",
        "share",
        "navigation",
        "dateline",
    ] {
        assert!(reasons.contains(&want), "no {want} in {reasons:?}");
    }
}

#[test]
fn html_example_yields_text_and_metadata() {
    let p = root().join("examples/harbour-strike.html");
    let out = run(&["extract", p.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = &lines(&out)[0];
    let a = &r["article"];
    assert_eq!(a["published"], "2023-05-06");
    assert_eq!(a["published_from"], "text");
    let text = a["text"].as_str().unwrap();
    assert!(text.contains("Three dock workers were killed"), "{text}");
    assert!(!text.contains("Cup final tickets"), "{text}");
}

#[test]
fn standard_input_is_detected() {
    let html = std::fs::read(root().join("examples/harbour-strike.html")).unwrap();
    let out = run(&["extract"], Some(&html));
    assert!(out.status.success());
    let r = &lines(&out)[0];
    assert!(
        r["article"]["text"]
            .as_str()
            .unwrap()
            .contains("dock workers")
    );

    let jsonl = std::fs::read(root().join("examples/batch.jsonl")).unwrap();
    let out = run(&["extract", "-"], Some(&jsonl));
    assert_eq!(lines(&out).len(), 3);

    let out = run(
        &["extract", "-"],
        Some("Plain words here. And more.".as_bytes()),
    );
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_inputs_never_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = d.join("good.txt");
    std::fs::write(&good, "Police arrested two men on Friday.").unwrap();
    let empty = d.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = d.join("garbage.txt");
    std::fs::write(
        &binary,
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let latin1 = d.join("latin1.txt");
    std::fs::write(&latin1, b"Le pr\xe9sident a parl\xe9 \xe0 Gen\xe8ve.").unwrap();
    let huge = d.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let trunc = d.join("cut.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&b"<p>Some words in a paragraph here.</p>".repeat(200))
        .unwrap();
    let bytes = gz.finish().unwrap();
    std::fs::write(&trunc, &bytes[..bytes.len() / 3]).unwrap();
    let jsonl = d.join("mixed.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"ok\",\"text\":\"Troops withdrew.\"}\n{\"id\": oops}\n{\"id\":\"nothing\"}\n",
    )
    .unwrap();
    let unknown = d.join("report.pdf");
    std::fs::write(&unknown, "%PDF-1.4").unwrap();
    let missing = d.join("missing.txt");
    let paths = [
        &good, &empty, &binary, &latin1, &huge, &trunc, &jsonl, &unknown, &missing,
    ];
    let mut args = vec!["extract".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let rs = lines(&out);
    let summary: Vec<String> = rs
        .iter()
        .map(|r| match r.get("error") {
            Some(e) => format!("error: {}", e["message"].as_str().unwrap()),
            None => "ok".into(),
        })
        .collect();
    assert_eq!(rs.len(), 11, "{summary:?}");
    assert_eq!(summary[0], "ok");
    assert!(summary[1].contains("empty"), "{}", summary[1]);
    assert!(summary[2].contains("binary"), "{}", summary[2]);
    assert_eq!(summary[3], "ok");
    assert!(
        rs[3]["article"]["text"]
            .as_str()
            .unwrap()
            .contains("Genève")
    );
    assert!(summary[4].contains("limit"), "{}", summary[4]);
    assert!(summary[5].contains("gzip"), "{}", summary[5]);
    assert_eq!(summary[6], "ok");
    assert!(summary[7].contains("malformed JSON"), "{}", summary[7]);
    assert!(summary[8].contains("neither"), "{}", summary[8]);
    assert!(summary[9].contains("unknown file type"), "{}", summary[9]);
    assert!(summary[10].contains("no such file"), "{}", summary[10]);
    for (r, p) in rs[..6].iter().zip(&paths) {
        if let Some(e) = r.get("error") {
            assert_eq!(e["input"], p.display().to_string());
        }
    }
}

#[test]
fn output_order_is_input_order_with_many_threads() {
    let mut jsonl = String::new();
    for i in 0..1500 {
        jsonl.push_str(&format!(
            "{{\"id\":\"a{i}\",\"text\":\"Article number {i}. Rebels attacked a convoy near the town on Monday.\"}}\n"
        ));
    }
    let out = run(&["extract", "--threads", "4", "-"], Some(jsonl.as_bytes()));
    assert!(out.status.success());
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|r| r["article"]["id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..1500).map(|i| format!("a{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_bad_published_flag_is_a_usage_error() {
    let out = run(&["extract", "--published", "someday", "-"], Some(b"Text."));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
}

#[test]
fn export_formats_from_extract_output() {
    let p = root().join("examples/geneva-ceasefire.txt");
    let out = run(
        &["extract", p.to_str().unwrap(), "--published", "2016-12-14"],
        None,
    );
    let records = out.stdout.clone();
    let gdelt = run(&["export", "--format", "gdelt", "--header"], Some(&records));
    assert!(gdelt.status.success());
    let text = String::from_utf8(gdelt.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("GLOBALEVENTID\tSQLDATE"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(r.len(), 61);
        assert_eq!(
            r[28],
            &r[26][..2],
            "EventRootCode is the first two digits of EventCode"
        );
    }
    let acled = run(&["export", "--format", "acled"], Some(&records));
    assert!(acled.status.success());
    let mut rdr = csv::Reader::from_reader(acled.stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "event_id_cnty");
    let fat = headers.iter().position(|h| h == "fatalities").unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    // the overnight air strikes killed at least 14 fighters
    assert!(rows.iter().any(|r| &r[fat] == "14"), "{rows:?}");
    let plover = run(&["export", "--format", "plover"], Some(&records));
    for l in String::from_utf8(plover.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["event"].is_string() && v["text"].is_string());
    }
    // Not a dateline/1 record: reported, exit status 1, the rest still written.
    let bad = run(&["export", "--format", "gdelt"], Some(b"{oops\n"));
    assert_eq!(bad.status.code(), Some(1));
}

/// Readings that depend on the whole pipeline (entities, chunks), in sentences of our own.
#[test]
fn whole_pipeline_readings_of_conflict_sentences() {
    let events = |text: &str| -> Vec<(String, String, String)> {
        let line = serde_json::json!({"id": "t", "text": text, "published": "2016-05-10"});
        let out = run(&["extract", "-"], Some(format!("{line}\n").as_bytes()));
        let r = &lines(&out)[0];
        r["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                (s("text"), s("cameo"), s("status"))
            })
            .collect()
    };
    // an irregular verb form is no noun: a country that struck sites made no labour strike
    let got = events("Iran threatened to retaliate if Israel struck its nuclear sites.");
    assert!(
        got.iter()
            .any(|(t, c, s)| t == "struck" && c.starts_with("19") && s == "hypothetical"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, c, _)| c.starts_with("14")), "{got:?}");
}
