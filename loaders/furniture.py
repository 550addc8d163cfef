"""Web-page furniture around a published plan: metadata lines before it, forms and links after.

Judged by shape (key:value fields, form fields ending in ``:*``, lines without Chinese,
breadcrumbs, rules) and by the vocabulary in ``data/furniture_head.txt`` / ``furniture_tail.txt``.
The title, an addressee line and a signature stay with the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pledgegraph.loaders.chars import CJK, fold
from pledgegraph.loaders.lexicon import words

__all__ = ["FURNITURE_LINE_MAX", "TAIL_JUNK", "body_lines", "body_range"]

FURNITURE_LINE_MAX = 80
_KEY = re.compile(r"(?:^|\s)【?[\u4e00-\u9fff]{2,6}[:]")
_KEY_VALUE = re.compile(r"^【?[\u4e00-\u9fff]{2,6}[:]\s*([^\u4e00-\u9fff]*)$")
_FORM_FIELD = re.compile(r"[:]\s*\*\s*$")
_SEPARATOR = re.compile(r"[-—–|*_=#~·•.>\s]+$")  # a rule or a stray symbol on a line of its own
TAIL_JUNK = " \t\r\n\u3000|*_=#~"


def _is_head_furniture(line: str) -> bool:
    """Blank, a web page's fields (索引号: … 发布机构: …), a date or code, a breadcrumb."""
    if not line or len(line) > FURNITURE_LINE_MAX or "。" in line:
        return not line
    if any(word in line for word in words("furniture_head")) or len(_KEY.findall(line)) >= 2:
        return True
    single = _KEY_VALUE.match(line)  # one field whose value is a date or code, not prose
    return (single is not None and bool(single.group(1).strip())) or not CJK.search(line) \
        or sum(line.count(mark) for mark in ">»›") >= 2


def _tail_kind(line: str) -> str | None:
    """'strong' for certain furniture, 'weak' for a line that may sit inside it, else None."""
    if not line:
        return "weak"
    if len(line) <= FURNITURE_LINE_MAX and (_FORM_FIELD.search(line)
                                             or any(word in line for word in words("furniture_tail"))):
        return "strong"
    if _SEPARATOR.match(line):
        return "strong"
    return "weak" if len(line) <= 30 and not any(mark in line for mark in "。!?;") else None  # a signature, a date


def body_lines(count: int, clean: Callable[[int], str]) -> tuple[int, int | None] | None:
    """The first body line and the first line of a trailing furniture block (None: no such
    block), given ``count`` lines and ``clean(i)``, line i folded and stripped; None when
    every line looks like furniture."""
    first = 0
    while first < count and _is_head_furniture(clean(first)):
        first += 1
    if first == count:
        return None
    cut, last = None, count - 1
    while last > first and (kind := _tail_kind(clean(last))) is not None:
        cut = last if kind == "strong" else cut
        last -= 1
    return first, cut


def body_range(original: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Cut leading metadata lines and a trailing feedback/navigation block (see furniture.py)."""

    def clean(index: int) -> str:
        return fold(original[slice(*spans[index])]).replace("\x00", "").strip()

    found = body_lines(len(spans), clean)
    if found is None:
        return 0, len(original)  # nothing but furniture: keep it all rather than lose text
    first, cut = found
    start = spans[first][0]
    end = spans[cut][0] if cut is not None else len(original)
    while end > start and original[end - 1] in TAIL_JUNK:
        end -= 1
    return start, end
