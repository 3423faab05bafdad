#!/usr/bin/env bash
# bench/statements.sh [JAR] [N]: statements per create room, GET room and gateway join (and leave) on the local
# PostgreSQL, counted from PostgreSQL's own log: the server's connections carry log_statement=all, a client
# (bench/StatementCount.java) marks each phase in the log, bench/statements.py counts per phase and sets the
# background pollers apart. Needs read access to the server log (LOG below). Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-hundred-server/target/hundred-server.jar}; N=${2:-20}
JAVA=java; [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
DB=hundred_statements
LOG=${LOG:-/var/log/postgresql/postgresql-15-main.log}
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
OUT=$(mktemp)
"$JAVA" -Xmx512m -jar "$JAR" serve --port 0 --db "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres&options=-c%20log_statement%3Dall" \
  --access-key bench-key --secret bench-secret-0123456789abcdef0123 >"$OUT" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 600); do grep -q '^listening on' "$OUT" && break; sleep 0.1; done
BASE=$(sed -n 's/^listening on \(http:\/\/[^ ]*\).*/\1/p' "$OUT" | head -1); BASE=${BASE%/}
OFF=$(stat -c %s "$LOG")
PGOPTIONS='-c log_statement=all' "$JAVA" bench/StatementCount.java "$BASE" "$DB" "$N"
sleep 1
python3 bench/statements.py "$LOG" "$OFF" "$DB" "$N"
