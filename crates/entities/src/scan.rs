//! A word scanner for this stage: words with their byte offsets, possessive "'s" split off,
//! abbreviations ("U.S.", "Gen.", "J.") kept whole. The same scanner reads lexicon entries, so
//! an entry and the text it matches are cut into the same pieces.

use dateline_segment::{is_alphabetic, is_alphanumeric};

/// One scanned piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    /// A word (letters or digits), as opposed to punctuation.
    pub word: bool,
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Maj", "Brig", "Capt", "Sgt", "Cpl", "Adm",
    "Cmdr", "Prof", "Rev", "Sen", "Rep", "Gov", "St", "Mt", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd",
    "No", "vs", "Ste", "Messrs",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Scan `text` into pieces; offsets are relative to `text` plus `base`.
pub(crate) fn scan(text: &str, base: usize, out: &mut Vec<Piece>) {
    let b = text.as_bytes();
    let mut i = 0;
    let char_at = |i: usize| text[i..].chars().next();
    while i < b.len() {
        let c = char_at(i).unwrap();
        let cl = c.len_utf8();
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if is_alphanumeric(c) {
            let start = i;
            let mut j = i + cl;
            loop {
                // the rest of an alphanumeric run
                while let Some(n) = char_at(j).filter(|n| j < b.len() && is_alphanumeric(*n)) {
                    j += n.len_utf8();
                }
                let Some(n) = (j < b.len()).then(|| char_at(j)).flatten() else {
                    break;
                };
                let after = j + n.len_utf8();
                let next = (after < b.len()).then(|| char_at(after)).flatten();
                let next_alnum = next.is_some_and(is_alphanumeric);
                if (n == '-' || n == '&') && next_alnum {
                    j = after;
                    continue;
                }
                if is_apostrophe(n) && next_alnum {
                    let nx = next.unwrap();
                    let after2 = after + nx.len_utf8();
                    let end_after_s = (nx == 's' || nx == 'S')
                        && (after2 >= b.len() || !char_at(after2).is_some_and(is_alphanumeric));
                    if end_after_s {
                        break; // possessive: split "'s" off
                    }
                    j = after;
                    continue;
                }
                if n == '.' && next.is_some_and(is_alphabetic) {
                    let so_far = &text[start..j];
                    if so_far.chars().count() == 1 || so_far.contains('.') {
                        j = after;
                        continue;
                    }
                }
                break;
            }
            // a final dot that belongs to the word: initials, dotted abbreviations, titles
            if j < b.len() && b[j] == b'.' {
                let w = &text[start..j];
                let single_upper = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
                if single_upper || w.contains('.') || ABBREVIATIONS.contains(&w) {
                    j += 1;
                }
            }
            out.push(Piece {
                start: base + start,
                end: base + j,
                word: true,
            });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            let after = i + cl;
            if let Some(s) = (after < b.len()).then(|| char_at(after)).flatten()
                && (s == 's' || s == 'S')
                && (after + 1 >= b.len() || !char_at(after + 1).is_some_and(is_alphanumeric))
            {
                out.push(Piece {
                    start: base + i,
                    end: base + after + 1,
                    word: true,
                });
                i = after + 1;
                continue;
            }
        }
        out.push(Piece {
            start: base + i,
            end: base + i + cl,
            word: false,
        });
        i += cl;
    }
}

/// The pieces of a short string, as strings (for lexicon entries).
pub(crate) fn words(text: &str) -> Vec<&str> {
    let mut v = Vec::new();
    scan(text, 0, &mut v);
    v.iter().map(|p| &text[p.start..p.end]).collect()
}

/// Is this piece a possessive marker ("'s", "’s")?
pub(crate) fn is_possessive(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('s' | 'S'), None) if is_apostrophe(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_abbreviations_and_hyphens() {
        assert_eq!(
            words("Russia’s UN envoy, U.S. Gen. J. Smith's al-Assad O'Brien Workers' Party."),
            vec![
                "Russia", "’s", "UN", "envoy", ",", "U.S.", "Gen.", "J.", "Smith", "'s",
                "al-Assad", "O'Brien", "Workers", "'", "Party", "."
            ]
        );
        assert!(is_possessive("’s"));
        assert!(!is_possessive("so"));
    }

    #[test]
    fn offsets_are_on_char_boundaries() {
        let t = "Médecins Sans Frontières — “MSF” said.";
        let mut v = Vec::new();
        scan(t, 10, &mut v);
        for p in &v {
            assert!(t.is_char_boundary(p.start - 10) && t.is_char_boundary(p.end - 10));
        }
        assert_eq!(&t[v[0].start - 10..v[0].end - 10], "Médecins");
    }
}
