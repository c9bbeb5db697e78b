//! Exports of `dateline/1` records into the formats analysts already use, one row per event
//! mention:
//!
//! - [`gdelt`]: the GDELT 2.0 event table (61 tab-separated columns, GDELT's names and order);
//! - [`plover`]: PLOVER JSON records (JSON Lines);
//! - [`acled`]: an ACLED-shaped CSV, event types mapped from CAMEO/PLOVER by
//!   `lexicon/acled_types.txt`.
//!
//! Every writer takes whole records (`serde_json::Value` in the `dateline/1` shape) and skips
//! error records. Only mentions with `status: "occurred"` are exported: none of the three formats
//! can say that an event was denied, failed, announced or conditional, so exporting those would
//! report them as having happened. The row-level functions take any event the caller chooses.
//! docs/exports.md documents every column.

pub mod acled;
pub mod gdelt;
pub mod parquet_table;
pub mod plover;

pub use acled::{ACLED_COLUMNS, acled_row, acled_rows, write_acled};
pub use gdelt::{GDELT_COLUMNS, gdelt_row, gdelt_rows, write_gdelt};
pub use parquet_table::{PARQUET_COLUMNS, ParquetWriter, write_parquet};
pub use plover::{plover_record, plover_records, write_plover};

use serde_json::Value;
use std::sync::LazyLock;

/// One country of `lexicon/countries.tsv`.
#[derive(Debug)]
pub struct Country {
    pub iso2: &'static str,
    pub iso3: &'static str,
    pub numeric: u16,
    /// FIPS 10-4 code (GDELT's geographic country codes); empty when none.
    pub fips: &'static str,
    pub name: &'static str,
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    let mut v: Vec<Country> = include_str!("../lexicon/countries.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "countries.tsv: {l}");
            Country {
                iso2: f[0],
                iso3: f[1],
                numeric: f[2].parse().expect("countries.tsv: numeric code"),
                fips: f[3],
                name: f[4],
            }
        })
        .collect();
    v.sort_by_key(|c| c.iso2);
    v
});

/// The country with this ISO 3166-1 alpha-2 code.
pub fn country(iso2: &str) -> Option<&'static Country> {
    let list = &*COUNTRIES;
    list.binary_search_by_key(&iso2, |c| c.iso2)
        .ok()
        .map(|i| &list[i])
}

/// Read-only view of one `dateline/1` record with the lookups the exporters need.
pub struct Record<'a> {
    pub value: &'a Value,
    entities: Vec<&'a Value>,
    places: Vec<&'a Value>,
    events: Vec<&'a Value>,
}

fn arr<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

/// A string field, `None` when absent, null or empty.
pub(crate) fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|x| !x.is_empty())
}

impl<'a> Record<'a> {
    /// `None` for error records and anything without an `article`.
    pub fn new(value: &'a Value) -> Option<Record<'a>> {
        value.get("article")?.as_object()?;
        Some(Record {
            value,
            entities: arr(value, "entities"),
            places: arr(value, "places"),
            events: arr(value, "events"),
        })
    }

    pub fn article(&self) -> &'a Value {
        &self.value["article"]
    }

    pub fn events(&self) -> &[&'a Value] {
        &self.events
    }

    /// Events that are exported by the `write_*` functions: those reported as having occurred.
    pub fn occurred(&self) -> impl Iterator<Item = &'a Value> + '_ {
        self.events
            .iter()
            .copied()
            .filter(|e| s(e, "status").is_none_or(|st| st == "occurred"))
    }

    fn by_id(list: &[&'a Value], id: &str) -> Option<&'a Value> {
        // Ids are made in order ("e1" is index 0); fall back to a scan for hand-made records.
        let guess = id
            .get(1..)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| list.get(i).copied())
            .filter(|v| s(v, "id") == Some(id));
        guess.or_else(|| list.iter().copied().find(|v| s(v, "id") == Some(id)))
    }

    pub fn entity(&self, id: &str) -> Option<&'a Value> {
        Self::by_id(&self.entities, id)
    }

    pub fn place(&self, id: &str) -> Option<&'a Value> {
        Self::by_id(&self.places, id)
    }

    /// The place of an event (`events[].place.place`).
    pub fn event_place(&self, event: &Value) -> Option<&'a Value> {
        self.place(s(&event["place"], "place")?)
    }

    /// The first argument of an event's `source` or `target` list.
    pub fn first_arg<'e>(&self, event: &'e Value, role: &str) -> Option<&'e Value> {
        event.get(role)?.as_array()?.first()
    }

    /// The entity of an argument, when linked.
    pub fn arg_entity(&self, arg: &Value) -> Option<&'a Value> {
        self.entity(s(arg, "entity")?)
    }

    /// The name of an argument: its entity's name, else the text at its span.
    pub fn arg_name(&self, arg: &Value) -> Option<String> {
        if let Some(n) = self.arg_entity(arg).and_then(|e| s(e, "name")) {
            return Some(n.to_string());
        }
        self.span_text(arg).map(str::to_string)
    }

    /// The place of an argument's entity (a country or place entity carries one).
    pub fn arg_place(&self, arg: &Value) -> Option<&'a Value> {
        self.place(s(self.arg_entity(arg)?, "place")?)
    }

    /// `article.text[start..end]` for any object with `start`/`end`.
    pub fn span_text(&self, v: &Value) -> Option<&'a str> {
        let text = s(self.article(), "text")?;
        let a = v.get("start")?.as_u64()? as usize;
        let b = v.get("end")?.as_u64()? as usize;
        text.get(a..b).filter(|t| !t.is_empty())
    }

    /// The text of the sentence an event (or casualty) lies in: the evidence.
    pub fn sentence_text(&self, v: &Value) -> Option<&'a str> {
        let i = v.get("sentence")?.as_u64()? as usize;
        let sent = self.value.get("sentences")?.as_array()?.get(i)?;
        self.span_text(sent).map(str::trim)
    }

    /// How many mentions in this article refer to the same real event as `event`: the event
    /// itself, what it is `same_as`, and every other mention `same_as` either.
    pub fn mentions_of(&self, event: &Value) -> usize {
        let own = s(event, "id");
        let root = s(event, "same_as").or(own);
        let Some(root) = root else { return 1 };
        self.events
            .iter()
            .filter(|e| s(e, "id") == Some(root) || s(e, "same_as") == Some(root))
            .count()
            .max(1)
    }

    /// Killed count linked to an event: for every group of victims (`group`), the largest
    /// top-level (`part_of: null`) `killed` figure linked to the event, summed over groups.
    /// A figure is its `min`, else its `max`. `None` when no killed figure is linked.
    pub fn fatalities(&self, event: &Value) -> Option<u64> {
        self.toll(event, "killed")
    }

    /// Like [`Record::fatalities`] for any casualty kind (`killed`, `injured`, ...).
    pub fn toll(&self, event: &Value, kind: &str) -> Option<u64> {
        let id = s(event, "id")?;
        let mut groups: Vec<(Option<&str>, u64)> = Vec::new();
        for c in arr(self.value, "casualties") {
            if s(c, "kind") != Some(kind)
                || s(c, "event") != Some(id)
                || c.get("part_of").is_some_and(|p| !p.is_null())
            {
                continue;
            }
            let Some(n) = c["min"].as_u64().or_else(|| c["max"].as_u64()) else {
                continue;
            };
            let g = s(c, "group");
            match groups.iter_mut().find(|(k, _)| *k == g) {
                Some((_, m)) => *m = (*m).max(n),
                None => groups.push((g, n)),
            }
        }
        (!groups.is_empty()).then(|| groups.iter().map(|(_, n)| n).sum())
    }

    /// The place of the first casualty figure linked to an event that has one.
    pub fn casualty_place(&self, event: &Value) -> Option<&'a Value> {
        let id = s(event, "id")?;
        arr(self.value, "casualties")
            .into_iter()
            .filter(|c| s(c, "event") == Some(id))
            .find_map(|c| self.place(s(c, "place")?))
    }

    /// A country's name: the record's own (a `country` place with that ISO code), else the
    /// country table's.
    pub fn country_name(&self, iso2: &str) -> Option<&'a str> {
        self.places
            .iter()
            .find(|p| s(p, "feature") == Some("country") && s(p, "country") == Some(iso2))
            .and_then(|p| s(p, "name"))
            .or_else(|| country(iso2).map(|c| c.name))
    }
}

/// The cross-article event (cluster) of a mention, when the record came from a store that
/// clustered it: the store adds `events[].cluster = {id, mentions, articles, sources}`
/// (`dateline_store::Store::article_clustered`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCluster<'a> {
    pub id: &'a str,
    pub mentions: u64,
    pub articles: u64,
    pub sources: u64,
}

/// The cluster a store gave an event mention, if any.
pub fn event_cluster(event: &Value) -> Option<EventCluster<'_>> {
    let c = event.get("cluster")?;
    Some(EventCluster {
        id: c.get("id")?.as_str()?,
        mentions: c.get("mentions")?.as_u64()?,
        articles: c.get("articles")?.as_u64()?,
        sources: c.get("sources")?.as_u64()?,
    })
}

/// A day date (`YYYY-MM-DD`) from a `dateline/1` date value; intervals `A/B` give their start
/// only when both ends are the same day. `None` for coarser or interval values.
pub(crate) fn day(value: &str) -> Option<jiff::civil::Date> {
    let v = value.trim();
    let v = match v.split_once('/') {
        Some((a, b)) if a == b => a,
        Some(_) => return None,
        None => v,
    };
    if v.len() != 10 {
        return None;
    }
    v.parse().ok()
}

/// The date an event took place: its own day-precision date, else the article's publication
/// date. The second value says which was used (`true` = the event's own date).
pub(crate) fn event_day(rec: &Record, event: &Value) -> Option<(jiff::civil::Date, bool)> {
    if let Some(d) = event.get("date").and_then(|d| s(d, "value")).and_then(day) {
        return Some((d, true));
    }
    s(rec.article(), "published")
        .and_then(day)
        .map(|d| (d, false))
}

/// A stable 63-bit id for one event mention: XXH3 of the article id and the event id.
pub fn mention_id(rec: &Record, event: &Value) -> u64 {
    let mut key = String::new();
    key.push_str(s(rec.article(), "id").unwrap_or(""));
    key.push('\u{1f}');
    key.push_str(s(event, "id").unwrap_or(""));
    xxhash_rust::xxh3::xxh3_64(key.as_bytes()) >> 1
}
