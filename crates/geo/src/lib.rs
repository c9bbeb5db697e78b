//! The embedded GeoNames gazetteer and toponym resolution.
//!
//! [`Gazetteer::load`] decompresses the embedded table (`data/gazetteer.tsv.gz`, built by
//! `scripts/build_gazetteer.py` from GeoNames; CC BY 4.0, see `data/ATTRIBUTION.md`) and indexes
//! every main and alternate name. [`locate`] finds capitalised name sequences in each sentence
//! (longest match first), filters common words, demonyms and personal names, and resolves each
//! mention using population, feature type, the document's country and admin1 focus and
//! qualifiers such as "Paris, Texas".
//!
//! Guards (lexicons under `lexicon/`): demonyms are never places; stop words (directions,
//! titles, months) never alone; a name after a given name or title is a surname; common English
//! words that are also place names ("Mobile", "Reading") and sentence-initial or alternate-name
//! matches need a locative preposition or a ", State" qualifier, unless the same name is a place
//! elsewhere in the document; a town's name inside a longer capitalised name is not a mention,
//! and one inside an organisation's name found by the entity stage only informs resolution.
//! A name followed by a feature noun is another feature's name ("Georgia Avenue", "St. Peter's
//! Basilica"), as is one after an organisation word and "of" ("Embassy of the Republic of
//! Armenia"); a landmark before a noun for its people is the institution ("White House aides").
//! A town of under 10,000 people in a country nothing else in the document points to is
//! dropped when other places give the document a focus.
//!
//! [`unresolved`] (run after [`locate`]) adds the toponyms the gazetteer cannot resolve that a
//! unit noun marks as places ("the village of Orvena", "Talmir district", "near the Saint
//! Brannoc Hospital"): places with `geonameid`, `lat` and `lon` null, a feature from the noun
//! (`lexicon/unit_nouns.txt`) and the country of the resolved place containing them.

mod gazetteer;
mod locate;
mod unresolved;

pub use gazetteer::{Candidate, Gazetteer, Kind, Record, distance_km, normalise_into};
pub use locate::{is_demonym, locate};
pub use unresolved::unresolved;

#[cfg(test)]
mod tests;
