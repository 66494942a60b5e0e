#!/usr/bin/env bash
# Load figures (issue 24): one app instance on a private PostgreSQL (scripts/postgres-lib.sh), the demo county with its
# caseload, and fixed-rate runs of each scenario at its goal rate and at twice that rate (bench/Minzheng.Load `rate`:
# open loop, latency from when each request was due). Loopback only; bounded by --seconds per run.
#   scripts/load.sh [--seconds 20] ["scenario rate" ...]   (default: every scenario at its goal rate and twice that)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=20
if [[ "${1:-}" == "--seconds" ]]; then seconds=$2; shift 2; fi
runs=("$@")
[[ ${#runs[@]} -eq 0 ]] && runs=("id-lookup 500" "id-lookup 1000" "case-list 50" "case-list 100" "household-search 50" "household-search 100" "dashboard 5" "dashboard 10" "login 5" "login 10")
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
# The township case list is measured at the issue's scale: 10,000 cases in one township (荷山街道 has a few hundred in the
# demo). Its own cases are copied under new keys until there are 10,000 — rows written for the measurement only,
# straight into the table (no audit entries, no events); the list reads only the Cases table.
psql_app() { runuser -u postgres -- "$(pg_bin)/psql" -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$MINZHENG_TEST_POSTGRES")" -U postgres -d minzheng -qAtc "$1"; }
psql_app "CREATE TEMP TABLE township AS SELECT * FROM \"Cases\" WHERE \"RegionCode\" LIKE '360482100%';
  DO \$\$ BEGIN
    WHILE (SELECT count(*) FROM \"Cases\" WHERE \"RegionCode\" LIKE '360482100%') < 10000 LOOP
      UPDATE township SET \"Id\" = gen_random_uuid();
      INSERT INTO \"Cases\" SELECT * FROM township;
    END LOOP;
  END \$\$; ANALYZE \"Cases\";"
echo "app ready on $port; $(nproc) cores; data: the demo county (about 10,000 households)," \
  "$(psql_app "SELECT count(*) FROM \"Cases\" WHERE \"RegionCode\" LIKE '360482100%'") cases in township 360482100000"
run() { dotnet bench/Minzheng.Load/bin/Release/net10.0/Minzheng.Load.dll rate --url "http://127.0.0.1:$port" --scenario "$1" --rate "$2" --seconds "$seconds" || true; }
for s in "${runs[@]}"; do
  run $s
done
