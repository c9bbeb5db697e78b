//! Word scanning inside one sentence, enough for the toll patterns (not a general tokenizer:
//! sentence boundaries come from `dateline-segment`).

use dateline_segment::{char_at, is_alphabetic, is_alphanumeric};

/// One word or punctuation mark. `w` is the lower-cased text (ASCII lower-casing keeps byte
/// offsets, so it is a slice of the lower-cased document at the same offsets).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    pub s: usize,
    pub e: usize,
    pub w: &'a str,
    /// Starts with an upper-case letter in the original text.
    pub cap: bool,
    /// Starts with a digit.
    pub num: bool,
    pub punct: bool,
}

fn joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '‑')
}

/// A letter or digit.
#[inline]
fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && is_alphanumeric(c))
}

/// Scan `text[start..end]` (original and lower-cased, same byte offsets) into tokens.
pub(crate) fn scan<'a>(orig: &str, low: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    let text = &orig[start..end];
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let clen = c.len_utf8();
        if c.is_ascii() {
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
        } else if c.is_whitespace() {
            i += clen;
            continue;
        }
        let s = start + i;
        if !alnum(c) {
            let e = s + clen;
            out.push(Tok {
                s,
                e,
                w: &low[s..e],
                cap: false,
                num: false,
                punct: true,
            });
            i += clen;
            continue;
        }
        let mut e = s + clen;
        let mut prev = c;
        let mut seg_len = 1usize; // letters since the last '.', for "p.m."
        // `j`: the next character not yet taken into the token.
        let mut j = i + clen;
        while let Some(d) = char_at(text, j) {
            let dlen = d.len_utf8();
            if alnum(d) {
                j += dlen;
                e = start + j;
                prev = d;
                seg_len += 1;
                continue;
            }
            if !joiner(d) {
                break;
            }
            let next = char_at(text, j + dlen);
            let ok = match (d, next) {
                ('.' | ',', Some(n)) if prev.is_ascii_digit() && n.is_ascii_digit() => true,
                ('.', Some(n)) if seg_len == 1 && is_alphabetic(prev) && is_alphabetic(n) => true,
                ('.', _) if seg_len == 1 && is_alphabetic(prev) && orig[s..e].contains('.') => {
                    // the final dot of "p.m." / "U.S."
                    j += 1;
                    e = start + j;
                    break;
                }
                ('-' | '‑' | '\'' | '’', Some(n)) if is_alphanumeric(n) => true,
                _ => false,
            };
            if !ok {
                break;
            }
            j += dlen;
            e = start + j;
            seg_len = 0;
            prev = d;
        }
        out.push(Tok {
            s,
            e,
            w: &low[s..e],
            cap: c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()),
            num: c.is_ascii_digit(),
            punct: false,
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<String> {
        let low = t.to_ascii_lowercase();
        let mut v = Vec::new();
        scan(t, &low, 0, t.len(), &mut v);
        v.iter().map(|t| t.w.to_string()).collect()
    }

    #[test]
    fn numbers_ages_and_abbreviations_stay_whole() {
        assert_eq!(
            words("More than 400,000 (1.5 million) at 7:45 p.m. The 18-year-old wasn’t."),
            [
                "more",
                "than",
                "400,000",
                "(",
                "1.5",
                "million",
                ")",
                "at",
                "7",
                ":",
                "45",
                "p.m.",
                "the",
                "18-year-old",
                "wasn’t",
                "."
            ]
        );
        assert_eq!(
            words("died.Police, 10-15"),
            ["died", ".", "police", ",", "10-15"]
        );
    }
}
