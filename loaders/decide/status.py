"""Whether a task reports work done or plans work to do, and the status that follows.

A stretch the layout marks as reporting (a report's summary half, a five-year plan's review)
reports; so does any task of a report whose section path says nothing else. Inside it the
verbs decide (loaders/status.py): 已完成/建成 → completed, 推进/开工 → in progress. A plan's
tasks are planned unless their verbs show work under way.
"""

from __future__ import annotations

from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.tense import heading_tense
from pledgegraph.loaders.status import clause_status

__all__ = ["is_reporting", "task_status", "REPORT_KINDS"]

REPORT_KINDS = frozenset({"midyear_report", "gov_report"})


def is_reporting(layout: Layout, original_start: int, section: tuple[str, ...]) -> bool:
    """Whether the task starting at ``original_start`` (under ``section``) reports past work."""
    for heading in reversed(section):
        tense = heading_tense(heading)
        if tense is not None:
            return tense == "reported"
    if any(start <= original_start < end for start, end in layout.reported):
        return True
    return layout.kind in REPORT_KINDS and not layout.reported


def task_status(clause: str, reporting: bool) -> str:
    return clause_status(clause, reporting)
