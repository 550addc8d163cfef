"""Tables rebuilt from their flattened form: a header, then rows of cells, each cell given the
role of the column it belongs to.

Published plans reach us with their tables flattened — one cell per paragraph (web pages
copied to text), or one row per line with cells apart (Word, PDF). The header names the
columns (序号 / 重点任务 / 具体工作 / 时间进度 / 牵头单位 / 配合单位 …, data/table_headers.txt);
rows open with a row number (1, 2 … for tasks, 一, 二 or — for group rows). A row often
holds fewer cells than the header, because a merged cell is printed once, at the first row it
covers: each cell is therefore matched to a column by what it holds (layout/cells.py) in
column order, and a column a row leaves out inherits the cell above it (``Row.carried``) until
a group row starts afresh. A header printed again at a page break is skipped; a total row
(合计) is no task. The table ends at an appendix heading, a note, a chapter heading, another
table, or text that cannot be one of its cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pledgegraph.loaders.layout.cells import cell_type, is_total_label, row_number
from pledgegraph.loaders.layout.record import Block, Cell, Row, Table
from pledgegraph.loaders.layout.table_header import (
    column_role,
    header_at,
    pieces,
    row_header_at,
    states_total,
)
from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.outline import match_marker

__all__ = ["read_tables"]

_OWNER_ROLES = frozenset({"lead", "cooperate", "responsible"})
_CARRIED = ("task", "lead", "cooperate", "responsible", "deadline", "leader", "place")
_TITLE_LOOKBACK = 4
_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>[\u4e00-\u9fffA-Za-z%/²㎡]{1,6})")
_NOTE = re.compile(r"^(?:注|备注|说明)\s*[:：0-9(（一、]")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十\d]+[章部节篇]")
_PROSE_MIN = 80
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


def _read_row_table(blocks: tuple[Block, ...], index: int, header: list[Block]) -> tuple[Table | None, int]:
    """A table whose every row is one line of cells."""
    title, unit, start = _caption(blocks, index)
    columns = [(b.text, column_role(b.text)) for b in header]
    numbered = columns[0][1] == "number"
    raws: list[_RawRow] = []
    cursor = index + 1
    while cursor < len(blocks):
        cells = pieces(blocks[cursor])
        number = row_number(cells[0].text) if cells else None
        if len(cells) < 2 or (numbered and number is None):
            break
        if numbered:
            raws.append(_RawRow(number, cells, blocks[cursor].start, blocks[cursor].end))
        else:
            first = Block("", cells[0].start, cells[0].start)
            raws.append(_RawRow(("dash", "", ""), [first, *cells], blocks[cursor].start, blocks[cursor].end))
            if len(cells) == 1:
                break
        cursor += 1
    numbered_columns = [index for index, column in enumerate(columns) if column[1] != "number"]
    rows, kept = _build_rows(raws, [columns[index] for index in numbered_columns])
    if not rows:
        return None, cursor
    end = blocks[cursor - 1].end
    labels = tuple((header[numbered_columns[i]].start, header[numbered_columns[i]].end) for i in kept)
    return Table(title, tuple(columns), tuple(rows), start, end, unit, _kind(columns), labels=labels), cursor


def _caption(blocks: tuple[Block, ...], index: int) -> tuple[str | None, str | None, int]:
    """The table's title and unit, from the few lines above its header, and where the first
    of those lines starts (the table's own start)."""
    title = unit = None
    start = blocks[index].start
    heads = tuple(words("appendix_heads"))
    for block in reversed(blocks[max(0, index - _TITLE_LOOKBACK):index]):
        if unit is None and (found := _UNIT.search(block.text)):
            unit, start = found.group("unit"), block.start
            continue
        if title is None and not block.text.startswith(heads) and len(block.text) <= 40 and "。" not in block.text \
                and not block.text.endswith((",", ";", ":")) and not _ends_prose(block.text):
            title, start = block.text, block.start
        break
    return title, unit, start


def _ends_prose(text: str) -> bool:
    """A line closing a paragraph or naming an outline section is no caption."""
    return text.endswith(("。", "！", "？")) or match_marker(text) is not None


def _continues(previous: Block, block: Block) -> bool:
    """Whether ``block`` is the rest of the cell ``previous`` began (a cell printed over two lines)."""
    before, text = previous.text, block.text
    if before.endswith(("、", ",", "，", "(", "（", "和", "及", "与", "“")) or text.startswith(("、", ")", "）", "”")):
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


def _is_group(number: tuple[str, str, str], content: list[Block]) -> bool:
    """一 / 推进… (or — / 构建…) above the numbered rows it groups: a number and a title only."""
    return number[0] == "dash" or (number[0] == "cn" and len(content) <= 1)


@dataclass
class _RawRow:
    number: tuple[str, str, str]
    content: list[Block]
    start: int
    end: int


class _Segmenter:
    """Cuts the blocks after a header into raw rows by their row numbers."""

    def __init__(self, outer: dict[str, int]) -> None:
        self.outer = outer  # the prose outline's last 一、 number before the table
        self.expected: dict[str, int] = {}
        self.used: set[str] = set()
        self.after_group = False  # numbering may start again at 1 under a new group row

    def classify(self, block: Block) -> str | tuple[str, str, str] | None:
        """A row number that opens a row, "end" for the prose outline going on, else None."""
        found = row_number(block.text)
        if found is None:
            return None
        style, number, _ = found
        if style == "dash":
            return found
        value = int(number)
        if style == "cn" and style not in self.used and value > 1 and self.outer.get("cn") == value - 1:
            return "end"  # 四、主要任务 after the table: the document's outline, not a row
        if value == self.expected.get(style, 1) or (value == 1 and self.after_group):
            return found
        return None

    def opened(self, number: tuple[str, str, str], group: bool) -> None:
        style, value, _ = number
        self.used.add(style)
        self.after_group = group
        if style != "dash":
            self.expected[style] = int(value) + 1


def _content(raw: _RawRow) -> list[Block]:
    first, rest = raw.content[0], raw.content[1:]
    text = raw.number[2]
    if text:  # "4.出台文件规章": the number and the first cell share a line
        offset = first.text.index(text)
        rest = [Block(text, first.start + offset, first.end)] + rest
    return _merged(rest)


def _columns(rows: list[tuple[_RawRow, list[Block]]], roles: list[str]) -> list[int]:
    """The header's columns that hold cells: a column no row fills in the first alignment (a
    header cell over two lines, a heading spanning several columns) is no column of its own."""
    filled: set[int] = set()
    for raw, content in rows:
        if _is_group(raw.number, content):
            filled.update(i for i, role in enumerate(roles) if role == "task")  # a group row fills 重点任务
        elif content:
            filled.update(_align(content, roles))
    return [index for index in range(len(roles)) if index in filled] or list(range(len(roles)))


def _build_rows(raws: list[_RawRow], columns: list[tuple[str, str]]) -> tuple[list[Row], list[int]]:
    """The rows, and the indices of ``columns`` that hold cells."""
    contents = [(raw, _content(raw)) for raw in raws]
    kept = _columns(contents, [role for _, role in columns])
    headers = [columns[index][0] for index in kept]
    roles = [columns[index][1] for index in kept]
    rows: list[Row] = []
    section: str | None = None
    carry: dict[str, Cell] = {}
    for raw, content in contents:
        if _is_group(raw.number, content):
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


def _total_rows(raws: list[_RawRow], columns: list[tuple[str, str]], kept: list[int]) -> tuple[Row, ...]:
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


def _after(blocks: tuple[Block, ...], index: int, end: int) -> int:
    """The index of the first block at or after ``index`` starting at or after ``end``."""
    while index < len(blocks) and blocks[index].start < end:
        index += 1
    return index


def _ends_table(block: Block, roles: list[str], heads: tuple[str, ...]) -> bool:
    """An appendix heading, a note, a chapter heading — or, in a table without prose columns,
    a paragraph of prose."""
    text = block.text
    return (text.startswith(heads) and len(text) <= 40) or bool(_NOTE.match(text)) or bool(
        _CHAPTER.match(text)) or (len(text) >= _PROSE_MIN and "。" in text[:-1] and row_number(text) is None
                                  and "subtask" not in roles and "task" not in roles)


def _repeats_header(blocks: tuple[Block, ...], index: int, columns: list[tuple[str, str]]) -> bool:
    """The header printed again (at a page break of the original)."""
    texts = [text for text, _ in columns]
    return [b.text for b in blocks[index:index + len(texts)]] == texts


def _outline_before(blocks: tuple[Block, ...], index: int) -> dict[str, int]:
    """The last 一、 number the prose used before a table: a 四、 after the table that goes on
    from the prose's 三、 closes the table."""
    last: dict[str, int] = {}
    for block in blocks[:index]:
        marker = match_marker(block.text)
        if marker is not None and marker.style == "cn_dun":
            last["cn"] = marker.number
    return last


def _read_table(blocks: tuple[Block, ...], index: int, header: list[Block]) -> tuple[Table | None, int]:
    title, unit, start = _caption(blocks, index)
    heading = [b for b in header if not states_total(b.text, unit)]  # a total over columns heads none
    columns = [(b.text, column_role(b.text)) for b in heading]
    roles = [role for _, role in columns if role != "number"]
    segmenter = _Segmenter(_outline_before(blocks, index))
    heads = tuple(words("appendix_heads"))
    cursor, end = _after(blocks, index, header[-1].end), header[-1].end
    raws: list[_RawRow] = []
    totals: list[_RawRow] = []
    while cursor < len(blocks):
        block = blocks[cursor]
        if _repeats_header(blocks, cursor, columns):
            cursor += len(columns)
            continue
        if _ends_table(block, roles, heads) or header_at(blocks, cursor):
            break
        number = segmenter.classify(block)
        if number == "end":
            break
        if number is not None:
            segmenter.opened(number, number[0] == "dash" or (number[0] == "cn" and len(number[2]) > 0))
            raws.append(_RawRow(number, [block], block.start, block.end))
        elif is_total_label(block.text):
            label_at = cursor
            cursor += 1
            while cursor < len(blocks) and cell_type(blocks[cursor].text) == "quantity":
                cursor += 1  # the totals themselves: no task, but the table's figures
            end = blocks[cursor - 1].end
            totals.append(_RawRow(("total", "", block.text), list(blocks[label_at:cursor]), block.start, end))
            continue
        elif raws:
            if len(raws[-1].content) > 2 * len(roles) + 2:
                break  # far more cells than the table has columns: prose again
            raws[-1].content.append(block)
            raws[-1].end = block.end
        else:  # a group row without a number, right under the header
            raws.append(_RawRow(("dash", "", ""), [Block("—", block.start, block.start), block], block.start,
                                block.end))
        end = max(end, raws[-1].end) if raws else end
        cursor += 1
    numbered_columns = [index for index, column in enumerate(columns) if column[1] != "number"]
    body = [columns[index] for index in numbered_columns]
    rows, kept = _build_rows(raws, body)
    if not rows:
        return None, cursor
    labels = tuple((heading[numbered_columns[i]].start, heading[numbered_columns[i]].end) for i in kept)
    return Table(title, tuple(columns), tuple(rows), start, end, unit, _kind(columns), labels=labels,
                 totals=_total_rows(totals, body, kept)), cursor


def _kind(columns: list[tuple[str, str]]) -> str:
    """tasks (owners named), allocation (places given quantities) or indicators."""
    has = {role for _, role in columns}
    if has & _OWNER_ROLES:
        return "tasks"
    if "quantity" in has:
        return "allocation" if "place" in has else "indicators"
    return "tasks"


def read_tables(blocks: tuple[Block, ...], start: int = 0) -> tuple[Table, ...]:
    """Every table in ``blocks`` from block ``start`` on."""
    tables, index = [], start
    while index < len(blocks):
        header = header_at(blocks, index)
        if header is not None:
            table, index = _read_table(blocks, index, header)
        elif (header := row_header_at(blocks, index)) is not None:
            table, index = _read_row_table(blocks, index, header)
        else:
            index += 1
            continue
        if table is not None:
            tables.append(table)
    return tuple(tables)
