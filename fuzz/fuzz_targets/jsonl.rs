//! Arbitrary bytes as one JSON Lines record (with its metadata: id, published, url, title...).
#![no_main]

mod common;

use dateline_input::Defaults;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reader rejects lines that are not UTF-8 before parsing, and trims them.
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if let Ok(raw) = dateline_input::parse_json_line(line, "<fuzz>:1", &Defaults::default()) {
        common::run(raw);
    }
});
