"""Deadlines written the way plans write them, turned into dates in the plan year.

"年底前" / "年内" → 12-31, "三季度" → 09-30, "6月底前" → 06-30, "上半年" → 06-30,
"2024年3月底前" → that year's 03-31. A bare month counts only with an end-word (底/末/前/份)
so that "1-6月完成…" (a reporting period) is not read as a deadline.
"""

from __future__ import annotations

import calendar
import re

__all__ = ["find_deadline"]

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
              "十一": 11, "十二": 12}
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_QUARTER = r"(?P<quarter>[1-4一二三四])"
# Each pattern with a word every match of it contains: most tasks hold none, and a substring
# test is far cheaper than a regex scan. Each pattern also opens with a lookahead for the
# characters a match can start with (the year's 2 or the first of the rest): it changes no
# match, but spares the scan trying the whole pattern at every position.
_PATTERNS = (
    (re.compile(rf"(?=[2第1-4一二三四])(?:(?P<year>20\d\d)年)?(?:第)?{_QUARTER}季度(?:末|底|前|内|完成)?"),
     "季度"),
    (re.compile(rf"(?=[0-9十一二三四五六七八九])(?:(?:(?P<year>20\d\d)年)?{_MONTH}月(?:份)?(?:底|末)(?:前)?"
                rf"|(?:(?P<year2>20\d\d)年)?{_MONTH.replace('month', 'month2')}月(?:份)?前)"), "月"),
    (re.compile(r"(?=[2上年])(?:(?P<year>20\d\d)年)?(?P<half>上半年|年中)(?:前)?"), "年"),
    (re.compile(r"(?=[2年全下今本])(?:(?P<year>20\d\d)年)?(?P<yearend>年底前?|年底|年末|年内|全年|下半年|今年底|本年度)"),
     "年"),
)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _CN_DIGITS[token]


def _as_date(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _match_date(match: re.Match[str], plan_year: int) -> str | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    year = int(groups.get("year") or groups.get("year2") or plan_year)
    if "quarter" in groups:
        return _as_date(year, _number(groups["quarter"]) * 3)
    if "month" in groups or "month2" in groups:
        month = _number(groups.get("month") or groups["month2"])
        return _as_date(year, month) if 1 <= month <= 12 else None
    if "half" in groups:
        return _as_date(year, 6)
    if "yearend" in groups:
        return _as_date(year, 12)
    return None


def find_deadline(text: str, plan_year: int | None) -> str | None:
    """The earliest explicit deadline in ``text`` as an ISO date, or ``None``.

    The earliest wins because a task with "6月底前完成…,年底前全面建成" owes its first
    milestone first; without a plan year there is nothing to anchor a relative deadline to.
    """
    if plan_year is None:
        return None
    found = []
    for pattern, needed in _PATTERNS:
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            date = _match_date(match, plan_year)
            if date:
                found.append(date)
    return min(found) if found else None
