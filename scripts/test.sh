#!/usr/bin/env bash
# Runs every test project against the dev stack and ends with one summary line:
#   "N passed, N failed, N skipped"
# Starts the dev stack first if it is not running (and stops it again afterwards).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

scripts/setup.sh >/dev/null || { echo "test: scripts/setup.sh failed" >&2; exit 1; }

started_stack=0
if [ ! -f .dev/env ] || [ "$(scripts/dev.sh status | grep -c -E '^dev: (kafka|registry): running')" != 2 ]; then
  scripts/dev.sh up || { echo "test: the dev stack could not start (see above); tests need Kafka, PostgreSQL and S3." >&2; exit 1; }
  started_stack=1
fi
# shellcheck disable=SC1091
source .dev/env
trap '[ $started_stack = 1 ] && scripts/dev.sh down >/dev/null' EXIT


dotnet build Streaming.sln -nologo -v quiet -clp:ErrorsOnly || { echo "test: build failed"; echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
# One test assembly at a time: they share the dev broker and a 2-core machine.
dotnet test Streaming.sln --no-build -nologo -m:1 --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Timestamps must not depend on the machine's zone: the round-trip class again, under a zone with DST west of UTC.
TZ=America/New_York dotnet test tests/Streaming.Contracts.Tests --no-build -nologo \
  --filter "FullyQualifiedName~TimestampMillisRoundTripTests" 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

sum() { grep -E '^(Passed|Failed)!' "$log" | sed -E "s/.*$1: *([0-9]+).*/\1/" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
