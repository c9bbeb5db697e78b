//! Recognition: a hand-written grammar over tokens that turns a time expression into an
//! unresolved meaning ([`Expr`]). Resolution against the publication date and the tense is in
//! `resolve`.

use crate::lex::{Lex, Tok, TokKind, Unit, ordinal};

/// Relation a calendar name has to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// Decided by the tense of the sentence.
    Tense,
    Last,
    Next,
    This,
}

/// What kind of TimeML expression this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Sem {
    /// A calendar date; the year may be left to resolution.
    Ymd {
        y: Option<i32>,
        m: u8,
        d: u8,
    },
    /// A month; the year may be left to resolution.
    Ym {
        y: Option<i32>,
        m: u8,
    },
    /// A month with a year relative to the reference: "June last year" (−1), "January this
    /// year" (0); TimeML takes the pair as one expression.
    YmOff {
        m: u8,
        yoff: i32,
    },
    /// A day and month with a relative year: "March 3 last year".
    YmdOff {
        m: u8,
        d: u8,
        yoff: i32,
    },
    /// "the past year", "the last month" (one unit, no count): the previous calendar unit
    /// for TimeML (a DATE), the span up to the reference date for dateline.
    PastUnit(Unit),
    /// A unit named relative to the one last named in the text: "that year" (0), "the
    /// following year" (+1), "later that month" (0).
    Anaphor {
        unit: Unit,
        off: i32,
    },
    /// "the 1988 quarter", "the 1989 period": the reported quarter of a given year.
    QuarterIn(i32),
    /// "last November", "this September".
    MonthRel {
        m: u8,
        rel: Rel,
    },
    Year(i32),
    /// First three digits: the 1990s → 199.
    Decade(i32),
    /// First two digits: the 20th century → 19.
    Century(i32),
    Weekday {
        wd: u8,
        rel: Rel,
    },
    /// today 0, yesterday −1, tomorrow +1.
    DayOff(i32),
    /// "last week" (−1), "this month" (0), "next year" (+1).
    UnitOff {
        unit: Unit,
        off: i32,
    },
    /// A weekend: "the weekend" (by tense), "this/last/next weekend".
    Weekend(Rel),
    /// The latest reported quarter, `n` years back: "the quarter" (0), "the year-ago
    /// quarter" (1); resolved against a quarter named in the sentence when there is one.
    QuarterAgo(i32),
    /// `n` units from the day last named in the text ("two days later", "the next day").
    Shift {
        n: i32,
        unit: Unit,
    },
    /// "earlier this week": from the start of the unit to the reference date.
    EarlierThis(Unit),
    /// "later this month": from the reference date to the end of the unit.
    LaterThis(Unit),
    /// "two days ago", "a year earlier". `n` None: "several years ago".
    Ago {
        n: Option<u32>,
        unit: Unit,
    },
    Season {
        s: u8,
        y: Option<i32>,
        rel: Rel,
    },
    Quarter {
        q: u8,
        y: Option<i32>,
    },
    /// A quarter or half of a year relative to the reference year: "this year's third
    /// quarter", "next year's first half".
    PartOfYear {
        half: bool,
        n: u8,
        yoff: i32,
    },
    /// "the week of March 6": the ISO week of a date.
    WeekOf(Box<Sem>),
    /// "the day before Tuesday's hearing", "the day after Christmas": a day next to a named
    /// day.
    DayNextTo(Box<Sem>, i32),
    Half {
        h: u8,
        y: Option<i32>,
    },
    /// "the past two weeks": a duration ending at the reference date.
    Past {
        n: Option<u32>,
        unit: Unit,
    },
    /// "the next two weeks": a duration starting at the reference date.
    Coming {
        n: Option<u32>,
        unit: Unit,
    },
    /// A duration anchored nowhere ("three years", "a 10-year"). `n` None: "years".
    Duration {
        n: Option<u32>,
        unit: Unit,
    },
    /// "overnight": the night before the reference date (after it under a future tense).
    Overnight,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// A recurring time, TimeML value given.
    Set(String),
    /// A fixed-date holiday: month and day.
    Holiday {
        m: u8,
        d: u8,
    },
    /// US Thanksgiving: fourth Thursday of November.
    Thanksgiving,
    /// A holiday on the nth weekday of a month (`nth` -1: the last), `plus` days after it:
    /// Labor Day (first Monday of September), Election Day (the Tuesday after the first
    /// Monday of November). `wd` counts from Monday = 1.
    NthWeekday {
        m: u8,
        wd: u8,
        nth: i8,
        plus: u8,
    },
    /// A day `plus` days from Easter Sunday (Western, Gregorian): "Easter" (0), "Good
    /// Friday" (−2), "Easter Monday" (+1); with `week`, the week that ends on Easter Sunday
    /// ("Holy Week", "Easter week").
    Easter {
        plus: i8,
        week: bool,
    },
    /// A clock time or part of day on the reference date ("at 3 p.m.", "this morning").
    Today,
}

/// A clock time or part of day qualifying a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    Hm(u8, u8),
    Part(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub sem: Sem,
    pub clock: Option<Clock>,
}

impl Expr {
    fn new(sem: Sem) -> Expr {
        Expr { sem, clock: None }
    }
    pub fn kind(&self) -> Kind {
        match self.sem {
            Sem::Past { .. } | Sem::Coming { .. } | Sem::Duration { .. } => Kind::Duration,
            Sem::Set(_) => Kind::Set,
            Sem::Overnight => Kind::Time,
            _ if self.clock.is_some() => Kind::Time,
            _ => Kind::Date,
        }
    }
}

/// The grammar's view of one text.
pub struct Grammar<'a> {
    pub low: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'a [Lex],
}

/// Street words after a house number.
const STREET: &[&str] = &[
    "st",
    "street",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "circle",
    "terrace",
    "pike",
    "trail",
];

const YEAR_PREV: &[&str] = &[
    "in", "since", "by", "of", "until", "till", "from", "to", "through", "during", "before",
    "after", "early", "late", "mid", "year", "fiscal", "between", "spring", "summer", "autumn",
    "fall", "winter", "for", "about", "around", "circa", "than",
];

/// Nouns that follow counts rather than years ("2000 troops").
const COUNTED: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "residents",
    "workers",
    "jobs",
    "cars",
    "units",
    "shares",
    "tons",
    "tonnes",
    "metres",
    "meters",
    "feet",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "members",
    "employees",
    "cases",
    "deaths",
    "votes",
    "seats",
    "points",
    "dollars",
    "yen",
    "euros",
    "pounds",
    "barrels",
    "acres",
    "hectares",
    "homes",
    "houses",
    "students",
    "delegates",
    "prisoners",
    "refugees",
    "civilians",
    "police",
    "officers",
    "fighters",
    "rebels",
    "militants",
    "protesters",
    "patients",
    "families",
    "villages",
    "buildings",
    "vehicles",
    "tanks",
    "aircraft",
    "planes",
    "rockets",
    "missiles",
    "bombs",
    "rounds",
    "hours",
    "minutes",
    "days",
    "dead",
    "killed",
    "injured",
    "wounded",
    "percent",
    "per",
    "million",
    "billion",
    "m",
    "km2",
    "sq",
    "square",
    "copies",
    "calories",
];

/// Approximation words TimeML keeps inside a duration's extent ("nearly two years"); "about",
/// "over", "only", "just" usually stay outside, and "more than", "less than", "at least", "up
/// to" are taken in `at`.
const APPROX: &[&str] = &[
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "some",
];

impl<'a> Grammar<'a> {
    fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.low[t.start..t.end],
            None => "",
        }
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }
    fn lx(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or(Lex::None)
    }
    /// Token i is glued to the previous one (no whitespace).
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }
    fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_none_or(|t| t.kind == TokKind::Punct)
    }
    /// A plain number token (digits only) that is not part of `2,000` or `1.5`.
    fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Num {
            return None;
        }
        let w = self.w(i);
        if !w.bytes().all(|b| b.is_ascii_digit()) || w.len() > 6 {
            return None;
        }
        // Glued to a number separator on either side: part of a bigger number.
        let sep = |j: usize| matches!(self.w(j), "," | ".");
        if i >= 2
            && self.glued(i)
            && sep(i - 1)
            && self.glued(i - 1)
            && self.toks[i - 2].kind == TokKind::Num
        {
            return None;
        }
        if sep(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Num)
        {
            return None;
        }
        w.parse().ok()
    }
    /// A count: digits, a number word, "a"/"an" (1), or a compound like "twenty-four".
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.num(i) {
            return Some((n, i + 1));
        }
        match self.lx(i) {
            Lex::Card(n) => {
                if n >= 20
                    && self.is(i + 1, "-")
                    && self.glued(i + 1)
                    && let Lex::Card(k) = self.lx(i + 2)
                    && k < 10
                {
                    return Some((n + k, i + 3));
                }
                Some((n, i + 1))
            }
            _ if matches!(self.w(i), "a" | "an" | "one") => Some((1, i + 1)),
            _ => None,
        }
    }
    /// Vague counts: "few", "a few", "several", "many".
    fn vague(&self, i: usize) -> Option<usize> {
        match self.w(i) {
            "few" | "several" | "many" | "some" => Some(i + 1),
            "a" if self.is(i + 1, "few") || self.is(i + 1, "couple") => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    Some(i + 3)
                } else {
                    Some(i + 2)
                }
            }
            _ => None,
        }
    }
    fn year(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        if t.end - t.start != 4 {
            return None;
        }
        let n = self.num(i)?;
        if !(1000..=2099).contains(&n) {
            return None;
        }
        if i > 0 && matches!(self.w(i - 1), "$" | "£" | "€" | "#" | "no" | "number") {
            return None;
        }
        if self.street_number(i) {
            return None;
        }
        Some(n as i32)
    }
    /// A house number or a block: "of 1935 Orchard St.", "at 6016 Dublin Road", "the 2400
    /// block of", "1200 E. Broad St." (one to three capitalised words, then a street word).
    fn street_number(&self, i: usize) -> bool {
        if self.w(i + 1) == "block" {
            return true;
        }
        // "In March 2013 High Court judges", "since 2009 Main Street has": a year after a
        // month or a temporal preposition
        if i > 0
            && (matches!(self.lx(i - 1), Lex::Month(_) | Lex::MonthAbbr(_))
                || matches!(
                    self.w(i - 1),
                    "in" | "since" | "until" | "before" | "after" | "during" | "by" | "from"
                ))
        {
            return false;
        }
        let mut j = i + 1;
        while j < self.toks.len() && j <= i + 4 {
            let w = self.w(j);
            if j > i + 1 && STREET.contains(&w) && self.toks[j].cap {
                return true;
            }
            let t = &self.toks[j];
            if !(t.cap && t.kind == TokKind::Word || w == ".") {
                return false;
            }
            j += 1;
        }
        false
    }
    /// A year in a context that makes it a year: after a temporal word, before punctuation.
    fn year_in_context(&self, i: usize) -> Option<i32> {
        let y = self.year(i)?;
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let next_ok = self.is_punct(i + 1) && !matches!(self.w(i + 1), "%" | "-" | "/")
            || matches!(
                self.w(i + 1),
                "and" | "to" | "through" | "when" | "as" | "but"
            );
        if y < 1800 {
            return None;
        }
        let list = matches!(prev, "and" | "or" | "to") && i >= 2 && self.year(i - 2).is_some();
        let prev_ok = list
            || YEAR_PREV.contains(&prev)
            || prev == "," && i >= 2 && self.lx(i - 2) != Lex::None;
        // An attributive year ("its 1990 invasion", "a 1996 law"): a plausible modern year
        // not followed by a counted noun.
        // "Flight 1920", "Resolution 2016", "at 1900 GMT" are not years.
        let prev_name = i > 0
            && self.toks[i - 1].cap
            && self.toks[i - 1].kind == TokKind::Word
            && !matches!(
                prev,
                "the" | "a" | "its" | "his" | "her" | "their" | "this" | "that" | "our"
            );
        let attributive = (1900..=2039).contains(&y)
            && !prev_name
            && prev != "at"
            && !matches!(self.w(i + 1), "gmt" | "utc" | "hrs" | "hours" | "local")
            && !COUNTED.contains(&self.w(i + 1))
            && !matches!(
                prev,
                "$" | "£" | "€" | "about" | "some" | "over" | "nearly" | "almost"
            );
        (next_ok || prev_ok || attributive).then_some(y)
    }
    /// A month name at i: (month, next index). Full names must be capitalised; "May" and
    /// "March" need support (a day, a year, or a temporal word before); abbreviations need a
    /// period or a following day/year.
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.toks.get(i)?;
        if !t.cap {
            return None;
        }
        match self.lx(i) {
            Lex::Month(m) => Some((m, i + 1)),
            Lex::MonthAbbr(m) => {
                if self.is(i + 1, ".") && self.glued(i + 1) {
                    Some((m, i + 2))
                } else {
                    Some((m, i + 1))
                }
            }
            _ => None,
        }
    }
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(n) = self.num(i) {
            if (1..=31).contains(&n) && self.w(i).len() <= 2 {
                return Some((n as u8, i + 1));
            }
            return None;
        }
        let n = ordinal(self.w(i))?;
        (1..=31).contains(&n).then_some((n as u8, i + 1))
    }
    /// ", 2016" or " 2016" after a day or month.
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, ",") { i + 1 } else { i };
        let y = self.year(j)?;
        // "Oct. 15 2016 troops": avoid counting a following quantity as a year.
        if j == i && !self.is_punct(j + 1) && self.lx(j + 1) != Lex::None {
            return None;
        }
        Some((y, j + 1))
    }

    /// "this year" / "last year" / "next year" at i (not "last year's"): the year offset.
    fn year_rel(&self, i: usize) -> Option<i32> {
        let off = match self.w(i) {
            "this" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        (self.is(i + 1, "year") && !matches!(self.w(i + 2), "'" | "’")).then_some(off)
    }

    /// Month-name dates. Returns (end, Sem).
    fn month_date(&self, i: usize) -> Option<(usize, Sem)> {
        // Day Month [Year]: "15 October 2016", "the 15th of October".
        let (start_day, j0) = if self.is(i, "the") {
            (i + 1, true)
        } else {
            (i, false)
        };
        if let Some((d, j)) = self.day(start_day) {
            let j = if self.is(j, "of") { j + 1 } else { j };
            let ord_word = self.lx(start_day) != Lex::None;
            if let Some((m, k)) = self.month(j)
                && (!ord_word || j0)
                && valid_md(m, d)
            {
                if let Some((y, e)) = self.trailing_year(k) {
                    return Some((e, Sem::Ymd { y: Some(y), m, d }));
                }
                return Some((k, Sem::Ymd { y: None, m, d }));
            }
        }
        if j0 {
            return None;
        }
        let (m, j) = self.month(i)?;
        let abbr = matches!(self.lx(i), Lex::MonthAbbr(_));
        // Month Day [, Year]
        if let Some((d, k)) = self.day(j) {
            // "March 10 people" would be odd; demand the day is not followed by a unit or noun
            // when the month is a common word.
            let next_is_word = self.toks.get(k).is_some_and(|t| t.kind == TokKind::Word);
            let bare_digits = self.num(j).is_some();
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let ambiguous = matches!(m, 3 | 5)
                && !abbr
                && !matches!(
                    prev,
                    "on" | "by"
                        | "since"
                        | "until"
                        | "till"
                        | "before"
                        | "after"
                        | "from"
                        | "to"
                        | "of"
                        | "through"
                        | "and"
                        | ","
                        | "-"
                        | "between"
                        | "early"
                        | "late"
                        | "mid"
                );
            // "March 10 people": a count and its noun.
            let plural_next = self.toks.get(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && (self.w(k).ends_with('s') || COUNTED.contains(&self.w(k)))
            });
            if valid_md(m, d)
                && !(ambiguous && next_is_word && bare_digits && plural_next && !self.is(k, "and"))
            {
                if let Some((y, e)) = self.trailing_year(k) {
                    return Some((e, Sem::Ymd { y: Some(y), m, d }));
                }
                return Some((k, Sem::Ymd { y: None, m, d }));
            }
        }
        // Month [,|of] Year
        let k = if self.is(j, ",") || self.is(j, "of") {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year(k) {
            return Some((k + 1, Sem::Ym { y: Some(y), m }));
        }
        if let Some((e, y)) = self.spelled_year(k) {
            return Some((e, Sem::Ym { y: Some(y), m }));
        }
        // Month alone.
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let supported = matches!(
            prev,
            "in" | "since"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "until"
                | "till"
                | "by"
                | "of"
                | "from"
                | "through"
                | "during"
                | "before"
                | "after"
                | "-"
                | "and"
                | "or"
                | "between"
                | "to"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "each"
                | "every"
                | "that"
                | "in-"
        ) || self.year_rel(j).is_some();
        // "the March accession", "the May elections": a capitalised month name between an
        // article and a lowercase noun modifies it; "the March on Washington" is a name.
        let attributive = prev == "the"
            && self
                .toks
                .get(j)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
            && !matches!(
                self.w(j),
                "on" | "of"
                    | "to"
                    | "for"
                    | "in"
                    | "from"
                    | "through"
                    | "across"
                    | "at"
                    | "by"
                    | "and"
                    | "or"
                    | "that"
                    | "which"
                    | "was"
                    | "is"
                    | "were"
                    | "are"
                    | "will"
                    | "would"
                    | "has"
                    | "had"
            );
        let supported = supported || attributive;
        if abbr {
            // "Oct." alone is rare but clear; "Jan" without a period is a name.
            return (j == i + 2 && supported).then_some((j, Sem::Ym { y: None, m }));
        }
        if matches!(m, 3 | 5) && !supported {
            return None;
        }
        // "June Carter", "April Ryan": a month name before a capitalised word is a first name
        // unless a temporal word supports it.
        if !supported
            && self
                .toks
                .get(j)
                .is_some_and(|t| t.cap && t.kind == TokKind::Word && t.space)
            && !matches!(self.lx(j), Lex::Month(_) | Lex::Weekday(_))
        {
            return None;
        }
        // "May" at the start of a question or after a modal-like context stays a verb.
        if m == 5
            && !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "from"
                    | "during"
                    | "last"
                    | "next"
                    | "this"
            )
            && self
                .toks
                .get(j)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
            && !matches!(self.w(j), "and" | "or" | "to" | "through" | "when" | "as")
        {
            return None;
        }
        Some((j, Sem::Ym { y: None, m }))
    }

    /// "last November", "this September", "next March".
    fn month_rel(&self, i: usize) -> Option<(usize, Expr)> {
        let rel = match self.w(i) {
            "last" | "past" => Rel::Last,
            "next" | "coming" => Rel::Next,
            "this" => Rel::This,
            _ => return None,
        };
        let (m, j) = self.month(i + 1)?;
        if matches!(self.lx(i + 1), Lex::MonthAbbr(_)) && j != i + 3 {
            return None;
        }
        if self.day(j).is_some() || self.year(j).is_some() {
            return None;
        }
        Some((j, Expr::new(Sem::MonthRel { m, rel })))
    }

    /// Numeric dates: 2016-10-15, 10/15/2016 (US order), 15.10.2016 is not attempted.
    fn numeric_date(&self, i: usize) -> Option<(usize, Sem)> {
        let a = self.num(i)?;
        let la = self.w(i).len();
        let glued3 =
            self.glued(i + 1) && self.glued(i + 2) && self.glued(i + 3) && self.glued(i + 4);
        if !glued3 {
            return None;
        }
        let s1 = self.w(i + 1);
        let s2 = self.w(i + 3);
        let b = self.num(i + 2)?;
        let c = self.num(i + 4)?;
        if la == 4 && s1 == "-" && s2 == "-" {
            let (m, d) = (b as u8, c as u8);
            if valid_md(m, d) && (1000..=2099).contains(&a) {
                return Some((
                    i + 5,
                    Sem::Ymd {
                        y: Some(a as i32),
                        m,
                        d,
                    },
                ));
            }
        }
        if s1 == "/" && s2 == "/" && self.w(i + 4).len() == 4 && la <= 2 {
            // US order (month/day/year); day first when the first number cannot be a month.
            let (m, d) = if a > 12 && b <= 12 {
                (b as u8, a as u8)
            } else {
                (a as u8, b as u8)
            };
            if valid_md(m, d) && (1000..=2099).contains(&c) {
                return Some((
                    i + 5,
                    Sem::Ymd {
                        y: Some(c as i32),
                        m,
                        d,
                    },
                ));
            }
        }
        None
    }

    /// Weekday with optional relation word and part of day; "Friday, Oct. 14" becomes a date.
    fn weekday(&self, i: usize) -> Option<(usize, Expr)> {
        if self.recurring_weekday(i).is_some() {
            return None;
        }
        let (rel, j) = match self.w(i) {
            "last" | "past" | "previous" => (Rel::Last, i + 1),
            "next" | "coming" | "following" => (Rel::Next, i + 1),
            "the" if matches!(self.w(i + 1), "previous" | "following") => {
                let r = if self.is(i + 1, "previous") {
                    Rel::Last
                } else {
                    Rel::Next
                };
                (r, i + 2)
            }
            "this" if self.is(i + 1, "coming") || self.is(i + 1, "past") => {
                let r = if self.is(i + 1, "coming") {
                    Rel::Next
                } else {
                    Rel::Last
                };
                (r, i + 2)
            }
            "this" => (Rel::This, i + 1),
            _ => (Rel::Tense, i),
        };
        let Lex::Weekday(wd) = self.lx(j) else {
            return None;
        };
        let t = self.toks[j];
        let abbr = t.end - t.start <= 5 && !self.w(j).ends_with("day");
        let mut k = j + 1;
        if abbr {
            if !(t.cap && self.is(k, ".") && self.glued(k)) {
                return None;
            }
            k += 1;
        }
        if !t.cap && rel == Rel::Tense {
            return None;
        }
        // Newspaper titles: "The Sunday Times", "the Sunday Telegraph".
        if self.toks.get(k).is_some_and(|t| t.cap)
            && matches!(
                self.w(k),
                "times"
                    | "telegraph"
                    | "express"
                    | "mirror"
                    | "post"
                    | "herald"
                    | "tribune"
                    | "mail"
                    | "independent"
                    | "observer"
                    | "star"
                    | "sport"
                    | "people"
            )
        {
            return None;
        }
        // "Friday, Oct. 14" / "Friday 14 October"
        if rel == Rel::Tense {
            let d0 = if self.is(k, ",") { k + 1 } else { k };
            if let Some((e, sem)) = self.month_date(d0)
                && matches!(sem, Sem::Ymd { .. })
            {
                return Some((e, Expr::new(sem)));
            }
        }
        let mut x = Expr::new(Sem::Weekday { wd, rel });
        if let Lex::PartOfDay(p) = self.lx(k) {
            x.clock = Some(Clock::Part(p));
            k += 1;
            // "Friday evening, June 17": the date in apposition names the day.
            if rel == Rel::Tense
                && self.is(k, ",")
                && let Some((e, sem)) = self.month_date(k + 1)
                && matches!(sem, Sem::Ymd { .. })
            {
                let mut d = Expr::new(sem);
                d.clock = x.clock;
                return Some((e, d));
            }
        }
        Some((k, x))
    }

    /// A clock time: "3 p.m.", "10:50 a.m.", "3pm", "noon", "midnight", with a time zone.
    fn clock(&self, i: usize) -> Option<(usize, Clock)> {
        let w = self.w(i);
        match w {
            // "high noon" is an idiom (or a film), not a clock time.
            "noon" if i > 0 && self.is(i - 1, "high") => return None,
            "noon" | "midday" => return Some((i + 1, Clock::Hm(12, 0))),
            "midnight" => return Some((i + 1, Clock::Hm(24, 0))),
            _ => {}
        }
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Num {
            return None;
        }
        // Military style: "1900 GMT", "0600 hrs".
        if w.len() == 4
            && matches!(self.w(i + 1), "gmt" | "utc" | "hrs" | "hours" | "local")
            && let Some(n) = self.num(i)
            && n / 100 <= 24
            && n % 100 < 60
        {
            let mut j = i + 2;
            if self.is(i + 1, "local") {
                if !self.is(i + 2, "time") {
                    return None;
                }
                j += 1;
            }
            return Some((j, Clock::Hm((n / 100) as u8, (n % 100) as u8)));
        }
        let (h, mut j, suffix) = if let Some(h) = self.num(i) {
            (h, i + 1, "")
        } else {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            let suf = &w[digits..];
            if !matches!(suf, "am" | "pm") {
                return None;
            }
            (w[..digits].parse().ok()?, i + 1, suf)
        };
        if h > 24 {
            return None;
        }
        let mut min = 0u32;
        if suffix.is_empty() && self.is(j, ":") && self.glued(j) && self.glued(j + 1) {
            let m = self.num(j + 1)?;
            if m >= 60 || self.w(j + 1).len() != 2 {
                return None;
            }
            min = m;
            j += 2;
        }
        let mut pm = match suffix {
            "pm" => Some(true),
            "am" => Some(false),
            _ => None,
        };
        if pm.is_none() {
            // a.m. / p.m. / am / pm / a.m / p.m
            let a = self.w(j);
            if (a == "a" || a == "p") && self.is(j + 1, ".") && self.is(j + 2, "m") {
                pm = Some(a == "p");
                j += 3;
                if self.is(j, ".") && self.glued(j) {
                    j += 1;
                }
            } else if a == "am" || a == "pm" {
                pm = Some(a == "pm");
                j += 1;
            } else if self.is(j, "o") && self.is(j + 1, "'") && self.is(j + 2, "clock") {
                j += 3;
                pm = Some(h < 7);
            } else if min == 0
                && (1..=12).contains(&h)
                && self.is(j, "in")
                && self.is(j + 1, "the")
                && matches!(self.w(j + 2), "morning" | "afternoon" | "evening")
            {
                // "4 in the morning", "6 in the evening".
                pm = Some(self.w(j + 2) != "morning");
                j += 3;
            } else if min == 0
                && (1..=12).contains(&h)
                && self.is(j, "at")
                && self.is(j + 1, "night")
            {
                pm = Some((6..12).contains(&h));
                j += 2;
            } else if min == 0 || !matches!(a, "gmt" | "utc" | "local" | "hrs" | "hours") {
                return None;
            }
        }
        let mut h = h;
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        if matches!(
            self.w(j),
            "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "pst" | "pdt" | "et" | "bst" | "cet"
        ) {
            j += 1;
        } else if self.is(j, "local") && self.is(j + 1, "time") {
            j += 2;
        }
        Some((j, Clock::Hm(h as u8, min as u8)))
    }

    /// today / yesterday / tomorrow / tonight / last night / this morning / overnight.
    fn deictic(&self, i: usize) -> Option<(usize, Expr)> {
        let w = self.w(i);
        let off = match w {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        // "today's world", "today's youth": "today" in the sense of "nowadays" (TIDES: a
        // generic "today" is PRESENT_REF), which dates nothing.
        if w == "today"
            && matches!(self.w(i + 1), "'" | "’")
            && self.is(i + 2, "s")
            && matches!(
                self.w(i + 3),
                "world"
                    | "society"
                    | "youth"
                    | "generation"
                    | "standards"
                    | "economy"
                    | "children"
                    | "families"
                    | "technology"
                    | "culture"
                    | "young"
            )
        {
            return Some((i + 1, Expr::new(Sem::Ref("PRESENT_REF"))));
        }
        if let Some(off) = off {
            let mut x = Expr::new(Sem::DayOff(off));
            let mut j = i + 1;
            if let Lex::PartOfDay(p) = self.lx(j) {
                x.clock = Some(Clock::Part(p));
                j += 1;
            }
            return Some((j, x));
        }
        match w {
            "tonight" => Some((
                i + 1,
                Expr {
                    sem: Sem::DayOff(0),
                    clock: Some(Clock::Part("NI")),
                },
            )),
            "overnight" => Some((i + 1, Expr::new(Sem::Overnight))),
            "last" if self.is(i + 1, "night") => Some((
                i + 2,
                Expr {
                    sem: Sem::DayOff(-1),
                    clock: Some(Clock::Part("NI")),
                },
            )),
            // Narrative days, counted from the day last named: "the next day", "that day".
            "the" | "that" | "later" | "earlier" if self.narrative_day(i).is_some() => {
                let (k, off, clock) = self.narrative_day(i)?;
                Some((
                    k,
                    Expr {
                        sem: Sem::Shift {
                            n: off,
                            unit: Unit::Day,
                        },
                        clock,
                    },
                ))
            }
            "this" | "earlier" | "later" => {
                let j = if w != "this" && self.is(i + 1, "this") {
                    i + 2
                } else {
                    i + 1
                };
                match self.lx(j) {
                    Lex::PartOfDay(p) if p != "NI" || w == "this" => Some((
                        j + 1,
                        Expr {
                            sem: Sem::Today,
                            clock: Some(Clock::Part(p)),
                        },
                    )),
                    _ if w == "earlier" && self.is(i + 1, "today") => {
                        Some((i + 2, Expr::new(Sem::DayOff(0))))
                    }
                    _ => None,
                }
            }
            // "more this year than last": the unit of the "this" before it, one back.
            "last" if i >= 2 && matches!(self.w(i - 1), "as" | "than") && self.is_punct(i + 1) => {
                let unit = (i.saturating_sub(16)..i - 1)
                    .rev()
                    .find(|&k| self.is(k, "this") && self.unit(k + 1).is_some())
                    .and_then(|k| self.unit(k + 1))?;
                Some((i + 1, Expr::new(Sem::UnitOff { unit, off: -1 })))
            }
            // "It's the third day of the strike", "today is the fifth day of talks": a
            // count of days that names the present day.
            "the"
                if crate::lex::ordinal(self.w(i + 1)).is_some()
                    && self.is(i + 2, "day")
                    && self.is(i + 3, "of")
                    && self.present_copula_before(i) =>
            {
                Some((i + 3, Expr::new(Sem::DayOff(0))))
            }
            "the" if self.is(i + 1, "day") => {
                let (k, off) = match (self.w(i + 2), self.w(i + 3)) {
                    ("before", "yesterday") => (i + 4, -2),
                    ("after", "tomorrow") => (i + 4, 2),
                    _ => return None,
                };
                Some((k, Expr::new(Sem::DayOff(off))))
            }
            _ => None,
        }
    }

    /// "it is" / "it's" / "today is" / "this is" right before token i.
    fn present_copula_before(&self, i: usize) -> bool {
        if i >= 2 && self.is(i - 1, "is") {
            return matches!(self.w(i - 2), "it" | "today" | "this");
        }
        i >= 3 && self.is(i - 1, "s") && matches!(self.w(i - 2), "'" | "’") && self.is(i - 3, "it")
    }

    /// "the next day", "the following day", "the previous day", "the day before", "that
    /// day", "the same day", "later that day", "that night": (end, offset, part of day).
    fn narrative_day(&self, i: usize) -> Option<(usize, i32, Option<Clock>)> {
        let mut j = i;
        if matches!(self.w(j), "later" | "earlier") {
            j += 1;
            if !self.is(j, "that") {
                return None;
            }
        }
        let w = self.w(j);
        let part = |k: usize| match self.lx(k) {
            Lex::PartOfDay(p) => Some(Clock::Part(p)),
            _ => None,
        };
        let end_ok = |k: usize| self.is_punct(k) || matches!(self.w(k), "and" | "but" | "when");
        match (w, self.w(j + 1), self.w(j + 2)) {
            ("the", "next" | "following", "day") => Some((j + 3, 1, None)),
            ("the", "previous", "day") => Some((j + 3, -1, None)),
            ("the", "day", "before") if end_ok(j + 3) => Some((j + 3, -1, None)),
            ("the", "day", "after") if end_ok(j + 3) => Some((j + 3, 1, None)),
            ("the", "same", "day") => Some((j + 3, 0, None)),
            ("that", "same", "day") => Some((j + 3, 0, None)),
            ("that", "day", _) => Some((j + 2, 0, None)),
            ("that", _, _) if part(j + 1).is_some() => Some((j + 2, 0, part(j + 1))),
            ("the", "next" | "following", _) if part(j + 2).is_some() => {
                Some((j + 3, 1, part(j + 2)))
            }
            ("the", "previous", _) if part(j + 2).is_some() => Some((j + 3, -1, part(j + 2))),
            // "in the morning" of a narrative ("prices slid Friday … sold in the morning");
            // the scan keeps it only next to a sentence that names its day.
            ("the", _, _) if j >= 1 && self.is(j - 1, "in") && part(j + 1).is_some() => {
                Some((j + 2, 0, part(j + 1)))
            }
            _ => None,
        }
    }

    /// A unit word (singular) at i.
    fn unit(&self, i: usize) -> Option<Unit> {
        match self.lx(i) {
            Lex::Unit(u) => Some(u),
            _ => None,
        }
    }
    fn unit_any(&self, i: usize) -> Option<Unit> {
        match self.lx(i) {
            Lex::Unit(u) | Lex::Units(u) => Some(u),
            _ => None,
        }
    }

    /// this/last/next/past/previous/coming + unit; the past N units; earlier this week.
    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        let w = self.w(i);
        // "earlier this week", "later in the year": counted within the current unit.
        if w == "earlier" || w == "later" {
            // ("earlier that year" is an anaphor: read below.)
            let k = match (self.w(i + 1), self.w(i + 2)) {
                ("this", _) => i + 2,
                ("in", "the") => i + 3,
                _ => 0,
            };
            if k > 0 {
                let u = self
                    .unit(k)
                    .filter(|&u| u >= Unit::Week && u != Unit::Weekend)?;
                let sem = if w == "earlier" {
                    Sem::EarlierThis(u)
                } else {
                    Sem::LaterThis(u)
                };
                return Some((k + 1, Expr::new(sem)));
            }
        }
        let (the, j) = if w == "the" {
            (true, i + 1)
        } else {
            (false, i)
        };
        let r = self.w(j);
        // "the year", "the full year", "the fiscal year", "the current fiscal year": in news
        // the reporting year, the year of the reference date. "The year ended Sept. 30" is
        // a duration, "the year before" counts from another time, "the year 2000" names one.
        if the {
            let mut k = j;
            let mut off = 0;
            match r {
                "full" | "current" => k += 1,
                // "the latest fiscal year": the last one completed.
                "latest" | "last" | "previous" | "past" if self.is(j + 1, "fiscal") => {
                    k += 1;
                    off = -1;
                }
                _ => {}
            }
            if self.is(k, "fiscal") {
                k += 1;
            }
            let next = self.w(k + 1);
            if self.is(k, "year")
                && !self.toks[k].cap
                && (i == 0 || !matches!(self.w(i - 1), "throughout" | "all"))
                && !matches!(
                    next,
                    "ended"
                        | "ending"
                        | "ends"
                        | "end"
                        | "to"
                        | "before"
                        | "after"
                        | "earlier"
                        | "ago"
                        | "since"
                        | "-"
                        | "'"
                        | "’"
                        | "in"
                        | "when"
                        | "that"
                        | "which"
                        | "old"
                        | "long"
                )
                // "the year of his birth" names another year; "a peak for the year of
                // $18" is the reporting year.
                && (next != "of" || self.w(k + 2) == "$" || self.num(k + 2).is_some())
                && self.year(k + 1).is_none()
                && self.spelled_year(k + 1).is_none()
                && self.toks.get(k + 1).is_none_or(|t| t.kind != TokKind::Num)
            {
                return Some((
                    k + 1,
                    Expr::new(Sem::UnitOff {
                        unit: Unit::Year,
                        off,
                    }),
                ));
            }
        }
        // "the past/last/next/coming N units", "the past few weeks", "the past week".
        if the
            && matches!(
                r,
                "past" | "last" | "next" | "coming" | "following" | "previous" | "first"
            )
        {
            let forward = matches!(r, "next" | "coming" | "following" | "first");
            let (n, k) = if let Some((n, k)) = self.count(j + 1) {
                (Some(n), k)
            } else if let Some(k) = self.vague(j + 1) {
                (None, k)
            } else {
                (Some(1), j + 1)
            };
            let k = if self.is(k, "more") { k + 1 } else { k };
            if let Some(u) = self.unit_any(k) {
                // "the coming weeks": no count and a plural unit is a vague amount.
                let n = if k == j + 1 && matches!(self.lx(k), Lex::Units(_)) {
                    None
                } else {
                    n
                };
                if r == "previous" && n == Some(1) && k == j + 1 {
                    return Some((k + 1, Expr::new(Sem::UnitOff { unit: u, off: -1 })));
                }
                if r == "first" {
                    return Some((k + 1, Expr::new(Sem::Duration { n, unit: u })));
                }
                // "the past year", "the last month": one unit, no count.
                let single = k == j + 1 && matches!(self.lx(k), Lex::Unit(_));
                if single
                    && matches!(r, "past" | "last")
                    && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade)
                {
                    return Some((k + 1, Expr::new(Sem::PastUnit(u))));
                }
                // "the following year": the year after the one last named.
                if single && r == "following" && matches!(u, Unit::Month | Unit::Year) {
                    return Some((k + 1, Expr::new(Sem::Anaphor { unit: u, off: 1 })));
                }
                let sem = if forward {
                    Sem::Coming { n, unit: u }
                } else {
                    Sem::Past { n, unit: u }
                };
                return Some((k + 1, Expr::new(sem)));
            }
            return None;
        }
        // "year-end", "year end", "year's end": the reference year (TimeML: the year, with an
        // END modifier).
        if !the && r == "year" {
            let k = if self.is(j + 1, "-") && self.glued(j + 1) {
                j + 2
            } else if matches!(self.w(j + 1), "'" | "’") && self.is(j + 2, "s") {
                j + 3
            } else {
                j + 1
            };
            if self.is(k, "end") && !matches!(self.w(k + 1), "-" | "of") {
                return Some((
                    k + 1,
                    Expr::new(Sem::UnitOff {
                        unit: Unit::Year,
                        off: 0,
                    }),
                ));
            }
        }
        // "the end of the year", "the beginning of the month": the unit containing the
        // reference date (the modifier is taken in `at`).
        if the
            && j >= 3
            && self.is(j - 2, "of")
            && matches!(
                self.w(j - 3),
                "end" | "beginning" | "start" | "middle" | "close" | "turn"
            )
            && let Some(u) = self.unit(j)
            && matches!(u, Unit::Week | Unit::Month | Unit::Year)
        {
            return Some((j + 1, Expr::new(Sem::UnitOff { unit: u, off: 0 })));
        }
        // "that year", "later that month", "earlier that year": the unit last named.
        if matches!(r, "that" | "later" | "earlier") && !the {
            let k = if r == "that" {
                j + 1
            } else if self.is(j + 1, "that") {
                j + 2
            } else {
                return None;
            };
            if let Some(u) = self.unit(k)
                && matches!(u, Unit::Month | Unit::Year)
            {
                return Some((k + 1, Expr::new(Sem::Anaphor { unit: u, off: 0 })));
            }
            // "results for that quarter": the quarter last named (resolved in the scan).
            if r == "that" && self.is(k, "quarter") && !matches!(self.w(k + 1), "-" | "of") {
                return Some((k + 1, Expr::new(Sem::QuarterAgo(0))));
            }
            return None;
        }
        // "the comparable year-ago quarter": the adjective joins the expression.
        let (j, r) = if the && matches!(r, "comparable" | "corresponding") && self.is(j + 1, "year")
        {
            (j + 1, "year")
        } else {
            (j, r)
        };
        // "year-earlier", "the year-ago quarter": the same quarter a year before.
        if r == "year"
            && self.is(j + 1, "-")
            && self.glued(j + 1)
            && matches!(self.w(j + 2), "ago" | "earlier")
        {
            let k = j + 3;
            // "the year-earlier third quarter": that quarter of the previous year.
            if let Some(n) = ordinal(self.w(k))
                && (1..=4).contains(&n)
            {
                let e = match (self.w(k + 1), self.w(k + 2)) {
                    ("quarter", _) => Some(k + 2),
                    ("-", "quarter") if self.glued(k + 1) => Some(k + 3),
                    _ => None,
                };
                if let Some(e) = e {
                    return Some((
                        e,
                        Expr::new(Sem::PartOfYear {
                            half: false,
                            n: n as u8,
                            yoff: -1,
                        }),
                    ));
                }
            }
            if matches!(self.w(k), "quarter" | "period") {
                return Some((k + 1, Expr::new(Sem::QuarterAgo(1))));
            }
            if !the {
                return Some((k, Expr::new(Sem::QuarterAgo(1))));
            }
            return None;
        }
        if the
            && let Some(y) = self.year(j)
            && matches!(self.w(j + 1), "quarter" | "period")
        {
            return Some((j + 2, Expr::new(Sem::QuarterIn(y))));
        }
        if the
            && r == "week"
            && self.is(j + 1, "of")
            && let Some((e, sem)) = self.month_date(j + 2)
            && matches!(sem, Sem::Ymd { .. })
        {
            return Some((e, Expr::new(Sem::WeekOf(Box::new(sem)))));
        }
        if the {
            // "the weekend", "the quarter", "the latest quarter", "the most recent period".
            if r == "weekend" {
                return Some((j + 1, Expr::new(Sem::Weekend(Rel::Tense))));
            }
            let k = match (r, self.w(j + 1)) {
                ("latest", _) => j + 1,
                ("most", "recent") => j + 2,
                _ => j,
            };
            // "the same quarter last year", "the corresponding period a year ago": the
            // reported quarter a year back, as one expression.
            let (k, same) = match r {
                "same" | "corresponding" | "comparable"
                    if matches!(self.w(j + 1), "quarter" | "period") =>
                {
                    (j + 1, true)
                }
                _ => (k, false),
            };
            let w = self.w(k);
            if (w == "quarter" && !matches!(self.w(k + 1), "of" | "-" | "century"))
                || (w == "period" && k > j)
            {
                let year_back = match (self.w(k + 1), self.w(k + 2), self.w(k + 3)) {
                    ("last", "year", _) => Some(k + 3),
                    ("a", "year", "ago" | "earlier") => Some(k + 4),
                    _ => None,
                };
                if let Some(e) = year_back {
                    return Some((e, Expr::new(Sem::QuarterAgo(1))));
                }
                if !same {
                    return Some((k + 1, Expr::new(Sem::QuarterAgo(0))));
                }
            }
        }
        let off = match r {
            "last" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
        if !the && r == "previous" {
            return None;
        }
        // "last year's quarter": the reported quarter a year back.
        if r == "last"
            && self.is(j + 1, "year")
            && matches!(self.w(j + 2), "'" | "’")
            && self.is(j + 3, "s")
            && matches!(self.w(j + 4), "quarter" | "period")
        {
            return Some((j + 5, Expr::new(Sem::QuarterAgo(1))));
        }
        // "last fiscal year", "this fiscal year": the fiscal year is named by its calendar
        // year ("fiscal 1989" → 1989), so it is read as "last year".
        let j = if self.is(j + 1, "fiscal") && self.is(j + 2, "year") {
            j + 1
        } else {
            j
        };
        let u = self.unit(j + 1)?;
        if u < Unit::Day || (u == Unit::Day && off != 0) {
            return None;
        }
        if u == Unit::Weekend {
            let rel = match off {
                -1 => Rel::Last,
                1 => Rel::Next,
                _ => Rel::This,
            };
            return Some((j + 2, Expr::new(Sem::Weekend(rel))));
        }
        Some((j + 2, Expr::new(Sem::UnitOff { unit: u, off })))
    }

    /// N units ago / earlier; "a year ago"; "several years ago".
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        let (n, j) = if let Some((n, j)) = self.count(i) {
            (Some(n), j)
        } else {
            (None, self.vague(i)?)
        };
        let u = self.unit_any(j)?;
        let end_ok = |k: usize| self.is_punct(k) || matches!(self.w(k), "and" | "but" | "when");
        // "a week or so ago".
        let j = if self.is(j + 1, "or") && self.is(j + 2, "so") && self.is(j + 3, "ago") {
            j + 2
        } else {
            j
        };
        match self.w(j + 1) {
            "ago" => Some((j + 2, Expr::new(Sem::Ago { n, unit: u }))),
            // "two days earlier", "a week later": counted from the day last named.
            "earlier" | "before" | "later" | "after"
                if n.is_some()
                    && u <= Unit::Week
                    && u >= Unit::Day
                    && (matches!(self.w(j + 1), "earlier" | "later") || end_ok(j + 2)) =>
            {
                let k = n? as i32;
                let off = if matches!(self.w(j + 1), "earlier" | "before") {
                    -k
                } else {
                    k
                };
                Some((j + 2, Expr::new(Sem::Shift { n: off, unit: u })))
            }
            "earlier" if n.is_some() && !self.is(j + 2, "this") => {
                Some((j + 2, Expr::new(Sem::Ago { n, unit: u })))
            }
            _ => None,
        }
    }

    /// Seasons: "last summer", "spring 2015", "the spring of 2015", "this fall".
    fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let (rel, j) = match self.w(i) {
            "last" | "past" | "previous" => (Rel::Last, i + 1),
            "next" | "coming" | "following" => (Rel::Next, i + 1),
            "the" if matches!(self.w(i + 1), "previous" | "following") => {
                let r = if self.is(i + 1, "previous") {
                    Rel::Last
                } else {
                    Rel::Next
                };
                (r, i + 2)
            }
            // "this past spring", "this coming winter", as for weekdays.
            "this" if self.is(i + 1, "past") => (Rel::Last, i + 2),
            "this" if self.is(i + 1, "coming") => (Rel::Next, i + 2),
            "this" => (Rel::This, i + 1),
            "the" => (Rel::Tense, i + 1),
            _ => (Rel::Tense, i),
        };
        let Lex::Season(s) = self.lx(j) else {
            return None;
        };
        let mut k = j + 1;
        let k2 = if self.is(k, "of") { k + 1 } else { k };
        let mut y = self.year(k2);
        if y.is_some() {
            k = k2 + 1;
        } else if let Some((e, yy)) = self.spelled_year(k2) {
            y = Some(yy);
            k = e;
        }
        // A bare "fall" is a verb; a bare season needs a relation, "the", or a year.
        if j == i && y.is_none() {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if s == 2 && self.w(j) == "fall"
                || !matches!(
                    prev,
                    "in" | "during" | "since" | "until" | "by" | "early" | "late" | "mid"
                )
            {
                return None;
            }
        }
        if self.is(k, "of") && self.is(k + 1, "last") && self.is(k + 2, "year") {
            // "the summer of last year"
            return Some((
                k + 3,
                Expr::new(Sem::Season {
                    s,
                    y: None,
                    rel: Rel::Last,
                }),
            ));
        }
        Some((k, Expr::new(Sem::Season { s, y, rel })))
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the first half of 1999".
    fn quarter(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let mut y = None;
        let mut yoff = None;
        if let Some(yy) = self.year(j) {
            y = Some(yy);
            j += 1;
        } else if self.is(j + 1, "year")
            && matches!(self.w(j + 2), "'" | "’")
            && self.is(j + 3, "s")
        {
            // "this year's third quarter"
            yoff = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if yoff.is_some() {
                j += 4;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // "the first two quarters of 1990": the first half.
        let two_quarters = matches!(self.w(j), "first" | "latter")
            && self.is(j + 1, "two")
            && self.is(j + 2, "quarters");
        let (n, j) = if two_quarters {
            (if self.is(j, "first") { 1 } else { 2 }, j + 1)
        } else {
            (
                match self.w(j) {
                    "last" | "latter" if self.is(j + 1, "half") => 2,
                    w => ordinal(w)?,
                },
                j,
            )
        };
        let (half, k) = match (self.w(j + 1), self.w(j + 2)) {
            _ if two_quarters => (true, j + 2),
            ("-", "quarter") if self.glued(j + 1) => (false, j + 3),
            ("quarter", _) => (false, j + 2),
            ("-", "half") if self.glued(j + 1) => (true, j + 3),
            ("half", _) => (true, j + 2),
            _ => return None,
        };
        let mut k = k;
        // "the last half of the '70s": TimeML has no half decade; the decade is the value.
        if half
            && y.is_none()
            && self.is(k, "of")
            && let Some((e, x)) = self.decade(k + 1)
        {
            return Some((e, x));
        }
        if y.is_none() {
            let k2 = if self.is(k, "of") || self.is(k, ",") {
                k + 1
            } else {
                k
            };
            if let Some(yy) = self.year(k2) {
                y = Some(yy);
                k = k2 + 1;
            }
        }
        if let Some(off) = yoff {
            let ok = if half {
                (1..=2).contains(&n)
            } else {
                (1..=4).contains(&n)
            };
            return ok.then_some((
                k,
                Expr::new(Sem::PartOfYear {
                    half,
                    n: n as u8,
                    yoff: off,
                }),
            ));
        }
        if half {
            if !(1..=2).contains(&n) {
                return None;
            }
            Some((k, Expr::new(Sem::Half { h: n as u8, y })))
        } else {
            if !(1..=4).contains(&n) {
                return None;
            }
            Some((k, Expr::new(Sem::Quarter { q: n as u8, y })))
        }
    }

    /// Decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century".
    fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        let (the, j) = if self.is(i, "the") {
            (true, i + 1)
        } else {
            (false, i)
        };
        let w = self.w(j);
        // 1990s
        if w.len() == 5 && w.ends_with("0s") && w[..4].bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = w[..4].parse().ok()?;
            if (1000..=2090).contains(&y) {
                return Some((j + 1, Expr::new(Sem::Decade(y / 10))));
            }
        }
        // '90s
        if (w == "'" || w == "’") && the {
            let d = self.w(j + 1);
            if self.glued(j + 1) && d.len() == 3 && d.ends_with("0s") {
                let n: i32 = d[..2].parse().ok()?;
                let c = if n <= 20 { 200 } else { 190 };
                return Some((j + 2, Expr::new(Sem::Decade(c + n / 10))));
            }
        }
        if let Lex::DecadeWord(d) = self.lx(j)
            && the
        {
            return Some((j + 1, Expr::new(Sem::Decade(190 + d as i32))));
        }
        // ordinal century ("the 20th century", "an 11th century temple")
        if the || self.is(i, "this") || ordinal(w).is_some() && self.is(j + 1, "century") {
            if self.is(i, "this") && self.is(i + 1, "century") {
                return Some((
                    i + 2,
                    Expr::new(Sem::UnitOff {
                        unit: Unit::Century,
                        off: 0,
                    }),
                ));
            }
            let (n, k) = if let Some(n) = ordinal(w) {
                (n, j + 1)
            } else if let (Lex::Card(20), "-", Some(k)) =
                (self.lx(j), self.w(j + 1), ordinal(self.w(j + 2)))
            {
                (20 + k, j + 3)
            } else {
                return None;
            };
            if self.is(k, "century") && (1..=30).contains(&n) {
                return Some((k + 1, Expr::new(Sem::Century(n as i32 - 1))));
            }
        }
        None
    }

    /// Durations: "three years", "a 10-year", "two-day", "years" after "for", with an
    /// approximation word before.
    /// A year spelled out: "nineteen ninety-six", "nineteen seventy-nine", "two thousand".
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        match self.lx(i) {
            Lex::Card(c @ (18 | 19)) => {
                if self.is(i + 1, "a") || self.is(i + 1, "an") {
                    return None;
                }
                let (rest, e) = self.count(i + 1)?;
                (10..100)
                    .contains(&rest)
                    .then_some((e, (c * 100 + rest) as i32))
            }
            Lex::Card(2) if self.is(i + 1, "thousand") => {
                let k = if self.is(i + 2, "and") { i + 3 } else { i + 2 };
                if !matches!(self.w(k), "a" | "an")
                    && let Some((n, e)) = self.count(k)
                    && n < 100
                {
                    return Some((e, 2000 + n as i32));
                }
                Some((i + 2, 2000))
            }
            _ => None,
        }
    }

    fn duration(&self, i: usize) -> Option<(usize, Expr)> {
        // "the 1988 quarter" is a quarter of that year, not 1988 quarters.
        if self.is(i, "the") && self.year(i + 1).is_some() {
            return None;
        }
        // "the nine months", "the four days": TimeML keeps the article.
        if self.is(i, "the")
            && !matches!(self.w(i + 1), "a" | "an" | "one")
            && let Some((n, k)) = self.count(i + 1)
            && n > 1
            && !self.is(k, "-")
            && let Some((e, x)) = self.duration(i + 1)
        {
            return Some((e, x));
        }
        // N-unit adjective: "two-day", "10-year"
        if let Some((n, j)) = self.count(i) {
            if self.is(j, "-")
                && self.glued(j)
                && self.glued(j + 1)
                && let Some(u) = self.unit(j + 1)
                && !self.is(i, "a")
                && !self.is(i, "an")
            {
                let mut k = j + 2;
                if self.is(k, "-") && self.is(k + 1, "long") {
                    k += 2;
                }
                // An age: "the 18-year-old".
                if self.is(k, "-") && self.is(k + 1, "old") {
                    return None;
                }
                // Instruments and records, not spans: "10-year notes", "52-week high".
                if matches!(
                    self.w(k),
                    "note"
                        | "notes"
                        | "bond"
                        | "bonds"
                        | "treasury"
                        | "treasuries"
                        | "issue"
                        | "issues"
                        | "maturity"
                        | "mortgage"
                        | "mortgages"
                        | "loan"
                        | "loans"
                        | "debt"
                        | "securities"
                        | "high"
                        | "highs"
                        | "low"
                        | "lows"
                        | "paper"
                        | "yield"
                        | "yields"
                        | "bill"
                        | "bills"
                        | "rate"
                        | "rates"
                        | "old"
                ) {
                    return None;
                }
                return Some((
                    k,
                    Expr::new(Sem::Duration {
                        n: Some(n),
                        unit: u,
                    }),
                ));
            }
            let j2 = if self.is(j, "more") || self.is(j, "full") {
                j + 1
            } else {
                j
            };
            // "a year-earlier loss", "year-end": a compound, not a duration.
            let compound = self.is(j2 + 1, "-")
                && self.glued(j2 + 1)
                && !matches!(self.w(j2 + 2), "long" | "old");
            if let Some(u) = self.unit_any(j2)
                && !compound
            {
                // "a year" is kept even in "$5 a year": TimeML makes that a set with the
                // same value, P1Y.
                if u == Unit::Weekend {
                    return None;
                }
                let mut k = j2 + 1;
                // "a minute and a half"
                if self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half") {
                    k += 3;
                    return Some((
                        k,
                        Expr::new(Sem::Duration {
                            n: Some(n),
                            unit: u,
                        }),
                    ));
                }
                return Some((
                    k,
                    Expr::new(Sem::Duration {
                        n: Some(n),
                        unit: u,
                    }),
                ));
            }
            return None;
        }
        if let Some(j) = self.vague(i) {
            if let Some(u) = self.unit_any(j)
                && u != Unit::Weekend
            {
                return Some((j + 1, Expr::new(Sem::Duration { n: None, unit: u })));
            }
            return None;
        }
        // "for years", "for decades"
        if let Lex::Units(u) = self.lx(i)
            && i > 0
            && matches!(self.w(i - 1), "for" | "within")
            && u >= Unit::Hour
            && u != Unit::Weekend
        {
            return Some((i + 1, Expr::new(Sem::Duration { n: None, unit: u })));
        }
        None
    }

    /// PRESENT_REF / PAST_REF / FUTURE_REF and sets.
    fn vague_ref(&self, i: usize) -> Option<(usize, Expr)> {
        let w = self.w(i);
        let r = match w {
            "now" => {
                if self.is(i + 1, "that") {
                    return None;
                }
                // A sentence-opening "Now," is a discourse marker ("Now, she argues, the plan
                // fails"), not a time.
                if self.is(i + 1, ",") && (i == 0 || self.is_punct(i - 1)) {
                    return None;
                }
                "PRESENT_REF"
            }
            "currently" | "nowadays" => "PRESENT_REF",
            // The adjective "current" ("the current talks") is PRESENT_REF; "the current
            // year/quarter" is a calendar unit (read in `relative`), and "current account",
            // "the current" (a flow) are no times.
            "current" => {
                let n = self.w(i + 1);
                if self.is_punct(i + 1)
                    || self.unit(i + 1).is_some()
                    || matches!(
                        n,
                        "fiscal"
                            | "account"
                            | "accounts"
                            | "affairs"
                            | "events"
                            | "assets"
                            | "liabilities"
                            | "of"
                            | "and"
                            | "or"
                            | "was"
                            | "is"
                    )
                {
                    return None;
                }
                "PRESENT_REF"
            }
            // "the then current price": the present of a past time.
            "then" if self.is(i + 1, "current") => {
                return Some((i + 2, Expr::new(Sem::Ref("PAST_REF"))));
            }
            // "soon" looks forward ("will soon begin"); "as soon as", "soon after" relate two
            // events rather than name a time (a past "soon" is dropped in the scan).
            "soon" => {
                if i > 0 && self.is(i - 1, "as")
                    || matches!(
                        self.w(i + 1),
                        "as" | "after" | "afterward" | "afterwards" | "thereafter" | "before"
                    )
                {
                    return None;
                }
                "FUTURE_REF"
            }
            "recently" => "PAST_REF",
            "recent" if matches!(self.lx(i + 1), Lex::Units(_)) => {
                return Some((i + 2, Expr::new(Sem::Ref("PAST_REF"))));
            }
            // Without an article, "in coming months", "future quarters", "in past years" are
            // vague references like "recent years" ("the coming months" counts a stretch).
            "coming" | "future" | "past"
                if matches!(self.lx(i + 1), Lex::Units(_))
                    && (i == 0 || !self.is(i - 1, "the")) =>
            {
                let r = if w == "past" {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                return Some((i + 2, Expr::new(Sem::Ref(r))));
            }
            "the" => match (self.w(i + 1), self.w(i + 2)) {
                ("future", _) => return Some((i + 2, Expr::new(Sem::Ref("FUTURE_REF")))),
                ("near" | "foreseeable", "future") => {
                    return Some((i + 3, Expr::new(Sem::Ref("FUTURE_REF"))));
                }
                // "in the near term", "over the short term": the time ahead.
                ("near" | "short" | "medium" | "long", "term") => {
                    return Some((i + 3, Expr::new(Sem::Ref("FUTURE_REF"))));
                }
                ("past", n)
                    if self.is_punct(i + 2)
                        || matches!(
                            n,
                            "and"
                                | "but"
                                | ","
                                | "as"
                                | "to"
                                | "when"
                                | "is"
                                | "was"
                                | "has"
                                | "have"
                                | "in"
                                | "that"
                                | "it"
                                | "they"
                                | "we"
                                | "he"
                                | "she"
                                | "i"
                                | "you"
                                | "there"
                                | "this"
                                | "the"
                                | "its"
                                | "their"
                                | "for"
                                | "with"
                                | "or"
                                | "were"
                                | "had"
                                | "are"
                        ) =>
                {
                    return Some((i + 2, Expr::new(Sem::Ref("PAST_REF"))));
                }
                _ => return None,
            },
            // "at a later date": an unnamed time ahead.
            "a" if self.is(i + 1, "later") && self.is(i + 2, "date") => {
                return Some((i + 3, Expr::new(Sem::Ref("FUTURE_REF"))));
            }
            "at" if self.is(i + 1, "present") => {
                return Some((i + 2, Expr::new(Sem::Ref("PRESENT_REF"))));
            }
            "these" if self.is(i + 1, "days") => {
                return Some((i + 2, Expr::new(Sem::Ref("PRESENT_REF"))));
            }
            _ => return None,
        };
        Some((i + 1, Expr::new(Sem::Ref(r))))
    }

    fn set(&self, i: usize) -> Option<(usize, Expr)> {
        let w = self.w(i);
        let v = match w {
            "daily" => "P1D",
            "weekly" => "P1W",
            "monthly" => "P1M",
            "annually" | "yearly" => "P1Y",
            "hourly" => "PT1H",
            "every" | "each" | "per" => {
                if let Some(u) = self.unit(i + 1) {
                    return Some((i + 2, Expr::new(Sem::Set(u.timeml("1")))));
                }
                if let Lex::Weekday(d) = self.lx(i + 1) {
                    return Some((i + 2, Expr::new(Sem::Set(format!("XXXX-WXX-{d}")))));
                }
                if let Lex::Month(m) = self.lx(i + 1) {
                    return Some((i + 2, Expr::new(Sem::Set(format!("XXXX-{m:02}")))));
                }
                return None;
            }
            _ => {
                if let Lex::Weekdays(d) = self.lx(i)
                    && self.toks[i].cap
                {
                    return Some((i + 1, Expr::new(Sem::Set(format!("XXXX-WXX-{d}")))));
                }
                return None;
            }
        };
        Some((i + 1, Expr::new(Sem::Set(v.into()))))
    }

    /// A weekday with a plural part of day recurs: "Tuesday nights" (`XXXX-WXX-2TNI`), and
    /// so does the first of "Monday and Tuesday nights".
    fn recurring_weekday(&self, i: usize) -> Option<(usize, Expr)> {
        let Lex::Weekday(d) = self.lx(i) else {
            return None;
        };
        if !self.toks[i].cap {
            return None;
        }
        let (k, e) =
            if matches!(self.w(i + 1), "and" | "or") && matches!(self.lx(i + 2), Lex::Weekday(_)) {
                (i + 3, i + 1)
            } else {
                (i + 1, i + 2)
            };
        let p = match self.w(k) {
            "mornings" => "MO",
            "afternoons" => "AF",
            "evenings" => "EV",
            "nights" => "NI",
            _ => return None,
        };
        Some((e, Expr::new(Sem::Set(format!("XXXX-WXX-{d}T{p}")))))
    }

    fn holiday(&self, i: usize) -> Option<(usize, Expr)> {
        let cap = self.toks.get(i)?.cap;
        if !cap {
            return None;
        }
        let (m, d, k) = match (self.w(i), self.w(i + 1), self.w(i + 2)) {
            ("christmas", "eve", _) => (12, 24, i + 2),
            ("christmas", "day", _) => (12, 25, i + 2),
            ("christmas", _, _) => (12, 25, i + 1),
            ("new", "year", "'") | ("new", "year", "’") if matches!(self.w(i + 3), "s") => {
                match self.w(i + 4) {
                    "eve" => (12, 31, i + 5),
                    "day" => (1, 1, i + 5),
                    _ => return None,
                }
            }
            ("halloween", _, _) => (10, 31, i + 1),
            ("independence", "day", _) => (7, 4, i + 2),
            ("valentine", _, _) if matches!(self.w(i + 3), "day") => (2, 14, i + 4),
            (
                "election" | "labor" | "labour" | "memorial" | "columbus" | "presidents" | "mother"
                | "father",
                _,
                _,
            ) => return self.floating(i),
            ("thanksgiving", _, _) => {
                let k = if self.is(i + 1, "day") { i + 2 } else { i + 1 };
                return Some((k, Expr::new(Sem::Thanksgiving)));
            }
            ("easter" | "good" | "holy", _, _) => return self.easter(i),
            _ => return None,
        };
        Some((k, Expr::new(Sem::Holiday { m, d })))
    }

    /// Easter and the days around it, capitalised: "Easter", "Easter Sunday", "Easter
    /// Monday", "Good Friday", "Holy Week", "Easter week".
    fn easter(&self, i: usize) -> Option<(usize, Expr)> {
        let next_cap = self.toks.get(i + 1).is_some_and(|t| t.cap);
        let (plus, week, k) = match (self.w(i), self.w(i + 1)) {
            ("good", "friday") if next_cap => (-2, false, i + 2),
            ("holy", "week") if next_cap => (0, true, i + 2),
            ("easter", "week") => (0, true, i + 2),
            ("easter", "sunday" | "day") => (0, false, i + 2),
            ("easter", "monday") => (1, false, i + 2),
            // "Easter Island", "Easter egg": a name or a noun, not the day.
            ("easter", next) if next_cap || matches!(next, "egg" | "eggs" | "bunny" | "lily") => {
                return None;
            }
            ("easter", _) => (0, false, i + 1),
            _ => return None,
        };
        Some((k, Expr::new(Sem::Easter { plus, week })))
    }

    /// The second day of "April 24 and 25", "Oct. 3 or 4": a bare day number joined to a
    /// month-and-day date is a date of that month (TimeML tags it on its own).
    fn coordinated_day(&self, i: usize) -> Option<(usize, Sem)> {
        let (d, k) = self.day(i)?;
        if self.num(i).is_none() || i < 3 || !matches!(self.w(i - 1), "and" | "or") {
            return None;
        }
        self.day(i - 2).filter(|_| self.num(i - 2).is_some())?;
        let m = match self.lx(i - 3) {
            Lex::Month(m) if self.toks[i - 3].cap => m,
            _ if self.is(i - 3, ".") && i >= 4 && self.toks[i - 4].cap => match self.lx(i - 4) {
                Lex::MonthAbbr(m) => m,
                _ => return None,
            },
            _ => return None,
        };
        // "April 24 and 25 people": a count and its noun.
        if self.toks.get(k).is_some_and(|t| {
            t.kind == TokKind::Word && (self.w(k).ends_with('s') || COUNTED.contains(&self.w(k)))
        }) || !valid_md(m, d)
        {
            return None;
        }
        if let Some((y, e)) = self.trailing_year(k) {
            return Some((e, Sem::Ymd { y: Some(y), m, d }));
        }
        Some((k, Sem::Ymd { y: None, m, d }))
    }

    /// US holidays on a weekday of a month, capitalised: "Election Day", "Labor Day",
    /// "Memorial Day", "Columbus Day", "Presidents' Day", "Mother's Day", "Father's Day".
    fn floating(&self, i: usize) -> Option<(usize, Expr)> {
        let w = self.w(i);
        // "Presidents' Day", "Mother's Day": the possessive sits between the words.
        let k = match (self.w(i + 1), self.w(i + 2)) {
            ("'" | "’", "s") if matches!(w, "mother" | "father") => i + 3,
            ("'" | "’", _) if w == "presidents" => i + 2,
            _ => i + 1,
        };
        if !self.is(k, "day") || !self.toks.get(k)?.cap {
            return None;
        }
        let (m, wd, nth, plus) = match w {
            "election" => (11, 1, 1, 1),
            "labor" | "labour" => (9, 1, 1, 0),
            "memorial" => (5, 1, -1, 0),
            "columbus" => (10, 1, 2, 0),
            "presidents" => (2, 1, 3, 0),
            "mother" => (5, 7, 2, 0),
            "father" => (6, 7, 3, 0),
            _ => return None,
        };
        Some((k + 1, Expr::new(Sem::NthWeekday { m, wd, nth, plus })))
    }

    /// Everything that can start at i, before modifiers and clock attachment. Longest wins.
    fn base(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.toks.get(i)?;
        let mut best: Option<(usize, Expr)> = None;
        let mut take = |c: Option<(usize, Expr)>| {
            if let Some((e, x)) = c
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, x));
            }
        };
        match t.kind {
            TokKind::Num => {
                take(self.numeric_date(i).map(|(e, s)| (e, Expr::new(s))));
                take(self.month_date(i).map(|(e, s)| (e, Expr::new(s))));
                take(self.coordinated_day(i).map(|(e, s)| (e, Expr::new(s))));
                take(self.decade(i));
                take(self.quarter(i));
                take(self.ago(i));
                take(self.duration(i));
                if best.is_none()
                    && let Some(y) = self.year_in_context(i)
                {
                    best = Some((i + 1, Expr::new(Sem::Year(y))));
                }
            }
            TokKind::Word => {
                let l = self.lx(i);
                let w = self.w(i);
                if matches!(l, Lex::Month(_) | Lex::MonthAbbr(_))
                    || w == "the"
                    || l != Lex::None && matches!(l, Lex::Ord(_) | Lex::Card(_))
                {
                    take(self.month_date(i).map(|(e, s)| (e, Expr::new(s))));
                }
                take(self.weekday(i));
                take(self.month_rel(i));
                take(self.deictic(i));
                take(self.relative(i));
                take(self.ago(i));
                take(self.season(i));
                take(self.quarter(i));
                take(self.decade(i));
                take(self.holiday(i));
                take(self.vague_ref(i));
                take(self.set(i));
                take(self.recurring_weekday(i));
                take(self.duration(i));
                let after_temporal = i > 0
                    && (matches!(
                        self.w(i - 1),
                        "in" | "since" | "year" | "of" | "until" | "by"
                    ) || matches!(self.lx(i - 1), Lex::Month(_) | Lex::Season(_)));
                // "nineteen ninety-six" reads as a year anywhere: a count would not be said so.
                let spelled_anywhere = matches!(self.lx(i), Lex::Card(19))
                    && self.is(i + 2, "-")
                    && matches!(self.lx(i + 1), Lex::Card(n) if n >= 20);
                if (after_temporal || spelled_anywhere)
                    && let Some((e, y)) = self.spelled_year(i)
                {
                    take(Some((e, Expr::new(Sem::Year(y)))));
                }
                if w == "the"
                    && self.is(i + 1, "year")
                    && let Some((e, y)) = self.spelled_year(i + 2)
                {
                    take(Some((e, Expr::new(Sem::Year(y)))));
                }
                if w == "fiscal"
                    && let Some(y) = self.year(i + 1)
                {
                    take(Some((i + 2, Expr::new(Sem::Year(y)))));
                }
            }
            TokKind::Punct => {
                take(self.decade(i));
            }
        }
        best
    }

    /// Modifiers that keep the value: early/late/mid/the end of/the beginning of …
    fn modifier(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        match w {
            "early" | "late" | "mid" => {
                let j = i + 1;
                if self.is(j, "-") && self.glued(j) {
                    Some(j + 1)
                } else {
                    Some(j)
                }
            }
            "mid-" => Some(i + 1),
            "the" | "at" => {
                let j = if w == "at" && self.is(i + 1, "the") {
                    i + 2
                } else {
                    i + 1
                };
                if matches!(
                    self.w(j),
                    "end" | "beginning" | "start" | "middle" | "turn" | "close"
                ) && self.is(j + 1, "of")
                {
                    Some(j + 2)
                } else {
                    None
                }
            }
            "end" | "beginning" | "start" if self.is(i + 1, "of") => Some(i + 2),
            _ => None,
        }
    }

    /// One expression starting at token i: (end token, expr). The longest reading wins;
    /// on a tie the plain reading is kept.
    pub fn at(&self, i: usize) -> Option<(usize, Expr)> {
        let mut best = self.plain(i);
        let mut take = |c: Option<(usize, Expr)>| {
            if let Some((e, x)) = c
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, x));
            }
        };
        // Approximation words only join durations and "ago" phrases.
        let w = self.w(i);
        let approx = if APPROX.contains(&w) {
            Some(i + 1)
        } else if matches!(
            (w, self.w(i + 1)),
            ("more" | "less", "than") | ("at", "least" | "most") | ("up", "to")
        ) {
            Some(i + 2)
        } else {
            None
        };
        if let Some(j) = approx
            && let Some((e, x)) = self.at(j)
            && matches!(
                x.sem,
                Sem::Duration { .. } | Sem::Ago { .. } | Sem::Past { .. }
            )
        {
            take(Some((e, x)));
        }
        // "about two years ago" (an "ago" phrase takes "about" too); "around Nov. 1",
        // "around 7:40 p.m." (a day or a clock time takes "around").
        if matches!(w, "about" | "around")
            && let Some((e, x)) = self.at(i + 1)
            && ((w == "about" && matches!(x.sem, Sem::Ago { n: Some(_), .. }))
                || (w == "around"
                    && (matches!(x.sem, Sem::Ymd { .. })
                        || matches!(x.clock, Some(Clock::Hm(..))))))
        {
            take(Some((e, x)));
        }
        // "the day before last Tuesday", "the day after Christmas".
        let day_at = if self.is(i, "day") {
            Some(i + 1)
        } else if w == "the" && self.is(i + 1, "day") {
            Some(i + 2)
        } else {
            None
        };
        if let Some(k) = day_at
            && matches!(self.w(k), "before" | "after")
            && let Some((e, x)) = self.plain(k + 1)
            && x.clock.is_none()
            && matches!(
                x.sem,
                Sem::Weekday { .. }
                    | Sem::Ymd { .. }
                    | Sem::Holiday { .. }
                    | Sem::Thanksgiving
                    | Sem::Easter { week: false, .. }
                    | Sem::NthWeekday { .. }
            )
        {
            let off = if self.is(k, "before") { -1 } else { 1 };
            take(Some((e, Expr::new(Sem::DayNextTo(Box::new(x.sem), off)))));
        }
        // "the early 1980s", "the late summer": the article joins a modified decade or
        // season as it joins a plain one ("the 1980s").
        if w == "the"
            && matches!(self.w(i + 1), "early" | "late" | "mid" | "mid-")
            && let Some(j) = self.modifier(i + 1)
            && let Some((e, x)) = self.plain(j)
            && matches!(x.sem, Sem::Decade(_) | Sem::Century(_) | Sem::Season { .. })
        {
            take(Some((e, x)));
        }
        if let Some(j) = self.modifier(i)
            && let Some((e, x)) = self.plain(j)
        {
            let ok = matches!(
                x.sem,
                Sem::Ym { .. }
                    | Sem::YmOff { .. }
                    | Sem::Year(_)
                    | Sem::Decade(_)
                    | Sem::Century(_)
                    | Sem::UnitOff { .. }
                    | Sem::Season { .. }
                    | Sem::Quarter { .. }
                    | Sem::Half { .. }
                    | Sem::DayOff(_)
                    | Sem::Weekday { .. }
                    | Sem::Ymd { .. }
            );
            if ok {
                take(Some((e, x)));
            }
        }
        best
    }

    /// A base expression with clock or part-of-day attached: "3 p.m. Friday", "noon
    /// Thursday", "10 p.m. EST, Nov. 6", "Friday morning".
    fn plain(&self, i: usize) -> Option<(usize, Expr)> {
        // "mid-afternoon yesterday", "early morning": a part of day with a modifier, on the
        // day that follows or the reference day.
        if matches!(self.w(i), "early" | "late" | "mid" | "mid-") {
            let j = if self.is(i + 1, "-") && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Lex::PartOfDay(p) = self.lx(j) {
                if let Some((e, mut x)) = self.base(j + 1)
                    && matches!(
                        x.sem,
                        Sem::Weekday { .. } | Sem::DayOff(_) | Sem::Ymd { .. }
                    )
                    && x.clock.is_none()
                {
                    x.clock = Some(Clock::Part(p));
                    return Some((e, x));
                }
                if p != "NI" && !self.is(j + 1, "-") {
                    return Some((
                        j + 1,
                        Expr {
                            sem: Sem::Today,
                            clock: Some(Clock::Part(p)),
                        },
                    ));
                }
            }
        }
        if let Some((j, c)) = self.clock(i) {
            let k = if self.is(j, ",") || self.is(j, "on") {
                j + 1
            } else {
                j
            };
            if let Some((e, mut x)) = self.base(k)
                && matches!(
                    x.sem,
                    Sem::Weekday { .. } | Sem::DayOff(_) | Sem::Ymd { .. }
                )
                && x.clock.is_none()
            {
                x.clock = Some(c);
                return Some((e, x));
            }
            return Some((
                j,
                Expr {
                    sem: Sem::Today,
                    clock: Some(c),
                },
            ));
        }
        let (mut e, mut x) = self.base(i)?;
        // "June last year", "March 3 this year": one expression with the year offset.
        if let Some(yoff) = self.year_rel(e) {
            match x.sem {
                Sem::Ym { y: None, m } => {
                    x.sem = Sem::YmOff { m, yoff };
                    e += 2;
                }
                Sem::Ymd { y: None, m, d } => {
                    x.sem = Sem::YmdOff { m, d, yoff };
                    e += 2;
                }
                _ => {}
            }
        }
        if matches!(
            x.sem,
            Sem::Weekday { .. } | Sem::DayOff(_) | Sem::Ymd { .. }
        ) && x.clock.is_none()
            && let Lex::PartOfDay(p) = self.lx(e)
        {
            x.clock = Some(Clock::Part(p));
            return Some((e + 1, x));
        }
        Some((e, x))
    }
}

fn valid_md(m: u8, d: u8) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max).contains(&d)
}
