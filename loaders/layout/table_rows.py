"""Rows of a flattened table: its cells given columns, merged cells carried down.

A row often holds fewer cells than the header, because a merged cell is printed once, at the
first row it covers: each cell is therefore matched to a column by what it holds
(layout/cells.py) in column order, the best total fit, and a column a row leaves out inherits
the cell above it (``Row.carried``) until a group row starts afresh. A total row is aligned the
same way but carries nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgegraph.loaders.layout.cells import cell_type
from pledgegraph.loaders.layout.record import Block, Cell, Row
from pledgegraph.loaders.lexicon import column, words

__all__ = ["RawRow", "build_rows", "total_rows", "is_group"]

_CARRIED = ("task", "lead", "cooperate", "responsible", "deadline", "leader", "place")

# How well a cell of each type fits a column of each role; a cell that fits nowhere is -2.
_FIT = {
    "deadline": {"deadline": 4.0, "note": 1.0, "other": 1.0, "quantity": 0.5},
    # A lone owner cell is the lead's: a lead printed once over several rows is the merged cell.
    "bodies": {"lead": 4.0, "cooperate": 3.9, "responsible": 4.0, "place": 4.0, "leader": 2.0, "note": 1.0,
               "other": 1.0, "task": 0.5, "subtask": 0.5},
    "quantity": {"quantity": 4.0, "other": 1.5, "note": 1.0, "deadline": 1.0, "unit": 0.5},
    "text": {"task": 3.0, "subtask": 3.0, "note": 1.0, "other": 1.0, "place": 1.0, "unit": 1.0, "leader": 0.5,
             "deadline": 0.3, "quantity": 0.3},
}
_MISFIT = -2.0


def _continues(previous: Block, block: Block) -> bool:
    """Whether ``block`` is the rest of the cell ``previous`` began (a cell printed over two lines)."""
    before, text = previous.text, block.text
    if before.endswith(("、", ",", "，", "(", "（", "“", *column("function_words", "cell_joiner"))) \
            or text.startswith(("、", ")", "）", "”")):
        return True
    # "申通地铁" / "集团", "区土方工作" / "专班": an organ ending left on its own line.
    return len(text) <= 5 and text in words("body_endings") and cell_type(before) == "text"


def _merged(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if out and _continues(out[-1], block):
            last = out[-1]
            out[-1] = Block(last.text + block.text, last.start, block.end, last.blank_before)
        else:
            out.append(block)
    return out


def _align(cells: list[Block], roles: list[str]) -> list[int]:
    """Column index for each cell: in column order, each column at most once, the best total
    fit (dynamic programming over cells × columns). On a tie the later column wins: a row
    leaves out the merged cells of its first columns (重点任务 printed once above it)."""
    types = [cell_type(c.text) for c in cells]
    n, m = len(cells), len(roles)
    if n > m:
        return list(range(m)) + [m - 1] * (n - m)  # more cells than columns: the rest goes last
    minus = float("-inf")
    best = [[0.0] * (m + 1)] + [[minus] * (m + 1) for _ in range(n)]
    back = [[-1] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            choice = max(range(j - 1, i - 2, -1), key=lambda k: best[i - 1][k])  # reversed: later wins ties
            best[i][j] = best[i - 1][choice] + _FIT[types[i - 1]].get(roles[j - 1], _MISFIT)
            back[i][j] = choice
    j = max(range(m, n - 1, -1), key=lambda k: best[n][k])
    out = [0] * n
    for i in range(n, 0, -1):
        out[i - 1] = j - 1
        j = back[i][j]
    return out


def is_group(number: tuple[str, str, str], content: list[Block]) -> bool:
    """一 / 推进… (or — / 构建…) above the numbered rows it groups: a number and a title only."""
    return number[0] == "dash" or (number[0] == "cn" and len(content) <= 1)


@dataclass
class RawRow:
    number: tuple[str, str, str]
    content: list[Block]
    start: int
    end: int


def _content(raw: RawRow) -> list[Block]:
    first, rest = raw.content[0], raw.content[1:]
    text = raw.number[2]
    if text:  # "4.出台文件规章": the number and the first cell share a line
        offset = first.text.index(text)
        rest = [Block(text, first.start + offset, first.end)] + rest
    return _merged(rest)


def _columns(rows: list[tuple[RawRow, list[Block]]], roles: list[str]) -> list[int]:
    """The header's columns that hold cells: a column no row fills in the first alignment (a
    header cell over two lines, a heading spanning several columns) is no column of its own."""
    filled: set[int] = set()
    for raw, content in rows:
        if is_group(raw.number, content):
            filled.update(i for i, role in enumerate(roles) if role == "task")  # a group row fills 重点任务
        elif content:
            filled.update(_align(content, roles))
    return [index for index in range(len(roles)) if index in filled] or list(range(len(roles)))


def build_rows(raws: list[RawRow], columns: list[tuple[str, str]]) -> tuple[list[Row], list[int]]:
    """The rows, and the indices of ``columns`` that hold cells."""
    contents = [(raw, _content(raw)) for raw in raws]
    kept = _columns(contents, [role for _, role in columns])
    headers = [columns[index][0] for index in kept]
    roles = [columns[index][1] for index in kept]
    rows: list[Row] = []
    section: str | None = None
    carry: dict[str, Cell] = {}
    for raw, content in contents:
        if is_group(raw.number, content):
            section = content[0].text if content else section
            carry = {}
            if content and "task" in roles:
                carry["task"] = Cell(content[0].text, content[0].start, content[0].end, "task",
                                     headers[roles.index("task")])
            continue
        cells = [Cell(block.text, block.start, block.end, roles[column], headers[column])
                 for block, column in zip(content, _align(content, roles), strict=True)] if content else []
        present = {cell.role for cell in cells}
        carried = []
        for role in _CARRIED:
            if role in present:
                carry[role] = next(c for c in cells if c.role == role)
            elif role in carry:
                cells.append(carry[role])
                carried.append(role)
        rows.append(Row(raw.number[1], tuple(cells), section, raw.start, raw.end, tuple(carried)))
    return rows, kept


def total_rows(raws: list[RawRow], columns: list[tuple[str, str]], kept: list[int]) -> tuple[Row, ...]:
    """The total rows (合计 and its figures), their cells in the columns the rows fill."""
    headers = [columns[index][0] for index in kept]
    roles = [columns[index][1] for index in kept]
    out = []
    for raw in raws:
        content = _content(raw)
        cells = tuple(Cell(block.text, block.start, block.end, roles[column], headers[column])
                      for block, column in zip(content, _align(content, roles), strict=True))
        out.append(Row("", cells, None, raw.start, raw.end))
    return tuple(out)
