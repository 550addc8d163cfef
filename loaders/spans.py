"""The clause or sentence around a mention: where evidence excerpts start and end."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Protocol, TypeVar

__all__ = ["CLAUSE_MARKS", "SENTENCE_MARKS", "around", "clause", "sentence", "within"]

SENTENCE_MARKS = "。;；!！?？\n"
CLAUSE_MARKS = SENTENCE_MARKS + ",，"


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def within(mentions: Sequence[S], starts: Sequence[int], start: int, end: int) -> list[S]:
    """The mentions lying inside ``[start, end)``; ``mentions`` are sorted by start and
    ``starts`` is their start list (made once by the caller: a bisect, not a scan)."""
    return [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]


@cache
def _mark_pattern(marks: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(marks)}]")


@lru_cache(maxsize=4)
def _reversed(text: str) -> str:
    """``text`` backwards: a regex then finds the nearest mark to the left in one C scan.
    Callers ask about many mentions of the same text in a row, so it is reversed once."""
    return text[::-1]


def around(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """``[start, end)`` widened to the nearest ``marks`` on both sides (marks excluded)."""
    pattern, size = _mark_pattern(marks), len(text)
    if 0 < start <= size:
        found = pattern.search(_reversed(text), size - start)
        left = size - found.start() if found else 0
    else:  # outside the text: the plain scan, whatever it makes of that
        left = start
        while left > 0 and text[left - 1] not in marks:
            left -= 1
    if 0 <= end < size:
        found = pattern.search(text, end)
        right = found.start() if found else size
    else:
        right = end
        while right < size and text[right] not in marks:
            right += 1
    return left, right


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas and full stops) around ``[start, end)``."""
    return around(text, start, end, CLAUSE_MARKS)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, its closing mark included."""
    left, right = around(text, start, end, SENTENCE_MARKS)
    return left, min(len(text), right + 1)
