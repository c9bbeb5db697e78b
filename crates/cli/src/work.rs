//! The queue-fed worker pool: `dateline ingest --to nats://…` publishes articles to a NATS
//! JetStream work queue and `dateline work --from nats://… --db …` consumes them, extracts,
//! stores a batch and only then acknowledges it (at-least-once; the store's keyed writes make
//! redelivery harmless). An article that cannot be read, or whose processing or write keeps
//! failing, goes to the queue's dead-letter subject (`SUBJECT.dead`) after `--max-deliver`
//! deliveries instead of coming back forever; `--dead-letters` lists them and
//! `--replay-dead` puts them back on the queue. See crates/queue and docs/deployment.md.

use crate::db::Db;
use dateline_input::{Body, Defaults, RawArticle, Reader, parse_json_line};
use dateline_pipeline::{Pipeline, parse_date};
use dateline_queue::{Job, Outcome, Outgoing, Queue, WorkOptions};
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
    /// Deliveries after which an article whose processing or write keeps failing (or that
    /// keeps killing its worker) goes to the dead-letter subject SUBJECT.dead instead of
    /// being redelivered. An article that cannot be read at all goes there at once.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(i64).range(1..))]
    pub max_deliver: i64,
    /// Seconds a failed article waits before it is delivered again.
    #[arg(long, default_value_t = 5)]
    pub retry_delay: u64,
    /// List the dead-letter stream (one JSON object per line: sequence, input, error,
    /// deliveries, origin, time, payload) and exit; consumes nothing.
    #[arg(long, conflicts_with = "replay_dead")]
    pub dead_letters: bool,
    /// Publish every dead letter to the work queue again (after a fix), delete it from the
    /// dead-letter stream, and exit.
    #[arg(long)]
    pub replay_dead: bool,
    #[command(flatten)]
    pub dicts: crate::dicts::DictArgs,
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

/// Store one batch in one transaction. When it fails, its articles are written one at a
/// time, so that one article the store refuses does not hold back the others: the result
/// is, per record, `None` when stored, else the store's error. An error that is the store's
/// rather than an article's (every article failed, and so does an empty transaction) is
/// returned as `Err`.
fn write(
    store: &mut Db,
    prepared: &[Option<Prepared>],
    total: &mut BatchStats,
) -> Result<Vec<Option<String>>, String> {
    let mut out = vec![None; prepared.len()];
    let first = match store.insert_prepared(prepared) {
        Ok(st) => {
            *total += st;
            return Ok(out);
        }
        Err(e) => e.to_string(),
    };
    if prepared.len() > 1 {
        eprintln!(
            "dateline work: a batch of {} failed ({first}); writing its articles one at a time",
            prepared.len()
        );
    }
    for (i, p) in prepared.iter().enumerate() {
        match store.insert_prepared(std::slice::from_ref(p)) {
            Ok(st) => *total += st,
            Err(e) => out[i] = Some(e.to_string()),
        }
    }
    if out.iter().all(Option::is_some) {
        store.insert_prepared(&[]).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Why an article of a job produced no record: its message cannot be read (dead at once), or
/// processing it failed.
enum JobError {
    Unreadable(String, String),
    Failed(String, String),
}

fn extract_job(pipeline: &Pipeline, job: &Job, max_bytes: u64) -> Result<Prepared, JobError> {
    let fail = |m: String| JobError::Unreadable(job.input.clone(), m);
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
    let raw = parse_json_line(line, &job.input, &defaults)
        .map_err(|e| JobError::Unreadable(e.input, e.message))?;
    let input = raw.input.clone();
    // An article the pipeline refuses (no text, an unreadable date) is refused every time;
    // a panic inside a stage may not be (it is tried again, up to --max-deliver).
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.process(raw))) {
        // the store's rows read from the document, as `dateline ingest` reads them
        Ok(Ok(doc)) => Prepared::from_doc(&doc)
            .map_err(|e| JobError::Unreadable(input, format!("cannot write its record: {e}"))),
        Ok(Err(msg)) => Err(JobError::Unreadable(input, msg)),
        Err(_) => Err(JobError::Failed(
            input,
            "internal error while processing this article".into(),
        )),
    }
}

/// `dateline work --dead-letters` / `--replay-dead`.
fn dead_letters(args: &WorkArgs) -> Result<bool, String> {
    let queue = Queue::connect(&args.from).map_err(|e| e.to_string())?;
    let (subject, stream) = queue.dead_letter();
    if args.replay_dead {
        let n = queue.replay_dead().map_err(|e| e.to_string())?;
        eprintln!(
            "dateline work: {}: {n} dead letters of {subject} (stream {stream}) published to the \
             work queue again",
            queue.endpoint()
        );
        return Ok(true);
    }
    let letters = queue.dead_letters().map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    for d in &letters {
        let v = serde_json::json!({
            "sequence": d.sequence,
            "input": d.input,
            "error": d.error,
            "deliveries": d.deliveries,
            "origin": d.origin,
            "time": d.time,
            "payload": String::from_utf8_lossy(&d.payload),
        });
        use std::io::Write;
        writeln!(out, "{v}").map_err(|e| e.to_string())?;
    }
    eprintln!(
        "dateline work: {}: {} dead letters in {subject} (stream {stream})",
        queue.endpoint(),
        letters.len()
    );
    Ok(true)
}

/// `dateline work`: consume the queue into the store.
pub fn work(args: WorkArgs) -> Result<bool, String> {
    if args.dead_letters || args.replay_dead {
        return dead_letters(&args);
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    let started = Instant::now();
    // User dictionaries are read (and a bad one refused) before the store or the queue.
    let pipeline = crate::dicts::pipeline(&args.dicts)?;
    let mut store = open_store(&args.db)?;
    let shown = crate::db::display(Path::new(&args.db));
    let queue = Queue::connect(&args.from).map_err(|e| e.to_string())?;
    std::panic::set_hook(Box::new(|_| {}));
    let opts = WorkOptions {
        consumer: args.consumer.clone(),
        batch: args.batch.max(1),
        ack_wait: Duration::from_secs(args.ack_wait.max(1)),
        until_empty: args.until_empty,
        max_deliver: args.max_deliver.max(1),
        retry_delay: Duration::from_secs(args.retry_delay),
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
            let extracted: Vec<Result<Prepared, JobError>> = jobs
                .par_iter()
                .map(|j| extract_job(&pipeline, j, args.max_bytes))
                .collect();
            let mut outcomes = vec![Outcome::Done; jobs.len()];
            let mut records = Vec::with_capacity(extracted.len());
            let mut of_record = Vec::with_capacity(extracted.len());
            for (i, x) in extracted.into_iter().enumerate() {
                match x {
                    Ok(p) => {
                        records.push(Some(p));
                        of_record.push(i);
                    }
                    // Redelivering cannot fix an unreadable article: dead-lettered now.
                    Err(JobError::Unreadable(input, msg)) => {
                        errors += 1;
                        eprintln!("dateline: {input}: {msg}");
                        outcomes[i] = Outcome::Dead(msg);
                    }
                    Err(JobError::Failed(input, msg)) => {
                        eprintln!(
                            "dateline: {input}: {msg} (delivery {} of at most {})",
                            jobs[i].delivered, opts.max_deliver
                        );
                        outcomes[i] = Outcome::Retry(msg);
                    }
                }
            }
            let prepared = records;
            let failed =
                write(&mut store, &prepared, &mut total).map_err(|e| format!("{shown}: {e}"))?;
            for (k, f) in failed.into_iter().enumerate() {
                if let Some(e) = f {
                    let j = &jobs[of_record[k]];
                    eprintln!(
                        "dateline: {}: {shown}: {e} (delivery {} of at most {})",
                        j.input, j.delivered, opts.max_deliver
                    );
                    outcomes[of_record[k]] = Outcome::Retry(format!("{shown}: {e}"));
                }
            }
            Ok(outcomes)
        })
        .map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "dateline work: {}: {} articles in {} batches ({} redelivered), {} new, {} already \
         present, {} events stored, {errors} errors, {} dead-lettered to {}, {} put back for \
         another try ({secs:.1} s, {:.0} articles/s)",
        queue.endpoint(),
        stats.messages,
        stats.batches,
        stats.redelivered,
        total.new,
        total.present,
        total.events,
        stats.dead,
        queue.dead_letter().0,
        stats.retried,
        stats.messages as f64 / secs.max(1e-9),
    );
    Ok(errors == 0 && stats.dead == 0 && total.invalid == 0)
}
