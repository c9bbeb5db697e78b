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
//!
//! **Poison messages** never loop forever nor stop the pool. The handler says per article what
//! happened ([`Outcome`]): an article that cannot be read is dead at once; one whose
//! processing or write failed is redelivered after [`WorkOptions::retry_delay`] until it has
//! been delivered [`WorkOptions::max_deliver`] times, then it is dead; a message delivered
//! more often than that without ever being acknowledged (its workers died on it) is dead before
//! it is handed out again. A dead message is published, with its original headers and the
//! error in [`ERROR_HEADER`], to the dead-letter subject ([`dead_subject`]: `SUBJECT.dead`,
//! kept in its own stream with limits retention, [`Queue::dead_letters`] lists it,
//! [`Queue::replay_dead`] publishes it to the work queue again), then acknowledged on the work
//! queue and counted in [`WorkStats::dead`].

pub mod testing;

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

/// Header of a dead-lettered message: why it was given up.
pub const ERROR_HEADER: &str = "Dateline-Error";
/// Header of a dead-lettered message: how many times it had been delivered.
pub const DELIVERIES_HEADER: &str = "Dateline-Deliveries";
/// Header of a dead-lettered message: `STREAM#SEQUENCE` it had on the work queue.
pub const ORIGIN_HEADER: &str = "Dateline-Origin";

/// The subject dead messages of a work subject go to: `SUBJECT.dead`.
pub fn dead_subject(subject: &str) -> String {
    format!("{subject}.dead")
}

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
    dead_subject: String,
    dead_stream: String,
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
    /// Its sequence number in the work stream.
    pub sequence: u64,
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
    /// Deliveries after which an article that keeps failing ([`Outcome::Retry`]) or keeps
    /// killing its worker goes to the dead-letter subject instead of being redelivered.
    pub max_deliver: i64,
    /// How long a failed article waits before it is delivered again.
    pub retry_delay: Duration,
}

impl Default for WorkOptions {
    fn default() -> Self {
        WorkOptions {
            consumer: DEFAULT_CONSUMER.into(),
            batch: 256,
            ack_wait: Duration::from_secs(60),
            until_empty: false,
            idle: Duration::from_secs(1),
            max_deliver: 5,
            retry_delay: Duration::from_secs(5),
        }
    }
}

/// What a worker did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkStats {
    /// Deliveries handled (acknowledged, put back for another try, or dead-lettered).
    pub messages: u64,
    /// Batches handled.
    pub batches: u64,
    /// Messages among them that had been delivered before (to a worker that did not ack).
    pub redelivered: u64,
    /// Messages put back for another try ([`Outcome::Retry`] below the delivery limit).
    pub retried: u64,
    /// Messages given up: published to the dead-letter subject, then acknowledged.
    pub dead: u64,
}

/// What became of one article of a batch, as the handler of [`Queue::work`] reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Stored (or deliberately skipped): acknowledge it.
    Done,
    /// Failed in a way another try might not repeat (processing or writing it failed): deliver
    /// it again after the retry delay, unless it has been delivered `max_deliver` times, then
    /// dead-letter it with this error.
    Retry(String),
    /// Can never succeed (the message cannot be read as an article): dead-letter it now.
    Dead(String),
}

/// A message of the dead-letter stream.
#[derive(Clone, Debug)]
pub struct DeadLetter {
    /// Its sequence number in the dead-letter stream.
    pub sequence: u64,
    /// The original message body.
    pub payload: Bytes,
    /// [`INPUT_HEADER`] of the original message.
    pub input: Option<String>,
    /// Why it was given up ([`ERROR_HEADER`]).
    pub error: Option<String>,
    /// Deliveries before it was given up ([`DELIVERIES_HEADER`]).
    pub deliveries: Option<i64>,
    /// Where it was on the work queue ([`ORIGIN_HEADER`]).
    pub origin: Option<String>,
    /// When it was given up (the server's timestamp of the dead letter).
    pub time: String,
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
        let dead_subject = dead_subject(&endpoint.subject);
        let dead_stream = stream_name(&dead_subject);
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
            // Dead letters are kept until someone deletes or replays them.
            js.get_or_create_stream(stream::Config {
                name: dead_stream.clone(),
                subjects: vec![dead_subject.clone()],
                retention: stream::RetentionPolicy::Limits,
                storage: stream::StorageType::File,
                ..Default::default()
            })
            .await
            .map_err(|e| {
                err(
                    &format!("{endpoint}: cannot create the dead-letter stream {dead_stream}"),
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
            dead_subject,
            dead_stream,
        })
    }

    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    pub fn stream_name(&self) -> &str {
        &self.stream
    }

    /// The dead-letter subject and stream of this queue.
    pub fn dead_letter(&self) -> (&str, &str) {
        (&self.dead_subject, &self.dead_stream)
    }

    /// Every message of the dead-letter stream, oldest first (nothing is consumed).
    pub fn dead_letters(&self) -> Result<Vec<DeadLetter>> {
        self.rt.block_on(async {
            let ctx = format!("{}: dead-letter stream {}", self.endpoint, self.dead_stream);
            let stream = self
                .js
                .get_stream(&self.dead_stream)
                .await
                .map_err(|e| err(&ctx, e))?;
            let info = stream.get_info().await.map_err(|e| err(&ctx, e))?;
            let mut out = Vec::new();
            if info.state.messages == 0 {
                return Ok(out);
            }
            for seq in info.state.first_sequence..=info.state.last_sequence {
                let m = match stream.get_raw_message(seq).await {
                    Ok(m) => m,
                    // Deleted (replayed) messages leave gaps.
                    Err(e)
                        if matches!(
                            e.kind(),
                            stream::LastRawMessageErrorKind::NoMessageFound
                                | stream::LastRawMessageErrorKind::JetStream(_)
                        ) =>
                    {
                        continue;
                    }
                    Err(e) => return Err(err(&ctx, e)),
                };
                let h = Some(&m.headers);
                out.push(DeadLetter {
                    sequence: m.sequence,
                    payload: m.payload,
                    input: header(h, INPUT_HEADER),
                    error: header(h, ERROR_HEADER),
                    deliveries: header(h, DELIVERIES_HEADER).and_then(|d| d.parse().ok()),
                    origin: header(h, ORIGIN_HEADER),
                    time: m.time.to_string(),
                });
            }
            Ok(out)
        })
    }

    /// Publish every dead letter to the work queue again (with its original headers, without
    /// the error ones) and delete it from the dead-letter stream once the server stored the
    /// copy. Returns how many were replayed.
    pub fn replay_dead(&self) -> Result<u64> {
        let letters = self.dead_letters()?;
        self.rt.block_on(async {
            let ctx = format!("{}: dead-letter stream {}", self.endpoint, self.dead_stream);
            let stream = self
                .js
                .get_stream(&self.dead_stream)
                .await
                .map_err(|e| err(&ctx, e))?;
            let mut n = 0;
            for d in letters {
                let m = stream
                    .get_raw_message(d.sequence)
                    .await
                    .map_err(|e| err(&ctx, e))?;
                let mut headers = HeaderMap::new();
                for name in [INPUT_HEADER, PUBLISHED_HEADER, SOURCE_HEADER] {
                    if let Some(v) = header(Some(&m.headers), name) {
                        headers.insert(name, v.as_str());
                    }
                }
                self.js
                    .publish_with_headers(self.endpoint.subject.clone(), headers, m.payload)
                    .await
                    .map_err(|e| err(&format!("{}: replay", self.endpoint), e))?
                    .await
                    .map_err(|e| err(&format!("{}: replay", self.endpoint), e))?;
                stream
                    .delete_message(d.sequence)
                    .await
                    .map_err(|e| err(&ctx, e))?;
                n += 1;
            }
            Ok(n)
        })
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
    /// `until_empty`, until the stream is empty. Each batch goes to `handle`, which returns one
    /// [`Outcome`] per job: done ones are acknowledged, failed ones redelivered later or
    /// dead-lettered (see the crate documentation). When it returns `Err` (the store cannot be
    /// written at all), the batch is negatively acknowledged (redelivered to any worker after
    /// the retry delay) and the error ends the worker.
    pub fn work<F>(&self, opts: &WorkOptions, mut handle: F) -> Result<WorkStats>
    where
        F: FnMut(&[Job]) -> std::result::Result<Vec<Outcome>, String>,
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
                        sequence: seq,
                    }
                })
                .collect();
            // A message delivered more than `max_deliver` times was never acknowledged: the
            // workers holding it died or timed out. It is not handed out again.
            let max = opts.max_deliver.max(1);
            let (live, worn): (Vec<usize>, Vec<usize>) =
                (0..jobs.len()).partition(|&i| jobs[i].delivered <= max);
            let mut outcomes: Vec<Outcome> = vec![Outcome::Done; jobs.len()];
            for &i in &worn {
                outcomes[i] = Outcome::Dead(format!(
                    "delivered {} times without an acknowledgement (its workers died or timed \
                     out on it)",
                    jobs[i].delivered
                ));
            }
            if !live.is_empty() {
                let batch: Vec<Job> = live.iter().map(|&i| jobs[i].clone()).collect();
                // The handler runs outside the runtime: it may block, and it may use a store
                // client with a runtime of its own.
                match handle(&batch) {
                    Ok(got) if got.len() == batch.len() => {
                        for (&i, o) in live.iter().zip(got) {
                            outcomes[i] = o;
                        }
                    }
                    other => {
                        let e = match other {
                            Err(e) => e,
                            Ok(got) => format!(
                                "the handler gave {} outcomes for {} articles",
                                got.len(),
                                batch.len()
                            ),
                        };
                        self.rt.block_on(async {
                            for &i in &live {
                                let _ = msgs[i]
                                    .ack_with(jetstream::AckKind::Nak(Some(opts.retry_delay)))
                                    .await;
                            }
                            let _ = self.client.flush().await;
                        });
                        return Err(Error(e));
                    }
                }
            }
            for (job, o) in jobs.iter().zip(&mut outcomes) {
                if let Outcome::Retry(e) = o
                    && job.delivered >= max
                {
                    *o = Outcome::Dead(format!(
                        "{e} (failed on each of {} deliveries)",
                        job.delivered
                    ));
                }
            }
            self.rt.block_on(async {
                let ctx = |what: &str| format!("{}: {what}", self.endpoint);
                for ((m, job), o) in msgs.iter().zip(&jobs).zip(&outcomes) {
                    match o {
                        Outcome::Done => {}
                        Outcome::Retry(_) => {
                            m.ack_with(jetstream::AckKind::Nak(Some(opts.retry_delay)))
                                .await
                                .map_err(|e| err(&ctx("nak"), e))?;
                            continue;
                        }
                        Outcome::Dead(why) => {
                            // Stored in the dead-letter stream before it leaves the queue.
                            let mut headers = m.headers.clone().unwrap_or_default();
                            headers.insert(ERROR_HEADER, header_safe(why).as_str());
                            headers.insert(DELIVERIES_HEADER, job.delivered.to_string().as_str());
                            headers.insert(
                                ORIGIN_HEADER,
                                format!("{}#{}", self.stream, job.sequence).as_str(),
                            );
                            self.js
                                .publish_with_headers(
                                    self.dead_subject.clone(),
                                    headers,
                                    m.payload.clone(),
                                )
                                .await
                                .map_err(|e| err(&ctx("dead letter"), e))?
                                .await
                                .map_err(|e| err(&ctx("dead letter"), e))?;
                        }
                    }
                    m.ack().await.map_err(|e| err(&ctx("ack"), e))?;
                }
                self.client.flush().await.map_err(|e| err(&ctx("ack"), e))
            })?;
            stats.batches += 1;
            stats.messages += jobs.len() as u64;
            stats.redelivered += jobs.iter().filter(|j| j.delivered > 1).count() as u64;
            for o in &outcomes {
                match o {
                    Outcome::Done => {}
                    Outcome::Retry(_) => stats.retried += 1,
                    Outcome::Dead(_) => stats.dead += 1,
                }
            }
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
