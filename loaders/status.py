"""Whether a commitment or project is planned, under way or completed.

A report's past-tense verbs (完成, 建成, 开馆 …) say completed and its 推进/开工 say in
progress; in a plan everything is planned unless the verbs show work already under way
(持续, 深化, 巩固 …), and a plan's own "完成X" means X is being finished this year, so in
progress. Which stretches report is decided in decide/status.py.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import words

__all__ = ["clause_status"]

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
