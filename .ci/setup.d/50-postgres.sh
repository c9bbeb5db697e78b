#!/usr/bin/env bash
# PostgreSQL for the PostgreSQL store's tests (crates/store-pg, crates/cli/tests/postgres.rs).
# The tests start their own throw-away server with initdb + pg_ctl in a temporary directory;
# nothing here starts a server. Idempotent.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # postgresql-15 on Debian 12; the metapackage picks the distribution's version.
    apt-get install -y -qq postgresql >/dev/null
fi
# The Debian package starts a cluster of its own on port 5432; the tests do not use it.
# initdb and pg_ctl refuse to run as root: the tests run them as this unprivileged user.
if ! id -u dateline-pg >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin dateline-pg
fi
ls -d /usr/lib/postgresql/*/bin
