"""Duty items: stretches whose duties belong to the body that heads them (职责分工).

Two forms: a heading that is only a body (``（一）区绿化市容局``, ``（七）各街道办事处``), whose
item runs to the next heading of its marker style or of a style ranked above it; and an item
that opens with its body and a colon or full stop (``2.各居民区：``, ``1.街道消委办。牵头开展…``),
which covers its own paragraph and any lower-level items under it. A duty list is at least two
such items of one marker style, or one under a heading naming duties (职责分工).
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.chars import NUMERALS
from pledgegraph.loaders.find.bodies import looks_like_body
from pledgegraph.loaders.layout.record import Block, DutyItem
from pledgegraph.loaders.lexicon import alternation, column, words
from pledgegraph.loaders.outline import match_marker

__all__ = ["read_duties"]

_CONVENTION = ("cn_dun", "cn_paren", "num_dot", "num_paren", "circled")
_HEADING_MAX = 30
_INLINE = re.compile(r"^(?P<body>[^:：。,，;；()（）]{2,24})(?P<mark>[:：。])")


@cache
def _inline_duty() -> re.Pattern[str]:
    """Under a duties heading, "1.镇规建生态办负责…" heads its item as well."""
    return re.compile(rf"^(?P<body>[^:：。,，;；()（）]{{2,16}}?)(?={alternation(column('duty_words', 'verb'))})")


@cache
def _duties_heading() -> re.Pattern[str]:
    divisions = "".join(column("document_divisions", "article") + column("document_divisions", "chapter"))
    return re.compile(rf"^(?:第[{NUMERALS}\d]+[{divisions}]\s*)?[^。,，]{{0,8}}"
                      rf"{alternation(column('duty_words', 'heading'))}")


@cache
def _duty_words() -> re.Pattern[str]:
    return re.compile(alternation(column("duty_words", "word")))


def _rank(style: str) -> int:
    return _CONVENTION.index(style) if style in _CONVENTION else len(_CONVENTION)


def _heading_body(text: str, under_duties: bool = False) -> tuple[str, int, str] | None:
    """(body, its offset in ``text``, form) when a marker line names a body as its heading;
    ``under_duties``: the line sits under a duties heading, where "X负责…" heads it too."""
    marker = match_marker(text)
    if marker is None or marker.style not in _CONVENTION:
        return None
    at = text.index(marker.text) + len(marker.text)
    rest = text[at:].strip()
    at += len(text[at:]) - len(text[at:].lstrip())
    if rest and len(rest) <= _HEADING_MAX and looks_like_body(rest.rstrip("。")) and not rest.endswith(
            tuple(words("duty_not_heading"))):
        return rest.rstrip("。"), at, "duty.heading"
    found = _INLINE.match(rest) or (_inline_duty().match(rest) if under_duties else None)
    if found and looks_like_body(found.group("body")):
        return found.group("body"), at, "duty.inline"
    return None


def read_duties(blocks: tuple[Block, ...], end: int) -> tuple[DutyItem, ...]:
    """Every duty item in ``blocks`` (``end``: where the document's text ends)."""
    heads = []
    under = False
    for index, block in enumerate(blocks):
        if _duties_heading().match(block.text) and len(block.text) <= _HEADING_MAX:
            under = True
        elif match_marker(block.text) is None and len(block.text) <= _HEADING_MAX and "。" not in block.text:
            under = False  # another heading: the duties are over
        found = _heading_body(block.text, under)
        if found:
            heads.append((index, match_marker(block.text).style, found))
    by_style: dict[str, int] = {}
    for _, style, _ in heads:
        by_style[style] = by_style.get(style, 0) + 1
    items = []
    for index, style, (body, at, rule) in heads:
        under_duties = any(_duty_words().search(b.text) and len(b.text) <= _HEADING_MAX
                           and (match_marker(b.text) is None or _rank(match_marker(b.text).style) < _rank(style))
                           for b in blocks[max(0, index - 12):index])
        if by_style[style] < 2 and not under_duties:
            continue
        stop = end
        for later in blocks[index + 1:]:
            marker = match_marker(later.text)
            if marker is not None and marker.style in _CONVENTION and _rank(marker.style) <= _rank(style):
                stop = later.start
                break
        block = blocks[index]
        items.append(DutyItem(body, block.start + at, block.start + at + len(body), block.start, stop, rule))
    return tuple(items)
