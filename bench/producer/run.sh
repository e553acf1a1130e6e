#!/usr/bin/env bash
# Producer benchmark (on demand, not in CI), in one run against the dev Kafka:
#   1. our producer's send path (Avro serde, keys, delivery reports, flush) vs a raw Confluent.Kafka producer sending
#      the same keys and pre-encoded value bytes with the same client settings: events/s and the ratio (goal >= 0.8);
#   2. our Avro encode rate vs npm avsc on the same TripEvent records (and a check that both wrote identical bytes).
# Usage: bench/producer/run.sh [--trips N] [--messages M] [--runs K] [--avro-records N] [--avro-runs K]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck disable=SC1091
[ -f .dev/env ] && . .dev/env
[ -n "${KAFKA_BOOTSTRAP:-}" ] || { echo "bench: KAFKA_BOOTSTRAP not set; run scripts/dev.sh up" >&2; exit 1; }
dotnet build -c Release -v q -nologo bench/producer/Streaming.Bench.Producer/Streaming.Bench.Producer.csproj >/dev/null
exec dotnet bench/producer/Streaming.Bench.Producer/bin/Release/net10.0/Streaming.Bench.Producer.dll --repo "$repo" "$@"
