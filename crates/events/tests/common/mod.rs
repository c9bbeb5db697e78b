//! Test documents built by hand: a small markup for the layers the earlier stages would add.
//!
//! `[Russia|RUS|country]` an entity with an actor code (kind: country, nationality, person,
//! organization, group; code `-` for none), `{Aleppo|SY|city}` a place (country alpha-2,
//! feature), `<on Friday|2016-12-09|day>` a time expression. Everything else is plain text.
//! A line starting with `T:` is a title block, `S:` a standfirst block.

#![allow(dead_code)]

use dateline_doc::{
    Actor, BlockKind, BlockText, Doc, Entity, EntityKind, Feature, Meta, Place, Precision, Span,
    Time,
};

pub const PUBLISHED: (i16, i8, i8) = (2016, 12, 14);

struct Mark {
    kind: char,
    start: usize,
    end: usize,
    fields: Vec<String>,
}

fn strip(line: &str) -> (String, Vec<Mark>) {
    let mut out = String::new();
    let mut marks = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let close = match c {
            '[' => ']',
            '{' => '}',
            '<' => '>',
            _ => {
                out.push(c);
                continue;
            }
        };
        let mut inner = String::new();
        for d in chars.by_ref() {
            if d == close {
                break;
            }
            inner.push(d);
        }
        let mut fields: Vec<String> = inner.split('|').map(str::to_string).collect();
        let text = fields.remove(0);
        let start = out.len();
        out.push_str(&text);
        marks.push(Mark {
            kind: c,
            start,
            end: out.len(),
            fields,
        });
    }
    (out, marks)
}

/// Build and layer a document from marked-up lines (blank-line separated blocks are lines here).
pub fn doc(lines: &[&str]) -> Doc {
    let mut blocks = Vec::new();
    let mut all_marks = Vec::new();
    let mut offset = 0;
    for (i, l) in lines.iter().enumerate() {
        let (kind, l) = if let Some(r) = l.strip_prefix("T:") {
            (BlockKind::Title, r.trim())
        } else if let Some(r) = l.strip_prefix("S:") {
            (BlockKind::Standfirst, r.trim())
        } else if let Some(r) = l.strip_prefix("H:") {
            (BlockKind::Heading, r.trim())
        } else {
            (BlockKind::Paragraph, l.trim())
        };
        let (text, marks) = strip(l);
        if i > 0 {
            offset += 2;
        }
        for m in marks {
            all_marks.push(Mark {
                start: m.start + offset,
                end: m.end + offset,
                ..m
            });
        }
        offset += text.len();
        blocks.push(BlockText { kind, text });
    }
    let meta = Meta {
        published: Some(jiff::civil::date(PUBLISHED.0, PUBLISHED.1, PUBLISHED.2)),
        ..Meta::default()
    };
    let mut d = Doc::from_blocks(meta, &blocks, vec![]);
    dateline_segment::segment(&mut d);
    for m in all_marks {
        let span = Span::new(m.start, m.end);
        let name = d.slice(span).to_string();
        match m.kind {
            '[' => {
                let code = m.fields.first().cloned().unwrap_or_default();
                let kind = match m.fields.get(1).map(String::as_str) {
                    Some("country") => EntityKind::Country,
                    Some("nationality") => EntityKind::Nationality,
                    Some("person") => EntityKind::Person,
                    Some("group") => EntityKind::Group,
                    _ => EntityKind::Organization,
                };
                let actor = (code != "-").then(|| Actor {
                    country: Some(code[..3.min(code.len())].to_string()),
                    sector: (code.len() > 3).then(|| code[3..].to_string()),
                    code,
                });
                // same name → same entity
                if let Some(e) = d.entities.iter_mut().find(|e| e.name == name) {
                    e.mentions.push(span);
                } else {
                    d.entities.push(Entity {
                        kind,
                        name,
                        title: None,
                        actor,
                        place: None,
                        mentions: vec![span],
                    });
                }
            }
            '{' => {
                let feature = match m.fields.get(1).map(String::as_str) {
                    Some("country") => Some(Feature::Country),
                    Some("admin1") => Some(Feature::Admin1),
                    Some("admin2") => Some(Feature::Admin2),
                    Some("region") => Some(Feature::Region),
                    Some("landmark") => Some(Feature::Landmark),
                    _ => Some(Feature::City),
                };
                if let Some(p) = d.places.iter_mut().find(|p| p.name == name) {
                    p.mentions.push(span);
                } else {
                    d.places.push(Place {
                        name,
                        geonameid: None,
                        country: m.fields.first().cloned(),
                        admin1: None,
                        lat: None,
                        lon: None,
                        feature,
                        mentions: vec![span],
                    });
                }
            }
            _ => {
                let precision = match m.fields.get(1).map(String::as_str) {
                    Some("month") => Precision::Month,
                    Some("year") => Precision::Year,
                    Some("week") => Precision::Week,
                    _ => Precision::Day,
                };
                d.times.push(Time {
                    span,
                    value: m.fields.first().cloned().unwrap_or_default(),
                    precision,
                    range: None,
                });
            }
        }
    }
    d.times.sort_by_key(|t| t.span.start);
    assert!(d.check_spans().is_ok());
    d
}

/// A readable one-line summary of each event, for assertion messages.
pub fn summary(d: &Doc) -> String {
    d.events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let codes = |a: &[dateline_doc::Argument]| {
                a.iter()
                    .map(|x| {
                        x.code
                            .clone()
                            .unwrap_or_else(|| format!("'{}'", d.slice(x.span)))
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            };
            format!(
                "#{i} {} {:?} '{}' src=[{}] tgt=[{}] date={:?} place={:?} same_as={:?} rule={}",
                e.cameo,
                e.status,
                d.slice(e.trigger),
                codes(&e.source),
                codes(&e.target),
                e.date.as_ref().map(|x| (x.value.as_str(), x.basis)),
                e.place.map(|p| d.places[p.place].name.as_str()),
                e.same_as,
                e.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Check one expectation line: `CODE STATUS [src=A,B] [tgt=C] [place=Name|none] [date=V]
/// [trig=word]`,
/// or `!ROOT` (no occurred event of that root), `nROOT=N` (exactly N events of that root), or
/// `none` (no event at all).
pub fn check(d: &Doc, expect: &str) -> Result<(), String> {
    let expect = expect.trim();
    if expect == "none" {
        return if d.events.is_empty() {
            Ok(())
        } else {
            Err(format!("expected no event, got\n{}", summary(d)))
        };
    }
    // `nROOT=N`: exactly N events (any status) of that root, "one meeting, not two"
    if let Some((root, n)) = expect
        .strip_prefix('n')
        .and_then(|r| r.split_once('='))
        .filter(|(r, _)| r.chars().all(|c| c.is_ascii_digit()))
    {
        let got = d
            .events
            .iter()
            .filter(|e| e.cameo.starts_with(root))
            .count();
        return if got.to_string() == n {
            Ok(())
        } else {
            Err(format!(
                "expected {n} events of {root}, got {got}\n{}",
                summary(d)
            ))
        };
    }
    if let Some(root) = expect.strip_prefix('!') {
        return if d
            .events
            .iter()
            .any(|e| e.cameo.starts_with(root) && e.status == dateline_doc::Status::Occurred)
        {
            Err(format!("expected no occurred {root}, got\n{}", summary(d)))
        } else {
            Ok(())
        };
    }
    let mut parts = expect.split_whitespace().peekable();
    let code = parts.next().unwrap();
    let status = match parts.peek() {
        Some(p) if !p.contains('=') => parts.next().unwrap(),
        _ => "occurred",
    };
    let cands: Vec<_> = d
        .events
        .iter()
        .filter(|e| e.cameo.starts_with(code))
        .collect();
    if cands.is_empty() {
        return Err(format!("no {code} event in\n{}", summary(d)));
    }
    let rest: Vec<&str> = parts.collect();
    let ok = |e: &&dateline_doc::Event| -> Result<(), String> {
        let st = format!("{:?}", e.status).to_lowercase();
        if st != status {
            return Err(format!("status {st} != {status}"));
        }
        for r in &rest {
            let (k, val) = r.split_once('=').unwrap();
            let got = match k {
                "src" | "tgt" => {
                    let a = if k == "src" { &e.source } else { &e.target };
                    let mut v: Vec<String> = a.iter().filter_map(|x| x.code.clone()).collect();
                    v.sort();
                    v.join(",")
                }
                "place" => e
                    .place
                    .map_or("none".to_string(), |p| d.places[p.place].name.clone()),
                "date" => e
                    .date
                    .as_ref()
                    .map_or("none".to_string(), |x| x.value.clone()),
                // the trigger's first word: "trig=stabbing"
                "trig" => d
                    .slice(e.trigger)
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase(),
                _ => panic!("unknown key {k}"),
            };
            let mut want: Vec<&str> = val.split(',').collect();
            if k == "src" || k == "tgt" {
                want.sort();
            }
            if got != want.join(",") {
                return Err(format!("{k}: got {got}, want {val}"));
            }
        }
        Ok(())
    };
    let mut errs = Vec::new();
    for e in &cands {
        match ok(e) {
            Ok(()) => return Ok(()),
            Err(m) => errs.push(m),
        }
    }
    Err(format!("{code}: {}\n{}", errs.join("; "), summary(d)))
}

/// Run a fixture file: lines `EXPECT ; EXPECT | marked-up sentence`, `#` comments.
pub fn run_fixture(name: &str, text: &str, lex: &dateline_events::Lexicon) -> Vec<String> {
    let mut failures = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (expects, sentence) = line.split_once(" | ").expect("EXPECT | sentence");
        let mut d = doc(&[sentence]);
        dateline_events::code(&mut d, lex);
        for ex in expects.split(';') {
            if let Err(e) = check(&d, ex) {
                failures.push(format!("{name}:{}: {sentence}\n  {e}", n + 1));
            }
        }
    }
    failures
}
