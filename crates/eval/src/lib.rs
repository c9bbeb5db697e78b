//! Shared pieces of the evaluation commands: where the public data lives, and writing a
//! command's figures into `BENCHMARKS.md` between its own markers.

use std::path::{Path, PathBuf};

pub mod bench;
pub mod events;
pub mod extraction;
pub mod geo;
pub mod ner;
pub mod quotes;
pub mod time;
pub mod toll;
pub mod wikievents;

/// The shared evaluation data folder: `$DATELINE_DATA`, else `../shared/data` from the
/// workspace root. `None` (with a printed notice) when absent.
pub fn data_dir() -> Option<PathBuf> {
    let p = std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/data"));
    if p.is_dir() {
        Some(p)
    } else {
        println!(
            "notice: evaluation data not found at {} — skipping",
            p.display()
        );
        None
    }
}

/// A sub-folder of the data folder, or `None` with a printed notice.
pub fn dataset(name: &str) -> Option<PathBuf> {
    let p = data_dir()?.join(name);
    if p.is_dir() {
        Some(p)
    } else {
        println!("notice: data set {} not found — skipping", p.display());
        None
    }
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The model article `../shared/examples/lausanne-talks.txt` through the whole pipeline, published
/// 2016-10-15 as its expected reading assumes; `None` with a printed notice when it is absent.
pub fn lausanne() -> Option<dateline_doc::Doc> {
    let path = workspace_root().join("../shared/examples/lausanne-talks.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("notice: {} not found — skipping", path.display());
        return None;
    };
    let raw = text_article(
        "lausanne-talks.txt",
        "lausanne",
        text,
        Some("2016-10-15".into()),
    );
    Some(
        dateline_pipeline::Pipeline::new()
            .process(raw)
            .expect("the model article goes through the pipeline"),
    )
}

/// A plain-text article for the pipeline: `input` names it in messages, `id` is its id; no
/// source, URL, title or defaults.
pub fn text_article(
    input: impl Into<String>,
    id: impl Into<String>,
    text: String,
    published: Option<String>,
) -> dateline_input::RawArticle {
    dateline_input::RawArticle {
        input: input.into(),
        id: id.into(),
        body: dateline_input::Body::Text(text),
        published,
        source: None,
        url: None,
        title: None,
        fallback: Default::default(),
    }
}

/// Replace (or append) the section `name` of `BENCHMARKS.md` with `body`. Sections are delimited
/// by `<!-- begin NAME -->` and `<!-- end NAME -->` so each command owns its own part.
pub fn write_section(name: &str, body: &str) -> std::io::Result<()> {
    let path = workspace_root().join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Benchmarks\n".into());
    let begin = format!("<!-- begin {name} -->");
    let end = format!("<!-- end {name} -->");
    let section = format!("{begin}\n{}\n{end}", body.trim_end());
    let new = match (old.find(&begin), old.find(&end)) {
        (Some(b), Some(e)) if e > b => format!("{}{}{}", &old[..b], section, &old[e + end.len()..]),
        _ => format!("{}\n{}\n", old.trim_end(), section),
    };
    std::fs::write(path, new)
}

/// Precision, recall and F1 from counts.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
