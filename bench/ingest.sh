#!/usr/bin/env bash
# Switchboard ingest benchmark: the webhook path of switchboard.war against a bare JAX-RS + JPA
# baseline (bench/baseline) on the same Payara Micro, database kind, concurrency and duration.
#
# One run: start the baseline, measure it, stop it; start the bridge (processing disabled: ingest
# only), create a channel, measure it, stop it; optionally the bridge again with processing on.
# Writes bench/results/ingest-<YYYY-MM-DD>[-postgres].json and prints a summary.
# See docs/performance.md. Every process this script starts is ended by PID (also on Ctrl-C).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=h2
CONCURRENCY=16
WARMUP=120
WARMUP_MIN=
DURATION=30
PORT=18181
HEAP=512m
PROCESSING_RUN=0
PROFILE=0
MAX_REQUESTS=
JVM_OPTS=()
OUT=
TARGET=0.8
PG_HOST=127.0.0.1
PG_PORT=5432
PG_DB=switchboard_bench

usage() {
  cat <<EOF
usage: bench/ingest.sh [options]
  --db h2|postgres        database kind for both sides (default h2: a fresh file database per side;
                          postgres: database $PG_DB on $PG_HOST:$PG_PORT, dropped and recreated per side)
  --concurrency N         concurrent connections, one request in flight each (default $CONCURRENCY)
  --warmup S              warm-up per side, discarded (default $WARMUP, the same for both sides):
                          on 2 cores C2 needs minutes to compile Payara, shorter warm-ups measure
                          the JIT and favour whichever side happened to warm faster
  --warmup-min S          if lower than --warmup, end the warm-up early once throughput is flat
                          (last four 5 s windows within 5 %); default: equal to --warmup (fixed)
  --duration S            measured seconds per side (default $DURATION)
  --with-processing       add a third measurement: the bridge with processing enabled
  --profile               record JFR during each measured phase and print the top frames
                          (adds some overhead: use for diagnosis, not for the official numbers)
  --port N                HTTP port of the server under test (default $PORT)
  --heap SIZE             -Xmx of each Payara Micro (default $HEAP)
  --jvm-opt OPT           extra JVM option for both servers (repeatable), e.g. to test a setting:
                          --jvm-opt -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
  --max-requests N        unique bodies the load generator prepares (default 3000 x (warm-up + duration))
  --out FILE              result file (default bench/results/ingest-<date>[-postgres].json)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --db) DB=${2:?}; shift 2 ;;
    --concurrency) CONCURRENCY=${2:?}; shift 2 ;;
    --warmup) WARMUP=${2:?}; shift 2 ;;
    --warmup-min) WARMUP_MIN=${2:?}; shift 2 ;;
    --duration) DURATION=${2:?}; shift 2 ;;
    --with-processing) PROCESSING_RUN=1; shift ;;
    --profile) PROFILE=1; shift ;;
    --port) PORT=${2:?}; shift 2 ;;
    --heap) HEAP=${2:?}; shift 2 ;;
    --jvm-opt) JVM_OPTS+=("${2:?}"); shift 2 ;;
    --max-requests) MAX_REQUESTS=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "ingest.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "ingest.sh: $*" >&2; exit 1; }
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
[[ "$DB" == h2 || "$DB" == postgres ]] || die "--db must be h2 or postgres, got '$DB'"
is_int "$CONCURRENCY" && ((CONCURRENCY >= 1 && CONCURRENCY <= 256)) || die "--concurrency must be 1..256"
is_int "$WARMUP" && ((WARMUP <= 300)) || die "--warmup must be 0..300 seconds"
WARMUP_MIN=${WARMUP_MIN:-$WARMUP}
is_int "$WARMUP_MIN" || die "--warmup-min must be a number"
((WARMUP_MIN > WARMUP)) && WARMUP_MIN=$WARMUP
is_int "$DURATION" && ((DURATION >= 1 && DURATION <= 300)) || die "--duration must be 1..300 seconds"
is_int "$PORT" || die "--port must be a number"
[[ -z "$MAX_REQUESTS" ]] && MAX_REQUESTS=$(( (WARMUP + DURATION) * 2500 ))
((MAX_REQUESTS > 1000000)) && MAX_REQUESTS=1000000
for tool in java curl openssl python3; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
[[ "$DB" == postgres ]] && { command -v psql >/dev/null || die "--db postgres needs psql"; }

DATE=$(date -u +%F)
SUFFIX=$([[ "$DB" == postgres ]] && echo "-postgres" || true)
OUT=${OUT:-$ROOT/bench/results/ingest-$DATE$SUFFIX.json}
RUN=$ROOT/bench/target/ingest-run
BASE_URL=http://127.0.0.1:$PORT
APP_SECRET=bench-secret
ADMIN_TOKEN=bench-admin-token
CHANNEL=wa-bench

# --- processes we start, ended by PID whatever happens -------------------------------------------
PIDS=()
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "ingest.sh: PID $pid did not stop in 30 s, killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  exit "$status"
}
trap cleanup EXIT
trap 'echo "ingest.sh: interrupted" >&2; exit 130' INT TERM

# --- build what is missing --------------------------------------------------------------------------
BASELINE_WAR=$ROOT/bench/baseline/target/baseline.war
BRIDGE_WAR=$ROOT/ear/target/switchboard.war
MICRO_JAR=$ROOT/ear/target/payara-micro.jar
if [[ ! -f "$BASELINE_WAR" ]]; then
  echo "Building bench/baseline ..."
  (cd "$ROOT" && mvn -q -pl bench/baseline package -DskipTests)
fi
if [[ ! -f "$BRIDGE_WAR" || ! -f "$MICRO_JAR" ]]; then
  echo "Building switchboard.war and payara-micro.jar (mvn -pl ear -am install -DskipTests) ..."
  (cd "$ROOT" && mvn -q -pl ear -am install -DskipTests)
fi

# A private copy of each archive, so a rebuild during the run cannot change what is measured.
rm -rf "$RUN"
mkdir -p "$RUN" "$(dirname "$OUT")"
cp "$BASELINE_WAR" "$RUN/baseline.war"
cp "$BRIDGE_WAR" "$RUN/switchboard.war"
cp "$MICRO_JAR" "$RUN/payara-micro.jar"
TEMPLATE=$ROOT/bench/loadgen/inbound-text-message.template.json

if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
  die "something already answers on port $PORT: stop it or pick another with --port"
fi

JFR_OPTS=()
((PROFILE)) && JFR_OPTS=(-XX:StartFlightRecording=name=bench,settings=profile,maxage=15m)

# --- helpers ---------------------------------------------------------------------------------------
fresh_postgres() {
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "drop database if exists $PG_DB with (force)" -c "create database $PG_DB" >/dev/null
}

# start_micro NAME WAR [ENV=VALUE ...]: starts Payara Micro in the background, sets MICRO_PID.
start_micro() {
  local name=$1 war=$2; shift 2
  mkdir -p "$RUN/$name"
  (
    cd "$RUN/$name"
    exec env "$@" java -Xmx"$HEAP" "${JFR_OPTS[@]}" "${JVM_OPTS[@]}" -jar "$RUN/payara-micro.jar" --deploy "$war" \
      --port "$PORT" --nocluster --rootDir "$RUN/$name/micro-root"
  ) >"$RUN/$name/server.log" 2>&1 &
  MICRO_PID=$!
  PIDS+=("$MICRO_PID")
}

# wait_ready NAME URL: waits (up to 240 s) until URL answers 200 while the server is alive.
wait_ready() {
  local name=$1 url=$2 started=$SECONDS
  while ((SECONDS - started < 240)); do
    if ! kill -0 "$MICRO_PID" 2>/dev/null; then
      tail -40 "$RUN/$name/server.log" >&2
      die "$name exited during start-up (log: $RUN/$name/server.log)"
    fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url") == 200 ]]; then
      echo "  $name ready after $((SECONDS - started)) s"
      return 0
    fi
    sleep 1
  done
  tail -40 "$RUN/$name/server.log" >&2
  die "$name not ready after 240 s (log: $RUN/$name/server.log)"
}

# measure NAME URL [loadgen options]: warm-up + measured phase; result in $RUN/NAME/loadgen.json.
measure() {
  local name=$1 url=$2; shift 2
  local started="$RUN/$name/measure-started"
  # Prepared bodies stay in memory (~1 GiB per 250,000): size the heap to them.
  java -Xmx$((MAX_REQUESTS / 250000 + 1))g "$ROOT/bench/loadgen/LoadGen.java" --url "$url" --template "$TEMPLATE" \
    --concurrency "$CONCURRENCY" --warmup-seconds "$WARMUP" --warmup-min-seconds "$WARMUP_MIN" \
    --duration-seconds "$DURATION" --max-requests "$MAX_REQUESTS" --server-pid "$MICRO_PID" \
    --measure-start-file "$started" --out "$RUN/$name/loadgen.json" "$@" >/dev/null \
    2> >(sed 's/^/  /' >&2)
  if ((PROFILE)) && [[ -f "$started" ]]; then
    # The server records from its start (--profile); the summary keeps the measured phase only.
    local since_ms since
    since_ms=$(cat "$started")
    since=$(date -u -d "@$((since_ms / 1000))" +%T).$(printf '%03d' $((since_ms % 1000)))
    jcmd "$MICRO_PID" JFR.dump name=bench filename="$RUN/$name/server.jfr" >/dev/null
    python3 "$ROOT/bench/jfr-top-frames.py" "$RUN/$name/server.jfr" 25 "$since" >"$RUN/$name/profile.txt" \
      && sed 's/^/  /' "$RUN/$name/profile.txt" | head -60
  fi
}

stop_micro() {
  stop_pid "$MICRO_PID"
  local kept=() pid
  for pid in "${PIDS[@]}"; do [[ "$pid" != "$MICRO_PID" ]] && kept+=("$pid"); done
  PIDS=("${kept[@]}")
}

# count_rows NAME H2_PATH H2_USER SQL: runs SQL on the side's database after its server stopped
# (an H2 file database is locked while its server runs) into $RUN/NAME/rows.txt.
H2_JAR=$(ls "$HOME"/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar 2>/dev/null || true)
count_rows() {
  local name=$1 h2_path=$2 h2_user=$3 sql=$4
  if [[ "$DB" == postgres ]]; then
    psql -q -A -F ' ' -t -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$PG_DB" -c "$sql" \
      >"$RUN/$name/rows.txt" 2>&1 || true
  elif [[ -n "$H2_JAR" ]]; then
    java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$h2_path;MODE=PostgreSQL" \
      -user "$h2_user" -password "$h2_user" -sql "$sql" >"$RUN/$name/rows.txt" 2>&1 || true
  fi
}

# --- the run ---------------------------------------------------------------------------------------
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%FT%TZ)
echo "Ingest benchmark: db=$DB concurrency=$CONCURRENCY warm-up=${WARMUP_MIN}-${WARMUP}s measured=${DURATION}s" \
  "port=$PORT heap=$HEAP (load average now: $LOAD_START)"

echo "[1] baseline: bare JAX-RS + JSON-P + one JPA insert"
if [[ "$DB" == postgres ]]; then
  fresh_postgres
  BASELINE_DB=(BASELINE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    BASELINE_DB_CLASS=org.postgresql.ds.PGSimpleDataSource BASELINE_DB_USER=postgres BASELINE_DB_PASSWORD=x)
else
  BASELINE_DB=(BASELINE_DB_URL="jdbc:h2:file:$RUN/baseline/h2/baseline;MODE=PostgreSQL")
fi
start_micro baseline "$RUN/baseline.war" "${BASELINE_DB[@]}"
wait_ready baseline "$BASE_URL/baseline/api/ingest/count"
measure baseline "$BASE_URL/baseline/api/ingest" --expect '"stored":1'
stop_micro
count_rows baseline "$RUN/baseline/h2/baseline" baseline \
  "select 'rows', count(*) from baseline_event"

# bridge NAME PROCESSING: one measurement of switchboard.war's channel webhook.
bridge() {
  local name=$1 processing=$2
  local db_env
  if [[ "$DB" == postgres ]]; then
    fresh_postgres
    db_env=(SWITCHBOARD_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
      SWITCHBOARD_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SWITCHBOARD_DB_USER=postgres SWITCHBOARD_DB_PASSWORD=x)
  else
    db_env=(SWITCHBOARD_DB_URL="jdbc:h2:file:$RUN/$name/h2/switchboard;MODE=PostgreSQL")
  fi
  start_micro "$name" "$RUN/switchboard.war" "${db_env[@]}" \
    SWITCHBOARD_SECRETS_KEY="$(openssl rand -base64 32)" SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" \
    SWITCHBOARD_PROCESSING_ENABLED="$processing"
  wait_ready "$name" "$BASE_URL/health/ready"
  local code
  code=$(curl -s -o "$RUN/$name/channel.json" -w '%{http_code}' --max-time 30 -X PUT \
    "$BASE_URL/switchboard/api/admin/channels/$CHANNEL" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"plugin\":\"whatsapp-cloud\",\"config\":{\"phoneNumberId\":\"106540352242922\",\"accessToken\":\"x\",\"appSecret\":\"$APP_SECRET\",\"verifyToken\":\"v\"}}")
  [[ "$code" == 200 || "$code" == 201 ]] || die "creating channel $CHANNEL answered $code: $(cat "$RUN/$name/channel.json")"
  measure "$name" "$BASE_URL/switchboard/api/channels/$CHANNEL/webhook" --secret "$APP_SECRET" \
    --expect '"stored":1'
  if [[ "$processing" == true ]]; then
    # What the workers got through while the load ran, sampled as soon as it stopped.
    curl -s --max-time 30 "$BASE_URL/metrics" >"$RUN/$name/metrics.txt" || true
  fi
  stop_micro
  count_rows "$name" "$RUN/$name/h2/switchboard" switchboard \
    "select 'rows', count(*) from inbound_event union all select 'status_' || status, count(*) from inbound_event group by status union all select 'messages', count(*) from message"
}

echo "[2] bridge: switchboard.war channel webhook, processing disabled (ingest only)"
bridge bridge false
if ((PROCESSING_RUN)); then
  echo "[3] bridge with processing enabled (identity + conversation + message rows; no CRM connection)"
  bridge bridge-processing true
fi

# --- result ----------------------------------------------------------------------------------------
RUN_DIR=$RUN DB=$DB CONCURRENCY=$CONCURRENCY WARMUP=$WARMUP WARMUP_MIN=$WARMUP_MIN DURATION=$DURATION HEAP=$HEAP \
  DATE=$DATE STARTED_AT=$STARTED_AT LOAD_START=$LOAD_START TARGET=$TARGET OUT=$OUT ROOT=$ROOT \
  PROCESSING_RUN=$PROCESSING_RUN PROFILE=$PROFILE TEMPLATE=$TEMPLATE JVM_OPTS="${JVM_OPTS[*]}" \
  python3 "$ROOT/bench/ingest-report.py"
