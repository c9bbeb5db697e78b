#!/usr/bin/env python3
"""Speed of the Python package against the command line, on the same articles and threads.

Run by hand (not a test), with the wheel installed in the running interpreter and the release
CLI built:

    cargo build --release -p dateline
    python3 -m maturin build --release -m crates/python/Cargo.toml --out target/wheel/dist
    python3 -m venv /tmp/dl && /tmp/dl/bin/pip install target/wheel/dist/dateline-*.whl
    /tmp/dl/bin/python crates/python/bench.py [--articles 4000] [--threads 2] [--runs 3] [--write]

Corpus: the GVA casualty articles from ../shared/data/gva-casualties (read at run time, never
copied) when present, else the repository's examples; repeated up to --articles and written to
a temporary JSON Lines file that both sides read. Measures, in --runs rounds of all four back to
back (the ratio to the CLI is taken per round, then the median):

- `dateline extract corpus.jsonl --threads N > /dev/null` (reading, extraction, JSON output);
- `extract_many(dicts, threads=N)` consumed to the end (records as Python dicts), the dicts
  already in memory; the same with records built through JSON text + json.loads instead
  (the other conversion); and reading the JSON Lines file in Python too;
- the size of the wheel, and the time of `import dateline` in a fresh interpreter.

--write puts the table into BENCHMARKS.md (section "python").
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dateline

REPO = Path(__file__).resolve().parents[2]


def corpus(n: int) -> tuple[list[dict], str]:
    data = Path(os.environ.get("DATELINE_DATA", REPO.parent / "shared" / "data"))
    gva = data / "gva-casualties" / "data"
    base: list[dict] = []
    if gva.is_dir():
        for f in sorted(gva.glob("*/X_*.json")):
            for i, x in enumerate(json.loads(f.read_text(encoding="utf-8"))):
                base.append({"id": f"{f.stem}-{i}", "text": x["text"],
                             "published": x.get("publish_date")})
        name = f"GVA casualty articles ({len(base)} distinct, ../shared, read at run time)"
    if not base:
        ex = REPO / "examples"
        base.append({"id": "geneva", "text": (ex / "geneva-ceasefire.txt").read_text(),
                     "published": "2016-12-14"})
        base.append({"id": "harbour", "html": (ex / "harbour-strike.html").read_text()})
        for line in (ex / "batch.jsonl").read_text().splitlines():
            if line.strip():
                base.append(json.loads(line))
        name = f"the repository's examples ({len(base)} distinct)"
    items = []
    for i in range(n):
        a = dict(base[i % len(base)])
        a["id"] = f"{a['id']}#{i}"
        items.append(a)
    return items, name


def best(f, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def import_time(runs: int) -> tuple[float, float]:
    """Median extra time of `import dateline` over a bare interpreter start, and its total."""
    def once(code: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - t

    bare, imp = [], []
    for _ in range(runs):
        bare.append(once("pass"))
        imp.append(once("import dateline"))
    return statistics.median(imp) - statistics.median(bare), statistics.median(imp)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=9, help="rounds of the four measurements")
    ap.add_argument("--cli", default=str(REPO / "target" / "release" / "dateline"))
    ap.add_argument("--wheel", default=None, help="wheel file (default: newest in target/wheel)")
    ap.add_argument("--write", action="store_true", help="write the BENCHMARKS.md section")
    args = ap.parse_args()

    items, name = corpus(args.articles)
    n, t = len(items), args.threads
    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    jsonl = tmp / "corpus.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for a in items:
            f.write(json.dumps(a) + "\n")
    mb = jsonl.stat().st_size / 1e6
    print(f"{n} articles, {mb:.1f} MB, {t} threads; corpus: {name}", flush=True)

    # Warm up both (page cache, resources).
    subprocess.run([args.cli, "extract", str(jsonl), "--threads", str(t)],
                   stdout=subprocess.DEVNULL, check=False)
    for _ in dateline.extract_many(items[:200], threads=t):
        pass

    def cli():
        with open(os.devnull, "w") as out:
            subprocess.run([args.cli, "extract", str(jsonl), "--threads", str(t)],
                           stdout=out, check=False)

    def py_objects():
        for _ in dateline.extract_many(items, threads=t):
            pass

    def py_json():
        for _ in dateline._dateline.extract_many(items, threads=t, _json=True):
            pass

    def py_file():
        with open(jsonl, encoding="utf-8") as f:
            for _ in dateline.extract_many((json.loads(line) for line in f), threads=t):
                pass

    runs = {"cli": [], "objects": [], "json": [], "file": []}
    fns = {"cli": cli, "objects": py_objects, "json": py_json, "file": py_file}
    order = list(fns)
    # Rounds of all four, back to back in a rotating order: the machine's load changes over a
    # run, so each round's ratio to the CLI compares measurements made under the same load.
    for r in range(args.runs):
        for k in order[r % 4:] + order[:r % 4]:
            runs[k].append(best(fns[k], 1))
        print(f"round {r + 1}: " + "  ".join(f"{k} {runs[k][-1]:.2f} s" for k in fns),
              flush=True)
    tb = {k: min(v) for k, v in runs.items()}
    rate = {k: n / v for k, v in tb.items()}
    ratios = {k: sorted(runs["cli"][i] / runs[k][i] for i in range(args.runs)) for k in fns}
    ratio = {k: statistics.median(v) for k, v in ratios.items()}
    spread = {k: f"{v[0]:.2f}–{v[-1]:.2f}" for k, v in ratios.items()}

    wheel = args.wheel or max(glob.glob(str(REPO / "target" / "wheel" / "dist*" / "*.whl")),
                              key=os.path.getmtime, default=None)
    wheel_mb = os.path.getsize(wheel) / 1e6 if wheel else float("nan")
    pkg = Path(dateline._dateline.__file__)
    so_mb = pkg.stat().st_size / 1e6
    imp, imp_total = import_time(21)
    code = "import dateline, time; t=time.perf_counter(); dateline.extract('x'); print(time.perf_counter()-t)"
    first = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout)
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")

    lines = [
        "## Python package (`crates/python/bench.py`)",
        "",
        f"Measured on this {os.cpu_count()}-core machine (load average {load:.1f} at the end), "
        f"{n} articles ({mb:.1f} MB of JSON Lines) from {name}, {t} worker threads on both "
        f"sides, {args.runs} rounds of the four measurements back to back; Python {platform.python_version()}, "
        f"dateline {dateline.__version__}.",
        "",
        "    python3 crates/python/bench.py --articles %d --threads %d --runs %d --write"
        % (n, t, args.runs),
        "",
        "| what | best time | articles/s at best | vs CLI: median of rounds (range) |",
        "|---|---|---|---|",
        f"| `dateline extract corpus.jsonl --threads {t} > /dev/null` | {tb['cli']:.2f} s "
        f"| {rate['cli']:,.0f} | 1.00 |",
        f"| `extract_many(dicts, threads={t})`, records as dicts (the API) | "
        f"{tb['objects']:.2f} s | {rate['objects']:,.0f} | {ratio['objects']:.2f} "
        f"({spread['objects']}) |",
        f"| the same, records through JSON text + `json.loads` | {tb['json']:.2f} s | "
        f"{rate['json']:,.0f} | {ratio['json']:.2f} ({spread['json']}) |",
        f"| `extract_many` over `json.loads` of the same file's lines | {tb['file']:.2f} s | "
        f"{rate['file']:,.0f} | {ratio['file']:.2f} ({spread['file']}) |",
        "",
        f"- Wheel: {wheel_mb:.1f} MB ({Path(wheel).name if wheel else 'not found'}); the "
        f"native module unpacked: {so_mb:.1f} MB (gazetteer and lexicons inside).",
        f"- `import dateline` in a fresh interpreter: {imp * 1000:.0f} ms beyond a bare start "
        f"({imp_total * 1000:.0f} ms in all; medians of 21); it loads no resources and no pandas. The first "
        f"extraction loads the lexicons and gazetteer: {first * 1000:.0f} ms for a one-word "
        f"article in a fresh process.",
        "- The ratio is the CLI's time over the Python side's in the same round (above 1: Python "
        "faster); the goal is `extract_many` within 10% of the CLI (>= 0.90). Records are built "
        "as Python objects straight from the Rust values under the GIL, while the worker threads "
        "already extract the next chunk; JSON text + `json.loads` is the alternative measured.",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    if args.write:
        path = REPO / "BENCHMARKS.md"
        old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
        begin, end = "<!-- begin python -->", "<!-- end python -->"
        section = f"{begin}\n{text}\n{end}"
        b, e = old.find(begin), old.find(end)
        new = (old[:b] + section + old[e + len(end):]) if 0 <= b < e else (
            old.rstrip() + "\n" + section + "\n")
        path.write_text(new, encoding="utf-8")
        print(f"\nwrote the python section of {path}")


if __name__ == "__main__":
    main()
