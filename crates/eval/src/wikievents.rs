//! `dateline-eval wikievents`: how many of dateline's events on whole real news articles are
//! real. Data: WikiEvents (Li, Ji & Han, NAACL 2021; `wikievents`, see its SOURCE.md), news
//! articles cited by Wikipedia with gold event mentions of the KAIROS ontology, read at run
//! time from the shared data folder (dev and test splits, whichever are present).
//!
//! Each article goes through the whole pipeline (`Pipeline::process_guarded`, plain text, no
//! publication date): the data set's sentences, each its own paragraph, so that a headline
//! without a full stop stays a line of its own. Every dateline event is then placed back on the
//! data set's sentences: each clean block is found again in the input text (blocks the cleaner
//! rewrote and cannot be found are counted, their events left out), and the event's trigger
//! span becomes a span of one gold sentence.
//!
//! dateline codes CAMEO, the gold is KAIROS. [`CROSSWALK`] reads each CAMEO code as the KAIROS
//! types whose definition covers it, written from the two ontologies' definitions (the CAMEO
//! 1.1b3 codebook; the KAIROS event types as listed in the data set's `meta.json`), not from the
//! data. Codes with no KAIROS counterpart (intents, cooperation, disapproval, rejection, force
//! posture, reduced relations, sanctions, kidnapping …) are left out of the measure and counted
//! apart, and so are plain statements (01x): KAIROS's `Contact.Contact.Broadcast` is the nearest
//! type, but dateline codes only some verbs of saying, so they are shown on a row of their own,
//! outside the totals.
//!
//! Measures, per split:
//! - **precision**: of dateline's events whose code is in the crosswalk, the share with a gold
//!   mention of a compatible type whose trigger lies in the event's sentence ("sentence"), and,
//!   stricter, whose trigger overlaps dateline's trigger span ("trigger");
//! - **recall** the other way round, over the gold mentions of the types the crosswalk reaches;
//! - the share of dateline's events whose code falls outside the crosswalk.
//!
//! Every event counts whatever its status (negated, planned and hypothetical events included:
//! the gold annotates mentions, and an analyst sees the record either way); `--fp` shows the
//! status of each unmatched one.
//!
//! `dateline-eval wikievents [--fp [SPLIT]] [--fn [SPLIT]]`: `--fp` lists every dateline event
//! in the crosswalk with no compatible gold mention in its sentence (sentence, code, rule,
//! status), `--fn` every gold mention of a mapped type that no compatible dateline event in its
//! sentence matched; both default to the dev split and write nothing. `--fp SPLIT --trigger`
//! lists the events with no compatible gold trigger overlapping theirs instead.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{dataset, prf, text_article, write_section};
use dateline_doc::{Doc, Status};
use dateline_pipeline::Pipeline;
use serde::Deserialize;

/// Gold types an attack (CAMEO 18x, 19x, 20x, violent repression) is compatible with: the
/// attack itself, and the deaths, injuries and destruction that CAMEO codes as the violent act
/// ("kill by physical assault" 1823, "bombing" 183, "mass killings" 202).
const ATTACK: &[&str] = &[
    "Conflict.Attack.",
    "Life.Die.",
    "Life.Injure.",
    "ArtifactExistence.DamageDestroyDisableDismantle.Damage",
    "ArtifactExistence.DamageDestroyDisableDismantle.Destroy",
    "ArtifactExistence.DamageDestroyDisableDismantle.Unspecified",
];

/// One crosswalk row: a CAMEO code prefix (the first row whose prefix the code starts with
/// decides), the family it is reported under, and the KAIROS type prefixes it is compatible
/// with. An empty family means "no KAIROS counterpart" (left out of the measure).
pub struct Row {
    pub cameo: &'static str,
    pub family: &'static str,
    pub kairos: &'static [&'static str],
    pub why: &'static str,
}

/// The family reported apart from the totals (plain statements).
pub const APART: &str = "statement";

/// CAMEO → KAIROS, from the definitions. Order matters: specific codes before their root.
pub const CROSSWALK: &[Row] = &[
    // 01 MAKE PUBLIC STATEMENT: a communicator to a broad audience
    Row {
        cameo: "01",
        family: APART,
        kairos: &["Contact.Contact.Broadcast"],
        why: "public statement = KAIROS broadcast (reported apart)",
    },
    // 02 APPEAL and 10 DEMAND: asking someone to do something
    Row {
        cameo: "02",
        family: "request",
        kairos: &["Contact.RequestCommand."],
        why: "appeal = request",
    },
    Row {
        cameo: "10",
        family: "request",
        kairos: &["Contact.RequestCommand."],
        why: "demand = request/command",
    },
    // 04 CONSULT: 041 telephone, 042/043 visits (a meeting and a journey), 044 meeting at a
    // third place, 040/045/046 consultations, mediation, negotiation
    Row {
        cameo: "041",
        family: "meet",
        kairos: &[
            "Contact.Contact.Correspondence",
            "Contact.Contact.Unspecified",
        ],
        why: "discuss by telephone = correspondence",
    },
    Row {
        cameo: "042",
        family: "meet",
        kairos: &[
            "Contact.Contact.Meet",
            "Contact.Contact.Unspecified",
            "Contact.RequestCommand.Meet",
            "Movement.Transportation.",
        ],
        why: "make a visit = meeting + journey",
    },
    Row {
        cameo: "043",
        family: "meet",
        kairos: &[
            "Contact.Contact.Meet",
            "Contact.Contact.Unspecified",
            "Contact.RequestCommand.Meet",
            "Movement.Transportation.",
        ],
        why: "host a visit = meeting + the guest's journey",
    },
    Row {
        cameo: "04",
        family: "meet",
        kairos: &[
            "Contact.Contact.Meet",
            "Contact.Contact.Unspecified",
            "Contact.Contact.Correspondence",
            "Contact.RequestCommand.Meet",
        ],
        why: "consult, meet, mediate, negotiate = two-way contact",
    },
    // 07 PROVIDE AID (070-073: aid given); 074 peacekeeping and 075 asylum are no transfer
    Row {
        cameo: "074",
        family: "",
        kairos: &[],
        why: "peacekeeping: no KAIROS type",
    },
    Row {
        cameo: "075",
        family: "",
        kairos: &[],
        why: "grant asylum: no KAIROS type",
    },
    Row {
        cameo: "07",
        family: "aid",
        kairos: &["Transaction.Donation."],
        why: "provide aid = donation",
    },
    // 08 YIELD: 0841 release persons, 0874 retreat or surrender militarily
    Row {
        cameo: "0841",
        family: "release",
        kairos: &["Justice.ReleaseParole."],
        why: "release persons = release",
    },
    Row {
        cameo: "0874",
        family: "retreat",
        kairos: &["Movement.Transportation.", "Conflict.Defeat."],
        why: "retreat or surrender = movement / defeat",
    },
    // 09 INVESTIGATE
    Row {
        cameo: "09",
        family: "investigate",
        kairos: &["Justice.InvestigateCrime."],
        why: "investigate = investigate crime",
    },
    // 13 THREATEN
    Row {
        cameo: "13",
        family: "threaten",
        kairos: &["Contact.ThreatenCoerce."],
        why: "threaten = threaten/coerce",
    },
    // 14 PROTEST
    Row {
        cameo: "14",
        family: "demonstrate",
        kairos: &["Conflict.Demonstrate."],
        why: "protest, rally, riot = demonstrate",
    },
    // 17 COERCE: 171 seize or damage property (1711 confiscation is no damage), 173 arrest,
    // detain or charge, 174 expel or deport, 175 violent repression
    Row {
        cameo: "1711",
        family: "",
        kairos: &[],
        why: "confiscate: no KAIROS type",
    },
    Row {
        cameo: "171",
        family: "damage",
        kairos: &["ArtifactExistence.DamageDestroyDisableDismantle."],
        why: "destroy property = damage/destroy",
    },
    Row {
        cameo: "173",
        family: "arrest",
        kairos: &["Justice.ArrestJailDetain.", "Justice.ChargeIndict."],
        why: "arrest, detain or charge = arrest/jail/detain, charge/indict",
    },
    Row {
        cameo: "174",
        family: "transport",
        kairos: &["Movement.Transportation."],
        why: "expel or deport = transport of people",
    },
    Row {
        cameo: "175",
        family: "attack",
        kairos: ATTACK,
        why: "violent repression = attack",
    },
    // 18 ASSAULT (181 abduction and hostage-taking: KAIROS has no kidnapping type)
    Row {
        cameo: "181",
        family: "",
        kairos: &[],
        why: "abduct, take hostage: no KAIROS type",
    },
    Row {
        cameo: "18",
        family: "attack",
        kairos: ATTACK,
        why: "assault, bombing, assassination = attack",
    },
    // 19 FIGHT (191 blockade: impeding movement; 192 occupation: no KAIROS type)
    Row {
        cameo: "191",
        family: "impede",
        kairos: &[
            "Control.ImpedeInterfereWith.",
            "Movement.Transportation.PreventPassage",
        ],
        why: "blockade, restrict movement = impede / prevent passage",
    },
    Row {
        cameo: "192",
        family: "",
        kairos: &[],
        why: "occupy territory: no KAIROS type",
    },
    Row {
        cameo: "19",
        family: "attack",
        kairos: ATTACK,
        why: "armed fighting, shelling, air strikes = attack",
    },
    // 20 UNCONVENTIONAL MASS VIOLENCE (201 mass expulsion moves people)
    Row {
        cameo: "201",
        family: "transport",
        kairos: &["Movement.Transportation."],
        why: "mass expulsion = transport of people",
    },
    Row {
        cameo: "20",
        family: "attack",
        kairos: ATTACK,
        why: "mass killing, weapons of mass destruction = attack",
    },
];

/// Gold families for recall: KAIROS type prefix → family name.
const GOLD_FAMILY: &[(&str, &str)] = &[
    ("Conflict.Attack.", "attack"),
    ("Life.Die.", "die"),
    ("Life.Injure.", "injure"),
    ("ArtifactExistence.DamageDestroyDisableDismantle.", "damage"),
    ("Justice.ArrestJailDetain.", "arrest"),
    ("Justice.ChargeIndict.", "charge"),
    ("Contact.Contact.Meet", "meet"),
    ("Contact.Contact.Correspondence", "contact"),
    ("Contact.Contact.Unspecified", "contact"),
    ("Contact.Contact.Broadcast", APART),
    ("Contact.RequestCommand.", "request"),
    ("Contact.ThreatenCoerce.", "threaten"),
    ("Conflict.Demonstrate.", "demonstrate"),
    ("Conflict.Defeat.", "defeat"),
    ("Control.ImpedeInterfereWith.", "impede"),
    ("Movement.Transportation.PreventPassage", "impede"),
    ("Movement.Transportation.", "transport"),
    ("Justice.InvestigateCrime.", "investigate"),
    ("Justice.ReleaseParole.", "release"),
    ("Transaction.Donation.", "aid"),
];

/// The crosswalk row of a CAMEO code, if any.
pub fn row(cameo: &str) -> Option<&'static Row> {
    CROSSWALK.iter().find(|r| cameo.starts_with(r.cameo))
}

/// The family of a CAMEO code: `None` when outside the crosswalk.
pub fn family(cameo: &str) -> Option<&'static str> {
    row(cameo)
        .filter(|r| !r.family.is_empty())
        .map(|r| r.family)
}

/// Whether a CAMEO code is compatible with a KAIROS type.
pub fn compatible(cameo: &str, kairos: &str) -> bool {
    row(cameo).is_some_and(|r| r.kairos.iter().any(|k| kairos.starts_with(k)))
}

/// The recall family of a KAIROS type: `None` when no crosswalk row reaches it.
pub fn gold_family(kairos: &str) -> Option<&'static str> {
    let reached = CROSSWALK
        .iter()
        .any(|r| r.kairos.iter().any(|k| kairos.starts_with(k)));
    if !reached {
        return None;
    }
    GOLD_FAMILY
        .iter()
        .find(|(p, _)| kairos.starts_with(p))
        .map(|(_, f)| *f)
}

/// A gold token: text, start and end character offsets.
type GoldToken = (String, usize, usize);

#[derive(Deserialize)]
struct GoldDoc {
    doc_id: String,
    sentences: Vec<(Vec<GoldToken>, String)>,
    event_mentions: Vec<GoldMention>,
}

#[derive(Deserialize)]
struct GoldMention {
    event_type: String,
    trigger: Trigger,
}

#[derive(Deserialize)]
struct Trigger {
    start: usize,
    end: usize,
    text: String,
    sent_idx: usize,
}

/// A trigger on the gold sentences, dateline's or the gold's, and what matched it.
#[derive(Clone, Debug)]
pub struct Placed {
    pub doc: String,
    /// Gold sentence index and byte span of the trigger inside that sentence.
    pub sent: usize,
    pub span: (usize, usize),
    pub trigger: String,
    pub sentence: String,
    /// Its family: `None` outside the crosswalk.
    pub family: Option<&'static str>,
    /// A compatible mention of the other side in the sentence / overlapping the trigger.
    pub loose: bool,
    pub strict: bool,
    /// The other side's mentions in the sentence (for the `--fp` and `--fn` listings).
    pub here: Vec<String>,
}

impl Placed {
    fn here(&self) -> String {
        if self.here.is_empty() {
            "none".to_string()
        } else {
            self.here.join("; ")
        }
    }
}

/// One dateline event placed on the gold sentences.
#[derive(Clone, Debug)]
pub struct Pred {
    pub at: Placed,
    pub cameo: String,
    pub rule: String,
    pub status: Status,
}

/// One gold mention of a type the crosswalk reaches, or not.
#[derive(Clone, Debug)]
pub struct Gold {
    pub at: Placed,
    pub kind: String,
}

/// Everything one split gives.
#[derive(Debug, Default)]
pub struct Split {
    pub docs: usize,
    pub preds: Vec<Pred>,
    pub golds: Vec<Gold>,
    /// Events that could not be placed on a gold sentence (their block was rewritten by the
    /// cleaner) and clean blocks not found again.
    pub unplaced: usize,
    pub blocks_lost: usize,
}

/// Per-family counts: (events, sentence matches, trigger matches).
pub type Counts = BTreeMap<&'static str, (usize, usize, usize)>;

impl Split {
    /// Precision counts per dateline family (the apart family included; see [`Split::totals`]).
    pub fn precision(&self) -> Counts {
        tally(self.preds.iter().map(|p| &p.at))
    }

    /// Recall counts per gold family.
    pub fn recall(&self) -> Counts {
        tally(self.golds.iter().map(|g| &g.at))
    }

    /// Totals over the families in the measure (the apart family left out).
    pub fn totals(c: &Counts) -> (usize, usize, usize) {
        c.iter()
            .filter(|(f, _)| **f != APART)
            .fold((0, 0, 0), |a, (_, c)| (a.0 + c.0, a.1 + c.1, a.2 + c.2))
    }

    /// Events whose code is outside the crosswalk, and all events.
    pub fn outside(&self) -> (usize, usize) {
        (
            self.preds.iter().filter(|p| p.at.family.is_none()).count(),
            self.preds.len(),
        )
    }
}

/// Per-family counts of placed triggers; those outside every family are left out.
fn tally<'a>(items: impl Iterator<Item = &'a Placed>) -> Counts {
    let mut m = Counts::new();
    for x in items {
        if let Some(f) = x.family {
            let c = m.entry(f).or_default();
            c.0 += 1;
            c.1 += usize::from(x.loose);
            c.2 += usize::from(x.strict);
        }
    }
    m
}

/// Byte offset of character `c` of `s` (the data set's offsets count characters).
fn byte_of(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(b, _)| b)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Where each clean block of `doc` starts in `input`, found in order; `None` for a block the
/// cleaner rewrote.
fn place_blocks(doc: &Doc, input: &str) -> Vec<Option<usize>> {
    let mut cursor = 0;
    let mut out = Vec::with_capacity(doc.blocks.len());
    for b in &doc.blocks {
        let text = doc.slice(b.span);
        match input[cursor..].find(text) {
            Some(p) if !text.is_empty() => {
                out.push(Some(cursor + p));
                cursor += p + text.len();
            }
            _ => out.push(None),
        }
    }
    out
}

/// Run one split through the pipeline and match both ways. `None` when the split is absent.
pub fn evaluate(pipeline: &Pipeline, dir: &Path, split: &str) -> Result<Option<Split>, String> {
    let path = dir.join(format!("data/wikievents/{split}.jsonl"));
    if !path.is_file() {
        println!(
            "notice: {} not found — skipping the {split} split",
            path.display()
        );
        return Ok(None);
    }
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Split::default();
    for (n, line) in raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let g: GoldDoc =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        out.docs += 1;
        // the input: one paragraph per gold sentence
        let mut input = String::new();
        let mut starts = Vec::with_capacity(g.sentences.len());
        for (_, s) in &g.sentences {
            if !input.is_empty() {
                input.push_str("\n\n");
            }
            starts.push(input.len());
            input.push_str(s);
        }
        // gold tokens: (sentence, byte start, byte end) inside the sentence text
        let mut toks = Vec::new();
        for (si, (ts, st)) in g.sentences.iter().enumerate() {
            let base = ts.first().map_or(0, |t| t.1);
            for (_, a, b) in ts {
                toks.push((si, byte_of(st, a - base), byte_of(st, b - base)));
            }
        }
        let sentence_of = |off: usize| -> usize { starts.partition_point(|&s| s <= off) - 1 };
        let article = text_article(
            format!("{split}:{}", g.doc_id),
            g.doc_id.clone(),
            input.clone(),
            None,
        );
        let doc = match pipeline.process_guarded(article) {
            Ok(d) => d,
            Err((name, e)) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let placed = place_blocks(&doc, &input);
        out.blocks_lost += placed.iter().filter(|p| p.is_none()).count();
        let mut preds: Vec<Pred> = Vec::new();
        for e in &doc.events {
            let block = doc.sentences[e.sentence].block;
            let Some(bstart) = placed[block] else {
                out.unplaced += 1;
                continue;
            };
            let shift = |o: usize| bstart + o - doc.blocks[block].span.start;
            let (a, b) = (shift(e.trigger.start), shift(e.trigger.end));
            let si = sentence_of(a);
            let s0 = starts[si];
            let family = family(&e.cameo);
            preds.push(Pred {
                at: Placed {
                    doc: g.doc_id.clone(),
                    sent: si,
                    span: (a - s0, b.min(s0 + g.sentences[si].1.len()) - s0),
                    trigger: doc.slice(e.trigger).to_string(),
                    sentence: g.sentences[si].1.clone(),
                    family,
                    loose: false,
                    strict: false,
                    here: Vec::new(),
                },
                cameo: e.cameo.clone(),
                rule: e.rule.clone(),
                status: e.status,
            });
        }
        let mut golds: Vec<Gold> = Vec::new();
        for m in &g.event_mentions {
            let t = &m.trigger;
            let (Some(first), Some(last)) = (toks.get(t.start), toks.get(t.end.max(1) - 1)) else {
                return Err(format!(
                    "{}: {}: trigger tokens {}..{} out of range",
                    path.display(),
                    g.doc_id,
                    t.start,
                    t.end
                ));
            };
            if first.0 != t.sent_idx {
                return Err(format!(
                    "{}: {}: trigger {:?} not in sentence {}",
                    path.display(),
                    g.doc_id,
                    t.text,
                    t.sent_idx
                ));
            }
            let end = if last.0 == first.0 {
                last.2
            } else {
                g.sentences[first.0].1.len()
            };
            golds.push(Gold {
                at: Placed {
                    doc: g.doc_id.clone(),
                    sent: first.0,
                    span: (first.1, end),
                    trigger: t.text.clone(),
                    sentence: g.sentences[first.0].1.clone(),
                    family: gold_family(&m.event_type),
                    loose: false,
                    strict: false,
                    here: Vec::new(),
                },
                kind: m.event_type.clone(),
            });
        }
        // every event against every gold mention of its sentence, both ways at once
        for p in preds.iter_mut() {
            for g in golds.iter_mut().filter(|g| g.at.sent == p.at.sent) {
                p.at.here.push(format!("{} «{}»", g.kind, g.at.trigger));
                g.at.here.push(format!("{} «{}»", p.cameo, p.at.trigger));
                if compatible(&p.cameo, &g.kind) {
                    let strict = overlaps(p.at.span, g.at.span);
                    (p.at.loose, g.at.loose) = (true, true);
                    p.at.strict |= strict;
                    g.at.strict |= strict;
                }
            }
        }
        out.preds.extend(preds);
        out.golds.extend(golds);
    }
    Ok(Some(out))
}

fn status_name(s: Status) -> &'static str {
    match s {
        Status::Occurred => "occurred",
        Status::Negated => "negated",
        Status::Planned => "planned",
        Status::Hypothetical => "hypothetical",
    }
}

fn list_fp(s: &Split, strict: bool) {
    let mut n = 0;
    for p in s
        .preds
        .iter()
        .filter(|p| p.at.family.is_some() && !(if strict { p.at.strict } else { p.at.loose }))
    {
        n += 1;
        println!(
            "FP{} {} s{} {} [{}] {} «{}» rule {}\n   {}\n   gold here: {}",
            if p.at.loose {
                " (sentence match only)"
            } else {
                ""
            },
            p.at.doc,
            p.at.sent,
            p.cameo,
            p.at.family.unwrap_or(""),
            status_name(p.status),
            p.at.trigger,
            p.rule,
            p.at.sentence,
            p.at.here()
        );
    }
    println!("{n} unmatched events in the crosswalk (statements included)");
}

fn list_fn(s: &Split) {
    let mut n = 0;
    for g in s
        .golds
        .iter()
        .filter(|g| g.at.family.is_some() && !g.at.loose)
    {
        n += 1;
        println!(
            "FN {} s{} {} [{}] «{}»\n   {}\n   dateline here: {}",
            g.at.doc,
            g.at.sent,
            g.kind,
            g.at.family.unwrap_or(""),
            g.at.trigger,
            g.at.sentence,
            g.at.here()
        );
    }
    println!("{n} missed gold mentions of mapped types");
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "–".into()
    } else {
        format!("{:.1}% ({a}/{b})", 100.0 * a as f64 / b as f64)
    }
}

fn table(title: &str, what: &str, rows: &[(&str, Counts)]) -> String {
    let mut fams: Vec<&str> = rows.iter().flat_map(|(_, c)| c.keys().copied()).collect();
    fams.sort();
    fams.dedup();
    // the apart family last
    fams.sort_by_key(|f| *f == APART);
    let mut md = format!("{title}\n\n| family |");
    for (split, _) in rows {
        md.push_str(&format!(
            " {split} {what} | {split} sentence | {split} trigger |"
        ));
    }
    md.push_str("\n|---|");
    md.push_str(&"---|---|---|".repeat(rows.len()));
    md.push('\n');
    let line = |name: String, get: &dyn Fn(&Counts) -> (usize, usize, usize)| {
        let mut l = format!("| {name} |");
        for (_, c) in rows {
            let (n, a, b) = get(c);
            l.push_str(&format!(" {n} | {} | {} |", pct(a, n), pct(b, n)));
        }
        l.push('\n');
        l
    };
    md.push_str(&line("**all (in the measure)**".into(), &|c| {
        Split::totals(c)
    }));
    for f in fams {
        let name = if f == APART {
            format!("{f} (apart, not in the totals)")
        } else {
            f.to_string()
        };
        md.push_str(&line(name, &|c| c.get(f).copied().unwrap_or_default()));
    }
    md
}

fn crosswalk_md() -> String {
    let mut md =
        String::from("| CAMEO | family | KAIROS types (prefixes) | reading |\n|---|---|---|---|\n");
    for r in CROSSWALK {
        md.push_str(&format!(
            "| {}{} | {} | {} | {} |\n",
            r.cameo,
            if r.cameo.len() < 4 { "x" } else { "" },
            if r.family.is_empty() {
                "— (left out)"
            } else {
                r.family
            },
            if r.kairos.is_empty() {
                "—".to_string()
            } else {
                r.kairos.join(", ")
            },
            r.why
        ));
    }
    md
}

/// The hand judgement of the dev split's unmatched events (not recomputed by the command).
const HAND: &str = "\
**Hand judgement (the author's, not recomputed by this command; dev split, measured at commit \
`c436d00`).** Automatic precision counts an event false whenever WikiEvents has no compatible \
mention in its sentence, but the data set annotates only KAIROS types and not every mention. \
Reading the `--fp dev` list (78 events in the measure with no compatible gold mention in their \
sentence) and the 40 events matched at sentence level only (`--fp dev --trigger`): 38 of the 78 \
are real events that KAIROS types otherwise or the annotators left out (later mentions of the \
article's attack, an assassination attempt written up without a single gold mention, appeals \
and demands, a boycott, police cordoning off a scene, meetings, historical clashes named in \
passing), and 5 of the 40 sentence-level matches are false after all. **Hand-judged precision: \
158 of 203 = 77.8%** (automatic, sentence: 61.6%). The 45 real false positives, by class:\n\n\
| class | events | what happens (paraphrased) |\n|---|---|---|\n\
| a verb or noun sense the lexicon mistakes | 16 | asking a question read as an appeal (3); \
warning someone (telling police of a fear, a travel advisory) read as a threat (3); a photo \
handed out read as a prisoner release; pleading not guilty read as an appeal; a concrete block \
on a pavement read as a blockade; mobile phones read as a telephone call; fighting a disease, a \
mystery surrounding an incident, sanctions that hit people, a man walking out of a shop, a \
government campaign rally read as fighting, encirclement, attack, walkout, protest; territory \
captured read as an arrest |\n\
| lines of a list or table, organisation names | 10 | a casualty list whose cause column says \
\"bomb\" gives one air-strike event per line (6); an investigations office in an agency's \
name gives an investigation (4) |\n\
| person nouns as triggers | 6 | protesters or demonstrators mentioned as people (killed, \
helped, intimidated) give a protest; a named suicide bomber gives a bombing |\n\
| generic, habitual or policy mentions | 5 | militants \"use\" roadside bombs as a tactic; \
leaders who habitually meet somewhere; proposed longer jail terms and a maximum prison term \
read as arrests |\n\
| negation applied wrongly | 3 | \"not guilty\" in a headline negates the bombing and the probe \
it names; a phrase saying an atrocity was far from the last one negates the atrocity |\n\
| accidental explosions coded as bombings | 3 | a device that went off while militants \
handled it becomes an assault |\n\
| unrealised event coded as occurred | 1 | a reward offered for a capture becomes a capture |\n\
| related-link headline | 1 | a bracketed link to another story gives a protest |\n\n\
Fix first: verb senses of ask/warn/release/plead/block/phone (16), list and name furniture \
(10), and person nouns (6) — together 32 of the 45.\n\n\
**Since that judgement** the classes above were worked on as general rules (lexicon decoys for \
the word senses, person nouns no trigger on their own, list and table lines and link lines \
only with a verb trigger, trigger words inside organisation names, questions, verdict \
negation, sought captures; commits 2483cd7..ed29c50 and after): the table above is the state at \
`c436d00`; the automatic figures at the top are recomputed on every run.\n\n";

/// Run the evaluation, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    let Some(dir) = dataset("wikievents") else {
        return Ok(());
    };
    let pipeline = Pipeline::new();
    for (flag, fp) in [("--fp", true), ("--fn", false)] {
        if let Some(i) = args.iter().position(|a| a == flag) {
            let split = args
                .get(i + 1)
                .filter(|a| !a.starts_with("--"))
                .map_or("dev", String::as_str);
            let Some(s) = evaluate(&pipeline, &dir, split)? else {
                return Ok(());
            };
            if fp {
                list_fp(&s, args.iter().any(|a| a == "--trigger"));
            } else {
                list_fn(&s);
            }
            return Ok(());
        }
    }
    let mut splits = Vec::new();
    for split in ["dev", "test"] {
        if let Some(s) = evaluate(&pipeline, &dir, split)? {
            splits.push((split, s));
        }
    }
    if splits.is_empty() {
        return Err("wikievents: neither dev.jsonl nor test.jsonl found".into());
    }
    let mut summary = String::from(
        "| split | articles | dateline events | outside the crosswalk | in the measure | **precision (sentence)** | precision (trigger) | gold mentions of mapped types | recall (sentence) | recall (trigger) | F1 (sentence) | blocks not found again / events left out |\n\
|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for (split, s) in &splits {
        let (out, all) = s.outside();
        let (pn, pl, ps) = Split::totals(&s.precision());
        let (rn, rl, rs) = Split::totals(&s.recall());
        let (_, _, f) = prf(pl, pn - pl, rn - rl);
        let line = format!(
            "| {split} | {} | {all} | {} | {pn} | **{}** | {} | {rn} | {} | {} | {f:.3} | {} / {} |",
            s.docs,
            pct(out, all),
            pct(pl, pn),
            pct(ps, pn),
            pct(rl, rn),
            pct(rs, rn),
            s.blocks_lost,
            s.unplaced,
        );
        println!("{line}");
        summary.push_str(&line);
        summary.push('\n');
    }
    let prec: Vec<(&str, Counts)> = splits.iter().map(|(n, s)| (*n, s.precision())).collect();
    let rec: Vec<(&str, Counts)> = splits.iter().map(|(n, s)| (*n, s.recall())).collect();
    let ptable = table(
        "Precision by dateline family (events; share with a compatible gold mention in the sentence; share whose trigger overlaps it):",
        "events",
        &prec,
    );
    let rtable = table(
        "Recall by gold family (gold mentions; share with a compatible dateline event in the sentence; share overlapping its trigger):",
        "gold",
        &rec,
    );
    println!("{ptable}\n{rtable}");
    let absent = if splits.iter().any(|(n, _)| *n == "test") {
        String::new()
    } else {
        "The shared data folder holds only the **dev** split (`test.jsonl` is named in SOURCE.md \
         but absent): the test columns appear when it is there.\n\n"
            .to_string()
    };
    let body = format!(
        "## Event precision on real news (`dateline-eval wikievents`)\n\n\
Command: `cargo run --release -p dateline-eval -- wikievents` (`--fp [SPLIT]` lists every \
unmatched dateline event with its sentence, code, rule and status; `--fn [SPLIT]` every missed \
gold mention).\n\n\
Data: WikiEvents (Li, Ji & Han 2021; `wikievents`), news articles cited by Wikipedia, mostly \
about attacks and bombings, with gold event mentions of the KAIROS ontology. Each article runs \
through the whole pipeline (one paragraph per gold sentence, no publication date); each \
dateline event is placed back on the gold sentences. dateline codes CAMEO, so each code is \
read through a crosswalk to the KAIROS types its definition covers (below; written from the \
CAMEO 1.1b3 codebook and the KAIROS type names, not from the data). **Precision (sentence)**: of \
dateline's events whose code is in the crosswalk, the share with a gold mention of a \
compatible type whose trigger lies in the event's sentence; **(trigger)**: whose trigger also \
overlaps dateline's trigger span. Recall the other way round over the gold mentions of types \
the crosswalk reaches. Every event counts whatever its status (negated, planned, hypothetical \
included). Plain statements (01x ↔ `Contact.Contact.Broadcast`) are shown on a row of their \
own, outside the totals. WikiEvents annotates only KAIROS types and not every mention, so \
automatic precision is a lower bound: see the hand judgement below.\n\n\
{absent}{summary}\n{ptable}\n{rtable}\n{HAND}\
Crosswalk (`CROSSWALK` in `crates/eval/src/wikievents.rs`; the first row whose CAMEO prefix \
the code starts with decides; codes matching no row are \"outside the crosswalk\"):\n\n{}",
        crosswalk_md()
    );
    write_section("wikievents", &body).map_err(|e| e.to_string())?;
    Ok(())
}
