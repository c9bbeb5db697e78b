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
    let path = std::env::temp_dir().join(format!(
        "dateline-unresolved-place-{}.parquet",
        std::process::id()
    ));
    let n = write_parquet(&[record()], std::fs::File::create(&path).unwrap()).unwrap();
    assert_eq!(n, 1);
    let rows = read_parquet(&path);
    std::fs::remove_file(&path).ok();
    // The file read back with the parquet crate: the one row, its place named, no coordinates.
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let col = |name: &str| {
        row.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no column {name}"))
            .1
            .clone()
    };
    use parquet::record::Field;
    assert_eq!(col("article_id"), Field::Str("u1".into()));
    assert_eq!(col("event_id"), Field::Str("v1".into()));
    assert_eq!(col("place_name"), Field::Str("Qurmal".into()));
    assert_eq!(col("place_country"), Field::Str("SY".into()));
    assert_eq!(col("lat"), Field::Null);
    assert_eq!(col("lon"), Field::Null);
    assert_eq!(col("geonameid"), Field::Null);
    assert_eq!(col("cameo"), Field::Str("195".into()));
}

/// Every row of a Parquet file as (column, value) pairs.
fn read_parquet(path: &std::path::Path) -> Vec<Vec<(String, parquet::record::Field)>> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .map(|(n, f)| (n.clone(), f.clone()))
                .collect()
        })
        .collect()
}
