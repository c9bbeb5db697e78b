//! Read queries behind `dateline serve`'s JSON API: one event with its evidence, the article an
//! event came from, statistics and map points for a [`Filter`], and full-text search with
//! snippets. Every user value reaches SQLite as a parameter; SQL text is made of fixed pieces.
//!
//! Event clusters (cross-article deduplication) are used when the database has them: an
//! `events.cluster` column and a `clusters` table with `mentions`, `articles` and `sources`
//! counts. Without them every event mention is its own cluster of one report.

use crate::query::Conditions;
use crate::{EVENT_COLUMNS, Error, EventRow, EventStore, Filter, Result, Store, query_error};
use rusqlite::{Connection, OptionalExtension, params, types::ToSql};
use serde::Serialize;
use serde_json::Value;

/// How a database records clusters, read once per connection from its schema.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClusterSupport {
    /// `events.cluster` exists.
    pub column: bool,
    /// `clusters` exists with `mentions`, `articles` and `sources` columns.
    pub table: bool,
}

impl ClusterSupport {
    pub fn detect(conn: &Connection) -> Result<ClusterSupport> {
        let cols = |t: &str| -> Result<Vec<String>> {
            let mut st = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
            let v = st
                .query_map([t], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        };
        let ev = cols("events")?;
        let cl = cols("clusters")?;
        let has = |v: &[String], c: &str| v.iter().any(|x| x == c);
        let column = has(&ev, "cluster");
        Ok(ClusterSupport {
            column,
            table: column
                && has(&cl, "id")
                && ["mentions", "articles", "sources"]
                    .iter()
                    .all(|c| has(&cl, c)),
        })
    }
}

/// The real-world event a mention belongs to, with GDELT-like counts over the whole store.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ClusterInfo {
    /// Cluster id; `None` when the database has no clusters (the mention stands alone).
    pub id: Option<Value>,
    pub mentions: i64,
    pub articles: i64,
    pub sources: i64,
}

/// One event row of a listing, with its cluster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ApiEvent {
    #[serde(flatten)]
    pub row: EventRow,
    pub cluster: ClusterInfo,
}

/// An actor of an event as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorRow {
    pub role: String,
    pub code: Option<String>,
    pub country: Option<String>,
    pub name: Option<String>,
    pub entity: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
}

/// One event mention with everything needed to check it against its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventDetail {
    #[serde(flatten)]
    pub row: EventRow,
    /// Store row id of the article the event was read from.
    pub article_row: i64,
    pub title: Option<String>,
    /// Index of the evidence sentence in the article's `sentences`.
    pub sentence: Option<i64>,
    /// Byte span of the evidence sentence in `article.text`.
    pub sentence_start: Option<i64>,
    pub sentence_end: Option<i64>,
    pub date_basis: Option<String>,
    pub place_basis: Option<String>,
    pub actors: Vec<ActorRow>,
    pub cluster: ClusterInfo,
    /// The event object exactly as in the article's `dateline/1` record (every span).
    pub record: Option<Value>,
    /// The article's casualty counts tied to this event, as in its record.
    pub casualties: Vec<Value>,
}

/// Counts for a filter: how many event mentions, articles and real-world events, by day,
/// CAMEO root, QuadClass and status.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub events: i64,
    pub articles: i64,
    /// Distinct clusters among the matching mentions (= `events` without clusters).
    pub clusters: i64,
    /// Matching events without a date (not in `by_day`).
    pub undated: i64,
    /// `[day, count]` by the first day of each event's date, in day order.
    pub by_day: Vec<(String, i64)>,
    /// `[root, count]` in root order.
    pub by_root: Vec<(String, i64)>,
    /// `[quad_class, count]` (0 = none).
    pub by_quad: Vec<(i64, i64)>,
    /// `[status, count]`.
    pub by_status: Vec<(String, i64)>,
}

/// A point on the map: a real-world event (a cluster, or one mention) with a place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// A representative mention (the newest one matching the filter): open it for evidence.
    pub event: i64,
    pub lat: f64,
    pub lon: f64,
    pub quad_class: Option<i64>,
    pub root: String,
    /// Mentions of this event matching the filter.
    pub reports: i64,
    pub date: Option<String>,
    pub place: Option<String>,
}

/// Events (or articles) a total counts exactly at most: beyond it `total` is this number and
/// `total_exact` false, a lower bound ("10,000+"), as search APIs report large totals.
pub const TOTAL_CAP: u64 = 10_000;

/// Matching articles a search ranks at most (or `offset + limit`, when more): a query with
/// more matches ranks the most recently stored ones (highest row id), so its cost stays
/// bounded on any store size.
pub const SEARCH_RANKED: u64 = 1000;

/// A count, exact or a lower bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Total {
    pub value: u64,
    /// `false`: `value` is a lower bound (the count stopped at [`TOTAL_CAP`] or its time budget).
    pub exact: bool,
}

impl Total {
    /// The total of `found` matches counted up to one past `cap` (`LIMIT cap + 1`): exact
    /// when at most `cap`, else `cap` as a lower bound.
    pub fn capped(found: u64, cap: u64) -> Total {
        Total {
            value: found.min(cap),
            exact: found <= cap,
        }
    }

    /// The `LIMIT` of a count that [`Total::capped`] reads: one past `cap`.
    pub fn count_limit(cap: u64) -> i64 {
        cap.saturating_add(1).min(i64::MAX as u64) as i64
    }
}

/// A page of full-text search results.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchPage {
    /// Matching articles, exact up to [`TOTAL_CAP`], a lower bound beyond (`total_exact`).
    pub total: u64,
    pub total_exact: bool,
    /// How many matching articles were ranked by relevance: all of them, or, when more match
    /// than the window ([`SEARCH_RANKED`], or `offset + limit` if larger), the most recently
    /// stored ones of the window.
    pub ranked: u64,
    pub hits: Vec<SearchHit>,
}

/// The window of matches a search ranks for a page.
pub fn search_window(limit: usize, offset: usize) -> u64 {
    SEARCH_RANKED.max(offset.saturating_add(limit) as u64)
}

/// One full-text hit: an article and a snippet around the match.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    pub article: String,
    pub article_row: i64,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub events: i64,
    /// The snippet as plain-text parts; `hit` parts are the matched words.
    pub snippet: Vec<SnippetPart>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

fn params_of(p: &[Box<dyn ToSql>]) -> Vec<&dyn ToSql> {
    p.iter().map(|b| b.as_ref()).collect()
}

/// Cluster counts of the given events (by event row id), in the same order.
fn clusters_of(conn: &Connection, cs: ClusterSupport, ids: &[i64]) -> Result<Vec<ClusterInfo>> {
    let alone = ClusterInfo {
        id: None,
        mentions: 1,
        articles: 1,
        sources: 0,
    };
    if !cs.column || ids.is_empty() {
        return Ok(vec![alone; ids.len()]);
    }
    // One statement for the whole page: the ids travel as one JSON array parameter.
    let sql = if cs.table {
        "SELECT e.id, e.cluster, c.mentions, c.articles, c.sources
         FROM events e LEFT JOIN clusters c ON c.id = e.cluster
         WHERE e.id IN (SELECT value FROM json_each(?1))"
    } else {
        "SELECT e.id, e.cluster, NULL, NULL, NULL FROM events e
         WHERE e.id IN (SELECT value FROM json_each(?1))"
    };
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut st = conn.prepare_cached(sql)?;
    let mut found: std::collections::HashMap<i64, ClusterInfo> = std::collections::HashMap::new();
    let rows = st.query_map([list], |r| {
        let v: rusqlite::types::Value = r.get(1)?;
        Ok((
            r.get::<_, i64>(0)?,
            v,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })?;
    for row in rows {
        let (id, v, m, a, s) = row?;
        let cid = match v {
            rusqlite::types::Value::Integer(i) => Some(Value::from(i)),
            rusqlite::types::Value::Text(t) => Some(Value::from(t)),
            _ => None,
        };
        found.insert(
            id,
            ClusterInfo {
                mentions: m.unwrap_or(1),
                articles: a.unwrap_or(1),
                sources: s.unwrap_or(0),
                id: cid,
            },
        );
    }
    Ok(ids
        .iter()
        .map(|id| found.remove(id).unwrap_or_else(|| alone.clone()))
        .collect())
}

impl Store {
    /// Whether this database has event clusters.
    pub fn cluster_support(&self) -> Result<ClusterSupport> {
        ClusterSupport::detect(&self.conn)
    }

    /// Events matching a filter, newest first, each with its cluster's counts.
    pub fn api_events(&self, filter: &Filter, cs: ClusterSupport) -> Result<Vec<ApiEvent>> {
        let rows = self.query(filter)?;
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let clusters = clusters_of(&self.conn, cs, &ids)?;
        Ok(rows
            .into_iter()
            .zip(clusters)
            .map(|(row, cluster)| ApiEvent { row, cluster })
            .collect())
    }

    /// One event mention by its row id, with its evidence, actors, cluster and record.
    pub fn api_event(&self, id: i64, cs: ClusterSupport) -> Result<Option<EventDetail>> {
        const N: usize = crate::EVENT_COLUMN_COUNT;
        let found = self
            .conn
            .query_row(
                &format!(
                    "SELECT {EVENT_COLUMNS},
                        a.id, a.title, e.sentence, e.sentence_start, e.sentence_end,
                        e.date_basis, e.place_basis, a.record
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?1"
                ),
                [id],
                |r| {
                    Ok((
                        crate::event_row(r)?,
                        r.get::<_, i64>(N)?,
                        r.get::<_, Option<String>>(N + 1)?,
                        (
                            r.get::<_, Option<i64>>(N + 2)?,
                            r.get::<_, Option<i64>>(N + 3)?,
                            r.get::<_, Option<i64>>(N + 4)?,
                        ),
                        r.get::<_, Option<String>>(N + 5)?,
                        r.get::<_, Option<String>>(N + 6)?,
                        r.get::<_, String>(N + 7)?,
                    ))
                },
            )
            .optional()?;
        let Some((row, article_row, title, sent, date_basis, place_basis, record)) = found else {
            return Ok(None);
        };
        let mut st = self.conn.prepare_cached(
            "SELECT role, code, country, name, entity_id, start, end FROM event_actors
             WHERE event_id = ?1 ORDER BY rowid",
        )?;
        let actors = st
            .query_map([id], |r| {
                Ok(ActorRow {
                    role: r.get(0)?,
                    code: r.get(1)?,
                    country: r.get(2)?,
                    name: r.get(3)?,
                    entity: r.get(4)?,
                    start: r.get(5)?,
                    end: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let rec: Value = serde_json::from_str(&record)
            .map_err(|e| Error::Filter(format!("stored record is not JSON: {e}")))?;
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
        let cluster = clusters_of(&self.conn, cs, &[id])?
            .pop()
            .unwrap_or_default();
        Ok(Some(EventDetail {
            row,
            article_row,
            title,
            sentence: sent.0,
            sentence_start: sent.1,
            sentence_end: sent.2,
            date_basis,
            place_basis,
            actors,
            cluster,
            record: event_obj,
            casualties,
        }))
    }

    /// The full `dateline/1` record of the article an event was read from.
    pub fn api_event_article(&self, event_id: i64) -> Result<Option<Value>> {
        let row: Option<i64> = self
            .conn
            .query_row(
                "SELECT article_id FROM events WHERE id = ?1",
                [event_id],
                |r| r.get(0),
            )
            .optional()?;
        match row {
            Some(a) => self.api_article_by_row(a),
            None => Ok(None),
        }
    }

    /// The full `dateline/1` record of an article by its store row id.
    pub fn api_article_by_row(&self, row: i64) -> Result<Option<Value>> {
        let found: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT record, text FROM articles WHERE id = ?1",
                [row],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((record, text)) = found else {
            return Ok(None);
        };
        let mut v: Value = serde_json::from_str(&record)
            .map_err(|e| Error::Filter(format!("stored record is not JSON: {e}")))?;
        if let Some(a) = v.get_mut("article").and_then(Value::as_object_mut) {
            a.insert("text".into(), Value::String(text));
        }
        Ok(Some(v))
    }

    /// How many events match a filter, reading the articles table only when the filter needs it.
    pub fn api_count(&self, filter: &Filter) -> Result<u64> {
        if let Some(n) = filter.facet_count(&self.conn)? {
            return Ok(n);
        }
        let (wh, p) = filter.where_clause(&self.conn)?;
        let n: i64 = self
            .conn
            .query_row(
                &format!("SELECT count(*) FROM {}{wh}", tables(filter)),
                params_of(&p).as_slice(),
                |r| r.get(0),
            )
            .map_err(query_error(filter))?;
        Ok(n as u64)
    }

    /// How many events match a filter, counted exactly up to `cap`: beyond it the answer is
    /// `cap` and not exact (a lower bound). A count stopped by the connection's progress
    /// handler (the server's time budget for counts) is the lower bound counted so far.
    pub fn api_count_capped(&self, filter: &Filter, cap: u64) -> Result<Total> {
        // Two or more conditions, all in the facet table: the exact count, read from it (one
        // condition, or none, is counted on its index up to the cap in less: 0.2 ms).
        if filter.conditions().len() >= 2
            && let Some(n) = filter.facet_count(&self.conn)?
        {
            return Ok(Total::capped(n, cap));
        }
        let lim = Total::count_limit(cap);
        // An actor (or actor country) alone: counted on the actors' index, no event read.
        let only = |c: Conditions| filter.conditions() == c;
        let upper = |v: &Option<String>| v.as_deref().map(|v| v.trim().to_ascii_uppercase());
        let (sql, p): (String, Vec<Box<dyn ToSql>>) =
            match (upper(&filter.actor), upper(&filter.country)) {
                (Some(a), None) if only(Conditions::ACTOR) => {
                    let end = crate::prefix_end(&a);
                    (
                        "SELECT DISTINCT event_id FROM event_actors WHERE code >= ? AND code < ?
                     LIMIT ?"
                            .into(),
                        vec![Box::new(a), Box::new(end), Box::new(lim)],
                    )
                }
                (None, Some(c)) if only(Conditions::COUNTRY) => (
                    "SELECT DISTINCT event_id FROM event_actors WHERE country = ? LIMIT ?".into(),
                    vec![Box::new(c), Box::new(lim)],
                ),
                _ => {
                    let (wh, mut p) = filter.where_clause_capped_count(&self.conn)?;
                    p.push(Box::new(lim));
                    (format!("SELECT 1 FROM {}{wh} LIMIT ?", tables(filter)), p)
                }
            };
        let mut st = self.conn.prepare(&sql).map_err(query_error(filter))?;
        let mut rows = st
            .query(params_of(&p).as_slice())
            .map_err(query_error(filter))?;
        let mut n = 0u64;
        loop {
            match rows.next() {
                Ok(Some(_)) => n += 1,
                Ok(None) => break,
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if f.code == rusqlite::ErrorCode::OperationInterrupted =>
                {
                    return Ok(Total {
                        value: n,
                        exact: false,
                    });
                }
                Err(e) => return Err(query_error(filter)(e)),
            }
        }
        Ok(Total::capped(n, cap))
    }

    /// Counts for a filter (its `limit` and `offset` are ignored): one pass over the matching
    /// events (the filter's rarest indexed condition drives it, the others are tested on
    /// their indexes where they are rare too), grouped here.
    pub fn api_stats(&self, filter: &Filter, cs: ClusterSupport) -> Result<Stats> {
        use std::collections::{HashMap, HashSet};
        // Dense conditions: the whole table scanned in storing order rather than read
        // along an index in date order (`Filter::where_clause_scan`).
        let (wh, p, from) = match filter.where_clause_scan(&self.conn)? {
            Some((wh, p)) => (wh, p, "events e NOT INDEXED"),
            None => {
                let (wh, p) = filter.where_clause_rows(&self.conn)?;
                (wh, p, tables(filter))
            }
        };
        let ps = params_of(&p);
        let cluster = if cs.column { "e.cluster" } else { "NULL" };
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT NULL, e.date_start, e.root, coalesce(e.quad_class, 0), e.status,
                        e.article_id, {cluster} FROM {from}{wh}"
            ))
            .map_err(query_error(filter))?;
        let mut rows = st.query(ps.as_slice()).map_err(query_error(filter))?;
        let mut day: HashMap<String, i64, Fx> = HashMap::default();
        let mut groups: HashMap<String, i64, Fx> = HashMap::default();
        let mut key = String::new();
        let mut articles: HashSet<i64, Fx> = HashSet::default();
        let mut named: HashSet<String, Fx> = HashSet::default();
        let (mut events, mut undated, mut alone) = (0i64, 0i64, 0i64);
        fn conv(
            i: usize,
            v: std::result::Result<Option<&str>, rusqlite::types::FromSqlError>,
        ) -> Result<Option<&str>> {
            v.map_err(|e| {
                Error::Sqlite(rusqlite::Error::FromSqlConversionFailure(
                    i,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                ))
            })
        }
        while let Some(r) = rows.next().map_err(query_error(filter))? {
            events += 1;
            match conv(1, r.get_ref(1)?.as_str_or_null())? {
                Some(d) => match day.get_mut(d) {
                    Some(n) => *n += 1,
                    None => {
                        day.insert(d.to_string(), 1);
                    }
                },
                None => undated += 1,
            }
            let (root, quad, status) = (
                conv(2, r.get_ref(2)?.as_str_or_null())?.unwrap_or_default(),
                r.get::<_, i64>(3)?,
                conv(4, r.get_ref(4)?.as_str_or_null())?.unwrap_or_default(),
            );
            // Grouped by one reused key, so only a new group allocates.
            key.clear();
            key.push_str(root);
            key.push('\0');
            key.push_str(status);
            key.push('\0');
            let _ = std::fmt::Write::write_fmt(&mut key, format_args!("{quad}"));
            match groups.get_mut(key.as_str()) {
                Some(n) => *n += 1,
                None => {
                    groups.insert(key.clone(), 1);
                }
            }
            articles.insert(r.get(5)?);
            // A mention without a cluster is its own real-world event.
            match r.get_ref(6)? {
                rusqlite::types::ValueRef::Null => alone += 1,
                rusqlite::types::ValueRef::Integer(i) => {
                    named.insert(format!("i{i}"));
                }
                v => {
                    let t = conv(6, v.as_str_or_null())?.unwrap_or_default();
                    if !named.contains(t) {
                        named.insert(t.to_string());
                    }
                }
            }
        }
        let clusters = if cs.column {
            named.len() as i64 + alone
        } else {
            events
        };
        use std::collections::BTreeMap;
        let (mut root, mut quad, mut status) = (
            BTreeMap::<String, i64>::new(),
            BTreeMap::<i64, i64>::new(),
            BTreeMap::<String, i64>::new(),
        );
        for (k, n) in groups {
            let mut parts = k.split('\0');
            let (r, s, q) = (parts.next(), parts.next(), parts.next());
            *root.entry(r.unwrap_or_default().to_string()).or_default() += n;
            *status.entry(s.unwrap_or_default().to_string()).or_default() += n;
            *quad
                .entry(q.and_then(|q| q.parse().ok()).unwrap_or_default())
                .or_default() += n;
        }
        let mut by_day: Vec<(String, i64)> = day.into_iter().collect();
        by_day.sort();
        Ok(Stats {
            events,
            articles: articles.len() as i64,
            clusters,
            undated,
            by_day,
            by_root: root.into_iter().collect(),
            by_quad: quad.into_iter().collect(),
            by_status: status.into_iter().collect(),
        })
    }

    /// Map points for a filter: one per real-world event among the newest [`MAP_WINDOW`]
    /// matching mentions with coordinates, most reported first, then newest; at most `limit`.
    pub fn api_points(
        &self,
        filter: &Filter,
        cs: ClusterSupport,
        limit: usize,
    ) -> Result<Vec<Point>> {
        let (wh, mut p) = filter.where_clause_for(&self.conn, Some(MAP_WINDOW))?;
        let and = if wh.is_empty() { " WHERE" } else { " AND" };
        let key = if cs.column {
            "coalesce(e.cluster, -e.id)"
        } else {
            "e.id"
        };
        // The newest MAP_WINDOW matching mentions with a place (read along the date index),
        // grouped into events. SQLite's bare columns beside max() come from the row holding
        // the maximum: the newest mention of each event represents it.
        let sql = format!(
            "SELECT max(coalesce(date_start, '') || printf('%012d', id)), count(*), id, lat,
                    lon, quad_class, root, date_value, place_name
             FROM (SELECT e.id, {key} AS cluster_key, e.lat, e.lon, e.quad_class, e.root, e.date_value,
                          e.place_name, e.date_start
                   FROM {}{wh}{and} e.lat IS NOT NULL AND e.lon IS NOT NULL
                   ORDER BY e.date_start DESC, e.id DESC LIMIT {MAP_WINDOW})
             GROUP BY cluster_key ORDER BY 2 DESC, 1 DESC LIMIT ?",
            tables(filter)
        );
        p.push(Box::new(limit as i64));
        let ps = params_of(&p);
        let mut st = self.conn.prepare(&sql)?;
        let v = st
            .query_map(ps.as_slice(), |r| {
                Ok(Point {
                    reports: r.get(1)?,
                    event: r.get(2)?,
                    lat: r.get(3)?,
                    lon: r.get(4)?,
                    quad_class: r.get(5)?,
                    root: r.get(6)?,
                    date: r.get(7)?,
                    place: r.get(8)?,
                })
            })
            .map_err(query_error(filter))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(query_error(filter))?;
        Ok(v)
    }

    /// Articles matching an FTS5 query, best match first (bm25): the total (exact up to
    /// [`TOTAL_CAP`]) and one page. The ranking reads at most [`search_window`] matches: when
    /// more match, the most recently stored ones are ranked (see [`SearchPage::ranked`]).
    pub fn api_search(&self, q: &str, limit: usize, offset: usize) -> Result<SearchPage> {
        self.search_within(q, limit, offset, search_window(limit, offset))
    }

    /// [`Store::api_search`] ranking at most `window` matches.
    fn search_within(
        &self,
        q: &str,
        limit: usize,
        offset: usize,
        window: u64,
    ) -> Result<SearchPage> {
        let bad = |e: rusqlite::Error| match &e {
            rusqlite::Error::SqliteFailure(f, msg) if f.code == rusqlite::ErrorCode::Unknown => {
                Error::Filter(format!(
                    "q: not a valid FTS5 query ({})",
                    msg.as_deref().unwrap_or("syntax error")
                ))
            }
            _ => Error::Sqlite(e),
        };
        let found: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1
                 LIMIT ?2)",
            )?
            .query_row(params![q, Total::count_limit(TOTAL_CAP.max(window))], |r| {
                r.get(0)
            })
            .map_err(bad)?;
        let found = found as u64;
        let total = Total::capped(found, TOTAL_CAP);
        let ranked = found.min(window);
        // The page's article rows, best first: all matches ranked (FTS5 sorts by rank itself)
        // or the window of the newest ones, then ranked. Ties: newest first.
        let sql = if found <= window {
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
             ORDER BY rank, rowid DESC LIMIT ?3 OFFSET ?4"
        } else {
            "SELECT id FROM (SELECT rowid AS id, rank AS r FROM articles_fts
                             WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)
             ORDER BY r, id DESC LIMIT ?3 OFFSET ?4"
        };
        let ids = self
            .conn
            .prepare_cached(sql)?
            .query_map(
                params![q, window as i64, limit as i64, offset as i64],
                |r| r.get::<_, i64>(0),
            )
            .map_err(bad)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(bad)?;
        if ids.is_empty() {
            return Ok(SearchPage {
                total: total.value,
                total_exact: total.exact,
                ranked,
                hits: Vec::new(),
            });
        }
        // Snippets only for the page: the matches between its lowest and highest row id are
        // read again (at most the window; `+`: one range read, not one look-up per hit), a
        // snippet made for the page's own.
        // Private-use characters mark the hits inside the snippet; they are split out below,
        // so no markup ever travels to the client.
        let list = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        let (lo, hi) = (
            ids.iter().min().copied().unwrap_or(0),
            ids.iter().max().copied().unwrap_or(0),
        );
        let mut snippets: std::collections::HashMap<i64, String> = self
            .conn
            .prepare_cached(
                "SELECT rowid, snippet(articles_fts, 1, char(57344), char(57345), '…', 24)
                 FROM articles_fts
                 WHERE articles_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3
                   AND +rowid IN (SELECT value FROM json_each(?4))",
            )?
            .query_map(params![q, lo, hi, list], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(bad)?
            .collect::<rusqlite::Result<_>>()
            .map_err(bad)?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.doc_id, a.id, a.title, a.source, a.published,
                    (SELECT count(*) FROM events e WHERE e.article_id = a.id)
             FROM articles a WHERE a.id = ?1",
        )?;
        let mut hits = Vec::with_capacity(ids.len());
        for id in ids {
            let snip = snippets.remove(&id).unwrap_or_default();
            let hit = st
                .query_row([id], |r| {
                    Ok(SearchHit {
                        article: r.get(0)?,
                        article_row: r.get(1)?,
                        title: r.get(2)?,
                        source: r.get(3)?,
                        published: r.get(4)?,
                        events: r.get(5)?,
                        snippet: snippet_parts(&snip),
                    })
                })
                .optional()?;
            hits.extend(hit);
        }
        Ok(SearchPage {
            total: total.value,
            total_exact: total.exact,
            ranked,
            hits,
        })
    }
}

/// How many of the newest matching mentions the map groups into points: bounds the cost of a
/// map request on any store size.
pub const MAP_WINDOW: usize = 20_000;

/// The tables a filter reads: articles only when it filters by outlet.
/// The hasher of the stats' counts and sets: one multiply per word (the standard SipHash was a
/// fifth of the stats of 632k events). Its keys are the store's own dates, roots, article ids
/// and cluster ids.
type Fx = std::hash::BuildHasherDefault<FxHasher>;

#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

fn tables(filter: &Filter) -> &'static str {
    filter.tables()
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
    use serde_json::json;

    fn record(id: &str, text: &str, day: &str, root: &str, quad: i64) -> Value {
        json!({
            "schema": "dateline/1",
            "article": {"id": id, "text": text, "published": day, "source": "Wire"},
            "sentences": [{"start": 0, "end": text.len()}],
            "places": [{"id": "p1", "name": "Aleppo", "lat": 36.2, "lon": 37.16, "country": "SY"}],
            "events": [{"id": "v1", "cameo": format!("{root}0"), "cameo_root": root,
                        "quad_class": quad, "status": "occurred", "sentence": 0,
                        "trigger": {"start": 0, "end": 5}, "date": {"value": day},
                        "place": {"place": "p1"}}],
            "casualties": [{"id": "c1", "event": "v1", "kind": "killed", "min": 3, "max": 3}]
        })
    }

    #[test]
    fn stats_points_detail_and_search() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_batch(&[
            record("a", "Shells hit the market.", "2024-03-01", "19", 4),
            record("b", "Talks began in the city.", "2024-03-02", "04", 1),
            record("c", "Shells hit the school.", "2024-03-20", "19", 4),
        ])
        .unwrap();
        let cs = s.cluster_support().unwrap();
        let all = s.api_stats(&Filter::default(), cs).unwrap();
        assert_eq!((all.events, all.articles, all.undated), (3, 3, 0));
        assert_eq!(
            all.by_day,
            vec![
                ("2024-03-01".into(), 1),
                ("2024-03-02".into(), 1),
                ("2024-03-20".into(), 1)
            ]
        );
        assert_eq!(all.by_root, vec![("04".into(), 1), ("19".into(), 2)]);
        assert_eq!(all.by_quad, vec![(1, 1), (4, 2)]);
        let f = Filter {
            root: Some("19".into()),
            ..Filter::default()
        };
        assert_eq!(s.api_stats(&f, cs).unwrap().events, 2);
        let pts = s.api_points(&f, cs, 10).unwrap();
        assert_eq!(pts.len(), 2);
        assert!(pts.iter().all(|p| p.root == "19" && p.reports == 1));
        let d = s.api_event(pts[0].event, cs).unwrap().unwrap();
        assert_eq!(d.row.trigger.as_deref(), Some("Shell"));
        assert_eq!(d.casualties.len(), 1);
        assert_eq!(d.record.as_ref().unwrap()["id"], "v1");
        assert!(s.api_event(999, cs).unwrap().is_none());
        let art = s.api_event_article(d.row.id).unwrap().unwrap();
        assert_eq!(art["article"]["id"], d.row.article);
        let page = s.api_search("shells", 10, 0).unwrap();
        let (n, hits) = (page.total, page.hits);
        assert_eq!(
            (n, hits.len(), page.total_exact, page.ranked),
            (2, 2, true, 2)
        );
        assert!(
            hits[0]
                .snippet
                .iter()
                .any(|p| p.hit && p.text.eq_ignore_ascii_case("shells"))
        );
        assert!(matches!(
            s.api_search("\"unclosed", 10, 0),
            Err(Error::Filter(_))
        ));
    }

    /// Articles on varied days, roots and QuadClasses, two words of text.
    fn varied() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let mut recs = Vec::new();
        for i in 0..60 {
            let root = ["19", "04", "14", "18"][i % 4];
            let quad = [4, 1, 3, 4][i % 4];
            let text = if i % 3 == 0 {
                format!("Shells hit the market of quarter {i}.")
            } else {
                format!("Talks began in the city on round {i}.")
            };
            let day = format!("2024-{:02}-{:02}", 1 + i % 5, 1 + i % 27);
            recs.push(record(&format!("a{i}"), &text, &day, root, quad));
        }
        s.insert_batch(&recs).unwrap();
        s
    }

    #[test]
    fn every_plan_of_a_filter_gives_the_same_events() {
        let s = varied();
        let cs = s.cluster_support().unwrap();
        let set = |v: &str| Some(v.to_string());
        let filters = [
            Filter {
                root: set("19"),
                quad: Some(4),
                ..Filter::default()
            },
            Filter {
                root: set("14"),
                quad: Some(3),
                from: set("2024-02"),
                to: set("2024-04"),
                ..Filter::default()
            },
            Filter {
                root: set("04"),
                status: set("occurred"),
                place_country: set("SY"),
                ..Filter::default()
            },
            Filter {
                text: set("shells"),
                root: set("19"),
                ..Filter::default()
            },
            Filter {
                text: set("talks"),
                quad: Some(1),
                status: set("occurred"),
                from: set("2024-03"),
                ..Filter::default()
            },
            Filter {
                cameo: set("190"),
                quad: Some(4),
                ..Filter::default()
            },
            Filter {
                root: set("19"),
                quad: Some(1),
                ..Filter::default()
            },
        ];
        // Every event, tested here one by one.
        let all = s
            .query(&Filter {
                limit: 0,
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(all.len(), 60);
        let texts: std::collections::HashMap<String, String> = (0..60)
            .map(|i| {
                let t = if i % 3 == 0 { "shells" } else { "talks" };
                (format!("a{i}"), t.to_string())
            })
            .collect();
        let (mut probed, mut empty) = (0, 0);
        let (mut on_row, mut count_probed) = (0, false);
        for f in &filters {
            let want: Vec<i64> = all
                .iter()
                .filter(|e| f.root.as_deref().is_none_or(|r| e.root == r))
                .filter(|e| f.quad.is_none_or(|q| e.quad_class == Some(q as i64)))
                .filter(|e| f.cameo.as_deref().is_none_or(|c| e.cameo.starts_with(c)))
                .filter(|e| {
                    f.place_country
                        .as_deref()
                        .is_none_or(|c| e.place_country.as_deref() == Some(c))
                })
                .filter(|e| f.text.as_deref().is_none_or(|t| texts[&e.article] == t))
                .filter(|e| {
                    let d = e.date.as_deref().unwrap_or("");
                    f.from.as_deref().is_none_or(|x| d >= x)
                        && f.to.as_deref().is_none_or(|x| &d[..7] <= x)
                })
                .map(|e| e.id)
                .collect();
            let page: Vec<i64> = s
                .query(&Filter {
                    limit: 100,
                    ..f.clone()
                })
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect();
            assert_eq!(page, want, "{f:?}");
            // The same page and count planned as on a large store, every condition common
            // (counted up to 1): the sparsest equality condition drives, the others probed in
            // their indexes.
            // Caps 2 and 8 make some conditions rare and others common: a rare one drives,
            // the common ones probed in their indexes.
            // `true`: planned for reading every matching row (stats), the others tested on
            // the row when the driving condition's newest events mostly pass them.
            for (window, cap, rows) in [
                (Some(100), 1, false),
                (None, 1, false),
                (Some(100), 2, false),
                (None, 8, false),
                (None, 1, true),
            ] {
                let (wh, p) = f.where_clause_plan(&s.conn, window, cap, rows).unwrap();
                let sql = format!(
                    "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id{wh}
                     ORDER BY e.date_start DESC, e.id DESC"
                );
                let ids: Vec<i64> = s
                    .conn
                    .prepare(&sql)
                    .unwrap()
                    .query_map(params_of(&p).as_slice(), |r| r.get(0))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                assert_eq!(ids, want, "common conditions (cap {cap}): {f:?}");
                if cap == 1 && !rows && window.is_none() {
                    count_probed = wh.contains("INDEXED BY");
                }
                if rows && count_probed && !wh.contains("INDEXED BY") {
                    on_row += 1;
                }
                if cap == 1 && !rows && wh.contains("INDEXED BY") {
                    probed += 1;
                }
                // No event matches: the facet table tells, and nothing is read.
                if want.is_empty() {
                    assert_eq!(wh, " WHERE 0", "{f:?}");
                    empty += 1;
                }
            }
            let n = want.len() as u64;
            assert_eq!(s.api_count(f).unwrap(), n, "{f:?}");
            assert_eq!(
                s.api_count_capped(f, 1000).unwrap(),
                Total {
                    value: n,
                    exact: true
                },
                "{f:?}"
            );
            if n > 2 {
                assert_eq!(
                    s.api_count_capped(f, 2).unwrap(),
                    Total {
                        value: 2,
                        exact: false
                    }
                );
            }
            let st = s.api_stats(f, cs).unwrap();
            assert_eq!(st.events as u64, n, "{f:?}");
            assert_eq!(st.by_root.iter().map(|x| x.1).sum::<i64>() as u64, n);
            assert_eq!(st.by_day.iter().map(|x| x.1).sum::<i64>() as u64, n);
            assert_eq!(st.articles as u64, n, "one event per article");
        }
        assert!(on_row > 0, "stats of dense conditions test them on the row");
        assert_eq!(
            probed, 8,
            "filters with two or more equality conditions (and some event) probe"
        );
        assert_eq!(
            empty, 5,
            "root 19 + QuadClass 1 matches nothing, in each plan"
        );
        // An actor-free store: the actor-only count finds nothing, exactly.
        let none = Filter {
            actor: set("SYR"),
            ..Filter::default()
        };
        assert_eq!(
            s.api_count_capped(&none, 10).unwrap(),
            Total {
                value: 0,
                exact: true
            }
        );
    }

    #[test]
    fn search_ranks_a_bounded_window_of_the_newest_matches() {
        let s = varied();
        // 20 articles say "shells": all ranked in a large window.
        let all = s.search_within("shells", 5, 0, 100).unwrap();
        assert_eq!((all.total, all.total_exact, all.ranked), (20, true, 20));
        assert_eq!(all.hits.len(), 5);
        // A window of 4: only the 4 most recently stored matches are ranked.
        let few = s.search_within("shells", 10, 0, 4).unwrap();
        assert_eq!((few.total, few.ranked, few.hits.len()), (20, 4, 4));
        let mut rows: Vec<i64> = few.hits.iter().map(|h| h.article_row).collect();
        rows.sort();
        let newest: Vec<i64> = s
            .conn
            .prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'shells' ORDER BY rowid DESC LIMIT 4")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<i64>>>()
            .unwrap();
        let mut newest = newest;
        newest.sort();
        assert_eq!(rows, newest);
        assert!(few.hits.iter().all(|h| h.snippet.iter().any(|p| p.hit)));
        // Paging past the window is never empty while matches remain.
        assert_eq!(s.api_search("shells", 5, 15).unwrap().hits.len(), 5);
    }

    #[test]
    fn a_store_without_dedup_keeps_prints_but_decides_no_links_or_clusters() {
        let text = "Shells hit the market of the old quarter on Monday, residents said. \
                    Rescue teams pulled survivors from two collapsed buildings near the river, \
                    and the hospital asked for blood donors as the wounded kept arriving. \
                    The governor blamed artillery positioned in the hills north of the city \
                    and called on the United Nations to send observers before the truce \
                    talks resume in the capital next week.";
        let recs = [
            record("a1", &format!("{text} One desk."), "2024-03-01", "19", 4),
            record(
                "a2",
                &format!("{text} Another desk."),
                "2024-03-01",
                "19",
                4,
            ),
        ];
        let mut with = Store::open_in_memory().unwrap();
        with.insert_batch(&recs).unwrap();
        let mut without = Store::open_in_memory().unwrap();
        without.without_dedup();
        without.insert_batch(&recs).unwrap();
        let (a, b) = (
            with.dedup_counts().unwrap(),
            without.dedup_counts().unwrap(),
        );
        assert_eq!(
            (a.mentions, a.duplicates, a.clusters),
            (2, 1, 1),
            "the copy is linked, the two mentions clustered"
        );
        assert_eq!((b.mentions, b.duplicates, b.clusters), (2, 0, 0));
        let prints = |s: &Store| -> i64 {
            s.conn
                .query_row("SELECT count(*) FROM fingerprint_bands", [], |r| r.get(0))
                .unwrap()
        };
        assert!(prints(&without) > 0);
        assert_eq!(prints(&without), prints(&with));
    }

    #[test]
    fn snippet_markers_become_parts() {
        let p = snippet_parts("a \u{E000}b\u{E001} c");
        assert_eq!(p.len(), 3);
        assert!(p[1].hit && p[1].text == "b" && !p[2].hit);
    }
}
