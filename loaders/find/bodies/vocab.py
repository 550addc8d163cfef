"""The body finder's vocabulary, loaded once from ``loaders/data/``: organs named without a
proper name, organ suffixes, the grammar's small classes, and the gazetteer's places.

Code in this package keeps grammar only; every word it matches comes from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.jurisdiction import gazetteer
from pledgegraph.loaders.lexicon import alternation, table, words

__all__ = ["Lexicon", "lex", "grammar", "any_of", "vocab", "places", "party_names"]


def vocab(name: str) -> frozenset[str]:
    """A word list whose lines may hold several space-separated words."""
    return frozenset(w for line in words(name) for w in line.split())


def any_of(items) -> re.Pattern[str]:
    """One alternation of ``items``, longest first (so the longest word at a position wins)."""
    return re.compile(alternation(items))


@cache
def grammar(key: str) -> tuple[str, ...]:
    """The entries of ``key`` in ``data/body_grammar.txt``."""
    for row in table("body_grammar"):
        if row[0] == key:
            return tuple(row[1].split())
    raise KeyError(f"body_grammar.txt has no {key!r} line")


@dataclass(frozen=True)
class Lexicon:
    organs: dict[str, str]  # name → kind
    suffixes: dict[str, tuple[str, bool]]  # suffix → (kind, needs an administrative prefix), longest first
    core_endings: dict[str, str]  # suffix → how its core must end (村民委员会: a village, …村)
    organ_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    list_re: re.Pattern[str]
    state_re: re.Pattern[str]
    facility_re: re.Pattern[str]
    not_after: dict[str, str]  # 委 → 托员屈: 委托 is no committee
    boundaries: frozenset[str]  # words after which a name may start (推进, 配合, 与 …)
    generic: frozenset[str]
    endings: frozenset[str]


@cache
def lex() -> Lexicon:
    organs = dict(table("body_organs"))
    rows = sorted(table("body_suffixes"), key=lambda row: -len(row[0]))
    heads = any_of(vocab("body_list_heads")).pattern
    return Lexicon(
        organs=organs,
        suffixes={row[0]: (row[1], row[2] == "yes") for row in rows},
        core_endings={row[0]: row[3] for row in rows if len(row) > 3},
        organ_re=any_of(list(organs)),
        suffix_re=any_of([row[0] for row in rows]),
        list_re=re.compile(rf"(?:{heads})\s*[:：]\s*(?P<items>[^;；)）\]】\n。]+)"),
        state_re=any_of(vocab("body_state")),
        facility_re=any_of(vocab("body_facility")),
        not_after=dict(table("body_not_after")),
        boundaries=vocab("project_boundaries") | vocab("body_boundaries"),
        generic=vocab("body_generic"),
        endings=vocab("body_verbs"),
    )


@dataclass(frozen=True)
class Places:
    areas: frozenset[str]  # districts, counties, county-level cities (静安区, 昆山市)
    subdistricts: frozenset[str]  # 五角场街道
    towns: frozenset[str]  # 马陆镇, 横沙乡


@cache
def places() -> Places:
    """The gazetteer's places by level, as the body finder asks for them."""
    areas, subdistricts, towns = set(), set(), set()
    for name, found in gazetteer().items():
        for place in found:
            if place.level in ("district", "county") or (place.level == "city" and place.district):
                areas.add(name)
            elif place.level == "subdistrict":
                subdistricts.add(name)
            elif place.level == "town" and name.endswith(grammar("town_endings")):
                towns.add(name)
    return Places(frozenset(areas), frozenset(subdistricts), frozenset(towns))


@cache
def party_names() -> dict[str, str]:
    """Parties named by their category alone (居委, 物业公司) → kind."""
    return dict(table("party_names"))
