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
pub use query::{normalise_root, normalise_status, prefix_end};

pub use dedup::{ClusterCounts, ClusterQuery, ClusteredRow, DedupCounts};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params, types::ToSql};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;
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

/// The embedded SQLite store.
pub struct Store {
    conn: Connection,
    /// Clusters read or stored by this writer's earlier batches.
    clusters: dedup::ClusterCache,
    /// Near-duplicate links and event clusters are decided as batches are stored (false:
    /// fingerprints and band keys only, see [`Store::without_dedup`]).
    dedup: bool,
}

impl Store {
    /// Open (creating if needed) a store file, in WAL mode, with the schema brought up to date.
    ///
    /// Several processes may open a new file at once: SQLite answers "database is locked"
    /// without waiting while another connection switches the file to WAL, so opening retries
    /// for up to ten seconds (each migration is one transaction, so a retry is safe).
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        configure_sqlite();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            let conn = Connection::open(path.as_ref())?;
            match Self::setup(conn) {
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
    /// notice on stderr says so.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        configure_sqlite();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
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
        })
    }

    /// A store in memory (tests).
    pub fn open_in_memory() -> Result<Store> {
        configure_sqlite();
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer; a commit is durable against a killed process
        // once it returns. synchronous=NORMAL skips the fsync per commit (a power cut may lose
        // the last commits, never corrupt the file).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
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
        })
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

/// Member `k` of an object. The objects of a record are small (an event has about 15 keys, an
/// actor or a date a handful): comparing the keys in turn is cheaper than hashing `k`.
fn get<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    let o = v.as_object()?;
    if o.len() > 24 {
        return o.get(k);
    }
    o.iter().find(|(key, _)| key.as_str() == k).map(|(_, x)| x)
}
/// [`get`], or `null` when absent (as indexing a [`Value`] gives).
fn member<'a>(v: &'a Value, k: &str) -> &'a Value {
    get(v, k).unwrap_or(&Value::Null)
}
fn s<'a>(v: &'a Value, k: &str) -> Option<&'a str> {
    get(v, k).and_then(Value::as_str)
}
fn i(v: &Value, k: &str) -> Option<i64> {
    get(v, k).and_then(Value::as_i64)
}
fn f(v: &Value, k: &str) -> Option<f64> {
    get(v, k).and_then(Value::as_f64)
}
fn arr<'a>(v: &'a Value, k: &str) -> &'a [Value] {
    get(v, k)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// Serialises a record with `article.text` left out, without copying it.
struct WithoutText<'a>(&'a Value);

impl Serialize for WithoutText<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Article<'a>(&'a Map<String, Value>);
        impl Serialize for Article<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                ser: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let mut m = ser.serialize_map(None)?;
                for (k, v) in self.0.iter().filter(|(k, _)| k.as_str() != "text") {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        match self.0.as_object() {
            Some(top) => {
                let mut m = ser.serialize_map(Some(top.len()))?;
                for (k, v) in top {
                    match v.as_object() {
                        Some(a) if k == "article" => m.serialize_entry(k, &Article(a))?,
                        _ => m.serialize_entry(k, v)?,
                    }
                }
                m.end()
            }
            None => self.0.serialize(ser),
        }
    }
}

/// A record made ready for storing: its key, hash, stored JSON and table rows computed.
/// Preparing is the costly, connection-free part of an insert, so callers with many threads
/// do it in parallel and leave only the writes to the one writer ([`Store::insert_prepared`]).
/// A prepared record holds no JSON tree, only its rows: far less memory per article.
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

struct ActorIn {
    role: &'static str,
    code: Option<String>,
    country: Option<String>,
    name: Option<String>,
    entity_id: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
}

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

fn so(v: &Value, k: &str) -> Option<String> {
    s(v, k).map(str::to_string)
}

fn event_rows(rec: &Value, text: &str) -> Vec<EventIn> {
    let published = rec
        .pointer("/article/published")
        .and_then(Value::as_str)
        .and_then(dateline_dedup::date::interval);
    let entities: HashMap<&str, &Value> = arr(rec, "entities")
        .iter()
        .filter_map(|e| Some((s(e, "id")?, e)))
        .collect();
    let places: HashMap<&str, &Value> = arr(rec, "places")
        .iter()
        .filter_map(|p| Some((s(p, "id")?, p)))
        .collect();
    let sentences = arr(rec, "sentences");
    let slice = |a: i64, b: i64| text.get(usize::try_from(a).ok()?..usize::try_from(b).ok()?);
    let mut out = Vec::new();
    for ev in arr(rec, "events") {
        let Some(cameo) = s(ev, "cameo") else {
            continue;
        };
        let sentence = i(ev, "sentence");
        let span = sentence
            .and_then(|n| sentences.get(usize::try_from(n).ok()?))
            .and_then(|sp| Some((i(sp, "start")?, i(sp, "end")?)));
        let trig = member(ev, "trigger");
        let (ts, te) = (i(trig, "start"), i(trig, "end"));
        let mut actors = Vec::new();
        for role in ["source", "target"] {
            for a in arr(ev, role) {
                // An actor's country is its entity's (codes like IGOUNO have none).
                let ent = s(a, "entity").and_then(|id| entities.get(id));
                actors.push(ActorIn {
                    role,
                    code: so(a, "code")
                        .or_else(|| ent.and_then(|e| so(member(e, "actor"), "code"))),
                    country: ent.and_then(|e| so(member(e, "actor"), "country")),
                    name: ent.and_then(|e| so(e, "name")),
                    entity_id: so(a, "entity"),
                    start: i(a, "start"),
                    end: i(a, "end"),
                });
            }
        }
        let date = member(ev, "date");
        let place_ref = member(ev, "place");
        let place = s(place_ref, "place").and_then(|id| places.get(id));
        let plover = member(ev, "plover");
        out.push(EventIn {
            event_id: so(ev, "id").unwrap_or_default(),
            sentence,
            sentence_span: span,
            evidence: span.and_then(|(a, b)| slice(a, b)).map(str::to_string),
            trigger_start: ts,
            trigger_end: te,
            trigger_text: so(ev, "text").or_else(|| Some(slice(ts?, te?)?.to_string())),
            cameo: cameo.to_string(),
            root: so(ev, "cameo_root").unwrap_or_else(|| cameo.chars().take(2).collect()),
            quad_class: i(ev, "quad_class"),
            goldstein: f(ev, "goldstein"),
            plover_type: so(plover, "type"),
            plover_mode: so(plover, "mode"),
            status: so(ev, "status").unwrap_or_else(|| "occurred".into()),
            confidence: f(ev, "confidence"),
            date_value: so(date, "value"),
            date_precision: so(date, "precision"),
            date_basis: so(date, "basis"),
            date_bounds: s(date, "value").and_then(keys::date_bounds),
            place_name: place.and_then(|p| so(p, "name")),
            geonameid: place.and_then(|p| i(p, "geonameid")),
            place_country: place.and_then(|p| so(p, "country")),
            admin1: place.and_then(|p| so(p, "admin1")),
            lat: place.and_then(|p| f(p, "lat")),
            lon: place.and_then(|p| f(p, "lon")),
            place_basis: so(place_ref, "basis"),
            place_feature: place.and_then(|p| so(p, "feature")),
            actors,
            same_as: so(ev, "same_as"),
            cl_days: match s(date, "value") {
                Some(v) => dateline_dedup::date::interval(v),
                None => published,
            },
        });
    }
    out
}

impl Prepared {
    /// `None` for records that are no `dateline/1` article (error records, no `article.text`).
    pub fn new(record: &Value) -> Option<Prepared> {
        if record.get("error").is_some() {
            return None;
        }
        let art = member(record, "article");
        let text = s(art, "text")?;
        let casualties = arr(record, "casualties")
            .iter()
            .map(|c| CasualtyIn {
                casualty_id: so(c, "id"),
                event_id: so(c, "event"),
                kind: so(c, "kind"),
                min: i(c, "min"),
                max: i(c, "max"),
                approx: c.get("approx").and_then(Value::as_bool),
                group: so(c, "group"),
                part_of: so(c, "part_of"),
                text: so(c, "text"),
                start: i(c, "start"),
                end: i(c, "end"),
                place_id: so(c, "place"),
                date_value: so(member(c, "date"), "value"),
            })
            .collect();
        let hash = keys::content_hash(text);
        Some(Prepared {
            doc_id: so(art, "id").unwrap_or_default(),
            key: keys::key_of(s(art, "url"), || hash.clone()),
            url: so(art, "url"),
            hash,
            source: so(art, "source"),
            title: so(art, "title"),
            published: so(art, "published"),
            language: so(art, "language"),
            text: text.to_string(),
            json: serde_json::to_string(&WithoutText(record)).ok()?,
            events: event_rows(record, text),
            casualties,
            print: dateline_dedup::Fingerprint::of_text(text),
        })
    }
}

/// The members of a `dateline/1` record [`Prepared::from_json`] reads, borrowed from the JSON
/// text where no escape forces a copy. Fields are typed as the pipeline writes them; a record
/// that differs (a number where a string is expected) is not read this way at all, and the
/// caller falls back to [`Prepared::new`], which reads any shape.
mod typed {
    use serde::Deserialize;
    use std::borrow::Cow;

    pub type Str<'a> = Option<Cow<'a, str>>;

    #[derive(Deserialize)]
    pub struct Record<'a> {
        pub error: Option<serde::de::IgnoredAny>,
        #[serde(borrow)]
        pub article: Option<Article<'a>>,
        #[serde(default)]
        pub sentences: Option<Vec<Span>>,
        #[serde(borrow, default)]
        pub entities: Option<Vec<Entity<'a>>>,
        #[serde(borrow, default)]
        pub places: Option<Vec<Place<'a>>>,
        #[serde(borrow, default)]
        pub events: Option<Vec<Event<'a>>>,
        #[serde(borrow, default)]
        pub casualties: Option<Vec<Casualty<'a>>>,
    }
    #[derive(Deserialize)]
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
    #[derive(Deserialize)]
    pub struct Span {
        pub start: Option<i64>,
        pub end: Option<i64>,
    }
    #[derive(Deserialize)]
    pub struct Actor<'a> {
        #[serde(borrow)]
        pub code: Str<'a>,
        #[serde(borrow)]
        pub country: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct Entity<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub name: Str<'a>,
        #[serde(borrow)]
        pub actor: Option<Actor<'a>>,
    }
    #[derive(Deserialize)]
    pub struct Place<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub name: Str<'a>,
        pub geonameid: Option<i64>,
        #[serde(borrow)]
        pub country: Str<'a>,
        #[serde(borrow)]
        pub admin1: Str<'a>,
        pub lat: Option<f64>,
        pub lon: Option<f64>,
        #[serde(borrow)]
        pub feature: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct Argument<'a> {
        #[serde(borrow)]
        pub entity: Str<'a>,
        #[serde(borrow)]
        pub code: Str<'a>,
        pub start: Option<i64>,
        pub end: Option<i64>,
    }
    #[derive(Deserialize)]
    pub struct Plover<'a> {
        #[serde(borrow, rename = "type")]
        pub kind: Str<'a>,
        #[serde(borrow)]
        pub mode: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct Date<'a> {
        #[serde(borrow)]
        pub value: Str<'a>,
        #[serde(borrow)]
        pub precision: Str<'a>,
        #[serde(borrow)]
        pub basis: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct PlaceRef<'a> {
        #[serde(borrow)]
        pub place: Str<'a>,
        #[serde(borrow)]
        pub basis: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct Event<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        pub sentence: Option<i64>,
        pub trigger: Option<Span>,
        #[serde(borrow)]
        pub text: Str<'a>,
        #[serde(borrow)]
        pub cameo: Str<'a>,
        #[serde(borrow)]
        pub cameo_root: Str<'a>,
        pub quad_class: Option<i64>,
        pub goldstein: Option<f64>,
        #[serde(borrow)]
        pub plover: Option<Plover<'a>>,
        #[serde(borrow)]
        pub status: Str<'a>,
        pub confidence: Option<f64>,
        #[serde(borrow, default)]
        pub source: Option<Vec<Argument<'a>>>,
        #[serde(borrow, default)]
        pub target: Option<Vec<Argument<'a>>>,
        #[serde(borrow)]
        pub date: Option<Date<'a>>,
        #[serde(borrow)]
        pub place: Option<PlaceRef<'a>>,
        #[serde(borrow)]
        pub same_as: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct CasualtyDate<'a> {
        #[serde(borrow)]
        pub value: Str<'a>,
    }
    #[derive(Deserialize)]
    pub struct Casualty<'a> {
        #[serde(borrow)]
        pub id: Str<'a>,
        #[serde(borrow)]
        pub event: Str<'a>,
        #[serde(borrow)]
        pub kind: Str<'a>,
        pub min: Option<i64>,
        pub max: Option<i64>,
        pub approx: Option<bool>,
        #[serde(borrow)]
        pub group: Str<'a>,
        #[serde(borrow)]
        pub part_of: Str<'a>,
        #[serde(borrow)]
        pub text: Str<'a>,
        pub start: Option<i64>,
        pub end: Option<i64>,
        #[serde(borrow)]
        pub place: Str<'a>,
        #[serde(borrow)]
        pub date: Option<CasualtyDate<'a>>,
    }
}

/// Index just past the JSON string starting at `b[i]` (a `"`).
fn skip_json_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
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
/// when a member's key (with its quotes) is `stop`, the members up to it and the index just
/// past its value, without reading the rest of the object.
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
        let end = skip_json_value(b, value)?;
        out.push((key, value, end));
        if &b[key..key_end] == stop {
            return Some((out, end));
        }
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

impl Prepared {
    /// A record prepared from its JSON text as the pipeline writes it
    /// (`dateline_pipeline::to_json_string`), without building a JSON tree: the stored record
    /// is that text with `article.text` cut out (the same bytes [`Prepared::new`] stores), the
    /// rows are read into borrowing structs. `Err(())` when the text is not read this way (a
    /// member of another type than the pipeline writes): use [`Prepared::new`] on its tree.
    /// `Ok(None)` for records that are no `dateline/1` article.
    #[allow(clippy::result_unit_err)]
    pub fn from_json(json: &str) -> std::result::Result<Option<Prepared>, ()> {
        let rec: typed::Record = serde_json::from_str(json).map_err(|_| ())?;
        if rec.error.is_some() {
            return Ok(None);
        }
        let Some(art) = rec.article else {
            return Ok(None);
        };
        let Some(text) = art.text else {
            return Ok(None);
        };
        let stored = without_article_text(json).ok_or(())?;
        let own = |s: &typed::Str| s.as_deref().map(str::to_string);
        let published = art
            .published
            .as_deref()
            .and_then(dateline_dedup::date::interval);
        let entities: rustc_hash::FxHashMap<&str, &typed::Entity> = rec
            .entities
            .iter()
            .flatten()
            .filter_map(|e| Some((e.id.as_deref()?, e)))
            .collect();
        let places: rustc_hash::FxHashMap<&str, &typed::Place> = rec
            .places
            .iter()
            .flatten()
            .filter_map(|p| Some((p.id.as_deref()?, p)))
            .collect();
        let sentences = rec.sentences.as_deref().unwrap_or(&[]);
        let slice = |a: i64, b: i64| text.get(usize::try_from(a).ok()?..usize::try_from(b).ok()?);
        let mut events = Vec::new();
        for ev in rec.events.iter().flatten() {
            let Some(cameo) = ev.cameo.as_deref() else {
                continue;
            };
            let span = ev
                .sentence
                .and_then(|n| sentences.get(usize::try_from(n).ok()?))
                .and_then(|sp| Some((sp.start?, sp.end?)));
            let (ts, te) = ev
                .trigger
                .as_ref()
                .map_or((None, None), |t| (t.start, t.end));
            let mut actors = Vec::new();
            for (role, list) in [("source", &ev.source), ("target", &ev.target)] {
                for a in list.iter().flatten() {
                    let ent = a.entity.as_deref().and_then(|id| entities.get(id));
                    let actor = ent.and_then(|e| e.actor.as_ref());
                    actors.push(ActorIn {
                        role,
                        code: own(&a.code).or_else(|| actor.and_then(|x| own(&x.code))),
                        country: actor.and_then(|x| own(&x.country)),
                        name: ent.and_then(|e| own(&e.name)),
                        entity_id: own(&a.entity),
                        start: a.start,
                        end: a.end,
                    });
                }
            }
            let date = ev.date.as_ref();
            let value = date.and_then(|d| d.value.as_deref());
            let place = ev
                .place
                .as_ref()
                .and_then(|p| p.place.as_deref())
                .and_then(|id| places.get(id));
            let plover = ev.plover.as_ref();
            events.push(EventIn {
                event_id: own(&ev.id).unwrap_or_default(),
                sentence: ev.sentence,
                sentence_span: span,
                evidence: span.and_then(|(a, b)| slice(a, b)).map(str::to_string),
                trigger_start: ts,
                trigger_end: te,
                trigger_text: own(&ev.text).or_else(|| Some(slice(ts?, te?)?.to_string())),
                cameo: cameo.to_string(),
                root: own(&ev.cameo_root).unwrap_or_else(|| cameo.chars().take(2).collect()),
                quad_class: ev.quad_class,
                goldstein: ev.goldstein,
                plover_type: plover.and_then(|p| own(&p.kind)),
                plover_mode: plover.and_then(|p| own(&p.mode)),
                status: own(&ev.status).unwrap_or_else(|| "occurred".into()),
                confidence: ev.confidence,
                date_value: value.map(str::to_string),
                date_precision: date.and_then(|d| own(&d.precision)),
                date_basis: date.and_then(|d| own(&d.basis)),
                date_bounds: value.and_then(keys::date_bounds),
                place_name: place.and_then(|p| own(&p.name)),
                geonameid: place.and_then(|p| p.geonameid),
                place_country: place.and_then(|p| own(&p.country)),
                admin1: place.and_then(|p| own(&p.admin1)),
                lat: place.and_then(|p| p.lat),
                lon: place.and_then(|p| p.lon),
                place_basis: ev.place.as_ref().and_then(|p| own(&p.basis)),
                place_feature: place.and_then(|p| own(&p.feature)),
                actors,
                same_as: own(&ev.same_as),
                cl_days: match value {
                    Some(v) => dateline_dedup::date::interval(v),
                    None => published,
                },
            });
        }
        let casualties = rec
            .casualties
            .iter()
            .flatten()
            .map(|c| CasualtyIn {
                casualty_id: own(&c.id),
                event_id: own(&c.event),
                kind: own(&c.kind),
                min: c.min,
                max: c.max,
                approx: c.approx,
                group: own(&c.group),
                part_of: own(&c.part_of),
                text: own(&c.text),
                start: c.start,
                end: c.end,
                place_id: own(&c.place),
                date_value: c.date.as_ref().and_then(|d| own(&d.value)),
            })
            .collect();
        let hash = keys::content_hash(&text);
        let print = dateline_dedup::Fingerprint::of_text(&text);
        Ok(Some(Prepared {
            doc_id: own(&art.id).unwrap_or_default(),
            key: keys::key_of(art.url.as_deref(), || hash.clone()),
            url: own(&art.url),
            hash,
            source: own(&art.source),
            title: own(&art.title),
            published: own(&art.published),
            language: own(&art.language),
            json: stored,
            events,
            casualties,
            print,
            text: text.into_owned(),
        }))
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
