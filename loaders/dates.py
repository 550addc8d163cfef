"""Deadlines written the way plans write them, turned into dates in the plan year.

"年底前" / "年内" → 12-31, "三季度" → 09-30, "6月底前" → 06-30, "上半年" → 06-30,
"2024年3月底前" → that year's 03-31. A bare month counts only with an end-word (底/末/前/份)
so that "1-6月完成…" (a reporting period) is not read as a deadline.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from pledgegraph.loaders.chars import NUMERALS
from pledgegraph.loaders.lexicon import alternation, column, table
from pledgegraph.loaders.outline import cn_number

__all__ = ["find_deadline"]

# The calendar's own words (年, 月, 季度, 第) are the grammar here; what a deadline phrase
# means is data: data/deadline_phrases.txt (年底 → December) and data/deadline_month_words.txt.
_MONTH = rf"(?P<month>1[0-2]|0?[1-9]|十[{NUMERALS[:2]}]?|[{NUMERALS[:9]}])"
_QUARTER = rf"(?P<quarter>[1-4{NUMERALS[:4]}])"


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each pattern with a word every match of it contains: most tasks hold none, and a
    substring test is far cheaper than a regex scan. Each pattern also opens with a lookahead
    for the characters a match can start with (the year's 2 or the first of the rest): it
    changes no match, but spares the scan trying the whole pattern at every position."""
    phrases = [row[0] for row in table("deadline_phrases")]
    filler, end, before = (alternation(column("deadline_month_words", part)) for part in ("filler", "end", "before"))
    firsts = "".join(sorted({phrase[0] for phrase in phrases} | {"2"}))
    year = r"(?:(?P<year>20\d\d)年)?"
    return (
        (re.compile(rf"(?=[2第1-4{NUMERALS[:4]}]){year}(?:第)?{_QUARTER}季度"), "季度"),
        (re.compile(rf"(?=[0-9{NUMERALS}]){year}{_MONTH}月{filler}?{end}{before}?"
                    rf"|(?:(?P<year2>20\d\d)年)?{_MONTH.replace('month', 'month2')}月{filler}?{before}"), "月"),
        (re.compile(rf"(?=[{firsts}]){year}(?P<phrase>{alternation(phrases)})"), _shared_character(phrases)),
    )


def _shared_character(phrases: list[str]) -> str:
    """A character every phrase holds (年), to test for before scanning; else none."""
    shared = set.intersection(*(set(phrase) for phrase in phrases)) if phrases else set()
    return min(shared) if shared else ""


@cache
def _phrase_months() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in table("deadline_phrases")}


def _number(token: str) -> int:
    return int(token) if token.isdigit() else cn_number(token)


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
    if "phrase" in groups:
        return _as_date(year, _phrase_months()[groups["phrase"]])
    return None


def find_deadline(text: str, plan_year: int | None) -> str | None:
    """The earliest explicit deadline in ``text`` as an ISO date, or ``None``.

    The earliest wins because a task with "6月底前完成…,年底前全面建成" owes its first
    milestone first; without a plan year there is nothing to anchor a relative deadline to.
    """
    if plan_year is None:
        return None
    found = []
    for pattern, needed in _patterns():
        if needed not in text:
            continue
        for match in pattern.finditer(text):
            date = _match_date(match, plan_year)
            if date:
                found.append(date)
    return min(found) if found else None
