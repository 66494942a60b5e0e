#!/usr/bin/env bash
# Load figures (issue 24): one app instance on a private PostgreSQL (scripts/postgres-lib.sh), the demo county with its
# caseload, and fixed-rate runs of each scenario at its goal rate and at twice that rate (bench/Minzheng.Load `rate`:
# open loop, latency from when each request was due). Loopback only; bounded by --seconds per run.
#   scripts/load.sh [--seconds 20]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=20
[[ "${1:-}" == "--seconds" ]] && seconds=$2
work=$(mktemp -d /tmp/minzheng-load.XXXXXX); chmod 755 "$work"
source scripts/postgres-lib.sh
stop() { kill "${app:-0}" 2>/dev/null || true; runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; }
trap stop EXIT
PG_EXTRA_OPTS="-c shared_buffers=1GB" start_postgres
dotnet build src/Minzheng -c Release -v quiet -nologo >/dev/null
dotnet build bench/Minzheng.Load -c Release -v quiet -nologo >/dev/null
port=57300
conn="${MINZHENG_TEST_POSTGRES/Database=postgres/Database=minzheng};Maximum Pool Size=100"
runuser -u postgres -- "$(pg_bin)/psql" -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$MINZHENG_TEST_POSTGRES")" -U postgres -qc "CREATE DATABASE minzheng"
ASPNETCORE_URLS=http://127.0.0.1:$port Database__Provider=Postgres ConnectionStrings__Postgres="$conn" Data__Path="$work/data" \
  Demo__Enabled=true Demo__Caseload=true Logging__LogLevel__Default=Warning Logging__LogLevel__Minzheng=Information Security__FailedLoginsPerMinutePerIp=100000 \
  dotnet src/Minzheng/bin/Release/net10.0/Minzheng.dll >"$work/app.log" 2>&1 &
app=$!
# Ready (migrated) comes before the demo caseload is seeded: measure only once the start-up has completed.
for _ in $(seq 1 960); do grep -q "Start-up completed" "$work/app.log" && break; sleep 0.5; done
echo "app ready on $port; $(nproc) cores; data: the demo county (about 10,000 households)"
run() { dotnet bench/Minzheng.Load/bin/Release/net10.0/Minzheng.Load.dll rate --url "http://127.0.0.1:$port" --scenario "$1" --rate "$2" --seconds "$seconds" || true; }
for s in "id-lookup 500" "id-lookup 1000" "case-list 50" "case-list 100" "household-search 50" "household-search 100" "dashboard 5" "dashboard 10" "login 5" "login 10"; do
  run $s
done
