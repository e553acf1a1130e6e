#!/usr/bin/env bash
# Parquet benchmark (on demand, not in CI): the S3 sink's Parquet.Net writer on 1M trip rows versus DuckDB COPY (snappy)
# on the same rows in the same run (time and size ratios), the library's levers, and — with the dev stack up — the
# sink end to end (topic → file:// lake) against a consume-only loop. Run it under the shared lock:
#   flock /tmp/bench.lock bench/parquet/run.sh [--rows N] [--runs K] [--e2e-rows N] [--work DIR]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ -f .dev/env ]; then
  # shellcheck disable=SC1091
  . .dev/env
fi
dotnet build -c Release -v q -nologo bench/parquet/Streaming.Bench.Parquet/Streaming.Bench.Parquet.csproj >/dev/null
exec dotnet bench/parquet/Streaming.Bench.Parquet/bin/Release/net10.0/Streaming.Bench.Parquet.dll --repo "$repo" "$@"
