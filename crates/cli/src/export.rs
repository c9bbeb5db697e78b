//! `dateline export`: event mentions in the formats analysts already use (GDELT 2.0 event table,
//! PLOVER JSON, ACLED-shaped CSV), from a database made by `ingest` or from `dateline/1` JSON
//! Lines made by `extract`. Records are streamed one at a time. See docs/exports.md.

use clap::{Args, ValueEnum};
use dateline_store::{EventStore, Store};
use serde_json::Value;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header unless --header.
    Gdelt,
    /// PLOVER JSON records, one per line.
    Plover,
    /// ACLED-shaped CSV with a header row.
    Acled,
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
}

/// Write the rows of one record. Returns an error only for output failures.
fn write_record(format: Format, record: &Value, out: &mut dyn Write) -> io::Result<()> {
    match format {
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
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // A reader that stops early (`| head`) is not an error: stop quietly, as `extract` does.
    let io_err = |e: io::Error| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        format!("cannot write output: {e}")
    };
    match args.format {
        Format::Gdelt if args.header => {
            writeln!(out, "{}", dateline_export::GDELT_COLUMNS.join("\t")).map_err(io_err)?
        }
        Format::Acled => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(dateline_export::ACLED_COLUMNS)
                .map_err(|e| e.to_string())?;
            w.flush().map_err(io_err)?;
            out.write_all(w.get_ref()).map_err(io_err)?;
        }
        _ => {}
    }
    let mut ok = true;
    if let Some(db) = &args.db {
        let store = Store::open_read_only(db).map_err(|e| format!("{db}: {e}"))?;
        let ids: Vec<String> = {
            let mut stmt = store
                .connection()
                .prepare("SELECT DISTINCT doc_id FROM articles ORDER BY id")
                .map_err(|e| format!("{db}: {e}"))?;
            stmt.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(|e| format!("{db}: {e}"))?
        };
        for id in ids {
            match store.article(&id) {
                Ok(Some(rec)) => write_record(args.format, &rec, &mut out).map_err(io_err)?,
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
                        write_record(args.format, &rec, &mut out).map_err(io_err)?
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
    out.flush().map_err(io_err)?;
    Ok(ok)
}
