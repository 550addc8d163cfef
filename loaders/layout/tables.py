"""Tables rebuilt from their flattened form: a header, then rows of cells, each cell given the
role of the column it belongs to.

Published plans reach us with their tables flattened — one cell per paragraph (web pages
copied to text), or one row per line with cells apart (Word, PDF). The header names the
columns (序号 / 重点任务 / 具体工作 / 时间进度 / 牵头单位 / 配合单位 …, data/table_headers.txt;
read by layout/table_header.py); rows open with a row number (1, 2 … for tasks, 一, 二 or —
for group rows), and their cells are given columns in layout/table_rows.py. A header printed
again at a page break is skipped; a total row (合计) is no task but is kept with the table
(``Table.totals``: its figures are targets). The table ends at an appendix heading, a note, a
chapter heading, another table, or text that cannot be one of its cells.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.chars import NUMERALS
from pledgegraph.loaders.layout.cells import cell_type, is_total_label, row_number
from pledgegraph.loaders.layout.record import Block, Table
from pledgegraph.loaders.layout.table_header import (
    column_role,
    header_at,
    pieces,
    row_header_at,
    states_total,
)
from pledgegraph.loaders.layout.table_rows import RawRow, build_rows, total_rows
from pledgegraph.loaders.lexicon import alternation, column, words
from pledgegraph.loaders.outline import match_marker

__all__ = ["read_tables"]

_OWNER_ROLES = frozenset({"lead", "cooperate", "responsible"})
_TITLE_LOOKBACK = 4
_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>[\u4e00-\u9fffA-Za-z%/²㎡]{1,6})")
_PROSE_MIN = 80

def _read_row_table(blocks: tuple[Block, ...], index: int, header: list[Block]) -> tuple[Table | None, int]:
    """A table whose every row is one line of cells."""
    title, unit, start = _caption(blocks, index)
    columns = [(b.text, column_role(b.text)) for b in header]
    numbered = columns[0][1] == "number"
    raws: list[RawRow] = []
    cursor = index + 1
    while cursor < len(blocks):
        cells = pieces(blocks[cursor])
        number = row_number(cells[0].text) if cells else None
        if len(cells) < 2 or (numbered and number is None):
            break
        if numbered:
            raws.append(RawRow(number, cells, blocks[cursor].start, blocks[cursor].end))
        else:
            first = Block("", cells[0].start, cells[0].start)
            raws.append(RawRow(("dash", "", ""), [first, *cells], blocks[cursor].start, blocks[cursor].end))
            if len(cells) == 1:
                break
        cursor += 1
    numbered_columns = [index for index, column in enumerate(columns) if column[1] != "number"]
    rows, kept = build_rows(raws, [columns[index] for index in numbered_columns])
    if not rows:
        return None, cursor
    end = blocks[cursor - 1].end
    labels = tuple((header[numbered_columns[i]].start, header[numbered_columns[i]].end) for i in kept)
    return Table(title, tuple(columns), tuple(rows), start, end, unit, _kind(columns), labels=labels), cursor


@cache
def _note() -> re.Pattern[str]:
    """注：…, 备注：…, 说明1. — a note under a table (data/note_labels.txt)."""
    return re.compile(rf"^{alternation(words('note_labels'))}\s*[:：0-9(（{NUMERALS[0]}、]")


@cache
def _chapter() -> re.Pattern[str]:
    """第三章, 第二节, 第一部分: a chapter of the document, no table row."""
    units = "".join(unit for kind in ("chapter", "section", "part") for unit in column("document_divisions", kind))
    return re.compile(rf"^第[{NUMERALS}\d]+[{units}]")


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


def _after(blocks: tuple[Block, ...], index: int, end: int) -> int:
    """The index of the first block at or after ``index`` starting at or after ``end``."""
    while index < len(blocks) and blocks[index].start < end:
        index += 1
    return index


def _is_value(blocks: tuple[Block, ...], cursor: int, number: tuple[str, str, str], roles: list[str]) -> bool:
    """A bare Arabic number followed by a figure, in a table with quantity columns, is one of
    the row's figures: a row number is followed by the row's first cell, a name."""
    following = blocks[cursor + 1] if cursor + 1 < len(blocks) else None
    return (number[0] == "arabic" and not number[2] and "quantity" in roles and following is not None
            and cell_type(following.text) == "quantity")


def _ends_table(block: Block, roles: list[str], heads: tuple[str, ...]) -> bool:
    """An appendix heading, a note, a chapter heading — or, in a table without prose columns,
    a paragraph of prose."""
    text = block.text
    return (text.startswith(heads) and len(text) <= 40) or bool(_note().match(text)) or bool(
        _chapter().match(text)) or (len(text) >= _PROSE_MIN and "。" in text[:-1] and row_number(text) is None
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
    raws: list[RawRow] = []
    totals: list[RawRow] = []
    while cursor < len(blocks):
        block = blocks[cursor]
        if _repeats_header(blocks, cursor, columns):
            cursor += len(columns)
            continue
        if _ends_table(block, roles, heads) or header_at(blocks, cursor):
            break
        number = segmenter.classify(block)
        if number is not None and number != "end" and raws and _is_value(blocks, cursor, number, roles):
            number = None  # "3" then ">6" in a row of figures: a value that looks like the next row number
        if number == "end":
            break
        if number is not None:
            segmenter.opened(number, number[0] == "dash" or (number[0] == "cn" and len(number[2]) > 0))
            raws.append(RawRow(number, [block], block.start, block.end))
        elif is_total_label(block.text):
            label_at = cursor
            cursor += 1
            while cursor < len(blocks) and cell_type(blocks[cursor].text) == "quantity":
                cursor += 1  # the totals themselves: no task, but the table's figures
            end = blocks[cursor - 1].end
            totals.append(RawRow(("total", "", block.text), list(blocks[label_at:cursor]), block.start, end))
            continue
        elif raws:
            if len(raws[-1].content) > 2 * len(roles) + 2:
                break  # far more cells than the table has columns: prose again
            raws[-1].content.append(block)
            raws[-1].end = block.end
        else:  # a group row without a number, right under the header
            raws.append(RawRow(("dash", "", ""), [Block("—", block.start, block.start), block], block.start,
                                block.end))
        end = max(end, raws[-1].end) if raws else end
        cursor += 1
    numbered_columns = [index for index, column in enumerate(columns) if column[1] != "number"]
    body = [columns[index] for index in numbered_columns]
    rows, kept = build_rows(raws, body)
    if not rows:
        return None, cursor
    labels = tuple((heading[numbered_columns[i]].start, heading[numbered_columns[i]].end) for i in kept)
    return Table(title, tuple(columns), tuple(rows), start, end, unit, _kind(columns), labels=labels,
                 totals=total_rows(totals, body, kept)), cursor


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
