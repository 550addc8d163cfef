"""Top-level sections mapped to the canonical theme taxonomy (SCHEMA.md).

A heading alone is often too terse or too rhetorical ("着力坚持‘一轴三带’发展战略") to name
its theme, so the heading's keywords are weighted three times and the section's own text
breaks ties and fills silence. Keywords and weights live in ``data/theme_keywords.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.record import THEMES

__all__ = ["classify_theme"]

_HEADING_WEIGHT = 3.0
# Body text is long; cap its influence so a long section cannot drown a clear heading.
_BODY_CAP = 12.0


@cache
def _keywords() -> tuple[tuple[str, float, tuple[str, ...]], ...]:
    rows = []
    for theme, weight, words in table("theme_keywords"):
        if theme not in THEMES:
            raise ValueError(f"theme_keywords.txt: unknown theme {theme!r}")
        rows.append((theme, float(weight), tuple(words.split())))
    return tuple(rows)


def _any_of(chars: set[str]) -> str:
    return f"[{re.escape(''.join(sorted(chars)))}]"


@cache
def _heads() -> tuple[re.Pattern[str], int, dict[str, tuple[str, ...]]]:
    """Where a keyword may start (a first character, followed by a second one), and the
    keywords by their first ``size`` characters."""
    keywords = sorted({word for _, _, words in _keywords() for word in words})
    size = min(map(len, keywords))
    by_head: dict[str, list[str]] = {}
    for word in keywords:
        by_head.setdefault(word[:size], []).append(word)
    starts = _any_of({word[0] for word in keywords})
    if size > 1:
        starts += f"(?={_any_of({word[1] for word in keywords})})"
    return re.compile(starts), size, {head: tuple(words) for head, words in by_head.items()}


def _counts(text: str) -> dict[str, int]:
    """``text.count(word)`` of every keyword that occurs, found in one pass over ``text``
    rather than one scan per keyword (a section body is long, the keywords many). An
    occurrence counts only from the end of the last one counted, as ``str.count`` does."""
    starts, size, by_head = _heads()
    counts: dict[str, int] = {}
    free: dict[str, int] = {}  # keyword → where its next occurrence may start
    for found in starts.finditer(text):
        position = found.start()
        for word in by_head.get(text[position:position + size], ()):
            if position >= free.get(word, 0) and text.startswith(word, position):
                counts[word] = counts.get(word, 0) + 1
                free[word] = position + len(word)
    return counts


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    counts = _counts(text)
    for theme, weight, words in _keywords():
        # Longer keywords are more specific: weight by length so 政府自身 beats 政府.
        # Absent keywords add nothing; adding their 0.0 would not change the float sum either.
        score = sum(counts[word] * weight * len(word) for word in words if word in counts)
        if score:
            scores[theme] = score
    return scores


def classify_theme(heading: str, body: str = "") -> str:
    """The canonical theme of a section, from its heading and (less) its body text."""
    combined: dict[str, float] = {}
    for theme, score in _scores(heading).items():
        combined[theme] = combined.get(theme, 0.0) + _HEADING_WEIGHT * score
    body_scores = _scores(body)
    total = sum(body_scores.values()) or 1.0
    for theme, score in body_scores.items():
        combined[theme] = combined.get(theme, 0.0) + _BODY_CAP * score / total
    if not combined:
        return next((theme for word, theme in table("theme_fallback") if word in heading), "governance_digital")
    return max(THEMES, key=lambda theme: combined.get(theme, 0.0))
