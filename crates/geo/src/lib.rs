//! The embedded GeoNames gazetteer and toponym resolution.
//!
//! [`Gazetteer::load`] decompresses the embedded table (`data/gazetteer.tsv.gz`, built by
//! `scripts/build_gazetteer.py` from GeoNames; CC BY 4.0, see `data/ATTRIBUTION.md`) and indexes
//! every main and alternate name. [`locate`] finds capitalised name sequences in each sentence
//! (longest match first), filters common words, demonyms and personal names, and resolves each
//! mention using population, feature type, the document's country and admin1 focus and
//! qualifiers such as "Paris, Texas".

mod gazetteer;
mod locate;

pub use gazetteer::{Candidate, Gazetteer, Kind, Record, distance_km, normalise_into};
pub use locate::{is_demonym, locate};

#[cfg(test)]
mod tests;
