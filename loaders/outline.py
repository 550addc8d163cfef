"""Outline markers of Chinese official documents: 一、 (一) 1. (1) ① 一是.

Shared by normalise (a line that starts a marker is never glued to the line before) and
segment (markers build the section tree). Text is the analysed text, so brackets and dots
are already half-width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.chars import DATE_UNITS, NUMERALS, TEN
from pledgegraph.loaders.lexicon import words

__all__ = ["Marker", "match_marker", "INLINE_ITEM", "cn_number"]

_CN = NUMERALS
_CN_VALUES = {ch: i + 1 for i, ch in enumerate(_CN)}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The marker styles in the order they are tried: the parenthesised forms before the bare
    ones. A 一、 followed by 是/年/期 (data/outline_not_markers.txt) is no marker."""
    not_after = "".join(words("outline_not_markers"))
    return (
        ("cn_paren", re.compile(rf"[(（]([{_CN}]{{1,3}})[)）]")),
        ("num_paren", re.compile(rf"[(（](\d{{1,2}})[)）](?![\d{DATE_UNITS}%])")),
        ("cn_dun", re.compile(rf"([{_CN}]{{1,3}})[、.](?![{_CN}]?[{not_after}])")),
        ("num_dot", re.compile(r"(\d{1,2})(?:[.、](?![\d%])|\s(?=[\u4e00-\u9fff]))")),
        ("circled", re.compile(rf"([{_CIRCLED}])")),
        ("cn_shi", re.compile(rf"(?:第)?([{_CN}]{{1,3}})是(?=[\u4e00-\u9fff“\"])")),
    )


# The characters a marker can start with: any other line is rejected by one test, not six.
_FIRST = re.compile(rf"[(（{_CN}{_CIRCLED}第\d]")
INLINE_ITEM = re.compile(rf"(?<![{_CN}])([{_CN}]{{1,2}})是(?=[\u4e00-\u9fff“\"])")


@dataclass(frozen=True)
class Marker:
    style: str
    number: int
    text: str  # the marker as written, e.g. "(一)"


def cn_number(token: str) -> int:
    """'三' → 3, '十二' → 12, '二十一' → 21, '7' → 7, '③' → 3."""
    if token in _CIRCLED:  # checked first: str.isdigit() is True for circled digits
        return _CIRCLED.index(token) + 1
    if token.isascii() and token.isdigit():
        return int(token)
    if token == TEN:
        return 10
    if token.startswith(TEN):
        return 10 + _CN_VALUES.get(token[1:], 0)
    if TEN in token:
        tens, _, ones = token.partition(TEN)
        return _CN_VALUES.get(tens, 1) * 10 + _CN_VALUES.get(ones, 0)
    return _CN_VALUES.get(token, 0)


def match_marker(line: str) -> Marker | None:
    """The outline marker that starts ``line``, if any (leading spaces ignored)."""
    stripped = line.lstrip()
    if not _FIRST.match(stripped):
        return None
    for style, pattern in _patterns():
        found = pattern.match(stripped)
        if found:
            return Marker(style, cn_number(found.group(1)), found.group(0).strip())
    return None
