//! The tense governing a time expression: the nearest verb-group cue in its sentence.
//!
//! A light reading of English verb groups, enough to decide whether "on Monday" looks back
//! (past narrative: the previous Monday) or forward ("will meet on Monday": the coming one).
//! Auxiliaries decide the group (`will`, `would`, `is due to`, `was`, `has`); a past form with
//! no auxiliary before it is a simple past; a participle after an auxiliary takes the
//! auxiliary's tense.

use crate::lex::{Tok, TokKind, WordBuild};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The word lists below as hash sets: `cue` asks them for every word near a time expression.
struct Sets {
    irregular_past: HashSet<&'static str, WordBuild>,
    ed_not_verb: HashSet<&'static str, WordBuild>,
    forward_to: HashSet<&'static str, WordBuild>,
    schedule_present: HashSet<&'static str, WordBuild>,
    incident: HashSet<&'static str, WordBuild>,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    irregular_past: IRREGULAR_PAST.iter().copied().collect(),
    ed_not_verb: ED_NOT_VERB.iter().copied().collect(),
    forward_to: FORWARD_TO.iter().copied().collect(),
    schedule_present: SCHEDULE_PRESENT.iter().copied().collect(),
    incident: INCIDENT.iter().copied().collect(),
});

/// The tense a time expression is read under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    /// A present that names an arrangement or a schedule ("meets on Friday", "is holding a
    /// news conference Friday"): a weekday looks forward, other dates take the nearest
    /// occurrence.
    Present,
    Future,
    /// Either side of the publication date: a plan told in the past ("was due to", "decided
    /// to", "planned to" without a present auxiliary), which may or may not have come to
    /// pass, or a date naming an event before its noun ("the Aug. 14 hearing"). The nearest
    /// occurrence, a tie going to the past.
    Either,
    /// No cue found: resolution falls back to a past bias (news narrates what happened).
    #[default]
    Unknown,
}

const IRREGULAR_PAST: &[&str] = &[
    "said",
    "told",
    "met",
    "was",
    "were",
    "had",
    "did",
    "went",
    "came",
    "took",
    "made",
    "gave",
    "held",
    "left",
    "fell",
    "rose",
    "began",
    "fought",
    "saw",
    "won",
    "lost",
    "led",
    "sent",
    "brought",
    "struck",
    "became",
    "broke",
    "caught",
    "chose",
    "drove",
    "flew",
    "found",
    "got",
    "grew",
    "heard",
    "kept",
    "knew",
    "meant",
    "paid",
    "ran",
    "sat",
    "shot",
    "sold",
    "spent",
    "spoke",
    "stood",
    "stole",
    "swept",
    "thought",
    "threw",
    "wrote",
    "bought",
    "built",
    "felt",
    "fled",
    "sought",
    "sank",
    "shook",
    "swore",
    "tore",
    "withdrew",
    "overran",
    "underwent",
    "arose",
    "drew",
    "froze",
    "hung",
    "hid",
    "lay",
    "rode",
    "rang",
    "slept",
    "stuck",
    "took",
    "wounded",
    "seized",
    "agreed",
    "freed",
    "decreed",
    "forgot",
    "understood",
    "upheld",
    "overtook",
    "beat",
    "bore",
    "dealt",
    "fed",
    "forbade",
    "forgave",
    "lit",
    "mistook",
    "sang",
    "spun",
    "swam",
    "swung",
    "wept",
    "woke",
    "wore",
    "declared",
    "announced",
    // Past and present alike; in news narrative mostly the past ("the storm hit Friday",
    // "they set the vote for Friday"). After an auxiliary or a determiner they say
    // nothing (see `cue`).
    "set",
    "hit",
    "cut",
    "shut",
    "quit",
];

/// `-ed` words that are rarely simple past verbs in news.
const ED_NOT_VERB: &[&str] = &[
    "united",
    "armed",
    "based",
    "called",
    "alleged",
    "suspected",
    "related",
    "advanced",
    "detailed",
    "limited",
    "concerned",
    "supposed",
    "interested",
    "experienced",
    "talented",
    "skilled",
    "hundred",
    "red",
    "bed",
    "shed",
    "wed",
    "sled",
    "led",
    "need",
    "feed",
    "speed",
    "indeed",
    "seed",
    "bleed",
    "breed",
    "greed",
    "proceed",
    "exceed",
    "succeed",
    "embed",
    "naked",
    "wicked",
    "sacred",
    "beloved",
    "aged",
    "ragged",
    "rugged",
    "crooked",
    "wretched",
    "kindred",
    "hatred",
    "planned",
    "scheduled",
    "expected",
    "intended",
    "devoted",
    "elected",
    "appointed",
];

/// Words that, followed by `to`, look forward: "plans to", "is due to", "expected to".
const FORWARD_TO: &[&str] = &[
    "due",
    "set",
    "expected",
    "scheduled",
    "slated",
    "going",
    "poised",
    "planning",
    "plans",
    "plan",
    "planned",
    "intends",
    "intend",
    "intended",
    "aims",
    "aim",
    "aimed",
    "hopes",
    "hoped",
    "preparing",
    "prepared",
    "prepares",
    "about",
    "promised",
    "promises",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "threatened",
    "threatens",
    "agreed",
    "agree",
    "agrees",
    "decided",
    "decide",
    "wants",
    "want",
    "wanted",
    "likely",
    "ready",
    // Nouns of intent: "an agreement to merge the dairies in February", "the decision to close".
    "agreement",
    "deal",
    "pact",
    "decision",
    "proposal",
    "commitment",
];

/// Words before "to" that are past forms in their own right: "decided to", "planned to"
/// without an auxiliary tell a plan made in the past (see [`Tense::Either`]).
const PAST_FORWARD_TO: &[&str] = &[
    "planned",
    "intended",
    "aimed",
    "hoped",
    "prepared",
    "promised",
    "vowed",
    "pledged",
    "threatened",
    "agreed",
    "decided",
    "wanted",
];

/// Stems (the "-ing" form without "-ing", a final "e" dropped) of verbs whose present
/// progressive names an arrangement, so a weekday after it
/// looks forward ("is holding a news conference Friday", "are meeting on Monday", "is
/// flying to Paris on Sunday"). The progressive of any other verb tells what is going on
/// now ("officers are examining two stabbings late Sunday"): its weekday is past.
const ARRANGE_ING: &[&str] = &[
    "meet",
    "hold",
    "host",
    "visit",
    "travel",
    "fly",
    "head",
    "go",
    "com",
    "leav",
    "return",
    "arriv",
    "depart",
    "vot",
    "open",
    "reopen",
    "clos",
    "begin",
    "start",
    "launch",
    "resum",
    "end",
    "finish",
    "plan",
    "prepar",
    "schedul",
    "organiz",
    "organis",
    "stag",
    "expect",
    "consider",
    "hop",
    "aim",
    "seek",
    "propos",
    "attend",
    "join",
    "speak",
    "address",
    "testify",
    "giv",
    "deliver",
    "present",
    "unveil",
    "announc",
    "releas",
    "publish",
    "sign",
    "play",
    "march",
    "rally",
    "gather",
    "conven",
    "reconven",
    "hear",
    "rul",
    "sentenc",
    "decid",
    "send",
    "deploy",
    "introduc",
    "submit",
    "debat",
    "campaign",
    "celebrat",
    "mark",
    "commemorat",
    "inaugurat",
    "tak",
    "mov",
    "hand",
    "wrap",
    "kick",
    "roll",
    "set",
    "postpon",
    "delay",
    "shut",
    "cancel",
    "suspend",
    "lift",
    "screen",
    "broadcast",
    "air",
    "perform",
    "compet",
    "run",
    "fil",
    "appear",
];

/// Participles whose present passive names an arrangement: "the funeral is held on
/// Saturday", "the store is closed Monday". The present passive of any other verb tells a
/// past act's present result ("the man is charged with robbing a shop Friday").
const ARRANGE_PASSIVE: &[&str] = &[
    "held",
    "hosted",
    "staged",
    "organized",
    "organised",
    "planned",
    "scheduled",
    "slated",
    "set",
    "expected",
    "due",
    "booked",
    "timed",
    "closed",
    "shut",
    "cancelled",
    "canceled",
    "suspended",
    "postponed",
    "delayed",
    "opened",
    "reopened",
    "called",
    "convened",
    "invited",
    "open",
    "heard",
    "debated",
    "played",
    "launched",
    "released",
    "published",
    "unveiled",
    "announced",
    "presented",
    "signed",
    "sworn",
    "inaugurated",
    "broadcast",
    "aired",
    "screened",
];

/// Nouns of an incident, an event nobody schedules: a weekday right after one ("two
/// stabbings late Sunday", "the crash on Friday") dates an event already past, whatever
/// the tense of the clause (unless it looks forward).
const INCIDENT: &[&str] = &[
    "shooting",
    "shootings",
    "stabbing",
    "stabbings",
    "killing",
    "killings",
    "slaying",
    "slayings",
    "massacre",
    "rampage",
    "beating",
    "hijacking",
    "drowning",
    "murder",
    "murders",
    "homicide",
    "homicides",
    "crash",
    "crashes",
    "collision",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "bombing",
    "bombings",
    "attack",
    "attacks",
    "ambush",
    "shootout",
    "robbery",
    "robberies",
    "burglary",
    "carjacking",
    "assault",
    "accident",
    "accidents",
    "incident",
    "incidents",
    "fire",
    "fires",
    "blaze",
    "earthquake",
    "quake",
    "derailment",
    "collapse",
    "death",
    "deaths",
    "disappearance",
    "abduction",
    "kidnapping",
    "arrest",
    "arrests",
    "clash",
    "clashes",
    "riot",
    "riots",
    "violence",
    "raid",
    "raids",
    "strikes",
    "airstrike",
    "airstrikes",
];

/// Present forms of verbs whose simple present names a scheduled event: with a weekday they
/// look forward ("the court meets on Friday", "the offer expires Monday").
const SCHEDULE_PRESENT: &[&str] = &[
    "meets",
    "opens",
    "begins",
    "starts",
    "resumes",
    "reopens",
    "ends",
    "closes",
    "expires",
    "arrives",
    "departs",
    "leaves",
    "visits",
    "travels",
    "convenes",
    "reconvenes",
];

/// The plural (base) forms of the same verbs: "the two leaders meet Monday". A base form is
/// also an infinitive or follows a modal ("did not meet"), so it counts only with a subject
/// before it (see `cue`).
const SCHEDULE_BASE: &[&str] = &[
    "meet",
    "resume",
    "reconvene",
    "convene",
    "arrive",
    "depart",
    "visit",
    "travel",
    "vote",
    "expire",
];

/// "holding", "planning", "travelling", "voting": an "-ing" form of a verb of arrangement.
fn is_arrangement_ing(w: &str) -> bool {
    let Some(stem) = w.strip_suffix("ing") else {
        return false;
    };
    // "planning", "travelling": a doubled final consonant. Characters, not bytes: the
    // last two bytes of a non-ASCII letter ("丸ing") may be equal mid-character.
    let mut rev = stem.chars().rev();
    let undoubled = match (rev.next(), rev.next(), rev.next()) {
        (Some(a), Some(b), Some(_)) if a == b => Some(&stem[..stem.len() - a.len_utf8()]),
        _ => None,
    };
    ARRANGE_ING.contains(&stem) || undoubled.is_some_and(|u| ARRANGE_ING.contains(&u))
}

/// A word that can be the plural or first/second-person subject of a base-form present:
/// a pronoun or a plural noun ("they meet", "the two leaders meet").
fn plural_subject(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "you"
            | "they"
            | "police"
            | "people"
            | "staff"
            | "both"
            | "all"
            | "men"
            | "women"
            | "children"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "this"
                | "its"
                | "his"
                | "hers"
                | "ours"
                | "yours"
                | "theirs"
                | "was"
                | "has"
                | "does"
                | "goes"
                | "less"
                | "news"
                | "perhaps"
                | "unless"
                | "across"
                | "towards"
                | "afterwards"
                | "whereas"
                | "besides"
                | "always"
                | "sometimes"
                | "hours"
        ))
}

/// A word that, right after "as soon as", opens a clause (a subject) rather than naming a
/// time: a pronoun, an article, a possessive.
fn opens_clause(w: &str) -> bool {
    matches!(
        w,
        "i" | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "you"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "there"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// The tense of a word of intent or schedule before "to" ("due to", "planned to", "was
/// expected to"): forward, unless the verb group is past ("was due to", "decided to",
/// "had planned to"), which tells a plan made in the past: either side. In reported speech
/// (`reported`: a verb of saying before it) "was due to" is the present "is due to"
/// shifted back by the sequence of tenses: forward.
fn plan_tense<'a>(w: &str, reported: bool, before: impl Fn(usize) -> &'a str) -> Tense {
    // The auxiliary before the word, skipping adverbs and "not" ("was still due to",
    // "had not yet decided to" reads "had").
    let mut k = 1;
    while k < 4 && (is_adverb(before(k)) || matches!(before(k), "not" | "also" | "n" | "t")) {
        k += 1;
    }
    let mut aux = before(k);
    if aux == "been" {
        aux = before(k + 1);
    }
    match aux {
        "was" | "were" if reported => Tense::Future,
        "was" | "were" | "had" => Tense::Either,
        "is" | "are" | "am" | "has" | "have" | "will" | "would" | "shall" | "be" | "can"
        | "could" | "may" | "might" | "must" | "should" | "s" | "re" | "m" | "ve" => Tense::Future,
        // A past form with no auxiliary: "decided to repave the road in August".
        _ if PAST_FORWARD_TO.contains(&w) => Tense::Either,
        _ => Tense::Future,
    }
}

/// A verb of saying in the past before token `i`: what follows is reported speech.
fn reported(low: &str, toks: &[Tok], lo: usize, i: usize) -> bool {
    (lo..i).any(|k| {
        matches!(
            &low[toks[k].start..toks[k].end],
            "said"
                | "told"
                | "added"
                | "stated"
                | "announced"
                | "warned"
                | "predicted"
                | "explained"
                | "insisted"
                | "noted"
                | "wrote"
                | "claimed"
                | "confirmed"
                | "reported"
                | "believed"
                | "thought"
                | "estimated"
                | "indicated"
                | "signaled"
                | "signalled"
                | "suggested"
                | "argued"
                | "hinted"
                | "feared"
                | "forecast"
                | "projected"
                | "assumed"
                | "knew"
                | "understood"
                | "learned"
                | "heard"
        )
    }) || (lo + 1..i).any(|k| {
        // "had suggested that …": a past verb with a "that" clause.
        &low[toks[k].start..toks[k].end] == "that"
            && is_past_form(&low[toks[k - 1].start..toks[k - 1].end])
    })
}

/// An adverb between a determiner and a participle ("a still unspecified date", "the newly
/// elected council").
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "still" | "yet" | "as" | "so" | "very" | "most" | "more" | "less" | "least"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

fn is_be_have(w: &str) -> Option<Tense> {
    Some(match w {
        "is" | "are" | "am" | "be" | "being" | "been" | "get" | "gets" => Tense::Present,
        "was" | "were" | "had" | "got" | "did" => Tense::Past,
        "has" | "have" => Tense::Past,
        "will" | "would" | "shall" | "wo" | "ll" => Tense::Future,
        _ => return None,
    })
}

fn is_past_form(w: &str) -> bool {
    if SETS.irregular_past.contains(w) {
        return true;
    }
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !SETS.ed_not_verb.contains(w)
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// The cue a token gives in its context, if any.
fn cue(low: &str, toks: &[Tok], lo: usize, i: usize, hi: usize) -> Option<Tense> {
    let t = toks[i];
    if t.kind != TokKind::Word {
        return None;
    }
    let w = &low[t.start..t.end];
    let word = |j: usize| -> &str {
        if j >= lo && j < hi && toks[j].kind == TokKind::Word {
            &low[toks[j].start..toks[j].end]
        } else {
            ""
        }
    };
    // "due to", "plans to" … → future, whatever the auxiliary.
    if word(i + 1) == "to" && SETS.forward_to.contains(w) {
        // "due to the war" is causal: demand a be-verb before "due".
        if w == "due"
            && !matches!(
                word(i.wrapping_sub(1)),
                "is" | "are" | "was" | "were" | "be" | "been"
            )
        {
            return None;
        }
        return Some(plan_tense(w, reported(low, toks, lo, i), |k| {
            word(i.wrapping_sub(k))
        }));
    }
    match w {
        "will" | "shall" | "wo" | "would" => return Some(Tense::Future),
        // A present modal looks ahead: "apprentices can sit the exam in April" ("can have
        // known" is a perfect).
        "can" | "must" | "should" if word(i + 1) != "have" && word(i.wrapping_sub(1)) != "a" => {
            return Some(Tense::Future);
        }
        "ll" if i > lo && low[toks[i - 1].start..].starts_with(['\'', '’']) => {
            return Some(Tense::Future);
        }
        "tomorrow" | "upcoming" | "ahead" | "scheduled" | "slated" => {
            return Some(Tense::Future);
        }
        // "planned a rally for Saturday" looks forward; "the hastily planned trip" does not.
        "planned" if matches!(word(i + 1), "for" | "a" | "an" | "on" | "to") => {
            return Some(Tense::Future);
        }
        // Putting off: "postponed until Tuesday", "extended to Nov. 16".
        "postponed" | "delayed" | "extended" | "adjourned" | "deferred" | "put"
            if matches!(word(i + 1), "until" | "till" | "to" | "off") =>
        {
            return Some(Tense::Future);
        }
        // "effective Feb. 1", "effective Monday": when a change takes effect.
        "effective"
            if matches!(
                crate::lex::lex(word(i + 1)),
                crate::lex::Lex::Month(_)
                    | crate::lex::Lex::MonthAbbr(_)
                    | crate::lex::Lex::Weekday(_)
            ) =>
        {
            return Some(Tense::Future);
        }
        // "as soon as Tuesday" looks forward; "as soon as I learned about it" is a
        // conjunction whose clause has a tense of its own (see `temporal_conjunction`).
        "soon"
            if word(i.wrapping_sub(1)) == "as"
                && word(i + 1) == "as"
                && !opens_clause(word(i + 2)) =>
        {
            return Some(Tense::Future);
        }
        "next" if word(i + 1) != "to" => return Some(Tense::Future),
        "ago" | "yesterday" | "earlier" | "previously" | "recently" => return Some(Tense::Past),
        "last" if !matches!(word(i.wrapping_sub(1)), "the" | "at") => return Some(Tense::Past),
        _ => {}
    }
    if matches!(w, "is" | "are" | "am") && word(i + 1) == "to" {
        // "is to resume trading Tuesday"
        return Some(Tense::Future);
    }
    if matches!(w, "was" | "were") && word(i + 1) == "to" {
        // "was to resume trading Tuesday": a plan told in the past (after "said", the
        // present "is to" shifted back).
        return Some(if reported(low, toks, lo, i) {
            Tense::Future
        } else {
            Tense::Either
        });
    }
    // In a clause of time or condition ("when the case is heard in May", "if talks are
    // resuming Monday") English uses the present for the future.
    let subordinate = (i.saturating_sub(6).max(lo)..i).any(|k| {
        matches!(
            word(k),
            "when" | "if" | "once" | "unless" | "until" | "whenever" | "before" | "after"
        )
    });
    if matches!(w, "is" | "are" | "am") && !subordinate {
        // Adverbs and "not" between the auxiliary and its verb: "are still searching".
        let mut k = i + 1;
        while k < hi && k < i + 3 && (is_adverb(word(k)) || matches!(word(k), "not" | "also")) {
            k += 1;
        }
        let next = word(k);
        // "is due on Friday", "are scheduled for Monday".
        if matches!(next, "due" | "scheduled" | "slated" | "set") {
            return Some(Tense::Future);
        }
        // The present progressive of a doing names an arrangement when the verb is one of
        // arrangement ("is holding a news conference Friday", "are meeting on Monday");
        // of any other verb, what is going on after a past act ("officers are examining
        // two stabbings late Sunday"). "is being" says nothing.
        if next.len() >= 5
            && next.ends_with("ing")
            && !matches!(
                next,
                "being"
                    | "nothing"
                    | "something"
                    | "anything"
                    | "everything"
                    | "morning"
                    | "evening"
            )
        {
            return Some(if is_arrangement_ing(next) {
                Tense::Present
            } else {
                Tense::Past
            });
        }
        // A present passive: of a verb of arrangement it looks forward ("the funeral is
        // held on Saturday"); of another verb it tells the present result of a past act
        // ("the man is charged with robbing a shop Friday"). "is expected to", "is asked
        // to" look forward through their infinitive: no cue from the passive.
        if is_past_form(next) && word(k + 1) != "to" {
            if ARRANGE_PASSIVE.contains(&next) {
                return Some(Tense::Present);
            }
            return Some(Tense::Past);
        }
    }
    // A present verb of schedule: "the court meets on Friday", "the offer expires Monday".
    if SETS.schedule_present.contains(w) {
        return Some(Tense::Present);
    }
    if SCHEDULE_BASE.contains(&w) {
        // Skip adverbs back to the word before the verb: a subject (a noun or pronoun), not
        // "to", a modal, an auxiliary or a determiner.
        let mut j = i.wrapping_sub(1);
        while j >= lo && j < i && (is_adverb(word(j)) || word(j) == "separately") {
            j = j.wrapping_sub(1);
        }
        let p = if j >= lo && j < i { word(j) } else { "" };
        // After a possessive ("the mayor's visit") the base form is a noun, and after a
        // singular noun that follows a determiner ("the state visit on Monday", "a Senate
        // vote Tuesday") too: a plural or pronoun subject, or a name ("Arafat meet"), is
        // what makes it a present verb.
        let possessive = p == "s"
            && j > lo
            && j < i
            && low[toks[j - 1].start..toks[j - 1].end].starts_with(['\'', '’']);
        let noun_phrase = j > lo
            && j < i
            && matches!(
                word(j - 1),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "our"
            );
        let subject = !p.is_empty()
            && !possessive
            && (plural_subject(p) || !noun_phrase)
            && !matches!(
                p,
                "to" | "not"
                    | "n"
                    | "t"
                    | "did"
                    | "do"
                    | "does"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "would"
                    | "will"
                    | "shall"
                    | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "or"
                    | "let"
                    | "help"
                    | "make"
            )
            && is_be_have(p).is_none()
            && !is_past_form(p);
        return subject.then_some(Tense::Present);
    }
    // "has no forecast", "have a meeting": a present main verb, not a perfect auxiliary.
    if matches!(w, "has" | "have")
        && matches!(
            word(i + 1),
            "a" | "an" | "the" | "no" | "its" | "their" | "his" | "her" | "some" | "any"
        )
    {
        return Some(Tense::Present);
    }
    if let Some(t) = is_be_have(w) {
        // An auxiliary whose verb group looks forward ("is set to", "was expected to")
        // is caught on that word; here the auxiliary gives its own tense.
        if matches!(w, "be" | "being" | "been" | "get" | "gets") {
            return None;
        }
        return Some(t);
    }
    if is_past_form(w) {
        // A base form alike with its past ("to shut", "can cut", "did not hit") is none.
        if matches!(w, "set" | "hit" | "cut" | "shut" | "quit")
            && matches!(
                word(i.wrapping_sub(1)),
                "to" | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "do"
                    | "does"
                    | "did"
                    | "not"
                    | "t"
            )
        {
            return None;
        }
        // A participle after an auxiliary: the auxiliary has spoken.
        let mut j = i;
        let mut steps = 0;
        while j > lo && steps < 3 {
            j -= 1;
            steps += 1;
            let p = word(j);
            if is_be_have(p).is_some() {
                return None;
            }
            if !matches!(
                p,
                "not" | "also" | "already" | "just" | "n" | "t" | "never" | "since"
            ) && toks[j].kind != TokKind::Punct
            {
                break;
            }
        }
        // A past form directly before a noun after a determiner is an adjective ("the
        // planned talks", "a still unspecified date"): "the/a" right before it, or with
        // adverbs between.
        let mut j = i.wrapping_sub(1);
        while j > lo && j < i && is_adverb(word(j)) {
            j -= 1;
        }
        if matches!(
            word(j),
            "the" | "a" | "an" | "its" | "their" | "his" | "her"
        ) {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

/// A verb of putting off or extending, whose "until"/"to" names a new, later date.
fn is_deferral(w: &str) -> bool {
    [
        "postpone",
        "delay",
        "defer",
        "extend",
        "adjourn",
        "reschedul",
        "push",
    ]
    .iter()
    .any(|stem| w.starts_with(stem))
        && !matches!(w, "delays" | "extension" | "extensive")
        || matches!(w, "moved" | "moves" | "move" | "put" | "puts")
}

/// Token `k` ends a conjunction that opens a prospective temporal clause ("as soon as",
/// "once", "by the time"): the conjunction's first token.
fn temporal_conjunction(low: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let w = |j: usize| toks.get(j).map_or("", |t| &low[t.start..t.end]);
    match w(k) {
        "once" if !matches!(w(k + 1), "again" | "more" | "upon") => Some(k),
        "as" if k >= 2 && w(k - 1) == "soon" && w(k - 2) == "as" => Some(k - 2),
        "time" if k >= 2 && w(k - 1) == "the" && w(k - 2) == "by" => Some(k - 2),
        _ => None,
    }
}

/// The tense for the expression covering tokens `[s, e)` inside the window `[lo, hi)`.
///
/// The verb group before the expression governs it when it is near ("Kerry met Lavrov on
/// Friday", "will resume on Monday"); a fronted expression ("On Monday, ministers will …",
/// "Bush on Tuesday said …") takes the first cue after it.
pub fn tense_of(low: &str, toks: &[Tok], lo: usize, hi: usize, s: usize, e: usize) -> Tense {
    let t = verb_group_tense(low, toks, lo, hi, s, e);
    // A time right after a noun of an incident ("two stabbings late Sunday", "the
    // crash on Friday") dates that incident, which is past unless the clause looks
    // forward.
    if t != Tense::Future && after_incident(low, toks, lo, s) {
        return Tense::Past;
    }
    t
}

/// A noun of an incident ("shooting", "crash"): a date before it ("the Oct. 3 crash") dates
/// an event already past.
pub(crate) fn is_incident(w: &str) -> bool {
    SETS.incident.contains(w)
}

/// The expression starting at token `s` follows a noun of an incident, maybe with "on",
/// "late" or "early" between.
fn after_incident(low: &str, toks: &[Tok], lo: usize, s: usize) -> bool {
    let w = |j: usize| &low[toks[j].start..toks[j].end];
    // Only a day: "the impact of the quake on fourth-quarter results" is no date of it.
    let day = (s..(s + 2).min(toks.len())).any(|j| {
        matches!(
            crate::lex::lex(w(j)),
            crate::lex::Lex::Weekday(_) | crate::lex::Lex::Month(_) | crate::lex::Lex::MonthAbbr(_)
        )
    });
    if !day {
        return false;
    }
    let mut k = s;
    while k > lo && k + 3 > s && matches!(w(k - 1), "on" | "late" | "early") {
        k -= 1;
    }
    // Not the end of a compound: "a cease-fire on Monday".
    k > lo && SETS.incident.contains(w(k - 1)) && (k < lo + 2 || w(k - 2) != "-")
}

/// The tense the verb groups around the expression give.
fn verb_group_tense(low: &str, toks: &[Tok], lo: usize, hi: usize, s: usize, e: usize) -> Tense {
    const NEAR_LEFT: usize = 12;
    const NEAR_RIGHT: usize = 10;
    // "since Monday" looks back whatever the verb.
    if s > lo && &low[toks[s - 1].start..toks[s - 1].end] == "since" {
        return Tense::Past;
    }
    // First the expression's own clause (between commas, semicolons, dashes, brackets).
    let is_break = |i: usize| {
        matches!(
            &low[toks[i].start..toks[i].end],
            "," | ";" | ":" | "—" | "–" | "(" | ")" | "\""
        )
    };
    let cl_lo = (lo..s).rev().find(|&i| is_break(i)).map_or(lo, |i| i + 1);
    // A present perfect reaching "until"/"through" a date ("has given them until Tuesday",
    // "has extended the loans through January"): the date is still ahead.
    if s > lo
        && matches!(
            &low[toks[s - 1].start..toks[s - 1].end],
            "until" | "till" | "through"
        )
        && let Some(k) = (cl_lo..s - 1).rev().find(|&k| {
            matches!(
                &low[toks[k].start..toks[k].end],
                "has" | "have" | "had" | "was" | "were" | "did"
            )
        })
        && matches!(&low[toks[k].start..toks[k].end], "has" | "have")
    {
        return Tense::Future;
    }
    // A new date set by putting something off ("postponed the vote until Thursday",
    // "extended the tender to Friday"): the date lies after the deferral, so ahead.
    if s > lo
        && matches!(
            &low[toks[s - 1].start..toks[s - 1].end],
            "until" | "till" | "to"
        )
        && (s.saturating_sub(7).max(cl_lo)..s - 1)
            .any(|k| is_deferral(&low[toks[k].start..toks[k].end]))
    {
        return Tense::Future;
    }
    let cl_hi = (e..hi).find(|&i| is_break(i)).unwrap_or(hi);
    let near = (cl_lo..s)
        .rev()
        .find_map(|i| cue(low, toks, lo, i, hi).map(|t| (i, t)));
    // A prospective temporal clause ("as soon as dealing resumed Monday", "once the talks
    // end Friday") carries no future of its own: English back-shifts its verb. When the
    // verb group before the conjunction looks forward, so does the time inside the clause.
    if let Some((i, t)) = near
        && t != Tense::Future
        && let Some(k) = (cl_lo..i)
            .rev()
            .find_map(|k| temporal_conjunction(low, toks, k))
        && k >= cl_lo
        && (cl_lo..k)
            .rev()
            .find_map(|j| cue(low, toks, lo, j, hi))
            .or_else(|| {
                // The conjunction may open its own clause after a comma: "…, once …".
                (lo..cl_lo).rev().find_map(|j| cue(low, toks, lo, j, hi))
            })
            == Some(Tense::Future)
    {
        return Tense::Future;
    }
    if let Some(t) = near
        .map(|(_, t)| t)
        .or_else(|| (e..cl_hi).find_map(|i| cue(low, toks, lo, i, hi)))
    {
        return t;
    }
    let left = (lo..s)
        .rev()
        .find_map(|i| cue(low, toks, lo, i, hi).map(|t| (s - i, t)));
    if let Some((d, t)) = left
        && d <= NEAR_LEFT
    {
        return t;
    }
    let right = (e..hi.min(e + NEAR_RIGHT)).find_map(|i| cue(low, toks, lo, i, hi));
    if let Some(t) = right {
        return t;
    }
    left.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::tokenize;

    fn tense_for(sentence: &str, expr: &str) -> Tense {
        let low = sentence.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(sentence, &mut toks);
        let at = sentence.find(expr).unwrap();
        let s = toks.iter().position(|t| t.start >= at).unwrap();
        let e = toks
            .iter()
            .position(|t| t.start >= at + expr.len())
            .unwrap_or(toks.len());
        tense_of(&low, &toks, 0, toks.len(), s, e)
    }

    #[test]
    fn non_ascii_ing_words_do_not_panic() {
        // "丸" is E4 B8 B8: its last two bytes are equal, which a byte-wise check for a
        // doubled consonant once took for "planning" and sliced mid-character.
        for w in ["丸ing", "ÿÿing", "aßßing", "ééing", "ßing", "日本ing"] {
            assert!(!is_arrangement_ing(w), "{w}");
        }
        // A doubled non-ASCII letter is dropped whole, never split.
        assert!(!is_arrangement_ing("meééing"));
        // ASCII words keep their reading.
        assert!(is_arrangement_ing("planning"));
        assert!(is_arrangement_ing("travelling"));
        assert!(is_arrangement_ing("meeting"));
        assert!(!is_arrangement_ing("digging"));
        // Through the verb group: the progressive of an unknown verb looks back.
        assert_eq!(
            tense_for("Workers are 丸ing the hull on Friday.", "Friday"),
            Tense::Past
        );
    }

    #[test]
    fn verb_groups() {
        assert_eq!(
            tense_for("The talks will resume on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_for("He said the talks would resume on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_for("Three hospitals were hit on Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_for("Kerry met Lavrov on Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense_for("Officials are due to sign the accord on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            tense_for("The meeting will be held on Monday.", "Monday"),
            Tense::Future
        );
        // A plan told in the present looks forward; one told in the past may have been
        // carried out or not: either side.
        assert_eq!(
            tense_for("The ministers plan to meet on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_for("The ministers planned to meet on Monday.", "Monday"),
            Tense::Either
        );
        assert_eq!(
            tense_for("The ferry was due to sail on Monday.", "Monday"),
            Tense::Either
        );
        // ... unless reported speech shifted a present back.
        assert_eq!(
            tense_for(
                "The captain said the ferry was due to sail on Monday.",
                "Monday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_for("Delays due to the war on Monday.", "Monday"),
            Tense::Unknown
        );
        // The clause of the expression speaks first.
        assert_eq!(
            tense_for(
                "Before the talks were set to begin, overnight air strikes struck the city.",
                "overnight"
            ),
            Tense::Past
        );
        assert_eq!(
            tense_for("On Monday, the leaders will meet in Vienna.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_for("Kerry, who met Lavrov on Friday, will fly home.", "Friday"),
            Tense::Past
        );
        // A plural present of a scheduled event looks forward; an infinitive or a base form
        // after an auxiliary does not decide.
        assert_eq!(
            tense_for("The two presidents meet separately on Monday.", "Monday"),
            Tense::Present
        );
        assert_eq!(
            tense_for("The two presidents did not meet on Monday.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense_for("The ministers failed to meet on Monday.", "Monday"),
            Tense::Past
        );
        // A present perfect up to a date, and "effective" before one, look forward.
        assert_eq!(
            tense_for(
                "The agency has given the family until Tuesday to sign.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_for(
                "The agency had given the family until Tuesday to sign.",
                "Tuesday"
            ),
            Tense::Past
        );
        assert_eq!(
            tense_for("The bank named a new chairman, effective Feb. 1.", "Feb. 1"),
            Tense::Future
        );
    }
}
