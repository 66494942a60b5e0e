#!/usr/bin/env python3
"""A synthetic national 统计用区划代码 list of 31 provinces x 14 cities x 10 counties x 14 townships x 10 villages
(673,165 codes, about 23 MB) in the `code,name` format of `import-regions`, for the region scripts' measurements.
Usage: scripts/national-regions.py OUT.csv [comma-separated two-digit province codes]"""
import sys

DEFAULT = "11,12,13,14,15,21,22,23,31,32,33,34,35,36,37,41,42,43,44,45,46,50,51,52,53,54,61,62,63,64,65"
provinces = [int(p) for p in (sys.argv[2] if len(sys.argv) > 2 else DEFAULT).split(",")]
rows = ["code,name"]
for p in provinces:
    rows.append(f"{p:02d}0000000000,省{p}")
    for c in range(1, 15):
        rows.append(f"{p:02d}{c:02d}00000000,市{p}{c}")
        for k in range(1, 11):
            rows.append(f"{p:02d}{c:02d}{k:02d}000000,县{p}{c}{k}")
            for t in range(1, 15):
                rows.append(f"{p:02d}{c:02d}{k:02d}{100+t:03d}000,镇{p}{c}{k}{t}")
                rows.extend(f"{p:02d}{c:02d}{k:02d}{100+t:03d}{200+v:03d},村民委员会{p}{c}{k}{t}{v}" for v in range(1, 11))
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
