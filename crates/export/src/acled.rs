//! An ACLED-shaped CSV: ACLED's column names in ACLED's order, for the columns dateline can
//! fill. Event type and sub-event type come from the event's CAMEO code (or PLOVER type) through
//! `lexicon/acled_types.txt`; mentions whose code has no ACLED counterpart (talks, statements,
//! aid ...) are not ACLED events and are left out.

use crate::{Record, s};
use serde_json::Value;
use std::io::{self, Write};
use std::sync::LazyLock;

/// The columns written, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 20] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "cameo",
    "same_event",
];

/// One lexicon line: a CAMEO prefix or `plover:TYPE` key, the ACLED type and sub-type.
#[derive(Debug)]
pub struct AcledType {
    pub key: &'static str,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
}

static LEXICON: LazyLock<Vec<AcledType>> =
    LazyLock::new(|| parse(include_str!("../lexicon/acled_types.txt")));

fn parse(text: &'static str) -> Vec<AcledType> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(
            f.len() == 3,
            "acled_types.txt:{}: want KEY<TAB>TYPE<TAB>SUBTYPE",
            n + 1
        );
        out.push(AcledType {
            key: f[0],
            event_type: f[1],
            sub_event_type: f[2],
        });
    }
    out
}

/// The lexicon as loaded.
pub fn lexicon() -> &'static [AcledType] {
    &LEXICON
}

/// ACLED event type and sub-event type for a CAMEO code (longest matching prefix), else for a
/// PLOVER type. `source_sector` resolves the `@territory` sub-type.
pub fn acled_type(
    cameo: Option<&str>,
    plover: Option<&str>,
    source_sector: Option<&str>,
) -> Option<(&'static str, String)> {
    let hit = cameo
        .and_then(|c| {
            LEXICON
                .iter()
                .filter(|t| !t.key.starts_with("plover:") && c.starts_with(t.key))
                .max_by_key(|t| t.key.len())
        })
        .or_else(|| {
            let p = plover?;
            LEXICON
                .iter()
                .find(|t| t.key.strip_prefix("plover:") == Some(p))
        })?;
    let sub = if hit.sub_event_type == "@territory" {
        if matches!(source_sector, Some("GOV" | "MIL" | "SPY" | "COP")) {
            "Government regains territory"
        } else {
            "Non-state actor overtakes territory"
        }
    } else {
        hit.sub_event_type
    };
    Some((hit.event_type, sub.to_string()))
}

/// ACLED geo_precision: 1 the town itself, 2 a district around it, 3 a province, country or
/// wider region. A place known only from the article (not the event's sentence) is at best 2.
fn geo_precision(place: &Value, basis: Option<&str>) -> u8 {
    // a toponym the gazetteer could not resolve has no coordinates to be precise with
    if place["lat"].is_null() {
        return 3;
    }
    let p = match s(place, "feature") {
        Some("city" | "landmark") => 1,
        Some("admin2" | "water") => 2,
        _ => 3,
    };
    if basis == Some("article") {
        p.max(2)
    } else {
        p
    }
}

/// ACLED time_precision: 1 the event's own day date; 2 its own week date, or no date of its own
/// (dated by publication: it happened on or shortly before that day); 3 a month or coarser.
fn time_precision(event: &Value, own_day: bool) -> u8 {
    if own_day {
        return 1;
    }
    match event.get("date").and_then(|d| s(d, "precision")) {
        None => 2,
        Some("day" | "week") => 2,
        Some(_) => 3,
    }
}

/// One ACLED row for one event mention, or `None` when its code has no ACLED type.
pub fn acled_row(rec: &Record, event: &Value) -> Option<Vec<String>> {
    let src = rec.first_arg(event, "source");
    let sector = src
        .and_then(|a| rec.arg_entity(a))
        .and_then(|e| s(&e["actor"], "sector"));
    let (ty, sub) = acled_type(s(event, "cameo"), s(&event["plover"], "type"), sector)?;
    let mut row = vec![String::new(); ACLED_COLUMNS.len()];
    // The event's place; else the place of a casualty figure linked to it; else the place of
    // its source or target (a country actor's country). Fallbacks get geo_precision 3.
    let own_place = rec.event_place(event);
    let actor_place = || {
        ["source", "target"]
            .into_iter()
            .find_map(|role| rec.first_arg(event, role).and_then(|a| rec.arg_place(a)))
    };
    let place = own_place
        .or_else(|| rec.casualty_place(event))
        .or_else(actor_place);
    let iso = place.and_then(|p| s(p, "country"));
    let ctry = iso.and_then(crate::country);
    row[0] = format!(
        "{}{}",
        ctry.map_or("XXX", |c| c.iso3),
        crate::mention_id(rec, event)
    );
    if let Some((d, own)) = crate::event_day(rec, event) {
        row[1] = d.to_string();
        row[2] = d.year().to_string();
        row[3] = time_precision(event, own).to_string();
    }
    row[4] = ty.to_string();
    row[5] = sub;
    row[6] = src.and_then(|a| rec.arg_name(a)).unwrap_or_default();
    row[7] = rec
        .first_arg(event, "target")
        .and_then(|a| rec.arg_name(a))
        .unwrap_or_default();
    if let Some(p) = place {
        row[8] = ctry.map(|c| c.numeric.to_string()).unwrap_or_default();
        row[9] = iso
            .map(|c| rec.country_name(c).unwrap_or(c).to_string())
            .unwrap_or_default();
        row[10] = if s(p, "feature") == Some("admin1") {
            s(p, "name")
        } else {
            s(p, "admin1")
        }
        .unwrap_or("")
        .to_string();
        row[11] = s(p, "name").unwrap_or("").to_string();
        row[12] = match &p["lat"] {
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        row[13] = match &p["lon"] {
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        row[14] = if own_place.is_some() {
            geo_precision(p, s(&event["place"], "basis"))
        } else {
            3
        }
        .to_string();
    }
    let art = rec.article();
    row[15] = s(art, "source")
        .or_else(|| s(art, "url"))
        .unwrap_or("")
        .to_string();
    row[16] = rec.sentence_text(event).unwrap_or("").to_string();
    row[17] = rec.fatalities(event).unwrap_or(0).to_string();
    row[18] = s(event, "cameo").unwrap_or("").to_string();
    // Mentions of one real event share this key: the store's cluster id when there is one,
    // else `<article id>-<first mention>` within the article.
    row[19] = match crate::event_cluster(event) {
        Some(c) => c.id.to_string(),
        None => format!(
            "{}-{}",
            s(art, "id").unwrap_or(""),
            s(event, "same_as").or(s(event, "id")).unwrap_or("")
        ),
    };
    Some(row)
}

/// ACLED rows for every exported (occurred) event mention of one record that has an ACLED type.
pub fn acled_rows(record: &Value) -> Vec<Vec<String>> {
    let Some(rec) = Record::new(record) else {
        return Vec::new();
    };
    rec.occurred().filter_map(|e| acled_row(&rec, e)).collect()
}

/// Write the ACLED-shaped CSV (with its header line, as ACLED publishes) for `records`.
pub fn write_acled<W: Write>(records: &[Value], out: W) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ACLED_COLUMNS)?;
    for r in records {
        for row in acled_rows(r) {
            w.write_record(&row)?;
        }
    }
    w.flush()
}
