//! The JSON API over a store of the fixture articles: filters, pagination, errors, writes,
//! static files and limits.

mod common;

use common::{Resp, get, request, start, store_with};
use dateline_serve::Options;
use serde_json::Value;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One read-only server over the fixture store, shared by the read tests.
fn server() -> &'static (common::Server, tempfile::TempDir) {
    static S: OnceLock<(common::Server, tempfile::TempDir)> = OnceLock::new();
    S.get_or_init(|| {
        let (dir, db) = store_with(&["articles.jsonl", "hostile.jsonl"]);
        (start(Options::new(db)), dir)
    })
}

fn addr() -> std::net::SocketAddr {
    server().0.addr
}

fn ok(r: Resp) -> Value {
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

fn total(a: SocketAddr, q: &str) -> u64 {
    ok(get(a, &format!("/api/events?{q}")))["total"]
        .as_u64()
        .unwrap()
}

#[test]
fn filters_change_counts() {
    filters_change_counts_on(addr());
}

fn filters_change_counts_on(a: SocketAddr) {
    let all = ok(get(a, "/api/stats"));
    let n = all["events"].as_u64().unwrap();
    assert!(n >= 15, "fixtures give many events: {all}");
    assert_eq!(total(a, ""), n);
    assert_eq!(all["articles"], 6);
    let by_root: u64 = all["by_root"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .sum();
    assert_eq!(by_root, n);
    let by_day: u64 = all["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_u64().unwrap())
        .sum();
    assert_eq!(by_day + all["undated"].as_u64().unwrap(), n);

    for q in [
        "root=19",
        "quad=1",
        "status=planned",
        "place_country=SY",
        "text=Nairobi",
        "source=northern%20courier",
        "from=2024-03-07&to=2024-03-08",
        "bbox=30,30,40,40",
        "min_confidence=0.6",
    ] {
        let t = total(a, q);
        let s = ok(get(a, &format!("/api/stats?{q}")));
        assert!(t > 0 && t < n, "{q}: {t} of {n}");
        assert_eq!(
            s["events"].as_u64().unwrap(),
            t,
            "{q}: stats agree with events"
        );
    }
    let root19 = ok(get(a, "/api/events?root=19&limit=500"));
    let evs = root19["events"].as_array().unwrap();
    assert!(evs.iter().all(|e| e["root"] == "19"));
    let root19_stats = ok(get(a, "/api/stats?root=19"));
    assert_eq!(root19_stats["by_root"].as_array().unwrap().len(), 1);
    // Filters combine with AND.
    assert!(total(a, "root=19&place_country=SY") < total(a, "root=19"));
    // Every event kept by a least confidence carries at least that confidence; the others
    // one below it.
    let sure = ok(get(a, "/api/events?min_confidence=0.6&limit=500"));
    let sure = sure["events"].as_array().unwrap();
    assert!(!sure.is_empty());
    assert!(
        sure.iter()
            .all(|e| e["confidence"].as_f64().unwrap() >= 0.6)
    );
    let every = ok(get(a, "/api/events?limit=500"));
    let below = every["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["confidence"].as_f64().unwrap() < 0.6)
        .count();
    assert_eq!(below + sure.len(), n as usize);
    // The page's empty form fields are no filters.
    assert_eq!(total(a, "root=&quad=&text="), n);
    // Map points carry the filter too.
    let pts = ok(get(a, "/api/points?root=19&limit=0"));
    let pts = pts["points"].as_array().unwrap();
    assert!(!pts.is_empty() && pts.iter().all(|p| p["root"] == "19"));
}

#[test]
fn pagination() {
    pagination_on(addr());
}

fn pagination_on(a: SocketAddr) {
    let n = total(a, "");
    let mut seen = BTreeSet::new();
    let mut offset = 0;
    loop {
        let page = ok(get(a, &format!("/api/events?limit=4&offset={offset}")));
        assert_eq!(page["total"].as_u64().unwrap(), n);
        for e in page["events"].as_array().unwrap() {
            assert!(seen.insert(e["id"].as_i64().unwrap()), "no event twice");
        }
        match page["next_offset"].as_u64() {
            Some(next) => {
                assert_eq!(page["events"].as_array().unwrap().len(), 4);
                offset = next;
            }
            None => break,
        }
    }
    assert_eq!(seen.len() as u64, n, "pages cover every event once");
    let past = ok(get(a, "/api/events?offset=100000"));
    assert_eq!(past["events"].as_array().unwrap().len(), 0);
    assert!(past["next_offset"].is_null());
}

#[test]
fn one_event_with_its_evidence() {
    one_event_with_its_evidence_on(addr());
}

fn one_event_with_its_evidence_on(a: SocketAddr) {
    let page = ok(get(a, "/api/events?root=18&limit=1"));
    let id = page["events"][0]["id"].as_i64().unwrap();
    let ev = ok(get(a, &format!("/api/events/{id}")));
    let art = ok(get(a, &format!("/api/events/{id}/article")));
    let text = art["article"]["text"].as_str().unwrap().as_bytes();
    let span = |a: &str, b: &str| {
        std::str::from_utf8(
            &text[ev[a].as_u64().unwrap() as usize..ev[b].as_u64().unwrap() as usize],
        )
        .unwrap()
        .to_string()
    };
    assert_eq!(
        span("trigger_start", "trigger_end"),
        ev["trigger"].as_str().unwrap()
    );
    assert_eq!(
        span("sentence_start", "sentence_end"),
        ev["evidence"].as_str().unwrap()
    );
    assert_eq!(ev["record"]["id"], ev["event"]);
    assert!(ev["cluster"]["mentions"].as_i64().unwrap() >= 1);
    assert_eq!(art["article"]["id"], ev["article"]);
    // The article by its id: the same record, with every layer.
    let by_id = ok(get(
        a,
        &format!("/api/articles/{}", ev["article"].as_str().unwrap()),
    ));
    assert_eq!(by_id, art);
    for layer in [
        "sentences",
        "entities",
        "places",
        "times",
        "events",
        "casualties",
        "quotes",
    ] {
        assert!(by_id[layer].is_array(), "{layer}");
    }
}

#[test]
fn not_found_and_bad_requests() {
    not_found_and_bad_requests_on(addr());
}

fn not_found_and_bad_requests_on(a: SocketAddr) {
    for p in [
        "/api/events/999999",
        "/api/events/0",
        "/api/events/abc",
        "/api/events/999999/article",
        "/api/articles/no-such-article",
        "/api/nothing",
        "/nothing",
    ] {
        let r = get(a, p);
        assert_eq!(r.status, 404, "{p}");
        assert!(r.json()["error"].is_string(), "{p}");
    }
    for p in [
        "/api/events?limit=501",
        "/api/events?limit=0",
        "/api/events?limit=x",
        "/api/events?quad=5",
        "/api/events?root=abc",
        "/api/events?from=yesterday",
        "/api/events?bbox=1,2,3",
        "/api/events?text=%22unclosed",
        "/api/events?rooot=19",
        "/api/events?min_confidence=2",
        "/api/events?min_confidence=high",
        "/api/search",
        "/api/search?q=%22unclosed",
        "/api/stats?status=maybe",
    ] {
        let r = get(a, p);
        assert_eq!(r.status, 400, "{p}: {}", r.text());
        assert!(!r.json()["error"].as_str().unwrap().is_empty(), "{p}");
    }
}

#[test]
fn search_finds_articles() {
    search_finds_articles_on(addr());
}

fn search_finds_articles_on(a: SocketAddr) {
    let r = ok(get(a, "/api/search?q=tear%20gas"));
    assert_eq!(r["total"], 1);
    assert_eq!(r["hits"][0]["article"], "fx-nairobi");
    let parts = r["hits"][0]["snippet"].as_array().unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p["hit"] == true && p["text"] == "tear")
    );
    let r = ok(get(a, "/api/search?q=Aleppo%20OR%20Homs"));
    assert_eq!(r["total"], 2);
}

#[test]
fn openapi_describes_every_route() {
    openapi_describes_every_route_on(addr());
}

fn openapi_describes_every_route_on(a: SocketAddr) {
    let doc = ok(get(a, "/api/openapi.json"));
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/events/{id}/article",
        "/api/articles",
        "/api/articles/{id}",
        "/api/search",
        "/api/stats",
        "/api/points",
        "/api/info",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(p), "{p}");
    }
    // Every $ref points at a component that exists.
    let text = serde_json::to_string(&doc).unwrap();
    for r in text.split("\"$ref\":\"#/").skip(1) {
        let path = &r[..r.find('"').unwrap()];
        let mut v = &doc;
        for k in path.split('/') {
            v = &v[k];
        }
        assert!(!v.is_null(), "dangling $ref {path}");
    }
    // Every filter the server accepts is described.
    let params: BTreeSet<String> = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let p = match p["$ref"].as_str() {
                Some(r) => &doc["components"]["parameters"][r.rsplit('/').next().unwrap()],
                None => p,
            };
            p["name"].as_str().unwrap().to_string()
        })
        .collect();
    for q in [
        "actor",
        "country",
        "cameo",
        "root",
        "plover",
        "quad",
        "status",
        "from",
        "to",
        "place_country",
        "admin1",
        "bbox",
        "source",
        "text",
        "limit",
        "offset",
    ] {
        assert!(params.contains(q), "{q}");
        let r = get(a, &format!("/api/events?{q}="));
        assert_eq!(r.status, 200, "{q} is accepted");
    }
}

#[test]
fn static_files_only_from_the_embedded_set() {
    static_files_only_from_the_embedded_set_on(addr());
}

fn static_files_only_from_the_embedded_set_on(a: SocketAddr) {
    let r = get(a, "/");
    assert_eq!(r.status, 200);
    assert!(r.text().contains("/static/app.js"));
    let r = get(a, "/static/vendor/countries-110m.json");
    assert_eq!(r.status, 200);
    assert!(r.json()["objects"]["countries"].is_object());
    assert_eq!(get(a, "/static/app.js").status, 200);
    for p in [
        "/static/../Cargo.toml",
        "/static/../../Cargo.toml",
        "/static/..%2fCargo.toml",
        "/static/..%2F..%2FCargo.toml",
        "/static/%2e%2e/%2e%2e/Cargo.toml",
        "/static/vendor/../app.js",
        "/static//etc/passwd",
        "/static/%2Fetc%2Fpasswd",
        "/static/..\\..\\Cargo.toml",
        "/static/app.js%00.png",
        "/static/web/app.js",
        "/../../../../etc/passwd",
        "/static/",
        "/src/lib.rs",
    ] {
        let r = get(a, p);
        assert_eq!(r.status, 404, "{p}");
        let t = r.text();
        assert!(!t.contains("[package]") && !t.contains("root:"), "{p}");
    }
}

#[test]
fn security_headers_and_host_check() {
    security_headers_and_host_check_on(addr());
}

fn security_headers_and_host_check_on(a: SocketAddr) {
    for p in ["/", "/api/stats", "/static/app.js", "/nothing"] {
        let r = get(a, p);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
            "{p}"
        );
        assert!(!csp.contains("unsafe-inline"), "{p}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{p}");
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{p}");
    }
    assert_eq!(
        get(a, "/api/stats").header("cache-control"),
        Some("no-store")
    );
    // A loopback server answers only requests addressed to a loopback name (DNS rebinding).
    let r = request(a, "GET", "/api/stats", &[("Host", "evil.example")], b"");
    assert_eq!(r.status, 421);
    let host = format!("localhost:{}", a.port());
    let r = request(a, "GET", "/api/stats", &[("Host", &host)], b"");
    assert_eq!(r.status, 200);
}

#[test]
fn read_only_without_a_token() {
    read_only_without_a_token_on(addr());
}

fn read_only_without_a_token_on(a: SocketAddr) {
    let line = br#"{"id": "new-1", "text": "Troops shelled Idlib on Monday."}"#;
    let r = request(a, "POST", "/api/articles", &[], line);
    assert_eq!(r.status, 403, "{}", r.text());
    let r = request(
        a,
        "POST",
        "/api/articles",
        &[("Authorization", "Bearer anything-at-all")],
        line,
    );
    assert_eq!(r.status, 403);
    assert_eq!(ok(get(a, "/api/info"))["writable"], false);
    // Other methods on read endpoints.
    assert_eq!(request(a, "DELETE", "/api/events/1", &[], b"").status, 405);
    assert_eq!(request(a, "PUT", "/api/stats", &[], b"x").status, 405);
}

#[test]
fn token_required_for_writes() {
    let (_dir, db) = store_with(&["articles.jsonl"]);
    token_required_for_writes_on(db);
}

fn token_required_for_writes_on(db: PathBuf) {
    let mut opts = Options::new(db);
    opts.token = Some("s3cret-token-for-tests".into());
    opts.max_body = 4096;
    let srv = start(opts);
    let a = srv.addr;
    let before = ok(get(a, "/api/info"));
    assert_eq!(before["writable"], true);
    let body = concat!(
        r#"{"id": "new-1", "published": "2024-03-20", "text": "Government troops shelled Idlib on Monday, killing three civilians."}"#,
        "\n",
        r#"{"id": "new-2", "published": "2024-03-21", "text": "Protesters marched in Beirut on Tuesday."}"#,
        "\n",
        "not json\n"
    );
    for auth in [
        None,
        Some("Bearer wrong-token-123"),
        Some("s3cret-token-for-tests"),
        Some("Basic s3cret-token-for-tests"),
    ] {
        let h: Vec<(&str, &str)> = auth.map(|v| ("Authorization", v)).into_iter().collect();
        let r = request(a, "POST", "/api/articles", &h, body.as_bytes());
        assert_eq!(r.status, 401, "{auth:?}");
        assert!(r.header("www-authenticate").is_some());
    }
    assert_eq!(ok(get(a, "/api/info"))["articles"], before["articles"]);
    // A search and a page asked before the write (now cached) ...
    assert_eq!(ok(get(a, "/api/search?q=Idlib"))["total"], 0);
    let newest = |a| ok(get(a, "/api/events?limit=500"))["events"].clone();
    let page = newest(a);
    assert_eq!(page, newest(a), "the same page twice");
    let auth = [("Authorization", "Bearer s3cret-token-for-tests")];
    let r = request(a, "POST", "/api/articles", &auth, body.as_bytes());
    assert_eq!(r.status, 207, "{}", r.text());
    let j = r.json();
    assert_eq!(j["new"], 2);
    assert_eq!(j["errors"].as_array().unwrap().len(), 1);
    assert!(j["errors"][0]["input"].as_str().unwrap().contains("line 3"));
    let after = ok(get(a, "/api/info"));
    assert_eq!(
        after["articles"].as_u64().unwrap(),
        before["articles"].as_u64().unwrap() + 2
    );
    assert!(after["events"].as_u64().unwrap() > before["events"].as_u64().unwrap());
    // The new article is searchable at once (caches follow the store), and its events are on
    // the page asked for before.
    assert_eq!(ok(get(a, "/api/search?q=Idlib"))["total"], 1);
    let now = newest(a);
    assert!(
        now.as_array().unwrap().len() > page.as_array().unwrap().len(),
        "{now}"
    );
    assert!(
        now.as_array()
            .unwrap()
            .iter()
            .any(|e| e["article"] == "new-1")
    );
    // Again: stored once.
    let r = request(
        a,
        "POST",
        "/api/articles",
        &auth,
        body.lines().next().unwrap().as_bytes(),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["present"], 1);
    // Over the body limit.
    let big = format!(
        "{{\"id\": \"big\", \"text\": \"{}\"}}",
        "Troops shelled the town. ".repeat(400)
    );
    let r = request(a, "POST", "/api/articles", &auth, big.as_bytes());
    assert_eq!(r.status, 413, "{}", r.text());
    // An empty body is a bad request.
    assert_eq!(
        request(a, "POST", "/api/articles", &auth, b"\n").status,
        400
    );
}

#[test]
fn short_tokens_are_refused() {
    let (_dir, db) = store_with(&[]);
    let mut opts = Options::new(db);
    opts.token = Some("short".into());
    let addr = "127.0.0.1:0".parse().unwrap();
    assert!(dateline_serve::App::new(opts, addr).is_err());
}

/// Records of many generated articles, for the time limit.
fn many(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let text = format!("Article {i}: troops shelled the town of Place{} at dawn.", i % 97);
            let day = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
            serde_json::json!({
                "schema": "dateline/1",
                "article": {"id": format!("gen-{i}"), "text": text, "published": day},
                "sentences": [{"start": 0, "end": text.len()}],
                "places": [{"id": "p1", "name": "Town", "lat": (i % 80) as f64, "lon": (i % 170) as f64, "country": "SY"}],
                "events": [
                    {"id": "v1", "cameo": "194", "cameo_root": "19", "quad_class": 4, "status": "occurred",
                     "sentence": 0, "trigger": {"start": 0, "end": 7}, "date": {"value": day}, "place": {"place": "p1"},
                     "source": [{"code": format!("SYR{}", i % 13)}], "target": [{"code": "SYRREB"}]},
                    {"id": "v2", "cameo": "040", "cameo_root": "04", "quad_class": 1, "status": "planned",
                     "sentence": 0, "trigger": {"start": 0, "end": 7}, "date": {"value": day}}
                ]
            })
        })
        .collect()
}

#[test]
fn query_time_is_limited() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    {
        use dateline_store::EventStore;
        let mut s = dateline_store::Store::open(&db).unwrap();
        for chunk in many(40_000).chunks(5000) {
            s.insert_batch(chunk).unwrap();
        }
    }
    query_time_is_limited_on(db);
}

fn query_time_is_limited_on(db: PathBuf) {
    let mut opts = Options::new(&db);
    opts.query_ms = 1;
    let srv = start(opts);
    // Counting 40,000 events through a full-text condition cannot finish in a millisecond.
    let r = get(srv.addr, "/api/events?text=troops&actor=SYR&offset=39990");
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.json()["error"].as_str().unwrap().contains("1 ms"));
    // The server stays up and answers small requests.
    let r = get(srv.addr, "/api/events/1");
    assert!(r.status == 200 || r.status == 503, "{}", r.status);
    drop(srv);
    let srv = start(Options::new(&db));
    let r = get(srv.addr, "/api/stats?text=troops&actor=SYR");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["events"], 40_000);
}

/// A check of a running server.
type Check = fn(SocketAddr);

/// The read checks above, by name, for running them on another backend.
const READ_CHECKS: &[(&str, Check)] = &[
    ("filters_change_counts", filters_change_counts_on),
    ("pagination", pagination_on),
    (
        "one_event_with_its_evidence",
        one_event_with_its_evidence_on,
    ),
    ("not_found_and_bad_requests", not_found_and_bad_requests_on),
    ("search_finds_articles", search_finds_articles_on),
    (
        "openapi_describes_every_route",
        openapi_describes_every_route_on,
    ),
    (
        "static_files_only_from_the_embedded_set",
        static_files_only_from_the_embedded_set_on,
    ),
    (
        "security_headers_and_host_check",
        security_headers_and_host_check_on,
    ),
    ("read_only_without_a_token", read_only_without_a_token_on),
];

/// Filters of the comparison: each selects some of the fixture events.
const FILTERS: &[&str] = &[
    "",
    "root=19",
    "root=4",
    "quad=1",
    "quad=4",
    "status=planned",
    "status=occurred",
    "place_country=SY",
    "text=Nairobi",
    "text=shelling%20OR%20talks",
    "text=%22tear%20gas%22",
    "text=negotiat*",
    "source=northern%20courier",
    "from=2024-03-07&to=2024-03-08",
    "from=2024-03",
    "bbox=30,30,40,40",
    "bbox=170,-60,-170,60",
    "actor=SYR",
    "actor=KEN",
    "country=SYR",
    "cameo=19",
    "cameo=0",
    "plover=ASSAULT",
    "admin1=Aleppo",
    "root=19&place_country=SY",
];

/// The same requests to both servers must give the same answers. Search snippets are made by
/// FTS5's `snippet()` on SQLite and `ts_headline` on PostgreSQL, and the two rank ties
/// differently: hits are compared as a set, with the words each marks as hits.
fn same_answers(sqlite: SocketAddr, pg: SocketAddr, clusters: bool) {
    let fetch = |a: SocketAddr, path: &str| {
        let r = get(a, path);
        let v = if r.status == 200 {
            r.json()
        } else {
            Value::Null
        };
        (r.status, v)
    };
    let norm = |path: &str, mut v: Value| {
        if !clusters && (path.starts_with("/api/info") || path.starts_with("/api/points")) {
            // Whether the store has a cluster column at all (see on_postgres).
            if let Some(o) = v.as_object_mut() {
                o.remove("clusters");
            }
        }
        v
    };
    let mut paths: Vec<String> = vec![
        "/api/info".into(),
        "/api/events?limit=4&offset=4".into(),
        "/api/events?limit=3&offset=7".into(),
        "/api/events?limit=5&offset=1000".into(),
    ];
    for q in FILTERS {
        paths.push(format!("/api/stats?{q}"));
        paths.push(format!("/api/events?{q}&limit=500"));
        paths.push(format!("/api/points?{q}&limit=0"));
        paths.push(format!("/api/points?{q}&limit=2"));
    }
    let all = ok(get(sqlite, "/api/events?limit=500"));
    let mut docs = BTreeSet::new();
    for e in all["events"].as_array().unwrap() {
        let id = e["id"].as_i64().unwrap();
        paths.push(format!("/api/events/{id}"));
        paths.push(format!("/api/events/{id}/article"));
        docs.insert(e["article"].as_str().unwrap().to_string());
    }
    assert!(docs.len() >= 5, "{docs:?}");
    for d in &docs {
        paths.push(format!("/api/articles/{d}"));
    }
    for bad in [
        "/api/events/999999",
        "/api/events/999999/article",
        "/api/articles/no-such-article",
        "/api/events?limit=501",
        "/api/events?quad=5",
        "/api/events?root=abc",
        "/api/events?from=yesterday",
        "/api/events?text=%22unclosed",
        "/api/search?q=%22unclosed",
        "/api/stats?status=maybe",
        "/api/points?bbox=1,2,3",
    ] {
        paths.push(bad.into());
    }
    let mut compared = 0;
    for path in &paths {
        let (ss, sv) = fetch(sqlite, path);
        let (ps, pv) = fetch(pg, path);
        assert_eq!(ss, ps, "{path}: status");
        assert_eq!(norm(path, sv), norm(path, pv), "{path}: answer");
        compared += 1;
    }
    // Search: the same total and the same articles, each with the same row fields and the
    // same words marked as hits.
    for q in [
        "tear%20gas",
        "Aleppo%20OR%20Homs",
        "%22tear%20gas%22",
        "shell*",
        "talks%20NOT%20ceasefire",
        "zzzunknownword",
        "Homs%20monitor",
        // Not "script": PostgreSQL's text parser reads `<script>` as a tag and indexes no
        // word of it, where FTS5 indexes "script" (docs/serve.md).
    ] {
        let path = format!("/api/search?q={q}&limit=500");
        let hits = |a: SocketAddr| {
            let r = ok(get(a, &path));
            let mut v: Vec<Value> = r["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    let mut h = h.clone();
                    let words: BTreeSet<String> = h["snippet"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|p| p["hit"] == true)
                        .map(|p| p["text"].as_str().unwrap().to_lowercase())
                        .collect();
                    h["snippet"] = serde_json::json!(words);
                    h
                })
                .collect();
            v.sort_by_key(|h| h["article"].as_str().unwrap().to_string());
            (r["total"].clone(), v)
        };
        let (st, sh) = hits(sqlite);
        let (pt, ph) = hits(pg);
        assert_eq!(st, pt, "{path}: total");
        assert_eq!(sh.len() as u64, st.as_u64().unwrap(), "{path}");
        for (a, b) in sh.iter().zip(&ph) {
            let strip = |h: &Value| {
                let mut h = h.clone();
                h["snippet"] = Value::Null;
                h
            };
            assert_eq!(strip(a), strip(b), "{path}: hit");
            // A snippet is a window of the text: the words it marks are among the query's.
            let (sa, sb) = (
                a["snippet"].as_array().unwrap(),
                b["snippet"].as_array().unwrap(),
            );
            assert!(
                !sb.is_empty(),
                "{path}: the PostgreSQL snippet marks a hit: {b}"
            );
            for w in sb {
                assert!(
                    sa.contains(w) || path.contains(&w.as_str().unwrap()[..3]),
                    "{path}: {w} marked on PostgreSQL only"
                );
            }
        }
        compared += 1;
    }
    println!("postgres: {compared} requests gave the same answers as on SQLite");
}

/// A backfill that rewrites clusters without adding a row (the largest article and event
/// ids stay) drops the cached pages, searches and stats: `write` runs the statement on the
/// store from outside the server.
fn a_rewrite_without_new_rows_drops_cached_answers_on(a: SocketAddr, write: &dyn Fn(&str)) {
    let q = "/api/events?limit=50";
    let page = ok(get(a, q));
    let clustered = |p: &Value| {
        p["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| !e["cluster"]["id"].is_null())
            .count()
    };
    assert!(clustered(&page) > 0, "the fixtures have clusters: {page}");
    // Asked again: the same (cached) body.
    assert_eq!(ok(get(a, q)), page);
    let stats = ok(get(a, "/api/stats"));
    assert!(stats["clusters"].as_u64().unwrap() > 0, "{stats}");
    write("UPDATE events SET cluster = NULL");
    let after = ok(get(a, q));
    assert_eq!(clustered(&after), 0, "the cached page was served: {after}");
    assert_eq!(after["total"], page["total"]);
    let stats_after = ok(get(a, "/api/stats"));
    assert_ne!(stats_after["clusters"], stats["clusters"], "{stats_after}");
}

#[test]
fn a_rewrite_without_new_rows_drops_cached_answers() {
    let (_dir, db) = store_with(&["articles.jsonl", "hostile.jsonl"]);
    let srv = start(Options::new(&db));
    let path = db.clone();
    a_rewrite_without_new_rows_drops_cached_answers_on(srv.addr, &|sql| {
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(sql)
            .unwrap()
    });
}

/// The fixture articles in a new database of a test PostgreSQL server.
fn postgres_with(
    pg: &dateline_store_pg::testing::TempPostgres,
    name: &str,
    records: &[Value],
) -> String {
    use dateline_store::EventStore;
    let url = pg.create_database(name);
    let mut s = dateline_store_pg::PgStore::open(&url).unwrap();
    for chunk in records.chunks(5000) {
        s.insert_batch(chunk).unwrap();
    }
    url
}

/// Every test above again with the server on PostgreSQL (a private server of the test, skipped
/// with a notice when PostgreSQL is not installed), then the same requests to a SQLite server
/// and a PostgreSQL server of the same articles, compared answer by answer.
#[test]
fn on_postgres() {
    let Some(pg) = dateline_store_pg::testing::TempPostgres::start() else {
        return;
    };
    let fixtures = common::records(&["articles.jsonl", "hostile.jsonl"]);
    let url = postgres_with(&pg, "fixtures", &fixtures);
    let srv = start(Options::new(&url));
    for (name, check) in READ_CHECKS {
        println!("postgres: {name}");
        check(srv.addr);
    }
    // A SQLite store whose mentions are all unclustered: what SQLite answers for them (each
    // its own event), to compare with a PostgreSQL store without clusters.
    let (_plain_dir, plain_db) = store_with(&["articles.jsonl", "hostile.jsonl"]);
    dateline_store::Store::open(&plain_db)
        .unwrap()
        .connection()
        .execute_batch("UPDATE events SET cluster = NULL")
        .unwrap();
    let plain = start(Options::new(&plain_db));
    let info = ok(get(srv.addr, "/api/info"));
    if info["clusters"] == true {
        same_answers(addr(), srv.addr, true);
        // And a database without the cluster column (one made before PostgreSQL had
        // clusters): every mention answers as an unclustered SQLite mention.
        println!("postgres: a store without clusters");
        let url = postgres_with(&pg, "unclustered", &fixtures);
        let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        c.batch_execute("ALTER TABLE events DROP COLUMN cluster CASCADE")
            .unwrap();
        let old = start(Options::new(&url));
        assert_eq!(ok(get(old.addr, "/api/info"))["clusters"], false);
        same_answers(plain.addr, old.addr, false);
    } else {
        println!("NOTICE: this PostgreSQL store has no event clusters");
        same_answers(plain.addr, srv.addr, false);
    }
    drop(srv);
    println!("postgres: a_rewrite_without_new_rows_drops_cached_answers");
    let url = postgres_with(&pg, "rewrite", &fixtures);
    let rewrite = start(Options::new(&url));
    if ok(get(rewrite.addr, "/api/info"))["clusters"] == true {
        a_rewrite_without_new_rows_drops_cached_answers_on(rewrite.addr, &|sql| {
            postgres::Client::connect(&url, postgres::NoTls)
                .unwrap()
                .batch_execute(sql)
                .unwrap()
        });
    }
    drop(rewrite);
    println!("postgres: token_required_for_writes");
    let url = postgres_with(&pg, "writes", &common::records(&["articles.jsonl"]));
    token_required_for_writes_on(PathBuf::from(url));
    println!("postgres: query_time_is_limited");
    let url = postgres_with(&pg, "big", &many(40_000));
    query_time_is_limited_on(PathBuf::from(url));
}
