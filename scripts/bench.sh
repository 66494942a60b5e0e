#!/usr/bin/env bash
# Runs a benchmark of docs/performance.md against a private PostgreSQL with a production-like memory configuration
# (shared_buffers 2 GB on this 24 GiB machine; durability settings as in the tests). Arguments go to the bench, e.g.
#   scripts/bench.sh --bench payroll --rows 1000000 --providers postgres
#   scripts/bench.sh --bench roster --rows 100000
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# shellcheck source=scripts/postgres-lib.sh
source "$root/scripts/postgres-lib.sh"
if [ -z "$(pg_bin)" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

work=$(mktemp -d /tmp/minzheng-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${PGDATA_DIR:-}" ] && runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
PG_EXTRA_OPTS="-c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=4GB" start_postgres
dotnet run -c Release --project bench/Minzheng.Bench -- "$@"
