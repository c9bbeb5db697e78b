//! Clean HTML fragment (an extractor's output) to paragraphs of plain text.

use crate::scan::{Scanner, Token, push_normalised};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub heading: bool,
}

fn is_heading(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() == 2 && (b[0] | 0x20) == b'h' && (b'1'..=b'6').contains(&b[1])
}

/// Tags that end one paragraph and start another.
fn is_block(name: &str) -> bool {
    const BLOCKS: [&str; 27] = [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "table",
        "tr",
        "thead",
        "tbody",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dl",
        "dt",
        "dd",
        "hr",
        "br",
        "lb",
        "main",
        "aside",
        "caption",
        "address",
    ];
    is_heading(name) || BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

fn is_void(name: &str) -> bool {
    [
        "br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col", "embed",
        "param", "track",
    ]
    .iter()
    .any(|v| v.eq_ignore_ascii_case(name))
}

fn is_cell(name: &str) -> bool {
    name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th")
}

fn is_skipped(name: &str) -> bool {
    [
        "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "button",
        "select",
    ]
    .iter()
    .any(|b| b.eq_ignore_ascii_case(name))
}

/// Paragraphs of `fragment`: block elements separate paragraphs, whitespace is collapsed,
/// entities decoded; headings are their own paragraphs and are marked.
pub fn paragraphs(fragment: &str) -> Vec<Para> {
    paragraphs_skipping(fragment, |_| false)
}

/// [`paragraphs`], leaving out every element (with its content) whose start-tag attributes
/// `skip` rejects.
pub fn paragraphs_skipping(fragment: &str, skip: impl Fn(&str) -> bool) -> Vec<Para> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut heading_depth = 0usize;
    let mut cur_heading = false;
    let mut sc = Scanner::new(fragment);
    let flush = |cur: &mut String, heading: bool, out: &mut Vec<Para>| {
        let t = cur.trim();
        if !t.is_empty() {
            out.push(Para {
                text: t.to_string(),
                heading,
            });
        }
        cur.clear();
    };
    while let Some(tok) = sc.next() {
        match tok {
            Token::Open { name, attrs } => {
                if is_skipped(name) {
                    let _ = sc.raw_until_close(name);
                } else if !attrs.is_empty()
                    && !is_void(name)
                    && !attrs.ends_with('/')
                    && skip(attrs)
                {
                    sc.skip_element(name);
                } else if is_heading(name) {
                    flush(&mut cur, cur_heading, &mut out);
                    heading_depth += 1;
                    cur_heading = true;
                } else if is_block(name) {
                    flush(&mut cur, cur_heading, &mut out);
                    cur_heading = heading_depth > 0;
                } else if is_cell(name) && !cur.is_empty() && !cur.ends_with(' ') {
                    cur.push(' ');
                }
            }
            Token::Close { name } => {
                if is_heading(name) {
                    flush(&mut cur, true, &mut out);
                    heading_depth = heading_depth.saturating_sub(1);
                    cur_heading = heading_depth > 0;
                } else if is_block(name) {
                    flush(&mut cur, cur_heading, &mut out);
                } else if is_cell(name) && !cur.is_empty() && !cur.ends_with(' ') {
                    cur.push(' ');
                }
            }
            Token::Text(t) => {
                if memchr::memchr(b'&', t.as_bytes()).is_some() {
                    push_normalised(&mut cur, &html_escape::decode_html_entities(t));
                } else {
                    push_normalised(&mut cur, t);
                }
            }
        }
    }
    flush(&mut cur, cur_heading, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_elements_go_with_their_content() {
        let p = paragraphs_skipping(
            "<p>a</p><div class=\"x cap\"><div>in <div>deeper</div></div><p>still</p></div><p>b</p>",
            |attrs| attrs.contains("cap"),
        );
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["a", "b"]);
    }

    #[test]
    fn blocks_headings_and_inline_markup() {
        let p = paragraphs(
            "<h2>Sub <em>head</em></h2><p>One <b>two</b>\n  three&nbsp;&amp; four.</p><ul><li>a</li><li>b</li></ul>\
             <p>x<br>y</p><table><tr><td>c1</td><td>c2</td></tr></table>",
        );
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Sub head",
                "One two three & four.",
                "a",
                "b",
                "x",
                "y",
                "c1 c2"
            ]
        );
        assert!(p[0].heading);
        assert!(!p[1].heading);
    }
}
