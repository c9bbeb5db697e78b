//! `dateline query`: filter the events of a store and print them.

use dateline_store::{ClusterQuery, ClusteredRow, Filter};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(clap::Args)]
pub struct QueryArgs {
    /// The database file.
    #[arg(long, default_value = dateline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// Actor code or code prefix, as source or target (`USA`, `SYRREB`, `IGO`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Actor country, ISO 3166-1 alpha-3 as in actor codes, as source or target.
    #[arg(long)]
    pub country: Option<String>,
    /// CAMEO event code prefix (`04`, `043`, `1823`).
    #[arg(long)]
    pub cameo: Option<String>,
    /// CAMEO root code (`19`; `4` means `04`).
    #[arg(long)]
    pub root: Option<String>,
    /// PLOVER event type (`ASSAULT`, `CONSULT`, ...).
    #[arg(long)]
    pub plover: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    /// conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Event status.
    #[arg(long, value_parser = ["occurred", "negated", "planned", "hypothetical"])]
    pub status: Option<String>,
    /// Events whose date lies on or after this date (`2024-03-01`, `2024-03`, `2024`).
    #[arg(long)]
    pub from: Option<String>,
    /// Events whose date lies on or before the end of this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Country of the event's place, ISO 3166-1 alpha-2.
    #[arg(long)]
    pub place_country: Option<String>,
    /// First-level division of the event's place, by name.
    #[arg(long)]
    pub admin1: Option<String>,
    /// Bounding box of the event's place: min_lon,min_lat,max_lon,max_lat.
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,
    /// Outlet (source) of the article.
    #[arg(long)]
    pub source: Option<String>,
    /// Full-text search over article titles and texts (SQLite FTS5 syntax: words, "phrases",
    /// AND/OR/NOT, prefix*).
    #[arg(long)]
    pub text: Option<String>,
    /// Only events whose confidence (the coder's estimate that the event is real, 0-1) is at
    /// least this: on two held-out audits 0.6 kept 59-70% of the real events and 26-32% of the
    /// false ones (BENCHMARKS.md, "Event confidence").
    #[arg(long, value_parser = parse_confidence)]
    pub min_confidence: Option<f64>,
    /// Most events printed; 0 for all.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    /// Events skipped before the first printed (paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Only the mentions of this event cluster (`ev…`, as printed in the `cluster` column).
    #[arg(long)]
    pub cluster: Option<String>,
    /// One row per real-world event (cluster) instead of one per mention: of each cluster's
    /// matching mentions, the first stored. `--count` then counts events.
    #[arg(long)]
    pub distinct: bool,
    /// Print only how many events match.
    #[arg(long)]
    pub count: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| "expected four numbers: min_lon,min_lat,max_lon,max_lat".to_string())?;
    let [a, b, c, d] = v[..] else {
        return Err("expected four numbers: min_lon,min_lat,max_lon,max_lat".into());
    };
    if !(-180.0..=180.0).contains(&a)
        || !(-180.0..=180.0).contains(&c)
        || !(-90.0..=90.0).contains(&b)
        || !(-90.0..=90.0).contains(&d)
    {
        return Err("longitudes lie in -180..180, latitudes in -90..90".into());
    }
    Ok([a, b, c, d])
}

fn opt(o: &Option<String>) -> String {
    o.clone().unwrap_or_default()
}

/// Cut a cell to `max` characters, marking the cut.
fn cell(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\t'], " ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn table(rows: &[ClusteredRow], out: &mut impl Write) -> io::Result<()> {
    const HEAD: [(&str, usize); 14] = [
        ("date", 21),
        ("cameo", 5),
        ("quad", 4),
        ("status", 12),
        ("conf", 4),
        ("source", 12),
        ("target", 12),
        ("place", 18),
        ("cc", 2),
        ("outlet", 16),
        ("article/event", 24),
        ("cluster", 18),
        ("m/a/s", 11),
        ("evidence", 70),
    ];
    let cells: Vec<[String; 14]> = rows
        .iter()
        .map(|c| {
            let r = &c.row;
            let n = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
            let row = [
                opt(&r.date),
                r.cameo.clone(),
                r.quad_class.map(|q| q.to_string()).unwrap_or_default(),
                r.status.clone(),
                r.confidence.map(|c| format!("{c:.2}")).unwrap_or_default(),
                opt(&r.source_actor),
                opt(&r.target_actor),
                opt(&r.place),
                opt(&r.place_country),
                opt(&r.outlet),
                format!("{}/{}", r.article, r.event),
                opt(&c.cluster),
                format!("{}/{}/{}", n(c.mentions), n(c.articles), n(c.sources)),
                opt(&r.evidence),
            ];
            let mut i = 0;
            row.map(|c| {
                let max = HEAD[i].1;
                i += 1;
                cell(&c, max)
            })
        })
        .collect();
    let widths: Vec<usize> = (0..HEAD.len())
        .map(|i| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([HEAD[i].0.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut dyn Write, vals: Vec<&str>| -> io::Result<()> {
        let mut s = String::new();
        for (i, v) in vals.iter().enumerate() {
            if i + 1 == vals.len() {
                s.push_str(v);
            } else {
                s.push_str(v);
                s.extend(std::iter::repeat_n(' ', widths[i] - v.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, HEAD.iter().map(|h| h.0).collect())?;
    for r in &cells {
        line(out, r.iter().map(String::as_str).collect())?;
    }
    Ok(())
}

fn parse_confidence(s: &str) -> Result<f64, String> {
    let c: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("a number from 0 to 1, got {s:?}"))?;
    dateline_store::check_confidence(c).map_err(|e| e.to_string())
}

pub fn query(args: QueryArgs) -> Result<bool, String> {
    if !crate::db::is_url(&args.db) && !args.db.exists() {
        return Err(format!(
            "{}: no such database (create it with `dateline ingest`)",
            args.db.display()
        ));
    }
    let store = crate::db::open_read_only(&args.db)?;
    let filter = Filter {
        actor: args.actor,
        country: args.country,
        cameo: args.cameo,
        root: args.root,
        plover: args.plover,
        quad: args.quad,
        status: args.status,
        from: args.from,
        to: args.to,
        place_country: args.place_country,
        admin1: args.admin1,
        bbox: args.bbox,
        source: args.source,
        text: args.text,
        min_confidence: args.min_confidence,
        limit: args.limit,
        offset: args.offset,
    };
    let cq = ClusterQuery {
        cluster: args.cluster,
        distinct: args.distinct,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let write_err = |e: io::Error| format!("cannot write output: {e}");
    if args.count {
        let n = store
            .count_clustered(&filter, &cq)
            .map_err(|e| e.to_string())?;
        writeln!(out, "{n}").map_err(write_err)?;
        return out.flush().map(|_| true).map_err(write_err);
    }
    let rows = store
        .query_clustered(&filter, &cq)
        .map_err(|e| e.to_string())?;
    let result = match args.format {
        OutputFormat::Table => table(&rows, &mut out),
        OutputFormat::Jsonl => rows.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r)?;
            writeln!(out)
        }),
        OutputFormat::Csv => csv_rows(&rows, &mut out),
    };
    match result.and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(e) => Err(write_err(e)),
        Ok(()) => Ok(true),
    }
}

/// CSV with a header: the fields of the JSON Lines output, in the same order.
fn csv_rows(rows: &[ClusteredRow], out: &mut impl Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = false;
    for r in rows {
        let v = serde_json::to_value(r).map_err(io::Error::other)?;
        let Some(obj) = v.as_object() else { continue };
        if !header {
            w.write_record(obj.keys()).map_err(io::Error::other)?;
            header = true;
        }
        w.write_record(obj.values().map(|x| match x {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }))
        .map_err(io::Error::other)?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_values() {
        assert_eq!(
            parse_bbox("-10,35,30.5,60").unwrap(),
            [-10.0, 35.0, 30.5, 60.0]
        );
        assert!(parse_bbox("1,2,3").is_err());
        assert!(parse_bbox("0,0,0,95").is_err());
        assert!(parse_bbox("a,b,c,d").is_err());
    }

    #[test]
    fn cells_are_cut_on_characters() {
        assert_eq!(cell("Zürich\nstreet", 20), "Zürich street");
        assert_eq!(cell("Zürich", 4), "Zür…");
    }
}
