//! Time expressions: tagging and normalisation against the publication date.
//!
//! A hand-written grammar over a light tokenization recognises explicit dates ("October 15,
//! 2016", "15 October 2016", "Oct. 15", "2016-10-15", "10/15/2016"), years, decades and
//! centuries, months and seasons, quarters, weekdays, deictic words ("yesterday", "tonight",
//! "overnight"), relative units ("last month", "earlier this week", "two days ago", "the past
//! 24 hours"), clock times, and durations and vague references (for evaluation against TimeML).
//!
//! Resolution uses the publication date and the tense of the sentence: "on Friday" in a past
//! narrative is the previous Friday, "will meet on Monday" the coming one. Each finding carries
//! the dateline value (ISO 8601 with a precision and, for intervals, a range) and the TimeML
//! value the same expression has under TimeML conventions.
//!
//! Dateline values and precisions: `2016-10-15` (day), `2016-W41` (week), `2016-09` (month),
//! `2016-SU` / `2016-Q3` / `2016-H1` (season: seasons, quarters, halves), `2016` (year),
//! `199X` (decade) and `19` (century, precision decade). Intervals carry `range` = (from, to)
//! and the value `from/to`: "since September 22" → `2016-09-22/2016-10-15`, "earlier this
//! week", "the past two weeks", "overnight" (the night before publication, day precision),
//! "the weekend".
//!
//! TimeML extents and values follow the TIMEX3 conventions where they differ: "June last
//! year" is one expression (`1997-06`), "the past year" a date (the previous year; dateline
//! keeps the span up to publication), "that year" / "the following year" / "later that
//! month" count from the unit last named, "year-end" and "the end of the year" are the year,
//! "the 2023 quarter" the quarter last reported in that year, and approximations ("almost
//! four years ago", "around Nov. 1") and "earlier" ("earlier this month") sit inside the
//! extent.
//!
//! Tense: the nearest verb-group cue in the expression's clause, then in its sentence
//! (`will`, `would`, `is due to`, `planned to`, `next` → future; past forms, `ago` → past).
//! A present counts as forward-looking only when it names an arrangement ("meets on Friday",
//! "is holding talks Friday"); the progressive or passive of another verb ("are examining
//! stabbings late Sunday") and a day right after a noun of an incident look back. A plan
//! told in the past ("was due to", "decided to") takes the nearest occurrence.
//! Weekdays and year-less dates look back unless the tense is future; a date within two
//! months (a month name within one) of publication keeps its year whatever the tense;
//! "Saturday's talks" looks back. "The next day", "two days later", "that night" count from
//! the day last named in the text; a bare clock time belongs to that day.

mod grammar;
mod lex;
mod resolve;
mod tense;

use dateline_doc::{Doc, Precision, Span, Time};
use jiff::civil::Date;

pub use grammar::Kind;
pub use lex::{MONTHS, WEEKDAYS};
pub use tense::Tense;

use grammar::{Grammar, Sem};
use lex::{Lex, Tok, TokKind};

/// How the tagger's lexicon classes a lowercase word: `"MONTH"` for a month name or
/// abbreviation, `"WEEKDAY"` for a weekday, else `None` (used by the evaluation's diagnostics to
/// group expressions by shape).
pub fn calendar_word(word: &str) -> Option<&'static str> {
    match lex::lex(word) {
        Lex::Month(_) | Lex::MonthAbbr(_) => Some("MONTH"),
        Lex::Weekday(_) => Some("WEEKDAY"),
        _ => None,
    }
}

/// The value of an English cardinal number word in the tagger's lexicon ("zero" to "twenty",
/// the tens to "ninety", "hundred"), lower case; `None` for any other word.
pub fn cardinal(word: &str) -> Option<u32> {
    match lex::lex(word) {
        Lex::Card(n) => Some(n),
        _ => None,
    }
}

/// One time expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The expression itself, TimeML-style (without a governing "on" or "since").
    pub span: Span,
    /// The span including a meaning-changing preposition ("since September 22").
    pub full: Span,
    pub kind: Kind,
    /// The tense the expression was resolved under.
    pub tense: Tense,
    /// The dateline value (its span is `full`), `None` when the expression has no calendar
    /// value (a bare duration, "now", a set) or needs a publication date that is missing.
    pub time: Option<Time>,
    /// The value under TimeML conventions (`P2W`, `PRESENT_REF`, `1998-02-12TEV`).
    pub timeml: Option<String>,
}

/// Find and normalise time expressions in `text`, resolving relative ones against
/// `published`. The whole text is read; tense is taken within sentence-like windows.
pub fn find(text: &str, published: Option<Date>) -> Vec<Found> {
    find_in(text, published, &[])
}

/// Lower-cased text, its tokens and each word's lexical class: what the grammar reads.
fn prepare(text: &str) -> (String, Vec<lex::Tok>, Vec<Lex>) {
    let low = text.to_ascii_lowercase();
    let mut toks = Vec::new();
    lex::tokenize(text, &mut toks);
    let classes = toks
        .iter()
        .map(|t| {
            if t.kind == TokKind::Word {
                lex::lex(&low[t.start..t.end])
            } else {
                Lex::None
            }
        })
        .collect();
    (low, toks, classes)
}

/// As [`find`], with the sentence spans of the text (from the segment stage). With no
/// sentences, tense windows end at sentence-final punctuation before a capital, or a blank line.
pub fn find_in(text: &str, published: Option<Date>, sentences: &[Span]) -> Vec<Found> {
    let (low, toks, classes) = prepare(text);
    let g = Grammar {
        low: &low,
        toks: &toks,
        lex: &classes,
    };
    let windows = if sentences.is_empty() {
        heuristic_windows(&low, &toks)
    } else {
        sentence_windows(&toks, sentences)
    };
    let mut out = Vec::new();
    // The last day-precision date named, for a bare clock time.
    let mut memory = Memory::default();
    for (lo, hi) in windows {
        scan(&g, lo, hi, published, None, &mut memory, &mut out);
    }
    // (news published before the attacks means the day of its own year)
    if published.is_none_or(|p| p >= jiff::civil::date(2001, 9, 11)) {
        september_eleventh(&low, &mut out);
    }
    out
}

/// The day of the 2001 attacks on the United States, a name in news: "9/11" and "the Sept. 11
/// attacks" are 11 September 2001, not the 11 September of the publication's year ("police
/// arrested two men on Sept. 11" is). `low` is the lower-cased text of news published after
/// that day.
fn september_eleventh(low: &str, out: &mut Vec<Found>) {
    let b = low.as_bytes();
    let edge = |i: Option<&u8>| i.is_none_or(|c| !c.is_ascii_digit() && *c != b'/');
    let attacks = |end: usize| {
        let rest = low[end..].strip_prefix("th").unwrap_or(&low[end..]);
        let rest = rest.trim_start();
        let rest = ["terrorist ", "terror "]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest);
        // (the plural: "the Sept. 11 attack on the consulate in Benghazi" was another one)
        ["attacks", "hijackings", "hijackers"]
            .iter()
            .any(|w| rest.starts_with(w))
    };
    let day = |span: Span| Time {
        span,
        value: "2001-09-11".into(),
        precision: Precision::Day,
        range: None,
    };
    for f in out.iter_mut() {
        let text = &low[f.span.start..f.span.end];
        let day_of = text.strip_suffix("th").unwrap_or(text);
        let named = text == "9/11"
            || ["sept. 11", "sept 11", "sep. 11", "september 11"].contains(&day_of)
                && attacks(f.span.end);
        if named {
            f.time = Some(day(f.full));
            f.timeml = Some("2001-09-11".into());
        }
    }
    let mut added = false;
    for (i, _) in low.match_indices("9/11") {
        let span = Span::new(i, i + 4);
        if !edge(i.checked_sub(1).and_then(|k| b.get(k))) || !edge(b.get(i + 4)) {
            continue;
        }
        if out
            .iter()
            .any(|f| f.full.start < span.end && span.start < f.full.end)
        {
            continue;
        }
        out.push(Found {
            span,
            full: span,
            kind: Kind::Date,
            tense: Tense::Past,
            time: Some(day(span)),
            timeml: Some("2001-09-11".into()),
        });
        added = true;
    }
    if added {
        out.sort_by_key(|f| (f.span.start, f.span.end));
    }
}

/// Tag `doc.times`: every time expression of every sentence with a calendar value
/// (durations only when anchored, like "the past two weeks").
pub fn tag(doc: &mut Doc) {
    let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    let found = find_in(doc.text(), doc.meta.published, &spans);
    doc.times = found.into_iter().filter_map(|f| f.time).collect();
}

/// Resolve one time expression's text (e.g. "on Monday", "next week") against `published`
/// under a given tense: the events stage uses it to re-read an expression under the status
/// of its event (a planned event looks forward). Returns the longest expression found.
pub fn resolve(expr: &str, published: Option<Date>, tense: Tense) -> Option<Found> {
    let (low, toks, classes) = prepare(expr);
    let g = Grammar {
        low: &low,
        toks: &toks,
        lex: &classes,
    };
    let mut out = Vec::new();
    scan(
        &g,
        0,
        toks.len(),
        published,
        Some(tense),
        &mut Memory::default(),
        &mut out,
    );
    out.into_iter().max_by_key(|f| f.span.len())
}

/// Re-read `doc.times[index]` under another tense (e.g. the events stage found that the event
/// it dates is planned): the same span, the value resolved as if the sentence had that tense.
pub fn resolve_in(doc: &Doc, index: usize, tense: Tense) -> Option<Time> {
    let t = doc.times.get(index)?;
    let f = resolve(doc.slice(t.span), doc.meta.published, tense)?;
    let mut time = f.time?;
    time.span = Span::new(t.span.start + time.span.start, t.span.start + time.span.end);
    Some(time)
}

/// The tense governing the text at `at` inside `sentence` (both spans into `text`).
pub fn tense_at(text: &str, sentence: Span, at: Span) -> Tense {
    let s = &text[sentence.start..sentence.end];
    let low = s.to_ascii_lowercase();
    let mut toks = Vec::new();
    lex::tokenize(s, &mut toks);
    let a = at.start.saturating_sub(sentence.start);
    let b = at.end.saturating_sub(sentence.start);
    let i = toks.partition_point(|t| t.end <= a);
    let j = toks.partition_point(|t| t.start < b).max(i);
    tense::tense_of(&low, &toks, 0, toks.len(), i, j)
}

/// What the scan remembers across sentences.
#[derive(Default)]
struct Memory {
    /// The last day-precision date named, for a bare clock time.
    last_day: Option<Date>,
    /// The last quarter named, for "a year earlier" in results reporting.
    last_quarter: Option<(i32, u8)>,
    /// The year (and month, when known) of the last calendar point named, for "that year",
    /// "the following month".
    last_ym: Option<(i32, Option<u8>)>,
    /// The month, when the last calendar point named was a month ("last October") rather
    /// than a day: "that same day" is then a day of that month.
    month_last: Option<(i32, u8)>,
    /// Sentences since `last_day` was named (0: this one), for "overnight".
    day_age: u32,
}

/// Year and month of a dateline point value ("2016", "2016-10", "2016-10-15", "2016-Q3").
fn year_month(v: &str) -> Option<(i32, Option<u8>)> {
    let y = v.get(..4)?.parse().ok()?;
    let m = v
        .get(5..7)
        .and_then(|m| m.parse::<u8>().ok())
        .filter(|m| (1..=12).contains(m));
    Some((y, m))
}

fn scan(
    g: &Grammar,
    lo: usize,
    hi: usize,
    published: Option<Date>,
    forced: Option<Tense>,
    memory: &mut Memory,
    out: &mut Vec<Found>,
) {
    let Memory {
        last_day,
        last_quarter,
        last_ym,
        month_last,
        day_age,
    } = memory;
    let toks = g.toks;
    *day_age = day_age.saturating_add(1);
    let mut i = lo;
    while i < hi {
        if !can_start(g, i) {
            i += 1;
            continue;
        }
        let Some((e, x)) = g.at(i) else {
            i += 1;
            continue;
        };
        if e > hi || e <= i {
            i += 1;
            continue;
        }
        if in_a_name(g, lo, i, e) {
            i = e;
            continue;
        }
        // A possessive weekday names an event ("Wednesday's ruling"): read it with the
        // default past bias rather than the tense of the clause around it.
        let possessive = matches!(x.sem, Sem::Weekday { .. })
            && e + 1 < toks.len()
            && matches!(g_word(g, e), "'" | "’")
            && g_word(g, e + 1) == "s";
        let tense = match forced {
            Some(t) => t,
            None if possessive => Tense::Unknown,
            None => {
                let t = tense::tense_of(g.low, toks, lo, hi, i, e);
                // A date before the noun it modifies names an event that a forward-looking
                // verb need not date ("will be asked about the senator's Aug. 14 hearing"):
                // either side of publication, or back for an incident ("the Oct. 3
                // slaying"). A past verb still dates it ("was arrested for a March 21 call").
                if matches!(t, Tense::Future | Tense::Present) && attributive(g, lo, i, e, &x.sem) {
                    if tense::is_incident(g_word(g, e)) {
                        Tense::Unknown
                    } else {
                        Tense::Either
                    }
                } else {
                    t
                }
            }
        };
        // "in the morning" is the morning of a day named in or just before its sentence
        // (in a past or present narrative); elsewhere it is habitual or unanchored.
        if matches!(
            x.sem,
            Sem::Shift {
                n: 0,
                unit: lex::Unit::Day
            }
        ) && g_word(g, i) == "the"
            && matches!(g.lex.get(i + 1), Some(Lex::PartOfDay(_)))
            && (last_day.is_none() || *day_age > 1 || tense == Tense::Future)
        {
            i = e;
            continue;
        }
        // A past "soon" ("was soon released", "soon became") relates two past events: no
        // time of its own. Only the verbs next to it decide: "said it will soon" looks ahead.
        if matches!(x.sem, Sem::Ref("FUTURE_REF"))
            && g_word(g, i) == "soon"
            && tense::tense_of(
                g.low,
                toks,
                i.saturating_sub(2).max(lo),
                (e + 2).min(hi),
                i,
                e,
            ) == Tense::Past
        {
            i = e;
            continue;
        }
        let mut reference = published;
        // "the previous Friday", "the following Monday": counted from the day last named.
        if let (Sem::Weekday { .. }, Some(d)) = (&x.sem, *last_day)
            && g_word(g, i) == "the"
            && matches!(g_word(g, i + 1), "previous" | "following")
        {
            reference = Some(d);
        }
        // A bare clock time ("at 10:50 a.m.") belongs to the day last named.
        if let (Sem::Shift { .. }, Some(d)) = (&x.sem, *last_day) {
            reference = Some(d);
        }
        if let (Sem::Today, Some(grammar::Clock::Hm(..)), Some(d)) = (&x.sem, x.clock, *last_day) {
            reference = Some(d);
        }
        // "overnight" next to a sentence that names its day ("stocks ended weaker Friday
        // after overnight selling"): the night before that day, a day already past (a
        // meeting "next Thursday" is no narrative day for last night's shelling).
        if let (Sem::Overnight, Some(d)) = (&x.sem, *last_day)
            && *day_age <= 1
            && tense != Tense::Future
            && published.is_none_or(|p| d <= p)
        {
            reference = Some(d);
        }
        // "that year", "the following month": counted from the unit last named.
        if let (Sem::Anaphor { unit, .. }, Some((y, m))) = (&x.sem, *last_ym) {
            let month = match (unit, m) {
                (lex::Unit::Year, _) => Some(1),
                (_, m) => m,
            };
            if let Some(d) = month.and_then(|m| Date::new(y as i16, m as i8, 1).ok()) {
                reference = Some(d);
            }
        }
        // A year-on-year comparison in a sentence about a quarter ("net rose 5% from a
        // year earlier") means that quarter a year before.
        let mut x = x;
        let quarter_sentence = || (lo..hi).any(|k| g_word(g, k) == "quarter");
        // ... but after "in its first nine months" (a reporting period of several quarters)
        // it means that period a year before, which a date can only give as the year.
        let period = is_comparison(&x.sem) && months_period_before(g, lo, i);
        if period {
            x.sem = match x.sem {
                Sem::QuarterIn(y) => Sem::Year(y),
                Sem::QuarterAgo(n) => Sem::UnitOff {
                    unit: lex::Unit::Year,
                    off: -n,
                },
                other => other,
            };
        }
        let year_back = !period
            && matches!(
                x.sem,
                Sem::Ago {
                    n: Some(1),
                    unit: lex::Unit::Year
                }
            )
            && (last_quarter.is_some() || quarter_sentence());
        // "last year" in a sentence about a quarter: that quarter a year before.
        let last_year_q = !period
            && matches!(
                x.sem,
                Sem::UnitOff {
                    unit: lex::Unit::Year,
                    off: -1
                }
            )
            && last_quarter.is_some()
            && quarter_sentence();
        // "the 2023 quarter": the quarter last named, in that year.
        // "the year-ago quarter" names the comparison quarter, not the one reported: it
        // must not become the quarter "a year earlier" counts back from.
        // "after a flat second quarter" (an indefinite one) is a description, not the
        // quarter reported either.
        // A hyphenated "a third-quarter loss" is adjectival: the article is the noun's.
        let indefinite = matches!(x.sem, Sem::Quarter { .. })
            && (i..e).all(|k| g_word(g, k) != "-")
            && (i.saturating_sub(2)..i).any(|k| matches!(g_word(g, k), "a" | "an"));
        let quarter_in = matches!(x.sem, Sem::QuarterIn(_) | Sem::QuarterAgo(1..)) || indefinite;
        // "the quarter", "the latest period", "that quarter", "the year-ago quarter": a
        // definite quarter refers back to the quarter last named in the text (a report on
        // a fiscal second quarter goes on about "the quarter"), n years before for the
        // year-ago one; with none named, the latest completed quarter.
        if let (Sem::QuarterAgo(n), Some((y, q))) = (&x.sem, *last_quarter) {
            x.sem = Sem::Quarter { q, y: Some(y - *n) };
        }
        if let (Sem::QuarterIn(y), Some((_, q))) = (&x.sem, *last_quarter) {
            x.sem = Sem::Quarter { q, y: Some(*y) };
        }
        if year_back || last_year_q {
            x.sem = match *last_quarter {
                Some((y, q)) => Sem::Quarter { q, y: Some(y - 1) },
                None => Sem::QuarterAgo(1),
            };
        }
        let r = match (&x.sem, *month_last) {
            _ if x.clock.is_some() => resolve::resolve(&x, reference, tense),
            // "that same day", "the next day" after a month named without its day ("the fire
            // struck in August … moved that same day"): a day of that month, which one
            // unknown (TimeML `1998-10-XX`); dateline keeps the month.
            (
                Sem::Shift {
                    unit: lex::Unit::Day,
                    ..
                },
                Some((y, m)),
            ) => resolve::Resolved {
                value: Some(resolve::Value {
                    value: format!("{y:04}-{m:02}"),
                    precision: Precision::Month,
                    range: None,
                }),
                timeml: Some(format!("{y:04}-{m:02}-XX")),
            },
            _ => resolve::resolve(&x, reference, tense),
        };
        if let Some(t) = r.timeml.as_deref()
            && !(year_back || last_year_q || quarter_in)
            && t.len() == 7
            && t.as_bytes()[5] == b'Q'
            && let (Ok(y), Ok(q)) = (t[..4].parse::<i32>(), t[6..].parse::<u8>())
            // Only a quarter already over can be the one reported on: "expects a fourth-
            // quarter charge" in October looks ahead and is not what "the quarter" means.
            // Results told in the past ("reported a fall in fourth-quarter profit" in
            // November) are of a fiscal quarter that has ended, though the calendar one
            // of that name is still running.
            && published.is_none_or(|p| {
                let now = p.year() as i32 * 4 + (p.month() as i32 - 1) / 3;
                let at = y * 4 + q as i32;
                at <= now || (tense == Tense::Past && at == now + 1)
            })
        {
            *last_quarter = Some((y, q));
        }
        // TimeML leaves the article out of an adjectival "the third-quarter"; dateline keeps
        // it in the full span. "earlier this week" is one expression in both.
        // "at the end of this week": the preposition is not part of the expression.
        let first = if g_word(g, i) == "at" && e > i + 2 && g_word(g, i + 1) == "the" {
            i + 1
        } else {
            i
        };
        let core = if g_word(g, first) == "the"
            && first + 3 < e
            && g_word(g, first + 2) == "-"
            && matches!(g_word(g, first + 3), "quarter" | "half")
        {
            first + 1
        } else {
            first
        };
        let span = Span::new(toks[core].start, toks[e - 1].end);
        let since = first > lo && g_word(g, first - 1) == "since";
        let full = if since {
            Span::new(toks[first - 1].start, span.end)
        } else {
            Span::new(toks[first].start, span.end)
        };
        let kind = x.kind();
        let keep_value = match kind {
            Kind::Date | Kind::Time => true,
            Kind::Duration => r.value.as_ref().is_some_and(|v| v.range.is_some()),
            Kind::Set => false,
        };
        let mut time = None;
        if let (true, Some(v)) = (keep_value, r.value) {
            let mut v = v;
            if since && let Some(p) = published {
                let from = v.range.as_ref().map_or(v.value.clone(), |(a, _)| a.clone());
                let to = p.to_string();
                v.value = format!("{from}/{to}");
                v.range = Some((from, to));
            }
            if v.precision == Precision::Day
                && v.range.is_none()
                && let Ok(d) = v.value.parse::<Date>()
            {
                *last_day = Some(d);
                *day_age = 0;
            }
            if v.range.is_none()
                && v.precision != Precision::Decade
                && let Some(ym) = year_month(&v.value)
            {
                *last_ym = Some(ym);
                *month_last = match (v.precision, ym) {
                    (Precision::Month, (y, Some(m))) => Some((y, m)),
                    _ => None,
                };
            }
            time = Some(Time {
                span: full,
                value: v.value,
                precision: v.precision,
                range: v.range,
            });
        }
        out.push(Found {
            span,
            full,
            kind,
            tense,
            time,
            timeml: r.timeml,
        });
        i = e;
    }
}

/// A year-less date before the noun it modifies, after a determiner or a possessive ("the
/// senator's Aug. 14 hearing", "the Dec. 12 election", "a March deadline"): it names an event.
fn attributive(g: &Grammar, lo: usize, i: usize, e: usize, sem: &Sem) -> bool {
    if !matches!(sem, Sem::Ymd { y: None, .. } | Sem::Ym { y: None, .. }) || i == lo {
        return false;
    }
    let before = g_word(g, i - 1);
    let det = matches!(
        before,
        "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
    ) || (before == "s" && i >= lo + 2 && matches!(g_word(g, i - 2), "'" | "’"));
    let Some(next) = g.toks.get(e) else {
        return false;
    };
    det && next.kind == TokKind::Word
        && !next.cap
        && !matches!(
            g_word(g, e),
            "of" | "to"
                | "in"
                | "on"
                | "at"
                | "and"
                | "or"
                | "for"
                | "by"
                | "with"
                | "from"
                | "as"
                | "that"
                | "when"
                | "until"
                | "through"
                | "after"
                | "before"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "last"
                | "next"
                | "this"
        )
}

/// A year-on-year comparison that results reporting reads against the period reported: "a
/// year earlier", "last year", "year-ago sales", "the 2024 period".
fn is_comparison(sem: &Sem) -> bool {
    matches!(
        sem,
        Sem::QuarterIn(_)
            | Sem::QuarterAgo(1..)
            | Sem::Ago {
                n: Some(1),
                unit: lex::Unit::Year
            }
            | Sem::UnitOff {
                unit: lex::Unit::Year,
                off: -1
            }
    )
}

/// Whether a reporting period of several months ("in its first nine months", "over the six
/// months to June") is named in the sentence before token `i`, with no quarter named
/// between: a comparison after it is about that period, not a quarter.
fn months_period_before(g: &Grammar, lo: usize, i: usize) -> bool {
    for k in (lo..i).rev() {
        match g_word(g, k) {
            "quarter" | "quarters" => return false,
            "months" if k > lo => {
                let n = g_word(g, k - 1);
                let n = if n == "-" && k > lo + 1 {
                    g_word(g, k - 2)
                } else {
                    n
                };
                if matches!(n, "six" | "nine" | "6" | "9") {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether the expression at tokens `i..e` is part of a proper name, which TimeML does not
/// tag (TIDES: names are not temporal expressions): a deictic word that is normally lower
/// case, capitalised after a capitalised word inside a sentence ("USA Today", "VOA Today"),
/// or a title-cased phrase of such words ("This Week", ABC's programme).
fn in_a_name(g: &Grammar, lo: usize, i: usize, e: usize) -> bool {
    let toks = g.toks;
    if !matches!(
        g_word(g, i),
        "today" | "tonight" | "tomorrow" | "yesterday" | "this" | "next" | "last" | "now"
    ) {
        return false;
    }
    let words: Vec<usize> = (i..e).filter(|&k| toks[k].kind == TokKind::Word).collect();
    if !words.iter().all(|&k| toks[k].cap) {
        return false;
    }
    if words.len() >= 2 {
        // "This Week", not "Last April" or "Last Friday" (names that are capitalised anyway).
        return words[1..]
            .iter()
            .all(|&k| matches!(g.lex[k], Lex::Unit(_) | Lex::Units(_) | Lex::PartOfDay(_)));
    }
    i > lo
        && toks[i - 1].kind == TokKind::Word
        && toks[i - 1].cap
        && toks[i].space
        && g.lex[i - 1] == Lex::None
}

fn g_word<'a>(g: &Grammar<'a>, i: usize) -> &'a str {
    let t = g.toks[i];
    &g.low[t.start..t.end]
}

/// Cheap filter: can an expression start at token i?
fn can_start(g: &Grammar, i: usize) -> bool {
    let t = g.toks[i];
    match t.kind {
        TokKind::Num => true,
        TokKind::Punct => matches!(g_word(g, i), "'" | "’"),
        TokKind::Word => {
            g.lex[i] != Lex::None
                || matches!(
                    g_word(g, i),
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "last"
                        | "next"
                        | "past"
                        | "coming"
                        | "today"
                        | "yesterday"
                        | "tomorrow"
                        | "tonight"
                        | "overnight"
                        | "earlier"
                        | "later"
                        | "early"
                        | "late"
                        | "mid"
                        | "now"
                        | "currently"
                        | "recently"
                        | "previously"
                        | "formerly"
                        | "soon"
                        | "recent"
                        | "future"
                        | "at"
                        | "these"
                        | "daily"
                        | "weekly"
                        | "monthly"
                        | "annually"
                        | "yearly"
                        | "hourly"
                        | "quarterly"
                        | "every"
                        | "each"
                        | "per"
                        | "noon"
                        | "midday"
                        | "midnight"
                        | "fiscal"
                        | "christmas"
                        | "new"
                        | "halloween"
                        | "independence"
                        | "valentine"
                        | "thanksgiving"
                        | "election"
                        | "labor"
                        | "labour"
                        | "memorial"
                        | "columbus"
                        | "presidents"
                        | "mother"
                        | "father"
                        | "few"
                        | "several"
                        | "many"
                        | "some"
                        | "about"
                        | "nearly"
                        | "almost"
                        | "around"
                        | "roughly"
                        | "over"
                        | "approximately"
                        | "barely"
                        | "only"
                        | "just"
                        | "more"
                        | "less"
                        | "up"
                        | "end"
                        | "beginning"
                        | "start"
                        | "nowadays"
                        | "current"
                        | "previous"
                        | "for"
                        | "within"
                        | "that"
                )
                || matches!(g.lex.get(i + 1), Some(Lex::Units(_)))
                || (g_word(g, i) == "then" && i + 1 < g.toks.len() && g_word(g, i + 1) == "current")
        }
    }
}

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "rev", "prof",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "u", "s", "inc", "co", "corp", "jr", "sr", "mt", "ft", "capt", "maj", "adm", "a", "p",
    "m",
];

/// Tense windows when no sentence layer is given: a window ends after `.`/`!`/`?` followed by
/// a capitalised word (unless the period closes a known abbreviation), or at a blank line.
fn heuristic_windows(low: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut lo = 0;
    for k in 1..toks.len() {
        let t = toks[k];
        let p = toks[k - 1];
        let end_punct = || matches!(&low[p.start..p.end], "." | "!" | "?");
        let abbrev = || {
            k >= 2 && !p.space && {
                let q = toks[k - 2];
                ABBREV.contains(&&low[q.start..q.end])
            }
        };
        if t.para || (t.space && t.cap && end_punct() && !abbrev()) {
            v.push((lo, k));
            lo = k;
        }
    }
    if lo < toks.len() {
        v.push((lo, toks.len()));
    }
    v
}

/// Token windows for given sentence spans; tokens outside any sentence form no window.
fn sentence_windows(toks: &[Tok], sentences: &[Span]) -> Vec<(usize, usize)> {
    sentences
        .iter()
        .filter_map(|s| {
            let lo = toks.partition_point(|t| t.start < s.start);
            let hi = toks.partition_point(|t| t.end <= s.end);
            (lo < hi).then_some((lo, hi))
        })
        .collect()
}

#[cfg(test)]
mod tests;
