#!/usr/bin/env python3
"""Time the release CLI on long synthetic one-sentence articles of growing size.

Usage (from the repository root, after `cargo build --release -p dateline-cli`):

    python3 fuzz/scaling.py [path/to/dateline] [sizes in KiB...]

Prints, per pattern and size: wall seconds, peak RSS of the child and bytes of JSON written.
Time or output that grows ~4x when the input doubles is quadratic behaviour.
"""

import os
import subprocess
import sys
import tempfile
import time

PATTERNS = {
    # one run-on sentence: every "X said" opens a reported clause up to the sentence end
    "said": "Obama said ",
    "council-said": "The United Nations Security Council said ",
    # many entity and place mentions in one sentence
    "france": "France ",
    # controls: same sizes, no entities
    "lower": "the big brown dog barked and said ",
    "sentences": "The United Nations Security Council said. ",
}


def main() -> None:
    exe = sys.argv[1] if len(sys.argv) > 1 else "target/release/dateline"
    sizes = [int(s) for s in sys.argv[2:]] or [16, 32, 64, 128]
    with tempfile.TemporaryDirectory() as tmp:
        print("pattern\tKiB\tseconds\tpeak_rss_MiB\toutput_bytes")
        for name, unit in PATTERNS.items():
            for kib in sizes:
                n = kib * 1024
                path = os.path.join(tmp, f"{name}-{kib}.txt")
                with open(path, "w") as f:
                    f.write((unit * (n // len(unit) + 1))[:n])
                out = os.path.join(tmp, "out.json")
                t0 = time.perf_counter()
                with open(out, "wb") as o:
                    child = subprocess.Popen([exe, "extract", path], stdout=o)
                    _, status, usage = os.wait4(child.pid, 0)
                secs = time.perf_counter() - t0
                rc = os.waitstatus_to_exitcode(status)
                rss = usage.ru_maxrss / 1024
                size = os.path.getsize(out)
                os.remove(out)
                flag = "" if rc == 0 else f"\texit {rc}"
                print(f"{name}\t{kib}\t{secs:.2f}\t{rss:.0f}\t{size}{flag}", flush=True)


if __name__ == "__main__":
    main()
