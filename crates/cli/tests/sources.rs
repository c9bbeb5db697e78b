//! `dateline ingest` and `extract` of WARC files and RSS/Atom feeds, on the real binary. Feeds
//! are served by a small HTTP server on loopback that the tests start, which counts requests
//! and checks the conditional GET headers. Every article here was written for these tests.

use dateline_store::{EventStore, Store};
use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run dateline")
}

fn ingest(db: &Path, inputs: &[&str], extra: &[&str]) -> Output {
    let mut args = vec!["ingest", "--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend_from_slice(inputs);
    dateline(&args)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn articles(db: &Path) -> u64 {
    Store::open_read_only(db)
        .unwrap()
        .counts()
        .unwrap()
        .articles
}

/// Title and text of every stored article, by URL.
fn stored(db: &Path) -> HashMap<String, (String, String)> {
    let store = Store::open_read_only(db).unwrap();
    let mut st = store
        .connection()
        .prepare("SELECT url, coalesce(title, ''), text FROM articles")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

// ---------------------------------------------------------------- a loopback HTTP server

#[derive(Clone, Debug)]
struct Request {
    path: String,
    headers: HashMap<String, String>,
}

#[derive(Clone)]
struct Resource {
    status: u16,
    content_type: &'static str,
    body: String,
    /// Served with an ETag (and Last-Modified) and answered 304 when they match.
    conditional: bool,
    location: Option<String>,
}

#[derive(Clone, Default)]
struct Server {
    resources: Arc<Mutex<HashMap<String, Resource>>>,
    requests: Arc<Mutex<Vec<Request>>>,
}

const LAST_MODIFIED: &str = "Tue, 05 Mar 2024 09:00:00 GMT";

impl Server {
    fn start() -> (Server, String) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let server = Server::default();
        let s = server.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let s = s.clone();
                std::thread::spawn(move || s.handle(conn));
            }
        });
        (server, base)
    }

    fn set(&self, path: &str, r: Resource) {
        self.resources.lock().unwrap().insert(path.into(), r);
    }

    fn feed(&self, path: &str, body: String) {
        self.set(
            path,
            Resource {
                status: 200,
                content_type: "application/rss+xml; charset=utf-8",
                body,
                conditional: true,
                location: None,
            },
        );
    }

    fn requests_to(&self, path: &str) -> Vec<Request> {
        let all = self.requests.lock().unwrap();
        all.iter().filter(|r| r.path == path).cloned().collect()
    }

    fn handle(&self, conn: TcpStream) {
        let mut reader = BufReader::new(conn.try_clone().unwrap());
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() {
            return;
        }
        let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
        let mut headers = HashMap::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
            }
        }
        self.requests.lock().unwrap().push(Request {
            path: path.clone(),
            headers: headers.clone(),
        });
        let res = self.resources.lock().unwrap().get(&path).cloned();
        let mut conn = conn;
        let Some(res) = res else {
            let _ = conn.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            return;
        };
        let etag = format!(
            "\"{:016x}\"",
            xxhash_like(res.body.as_bytes()) // a version tag that changes with the body
        );
        let mut head = String::new();
        if res.conditional {
            head.push_str(&format!(
                "ETag: {etag}\r\nLast-Modified: {LAST_MODIFIED}\r\n"
            ));
            if headers.get("if-none-match") == Some(&etag) {
                let _ = conn.write_all(
                    format!("HTTP/1.1 304 Not Modified\r\n{head}Connection: close\r\n\r\n")
                        .as_bytes(),
                );
                return;
            }
        }
        if let Some(l) = &res.location {
            head.push_str(&format!("Location: {l}\r\n"));
        }
        let reason = match res.status {
            200 => "OK",
            301 => "Moved Permanently",
            302 => "Found",
            _ => "Other",
        };
        let _ = conn.write_all(
            format!(
                "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{head}\
                 Connection: close\r\n\r\n{}",
                res.status,
                res.content_type,
                res.body.len(),
                res.body
            )
            .as_bytes(),
        );
    }
}

/// FNV-1a: enough to tell versions of a test feed apart.
fn xxhash_like(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf29ce484222325, |h, &c| {
        (h ^ c as u64).wrapping_mul(0x100000001b3)
    })
}

// ---------------------------------------------------------------- feeds written for the tests

struct Item<'a> {
    title: &'a str,
    path: &'a str,
    date: &'a str,
    summary: &'a str,
}

const ITEMS: [Item; 5] = [
    Item {
        title: "Dockers strike at Port Ferro",
        path: "/news/dockers",
        date: "Mon, 04 Mar 2024 08:00:00 GMT",
        summary: "Dockers at Port Ferro walked out on Monday over pay, halting container traffic, \
                  the union said.",
    },
    Item {
        title: "Ministers meet in Valdora",
        path: "/news/ministers",
        date: "Tue, 05 Mar 2024 10:00:00 GMT",
        summary: "Foreign ministers of the two countries met in Valdora on Tuesday to discuss \
                  the border crossings.",
    },
    Item {
        title: "Floods close the coast road",
        path: "/news/floods",
        date: "Wed, 06 Mar 2024 07:30:00 GMT",
        summary: "Heavy rain flooded the coast road north of Lisca on Wednesday, and police \
                  closed it to traffic.",
    },
    Item {
        title: "Council approves bridge repairs",
        path: "/news/bridge",
        date: "Thu, 07 Mar 2024 16:00:00 GMT",
        summary: "The city council of Marren approved repairs to the river bridge on Thursday.",
    },
    Item {
        title: "Teachers return to work",
        path: "/news/teachers",
        date: "Fri, 08 Mar 2024 09:15:00 GMT",
        summary: "Teachers in the northern province returned to work on Friday after a \
                  two-day strike ended.",
    },
];

fn rss(base: &str, items: &[Item]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Harbour Gazette</title><link>https://gazette.example/</link>\
         <description>News</description>\n",
    );
    for it in items {
        s.push_str(&format!(
            "<item><title>{}</title><link>{base}{}</link><guid>{base}{}</guid>\
             <pubDate>{}</pubDate><description>&lt;p&gt;{}&lt;/p&gt;</description></item>\n",
            it.title, it.path, it.path, it.date, it.summary
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

#[test]
fn a_feed_url_is_read_with_conditional_get() {
    let (server, base) = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let url = format!("{base}/feed.xml");
    server.feed("/feed.xml", rss("https://gazette.example", &ITEMS[..3]));

    // First ingest: every entry stored.
    let o = ingest(&db, &[&url], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 entries"), "{}", stderr(&o));
    assert_eq!(articles(&db), 3);
    let s = stored(&db);
    let (title, text) = &s["https://gazette.example/news/ministers"];
    assert_eq!(title, "Ministers meet in Valdora");
    assert!(text.contains("met in Valdora on Tuesday"), "{text}");
    let first = server.requests_to("/feed.xml");
    assert_eq!(first.len(), 1);
    assert!(!first[0].headers.contains_key("if-none-match"));

    // Second ingest: the validators are sent, the server answers 304, nothing is stored.
    let o = ingest(&db, &[&url], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("not modified"), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 articles read"), "{}", stderr(&o));
    assert_eq!(articles(&db), 3);
    let reqs = server.requests_to("/feed.xml");
    assert_eq!(reqs.len(), 2);
    assert!(reqs[1].headers["if-none-match"].starts_with('"'));
    assert_eq!(reqs[1].headers["if-modified-since"], LAST_MODIFIED);

    // The feed changes: two new entries; only they are new in the store.
    server.feed("/feed.xml", rss("https://gazette.example", &ITEMS));
    let o = ingest(&db, &[&url], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("2 new, 3 already present"),
        "{}",
        stderr(&o)
    );
    assert_eq!(articles(&db), 5);
    assert_eq!(server.requests_to("/feed.xml").len(), 3);
    let state = Store::open_read_only(&db)
        .unwrap()
        .feed_state(&url)
        .unwrap()
        .unwrap();
    assert_eq!(state.entries, 5);
    assert_eq!(state.last_modified.as_deref(), Some(LAST_MODIFIED));
}

#[test]
fn fetch_articles_reads_the_linked_pages() {
    let (server, base) = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    server.feed("/feed.rss", rss(&base, &ITEMS[..2]));
    for it in &ITEMS[..2] {
        server.set(
            it.path,
            Resource {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: format!(
                    "<!DOCTYPE html><html><head><title>{0}</title></head><body><article>\
                     <h1>{0}</h1><p>{1}</p><p>The full page adds a second paragraph that the \
                     feed summary does not carry.</p></article></body></html>",
                    it.title, it.summary
                ),
                conditional: false,
                location: None,
            },
        );
    }
    let url = format!("{base}/feed.rss");
    let o = ingest(&db, &[&url], &["--fetch-articles"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stored(&db);
    assert_eq!(s.len(), 2);
    let (_, text) = &s[&format!("{base}/news/dockers")];
    assert!(text.contains("second paragraph"), "{text}");
    assert_eq!(server.requests_to("/news/dockers").len(), 1);

    // A page that cannot be fetched is an error naming the entry and its link; the feed's
    // version is not remembered, so that the next run reads it again.
    let db2 = dir.path().join("q.db");
    server.feed("/feed2.rss", rss(&base, &ITEMS[..3]));
    let url2 = format!("{base}/feed2.rss");
    let o = ingest(&db2, &[&url2], &["--fetch-articles"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{url2}#3 ({base}/news/floods): HTTP 404")),
        "{err}"
    );
    assert_eq!(articles(&db2), 2);
    let store = Store::open_read_only(&db2).unwrap();
    assert_eq!(store.feed_state(&url2).unwrap(), None);
}

#[test]
fn feed_url_errors_are_clear_and_do_not_stop_the_batch() {
    let (server, base) = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    server.feed("/feed.xml", rss("https://gazette.example", &ITEMS[..1]));
    server.set(
        "/page.html",
        Resource {
            status: 200,
            content_type: "text/html",
            body: "<!DOCTYPE html><html><body><p>Not a feed.</p></body></html>".into(),
            conditional: false,
            location: None,
        },
    );
    server.set(
        "/moved",
        Resource {
            status: 301,
            content_type: "text/plain",
            body: String::new(),
            conditional: false,
            location: Some(format!("{base}/feed.xml")),
        },
    );
    server.set(
        "/loop",
        Resource {
            status: 302,
            content_type: "text/plain",
            body: String::new(),
            conditional: false,
            location: Some(format!("{base}/loop")),
        },
    );
    // A port nothing listens on.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let inputs = [
        format!("{base}/missing.xml"),
        format!("{base}/page.html"),
        format!("{base}/loop"),
        format!("http://127.0.0.1:{closed}/feed.xml"),
        format!("{base}/moved"),
    ];
    let args: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let o = ingest(&db, &args, &["--timeout", "5"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{base}/missing.xml: HTTP 404 Not Found")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{base}/page.html: not an RSS or Atom feed")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{base}/loop: more than 5 redirects")),
        "{err}"
    );
    assert!(
        err.contains(&format!("127.0.0.1:{closed}/feed.xml: ")),
        "{err}"
    );
    assert!(err.contains("4 errors"), "{err}");
    // The redirected feed was read.
    assert_eq!(articles(&db), 1);
    let loops = server.requests_to("/loop").len();
    assert!((5..=7).contains(&loops), "{loops} requests to /loop");
}

// ---------------------------------------------------------------- WARC and feed files

const PAGE: &str = "<!DOCTYPE html><html><head><title>Ferry service resumes</title></head><body>\
<article><h1>Ferry service resumes</h1><p>The island ferry resumed its crossings on Tuesday after \
storms kept the boats in harbour for a week, the operator said.</p><p>Police closed the harbour \
road for two hours while the first boat was unloaded.</p></article></body></html>";

fn warc_record(uri: &str, date: &str, page: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}",
        page.len()
    );
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(b: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

#[test]
fn warc_files_extract_and_ingest_with_a_bad_record_reported() {
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        (
            "https://ferry.example/a",
            "2024-03-05T10:00:00Z",
            PAGE.to_string(),
        ),
        (
            "https://ferry.example/b",
            "2024-03-06T11:00:00Z",
            PAGE.replace("Tuesday", "Wednesday")
                .replace("island ferry", "night ferry"),
        ),
        (
            "https://ferry.example/c",
            "2024-03-07T12:00:00Z",
            PAGE.replace("island ferry", "river ferry"),
        ),
    ];
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for (i, (u, d, p)) in pages.iter().enumerate() {
        offsets.push(file.len());
        let mut z = gz(&warc_record(u, d, p));
        if i == 1 {
            z[2] = 0; // not deflate: a broken member
        }
        file.extend_from_slice(&z);
    }
    let warc = dir.path().join("crawl.warc.gz");
    std::fs::write(&warc, &file).unwrap();
    let name = warc.display().to_string();

    let o = dateline(&["extract", &name]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["article"]["url"], "https://ferry.example/a");
    // The page states no date: the WARC-Date is the publication date.
    assert_eq!(lines[0]["article"]["published"], "2024-03-05");
    assert_eq!(
        lines[1]["error"]["input"],
        format!("{name}@{}", offsets[1]).as_str()
    );
    assert_eq!(lines[2]["article"]["url"], "https://ferry.example/c");
    let text = lines[2]["article"]["text"].as_str().unwrap();
    assert!(
        text.contains("The river ferry resumed its crossings"),
        "{text}"
    );
    assert_eq!(lines[2]["article"]["title"], "Ferry service resumes");

    // A directory: the WARC, a feed file, a feed with an .xml name; a sitemap is ignored.
    let feeds = dir.path().join("in");
    std::fs::create_dir(&feeds).unwrap();
    std::fs::rename(&warc, feeds.join("crawl.warc.gz")).unwrap();
    std::fs::write(
        feeds.join("gazette.rss"),
        rss("https://gazette.example", &ITEMS[..2]),
    )
    .unwrap();
    std::fs::write(
        feeds.join("valley.xml"),
        rss("https://valley.example", &ITEMS[3..]),
    )
    .unwrap();
    std::fs::write(
        feeds.join("sitemap.xml"),
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
    )
    .unwrap();
    let db = dir.path().join("w.db");
    let o = ingest(&db, &[feeds.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("crawl.warc.gz@"), "{err}");
    assert!(err.contains("1 error"), "{err}");
    assert!(err.contains("WARC: 3 records, 2 HTML pages"), "{err}");
    assert_eq!(articles(&db), 2 + 2 + 2);
    let s = stored(&db);
    assert!(s.contains_key("https://ferry.example/c"));
    assert!(s.contains_key("https://valley.example/news/teachers"));
    // Idempotent across runs.
    let o = ingest(&db, &[feeds.to_str().unwrap()], &[]);
    assert!(
        stderr(&o).contains("0 new, 6 already present"),
        "{}",
        stderr(&o)
    );
}
