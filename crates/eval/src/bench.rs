//! Benchmark: throughput (articles per CPU-second on one thread) and peak memory of the HTML
//! stage and of the whole pipeline, beside Python trafilatura on the same pages, and the peak
//! memory of `dateline extract` over a 10,000-article JSON Lines stream.
//!
//! Each measured part runs in a child process (`dateline-eval bench --child PART`) so that its
//! peak resident memory (`VmHWM`) is its own. Throughput is counted in CPU time of the
//! measuring process (`/proc/self/stat`), not wall time, so other work on the machine does not
//! skew it; wall-clock figures are printed beside.

use crate::extraction::{DATASET, Page, load};
use dateline_input::{Body, RawArticle};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Keep repeating a part's passes over its articles until this much CPU time has been spent.
const MIN_CPU_SECONDS: f64 = 4.0;
const STREAM_ARTICLES: usize = 10_000;
/// The plain-text pipeline is measured this many times (each in a fresh child process) and the
/// median reported with the range: the machine is shared, and one run can be off by several
/// per cent.
const TEXT_RUNS: usize = 3;

/// CPU time (user + system) of this process so far, in seconds.
pub fn cpu_seconds() -> f64 {
    let Ok(s) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let Some(rest) = s.rfind(')').map(|i| &s[i + 1..]) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// A `kB` line of `/proc/<pid>/status` (e.g. `VmHWM`).
fn status_kb(pid: &str, key: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Plain-text articles: the repository's examples/*.txt and the benchmark's gold bodies.
fn text_articles(pages: &[Page]) -> Vec<String> {
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(crate::workspace_root().join("examples")) {
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                texts.push(t);
            }
        }
    }
    texts.extend(
        pages
            .iter()
            .filter(|p| !p.gold.trim().is_empty())
            .map(|p| p.gold.clone()),
    );
    texts
}

/// One article as the input crate makes it from a JSON line (so this stays in step with it).
fn raw(id: &str, body: Body, url: Option<&str>) -> RawArticle {
    let line = match &body {
        Body::Html(h) => serde_json::json!({"id": id, "html": h, "url": url}),
        Body::Text(t) => serde_json::json!({"id": id, "text": t, "url": url}),
    };
    dateline_input::parse_json_line(&line.to_string(), id, &dateline_input::Defaults::default())
        .expect("a JSON line built here is well-formed")
}

/// Run one part in this (child) process and print its figures as one JSON line.
fn child(part: &str) -> Result<(), String> {
    let Some(dir) = crate::dataset(DATASET) else {
        return Ok(());
    };
    let pages = load(&dir)?;
    let texts = text_articles(&pages);
    let mut setup_seconds = 0.0;
    let pipeline = if part.starts_with("pipeline") {
        let t = Instant::now();
        let p = dateline_pipeline::Pipeline::new();
        setup_seconds = t.elapsed().as_secs_f64();
        Some(p)
    } else {
        None
    };
    let (mut items, mut errors, mut cpu, mut wall, mut chars) = (0usize, 0usize, 0.0, 0.0, 0usize);
    let mut stages: Vec<(&'static str, f64)> = Vec::new();
    while cpu < MIN_CPU_SECONDS {
        match part {
            "html" | "html-trafilatura" => {
                let engine = if part == "html" {
                    dateline_html::Engine::default()
                } else {
                    dateline_html::Engine::Trafilatura
                };
                let (c0, t0) = (cpu_seconds(), Instant::now());
                for p in &pages {
                    chars += dateline_html::extract_with(&p.html, Some(&p.url), engine)
                        .text
                        .len();
                }
                cpu += cpu_seconds() - c0;
                wall += t0.elapsed().as_secs_f64();
                items += pages.len();
            }
            "pipeline-html" | "pipeline-text" => {
                let batch: Vec<RawArticle> = if part == "pipeline-html" {
                    pages
                        .iter()
                        .map(|p| raw(&p.id, Body::Html(p.html.clone()), Some(&p.url)))
                        .collect()
                } else {
                    texts
                        .iter()
                        .enumerate()
                        .map(|(i, t)| raw(&format!("t{i}"), Body::Text(t.clone()), None))
                        .collect()
                };
                let n = batch.len();
                let pl = pipeline.as_ref().ok_or("no pipeline")?;
                let (c0, t0) = (cpu_seconds(), Instant::now());
                measured_pass(pl, batch, &mut chars, &mut errors);
                cpu += cpu_seconds() - c0;
                wall += t0.elapsed().as_secs_f64();
                items += n;
            }
            "stages-text" => {
                // Each stage of the plain-text pipeline timed on its own (CPU seconds per
                // stage, printed as one JSON line): where the pipeline's time goes.
                let (c0, t0) = (cpu_seconds(), Instant::now());
                stage_times(&texts, &mut stages)?;
                cpu += cpu_seconds() - c0;
                wall += t0.elapsed().as_secs_f64();
                items += texts.len();
            }
            other => return Err(format!("unknown bench part {other:?}")),
        }
    }
    let line = serde_json::json!({
        "part": part,
        "items": items,
        "errors": errors,
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "setup_seconds": setup_seconds,
        "chars": chars,
        "vmhwm_kb": status_kb("self", "VmHWM:").unwrap_or(0),
        "stages": stages.iter().map(|(n, s)| serde_json::json!({"stage": n, "cpu_seconds": s})).collect::<Vec<_>>(),
    });
    println!("{line}");
    Ok(())
}

/// One pass of the plain-text pipeline over `texts`, stage by stage, adding each stage's CPU
/// seconds (wall clock of this thread) to `acc`.
fn stage_times(texts: &[String], acc: &mut Vec<(&'static str, f64)>) -> Result<(), String> {
    use std::sync::OnceLock;
    static RES: OnceLock<(
        dateline_geo::Gazetteer,
        dateline_entities::Resources,
        dateline_events::Lexicon,
    )> = OnceLock::new();
    let (gaz, ent, ev) = RES.get_or_init(|| {
        (
            dateline_geo::Gazetteer::load(),
            dateline_entities::Resources::load(),
            dateline_events::Lexicon::load(),
        )
    });
    const NAMES: [&str; 8] = [
        "clean", "segment", "time", "entities", "geo", "events", "toll", "quotes",
    ];
    if acc.is_empty() {
        acc.extend(NAMES.iter().map(|n| (*n, 0.0)));
    }
    for t in texts {
        let mut lap = Instant::now();
        let mut tick = |k: usize, acc: &mut Vec<(&'static str, f64)>| {
            acc[k].1 += lap.elapsed().as_secs_f64();
            lap = Instant::now();
        };
        let cleaned = dateline_clean::clean(t);
        let mut doc = dateline_doc::Doc::from_blocks(
            dateline_doc::Meta::default(),
            &cleaned.blocks,
            cleaned.removed,
        );
        tick(0, acc);
        dateline_segment::segment(&mut doc);
        tick(1, acc);
        dateline_time::tag(&mut doc);
        tick(2, acc);
        dateline_entities::recognise(&mut doc, ent);
        tick(3, acc);
        dateline_geo::locate(&mut doc, gaz);
        tick(4, acc);
        dateline_events::code(&mut doc, ev);
        tick(5, acc);
        dateline_toll::count(&mut doc);
        tick(6, acc);
        dateline_quotes::attribute(&mut doc);
        tick(7, acc);
    }
    Ok(())
}

fn run_child(part: &str) -> Result<serde_json::Value, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(["bench", "--child", part])
        .output()
        .map_err(|e| format!("cannot run the bench child: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "bench child {part} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .rfind(|l| l.starts_with('{'))
        .ok_or_else(|| format!("bench child {part} printed no figures"))?;
    serde_json::from_str(line).map_err(|e| e.to_string())
}

fn f(v: &serde_json::Value, k: &str) -> f64 {
    v[k].as_f64().unwrap_or(0.0)
}

/// Python trafilatura on the same pages; `Err` holds a notice for the reader.
fn python_peer(html_dir: &Path) -> Result<serde_json::Value, String> {
    let script = crate::workspace_root().join("scripts/bench_peer_trafilatura.py");
    let out = Command::new("python3")
        .arg(&script)
        .arg(html_dir)
        .arg("2")
        .output()
        .map_err(|e| format!("python3 not found ({e}); install Python 3, then `pip install trafilatura lxml_html_clean`"))?;
    if !out.status.success() {
        return Err(format!(
            "Python trafilatura unavailable: {} (install with `pip install trafilatura lxml_html_clean`)",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.trim()).map_err(|e| format!("cannot read the peer's figures: {e}"))
}

/// Write the 10,000-article stream: every tenth article a benchmark page as HTML, the rest
/// plain-text articles, cycling.
fn write_stream(path: &Path, pages: &[Page], texts: &[String]) -> Result<u64, String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    for i in 0..STREAM_ARTICLES {
        let v = if i % 10 == 0 && !pages.is_empty() {
            let p = &pages[(i / 10) % pages.len()];
            serde_json::json!({"id": format!("b{i}"), "html": p.html, "url": p.url})
        } else {
            serde_json::json!({"id": format!("b{i}"), "text": texts[i % texts.len()]})
        };
        writeln!(w, "{v}").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    Ok(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
}

/// Run `dateline extract` over the stream; (peak RSS in kB, wall seconds, output lines).
fn stream_peak(bin: &Path, stream: &Path) -> Result<(u64, f64, usize), String> {
    let t = Instant::now();
    let time = Path::new("/usr/bin/time");
    let (peak, stdout) = if time.exists() {
        let out = Command::new(time)
            .args(["-f", "PEAK_RSS_KB=%M"])
            .arg(bin)
            .arg("extract")
            .arg(stream)
            .output()
            .map_err(|e| e.to_string())?;
        let err = String::from_utf8_lossy(&out.stderr);
        let peak = err
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("PEAK_RSS_KB="))
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| format!("no peak from /usr/bin/time: {}", err.trim()))?;
        (peak, out.stdout)
    } else {
        // Poll the child's high-water mark while it runs.
        let mut child = Command::new(bin)
            .arg("extract")
            .arg(stream)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let pid = child.id().to_string();
        let mut out = Vec::new();
        let mut so = child.stdout.take().ok_or("no stdout")?;
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = std::io::Read::read_to_end(&mut so, &mut buf);
            buf
        });
        let mut peak = 0;
        while child.try_wait().map_err(|e| e.to_string())?.is_none() {
            peak = peak.max(status_kb(&pid, "VmHWM:").unwrap_or(0));
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        out.extend(reader.join().unwrap_or_default());
        (peak, out)
    };
    let lines = stdout.iter().filter(|&&b| b == b'\n').count();
    Ok((peak, t.elapsed().as_secs_f64(), lines))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let n = std::thread::available_parallelism().map_or(1, |n| n.get());
    let date = jiff::Zoned::now().strftime("%Y-%m-%d %H:%M %Z").to_string();
    format!("{n} cores (nproc), {cpu}; measured {date}")
}

/// Run the benchmark, print the figures and write them into BENCHMARKS.md.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("--child") {
        return child(args.get(1).map_or("", String::as_str));
    }
    let Some(dir) = crate::dataset(DATASET) else {
        return Ok(());
    };
    let mut lines = vec![
        "## Speed and memory".to_string(),
        String::new(),
        format!("Machine: {}. Command: `cargo run --release -p dateline-eval -- bench`.", machine()),
        String::new(),
        "Throughput is articles per CPU-second on one thread (single process, resources loaded once \
         and not counted); peak memory is the `VmHWM` of the measuring child process, which also \
         holds all pages in memory."
            .into(),
        String::new(),
        "| what | articles | articles/s per core | wall articles/s | peak RSS |".into(),
        "|---|---|---|---|---|".into(),
    ];
    let mut html_rate = None;
    let mut pipeline_html_rate = None;
    let mut traf_rate = None;
    for (part, label) in [
        (
            "html",
            "HTML stage alone (`dateline_html::extract`), 181 benchmark pages",
        ),
        ("pipeline-html", "whole pipeline on the 181 HTML pages"),
        (
            "html-trafilatura",
            "HTML stage with the `trafilatura` engine (`Engine::Trafilatura`; its F1 is in the extraction section)",
        ),
        (
            "pipeline-text",
            "whole pipeline on plain-text articles (examples/*.txt + gold bodies)",
        ),
    ] {
        eprintln!("bench: {part} …");
        let runs = if part == "pipeline-text" {
            TEXT_RUNS
        } else {
            1
        };
        let mut all = Vec::new();
        for _ in 0..runs {
            let v = run_child(part)?;
            let rate = f(&v, "items") / f(&v, "cpu_seconds").max(1e-9);
            all.push((rate, v));
        }
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        let spread = (all.len() > 1).then(|| (all[0].0, all[all.len() - 1].0));
        let (rate, v) = all.swap_remove(all.len() / 2);
        let wall = f(&v, "items") / f(&v, "wall_seconds").max(1e-9);
        match part {
            "html" => html_rate = Some(rate),
            "pipeline-html" => pipeline_html_rate = Some(rate),
            "html-trafilatura" => traf_rate = Some(rate),
            _ => {}
        }
        let errors = v["errors"].as_u64().unwrap_or(0);
        let mut label = if errors > 0 {
            format!("{label} ({errors} errors)")
        } else {
            label.to_string()
        };
        if let Some((lo, hi)) = spread {
            label = format!("{label}; median of {runs} runs, range {lo:.0}–{hi:.0}");
        }
        lines.push(format!(
            "| {label} | {} | {rate:.0} | {wall:.0} | {:.0} MB |",
            v["items"],
            f(&v, "vmhwm_kb") / 1024.0
        ));
    }
    eprintln!("bench: stages-text …");
    let stages = run_child("stages-text")?;
    let split: Vec<(String, f64)> = stages["stages"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    let name = s["stage"].as_str().unwrap_or("?").to_string();
                    (name, f(s, "cpu_seconds"))
                })
                .collect()
        })
        .unwrap_or_default();
    let total: f64 = split.iter().map(|(_, t)| t).sum();
    let stage_line = if total > 0.0 {
        let parts: Vec<String> = split
            .iter()
            .map(|(n, t)| format!("{n} {:.0}%", 100.0 * t / total))
            .collect();
        format!(
            "Where the plain-text pipeline's time goes (each stage's wall-clock time on one thread \
             over the same articles, `dateline-eval bench --child stages-text`): {}.",
            parts.join(", ")
        )
    } else {
        "Stage split not measured.".to_string()
    };
    eprintln!("bench: Python trafilatura …");
    match python_peer(&dir.join("html")) {
        Ok(v) => {
            let rate = f(&v, "pages_per_cpu_s");
            lines.push(format!(
                "| Python trafilatura {} `extract`, same 181 pages (scripts/bench_peer_trafilatura.py) | {} | {rate:.0} | {:.0} | {:.0} MB |",
                v["version"].as_str().unwrap_or("?"),
                v["pages"],
                f(&v, "pages_per_s"),
                f(&v, "peak_rss_kb") / 1024.0
            ));
            lines.push(String::new());
            if let (Some(h), Some(p), Some(d)) = (html_rate, pipeline_html_rate, traf_rate) {
                lines.push(format!(
                    "Ratio dateline / Python trafilatura (per core, same pages): HTML stage **{:.1}×**, \
                     whole pipeline **{:.1}×**, HTML stage with the `trafilatura` engine {:.1}× (goal ≥ 10×).",
                    h / rate,
                    p / rate,
                    d / rate
                ));
            }
        }
        Err(notice) => {
            println!("notice: {notice}");
            lines.push(String::new());
            lines.push(format!("Python trafilatura not measured: {notice}."));
        }
    }
    // Peak memory of the CLI over a long stream.
    let bin = crate::workspace_root().join("target/release/dateline");
    lines.push(String::new());
    if bin.exists() {
        let pages = load(&dir)?;
        let texts = text_articles(&pages);
        let stream = std::env::temp_dir().join("dateline-bench-10k.jsonl");
        eprintln!("bench: writing {} …", stream.display());
        let bytes = write_stream(&stream, &pages, &texts)?;
        drop(pages);
        eprintln!("bench: dateline extract over the stream …");
        let (peak, secs, out_lines) = stream_peak(&bin, &stream)?;
        let _ = std::fs::remove_file(&stream);
        // The same binary on a one-article stream: what the loaded resources alone take.
        let one = std::env::temp_dir().join("dateline-bench-1.jsonl");
        std::fs::write(&one, "{\"id\":\"one\",\"text\":\"Hello.\"}\n")
            .map_err(|e| e.to_string())?;
        let (base, _, _) = stream_peak(&bin, &one)?;
        let _ = std::fs::remove_file(&one);
        lines.push(format!(
            "`target/release/dateline extract` over a generated {STREAM_ARTICLES}-article JSON Lines stream \
             ({:.0} MB: every tenth article a benchmark page as HTML, the rest plain text), all cores: \
             **peak RSS {:.0} MB** (goal < 100 MB; the same binary on a one-article stream: {:.0} MB), \
             {out_lines} output lines in {secs:.1} s ({:.0} articles/s wall).",
            bytes as f64 / 1e6,
            peak as f64 / 1024.0,
            base as f64 / 1024.0,
            STREAM_ARTICLES as f64 / secs.max(1e-9)
        ));
    } else {
        let notice = format!(
            "{} not built (run `cargo build --release -p dateline`); stream memory not measured",
            bin.display()
        );
        println!("notice: {notice}");
        lines.push(format!("Stream memory not measured: {notice}."));
    }
    lines.push(String::new());
    lines.push(stage_line);
    let table = lines.join("\n");
    println!("{table}");
    crate::write_section("speed", &table).map_err(|e| e.to_string())
}

/// One timed pass of the pipeline over `batch`; a function of its own so that a profiler can
/// be pointed at it (`valgrind --tool=callgrind --toggle-collect='*measured_pass*'`).
#[inline(never)]
fn measured_pass(
    pl: &dateline_pipeline::Pipeline,
    batch: Vec<RawArticle>,
    chars: &mut usize,
    errors: &mut usize,
) {
    for a in batch {
        match pl.process(a) {
            Ok(doc) => *chars += doc.text().len(),
            Err(_) => *errors += 1,
        }
    }
}
