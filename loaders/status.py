"""Whether a commitment or project is planned, under way or completed.

A report's past-tense verbs (完成, 建成, 开馆 …) say completed and its 推进/开工 say in
progress; in a plan everything is planned unless the verbs show work already under way
(持续, 深化, 巩固 …), and a plan's own "完成X" means X is being finished this year, so in
progress. Sections of a report headed 下半年/工作安排 are plans again.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import words

__all__ = ["clause_status", "is_report_section"]

_REPORT_TYPES = {"midyear_report", "gov_report"}
_PLAN_HEADING = re.compile(r"下半年|工作安排|工作部署|工作计划|工作打算|明年|主要任务|重点工作|工作思路")
_REPORT_HEADING = re.compile(r"总结|上半年|回顾|主要成效|工作情况|进展")


def is_report_section(doc_type: str, headings: tuple[str, ...]) -> bool:
    """True when the text under ``headings`` reports past work rather than planning new work."""
    for heading in headings:
        if _PLAN_HEADING.search(heading):
            return False
        if _REPORT_HEADING.search(heading):
            return True
    return doc_type in _REPORT_TYPES


@cache
def _any_word(vocabulary: str) -> re.Pattern[str]:
    """One alternation of a word list: a single scan instead of one substring test per word."""
    return re.compile("|".join(re.escape(word) for word in sorted(words(vocabulary))))


def _has_any(text: str, vocabulary: str) -> bool:
    return _any_word(vocabulary).search(text) is not None


def clause_status(clause: str, reporting: bool) -> str:
    """The status a clause gives the things it mentions."""
    if reporting:
        if _has_any(clause, "status_completed"):
            return "completed"
        return "in_progress"
    if _has_any(clause, "status_ongoing") or _has_any(clause, "status_completed"):
        return "in_progress"
    return "planned"
