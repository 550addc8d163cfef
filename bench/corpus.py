#!/usr/bin/env python3
"""A deterministic benchmark corpus: N plans recombined from sections of real plans.

    uv run python bench/corpus.py N OUT_DIR [--seed 0] [--pool ../shared/corpus]

Every top-level section (一、二、…) of the shared seeds and the bundled samples goes into one
pool; each generated plan gets a real issuer from the gazetteer (a Shanghai 街道/镇, or a
district), a title of the usual shape, and 3–6 sections from the pool, renumbered in order.
``--pool DIR`` adds the sections of DIR's plans (e.g. ../shared/corpus, real plans of many
genres) to the pool. The same ``(n, seed, pool)`` always writes byte-identical files, so
timings compare across runs.
Not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from functools import cache
from pathlib import Path

from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.segment import segment

__all__ = ["generate", "section_pool", "issuers"]

REPO = Path(__file__).resolve().parents[1]
SOURCES = (REPO.parent / "shared" / "seeds", REPO / "samples")
GAZETTEER = REPO / "loaders" / "data" / "gazetteer.csv"
CITY = "上海市"  # the seeds are Shanghai plans, so Shanghai issuers keep the corpus plausible
_DIGITS = "一二三四五六七八九十"
# The leading top-level marker of a section, replaced when the section is renumbered.
_TOP_MARKER = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、,，.．]\s*")


def _sources(extra: tuple[Path, ...] = ()) -> list[Path]:
    return [p for folder in (*SOURCES, *extra) for p in sorted(folder.glob("*.txt"))]


def _sections(original: str) -> list[str]:
    """The top-level 一、-style sections of one plan, as original text without their number."""
    norm = normalize(original)
    root = segment(norm.text)
    out = []
    for child in root.children:
        if child.style != "cn_dun":
            continue
        start, end = norm.to_original(child.start, child.end)
        body = _TOP_MARKER.sub("", original[start:end].strip(), count=1)
        if len(body) >= 40:  # an empty heading (a stray "四、") is no section worth reusing
            out.append(body)
    return out


@cache
def section_pool(extra: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """Every reusable top-level section of every source plan (and of the plans in ``extra``
    folders), in a stable order."""
    return tuple(s for path in _sources(extra) for s in _sections(path.read_text(encoding="utf-8-sig")))


@cache
def issuers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Shanghai towns/subdistricts, Shanghai districts), in gazetteer order."""
    towns, districts = [], []
    with GAZETTEER.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["city"] != CITY:
                continue
            if row["level"] == "town" and row["name"].endswith(("街道", "镇")):
                towns.append(row["name"])
            elif row["level"] == "area" and row["name"].endswith("区"):
                districts.append(row["name"])
    return tuple(towns), tuple(districts)


def _numeral(n: int) -> str:
    if n <= 10:
        return _DIGITS[n - 1]
    return ("" if n < 20 else _DIGITS[n // 10 - 1]) + "十" + (_DIGITS[n % 10 - 1] if n % 10 else "")


def _plan(rng: random.Random, pool: tuple[str, ...]) -> tuple[str, str]:
    """(issuer, text) of one generated plan."""
    towns, districts = issuers()
    if rng.random() < 0.75:
        issuer = rng.choice(towns)
        title = f"{issuer}2024年工作计划"
        opening = f"2024年，{issuer}将坚持以人民为中心的发展思想，重点做好以下工作。"
    else:
        issuer = rng.choice(districts)
        title = f"{issuer}2024年区政府重点工作安排"
        opening = f"为全面完成2024年各项目标任务，现将{issuer}2024年重点工作安排如下。"
    chosen = rng.sample(pool, rng.randint(3, min(6, len(pool))))
    body = "\n".join(f"{_numeral(i)}、{section}" for i, section in enumerate(chosen, 1))
    return issuer, f"{title}\n\n{opening}\n{body}\n"


def generate(n: int, out_dir: Path, seed: int = 0, pool_dirs: tuple[Path, ...] = ()) -> list[Path]:
    """Write ``n`` plans to ``out_dir`` as ``{i:05d}_{issuer}.txt``; the same call, the same bytes.
    ``pool_dirs``: more folders of plans whose sections join the pool."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = section_pool(tuple(Path(d).resolve() for d in pool_dirs))
    paths = []
    for i in range(n):
        issuer, text = _plan(rng, pool)
        path = out_dir / f"{i:05d}_{issuer}.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pool", type=Path, action="append", default=[],
                        help="a folder of plans whose sections join the pool (repeatable)")
    args = parser.parse_args()
    extra = tuple(p.resolve() for p in args.pool)
    paths = generate(args.n, args.out_dir, args.seed, extra)
    print(f"{len(paths)} plans in {args.out_dir} ({len(section_pool(extra))} sections in the pool)")


if __name__ == "__main__":
    main()
