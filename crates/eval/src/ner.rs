//! Evaluation: ner. Named-entity recognition on CoNLL-2003 English dev (`original/valid.txt`),
//! dateline beside spaCy's small English model, scored the same way.
//!
//! Each CoNLL document (between `-DOCSTART-` lines) becomes one `Doc`: every sentence is a block
//! (the first a title block, as the first line of a Reuters story is its headline), its tokens
//! joined by single spaces, so token offsets are known exactly. The document runs through
//! segment, entities and geo. Our kinds map to CoNLL types: person → PER, organisation →
//! ORG, country → LOC, and every place mention from geo → LOC; nationalities and group nouns are
//! not scored (CoNLL calls demonyms MISC). spaCy (`scripts/spacy_ner.py`) reads the same text;
//! PERSON → PER, GPE/LOC/FAC → LOC, ORG → ORG, the rest unscored. Scoring is conlleval's:
//! entity-level exact span and type match, per type and micro over PER, LOC and ORG (MISC is
//! left out for both systems, since neither predicts it in CoNLL's sense).

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

use dateline_doc::{BlockKind, BlockText, Doc, EntityKind, Meta};

use crate::{dataset, prf, workspace_root, write_section};

pub const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// One CoNLL document: its sentences' tokens and gold entities (token ranges, document-wide).
#[derive(Clone, Debug, Default)]
pub struct ConllDoc {
    pub sentences: Vec<Vec<String>>,
    pub gold: Vec<(usize, usize, &'static str)>,
}

fn type_of(tag: &str) -> Option<&'static str> {
    match tag {
        "PER" => Some("PER"),
        "LOC" => Some("LOC"),
        "ORG" => Some("ORG"),
        "MISC" => Some("MISC"),
        _ => None,
    }
}

/// Read a CoNLL-2003 file (IOB1 or IOB2 tags in the last column).
pub fn read_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut cur = ConllDoc::default();
    let mut sent: Vec<String> = Vec::new();
    let mut n = 0usize; // tokens so far in the document
    let mut open: Option<(usize, &'static str)> = None;
    let close = |open: &mut Option<(usize, &'static str)>, at: usize, cur: &mut ConllDoc| {
        if let Some((s, t)) = open.take() {
            cur.gold.push((s, at, t));
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            close(&mut open, n, &mut cur);
            if !sent.is_empty() {
                cur.sentences.push(std::mem::take(&mut sent));
            }
            if !cur.sentences.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
            n = 0;
            continue;
        }
        if line.is_empty() {
            close(&mut open, n, &mut cur);
            if !sent.is_empty() {
                cur.sentences.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let tok = cols[0].to_string();
        let tag = *cols.last().unwrap();
        let (bio, ty) = match tag.split_once('-') {
            Some((b, t)) => (b, type_of(t)),
            None => ("O", None),
        };
        match (bio, ty) {
            ("B", Some(t)) => {
                close(&mut open, n, &mut cur);
                open = Some((n, t));
            }
            ("I", Some(t)) => {
                if open.is_none_or(|(_, ot)| ot != t) {
                    close(&mut open, n, &mut cur);
                    open = Some((n, t));
                }
            }
            _ => close(&mut open, n, &mut cur),
        }
        sent.push(tok);
        n += 1;
    }
    close(&mut open, n, &mut cur);
    if !sent.is_empty() {
        cur.sentences.push(sent);
    }
    if !cur.sentences.is_empty() {
        docs.push(cur);
    }
    docs
}

/// The document text as dateline sees it, and each token's byte range in it.
pub fn reconstruct(d: &ConllDoc) -> (Doc, Vec<(usize, usize)>) {
    let blocks: Vec<BlockText> = d
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| BlockText {
            kind: if i == 0 {
                BlockKind::Title
            } else {
                BlockKind::Paragraph
            },
            text: s.join(" "),
        })
        .collect();
    let doc = Doc::from_blocks(Meta::default(), &blocks, vec![]);
    let mut offsets = Vec::new();
    for (b, s) in doc.blocks.iter().zip(&d.sentences) {
        let mut at = b.span.start;
        for t in s {
            offsets.push((at, at + t.len()));
            at += t.len() + 1;
        }
    }
    (doc, offsets)
}

/// Predicted (byte start, byte end, type) → token-range entities; spans off token boundaries
/// stay as unmatched predictions.
fn to_tokens(
    spans: impl IntoIterator<Item = (usize, usize, &'static str)>,
    offsets: &[(usize, usize)],
) -> HashSet<(usize, usize, &'static str)> {
    let starts: HashMap<usize, usize> = offsets.iter().enumerate().map(|(i, o)| (o.0, i)).collect();
    let ends: HashMap<usize, usize> = offsets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.1, i + 1))
        .collect();
    spans
        .into_iter()
        .map(
            |(s, e, t)| match (starts.get(&s).copied(), ends.get(&e).copied()) {
                (Some(a), Some(b)) if a < b => (a, b, t),
                // unaligned: an index no gold entity has
                _ => (usize::MAX - s, usize::MAX - e, t),
            },
        )
        .collect()
}

/// Per-type counts (tp, fp, fn).
#[derive(Clone, Debug, Default)]
pub struct Counts(pub HashMap<&'static str, (usize, usize, usize)>);

impl Counts {
    fn add(
        &mut self,
        gold: &[(usize, usize, &'static str)],
        pred: &HashSet<(usize, usize, &'static str)>,
    ) {
        let gold: HashSet<(usize, usize, &'static str)> = gold
            .iter()
            .copied()
            .filter(|g| TYPES.contains(&g.2))
            .collect();
        for t in TYPES {
            let c = self.0.entry(t).or_default();
            for p in pred.iter().filter(|p| p.2 == t) {
                if gold.contains(p) {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
            c.2 += gold
                .iter()
                .filter(|g| g.2 == t && !pred.contains(g))
                .count();
        }
    }

    /// (P, R, F1) of one type, or of all three ("micro").
    pub fn prf(&self, t: &str) -> (f64, f64, f64) {
        let (tp, fp, fn_) = if t == "micro" {
            self.0
                .values()
                .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2))
        } else {
            self.0.get(t).copied().unwrap_or_default()
        };
        prf(tp, fp, fn_)
    }

    pub fn gold(&self, t: &str) -> usize {
        self.0.get(t).map(|c| c.0 + c.2).unwrap_or(0)
    }
}

/// Dateline's predictions for one document, as byte spans with CoNLL types.
pub fn predict(doc: &Doc) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    for e in &doc.entities {
        let t = match e.kind {
            // an unnamed official ("Iran's foreign minister") is no name
            EntityKind::Person if e.title.as_deref() == Some(e.name.as_str()) => continue,
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Country | EntityKind::Place => "LOC",
            EntityKind::Group | EntityKind::Nationality => continue,
        };
        out.extend(e.mentions.iter().map(|m| (m.start, m.end, t)));
    }
    for p in &doc.places {
        out.extend(p.mentions.iter().map(|m| (m.start, m.end, "LOC")));
    }
    out
}

/// Run dateline over the documents; returns counts and the seconds spent in the pipeline.
pub fn score_dateline(docs: &[ConllDoc]) -> (Counts, f64) {
    score_dateline_with(docs, None)
}

/// As [`score_dateline`], printing the misses and false alarms of one type (`--errors TYPE`).
pub fn score_dateline_with(docs: &[ConllDoc], errors: Option<&str>) -> (Counts, f64) {
    let ents = dateline_entities::Resources::load();
    let gaz = dateline_geo::Gazetteer::load();
    let mut counts = Counts::default();
    let mut secs = 0.0;
    for d in docs {
        let (mut doc, offsets) = reconstruct(d);
        let t0 = Instant::now();
        dateline_segment::segment(&mut doc);
        dateline_entities::recognise(&mut doc, &ents);
        dateline_geo::locate(&mut doc, &gaz);
        secs += t0.elapsed().as_secs_f64();
        let pred = to_tokens(predict(&doc), &offsets);
        if let Some(ty) = errors {
            let words: Vec<&str> = d.sentences.iter().flatten().map(String::as_str).collect();
            let show = |s: usize, e: usize| {
                if s >= words.len() || e > words.len() {
                    return "(unaligned)".to_string();
                }
                let a = s.saturating_sub(4);
                let b = (e + 4).min(words.len());
                format!(
                    "{} [[{}]] {}",
                    words[a..s].join(" "),
                    words[s..e].join(" "),
                    words[e..b].join(" ")
                )
            };
            for g in d.gold.iter().filter(|g| g.2 == ty && !pred.contains(g)) {
                let other: Vec<&str> = pred
                    .iter()
                    .filter(|p| p.0 == g.0 && p.1 == g.1)
                    .map(|p| p.2)
                    .collect();
                println!("MISS {ty} {other:?}: {}", show(g.0, g.1));
            }
            for p in pred.iter().filter(|p| p.2 == ty && !d.gold.contains(p)) {
                let other: Vec<&str> = d
                    .gold
                    .iter()
                    .filter(|g| g.0 == p.0 && g.1 == p.1)
                    .map(|g| g.2)
                    .collect();
                println!("FALSE {ty} gold={other:?}: {}", show(p.0, p.1));
            }
        }
        counts.add(&d.gold, &pred);
    }
    (counts, secs)
}

/// Run spaCy over the same texts; `Err` when spaCy or its model is missing.
pub fn score_spacy(docs: &[ConllDoc]) -> Result<(Counts, String), String> {
    let recon: Vec<(Doc, Vec<(usize, usize)>)> = docs.iter().map(reconstruct).collect();
    let texts: Vec<&str> = recon.iter().map(|(d, _)| d.text()).collect();
    let script = workspace_root().join("scripts/spacy_ner.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let input = serde_json::to_vec(&texts).map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
    let model = v["model"].as_str().unwrap_or("?").to_string();
    let per_doc = v["docs"].as_array().ok_or("spaCy output without docs")?;
    let mut counts = Counts::default();
    for ((d, (_, offsets)), ents) in docs.iter().zip(&recon).zip(per_doc) {
        let spans = ents.as_array().into_iter().flatten().filter_map(|e| {
            let s = e[0].as_u64()? as usize;
            let t = e[1].as_u64()? as usize;
            let ty = match e[2].as_str()? {
                "PERSON" => "PER",
                "GPE" | "LOC" | "FAC" => "LOC",
                "ORG" => "ORG",
                _ => return None,
            };
            Some((s, t, ty))
        });
        counts.add(&d.gold, &to_tokens(spans, offsets));
    }
    Ok((counts, model))
}

/// Read one file of the data set (`valid.txt`, `train.txt`), or `None` (with a notice).
pub fn load_split(file: &str) -> Option<Vec<ConllDoc>> {
    let dir = dataset("conll2003")?;
    let p = dir.join("original").join(file);
    let text = std::fs::read_to_string(&p)
        .map_err(|e| println!("notice: cannot read {}: {e} — skipping", p.display()))
        .ok()?;
    Some(read_conll(&text))
}

/// The dev set, or `None` (with a notice) when the data is absent.
pub fn load_dev() -> Option<Vec<ConllDoc>> {
    load_split("valid.txt")
}

fn row(name: &str, c: &Counts, t: &str) -> String {
    let (p, r, f) = c.prf(t);
    format!(
        "{name} {:.1} / {:.1} / **{:.1}**",
        p * 100.0,
        r * 100.0,
        f * 100.0
    )
}

/// Run the evaluation, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    let Some(docs) = load_dev() else {
        return Ok(());
    };
    if let Some(i) = args.iter().position(|a| a == "--errors") {
        // analysis only: list one type's errors, write nothing
        let ty = args.get(i + 1).map(String::as_str).unwrap_or("PER");
        let ty = TYPES
            .iter()
            .copied()
            .find(|t| *t == ty)
            .ok_or("--errors PER|LOC|ORG")?;
        score_dateline_with(&docs, Some(ty));
        return Ok(());
    }
    let mut md = String::new();
    md.push_str("## Named entities (CoNLL-2003 English)\n\n");
    md.push_str(
        "`cargo run --release -p dateline-eval -- ner`. Entity-level exact match (conlleval), \
         P / R / **F1** in %; micro over PER, LOC and ORG (MISC not scored). Documents rebuilt \
         from the tokens (joined by spaces, one block a sentence); dateline runs segment → \
         entities → geo, with LOC from country entities and geo's places; spaCy reads the same \
         text. The rules were developed looking at dev errors only; train was not examined, so it \
         serves as the held-out check.\n",
    );
    let mut secs_all = 0.0;
    let mut docs_all = 0usize;
    for (label, file, data) in [
        ("dev (`original/valid.txt`)", "valid.txt", Some(docs)),
        ("train (`original/train.txt`, held out)", "train.txt", None),
    ] {
        let Some(docs) = data.or_else(|| load_split(file)) else {
            continue;
        };
        let tokens: usize = docs.iter().flat_map(|d| &d.sentences).map(Vec::len).sum();
        let (ours, secs) = score_dateline(&docs);
        secs_all += secs;
        docs_all += docs.len();
        let spacy = score_spacy(&docs);
        let model = match &spacy {
            Ok((_, m)) => m.clone(),
            Err(_) => "not run".into(),
        };
        md.push_str(&format!(
            "\n### {label}: {} documents, {tokens} tokens, {} PER / {} LOC / {} ORG gold entities\n\n",
            docs.len(),
            ours.gold("PER"),
            ours.gold("LOC"),
            ours.gold("ORG"),
        ));
        md.push_str(&format!(
            "| type | dateline | spaCy `{model}` |\n|---|---|---|\n"
        ));
        for t in TYPES.iter().copied().chain(["micro"]) {
            let theirs = match &spacy {
                Ok((c, _)) => row("", c, t),
                Err(_) => "—".into(),
            };
            md.push_str(&format!("| {t} | {} | {} |\n", row("", &ours, t), theirs));
        }
        if let Err(e) = &spacy {
            md.push_str(&format!("\nspaCy was not run: {e}\n"));
        }
    }
    md.push_str(&format!(
        "\ndateline pipeline time (segment+entities+geo): {:.2} s for {} documents \
         ({:.0} documents/s on one core).\n",
        secs_all,
        docs_all,
        docs_all as f64 / secs_all.max(1e-9)
    ));
    println!("{md}");
    write_section("ner", &md).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob_and_rebuilds_offsets() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nNew NNP B-NP I-LOC\nYork NNP I-NP I-LOC\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0].gold,
            vec![(0, 1, "ORG"), (2, 3, "MISC"), (3, 5, "PER")]
        );
        assert_eq!(docs[1].gold, vec![(0, 2, "LOC")]);
        let (doc, offs) = reconstruct(&docs[0]);
        assert_eq!(doc.text(), "EU rejects German\n\nPeter Blackburn");
        assert_eq!(&doc.text()[offs[4].0..offs[4].1], "Blackburn");
        let pred = to_tokens([(19, 34, "PER"), (0, 3, "ORG")], &offs);
        assert!(pred.contains(&(3, 5, "PER")));
        let mut c = Counts::default();
        c.add(&docs[0].gold, &pred);
        assert_eq!(c.0["PER"], (1, 0, 0));
        assert_eq!(c.0["ORG"], (0, 1, 1));
    }
}
