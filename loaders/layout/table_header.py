"""A table's header: the run of short lines naming its columns, read before its rows.

A header cell printed over two lines ("2026年" / "任务量", "“十五五”" / "目标") is one cell: a
line holding only a period (a year, a quoted plan period) joins the measure named on the next
line. In a two-level header flattened to one run, a cell stating a quantity in the table's
own unit ("2026年度任务量约1625亩" in a 单位：亩 table) sits above several columns and heads
none: it is the table's total, a caption, not a column.
"""

from __future__ import annotations

import re

from pledgegraph.loaders.layout.cells import header_role, is_header_cell, row_number
from pledgegraph.loaders.layout.record import Block

__all__ = ["column_role", "header_at", "row_header_at", "pieces", "states_total", "MIN_HEADER", "OWNER_ROLES"]

MIN_HEADER = 3
OWNER_ROLES = frozenset({"lead", "cooperate", "responsible"})
_WINDOW = 16
# A line naming only a period: a year ("2026年", "2026年度") or a quoted plan period.
_PERIOD = re.compile(r"^(?:(?:19|20)\d\d\s*\S{0,2}|“[^”]{1,8}”)$")
_MEASURE_ROLES = frozenset({"quantity", "other"})


def column_role(text: str) -> str:
    return header_role(text) or "other"


def _is_header(run: list[Block]) -> bool:
    roles = {column_role(b.text) for b in run}
    known = sum(1 for b in run if header_role(b.text))
    if len(run) < MIN_HEADER or known < 2:
        return False
    # A task table names owners; an allocation table gives places a quantity.
    return bool(roles & OWNER_ROLES or ({"place", "task"} & roles and "quantity" in roles) or (
        "number" in roles and {"task", "subtask"} & roles))


def _joins(block: Block, following: Block | None) -> bool:
    """Is ``block`` a period printed above the measure it qualifies ("2026年" / "任务量")?"""
    if following is None or not _PERIOD.match(block.text) or _PERIOD.match(following.text):
        return False
    return is_header_cell(following.text) and row_number(following.text) is None and column_role(
        following.text) in _MEASURE_ROLES and len(block.text) + len(following.text) <= 24


def header_at(blocks: tuple[Block, ...], index: int) -> list[Block] | None:
    """The header cells starting at block ``index`` (one cell per line), or None when no
    header starts there."""
    run: list[Block] = []
    window = blocks[index:index + _WINDOW]
    cursor = 0
    while cursor < len(window):
        block = window[cursor]
        following = window[cursor + 1] if cursor + 1 < len(window) else None
        if run and _joins(block, following):
            run.append(Block(block.text + following.text, block.start, following.end, block.blank_before))
            cursor += 2
            continue
        if not is_header_cell(block.text) or (run and row_number(block.text) is not None):
            break
        run.append(block)
        cursor += 1
    numbered = next((i for i, b in enumerate(run) if header_role(b.text) == "number"), 0)
    if numbered:
        return None  # the header starts at its 序号, a few blocks on; lines above it are captions
    return run if _is_header(run) else None


def pieces(block: Block) -> list[Block]:
    """The cells of a row written on one line (Word and PDF tables: cells apart by a tab or
    spaces), each with its own span."""
    out = []
    for part in re.finditer(r"\S+", block.text):
        out.append(Block(part.group(), block.start + part.start(), block.start + part.end()))
    return out


def row_header_at(blocks: tuple[Block, ...], index: int) -> list[Block] | None:
    """A header written on one line, its cells apart (序号  项目  牵头单位  配合单位)."""
    cells = pieces(blocks[index])
    if len(cells) >= MIN_HEADER and all(is_header_cell(c.text) for c in cells) and _is_header(cells):
        return cells
    return None


def states_total(text: str, unit: str | None) -> bool:
    """Does a header cell state a quantity in the table's own unit (a caption over columns)?"""
    return bool(unit) and re.search(rf"\d(?:\.\d+)?\s*{re.escape(unit)}", text) is not None
