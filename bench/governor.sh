#!/usr/bin/env bash
# Switchboard send governor benchmark: template replies to N customers of one WhatsApp number,
# paced by the engine's governor at each configured limit (80 and 1,000 messages/s), against a
# plain paced client sending the same messages straight to the sandbox in the same run.
#
# One run: start switchboard.war on Payara Micro (fresh H2 database), per limit two WhatsApp
# sandboxes (the channel's, whose status webhooks go to the bridge, and the baseline's, whose
# webhooks go to a closed port), take the shared IT lock, measure (bench/governor-bench.py), stop
# everything by PID (also on Ctrl-C). Writes bench/results/governor-<YYYY-MM-DD>.json and prints
# a summary. See docs/performance.md. Load goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=governor.sh
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

RATES="80 1000"
CUSTOMERS=1000
PAIR_REPLIES=5
WARMUP_REPLIES=200
PARALLELISM=4
API_CONCURRENCY=8
PAIR_INTERVAL_MS=6000
PAIR_BURST=2
STATUS_DELAY_MS=700
PORT=18381
SANDBOX_PORT=18390
HEAP=512m
LOCK=/tmp/switchboard-it.lock
OUT=

usage() {
  cat <<EOF
usage: bench/governor.sh [options]
  --rates "R ..."         limits in messages/s, each 1..1000 (default "$RATES"): the channel's
                          messagesPerSecond and the sandboxes' --messages-per-second
  --customers N           customers, one reply each, per limit (default $CUSTOMERS; 10..5000)
  --pair-replies P        replies queued back to back to one more customer (default $PAIR_REPLIES; 1..20)
  --warmup-replies W      replies to W other customers before measuring, per limit (default $WARMUP_REPLIES; 0..5000)
  --parallelism C         switchboard.outbox.parallelism of the bridge, and the baseline's threads
                          (default $PARALLELISM; 1..32)
  --api-concurrency A     template requests in flight to the admin API (default $API_CONCURRENCY; 1..64)
  --status-delay-ms MS    the sandboxes' pause before each status webhook (default $STATUS_DELAY_MS)
  --port N                HTTP port of the bridge (default $PORT)
  --sandbox-port N        first sandbox port; two per limit are used (default $SANDBOX_PORT)
  --heap SIZE             -Xmx of Payara Micro (default $HEAP)
  --lock FILE             shared lock held while measuring (default $LOCK; "" = no lock)
  --out FILE              result file (default bench/results/governor-<date>.json)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rates) RATES=${2:?}; shift 2 ;;
    --customers) CUSTOMERS=${2:?}; shift 2 ;;
    --pair-replies) PAIR_REPLIES=${2:?}; shift 2 ;;
    --warmup-replies) WARMUP_REPLIES=${2:?}; shift 2 ;;
    --parallelism) PARALLELISM=${2:?}; shift 2 ;;
    --api-concurrency) API_CONCURRENCY=${2:?}; shift 2 ;;
    --status-delay-ms) STATUS_DELAY_MS=${2:?}; shift 2 ;;
    --port) PORT=${2:?}; shift 2 ;;
    --sandbox-port) SANDBOX_PORT=${2:?}; shift 2 ;;
    --heap) HEAP=${2:?}; shift 2 ;;
    --lock) LOCK=${2?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "governor.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

read -r -a RATE_LIST <<<"$RATES"
((${#RATE_LIST[@]} >= 1 && ${#RATE_LIST[@]} <= 4)) || die "--rates takes 1 to 4 limits"
for rate in "${RATE_LIST[@]}"; do in_range "$rate" 1 1000 || die "--rates: each limit must be 1..1000, got '$rate'"; done
in_range "$CUSTOMERS" 10 5000 || die "--customers must be 10..5000"
in_range "$PAIR_REPLIES" 1 20 || die "--pair-replies must be 1..20"
in_range "$WARMUP_REPLIES" 0 5000 || die "--warmup-replies must be 0..5000"
in_range "$PARALLELISM" 1 32 || die "--parallelism must be 1..32"
in_range "$API_CONCURRENCY" 1 64 || die "--api-concurrency must be 1..64"
in_range "$STATUS_DELAY_MS" 0 10000 || die "--status-delay-ms must be 0..10000"
in_range "$PORT" 1024 65535 || die "--port must be 1024..65535"
in_range "$SANDBOX_PORT" 1024 65000 || die "--sandbox-port must be 1024..65000"
need_tools java curl openssl python3 flock sha256sum

DATE=$(date -u +%F)
OUT=${OUT:-$ROOT/bench/results/governor-$DATE.json}
RUN=$ROOT/bench/target/governor-run
ADMIN_TOKEN=$(openssl rand -hex 20)
ACCESS_TOKEN=$(openssl rand -hex 20)
APP_SECRET=$(openssl rand -hex 20)
WABA_ID=419561257915477

rm -rf "$RUN"
copy_archives "$RUN"
echo "Send governor benchmark: limits $RATES/s, $CUSTOMERS customers each, outbox parallelism $PARALLELISM," \
  "port $PORT (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

echo "[1] the bridge (switchboard.outbox.parallelism $PARALLELISM)"
start_bridge "$RUN/bridge" "$PORT" "$HEAP" SWITCHBOARD_SECRETS_KEY="$(openssl rand -base64 32)" \
  SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" SWITCHBOARD_OUTBOX_PARALLELISM="$PARALLELISM"
MICRO_PID=$BRIDGE_PID

echo "[2] two sandboxes per limit (pair limit $PAIR_INTERVAL_MS ms, burst $PAIR_BURST, as the engine's defaults)"
SANDBOX_PORTS=() BASELINE_PORTS=() PHONE_IDS=() PID_ENV=()
for i in "${!RATE_LIST[@]}"; do
  rate=${RATE_LIST[$i]}
  phone_id=10654035224$((2900 + i))
  common=(--access-token "$ACCESS_TOKEN" --app-secret "$APP_SECRET" --phone-number-id "$phone_id"
    --waba-id "$WABA_ID" --messages-per-second "$rate" --pair-interval-ms "$PAIR_INTERVAL_MS"
    --pair-burst "$PAIR_BURST" --service-window-hours 24 --status-delay-ms "$STATUS_DELAY_MS")
  port=$((SANDBOX_PORT + 2 * i))
  start_sandbox "channel-$rate" "$RUN/sandbox-$rate" "$port" "${common[@]}" \
    --webhook-url "http://127.0.0.1:$PORT/switchboard/api/channels/wa-gov-$rate/webhook"
  PID_ENV+=("SANDBOX_PID_$rate=$SANDBOX_PID")
  SANDBOX_PORTS+=("$port")
  # The baseline's statuses go nowhere (port 9 is closed), so they never reach the bridge.
  start_sandbox "baseline-$rate" "$RUN/baseline-$rate" $((port + 1)) "${common[@]}" \
    --webhook-url "http://127.0.0.1:9/nowhere" --webhook-attempts 1
  PID_ENV+=("BASELINE_PID_$rate=$SANDBOX_PID")
  BASELINE_PORTS+=($((port + 1)))
  PHONE_IDS+=("$phone_id")
done

echo "[3] measuring"
take_lock "$LOCK"
GIT_COMMIT=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || true)
GIT_CLEAN=$([[ -z $(git -C "$ROOT" status --porcelain -- plugin-core connectors ear 2>/dev/null) ]] && echo 1 || echo 0)
env "${PID_ENV[@]}" ROOT="$ROOT" RUN_DIR="$RUN" PORT="$PORT" ADMIN_TOKEN="$ADMIN_TOKEN" \
  ACCESS_TOKEN="$ACCESS_TOKEN" APP_SECRET="$APP_SECRET" WABA_ID="$WABA_ID" RATES="$RATES" \
  SANDBOX_PORTS="${SANDBOX_PORTS[*]}" BASELINE_PORTS="${BASELINE_PORTS[*]}" PHONE_NUMBER_IDS="${PHONE_IDS[*]}" \
  CUSTOMERS="$CUSTOMERS" PAIR_REPLIES="$PAIR_REPLIES" WARMUP_REPLIES="$WARMUP_REPLIES" PARALLELISM="$PARALLELISM" \
  API_CONCURRENCY="$API_CONCURRENCY" PAIR_INTERVAL_MS="$PAIR_INTERVAL_MS" PAIR_BURST="$PAIR_BURST" \
  STATUS_DELAY_MS="$STATUS_DELAY_MS" HEAP="$HEAP" DATE="$DATE" MICRO_PID="$MICRO_PID" OUT="$OUT" \
  GIT_COMMIT="$GIT_COMMIT" GIT_CLEAN="$GIT_CLEAN" WAR_SHA256="$(sha256sum "$RUN/switchboard.war" | cut -d' ' -f1)" \
  PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/bench/governor-bench.py"
[[ -n "$LOCK" ]] && echo "  the lock was held $((SECONDS - LOCKED_AT)) s"
echo "  logs: $RUN/bridge/server.log, $RUN/sandbox-*/sandbox.log"
