"""Subdistricts the gazetteer knows, named as bodies: 五角场街道 names its office, while 最美街道
names none. "X街道党工委" and "X街道办事处" are left to the organ and suffix finders."""

from __future__ import annotations

from functools import cache

from pledgegraph.loaders.find.bodies.vocab import any_of, grammar, lex, places
from pledgegraph.loaders.record import BodyMention

__all__ = ["subdistrict_mentions"]

_MAX_SUBDISTRICT = 9


@cache
def _word():
    return any_of(grammar("subdistrict_words"))


def subdistrict_mentions(text: str) -> list[BodyMention]:
    out, names = [], places().subdistricts
    for match in _word().finditer(text):
        end = match.end()
        if lex().organ_re.match(text, match.start()) or lex().suffix_re.match(text, match.start()):
            continue
        for size in range(min(_MAX_SUBDISTRICT, end), 3, -1):
            if text[end - size:end] in names:
                out.append(BodyMention(text[end - size:end], "subdistrict_gov", end - size, end, "place.subdistrict"))
                break
    return out
