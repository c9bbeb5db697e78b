//! Filtered event queries: a [`Filter`] becomes one SQL statement (`WHERE` clause, index choice,
//! full-text plan), and rows become [`EventRow`]s. The writer is in `lib.rs`.

use super::*;

/// Upper bound for a prefix range scan: every string starting with `p` sorts below it.
pub(crate) fn prefix_end(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

pub(crate) fn normalise_root(r: &str) -> Result<String> {
    let r = r.trim();
    if r.is_empty() || r.len() > 2 || !r.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Filter(format!(
            "CAMEO root must be one or two digits, got {r:?}"
        )));
    }
    Ok(format!("{:0>2}", r))
}

impl Filter {
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
        let mut w: Vec<&str> = Vec::new();
        let mut p: Vec<Box<dyn ToSql>> = Vec::new();
        // Conditions checked row by row with a subquery: placed after the cheap column tests.
        let mut late: Vec<&str> = Vec::new();
        let mut late_p: Vec<Box<dyn ToSql>> = Vec::new();
        let upper = |x: &Option<String>| x.as_deref().map(|v| v.trim().to_ascii_uppercase());
        // An actor condition is planned by how common the actor is: a common one is checked
        // row by row while events are read newest first (the first page comes quickly); a rare
        // one collects its few events first. Counting stops at COMMON rows.
        const COMMON: i64 = 5000;
        let common = |sql: &str, params: &[&dyn ToSql]| -> Result<bool> {
            let n: i64 = conn.query_row(sql, params, |r| r.get(0))?;
            Ok(n >= COMMON)
        };
        if let Some(a) = upper(&self.actor) {
            let end = prefix_end(&a);
            let many = common(
                "SELECT count(*) FROM (SELECT 1 FROM event_actors
                 WHERE code >= ?1 AND code < ?2 LIMIT ?3)",
                &[&a, &end, &COMMON],
            )?;
            if many {
                late.push(
                    "EXISTS (SELECT 1 FROM event_actors x
                             WHERE x.event_id = e.id AND x.code >= ? AND x.code < ?)",
                );
                late_p.push(Box::new(a));
                late_p.push(Box::new(end));
            } else {
                w.push("e.id IN (SELECT event_id FROM event_actors WHERE code >= ? AND code < ?)");
                p.push(Box::new(a));
                p.push(Box::new(end));
            }
        }
        if let Some(c) = upper(&self.country) {
            let many = common(
                "SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE country = ?1 LIMIT ?2)",
                &[&c, &COMMON],
            )?;
            if many {
                late.push(
                    "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.country = ?)",
                );
                late_p.push(Box::new(c));
            } else {
                w.push("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)");
                p.push(Box::new(c));
            }
        }
        if let Some(c) = self.cameo.as_deref().map(str::trim) {
            if c.is_empty() || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::Filter(format!(
                    "CAMEO code must be digits, got {c:?}"
                )));
            }
            let end = prefix_end(c);
            // A common code is found along the root index (its first two digits), newest
            // first; a rare one through the code index, its few events then sorted.
            let many = common(
                "SELECT count(*) FROM (SELECT 1 FROM events WHERE cameo >= ?1 AND cameo < ?2
                 LIMIT ?3)",
                &[&c, &end, &COMMON],
            )?;
            if c.len() >= 2 {
                w.push(if many { "e.root = ?" } else { "+e.root = ?" });
                p.push(Box::new(c[..2].to_string()));
            }
            w.push(if many {
                "+e.cameo >= ? AND +e.cameo < ?"
            } else {
                "e.cameo >= ? AND e.cameo < ?"
            });
            p.push(Box::new(c.to_string()));
            p.push(Box::new(end));
        }
        if let Some(r) = &self.root {
            w.push("e.root = ?");
            p.push(Box::new(normalise_root(r)?));
        }
        if let Some(t) = upper(&self.plover) {
            w.push("e.plover_type = ?");
            p.push(Box::new(t));
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(Error::Filter(format!("QuadClass must be 1-4, got {q}")));
            }
            w.push("e.quad_class = ?");
            p.push(Box::new(q as i64));
        }
        if let Some(st) = &self.status {
            let st = st.trim().to_ascii_lowercase();
            if !matches!(
                st.as_str(),
                "occurred" | "negated" | "planned" | "hypothetical"
            ) {
                return Err(Error::Filter(format!(
                    "status must be occurred, negated, planned or hypothetical, got {st:?}"
                )));
            }
            w.push("e.status = ?");
            p.push(Box::new(st));
        }
        let day = |d: &str, what: &str| -> Result<String> {
            keys::date_bounds(d)
                .map(|b| if what == "from" { b.0 } else { b.1 })
                .ok_or_else(|| Error::Filter(format!("--{what}: cannot read {d:?} as a date")))
        };
        if let Some(d) = &self.from {
            w.push("e.date_start >= ?");
            p.push(Box::new(day(d, "from")?));
        }
        if let Some(d) = &self.to {
            // date_start <= date_end: the second bound is implied but bounds the index range.
            w.push("e.date_end <= ? AND e.date_start <= ?");
            let to = day(d, "to")?;
            p.push(Box::new(to.clone()));
            p.push(Box::new(to));
        }
        if let Some(c) = upper(&self.place_country) {
            w.push("e.place_country = ?");
            p.push(Box::new(c));
        }
        if let Some(a) = &self.admin1 {
            w.push("e.admin1 = ? COLLATE NOCASE");
            p.push(Box::new(a.trim().to_string()));
        }
        if let Some([min_lon, min_lat, max_lon, max_lat]) = self.bbox {
            if min_lat > max_lat
                || [min_lon, min_lat, max_lon, max_lat]
                    .iter()
                    .any(|v| !v.is_finite())
            {
                return Err(Error::Filter(
                    "bbox is min_lon,min_lat,max_lon,max_lat with min_lat <= max_lat".into(),
                ));
            }
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
            w.push(if many {
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
        w.extend(late);
        p.extend(late_p);
        if let Some(t) = &self.text {
            let many = conn.query_row(
                "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1
                 LIMIT ?2)",
                params![t, TEXT_FEW],
                |r| r.get::<_, i64>(0),
            );
            let many = match many {
                Ok(n) => n >= TEXT_FEW,
                Err(e) => return Err(query_error(self)(e)),
            };
            // Few: their events through the article index, then sorted. Many: events read
            // newest first, each checked against the matches read once into a temporary index
            // (`+` keeps the article index out of that plan). Every matching event is read
            // anyway (`window` is `None`): through the article index.
            w.push(if many && window.is_some() {
                "+e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            } else {
                "e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            });
            p.push(Box::new(t.clone()));
        }
        let sql = if w.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", w.join(" AND "))
        };
        Ok((sql, p))
    }
}

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
     e.trigger_end, e.evidence";

/// An [`EventRow`] from the first 29 columns of a row selected with [`EVENT_COLUMNS`].
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
