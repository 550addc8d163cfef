"""What a table cell holds, judged from its text alone: a row number, a deadline, a list of
bodies, a quantity, or prose.

Flattened tables lose their column borders, so the layout recovers each cell's column from
what the cell says; these judgements are the evidence it aligns on.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pledgegraph.loaders.chars import DATE_UNITS, NUMERALS
from pledgegraph.loaders.dates import find_deadline
from pledgegraph.loaders.find.bodies import looks_like_body, split_body_list
from pledgegraph.loaders.lexicon import alternation, column, table, words
from pledgegraph.loaders.outline import cn_number

__all__ = ["cell_type", "row_number", "header_role", "is_header_cell", "is_total_label", "CELL_TYPES"]

CELL_TYPES = ("number", "deadline", "bodies", "quantity", "text")

_CN = NUMERALS
# Row numbers: 12 / 12. / 12、 / (12) / (一) / 一 / 一、 / — (an unnumbered group row).
_ROW_NUMBER = re.compile(rf"^(?:(?P<arabic>\d{{1,3}})(?:[.、](?!\d))?|\((?P<paren>\d{{1,3}})\)|\((?P<cnp>[{_CN}]{{1,3}})\)"
                         rf"|(?P<cn>[{_CN}]{{1,3}})、?|(?P<dash>[—\-–]{{1,2}}))(?P<rest>.*)$", re.S)
_QUANTITY = re.compile(r"^[≤≥<>＜＞约~]?\s*\d+(?:\.\d+)?\s*(?:[-—–~至]\s*\d+(?:\.\d+)?)?\s*[%％]?"
                       r"(?:[\u4e00-\u9fff㎡/A-Za-z]{0,4})?$")


@cache
def _date_cell() -> re.Pattern[str]:
    """A deadline cell: 6月底前, 2024年内完成, 2024—2025年 (words: data/deadline_cell_words.txt)."""
    month_end, year_end, then = (alternation(column("deadline_cell_words", part))
                                 for part in ("month_end", "year_end", "then"))
    ranges = alternation(column("target_count_words", "range"))  # 2024至2025年
    return re.compile(rf"^(?:(?:19|20)\d\d\s*年)?\s*(?:\d{{1,2}}|[{_CN}]{{1,3}})\s*月(?:份)?{month_end}?{then}?$"
                      rf"|^(?:19|20)\d\d\s*年{year_end}?{then}?$"
                      rf"|^(?:19|20)\d\d\s*(?:[-—–{DATE_UNITS[0]}]|{ranges})+\s*(?:19|20)?\d\d\s*{DATE_UNITS[0]}?$")


@cache
def _deadline_words() -> frozenset[str]:
    return words("deadline_cells")


@cache
def _headers() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table("table_headers"), key=lambda row: -len(row[0])))


@cache
def _cues() -> tuple[str, ...]:
    return tuple(words("table_header_cues"))


def row_number(text: str) -> tuple[str, str, str] | None:
    """(style, number, rest) when ``text`` opens with a row number: style is arabic, paren,
    cn (Chinese numeral) or dash; ``rest`` is what follows it in the same cell."""
    found = _ROW_NUMBER.match(text)
    if not found:
        return None
    rest = found.group("rest").strip()
    style = next(name for name in ("arabic", "paren", "cnp", "cn", "dash") if found.group(name) is not None)
    value = found.group(style)
    after = text[len(value):len(value) + 2]
    if style == "arabic" and rest and not (after[:1] in (".", "、") and not after[1:2].isdigit()):
        return None  # "2026年…", "122.52", "30个": a number opening a value, not a row number
    if style == "cn" and rest and not after.startswith("、"):
        return None  # 一流, 三年行动: a word, not a numeral
    number = str(cn_number(value)) if style in ("cn", "cnp") else value
    return ("cn" if style == "cnp" else style), ("" if style == "dash" else number), rest


def cell_type(text: str) -> str:
    """One of CELL_TYPES for a cell (its row number already split off)."""
    bare = text.strip().rstrip("。")
    if not bare:
        return "text"
    if bare in _deadline_words() or _date_cell().match(bare) or (len(bare) <= 12 and (any(
            bare.startswith(w) or bare.endswith(w) for w in _deadline_words() if len(w) >= 3)
            or find_deadline(bare, 2000) is not None)):
        return "deadline"
    if _QUANTITY.match(bare):
        return "quantity"
    items = split_body_list(bare)
    if items and len(bare) <= 200 and all(looks_like_body(item) for item in items):
        return "bodies"
    return "text"


@lru_cache(maxsize=16384)
def header_role(text: str) -> str | None:
    """The column role of a header cell (data/table_headers.txt), longest entry first (cached:
    the header search asks again for every line of the window it slides)."""
    squeezed = re.sub(r"\s", "", text)
    # A one-character header (区, 镇) names its column only on its own: inside a longer cell
    # it is part of a word.
    return next((role for word, role in _headers() if word == squeezed or (len(word) > 1 and word in squeezed)),
                None)


def is_header_cell(text: str) -> bool:
    """A short line that can be a header cell: a known header word, or a noun phrase built
    of header cues (年, 任务量, 完成20%, 装机容量(MW))."""
    if len(text) > 24 or "。" in text or row_number(text) is not None and not header_role(text):
        return False
    return header_role(text) is not None or any(cue in text for cue in _cues())


def is_total_label(text: str) -> bool:
    return text.strip() in words("table_totals")
