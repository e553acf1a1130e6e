#!/usr/bin/env bash
# Full-topology benchmark (on demand, never in CI): about 1M events (trips + messages, with dirt) through
# `processor run --until-end` under exactly_once, against a raw Confluent.Kafka consume→produce loop over the same
# input topics in the same run. The processor runs twice, committing every 1 s and every 100 ms (Kafka Streams'
# exactly-once default), between two baseline runs; ratios are against the mean of the two baselines, so drift of
# the machine during the run shows up as a gap between them. Reports events/s (every run timed from its first record),
# the ratios (goal ≥ 0.7), peak RSS, and whether each run was valid on the mock (see the end of this file).
#   bench/processor/run.sh [trips] [messages]      (default 800000 200000)
# Knobs (environment): BENCH_COMMIT_INTERVALS ("00:00:01 00:00:00.1"), BENCH_THREADS (1), BENCH_PARTITIONS (32, inputs
# and internal topics), BENCH_GUARANTEE (exactly_once), BENCH_MOCK_ISOLATION (false: run as on real Kafka; true: with
# the dev stack's Runtime:BrokerLacksTransactionalIsolation workaround).
# The mock broker keeps only ~5 MB per partition, so this starts its own dev Kafka whose topics have BENCH_PARTITIONS
# partitions; the dev stack's broker is left alone.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TRIPS=${1:-800000}
MESSAGES=${2:-200000}
WORK="$ROOT/.dev/bench-processor"
mkdir -p "$WORK"

dotnet build -c Release -v quiet -nologo "$ROOT/dev/Streaming.DevKafka" -o "$WORK/devkafka" >/dev/null
for project in producer/Streaming.Producer processor/Streaming.Processor bench/runtime; do
  dotnet build -c Release -v quiet -nologo "$ROOT/$project" -o "$WORK/$(basename "$project")" >/dev/null
done

# CreateTopics does not work on the mock, so the processor's internal topics are created here with the input's
# partition count too (auto-creation would give them 4). Each processor run has its own application id.
INTERVALS=(${BENCH_COMMIT_INTERVALS:-00:00:01 00:00:00.1})
PARTITIONS=${BENCH_PARTITIONS:-32}
{
  printf 'bench.trips %s\nbench.messages %s\n' "$PARTITIONS" "$PARTITIONS"
  for run in "${!INTERVALS[@]}"; do
    for internal in trips-by-city-repartition trip-dedup-changelog message-dedup-changelog city-hourly-windows-changelog \
      strike-ledger-changelog checkpoints; do
      printf 'bench-processor-%s-%s %s\n' "$run" "$internal" "$PARTITIONS"
    done
  done
} > "$WORK/topics.txt"
rm -f "$WORK/bootstrap"
"$WORK/devkafka/devkafka" --brokers 1 --topics "$WORK/topics.txt" --bootstrap-file "$WORK/bootstrap" > "$WORK/devkafka.log" 2>&1 &
KAFKA_PID=$!
trap 'kill "$KAFKA_PID" 2>/dev/null || true' EXIT
for _ in $(seq 300); do [ -s "$WORK/bootstrap" ] && break; sleep 0.1; done
BOOTSTRAP=$(cat "$WORK/bootstrap")
export KAFKA_BOOTSTRAP="$BOOTSTRAP" STREAMING__RUNTIME__BROKERLACKSTRANSACTIONALISOLATION=${BENCH_MOCK_ISOLATION:-false}

echo "bench: producing $TRIPS trips and $MESSAGES messages (3 days, seed 1) to $BOOTSTRAP"
dotnet "$WORK/Streaming.Producer/producer.dll" generate --trips "$TRIPS" --messages "$MESSAGES" --days 3 --seed 1 \
  --topic-prefix bench. > "$WORK/producer.log"
EVENTS=$(awk '/^total/ { print $NF }' "$WORK/producer.log")
echo "bench: $EVENTS events in bench.trips and bench.messages"

baseline() {
  dotnet "$WORK/runtime/Streaming.Bench.Runtime.dll" --bootstrap "$BOOTSTRAP" --scenario baseline \
    --topic bench.trips,bench.messages --records "$EVENTS" | grep '^RESULT'
}

# Prints "events seconds peak_rss_mb wall_s resets" for one processor run.
processor() {
  local run=$1 interval=$2 out="$WORK/processor-$1"
  local start end
  start=$(date +%s.%N)
  STREAMING__RUNTIME__COMMITINTERVAL=$interval /usr/bin/time -f 'peak_rss_kb=%M user_s=%U sys_s=%S' -o "$out.time" \
    dotnet "$WORK/Streaming.Processor/processor.dll" run --until-end --guarantee "${BENCH_GUARANTEE:-exactly_once}" \
    --topic-prefix bench. --app-id "bench-processor-$run" --threads "${BENCH_THREADS:-1}" > "$out.out" 2> "$out.log"
  end=$(date +%s.%N)
  local processing
  processing=$(sed -n 's/^Throughput: \([0-9]*\) input records in \([0-9.]*\) s.*/\1 \2/p' "$out.out")
  [ -n "$processing" ] || { echo "bench: the processor printed no throughput line; see $out.log" >&2; exit 1; }
  # The mock trims each partition to ~5 MB and serves one message set per partition per fetch, so a partition
  # written faster than it is read can be trimmed first; librdkafka then resets the offset and the run is not valid.
  echo "$processing $(( $(sed -n 's/peak_rss_kb=\([0-9]*\).*/\1/p' "$out.time") / 1024 )) $(echo "$end - $start" | bc) $(grep -c 'offset reset' "$out.log" || true)"
}

first=$(baseline); echo "$first"
results=()
for run in "${!INTERVALS[@]}"; do
  results+=("${INTERVALS[$run]} $(processor "$run" "${INTERVALS[$run]}")")
  echo "processor, commit interval ${INTERVALS[$run]}: ${results[-1]#* }"
done
second=$(baseline); echo "$second"

printf '%s\n' "$first" "$second" "${results[@]}" | awk '
  /^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "eps") eps[++n] = kv[2]; if (kv[1] == "peak_rss_mb") rss = kv[2] } next }
  { rows[++m] = $0 }
  END {
    base = (eps[1] + eps[2]) / 2
    printf "\n%-44s %10s %8s %12s %8s\n", "scenario", "events/s", "ratio", "peak RSS MB", "valid"
    printf "%-44s %10d %8.2f %12d %8s\n", "raw consume->produce (baseline, first)", eps[1], eps[1] / base, rss, "-"
    printf "%-44s %10d %8.2f %12d %8s\n", "raw consume->produce (baseline, second)", eps[2], eps[2] / base, rss, "-"
    met = 1
    for (r = 1; r <= m; r++) {
      split(rows[r], f, " "); e = f[2] / f[3]
      printf "%-44s %10d %8.2f %12d %8s\n", "processor topology, exactly_once, commit " f[1], e, e / base, f[4], (f[6] == 0 ? "yes" : "NO (" f[6] " resets)")
      if (r == 1) first = e / base
    }
    printf "\nevents: %d; ratios are against the mean baseline (%d events/s)\n", f[2], base
    printf "goal: ratio >= 0.70 at the first commit interval -> %s\n", (first >= 0.7 ? "met" : "NOT met")
  }'
