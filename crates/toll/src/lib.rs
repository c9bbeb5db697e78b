//! Casualty counts tied to events: who was killed, injured, missing, arrested, kidnapped or
//! displaced, how many, and (when the other layers have them) which event, place, date and
//! source each count belongs to.
//!
//! # How counts are read
//!
//! Each sentence is scanned for *cues* from `lexicon/cues.txt` (longest phrase first). A cue's
//! role says where its victims are written: before it ("two soldiers died", "seven people
//! were killed", "30 dead", "28 arrests"), after it ("killing seven people", "claimed 30
//! lives"), or as the number after a toll ("the death toll rose to 30"). The victims are a
//! noun phrase with a quantity, or an implicit count of one: a singular person noun with a
//! determiner ("a man was shot dead", "the 18-year-old was arrested" — the age is part of the
//! noun, not a count), a name ("Gerald Roberson, 39, was found shot dead"), or he/she.
//! Coordinated subjects add up ("a man and a woman were wounded" → 2). A subject shared by
//! two verbs is reused ("a man was shot and later died"; "six passengers were dragged out and
//! had their throats cut"); an elided "be" is shared too ("one man was killed and another
//! wounded"). A subject is found past an age ("Roberson, 39,"), an appositive ("the victim,
//! identified as Ethan Fountain,"), a prepositional phrase ("a man in a car") or a relative
//! clause ("a dentist who served on the commission died"). "A second/third …" is one more
//! victim. Nominal forms name their victim after "of" ("the fatal shooting of a 16-year-old
//! boy"). Injury nouns count the clause's subject when a verb or preposition of suffering
//! governs them ("a woman arrived at a hospital suffering from a gunshot wound", "found a man
//! with non-life-threatening injuries") or their possessor ("the victim's injuries were not
//! life-threatening").
//!
//! An active verb ("shot", "killed") reads as a passive without "be" only with a counted
//! subject and no object after it ("two people killed in …", but not "she shot a cougar" nor
//! "he shot twice"); "shot at" with nothing hit is no count. Negated, modal and infinitive
//! uses are skipped ("no one was hurt", "was not injured", "neither suffered injuries",
//! "could have been killed", "was nearly killed", "threatened to kill", "threatened to harm
//! his family and kill himself"). A subgroup introduced by "including" or "among them" gets
//! `part_of` its total ("More than 370 people, including nearly 70 children, …"). A count
//! whose victims kill themselves ("killed himself", "turned the gun on herself", "found dead
//! from a self-inflicted gunshot wound") has `group: "self"`.

//! # Quantities, as stated
//!
//! Qualifiers (`lexicon/qualifiers.txt`): "more than/over n" → min n+1, no max; "at least n"
//! → min n; "fewer than/less than/under n" → max n−1; "up to n" → max n; "nearly/almost/close
//! to n" → max n, approx; "about/around/some/approximately/an estimated n" → min = max = n,
//! approx; "as many as n" → max n, approx; "between n and m", "n to m", "n-m" → min n, max m;
//! "a further n", "another n", "n more" → n, marked as an addition to earlier counts.
//!
//! Vague words (`lexicon/quantities.txt`), one rule each: "dozens" → min 24 (two dozen),
//! approx; "scores" → min 40 (two score), approx; "hundreds" → min 200, "thousands" → min
//! 2,000, "tens of thousands" → min 20,000, "hundreds of thousands" → min 200,000, "millions"
//! → min 2,000,000, all approx and without max; "several" → min 3, approx; "a few" → min 2,
//! approx; "a handful" → 3–5, approx; "a dozen" → 12, "half a dozen" → 6, "a couple"/"a
//! pair"/"both" → 2, exact.
//!
//! Not counts: numbers followed by "%"/"percent", preceded by a currency sign, heading units of
//! time, measure or things (`lexicon/not_heads.txt`: "3 times", "2 years"); years; population
//! figures (no casualty cue: "an estimated 250,000 people are trapped").
//!
//! # Gunfire and hospital cues
//!
//! "Shot", "struck by gunfire", "hospitalized", "in critical condition", "suffered a gunshot
//! wound" name people hit, some of whom may have died. Such a count becomes an *injured*
//! count only for those not counted as killed in the article: a shot count of n with k others
//! killed in the article (see [`totals`]; the perpetrator's own death is not among those he
//! shot) yields injured n − k when n > k, else nothing ("two men were shot; one died" →
//! killed 1, injured 1). "Shot himself" is an injury only if nobody in the article died. "A
//! second victim"/"another three" are someone else and are never reduced. An injured and a
//! killed count on the very same words ("a man was critically injured and later died") keep
//! only the killed one, and when the article's first death is a pronoun ("She later died"),
//! the person last reported injured is that person.

//! # Links
//!
//! `event`: an event in the same sentence whose CAMEO root fits the kind (18/19/20 for harm, 17
//! for arrests), else the nearest such event before it. `place`: the place mentioned in the
//! same sentence nearest the count. `date`: a time expression in the same sentence (an
//! interval such as "since September 22" is preferred and given as `from/to`), else the
//! linked event's date. `reported_by`: an entity in the sentence after "according to" or
//! next to "said/says/reported/told".
//!
//! When the sentence layer is empty the blocks stand in for sentences (and `sentence` is 0).

mod lex;
mod qty;
mod tok;

use dateline_doc::{Basis, Casualty, CasualtyKind, DateRef, Doc, EntityKind, Span};
use dateline_segment::is_alphanumeric;
use dateline_time::WEEKDAYS;
use lex::{Kind, LEX, Role};
use tok::Tok;

/// The victims of one cue, as a token range of the sentence.
#[derive(Clone, Debug)]
struct Victims {
    s: usize,
    e: usize,
    min: Option<u64>,
    max: Option<u64>,
    approx: bool,
    extra: bool,
    group: Option<String>,
    sub: Option<Box<Victims>>,
    /// A count of one read from a singular noun, a name or a pronoun, not from a number.
    implicit: bool,
}

impl Victims {
    fn one(s: usize, e: usize, group: Option<String>) -> Victims {
        Victims {
            s,
            e,
            min: Some(1),
            max: Some(1),
            approx: false,
            extra: false,
            group,
            sub: None,
            implicit: true,
        }
    }
    fn value(&self) -> u64 {
        self.min.or(self.max).unwrap_or(0)
    }
}

/// Words skipped between the victims and a cue that follows them.
fn aux(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "'s"
            | "also"
            | "reportedly"
            | "allegedly"
            | "later"
            | "all"
            | "both"
            | "subsequently"
            | "then"
            | "eventually"
            | "initially"
            | "apparently"
            | "believed"
            | "thought"
            | "reported"
            | "feared"
            | "known"
            | "confirmed"
            | "understood"
            | "said"
            | "now"
            | "already"
            | "still"
            | "each"
            | "tragically"
            | "instantly"
            | "immediately"
            | "ultimately"
            | "critically"
            | "seriously"
            | "severely"
            | "badly"
            | "slightly"
            | "mortally"
            | "gravely"
            | "fatally"
            | "himself"
            | "herself"
            | "themselves"
            | "who"
            | "that"
            | "which"
            | "found"
            | "listed"
            | "got"
            | "gets"
            | "get"
            | "since"
            | "recently"
            | "previously"
            | "just"
            | "officially"
            | "shortly"
            | "to"
    )
}

/// "accidentally shot", "critically injured": adverbs between the victims and the cue.
fn adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "early" | "family" | "rally")
}

/// Words that make a cue not a report of something that happened.
fn blocking(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "never"
            | "no"
            | "could"
            | "would"
            | "might"
            | "may"
            | "should"
            | "must"
            | "will"
            | "can"
            | "cannot"
            | "nearly"
            | "almost"
            | "narrowly"
            | "nobody"
            | "none"
            | "neither"
            | "nor"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

/// Words after which "to" does not make an infinitive plan: "believed to have been killed".
fn report_verb(w: &str) -> bool {
    matches!(
        w,
        "believed"
            | "reported"
            | "said"
            | "thought"
            | "known"
            | "confirmed"
            | "feared"
            | "understood"
            | "appeared"
            | "appears"
            | "seemed"
            | "seems"
    )
}

fn connector(w: &str) -> bool {
    matches!(
        w,
        "and" | "after" | "before" | "then" | "but" | "when" | "until" | "while"
    )
}

fn np_word(t: &Tok) -> bool {
    !t.punct && !LEX.stop.contains(t.w)
}

fn is_person(w: &str) -> bool {
    LEX.persons.contains(w)
        || w.ends_with("-year-old")
        || w.ends_with("‑year‑old")
        || w.ends_with("-month-old")
}

/// A word that can head a counted group of people: not a thing or unit, and not a capitalised
/// name ("201 Lightner Lane") unless a plural of a people ("three Palestinians", "two
/// Israelis").
fn group_head(t: &Tok) -> bool {
    !LEX.not_heads.contains(t.w)
        && (!t.cap
            || (!LEX.not_names.contains(t.w)
                && ["ans", "is", "ese", "ites"]
                    .iter()
                    .any(|e| t.w.ends_with(e))))
}

/// Verbs whose subject "shot" is the noun (a round fired), not a victim's verb.
fn shot_noun_verb(w: &str) -> bool {
    matches!(
        w,
        "struck"
            | "hit"
            | "hits"
            | "went"
            | "rang"
            | "missed"
            | "grazed"
            | "pierced"
            | "entered"
            | "flew"
            | "shattered"
            | "landed"
            | "ricocheted"
            | "came"
    )
}

/// Heads of an organisation's name ("Shooting Response Team", "Homicide Unit").
fn org_head(w: &str) -> bool {
    matches!(
        w,
        "team" | "unit" | "squad" | "task" | "force" | "board" | "division" | "bureau" | "section"
    )
}

fn ordinal(w: &str) -> bool {
    matches!(w, "second" | "third" | "fourth" | "fifth")
}

fn singular_det(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "its"
            | "another"
            | "one"
            | "our"
            | "my"
    )
}

fn name_word(t: &Tok) -> bool {
    (t.cap && !t.punct && !LEX.not_names.contains(t.w)) || t.w.ends_with("-year-old")
}

/// "20 year-old", "20 years old": the number is an age.
fn age_word(t: &Tok) -> bool {
    t.w.starts_with("year") || t.w.starts_with("-year") || t.w.starts_with("month-old")
}

fn year_like(t: &Tok) -> bool {
    t.w.len() == 4
        && t.w.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&t.w.parse::<u32>().unwrap_or(0))
}

fn np_before(t: &[Tok], end: usize) -> Option<Victims> {
    np_before_d(t, end, 0)
}

fn prep(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "from" | "of" | "with" | "near" | "inside" | "outside" | "on" | "for"
    )
}

/// Victims written as a noun phrase ending just before token `end`.
fn np_before_d(t: &[Tok], end: usize, depth: u8) -> Option<Victims> {
    let mut end = end;
    if end == 0 || depth > 3 {
        return None;
    }
    // age apposition: "Gerald Roberson, 39, was …", "the victim, also 20, is …"
    if end >= 3 && t[end - 1].w == "," && t[end - 2].num {
        if t[end - 3].w == "," {
            end -= 3;
        } else if end >= 4 && t[end - 4].w == "," && matches!(t[end - 3].w, "also" | "aged" | "age")
        {
            end -= 4;
        }
    }
    // a dash parenthesis: "a 14-year-old girl — believed to be a bystander — was shot"
    if end >= 2
        && matches!(t[end - 1].w, "—" | "–")
        && let Some(open) = (end.saturating_sub(20)..end - 1)
            .rev()
            .find(|&p| t[p].w == t[end - 1].w)
    {
        end = open;
    }
    // a hedged description between subject and verb: "a man believed to be in his 20s was
    // shot", "a woman thought to be about 40 was found dead"
    if end >= 4
        && let Some(p) = (end.saturating_sub(9)..end - 2).rev().find(|&p| {
            matches!(t[p].w, "believed" | "thought" | "estimated" | "described")
                && matches!(t[p + 1].w, "to" | "as")
        })
        && p > 0
        && !t[p..end].iter().any(|x| matches!(x.w, "," | "." | ";"))
    {
        end = p;
    }
    // parenthesis
    if end >= 1 && t[end - 1].w == ")" {
        let open = (end.saturating_sub(12)..end - 1)
            .rev()
            .find(|&p| t[p].w == "(")?;
        end = open;
    }
    // ", including nearly 70 children," / ", among them 12 children,"
    let mut sub = None;
    if end >= 4 && t[end - 1].w == "," {
        let lo = end.saturating_sub(12);
        if let Some(p) = (lo..end - 1).rev().find(|&p| {
            (t[p].w == "including" || (t[p].w == "them" && p > 0 && t[p - 1].w == "among"))
                && p >= 2
        }) {
            let comma = if t[p].w == "them" { p - 2 } else { p - 1 };
            if t[comma].w == ","
                && let Some(v) =
                    np_before_d(t, end - 1, depth + 1).filter(|v| v.s == p + 1 && !v.implicit)
            {
                sub = Some(Box::new(v));
                end = comma;
            }
        }
    }
    if end == 0 {
        return None;
    }
    // an appositive names the victims: "the victim, identified as Ethan Fountain, was shot"
    if sub.is_none() && t[end - 1].w == "," {
        return np_before_d(t, end - 1, depth + 1);
    }
    let mut a = end;
    while a > 0 && end - a < 9 && np_word(&t[a - 1]) {
        a -= 1;
    }
    if a == end {
        return None;
    }
    // a quantity, leftmost first; qualifiers may reach before the collected words
    let lo = a.saturating_sub(4);
    for s in lo..end {
        let Some(q) = qty::parse(t, s) else { continue };
        if q.end > end || (s < a && q.end < a) || !t[q.end..end].iter().all(np_word) {
            continue;
        }
        if t.get(q.end).is_some_and(age_word) {
            return None;
        }
        // one number per phrase: "… hospital. 14277264 Two people were shot"
        if t[q.end..end]
            .iter()
            .any(|x| x.num || qty::number(std::slice::from_ref(x), 0).is_some())
        {
            continue;
        }
        if s > 0 && (t[s - 1].w == "no" || t[s - 1].w == "than") {
            return None;
        }
        let head = (q.end < end).then(|| t[end - 1].w);
        if head.is_some_and(|h| LEX.not_heads.contains(h))
            || (q.end < end && !group_head(&t[end - 1]))
        {
            return None;
        }
        // "one trailer": a count of one names a person
        if q.max == Some(1) && head.is_some_and(|h| !is_person(h)) {
            return None;
        }
        if head.is_none()
            && (year_like(&t[s])
                || (s > 0
                    && matches!(
                        t[s - 1].w,
                        "in" | "on" | "at" | "since" | "until" | "by" | "from" | "to" | "/"
                    )))
        {
            return None;
        }
        return Some(Victims {
            s,
            e: end,
            min: q.min,
            max: q.max,
            approx: q.approx,
            extra: q.extra,
            group: head.map(str::to_string),
            sub,
            implicit: false,
        });
    }
    // "two of them", "one of the victims"
    if a >= 2 && t[a - 1].w == "of" {
        for s in (a - 1).saturating_sub(4)..a - 1 {
            if let Some(q) = qty::parse(t, s).filter(|q| q.end == a - 1) {
                let group = t[end - 1].w;
                return Some(Victims {
                    s,
                    e: end,
                    min: q.min,
                    max: q.max,
                    approx: q.approx,
                    extra: q.extra,
                    group: (group != "them" && group != "whom").then(|| group.to_string()),
                    sub,
                    implicit: false,
                });
            }
        }
    }
    let head = t[end - 1];
    if end - a == 1 && matches!(head.w, "he" | "she" | "another") {
        return Some(Victims::one(a, end, None));
    }
    // "a second was grazed", "a third victim died": one more
    if let Some(o) = (a..end).find(|&p| ordinal(t[p].w))
        && o > a
        && t[o - 1].w == "a"
        && (o + 1 == end || is_person(head.w))
    {
        let mut v = Victims::one(o - 1, end, (o + 1 < end).then(|| head.w.to_string()));
        v.extra = true;
        return Some(v);
    }
    // "one man was killed and the other wounded"
    if end - a == 2 && head.w == "other" && matches!(t[a].w, "the" | "one") {
        return Some(Victims::one(a, end, None));
    }
    // "the 18-year-old", "police found a man"
    if is_person(head.w)
        && let Some(d) = (a..end - 1).rev().find(|&p| singular_det(t[p].w))
    {
        let mut v = Victims::one(d, end, Some(head.w.to_string()));
        v.sub = sub;
        return Some(v);
    }
    // a name: "Chad Murray", "42-year-old Marvin Allen"
    let mut n = end;
    while n > a && name_word(&t[n - 1]) {
        n -= 1;
    }
    if n < end && head.cap {
        return Some(Victims::one(n, end, None));
    }
    // not a person: the subject may come before a prepositional phrase ("a man in a car")
    if a >= 2
        && prep(t[a - 1].w)
        && let Some(v) = np_before_d(t, a - 1, depth + 1)
    {
        return Some(v);
    }
    // or before a relative clause ("a dentist who served on the commission died")
    if let Some(w) = (end.saturating_sub(14)..a).rev().find(|&p| t[p].w == "who") {
        return np_before_d(t, w, depth + 1);
    }
    None
}

/// Coordinated subjects add up: "a man and a woman were shot" → 2.
fn coordinate(t: &[Tok], first: &mut Victims) {
    let mut s = first.s;
    let pronoun = |v: &Victims| matches!(t[v.s].w, "he" | "she");
    while s >= 2 && t[s - 1].w == "and" && !pronoun(first) {
        // not another count's words: "left 15 dead and dozens wounded"
        let Some(w) = np_before(t, s - 1)
            .filter(|w| w.e == s - 1 && !pronoun(w) && !LEX.cues.contains_key(t[w.e - 1].w))
        else {
            break;
        };
        first.s = w.s;
        first.min = first.min.zip(w.min).map(|(a, b)| a.saturating_add(b));
        first.max = first.max.zip(w.max).map(|(a, b)| a.saturating_add(b));
        first.approx |= w.approx;
        first.group = None;
        first.implicit &= w.implicit;
        s = w.s;
    }
}

/// Victims written as an object starting at token `k`.
fn np_after(t: &[Tok], k: usize) -> Option<Victims> {
    let mut k = k;
    while k < t.len() && matches!(t[k].w, "also" | "reportedly" | "allegedly") {
        k += 1;
    }
    let first = t.get(k)?;
    let head_end = |from: usize| {
        let mut j = from;
        while j < t.len()
            && j - from < 4
            && np_word(&t[j])
            && !LEX.not_names.contains(t[j].w)
            && !matches!(
                t[j].w,
                "last" | "earlier" | "overnight" | "inside" | "outside"
            )
            && !LEX.cues.contains_key(t[j].w)
        {
            j += 1;
        }
        j
    };
    if let Some(q) = qty::parse(t, k).filter(|q| !t.get(q.end).is_some_and(age_word)) {
        let mut j = head_end(q.end);
        let mut group = (j > q.end).then(|| t[j - 1].w);
        // "two of the men"
        if j == q.end && t.get(j).is_some_and(|x| x.w == "of") {
            let j2 = head_end(j + 1);
            if j2 > j + 1 {
                group = Some(t[j2 - 1].w).filter(|g| *g != "them");
                j = j2;
            }
        }
        if group.is_some_and(|h| LEX.not_heads.contains(h))
            || (j > q.end && !group_head(&t[j - 1]))
            || (q.max == Some(1) && group.is_some_and(|h| !is_person(h)))
        {
            return None;
        }
        if group.is_none() && year_like(&t[k]) {
            return None;
        }
        return Some(Victims {
            s: k,
            e: j,
            min: q.min,
            max: q.max,
            approx: q.approx,
            extra: q.extra,
            group: group.map(str::to_string),
            sub: None,
            implicit: false,
        });
    }
    match first.w {
        "him" => return Some(Victims::one(k, k + 1, None)),
        // "her" alone, not "her fiance's dog"
        "her"
            if !t
                .get(k + 1)
                .is_some_and(|x| np_word(x) && !LEX.not_names.contains(x.w)) =>
        {
            return Some(Victims::one(k, k + 1, None));
        }
        "himself" | "herself" => return Some(Victims::one(k, k + 1, Some("self".into()))),
        "another" if !t.get(k + 1).is_some_and(|x| np_word(x) && is_person(x.w)) => {
            return Some(Victims::one(k, k + 1, None));
        }
        _ => {}
    }
    if singular_det(first.w) {
        let j = head_end(k + 1);
        if j > k + 1 && is_person(t[j - 1].w) {
            return Some(Victims::one(k, j, Some(t[j - 1].w.to_string())));
        }
        return None;
    }
    if name_word(first) {
        let mut j = k;
        while j < t.len() && j - k < 5 && name_word(&t[j]) {
            j += 1;
        }
        if t[j - 1].cap {
            return Some(Victims::one(k, j, None));
        }
    }
    None
}

/// The subject of the clause a cue at `p` sits in: the nearest person phrase to its left.
fn clause_subject(t: &[Tok], p: usize) -> Option<Victims> {
    // the clause starts after the last stop within reach; its first person phrase is the
    // subject (the nearest one is more often an object: "argued with her two sons and was
    // stabbed")
    let mut lo = p.saturating_sub(25);
    for q in (lo..p).rev() {
        if matches!(t[q].w, "." | ";" | "?" | "!" | ":") {
            lo = q + 1;
            break;
        }
    }
    if t[lo..p].iter().any(|x| blocking(x.w)) {
        return None;
    }
    (lo + 1..=p).find_map(|q| {
        np_before(t, q).filter(|v| v.s >= lo && v.e <= q && (v.implicit || v.group.is_some()))
    })
}

/// Skip auxiliaries and adverbs leftwards from a cue at `c`. Returns the end of the victims'
/// phrase, whether "both" was seen, whether a form of "be" was seen (a passive), or `None`
/// when the cue is negated or modal.
fn skip_aux(t: &[Tok], c: usize) -> Option<(usize, bool, bool)> {
    let mut j = c;
    let mut both = false;
    let mut be = false;
    while j > 0 {
        let w = t[j - 1].w;
        if blocking(w) {
            return None;
        }
        // "appeared to suffer", "seemed to be hurt"
        let reporting = report_verb(w) && t.get(j).is_some_and(|x| x.w == "to");
        if !aux(w) && !adverb(w) && !reporting {
            break;
        }
        if w == "to" && !(j >= 2 && report_verb(t[j - 2].w)) {
            return None;
        }
        both |= w == "both";
        be |= matches!(
            w,
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "'s" | "got" | "gets" | "get"
        );
        j -= 1;
    }
    Some((j, both, be))
}

fn blocked_before(t: &[Tok], c: usize) -> bool {
    // "threatened to kill", "kept him from killing himself"
    if c > 0 && matches!(t[c - 1].w, "to" | "from") {
        return true;
    }
    // "threatened to harm his family and kill himself"
    if c > 0
        && t[c - 1].w == "and"
        && t[c.saturating_sub(7)..c - 1]
            .iter()
            .rev()
            .take_while(|x| !x.punct)
            .any(|x| x.w == "to")
    {
        return true;
    }
    t[c.saturating_sub(3)..c]
        .iter()
        .any(|x| blocking(x.w) && x.w != "no")
}

/// A word right after a verb that shows it is active with an object ("she shot into a
/// home", "shot a cougar", "shot twice").
fn object_like(t: Option<&Tok>) -> bool {
    let Some(x) = t else { return false };
    singular_det(x.w)
        || x.num
        || qty::number(std::slice::from_ref(x), 0).is_some()
        || LEX.not_heads.contains(x.w)
        || matches!(
            x.w,
            "him"
                | "them"
                | "it"
                | "himself"
                | "herself"
                | "themselves"
                | "into"
                | "at"
                | "through"
                | "toward"
                | "towards"
                | "up"
                | "back"
                | "twice"
                | "out"
                | "off"
                | "some"
                | "several"
                | "multiple"
                | "his"
                | "her"
                | "their"
        )
}

/// "shot at" with nothing hit: "was shot at but not struck", "shot at the car".
fn shot_at_missed(t: &[Tok], e: usize) -> bool {
    t.get(e).is_some_and(|x| x.w == "at")
        && t.get(e + 1).is_none_or(|x| {
            x.punct
                || matches!(
                    x.w,
                    "by" | "after"
                        | "but"
                        | "and"
                        | "while"
                        | "from"
                        | "multiple"
                        | "several"
                        | "twice"
                        | "repeatedly"
                        | "during"
                        | "when"
                        | "as"
                )
        })
}

/// One count before linking.
#[derive(Clone, Debug)]
struct Mention {
    sentence: usize,
    span: Span,
    kind: Kind,
    v: Victims,
    part_of: Option<usize>,
}

fn tok_span(t: &[Tok], v: &Victims) -> Span {
    Span::new(t[v.s].s, t[v.e - 1].e)
}

fn push(out: &mut Vec<Mention>, t: &[Tok], sentence: usize, kind: Kind, v: Victims) {
    let span = tok_span(t, &v);
    if out.iter().any(|m| m.span == span && m.kind == kind) {
        return;
    }
    let sub = v.sub.clone();
    let total = out.len();
    out.push(Mention {
        sentence,
        span,
        kind,
        v,
        part_of: None,
    });
    if let Some(s) = sub {
        out.push(Mention {
            sentence,
            span: tok_span(t, &s),
            kind,
            v: *s,
            part_of: Some(total),
        });
    }
}

/// Trigger of a harm noun: "suffered a gunshot wound", "with non-life-threatening injuries".
fn harm_trigger(t: &[Tok], c: usize) -> Option<usize> {
    let lo = c.saturating_sub(6);
    let mut p = c;
    while p > lo {
        let w = t[p - 1].w;
        if t[p - 1].punct || blocking(w) || w == "without" || w == "of" {
            return None;
        }
        let describing = singular_det(w)
            || t[p - 1].num
            || qty::number(&t[p - 1..p], 0).is_some()
            || w.ends_with("-threatening")
            || w.ends_with("-inflicted")
            || w.ends_with("ly")
            || matches!(
                w,
                "minor"
                    | "serious"
                    | "critical"
                    | "severe"
                    | "grave"
                    | "superficial"
                    | "apparent"
                    | "possible"
                    | "multiple"
                    | "several"
                    | "gunshot"
                    | "bullet"
                    | "stab"
                    | "what"
                    | "appeared"
                    | "appear"
                    | "appears"
                    | "to"
                    | "be"
                    | "are"
                    | "were"
                    | "was"
                    | "life-threatening"
                    | "non-life"
                    | "threatening"
                    | "life"
                    | "fatal"
                    | "significant"
                    | "non"
                    | "graze"
                    | "single"
                    | "traumatic"
                    | "facial"
                    | "head"
                    | "leg"
                    | "arm"
                    | "believed"
                    | "self"
                    | "inflicted"
                    | "more"
                    | "some"
                    | "from"
                    | "at"
                    | "least"
            );
        // verbs and prepositions that carry an injury to its bearer ("suffered injuries")
        let bearer = matches!(
            w,
            "suffered"
                | "suffering"
                | "suffers"
                | "suffer"
                | "recover"
                | "recovering"
                | "recovers"
                | "sustained"
                | "sustaining"
                | "received"
                | "receiving"
                | "with"
                | "had"
                | "has"
        );
        if !describing && !bearer && w != "for" {
            return None;
        }
        if bearer {
            return Some(p - 1);
        }
        if w == "for" && p >= 2 && matches!(t[p - 2].w, "treated" | "treatment") {
            return Some(p - 2);
        }
        p -= 1;
    }
    None
}

/// "The victim's injuries were not life-threatening", "her wounds are minor": one person,
/// the possessor, was hurt.
fn possessor(t: &[Tok], c: usize, e: usize) -> Option<Victims> {
    if !t.get(e).is_some_and(|x| {
        matches!(
            x.w,
            "was" | "were" | "is" | "are" | "appeared" | "appear" | "did"
        )
    }) {
        return None;
    }
    let mut p = c;
    while p > 0
        && c - p < 3
        && matches!(
            t[p - 1].w,
            "minor" | "serious" | "gunshot" | "bullet" | "stab"
        )
    {
        p -= 1;
    }
    let w = t.get(p.checked_sub(1)?)?;
    if matches!(w.w, "his" | "her") {
        return Some(Victims::one(p - 1, c, None));
    }
    let stem = w.w.strip_suffix("'s").or_else(|| w.w.strip_suffix("’s"))?;
    if !(is_person(stem) || w.cap) || LEX.not_names.contains(stem) {
        return None;
    }
    let s = if p >= 2 && singular_det(t[p - 2].w) {
        p - 2
    } else {
        p - 1
    };
    Some(Victims::one(s, p, Some(stem.to_string())))
}

/// Read the counts of one sentence's tokens.
fn sentence_mentions(t: &[Tok], sentence: usize, out: &mut Vec<Mention>) {
    let lex = &*LEX;
    let mut subjects: Vec<Victims> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let Some(list) = lex.cues.get(t[i].w) else {
            i += 1;
            continue;
        };
        let Some(len) = list
            .iter()
            .find(|c| {
                c.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| t.get(i + k).is_some_and(|x| x.w == *w))
            })
            .map(|c| c.words.len())
        else {
            i += 1;
            continue;
        };
        let cues: Vec<(Kind, Role)> = list
            .iter()
            .filter(|c| {
                c.words.len() == len && c.words.iter().enumerate().all(|(k, w)| t[i + k].w == *w)
            })
            .map(|c| (c.kind, c.role))
            .collect();
        let (c, e) = (i, i + len);
        i = e;
        // "killed himself", "found dead from a self-inflicted gunshot wound"
        let selfish = t[c..(e + 6).min(t.len())].iter().any(|x| {
            matches!(
                x.w,
                "himself" | "herself" | "suicide" | "own" | "self-inflicted"
            )
        });
        let passive_aux = c > 0
            && matches!(
                t[c - 1].w,
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            );
        let dual = cues.iter().any(|(_, r)| *r == Role::Act);
        if t[c].w == "shot" && len == 1 && shot_at_missed(t, e) {
            continue;
        }
        // "shot" as a noun that does something: "the other shot struck a fire truck".
        if t[c].w == "shot" && len == 1 && t.get(e).is_some_and(|x| shot_noun_verb(x.w)) {
            continue;
        }
        // A cue inside a name: "the Shooting Response Team", "the Homicide Unit".
        if t[c].cap
            && t[e..(e + 2).min(t.len())]
                .iter()
                .any(|x| x.cap && org_head(x.w))
        {
            continue;
        }
        // "hit with charges"
        if t[c].w == "hit" && len == 1 && t.get(e).is_some_and(|x| x.w == "with") {
            continue;
        }
        // "the gunfire hit a man and a woman"
        if matches!(t[c].w, "hit" | "hitting") && len == 1 && !passive_aux {
            let by_gunfire = c > 0
                && matches!(
                    t[c - 1].w,
                    "gunfire"
                        | "bullet"
                        | "bullets"
                        | "round"
                        | "rounds"
                        | "shot"
                        | "shots"
                        | "pellets"
                );
            if by_gunfire && let Some(v) = np_after(t, e) {
                let mut end = v.e;
                push(out, t, sentence, Kind::Shot, v);
                while t.get(end).is_some_and(|x| x.w == "and")
                    && let Some(w) = np_after(t, end + 1)
                {
                    end = w.e;
                    push(out, t, sentence, Kind::Shot, w);
                }
            }
            continue;
        }
        let mut done = false;
        // victims after the cue
        for &(kind, role) in &cues {
            if done || passive_aux || !matches!(role, Role::Act | Role::Lives) {
                continue;
            }
            if blocked_before(t, c) {
                done = true;
                break;
            }
            let Some(v) = np_after(t, e) else { continue };
            if role == Role::Lives && v.group.as_deref() != Some("lives") {
                continue;
            }
            let mut end = v.e;
            let mut v = v;
            // ", including 12 children"
            if t.get(end).is_some_and(|x| x.w == ",")
                && t.get(end + 1).is_some_and(|x| x.w == "including")
                && let Some(s) = np_after(t, end + 2).filter(|s| !s.implicit)
            {
                v.sub = Some(Box::new(s));
            }
            push(out, t, sentence, kind, v);
            // "three people and himself"; "shot his wife and then himself"
            loop {
                if t.get(end).is_none_or(|x| x.w != "and") {
                    break;
                }
                let then = t.get(end + 1).is_some_and(|x| x.w == "then")
                    && t.get(end + 2)
                        .is_some_and(|x| matches!(x.w, "himself" | "herself" | "themselves"));
                let Some(w) = np_after(t, end + 1 + then as usize) else {
                    break;
                };
                end = w.e;
                push(out, t, sentence, kind, w);
            }
            done = true;
        }
        if done {
            continue;
        }
        // victims before the cue
        for &(kind, role) in &cues {
            if done {
                break;
            }
            match role {
                Role::Pass | Role::PassBe | Role::Lives => {
                    let Some((j, both, be)) = skip_aux(t, c) else {
                        break;
                    };
                    // an active verb without "be" reads as passive only in a reduced
                    // relative or headline with a counted subject: "two people killed in …"
                    let bare = (dual || role == Role::PassBe) && !be;
                    // "a man fatally shot Sunday night": the adverb makes it a passive
                    let adverb = t[j..e].iter().any(|x| {
                        matches!(x.w, "fatally" | "critically" | "mortally" | "seriously")
                    });
                    let when = t.get(e).is_some_and(|x| {
                        WEEKDAYS.contains(&x.w)
                            || matches!(
                                x.w,
                                "yesterday"
                                    | "today"
                                    | "tonight"
                                    | "overnight"
                                    | "last"
                                    | "early"
                                    | "late"
                                    | "earlier"
                            )
                    });
                    if bare && object_like(t.get(e)) && !(adverb && when) {
                        break;
                    }
                    let mut v = np_before(t, j);
                    if let Some(first) = v.as_mut() {
                        coordinate(t, first);
                        // "one man was killed and another wounded": the "be" is shared
                        let elided = matches!(t[first.e - 1].w, "another" | "other");
                        if bare && first.implicit && !elided && !adverb {
                            v = None;
                        }
                    } else if j > 0 && connector(t[j - 1].w) {
                        // a subject shared with an earlier verb: "a man was shot and later
                        // died", "six passengers were dragged out and had their throats cut"
                        let earlier = if bare {
                            None
                        } else {
                            subjects.iter().rev().find(|s| s.e < j).cloned()
                        };
                        let before_and = j - 1;
                        v = earlier
                            .or_else(|| {
                                (j.saturating_sub(30)..j - 1)
                                    .rev()
                                    .take_while(|&p| !matches!(t[p].w, "." | ";"))
                                    .find_map(|p| {
                                        matches!(t[p].w, "was" | "were" | "is" | "are" | "had")
                                            .then(|| np_before(t, p))
                                            .flatten()
                                    })
                            })
                            .or_else(|| {
                                if bare {
                                    None
                                } else {
                                    clause_subject(t, before_and)
                                }
                            });
                    }
                    // "during which both were shot"
                    if v.is_none()
                        && both
                        && let Some(b) = (j..c).find(|&b| t[b].w == "both")
                        && (b == 0 || !np_word(&t[b - 1]) || matches!(t[b - 1].w, "which" | "who"))
                    {
                        v = Some(Victims {
                            s: b,
                            e: b + 1,
                            min: Some(2),
                            max: Some(2),
                            approx: false,
                            extra: false,
                            group: None,
                            sub: None,
                            implicit: false,
                        });
                    }
                    if v.is_none() && t[c].w == "in" {
                        // "Johnson was taken to Grant Medical Center in stable condition"
                        v = clause_subject(t, j);
                    }
                    let Some(mut v) = v else { continue };
                    if role == Role::Lives && v.group.as_deref() != Some("lives") {
                        continue;
                    }
                    if both && v.min.is_some_and(|m| m < 2) {
                        v.min = Some(2);
                        v.max = Some(2);
                    }
                    if selfish {
                        v.group = Some("self".into());
                    }
                    subjects.push(v.clone());
                    push(out, t, sentence, kind, v);
                    done = true;
                }
                Role::Harm => {
                    if let Some(v) = possessor(t, c, e) {
                        push(out, t, sentence, kind, v);
                        break;
                    }
                    let Some(p) = harm_trigger(t, c) else { break };
                    let Some((j, _, _)) = skip_aux(t, p) else {
                        break;
                    };
                    let Some(mut v) = np_before(t, j)
                        .or_else(|| clause_subject(t, j))
                        .filter(|v| v.e <= p)
                    else {
                        break;
                    };
                    coordinate(t, &mut v);
                    subjects.push(v.clone());
                    push(out, t, sentence, kind, v);
                    done = true;
                }
                Role::Toll => {
                    let mut k = e;
                    while k < t.len() && k < e + 8 && !matches!(t[k].w, "." | ";") {
                        if let Some(q) = qty::parse(t, k).filter(|q| !year_like(&t[q.start])) {
                            let v = Victims {
                                s: k,
                                e: q.end,
                                min: q.min,
                                max: q.max,
                                approx: q.approx,
                                extra: false,
                                group: None,
                                sub: None,
                                implicit: false,
                            };
                            push(out, t, sentence, kind, v);
                            done = true;
                            break;
                        }
                        k += 1;
                    }
                }
                Role::Act => {}
            }
        }
    }
}

fn casualty_kind(k: Kind) -> CasualtyKind {
    match k {
        Kind::Killed => CasualtyKind::Killed,
        Kind::Injured | Kind::Shot => CasualtyKind::Injured,
        Kind::Missing => CasualtyKind::Missing,
        Kind::Arrested => CasualtyKind::Arrested,
        Kind::Kidnapped => CasualtyKind::Kidnapped,
        Kind::Displaced => CasualtyKind::Displaced,
    }
}

/// The capitalised words of a name in a count's words ("Devonte Jamal Jones" → Devonte, Jamal,
/// Jones), not the first word of a sentence-initial common phrase.
fn name_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace().filter(|w| {
        w.len() > 2
            && w.chars().next().is_some_and(char::is_uppercase)
            && !LEX.not_names.contains(w.to_ascii_lowercase().as_str())
            && !matches!(*w, "A" | "An" | "The" | "One" | "Two" | "Three")
    })
}

/// Keep the mentions marked in `keep`, with `part_of` renumbered; a subgroup whose total
/// goes goes with it.
fn retain(mentions: &mut Vec<Mention>, keep: &[bool]) {
    let mut new_index = vec![None; mentions.len()];
    let mut n = 0;
    for (i, m) in mentions.iter().enumerate() {
        if keep[i] && m.part_of.is_none_or(|p| new_index[p].is_some()) {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    let old = std::mem::take(mentions);
    for (i, mut m) in old.into_iter().enumerate() {
        if new_index[i].is_some() {
            m.part_of = m.part_of.and_then(|p| new_index[p]);
            mentions.push(m);
        }
    }
}

/// Fill `doc.casualties`.
pub fn count(doc: &mut Doc) {
    let text = doc.text();
    let low = text.to_ascii_lowercase();
    let units: Vec<(usize, Span)> = if doc.sentences.is_empty() {
        doc.blocks.iter().map(|b| (0, b.span)).collect()
    } else {
        doc.sentences
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.span))
            .collect()
    };
    let mut toks = Vec::new();
    let mut mentions = Vec::new();
    for &(si, span) in &units {
        toks.clear();
        tok::scan(text, &low, span.start, span.end, &mut toks);
        sentence_mentions(&toks, si, &mut mentions);
    }
    // an injured count on the same words as a killed one: the person died
    let killed_spans: Vec<Span> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Killed)
        .map(|m| m.span)
        .collect();
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| !(matches!(m.kind, Kind::Injured | Kind::Shot) && killed_spans.contains(&m.span)))
        .collect();
    retain(&mut mentions, &keep);
    // "Devonte Jones was injured … Jones died at the hospital": a name that died
    let dead_names: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Killed && m.v.implicit)
        .flat_map(|m| name_words(&text[m.span.start..m.span.end]))
        .collect();
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| {
            m.kind != Kind::Injured
                || !m.v.implicit
                || !name_words(&text[m.span.start..m.span.end]).any(|w| dead_names.contains(&w))
        })
        .collect();
    retain(&mut mentions, &keep);
    // "a woman had been wounded … She later died": a pronoun that died is the one person
    // last reported injured
    let mut gone = vec![false; mentions.len()];
    for (k, m) in mentions.iter().enumerate() {
        let word = text[m.span.start..m.span.end].to_ascii_lowercase();
        if m.kind != Kind::Killed || !matches!(word.as_str(), "he" | "she") {
            continue;
        }
        // only when this is the first death reported
        if mentions[..k].iter().any(|m| m.kind == Kind::Killed) {
            continue;
        }
        if let Some(p) = (0..k).rev().find(|&p| {
            matches!(mentions[p].kind, Kind::Injured | Kind::Killed) && mentions[p].v.implicit
        }) && mentions[p].kind == Kind::Injured
        {
            gone[p] = true;
        }
    }
    let keep: Vec<bool> = gone.iter().map(|g| !g).collect();
    retain(&mut mentions, &keep);
    // shot counts include the dead; a perpetrator's own death is not among those he shot
    let is_self = |m: &Mention| m.v.group.as_deref() == Some("self");
    let killed_others = killed_total(text, &mentions, doc, false);
    let self_dead = mentions
        .iter()
        .any(|m| m.kind == Kind::Killed && is_self(m));
    let any_dead = killed_others > 0 || self_dead;
    let less = |m: &Mention| {
        if m.v.extra {
            // "a second victim", "another three": someone else
            0
        } else if is_self(m) {
            // "shot himself": injured only if nobody in the article died
            if any_dead { m.v.value() } else { 0 }
        } else {
            killed_others
        }
    };
    let keep: Vec<bool> = mentions
        .iter()
        .map(|m| m.kind != Kind::Shot || m.v.value() > less(m))
        .collect();
    let mut remap = vec![None; mentions.len()];
    let mut out: Vec<Casualty> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if !keep[i] || m.part_of.is_some_and(|p| remap[p].is_none()) {
            continue;
        }
        remap[i] = Some(out.len());
        let (mut min, mut max) = (m.v.min, m.v.max);
        if m.kind == Kind::Shot {
            let k = less(m);
            min = min.map(|x| x - k.min(x));
            max = max.map(|x| x - k.min(x));
        }
        out.push(Casualty {
            sentence: m.sentence,
            span: m.span,
            kind: casualty_kind(m.kind),
            min,
            max,
            approx: m.v.approx,
            group: m.v.group.clone(),
            part_of: m.part_of.and_then(|p| remap[p]),
            event: None,
            place: None,
            date: None,
            reported_by: None,
        });
    }
    for c in &mut out {
        link(doc, c);
    }
    doc.casualties = out;
}

fn cameo_roots(k: CasualtyKind) -> &'static [&'static str] {
    match k {
        CasualtyKind::Killed | CasualtyKind::Injured | CasualtyKind::Missing => &["18", "19", "20"],
        CasualtyKind::Arrested => &["17"],
        CasualtyKind::Kidnapped => &["18", "17"],
        CasualtyKind::Displaced => &["18", "19", "20", "17"],
    }
}

fn sentence_span(doc: &Doc, c: &Casualty) -> Span {
    if let Some(s) = doc
        .sentences
        .get(c.sentence)
        .filter(|s| s.span.contains(c.span))
    {
        return s.span;
    }
    doc.blocks
        .iter()
        .map(|b| b.span)
        .find(|b| b.contains(c.span))
        .unwrap_or(c.span)
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn link(doc: &Doc, c: &mut Casualty) {
    let sent = sentence_span(doc, c);
    let roots = cameo_roots(c.kind);
    let fits = |e: &dateline_doc::Event| roots.iter().any(|r| e.cameo.starts_with(r));
    c.event = doc
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| fits(e) && sent.contains(e.trigger))
        .min_by_key(|(_, e)| distance(e.trigger, c.span))
        .map(|(i, _)| i)
        .or_else(|| {
            doc.events
                .iter()
                .enumerate()
                .filter(|(_, e)| fits(e) && e.trigger.end <= c.span.start)
                .max_by_key(|(_, e)| e.trigger.start)
                .map(|(i, _)| i)
        });
    c.place = doc
        .places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (i, *m)))
        .filter(|(_, m)| sent.contains(*m))
        .min_by_key(|(_, m)| distance(*m, c.span))
        .map(|(i, _)| i);
    c.date = doc
        .times
        .iter()
        .enumerate()
        .filter(|(_, t)| sent.contains(t.span))
        .min_by_key(|(_, t)| (t.range.is_none(), distance(t.span, c.span)))
        .map(|(i, t)| DateRef {
            value: match &t.range {
                Some((a, b)) => format!("{a}/{b}"),
                None => t.value.clone(),
            },
            precision: t.precision,
            time: Some(i),
            basis: Basis::Text,
        })
        .or_else(|| c.event.and_then(|e| doc.events[e].date.clone()));
    let text = doc.text();
    // a nationality ("British") reports nothing
    c.reported_by = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind != EntityKind::Nationality)
        .find_map(|(i, e)| {
            e.mentions
                .iter()
                .any(|m| {
                    if !sent.contains(*m) {
                        return false;
                    }
                    let before = text[sent.start..m.start].trim_end().to_ascii_lowercase();
                    let after = text[m.end..sent.end].trim_start().to_ascii_lowercase();
                    // "according to the British-based Syrian Observatory"
                    let according = before.rfind("according to").is_some_and(|i| {
                        let rest = &before[i + "according to".len()..];
                        !rest.contains([',', '.', ';']) && rest.split_whitespace().count() <= 3
                    });
                    according
                        || ["said", "says", "reported", "told", "confirmed", "reports"]
                            .iter()
                            .any(|v| after.starts_with(v) || before.ends_with(v))
                })
                .then_some(i)
        });
}

/// Article-level totals of the killed and injured, for single-incident reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub killed: u64,
    pub injured: u64,
}

/// Words that place a count outside the incident the article reports: running tallies,
/// earlier events ("so far this year", "last year") and sums over several incidents ("in
/// separate shootings").
const OTHER_TIME: &[&str] = &[
    "this year",
    "so far",
    "last year",
    "this month",
    "last month",
    "in recent years",
    "years ago",
    "months ago",
    "a year ago",
    "since the start",
    "since the beginning",
    "previous",
    "earlier this year",
    "year-to-date",
    "homicides",
    // counts that gather several incidents
    "separate",
    "unrelated",
    "different locations",
    "two shootings",
    "two incidents",
    "both shootings",
    "both incidents",
    "in both",
    "both of those",
    "a series of",
    "spate of",
    "shootings",
    "incidents",
    "across the city",
    "across chicago",
    "weekend of",
    "weekend total",
    "a weekend that",
    "weekend's",
    "total to",
    "victim total",
    "different areas",
    "different parts",
];

/// The sentence (or, without sentences, the stretch between full stops) around a span.
fn context(text: &str, doc: &Doc, span: Span) -> Span {
    if let Some(i) = doc.sentence_at(span.start) {
        return doc.sentences[i].span;
    }
    let start = text[..span.start].rfind(". ").map_or(0, |p| p + 2);
    let end = text[span.end..]
        .find(". ")
        .map_or(text.len(), |p| span.end + p + 1);
    Span::new(start, end)
}

/// [`other_time_in`] for many spans, read once per sentence.
struct OtherTime<'a> {
    text: &'a str,
    doc: &'a Doc,
    seen: Vec<(Span, bool)>,
}

impl<'a> OtherTime<'a> {
    fn new(text: &'a str, doc: &'a Doc) -> Self {
        OtherTime {
            text,
            doc,
            seen: Vec::new(),
        }
    }
    fn test(&mut self, span: Span) -> bool {
        let s = context(self.text, self.doc, span);
        if let Some(&(_, b)) = self.seen.iter().find(|(x, _)| *x == s) {
            return b;
        }
        let b = other_time_in(self.text, s);
        self.seen.push((s, b));
        b
    }
}

/// Whether the sentence `s` speaks of other times or several incidents.
fn other_time_in(text: &str, s: Span) -> bool {
    let low = text[s.start..s.end].to_ascii_lowercase();
    if OTHER_TIME.iter().any(|w| low.contains(w)) {
        return true;
    }
    // a running tally: "since Saturday evening", "since Friday afternoon"
    let mut prev = "";
    for w in low.split_whitespace() {
        if prev == "since" && WEEKDAYS.contains(&w.trim_matches(|c: char| !is_alphanumeric(c))) {
            return true;
        }
        prev = w;
    }
    // several incidents: "two overnight shootings", "three shootings", "different locations"
    // (a count word, then one of those nouns within the next two words)
    let mut since_count = usize::MAX;
    for w in low
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
    {
        if since_count < 2 && matches!(w, "shootings" | "incidents" | "attacks" | "locations") {
            return true;
        }
        since_count = if matches!(
            w,
            "two" | "three" | "four" | "several" | "multiple" | "both"
        ) {
            0
        } else {
            since_count.saturating_add(1)
        };
    }
    false
}

/// One count's value for totals: its lower bound, else its upper bound.
fn value(min: Option<u64>, max: Option<u64>) -> u64 {
    min.or(max).unwrap_or(0)
}

/// How a count relates to the counts before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Add {
    /// A count of its own ("three people were shot").
    No,
    /// An addition to the count just before it ("two more", "a further three", "another").
    Extra,
    /// "A second/third …": the n-th victim of the incident, whatever happened to the others.
    Ordinal(u64),
}

/// The ordinal a count's words start with ("a second man" → 2).
fn ordinal_value(w: &str) -> Option<u64> {
    Some(match w {
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        _ => return None,
    })
}

/// The shared rule behind [`totals`], for two kinds at once (`a` and `b`: killed and injured).
/// Counts outside the incident and subgroups are left out by the caller. Per kind, counts
/// joined by "and"/"," in one phrase are added ("three people and himself" → 4); the figure is
/// the largest count, where an addition ("two more", "a further three", "another") adds to
/// the count of its kind just before it — unless a count of the other kind came between
/// ("killing one man and injuring another": the other is the first injured) — and a stated
/// toll ("bringing the death toll to 12") is a grand total. "A second/third …" victim means at
/// least that many victims of both kinds together: the kind it names gets at least n minus the
/// other kind's figure ("killing one man … a second man was grazed" → one injured).
fn pair_total(text: &str, items: &[(Span, u64, Add, bool)]) -> (u64, u64) {
    let mut figs = [(0u64, 0u64); 2];
    for (side, fig) in figs.iter_mut().enumerate() {
        let is_a = side == 0;
        let mine: Vec<usize> = (0..items.len()).filter(|&k| items[k].3 == is_a).collect();
        let (mut base, mut run, mut toll, mut need) = (0u64, 0u64, 0u64, 0u64);
        let mut prev_end: Option<usize> = None;
        let mut i = 0;
        while i < mine.len() {
            let first = &items[mine[i]];
            let mut j = i + 1;
            let mut sum = first.1;
            while j < mine.len() && items[mine[j]].0.start >= items[mine[j - 1]].0.end {
                let between = text[items[mine[j - 1]].0.end..items[mine[j]].0.start].trim();
                if !matches!(between, "and" | "," | ", and" | "and then") {
                    break;
                }
                sum = sum.saturating_add(items[mine[j]].1);
                j += 1;
            }
            let start = first.0.start;
            let end = items[mine[j - 1]].0.end;
            if after_toll(text, first.0) {
                toll = toll.max(sum);
            } else {
                match first.2 {
                    Add::No => {
                        run = sum;
                        base = base.max(sum);
                    }
                    Add::Extra => {
                        // Another kind's count since the last of this kind: a fresh start.
                        let fresh = prev_end.is_none_or(|p| {
                            items
                                .iter()
                                .any(|o| o.3 != is_a && o.0.start >= p && o.0.end <= start)
                        });
                        run = if fresh { sum } else { run.saturating_add(sum) };
                        base = base.max(run);
                    }
                    Add::Ordinal(n) => need = need.max(n),
                }
            }
            prev_end = Some(end);
            i = j;
        }
        *fig = (base.max(toll), need);
    }
    let (a, na) = figs[0];
    let (b, nb) = figs[1];
    (a.max(na.saturating_sub(b)), b.max(nb.saturating_sub(a)))
}

/// A count given as a toll ("bringing the death toll to 12") is already a grand total.
fn after_toll(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..span.start].to_ascii_lowercase();
    before.contains("toll") && !before.contains(['.', ';'])
}

/// The killed figure of the mentions (see [`pair_total`]; injured and shot counts are the
/// other kind).
fn killed_total(text: &str, mentions: &[Mention], doc: &Doc, with_self: bool) -> u64 {
    let mut other = OtherTime::new(text, doc);
    let items: Vec<(Span, u64, Add, bool)> = mentions
        .iter()
        .filter(|m| m.part_of.is_none() && !other.test(m.span))
        .filter(|m| with_self || m.v.group.as_deref() != Some("self"))
        .filter(|m| matches!(m.kind, Kind::Killed | Kind::Injured | Kind::Shot))
        .map(|m| {
            // only a count read as an addition needs its words read again
            let add = if m.v.extra {
                span_add(text, m.span)
            } else {
                Add::No
            };
            (m.span, m.v.value(), add, m.kind == Kind::Killed)
        })
        .collect();
    pair_total(text, &items).0
}

/// Whether a count's own words state an addition ("a further three", "two more") or an
/// ordinal ("a second victim").
fn span_add(text: &str, span: Span) -> Add {
    let orig = &text[span.start..span.end];
    let low = orig.to_ascii_lowercase();
    let mut t = Vec::new();
    tok::scan(orig, &low, 0, orig.len(), &mut t);
    if t.len() >= 2
        && t[0].w == "a"
        && let Some(n) = ordinal_value(t[1].w)
    {
        return Add::Ordinal(n);
    }
    if qty::parse(&t, 0).is_some_and(|q| q.extra) {
        Add::Extra
    } else {
        Add::No
    }
}

/// Per-article totals of killed and injured from `doc.casualties`, reading the article as the
/// report of one incident (as crime reports are):
/// - subgroups (`part_of`) are left out;
/// - counts in a sentence about other times or several incidents are left out ("so far this
///   year", "last year", "since Friday", "in separate
///   shootings"; the list is `OTHER_TIME`);
/// - counts joined by "and"/"," in one phrase are added ("three people and himself" → 4);
/// - the figure is the largest remaining count (a count's value is its `min`, else its `max`),
///   where a count stated as an addition ("two more", "a further three", "another 12") adds to
///   the count of its kind just before it ("three men remain in hospital … two more were
///   treated and released" → 5), unless a count of the other kind came between ("killing one
///   man and injuring another" → 1 injured), and unless a toll ("bringing the death toll to
///   12") states more;
/// - "a second/third … victim" means at least that many victims of both kinds together;
/// - no count means 0.
pub fn totals(doc: &Doc) -> Totals {
    let text = doc.text();
    let mut other = OtherTime::new(text, doc);
    let items_kept: Vec<bool> = doc
        .casualties
        .iter()
        .map(|c| {
            matches!(c.kind, CasualtyKind::Killed | CasualtyKind::Injured)
                && c.part_of.is_none()
                && !other.test(c.span)
        })
        .collect();
    let items: Vec<(Span, u64, Add, bool)> = doc
        .casualties
        .iter()
        .zip(&items_kept)
        .filter(|(_, keep)| **keep)
        .map(|(c, _)| c)
        .map(|c| {
            (
                c.span,
                value(c.min, c.max),
                span_add(text, c.span),
                c.kind == CasualtyKind::Killed,
            )
        })
        .collect();
    let (killed, injured) = pair_total(text, &items);
    Totals { killed, injured }
}

#[cfg(test)]
mod tests;
