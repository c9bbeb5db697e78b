//! The queue-fed worker pool: `dateline ingest --to nats://…` publishes articles to a NATS
//! JetStream work queue and `dateline work --from nats://… --db …` consumes them, extracts,
//! stores a batch and only then acknowledges it (at-least-once; the store's keyed writes make
//! redelivery harmless). See crates/queue and docs/deployment.md.

use crate::db::Db;
use dateline_input::{Body, Defaults, RawArticle, Reader, parse_json_line};
use dateline_pipeline::{Pipeline, parse_date, to_json};
use dateline_queue::{Job, Outgoing, Queue, WorkOptions};
use dateline_store::{BatchStats, Prepared};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct WorkArgs {
    /// The queue: nats://HOST[:PORT]/SUBJECT (as given to `dateline ingest --to`).
    #[arg(long)]
    pub from: String,
    /// The store: a SQLite file (created if missing) or a postgres:// URL.
    #[arg(long, default_value = dateline_store::DEFAULT_DB)]
    pub db: String,
    /// Durable consumer name: workers with the same name share the queue.
    #[arg(long, default_value = dateline_queue::DEFAULT_CONSUMER)]
    pub consumer: String,
    /// Most articles per batch: one store transaction, acknowledged after it commits. A batch
    /// takes what the queue holds, up to this many, without waiting to fill up.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Seconds the server waits for a batch's acknowledgement before handing its articles to
    /// another worker (a worker that died).
    #[arg(long, default_value_t = 60)]
    pub ack_wait: u64,
    /// Stop once the queue is empty (every article acknowledged), instead of waiting for more.
    #[arg(long)]
    pub until_empty: bool,
    /// Extraction threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Largest single article accepted, in bytes.
    #[arg(long, default_value_t = dateline_input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Print a line per batch taken from the queue.
    #[arg(long, short)]
    pub verbose: bool,
}

/// The JSON Lines input object of an article, as `dateline work` reads it back.
fn input_object(raw: &RawArticle) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(raw.id.clone()));
    match &raw.body {
        Body::Text(t) => m.insert("text".into(), Value::String(t.clone())),
        Body::Html(h) => m.insert("html".into(), Value::String(h.clone())),
    };
    for (k, v) in [
        ("published", &raw.published),
        ("source", &raw.source),
        ("url", &raw.url),
        ("title", &raw.title),
    ] {
        if let Some(v) = v {
            m.insert(k.into(), Value::String(v.clone()));
        }
    }
    Value::Object(m)
}

/// `dateline ingest --to nats://…`: publish every article of the inputs, one message each.
pub fn publish(args: &crate::ingest::IngestArgs, to: &str) -> Result<bool, String> {
    if let Some(p) = &args.published
        && parse_date(p).is_none()
    {
        return Err(format!(
            "--published: cannot read {p:?} as an ISO 8601 date"
        ));
    }
    let started = Instant::now();
    let queue = Queue::connect(to).map_err(|e| e.to_string())?;
    let (inputs, expand_errors) = crate::ingest::expand(&args.inputs);
    let mut errors = 0u64;
    for (input, msg) in expand_errors {
        errors += 1;
        eprintln!("dateline: {input}: {msg}");
    }
    let defaults = Defaults::default();
    let reader = Reader::new(inputs, defaults, args.max_bytes);
    let mut publisher = queue.publisher(1024);
    let report = |failures: Vec<(String, String)>, errors: &mut u64| {
        for (input, msg) in failures {
            *errors += 1;
            eprintln!("dateline: {input}: {msg}");
        }
    };
    let mut read = 0u64;
    for item in reader {
        match item {
            Err(e) => {
                errors += 1;
                eprintln!("dateline: {}: {}", e.input, e.message);
            }
            Ok(raw) => {
                read += 1;
                let body = input_object(&raw).to_string().into_bytes();
                let failures = publisher.publish(Outgoing {
                    body,
                    input: &raw.input,
                    published: args.published.as_deref(),
                    source: args.source.as_deref(),
                });
                report(failures, &mut errors);
            }
        }
    }
    let (published, failures) = publisher.finish();
    report(failures, &mut errors);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "dateline: {}: {read} articles read, {published} published to stream {}, {errors} errors \
         ({secs:.1} s, {:.0} articles/s)",
        queue.endpoint(),
        queue.stream_name(),
        published as f64 / secs.max(1e-9),
    );
    Ok(errors == 0)
}

/// Open the store a worker writes to: a SQLite file or a PostgreSQL URL (see `db.rs`).
/// Workers started together may race to create a new store's schema; the loser sees the
/// winner's tables on a second look.
fn open_store(db: &str) -> Result<Db, String> {
    let mut tries = 0;
    loop {
        match crate::db::open(Path::new(db)) {
            Ok(s) => return Ok(s),
            Err(_) if tries < 3 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(200 * tries));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Store one batch: records prepared in parallel, written in one transaction.
fn write(store: &mut Db, records: Vec<Value>) -> Result<BatchStats, String> {
    let prepared: Vec<Option<Prepared>> = records.par_iter().map(Prepared::new).collect();
    store.insert_prepared(&prepared).map_err(|e| e.to_string())
}

fn extract_job(pipeline: &Pipeline, job: &Job, max_bytes: u64) -> Result<Value, (String, String)> {
    let fail = |m: String| (job.input.clone(), m);
    if job.payload.len() as u64 > max_bytes {
        return Err(fail(format!(
            "article of {} bytes is larger than --max-bytes ({max_bytes})",
            job.payload.len()
        )));
    }
    let line = std::str::from_utf8(&job.payload)
        .map_err(|e| fail(format!("message is not UTF-8: {e}")))?;
    let defaults = Defaults {
        published: job.published.clone(),
        source: job.source.clone(),
        url: None,
        id: None,
    };
    let raw = parse_json_line(line, &job.input, &defaults).map_err(|e| (e.input, e.message))?;
    pipeline.process_guarded(raw).map(|doc| to_json(&doc))
}

/// `dateline work`: consume the queue into the store.
pub fn work(args: WorkArgs) -> Result<bool, String> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let started = Instant::now();
    let mut store = open_store(&args.db)?;
    let shown = crate::db::display(Path::new(&args.db));
    let queue = Queue::connect(&args.from).map_err(|e| e.to_string())?;
    std::panic::set_hook(Box::new(|_| {}));
    let pipeline = Pipeline::new();
    let opts = WorkOptions {
        consumer: args.consumer.clone(),
        batch: args.batch.max(1),
        ack_wait: Duration::from_secs(args.ack_wait.max(1)),
        until_empty: args.until_empty,
        ..WorkOptions::default()
    };
    let mut total = BatchStats::default();
    let mut errors = 0u64;
    let stats = queue
        .work(&opts, |jobs| {
            if args.verbose {
                let again = jobs.iter().filter(|j| j.delivered > 1).count();
                eprintln!(
                    "dateline work: batch of {} ({again} redelivered)",
                    jobs.len()
                );
            }
            let outcomes: Vec<Result<Value, (String, String)>> = jobs
                .par_iter()
                .map(|j| extract_job(&pipeline, j, args.max_bytes))
                .collect();
            let mut records = Vec::with_capacity(outcomes.len());
            for o in outcomes {
                match o {
                    Ok(v) => records.push(v),
                    Err((input, msg)) => {
                        // A bad article is reported and acknowledged: redelivering cannot fix it.
                        errors += 1;
                        eprintln!("dateline: {input}: {msg}");
                    }
                }
            }
            total += write(&mut store, records).map_err(|e| format!("{shown}: {e}"))?;
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "dateline work: {}: {} articles in {} batches ({} redelivered), {} new, {} already \
         present, {} events stored, {errors} errors ({secs:.1} s, {:.0} articles/s)",
        queue.endpoint(),
        stats.messages,
        stats.batches,
        stats.redelivered,
        total.new,
        total.present,
        total.events,
        stats.messages as f64 / secs.max(1e-9),
    );
    Ok(errors == 0 && total.invalid == 0)
}
