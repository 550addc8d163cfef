#!/usr/bin/env python3
"""Derive loaders/data/gazetteer.csv from the shared administrative-division CSVs.

One row per county-level area and per town/subdistrict, with the names of its parents, so
the issuer resolver can answer "浦锦街道 → 闵行区 → 上海市" with one dictionary lookup.
Source: ../shared/gazetteer (modood/Administrative-divisions-of-China, WTFPL).

    python3 scripts/build_gazetteer.py ../shared/gazetteer loaders/data/gazetteer.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build(source: Path, target: Path) -> int:
    provinces = {r["code"]: r["name"] for r in _rows(source / "provinces.csv")}
    cities = {}
    for r in _rows(source / "cities.csv"):
        # Municipalities list their city as 市辖区/县; the province itself is the city.
        name = r["name"]
        cities[r["code"]] = provinces[r["provinceCode"]] if name in {"市辖区", "县"} else name
    areas = {r["code"]: r for r in _rows(source / "areas.csv")}
    out = []
    # The source has a few rows named only by a generic word (街道, 办事处); they would match
    # every subdistrict, so they are dropped.
    generic = {"街道", "镇", "乡", "办事处", "街道办事处", "市辖区", "县"}
    for code, area in areas.items():
        out.append(("area", area["name"], area["name"], cities.get(area["cityCode"], ""),
                    provinces[area["provinceCode"]], code))
    for street in _rows(source / "streets.csv"):
        if street["name"] in generic:
            continue
        area = areas.get(street["areaCode"])
        out.append(("town", street["name"], area["name"] if area else "",
                    cities.get(street["cityCode"], ""), provinces[street["provinceCode"]], street["code"]))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("level", "name", "district", "city", "province", "code"))
        writer.writerows(out)
    return len(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(build(Path(sys.argv[1]), Path(sys.argv[2])), "rows")
