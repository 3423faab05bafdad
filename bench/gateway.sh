#!/usr/bin/env bash
# One command: bench/gateway.sh
# The peer gateway under load, loopback only, bounded time: one Hundred server with a 1 GiB heap cap
# (-Xmx1g, H2 in memory), and bench/GatewayLoad.java (JDK only) joining PEERS WebSocket peers into ROOMS
# rooms, at most CONCURRENCY joins in flight; it holds them idle for HOLD seconds, checks they are all
# still connected (client side and per the active-rooms API), measures the server's heap after a full GC
# and its RSS, then makes them all leave. Prints the figures and appends them to bench/RESULTS.md.
# Env: PEERS (10000), ROOMS (PEERS/10), CONCURRENCY (32), HOLD (30 s), JAVA (java on PATH),
# DB: mem (default, H2 in memory), pg (a fresh database hundred_gateway_bench on the local PostgreSQL,
# 127.0.0.1:5432, user postgres), or any --db value.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
PEERS=${PEERS:-10000}; ROOMS=${ROOMS:-$((PEERS / 10))}; CONCURRENCY=${CONCURRENCY:-32}; HOLD=${HOLD:-30}
DB=${DB:-mem}; JAVA=${JAVA:-java}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_DB=$DB
if [ "$DB" = pg ]; then
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS hundred_gateway_bench' postgres
  psql -q -h 127.0.0.1 -U postgres -c 'CREATE DATABASE hundred_gateway_bench' postgres
  SERVER_DB='jdbc:postgresql://127.0.0.1:5432/hundred_gateway_bench?user=postgres'
fi
JAR="$ROOT/hundred-server/target/hundred-server.jar"
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl hundred-server
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

LOG="$OUT/gateway-server.log"
"$JAVA" -Xmx1g -jar "$JAR" serve --port 0 --db "$SERVER_DB" --access-key bench-key \
  --secret bench-secret-0123456789abcdef0123 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q '^listening on' "$LOG" && break; sleep 0.05; done
grep -q '^listening on' "$LOG" || { cat "$LOG"; echo "server did not start"; exit 1; }
PORT=$(sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$LOG")

COMMAND="PEERS=$PEERS ROOMS=$ROOMS CONCURRENCY=$CONCURRENCY HOLD=$HOLD DB=$DB bench/gateway.sh"
RESULT=$(timeout 900 java -Xmx2g bench/GatewayLoad.java --url "http://127.0.0.1:$PORT" --access-key bench-key \
  --secret bench-secret-0123456789abcdef0123 --peers "$PEERS" --rooms "$ROOMS" --concurrency "$CONCURRENCY" \
  --hold "$HOLD" --server-pid "$PID" | tee /dev/stderr)

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
JV=$("$JAVA" -version 2>&1 | head -1)
ENTRY=$(printf '### %s\n\n- machine: %s cores, %s; %s; load average before the run %s (shared machine)\n- command: `%s`\n\n```\n%s\n```\n' \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$CPU" "$JV" "$LOAD_BEFORE" "$COMMAND" "$RESULT")
# Runs go at the end of this benchmark's own section; other benchmarks keep their sections.
ENTRY="$ENTRY" python3 - "$ROOT/bench/RESULTS.md" <<'PY'
import os, re, sys
path, entry = sys.argv[1], os.environ["ENTRY"]
heading = "## Peer gateway (bench/gateway.sh)"
intro = ("Idle WebSocket peers held at once by one server started with -Xmx1g, then the join and leave rates."
         " Loopback; the load client runs on the same machine.")
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
