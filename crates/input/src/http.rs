//! Reading feeds and pages over HTTP(S): a blocking `ureq` client with a timeout, a response
//! size limit, a bounded number of redirects and conditional GET (`If-None-Match`,
//! `If-Modified-Since`), and errors that say what went wrong (name resolution, connection,
//! timeout, HTTP status, size).

use std::time::Duration;
use ureq::ResponseExt;

/// Limits for every request.
#[derive(Clone, Debug)]
pub struct HttpOptions {
    /// Whole request, connection to last byte.
    pub timeout: Duration,
    /// Largest response body accepted, in bytes (after content decoding).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            timeout: Duration::from_secs(30),
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What a server said about a resource's version, to ask next time whether it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// The answer to a GET.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetched {
    /// 304: unchanged since the validators were given.
    NotModified,
    /// 200 with its body.
    Body {
        bytes: Vec<u8>,
        content_type: Option<String>,
        /// The URL after redirects.
        url: String,
        validators: Validators,
    },
}

/// A reusable client (keeps connections alive between requests to the same host).
#[derive(Clone)]
pub struct Client {
    agent: ureq::Agent,
    options: HttpOptions,
}

impl Client {
    pub fn new(options: HttpOptions) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .http_status_as_error(false)
            .user_agent(concat!("dateline/", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: config.into(),
            options,
        }
    }

    /// GET `url`, conditionally when `validators` are given. Errors are one line that names
    /// the problem (the caller names the URL).
    pub fn get(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, String> {
        let mut req = self.agent.get(url);
        if let Some(v) = validators {
            if let Some(e) = &v.etag {
                req = req.header("If-None-Match", e);
            }
            if let Some(m) = &v.last_modified {
                req = req.header("If-Modified-Since", m);
            }
        }
        let resp = req.call().map_err(|e| describe(&e, &self.options))?;
        let status = resp.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            let reason = resp.status().canonical_reason().unwrap_or("");
            return Err(format!("HTTP {status} {reason}").trim_end().to_string());
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let final_url = resp.get_uri().to_string();
        let bytes = resp
            .into_body()
            .into_with_config()
            .limit(self.options.max_bytes)
            .read_to_vec()
            .map_err(|e| describe(&e, &self.options))?;
        Ok(Fetched::Body {
            bytes,
            content_type,
            url: final_url,
            validators,
        })
    }
}

fn describe(e: &ureq::Error, o: &HttpOptions) -> String {
    match e {
        ureq::Error::HostNotFound => "host not found (DNS lookup failed)".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        ureq::Error::Timeout(_) => format!("timed out after {} s", o.timeout.as_secs()),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", o.max_redirects)
        }
        ureq::Error::BodyExceedsLimit(n) => {
            format!("response larger than the {} MB limit", n / (1024 * 1024))
        }
        ureq::Error::BadUri(u) => format!("bad URL: {u}"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".into()
        }
        // The system resolver's failure comes as an I/O error.
        ureq::Error::Io(io) if io.to_string().contains("lookup address") => {
            format!("host not found (DNS lookup failed: {io})")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unresolvable_and_refused_hosts_say_so() {
        let c = Client::new(HttpOptions {
            timeout: Duration::from_secs(5),
            ..HttpOptions::default()
        });
        let e = c
            .get("http://no-such-host.invalid/feed.xml", None)
            .unwrap_err();
        assert!(e.contains("host not found"), "{e}");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let e = c
            .get(&format!("http://127.0.0.1:{port}/"), None)
            .unwrap_err();
        assert!(e.contains("connection refused"), "{e}");
        let e = c.get("ftp://x.example/", None).unwrap_err();
        assert!(!e.is_empty());
    }
}
