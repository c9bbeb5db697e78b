//! Arbitrary bytes as a plain-text article.
#![no_main]

mod common;

use dateline_input::Body;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = dateline_input::decode(data, false) {
        common::run(common::raw(Body::Text(text)));
    }
});
