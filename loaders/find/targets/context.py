"""Whether a figure the pattern found is promised, judged from its clause.

A plan's figures are not all promises. A duration counts only where something bounds it (a
comparator, 每 making it a period, or a word naming what lasts it); a clause ending in 的 before
a comma describes cases ("长度超过2米…的，") and its figures are criteria; a modal of permission
("可按照每500户设置1个") allows rather than promises. Figures in a definition ("…用地。指…不足25%的…") are its criteria. A clause saying the work is already done
("已累计完成约4180亩") reports a result: the figure is kept, marked reported.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.targets.figures import durations
from pledgegraph.loaders.find.targets.vocabulary import alternation, guarded, role_words

__all__ = ["promised", "reported", "is_period"]

_COUNT = "target_count_words"


@cache
def _pattern(name: str, role: str) -> re.Pattern[str]:
    return re.compile(guarded(name, role))


@cache
def _duration_metric() -> re.Pattern[str]:
    return re.compile(alternation(role_words("target_durations", "duration-metric")))


def is_period(text: str, match: re.Match[str]) -> bool:
    """每三年, 每2小时: a duration after 每 is how often, a target of its own."""
    lead = match.start() - 1 if text[match.start() - 1:match.start()] == " " else match.start()
    return text[lead - 1:lead] in role_words(_COUNT, "per") and match.group("unit") in durations()


def _bounded_duration(text: str, match: re.Match[str], word: str, clause_start: int) -> bool:
    if word and word not in role_words("target_durations", "not-comparator"):
        return True
    return is_period(text, match) or _duration_metric().search(text, clause_start, match.start()) is not None


def promised(text: str, match: re.Match[str], word: str, clause_start: int, clause_end: int) -> bool:
    """Does the figure ``match`` (its comparator word ``word``) state something promised?"""
    if match.group("unit") in durations() and not match.group("per") and not _bounded_duration(
            text, match, word, clause_start):
        return False
    ends = role_words(_COUNT, "condition-end")
    if text[clause_start:clause_end].endswith(ends) and text[clause_end:clause_end + 1] in (",", "，"):
        return False  # 连续3次以上拒不改正的，…: a case described, not a promise
    if _pattern(_COUNT, "permission").search(text, clause_start, match.start()):
        return False
    return not _defines(text, match.start())


@cache
def _definition() -> re.Pattern[str]:
    # A definition word opens the paragraph, a sentence or what a colon introduces.
    return re.compile(rf"(?:^|(?<=[。:\n]))(?:{guarded(_COUNT, 'definition')})")


def _defines(text: str, start: int) -> bool:
    """Is ``start`` inside a definition: after a definition word in its paragraph, with no
    colon between them?"""
    paragraph = text.rfind("\n", 0, start) + 1
    ends = [found.end() for found in _definition().finditer(text, paragraph, start)]
    return bool(ends) and ":" not in text[ends[-1]:start]


def reported(text: str, clause_start: int, start: int) -> bool:
    """Does the clause before the figure say the work is already done?"""
    return _pattern(_COUNT, "reported").search(text, clause_start, start) is not None
