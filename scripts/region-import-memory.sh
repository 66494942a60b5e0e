#!/usr/bin/env bash
# Peak memory and time of `import-regions` on a national-size list (issue 30): a synthetic 统计用区划代码 file of
# 31 provinces × 14 cities × 10 counties × 14 townships × 10 villages (673,165 codes, 23 MB) into an empty SQLite data
# folder. Usage: scripts/region-import-memory.sh   (needs a Release build and /usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/national.csv" <<'PY'
import sys
rows = ["code,name"]
for p in [11,12,13,14,15,21,22,23,31,32,33,34,35,36,37,41,42,43,44,45,46,50,51,52,53,54,61,62,63,64,65]:
    rows.append(f"{p:02d}0000000000,省{p}")
    for c in range(1, 15):
        rows.append(f"{p:02d}{c:02d}00000000,市{p}{c}")
        for k in range(1, 11):
            rows.append(f"{p:02d}{c:02d}{k:02d}000000,县{p}{c}{k}")
            for t in range(1, 15):
                rows.append(f"{p:02d}{c:02d}{k:02d}{100+t:03d}000,镇{p}{c}{k}{t}")
                rows.extend(f"{p:02d}{c:02d}{k:02d}{100+t:03d}{200+v:03d},村民委员会{p}{c}{k}{t}{v}" for v in range(1, 11))
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
Logging__LogLevel__Default=Warning /usr/bin/time -v dotnet src/Minzheng/bin/Release/net10.0/Minzheng.dll import-regions "$work/national.csv" \
    --data "$work/data" --Demo:Enabled false 2>&1 | grep -E "导入|Maximum resident|Elapsed"
