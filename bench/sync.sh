#!/usr/bin/env bash
# Switchboard field sync benchmark: customer profile changes pushed to Request Tracker 5 through the
# bridge, against the same number of updates made straight with RT's REST2 API in the same run, and
# the latency from an edit in RT to the bridge's profile (webhook path and polling path).
#
# One run: start switchboard.war on Payara Micro (fresh database), take the shared IT lock, start RT
# with its webhook scrip posting to this bridge, wire them (CRM connection, WhatsApp channel, field
# mapping), create the customers, measure (bench/sync-bench.py), stop the bridge, release the lock.
# Writes bench/results/sync-<YYYY-MM-DD>[-postgres].json and prints a summary. See docs/performance.md.
# Every process this script starts is ended by PID (also on Ctrl-C); load goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=h2
CHANGES=1000
CUSTOMERS=50
CONCURRENCY=4
WARMUP_CHANGES=200
LATENCY_EDITS=100
POLL_SAMPLES=3
POLL_INTERVAL=5
LATENCY_TIMEOUT=15
PORT=18281
HEAP=512m
OUT=
PROFILE=0
LOCK=/tmp/switchboard-it.lock
TARGET=0.8
PG_HOST=127.0.0.1
PG_PORT=5432
PG_DB=switchboard_sync_bench

usage() {
  cat <<EOF
usage: bench/sync.sh [options]
  --changes N             profile changes per side (default $CHANGES; 1..20000)
  --customers K           customers (WhatsApp senders, each with an RT ticket and requester) the
                          changes are spread over (default $CUSTOMERS; 1..500)
  --concurrency C         requests in flight on both sides (default $CONCURRENCY; 1..64); RT's server
                          has 2 worker processes, so more mostly queues in RT
  --warmup-changes W      unmeasured changes per side before measuring (default $WARMUP_CHANGES)
  --latency-edits M       sequential ticket custom field edits in RT for the webhook latency (default $LATENCY_EDITS)
  --poll-samples P        sequential RealName edits in RT for the polling latency (default $POLL_SAMPLES)
  --poll-interval S       the bridge's switchboard.crm.poll-interval-seconds (default $POLL_INTERVAL)
  --latency-timeout S     how long one edit may take to reach the bridge (default $LATENCY_TIMEOUT s;
                          polling edits get 2 poll intervals more); 3 (webhook) or 2 (polling)
                          timeouts in a row end that measurement
  --db h2|postgres        bridge database (default h2: a fresh file database; postgres: database
                          $PG_DB on $PG_HOST:$PG_PORT, dropped and recreated)
  --port N                HTTP port of the bridge (default $PORT)
  --heap SIZE             -Xmx of Payara Micro (default $HEAP)
  --profile               record JFR in the bridge and print its top frames at the end (diagnosis only)
  --lock FILE             the shared integration-test lock, held from RT's start to the end of the
                          measurements (default $LOCK; "" = no lock)
  --out FILE              result file (default bench/results/sync-<date>[-postgres].json)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --changes) CHANGES=${2:?}; shift 2 ;;
    --customers) CUSTOMERS=${2:?}; shift 2 ;;
    --concurrency) CONCURRENCY=${2:?}; shift 2 ;;
    --warmup-changes) WARMUP_CHANGES=${2:?}; shift 2 ;;
    --latency-edits) LATENCY_EDITS=${2:?}; shift 2 ;;
    --poll-samples) POLL_SAMPLES=${2:?}; shift 2 ;;
    --poll-interval) POLL_INTERVAL=${2:?}; shift 2 ;;
    --latency-timeout) LATENCY_TIMEOUT=${2:?}; shift 2 ;;
    --db) DB=${2:?}; shift 2 ;;
    --port) PORT=${2:?}; shift 2 ;;
    --heap) HEAP=${2:?}; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --lock) LOCK=${2?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "sync.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

die() { echo "sync.sh: $*" >&2; exit 1; }
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
in_range() { is_int "$1" && (($1 >= $2 && $1 <= $3)); }
[[ "$DB" == h2 || "$DB" == postgres ]] || die "--db must be h2 or postgres, got '$DB'"
in_range "$CHANGES" 1 20000 || die "--changes must be 1..20000"
in_range "$CUSTOMERS" 1 500 || die "--customers must be 1..500"
in_range "$CONCURRENCY" 1 64 || die "--concurrency must be 1..64"
in_range "$WARMUP_CHANGES" 0 5000 || die "--warmup-changes must be 0..5000"
in_range "$LATENCY_EDITS" 0 1000 || die "--latency-edits must be 0..1000"
in_range "$POLL_SAMPLES" 0 20 || die "--poll-samples must be 0..20"
in_range "$POLL_INTERVAL" 1 60 || die "--poll-interval must be 1..60 seconds"
in_range "$LATENCY_TIMEOUT" 1 120 || die "--latency-timeout must be 1..120 seconds"
is_int "$PORT" || die "--port must be a number"
for tool in java curl openssl python3 flock; do
  command -v "$tool" >/dev/null || die "needs $tool on the PATH"
done
[[ "$DB" == postgres ]] && { command -v psql >/dev/null || die "--db postgres needs psql"; }

DATE=$(date -u +%F)
SUFFIX=$([[ "$DB" == postgres ]] && echo "-postgres" || true)
OUT=${OUT:-$ROOT/bench/results/sync-$DATE$SUFFIX.json}
RUN=$ROOT/bench/target/sync-run
BASE_URL=http://127.0.0.1:$PORT
SETUP_RT=$ROOT/tools/request-tracker/setup-rt.sh
ADMIN_TOKEN=$(openssl rand -hex 20)
APP_SECRET=bench-sync-app-secret
RT_WEBHOOK_SECRET=$(openssl rand -hex 20)
CRM_ID=rt-bench
CHANNEL_ID=wa-sync-bench

# --- processes we start, ended by PID whatever happens -------------------------------------------
PIDS=()
RT_STARTED_BY_US=0
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "sync.sh: PID $pid did not stop in 30 s, killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
  # RT keeps running if it ran before this script (its next user's setup-rt.sh start points its
  # webhook elsewhere again); if this script started it, setup-rt.sh stops it by its pid file.
  if ((RT_STARTED_BY_US)); then bash "$SETUP_RT" stop 2>/dev/null 9>&- || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "sync.sh: interrupted" >&2; exit 130' INT TERM

# --- build what is missing --------------------------------------------------------------------------
BRIDGE_WAR=$ROOT/ear/target/switchboard.war
MICRO_JAR=$ROOT/ear/target/payara-micro.jar
if [[ ! -f "$BRIDGE_WAR" || ! -f "$MICRO_JAR" ]]; then
  echo "Building switchboard.war and payara-micro.jar (mvn -o -q package -pl ear -am -DskipTests) ..."
  (cd "$ROOT" && mvn -o -q package -pl ear -am -DskipTests)
fi
# A private copy, so a rebuild during the run cannot change what is measured.
rm -rf "$RUN"
mkdir -p "$RUN" "$(dirname "$OUT")"
cp "$BRIDGE_WAR" "$RUN/switchboard.war"
cp "$MICRO_JAR" "$RUN/payara-micro.jar"

if curl -s -o /dev/null --max-time 2 "$BASE_URL/"; then
  die "something already answers on port $PORT: stop it or pick another with --port"
fi

# --- the bridge ------------------------------------------------------------------------------------
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED_AT=$(date -u +%FT%TZ)
echo "Field sync benchmark: db=$DB changes=$CHANGES customers=$CUSTOMERS concurrency=$CONCURRENCY" \
  "warm-up=$WARMUP_CHANGES port=$PORT (load average now: $LOAD_START)"

if [[ "$DB" == postgres ]]; then
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "drop database if exists $PG_DB with (force)" -c "create database $PG_DB" >/dev/null
  DB_ENV=(SWITCHBOARD_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
    SWITCHBOARD_DB_CLASS=org.postgresql.ds.PGSimpleDataSource SWITCHBOARD_DB_USER=postgres SWITCHBOARD_DB_PASSWORD=x)
else
  DB_ENV=(SWITCHBOARD_DB_URL="jdbc:h2:file:$RUN/h2/switchboard;MODE=PostgreSQL")
fi
JFR_OPTS=()
((PROFILE)) && JFR_OPTS=(-XX:StartFlightRecording=name=bench,settings=profile,maxage=30m)

echo "[1] starting switchboard.war on Payara Micro (crm poll interval ${POLL_INTERVAL} s)"
(
  cd "$RUN"
  exec env "${DB_ENV[@]}" SWITCHBOARD_SECRETS_KEY="$(openssl rand -base64 32)" \
    SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" SWITCHBOARD_CRM_POLL_INTERVAL_SECONDS="$POLL_INTERVAL" \
    java -Xmx"$HEAP" "${JFR_OPTS[@]}" -jar "$RUN/payara-micro.jar" --deploy "$RUN/switchboard.war" \
    --port "$PORT" --nocluster --rootDir "$RUN/micro-root"
) >"$RUN/server.log" 2>&1 &
MICRO_PID=$!
PIDS+=("$MICRO_PID")
started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/health/ready") == 200 ]]; do
  if ! kill -0 "$MICRO_PID" 2>/dev/null; then
    tail -40 "$RUN/server.log" >&2
    die "the bridge exited during start-up (log: $RUN/server.log)"
  fi
  ((SECONDS - started < 240)) || { tail -40 "$RUN/server.log" >&2; die "the bridge not ready after 240 s"; }
  sleep 1
done
echo "  bridge ready after $((SECONDS - started)) s"

# --- Request Tracker, under the shared lock -------------------------------------------------------
if [[ -n "$LOCK" ]]; then
  exec 9>>"$LOCK"
  echo "[2] waiting for the shared lock $LOCK (integration tests use the same RT) ..."
  flock -w 1200 9 || die "did not get $LOCK within 20 minutes"
fi
LOCKED_AT=$SECONDS
bash "$SETUP_RT" status >/dev/null 2>&1 9>&- || RT_STARTED_BY_US=1
echo "[2] starting Request Tracker with its webhook scrip posting to this bridge"
# 9>&-: rt-server outlives this script and must not inherit (and so hold) the lock's descriptor.
RT_WEBHOOK_URL="$BASE_URL/switchboard/api/crm/$CRM_ID/webhook" RT_WEBHOOK_SECRET="$RT_WEBHOOK_SECRET" \
  bash "$SETUP_RT" start >/dev/null 2>"$RUN/setup-rt.log" 9>&- || { cat "$RUN/setup-rt.log" >&2; die "setup-rt.sh start failed"; }
RT_TOKEN=$(bash "$SETUP_RT" token 2>>"$RUN/setup-rt.log" 9>&-)
[[ -n "$RT_TOKEN" ]] || die "setup-rt.sh token printed nothing (log: $RUN/setup-rt.log)"

echo "[3] wiring, customers, baseline, bridge, latency"
PROFILE_SINCE=$(date -u +%T)
ROOT=$ROOT RUN_DIR=$RUN PORT=$PORT ADMIN_TOKEN=$ADMIN_TOKEN RT_TOKEN=$RT_TOKEN \
  RT_WEBHOOK_SECRET=$RT_WEBHOOK_SECRET APP_SECRET=$APP_SECRET CRM_ID=$CRM_ID CHANNEL_ID=$CHANNEL_ID \
  CHANGES=$CHANGES CUSTOMERS=$CUSTOMERS CONCURRENCY=$CONCURRENCY WARMUP_CHANGES=$WARMUP_CHANGES \
  LATENCY_EDITS=$LATENCY_EDITS POLL_SAMPLES=$POLL_SAMPLES POLL_INTERVAL=$POLL_INTERVAL \
  LATENCY_TIMEOUT=$LATENCY_TIMEOUT TARGET=$TARGET DB=$DB HEAP=$HEAP DATE=$DATE STARTED_AT=$STARTED_AT \
  LOAD_START="$LOAD_START" MICRO_PID=$MICRO_PID OUT=$OUT \
  python3 "$ROOT/bench/sync-bench.py"
echo "  the lock was held $((SECONDS - LOCKED_AT)) s"

if ((PROFILE)); then
  jcmd "$MICRO_PID" JFR.dump name=bench filename="$RUN/server.jfr" >/dev/null
  python3 "$ROOT/bench/jfr-top-frames.py" "$RUN/server.jfr" 25 "$PROFILE_SINCE" >"$RUN/profile.txt" \
    && sed 's/^/  /' "$RUN/profile.txt" | head -60
fi
echo "  server log: $RUN/server.log"
