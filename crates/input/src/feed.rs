//! RSS and Atom feeds (read with `feed-rs`): each entry becomes one article.
//!
//! An entry's article is its content when the feed carries it (`content:encoded`, Atom
//! `<content>`), else its summary (RSS `<description>`, Atom `<summary>`): HTML as HTML, plain
//! text as text. Its link is the article URL, its published (else updated) date the article's
//! date, its title the article title; the feed's title is the outlet when none is given. With
//! `fetch_articles` the page behind each entry's link is read instead (see [`crate::http`]).

use crate::{Body, Defaults, InputError, Item, RawArticle, hash_id};

/// One feed entry, before it becomes an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// `FEED#N`: the feed's name and the entry's 1-based position in it.
    pub input: String,
    pub id: String,
    pub title: Option<String>,
    pub link: Option<String>,
    pub published: Option<String>,
    /// Content or summary, and whether it is HTML.
    pub body: Option<(String, bool)>,
}

/// A parsed feed: its title and entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub title: Option<String>,
    pub entries: Vec<Entry>,
}

/// Whether the start of a file looks like an RSS, RDF or Atom feed (not an HTML page).
pub fn looks_like_feed(head: &[u8]) -> bool {
    let head = &head[..head.len().min(4096)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    // The first element that is no processing instruction, comment or doctype.
    let mut rest = lower.as_str();
    loop {
        let Some(i) = rest.find('<') else {
            return false;
        };
        rest = &rest[i..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            match rest.find('>') {
                Some(j) => rest = &rest[j + 1..],
                None => return false,
            }
            continue;
        }
        return rest.starts_with("<rss")
            || rest.starts_with("<feed")
            || rest.starts_with("<rdf:rdf")
            || rest.starts_with("<atom:feed");
    }
}

fn is_html_type(mime: &str) -> bool {
    let m = mime.to_ascii_lowercase();
    m.starts_with("text/html") || m.starts_with("application/xhtml")
}

/// Parse feed bytes. `name` names the feed in entry inputs and errors.
pub fn parse(bytes: &[u8], name: &str) -> Result<Feed, String> {
    let head = &bytes[..bytes.len().min(4096)];
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &head[i..])
        .unwrap_or(&[]);
    if trimmed.is_empty() {
        return Err("empty feed".into());
    }
    if !looks_like_feed(head) && !trimmed.starts_with(b"{") {
        return Err("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)".into());
    }
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable feed: {e}"))?;
    let entries = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|h| !h.is_empty());
            let content = e.content.as_ref().and_then(|c| {
                let body = c.body.as_ref()?.trim();
                (!body.is_empty()).then(|| {
                    let t = c.content_type.to_string();
                    // Atom content of type "text" is plain; everything else feeds carry is HTML.
                    (body.to_string(), !t.starts_with("text/plain"))
                })
            });
            let summary = e.summary.as_ref().and_then(|s| {
                let body = s.content.trim();
                (!body.is_empty())
                    .then(|| (body.to_string(), is_html_type(s.content_type.as_ref())))
            });
            let title = e.title.as_ref().map(|t| {
                if is_html_type(t.content_type.as_ref()) {
                    strip_tags(&t.content)
                } else {
                    t.content.trim().to_string()
                }
            });
            Entry {
                input: format!("{name}#{}", i + 1),
                id: hash_id(format!("{}\n{}", e.id, link.as_deref().unwrap_or("")).as_bytes()),
                title: title.filter(|t| !t.is_empty()),
                link,
                published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
                body: content.or(summary),
            }
        })
        .collect();
    Ok(Feed {
        title: feed
            .title
            .map(|t| strip_tags(&t.content))
            .filter(|t| !t.is_empty()),
        entries,
    })
}

/// Text of a small HTML fragment (a title): tags dropped, the common entities decoded.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim()
        .to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Entry {
    /// The entry's own text (content, else summary) as an article. `feed_title` is the outlet
    /// when the command line gave none.
    pub fn article(&self, defaults: &Defaults, feed_title: Option<&str>) -> Item {
        let Some((body, html)) = &self.body else {
            return Err(InputError {
                input: self.input.clone(),
                message: "feed entry has no content or summary (--fetch-articles reads the \
                          page it links to)"
                    .into(),
            });
        };
        let body = if *html {
            // A fragment: give it a page around it so that the title is the title.
            let title = self.title.as_deref().map(escape).unwrap_or_default();
            Body::Html(format!(
                "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>\
                 <h1>{title}</h1>\n{body}\n</article></body></html>"
            ))
        } else {
            Body::Text(body.clone())
        };
        Ok(self.raw(body, defaults, feed_title))
    }

    /// A page fetched from the entry's link, as an article with the entry's metadata.
    pub fn page(&self, html: String, defaults: &Defaults, feed_title: Option<&str>) -> RawArticle {
        self.raw(Body::Html(html), defaults, feed_title)
    }

    fn raw(&self, body: Body, defaults: &Defaults, feed_title: Option<&str>) -> RawArticle {
        let mut fallback = defaults.clone();
        if fallback.source.is_none() {
            fallback.source = feed_title.map(str::to_string);
        }
        RawArticle {
            input: self.input.clone(),
            id: self.id.clone(),
            body,
            published: self.published.clone(),
            source: None,
            url: self.link.clone(),
            title: self.title.clone(),
            fallback,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_feeds() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(!looks_like_feed(b"<?xml version=\"1.0\"?><urlset>"));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
    }

    #[test]
    fn entries_take_content_else_summary() {
        let rss = br#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Gazette</title>
<item><title>Dockers walk out</title><link>https://gazette.example/dockers</link>
<guid>g1</guid><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>
<description>Short &lt;b&gt;teaser&lt;/b&gt;.</description>
<content:encoded><![CDATA[<p>Dockers in Port Ferro walked out on Monday.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://gazette.example/second</link>
<description>Only a summary here.</description></item>
<item><title>Empty</title><link>https://gazette.example/empty</link></item>
</channel></rss>"#;
        let f = parse(rss, "g.rss").unwrap();
        assert_eq!(f.title.as_deref(), Some("Harbour Gazette"));
        assert_eq!(f.entries.len(), 3);
        let e = &f.entries[0];
        assert_eq!(e.input, "g.rss#1");
        assert_eq!(e.link.as_deref(), Some("https://gazette.example/dockers"));
        assert!(
            e.published
                .as_deref()
                .unwrap()
                .starts_with("2024-03-05T09:00:00")
        );
        assert!(e.body.as_ref().unwrap().0.contains("Port Ferro"));
        assert_eq!(
            f.entries[1].body.as_ref().unwrap().0,
            "Only a summary here."
        );
        let d = Defaults::default();
        let a = f.entries[0].article(&d, f.title.as_deref()).unwrap();
        assert_eq!(a.fallback.source.as_deref(), Some("Harbour Gazette"));
        assert!(matches!(a.body, Body::Html(ref h) if h.contains("<h1>Dockers walk out</h1>")));
        let err = f.entries[2].article(&d, None).unwrap_err();
        assert!(err.message.contains("no content or summary"));
    }

    #[test]
    fn atom_text_summary_is_text_and_html_pages_are_no_feed() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:v</id>
<updated>2024-04-02T10:00:00Z</updated>
<entry><title>Flood</title><id>urn:v:1</id><link href="https://valley.example/flood"/>
<updated>2024-04-02T10:00:00Z</updated><summary type="text">River rose overnight.</summary></entry>
</feed>"#;
        let f = parse(atom, "v.atom").unwrap();
        let e = &f.entries[0];
        assert_eq!(e.body, Some(("River rose overnight.".into(), false)));
        assert!(e.published.as_deref().unwrap().starts_with("2024-04-02"));
        let err = parse(b"<!DOCTYPE html><html><body>x</body></html>", "p").unwrap_err();
        assert!(err.contains("not an RSS or Atom feed"));
        assert!(parse(b"<rss><channel><item>", "t").is_err());
    }
}
