#!/usr/bin/env bash
# Runs the whole test suite: unit and contract tests of every module, the frontend's Vitest tests, and the
# integration tests against real PostgreSQL, RabbitMQ, Redis, nginx and Chromium on loopback. It prepares
# what it needs first (scripts/prepare-test-env.sh) and ends with the line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/prepare-test-env.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
mvn -B verify "$@"
status=$?
bash scripts/test-summary.sh
exit $status
