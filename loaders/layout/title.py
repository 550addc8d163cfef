"""A plan's own title: a short line near the top naming a kind of plan (…工作计划, …实施方案).

Used when no notice carries the plan; a notice names its plan in 《》 (see envelope.py).
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.layout.blocks import joined
from pledgegraph.loaders.layout.record import Block
from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.outline import match_marker

__all__ = ["find_title", "title_kind"]

_SCAN = 12


@cache
def _kinds() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table("doc_kind_words"), key=lambda row: -len(row[0])))


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word, _ in _kinds())
    return re.compile(rf"^[^。,，;；:：]{{0,60}}?(?:{words})[^。,，;；]{{0,16}}$")


def title_kind(title: str | None) -> str | None:
    """The document kind a title announces (data/doc_kind_words.txt), longest word first."""
    if not title:
        return None
    return next((kind for word, kind in _kinds() if word in title), None)


def find_title(blocks: tuple[Block, ...], start: int = 0) -> tuple[str, tuple[int, int]] | None:
    """The first title-like line (or two lines that read as one) from block ``start`` on."""
    for index in range(start, min(len(blocks), start + _SCAN)):
        text = blocks[index].text
        if match_marker(text) is not None or text.startswith(tuple(words("title_not_openers"))):
            continue  # "一、上半年工作总结" is a section, not a title
        for size in (1, 2):
            candidate = joined(blocks[index:index + size])
            if _pattern().match(candidate) and (size == 1 or len(blocks[index].text) <= 30):
                return candidate.strip("《》"), (blocks[index].start, blocks[index + size - 1].end)
    return None
