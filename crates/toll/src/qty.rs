//! Quantities: "seven", "more than 400,000", "nearly 70", "between 10 and 15", "dozens",
//! "1.5 million", "two more". Number words are read by the time lexicon (`dateline_time::cardinal`).

use crate::lex::{LEX, Mode};
use crate::tok::Tok;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Qty {
    /// Token range of the whole quantity phrase, qualifiers included.
    pub start: usize,
    pub end: usize,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approx: bool,
    /// Adds to an earlier count: "a further three", "two more", "another 12".
    pub extra: bool,
}

/// A cardinal number word from one to ninety ("seven", "forty"), as the time lexicon reads it.
fn card(w: &str) -> Option<u64> {
    dateline_time::cardinal(w)
        .filter(|n| (1..=90).contains(n))
        .map(u64::from)
}

fn scale(w: &str) -> Option<u64> {
    Some(match w {
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "twenty-five", "seven", "forty".
fn small_word(w: &str) -> Option<u64> {
    if let Some(v) = card(w) {
        return Some(v);
    }
    let (a, b) = w.split_once(['-', '‑'])?;
    Some(card(a).filter(|&t| t >= 20 && t % 10 == 0)? + card(b).filter(|&u| u < 10)?)
}

fn digits(w: &str) -> Option<f64> {
    if !w.bytes().next()?.is_ascii_digit()
        || !w
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if w.bytes().filter(|&b| b == b'.').count() > 1 {
        return None;
    }
    // "400,000" but not "1,2": commas group exactly three digits.
    if w.contains(',') {
        let int = w.split('.').next()?;
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    w.replace(',', "").parse().ok()
}

/// No count of people is larger than this (about the world's population): a bigger number is
/// not a casualty count, and refusing it keeps every later sum far from overflow.
pub(crate) const MAX_COUNT: u64 = 10_000_000_000;

/// A plain number at `k`: digits (with a scale word), number words, "a hundred".
/// Returns (end, value); `None` above [`MAX_COUNT`].
pub(crate) fn number(t: &[Tok], k: usize) -> Option<(usize, u64)> {
    number_unbounded(t, k).filter(|&(_, v)| v <= MAX_COUNT)
}

fn number_unbounded(t: &[Tok], k: usize) -> Option<(usize, u64)> {
    let w = t.get(k)?.w;
    if let Some(v) = digits(w) {
        let mut end = k + 1;
        let mut v = v;
        if let Some(s) = t.get(end).and_then(|n| scale(n.w)) {
            v *= s as f64;
            end += 1;
        } else if t.get(end).is_some_and(|n| n.w == "dozen") {
            v *= 12.0;
            end += 1;
        } else if v.fract() != 0.0 {
            return None;
        }
        // `as` saturates for floats too large for u64
        return Some((end, v.round() as u64));
    }
    // number words
    let mut i = k;
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    if w == "a" && t.get(k + 1).and_then(|n| scale(n.w)).is_some() {
        current = 1;
        i += 1;
    }
    while let Some(tok) = t.get(i) {
        let w = tok.w;
        if let Some(v) = small_word(w) {
            current = current.saturating_add(v);
            any = true;
        } else if w == "hundred" && (any || current > 0) {
            current = current.max(1).saturating_mul(100);
            any = true;
        } else if let Some(s) = scale(w).filter(|_| any || current > 0) {
            total = total.saturating_add(current.max(1).saturating_mul(s));
            current = 0;
            any = true;
        } else if w == "dozen" && any {
            current = current.saturating_mul(12);
        } else if w == "and"
            && any
            && t.get(i + 1).and_then(|n| small_word(n.w)).is_some()
            && t.get(i - 1).is_some_and(|p| scale(p.w).is_some())
        {
            // "two hundred and fifty"
        } else {
            break;
        }
        i += 1;
    }
    any.then_some((i, total.saturating_add(current)))
}

fn phrase_at(t: &[Tok], k: usize, words: &[&str]) -> bool {
    words.len() <= t.len().saturating_sub(k) && words.iter().zip(&t[k..]).all(|(w, x)| x.w == *w)
}

/// A quantity phrase starting at token `k`.
pub(crate) fn parse(t: &[Tok], k: usize) -> Option<Qty> {
    let lex = &*LEX;
    if k > 0 && matches!(t[k - 1].w, "$" | "£" | "€" | "#" | "no." | "us$") {
        return None;
    }
    let mut i = k;
    let mut mode = Mode::Exact;
    if let Some((w, m)) = lex.qualifiers.iter().find(|(w, _)| phrase_at(t, i, w)) {
        // "over" after a form of "be" is the particle of "be over" ("before it was over one
        // firefighter was shot"), not "more than".
        let particle = t[i].w == "over"
            && k > 0
            && matches!(
                t[k - 1].w,
                "was" | "is" | "were" | "are" | "be" | "been" | "all"
            );
        if particle {
            return None;
        }
        mode = *m;
        i += w.len();
    }
    let (lo, hi, mut approx);
    let mut extra = mode == Mode::Extra;
    if let Some(v) = lex.vague.iter().find(|v| phrase_at(t, i, &v.words)) {
        i += v.words.len();
        lo = v.min?;
        hi = v.max;
        approx = v.approx;
    } else if let Some((a, b)) = t
        .get(i)
        .and_then(|x| x.w.split_once(['-', '–']))
        .and_then(|(x, y)| Some((digits(x)?, digits(y)?)))
        .filter(|&(a, b)| b > a && a.fract() == 0.0 && b.fract() == 0.0)
    {
        // "10-15" as one token
        i += 1;
        approx = false;
        lo = a as u64;
        hi = Some(b as u64);
    } else {
        let (e, a) = number(t, i)?;
        i = e;
        approx = false;
        lo = a;
        // ranges: "between 10 and 15", "10 to 15", "10 or 15", "10 - 15"
        let sep = t.get(i).map(|x| x.w);
        let joins = if mode == Mode::Between {
            sep == Some("and")
        } else {
            matches!(sep, Some("to" | "or" | "-" | "–"))
        };
        let second = if joins { number(t, i + 1) } else { None };
        if let Some((e2, b)) = second.filter(|&(_, b)| b > a) {
            i = e2;
            hi = Some(b);
        } else if mode == Mode::Between {
            return None;
        } else {
            hi = Some(a);
        }
    }
    if t.get(i).is_some_and(|x| x.w == "more") {
        extra = true;
        i += 1;
    } else if phrase_at(t, i, &["or", "so"]) {
        approx = true;
        i += 2;
    }
    if t.get(i).is_some_and(|x| {
        matches!(
            x.w,
            "%" | "percent" | "per" | "pc" | ":" | "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m"
        )
    }) {
        return None;
    }
    // "three times", "2 more times", "five years": a number of things, not of people
    if t.get(i).is_some_and(|x| LEX.not_heads.contains(x.w)) {
        return None;
    }
    let (min, max) = match mode {
        Mode::Exact | Mode::Extra | Mode::Between => (Some(lo), hi),
        Mode::Gt => (Some(lo + 1), None),
        Mode::Ge => (Some(lo), None),
        Mode::Lt => (None, Some(lo.saturating_sub(1))),
        Mode::Le => (None, Some(hi.unwrap_or(lo))),
        Mode::Near => {
            approx = true;
            (None, Some(lo))
        }
        Mode::Approx => {
            approx = true;
            (Some(lo), Some(hi.unwrap_or(lo)))
        }
        Mode::UptoApprox => {
            approx = true;
            (None, Some(hi.unwrap_or(lo)))
        }
    };
    Some(Qty {
        start: k,
        end: i,
        min,
        max,
        approx,
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tok::scan;

    type Read = (Option<u64>, Option<u64>, bool, bool, usize);

    fn q(s: &str) -> Option<Read> {
        let low = s.to_ascii_lowercase();
        let mut t = Vec::new();
        scan(s, &low, 0, s.len(), &mut t);
        parse(&t, 0).map(|q| (q.min, q.max, q.approx, q.extra, q.end))
    }

    #[test]
    fn qualifiers_are_kept_as_stated() {
        assert_eq!(
            q("More than 370 people"),
            Some((Some(371), None, false, false, 3))
        );
        assert_eq!(q("at least 12"), Some((Some(12), None, false, false, 3)));
        assert_eq!(
            q("nearly 70 children"),
            Some((None, Some(70), true, false, 2))
        );
        assert_eq!(q("almost 70"), Some((None, Some(70), true, false, 2)));
        assert_eq!(q("about 50"), Some((Some(50), Some(50), true, false, 2)));
        assert_eq!(q("some 50"), Some((Some(50), Some(50), true, false, 2)));
        assert_eq!(q("seven people"), Some((Some(7), Some(7), false, false, 1)));
        assert_eq!(q("fewer than 10"), Some((None, Some(9), false, false, 3)));
        assert_eq!(q("up to 30"), Some((None, Some(30), false, false, 3)));
    }

    #[test]
    fn vague_words_follow_the_documented_rules() {
        assert_eq!(
            q("dozens of people"),
            Some((Some(24), None, true, false, 2))
        );
        assert_eq!(q("Dozens were"), Some((Some(24), None, true, false, 1)));
        assert_eq!(q("a dozen"), Some((Some(12), Some(12), false, false, 2)));
        assert_eq!(q("hundreds"), Some((Some(200), None, true, false, 1)));
        assert_eq!(q("scores of"), Some((Some(40), None, true, false, 2)));
        assert_eq!(
            q("more than a dozen"),
            Some((Some(13), None, false, false, 4))
        );
        assert_eq!(q("some people"), None);
    }

    #[test]
    fn number_forms() {
        assert_eq!(
            q("more than 400,000 lives"),
            Some((Some(400_001), None, false, false, 3))
        );
        assert_eq!(
            q("1.5 million"),
            Some((Some(1_500_000), Some(1_500_000), false, false, 2))
        );
        assert_eq!(
            q("twenty-five"),
            Some((Some(25), Some(25), false, false, 1))
        );
        assert_eq!(
            q("two hundred and fifty"),
            Some((Some(250), Some(250), false, false, 4))
        );
        assert_eq!(
            q("a hundred"),
            Some((Some(100), Some(100), false, false, 2))
        );
        assert_eq!(q("two dozen"), Some((Some(24), Some(24), false, false, 2)));
        assert_eq!(
            q("between 10 and 15"),
            Some((Some(10), Some(15), false, false, 4))
        );
        assert_eq!(q("10 to 15"), Some((Some(10), Some(15), false, false, 3)));
        assert_eq!(q("10-15"), Some((Some(10), Some(15), false, false, 1)));
    }

    #[test]
    fn additions_are_marked() {
        assert_eq!(
            q("a further three"),
            Some((Some(3), Some(3), false, true, 3))
        );
        assert_eq!(q("two more"), Some((Some(2), Some(2), false, true, 2)));
        assert_eq!(q("another 12"), Some((Some(12), Some(12), false, true, 2)));
    }

    #[test]
    fn not_counts() {
        assert_eq!(q("40 percent"), None);
        assert_eq!(q("40 %"), None);
        assert_eq!(q("1,2"), None);
        assert_eq!(q("people"), None);
        assert_eq!(q("about 10:30 p.m."), None);
        assert_eq!(q("7 p.m."), None);
        assert_eq!(q("2 more times"), None);
    }
}
