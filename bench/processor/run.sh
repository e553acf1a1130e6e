#!/usr/bin/env bash
# Full-topology benchmark (on demand, never in CI): about 1M events (trips + messages, with dirt) through
# `processor run --until-end` under exactly_once, against a raw Confluent.Kafka consume→produce loop over the same
# input topics in the same run. Reports events/s (both timed from their first record), the ratio (goal ≥ 0.7), peak
# RSS, and whether the run was valid on the mock (see the end of this file).
#   bench/processor/run.sh [trips] [messages]      (default 800000 200000)
# Knobs (environment): STREAMING__RUNTIME__COMMITINTERVAL (default 100ms under exactly_once), BENCH_THREADS (1),
# BENCH_PARTITIONS (32, inputs and internal topics), BENCH_GUARANTEE (exactly_once), BENCH_MOCK_ISOLATION (false:
# run as on real Kafka; true: with the dev stack's Runtime:BrokerLacksTransactionalIsolation workaround).
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
# partition count too (auto-creation would give them 4).
APP=bench-processor
PARTITIONS=${BENCH_PARTITIONS:-32}
{
  printf 'bench.trips %s\nbench.messages %s\n' "$PARTITIONS" "$PARTITIONS"
  for internal in trips-by-city-repartition trip-dedup-changelog message-dedup-changelog city-hourly-windows-changelog \
    strike-ledger-changelog checkpoints; do
    printf '%s-%s %s\n' "$APP" "$internal" "$PARTITIONS"
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

baseline=$(dotnet "$WORK/runtime/Streaming.Bench.Runtime.dll" --bootstrap "$BOOTSTRAP" --scenario baseline \
  --topic bench.trips,bench.messages --records "$EVENTS" | grep '^RESULT')
echo "$baseline"

start=$(date +%s.%N)
/usr/bin/time -f 'peak_rss_kb=%M user_s=%U sys_s=%S' -o "$WORK/processor.time" \
  dotnet "$WORK/Streaming.Processor/processor.dll" run --until-end --guarantee "${BENCH_GUARANTEE:-exactly_once}" --topic-prefix bench. \
  --app-id "$APP" --threads "${BENCH_THREADS:-1}" > "$WORK/processor.out" 2> "$WORK/processor.log"
end=$(date +%s.%N)
processor_rss_mb=$(( $(sed -n 's/peak_rss_kb=\([0-9]*\).*/\1/p' "$WORK/processor.time") / 1024 ))

# Both sides are timed from their first record to their end (the baseline's final flush, the processor's final
# commit), so group join and start-up are excluded on both; the processor's wall time is printed too.
processing=$(sed -n 's/^Throughput: \([0-9]*\) input records in \([0-9.]*\) s.*/\1 \2/p' "$WORK/processor.out")
[ -n "$processing" ] || { echo "bench: the processor printed no throughput line; see $WORK/processor.log" >&2; exit 1; }
echo "$baseline" | awk -v processing="$processing" -v start="$start" -v end="$end" -v rss="$processor_rss_mb" '
  { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
  END {
    split(processing, p, " "); eps = p[1] / p[2]
    printf "\n%-34s %10s %8s %12s\n", "scenario", "events/s", "ratio", "peak RSS MB"
    printf "%-34s %10d %8.2f %12d\n", "raw consume->produce (baseline)", v["eps"], 1.0, v["peak_rss_mb"]
    printf "%-34s %10d %8.2f %12d\n", "processor topology, exactly_once", eps, eps / v["eps"], rss
    printf "\nprocessor: %d events in %.2f s from the first record; %.1f s wall from process start to exit\n", p[1], p[2], end - start
    printf "goal: ratio >= 0.70 -> %s\n", (eps / v["eps"] >= 0.7 ? "met" : "NOT met")
  }'
# The mock trims each partition to ~5 MB and serves one message set per partition per fetch, so a skewed repartition
# partition (London) can be trimmed before it is read; librdkafka then resets the offset and the run is not valid.
resets=$(grep -c 'offset reset' "$WORK/processor.log" || true)
if [ "$resets" -gt 0 ]; then
  echo "run INVALID: $resets offset resets in $WORK/processor.log (records trimmed by the mock before they were read)"
else
  echo "run valid: no offset resets; every input record was read"
fi
