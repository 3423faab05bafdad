#!/usr/bin/env bash
# One command: bench/run.sh
# Starts Hundred (H2 in memory, then the local PostgreSQL) and WireMock 3 serving the same room JSON from a
# static stub, loads each from this machine with wrk (loopback only, bounded time), and prints requests/s,
# p50 and p99 and the ratio to WireMock. Also measures start-up to the `listening` line on JDK 17.
# Env: DURATION (default 10s), WARMUP (5s), CONNECTIONS (32), PG_URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-5s}; CONNECTIONS=${CONNECTIONS:-32}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
WIREMOCK_VERSION=3.13.2
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA=java; [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
JAR="$ROOT/hundred-server/target/hundred-server.jar"
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl hundred-server
WM_JAR="$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar"
[ -f "$WM_JAR" ] || mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$OUT"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_hundred JAVA DB LOG -> sets PORT, TOKEN, PID
start_hundred() {
  local java=$1 db=$2 log=$3
  "$java" -Xmx1g -jar "$JAR" serve --port 0 --db "$db" --access-key bench-key --secret bench-secret-0123456789abcdef0123 >"$log" 2>&1 &
  PID=$!; PIDS+=("$PID")
  for _ in $(seq 1 300); do grep -q '^listening on' "$log" && break; sleep 0.05; done
  grep -q '^listening on' "$log" || { cat "$log"; echo "server did not start"; exit 1; }
  PORT=$(sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")
  TOKEN=$(sed -n 's/^  management token: \([^ ]*\).*/\1/p' "$log")
}

# load NAME URL [wrk args...] -> prints one row and appends it to $OUT/rows
load() {
  local name=$1 url=$2; shift 2
  wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null 2>&1 || true
  local result; result=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  p50=$(awk '$1=="50%" {print $2}' <<<"$result")
  p99=$(awk '$1=="99%" {print $2}' <<<"$result")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$result"); non2xx=${non2xx:-0}
  printf '%-34s %12s %10s %10s %8s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" | tee -a "$OUT/rows"
}

bench_hundred() {
  local label=$1 db=$2
  start_hundred "$JAVA" "$db" "$OUT/hundred-$label.log"
  local base="http://127.0.0.1:$PORT"
  local auth="Authorization: Bearer $TOKEN"
  ROOM_ID=$(curl -s -H "$auth" -X POST "$base/v2/rooms" -d '{"name":"bench-room","description":"benchmark"}' | sed -n 's/.*"id":"\([0-9a-f]\{24\}\)".*/\1/p')
  curl -s -H "$auth" "$base/v2/rooms/$ROOM_ID" > "$OUT/room.json"
  for i in $(seq 1 60); do curl -s -o /dev/null -H "$auth" -X POST "$base/v2/rooms" -d "{\"name\":\"list-$i\"}"; done
  local start; start=$(curl -s -H "$auth" "$base/v2/rooms?limit=20" | sed -n 's/.*"last":"\([0-9a-f]*\)".*/\1/p')
  load "hundred $label GET room" "$base/v2/rooms/$ROOM_ID" -H "$auth"
  load "hundred $label list 20 (start)" "$base/v2/rooms?limit=20&start=$start" -H "$auth"
  TOKEN=$TOKEN load "hundred $label create room" "$base/v2/rooms" -s "$ROOT/bench/post-room.lua"
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

bench_wiremock() {
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$JAVA" -Xmx1g -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$port" --disable-banner --no-request-journal >"$OUT/wiremock.log" 2>&1 &
  local pid=$!; PIDS+=("$pid")
  for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$port/__admin/health" && break; sleep 0.05; done
  python3 - "$port" "$OUT/room.json" <<'PY'
import json, sys, urllib.request
port, path = sys.argv[1], sys.argv[2]
room = open(path).read()
stub = {"request": {"method": "GET", "urlPath": "/v2/rooms/" + json.loads(room)["id"]},
        "response": {"status": 200, "body": room, "headers": {"Content-Type": "application/json"}}}
req = urllib.request.Request(f"http://127.0.0.1:{port}/__admin/mappings", json.dumps(stub).encode(), {"Content-Type": "application/json"})
urllib.request.urlopen(req).read()
PY
  load "wiremock static stub GET room" "http://127.0.0.1:$port/v2/rooms/$(sed -n 's/.*"id":"\([0-9a-f]\{24\}\)".*/\1/p' "$OUT/room.json")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

startup_jdk17() {
  [ -x "$JDK17/bin/java" ] || { echo "no JDK 17 at $JDK17"; return; }
  # plain `java -jar`, then with the class-data-sharing archive ./hundred makes (one training run first)
  local jsa="$OUT/startup-jdk17.jsa" i
  rm -f "$jsa"
  "$JDK17/bin/java" -XX:ArchiveClassesAtExit="$jsa" -jar "$JAR" serve --port 0 --db mem >"$OUT/startup-train.log" 2>&1 &
  local trainer=$!
  for _ in $(seq 1 200); do grep -q '^listening on' "$OUT/startup-train.log" && break; sleep 0.05; done
  kill -TERM "$trainer"; wait "$trainer" 2>/dev/null || true
  for mode in plain cds; do
    for i in 1 2 3; do
      local opts=(); [ "$mode" = cds ] && opts=(-XX:SharedArchiveFile="$jsa")
      "$JDK17/bin/java" "${opts[@]}" -jar "$JAR" serve --port 0 --db mem >"$OUT/startup-$mode-$i.log" 2>&1 &
      PID=$!; PIDS+=("$PID")
      for _ in $(seq 1 200); do grep -q '^started in' "$OUT/startup-$mode-$i.log" && break; sleep 0.05; done
      sed -n 's/^started in \([0-9]*\) ms.*/startup JDK 17 '"$mode"' run '"$i"': \1 ms (launch to listening)/p' "$OUT/startup-$mode-$i.log"
      kill "$PID"; wait "$PID" 2>/dev/null || true
    done
  done
}

: > "$OUT/rows"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; load JDK: $("$JAVA" -version 2>&1 | head -1); wrk -t1 -c$CONNECTIONS, ${WARMUP} warm-up, ${DURATION} measured"
printf '%-34s %12s %10s %10s %8s\n' "case" "req/s" "p50" "p99" "non-2xx"
bench_hundred h2 mem      # also writes the room JSON that WireMock's stub serves
bench_wiremock
if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS hundred_bench' -c 'CREATE DATABASE hundred_bench' >/dev/null
  bench_hundred postgres "${PG_URL/\/test?/\/hundred_bench?}"
else
  echo "PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL rows skipped"
fi
wm=$(awk '/^wiremock/ {print $(NF-3)}' "$OUT/rows")
echo "ratio to WireMock's static stub (req/s):"
awk -v wm="$wm" '/^hundred/ { name=$0; sub(/ +[0-9.]+ +[0-9.a-z]+ +[0-9.a-z]+ +[0-9]+$/, "", name); printf "  %-32s %.2fx\n", name, $(NF-3)/wm }' "$OUT/rows"
startup_jdk17
