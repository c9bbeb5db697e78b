//! Deduplication over `dateline/1` records (as [`serde_json::Value`]): near-duplicate articles and
//! event-mention clustering. The full rule, with its reasons, is in `docs/dedup.md`.
//!
//! # Near-duplicate articles
//! [`article_fingerprint`] reads `article.text`, splits it into words (maximal alphanumeric runs,
//! lowercased), and takes a MinHash signature of [`near::HASHES`] = 128 minima over its word
//! 4-shingles. Two articles are near duplicates when the estimated Jaccard similarity of their
//! shingle sets is at least [`DUPLICATE_THRESHOLD`] = 0.6. A [`DuplicateIndex`] finds candidates by
//! LSH banding (32 bands × 4 rows), so a lookup compares only articles sharing a band, and links a
//! new article to the most similar earlier one and to the earliest article of that group (`root`).
//! Texts with fewer than 8 shingles are never called duplicates.
//!
//! # Event clustering
//! Two event mentions report the same real-world event ([`same_event`]) when all hold:
//! - the same CAMEO root code (`cameo_root`);
//! - the same `status` (a negated and an occurred event never merge; planned and hypothetical
//!   neither merge with each other nor with occurred);
//! - overlapping actors: source with source and target with target, or crosswise (one outlet's
//!   "A met B" is another's "B met A"); two sides overlap when either is empty, they share an actor
//!   code, or they share a CAMEO country (first three letters, not a non-state prefix like `IGO`);
//! - places within [`MAX_KM`] = 50 km by haversine on lat/lon; without coordinates on either side the
//!   same `geonameid`, else the same country; a mention with no place agrees with any place;
//! - dates within [`WINDOW_DAYS`] = 2 days: the gap between the two `date.value` intervals (a day,
//!   an ISO week, or an `A/B` range; `article.published` when the event has no date) is at most 2.
//!   A mention whose interval is longer than [`MAX_SPAN_DAYS`] = 8 days (month, year) or cannot be
//!   read is never merged.
//!
//! [`EventClusterer`] links by *complete linkage*: a mention joins a cluster only when it agrees
//! with each of its first 32 members, so a chain A~B~C cannot merge A with C when they disagree.
//! Among compatible clusters it prefers one with a member placed *close* to the mention (within
//! distance, same geonameid, or same place name — not just the same country), then the one whose
//! founder is nearest in date, then the older cluster. A mention placed by coordinates or
//! geonameid never joins a cluster it agrees with only by country (vague reports attach to precise
//! ones, not the reverse); it founds its own cluster instead. A mention marked `same_as` another event of its article joins that event's cluster.
//! Every mention keeps its own report (cameo, date, place, actors): tolls and dates that differ
//! between outlets stay visible. [`Cluster::counts`] gives GDELT-like counts: mentions, articles
//! (distinct `article.id`), sources (distinct non-null `article.source`).
//!
//! # Stable ids
//! A cluster's id is [`cluster_id`] of its founding mention: `ev` + xxh3 of
//! `article.id \u{1f} event.id`. Once given, an id never changes as mentions join.
//! [`EventClusterer::batch`] sorts mentions by (place specificity — coordinates, then geonameid,
//! then country only —, date start, article id, event id) before adding them, so a batch gives the
//! same clusters and ids whatever the ingestion order, and precisely placed reports found the
//! clusters that country-only reports then join. Incremental use
//! ([`EventClusterer::add`]) is order dependent where complete linkage leaves a choice: a report of
//! day 2 arriving before day 0 and day 4 reports may found a cluster the batch run would split
//! differently, and the founder (hence the id) is the first mention that arrived.
//!
//! # In a store
//! [`dedup_batch`] runs both jobs for one batch of new articles against a store, which answers
//! through [`Known`] (candidate articles by LSH band, candidate clusters by root and day window),
//! so nothing but the candidates is held in memory, and the result is the same whatever the
//! batch size: that of incremental use in storing order.

pub mod batch;
pub mod date;
pub mod events;
pub mod near;

pub use batch::{BatchDedup, Known, KnownArticle, NewArticle, dedup_batch};
pub use events::{
    Cluster, Counts, EventClusterer, KnownCluster, MAX_KM, MAX_SPAN_DAYS, Mention, Place,
    WINDOW_DAYS, cluster_id, mentions, same_event,
};
pub use near::{DUPLICATE_THRESHOLD, Duplicate, DuplicateIndex, Fingerprint, article_fingerprint};
