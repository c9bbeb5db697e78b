//! `dateline export`: event mentions in the formats analysts already use (GDELT 2.0 event table,
//! PLOVER JSON, ACLED-shaped CSV, Parquet), from a database made by `ingest` or from
//! `dateline/1` JSON Lines made by `extract`. Records are streamed one at a time. From a
//! database, each mention carries its cross-article cluster and its counts. See
//! docs/exports.md.

use clap::{Args, ValueEnum};
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header unless --header.
    Gdelt,
    /// PLOVER JSON records, one per line.
    Plover,
    /// ACLED-shaped CSV with a header row.
    Acled,
    /// Parquet: typed columns, one row per mention (needs --out FILE).
    Parquet,
}

#[derive(Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: Format,
    /// Read the articles of this database (made by `dateline ingest`).
    #[arg(long, conflicts_with = "files")]
    db: Option<String>,
    /// Or read dateline/1 JSON Lines files (`-` or none: standard input).
    files: Vec<String>,
    /// Write GDELT's column names as a first line.
    #[arg(long)]
    header: bool,
    /// Write to this file instead of standard output (required for Parquet).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
}

/// Where rows go: a text stream, or a Parquet file.
enum Sink {
    Text(BufWriter<Box<dyn Write>>),
    Parquet(Box<dateline_export::ParquetWriter<BufWriter<File>>>),
}

/// Write the rows of one record. Returns an error only for output failures.
fn write_record(format: Format, record: &Value, sink: &mut Sink) -> io::Result<()> {
    let out = match sink {
        Sink::Parquet(w) => return w.add(record),
        Sink::Text(out) => out,
    };
    match format {
        Format::Parquet => {}
        Format::Gdelt => {
            for row in dateline_export::gdelt_rows(record) {
                writeln!(out, "{}", row.join("\t"))?;
            }
        }
        Format::Plover => {
            for r in dateline_export::plover_records(record) {
                writeln!(out, "{r}")?;
            }
        }
        Format::Acled => {
            let mut w = csv::Writer::from_writer(Vec::new());
            for row in dateline_export::acled_rows(record) {
                w.write_record(&row)?;
            }
            let bytes = w.into_inner().map_err(|e| e.into_error())?;
            out.write_all(&bytes)?;
        }
    }
    Ok(())
}

/// Run the command; `Ok(false)` when some input could not be read (reported on stderr).
pub fn run(args: ExportArgs) -> Result<bool, String> {
    let target = args
        .out
        .as_ref()
        .map_or("standard output".to_string(), |p| p.display().to_string());
    // A reader that stops early (`| head`) is not an error: stop quietly, as `extract` does.
    let io_err = |e: io::Error| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        format!("cannot write {target}: {e}")
    };
    let mut sink = match (args.format, &args.out) {
        (Format::Parquet, None) => {
            return Err("--format parquet needs a file: add --out FILE.parquet".into());
        }
        (Format::Parquet, Some(p)) => {
            let f = File::create(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Sink::Parquet(Box::new(
                dateline_export::ParquetWriter::new(BufWriter::new(f)).map_err(io_err)?,
            ))
        }
        (_, Some(p)) => {
            let f = File::create(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Sink::Text(BufWriter::new(Box::new(f)))
        }
        (_, None) => Sink::Text(BufWriter::new(Box::new(io::stdout()))),
    };
    if let Sink::Text(out) = &mut sink {
        write_header(&args, out).map_err(io_err)?;
    }
    let ok = write_all(&args, &mut sink, &io_err)?;
    match sink {
        Sink::Text(mut out) => out.flush().map_err(io_err)?,
        Sink::Parquet(w) => {
            w.finish().map_err(io_err)?;
        }
    }
    Ok(ok)
}

fn write_header(args: &ExportArgs, out: &mut dyn Write) -> io::Result<()> {
    match args.format {
        Format::Gdelt if args.header => {
            writeln!(out, "{}", dateline_export::GDELT_COLUMNS.join("\t"))?
        }
        Format::Acled => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(dateline_export::ACLED_COLUMNS)?;
            w.flush()?;
            out.write_all(w.get_ref())?;
        }
        _ => {}
    }
    Ok(())
}

fn write_all(
    args: &ExportArgs,
    out: &mut Sink,
    io_err: &dyn Fn(io::Error) -> String,
) -> Result<bool, String> {
    let mut ok = true;
    if let Some(db) = &args.db {
        let store = crate::db::open_read_only(std::path::Path::new(db))?;
        let db = &crate::db::display(std::path::Path::new(db));
        let ids: Vec<String> = store.doc_ids().map_err(|e| format!("{db}: {e}"))?;
        for id in ids {
            match store.article_clustered(&id) {
                Ok(Some(rec)) => write_record(args.format, &rec, out).map_err(io_err)?,
                Ok(None) => {}
                Err(e) => {
                    eprintln!("dateline: {db}: article {id}: {e}");
                    ok = false;
                }
            }
        }
    } else {
        let files = if args.files.is_empty() {
            vec!["-".to_string()]
        } else {
            args.files.clone()
        };
        for name in files {
            let reader: Box<dyn BufRead> = if name == "-" {
                Box::new(BufReader::new(io::stdin()))
            } else {
                match std::fs::File::open(&name) {
                    Ok(f) => Box::new(BufReader::new(f)),
                    Err(e) => {
                        eprintln!("dateline: {name}: {e}");
                        ok = false;
                        continue;
                    }
                }
            };
            for (n, line) in reader.lines().enumerate() {
                let line = match line {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("dateline: {name}:{}: {e}", n + 1);
                        ok = false;
                        break;
                    }
                };
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(&line) {
                    // error lines of `extract` carry no article: nothing to export
                    Ok(rec) if rec.get("article").is_some() => {
                        write_record(args.format, &rec, out).map_err(io_err)?
                    }
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("dateline: {name}:{}: not a dateline/1 record: {e}", n + 1);
                        ok = false;
                    }
                }
            }
        }
    }
    Ok(ok)
}
