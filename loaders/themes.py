"""Top-level sections mapped to the canonical theme taxonomy (SCHEMA.md).

A heading alone is often too terse or too rhetorical ("着力坚持‘一轴三带’发展战略") to name
its theme, so the heading's keywords are weighted three times and the section's own text
breaks ties and fills silence. Keywords and weights live in ``data/theme_keywords.txt``.
"""

from __future__ import annotations

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


def _scores(text: str) -> dict[str, float]:
    scores: dict[str, float] = {}
    for theme, weight, words in _keywords():
        # Longer keywords are more specific: weight by length so 政府自身 beats 政府.
        score = sum(text.count(word) * weight * len(word) for word in words)
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
        return "economy" if "发展" in heading else "governance_digital"
    return max(THEMES, key=lambda theme: combined.get(theme, 0.0))
