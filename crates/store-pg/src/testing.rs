//! A throw-away PostgreSQL server for tests and benchmarks: `initdb` and `pg_ctl` from
//! Debian's packages, in a fresh temporary directory, listening only on a unix socket in that
//! directory (no TCP port, so nothing collides with another server on the machine), stopped and
//! deleted on drop.
//!
//! PostgreSQL refuses to run as root. When the process is root, the server runs as the user
//! `dateline-pg` (made by `.ci/setup.d/50-postgres.sh`) or else `nobody`, through `runuser`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

static SERIAL: AtomicUsize = AtomicUsize::new(0);

/// A running temporary server.
pub struct TempPostgres {
    dir: PathBuf,
    bin: PathBuf,
    run_as: Option<String>,
    port: u16,
}

/// The directory of `initdb` and `pg_ctl`: `$DATELINE_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin` that has both.
pub fn find_bin() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DATELINE_PG_BIN") {
        let d = PathBuf::from(d);
        return d.join("initdb").is_file().then_some(d);
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            (bin.join("initdb").is_file() && bin.join("pg_ctl").is_file()).then_some((v, bin))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, b)| b)
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|u| u == "0"))
        })
        .unwrap_or(false)
}

fn user_exists(name: &str) -> bool {
    std::fs::read_to_string("/etc/passwd")
        .map(|p| p.lines().any(|l| l.split(':').next() == Some(name)))
        .unwrap_or(false)
}

impl TempPostgres {
    /// Start a server, or print why not and return `None` when PostgreSQL is not installed.
    /// Panics when it is installed but does not start (that is a failure, not a skip).
    pub fn start() -> Option<TempPostgres> {
        Self::start_with(&[])
    }

    /// [`TempPostgres::start`] with server settings (`("shared_buffers", "1GB")`).
    pub fn start_with(settings: &[(&str, &str)]) -> Option<TempPostgres> {
        let Some(bin) = find_bin() else {
            eprintln!(
                "NOTICE: PostgreSQL (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin \
                 or $DATELINE_PG_BIN: skipping the PostgreSQL test. Install it with \
                 .ci/setup.d/50-postgres.sh"
            );
            return None;
        };
        let run_as = is_root().then(|| {
            if user_exists("dateline-pg") {
                "dateline-pg".to_string()
            } else {
                "nobody".to_string()
            }
        });
        let n = SERIAL.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("dateline-pg-{}-{n}-{nanos:x}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the PostgreSQL temp dir");
        let pg = TempPostgres {
            dir,
            bin,
            run_as,
            // Only the socket file's name carries the port: the directory is private.
            port: 5433,
        };
        if let Some(u) = &pg.run_as {
            let ok = Command::new("chown")
                .arg(u)
                .arg(&pg.dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "chown {u} {}", pg.dir.display());
        }
        let data = pg.dir.join("data");
        pg.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "dateline".as_ref(),
                "--auth=trust".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--no-locale".as_ref(),
            ],
        );
        let mut opts = format!(
            "-k {} -c listen_addresses= -p {} -c max_connections=40",
            pg.dir.display(),
            pg.port
        );
        for (k, v) in settings {
            assert!(
                [k, v].iter().all(|s| s
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')),
                "setting {k}={v}"
            );
            opts.push_str(&format!(" -c {k}={v}"));
        }
        let log = pg.dir.join("server.log");
        pg.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-l".as_ref(),
                log.as_os_str(),
                "-o".as_ref(),
                opts.as_ref(),
                "-w".as_ref(),
                "-t".as_ref(),
                "60".as_ref(),
                "start".as_ref(),
            ],
        );
        Some(pg)
    }

    fn command(&self, tool: &str) -> Command {
        let exe = self.bin.join(tool);
        match &self.run_as {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }

    fn run(&self, tool: &str, args: &[&std::ffi::OsStr]) {
        let out = self
            .command(tool)
            .args(args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
        if !out.status.success() {
            let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
            panic!(
                "{tool} failed ({}):\n{}\n{}\n{log}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }

    /// The directory of the server's socket (and data).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// CPU seconds (user + system) used so far by the server's running processes (the
    /// postmaster's children: backends, writers, autovacuum), for benchmarks.
    pub fn server_cpu_seconds(&self) -> f64 {
        let pid = std::fs::read_to_string(self.dir.join("data/postmaster.pid"))
            .ok()
            .and_then(|s| s.lines().next().map(str::to_string))
            .unwrap_or_default();
        let mut total = 0.0;
        for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
                continue;
            };
            let f: Vec<&str> = stat
                .rsplit(')')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect();
            let mine =
                e.file_name().to_str() == Some(pid.as_str()) || f.get(1) == Some(&pid.as_str());
            if mine && f.len() > 12 {
                let t = |i: usize| f[i].parse::<f64>().unwrap_or(0.0);
                total += (t(11) + t(12)) / 100.0;
            }
        }
        total
    }

    /// A `postgresql://` URL for a database of this server (`postgres` always exists).
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgresql:///{database}?host={}&port={}&user=dateline",
            self.dir.display(),
            self.port
        )
    }

    /// Create a database and return its URL.
    pub fn create_database(&self, name: &str) -> String {
        assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        let mut c = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .expect("connect to the test server");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        self.url(name)
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self
            .command("pg_ctl")
            .args(["-D".as_ref(), data.as_os_str()])
            .args(["-m", "fast", "-w", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
