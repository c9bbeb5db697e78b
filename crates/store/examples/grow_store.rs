//! Grow a store for latency benchmarks: append `TIMES - 1` copies of every article (with its
//! full-text entry), event and event actor already in it, so that query plans meet a store of
//! a million events without ingesting a million events' articles, then count the event facets
//! again. Copies get new ids, keys and
//! `article.id`s (`#k` appended), keep text, dates and places, and leave out the stored record
//! (`{}`) and the cluster (a copy is a mention of its own). Casualties are not copied.
//!
//!     cp small.db big.db && cargo run --release -p dateline-store --example grow_store -- big.db 6
//!
//! Only for benchmark stores: a grown store is no ingest of real articles.

use rusqlite::Connection;

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    let mut st = conn
        .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let db = args.next().expect("usage: grow_store STORE.db TIMES");
    let times: i64 = args.next().and_then(|t| t.parse().ok()).unwrap_or(2);
    // Bring the schema up to date first.
    drop(dateline_store::Store::open(&db).unwrap());
    let mut conn = Connection::open(&db).unwrap();
    let max = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let (arts, evs) = (
        max("SELECT coalesce(max(id), 0) FROM articles"),
        max("SELECT coalesce(max(id), 0) FROM events"),
    );
    let art_cols = columns(&conn, "articles");
    let ev_cols = columns(&conn, "events");
    let act_cols = columns(&conn, "event_actors");
    let tx = conn.transaction().unwrap();
    for k in 1..times {
        let pick = |cols: &[String], f: &dyn Fn(&str) -> Option<String>| {
            cols.iter()
                .map(|c| f(c).unwrap_or_else(|| c.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let a = pick(&art_cols, &|c| match c {
            "id" => Some(format!("id + {}", k * arts)),
            "doc_id" | "key" => Some(format!("{c} || '#{k}'")),
            "record" => Some("'{}'".into()),
            _ => None,
        });
        tx.execute(
            &format!(
                "INSERT INTO articles ({}) SELECT {a} FROM articles WHERE id <= {arts}",
                art_cols.join(", ")
            ),
            [],
        )
        .unwrap();
        tx.execute(
            &format!(
                "INSERT INTO articles_fts (rowid, title, text)
                 SELECT id + {}, coalesce(title, ''), text FROM articles WHERE id <= {arts}",
                k * arts
            ),
            [],
        )
        .unwrap();
        let e = pick(&ev_cols, &|c| match c {
            "id" => Some(format!("id + {}", k * evs)),
            "article_id" => Some(format!("article_id + {}", k * arts)),
            "cluster" => Some("NULL".into()),
            _ => None,
        });
        tx.execute(
            &format!(
                "INSERT INTO events ({}) SELECT {e} FROM events WHERE id <= {evs}",
                ev_cols.join(", ")
            ),
            [],
        )
        .unwrap();
        let x = pick(&act_cols, &|c| {
            (c == "event_id").then(|| format!("event_id + {}", k * evs))
        });
        tx.execute(
            &format!(
                "INSERT INTO event_actors ({}) SELECT {x} FROM event_actors WHERE event_id <= {evs}",
                act_cols.join(", ")
            ),
            [],
        )
        .unwrap();
        eprintln!("copy {k} of {}", times - 1);
    }
    // The copies are event rows the writer did not see: count the facets again.
    dateline_store::facets::rebuild(&tx).unwrap();
    tx.commit().unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    println!("{db}: {n} events");
}
