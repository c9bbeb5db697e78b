//! WARC reading: records built here from pages written for these tests, gzipped per record as
//! news crawls publish them.

use dateline_input::{Body, Defaults, Item, Reader};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;

fn record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n\
         WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len() as u32 ^ 0x5eed,
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut h = format!("HTTP/1.1 {status}\r\n");
    for x in headers {
        h.push_str(x);
        h.push_str("\r\n");
    }
    h.push_str("\r\n");
    let mut v = h.into_bytes();
    v.extend_from_slice(body);
    v
}

fn response(uri: &str, date: &str, http_block: Vec<u8>) -> Vec<u8> {
    record(
        "response",
        uri,
        date,
        "application/http; msgtype=response",
        &http_block,
    )
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

const PAGE_A: &str = "<!DOCTYPE html><html><head><title>Ferry service resumes</title></head><body>\
<article><h1>Ferry service resumes</h1><p>The island ferry resumed its crossings on Tuesday after \
a week of storms kept the boats in harbour, the operator said.</p></article></body></html>";

fn page_latin1() -> Vec<u8> {
    let mut v =
        b"<html><head><title>March</title></head><body><article><h1>March</h1><p>Protesters \
marched through the old town of Sch"
            .to_vec();
    v.push(0xf6); // ö in ISO-8859-1
    v.extend_from_slice(
        b"nberg on Sunday, calling for lower rents, organisers said.</p></article></body></html>",
    );
    v
}

const PAGE_C: &str = "<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1>\
<p>The city council voted on Thursday to close the river bridge for repairs next spring.</p>\
</article></body></html>";

/// The records of a small crawl, in order, and which of them are articles.
fn crawl() -> Vec<Vec<u8>> {
    let chunked_gz = {
        let z = gz(PAGE_C.as_bytes());
        let (a, b) = z.split_at(z.len() / 2);
        let mut body = format!("{:x}\r\n", a.len()).into_bytes();
        body.extend_from_slice(a);
        body.extend_from_slice(format!("\r\n{:x}\r\n", b.len()).as_bytes());
        body.extend_from_slice(b);
        body.extend_from_slice(b"\r\n0\r\n\r\n");
        body
    };
    vec![
        record(
            "warcinfo",
            "",
            "2024-03-05T10:00:00Z",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://ferry.example/news/resumes",
            "2024-03-05T10:00:01Z",
            "application/http; msgtype=request",
            b"GET /news/resumes HTTP/1.1\r\nHost: ferry.example\r\n\r\n",
        ),
        response(
            "https://ferry.example/news/resumes",
            "2024-03-05T10:00:02Z",
            http(
                "200 OK",
                &["Content-Type: text/html; charset=utf-8"],
                PAGE_A.as_bytes(),
            ),
        ),
        response(
            "https://ferry.example/logo.png",
            "2024-03-05T10:00:03Z",
            http(
                "200 OK",
                &["Content-Type: image/png"],
                b"\x89PNG\r\n\x1a\n....",
            ),
        ),
        response(
            "https://ferry.example/gone",
            "2024-03-05T10:00:04Z",
            http(
                "404 Not Found",
                &["Content-Type: text/html"],
                b"<p>gone</p>",
            ),
        ),
        response(
            "http://town.example/march",
            "2024-03-06T08:30:00Z",
            http(
                "200 OK",
                &["Content-Type: text/html; charset=ISO-8859-1"],
                &page_latin1(),
            ),
        ),
        record(
            "metadata",
            "http://town.example/march",
            "2024-03-06T08:30:01Z",
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        response(
            "https://city.example/council",
            "2024-03-07T12:00:00Z",
            http(
                "200 OK",
                &[
                    "Content-Type: text/html",
                    "Transfer-Encoding: chunked",
                    "Content-Encoding: gzip",
                ],
                &chunked_gz,
            ),
        ),
    ]
}

fn write_gz_warc(dir: &std::path::Path, name: &str, records: &[Vec<u8>]) -> (String, Vec<u64>) {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gz(r));
    }
    let path = dir.join(name);
    std::fs::write(&path, &file).unwrap();
    (path.display().to_string(), offsets)
}

fn read(paths: &[String]) -> Vec<Item> {
    Reader::new(paths.to_vec(), Defaults::default(), 1 << 20).collect()
}

fn html(item: &Item) -> &str {
    match &item.as_ref().unwrap().body {
        Body::Html(h) => h,
        Body::Text(_) => panic!("expected HTML"),
    }
}

#[test]
fn per_record_gzip_responses_become_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (path, offsets) = write_gz_warc(dir.path(), "crawl.warc.gz", &crawl());
    let items = read(std::slice::from_ref(&path));
    assert_eq!(items.len(), 3, "{items:?}");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.url.as_deref(), Some("https://ferry.example/news/resumes"));
    assert_eq!(a.input, format!("{path}@{}", offsets[2]));
    assert_eq!(
        a.fallback.published.as_deref(),
        Some("2024-03-05T10:00:02Z")
    );
    assert!(html(&items[0]).contains("week of storms"));
    // The charset of the Content-Type header decodes the page.
    assert!(html(&items[1]).contains("Schönberg"), "{}", html(&items[1]));
    assert_eq!(
        items[1].as_ref().unwrap().input,
        format!("{path}@{}", offsets[5])
    );
    // Chunked transfer and gzip content encoding undone.
    assert!(html(&items[2]).contains("river bridge"));
    assert_eq!(
        items[2].as_ref().unwrap().url.as_deref(),
        Some("https://city.example/council")
    );
    // The same records uncompressed, named by byte offset.
    let plain: Vec<u8> = crawl().concat();
    let p = dir.path().join("crawl.warc");
    std::fs::write(&p, &plain).unwrap();
    let items = read(&[p.display().to_string()]);
    assert_eq!(items.len(), 3);
    let third_offset: usize = crawl()[..7].iter().map(Vec::len).sum();
    assert_eq!(
        items[2].as_ref().unwrap().input,
        format!("{}@{third_offset}", p.display())
    );
    // Whole-file gzip: a record inside a member is named by member and offset into it.
    let w = dir.path().join("whole.warc.gz");
    std::fs::write(&w, gz(&plain)).unwrap();
    let items = read(&[w.display().to_string()]);
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[2].as_ref().unwrap().input,
        format!("{}@0+{third_offset}", w.display())
    );
}

#[test]
fn a_corrupt_member_is_one_error_and_the_rest_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl();
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for (i, r) in records.iter().enumerate() {
        offsets.push(file.len());
        let mut z = gz(r);
        if i == 2 {
            // Damage the deflate data of the first article's member.
            let mid = z.len() / 2;
            for b in &mut z[mid..mid + 8] {
                *b ^= 0xA5;
            }
        }
        file.extend_from_slice(&z);
    }
    let path = dir.path().join("bad.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let name = path.display().to_string();
    let items = read(std::slice::from_ref(&name));
    assert_eq!(items.len(), 3, "{items:?}");
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{name}@{}", offsets[2]));
    // Damaged deflate data fails as gzip, or first decodes to a broken record header.
    assert!(
        e.message.contains("gzip") || e.message.contains("malformed WARC record"),
        "{}",
        e.message
    );
    assert!(html(&items[1]).contains("Schönberg"));
    assert!(html(&items[2]).contains("river bridge"));
}

#[test]
fn a_checksum_error_is_reported_for_its_own_record() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl();
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for (i, r) in records.iter().enumerate() {
        offsets.push(file.len());
        let mut z = gz(r);
        if i == 2 {
            let n = z.len();
            z[n - 8] ^= 0xFF; // the CRC-32 of the trailer
        }
        file.extend_from_slice(&z);
    }
    let path = dir.path().join("crc.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let name = path.display().to_string();
    let items = read(std::slice::from_ref(&name));
    assert_eq!(items.len(), 3, "{items:?}");
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{name}@{}", offsets[2]));
    assert!(e.message.contains("gzip"), "{}", e.message);
    assert!(html(&items[1]).contains("Schönberg"));
    assert!(html(&items[2]).contains("river bridge"));
}

#[test]
fn a_member_with_a_broken_header_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl();
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for (i, r) in records.iter().enumerate() {
        offsets.push(file.len());
        let mut z = gz(r);
        if i == 5 {
            z[2] = 0x07; // no deflate: not a gzip member
        }
        file.extend_from_slice(&z);
    }
    let path = dir.path().join("hdr.warc.gz");
    std::fs::write(&path, &file).unwrap();
    let name = path.display().to_string();
    let items = read(std::slice::from_ref(&name));
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(html(&items[0]).contains("week of storms"));
    let e = items[1].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{name}@{}", offsets[5]));
    assert!(e.message.contains("not gzip"), "{}", e.message);
    assert!(html(&items[2]).contains("river bridge"));
}

#[test]
fn a_truncated_file_ends_with_an_error_naming_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (path, offsets) = write_gz_warc(dir.path(), "t.warc.gz", &crawl());
    let bytes = std::fs::read(&path).unwrap();
    let last = *offsets.last().unwrap() as usize;
    std::fs::write(&path, &bytes[..last + (bytes.len() - last) / 2]).unwrap();
    let items = read(std::slice::from_ref(&path));
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].is_ok() && items[1].is_ok());
    let e = items[2].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{path}@{last}"));
    assert!(e.message.contains("truncated"), "{}", e.message);

    // Uncompressed and cut inside a block.
    let plain = crawl().concat();
    let p = dir.path().join("t.warc");
    std::fs::write(&p, &plain[..plain.len() - 40]).unwrap();
    let items = read(&[p.display().to_string()]);
    assert_eq!(items.len(), 3);
    let e = items[2].as_ref().unwrap_err();
    assert!(e.message.contains("truncated"), "{}", e.message);
}

#[test]
fn a_malformed_record_is_skipped_up_to_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = crawl();
    // A record with an unreadable length, and garbage between records.
    let bad = String::from_utf8(records[2].clone()).unwrap().replacen(
        "Content-Length: ",
        "Content-Length: x",
        1,
    );
    records[2] = bad.into_bytes();
    records.insert(4, b"this line is no record\r\n".to_vec());
    let plain = records.concat();
    let p = dir.path().join("m.warc");
    std::fs::write(&p, &plain).unwrap();
    let items = read(&[p.display().to_string()]);
    assert_eq!(items.len(), 4, "{items:?}");
    let offset: usize = records[..2].iter().map(Vec::len).sum();
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{}@{offset}", p.display()));
    assert!(e.message.contains("Content-Length"), "{}", e.message);
    let e = items[1].as_ref().unwrap_err();
    assert!(
        e.message.contains("expected a WARC/1.x version line"),
        "{}",
        e.message
    );
    assert!(html(&items[2]).contains("Schönberg"));
    assert!(html(&items[3]).contains("river bridge"));
}

#[test]
fn oversized_records_are_refused_and_skipped_without_reading_them_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = response(
        "https://big.example/",
        "2024-03-05T00:00:00Z",
        http(
            "200 OK",
            &["Content-Type: text/html"],
            &b"<p>word word word</p>".repeat(4000),
        ),
    );
    let (path, offsets) = write_gz_warc(dir.path(), "big.warc.gz", &[big, crawl()[2].clone()]);
    let items: Vec<Item> =
        Reader::new(vec![path.clone()], Defaults::default(), 16 * 1024).collect();
    assert_eq!(items.len(), 2);
    let e = items[0].as_ref().unwrap_err();
    assert_eq!(e.input, format!("{path}@0"));
    assert!(e.message.contains("limit"));
    assert_eq!(
        items[1].as_ref().unwrap().input,
        format!("{path}@{}", offsets[1])
    );
}

#[test]
fn warc_on_standard_input_is_detected() {
    let s = dateline_input::sniff(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n");
    assert_eq!(s, dateline_input::Format::Warc);
}
