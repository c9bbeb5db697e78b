//! A small tokenizer and the word classes the time grammar needs.
//!
//! Tokens are maximal alphanumeric runs (so `15th`, `1990s` and `3pm` are single tokens) or
//! single punctuation characters. The grammar works on the ASCII-lowercased text, whose byte
//! offsets equal those of the original.

use dateline_segment::is_alphanumeric;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The hasher of the word tables: FxHash from `rustc-hash` (keys are our own lexicon words, so
/// flooding is no concern). The standard SipHash was a tenth of this stage's time.
pub(crate) type WordBuild = rustc_hash::FxBuildHasher;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// Starts with a digit (may carry a letter suffix: `15th`, `1990s`, `3pm`).
    Num,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space: bool,
    /// A blank line (paragraph break) lies before this token.
    pub para: bool,
    /// First character is an uppercase letter in the original text.
    pub cap: bool,
}

/// Tokenize `text` into `out` (cleared first). ASCII bytes are classified directly; other
/// characters are decoded and asked the Unicode tables.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut space = true;
    let mut newlines = 0usize;
    // The character at `i` (a char boundary), its length and whether it is alphanumeric,
    // whitespace.
    let class = |i: usize| -> (usize, bool, bool, char) {
        let x = b[i];
        if x < 0x80 {
            (
                1,
                x.is_ascii_alphanumeric(),
                x.is_ascii_whitespace() || x == 0x0b,
                x as char,
            )
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), is_alphanumeric(c), c.is_whitespace(), c)
        }
    };
    let mut i = 0;
    while i < b.len() {
        // spaces between words, the commonest byte after letters
        if b[i] == b' ' {
            space = true;
            i += 1;
            continue;
        }
        let (len, alnum, white, c) = class(i);
        if white {
            space = true;
            if c == '\n' {
                newlines += 1;
            }
            i += len;
            continue;
        }
        let para = newlines >= 2;
        newlines = 0;
        if alnum {
            let mut end = i + len;
            while end < b.len() {
                // ASCII letters and digits without the general classification
                if b[end].is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                if b[end] < 0x80 {
                    break;
                }
                let (l, a, _, _) = class(end);
                if !a {
                    break;
                }
                end += l;
            }
            out.push(Tok {
                start: i,
                end,
                kind: if c.is_ascii_digit() {
                    TokKind::Num
                } else {
                    TokKind::Word
                },
                space,
                para,
                cap: if (c as u32) < 0x80 {
                    c.is_ascii_uppercase()
                } else {
                    c.is_uppercase()
                },
            });
            i = end;
        } else {
            out.push(Tok {
                start: i,
                end: i + len,
                kind: TokKind::Punct,
                space,
                para,
                cap: false,
            });
            i += len;
        }
        space = false;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TimeML duration designator (`P2W`, `PT3H`).
    pub fn timeml(self, n: &str) -> String {
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week | Unit::Weekend => format!("P{n}W"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            // TimeML writes decades and centuries in years: "two decades" is P20Y.
            Unit::Decade => match n.parse::<u32>() {
                Ok(k) => format!("P{}Y", 10 * k),
                Err(_) => "PXY".to_string(),
            },
            Unit::Century => match n.parse::<u32>() {
                Ok(k) => format!("P{}Y", 100 * k),
                Err(_) => "PXY".to_string(),
            },
        }
    }
}

/// Word classes. One hash lookup per word token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lex {
    None,
    /// Full month name, 1–12.
    Month(u8),
    /// Month abbreviation (`oct`, `sept`).
    MonthAbbr(u8),
    /// Weekday, Monday = 1.
    Weekday(u8),
    /// Plural weekday (`mondays`): a set.
    Weekdays(u8),
    Unit(Unit),
    Units(Unit),
    /// Cardinal number word.
    Card(u32),
    /// Ordinal number word (`first`, `twentieth`).
    Ord(u32),
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season(u8),
    /// Part of day: `MO`, `AF`, `EV`, `NI`.
    PartOfDay(&'static str),
    /// Decade word (`nineties` → 9).
    DecadeWord(u8),
    /// A word that may open the name of a day of the Easter feast (`easter`, `good` in "Good
    /// Friday", `holy` in "Holy Week"); the grammar reads it only when capitalised.
    Feast,
}

/// The English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The English weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

static WORDS: LazyLock<HashMap<&'static str, Lex, WordBuild>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (i, w) in MONTHS.iter().enumerate() {
        m.insert(*w, Lex::Month(i as u8 + 1));
    }
    for (w, n) in [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ] {
        m.insert(w, Lex::MonthAbbr(n));
    }
    let plural = [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    for i in 0..7 {
        m.insert(WEEKDAYS[i], Lex::Weekday(i as u8 + 1));
        m.insert(plural[i], Lex::Weekdays(i as u8 + 1));
    }
    for (w, d) in [
        ("mon", 1),
        ("tue", 2),
        ("tues", 2),
        ("wed", 3),
        ("thu", 4),
        ("thur", 4),
        ("thurs", 4),
        ("fri", 5),
        ("sat", 6),
        ("sun", 7),
    ] {
        // Abbreviated weekdays only count when followed by a period; the grammar checks.
        m.entry(w).or_insert(Lex::Weekday(d));
    }
    for (s, p, u) in [
        ("second", "seconds", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("week", "weeks", Unit::Week),
        ("weekend", "weekends", Unit::Weekend),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
    ] {
        m.insert(s, Lex::Unit(u));
        m.insert(p, Lex::Units(u));
    }
    m.insert("fortnight", Lex::Unit(Unit::Week));
    for (i, w) in [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ]
    .iter()
    .enumerate()
    {
        m.insert(*w, Lex::Card(i as u32));
    }
    for (w, n) in [
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
    ] {
        m.insert(w, Lex::Card(n));
    }
    for (i, w) in [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ]
    .iter()
    .enumerate()
    {
        // "second" is both a unit and an ordinal; the unit entry wins in the map and the
        // grammar asks `ordinal()` which knows both.
        m.entry(*w).or_insert(Lex::Ord(i as u32 + 1));
    }
    for (w, n) in [("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50)] {
        m.insert(w, Lex::Ord(n));
    }
    for (w, s) in [
        ("spring", 0),
        ("summer", 1),
        ("autumn", 2),
        ("fall", 2),
        ("winter", 3),
    ] {
        m.insert(w, Lex::Season(s));
    }
    for (w, p) in [
        ("morning", "MO"),
        ("afternoon", "AF"),
        ("evening", "EV"),
        ("night", "NI"),
    ] {
        m.insert(w, Lex::PartOfDay(p));
    }
    for (w, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        m.insert(w, Lex::DecadeWord(d));
    }
    for w in ["easter", "good", "holy"] {
        m.insert(w, Lex::Feast);
    }
    m
});

/// For each first letter a-z, a bit per word length (1–63) that some table word has: most
/// words of a text are no time word and are turned away here without hashing.
static SHAPES: LazyLock<[u64; 26]> = LazyLock::new(|| {
    let mut f = [0u64; 26];
    for w in WORDS.keys() {
        if let Some(i) = w.bytes().next().and_then(|b| b.checked_sub(b'a')) {
            f[(i as usize).min(25)] |= 1 << w.len().min(63);
        }
    }
    f
});

/// The class of a lowercase word.
pub fn lex(word: &str) -> Lex {
    let Some(&b) = word.as_bytes().first() else {
        return Lex::None;
    };
    if !b.is_ascii_lowercase() || SHAPES[(b - b'a') as usize] & (1 << word.len().min(63)) == 0 {
        return Lex::None;
    }
    WORDS.get(word).copied().unwrap_or(Lex::None)
}

/// Ordinal value of a lowercase token: `third`, `3rd`, `21st`, `twenty-first` is two tokens
/// and is handled by the grammar.
pub fn ordinal(word: &str) -> Option<u32> {
    if word == "second" {
        return Some(2);
    }
    if let Lex::Ord(n) = lex(word) {
        return Some(n);
    }
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let suffix = &word[digits..];
    if matches!(suffix, "st" | "nd" | "rd" | "th") {
        word[..digits].parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_spacing() {
        let mut v = Vec::new();
        let t = "On Oct. 15th, 2016-10-15 at 3pm\n\nNext";
        tokenize(t, &mut v);
        let words: Vec<&str> = v.iter().map(|x| &t[x.start..x.end]).collect();
        assert_eq!(
            words,
            [
                "On", "Oct", ".", "15th", ",", "2016", "-", "10", "-", "15", "at", "3pm", "Next"
            ]
        );
        assert!(!v[2].space && v[3].space && !v[6].space);
        assert!(v[12].para && !v[11].para);
        assert!(v[0].cap && !v[10].cap);
    }

    #[test]
    fn word_classes() {
        assert_eq!(lex("october"), Lex::Month(10));
        assert_eq!(lex("sept"), Lex::MonthAbbr(9));
        assert_eq!(lex("saturday"), Lex::Weekday(6));
        assert_eq!(lex("weeks"), Lex::Units(Unit::Week));
        assert_eq!(lex("seven"), Lex::Card(7));
        assert_eq!(ordinal("22nd"), Some(22));
        assert_eq!(ordinal("second"), Some(2));
        assert_eq!(ordinal("2016"), None);
    }
}
