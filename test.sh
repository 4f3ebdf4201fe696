#!/usr/bin/env bash
# Runs the whole test suite: unit and contract tests of every module, the frontend's Vitest tests, STOMP
# over real WebSockets, and the integration tests against real PostgreSQL and real Chromium on loopback.
# It prepares the machine first (scripts/prepare-test-env.sh) and ends with "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
bash scripts/prepare-test-env.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
# Only this run's reports count in the summary
rm -rf ./*/target/surefire-reports ./*/target/failsafe-reports ./examples/*/target/surefire-reports \
  ./examples/*/target/failsafe-reports frontend/target/vitest-junit.xml
mvn -B verify "$@"
status=$?
bash scripts/test-summary.sh
exit $status
