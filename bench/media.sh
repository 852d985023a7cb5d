#!/usr/bin/env bash
# Switchboard inbound media benchmark: customer images sent through the WhatsApp sandbox, fetched
# by the engine's FETCH_MEDIA outbox effects (resolve, download, Tika check, store), against this
# benchmark's own client resolving and downloading the same media ids in the same run.
#
# One run: start switchboard.war on Payara Micro (fresh H2 database), one WhatsApp sandbox posting
# to its channel, take the shared IT lock, measure (bench/media-bench.py), stop everything by PID
# (also on Ctrl-C). Writes bench/results/media-<YYYY-MM-DD>.json and prints a summary. See
# docs/performance.md. Load goes to 127.0.0.1 only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_NAME=media.sh
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

FILES=200
SIZE=200000
WARMUP=20
CUSTOMERS=20
PARALLELISM=4
SEND_CONCURRENCY=4
STORE=database
PORT=18481
SANDBOX_PORT=18490
HEAP=512m
LOCK=/tmp/switchboard-it.lock
OUT=

usage() {
  cat <<EOF
usage: bench/media.sh [options]
  --files N               images measured (default $FILES; 1..5000)
  --size BYTES            bytes per image (default $SIZE; 1000..5000000, WhatsApp's image limit is 5 MB)
  --warmup W              images before measuring, not counted (default $WARMUP; 0..1000)
  --customers K           customers the images come from, round-robin (default $CUSTOMERS; 1..1000)
  --parallelism C         switchboard.outbox.parallelism of the bridge, and the baseline's threads
                          (default $PARALLELISM; 1..32)
  --send-concurrency S    customer messages in flight to the sandbox (default $SEND_CONCURRENCY; 1..32)
  --store database|filesystem   switchboard.media.store (default $STORE)
  --port N                HTTP port of the bridge (default $PORT)
  --sandbox-port N        port of the sandbox (default $SANDBOX_PORT)
  --heap SIZE             -Xmx of Payara Micro (default $HEAP)
  --lock FILE             shared lock held while measuring (default $LOCK; "" = no lock)
  --out FILE              result file (default bench/results/media-<date>.json)
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) FILES=${2:?}; shift 2 ;;
    --size) SIZE=${2:?}; shift 2 ;;
    --warmup) WARMUP=${2:?}; shift 2 ;;
    --customers) CUSTOMERS=${2:?}; shift 2 ;;
    --parallelism) PARALLELISM=${2:?}; shift 2 ;;
    --send-concurrency) SEND_CONCURRENCY=${2:?}; shift 2 ;;
    --store) STORE=${2:?}; shift 2 ;;
    --port) PORT=${2:?}; shift 2 ;;
    --sandbox-port) SANDBOX_PORT=${2:?}; shift 2 ;;
    --heap) HEAP=${2:?}; shift 2 ;;
    --lock) LOCK=${2?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "media.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

in_range "$FILES" 1 5000 || die "--files must be 1..5000"
in_range "$SIZE" 1000 5000000 || die "--size must be 1000..5000000 bytes"
in_range "$WARMUP" 0 1000 || die "--warmup must be 0..1000"
in_range "$CUSTOMERS" 1 1000 || die "--customers must be 1..1000"
in_range "$PARALLELISM" 1 32 || die "--parallelism must be 1..32"
in_range "$SEND_CONCURRENCY" 1 32 || die "--send-concurrency must be 1..32"
[[ "$STORE" == database || "$STORE" == filesystem ]] || die "--store must be database or filesystem"
in_range "$PORT" 1024 65535 || die "--port must be 1024..65535"
in_range "$SANDBOX_PORT" 1024 65535 || die "--sandbox-port must be 1024..65535"
need_tools java curl openssl python3 flock sha256sum

DATE=$(date -u +%F)
OUT=${OUT:-$ROOT/bench/results/media-$DATE.json}
RUN=$ROOT/bench/target/media-run
ADMIN_TOKEN=$(openssl rand -hex 20)
ACCESS_TOKEN=$(openssl rand -hex 20)
APP_SECRET=$(openssl rand -hex 20)
PHONE_NUMBER_ID=106540352243100

rm -rf "$RUN"
copy_archives "$RUN"
echo "Media fetch benchmark: $FILES images of $SIZE bytes (+$WARMUP warm-up), outbox parallelism $PARALLELISM," \
  "store $STORE, port $PORT (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

echo "[1] the bridge"
start_bridge "$RUN/bridge" "$PORT" "$HEAP" SWITCHBOARD_SECRETS_KEY="$(openssl rand -base64 32)" \
  SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" SWITCHBOARD_OUTBOX_PARALLELISM="$PARALLELISM" \
  SWITCHBOARD_MEDIA_STORE="$STORE" SWITCHBOARD_MEDIA_DIRECTORY="$RUN/bridge/media"
MICRO_PID=$BRIDGE_PID

echo "[2] the sandbox"
start_sandbox channel "$RUN/sandbox" "$SANDBOX_PORT" --access-token "$ACCESS_TOKEN" --app-secret "$APP_SECRET" \
  --phone-number-id "$PHONE_NUMBER_ID" --webhook-url "http://127.0.0.1:$PORT/switchboard/api/channels/wa-media/webhook"

echo "[3] measuring"
take_lock "$LOCK"
GIT_COMMIT=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || true)
GIT_CLEAN=$([[ -z $(git -C "$ROOT" status --porcelain -- plugin-core connectors ear 2>/dev/null) ]] && echo 1 || echo 0)
ROOT="$ROOT" PORT="$PORT" ADMIN_TOKEN="$ADMIN_TOKEN" ACCESS_TOKEN="$ACCESS_TOKEN" APP_SECRET="$APP_SECRET" \
  SANDBOX_PORT="$SANDBOX_PORT" PHONE_NUMBER_ID="$PHONE_NUMBER_ID" FILES="$FILES" SIZE="$SIZE" WARMUP="$WARMUP" \
  CUSTOMERS="$CUSTOMERS" PARALLELISM="$PARALLELISM" SEND_CONCURRENCY="$SEND_CONCURRENCY" MEDIA_STORE="$STORE" \
  HEAP="$HEAP" DATE="$DATE" MICRO_PID="$MICRO_PID" SANDBOX_PID="$SANDBOX_PID" OUT="$OUT" \
  GIT_COMMIT="$GIT_COMMIT" GIT_CLEAN="$GIT_CLEAN" WAR_SHA256="$(sha256sum "$RUN/switchboard.war" | cut -d' ' -f1)" \
  PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/bench/media-bench.py"
[[ -n "$LOCK" ]] && echo "  the lock was held $((SECONDS - LOCKED_AT)) s"
echo "  logs: $RUN/bridge/server.log, $RUN/sandbox/sandbox.log"
