#!/usr/bin/env bash
# Peak memory and time of `import-regions` on a national-size list (issue 30): a synthetic 统计用区划代码 file of
# 31 provinces × 14 cities × 10 counties × 14 townships × 10 villages (673,165 codes, 23 MB) into an empty SQLite data
# folder. Usage: scripts/region-import-memory.sh   (needs a Release build and /usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/national-regions.py "$work/national.csv"
Logging__LogLevel__Default=Warning /usr/bin/time -v dotnet src/Minzheng/bin/Release/net10.0/Minzheng.dll import-regions "$work/national.csv" \
    --data "$work/data" --Demo:Enabled false 2>&1 | grep -E "导入|Maximum resident|Elapsed"
