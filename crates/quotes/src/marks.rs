//! Pairing quotation marks into top-level quoted stretches.
//!
//! Marks understood: curly double “ ” (and the low opening „ of German-style „…“), straight
//! double ", two apostrophes '' (used as a double mark by some wires), guillemets « », curly
//! single ‘ ’ and straight single '. A mark opens
//! when it stands at the start of a word and closes at the end of one; inner quotations (single
//! marks inside double ones, or the other way round) are tracked on a small stack so that they
//! do not close the outer quotation. An apostrophe inside a word ("it’s", "Clinton's") is never a
//! mark, and a closing single mark is only taken when a single quotation is open (so that
//! "the Clintons’ foundation" stays an apostrophe).
//!
//! A double quotation that is still open when its paragraph ends continues into the next
//! paragraph if that one opens with a double mark (the newspaper convention for a quotation of
//! several paragraphs): the stretch then runs across the block separator. Otherwise it ends
//! with its paragraph. A single quotation left open is dropped (its mark was an apostrophe).

use dateline_doc::Span;
use dateline_segment::{is_alphabetic, is_alphanumeric};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    CurlyD,
    StraightD,
    ApoD,
    Guill,
    CurlyS,
    StraightS,
}

impl Mark {
    fn is_double(self) -> bool {
        matches!(
            self,
            Mark::CurlyD | Mark::StraightD | Mark::ApoD | Mark::Guill
        )
    }
}

/// One top-level quoted stretch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation ran to the end of its paragraph.
    pub close: Option<Span>,
    /// The quoted words, without the marks, trimmed of white space.
    pub content: Span,
}

fn opens_double(s: &str) -> bool {
    s.starts_with('“') || s.starts_with('"') || s.starts_with("''") || s.starts_with('«')
}

fn is_open_ctx(c: Option<char>) -> bool {
    c.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"'«".contains(p))
}

fn is_close_ctx(c: Option<char>) -> bool {
    c.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…/”’\"'»".contains(n))
}

/// Find the top-level quotations in `text`, block by block.
pub fn find(text: &str, blocks: &[Span]) -> Vec<Quoted> {
    let mut out = Vec::new();
    // A double quotation carried over from the previous block: its opening mark.
    let mut carry: Option<(Mark, Span)> = None;
    for (bi, b) in blocks.iter().enumerate() {
        let block = &text[b.start..b.end];
        let mut stack: Vec<(Mark, Span)> = Vec::with_capacity(4);
        let mut i = 0;
        if let Some(c) = carry.take() {
            stack.push(c);
            // Skip the re-opening mark of the continued paragraph.
            i = if block.starts_with("''") {
                2
            } else {
                block.chars().next().map_or(0, char::len_utf8)
            };
        }
        let mut prev: Option<char> = None;
        let bytes = block.as_bytes();
        while i < block.len() {
            // Only `"`, `'` and characters whose first byte is C2 (« ») or E2 (“ ” ‘ ’) can be
            // marks: every other character is passed over at once, with `prev` set to the last.
            let from = i;
            while i < bytes.len() && !matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) {
                i += 1;
            }
            if i > from {
                prev = block[..i].chars().next_back();
                if i == bytes.len() {
                    break;
                }
            }
            let rest = &block[i..];
            let c = rest.chars().next().expect("in bounds");
            // "'''" after an inner single quotation: its closing mark, then ''.
            let triple =
                rest.starts_with("'''") && stack.iter().any(|(k, _)| *k == Mark::StraightS);
            let (mark_len, kind) = if rest.starts_with("''") && !triple {
                (2, Some(Mark::ApoD))
            } else {
                let k = match c {
                    '“' | '”' | '„' => Some(Mark::CurlyD),
                    '"' => Some(Mark::StraightD),
                    '«' | '»' => Some(Mark::Guill),
                    '‘' | '’' => Some(Mark::CurlyS),
                    '\'' => Some(Mark::StraightS),
                    _ => None,
                };
                (c.len_utf8(), k)
            };
            let Some(kind) = kind else {
                prev = Some(c);
                i += c.len_utf8();
                continue;
            };
            let next = block[i + mark_len..].chars().next();
            let span = Span::new(b.start + i, b.start + i + mark_len);
            let open_ctx = is_open_ctx(prev);
            let close_ctx = is_close_ctx(next);
            let pos = |m: Mark, st: &[(Mark, Span)]| st.iter().rposition(|(k, _)| *k == m);
            let mut close_at: Option<usize> = None;
            let mut open = false;
            match (c, kind) {
                (_, Mark::ApoD) | ('"', _) => {
                    if let Some(p) = pos(kind, &stack).filter(|_| close_ctx || !open_ctx) {
                        close_at = Some(p);
                    } else if stack.last().is_some_and(|(k, _)| k.is_double())
                        && close_ctx
                        && !open_ctx
                    {
                        close_at = Some(stack.len() - 1);
                    } else if open_ctx || !close_ctx {
                        open = true;
                    }
                }
                ('“', _) => {
                    // A misplaced “ at the end of a word closes an open double quotation.
                    if !open_ctx
                        && close_ctx
                        && let Some(p) = stack.iter().rposition(|(k, _)| k.is_double())
                    {
                        close_at = Some(p);
                    } else {
                        open = true;
                    }
                }
                ('”', _) => {
                    if let Some(p) = pos(Mark::CurlyD, &stack) {
                        close_at = Some(p);
                    } else if let Some(p) = stack.iter().rposition(|(k, _)| k.is_double()) {
                        close_at = Some(p);
                    } else if open_ctx && !close_ctx {
                        open = true;
                    }
                }
                ('«' | '„', _) => open = true,
                ('»', _) => close_at = pos(Mark::Guill, &stack),
                ('‘', _) if next.is_some_and(|n| !n.is_whitespace()) => open = true,
                ('’', _) => {
                    let in_word =
                        prev.is_some_and(is_alphanumeric) && next.is_some_and(is_alphanumeric);
                    if !in_word && close_ctx {
                        close_at = pos(Mark::CurlyS, &stack);
                    }
                }
                ('\'', _) => {
                    let in_word =
                        prev.is_some_and(is_alphanumeric) && next.is_some_and(is_alphanumeric);
                    if in_word {
                    } else if let Some(p) = pos(Mark::StraightS, &stack).filter(|_| close_ctx) {
                        close_at = Some(p);
                    } else if open_ctx && next.is_some_and(is_alphabetic) {
                        // An opening single mark needs a closing one later in the block
                        // ("'90s", "'em" are elisions); "Jones' book" is a possessive.
                        let later = &block[i + 1..];
                        if later.match_indices('\'').any(|(j, _)| {
                            let after = &later[j + 1..];
                            let possessive = later[..j].ends_with('s')
                                && after.starts_with(' ')
                                && after[1..].starts_with(|c: char| c.is_lowercase());
                            j > 0 && !possessive && is_close_ctx(after.chars().next())
                        }) {
                            open = true;
                        }
                    }
                }
                _ => {}
            }
            if let Some(p) = close_at {
                if p == 0 {
                    let (_, o) = stack[0];
                    push(&mut out, text, o, Some(span), span.start);
                }
                stack.truncate(p);
            } else if open {
                let kind = if c == '“' || c == '”' {
                    Mark::CurlyD
                } else if c == '‘' {
                    Mark::CurlyS
                } else {
                    kind
                };
                stack.push((kind, span));
            }
            prev = text[..span.end].chars().next_back();
            i += mark_len;
        }
        if let Some(&(kind, o)) = stack.first() {
            if !kind.is_double() {
                // An apostrophe misread as an opening single mark: nothing to report.
            } else if blocks
                .get(bi + 1)
                .is_some_and(|nb| opens_double(&text[nb.start..nb.end]))
            {
                carry = Some((kind, o));
            } else {
                push(&mut out, text, o, None, b.end);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Quoted>, text: &str, open: Span, close: Option<Span>, end: usize) {
    let inner = &text[open.end..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let content = Span::new(open.end + lead, end - trail);
    if content.start < content.end {
        out.push(Quoted {
            open,
            close,
            content,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            blocks.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        find(text, &blocks)
            .into_iter()
            .map(|q| text[q.content.start..q.content.end].to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            quoted("“We will win,” said Kerry. \"No,\" he said."),
            ["We will win,", "No,"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quoted("Syria’s war: it’s the Clintons’ foundation in the '90s, Jones' book."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn inner_quotation_does_not_close_the_outer_one() {
        assert_eq!(
            quoted("\"He asked me: “Do you know?” and I said no,\" she said."),
            ["He asked me: “Do you know?” and I said no,"]
        );
        assert_eq!(
            quoted("“Call it ‘reform’ if you like,” he said."),
            ["Call it ‘reform’ if you like,"]
        );
    }

    #[test]
    fn single_marks_and_double_apostrophes() {
        assert_eq!(
            quoted("Flynn says Trump 'absolutely right' on generals"),
            ["absolutely right"]
        );
        assert_eq!(
            quoted("''This isn't tax reform,'' he said."),
            ["This isn't tax reform,"]
        );
        assert_eq!(quoted("It’s ‘All in the Timing.’"), ["All in the Timing."]);
    }

    #[test]
    fn triple_apostrophe_closes_inner_then_outer() {
        assert_eq!(
            quoted("''She called the plan 'half-baked,''' said Tomas Reyne."),
            ["She called the plan 'half-baked,'"]
        );
    }

    #[test]
    fn quotation_over_paragraphs() {
        let t = "“They came to the table again.\n\n“No breakthrough at all.”\n\nAfter.";
        assert_eq!(
            quoted(t),
            ["They came to the table again.\n\n“No breakthrough at all."]
        );
        // Open at the paragraph end without a continuation: ends with the paragraph.
        assert_eq!(quoted("He said “we will see\n\nThe end."), ["we will see"]);
    }

    #[test]
    fn misplaced_curly_closing_mark() {
        assert_eq!(
            quoted("“The rate is 51 percent.“ He said so."),
            ["The rate is 51 percent."]
        );
    }
}
