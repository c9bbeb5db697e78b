#!/usr/bin/env bash
# Spark: PySpark (bundles Spark itself) for spark/dateline_job.py and crates/cli/tests/spark.rs.
# Java 17 is on the machine (Debian's openjdk-17-jre-headless otherwise). Idempotent.
set -euo pipefail
PYSPARK_VERSION=3.5.7
if ! command -v java >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
fi
if python3 -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "pyspark $PYSPARK_VERSION already installed"
else
    python3 -m pip install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
