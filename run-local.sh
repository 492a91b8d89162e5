#!/usr/bin/env bash
# Starts the whole partnersync system on this machine, no Docker needed: Kafka, PostgreSQL,
# the graph simulator (demo data) and the four services, each as its own process.
# Builds first when the sources changed since the last build. Ctrl-C stops everything.
#
#   ./run-local.sh            reuse the data of the last run (in .local/)
#   ./run-local.sh --clean    start from empty databases and topics
set -euo pipefail
cd "$(dirname "$0")"

stamp=.local/.build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "Building (sources changed since the last build) ..."
  ./mvnw -B -q package -DskipTests
  mkdir -p .local && touch "$stamp"
fi

exec java -cp "local-system/target/classes:$(cat local-system/target/classpath.txt)" \
  io.partnersync.localsystem.Main "$@"
