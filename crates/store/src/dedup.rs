//! Deduplication inside the store's batch insert (docs/dedup.md): every writer that stores
//! through [`crate::Store::insert_prepared`] gets near-duplicate links and event clusters.
//!
//! The store answers `dateline_dedup::Known` from its tables, so only the candidates of a batch
//! are read: articles sharing an LSH band key (`fingerprint_bands`), clusters with a member of
//! the same CAMEO root within the day window (`events(root, cl_start)`). The decision is
//! `dateline_dedup::dedup_batch`, whose result does not depend on batch size.

use crate::{EventIn, Prepared, Result};
use dateline_dedup::{
    BatchDedup, Fingerprint, Known, KnownArticle, KnownCluster, MAX_SPAN_DAYS, Mention, NewArticle,
    dedup_batch,
    events::{MAX_COMPARED, mention_place},
};
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The day (`YYYY-MM-DD`) of a day number (days since 1970-01-01).
pub fn day_string(n: i64) -> Option<String> {
    let d = jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(n))
        .ok()?;
    Some(d.to_string())
}

/// Actor codes of one side, as the clustering rule reads them: non-empty, sorted, distinct.
fn codes<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = it.filter(|c| !c.is_empty()).map(str::to_owned).collect();
    v.sort();
    v.dedup();
    v
}

/// The mention of a prepared event: built from the same fields the store writes, so a mention
/// read back from the database ([`SqlKnown`]) is equal to it.
pub(crate) fn mention(key: &str, source: Option<&str>, e: &EventIn) -> Mention {
    let side = |role: &str| {
        codes(
            e.actors
                .iter()
                .filter(|a| a.role == role)
                .filter_map(|a| a.code.as_deref()),
        )
    };
    Mention {
        article: key.to_owned(),
        event: e.event_id.clone(),
        source: source.map(str::to_owned),
        cameo: e.cameo.clone(),
        root: e.root.clone(),
        status: e.status.clone(),
        actors_source: side("source"),
        actors_target: side("target"),
        place: mention_place(
            e.place_name.clone(),
            e.geonameid,
            e.place_country.clone(),
            e.lat,
            e.lon,
            e.place_feature.as_deref(),
        ),
        days: e.cl_days,
        same_as: e.same_as.clone(),
    }
}

/// The first [`MAX_COMPARED`] members of a cluster with the event fields the rule reads.
const MEMBERS_SQL: &str = "SELECT e.id, a.key, a.source, e.event_id, e.cameo, e.root, e.status,
        e.place_name, e.geonameid, e.place_country, e.lat, e.lon, e.cl_start, e.cl_end,
        e.place_feature
     FROM events e JOIN articles a ON a.id = e.article_id
     WHERE e.cluster = ?1 ORDER BY e.id LIMIT 32";
const _: () = assert!(MAX_COMPARED == 32, "MEMBERS_SQL's LIMIT is MAX_COMPARED");

/// Band rows inserted by one statement.
const BANDS_PER_STATEMENT: usize = 64;

/// Inserts [`BANDS_PER_STATEMENT`] band rows.
static INSERT_BANDS_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "INSERT OR IGNORE INTO fingerprint_bands (band, article_id) VALUES {}",
        vec!["(?, ?)"; BANDS_PER_STATEMENT].join(", ")
    )
});

/// `dateline_dedup::Known` over the store's tables, inside the batch's transaction. Rows of
/// the batch being stored have no cluster and no fingerprint yet, so they are never candidates.
pub(crate) struct SqlKnown<'c> {
    pub conn: &'c Connection,
    /// Ids of the stored clusters handed to the rule: the batch's other clusters are new.
    pub seeded: HashSet<String>,
    /// Founders and first members of clusters read (or stored) before.
    pub cache: &'c mut ClusterCache,
}

/// The founder and first members of stored clusters, kept by one writer between its batches so
/// that a cluster is read once, not once per batch whose days come near it. Valid only while no
/// other connection writes: [`ClusterCache::check`] empties it when one has committed.
#[derive(Default)]
pub struct ClusterCache {
    /// `PRAGMA data_version` when the cache was last known to match the database.
    version: Option<i64>,
    clusters: FxHashMap<String, (i64, Vec<Mention>)>,
}

/// Clusters kept at most; past it the cache starts again empty (about 300 bytes a member).
const CACHE_CLUSTERS: usize = 100_000;

impl ClusterCache {
    /// At the start of a write transaction (which holds the write lock): forget everything if
    /// another connection committed since this cache last matched the database.
    pub(crate) fn check(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let v: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.version != Some(v) || self.clusters.len() > CACHE_CLUSTERS {
            self.clusters.clear();
        }
        self.version = Some(v);
        Ok(())
    }

    /// After a failed transaction: what was added for it was never stored.
    pub(crate) fn forget(&mut self) {
        self.clusters.clear();
        self.version = None;
    }

    /// Add a batch's new event rows (in storing order) to the clusters they joined or founded.
    /// `seeded`: the stored clusters the batch was compared with (the others are new);
    /// `mentions`: the batch's mentions as [`decide`] made them (by [`NewMember::at`]), taken
    /// rather than made again.
    pub(crate) fn add(
        &mut self,
        members: &[NewMember],
        seeded: &HashSet<String>,
        mentions: &mut [Vec<Option<Mention>>],
    ) {
        for m in members {
            let entry = match self.clusters.get_mut(m.cluster) {
                Some(e) => e,
                // A stored cluster not kept here is read again when needed.
                None if seeded.contains(m.cluster) => continue,
                None => self
                    .clusters
                    .entry(m.cluster.to_owned())
                    .or_insert_with(|| (m.id, Vec::new())),
            };
            if entry.1.len() < MAX_COMPARED {
                let taken = mentions
                    .get_mut(m.at.0)
                    .and_then(|a| a.get_mut(m.at.1))
                    .and_then(Option::take);
                if let Some(mut mention) = taken {
                    mention.same_as = None;
                    entry.1.push(mention);
                }
            }
        }
    }
}

impl<'c> SqlKnown<'c> {
    pub fn new(conn: &'c Connection, cache: &'c mut ClusterCache) -> Self {
        SqlKnown {
            conn,
            seeded: HashSet::new(),
            cache,
        }
    }
}

impl SqlKnown<'_> {
    /// The first [`MAX_COMPARED`] members of a cluster, in the order they joined.
    fn members(&self, cluster: &str) -> rusqlite::Result<Vec<Mention>> {
        // The limit is part of the SQL text, not a parameter: SQLite re-prepares a statement
        // whenever a bound LIMIT value changes its plan, which cost more than the query.
        let mut st = self.conn.prepare_cached(MEMBERS_SQL)?;
        // The actors of all those members in one query, not one per member.
        let mut actors = self.conn.prepare_cached(
            "SELECT event_id, role, code FROM event_actors
             WHERE event_id IN (SELECT id FROM events WHERE cluster = ?1 ORDER BY id LIMIT 32)
               AND code IS NOT NULL",
        )?;
        let mut sides: FxHashMap<i64, Vec<(String, String)>> = FxHashMap::default();
        for row in actors.query_map([cluster], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (id, role, code): (i64, String, String) = row?;
            sides.entry(id).or_default().push((role, code));
        }
        let rows = st
            .query_map(params![cluster], |r| {
                let days = match (r.get::<_, Option<i64>>(12)?, r.get::<_, Option<i64>>(13)?) {
                    (Some(a), Some(b)) => Some((a as i32, b as i32)),
                    _ => None,
                };
                Ok((
                    r.get::<_, i64>(0)?,
                    Mention {
                        article: r.get(1)?,
                        source: r.get(2)?,
                        event: r.get(3)?,
                        cameo: r.get(4)?,
                        root: r.get(5)?,
                        status: r.get(6)?,
                        actors_source: Vec::new(),
                        actors_target: Vec::new(),
                        place: mention_place(
                            r.get(7)?,
                            r.get(8)?,
                            r.get(9)?,
                            r.get(10)?,
                            r.get(11)?,
                            r.get::<_, Option<String>>(14)?.as_deref(),
                        ),
                        days,
                        same_as: None,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, mut m) in rows {
            let list = sides.remove(&id).unwrap_or_default();
            let side = |role: &str| {
                codes(
                    list.iter()
                        .filter(|(r, _)| r == role)
                        .map(|(_, c)| c.as_str()),
                )
            };
            m.actors_source = side("source");
            m.actors_target = side("target");
            out.push(m);
        }
        Ok(out)
    }
}

/// A member's CAMEO root and day interval.
type RootDays = (String, (i32, i32));

impl Known for SqlKnown<'_> {
    type Error = rusqlite::Error;

    fn articles_in_bands(&mut self, bands: &[u64]) -> rusqlite::Result<Vec<KnownArticle>> {
        let mut ids: BTreeSet<i64> = BTreeSet::new();
        // A store without band keys (a first load) has no candidate: one probe, not one per key
        // (the batch's own keys are written after this question).
        let none: bool = self.conn.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM fingerprint_bands)",
            [],
            |r| r.get(0),
        )?;
        if !none {
            let mut st = self
                .conn
                .prepare_cached("SELECT article_id FROM fingerprint_bands WHERE band = ?1")?;
            for b in bands {
                let rows = st.query_map([*b as i64], |r| r.get::<_, i64>(0))?;
                for id in rows {
                    ids.insert(id?);
                }
            }
        }
        let mut st = self.conn.prepare_cached(
            "SELECT a.key, f.print, coalesce(r.key, a.key)
             FROM articles a JOIN fingerprints f ON f.article_id = a.id
             LEFT JOIN duplicates d ON d.article_id = a.id
             LEFT JOIN articles r ON r.id = d.root
             WHERE a.id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let row = st
                .query_row([id], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .optional()?;
            if let Some((key, print, root)) = row
                && let Some(print) = Fingerprint::from_bytes(&print)
            {
                out.push(KnownArticle {
                    id: key,
                    print,
                    root,
                });
            }
        }
        Ok(out)
    }

    fn clusters_near(
        &mut self,
        root: &str,
        from: i32,
        to: i32,
    ) -> rusqlite::Result<Vec<KnownCluster>> {
        let mut days: BTreeMap<String, Vec<RootDays>> = BTreeMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT cluster, cl_start, cl_end FROM events
                 WHERE root = ?1 AND cl_start BETWEEN ?2 AND ?3 AND cl_end >= ?4
                   AND cl_end - cl_start < ?5 AND cluster IS NOT NULL",
            )?;
            let rows = st.query_map(
                params![
                    root,
                    (from - (MAX_SPAN_DAYS - 1)) as i64,
                    to as i64,
                    from as i64,
                    MAX_SPAN_DAYS as i64
                ],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )?;
            for row in rows {
                let (c, a, b) = row?;
                days.entry(c)
                    .or_default()
                    .push((root.to_owned(), (a as i32, b as i32)));
            }
        }
        let mut out = Vec::with_capacity(days.len());
        for (id, days) in days {
            let (order, members) = match self.cache.clusters.get(&id) {
                Some((order, members)) => (*order, members.clone()),
                None => {
                    let order: i64 = self
                        .conn
                        .prepare_cached("SELECT first_event FROM clusters WHERE id = ?1")?
                        .query_row([&id], |r| r.get(0))
                        .optional()?
                        .unwrap_or(i64::MAX);
                    let members = self.members(&id)?;
                    self.cache
                        .clusters
                        .insert(id.clone(), (order, members.clone()));
                    (order, members)
                }
            };
            self.seeded.insert(id.clone());
            out.push(KnownCluster {
                id,
                order,
                members,
                days,
            });
        }
        Ok(out)
    }
}

/// Decide links and clusters for new articles (row id, prepared record, in storing order) and
/// store their fingerprints, band keys and duplicate links. Event rows are written by the
/// caller with the returned cluster ids. Without `links`, only fingerprints and band keys are
/// stored: no link, and every event the empty cluster id.
pub(crate) fn decide(
    conn: &Connection,
    new: &[(i64, &Prepared)],
    cache: &mut ClusterCache,
    links: bool,
) -> Result<Decided> {
    let mentions: Vec<Vec<Mention>> = new
        .iter()
        .map(|(_, p)| {
            p.events
                .iter()
                .map(|e| mention(&p.key, p.source.as_deref(), e))
                .collect()
        })
        .collect();
    let batch: Vec<NewArticle> = new
        .iter()
        .zip(&mentions)
        .map(|((_, p), m)| NewArticle {
            id: &p.key,
            print: &p.print,
            mentions: m,
        })
        .collect();
    let mut known = SqlKnown::new(conn, cache);
    let result = if links {
        dedup_batch(&mut known, &batch)?
    } else {
        BatchDedup {
            duplicates: vec![None; new.len()],
            clusters: new
                .iter()
                .map(|(_, p)| vec![String::new(); p.events.len()])
                .collect(),
        }
    };
    let in_batch: FxHashMap<&str, i64> = new.iter().map(|(id, p)| (p.key.as_str(), *id)).collect();
    let mut print_st = conn.prepare_cached(
        "INSERT OR REPLACE INTO fingerprints (article_id, print) VALUES (?1, ?2)",
    )?;
    let mut band_st = conn.prepare_cached(
        "INSERT OR IGNORE INTO fingerprint_bands (band, article_id) VALUES (?1, ?2)",
    )?;
    let mut dup_st = conn.prepare_cached(
        "INSERT OR REPLACE INTO duplicates (article_id, of_article, root, similarity)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut id_st = conn.prepare_cached("SELECT id FROM articles WHERE key = ?1")?;
    // Band keys of the whole batch in key order: neighbouring inserts land on the same pages.
    let mut bands: Vec<(i64, i64)> = Vec::new();
    for ((aid, p), dup) in new.iter().zip(&result.duplicates) {
        if p.print.comparable() {
            print_st.execute(params![aid, p.print.to_bytes()])?;
            bands.extend(p.print.bands().iter().map(|b| (*b as i64, *aid)));
        }
        if let Some(d) = dup {
            let mut id_of = |key: &str| -> rusqlite::Result<Option<i64>> {
                match in_batch.get(key) {
                    Some(id) => Ok(Some(*id)),
                    None => id_st.query_row([key], |r| r.get(0)).optional(),
                }
            };
            if let (Some(of), Some(root)) = (id_of(&d.of)?, id_of(&d.root)?) {
                dup_st.execute(params![aid, of, root, d.similarity])?;
            }
        }
    }
    bands.sort_unstable();
    // Full statements of many rows each, then the rest one by one.
    let mut many = conn.prepare_cached(&INSERT_BANDS_SQL)?;
    let mut chunks = bands.chunks_exact(BANDS_PER_STATEMENT);
    for chunk in &mut chunks {
        many.execute(rusqlite::params_from_iter(
            chunk.iter().flat_map(|(b, aid)| [*b, *aid]),
        ))?;
    }
    for (b, aid) in chunks.remainder() {
        band_st.execute(params![b, aid])?;
    }
    let seeded = known.seeded;
    drop(batch);
    Ok(Decided {
        result,
        seeded,
        mentions: mentions
            .into_iter()
            .map(|m| m.into_iter().map(Some).collect())
            .collect(),
    })
}

/// What [`decide`] found: links and clusters, and which of the clusters were stored before.
pub(crate) struct Decided {
    pub result: BatchDedup,
    pub seeded: HashSet<String>,
    /// Per new article, per event (in `Prepared` order): the mention the rule read.
    pub mentions: Vec<Vec<Option<Mention>>>,
}

/// A newly stored event row, as its cluster's summary reads it.
pub(crate) struct NewMember<'a> {
    /// `events.id`.
    pub id: i64,
    pub article: i64,
    pub source: Option<&'a str>,
    pub cluster: &'a str,
    pub event: &'a EventIn,
    /// (article, event) index of its mention in [`Decided::mentions`].
    pub at: (usize, usize),
}

/// How precisely a place is known, in the order [`summarise`] picks a cluster's place.
fn place_rank(
    lat: Option<f64>,
    lon: Option<f64>,
    geonameid: Option<i64>,
    country: Option<&str>,
    name: Option<&str>,
) -> (bool, bool, bool, bool) {
    (
        lat.is_some() && lon.is_some(),
        geonameid.is_some(),
        country.is_some(),
        name.is_some(),
    )
}

/// The day number (days since 1970-01-01) of a day written by [`day_string`].
fn day_number(s: &str) -> Option<i64> {
    let d: jiff::civil::Date = s.parse().ok()?;
    Some(jiff::civil::date(1970, 1, 1).until(d).ok()?.get_days() as i64)
}

type SummaryPlace = (
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<f64>,
);

/// Bring the summaries of the clusters that gained `members` (new event rows, in the order
/// they were stored) up to date without reading the members back: a new cluster's summary
/// comes from its members alone, a stored cluster's from its summary row and the new
/// members. The result equals [`summarise`]'s recomputation: new rows have larger ids than
/// every stored row and come from new articles, so the founder stays, article counts add up,
/// and a stored place keeps its place on ties. Only distinct sources need the stored members,
/// and only when a new member has a source.
pub(crate) fn summarise_new(
    conn: &Connection,
    members: &[NewMember],
    seeded: &HashSet<String>,
) -> Result<()> {
    let mut by_cluster: BTreeMap<&str, Vec<&NewMember>> = BTreeMap::new();
    for m in members {
        by_cluster.entry(m.cluster).or_default().push(m);
    }
    let mut read = conn.prepare_cached(
        "SELECT first_event, root, cameo, status, date_start, date_end, place_name, geonameid,
                place_country, admin1, lat, lon, mentions, articles, sources
         FROM clusters WHERE id = ?1",
    )?;
    let mut sources_st = conn.prepare_cached(
        "SELECT count(DISTINCT a.source) FROM events e JOIN articles a ON a.id = e.article_id
         WHERE e.cluster = ?1",
    )?;
    let mut up = conn.prepare_cached(UPSERT_CLUSTER)?;
    for (id, ms) in by_cluster {
        let mut ms = ms;
        ms.sort_by_key(|m| m.id);
        let first = ms[0];
        let mut articles: Vec<i64> = ms.iter().map(|m| m.article).collect();
        articles.sort_unstable();
        articles.dedup();
        let sources: BTreeSet<&str> = ms.iter().filter_map(|m| m.source).collect();
        let start = ms
            .iter()
            .filter_map(|m| m.event.cl_days.map(|d| d.0 as i64))
            .min();
        let end = ms
            .iter()
            .filter_map(|m| m.event.cl_days.map(|d| d.1 as i64))
            .max();
        let rank = |e: &EventIn| {
            place_rank(
                e.lat,
                e.lon,
                e.geonameid,
                e.place_country.as_deref(),
                e.place_name.as_deref(),
            )
        };
        let mut best = first.event;
        for m in &ms[1..] {
            if rank(m.event) > rank(best) {
                best = m.event;
            }
        }
        let best_place: SummaryPlace = (
            best.place_name.clone(),
            best.geonameid,
            best.place_country.clone(),
            best.admin1.clone(),
            best.lat,
            best.lon,
        );
        type Stored = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
            SummaryPlace,
            i64,
            i64,
            i64,
        );
        let stored: Option<Stored> = if seeded.contains(id) {
            read.query_row([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    (
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                        r.get(9)?,
                        r.get(10)?,
                        r.get(11)?,
                    ),
                    r.get(12)?,
                    r.get(13)?,
                    r.get(14)?,
                ))
            })
            .optional()?
        } else {
            None
        };
        let row = match stored {
            None => (
                first.id,
                first.event.root.clone(),
                Some(first.event.cameo.clone()),
                Some(first.event.status.clone()),
                start.and_then(day_string),
                end.and_then(day_string),
                best_place,
                ms.len() as i64,
                articles.len() as i64,
                sources.len() as i64,
            ),
            Some(old) => {
                let (first_event, root, cameo, status, ds, de, place, n, a, src) = old;
                let ds = match (ds.as_deref().and_then(day_number), start) {
                    (Some(x), Some(y)) if y < x => day_string(y),
                    (None, Some(y)) => day_string(y),
                    _ => ds,
                };
                let de = match (de.as_deref().and_then(day_number), end) {
                    (Some(x), Some(y)) if y > x => day_string(y),
                    (None, Some(y)) => day_string(y),
                    _ => de,
                };
                let old_rank = place_rank(
                    place.4,
                    place.5,
                    place.1,
                    place.2.as_deref(),
                    place.0.as_deref(),
                );
                let place = if rank(best) > old_rank {
                    best_place
                } else {
                    place
                };
                let src = if sources.is_empty() {
                    src
                } else {
                    sources_st.query_row([id], |r| r.get(0))?
                };
                (
                    first_event,
                    root,
                    cameo,
                    status,
                    ds,
                    de,
                    place,
                    n + ms.len() as i64,
                    a + articles.len() as i64,
                    src,
                )
            }
        };
        let (first_event, root, cameo, status, ds, de, p, n, a, src) = row;
        up.execute(params![
            id,
            first_event,
            root,
            cameo,
            status,
            ds,
            de,
            p.0,
            p.1,
            p.2,
            p.3,
            p.4,
            p.5,
            n,
            a,
            src,
        ])?;
    }
    Ok(())
}

const UPSERT_CLUSTER: &str = "INSERT INTO clusters (id, first_event, root, cameo, status,
        date_start, date_end, place_name, geonameid, place_country, admin1, lat, lon,
        mentions, articles, sources)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
     ON CONFLICT(id) DO UPDATE SET
        first_event = excluded.first_event, root = excluded.root, cameo = excluded.cameo,
        status = excluded.status, date_start = excluded.date_start,
        date_end = excluded.date_end, place_name = excluded.place_name,
        geonameid = excluded.geonameid, place_country = excluded.place_country,
        admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon,
        mentions = excluded.mentions, articles = excluded.articles,
        sources = excluded.sources";

/// Recompute the summary row of each touched cluster from its members.
pub(crate) fn summarise<'a>(
    conn: &Connection,
    touched: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    let mut agg = conn.prepare_cached(
        "SELECT min(e.id), count(*), count(DISTINCT e.article_id), count(DISTINCT a.source),
                min(e.cl_start), max(e.cl_end)
         FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster = ?1",
    )?;
    let mut first = conn.prepare_cached("SELECT root, cameo, status FROM events WHERE id = ?1")?;
    let mut placed = conn.prepare_cached(
        "SELECT place_name, geonameid, place_country, admin1, lat, lon FROM events
         WHERE cluster = ?1
         ORDER BY (lat IS NOT NULL AND lon IS NOT NULL) DESC, (geonameid IS NOT NULL) DESC,
                  (place_country IS NOT NULL) DESC, (place_name IS NOT NULL) DESC, id
         LIMIT 1",
    )?;
    let mut up = conn.prepare_cached(UPSERT_CLUSTER)?;
    for id in touched {
        let (first_id, mentions, articles, sources, start, end): (
            Option<i64>,
            i64,
            i64,
            i64,
            Option<i64>,
            Option<i64>,
        ) = agg.query_row([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let Some(first_id) = first_id else {
            conn.execute("DELETE FROM clusters WHERE id = ?1", [id])?;
            continue;
        };
        let (root, cameo, status): (String, Option<String>, Option<String>) =
            first.query_row([first_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        type PlaceRow = (
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<f64>,
            Option<f64>,
        );
        let p: PlaceRow = placed.query_row([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        up.execute(params![
            id,
            first_id,
            root,
            cameo,
            status,
            start.and_then(day_string),
            end.and_then(day_string),
            p.0,
            p.1,
            p.2,
            p.3,
            p.4,
            p.5,
            mentions,
            articles,
            sources,
        ])?;
    }
    Ok(())
}

/// Fill in deduplication for rows stored before schema version 2: articles in storing order,
/// in chunks, exactly as if they were ingested again (the result does not depend on chunks).
pub(crate) fn backfill(conn: &Connection) -> Result<()> {
    let ids: Vec<i64> = {
        let mut st = conn.prepare("SELECT id FROM articles ORDER BY id")?;
        st.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut read = conn.prepare("SELECT key, record, text FROM articles WHERE id = ?1")?;
    let mut upd = conn.prepare(
        "UPDATE events SET cluster = ?1, cl_start = ?2, cl_end = ?3, place_feature = ?6
         WHERE article_id = ?4 AND event_id = ?5",
    )?;
    for chunk in ids.chunks(256) {
        let mut prepared: Vec<(i64, Prepared)> = Vec::with_capacity(chunk.len());
        for &id in chunk {
            let (key, record, text): (String, String, String) =
                read.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&record) else {
                continue;
            };
            if let Some(a) = v.get_mut("article").and_then(|a| a.as_object_mut()) {
                a.insert("text".into(), serde_json::Value::String(text));
            }
            if let Some(mut p) = Prepared::new(&v) {
                p.key = key;
                prepared.push((id, p));
            }
        }
        let refs: Vec<(i64, &Prepared)> = prepared.iter().map(|(i, p)| (*i, p)).collect();
        let result = decide(conn, &refs, &mut ClusterCache::default(), true)?.result;
        let mut touched: BTreeSet<&str> = BTreeSet::new();
        for ((aid, p), clusters) in refs.iter().zip(&result.clusters) {
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            for (e, c) in p.events.iter().zip(clusters) {
                if !seen.insert(&e.event_id) {
                    continue;
                }
                upd.execute(params![
                    c,
                    e.cl_days.map(|d| d.0 as i64),
                    e.cl_days.map(|d| d.1 as i64),
                    aid,
                    e.event_id,
                    e.place_feature
                ])?;
                touched.insert(c);
            }
        }
        summarise(conn, touched)?;
    }
    Ok(())
}

/// How much deduplication found in a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DedupCounts {
    /// Event mentions.
    pub mentions: u64,
    /// Event clusters (real-world events).
    pub clusters: u64,
    /// Clusters with more than one mention.
    pub multi: u64,
    /// Clusters reported by more than one article.
    pub multi_article: u64,
    /// Articles linked to an earlier near duplicate.
    pub duplicates: u64,
}

impl crate::Store {
    /// Counts of clusters and near-duplicate links in the store.
    pub fn dedup_counts(&self) -> Result<DedupCounts> {
        let conn = self.connection();
        let n = |sql: &str| -> Result<u64> {
            let v: i64 = conn.query_row(sql, [], |r| r.get(0))?;
            Ok(v as u64)
        };
        Ok(DedupCounts {
            mentions: n("SELECT count(*) FROM events")?,
            clusters: n("SELECT count(*) FROM clusters")?,
            multi: n("SELECT count(*) FROM clusters WHERE mentions > 1")?,
            multi_article: n("SELECT count(*) FROM clusters WHERE articles > 1")?,
            duplicates: n("SELECT count(*) FROM duplicates")?,
        })
    }
}

/// An event mention with the real-world event (cluster) it belongs to and that cluster's
/// GDELT-like counts over the whole store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusteredRow {
    #[serde(flatten)]
    pub row: crate::EventRow,
    /// Cluster id (`ev` + 16 hex digits).
    pub cluster: Option<String>,
    /// Mentions, distinct articles and distinct sources of the cluster.
    pub mentions: Option<i64>,
    pub articles: Option<i64>,
    pub sources: Option<i64>,
    /// `article.id` of the earlier article this mention's article is a near duplicate of.
    pub duplicate_of: Option<String>,
    /// Estimated Jaccard similarity of the two articles' texts.
    pub similarity: Option<f64>,
}

/// Which mentions a clustered query returns beyond its [`crate::Filter`].
#[derive(Clone, Debug, Default)]
pub struct ClusterQuery {
    /// Only mentions of this cluster.
    pub cluster: Option<String>,
    /// One row per cluster: of the matching mentions of each cluster, the first stored.
    pub distinct: bool,
}

impl crate::Store {
    /// `window`: the matching mentions the statement reads, newest first (`None`: all).
    fn cluster_where(
        &self,
        filter: &crate::Filter,
        q: &ClusterQuery,
        window: Option<usize>,
    ) -> Result<(String, Vec<Box<dyn rusqlite::types::ToSql>>)> {
        let (mut wh, mut p) = filter.where_clause_for(self.connection(), window)?;
        if let Some(c) = &q.cluster {
            wh.push_str(if wh.is_empty() { " WHERE" } else { " AND" });
            wh.push_str(" e.cluster = ?");
            p.push(Box::new(c.trim().to_string()));
        }
        Ok((wh, p))
    }

    /// Events matching a filter (and [`ClusterQuery`]), newest first, each with its cluster and
    /// the cluster's counts.
    pub fn query_clustered(
        &self,
        filter: &crate::Filter,
        q: &ClusterQuery,
    ) -> Result<Vec<ClusteredRow>> {
        // A page of mentions reads `limit + offset` of them; one row per cluster reads all.
        let window = if q.distinct { None } else { filter.window() };
        let (wh, mut p) = self.cluster_where(filter, q, window)?;
        let cols = crate::EVENT_COLUMNS;
        const N: usize = crate::EVENT_COLUMN_COUNT;
        let from = "FROM events e JOIN articles a ON a.id = e.article_id
                    LEFT JOIN clusters c ON c.id = e.cluster
                    LEFT JOIN duplicates d ON d.article_id = e.article_id
                    LEFT JOIN articles o ON o.id = d.of_article";
        let sql = if q.distinct {
            format!(
                "SELECT {cols}, e.cluster, c.mentions, c.articles, c.sources, o.doc_id, d.similarity {from}
                 WHERE e.id IN (SELECT min(e.id) FROM events e
                                JOIN articles a ON a.id = e.article_id{wh}
                                GROUP BY coalesce(e.cluster, 'row:' || e.id))
                 ORDER BY e.date_start DESC, e.id DESC LIMIT ? OFFSET ?"
            )
        } else {
            format!(
                "SELECT {cols}, e.cluster, c.mentions, c.articles, c.sources, o.doc_id, d.similarity {from}{wh}
                 ORDER BY e.date_start DESC, e.id DESC LIMIT ? OFFSET ?"
            )
        };
        p.push(Box::new(if filter.limit == 0 {
            -1
        } else {
            filter.limit as i64
        }));
        p.push(Box::new(filter.offset as i64));
        let conn = self.connection();
        let mut st = conn.prepare(&sql)?;
        let params: Vec<&dyn rusqlite::types::ToSql> = p.iter().map(|b| b.as_ref()).collect();
        let rows = st
            .query_map(params.as_slice(), |r| {
                Ok(ClusteredRow {
                    row: crate::event_row(r)?,
                    cluster: r.get(N)?,
                    mentions: r.get(N + 1)?,
                    articles: r.get(N + 2)?,
                    sources: r.get(N + 3)?,
                    duplicate_of: r.get(N + 4)?,
                    similarity: r.get(N + 5)?,
                })
            })
            .map_err(crate::query_error(filter))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(crate::query_error(filter))
    }

    /// How many mentions (or, with `distinct`, clusters) match.
    pub fn count_clustered(&self, filter: &crate::Filter, q: &ClusterQuery) -> Result<u64> {
        if !q.distinct
            && q.cluster.is_none()
            && let Some(n) = filter.facet_count(self.connection())?
        {
            return Ok(n);
        }
        let (wh, p) = self.cluster_where(filter, q, None)?;
        let what = if q.distinct {
            "count(DISTINCT coalesce(e.cluster, 'row:' || e.id))"
        } else {
            "count(*)"
        };
        let sql = format!("SELECT {what} FROM {}{wh}", filter.tables());
        let params: Vec<&dyn rusqlite::types::ToSql> = p.iter().map(|b| b.as_ref()).collect();
        let n: i64 = self
            .connection()
            .query_row(&sql, params.as_slice(), |r| r.get(0))
            .map_err(crate::query_error(filter))?;
        Ok(n as u64)
    }

    /// Cluster id and counts of every event of one article (by store key or `article.id`),
    /// keyed by event id: what exports fill GDELT's NumMentions/NumSources/NumArticles from.
    pub fn clusters_of_article(&self, doc_id: &str) -> Result<HashMap<String, ClusterCounts>> {
        let mut st = self.connection().prepare_cached(
            "SELECT e.event_id, e.cluster, c.mentions, c.articles, c.sources
             FROM events e LEFT JOIN clusters c ON c.id = e.cluster
             WHERE e.article_id = (SELECT id FROM articles WHERE doc_id = ?1 ORDER BY id LIMIT 1)",
        )?;
        let rows = st.query_map([doc_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                ClusterCounts {
                    id: r.get(1)?,
                    mentions: r.get::<_, Option<i64>>(2)?.unwrap_or(1) as u64,
                    articles: r.get::<_, Option<i64>>(3)?.unwrap_or(1) as u64,
                    sources: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as u64,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl crate::Store {
    /// The full `dateline/1` record of an article (as [`crate::EventStore::article`]) with
    /// each event's cluster added as `events[].cluster = {id, mentions, articles, sources}`:
    /// what exports fill cross-article counts from.
    pub fn article_clustered(&self, doc_id: &str) -> Result<Option<serde_json::Value>> {
        use crate::EventStore;
        let Some(mut rec) = self.article(doc_id)? else {
            return Ok(None);
        };
        let clusters = self.clusters_of_article(doc_id)?;
        if let Some(events) = rec.get_mut("events").and_then(|e| e.as_array_mut()) {
            for e in events {
                let Some(c) = e
                    .get("id")
                    .and_then(|i| i.as_str())
                    .and_then(|i| clusters.get(i))
                else {
                    continue;
                };
                if let (Some(id), Some(obj)) = (&c.id, e.as_object_mut()) {
                    obj.insert(
                        "cluster".into(),
                        serde_json::json!({"id": id, "mentions": c.mentions,
                                           "articles": c.articles, "sources": c.sources}),
                    );
                }
            }
        }
        Ok(Some(rec))
    }
}

/// A mention's cluster and its GDELT-like counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ClusterCounts {
    pub id: Option<String>,
    pub mentions: u64,
    pub articles: u64,
    pub sources: u64,
}

#[cfg(test)]
#[path = "dedup_tests.rs"]
mod tests;
