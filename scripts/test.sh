#!/usr/bin/env bash
# Runs every test of Entente: type check, lint, then all test suites with Node's test runner
# (domain, database on PGlite and PostgreSQL, HTTP API, CLI, exports in LibreOffice, the web
# console in Chromium). Needs the project's dependencies (npm ci). As root it installs and starts
# the system packages the tests use (scripts/install-system-packages.sh); otherwise it says what to install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # the Node 24 pinned by the project

bash scripts/install-system-packages.sh

echo "== type check (tsc: server, then web console)"
tsc -p .
tsc -p web/tsconfig.json
echo "== lint and format (biome)"
biome check .
echo "== build the web console (the browser tests use it)"
vite build --config web/vite.config.ts --logLevel warn
echo "== tests (node --test)"
node --test --test-reporter=spec --test-concurrency=2 "src/**/*.test.ts" "test/**/*.test.ts" "web/src/**/*.test.ts"
