# Shared shell functions of the benchmarks in bench/ (sourced, not run): argument checks, the
# processes a benchmark starts (the bridge on Payara Micro, WhatsApp sandboxes), ended by PID on
# exit, error or Ctrl-C, and the shared integration-test lock. Used by governor.sh and media.sh;
# ingest.sh and sync.sh still carry their own copies of the same functions.
#
# A script sets BENCH_NAME (its name, for messages) and ROOT (the repository) and then sources it:
#   BENCH_NAME=governor.sh; ROOT=...; source "$ROOT/bench/lib.sh"
# Everything listens on and talks to 127.0.0.1 only.

: "${BENCH_NAME:?set BENCH_NAME before sourcing bench/lib.sh}"
: "${ROOT:?set ROOT before sourcing bench/lib.sh}"

die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
is_int() { [[ "$1" =~ ^[0-9]+$ ]]; }
# in_range VALUE MIN MAX: VALUE is an integer within [MIN, MAX].
in_range() { is_int "$1" && (($1 >= $2 && $1 <= $3)); }
# need_tools TOOL...: each is on the PATH.
need_tools() {
  local tool
  for tool in "$@"; do command -v "$tool" >/dev/null || die "needs $tool on the PATH"; done
}
# port_free PORT: nothing answers HTTP on 127.0.0.1:PORT.
port_free() {
  ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"
}

# --- processes we start, ended by PID whatever happens -------------------------------------------
BENCH_PIDS=()
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.5
  done
  echo "$BENCH_NAME: PID $pid did not stop in 30 s, killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
# forget_pid PID: stops PID and removes it from the list cleaned up at exit.
forget_pid() {
  local kept=() pid
  stop_pid "$1"
  for pid in "${BENCH_PIDS[@]}"; do [[ "$pid" != "$1" ]] && kept+=("$pid"); done
  BENCH_PIDS=("${kept[@]}")
}
bench_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local i
  # Newest first: sandboxes before the bridge they post to.
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${BENCH_PIDS[$i]}"; done
  exit "$status"
}
trap bench_cleanup EXIT
trap 'echo "$BENCH_NAME: interrupted" >&2; exit 130' INT TERM

# --- archives --------------------------------------------------------------------------------------
# copy_archives RUN_DIR: builds what is missing (never mvn install) and copies switchboard.war,
# payara-micro.jar and whatsapp-sandbox.jar into RUN_DIR, so a rebuild during the run changes
# nothing that is measured.
copy_archives() {
  local run=$1
  local war=$ROOT/ear/target/switchboard.war micro=$ROOT/ear/target/payara-micro.jar
  local sandbox=$ROOT/tools/whatsapp-sandbox/target/whatsapp-sandbox.jar
  if [[ ! -f "$war" || ! -f "$micro" || ! -f "$sandbox" ]]; then
    echo "Building switchboard.war, payara-micro.jar and whatsapp-sandbox.jar" \
      "(mvn -o -q package -pl ear,tools/whatsapp-sandbox -am -DskipTests) ..."
    (cd "$ROOT" && mvn -o -q package -pl ear,tools/whatsapp-sandbox -am -DskipTests)
  fi
  mkdir -p "$run"
  cp "$war" "$run/switchboard.war"
  cp "$micro" "$run/payara-micro.jar"
  cp "$sandbox" "$run/whatsapp-sandbox.jar"
}

# wait_http NAME URL PID LOG [SECONDS]: waits until URL answers 200 while PID is alive.
wait_http() {
  local name=$1 url=$2 pid=$3 log=$4 limit=${5:-240} started=$SECONDS
  while ((SECONDS - started < limit)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$log" >&2
      die "$name exited during start-up (log: $log)"
    fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url") == 200 ]]; then
      echo "  $name ready after $((SECONDS - started)) s"
      return 0
    fi
    sleep 1
  done
  tail -40 "$log" >&2
  die "$name not ready after $limit s (log: $log)"
}

# start_bridge DIR PORT HEAP [ENV=VALUE ...]: switchboard.war (copied into DIR's parent by
# copy_archives) on Payara Micro in DIR with a fresh H2 file database unless the environment names
# another; sets BRIDGE_PID and waits for /health/ready. JVM_OPTS (an array) is added when set.
start_bridge() {
  local dir=$1 port=$2 heap=$3; shift 3
  local run
  run=$(dirname "$dir")
  mkdir -p "$dir"
  port_free "$port" || die "something already answers on port $port: stop it or pick another with --port"
  (
    cd "$dir"
    exec env SWITCHBOARD_DB_URL="jdbc:h2:file:$dir/h2/switchboard;MODE=PostgreSQL" "$@" \
      java -Xmx"$heap" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} -jar "$run/payara-micro.jar" \
      --deploy "$run/switchboard.war" --port "$port" --nocluster --rootDir "$dir/micro-root" 9>&-
  ) >"$dir/server.log" 2>&1 &
  BRIDGE_PID=$!
  BENCH_PIDS+=("$BRIDGE_PID")
  wait_http bridge "http://127.0.0.1:$port/health/ready" "$BRIDGE_PID" "$dir/server.log"
}

# start_sandbox NAME DIR PORT [FLAG ...]: the WhatsApp sandbox (copied by copy_archives) on
# 127.0.0.1:PORT with the given flags; sets SANDBOX_PID and waits for its config endpoint.
# -Dsun.net.httpserver.nodelay=true: the JDK's HttpServer leaves Nagle's algorithm on by default,
# and its answers (headers, then body) then wait for the client's delayed ACK: about 40 ms per
# request on a kept-alive connection (measured 44 ms p50, 84 sends/s with 4 clients; 3 ms and
# 513/s with the property). Meta's API has no such delay, so the benchmarks switch it off.
start_sandbox() {
  local name=$1 dir=$2 port=$3; shift 3
  mkdir -p "$dir"
  port_free "$port" || die "something already answers on port $port (sandbox $name)"
  (
    cd "$dir"
    exec java -Xmx256m -Dsun.net.httpserver.nodelay=true -jar "$(dirname "$dir")/whatsapp-sandbox.jar" --bind 127.0.0.1 --port "$port" "$@" 9>&-
  ) >"$dir/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  BENCH_PIDS+=("$SANDBOX_PID")
  wait_http "sandbox $name" "http://127.0.0.1:$port/sandbox/api/config" "$SANDBOX_PID" "$dir/sandbox.log" 60
}

# take_lock FILE: holds FILE (flock on descriptor 9) until the script ends; "" = no lock. Children
# started afterwards by the functions above close descriptor 9, so none outlives the script holding it.
take_lock() {
  local lock=$1
  [[ -n "$lock" ]] || return 0
  exec 9>>"$lock"
  echo "  waiting for the shared lock $lock (integration tests of others use the machine too) ..."
  flock -w 1800 9 || die "did not get $lock within 30 minutes"
  LOCKED_AT=$SECONDS
  echo "  holding $lock"
}
