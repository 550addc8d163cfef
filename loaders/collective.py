"""Collective owners — 各街镇, 各区政府, 相关部门, 各有关单位 — and the places that are their members.

District and city plans give much of their work to a class of bodies rather than to one: "各街镇
负责…", "（责任单位：区房管局、各街道）". Such a collective is one body of the issuer's
jurisdiction (the 各街镇 of one district are not those of another). When its head word means
every one of them (各, 全体: ``collective_heads.txt``) and what follows names a level of place
(街镇, 区政府: ``collective_members.txt``), the gazetteer knows who its members are: the places
of that level inside the issuer's jurisdiction. "相关街镇" means only those concerned, and
"各有关单位" names no level of place, so neither has members we could name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.jurisdiction import Place, gazetteer, parse_organ, place_level, places_within
from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.record import Issuer

__all__ = ["COLLECTIVE_KIND", "Collective", "Member", "admits", "collective", "collective_heads", "collective_key",
           "collective_place", "members"]

# The graph's body kind of a collective (beside the extraction schema's kinds, loaders/record.py).
COLLECTIVE_KIND = "collective"
_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")
_MAX_NAME = 16


@dataclass(frozen=True)
class Collective:
    """A collective owner's name read: its head words, what follows them, whether it means all."""

    name: str
    heads: tuple[str, ...]  # 各, 相关 … as written, outermost first
    noun: str  # what the heads qualify, brackets dropped: 街镇, 区政府, 单位
    whole: bool  # every body of that kind (各, 全体), not only those concerned (相关, 有关)


@dataclass(frozen=True)
class Member:
    """One member of a collective: the place and the name its government goes by."""

    place: Place
    name: str


@cache
def _heads() -> tuple[tuple[str, bool], ...]:
    return tuple(sorted(((head, scope == "all") for head, scope in table("collective_heads")),
                        key=lambda row: -len(row[0])))


@cache
def collective_heads() -> tuple[str, ...]:
    """The head words of a collective (各, 相关 …), longest first (cached: every name checked
    asks for them)."""
    return tuple(head for head, _ in _heads())


@cache
def _member_table() -> dict[str, tuple[tuple[str, ...], str]]:
    return {noun: (tuple(level.strip() for level in levels.split(",")), pattern)
            for noun, levels, pattern in table("collective_members")}


def collective(name: str) -> Collective | None:
    """``name`` read as a collective owner, or None when it names one body. The name is taken
    as the body registry leaves it (人民政府 → 政府, 街道办事处 → 街道)."""
    if len(name) > _MAX_NAME:
        return None
    heads: list[str] = []
    whole, rest = True, name
    while found := next(((head, all_) for head, all_ in _heads() if rest.startswith(head)), None):
        heads.append(found[0])
        whole = whole and found[1]
        rest = rest[len(found[0]):]
    noun = _member_noun(_BRACKETED.sub("", rest).strip())
    if not heads or not noun:
        return None
    return Collective(name, tuple(heads), noun, whole)


def _member_noun(noun: str) -> str:
    """The noun in the spelling of data/collective_members.txt: a government's organ word
    written after it folded (各区人民政府 → 区政府, 各街道办事处 → 街道), else as written."""
    if noun in _member_table():
        return noun
    for organ in sorted(words("government_organs"), key=len, reverse=True):
        stem = noun.removesuffix(organ)
        if stem != noun:
            for candidate in (stem + _government(), stem):
                if candidate in _member_table():
                    return candidate
    return noun


@cache
def _government() -> str:
    """The organ a place's government is folded to (data/body_organ_folds.txt: the organ of a
    place named alone, as 人民政府 and 办事处 are)."""
    return next(row[1] for row in table("body_organ_folds") if not row[0])


def collective_key(found: Collective) -> str:
    """One spelling for a collective's identity: its heads and its folded noun (各街道办事处 and
    各街道 are one)."""
    return "".join(found.heads) + found.noun


def collective_place(issuer: Issuer) -> Place | None:
    """The gazetteer's place a collective of ``issuer``'s plan is made of: a subdistrict's or
    town's own place, else the issuer's district or county, else its city or province. None
    where the gazetteer did not place the issuer."""
    if not issuer.province:
        return None
    names: tuple[str | None, ...] = (issuer.district, issuer.city, issuer.province)
    if issuer.level in ("subdistrict", "town"):
        names = tuple(p for p in parse_organ(issuer.name).places if place_level(p) == issuer.level)[-1:]
    for name in names:
        for place in gazetteer().get(name or "", ()):
            if place.province == issuer.province and place.city in ("", issuer.city or place.city) and (
                    issuer.level not in ("subdistrict", "town") or place.district == issuer.district):
                return place
        if name:
            return None  # the innermost place named is one the gazetteer does not hold there
    return None


def members(found: Collective, within: Place | None) -> tuple[Member, ...]:
    """The members of ``found`` inside ``within`` that the gazetteer knows, by name; none for
    a collective meaning only those concerned, or one whose noun names no level of place."""
    row = _member_table().get(found.noun)
    if not found.whole or row is None or within is None:
        return ()
    levels, pattern = row
    return tuple(Member(place, pattern.replace("{}", place.name)) for place in places_within(within, levels))


def admits(found: Collective, place: str) -> bool:
    """Whether the subdistrict or town called ``place`` is of a level ``found``'s members are
    (相关街镇 and 各有关单位 admit none). Only such places: a name's ending tells their level,
    while a name ending otherwise may be any organ's."""
    row = _member_table().get(found.noun)
    level = place_level(place)
    return found.whole and row is not None and level in ("subdistrict", "town") and level in row[0]
