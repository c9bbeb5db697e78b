//! Evaluation: quotations and speakers on PolNeAR (`polnear`, political news attribution
//! relations in brat standoff; see its SOURCE.md and annotation guidelines).
//!
//! Each article text goes through the whole pipeline (`Pipeline::process`, plain text). The
//! clean text's blocks are located in the original text to map dateline's byte offsets back
//! to the corpus's character offsets. Every `.ann` file (some dev articles have several
//! annotators) is scored on its own against the same output.
//!
//! Definitions:
//! - **Gold direct quote**: a fragment of an attribution's Content (fragments separated only by
//!   white space merged) that opens with a quotation mark (" “ ‘ ' '') and ends with a closing
//!   mark, possibly followed by punctuation. Its span for matching is the text inside the marks.
//! - **Found**: some quote dateline marked `direct` or `partial` covers at least 50% of the gold
//!   quote's characters. Recall = found / gold direct quotes.
//! - **Speaker accuracy** on the found quotes that have a gold Source: the speaker phrase
//!   dateline read next to the cue overlaps the gold Source span, or dateline's speaker name or
//!   phrase has the same head as the gold Source (last word before any comma, possessive ’s and
//!   case ignored; pronouns are matched by span only).
//! - **Precision**: a quote dateline marks (direct or partial) is correct when at least 50% of
//!   its characters lie inside gold Content spans of that annotator. Reported-clause
//!   (`indirect`) precision and recall are given separately with the same 50% rule (recall over
//!   gold contents that are not direct quotes).
//!
//! `dateline-eval quotes [--errors SPLIT [N]]` prints up to N misses of one split.

use crate::{dataset, text_article, write_section};
use dateline_pipeline::Pipeline;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// Time spent in the quotes stage alone, for the throughput figure.
static QUOTES_NANOS: AtomicU64 = AtomicU64::new(0);
/// Articles processed, for the throughput figure.
static ARTICLES: AtomicU64 = AtomicU64::new(0);

/// Figures for one split.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub files: usize,
    pub gold_direct: usize,
    pub found: usize,
    pub with_source: usize,
    pub speaker_ok: usize,
    pub predicted: usize,
    pub predicted_ok: usize,
    pub indirect_predicted: usize,
    pub indirect_ok: usize,
    pub gold_indirect: usize,
    pub indirect_found: usize,
    pub unmapped: usize,
    pub seconds: f64,
    /// Misses, for `--errors`.
    pub errors: Vec<String>,
}

impl Figures {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold_direct)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.with_source)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_ok, self.predicted)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// One brat annotation: kind and character fragments.
struct Ann {
    kind: String,
    frags: Vec<(usize, usize)>,
}

struct Relation {
    content: Option<String>,
    source: Option<String>,
}

fn parse_ann(s: &str) -> (HashMap<String, Ann>, Vec<Relation>) {
    let mut t = HashMap::new();
    let mut e = Vec::new();
    for line in s.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((kind, rest)) = mid.split_once(' ') else {
                continue;
            };
            let frags = rest
                .split(';')
                .filter_map(|f| {
                    let mut it = f.split_whitespace();
                    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
                })
                .collect();
            t.insert(
                id.to_string(),
                Ann {
                    kind: kind.to_string(),
                    frags,
                },
            );
        } else if id.starts_with('E') {
            let mut r = Relation {
                content: None,
                source: None,
            };
            for arg in mid.split_whitespace() {
                if let Some((k, v)) = arg.split_once(':') {
                    match k {
                        "Content" => r.content = Some(v.to_string()),
                        "Source" => r.source = Some(v.to_string()),
                        _ => {}
                    }
                }
            }
            e.push(r);
        }
    }
    (t, e)
}

/// Character view of the original text.
struct Chars {
    chars: Vec<char>,
    /// Byte offset → char offset (for byte offsets on char boundaries).
    byte_to_char: Vec<usize>,
}

impl Chars {
    fn new(s: &str) -> Chars {
        let mut byte_to_char = vec![0; s.len() + 1];
        let mut n = 0;
        for (b, c) in s.char_indices() {
            for k in 0..c.len_utf8() {
                byte_to_char[b + k] = n;
            }
            n += 1;
        }
        byte_to_char[s.len()] = n;
        Chars {
            chars: s.chars().collect(),
            byte_to_char,
        }
    }
    fn text(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())]
            .iter()
            .collect()
    }
}

const OPEN: &[char] = &['"', '“', '‘', '\'', '«', '”'];
const CLOSE: &[char] = &['"', '”', '’', '\'', '»', '“'];

/// Merge fragments separated by white space only.
fn merge(c: &Chars, frags: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut f: Vec<(usize, usize)> = frags.to_vec();
    f.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in f {
        if let Some(last) = out.last_mut()
            && (last.1..s.max(last.1)).all(|i| c.chars.get(i).is_some_and(|ch| ch.is_whitespace()))
        {
            last.1 = last.1.max(e);
            continue;
        }
        out.push((s, e));
    }
    out
}

/// The inside of a direct-quote fragment, or `None` when the fragment is not one.
fn direct_inside(c: &Chars, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    let (mut a, mut b) = (s, e.min(c.chars.len()));
    while a < b && c.chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && (c.chars[b - 1].is_whitespace() || ".,;:!?".contains(c.chars[b - 1])) {
        b -= 1;
    }
    if b <= a + 1 || !OPEN.contains(&c.chars[a]) || !CLOSE.contains(&c.chars[b - 1]) {
        return None;
    }
    while a < b && OPEN.contains(&c.chars[a]) {
        a += 1;
    }
    while b > a && CLOSE.contains(&c.chars[b - 1]) {
        b -= 1;
    }
    (b > a).then_some((a, b))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

fn head(s: &str) -> String {
    let first = s.split(',').next().unwrap_or(s);
    let w = first
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w);
    w.to_lowercase()
}

/// A processed article: predicted quotes in original character offsets.
struct Pred {
    span: (usize, usize),
    direct: bool,
    speaker_span: Option<(usize, usize)>,
    speaker_text: Option<String>,
    speaker_name: Option<String>,
    text: String,
}

fn predict(pipe: &Pipeline, text: &str, chars: &Chars) -> Result<(Vec<Pred>, usize), String> {
    let doc = pipe.process(text_article("polnear", "polnear", text.to_string(), None))?;
    // Locate each block of the clean text in the original: verbatim where possible, else by
    // aligning the two with any run of white space matching any other (the cleaner may join a
    // paragraph's lines or normalise spaces).
    let clean = doc.text();
    let mut map: Vec<Option<usize>> = vec![None; clean.len() + 1];
    let mut cursor = 0;
    for b in &doc.blocks {
        let s = doc.slice(b.span);
        if let Some(at) = text[cursor..].find(s).map(|i| i + cursor) {
            for (k, slot) in map[b.span.start..b.span.end].iter_mut().enumerate() {
                *slot = Some(at + k);
            }
            map[b.span.end] = Some(at + s.len());
            cursor = at + s.len();
        } else if let Some(at) = align(text, cursor, s) {
            for (k, o) in at.iter().enumerate() {
                map[b.span.start + k] = *o;
            }
            if let Some(last) = at.iter().rev().flatten().next() {
                cursor = *last + 1;
            }
        }
    }
    let to_orig = |off: usize, end: bool| -> Option<usize> {
        if end {
            // The end of the last character.
            let c = clean[..off].chars().next_back()?;
            let start = off - c.len_utf8();
            map[start].map(|o| chars.byte_to_char[o + c.len_utf8()])
        } else {
            map[off].map(|o| chars.byte_to_char[o])
        }
    };
    let mut out = Vec::new();
    let mut unmapped = 0;
    let t = Instant::now();
    let found = dateline_quotes::analyse(&doc);
    QUOTES_NANOS.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
    for a in found {
        let q = &a.quote;
        let (Some(s), Some(e)) = (to_orig(q.span.start, false), to_orig(q.span.end, true)) else {
            unmapped += 1;
            continue;
        };
        let speaker_span = a
            .speaker_span
            .and_then(|sp| Some((to_orig(sp.start, false)?, to_orig(sp.end, true)?)));
        out.push(Pred {
            span: (s, e),
            direct: q.kind != dateline_doc::QuoteKind::Indirect,
            speaker_span,
            speaker_text: a.speaker_span.map(|sp| doc.slice(sp).to_string()),
            speaker_name: q.speaker_name.clone(),
            text: doc.slice(q.span).chars().take(70).collect(),
        });
    }
    Ok((out, unmapped))
}

/// Align `block` with `text` from `from` on, white space runs matching each other: the
/// original byte offset of each byte of `block` (None inside a white-space run).
fn align(text: &str, from: usize, block: &str) -> Option<Vec<Option<usize>>> {
    let anchor: String = block.chars().take_while(|c| !c.is_whitespace()).collect();
    if anchor.is_empty() {
        return None;
    }
    let mut j = text[from..].find(&anchor)? + from;
    let mut out = vec![None; block.len()];
    let mut i = 0;
    while i < block.len() {
        let c = block[i..].chars().next()?;
        let d = text[j..].chars().next()?;
        if c == d {
            for k in 0..c.len_utf8() {
                out[i + k] = Some(j + k);
            }
            i += c.len_utf8();
            j += d.len_utf8();
        } else if c.is_whitespace() {
            i += c.len_utf8();
        } else if d.is_whitespace() {
            j += d.len_utf8();
        } else {
            return None;
        }
    }
    Some(out)
}

/// Score one split folder (`…/data/dev`).
pub fn evaluate(pipe: &Pipeline, split: &Path, max_errors: usize) -> Result<Figures, String> {
    let started = Instant::now();
    let mut fig = Figures::default();
    let mut anns: Vec<_> = std::fs::read_dir(split.join("attributions"))
        .map_err(|e| format!("{}: {e}", split.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    let mut cache: HashMap<String, (Chars, Vec<Pred>)> = HashMap::new();
    for ann_path in anns {
        let stem = ann_path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        // "<article>_<annotator>.ann"
        let Some((base, _)) = stem.rsplit_once('_') else {
            continue;
        };
        if !cache.contains_key(base) {
            let text_path = split.join("text").join(format!("{base}.txt"));
            let Ok(text) = std::fs::read_to_string(&text_path) else {
                continue;
            };
            let chars = Chars::new(&text);
            let (pred, unmapped) = predict(pipe, &text, &chars)?;
            ARTICLES.fetch_add(1, Ordering::Relaxed);
            fig.unmapped += unmapped;
            cache.insert(base.to_string(), (chars, pred));
        }
        let (chars, pred) = &cache[base];
        let ann = std::fs::read_to_string(&ann_path).map_err(|e| e.to_string())?;
        let (t, rels) = parse_ann(&ann);
        fig.files += 1;
        let mut contents: Vec<(usize, usize)> = Vec::new();
        for r in &rels {
            let Some(c) = r.content.as_ref().and_then(|c| t.get(c)) else {
                continue;
            };
            if c.kind != "Content" {
                continue;
            }
            contents.extend(merge(chars, &c.frags));
            let source = r.source.as_ref().and_then(|s| t.get(s));
            for frag in merge(chars, &c.frags) {
                let Some(gold) = direct_inside(chars, frag) else {
                    fig.gold_indirect += 1;
                    if pred
                        .iter()
                        .any(|p| overlap(p.span, frag) * 2 >= frag.1 - frag.0)
                    {
                        fig.indirect_found += 1;
                    }
                    continue;
                };
                fig.gold_direct += 1;
                let len = gold.1 - gold.0;
                let hit = pred
                    .iter()
                    .filter(|p| p.direct && overlap(p.span, gold) * 2 >= len)
                    .max_by_key(|p| overlap(p.span, gold));
                let Some(p) = hit else {
                    if fig.errors.len() < max_errors {
                        fig.errors.push(format!(
                            "MISS {base}: {:?}\n    CONTEXT {:?}",
                            chars.text(gold.0, gold.1.min(gold.0 + 90)),
                            chars.text(gold.0.saturating_sub(120), gold.1 + 60)
                        ));
                    }
                    continue;
                };
                fig.found += 1;
                let Some(src) = source.filter(|s| !s.frags.is_empty()) else {
                    continue;
                };
                fig.with_source += 1;
                let gold_text: String = src
                    .frags
                    .iter()
                    .map(|&(a, b)| chars.text(a, b))
                    .collect::<Vec<_>>()
                    .join(" ");
                let gh = head(&gold_text);
                let by_span = p
                    .speaker_span
                    .is_some_and(|sp| src.frags.iter().any(|&f| overlap(sp, f) > 0));
                let by_head = !PRONOUNS.contains(&gh.as_str())
                    && !gh.is_empty()
                    && [p.speaker_name.as_deref(), p.speaker_text.as_deref()]
                        .into_iter()
                        .flatten()
                        .any(|n| head(n) == gh);
                if by_span || by_head {
                    fig.speaker_ok += 1;
                } else if fig.errors.len() < max_errors {
                    fig.errors.push(format!(
                        "SPEAKER {base}: gold {gold_text:?} got {:?} / {:?} for {:?}\n    CONTEXT {:?}",
                        p.speaker_text,
                        p.speaker_name,
                        p.text,
                        chars.text(p.span.0.saturating_sub(160), p.span.1 + 90)
                    ));
                }
            }
        }
        for p in pred {
            let len = (p.span.1 - p.span.0).max(1);
            let inside: usize = contents.iter().map(|&c| overlap(p.span, c)).sum();
            let ok = inside * 2 >= len;
            if p.direct {
                fig.predicted += 1;
                fig.predicted_ok += ok as usize;
                if !ok && fig.errors.len() < max_errors {
                    fig.errors.push(format!("FALSE {base}: {:?}", p.text));
                }
            } else {
                fig.indirect_predicted += 1;
                fig.indirect_ok += ok as usize;
                if !ok && fig.errors.len() < max_errors {
                    fig.errors
                        .push(format!("FALSE-INDIRECT {base}: {:?}", p.text));
                }
            }
        }
    }
    fig.seconds = started.elapsed().as_secs_f64();
    Ok(fig)
}

/// Run the evaluation, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    let Some(root) = dataset("polnear") else {
        return Ok(());
    };
    let (err_split, max_errors) = match args {
        [flag, split, rest @ ..] if flag == "--errors" => (
            Some(split.clone()),
            rest.first().and_then(|n| n.parse().ok()).unwrap_or(60),
        ),
        _ => (None, 0),
    };
    let pipe = Pipeline::new();
    let mut rows = Vec::new();
    for split in ["train", "dev"] {
        let dir = root.join("data").join(split);
        if !dir.is_dir() {
            println!("notice: {} not found — skipping", dir.display());
            continue;
        }
        let n = if err_split.as_deref() == Some(split) {
            max_errors
        } else {
            0
        };
        let f = evaluate(&pipe, &dir, n)?;
        for e in &f.errors {
            eprintln!("{e}");
        }
        println!(
            "{split}: {} files, direct-quote recall {:.3} ({}/{}), speaker accuracy {:.3} ({}/{}), \
             quote precision {:.3} ({}/{}), indirect precision {:.3} ({}/{}), indirect recall {:.3} ({}/{}), \
             {} unmapped, {:.1}s",
            f.files,
            f.recall(),
            f.found,
            f.gold_direct,
            f.speaker_accuracy(),
            f.speaker_ok,
            f.with_source,
            f.precision(),
            f.predicted_ok,
            f.predicted,
            ratio(f.indirect_ok, f.indirect_predicted),
            f.indirect_ok,
            f.indirect_predicted,
            ratio(f.indirect_found, f.gold_indirect),
            f.indirect_found,
            f.gold_indirect,
            f.unmapped,
            f.seconds
        );
        rows.push((split, f));
    }
    if rows.is_empty() {
        return Ok(());
    }
    let secs = QUOTES_NANOS.load(Ordering::Relaxed) as f64 / 1e9;
    let articles = ARTICLES.load(Ordering::Relaxed);
    let rate = articles as f64 / secs.max(1e-9);
    println!(
        "quotes stage alone: {articles} articles in {secs:.3}s ({rate:.0} articles/s, one core)"
    );
    let mut md = String::from(
        "## Quotes (PolNeAR attribution relations)\n\n\
         `cargo run --release -p dateline-eval -- quotes`. Every article through the whole \
         pipeline; each annotator's `.ann` file scored on its own. Rules were tuned on train; \
         **dev is the honest figure**.\n\n\
         - *Gold direct quote*: a Content fragment that opens and closes with a quotation mark; \
         matched on the text inside the marks.\n\
         - *Recall*: a dateline quote (direct or partial) covers ≥ 50% of the gold quote's characters.\n\
         - *Speaker accuracy* (found quotes with a gold Source): dateline's speaker phrase overlaps \
         the gold Source span, or its speaker name/phrase has the same head word.\n\
         - *Precision*: a dateline quote (direct or partial) is correct when ≥ 50% of it lies inside \
         the annotator's Content spans. *Indirect precision*: the same rule for dateline's reported \
         clauses. *Indirect recall*: gold contents that are not direct quotes, covered ≥ 50% by any \
         dateline quote or clause (PolNeAR also annotates beliefs, intentions and decrees, which \
         dateline does not try to find).\n\n\
         | split | files | direct-quote recall | speaker accuracy | quote precision | indirect precision | indirect recall |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for (split, f) in &rows {
        md.push_str(&format!(
            "| {split} | {} | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.3} ({}/{}) |\n",
            f.files,
            f.recall(),
            f.found,
            f.gold_direct,
            f.speaker_accuracy(),
            f.speaker_ok,
            f.with_source,
            f.precision(),
            f.predicted_ok,
            f.predicted,
            ratio(f.indirect_ok, f.indirect_predicted),
            f.indirect_ok,
            f.indirect_predicted,
            ratio(f.indirect_found, f.gold_indirect),
            f.indirect_found,
            f.gold_indirect,
        ));
    }
    md.push_str(&format!(
        "\nThe quotes stage alone ran at {rate:.0} articles/s on one core ({articles} PolNeAR articles, \
         release build, timing `dateline_quotes::analyse` only).\n"
    ));
    md.push_str(
        "\nGoal: ≥ 0.90 direct-quote recall and ≥ 0.90 speaker accuracy. Known limits: annotators \
         mark only outermost attributions, so a correct quote nested in another one's content counts \
         as inside it; scare quotes inside a gold Content also count as correct for precision.\n",
    );
    write_section("quotes", &md).map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_fragments_and_heads() {
        let c = Chars::new("x “We won,” he said. “Yes.” the \"plan\" is 'good' ok");
        let s = c.chars.iter().position(|&ch| ch == '“').unwrap();
        let inside = direct_inside(&c, (s, s + 9)).unwrap();
        assert_eq!(c.text(inside.0, inside.1), "We won,");
        assert!(direct_inside(&c, (0, 5)).is_none());
        assert_eq!(head("longtime Democratic pollster Pat Caddell"), "caddell");
        assert_eq!(head("Sterling Pratt, wine director at Schaefer’s"), "pratt");
        assert_eq!(head("Al Jazeera’s"), "jazeera");
        let c = Chars::new("a  b");
        assert_eq!(merge(&c, &[(2, 4), (0, 1)]), vec![(0, 4)]);
    }

    #[test]
    fn ann_lines_parse() {
        let (t, e) = parse_ann(
            "T1\tSource 0 5\tFlynn\nT2\tContent 11 20;21 30\tx\nE1\tAttribution:T4 Content:T2 Cue:T3 Source:T1\n",
        );
        assert_eq!(t["T2"].frags, vec![(11, 20), (21, 30)]);
        assert_eq!(e[0].source.as_deref(), Some("T1"));
    }
}
