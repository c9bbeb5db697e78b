//! Read-only SQLite connections shared by the request handlers, with a time limit per query.
//!
//! A semaphore bounds how many queries run at once (one per connection); each runs on tokio's
//! blocking threads. Each connection has a progress handler that interrupts SQLite once the
//! deadline of the request running on it has passed, so no request holds a connection longer
//! than the limit.
//! Aggregates (stats, map points: up to [`AGGREGATE_FACTOR`] times the limit) may hold at most
//! half of the connections, so slow first requests of aggregates never hold up every page;
//! look-ups of one event or article run on connections of their own (half as many again), so
//! they never wait behind slow filtered queries.
//! Within a request, [`within`] runs a step under a shorter budget (counts of events).

use crate::handlers::ApiError;
use axum::http::StatusCode;
use dateline_store::Store;
use dateline_store::api::ClusterSupport;
use std::cell::Cell;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

pub struct Pool {
    path: PathBuf,
    idle: Arc<Mutex<Vec<Conn>>>,
    permits: Arc<Semaphore>,
    /// Aggregates running at once: half the connections (at least one).
    aggregates: Arc<Semaphore>,
    /// Look-ups of one event or article: their own connections (half as many, at least one),
    /// so they never wait behind slow filtered queries.
    lookups: Arc<Semaphore>,
    limit: Duration,
    /// Changes by other connections seen by the pool's connections (see [`Conn::generation`]).
    writes: Arc<AtomicI64>,
}

/// A pooled read connection (a [`Store`], which it dereferences to) and whether its database
/// has event clusters, read from the schema once and again only when the schema changed.
pub struct Conn {
    store: Store,
    /// Cluster support with the `schema_version` it was read at.
    clusters: Cell<Option<(i64, ClusterSupport)>>,
    /// The `data_version` this connection saw last (none before its first request).
    data_version: Cell<Option<i64>>,
    /// The pool's count of changes seen.
    writes: Arc<AtomicI64>,
}

impl std::ops::Deref for Conn {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

impl Conn {
    /// [`Store::cluster_support`], cached: one look at the schema's version (a cached
    /// statement reading the file header) per request instead of two catalogue queries.
    pub fn cluster_support(&self) -> dateline_store::Result<ClusterSupport> {
        let version: i64 = self
            .store
            .connection()
            .prepare_cached("PRAGMA schema_version")?
            .query_row([], |r| r.get(0))?;
        if let Some((at, cs)) = self.clusters.get()
            && at == version
        {
            return Ok(cs);
        }
        let cs = self.store.cluster_support()?;
        self.clusters.set(Some((version, cs)));
        Ok(cs)
    }

    /// The store's generation, which the server's cache keys its answers by: the largest
    /// article and event ids, `PRAGMA schema_version`, and the pool's count of writes seen.
    /// `PRAGMA data_version` tells a connection only whether another connection committed
    /// since it last looked (its values mean nothing across connections), so each connection
    /// that sees it change, or looks for the first time, counts one more write for the whole
    /// pool: after any commit (a backfill rewriting clusters, a migration, an `UPDATE` by
    /// another process) the first request on any connection moves every connection's
    /// generation on. A write may be counted more than once (each connection that sees it);
    /// that only drops the cache once more.
    pub fn generation(&self) -> dateline_store::Result<crate::backend::Generation> {
        let (articles, events, schema, data): (i64, i64, i64, i64) = self
            .store
            .connection()
            .prepare_cached(
                "SELECT (SELECT coalesce(max(id), 0) FROM articles),
                        (SELECT coalesce(max(id), 0) FROM events),
                        (SELECT schema_version FROM pragma_schema_version),
                        (SELECT data_version FROM pragma_data_version)",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        if self.data_version.replace(Some(data)) != Some(data) {
            self.writes.fetch_add(1, Ordering::SeqCst);
        }
        Ok([articles, events, schema, self.writes.load(Ordering::SeqCst)])
    }
}

thread_local! {
    /// When the query running on this thread must stop: read by the progress handler.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// A read connection, reading the file through a memory map (shared with the other
/// connections through the operating system's page cache) and keeping 16 MiB of pages of its
/// own: a page of events whose filter is tested row by row reads the same rows again on the
/// next request (measured on 1M events: text=Aleppo's page 10.7 ms with SQLite's default
/// 2 MB cache and no map, 3.7 ms mapped).
/// Its progress handler, installed once, interrupts a statement once the [`DEADLINE`] of the
/// thread running it has passed (none between requests).
fn open(path: &std::path::Path, writes: Arc<AtomicI64>) -> dateline_store::Result<Conn> {
    let s = Store::open_read_only(path)?;
    s.connection()
        .execute_batch("PRAGMA mmap_size = 8589934592; PRAGMA cache_size = -16384;")
        .map_err(dateline_store::Error::Sqlite)?;
    s.connection().progress_handler(
        STEPS,
        Some(|| {
            DEADLINE
                .with(Cell::get)
                .is_some_and(|d| Instant::now() >= d)
        }),
    );
    Ok(Conn {
        store: s,
        clusters: Cell::new(None),
        data_version: Cell::new(None),
        writes,
    })
}

/// Run `f` (SQLite work on this thread's pooled connection) with its queries interrupted after
/// `budget`, or at the request's own deadline if that comes first; the request's deadline
/// holds again afterwards.
pub fn within<T>(budget: Duration, f: impl FnOnce() -> T) -> T {
    let outer = DEADLINE.with(Cell::get);
    let mine = Instant::now() + budget;
    DEADLINE.with(|d| d.set(Some(outer.map_or(mine, |o| o.min(mine)))));
    let out = f();
    DEADLINE.with(|d| d.set(outer));
    out
}

/// How many times the query limit an aggregate may take.
pub const AGGREGATE_FACTOR: u32 = 5;

/// SQLite virtual-machine steps between two looks at the clock.
const STEPS: i32 = 1000;

impl Pool {
    pub fn new(path: PathBuf, size: usize, query_ms: u64) -> Pool {
        Pool {
            path,
            idle: Arc::new(Mutex::new(Vec::new())),
            permits: Arc::new(Semaphore::new(size)),
            aggregates: Arc::new(Semaphore::new((size / 2).max(1))),
            lookups: Arc::new(Semaphore::new((size / 2).max(1))),
            limit: Duration::from_millis(query_ms.max(1)),
            writes: Arc::new(AtomicI64::new(0)),
        }
    }

    /// Open one read connection now and keep it.
    pub fn check(&self) -> Result<(), String> {
        let s = open(&self.path, self.writes.clone()).map_err(|e| e.to_string())?;
        self.idle.lock().map_err(|e| e.to_string())?.push(s);
        Ok(())
    }

    /// Run `f` on a read connection within the time limit.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Conn) -> Result<T, ApiError> + Send + 'static,
    {
        self.run_within(self.limit, &self.permits, f).await
    }

    /// Run a look-up of one row (an event, an article) on the look-up connections.
    pub async fn run_lookup<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Conn) -> Result<T, ApiError> + Send + 'static,
    {
        self.run_within(self.limit, &self.lookups, f).await
    }

    /// Run an aggregate over the whole matching set (stats, map points) within
    /// [`AGGREGATE_FACTOR`] times the limit: computed once per filter and store state, then
    /// cached.
    pub async fn run_aggregate<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let _slot = self
            .aggregates
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
        self.run_within(self.limit * AGGREGATE_FACTOR, &self.permits, f)
            .await
    }

    async fn run_within<T, F>(
        &self,
        limit: Duration,
        permits: &Arc<Semaphore>,
        f: F,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Conn) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
        let idle = self.idle.clone();
        let path = self.path.clone();
        let writes = self.writes.clone();
        tokio::task::spawn_blocking(move || {
            let taken = idle.lock().ok().and_then(|mut v| v.pop());
            let store = match taken {
                Some(s) => s,
                None => open(&path, writes).map_err(|e| {
                    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("database: {e}"))
                })?,
            };
            DEADLINE.with(|d| d.set(Some(Instant::now() + limit)));
            let out = f(&store);
            DEADLINE.with(|d| d.set(None));
            if let Ok(mut v) = idle.lock() {
                v.push(store);
            }
            out.map_err(|e| e.timed_out(limit))
        })
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("worker: {e}")))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty store in a folder of its own (removed by the caller): (folder, store file).
    fn empty_store(name: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.db"));
        drop(Store::open(&path).unwrap());
        (dir, path)
    }

    #[test]
    fn cluster_support_is_read_again_after_the_schema_changes() {
        let (dir, path) = empty_store("schema");
        let conn = open(&path, Arc::default()).unwrap();
        let cs = conn.cluster_support().unwrap();
        assert_eq!(cs, conn.store.cluster_support().unwrap());
        assert!(cs.column && cs.table);
        let (at, _) = conn.clusters.get().unwrap();
        assert_eq!(conn.cluster_support().unwrap(), cs);
        // Another connection changes the schema: the next request reads it again.
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE later (x INTEGER)")
            .unwrap();
        assert_eq!(conn.cluster_support().unwrap(), cs);
        let (again, _) = conn.clusters.get().unwrap();
        assert!(again > at, "schema version {at} then {again}");
        drop(conn);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_generation_moves_on_after_a_write_without_new_rows_or_a_schema_change() {
        let (dir, path) = empty_store("generation");
        let writes = Arc::new(AtomicI64::new(0));
        let (a, b) = (
            open(&path, writes.clone()).unwrap(),
            open(&path, writes.clone()).unwrap(),
        );
        let g = a.generation().unwrap();
        assert_eq!(b.generation().unwrap()[..3], g[..3]);
        let g = b.generation().unwrap();
        assert_eq!(a.generation().unwrap(), g, "no write: the same generation");
        let other = rusqlite::Connection::open(&path).unwrap();
        // A schema change, then rows written in a table the ids do not look at: each moves
        // the generation on, with the same largest ids.
        other
            .execute_batch("CREATE TABLE later (x INTEGER)")
            .unwrap();
        let after_schema = a.generation().unwrap();
        assert!(
            after_schema[2] > g[2],
            "schema version {g:?} then {after_schema:?}"
        );
        other.execute_batch("INSERT INTO later VALUES (1)").unwrap();
        let g1 = a.generation().unwrap();
        assert_ne!(g1, after_schema);
        assert_eq!(g1[..3], after_schema[..3]);
        other.execute_batch("UPDATE later SET x = 2").unwrap();
        // The connection that looks first moves the other on too.
        let g2 = b.generation().unwrap();
        assert_ne!(g2, g1);
        assert!(a.generation().unwrap()[3] >= g2[3]);
        // A connection opened later, on its first look, never takes an older generation.
        let c = open(&path, writes.clone()).unwrap();
        assert!(c.generation().unwrap()[3] > g2[3]);
        drop((a, b, c));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_budget_interrupts_a_query_and_the_request_deadline_holds_again() {
        let (dir, path) = empty_store("pool");
        let pool = Pool::new(path, 1, 60_000);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let (inner, after) = rt
            .block_on(pool.run(|s| {
                // A statement that runs for seconds: stopped by a 20 ms budget.
                let slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                            WHERE i < 100000000) SELECT count(*) FROM n";
                let t = Instant::now();
                let inner = within(Duration::from_millis(20), || {
                    s.connection().query_row(slow, [], |r| r.get::<_, i64>(0))
                });
                assert!(t.elapsed() < Duration::from_secs(2));
                // Afterwards only the request's own (one-minute) deadline applies.
                let after = s.connection().query_row(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
                     WHERE i < 100000) SELECT count(*) FROM n",
                    [],
                    |r| r.get::<_, i64>(0),
                );
                Ok((inner.is_err(), after.ok()))
            }))
            .unwrap();
        assert!(inner, "the budget interrupted the slow statement");
        assert_eq!(after, Some(100_000));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn look_ups_and_pages_do_not_wait_behind_slow_aggregates() {
        let (dir, path) = empty_store("lanes");
        let pool = Arc::new(Pool::new(path, 2, 60_000));
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            // Two slow aggregates at once: one runs, the other waits for the aggregate slot.
            let slow = |p: Arc<Pool>| {
                tokio::spawn(async move {
                    p.run_aggregate(|_| {
                        std::thread::sleep(Duration::from_millis(800));
                        Ok(())
                    })
                    .await
                })
            };
            let (a, b) = (slow(pool.clone()), slow(pool.clone()));
            tokio::time::sleep(Duration::from_millis(100)).await;
            let t = Instant::now();
            pool.run(|_| Ok(())).await.unwrap();
            pool.run_lookup(|_| Ok(())).await.unwrap();
            assert!(
                t.elapsed() < Duration::from_millis(400),
                "a page and a look-up waited {:?}",
                t.elapsed()
            );
            a.await.unwrap().unwrap();
            b.await.unwrap().unwrap();
        });
        std::fs::remove_dir_all(&dir).ok();
    }
}
