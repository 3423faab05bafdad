#!/usr/bin/env bash
# One command: bench/fuzz.sh
# The seeded fuzz of the test suite (hundred-server/src/test/java/dev/hundred/server/fuzz/FuzzTest.java) with many
# more requests: FUZZ_REQUESTS per back end (default 10000) on H2 and on an embedded PostgreSQL, 16 at a time.
# It fails on any 5xx, any error answer outside {"code","message","details"}, a status that differs between the
# back ends, a change to data made before it, or a server that stops answering.
# Env: FUZZ_REQUESTS (10000), FUZZ_SEED (a new one each run; the seed is printed, and FUZZ_SEED=S replays it).
# Prints the totals (answers by status class, per back end) and, on failure, one example of each kind.
set -uo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${FUZZ_REQUESTS:-10000}
SEED_FLAG=""
[ -n "${FUZZ_SEED:-}" ] && SEED_FLAG="-Dfuzz.seed=$FUZZ_SEED"
rm -f hundred-server/target/fuzz-summary.txt
mvn -B -o -q test -pl hundred-server -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.requests="$REQUESTS" $SEED_FLAG
STATUS=$?
echo
if [ -f hundred-server/target/fuzz-summary.txt ]; then
  cat hundred-server/target/fuzz-summary.txt
else
  echo "no summary: the fuzz did not run (see the Maven output above)"
fi
exit $STATUS
