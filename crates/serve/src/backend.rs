//! The reads the API's handlers make, behind one trait with two backends: the embedded SQLite
//! store (`dateline_store::api`, on a pool of read-only connections with an interrupting
//! progress handler) and PostgreSQL (`dateline_store_pg::api`, on a pool of read-only
//! `tokio-postgres` sessions with `statement_timeout`). Both give the same types, so the JSON
//! the handlers write is the same whichever store is behind the server.
//!
//! Answers of costly queries (the count of a filter, stats, map points) are cached per
//! request and store generation in [`Cache`], shared by both backends.

use crate::handlers::ApiError;
use crate::pool::{AGGREGATE_FACTOR, Pool};
use axum::http::StatusCode;
use dateline_store::api::{
    ApiEvent, ClusterSupport, EventDetail, Point, SearchPage, Stats, TOTAL_CAP, Total,
};
use dateline_store::{Counts, EventStore, Filter};
use dateline_store_pg::api::{self as pg, PgReader, ReadError};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A future of a backend's answer.
pub type Fut<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + Send + 'a>>;

/// A store generation: `[max article id, max event id, schema version, writes]`. The ids
/// change when articles or events are added; the schema version when a migration (or any
/// other change of the schema) ran; the last part whenever anything else wrote to the store
/// (SQLite: a count of the changes the read connections saw in `PRAGMA data_version`;
/// PostgreSQL: its current snapshot), so a backfill that rewrites clusters or events without
/// adding a row drops the answers cached before it.
pub type Generation = [i64; 4];

/// Answers by request, with the store generation they were computed at: costly ones (counts,
/// stats, map points) and, apart, bodies of pages and searches (many, each cheap to compute
/// again), so that pages coming and going never push out an aggregate.
pub struct Cache {
    map: Mutex<HashMap<String, (Generation, Arc<String>)>>,
    pages: Mutex<Pages>,
}

impl Default for Cache {
    fn default() -> Cache {
        Cache::with_page_bytes(PAGE_BYTES)
    }
}

/// Answers the aggregate part of the [`Cache`] keeps at most (each a count, a stats object or
/// up to 5,000 map points): when full it starts again empty.
const CACHED: usize = 512;

/// Bytes of page and search bodies (with their keys) the [`Cache`] keeps at most: past it the
/// least recently used go. A page of 500 events with their evidence is about 0.5 MB, and any
/// client can ask for as many distinct pages as it likes, so the bound is on bytes, not pages.
pub const PAGE_BYTES: usize = 64 << 20;

/// Bodies of pages and searches, least recently used first out once their bytes pass `cap`.
struct Pages {
    map: HashMap<String, PageEntry>,
    /// Keys by the tick of their last use: the first is the least recently used.
    order: BTreeMap<u64, String>,
    tick: u64,
    bytes: usize,
    cap: usize,
}

struct PageEntry {
    generation: Generation,
    body: Arc<String>,
    used: u64,
}

impl Pages {
    fn cost(key: &str, body: &str) -> usize {
        key.len() + body.len()
    }

    fn get(&mut self, key: &str, generation: Generation) -> Option<Arc<String>> {
        self.tick += 1;
        let tick = self.tick;
        let e = self.map.get_mut(key)?;
        if e.generation != generation {
            return None;
        }
        self.order.remove(&e.used);
        e.used = tick;
        self.order.insert(tick, key.to_string());
        Some(e.body.clone())
    }

    fn remove(&mut self, key: &str) {
        if let Some(old) = self.map.remove(key) {
            self.order.remove(&old.used);
            self.bytes -= Pages::cost(key, &old.body);
        }
    }

    fn put(&mut self, key: String, generation: Generation, body: Arc<String>) {
        self.remove(&key);
        let cost = Pages::cost(&key, &body);
        if cost > self.cap {
            return;
        }
        while self.bytes + cost > self.cap {
            let Some((_, oldest)) = self.order.pop_first() else {
                break;
            };
            if let Some(old) = self.map.remove(&oldest) {
                self.bytes -= Pages::cost(&oldest, &old.body);
            }
        }
        self.tick += 1;
        self.order.insert(self.tick, key.clone());
        self.bytes += cost;
        self.map.insert(
            key,
            PageEntry {
                generation,
                body,
                used: self.tick,
            },
        );
    }
}

/// The answer cached for `key` in `map` at this generation.
fn cached(
    map: &Mutex<HashMap<String, (Generation, Arc<String>)>>,
    key: &str,
    generation: Generation,
) -> Option<Arc<String>> {
    let map = map.lock().ok()?;
    map.get(key)
        .filter(|(g, _)| *g == generation)
        .map(|(_, v)| v.clone())
}

impl Cache {
    /// A cache keeping at most `cap` bytes of page and search bodies.
    pub fn with_page_bytes(cap: usize) -> Cache {
        Cache {
            map: Mutex::new(HashMap::new()),
            pages: Mutex::new(Pages {
                map: HashMap::new(),
                order: BTreeMap::new(),
                tick: 0,
                bytes: 0,
                cap,
            }),
        }
    }

    /// The answer cached for `key` at this generation.
    pub fn get(&self, key: &str, generation: Generation) -> Option<Arc<String>> {
        cached(&self.map, key, generation)
    }

    pub fn put(&self, key: String, generation: Generation, v: Arc<String>) {
        if let Ok(mut c) = self.map.lock() {
            if c.len() >= CACHED {
                c.clear();
            }
            c.insert(key, (generation, v));
        }
    }

    /// The body of a page or search cached for `key` at this generation.
    pub fn page(&self, key: &str, generation: Generation) -> Option<Arc<String>> {
        self.pages.lock().ok()?.get(key, generation)
    }

    pub fn put_page(&self, key: String, generation: Generation, v: Arc<String>) {
        if let Ok(mut p) = self.pages.lock() {
            p.put(key, generation, v);
        }
    }

    /// Bytes of page and search bodies (with their keys) held now.
    #[cfg(test)]
    fn page_bytes(&self) -> usize {
        self.pages.lock().map(|p| p.bytes).unwrap_or(0)
    }

    /// The cached answer for `key` if the store has not changed since, else `compute` it.
    fn get_or(
        &self,
        key: String,
        generation: Generation,
        compute: impl FnOnce() -> Result<String, ApiError>,
    ) -> Result<Arc<String>, ApiError> {
        if let Some(v) = self.get(&key, generation) {
            return Ok(v);
        }
        let v = Arc::new(compute()?);
        self.put(key, generation, v.clone());
        Ok(v)
    }

    /// The cached body of a page or search for `key` if the store has not changed since, else
    /// `compute` it and keep it.
    fn page_or<E>(
        &self,
        key: String,
        generation: Generation,
        compute: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<String>, E> {
        if let Some(v) = self.page(&key, generation) {
            return Ok(v);
        }
        let v = Arc::new(compute()?);
        self.put_page(key, generation, v.clone());
        Ok(v)
    }

    /// [`Cache::page_or`] with an asynchronous `compute`.
    async fn page_or_async<E>(
        &self,
        key: String,
        generation: Generation,
        compute: impl Future<Output = Result<String, E>>,
    ) -> Result<Arc<String>, E> {
        if let Some(v) = self.page(&key, generation) {
            return Ok(v);
        }
        let v = Arc::new(compute.await?);
        self.put_page(key, generation, v.clone());
        Ok(v)
    }
}

/// A cache key for a filter: its fields, limit and offset included.
pub fn key(kind: &str, f: &Filter) -> String {
    format!("{kind}:{f:?}")
}

/// The cache key of a search page.
fn search_key(q: &str, limit: usize, offset: usize) -> String {
    format!("search:{limit}:{offset}:{q}")
}

/// The body of `/api/events`: a page of events with the filter's total.
pub fn events_body(filter: &Filter, total: Total, events: &[ApiEvent]) -> Result<String, ApiError> {
    let (limit, offset) = (filter.limit, filter.offset);
    let end = (offset + limit) as u64;
    // Past a lower bound, a full page may be followed by more.
    let more = end < total.value || (!total.exact && events.len() == limit);
    to_json(&json!({
        "total": total.value,
        "total_exact": total.exact,
        "limit": limit,
        "offset": offset,
        "next_offset": more.then_some(end),
        "events": events,
    }))
}

/// The body of `/api/search`.
pub fn search_body(limit: usize, offset: usize, page: &SearchPage) -> Result<String, ApiError> {
    to_json(&json!({
        "total": page.total,
        "total_exact": page.total_exact,
        "ranked": page.ranked,
        "limit": limit,
        "offset": offset,
        "hits": page.hits,
    }))
}

/// The filter of a count: without its page.
fn unpaged(f: &Filter) -> Filter {
    Filter {
        limit: 0,
        offset: 0,
        ..f.clone()
    }
}

/// Time budget of a count of events (ms): counting stops there with a lower bound, so a
/// filter's first page never waits long for its total.
pub const COUNT_MS: u64 = 25;

/// The total a page tells by itself: a page shorter than asked (and not past the end) ends
/// the matching events.
fn total_of_page(filter: &Filter, len: usize) -> Option<Total> {
    (len < filter.limit && (len > 0 || filter.offset == 0)).then_some(Total {
        value: (filter.offset + len) as u64,
        exact: true,
    })
}

/// A lower bound raised to the events a page shows (`offset + len`).
fn at_least(t: Total, filter: &Filter, len: usize) -> Total {
    if t.exact {
        t
    } else {
        Total {
            value: t.value.max((filter.offset + len) as u64),
            exact: false,
        }
    }
}

/// A total in the cache: `n`, or `n+` for a lower bound.
fn encode_total(t: Total) -> String {
    format!("{}{}", t.value, if t.exact { "" } else { "+" })
}

fn decode_total(s: &str) -> Total {
    let exact = !s.ends_with('+');
    Total {
        value: s.trim_end_matches('+').parse().unwrap_or(0),
        exact,
    }
}

pub fn to_json<T: serde::Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string(v)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// The body of `/api/points`.
fn points_json(limit: usize, cs: ClusterSupport, pts: &[Point]) -> Result<String, ApiError> {
    to_json(&json!({ "limit": limit, "clusters": cs.column, "points": pts }))
}

/// What the handlers read. Every method is one request's work on one connection.
pub trait ReadBackend: Send + Sync {
    /// The body of `/api/events`: the number of events matching `filter` (exact up to
    /// [`TOTAL_CAP`]) and its page (both cached).
    fn events(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>>;
    /// One event with its evidence, actors, cluster and record.
    fn event(&self, id: i64) -> Fut<'_, Option<EventDetail>>;
    /// The record of the article an event was read from.
    fn event_article(&self, id: i64) -> Fut<'_, Option<Value>>;
    /// The record of an article by `article.id`.
    fn article(&self, doc_id: String) -> Fut<'_, Option<Value>>;
    /// The body of `/api/search` (cached): total (exact up to [`TOTAL_CAP`]) and one page of
    /// hits.
    fn search(
        &self,
        cache: Arc<Cache>,
        q: String,
        limit: usize,
        offset: usize,
    ) -> Fut<'_, Arc<String>>;
    /// The body of `/api/stats` (cached).
    fn stats(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>>;
    /// The body of `/api/points` (cached).
    fn points(&self, cache: Arc<Cache>, filter: Filter, limit: usize) -> Fut<'_, Arc<String>>;
    /// Store size and whether it has clusters.
    fn info(&self) -> Fut<'_, (Counts, ClusterSupport)>;
}

/// The SQLite store: `dateline_store::api` on [`Pool`].
pub struct Sqlite {
    pub pool: Pool,
}

impl ReadBackend for Sqlite {
    fn events(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>> {
        Box::pin(self.pool.run(move |s| {
            let generation = s.generation()?;
            cache.page_or(key("page", &filter), generation, || {
                let cs = s.cluster_support()?;
                let page = s.api_events(&filter, cs)?;
                events_body(
                    &filter,
                    page_total(s, &cache, &filter, generation, page.len())?,
                    &page,
                )
            })
        }))
    }

    fn event(&self, id: i64) -> Fut<'_, Option<EventDetail>> {
        Box::pin(self.pool.run_lookup(move |s| {
            let cs = s.cluster_support()?;
            Ok(s.api_event(id, cs)?)
        }))
    }

    fn event_article(&self, id: i64) -> Fut<'_, Option<Value>> {
        Box::pin(self.pool.run_lookup(move |s| Ok(s.api_event_article(id)?)))
    }

    fn article(&self, doc_id: String) -> Fut<'_, Option<Value>> {
        Box::pin(self.pool.run_lookup(move |s| Ok(s.article(&doc_id)?)))
    }

    fn search(
        &self,
        cache: Arc<Cache>,
        q: String,
        limit: usize,
        offset: usize,
    ) -> Fut<'_, Arc<String>> {
        Box::pin(self.pool.run(move |s| {
            let generation = s.generation()?;
            cache.page_or(search_key(&q, limit, offset), generation, || {
                search_body(limit, offset, &s.api_search(&q, limit, offset)?)
            })
        }))
    }

    fn stats(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>> {
        Box::pin(self.pool.run_aggregate(move |s| {
            let cs = s.cluster_support()?;
            let generation = s.generation()?;
            cache.get_or(key("stats", &filter), generation, || {
                to_json(&s.api_stats(&filter, cs)?)
            })
        }))
    }

    fn points(&self, cache: Arc<Cache>, filter: Filter, limit: usize) -> Fut<'_, Arc<String>> {
        Box::pin(self.pool.run_aggregate(move |s| {
            let cs = s.cluster_support()?;
            let generation = s.generation()?;
            cache.get_or(key("points", &filter), generation, || {
                points_json(limit, cs, &s.api_points(&filter, cs, limit)?)
            })
        }))
    }

    fn info(&self) -> Fut<'_, (Counts, ClusterSupport)> {
        Box::pin(
            self.pool
                .run(move |s| Ok((s.counts()?, s.cluster_support()?))),
        )
    }
}

/// The total of a SQLite page of `len` events: told by the page itself when it is the last,
/// else counted (cached) within its own time budget: a count that runs out of it is the lower
/// bound it reached (cached like an exact one until the store changes).
fn page_total(
    s: &crate::pool::Conn,
    cache: &Cache,
    filter: &Filter,
    generation: Generation,
    len: usize,
) -> Result<Total, ApiError> {
    if let Some(t) = total_of_page(filter, len) {
        return Ok(t);
    }
    let total = cache.get_or(key("count", &unpaged(filter)), generation, || {
        let t = match crate::pool::within(Duration::from_millis(COUNT_MS), || {
            s.api_count_capped(filter, TOTAL_CAP)
        }) {
            // Stopped before it counted anything: the page is the lower bound.
            Err(dateline_store::Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                Total {
                    value: 0,
                    exact: false,
                }
            }
            other => other?,
        };
        Ok(encode_total(t))
    })?;
    Ok(at_least(decode_total(&total), filter, len))
}

/// PostgreSQL: `dateline_store_pg::api` on a [`PgReader`] pool.
pub struct Postgres {
    pub reader: PgReader,
    /// The query limit in milliseconds (aggregates: [`AGGREGATE_FACTOR`] times it).
    pub query_ms: u64,
}

impl Postgres {
    fn limit(&self, aggregate: bool) -> u64 {
        if aggregate {
            self.query_ms.max(1) * AGGREGATE_FACTOR as u64
        } else {
            self.query_ms.max(1)
        }
    }

    /// The error of a read, in the API's terms (as the SQLite side words them).
    fn error(&self, e: ReadError, aggregate: bool) -> ApiError {
        match e {
            ReadError::Bad(m) => ApiError::new(StatusCode::BAD_REQUEST, m.replace("--", "")),
            ReadError::TimedOut => {
                ApiError::interrupted().timed_out(Duration::from_millis(self.limit(aggregate)))
            }
            ReadError::Db(m) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, m),
        }
    }

    /// A pooled session for one request's reads.
    async fn lease(&self, aggregate: bool) -> Result<pg::Lease<'_>, ApiError> {
        self.reader
            .lease(self.limit(aggregate), aggregate)
            .await
            .map_err(|e| self.error(e, aggregate))
    }

    /// The session back to the pool unless it failed in a way that may have broken it (a
    /// cancelled statement or a refused filter leaves it sound), and the answer.
    fn finish<T>(
        &self,
        lease: pg::Lease<'_>,
        out: Result<T, ReadError>,
        aggregate: bool,
    ) -> Result<T, ApiError> {
        if matches!(
            out,
            Ok(_) | Err(ReadError::TimedOut) | Err(ReadError::Bad(_))
        ) {
            lease.done();
        }
        out.map_err(|e| self.error(e, aggregate))
    }
}

/// A cached answer, or `compute` it and keep it.
async fn cached_pg(
    cache: &Cache,
    key: String,
    generation: Generation,
    compute: impl Future<Output = Result<String, ReadError>>,
) -> Result<Arc<String>, ReadError> {
    if let Some(v) = cache.get(&key, generation) {
        return Ok(v);
    }
    let v = Arc::new(compute.await?);
    cache.put(key, generation, v.clone());
    Ok(v)
}

/// A serialisation failure, as a read error.
fn ser(e: ApiError) -> ReadError {
    ReadError::Db(e.message)
}

impl ReadBackend for Postgres {
    fn events(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = async {
                let (generation, cs) = pg::generation(&l).await?;
                cache
                    .page_or_async(key("page", &filter), generation, async {
                        let k = key("count", &unpaged(&filter));
                        // The count (unless cached) and the page go out together.
                        let (total, page) = tokio::join!(
                            cached_pg(&cache, k, generation, async {
                                Ok(encode_total(
                                    pg::count_capped(&l, &filter, TOTAL_CAP).await?,
                                ))
                            }),
                            pg::events(&l, &filter, cs)
                        );
                        let page = page?;
                        let total = match total_of_page(&filter, page.len()) {
                            Some(t) => t,
                            None => at_least(decode_total(&total?), &filter, page.len()),
                        };
                        events_body(&filter, total, &page).map_err(ser)
                    })
                    .await
            }
            .await;
            self.finish(l, out, false)
        })
    }

    fn event(&self, id: i64) -> Fut<'_, Option<EventDetail>> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = pg::event(&l, id).await;
            self.finish(l, out, false)
        })
    }

    fn event_article(&self, id: i64) -> Fut<'_, Option<Value>> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = pg::event_article(&l, id).await;
            self.finish(l, out, false)
        })
    }

    fn article(&self, doc_id: String) -> Fut<'_, Option<Value>> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = pg::article(&l, &doc_id).await;
            self.finish(l, out, false)
        })
    }

    fn search(
        &self,
        cache: Arc<Cache>,
        q: String,
        limit: usize,
        offset: usize,
    ) -> Fut<'_, Arc<String>> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = async {
                let (generation, _) = pg::generation(&l).await?;
                cache
                    .page_or_async(search_key(&q, limit, offset), generation, async {
                        let page = pg::search(&l, &q, limit, offset).await?;
                        search_body(limit, offset, &page).map_err(ser)
                    })
                    .await
            }
            .await;
            self.finish(l, out, false)
        })
    }

    fn stats(&self, cache: Arc<Cache>, filter: Filter) -> Fut<'_, Arc<String>> {
        Box::pin(async move {
            let l = self.lease(true).await?;
            let out = async {
                let (generation, cs) = pg::generation(&l).await?;
                cached_pg(&cache, key("stats", &filter), generation, async {
                    let s: Stats = pg::stats(&l, &filter, cs).await?;
                    to_json(&s).map_err(ser)
                })
                .await
            }
            .await;
            self.finish(l, out, true)
        })
    }

    fn points(&self, cache: Arc<Cache>, filter: Filter, limit: usize) -> Fut<'_, Arc<String>> {
        Box::pin(async move {
            let l = self.lease(true).await?;
            let out = async {
                let (generation, cs) = pg::generation(&l).await?;
                cached_pg(&cache, key("points", &filter), generation, async {
                    let pts = pg::points(&l, &filter, cs, limit).await?;
                    points_json(limit, cs, &pts).map_err(ser)
                })
                .await
            }
            .await;
            self.finish(l, out, true)
        })
    }

    fn info(&self) -> Fut<'_, (Counts, ClusterSupport)> {
        Box::pin(async move {
            let l = self.lease(false).await?;
            let out = async {
                let c = pg::counts(&l).await?;
                Ok((c, pg::cluster_support(&l).await?))
            }
            .await;
            self.finish(l, out, false)
        })
    }
}

/// The one writer of a server started with a token: its own thread owns the store (the
/// PostgreSQL client blocks on its own runtime, which may not happen on the server's), and
/// batches arrive one at a time over a channel.
pub struct Writer {
    tx: Mutex<std::sync::mpsc::Sender<WriteJob>>,
}

type WriteJob = (
    Vec<Option<dateline_store::Prepared>>,
    std::sync::mpsc::Sender<dateline_store::Result<dateline_store::BatchStats>>,
);

/// A store a [`Writer`] writes to.
pub enum WriteStore {
    Sqlite(Box<dateline_store::Store>),
    Postgres(Box<dateline_store_pg::PgStore>),
}

impl WriteStore {
    fn insert(
        &mut self,
        p: &[Option<dateline_store::Prepared>],
    ) -> dateline_store::Result<dateline_store::BatchStats> {
        match self {
            WriteStore::Sqlite(s) => s.insert_prepared(p),
            WriteStore::Postgres(s) => s.insert_prepared(p),
        }
    }
}

impl Writer {
    /// Open the store with `open` on the writer's own thread; its error, if any, comes back.
    pub fn start(
        open: impl FnOnce() -> Result<WriteStore, String> + Send + 'static,
    ) -> Result<Writer, String> {
        let (tx, rx) = std::sync::mpsc::channel::<WriteJob>();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("dateline-writer".into())
            .spawn(move || {
                let mut store = match open() {
                    Ok(s) => {
                        let _ = ready_tx.send(Ok(()));
                        s
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                // Ends when the server (the sender) is gone; the store closes here.
                for (batch, reply) in rx {
                    let _ = reply.send(store.insert(&batch));
                }
            })
            .map_err(|e| format!("cannot start the writer: {e}"))?;
        ready_rx
            .recv()
            .map_err(|_| "the writer stopped while opening the store".to_string())??;
        Ok(Writer { tx: Mutex::new(tx) })
    }

    /// Store a batch (blocks until it is committed).
    pub fn insert(
        &self,
        batch: Vec<Option<dateline_store::Prepared>>,
    ) -> Result<dateline_store::BatchStats, ApiError> {
        let (reply_tx, reply_rx) = std::sync::mpsc::channel();
        let gone = || ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "the writer stopped");
        self.tx
            .lock()
            .map_err(|_| gone())?
            .send((batch, reply_tx))
            .map_err(|_| gone())?;
        Ok(reply_rx.recv().map_err(|_| gone())??)
    }
}

/// Make ready a PostgreSQL database for a read-only server, on a thread of its own (the
/// synchronous client may not block on the server's runtime): bring its schema up to date as
/// the SQLite side does for a file, or, when the role may not (a read-only role), check that
/// it is a dateline database of this schema version.
pub fn prepare_postgres(url: &str) -> Result<(), String> {
    let u = url.to_string();
    std::thread::spawn(move || match dateline_store_pg::PgStore::open(&u) {
        Ok(_) => Ok(()),
        Err(e) => dateline_store_pg::PgStore::open_read_only(&u)
            .map(drop)
            .map_err(|_| e.to_string()),
    })
    .join()
    .map_err(|_| "opening the database panicked".to_string())?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(limit: usize, offset: usize) -> Filter {
        Filter {
            limit,
            offset,
            ..Filter::default()
        }
    }

    #[test]
    fn the_page_cache_holds_its_byte_cap_and_drops_the_least_recently_used() {
        let cap = 10_000;
        let cache = Cache::with_page_bytes(cap);
        let g = [1, 2, 3, 4];
        let body = |i: usize| Arc::new(format!("{i:>999}"));
        // Many distinct pages of about 1 KB each: never more than the cap held.
        for i in 0..100 {
            cache.put_page(format!("page:{i}"), g, body(i));
            assert!(cache.page_bytes() <= cap, "{} bytes", cache.page_bytes());
            // The first page, read after every put, stays the most recently used.
            if i > 0 {
                assert!(cache.page("page:0", g).is_some(), "page 0 at {i}");
            }
        }
        assert!(
            cache.page_bytes() > cap - 1100,
            "{} bytes",
            cache.page_bytes()
        );
        // The oldest unread pages went, the newest are there.
        assert!(cache.page("page:1", g).is_none());
        assert_eq!(cache.page("page:99", g), Some(body(99)));
        // Another generation misses; a body larger than the cap is not kept.
        assert!(cache.page("page:99", [1, 2, 3, 5]).is_none());
        cache.put_page("huge".into(), g, Arc::new("x".repeat(cap + 1)));
        assert!(cache.page("huge", g).is_none());
        assert!(cache.page_bytes() <= cap);
        // Replacing a key counts its bytes once.
        let before = cache.page_bytes();
        cache.put_page("page:99".into(), g, body(99));
        assert_eq!(cache.page_bytes(), before);
        // Computed once per generation.
        let mut runs = 0;
        for _ in 0..3 {
            let v = cache.page_or::<ApiError>("k".into(), g, || {
                runs += 1;
                Ok("v".into())
            });
            assert_eq!(v.unwrap().as_str(), "v");
        }
        assert_eq!(runs, 1);
    }

    #[test]
    fn a_short_page_tells_its_total() {
        let exact = |value| Some(Total { value, exact: true });
        assert_eq!(total_of_page(&page(50, 0), 7), exact(7));
        assert_eq!(total_of_page(&page(50, 100), 7), exact(107));
        assert_eq!(total_of_page(&page(50, 0), 0), exact(0));
        // A full page, or an empty one past the end, needs the count.
        assert_eq!(total_of_page(&page(50, 0), 50), None);
        assert_eq!(total_of_page(&page(50, 100), 0), None);
    }

    #[test]
    fn a_lower_bound_covers_the_page_shown() {
        let bound = Total {
            value: 10_000,
            exact: false,
        };
        assert_eq!(at_least(bound, &page(50, 20_000), 50).value, 20_050);
        assert_eq!(at_least(bound, &page(50, 0), 50), bound);
        let exact = Total {
            value: 3,
            exact: true,
        };
        assert_eq!(at_least(exact, &page(50, 0), 3), exact);
        for t in [bound, exact] {
            assert_eq!(decode_total(&encode_total(t)), t);
        }
    }
}
