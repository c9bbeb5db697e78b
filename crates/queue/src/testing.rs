//! A throw-away `nats-server -js` for tests and benchmarks (Debian's `nats-server`, installed by
//! `.ci/setup.d/61-nats.sh`): a free loopback port, JetStream storage in a fresh temporary
//! directory, killed and deleted on drop.

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running temporary server.
pub struct TempNats {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl TempNats {
    /// Start a server, or print a notice naming `what` would be skipped and return `None` when
    /// `nats-server` is not installed. Panics when an installed server does not come up.
    pub fn start(what: &str) -> Option<TempNats> {
        let installed = Command::new("nats-server")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !installed {
            println!("notice: nats-server not found (.ci/setup.d/61-nats.sh) — skipping {what}");
            return None;
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        let child = Command::new("nats-server")
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        let nats = TempNats {
            child,
            port,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(nats)
    }

    /// The server's loopback port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// A `nats://` URL naming `subject` on this server, as `ingest --to` and `work --from` take.
    pub fn url(&self, subject: &str) -> String {
        format!("nats://127.0.0.1:{}/{subject}", self.port)
    }
}

impl Drop for TempNats {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
