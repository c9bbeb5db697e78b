//! `dateline serve`: a JSON API and an embedded web page over a dateline store: a SQLite file,
//! or a PostgreSQL database when [`Options::db`] is a `postgres://` URL. Both are read through
//! one trait (`backend::ReadBackend`) and give the same JSON.
//!
//! - Read endpoints under `/api/` (see `openapi.json`, served at `/api/openapi.json`).
//! - One write endpoint, `POST /api/articles`, present only when the server was started with a
//!   token, and then only for requests carrying `Authorization: Bearer <token>`.
//! - The page (`/`) and its files (`/static/...`) come from a fixed table compiled into the
//!   binary ([`web`]); no path ever reaches the file system.
//!
//! Limits: request bodies ([`Options::max_body`]), page size ([`MAX_PAGE`]), query time
//! ([`Options::query_ms`], enforced by an SQLite progress handler on every read, or by
//! PostgreSQL's `statement_timeout` on every statement) and the number of queries running at
//! once ([`Options::readers`]). Every response carries a strict
//! Content-Security-Policy and `X-Content-Type-Options: nosniff`; a server on a loopback
//! address answers only requests addressed to a loopback name (DNS rebinding).

mod backend;
mod handlers;
mod pool;
pub mod web;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use backend::{Cache, ReadBackend, WriteStore, Writer};
use dateline_store::Store;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

pub use handlers::ApiError;

/// Most events (or search hits, or map points per request: [`MAX_POINTS`]) one request returns.
pub const MAX_PAGE: usize = 500;
/// Default page size.
pub const DEFAULT_PAGE: usize = 50;
/// Most map points one request returns.
pub const MAX_POINTS: usize = 5000;

/// How a server runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// The database file (created, empty, when missing), or a `postgres://` /
    /// `postgresql://` URL of a PostgreSQL database (its schema brought up to date when the
    /// role may; read-only roles need a database `dateline ingest` made).
    pub db: PathBuf,
    /// Enables the write endpoint for requests bearing this token.
    pub token: Option<String>,
    /// Longest time one database query may run, in milliseconds.
    pub query_ms: u64,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Read connections (SQLite) or sessions (PostgreSQL), and so queries running at once.
    pub readers: usize,
}

impl Options {
    pub fn new(db: impl Into<PathBuf>) -> Options {
        Options {
            db: db.into(),
            token: None,
            query_ms: 2000,
            max_body: 8 << 20,
            readers: std::thread::available_parallelism()
                .map(|n| n.get() * 2)
                .unwrap_or(4),
        }
    }
}

/// Shared state of a running server.
pub struct App {
    opts: Options,
    reader: Box<dyn ReadBackend>,
    /// The one writer, opened when a token enables writes.
    writer: Option<Writer>,
    pipeline: OnceLock<dateline_pipeline::Pipeline>,
    /// Answers of costly queries (counts, stats, map points) by request, with the store
    /// generation they were computed at.
    cache: Arc<Cache>,
    /// Host header values a loopback server accepts; `None` accepts any.
    hosts: Option<Vec<String>>,
}

impl App {
    /// Open the store (creating and migrating it if needed) and prepare a server for `addr`.
    pub fn new(opts: Options, addr: SocketAddr) -> Result<Arc<App>, String> {
        if let Some(t) = &opts.token
            && t.len() < 8
        {
            return Err("--token: use at least 8 characters".into());
        }
        let pg_url = opts
            .db
            .to_str()
            .filter(|u| dateline_store_pg::is_postgres_url(u))
            .map(str::to_string);
        let (reader, writer): (Box<dyn ReadBackend>, Option<Writer>) = match pg_url {
            Some(url) => {
                let shown = dateline_store_pg::redact(&url);
                let writer = match &opts.token {
                    Some(_) => {
                        let (u, s) = (url.clone(), shown.clone());
                        Some(Writer::start(move || {
                            dateline_store_pg::PgStore::open(&u)
                                .map(|p| WriteStore::Postgres(Box::new(p)))
                                .map_err(|e| format!("{s}: {e}"))
                        })?)
                    }
                    None => {
                        backend::prepare_postgres(&url).map_err(|e| format!("{shown}: {e}"))?;
                        None
                    }
                };
                let reader = dateline_store_pg::api::PgReader::new(&url, opts.readers.max(1))?;
                (
                    Box::new(backend::Postgres {
                        reader,
                        query_ms: opts.query_ms,
                    }),
                    writer,
                )
            }
            None => {
                let db = opts.db.display().to_string();
                // Open read-write once: creates the file and brings the schema up to date.
                let w = Store::open(&opts.db).map_err(|e| format!("{db}: {e}"))?;
                let writer = if opts.token.is_some() {
                    Some(Writer::start(move || Ok(WriteStore::Sqlite(Box::new(w))))?)
                } else {
                    drop(w);
                    None
                };
                let pool = pool::Pool::new(opts.db.clone(), opts.readers.max(1), opts.query_ms);
                // Check now that a read connection opens, so errors show at start-up.
                pool.check().map_err(|e| format!("{db}: {e}"))?;
                (Box::new(backend::Sqlite { pool }), writer)
            }
        };
        let hosts = addr.ip().is_loopback().then(|| {
            let p = addr.port();
            vec![
                format!("127.0.0.1:{p}"),
                format!("localhost:{p}"),
                format!("[::1]:{p}"),
                addr.to_string(),
            ]
        });
        Ok(Arc::new(App {
            opts,
            reader,
            writer,
            pipeline: OnceLock::new(),
            cache: Arc::new(Cache::default()),
            hosts,
        }))
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }
}

/// The full router: API, page, static files, limits and headers.
pub fn router(app: Arc<App>) -> Router {
    let max_body = app.opts.max_body;
    Router::new()
        .route("/", get(web::index))
        .route("/static/{*path}", get(web::static_file))
        .route("/api/events", get(handlers::events))
        .route("/api/events/{id}", get(handlers::event))
        .route("/api/events/{id}/article", get(handlers::event_article))
        .route(
            "/api/articles",
            axum::routing::post(handlers::post_articles).fallback(handlers::method_not_allowed),
        )
        .route("/api/articles/{id}", get(handlers::article))
        .route("/api/search", get(handlers::search))
        .route("/api/stats", get(handlers::stats))
        .route("/api/points", get(handlers::points))
        .route("/api/info", get(handlers::info))
        .route("/api/openapi.json", get(handlers::openapi))
        .fallback(handlers::not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Host check (before anything else) and security headers (on every response).
async fn guard(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if let Some(hosts) = &app.hosts {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("");
        if !hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            let mut r = ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                format!(
                    "this server answers only requests addressed to {}",
                    hosts[0]
                ),
            )
            .into_response();
            headers(&mut r);
            return r;
        }
    }
    let api = req.uri().path().starts_with("/api/");
    let mut r = next.run(req).await;
    headers(&mut r);
    if api {
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

/// The Content-Security-Policy of every response: scripts, styles and data only from this
/// server, no inline script or style attribute, no frames, no forms, no plugins.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

fn headers(r: &mut Response) {
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
}

/// Serve on a bound listener until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Bind `addr`, open the store, call `ready` with the bound address, and serve until Ctrl-C.
pub fn run(opts: Options, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let bound = listener
            .local_addr()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let app = App::new(opts, bound)?;
        ready(bound);
        serve(listener, app, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("server: {e}"))
    })
}
