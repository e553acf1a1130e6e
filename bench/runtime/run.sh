#!/usr/bin/env bash
# Runtime benchmark on the dev broker (on demand, not in CI): one input topic, then each scenario in its own process.
#   bench/runtime/run.sh [records]     (default 150000 records of 100 bytes; ~3.75 MB per partition, inside the mock's ~5 MB)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RECORDS=${1:-150000}
# shellcheck disable=SC1091
[ -f "$ROOT/.dev/env" ] && . "$ROOT/.dev/env"
[ -n "${KAFKA_BOOTSTRAP:-}" ] || { echo "bench: KAFKA_BOOTSTRAP not set; run scripts/dev.sh up" >&2; exit 1; }
dotnet build -c Release -v quiet -nologo "$ROOT/bench/runtime" -o "$ROOT/.dev/bench-runtime" >/dev/null
BENCH=("dotnet" "$ROOT/.dev/bench-runtime/Streaming.Bench.Runtime.dll" --bootstrap "$KAFKA_BOOTSTRAP")
TOPIC="bench-in-$(date +%s)"
"${BENCH[@]}" --scenario produce --topic "$TOPIC" --records "$RECORDS"
RESULTS=()
for scenario in baseline passthrough count-eos count-alos; do
  line=$("${BENCH[@]}" --scenario "$scenario" --topic "$TOPIC" --records "$RECORDS" | grep '^RESULT')
  echo "$line"
  RESULTS+=("$line")
done
printf '%s\n' "${RESULTS[@]}" | awk '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } eps[v["scenario"]] = v["eps"]; rss[v["scenario"]] = v["peak_rss_mb"]; order[NR] = v["scenario"] }
  END {
    printf "\n%-12s %10s %8s %12s\n", "scenario", "events/s", "ratio", "peak RSS MB"
    for (n = 1; n <= NR; n++) { s = order[n]; printf "%-12s %10d %8.2f %12d\n", s, eps[s], eps[s] / eps["baseline"], rss[s] }
    printf "\ngoal: count-eos >= 0.70 x baseline -> %s\n", (eps["count-eos"] / eps["baseline"] >= 0.7 ? "met" : "NOT met")
  }'
