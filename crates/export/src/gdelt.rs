//! The GDELT 2.0 event table: 61 columns in GDELT's order, tab-separated, no header by default
//! (as GDELT publishes its `export.CSV` files). Columns dateline cannot fill stay empty; see
//! docs/exports.md.

use crate::{Record, event_day, mention_id, s};
use serde_json::Value;
use std::io::{self, Write};

/// GDELT 2.0 event table column names, in GDELT's order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Index of a column by its GDELT name.
pub fn column(name: &str) -> Option<usize> {
    GDELT_COLUMNS.iter().position(|c| *c == name)
}

/// Tabs and line breaks cannot appear inside a GDELT field: they become spaces.
fn clean(x: &str) -> String {
    x.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The 10 actor columns (Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
/// Religion2Code, Type1Code, Type2Code, Type3Code) for one argument.
fn actor(rec: &Record, arg: Option<&Value>, row: &mut [String]) {
    let Some(arg) = arg else { return };
    let ent = rec.arg_entity(arg);
    let code = s(arg, "code")
        .or_else(|| ent.and_then(|e| s(&e["actor"], "code")))
        .unwrap_or("");
    row[0] = code.to_string();
    row[1] = rec
        .arg_name(arg)
        .map(|n| clean(&n).to_uppercase())
        .unwrap_or_default();
    let a = ent.map(|e| &e["actor"]);
    let country = a.and_then(|a| s(a, "country"));
    let sector = a.and_then(|a| s(a, "sector"));
    if let Some(c) = country {
        row[2] = c.to_string();
    } else if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) && sector.is_none() {
        // A bare three-letter code with no sector is a country code.
        row[2] = code.to_string();
    }
    // International and non-state codes: IGOUNO is the known group UNO, type IGO.
    if country.is_none() && code.len() >= 6 && matches!(&code[..3], "IGO" | "NGO" | "NGM" | "MNC") {
        row[3] = code[3..6].to_string();
        row[7] = code[..3].to_string();
    }
    if let Some(sec) = sector
        && row[7].is_empty()
    {
        row[7] = sec.to_string();
    }
}

/// GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
fn geo_type(place: &Value) -> &'static str {
    let us = s(place, "country") == Some("US");
    match s(place, "feature") {
        Some("country") => "1",
        Some("admin1") => {
            if us {
                "2"
            } else {
                "5"
            }
        }
        Some("city" | "admin2" | "landmark" | "water") => {
            if us {
                "3"
            } else {
                "4"
            }
        }
        _ => "",
    }
}

fn num(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// The 8 geography columns (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID) for one place.
fn geo(rec: &Record, place: Option<&Value>, row: &mut [String]) {
    let Some(p) = place else { return };
    row[0] = geo_type(p).to_string();
    let iso = s(p, "country");
    let name = s(p, "name");
    let mut parts: Vec<&str> = Vec::with_capacity(3);
    if s(p, "feature") != Some("country") {
        parts.extend(name);
        parts.extend(s(p, "admin1").filter(|a| Some(*a) != name));
    }
    // GDELT writes "City, Province, Country" with the country's name.
    parts.extend(iso.and_then(|c| rec.country_name(c)).or(iso));
    row[1] = clean(&parts.join(", "));
    // GDELT's geographic country codes are FIPS 10-4.
    row[2] = iso
        .and_then(crate::country)
        .map(|c| c.fips.to_string())
        .unwrap_or_default();
    // ADM1Code (FIPS country + FIPS admin1) and ADM2Code: no FIPS admin codes; left empty.
    row[5] = num(&p["lat"]);
    row[6] = num(&p["lon"]);
    row[7] = num(&p["geonameid"]);
}

/// Whether an event lies in the title, standfirst or first body paragraph of the article
/// (GDELT's IsRootEvent: "in the lead paragraph").
fn is_root(rec: &Record, event: &Value) -> bool {
    let art = rec.article();
    let Some(text) = s(art, "text") else {
        return false;
    };
    let Some(start) = event["trigger"]["start"].as_u64().map(|x| x as usize) else {
        return false;
    };
    // Paragraphs are separated by blank lines; skip title and standfirst when present.
    let mut pos = 0;
    for field in ["title", "standfirst"] {
        if let Some(t) = s(art, field)
            && text[pos..].starts_with(t)
        {
            pos += t.len();
            pos = text[pos..]
                .find(|c: char| !c.is_whitespace())
                .map_or(text.len(), |k| pos + k);
        }
    }
    let lead_end = text[pos..].find("\n\n").map_or(text.len(), |k| pos + k);
    start < lead_end
}

/// One GDELT row for one event mention of a record.
pub fn gdelt_row(rec: &Record, event: &Value) -> Vec<String> {
    let mut row = vec![String::new(); GDELT_COLUMNS.len()];
    row[0] = mention_id(rec, event).to_string();
    if let Some((d, _)) = event_day(rec, event) {
        row[1] = format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
        row[2] = format!("{:04}{:02}", d.year(), d.month());
        row[3] = format!("{:04}", d.year());
        // GDELT: YYYY.FFFF, the year plus the day of the year over 365.
        row[4] = format!("{:.4}", d.year() as f64 + d.day_of_year() as f64 / 365.0);
    }
    actor(rec, rec.first_arg(event, "source"), &mut row[5..15]);
    actor(rec, rec.first_arg(event, "target"), &mut row[15..25]);
    row[25] = if is_root(rec, event) { "1" } else { "0" }.to_string();
    if let Some(code) = s(event, "cameo") {
        row[26] = code.to_string();
        row[27] = code.get(..3).unwrap_or(code).to_string();
        row[28] = s(event, "cameo_root")
            .or_else(|| code.get(..2))
            .unwrap_or(code)
            .to_string();
    }
    row[29] = num(&event["quad_class"]);
    row[30] = num(&event["goldstein"]);
    // From the store's cluster when there is one (counts over every article stored), else
    // within this article only.
    match crate::event_cluster(event) {
        Some(c) => {
            row[31] = c.mentions.to_string();
            row[32] = c.sources.to_string();
            row[33] = c.articles.to_string();
        }
        None => {
            row[31] = rec.mentions_of(event).to_string();
            row[32] = "1".to_string();
            row[33] = "1".to_string();
        }
    }
    // AvgTone (34): dateline measures no tone.
    geo(
        rec,
        rec.first_arg(event, "source")
            .and_then(|a| rec.arg_place(a)),
        &mut row[35..43],
    );
    geo(
        rec,
        rec.first_arg(event, "target")
            .and_then(|a| rec.arg_place(a)),
        &mut row[43..51],
    );
    geo(rec, rec.event_place(event), &mut row[51..59]);
    if let Some(d) = s(rec.article(), "published").and_then(crate::day) {
        row[59] = format!("{:04}{:02}{:02}000000", d.year(), d.month(), d.day());
    }
    let art = rec.article();
    row[60] = clean(s(art, "url").or_else(|| s(art, "source")).unwrap_or(""));
    row
}

/// GDELT rows for every exported (occurred) event mention of one record; none for error records.
pub fn gdelt_rows(record: &Value) -> Vec<Vec<String>> {
    let Some(rec) = Record::new(record) else {
        return Vec::new();
    };
    rec.occurred().map(|e| gdelt_row(&rec, e)).collect()
}

/// Write the GDELT event table for `records`, tab-separated, one line per event mention;
/// `header` adds a first line of column names (GDELT's files have none).
pub fn write_gdelt<W: Write>(records: &[Value], out: W, header: bool) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    if header {
        writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    }
    for r in records {
        for row in gdelt_rows(r) {
            writeln!(out, "{}", row.join("\t"))?;
        }
    }
    out.flush()
}
