#!/usr/bin/env bash
# One command: bench/cluster.sh
# One node against two nodes on the same PostgreSQL (docs/cluster.md), loopback only, bounded time: the local
# PostgreSQL (127.0.0.1:5432, user postgres) gets a fresh database hundred_cluster_bench; each node is
# `java -Xmx1g -jar hundred-server.jar serve`. With N nodes, each figure loads all N at once and adds them
# up: GET room and create room (wrk, -t1 -c$CONNECTIONS for $DURATION s per node, after a warm-up),
# gateway joins (bench/GatewayLoad.java, $PEERS peers split over the nodes) and webhook deliveries per
# second (bench/ClusterWebhooks.java, $EVENTS emulator joins spread round-robin over the nodes).
# Env: NODES ("1 2"), DURATION (10), WARMUP (3), CONNECTIONS (16), PEERS (1000), EVENTS (2000), ROOMS (50).
# Prints one row per node count with the load average, and appends them to bench/RESULTS.md (RECORD=0: not).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
NODES=${NODES:-"1 2"}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-3}; CONNECTIONS=${CONNECTIONS:-16}
PEERS=${PEERS:-1000}; EVENTS=${EVENTS:-2000}; ROOMS=${ROOMS:-50}
KEY=bench-key; SECRET=bench-secret-0123456789abcdef0123
JAR="$ROOT/hundred-server/target/hundred-server.jar"
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl hundred-server
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# start_nodes N -> URLS (one per node), TOKEN
start_nodes() {
  psql -q -h 127.0.0.1 -U postgres -c 'DROP DATABASE IF EXISTS hundred_cluster_bench' postgres
  psql -q -h 127.0.0.1 -U postgres -c 'CREATE DATABASE hundred_cluster_bench' postgres
  local db='jdbc:postgresql://127.0.0.1:5432/hundred_cluster_bench?user=postgres'
  URLS=(); PIDS=()
  for i in $(seq 1 "$1"); do
    local log="$OUT/cluster-node$i.log"
    java -Xmx1g -jar "$JAR" serve --port 0 --db "$db" --access-key "$KEY" --secret "$SECRET" \
      --node-name "bench-$i" --print-credentials true >"$log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 600); do grep -q '^listening on' "$log" && break; sleep 0.05; done
    grep -q '^listening on' "$log" || { cat "$log"; echo "node $i did not start"; exit 1; }
    URLS+=("$(sed -n 's/^listening on \(.*\)$/\1/p' "$log")")
    TOKEN=$(sed -n 's/^  management token: \([^ ]*\).*/\1/p' "$log")
  done
}

stop_nodes() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  PIDS=()
}

# wrk_all PATH [wrk args] -> the sum of requests/s over every node, loaded at once
wrk_all() {
  local path=$1; shift
  local jobs=()
  for u in "${URLS[@]}"; do wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$@" "$u$path" >/dev/null 2>&1 & jobs+=($!); done
  wait "${jobs[@]}"
  local files=(); jobs=()
  for u in "${URLS[@]}"; do
    local f; f=$(mktemp); files+=("$f")
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$@" "$u$path" >"$f" 2>&1 &
    jobs+=($!)
  done
  wait "${jobs[@]}"
  cat "${files[@]}" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' | awk '{s+=$1} END {printf "%.0f", s}'
  rm -f "${files[@]}"
}

ROWS=""
for n in $NODES; do
  echo "== $n node(s)"
  start_nodes "$n"
  ROOM=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"bench-get"}' \
    "${URLS[0]}/v2/rooms" | sed 's/.*"id":"\([0-9a-f]*\)".*/\1/')
  GET=$(wrk_all "/v2/rooms/$ROOM")
  CREATE=$(TOKEN=$TOKEN wrk_all "/v2/rooms" -s "$ROOT/bench/post-room.lua")
  JOIN_FILES=(); JOBS=()
  for u in "${URLS[@]}"; do
    f=$(mktemp); JOIN_FILES+=("$f")
    timeout 600 java -Xmx1g bench/GatewayLoad.java --url "$u" --access-key "$KEY" --secret "$SECRET" \
      --peers $((PEERS / n)) --rooms $((PEERS / n / 10 > 0 ? PEERS / n / 10 : 1)) --concurrency 16 --hold 1 >"$f" 2>&1 &
    JOBS+=($!)
  done
  wait "${JOBS[@]}"
  JOINS=$(cat "${JOIN_FILES[@]}" | sed -n 's/^join: .* = \([0-9]*\) peers\/s.*/\1/p' | awk '{s+=$1} END {printf "%.0f", s}')
  rm -f "${JOIN_FILES[@]}"
  WEBHOOKS=$(timeout 600 java bench/ClusterWebhooks.java --token "$TOKEN" --events "$EVENTS" --rooms "$ROOMS" "${URLS[@]}" \
    | sed -n 's/^webhooks: .* = \([0-9]*\)\/s.*/\1/p')
  stop_nodes
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  ROW="| $n | $GET | $CREATE | $JOINS | $WEBHOOKS | $LOAD |"
  echo "$ROW"
  ROWS+="$ROW"$'\n'
done

[ "${RECORD:-1}" = 0 ] && exit 0
{
  echo
  echo "### bench/cluster.sh, $(date -u +%Y-%m-%dT%H:%MZ): nodes on one PostgreSQL (DURATION=$DURATION CONNECTIONS=$CONNECTIONS PEERS=$PEERS EVENTS=$EVENTS)"
  echo
  echo "| nodes | GET room req/s | create room req/s | gateway joins/s | webhooks/s | load average after |"
  echo "|---|---|---|---|---|---|"
  printf "%s" "$ROWS"
} >>"$ROOT/bench/RESULTS.md"
