#!/usr/bin/env bash
# Shared by demo.sh and test.sh: installs what Switchboard needs, idempotently (Debian/Ubuntu, as root).
# Every function returns at once when its tool is already there.

say() { printf '[switchboard] %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

APT_UPDATED=
apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root (run as root or with sudo)"
  if [ -z "$APT_UPDATED" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    APT_UPDATED=1
  fi
  say "installing $* with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_java_and_maven() {
  if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    apt_install openjdk-17-jdk-headless
  fi
  command -v mvn >/dev/null 2>&1 || apt_install maven
  command -v curl >/dev/null 2>&1 || apt_install curl
  command -v openssl >/dev/null 2>&1 || apt_install openssl
}

ensure_node() {
  # Prism (the WhatsApp Cloud API contract mock) comes from npm; the tests install it themselves.
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
}

# Headless Chromium and its WebDriver (Debian's packages; the admin page ITs drive it with Selenium),
# with Noto fonts so Arabic text renders in screenshots.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    && fc-list 2>/dev/null | grep -q 'Noto Sans Arabic'; then
    return 0
  fi
  apt_install chromium chromium-driver fonts-noto-core
}

# PostgreSQL on 127.0.0.1:5432 with trust authentication for local connections.
ensure_postgres() {
  if pg_ready; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] || die "PostgreSQL is installed but has no cluster under /etc/postgresql"
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    say "allowing trust authentication from 127.0.0.1 in $hba (test machines only)"
    sed -i '1i host all all 127.0.0.1/32 trust\nlocal all all trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do pg_ready && return 0; sleep 1; done
  die "PostgreSQL does not answer on 127.0.0.1:5432"
}

pg_ready() {
  command -v psql >/dev/null 2>&1 \
    && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1
}

# Builds the deployables unless they are newer than every source file.
ensure_built() {
  local root=$1
  local war="$root/ear/target/switchboard.war"
  local sandbox="$root/tools/whatsapp-sandbox/target/whatsapp-sandbox.jar"
  if [ -f "$war" ] && [ -f "$sandbox" ] \
    && [ -z "$(find "$root" -path '*/src/*' -newer "$war" -not -path '*/target/*' -print -quit)" ] \
    && [ -z "$(find "$root" -name pom.xml -newer "$war" -not -path '*/target/*' -print -quit)" ]; then
    return 0
  fi
  say "building Switchboard (mvn install -DskipTests; the first build downloads dependencies)"
  (cd "$root" && mvn -B -q install -DskipTests) >&2
}
