"""Which stretches of a document report past work: sections whose heading says so.

A heading is an outline-marker line short enough to be a heading; its section runs to the
next heading of the same marker style (or the document's end). The tense of a heading comes
from data/section_tense.txt; a report's other half (下半年工作安排) is planned again.
"""

from __future__ import annotations

from functools import cache, lru_cache

from pledgegraph.loaders.layout.record import Block
from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.outline import match_marker

__all__ = ["heading_tense", "reported_spans"]

_HEADING_MAX = 40


@cache
def _tenses() -> tuple[tuple[str, str], ...]:
    rows = table("section_tense")
    return tuple(row for row in rows if row[1] == "planned") + tuple(row for row in rows if row[1] == "reported")


@lru_cache(maxsize=4096)  # asked again for every task under the same heading
def heading_tense(heading: str) -> str | None:
    """'planned', 'reported' or None (the heading does not say). Chinese headings end with
    their head noun (重点工作推进情况 is a progress section), so the word ending last decides."""
    found = [(heading.rfind(word) + len(word), -order, tense) for order, (word, tense) in enumerate(_tenses())
             if word in heading]
    return max(found)[2] if found else None


def reported_spans(blocks: tuple[Block, ...], end: int) -> tuple[tuple[int, int], ...]:
    """Original spans of the sections headed as reporting past work."""
    headings = []
    for block in blocks:
        marker = match_marker(block.text)
        if marker is not None and marker.style != "cn_shi" and len(block.text) <= _HEADING_MAX:
            headings.append((block, marker.style))
    spans = []
    for index, (block, style) in enumerate(headings):
        if heading_tense(block.text) != "reported":
            continue
        following = next((b for b, s in headings[index + 1:] if s == style), None)
        spans.append((block.start, following.start if following else end))
    return tuple(spans)
