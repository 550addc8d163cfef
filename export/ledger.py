"""The 台账 (ledger): one row per commitment, as a spreadsheet a person reads and filters.

The rows come from the named query ``ledger`` (so ``pledgegraph query ledger`` shows the same
data); this module only makes them readable: Chinese headers, themes and statuses in Chinese,
owners and projects joined by 、, targets written out ("新增养老床位 ≥ 60 张" — Cypher has no
number-to-text function both stores share, so that happens here), and the span as "200–402".
:func:`ledger_rows` returns exactly the cells :func:`write_xlsx` puts in the sheet: text XML
cannot hold becomes U+FFFD and a cell longer than Excel allows is cut, and the ledger's
``warnings`` say how many (the export prints them) rather than the sheet failing to save.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pledgegraph.export.xmltext import replaced_note, xml_clean
from pledgegraph.graph.store import Store
from pledgegraph.queries.library import iter_pages

__all__ = ["Column", "COLUMNS", "Ledger", "ledger_rows", "target_text", "write_xlsx"]

SHEET = "台账"
ABOUT_SHEET = "说明 about"
XLSX_MAX_CELL = 32767  # characters Excel holds in one cell


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    width: float  # in Excel's units (about one Latin character; a Chinese character takes two)
    wrap: bool
    meaning: str


COLUMNS: tuple[Column, ...] = (
    Column("序号", "row", 6, False, "行号 / row number"),
    Column("文件", "document", 18, True, "来源文件 / the plan's file name (provenance)"),
    Column("发文单位", "issuer", 14, True, "发布计划的单位 / body that issued the plan"),
    Column("所属区", "district", 9, False, "发文单位所在区 / district of the issuer"),
    Column("年度", "year", 7, False, "计划年度 / year of the plan"),
    Column("章节", "section", 30, True, "任务在计划中的章节路径 / the task's place in the plan's outline"),
    Column("主题", "theme", 12, False, "十二类主题之一 / one of the twelve themes"),
    Column("任务", "commitment", 26, True, "任务标题 / the task's heading"),
    Column("任务内容", "task", 60, True, "任务全文 / the task's full text"),
    Column("牵头单位", "lead", 18, True, "牵头(责任)单位 / lead bodies"),
    Column("配合单位", "cooperating", 22, True, "配合(协同)单位 / cooperating bodies"),
    Column("涉及项目", "projects", 24, True, "任务涉及的项目 / projects the task concerns"),
    Column("目标", "targets", 26, True, "量化目标 / quantified targets (≥ at least, ≤ at most, 约 about)"),
    Column("完成时限", "deadline", 12, False, "截止日期 / deadline (YYYY-MM-DD)"),
    Column("状态", "status", 9, False, "计划 / 推进中 / 已完成 — planned, in progress, completed"),
    Column("原文位置", "span", 12, False, "原文字符位置 / character span in the original file"),
    Column("依据原文", "evidence", 50, True, "原文依据 / the evidence text at that span"),
    Column("编号", "id", 28, False, "任务在图中的 id / the commitment's node id"),
)

THEMES_ZH = {
    "economy": "经济发展", "rural_revitalization": "乡村振兴", "urban_development": "城市建设",
    "ecology_environment": "生态环境", "governance_digital": "治理与数字化", "public_safety": "公共安全",
    "social_welfare": "民生保障", "education": "教育", "health": "卫生健康", "culture_sports": "文化体育",
    "party_building": "党的建设", "government_self_building": "政府自身建设",
}
STATUS_ZH = {"planned": "计划", "in_progress": "推进中", "completed": "已完成"}
_COMPARATORS = {"=": "", ">=": "≥", "<=": "≤", "~": "约", ">": ">", "<": "<"}


@dataclass(frozen=True)
class Ledger:
    headers: list[str]
    rows: list[list[Any]]  # str, int or None (an empty cell)
    warnings: tuple[str, ...] = ()  # what had to change for the sheet to hold the text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def target_text(target: dict[str, Any]) -> str:
    """A target as a person writes it: ``新增养老床位 ≥ 60 张``, a range ``新增储能容量 2–3 MW``."""
    value, low = target.get("value"), target.get("low")
    if low is not None and value is not None:
        parts = [target.get("metric") or "", f"{_number(low)}–{_number(value)}", target.get("unit") or ""]
        return " ".join(part for part in parts if part)
    parts = [target.get("metric") or "", _COMPARATORS.get(target.get("comparator") or "=", target.get("comparator")),
             "" if value is None else _number(value), target.get("unit") or ""]
    return " ".join(part for part in parts if part)


def _cell(value: Any, tally: Counter[str]) -> Any:
    """What a sheet cell can hold: no XML-illegal characters, at most Excel's cell size;
    ``tally`` counts what was replaced and cut."""
    if isinstance(value, list):
        value = "、".join(value)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value, replaced = xml_clean(value)
        tally["replaced"] += replaced
        if len(value) > XLSX_MAX_CELL:
            tally["cut"] += 1
            value = value[:XLSX_MAX_CELL - 1] + "…"
    return value


def _warnings(tally: Counter[str]) -> tuple[str, ...]:
    cut = [f"{tally['cut']} cell(s) longer than Excel's {XLSX_MAX_CELL} characters were cut (ending in …)"]
    return (*replaced_note(tally["replaced"]), *(cut if tally["cut"] else []))


def _in_text_order(target: dict[str, Any]) -> tuple:
    return (target.get("span_start") is None, target.get("span_start") or 0, target.get("metric") or "")


def _span(start: Any, end: Any) -> str | None:
    return None if start is None else f"{start}–{end}"


def ledger_rows(store: Store) -> Ledger:
    """The ledger's cells, row by row, in the order of the named query (document, position),
    read a page at a time: the store is never asked for every commitment at once."""
    rows, tally = [], Counter[str]()
    records = (record for page in iter_pages(store, "ledger") for record in page.records())
    for number, record in enumerate(records, start=1):
        values = {
            **record,
            "row": number,
            "theme": THEMES_ZH.get(record["theme"], record["theme"]),
            "status": STATUS_ZH.get(record["status"], record["status"]),
            "targets": "\n".join(target_text(t) for t in sorted(record["targets"], key=_in_text_order)),
            "span": _span(record["span_start"], record["span_end"]),
        }
        rows.append([_cell(values[column.key], tally) for column in COLUMNS])
    return Ledger([column.header for column in COLUMNS], rows, _warnings(tally))


def write_xlsx(ledger: Ledger, path: Path, source: str, exported: datetime) -> None:
    """The ledger sheet (frozen header, filter, widths for Chinese text) and a 说明 sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(ledger.headers)
    for row in ledger.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula (a task may start with "=")
    bold, fill = Font(bold=True), PatternFill("solid", start_color="DDEBF7")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        alignment = Alignment(vertical="top", wrap_text=column.wrap)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.alignment = alignment
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(ledger.rows) + 1}"

    about = book.create_sheet(ABOUT_SHEET)
    about.append(["pledgegraph 台账 / ledger", ""])
    about.append(["来源 source", xml_clean(source)[0]])
    about.append(["导出时间 exported", exported.isoformat(timespec="seconds")])
    about.append(["任务数 commitments", len(ledger.rows)])
    about.append([])
    about.append(["列 column", "含义 meaning"])
    for column in COLUMNS:
        about.append([column.header, column.meaning])
    for row in (1, 6):
        for cell in about[row]:
            cell.font = bold
    about.column_dimensions["A"].width = 22
    about.column_dimensions["B"].width = 70
    book.properties.creator = "pledgegraph"
    # Saved in memory, then written: openpyxl leaves its zip file open when a write fails (a
    # full disk), and closing it later prints a second error.
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
