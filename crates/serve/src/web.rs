//! The page and its files, compiled into the binary. A request names a file of this fixed
//! table or gets a 404: no request path is ever joined to a directory, so `..`, encoded
//! slashes and absolute paths cannot reach the file system.

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// `(name under /static/, content type, bytes)`.
pub const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../web/style.css"),
    ),
    (
        "vendor/d3-array.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/vendor/d3-array.min.js"),
    ),
    (
        "vendor/d3-geo.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/vendor/d3-geo.min.js"),
    ),
    (
        "vendor/topojson-client.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../web/vendor/topojson-client.min.js"),
    ),
    (
        "vendor/countries-110m.json",
        "application/json",
        include_bytes!("../web/vendor/countries-110m.json"),
    ),
    (
        "vendor/ATTRIBUTION.md",
        "text/plain; charset=utf-8",
        include_bytes!("../web/vendor/ATTRIBUTION.md"),
    ),
];

const INDEX: &str = include_str!("../web/index.html");

/// The embedded file named `name`, if there is one.
pub fn lookup(name: &str) -> Option<(&'static str, &'static [u8])> {
    FILES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, t, b)| (*t, *b))
}

pub async fn index() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], INDEX).into_response()
}

pub async fn static_file(Path(path): Path<String>) -> Response {
    match lookup(&path) {
        Some((ctype, bytes)) => (
            [
                (header::CONTENT_TYPE, ctype),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            bytes,
        )
            .into_response(),
        None => {
            crate::ApiError::new(axum::http::StatusCode::NOT_FOUND, "no such file").into_response()
        }
    }
}
