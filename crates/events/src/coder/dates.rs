//! Which time expression dates an event, and when a date may turn an event into a plan.
//!
//! A time governs the clause it stands in. A time inside a relative clause ("Okafor, who won
//! the runoff last week, …"), inside a reduced relative ("the levy passed in June") or
//! before a noun as its modifier ("the 2009 referendum") dates only that clause or noun, not a
//! trigger outside it. A trigger in a "when" clause after a noun dated by a modifier ("the
//! June 8 meeting when she demanded …") takes the noun's date. A past-tense verb names a past act,
//! whatever a mis-resolved date says. Each rule is a general fact of English syntax.

use super::{AUX_SKIP, BE, Trig, View, clause_start, is_hard, starts_clause};

/// Irregular simple past forms (and past participles) of common verbs.
const IRREGULAR_PAST: &[&str] = &[
    "took",
    "taken",
    "lost",
    "met",
    "held",
    "said",
    "made",
    "sent",
    "fought",
    "began",
    "begun",
    "led",
    "won",
    "gave",
    "given",
    "went",
    "gone",
    "came",
    "saw",
    "seen",
    "told",
    "struck",
    "shot",
    "threw",
    "thrown",
    "brought",
    "caught",
    "left",
    "fled",
    "sought",
    "stood",
    "spoke",
    "spoken",
    "wrote",
    "written",
    "broke",
    "broken",
    "chose",
    "chosen",
    "drove",
    "driven",
    "ran",
    "flew",
    "flown",
    "knew",
    "known",
    "thought",
    "bought",
    "taught",
    "felt",
    "kept",
    "paid",
    "laid",
    "sold",
    "found",
    "withdrew",
    "withdrawn",
    "overthrew",
    "undertook",
    "swore",
    "sworn",
    "tore",
    "torn",
    "stole",
    "stolen",
    "rose",
    "arose",
    "hid",
    "hidden",
    "slain",
    "slew",
    "beat",
    "beaten",
    "bore",
    "borne",
    "forbade",
    "forgave",
    "froze",
    "wore",
    "became",
    "did",
    "done",
    "had",
    "was",
    "were",
    "got",
    "blew",
    "overran",
    "withheld",
    "upheld",
    "overtook",
    "rode",
    "shook",
    "stuck",
    "sank",
    "sprang",
    "swung",
    "dealt",
    "meant",
    "grew",
    "bit",
    "drew",
    "fell",
    "fed",
    "hung",
    "heard",
    "swept",
    "bound",
    "hit",
    "set",
    "put",
    "cut",
    "shut",
    "quit",
    "spread",
    "let",
];

/// Irregular forms that can be past participles (a reduced relative: "the fee paid to",
/// "the crew held at"); simple-past-only forms ("began", "took", "said" as reporting) are left
/// out, since after a noun they are its finite verb.
const IRREGULAR_PARTICIPLE: &[&str] = &[
    "taken",
    "begun",
    "given",
    "gone",
    "seen",
    "thrown",
    "spoken",
    "written",
    "broken",
    "chosen",
    "driven",
    "flown",
    "known",
    "withdrawn",
    "sworn",
    "torn",
    "stolen",
    "hidden",
    "slain",
    "beaten",
    "borne",
    "held",
    "made",
    "sent",
    "fought",
    "led",
    "won",
    "struck",
    "shot",
    "brought",
    "caught",
    "left",
    "sought",
    "bought",
    "kept",
    "paid",
    "laid",
    "sold",
    "found",
];

/// Words a reduced relative's participle is followed by: its own complement or adjunct.
const PARTICIPLE_NEXT: &[&str] = &[
    "by", "in", "on", "at", "during", "as", "after", "before", "since", "amid", "near", "from",
    "into", "against", "over", "under", "for", "with", "of", "across", "through",
];

/// Verbs whose object or complement may lie ahead of them even when they are past: one
/// arranges, announces, promises, asks for or reports an act to come ("scheduled a vote for
/// the spring", "promised to visit on Thursday").
const FORWARD: &[&str] = &[
    "said",
    "told",
    "announced",
    "agreed",
    "decided",
    "planned",
    "scheduled",
    "promised",
    "vowed",
    "pledged",
    "threatened",
    "called",
    "urged",
    "asked",
    "ordered",
    "proposed",
    "offered",
    "warned",
    "expected",
    "hoped",
    "wanted",
    "voted",
    "approved",
    "invited",
    "arranged",
    "set",
    "confirmed",
    "insisted",
    "demanded",
    "requested",
    "suggested",
    "predicted",
    "signalled",
    "signaled",
    "indicated",
    "reported",
    "added",
    "stated",
    "noted",
    "wrote",
    "declared",
    "claimed",
    "unveiled",
    "outlined",
    "sought",
    "prepared",
    "postponed",
    "delayed",
    "rescheduled",
    "moved",
    "was",
    "were",
    "had",
    "did",
    "got",
    "made",
    "intended",
    "aimed",
    "tried",
    "attempted",
    "needed",
    "prepared",
    "considered",
    "discussed",
    "rejected",
];

/// Words after which a following verb form is no finite past: a future or infinitive marker,
/// a determiner (an adjective: "the wounded"), a modal.
const NOT_FINITE: &[&str] = &[
    "to", "will", "'ll", "shall", "would", "'d", "could", "can", "may", "might", "must", "should",
    "be", "being", "the", "a", "an", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "my", "your", "'s", "is", "are", "am",
];

/// Markers of an act still to come: scanning back from a trigger stops at them.
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "'d",
    "going",
    "plans",
    "plan",
    "planning",
    "scheduled",
    "due",
    "expected",
    "set",
    "next",
    "upcoming",
    "intends",
    "intend",
    "aims",
    "hopes",
    "wants",
];

/// Relative pronouns opening a clause that modifies a noun.
const RELATIVE: &[&str] = &["who", "whom", "whose", "which"];

/// Determiners and possessives that open a noun phrase a time may modify ("the 2016 election").
const DETERMINER: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "'s", "this", "last",
];

/// An irregular simple past or past participle (the one list the coder keeps of them).
pub(super) fn irregular_past(w: &str) -> bool {
    IRREGULAR_PAST.contains(&w)
}

/// A simple past or past-participle form: "-ed" (not "-eed" nouns like "need", "speed") or
/// an irregular form.
pub(super) fn past_form(w: &str) -> bool {
    irregular_past(w)
        || (w.len() > 4
            && w.ends_with("ed")
            && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
            && (!w.ends_with("eed") || matches!(w, "agreed" | "freed" | "decreed" | "guaranteed")))
}

/// Word `i` is a finite past verb: a past form not after a modal, an infinitive "to", a
/// determiner or a present auxiliary.
pub(super) fn finite_past(v: &View, i: usize) -> bool {
    past_form(v.low(i)) && !(i > 0 && v.is_any(i - 1, NOT_FINITE))
}

/// The trigger is a past act: its own verb is finite past ("audited a charity", "resisted
/// the merger"), or the nearest verb governing it in its clause is a past verb that does not
/// look ahead ("marched to the depot to block lorries"). A future marker between them stops
/// the search ("stated that a vote will be taken").
pub(super) fn past_act(v: &View, t: &Trig, noun: bool) -> bool {
    if !noun && finite_past(v, t.head) {
        return true;
    }
    let cs = clause_start(v, t.head);
    for k in (cs..t.head).rev() {
        let w = v.low(k);
        if FUTURE.contains(&w) {
            return false;
        }
        if finite_past(v, k) && k > 0 && !v.words[k - 1].punct {
            return !FORWARD.contains(&w);
        }
    }
    false
}

/// "Okafor's attempt to", "an attempt to", "tried to": the cue word `w` of a plan cue read
/// as a made attempt, at word `i` before the trigger. A noun "attempt" names an attempt that
/// was made unless a future marker precedes it in its clause ("is set to try once more");
/// "attempted"/"tried" are made attempts when finite past.
pub(super) fn made_attempt(v: &View, t: &Trig) -> bool {
    let cs = clause_start(v, t.head);
    let Some(i) = (cs..t.head).rev().find(|&k| {
        v.is_any(
            k,
            &["attempt", "attempts", "attempted", "tried", "try", "tries"],
        )
    }) else {
        return false;
    };
    if !v.is(i + 1, "to") {
        return false;
    }
    // "tried to force him to resign": the attempt was the forcing; the act it aimed at, an
    // infinitive further on, did not happen because of it
    if (i + 2..t.head).any(|k| v.is(k, "to")) {
        return false;
    }
    match v.low(i) {
        "attempted" | "tried" => {
            finite_past(v, i) || (i > 0 && v.is_any(i - 1, &["had", "has", "have"]))
        }
        "attempt" | "attempts" => {
            i > 0
                && !(v.is(i - 1, "to"))
                && !(cs..i).any(|k| {
                    FUTURE.contains(&v.low(k)) || v.is_any(k, &["another", "new", "fresh"])
                })
        }
        _ => false,
    }
}

/// The time at words `k..=kend` lies inside a relative clause ("who won … last week") that
/// does not hold word `head`.
pub(super) fn in_other_relative(v: &View, k: usize, head: usize) -> bool {
    let Some(j) = (0..k)
        .rev()
        .take_while(|&j| !is_hard(v, j))
        .find(|&j| v.is_any(j, RELATIVE))
    else {
        return false;
    };
    // a relative clause set off by a comma ends at the next comma; else at its clause end
    let commas = j > 0 && v.is(j - 1, ",");
    let mut end = j + 1;
    while end < v.len()
        && !is_hard(v, end)
        && !(commas && v.is(end, ","))
        && !(end > j + 1 && starts_clause(v, end) && !v.is(end, "that"))
    {
        end += 1;
    }
    if k >= end {
        return false;
    }
    !(j..end).contains(&head)
}

/// A past participle right after a noun at a word in `lo..hi`, with no auxiliary before it:
/// a reduced relative clause ("the levy passed by the assembly", "damage caused in the
/// flood").
pub(super) fn reduced_relative(v: &View, lo: usize, hi: usize) -> bool {
    (lo.max(1)..hi).any(|p| {
        let prev = &v.words[p - 1];
        let w = v.low(p);
        (IRREGULAR_PARTICIPLE.contains(&w) || (past_form(w) && w.ends_with("ed")))
            && v.is_any(p + 1, PARTICIPLE_NEXT)
            && !v.words[p].upper
            && !prev.punct
            && !prev.upper
            && !prev.time
            && !v.is_any(p - 1, AUX_SKIP)
            && !v.is_any(p - 1, BE)
            && !v.is_any(p - 1, NOT_FINITE)
            && !v.is_any(
                p - 1,
                &[
                    "and",
                    "or",
                    "but",
                    "who",
                    "which",
                    "that",
                    "he",
                    "she",
                    "they",
                    "it",
                    "we",
                    "i",
                    "you",
                    "not",
                    "also",
                    "then",
                    "later",
                    "police",
                    "officials",
                ],
            )
            && !v.low(p - 1).ends_with("ly")
            && !past_form(v.low(p - 1))
    })
}

/// The time at words `k..=kend` modifies the noun right after it ("the 2009 referendum",
/// "the mayor's June 8 meeting"): returns that noun's index.
pub(super) fn modified_noun(v: &View, k: usize, kend: usize) -> Option<usize> {
    if k == 0 || !v.is_any(k - 1, DETERMINER) {
        return None;
    }
    // "in the 1948 flood", "during an April 2 tour": the phrase is itself a time adjunct
    if k >= 2
        && v.is_any(
            k - 2,
            &[
                "in",
                "during",
                "at",
                "since",
                "after",
                "before",
                "until",
                "following",
                "amid",
            ],
        )
    {
        return None;
    }
    let n = kend + 1;
    (n < v.len()
        && !v.words[n].punct
        && !v.words[n].time
        && !v.is_any(n, super::PREPOSITIONS)
        && !v.is_any(n, &["and", "or", "to", "when", "that", "which", "who"]))
    .then_some(n)
}

/// The trigger lies in a "when" clause right after noun `n` ("the meeting when she demanded"):
/// such a clause takes the noun's date.
pub(super) fn when_clause_of(v: &View, n: usize, head: usize) -> bool {
    // the noun may be a compound: "the June 8 council meeting when …"
    (n + 1..=n + 2)
        .any(|w| v.is(w, "when") && head > w && head <= w + 4 && clause_start(v, head) == w)
}

/// A subject trigger of a copula whose predicate is another trigger: "The depot blast was a
/// raid on 4 June": the trigger index of the predicate noun.
pub(super) fn copular_predicate(v: &View, trigs: &[Trig], ti: usize) -> Option<usize> {
    let t = &trigs[ti];
    let be = t.end;
    if !v.is_any(be, &["was", "is", "were", "are"]) {
        return None;
    }
    let mut k = be + 1;
    if v.is_any(k, &["a", "an", "the"]) {
        k += 1;
    }
    // one adjective may come between: "a brazen raid"
    trigs
        .iter()
        .position(|o| o.head == k || (o.head == k + 1 && !v.words[k].punct))
}

/// Words of a sentence that tell the present or the future: a sentence with one of them is
/// not part of a story told in the past.
const PRESENT: &[&str] = &[
    "is",
    "are",
    "am",
    "has",
    "have",
    "will",
    "says",
    "say",
    "won't",
    "can",
    "does",
    "do",
    "isn't",
    "aren't",
    "hasn't",
    "haven't",
    "don't",
    "doesn't",
    "today",
    "now",
    "should",
    "must",
    "comes",
    "come",
    "seems",
    "seem",
    "remains",
    "remain",
    "appears",
    "appear",
    "continues",
    "continue",
    "tries",
    "try",
    "wants",
    "want",
    "needs",
    "need",
    "thinks",
    "think",
    "believes",
    "believe",
    "knows",
    "know",
    "includes",
    "include",
    "shows",
    "show",
];

fn tells_present(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| PRESENT.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Months from the end of a time's value (`2008-07`, `2009`, `199X`, `2010-03-04/2010-05`)
/// to the publication date; `None` when the value is no calendar value.
fn months_before(value: &str, published: jiff::civil::Date) -> Option<i32> {
    let end = value.rsplit('/').next()?;
    let year: i32 = end.get(..4)?.replace('X', "9").parse().ok()?;
    let month: i32 = end
        .get(5..7)
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m))
        .unwrap_or(12);
    Some((i32::from(published.year()) * 12 + i32::from(published.month())) - (year * 12 + month))
}

/// A sentence of a story told in the past, a year or more before publication: "They met
/// again, in July 2008, when Mr. Obama was visiting Jerusalem. After talking about security,
/// Mr. Netanyahu suggested that they walk to the attack site." The sentence has no time of its
/// own and tells no present; the nearest time in the four sentences before it (each telling no
/// present either) ended a year or more before publication and dates an act told there by a
/// verb in the past. Its past acts belong to that
/// story, not to the day of publication: they get no date rather than the publication date.
pub(super) fn narrative_past(
    doc: &dateline_doc::Doc,
    sentence: usize,
    earlier: &[dateline_doc::Event],
) -> bool {
    let Some(published) = doc.meta.published else {
        return false;
    };
    let body = |s: usize| !super::in_headline(doc, s);
    let span = doc.sentences[sentence].span;
    if !body(sentence)
        || doc.times.iter().any(|t| span.contains(t.span))
        || tells_present(doc.slice(span))
    {
        return false;
    }
    for back in 1..=4 {
        let Some(s) = sentence.checked_sub(back).filter(|&s| body(s)) else {
            return false;
        };
        let span = doc.sentences[s].span;
        if tells_present(doc.slice(span)) {
            return false;
        }
        // (a time before a noun names that thing, not the story's time: "one of 26 people
        // killed in the December 2012 shooting", "a 2010 fraud lawsuit"; so does one in a
        // relative clause: "their son, who died in Iraq in 2004")
        let before = |t: &dateline_doc::Time| {
            doc.slice(dateline_doc::Span::new(span.start, t.span.start))
                .split_whitespace()
                .rev()
                .take(2)
                .map(str::to_lowercase)
                .take_while(|w| {
                    !matches!(
                        w.as_str(),
                        "in" | "on" | "since" | "from" | "during" | "by" | "until" | "of"
                    )
                })
                .any(|w| {
                    matches!(
                        w.as_str(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their"
                    ) || w.ends_with("'s")
                        || w.ends_with("’s")
                })
        };
        let relative = |t: &dateline_doc::Time| {
            doc.slice(dateline_doc::Span::new(span.start, t.span.start))
                .split_whitespace()
                .rev()
                .take(8)
                .any(|w| matches!(w.to_lowercase().as_str(), "who" | "which" | "whose"))
        };
        // (and it dates an act told by a verb in the past there: "Biden visited Israel in
        // March 2010"; "a felon due to an armed robbery in Alabama in 1977" dates a noun)
        let dates_a_past_verb = |ti: usize| {
            earlier.iter().any(|e| {
                e.sentence == s
                    && e.date.as_ref().is_some_and(|d| d.time == Some(ti))
                    && doc
                        .slice(e.trigger)
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| past_form(&w.to_lowercase()))
            })
        };
        if let Some(ti) = doc.times.iter().rposition(|t| span.contains(t.span)) {
            let t = &doc.times[ti];
            // (or it opens its sentence: "In July 2008, they met again")
            let opens = doc
                .slice(dateline_doc::Span::new(span.start, t.span.start))
                .split_whitespace()
                .all(|w| matches!(w.to_lowercase().as_str(), "in" | "on" | "by" | "during"));
            // (nor an aside in a story of today: "Police arrested a man on Tuesday. He was
            // first arrested in 2009. Officers seized two rifles": a recent time in the two
            // sentences before the old one keeps the story today's)
            let aside = (s.saturating_sub(2)..s).any(|r| {
                doc.times.iter().any(|x| {
                    doc.sentences[r].span.contains(x.span)
                        && months_before(&x.value, published).is_some_and(|m| m < 12)
                })
            });
            return !before(t)
                && !relative(t)
                && !aside
                && (dates_a_past_verb(ti) || opens)
                && months_before(&t.value, published).is_some_and(|m| m >= 12);
        }
    }
    false
}
