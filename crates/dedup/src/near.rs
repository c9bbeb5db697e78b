//! Near-duplicate articles: MinHash over word 4-shingles of `article.text`, with LSH banding.

use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;
use xxhash_rust::xxh3::xxh3_64;

/// Words per shingle.
pub const SHINGLE: usize = 4;
/// MinHash signature length (number of hash functions; each is a multiply-add bijection of a
/// mixed 64-bit shingle hash, see `MUL`/`ADD`).
pub const HASHES: usize = 128;
/// LSH bands; `HASHES / BANDS` rows per band. 32 bands of 4 rows make a pair with Jaccard 0.6 a
/// candidate with probability 1 - (1 - 0.6^4)^32 ≈ 0.99, one with Jaccard 0.2 with ≈ 0.05.
pub const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity of the shingle sets at or above which two articles are near
/// duplicates (a wire copy with a new lead, a changed headline or a few edited words stays
/// above it; two outlets' own reports of one event fall far below it).
pub const DUPLICATE_THRESHOLD: f64 = 0.6;
/// Articles with fewer shingles than this are never called duplicates (too little text to tell).
pub const MIN_SHINGLES: usize = 8;

/// The MinHash signature of one article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Minimum of each of the [`HASHES`] hash functions over the shingle set.
    pub mins: Box<[u64; HASHES]>,
    /// Number of shingles seen (with repeats).
    pub shingles: usize,
}

#[inline]
const fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: a cheap bijective scrambler, one per hash function via the seed.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hash function `i` maps a (well mixed) shingle hash `h` to `h * MUL[i] + ADD[i]` (mod 2^64):
/// one multiply-add, a bijection for odd `MUL[i]`, cheap enough to run 128 times per shingle.
const fn seeds(add: bool) -> [u64; HASHES] {
    let mut s = [0u64; HASHES];
    let mut i = 0;
    let mut x: u64 = if add {
        0x632b_e59b_d9b4_e019
    } else {
        0x9e37_79b9_7f4a_7c15
    };
    while i < HASHES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        s[i] = if add { mix(x) } else { mix(x) | 1 };
        i += 1;
    }
    s
}
static MUL: [u64; HASHES] = seeds(false);
static ADD: [u64; HASHES] = seeds(true);

/// The mixed hash of every word 4-shingle of a text, in text order (with repeats). Words are
/// maximal runs of alphanumeric characters, lowercased.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut window = [0u64; SHINGLE];
    let mut n = 0usize;
    let mut word = String::new();
    let mut push = |w: &str, out: &mut Vec<u64>| {
        window[n % SHINGLE] = xxh3_64(w.as_bytes());
        n += 1;
        if n >= SHINGLE {
            let mut h = 0u64;
            for k in 0..SHINGLE {
                h = mix(h ^ window[(n + k) % SHINGLE]);
            }
            out.push(h);
        }
    };
    for c in text.chars() {
        // ASCII first: the same answers as the Unicode tests, without their tables.
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alnum {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else if !word.is_empty() {
            push(&word, &mut out);
            word.clear();
        }
    }
    if !word.is_empty() {
        push(&word, &mut out);
    }
    out
}

/// `mins[i] = min(mins[i], h * MUL[i] + ADD[i])` over the shingle hashes `hs`: 128 multiply-adds
/// per shingle, the bulk of a fingerprint's cost. Runs 8 lanes at a time where the processor
/// has 64-bit vector multiplies (AVX-512 DQ), else one at a time; the same arithmetic either way.
fn update_mins(mins: &mut [u64; HASHES], hs: &[u64]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vl")
    {
        // SAFETY: the features the function is compiled for were just detected.
        unsafe { update_mins_avx512(mins, hs) };
        return;
    }
    update_mins_scalar(mins, hs);
}

#[inline(always)]
fn update_mins_body(mins: &mut [u64; HASHES], hs: &[u64]) {
    for &h in hs {
        for ((m, a), b) in mins.iter_mut().zip(MUL.iter()).zip(ADD.iter()) {
            let v = h.wrapping_mul(*a).wrapping_add(*b);
            *m = (*m).min(v);
        }
    }
}

fn update_mins_scalar(mins: &mut [u64; HASHES], hs: &[u64]) {
    update_mins_body(mins, hs);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
unsafe fn update_mins_avx512(mins: &mut [u64; HASHES], hs: &[u64]) {
    update_mins_body(mins, hs);
}

impl Fingerprint {
    /// The fingerprint of a text: words are maximal runs of alphanumeric characters, lowercased;
    /// punctuation, spacing and case never change a fingerprint.
    pub fn of_text(text: &str) -> Fingerprint {
        let hashes = shingle_hashes(text);
        let mut mins = Box::new([u64::MAX; HASHES]);
        update_mins(&mut mins, &hashes);
        Fingerprint {
            mins,
            shingles: hashes.len(),
        }
    }

    /// Estimated Jaccard similarity of the two shingle sets (share of equal minima).
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.shingles == 0 || other.shingles == 0 {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// Whether this text is long enough to be compared at all.
    pub fn comparable(&self) -> bool {
        self.shingles >= MIN_SHINGLES
    }

    /// The [`BANDS`] LSH band keys of this signature (band index mixed in, so one key space
    /// serves all bands). Two signatures are candidates when they share any key.
    pub fn bands(&self) -> [u64; BANDS] {
        std::array::from_fn(|b| self.band(b))
    }

    fn band(&self, b: usize) -> u64 {
        let mut h = b as u64;
        for m in &self.mins[b * ROWS..(b + 1) * ROWS] {
            h = mix(h ^ m);
        }
        h
    }

    /// Little-endian bytes (for storage): `shingles` as u64, then the minima.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(8 * (HASHES + 1));
        v.extend_from_slice(&(self.shingles as u64).to_le_bytes());
        for m in self.mins.iter() {
            v.extend_from_slice(&m.to_le_bytes());
        }
        v
    }

    /// The inverse of [`Fingerprint::to_bytes`]; `None` on a wrong length.
    pub fn from_bytes(b: &[u8]) -> Option<Fingerprint> {
        if b.len() != 8 * (HASHES + 1) {
            return None;
        }
        let word = |i: usize| u64::from_le_bytes(b[8 * i..8 * i + 8].try_into().unwrap());
        let mut mins = Box::new([0u64; HASHES]);
        for (i, m) in mins.iter_mut().enumerate() {
            *m = word(i + 1);
        }
        Some(Fingerprint {
            mins,
            shingles: word(0) as usize,
        })
    }
}

/// The fingerprint of a `dateline/1` record's `article.text` (empty text when absent).
pub fn article_fingerprint(record: &Value) -> Fingerprint {
    Fingerprint::of_text(
        record
            .pointer("/article/text")
            .and_then(Value::as_str)
            .unwrap_or(""),
    )
}

/// A link from an article to an earlier near-duplicate.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// Id of the most similar earlier article.
    pub of: String,
    /// Id of the earliest article of its duplicate group (the original wire copy as far as seen).
    pub root: String,
    /// Estimated Jaccard similarity with `of`.
    pub similarity: f64,
}

/// An index of article fingerprints answering "is this a near-duplicate of an earlier article?"
/// Lookup touches only the articles sharing an LSH band with the query, so it is sub-linear.
#[derive(Default)]
pub struct DuplicateIndex {
    ids: Vec<String>,
    /// Root (earliest article of the duplicate group) of each entry, by id: the root of a
    /// seeded entry need not be in the index.
    roots: Vec<String>,
    prints: Vec<Fingerprint>,
    /// The first entry with each band key; `more` holds the later ones of a key (rare: only
    /// near duplicates share keys), so most keys cost no list of their own.
    bands: HashMap<u64, u32>,
    more: HashMap<u64, Vec<u32>>,
    by_id: HashMap<String, u32>,
}

impl DuplicateIndex {
    pub fn new() -> DuplicateIndex {
        DuplicateIndex::default()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The best earlier near-duplicate of `fp` (highest similarity, ties to the earliest), if any
    /// reaches [`DUPLICATE_THRESHOLD`].
    pub fn find(&self, fp: &Fingerprint) -> Option<Duplicate> {
        if !fp.comparable() {
            return None;
        }
        let mut best: Option<(f64, u32)> = None;
        let mut seen: Vec<u32> = Vec::new();
        for b in 0..BANDS {
            let key = fp.band(b);
            let Some(first) = self.bands.get(&key) else {
                continue;
            };
            let later = self.more.get(&key).map_or(&[][..], Vec::as_slice);
            for &i in std::iter::once(first).chain(later) {
                if seen.contains(&i) {
                    continue;
                }
                seen.push(i);
                let s = fp.similarity(&self.prints[i as usize]);
                if s >= DUPLICATE_THRESHOLD
                    && best.is_none_or(|(bs, bi)| s > bs || (s == bs && i < bi))
                {
                    best = Some((s, i));
                }
            }
        }
        best.map(|(s, i)| Duplicate {
            of: self.ids[i as usize].clone(),
            root: self.roots[i as usize].clone(),
            similarity: s,
        })
    }

    /// Add an article and return its link to an earlier near-duplicate. An id already in the index
    /// is not added again (idempotent re-ingestion); its earlier link is returned.
    pub fn insert(&mut self, id: &str, fp: Fingerprint) -> Option<Duplicate> {
        if let Some(&i) = self.by_id.get(id) {
            let root = &self.roots[i as usize];
            if root == id {
                return None;
            }
            let s = self.by_id.get(root).map_or(0.0, |&r| {
                self.prints[i as usize].similarity(&self.prints[r as usize])
            });
            return Some(Duplicate {
                of: root.clone(),
                root: root.clone(),
                similarity: s,
            });
        }
        let dup = self.find(&fp);
        let root = dup
            .as_ref()
            .map_or_else(|| id.to_owned(), |d| d.root.clone());
        self.push(id, fp, root);
        dup
    }

    /// Add an article already linked elsewhere (loaded from a store): its `root` is the earliest
    /// article of its duplicate group (itself when it has none), which need not be in the index.
    /// Seed in the order the articles were first stored: ties go to the earliest entry.
    pub fn seed(&mut self, id: &str, fp: Fingerprint, root: &str) {
        if !self.by_id.contains_key(id) {
            self.push(id, fp, root.to_owned());
        }
    }

    fn push(&mut self, id: &str, fp: Fingerprint, root: String) {
        let i = self.ids.len() as u32;
        if fp.comparable() {
            for b in 0..BANDS {
                match self.bands.entry(fp.band(b)) {
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(i);
                    }
                    std::collections::hash_map::Entry::Occupied(e) => {
                        self.more.entry(*e.key()).or_default().push(i)
                    }
                }
            }
        }
        self.ids.push(id.to_owned());
        self.roots.push(root);
        self.prints.push(fp);
        self.by_id.insert(id.to_owned(), i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "Rescue teams searched through the rubble of collapsed buildings on Tuesday after a \
        strong earthquake struck the mountain region overnight, officials said. At least twelve people \
        were killed and dozens injured, the regional governor told reporters, adding that roads to \
        several villages remained blocked by landslides and that power had been cut across the valley.";

    /// The fingerprint as first written: one character and one hash function at a time.
    fn reference(text: &str) -> Fingerprint {
        let mut mins = Box::new([u64::MAX; HASHES]);
        let mut window = [0u64; SHINGLE];
        let (mut n, mut shingles) = (0usize, 0usize);
        let mut words: Vec<String> = vec![String::new()];
        for c in text.chars() {
            if c.is_alphanumeric() {
                words.last_mut().unwrap().extend(c.to_lowercase());
            } else if !words.last().unwrap().is_empty() {
                words.push(String::new());
            }
        }
        for w in words.iter().filter(|w| !w.is_empty()) {
            window[n % SHINGLE] = xxh3_64(w.as_bytes());
            n += 1;
            if n >= SHINGLE {
                let mut h = 0u64;
                for k in 0..SHINGLE {
                    h = mix(h ^ window[(n + k) % SHINGLE]);
                }
                shingles += 1;
                for i in 0..HASHES {
                    mins[i] = mins[i].min(h.wrapping_mul(MUL[i]).wrapping_add(ADD[i]));
                }
            }
        }
        Fingerprint { mins, shingles }
    }

    #[test]
    fn the_fast_fingerprint_equals_the_reference() {
        let texts = [
            BASE.to_string(),
            format!("Ünïcödé WÖRDS straße İstanbul ΣΊΣΥΦΟΣ {BASE} 東京 ２０２４ x"),
            "one two three".into(),
            String::new(),
            "a b c d e".into(),
        ];
        for t in &texts {
            let fast = Fingerprint::of_text(t);
            assert_eq!(fast, reference(t), "{t:?}");
            let mut scalar = Box::new([u64::MAX; HASHES]);
            update_mins_scalar(&mut scalar, &shingle_hashes(t));
            assert_eq!(scalar, fast.mins);
        }
    }

    #[test]
    fn identical_and_formatting_changes_are_equal() {
        let a = Fingerprint::of_text(BASE);
        let b = Fingerprint::of_text(&BASE.to_uppercase().replace(',', " ;"));
        assert_eq!(a, b);
        assert_eq!(a.similarity(&b), 1.0);
    }

    #[test]
    fn small_edits_stay_above_threshold_and_other_text_falls_below() {
        let a = Fingerprint::of_text(BASE);
        let edited = format!(
            "MOUNTAIN VALLEY (Daily Post) - {}",
            BASE.replace("twelve", "13").replace("Tuesday", "Wednesday")
        );
        let b = Fingerprint::of_text(&edited);
        assert!(
            a.similarity(&b) >= DUPLICATE_THRESHOLD,
            "{}",
            a.similarity(&b)
        );
        let other = Fingerprint::of_text(
            "An earthquake killed at least twelve people in the mountain region, the governor said on \
             Tuesday, as rescuers dug through collapsed homes and landslides cut off roads to villages.",
        );
        assert!(a.similarity(&other) < 0.2, "{}", a.similarity(&other));
    }

    #[test]
    fn index_links_to_earliest_and_is_idempotent() {
        let mut idx = DuplicateIndex::new();
        assert_eq!(idx.insert("a1", Fingerprint::of_text(BASE)), None);
        let d = idx
            .insert(
                "a2",
                Fingerprint::of_text(&format!("{BASE} Updated at noon.")),
            )
            .unwrap();
        assert_eq!((d.of.as_str(), d.root.as_str()), ("a1", "a1"));
        let d3 = idx
            .insert(
                "a3",
                Fingerprint::of_text(&format!("{BASE} Updated at noon. More soon.")),
            )
            .unwrap();
        assert_eq!(d3.root, "a1");
        assert_eq!(
            idx.insert("a2", Fingerprint::of_text(BASE)).unwrap().root,
            "a1"
        );
        assert_eq!(idx.len(), 3);
    }

    #[test]
    fn estimate_tracks_exact_jaccard() {
        // Words are all distinct, so shingle sets are known exactly.
        let text = |from: usize, to: usize| {
            (from..to)
                .map(|i| format!("w{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for (b0, b1) in [(100, 500), (200, 600), (300, 700), (0, 400)] {
            let a = Fingerprint::of_text(&text(0, 400));
            let b = Fingerprint::of_text(&text(b0, b1));
            let shared = 400usize.saturating_sub(b0).saturating_sub(SHINGLE - 1);
            let each = 400 - (SHINGLE - 1);
            let exact = shared as f64 / (2 * each - shared) as f64;
            let est = a.similarity(&b);
            // 128 minima: standard error at most 0.045; allow three of them.
            assert!(
                (est - exact).abs() < 0.135,
                "{b0}: estimate {est}, exact {exact}"
            );
        }
    }

    #[test]
    fn short_texts_are_never_duplicates() {
        let mut idx = DuplicateIndex::new();
        idx.insert("a", Fingerprint::of_text("Police said nothing."));
        assert_eq!(
            idx.insert("b", Fingerprint::of_text("Police said nothing.")),
            None
        );
    }

    #[test]
    fn bytes_round_trip() {
        let a = Fingerprint::of_text(BASE);
        assert_eq!(Fingerprint::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Fingerprint::from_bytes(&[0; 7]), None);
    }
}
