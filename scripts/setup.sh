#!/usr/bin/env bash
# Installs what the project needs on a fresh machine of this kind, and nothing that is already there:
#   apt: postgresql (dev database), docker-compose (validates docker-compose.kafka.yml; no engine is needed)
#   npm: s3rver (dev S3) and the test oracles avsc, DuckDB, hyparquet
#   NuGet: restore of Streaming.sln (Confluent.Kafka brings librdkafka 2.16.0 in librdkafka.redist; no system
#          librdkafka is needed, and one installed is ignored: contracts' LibrdkafkaLoader binds the package's)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null \
    || { echo "setup: apt-get install ${need[*]} failed" >&2; exit 1; }
fi

if [ ! -d node_modules/s3rver ] || [ ! -d node_modules/@duckdb/node-api ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm install (s3rver, avsc, DuckDB, hyparquet)"
  # npm ci rejects this lock file: DuckDB's optional bindings for other platforms are not recorded in it
  # (the registry copy here omits them), so fall back to npm install, which honours the lock.
  npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null \
    || { echo "setup: npm install failed" >&2; exit 1; }
fi

echo "setup: NuGet restore"
dotnet restore Streaming.sln -nologo -v quiet || { echo "setup: dotnet restore failed" >&2; exit 1; }
