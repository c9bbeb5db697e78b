//! Deduplication in the PostgreSQL store: the decision the SQLite store makes
//! (`dateline_dedup::dedup_batch`, docs/dedup.md), asked of PostgreSQL.
//!
//! - **Same decision.** The new articles of a batch, in storing order (row id order), go to
//!   `dedup_batch` with their fingerprints and event mentions, built from the same rows the
//!   SQLite store writes (the staging store makes them), and PostgreSQL answers the two
//!   questions of `dateline_dedup::Known`. Cluster ids are `cluster_id(article key, event id)`
//!   of the founding mention, as in SQLite, so one stream stored in either backend gives the
//!   same ids, links and counts.
//! - **Batched look-ups.** A batch asks PostgreSQL a fixed number of questions, however many
//!   articles and mentions it has: one query for the stored articles sharing a band key, one
//!   for the candidate cluster members in every (root, day window) of the batch, one for the
//!   first [`MAX_COMPARED`] members of those clusters, one for their actors, one for the
//!   founders' order; then one statement writes the duplicate links and one the summaries.
//! - **One decider at a time.** Writers hold a transaction-scoped advisory lock from before
//!   their article ids are drawn until commit, so every batch is decided against all batches
//!   committed before it, and storing order is row id order, as with SQLite's single writer.

use crate::{ARTICLE_COLS, EVENT_COLS, Kind, Val, pg};
use dateline_dedup::events::{MAX_COMPARED, mention_place};
use dateline_dedup::{
    BatchDedup, Fingerprint, Known, KnownArticle, KnownCluster, MAX_SPAN_DAYS, Mention, NewArticle,
    dedup_batch,
};
use dateline_store::{ClusterCounts, ClusterQuery, ClusteredRow, DedupCounts, Error};
use postgres::Transaction;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

type Result<T> = std::result::Result<T, Error>;

/// Key of the transaction-scoped advisory lock a writer holds while it decides and stores a
/// batch ("dedup" in ASCII, apart from the migration lock).
pub const DEDUP_LOCK: i64 = 0x6465_6475_7000_0001;

/// Position of a column in one of the column lists of `lib.rs`.
pub(crate) fn ix(cols: &[(&str, Kind)], name: &str) -> usize {
    cols.iter()
        .position(|c| c.0 == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn text(v: &Val) -> Option<String> {
    match v {
        Val::T(s) => s.clone(),
        _ => None,
    }
}

fn int(v: &Val) -> Option<i64> {
    match v {
        Val::I(x) => *x,
        _ => None,
    }
}

fn float(v: &Val) -> Option<f64> {
    match v {
        Val::F(x) => *x,
        _ => None,
    }
}

/// Actor codes of one side, as the clustering rule reads them: non-empty, sorted, distinct.
fn codes<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = it.filter(|c| !c.is_empty()).map(str::to_owned).collect();
    v.sort();
    v.dedup();
    v
}

fn days(a: Option<i64>, b: Option<i64>) -> Option<(i32, i32)> {
    Some((a? as i32, b? as i32))
}

/// The rows of one batch as the staging store made them (every table of `lib.rs`).
pub(crate) struct Staged {
    pub articles: Vec<Vec<Val>>,
    pub events: Vec<Vec<Val>>,
    pub actors: Vec<Vec<Val>>,
    pub casualties: Vec<Vec<Val>>,
    pub prints: Vec<Vec<Val>>,
    pub bands: Vec<Vec<Val>>,
}

/// A new article of a batch, as deduplication reads it.
pub(crate) struct NewRow {
    /// PostgreSQL row id.
    pub id: i64,
    pub key: String,
    pub print: Fingerprint,
    pub mentions: Vec<Mention>,
    /// Staging row id of each mention's event row.
    pub staged_events: Vec<i64>,
}

/// `same_as` of each event of a stored record (compact JSON, `article.text` left out), read
/// only when one is set.
fn same_as(record: Option<&str>) -> HashMap<String, String> {
    let Some(rec) = record.filter(|r| r.contains("\"same_as\":\"")) else {
        return HashMap::new();
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(rec) else {
        return HashMap::new();
    };
    v.get("events")
        .and_then(|e| e.as_array())
        .map(|evs| {
            evs.iter()
                .filter_map(|e| {
                    Some((
                        e.get("id")?.as_str()?.to_owned(),
                        e.get("same_as")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The new articles (`(staging id, PostgreSQL id)`, any order) with their fingerprints and
/// mentions, built from the staged rows; returned in PostgreSQL id order (storing order).
pub(crate) fn new_rows(staged: &Staged, ids: &[(i64, i64)]) -> Vec<NewRow> {
    let (a_id, a_key, a_src, a_text, a_rec) = (
        ix(ARTICLE_COLS, "id"),
        ix(ARTICLE_COLS, "key"),
        ix(ARTICLE_COLS, "source"),
        ix(ARTICLE_COLS, "text"),
        ix(ARTICLE_COLS, "record"),
    );
    let arts: HashMap<i64, &Vec<Val>> = staged
        .articles
        .iter()
        .filter_map(|r| Some((int(&r[a_id])?, r)))
        .collect();
    let prints: HashMap<i64, Fingerprint> = staged
        .prints
        .iter()
        .filter_map(|r| match (&r[0], &r[1]) {
            (Val::I(Some(a)), Val::Y(Some(b))) => Some((*a, Fingerprint::from_bytes(b)?)),
            _ => None,
        })
        .collect();
    // Actor codes by staging event id and role.
    let mut sides: HashMap<i64, (Vec<&str>, Vec<&str>)> = HashMap::new();
    for r in &staged.actors {
        let (Some(e), Val::T(Some(role)), Val::T(Some(code))) = (int(&r[0]), &r[1], &r[2]) else {
            continue;
        };
        let s = sides.entry(e).or_default();
        match role.as_str() {
            "source" => s.0.push(code),
            "target" => s.1.push(code),
            _ => {}
        }
    }
    let e = |n: &str| ix(EVENT_COLS, n);
    let (e_id, e_art, e_ev, e_cameo, e_root, e_status) = (
        e("id"),
        e("article_id"),
        e("event_id"),
        e("cameo"),
        e("root"),
        e("status"),
    );
    let (e_pn, e_gid, e_pc, e_lat, e_lon, e_s, e_e, e_feat) = (
        e("place_name"),
        e("geonameid"),
        e("place_country"),
        e("lat"),
        e("lon"),
        e("cl_start"),
        e("cl_end"),
        e("place_feature"),
    );
    let mut events: HashMap<i64, Vec<&Vec<Val>>> = HashMap::new();
    for r in &staged.events {
        if let Some(a) = int(&r[e_art]) {
            events.entry(a).or_default().push(r);
        }
    }
    let mut out: Vec<NewRow> = ids
        .iter()
        .filter_map(|&(sid, pid)| {
            let a = arts.get(&sid)?;
            let key = text(&a[a_key])?;
            let source = text(&a[a_src]);
            let links = same_as(text(&a[a_rec]).as_deref());
            let print = prints.get(&sid).cloned().unwrap_or_else(|| {
                Fingerprint::of_text(text(&a[a_text]).as_deref().unwrap_or_default())
            });
            let mut mentions = Vec::new();
            let mut staged_events = Vec::new();
            for r in events.get(&sid).map(Vec::as_slice).unwrap_or_default() {
                let eid = int(&r[e_id])?;
                let event = text(&r[e_ev]).unwrap_or_default();
                let (src, tgt) = sides.get(&eid).cloned().unwrap_or_default();
                mentions.push(Mention {
                    article: key.clone(),
                    same_as: links.get(&event).cloned(),
                    event,
                    source: source.clone(),
                    cameo: text(&r[e_cameo]).unwrap_or_default(),
                    root: text(&r[e_root]).unwrap_or_default(),
                    status: text(&r[e_status]).unwrap_or_default(),
                    actors_source: codes(src.into_iter()),
                    actors_target: codes(tgt.into_iter()),
                    place: mention_place(
                        text(&r[e_pn]),
                        int(&r[e_gid]),
                        text(&r[e_pc]),
                        float(&r[e_lat]),
                        float(&r[e_lon]),
                        text(&r[e_feat]).as_deref(),
                    ),
                    days: days(int(&r[e_s]), int(&r[e_e])),
                });
                staged_events.push(eid);
            }
            Some(NewRow {
                id: pid,
                key,
                print,
                mentions,
                staged_events,
            })
        })
        .collect();
    out.sort_by_key(|n| n.id);
    out
}

/// A member's CAMEO root and day interval.
type RootDays = (String, (i32, i32));

/// One stored member row that may make its cluster a candidate: (event id, cluster, root,
/// day interval).
type MemberDays = (i64, String, String, (i32, i32));

/// `dateline_dedup::Known` over PostgreSQL, inside the batch's transaction. Rows of the batch
/// being stored have no fingerprint and no cluster yet, so they are never candidates.
///
/// The candidate clusters of every window of the batch are read at once ([`PgKnown::fetch`],
/// four queries), and `clusters_near` answers from them; a window outside what was read is
/// read when asked.
pub(crate) struct PgKnown<'a, 'c> {
    tx: &'a mut Transaction<'c>,
    /// Windows read so far, per root.
    covered: HashMap<String, Vec<(i32, i32)>>,
    rows: Vec<MemberDays>,
    seen_rows: HashSet<i64>,
    /// Cluster id -> (founding event id, first members).
    clusters: HashMap<String, (i64, Vec<Mention>)>,
}

impl<'a, 'c> PgKnown<'a, 'c> {
    pub fn new(tx: &'a mut Transaction<'c>) -> Self {
        PgKnown {
            tx,
            covered: HashMap::new(),
            rows: Vec::new(),
            seen_rows: HashSet::new(),
            clusters: HashMap::new(),
        }
    }

    /// Read the candidate members of these (root, from, to) windows, and the founders and
    /// first members of their clusters not read yet.
    fn fetch(&mut self, wins: &[(String, i32, i32)]) -> Result<()> {
        if wins.is_empty() {
            return Ok(());
        }
        let roots: Vec<&str> = wins.iter().map(|w| w.0.as_str()).collect();
        let lo: Vec<i64> = wins
            .iter()
            .map(|w| (w.1 - (MAX_SPAN_DAYS - 1)) as i64)
            .collect();
        let hi: Vec<i64> = wins.iter().map(|w| w.2 as i64).collect();
        let from: Vec<i64> = wins.iter().map(|w| w.1 as i64).collect();
        let rows = self
            .tx
            .query(
                "SELECT DISTINCT e.id, e.cluster, e.root, e.cl_start, e.cl_end
                 FROM unnest($1::text[], $2::int8[], $3::int8[], $4::int8[]) AS w(root, lo, hi, fr)
                 JOIN events e ON e.root = w.root AND e.cl_start BETWEEN w.lo AND w.hi
                                  AND e.cl_end >= w.fr
                 WHERE e.cl_end - e.cl_start < $5 AND e.cluster IS NOT NULL",
                &[&roots, &lo, &hi, &from, &(MAX_SPAN_DAYS as i64)],
            )
            .map_err(pg)?;
        for w in wins {
            self.covered
                .entry(w.0.clone())
                .or_default()
                .push((w.1, w.2));
        }
        let mut fresh: BTreeSet<String> = BTreeSet::new();
        for r in rows {
            let id: i64 = r.get(0);
            if !self.seen_rows.insert(id) {
                continue;
            }
            let cluster: String = r.get(1);
            if !self.clusters.contains_key(&cluster) {
                fresh.insert(cluster.clone());
            }
            let (a, b): (i64, i64) = (r.get(3), r.get(4));
            self.rows
                .push((id, cluster, r.get(2), (a as i32, b as i32)));
        }
        if fresh.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = fresh.into_iter().collect();
        let founders: HashMap<String, i64> = self
            .tx
            .query(
                "SELECT id, first_event FROM clusters WHERE id = ANY($1)",
                &[&ids],
            )
            .map_err(pg)?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let members = self
            .tx
            .query(
                "SELECT c.id, m.id, a.key, a.source, m.event_id, m.cameo, m.root, m.status,
                        m.place_name, m.geonameid, m.place_country, m.lat, m.lon, m.cl_start,
                        m.cl_end, m.place_feature
                 FROM unnest($1::text[]) AS c(id)
                 CROSS JOIN LATERAL (
                     SELECT e.* FROM events e WHERE e.cluster = c.id ORDER BY e.id LIMIT $2
                 ) m
                 JOIN articles a ON a.id = m.article_id
                 ORDER BY c.id, m.id",
                &[&ids, &(MAX_COMPARED as i64)],
            )
            .map_err(pg)?;
        let event_ids: Vec<i64> = members.iter().map(|r| r.get(1)).collect();
        let mut sides: HashMap<i64, (Vec<String>, Vec<String>)> = HashMap::new();
        for r in self
            .tx
            .query(
                "SELECT event_id, role, code FROM event_actors
                 WHERE event_id = ANY($1) AND code IS NOT NULL",
                &[&event_ids],
            )
            .map_err(pg)?
        {
            let s = sides.entry(r.get(0)).or_default();
            let (role, code): (String, String) = (r.get(1), r.get(2));
            match role.as_str() {
                "source" => s.0.push(code),
                "target" => s.1.push(code),
                _ => {}
            }
        }
        for id in &ids {
            self.clusters.insert(
                id.clone(),
                (founders.get(id).copied().unwrap_or(i64::MAX), Vec::new()),
            );
        }
        for r in members {
            let cluster: String = r.get(0);
            let eid: i64 = r.get(1);
            let (src, tgt) = sides.remove(&eid).unwrap_or_default();
            let feature: Option<String> = r.get(15);
            let m = Mention {
                article: r.get(2),
                source: r.get(3),
                event: r.get(4),
                cameo: r.get(5),
                root: r.get(6),
                status: r.get(7),
                actors_source: codes(src.iter().map(String::as_str)),
                actors_target: codes(tgt.iter().map(String::as_str)),
                place: mention_place(
                    r.get(8),
                    r.get(9),
                    r.get(10),
                    r.get(11),
                    r.get(12),
                    feature.as_deref(),
                ),
                days: days(r.get(13), r.get(14)),
                same_as: None,
            };
            if let Some(c) = self.clusters.get_mut(&cluster) {
                c.1.push(m);
            }
        }
        Ok(())
    }

    /// Read every window of a batch at once.
    pub fn prefetch(&mut self, batch: &[NewRow]) -> Result<()> {
        let wins: Vec<(String, i32, i32)> =
            dateline_dedup::batch::windows(batch.iter().flat_map(|a| &a.mentions))
                .into_iter()
                .flat_map(|(root, list)| list.into_iter().map(move |(a, b)| (root.clone(), a, b)))
                .collect();
        self.fetch(&wins)
    }
}

impl Known for PgKnown<'_, '_> {
    type Error = Error;

    fn articles_in_bands(&mut self, bands: &[u64]) -> Result<Vec<KnownArticle>> {
        let keys: Vec<i64> = bands.iter().map(|b| *b as i64).collect();
        let rows = self
            .tx
            .query(
                "SELECT a.key, f.print, coalesce(r.key, a.key)
                 FROM articles a JOIN fingerprints f ON f.article_id = a.id
                 LEFT JOIN duplicates d ON d.article_id = a.id
                 LEFT JOIN articles r ON r.id = d.root
                 WHERE a.id IN (SELECT article_id FROM fingerprint_bands WHERE band = ANY($1))
                 ORDER BY a.id",
                &[&keys],
            )
            .map_err(pg)?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(KnownArticle {
                    id: r.get(0),
                    print: Fingerprint::from_bytes(r.get::<_, &[u8]>(1))?,
                    root: r.get(2),
                })
            })
            .collect())
    }

    fn clusters_near(&mut self, root: &str, from: i32, to: i32) -> Result<Vec<KnownCluster>> {
        let covered = self
            .covered
            .get(root)
            .is_some_and(|l| l.iter().any(|&(a, b)| a <= from && to <= b));
        if !covered {
            self.fetch(&[(root.to_owned(), from, to)])?;
        }
        let lo = from - (MAX_SPAN_DAYS - 1);
        let mut days: BTreeMap<&str, Vec<RootDays>> = BTreeMap::new();
        for (_, cluster, r, d) in &self.rows {
            if r == root && (lo..=to).contains(&d.0) && d.1 >= from {
                days.entry(cluster).or_default().push((r.clone(), *d));
            }
        }
        Ok(days
            .into_iter()
            .map(|(id, days)| {
                let (order, members) = self.clusters.get(id).cloned().unwrap_or((i64::MAX, vec![]));
                KnownCluster {
                    id: id.to_owned(),
                    order,
                    members,
                    days,
                }
            })
            .collect())
    }
}

/// Decide links and clusters for the new articles of a batch (in storing order) and write
/// their duplicate links. The caller writes the event rows with the returned cluster ids,
/// then the fingerprints, then calls [`summarise`].
pub(crate) fn decide(tx: &mut Transaction, new: &[NewRow]) -> Result<BatchDedup> {
    let batch: Vec<NewArticle> = new
        .iter()
        .map(|a| NewArticle {
            id: &a.key,
            print: &a.print,
            mentions: &a.mentions,
        })
        .collect();
    let result = {
        let mut known = PgKnown::new(tx);
        known.prefetch(new)?;
        dedup_batch(&mut known, &batch)?
    };
    let in_batch: HashMap<&str, i64> = new.iter().map(|a| (a.key.as_str(), a.id)).collect();
    let missing: Vec<&str> = result
        .duplicates
        .iter()
        .flatten()
        .flat_map(|d| [d.of.as_str(), d.root.as_str()])
        .filter(|k| !in_batch.contains_key(k))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut stored: HashMap<String, i64> = HashMap::new();
    if !missing.is_empty() {
        for r in tx
            .query(
                "SELECT key, id FROM articles WHERE key = ANY($1)",
                &[&missing],
            )
            .map_err(pg)?
        {
            stored.insert(r.get(0), r.get(1));
        }
    }
    let id_of = |k: &str| in_batch.get(k).copied().or_else(|| stored.get(k).copied());
    let (mut aid, mut of, mut root, mut sim) = (vec![], vec![], vec![], vec![]);
    for (a, d) in new.iter().zip(&result.duplicates) {
        if let Some(d) = d
            && let (Some(o), Some(r)) = (id_of(&d.of), id_of(&d.root))
        {
            aid.push(a.id);
            of.push(o);
            root.push(r);
            sim.push(d.similarity);
        }
    }
    if !aid.is_empty() {
        tx.execute(
            "INSERT INTO duplicates (article_id, of_article, root, similarity)
             SELECT * FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::float8[])
             ON CONFLICT (article_id) DO UPDATE SET of_article = excluded.of_article,
                 root = excluded.root, similarity = excluded.similarity",
            &[&aid, &of, &root, &sim],
        )
        .map_err(pg)?;
    }
    Ok(result)
}

/// Recompute the summary row of each touched cluster from its members, in one statement: the
/// founder (first member) gives root, code and status; the most precisely placed member gives
/// the place; the counts are over all members.
pub(crate) fn summarise(tx: &mut Transaction, touched: &BTreeSet<&str>) -> Result<()> {
    if touched.is_empty() {
        return Ok(());
    }
    let ids: Vec<&str> = touched.iter().copied().collect();
    tx.execute(
        "WITH agg AS (
             SELECT e.cluster AS id, min(e.id) AS first_id, count(*) AS mentions,
                    count(DISTINCT e.article_id) AS articles, count(DISTINCT a.source) AS sources,
                    min(e.cl_start) AS s, max(e.cl_end) AS t
             FROM events e JOIN articles a ON a.id = e.article_id
             WHERE e.cluster = ANY($1) GROUP BY e.cluster
         ), pl AS (
             SELECT DISTINCT ON (e.cluster) e.cluster AS id, e.place_name, e.geonameid,
                    e.place_country, e.admin1, e.lat, e.lon
             FROM events e WHERE e.cluster = ANY($1)
             ORDER BY e.cluster, (e.lat IS NOT NULL AND e.lon IS NOT NULL) DESC,
                      (e.geonameid IS NOT NULL) DESC, (e.place_country IS NOT NULL) DESC,
                      (e.place_name IS NOT NULL) DESC, e.id
         )
         INSERT INTO clusters (id, first_event, root, cameo, status, date_start, date_end,
                               place_name, geonameid, place_country, admin1, lat, lon,
                               mentions, articles, sources)
         SELECT agg.id, agg.first_id, f.root, f.cameo, f.status,
                date '1970-01-01' + agg.s::int4, date '1970-01-01' + agg.t::int4,
                pl.place_name, pl.geonameid, pl.place_country, pl.admin1, pl.lat, pl.lon,
                agg.mentions, agg.articles, agg.sources
         FROM agg JOIN events f ON f.id = agg.first_id JOIN pl ON pl.id = agg.id
         ON CONFLICT (id) DO UPDATE SET
            first_event = excluded.first_event, root = excluded.root, cameo = excluded.cameo,
            status = excluded.status, date_start = excluded.date_start,
            date_end = excluded.date_end, place_name = excluded.place_name,
            geonameid = excluded.geonameid, place_country = excluded.place_country,
            admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon,
            mentions = excluded.mentions, articles = excluded.articles,
            sources = excluded.sources",
        &[&ids],
    )
    .map_err(pg)?;
    Ok(())
}

/// Counts of clusters and near-duplicate links (`dateline_store::Store::dedup_counts`).
pub(crate) fn counts(c: &mut postgres::Client) -> Result<DedupCounts> {
    let r = c
        .query_one(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM clusters),
                    (SELECT count(*) FROM clusters WHERE mentions > 1),
                    (SELECT count(*) FROM clusters WHERE articles > 1),
                    (SELECT count(*) FROM duplicates)",
            &[],
        )
        .map_err(pg)?;
    let n = |i: usize| r.get::<_, i64>(i) as u64;
    Ok(DedupCounts {
        mentions: n(0),
        clusters: n(1),
        multi: n(2),
        multi_article: n(3),
        duplicates: n(4),
    })
}

/// Decide deduplication for every article stored before schema version 3, in storing order,
/// in chunks, exactly as if they were ingested again (the result does not depend on chunks):
/// each record is turned into rows again by the staging store (for the fingerprint and each
/// event's place feature), decided, and its event rows updated in place.
pub(crate) fn backfill(tx: &mut Transaction, stage: &mut dateline_store::Store) -> Result<()> {
    let (a_id, a_key) = (ix(ARTICLE_COLS, "id"), ix(ARTICLE_COLS, "key"));
    let e = |n: &str| ix(EVENT_COLS, n);
    let (e_id, e_art, e_ev, e_feat, e_s, e_e) = (
        e("id"),
        e("article_id"),
        e("event_id"),
        e("place_feature"),
        e("cl_start"),
        e("cl_end"),
    );
    let mut last = 0i64;
    loop {
        let rows = tx
            .query(
                "SELECT id, key, record::text, text FROM articles WHERE id > $1
                 ORDER BY id LIMIT 256",
                &[&last],
            )
            .map_err(pg)?;
        let Some(end) = rows.last() else {
            break;
        };
        last = end.get(0);
        let mut by_key: HashMap<String, i64> = HashMap::new();
        let mut prepared = Vec::with_capacity(rows.len());
        for r in &rows {
            let (record, text): (String, String) = (r.get(2), r.get(3));
            let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&record) else {
                continue;
            };
            if let Some(a) = v.get_mut("article").and_then(|a| a.as_object_mut()) {
                a.insert("text".into(), serde_json::Value::String(text));
            }
            prepared.push(dateline_store::Prepared::new(&v));
            by_key.insert(r.get(1), r.get(0));
        }
        let (_, staged) = crate::stage_rows(stage, &prepared)?;
        // Staging id -> PostgreSQL id, by key (the key of a stored article is made again from
        // its URL and text; an article whose key no longer matches keeps no cluster).
        let pairs: Vec<(i64, i64)> = staged
            .articles
            .iter()
            .filter_map(|a| Some((int(&a[a_id])?, *by_key.get(&text(&a[a_key])?)?)))
            .collect();
        let pg_of: HashMap<i64, i64> = pairs.iter().copied().collect();
        let new = new_rows(&staged, &pairs);
        let decided = decide(tx, &new)?;
        let cluster_of: HashMap<i64, &str> = new
            .iter()
            .zip(&decided.clusters)
            .flat_map(|(a, c)| {
                a.staged_events
                    .iter()
                    .copied()
                    .zip(c.iter().map(String::as_str))
            })
            .collect();
        let mut touched: BTreeSet<&str> = BTreeSet::new();
        let (mut arts, mut evs, mut cls, mut feats, mut ss, mut es) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        for r in &staged.events {
            let (Some(sid), Some(sa)) = (int(&r[e_id]), int(&r[e_art])) else {
                continue;
            };
            let (Some(aid), Some(c)) = (pg_of.get(&sa), cluster_of.get(&sid)) else {
                continue;
            };
            touched.insert(c);
            arts.push(*aid);
            evs.push(text(&r[e_ev]).unwrap_or_default());
            cls.push(c.to_string());
            feats.push(text(&r[e_feat]));
            ss.push(int(&r[e_s]));
            es.push(int(&r[e_e]));
        }
        tx.execute(
            "UPDATE events e SET cluster = u.cluster, place_feature = u.feature,
                                 cl_start = u.s, cl_end = u.t
             FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::int8[])
                  AS u(article_id, event_id, cluster, feature, s, t)
             WHERE e.article_id = u.article_id AND e.event_id = u.event_id",
            &[&arts, &evs, &cls, &feats, &ss, &es],
        )
        .map_err(pg)?;
        let remap = |rows: &[Vec<Val>], col: usize| -> Vec<Vec<Val>> {
            rows.iter()
                .filter_map(|r| {
                    let mut r = r.clone();
                    r[col] = Val::I(Some(*pg_of.get(&int(&r[col])?)?));
                    Some(r)
                })
                .collect()
        };
        crate::copy_rows(
            tx,
            "fingerprints",
            crate::FINGERPRINT_COLS,
            &remap(&staged.prints, 0),
        )?;
        crate::copy_rows(
            tx,
            "fingerprint_bands",
            crate::BAND_COLS,
            &remap(&staged.bands, 1),
        )?;
        summarise(tx, &touched)?;
    }
    Ok(())
}

impl crate::PgStore {
    /// The WHERE clause of a filter and [`ClusterQuery`] (always over events `e` joined with
    /// articles `a`).
    fn cluster_where(
        filter: &dateline_store::Filter,
        q: &ClusterQuery,
        p: &mut crate::Params,
    ) -> Result<String> {
        let (mut wh, _) = crate::where_clause(filter, p)?;
        if let Some(c) = &q.cluster {
            wh.push_str(if wh.is_empty() { " WHERE" } else { " AND" });
            wh.push_str(&format!(" e.cluster = {}", p.push(c.trim().to_string())));
        }
        Ok(wh)
    }

    /// Events matching a filter (and [`ClusterQuery`]), newest first, each with its cluster,
    /// the cluster's counts and its article's near-duplicate link: what
    /// `dateline_store::Store::query_clustered` gives for SQLite.
    pub fn query_clustered(
        &self,
        filter: &dateline_store::Filter,
        q: &ClusterQuery,
    ) -> Result<Vec<ClusteredRow>> {
        let mut p = crate::Params::default();
        let wh = Self::cluster_where(filter, q, &mut p)?;
        let cols = crate::EVENT_SELECT;
        const N: usize = crate::EVENT_COLUMN_COUNT;
        let from = "FROM events e JOIN articles a ON a.id = e.article_id
                    LEFT JOIN clusters c ON c.id = e.cluster
                    LEFT JOIN duplicates d ON d.article_id = e.article_id
                    LEFT JOIN articles o ON o.id = d.of_article";
        let limit: Option<i64> = (filter.limit != 0).then_some(filter.limit as i64);
        let (l, o) = (p.push(limit), p.push(filter.offset as i64));
        let sql = if q.distinct {
            format!(
                "SELECT {cols}, e.cluster, c.mentions, c.articles, c.sources, o.doc_id, d.similarity {from}
                 WHERE e.id IN (SELECT min(e.id) FROM events e
                                JOIN articles a ON a.id = e.article_id{wh}
                                GROUP BY coalesce(e.cluster, 'row:' || e.id))
                 ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT {l} OFFSET {o}"
            )
        } else {
            format!(
                "SELECT {cols}, e.cluster, c.mentions, c.articles, c.sources, o.doc_id, d.similarity {from}{wh}
                 ORDER BY e.date_start DESC NULLS LAST, e.id DESC LIMIT {l} OFFSET {o}"
            )
        };
        let rows = self.client().query(&sql, &p.refs()).map_err(pg)?;
        Ok(rows
            .iter()
            .map(|r| ClusteredRow {
                row: crate::event_row(r),
                cluster: r.get(N),
                mentions: r.get(N + 1),
                articles: r.get(N + 2),
                sources: r.get(N + 3),
                duplicate_of: r.get(N + 4),
                similarity: r.get(N + 5),
            })
            .collect())
    }

    /// How many mentions (or, with `distinct`, clusters) match.
    pub fn count_clustered(
        &self,
        filter: &dateline_store::Filter,
        q: &ClusterQuery,
    ) -> Result<u64> {
        let mut p = crate::Params::default();
        let wh = Self::cluster_where(filter, q, &mut p)?;
        let what = if q.distinct {
            "count(DISTINCT coalesce(e.cluster, 'row:' || e.id))"
        } else {
            "count(*)"
        };
        // The articles only for a condition on them (every event has its article).
        let needs_article = crate::where_clause(filter, &mut crate::Params::default())?.1;
        let from = if needs_article {
            "events e JOIN articles a ON a.id = e.article_id"
        } else {
            "events e"
        };
        let sql = format!("SELECT {what} FROM {from}{wh}");
        let n: i64 = self.client().query_one(&sql, &p.refs()).map_err(pg)?.get(0);
        Ok(n as u64)
    }

    /// Cluster id and counts of every event of one article (by `article.id`), keyed by event
    /// id: what exports fill GDELT's NumMentions/NumSources/NumArticles from.
    pub fn clusters_of_article(&self, doc_id: &str) -> Result<HashMap<String, ClusterCounts>> {
        let rows = self
            .client()
            .query(
                "SELECT e.event_id, e.cluster, c.mentions, c.articles, c.sources
                 FROM events e LEFT JOIN clusters c ON c.id = e.cluster
                 WHERE e.article_id = (SELECT id FROM articles WHERE doc_id = $1
                                       ORDER BY id LIMIT 1)",
                &[&doc_id],
            )
            .map_err(pg)?;
        Ok(rows
            .iter()
            .map(|r| {
                (
                    r.get(0),
                    ClusterCounts {
                        id: r.get(1),
                        mentions: r.get::<_, Option<i64>>(2).unwrap_or(1) as u64,
                        articles: r.get::<_, Option<i64>>(3).unwrap_or(1) as u64,
                        sources: r.get::<_, Option<i64>>(4).unwrap_or(0) as u64,
                    },
                )
            })
            .collect())
    }

    /// The record of an article with each event's cluster added as
    /// `events[].cluster = {id, mentions, articles, sources}`, as
    /// `dateline_store::Store::article_clustered` gives it.
    pub fn article_clustered(&self, doc_id: &str) -> Result<Option<serde_json::Value>> {
        use dateline_store::EventStore;
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
