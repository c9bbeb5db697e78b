//! Writes the letter and letter-or-digit bit tables of `src/lib.rs` (`Classes`) from the standard
//! library's own `char::is_alphabetic` and `char::is_alphanumeric`, so that the tables are plain
//! statics: no lazy initialisation to check on every character, and small enough for other
//! crates to inline the lookup.

use std::fmt::Write as _;

/// The tables cover every code point below the surrogates (Latin, Greek, Cyrillic, Arabic,
/// Hebrew, Indic scripts, punctuation, kana, CJK ideographs, Hangul); `src/lib.rs` takes its
/// `TABLE_END` from the tables' length, and a test there checks every code point.
const TABLE_END: u32 = 0xD800;

fn table(name: &str, class: fn(char) -> bool) -> String {
    let mut words = vec![0u64; (TABLE_END / 64) as usize];
    for c in (0..TABLE_END).filter_map(char::from_u32) {
        words[(c as u32 / 64) as usize] |= u64::from(class(c)) << (c as u32 % 64);
    }
    let mut s = format!("static {name}: [u64; {}] = [\n", words.len());
    for w in words {
        let _ = writeln!(s, "    {w:#018x},");
    }
    s.push_str("];\n");
    s
}

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let code = table("ALPHA", char::is_alphabetic) + &table("ALNUM", char::is_alphanumeric);
    std::fs::write(out.join("classes.rs"), code).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
