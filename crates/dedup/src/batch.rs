//! Deduplication of one batch of new articles against what a store already holds, without
//! holding the store in memory: the store answers two questions through [`Known`] (which stored
//! articles share an LSH band with the batch; which stored clusters have a member of a given
//! CAMEO root within a day window), and [`dedup_batch`] decides links and clusters exactly as
//! if every earlier article had been added to one [`DuplicateIndex`] and one
//! [`EventClusterer`] in the order they were stored. The result therefore does not depend on
//! how articles were cut into batches.

use crate::events::{EventClusterer, KnownCluster, MAX_SPAN_DAYS, Mention, WINDOW_DAYS};
use crate::near::{Duplicate, DuplicateIndex, Fingerprint};
use std::collections::{BTreeMap, HashMap};

/// A stored article that may be a near duplicate of a new one.
#[derive(Clone, Debug)]
pub struct KnownArticle {
    /// The article's id in the store (the same id space as [`NewArticle::id`]).
    pub id: String,
    pub print: Fingerprint,
    /// Earliest article of its duplicate group (its own id when it duplicates nothing).
    pub root: String,
}

/// What a store knows, asked by [`dedup_batch`].
pub trait Known {
    type Error;
    /// Stored articles sharing at least one of these band keys ([`Fingerprint::bands`]), in
    /// the order they were stored.
    fn articles_in_bands(&mut self, bands: &[u64]) -> Result<Vec<KnownArticle>, Self::Error>;
    /// Stored clusters having a member of CAMEO root `root` whose day interval is shorter than
    /// [`MAX_SPAN_DAYS`] and meets `[from, to]`, with their first members; any order.
    fn clusters_near(
        &mut self,
        root: &str,
        from: i32,
        to: i32,
    ) -> Result<Vec<KnownCluster>, Self::Error>;
}

/// One new article of a batch.
pub struct NewArticle<'a> {
    /// Unique id in the store (the SQLite store uses the article key: canonical URL or hash).
    pub id: &'a str,
    pub print: &'a Fingerprint,
    /// Its event mentions (with `article` = `id`), in record order.
    pub mentions: &'a [Mention],
}

/// Links and clusters of a batch, in batch order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchDedup {
    /// Per article: its link to an earlier near duplicate.
    pub duplicates: Vec<Option<Duplicate>>,
    /// Per article, per mention: its cluster id.
    pub clusters: Vec<Vec<String>>,
}

/// The day windows (per CAMEO root, merged) in which stored clusters could take these
/// mentions: what [`dedup_batch`] asks a [`Known`] for, and what a store prefetches.
pub fn windows<'m>(
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> BTreeMap<String, Vec<(i32, i32)>> {
    let mut by_root: BTreeMap<String, Vec<(i32, i32)>> = BTreeMap::new();
    for m in mentions {
        if let Some(d) = m.days.filter(|d| d.1 - d.0 < MAX_SPAN_DAYS) {
            by_root
                .entry(m.root.clone())
                .or_default()
                .push((d.0 - WINDOW_DAYS, d.1 + WINDOW_DAYS));
        }
    }
    for list in by_root.values_mut() {
        list.sort_unstable();
        let mut merged: Vec<(i32, i32)> = Vec::with_capacity(list.len());
        for &(a, b) in list.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *list = merged;
    }
    by_root
}

/// Decide near-duplicate links and event clusters for a batch of new articles, given in the
/// order they are stored. Articles and clusters of the store are asked for through `known`.
pub fn dedup_batch<K: Known>(known: &mut K, batch: &[NewArticle]) -> Result<BatchDedup, K::Error> {
    // Near duplicates: the stored candidates, then the batch in order.
    let mut bands: Vec<u64> = batch
        .iter()
        .filter(|a| a.print.comparable())
        .flat_map(|a| a.print.bands())
        .collect();
    bands.sort_unstable();
    bands.dedup();
    let mut index = DuplicateIndex::new();
    if !bands.is_empty() {
        for k in known.articles_in_bands(&bands)? {
            index.seed(&k.id, k.print, &k.root);
        }
    }
    let duplicates = batch
        .iter()
        .map(|a| index.insert(a.id, a.print.clone()))
        .collect();

    // Event clusters: stored candidates near the batch's days, oldest first, then the batch.
    let mut found: HashMap<String, KnownCluster> = HashMap::new();
    for (root, list) in windows(batch.iter().flat_map(|a| a.mentions)) {
        for (from, to) in list {
            for k in known.clusters_near(&root, from, to)? {
                match found.get_mut(&k.id) {
                    Some(c) => c.days.extend(k.days),
                    None => {
                        found.insert(k.id.clone(), k);
                    }
                }
            }
        }
    }
    let mut seeds: Vec<KnownCluster> = found.into_values().collect();
    seeds.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    let mut clusterer = EventClusterer::new();
    for k in seeds {
        clusterer.seed(k);
    }
    let clusters = batch
        .iter()
        .map(|a| {
            a.mentions
                .iter()
                .map(|m| clusterer.add(m.clone()).to_owned())
                .collect()
        })
        .collect();
    Ok(BatchDedup {
        duplicates,
        clusters,
    })
}
