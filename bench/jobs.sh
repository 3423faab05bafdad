#!/usr/bin/env bash
# One command: bench/jobs.sh
# Durable timers: COUNT timers due within the same second on one node (in-process server), on the H2 file
# database and on embedded PostgreSQL: how late they fire (p50/p99/max) and how long the node takes for
# all of them. Then RECORDINGS recordings started, stopped and completed at once through the REST API:
# total time and webhooks/s. Prints the figures and appends them to bench/RESULTS.md.
# Env: COUNT (default 10000), RECORDINGS (default 50), BACKENDS ("h2-file postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
COUNT=${COUNT:-10000}; RECORDINGS=${RECORDINGS:-50}; BACKENDS=${BACKENDS:-"h2-file postgres"}
JAVA=java; [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

mvn -B -q -DskipTests test-compile -pl hundred-server
mvn -B -q dependency:build-classpath -pl hundred-server -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/jobs.cp" >/dev/null
CP="$ROOT/hundred-server/target/test-classes:$ROOT/hundred-server/target/classes:$(cat "$OUT/jobs.cp")"

RESULTS=""
for backend in $BACKENDS; do
  echo "== timers, $backend"
  LINE=$(timeout 300 "$JAVA" -Xmx1g -cp "$CP" dev.hundred.server.jobs.TimerBench "$backend" "$COUNT" 2>"$OUT/timers-$backend.log" | tee /dev/stderr)
  RESULTS+="$LINE"$'\n'
done
for backend in $BACKENDS; do
  echo "== recordings, $backend"
  LINE=$(timeout 300 "$JAVA" -Xmx1g -cp "$CP" dev.hundred.server.jobs.RecordingsBench "$backend" "$RECORDINGS" 2>"$OUT/recordings-$backend.log" | tee /dev/stderr)
  RESULTS+="$LINE"$'\n'
done

{
  echo
  echo "### Timers and recordings: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Command: \`COUNT=$COUNT RECORDINGS=$RECORDINGS bench/jobs.sh\` (in-process server; each timer fired in its own transaction: consume + one write; recordings with the default job phases, webhooks to a loopback receiver)"
  echo
  echo '```'
  printf '%s' "$RESULTS"
  echo '```'
} >> "$ROOT/bench/RESULTS.md"
echo "appended to bench/RESULTS.md"
