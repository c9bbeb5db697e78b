//! Time expressions: tagging and normalisation against the publication date.

use dateline_doc::Doc;

/// Find time expressions in every sentence and normalise them against `doc.meta.published`.
pub fn tag(doc: &mut Doc) {
    let _ = doc;
}
