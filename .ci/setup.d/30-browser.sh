#!/usr/bin/env bash
# dateline serve's end-to-end tests (crates/serve/tests/browser.rs): headless Chromium from
# Debian and playwright-core from npm (crates/serve/e2e, pinned by its package-lock.json).
# Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq nodejs npm >/dev/null
fi
e2e=crates/serve/e2e
want=$(cd "$e2e" && node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
have=$(cd "$e2e" && node -p "try { require('./node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [ "$want" != "$have" ]; then
    (cd "$e2e" && npm ci --no-audit --no-fund --ignore-scripts)
fi
