//! Before parsing: drop the parts of a page that never hold article text (scripts, styles,
//! comments, inline SVG, templates, noscript) in one pass, keeping JSON-LD blocks aside for the
//! metadata. About 60% of a typical news page's bytes go, so the DOM parser has less to do.

use crate::scan::{Scanner, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const OPENERS: [&str; 13] = [
    "<!--",
    "<script",
    "<style",
    "<svg",
    "<template",
    "<noscript",
    "<nav",
    "<footer",
    "<aside",
    "<iframe",
    "<select",
    "<figure",
    "<button",
];
const CLOSERS: [&str; 13] = [
    "-->",
    "</script",
    "</style",
    "</svg",
    "</template",
    "</noscript",
    "</nav",
    "</footer",
    "</aside",
    "</iframe",
    "</select",
    "</figure",
    "</button",
];

static OPEN: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(OPENERS)
        .expect("static patterns")
});

/// The page without its non-text parts, and the bodies of its JSON-LD scripts.
pub struct Prepared<'a> {
    pub html: String,
    pub json_ld: Vec<&'a str>,
}

/// First occurrence of the ASCII `needle` in `hay`, ignoring ASCII case.
pub fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let (lower, upper) = (n[0].to_ascii_lowercase(), n[0].to_ascii_uppercase());
    let next = |from: &[u8]| {
        if lower == upper {
            memchr::memchr(lower, from)
        } else {
            memchr::memchr2(lower, upper, from)
        }
    };
    let mut i = 0;
    while let Some(o) = next(&h[i..]) {
        let at = i + o;
        if h.len() - at >= n.len() && h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// [`strip`], then [`flatten`] when the page nests deeper than [`MAX_DEPTH`].
#[cfg(test)]
pub fn prepare(html: &str) -> Prepared<'_> {
    let mut p = strip(html);
    if max_depth(&p.html) > MAX_DEPTH {
        p.html = flatten(&p.html);
    }
    p
}

/// The page without its non-text parts (not yet flattened: see [`max_depth`], [`flatten`]).
pub fn strip(html: &str) -> Prepared<'_> {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut json_ld = Vec::new();
    let mut copied = 0;
    let mut at = 0;
    while at < b.len() {
        let Some(m) = OPEN.find(&html[at..]) else {
            break;
        };
        let s = at + m.start();
        let e = at + m.end();
        let k = m.pattern().as_usize();
        if k > 0 {
            let nb = b.get(e).copied().unwrap_or(b'>');
            if !(nb == b'>' || nb == b'/' || nb.is_ascii_whitespace()) {
                at = e;
                continue;
            }
        }
        out.push_str(&html[copied..s]);
        // End of the start tag (for scripts: where the body begins).
        let body_start = if k == 0 {
            e
        } else {
            memchr::memchr(b'>', &b[e..]).map_or(b.len(), |o| e + o + 1)
        };
        let end = match find_ci(&html[body_start..], CLOSERS[k]) {
            Some(cs) => {
                if k == 1 {
                    let attrs = &html[e..body_start];
                    if memchr::memmem::find(attrs.as_bytes(), b"ld+json").is_some()
                        || memchr::memmem::find(attrs.as_bytes(), b"LD+JSON").is_some()
                    {
                        json_ld.push(&html[body_start..body_start + cs]);
                    }
                }
                let ce = body_start + cs + CLOSERS[k].len();
                if k == 0 {
                    ce
                } else {
                    memchr::memchr(b'>', &b[ce..]).map_or(b.len(), |o| ce + o + 1)
                }
            }
            None => b.len(),
        };
        copied = end;
        at = end;
    }
    if copied < b.len() {
        out.push_str(&html[copied..]);
    }
    Prepared { html: out, json_ld }
}

/// The page without the `<link>` tags of its head (style sheets, preloads, icons), for the
/// Readability extractor, which reads nothing from them but the favicon: less for its HTML
/// parser to build. Only tags in the leading run of head-only markup are dropped, where an
/// HTML parser is certain to put them into `<head>`; `None` when there are none.
pub fn without_head_links(html: &str) -> Option<String> {
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut sc = Scanner::new(html);
    let mut start = sc.pos();
    while let Some(t) = sc.next() {
        match t {
            Token::Text(t) if t.bytes().all(|c| c.is_ascii_whitespace()) => {}
            Token::Close { name } if name.eq_ignore_ascii_case("head") => {}
            Token::Open { name, .. } if name.eq_ignore_ascii_case("link") => {
                drop.push((start, sc.pos()))
            }
            Token::Open { name, .. } if name.eq_ignore_ascii_case("title") => {
                let inner = sc.raw_until_close("title");
                // Stop unless the title ended as an HTML parser ends it (`</title` then space,
                // `/` or `>`).
                let close = inner.as_ptr() as usize - html.as_ptr() as usize + inner.len();
                let after = html.as_bytes().get(close + 7).copied();
                if !after.is_some_and(|c| c == b'>' || c == b'/' || c.is_ascii_whitespace()) {
                    break;
                }
            }
            Token::Open { name, .. }
                if ["html", "head", "meta", "base"]
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(name)) => {}
            _ => break,
        }
        start = sc.pos();
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in drop {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    Some(out)
}

/// Deeper element nesting than this (as counted by [`max_depth`]) is flattened before parsing,
/// so that no recursive walk in an extractor can exhaust a thread's stack.
pub const MAX_DEPTH: usize = 200;

/// Elements that never have children, or close themselves when a sibling opens: they do not
/// add to the nesting depth.
fn flat_element(name: &str) -> bool {
    // No listed name is longer than six bytes: most tag names are ruled out by length alone.
    let b = name.as_bytes();
    if b.len() > 6 {
        return false;
    }
    let mut low = [0u8; 6];
    for (l, c) in low.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    matches!(
        &low[..b.len()],
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"td"
            | b"th"
            | b"tr"
            | b"option"
            | b"dt"
            | b"dd"
            | b"html"
    )
}

/// Running nesting depth over a token stream, as [`max_depth`] counts it.
#[derive(Default)]
pub struct Depth {
    depth: usize,
    pub max: usize,
}

impl Depth {
    pub fn see(&mut self, t: &Token) {
        match t {
            Token::Open { name, attrs } if !flat_element(name) && !attrs.ends_with('/') => {
                self.depth += 1;
                self.max = self.max.max(self.depth);
            }
            Token::Close { name } if !flat_element(name) => {
                self.depth = self.depth.saturating_sub(1)
            }
            _ => {}
        }
    }
}

/// Largest nesting depth of start tags not yet closed (void and self-closing ones aside).
pub fn max_depth(html: &str) -> usize {
    let mut d = Depth::default();
    for t in Scanner::new(html) {
        d.see(&t);
    }
    d.max
}

/// Keep the text of a too-deep page but drop the tags nested deeper than [`MAX_DEPTH`]
/// (paragraph-like ones become line breaks so words stay apart).
pub fn flatten(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut sc = Scanner::new(html);
    let mut at = 0;
    while let Some(t) = sc.next() {
        let end = sc.pos();
        let piece = &html[at..end];
        at = end;
        match t {
            Token::Text(_) => out.push_str(piece),
            Token::Open { name, attrs } => {
                let counts = !flat_element(name) && !attrs.ends_with('/');
                if counts {
                    depth += 1;
                }
                if depth <= MAX_DEPTH {
                    out.push_str(piece);
                } else {
                    out.push(' ');
                }
            }
            Token::Close { name } => {
                if depth <= MAX_DEPTH {
                    out.push_str(piece);
                } else {
                    out.push(' ');
                }
                if !flat_element(name) {
                    depth = depth.saturating_sub(1);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_comments_and_keeps_json_ld() {
        let p = prepare(
            "<head><SCRIPT type=\"application/ld+json\">{\"a\":1}</SCRIPT><style>p{}</style></head>\
             <body><!-- x --><p>Hi<script>var s='</p>';</script></p><scripts>keep</scripts></body>",
        );
        assert_eq!(p.json_ld, vec!["{\"a\":1}"]);
        assert!(!p.html.contains("var s"));
        assert!(!p.html.contains("p{}"));
        assert!(!p.html.contains("<!--"));
        assert!(p.html.contains("<p>Hi"));
        assert!(p.html.contains("<scripts>keep</scripts>"));
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
        let p = prepare(&deep);
        assert!(max_depth(&p.html) <= MAX_DEPTH);
        assert!(p.html.contains("deep text"));
        let shallow = "<div><p>a<p>b</div>".repeat(3000);
        assert_eq!(prepare(&shallow).html, shallow);
    }

    #[test]
    fn flat_elements_by_name_any_case() {
        for n in ["p", "LI", "Option", "source", "html", "BR"] {
            assert!(flat_element(n), "{n}");
        }
        for n in ["", "div", "pre", "options", "sources", "h1", "\u{e9}"] {
            assert!(!flat_element(n), "{n}");
        }
    }

    #[test]
    fn head_links_go_and_the_rest_stays() {
        let h = "<!DOCTYPE html><html><head>\n<meta charset=utf-8><link rel=stylesheet href=a.css>\
                 <title>T</title><LINK rel=icon href=i.png /></head>\n<body><link rel=x><p>a</p></body>";
        assert_eq!(
            without_head_links(h).as_deref(),
            Some(
                "<!DOCTYPE html><html><head>\n<meta charset=utf-8><title>T</title></head>\n\
                 <body><link rel=x><p>a</p></body>"
            )
        );
        // Text or another element ends the head: later links stay.
        assert_eq!(without_head_links("<head>x<link rel=a></head>"), None);
        assert_eq!(without_head_links("<div><link rel=a>"), None);
        assert_eq!(without_head_links("<title>a</title-x><link rel=a>"), None);
    }

    #[test]
    fn unclosed_script_swallows_the_rest() {
        let p = prepare("<p>a</p><script>never closed <p>b</p>");
        assert_eq!(p.html, "<p>a</p>");
    }
}
