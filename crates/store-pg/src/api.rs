//! Read queries behind `dateline serve` on PostgreSQL: the same operations, results and types
//! as `dateline_store::api` over SQLite (events with filters and pages, one event with its
//! evidence, an article with every layer, statistics, map points, full-text search), so the
//! server's JSON is the same on both backends.
//!
//! - **Async**: the server runs on tokio, so these queries use `tokio-postgres` directly, over a
//!   small pool of connections ([`PgReader`]): a semaphore bounds how many run at once, each
//!   connection is made on first need and reused and prepares each statement once; the
//!   independent queries of one request are sent together (pipelined).
//! - **Read-only**: every pooled session sets `default_transaction_read_only = on`.
//! - **Time limit**: each statement runs under `statement_timeout` (the server's query limit;
//!   aggregates get their own, longer limit); a cancelled statement is [`ReadError::TimedOut`].
//! - **Parameters only**: filters go through the store's own `where_clause` (the conditions
//!   and messages of `dateline query`); every user value is a bound parameter.
//! - **Clusters**: used when the database has them, detected from its catalogue exactly as the
//!   SQLite side detects them (`events.cluster`; a `clusters` table with `id`, `mentions`,
//!   `articles`, `sources`). Without them each mention is its own cluster of one report, as
//!   SQLite answers for an unclustered event (`id: null, mentions: 1, articles: 1, sources: 0`).
//! - **Search** uses the `tsvector` column (`fts::to_tsquery` reads the FTS5 syntax), ranked by
//!   `ts_rank`; snippets come from `ts_headline`, so their words and ellipses differ from
//!   FTS5's `snippet()` (the matched words are marked the same way).

use crate::{Params, fts, where_clause};
use dateline_store::api::{
    ActorRow, ApiEvent, ClusterInfo, ClusterSupport, EventDetail, MAP_WINDOW, Point, SearchHit,
    SearchPage, SnippetPart, Stats, TOTAL_CAP, Total, search_window,
};
use dateline_store::{Counts, EventRow, Filter};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Mutex;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::private::BytesMut;
use tokio_postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use tokio_postgres::{Client, NoTls, Row, Statement};

/// Why a read failed, by whose fault.
#[derive(Debug)]
pub enum ReadError {
    /// A bad filter or search value (the request's fault), with a message naming it.
    Bad(String),
    /// A statement ran past `statement_timeout`.
    TimedOut,
    /// The database failed (connection, server error).
    Db(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Bad(m) | ReadError::Db(m) => f.write_str(m),
            ReadError::TimedOut => f.write_str("the query ran longer than the time limit"),
        }
    }
}

impl From<tokio_postgres::Error> for ReadError {
    fn from(e: tokio_postgres::Error) -> ReadError {
        if e.code() == Some(&SqlState::QUERY_CANCELED) {
            return ReadError::TimedOut;
        }
        ReadError::Db(match e.as_db_error() {
            Some(d) => format!("database: {}: {}", d.severity(), d.message()),
            None => format!("database: {e}"),
        })
    }
}

impl From<dateline_store::Error> for ReadError {
    fn from(e: dateline_store::Error) -> ReadError {
        match e {
            dateline_store::Error::Filter(m) => ReadError::Bad(m),
            e => ReadError::Db(e.to_string()),
        }
    }
}

type Result<T> = std::result::Result<T, ReadError>;

/// One pooled session: its client, the settings it has now and its prepared statements.
struct Conn {
    client: Client,
    /// `statement_timeout` in ms and whether the session is set for aggregates.
    mode: Option<(u64, bool)>,
    /// Statements by SQL text: filters of one shape make the same text, so a session
    /// prepares each once (a prepared statement saves a round trip per query).
    statements: Mutex<HashMap<String, Statement>>,
}

/// Most statements a session keeps prepared.
const STATEMENTS: usize = 256;

/// A small pool of read-only sessions of one database.
pub struct PgReader {
    config: tokio_postgres::Config,
    idle: Mutex<Vec<Conn>>,
    permits: tokio::sync::Semaphore,
}

/// A session lent to one request. It goes back to the pool only when the request finished
/// with it ([`Lease::done`]): a request dropped half-way (its client went away) may have left
/// a statement or a setting in flight, so that session is closed instead.
pub struct Lease<'a> {
    reader: &'a PgReader,
    conn: Option<Conn>,
    finished: bool,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl Lease<'_> {
    fn conn(&self) -> &Conn {
        self.conn.as_ref().expect("a lease holds its session")
    }

    /// The session's client.
    pub fn client(&self) -> &Client {
        &self.conn().client
    }

    /// `sql` prepared on this session (once per session).
    async fn statement(&self, sql: &str) -> Result<Statement> {
        let conn = self.conn();
        if let Some(st) = conn
            .statements
            .lock()
            .ok()
            .and_then(|m| m.get(sql).cloned())
        {
            return Ok(st);
        }
        let st = conn.client.prepare(sql).await?;
        if let Ok(mut m) = conn.statements.lock() {
            if m.len() >= STATEMENTS {
                m.clear();
            }
            m.insert(sql.to_string(), st.clone());
        }
        Ok(st)
    }

    async fn query(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        let st = self.statement(sql).await?;
        Ok(self.client().query(&st, params).await?)
    }

    async fn query_one(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Row> {
        let st = self.statement(sql).await?;
        Ok(self.client().query_one(&st, params).await?)
    }

    async fn query_opt(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>> {
        let st = self.statement(sql).await?;
        Ok(self.client().query_opt(&st, params).await?)
    }

    /// Give the session back for the next request.
    pub fn done(mut self) {
        self.finished = true;
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(c) = self.conn.take()
            && self.finished
            && !c.client.is_closed()
            && let Ok(mut idle) = self.reader.idle.lock()
        {
            idle.push(c);
        }
    }
}

impl PgReader {
    /// A pool of at most `size` sessions of the database at `url`. Nothing connects yet.
    pub fn new(url: &str, size: usize) -> std::result::Result<PgReader, String> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| format!("{}: {e}", crate::redact(url)))?;
        Ok(PgReader {
            config,
            idle: Mutex::new(Vec::new()),
            permits: tokio::sync::Semaphore::new(size.max(1)),
        })
    }

    /// A session whose statements may each run `timeout_ms` milliseconds. Waits while every
    /// session is busy. Must be called inside a tokio runtime (the connection runs on it).
    /// `aggregate`: the request reads every matching event (stats, map points) and may use
    /// parallel workers; other requests read a page off an index and stop early, where
    /// parallel workers only add their start-up time (as the store's `query` does).
    pub async fn lease(&self, timeout_ms: u64, aggregate: bool) -> Result<Lease<'_>> {
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ReadError::Db("shutting down".into()))?;
        let taken = self.idle.lock().ok().and_then(|mut v| v.pop());
        let mut conn = match taken {
            Some(c) if !c.client.is_closed() => c,
            _ => {
                let (client, connection) =
                    self.config.connect(NoTls).await.map_err(|e| {
                        ReadError::Db(format!("cannot connect to the database: {}", e))
                    })?;
                tokio::spawn(async move {
                    let _ = connection.await;
                });
                client
                    .batch_execute("SET default_transaction_read_only = on")
                    .await?;
                Conn {
                    client,
                    mode: None,
                    statements: Mutex::new(HashMap::new()),
                }
            }
        };
        let mode = (timeout_ms.max(1), aggregate);
        if conn.mode != Some(mode) {
            // Numbers and fixed words made here, not user text.
            let workers = if aggregate {
                "RESET max_parallel_workers_per_gather"
            } else {
                "SET max_parallel_workers_per_gather = 0"
            };
            conn.client
                .batch_execute(&format!("SET statement_timeout = {}; {workers}", mode.0))
                .await?;
            conn.mode = Some(mode);
        }
        Ok(Lease {
            reader: self,
            conn: Some(conn),
            finished: false,
            _permit: permit,
        })
    }
}

/// The columns of an [`EventRow`] (`e` events, `a` articles), in [`event_row`]'s order: those
/// of the SQLite store's `EVENT_COLUMNS`.
const EVENT_COLUMNS: &str = "e.id, a.doc_id, e.event_id, e.date_value, e.date_precision, e.cameo,
     e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.status,
     e.source_code, e.source_country, e.target_code, e.target_country,
     e.place_name, e.geonameid, e.place_country, e.admin1, e.lat, e.lon,
     a.source, a.url, a.published, e.trigger_text, e.trigger_start,
     e.trigger_end, e.evidence, e.confidence";

/// How many columns [`EVENT_COLUMNS`] selects (those of `EVENT_SELECT`): a statement's own
/// columns after them start at this index.
const N: usize = crate::EVENT_COLUMN_COUNT;

fn event_row(r: &Row) -> Result<EventRow> {
    let g = |i: usize| -> Result<Option<String>> { Ok(r.try_get(i)?) };
    Ok(EventRow {
        id: r.try_get(0)?,
        article: r.try_get(1)?,
        event: r.try_get(2)?,
        date: g(3)?,
        date_precision: g(4)?,
        cameo: r.try_get(5)?,
        root: r.try_get(6)?,
        quad_class: r.try_get(7)?,
        goldstein: r.try_get(8)?,
        plover_type: g(9)?,
        plover_mode: g(10)?,
        status: r.try_get(11)?,
        source_actor: g(12)?,
        source_country: g(13)?,
        target_actor: g(14)?,
        target_country: g(15)?,
        place: g(16)?,
        geonameid: r.try_get(17)?,
        place_country: g(18)?,
        admin1: g(19)?,
        lat: r.try_get(20)?,
        lon: r.try_get(21)?,
        outlet: g(22)?,
        url: g(23)?,
        published: g(24)?,
        trigger: g(25)?,
        trigger_start: r.try_get(26)?,
        trigger_end: r.try_get(27)?,
        evidence: g(28)?,
        confidence: r.try_get(29)?,
    })
}

/// A parameter value already in PostgreSQL's binary format. The boxed values of [`Params`]
/// are not `Send`, and the server's futures must be: these are made from them between two
/// awaits and travel instead.
#[derive(Debug)]
struct Encoded(Option<Vec<u8>>);

impl ToSql for Encoded {
    fn to_sql(
        &self,
        _: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        Ok(match &self.0 {
            Some(b) => {
                out.extend_from_slice(b);
                IsNull::No
            }
            None => IsNull::Yes,
        })
    }

    fn accepts(_: &Type) -> bool {
        // Encoded for the statement's own parameter type, checked when it was encoded.
        true
    }

    to_sql_checked!();
}

/// The statement `build` writes, prepared, and the parameters it pushed, encoded for it.
/// `build` runs twice (before and after preparing): it must make the same SQL both times.
async fn prepare(
    l: &Lease<'_>,
    build: impl Fn(&mut Params) -> Result<String>,
) -> Result<(Statement, Vec<Encoded>)> {
    let sql = build(&mut Params::default())?;
    let st = l.statement(&sql).await?;
    let mut p = Params::default();
    build(&mut p)?;
    let mut out = Vec::with_capacity(p.vals.len());
    for (v, ty) in p.vals.iter().zip(st.params()) {
        let mut buf = BytesMut::new();
        let null = v
            .to_sql_checked(ty, &mut buf)
            .map_err(|e| ReadError::Db(format!("database: parameter of type {ty}: {e}")))?;
        out.push(Encoded(match null {
            IsNull::Yes => None,
            IsNull::No => Some(buf.to_vec()),
        }));
    }
    Ok((st, out))
}

fn refs(v: &[Encoded]) -> Vec<&(dyn ToSql + Sync)> {
    v.iter().map(|e| e as &(dyn ToSql + Sync)).collect()
}

/// The tables a filter reads.
fn tables(needs_article: bool) -> &'static str {
    if needs_article {
        "events e JOIN articles a ON a.id = e.article_id"
    } else {
        "events e"
    }
}

/// Whether the database has event clusters, and numbers that change whenever the store may
/// have changed (for caching answers), in one round trip: `[largest article id, largest event
/// id, schema version (dateline_schema), writes]`, where the last is a hash of the server's
/// current snapshot (`txid_current_snapshot()`), which changes whenever any transaction that
/// wrote commits or ends: a backfill that rewrites clusters without adding a row moves it on.
pub async fn generation(l: &Lease<'_>) -> Result<([i64; 4], ClusterSupport)> {
    let r = l
        .query_one(
            "SELECT (SELECT coalesce(max(id), 0)::int8 FROM articles),
                    (SELECT coalesce(max(id), 0)::int8 FROM events),
                    (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('events')
                        AND attname = 'cluster' AND NOT attisdropped),
                    (SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('clusters')
                        AND attname IN ('id', 'mentions', 'articles', 'sources')
                        AND NOT attisdropped),
                    (SELECT coalesce(max(version), 0)::int8 FROM dateline_schema),
                    txid_current_snapshot()::text",
            &[],
        )
        .await?;
    let column = r.try_get::<_, i64>(2)? == 1;
    let cs = ClusterSupport {
        column,
        table: column && r.try_get::<_, i64>(3)? == 4,
    };
    let snapshot: String = r.try_get(5)?;
    let writes = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        snapshot.hash(&mut h);
        h.finish() as i64
    };
    Ok(([r.try_get(0)?, r.try_get(1)?, r.try_get(4)?, writes], cs))
}

/// Whether the database has event clusters.
pub async fn cluster_support(l: &Lease<'_>) -> Result<ClusterSupport> {
    Ok(generation(l).await?.1)
}

/// Cluster counts of the given events (by event row id), in the same order.
async fn clusters_of(l: &Lease<'_>, cs: ClusterSupport, ids: &[i64]) -> Result<Vec<ClusterInfo>> {
    let alone = ClusterInfo {
        id: None,
        mentions: 1,
        articles: 1,
        sources: 0,
    };
    if !cs.column || ids.is_empty() {
        return Ok(vec![alone; ids.len()]);
    }
    let sql = if cs.table {
        "SELECT e.id, e.cluster::text, c.mentions::int8, c.articles::int8, c.sources::int8
         FROM events e LEFT JOIN clusters c ON c.id = e.cluster WHERE e.id = ANY($1)"
    } else {
        "SELECT e.id, e.cluster::text, NULL::int8, NULL::int8, NULL::int8
         FROM events e WHERE e.id = ANY($1)"
    };
    let list: Vec<i64> = ids.to_vec();
    let mut found = std::collections::HashMap::new();
    for r in l.query(sql, &[&list]).await? {
        let id: i64 = r.try_get(0)?;
        found.insert(
            id,
            ClusterInfo {
                id: r.try_get::<_, Option<String>>(1)?.map(Value::from),
                mentions: r.try_get::<_, Option<i64>>(2)?.unwrap_or(1),
                articles: r.try_get::<_, Option<i64>>(3)?.unwrap_or(1),
                sources: r.try_get::<_, Option<i64>>(4)?.unwrap_or(0),
            },
        );
    }
    Ok(ids
        .iter()
        .map(|id| found.remove(id).unwrap_or_else(|| alone.clone()))
        .collect())
}

/// How many events match a filter.
pub async fn count(l: &Lease<'_>, filter: &Filter) -> Result<u64> {
    let (st, p) = prepare(l, |p| {
        let (wh, needs_article) = where_clause(filter, p)?;
        Ok(format!(
            "SELECT count(*) FROM {}{wh}",
            tables(needs_article)
        ))
    })
    .await?;
    let n: i64 = l.client().query_one(&st, &refs(&p)).await?.try_get(0)?;
    Ok(n as u64)
}

/// How many events match a filter, exactly up to `cap` (beyond: `cap`, not exact), as the
/// SQLite `api_count_capped`.
pub async fn count_capped(l: &Lease<'_>, filter: &Filter, cap: u64) -> Result<Total> {
    let lim = Total::count_limit(cap);
    let (st, p) = prepare(l, |p| {
        let (wh, needs_article) = where_clause(filter, p)?;
        Ok(format!(
            "SELECT count(*) FROM (SELECT 1 FROM {}{wh} LIMIT {}) s",
            tables(needs_article),
            p.push(lim)
        ))
    })
    .await?;
    let n: i64 = l.client().query_one(&st, &refs(&p)).await?.try_get(0)?;
    Ok(Total::capped(n as u64, cap))
}

/// Events matching a filter, newest first (the order of `dateline query`), one page of
/// `filter.limit` (0: all) from `filter.offset`, each with its cluster's counts.
pub async fn events(l: &Lease<'_>, filter: &Filter, cs: ClusterSupport) -> Result<Vec<ApiEvent>> {
    let limit: Option<i64> = (filter.limit != 0).then_some(filter.limit as i64);
    let (st, p) = prepare(l, |p| {
        let (wh, _) = where_clause(filter, p)?;
        Ok(format!(
            "SELECT {EVENT_COLUMNS}
             FROM events e JOIN articles a ON a.id = e.article_id{wh}
             ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT {} OFFSET {}",
            p.push(limit),
            p.push(filter.offset as i64)
        ))
    })
    .await?;
    let rows = l.client().query(&st, &refs(&p)).await?;
    let rows = rows.iter().map(event_row).collect::<Result<Vec<_>>>()?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let clusters = clusters_of(l, cs, &ids).await?;
    Ok(rows
        .into_iter()
        .zip(clusters)
        .map(|(row, cluster)| ApiEvent { row, cluster })
        .collect())
}

fn parse_record(record: &str) -> Result<Value> {
    serde_json::from_str(record)
        .map_err(|e| ReadError::Db(format!("stored record is not JSON: {e}")))
}

/// One event mention by its row id, with its evidence, actors, cluster and record.
pub async fn event(l: &Lease<'_>, id: i64) -> Result<Option<EventDetail>> {
    let main = format!(
        "SELECT {EVENT_COLUMNS},
            a.id, a.title, e.sentence, e.sentence_start, e.sentence_end,
            e.date_basis, e.place_basis, a.record::text
         FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = $1"
    );
    // Actors in the order they were stored (COPY appends them in the staging store's rowid
    // order, and actor rows are never updated). The three queries go out together.
    let by_id: [&(dyn ToSql + Sync); 1] = [&id];
    let (cs, found, actors) = tokio::join!(
        cluster_support(l),
        l.query_opt(&main, &by_id),
        l.query(
            "SELECT role, code, country, name, entity_id, start, \"end\" FROM event_actors
             WHERE event_id = $1 ORDER BY ctid",
            &by_id,
        )
    );
    let (cs, actors) = (cs?, actors?);
    let Some(r) = found? else {
        return Ok(None);
    };
    let row = event_row(&r)?;
    let record: String = r.try_get(N + 7)?;
    let actors = actors
        .iter()
        .map(|a| {
            Ok(ActorRow {
                role: a.try_get(0)?,
                code: a.try_get(1)?,
                country: a.try_get(2)?,
                name: a.try_get(3)?,
                entity: a.try_get(4)?,
                start: a.try_get(5)?,
                end: a.try_get(6)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let rec = parse_record(&record)?;
    let event_obj = rec["events"].as_array().and_then(|evs| {
        evs.iter()
            .find(|e| e["id"].as_str() == Some(row.event.as_str()))
            .cloned()
    });
    let casualties = rec["casualties"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter(|c| c["event"].as_str() == Some(row.event.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let cluster = clusters_of(l, cs, &[id]).await?.pop().unwrap_or_default();
    Ok(Some(EventDetail {
        row,
        article_row: r.try_get(N)?,
        title: r.try_get(N + 1)?,
        sentence: r.try_get(N + 2)?,
        sentence_start: r.try_get(N + 3)?,
        sentence_end: r.try_get(N + 4)?,
        date_basis: r.try_get(N + 5)?,
        place_basis: r.try_get(N + 6)?,
        actors,
        cluster,
        record: event_obj,
        casualties,
    }))
}

/// The record with the article's clean text put back in (`record` is stored without it).
fn with_text(record: &str, text: String) -> Result<Value> {
    let mut v = parse_record(record)?;
    if let Some(a) = v.get_mut("article").and_then(Value::as_object_mut) {
        a.insert("text".into(), Value::String(text));
    }
    Ok(v)
}

/// The full `dateline/1` record of the article an event was read from.
pub async fn event_article(l: &Lease<'_>, event_id: i64) -> Result<Option<Value>> {
    let r = l
        .query_opt(
            "SELECT a.record::text, a.text FROM events e JOIN articles a ON a.id = e.article_id
             WHERE e.id = $1",
            &[&event_id],
        )
        .await?;
    r.map(|r| with_text(&r.try_get::<_, String>(0)?, r.try_get(1)?))
        .transpose()
}

/// The full `dateline/1` record of an article by its `article.id` (the first stored).
pub async fn article(l: &Lease<'_>, doc_id: &str) -> Result<Option<Value>> {
    let r = l
        .query_opt(
            "SELECT record::text, text FROM articles WHERE doc_id = $1 ORDER BY id LIMIT 1",
            &[&doc_id],
        )
        .await?;
    r.map(|r| with_text(&r.try_get::<_, String>(0)?, r.try_get(1)?))
        .transpose()
}

/// Counts for a filter (its `limit` and `offset` are ignored), as the SQLite `api_stats`.
pub async fn stats(l: &Lease<'_>, filter: &Filter, cs: ClusterSupport) -> Result<Stats> {
    let from = |p: &mut Params| -> Result<String> {
        let (wh, needs_article) = where_clause(filter, p)?;
        Ok(format!("FROM {}{wh}", tables(needs_article)))
    };
    let cluster = if cs.column {
        "count(DISTINCT coalesce(e.cluster::text, '#' || e.id))"
    } else {
        "count(*)"
    };
    let (st, p) = prepare(l, |p| {
        Ok(format!(
            "SELECT count(DISTINCT e.article_id), {cluster} {}",
            from(p)?
        ))
    })
    .await?;
    let (st2, p2) = prepare(l, |p| {
        Ok(format!(
            "SELECT to_char(e.date_start, 'YYYY-MM-DD'), e.root, coalesce(e.quad_class, 0),
                    e.status, count(*) {}
             GROUP BY 1, 2, 3, 4",
            from(p)?
        ))
    })
    .await?;
    let (p, p2) = (refs(&p), refs(&p2));
    let (r, groups) = tokio::join!(l.client().query_one(&st, &p), l.client().query(&st2, &p2));
    let (r, groups) = (r?, groups?);
    let (articles, clusters): (i64, i64) = (r.try_get(0)?, r.try_get(1)?);
    use std::collections::BTreeMap;
    let (mut day, mut root, mut quad, mut status) = (
        BTreeMap::<String, i64>::new(),
        BTreeMap::<String, i64>::new(),
        BTreeMap::<i64, i64>::new(),
        BTreeMap::<String, i64>::new(),
    );
    let (mut events, mut undated) = (0, 0);
    for g in groups {
        let n: i64 = g.try_get(4)?;
        events += n;
        match g.try_get::<_, Option<String>>(0)? {
            Some(d) => *day.entry(d).or_default() += n,
            None => undated += n,
        }
        *root.entry(g.try_get(1)?).or_default() += n;
        *quad.entry(g.try_get(2)?).or_default() += n;
        *status.entry(g.try_get(3)?).or_default() += n;
    }
    Ok(Stats {
        events,
        articles,
        clusters,
        undated,
        by_day: day.into_iter().collect(),
        by_root: root.into_iter().collect(),
        by_quad: quad.into_iter().collect(),
        by_status: status.into_iter().collect(),
    })
}

/// Map points for a filter, as the SQLite `api_points`: one per real-world event among the
/// newest [`MAP_WINDOW`] matching mentions with coordinates, represented by its newest
/// mention, most reported first, then newest; at most `limit`.
pub async fn points(
    l: &Lease<'_>,
    filter: &Filter,
    cs: ClusterSupport,
    limit: usize,
) -> Result<Vec<Point>> {
    let key = if cs.column {
        "coalesce(e.cluster::text, '#' || e.id)"
    } else {
        "e.id::text"
    };
    let (st, p) = prepare(l, |p| {
        let (wh, needs_article) = where_clause(filter, p)?;
        let and = if wh.is_empty() { " WHERE" } else { " AND" };
        Ok(format!(
            "SELECT n, id, lat, lon, quad_class, root, date_value, place_name
         FROM (SELECT w.*, count(*) OVER (PARTITION BY cluster_key) AS n,
                      row_number() OVER (PARTITION BY cluster_key
                                         ORDER BY date_start DESC NULLS LAST, id DESC) AS rn
               FROM (SELECT e.id, {key} AS cluster_key, e.lat, e.lon, e.quad_class, e.root,
                            e.date_value, e.place_name, e.date_start
                     FROM {}{wh}{and} e.lat IS NOT NULL AND e.lon IS NOT NULL
                     ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT {MAP_WINDOW}) w) g
         WHERE rn = 1
         ORDER BY n DESC, date_start DESC NULLS LAST, id DESC LIMIT {}",
            tables(needs_article),
            p.push(limit as i64)
        ))
    })
    .await?;
    l.client()
        .query(&st, &refs(&p))
        .await?
        .iter()
        .map(|r| {
            Ok(Point {
                reports: r.try_get(0)?,
                event: r.try_get(1)?,
                lat: r.try_get(2)?,
                lon: r.try_get(3)?,
                quad_class: r.try_get(4)?,
                root: r.try_get(5)?,
                date: r.try_get(6)?,
                place: r.try_get(7)?,
            })
        })
        .collect()
}

/// `ts_headline` options: the hits between two private-use characters (split out below, so no
/// markup travels to the client), about as many words as FTS5's 24-token snippet.
const HEADLINE: &str = "StartSel=\u{E000}, StopSel=\u{E001}, MaxWords=24, MinWords=12, \
                        ShortWord=0, HighlightAll=false";

/// Articles matching an FTS5-syntax query, best match first: the total (exact up to
/// `TOTAL_CAP`) and one page, ranked over the same window of matches as the SQLite
/// `api_search` (all, or the most recently stored `search_window` ones).
pub async fn search(l: &Lease<'_>, q: &str, limit: usize, offset: usize) -> Result<SearchPage> {
    let tsq = fts::to_tsquery(q)
        .map_err(|m| ReadError::Bad(format!("q: not a valid FTS5 query ({m})")))?;
    let window = search_window(limit, offset);
    let count_cap = Total::count_limit(TOTAL_CAP.max(window));
    let (limit, offset, win) = (limit as i64, offset as i64, window as i64);
    let counted: [&(dyn ToSql + Sync); 2] = [&tsq, &count_cap];
    let page: [&(dyn ToSql + Sync); 5] = [&tsq, &limit, &offset, &HEADLINE, &win];
    // The window: every match when it holds them all, the newest `window` otherwise; ranked
    // then. The same statement serves both (a LIMIT above the matches changes nothing).
    let (found, rows) = tokio::join!(
        l.query_one(
            "SELECT count(*) FROM (SELECT 1 FROM articles a
                                   WHERE a.fts @@ to_tsquery('simple', $1) LIMIT $2) s",
            &counted,
        ),
        l.query(
            "SELECT h.doc_id, h.id, h.title, h.source, h.published,
                    (SELECT count(*) FROM events e WHERE e.article_id = h.id),
                    ts_headline('simple', left(a.text, 500000), to_tsquery('simple', $1), $4)
             FROM (SELECT w.id, w.doc_id, w.title, w.source, w.published,
                          ts_rank(w.fts, q) AS rank
                   FROM (SELECT a.id, a.doc_id, a.title, a.source, a.published, a.fts
                         FROM articles a WHERE a.fts @@ to_tsquery('simple', $1)
                         ORDER BY a.id DESC LIMIT $5) w, to_tsquery('simple', $1) q
                   ORDER BY rank DESC, w.id DESC LIMIT $2 OFFSET $3) h
             JOIN articles a ON a.id = h.id
             ORDER BY h.rank DESC, h.id DESC",
            &page,
        )
    );
    let found: i64 = found?.try_get(0)?;
    let found = found as u64;
    let rows = rows?;
    let hits = rows
        .iter()
        .map(|r| {
            let snip: String = r.try_get(6)?;
            Ok(SearchHit {
                article: r.try_get(0)?,
                article_row: r.try_get(1)?,
                title: r.try_get(2)?,
                source: r.try_get(3)?,
                published: r.try_get(4)?,
                events: r.try_get(5)?,
                snippet: snippet_parts(&snip),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let total = Total::capped(found, TOTAL_CAP);
    Ok(SearchPage {
        total: total.value,
        total_exact: total.exact,
        ranked: found.min(window),
        hits,
    })
}

/// Rows per table, as the store's `counts`.
pub async fn counts(l: &Lease<'_>) -> Result<Counts> {
    let r = l
        .query_one(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
                    (SELECT count(*) FROM event_actors), (SELECT count(*) FROM casualties)",
            &[],
        )
        .await?;
    let n = |i: usize| -> Result<u64> { Ok(r.try_get::<_, i64>(i)?.max(0) as u64) };
    Ok(Counts {
        articles: n(0)?,
        events: n(1)?,
        event_actors: n(2)?,
        casualties: n(3)?,
    })
}

fn snippet_parts(s: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut hit = false;
    for (i, piece) in s.split(['\u{E000}', '\u{E001}']).enumerate() {
        if i > 0 {
            hit = !hit;
        }
        if !piece.is_empty() {
            out.push(SnippetPart {
                text: piece.to_string(),
                hit,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_columns_are_as_many_as_their_count_and_the_stores_agree() {
        fn cols(s: &'static str) -> Vec<&'static str> {
            s.split(',').map(str::trim).collect()
        }
        assert_eq!(cols(EVENT_COLUMNS).len(), N);
        assert_eq!(cols(EVENT_COLUMNS), cols(crate::EVENT_SELECT));
    }

    #[test]
    fn snippet_markers_become_parts() {
        let p = snippet_parts("a \u{E000}b\u{E001} c");
        assert_eq!(p.len(), 3);
        assert!(p[1].hit && p[1].text == "b" && !p[2].hit);
        assert!(!p[0].hit);
    }

    #[test]
    fn urls_are_checked_before_connecting() {
        assert!(PgReader::new("postgresql:///news?host=/tmp&port=5", 2).is_ok());
        let e = PgReader::new("postgres://me:pw@h/db?sslmode=nonsense", 2)
            .err()
            .unwrap();
        assert!(!e.contains("pw"), "{e}");
    }
}
