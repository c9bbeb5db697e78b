//! `dateline ingest`: extract articles in parallel and store them with one writer.

use dateline_input::http::{Client, HttpOptions, Validators};
use dateline_input::{Defaults, Format, Item, Reader, format_from_name};
use dateline_pipeline::{Pipeline, parse_date};
use dateline_store::{BatchStats, Prepared};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Inputs: files (.txt, .html/.htm, .jsonl, optionally .gz; .warc, .warc.gz; RSS/Atom
    /// feeds .rss, .atom, .xml), directories (searched recursively for those extensions),
    /// glob patterns (`'news/**/*.jsonl'`), feed URLs (http:// or https://, read with
    /// conditional GET); `-` or none reads standard input.
    pub inputs: Vec<String>,
    /// The database file (created if missing).
    #[arg(long, default_value = dateline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// Publication date (ISO 8601) for every article that has none.
    #[arg(long)]
    pub published: Option<String>,
    /// Source (outlet) name for every article that has none.
    #[arg(long)]
    pub source: Option<String>,
    /// Extraction threads (default: one per core). One more thread writes the database.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Articles per transaction: a killed ingest loses at most this many, uncommitted. Each
    /// commit has a fixed cost (full-text index flush, the write-ahead log's copies of the
    /// index pages it touched, deduplication candidates read again), so larger batches ingest
    /// faster.
    #[arg(long, default_value_t = 2048)]
    pub batch: usize,
    /// Largest single article accepted, in bytes.
    #[arg(long, default_value_t = dateline_input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// For feeds: fetch the page each entry links to and store it instead of the entry's own
    /// content or summary.
    #[arg(long)]
    pub fetch_articles: bool,
    /// HTTP timeout for each feed or page request, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Publish the articles to a NATS JetStream work queue (nats://HOST[:PORT]/SUBJECT), one
    /// message each, for `dateline work` to extract and store, instead of storing them here.
    #[arg(long, conflicts_with = "db")]
    pub to: Option<String>,
    #[command(flatten)]
    pub dicts: crate::dicts::DictArgs,
}

/// Whether a file found in a directory is read: a known extension, and for `.xml` only an RSS
/// or Atom feed (not a sitemap or other XML).
fn wanted_in_directory(p: &Path) -> bool {
    let name = p.to_string_lossy();
    match format_from_name(&name) {
        None => false,
        Some((Format::Feed, false)) if name.to_ascii_lowercase().ends_with(".xml") => {
            let mut head = [0u8; 4096];
            let n = std::fs::File::open(p)
                .and_then(|mut f| f.read(&mut head))
                .unwrap_or(0);
            dateline_input::feed::looks_like_feed(&head[..n])
        }
        Some(_) => true,
    }
}

fn is_url(a: &str) -> bool {
    let lower = a.get(..8).unwrap_or(a).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Files under a directory whose names dateline reads, in name order.
fn walk(dir: &Path, out: &mut Vec<String>, errors: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            errors.push((
                dir.display().to_string(),
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, errors);
        } else if wanted_in_directory(&p) {
            out.push(p.display().to_string());
        }
    }
}

/// Expand directories and glob patterns (when the shell did not) into input files.
pub fn expand(args: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for a in args {
        let p = Path::new(a);
        if a == "-" || is_url(a) || p.is_file() {
            out.push(a.clone());
        } else if p.is_dir() {
            let before = out.len();
            walk(p, &mut out, &mut errors);
            if out.len() == before {
                errors.push((
                    a.clone(),
                    "no .txt, .html, .htm, .jsonl, .warc, .rss, .atom or feed .xml files in it"
                        .into(),
                ));
            }
        } else if a.contains(['*', '?', '[']) {
            match glob::glob(a) {
                Err(e) => errors.push((a.clone(), format!("bad glob pattern: {e}"))),
                Ok(paths) => {
                    let before = out.len();
                    for entry in paths {
                        match entry {
                            Ok(p) if p.is_dir() => walk(&p, &mut out, &mut errors),
                            Ok(p) => out.push(p.display().to_string()),
                            Err(e) => errors.push((a.clone(), format!("cannot read: {e}"))),
                        }
                    }
                    if out.len() == before {
                        errors.push((a.clone(), "no file matches this pattern".into()));
                    }
                }
            }
        } else {
            // Let the reader report it ("no such file") in input order.
            out.push(a.clone());
        }
    }
    (out, errors)
}

/// Articles in the inputs, when cheap to know: plain files count one, uncompressed JSON Lines
/// their non-blank lines. `None` when any input is standard input or compressed JSON Lines.
fn count_articles(inputs: &[String]) -> Option<u64> {
    let mut n = 0u64;
    for name in inputs {
        match format_from_name(name) {
            Some((Format::Jsonl, false)) => {
                let mut f = std::fs::File::open(name).ok()?;
                let mut buf = vec![0u8; 1 << 20];
                let mut last = b'\n';
                let mut in_line = false;
                loop {
                    let k = f.read(&mut buf).ok()?;
                    if k == 0 {
                        break;
                    }
                    for &b in &buf[..k] {
                        if b == b'\n' {
                            n += in_line as u64;
                            in_line = false;
                        } else if !b.is_ascii_whitespace() {
                            in_line = true;
                        }
                    }
                    last = buf[k - 1];
                }
                if last != b'\n' && in_line {
                    n += 1;
                }
            }
            Some((Format::Jsonl, true) | (Format::Warc | Format::Feed, _)) => return None,
            None if is_url(name) => return None,
            Some(_) => n += 1,
            None if name == "-" => return None,
            None => n += 1,
        }
    }
    Some(n)
}

/// Content bytes read ahead at most per batch, besides the article count: bounds memory.
const BATCH_BYTES: usize = 8 << 20;

type Outcome = Result<Option<Prepared>, (String, String)>;

fn process(pipeline: &Pipeline, item: Item) -> Outcome {
    let raw = item.map_err(|e| (e.input, e.message))?;
    // Serialising the record for the store is done here, in parallel, not by the writer.
    // The rows are read from the document itself and the stored record written from it
    // (writing the record and reading the rows back from its text cost a twentieth of an
    // ingest).
    let input = raw.input.clone();
    pipeline.process_guarded(raw).and_then(|doc| {
        Prepared::from_doc(&doc)
            .map(Some)
            .map_err(|e| (input, format!("cannot write its record: {e}")))
    })
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{bar:30} {pos}/{len}  {rate}  ETA {eta}  {msg}"
    } else {
        "{spinner} {pos}  {rate}  {elapsed}  {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} articles/s", state.per_sec());
            },
        ));
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    pb
}

pub fn ingest(args: IngestArgs) -> Result<bool, String> {
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
    let started = Instant::now();
    // User dictionaries are read (and a bad one refused) before the store or any article.
    let pipeline = crate::dicts::pipeline(&args.dicts)?;
    let mut store = crate::db::open(&args.db)?;
    let (inputs, mut expand_errors) = expand(&args.inputs);
    // Quiet the default panic message: a panicking article becomes an error instead.
    std::panic::set_hook(Box::new(|_| {}));
    let pb = progress_bar(if std::io::stderr().is_terminal() {
        count_articles(&inputs)
    } else {
        None
    });
    let mut errors = 0u64;
    for (input, msg) in expand_errors.drain(..) {
        errors += 1;
        pb.suspend(|| eprintln!("dateline: {input}: {msg}"));
    }
    let defaults = Defaults {
        published: args.published,
        source: args.source,
        url: None,
        id: None,
    };
    // Feed URLs: what the store knows of their last version, for conditional GET.
    let mut known = HashMap::new();
    for url in inputs.iter().filter(|i| is_url(i)) {
        let state = store
            .feed_state(url)
            .map_err(|e| format!("{}: {e}", crate::db::display(&args.db)))?;
        if let Some(s) = state {
            let v = Validators {
                etag: s.etag,
                last_modified: s.last_modified,
            };
            if !v.is_empty() {
                known.insert(url.clone(), v);
            }
        }
    }
    let client = Client::new(HttpOptions {
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        max_bytes: args.max_bytes,
        ..HttpOptions::default()
    });
    let mut reader =
        Reader::new(inputs, defaults, args.max_bytes).with_http(client, known, args.fetch_articles);

    // One writer thread owns the connection; extraction hands it whole batches.
    let (tx, rx) = mpsc::sync_channel::<Vec<Option<Prepared>>>(1);
    let writer = std::thread::spawn(move || -> Result<(BatchStats, crate::db::Db), String> {
        let mut total = BatchStats::default();
        for batch in rx {
            total += store.insert_prepared(&batch).map_err(|e| e.to_string())?;
        }
        Ok((total, store))
    });

    let batch = args.batch.max(1);
    let mut read = 0u64;
    loop {
        let chunk = dateline_input::next_chunk(&mut reader, batch, BATCH_BYTES);
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len() as u64;
        let outcomes: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|item| process(&pipeline, item))
            .collect();
        let mut values = Vec::with_capacity(outcomes.len());
        for o in outcomes {
            match o {
                Ok(v) => {
                    read += 1;
                    values.push(v);
                }
                Err((input, msg)) => {
                    errors += 1;
                    pb.suspend(|| eprintln!("dateline: {input}: {msg}"));
                }
            }
        }
        pb.inc(n);
        if tx.send(values).is_err() {
            break; // the writer failed; its error is reported below
        }
    }
    drop(tx);
    let (stats, store) = writer
        .join()
        .map_err(|_| "the database writer stopped unexpectedly".to_string())??;
    pb.finish_and_clear();
    // Every article of every feed is committed now: remember the feeds' versions. A feed
    // with pages that could not be fetched keeps its old state, so the next run reads it again.
    for f in &reader.log.feeds {
        let saved = match &f.validators {
            None => {
                eprintln!("dateline: {}: not modified since the last ingest", f.url);
                store.record_feed_not_modified(&f.url)
            }
            Some(_) if f.page_errors > 0 => {
                eprintln!(
                    "dateline: {}: {} entries, {} pages not fetched: the feed will be read again",
                    f.url, f.entries, f.page_errors
                );
                Ok(())
            }
            Some(v) => {
                eprintln!("dateline: {}: {} entries", f.url, f.entries);
                store.record_feed_fetch(
                    &f.url,
                    v.etag.as_deref(),
                    v.last_modified.as_deref(),
                    f.entries,
                )
            }
        };
        saved.map_err(|e| format!("{}: {e}", crate::db::display(&args.db)))?;
    }
    let w = &reader.log.warc;
    if w.records > 0 {
        eprintln!(
            "dateline: WARC: {} records, {} HTML pages, {} other records skipped, {} unreadable",
            w.records, w.articles, w.skipped, w.errors
        );
    }
    let secs = started.elapsed().as_secs_f64();
    let plural = |n: u64, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "dateline: {}: {} read, {} new, {} already present, {} stored, {} ({:.1} s, {:.0} articles/s)",
        crate::db::display(&args.db),
        plural(read, "article"),
        stats.new,
        stats.present,
        plural(stats.events, "event"),
        plural(errors, "error"),
        secs,
        read as f64 / secs.max(1e-9),
    );
    Ok(errors == 0 && stats.invalid == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows read from the document are the rows read back from its record's text, for
    /// every example and fixture article of the repository.
    #[test]
    fn rows_from_the_document_are_the_rows_of_its_record() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let inputs: Vec<String> = [
            "examples/geneva-ceasefire.txt",
            "examples/harbour-strike.html",
            "examples/batch.jsonl",
            "crates/cli/tests/fixtures/border-talks.txt",
            "crates/cli/tests/fixtures/port-arrests.txt",
        ]
        .iter()
        .map(|p| root.join(p).display().to_string())
        .collect();
        let defaults = Defaults {
            published: Some("2016-10-15".into()),
            ..Defaults::default()
        };
        let mut reader = Reader::new(inputs, defaults, dateline_input::DEFAULT_MAX_BYTES);
        let pipeline = Pipeline::new();
        let mut events = 0;
        let mut n = 0;
        for item in dateline_input::next_chunk(&mut reader, 1000, usize::MAX) {
            // (the batch example holds articles that are refused on purpose)
            let Ok(doc) = item
                .map_err(|e| e.message)
                .and_then(|raw| pipeline.process(raw))
            else {
                continue;
            };
            let json = dateline_pipeline::to_json_string(&doc).unwrap();
            let read = Prepared::from_json(&json).unwrap().unwrap();
            let direct = Prepared::from_doc(&doc).unwrap();
            assert_eq!(direct, read, "{}", doc.meta.id);
            events += doc.events.len();
            n += 1;
        }
        assert!(n >= 6 && events > 20, "{n} articles, {events} events");
    }

    #[test]
    fn expands_directories_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("a/b")).unwrap();
        for f in [
            "a/1.txt",
            "a/b/2.jsonl",
            "a/b/3.html.gz",
            "a/notes.md",
            "x.jsonl",
        ] {
            std::fs::write(d.join(f), "{}\n").unwrap();
        }
        let s = |p: &str| d.join(p).display().to_string();
        let (files, errs) = expand(&[s("a"), s("*.jsonl"), s("nothing-*.txt"), s("gone.txt")]);
        assert_eq!(
            files,
            [
                s("a/1.txt"),
                s("a/b/2.jsonl"),
                s("a/b/3.html.gz"),
                s("x.jsonl"),
                s("gone.txt")
            ]
        );
        assert_eq!(errs.len(), 1);
        assert!(errs[0].1.contains("no file matches"));
    }

    #[test]
    fn urls_pass_through_and_only_feeds_among_xml_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("feed.xml"),
            "<?xml version=\"1.0\"?>\n<rss><channel>",
        )
        .unwrap();
        std::fs::write(d.join("sitemap.xml"), "<?xml version=\"1.0\"?><urlset/>").unwrap();
        std::fs::write(d.join("c.warc.gz"), "x").unwrap();
        std::fs::write(d.join("n.atom"), "x").unwrap();
        let s = |p: &str| d.join(p).display().to_string();
        let url = "https://news.example/feed?format=rss".to_string();
        let (files, errs) = expand(&[url.clone(), s("")]);
        assert!(errs.is_empty());
        assert_eq!(
            files,
            [url.clone(), s("c.warc.gz"), s("feed.xml"), s("n.atom")]
        );
        assert_eq!(count_articles(&[url]), None);
    }

    #[test]
    fn counts_articles_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let j = dir.path().join("a.jsonl");
        std::fs::write(&j, "{}\n\n  \n{}\n{}").unwrap();
        let t = dir.path().join("b.txt");
        std::fs::write(&t, "x").unwrap();
        let names = [j.display().to_string(), t.display().to_string()];
        assert_eq!(count_articles(&names), Some(4));
        assert_eq!(count_articles(&["-".to_string()]), None);
    }
}
