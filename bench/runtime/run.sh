#!/usr/bin/env bash
# Runtime benchmark on the dev broker (on demand, not in CI): one input topic, then each row in its own process,
# RUNS times in rotation; each row reports its median.
#   bench/runtime/run.sh [records] [runs]   (default 150000 records of 100 bytes, ~3.75 MB per partition, inside the
#                                            mock's ~5 MB; 3 runs)
# Rows: the raw loops (baseline = plain offset commits every 1 s; baseline-eos = transactions every 100 ms), then the
# runtime. "1s" rows commit every second like the baseline; "100ms" rows use Kafka Streams' exactly-once default.
# "mock-iso" turns on Runtime:BrokerLacksTransactionalIsolation (what the dev stack runs with); the other rows run as
# on real Kafka. Nothing reads the outputs here, so isolation only changes the runtime's own cost.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RECORDS=${1:-150000}
RUNS=${2:-3}
# shellcheck disable=SC1091
[ -f "$ROOT/.dev/env" ] && . "$ROOT/.dev/env"
[ -n "${KAFKA_BOOTSTRAP:-}" ] || { echo "bench: KAFKA_BOOTSTRAP not set; run scripts/dev.sh up" >&2; exit 1; }
dotnet build -c Release -v quiet -nologo "$ROOT/bench/runtime" -o "$ROOT/.dev/bench-runtime" >/dev/null
BENCH=("dotnet" "$ROOT/.dev/bench-runtime/Streaming.Bench.Runtime.dll" --bootstrap "$KAFKA_BOOTSTRAP")
TOPIC="bench-in-$(date +%s)"
"${BENCH[@]}" --scenario produce --topic "$TOPIC" --records "$RECORDS"
# label scenario commit-ms isolation
ROWS=(
  "baseline baseline - broker"
  "baseline-eos baseline-eos - broker"
  "passthrough-1s passthrough 1000 broker"
  "count-eos-1s count-eos 1000 broker"
  "count-eos-100ms count-eos 100 broker"
  "count-eos-1s-mock-iso count-eos 1000 mock"
  "count-alos-1s count-alos 1000 broker"
)
OUT=$(mktemp)
for run in $(seq "$RUNS"); do
  for row in "${ROWS[@]}"; do
    read -r label scenario commit isolation <<<"$row"
    envs=(BENCH_ISOLATION="$isolation")
    [ "$commit" = - ] || envs+=(BENCH_COMMIT_MS="$commit")
    line=$(env "${envs[@]}" "${BENCH[@]}" --scenario "$scenario" --topic "$TOPIC" --records "$RECORDS" | grep '^RESULT')
    echo "run $run $label: $line"
    echo "$label $line" >>"$OUT"
  done
done
awk -v rows="$(printf '%s\n' "${ROWS[@]}" | cut -d' ' -f1 | tr '\n' ' ')" '
  { for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } n[$1]++; eps[$1, n[$1]] = v["eps"]; if (v["peak_rss_mb"] > rss[$1]) rss[$1] = v["peak_rss_mb"] }
  function median(label,   k, i, j, t, a) {
    k = n[label]; for (i = 1; i <= k; i++) a[i] = eps[label, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  END {
    split(rows, order, " "); base = median("baseline")
    printf "\n%-24s %10s %8s %12s\n", "row (median)", "events/s", "ratio", "peak RSS MB"
    for (r = 1; r in order; r++) { s = order[r]; printf "%-24s %10d %8.2f %12d\n", s, median(s), median(s) / base, rss[s] }
    goal = median("count-eos-1s") / base
    printf "\ngoal: count-eos >= 0.70 x baseline -> %.2f %s\n", goal, (goal >= 0.7 ? "met" : "NOT met")
  }' "$OUT"
rm -f "$OUT"
