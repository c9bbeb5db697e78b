//! The embedded gazetteer: GeoNames places built by `scripts/build_gazetteer.py` into
//! `data/gazetteer.tsv.gz`, indexed by normalised name.

use std::io::Read;

use dateline_doc::Feature;
use xxhash_rust::xxh3::xxh3_64;

static DATA: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");

/// What kind of place a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Country,
    Admin1,
    Admin2,
    City,
    /// A national capital (a city).
    Capital,
    Region,
    Water,
    Continent,
    /// A building, street or site ("White House", "Heathrow"): hand-authored.
    Landmark,
}

impl Kind {
    fn from_code(c: &str) -> Option<Kind> {
        Some(match c {
            "c" => Kind::Country,
            "a" => Kind::Admin1,
            "b" => Kind::Admin2,
            "p" => Kind::City,
            "P" => Kind::Capital,
            "r" => Kind::Region,
            "w" => Kind::Water,
            "k" => Kind::Continent,
            "l" => Kind::Landmark,
            _ => return None,
        })
    }

    /// The document model's feature type.
    pub fn feature(self) -> Feature {
        match self {
            Kind::Country => Feature::Country,
            Kind::Admin1 => Feature::Admin1,
            Kind::Admin2 => Feature::Admin2,
            Kind::City | Kind::Capital => Feature::City,
            Kind::Region | Kind::Continent => Feature::Region,
            Kind::Water => Feature::Water,
            Kind::Landmark => Feature::Landmark,
        }
    }

    /// Countries, continents and other areas larger than one country's part.
    pub fn is_wide(self) -> bool {
        matches!(self, Kind::Country | Kind::Continent | Kind::Region)
    }
}

/// One gazetteer place.
#[derive(Clone, Debug)]
pub struct Record {
    /// GeoNames id; 0 for the few hand-authored regions whose id is not known.
    pub geonameid: u64,
    pub kind: Kind,
    /// ISO 3166-1 alpha-2, or empty for places spanning countries.
    pub country: Box<str>,
    /// Index into [`Gazetteer::admin1_names`] (0 is the empty name).
    pub admin1: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u64,
    pub name: Box<str>,
}

/// A candidate place for a name: the record index and whether the name is the record's main
/// name (rather than one of its alternate names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub record: u32,
    pub primary: bool,
}

/// The gazetteer, loaded once and shared read-only across threads.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub records: Vec<Record>,
    /// Distinct admin1 names; records refer to them by index.
    pub admin1_names: Vec<Box<str>>,
    /// (hash of normalised name, record index << 1 | primary), sorted.
    index: Vec<(u64, u32)>,
    /// The most words any indexed name has.
    pub max_words: usize,
    /// AP-style US state abbreviations ("Ga.", "W. Va.") and their admin1 record.
    pub us_states: Vec<(&'static str, u32)>,
}

static US_STATES: &str = include_str!("../lexicon/us_states.txt");

impl Gazetteer {
    /// Decompress and index the embedded gazetteer.
    pub fn load() -> Gazetteer {
        let mut text = String::with_capacity(DATA.len() * 3);
        flate2::read::GzDecoder::new(DATA)
            .read_to_string(&mut text)
            .expect("the embedded gazetteer is valid gzip UTF-8");
        let mut g = Gazetteer {
            records: Vec::with_capacity(210_000),
            admin1_names: vec!["".into()],
            index: Vec::with_capacity(700_000),
            max_words: 1,
            us_states: Vec::new(),
        };
        let mut admin1_ids: rustc_hash::FxHashMap<&str, u32> = Default::default();
        admin1_ids.insert("", 0);
        let mut key = String::new();
        let mut seen: Vec<u64> = Vec::new();
        for line in text.lines() {
            let mut f = line.split('\t');
            let (
                Some(id),
                Some(kind),
                Some(cc),
                Some(admin1),
                Some(lat),
                Some(lon),
                Some(pop),
                Some(name),
                alts,
            ) = (
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next().unwrap_or(""),
            )
            else {
                continue;
            };
            let Some(kind) = Kind::from_code(kind) else {
                continue;
            };
            let next_admin = admin1_ids.len() as u32;
            let admin1 = *admin1_ids.entry(admin1).or_insert_with(|| {
                g.admin1_names.push(admin1.into());
                next_admin
            });
            let r = g.records.len() as u32;
            g.records.push(Record {
                geonameid: id.parse().unwrap_or(0),
                kind,
                country: cc.into(),
                admin1,
                lat: lat.parse().unwrap_or(0.0),
                lon: lon.parse().unwrap_or(0.0),
                population: pop.parse().unwrap_or(0),
                name: name.into(),
            });
            seen.clear();
            for (i, n) in std::iter::once(name)
                .chain(alts.split('|').filter(|a| !a.is_empty()))
                .enumerate()
            {
                key.clear();
                normalise_into(n, &mut key);
                if key.is_empty() {
                    continue;
                }
                let h = xxh3_64(key.as_bytes());
                if seen.contains(&h) {
                    continue;
                }
                seen.push(h);
                let words = key.bytes().filter(|&b| b == b' ').count() + 1;
                g.max_words = g.max_words.max(words.min(8));
                g.index.push((h, r << 1 | u32::from(i == 0)));
                // a transliterated Arabic name also under its squashed spelling ("Al
                // Qamishli" as "qamishli", "Deir ez-Zor" as "deirezzor"), as an alternate
                if key.split(' ').any(|w| ARTICLES.contains(&w))
                    && let Some(sq) = squashed(&key)
                {
                    let h = squashed_hash(&sq);
                    if !seen.contains(&h) {
                        seen.push(h);
                        g.index.push((h, r << 1));
                    }
                }
            }
        }
        g.index.sort_unstable();
        for line in US_STATES.lines().filter(|l| !l.starts_with('#')) {
            let Some((abbr, state)) = line.split_once('\t') else {
                continue;
            };
            let rec = g.lookup(state).into_iter().find(|c| {
                let r = &g.records[c.record as usize];
                c.primary && r.kind == Kind::Admin1 && &*r.country == "US"
            });
            if let Some(c) = rec {
                g.us_states.push((abbr, c.record));
            }
        }
        g
    }

    /// Candidates for an already normalised name.
    pub fn lookup_normalised(&self, key: &str) -> impl Iterator<Item = Candidate> + '_ {
        let h = xxh3_64(key.as_bytes());
        // The first entry with a hash >= h. The hashes are spread evenly over u64, so the entry
        // is near h / 2^64 of the way through the index, and the hash found at a guess tells
        // how far off it is (interpolation: a few hundred entries off, then about twenty, then
        // a few). From there, gallop out to a window around the entry and search that. This
        // touches a few neighbouring cache lines of the 4 MB index rather than the ~18
        // far-apart ones of a binary search over all of it, and the lookup (called for every
        // candidate name in an article) was waiting on memory for most of its time.
        let idx = &self.index;
        let n = idx.len();
        let mut guess = ((u128::from(h) * n as u128) >> 64) as usize;
        for _ in 0..3 {
            let Some(e) = idx.get(guess) else { break };
            let off = ((i128::from(h) - i128::from(e.0)) * n as i128) >> 64;
            if off == 0 {
                break;
            }
            guess = (guess as i128 + off).clamp(0, n as i128 - 1) as usize;
        }
        let (mut lo, mut hi) = (0, n);
        if guess < n && idx[guess].0 < h {
            // The entry is after `guess`.
            lo = guess + 1;
            let mut step = 1;
            while guess + step < n {
                let probe = guess + step;
                if idx[probe].0 >= h {
                    hi = probe;
                    break;
                }
                lo = probe + 1;
                step *= 2;
            }
        } else {
            // The entry is at or before `guess`.
            hi = guess;
            let mut step = 1;
            while step <= guess {
                let probe = guess - step;
                if idx[probe].0 < h {
                    lo = probe + 1;
                    break;
                }
                hi = probe;
                step *= 2;
            }
        }
        let lo = lo + idx[lo..hi].partition_point(|e| e.0 < h);
        debug_assert_eq!(lo, idx.partition_point(|e| e.0 < h));
        self.index[lo..]
            .iter()
            .take_while(move |e| e.0 == h)
            .map(|e| Candidate {
                record: e.1 >> 1,
                primary: e.1 & 1 == 1,
            })
    }

    /// Candidates for a normalised name by its squashed spelling ([`squashed`]): the
    /// transliterated Arabic names whose article or spacing differs ("Qamishli" for "Al
    /// Qamishli", "Deir Ezzor" for "Deir ez-Zor"). Every candidate is an alternate name.
    pub fn lookup_squashed(&self, key: &str) -> Vec<Candidate> {
        let Some(sq) = squashed(key) else {
            return Vec::new();
        };
        let h = squashed_hash(&sq);
        let lo = self.index.partition_point(|e| e.0 < h);
        self.index[lo..]
            .iter()
            .take_while(|e| e.0 == h)
            .map(|e| Candidate {
                record: e.1 >> 1,
                primary: false,
            })
            .collect()
    }

    /// Candidates for a name as written.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let mut key = String::new();
        normalise_into(name, &mut key);
        self.lookup_normalised(&key).collect()
    }

    /// The record of a GeoNames id (records are stored in id order).
    pub fn by_geonameid(&self, id: u64) -> Option<&Record> {
        if id == 0 {
            return None;
        }
        let i = self.records.partition_point(|r| r.geonameid < id);
        self.records.get(i).filter(|r| r.geonameid == id)
    }

    /// The country record of an ISO 3166-1 alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<&Record> {
        self.lookup(iso2)
            .into_iter()
            .map(|c| &self.records[c.record as usize])
            .find(|r| r.kind == Kind::Country && r.country.eq_ignore_ascii_case(iso2))
            .or_else(|| {
                self.records
                    .iter()
                    .find(|r| r.kind == Kind::Country && r.country.eq_ignore_ascii_case(iso2))
            })
    }

    /// The admin1 name of a record ("" when none).
    pub fn admin1_of(&self, r: &Record) -> &str {
        &self.admin1_names[r.admin1 as usize]
    }

    /// Number of indexed names (main and alternate, after normalisation).
    pub fn name_count(&self) -> usize {
        self.index.len()
    }
}

/// Normalise a name for lookup: lower case, diacritics folded to ASCII, apostrophes dropped,
/// every other run of non-alphanumerics one space; a leading "St"/"Ft"/"Mt" of a longer name
/// spelled out ("St. Louis" = "Saint Louis").
pub fn normalise_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if space && out.len() > start {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if let Some(d) = deunicode::deunicode_char(c) {
                out.extend(
                    d.chars()
                        .filter(|c| c.is_ascii_alphanumeric())
                        .map(|c| c.to_ascii_lowercase()),
                );
            } else {
                out.extend(c.to_lowercase());
            }
        } else if matches!(c, '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´') {
            // dropped: "Martha's Vineyard" = "Marthas Vineyard"
        } else {
            space = true;
        }
    }
    let body = &out[start..];
    let expand = match body.split_once(' ') {
        Some(("st", _)) => Some("saint"),
        Some(("ft", _)) => Some("fort"),
        Some(("mt", _)) => Some("mount"),
        _ => None,
    };
    if let Some(e) = expand {
        out.replace_range(start..start + 2, e);
    }
}

/// Arabic articles as transliterations write them, alone or joined by a hyphen ("al-Bab",
/// "Deir ez-Zor", "Ras al Ain").
const ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "ez", "en", "ul",
];

/// A normalised name without a leading article and without spaces ("al qamishli" →
/// "qamishli", "deir ez zor" → "deirezzor"); `None` when that leaves fewer than six letters,
/// too short to tell names apart.
pub(crate) fn squashed(key: &str) -> Option<String> {
    // (Looked up for every unknown name: rule out most without allocating.)
    if key.len() < 6 || !key.bytes().all(|b| b == b' ' || b.is_ascii_alphanumeric()) {
        return None;
    }
    let mut words = key.split(' ').filter(|w| !w.is_empty());
    let first = words.next()?;
    let rest = words.clone().next().is_some();
    let mut s = String::with_capacity(key.len());
    if !(rest && ARTICLES.contains(&first)) {
        s.push_str(first);
    }
    words.for_each(|w| s.push_str(w));
    (s.len() >= 6).then_some(s)
}

/// The index hash of a squashed name, kept apart from the hashes of ordinary names.
fn squashed_hash(sq: &str) -> u64 {
    xxh3_64(sq.as_bytes()) ^ 0x5bd1_e995_9e37_79b9
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}
