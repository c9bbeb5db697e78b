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
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    irregular_past: IRREGULAR_PAST.iter().copied().collect(),
    ed_not_verb: ED_NOT_VERB.iter().copied().collect(),
    forward_to: FORWARD_TO.iter().copied().collect(),
    schedule_present: SCHEDULE_PRESENT.iter().copied().collect(),
});

/// The tense a time expression is read under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    Present,
    Future,
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
    "learned",
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
                "is" | "are" | "was" | "were" | "be"
            )
        {
            return None;
        }
        return Some(Tense::Future);
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
        "soon" if word(i.wrapping_sub(1)) == "as" && word(i + 1) == "as" => {
            return Some(Tense::Future);
        }
        "next" if word(i + 1) != "to" => return Some(Tense::Future),
        "ago" | "yesterday" | "earlier" | "previously" | "recently" => return Some(Tense::Past),
        "last" if !matches!(word(i.wrapping_sub(1)), "the" | "at") => return Some(Tense::Past),
        _ => {}
    }
    if matches!(w, "is" | "are" | "was" | "were" | "am") && word(i + 1) == "to" {
        // "is to resume trading Tuesday"
        return Some(Tense::Future);
    }
    if matches!(w, "is" | "are" | "am") {
        let next = word(i + 1);
        // The present progressive of a doing names an arrangement: "is holding a news
        // conference Friday", "are meeting on Monday" look forward ("is being" does not).
        if next.len() >= 5 && next.ends_with("ing") && !matches!(next, "being" | "nothing") {
            return Some(Tense::Present);
        }
        // "is due on Friday", "are scheduled for Monday".
        if matches!(next, "due" | "scheduled" | "slated" | "set") {
            return Some(Tense::Future);
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
        let subject = !p.is_empty()
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
        assert_eq!(
            tense_for("The ministers planned to meet on Monday.", "Monday"),
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
