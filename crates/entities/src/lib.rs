//! Mentions of people, organisations, countries, nationalities and groups; coreference within
//! the article; CAMEO actor coding. (Places are found and resolved by `dateline-geo`, which runs
//! after this stage and skips the spans claimed here as people, organisations, groups and
//! nationalities; it sets [`dateline_doc::Entity::place`] on country entities.)
//!
//! Everything this stage knows is in readable text files under `lexicon/`, one concern each,
//! each with its format in its header:
//!
//! | file | what |
//! |---|---|
//! | `countries.txt`, `regions.txt` | ISO alpha-3 (= CAMEO) codes, names, demonyms; regional adjectives |
//! | `igos.txt`, `ngos.txt`, `media.txt`, `armed_groups.txt`, `parties.txt`, `institutions.txt` | organisations with CAMEO codes |
//! | `titles.txt`, `honorifics.txt`, `modifiers.txt` | role words and ranks with the sector they imply |
//! | `groups.txt` | group nouns that are actors ("rebels" REB, "police" COP, "warplanes" MIL) |
//! | `given_names.txt`, `name_particles.txt`, `not_names.txt`, `speech_verbs.txt` | person-name evidence and guards |
//! | `place_words.txt`, `cities.txt`, `org_words.txt`, `other_names.txt` | what a capitalised sequence is when it is no person (`cities.txt` also gives each city's country: "police in Lahore" PAKCOP) |
//! | `actors.txt` | people with CAMEO codes over dates (`name; alias \| CODE FROM..TO; CODE FROM..`) |
//!
//! Users extend the actor knowledge with their own dictionaries, in dateline's format
//! ([`ActorDictionary::parse`]) or PETRARCH's ([`ActorDictionary::parse_petrarch`],
//! [`ActorDictionary::parse_petrarch_agents`]); the code valid on the article's publication date
//! is the one used:
//!
//! ```
//! use dateline_entities::{ActorDictionary, Resources};
//! let dict = ActorDictionary::parse_petrarch("ARNOR_ [ARN]\n+ARNORIAN\n").unwrap();
//! let res = Resources::load().with_actor_dictionary(dict);
//! assert_eq!(res.actor_code(&["Arnor"], None).as_deref(), Some("ARN"));
//! ```
//!
//! Agents dictionaries (PETRARCH's `*.agents.txt`, or dateline's format with `~CODE` codes)
//! add sector nouns and role words: [`Resources::with_agents_dictionary`]. The country of the
//! phrase (a possessive "Gondor's government", a demonym "the Gondorian ambassador", "of/from
//! Gondor", "in Gondor" or a city of `cities.txt` for domestic bodies, an actor-dictionary
//! name) is combined with the agent's code as PETRARCH does: `~GOV` after it (GONGOV), `NGO~`
//! before it (NGOGON):
//!
//! ```
//! use dateline_doc::{BlockKind, BlockText, Doc, Meta};
//! use dateline_entities::{ActorDictionary, Resources};
//! let res = Resources::load()
//!     .with_actor_dictionary(ActorDictionary::parse_petrarch("GONDOR_ [GON]\n").unwrap())
//!     .with_agents_dictionary(ActorDictionary::parse_petrarch_agents("LAWMAKER [~LEG]\n").unwrap());
//! let text = "Lawmakers in Gondor approved the budget.";
//! let block = BlockText { kind: BlockKind::Paragraph, text: text.into() };
//! let mut doc = Doc::from_blocks(Meta::default(), &[block], vec![]);
//! dateline_entities::recognise(&mut doc, &res);
//! assert!(doc.entities.iter().any(|e| e.actor.as_ref().is_some_and(|a| a.code == "GONLEG")));
//! ```

mod dict;
mod lexicon;
mod recognise;
mod scan;

pub use dict::{ActorDictionary, DictEntry, DictError, Role};
pub use lexicon::Resources;
pub use recognise::{actor_from_code, recognise};
