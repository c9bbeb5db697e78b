//! Evaluation: casualty counts on the GVA casualty set (`gva-casualties`, Gun Violence Archive
//! incident records paired with their source articles; see its SOURCE.md).
//!
//! Each article goes through the whole pipeline (`Pipeline::process`, plain text with its
//! publication date). The article's killed and injured figures are
//! [`dateline_toll::totals`]: the article is read as the report of one incident, so the figure
//! per kind is the largest count (subgroups, and counts in sentences about other times or
//! several incidents — "so far this year", "since Friday", "in separate shootings" — left
//! out), with counts joined in one phrase added ("three people and himself"), counts stated as
//! additions added ("two more", "a second victim"), a stated toll taken as the grand total,
//! and no count meaning 0.
//! Measure: exact-match accuracy of killed and of injured against the GVA numbers, per split.
//! Tuned on train; dev is the honest figure.
//!
//! `dateline-eval toll [--errors SPLIT]` prints the mismatches of one split.

use crate::{dataset, text_article, write_section};
use dateline_pipeline::Pipeline;
use serde::Deserialize;
use std::path::Path;
use std::time::Instant;

#[derive(Deserialize)]
struct X {
    text: String,
    publish_date: Option<String>,
}

#[derive(Deserialize)]
struct Y {
    n_killed: u64,
    n_injured: u64,
}

/// Exact-match figures of one split.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    pub n: usize,
    pub killed: usize,
    pub injured: usize,
    pub both: usize,
    /// Items whose gold is 0 (the all-zero baseline's hits).
    pub zero_killed: usize,
    pub zero_injured: usize,
    pub seconds: f64,
    /// Time spent in the toll stage alone (re-run on each finished document).
    pub toll_seconds: f64,
}

impl Scores {
    pub fn killed_acc(&self) -> f64 {
        self.killed as f64 / self.n.max(1) as f64
    }
    pub fn injured_acc(&self) -> f64 {
        self.injured as f64 / self.n.max(1) as f64
    }
}

fn files(split: &str) -> Option<(&'static str, &'static str)> {
    Some(match split {
        "train" => (
            "data/data-train/X_train.json",
            "data/data-train/y_train.json",
        ),
        "dev" => ("data/data-dev/X_val.json", "data/data-dev/y_val.json"),
        _ => return None,
    })
}

fn load(dir: &Path, split: &str) -> Result<Vec<(X, Y)>, String> {
    let (xp, yp) = files(split).ok_or_else(|| format!("unknown split {split:?}"))?;
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).map_err(|e| format!("{p}: {e}"));
    let xs: Vec<X> = serde_json::from_str(&read(xp)?).map_err(|e| format!("{xp}: {e}"))?;
    let ys: Vec<Y> = serde_json::from_str(&read(yp)?).map_err(|e| format!("{yp}: {e}"))?;
    if xs.len() != ys.len() {
        return Err(format!(
            "{split}: {} texts but {} labels",
            xs.len(),
            ys.len()
        ));
    }
    Ok(xs.into_iter().zip(ys).collect())
}

/// Score one split; `errors` prints each mismatch. `None` when the data set is absent.
pub fn evaluate(pipeline: &Pipeline, split: &str, errors: bool) -> Result<Option<Scores>, String> {
    let Some(dir) = dataset("gva-casualties") else {
        return Ok(None);
    };
    let items = load(&dir, split)?;
    let mut s = Scores {
        n: items.len(),
        ..Scores::default()
    };
    let t0 = Instant::now();
    for (i, (x, y)) in items.into_iter().enumerate() {
        let raw = text_article(
            format!("{split}:{i}"),
            format!("{split}-{i}"),
            x.text,
            x.publish_date.filter(|d| !d.trim().is_empty()),
        );
        let mut doc = pipeline
            .process(raw)
            .map_err(|e| format!("{split} item {i}: {e}"))?;
        let t1 = Instant::now();
        doc.casualties.clear();
        dateline_toll::count(&mut doc);
        s.toll_seconds += t1.elapsed().as_secs_f64();
        let got = dateline_toll::totals(&doc);
        let (k, j) = (got.killed == y.n_killed, got.injured == y.n_injured);
        s.killed += k as usize;
        s.injured += j as usize;
        s.both += (k && j) as usize;
        s.zero_killed += (y.n_killed == 0) as usize;
        s.zero_injured += (y.n_injured == 0) as usize;
        if errors && !(k && j) {
            println!(
                "== {split} {i}: gold killed {} injured {}; got killed {} injured {}",
                y.n_killed, y.n_injured, got.killed, got.injured
            );
            for c in &doc.casualties {
                println!(
                    "   {:?} {:?}..{:?} approx={} part_of={:?} «{}»",
                    c.kind,
                    c.min,
                    c.max,
                    c.approx,
                    c.part_of,
                    doc.slice(c.span)
                );
            }
            let t = doc.text();
            let cut = t.char_indices().nth(1500).map_or(t.len(), |(b, _)| b);
            println!("   {}", &t[..cut]);
        }
    }
    s.seconds = t0.elapsed().as_secs_f64();
    Ok(Some(s))
}

/// Run the evaluation, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    let pipeline = Pipeline::new();
    if let Some(i) = args.iter().position(|a| a == "--errors") {
        let split = args.get(i + 1).map_or("train", String::as_str);
        evaluate(&pipeline, split, true)?;
        return Ok(());
    }
    let mut rows = Vec::new();
    for split in ["train", "dev"] {
        let Some(s) = evaluate(&pipeline, split, false)? else {
            return Ok(());
        };
        let line = format!(
            "| {split} | {} | {:.3} | {:.3} | {:.3} | {:.3} / {:.3} | {:.0} | {:.0} |",
            s.n,
            s.killed_acc(),
            s.injured_acc(),
            s.both as f64 / s.n.max(1) as f64,
            s.zero_killed as f64 / s.n.max(1) as f64,
            s.zero_injured as f64 / s.n.max(1) as f64,
            s.n as f64 / s.seconds.max(1e-9),
            s.n as f64 / s.toll_seconds.max(1e-9),
        );
        println!("{line}");
        rows.push(line);
    }
    let body = format!(
        "## Casualty counts (`dateline-eval toll`)\n\n\
Data: GVA casualty set (Gun Violence Archive incident records with their source articles, \
`gva-casualties`). Each article runs through the whole pipeline; the article's killed and \
injured figures come from `dateline_toll::totals` (one incident per article: the largest count \
per kind, counts joined in one phrase or stated as additions added, subgroups and counts in \
sentences about other times or several incidents — \"so far this year\", \"since Friday\", \
\"in separate shootings\" — left out, no count = 0). Measure: exact match of the number killed and of the \
number injured against GVA's. Rules were tuned on train; **dev is the honest figure**.\n\n\
| split | articles | killed exact | injured exact | both exact | all-zero baseline (killed / injured) | articles/s (whole pipeline, 1 core) | articles/s (toll stage alone) |\n\
|---|---|---|---|---|---|---|---|\n{}\n\n\
Anchor: Zhong et al. 2023 report exact match 0.81 / 0.50 / 0.44 with a neural model on three \
casualty data sets, and 0.06–0.26 with regular expressions (different data; not directly \
comparable).\n\n\
Where it misses (read on train): GVA counts only people hit by gunfire, while dateline also \
counts stabbings, beatings and other injuries; round-up articles (several shootings in a city) \
are labelled with one of their incidents; some articles carry another incident's labels. The \
data folder holds only the train and dev splits.",
        rows.join("\n")
    );
    write_section("toll", &body).map_err(|e| e.to_string())?;
    Ok(())
}
