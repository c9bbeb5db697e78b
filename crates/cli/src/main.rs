//! The `dateline` command.

use clap::{Parser, Subcommand};
use dateline_input::{Defaults, Item, Reader};
use dateline_pipeline::{Pipeline, error_json, parse_date, to_json, to_json_string};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

mod db;
mod dicts;
mod export;
mod ingest;
mod query;
mod serve;
mod work;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turns news articles into structured, evidenced event records (dateline/1)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and write one dateline/1 JSON object per article to standard output.
    Extract(ExtractArgs),
    /// Extract articles and store them, with their events, in a SQLite database (see
    /// docs/store.md). Articles already in it are skipped.
    Ingest(ingest::IngestArgs),
    /// Print the events of a database that match filters, as a table, JSON Lines or CSV.
    Query(Box<query::QueryArgs>),
    /// Write event mentions as a GDELT 2.0 event table, PLOVER JSON or ACLED-shaped CSV, from a
    /// database or from dateline/1 JSON Lines (see docs/exports.md).
    Export(export::ExportArgs),
    /// Serve a database: a JSON API and a web page with a map, a timeline and each event's
    /// evidence (see docs/serve.md). Listens on 127.0.0.1:8080 and prints its address.
    Serve(serve::ServeArgs),
    /// Consume articles from a NATS JetStream work queue (filled by `dateline ingest --to`),
    /// extract them and store them; a batch is acknowledged only after it is stored.
    Work(work::WorkArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Inputs: .txt, .html/.htm (optionally .gz), .jsonl; `-` or none reads standard input.
    files: Vec<String>,
    /// Publication date (ISO 8601 date or date-time) for every article that has none.
    #[arg(long)]
    published: Option<String>,
    /// Source (outlet) name for every article that has none.
    #[arg(long)]
    source: Option<String>,
    /// URL for every article that has none.
    #[arg(long)]
    url: Option<String>,
    /// Article id (default: the given one in JSON Lines, else a hash of the input bytes).
    #[arg(long)]
    id: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Largest single article accepted, in bytes.
    #[arg(long, default_value_t = dateline_input::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Pretty-print each object (not JSON Lines; for reading by eye).
    #[arg(long)]
    pretty: bool,
    #[command(flatten)]
    dicts: dicts::DictArgs,
}

/// How many articles, and how many bytes of article content, are read ahead and processed in
/// parallel at once. Whichever limit is reached first closes the chunk; this bounds memory
/// however long the input stream is.
const CHUNK: usize = 128;
const CHUNK_BYTES: usize = 512 << 10;

fn process(pipeline: &Pipeline, item: Item, pretty: bool) -> (String, bool) {
    let doc = match item {
        Err(e) => Err(error_json(&e.input, &e.message)),
        Ok(raw) => pipeline
            .process_guarded(raw)
            .map_err(|(input, msg)| error_json(&input, &msg)),
    };
    match doc {
        Ok(doc) if pretty => (
            serde_json::to_string_pretty(&to_json(&doc)).unwrap_or_default(),
            true,
        ),
        // The same bytes as `to_json(&doc).to_string()`, written without the `Value` tree.
        Ok(doc) => (
            to_json_string(&doc).unwrap_or_else(|_| to_json(&doc).to_string()),
            true,
        ),
        Err(v) => (v.to_string(), false),
    }
}

/// Have glibc's allocator hand freed memory back to the system once 128 kB are free at the top
/// of a heap (by default that threshold grows with the largest block freed, so after a big HTML
/// page each worker thread's heap kept megabytes it no longer used). This keeps `extract`'s peak
/// RSS on a long stream down at no measurable cost in speed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_freed_memory() {
    const M_TRIM_THRESHOLD: i32 = -1;
    unsafe extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: mallopt only sets an allocator parameter; called before any worker thread starts.
    unsafe {
        mallopt(M_TRIM_THRESHOLD, 128 << 10);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_freed_memory() {}

fn extract(args: ExtractArgs) -> Result<bool, String> {
    if let Some(p) = &args.published
        && parse_date(p).is_none()
    {
        return Err(format!(
            "--published: cannot read {p:?} as an ISO 8601 date"
        ));
    }
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .map_err(|e| e.to_string())?;
    }
    // Quiet the default panic message: a panicking article becomes an error line instead.
    std::panic::set_hook(Box::new(|_| {}));
    return_freed_memory();
    let pipeline = dicts::pipeline(&args.dicts)?;
    let defaults = Defaults {
        published: args.published,
        source: args.source,
        url: args.url,
        id: args.id,
    };
    let mut reader = Reader::new(args.files, defaults, args.max_bytes);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut all_ok = true;
    loop {
        let chunk = dateline_input::next_chunk(&mut reader, CHUNK, CHUNK_BYTES);
        if chunk.is_empty() {
            break;
        }
        let lines: Vec<(String, bool)> = chunk
            .into_par_iter()
            .map(|item| process(&pipeline, item, args.pretty))
            .collect();
        for (line, ok) in lines {
            all_ok &= ok;
            if let Err(e) = writeln!(out, "{line}") {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return Ok(all_ok);
                }
                return Err(format!("cannot write output: {e}"));
            }
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(all_ok),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Ingest(a) if a.to.is_some() && !a.dicts.is_empty() => Err(
            "--actors/--agents/--verbs apply where articles are extracted: give them to `dateline work`"
                .into(),
        ),
        Command::Ingest(a) if a.to.is_some() => {
            let to = a.to.clone().unwrap_or_default();
            work::publish(&a, &to)
        }
        Command::Ingest(a) => ingest::ingest(a),
        Command::Query(a) => query::query(*a),
        Command::Export(a) => export::run(a),
        Command::Serve(a) => serve::serve(a),
        Command::Work(a) => work::work(a),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::from(2)
        }
    }
}
