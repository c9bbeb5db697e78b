//! The binding-free core of the Python package: articles in, `dateline/1` values out, in
//! parallel chunks, with every problem turned into an error record naming the item. The PyO3
//! layer (`py.rs`) only converts between Python objects and these types.

use dateline_input::{Body, Defaults, Format, Item, RawArticle, hash_id, sniff};
use dateline_pipeline::{Pipeline, error_json, parse_date, to_json};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Articles read ahead and processed in parallel at once, and the content bytes that close a
/// chunk early: the same bounds as `dateline extract`, so memory stays flat on endless streams.
pub const CHUNK: usize = 512;
pub const CHUNK_BYTES: usize = 2 << 20;

/// The resources (lexicons, gazetteer), loaded once per process on first use, not at import.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        // A panicking article becomes an error record; keep the default message off stderr,
        // as the command line does.
        std::panic::set_hook(Box::new(|_| {}));
        Pipeline::new()
    })
}

/// A rayon pool of `threads` workers (`None`: one per core), made once per size and kept.
pub fn pool(threads: Option<usize>) -> Result<Arc<rayon::ThreadPool>, String> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let n = match threads {
        Some(0) => return Err("threads must be at least 1".into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(p.clone());
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| format!("cannot start {n} threads: {e}"))?;
    let p = Arc::new(p);
    pools.insert(n, p.clone());
    Ok(p)
}

/// Whether a body is HTML: `Some` forces it, `None` looks at the content as `dateline extract`
/// does for standard input (JSON-looking text stays text: an item is one article).
pub fn body(content: String, html: Option<bool>) -> Body {
    let is_html = html.unwrap_or_else(|| sniff(content.as_bytes()) == Format::Html);
    if is_html {
        Body::Html(content)
    } else {
        Body::Text(content)
    }
}

/// Bytes of one article (a page as downloaded) to text: UTF-8, else the charset the page
/// declares, else a detected one; binary data is refused, as `dateline extract` refuses it.
pub fn decode(bytes: &[u8], html: Option<bool>) -> Result<Body, String> {
    let is_html = html.unwrap_or_else(|| sniff(bytes) == Format::Html);
    let text = dateline_input::decode(bytes, is_html)?;
    Ok(if is_html {
        Body::Html(text)
    } else {
        Body::Text(text)
    })
}

/// Metadata given with one article (keyword arguments, or the keys of a dict item).
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub id: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// One article from its content and metadata. The id is the given one, else a hash of the
/// content (a file's id in `dateline extract` is the hash of its bytes, too). Empty content is
/// an article with nothing in it (a record with empty arrays), as in the contract.
pub fn article(input: String, body: Body, meta: Meta, fallback: &Defaults) -> Item {
    let content = match &body {
        Body::Text(t) | Body::Html(t) => t,
    };
    let id = meta
        .id
        .or_else(|| fallback.id.clone())
        .unwrap_or_else(|| hash_id(content.as_bytes()));
    Ok(RawArticle {
        input,
        id,
        body,
        published: meta.published,
        source: meta.source,
        url: meta.url,
        title: meta.title,
        fallback: fallback.clone(),
    })
}

/// Check a publication date given for every article (`published=` of `extract_many`) up front,
/// as `dateline extract --published` does: a usage error, not a thousand error records.
pub fn check_published(p: &Option<String>) -> Result<(), String> {
    match p {
        Some(p) if parse_date(p).is_none() => {
            Err(format!("published: cannot read {p:?} as an ISO 8601 date"))
        }
        _ => Ok(()),
    }
}

/// One item through the pipeline: the `dateline/1` record, or its error record. A panic
/// anywhere (a stage, or serialising) is this item's error, never the stream's end: on a
/// worker thread of a Python process it would otherwise abort the interpreter.
pub fn process(item: Item) -> Result<Value, Value> {
    with_doc(item, |doc, _| Ok(to_json(doc)))
}

/// One item through the pipeline, its document handed to `then` (its input's name beside);
/// an unreadable item, a refused article or a panic in either is the item's error record.
fn with_doc<T>(
    item: Item,
    then: impl FnOnce(&dateline_doc::Doc, &str) -> Result<T, Value>,
) -> Result<T, Value> {
    let raw = item.map_err(|e| error_json(&e.input, &e.message))?;
    let input = raw.input.clone();
    let run = std::panic::AssertUnwindSafe(|| match pipeline().process_guarded(raw) {
        Ok(doc) => then(&doc, &input),
        Err((input, msg)) => Err(error_json(&input, &msg)),
    });
    std::panic::catch_unwind(run).unwrap_or_else(|_| {
        Err(error_json(
            &input,
            "internal error while processing this article",
        ))
    })
}

/// A chunk of items through the pipeline in parallel on `pool`, results in input order.
pub fn process_chunk(pool: &rayon::ThreadPool, chunk: Vec<Item>) -> Vec<Result<Value, Value>> {
    pipeline();
    pool.install(|| chunk.into_par_iter().map(process).collect())
}

/// A chunk through the pipeline and into the store's row form, in parallel (as `dateline
/// ingest` prepares records off the writer thread). `Ok(None)`: a record the store cannot
/// take (counted as invalid).
pub fn prepare_chunk(
    pool: &rayon::ThreadPool,
    chunk: Vec<Item>,
) -> Vec<Result<Option<dateline_store::Prepared>, Value>> {
    pipeline();
    pool.install(|| {
        chunk
            .into_par_iter()
            .map(|item| {
                // the store's rows read from the document, as `dateline ingest` reads them
                with_doc(item, |doc, input| {
                    dateline_store::Prepared::from_doc(doc)
                        .map(Some)
                        .map_err(|e| error_json(input, &format!("cannot write its record: {e}")))
                })
            })
            .collect()
    })
}

/// The same, each record serialised to a JSON string by the worker that made it (the form the
/// benchmark compares with building Python objects from the values).
pub fn process_chunk_json(pool: &rayon::ThreadPool, chunk: Vec<Item>) -> Vec<(String, bool)> {
    pipeline();
    pool.install(|| {
        chunk
            .into_par_iter()
            .map(|item| match process(item) {
                Ok(v) => (v.to_string(), true),
                Err(v) => (v.to_string(), false),
            })
            .collect()
    })
}

/// The message of an error record (`{"schema", "error": {"input", "message"}}`).
pub fn error_message(v: &Value) -> String {
    let e = &v["error"];
    format!(
        "{}: {}",
        e["input"].as_str().unwrap_or("?"),
        e["message"].as_str().unwrap_or("?")
    )
}

/// A bounding box `min_lon, min_lat, max_lon, max_lat`, checked as `dateline query --bbox` is.
pub fn check_bbox(b: [f64; 4]) -> Result<[f64; 4], String> {
    let [a, b2, c, d] = b;
    if !(-180.0..=180.0).contains(&a)
        || !(-180.0..=180.0).contains(&c)
        || !(-90.0..=90.0).contains(&b2)
        || !(-90.0..=90.0).contains(&d)
    {
        return Err(
            "bbox: (min_lon, min_lat, max_lon, max_lat) with longitudes in -180..180 and \
             latitudes in -90..90"
                .into(),
        );
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_item(s: &str) -> Item {
        article(
            "item 0".into(),
            body(s.into(), None),
            Meta::default(),
            &Defaults::default(),
        )
    }

    #[test]
    fn html_is_detected_and_can_be_forced() {
        assert!(matches!(
            body("<html><body><p>x</p></body></html>".into(), None),
            Body::Html(_)
        ));
        assert!(matches!(body("{\"a\": 1}".into(), None), Body::Text(_)));
        assert!(matches!(
            body("plain words".into(), Some(true)),
            Body::Html(_)
        ));
        assert!(matches!(
            body("<p>x</p>".into(), Some(false)),
            Body::Text(_)
        ));
    }

    #[test]
    fn bytes_are_decoded_and_binary_refused() {
        assert!(matches!(decode(b"caf\xc3\xa9", None), Ok(Body::Text(t)) if t == "café"));
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(matches!(decode(latin, None), Ok(Body::Html(t)) if t.contains("café")));
        assert!(decode(b"a\0b", None).is_err());
    }

    #[test]
    fn empty_items_give_empty_records_and_errors_name_the_item() {
        let v = process(text_item("")).unwrap();
        assert_eq!(v["events"].as_array().map(Vec::len), Some(0));
        let bad = Meta {
            published: Some("when?".into()),
            ..Meta::default()
        };
        let item = article(
            "item 7".into(),
            body("x".into(), None),
            bad,
            &Defaults::default(),
        );
        let e = process(item).unwrap_err();
        assert_eq!(e["schema"], "dateline/1");
        assert_eq!(
            error_message(&e),
            "item 7: cannot read published date \"when?\""
        );
    }

    #[test]
    fn ids_are_given_or_hashed_from_the_content() {
        let given = Meta {
            id: Some("a1".into()),
            ..Meta::default()
        };
        let a = article(
            "x".into(),
            body("Text.".into(), None),
            given,
            &Defaults::default(),
        )
        .unwrap();
        assert_eq!(a.id, "a1");
        let b = text_item("Text.").unwrap();
        assert_eq!(b.id, hash_id(b"Text."));
    }

    #[test]
    fn a_chunk_keeps_input_order_and_reports_bad_dates_per_item() {
        let pool = pool(Some(2)).unwrap();
        let mut items = Vec::new();
        for i in 0..6 {
            let meta = Meta {
                id: Some(format!("a{i}")),
                published: Some(if i == 3 { "not a date" } else { "2016-12-14" }.into()),
                ..Meta::default()
            };
            items.push(article(
                format!("item {i}"),
                body(
                    "Troops shelled the town on Monday, killing three people.".into(),
                    None,
                ),
                meta,
                &Defaults::default(),
            ));
        }
        let out = process_chunk(&pool, items);
        for (i, r) in out.iter().enumerate() {
            match r {
                Ok(v) => assert_eq!(v["article"]["id"], format!("a{i}")),
                Err(e) => {
                    assert_eq!(i, 3);
                    assert!(error_message(e).starts_with("item 3: cannot read published date"));
                }
            }
        }
        assert!(out[3].is_err());
        let json = process_chunk_json(&pool, vec![text_item("Rebels attacked a convoy.")]);
        assert!(json[0].1);
        let back: Value = serde_json::from_str(&json[0].0).unwrap();
        assert_eq!(back["schema"], "dateline/1");
    }

    #[test]
    fn chunks_are_prepared_for_the_store() {
        let pool = pool(Some(2)).unwrap();
        let bad = Meta {
            published: Some("soonish".into()),
            ..Meta::default()
        };
        let items = vec![
            text_item("Police arrested two men in Lyon on Friday."),
            article(
                "item 1".into(),
                body("x".into(), None),
                bad,
                &Defaults::default(),
            ),
        ];
        let out = prepare_chunk(&pool, items);
        assert!(matches!(out[0], Ok(Some(_))));
        let Err(e) = &out[1] else {
            panic!("a bad date must be an error record")
        };
        assert!(error_message(e).starts_with("item 1: cannot read"));
        let mut store = dateline_store::Store::open_in_memory().unwrap();
        let ok: Vec<_> = out.into_iter().filter_map(Result::ok).collect();
        let stats = store.insert_prepared(&ok).unwrap();
        assert_eq!((stats.new, stats.invalid), (1, 0));
    }

    #[test]
    fn pools_are_kept_per_size_and_zero_is_refused() {
        let a = pool(Some(3)).unwrap();
        let b = pool(Some(3)).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.current_num_threads(), 3);
        assert!(pool(Some(0)).is_err());
    }

    #[test]
    fn published_and_bbox_are_checked_up_front() {
        assert!(check_published(&Some("2016-12-14".into())).is_ok());
        assert!(check_published(&None).is_ok());
        assert!(check_published(&Some("soon".into())).is_err());
        assert!(check_bbox([-10.0, 35.0, 30.0, 60.0]).is_ok());
        assert!(check_bbox([0.0, 0.0, 0.0, 95.0]).is_err());
        assert!(check_bbox([-181.0, 0.0, 0.0, 1.0]).is_err());
    }
}
