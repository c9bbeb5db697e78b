//! `dateline serve`: the JSON API and the map page over a database (crate `dateline-serve`,
//! docs/serve.md), optionally after ingesting inputs into it.

use clap::Parser;
use std::io::Write;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The database file (created if missing), or a PostgreSQL database as a `postgres://` URL
    /// (docs/postgres.md).
    #[arg(long, default_value = dateline_store::DEFAULT_DB)]
    pub db: PathBuf,
    /// Address to listen on. The default is reachable from this machine only; port 0 picks a
    /// free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Enable the write endpoint (POST /api/articles) for requests with
    /// `Authorization: Bearer TOKEN` (at least 8 characters). Without it the server is
    /// read-only. Also read from the environment variable DATELINE_TOKEN.
    #[arg(long)]
    pub token: Option<String>,
    /// Ingest these inputs (as `dateline ingest` does) before serving.
    #[arg(long, num_args = 1.., value_name = "INPUT")]
    pub ingest: Vec<String>,
    /// Longest time one database query may run, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub query_ms: u64,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20)]
    pub max_body: usize,
}

/// `dateline ingest`'s arguments, parsed the way its command line would be.
#[derive(Parser)]
struct IngestLine {
    #[command(flatten)]
    args: crate::ingest::IngestArgs,
}

fn resolve(addr: &str) -> Result<SocketAddr, String> {
    addr.to_socket_addrs()
        .map_err(|e| format!("--addr {addr:?}: {e} (give HOST:PORT, e.g. 127.0.0.1:8080)"))?
        .next()
        .ok_or_else(|| format!("--addr {addr:?}: no address"))
}

pub fn serve(args: ServeArgs) -> Result<bool, String> {
    let addr = resolve(&args.addr)?;
    let token = args
        .token
        .or_else(|| std::env::var("DATELINE_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let mut all_ok = true;
    if !args.ingest.is_empty() {
        let mut line: Vec<String> = vec!["ingest".into(), "--db".into()];
        line.push(args.db.display().to_string());
        line.push("--".into());
        line.extend(args.ingest.iter().cloned());
        let parsed = IngestLine::try_parse_from(line).map_err(|e| e.to_string())?;
        // Bad articles are reported and counted by ingest; the server starts all the same.
        all_ok = crate::ingest::ingest(parsed.args)?;
    }
    if !addr.ip().is_loopback() {
        eprintln!(
            "dateline: warning: listening on {addr}, reachable from other machines; the API \
             has no authentication for reading"
        );
    }
    let mut opts = dateline_serve::Options::new(&args.db);
    opts.token = token;
    opts.query_ms = args.query_ms;
    opts.max_body = args.max_body;
    let writable = opts.token.is_some();
    // A PostgreSQL URL is shown with its password hidden.
    let db = crate::db::display(&args.db);
    dateline_serve::run(opts, addr, move |bound| {
        eprintln!(
            "dateline: serving {db} ({}); Ctrl-C stops",
            if writable {
                "POST /api/articles with the token"
            } else {
                "read-only"
            }
        );
        let mut out = std::io::stdout();
        let _ = writeln!(out, "http://{bound}/");
        let _ = out.flush();
    })?;
    Ok(all_ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            resolve("127.0.0.1:8080").unwrap(),
            "127.0.0.1:8080".parse().unwrap()
        );
        assert!(resolve("localhost:0").unwrap().ip().is_loopback());
        assert!(resolve("127.0.0.1").unwrap_err().contains("HOST:PORT"));
    }

    #[test]
    fn ingest_arguments_parse_like_the_command() {
        let p =
            IngestLine::try_parse_from(["ingest", "--db", "x.db", "--", "examples/", "-"]).unwrap();
        assert_eq!(p.args.inputs, ["examples/", "-"]);
        assert_eq!(p.args.db, PathBuf::from("x.db"));
    }
}
