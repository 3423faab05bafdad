#!/usr/bin/env bash
# One command: bench/client.sh
# hundred-client's overhead per call: COUNT rooms().retrieve calls through the client against the same GET
# with raw java.net.http (bench/ClientBench.java), on one Hundred server (-Xmx1g, H2 in memory), loopback,
# one thread. Prints the figures and appends them to bench/RESULTS.md. A million calls per side (3 sides,
# alternating) took about 0.6 ms a call at load 8 on 2 cores, so about 30 minutes in all there: run it on a quiet machine.
# Env: COUNT (1000000), JAVA (java on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
COUNT=${COUNT:-1000000}; JAVA=${JAVA:-java}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
JAR="$ROOT/hundred-server/target/hundred-server.jar"
CLIENT="$ROOT/hundred-client/target/classes"
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl hundred-server
[ -d "$CLIENT/dev" ] || mvn -B -q -DskipTests compile -pl hundred-client
mvn -B -q dependency:build-classpath -pl hundred-client -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$OUT/client-classpath.txt" >/dev/null

LOG="$OUT/client-server.log"
"$JAVA" -Xmx1g -jar "$JAR" serve --port 0 --db mem --access-key bench-key \
  --secret bench-secret-0123456789abcdef0123 --print-credentials false >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do grep -q '^listening on' "$LOG" && break; sleep 0.05; done
grep -q '^listening on' "$LOG" || { cat "$LOG"; echo "server did not start"; exit 1; }
PORT=$(sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$LOG")

COMMAND="COUNT=$COUNT bench/client.sh"
RESULT=$("$JAVA" -cp "$CLIENT:$(cat "$OUT/client-classpath.txt")" bench/ClientBench.java --url "http://127.0.0.1:$PORT" \
  --access-key bench-key --secret bench-secret-0123456789abcdef0123 --count "$COUNT")
echo "$RESULT"  # (not tee /dev/stderr: reopened, it writes over a log file that stdout also goes to)

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
JV=$("$JAVA" -version 2>&1 | head -1)
ENTRY=$(printf '### %s\n\n- machine: %s cores, %s; %s; load average before the run %s (shared machine)\n- command: `%s`\n\n```\n%s\n```\n' \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$CPU" "$JV" "$LOAD_BEFORE" "$COMMAND" "$RESULT")
ENTRY="$ENTRY" python3 - "$ROOT/bench/RESULTS.md" <<'PY'
import os, re, sys
path, entry = sys.argv[1], os.environ["ENTRY"]
heading = "## hundred-client overhead (bench/client.sh)"
intro = ("rooms().retrieve through hundred-client against the same GET with raw java.net.http (a prebuilt request,"
         " body unread; and built per call, body read into Room), and the client alone over an instant Transport;"
         " one thread, loopback, server and client on the same machine. Overhead = extra time per call.")
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
if heading not in text:
    text = text.rstrip("\n") + "\n\n" + heading + "\n\n" + intro + "\n"
start = text.index(heading) + len(heading)
following = re.search(r"^## ", text[start:], re.M)
end = start + following.start() if following else len(text)
section = text[:end].rstrip("\n") + "\n\n" + entry.rstrip("\n") + "\n"
text = section + ("\n" + text[end:] if following else "")
open(path, "w").write(text)
PY
echo "appended to bench/RESULTS.md"
