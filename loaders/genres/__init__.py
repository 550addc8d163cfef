"""Genres of government documents: how each kind of plan lays out its structure.

A genre is one file with a class that follows :class:`Genre`: ``detect`` scores how much a
document looks like it, ``layout`` adds what the genre knows how to read (an envelope, the
tables, the duty items, the sections that report rather than plan). Genres come in three
groups, tried in this order, doc2dash-style:

* **wrappers** (a notice that issues or forwards a plan) — every one that detects applies;
* **kinds** (work plan, action plan, progress report, five-year plan) — the best scoring one
  applies and settles the document kind;
* **structures** (task-division table, duty list) — every one that detects applies.

The genres that applied are recorded on the layout (``genres``), the extraction record and the
Plan node. A new genre is a new file and one line in the lists below.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from pledgegraph.loaders.genres.action_plan import ActionPlan
from pledgegraph.loaders.genres.duty_list import DutyList
from pledgegraph.loaders.genres.five_year import FiveYearPlan
from pledgegraph.loaders.genres.notice import Notice
from pledgegraph.loaders.genres.report import ProgressReport
from pledgegraph.loaders.genres.task_table import TaskTable
from pledgegraph.loaders.genres.work_plan import WorkPlan
from pledgegraph.loaders.layout import Layout, read_blocks
from pledgegraph.loaders.layout.blocks import appendix_headings

__all__ = ["Genre", "WRAPPERS", "KINDS", "STRUCTURES", "read_layout"]

DETECTED = 0.5  # a score at least this high means the genre applies


class Genre(Protocol):
    name: str

    def detect(self, layout: Layout) -> float:
        """How much the document looks like this genre, 0 … 1."""
        ...

    def layout(self, layout: Layout) -> Layout:
        """``layout`` with what this genre reads added (and its name in ``genres``)."""
        ...


WRAPPERS: tuple[Genre, ...] = (Notice(),)
KINDS: tuple[Genre, ...] = (ProgressReport(), FiveYearPlan(), ActionPlan(), WorkPlan())
STRUCTURES: tuple[Genre, ...] = (TaskTable(), DutyList())


def read_layout(original: str) -> Layout:
    """The layout of a document's original text, read by every genre that detects it."""
    layout = Layout(read_blocks(original))
    for genre in WRAPPERS:
        if genre.detect(layout) >= DETECTED:
            layout = genre.layout(layout)
    scored = [(genre.detect(layout), -order, genre) for order, genre in enumerate(KINDS)]
    best = max(scored, key=lambda item: item[:2])
    layout = best[2].layout(layout) if best[0] >= DETECTED else WorkPlan().layout(layout)
    for genre in STRUCTURES:
        if genre.detect(layout) >= DETECTED:
            layout = genre.layout(layout)
    return replace(layout, appendices=appendix_headings(layout.blocks))
