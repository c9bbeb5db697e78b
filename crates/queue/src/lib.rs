//! A work queue of articles on NATS JetStream.
//!
//! `dateline ingest --to nats://HOST:PORT/SUBJECT` publishes one message per article (the JSON
//! Lines input object, `{"id", "text" | "html", "published"?, "source"?, "url"?, "title"?}`)
//! with [`Publisher`]; `dateline work --from nats://…` runs [`Queue::work`], which pulls
//! batches from a durable pull consumer, hands each batch to the caller (extract, then write
//! the store) and acknowledges the batch **only after** the caller returned: delivery is
//! at-least-once. A worker killed mid-batch leaves its messages unacknowledged, and the server
//! hands them to another worker once the consumer's ack wait has passed; the store's keyed,
//! idempotent writes make the redelivery harmless.
//!
//! The stream is created on first use with work-queue retention (a message is removed once
//! acknowledged), file storage, and the one subject; its name is derived from the subject
//! ([`stream_name`]). The API is blocking: a small Tokio runtime lives inside [`Queue`].

use async_nats::HeaderMap;
use async_nats::jetstream::{self, consumer, context::PublishAckFuture, stream};
use bytes::Bytes;
use futures_util::StreamExt;
use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Header naming where the article came from (`path:line`), for error messages.
pub const INPUT_HEADER: &str = "Dateline-Input";
/// Header carrying `--published` given to the publisher: a fallback, applied only after the
/// article's own metadata and what the page or text itself states.
pub const PUBLISHED_HEADER: &str = "Dateline-Published";
/// Header carrying `--source` given to the publisher (a fallback, like [`PUBLISHED_HEADER`]).
pub const SOURCE_HEADER: &str = "Dateline-Source";

/// Default durable consumer name shared by all workers of a queue.
pub const DEFAULT_CONSUMER: &str = "dateline-workers";

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

fn err(context: &str, e: impl fmt::Display) -> Error {
    Error(format!("{context}: {e}"))
}

/// A queue address: `nats://HOST[:PORT]/SUBJECT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// `HOST:PORT` (port 4222 when none is given).
    pub server: String,
    /// The subject articles are published on (`news.articles`).
    pub subject: String,
}

impl std::str::FromStr for Endpoint {
    type Err = Error;

    fn from_str(url: &str) -> Result<Endpoint> {
        let bad = |why: &str| {
            Error(format!(
                "{url:?}: {why} (expected nats://HOST[:PORT]/SUBJECT)"
            ))
        };
        let rest = url
            .strip_prefix("nats://")
            .ok_or_else(|| bad("not a nats:// URL"))?;
        let (host, subject) = rest
            .split_once('/')
            .ok_or_else(|| bad("no subject after the host"))?;
        if host.is_empty() {
            return Err(bad("no host"));
        }
        if host.contains('@') {
            return Err(bad("credentials in the URL are not supported"));
        }
        let valid_token = |t: &str| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        };
        if subject.is_empty() || !subject.split('.').all(valid_token) {
            return Err(bad(
                "the subject must be dot-separated tokens of letters, digits, '-' and '_'",
            ));
        }
        let server = if host.rsplit_once(':').is_some_and(|(_, p)| {
            !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) && !host.ends_with(']')
        }) {
            host.to_string()
        } else {
            format!("{host}:4222")
        };
        Ok(Endpoint {
            server,
            subject: subject.to_string(),
        })
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "nats://{}/{}", self.server, self.subject)
    }
}

/// The JetStream stream that holds a subject's articles: `DATELINE_` and the subject in capitals
/// with `.` and `-` as `_` (stream names may hold no dots).
pub fn stream_name(subject: &str) -> String {
    let mut name = String::from("DATELINE_");
    name.extend(subject.chars().map(|c| match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'A'..='Z' | '0'..='9' | '_' => c,
        _ => '_',
    }));
    name
}

/// A connection to a queue, with its stream made sure of.
pub struct Queue {
    rt: tokio::runtime::Runtime,
    client: async_nats::Client,
    js: jetstream::Context,
    endpoint: Endpoint,
    stream: String,
}

/// One article taken from the queue.
#[derive(Clone, Debug)]
pub struct Job {
    /// The message body: one JSON Lines input object.
    pub payload: Bytes,
    /// Where the publisher read it ([`INPUT_HEADER`]), else `nats:STREAM#SEQ`.
    pub input: String,
    /// Publisher's `--published` fallback ([`PUBLISHED_HEADER`]).
    pub published: Option<String>,
    /// Publisher's `--source` fallback ([`SOURCE_HEADER`]).
    pub source: Option<String>,
    /// How many times the server has delivered this message (more than 1: a redelivery).
    pub delivered: i64,
}

/// How a worker consumes.
#[derive(Clone, Debug)]
pub struct WorkOptions {
    /// Durable consumer name; workers with the same name share the work.
    pub consumer: String,
    /// Most articles per batch (one store transaction, acknowledged together).
    pub batch: usize,
    /// How long the server waits for an acknowledgement before redelivering a message.
    pub ack_wait: Duration,
    /// Stop once the stream holds no message (acknowledged by anyone): for back-fills and tests.
    pub until_empty: bool,
    /// How long one pull waits for messages when the queue is empty.
    pub idle: Duration,
}

impl Default for WorkOptions {
    fn default() -> Self {
        WorkOptions {
            consumer: DEFAULT_CONSUMER.into(),
            batch: 256,
            ack_wait: Duration::from_secs(60),
            until_empty: false,
            idle: Duration::from_secs(1),
        }
    }
}

/// What a worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkStats {
    /// Messages handled and acknowledged.
    pub messages: u64,
    /// Batches handled.
    pub batches: u64,
    /// Messages among them that had been delivered before (to a worker that did not ack).
    pub redelivered: u64,
}

fn header(h: Option<&HeaderMap>, name: &str) -> Option<String> {
    let v: &str = h?.get(name)?.as_ref();
    (!v.is_empty()).then(|| v.to_string())
}

/// Header values may hold no line breaks or other control characters.
fn header_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

impl Queue {
    /// Connect to `nats://HOST:PORT/SUBJECT` and create the subject's work-queue stream if it
    /// does not exist yet.
    pub fn connect(url: &str) -> Result<Queue> {
        let endpoint: Endpoint = url.parse()?;
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .map_err(|e| err("cannot start the NATS client runtime", e))?;
        let stream = stream_name(&endpoint.subject);
        let (client, js) = rt.block_on(async {
            let client = async_nats::ConnectOptions::new()
                .name("dateline")
                .connection_timeout(Duration::from_secs(5))
                .connect(endpoint.server.as_str())
                .await
                .map_err(|e| err(&format!("{endpoint}: cannot connect"), e))?;
            let js = jetstream::new(client.clone());
            js.get_or_create_stream(stream::Config {
                name: stream.clone(),
                subjects: vec![endpoint.subject.clone()],
                retention: stream::RetentionPolicy::WorkQueue,
                storage: stream::StorageType::File,
                ..Default::default()
            })
            .await
            .map_err(|e| {
                err(
                    &format!("{endpoint}: cannot create JetStream stream {stream} (is the server run with -js?)"),
                    e,
                )
            })?;
            Ok::<_, Error>((client, js))
        })?;
        Ok(Queue {
            rt,
            client,
            js,
            endpoint,
            stream,
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn stream_name(&self) -> &str {
        &self.stream
    }

    /// Largest message the server accepts, in bytes (headers included).
    pub fn max_payload(&self) -> usize {
        self.client.server_info().max_payload
    }

    /// Messages in the stream: published and not yet acknowledged.
    pub fn pending(&self) -> Result<u64> {
        self.rt.block_on(pending(&self.js, &self.stream))
    }

    /// A publisher that keeps up to `window` acknowledgements from the server in flight.
    pub fn publisher(&self, window: usize) -> Publisher<'_> {
        Publisher {
            queue: self,
            window: window.max(1),
            in_flight: VecDeque::new(),
            published: 0,
        }
    }

    /// Consume until stopped (SIGINT/SIGTERM: the current batch is finished first) or, with
    /// `until_empty`, until the stream is empty. Each batch goes to `handle`; when it returns
    /// `Ok`, every message of the batch is acknowledged. When it returns `Err`, the batch is
    /// negatively acknowledged (redelivered to any worker after a short delay) and the error
    /// ends the worker.
    pub fn work<F>(&self, opts: &WorkOptions, mut handle: F) -> Result<WorkStats>
    where
        F: FnMut(&[Job]) -> std::result::Result<(), String>,
    {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        self.rt.spawn(async move {
            #[cfg(unix)]
            {
                use tokio::signal::unix::{SignalKind, signal};
                let (Ok(mut term), Ok(mut int)) = (
                    signal(SignalKind::terminate()),
                    signal(SignalKind::interrupt()),
                ) else {
                    return;
                };
                tokio::select! {
                    _ = term.recv() => {},
                    _ = int.recv() => {},
                }
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
            flag.store(true, Ordering::SeqCst);
        });
        let consumer: consumer::PullConsumer = self.rt.block_on(async {
            let stream = self
                .js
                .get_stream(&self.stream)
                .await
                .map_err(|e| err(&format!("{}: stream {}", self.endpoint, self.stream), e))?;
            stream
                .create_consumer(consumer::pull::Config {
                    durable_name: Some(opts.consumer.clone()),
                    ack_policy: consumer::AckPolicy::Explicit,
                    ack_wait: opts.ack_wait,
                    max_ack_pending: 10_000,
                    ..Default::default()
                })
                .await
                .map_err(|e| err(&format!("{}: consumer {}", self.endpoint, opts.consumer), e))
        })?;
        let mut stats = WorkStats::default();
        let batch = opts.batch.max(1);
        while !stop.load(Ordering::SeqCst) {
            let msgs = self.rt.block_on(async {
                // What is there now, without waiting; else wait up to `idle` for more.
                let msgs = take(consumer.fetch().max_messages(batch).messages().await).await?;
                if !msgs.is_empty() {
                    return Ok(msgs);
                }
                take(
                    consumer
                        .batch()
                        .max_messages(batch)
                        .expires(opts.idle)
                        .messages()
                        .await,
                )
                .await
            });
            let msgs = msgs.map_err(|e| err(&format!("{}: pull", self.endpoint), e))?;
            if msgs.is_empty() {
                if opts.until_empty && self.rt.block_on(pending(&self.js, &self.stream))? == 0 {
                    break;
                }
                continue;
            }
            let jobs: Vec<Job> = msgs
                .iter()
                .map(|m| {
                    let info = m.info().ok();
                    let seq = info.as_ref().map_or(0, |i| i.stream_sequence);
                    Job {
                        payload: m.payload.clone(),
                        input: header(m.headers.as_ref(), INPUT_HEADER)
                            .unwrap_or_else(|| format!("nats:{}#{seq}", self.stream)),
                        published: header(m.headers.as_ref(), PUBLISHED_HEADER),
                        source: header(m.headers.as_ref(), SOURCE_HEADER),
                        delivered: info.map_or(1, |i| i.delivered),
                    }
                })
                .collect();
            // The handler runs outside the runtime: it may block, and it may use a store
            // client with a runtime of its own.
            if let Err(e) = handle(&jobs) {
                self.rt.block_on(async {
                    for m in &msgs {
                        let _ = m
                            .ack_with(jetstream::AckKind::Nak(Some(Duration::from_secs(5))))
                            .await;
                    }
                    let _ = self.client.flush().await;
                });
                return Err(Error(e));
            }
            self.rt.block_on(async {
                for m in &msgs {
                    m.ack()
                        .await
                        .map_err(|e| err(&format!("{}: ack", self.endpoint), e))?;
                }
                self.client
                    .flush()
                    .await
                    .map_err(|e| err(&format!("{}: ack", self.endpoint), e))
            })?;
            stats.batches += 1;
            stats.messages += jobs.len() as u64;
            stats.redelivered += jobs.iter().filter(|j| j.delivered > 1).count() as u64;
        }
        Ok(stats)
    }
}

async fn pending(js: &jetstream::Context, name: &str) -> Result<u64> {
    let stream = js
        .get_stream(name)
        .await
        .map_err(|e| err(&format!("stream {name}"), e))?;
    let info = stream
        .get_info()
        .await
        .map_err(|e| err(&format!("stream {name}"), e))?;
    Ok(info.state.messages)
}

/// All messages of one pull request.
async fn take<S, E1, E2>(
    batch: std::result::Result<S, E1>,
) -> std::result::Result<Vec<jetstream::Message>, String>
where
    S: futures_util::Stream<Item = std::result::Result<jetstream::Message, E2>> + Unpin,
    E1: fmt::Display,
    E2: fmt::Display,
{
    let mut batch = batch.map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    while let Some(m) = batch.next().await {
        out.push(m.map_err(|e| e.to_string())?);
    }
    Ok(out)
}

/// An article to publish.
pub struct Outgoing<'a> {
    /// One JSON Lines input object.
    pub body: Vec<u8>,
    /// Where it was read (`path:line`), for the worker's error messages.
    pub input: &'a str,
    pub published: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// Publishes articles, keeping a window of server acknowledgements in flight.
pub struct Publisher<'q> {
    queue: &'q Queue,
    window: usize,
    in_flight: VecDeque<(String, PublishAckFuture)>,
    published: u64,
}

impl Publisher<'_> {
    /// Publish one article. A message the server refused or did not confirm is reported as
    /// `(input, message)` in the returned list (possibly for an earlier article, whose
    /// acknowledgement arrived now); the article itself is then not in the queue.
    pub fn publish(&mut self, out: Outgoing<'_>) -> Vec<(String, String)> {
        let mut failures = Vec::new();
        let mut headers = HeaderMap::new();
        headers.insert(INPUT_HEADER, header_safe(out.input).as_str());
        if let Some(p) = out.published {
            headers.insert(PUBLISHED_HEADER, header_safe(p).as_str());
        }
        if let Some(s) = out.source {
            headers.insert(SOURCE_HEADER, header_safe(s).as_str());
        }
        let q = self.queue;
        let subject = q.endpoint.subject.clone();
        let sent =
            q.rt.block_on(q.js.publish_with_headers(subject, headers, Bytes::from(out.body)));
        match sent {
            Ok(ack) => self.in_flight.push_back((out.input.to_string(), ack)),
            Err(e) => failures.push((out.input.to_string(), format!("cannot publish: {e}"))),
        }
        while self.in_flight.len() > self.window {
            self.settle_one(&mut failures);
        }
        failures
    }

    fn settle_one(&mut self, failures: &mut Vec<(String, String)>) {
        if let Some((input, ack)) = self.in_flight.pop_front() {
            match self.queue.rt.block_on(ack.into_future()) {
                Ok(_) => self.published += 1,
                Err(e) => failures.push((input, format!("the server did not store it: {e}"))),
            }
        }
    }

    /// Wait for every outstanding acknowledgement; returns how many articles the server
    /// confirmed in all, and the failures among the last ones.
    pub fn finish(mut self) -> (u64, Vec<(String, String)>) {
        let mut failures = Vec::new();
        while !self.in_flight.is_empty() {
            self.settle_one(&mut failures);
        }
        (self.published, failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_queue_urls() {
        let e: Endpoint = "nats://127.0.0.1:4333/news.articles".parse().unwrap();
        assert_eq!(e.server, "127.0.0.1:4333");
        assert_eq!(e.subject, "news.articles");
        assert_eq!(e.to_string(), "nats://127.0.0.1:4333/news.articles");
        let e: Endpoint = "nats://queue.example/articles".parse().unwrap();
        assert_eq!(e.server, "queue.example:4222");
        for bad in [
            "http://x/a",
            "nats://host",
            "nats:///a",
            "nats://h/",
            "nats://h/a..b",
            "nats://h/a.*",
            "nats://u:p@h/a",
        ] {
            let e = bad.parse::<Endpoint>().unwrap_err().to_string();
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn stream_names_hold_no_dots() {
        assert_eq!(stream_name("news.articles-en"), "DATELINE_NEWS_ARTICLES_EN");
    }

    #[test]
    fn header_values_hold_no_line_breaks() {
        assert_eq!(header_safe("a\r\nb"), "a  b");
    }
}
