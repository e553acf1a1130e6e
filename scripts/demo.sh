#!/usr/bin/env bash
# The demo: on a fresh machine, set up what is missing, start the dev stack, generate one day of dirty data
# (about 100k trips and 20k messages, fixed seed), run the processor and both sinks with --until-end, and
# print the summary: conservation per topic, top cities, top strikers, the Parquet files and a DuckDB query.
# Each run uses its own topic prefix, application ids and lake prefix, so runs never mix.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TRIPS=${DEMO_TRIPS:-100000}
MESSAGES=${DEMO_MESSAGES:-20000}
SEED=${DEMO_SEED:-42}
RUN=${DEMO_RUN:-demo-$(date -u +%Y%m%d%H%M%S)}
BIN="$ROOT/.dev/demo-bin"

step() { printf '\n== %s\n' "$*"; }

step "setup and dev stack"
scripts/setup.sh
scripts/dev.sh up
# shellcheck disable=SC1091
source .dev/env

step "build (Release)"
for project in producer/Streaming.Producer processor/Streaming.Processor sinks/Streaming.Sinks; do
  dotnet build -c Release -nologo -v quiet -clp:ErrorsOnly "$project" -o "$BIN/$(basename "$project")" >/dev/null
done
PG_PORT=$(printf '%s' "$PG_CONNECTION" | sed -n 's/.*Port=\([0-9]*\).*/\1/p')
SCHEMA=$(printf '%s' "$RUN" | tr -c 'a-z0-9\n' '_')
psql_demo() { psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=streaming options=--search_path=$SCHEMA" -v ON_ERROR_STOP=1 -P pager=off "$@"; }
psql_demo -q -c "CREATE SCHEMA IF NOT EXISTS $SCHEMA"
producer() { dotnet "$BIN/Streaming.Producer/producer.dll" "$@"; }
processor() { dotnet "$BIN/Streaming.Processor/processor.dll" "$@"; }
sinks() { dotnet "$BIN/Streaming.Sinks/sinks.dll" "$@"; }

step "producer: $TRIPS trips and $MESSAGES messages over one day, seed $SEED, topics $RUN.*"
producer generate --trips "$TRIPS" --messages "$MESSAGES" --start 2025-09-01 --days 1 --seed "$SEED" --topic-prefix "$RUN."

step "dev Kafka: the run's output and internal topics (the mock broker cannot create topics; real Kafka and Streamiz do)"
processor describe --topics --topic-prefix "$RUN." --app-id "$RUN-processor" | "$ROOT/scripts/dev.sh" topics

step "processor run --until-end (exactly_once, on Streamiz)"
processor run --until-end --topic-prefix "$RUN." --app-id "$RUN-processor" 2>"$ROOT/.dev/$RUN-processor.log"

step "sinks postgres --until-end (schema $SCHEMA)"
sinks postgres --until-end --pg-connection "$PG_CONNECTION;Search Path=$SCHEMA" --group-id "$RUN-postgres" --sink-name "$RUN" \
  --topics "$RUN.trips.city-hourly,$RUN.messages.flagged,$RUN.senders.strike-status" 2>"$ROOT/.dev/$RUN-postgres.log"

step "sinks s3 --until-end (trips.clean and trips.city-hourly to s3://$S3_BUCKET/$RUN/)"
sinks s3 --until-end --topic "$RUN.trips.clean" --table trips --group-id "$RUN-s3-trips" \
  --destination "s3://$S3_BUCKET/$RUN" 2>"$ROOT/.dev/$RUN-s3.log"
# trips.city-hourly holds final windows, emitted per city as each window task's watermark reaches the hour; in a bounded
# replay the tasks run hours apart, so one partition of it sees hours out of order by up to about half a day. A wide
# lateness for this small table (8 rows an hour) keeps one file per hour and partition instead of an on-time and a late one.
sinks s3 --until-end --topic "$RUN.trips.city-hourly" --table city_hourly --group-id "$RUN-s3-hourly" \
  --allowed-lateness 12h --max-open-files 24 --destination "s3://$S3_BUCKET/$RUN" 2>>"$ROOT/.dev/$RUN-s3.log"

step "Parquet files written (s3://$S3_BUCKET/$RUN/)"
node scripts/lib/lake-query.mjs "$S3_ENDPOINT" "$S3_BUCKET" "$RUN/" \
  "WITH f AS (SELECT 'trips' AS tbl, filename, dt, hour, count(*) AS n FROM lake('trips') GROUP BY ALL
     UNION ALL SELECT 'city_hourly', filename, dt, hour, count(*) FROM lake('city_hourly') GROUP BY ALL),
   p AS (SELECT tbl, dt, hour, regexp_extract(filename, '[+]([0-9]+)[+][0-9]+[.]parquet', 1) AS part, count(*) AS files FROM f GROUP BY ALL)
   SELECT tbl, count(*) AS files, sum(n) AS records, count(DISTINCT dt || hour) AS hours,
     (SELECT max(files) FROM p WHERE p.tbl = f.tbl) AS max_files_per_hour_partition FROM f GROUP BY tbl ORDER BY tbl DESC" \
  | node -e 'const rows = JSON.parse(require("fs").readFileSync(0, "utf8")); console.table(rows);'
echo "for example:"
curl -s "$S3_ENDPOINT/$S3_BUCKET?prefix=$RUN/trips/dt=&max-keys=3" | grep -o '<Key>[^<]*</Key>' | sed 's/<[^>]*>//g; s/^/  /'

step "DuckDB over the lake: trips per city and average fare"
node scripts/lib/lake-query.mjs "$S3_ENDPOINT" "$S3_BUCKET" "$RUN/" \
  "SELECT city, count(*) AS trips, round(avg(fare), 2) AS avg_fare, count(DISTINCT dt || hour) AS hours FROM lake('trips') GROUP BY city ORDER BY trips DESC" \
  | node -e 'const rows = JSON.parse(require("fs").readFileSync(0, "utf8")); console.table(rows);'

step "PostgreSQL: top strikers (sender_strike_status)"
psql_demo -c \
  "SELECT sender_id, active_strikes, level, round(salary_multiplier::numeric, 3) AS salary, status FROM sender_strike_status ORDER BY active_strikes DESC, sender_id LIMIT 5"

step "done: run $RUN (logs in .dev/$RUN-*.log)"
