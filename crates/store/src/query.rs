//! Filtered event queries: a [`Filter`] becomes one SQL statement (`WHERE` clause, index choice,
//! full-text plan), and rows become [`EventRow`]s. The writer is in `lib.rs`.

use super::*;

/// Upper bound for a prefix range scan: every string starting with `p` sorts below it.
/// Upper bound for a prefix range scan (bytewise).
pub fn prefix_end(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

/// A CAMEO root filter value as stored: two digits.
pub fn normalise_root(r: &str) -> Result<String> {
    let r = r.trim();
    if r.is_empty() || r.len() > 2 || !r.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Filter(format!(
            "CAMEO root must be one or two digits, got {r:?}"
        )));
    }
    Ok(format!("{:0>2}", r))
}

/// A least confidence, checked: a number from 0 to 1 (NaN is none).
pub fn check_confidence(c: f64) -> Result<f64> {
    if (0.0..=1.0).contains(&c) {
        Ok(c)
    } else {
        Err(Error::Filter(format!(
            "min_confidence is a number from 0 to 1, got {c}"
        )))
    }
}

/// An event status filter value as stored (lower case), or the error naming the four.
pub fn normalise_status(st: &str) -> Result<String> {
    let st = st.trim().to_ascii_lowercase();
    if !matches!(
        st.as_str(),
        "occurred" | "negated" | "planned" | "hypothetical"
    ) {
        return Err(Error::Filter(format!(
            "status must be occurred, negated, planned or hypothetical, got {st:?}"
        )));
    }
    Ok(st)
}

/// The conditions a filter sets, one bit each ([`Filter::conditions`]): compared to tell which
/// plan a filter can take (an actor alone is counted on its own index).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Conditions(u16);

impl Conditions {
    pub const ACTOR: Conditions = Conditions(1);
    pub const COUNTRY: Conditions = Conditions(1 << 1);
    pub const CAMEO: Conditions = Conditions(1 << 2);
    pub const ROOT: Conditions = Conditions(1 << 3);
    pub const PLOVER: Conditions = Conditions(1 << 4);
    pub const QUAD: Conditions = Conditions(1 << 5);
    pub const STATUS: Conditions = Conditions(1 << 6);
    pub const FROM: Conditions = Conditions(1 << 7);
    pub const TO: Conditions = Conditions(1 << 8);
    pub const PLACE_COUNTRY: Conditions = Conditions(1 << 9);
    pub const ADMIN1: Conditions = Conditions(1 << 10);
    pub const BBOX: Conditions = Conditions(1 << 11);
    pub const SOURCE: Conditions = Conditions(1 << 12);
    pub const TEXT: Conditions = Conditions(1 << 13);
    pub const CONFIDENCE: Conditions = Conditions(1 << 14);

    /// How many conditions are set.
    pub fn len(self) -> u32 {
        self.0.count_ones()
    }
}

impl Filter {
    /// Which conditions this filter sets (its page, `limit` and `offset`, is no condition).
    pub(crate) fn conditions(&self) -> Conditions {
        let set = [
            (self.actor.is_some(), Conditions::ACTOR),
            (self.country.is_some(), Conditions::COUNTRY),
            (self.cameo.is_some(), Conditions::CAMEO),
            (self.root.is_some(), Conditions::ROOT),
            (self.plover.is_some(), Conditions::PLOVER),
            (self.quad.is_some(), Conditions::QUAD),
            (self.status.is_some(), Conditions::STATUS),
            (self.from.is_some(), Conditions::FROM),
            (self.to.is_some(), Conditions::TO),
            (self.place_country.is_some(), Conditions::PLACE_COUNTRY),
            (self.admin1.is_some(), Conditions::ADMIN1),
            (self.bbox.is_some(), Conditions::BBOX),
            (self.source.is_some(), Conditions::SOURCE),
            (self.text.is_some(), Conditions::TEXT),
            (self.min_confidence.is_some(), Conditions::CONFIDENCE),
        ];
        Conditions(
            set.iter()
                .filter(|(on, _)| *on)
                .fold(0, |bits, (_, c)| bits | c.0),
        )
    }

    /// The bounding box, checked: finite numbers and `min_lat <= max_lat` (a `min_lon` above
    /// `max_lon` is a box across the antimeridian). Both stores read the box through this.
    pub fn checked_bbox(&self) -> Result<Option<[f64; 4]>> {
        match self.bbox {
            Some([min_lon, min_lat, max_lon, max_lat])
                if min_lat > max_lat
                    || [min_lon, min_lat, max_lon, max_lat]
                        .iter()
                        .any(|v| !v.is_finite()) =>
            {
                Err(Error::Filter(
                    "bbox is min_lon,min_lat,max_lon,max_lat with min_lat <= max_lat".into(),
                ))
            }
            b => Ok(b),
        }
    }

    /// The least confidence, checked: a number from 0 to 1. Both stores read it through this.
    pub fn checked_min_confidence(&self) -> Result<Option<f64>> {
        self.min_confidence.map(check_confidence).transpose()
    }

    /// The tables a count or aggregate over this filter reads: the articles only when a
    /// condition is on an article column (the outlet; full text goes through `articles_fts`
    /// by the event's article id). Every event has its article, so the join drops no event:
    /// `--count --root 19 --status occurred` on 1M events read each matching event's article
    /// row for nothing.
    pub(crate) fn tables(&self) -> &'static str {
        if self.source.is_some() {
            "events e JOIN articles a ON a.id = e.article_id"
        } else {
            "events e"
        }
    }

    /// Events a listing with this filter reads: `limit + offset`, `None` without a limit.
    pub(crate) fn window(&self) -> Option<usize> {
        (self.limit > 0).then(|| self.limit.saturating_add(self.offset))
    }

    /// The WHERE clause (with `?` placeholders) and its parameters. Only parameters carry
    /// user values; the SQL text is made of fixed pieces.
    pub(crate) fn where_clause(&self, conn: &Connection) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        self.where_clause_for(conn, None)
    }

    /// [`Filter::where_clause`] for a statement that reads only the first `window` matching
    /// events, newest first (a page: `limit + offset`), or every matching event (`None`:
    /// counts, aggregates). The full-text condition is planned by it.
    pub(crate) fn where_clause_for(
        &self,
        conn: &Connection,
        window: Option<usize>,
    ) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        // Pages count each condition's events only up to COMMON (a rare one is what they
        // need to find); counts and aggregates up to PROBE.
        self.where_clause_capped(conn, window, if window.is_some() { COMMON } else { PROBE })
    }

    /// [`Filter::where_clause`] for a count that stops after a few thousand matching events
    /// (`Store::api_count_capped`): each indexed equality condition is counted only up to
    /// COMMON to plan it, as for a page (up to PROBE, two common conditions took about 12 ms
    /// to plan before a 6 ms count). With a full-text condition the counts stay at PROBE:
    /// they are weighed against the matching articles.
    pub(crate) fn where_clause_capped_count(
        &self,
        conn: &Connection,
    ) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        let cap = if self.text.is_some() { PROBE } else { COMMON };
        self.where_clause_capped(conn, None, cap)
    }

    /// [`Filter::where_clause`] for a statement that reads the row of every matching event
    /// (`Store::api_stats`): with every equality condition common, the others are tested on
    /// the driving event's row instead of looked up in their indexes when most of its newest
    /// events pass them (the row is read for those anyway; root 19 + occurred stats in Python
    /// on 1M events: 752 ms on the row, 952 ms looked up).
    pub(crate) fn where_clause_rows(
        &self,
        conn: &Connection,
    ) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        self.where_clause_plan(conn, None, PROBE, true)
    }

    /// For a statement that reads the row of every matching event (`Store::api_stats`): the
    /// WHERE clause of a scan of the whole table in storing order (`events e NOT INDEXED`),
    /// when that reads less than the indexes would. `None`: plan as usual
    /// ([`Filter::where_clause_rows`]). Only for filters of facet conditions and dates, of
    /// which the facet table counts at least an eighth of all events: a scan reads pages in
    /// order, an index reads them in date order, each page once per event on it (QuadClass 4,
    /// 632k of 1M events, in the sqlite3 shell: 0.25 s scanned, 1.3-2.0 s along the index).
    pub(crate) fn where_clause_scan(&self, conn: &Connection) -> Result<Option<Where>> {
        let own = Conditions::ROOT.0
            | Conditions::QUAD.0
            | Conditions::STATUS.0
            | Conditions::PLOVER.0
            | Conditions::PLACE_COUNTRY.0
            | Conditions::FROM.0
            | Conditions::TO.0
            | Conditions::CONFIDENCE.0;
        let c = self.conditions();
        if c == Conditions::default() || c.0 & !own != 0 {
            return Ok(None);
        }
        let Some(facets) = self.facets(conn)? else {
            return Ok(None);
        };
        let all: i64 = conn.query_row("SELECT coalesce(sum(n), 0) FROM event_facets", [], |r| {
            r.get(0)
        })?;
        if facets.total == 0 || facets.total.saturating_mul(8) < all {
            return Ok(None);
        }
        let upper = |x: &Option<String>| x.as_deref().map(|v| v.trim().to_ascii_uppercase());
        let mut w: Vec<&str> = Vec::new();
        let mut p: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(r) = &self.root {
            w.push(ROOT.on_row);
            p.push(Box::new(normalise_root(r)?));
        }
        if let Some(t) = upper(&self.plover) {
            w.push(PLOVER.on_row);
            p.push(Box::new(t));
        }
        if let Some(q) = self.quad {
            w.push(QUAD.on_row);
            p.push(Box::new(q as i64));
        }
        if let Some(st) = &self.status {
            w.push(STATUS.on_row);
            p.push(Box::new(normalise_status(st)?));
        }
        if let Some(c) = upper(&self.place_country) {
            w.push(PLACE.on_row);
            p.push(Box::new(c));
        }
        // Readable dates: the facets answered, so both parsed.
        if let Some((d, _)) = self.from.as_deref().and_then(keys::date_bounds) {
            w.push("+e.date_start >= ?");
            p.push(Box::new(d));
        }
        if let Some((_, d)) = self.to.as_deref().and_then(keys::date_bounds) {
            w.push("+e.date_end <= ? AND +e.date_start <= ?");
            p.push(Box::new(d.clone()));
            p.push(Box::new(d));
        }
        if let Some(c) = self.checked_min_confidence()? {
            w.push("+e.confidence >= ?");
            p.push(Box::new(c));
        }
        Ok(Some((format!(" WHERE {}", w.join(" AND ")), p)))
    }

    /// [`Filter::where_clause_for`] with the count above which an indexed equality condition
    /// is common (tests set it low to plan small stores as large ones).
    pub(crate) fn where_clause_capped(
        &self,
        conn: &Connection,
        window: Option<usize>,
        cap: i64,
    ) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        self.where_clause_plan(conn, window, cap, false)
    }

    /// [`Filter::where_clause_capped`]; `rows`: every matching event's row is read.
    pub(crate) fn where_clause_plan(
        &self,
        conn: &Connection,
        window: Option<usize>,
        cap: i64,
        rows: bool,
    ) -> Result<(String, Vec<Box<dyn ToSql>>)> {
        let mut w: Vec<&str> = Vec::new();
        let mut p: Vec<Box<dyn ToSql>> = Vec::new();
        // With two or more conditions, the facet table (`facets.rs`: events per month and
        // combination of root, QuadClass, status, PLOVER type and place country) tells
        // whether those of them it holds match any event together, without reading events:
        // none, and the statement reads nothing (the conditions are still checked, so a bad
        // value is still an error). `--quad 4 --status planned` (none of 1M events) probed
        // the QuadClass index for each of 141k planned events: 55-116 ms.
        let facet_dims = [
            self.cameo.is_some(),
            self.root.is_some(),
            self.plover.is_some(),
            self.quad.is_some(),
            self.status.is_some(),
            self.place_country.is_some(),
            self.min_confidence.is_some(),
        ];
        // Dates alone: their index answers at once (the facet table has no index by month).
        let facets = if self.conditions().len() >= 2 && facet_dims.contains(&true) {
            self.facets(conn)?
        } else {
            None
        };
        let empty = facets.as_ref().is_some_and(|f| f.total == 0);
        // Conditions checked row by row with a subquery: placed after the cheap column tests.
        let mut late: Vec<&str> = Vec::new();
        let mut late_p: Vec<Box<dyn ToSql>> = Vec::new();
        let upper = |x: &Option<String>| x.as_deref().map(|v| v.trim().to_ascii_uppercase());
        // An actor (or actor country) condition is planned by how common it is, counted on
        // its index up to LISTED entries: a rare one (< COMMON events) collects its few events
        // first; a common one is tested against its index (`+e.id IN`, the list read once,
        // no event row read) while events are read newest first; a very common one (LISTED or
        // more) row by row, so the first page comes without reading the whole list. Counts
        // and aggregates (`window` None) read every matching event: always collected.
        let count = |sql: &str, params: &[&dyn ToSql]| -> Result<i64> {
            Ok(conn.prepare_cached(sql)?.query_row(params, |r| r.get(0))?)
        };
        let common = |sql: &str, params: &[&dyn ToSql]| -> Result<bool> {
            Ok(count(sql, params)? >= COMMON)
        };
        if let Some(a) = upper(&self.actor) {
            let end = prefix_end(&a);
            let n = match window {
                Some(_) => count(
                    "SELECT count(*) FROM (SELECT 1 FROM event_actors
                     WHERE code >= ?1 AND code < ?2 LIMIT ?3)",
                    &[&a, &end, &LISTED],
                )?,
                None => 0,
            };
            if n >= LISTED {
                late.push(
                    "EXISTS (SELECT 1 FROM event_actors x
                             WHERE x.event_id = e.id AND x.code >= ? AND x.code < ?)",
                );
            } else if n >= COMMON {
                late.push(
                    "+e.id IN (SELECT event_id FROM event_actors WHERE code >= ? AND code < ?)",
                );
            } else {
                w.push("e.id IN (SELECT event_id FROM event_actors WHERE code >= ? AND code < ?)");
            }
            let target = if n >= COMMON { &mut late_p } else { &mut p };
            target.push(Box::new(a));
            target.push(Box::new(end));
        }
        if let Some(c) = upper(&self.country) {
            let n = match window {
                Some(_) => count(
                    "SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE country = ?1 LIMIT ?2)",
                    &[&c, &LISTED],
                )?,
                None => 0,
            };
            if n >= LISTED {
                late.push(
                    "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.country = ?)",
                );
                late_p.push(Box::new(c));
            } else if n >= COMMON {
                late.push("+e.id IN (SELECT event_id FROM event_actors WHERE country = ?)");
                late_p.push(Box::new(c));
            } else {
                w.push("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)");
                p.push(Box::new(c));
            }
        }
        // Indexed equality conditions (CAMEO code, root, PLOVER type, QuadClass, status, place
        // country, admin1). With two or more, each is counted on its own index (index only, at
        // most PROBE entries) and the rarest one drives the statement: the others are tested
        // against their own index (`+e.id IN (...)`, no event row read) when they are rare
        // too, else on the row (`+`). Without a rare one SQLite's own choice stands.
        let eq_terms = [
            self.cameo.is_some(),
            self.root.is_some(),
            self.plover.is_some(),
            self.quad.is_some(),
            self.status.is_some(),
            self.place_country.is_some(),
            self.admin1.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        let mut eqs: Vec<EqTerm> = Vec::new();
        let mut eq = |w: &mut Vec<&str>,
                      p: &mut Vec<Box<dyn ToSql>>,
                      t: EqSql,
                      values: Vec<Box<dyn ToSql>>,
                      known: Option<(i64, Option<String>)>|
         -> Result<()> {
            let n = match known {
                Some(n) => n,
                None if empty => (0, None),
                None if eq_terms >= 2
                    || (eq_terms == 1 && window.is_none() && self.text.is_some()) =>
                {
                    let mut st = conn.prepare_cached(t.probe)?;
                    let mut ps: Vec<&dyn ToSql> = values.iter().map(|v| v.as_ref()).collect();
                    ps.push(&cap);
                    st.query_row(ps.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?
                }
                None => (0, None),
            };
            eqs.push(EqTerm {
                values: (p.len(), values.len()),
                pos: w.len(),
                n: n.0,
                reached: n.1,
                sql: t,
            });
            w.push(t.plain);
            p.extend(values);
            Ok(())
        };
        if let Some(c) = self.cameo.as_deref().map(str::trim) {
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::Filter(format!(
                    "CAMEO code must be digits, got {c:?}"
                )));
            }
            let end = prefix_end(c);
            // A common code is found along the root index (its first two digits), newest
            // first; a rare one through the code index, its few events then sorted.
            let found: i64 = conn.query_row(
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE cameo >= ?1 AND cameo < ?2
                 LIMIT ?3)",
                params![c, end, if eq_terms >= 2 { cap } else { COMMON }],
                |r| r.get(0),
            )?;
            let many = found >= COMMON;
            if many && c.len() >= 2 {
                eq(
                    &mut w,
                    &mut p,
                    ROOT_OF_CODE,
                    vec![Box::new(c[..2].to_string())],
                    Some((found, None)),
                )?;
            } else if c.len() >= 2 {
                w.push("+e.root = ?");
                p.push(Box::new(c[..2].to_string()));
            }
            if many {
                w.push("+e.cameo >= ? AND +e.cameo < ?");
                p.push(Box::new(c.to_string()));
                p.push(Box::new(end));
            } else {
                eq(
                    &mut w,
                    &mut p,
                    CODE,
                    vec![Box::new(c.to_string()), Box::new(end)],
                    Some((found, None)),
                )?;
            }
        }
        if let Some(r) = &self.root {
            eq(
                &mut w,
                &mut p,
                ROOT,
                vec![Box::new(normalise_root(r)?)],
                None,
            )?;
        }
        if let Some(t) = upper(&self.plover) {
            eq(&mut w, &mut p, PLOVER, vec![Box::new(t)], None)?;
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(Error::Filter(format!("QuadClass must be 1-4, got {q}")));
            }
            eq(&mut w, &mut p, QUAD, vec![Box::new(q as i64)], None)?;
        }
        if let Some(st) = &self.status {
            let st = normalise_status(st)?;
            eq(&mut w, &mut p, STATUS, vec![Box::new(st)], None)?;
        }
        let day = |d: &str, what: &str| -> Result<String> {
            keys::date_bounds(d)
                .map(|b| if what == "from" { b.0 } else { b.1 })
                .ok_or_else(|| Error::Filter(format!("--{what}: cannot read {d:?} as a date")))
        };
        let mut dates: Vec<(usize, &str)> = Vec::new();
        if let Some(d) = &self.from {
            dates.push((w.len(), "+e.date_start >= ?"));
            w.push("e.date_start >= ?");
            p.push(Box::new(day(d, "from")?));
        }
        let mut to_pos = None;
        if let Some(d) = &self.to {
            // date_start <= date_end: the second bound is implied but bounds the index range.
            to_pos = Some(w.len());
            dates.push((w.len(), "+e.date_end <= ? AND +e.date_start <= ?"));
            w.push("e.date_end <= ? AND e.date_start <= ?");
            let to = day(d, "to")?;
            p.push(Box::new(to.clone()));
            p.push(Box::new(to));
        }
        if let Some(c) = upper(&self.place_country) {
            eq(&mut w, &mut p, PLACE, vec![Box::new(c)], None)?;
        }
        if let Some(a) = &self.admin1 {
            eq(
                &mut w,
                &mut p,
                ADMIN1,
                vec![Box::new(a.trim().to_string())],
                None,
            )?;
        }
        if eqs.len() >= 2
            && let Some(best) = eqs.iter().min_by_key(|t| t.n).map(|t| t.pos)
            && eqs.iter().any(|t| t.pos == best && t.n < cap)
        {
            // A common one is looked up in its own index at the driving event's (value,
            // date_start, id), not tested on the row: root 14 + place KE (25k events of KE, 141k
            // of root 14) counted in 14 ms against 36 ms reading each KE event's row.
            for t in eqs.iter().filter(|t| t.pos != best) {
                w[t.pos] = if t.n < cap {
                    t.sql.indexed
                } else {
                    t.sql.probe_at
                };
            }
        } else if eqs.len() >= 2
            && let Some(best) = eqs
                .iter()
                .filter_map(|t| t.reached.as_deref().map(|d| (d, t.pos)))
                .min()
                .map(|(_, pos)| pos)
        {
            // Every condition common: the sparsest one drives, read along its (value,
            // date_start) index newest first; the others are probed in their own index at the
            // driving entry's (value, date_start, id), so no event row is read to turn an
            // event away. Sparsest: its newest `cap` events reach back furthest (their counts
            // stop at `cap`, so their spread in time tells them apart). SQLite's own plan read
            // the row of each event of one condition, testing the others on it: 0.9-1.8 s for
            // QuadClass 4 + planned (none of 1M events; 141k planned, 632k QuadClass 4).
            let dense = rows && window.is_none() && {
                let drive = eqs.iter().find(|t| t.pos == best).expect("best is a term");
                let others: Vec<&str> = eqs
                    .iter()
                    .filter(|t| t.pos != best)
                    .map(|t| t.sql.probe_at)
                    .collect();
                let sql = format!(
                    "SELECT count(*), coalesce(sum(({})), 0) FROM ({}) e",
                    others.join(") AND ("),
                    drive.sql.sample
                );
                // The probes' values come first in the statement, the driving one's last.
                let mut ps: Vec<&dyn ToSql> = Vec::new();
                for t in eqs
                    .iter()
                    .filter(|t| t.pos != best)
                    .chain(std::iter::once(drive))
                {
                    ps.extend(
                        p[t.values.0..t.values.0 + t.values.1]
                            .iter()
                            .map(|b| b.as_ref()),
                    );
                }
                let (sampled, passed): (i64, i64) = conn
                    .prepare_cached(&sql)?
                    .query_row(ps.as_slice(), |r| Ok((r.get(0)?, r.get(1)?)))?;
                sampled > 0 && passed * 4 >= sampled * 3
            };
            for t in eqs.iter().filter(|t| t.pos != best) {
                w[t.pos] = if dense { t.sql.on_row } else { t.sql.probe_at };
            }
            // The end date is on the row: tested as a correlated subquery, which SQLite tests
            // after the probes (in the clause's order) instead of before them, so only events
            // that pass the probes are read (QuadClass 4 + planned in 2023: 117 -> 48 ms).
            if let Some(pos) = to_pos {
                w[pos] = "(SELECT e.date_end) <= ? AND e.date_start <= ?";
            }
            // A rare combination (fewer than `cap` events by the facet table) of common
            // conditions: the driving index is read only over the months it has events in,
            // first to last, not back to the oldest event of the driving condition.
            if let Some((first, last)) = facets
                .as_ref()
                .filter(|f| f.total < cap && self.text.is_none())
                .and_then(|f| Some((f.months.first()?.0.as_ref()?, f.months.last()?.0.as_ref()?)))
                .and_then(|(a, b)| Some((format!("{a}-01"), month_after(b)?)))
            {
                w.push("e.date_start >= ? AND e.date_start < ?");
                p.push(Box::new(first));
                p.push(Box::new(last));
            }
        }
        if let Some([min_lon, min_lat, max_lon, max_lat]) = self.checked_bbox()? {
            let many = if min_lon <= max_lon {
                common(
                    "SELECT count(*) FROM (SELECT 1 FROM events WHERE lat BETWEEN ?1 AND ?2
                     AND lon BETWEEN ?3 AND ?4 LIMIT ?5)",
                    &[&min_lat, &max_lat, &min_lon, &max_lon, &COMMON],
                )?
            } else {
                common(
                    "SELECT count(*) FROM (SELECT 1 FROM events WHERE lat BETWEEN ?1 AND ?2
                     AND (lon >= ?3 OR lon <= ?4) LIMIT ?5)",
                    &[&min_lat, &max_lat, &min_lon, &max_lon, &COMMON],
                )?
            };
            // `+` keeps the (lat, lon) index out of a plan for a box with many events.
            w.push(if many && window.is_some() {
                "+e.lat BETWEEN ? AND ?"
            } else {
                "e.lat BETWEEN ? AND ?"
            });
            p.push(Box::new(min_lat));
            p.push(Box::new(max_lat));
            if min_lon <= max_lon {
                w.push("e.lon BETWEEN ? AND ?");
            } else {
                // Crossing the antimeridian.
                w.push("(e.lon >= ? OR e.lon <= ?)");
            }
            p.push(Box::new(min_lon));
            p.push(Box::new(max_lon));
        }
        if let Some(src) = &self.source {
            w.push("a.source = ? COLLATE NOCASE");
            p.push(Box::new(src.trim().to_string()));
        }
        // A least confidence that few events reach (fewer than COMMON, counted on its index)
        // collects them from the index; a common one is tested on the row, after the indexed
        // conditions (`min_confidence 0.8` on 1M events of which none reached it read every
        // row newest first: 0.9-1.2 s).
        if let Some(c) = self.checked_min_confidence()? {
            let n = if empty {
                0
            } else {
                count(
                    "SELECT count(*) FROM (SELECT 1 FROM events WHERE confidence >= ?1 LIMIT ?2)",
                    &[&c, &cap],
                )?
            };
            w.push(if n < cap {
                "e.id IN (SELECT id FROM events WHERE confidence >= ?)"
            } else {
                "+e.confidence >= ?"
            });
            p.push(Box::new(c));
        }
        w.extend(late);
        p.extend(late_p);
        if let Some(t) = &self.text {
            let found = conn.query_row(
                "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1
                 LIMIT ?2)",
                params![t, if window.is_some() { TEXT_FEW } else { PROBE }],
                |r| r.get::<_, i64>(0),
            );
            let found = match found {
                Ok(n) => n,
                Err(e) => return Err(query_error(self)(e)),
            };
            let many = found >= TEXT_FEW;
            // Every matching event read (`window` None) with indexed equality conditions too:
            // the smaller side drives. Matching articles drive when fewer than the rarest
            // condition's events: the conditions are then tested without their indexes;
            // otherwise the articles are only tested (`+`).
            let rarest = eqs.iter().map(|t| t.n).min();
            let text_drives = match (window, rarest) {
                (None, Some(n)) => found < n,
                _ => true,
            };
            if window.is_none() && rarest.is_some() && text_drives {
                for t in &eqs {
                    w[t.pos] = if t.n < PROBE {
                        t.sql.indexed
                    } else {
                        t.sql.on_row
                    };
                }
                for (pos, plus) in &dates {
                    w[*pos] = plus;
                }
            }
            // Few: their events through the article index, then sorted. Many: events read
            // newest first, each checked against the matches read once into a temporary index
            // (`+` keeps the article index out of that plan). Every matching event is read
            // (`window` None): through the article index unless a condition drives.
            w.push(if (many && window.is_some()) || !text_drives {
                "+e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            } else {
                "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            });
            p.push(Box::new(t.clone()));
        }
        if empty {
            return Ok((" WHERE 0".into(), Vec::new()));
        }
        let sql = if w.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", w.join(" AND "))
        };
        Ok((sql, p))
    }
}

/// A WHERE clause (` WHERE ...`, or empty) and its parameters.
pub(crate) type Where = (String, Vec<Box<dyn ToSql>>);

/// The first day (`YYYY-MM-01`) of the month after `YYYY-MM`.
fn month_after(m: &str) -> Option<String> {
    let (y, mo) = m.split_once('-')?;
    let (y, mo): (i32, u32) = (y.parse().ok()?, mo.parse().ok()?);
    Some(if mo >= 12 {
        format!("{:04}-01-01", y + 1)
    } else {
        format!("{y:04}-{:02}-01", mo + 1)
    })
}

/// Events of an actor (or actor country) tested against its index as a list read once; more
/// are tested row by row (reading a list of 28,698 events of RUS took 4-8 ms for a page found
/// in 1 ms row by row; 8,022 of SYR 2 ms against 13-20 ms row by row).
const LISTED: i64 = 10_000;

/// Events a condition matches at least to be common: a page's plan counts each condition
/// only up to it, starting from a rarer one (`Store::api_events` intersects the indexes of
/// equality conditions all this common).
pub(crate) const COMMON: i64 = 5000;

/// Index entries one equality condition's count reads at most when a filter has several
/// (index only: about 3 ms on 1M events).
const PROBE: i64 = 50_000;

/// The SQL of one indexed equality condition, with the same placeholders in every form.
#[derive(Clone, Copy)]
struct EqSql {
    /// Counts its events (`?1`.. its values, then the cap).
    probe: &'static str,
    /// Its newest 1,000 events, whole rows, sampled to tell whether the other conditions are
    /// tested more cheaply on the row than in their indexes when every row is read anyway
    /// (empty: not sampled).
    sample: &'static str,
    /// The condition, free to use its index.
    plain: &'static str,
    /// Tested on the event row.
    on_row: &'static str,
    /// Tested against its own index, without reading the row.
    indexed: &'static str,
    /// Looked up in its own `(value, date_start)` index at the event's date and id: one index
    /// probe per event, no row read (for an event read along another condition's index).
    probe_at: &'static str,
}

struct EqTerm {
    /// Where its values start among the parameters, and how many.
    values: (usize, usize),
    pos: usize,
    /// Events counted, at most the cap.
    n: i64,
    /// The oldest `date_start` among the newest `n` events counted (`None`: not counted by
    /// date, or all undated).
    reached: Option<String>,
    sql: EqSql,
}

macro_rules! eq_sql {
    ($name:ident, $cond:literal, $index:literal) => {
        const $name: EqSql = EqSql {
            probe: concat!(
                "SELECT count(*), min(date_start) FROM (SELECT date_start FROM events WHERE ",
                $cond,
                " ORDER BY date_start DESC LIMIT ?2)"
            ),
            sample: concat!(
                "SELECT * FROM events WHERE ",
                $cond,
                " ORDER BY date_start DESC LIMIT 1000"
            ),
            plain: concat!("e.", $cond),
            on_row: concat!("+e.", $cond),
            indexed: concat!("+e.id IN (SELECT id FROM events WHERE ", $cond, ")"),
            probe_at: concat!(
                "EXISTS (SELECT 1 FROM events x INDEXED BY ",
                $index,
                " WHERE x.",
                $cond,
                " AND x.date_start IS e.date_start AND x.id = e.id)"
            ),
        };
    };
}
eq_sql!(ROOT, "root = ?", "events_root_date");
eq_sql!(PLOVER, "plover_type = ?", "events_plover_date");
eq_sql!(QUAD, "quad_class = ?", "events_quad_date");
eq_sql!(STATUS, "status = ?", "events_status_date");
eq_sql!(PLACE, "place_country = ?", "events_place_date");
eq_sql!(ADMIN1, "admin1 = ? COLLATE NOCASE", "events_admin1_date");
/// The root of a common CAMEO code (its count is the code's).
const ROOT_OF_CODE: EqSql = EqSql {
    probe: "",
    sample: "",
    plain: "e.root = ?",
    on_row: "+e.root = ?",
    indexed: "+e.root = ?",
    probe_at: "EXISTS (SELECT 1 FROM events x INDEXED BY events_root_date
                WHERE x.root = ? AND x.date_start IS e.date_start AND x.id = e.id)",
};
/// A rare CAMEO code, through its own index.
const CODE: EqSql = EqSql {
    probe: "",
    sample: "",
    plain: "e.cameo >= ? AND e.cameo < ?",
    on_row: "+e.cameo >= ? AND +e.cameo < ?",
    indexed: "+e.id IN (SELECT id FROM events WHERE cameo >= ? AND cameo < ?)",
    probe_at: "+e.cameo >= ? AND +e.cameo < ?",
};

/// Matching articles counted at most: fewer is a rare full-text query, read through the
/// article index; more is a common one, checked event by event against the matches read once
/// (measured on 1.05M events: reading the matches once beats probing the full-text index per
/// event by 3-10 times, 15-33 ms against 87-112 ms for a page of 100).
const TEXT_FEW: i64 = 2000;

/// The columns of an [`EventRow`], in [`event_row`]'s order (`e` events, `a` articles).
pub(crate) const EVENT_COLUMNS: &str =
    "e.id, a.doc_id, e.event_id, e.date_value, e.date_precision, e.cameo, e.root,
     e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.status,
     e.source_code, e.source_country, e.target_code, e.target_country,
     e.place_name, e.geonameid, e.place_country, e.admin1, e.lat, e.lon,
     a.source, a.url, a.published, e.trigger_text, e.trigger_start,
     e.trigger_end, e.evidence, e.confidence";

/// How many columns [`EVENT_COLUMNS`] selects: a statement's own columns after them start
/// at this index.
pub(crate) const EVENT_COLUMN_COUNT: usize = 30;

/// An [`EventRow`] from the first [`EVENT_COLUMN_COUNT`] columns of a row selected with
/// [`EVENT_COLUMNS`].
pub(crate) fn event_row(r: &rusqlite::Row) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get(0)?,
        article: r.get(1)?,
        event: r.get(2)?,
        date: r.get(3)?,
        date_precision: r.get(4)?,
        cameo: r.get(5)?,
        root: r.get(6)?,
        quad_class: r.get(7)?,
        goldstein: r.get(8)?,
        plover_type: r.get(9)?,
        plover_mode: r.get(10)?,
        status: r.get(11)?,
        source_actor: r.get(12)?,
        source_country: r.get(13)?,
        target_actor: r.get(14)?,
        target_country: r.get(15)?,
        place: r.get(16)?,
        geonameid: r.get(17)?,
        place_country: r.get(18)?,
        admin1: r.get(19)?,
        lat: r.get(20)?,
        lon: r.get(21)?,
        outlet: r.get(22)?,
        url: r.get(23)?,
        published: r.get(24)?,
        trigger: r.get(25)?,
        trigger_start: r.get(26)?,
        trigger_end: r.get(27)?,
        evidence: r.get(28)?,
        confidence: r.get(29)?,
    })
}

/// With a full-text query in the filter, a plain SQL error (SQLITE_ERROR, not busy or I/O)
/// comes from FTS5 parsing that query: report it as a bad filter value.
pub(crate) fn query_error(filter: &Filter) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| match &e {
        rusqlite::Error::SqliteFailure(f, msg)
            if filter.text.is_some() && f.code == rusqlite::ErrorCode::Unknown =>
        {
            Error::Filter(format!(
                "--text: not a valid FTS5 query ({})",
                msg.as_deref().unwrap_or("syntax error")
            ))
        }
        _ => Error::Sqlite(e),
    }
}
