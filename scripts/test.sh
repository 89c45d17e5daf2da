#!/usr/bin/env bash
# Runs every test of Entente: type check, lint, then all test suites with Node's test runner.
# Needs the project's dependencies (npm ci). As root it installs the system packages the tests
# use (LibreOffice Calc, headless, to open the XLSX/ODS exports); otherwise it says what to install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # the Node 24 pinned by the project

bash scripts/install-system-packages.sh

echo "== type check (tsc)"
tsc -p .
echo "== lint and format (biome)"
biome check .
echo "== tests (node --test)"
node --test --test-reporter=spec --test-concurrency=2 "src/**/*.test.ts" "test/**/*.test.ts"
