#!/usr/bin/env python3
"""Benchmark of `dateline serve` on loopback: throughput and p50/p99 latency per endpoint with
the load generator wrk (Debian `wrk`), plus the latency of each filter's first (uncached)
request. Writes the "serve" section of BENCHMARKS.md.

    python3 crates/serve/bench/make_corpus.py 420000 > /tmp/corpus.jsonl
    target/release/dateline ingest /tmp/corpus.jsonl --db /tmp/bench.db
    python3 crates/serve/bench/bench.py /tmp/bench.db [--seconds 10] [--no-write]

The peer in the same run is the server's own static-file route (/static/app.js): the same
HTTP stack with no database work, so the ratio shows what the queries cost on top of HTTP.
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def start(binary, db):
    p = subprocess.Popen([binary, "serve", "--db", db, "--addr", "127.0.0.1:0"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = p.stdout.readline().strip()
    if not url.startswith("http://"):
        p.kill()
        sys.exit(f"server did not start: {url!r}")
    return p, url.rstrip("/")


def wrk(url, seconds, conns):
    out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout

    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"rps": rps, "p50": ms("50"), "p99": ms("99"),
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "errors": errors.group(0) if errors else ""}


def get(url):
    t = time.perf_counter()
    with urllib.request.urlopen(url) as r:
        body = r.read()
        status = r.status
    return (time.perf_counter() - t) * 1000, status, body


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def write_section(body):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    old = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    b, e = "<!-- begin serve -->", "<!-- end serve -->"
    sec = f"{b}\n{body.rstrip()}\n{e}"
    if b in old and e in old and old.index(e) > old.index(b):
        new = old[:old.index(b)] + sec + old[old.index(e) + len(e):]
    else:
        new = old.rstrip() + "\n" + sec + "\n"
    open(path, "w").write(new)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    events, = con.execute("SELECT count(*) FROM events").fetchone()
    articles, = con.execute("SELECT count(*) FROM articles").fetchone()
    mid, = con.execute("SELECT id FROM events ORDER BY id LIMIT 1 OFFSET ?", (events // 2,)).fetchone()
    doc, = con.execute("SELECT a.doc_id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (mid,)).fetchone()
    con.close()
    size = os.path.getsize(a.db) / 2**20
    srv, base = start(a.binary, a.db)
    try:
        # First requests of many distinct filters: no cached count, cold statements.
        cold = []
        filters = [f"root={r:02d}" for r in range(1, 21)] + \
                  [f"quad={q}&status={s}" for q in range(1, 5) for s in ("occurred", "planned", "negated")] + \
                  [f"place_country={c}" for c in ("SY", "UA", "KE", "PH", "IQ", "SD", "YE", "NG", "AF", "LB")] + \
                  [f"root=19&from=2023-{m:02d}&to=2023-{m:02d}" for m in range(1, 13)] + \
                  [f"text={w}" for w in ("Aleppo", "Nairobi", "tear", "market", "trade", "flood")] + \
                  [f"actor={c}" for c in ("SYR", "KEN", "FRA", "JPN", "RUS", "TUR")]
        for f in filters:
            ms, status, _ = get(f"{base}/api/events?{f}&limit=50")
            if status != 200:
                sys.exit(f"{f}: HTTP {status}")
            cold.append(ms)
        endpoints = [
            ("static file (peer: HTTP only)", "/static/app.js"),
            ("events, no filter, first page", "/api/events?limit=50"),
            ("events, root=19", "/api/events?root=19&limit=50"),
            ("events, root=14 & place_country=KE", "/api/events?root=14&place_country=KE&limit=50"),
            ("events, quad=1 & status=planned, page 5", "/api/events?quad=1&status=planned&limit=50&offset=200"),
            ("events, actor=SYR", "/api/events?actor=SYR&limit=50"),
            ("events, text=Aleppo", "/api/events?text=Aleppo&limit=50"),
            ("events, month 2023-03", "/api/events?from=2023-03&to=2023-03&limit=50"),
            ("one event with evidence", f"/api/events/{mid}"),
            ("one article, all layers", f"/api/articles/{doc}"),
            ("search q=tear gas", "/api/search?q=tear%20gas&limit=20"),
            ("stats root=19 (cached)", "/api/stats?root=19"),
            ("map points, 3000 (cached)", "/api/points?limit=3000"),
        ]
        rows = []
        for name, path in endpoints:
            get(base + path)  # warm
            r = wrk(base + path, a.seconds, a.connections)
            rows.append((name, path, r))
            print(f"{name:45s} {r['rps']:9.0f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms"
                  f"  non-2xx {r['non2xx']} {r['errors']}", flush=True)
        # Uncached aggregates: the first stats request of distinct filters.
        cold_stats = []
        for f in [f"root={r:02d}&status=occurred" for r in range(1, 21)]:
            ms, _, _ = get(f"{base}/api/stats?{f}")
            cold_stats.append(ms)
    finally:
        srv.terminate()
        srv.wait()
    peer = rows[0][2]["rps"]
    cores = os.cpu_count()
    lines = [
        "## Serve: the JSON API on loopback (`crates/serve/bench/bench.py`)",
        "",
        f"Store: {events:,} event mentions from {articles:,} generated articles "
        f"(`crates/serve/bench/make_corpus.py`, ingested with `dateline ingest`), {size:,.0f} MiB. "
        f"Load: `wrk -t2 -c{a.connections} -d{a.seconds}s --latency` on the same {cores}-core machine as "
        "the server (they share the cores). Every endpoint answered 200 throughout unless noted. "
        "Counts (`total`) and aggregates (stats, map points) are cached per filter until the store "
        "changes; event pages, events, articles and search are computed on every request.",
        "",
        "| endpoint | req/s | p50 ms | p99 ms | req/s ÷ static file |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, path, r in rows:
        note = f" ({r['non2xx']} non-2xx)" if r["non2xx"] else ""
        lines.append(f"| {name} `{path}` | {r['rps']:,.0f}{note} | {r['p50']:.2f} | {r['p99']:.2f} | {r['rps'] / peer:.2f} |")
    lines += [
        "",
        f"First (uncached) request of {len(cold)} distinct filtered event queries "
        f"(`/api/events?FILTER&limit=50`: count + first page; roots, QuadClass × status, place "
        f"countries, months, full text, actors), one at a time: p50 {pct(cold, 50):.1f} ms, "
        f"p99 {pct(cold, 99):.1f} ms, max {max(cold):.1f} ms.",
        f"First request of {len(cold_stats)} distinct `/api/stats` filters (counts by day, root, "
        f"QuadClass, status): p50 {pct(cold_stats, 50):.1f} ms, p99 {pct(cold_stats, 99):.1f} ms.",
        "",
        "Reproduce: the commands in the script's header (the corpus takes a few minutes to ingest).",
    ]
    body = "\n".join(lines)
    print(body)
    if not a.no_write:
        write_section(body)


if __name__ == "__main__":
    main()
