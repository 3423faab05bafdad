#!/usr/bin/env bash
# One command: bench/run.sh
# Hundred against WireMock 3 (a static stub serving the same room JSON) and against pgbench, measured the
# honest way on a machine where the load client shares the cores: every server is started and warmed first
# (warm-up not counted), then the loads alternate in pairs (Hundred, then its reference, ROUNDS times) and
# the median of the pairs' ratios is what counts; every pair is printed. Loopback only, bounded time.
#   GET room H2 / WireMock, GET room PostgreSQL / WireMock      (wrk, same connections, same duration)
#   create room PostgreSQL / pgbench single-statement insert     (pgbench -c = Hundred's pool size, a table
#                                                                  shaped like rooms, same database server)
#   gateway joins PostgreSQL / H2                                (bench/GatewayLoad.java, JOIN_PEERS peers)
# then start-up (launch to the first HTTP answer, bench/startup.py) of Hundred and WireMock side by side on
# the same JDK: ./hundred on the newest JDK, plain java -jar on JDK 17.
# Hundred on PostgreSQL uses the local PostgreSQL 15 (127.0.0.1:5432, user postgres, a fresh database
# hundred_bench); pgbench runs against that same server (database test), so both sides pay the same
# commits on the same disk.
# Env: DURATION (5s), WARMUP (5s), ROUNDS (3), CONNECTIONS (32), JOIN_PEERS (2000), STARTS (3),
#      PG_URL (jdbc:postgresql://127.0.0.1:5432/hundred_bench?user=postgres), SKIP_STARTUP=1, SKIP_LOAD=1,
#      JAR (the server jar; default hundred-server/target/hundred-server.jar),
#      JAVA_OPTS_BENCH (extra JVM options for the servers under load, e.g. -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
DURATION=${DURATION:-5s}; WARMUP=${WARMUP:-5s}; ROUNDS=${ROUNDS:-3}; CONNECTIONS=${CONNECTIONS:-32}
JOIN_PEERS=${JOIN_PEERS:-2000}; STARTS=${STARTS:-3}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/hundred_bench?user=postgres}
PG_POOL=10   # Hundred's pool on PostgreSQL (store/Database.java): pgbench gets as many connections
WIREMOCK_VERSION=3.13.2
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA=java; [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
KEY=bench-key; SECRET=bench-secret-0123456789abcdef0123

command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
JAR=${JAR:-$ROOT/hundred-server/target/hundred-server.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package -pl hundred-server
WM_JAR="$OUT/wiremock-standalone-$WIREMOCK_VERSION.jar"
[ -f "$WM_JAR" ] || mvn -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory="$OUT"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }

# What autovacuum does on its own once tables grow; this machine's PostgreSQL runs with autovacuum = off,
# and without statistics the planner's generic plans picked whole-workspace index scans (bench/RESULTS.md).
pg_analyze() {
  local db=${PG_URL##*/}; db=${db%%\?*}
  psql -q -h 127.0.0.1 -U postgres -d "$db" -c ANALYZE >/dev/null
  echo "    (PostgreSQL: ANALYZE after the warm-up; autovacuum here: $(psql -At -h 127.0.0.1 -U postgres -d test -c 'SHOW autovacuum'))"
}

# start_hundred NAME DB -> sets <NAME>_BASE, <NAME>_TOKEN; the server stays up for the whole run
start_hundred() {
  local name=$1 db=$2 log="$OUT/hundred-$1.log"
  # shellcheck disable=SC2086
  "$JAVA" -Xmx1g ${JAVA_OPTS_BENCH:-} -jar "$JAR" serve --port 0 --db "$db" --access-key $KEY --secret $SECRET \
    --print-credentials true >"$log" 2>&1 &
  PIDS+=("$!"); printf -v "${name}_PID" '%s' "$!"
  for _ in $(seq 1 600); do grep -q '^listening on' "$log" && break; sleep 0.05; done
  grep -q '^listening on' "$log" || { cat "$log"; echo "server did not start"; exit 1; }
  printf -v "${name}_BASE" 'http://127.0.0.1:%s' "$(sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log")"
  printf -v "${name}_TOKEN" '%s' "$(sed -n 's/^  management token: \([^ ]*\).*/\1/p' "$log")"
}

# seed NAME -> sets <NAME>_ROOM (a room to GET) and <NAME>_START (a list cursor with 20 rooms behind it)
seed() {
  local name=$1 base token; base=${name}_BASE; base=${!base}; token=${name}_TOKEN; token=${!token}
  local auth="Authorization: Bearer $token" room start
  room=$(curl -s -H "$auth" -X POST "$base/v2/rooms" -d '{"name":"bench-room","description":"benchmark"}' | sed -n 's/.*"id":"\([0-9a-f]\{24\}\)".*/\1/p')
  curl -s -H "$auth" "$base/v2/rooms/$room" > "$OUT/room-$name.json"
  for i in $(seq 1 30); do curl -s -o /dev/null -H "$auth" -X POST "$base/v2/rooms" -d "{\"name\":\"list-$i\"}"; done
  start=$(curl -s -H "$auth" "$base/v2/rooms?limit=20" | sed -n 's/.*"last":"\([0-9a-f]*\)".*/\1/p')
  printf -v "${name}_ROOM" '%s' "$room"; printf -v "${name}_START" '%s' "$start"
}

start_wiremock() {
  WM_PORT=$(free_port)
  "$JAVA" -Xmx1g -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$WM_PORT" --disable-banner --no-request-journal >"$OUT/wiremock.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 400); do curl -s -o /dev/null "http://127.0.0.1:$WM_PORT/__admin/health" && break; sleep 0.05; done
  python3 - "$WM_PORT" "$OUT/room-h2.json" <<'PY'
import json, sys, urllib.request
port, path = sys.argv[1], sys.argv[2]
room = open(path).read()
stub = {"request": {"method": "GET", "urlPath": "/v2/rooms/" + json.loads(room)["id"]},
        "response": {"status": 200, "body": room, "headers": {"Content-Type": "application/json"}}}
req = urllib.request.Request(f"http://127.0.0.1:{port}/__admin/mappings", json.dumps(stub).encode(), {"Content-Type": "application/json"})
urllib.request.urlopen(req).read()
PY
  WM_URL="http://127.0.0.1:$WM_PORT/v2/rooms/$(sed -n 's/.*"id":"\([0-9a-f]\{24\}\)".*/\1/p' "$OUT/room-h2.json")"
}

# wrk_rps DURATION URL [wrk args...] -> requests/s; prints a row (with p50, p99, non-2xx) to stderr and $OUT/rows
wrk_rps() {
  local duration=$1 url=$2; shift 2
  local result rps p50 p99 non2xx
  result=$(wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency "$@" "$url")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  p50=$(awk '$1=="50%" {print $2}' <<<"$result"); p99=$(awk '$1=="99%" {print $2}' <<<"$result")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$result"); non2xx=${non2xx:-0}
  printf '    %-30s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "$LABEL" "$rps" "$p50" "$p99" "$non2xx" | tee -a "$OUT/rows" >&2
  echo "$rps"
}

get_room() { local b=${1}_BASE t=${1}_TOKEN r=${1}_ROOM; LABEL="hundred $1 GET room" wrk_rps "$2" "${!b}/v2/rooms/${!r}" -H "Authorization: Bearer ${!t}"; }
wiremock_get() { LABEL="wiremock static stub GET room" wrk_rps "$1" "$WM_URL"; }
create_room() { local b=${1}_BASE t=${1}_TOKEN; TOKEN=${!t} LABEL="hundred $1 create room" wrk_rps "$2" "${!b}/v2/rooms" -s "$ROOT/bench/post-room.lua"; }
list_rooms() { local b=${1}_BASE t=${1}_TOKEN s=${1}_START; LABEL="hundred $1 list 20 (start)" wrk_rps "$2" "${!b}/v2/rooms?limit=20&start=${!s}" -H "Authorization: Bearer ${!t}"; }

# The reference for creates: one INSERT per transaction into a table shaped like rooms (same columns, the
# same unique (workspace_id, name_key) and two indexes, no foreign keys), autocommit, prepared statements.
pgbench_setup() {
  psql -q -h 127.0.0.1 -U postgres -d test <<'SQL' >/dev/null
DROP TABLE IF EXISTS bench_rooms;
CREATE TABLE bench_rooms (
  id VARCHAR(24) PRIMARY KEY, workspace_id VARCHAR(24) NOT NULL, name VARCHAR(255) NOT NULL, name_key VARCHAR(255) NOT NULL,
  description TEXT NOT NULL, enabled BOOLEAN NOT NULL, template_id VARCHAR(24) NOT NULL, region VARCHAR(16) NOT NULL,
  large_room BOOLEAN NOT NULL, size INT NOT NULL, max_duration_seconds INT NOT NULL, recording_info TEXT, webhook TEXT,
  polls TEXT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT bench_rooms_name_unique UNIQUE (workspace_id, name_key));
CREATE INDEX bench_rooms_by_workspace ON bench_rooms (workspace_id, id);
CREATE INDEX bench_rooms_by_template ON bench_rooms (workspace_id, template_id, id);
SQL
  cat > "$OUT/pgbench-insert.sql" <<'SQL'
\set n random(1, 2000000000)
INSERT INTO bench_rooms VALUES (substr(md5(:client_id || '-' || :n || '-' || random()), 1, 24), '64f1a0b2c3d4e5f607182930', 'bench-' || :n || '-' || :client_id || '-' || random(), 'bench-' || :n || '-' || :client_id || '-' || random(), 'bench', true, '64f1a0b2c3d4e5f607182931', 'auto', false, 0, 43200, NULL, NULL, '[]', now(), now());
SQL
}
# pgbench_tps SECONDS -> transactions/s (one INSERT each), without connection set-up
pgbench_tps() {
  local result tps
  result=$(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$PG_POOL" -j 1 -T "$1" -f "$OUT/pgbench-insert.sql" test 2>&1)
  tps=$(sed -n 's/^tps = \([0-9]*\.[0-9][0-9]\).*/\1/p' <<<"$result" | head -1)
  printf '    %-30s %10s tx/s   (pgbench -c %s -j 1 -M prepared, one INSERT per transaction)\n' "pgbench insert" "$tps" "$PG_POOL" | tee -a "$OUT/rows" >&2
  echo "$tps"
}

# joins NAME -> peers/s: JOIN_PEERS WebSocket peers into JOIN_PEERS/10 rooms, 32 joins in flight
joins() {
  local b=${1}_BASE result rate
  result=$(timeout 600 "$JAVA" bench/GatewayLoad.java --url "${!b}" --access-key $KEY --secret $SECRET \
    --peers "$JOIN_PEERS" --rooms $((JOIN_PEERS / 10)) --concurrency 32 --hold 0 2>&1)
  rate=$(sed -n 's/^join: .* = \([0-9.]*\) peers\/s.*/\1/p' <<<"$result")
  printf '    %-30s %10s peers/s  (%s)\n' "hundred $1 gateway joins" "$rate" "$(grep '^join:' <<<"$result" | cut -c1-60)" | tee -a "$OUT/rows" >&2
  echo "$rate"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# pair NAME TARGET "CMD A" "CMD B": runs A then B once per round (called per round), records the ratio
declare -A RATIOS
record() { local name=$1 a=$2 b=$3 r; r=$(ratio "$a" "$b"); RATIOS[$name]="${RATIOS[$name]:-} $r"; echo "    => $name: $a / $b = ${r}x" >&2; }

load_part() {
  : > "$OUT/rows"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; server JDK: $("$JAVA" -version 2>&1 | head -1); load average before: $(load_avg)"
  echo "wrk -t1 -c$CONNECTIONS; every server warmed $WARMUP first (not counted); then $ROUNDS rounds of alternating pairs, $DURATION each"
  start_hundred h2 mem
  seed h2
  start_wiremock
  local have_pg=""
  if pg_up; then
    psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS hundred_bench' -c 'CREATE DATABASE hundred_bench' >/dev/null
    start_hundred pg "$PG_URL"
    seed pg
    pgbench_setup
    have_pg=1
  else
    echo "PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL pairs skipped"
  fi
  echo "warm-up (not counted):"
  get_room h2 "$WARMUP" >/dev/null; wiremock_get "$WARMUP" >/dev/null; create_room h2 "$WARMUP" >/dev/null; list_rooms h2 "$WARMUP" >/dev/null
  if [ -n "$have_pg" ]; then
    get_room pg "$WARMUP" >/dev/null; create_room pg "$WARMUP" >/dev/null; list_rooms pg "$WARMUP" >/dev/null
    pgbench_tps "${WARMUP%s}" >/dev/null
    JOIN_PEERS=$((JOIN_PEERS / 2)) joins pg >/dev/null
    pg_analyze
  fi
  JOIN_PEERS=$((JOIN_PEERS / 2)) joins h2 >/dev/null
  local round
  for round in $(seq 1 "$ROUNDS"); do
    echo "round $round (load average $(load_avg)):"
    record "GET room H2 / WireMock" "$(get_room h2 "$DURATION")" "$(wiremock_get "$DURATION")"
    if [ -n "$have_pg" ]; then
      record "GET room PG / WireMock" "$(get_room pg "$DURATION")" "$(wiremock_get "$DURATION")"
      record "create room PG / pgbench insert" "$(create_room pg "$DURATION")" "$(pgbench_tps "${DURATION%s}")"
      record "gateway joins PG / H2" "$(joins pg)" "$(joins h2)"
    fi
  done
  echo "once each (no target; not paired):"
  create_room h2 "$DURATION" >/dev/null; list_rooms h2 "$DURATION" >/dev/null
  [ -n "$have_pg" ] && list_rooms pg "$DURATION" >/dev/null
  echo "load average after: $(load_avg)"
  echo "median of the pairs' ratios (target):"
  local name target
  for name in "GET room H2 / WireMock:1.2" "GET room PG / WireMock:0.8" "create room PG / pgbench insert:0.3" "gateway joins PG / H2:0.8"; do
    target=${name##*:}; name=${name%:*}
    [ -n "${RATIOS[$name]:-}" ] || continue
    # shellcheck disable=SC2086
    printf '  %-34s %5sx   (pairs:%s; target >= %sx)\n' "$name" "$(median ${RATIOS[$name]})" "${RATIOS[$name]}" "$target"
  done
  cleanup; PIDS=()
}

# starts JAVA_HOME LABEL CMD... : STARTS launches of each, alternating Hundred and WireMock
startup_part() {
  local jdk=$1 label=$2 hundred_cmd=$3 i port h w
  [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk: $label skipped"; return; }
  local hs=() ws=() rs=()
  for i in $(seq 1 "$STARTS"); do
    port=$(free_port)
    # shellcheck disable=SC2086
    h=$(python3 bench/startup.py "$port" $hundred_cmd serve --port "$port" --db mem)
    port=$(free_port)
    w=$(python3 bench/startup.py "$port" "$jdk/bin/java" -jar "$WM_JAR" --bind-address 127.0.0.1 --port "$port" --disable-banner --no-request-journal)
    hs+=("$h"); ws+=("$w"); rs+=("$(ratio "$h" "$w")")
  done
  printf '  %-44s hundred %s ms, wiremock %s ms: median ratio %sx (pairs: %s)\n' "$label" \
    "$(median "${hs[@]}")" "$(median "${ws[@]}")" "$(median "${rs[@]}")" "${rs[*]}"
}

[ -n "${SKIP_LOAD:-}" ] || load_part
if [ -z "${SKIP_STARTUP:-}" ]; then
  echo "start-up, launch to the first HTTP answer (bench/startup.py; --db mem; $STARTS alternating pairs; load average $(load_avg)):"
  JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
  # ./hundred builds a stale jar and trains its cache once per jar and JDK: one launch first, not counted
  port=$(free_port); STARTUP_TIMEOUT=900 python3 bench/startup.py "$port" ./hundred serve --port "$port" --db mem >/dev/null
  startup_part "$JDK25" "./hundred (JDK 25) vs WireMock on JDK 25" ./hundred
  startup_part "$JDK17" "java -jar on JDK 17 vs WireMock on JDK 17" "$JDK17/bin/java -jar $JAR"
  startup_part "$JDK25" "java -jar on JDK 25 vs WireMock on JDK 25" "$JDK25/bin/java -jar $JAR"
  echo "  (targets: ./hundred <= 0.5x WireMock on the same JDK; plain java -jar on JDK 17 <= 1.0x)"
fi
