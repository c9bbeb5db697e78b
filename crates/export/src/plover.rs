//! PLOVER JSON records, with the field names of PLOVER's gold-standard records (`id`, `date`,
//! `source`/`target` as lists of `{actorText, code, sector}`, `event`, `eventText`, `mode`,
//! `context`, `text`, `language`, `publication`, ...), written as JSON Lines. The mapping is in
//! docs/exports.md.

use crate::{Record, event_day, s};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

fn actors(rec: &Record, event: &Value, role: &str) -> Value {
    let list = event.get(role).and_then(Value::as_array);
    let Some(list) = list.filter(|l| !l.is_empty()) else {
        return Value::String(String::new());
    };
    list.iter()
        .map(|arg| {
            let mut a = Map::new();
            a.insert(
                "actorText".into(),
                json!(
                    rec.span_text(arg)
                        .map(str::to_string)
                        .or_else(|| rec.arg_name(arg))
                ),
            );
            let ent = rec.arg_entity(arg);
            let actor = ent.map(|e| &e["actor"]);
            // PLOVER's `code` is the country (or IGO/NGO) part; the sector goes in `sector`.
            let code = actor
                .and_then(|a| s(a, "country"))
                .map(str::to_string)
                .or_else(|| s(arg, "code").map(|c| c.get(..3).unwrap_or(c).to_string()));
            a.insert("code".into(), json!(code));
            if let Some(sec) = actor.and_then(|a| s(a, "sector")) {
                a.insert("sector".into(), json!(sec));
            }
            if let Some(n) = ent.and_then(|e| s(e, "name")) {
                a.insert("actorName".into(), json!(n));
            }
            Value::Object(a)
        })
        .collect()
}

fn location(rec: &Record, event: &Value) -> Value {
    let Some(p) = rec.event_place(event) else {
        return Value::Null;
    };
    json!({
        "placeName": p["name"],
        "countryCode": p["country"],
        "admin1": p["admin1"],
        "lat": p["lat"],
        "lon": p["lon"],
        "geonameid": p["geonameid"],
        "featureType": p["feature"],
    })
}

/// One PLOVER record for one event mention of a record.
pub fn plover_record(rec: &Record, event: &Value) -> Value {
    let art = rec.article();
    let story = s(art, "id").unwrap_or("");
    let mut m = Map::new();
    m.insert(
        "id".into(),
        json!(format!("{story}-{}", s(event, "id").unwrap_or(""))),
    );
    m.insert(
        "date".into(),
        json!(event_day(rec, event).map(|(d, _)| d.to_string())),
    );
    m.insert("source".into(), actors(rec, event, "source"));
    m.insert("target".into(), actors(rec, event, "target"));
    m.insert(
        "event".into(),
        json!(s(&event["plover"], "type").unwrap_or("")),
    );
    m.insert(
        "eventText".into(),
        json!(rec.span_text(&event["trigger"]).unwrap_or("")),
    );
    m.insert(
        "mode".into(),
        json!(s(&event["plover"], "mode").unwrap_or("")),
    );
    // dateline codes no PLOVER context.
    m.insert("context".into(), json!(""));
    m.insert("text".into(), json!(rec.sentence_text(event).unwrap_or("")));
    m.insert("language".into(), json!(s(art, "language").unwrap_or("en")));
    m.insert("publication".into(), json!(s(art, "source")));
    m.insert("storyId".into(), json!(story));
    m.insert("url".into(), json!(s(art, "url")));
    m.insert("publicationDate".into(), json!(s(art, "published")));
    m.insert("location".into(), location(rec, event));
    if let Some(dead) = rec.fatalities(event) {
        m.insert("dead".into(), json!(dead));
    }
    if let Some(injured) = rec.toll(event, "injured") {
        m.insert("injured".into(), json!(injured));
    }
    m.insert("cameo".into(), event["cameo"].clone());
    if let Some(c) = crate::event_cluster(event) {
        m.insert(
            "cluster".into(),
            json!({"id": c.id, "mentions": c.mentions, "articles": c.articles,
                   "sources": c.sources}),
        );
    }
    m.insert("coder".into(), json!("dateline"));
    m.insert("version".into(), json!("dateline/1"));
    Value::Object(m)
}

/// PLOVER records for every exported (occurred) event mention of one record.
pub fn plover_records(record: &Value) -> Vec<Value> {
    let Some(rec) = Record::new(record) else {
        return Vec::new();
    };
    rec.occurred().map(|e| plover_record(&rec, e)).collect()
}

/// Write PLOVER records for `records` as JSON Lines, one event mention a line.
pub fn write_plover<W: Write>(records: &[Value], out: W) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    for r in records {
        for p in plover_records(r) {
            serde_json::to_writer(&mut out, &p)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()
}
