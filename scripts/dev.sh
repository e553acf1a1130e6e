#!/usr/bin/env bash
# Dev stack: librdkafka mock Kafka cluster, the dev Schema Registry, a private PostgreSQL cluster and s3rver.
#   scripts/dev.sh up|down|status
#   scripts/dev.sh topics [FILE]   creates the topics listed in FILE (or stdin), 'name partitions' per line, on the
#                                  running dev Kafka, e.g. `processor describe --internal-topics … | scripts/dev.sh topics`
# Everything lives under .dev/; `down` stops only what `up` started (pid files). When the postgres user cannot reach
# the checkout (a clone under root's mode-700 home), the Postgres cluster lives in /var/tmp/streaming-dev-<hash of the
# checkout path>/ instead, recorded in .dev/pg.home.
# Ports: DEV_PG_PORT (default 55432), DEV_S3_PORT (default 55480), DEV_SCHEMA_REGISTRY_PORT (default 55481).
# Kafka brokers take free ports. The registry keeps its schemas in .dev/schema-registry/registry.json.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEV="$ROOT/.dev"
PG_PORT=${DEV_PG_PORT:-55432}
S3_PORT=${DEV_S3_PORT:-55480}
REGISTRY_PORT=${DEV_SCHEMA_REGISTRY_PORT:-55481}
S3_BUCKET=${DEV_S3_BUCKET:-streaming}
PG_DB=streaming
KAFKA_BROKERS=${DEV_KAFKA_BROKERS:-3}
WAIT_SECONDS=60

say() { printf 'dev: %s\n' "$*"; }
fail() { printf 'dev: error: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# The Postgres cluster's home: .dev itself when the postgres user can reach it, else a folder outside the checkout that
# is tied to its path. Chosen once, at the first `up`, and kept in .dev/pg.home so later calls find the same cluster.
pg_home() {
  if [ -s "$DEV/pg.home" ]; then cat "$DEV/pg.home"; return 0; fi
  local home="$DEV"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DEV" 2>/dev/null; then
    home="/var/tmp/streaming-dev-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    mkdir -p "$home" && chmod 755 "$home"
  fi
  echo "$home" >"$DEV/pg.home"
  echo "$home"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Run as the postgres user when we are root: initdb and postgres refuse to run as root.
# From /, since the checkout may be a folder the postgres user cannot enter.
as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

kafka_up() {
  if alive "$DEV/kafka.pid"; then say "kafka already running ($(cat "$DEV/kafka.bootstrap"))"; return 0; fi
  say "building dev kafka host"
  dotnet build -c Release -v quiet -nologo "$ROOT/dev/Streaming.DevKafka" -o "$DEV/devkafka" >"$DEV/devkafka-build.log" 2>&1 \
    || fail "building dev/Streaming.DevKafka failed; see $DEV/devkafka-build.log"
  rm -f "$DEV/kafka.bootstrap"
  nohup "$DEV/devkafka/devkafka" --brokers "$KAFKA_BROKERS" --topics "$ROOT/dev/topics.txt" --topic-requests "$DEV/kafka-topics" \
    --bootstrap-file "$DEV/kafka.bootstrap" >"$DEV/kafka.log" 2>&1 &
  echo $! >"$DEV/kafka.pid"
  STARTED+=(kafka)
  local i
  for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
    [ -s "$DEV/kafka.bootstrap" ] && { say "kafka up at $(cat "$DEV/kafka.bootstrap")"; return 0; }
    alive "$DEV/kafka.pid" || fail "dev kafka exited at start: $(tail -n 3 "$DEV/kafka.log")"
    sleep 0.1
  done
  fail "dev kafka did not report its bootstrap list within ${WAIT_SECONDS}s; see $DEV/kafka.log"
}

# Waits until NAME (pid file PART.pid, log PART.log) listens on PORT; fails with its log's tail if it exits first.
wait_for_port() {
  local part=$1 name=$2 port=$3 ready=$4 i
  for ((i = 0; i < WAIT_SECONDS * 10; i++)); do
    port_taken "$port" && { say "$ready"; return 0; }
    alive "$DEV/$part.pid" || fail "$name exited at start: $(tail -n 3 "$DEV/$part.log")"
    sleep 0.1
  done
  fail "$name did not listen on $port within ${WAIT_SECONDS}s; see $DEV/$part.log"
}

# Stops the process of PART.pid (TERM, then KILL after 5 s) and says NAME stopped.
stop_part() {
  local part=$1 name=$2
  if alive "$DEV/$part.pid"; then
    local pid; pid=$(cat "$DEV/$part.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    say "$name stopped"
  fi
  rm -f "$DEV/$part.pid"
}

registry_up() {
  if alive "$DEV/registry.pid"; then say "schema registry already running on port $REGISTRY_PORT"; return 0; fi
  port_taken "$REGISTRY_PORT" && fail "port $REGISTRY_PORT is taken by another process; free it or set DEV_SCHEMA_REGISTRY_PORT."
  say "building dev schema registry"
  dotnet build -c Release -v quiet -nologo "$ROOT/dev/Streaming.DevSchemaRegistry" -o "$DEV/devschemaregistry" >"$DEV/devschemaregistry-build.log" 2>&1 \
    || fail "building dev/Streaming.DevSchemaRegistry failed; see $DEV/devschemaregistry-build.log"
  nohup "$DEV/devschemaregistry/devschemaregistry" --port "$REGISTRY_PORT" --data-dir "$DEV/schema-registry" \
    >"$DEV/registry.log" 2>&1 &
  echo $! >"$DEV/registry.pid"
  STARTED+=(registry)
  wait_for_port registry "dev schema registry" "$REGISTRY_PORT" "schema registry up at http://127.0.0.1:$REGISTRY_PORT"
}

pg_up() {
  local bin; bin=$(pg_bin) || fail "PostgreSQL server binaries not found; install Debian's postgresql (apt-get install postgresql)."
  if alive "$DEV/pg.pid"; then say "postgres already running on port $PG_PORT"; return 0; fi
  port_taken "$PG_PORT" && fail "port $PG_PORT is taken by another process; free it or set DEV_PG_PORT."
  local home; home=$(pg_home)
  [ "$home" = "$DEV" ] || say "postgres data in $home (the postgres user cannot reach $DEV)"
  mkdir -p "$home/pg-run"
  if [ ! -s "$home/pg/PG_VERSION" ]; then
    say "initialising private postgres cluster in $home/pg"
    mkdir -p "$home/pg"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$home/pg"
    as_pg "$bin/initdb" -D "$home/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DEV/pg-init.log" 2>&1 \
      || fail "initdb failed; see $DEV/pg-init.log"
  fi
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$home/pg-run"
  as_pg "$bin/pg_ctl" -D "$home/pg" -l "$home/pg-run/postgres.log" -w -t "$WAIT_SECONDS" \
    -o "-p $PG_PORT -k $home/pg-run -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >/dev/null \
    || fail "postgres could not start on port $PG_PORT: $(tail -n 3 "$home/pg-run/postgres.log")"
  head -n 1 "$home/pg/postmaster.pid" >"$DEV/pg.pid"
  STARTED+=(pg)
  as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" postgres | grep -q 1 \
    || as_pg "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
  say "postgres up on 127.0.0.1:$PG_PORT (database $PG_DB)"
}

s3_up() {
  if alive "$DEV/s3.pid"; then say "s3rver already running on port $S3_PORT"; return 0; fi
  [ -x "$ROOT/node_modules/.bin/s3rver" ] || fail "s3rver is not installed; run 'npm ci' in $ROOT."
  port_taken "$S3_PORT" && fail "port $S3_PORT is taken by another process; free it or set DEV_S3_PORT."
  mkdir -p "$DEV/s3"
  nohup node "$ROOT/node_modules/.bin/s3rver" -d "$DEV/s3" -a 127.0.0.1 -p "$S3_PORT" --silent \
    --configure-bucket "$S3_BUCKET" >"$DEV/s3.log" 2>&1 &
  echo $! >"$DEV/s3.pid"
  STARTED+=(s3)
  wait_for_port s3 s3rver "$S3_PORT" "s3rver up on 127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"
}

write_env() {
  cat >"$DEV/env" <<ENV
export KAFKA_BOOTSTRAP='$(cat "$DEV/kafka.bootstrap")'
export SCHEMA_REGISTRY_URL='http://127.0.0.1:$REGISTRY_PORT'
export PG_CONNECTION='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB'
export S3_ENDPOINT='http://127.0.0.1:$S3_PORT'
export S3_BUCKET='$S3_BUCKET'
export AWS_ACCESS_KEY_ID='S3RVER'
export AWS_SECRET_ACCESS_KEY='S3RVER'
export AWS_REGION='us-east-1'
# Where the dev Kafka takes topic requests (the mock cannot answer CreateTopics): scripts/dev.sh topics.
export DEV_KAFKA_TOPIC_REQUESTS='$DEV/kafka-topics'
ENV
  say "wrote .dev/env"
}

stop_kafka() {
  if alive "$DEV/kafka.pid"; then
    local pid; pid=$(cat "$DEV/kafka.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    say "kafka stopped"
  fi
  rm -f "$DEV/kafka.pid" "$DEV/kafka.bootstrap"
}

stop_registry() { stop_part registry "schema registry"; }

stop_pg() {
  local bin
  if alive "$DEV/pg.pid" && bin=$(pg_bin); then
    as_pg "$bin/pg_ctl" -D "$(pg_home)/pg" -m fast -w -t 30 stop >/dev/null 2>&1 || kill -KILL "$(cat "$DEV/pg.pid")" 2>/dev/null || true
    say "postgres stopped"
  fi
  rm -f "$DEV/pg.pid"
}

stop_s3() { stop_part s3 s3rver; }

# On a failed `up`, stop only what this call started, so no half-started stack is left.
rollback() {
  local status=$?
  [ $status -eq 0 ] && return 0
  local part
  for part in "${STARTED[@]}"; do
    case $part in kafka) stop_kafka ;; registry) stop_registry ;; pg) stop_pg ;; s3) stop_s3 ;; esac
  done
  rm -f "$DEV/env"
  exit $status
}

status() {
  local name pidfile
  for name in kafka registry pg s3; do
    pidfile="$DEV/$name.pid"
    if alive "$pidfile"; then say "$name: running (pid $(cat "$pidfile"))"; else say "$name: stopped"; fi
  done
  [ -f "$DEV/env" ] && cat "$DEV/env"
  return 0
}

# Drops a request into the dev Kafka's topic-request folder and waits for its answer.
create_topics() {
  alive "$DEV/kafka.pid" || fail "dev kafka is not running; run scripts/dev.sh up first."
  local request="$DEV/kafka-topics/$$-$RANDOM"
  mkdir -p "$DEV/kafka-topics"
  cat "${1:-/dev/stdin}" >"$request.tmp" || fail "cannot read ${1:-stdin}."
  mv "$request.tmp" "$request.topics"
  for _ in $(seq 600); do
    if [ -f "$request.done" ]; then
      local answer; answer=$(cat "$request.done"); rm -f "$request.done"
      [ "$answer" = ok ] || fail "$answer"
      say "topics created (or already there)"
      return 0
    fi
    sleep 0.1
  done
  fail "dev kafka did not answer the topic request within 60 s; see $DEV/kafka.log"
}

case "${1:-}" in
  topics)
    case "${2:-}" in
      -h|--help) echo "usage: scripts/dev.sh topics [FILE]   ('name partitions' per line; stdin when FILE is absent)"; exit 0 ;;
      -*) echo "dev: error: unknown option '$2' for topics; give a file of 'name partitions' lines, or none to read stdin." >&2; exit 2 ;;
    esac
    create_topics "${2:-}" ;;
  -h|--help|help) echo "usage: scripts/dev.sh up|down|status|topics [FILE]"; exit 0 ;;
  up)
    mkdir -p "$DEV"
    STARTED=()
    trap rollback EXIT
    # Check the fixed ports before starting anything, so a clash costs nothing to undo.
    alive "$DEV/pg.pid" || ! port_taken "$PG_PORT" || fail "port $PG_PORT is taken by another process; free it or set DEV_PG_PORT."
    alive "$DEV/s3.pid" || ! port_taken "$S3_PORT" || fail "port $S3_PORT is taken by another process; free it or set DEV_S3_PORT."
    alive "$DEV/registry.pid" || ! port_taken "$REGISTRY_PORT" || fail "port $REGISTRY_PORT is taken by another process; free it or set DEV_SCHEMA_REGISTRY_PORT."
    kafka_up
    registry_up
    pg_up
    s3_up
    write_env
    trap - EXIT
    ;;
  down)
    stop_s3; stop_pg; stop_registry; stop_kafka; rm -f "$DEV/env"
    ;;
  status) status ;;
  *) echo "usage: scripts/dev.sh up|down|status|topics [FILE]" >&2; exit 2 ;;
esac
