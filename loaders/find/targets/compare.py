"""A figure's comparator: the words around it that make it a floor, a ceiling or an estimate.

"不少于20台" and "200场次以上" are floors (>=), "控制在380人以内" a ceiling (<=), "增长5%左右"
and "约3万" estimates (~); "3500余户" is a floor too. A comparator word touches the figure
(data/target_comparators.txt says on which side); a word that only ends like one ("签约39台",
"附近3处") compares nothing.
"""

from __future__ import annotations

import re

from pledgegraph.loaders.find.targets.vocabulary import (
    comparators,
    comparators_by,
    not_comparators,
    role_words,
)
from pledgegraph.loaders.lexicon import words

__all__ = ["comparator_at", "comparator_ending", "compound", "comparator_of", "strip_link"]

_REACH = 6  # how far before a figure a comparator word may start


def comparator_at(text: str, position: int, where: str) -> tuple[str, str] | None:
    """The longest ``where`` comparator word starting at ``position``, with its comparator."""
    for word, comparator in comparators_by(where, 0).get(text[position:position + 1], ()):
        if text.startswith(word, position):
            return word, comparator
    return None


def comparator_ending(text: str) -> tuple[str, str] | None:
    """The longest "before" comparator word ``text`` ends with, with its comparator."""
    for word, comparator in comparators_by("before", -1).get(text[-1:], ()):
        if text.endswith(word):
            return word, comparator
    return None


def compound(before: str) -> bool:
    """Does ``before`` end in a word like 签约/附近 whose last character only looks like a comparator?"""
    return before.endswith(not_comparators())


def strip_link(text: str) -> str:
    """``text`` without the one linking character before a figure ("控制在" → "控制")."""
    links = role_words("target_metric_words", "link-char")
    return text[:-1] if text[-1:] in links and text[:-1] else text


def comparator_of(text: str, match: re.Match[str], unit: str, low: float | None = None) -> tuple[str, int, str]:
    """The comparator of the figure ``match``, where the whole expression ends (after
    以上/以内/左右) and the word that said so ("" for none). A range with no word of its own
    is a ceiling whose floor is its lower end."""
    start, end = match.start(), match.end()
    if not text.startswith(not_comparators(), end) and (found := comparator_at(text, end, "after")):
        return found[1], end + len(found[0]), found[0]
    if unit in words("target_time_units") and (found := comparator_at(text, end, "after-time")):
        return found[1], end + len(found[0]), found[0]
    inside = dict(comparators("inside"))
    for group in ("about", "about2"):
        if match.group(group):
            return inside[match.group(group)], end, match.group(group)
    # A comparator before the figure touches it ("不少于20台", "约为3万"): "签约39台" is no "about".
    before = strip_link(text[max(0, start - _REACH):start])
    found = comparator_ending(before)
    if found and not compound(before):
        return found[1], end, found[0]
    return ("<=" if low is not None else "="), end, ""
