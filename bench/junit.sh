#!/usr/bin/env bash
# One command: bench/junit.sh
# hundred-junit's start and stop times (bench/JunitStart.java): a fresh JVM's first HundredServer.start(),
# then ROUNDS warm ones in the same JVM (a second @HundredTest class), each answering one call, then close().
# Run twice (two fresh JVMs). Uses hundred-junit's installed classpath: mvn -B -o -q install -DskipTests first.
# Env: ROUNDS (10), JAVA (java on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(pwd)/bench/out"; mkdir -p "$OUT"
ROUNDS=${ROUNDS:-10}; JAVA=${JAVA:-java}
[ -d hundred-junit/target/classes/dev ] || mvn -B -o -q -DskipTests compile -pl hundred-junit
mvn -B -o -q dependency:build-classpath -pl hundred-junit -Dmdep.includeScope=compile \
  -Dmdep.outputFile="$OUT/junit-classpath.txt" >/dev/null
CP="hundred-junit/target/classes:$(cat "$OUT/junit-classpath.txt")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
for run in 1 2; do
  echo "-- fresh JVM $run"
  "$JAVA" -cp "$CP" bench/JunitStart.java "$ROUNDS" 2>"$OUT/junit-start-$run.err"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
