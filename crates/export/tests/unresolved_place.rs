//! An event placed at a toponym the gazetteer could not resolve (`geonameid`, `lat` and `lon`
//! null): every export writes the place's name and country and leaves the coordinates empty.

use dateline_export::*;
use serde_json::{Value, json};

fn record() -> Value {
    let text = "Troops shelled the village of Qurmal.";
    json!({
        "schema": "dateline/1",
        "article": {"id": "u1", "url": null, "source": "Test Wire", "title": null,
                    "standfirst": null, "published": "2016-10-15", "published_from": "input",
                    "language": "en", "text": text},
        "sentences": [{"start": 0, "end": text.len()}],
        "entities": [],
        "places": [
            {"id": "p1", "name": "Qurmal", "geonameid": null, "country": "SY", "admin1": null,
             "lat": null, "lon": null, "feature": "city", "mentions": [{"start": 30, "end": 36}]}
        ],
        "events": [
            {"id": "v1", "sentence": 0, "trigger": {"start": 7, "end": 14}, "cameo": "195",
             "cameo_root": "19", "quad_class": 4, "goldstein": -10.0,
             "plover": {"type": "ASSAULT", "mode": null}, "status": "occurred",
             "source": [], "target": [],
             "date": {"value": "2016-10-15", "precision": "day", "time": null, "basis": "published"},
             "place": {"place": "p1", "basis": "sentence"}, "same_as": null}
        ],
        "casualties": [],
        "quotes": []
    })
}

#[test]
fn gdelt_names_the_place_without_coordinates() {
    let rows = gdelt_rows(&record());
    assert_eq!(rows.len(), 1);
    let col = |n: &str| &rows[0][gdelt::column(n).unwrap()];
    assert!(col("ActionGeo_FullName").starts_with("Qurmal"));
    assert_eq!(col("ActionGeo_CountryCode"), "SY");
    assert_eq!(col("ActionGeo_Lat"), "");
    assert_eq!(col("ActionGeo_Long"), "");
    assert_eq!(col("ActionGeo_FeatureID"), "");
}

#[test]
fn acled_names_the_place_and_claims_no_precise_location() {
    let rows = acled_rows(&record());
    assert_eq!(rows.len(), 1);
    let col = |n: &str| &rows[0][ACLED_COLUMNS.iter().position(|c| *c == n).unwrap()];
    assert_eq!(col("location"), "Qurmal");
    assert_eq!(col("latitude"), "");
    assert_eq!(col("longitude"), "");
    assert_eq!(col("geo_precision"), "3");
}

#[test]
fn plover_and_parquet_carry_null_coordinates() {
    let recs = plover_records(&record());
    assert_eq!(recs.len(), 1);
    let loc = &recs[0]["location"];
    assert_eq!(loc["placeName"], "Qurmal");
    assert!(loc["lat"].is_null() && loc["lon"].is_null() && loc["geonameid"].is_null());
    let mut out = Vec::new();
    let n = write_parquet(&[record()], &mut out).unwrap();
    assert_eq!(n, 1);
    assert!(out.starts_with(b"PAR1"));
}
