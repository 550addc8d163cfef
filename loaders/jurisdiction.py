"""Places and the organs named after them: 上海市奉贤区人民政府头桥街道办事处 is the 办事处 of
头桥街道, in 奉贤区, in 上海市.

A Chinese organ's name is its jurisdiction written outside-in — province, city, district or
county, subdistrict or town, each optional, a 人民政府 allowed between two of them — then the
organ itself (人民政府, 发展和改革委员会, 街道工作委员会 …), with ``中共`` in front of a party
organ. The places come from the national gazetteer shipped as package data (every county
and town of China); a place it does not know (new, renamed, fictional) is still read by its
ending (…区, …街道) so its level is known, but carries no parents.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from pledgegraph.loaders.lexicon import alternation, data_text, table, words

__all__ = ["Place", "OrganName", "gazetteer", "parse_organ", "place_level", "place_endings", "places_named",
           "choose_place", "organ_role", "member_level", "places_within"]

_PLACE_MAX = 12
_PARTY = "中共"
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,12}")


@dataclass(frozen=True)
class Place:
    level: str  # province | city | district | county | subdistrict | town
    name: str
    district: str  # the county-level area it lies in ("" above that level)
    city: str
    province: str


@dataclass(frozen=True)
class OrganName:
    """An organ's name split into the places it is written after and the organ itself."""

    places: tuple[str, ...]  # as written, outermost first (上海市, 奉贤区, 头桥街道)
    organ: str  # what follows the places (人民政府, 街道办事处, 发展和改革委员会 …)
    party: bool  # written with 中共 in front
    known: bool  # every place was found in the gazetteer


@cache
def place_endings() -> tuple[tuple[str, str], ...]:
    """(ending, level) from data/place_levels.txt, longest ending first."""
    return tuple(sorted(((row[0], row[1]) for row in table("place_levels")), key=lambda row: -len(row[0])))


@cache
def _unknown_place() -> re.Pattern[str]:
    """A place the gazetteer does not know, read by its ending: 2–6 characters and a level word."""
    endings = [row[0] for row in table("place_levels") if row[2] == "yes"]
    return re.compile(rf"[\u4e00-\u9fff]{{2,6}}?{alternation(endings)}")


@cache
def _parent_endings() -> str:
    """The one-character endings of districts, counties, cities and provinces (区, 县, 市, 省)."""
    return "".join(e for e, level in place_endings() if len(e) == 1 and level in ("district", "county", "city", "province"))


@lru_cache(maxsize=65536)
def place_level(name: str) -> str:
    """The level a place name announces by its ending."""
    return next((level for ending, level in place_endings() if name.endswith(ending)), "city")


@cache
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Every place name of the shipped gazetteer → the places so named (towns and counties,
    and the cities and provinces above them)."""
    index: dict[str, list[Place]] = {}
    above: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO(data_text("gazetteer.csv"))):
        level = "subdistrict" if row["name"].endswith("街道") else "town" if row["level"] == "town" else None
        if level is None:
            level = place_level(row["name"]) if place_level(row["name"]) in ("district", "county") else "county"
            if row["name"].endswith("市"):
                level = "city"  # a county-level city
        index.setdefault(row["name"], []).append(
            Place(level, row["name"], row["district"], row["city"], row["province"]))
        for name, kind in ((row["city"], "city"), (row["province"], "province")):
            if name and name not in above:
                # A municipality (上海市) is both its province and its city: a city.
                above[name] = Place("city" if name == row["city"] else kind, name, "", row["city"] if
                                    kind == "city" else "", row["province"])
    for name, place in above.items():
        index.setdefault(name, []).append(place)
    return {name: tuple(places) for name, places in index.items()}


_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "subdistrict": 3, "town": 3}


def _place_at(name: str, at: int, below: int) -> tuple[str, bool] | None:
    """The longest place name starting at ``at`` whose level ranks below ``below``: (name,
    known to the gazetteer). A place the gazetteer does not know must name its level by its
    ending (…区, …街道)."""
    places = gazetteer()
    for size in range(min(_PLACE_MAX, len(name) - at), 1, -1):
        candidate = name[at:at + size]
        if candidate in places and _RANK[place_level(candidate)] > below:
            return candidate, True
    found = _unknown_place().match(name, at)
    if (found and not _looks_like_organ(found.group()) and _RANK[place_level(found.group())] > below):
        return found.group(), False
    return None


def _looks_like_organ(text: str) -> bool:
    """社区, 园区, 市区: words ending like a place that name no jurisdiction."""
    return text[-2:] in words("not_places") and len(text) <= 3


@lru_cache(maxsize=65536)
def parse_organ(name: str) -> OrganName:
    """Split ``name`` into its places and its organ (see the module docstring). Cached: a
    load keys the same few thousand names in document after document."""
    party = name.startswith(_PARTY)
    at = len(_PARTY) if party else 0
    places: list[str] = []
    known, below = True, -1
    while at < len(name):
        between = next((w for w in words("between_places") if name.startswith(w, at)), None)
        if between and places and _place_at(name, at + len(between), below):
            at += len(between)
            continue
        found = _place_at(name, at, below)
        if found is None:
            break
        places.append(found[0])
        known, below = known and found[1], _RANK[place_level(found[0])]
        at += len(found[0])
    return OrganName(tuple(places), name[at:], party, known and bool(places))


@cache
def _roles() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table("organ_roles"), key=lambda row: -len(row[0])))


def organ_role(organ: str, party: bool = False) -> str:
    """What an organ is, by how its name ends (data/organ_roles.txt): government | party |
    coordinating | department."""
    for ending, role in _roles():
        if organ.endswith(ending) or organ == ending:
            # 中共X镇委员会 is the town's party committee, not a department.
            return "party" if party and role == "department" else role
    return "party" if party else "department"


def places_named(text: str) -> Counter[str]:
    """How often each gazetteer place name occurs in ``text`` (longest match at each end)."""
    places = gazetteer()
    counts: Counter[str] = Counter()
    for run in _CJK_RUN.finditer(text):
        chunk = run.group()
        end = len(chunk)
        while end >= 2:
            found = next((chunk[end - size:end] for size in range(min(end, 9), 1, -1)
                          if chunk[end - size:end] in places), None)
            if found:
                counts[found] += 1
                end -= len(found)
            else:
                end -= 1
    return counts


def choose_place(name: str, written: tuple[str, ...], text: str) -> tuple[Place | None, bool]:
    """The place called ``name``: first those whose parents are ``written`` before it in the
    organ's name, then the one whose parents the text mentions most; ``True`` when the text
    leaves two equally supported (ambiguous)."""
    candidates = gazetteer().get(name, ())
    for parent in written:
        narrowed = tuple(p for p in candidates if parent in (p.district, p.city, p.province))
        if not narrowed:
            # The name written under parents none of its namesakes has: a place the gazetteer
            # does not hold there (new or renamed), not the namesake elsewhere.
            return None, False
        candidates = narrowed
    if not candidates:
        return None, False
    if len(candidates) == 1:
        return candidates[0], False

    def support(place: Place) -> int:
        score = 0
        for parent in (place.district, place.city, place.province):
            if parent:
                stem = parent.rstrip(_parent_endings()) or parent
                score += text.count(parent) * 2 + (text.count(stem) if len(stem) >= 2 else 0)
        return score

    ranked = sorted(candidates, key=support, reverse=True)
    return ranked[0], support(ranked[0]) == support(ranked[1])


def member_level(place: Place) -> str | None:
    """The level of ``place`` as a member of a collective (各街镇, 各区政府): as it is written
    (subdistrict, town — 农场 and 工业区 rows are neither), district, county, city, or
    ``county_city`` for a county-level city (a 市 that lies in another city)."""
    if place.level in ("subdistrict", "town"):
        level = place_level(place.name)
        return level if level in ("subdistrict", "town") else None
    if place.level == "city" and place.district:
        return "county_city"
    return place.level


_MEMBER_RANK = {**_RANK, "county_city": 2}


@cache
def _by_parent() -> dict[str, tuple[Place, ...]]:
    """Every place under the name of each place above it (its district, city, province)."""
    index: dict[str, dict[Place, None]] = {}
    for places in gazetteer().values():
        for place in places:
            for parent in {place.district, place.city, place.province} - {"", place.name}:
                index.setdefault(parent, {})[place] = None
    return {parent: tuple(places) for parent, places in index.items()}


def places_within(parent: Place, levels: tuple[str, ...]) -> tuple[Place, ...]:
    """The gazetteer's places of ``levels`` (see :func:`member_level`) that lie inside
    ``parent`` and rank below it, by name: the subdistricts and towns of a district, the
    districts of a city."""
    rank = _MEMBER_RANK[member_level(parent) or parent.level]
    found = [place for place in _by_parent().get(parent.name, ())
             if (level := member_level(place)) in levels and _MEMBER_RANK[level] > rank
             and parent.city in ("", place.city) and parent.province in ("", place.province)]
    return tuple(sorted(found, key=lambda place: place.name))
