//! Casualty counts tied to events.

use dateline_doc::Doc;

/// Fill `doc.casualties`.
pub fn count(doc: &mut Doc) {
    let _ = doc;
}
