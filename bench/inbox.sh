#!/usr/bin/env bash
# Switchboard inbox view benchmark: how long the agent waits, in a real browser (Debian's headless
# Chromium), until the newest message of a conversation of 1,000 messages is on screen, against a
# conversation of 10 messages measured in the same run (the baseline); and the agent API's newest
# page for both.
#
# One run: take the shared IT lock, start Request Tracker (its database reset) with the Switchboard
# extension pointed at this bridge, start switchboard.war on Payara Micro (fresh H2 database), open
# the two conversations through signed WhatsApp webhooks (a real RT ticket each), stop RT (so that
# the CRM copies of the other 1,008 messages wait in the outbox instead of loading the machine),
# post the remaining messages, sign an agent on with an RT-style token, measure
# (bench/inbox-bench.py), stop everything by PID and reset RT's database. Writes
# bench/results/inbox-<YYYY-MM-DD>.json. See docs/performance.md. Load goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=inbox.sh
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

MESSAGES=1000
BASELINE=10
ROUNDS=10
API_ROUNDS=30
PORT=18581
DRIVER_PORT=18590
HEAP=768m
LOCK=/tmp/switchboard-it.lock
OUT=

usage() {
  cat <<USAGE
usage: bench/inbox.sh [options]
  --messages N        messages in the large conversation (default $MESSAGES; 100..5000)
  --baseline N        messages in the baseline conversation (default $BASELINE; 1..100)
  --rounds N          browser openings of each conversation (default $ROUNDS; 1..50)
  --api-rounds N      newest-page API calls per conversation (default $API_ROUNDS; 1..500)
  --port N            HTTP port of the bridge (default $PORT)
  --out FILE          result file (default bench/results/inbox-<date>.json)
  --no-lock           do not take $LOCK (only when nothing else uses RT or the ports)
USAGE
}

while (($#)); do
  case "$1" in
    --messages) MESSAGES=${2:?}; shift 2 ;;
    --baseline) BASELINE=${2:?}; shift 2 ;;
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --api-rounds) API_ROUNDS=${2:?}; shift 2 ;;
    --port) PORT=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    --no-lock) LOCK=; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $1" ;;
  esac
done
in_range "$MESSAGES" 100 5000 || die "--messages must be 100..5000"
in_range "$BASELINE" 1 100 || die "--baseline must be 1..100"
in_range "$ROUNDS" 1 50 || die "--rounds must be 1..50"
in_range "$API_ROUNDS" 1 500 || die "--api-rounds must be 1..500"
in_range "$PORT" 1024 65535 || die "--port must be 1024..65535"
need_tools java python3 curl openssl /usr/bin/chromium /usr/bin/chromedriver
[[ $(id -u) == 0 ]] || die "needs root (it starts and resets Request Tracker with tools/request-tracker/setup-rt.sh)"

DATE=$(date -u +%Y-%m-%d)
OUT=${OUT:-$ROOT/bench/results/inbox-$DATE.json}
RUN=$ROOT/bench/target/inbox-run
ADMIN_TOKEN=$(openssl rand -hex 20)
APP_SECRET=$(openssl rand -hex 20)
RT_WEBHOOK_SECRET=$(openssl rand -hex 20)
VIEW_SECRET=$(openssl rand -hex 24)
CRM=rt-bench
BRIDGE_URL=http://127.0.0.1:$PORT/switchboard
SETUP_RT=$ROOT/tools/request-tracker/setup-rt.sh

rm -rf "$RUN"
copy_archives "$RUN"
echo "Inbox view benchmark: newest of $MESSAGES messages vs of $BASELINE, $ROUNDS browser openings and" \
  "$API_ROUNDS API pages each, port $PORT (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

take_lock "$LOCK"
reset_rt() { bash "$SETUP_RT" stop >/dev/null 2>&1 || true; bash "$SETUP_RT" reset >/dev/null 2>&1 || true; }
# RT's database is reset whatever happens; the run's exit status survives it
cleanup_all() {
  local status=$?
  set +e # (exit "$status") below would end the script here under set -e, before bench_cleanup
  echo "  stopping the bridge and resetting RT's database"
  reset_rt
  (exit "$status")
  bench_cleanup
}
trap cleanup_all EXIT

echo "[1] Request Tracker with the Switchboard extension"
bash "$SETUP_RT" stop >/dev/null
bash "$SETUP_RT" reset >/dev/null
RT_WEBHOOK_URL="$BRIDGE_URL/api/crm/$CRM/webhook" RT_WEBHOOK_SECRET="$RT_WEBHOOK_SECRET" \
  RT_SWITCHBOARD_URL="$BRIDGE_URL" RT_SWITCHBOARD_VIEW_SECRET="$VIEW_SECRET" RT_SWITCHBOARD_CONNECTION="$CRM" \
  bash "$SETUP_RT" start >/dev/null
RT_TOKEN=$(bash "$SETUP_RT" token)

echo "[2] the bridge"
start_bridge "$RUN/bridge" "$PORT" "$HEAP" SWITCHBOARD_SECRETS_KEY="$(openssl rand -base64 32)" \
  SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN"
MICRO_PID=$BRIDGE_PID

echo "[3] measuring"
GIT_COMMIT=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || true)
GIT_CLEAN=$([[ -z $(git -C "$ROOT" status --porcelain -- plugin-core connectors ear 2>/dev/null) ]] && echo 1 || echo 0)
ROOT="$ROOT" PORT="$PORT" DRIVER_PORT="$DRIVER_PORT" ADMIN_TOKEN="$ADMIN_TOKEN" APP_SECRET="$APP_SECRET" \
  RT_TOKEN="$RT_TOKEN" RT_WEBHOOK_SECRET="$RT_WEBHOOK_SECRET" VIEW_SECRET="$VIEW_SECRET" CRM="$CRM" \
  SETUP_RT="$SETUP_RT" MESSAGES="$MESSAGES" BASELINE="$BASELINE" ROUNDS="$ROUNDS" API_ROUNDS="$API_ROUNDS" \
  HEAP="$HEAP" DATE="$DATE" MICRO_PID="$MICRO_PID" OUT="$OUT" RUN="$RUN" \
  GIT_COMMIT="$GIT_COMMIT" GIT_CLEAN="$GIT_CLEAN" WAR_SHA256="$(sha256sum "$RUN/switchboard.war" | cut -d' ' -f1)" \
  PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/bench/inbox-bench.py"
[[ -n "$LOCK" ]] && echo "  the lock was held $((SECONDS - LOCKED_AT)) s"
echo "  logs: $RUN/bridge/server.log, $RUN/chromedriver.log"
