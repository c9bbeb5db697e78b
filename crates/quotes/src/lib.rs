//! Quotations and their speakers.

use dateline_doc::Doc;

/// Fill `doc.quotes`.
pub fn attribute(doc: &mut Doc) {
    let _ = doc;
}
