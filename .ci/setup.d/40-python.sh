#!/usr/bin/env bash
# Python package (crates/python): maturin builds the wheel, pytest runs its tests, pandas backs
# the DataFrame views. crates/python/tests/pytest.rs builds the wheel into a fresh virtual
# environment (which sees these through --system-site-packages) and skips with a notice when
# python3 or maturin is missing. Idempotent: installs only what is absent or older.
set -euo pipefail
PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "40-python: no $PY on this machine; the Python package tests will skip"
    exit 0
fi
# venv and pip (Debian splits them out of python3).
if ! "$PY" -c "import venv, ensurepip" 2>/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv python3-pip
fi
want=()
"$PY" - <<'PY' || want+=("maturin>=1.9.4,<2")
import re, subprocess, sys
out = subprocess.run([sys.executable, "-m", "maturin", "--version"], capture_output=True, text=True).stdout
m = re.search(r"(\d+)\.(\d+)\.(\d+)", out)
sys.exit(0 if m and tuple(map(int, m.groups())) >= (1, 9, 4) else 1)
PY
"$PY" -c "import pytest" 2>/dev/null || want+=("pytest>=7")
"$PY" -c "import pandas" 2>/dev/null || want+=("pandas>=1.5")
if [ ${#want[@]} -eq 0 ]; then
    echo "40-python: maturin, pytest and pandas already installed"
else
    "$PY" -m pip install --quiet --disable-pip-version-check "${want[@]}"
fi
# pyenv puts new console scripts on PATH only after a rehash (the tests call `python3 -m maturin`).
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
