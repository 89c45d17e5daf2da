#!/usr/bin/env bash
# Runs test files with Node's test runner and the suite's guards, then lists the slowest files.
#   bash scripts/node-test.sh                      every test of the project (src/, test/, web/src/)
#   bash scripts/node-test.sh test/main.test.ts …  the files given
# scripts/test.sh runs it after the type check, the lint and the start of the identity peers.
# Guards, so that no run waits forever (test/README.md):
#   TEST_TIMEOUT_SECONDS       each test and suite that sets no timeout of its own (default 300);
#   TEST_FILE_TIMEOUT_SECONDS  each test file, hooks and loading included (default 600);
#   TEST_RUN_TIMEOUT_SECONDS   the whole run (default 2700), for a file that blocks its own event loop.
# The file's limit is test/helpers/test-watchdog.ts, loaded into every file's process; the run's is
# scripts/run-watchdog-reporter.ts, in the runner's own process.
# Other settings: TEST_CONCURRENCY (files at once, default 2), TEST_SLOWEST_FILES (default 10).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"   # the Node 24 pinned by the project

if [ $# -eq 0 ]; then set -- "src/**/*.test.ts" "test/**/*.test.ts" "web/src/**/*.test.ts"; fi
exec node --test \
  --test-concurrency="${TEST_CONCURRENCY:-2}" \
  --test-timeout="$((${TEST_TIMEOUT_SECONDS:-300} * 1000))" \
  --import ./test/helpers/test-watchdog.ts \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./scripts/slowest-files-reporter.ts --test-reporter-destination=stdout \
  --test-reporter=./scripts/run-watchdog-reporter.ts --test-reporter-destination=stderr \
  "$@"
