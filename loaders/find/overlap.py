"""One overlap policy for every finder: of mentions that overlap, the longest is kept, and of
equally long ones the one from the finder listed first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

__all__ = ["settle"]


class _Span(Protocol):
    start: int
    end: int


M = TypeVar("M", bound=_Span)


def settle(*groups: Sequence[M]) -> list[M]:
    """The mentions of ``groups`` (in priority order) without overlaps, in text order."""
    ranked = [(m.start, -(m.end - m.start), rank, m) for rank, group in enumerate(groups) for m in group]
    ranked.sort(key=lambda item: item[:3])
    kept: list[M] = []
    for _, _, _, mention in ranked:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
