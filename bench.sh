#!/usr/bin/env bash
# The load command (yujian-bench): runs each scenario against each target side by side, each on a fresh
# app process on loopback, with the load generator in JVMs of its own. Prints a table per scenario and
# writes docs/benchmarks.md and docs/benchmarks-p99.svg (the full run) or target/bench/ (--quick).
#
#   ./bench.sh                      the full comparison (about 40 minutes)
#   ./bench.sh --quick              a small run for CI: 100 sessions, 3 s warm-up, 5 s windows
#   ./bench.sh --targets stock,yujian --scenarios fanout --sessions 200 --rates 10 --warmup 5 --duration 10
#
#   ./bench.sh --encoding           JSON against a MessagePack body for metrics batches (docs/benchmarks-encoding.md)
#
#   ./bench.sh --targets stock,relay,yujian,yujian-cluster-1,yujian-cluster-2 --scenarios idle,fanout --sessions 500 \
#       --rates 10,30 --idle-large 0 --doc docs/benchmarks-cluster.md --svg docs/benchmarks-cluster-p99.svg
#
# Targets: stock (Spring simple broker), relay (Spring relay to RabbitMQ), yujian (embedded), and
#   yujian-cluster-1, yujian-cluster-2: YUJIAN_MODE=cluster nodes (1 or 2 processes of the reference jar on
#   --port, --port+1) over RabbitMQ's STOMP plugin on 61613, a private redis-server on a free port and a fresh
#   PostgreSQL schema in database test (dropped afterwards); sessions spread over the nodes, the publisher on
#   node 1. For relay and cluster targets, idle and fanout also report RabbitMQ STOMP connections per node and
#   RabbitMQ memory per 1,000 idle sessions. The default targets are stock,relay,yujian.
# Options: --targets stock,relay,yujian,yujian-cluster-1,yujian-cluster-2  --scenarios idle,fanout,saturation,storm,slow  --sessions N
#   --rates 10,30,50  --warmup S  --duration S  --step-duration S  --step-warmup S  --p99-limit MS
#   --max-rate MSG/S  --idle-large N (0: skip)  --slow N  --slow-rate MSG/S  --slow-cap S  --slow-pad BYTES  --port P
#   --app-jvm "-Xmx1g"  --generator-jvm "..."  --io-threads N  --doc FILE  --svg FILE  --out DIR
#   --machine-note TEXT  --quick
# Every run is bounded: at most 20,000 sessions, 5,000 msg/s, each wait capped; loopback only.
# The relay opens one RabbitMQ connection per session; Debian's RabbitMQ starts with 1,024 file
# descriptors (about 830 sockets). If the bench says so, and nobody else uses that broker, restart it with a raised limit:
#   rabbitmqctl stop; su rabbitmq -s /bin/sh -c 'ulimit -n 20000; exec rabbitmq-server -detached'
set -euo pipefail
cd "$(dirname "$0")"
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then awk 'NR == 1 { next } /^#/ { print; next } { exit }' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi

args=("$@")
if [[ " $* " != *" --quick "* && " $* " != *" --doc "* && " $* " != *" --scenarios "* && " $* " != *" --targets "* \
      && " $* " != *" --sessions "* ]]; then
  args+=(--doc docs/benchmarks.md --svg docs/benchmarks-p99.svg)   # only the full default run rewrites the docs
fi

echo "[bench] building the reference app jar and yujian-bench (mvn -B -q -DskipTests -pl reference-app,yujian-bench -am package)"
mvn -B -q -DskipTests -pl reference-app,yujian-bench -am package >/dev/null
CP="yujian-bench/target/classes:$(cat yujian-bench/target/bench.classpath)"
if [[ " $* " == *" --encoding "* ]]; then   # JSON against MessagePack for metrics batches, no app needed
  echo "[bench] java lab.yujian.bench.EncodingMain $*"
  exec java -Xmx512m -cp "$CP" lab.yujian.bench.EncodingMain "$@"
fi
echo "[bench] java ${BENCH_JAVA_OPTS:--Xmx512m} lab.yujian.bench.BenchMain ${args[*]}"
exec java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "$CP" lab.yujian.bench.BenchMain "${args[@]}"
