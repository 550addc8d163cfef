"""Targets in tables: each figure of a quantity column, with the unit and metric the table
gives it.

A flattened table states its figures bare ("122.52", "≤490", "35-36"); the layout knows their
column and row, so the unit comes from the cell itself, else its column header ("装机容量
（MW）"), the row's unit cell or the unit in its label ("新建消防救援站（座）"), else the table's
unit line ("单位：亩"); a cell with no unit from anywhere is no target. What is counted is the
row's indicator where rows name indicators (指标名称 … 现状值 / 规划目标), else the column's
header (任务量, 3月底前完成20%). A column describing the present (现状值) reports, not promises.
Allocation tables give one target per cell, their total rows included; a zero allocates nothing.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.targets.compare import comparator_at, comparator_ending
from pledgegraph.loaders.find.targets.figures import figure_pattern
from pledgegraph.loaders.find.targets.prose import find_targets
from pledgegraph.loaders.find.targets.vocabulary import alternation, role_words
from pledgegraph.loaders.layout.record import Cell, Row, Table
from pledgegraph.loaders.layout.tense import heading_tense
from pledgegraph.loaders.normalize import NormalizedText
from pledgegraph.loaders.record import TargetMention

__all__ = ["table_targets", "name_spans", "as_unit"]

_SIGNS = {"≤": "<=", "≥": ">=", "<": "<=", ">": ">=", "~": "~"}
_BRACKET = re.compile(r"\(([^()]{1,12})\)\s*$")
_EVIDENCE_MAX = 120
_LEAD_MAX = 4  # how many characters may stand before a cell's figure (力争, 不低于)


@cache
def _bare() -> re.Pattern[str]:
    """A cell holding a figure or a range and no unit, a sign or a comparator word around it."""
    to = alternation(["-", "—", "–", "~", *role_words("target_count_words", "range")])
    return re.compile(rf"^(?P<pre>\D{{0,6}}?)\s*(?P<num>\d+(?:\.\d+)?)(?:\s*(?:{to})\s*(?P<high>\d+(?:\.\d+)?))?"
                      rf"\s*(?P<post>\D{{0,4}})$")


def as_unit(text: str) -> str | None:
    """``text`` when it is a unit on its own (MW, 座, 起/百万人, %), else None."""
    text = text.strip()
    match = figure_pattern().fullmatch("1" + text) if text else None
    return text if match and match.group("unit") else None


def _bracket_unit(text: str) -> str | None:
    found = _BRACKET.search(text)
    return as_unit(found.group(1)) if found else None


def _strip_unit(text: str) -> str:
    """A header or label without the unit bracket at its end ("装机容量(MW)" → 装机容量)."""
    found = _BRACKET.search(text)
    return text[:found.start()].strip() if found and as_unit(found.group(1)) else text.strip()


def _column(table: Table, cell: Cell) -> int:
    return next((i for i, (header, _) in enumerate(table.header) if header == cell.header), len(table.header))


def _indicator(row: Row, table: Table, cell: Cell | None = None) -> Cell | None:
    """The cell naming the row's indicator: the last task cell left of ``cell`` (指标名称 after
    类别, not the 指标说明 after the figures), or of the first quantity cell."""
    first = cell or next((c for c in row.cells if c.role == "quantity"), None)
    limit = _column(table, first) if first else len(table.header)
    tasks = [c for c in row.cells if c.role == "task" and _column(table, c) < limit]
    return tasks[-1] if tasks else None


def name_spans(tables: tuple[Table, ...]) -> list[tuple[int, int]]:
    """Original spans of the cells that name what a table counts: the column labels and, in an
    indicator table, each row's indicator ("3000㎡以上公园绿地500米服务半径覆盖率" is a name)."""
    spans = [span for table in tables for span in table.labels]
    for table in tables:
        if table.kind == "indicators":
            spans += [(c.start, c.end) for row in table.rows if (c := _indicator(row, table)) is not None]
    return spans


def _unit(cell: Cell, row: Row, table: Table) -> str | None:
    unit_cell = row.cell("unit")
    indicator = _indicator(row, table, cell)
    return (_bracket_unit(cell.header) or (as_unit(unit_cell.text) if unit_cell else None)
            or (_bracket_unit(indicator.text) if indicator else None) or table.unit)


def _comparator(pre: str, post: str) -> str:
    pre, post = pre.strip(), post.strip()
    if pre[-1:] in _SIGNS:
        return _SIGNS[pre[-1:]]
    if post and (found := comparator_at(post, 0, "after")):
        return found[1]
    found = comparator_ending(pre) if pre else None
    return found[1] if found else "="


def _evidence(text: str, row_start: int, cell_start: int, cell_end: int) -> str:
    span = text[row_start:cell_end]
    return span if len(span) <= _EVIDENCE_MAX else text[cell_start:cell_end]


def _cell_targets(text: str, cell: Cell, row: Row, table: Table, normalized: NormalizedText,
                  rule: str) -> list[TargetMention]:
    start, end = normalized.to_analysed(cell.start, cell.end)
    row_start = normalized.to_analysed(row.start, row.end)[0]
    indicator = _indicator(row, table, cell) if table.kind == "indicators" else None
    metric = _strip_unit(indicator.text) if indicator else _strip_unit(cell.header)
    reported = heading_tense(cell.header) == "reported"
    evidence = _evidence(text, row_start, start, end)
    written = [t for t in find_targets(text[start:end]) if t.start <= _LEAD_MAX]
    if written:  # the cell writes its own unit ("95%", "力争2000座", "40万平方米/年")
        first = written[0]
        span = (first.unit_span[0] + start, first.unit_span[1] + start) if first.unit_span else None
        return [TargetMention(metric, first.value, first.unit, first.comparator, start, end, evidence, first.low,
                              rule, span, reported)] if first.value else []
    match = _bare().match(text[start:end])
    unit = _unit(cell, row, table)
    if not match or unit is None:
        return []
    low, value = float(match.group("num")), float(match.group("high") or match.group("num"))
    if not value:
        return []  # a zero allocates nothing
    if not match.group("high") or low >= value:
        low = None
    comparator = "<=" if low is not None else _comparator(match.group("pre"), match.group("post"))
    return [TargetMention(metric, value, unit, comparator, start, end, evidence, low, rule, None, reported)]


def table_targets(tables: tuple[Table, ...], normalized: NormalizedText) -> list[TargetMention]:
    """The targets of every quantity cell of ``tables``, offsets into the analysed text."""
    text = normalized.text
    out: list[TargetMention] = []
    for table in tables:
        rows = [(row, "table.cell") for row in table.rows] + [(row, "table.total") for row in table.totals]
        for row, rule in rows:
            for cell in row.cells:
                if cell.role == "quantity":
                    out.extend(_cell_targets(text, cell, row, table, normalized, rule))
    return sorted(out, key=lambda t: (t.start, t.end))
