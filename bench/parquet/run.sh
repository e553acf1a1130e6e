#!/usr/bin/env bash
# Parquet write benchmark (on demand, not in CI): 1M trip rows with our writer versus DuckDB COPY (snappy).
# Usage: bench/parquet/run.sh [--rows N] [--runs K] [--work DIR]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
dotnet build -c Release -v q -nologo bench/parquet/Streaming.Bench.Parquet/Streaming.Bench.Parquet.csproj >/dev/null
exec dotnet bench/parquet/Streaming.Bench.Parquet/bin/Release/net10.0/Streaming.Bench.Parquet.dll --repo "$repo" "$@"
