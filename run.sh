#!/usr/bin/env bash
# Builds and starts the Yu Jian dashboard in embedded mode (simple broker, in-memory hub, local file
# database in ./data). Needs Java 17+, Maven and npm. Arguments go to the app: ./run.sh --demo
set -euo pipefail
cd "$(dirname "$0")"
echo "[yujian] building (first run downloads dependencies; later runs take under a minute)..."
mvn -B -q -DskipTests -pl reference-app -am package
exec java ${JAVA_OPTS:-} -jar reference-app/target/yujian-reference-app.jar "$@"
