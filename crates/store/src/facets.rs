//! Event facet counts: how many events each combination of the low-cardinality columns has
//! per month of `date_start` (`event_facets`, schema version 5). The writer adds each batch's
//! events to it, aggregated in memory and written once per batch ([`record`]); a migration
//! fills it for stores written before ([`FILL`], [`rebuild`]). Events are only ever inserted
//! (an article stored again adds nothing, a repeated event id within an article is not
//! stored), and none of these columns is updated afterwards, so the counts stay exact.
//!
//! The planner reads it to tell, without reading any event, that common conditions match no
//! event together (`--quad 4 --status planned`: no event of 1M, where the old plan probed an
//! index for each of 141k planned events); counts of filters made only of these conditions
//! are summed from it ([`Filter::facet_count`]).

use super::*;

/// The dimensions of a facet row, in the table's column order (after `month`).
const DIMS: &str = "root, quad_class, status, plover_type, place_country, conf_band";

/// (Re)fills `event_facets` from the events table (`schema::MIGRATIONS` runs the same text).
pub const FILL: &str = crate::schema::facets_fill_banded!();

/// Count every event again: for tools that write event rows themselves (the `grow_store`
/// example copies rows with SQL).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!("DELETE FROM event_facets; {FILL}"))?;
    Ok(())
}

/// One facet row's key: month, root, QuadClass, status, PLOVER type, place country,
/// confidence band.
type Key<'a> = (
    Option<&'a str>,
    &'a str,
    Option<i64>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<i64>,
);

/// An event's confidence band, `floor(confidence × 10)`, as the fill computes it in SQL
/// (`CAST(confidence * 10 AS INTEGER)`, the same double arithmetic).
pub(crate) fn band(confidence: f64) -> i64 {
    (confidence * 10.0) as i64
}

/// Add the events a batch stored (each once) to the facet counts, one row update per distinct
/// combination.
pub(crate) fn record<'a>(
    tx: &Transaction,
    events: impl IntoIterator<Item = &'a EventIn>,
) -> Result<()> {
    let mut counts: rustc_hash::FxHashMap<Key<'a>, i64> = Default::default();
    for e in events {
        let month = e.date_bounds.as_ref().and_then(|b| b.0.get(..7));
        *counts
            .entry((
                month,
                e.root.as_str(),
                e.quad_class,
                e.status.as_str(),
                e.plover_type.as_deref(),
                e.place_country.as_deref(),
                e.confidence.map(band),
            ))
            .or_default() += 1;
    }
    if counts.is_empty() {
        return Ok(());
    }
    let mut up = tx.prepare_cached(
        "UPDATE event_facets SET n = n + ?8
         WHERE root = ?2 AND status = ?4 AND plover_type IS ?5 AND place_country IS ?6
           AND quad_class IS ?3 AND month IS ?1 AND conf_band IS ?7",
    )?;
    let mut ins = tx.prepare_cached(&format!(
        "INSERT INTO event_facets (month, {DIMS}, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    ))?;
    for (k, n) in counts {
        let p = params![k.0, k.1, k.2, k.3, k.4, k.5, k.6, n];
        if up.execute(p)? == 0 {
            ins.execute(p)?;
        }
    }
    Ok(())
}

/// What the facet table tells about a filter's conditions.
#[derive(Debug, Default)]
pub(crate) struct Facets {
    /// Events of the filter's facet conditions (a superset of the filter's events unless
    /// `exact`).
    pub total: i64,
    /// The months (`YYYY-MM`, `None`: undated) those events fall in, in order, with counts.
    pub months: Vec<(Option<String>, i64)>,
}

/// The facet table's conditions of a filter, their values, and whether they are all of its
/// conditions (the facets' count is then exactly the filter's).
type FacetWhere = (Vec<String>, Vec<Box<dyn ToSql>>, bool);

impl Filter {
    /// The conditions of this filter the facet table can test (with its placeholders'
    /// values), and whether those are all of its conditions.
    fn facet_conditions(&self) -> Result<FacetWhere> {
        let mut w: Vec<String> = Vec::new();
        let mut p: Vec<Box<dyn ToSql>> = Vec::new();
        let upper = |x: &Option<String>| x.as_deref().map(|v| v.trim().to_ascii_uppercase());
        // Conditions it cannot test (it holds no actor, code, region, coordinates, outlet
        // or text): the answer is then an upper bound.
        let mut exact = self.actor.is_none()
            && self.country.is_none()
            && self.cameo.is_none()
            && self.admin1.is_none()
            && self.bbox.is_none()
            && self.source.is_none()
            && self.text.is_none()
            && self.min_confidence.is_none();
        if let Some(c) = self.cameo.as_deref().map(str::trim) {
            // A code's events are its root's (the planner tests `root` = its first digits).
            if c.len() >= 2 && c.bytes().all(|b| b.is_ascii_digit()) {
                w.push("root = ?".into());
                p.push(Box::new(c[..2].to_string()));
            }
        }
        if let Some(r) = &self.root {
            w.push("root = ?".into());
            p.push(Box::new(normalise_root(r)?));
        }
        if let Some(t) = upper(&self.plover) {
            w.push("plover_type = ?".into());
            p.push(Box::new(t));
        }
        if let Some(q) = self.quad {
            w.push("quad_class = ?".into());
            p.push(Box::new(q as i64));
        }
        if let Some(st) = &self.status {
            w.push("status = ?".into());
            p.push(Box::new(normalise_status(st)?));
        }
        if let Some(c) = upper(&self.place_country) {
            w.push("place_country = ?".into());
            p.push(Box::new(c));
        }
        // Every event at or above a least confidence is in its band or above (an upper bound:
        // the band also holds events just below it).
        if let Some(c) = self.checked_min_confidence()? {
            w.push("conf_band >= ?".into());
            p.push(Box::new(band(c)));
        }
        if let Some(q) = self.quad
            && !(1..=4).contains(&q)
        {
            return Err(Error::Filter(format!("QuadClass must be 1-4, got {q}")));
        }
        // Dates: an event from `from` on starts in its month or later (exact when `from` is
        // a month's first day); one up to `to` starts in its month or earlier (its end date
        // is not in the table: never exact). An undated event matches neither. A date the
        // store cannot read is the planner's error to report: nothing is tested here then.
        let bound = |d: &Option<String>| d.as_deref().map(keys::date_bounds);
        match (bound(&self.from), bound(&self.to)) {
            (Some(None), _) | (_, Some(None)) => return Ok((Vec::new(), Vec::new(), false)),
            (from, to) => {
                if let Some(Some(d)) = from {
                    exact &= d.0.ends_with("-01");
                    w.push("month >= ?".into());
                    p.push(Box::new(d.0.get(..7).unwrap_or_default().to_string()));
                }
                if let Some(Some(d)) = to {
                    exact = false;
                    w.push("month <= ?".into());
                    p.push(Box::new(d.1.get(..7).unwrap_or_default().to_string()));
                }
            }
        }
        Ok((w, p, exact))
    }

    /// The facet table's answer for this filter: `None` when it tests none of its conditions
    /// (or the filter has none: then the whole table is the answer only for a count, see
    /// [`Filter::facet_count`]).
    pub(crate) fn facets(&self, conn: &Connection) -> Result<Option<Facets>> {
        let (w, p, _) = self.facet_conditions()?;
        if w.is_empty() {
            return Ok(None);
        }
        read(conn, &w, &p).map(Some)
    }

    /// How many events match, from the facet table alone, when it can tell exactly: every
    /// condition is on a facet column (root, QuadClass, status, PLOVER type, place country,
    /// a `from` on a month's first day), or there is none. `None`: count the events.
    pub fn facet_count(&self, conn: &Connection) -> Result<Option<u64>> {
        let (w, p, exact) = self.facet_conditions()?;
        if !exact || (w.is_empty() && self.conditions() != Conditions::default()) {
            return Ok(None);
        }
        Ok(Some(read(conn, &w, &p)?.total.max(0) as u64))
    }
}

fn read(conn: &Connection, w: &[String], p: &[Box<dyn ToSql>]) -> Result<Facets> {
    let wh = if w.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", w.join(" AND "))
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT month, sum(n) FROM event_facets{wh} GROUP BY month ORDER BY month"
    ))?;
    let ps: Vec<&dyn ToSql> = p.iter().map(|b| b.as_ref()).collect();
    let months: Vec<(Option<String>, i64)> = st
        .query_map(ps.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Facets {
        total: months.iter().map(|m| m.1).sum(),
        months,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const ROOTS: [(&str, i64); 4] = [("19", 4), ("04", 1), ("14", 4), ("11", 3)];
    const STATUSES: [&str; 3] = ["occurred", "planned", "negated"];
    const PLOVERS: [Option<&str>; 3] = [Some("ASSAULT"), None, Some("PROTEST")];
    const PLACES: [Option<&str>; 4] = [Some("SY"), Some("KE"), None, Some("UA")];
    const DATES: [Option<&str>; 6] = [
        Some("2024-03-05"),
        Some("2024-03"),
        None,
        Some("2023-12-31"),
        Some("2024-01-20/2024-02-03"),
        Some("2024-W05"),
    ];

    /// Article `i` with `1 + i % 3` events whose columns cycle at different rates; every
    /// fifth article repeats its first event id (the repeat is not stored).
    fn record(i: usize, tag: &str) -> Value {
        let text = format!("Article {tag} {i} about events.");
        let mut events = Vec::new();
        for j in 0..1 + i % 3 {
            let k = i * 3 + j;
            let (root, quad) = ROOTS[k % 4];
            let id = if i.is_multiple_of(5) && j == 1 {
                "v0".to_string()
            } else {
                format!("v{j}")
            };
            let mut ev = json!({
                "id": id, "cameo": format!("{root}0"), "cameo_root": root, "quad_class": quad,
                "status": STATUSES[(k / 2) % 3], "sentence": 0,
                "trigger": {"start": 0, "end": 7},
            });
            if let Some(t) = PLOVERS[(k / 3) % 3] {
                ev["plover"] = json!({"type": t});
            }
            if let Some(d) = DATES[(k / 5) % 6] {
                ev["date"] = json!({"value": d});
            }
            let place = PLACES[(k / 7) % 4];
            if place.is_some() {
                ev["place"] = json!({"place": "p1"});
            }
            // confidences across the bands, on their edges (0.3, 0.6, 0.7), and none
            if !k.is_multiple_of(11) {
                ev["confidence"] = json!([0.3, 0.29, 0.6, 0.59, 0.7, 0.71, 0.95][k % 7]);
            }
            events.push(ev);
        }
        let place = PLACES[((i * 3) / 7) % 4].unwrap_or("SY");
        json!({
            "schema": "dateline/1",
            "article": {"id": format!("{tag}{i}"), "text": text, "published": "2024-03-01"},
            "sentences": [{"start": 0, "end": text.len()}],
            "places": [{"id": "p1", "name": "Somewhere", "country": place}],
            "events": events,
        })
    }

    /// The facet table and the events table counted the same way, as sorted rows.
    fn both(conn: &Connection) -> (Vec<String>, Vec<String>) {
        let rows = |sql: &str| -> Vec<String> {
            let mut st = conn.prepare(sql).unwrap();
            let mut v: Vec<String> = st
                .query_map([], |r| {
                    Ok(format!(
                        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        r.get::<_, i64>(7)?
                    ))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            v.sort();
            v
        };
        (
            rows(&format!(
                "SELECT month, {DIMS}, sum(n) FROM event_facets GROUP BY month, {DIMS}
                 HAVING sum(n) != 0"
            )),
            rows(
                "SELECT substr(date_start, 1, 7), root, quad_class, status, plover_type,
                        place_country, CAST(confidence * 10 AS INTEGER), count(*) FROM events
                 GROUP BY 1, 2, 3, 4, 5, 6, 7",
            ),
        )
    }

    fn assert_same(st: &Store, when: &str) {
        let (facets, events) = both(st.connection());
        assert!(!events.is_empty(), "{when}: no events");
        assert_eq!(
            facets, events,
            "facet counts drifted from the events {when}"
        );
        // One row per combination: the writer adds to a row rather than repeating it.
        let rows: i64 = st
            .connection()
            .query_row("SELECT count(*) FROM event_facets", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            rows as usize,
            facets.len(),
            "{when}: a combination repeated"
        );
    }

    #[test]
    fn facet_counts_follow_every_batch_repeat_and_migration() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.db");
        let mut st = Store::open(&path).unwrap();
        // A first large batch (its indexes built after the rows), then small ones, one of
        // them all present already, one half new.
        let big: Vec<Value> = (0..700).map(|i| record(i, "a")).collect();
        st.insert_batch(&big).unwrap();
        assert_same(&st, "after a bulk batch");
        for chunk in (700..760).collect::<Vec<_>>().chunks(7) {
            let recs: Vec<Value> = chunk.iter().map(|&i| record(i, "a")).collect();
            st.insert_batch(&recs).unwrap();
        }
        assert_same(&st, "after small batches");
        let again: Vec<Value> = (690..720).map(|i| record(i, "a")).collect();
        let stats = st.insert_batch(&again).unwrap();
        assert_eq!((stats.new, stats.present), (0, 30));
        let half: Vec<Value> = (740..780).map(|i| record(i, "a")).collect();
        st.insert_batch(&half).unwrap();
        assert_same(&st, "after batches stored again");
        let facets = both(st.connection()).0;
        drop(st);
        // A store of version 4 gets its facets counted when opened.
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("DROP TABLE event_facets; PRAGMA user_version = 4;")
                .unwrap();
        }
        let st = Store::open(&path).unwrap();
        assert_eq!(
            st.schema_version().unwrap(),
            crate::schema::MIGRATIONS.len() as i64
        );
        assert_same(&st, "after the migration");
        assert_eq!(both(st.connection()).0, facets);
        // Rows written by hand (as `grow_store` does) drift until counted again.
        st.connection()
            .execute_batch(
                "INSERT INTO events (article_id, event_id, cameo, root, status)
                 SELECT article_id, event_id || 'x', cameo, root, status FROM events LIMIT 5",
            )
            .unwrap();
        let (f, e) = both(st.connection());
        assert_ne!(f, e, "the check must see a drift");
        rebuild(st.connection()).unwrap();
        assert_same(&st, "after rebuild");
    }

    #[test]
    fn counts_and_pages_with_facets_match_the_events() {
        let mut st = Store::open_in_memory().unwrap();
        let recs: Vec<Value> = (0..300).map(|i| record(i, "b")).collect();
        st.insert_batch(&recs).unwrap();
        let conn = st.connection();
        let mut checked = (0, 0);
        let cs = st.cluster_support().unwrap();
        let (mut scanned, mut spans) = (0, 0);
        for root in [None, Some("19"), Some("4"), Some("11")] {
            for status in [None, Some("planned"), Some("Negated"), Some("hypothetical")] {
                for place in [None, Some("sy"), Some("UA")] {
                    for plover in [None, Some("assault")] {
                        for quad in [None, Some(4u8), Some(1)] {
                            for from in [None, Some("2024-02"), Some("2024-01-25")] {
                                for (to, min_confidence) in [
                                    (None, None),
                                    (Some("2024-02-10"), None),
                                    (None, Some(0.6)),
                                    (Some("2024-02-10"), Some(0.7)),
                                    (None, Some(0.95)),
                                ] {
                                    let f = Filter {
                                        root: root.map(Into::into),
                                        status: status.map(Into::into),
                                        place_country: place.map(Into::into),
                                        plover: plover.map(Into::into),
                                        quad,
                                        from: from.map(Into::into),
                                        to: to.map(Into::into),
                                        min_confidence,
                                        limit: 1000,
                                        ..Filter::default()
                                    };
                                    // The planner's statement, counted.
                                    let (wh, p) =
                                        f.where_clause_plan(conn, None, 0, false).unwrap();
                                    let sql = format!("SELECT count(*) FROM events e{wh}");
                                    let ps: Vec<&dyn ToSql> =
                                        p.iter().map(|b| b.as_ref()).collect();
                                    let n: i64 =
                                        conn.query_row(&sql, ps.as_slice(), |r| r.get(0)).unwrap();
                                    let brute = brute_count(conn, &f);
                                    assert_eq!(n as u64, brute, "{f:?}");
                                    if let Some(c) = f.facet_count(conn).unwrap() {
                                        assert_eq!(c, brute, "facet count of {f:?}");
                                        checked.0 += 1;
                                    }
                                    assert_eq!(st.count(&f).unwrap(), brute, "{f:?}");
                                    assert_eq!(st.query(&f).unwrap().len() as u64, brute, "{f:?}");
                                    // Planned as on a large store (conditions of
                                    // 20 events or more common): a rare combination
                                    // reads only the months it has events in.
                                    let (wh, p) =
                                        f.where_clause_plan(conn, None, 20, false).unwrap();
                                    spans += wh.contains("e.date_start < ?") as usize;
                                    let n: i64 = conn
                                        .query_row(
                                            &format!("SELECT count(*) FROM events e{wh}"),
                                            p.iter()
                                                .map(|b| b.as_ref())
                                                .collect::<Vec<&dyn ToSql>>()
                                                .as_slice(),
                                            |r| r.get(0),
                                        )
                                        .unwrap();
                                    assert_eq!(n as u64, brute, "cap 20: {f:?}");
                                    // Stats: a scan of the table when the
                                    // facets say the conditions are dense.
                                    let stats = st.api_stats(&f, cs).unwrap();
                                    assert_eq!(stats.events as u64, brute, "{f:?}");
                                    let dated: i64 = stats.by_day.iter().map(|d| d.1).sum();
                                    assert_eq!(dated + stats.undated, stats.events);
                                    scanned +=
                                        f.where_clause_scan(conn).unwrap().is_some() as usize;
                                    if let Some(fa) = f.facets(conn).unwrap() {
                                        assert!(fa.total as u64 >= brute, "{f:?}");
                                        checked.1 += (brute == 0) as usize;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked.0 > 100 && checked.1 > 100, "{checked:?}");
        assert!(scanned > 10, "{scanned} stats scanned");
        assert!(spans > 10, "{spans} plans read a span of months");
        // A bad value is still an error when the facets would have answered.
        let bad = Filter {
            quad: Some(7),
            status: Some("planned".into()),
            ..Filter::default()
        };
        assert!(matches!(st.count(&bad), Err(Error::Filter(_))));
        let bad = Filter {
            root: Some("19".into()),
            status: Some("hypothetical".into()),
            to: Some("soon".into()),
            ..Filter::default()
        };
        assert!(matches!(st.query(&bad), Err(Error::Filter(_))));
    }

    /// Events matching `f`'s facet-column and date conditions, tested in Rust on every row.
    fn brute_count(conn: &Connection, f: &Filter) -> u64 {
        let mut st = conn
            .prepare(
                "SELECT root, quad_class, status, plover_type, place_country, date_start,
                        date_end, confidence FROM events",
            )
            .unwrap();
        let day = |d: &Option<String>, first: bool| {
            d.as_deref()
                .and_then(keys::date_bounds)
                .map(|b| if first { b.0 } else { b.1 })
        };
        let (from, to) = (day(&f.from, true), day(&f.to, false));
        let root = f.root.as_deref().map(|r| normalise_root(r).unwrap());
        let status = f.status.as_deref().map(|s| normalise_status(s).unwrap());
        let up = |x: &Option<String>| x.as_deref().map(str::to_ascii_uppercase);
        let (place, plover) = (up(&f.place_country), up(&f.plover));
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<f64>>(7)?,
                ))
            })
            .unwrap();
        let mut n = 0;
        for r in rows {
            let (r0, q, s, pl, pc, ds, de, c) = r.unwrap();
            let ok = root.as_ref().is_none_or(|x| *x == r0)
                && f.quad.is_none_or(|x| Some(x as i64) == q)
                && status.as_ref().is_none_or(|x| *x == s)
                && plover.as_ref().is_none_or(|x| Some(x) == pl.as_ref())
                && place.as_ref().is_none_or(|x| Some(x) == pc.as_ref())
                && from
                    .as_ref()
                    .is_none_or(|x| ds.as_ref().is_some_and(|d| d >= x))
                && to.as_ref().is_none_or(|x| {
                    de.as_ref().is_some_and(|d| d <= x) && ds.as_ref().is_some_and(|d| d <= x)
                })
                && f.min_confidence.is_none_or(|m| c.is_some_and(|c| c >= m));
            n += ok as u64;
        }
        n
    }
}
