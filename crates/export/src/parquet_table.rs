//! Parquet: one row per exported (occurred) event mention, the same rows as the GDELT, PLOVER
//! and ACLED exports, as typed columns for pandas, R, DuckDB and Spark. Dates are `DATE`
//! (Arrow `date32`), coordinates and scores `DOUBLE` (`float64`), counts and ids `INT64`;
//! lists of actor codes are joined with `|` into one string. Written with the `parquet` crate's
//! column writers (no Arrow dependency), Snappy-compressed, in row groups of
//! [`ROW_GROUP`] rows. docs/exports.md lists every column.

use crate::{Record, acled::acled_type, event_cluster, event_day, mention_id, s};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::Value;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group.
pub const ROW_GROUP: usize = 65_536;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// UTF-8 string.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Day: days since 1970-01-01.
    Date,
}

/// Column name, type, and whether every row has a value.
const COLUMNS: &[(&str, Kind, bool)] = &[
    ("global_event_id", Kind::Int, true),
    ("article_id", Kind::Str, true),
    ("event_id", Kind::Str, true),
    ("cluster", Kind::Str, false),
    ("num_mentions", Kind::Int, true),
    ("num_articles", Kind::Int, true),
    ("num_sources", Kind::Int, true),
    ("date", Kind::Date, false),
    ("date_value", Kind::Str, false),
    ("date_precision", Kind::Str, false),
    ("cameo", Kind::Str, false),
    ("cameo_root", Kind::Str, false),
    ("quad_class", Kind::Int, false),
    ("goldstein", Kind::Float, false),
    ("plover_type", Kind::Str, false),
    ("plover_mode", Kind::Str, false),
    ("status", Kind::Str, true),
    ("source_actor", Kind::Str, false),
    ("source_name", Kind::Str, false),
    ("source_country", Kind::Str, false),
    ("source_actors", Kind::Str, false),
    ("target_actor", Kind::Str, false),
    ("target_name", Kind::Str, false),
    ("target_country", Kind::Str, false),
    ("target_actors", Kind::Str, false),
    ("place_name", Kind::Str, false),
    ("place_country", Kind::Str, false),
    ("admin1", Kind::Str, false),
    ("geonameid", Kind::Int, false),
    ("lat", Kind::Float, false),
    ("lon", Kind::Float, false),
    ("fatalities", Kind::Int, false),
    ("injured", Kind::Int, false),
    ("acled_event_type", Kind::Str, false),
    ("acled_sub_event_type", Kind::Str, false),
    ("trigger", Kind::Str, false),
    ("evidence", Kind::Str, false),
    ("outlet", Kind::Str, false),
    ("url", Kind::Str, false),
    ("title", Kind::Str, false),
    ("published", Kind::Date, false),
    ("language", Kind::Str, false),
];

/// The column names, in file order.
pub const PARQUET_COLUMNS: [&str; 42] = {
    let mut out = [""; 42];
    let mut i = 0;
    while i < COLUMNS.len() {
        out[i] = COLUMNS[i].0;
        i += 1;
    }
    out
};

/// One cell.
#[derive(Clone, Debug, PartialEq)]
enum Cell {
    Null,
    Str(String),
    Int(i64),
    Float(f64),
}

fn message_type() -> String {
    let mut m = String::from("message dateline_event {\n");
    for (name, kind, required) in COLUMNS {
        let rep = if *required { "required" } else { "optional" };
        let ty = match kind {
            Kind::Str => "binary",
            Kind::Int => "int64",
            Kind::Float => "double",
            Kind::Date => "int32",
        };
        let ann = match kind {
            Kind::Str => " (UTF8)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        m.push_str(&format!("  {rep} {ty} {name}{ann};\n"));
    }
    m.push('}');
    m
}

/// Days since 1970-01-01 of a civil date.
fn days(d: jiff::civil::Date) -> i64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = d.since(epoch).unwrap_or_default();
    span.get_days() as i64
}

fn text(x: Option<&str>) -> Cell {
    x.map_or(Cell::Null, |v| Cell::Str(v.to_string()))
}

fn float(v: &Value) -> Cell {
    v.as_f64().map_or(Cell::Null, Cell::Float)
}

fn int(v: &Value) -> Cell {
    v.as_i64().map_or(Cell::Null, Cell::Int)
}

/// The cells of one event mention, in [`COLUMNS`] order.
fn row(rec: &Record, event: &Value) -> Vec<Cell> {
    let art = rec.article();
    let cluster = event_cluster(event);
    let side = |role: &str| {
        let first = rec.first_arg(event, role);
        let ent = first.and_then(|a| rec.arg_entity(a));
        let code = first
            .and_then(|a| s(a, "code"))
            .or_else(|| ent.and_then(|e| s(&e["actor"], "code")));
        let all: Vec<&str> = event
            .get(role)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|a| {
                s(a, "code").or_else(|| rec.arg_entity(a).and_then(|e| s(&e["actor"], "code")))
            })
            .collect();
        [
            text(code),
            first
                .and_then(|a| rec.arg_name(a))
                .map_or(Cell::Null, Cell::Str),
            text(ent.and_then(|e| s(&e["actor"], "country"))),
            if all.is_empty() {
                Cell::Null
            } else {
                Cell::Str(all.join("|"))
            },
        ]
    };
    let place = rec.event_place(event);
    let pf = |k: &str| place.map_or(&Value::Null, |p| &p[k]);
    let sector = rec
        .first_arg(event, "source")
        .and_then(|a| rec.arg_entity(a))
        .and_then(|e| s(&e["actor"], "sector"));
    let acled = acled_type(s(event, "cameo"), s(&event["plover"], "type"), sector);
    let mut out = vec![
        Cell::Int(mention_id(rec, event) as i64),
        Cell::Str(s(art, "id").unwrap_or("").to_string()),
        Cell::Str(s(event, "id").unwrap_or("").to_string()),
        text(cluster.as_ref().map(|c| c.id)),
        Cell::Int(
            cluster
                .as_ref()
                .map_or(rec.mentions_of(event) as u64, |c| c.mentions) as i64,
        ),
        Cell::Int(cluster.as_ref().map_or(1, |c| c.articles) as i64),
        Cell::Int(cluster.as_ref().map_or(1, |c| c.sources) as i64),
        event_day(rec, event).map_or(Cell::Null, |(d, _)| Cell::Int(days(d))),
        text(s(&event["date"], "value")),
        text(s(&event["date"], "precision")),
        text(s(event, "cameo")),
        text(s(event, "cameo_root").or_else(|| s(event, "cameo").and_then(|c| c.get(..2)))),
        int(&event["quad_class"]),
        float(&event["goldstein"]),
        text(s(&event["plover"], "type")),
        text(s(&event["plover"], "mode")),
        Cell::Str(s(event, "status").unwrap_or("occurred").to_string()),
    ];
    out.extend(side("source"));
    out.extend(side("target"));
    out.extend([
        text(pf("name").as_str()),
        text(pf("country").as_str()),
        text(pf("admin1").as_str()),
        int(pf("geonameid")),
        float(pf("lat")),
        float(pf("lon")),
        rec.fatalities(event)
            .map_or(Cell::Null, |n| Cell::Int(n as i64)),
        rec.toll(event, "injured")
            .map_or(Cell::Null, |n| Cell::Int(n as i64)),
        text(acled.as_ref().map(|a| a.0)),
        text(acled.as_ref().map(|a| a.1.as_str())),
        text(rec.span_text(&event["trigger"])),
        text(rec.sentence_text(event)),
        text(s(art, "source")),
        text(s(art, "url")),
        text(s(art, "title")),
        s(art, "published")
            .and_then(crate::day)
            .map_or(Cell::Null, |d| Cell::Int(days(d))),
        text(s(art, "language")),
    ]);
    debug_assert_eq!(out.len(), COLUMNS.len());
    out
}

/// Streams records into a Parquet file: rows are buffered and written a row group at a time.
pub struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    rows: Vec<Vec<Cell>>,
    written: u64,
}

fn err(e: parquet::errors::ParquetError) -> std::io::Error {
    std::io::Error::other(e)
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> std::io::Result<ParquetWriter<W>> {
        let schema = Arc::new(parse_message_type(&message_type()).map_err(err)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("dateline {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        Ok(ParquetWriter {
            writer: SerializedFileWriter::new(out, schema, props).map_err(err)?,
            rows: Vec::new(),
            written: 0,
        })
    }

    /// Add the exported (occurred) mentions of one record; error records add nothing.
    pub fn add(&mut self, record: &Value) -> std::io::Result<()> {
        let Some(rec) = Record::new(record) else {
            return Ok(());
        };
        for e in rec.occurred() {
            self.rows.push(row(&rec, e));
        }
        if self.rows.len() >= ROW_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn flush_group(&mut self) -> std::io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let mut rg = self.writer.next_row_group().map_err(err)?;
        let mut i = 0;
        while let Some(mut col) = rg.next_column().map_err(err)? {
            let (_, kind, _) = COLUMNS[i];
            let defs: Vec<i16> = rows.iter().map(|r| i16::from(r[i] != Cell::Null)).collect();
            // Required columns take no definition levels.
            let defs = if COLUMNS[i].2 { None } else { Some(&defs[..]) };
            match kind {
                Kind::Str => {
                    let v: Vec<ByteArray> = rows
                        .iter()
                        .filter_map(|r| match &r[i] {
                            Cell::Str(s) => Some(ByteArray::from(s.as_str())),
                            _ => None,
                        })
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, defs, None)
                        .map_err(err)?;
                }
                Kind::Int => {
                    let v: Vec<i64> = rows
                        .iter()
                        .filter_map(|r| match r[i] {
                            Cell::Int(n) => Some(n),
                            _ => None,
                        })
                        .collect();
                    col.typed::<Int64Type>()
                        .write_batch(&v, defs, None)
                        .map_err(err)?;
                }
                Kind::Date => {
                    let v: Vec<i32> = rows
                        .iter()
                        .filter_map(|r| match r[i] {
                            Cell::Int(n) => Some(n as i32),
                            _ => None,
                        })
                        .collect();
                    col.typed::<Int32Type>()
                        .write_batch(&v, defs, None)
                        .map_err(err)?;
                }
                Kind::Float => {
                    let v: Vec<f64> = rows
                        .iter()
                        .filter_map(|r| match r[i] {
                            Cell::Float(n) => Some(n),
                            _ => None,
                        })
                        .collect();
                    col.typed::<DoubleType>()
                        .write_batch(&v, defs, None)
                        .map_err(err)?;
                }
            }
            col.close().map_err(err)?;
            i += 1;
        }
        rg.close().map_err(err)?;
        self.written += rows.len() as u64;
        Ok(())
    }

    /// Write the last row group and the footer; returns the number of rows written.
    pub fn finish(mut self) -> std::io::Result<u64> {
        self.flush_group()?;
        self.writer.close().map_err(err)?;
        Ok(self.written)
    }
}

/// Write the Parquet table of `records` (one row per occurred event mention); returns the
/// number of rows.
pub fn write_parquet<W: Write + Send>(records: &[Value], out: W) -> std::io::Result<u64> {
    let mut w = ParquetWriter::new(out)?;
    for r in records {
        w.add(r)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_parses_and_names_every_column() {
        let t = parse_message_type(&message_type()).unwrap();
        assert_eq!(t.get_fields().len(), COLUMNS.len());
        assert_eq!(PARQUET_COLUMNS.len(), COLUMNS.len());
        assert!(PARQUET_COLUMNS.iter().all(|c| !c.is_empty()));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(days(jiff::civil::date(1970, 1, 1)), 0);
        assert_eq!(days(jiff::civil::date(2016, 12, 14)), 17149);
    }
}
