//! `--actors FILE` / `--agents FILE`: user dictionaries in dateline's and PETRARCH's formats
//! (docs/dictionaries.md). Every name and article here is fictional, written for these tests.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dictionaries")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline")
}

fn docs(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The actor code of the entity with this name (`None` if it has no actor; panics if absent).
fn code_of(doc: &Value, name: &str) -> Option<String> {
    let e = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {}", doc["entities"]));
    e["actor"]["code"].as_str().map(str::to_string)
}

fn event_sources(doc: &Value) -> Vec<String> {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["source"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn an_actor_only_the_user_dictionary_knows_gets_its_code() {
    let article = fixture("summit.jsonl");
    let plain = run(&["extract", &article]);
    assert!(plain.status.success());
    // the built-in lexicons know her title ("Minister": GOV) but not her country
    let before = code_of(&docs(&plain)[1], "Marla Ventresca").unwrap_or_default();
    assert!(!before.starts_with("SLV"), "{before}");
    assert_eq!(code_of(&docs(&plain)[1], "Sylvania"), None);

    let out = run(&[
        "extract",
        "--actors",
        &fixture("sylvania.actors.txt"),
        &article,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = docs(&out);
    assert_eq!(code_of(&d[1], "Marla Ventresca").as_deref(), Some("SLVGOV"));
    assert!(event_sources(&d[1]).contains(&"SLVGOV".to_string()));
}

#[test]
fn dated_roles_follow_each_articles_publication_date() {
    let out = run(&[
        "extract",
        "--actors",
        &fixture("freedonia.txt"),
        "--actors",
        &fixture("sylvania.actors.txt"),
        &fixture("summit.jsonl"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = docs(&out);
    assert_eq!(d.len(), 2);
    // PETRARCH roles: [SLVLEG 150101-191231] then [SLVGOV >200101]
    assert_eq!(code_of(&d[0], "Marla Ventresca").as_deref(), Some("SLVLEG"));
    assert_eq!(code_of(&d[1], "Marla Ventresca").as_deref(), Some("SLVGOV"));
    // dateline roles: FRDGOV 2019-03-01..2023-06-30; FRDOPP 2023-07-01..
    assert_eq!(code_of(&d[0], "Rufus Firefly"), None);
    assert_eq!(code_of(&d[1], "Rufus Firefly").as_deref(), Some("FRDOPP"));
    // the same text published on another date, through --published
    let text = "Minister Marla Ventresca met Rufus Firefly in Sylvania on Monday.";
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, text).unwrap();
    let out = run(&[
        "extract",
        "--published",
        "2021-09-09",
        "--actors",
        &fixture("freedonia.txt"),
        f.to_str().unwrap(),
    ]);
    assert_eq!(
        code_of(&docs(&out)[0], "Rufus Firefly").as_deref(),
        Some("FRDGOV")
    );
}

#[test]
fn agents_combine_with_the_country_of_the_phrase() {
    let out = run(&[
        "extract",
        "--published",
        "2024-03-05",
        "--actors",
        &fixture("freedonia.txt"),
        "--actors",
        &fixture("sylvania.actors.txt"),
        "--agents",
        &fixture("labour.agents.txt"),
        "--agents",
        &fixture("sectors.txt"),
        &fixture("strike.txt"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = &docs(&out)[0];
    // PETRARCH agents (DOCK_WORKER [~LAB]) with a dateline-format demonym
    assert_eq!(
        code_of(d, "Freedonian dock workers").as_deref(),
        Some("FRDLAB")
    );
    // dateline-format agents (ferry captain | ~LAB) with a PETRARCH-format demonym
    assert_eq!(
        code_of(d, "Sylvanian ferry captains").as_deref(),
        Some("SLVLAB")
    );
    let sources = event_sources(d);
    assert!(sources.contains(&"FRDLAB".to_string()), "{sources:?}");
}

#[test]
fn a_malformed_dictionary_stops_before_any_article_naming_file_and_line() {
    let broken = fixture("broken.txt");
    let out = run(&["extract", "--actors", &broken, &fixture("strike.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no article may be read");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt:3:"), "{err}");
    assert!(err.contains("2023-13-30"), "{err}");

    let out = run(&[
        "extract",
        "--agents",
        &fixture("missing.txt"),
        &fixture("strike.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));

    // ingest refuses it before creating the store
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = run(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        "--actors",
        &broken,
        &fixture("strike.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken.txt:3:"));
    assert!(!db.exists());
}

#[test]
fn lines_the_importer_reads_only_in_part_are_reported() {
    let out = run(&[
        "extract",
        "--actors",
        &fixture("sylvania.actors.txt"),
        &fixture("strike.txt"),
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("1 line not fully read: line 10"), "{err}");
}

#[test]
fn ingest_stores_the_user_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    let out = run(&[
        "ingest",
        "--db",
        db,
        "--published",
        "2024-03-05",
        "--actors",
        &fixture("freedonia.txt"),
        "--agents",
        &fixture("labour.agents.txt"),
        &fixture("strike.txt"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["query", "--db", db, "--actor", "FRDLAB", "--count"]);
    assert!(out.status.success());
    let n: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(n >= 1);
}

/// One event: (code, trigger text, rule, source codes, target codes).
type Ev = (String, String, String, Vec<String>, Vec<String>);

/// The events of a document.
fn events_of(doc: &Value) -> Vec<Ev> {
    let codes = |a: &Value| -> Vec<String> {
        a.as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s["code"].as_str().map(str::to_string))
            .collect()
    };
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                s(&e["cameo"]),
                s(&e["text"]),
                s(&e["rule"]),
                codes(&e["source"]),
                codes(&e["target"]),
            )
        })
        .collect()
}

#[test]
fn a_petrarch_verb_dictionary_adds_its_verbs_and_patterns() {
    let article = fixture("grain.txt");
    let actors = [
        "--actors",
        &fixture("freedonia.txt"),
        "--actors",
        &fixture("sylvania.actors.txt"),
    ];
    let mut plain_args = vec!["extract"];
    plain_args.extend(actors);
    plain_args.push(&article);
    let plain = run(&plain_args);
    assert!(plain.status.success());
    let before = events_of(&docs(&plain)[0]);
    assert!(
        before.iter().all(|e| !e.1.contains("grombled")),
        "the invented verb is no trigger of dateline's own: {before:?}"
    );

    let verbs = fixture("freedonia.verbs.txt");
    let mut args = vec!["extract", "--verbs", &verbs];
    args.extend(actors);
    args.push(&article);
    let out = run(&args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let ev = events_of(&docs(&out)[0]);
    // the verb alone, with the block's code and the dictionary line as its rule
    let g = ev
        .iter()
        .find(|e| e.1 == "grombled")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(g.0, "111", "{ev:?}");
    assert_eq!(g.2, "freedonia.verbs.txt:7");
    assert_eq!(
        (g.3.clone(), g.4.clone()),
        (vec!["FRD".into()], vec!["SLV".into()])
    );
    // a pattern: the synset member and the prepositional phrase, in order; its code is not in
    // dateline's codebook and is placed under its root
    let p = ev
        .iter()
        .find(|e| e.2 == "freedonia.verbs.txt:9")
        .unwrap_or_else(|| panic!("{ev:?}"));
    assert_eq!(p.0, "0731", "{ev:?}");
    assert!(
        p.1.starts_with("grombled") && p.1.ends_with("silo"),
        "{p:?}"
    );
    // the [---] pattern: "snarft in jest" is no event
    assert!(ev.iter().all(|e| !e.1.contains("snarft")), "{ev:?}");
    // one warning line with the counts
    assert!(err.contains("warning: "), "{err}");
    assert!(err.contains("freedonia.verbs.txt"), "{err}");
    assert!(err.contains("1 verb block, 2 verbs, 2 patterns"), "{err}");
    assert!(err.contains("1 prepositional phrases"), "{err}");
}

#[test]
fn a_malformed_verb_dictionary_stops_before_any_article_naming_file_and_line() {
    let out = run(&[
        "extract",
        "--verbs",
        &fixture("broken.verbs.txt"),
        &fixture("grain.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no article may be read");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.verbs.txt:4:"), "{err}");
    assert!(err.contains("without a [CODE]"), "{err}");
    // an actor dictionary given as a verb dictionary
    let out = run(&[
        "extract",
        "--verbs",
        &fixture("sylvania.actors.txt"),
        &fixture("grain.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sylvania.actors.txt:"), "{err}");
    assert!(err.contains("before any verb block"), "{err}");
    let out = run(&[
        "extract",
        "--verbs",
        &fixture("missing.verbs.txt"),
        &fixture("grain.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.verbs.txt"));
}
