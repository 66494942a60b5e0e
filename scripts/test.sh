#!/usr/bin/env bash
# Runs every test of Minzheng on this machine and ends with one line "N passed, N failed, N skipped".
# Installs what is missing (PostgreSQL server, Chromium, CJK fonts), starts a private PostgreSQL as the postgres
# user on a free port in a temporary folder, checks formatting, builds with warnings as errors, runs all tests.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }
# shellcheck source=scripts/postgres-lib.sh
source "$root/scripts/postgres-lib.sh"

install_missing() {
  local wanted=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || wanted+=(postgresql)
  [ -x /usr/bin/chromium ] || wanted+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || wanted+=(fonts-noto-cjk)
  command -v sqlite3 >/dev/null || wanted+=(sqlite3)
  if [ ${#wanted[@]} -gt 0 ]; then
    log "installing ${wanted[*]}"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${wanted[@]}" >/dev/null
  fi
}

work=$(mktemp -d /tmp/minzheng-test.XXXXXX)
chmod 755 "$work"
cleanup() {
  if [ -n "${PGDATA_DIR:-}" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

status=0
install_missing || { echo "could not install the test dependencies"; status=1; }
log "starting PostgreSQL"
start_postgres || { echo "PostgreSQL did not start: its tests will fail"; status=1; }
export MINZHENG_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log "restore and build (warnings are errors)"
if ! dotnet build Minzheng.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "dotnet format --verify-no-changes"
format_failed=0
dotnet format Minzheng.slnx --verify-no-changes --no-restore -v quiet || { echo "formatting differs: run 'dotnet format Minzheng.slnx'"; format_failed=1; }

log "tests"
results="$work/results"
# One project after the other: run side by side on two cores, the unit tests starve the browser journeys of CPU and a
# journey's 60-second waits run out.
test_exit=0
# inotify instances in use on the machine, sampled while the tests run: Debian allows 128 per user by default, and
# test hosts must leave room for other processes (they do not watch configuration files).
inotify_peak_file="$work/inotify-peak"
echo 0 > "$inotify_peak_file"
( peak=0; while sleep 2; do
    n=$(find /proc/[0-9]*/fd -lname 'anon_inode:inotify' 2>/dev/null | wc -l)
    [ "$n" -gt "$peak" ] && peak=$n && echo "$peak" > "$inotify_peak_file"
  done ) &
sampler=$!
# Errors the application logs go to a file; what was logged while a failed test ran is printed below.
export MINZHENG_TEST_SERVER_ERRORS="$work/server-errors.log"
for project in tests/Minzheng.Tests tests/Minzheng.BrowserTests; do
  dotnet test "$project" -c Release --no-build --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || test_exit=$?
done
kill "$sampler" 2>/dev/null
echo "inotify instances in use at peak: $(cat "$inotify_peak_file") (limit per user: $(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo '?'))"

# For each failed test: the application's errors logged between its start and end (entries begin "@@ <UTC time>").
print_server_errors() {
  [ -s "$MINZHENG_TEST_SERVER_ERRORS" ] || return 0
  grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$results"/*.trx 2>/dev/null | while read -r result; do
    attribute() { echo "$result" | grep -o " $1=\"[^\"]*\"" | cut -d'"' -f2; }
    from=$(date -u -d "$(attribute startTime)" +%Y-%m-%dT%H:%M:%S.%3N) || continue
    to=$(date -u -d "$(attribute endTime)" +%Y-%m-%dT%H:%M:%S.%3N) || continue
    echo "--- errors the application logged while $(attribute testName) ran ($from to $to UTC):"
    awk -v from="$from" -v to="$to" '/^@@ / { t = substr($2, 1, 23); show = (t >= from && t <= to) } show' \
      "$MINZHENG_TEST_SERVER_ERRORS" | head -n 80
  done
}

passed=0; failed=0; total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$((total + $(get total)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
done
skipped=$((total - passed - failed))
failed=$((failed + format_failed))
# Under CI nothing may be skipped: a PostgreSQL or browser test that could not run counts as failed.
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI: $skipped skipped tests count as failures"
  failed=$((failed + skipped))
fi
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ "$failed" -eq 0 ] || { status=1; print_server_errors; }
[ "$total" -gt 0 ] || status=1
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
