#!/usr/bin/env bash
# Install, start and stop a real Request Tracker 5 (Debian 12 packages, SQLite) for Switchboard's tests
# and demo. Project copy of the team's reference script, plus upgrade.pl: what the request-tracker CRM
# adapter needs beyond it (the transaction custom field "Switchboard Key", ReplyToTicket for requestors
# so customer messages can enter through RT's mail gateway as the requester), and the RT extension
# RT-Extension-Switchboard (the bridge's inbox view inside RT, copied to RT's local plugin directory).
# Usage (as root):  setup-rt.sh install|start|stop|restart|token|reset|status
#   install  packages + site config + database with initialdata.pl (skips what is already done)
#   start    install if needed, start rt-server unless it already runs with the same settings, wait until
#            REST2 answers; prints the base URL on stdout (progress goes to stderr)
#   stop     stops only the server this script started (pid file in RT_DATA_DIR)
#   token    prints a REST2 auth token of the API user "switchboard" (made at install, survives reset)
#   reset    database back to the just-installed state; a running server is restarted with its settings
#   status   running or not, pid, memory
# Env: RT_PORT (8092), RT_HOST (127.0.0.1, bind address), RT_WORKERS (2),
#      RT_WEBHOOK_URL (where the webhook scrip posts; set to "" for none),
#      RT_WEBHOOK_SECRET (HMAC-SHA256 key of the X-RT-Signature header),
#      RT_SWITCHBOARD_URL (the bridge as browsers reach it, for the inbox view's frames; "" = none),
#      RT_SWITCHBOARD_VIEW_SECRET (HS256 key of the view's tokens = the connection's agentViewSecret),
#      RT_SWITCHBOARD_CONNECTION (the RT connection's id in the bridge, the tokens' audience),
#      RT_DATA_DIR (/var/lib/switchboard-rt: database, pristine copy, pid, logs, cached token)
set -euo pipefail

RT_PORT=${RT_PORT:-8092}
RT_HOST=${RT_HOST:-127.0.0.1}
RT_WORKERS=${RT_WORKERS:-2}
RT_WEBHOOK_URL=${RT_WEBHOOK_URL-http://127.0.0.1:8080/switchboard/api/crm/rt/webhook}
RT_WEBHOOK_SECRET=${RT_WEBHOOK_SECRET:-switchboard-rt-webhook-secret}
RT_SWITCHBOARD_URL=${RT_SWITCHBOARD_URL-http://127.0.0.1:8080/switchboard}
RT_SWITCHBOARD_VIEW_SECRET=${RT_SWITCHBOARD_VIEW_SECRET-switchboard-rt-view-secret-0123456789abcdef}
RT_SWITCHBOARD_CONNECTION=${RT_SWITCHBOARD_CONNECTION:-rt}
RT_DATA_DIR=${RT_DATA_DIR:-/var/lib/switchboard-rt}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# libcrypt-jwt-perl: RT-Extension-Switchboard signs the inbox view's tokens with Crypt::JWT.
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone libcrypt-jwt-perl)
CONF_DIR=/etc/request-tracker5/RT_SiteConfig.d
CONF_BASE=$CONF_DIR/98-switchboard-ci.pm     # written at install: speed, no mail, database location
CONF_RUN=$CONF_DIR/99-switchboard-run.pm     # written at every start: port, webhook and inbox view settings
EXTENSION=RT-Extension-Switchboard
PLUGIN_DIR=/usr/local/share/request-tracker5/plugins/$EXTENSION   # RT's $LocalPluginPath on Debian
MASON_OBJ=/var/cache/request-tracker5/mason_data/obj              # RT's compiled components
SERVER=/usr/share/request-tracker5/libexec/rt-server
RT_LIB=/usr/share/request-tracker5/lib
DB=$RT_DATA_DIR/rtdb
PRISTINE=$RT_DATA_DIR/rtdb.pristine
PIDFILE=$RT_DATA_DIR/rt-server.pid
LOG=$RT_DATA_DIR/rt-server.log
TOKEN_FILE=$RT_DATA_DIR/token
API_USER=switchboard

say() { printf '[setup-rt] %s\n' "$*" >&2; }
# What this run changed that a running server must be restarted for (read by do_start).
CHANGED=""
changed() { CHANGED="${CHANGED:+$CHANGED, }$1"; }
die() { say "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
perl_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\\\'}"; }

need_root() { [ "$(id -u)" = 0 ] || die "run as root (it installs packages and writes $CONF_DIR)"; }

packages_installed() {
  local p
  for p in "${PACKAGES[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || return 1
  done
}

# 0 when the database exists and holds our initial data (the queue "Support").
# 0 when the database at $1 has what upgrade.pl adds (cheap SQL check, so start stays fast).
db_upgraded() {
  [ -s "$1" ] || return 1
  perl -MDBI -e 'my $d = DBI->connect("dbi:SQLite:dbname=$ARGV[0]", "", "", { RaiseError => 0, PrintError => 0 }) or exit 1;
    my ($cf) = $d->selectrow_array(q{SELECT count(*) FROM CustomFields WHERE Name = ? AND LookupType = ? AND Disabled = 0},
      undef, "Switchboard Key", "RT::Queue-RT::Ticket-RT::Transaction");
    my ($acl) = $d->selectrow_array(q{SELECT count(*) FROM ACL a JOIN Groups g ON g.id = a.PrincipalId
      WHERE a.RightName = ? AND g.Domain = ? AND g.Name = ?}, undef, "ReplyToTicket", "RT::Queue-Role", "Requestor");
    my ($scrip) = $d->selectrow_array(q{SELECT count(*) FROM Scrips WHERE Description = ? AND CustomCommitCode LIKE ?
      AND CustomCommitCode LIKE ? AND CustomCommitCode LIKE ? AND CustomCommitCode LIKE ? AND CustomCommitCode LIKE ?},
      undef, "Switchboard webhook", "%creator_privileged%", "%conversation_id%", "%object_id%", "%field_max_values%",
      "%message_id%");
    # Step 9: nobody but the API user holds queue-wide custom field rights on the channel queues, and the API
    # user holds SeeCustomField on Switchboard Key. Step 10: no requestor-mailing scrip is global or on them.
    my ($wide) = $d->selectrow_array(q{SELECT count(*) FROM ACL a JOIN Queues q ON a.ObjectType = ? AND q.id = a.ObjectId
      JOIN Groups g ON g.id = a.PrincipalId WHERE q.Name IN (?, ?) AND a.RightName IN (?, ?) AND g.Domain NOT LIKE ?
      AND NOT (g.Domain = ? AND g.Instance IN (SELECT id FROM Users WHERE Name = ?))}, undef, "RT::Queue", "Support",
      "Sales", "SeeCustomField", "ModifyCustomField", "%-Role", "ACLEquivalence", "switchboard");
    my ($key) = $d->selectrow_array(q{SELECT count(*) FROM ACL a JOIN CustomFields c ON a.ObjectType = ? AND c.id = a.ObjectId
      JOIN Groups g ON g.id = a.PrincipalId JOIN Users u ON g.Domain = ? AND u.id = g.Instance
      WHERE c.Name = ? AND c.Disabled = 0 AND u.Name = ? AND a.RightName = ?}, undef, "RT::CustomField", "ACLEquivalence",
      "Switchboard Key", "switchboard", "SeeCustomField");
    my ($notify) = $d->selectrow_array(q{SELECT count(*) FROM ObjectScrips o JOIN Scrips s ON s.id = o.Scrip
      JOIN ScripActions a ON a.id = s.ScripAction WHERE (a.Argument LIKE ? OR a.Argument = ?)
      AND (o.ObjectId = 0 OR o.ObjectId IN (SELECT id FROM Queues WHERE Name IN (?, ?)))}, undef, "%Requestor%", "All",
      "Support", "Sales");
    my ($sync) = $d->selectrow_array(q{SELECT count(DISTINCT Name) FROM CustomFields WHERE Disabled = 0 AND
      ((LookupType = ? AND Name IN (?, ?, ?)) OR (LookupType = ? AND Name IN (?, ?)))}, undef,
      "RT::Queue-RT::Ticket", "Last Order Date", "Last Order Status", "Labels", "RT::User", "Customer Email",
      "Preferred Language");
    exit($cf && $acl >= 2 && $scrip && $sync == 5 && !$wide && $key && !$notify ? 0 : 1);' "$1"
}

# Applies upgrade.pl to the database file $1 unless it is already there (idempotent either way).
upgrade_database() {
  [ -s "$1" ] || return 0
  db_upgraded "$1" && return 0
  say "upgrading $1 for the Switchboard adapter (upgrade.pl) ..."
  perl -I"$RT_LIB" "$HERE/upgrade.pl" "$1" </dev/null 2>"$RT_DATA_DIR/upgrade.log" \
    || { cat "$RT_DATA_DIR/upgrade.log" >&2; die "upgrade.pl failed on $1"; }
  grep -v 'HTML converter' "$RT_DATA_DIR/upgrade.log" | sed 's/^/[setup-rt]   /' >&2 || true
  db_upgraded "$1" || die "upgrade.pl ran but $1 still lacks its changes, log: $RT_DATA_DIR/upgrade.log"
  [ "$1" = "$DB" ] && changed "database (upgrade.pl)"
  return 0
}

db_ready() {
  [ -s "$DB" ] || return 1
  perl -MDBI -e 'my $d = DBI->connect("dbi:SQLite:dbname=$ARGV[0]", "", "", { RaiseError => 0, PrintError => 0 }) or exit 1;
    my ($n) = $d->selectrow_array(q{SELECT count(*) FROM Queues WHERE Name = ?}, undef, "Support"); exit($n ? 0 : 1);' "$DB"
}

write_base_config() {
  mkdir -p "$CONF_DIR" "$RT_DATA_DIR"
  local tmp; tmp=$(mktemp)
  cat >"$tmp" <<CFG
# Written by setup-rt.sh (Switchboard tests): fast password hashing, no outgoing mail, SQLite in the data dir.
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, $(perl_quote "$DB"));
Set(\$BcryptCost, 4);
Set(\$MailCommand, 'mbox');
Set(\$WebPath, '');
Set(\$WebDomain, '127.0.0.1');
Set(\$CanonicalizeRedirectURLs, 0);
Set(\$RestrictReferrer, 0);
Set(\$LogToSTDERR, 'warning');
Set(\$LogToSyslog, undef);
Set(\$LogToFile, undef);
# The inbox view (tools/request-tracker/$EXTENSION, copied to $PLUGIN_DIR).
Plugin('RT::Extension::Switchboard');
1;
CFG
  local changed=1
  if ! cmp -s "$tmp" "$CONF_BASE"; then
    install -m 0644 "$tmp" "$CONF_BASE"; say "wrote $CONF_BASE"; changed=0; changed "site config"
  fi
  rm -f "$tmp"
  return $changed
}

# Copies the extension to RT's local plugin directory when it differs; returns 0 when it changed. RT
# compiles Mason components once (static source): the compiled ones are removed, so the restart that
# follows reads the new files.
install_extension() {
  if [ -d "$PLUGIN_DIR" ] && diff -rq "$HERE/$EXTENSION" "$PLUGIN_DIR" >/dev/null 2>&1; then return 1; fi
  mkdir -p "$(dirname "$PLUGIN_DIR")"
  rm -rf "$PLUGIN_DIR.new"; cp -R "$HERE/$EXTENSION" "$PLUGIN_DIR.new"; chmod -R a+rX "$PLUGIN_DIR.new"
  rm -rf "$PLUGIN_DIR"; mv "$PLUGIN_DIR.new" "$PLUGIN_DIR"
  rm -rf "$MASON_OBJ"
  say "installed $EXTENSION in $PLUGIN_DIR (Mason cache cleared)"; changed "$EXTENSION"
  return 0
}

# Port, webhook and inbox view settings; returns 0 when the file changed.
write_run_config() {
  local tmp changed=1; tmp=$(mktemp)
  cat >"$tmp" <<CFG
# Written by setup-rt.sh start: settings of the running server (rewritten at every start).
Set(\$WebPort, $RT_PORT);
Set(\$WebBaseURL, 'http://127.0.0.1:$RT_PORT');
Set(\$SwitchboardWebhookURL, $(perl_quote "$RT_WEBHOOK_URL"));
Set(\$SwitchboardWebhookSecret, $(perl_quote "$RT_WEBHOOK_SECRET"));
# RT-Extension-Switchboard: the bridge's inbox view in ticket pages and under "Switchboard inbox".
Set(\$SwitchboardURL, $(perl_quote "$RT_SWITCHBOARD_URL"));
Set(\$SwitchboardViewSecret, $(perl_quote "$RT_SWITCHBOARD_VIEW_SECRET"));
Set(\$SwitchboardConnection, $(perl_quote "$RT_SWITCHBOARD_CONNECTION"));
1;
CFG
  if ! cmp -s "$tmp" "$CONF_RUN"; then install -m 0600 "$tmp" "$CONF_RUN"; changed=0; fi
  rm -f "$tmp"
  return $changed
}

install_packages() {
  packages_installed && { say "packages already installed: ${PACKAGES[*]}"; return; }
  command -v apt-get >/dev/null && command -v debconf-set-selections >/dev/null \
    || die "apt-get not found: this script needs Debian 12 (bookworm) with apt"
  grep -q 'VERSION_ID="12"' /etc/os-release 2>/dev/null || say "warning: not Debian 12; trying anyway"
  local t; t=$(now)
  # No database from dbconfig-common: this script creates its own SQLite database in RT_DATA_DIR.
  debconf-set-selections <<'SEL'
request-tracker5 request-tracker5/rtname string switchboard-rt
request-tracker5 request-tracker5/organization string switchboard.example
request-tracker5 request-tracker5/correspondaddress string rt@switchboard.example
request-tracker5 request-tracker5/commentaddress string rt-comment@switchboard.example
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/webpath string
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/database-type select sqlite3
SEL
  say "apt-get update"
  apt-get update -qq >"$RT_DATA_DIR/apt.log" 2>&1 || { tail -20 "$RT_DATA_DIR/apt.log" >&2; die "apt-get update failed (network or sources?), log: $RT_DATA_DIR/apt.log"; }
  say "apt-get install ${PACKAGES[*]} (about 56 MB download, 260 packages) ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" \
    >>"$RT_DATA_DIR/apt.log" 2>&1 || { tail -20 "$RT_DATA_DIR/apt.log" >&2; die "apt-get install failed, log: $RT_DATA_DIR/apt.log"; }
  say "packages installed in $(since "$t") s"; changed "packages"
}

create_database() {
  local t; t=$(now)
  rm -f "$DB" "$TOKEN_FILE" "$TOKEN_FILE.pristine"
  say "creating the RT database $DB (schema + RT's initial data) ..."
  local pwfile; pwfile=$(mktemp); echo password >"$pwfile"   # RT user root / password
  ROOT_PASSWORD_FILE=$pwfile rt-setup-database-5 --action init </dev/null >"$RT_DATA_DIR/setup-database.log" 2>&1 \
    || { rm -f "$pwfile"; tail -20 "$RT_DATA_DIR/setup-database.log" >&2; die "rt-setup-database-5 --action init failed"; }
  rm -f "$pwfile"
  say "loading initialdata.pl (queues, custom fields, users, rights, webhook scrip) ..."
  rt-setup-database-5 --action insert --skip-create --datafile "$HERE/initialdata.pl" </dev/null \
    >>"$RT_DATA_DIR/setup-database.log" 2>&1 \
    || { tail -20 "$RT_DATA_DIR/setup-database.log" >&2; die "loading initialdata.pl failed"; }
  db_ready || die "database created but the queue Support is missing, see $RT_DATA_DIR/setup-database.log"
  upgrade_database "$DB"
  create_token; cp "$TOKEN_FILE" "$TOKEN_FILE.pristine"   # a token that stays valid across resets
  cp "$DB" "$PRISTINE"
  say "database ready in $(since "$t") s (pristine copy for reset: $PRISTINE)"
}

do_install() {
  need_root
  mkdir -p "$RT_DATA_DIR"; chmod 0750 "$RT_DATA_DIR"
  write_base_config || true    # before the packages, so nothing is ever initialised with other settings
  install_packages
  install_extension || true
  if db_ready; then say "database already initialised: $DB"; else create_database; fi
  [ -f "$PRISTINE" ] || { say "no pristine copy yet: rebuilding the database once"; create_database; }
  # Databases made by the team's reference script (or an older copy of this one) lack upgrade.pl's parts.
  upgrade_database "$DB"; upgrade_database "$PRISTINE"
}

pid_alive() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa rt-server "/proc/$pid/cmdline" 2>/dev/null
}

answers() { [ "$(curl --noproxy '*' -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$RT_PORT/REST/2.0/" || true)" != 000 ]; }

do_start() {
  local t; t=$(now)
  if ! packages_installed || ! db_ready || [ ! -f "$CONF_BASE" ] || ! db_upgraded "$DB"; then do_install; fi
  need_root
  write_base_config || true
  install_extension || true
  write_run_config && changed "port/webhook/inbox view settings"
  if [ -n "$CHANGED" ]; then
    if pid_alive; then say "changed: $CHANGED: restarting"; do_stop; fi
  elif pid_alive && answers; then
    say "already running (pid $(cat "$PIDFILE")) at http://127.0.0.1:$RT_PORT"
    echo "http://127.0.0.1:$RT_PORT"; return
  fi
  pid_alive && do_stop
  answers && die "port $RT_PORT is already in use by another process (not started by this script)"
  declare -p RT_PORT RT_HOST RT_WORKERS RT_WEBHOOK_URL RT_WEBHOOK_SECRET RT_SWITCHBOARD_URL \
    RT_SWITCHBOARD_VIEW_SECRET RT_SWITCHBOARD_CONNECTION >"$RT_DATA_DIR/last-start.env"
  say "starting rt-server on $RT_HOST:$RT_PORT with $RT_WORKERS workers, webhook -> ${RT_WEBHOOK_URL:-(none)}, inbox view -> ${RT_SWITCHBOARD_URL:-(none)}"
  # Own session/process group, so that stop can end exactly this server and its workers. Inherited file
  # descriptors above 2 are closed first: a caller's lock (flock /tmp/switchboard-it.lock ...) must not
  # stay held by the server after the caller ends.
  setsid bash -c 'echo $$ >"$1"; shift; for f in /proc/$$/fd/*; do f=${f##*/}; [ "$f" -gt 2 ] 2>/dev/null && eval "exec $f>&-"; done; exec "$@"' _ "$PIDFILE" \
    "$SERVER" --host "$RT_HOST" --port "$RT_PORT" --max-workers "$RT_WORKERS" </dev/null >>"$LOG" 2>&1 &
  local i
  for i in $(seq 1 180); do
    if [ -s "$PIDFILE" ] && answers; then
      say "ready in $(since "$t") s: pid $(cat "$PIDFILE"), UI http://127.0.0.1:$RT_PORT/ (root/password), REST2 http://127.0.0.1:$RT_PORT/REST/2.0/, log $LOG"
      echo "http://127.0.0.1:$RT_PORT"; return
    fi
    if [ "$i" -gt 4 ] && ! pid_alive; then tail -20 "$LOG" >&2; rm -f "$PIDFILE"; die "rt-server exited, log: $LOG"; fi
    sleep 0.5
  done
  die "rt-server did not answer within 90 s, log: $LOG"
}

do_stop() {
  if ! pid_alive; then rm -f "$PIDFILE"; say "not running (no live pid in $PIDFILE)"; return; fi
  local pid i; pid=$(cat "$PIDFILE")
  kill -TERM "$pid" 2>/dev/null || true          # the Starlet master stops its own workers
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 -- "-$pid" 2>/dev/null; then         # anything left in the process group this script created
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
  say "stopped rt-server (pid $pid)"
}

token_valid() {
  local code; code=$(curl --noproxy '*' -s -o /dev/null -m 5 -w '%{http_code}' -H "Authorization: token $1" \
    "http://127.0.0.1:$RT_PORT/REST/2.0/queues/all" || true)
  [ "$code" = 200 ]
}

do_token() {
  if [ -s "$TOKEN_FILE" ]; then
    local cached; cached=$(cat "$TOKEN_FILE")
    if ! answers || token_valid "$cached"; then echo "$cached"; return; fi
    say "cached token rejected by RT: creating a new one"
  fi
  db_ready || die "not installed: run setup-rt.sh install first"
  local t; t=$(now)
  create_token
  say "created a REST2 token for user $API_USER in $(since "$t") s (header: Authorization: token <token>)"
  cat "$TOKEN_FILE"
}

# Creates an RT::AuthToken for the API user directly in the database (REST2 cannot create the first one).
create_token() {
  perl -I"$RT_LIB" -e '
    use RT; RT::LoadConfig(); RT::Init();
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($ARGV[0]); die "no user $ARGV[0] in RT\n" unless $user->Id;
    my $token = RT::AuthToken->new(RT->SystemUser);
    my ($id, $msg, $auth) = $token->Create(Owner => $user->Id, Description => "switchboard tests");
    die "token not created: $msg\n" unless $id;
    print "$auth\n";' "$API_USER" >"$TOKEN_FILE.new" 2>"$RT_DATA_DIR/token.log" \
    || { cat "$RT_DATA_DIR/token.log" >&2; die "creating the token failed"; }
  chmod 0600 "$TOKEN_FILE.new"; mv "$TOKEN_FILE.new" "$TOKEN_FILE"
}

do_reset() {
  need_root
  local was_running=0; pid_alive && was_running=1
  [ "$was_running" = 1 ] && do_stop
  if [ -f "$PRISTINE" ] && packages_installed; then
    upgrade_database "$PRISTINE"
    cp "$PRISTINE" "$DB"; rm -f "$TOKEN_FILE"
    [ -f "$TOKEN_FILE.pristine" ] && cp -p "$TOKEN_FILE.pristine" "$TOKEN_FILE"
    say "database reset to the freshly installed state"
  else
    do_install
  fi
  if [ "$was_running" = 1 ]; then
    # shellcheck disable=SC1091
    [ -f "$RT_DATA_DIR/last-start.env" ] && source "$RT_DATA_DIR/last-start.env"   # same port/webhook as before
    do_start >/dev/null
  fi
  return 0
}

do_status() {
  if ! pid_alive; then echo "stopped"; return 3; fi
  local pid kb=0 pss=0 n=0 p; pid=$(cat "$PIDFILE")
  for p in $(ps -o pid= -g "$pid"); do
    n=$((n + 1)); kb=$((kb + $(ps -o rss= -p "$p" || echo 0)))
    pss=$((pss + $(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "running: pid $pid, $n processes, RSS $((kb / 1024)) MB, PSS $((pss / 1024)) MB, http://127.0.0.1:$RT_PORT"
}

case "${1:-}" in
  install) t0=$(now); do_install; say "install done in $(since "$t0") s" ;;
  start) do_start ;;
  stop) do_stop ;;
  restart) do_stop; do_start ;;
  token) do_token ;;
  reset) do_reset ;;
  status) do_status ;;
  *) echo "usage: $0 install|start|stop|restart|token|reset|status" >&2; exit 2 ;;
esac
