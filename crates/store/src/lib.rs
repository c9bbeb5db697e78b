//! The dateline record: `dateline/1` articles and their events in an embedded SQLite database.
//!
//! [`Store`] is the SQLite backend behind the [`EventStore`] trait; a server backend (for
//! example PostgreSQL) can sit behind the same trait later. The store is
//!
//! - **idempotent**: an article is keyed by its canonical URL when it has one, else by a hash
//!   of its clean text ([`keys::article_key`]); storing it again adds nothing;
//! - **crash-safe**: write-ahead logging, and each [`EventStore::insert_batch`] is one
//!   transaction, so a killed process loses at most the batch it was writing, and a re-run
//!   skips everything already committed;
//! - **queryable**: one row per event mention with its actors, date range, place and evidence
//!   sentence, indexed for the filters of [`Filter`], and FTS5 over article title and text.
//!
//! The schema is versioned with `PRAGMA user_version` ([`schema::MIGRATIONS`]).

pub mod api;
pub mod dedup;
pub mod facets;
pub mod feeds;
pub mod keys;
mod query;
pub mod schema;
pub(crate) use query::*;
pub use query::{check_confidence, normalise_root, normalise_status, prefix_end};

pub use dedup::{ClusterCounts, ClusterQuery, ClusteredRow, DedupCounts};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params, types::ToSql};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// Default database file name, in the working directory, when no `--db` is given.
pub const DEFAULT_DB: &str = "dateline.db";

#[derive(Debug)]
pub enum Error {
    Sqlite(rusqlite::Error),
    /// The database was written by a newer dateline with a schema this one does not know.
    NewerSchema {
        found: i64,
        known: i64,
    },
    /// A filter value the store cannot use.
    Filter(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) => write!(f, "database: {e}"),
            Error::NewerSchema { found, known } => write!(
                f,
                "database schema version {found} is newer than this dateline knows ({known}); \
                 use a newer dateline"
            ),
            Error::Filter(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// What one [`EventStore::insert_batch`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Articles stored for the first time.
    pub new: u64,
    /// Articles whose key was already in the store (or earlier in the same batch).
    pub present: u64,
    /// Event rows stored (for new articles only).
    pub events: u64,
    /// Records that were no `dateline/1` article (error records, no `article.text`): skipped.
    pub invalid: u64,
}

impl std::ops::AddAssign for BatchStats {
    fn add_assign(&mut self, o: Self) {
        self.new += o.new;
        self.present += o.present;
        self.events += o.events;
        self.invalid += o.invalid;
    }
}

/// Row counts of the main tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub articles: u64,
    pub events: u64,
    pub event_actors: u64,
    pub casualties: u64,
}

/// Which events to return. Every field is optional; set fields are combined with AND.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Actor code or code prefix (`USA`, `SYRREB`), as source or target.
    pub actor: Option<String>,
    /// Actor country (ISO 3166-1 alpha-3, as in actor codes), as source or target.
    pub country: Option<String>,
    /// CAMEO code prefix (`04`, `043`, `1823`).
    pub cameo: Option<String>,
    /// CAMEO root (`19`, `4` = `04`).
    pub root: Option<String>,
    /// PLOVER event type (`CONSULT`, `ASSAULT`).
    pub plover: Option<String>,
    /// QuadClass 1-4.
    pub quad: Option<u8>,
    /// `occurred`, `negated`, `planned`, `hypothetical`.
    pub status: Option<String>,
    /// Events whose date range starts on or after this day (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// Events whose date range ends on or before this day (`YYYY-MM-DD`).
    pub to: Option<String>,
    /// Place country, ISO 3166-1 alpha-2.
    pub place_country: Option<String>,
    /// Place first-level administrative division, by name (case-insensitive).
    pub admin1: Option<String>,
    /// min lon, min lat, max lon, max lat.
    pub bbox: Option<[f64; 4]>,
    /// Outlet name (case-insensitive).
    pub source: Option<String>,
    /// FTS5 query over article title and text.
    pub text: Option<String>,
    /// Events whose `confidence` (the coder's estimate that the event is real, 0-1) is at
    /// least this.
    pub min_confidence: Option<f64>,
    /// Most rows returned (0: no limit).
    pub limit: usize,
    pub offset: usize,
}

/// One event mention with what an analyst filters and reads it by.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// Store row id of the event.
    pub id: i64,
    /// `article.id` of the article it was read from.
    pub article: String,
    pub event: String,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub cameo: String,
    pub root: String,
    pub quad_class: Option<i64>,
    pub goldstein: Option<f64>,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
    pub status: String,
    pub source_actor: Option<String>,
    pub source_country: Option<String>,
    pub target_actor: Option<String>,
    pub target_country: Option<String>,
    pub place: Option<String>,
    pub geonameid: Option<i64>,
    pub place_country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub trigger: Option<String>,
    pub trigger_start: Option<i64>,
    pub trigger_end: Option<i64>,
    pub evidence: Option<String>,
    /// The coder's estimate that the event is real (0-1); last, so that CSV read by position
    /// before it was added reads the same columns.
    pub confidence: Option<f64>,
}

/// The interface every backend offers. The SQLite [`Store`] is the embedded default.
pub trait EventStore {
    /// Store a batch of `dateline/1` records in one transaction: all or nothing.
    fn insert_batch(&mut self, records: &[Value]) -> Result<BatchStats>;
    /// Events matching a filter, newest event date first.
    fn query(&self, filter: &Filter) -> Result<Vec<EventRow>>;
    /// How many events match a filter (ignores `limit` and `offset`).
    fn count(&self, filter: &Filter) -> Result<u64>;
    /// Row counts of the main tables.
    fn counts(&self) -> Result<Counts>;
    /// The full `dateline/1` record of one article, by its `article.id`.
    fn article(&self, doc_id: &str) -> Result<Option<Value>>;
}

/// Process-wide SQLite settings, made before SQLite initialises (the first connection): no
/// memory statistics, which take a global mutex on every allocation and nothing reads. When
/// SQLite was initialised already (another library opened a connection first) the call is
/// refused and SQLite keeps its defaults, which work the same, only slower.
fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: SQLITE_CONFIG_MEMSTATUS takes one int; sqlite3_config is safe to call before
        // initialisation and returns SQLITE_MISUSE (ignored) after it.
        unsafe {
            rusqlite::ffi::sqlite3_config(
                rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS,
                0 as std::os::raw::c_int,
            );
        }
    });
}

/// How long a connection waits for another's lock before it answers "database is locked".
const BUSY: std::time::Duration = std::time::Duration::from_secs(10);

/// The embedded SQLite store.
pub struct Store {
    conn: Connection,
    /// Clusters read or stored by this writer's earlier batches.
    clusters: dedup::ClusterCache,
    /// Near-duplicate links and event clusters are decided as batches are stored (false:
    /// fingerprints and band keys only, see [`Store::without_dedup`]).
    dedup: bool,
    /// A store file this connection created: it writes its first batch with a rollback
    /// journal and turns to WAL after that batch commits ([`Store::open`]).
    wal_pending: bool,
}

impl Store {
    /// Open (creating if needed) a store file, in WAL mode, with the schema brought up to date.
    /// A file this call creates turns to WAL after its first batch (see `setup`).
    ///
    /// Several processes may open a new file at once: SQLite answers "database is locked"
    /// without waiting while another connection switches the file to WAL, so opening retries
    /// for up to ten seconds (each migration is one transaction, so a retry is safe).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        configure_sqlite();
        let deadline = std::time::Instant::now() + BUSY;
        loop {
            let conn = Connection::open(path.as_ref())?;
            match Self::setup(conn, true) {
                Err(Error::Sqlite(rusqlite::Error::SqliteFailure(e, _)))
                    if matches!(
                        e.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// Open an existing store for reading only. A store written by an older dateline (an
    /// older schema version) is first brought up to date, which needs write access once; a
    /// notice on stderr says so. So does a database whose writer was killed in the middle of a
    /// rollback-journal transaction (a new store's first batch, see `setup`): only a writer can
    /// roll its journal back, so the file is opened for writing once to do that, and nothing
    /// else is written.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_read_only_once(path.as_ref(), false)
    }

    fn open_read_only_once(path: &Path, rolled_back: bool) -> Result<Store> {
        configure_sqlite();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY)?;
        let found: i64 = match conn.query_row("PRAGMA user_version", [], |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK && !rolled_back =>
            {
                drop(conn);
                eprintln!(
                    "{}: a write to this database was interrupted; rolling it back",
                    path.display()
                );
                // Any read through a connection that may write rolls a hot journal back.
                let rolled = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .and_then(|c| {
                    c.busy_timeout(BUSY)?;
                    c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
                });
                if let Err(e) = rolled {
                    return Err(Error::Filter(format!(
                        "a write to this database was interrupted and left its rollback journal \
                         ({}-journal), which only a writer can roll back; opening the file for \
                         writing failed: {e}",
                        path.display()
                    )));
                }
                return Self::open_read_only_once(path, true);
            }
            other => other?,
        };
        let known = schema::MIGRATIONS.len() as i64;
        if found > known {
            return Err(Error::NewerSchema { found, known });
        }
        if found == 0 {
            return Err(Error::Filter(
                "not a dateline database (no dateline schema): create one with `dateline ingest`"
                    .into(),
            ));
        }
        if found < known {
            drop(conn);
            eprintln!(
                "{}: written by an older dateline (schema {found}); upgrading it to schema {known}",
                path.display()
            );
            Store::open(path).map_err(|e| {
                Error::Filter(format!(
                    "an older dateline database (schema {found}, this dateline reads {known}); \
                     upgrading it needs write access to the file once: {e}"
                ))
            })?;
            return Store::open_read_only(path);
        }
        Ok(Store {
            conn,
            clusters: Default::default(),
            dedup: true,
            wal_pending: false,
        })
    }

    /// A store in memory (tests).
    pub fn open_in_memory() -> Result<Store> {
        configure_sqlite();
        Self::setup(Connection::open_in_memory()?, false)
    }

    fn setup(mut conn: Connection, file: bool) -> Result<Store> {
        conn.busy_timeout(BUSY)?;
        // WAL: readers never block the writer; a commit is durable against a killed process
        // once it returns. synchronous=NORMAL skips the fsync per commit (a power cut may lose
        // the last commits, never corrupt the file).
        //
        // Except in a file this connection creates (no page yet): its schema and first batch
        // are written with SQLite's rollback journal, and the store turns to WAL once that
        // batch has committed (`Store::finish_first_batch`). In WAL mode every page of a bulk
        // load is written twice, into the log at the commit and into the database at the
        // checkpoint; with the rollback journal a new page is written once (a page that did
        // not exist needs no copy in the journal). A reader of the new file waits (its busy
        // timeout) only while that first batch commits. synchronous=FULL until then: the
        // rollback journal is as safe against a power cut as WAL with NORMAL.
        let fresh = file && conn.query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))? == 0;
        if fresh {
            conn.pragma_update(None, "synchronous", "FULL")?;
            // Dirty pages stay in memory until the commit instead of being spilled into the
            // file in the middle of the batch, which would take the exclusive lock (and keep
            // readers out) from then on: readers wait only while the batch commits.
            conn.pragma_update(None, "cache_spill", false)?;
        } else {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        // Foreign keys are declared in the schema but not enforced: every child row is written
        // in the same transaction as its parent, and enforcing would cost a lookup per row
        // (the bundled SQLite enforces them unless told not to).
        conn.pragma_update(None, "foreign_keys", false)?;
        // A 32 MB page cache keeps the index pages of a bulk ingest in memory.
        // Checkpoints every 8192 pages (32 MB of log) rather than SQLite's 1000: an index page
        // rewritten by several batches is copied into the database once, with fewer fsyncs.
        conn.pragma_update(None, "wal_autocheckpoint", 8192)?;
        conn.pragma_update(None, "cache_size", -32768)?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = schema::MIGRATIONS.len() as i64;
        if found > known {
            return Err(Error::NewerSchema { found, known });
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(found as usize) {
            // IMMEDIATE takes the write lock before the version is read again, so two
            // processes opening a new file at once apply each migration exactly once.
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now > i as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            if i == 2 {
                // Versions 2 and 3 added deduplication: fill it in for rows stored before.
                dedup::backfill(&tx)?;
            }
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(Store {
            conn,
            clusters: Default::default(),
            dedup: true,
            wal_pending: fresh,
        })
    }

    /// A new store's first batch has committed (or the store is closed without one): turn it
    /// to WAL, as every store is after its first batch. A reader holding the file open can
    /// make SQLite refuse the change (busy); the store then stays as it is and tries again
    /// after the next batch, and the first writer to open it later turns it to WAL.
    fn finish_first_batch(&mut self) {
        if !self.wal_pending {
            return;
        }
        // The change needs the exclusive lock: try it without waiting for readers (a store
        // whose readers keep it busy tries again after the next batch), then wait as before.
        let _ = self.conn.busy_timeout(std::time::Duration::ZERO);
        let mode = self
            .conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0));
        let _ = self.conn.busy_timeout(BUSY);
        if mode.is_ok_and(|m| m.eq_ignore_ascii_case("wal")) {
            self.wal_pending = false;
            let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
            let _ = self.conn.pragma_update(None, "cache_spill", true);
        }
    }

    /// Store fingerprints and band keys only from now on: no near-duplicate link, event
    /// cluster or cluster summary is decided (event rows get an empty cluster). For a store
    /// whose rows another store takes and deduplicates itself (the PostgreSQL writer's
    /// staging store), so the batch is not deduplicated twice.
    pub fn without_dedup(&mut self) {
        self.dedup = false;
    }

    /// Store prepared records in one transaction: all or nothing. `None` entries (records
    /// that were no article) are counted as invalid.
    pub fn insert_prepared(&mut self, records: &[Option<Prepared>]) -> Result<BatchStats> {
        let out = self.insert_prepared_tx(records);
        if out.is_err() {
            self.clusters.forget();
        } else {
            self.finish_first_batch();
        }
        out
    }

    fn insert_prepared_tx(&mut self, records: &[Option<Prepared>]) -> Result<BatchStats> {
        // IMMEDIATE: the write lock from the start, so no other writer commits between the
        // cache check and this batch's reads.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        self.clusters.check(&tx)?;
        let mut stats = BatchStats::default();
        let now = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let mut new: Vec<(i64, &Prepared)> = Vec::new();
        for rec in records {
            let Some(rec) = rec else {
                stats.invalid += 1;
                continue;
            };
            match insert_article(&tx, rec, &now)? {
                Some(aid) => new.push((aid, rec)),
                None => stats.present += 1,
            }
        }
        // Near duplicates and event clusters, decided against what the store holds.
        let dedup::Decided {
            result,
            seeded,
            mut mentions,
        } = dedup::decide(&tx, &new, &mut self.clusters, self.dedup)?;
        let mut members: Vec<dedup::NewMember> = Vec::new();
        let adding: usize = new.iter().map(|(_, p)| p.events.len()).sum();
        let deferred = defer_child_indexes(&tx, adding)?;
        for (a, ((aid, rec), clusters)) in new.iter().zip(&result.clusters).enumerate() {
            stats.new += 1;
            let ids = insert_children(&tx, *aid, rec, clusters)?;
            for (j, ((e, cluster), id)) in rec.events.iter().zip(clusters).zip(ids).enumerate() {
                if let Some(id) = id {
                    stats.events += 1;
                    members.push(dedup::NewMember {
                        id,
                        article: *aid,
                        source: rec.source.as_deref(),
                        cluster,
                        event: e,
                        at: (a, j),
                    });
                }
            }
        }
        for (_, sql) in &deferred {
            tx.execute_batch(sql)?;
        }
        facets::record(&tx, members.iter().map(|m| m.event))?;
        if self.dedup {
            dedup::summarise_new(&tx, &members, &seeded)?;
            self.clusters.add(&members, &seeded, &mut mentions);
        }
        tx.commit()?;
        Ok(stats)
    }

    /// The statement [`EventStore::query`] runs for a filter, and its parameters.
    fn query_sql(&self, filter: &Filter) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        let (wh, mut p) = filter.where_clause_for(&self.conn, filter.window())?;
        let sql = format!(
            "SELECT {EVENT_COLUMNS}
             FROM events e JOIN articles a ON a.id = e.article_id{wh}
             ORDER BY e.date_start DESC, e.id DESC LIMIT ? OFFSET ?"
        );
        p.push(Box::new(if filter.limit == 0 {
            -1
        } else {
            filter.limit as i64
        }));
        p.push(Box::new(filter.offset as i64));
        Ok((sql, p))
    }

    /// SQLite's plan for [`EventStore::query`] with this filter (`EXPLAIN QUERY PLAN`, one
    /// line per step): for benchmarks and tests of which index a filter uses.
    pub fn query_plan(&self, filter: &Filter) -> Result<Vec<String>> {
        let (sql, p) = self.query_sql(filter)?;
        let mut st = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let params: Vec<&dyn ToSql> = p.iter().map(|b| b.as_ref()).collect();
        let rows = st
            .query_map(params.as_slice(), |r| r.get::<_, String>(3))
            .map_err(query_error(filter))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(query_error(filter))
    }

    /// The underlying connection, for backends' own tools (exports, the server).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Schema version of this database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // a new store closed before any batch (opened, or given feed states only) ends in WAL
        // mode like every other
        self.finish_first_batch();
    }
}

/// Event rows a batch must add, at least, before its event and actor indexes are built
/// after the rows instead of kept up to date row by row.
const DEFER_INDEXES_FROM: usize = 1000;

/// A bulk load's secondary indexes of `events` and `event_actors`, dropped before the batch's
/// event rows are written, as (name, `CREATE INDEX` statement) to be run again after them.
/// Building an index once from the rows (one sort) costs less than inserting every row into
/// it, but only while the table holds no more rows than the batch adds: so only then, and
/// never on a database whose statistics (`ANALYZE`) would lose the indexes' rows. The drop and
/// the rebuild are in the batch's transaction: a reader never sees the indexes missing, and a
/// killed writer rolls both back with its rows. Only the writes of the event rows go without
/// the indexes; every read of the batch (deduplication, summaries) has them.
fn defer_child_indexes(tx: &Transaction, adding: usize) -> Result<Vec<(String, String)>> {
    if adding < DEFER_INDEXES_FROM {
        return Ok(Vec::new());
    }
    let held: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
    let stats: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat1')",
        [],
        |r| r.get(0),
    )?;
    if held > adding as i64 || stats {
        return Ok(Vec::new());
    }
    let indexes: Vec<(String, String)> = tx
        .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
               AND tbl_name IN ('events', 'event_actors') ORDER BY name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(indexes)
}

/// A record made ready for storing: its key, hash, stored JSON and table rows computed.
/// Preparing is the costly, connection-free part of an insert, so callers with many threads
/// do it in parallel and leave only the writes to the one writer ([`Store::insert_prepared`]).
/// A prepared record holds no JSON tree, only its rows: far less memory per article.
#[derive(Debug, PartialEq)]
pub struct Prepared {
    doc_id: String,
    key: String,
    url: Option<String>,
    hash: String,
    source: Option<String>,
    title: Option<String>,
    published: Option<String>,
    language: Option<String>,
    text: String,
    json: String,
    events: Vec<EventIn>,
    casualties: Vec<CasualtyIn>,
    /// MinHash signature of the text, for near-duplicate links.
    print: dateline_dedup::Fingerprint,
}

#[derive(Debug, PartialEq)]
struct EventIn {
    event_id: String,
    sentence: Option<i64>,
    sentence_span: Option<(i64, i64)>,
    evidence: Option<String>,
    trigger_start: Option<i64>,
    trigger_end: Option<i64>,
    trigger_text: Option<String>,
    cameo: String,
    root: String,
    quad_class: Option<i64>,
    goldstein: Option<f64>,
    plover_type: Option<String>,
    plover_mode: Option<String>,
    status: String,
    confidence: Option<f64>,
    date_value: Option<String>,
    date_precision: Option<String>,
    date_basis: Option<String>,
    date_bounds: Option<(String, String)>,
    place_name: Option<String>,
    geonameid: Option<i64>,
    place_country: Option<String>,
    admin1: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    place_basis: Option<String>,
    /// `places[].feature` (`city`, `admin1`, `country`, ...).
    place_feature: Option<String>,
    actors: Vec<ActorIn>,
    /// `same_as` within the article.
    same_as: Option<String>,
    /// Day interval the clustering rule reads: the date value's, else the publication date's.
    cl_days: Option<(i32, i32)>,
}

#[derive(Debug, PartialEq)]
struct ActorIn {
    role: &'static str,
    code: Option<String>,
    country: Option<String>,
    name: Option<String>,
    entity_id: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
}

#[derive(Debug, PartialEq)]
struct CasualtyIn {
    casualty_id: Option<String>,
    event_id: Option<String>,
    kind: Option<String>,
    min: Option<i64>,
    max: Option<i64>,
    approx: Option<bool>,
    group: Option<String>,
    part_of: Option<String>,
    text: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
    place_id: Option<String>,
    date_value: Option<String>,
}

/// The members of a `dateline/1` record the store reads, as [`Prepared::new`] and
/// [`Prepared::from_json`] read them: from a JSON tree or straight from JSON text (strings
/// borrowed where no escape forces a copy). Every member is lenient, as reading the tree by
/// hand was: a member that is absent, `null` or of another type than expected reads as
/// absent (`None`, an empty list), an array element that is no object as an object with no
/// members (so positions in `sentences` still count), and the record is no article unless
/// `article` is an object with a string `text`.
mod typed {
    use serde::Deserialize;
    use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    /// Any JSON value, keeping only what a lenient member needs: a string (borrowed when
    /// possible) or a number; objects and arrays are skipped.
    enum Scalar<'a> {
        Str(Cow<'a, str>),
        Int(i64),
        Uint(u64),
        Float(f64),
        Bool(bool),
        Other,
    }

    /// Skipping visitor methods for the JSON types a lenient reader does not expect: each
    /// gives `$none`.
    macro_rules! ignore_scalars {
        ($none:expr) => {
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok($none)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok($none)
            }
        };
    }

    fn skip_map<'de, A: MapAccess<'de>>(mut m: A) -> Result<(), A::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn skip_seq<'de, A: SeqAccess<'de>>(mut s: A) -> Result<(), A::Error> {
        while s.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<'a>(PhantomData<&'a ()>);
            impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
                type Value = Scalar<'a>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("any JSON value")
                }
                fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Str(Cow::Borrowed(v)))
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Str(Cow::Owned(v.to_string())))
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Str(Cow::Owned(v)))
                }
                fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Int(v))
                }
                fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Uint(v))
                }
                fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Float(v))
                }
                fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Bool(v))
                }
                fn visit_unit<E: de::Error>(self) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Other)
                }
                fn visit_none<E: de::Error>(self) -> Result<Scalar<'a>, E> {
                    Ok(Scalar::Other)
                }
                fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Scalar<'a>, A::Error> {
                    skip_map(m).map(|()| Scalar::Other)
                }
                fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Scalar<'a>, A::Error> {
                    skip_seq(s).map(|()| Scalar::Other)
                }
            }
            d.deserialize_any(V(PhantomData))
        }
    }

    /// A string member.
    #[derive(Default)]
    pub struct Str<'a>(pub Option<Cow<'a, str>>);

    impl Str<'_> {
        pub fn get(&self) -> Option<&str> {
            self.0.as_deref()
        }
        pub fn own(&self) -> Option<String> {
            self.0.as_deref().map(str::to_string)
        }
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Str(match Scalar::deserialize(d)? {
                Scalar::Str(s) => Some(s),
                _ => None,
            }))
        }
    }

    /// An integer member (as `serde_json::Value::as_i64` reads it: no fraction, in range).
    #[derive(Default, Clone, Copy)]
    pub struct Int(pub Option<i64>);

    impl<'de> Deserialize<'de> for Int {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Int(match Scalar::deserialize(d)? {
                Scalar::Int(v) => Some(v),
                Scalar::Uint(v) => i64::try_from(v).ok(),
                _ => None,
            }))
        }
    }

    /// A number member (as `serde_json::Value::as_f64` reads it: any number).
    #[derive(Default, Clone, Copy)]
    pub struct Num(pub Option<f64>);

    impl<'de> Deserialize<'de> for Num {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Num(match Scalar::deserialize(d)? {
                Scalar::Int(v) => Some(v as f64),
                Scalar::Uint(v) => Some(v as f64),
                Scalar::Float(v) => Some(v),
                _ => None,
            }))
        }
    }

    /// A boolean member.
    #[derive(Default, Clone, Copy)]
    pub struct Bool(pub Option<bool>);

    impl<'de> Deserialize<'de> for Bool {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            Ok(Bool(match Scalar::deserialize(d)? {
                Scalar::Bool(v) => Some(v),
                _ => None,
            }))
        }
    }

    /// Whether a member is there at all, whatever its value (`null` included).
    #[derive(Default)]
    pub struct Present(pub bool);

    impl<'de> Deserialize<'de> for Present {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            IgnoredAny::deserialize(d).map(|_| Present(true))
        }
    }

    /// An object member: `None` when it is no object.
    pub struct Obj<T>(pub Option<T>);

    impl<T> Default for Obj<T> {
        fn default() -> Self {
            Obj(None)
        }
    }

    impl<T> Obj<T> {
        pub fn get(&self) -> Option<&T> {
            self.0.as_ref()
        }
    }

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
                type Value = Obj<T>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("any JSON value")
                }
                ignore_scalars!(Obj(None));
                fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Obj<T>, A::Error> {
                    T::deserialize(de::value::MapAccessDeserializer::new(m)).map(|t| Obj(Some(t)))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, s: A) -> Result<Obj<T>, A::Error> {
                    skip_seq(s).map(|()| Obj(None))
                }
            }
            d.deserialize_any(V(PhantomData))
        }
    }

    /// An array member of objects: empty when it is no array; an element that is no object
    /// is an object without members (`T::default()`).
    pub struct Arr<T>(pub Vec<T>);

    impl<T> Default for Arr<T> {
        fn default() -> Self {
            Arr(Vec::new())
        }
    }

    impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Arr<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
                type Value = Arr<T>;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("any JSON value")
                }
                ignore_scalars!(Arr(Vec::new()));
                fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Arr<T>, A::Error> {
                    let mut out = Vec::with_capacity(s.size_hint().unwrap_or(0));
                    while let Some(Obj(t)) = s.next_element::<Obj<T>>()? {
                        out.push(t.unwrap_or_default());
                    }
                    Ok(Arr(out))
                }
                fn visit_map<A: MapAccess<'de>>(self, m: A) -> Result<Arr<T>, A::Error> {
                    skip_map(m).map(|()| Arr(Vec::new()))
                }
            }
            d.deserialize_any(V(PhantomData))
        }
    }

    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Record<'a> {
        pub error: Present,
        #[serde(borrow)]
        pub article: Obj<Article<'a>>,
        pub sentences: Arr<Span>,
        #[serde(borrow)]
        pub entities: Arr<Entity<'a>>,
        #[serde(borrow)]
        pub places: Arr<Place<'a>>,
        #[serde(borrow)]
        pub events: Arr<Event<'a>>,
        #[serde(borrow)]
        pub casualties: Arr<Casualty<'a>>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Article<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub url: Str<'a>,
        #[serde(borrow)]
        pub source: Str<'a>,
        #[serde(borrow)]
        pub title: Str<'a>,
        #[serde(borrow)]
        pub published: Str<'a>,
        #[serde(borrow)]
        pub language: Str<'a>,
        #[serde(borrow)]
        pub text: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Span {
        pub start: Int,
        pub end: Int,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Actor<'a> {
        #[serde(borrow)]
        pub code: Str<'a>,
        #[serde(borrow)]
        pub country: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Entity<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub name: Str<'a>,
        #[serde(borrow)]
        pub actor: Obj<Actor<'a>>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Place<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub name: Str<'a>,
        pub geonameid: Int,
        #[serde(borrow)]
        pub country: Str<'a>,
        #[serde(borrow)]
        pub admin1: Str<'a>,
        pub lat: Num,
        pub lon: Num,
        #[serde(borrow)]
        pub feature: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Argument<'a> {
        #[serde(borrow)]
        pub entity: Str<'a>,
        #[serde(borrow)]
        pub code: Str<'a>,
        pub start: Int,
        pub end: Int,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Plover<'a> {
        #[serde(borrow, rename = "type")]
        pub kind: Str<'a>,
        #[serde(borrow)]
        pub mode: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Date<'a> {
        #[serde(borrow)]
        pub value: Str<'a>,
        #[serde(borrow)]
        pub precision: Str<'a>,
        #[serde(borrow)]
        pub basis: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct PlaceRef<'a> {
        #[serde(borrow)]
        pub place: Str<'a>,
        #[serde(borrow)]
        pub basis: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Event<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        pub sentence: Int,
        pub trigger: Obj<Span>,
        #[serde(borrow)]
        pub text: Str<'a>,
        #[serde(borrow)]
        pub cameo: Str<'a>,
        #[serde(borrow)]
        pub cameo_root: Str<'a>,
        pub quad_class: Int,
        pub goldstein: Num,
        #[serde(borrow)]
        pub plover: Obj<Plover<'a>>,
        #[serde(borrow)]
        pub status: Str<'a>,
        pub confidence: Num,
        #[serde(borrow)]
        pub source: Arr<Argument<'a>>,
        #[serde(borrow)]
        pub target: Arr<Argument<'a>>,
        #[serde(borrow)]
        pub date: Obj<Date<'a>>,
        #[serde(borrow)]
        pub place: Obj<PlaceRef<'a>>,
        #[serde(borrow)]
        pub same_as: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct CasualtyDate<'a> {
        #[serde(borrow)]
        pub value: Str<'a>,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    pub struct Casualty<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub event: Str<'a>,
        #[serde(borrow)]
        pub kind: Str<'a>,
        pub min: Int,
        pub max: Int,
        pub approx: Bool,
        #[serde(borrow)]
        pub group: Str<'a>,
        #[serde(borrow)]
        pub part_of: Str<'a>,
        #[serde(borrow)]
        pub text: Str<'a>,
        pub start: Int,
        pub end: Int,
        #[serde(borrow)]
        pub place: Str<'a>,
        #[serde(borrow)]
        pub date: Obj<CasualtyDate<'a>>,
    }
}

/// Index just past the JSON string starting at `b[i]` (a `"`).
fn skip_json_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    // The next quote or backslash, found a vector at a time (an article's text is most of
    // what is skipped).
    while let Some(k) = memchr::memchr2(b'"', b'\\', b.get(i..)?) {
        i += k;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
    None
}

fn skip_json_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Index just past the JSON value starting at `b[i]`.
fn skip_json_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_json_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_json_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// One member of a JSON object: where its key starts, its value starts and its value ends.
type Member = (usize, usize, usize);

/// The members of the JSON object starting at `b[i]`, and the index just past the object;
/// when a member's key (with its quotes) is `stop`, the members up to it, that member's value
/// unread (its end given as its start, and as the index returned): the rest of the object is
/// not read.
fn json_members(b: &[u8], i: usize, stop: &[u8]) -> Option<(Vec<Member>, usize)> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut out = Vec::new();
    let mut j = skip_json_ws(b, i + 1);
    if b.get(j) == Some(&b'}') {
        return Some((out, j + 1));
    }
    loop {
        let key = j;
        let key_end = skip_json_string(b, key)?;
        j = skip_json_ws(b, key_end);
        if b.get(j) != Some(&b':') {
            return None;
        }
        let value = skip_json_ws(b, j + 1);
        if &b[key..key_end] == stop {
            out.push((key, value, value));
            return Some((out, value));
        }
        let end = skip_json_value(b, value)?;
        out.push((key, value, end));
        j = skip_json_ws(b, end);
        match b.get(j)? {
            b',' => j = skip_json_ws(b, j + 1),
            b'}' => return Some((out, j + 1)),
            _ => return None,
        }
    }
}

/// A record's JSON text with the `text` member of its `article` object left out: the same
/// bytes as serialising the record without it, when the text is compact JSON as serde_json
/// writes it. `None` when the text has no such member.
fn without_article_text(json: &str) -> Option<String> {
    let b = json.as_bytes();
    // The members after `article` (most of the record) are not read: it comes second.
    let (top, _) = json_members(b, skip_json_ws(b, 0), b"\"article\"")?;
    let &(_, article, _) = top.iter().find(|m| &b[m.0..m.1] == b"\"article\":")?;
    let (members, _) = json_members(b, article, b"")?;
    let k = members
        .iter()
        .position(|m| b[m.0..].starts_with(b"\"text\""))?;
    // Cut the member and the comma before it (after it, when it is the first).
    let (from, to) = if k > 0 {
        (members[k - 1].2, members[k].2)
    } else if members.len() > 1 {
        (members[0].0, members[1].0)
    } else {
        (members[0].0, members[0].2)
    };
    let mut out = String::with_capacity(json.len() - (to - from));
    out.push_str(&json[..from]);
    out.push_str(&json[to..]);
    Some(out)
}

/// The rows of a record read by [`typed`], and `stored`, the JSON text it is stored as.
/// `None` for records that are no `dateline/1` article (an `error` member, no `article.text`).
fn prepare(rec: typed::Record, stored: impl FnOnce() -> Option<String>) -> Option<Prepared> {
    if rec.error.0 {
        return None;
    }
    let art = rec.article.0?;
    let text = art.text.0?;
    let json = stored()?;
    let published = art.published.get().and_then(dateline_dedup::date::interval);
    let entities: FxHashMap<&str, &typed::Entity> = rec
        .entities
        .0
        .iter()
        .filter_map(|e| Some((e.id.get()?, e)))
        .collect();
    let places: FxHashMap<&str, &typed::Place> = rec
        .places
        .0
        .iter()
        .filter_map(|p| Some((p.id.get()?, p)))
        .collect();
    let sentences = &rec.sentences.0;
    let slice = |a: i64, b: i64| text.get(usize::try_from(a).ok()?..usize::try_from(b).ok()?);
    let mut events = Vec::new();
    for ev in &rec.events.0 {
        let Some(cameo) = ev.cameo.get() else {
            continue;
        };
        let sentence = ev.sentence.0;
        let span = sentence
            .and_then(|n| sentences.get(usize::try_from(n).ok()?))
            .and_then(|sp| Some((sp.start.0?, sp.end.0?)));
        let (ts, te) = ev
            .trigger
            .get()
            .map_or((None, None), |t| (t.start.0, t.end.0));
        let mut actors = Vec::new();
        for (role, list) in [("source", &ev.source), ("target", &ev.target)] {
            for a in &list.0 {
                // An actor's country is its entity's (codes like IGOUNO have none).
                let ent = a.entity.get().and_then(|id| entities.get(id));
                let actor = ent.and_then(|e| e.actor.get());
                actors.push(ActorIn {
                    role,
                    code: a.code.own().or_else(|| actor.and_then(|x| x.code.own())),
                    country: actor.and_then(|x| x.country.own()),
                    name: ent.and_then(|e| e.name.own()),
                    entity_id: a.entity.own(),
                    start: a.start.0,
                    end: a.end.0,
                });
            }
        }
        let date = ev.date.get();
        let value = date.and_then(|d| d.value.get());
        let place_ref = ev.place.get();
        let place = place_ref
            .and_then(|p| p.place.get())
            .and_then(|id| places.get(id));
        let plover = ev.plover.get();
        events.push(EventIn {
            event_id: ev.id.own().unwrap_or_default(),
            sentence,
            sentence_span: span,
            evidence: span.and_then(|(a, b)| slice(a, b)).map(str::to_string),
            trigger_start: ts,
            trigger_end: te,
            trigger_text: ev.text.own().or_else(|| Some(slice(ts?, te?)?.to_string())),
            cameo: cameo.to_string(),
            root: ev
                .cameo_root
                .own()
                .unwrap_or_else(|| cameo.chars().take(2).collect()),
            quad_class: ev.quad_class.0,
            goldstein: ev.goldstein.0,
            plover_type: plover.and_then(|p| p.kind.own()),
            plover_mode: plover.and_then(|p| p.mode.own()),
            status: ev.status.own().unwrap_or_else(|| "occurred".into()),
            confidence: ev.confidence.0,
            date_value: value.map(str::to_string),
            date_precision: date.and_then(|d| d.precision.own()),
            date_basis: date.and_then(|d| d.basis.own()),
            date_bounds: value.and_then(keys::date_bounds),
            place_name: place.and_then(|p| p.name.own()),
            geonameid: place.and_then(|p| p.geonameid.0),
            place_country: place.and_then(|p| p.country.own()),
            admin1: place.and_then(|p| p.admin1.own()),
            lat: place.and_then(|p| p.lat.0),
            lon: place.and_then(|p| p.lon.0),
            place_basis: place_ref.and_then(|p| p.basis.own()),
            place_feature: place.and_then(|p| p.feature.own()),
            actors,
            same_as: ev.same_as.own(),
            cl_days: match value {
                Some(v) => dateline_dedup::date::interval(v),
                None => published,
            },
        });
    }
    let casualties = rec
        .casualties
        .0
        .iter()
        .map(|c| CasualtyIn {
            casualty_id: c.id.own(),
            event_id: c.event.own(),
            kind: c.kind.own(),
            min: c.min.0,
            max: c.max.0,
            approx: c.approx.0,
            group: c.group.own(),
            part_of: c.part_of.own(),
            text: c.text.own(),
            start: c.start.0,
            end: c.end.0,
            place_id: c.place.own(),
            date_value: c.date.get().and_then(|d| d.value.own()),
        })
        .collect();
    let hash = keys::content_hash(&text);
    let print = dateline_dedup::Fingerprint::of_text(&text);
    Some(Prepared {
        doc_id: art.id.own().unwrap_or_default(),
        key: keys::key_of(art.url.get(), || hash.clone()),
        url: art.url.own(),
        hash,
        source: art.source.own(),
        title: art.title.own(),
        published: art.published.own(),
        language: art.language.own(),
        json,
        events,
        casualties,
        print,
        text: text.into_owned(),
    })
}

impl Prepared {
    /// A record prepared from its JSON tree. `None` for records that are no `dateline/1`
    /// article (error records, no `article.text`). The stored record is the tree's compact
    /// JSON text without `article.text`.
    pub fn new(record: &Value) -> Option<Prepared> {
        let typed::Obj(rec) = typed::Obj::<typed::Record>::deserialize(record).ok()?;
        prepare(rec?, || {
            without_article_text(&serde_json::to_string(record).ok()?)
        })
    }

    /// A record prepared from its JSON text, as the pipeline writes it
    /// (`dateline_pipeline::to_json_string`), without building a JSON tree: the rows are read
    /// straight from the text, the stored record is that text with `article.text` cut out
    /// (the same bytes [`Prepared::new`] stores for the same record). `Ok(None)` for records
    /// that are no `dateline/1` article; `Err(())` when the text is no JSON (or repeats a
    /// member the store reads): use [`Prepared::new`] on its tree.
    #[allow(clippy::result_unit_err)]
    pub fn from_json(json: &str) -> std::result::Result<Option<Prepared>, ()> {
        let typed::Obj(rec) =
            serde_json::from_str::<typed::Obj<typed::Record>>(json).map_err(|_| ())?;
        let Some(rec) = rec else {
            return Ok(None);
        };
        let article = !rec.error.0 && rec.article.get().is_some_and(|a| a.text.0.is_some());
        let prepared = prepare(rec, || without_article_text(json));
        if article && prepared.is_none() {
            // An article whose text could not be cut out (JSON text not written compactly).
            return Err(());
        }
        Ok(prepared)
    }
}

impl Prepared {
    /// A record prepared straight from the document the pipeline built: the rows [`from_json`]
    /// reads from the record's text, taken from the document's layers without writing and
    /// reading JSON, and the stored record written without `article.text`
    /// ([`dateline_doc::output::to_stored_json_string`]). The same `Prepared` as
    /// `from_json(&to_json_string(doc))` (a test holds them equal).
    ///
    /// [`from_json`]: Prepared::from_json
    pub fn from_doc(doc: &dateline_doc::Doc) -> std::result::Result<Prepared, serde_json::Error> {
        use dateline_doc::output;
        let json = output::to_stored_json_string(doc)?;
        let text = doc.text();
        let m = &doc.meta;
        let published = m.published.map(|d| d.to_string());
        let pub_days = published
            .as_deref()
            .and_then(dateline_dedup::date::interval);
        let id = output::written_id;
        let slice = |a: usize, b: usize| text.get(a..b).map(str::to_string);
        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let span = doc.sentences.get(e.sentence).map(|s| s.span);
                let mut actors = Vec::with_capacity(e.source.len() + e.target.len());
                for (role, list) in [("source", &e.source), ("target", &e.target)] {
                    for a in list {
                        let ent = a.entity.and_then(|k| doc.entities.get(k));
                        let actor = ent.and_then(|x| x.actor.as_ref());
                        actors.push(ActorIn {
                            role,
                            code: a.code.clone().or_else(|| actor.map(|x| x.code.clone())),
                            country: actor.and_then(|x| x.country.clone()),
                            name: ent.map(|x| x.name.clone()),
                            entity_id: a.entity.map(|k| id('e', k)),
                            start: Some(a.span.start as i64),
                            end: Some(a.span.end as i64),
                        });
                    }
                }
                let value = e.date.as_ref().map(|d| d.value.as_str());
                let place = e.place.and_then(|p| doc.places.get(p.place));
                EventIn {
                    event_id: id('v', i),
                    sentence: Some(e.sentence as i64),
                    sentence_span: span.map(|s| (s.start as i64, s.end as i64)),
                    evidence: span.and_then(|s| slice(s.start, s.end)),
                    trigger_start: Some(e.trigger.start as i64),
                    trigger_end: Some(e.trigger.end as i64),
                    trigger_text: Some(doc.slice(e.trigger).to_string()),
                    cameo: e.cameo.clone(),
                    root: e.cameo.get(..2).unwrap_or(&e.cameo).to_string(),
                    quad_class: Some(i64::from(e.quad_class)),
                    goldstein: Some(output::written_goldstein(e.goldstein))
                        .filter(|x| x.is_finite()),
                    plover_type: e.plover.as_ref().map(|p| p.kind.clone()),
                    plover_mode: e.plover.as_ref().and_then(|p| p.mode.clone()),
                    status: e.status.as_str().to_string(),
                    confidence: Some(output::written_confidence(e.confidence))
                        .filter(|x| x.is_finite()),
                    date_value: value.map(str::to_string),
                    date_precision: e.date.as_ref().map(|d| d.precision.as_str().to_string()),
                    date_basis: e.date.as_ref().map(|d| d.basis.as_str().to_string()),
                    date_bounds: value.and_then(keys::date_bounds),
                    place_name: place.map(|p| p.name.clone()),
                    geonameid: place
                        .and_then(|p| p.geonameid)
                        .and_then(|g| i64::try_from(g).ok()),
                    place_country: place.and_then(|p| p.country.clone()),
                    admin1: place.and_then(|p| p.admin1.clone()),
                    // (a figure that is no number is written null, read as none)
                    lat: place
                        .and_then(|p| p.lat)
                        .map(output::written_coordinate)
                        .filter(|x| x.is_finite()),
                    lon: place
                        .and_then(|p| p.lon)
                        .map(output::written_coordinate)
                        .filter(|x| x.is_finite()),
                    place_basis: e.place.map(|p| p.basis.as_str().to_string()),
                    place_feature: place
                        .and_then(|p| p.feature)
                        .map(|f| f.as_str().to_string()),
                    actors,
                    same_as: e.same_as.map(|k| id('v', k)),
                    cl_days: match value {
                        Some(v) => dateline_dedup::date::interval(v),
                        None => pub_days,
                    },
                }
            })
            .collect();
        let casualties = doc
            .casualties
            .iter()
            .enumerate()
            .map(|(i, c)| CasualtyIn {
                casualty_id: Some(id('c', i)),
                event_id: c.event.map(|k| id('v', k)),
                kind: Some(c.kind.as_str().to_string()),
                min: c.min.and_then(|x| i64::try_from(x).ok()),
                max: c.max.and_then(|x| i64::try_from(x).ok()),
                approx: Some(c.approx),
                group: c.group.clone(),
                part_of: c.part_of.map(|k| id('c', k)),
                text: Some(doc.slice(c.span).to_string()),
                start: Some(c.span.start as i64),
                end: Some(c.span.end as i64),
                place_id: c.place.map(|k| id('p', k)),
                date_value: c.date.as_ref().map(|d| d.value.clone()),
            })
            .collect();
        let hash = keys::content_hash(text);
        Ok(Prepared {
            doc_id: m.id.clone(),
            key: keys::key_of(m.url.as_deref(), || hash.clone()),
            url: m.url.clone(),
            hash,
            source: m.source.clone(),
            title: m.title.clone(),
            published,
            language: Some(m.language.clone()),
            json,
            events,
            casualties,
            print: dateline_dedup::Fingerprint::of_text(text),
            text: text.to_string(),
        })
    }
}

/// Insert one article row; `Ok(None)` when its key is already present, else its row id.
fn insert_article(tx: &Transaction, p: &Prepared, now: &str) -> Result<Option<i64>> {
    let inserted = tx
        .prepare_cached(
            "INSERT INTO articles (doc_id, key, url, content_hash, source, title, published,
                                   language, text, record, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT(key) DO NOTHING",
        )?
        .execute(params![
            p.doc_id,
            p.key,
            p.url,
            p.hash,
            p.source,
            p.title,
            p.published,
            p.language,
            p.text,
            p.json,
            now,
        ])?;
    if inserted == 0 {
        return Ok(None);
    }
    let aid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![aid, p.title.as_deref().unwrap_or_default(), p.text])?;
    Ok(Some(aid))
}

/// Insert the events (each with its cluster id, in `p.events` order), actors and casualties of
/// a new article; returns each event's row id (`None` for a repeated event id, not stored).
fn insert_children(
    tx: &Transaction,
    aid: i64,
    p: &Prepared,
    clusters: &[String],
) -> Result<Vec<Option<i64>>> {
    let mut ids = Vec::with_capacity(p.events.len());
    let mut ev_st = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (
            article_id, event_id, sentence, sentence_start, sentence_end, evidence,
            trigger_start, trigger_end, trigger_text, cameo, root, quad_class, goldstein,
            plover_type, plover_mode, status, confidence, source_code, source_country,
            target_code, target_country, date_value, date_precision, date_basis, date_start,
            date_end, place_name, geonameid, place_country, admin1, lat, lon, place_basis,
            cluster, cl_start, cl_end, place_feature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32,
                 ?33, ?34, ?35, ?36, ?37)",
    )?;
    let mut actor_st = tx.prepare_cached(
        "INSERT INTO event_actors (event_id, role, code, country, name, entity_id, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, e) in p.events.iter().enumerate() {
        let first = |role: &str| e.actors.iter().find(|a| a.role == role);
        let (src, tgt) = (first("source"), first("target"));
        ev_st.execute(params![
            aid,
            e.event_id,
            e.sentence,
            e.sentence_span.map(|x| x.0),
            e.sentence_span.map(|x| x.1),
            e.evidence,
            e.trigger_start,
            e.trigger_end,
            e.trigger_text,
            e.cameo,
            e.root,
            e.quad_class,
            e.goldstein,
            e.plover_type,
            e.plover_mode,
            e.status,
            e.confidence,
            src.and_then(|a| a.code.as_deref()),
            src.and_then(|a| a.country.as_deref()),
            tgt.and_then(|a| a.code.as_deref()),
            tgt.and_then(|a| a.country.as_deref()),
            e.date_value,
            e.date_precision,
            e.date_basis,
            e.date_bounds.as_ref().map(|b| b.0.as_str()),
            e.date_bounds.as_ref().map(|b| b.1.as_str()),
            e.place_name,
            e.geonameid,
            e.place_country,
            e.admin1,
            e.lat,
            e.lon,
            e.place_basis,
            clusters.get(i),
            e.cl_days.map(|d| d.0 as i64),
            e.cl_days.map(|d| d.1 as i64),
            e.place_feature,
        ])?;
        if tx.changes() == 0 {
            ids.push(None);
            continue;
        }
        let eid = tx.last_insert_rowid();
        ids.push(Some(eid));
        for a in &e.actors {
            actor_st.execute(params![
                eid,
                a.role,
                a.code,
                a.country,
                a.name,
                a.entity_id,
                a.start,
                a.end,
            ])?;
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO casualties (article_id, casualty_id, event_id, kind, min, max,
            approx, grp, part_of, text, start, end, place_id, date_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for c in &p.casualties {
        st.execute(params![
            aid,
            c.casualty_id,
            c.event_id,
            c.kind,
            c.min,
            c.max,
            c.approx,
            c.group,
            c.part_of,
            c.text,
            c.start,
            c.end,
            c.place_id,
            c.date_value,
        ])?;
    }
    Ok(ids)
}

impl EventStore for Store {
    fn insert_batch(&mut self, records: &[Value]) -> Result<BatchStats> {
        let prepared: Vec<Option<Prepared>> = records.iter().map(Prepared::new).collect();
        self.insert_prepared(&prepared)
    }

    fn query(&self, filter: &Filter) -> Result<Vec<EventRow>> {
        let (sql, p) = self.query_sql(filter)?;
        let mut st = self.conn.prepare(&sql)?;
        let params: Vec<&dyn ToSql> = p.iter().map(|b| b.as_ref()).collect();
        let rows = st
            .query_map(params.as_slice(), event_row)
            .map_err(query_error(filter))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(query_error(filter))
    }

    fn count(&self, filter: &Filter) -> Result<u64> {
        if let Some(n) = filter.facet_count(&self.conn)? {
            return Ok(n);
        }
        let (wh, p) = filter.where_clause(&self.conn)?;
        let sql = format!("SELECT count(*) FROM {}{wh}", filter.tables());
        let params: Vec<&dyn ToSql> = p.iter().map(|b| b.as_ref()).collect();
        let n: i64 = self
            .conn
            .query_row(&sql, params.as_slice(), |r| r.get(0))
            .map_err(query_error(filter))?;
        Ok(n as u64)
    }

    fn counts(&self) -> Result<Counts> {
        let n = |t: &str| -> Result<u64> {
            let v: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            Ok(v as u64)
        };
        Ok(Counts {
            articles: n("articles")?,
            events: n("events")?,
            event_actors: n("event_actors")?,
            casualties: n("casualties")?,
        })
    }

    fn article(&self, doc_id: &str) -> Result<Option<Value>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT record, text FROM articles WHERE doc_id = ? ORDER BY id LIMIT 1",
                [doc_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((record, text)) = row else {
            return Ok(None);
        };
        let mut v: Value = serde_json::from_str(&record)
            .map_err(|e| Error::Filter(format!("stored record is not JSON: {e}")))?;
        if let Some(a) = v.get_mut("article").and_then(Value::as_object_mut) {
            a.insert("text".into(), Value::String(text));
        }
        Ok(Some(v))
    }
}

#[cfg(test)]
mod tests;
