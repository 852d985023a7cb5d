#!/usr/bin/env bash
# Command 1: the demo on one machine. Provisions and starts a local Request Tracker 5, builds
# Switchboard if needed, starts it on Payara Micro with the embedded H2 database, starts the WhatsApp
# Cloud API sandbox (a phone page that plays Meta's side), wires them together and prints the URLs.
# Type on the phone page: a ticket appears in RT. Reply in RT as an agent: the reply shows on the phone.
# Ctrl-C stops everything this script started. State (H2 database, keys) is kept in .demo/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=prerequisites.sh
. "$ROOT/scripts/prerequisites.sh"

BRIDGE_PORT=${BRIDGE_PORT:-8080}
SANDBOX_PORT=${SANDBOX_PORT:-9090}
STATE=${SWITCHBOARD_DEMO_DIR:-$ROOT/.demo}
mkdir -p "$STATE"
chmod 700 "$STATE"

# Secrets made once per machine and kept in .demo/ (never committed).
secret() { local f="$STATE/$1"; [ -s "$f" ] || openssl rand "-$2" "$3" | tr -d '\n' >"$f"; cat "$f"; }
ensure_java_and_maven
SECRETS_KEY=$(secret secrets.key base64 32)
ADMIN_TOKEN=$(secret admin.token hex 20)
APP_SECRET=$(secret app.secret hex 20)
ACCESS_TOKEN=$(secret access.token hex 20)
RT_SECRET=$(secret rt-webhook.secret hex 20)
VIEW_SECRET=$(secret rt-view.secret hex 24)   # RT signs agents into the inbox view with it
PHONE_NUMBER_ID=106540352242922
WABA_ID=419561257915477

PIDS=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  say "stopped the bridge and the sandbox (Request Tracker keeps running: tools/request-tracker/setup-rt.sh stop)"
}
trap cleanup EXIT INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$BRIDGE_PORT" || die "port $BRIDGE_PORT is taken (set BRIDGE_PORT)"
port_free "$SANDBOX_PORT" || die "port $SANDBOX_PORT is taken (set SANDBOX_PORT)"

say "starting Request Tracker 5 (first time: installs it, about a minute)"
RT_WEBHOOK_URL="http://127.0.0.1:$BRIDGE_PORT/switchboard/api/crm/rt/webhook" \
  RT_WEBHOOK_SECRET="$RT_SECRET" RT_SWITCHBOARD_URL="http://127.0.0.1:$BRIDGE_PORT/switchboard" \
  RT_SWITCHBOARD_VIEW_SECRET="$VIEW_SECRET" RT_SWITCHBOARD_CONNECTION=rt \
  bash "$ROOT/tools/request-tracker/setup-rt.sh" start >/dev/null
RT_TOKEN=$(bash "$ROOT/tools/request-tracker/setup-rt.sh" token)

ensure_built "$ROOT"
MICRO_JAR="$ROOT/ear/target/payara-micro.jar"
[ -f "$MICRO_JAR" ] || (cd "$ROOT" && mvn -B -q -pl ear dependency:copy@payara-micro) >&2

say "starting Switchboard on Payara Micro (H2 database in $STATE/data)"
(cd "$STATE" && exec env SWITCHBOARD_SECRETS_KEY="$SECRETS_KEY" SWITCHBOARD_ADMIN_TOKEN="$ADMIN_TOKEN" \
  SWITCHBOARD_DB_URL="jdbc:h2:file:$STATE/data/switchboard;MODE=PostgreSQL" \
  SWITCHBOARD_CRM_POLL_INTERVAL_SECONDS=10 SWITCHBOARD_PUBLIC_URL="http://127.0.0.1:$BRIDGE_PORT" \
  SWITCHBOARD_MEDIA_STORE=filesystem SWITCHBOARD_MEDIA_DIRECTORY="$STATE/media" \
  java -Xmx512m -jar "$MICRO_JAR" --deploy "$ROOT/ear/target/switchboard.war" \
  --port "$BRIDGE_PORT" --nocluster >"$STATE/bridge.log" 2>&1) &
PIDS+=($!)

say "starting the WhatsApp sandbox"
java -jar "$ROOT/tools/whatsapp-sandbox/target/whatsapp-sandbox.jar" --port "$SANDBOX_PORT" \
  --webhook-url "http://127.0.0.1:$BRIDGE_PORT/switchboard/api/channels/wa-demo/webhook" \
  --app-secret "$APP_SECRET" --access-token "$ACCESS_TOKEN" --phone-number-id "$PHONE_NUMBER_ID" \
  --waba-id "$WABA_ID" >"$STATE/sandbox.log" 2>&1 &
PIDS+=($!)

BASE="http://127.0.0.1:$BRIDGE_PORT"
for i in $(seq 1 180); do
  curl -sf "$BASE/health/live" >/dev/null 2>&1 && curl -s "$BASE/switchboard/api/admin/plugins" \
    -H "Authorization: Bearer $ADMIN_TOKEN" | grep -q whatsapp-cloud && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { tail -40 "$STATE/bridge.log" >&2; die "the bridge stopped; log: $STATE/bridge.log"; }
  [ "$i" = 180 ] && die "the bridge did not start in 3 minutes; log: $STATE/bridge.log"
  sleep 1
done

admin_put() {
  local answer
  answer=$(curl -s -w '\n%{http_code}' -X PUT "$BASE/switchboard/api/admin/$1" \
    -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d "$2")
  case "${answer##*$'\n'}" in 200|201) ;; *) die "configuring $1 failed: $answer" ;; esac
}
admin_put crm-connections/rt "{\"plugin\":\"request-tracker\",\"config\":{\"baseUrl\":\"http://127.0.0.1:${RT_PORT:-8092}\",\"token\":\"$RT_TOKEN\",\"queue\":\"Support\",\"webhookSecret\":\"$RT_SECRET\",\"agentViewSecret\":\"$VIEW_SECRET\"}}"
admin_put channels/wa-demo "{\"plugin\":\"whatsapp-cloud\",\"crmConnection\":\"rt\",\"config\":{\"phoneNumberId\":\"$PHONE_NUMBER_ID\",\"accessToken\":\"$ACCESS_TOKEN\",\"appSecret\":\"$APP_SECRET\",\"verifyToken\":\"demo-verify-token\",\"whatsAppBusinessAccountId\":\"$WABA_ID\",\"graphApiBaseUrl\":\"http://127.0.0.1:$SANDBOX_PORT/v23.0\"}}"
# The demo's field mapping, once: an admin's later changes (page or API) are kept.
mapping_version=$(curl -s "$BASE/switchboard/api/admin/crm-connections/rt/mapping" \
  -H "Authorization: Bearer $ADMIN_TOKEN" | sed -n 's/.*"version":\([0-9]*\).*/\1/p')
if [ "${mapping_version:-0}" = 0 ]; then
  answer=$(curl -s -w '\n%{http_code}' -X POST "$BASE/switchboard/api/admin/crm-connections/rt/mapping/import" \
    -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/yaml' \
    -H 'X-Switchboard-Actor: demo' -H 'X-Switchboard-Comment: the demo mapping' \
    --data-binary "@$ROOT/scripts/demo-mapping.yaml")
  case "${answer##*$'\n'}" in 200) ;; *) die "importing the demo field mapping failed: $answer" ;; esac
fi

cat <<INFO

  Switchboard demo is running.
    Phone sandbox (type as the customer):  http://127.0.0.1:$SANDBOX_PORT/
    Request Tracker (agents):              http://127.0.0.1:${RT_PORT:-8092}/   login agent1 / agent1-pass (or root / password)
    Shared inbox (inside RT):              http://127.0.0.1:${RT_PORT:-8092}/Switchboard/Inbox.html   (menu "Switchboard inbox")
    Bridge health:                         $BASE/health
    Metrics / OpenAPI:                     $BASE/metrics   $BASE/openapi
    Field mapping page (CRM admins):       $BASE/switchboard/admin/mapping/   (token: $STATE/admin.token)
    Admin API:                             $BASE/switchboard/api/admin/conversations
                                           header "Authorization: Bearer \$(cat $STATE/admin.token)"
    Logs:                                  $STATE/bridge.log  $STATE/sandbox.log

  Type a message on the phone page: a ticket appears in RT's Support queue within seconds; its
  ticket page shows the whole conversation with the customer's profile and orders, and you can
  answer, take or hand over the conversation right there (guide: docs/agent-guide.md).
  Attach a photo, a voice note, a location or an order on the phone: they show on the ticket
  (files as RT attachments, the order line by line with its total).
  Reply to it in RT ("Reply"), also with a file attached: the answer shows on the phone with its
  delivery ticks. Reply "/template order_update en_US Maria | 4567" to send an approved template.
  Press Ctrl-C to stop the bridge and the sandbox.

INFO
wait "${PIDS[0]}"
