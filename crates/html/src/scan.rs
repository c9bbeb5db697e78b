//! A small, forgiving HTML tag scanner: enough to read metadata from a page and to turn the
//! extractor's clean HTML fragment into paragraphs without building a second DOM.

use std::borrow::Cow;

/// One piece of markup: a tag or a run of text between tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`; `name` as written (compare case-insensitively).
    Open {
        name: &'a str,
        attrs: &'a str,
    },
    Close {
        name: &'a str,
    },
    Text(&'a str),
}

/// Iterate the tokens of `html`. Comments, doctypes and processing instructions are skipped;
/// a `<` that does not start a tag is text.
pub struct Scanner<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(s: &'a str) -> Self {
        Scanner { s, pos: 0 }
    }

    /// A scanner starting at byte `pos` of `s` (a character boundary).
    pub fn at(s: &'a str, pos: usize) -> Self {
        Scanner { s, pos }
    }

    /// Byte offset just past the last token returned.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Skip ahead to just after the next `</name ...>` (case-insensitive); returns the text
    /// in between. Used for raw-text elements such as `<title>` and `<script>`.
    pub fn raw_until_close(&mut self, name: &str) -> &'a str {
        let rest = &self.s[self.pos..];
        let b = rest.as_bytes();
        let mut i = 0;
        while let Some(off) = memchr::memchr(b'<', &b[i..]) {
            let at = i + off;
            let after = &b[at + 1..];
            if after.first() == Some(&b'/')
                && after.len() > name.len()
                && after[1..1 + name.len()].eq_ignore_ascii_case(name.as_bytes())
                && !after
                    .get(1 + name.len())
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            {
                let inner = &rest[..at];
                let end = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
                self.pos += end;
                return inner;
            }
            i = at + 1;
        }
        self.pos = self.s.len();
        rest
    }
}

impl Scanner<'_> {
    /// Skip the rest of an element just opened as `name`: past its matching end tag, counting
    /// nested elements of the same name (or to the end of input).
    pub fn skip_element(&mut self, name: &str) {
        let mut depth = 1usize;
        for t in self.by_ref() {
            match t {
                Token::Open { name: n, attrs }
                    if n.eq_ignore_ascii_case(name) && !attrs.ends_with('/') =>
                {
                    depth += 1
                }
                Token::Close { name: n } if n.eq_ignore_ascii_case(name) => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            if b[start] != b'<' {
                let end = memchr::memchr(b'<', &b[start..]).map_or(b.len(), |o| start + o);
                self.pos = end;
                return Some(Token::Text(&s[start..end]));
            }
            let next = b.get(start + 1).copied();
            match next {
                Some(b'!') => {
                    // Comment or doctype or CDATA.
                    if b[start..].starts_with(b"<!--") {
                        let end = memchr::memmem::find(&b[start + 4..], b"-->")
                            .map_or(b.len(), |o| start + 4 + o + 3);
                        self.pos = end;
                    } else {
                        self.pos =
                            memchr::memchr(b'>', &b[start..]).map_or(b.len(), |o| start + o + 1);
                    }
                    continue;
                }
                Some(b'?') => {
                    self.pos = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |o| start + o + 1);
                    continue;
                }
                Some(b'/') => {
                    let name_start = start + 2;
                    let name_end = name_end(b, name_start);
                    if name_end == name_start {
                        // `</` not followed by a name: skip to `>` like browsers do.
                        self.pos =
                            memchr::memchr(b'>', &b[start..]).map_or(b.len(), |o| start + o + 1);
                        continue;
                    }
                    self.pos =
                        memchr::memchr(b'>', &b[name_end..]).map_or(b.len(), |o| name_end + o + 1);
                    return Some(Token::Close {
                        name: &s[name_start..name_end],
                    });
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_start = start + 1;
                    let name_end = name_end(b, name_start);
                    let end = tag_end(b, name_end);
                    let attrs_end = if end > name_end && b[end - 1] == b'>' {
                        end - 1
                    } else {
                        end
                    };
                    self.pos = end;
                    return Some(Token::Open {
                        name: &s[name_start..name_end],
                        attrs: &s[name_end..attrs_end],
                    });
                }
                _ => {
                    // A lone `<`: text up to the next `<`.
                    let end =
                        memchr::memchr(b'<', &b[start + 1..]).map_or(b.len(), |o| start + 1 + o);
                    self.pos = end;
                    return Some(Token::Text(&s[start..end]));
                }
            }
        }
    }
}

fn name_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len()
        && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':' || b[i] == b'_')
    {
        i += 1;
    }
    i
}

/// Index just past the `>` closing a start tag, honouring quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        // Outside quotes: only `>` and the quote characters matter.
        let Some(o) = memchr::memchr3(b'>', b'"', b'\'', &b[i..]) else {
            return b.len();
        };
        let at = i + o;
        let c = b[at];
        if c == b'>' {
            return at + 1;
        }
        i = at + 1;
        // Only a quote right after `=` (possibly spaced) opens a value.
        let mut j = at;
        while j > from && b[j - 1].is_ascii_whitespace() {
            j -= 1;
        }
        if j > from && b[j - 1] == b'=' {
            match memchr::memchr(c, &b[i..]) {
                Some(o) => i += o + 1,
                None => return b.len(),
            }
        }
    }
}

/// The value of attribute `want` (case-insensitive name) in a start tag's attribute text,
/// entity-decoded. `Some("")` for a bare attribute.
pub fn attr<'a>(attrs: &'a str, want: &str) -> Option<Cow<'a, str>> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len()
            && !b[i].is_ascii_whitespace()
            && b[i] != b'='
            && b[i] != b'>'
            && b[i] != b'/'
        {
            i += 1;
        }
        if i == ns {
            if i < b.len() {
                i += 1;
            }
            continue;
        }
        let name = &attrs[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &b[vs..]).map_or(b.len(), |o| vs + o);
                value = &attrs[vs..ve];
                i = (ve + 1).min(b.len());
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if name.eq_ignore_ascii_case(want) {
            return Some(html_escape::decode_html_entities(value));
        }
    }
    None
}

/// Decode entities and collapse every run of whitespace (including no-break spaces) to one
/// space; drop soft hyphens and zero-width characters; trim.
pub fn clean_text(raw: &str) -> String {
    let decoded = html_escape::decode_html_entities(raw);
    let mut out = String::with_capacity(decoded.len());
    push_normalised(&mut out, &decoded);
    let t = out.trim_end().len();
    out.truncate(t);
    out
}

/// Append `text` to `out` with whitespace collapsed; never starts a paragraph with a space.
pub fn push_normalised(out: &mut String, text: &str) {
    // Runs of ordinary characters are copied as slices; only whitespace, controls and the
    // invisible characters dropped here are looked at one by one.
    let b = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        if (0x21..0x7f).contains(&byte) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        let dropped = matches!(
            c,
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
        );
        let space = !dropped && c.is_whitespace();
        if dropped || space || c.is_control() {
            out.push_str(&text[run..i]);
            run = i + len;
            if space && !out.is_empty() && !out.ends_with(' ') && !out.ends_with('\n') {
                out.push(' ');
            }
        }
        i += len;
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_of_a_small_page() {
        let t: Vec<Token> =
            Scanner::new("<!doctype html><p class=\"a>b\">x &amp; y</p><!-- c --><br/>").collect();
        assert_eq!(
            t,
            vec![
                Token::Open {
                    name: "p",
                    attrs: " class=\"a>b\""
                },
                Token::Text("x &amp; y"),
                Token::Close { name: "p" },
                Token::Open {
                    name: "br",
                    attrs: "/"
                },
            ]
        );
    }

    #[test]
    fn attributes_quoted_unquoted_and_bare() {
        let a = " property='og:title' content=\"Tom &amp; Jerry\" data-x=1 hidden";
        assert_eq!(attr(a, "PROPERTY").as_deref(), Some("og:title"));
        assert_eq!(attr(a, "content").as_deref(), Some("Tom & Jerry"));
        assert_eq!(attr(a, "data-x").as_deref(), Some("1"));
        assert_eq!(attr(a, "hidden").as_deref(), Some(""));
        assert_eq!(attr(a, "name"), None);
    }

    #[test]
    fn raw_text_until_close() {
        let mut s = Scanner::new("<title>A < B</title><p>x</p>");
        assert!(matches!(s.next(), Some(Token::Open { name: "title", .. })));
        assert_eq!(s.raw_until_close("title"), "A < B");
        assert!(matches!(s.next(), Some(Token::Open { name: "p", .. })));
    }

    #[test]
    fn whitespace_and_entities() {
        assert_eq!(
            clean_text("  a&nbsp;\n b\u{ad}c &#8217;d  "),
            "a bc \u{2019}d"
        );
    }

    #[test]
    fn normalising_keeps_text_and_collapses_space() {
        let mut out = String::new();
        push_normalised(
            &mut out,
            " \u{a0}caf\u{e9}\u{ad} \t\u{2003}na\u{200b}\u{7}ve\u{3000}x ",
        );
        assert_eq!(out, "caf\u{e9} nave x ");
        out.push('\n');
        push_normalised(&mut out, "  y");
        assert_eq!(out, "caf\u{e9} nave x \ny");
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in [
            "<",
            "</",
            "<a",
            "<a b='",
            "<!--",
            "<!",
            "<?",
            "</ >",
            "<<<>>>",
            "<a\u{e9}>",
            "é<é",
        ] {
            let _ = Scanner::new(s).count();
            let _ = attr(s, "b");
        }
    }
}
