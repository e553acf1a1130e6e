#!/usr/bin/env bash
# PostgreSQL sink benchmark (on demand, not in CI): the sink's rows/s versus `psql \copy` (CSV) of the same rows into
# the same table shape, in the same run. Needs the dev stack (scripts/dev.sh up) and psql on PATH.
# Usage: bench/postgres/run.sh [--rows N] [--batch-size N] [--runs K]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
if [ -f .dev/env ]; then
  # shellcheck disable=SC1091
  . .dev/env
fi
dotnet build -c Release -v q -nologo bench/postgres/Streaming.Bench.Postgres/Streaming.Bench.Postgres.csproj >/dev/null
exec dotnet bench/postgres/Streaming.Bench.Postgres/bin/Release/net10.0/Streaming.Bench.Postgres.dll "$@"
