#!/usr/bin/env python3
"""Latency of `dateline query` through the command line on a large store: a fixed spread of
rare and common filters and filter combinations, each run as a whole process (start, open the
store, plan, read the first page of 100 newest first, print JSON Lines) ROUNDS times; prints
p50 and p99 per filter and over all runs, and writes the "query-cli" section of BENCHMARKS.md.

    python3 crates/serve/bench/cli_bench.py STORE.db [--rounds 20] [--binary BIN]
        [--peer BIN] [--peer-db STORE.db] [--no-write]

The store: the generated corpus of `make_corpus.py`, grown to about 1M events (see the
"Query latency on 1,053,132 events" part of BENCHMARKS.md for the commands). Filter values
are those of that corpus (Syria, Kenya, 2022-2024, `Aleppo`).

The peer in the same run: `dateline query --limit 1` without a filter (process start, opening
the store, one row): what every command pays before its filter costs anything. With `--peer
BIN` a second binary (an older build, say) runs every filter too, alternating run by run with
the first, so that load from elsewhere on the machine falls on both alike; both are printed
and written, with the ratio of their p50s. `--peer-db`: the peer reads its own copy of the store
(an older build refuses a store whose schema a newer one has migrated).
"""
import argparse
import os
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import pct, write_section  # noqa: E402  (the serve bench's helpers)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

SYRIA = "35.5,32.0,42.5,37.5"

# (name, arguments of `dateline query` beyond --db, --limit and --format)
FILTERS = [
    ("none", []),
    ("root 19 (280k events)", ["--root", "19"]),
    ("quad 4 (632k)", ["--quad", "4"]),
    ("status planned (141k)", ["--status", "planned"]),
    ("cameo 043 (none)", ["--cameo", "043"]),
    ("plover ASSAULT", ["--plover", "ASSAULT"]),
    ("actor SYR (8k)", ["--actor", "SYR"]),
    ("country RUS (29k)", ["--country", "RUS"]),
    ("place SY", ["--place-country", "SY"]),
    ("admin1 Nairobi City", ["--admin1", "Nairobi City"]),
    ("one month 2023-03", ["--from", "2023-03", "--to", "2023-03"]),
    ("bbox Syria", ["--bbox", SYRIA]),
    ("text Aleppo", ["--text", "Aleppo"]),
    ("text market", ["--text", "market"]),
    ("text \"tear gas\"", ["--text", "\"tear gas\""]),
    ("root 14 + place KE", ["--root", "14", "--place-country", "KE"]),
    ("quad 1 + planned, page 5", ["--quad", "1", "--status", "planned", "--offset", "400"]),
    ("quad 4 + planned (none)", ["--quad", "4", "--status", "planned"]),
    ("root 19 + occurred", ["--root", "19", "--status", "occurred"]),
    ("root 04 + planned + quad 1", ["--root", "04", "--status", "planned", "--quad", "1"]),
    ("root 19 + planned (none)", ["--root", "19", "--status", "planned"]),
    ("plover ASSAULT + planned + place SY", ["--plover", "ASSAULT", "--status", "planned",
                                           "--place-country", "SY"]),
    ("quad 4 + planned + 2023 (none)", ["--quad", "4", "--status", "planned", "--from", "2023",
                                        "--to", "2023"]),
    ("root 19 + place SY + 2023", ["--root", "19", "--place-country", "SY", "--from", "2023",
                                   "--to", "2023"]),
    ("text Aleppo + root 19 + 2023", ["--text", "Aleppo", "--root", "19", "--from", "2023",
                                      "--to", "2023"]),
    ("actor SYR + quad 4", ["--actor", "SYR", "--quad", "4"]),
    ("all filters at once", ["--text", "Aleppo", "--root", "19", "--place-country", "SY",
                             "--actor", "SYR", "--status", "occurred", "--from", "2023",
                             "--to", "2023", "--bbox", SYRIA]),
]

PEER = ("peer: no filter, --limit 1", None)


def run(binary, db, args):
    """Milliseconds of one `dateline query` and how many rows it printed."""
    cmd = [binary, "query", "--db", db, "--format", "jsonl"]
    cmd += ["--limit", "1"] if args is None else ["--limit", "100"] + args
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True)
    ms = (time.perf_counter() - t) * 1000
    if p.returncode != 0:
        sys.exit(f"{shlex.join(cmd)}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return ms, p.stdout.count(b"\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "dateline"))
    ap.add_argument("--peer", metavar="BIN", help="a second binary run alternately (before/after)")
    ap.add_argument("--peer-db", metavar="STORE",
                    help="the peer's own copy of the store (default: the same store)")
    ap.add_argument("--only", help="run only filters whose name contains this")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args()
    bins = [a.binary] + ([a.peer] if a.peer else [])
    dbs = [a.db] + ([a.peer_db or a.db] if a.peer else [])
    filters = [PEER] + [f for f in FILTERS if not a.only or a.only in f[0]]
    load_start = os.getloadavg()[0]
    results = []  # (name, rows, [times per binary])
    for name, args in filters:
        for b, db in zip(bins, dbs):
            run(b, db, args)  # warm: the store's pages in the page cache
        times = [[] for _ in bins]
        rows = []
        for _ in range(a.rounds):
            for i, b in enumerate(bins):
                ms, n = run(b, dbs[i], args)
                times[i].append(ms)
                rows.append(n)
        if len(set(rows)) != 1:
            sys.exit(f"{name}: the binaries printed different numbers of rows: {sorted(set(rows))}")
        results.append((name, rows[0], times))
        cells = "  ".join(f"p50 {pct(t, 50):8.1f} ms  p99 {pct(t, 99):8.1f} ms" for t in times)
        print(f"{name:40s} {rows[0]:4d} rows  {cells}", flush=True)
    load_end = os.getloadavg()[0]
    overall = [[x for _, _, ts in results[1:] for x in ts[i]] for i in range(len(bins))]
    for i, b in enumerate(bins):
        print(f"all filters ({os.path.basename(b)}): p50 {pct(overall[i], 50):.1f} ms  "
              f"p99 {pct(overall[i], 99):.1f} ms  max {max(overall[i]):.1f} ms")
    cores = os.cpu_count()
    con_events = None
    try:
        import sqlite3
        con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
        con_events, = con.execute("SELECT count(*) FROM events").fetchone()
        con.close()
    except Exception:
        pass
    size = f"{con_events:,} events, " if con_events else ""
    cmd = "python3 crates/serve/bench/cli_bench.py " + shlex.join(
        [os.path.basename(a.db)] + sys.argv[2:])
    head = "| filter | rows | p50 ms | p99 ms |"
    rule = "|---|---:|---:|---:|"
    if a.peer:
        head = ("| filter | rows | this p50 ms | this p99 ms | peer p50 ms | peer p99 ms "
                "| this ÷ peer p50 |")
        rule = "|---|---:|---:|---:|---:|---:|---:|"
    lines = [
        "## Query latency through the command line (`crates/serve/bench/cli_bench.py`)",
        "",
        f"`dateline query --db STORE --format jsonl --limit 100 FILTER`, a whole process per run "
        f"(start, open, plan, first page newest first, print), {a.rounds} runs per filter after "
        f"one warm-up, on a store of {size}{os.path.getsize(a.db) / 2**20:,.0f} MiB; "
        f"{cores} cores shared with other work (1-minute load average {load_start:.1f} at the "
        f"start, {load_end:.1f} at the end). The first row is the peer: the same command "
        "without a filter, one row."
        + (f" Two binaries alternate run by run: this `{a.binary}`, peer `{a.peer}`." if a.peer
           else "")
        + (f" The peer reads its own copy of the store, `{os.path.basename(a.peer_db)}` (same "
           "rows; this binary's schema version adds a table the peer does not know)."
           if a.peer and a.peer_db else ""),
        "",
        head,
        rule,
    ]
    for name, rows, times in results:
        cells = " | ".join(f"{pct(t, 50):.1f} | {pct(t, 99):.1f}" for t in times)
        ratio = f" | {pct(times[0], 50) / pct(times[1], 50):.2f}" if a.peer else ""
        lines.append(f"| {name} | {rows} | {cells}{ratio} |")
    lines += [
        "",
        "Over all filters (peer row left out): "
        + "; ".join(f"`{os.path.basename(b)}` p50 {pct(overall[i], 50):.1f} ms, p99 "
                    f"{pct(overall[i], 99):.1f} ms, max {max(overall[i]):.1f} ms"
                    for i, b in enumerate(bins)) + ".",
        "",
        f"Run: `{cmd}`.",
    ]
    body = "\n".join(lines)
    print(body)
    if not a.no_write:
        write_section(body, "query-cli")


if __name__ == "__main__":
    main()
