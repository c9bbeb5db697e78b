//! Shared by every target: one pipeline per process, and the checks made on each document.

use dateline_input::{Body, Defaults, RawArticle};
use dateline_pipeline::Pipeline;
use std::sync::LazyLock;

/// Resources load once per fuzzing process, not once per input.
pub static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

/// An article as the reader would build it from a single file.
#[allow(dead_code)] // the jsonl target builds its articles with `parse_json_line`
pub fn raw(body: Body) -> RawArticle {
    RawArticle {
        input: "<fuzz>".into(),
        id: "fuzz".into(),
        body,
        published: None,
        source: None,
        url: None,
        title: None,
        fallback: Defaults::default(),
    }
}

/// Run the pipeline, serialise, and check every span. `process` may refuse an article with an
/// error (e.g. an unreadable published date); it must never panic.
pub fn run(raw: RawArticle) {
    if let Ok(doc) = PIPELINE.process(raw) {
        let json = dateline_pipeline::to_json(&doc);
        assert!(json.is_object());
        if let Err(e) = doc.check_spans() {
            panic!("invalid span: {e}");
        }
    }
}
