#!/usr/bin/env bash
# NATS JetStream server for the queue-fed worker tests (crates/cli/tests/queue.rs), which start
# their own `nats-server -js` on a free loopback port. Idempotent.
set -euo pipefail
if command -v nats-server >/dev/null 2>&1; then
    echo "nats-server already installed: $(nats-server --version)"
else
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server
fi
# Debian's package enables a system service; the tests run their own server on another port.
