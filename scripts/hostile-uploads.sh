#!/usr/bin/env bash
# Security item 4, measured on a real process (not a CI test): starts the built app on SQLite with the demo data,
# fires five concurrent hostile uploads of each kind at the roster import, and reports the app's peak resident memory
# (VmHWM) against a stated limit. Build first: dotnet build Minzheng.slnx -c Release
#   scripts/hostile-uploads.sh            # limit 1024 MB peak RSS
#   LIMIT_MB=768 scripts/hostile-uploads.sh
set -euo pipefail
cd "$(dirname "$0")/.."
limit_mb=${LIMIT_MB:-1024}
dll=src/Minzheng/bin/Release/net10.0/Minzheng.dll
[ -f "$dll" ] || { echo "build first: dotnet build Minzheng.slnx -c Release"; exit 2; }
work=$(mktemp -d /tmp/minzheng-hostile.XXXXXX)
port=$(( 56000 + RANDOM % 1000 ))
app_pid=
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The files, streamed into the zip so building them costs little: one 450-million-character shared string (the
# 460 KB file of the report), one 400-million-character inline cell, one 1 GB entry, and a CSV of 200,000 rows that
# each have one value and eleven errors.
python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
rels = "http://schemas.openxmlformats.org/package/2006/relationships"
def package(path, sheet_head, repeat, sheet_tail, shared=None, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{rels}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        def stream(name, head, n, tail):
            with z.open(name, "w") as f:
                f.write(head.encode()); block = b"A" * (1 << 20)
                while n > 0:
                    f.write(block[:min(n, len(block))]); n -= len(block)
                f.write(tail.encode())
        stream("xl/worksheets/sheet1.xml", sheet_head, repeat, sheet_tail)
        if shared: stream("xl/sharedStrings.xml", *shared)
        if extra: stream(extra[0], "", extra[1], "")
sheet = f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>'
package(f"{work}/shared.xlsx", sheet, 0, "", shared=(f'<sst xmlns="{main}"><si><t>h</t></si><si><t>', 450_000_000, "</t></si></sst>"))
package(f"{work}/inline.xlsx", f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>', 400_000_000, "</t></is></c></row></sheetData></worksheet>")
package(f"{work}/zipbomb.xlsx", sheet, 0, "", extra=("docProps/padding.bin", 1 << 30))
header = "区划代码,保障类别,户主姓名,户主身份证号,家庭人口,保障人数,月保障金额,起始年月,开户银行,银行账号,联系电话,家庭住址"
with open(f"{work}/blank.csv", "w", encoding="utf-8") as f:
    f.write(header + "\n" + ("360482100201" + "," * 11 + "\n") * 200_000)
PY
ls -l "$work"/*.xlsx "$work"/*.csv | awk '{printf "  %-40s %8d KB\n", $NF, $5/1024}'

DOTNET_gcServer=0 dotnet "$dll" --data "$work/data" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"county","password":"Demo@2026!"}' \
  "http://127.0.0.1:$port/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
rss() { awk -v k="$1" '$1 == k":" {print int($2/1024)}' "/proc/$app_pid/status"; }
echo "app started: RSS $(rss VmRSS) MB (peak so far $(rss VmHWM) MB), limit $limit_mb MB"

status=0
for file in shared.xlsx inline.xlsx zipbomb.xlsx blank.csv; do
  for i in 1 2 3 4 5; do
    curl -sS -o "$work/answer-$i" -w '%{http_code}' -H "Authorization: Bearer $token" -F "file=@$work/$file" \
      "http://127.0.0.1:$port/api/v1/imports?kind=assistance-roster" >"$work/code-$i" &
  done
  wait $(jobs -p | grep -v "^$app_pid$") 2>/dev/null || true
  codes=$(for f in "$work"/code-*; do printf "%s " "$(cat "$f")"; done)
  detail=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("detail","")[:60])' "$work/answer-1" 2>/dev/null || echo "(no JSON body)")
  printf '  %-13s answers: %s peak RSS %5d MB — %s\n' "$file" "$codes" "$(rss VmHWM)" "$detail"
  for c in $codes; do [ "$c" = 400 ] || status=1; done
done

peak=$(rss VmHWM)
if [ "$peak" -le "$limit_mb" ]; then echo "PASS: peak RSS $peak MB ≤ $limit_mb MB"; else echo "FAIL: peak RSS $peak MB > $limit_mb MB"; status=1; fi
exit $status
