//! Event clustering: event mentions across articles grouped into one real-world event.

use crate::date;
use rustc_hash::FxHashMap;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use xxhash_rust::xxh3::xxh3_64;

/// Two mentions' dates may be at most this many days apart (gap between their intervals).
pub const WINDOW_DAYS: i32 = 2;
/// Mentions whose date interval is longer than this (month, year, long ranges) are too vague to
/// place in time and are never merged: each stays its own event.
pub const MAX_SPAN_DAYS: i32 = 8;
/// Two places with coordinates may be at most this far apart (great-circle distance).
pub const MAX_KM: f64 = 50.0;
/// At most this many (earliest) members of a cluster are compared with a new mention.
pub const MAX_COMPARED: usize = 32;

/// The place of a mention, as far as the record knows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    /// `places[].name`, as written.
    pub name: Option<String>,
    pub geonameid: Option<i64>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One event mention read from a `dateline/1` record: only what the rule needs, plus its ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub article: String,
    pub event: String,
    /// `article.source` (outlet), for the sources count.
    pub source: Option<String>,
    pub cameo: String,
    pub root: String,
    pub status: String,
    /// Actor codes of the source side (`USAGOV`) — empty when uncoded.
    pub actors_source: Vec<String>,
    pub actors_target: Vec<String>,
    pub place: Option<Place>,
    /// Inclusive day-number interval of `date.value` (falling back to `article.published`).
    pub days: Option<(i32, i32)>,
    /// `same_as` within the article: this mention repeats that event id.
    pub same_as: Option<String>,
}

/// Whether a place feature is a country or first-level region: such a place is no point, and
/// the rule reads it as "somewhere in this country" (its geonameid and centroid are dropped).
pub fn is_region(feature: Option<&str>) -> bool {
    matches!(feature, Some("country" | "admin1" | "region"))
}

/// The place of a mention as every reader builds it (a `dateline/1` record, the SQLite and
/// the PostgreSQL store): a country or first-level region is no point — its centroid says
/// nothing about where in it the event was — so it keeps only its country, and without a name
/// it is never taken for an unresolved point place. `None` when nothing is known.
pub fn mention_place(
    name: Option<String>,
    geonameid: Option<i64>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    feature: Option<&str>,
) -> Option<Place> {
    let p = if is_region(feature) {
        Place {
            name: None,
            geonameid: None,
            country,
            lat: None,
            lon: None,
        }
    } else {
        Place {
            name,
            geonameid,
            country,
            lat,
            lon,
        }
    };
    (p.name.is_some()
        || p.geonameid.is_some()
        || p.country.is_some()
        || p.lat.is_some()
        || p.lon.is_some())
    .then_some(p)
}

fn s(v: &Value, p: &str) -> Option<String> {
    v.pointer(p).and_then(Value::as_str).map(str::to_owned)
}

fn codes(args: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = args
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("code").and_then(Value::as_str))
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The event mentions of one `dateline/1` record (none for an error line).
pub fn mentions(record: &Value) -> Vec<Mention> {
    let Some(article) = s(record, "/article/id") else {
        return Vec::new();
    };
    let source = s(record, "/article/source");
    let published = record
        .pointer("/article/published")
        .and_then(Value::as_str)
        .and_then(date::interval);
    let places: HashMap<&str, &Value> = record
        .get("places")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p.get("id")?.as_str()?, p)))
        .collect();
    let Some(events) = record.get("events").and_then(Value::as_array) else {
        return Vec::new();
    };
    events
        .iter()
        .filter_map(|e| {
            let cameo = s(e, "/cameo")?;
            let root = s(e, "/cameo_root").unwrap_or_else(|| cameo.chars().take(2).collect());
            let place = e
                .pointer("/place/place")
                .and_then(Value::as_str)
                .and_then(|id| places.get(id))
                .and_then(|p| {
                    mention_place(
                        p.get("name").and_then(Value::as_str).map(str::to_owned),
                        p.get("geonameid").and_then(Value::as_i64),
                        p.get("country").and_then(Value::as_str).map(str::to_owned),
                        p.get("lat").and_then(Value::as_f64),
                        p.get("lon").and_then(Value::as_f64),
                        p.get("feature").and_then(Value::as_str),
                    )
                });
            let days = match e.pointer("/date/value").and_then(Value::as_str) {
                Some(v) => date::interval(v),
                None => published,
            };
            Some(Mention {
                article: article.clone(),
                event: s(e, "/id")?,
                source: source.clone(),
                cameo,
                root,
                status: s(e, "/status").unwrap_or_else(|| "occurred".into()),
                actors_source: codes(e.get("source")),
                actors_target: codes(e.get("target")),
                place,
                days,
                same_as: s(e, "/same_as"),
            })
        })
        .collect()
}

/// Great-circle distance in km (haversine, mean Earth radius 6371 km).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Non-state CAMEO prefixes that are not a country (so `IGOUNO` and `IGOEUR` share no country).
const NOT_COUNTRY: &[&str] = &[
    "IGO", "NGO", "NGM", "MNC", "MED", "REB", "COP", "GOV", "MIL", "OPP", "CVL", "BUS", "UAF",
    "SPY", "JUD", "LEG", "EDU", "REL", "ELI", "HLH", "LAB", "AGR", "CRM", "ENV", "REF", "MOD",
    "RAD", "INS", "SEP", "UIS",
];

fn country(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    (c.bytes().all(|b| b.is_ascii_uppercase()) && !NOT_COUNTRY.contains(&c)).then_some(c)
}

/// Two actor sides overlap when either is empty, they share a code, or they share a country.
pub fn actors_overlap(a: &[String], b: &[String]) -> bool {
    a.is_empty()
        || b.is_empty()
        || a.iter().any(|x| {
            b.iter()
                .any(|y| x == y || (country(x).is_some() && country(x) == country(y)))
        })
}

/// Places agree when within [`MAX_KM`] (both with coordinates), else when they have the same
/// geonameid, else the same country. A mention without a place agrees with any place.
///
/// A named place the gazetteer could not resolve (no geonameid, no coordinates: "the village
/// of X") says where the event was without saying how far that is from anything else, so it
/// agrees only with a place of the same name (case-insensitive) whose country does not differ;
/// never with another named place merely because both lie in one country. A country or region
/// (read without name or point, see [`is_region`]) still agrees with it by country.
pub fn places_agree(a: Option<&Place>, b: Option<&Place>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) {
        return haversine_km(la, oa, lb, ob) <= MAX_KM;
    }
    if let (Some(x), Some(y)) = (a.geonameid, b.geonameid) {
        return x == y;
    }
    // a country or region (no name, no point) contains the unresolved place: agree by country
    let area = |p: &Place| p.name.is_none() && p.geonameid.is_none() && p.lat.is_none();
    if (unresolved_named(a) || unresolved_named(b)) && !area(a) && !area(b) {
        let same_name = matches!((&a.name, &b.name),
            (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase());
        let countries_differ = matches!((&a.country, &b.country),
            (Some(x), Some(y)) if x != y);
        return same_name && !countries_differ;
    }
    matches!((&a.country, &b.country), (Some(x), Some(y)) if x == y)
}

/// A place with a name but neither a geonameid nor coordinates: a toponym the gazetteer could
/// not resolve (`dateline_geo::unresolved`).
fn unresolved_named(p: &Place) -> bool {
    p.name.is_some() && p.geonameid.is_none() && (p.lat.is_none() || p.lon.is_none())
}

/// How precisely a mention is placed: 3 coordinates, 2 a geonameid, 1 a country, 0 nothing.
pub fn place_specificity(m: &Mention) -> u8 {
    match &m.place {
        Some(p) if p.lat.is_some() && p.lon.is_some() => 3,
        Some(p) if p.geonameid.is_some() => 2,
        Some(p) if p.country.is_some() => 1,
        _ => 0,
    }
}

/// Whether two agreeing places agree on more than their country: within distance, same
/// geonameid, or the same name (case-insensitive). Used to prefer one compatible cluster over
/// another, never to allow a merge.
fn places_close(a: Option<&Place>, b: Option<&Place>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    if let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) {
        return haversine_km(la, oa, lb, ob) <= MAX_KM;
    }
    if a.geonameid.is_some() && a.geonameid == b.geonameid {
        return true;
    }
    matches!((&a.name, &b.name), (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase())
}

/// A mention with no place and no coded actor on either side ("protesters rallied") cannot be
/// told apart from any other event of its kind that day, anywhere: it is never merged by the
/// rule (only by `same_as` within its article).
fn anonymous(m: &Mention) -> bool {
    m.place.is_none() && m.actors_source.is_empty() && m.actors_target.is_empty()
}

fn clusterable(m: &Mention) -> Option<(i32, i32)> {
    m.days.filter(|d| d.1 - d.0 < MAX_SPAN_DAYS)
}

/// The pairwise rule: same CAMEO root, same status, overlapping actors (either orientation),
/// places within [`MAX_KM`], dates within [`WINDOW_DAYS`]. Mentions without a usable date never
/// match.
pub fn same_event(a: &Mention, b: &Mention) -> bool {
    let (Some(da), Some(db)) = (clusterable(a), clusterable(b)) else {
        return false;
    };
    if anonymous(a) || anonymous(b) {
        return false;
    }
    a.root == b.root
        && a.status == b.status
        && date::gap(da, db) <= WINDOW_DAYS
        && places_agree(a.place.as_ref(), b.place.as_ref())
        && ((actors_overlap(&a.actors_source, &b.actors_source)
            && actors_overlap(&a.actors_target, &b.actors_target))
            || (actors_overlap(&a.actors_source, &b.actors_target)
                && actors_overlap(&a.actors_target, &b.actors_source)))
}

/// The stable id of a cluster founded by a mention: `ev` + 16 hex digits of the xxh3 hash of
/// `article id \u{1f} event id`.
pub fn cluster_id(article: &str, event: &str) -> String {
    let mut key = String::with_capacity(article.len() + event.len() + 1);
    key.push_str(article);
    key.push('\u{1f}');
    key.push_str(event);
    format!("ev{:016x}", xxh3_64(key.as_bytes()))
}

/// GDELT-like counts of one cluster.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Event mentions in the cluster.
    pub mentions: usize,
    /// Distinct `article.id`.
    pub articles: usize,
    /// Distinct non-null `article.source`.
    pub sources: usize,
}

/// One real-world event: its stable id and its mentions (each keeps its own report).
#[derive(Clone, Debug)]
pub struct Cluster {
    pub id: String,
    pub mentions: Vec<Mention>,
}

impl Cluster {
    pub fn counts(&self) -> Counts {
        let articles: HashSet<&str> = self.mentions.iter().map(|m| m.article.as_str()).collect();
        let sources: HashSet<&str> = self
            .mentions
            .iter()
            .filter_map(|m| m.source.as_deref())
            .collect();
        Counts {
            mentions: self.mentions.len(),
            articles: articles.len(),
            sources: sources.len(),
        }
    }
}

/// A cluster already stored (by a store or an earlier run), as far as new mentions need it.
#[derive(Clone, Debug)]
pub struct KnownCluster {
    pub id: String,
    /// Founding order: clusters founded earlier have smaller values (a store's row id of the
    /// founding mention). Among equally good clusters a mention joins the oldest.
    pub order: i64,
    /// The first [`MAX_COMPARED`] members, in the order they joined (founder first).
    pub members: Vec<Mention>,
    /// (CAMEO root, day interval) of every member whose interval meets the windows asked for:
    /// the cluster is a candidate for new mentions near those days.
    pub days: Vec<(String, (i32, i32))>,
}

/// Incremental clusterer. Candidate clusters are found through an index keyed by (CAMEO root, day),
/// so each mention is compared with the few clusters of its root near its date, not all.
#[derive(Default)]
pub struct EventClusterer {
    clusters: Vec<Cluster>,
    // Fx hashing: these maps are probed a few times per mention (a day window each), and
    // SipHash was a visible part of the writer's deduplication decision.
    by_day: FxHashMap<(String, i32), Vec<u32>>,
    by_mention: FxHashMap<(String, String), u32>,
}

impl EventClusterer {
    pub fn new() -> EventClusterer {
        EventClusterer::default()
    }

    /// Cluster a whole batch independently of its input order: mentions are sorted by (place
    /// specificity, most precise first; date start; article id; event id), so the same set always
    /// gives the same clusters and ids, and precisely placed mentions found the clusters that
    /// vaguely placed ones then join.
    pub fn batch(mut mentions: Vec<Mention>) -> EventClusterer {
        let key = |m: &Mention| (std::cmp::Reverse(place_specificity(m)), m.days.map(|d| d.0));
        mentions
            .sort_by(|a, b| (key(a), &a.article, &a.event).cmp(&(key(b), &b.article, &b.event)));
        let mut c = EventClusterer::new();
        for m in mentions {
            c.add(m);
        }
        c
    }

    /// Start from clusters already stored, given in founding order (oldest first), before any
    /// [`EventClusterer::add`]. Seed each cluster once.
    pub fn seed(&mut self, k: KnownCluster) {
        let c = self.clusters.len() as u32;
        for m in &k.members {
            self.by_mention
                .insert((m.article.clone(), m.event.clone()), c);
        }
        for (root, d) in k.days {
            if d.1 - d.0 >= MAX_SPAN_DAYS {
                continue;
            }
            for day in d.0..=d.1 {
                let list = self.by_day.entry((root.clone(), day)).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
        self.clusters.push(Cluster {
            id: k.id,
            mentions: k.members,
        });
    }

    /// Add every event of a `dateline/1` record; returns (event id, cluster id) per event.
    pub fn add_record(&mut self, record: &Value) -> Vec<(String, String)> {
        mentions(record)
            .into_iter()
            .map(|m| {
                let ev = m.event.clone();
                (ev, self.add(m).to_owned())
            })
            .collect()
    }

    /// Add one mention and return the id of its cluster. A mention already added (same article and
    /// event id) is not added twice.
    pub fn add(&mut self, m: Mention) -> &str {
        let key = (m.article.clone(), m.event.clone());
        if let Some(&c) = self.by_mention.get(&key) {
            return &self.clusters[c as usize].id;
        }
        let same_as = m.same_as.as_ref().and_then(|s| {
            self.by_mention
                .get(&(m.article.clone(), s.clone()))
                .copied()
        });
        let chosen = same_as.or_else(|| self.best(&m));
        let c = match chosen {
            Some(c) => c,
            None => {
                self.clusters.push(Cluster {
                    id: cluster_id(&m.article, &m.event),
                    mentions: Vec::new(),
                });
                (self.clusters.len() - 1) as u32
            }
        };
        if let Some(d) = clusterable(&m) {
            for day in d.0..=d.1 {
                let list = self.by_day.entry((m.root.clone(), day)).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
        self.clusters[c as usize].mentions.push(m);
        self.by_mention.insert(key, c);
        &self.clusters[c as usize].id
    }

    /// The compatible cluster (agreeing with each of its first [`MAX_COMPARED`] members), preferring
    /// one with a member placed close to the mention (not just the same country), then the one whose
    /// founder is closest in date, then the older cluster.
    fn best(&self, m: &Mention) -> Option<u32> {
        let d = clusterable(m)?;
        let mut seen: Vec<u32> = Vec::new();
        let mut best: Option<(bool, i32, u32)> = None;
        let mut key = (m.root.clone(), 0);
        for day in d.0 - WINDOW_DAYS..=d.1 + WINDOW_DAYS {
            key.1 = day;
            let Some(list) = self.by_day.get(&key) else {
                continue;
            };
            for &c in list {
                if seen.contains(&c) {
                    continue;
                }
                seen.push(c);
                let members = &self.clusters[c as usize].mentions;
                let compared = &members[..members.len().min(MAX_COMPARED)];
                if compared.iter().all(|x| same_event(m, x)) {
                    let close = compared
                        .iter()
                        .any(|x| places_close(m.place.as_ref(), x.place.as_ref()));
                    // A report placed by coordinates or geonameid never joins a cluster it
                    // matches only by country: the vague reports attach to the precise ones,
                    // not the other way round.
                    if !close && place_specificity(m) >= 2 {
                        continue;
                    }
                    let founder = clusterable(&members[0]).map_or(i32::MAX, |f| date::gap(f, d));
                    let better = |(bclose, g, bc): (bool, i32, u32)| {
                        (close && !bclose)
                            || (close == bclose && (founder < g || (founder == g && c < bc)))
                    };
                    if best.is_none_or(better) {
                        best = Some((close, founder, c));
                    }
                }
            }
        }
        best.map(|(_, _, c)| c)
    }

    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The cluster id of a mention already added.
    pub fn cluster_of(&self, article: &str, event: &str) -> Option<&str> {
        let c = *self
            .by_mention
            .get(&(article.to_owned(), event.to_owned()))?;
        Some(&self.clusters[c as usize].id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(article: &str, root: &str, day: i32, lat: f64, lon: f64) -> Mention {
        Mention {
            article: article.into(),
            event: "v1".into(),
            source: Some(format!("src-{article}")),
            cameo: format!("{root}0"),
            root: root.into(),
            status: "occurred".into(),
            actors_source: vec!["SYRMIL".into()],
            actors_target: vec!["SYRREB".into()],
            place: Some(Place {
                name: None,
                geonameid: None,
                country: Some("SY".into()),
                lat: Some(lat),
                lon: Some(lon),
            }),
            days: Some((day, day)),
            same_as: None,
        }
    }

    #[test]
    fn a_region_read_from_a_record_counts_as_its_country_not_as_an_unresolved_place() {
        let record = |place: serde_json::Value| {
            serde_json::json!({
                "article": {"id": "a1", "published": "2024-03-02"},
                "places": [place],
                "events": [{"id": "v1", "cameo": "190", "cameo_root": "19",
                            "source": [{"code": "IRQMIL"}], "target": [],
                            "date": {"value": "2024-03-01"}, "place": {"place": "p1"}}]
            })
        };
        let region = mentions(&record(
            serde_json::json!({"id": "p1", "name": "Orvena province",
            "geonameid": null, "country": "IQ", "lat": null, "lon": null, "feature": "admin1"}),
        ));
        let village = mentions(&record(serde_json::json!({"id": "p1", "name": "Talmir",
            "geonameid": null, "country": "IQ", "lat": null, "lon": null, "feature": "city"})));
        let city = mentions(&record(serde_json::json!({"id": "p1", "name": "Mosul",
            "geonameid": 99072, "country": "IQ", "lat": 36.34, "lon": 43.13, "feature": "city"})));
        let (region, village, city) = (&region[0], &village[0], &city[0]);
        assert_eq!(region.place.as_ref().and_then(|p| p.name.as_deref()), None);
        assert!(places_agree(region.place.as_ref(), city.place.as_ref()));
        assert!(!places_agree(village.place.as_ref(), city.place.as_ref()));
        assert!(places_agree(region.place.as_ref(), village.place.as_ref()));
    }

    #[test]
    fn haversine_known_distance() {
        // Paris to London is about 344 km.
        let d = haversine_km(48.8566, 2.3522, 51.5074, -0.1278);
        assert!((d - 344.0).abs() < 5.0, "{d}");
    }

    #[test]
    fn root_code_must_agree() {
        assert!(same_event(
            &m("a", "19", 100, 36.2, 37.1),
            &m("b", "19", 100, 36.2, 37.1)
        ));
        assert!(!same_event(
            &m("a", "19", 100, 36.2, 37.1),
            &m("b", "14", 100, 36.2, 37.1)
        ));
    }

    #[test]
    fn status_must_agree() {
        let mut b = m("b", "19", 100, 36.2, 37.1);
        b.status = "negated".into();
        assert!(!same_event(&m("a", "19", 100, 36.2, 37.1), &b));
    }

    #[test]
    fn date_window() {
        let a = m("a", "19", 100, 36.2, 37.1);
        assert!(same_event(&a, &m("b", "19", 100 + WINDOW_DAYS, 36.2, 37.1)));
        assert!(!same_event(
            &a,
            &m("b", "19", 101 + WINDOW_DAYS, 36.2, 37.1)
        ));
        let mut vague = m("b", "19", 100, 36.2, 37.1);
        vague.days = Some((90, 120)); // a month
        assert!(!same_event(&a, &vague));
        vague.days = None;
        assert!(!same_event(&a, &vague));
    }

    #[test]
    fn place_distance_and_fallbacks() {
        let a = m("a", "19", 100, 36.20, 37.16);
        assert!(same_event(&a, &m("b", "19", 100, 36.40, 37.30))); // ~25 km
        assert!(!same_event(&a, &m("b", "19", 100, 33.51, 36.29))); // Aleppo–Damascus ~310 km
        let mut b = m("b", "19", 100, 0.0, 0.0);
        b.place = None;
        assert!(same_event(&a, &b));
        // Without place and without any actor, a report could be of anything that day.
        b.actors_source.clear();
        b.actors_target.clear();
        assert!(!same_event(&a, &b));
        let p = |g: Option<i64>, c: &str| Place {
            name: None,
            geonameid: g,
            country: Some(c.into()),
            lat: None,
            lon: None,
        };
        assert!(places_agree(
            Some(&p(Some(1), "SY")),
            Some(&p(Some(1), "SY"))
        ));
        assert!(!places_agree(
            Some(&p(Some(1), "SY")),
            Some(&p(Some(2), "SY"))
        ));
        assert!(places_agree(Some(&p(None, "SY")), Some(&p(Some(2), "SY"))));
        assert!(!places_agree(Some(&p(None, "SY")), Some(&p(None, "IQ"))));
        // toponyms without coordinates agree by name, never by country alone
        let named = |n: &str, g: Option<i64>, c: Option<&str>| Place {
            name: Some(n.into()),
            geonameid: g,
            country: c.map(Into::into),
            lat: None,
            lon: None,
        };
        let village = named("Talmir", None, Some("SY"));
        assert!(places_agree(
            Some(&village),
            Some(&named("talmir", None, Some("SY")))
        ));
        assert!(places_agree(
            Some(&village),
            Some(&named("Talmir", None, None))
        ));
        assert!(!places_agree(
            Some(&village),
            Some(&named("Orvena", None, Some("SY")))
        ));
        assert!(!places_agree(
            Some(&village),
            Some(&named("Talmir", None, Some("IQ")))
        ));
        assert!(!places_agree(
            Some(&village),
            Some(&named("Aleppo", Some(170063), Some("SY")))
        ));
        assert!(places_agree(Some(&village), None));
    }

    #[test]
    fn actors_overlap_by_code_country_or_empty_side_either_orientation() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(actors_overlap(&v(&["SYRMIL"]), &v(&["SYRGOV"])));
        assert!(actors_overlap(&v(&[]), &v(&["SYRGOV"])));
        assert!(!actors_overlap(&v(&["SYRMIL"]), &v(&["TURMIL"])));
        assert!(!actors_overlap(&v(&["IGOUNO"]), &v(&["IGOEUR"])));
        assert!(actors_overlap(&v(&["IGOUNO"]), &v(&["IGOUNO"])));
        let a = m("a", "04", 100, 46.5, 6.6);
        let mut b = m("b", "04", 100, 46.5, 6.6);
        std::mem::swap(&mut b.actors_source, &mut b.actors_target);
        assert!(same_event(&a, &b));
        b.actors_source = v(&["USAGOV"]);
        assert!(!same_event(&a, &b));
    }

    #[test]
    fn clusterer_counts_ids_and_order_independence() {
        let ms = vec![
            m("a", "19", 100, 36.2, 37.1),
            m("b", "19", 101, 36.2, 37.1),
            m("a", "14", 100, 36.2, 37.1),
            m("c", "19", 99, 36.25, 37.1),
        ];
        let mut ms2 = ms.clone();
        ms2[2].event = "v2".into();
        let mut rev = ms2.clone();
        rev.reverse();
        let a = EventClusterer::batch(ms2);
        let b = EventClusterer::batch(rev);
        assert_eq!(a.clusters().len(), 2);
        let big = a.clusters().iter().find(|c| c.mentions.len() == 3).unwrap();
        assert_eq!(
            big.counts(),
            Counts {
                mentions: 3,
                articles: 3,
                sources: 3
            }
        );
        for c in a.clusters() {
            for x in &c.mentions {
                assert_eq!(b.cluster_of(&x.article, &x.event), Some(c.id.as_str()));
            }
        }
    }

    #[test]
    fn vague_place_joins_the_cluster_of_its_own_place_name() {
        // Two same-day events 300 km apart in one country; a report placed only by country and
        // the name of the second city joins the second, whatever the input order.
        let named = |mut x: Mention, name: &str| {
            x.place.as_mut().unwrap().name = Some(name.into());
            x
        };
        let near = named(m("a", "19", 100, 36.2, 37.1), "Aleppo");
        let far = named(m("b", "19", 100, 33.5, 36.3), "Damascus");
        let mut vague = m("c", "19", 100, 0.0, 0.0);
        vague.place = Some(Place {
            name: Some("damascus".into()),
            geonameid: None,
            country: Some("SY".into()),
            lat: None,
            lon: None,
        });
        for order in [
            [&vague, &near, &far],
            [&near, &vague, &far],
            [&far, &near, &vague],
        ] {
            let c = EventClusterer::batch(order.iter().map(|x| (*x).clone()).collect());
            assert_eq!(c.clusters().len(), 2);
            assert_eq!(c.cluster_of("c", "v1"), c.cluster_of("b", "v1"));
        }
    }

    #[test]
    fn planned_and_hypothetical_do_not_merge() {
        let mut a = m("a", "04", 100, 46.5, 6.6);
        let mut b = m("b", "04", 100, 46.5, 6.6);
        a.status = "planned".into();
        b.status = "hypothetical".into();
        assert!(!same_event(&a, &b));
        b.status = "planned".into();
        assert!(same_event(&a, &b));
    }

    #[test]
    fn placeless_mention_does_not_bridge_two_cities() {
        let mut vague = m("c", "19", 100, 0.0, 0.0);
        vague.place = None;
        let c = EventClusterer::batch(vec![
            m("a", "19", 100, 36.2, 37.1),
            m("b", "19", 100, 33.5, 36.3),
            vague,
        ]);
        assert_eq!(c.clusters().len(), 2);
    }

    #[test]
    fn records_same_as_and_published_fallback() {
        let rec = serde_json::json!({
            "schema": "dateline/1",
            "article": {"id": "x1", "source": "Wire", "published": "2016-10-15", "text": ""},
            "places": [{"id": "p1", "name": "Lausanne", "geonameid": 2659994, "country": "CH",
                        "lat": 46.516, "lon": 6.63328}],
            "events": [
                {"id": "v1", "cameo": "040", "cameo_root": "04", "status": "occurred",
                 "source": [{"code": "USAGOV"}], "target": [{"code": "RUSGOV"}],
                 "date": null, "place": {"place": "p1", "basis": "sentence"}, "same_as": null},
                {"id": "v2", "cameo": "043", "cameo_root": "04", "status": "occurred",
                 "source": [], "target": [], "date": {"value": "2016-09"}, "place": null,
                 "same_as": "v1"},
            ],
        });
        let ms = mentions(&rec);
        assert_eq!(ms[0].days, crate::date::interval("2016-10-15"));
        assert_eq!(ms[0].place.as_ref().unwrap().geonameid, Some(2659994));
        assert_eq!(ms[1].days.map(|d| d.1 - d.0), Some(29));
        let mut c = EventClusterer::new();
        let ids = c.add_record(&rec);
        // v2 is too vague to merge by the rule, but same_as puts it with v1.
        assert_eq!(ids[0].1, ids[1].1);
        assert_eq!(ids[0].1, cluster_id("x1", "v1"));
        assert_eq!(
            c.clusters()[0].counts(),
            Counts {
                mentions: 2,
                articles: 1,
                sources: 1
            }
        );
    }

    #[test]
    fn precise_report_does_not_join_a_country_only_cluster() {
        let mut vague = m("a", "19", 100, 0.0, 0.0);
        vague.place = Some(Place {
            name: Some("Aleppo".into()),
            geonameid: None,
            country: Some("SY".into()),
            lat: None,
            lon: None,
        });
        let mut cl = EventClusterer::new();
        let a = cl.add(vague).to_owned();
        // Damascus by coordinates agrees with a country-only Aleppo, but is not close to it.
        let b = cl.add(m("b", "19", 100, 33.5, 36.3)).to_owned();
        assert_ne!(a, b);
        // A vague report joins the precise cluster it is only country-compatible with.
        let mut vague2 = m("c", "19", 100, 0.0, 0.0);
        vague2.place = Some(Place {
            name: None,
            geonameid: None,
            country: Some("SY".into()),
            lat: None,
            lon: None,
        });
        let c = cl.add(vague2).to_owned();
        assert!(c == a || c == b);
    }

    #[test]
    fn complete_linkage_stops_chaining() {
        // b is within the window of a and of c, but a and c are 4 days apart: c starts its own event.
        let mut cl = EventClusterer::new();
        let ia = cl.add(m("a", "19", 100, 36.2, 37.1)).to_owned();
        let ib = cl.add(m("b", "19", 102, 36.2, 37.1)).to_owned();
        let ic = cl.add(m("c", "19", 104, 36.2, 37.1)).to_owned();
        assert_eq!(ia, ib);
        assert_ne!(ia, ic);
        // Re-adding is idempotent.
        assert_eq!(cl.add(m("a", "19", 100, 36.2, 37.1)), ia);
        assert_eq!(
            cl.clusters()
                .iter()
                .map(|c| c.mentions.len())
                .sum::<usize>(),
            3
        );
    }
}
