#!/usr/bin/env bash
# Command 2: runs the whole test suite — fast unit tests and the integration tests against real
# PostgreSQL, Request Tracker 5, Prism (WhatsApp Cloud API contract), Payara Micro, Payara Server and
# headless Chromium (the admin pages).
# Installs what it needs first (idempotent; root for apt-get). Extra arguments go to Maven.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=prerequisites.sh
. "$ROOT/scripts/prerequisites.sh"

start=$(date +%s)
ensure_java_and_maven
ensure_node
ensure_chromium
ensure_postgres
say "provisioning Request Tracker 5 (first time: ~1 minute of apt-get)"
bash "$ROOT/tools/request-tracker/setup-rt.sh" install

cd "$ROOT"
say "running: mvn -B clean install (unit tests, then integration tests)"
status=0
mvn -B clean install "$@" || status=$?
say "test suite finished in $(( $(date +%s) - start )) s with exit code $status"
exit $status
