//! The PyO3 layer: Python objects in, `dateline/1` records out as plain dicts and lists.
//!
//! Extraction never holds the GIL: items are copied into Rust under it, processed with it
//! released (on a rayon pool for `extract_many` and `Store.ingest`), and the results turned
//! into Python objects under it again, while the next chunk is already being processed.

use crate::core::{self, Meta};
use dateline_input::{Defaults, InputError, Item};
use dateline_store::{BatchStats, EventStore, Filter, Prepared, Store as SqlStore};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

create_exception!(
    _dateline,
    StoreError,
    PyException,
    "The store could not be opened, read or written."
);

// ---------------------------------------------------------------------------------------------
// serde_json values to Python objects and back

/// Dict keys of the records: a bounded set of field names, made into Python strings once and
/// reused (their hashes are cached too, which makes the dict insertions cheaper).
struct Keys(HashMap<String, Py<PyString>>);

impl Keys {
    fn get<'py>(&mut self, py: Python<'py>, k: &str) -> Bound<'py, PyString> {
        if let Some(s) = self.0.get(k) {
            return s.bind(py).clone();
        }
        let s = PyString::intern(py, k);
        if self.0.len() < 4096 {
            self.0.insert(k.to_string(), s.clone().unbind());
        }
        s
    }
}

static KEYS: Mutex<Option<Keys>> = Mutex::new(None);

/// Python objects for a JSON value: dicts (in the record's field order), lists, str, int,
/// float, bool and None.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    let mut guard = KEYS.lock().unwrap_or_else(|e| e.into_inner());
    let keys = guard.get_or_insert_with(|| Keys(HashMap::new()));
    to_py_with(py, v, keys)
}

fn to_py_with<'py>(py: Python<'py>, v: &Value, keys: &mut Keys) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let items = a
                .iter()
                .map(|x| to_py_with(py, x, keys))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, x) in m {
                d.set_item(keys.get(py, k), to_py_with(py, x, keys)?)?;
            }
            d.into_any()
        }
    })
}

/// A JSON value from Python objects (records given back to `Store.insert` and `export`).
/// Dates and date-times become their ISO 8601 text; anything else that is no JSON type is a
/// `TypeError` naming where it was found.
fn from_py(obj: &Bound<'_, PyAny>, path: &mut String) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(PyValueError::new_err(format!(
            "{path}: integer too large for a record"
        )));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        // NaN (pandas' missing value) has no JSON form: it is a missing value, null.
        return Ok(Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = Map::new();
        for (k, x) in d.iter() {
            let Ok(k) = k.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "{path}: dict keys must be str, got {}",
                    type_name(&k)
                )));
            };
            let k = k.to_cow()?.into_owned();
            let len = path.len();
            path.push('.');
            path.push_str(&k);
            let v = from_py(&x, path)?;
            path.truncate(len);
            m.insert(k, v);
        }
        return Ok(Value::Object(m));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut a = Vec::new();
        for (i, x) in obj.try_iter()?.enumerate() {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            a.push(from_py(&x?, path)?);
            path.truncate(len);
        }
        return Ok(Value::Array(a));
    }
    if let Some(s) = isoformat(obj)? {
        return Ok(Value::String(s));
    }
    // numpy and pandas scalars: integers through __index__, then floats through __float__.
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(f) = obj.extract::<f64>() {
        return Ok(Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    Err(PyTypeError::new_err(format!(
        "{path}: a {} has no place in a dateline/1 record",
        type_name(obj)
    )))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .and_then(|n| n.extract::<String>())
        .unwrap_or_else(|_| "object".into())
}

/// `date.isoformat()` for dates, date-times and pandas timestamps; `None` for other objects.
fn isoformat(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if obj.cast::<PyString>().is_ok() || !obj.hasattr("isoformat")? {
        return Ok(None);
    }
    Ok(Some(obj.call_method0("isoformat")?.extract::<String>()?))
}

// ---------------------------------------------------------------------------------------------
// Items: what a user hands `extract_many` and `Store.ingest`

/// Settings shared by every item of one call.
#[derive(Clone)]
struct ItemSettings {
    defaults: Defaults,
    html: Option<bool>,
}

/// An optional text field: str, a date (for `published`), or None.
fn opt_text(v: Option<Bound<'_, PyAny>>, key: &str) -> Result<Option<String>, String> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| Some(c.into_owned()))
            .map_err(|e| e.to_string());
    }
    if key == "published"
        && let Ok(Some(s)) = isoformat(&v)
    {
        return Ok(Some(s));
    }
    Err(format!(
        "{key:?} must be a string{}, got {}",
        if key == "published" { " or a date" } else { "" },
        type_name(&v)
    ))
}

/// One item (str, bytes or dict) as an article, or the error naming it. Never raises: a bad
/// item is an error record in the stream.
fn item_from_py(obj: &Bound<'_, PyAny>, index: usize, s: &ItemSettings) -> Item {
    let input = format!("item {index}");
    let err = |input: String, message: String| Err(InputError { input, message });
    if let Ok(t) = obj.cast::<PyString>() {
        return match t.to_cow() {
            Ok(t) => core::article(
                input,
                core::body(t.into_owned(), s.html),
                Meta::default(),
                &s.defaults,
            ),
            Err(e) => err(input, format!("text cannot be read: {e}")),
        };
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return match core::decode(b.as_bytes(), s.html) {
            Ok(body) => core::article(input, body, Meta::default(), &s.defaults),
            Err(m) => err(input, m),
        };
    }
    let Ok(d) = obj.cast::<PyDict>() else {
        return err(
            input,
            format!(
                "expected a str, bytes or dict like a JSON line ({{\"id\", \"text\" | \"html\", ...}}), got {}",
                type_name(obj)
            ),
        );
    };
    let get = |k: &str| d.get_item(k).ok().flatten();
    let id = match get("id") {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) if v.cast::<PyString>().is_ok() => v.extract::<String>().ok(),
        Some(v) if v.cast::<PyInt>().is_ok() && v.cast::<PyBool>().is_err() => {
            v.str().ok().map(|s| s.to_string())
        }
        Some(v) => {
            return err(
                input,
                format!("\"id\" must be a string or number, got {}", type_name(&v)),
            );
        }
    };
    let input = match &id {
        Some(id) => format!("{input} (id {id:?})"),
        None => input,
    };
    let field = |k: &str| opt_text(get(k), k);
    let (text, html) = match (field("text"), field("html")) {
        (Ok(t), Ok(h)) => (t, h),
        (Err(m), _) | (_, Err(m)) => return err(input, m),
    };
    let body = match (text, html) {
        (_, Some(h)) if !h.trim().is_empty() => dateline_input::Body::Html(h),
        (Some(t), _) => core::body(t, s.html.or(Some(false))),
        (None, Some(h)) => dateline_input::Body::Html(h),
        (None, None) => {
            return err(
                input,
                "the dict has neither \"text\" nor \"html\"".to_string(),
            );
        }
    };
    let mut meta = Meta {
        id,
        ..Meta::default()
    };
    for (k, slot) in [
        ("published", &mut meta.published),
        ("source", &mut meta.source),
        ("url", &mut meta.url),
        ("title", &mut meta.title),
    ] {
        match field(k) {
            Ok(v) => *slot = v,
            Err(m) => return err(input, m),
        }
    }
    core::article(input, body, meta, &s.defaults)
}

/// Reads items from a Python iterator in chunks (under the GIL). An exception raised by the
/// iterator itself ends reading; it is kept and raised after every earlier item's result.
struct Source {
    iter: Option<Py<PyIterator>>,
    raised: Option<PyErr>,
    index: usize,
    settings: ItemSettings,
}

impl Source {
    fn new(items: &Bound<'_, PyAny>, settings: ItemSettings) -> PyResult<Self> {
        if items.cast::<PyString>().is_ok()
            || items.cast::<PyBytes>().is_ok()
            || items.cast::<PyDict>().is_ok()
        {
            return Err(PyTypeError::new_err(
                "expected an iterable of articles (str, bytes or dict), got a single article: \
                 use dateline.extract for one, or wrap it in a list",
            ));
        }
        Ok(Source {
            iter: Some(items.try_iter()?.unbind()),
            raised: None,
            index: 0,
            settings,
        })
    }

    fn chunk(&mut self, py: Python<'_>, max_items: usize) -> Vec<Item> {
        let mut out = Vec::new();
        let Some(iter) = &self.iter else { return out };
        let mut it = iter.bind(py).clone();
        let mut bytes = 0;
        while out.len() < max_items && bytes < core::CHUNK_BYTES {
            match it.next() {
                None => {
                    self.iter = None;
                    break;
                }
                Some(Err(e)) => {
                    self.raised = Some(e);
                    self.iter = None;
                    break;
                }
                Some(Ok(obj)) => {
                    let item = item_from_py(&obj, self.index, &self.settings);
                    if let Ok(raw) = &item {
                        bytes += raw.content_len();
                    }
                    self.index += 1;
                    out.push(item);
                }
            }
        }
        out
    }
}

/// Wait for a worker's result with the GIL released, waking every 100 ms to let Python
/// deliver signals (Ctrl-C in a notebook stops the wait). On an exception the receiver is
/// handed back, so that a stream iterated again after the interrupt loses no records.
fn wait<T: Send>(py: Python<'_>, mut rx: Receiver<T>) -> Result<T, (PyErr, Option<Receiver<T>>)> {
    loop {
        let (back, r) = py.detach(move || {
            let r = rx.recv_timeout(Duration::from_millis(100));
            (rx, r)
        });
        rx = back;
        match r {
            Ok(v) => return Ok(v),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    return Err((e, Some(rx)));
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err((
                    PyException::new_err("dateline: a worker thread stopped unexpectedly"),
                    None,
                ));
            }
        }
    }
}

fn parse_threads(threads: Option<usize>) -> PyResult<Arc<rayon::ThreadPool>> {
    core::pool(threads).map_err(PyValueError::new_err)
}

fn settings(
    published: Option<Bound<'_, PyAny>>,
    source: Option<String>,
    html: Option<bool>,
) -> PyResult<ItemSettings> {
    let published = opt_text(published, "published").map_err(PyTypeError::new_err)?;
    core::check_published(&published).map_err(PyValueError::new_err)?;
    Ok(ItemSettings {
        defaults: Defaults {
            published,
            source,
            url: None,
            id: None,
        },
        html,
    })
}

// ---------------------------------------------------------------------------------------------
// extract and extract_many

/// Extract one article. `text_or_html` is plain text, an HTML page (detected, or forced with
/// `html=`), or bytes (decoded as `dateline extract` decodes files). The keyword values are
/// the article's own metadata. Returns the `dateline/1` record as a dict; raises `ValueError`
/// when the article cannot be read (an unreadable `published`, binary bytes).
#[pyfunction]
#[pyo3(signature = (text_or_html, published=None, source=None, url=None, id=None, *, title=None, html=None))]
#[allow(clippy::too_many_arguments)]
fn extract<'py>(
    py: Python<'py>,
    text_or_html: &Bound<'py, PyAny>,
    published: Option<Bound<'py, PyAny>>,
    source: Option<String>,
    url: Option<String>,
    id: Option<String>,
    title: Option<String>,
    html: Option<bool>,
) -> PyResult<Bound<'py, PyAny>> {
    let body = if let Ok(s) = text_or_html.cast::<PyString>() {
        core::body(s.to_cow()?.into_owned(), html)
    } else if let Ok(b) = text_or_html.cast::<PyBytes>() {
        core::decode(b.as_bytes(), html).map_err(PyValueError::new_err)?
    } else {
        return Err(PyTypeError::new_err(format!(
            "text_or_html must be str or bytes, got {} (dateline.extract_many takes dicts)",
            type_name(text_or_html)
        )));
    };
    let published = opt_text(published, "published").map_err(PyTypeError::new_err)?;
    let input = match &id {
        Some(id) => format!("article {id:?}"),
        None => "article".to_string(),
    };
    let meta = Meta {
        id,
        published,
        source,
        url,
        title,
    };
    let item = core::article(input, body, meta, &Defaults::default());
    let out = py.detach(move || core::process(item));
    match out {
        Ok(v) => to_py(py, &v),
        Err(e) => Err(PyValueError::new_err(core::error_message(&e))),
    }
}

enum Results {
    Values(VecDeque<Result<Value, Value>>),
    Json(VecDeque<(String, bool)>),
}

impl Results {
    fn is_empty(&self) -> bool {
        match self {
            Results::Values(v) => v.is_empty(),
            Results::Json(v) => v.is_empty(),
        }
    }
}

struct Stream {
    source: Source,
    pool: Arc<rayon::ThreadPool>,
    in_flight: VecDeque<Receiver<Results>>,
    ready: Results,
    json: bool,
    chunk: usize,
}

/// The iterator `extract_many` returns: one record (or error record) per item, in input order.
#[pyclass(module = "dateline._dateline", name = "ExtractMany")]
struct ExtractMany {
    // Only ever used through `PyRefMut` (exclusive), so the lock is never contended: it is
    // there to make the state `Sync` as PyO3 asks of a class.
    stream: Mutex<Stream>,
}

impl Stream {
    /// Read the next chunk and hand it to the pool; false when the input is exhausted.
    fn submit(&mut self, py: Python<'_>) -> bool {
        let chunk = self.source.chunk(py, self.chunk);
        if chunk.is_empty() {
            return false;
        }
        let (tx, rx) = mpsc::sync_channel(1);
        let json = self.json;
        let pool = self.pool.clone();
        self.pool.spawn(move || {
            let out = if json {
                Results::Json(core::process_chunk_json(&pool, chunk).into())
            } else {
                Results::Values(core::process_chunk(&pool, chunk).into())
            };
            let _ = tx.send(out);
        });
        self.in_flight.push_back(rx);
        true
    }

    fn next<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            match &mut self.ready {
                Results::Values(v) => {
                    if let Some(r) = v.pop_front() {
                        let (Ok(v) | Err(v)) = r;
                        return to_py(py, &v).map(Some);
                    }
                }
                Results::Json(v) => {
                    if let Some((s, _)) = v.pop_front() {
                        static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
                        let loads = LOADS.import(py, "json", "loads")?;
                        return loads.call1((s,)).map(Some);
                    }
                }
            }
            // Keep two chunks in flight: one being processed while Python reads the other.
            while self.in_flight.len() < 2 && self.submit(py) {}
            let Some(rx) = self.in_flight.pop_front() else {
                return match self.source.raised.take() {
                    Some(e) => Err(e),
                    None => Ok(None),
                };
            };
            match wait(py, rx) {
                Ok(r) => self.ready = r,
                Err((e, rx)) => {
                    if let Some(rx) = rx {
                        self.in_flight.push_front(rx);
                    }
                    return Err(e);
                }
            }
            debug_assert!(!self.ready.is_empty());
        }
    }
}

#[pymethods]
impl ExtractMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(
        mut slf: PyRefMut<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let stream = slf.stream.get_mut().unwrap_or_else(|e| e.into_inner());
        stream.next(py)
    }
}

/// Extract many articles in parallel, streaming: returns an iterator of `dateline/1` records in
/// input order. Items are str, bytes or dicts like the JSON Lines input; a bad item yields the
/// `dateline/1` error record and the stream goes on.
#[pyfunction]
#[pyo3(signature = (items, threads=None, *, published=None, source=None, html=None, chunk=core::CHUNK, _json=false))]
#[allow(clippy::too_many_arguments)]
fn extract_many(
    items: &Bound<'_, PyAny>,
    threads: Option<usize>,
    published: Option<Bound<'_, PyAny>>,
    source: Option<String>,
    html: Option<bool>,
    chunk: usize,
    _json: bool,
) -> PyResult<ExtractMany> {
    let pool = parse_threads(threads)?;
    let source = Source::new(items, settings(published, source, html)?)?;
    if chunk == 0 {
        return Err(PyValueError::new_err("chunk must be at least 1"));
    }
    Ok(ExtractMany {
        stream: Mutex::new(Stream {
            source,
            pool,
            in_flight: VecDeque::new(),
            ready: Results::Values(VecDeque::new()),
            json: _json,
            chunk,
        }),
    })
}

// ---------------------------------------------------------------------------------------------
// Exports

/// GDELT 2.0 event table (tab-separated), PLOVER JSON Lines or ACLED-shaped CSV for records.
#[pyfunction]
#[pyo3(signature = (records, format, header=false))]
fn export(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    format: &str,
    header: bool,
) -> PyResult<String> {
    let values = records_from_py(records)?;
    let format = format.to_ascii_lowercase();
    let out = py.detach(move || {
        let mut out = Vec::new();
        let r = match format.as_str() {
            "gdelt" => dateline_export::write_gdelt(&values, &mut out, header),
            "plover" => dateline_export::write_plover(&values, &mut out),
            "acled" => dateline_export::write_acled(&values, &mut out),
            other => {
                return Err(format!(
                    "format must be \"gdelt\", \"plover\" or \"acled\", got {other:?}"
                ));
            }
        };
        r.map_err(|e| e.to_string())?;
        String::from_utf8(out).map_err(|e| e.to_string())
    });
    out.map_err(PyValueError::new_err)
}

fn records_from_py(records: &Bound<'_, PyAny>) -> PyResult<Vec<Value>> {
    if records.cast::<PyDict>().is_ok() {
        let mut p = "record".to_string();
        return Ok(vec![from_py(records, &mut p)?]);
    }
    let mut out = Vec::new();
    for (i, r) in records.try_iter()?.enumerate() {
        let mut p = format!("records[{i}]");
        out.push(from_py(&r?, &mut p)?);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The store

/// The embedded SQLite store (`dateline ingest` / `dateline query`).
#[pyclass(module = "dateline._dateline", name = "Store")]
struct Store {
    inner: Arc<Mutex<Option<SqlStore>>>,
    #[pyo3(get)]
    path: String,
}

fn store_err(e: dateline_store::Error) -> PyErr {
    match e {
        dateline_store::Error::Filter(m) => PyValueError::new_err(m),
        e => StoreError::new_err(e.to_string()),
    }
}

fn stats_dict<'py>(
    py: Python<'py>,
    s: BatchStats,
    read: u64,
    errors: Vec<Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("read", read)?;
    d.set_item("new", s.new)?;
    d.set_item("present", s.present)?;
    d.set_item("events", s.events)?;
    d.set_item("invalid", s.invalid)?;
    let errs = errors
        .iter()
        .map(|e| to_py(py, e))
        .collect::<PyResult<Vec<_>>>()?;
    d.set_item("errors", PyList::new(py, errs)?)?;
    Ok(d)
}

impl Store {
    /// Run `f` on the open store with the GIL released; the lock is taken without the GIL, so
    /// Python threads sharing a store never deadlock.
    fn with<T: Send, F>(&self, py: Python<'_>, f: F) -> PyResult<T>
    where
        F: FnOnce(&mut SqlStore) -> dateline_store::Result<T> + Send,
    {
        let inner = self.inner.clone();
        let path = self.path.clone();
        py.detach(move || {
            let mut g = inner.lock().unwrap_or_else(|e| e.into_inner());
            match g.as_mut() {
                None => Err(Err(format!("{path}: the store is closed"))),
                Some(s) => f(s).map_err(Ok),
            }
        })
        .map_err(|e| match e {
            Ok(e) => store_err(e),
            Err(m) => StoreError::new_err(m),
        })
    }
}

/// Keyword filters of `query` and `count`, the same as `dateline query`'s flags.
#[allow(clippy::too_many_arguments)]
fn filter(
    actor: Option<String>,
    country: Option<String>,
    cameo: Option<String>,
    root: Option<String>,
    plover: Option<String>,
    quad: Option<u8>,
    status: Option<String>,
    from_: Option<Bound<'_, PyAny>>,
    to: Option<Bound<'_, PyAny>>,
    place_country: Option<String>,
    admin1: Option<String>,
    bbox: Option<(f64, f64, f64, f64)>,
    source: Option<String>,
    text: Option<String>,
    min_confidence: Option<f64>,
    limit: Option<usize>,
    offset: usize,
) -> PyResult<Filter> {
    let date = |v: Option<Bound<'_, PyAny>>, k: &str| {
        opt_text(v, "published")
            .map_err(|_| PyTypeError::new_err(format!("{k} must be a string or a date")))
            .map(|s| s.map(|s| s.get(..10).unwrap_or(&s).to_string()))
    };
    let bbox = bbox
        .map(|(a, b, c, d)| core::check_bbox([a, b, c, d]))
        .transpose()
        .map_err(PyValueError::new_err)?;
    Ok(Filter {
        actor,
        country,
        cameo,
        root,
        plover,
        quad,
        status,
        from: date(from_, "from_")?,
        to: date(to, "to")?,
        place_country,
        admin1,
        bbox,
        source,
        text,
        // its range is the store's to check (a filter error raises ValueError)
        min_confidence,
        limit: limit.unwrap_or(0),
        offset,
    })
}

#[pymethods]
impl Store {
    /// Open (creating if needed) the store at `path`; `read_only` opens an existing one for
    /// reading only.
    #[new]
    #[pyo3(signature = (path, read_only=false))]
    fn new(py: Python<'_>, path: PathBuf, read_only: bool) -> PyResult<Self> {
        let shown = path.display().to_string();
        if read_only && !path.exists() {
            return Err(StoreError::new_err(format!(
                "{shown}: no such database (create it with Store(path) or `dateline ingest`)"
            )));
        }
        let opened = py.detach(move || {
            if read_only {
                SqlStore::open_read_only(&path)
            } else {
                SqlStore::open(&path)
            }
        });
        let store = opened.map_err(|e| StoreError::new_err(format!("{shown}: {e}")))?;
        Ok(Store {
            inner: Arc::new(Mutex::new(Some(store))),
            path: shown,
        })
    }

    /// Extract articles (str, bytes or dicts, as for `extract_many`) in parallel and store them.
    #[pyo3(signature = (items, threads=None, *, published=None, source=None, html=None, batch=512))]
    #[allow(clippy::too_many_arguments)]
    fn ingest<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        threads: Option<usize>,
        published: Option<Bound<'py, PyAny>>,
        source: Option<String>,
        html: Option<bool>,
        batch: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let pool = parse_threads(threads)?;
        let mut src = Source::new(items, settings(published, source, html)?)?;
        let batch = batch.max(1);
        let mut total = BatchStats::default();
        let mut errors = Vec::new();
        let mut read = 0u64;
        type Prep = Vec<Result<Option<Prepared>, Value>>;
        let submit = |src: &mut Source| -> Option<Receiver<Prep>> {
            let chunk = src.chunk(py, batch);
            if chunk.is_empty() {
                return None;
            }
            let (tx, rx) = mpsc::sync_channel(1);
            let p = pool.clone();
            pool.spawn(move || {
                let out: Prep = core::prepare_chunk(&p, chunk);
                let _ = tx.send(out);
            });
            Some(rx)
        };
        let mut pending = submit(&mut src);
        while let Some(rx) = pending.take() {
            let prepared = wait(py, rx).map_err(|(e, _)| e)?;
            // The next batch is extracted while this one is written.
            pending = submit(&mut src);
            let mut ok = Vec::with_capacity(prepared.len());
            for p in prepared {
                match p {
                    Ok(p) => {
                        read += 1;
                        ok.push(p);
                    }
                    Err(e) => errors.push(e),
                }
            }
            total += self.with(py, move |s| s.insert_prepared(&ok))?;
        }
        if let Some(e) = src.raised.take() {
            return Err(e);
        }
        stats_dict(py, total, read, errors)
    }

    /// Store `dateline/1` records already extracted (dicts from `extract`/`extract_many`).
    fn insert<'py>(
        &self,
        py: Python<'py>,
        records: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let values = records_from_py(records)?;
        let read = values.len() as u64;
        let stats = self.with(py, move |s| s.insert_batch(&values))?;
        stats_dict(py, stats, read, Vec::new())
    }

    /// Event rows matching the filters, newest event date first.
    #[pyo3(signature = (*, actor=None, country=None, cameo=None, root=None, plover=None, quad=None, status=None, from_=None, to=None, place_country=None, admin1=None, bbox=None, source=None, text=None, min_confidence=None, limit=None, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn query<'py>(
        &self,
        py: Python<'py>,
        actor: Option<String>,
        country: Option<String>,
        cameo: Option<String>,
        root: Option<String>,
        plover: Option<String>,
        quad: Option<u8>,
        status: Option<String>,
        from_: Option<Bound<'py, PyAny>>,
        to: Option<Bound<'py, PyAny>>,
        place_country: Option<String>,
        admin1: Option<String>,
        bbox: Option<(f64, f64, f64, f64)>,
        source: Option<String>,
        text: Option<String>,
        min_confidence: Option<f64>,
        limit: Option<usize>,
        offset: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let f = filter(
            actor,
            country,
            cameo,
            root,
            plover,
            quad,
            status,
            from_,
            to,
            place_country,
            admin1,
            bbox,
            source,
            text,
            min_confidence,
            limit,
            offset,
        )?;
        let rows = self.with(py, move |s| {
            let rows = s.query(&f)?;
            Ok(rows
                .iter()
                .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
                .collect::<Vec<_>>())
        })?;
        let items = rows
            .iter()
            .map(|r| to_py(py, r))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// How many events match the filters.
    #[pyo3(signature = (*, actor=None, country=None, cameo=None, root=None, plover=None, quad=None, status=None, from_=None, to=None, place_country=None, admin1=None, bbox=None, source=None, text=None, min_confidence=None))]
    #[allow(clippy::too_many_arguments)]
    fn count(
        &self,
        py: Python<'_>,
        actor: Option<String>,
        country: Option<String>,
        cameo: Option<String>,
        root: Option<String>,
        plover: Option<String>,
        quad: Option<u8>,
        status: Option<String>,
        from_: Option<Bound<'_, PyAny>>,
        to: Option<Bound<'_, PyAny>>,
        place_country: Option<String>,
        admin1: Option<String>,
        bbox: Option<(f64, f64, f64, f64)>,
        source: Option<String>,
        text: Option<String>,
        min_confidence: Option<f64>,
    ) -> PyResult<u64> {
        let f = filter(
            actor,
            country,
            cameo,
            root,
            plover,
            quad,
            status,
            from_,
            to,
            place_country,
            admin1,
            bbox,
            source,
            text,
            min_confidence,
            None,
            0,
        )?;
        self.with(py, move |s| s.count(&f))
    }

    /// The full `dateline/1` record of one article by its `article.id`, or None.
    fn article<'py>(&self, py: Python<'py>, id: String) -> PyResult<Option<Bound<'py, PyAny>>> {
        let v = self.with(py, move |s| s.article(&id))?;
        v.map(|v| to_py(py, &v)).transpose()
    }

    /// Row counts of the main tables: articles, events, event_actors, casualties.
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let c = self.with(py, |s| s.counts())?;
        to_py(py, &serde_json::to_value(c).unwrap_or(Value::Null))
    }

    /// Close the database; later calls raise `StoreError`.
    fn close(&self, py: Python<'_>) {
        let inner = self.inner.clone();
        py.detach(move || {
            inner.lock().unwrap_or_else(|e| e.into_inner()).take();
        });
    }

    fn __repr__(&self) -> String {
        format!("Store({:?})", self.path)
    }
}

/// dateline's Rust core: extraction, the store and the exports.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", dateline_doc::output::SCHEMA)?;
    m.add(
        "GDELT_COLUMNS",
        PyTuple::new(m.py(), dateline_export::GDELT_COLUMNS)?,
    )?;
    m.add(
        "ACLED_COLUMNS",
        PyTuple::new(m.py(), dateline_export::ACLED_COLUMNS)?,
    )?;
    m.add("StoreError", m.py().get_type::<StoreError>())?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(export, m)?)?;
    m.add_class::<ExtractMany>()?;
    m.add_class::<Store>()?;
    Ok(())
}
