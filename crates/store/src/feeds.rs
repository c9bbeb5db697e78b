//! What the store remembers about feed URLs: the `ETag` and `Last-Modified` validators of the
//! last version read, so that the next ingest asks the server whether the feed changed
//! (conditional GET) and a 304 costs nothing.
//!
//! The table `feeds` is created on first use (`CREATE TABLE IF NOT EXISTS`), outside the
//! versioned schema: it holds fetch state, not records, and an older dateline ignores it.

use crate::{Result, Store};
use rusqlite::{Connection, OptionalExtension, params};

/// The fetch state of one feed URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When the feed was last read in full (UTC, RFC 3339).
    pub fetched_at: Option<String>,
    /// When the server last answered 304 (UTC, RFC 3339).
    pub checked_at: Option<String>,
    /// Entries in the last version read.
    pub entries: u64,
}

const CREATE: &str = "CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,
    checked_at TEXT,
    entries INTEGER NOT NULL DEFAULT 0
)";

fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

fn has_table(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The state of one feed URL, if it was read before.
pub fn get(conn: &Connection, url: &str) -> Result<Option<FeedState>> {
    if !has_table(conn)? {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT url, etag, last_modified, fetched_at, checked_at, entries FROM feeds \
             WHERE url = ?1",
            params![url],
            |r| {
                Ok(FeedState {
                    url: r.get(0)?,
                    etag: r.get(1)?,
                    last_modified: r.get(2)?,
                    fetched_at: r.get(3)?,
                    checked_at: r.get(4)?,
                    entries: r.get::<_, i64>(5)?.max(0) as u64,
                })
            },
        )
        .optional()?)
}

/// Every feed URL the store knows, by URL.
pub fn all(conn: &Connection) -> Result<Vec<FeedState>> {
    if !has_table(conn)? {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare(
        "SELECT url, etag, last_modified, fetched_at, checked_at, entries FROM feeds ORDER BY url",
    )?;
    let rows = st.query_map([], |r| {
        Ok(FeedState {
            url: r.get(0)?,
            etag: r.get(1)?,
            last_modified: r.get(2)?,
            fetched_at: r.get(3)?,
            checked_at: r.get(4)?,
            entries: r.get::<_, i64>(5)?.max(0) as u64,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Record that a feed was read in full: its new validators and entry count. Call it only once
/// the feed's articles are committed, so that a crash before then reads the feed again.
pub fn record_fetch(
    conn: &Connection,
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    entries: u64,
) -> Result<()> {
    conn.execute(CREATE, [])?;
    conn.execute(
        "INSERT INTO feeds (url, etag, last_modified, fetched_at, checked_at, entries)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag,
             last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
             checked_at = excluded.checked_at, entries = excluded.entries",
        params![url, etag, last_modified, now(), entries as i64],
    )?;
    Ok(())
}

/// Record that the server answered 304 (not modified).
pub fn record_not_modified(conn: &Connection, url: &str) -> Result<()> {
    conn.execute(CREATE, [])?;
    conn.execute(
        "UPDATE feeds SET checked_at = ?2 WHERE url = ?1",
        params![url, now()],
    )?;
    Ok(())
}

/// Forget a feed's validators, so that the next ingest reads it in full.
pub fn forget(conn: &Connection, url: &str) -> Result<()> {
    if has_table(conn)? {
        conn.execute("DELETE FROM feeds WHERE url = ?1", params![url])?;
    }
    Ok(())
}

impl Store {
    /// The fetch state of a feed URL ([`get`]).
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>> {
        get(self.connection(), url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validators_round_trip_and_update() {
        let store = Store::open_in_memory().unwrap();
        let c = store.connection();
        assert_eq!(get(c, "https://a.example/feed").unwrap(), None);
        assert!(all(c).unwrap().is_empty());
        record_fetch(c, "https://a.example/feed", Some("\"v1\""), None, 3).unwrap();
        let s = store.feed_state("https://a.example/feed").unwrap().unwrap();
        assert_eq!(s.etag.as_deref(), Some("\"v1\""));
        assert_eq!(s.last_modified, None);
        assert_eq!(s.entries, 3);
        assert!(s.fetched_at.is_some());
        record_fetch(
            c,
            "https://a.example/feed",
            Some("\"v2\""),
            Some("Tue, 05 Mar 2024 09:00:00 GMT"),
            4,
        )
        .unwrap();
        record_not_modified(c, "https://a.example/feed").unwrap();
        let s = get(c, "https://a.example/feed").unwrap().unwrap();
        assert_eq!(s.etag.as_deref(), Some("\"v2\""));
        assert_eq!(s.entries, 4);
        assert_eq!(all(c).unwrap().len(), 1);
        forget(c, "https://a.example/feed").unwrap();
        assert_eq!(get(c, "https://a.example/feed").unwrap(), None);
    }
}
