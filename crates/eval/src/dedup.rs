//! `dateline-eval dedup`: deduplication measured end to end. Articles written here from
//! templates (the same event told by several outlets in their own words, with other tolls, a
//! date a day apart, the place named as a city or as its region, wire copies; and distinct
//! events that share actors, place or date but not all) go through the real pipeline and the
//! store (`dateline ingest`), and the store's clusters and near-duplicate links are scored
//! against the answers the generator knows. Then the ratio of event clusters to event mentions
//! on a real corpus (GVA dev articles, read from ../shared at run time), and ingest throughput
//! against `extract` on the same articles. Writes the `dedup` section of BENCHMARKS.md.

use dateline_eval::{dataset, prf, workspace_root, write_section};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// One country's cast: who attacks whom (two wordings each), the city, the region the city
/// lies in, and another city of the same country some hundreds of km away.
struct Cast {
    attacker: [&'static str; 2],
    target: [&'static str; 2],
    city: &'static str,
    region: &'static str,
    other_city: &'static str,
}

const CASTS: &[Cast] = &[
    Cast {
        attacker: ["Syrian government forces", "Syrian troops"],
        target: ["rebel positions", "rebels"],
        city: "Aleppo",
        region: "Aleppo Governorate",
        other_city: "Damascus",
    },
    Cast {
        attacker: ["Iraqi troops", "Iraqi security forces"],
        target: ["Islamic State militants", "Islamic State fighters"],
        city: "Mosul",
        region: "Nineveh province",
        other_city: "Baghdad",
    },
    Cast {
        attacker: ["Russian forces", "Russian troops"],
        target: ["Ukrainian troops", "Ukrainian positions"],
        city: "Kharkiv",
        region: "Kharkiv region",
        other_city: "Kherson",
    },
    Cast {
        attacker: ["Boko Haram militants", "Boko Haram fighters"],
        target: ["Nigerian soldiers", "Nigerian troops"],
        city: "Maiduguri",
        region: "Borno state",
        other_city: "Kano",
    },
    Cast {
        attacker: ["Taliban fighters", "Taliban militants"],
        target: ["Afghan security forces", "Afghan troops"],
        city: "Kandahar",
        region: "Helmand province",
        other_city: "Kabul",
    },
    Cast {
        attacker: ["Al-Shabaab militants", "Al-Shabaab fighters"],
        target: ["Somali soldiers", "Somali troops"],
        city: "Mogadishu",
        region: "Banaadir region",
        other_city: "Kismayo",
    },
];

/// Sentences that report no event, to make each outlet's article its own text.
const FILLER: &[&str] = &[
    "Residents said the fighting lasted for several hours.",
    "The area has changed hands several times in recent years.",
    "Aid groups warned of a worsening humanitarian situation in the region.",
    "Hospitals in the area were struggling to cope with the wounded.",
    "Roads leading out of the area were closed for most of the day.",
    "It was one of the deadliest incidents in the area this year.",
    "Local traders said many shops stayed shut on the following morning.",
    "Families searched for relatives at the main hospital until late at night.",
    "Electricity and water supplies were cut in several neighbourhoods.",
    "Schools in the district were expected to remain closed for the rest of the week.",
    "Witnesses described long queues at checkpoints on the main road.",
    "Several families said they had left their homes for safer areas.",
    "Mobile phone networks were down for part of the afternoon.",
    "Officials promised an inquiry into the events of the day.",
    "Local radio stations interrupted their programmes to broadcast appeals for blood donors.",
    "Prices of bread and fuel rose sharply in nearby markets.",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Which kind of report an article is, for the breakdown.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Kind {
    /// The main event, city named, its own date.
    City,
    /// The main event, place named as the region only, another toll.
    Region,
    /// The main event, a date a day later, another toll.
    DayLater,
    /// A wire copy of the `City` report with a new lead.
    Copy,
    /// Same actors and day, another city.
    OtherCity,
    /// Same city and day, another kind of event (a protest).
    OtherType,
    /// Same city, actors and kind, ten days later.
    Later,
}

struct Article {
    id: String,
    /// Gold event: (round, cast, scenario).
    event: (usize, usize, u8),
    /// CAMEO root the scenario's event is coded with.
    root: &'static str,
    kind: Kind,
    /// Gold wire original, for copies.
    copy_of: Option<String>,
    json: Value,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

fn day_words(d: jiff::civil::Date) -> String {
    format!("{} {}", d.day(), MONTHS[d.month() as usize - 1])
}

/// Add one outlet's article: the lead sentence and three filler sentences.
#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Article>,
    rng: &mut Rng,
    outlet: &mut u64,
    (r, c): (usize, usize),
    scenario: u8,
    root: &'static str,
    kind: Kind,
    lead: String,
    published: jiff::civil::Date,
) {
    *outlet += 1;
    let mut body = vec![lead];
    let mut used = HashSet::new();
    while used.len() < 3 {
        let f = *rng.pick(FILLER);
        if used.insert(f) {
            body.push(f.to_string());
        }
    }
    let id = format!("r{r}-c{c}-s{scenario}-{outlet}");
    out.push(Article {
        json: json!({"id": id, "text": body.join(" "), "published": published.to_string(),
                     "source": format!("Outlet {}", *outlet % 17),
                     "url": format!("https://outlet{}.example/{id}", *outlet % 17)}),
        id,
        event: (r, c, scenario),
        root,
        kind,
        copy_of: None,
    });
}

/// The constructed articles: `rounds` rounds 40 days apart, each with every cast.
fn generate(rounds: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    let start = jiff::civil::date(2023, 1, 10);
    let mut outlet = 0u64;
    for r in 0..rounds {
        let d0 = start
            .checked_add(jiff::Span::new().days(40 * r as i64))
            .unwrap();
        let day = |k: i64| d0.checked_add(jiff::Span::new().days(k)).unwrap();
        for (c, cast) in CASTS.iter().enumerate() {
            let [a1, a2] = cast.attacker;
            let [b1, b2] = cast.target;
            let n = rng.range(5, 40);
            let n_region = n + rng.range(1, 6);
            let n_later = n.saturating_sub(rng.range(1, 4)).max(2);
            // Scenario 1: the main event, told three ways, and a wire copy of the first.
            push(
                &mut out,
                &mut rng,
                &mut outlet,
                (r, c),
                1,
                "19",
                Kind::City,
                format!(
                    "{a1} attacked {b1} in {} on {}, killing at least {n} people, officials said.",
                    cast.city,
                    day_words(day(0))
                ),
                day(1),
            );
            let original = out.len() - 1;
            push(
                &mut out,
                &mut rng,
                &mut outlet,
                (r, c),
                1,
                "19",
                Kind::Region,
                format!(
                    "At least {} people were killed when {a2} attacked {b2} in {} on {}, a local official said.",
                    n_region,
                    cast.region,
                    day_words(day(0))
                ),
                day(1),
            );
            push(
                &mut out,
                &mut rng,
                &mut outlet,
                (r, c),
                1,
                "19",
                Kind::DayLater,
                format!(
                    "{a2} attacked {b1} near {} on {}, leaving {} people dead, according to a monitoring group.",
                    cast.city,
                    day_words(day(1)),
                    n_later
                ),
                day(2),
            );
            {
                let orig = &out[original];
                let text = format!(
                    "{} (Wire) - {}",
                    cast.city.to_uppercase(),
                    orig.json["text"].as_str().unwrap()
                );
                outlet += 1;
                let id = format!("r{r}-c{c}-s1-{outlet}-copy");
                let mut json = orig.json.clone();
                json["id"] = json!(id);
                json["text"] = json!(text);
                json["source"] = json!(format!("Reprint {}", outlet % 5));
                json["url"] = json!(format!("https://reprint{}.example/{id}", outlet % 5));
                out.push(Article {
                    id,
                    event: orig.event,
                    root: "19",
                    kind: Kind::Copy,
                    copy_of: Some(orig.id.clone()),
                    json,
                });
            }
            // Scenario 2: the same actors on the same day in another city.
            for k in 0..2 {
                let m = rng.range(3, 20);
                let lead = if k == 0 {
                    format!(
                        "{a1} attacked {b1} in {} on {}, killing {m} people.",
                        cast.other_city,
                        day_words(day(0))
                    )
                } else {
                    format!(
                        "{a2} attacked {b2} in {} on {}, and {m} people were killed, witnesses said.",
                        cast.other_city,
                        day_words(day(0))
                    )
                };
                push(
                    &mut out,
                    &mut rng,
                    &mut outlet,
                    (r, c),
                    2,
                    "19",
                    Kind::OtherCity,
                    lead,
                    day(1),
                );
            }
            // Scenario 3: another kind of event in the same city on the same day.
            for k in 0..2 {
                let lead = if k == 0 {
                    format!(
                        "Thousands of protesters rallied against the government in {} on {}, witnesses said.",
                        cast.city,
                        day_words(day(0))
                    )
                } else {
                    format!(
                        "Hundreds of demonstrators rallied in {} on {} to protest against rising prices.",
                        cast.city,
                        day_words(day(0))
                    )
                };
                push(
                    &mut out,
                    &mut rng,
                    &mut outlet,
                    (r, c),
                    3,
                    "14",
                    Kind::OtherType,
                    lead,
                    day(1),
                );
            }
            // Scenario 4: the same city, actors and kind ten days later.
            for k in 0..2 {
                let m = rng.range(3, 20);
                let lead = if k == 0 {
                    format!(
                        "{a1} attacked {b1} in {} on {}, killing {m} people, officials said.",
                        cast.city,
                        day_words(day(10))
                    )
                } else {
                    format!(
                        "{a2} attacked {b2} near {} on {}, and at least {m} people died.",
                        cast.city,
                        day_words(day(10))
                    )
                };
                push(
                    &mut out,
                    &mut rng,
                    &mut outlet,
                    (r, c),
                    4,
                    "19",
                    Kind::Later,
                    lead,
                    day(11),
                );
            }
        }
    }
    out
}

fn dateline_bin() -> Result<PathBuf, String> {
    let bin = workspace_root().join("target/release/dateline");
    if bin.exists() {
        Ok(bin)
    } else {
        Err(format!(
            "{} not found: run `cargo build --release -p dateline` first",
            bin.display()
        ))
    }
}

fn write_jsonl(path: &Path, items: impl Iterator<Item = Value>) -> Result<usize, String> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| e.to_string())?);
    let mut n = 0;
    for v in items {
        writeln!(w, "{v}").map_err(|e| e.to_string())?;
        n += 1;
    }
    w.flush().map_err(|e| e.to_string())?;
    Ok(n)
}

fn run(cmd: &mut Command) -> Result<Vec<u8>, String> {
    let out = cmd.output().map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "{cmd:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out.stdout)
}

fn query_rows(bin: &Path, db: &Path) -> Result<Vec<Value>, String> {
    let out = run(Command::new(bin)
        .args(["query", "--format", "jsonl", "--limit", "0", "--db"])
        .arg(db))?;
    String::from_utf8_lossy(&out)
        .lines()
        .map(|l| serde_json::from_str(l).map_err(|e| e.to_string()))
        .collect()
}

/// Pairwise and B-cubed scores of a predicted partition against a gold one (both as labels
/// per item; `None` = a singleton of its own).
fn scores(gold: &[String], pred: &[Option<String>]) -> ((usize, usize, usize), (f64, f64)) {
    let n = gold.len();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..n {
        for j in i + 1..n {
            let g = gold[i] == gold[j];
            let p = pred[i].is_some() && pred[i] == pred[j];
            match (g, p) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for i in 0..n {
        let same_pred: Vec<usize> = (0..n)
            .filter(|&j| j == i || (pred[i].is_some() && pred[i] == pred[j]))
            .collect();
        let same_gold = (0..n).filter(|&j| gold[i] == gold[j]).count();
        let both = same_pred.iter().filter(|&&j| gold[j] == gold[i]).count();
        bp += both as f64 / same_pred.len() as f64;
        br += both as f64 / same_gold as f64;
    }
    ((tp, fp, fn_), (bp / n as f64, br / n as f64))
}

/// CPU seconds (user + system) and wall seconds of a command, through /usr/bin/time.
fn timed(cmd: &mut Command) -> Result<(f64, f64), String> {
    let t = Instant::now();
    let out = cmd.output().map_err(|e| e.to_string())?;
    let wall = t.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!("{cmd:?}: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let cpu = err
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("CPU="))
        .and_then(|v| {
            let (u, s) = v.trim().split_once('+')?;
            Some(u.parse::<f64>().ok()? + s.parse::<f64>().ok()?)
        })
        .unwrap_or(f64::NAN);
    Ok((cpu, wall))
}

pub fn run_dedup(args: &[String]) -> Result<(), String> {
    let rounds: usize = args
        .iter()
        .find_map(|a| a.strip_prefix("--rounds="))
        .map_or(Ok(4), str::parse)
        .map_err(|e| format!("--rounds: {e}"))?;
    let bin = dateline_bin()?;
    let tmp = std::env::temp_dir().join(format!("dateline-eval-dedup-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let mut md = String::from("## Deduplication\n\n");
    md.push_str(&format!(
        "Measured {} UTC with `cargo run --release -p dateline-eval -- dedup` (needs \
         `target/release/dateline`). Rule: docs/dedup.md.\n\n",
        jiff::Zoned::now().strftime("%Y-%m-%d %H:%M")
    ));

    // 1. Constructed cases, end to end: pipeline + store.
    let mut table = String::new();
    let mut breakdown = String::new();
    let mut scen = String::new();
    for seed in [7u64, 11, 13] {
        let arts = generate(rounds, seed);
        let input = tmp.join(format!("cases-{seed}.jsonl"));
        write_jsonl(&input, arts.iter().map(|a| a.json.clone()))?;
        let db = tmp.join(format!("cases-{seed}.db"));
        let _ = std::fs::remove_file(&db);
        run(Command::new(&bin)
            .arg("ingest")
            .arg(&input)
            .arg("--db")
            .arg(&db))?;
        let rows = query_rows(&bin, &db)?;
        // The article's report of its gold event: its first occurred mention with the
        // scenario's CAMEO root (by trigger position).
        let mut main: HashMap<String, (i64, String)> = HashMap::new();
        let mut links: HashMap<String, String> = HashMap::new();
        let root_of: HashMap<&str, &str> = arts.iter().map(|a| (a.id.as_str(), a.root)).collect();
        for r in &rows {
            let art = r["article"].as_str().unwrap_or("").to_string();
            if let Some(d) = r["duplicate_of"].as_str() {
                links.insert(art.clone(), d.to_string());
            }
            if r["status"] != "occurred"
                || Some(r["root"].as_str().unwrap_or("")) != root_of.get(art.as_str()).copied()
            {
                continue;
            }
            let pos = r["trigger_start"].as_i64().unwrap_or(i64::MAX);
            let cl = r["cluster"].as_str().unwrap_or("").to_string();
            match main.get(&art) {
                Some((p, _)) if *p <= pos => {}
                _ => {
                    main.insert(art, (pos, cl));
                }
            }
        }
        let gold: Vec<String> = arts.iter().map(|a| format!("{:?}", a.event)).collect();
        let pred: Vec<Option<String>> = arts
            .iter()
            .map(|a| main.get(&a.id).map(|m| m.1.clone()))
            .collect();
        let coded = pred.iter().filter(|p| p.is_some()).count();
        let ((tp, fp, fn_), (bp, br)) = scores(&gold, &pred);
        let (p, r, f) = prf(tp, fp, fn_);
        // Near duplicates: links against the copies the generator made.
        let gold_dups: HashSet<(String, String)> = arts
            .iter()
            .filter_map(|a| Some((a.id.clone(), a.copy_of.clone()?)))
            .collect();
        let found: HashSet<(String, String)> = links.into_iter().collect();
        let dtp = found.intersection(&gold_dups).count();
        let (dp, dr, _) = prf(dtp, found.len() - dtp, gold_dups.len() - dtp);
        table.push_str(&format!(
            "| {seed} | {} | {coded} | {p:.3} | {r:.3} | {f:.3} | {bp:.3} | {br:.3} | {dp:.3} ({}/{}) | {dr:.3} ({dtp}/{}) |\n",
            arts.len(),
            dtp,
            found.len(),
            gold_dups.len()
        ));
        if seed == 7 {
            // Recall by the kind of report paired with the city report; false merges by the
            // kind of distractor.
            let mut rec: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
            let mut merges: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
            for (i, a) in arts.iter().enumerate() {
                if a.kind != Kind::City {
                    continue;
                }
                for (j, b) in arts.iter().enumerate() {
                    if i == j || b.event.0 != a.event.0 || b.event.1 != a.event.1 {
                        continue;
                    }
                    let same = pred[i].is_some() && pred[i] == pred[j];
                    let slot = if b.event == a.event {
                        &mut rec
                    } else {
                        &mut merges
                    };
                    let e = slot.entry(b.kind).or_default();
                    e.1 += 1;
                    if same {
                        e.0 += 1;
                    }
                }
            }
            // Recall within each scenario's own reports.
            let mut per: BTreeMap<u8, (usize, usize)> = BTreeMap::new();
            for i in 0..arts.len() {
                for j in i + 1..arts.len() {
                    if arts[i].event == arts[j].event {
                        let e = per.entry(arts[i].event.2).or_default();
                        e.1 += 1;
                        if pred[i].is_some() && pred[i] == pred[j] {
                            e.0 += 1;
                        }
                    }
                }
            }
            scen.push_str("| scenario | gold pairs | in one cluster |\n|---|---|---|\n");
            for (k, (hit, all)) in per {
                let what = match k {
                    1 => "1 the attack (3 outlets + wire copy)",
                    2 => "2 same actors and day, other city (2 outlets)",
                    3 => "3 protest, same city and day (2 outlets)",
                    _ => "4 same city, actors, kind, 10 days later (2 outlets)",
                };
                scen.push_str(&format!("| {what} | {all} | {hit} |\n"));
            }
            breakdown.push_str(
                "| paired with the city report | pairs | same cluster |\n|---|---|---|\n",
            );
            for (k, (hit, all)) in rec.iter().chain(merges.iter()) {
                let what = match k {
                    Kind::City => "another city report (same event)",
                    Kind::Region => "same event, place named as the region, another toll",
                    Kind::DayLater => "same event, date a day later, another toll",
                    Kind::Copy => "wire copy of it",
                    Kind::OtherCity => "**other event**: same actors and day, another city",
                    Kind::OtherType => "**other event**: same city and day, a protest",
                    Kind::Later => "**other event**: same city, actors and kind, 10 days later",
                };
                breakdown.push_str(&format!(
                    "| {what} | {all} | {hit} ({:.0}%) |\n",
                    100.0 * *hit as f64 / (*all).max(1) as f64
                ));
            }
        }
    }
    md.push_str(&format!(
        "### Constructed cases\n\n{rounds} rounds 40 days apart × {} countries; per country and round: one \
         attack told by 3 outlets in their own words (city named, on the day; region named with another \
         toll; a day later with another toll) plus a wire copy of the first with a new lead; the same \
         actors on the same day in another city (2 outlets); a protest in the same city on the same day \
         (2); the same city, actors and kind 10 days later (2). Articles are written by the generator in \
         `crates/eval/src/dedup.rs`, run through the whole pipeline and `dateline ingest`. An article's \
         prediction is the cluster of its first occurred mention with the scenario's CAMEO root; \
         articles where the pipeline coded no such mention are singletons (they count against recall). \
         Pairwise precision/recall over article pairs, and B-cubed.\n\n\
         | seed | articles | with a coded mention | pairwise P | pairwise R | F1 | B³ P | B³ R | near-dup P | near-dup R |\n\
         |---|---|---|---|---|---|---|---|---|---|\n{table}\n\
         Seed 7 by kind of pair:\n\n{breakdown}\nSeed 7 by scenario:\n\n{scen}\n\
         Recall lost, if any, shows in the tables above: an article whose event the pipeline does \
         not code, or codes without a place or actor, stays a singleton (docs/dedup.md, \
         vagueness); a mention that is vague never merges, so the protests of six countries are \
         not one cluster. Near-duplicate false links are between \
         different events whose short templated texts (a lead and three stock sentences) share \
         most of their wording.\n\n",
        CASTS.len()
    ));

    // 2. Real corpus: clusters per mention on the GVA dev articles.
    if let Some(dir) = dataset("gva-casualties") {
        let mut texts: Vec<Value> = Vec::new();
        for split in ["data-dev/X_val.json"] {
            let p = dir.join("data").join(split);
            let v: Value = serde_json::from_str(
                &std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?,
            )
            .map_err(|e| format!("{}: {e}", p.display()))?;
            for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                texts.push(json!({"id": format!("gva-dev-{i}"), "text": x["text"],
                                  "published": x["publish_date"]}));
            }
        }
        let input = tmp.join("gva.jsonl");
        let n = write_jsonl(&input, texts.into_iter())?;
        let db = tmp.join("gva.db");
        let _ = std::fs::remove_file(&db);
        run(Command::new(&bin)
            .arg("ingest")
            .arg(&input)
            .arg("--db")
            .arg(&db))?;
        let count = |extra: &[&str]| -> Result<u64, String> {
            let out = run(Command::new(&bin)
                .args(["query", "--count", "--limit", "0"])
                .args(extra)
                .arg("--db")
                .arg(&db))?;
            String::from_utf8_lossy(&out)
                .trim()
                .parse()
                .map_err(|e| format!("count: {e}"))
        };
        let (m, c) = (count(&[])?, count(&["--distinct"])?);
        let (mo, co) = (
            count(&["--status", "occurred"])?,
            count(&["--status", "occurred", "--distinct"])?,
        );
        let rows = query_rows(&bin, &db)?;
        let mut arts_of: HashMap<&str, HashSet<&str>> = HashMap::new();
        for r in &rows {
            if let (Some(c), Some(a)) = (r["cluster"].as_str(), r["article"].as_str()) {
                arts_of.entry(c).or_default().insert(a);
            }
        }
        let cross = arts_of.values().filter(|a| a.len() > 1).count();
        let dups: HashSet<&str> = rows
            .iter()
            .filter(|r| !r["duplicate_of"].is_null())
            .filter_map(|r| r["article"].as_str())
            .collect();
        md.push_str(&format!(
            "### Real corpus\n\nGVA dev articles (`../shared/data/gva-casualties`, {n} US gun-violence news \
             texts, one incident each, mostly different incidents): {m} event mentions in {c} clusters \
             (**{:.3} clusters per mention**); occurred only: {mo} mentions, {co} clusters ({:.3}). \
             {cross} clusters join reports of more than one article; {} articles were linked as \
             near duplicates of an earlier one. The merging is mostly within an article (one \
             shooting told in several sentences).\n\n",
            c as f64 / m.max(1) as f64,
            co as f64 / mo.max(1) as f64,
            dups.len()
        ));

        // 3. Ingest throughput against extract on the same articles (one thread, CPU time):
        // every split, so that start-up (lexicons, gazetteer) does not dominate.
        let mut all: Vec<Value> = Vec::new();
        for split in [
            "data-train/X_train.json",
            "data-dev/X_val.json",
            "data-test/X_test.json",
        ] {
            let p = dir.join("data").join(split);
            if !p.exists() {
                continue;
            }
            let v: Value = serde_json::from_str(
                &std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?,
            )
            .map_err(|e| format!("{}: {e}", p.display()))?;
            for (i, x) in v.as_array().into_iter().flatten().enumerate() {
                all.push(json!({"id": format!("gva-{split}-{i}"), "text": x["text"],
                                "published": x["publish_date"]}));
            }
        }
        let input = tmp.join("gva-all.jsonl");
        let n = write_jsonl(&input, all.into_iter())?;
        let time = Path::new("/usr/bin/time");
        if time.exists() {
            // alternating pairs; the ratio of each pair, so that load from other work on the
            // machine falls on both sides of a pair alike; the median pair reported
            const PAIRS: usize = 7;
            let mut runs: Vec<(f64, f64, f64, f64)> = Vec::with_capacity(PAIRS);
            for _ in 0..PAIRS {
                let (ec, ew) = timed(
                    Command::new(time)
                        .args(["-f", "CPU=%U+%S"])
                        .arg(&bin)
                        .args(["extract", "--threads", "1"])
                        .arg(&input)
                        .stdout(std::process::Stdio::null()),
                )?;
                let _ = std::fs::remove_file(&db);
                for ext in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(tmp.join(format!("gva.db{ext}")));
                }
                let (ic, iw) = timed(
                    Command::new(time)
                        .args(["-f", "CPU=%U+%S"])
                        .arg(&bin)
                        .args(["ingest", "--threads", "1", "--db"])
                        .arg(&db)
                        .arg(&input),
                )?;
                runs.push((ec, ew, ic, iw));
            }
            let median = |mut xs: Vec<f64>| {
                xs.sort_by(f64::total_cmp);
                xs[xs.len() / 2]
            };
            let ratios: Vec<f64> = runs.iter().map(|r| 100.0 * r.0 / r.2).collect();
            let (lo, hi) = ratios
                .iter()
                .fold((f64::MAX, f64::MIN), |(l, h), &x| (l.min(x), h.max(x)));
            let (ec, ew, ic, iw) = (
                median(runs.iter().map(|r| r.0).collect()),
                median(runs.iter().map(|r| r.1).collect()),
                median(runs.iter().map(|r| r.2).collect()),
                median(runs.iter().map(|r| r.3).collect()),
            );
            md.push_str(&format!(
                "### Ingest throughput\n\nAll {n} GVA articles present (train and dev; test when present), `--threads 1`, \
                 {PAIRS} alternating pairs of runs into a fresh database; CPU seconds from `/usr/bin/time`, user + system; \
                 medians (the machine is shared with other builds):\n\n\
                 | | `dateline extract` | `dateline ingest` (with deduplication) | ingest / extract |\n|---|---|---|---|\n\
                 | CPU seconds | {:.2} s ({:.0} articles/s) | {:.2} s ({:.0} articles/s) | **{:.0}%** median of the pairs' ratios ({:.0}–{:.0}%; goal ≥ 80%) |\n\
                 | wall seconds | {:.2} s | {:.2} s | {:.0}% |\n\n",
                ec,
                n as f64 / ec,
                ic,
                n as f64 / ic,
                median(ratios.clone()),
                lo,
                hi,
                ew,
                iw,
                100.0 * ew / iw,
            ));
        }
    }
    if std::env::var_os("DATELINE_EVAL_KEEP").is_some() {
        eprintln!("dedup: kept {}", tmp.display());
    } else {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    print!("{md}");
    write_section("dedup", &md).map_err(|e| e.to_string())
}
