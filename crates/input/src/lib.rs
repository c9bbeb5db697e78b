//! Reading articles as they arrive.
//!
//! [`Reader`] turns a list of inputs (paths, or `-` for standard input) into a stream of
//! [`Item`]s in input order: one [`RawArticle`] per article, or one [`InputError`] naming the
//! input and the problem. Nothing here panics on bad bytes; a bad input never stops the stream.

pub mod feed;
pub mod http;
pub mod warc;

use serde::Deserialize;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Largest single article (text or HTML file, or one JSON line) we accept, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    Text(String),
    Html(String),
}

/// One article's raw content and whatever metadata came with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawArticle {
    /// Where it came from: a path, `path:line` for JSON Lines, or `<stdin>`.
    pub input: String,
    /// A stable id: the given one, else a hash of the input bytes.
    pub id: String,
    pub body: Body,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Values given for every article that has none of its own (command-line flags): they apply
    /// only after the article's own metadata and whatever the page or text itself states.
    pub fallback: Defaults,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub input: String,
    pub message: String,
}

pub type Item = Result<RawArticle, InputError>;

/// What kind of content an input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    /// A WARC file (`.warc`, `.warc.gz`): its 200 HTML responses are articles.
    Warc,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml`): its entries are articles.
    Feed,
}

/// Defaults applied to every article that lacks them (command-line `--published` etc.).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Defaults {
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
}

/// A stable id from bytes: 16 hex digits of XXH3-64.
pub fn hash_id(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// Format from a file name, looking through a trailing `.gz`. `None` for unknown extensions.
pub fn format_from_name(name: &str) -> Option<(Format, bool)> {
    let lower = name.to_ascii_lowercase();
    let (stem, gz) = match lower.strip_suffix(".gz") {
        Some(s) => (s.to_string(), true),
        None => (lower, false),
    };
    let ext = Path::new(&stem).extension()?.to_str()?;
    let f = match ext {
        "txt" | "text" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "jsonl" | "ndjson" => Format::Jsonl,
        "warc" => Format::Warc,
        "rss" | "atom" | "xml" => Format::Feed,
        _ => return None,
    };
    Some((f, gz))
}

/// Guess the format of content with no name (standard input).
pub fn sniff(bytes: &[u8]) -> Format {
    let head: Vec<u8> = bytes
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == 0xEF || *b == 0xBB || *b == 0xBF)
        .take(1024)
        .collect();
    if head.first() == Some(&b'{') {
        return Format::Jsonl;
    }
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if feed::looks_like_feed(&head) {
        return Format::Feed;
    }
    let lower = String::from_utf8_lossy(&head).to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml")
        || (lower.starts_with('<')
            && [
                "<head", "<body", "<div", "<p>", "<p ", "<article", "<meta", "<title",
            ]
            .iter()
            .any(|t| lower.contains(t)))
    {
        return Format::Html;
    }
    Format::Text
}

/// Decode bytes to text: UTF-8 (BOM stripped) when valid, else the charset declared in HTML
/// `<meta>`, else what `chardetng` detects. Rejects binary content.
pub fn decode(bytes: &[u8], html: bool) -> Result<String, String> {
    if looks_binary(bytes) {
        return Err("binary data, not text (control bytes or NUL in the content)".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let declared = if html { declared_charset(bytes) } else { None };
    let encoding = declared.unwrap_or_else(|| {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let label: String = lower[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    // A page that declares UTF-8 but is not valid UTF-8 is usually windows-1252.
    (enc != encoding_rs::UTF_8).then_some(enc)
}

/// Binary content: a NUL byte, or more than 5% C0 control bytes other than whitespace, in the
/// first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    !head.is_empty() && controls * 20 > head.len()
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// Parse one JSON line into an article.
pub fn parse_json_line(line: &str, input: &str, defaults: &Defaults) -> Item {
    let err = |message: String| InputError {
        input: input.to_string(),
        message,
    };
    let j: JsonArticle =
        serde_json::from_str(line).map_err(|e| err(format!("malformed JSON line: {e}")))?;
    let body = match (j.text, j.html) {
        (_, Some(h)) if !h.trim().is_empty() => Body::Html(h),
        (Some(t), _) => Body::Text(t),
        (None, Some(h)) => Body::Html(h),
        (None, None) => return Err(err("JSON line has neither \"text\" nor \"html\"".into())),
    };
    let id = match j.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::Null) | None => hash_id(line.as_bytes()),
        Some(other) => {
            return Err(err(format!(
                "\"id\" must be a string or number, got {other}"
            )));
        }
    };
    Ok(RawArticle {
        input: input.to_string(),
        id,
        body,
        published: j.published,
        source: j.source,
        url: j.url,
        title: j.title,
        fallback: defaults.clone(),
    })
}

fn article(input: &str, bytes: &[u8], format: Format, defaults: &Defaults) -> Item {
    let text = decode(bytes, format == Format::Html).map_err(|message| InputError {
        input: input.to_string(),
        message,
    })?;
    let body = match format {
        Format::Html => Body::Html(text),
        _ => Body::Text(text),
    };
    Ok(RawArticle {
        input: input.to_string(),
        id: defaults.id.clone().unwrap_or_else(|| hash_id(bytes)),
        body,
        published: None,
        source: None,
        url: None,
        title: None,
        fallback: defaults.clone(),
    })
}

/// An iterator of items over a list of inputs, reading lazily so that memory stays flat
/// however long a JSON Lines stream is.
pub struct Reader {
    inputs: std::vec::IntoIter<String>,
    current: Option<Current>,
    defaults: Defaults,
    max_bytes: u64,
    http: Option<Web>,
    /// What was read besides articles: feeds fetched, WARC records skipped.
    pub log: SourceLog,
}

/// The input being read item by item.
enum Current {
    Lines(Lines),
    Warc(Box<warc::WarcReader<Box<dyn Read + Send>>>),
    Feed(FeedItems),
}

struct FeedItems {
    entries: std::vec::IntoIter<feed::Entry>,
    title: Option<String>,
    /// Index into `SourceLog::feeds` when the feed came over HTTP.
    fetched: Option<usize>,
}

/// Reading URLs: the client, the validators known from earlier fetches, and whether each
/// feed entry's page is fetched.
struct Web {
    client: http::Client,
    known: HashMap<String, http::Validators>,
    fetch_articles: bool,
}

/// What happened to one feed URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedFetch {
    pub url: String,
    /// `None`: 304, nothing new. Else the validators of the new version.
    pub validators: Option<http::Validators>,
    /// Entries in the feed (0 when not modified).
    pub entries: u64,
    /// Entry pages that could not be fetched (`fetch_articles`): the feed should be read in
    /// full again next time.
    pub page_errors: u64,
}

/// Counts of what the reader read besides the articles it yielded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceLog {
    pub feeds: Vec<FeedFetch>,
    pub warc: warc::WarcStats,
}

struct Lines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line_no: usize,
    buf: Vec<u8>,
}

impl Reader {
    pub fn new(inputs: Vec<String>, defaults: Defaults, max_bytes: u64) -> Reader {
        let inputs = if inputs.is_empty() {
            vec!["-".to_string()]
        } else {
            inputs
        };
        Reader {
            inputs: inputs.into_iter(),
            current: None,
            defaults,
            max_bytes,
            http: None,
            log: SourceLog::default(),
        }
    }

    /// Read `http://` and `https://` inputs as feeds with this client. `known` holds the
    /// validators of earlier fetches by URL (conditional GET); with `fetch_articles` each
    /// entry's linked page is fetched and read instead of the entry's own text.
    pub fn with_http(
        mut self,
        client: http::Client,
        known: HashMap<String, http::Validators>,
        fetch_articles: bool,
    ) -> Reader {
        self.http = Some(Web {
            client,
            known,
            fetch_articles,
        });
        self
    }

    /// Fetch a feed URL: its entries become the current input.
    fn open_url(&mut self, url: String) -> Option<Item> {
        let Some(web) = &self.http else {
            return Self::err(&url, "reading URLs is not enabled here");
        };
        let fetched = match web.client.get(&url, web.known.get(&url)) {
            Ok(f) => f,
            Err(m) => return Self::err(&url, m),
        };
        let (bytes, content_type, validators) = match fetched {
            http::Fetched::NotModified => {
                self.log.feeds.push(FeedFetch {
                    url,
                    validators: None,
                    entries: 0,
                    page_errors: 0,
                });
                return None;
            }
            http::Fetched::Body {
                bytes,
                content_type,
                validators,
                ..
            } => (bytes, content_type, validators),
        };
        let parsed = feed::parse(&bytes, &url).map_err(|m| match &content_type {
            Some(ct) => format!("{m}; the server sent {ct}"),
            None => m,
        });
        let parsed = match parsed {
            Ok(f) => f,
            Err(m) => return Self::err(&url, m),
        };
        self.log.feeds.push(FeedFetch {
            url,
            validators: Some(validators),
            entries: parsed.entries.len() as u64,
            page_errors: 0,
        });
        self.current = Some(Current::Feed(FeedItems {
            entries: parsed.entries.into_iter(),
            title: parsed.title,
            fetched: Some(self.log.feeds.len() - 1),
        }));
        None
    }

    fn next_entry(&mut self) -> Option<Item> {
        let Some(Current::Feed(items)) = &mut self.current else {
            return None;
        };
        let Some(entry) = items.entries.next() else {
            self.current = None;
            return None;
        };
        let title = items.title.clone();
        let fetched = items.fetched;
        let web = self.http.as_ref().filter(|w| w.fetch_articles);
        let (Some(web), Some(link)) = (web, entry.link.as_deref()) else {
            return Some(entry.article(&self.defaults, title.as_deref()));
        };
        let page = match web.client.get(link, None) {
            Ok(http::Fetched::Body {
                bytes,
                content_type,
                ..
            }) => warc::decode_with_charset(&bytes, content_type.as_deref()),
            Ok(http::Fetched::NotModified) => Err("HTTP 304 to an unconditional request".into()),
            Err(m) => Err(m),
        };
        match page {
            Ok(html) => Some(Ok(entry.page(html, &self.defaults, title.as_deref()))),
            Err(m) => {
                if let Some(i) = fetched {
                    self.log.feeds[i].page_errors += 1;
                }
                Self::err(&format!("{} ({link})", entry.input), m)
            }
        }
    }

    fn err(input: &str, message: impl Into<String>) -> Option<Item> {
        Some(Err(InputError {
            input: input.to_string(),
            message: message.into(),
        }))
    }

    /// Open one input. JSON Lines inputs become the current line stream (and yield nothing
    /// here); a single-article input yields its item.
    fn open(&mut self, name: String) -> Option<Item> {
        let lower = name.get(..8).unwrap_or(&name).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return self.open_url(name);
        }
        let stdin = name == "-";
        let label = if stdin {
            "<stdin>".to_string()
        } else {
            name.clone()
        };
        let (format, gz) = if stdin {
            (None, false)
        } else {
            match format_from_name(&name) {
                Some((f, gz)) => (Some(f), gz),
                None => {
                    if !Path::new(&name).exists() {
                        return Self::err(&label, "no such file");
                    }
                    return Self::err(
                        &label,
                        "unknown file type: expected .txt, .html, .htm, .jsonl (optionally .gz), \
                         .warc, .warc.gz, .rss, .atom or .xml",
                    );
                }
            }
        };
        let raw: Box<dyn Read + Send> = if stdin {
            Box::new(io::stdin())
        } else {
            match File::open(&name) {
                Ok(f) => {
                    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                        return Self::err(&label, "is a directory");
                    }
                    Box::new(f)
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Self::err(&label, "no such file");
                }
                Err(e) => return Self::err(&label, format!("cannot open: {e}")),
            }
        };
        if format == Some(Format::Warc) {
            // The WARC reader undoes gzip itself, member by member.
            return self.open_warc(label, raw);
        }
        let raw: Box<dyn Read + Send> = if gz {
            Box::new(flate2::read::MultiGzDecoder::new(raw))
        } else {
            raw
        };
        let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, raw));
        let format = match format {
            Some(f) => f,
            None => {
                let head = match reader.fill_buf() {
                    Ok(h) => h,
                    Err(e) => return Self::err(&label, format!("cannot read: {e}")),
                };
                if head.is_empty() {
                    return Self::err(&label, "empty input");
                }
                sniff(head)
            }
        };
        if format == Format::Jsonl {
            self.current = Some(Current::Lines(Lines {
                name: label,
                reader,
                line_no: 0,
                buf: Vec::new(),
            }));
            return None;
        }
        if format == Format::Warc {
            return self.open_warc(label, Box::new(reader));
        }
        let mut bytes = Vec::new();
        match reader.take(self.max_bytes + 1).read_to_end(&mut bytes) {
            Ok(_) => {}
            Err(e) => return Self::err(&label, read_error(&e, gz)),
        }
        if bytes.len() as u64 > self.max_bytes {
            return Self::err(
                &label,
                format!(
                    "larger than the {} MB limit for one article",
                    self.max_bytes / (1024 * 1024)
                ),
            );
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Self::err(&label, "empty input: no text in the file");
        }
        if format == Format::Feed {
            return match feed::parse(&bytes, &label) {
                Ok(f) => {
                    self.current = Some(Current::Feed(FeedItems {
                        entries: f.entries.into_iter(),
                        title: f.title,
                        fetched: None,
                    }));
                    None
                }
                Err(m) => Self::err(&label, m),
            };
        }
        Some(article(&label, &bytes, format, &self.defaults))
    }

    fn open_warc(&mut self, label: String, raw: Box<dyn Read + Send>) -> Option<Item> {
        match warc::WarcReader::new(label.clone(), raw, self.defaults.clone(), self.max_bytes) {
            Ok(w) => {
                self.current = Some(Current::Warc(Box::new(w)));
                None
            }
            Err(e) => Self::err(&label, format!("cannot read: {e}")),
        }
    }

    fn next_record(&mut self) -> Option<Item> {
        let Some(Current::Warc(w)) = &mut self.current else {
            return None;
        };
        let item = w.next();
        if item.is_none() {
            let s = w.stats;
            self.log.warc.records += s.records;
            self.log.warc.articles += s.articles;
            self.log.warc.skipped += s.skipped;
            self.log.warc.errors += s.errors;
            self.current = None;
        }
        item
    }

    fn next_line(&mut self) -> Option<Item> {
        let max = self.max_bytes;
        let Some(Current::Lines(cur)) = self.current.as_mut() else {
            return None;
        };
        loop {
            cur.buf.clear();
            cur.line_no += 1;
            let input = format!("{}:{}", cur.name, cur.line_no);
            let n = match (&mut cur.reader)
                .take(max + 1)
                .read_until(b'\n', &mut cur.buf)
            {
                Ok(n) => n,
                Err(e) => {
                    let msg = read_error(&e, true);
                    self.current = None;
                    return Self::err(&input, msg);
                }
            };
            if n == 0 {
                self.current = None;
                return None;
            }
            if cur.buf.len() as u64 > max && !cur.buf.ends_with(b"\n") {
                // Skip the rest of this overlong line.
                let mut sink = Vec::new();
                let _ = cur.reader.read_until(b'\n', &mut sink);
                return Self::err(&input, "line longer than the one-article limit");
            }
            let line = match std::str::from_utf8(&cur.buf) {
                Ok(s) => s.trim(),
                Err(_) => return Self::err(&input, "invalid UTF-8 in JSON line"),
            };
            if line.is_empty() {
                continue;
            }
            return Some(parse_json_line(line, &input, &self.defaults));
        }
    }
}

fn read_error(e: &io::Error, gz: bool) -> String {
    if gz && (e.kind() == io::ErrorKind::UnexpectedEof || e.kind() == io::ErrorKind::InvalidInput) {
        format!("truncated or corrupt gzip data: {e}")
    } else if gz && e.kind() == io::ErrorKind::InvalidData {
        format!("corrupt gzip data: {e}")
    } else {
        format!("cannot read: {e}")
    }
}

impl RawArticle {
    /// Bytes of article content (text or HTML).
    pub fn content_len(&self) -> usize {
        match &self.body {
            Body::Text(t) | Body::Html(t) => t.len(),
        }
    }
}

/// The next chunk of items: `max_items` articles or `max_bytes` of content, whichever comes
/// first (empty at the end of input). Reading in such chunks bounds memory however long the
/// stream is; `extract` and `ingest` both use it.
pub fn next_chunk(
    items: &mut impl Iterator<Item = Item>,
    max_items: usize,
    max_bytes: usize,
) -> Vec<Item> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    for item in items.by_ref() {
        if let Ok(raw) = &item {
            bytes += raw.content_len();
        }
        chunk.push(item);
        if chunk.len() >= max_items || bytes >= max_bytes {
            break;
        }
    }
    chunk
}

impl Iterator for Reader {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(cur) = &self.current {
                let item = match cur {
                    Current::Lines(_) => self.next_line(),
                    Current::Warc(_) => self.next_record(),
                    Current::Feed(_) => self.next_entry(),
                };
                if let Some(item) = item {
                    return Some(item);
                }
                continue;
            }
            let name = self.inputs.next()?;
            if let Some(item) = self.open(name) {
                return Some(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(paths: &[&Path]) -> Vec<Item> {
        Reader::new(
            paths.iter().map(|p| p.display().to_string()).collect(),
            Defaults::default(),
            DEFAULT_MAX_BYTES,
        )
        .collect()
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(format_from_name("a.TXT"), Some((Format::Text, false)));
        assert_eq!(format_from_name("a.html.gz"), Some((Format::Html, true)));
        assert_eq!(format_from_name("x/y.jsonl"), Some((Format::Jsonl, false)));
        assert_eq!(format_from_name("a.pdf"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<div><p>Hi</p></div>"), Format::Html);
        assert_eq!(sniff(b"Plain words."), Format::Text);
    }

    #[test]
    fn decodes_latin1_and_rejects_binary() {
        let s = decode(b"caf\xe9 cr\xe8me", false).unwrap();
        assert_eq!(s, "café crème");
        assert!(decode(b"\x00\x01\x02abc", false).is_err());
        assert_eq!(decode(b"\xEF\xBB\xBFhi", false).unwrap(), "hi");
    }

    #[test]
    fn bad_inputs_give_errors_and_the_batch_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "A sentence.").unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let unknown = dir.path().join("a.pdf");
        std::fs::write(&unknown, "x").unwrap();
        let missing = dir.path().join("missing.txt");
        let trunc = dir.path().join("t.html.gz");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&b"<html><body><p>Hello there world.</p></body></html>".repeat(50))
            .unwrap();
        let bytes = gz.finish().unwrap();
        std::fs::write(&trunc, &bytes[..bytes.len() / 2]).unwrap();
        let jsonl = dir.path().join("a.jsonl");
        std::fs::write(
            &jsonl,
            "{\"id\":\"a\",\"text\":\"One.\"}\n{broken\n\n{\"id\":7,\"html\":\"<p>x</p>\"}\n",
        )
        .unwrap();
        let items = read(&[&good, &empty, &unknown, &missing, &trunc, &jsonl]);
        assert_eq!(items.len(), 8);
        assert!(items[0].is_ok());
        assert!(items[1].as_ref().unwrap_err().message.contains("empty"));
        assert!(
            items[2]
                .as_ref()
                .unwrap_err()
                .message
                .contains("unknown file type")
        );
        assert!(
            items[3]
                .as_ref()
                .unwrap_err()
                .message
                .contains("no such file")
        );
        assert!(items[4].as_ref().unwrap_err().message.contains("gzip"));
        assert_eq!(items[5].as_ref().unwrap().id, "a");
        let e = items[6].as_ref().unwrap_err();
        assert!(e.input.ends_with("a.jsonl:2") && e.message.contains("malformed JSON"));
        // line 3 is blank and skipped; line 4 is read
        let all: Vec<_> = read(&[&jsonl]);
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].as_ref().unwrap().id, "7");
        assert!(matches!(all[2].as_ref().unwrap().body, Body::Html(_)));
    }

    #[test]
    fn oversized_article_is_refused_without_reading_it_all() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 2048]).unwrap();
        let items: Vec<_> =
            Reader::new(vec![big.display().to_string()], Defaults::default(), 1024).collect();
        assert!(items[0].as_ref().unwrap_err().message.contains("limit"));
    }
}
