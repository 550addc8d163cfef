"""Bodies a list shows to be bodies: the other items of an enumeration that names one
(下设社区管理办、绿化市容所、城管友谊中队 — ``list.enumeration``), the items of a line ending in a
colon (the addressees: 各办、综合行政执法队、各村： — ``list.addressees``), and lines stacked
one name to a line (a members list — ``list.lines``).

A list lets an internal unit written without its jurisdiction (党政办公室, 规建生态办) count as a
body: alone, 办 or 所 would end ordinary words; beside other bodies they name units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pledgegraph.loaders.find.bodies.grammar import (
    MAX_NAME,
    ends_with_boundary,
    joins_next,
    left_edge,
    registry_start,
)
from pledgegraph.loaders.find.bodies.kinds import body_kind
from pledgegraph.loaders.find.bodies.names import listed_body
from pledgegraph.loaders.find.bodies.vocab import vocab
from pledgegraph.loaders.record import BodyMention

__all__ = ["enumeration_mentions", "line_mentions"]

# What ends a run of enumerated items: clause and sentence marks, brackets, line ends.
_RUN = re.compile(r"[^,，。;；:：()（）《》\n]+")
_ITEM = re.compile(r"[^、]+")
_ITEMS = re.compile(r"[^、,，]+")
_LINE_MAX = 150


def _mention(text: str, start: int, end: int, rule: str) -> BodyMention:
    return BodyMention(text[start:end], body_kind(text[start:end]), start, end, rule)


def _last_item_end(text: str, start: int, end: int) -> int | None:
    """The end of the name opening text[start:end] (the last item of a run, which runs on into
    the clause: 城管友谊中队为成员单位): the longest listed name not continued by the next character."""
    for stop in range(min(end, start + MAX_NAME), start + 2, -1):
        if listed_body(text[start:stop]) and not joins_next(text, stop):
            return stop
    return None


@cache
def _openers() -> tuple[str, ...]:
    return tuple(sorted(vocab("subject_not_start"), key=len, reverse=True))


def _first_item_start(text: str, run_start: int, end: int) -> int:
    """Where the first item of a run starts: after the last boundary word that still leaves a
    listed name (领导小组下设服务办: 下设, not the 服务 of 服务办), a registry name read whole,
    and past a word that opens a clause (经区农业农村委: 经 is the clause's, not the name's)."""
    registry = registry_start(text, end)
    start = left_edge(text, registry if registry is not None else end, {})
    if not listed_body(text[start:end]):
        start = next((p for p in range(start - 1, max(run_start, end - MAX_NAME) - 1, -1)
                      if ends_with_boundary(text, p) and listed_body(text[p:end])), start)
    opener = next((w for w in _openers() if text.startswith(w, start) and start + len(w) < end), None)
    if opener and listed_body(text[start + len(opener):end]):
        start += len(opener)
    return start


def enumeration_mentions(text: str, found: Sequence[BodyMention]) -> list[BodyMention]:
    """The unnamed items of every 、-run holding a found body."""
    spans = {(m.start, m.end) for m in found}
    starts, ends = {m.start for m in found}, {m.end for m in found}
    out: list[BodyMention] = []
    for run in _RUN.finditer(text):
        if "、" not in run.group():
            continue
        items = [(run.start() + m.start(), run.start() + m.end()) for m in _ITEM.finditer(run.group())]
        if len(items) < 2:
            continue
        last = len(items) - 1
        named = [(i == 0 and end in ends) or (i == last and start in starts) or (start, end) in spans
                 for i, (start, end) in enumerate(items)]
        if not any(named):
            continue
        for index, (start, end) in enumerate(items):
            if named[index] or any(m.start < end and start < m.end for m in found):
                continue  # 市委市政府: an item the finders named already, in one piece or two
            if index == 0:
                start = _first_item_start(text, start, end)
            elif index == last:
                end = _last_item_end(text, start, end) or start
            if end > start and listed_body(text[start:end]):
                out.append(_mention(text, start, end, "list.enumeration"))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for line in text.split("\n"):
        left = len(line) - len(line.lstrip())
        out.append((cursor + left, cursor + len(line.rstrip())))
        cursor += len(line) + 1
    return out


def line_mentions(text: str) -> list[BodyMention]:
    """Items of lines that end in a colon and list bodies, and names stacked one to a line
    (two or more under a line ending in a colon, else three or more)."""
    out: list[BodyMention] = []
    lines = [(start, end) for start, end in _lines(text) if end > start]
    first = 0  # the index of the run's first line
    for index, (start, end) in enumerate([*lines, (len(text), len(text))]):
        line = text[start:end]
        if line and end - start <= MAX_NAME and listed_body(line):
            continue
        if index - first >= 2:
            headed = first > 0 and text[lines[first - 1][1] - 1] in ":："
            if index - first >= (2 if headed else 3):
                out += [_mention(text, s, e, "list.lines") for s, e in lines[first:index]]
        first = index + 1
        if line.endswith((":", "：")) and len(line) <= _LINE_MAX and "。" not in line:
            items = [(start + m.start(), start + m.end()) for m in _ITEMS.finditer(line[:-1])]
            bodies = [(s, e) for s, e in items if listed_body(text[s:e])]
            if bodies and len(bodies) * 2 >= len(items):
                out += [_mention(text, s, e, "list.addressees") for s, e in bodies]
    return out
