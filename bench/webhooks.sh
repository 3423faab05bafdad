#!/usr/bin/env bash
# One command: bench/webhooks.sh
# Webhook deliveries per second to a loopback receiver, and the time from a change to its first delivery
# attempt, on the H2 file database and on embedded PostgreSQL (in-process server, loopback only, bounded
# to 120 s per run). Prints the figures and appends them to bench/RESULTS.md.
# Env: EVENTS (default 20000), ROOMS (200), BACKENDS ("h2-file postgres").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
EVENTS=${EVENTS:-20000}; ROOMS=${ROOMS:-200}; BACKENDS=${BACKENDS:-"h2-file postgres"}
JAVA=java; [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

mvn -B -q -DskipTests test-compile -pl hundred-server
mvn -B -q dependency:build-classpath -pl hundred-server -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/webhooks.cp" >/dev/null
CP="$ROOT/hundred-server/target/test-classes:$ROOT/hundred-server/target/classes:$(cat "$OUT/webhooks.cp")"

RESULTS=""
for backend in $BACKENDS; do
  echo "== $backend"
  LINE=$(timeout 300 "$JAVA" -Xmx1g -cp "$CP" dev.hundred.server.webhooks.WebhookBench "$backend" "$EVENTS" "$ROOMS" 2>"$OUT/webhooks-$backend.log" | tee /dev/stderr)
  RESULTS+="$LINE"$'\n'
done

{
  echo
  echo "### Webhooks: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "Command: \`EVENTS=$EVENTS ROOMS=$ROOMS bench/webhooks.sh\` (in-process server, receiver on 127.0.0.1; signed deliveries)"
  echo
  echo '```'
  printf '%s' "$RESULTS"
  echo '```'
} >> "$ROOT/bench/RESULTS.md"
echo "appended to bench/RESULTS.md"
