"""The clause or sentence around a mention: where evidence excerpts start and end."""

from __future__ import annotations

__all__ = ["CLAUSE_MARKS", "SENTENCE_MARKS", "around", "clause", "sentence"]

SENTENCE_MARKS = "。;；!！?？\n"
CLAUSE_MARKS = SENTENCE_MARKS + ",，"


def around(text: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """``[start, end)`` widened to the nearest ``marks`` on both sides (marks excluded)."""
    left = start
    while left > 0 and text[left - 1] not in marks:
        left -= 1
    right = end
    while right < len(text) and text[right] not in marks:
        right += 1
    return left, right


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas and full stops) around ``[start, end)``."""
    return around(text, start, end, CLAUSE_MARKS)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, its closing mark included."""
    left, right = around(text, start, end, SENTENCE_MARKS)
    return left, min(len(text), right + 1)
