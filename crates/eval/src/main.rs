//! `dateline-eval CAPABILITY [ARGS]`: run one evaluation or benchmark and write its figures
//! into BENCHMARKS.md.

use std::process::ExitCode;

mod dedup;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(what) = args.first() else {
        eprintln!(
            "usage: dateline-eval extraction|bench|geo|ner|time|events|toll|quotes|dedup|wikievents [ARGS]"
        );
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match what.as_str() {
        "extraction" => dateline_eval::extraction::run(rest),
        "bench" => dateline_eval::bench::run(rest),
        "geo" => dateline_eval::geo::run(rest),
        "ner" => dateline_eval::ner::run(rest),
        "time" => dateline_eval::time::run(rest),
        "events" => dateline_eval::events::run(rest),
        "toll" => dateline_eval::toll::run(rest),
        "quotes" => dateline_eval::quotes::run(rest),
        "dedup" => dedup::run_dedup(rest),
        "wikievents" => dateline_eval::wikievents::run(rest),
        other => Err(format!("unknown evaluation {other:?}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline-eval: {e}");
            ExitCode::from(1)
        }
    }
}
