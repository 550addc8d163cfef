"""A document's targets: those of its prose and those of its tables, each figure once.

The prose finder reads the whole analysed text, table cells included (a task row's prose
states targets like any paragraph). Where the table finder reads a quantity cell, its target
(with the unit and metric the table gives) replaces whatever the prose finder made of the bare
cell; a figure inside a column's header is part of the column's label ("3月底前完成20%" names
the column whose cells give each row's share), and one inside an indicator's name part of the
name, not a target of its own.
"""

from __future__ import annotations

from bisect import bisect_right

from pledgegraph.loaders.find.targets.prose import find_targets
from pledgegraph.loaders.find.targets.tables import name_spans, table_targets
from pledgegraph.loaders.layout.record import Table
from pledgegraph.loaders.normalize import NormalizedText
from pledgegraph.loaders.record import TargetMention

__all__ = ["document_targets"]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` lie inside one of the sorted, non-overlapping ``spans``?"""
    at = bisect_right(spans, (start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def document_targets(normalized: NormalizedText, tables: tuple[Table, ...]) -> list[TargetMention]:
    """Every target of the document, in text order, offsets into the analysed text."""
    from_tables = table_targets(tables, normalized)
    taken = sorted({(t.start, t.end) for t in from_tables})
    labels = _disjoint(sorted(normalized.to_analysed(*span) for span in name_spans(tables)))
    prose = [t for t in find_targets(normalized.text)
             if not _inside(taken, t.start, t.end) and not _inside(labels, t.start, t.end)]
    return sorted([*prose, *from_tables], key=lambda t: (t.start, t.end))
