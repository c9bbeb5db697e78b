//! Evaluation: events. Three public sets, each read at run time from the shared data folder:
//!
//! (a) **PETRARCH2 validation suite** (`petrarch2-validation`): 284 stylised sentences with 385
//!     expected codings (source, target, CAMEO code) over fictional countries. The suite's own
//!     actor dictionary (`PETR.Validate.actors.txt`) is loaded through the entities crate's
//!     PETRARCH importer; its verb dictionary and parse trees are **not** used — dateline codes
//!     with its own lexicon and no parser. dateline keeps compound actors as one event with
//!     lists; for scoring, each event is expanded into its source × target dyads (a missing side
//!     stays empty). A gold coding is reproduced when a predicted dyad has the same source and
//!     target codes and the same CAMEO root (root level) or the same full code (code level);
//!     "event code only" ignores the actors.
//! (b) **PLOVER gold standard records** (`plover-gsr`, 322 sentences): the highest-confidence
//!     event of each sentence is compared with the gold PLOVER type (the GSR's older labels are
//!     read as the 2021 types: DEMAND→REQUEST, DISAPPROVE and INVESTIGATE→ACCUSE,
//!     FIGHT→ASSAULT), and its source countries with the gold source countries (first three
//!     letters of the codes; any overlap counts).
//! (c) **Event location** (`event-location`, Halterman 2019): for each sentence and marked verb,
//!     the place dateline attaches to that verb (`dateline_events::event_place`, the rules the
//!     coder uses) against the gold location spans, as token precision and recall over the
//!     data set's own tokens; also the share of verbs whose predicted place (or none) matches the
//!     gold exactly.
//!
//! Each sentence becomes a one-paragraph document and runs through segment, time, entities and
//! geo before the events stage, without the cleaning stage (which could drop short lines).

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use dateline_doc::{BlockKind, BlockText, Doc, Meta, Span, Status};
use dateline_entities::{ActorDictionary, Resources};
use dateline_events::Lexicon;
use dateline_geo::Gazetteer;
use regex::Regex;

use crate::{dataset, prf, write_section};

/// The stages before events, run over one sentence.
pub struct Stages {
    pub entities: Resources,
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
}

impl Stages {
    pub fn new(entities: Resources) -> Stages {
        Stages {
            entities,
            gazetteer: Gazetteer::load(),
            lexicon: Lexicon::load(),
        }
    }

    /// A one-paragraph document through every stage up to events (events included when
    /// `code`). Returns the document and the number of bytes trimmed from the front.
    pub fn doc(
        &self,
        text: &str,
        published: Option<jiff::civil::Date>,
        code: bool,
    ) -> (Doc, usize) {
        let lead = text.len() - text.trim_start().len();
        let meta = Meta {
            published,
            language: "en".into(),
            ..Meta::default()
        };
        let mut d = Doc::from_blocks(
            meta,
            &[BlockText {
                kind: BlockKind::Paragraph,
                text: text.to_string(),
            }],
            vec![],
        );
        dateline_segment::segment(&mut d);
        dateline_time::tag(&mut d);
        dateline_entities::recognise(&mut d, &self.entities);
        dateline_geo::locate(&mut d, &self.gazetteer);
        if code {
            dateline_events::code(&mut d, &self.lexicon);
        }
        (d, lead)
    }
}

/// Source × target dyads of every event (a missing side is the empty string), with the
/// reciprocal dyad of consultations and the hosting dyad of a visit, as the CAMEO codebook
/// codes them.
pub fn dyads(d: &Doc) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for e in &d.events {
        let codes = |a: &[dateline_doc::Argument]| -> Vec<String> {
            let v: Vec<String> = a.iter().filter_map(|x| x.code.clone()).collect();
            if v.is_empty() { vec![String::new()] } else { v }
        };
        // "Gondor and Osgiliath renewed ties": a joint act of cooperation between the
        // members of a compound source, with no target, is coded between them both ways
        let mutual = matches!(e.cameo.get(..2), Some("04" | "06"))
            || matches!(e.cameo.as_str(), "050" | "057");
        let joint: Vec<String> = {
            let mut v: Vec<String> = e.source.iter().filter_map(|x| x.code.clone()).collect();
            v.dedup();
            v
        };
        if mutual && e.target.iter().all(|x| x.code.is_none()) && joint.len() >= 2 {
            for s in &joint {
                for t in joint.iter().filter(|t| *t != s) {
                    out.push((s.clone(), t.clone(), e.cameo.clone()));
                }
            }
            continue;
        }
        for s in codes(&e.source) {
            for t in codes(&e.target) {
                out.push((s.clone(), t.clone(), e.cameo.clone()));
                // the codebook codes consultations as reciprocal events, and a visit with its
                // linked hosting
                match e.cameo.as_str() {
                    "040" | "041" | "044" | "046" if !t.is_empty() => {
                        out.push((t.clone(), s.clone(), e.cameo.clone()))
                    }
                    "042" if !t.is_empty() => out.push((t.clone(), s.clone(), "043".into())),
                    _ => {}
                }
            }
        }
    }
    out
}

#[derive(Debug, Default, Clone, Copy)]
pub struct PetrarchScore {
    pub dropped_dictionary_lines: usize,
    pub sentences: usize,
    pub gold: usize,
    pub root: usize,
    pub full: usize,
    pub code_root: usize,
    pub code_full: usize,
    pub predicted: usize,
    pub predicted_root_correct: usize,
    pub no_event_gold: usize,
    pub no_event_kept: usize,
    /// Expected codings whose code has a root outside CAMEO's 01–20 (the suite's own test
    /// codes, from its verb dictionary).
    pub non_cameo_root: usize,
    /// Expected codings reproduced in source and target codes, whatever the event code.
    pub actors: usize,
    /// Expected codings with a side that is no actor code (a quoted phrase, `###`).
    pub placeholder_actor: usize,
}

/// (a) The PETRARCH2 validation suite.
pub fn petrarch(dir: &Path) -> Result<PetrarchScore, String> {
    let base = dir.join("petrarch2/data");
    let xml = std::fs::read_to_string(base.join("text/PETR.UnitTest.records.xml"))
        .map_err(|e| format!("PETR.UnitTest.records.xml: {e}"))?;
    let actors = std::fs::read_to_string(base.join("dictionaries/PETR.Validate.actors.txt"))
        .map_err(|e| format!("PETR.Validate.actors.txt: {e}"))?;
    // The importer belongs to the entities crate; a line it rejects is left out (and counted)
    // rather than read by a second parser here.
    let mut lines: Vec<&str> = actors.lines().collect();
    let mut dropped = Vec::new();
    let dict = loop {
        match ActorDictionary::parse_petrarch(&lines.join("\n")) {
            Ok(d) => break d,
            Err(e) if e.line >= 1 && e.line <= lines.len() && dropped.len() < 50 => {
                dropped.push(format!("{} ({})", lines[e.line - 1].trim(), e.message));
                lines.remove(e.line - 1);
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    if !dropped.is_empty() {
        println!(
            "notice: {} actor dictionary line(s) rejected by the PETRARCH importer and left out: {}",
            dropped.len(),
            dropped.join("; ")
        );
    }
    let stages = Stages::new(Resources::load().with_actor_dictionary(dict));
    let rec = Regex::new(r#"(?s)<Sentence ([^>]*)>(.*?)</Sentence>"#).unwrap();
    let date_re = Regex::new(r#"date="(\d{4})(\d{2})(\d{2})""#).unwrap();
    let coding = Regex::new(r#"<EventCoding ([^>]*)>"#).unwrap();
    let attr = |s: &str, name: &str| -> Option<String> {
        let re = Regex::new(&format!(r#"{name}\s*=\s*(?:"([^"]*)"|'([^']*)')"#)).unwrap();
        re.captures(s)
            .and_then(|c| c.get(1).or(c.get(2)))
            .map(|m| m.as_str().to_string())
    };
    let text_re = Regex::new(r"(?s)<Text>(.*?)</Text>").unwrap();
    let xml = Regex::new(r"(?s)<!--.*?-->").unwrap().replace_all(&xml, "");
    let mut sc = PetrarchScore {
        dropped_dictionary_lines: dropped.len(),
        ..PetrarchScore::default()
    };
    let debug = std::env::var_os("DATELINE_EVENTS_DEBUG").is_some();
    for c in rec.captures_iter(&xml) {
        let (head, body) = (&c[1], &c[2]);
        let Some(text) = text_re
            .captures(body)
            .map(|t| t[1].split_whitespace().collect::<Vec<_>>().join(" "))
        else {
            continue;
        };
        let published = date_re.captures(head).and_then(|m| {
            jiff::civil::Date::new(m[1].parse().ok()?, m[2].parse().ok()?, m[3].parse().ok()?).ok()
        });
        sc.sentences += 1;
        let (d, _) = stages.doc(&text, published, true);
        let pred = dyads(&d);
        sc.predicted += pred.len();
        let mut gold = Vec::new();
        let mut noevents = false;
        for g in coding.captures_iter(body) {
            let a = &g[1];
            if attr(a, "noevents").is_some() {
                noevents = true;
                continue;
            }
            if let (Some(s), Some(t), Some(e)) = (
                attr(a, "sourcecode"),
                attr(a, "targetcode"),
                attr(a, "eventcode"),
            ) {
                gold.push((s, t, e));
            }
        }
        if noevents {
            sc.no_event_gold += 1;
            if d.events.is_empty() {
                sc.no_event_kept += 1;
            }
        }
        if debug {
            println!("{text}\n  gold {gold:?}\n  pred {pred:?}");
            for e in &d.entities {
                println!(
                    "    entity {:?} {:?}",
                    e.name,
                    e.actor.as_ref().map(|a| &a.code)
                );
            }
        }
        for (s, t, e) in &gold {
            sc.gold += 1;
            if !e
                .get(..2)
                .and_then(|r| r.parse::<u8>().ok())
                .is_some_and(|r| (1..=20).contains(&r))
            {
                sc.non_cameo_root += 1;
            }
            if [s, t].iter().any(|a| a.contains('"') || a.contains('#')) {
                sc.placeholder_actor += 1;
            }
            if pred.iter().any(|p| &p.0 == s && &p.1 == t) {
                sc.actors += 1;
            }
            let root = |c: &str| c.get(..2).unwrap_or("").to_string();
            if pred
                .iter()
                .any(|p| &p.0 == s && &p.1 == t && root(&p.2) == root(e))
            {
                sc.root += 1;
            }
            if pred.iter().any(|p| &p.0 == s && &p.1 == t && &p.2 == e) {
                sc.full += 1;
            }
            if d.events.iter().any(|p| root(&p.cameo) == root(e)) {
                sc.code_root += 1;
            }
            if d.events.iter().any(|p| &p.cameo == e) {
                sc.code_full += 1;
            }
        }
        let root = |c: &str| c.get(..2).unwrap_or("").to_string();
        sc.predicted_root_correct += pred
            .iter()
            .filter(|p| {
                gold.iter()
                    .any(|g| g.0 == p.0 && g.1 == p.1 && root(&g.2) == root(&p.2))
            })
            .count();
    }
    Ok(sc)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct PloverScore {
    pub records: usize,
    pub with_event: usize,
    pub type_correct: usize,
    pub source_records: usize,
    pub source_correct: usize,
    pub target_records: usize,
    pub target_correct: usize,
}

fn gsr_type(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        t => t,
    }
}

/// (b) The PLOVER gold standard records.
pub fn plover(dir: &Path) -> Result<PloverScore, String> {
    let path = dir.join("gold_standard_records/PLOVER_GSR_CAMEO.txt");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let recs: Vec<serde_json::Value> = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
    let stages = Stages::new(Resources::load());
    let mut sc = PloverScore::default();
    let countries = |v: &serde_json::Value| -> HashSet<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.get("code").and_then(|c| c.as_str()))
            .filter(|c| c.len() >= 3)
            .map(|c| c[..3].to_string())
            .collect()
    };
    for r in &recs {
        let (Some(text), Some(event)) = (
            r.get("text").and_then(|t| t.as_str()),
            r.get("event").and_then(|t| t.as_str()),
        ) else {
            continue;
        };
        sc.records += 1;
        let (d, _) = stages.doc(text, None, true);
        // the event that happened, then the most confident, then the first
        let best = d.events.iter().max_by(|a, b| {
            (a.status == Status::Occurred)
                .cmp(&(b.status == Status::Occurred))
                .then(
                    a.confidence
                        .partial_cmp(&b.confidence)
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
                .then(b.trigger.start.cmp(&a.trigger.start))
        });
        let gold_src = r.get("source").map(countries).unwrap_or_default();
        let gold_tgt = r.get("target").map(countries).unwrap_or_default();
        if !gold_src.is_empty() {
            sc.source_records += 1;
        }
        if !gold_tgt.is_empty() {
            sc.target_records += 1;
        }
        let Some(e) = best else {
            if std::env::var_os("DATELINE_EVENTS_DEBUG").is_some() {
                println!("PLOVER {} got none | {text}", gsr_type(event));
            }
            continue;
        };
        sc.with_event += 1;
        if e.plover.as_ref().is_some_and(|p| p.kind == gsr_type(event)) {
            sc.type_correct += 1;
        } else if std::env::var_os("DATELINE_EVENTS_DEBUG").is_some() {
            println!(
                "PLOVER {} got {:?} '{}' | {text}",
                gsr_type(event),
                e.plover.as_ref().map(|p| p.kind.as_str()),
                d.slice(e.trigger)
            );
        }
        let pc = |a: &[dateline_doc::Argument]| -> HashSet<String> {
            a.iter()
                .filter_map(|x| x.code.as_deref())
                .filter(|c| c.len() >= 3)
                .map(|c| c[..3].to_string())
                .collect()
        };
        if !gold_src.is_empty() && !pc(&e.source).is_disjoint(&gold_src) {
            sc.source_correct += 1;
        } else if !gold_src.is_empty() && std::env::var_os("DATELINE_EVENTS_DEBUG").is_some() {
            println!(
                "SRC gold {:?} got {:?} '{}' | {text}",
                gold_src,
                pc(&e.source),
                d.slice(e.trigger)
            );
        }
        if !gold_tgt.is_empty() && !pc(&e.target).is_disjoint(&gold_tgt) {
            sc.target_correct += 1;
        } else if !gold_tgt.is_empty() && std::env::var_os("DATELINE_EVENTS_DEBUG").is_some() {
            println!(
                "TGT gold {:?} got {:?} '{}' | {text}",
                gold_tgt,
                pc(&e.target),
                d.slice(e.trigger)
            );
        }
    }
    Ok(sc)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct LocationScore {
    pub verbs: usize,
    /// Gold location tokens inside any place mention the geo stage found (an upper bound on
    /// recall for any attachment rule).
    pub gold_tokens_found_as_places: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub exact: usize,
    pub gold_none: usize,
    pub predicted_none_when_gold_none: usize,
}

/// Character offset → byte offset in `s`.
fn byte_at(s: &str, ch: usize) -> usize {
    s.char_indices().nth(ch).map_or(s.len(), |(b, _)| b)
}

/// (c) Event location, over at most `limit` records (all when `None`).
pub fn location(dir: &Path, limit: Option<usize>) -> Result<LocationScore, String> {
    use std::io::Read;
    let path = dir.join("labeled_text_dev.json.gz");
    let f = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut raw = String::new();
    flate2::read::GzDecoder::new(f)
        .read_to_string(&mut raw)
        .map_err(|e| e.to_string())?;
    let recs: Vec<serde_json::Value> = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
    let stages = Stages::new(Resources::load());
    let mut sc = LocationScore::default();
    for r in recs.iter().take(limit.unwrap_or(usize::MAX)) {
        let Some(text) = r.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let spans = r
            .get("spans")
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        let tokens = r
            .get("tokens")
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        let span_of = |s: &serde_json::Value| -> Option<(usize, usize)> {
            Some((
                s.get("start")?.as_u64()? as usize,
                s.get("end")?.as_u64()? as usize,
            ))
        };
        let tok_spans: Vec<(usize, usize)> = tokens.iter().filter_map(span_of).collect();
        // Some records give token indices in start/end; the token indices are reliable, so
        // spans are read through them when present.
        let span_of_label = |s: &serde_json::Value| -> Option<(usize, usize)> {
            let ts = s.get("token_start").and_then(|v| v.as_u64());
            let te = s.get("token_end").and_then(|v| v.as_u64());
            match (ts, te) {
                (Some(a), Some(b)) if (b as usize) < tok_spans.len() && a <= b => {
                    Some((tok_spans[a as usize].0, tok_spans[b as usize].1))
                }
                _ => span_of(s),
            }
        };
        let verbs: Vec<(usize, usize)> = spans
            .iter()
            .filter(|s| s.get("label").and_then(|l| l.as_str()) == Some("VERB"))
            .filter_map(span_of_label)
            .collect();
        let gold: Vec<(usize, usize)> = spans
            .iter()
            .filter(|s| s.get("label").and_then(|l| l.as_str()) == Some("LOCATION"))
            .filter_map(span_of_label)
            .collect();
        let toks = tok_spans.clone();
        if verbs.is_empty() || toks.is_empty() {
            continue;
        }
        let (d, lead) = stages.doc(text, None, false);
        // document byte span → character span of the record
        let to_doc = |c: usize| byte_at(text, c).saturating_sub(lead);
        for &(vs, ve) in &verbs {
            sc.verbs += 1;
            let vspan = Span::new(to_doc(vs), to_doc(ve));
            let pred = d
                .sentence_at(vspan.start)
                .and_then(|s| dateline_events::event_place(&d, &stages.lexicon, s, vspan))
                .map(|(_, sp)| sp);
            let in_any = |t: &(usize, usize), spans: &[(usize, usize)]| {
                spans.iter().any(|g| t.0 < g.1 && g.0 < t.1)
            };
            let gold_toks: HashSet<usize> = (0..toks.len())
                .filter(|&i| in_any(&toks[i], &gold))
                .collect();
            let pred_toks: HashSet<usize> = match pred {
                Some(sp) => (0..toks.len())
                    .filter(|&i| {
                        let (a, b) = (to_doc(toks[i].0), to_doc(toks[i].1));
                        a < sp.end && sp.start < b
                    })
                    .collect(),
                None => HashSet::new(),
            };
            if std::env::var_os("DATELINE_EVENTS_DEBUG").is_some() && pred_toks != gold_toks {
                let found: Vec<&str> = d
                    .places
                    .iter()
                    .flat_map(|p| p.mentions.iter().map(|m| d.slice(*m)))
                    .collect();
                println!(
                    "{text}\n  verb {:?} gold {:?} pred {:?} places {:?}",
                    &text[byte_at(text, vs)..byte_at(text, ve)],
                    gold.iter()
                        .map(|g| &text[byte_at(text, g.0)..byte_at(text, g.1)])
                        .collect::<Vec<_>>(),
                    pred.map(|sp| d.slice(sp)),
                    found
                );
            }
            sc.gold_tokens_found_as_places += gold_toks
                .iter()
                .filter(|&&i| {
                    let (a, b) = (to_doc(toks[i].0), to_doc(toks[i].1));
                    d.places
                        .iter()
                        .any(|p| p.mentions.iter().any(|m| m.start < b && a < m.end))
                })
                .count();
            sc.tp += gold_toks.intersection(&pred_toks).count();
            sc.fp += pred_toks.difference(&gold_toks).count();
            sc.fn_ += gold_toks.difference(&pred_toks).count();
            if gold_toks.is_empty() {
                sc.gold_none += 1;
                if pred_toks.is_empty() {
                    sc.predicted_none_when_gold_none += 1;
                }
            }
            let exact = if gold_toks.is_empty() {
                pred_toks.is_empty()
            } else {
                !pred_toks.is_empty() && pred_toks.is_subset(&gold_toks)
            };
            if exact {
                sc.exact += 1;
            }
        }
    }
    Ok(sc)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Run the evaluation, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    let limit = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok());
    let mut md =
        String::from("## Events\n\nCommand: `cargo run --release -p dateline-eval -- events`\n\n");
    if let Some(dir) = dataset("petrarch2-validation") {
        let t = Instant::now();
        let s = petrarch(&dir)?;
        let text = format!(
            "### (a) PETRARCH2 validation suite ({} sentences, {} expected codings; own lexicon, no parser, suite actor dictionary)\n\n\
             | measure | dateline | goal / anchor |\n|---|---|---|\n\
             | codings reproduced, root level (source, target, CAMEO root) | {:.1}% ({}/{}) | goal ≥ 80% |\n\
             | codings reproduced, full code | {:.1}% ({}/{}) | |\n\
             | event code only, root level | {:.1}% ({}/{}) | |\n\
             | event code only, full code | {:.1}% ({}/{}) | |\n\
             | source and target codes only (any event code) | {:.1}% ({}/{}) | |\n\
             | predicted dyads matching a gold coding (root) | {:.1}% ({}/{}) | |\n\
             | \"no event\" sentences left without events | {}/{} | |\n\n\
             The suite tests PETRARCH's machinery with its own verb dictionary \
             (`PETR.Validate.verbs.txt`, not used here): {} of the {} expected codings carry codes \
             whose root is outside CAMEO's 01–20, {} have a side that is no actor code (a quoted \
             phrase or `###`), and others follow that dictionary's own numbering rather than the \
             CAMEO 1.1b3 codebook dateline's lexicon is written from (restoring diplomatic ties \
             is 064 there, the codebook's \"share intelligence\"; a condemnation 122, the \
             codebook's 111; a trip 032/033, the codebook's 042/043). Of the {} codings whose \
             source and target dateline reproduces, {} differ only in the event code. The ≥ 80% \
             goal is not met. ({:.1} s)\n\n",
            s.sentences,
            s.gold,
            pct(s.root, s.gold),
            s.root,
            s.gold,
            pct(s.full, s.gold),
            s.full,
            s.gold,
            pct(s.code_root, s.gold),
            s.code_root,
            s.gold,
            pct(s.code_full, s.gold),
            s.code_full,
            s.gold,
            pct(s.actors, s.gold),
            s.actors,
            s.gold,
            pct(s.predicted_root_correct, s.predicted),
            s.predicted_root_correct,
            s.predicted,
            s.no_event_kept,
            s.no_event_gold,
            s.non_cameo_root,
            s.gold,
            s.placeholder_actor,
            s.actors,
            s.actors - s.root,
            t.elapsed().as_secs_f64()
        );
        print!("{text}");
        md.push_str(&text);
    }
    if let Some(dir) = dataset("plover-gsr") {
        let t = Instant::now();
        let s = plover(&dir)?;
        let text = format!(
            "### (b) PLOVER gold standard records ({} sentences)\n\n\
             | measure | dateline |\n|---|---|\n\
             | sentences with an event | {:.1}% ({}/{}) |\n\
             | event type accuracy (all sentences) | {:.1}% ({}/{}) |\n\
             | event type accuracy (sentences with an event) | {:.1}% ({}/{}) |\n\
             | source country accuracy | {:.1}% ({}/{}) |\n\
             | target country accuracy | {:.1}% ({}/{}) |\n\n\
             The records' readme calls them ideal codings no automated system is expected to match fully. ({:.1} s)\n\n",
            s.records,
            pct(s.with_event, s.records),
            s.with_event,
            s.records,
            pct(s.type_correct, s.records),
            s.type_correct,
            s.records,
            pct(s.type_correct, s.with_event),
            s.type_correct,
            s.with_event,
            pct(s.source_correct, s.source_records),
            s.source_correct,
            s.source_records,
            pct(s.target_correct, s.target_records),
            s.target_correct,
            s.target_records,
            t.elapsed().as_secs_f64()
        );
        print!("{text}");
        md.push_str(&text);
    }
    if let Some(dir) = dataset("event-location") {
        let t = Instant::now();
        let s = location(&dir, limit)?;
        let (p, r, f) = prf(s.tp, s.fp, s.fn_);
        let text = format!(
            "### (c) Event location ({} verbs, Halterman 2019 development set)\n\n\
             | measure | dateline | anchor / goal |\n|---|---|---|\n\
             | token precision | {:.3} | anchor > 0.83 (Halterman 2019); goal ≥ 0.85 |\n\
             | token recall | {:.3} | |\n\
             | token F1 | {:.3} | |\n\
             | gold location tokens found as places by the geo stage (recall bound) | {:.3} | |\n\
             | verbs whose place (or no place) is right | {:.1}% ({}/{}) | |\n\
             | verbs without a gold place left without one | {:.1}% ({}/{}) | |\n\n\
             Places come from dateline's own geo stage (gazetteer), so a gold location it does not \
             find as a place cannot be predicted. ({:.1} s)\n",
            s.verbs,
            p,
            r,
            f,
            s.gold_tokens_found_as_places as f64 / (s.tp + s.fn_).max(1) as f64,
            pct(s.exact, s.verbs),
            s.exact,
            s.verbs,
            pct(s.predicted_none_when_gold_none, s.gold_none),
            s.predicted_none_when_gold_none,
            s.gold_none,
            t.elapsed().as_secs_f64()
        );
        print!("{text}");
        md.push_str(&text);
    }
    if limit.is_none() {
        write_section("events", &md).map_err(|e| e.to_string())?;
    }
    Ok(())
}
