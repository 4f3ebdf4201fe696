#!/usr/bin/env bash
# The load command: starts the app (embedded mode) on loopback, runs the load generator in its own JVM,
# prints the results, and stops the app. Options go to the generator:
#   ./bench.sh --sessions 1000 --rate 10 --duration 30
# Records go in docs/benchmarks.md. Every run is bounded (at most 15000 sessions, 1000/s, 10 minutes).
set -euo pipefail
cd "$(dirname "$0")"
PORT=${BENCH_PORT:-3900}
DATA=$(mktemp -d)
SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')
echo "[bench] building..."
mvn -B -q -DskipTests -pl reference-app -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/reference-app/target/bench.classpath" >/dev/null
echo "[bench] starting the app on 127.0.0.1:$PORT (log: $DATA/app.log)"
JWT_SECRET=$SECRET PORT=$PORT DATA_DIR=$DATA RATE_LIMIT_MAX=10000000 YUJIAN_STALE_AFTER=30m YUJIAN_ABUSE_LIMIT=1000000 \
  java ${APP_JAVA_OPTS:--Xmx1g} -jar reference-app/target/yujian-reference-app.jar > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "[bench] the app did not start"; tail -20 "$DATA/app.log"; exit 1; }
java ${LOAD_JAVA_OPTS:--Xmx1g} -cp "reference-app/target/test-classes:$(cat reference-app/target/bench.classpath)" \
  lab.yujian.app.bench.LoadGenerator --url "ws://127.0.0.1:$PORT/ws" --secret "$SECRET" "$@"
