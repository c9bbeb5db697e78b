//! Word sense and generic-mention filters over candidate events.
//!
//! A trigger word can name a political act ("the rebels fought the army") or something else
//! entirely ("he fought cancer", "the 400 block of Main Street", "a news release"). It can also
//! name a kind of act rather than an instance ("the goals for a trade pact", "riot police"), or
//! an act that did not happen ("has avoided extradition", "would have objected"). The checks
//! here read the trigger's arguments and its neighbours for such readings; each is a general
//! fact of English, not a rule for one text.

use super::{BE, PREPOSITIONS, Trig, View, is_hard};
use dateline_doc::{Argument, Status};
use dateline_time::cardinal;

/// Words that make a clash armed or a matter of state: with none of them in the sentence and no
/// coded actor, a "fight" is a brawl, a quarrel or a sports scuffle.
const ARMED: &[&str] = &[
    "troops",
    "troop",
    "soldier",
    "soldiers",
    "forces",
    "force",
    "army",
    "armies",
    "military",
    "militants",
    "militant",
    "rebels",
    "rebel",
    "insurgents",
    "insurgent",
    "gunmen",
    "gunman",
    "fighters",
    "jihadists",
    "jihadist",
    "militia",
    "militias",
    "militiamen",
    "guerrillas",
    "guerrilla",
    "separatists",
    "extremists",
    "terrorists",
    "terrorist",
    "jets",
    "warplanes",
    "aircraft",
    "drones",
    "drone",
    "artillery",
    "tanks",
    "missiles",
    "missile",
    "rockets",
    "rocket",
    "shelling",
    "airstrike",
    "airstrikes",
    "navy",
    "marines",
    "police",
    "policemen",
    "officers",
    "war",
    "battlefield",
    "front",
    "frontline",
    "offensive",
    "ceasefire",
    "truce",
    "bomb",
    "bombs",
    "explosives",
];

/// Offices and bodies of a state: a clash that involves one is political.
const STATE: &[&str] = &[
    "minister",
    "president",
    "government",
    "regime",
    "parliament",
    "embassy",
    "state",
    "authorities",
    "prime",
    "premier",
    "dictator",
    "junta",
    "ministry",
    "bombing",
    "bombings",
    "blast",
    "explosion",
    "assassination",
    "coup",
    "annexation",
    "invasion",
];

/// Domains whose "fight", "battle" or "war" is no armed clash: "a trade war", "a cancer battle".
const PEACEFUL_DOMAINS: &[&str] = &[
    "trade",
    "tariff",
    "legal",
    "court",
    "courtroom",
    "custody",
    "cancer",
    "budget",
    "price",
    "prices",
    "political",
    "election",
    "electoral",
    "campaign",
    "culture",
    "bidding",
    "ratings",
    "verbal",
    "policy",
    "health",
    "currency",
    "media",
    "public-relations",
    "pr",
    "tax",
    "patent",
    "copyright",
    "proxy",
    "funding",
    "spending",
    "words",
    "twitter",
    "pillow",
    "food",
    "snowball",
    "water",
    "paintball",
    "talent",
    "turf",
];

/// Objects that are ills, suits or fires rather than enemies: "battling cancer", "fighting
/// extradition", "fought the blaze".
const PEACEFUL_OBJECTS: &[&str] = &[
    "extradition",
    "deportation",
    "eviction",
    "charges",
    "charge",
    "conviction",
    "lawsuit",
    "lawsuits",
    "case",
    "ruling",
    "cancer",
    "illness",
    "disease",
    "addiction",
    "depression",
    "injury",
    "injuries",
    "virus",
    "infection",
    "flu",
    "fire",
    "fires",
    "blaze",
    "blazes",
    "wildfire",
    "wildfires",
    "flames",
    "odds",
    "tears",
    "obesity",
    "poverty",
    "corruption",
    "inflation",
    "climate",
    "fatigue",
];

/// Heads whose complement names a kind of act, not an instance: "goals for a trade pact", "the
/// task of striking a deal", "a strategy for ending the protests".
const ABSTRACT_HEADS: &[&str] = &[
    "goal",
    "goals",
    "task",
    "tasks",
    "prospect",
    "prospects",
    "strategy",
    "strategies",
    "focus",
    "power",
    "powers",
    "chance",
    "chances",
    "sort",
    "sorts",
    "kind",
    "kinds",
    "type",
    "types",
    "exclusion",
    "protection",
    "forefront",
    "possibility",
    "possibilities",
    "idea",
    "notion",
    "ways",
    "means",
    "method",
    "methods",
    "tactics",
    "approach",
    "rules",
    "law",
    "laws",
    "policy",
    "right",
    "ability",
    "capacity",
    "art",
    "theory",
    "history",
    "culture",
    "fear",
    "fears",
];

/// Verbs that end or want an act: "to end the unrest", "ending the protests".
const ENDING: &[&str] = &[
    "end",
    "ending",
    "ended",
    "ends",
    "close",
    "closing",
    "resolve",
    "resolving",
    "stop",
    "stopping",
    "avoid",
    "avoiding",
    "prevent",
    "preventing",
    "win",
    "winning",
];

/// Heads a noun trigger modifies in a compound: "extradition bill", "riot police", "a rape
/// investigation", "the negotiating team", "jail cell". The compound names a thing; a crime
/// under investigation or in a charge is not asserted to have happened.
const COMPOUND_HEADS: &[&str] = &[
    "bill",
    "bills",
    "law",
    "laws",
    "legislation",
    "police",
    "team",
    "teams",
    "firm",
    "firms",
    "company",
    "cell",
    "cells",
    "suicide",
    "suicides",
    "movement",
    "movements",
    "leader",
    "leaders",
    "camp",
    "camps",
    "squad",
    "squads",
    "gear",
    "helicopter",
    "helicopters",
    "unit",
    "units",
    "rules",
    "policy",
    "policies",
    "process",
    "deadline",
    "threshold",
    "thresholds",
    "tactics",
    "skills",
    "program",
    "programme",
    "activist",
    "activists",
    "group",
    "groups",
    "investigation",
    "investigations",
    "probe",
    "inquiry",
    "allegation",
    "allegations",
    "charges",
    "guard",
    "guards",
    "staff",
    "conditions",
    "population",
    "shield",
    "shields",
    "equipment",
    "sites",
    "season",
    "industry",
    "expert",
    "experts",
    "lawyer",
    "lawyers",
];

/// Things, not people: "released a letter", "did not release the names".
const THINGS: &[&str] = &[
    "names",
    "name",
    "letter",
    "letters",
    "transcript",
    "transcripts",
    "call",
    "hold",
    "record",
    "records",
    "email",
    "emails",
    "memo",
    "memos",
    "audio",
    "tape",
    "tapes",
    "information",
    "plan",
    "plans",
    "budget",
    "funds",
    "money",
    "statement",
    "statements",
    "report",
    "reports",
    "photo",
    "photos",
    "picture",
    "pictures",
    "video",
    "videos",
    "footage",
    "image",
    "images",
    "documents",
    "document",
    "data",
    "details",
    "findings",
    "results",
    "figures",
    "album",
    "song",
    "single",
    "film",
    "movie",
    "book",
    "version",
    "update",
    "software",
    "product",
    "guidance",
    "guidelines",
    "tweets",
    "posts",
    "messages",
    "ads",
    "articles",
    "comments",
    "signs",
    "banners",
    "slogans",
];

/// Speech verbs whose "in"/"at" phrase gives the setting of the utterance: "said at a rally".
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "recounted",
    "recalled",
    "added",
    "wrote",
    "explained",
    "stated",
    "noted",
    "argued",
    "insisted",
    "declared",
    "remarked",
    "announced",
    "claimed",
    "asserted",
    "testified",
    "spoke",
    "speaks",
    "speaking",
];

/// Abstract agents that "threaten" only figuratively: "tensions are threatening to slow growth".
const ABSTRACT_AGENTS: &[&str] = &[
    "tensions",
    "tension",
    "uncertainty",
    "inflation",
    "slowdown",
    "crisis",
    "situation",
    "shortage",
    "shortages",
    "debt",
    "deficit",
    "recession",
    "prices",
    "costs",
    "weather",
    "storm",
    "drought",
    "changes",
    "trend",
    "rates",
    "problem",
    "problems",
    "issues",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "any", "some", "its", "their", "his", "her", "our", "my", "your", "this",
    "these", "those", "that", "such", "all", "every", "each", "no", "another",
];

fn words(v: &View, a: usize, b: usize) -> impl Iterator<Item = usize> {
    a..b.min(v.len())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && matches!(&s[..2], "19" | "20")
}

fn numeral(v: &View, k: usize) -> bool {
    v.low(k).starts_with(|c: char| c.is_ascii_digit()) || cardinal(v.low(k)).is_some()
}

/// The first word left of the trigger's noun phrase: skips determiners, modifiers and names
/// (at most `max` words of any kind) and stops at punctuation, a preposition, a form of "be" or a clause
/// word. Returns the index of the word just before the phrase.
fn np_left(v: &View, head: usize, max: usize) -> Option<usize> {
    let mut k = head;
    while k > 0 && head - k < max {
        let p = k - 1;
        let w = v.low(p);
        if v.words[p].punct
            || is_hard(v, p)
            || PREPOSITIONS.contains(&w)
            || BE.contains(&w)
            || super::SUBORDINATORS.contains(&w)
            || matches!(w, "and" | "or" | "has" | "have" | "had")
        {
            break;
        }
        k -= 1;
    }
    k.checked_sub(1)
}

fn quote(v: &View, k: usize) -> bool {
    v.words[k].punct
        && matches!(
            v.low(k),
            "\"" | "'" | "\u{201c}" | "\u{201d}" | "\u{2018}" | "\u{2019}"
        )
}

fn coded(args: &[Argument]) -> bool {
    args.iter().any(|a| a.code.is_some())
}

/// The candidate is no event of its code: a wrong word sense, a kind of act named rather than
/// an act, or a compound modifier. `noun` is the entry's noun flag.
#[allow(clippy::too_many_arguments)]
pub(crate) fn false_sense(
    v: &View,
    trigs: &[Trig],
    ti: usize,
    code: &str,
    noun: bool,
    source: &[Argument],
    target: &[Argument],
) -> bool {
    let t = &trigs[ti];
    let h = t.head;
    let last = t.end - 1;
    let w = v.low(h);
    let root = &code[..2];
    let prev = |d: usize| (h >= d).then(|| v.low(h - d));
    // a noun entry, or a verb entry read as a noun ("his jail cell", "on jail suicide")
    let nounish = noun || super::nominal(v, h) || prev(1).is_some_and(|p| DETERMINERS.contains(&p));

    // a compound adjective: "U.S.-backed rebels", "Iran-led", "government-sponsored"
    if h > 0 && v.is(h - 1, "-") && v.words[h - 1].span.end == v.words[h].span.start {
        return true;
    }
    // a participle right after a preposition modifies the noun after it: "vaccines to detained
    // migrants", "built on occupied land" (a finite verb never follows a preposition)
    if t.end - h == 1
        && w.ends_with("ed")
        && prev(1).is_some_and(|p| {
            matches!(
                p,
                "to" | "on" | "at" | "against" | "among" | "about" | "over" | "into" | "onto"
            )
        })
        && t.end < v.len()
        && !v.words[t.end].punct
        && !v.is_any(t.end, PREPOSITIONS)
        && !v.is_any(t.end, DETERMINERS)
    {
        return true;
    }
    // a noun trigger modifying the head noun after it: "extradition bill", "riot police"
    if (nounish || w.ends_with("ing"))
        && t.fixed.len() == 1
        && !w.ends_with("ed")
        && v.is_any(last + 1, COMPOUND_HEADS)
        && !v.words[last + 1].upper
    {
        return true;
    }
    // under an abstract head: "goals for a trade pact", "the power to end the unrest", "any
    // sort of deal", "the forefront of the fight against X"
    if (nounish || w.ends_with("ing") || h > 0 && v.is_any(h - 1, ENDING))
        && let Some(p) = np_left(v, h, 5)
        && v.is_any(
            p,
            &[
                "for", "of", "to", "against", "from", "toward", "towards", "on",
            ],
        )
        && let Some(head) = (0..p).rev().find(|&k| !quote(v, k))
        && v.is_any(head, ABSTRACT_HEADS)
    {
        return true;
    }
    // the object of ending: "bring the talks to a close", "put an end to the war" stays
    if noun
        && v.is(last + 1, "to")
        && v.is_any(last + 2, &["a", "an"])
        && v.is_any(last + 3, &["close", "end", "halt", "standstill"])
    {
        return true;
    }
    // "in the fight against X", "of the war on terror": a campaign named as a setting
    if nounish
        && matches!(
            w,
            "fight" | "war" | "struggle" | "battle" | "campaign" | "operation" | "operations"
        )
        && v.is_any(last + 1, &["against", "on"])
        && h >= 2
        && v.is(h - 1, "the")
        && v.is_any(h - 2, &["in", "of", "to", "for", "into"])
        && !v.words.iter().any(|x| x.time)
    {
        return true;
    }
    // the setting of an utterance: "said at a rally", "said in the release", "recounted in a
    // cabinet meeting"; an event with its own coded target stays ("said at talks with X")
    if noun
        && !coded(target)
        && let Some(p) = np_left(v, h, 5)
        && v.is_any(p, &["in", "at", "during"])
        && v.is_any(p + 1, DETERMINERS)
        && p > 0
        && v.is_any(p - 1, SPEECH)
    {
        return true;
    }
    // an attribution phrase: "people familiar with the talks", "briefed on the talks"
    if noun
        && let Some(p) = np_left(v, h, 3)
        && p > 0
        && (v.is(p, "with") && v.is(p - 1, "familiar")
            || v.is(p, "on") && v.is_any(p - 1, &["briefed", "informed"])
            || v.is(p, "of") && v.is(p - 1, "knowledge"))
    {
        return true;
    }
    // habitual relative: "an analyst who consults with officials", "forces who kill
    // protesters": a present-tense verb in a relative clause characterises its antecedent
    if !noun
        && matches!(
            root,
            "04" | "06" | "07" | "08" | "14" | "15" | "17" | "18" | "19" | "20"
        )
        && h > 0
        && v.is_any(h - 1, &["who", "that"])
        && (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
            || (!w.ends_with("ed") && !w.ends_with("ing") && lemma_form(v, t)))
        && h >= 2
    {
        return true;
    }
    // "struck me as political": an impression
    if (w.starts_with("stri") || w.starts_with("struck"))
        && words(v, t.end, t.end + 3).any(|k| v.is(k, "as"))
        && v.is_any(
            t.end,
            &[
                "me",
                "him",
                "her",
                "us",
                "them",
                "many",
                "some",
                "observers",
                "others",
            ],
        )
    {
        return true;
    }
    // statistics: "shootings are down 30 percent"
    if w.ends_with('s')
        && v.words
            .iter()
            .enumerate()
            .any(|(k, _)| v.is_any(k, &["percent", "%", "per"]))
        && words(v, t.end, t.end + 4).any(|k| {
            v.is_any(
                k,
                &[
                    "down",
                    "up",
                    "rose",
                    "fell",
                    "risen",
                    "fallen",
                    "increased",
                    "decreased",
                    "doubled",
                    "tripled",
                    "jumped",
                    "declined",
                    "dropped",
                ],
            )
        })
    {
        return true;
    }
    match root {
        "18" | "19" | "20" => {
            // "shot himself", "an accidental shooting": no assault on another ("blew himself
            // up" in a crowd is a suicide attack on others)
            let suicide_attack = v.is(t.end + 1, "up")
                || (h..t.end).any(|k| {
                    let x = v.low(k);
                    x.starts_with("bomb") || x.starts_with("suicide") || x.starts_with("detonat")
                });
            if !suicide_attack
                && words(v, t.end, t.end + 1).any(|k| {
                    v.is_any(
                        k,
                        &[
                            "himself",
                            "herself",
                            "themselves",
                            "itself",
                            "myself",
                            "yourself",
                        ],
                    )
                })
                || (1..=2).any(|d| prev(d).is_some_and(|p| p.starts_with("accidental")))
            {
                return true;
            }
            // a trade war, a legal battle, a cancer fight
            if h > 0
                && v.is_any(h - 1, PEACEFUL_DOMAINS)
                && matches!(
                    w,
                    "fight"
                        | "fights"
                        | "fighting"
                        | "battle"
                        | "battles"
                        | "war"
                        | "wars"
                        | "struggle"
                        | "attack"
                        | "attacks"
                        | "assault"
                )
            {
                return true;
            }
            // "battling extradition", "fought the fire": an ill, a suit or a blaze as object
            if w.starts_with("fight")
                || w.starts_with("fought")
                || w.starts_with("battl")
                || w.starts_with("combat")
            {
                let mut k = t.end;
                while k < v.len() && k < t.end + 3 && v.is_any(k, DETERMINERS) {
                    k += 1;
                }
                if v.is_any(k, PEACEFUL_OBJECTS) {
                    return true;
                }
            }
            // beating a rival at the polls or on the field
            if w.starts_with("beat")
                && v.words.iter().enumerate().any(|(k, _)| {
                    v.is_any(
                        k,
                        &[
                            "election",
                            "race",
                            "primary",
                            "vote",
                            "votes",
                            "points",
                            "polls",
                            "incumbent",
                            "seat",
                            "runoff",
                            "game",
                            "match",
                            "final",
                            "season",
                            "score",
                            "goals",
                            "semifinal",
                        ],
                    )
                })
            {
                return true;
            }
            // a fight between people with no coded, armed or state actor: a brawl, a quarrel
            // or a sports scuffle, not armed conflict (a bare "fighting in the north" stays)
            if root == "19"
                && [
                    "fight", "fought", "battl", "brawl", "scuffl", "clash", "skirmish", "tussl",
                ]
                .iter()
                .any(|p| w.starts_with(p))
                && !coded(source)
                && !coded(target)
                && (!source.is_empty() || !target.is_empty())
                && !v.words.iter().enumerate().any(|(k, x)| {
                    v.is_any(k, ARMED)
                        || v.is_any(k, STATE)
                        || x.country
                        || x.chunk.is_some_and(|c| v.chunks[c].coded_group)
                })
            {
                return true;
            }
        }
        "08" => {
            // "pulled out a gun": a weapon drawn, not a withdrawal
            if code.starts_with("087")
                && words(v, t.end, t.end + 3).any(|k| {
                    v.is_any(
                        k,
                        &[
                            "gun", "guns", "knife", "weapon", "weapons", "pistol", "rifle",
                            "handgun", "firearm", "revolver", "shotgun", "machete",
                        ],
                    )
                })
            {
                return true;
            }
            // "withdrew its filing": a business or legal paper
            if code.starts_with("087")
                && words(v, t.end, t.end + 4).any(|k| {
                    v.is_any(
                        k,
                        &[
                            "filing",
                            "application",
                            "ipo",
                            "offering",
                            "lawsuit",
                            "suit",
                            "complaint",
                            "nomination",
                            "candidacy",
                            "listing",
                            "product",
                        ],
                    )
                })
            {
                return true;
            }
            // resigning "as CEO" of a company
            if code.starts_with("083")
                && v.is(t.end, "as")
                && v.is_any(
                    t.end + 1,
                    &[
                        "ceo",
                        "chief",
                        "chairman",
                        "chairwoman",
                        "director",
                        "coach",
                        "manager",
                        "executive",
                        "cfo",
                        "coo",
                        "editor",
                        "head",
                    ],
                )
            {
                return true;
            }
            if code.starts_with("084") {
                // "a news release", "said in the release", "according to the office release"
                if noun_or_plain(w, "release")
                    && !v.is(last + 1, "of")
                    && (prev(1).is_some_and(|p| {
                        matches!(p, "press" | "news" | "office" | "media" | "written")
                    }) || (h >= 2
                        && v.is_any(h - 1, &["the", "a", "its", "their"])
                        && v.is_any(h - 2, &["in", "to"])))
                {
                    return true;
                }
                // released a thing: "released a letter", "did not release the names"
                if !noun && w.starts_with("releas") {
                    let mut k = t.end;
                    while k < v.len() && k < t.end + 4 && !v.is_any(k, THINGS) {
                        if v.words[k].punct || v.is_any(k, PREPOSITIONS) {
                            break;
                        }
                        k += 1;
                    }
                    if v.is_any(k, THINGS) {
                        return true;
                    }
                    // "a call the White House released", "get the hold released"
                    if (h.saturating_sub(6)..h)
                        .rev()
                        .take_while(|&k| {
                            !v.words[k].punct
                                && !v.is_any(k, PREPOSITIONS)
                                && !v.is_any(k, super::SUBORDINATORS)
                        })
                        .any(|k| v.is_any(k, THINGS))
                    {
                        return true;
                    }
                    // "released from the hospital", "released to police custody"
                    let ahead =
                        |ws: &[&str]| words(v, t.end + 1, t.end + 4).any(|k| v.is_any(k, ws));
                    if v.is_any(t.end, &["from", "to", "into"]) && ahead(&["hospital", "clinic"])
                        || v.is_any(t.end, &["to", "into"]) && ahead(&["custody"])
                    {
                        return true;
                    }
                }
            }
        }
        "02" | "10" => {
            if w.starts_with("ask") && !noun {
                // a question: "asked the minister about the plan", "heard him ask, quote,"
                let mut k = t.end;
                while k < v.len() && k < t.end + 4 {
                    if v.is_any(k, &["to", "for"]) || v.words[k].punct {
                        break;
                    }
                    if v.is_any(k, &["about", "why", "how", "what", "when", "where", "who"]) {
                        return true;
                    }
                    k += 1;
                }
                if v.is_any(t.end, &[",", ":", "\"", "\u{201c}", "'", "\u{2018}"]) {
                    return true;
                }
                // "he's asking for it"
                if v.is(t.end, "for")
                    && v.is(t.end + 1, "it")
                    && (t.end + 2 >= v.len() || v.words[t.end + 2].punct)
                {
                    return true;
                }
            }
            // tip-line boilerplate: "asks anyone with information to call"
            if !noun
                && words(v, t.end, t.end + 3).any(|k| v.is_any(k, &["anyone", "anybody"]))
                && v.words
                    .iter()
                    .enumerate()
                    .any(|(k, _)| v.is(k, "information"))
            {
                return true;
            }
            // "the call on July 25": a phone call and its date
            if w.starts_with("call")
                && v.is(last, "on")
                && t.end < v.len()
                && (v.words[t.end].time || numeral(v, t.end))
            {
                return true;
            }
            // "forecasts called for rain", "the plan calls for cuts": a document's content
            if w.starts_with("call")
                && v.is(last, "for")
                && h > 0
                && (1..=3).any(|d| {
                    prev(d).is_some_and(|p| {
                        matches!(
                            p,
                            "forecast"
                                | "forecasts"
                                | "plan"
                                | "plans"
                                | "law"
                                | "rules"
                                | "proposal"
                                | "bill"
                                | "deal"
                                | "agreement"
                                | "report"
                                | "budget"
                                | "recipe"
                                | "models"
                                | "model"
                        )
                    })
                })
            {
                return true;
            }
            // "holds broad appeal to voters": attractiveness
            if noun
                && w.starts_with("appeal")
                && (1..=2).any(|d| {
                    prev(d).is_some_and(|p| {
                        matches!(
                            p,
                            "hold"
                                | "holds"
                                | "held"
                                | "broad"
                                | "wide"
                                | "popular"
                                | "mass"
                                | "electoral"
                                | "sex"
                                | "curb"
                                | "has"
                                | "have"
                                | "lacks"
                        )
                    })
                })
            {
                return true;
            }
        }
        "13" => {
            // "tensions are threatening to slow growth": an abstract agent
            let mut k = h;
            while k > 0
                && h - k < 4
                && v.is_any(
                    k - 1,
                    &[
                        "are", "is", "was", "were", "has", "have", "had", "been", "could", "may",
                        "might", "will", "would", "now", "also", "already", "still",
                    ],
                )
            {
                k -= 1;
            }
            if k > 0 && v.is_any(k - 1, ABSTRACT_AGENTS) {
                return true;
            }
            // "an existential threat to the regime", "poses a threat": a characterisation
            if noun
                && let Some(p) = np_left(v, h, 4)
                && (v.is_any(p, BE)
                    || v.is_any(
                        p,
                        &["pose", "poses", "posed", "posing", "remains", "remain"],
                    )
                    || v.is(p, "as")
                        && p > 0
                        && v.is_any(p - 1, &["seen", "see", "sees", "viewed"]))
            {
                return true;
            }
        }
        // "the court dismissed the case": a ruling
        "11" if w.starts_with("dismiss")
            && words(v, t.end, t.end + 4).any(|k| {
                v.is_any(
                    k,
                    &[
                        "case",
                        "cases",
                        "charges",
                        "charge",
                        "lawsuit",
                        "suit",
                        "appeal",
                        "complaint",
                        "claims",
                        "motion",
                        "petition",
                    ],
                )
            }) =>
        {
            return true;
        }
        "14" => {
            // "the 400 block of Main Street": an address
            if (w == "block" || w == "blocks") && h > 0 && numeral(v, h - 1) {
                return true;
            }
            // "as demonstrated by", "demonstrated that": showing
            if w.starts_with("demonstrat")
                && (prev(1) == Some("as") || v.is_any(t.end, &["that", "how", "by"]))
            {
                return true;
            }
        }
        // "tweets supporting", "reports received by": a document's participle
        "04" | "05"
            if (w.ends_with("ing") || w.ends_with("ed"))
                && prev(1).is_some_and(|p| THINGS.contains(&p)) =>
        {
            return true;
        }
        // "would help the farm belt", "an agent to help him enter": help with no coded actor
        // is everyday help, not aid
        "07" if !noun && w.starts_with("help") && !coded(target) && !coded(source) => {
            return true;
        }
        "09" => {
            // "dropped its investigation", "the inquiry had been shelved": the end of an
            // investigation, not one
            if nounish
                && (h.saturating_sub(3)..h)
                    .rev()
                    .take_while(|&k| !v.words[k].punct && !v.is_any(k, PREPOSITIONS))
                    .any(|k| is_ending_verb(v.low(k)))
            {
                return true;
            }
            if noun
                && words(v, t.end, t.end + 4).any(|k| is_ending_verb(v.low(k)))
                && words(v, t.end, t.end + 3).any(|k| v.is_any(k, &["been", "was", "were", "is"]))
            {
                return true;
            }
        }
        _ => {}
    }
    false
}

fn is_ending_verb(w: &str) -> bool {
    matches!(
        w,
        "drop"
            | "dropped"
            | "drops"
            | "dropping"
            | "shelve"
            | "shelved"
            | "shelves"
            | "abandon"
            | "abandoned"
            | "abandons"
            | "scrap"
            | "scrapped"
            | "scraps"
            | "close"
            | "closed"
            | "closes"
            | "halt"
            | "halted"
            | "halts"
            | "discontinued"
            | "discontinue"
            | "suspend"
            | "suspended"
            | "suspends"
            | "end"
            | "ended"
            | "ends"
    )
}

fn noun_or_plain(w: &str, base: &str) -> bool {
    w == base || w.strip_suffix('s') == Some(base)
}

/// The trigger word is the plain form of its pattern's first word ("kill", not "killed").
fn lemma_form(v: &View, t: &Trig) -> bool {
    let w = v.low(t.head);
    !matches!(
        w,
        "fought"
            | "shot"
            | "struck"
            | "met"
            | "took"
            | "held"
            | "gave"
            | "sought"
            | "threw"
            | "fled"
            | "led"
            | "made"
            | "told"
            | "said"
            | "stole"
            | "broke"
            | "went"
            | "came"
            | "ran"
            | "won"
            | "lost"
            | "kept"
            | "left"
            | "sent"
            | "brought"
            | "caught"
            | "drew"
            | "began"
            | "fell"
            | "flew"
            | "froze"
            | "stood"
            | "swore"
            | "tore"
            | "wrote"
            | "fed"
            | "found"
            | "hung"
            | "heard"
            | "laid"
            | "paid"
            | "sold"
            | "slew"
            | "spoke"
            | "swept"
            | "bound"
            | "beat"
            | "hit"
            | "set"
            | "put"
            | "cut"
            | "shut"
            | "quit"
            | "spread"
            | "let"
    )
}

/// Corrections to the status the cues gave: counterfactuals, inverted conditionals, a known
/// event named in a tip-line, a speculation about a past event's nature.
pub(crate) fn status_fix(v: &View, t: &Trig, noun: bool, st: Status) -> Status {
    let h = t.head;
    let cs = super::clause_start(v, h);
    // "would have objected", "might not otherwise have agreed": a counterfactual, even with a
    // negation inside it
    for k in cs.max(h.saturating_sub(8))..h {
        if v.is_any(k, &["would", "could", "might", "should", "'d"]) {
            let mut j = k + 1;
            while j < h && v.is_any(j, &["not", "n't", "never", "otherwise", "also", "still"]) {
                j += 1;
            }
            if v.is(j, "have") && j < h && !(j..h).any(|x| is_hard(v, x) || v.is(x, ",")) {
                return Status::Hypothetical;
            }
        }
    }
    // "should China not accede": an inverted conditional
    for k in cs.max(h.saturating_sub(6))..h.saturating_sub(2) {
        if v.is_any(k, &["should", "had", "were"])
            && !v.is_any(
                k + 1,
                &["not", "n't", "be", "been", "have", "also", "never"],
            )
            && (k + 2..h).any(|j| v.is_any(j, &["not", "n't"]))
            && !(k + 1..h).any(|x| is_hard(v, x) || v.is(x, ","))
            && k > 0
            && !v.words[k - 1].punct
            && !v.words[k - 1].upper
            && v.words[k - 1].chunk.is_none()
            && !v.is_any(k - 1, &["he", "she", "they", "it", "we", "i", "you", "who"])
        {
            return Status::Hypothetical;
        }
    }
    if st == Status::Hypothetical {
        // "anyone with information on the shooting": the shooting happened
        if noun
            && (h.saturating_sub(5)..h).any(|k| {
                v.is(k, "information")
                    && v.is_any(k + 1, &["on", "about", "regarding", "concerning", "in"])
            })
        {
            return Status::Occurred;
        }
        // "the shooting may have been gang-related": a guess about a past event's nature
        if noun
            && v.is_any(t.end, &["may", "might", "could", "must"])
            && v.is(t.end + 1, "have")
            && v.is(t.end + 2, "been")
        {
            return Status::Occurred;
        }
    }
    st
}

/// The trigger's own noun phrase dates it before the story: "a 2010 allegation", "an earlier
/// investigation", "the former blockade". Such an event gets no publication-date fallback.
pub(crate) fn background(v: &View, t: &Trig) -> bool {
    let h = t.head;
    let mut k = h;
    while k > 0 && h - k < 4 {
        let p = k - 1;
        let w = v.low(p);
        if v.words[p].punct || PREPOSITIONS.contains(&w) || BE.contains(&w) {
            break;
        }
        if is_year(w)
            || matches!(
                w,
                "earlier" | "previous" | "former" | "prior" | "past" | "bygone" | "erstwhile"
            )
        {
            return true;
        }
        if DETERMINERS.contains(&w) {
            break;
        }
        k -= 1;
    }
    false
}
