//! Serialisation of a [`Doc`] to the `dateline/1` contract. This is the only place that knows
//! the output shape; it runs once per document, at the end of the pipeline.

use crate::{Argument, DateRef, Doc, Span};
use serde_json::{Map, Value, json};

pub const SCHEMA: &str = "dateline/1";

fn id(prefix: char, i: usize) -> String {
    format!("{prefix}{}", i + 1)
}

fn opt_id(prefix: char, i: Option<usize>) -> Value {
    i.map_or(Value::Null, |i| Value::String(id(prefix, i)))
}

fn span(s: Span) -> Value {
    json!({"start": s.start, "end": s.end})
}

fn args(list: &[Argument]) -> Value {
    list.iter()
        .map(|a| {
            json!({
                "entity": opt_id('e', a.entity),
                "code": a.code,
                "start": a.span.start,
                "end": a.span.end,
            })
        })
        .collect()
}

fn date(d: &Option<DateRef>) -> Value {
    match d {
        None => Value::Null,
        Some(d) => json!({
            "value": d.value,
            "precision": d.precision,
            "time": d.time,
            "basis": d.basis,
        }),
    }
}

/// Round a coordinate to 5 decimals (about a metre), enough for any gazetteer point.
fn coord(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |x| json!((x * 1e5).round() / 1e5))
}

/// The `dateline/1` object for one article.
pub fn to_json(doc: &Doc) -> Value {
    let m = &doc.meta;
    let article = json!({
        "id": m.id,
        "url": m.url,
        "source": m.source,
        "title": m.title,
        "standfirst": m.standfirst,
        "published": m.published.map(|d| d.to_string()),
        "published_from": m.published_from,
        "language": m.language,
        "text": doc.text(),
    });
    let sentences: Value = doc
        .sentences
        .iter()
        .map(|s| json!({"start": s.span.start, "end": s.span.end, "block": s.block}))
        .collect();
    let entities: Value = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "id": id('e', i),
                "kind": e.kind,
                "name": e.name,
                "title": e.title,
                "actor": e.actor,
                "place": opt_id('p', e.place),
                "mentions": e.mentions.iter().map(|s| span(*s)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let places: Value = doc
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "id": id('p', i),
                "name": p.name,
                "geonameid": p.geonameid,
                "country": p.country,
                "admin1": p.admin1,
                "lat": coord(p.lat),
                "lon": coord(p.lon),
                "feature": p.feature,
                "mentions": p.mentions.iter().map(|s| span(*s)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let times: Value = doc
        .times
        .iter()
        .map(|t| {
            json!({
                "start": t.span.start,
                "end": t.span.end,
                "text": doc.slice(t.span),
                "value": t.value,
                "precision": t.precision,
                "range": t.range.as_ref().map(|(f, to)| json!({"from": f, "to": to})),
            })
        })
        .collect();
    let events: Value = doc
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "id": id('v', i),
                "sentence": e.sentence,
                "trigger": span(e.trigger),
                "text": doc.slice(e.trigger),
                "cameo": e.cameo,
                "cameo_root": e.cameo.get(..2).unwrap_or(&e.cameo),
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "plover": e.plover.as_ref().map(|p| json!({"type": p.kind, "mode": p.mode})),
                "status": e.status,
                "source": args(&e.source),
                "target": args(&e.target),
                "date": date(&e.date),
                "place": e.place.map(|p| json!({"place": id('p', p.place), "basis": p.basis})),
                "reported_by": opt_id('e', e.reported_by),
                "confidence": (e.confidence * 100.0).round() / 100.0,
                "rule": e.rule,
                "same_as": opt_id('v', e.same_as),
            })
        })
        .collect();
    let casualties: Value = doc
        .casualties
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "id": id('c', i),
                "sentence": c.sentence,
                "start": c.span.start,
                "end": c.span.end,
                "text": doc.slice(c.span),
                "kind": c.kind,
                "min": c.min,
                "max": c.max,
                "approx": c.approx,
                "group": c.group,
                "part_of": opt_id('c', c.part_of),
                "event": opt_id('v', c.event),
                "place": opt_id('p', c.place),
                "date": date(&c.date),
                "reported_by": opt_id('e', c.reported_by),
            })
        })
        .collect();
    let quotes: Value = doc
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            json!({
                "id": id('q', i),
                "start": q.span.start,
                "end": q.span.end,
                "text": doc.slice(q.span),
                "kind": q.kind,
                "speaker": opt_id('e', q.speaker),
                "speaker_name": q.speaker_name,
                "cue": q.cue.map(span),
                "event": opt_id('v', q.event),
            })
        })
        .collect();
    let blocks: Value = doc.blocks.iter().map(|b| json!(b)).collect();
    let mut out = Map::new();
    out.insert("schema".into(), SCHEMA.into());
    out.insert("article".into(), article);
    out.insert("removed".into(), json!(doc.removed));
    out.insert("blocks".into(), blocks);
    out.insert("sentences".into(), sentences);
    out.insert("entities".into(), entities);
    out.insert("places".into(), places);
    out.insert("times".into(), times);
    out.insert("events".into(), events);
    out.insert("casualties".into(), casualties);
    out.insert("quotes".into(), quotes);
    Value::Object(out)
}

/// The `dateline/1` error line for an input that could not be read.
pub fn error_json(input: &str, message: &str) -> Value {
    json!({"schema": SCHEMA, "error": {"input": input, "message": message}})
}
