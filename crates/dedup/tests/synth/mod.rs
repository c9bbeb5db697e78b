//! A builder of synthetic `dateline/1` records with known answers: made-up articles written here
//! for the measurement (no external data). Each generated case knows which event mentions report
//! the same real-world event and which articles are wire copies of each other.

#![allow(dead_code)]

use serde_json::{Value, json};

/// Deterministic xorshift64* generator (no dependency, same corpus on every machine).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// Cities (approximate real coordinates) with the CAMEO country and ISO alpha-2 code.
const CITIES: &[(&str, &str, &str, f64, f64)] = &[
    ("Aleppo", "SYR", "SY", 36.20, 37.16),
    ("Mosul", "IRQ", "IQ", 36.34, 43.13),
    ("Kharkiv", "UKR", "UA", 49.99, 36.23),
    ("Goma", "COD", "CD", -1.68, 29.22),
    ("Mogadishu", "SOM", "SO", 2.05, 45.32),
    ("Kabul", "AFG", "AF", 34.53, 69.17),
    ("Sanaa", "YEM", "YE", 15.37, 44.19),
    ("Tripoli", "LBY", "LY", 32.89, 13.19),
    ("Bamako", "MLI", "ML", 12.64, -8.00),
    ("Caracas", "VEN", "VE", 10.49, -66.88),
    ("Lahore", "PAK", "PK", 31.55, 74.34),
    ("Khartoum", "SDN", "SD", 15.50, 32.56),
];

/// Event kinds: (CAMEO code, trigger phrases, source sector, target sector).
const KINDS: &[(&str, &[&str], &str, &str)] = &[
    ("190", &["fought", "clashed with", "battled"], "MIL", "REB"),
    (
        "195",
        &["bombed", "launched air strikes on", "struck from the air"],
        "MIL",
        "REB",
    ),
    (
        "183",
        &[
            "detonated a car bomb near",
            "set off explosives near",
            "bombed",
        ],
        "REB",
        "CVL",
    ),
    (
        "141",
        &["marched against", "rallied against", "protested against"],
        "CVL",
        "GOV",
    ),
    (
        "040",
        &["held talks with", "met", "consulted"],
        "GOV",
        "GOV",
    ),
    ("173", &["arrested", "detained", "rounded up"], "COP", "OPP"),
    ("112", &["accused", "blamed", "criticised"], "GOV", "OPP"),
    (
        "200",
        &[
            "massacred",
            "killed scores of",
            "carried out mass killings of",
        ],
        "REB",
        "CVL",
    ),
];

const FILLER: &[&str] = &[
    "witnesses",
    "described",
    "scenes",
    "of",
    "panic",
    "as",
    "residents",
    "fled",
    "toward",
    "the",
    "outskirts",
    "while",
    "local",
    "officials",
    "urged",
    "calm",
    "and",
    "hospitals",
    "appealed",
    "for",
    "blood",
    "donors",
    "analysts",
    "say",
    "tensions",
    "have",
    "been",
    "rising",
    "for",
    "months",
    "amid",
    "economic",
    "hardship",
    "a",
    "spokesman",
    "declined",
    "to",
    "comment",
    "on",
    "reports",
    "that",
    "reinforcements",
    "had",
    "arrived",
    "from",
    "neighbouring",
    "provinces",
    "earlier",
    "this",
    "week",
    "the",
    "united",
    "nations",
    "expressed",
    "concern",
    "over",
    "civilian",
    "safety",
    "aid",
    "convoys",
    "were",
    "delayed",
    "at",
    "checkpoints",
    "schools",
    "closed",
    "markets",
    "shut",
    "early",
    "after",
    "news",
    "spread",
    "across",
    "districts",
    "images",
    "shared",
    "online",
    "showed",
    "smoke",
    "rising",
    "above",
    "rooftops",
    "near",
    "central",
    "square",
];

/// A synthetic event report inside one article.
#[derive(Clone)]
pub struct EventSpec {
    pub gold: usize,
    pub cameo: String,
    pub status: &'static str,
    pub source: Vec<String>,
    pub target: Vec<String>,
    /// Index into the article's places, if any.
    pub place: Option<usize>,
    pub date: Option<String>,
}

#[derive(Clone)]
pub struct PlaceSpec {
    pub name: String,
    pub geonameid: Option<i64>,
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// One synthetic article with its gold answers.
#[derive(Clone)]
pub struct Article {
    pub id: String,
    pub source: String,
    pub published: String,
    pub text: String,
    pub places: Vec<PlaceSpec>,
    pub events: Vec<EventSpec>,
    /// Wire-copy group: articles with the same value are near duplicates of each other.
    pub wire: usize,
}

impl Article {
    /// The `dateline/1` record (all required fields; spans point into the text's first bytes).
    pub fn record(&self) -> Value {
        let places: Vec<Value> = self
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                json!({"id": format!("p{}", i + 1), "name": p.name, "geonameid": p.geonameid,
                       "country": p.country, "admin1": null, "lat": p.lat, "lon": p.lon,
                       "feature": "PPL", "mentions": []})
            })
            .collect();
        let arg = |codes: &[String]| -> Value {
            codes
                .iter()
                .map(|c| json!({"entity": null, "code": c, "start": 0, "end": 1}))
                .collect()
        };
        let events: Vec<Value> = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                json!({
                    "id": format!("v{}", i + 1), "sentence": 0, "trigger": {"start": 0, "end": 1},
                    "text": "x", "cameo": e.cameo, "cameo_root": &e.cameo[..2], "quad_class": 4,
                    "goldstein": -10.0, "plover": null, "status": e.status,
                    "source": arg(&e.source), "target": arg(&e.target),
                    "date": e.date.as_ref().map(|d| json!({"value": d, "precision": "day", "time": null, "basis": "text"})),
                    "place": e.place.map(|p| json!({"place": format!("p{}", p + 1), "basis": "sentence"})),
                    "reported_by": null, "confidence": 0.8, "rule": "synthetic", "same_as": null,
                })
            })
            .collect();
        json!({
            "schema": "dateline/1",
            "article": {"id": self.id, "url": null, "source": self.source, "title": null, "standfirst": null,
                        "published": self.published, "published_from": "input", "language": "en", "text": self.text},
            "removed": [], "blocks": [], "sentences": [], "entities": [], "places": places, "times": [],
            "events": events, "casualties": [], "quotes": [],
        })
    }
}

fn iso(day: i32) -> String {
    // Civil date from day number (inverse of days_from_civil).
    let z = day + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}

/// The corpus builder.
pub struct Builder {
    rng: Rng,
    pub articles: Vec<Article>,
    next_gold: usize,
    next_wire: usize,
    next_article: usize,
}

/// The ground truth of one real-world event.
#[derive(Clone)]
struct Truth {
    gold: usize,
    kind: usize,
    status: &'static str,
    src: String,
    tgt: String,
    place: PlaceSpec,
    day: i32,
}

const OUTLETS: &[&str] = &[
    "Daily Post",
    "Evening Herald",
    "World Wire",
    "Morning Star",
    "City Journal",
    "Global Times",
    "Metro News",
];

impl Builder {
    pub fn new(seed: u64) -> Builder {
        Builder {
            rng: Rng::new(seed),
            articles: Vec::new(),
            next_gold: 0,
            next_wire: 0,
            next_article: 0,
        }
    }

    fn gold(&mut self) -> usize {
        self.next_gold += 1;
        self.next_gold
    }

    fn wire(&mut self) -> usize {
        self.next_wire += 1;
        self.next_wire
    }

    fn words(&mut self, n: usize) -> String {
        let mut s = String::new();
        for i in 0..n {
            if i > 0 {
                s.push(' ');
            }
            let w = self.rng.pick(FILLER);
            s.push_str(w);
            if self.rng.chance(0.25) {
                // Made-up proper names make each outlet's text its own.
                let n = self.rng.below(100_000);
                s.push_str(&format!(" Name{n}"));
            }
        }
        s
    }

    fn city(&mut self) -> (usize, PlaceSpec) {
        let i = self.rng.below(CITIES.len());
        let (name, _, cc, lat, lon) = CITIES[i];
        (
            i,
            PlaceSpec {
                name: name.into(),
                geonameid: Some(1000 + i as i64),
                country: cc.into(),
                lat: Some(lat),
                lon: Some(lon),
            },
        )
    }

    fn truth(
        &mut self,
        kind: usize,
        city: usize,
        place: PlaceSpec,
        day: i32,
        status: &'static str,
    ) -> Truth {
        let (_, _, sec_s, sec_t) = KINDS[kind];
        let cc = CITIES[city].1;
        Truth {
            gold: self.gold(),
            kind,
            status,
            src: format!("{cc}{sec_s}"),
            tgt: format!("{cc}{sec_t}"),
            place,
            day,
        }
    }

    /// One outlet's own report of `t` (own wording, own toll, date jitter, partial coding).
    fn report(&mut self, t: &Truth, outlet: &str, jitter: i32) -> Article {
        let (cameo, verbs, _, _) = KINDS[t.kind];
        let verb = self.rng.pick(verbs);
        let toll = 3 + self.rng.below(40);
        let neg = if t.status == "negated" {
            "officials denied reports that "
        } else {
            ""
        };
        let text = format!(
            "{} {neg}forces {verb} opponents in {} leaving {toll} dead. {}. {}.",
            self.words(12),
            t.place.name,
            self.words(40),
            self.words(30)
        );
        // Coding varies by outlet: a side may be uncoded, the place may lack coordinates or be a
        // suburb a few km away, the date may be a day off.
        let mut place = t.place.clone();
        match self.rng.below(4) {
            0 => {
                // Unresolved in the gazetteer: only the country is known.
                place.lat = None;
                place.lon = None;
                place.geonameid = None;
            }
            1 => {
                place.lat = place.lat.map(|x| x + 0.1);
                place.geonameid = place.geonameid.map(|g| g + 50_000);
            }
            _ => {}
        }
        let source = if self.rng.chance(0.2) {
            vec![]
        } else {
            vec![t.src.clone()]
        };
        let target = if self.rng.chance(0.2) {
            vec![]
        } else {
            vec![t.tgt.clone()]
        };
        let code = if self.rng.chance(0.5) {
            cameo.to_string()
        } else {
            format!("{}0", &cameo[..2])
        };
        let ev = EventSpec {
            gold: t.gold,
            cameo: code,
            status: t.status,
            source,
            target,
            place: Some(0),
            date: Some(iso(t.day + jitter)),
        };
        self.next_article += 1;
        Article {
            id: format!("art{:05}", self.next_article),
            source: outlet.into(),
            published: iso(t.day + 1),
            text,
            places: vec![place],
            events: vec![ev],
            wire: self.wire(),
        }
    }

    /// A wire copy of `a` by another outlet: new lead, a few words changed, own id and source.
    fn wire_copy(&mut self, a: &Article, outlet: &str) -> Article {
        let mut words: Vec<String> = a.text.split(' ').map(str::to_owned).collect();
        for _ in 0..3 {
            let i = self.rng.below(words.len());
            words[i] = self.rng.pick(FILLER).to_string();
        }
        let lead = format!("{} ({outlet}) -", a.places[0].name.to_uppercase());
        self.next_article += 1;
        Article {
            id: format!("art{:05}", self.next_article),
            source: outlet.into(),
            text: format!("{lead} {}", words.join(" ")),
            ..a.clone()
        }
    }

    fn outlets(&mut self, n: usize) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        while out.len() < n {
            let o = *self.rng.pick(OUTLETS);
            if !out.contains(&o) {
                out.push(o);
            }
        }
        out
    }

    /// Add one scenario of each kind, at base day `day`.
    pub fn scenarios(&mut self, day: i32) {
        // 1. The same event reported by three outlets: own wording, tolls, dates ±1 day.
        let kind = self.rng.below(KINDS.len());
        let (ci, place) = self.city();
        let t = self.truth(kind, ci, place.clone(), day, "occurred");
        for (o, jitter) in self.outlets(3).into_iter().zip([0, 1, -1]) {
            let a = self.report(&t, o, jitter);
            self.articles.push(a);
        }
        // 2. A different event in the same city on the same day, with another root code.
        let mut other = self.rng.below(KINDS.len());
        while KINDS[other].0[..2] == KINDS[kind].0[..2] {
            other = self.rng.below(KINDS.len());
        }
        let t2 = self.truth(other, ci, place.clone(), day, "occurred");
        for o in self.outlets(2) {
            let a = self.report(&t2, o, 0);
            self.articles.push(a);
        }
        // 3. The same root in a city ~300 km away (2.7 degrees of latitude), same day, same actors.
        let far = PlaceSpec {
            name: format!("{}-north", place.name),
            geonameid: place.geonameid.map(|g| g + 900_000),
            lat: place.lat.map(|x| x + 2.7),
            ..place.clone()
        };
        let t3 = self.truth(kind, ci, far, day, "occurred");
        for o in self.outlets(2) {
            let a = self.report(&t3, o, 0);
            self.articles.push(a);
        }
        // 4. A negated report next to an occurred one: same root, place, day and actors.
        let (cj, place4) = self.city();
        let kind4 = self.rng.below(KINDS.len());
        let occurred = self.truth(kind4, cj, place4.clone(), day + 10, "occurred");
        let negated = self.truth(kind4, cj, place4, day + 10, "negated");
        for o in self.outlets(2) {
            let a = self.report(&occurred, o, 0);
            self.articles.push(a);
        }
        let o = *self.rng.pick(OUTLETS);
        let a = self.report(&negated, o, 0);
        self.articles.push(a);
        // 5. Wire copies with small edits, picked up by two or three other outlets.
        let (ck, place5) = self.city();
        let k5 = self.rng.below(KINDS.len());
        let t5 = self.truth(k5, ck, place5, day + 20, "occurred");
        let outlets = self.outlets(4);
        let base = self.report(&t5, outlets[0], 0);
        self.articles.push(base.clone());
        let copies = 2 + self.rng.below(2);
        for o in &outlets[1..=copies] {
            let c = self.wire_copy(&base, o);
            self.articles.push(c);
        }
    }
}

/// Pairwise precision and recall of a predicted partition against a gold one, both as a label
/// per item (pairs counted without listing them).
pub fn pairwise(pred: &[u64], gold: &[u64]) -> (f64, f64, u64, u64, u64) {
    use std::collections::HashMap;
    fn pairs<K>(m: &HashMap<K, u64>) -> u64 {
        m.values().map(|n| n * (n - 1) / 2).sum()
    }
    let mut p = HashMap::new();
    let mut g = HashMap::new();
    let mut both = HashMap::new();
    for (a, b) in pred.iter().zip(gold) {
        *p.entry(*a).or_insert(0u64) += 1;
        *g.entry(*b).or_insert(0u64) += 1;
        *both.entry((*a, *b)).or_insert(0u64) += 1;
    }
    let (pp, gp, tp) = (pairs(&p), pairs(&g), pairs(&both));
    let prec = if pp == 0 { 1.0 } else { tp as f64 / pp as f64 };
    let rec = if gp == 0 { 1.0 } else { tp as f64 / gp as f64 };
    (prec, rec, tp, pp, gp)
}

/// Figures of one measurement run.
#[derive(Debug)]
pub struct Figures {
    pub articles: usize,
    pub mentions: usize,
    pub clusters: usize,
    pub gold_events: usize,
    pub event_p: f64,
    pub event_r: f64,
    pub event_pairs: (u64, u64, u64),
    pub dup_p: f64,
    pub dup_r: f64,
    pub dup_pairs: (u64, u64, u64),
    /// Batch clustering gives the same ids for every mention after shuffling the records.
    pub order_stable: bool,
    /// Pairwise precision and recall of incremental clustering in a shuffled arrival order.
    pub incremental: (f64, f64),
    pub seconds: f64,
}

/// Build `n` rounds of scenarios from `seed`, `spacing` days apart (rounds span 21 days, so a
/// spacing under 24 lets rounds overlap in time and chance look-alikes appear), run fingerprinting, duplicate linking and batch event
/// clustering over the records, and score them against the builder's answers.
pub fn measure(seed: u64, n: usize, spacing: i32) -> Figures {
    use dateline_dedup::{DuplicateIndex, EventClusterer, article_fingerprint, mentions};
    use std::collections::HashMap;
    let mut b = Builder::new(seed);
    for i in 0..n {
        b.scenarios(17_000 + spacing * i as i32);
    }
    let records: Vec<Value> = b.articles.iter().map(Article::record).collect();
    let gold_of: HashMap<(String, String), usize> = b
        .articles
        .iter()
        .flat_map(|a| {
            a.events
                .iter()
                .enumerate()
                .map(move |(i, e)| ((a.id.clone(), format!("v{}", i + 1)), e.gold))
        })
        .collect();

    let start = std::time::Instant::now();
    let mut idx = DuplicateIndex::new();
    let mut roots: Vec<String> = Vec::with_capacity(records.len());
    let mut all = Vec::new();
    for r in &records {
        let id = r["article"]["id"].as_str().unwrap();
        let d = idx.insert(id, article_fingerprint(r));
        roots.push(d.map_or_else(|| id.to_owned(), |d| d.root));
        all.extend(mentions(r));
    }
    let clusterer = EventClusterer::batch(all.clone());
    let seconds = start.elapsed().as_secs_f64();

    let h = |s: &str| xxhash_rust::xxh3::xxh3_64(s.as_bytes());
    let mut pred = Vec::new();
    let mut gold = Vec::new();
    for c in clusterer.clusters() {
        for m in &c.mentions {
            pred.push(h(&c.id));
            gold.push(gold_of[&(m.article.clone(), m.event.clone())] as u64);
        }
    }
    let (event_p, event_r, tp, pp, gp) = pairwise(&pred, &gold);
    let dp: Vec<u64> = roots.iter().map(|r| h(r)).collect();
    let dg: Vec<u64> = b.articles.iter().map(|a| a.wire as u64).collect();
    let (dup_p, dup_r, dtp, dpp, dgp) = pairwise(&dp, &dg);

    // Re-ingestion in another order: shuffle the mentions, cluster again, compare ids.
    let mut shuffled = all.clone();
    let mut rng = Rng::new(seed ^ 0xdead_beef);
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i + 1));
    }
    let mut inc = EventClusterer::new();
    for m in &shuffled {
        inc.add(m.clone());
    }
    let (mut ip, mut ig) = (Vec::new(), Vec::new());
    for c in inc.clusters() {
        for m in &c.mentions {
            ip.push(h(&c.id));
            ig.push(gold_of[&(m.article.clone(), m.event.clone())] as u64);
        }
    }
    let (inc_p, inc_r, ..) = pairwise(&ip, &ig);
    let again = EventClusterer::batch(shuffled);
    let order_stable = all.iter().all(|m| {
        clusterer.cluster_of(&m.article, &m.event) == again.cluster_of(&m.article, &m.event)
    });

    let gold_events = gold.iter().collect::<std::collections::HashSet<_>>().len();
    Figures {
        articles: records.len(),
        mentions: all.len(),
        clusters: clusterer.clusters().len(),
        gold_events,
        event_p,
        event_r,
        event_pairs: (tp, pp, gp),
        dup_p,
        dup_r,
        dup_pairs: (dtp, dpp, dgp),
        order_stable,
        incremental: (inc_p, inc_r),
        seconds,
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "articles {}, event mentions {}, gold events {}, clusters {}",
            self.articles, self.mentions, self.gold_events, self.clusters
        )?;
        writeln!(
            f,
            "event clustering: pairwise precision {:.3} recall {:.3} (tp {}, predicted pairs {}, gold pairs {})",
            self.event_p, self.event_r, self.event_pairs.0, self.event_pairs.1, self.event_pairs.2
        )?;
        writeln!(
            f,
            "near-duplicates: pairwise precision {:.3} recall {:.3} (tp {}, predicted pairs {}, gold pairs {})",
            self.dup_p, self.dup_r, self.dup_pairs.0, self.dup_pairs.1, self.dup_pairs.2
        )?;
        writeln!(
            f,
            "ids stable under shuffled re-ingestion (batch): {}",
            self.order_stable
        )?;
        writeln!(
            f,
            "incremental clustering in shuffled arrival order: pairwise precision {:.3} recall {:.3}",
            self.incremental.0, self.incremental.1
        )?;
        write!(
            f,
            "time {:.3} s = {:.0} articles/s (fingerprint + duplicate index + clustering)",
            self.seconds,
            self.articles as f64 / self.seconds
        )
    }
}
