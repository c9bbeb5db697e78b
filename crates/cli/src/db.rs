//! Which store a `--db` value names: a `postgres://` or `postgresql://` URL is a PostgreSQL
//! database (crate `dateline-store-pg`), anything else a SQLite file (crate `dateline-store`).
//! Both sit behind [`EventStore`]; [`Db`] adds the two calls the commands need beyond it.

use dateline_store::feeds::FeedState;
use dateline_store::{
    BatchStats, ClusterQuery, ClusteredRow, Counts, EventRow, EventStore, Filter, Prepared, Store,
};
use dateline_store_pg::PgStore;
use serde_json::Value;
use std::path::Path;

/// An open store of either kind.
pub enum Db {
    Sqlite(Box<Store>),
    Postgres(Box<PgStore>),
}

/// The `--db` value as text, when it is a PostgreSQL URL.
fn url(db: &Path) -> Option<&str> {
    db.to_str()
        .filter(|s| dateline_store_pg::is_postgres_url(s))
}

/// Whether `--db` names a PostgreSQL database.
pub fn is_url(db: &Path) -> bool {
    url(db).is_some()
}

/// The `--db` value for messages: a URL with its password hidden, or the file's path.
pub fn display(db: &Path) -> String {
    match url(db) {
        Some(u) => dateline_store_pg::redact(u),
        None => db.display().to_string(),
    }
}

/// Open a store for writing (created, or its schema brought up to date, as needed).
pub fn open(db: &Path) -> Result<Db, String> {
    let r = match url(db) {
        Some(u) => PgStore::open(u).map(|s| Db::Postgres(Box::new(s))),
        None => Store::open(db).map(|s| Db::Sqlite(Box::new(s))),
    };
    r.map_err(|e| format!("{}: {e}", display(db)))
}

/// Open an existing store for reading only.
pub fn open_read_only(db: &Path) -> Result<Db, String> {
    let r = match url(db) {
        Some(u) => PgStore::open_read_only(u).map(|s| Db::Postgres(Box::new(s))),
        None => Store::open_read_only(db).map(|s| Db::Sqlite(Box::new(s))),
    };
    r.map_err(|e| format!("{}: {e}", display(db)))
}

impl Db {
    /// Store records prepared by the extraction threads, in one transaction.
    pub fn insert_prepared(
        &mut self,
        records: &[Option<Prepared>],
    ) -> dateline_store::Result<BatchStats> {
        match self {
            Db::Sqlite(s) => s.insert_prepared(records),
            Db::Postgres(s) => s.insert_prepared(records),
        }
    }

    /// `article.id` of every stored article, in the order they were stored.
    pub fn doc_ids(&self) -> Result<Vec<String>, String> {
        match self {
            Db::Sqlite(s) => {
                let mut st = s
                    .connection()
                    .prepare("SELECT doc_id FROM articles GROUP BY doc_id ORDER BY min(id)")
                    .map_err(|e| e.to_string())?;
                st.query_map([], |r| r.get(0))
                    .and_then(|rows| rows.collect())
                    .map_err(|e| e.to_string())
            }
            Db::Postgres(s) => s.doc_ids().map_err(|e| e.to_string()),
        }
    }

    /// What the store remembers of a feed URL (conditional GET).
    pub fn feed_state(&self, url: &str) -> dateline_store::Result<Option<FeedState>> {
        match self {
            Db::Sqlite(s) => s.feed_state(url),
            Db::Postgres(s) => s.feed_state(url),
        }
    }

    /// Record that a feed was read in full; call once its articles are committed.
    pub fn record_feed_fetch(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        entries: u64,
    ) -> dateline_store::Result<()> {
        match self {
            Db::Sqlite(s) => dateline_store::feeds::record_fetch(
                s.connection(),
                url,
                etag,
                last_modified,
                entries,
            ),
            Db::Postgres(s) => s.record_feed_fetch(url, etag, last_modified, entries),
        }
    }

    /// Record that a feed's server answered 304 (not modified).
    pub fn record_feed_not_modified(&self, url: &str) -> dateline_store::Result<()> {
        match self {
            Db::Sqlite(s) => dateline_store::feeds::record_not_modified(s.connection(), url),
            Db::Postgres(s) => s.record_feed_not_modified(url),
        }
    }

    /// Events with their clusters: both stores deduplicate on insert by the same rule
    /// (docs/dedup.md), so `--cluster` and `--distinct` work on either.
    pub fn query_clustered(
        &self,
        filter: &Filter,
        q: &ClusterQuery,
    ) -> dateline_store::Result<Vec<ClusteredRow>> {
        match self {
            Db::Sqlite(s) => s.query_clustered(filter, q),
            Db::Postgres(s) => s.query_clustered(filter, q),
        }
    }

    /// How many events match (see [`Db::query_clustered`]).
    pub fn count_clustered(
        &self,
        filter: &Filter,
        q: &ClusterQuery,
    ) -> dateline_store::Result<u64> {
        match self {
            Db::Sqlite(s) => s.count_clustered(filter, q),
            Db::Postgres(s) => s.count_clustered(filter, q),
        }
    }

    /// The record of an article, with cluster counts on its events.
    pub fn article_clustered(&self, doc_id: &str) -> dateline_store::Result<Option<Value>> {
        match self {
            Db::Sqlite(s) => s.article_clustered(doc_id),
            Db::Postgres(s) => s.article_clustered(doc_id),
        }
    }

    fn inner(&self) -> &dyn EventStore {
        match self {
            Db::Sqlite(s) => s.as_ref(),
            Db::Postgres(s) => s.as_ref(),
        }
    }
}

impl EventStore for Db {
    fn insert_batch(&mut self, records: &[Value]) -> dateline_store::Result<BatchStats> {
        match self {
            Db::Sqlite(s) => s.insert_batch(records),
            Db::Postgres(s) => s.insert_batch(records),
        }
    }

    fn query(&self, filter: &Filter) -> dateline_store::Result<Vec<EventRow>> {
        self.inner().query(filter)
    }

    fn count(&self, filter: &Filter) -> dateline_store::Result<u64> {
        self.inner().count(filter)
    }

    fn counts(&self) -> dateline_store::Result<Counts> {
        self.inner().counts()
    }

    fn article(&self, doc_id: &str) -> dateline_store::Result<Option<Value>> {
        self.inner().article(doc_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_open_postgres_and_paths_sqlite() {
        assert!(is_url(Path::new("postgres://me:pw@db/news")));
        assert!(is_url(Path::new("postgresql:///news?host=/tmp")));
        assert!(!is_url(Path::new("dateline.db")));
        assert_eq!(
            display(Path::new("postgres://me:pw@db/news")),
            "postgres://me:***@db/news"
        );
        assert_eq!(display(Path::new("a/b.db")), "a/b.db");
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.db");
        assert!(matches!(open(&f), Ok(Db::Sqlite(_))));
        let e = open(Path::new("postgres://u:pw@/x?host=/nonexistent&port=1"))
            .err()
            .unwrap();
        assert!(e.starts_with("postgres://u:***@"), "{e}");
    }
}
