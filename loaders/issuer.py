"""Who issued a plan, for which year, and what kind of document it is.

The issuer is read from the title line ("X街道2023年工作计划", "2023年X镇街道规划计划") or the
signature line of an issuing notice ("上海市X区人民政府"), and only when neither exists from the
place name the text repeats most. It is then placed in the administrative hierarchy with the
gazetteer shipped as package data; a name that exists in several provinces is settled by
which parent names the text itself mentions, and flagged ``ambiguous`` when the text does not
settle it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.lexicon import data_text
from pledgegraph.loaders.outline import match_marker
from pledgegraph.loaders.record import Issuer

__all__ = ["find_title", "resolve_issuer", "plan_year", "doc_type", "Place", "places_named"]

# Words that end a plan's title, mapped to the schema's document types (longest first wins).
_DOC_TYPES = (
    ("政府工作报告", "gov_report"),
    ("上半年工作总结", "midyear_report"),
    ("半年工作总结", "midyear_report"),
    ("年中工作总结", "midyear_report"),
    ("工作总结", "midyear_report"),
    ("重点工作安排", "key_tasks"),
    ("重点工作任务", "key_tasks"),
    ("重点工作", "key_tasks"),
    ("工作要点", "work_plan"),
    ("行动计划", "action_plan"),
    ("行动方案", "action_plan"),
    ("实施方案", "action_plan"),
    ("工作方案", "action_plan"),
    ("三年计划", "action_plan"),
    ("工作计划", "work_plan"),
    ("工作安排", "work_plan"),
    ("规划计划", "work_plan"),
    ("计划", "work_plan"),
)
_TITLE_WORDS = "|".join(re.escape(w) for w, _ in _DOC_TYPES)
_TITLE = re.compile(rf"^[^。,，;；:：]{{0,40}}?(?:{_TITLE_WORDS})[^。,，;；]{{0,12}}$")
_YEAR = re.compile(r"(20\d\d)\s*年")
# A signature line: just an organisation's name, as under an issuing notice.
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:人民政府|政府办公室|街道办事处|办事处)$")
_GOV_SUFFIX = re.compile(r"(?:人民政府|政府|街道办事处|办事处)$")
_PLACE_SUFFIXES = ("街道", "镇", "乡", "区", "县", "市")
_PLACE_RUN = re.compile(r"[\u4e00-\u9fff]{2,12}")


@dataclass(frozen=True)
class Place:
    level: str  # area | town
    name: str
    district: str
    city: str
    province: str


@cache
def _gazetteer() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for row in csv.DictReader(io.StringIO(data_text("gazetteer.csv"))):
        place = Place(row["level"], row["name"], row["district"], row["city"], row["province"])
        index.setdefault(place.name, []).append(place)
    return {name: tuple(places) for name, places in index.items()}


def find_title(text: str, lines_to_scan: int = 12) -> tuple[str, int] | None:
    """The plan's title line and its offset: a short line ending in a document-type word."""
    offset = 0
    for count, line in enumerate(text.split("\n")):
        if count >= lines_to_scan:
            break
        stripped = line.strip()
        if (stripped and _TITLE.match(stripped) and not stripped.startswith(("现将", "根据", "按照"))
                and match_marker(stripped) is None):  # "一、上半年工作总结" is a section, not a title
            return stripped.strip("《》"), offset + line.index(stripped[0])
        offset += len(line) + 1
    return None


def doc_type(text: str, title: str | None) -> str:
    """The schema's document type, from the title or failing that from the opening lines."""
    probe = title or text[:200]
    for word, kind in _DOC_TYPES:
        if word in probe:
            return kind
    if "上半年" in text[:300] and "总结" in text[:300]:
        return "midyear_report"
    return "work_plan"


def plan_year(text: str, title: str | None) -> int | None:
    """The year the plan is for: the title's year, else the commonest year in the text."""
    if title and (match := _YEAR.search(title)):
        return int(match.group(1))
    # Past years appear as comparisons ("2022年项目…"); the plan's own year is the commonest,
    # and of equally common years the latest.
    years = Counter(int(y) for y in _YEAR.findall(text))
    return max(years, key=lambda year: (years[year], year)) if years else None


def places_named(text: str) -> Counter[str]:
    """How often each gazetteer place name occurs in ``text`` (longest match at each end)."""
    gazetteer = _gazetteer()
    counts: Counter[str] = Counter()
    for run in _PLACE_RUN.finditer(text):
        chunk = run.group()
        end = len(chunk)
        while end >= 2:
            found = None
            for size in range(min(end, 9), 1, -1):
                candidate = chunk[end - size:end]
                if candidate in gazetteer:
                    found = candidate
                    break
            if found:
                counts[found] += 1
                end -= len(found)
            else:
                end -= 1
    return counts


def _issuer_name(text: str, title: str | None) -> str | None:
    """The issuing body's name as written: signature line, title, else commonest place."""
    head = text[:600].split("\n")
    for line in head:
        if _SIGNATURE.match(line.strip()):
            return line.strip()
    if title:
        name = _YEAR.split(title)[0].strip() or _name_after_year(title)
        if name and len(name) >= 2:
            return name
    counts = places_named(text)
    towns = [(n, c) for n, c in counts.most_common() if n.endswith(("街道", "镇", "乡"))]
    if towns:
        return towns[0][0]
    return counts.most_common(1)[0][0] if counts else None


def _name_after_year(title: str) -> str:
    rest = _YEAR.sub("", title, count=1)
    for word, _ in _DOC_TYPES:
        if word in rest:
            return rest.split(word)[0].strip()
    return ""


def _place_part(name: str) -> str:
    """'上海市静安区人民政府' → '静安区'; '五角场街道办事处' → '五角场街道'.

    Only a prefix that is itself a place name (a city or district written before the
    subdistrict) is stripped, so an unknown name is never shortened into a known one.
    """
    core = name[: -len("办事处")] if name.endswith("街道办事处") else _GOV_SUFFIX.sub("", name)
    gazetteer = _gazetteer()
    for split in range(len(core) - 1):
        prefix, rest = core[:split], core[split:]
        if rest in gazetteer and (not prefix or _is_place_prefix(prefix)):
            return rest
    return core


def _is_place_prefix(prefix: str) -> bool:
    """True for '上海市', '上海市闵行区', '闵行区': names of provinces, cities or districts."""
    gazetteer = _gazetteer()
    while prefix:
        for size in range(min(len(prefix), 12), 1, -1):
            head = prefix[:size]
            if head in gazetteer or head in _parent_names():
                prefix = prefix[size:]
                break
        else:
            return False
    return True


@cache
def _parent_names() -> frozenset[str]:
    names = set()
    for places in _gazetteer().values():
        for place in places:
            names.update((place.city, place.province))
    return frozenset(n for n in names if n)


def _choose(places: tuple[Place, ...], text: str) -> tuple[Place, bool]:
    """Pick the place whose parents the text mentions most; flag a tie as ambiguous."""
    if len(places) == 1:
        return places[0], False

    def support(place: Place) -> int:
        score = 0
        for parent in (place.district, place.city, place.province):
            if parent:
                stem = parent.rstrip("省市区县") or parent
                score += text.count(parent) * 2 + (text.count(stem) if len(stem) >= 2 else 0)
        return score

    ranked = sorted(places, key=support, reverse=True)
    return ranked[0], support(ranked[0]) == support(ranked[1])


def _level(name: str, place: Place | None) -> str:
    if re.search(r"(局|委员会|委|办公室)$", name) and not name.endswith(("街道办事处", "政府办公室")):
        return "department"
    if place is not None and place.level == "area":
        return "district"
    core = _place_part(name)
    if core.endswith("街道"):
        return "subdistrict"
    if core.endswith(("镇", "乡")):
        return "town"
    return "district" if core.endswith(("区", "县", "市")) else "subdistrict"


def _issuer_from_text(name: str, text: str) -> Issuer:
    """A place the gazetteer does not know (new, renamed): its parents as the text writes them."""
    level = _level(name, None)
    core = _place_part(name)
    district = city = None
    if level == "district" and core.endswith(("区", "县")):
        district = core
    else:
        written = re.search(rf"([\u4e00-\u9fff]{{2,4}}?[区县]){re.escape(core)}", text)
        district = written.group(1) if written else None
    if district:
        found = re.search(rf"([\u4e00-\u9fff]{{2,3}}?市){re.escape(district)}", text)
        city = found.group(1) if found else None
    return Issuer(name=name, level=level, district=district, city=city)


def resolve_issuer(text: str, title: str | None) -> Issuer:
    """The issuer with its level and parent district, city and province where known."""
    name = _issuer_name(text, title) or "未知发文机关"
    if name.startswith("上海市") or re.match(r"^[\u4e00-\u9fff]{2,3}[省市](?=.{2,}[区县镇街])", name):
        # The schema writes the issuer without its province/city prefix ("静安区人民政府").
        name = re.sub(r"^[\u4e00-\u9fff]{2,3}?[省市]", "", name, count=1)
    written_district = None
    if not _gazetteer().get(_place_part(name)):
        # "X区Y街道" where the gazetteer knows neither: the district prefix is not the issuer's name.
        split = re.match(r"^([\u4e00-\u9fff]{2,4}?[区县])([\u4e00-\u9fff]{2,8}(?:街道|镇|乡)(?:办事处|人民政府|政府)?)$", name)
        if split:
            written_district, name = split.groups()
    places = _gazetteer().get(_place_part(name), ())
    if not places:
        found = _issuer_from_text(name, text)
        if written_district and not found.district:
            return Issuer(found.name, found.level, written_district, found.city)
        return found
    place, ambiguous = _choose(places, text)
    district = place.district or None
    return Issuer(name=name, level=_level(name, place), district=district, city=place.city or None,
                  province=place.province or None, ambiguous=ambiguous)
