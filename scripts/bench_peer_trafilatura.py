#!/usr/bin/env python3
"""Peer timing for `dateline-eval bench`: Python trafilatura on the same pages.

Usage: bench_peer_trafilatura.py HTML_DIR [REPEATS]

Reads every *.html.gz in HTML_DIR into memory first, then times only the
`trafilatura.extract` calls (single process, single thread), REPEATS times over
the pages, and prints one JSON object on stdout: {"version", "pages", "seconds"
(wall), "cpu_seconds" (this thread's CPU time), "pages_per_s", "pages_per_cpu_s",
"chars", "peak_rss_kb"}.
Exit status 3 (with a message on stderr) when trafilatura is not installed.
"""
import gzip
import json
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import trafilatura
    except ImportError as e:
        print(f"trafilatura cannot be imported ({e}): pip install trafilatura lxml_html_clean",
              file=sys.stderr)
        return 3
    html_dir = Path(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    pages = []
    for path in sorted(html_dir.glob("*.html.gz")):
        with gzip.open(path, "rb") as f:
            pages.append(f.read().decode("utf-8", errors="replace"))
    if not pages:
        print(f"no *.html.gz pages in {html_dir}", file=sys.stderr)
        return 2
    # One untimed call so that lazy imports and caches are set up before timing.
    trafilatura.extract(pages[0])
    chars = 0
    seconds = 0.0
    cpu = 0.0
    for _ in range(repeats):
        for html in pages:
            t0 = time.perf_counter()
            c0 = time.thread_time()
            text = trafilatura.extract(html)
            cpu += time.thread_time() - c0
            seconds += time.perf_counter() - t0
            chars += len(text or "")
    n = len(pages) * repeats
    print(
        json.dumps(
            {
                "version": getattr(trafilatura, "__version__", "?"),
                "pages": n,
                "seconds": seconds,
                "cpu_seconds": cpu,
                "pages_per_s": n / seconds if seconds > 0 else 0.0,
                "pages_per_cpu_s": n / cpu if cpu > 0 else 0.0,
                "chars": chars,
                "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
