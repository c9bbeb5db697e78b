//! Mentions of people, organisations, countries, nationalities and groups; coreference within
//! the article; CAMEO actor coding. (Places are found and resolved by `dateline-geo`, which runs
//! after this stage and skips the spans claimed here as people, organisations, groups and
//! nationalities; it sets [`dateline_doc::Entity::place`] on country entities.)
//!
//! Everything this stage knows is in readable text files under `lexicon/` (countries and
//! demonyms, organisations by kind, titles, honorifics, group nouns, given names, an actor
//! dictionary with dated roles). Users extend the actor knowledge with their own dictionaries,
//! in dateline's format or PETRARCH's:
//!
//! ```
//! use dateline_entities::{ActorDictionary, Resources};
//! let dict = ActorDictionary::parse_petrarch("ARNOR_ [ARN]\n+ARNORIAN\n").unwrap();
//! let res = Resources::load().with_actor_dictionary(dict);
//! assert_eq!(res.actor_code(&["Arnor"], None).as_deref(), Some("ARN"));
//! ```

mod dict;
mod lexicon;
mod recognise;
mod scan;

pub use dict::{ActorDictionary, DictEntry, DictError, Role};
pub use lexicon::Resources;
pub use recognise::{actor_from_code, recognise};
