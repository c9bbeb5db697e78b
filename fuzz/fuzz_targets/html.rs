//! Arbitrary bytes as an HTML page.
#![no_main]

mod common;

use dateline_input::Body;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(page) = dateline_input::decode(data, true) {
        common::run(common::raw(Body::Html(page)));
    }
});
