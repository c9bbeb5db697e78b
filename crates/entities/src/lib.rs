//! Mentions of people, organisations, countries, nationalities and groups; coreference;
//! CAMEO actor coding. (Places are found and resolved by `dateline-geo`, which runs after.)

use dateline_doc::Doc;

/// Read-only resources for this stage (lexicons), loaded once.
#[derive(Debug, Default)]
pub struct Resources {}

impl Resources {
    pub fn load() -> Resources {
        Resources {}
    }
}

/// Fill `doc.entities`.
pub fn recognise(doc: &mut Doc, res: &Resources) {
    let _ = (doc, res);
}
