#!/usr/bin/env python3
"""Benchmark of `dateline serve` on loopback: throughput and p50/p99 latency per endpoint with
the load generator wrk (Debian `wrk`), plus the latency of each filter's first (uncached)
request. Writes the "serve" section of BENCHMARKS.md.

    python3 crates/serve/bench/make_corpus.py 420000 > /tmp/corpus.jsonl
    target/release/dateline ingest /tmp/corpus.jsonl --db /tmp/bench.db
    python3 crates/serve/bench/bench.py /tmp/bench.db [--seconds 10] [--no-write]

The peer in the same run is the server's own static-file route (/static/app.js): the same
HTTP stack with no database work, so the ratio shows what the queries cost on top of HTTP.

On PostgreSQL: ingest the same corpus into a PostgreSQL database too and give its URL with
`--pg`; the same requests then go to a server on each store, one after the other in the same
run, and the "serve-postgres" section gets both with the PostgreSQL / SQLite ratio (the
"serve" section is left as it is):

    # a throw-away server on a unix socket (as root: run these through `runuser -u dateline-pg --`)
    /usr/lib/postgresql/15/bin/initdb -D /tmp/pg/data -U dateline --auth=trust -E UTF8 --no-locale
    /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pg/data -l /tmp/pg/log -o "-k /tmp/pg -c listen_addresses= -p 5433" -w start
    psql -h /tmp/pg -p 5433 -U dateline -d postgres -c 'CREATE DATABASE bench'
    python3 crates/serve/bench/make_corpus.py 20000 > /tmp/corpus.jsonl
    target/release/dateline ingest /tmp/corpus.jsonl --db /tmp/bench.db
    target/release/dateline ingest /tmp/corpus.jsonl --db 'postgresql:///bench?host=/tmp/pg&port=5433&user=dateline'
    python3 crates/serve/bench/bench.py /tmp/bench.db --seconds 5 \
        --pg 'postgresql:///bench?host=/tmp/pg&port=5433&user=dateline'
"""
import argparse
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import time
import urllib.error
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


DISTINCT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "distinct.lua")


def wrk(url, seconds, conns, distinct=None, run=0):
    """wrk's figures for one URL; with `distinct` ("events" or "search") every request asks for
    a page not asked for before in the run (distinct.lua), so none is answered from the cache."""
    cmd = ["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--latency"]
    if distinct:
        path = url[url.index("/", len("http://")):]
        cmd += ["-s", DISTINCT, url, "--", path, distinct, str(run)]
    else:
        cmd.append(url)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

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
    """Milliseconds, status and body of one request; an error status is returned, not raised."""
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(url) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return (time.perf_counter() - t) * 1000, status, body


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def write_section(body, name="serve"):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    old = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    b, e = f"<!-- begin {name} -->", f"<!-- end {name} -->"
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
    ap.add_argument("--pg", metavar="URL",
                    help="also serve this PostgreSQL database (the same corpus) and compare")
    a = ap.parse_args()
    if a.pg:
        return compare_pg(a)
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
        cold_failed, inexact = [], 0
        for f in filters:
            ms, status, body = get(f"{base}/api/events?{f}&limit=50")
            if status != 200:
                cold_failed.append(f"{f}: HTTP {status}")
            elif json.loads(body).get("total_exact") is False:
                inexact += 1
            cold.append(ms)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  cold {f:40s} {ms:8.1f} ms  HTTP {status}", flush=True)
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
            ("events, root=19, distinct pages (uncached)", "/api/events?root=19", "events"),
            ("events, actor=SYR, distinct pages (uncached)", "/api/events?actor=SYR", "events"),
            ("events, text=Aleppo, distinct pages (uncached)", "/api/events?text=Aleppo", "events"),
            ("search q=tear gas, distinct pages (uncached)", "/api/search?q=tear%20gas", "search"),
        ]
        rows = []
        for name, path, *distinct in endpoints:
            get(base + path)  # warm
            r = wrk(base + path, a.seconds, a.connections, *distinct)
            rows.append((name, path, r))
            print(f"{name:45s} {r['rps']:9.0f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms"
                  f"  non-2xx {r['non2xx']} {r['errors']}", flush=True)
        # Uncached aggregates: the first stats request of distinct filters.
        cold_stats = []
        for f in [f"root={r:02d}&status=occurred" for r in range(1, 21)]:
            ms, status, _ = get(f"{base}/api/stats?{f}")
            if status != 200:
                cold_failed.append(f"stats {f}: HTTP {status}")
            cold_stats.append(ms)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  cold stats {f:34s} {ms:8.1f} ms  HTTP {status}", flush=True)
        # First searches of distinct words (no cache: search is computed on every request).
        cold_search = []
        for w in ("Aleppo", "market", "flood", "Nairobi", "trade", "shelling", "protest", "talks"):
            ms, status, _ = get(f"{base}/api/search?q={w}&limit=20")
            if status != 200:
                cold_failed.append(f"search {w}: HTTP {status}")
            cold_search.append(ms)
    finally:
        srv.terminate()
        srv.wait()
    peer = rows[0][2]["rps"]
    cores = os.cpu_count()
    lines = [
        "## Serve: the JSON API on loopback (`crates/serve/bench/bench.py`)",
        "",
        f"Store: {events:,} event mentions from {articles:,} generated articles "
        f"(`crates/serve/bench/make_corpus.py`, ingested with `dateline ingest`; a store of a million "
        f"events or more is then grown with `cargo run --release -p dateline-store --example "
        f"grow_store`), {size:,.0f} MiB. "
        f"Load: `wrk -t2 -c{a.connections} -d{a.seconds}s --latency` on the same {cores}-core machine as "
        "the server (they share the cores). Every endpoint answered 200 throughout unless noted. "
        "Counts (`total`), aggregates (stats, map points), event pages and search pages are "
        "cached per request until the store changes, so a row that asks for one URL over and over "
        "measures mostly the cache after its first request; the rows marked \"distinct pages "
        "(uncached)\" ask for a page no request of the run asked for before, every time "
        "(`distinct.lua`: other `limit`s and `offset`s, or a `from` day before the corpus' first "
        "event), and measure the queries. One event and one article are read on every request.",
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
        f"p99 {pct(cold, 99):.1f} ms, max {max(cold):.1f} ms ({inexact} of them with a lower-bound "
        f"total, `total_exact: false`).",
        f"First request of {len(cold_stats)} distinct `/api/stats` filters (counts by day, root, "
        f"QuadClass, status): p50 {pct(cold_stats, 50):.1f} ms, p99 {pct(cold_stats, 99):.1f} ms.",
        f"First search of {len(cold_search)} distinct words: p50 {pct(cold_search, 50):.1f} ms, "
        f"p99 {pct(cold_search, 99):.1f} ms.",
        "Non-200 answers among these first requests: "
        + (", ".join(cold_failed) if cold_failed else "none") + ".",
        "",
        "Reproduce: the commands in the script's header (the corpus takes a few minutes to ingest).",
    ]
    body = "\n".join(lines)
    print(body)
    if not a.no_write:
        write_section(body)


# The endpoints of the PostgreSQL comparison; MID and DOC are filled in per server.
PG_ENDPOINTS = [
    ("static file (peer: HTTP only)", "/static/app.js"),
    ("events, no filter, first page", "/api/events?limit=50"),
    ("events, root=19", "/api/events?root=19&limit=50"),
    ("events, root=14 & place_country=KE", "/api/events?root=14&place_country=KE&limit=50"),
    ("events, quad=1 & status=planned, page 5", "/api/events?quad=1&status=planned&limit=50&offset=200"),
    ("events, actor=SYR", "/api/events?actor=SYR&limit=50"),
    ("events, text=Aleppo", "/api/events?text=Aleppo&limit=50"),
    ("events, month 2023-03", "/api/events?from=2023-03&to=2023-03&limit=50"),
    ("one event with evidence", "/api/events/MID"),
    ("one article, all layers", "/api/articles/DOC"),
    ("search q=tear gas", "/api/search?q=tear%20gas&limit=20"),
    ("stats root=19 (cached)", "/api/stats?root=19"),
    ("map points, 3000 (cached)", "/api/points?limit=3000"),
    ("events, text=Aleppo, distinct pages (uncached)", "/api/events?text=Aleppo", "events"),
    ("search q=tear gas, distinct pages (uncached)", "/api/search?q=tear%20gas", "search"),
]


def compare_pg(a):
    """Both servers run at once; every measurement goes to the SQLite server, then at once to
    the PostgreSQL one, so that load from elsewhere on the machine falls on both alike."""
    load_start = os.getloadavg()[0]
    servers = [start(a.binary, a.db), start(a.binary, a.pg)]
    try:
        infos, mids = [], []
        for _, base in servers:
            _, _, body = get(f"{base}/api/info")
            info = json.loads(body)
            _, _, body = get(f"{base}/api/events?limit=1&offset={info['events'] // 2}")
            infos.append(info)
            mids.append(json.loads(body)["events"][0])
        colds = [[], []]
        for f in [f"root={r:02d}&status=occurred&limit=50" for r in range(1, 21)] + \
                 [f"text={w}&limit=50" for w in ("Aleppo", "Nairobi", "tear", "market", "trade", "flood")]:
            for i, (_, base) in enumerate(servers):
                ms, status, _ = get(f"{base}/api/events?{f}")
                if status != 200:
                    sys.exit(f"{base}: {f}: HTTP {status}")
                colds[i].append(ms)
        rows = [[], []]
        for name, path, *distinct in PG_ENDPOINTS:
            paths = [path.replace("MID", str(m["id"])).replace("DOC", m["article"]) for m in mids]
            for i, (_, base) in enumerate(servers):
                get(base + paths[i])  # warm
            # SQLite, PostgreSQL, PostgreSQL, SQLite: a drift of the machine's load during the
            # four runs falls on both alike; each figure is the mean of a server's two runs.
            runs = [[], []]
            for k, i in enumerate((0, 1, 1, 0)):
                r = wrk(servers[i][1] + paths[i], a.seconds, a.connections, *distinct, run=k)
                runs[i].append(r)
                print(f"{('SQLite ', 'PostgreSQL ')[i] + name:55s} {r['rps']:9.0f} req/s  p50 {r['p50']:7.2f} ms"
                      f"  p99 {r['p99']:7.2f} ms  non-2xx {r['non2xx']} {r['errors']}", flush=True)
            for i in (0, 1):
                two = runs[i]
                rows[i].append((name, paths[i], {
                    "rps": sum(r["rps"] for r in two) / 2,
                    "p50": sum(r["p50"] for r in two) / 2,
                    "p99": sum(r["p99"] for r in two) / 2,
                    "non2xx": sum(r["non2xx"] for r in two),
                }))
        stats = [[], []]
        for f in [f"root={r:02d}&quad=4" for r in range(1, 21)]:
            for i, (_, base) in enumerate(servers):
                ms, _, _ = get(f"{base}/api/stats?{f}")
                stats[i].append(ms)
    finally:
        for srv, _ in servers:
            srv.terminate()
            srv.wait()
    load_end = os.getloadavg()[0]
    (s_info, p_info), (s_rows, p_rows) = infos, rows
    (s_cold, p_cold), (s_stats, p_stats) = colds, stats
    if (s_info["events"], s_info["articles"]) != (p_info["events"], p_info["articles"]):
        sys.exit(f"not the same corpus: SQLite {s_info}, PostgreSQL {p_info}")
    cores = os.cpu_count()
    lines = [
        "## Serve on PostgreSQL: the same API over both stores (`crates/serve/bench/bench.py --pg`)",
        "",
        f"The same corpus in both stores: {s_info['events']:,} event mentions from "
        f"{s_info['articles']:,} generated articles (`make_corpus.py`, ingested with `dateline ingest` "
        "into a SQLite file and into a PostgreSQL database on the same machine, unix socket, "
        "default server settings). One server on each store, both running; each endpoint is measured "
        "four times in a row — SQLite, PostgreSQL, PostgreSQL, SQLite — and each figure is the mean "
        "of its server's two runs; "
        f"load: `wrk -t2 -c{a.connections} -d{a.seconds}s --latency` on the same {cores}-core machine "
        "(load generator, server and PostgreSQL share the cores; 1-minute load average "
        f"{load_start:.1f} at the start and {load_end:.1f} at the end: other work shared them too). "
        "Every request answered 200 unless noted.",
        "",
        "| endpoint | SQLite req/s | SQLite p50 ms | SQLite p99 ms | PostgreSQL req/s | PostgreSQL p50 ms | PostgreSQL p99 ms | PostgreSQL ÷ SQLite req/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, spath, s), (_, _, p) in zip(s_rows, p_rows):
        note = lambda r: f" ({r['non2xx']} non-2xx)" if r["non2xx"] else ""
        lines.append(f"| {name} `{spath}` | {s['rps']:,.0f}{note(s)} | {s['p50']:.2f} | {s['p99']:.2f} "
                     f"| {p['rps']:,.0f}{note(p)} | {p['p50']:.2f} | {p['p99']:.2f} | {p['rps'] / s['rps']:.2f} |")
    lines += [
        "",
        f"First (uncached) request of {len(s_cold)} distinct filtered event queries (root × "
        "status=occurred, full text), one at a time: SQLite p50 "
        f"{pct(s_cold, 50):.1f} ms, max {max(s_cold):.1f} ms; PostgreSQL p50 {pct(p_cold, 50):.1f} ms, "
        f"max {max(p_cold):.1f} ms.",
        f"First request of {len(s_stats)} distinct `/api/stats` filters: SQLite p50 "
        f"{pct(s_stats, 50):.1f} ms; PostgreSQL p50 {pct(p_stats, 50):.1f} ms.",
        "",
        "Run: `python3 crates/serve/bench/bench.py " + shlex.join(sys.argv[1:]) + "` (corpus, ingest "
        "and a PostgreSQL server: the commands in the script's header).",
    ]
    body = "\n".join(lines)
    print(body)
    if not a.no_write:
        write_section(body, "serve-postgres")


if __name__ == "__main__":
    main()
