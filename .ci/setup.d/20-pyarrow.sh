#!/usr/bin/env bash
# Parquet export (crates/export/tests/parquet.rs, crates/cli/tests/record.rs): the tests read
# the Parquet file back with pyarrow and skip with a notice when it is missing. Idempotent:
# installs only when pyarrow cannot be imported.
set -euo pipefail
PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "20-pyarrow: no $PY on this machine; the Parquet read-back tests will skip"
    exit 0
fi
if "$PY" -c "import pyarrow" 2>/dev/null; then
    echo "20-pyarrow: pyarrow already installed"
    exit 0
fi
if ! "$PY" -m pip --version >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip
fi
"$PY" -m pip install --quiet --disable-pip-version-check "pyarrow>=14" \
    || "$PY" -m pip install --quiet --disable-pip-version-check --break-system-packages "pyarrow>=14"
"$PY" -c "import pyarrow; print('20-pyarrow: pyarrow', pyarrow.__version__)"
