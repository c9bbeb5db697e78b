//! WARC files (`.warc`, `.warc.gz`): each HTTP `response` record holding an HTML page with
//! status 200 becomes one HTML article.
//!
//! The reader streams: it holds one record's block at a time (at most the one-article limit),
//! skips other records without buffering them, and reads gzip members one by one, so memory
//! stays flat over a multi-gigabyte crawl. Each record is named `FILE@OFFSET`: the byte offset
//! where the record starts in the file — for per-record gzip (as news crawls publish them) the
//! offset of its gzip member, as in CDX indexes; for a record that starts inside a gzip member
//! (whole-file gzip), `FILE@MEMBER+N`, N bytes into the member's decompressed data.
//!
//! A malformed or truncated record yields one error item and the reader goes on: after a broken
//! gzip member it looks for the next member's magic bytes; after a malformed record it looks for
//! the next line starting `WARC/`.

use crate::{Body, Defaults, InputError, Item, RawArticle, hash_id, looks_binary};
use flate2::bufread::GzDecoder;
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read};

/// Longest WARC or HTTP header line, and most header lines, accepted.
const MAX_LINE: usize = 64 * 1024;
const MAX_HEADERS: usize = 512;

/// A buffered reader that counts the bytes consumed and can look ahead a few bytes.
struct Src<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    /// Bytes consumed so far: the file offset of `buf[start]`.
    pos: u64,
    eof: bool,
}

impl<R: Read> Src<R> {
    fn new(inner: R) -> Self {
        Src {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            start: 0,
            end: 0,
            pos: 0,
            eof: false,
        }
    }

    /// At least `n` bytes buffered, or fewer at the end of the input.
    fn fill_at_least(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end - self.start < n && !self.eof {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(k) => self.end += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(&self.buf[self.start..self.end])
    }
}

impl<R: Read> Read for Src<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let k = avail.len().min(out.len());
        out[..k].copy_from_slice(&avail[..k]);
        self.consume(k);
        Ok(k)
    }
}

impl<R: Read> BufRead for Src<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
            self.fill_at_least(1)
        } else {
            Ok(&self.buf[self.start..self.end])
        }
    }
    fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.start);
        self.start += n;
        self.pos += n as u64;
    }
}

enum State<R> {
    Plain(Src<R>),
    Gz(Box<GzDecoder<Src<R>>>),
    /// A gzip member failed; the next read looks for the next member.
    Broken(Src<R>),
    Done,
}

/// The decompressed stream of a plain or gzip file, one gzip member at a time, remembering
/// where each member starts in the file and in the decompressed stream.
struct Members<R> {
    state: State<R>,
    /// Decompressed bytes produced so far.
    produced: u64,
    /// (decompressed offset, file offset) of recent member starts.
    starts: VecDeque<(u64, u64)>,
    gz: bool,
}

const GZ_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

impl<R: Read> Members<R> {
    fn new(inner: R) -> io::Result<Self> {
        let mut src = Src::new(inner);
        let gz = src.fill_at_least(2)?.starts_with(&GZ_MAGIC[..2]);
        let state = if gz {
            State::Gz(Box::new(GzDecoder::new(src)))
        } else {
            State::Plain(src)
        };
        Ok(Members {
            state,
            produced: 0,
            starts: VecDeque::from([(0, 0)]),
            gz,
        })
    }

    fn is_gz(&self) -> bool {
        self.gz
    }

    /// Start a new member at the current position of `src` if it begins with the gzip magic.
    fn begin_member(&mut self, src: Src<R>) {
        self.starts.push_back((self.produced, src.pos));
        self.state = State::Gz(Box::new(GzDecoder::new(src)));
    }

    /// After a broken member: skip to the next gzip magic and start a member there.
    /// Returns false at the end of the input.
    fn resync(&mut self) -> io::Result<bool> {
        let mut src = match std::mem::replace(&mut self.state, State::Done) {
            State::Broken(src) => src,
            other => {
                self.state = other;
                return Ok(true);
            }
        };
        // Never restart where the failed member started.
        if self.starts.back().is_some_and(|&(_, at)| at == src.pos) {
            src.consume(1);
        }
        loop {
            let buf = src.fill_at_least(GZ_MAGIC.len())?;
            if buf.len() < GZ_MAGIC.len() {
                let n = buf.len();
                src.consume(n);
                return Ok(false);
            }
            match buf.windows(3).position(|w| w == GZ_MAGIC) {
                Some(i) => {
                    src.consume(i);
                    self.begin_member(src);
                    return Ok(true);
                }
                None => {
                    let n = buf.len() - 2;
                    src.consume(n);
                }
            }
        }
    }

    /// Where a record starting at decompressed offset `at` lies in the file: the file offset of
    /// its member and how far into the member it starts.
    fn locate(&mut self, at: u64) -> (u64, u64) {
        while self.starts.len() > 1 && self.starts[1].0 <= at {
            self.starts.pop_front();
        }
        let (d, f) = self.starts[0];
        (f, at.saturating_sub(d))
    }
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            match &mut self.state {
                State::Done | State::Broken(_) => return Ok(0),
                State::Plain(src) => {
                    let n = src.read(out)?;
                    self.produced += n as u64;
                    return Ok(n);
                }
                State::Gz(dec) => match dec.read(out) {
                    Ok(0) if !out.is_empty() => {
                        let State::Gz(dec) = std::mem::replace(&mut self.state, State::Done) else {
                            unreachable!()
                        };
                        let mut src = dec.into_inner();
                        let head = src.fill_at_least(GZ_MAGIC.len())?;
                        if head.is_empty() {
                            return Ok(0);
                        }
                        if head.starts_with(&GZ_MAGIC) {
                            self.begin_member(src);
                        } else {
                            // Name what follows by where it starts in the file.
                            self.starts.push_back((self.produced, src.pos));
                            self.state = State::Broken(src);
                            return Err(io::Error::new(
                                io::ErrorKind::InvalidData,
                                "bytes after a gzip member that are not gzip",
                            ));
                        }
                    }
                    Ok(n) => {
                        self.produced += n as u64;
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        let State::Gz(dec) = std::mem::replace(&mut self.state, State::Done) else {
                            unreachable!()
                        };
                        self.state = State::Broken(dec.into_inner());
                        let msg = if e.kind() == io::ErrorKind::UnexpectedEof {
                            format!("truncated gzip member: {e}")
                        } else {
                            format!("corrupt gzip member: {e}")
                        };
                        return Err(io::Error::new(e.kind(), msg));
                    }
                },
            }
        }
    }
}

/// What the reader counted besides the articles it yielded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WarcStats {
    pub records: u64,
    pub articles: u64,
    /// Records that are not a 200 HTML response (requests, metadata, images, redirects...).
    pub skipped: u64,
    pub errors: u64,
}

/// A stream of items from one WARC file.
pub struct WarcReader<R> {
    name: String,
    r: BufReader<Members<R>>,
    /// Decompressed bytes consumed from `r`.
    pos: u64,
    defaults: Defaults,
    max_bytes: u64,
    done: bool,
    /// Where the current record starts (decompressed offset).
    start: u64,
    /// After an error: skip to the next `WARC/` line before the next record.
    lost: bool,
    /// A stream error met after the last record, to report before the next one.
    pending: Option<io::Error>,
    pub stats: WarcStats,
}

/// Why reading one record failed.
enum Fail {
    /// The record is broken; the message says how. The stream may go on.
    Record(String),
    /// Reading the underlying stream failed (gzip corruption, I/O).
    Stream(io::Error),
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Self {
        Fail::Stream(e)
    }
}

impl<R: Read> WarcReader<R> {
    pub fn new(name: String, inner: R, defaults: Defaults, max_bytes: u64) -> io::Result<Self> {
        Ok(WarcReader {
            name,
            r: BufReader::with_capacity(1 << 16, Members::new(inner)?),
            pos: 0,
            defaults,
            max_bytes,
            done: false,
            start: 0,
            lost: false,
            pending: None,
            stats: WarcStats::default(),
        })
    }

    fn label(&mut self, at: u64) -> String {
        let gz = self.r.get_ref().is_gz();
        let (file, into) = self.r.get_mut().locate(at);
        if !gz {
            format!("{}@{}", self.name, at)
        } else if into == 0 {
            format!("{}@{}", self.name, file)
        } else {
            format!("{}@{}+{}", self.name, file, into)
        }
    }

    fn consume(&mut self, n: usize) {
        self.r.consume(n);
        self.pos += n as u64;
    }

    /// One line, without its line ending. `None` at the end of input.
    fn line(&mut self, out: &mut Vec<u8>) -> Result<Option<()>, Fail> {
        out.clear();
        loop {
            let buf = self.r.fill_buf()?;
            if buf.is_empty() {
                return Ok(if out.is_empty() { None } else { Some(()) });
            }
            let (take, end) = match memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if out.len() + take > MAX_LINE {
                return Err(Fail::Record(format!(
                    "header line longer than {} KiB",
                    MAX_LINE / 1024
                )));
            }
            out.extend_from_slice(&buf[..take]);
            self.consume(take);
            if end {
                while matches!(out.last(), Some(b'\n' | b'\r')) {
                    out.pop();
                }
                return Ok(Some(()));
            }
        }
    }

    /// Skip `n` bytes of the stream; returns how many were there.
    fn skip(&mut self, n: u64) -> Result<u64, Fail> {
        let mut left = n;
        while left > 0 {
            let buf = self.r.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let k = (buf.len() as u64).min(left) as usize;
            self.consume(k);
            left -= k as u64;
        }
        Ok(n - left)
    }

    /// Skip to the next line beginning with `WARC/` and consume it; its offset, or `None` at
    /// the end of input.
    fn find_next_record(&mut self) -> Result<Option<u64>, Fail> {
        loop {
            let line_start = self.pos;
            let mut prefix = [0u8; 5];
            let mut seen = 0usize;
            loop {
                let buf = self.r.fill_buf()?;
                if buf.is_empty() {
                    return Ok(None);
                }
                let (take, end) = match memchr(b'\n', buf) {
                    Some(i) => (i + 1, true),
                    None => (buf.len(), false),
                };
                for &b in &buf[..take] {
                    if seen < prefix.len() {
                        prefix[seen] = b;
                        seen += 1;
                    }
                }
                self.consume(take);
                if end {
                    break;
                }
            }
            if &prefix[..seen] == b"WARC/" {
                return Ok(Some(line_start));
            }
        }
    }

    /// Read records until one yields an item.
    fn next_item(&mut self) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            if let Some(e) = self.pending.take() {
                self.stats.records += 1;
                self.stats.errors += 1;
                let input = self.label(self.pos);
                self.recover_stream();
                return Some(Err(InputError {
                    input,
                    message: e.to_string(),
                }));
            }
            let mut at = self.pos;
            let mut version_read = false;
            if self.lost {
                self.lost = false;
                match self.find_next_record() {
                    Ok(Some(start)) => {
                        at = start;
                        version_read = true;
                    }
                    Ok(None) => {
                        self.done = true;
                        return None;
                    }
                    Err(Fail::Stream(_)) => {
                        if !self.recover_stream() {
                            return None;
                        }
                        continue;
                    }
                    Err(Fail::Record(_)) => unreachable!(),
                }
            }
            self.start = at;
            match self.record(version_read) {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(None)) => {
                    self.stats.records += 1;
                    self.stats.skipped += 1;
                }
                Ok(Some(Some(item))) => {
                    self.stats.records += 1;
                    match &item {
                        Ok(_) => self.stats.articles += 1,
                        Err(_) => self.stats.errors += 1,
                    }
                    return Some(item);
                }
                Err(fail) => {
                    self.stats.records += 1;
                    self.stats.errors += 1;
                    let input = self.label(self.start);
                    let message = match fail {
                        Fail::Record(m) => {
                            self.lost = true;
                            format!("malformed WARC record: {m}")
                        }
                        Fail::Stream(e) => {
                            let m = e.to_string();
                            self.recover_stream();
                            if self.r.get_ref().is_gz() {
                                m
                            } else {
                                format!("cannot read: {m}")
                            }
                        }
                    };
                    return Some(Err(InputError { input, message }));
                }
            }
        }
    }

    /// After a stream error: drop what is buffered and, in a gzip file, go on at the next
    /// member. False (and done) when nothing can follow.
    fn recover_stream(&mut self) -> bool {
        let n = self.r.buffer().len();
        self.r.consume(n);
        let members = self.r.get_mut();
        let go_on = members.is_gz() && members.resync().unwrap_or(false);
        self.pos = self.r.get_ref().produced;
        if !go_on {
            self.done = true;
        }
        go_on
    }

    /// One record: `None` at the end of input, `Some(None)` for a record that is no article.
    fn record(&mut self, version_read: bool) -> Result<Option<Option<Item>>, Fail> {
        let mut line = Vec::new();
        // Blank lines between records.
        if !version_read {
            loop {
                let start = self.pos;
                self.start = start;
                if self.line(&mut line)?.is_none() {
                    return Ok(None);
                }
                if line.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                if !line.starts_with(b"WARC/") {
                    return Err(Fail::Record(format!(
                        "expected a WARC/1.x version line, found {:?}",
                        String::from_utf8_lossy(&line[..line.len().min(40)])
                    )));
                }
                break;
            }
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            if self.line(&mut line)?.is_none() {
                return Err(Fail::Record("truncated in its header".into()));
            }
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS {
                return Err(Fail::Record("too many header lines".into()));
            }
            let text = String::from_utf8_lossy(&line);
            match text.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_ascii_lowercase(), v.trim().into())),
                None if line[0] == b' ' || line[0] == b'\t' => {
                    if let Some(last) = headers.last_mut() {
                        last.1.push(' ');
                        last.1.push_str(text.trim());
                    }
                }
                None => {
                    return Err(Fail::Record(format!(
                        "header line without a colon: {:?}",
                        &text[..text.len().min(60)]
                    )));
                }
            }
        }
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let length: u64 = match get("content-length") {
            None => return Err(Fail::Record("no Content-Length".into())),
            Some(v) => v
                .parse()
                .map_err(|_| Fail::Record(format!("unreadable Content-Length {v:?}")))?,
        };
        let kind = get("warc-type").unwrap_or("").to_ascii_lowercase();
        let record_type = get("content-type").unwrap_or("").to_ascii_lowercase();
        let uri = get("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .unwrap_or_default();
        let date = get("warc-date").map(str::to_string);
        let wanted = kind == "response"
            && (record_type.is_empty() || record_type.starts_with("application/http"))
            && (uri.starts_with("http://") || uri.starts_with("https://"));
        if !wanted {
            let got = self.skip(length)?;
            if got < length {
                return Err(Fail::Record(format!(
                    "truncated: Content-Length {length} but only {got} bytes follow"
                )));
            }
            return Ok(Some(None));
        }
        if length > self.max_bytes {
            let got = self.skip(length)?;
            if got < length {
                return Err(Fail::Record(format!(
                    "truncated: Content-Length {length} but only {got} bytes follow"
                )));
            }
            return Ok(Some(Some(Err(InputError {
                input: self.label(self.start),
                message: format!(
                    "record larger than the {} MB limit for one article",
                    self.max_bytes / (1024 * 1024)
                ),
            }))));
        }
        let mut block = Vec::with_capacity(length as usize);
        let got = (&mut self.r).take(length).read_to_end(&mut block)?;
        self.pos += got as u64;
        if (got as u64) < length {
            return Err(Fail::Record(format!(
                "truncated: Content-Length {length} but only {got} bytes follow"
            )));
        }
        self.end_of_record()?;
        Ok(Some(self.response(&block, uri, date, self.start)))
    }

    /// Consume the blank line that ends a record and read on: with gzip per record this
    /// reaches the end of the record's member, so that a checksum error in it is reported for
    /// this record rather than the next.
    fn end_of_record(&mut self) -> Result<(), Fail> {
        for &want in b"\r\n\r\n" {
            match self.r.fill_buf()?.first() {
                Some(&b) if b == want => self.consume(1),
                _ => break,
            }
        }
        if let Err(e) = self.r.fill_buf().map(|_| ()) {
            let m = self.r.get_ref();
            if m.starts.back().is_some_and(|&(d, _)| d > self.start) {
                // The failure is in what follows this record's member: report it next.
                self.pending = Some(e);
            } else {
                return Err(Fail::Stream(e));
            }
        }
        Ok(())
    }

    /// The article in an HTTP response block, if it is a 200 HTML page.
    fn response(
        &mut self,
        block: &[u8],
        uri: String,
        date: Option<String>,
        record_at: u64,
    ) -> Option<Item> {
        let err = |me: &mut Self, message: String| {
            Some(Err(InputError {
                input: me.label(record_at),
                message,
            }))
        };
        let resp = match parse_http(block) {
            Ok(r) => r,
            Err(m) => return err(self, format!("{uri}: {m}")),
        };
        if resp.status != 200 {
            return None;
        }
        let body = match http_body(&resp, self.max_bytes) {
            Ok(b) => b,
            Err(m) => return err(self, format!("{uri}: {m}")),
        };
        let html = match resp.header("content-type") {
            Some(ct) => {
                let mime = ct
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                mime == "text/html" || mime == "application/xhtml+xml"
            }
            None => crate::sniff(&body) == crate::Format::Html,
        };
        if !html {
            return None;
        }
        let text = match decode_with_charset(&body, resp.header("content-type")) {
            Ok(t) => t,
            Err(m) => return err(self, format!("{uri}: {m}")),
        };
        if text.trim().is_empty() {
            return err(self, format!("{uri}: empty page"));
        }
        let mut fallback = self.defaults.clone();
        if let Some(d) = date {
            fallback.published = Some(d);
        }
        Some(Ok(RawArticle {
            input: self.label(record_at),
            id: hash_id(&body),
            body: Body::Html(text),
            published: None,
            source: None,
            url: Some(uri),
            title: None,
            fallback,
        }))
    }
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == b)
}

/// A parsed HTTP response: status, headers and the raw body after the header.
pub struct HttpResponse<'a> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
}

impl HttpResponse<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parse an HTTP/1.x response message (status line, headers, body).
pub fn parse_http(block: &[u8]) -> Result<HttpResponse<'_>, String> {
    let mut rest = block;
    let mut lines = Vec::new();
    loop {
        let Some(i) = memchr(b'\n', rest) else {
            return Err("HTTP header not terminated".into());
        };
        let line = rest[..i].strip_suffix(b"\r").unwrap_or(&rest[..i]);
        rest = &rest[i + 1..];
        if line.is_empty() {
            break;
        }
        if lines.len() > MAX_HEADERS {
            return Err("too many HTTP header lines".into());
        }
        lines.push(line);
    }
    let Some((status_line, header_lines)) = lines.split_first() else {
        return Err("empty HTTP response".into());
    };
    let status_line = String::from_utf8_lossy(status_line);
    let mut parts = status_line.split_whitespace();
    if !parts.next().is_some_and(|v| v.starts_with("HTTP/")) {
        return Err(format!(
            "not an HTTP response: {:?}",
            &status_line[..status_line.len().min(40)]
        ));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("unreadable HTTP status line {status_line:?}"))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for l in header_lines {
        let text = String::from_utf8_lossy(l);
        if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        } else if matches!(l.first(), Some(b' ' | b'\t'))
            && let Some(last) = headers.last_mut()
        {
            last.1.push(' ');
            last.1.push_str(text.trim());
        }
    }
    Ok(HttpResponse {
        status,
        headers,
        body: rest,
    })
}

/// The body of a response with transfer chunking and content encoding undone.
pub fn http_body(resp: &HttpResponse<'_>, max_bytes: u64) -> Result<Vec<u8>, String> {
    let chunked = resp
        .header("transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let raw = if chunked {
        dechunk(resp.body)?
    } else {
        resp.body.to_vec()
    };
    let encoding = resp
        .header("content-encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let limit = |r: &mut dyn Read| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        r.take(max_bytes + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("corrupt {encoding} body: {e}"))?;
        if out.len() as u64 > max_bytes {
            return Err(format!(
                "decompressed body larger than the {} MB limit for one article",
                max_bytes / (1024 * 1024)
            ));
        }
        Ok(out)
    };
    match encoding.as_str() {
        "" | "identity" | "none" => Ok(raw),
        "gzip" | "x-gzip" => limit(&mut flate2::read::MultiGzDecoder::new(&raw[..])),
        "deflate" => {
            // "deflate" is zlib by the standard, raw deflate in practice as often.
            limit(&mut flate2::read::ZlibDecoder::new(&raw[..]))
                .or_else(|_| limit(&mut flate2::read::DeflateDecoder::new(&raw[..])))
        }
        other => Err(format!("unsupported Content-Encoding {other:?}")),
    }
}

/// Undo `Transfer-Encoding: chunked`.
fn dechunk(mut b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let Some(i) = memchr(b'\n', b) else {
            return Err("truncated chunked body (no chunk size line)".into());
        };
        let size_line = String::from_utf8_lossy(&b[..i]);
        let hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(hex, 16)
            .map_err(|_| format!("bad chunk size {hex:?} in chunked body"))?;
        b = &b[i + 1..];
        if size == 0 {
            return Ok(out);
        }
        if b.len() < size {
            return Err("truncated chunked body".into());
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b
            .strip_prefix(b"\r\n")
            .or(b.strip_prefix(b"\n"))
            .unwrap_or(b);
    }
}

/// Decode an HTML body by the charset of its Content-Type header when it names one (the
/// header outranks the page's `<meta>`, as in browsers), else as [`crate::decode`] does.
pub fn decode_with_charset(body: &[u8], content_type: Option<&str>) -> Result<String, String> {
    if looks_binary(body) {
        return Err("binary data, not text (control bytes or NUL in the content)".into());
    }
    let label = content_type.and_then(|ct| {
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches(['"', '\'']).to_string())
        })
    });
    let enc = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()));
    match enc {
        // A page labelled UTF-8 that is not: fall back to detection.
        Some(e) if e == encoding_rs::UTF_8 && std::str::from_utf8(body).is_err() => {
            crate::decode(body, true)
        }
        Some(e) => Ok(e.decode(body).0.into_owned()),
        None => crate::decode(body, true),
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Item;
    fn next(&mut self) -> Option<Item> {
        self.next_item()
    }
}
