//! An event placed at a toponym the gazetteer could not resolve (`geonameid`, `lat`, `lon`
//! null) is stored with its place name and country, found by a country filter, and left out of
//! a bounding-box query, which only coordinates can satisfy.

use dateline_store::{EventStore, Filter, Store};
use serde_json::{Value, json};

fn record() -> Value {
    let text = "Troops shelled the village of Qurmal on Monday.";
    json!({
        "schema": "dateline/1",
        "article": {"id": "u1", "url": null, "source": "Test Wire", "title": null,
                    "standfirst": null, "published": "2016-10-17", "published_from": "input",
                    "language": "en", "text": text},
        "removed": [],
        "sentences": [{"start": 0, "end": text.len()}],
        "entities": [],
        "places": [
            {"id": "p1", "name": "Qurmal", "geonameid": null, "country": "SY", "admin1": null,
             "lat": null, "lon": null, "feature": "city", "mentions": [{"start": 30, "end": 36}]}
        ],
        "times": [],
        "events": [
            {"id": "v1", "sentence": 0, "trigger": {"start": 7, "end": 14}, "cameo": "195",
             "cameo_root": "19", "quad_class": 4, "goldstein": -10.0,
             "plover": {"type": "ASSAULT", "mode": null}, "status": "occurred",
             "source": [], "target": [],
             "date": {"value": "2016-10-17", "precision": "day", "time": null, "basis": "text"},
             "place": {"place": "p1", "basis": "sentence"}, "reported_by": null,
             "confidence": 0.8, "rule": "test", "same_as": null}
        ],
        "casualties": [],
        "quotes": []
    })
}

#[test]
fn a_place_without_coordinates_is_stored_and_queried_by_country() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(&[record()]).unwrap();
    let rows = store
        .query(&Filter {
            place_country: Some("SY".into()),
            limit: 10,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].place.as_deref(), Some("Qurmal"));
    assert_eq!(
        (rows[0].geonameid, rows[0].lat, rows[0].lon),
        (None, None, None)
    );
    let boxed = store
        .query(&Filter {
            bbox: Some([30.0, 30.0, 40.0, 40.0]),
            limit: 10,
            ..Filter::default()
        })
        .unwrap();
    assert!(boxed.is_empty());
}
