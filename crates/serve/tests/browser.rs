//! The page end to end in headless Chromium: starts a server over the fixture articles (the
//! hostile one included) and runs crates/serve/e2e/page.mjs against it with playwright-core.
//! Skips with a notice when Chromium, node or the e2e node_modules are missing
//! (`.ci/setup.d/30-browser.sh` installs them). The same page runs again over a PostgreSQL
//! store of the same articles when PostgreSQL is installed.

mod common;

use dateline_serve::Options;
use std::path::Path;
use std::process::Command;

/// Chromium's path when the browser checks can run, else a printed notice and `None`.
fn chromium() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e");
    let node_ok = Command::new("node")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !Path::new(&chromium).exists() {
        println!(
            "NOTICE: skipping the browser test: no Chromium at {chromium} (run .ci/setup.d/30-browser.sh)"
        );
        return None;
    }
    if !node_ok {
        println!("NOTICE: skipping the browser test: no node (run .ci/setup.d/30-browser.sh)");
        return None;
    }
    if !e2e.join("node_modules/playwright-core").is_dir() {
        println!(
            "NOTICE: skipping the browser test: no {} (run `npm ci` there, or .ci/setup.d/30-browser.sh)",
            e2e.join("node_modules").display()
        );
        return None;
    }
    Some(chromium)
}

#[test]
fn page_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    let (_dir, db) = common::store_with(&["articles.jsonl", "hostile.jsonl"]);
    let server = common::start(Options::new(db));
    run_page(&chromium, &server, "serve-screenshot.png");
}

#[test]
fn page_in_headless_chromium_on_postgres() {
    let Some(chromium) = chromium() else {
        return;
    };
    let Some(pg) = dateline_store_pg::testing::TempPostgres::start() else {
        return;
    };
    let url = pg.create_database("page");
    {
        use dateline_store::EventStore;
        let mut s = dateline_store_pg::PgStore::open(&url).unwrap();
        s.insert_batch(&common::records(&["articles.jsonl", "hostile.jsonl"]))
            .unwrap();
    }
    let server = common::start(Options::new(&url));
    run_page(&chromium, &server, "serve-screenshot-postgres.png");
}

/// page.mjs against a running server: every check passes and the screenshot is a drawn page.
fn run_page(chromium: &str, server: &common::Server, screenshot: &str) {
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e");
    // The screenshot stays in target/ for a person to look at.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target");
    std::fs::create_dir_all(&target).unwrap();
    let shot = target.join(screenshot);
    let _ = std::fs::remove_file(&shot);
    let out = Command::new("node")
        .arg(e2e.join("page.mjs"))
        .arg(server.url())
        .arg(&shot)
        .env("CHROMIUM", chromium)
        .current_dir(&e2e)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    assert!(
        out.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    let png = std::fs::read(&shot).expect("screenshot written");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    assert!(
        png.len() > 20_000,
        "a screenshot of a drawn page is no tiny file: {} bytes",
        png.len()
    );
}
