"""Each target once: a figure a document states again is the target it first stated.

Plans restate their figures: a task-division table repeats the prose task by task, a summary
repeats an article. A later prose statement with the same value, unit and comparator and a
similar metric (the same, or one holding the other and at least half its length: 公共建筑节能
改造 / 既有公共建筑节能改造) is the earlier target again. A metric of one or two characters
(资金, 期限, 社区) says too little to tell a restatement from a second target of the same size,
so it merges nothing. Table cells are never merged: two rows of an allocation table giving the
same figure are two allocations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pledgegraph.loaders.record import TargetMention

__all__ = ["first_statements", "similar_metrics"]

_SPECIFIC = 3  # characters a metric needs before it can name a restatement
_MARKS = re.compile(r"[\s“”\"'《》()、,，.。:：;；]")


def similar_metrics(a: str, b: str) -> bool:
    """The same metric, or one holding the other and at least half as long (both specific)."""
    a, b = _MARKS.sub("", a), _MARKS.sub("", b)
    if len(a) < _SPECIFIC or len(b) < _SPECIFIC:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ and 2 * len(short) >= len(long_)


def first_statements(targets: Sequence[TargetMention]) -> list[TargetMention]:
    """``targets`` (in text order) without the prose restatements of an earlier target."""
    kept: list[TargetMention] = []
    seen: dict[tuple[float, str, str, float | None], list[TargetMention]] = {}
    for target in targets:
        if target.rule.startswith("table."):
            kept.append(target)
            continue
        key = (target.value, target.unit, target.comparator, target.low)
        earlier = seen.setdefault(key, [])
        if any(similar_metrics(target.metric, other.metric) for other in earlier):
            continue
        earlier.append(target)
        kept.append(target)
    return kept
