//! The API's handlers. Every answer is JSON; every error is `{"error": "..."}` with a status
//! that says whose fault it was (4xx: the request's, 503: the time limit, 500: ours).

use crate::{App, DEFAULT_PAGE, MAX_PAGE, MAX_POINTS};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dateline_store::{Filter, Prepared};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    interrupted: bool,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            interrupted: false,
        }
    }

    /// A query stopped by the time limit (see [`ApiError::timed_out`]).
    pub fn interrupted() -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: "the query ran longer than the server's limit".into(),
            interrupted: true,
        }
    }

    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    fn not_found(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, what)
    }

    /// Say how long the limit was when the database was interrupted by it.
    pub fn timed_out(mut self, limit: Duration) -> ApiError {
        if self.interrupted {
            self.message = format!(
                "the query ran longer than the server's limit of {} ms: narrow the filter",
                limit.as_millis()
            );
        }
        self
    }
}

impl From<dateline_store::Error> for ApiError {
    fn from(e: dateline_store::Error) -> ApiError {
        match e {
            dateline_store::Error::Filter(m) => ApiError::bad(m.replace("--", "")),
            dateline_store::Error::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                ApiError::interrupted()
            }
            e => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(json!({ "error": self.message }))).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"dateline\""),
            );
        }
        r
    }
}

type ApiResult = Result<Response, ApiError>;

/// A JSON body already serialised.
fn json_text(s: impl Into<String>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        Into::<String>::into(s),
    )
        .into_response()
}

use crate::backend::to_json;

fn parse_query<T: for<'de> Deserialize<'de>>(q: &Option<String>) -> Result<T, ApiError> {
    serde_urlencoded::from_str(q.as_deref().unwrap_or(""))
        .map_err(|e| ApiError::bad(format!("query string: {e}")))
}

/// Query parameters of `/api/events`, `/api/stats` and `/api/points`: the filters of
/// `dateline query`. An empty value means "no filter".
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FilterParams {
    actor: Option<String>,
    country: Option<String>,
    cameo: Option<String>,
    root: Option<String>,
    plover: Option<String>,
    quad: Option<String>,
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
    place_country: Option<String>,
    admin1: Option<String>,
    bbox: Option<String>,
    source: Option<String>,
    text: Option<String>,
    min_confidence: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

fn nonempty(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn number(name: &str, v: Option<String>, default: usize, max: usize) -> Result<usize, ApiError> {
    match nonempty(v) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            Ok(_) => Err(ApiError::bad(format!("{name} must be at most {max}"))),
            Err(_) => Err(ApiError::bad(format!(
                "{name} must be a whole number, got {s:?}"
            ))),
        },
    }
}

fn bbox(s: &str) -> Result<[f64; 4], ApiError> {
    let msg = "bbox is min_lon,min_lat,max_lon,max_lat (degrees)";
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| ApiError::bad(msg))?;
    let [a, b, c, d] = v[..] else {
        return Err(ApiError::bad(msg));
    };
    if ![a, c].iter().all(|x| (-180.0..=180.0).contains(x))
        || ![b, d].iter().all(|x| (-90.0..=90.0).contains(x))
    {
        return Err(ApiError::bad(
            "bbox: longitudes lie in -180..180, latitudes in -90..90",
        ));
    }
    Ok([a, b, c, d])
}

impl FilterParams {
    fn filter(self, max_limit: usize) -> Result<Filter, ApiError> {
        let quad = match nonempty(self.quad) {
            None => None,
            Some(q) => match q.parse::<u8>() {
                Ok(n @ 1..=4) => Some(n),
                _ => {
                    return Err(ApiError::bad(format!(
                        "quad must be 1, 2, 3 or 4, got {q:?}"
                    )));
                }
            },
        };
        Ok(Filter {
            actor: nonempty(self.actor),
            country: nonempty(self.country),
            cameo: nonempty(self.cameo),
            root: nonempty(self.root),
            plover: nonempty(self.plover),
            quad,
            status: nonempty(self.status),
            from: nonempty(self.from),
            to: nonempty(self.to),
            place_country: nonempty(self.place_country),
            admin1: nonempty(self.admin1),
            bbox: nonempty(self.bbox).map(|b| bbox(&b)).transpose()?,
            source: nonempty(self.source),
            text: nonempty(self.text),
            // its range is the store's to check (a filter error is a bad request)
            min_confidence: nonempty(self.min_confidence)
                .map(|c| {
                    c.parse::<f64>().map_err(|_| {
                        ApiError::bad(format!(
                            "min_confidence must be a number from 0 to 1, got {c:?}"
                        ))
                    })
                })
                .transpose()?,
            limit: number("limit", self.limit, DEFAULT_PAGE, max_limit)?,
            offset: number("offset", self.offset, 0, 10_000_000)?,
        })
    }
}

pub async fn events(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let filter = parse_query::<FilterParams>(&q)?.filter(MAX_PAGE)?;
    if filter.limit == 0 {
        return Err(ApiError::bad(format!("limit must be 1..{MAX_PAGE}")));
    }
    let v = app.reader.events(app.cache.clone(), filter).await?;
    Ok(json_text(v.as_str()))
}

fn id_of(s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::not_found(format!("no event {s:?}: event ids are positive numbers"))
    })
}

pub async fn event(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let n = id_of(&id)?;
    match app.reader.event(n).await? {
        Some(d) => Ok(json_text(to_json(&d)?)),
        None => Err(ApiError::not_found(format!("no event {n}"))),
    }
}

pub async fn event_article(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let n = id_of(&id)?;
    match app.reader.event_article(n).await? {
        Some(v) => Ok(json_text(to_json(&v)?)),
        None => Err(ApiError::not_found(format!("no event {n}"))),
    }
}

pub async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    match app.reader.article(id.clone()).await? {
        Some(v) => Ok(json_text(to_json(&v)?)),
        None => Err(ApiError::not_found(format!("no article with id {id:?}"))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

pub async fn search(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let p: SearchParams = parse_query(&q)?;
    let Some(text) = nonempty(p.q) else {
        return Err(ApiError::bad(
            "q: give an FTS5 query (words, \"phrases\", AND/OR/NOT, prefix*)",
        ));
    };
    let limit = number("limit", p.limit, DEFAULT_PAGE, MAX_PAGE)?.max(1);
    let offset = number("offset", p.offset, 0, 10_000_000)?;
    let v = app
        .reader
        .search(app.cache.clone(), text, limit, offset)
        .await?;
    Ok(json_text(v.as_str()))
}

pub async fn stats(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let filter = parse_query::<FilterParams>(&q)?.filter(MAX_PAGE)?;
    let filter = Filter {
        limit: 0,
        offset: 0,
        ..filter
    };
    let v = app.reader.stats(app.cache.clone(), filter).await?;
    Ok(json_text(v.as_str()))
}

pub async fn points(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> ApiResult {
    let filter = parse_query::<FilterParams>(&q)?.filter(MAX_POINTS)?;
    let limit = if filter.limit == 0 {
        MAX_POINTS
    } else {
        filter.limit
    };
    let filter = Filter {
        limit,
        offset: 0,
        ..filter
    };
    let v = app.reader.points(app.cache.clone(), filter, limit).await?;
    Ok(json_text(v.as_str()))
}

pub async fn info(State(app): State<Arc<App>>) -> ApiResult {
    let writable = app.writer.is_some();
    let opts = app.options().clone();
    let (c, cs) = app.reader.info().await?;
    Ok(json_text(to_json(&json!({
        "articles": c.articles,
        "events": c.events,
        "clusters": cs.column,
        "writable": writable,
        "limits": {
            "page": MAX_PAGE,
            "points": MAX_POINTS,
            "query_ms": opts.query_ms,
            "body_bytes": opts.max_body,
        },
        "version": env!("CARGO_PKG_VERSION"),
    }))?))
}

pub async fn openapi() -> Response {
    json_text(include_str!("openapi.json"))
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such page or endpoint")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "use POST on /api/articles")
}

/// Compare without an early exit, so response time tells nothing about the token.
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= (*x ^ b.get(i).copied().unwrap_or(!*x)) as usize;
    }
    diff == 0
}

/// `POST /api/articles`: extract and store articles given as JSON Lines (the `extract` input
/// format: `{"id", "text" | "html", "published"?, "source"?, "url"?, "title"?}` per line).
pub async fn post_articles(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let (Some(token), Some(_)) = (&app.opts.token, &app.writer) else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only: start `dateline serve` with --token to accept articles",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .unwrap_or("");
    if !same(given.trim().as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "writing needs the header `Authorization: Bearer <token>` with the server's token",
        ));
    }
    let body = body.map_err(|e| {
        ApiError::new(
            e.status(),
            format!(
                "request body: {} (the limit is {} bytes)",
                e.body_text(),
                app.opts.max_body
            ),
        )
    })?;
    let text = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad(format!("request body is not UTF-8: {e}")))?
        .to_string();
    let a = app.clone();
    tokio::task::spawn_blocking(move || ingest(&a, &text))
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("worker: {e}")))?
}

fn ingest(app: &App, body: &str) -> ApiResult {
    let pipeline = app.pipeline.get_or_init(dateline_pipeline::Pipeline::new);
    let defaults = dateline_input::Defaults::default();
    let mut errors = Vec::new();
    let mut prepared = Vec::new();
    for (n, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let input = format!("request line {}", n + 1);
        let raw = match dateline_input::parse_json_line(line, &input, &defaults) {
            Ok(r) => r,
            Err(e) => {
                errors.push(json!({"input": e.input, "message": e.message}));
                continue;
            }
        };
        match pipeline.process_guarded(raw) {
            Ok(doc) => match Prepared::from_doc(&doc) {
                Ok(p) => prepared.push(Some(p)),
                Err(e) => errors.push(
                    json!({"input": input, "message": format!("cannot write its record: {e}")}),
                ),
            },
            Err((input, message)) => errors.push(json!({"input": input, "message": message})),
        }
    }
    if prepared.is_empty() && errors.is_empty() {
        return Err(ApiError::bad(
            "request body: no articles (send JSON Lines, one article per line)",
        ));
    }
    let w = app
        .writer
        .as_ref()
        .ok_or_else(|| ApiError::new(StatusCode::FORBIDDEN, "this server is read-only"))?;
    let stats = w.insert(prepared)?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::MULTI_STATUS
    };
    let body = to_json(&json!({
        "new": stats.new,
        "present": stats.present,
        "events": stats.events,
        "invalid": stats.invalid,
        "errors": errors,
    }))?;
    Ok((status, [(header::CONTENT_TYPE, "application/json")], body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_compare() {
        assert!(same(b"secret-token", b"secret-token"));
        assert!(!same(b"secret-token", b"secret-tokex"));
        assert!(!same(b"secret", b"secret-token"));
        assert!(!same(b"", b"x"));
        assert!(same(b"", b""));
    }

    #[test]
    fn filter_params() {
        let p: FilterParams =
            parse_query(&Some("root=19&quad=4&bbox=-10,30,40,60&status=".into())).unwrap();
        let f = p.filter(MAX_PAGE).unwrap();
        assert_eq!(f.root.as_deref(), Some("19"));
        assert_eq!(f.quad, Some(4));
        assert_eq!(f.bbox, Some([-10.0, 30.0, 40.0, 60.0]));
        assert_eq!(f.status, None);
        assert_eq!(f.limit, DEFAULT_PAGE);
        assert!(parse_query::<FilterParams>(&Some("rooot=19".into())).is_err());
        let p: FilterParams = parse_query(&Some("limit=501".into())).unwrap();
        assert!(p.filter(MAX_PAGE).is_err());
        let p: FilterParams = parse_query(&Some("quad=5".into())).unwrap();
        assert!(p.filter(MAX_PAGE).is_err());
        let p: FilterParams = parse_query(&Some("bbox=1,2,3".into())).unwrap();
        assert!(p.filter(MAX_PAGE).is_err());
    }
}
