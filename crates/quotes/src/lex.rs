//! Word tokens for the attribution rules: words (with inner apostrophes, hyphens and dots,
//! and the dot of titles, acronyms and initials) and single punctuation marks ('' is one mark).

use dateline_doc::Span;
use dateline_segment::{char_at, is_alphanumeric};

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub span: Span,
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Index of the top-level quotation whose marks or content hold this token.
    pub quote: Option<u32>,
    /// Index of the sentence-like unit holding this token.
    pub unit: u32,
    /// Index of the block holding this token.
    pub block: u32,
}

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Prof", "Rev", "St", "Jr", "Sr", "Pres", "Atty", "Cmdr", "Lt", "Insp", "Supt", "Fr",
];

/// Tokens of `text`, in order. `unit`, `block` and `quote` are left for the caller to fill.
pub fn lex(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i).expect("in bounds");
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let start = i;
            let mut j = i + c.len_utf8();
            while let Some(d) = char_at(text, j) {
                if is_alphanumeric(d) {
                    j += d.len_utf8();
                    continue;
                }
                if matches!(d, '\'' | '’' | '-' | '.' | '‑')
                    && !text[j..].starts_with("''")
                    && let Some(n) = char_at(text, j + d.len_utf8())
                    && is_alphanumeric(n)
                {
                    j += d.len_utf8() + n.len_utf8();
                    continue;
                }
                break;
            }
            let w = &text[start..j];
            if text[j..].starts_with('.')
                && (w.contains('.')
                    || TITLES.contains(&w)
                    || (w.chars().count() == 1 && c.is_uppercase()))
            {
                j += 1;
            }
            out.push(Tok {
                span: Span::new(start, j),
                word: true,
                cap: c.is_uppercase(),
                quote: None,
                unit: 0,
                block: 0,
            });
            i = j;
        } else {
            let len = if text[i..].starts_with("''") && !text[i..].starts_with("'''") {
                2
            } else {
                c.len_utf8()
            };
            out.push(Tok {
                span: Span::new(i, i + len),
                word: false,
                cap: false,
                quote: None,
                unit: 0,
                block: 0,
            });
            i += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        lex(t)
            .iter()
            .map(|k| &t[k.span.start..k.span.end])
            .collect()
    }

    #[test]
    fn words_titles_and_marks() {
        assert_eq!(
            words("“No,” said Sen. Bob Corker of the U.S. Senate."),
            [
                "“", "No", ",", "”", "said", "Sen.", "Bob", "Corker", "of", "the", "U.S.",
                "Senate", "."
            ]
        );
        assert_eq!(
            words("Al Jazeera’s well-known editor John F. Kennedy ''said''"),
            [
                "Al",
                "Jazeera’s",
                "well-known",
                "editor",
                "John",
                "F.",
                "Kennedy",
                "''",
                "said",
                "''"
            ]
        );
    }
}
